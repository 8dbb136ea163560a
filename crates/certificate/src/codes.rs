//! Character codes: one for each glyph of the subset *and* the text it stands for, with the
//! two CMaps that go with them (codes to glyphs, codes to Unicode).

use std::collections::HashMap;

/// The character codes, one for each glyph *and the text it stands for* (so that a glyph that
/// shows different text in two places, such as a base letter that carries a combining accent
/// once, is read back right in both): one byte (0x1F to 0xEF) for the first 209, which is all a
/// certificate uses in practice, two bytes (0xF000 to 0xFFFF) for 4,096 more. One-byte codes are
/// mostly printable, so a line of text takes about its own length in the content stream instead
/// of eight bytes a glyph with the predefined two-byte encoding.
const ONE_BYTE_FIRST: u16 = 0x1F;
const ONE_BYTE_CODES: u16 = 0xEF - ONE_BYTE_FIRST + 1;
const TWO_BYTE_FIRST: u16 = 0xF000;
const MAX_CODES: u16 = ONE_BYTE_CODES + 0x1000;
const CODES: &[u8] = b"2 begincodespacerange\n<00> <EF>\n<F000> <FFFF>\nendcodespacerange\n";
pub(crate) const ENCODING: &str = "Wabro-Codes";

/// The bytes of code number `n` in a content stream, one or two (below [`MAX_CODES`]).
pub(crate) fn bytes(n: u16) -> ([u8; 2], usize) {
    match n.checked_sub(ONE_BYTE_CODES) {
        None => ([(n + ONE_BYTE_FIRST) as u8, 0], 1),
        Some(n) => ((TWO_BYTE_FIRST + n.min(0x0FFF)).to_be_bytes(), 2),
    }
}

/// Whether codes `a` and `b` have the same length and, for two bytes, the same first byte.
fn same_block(a: u16, b: u16) -> bool {
    match (a < ONE_BYTE_CODES, b < ONE_BYTE_CODES) {
        (true, true) => true,
        (false, false) => bytes(a).0[0] == bytes(b).0[0],
        _ => false,
    }
}

/// `code` as hexadecimal digits.
fn hex_code(out: &mut String, n: u16) {
    use std::fmt::Write;
    let (b, len) = bytes(n);
    b[..len].iter().for_each(|b| {
        let _ = write!(out, "{b:02X}");
    });
}

/// The body of a CMap resource named `name` of type `kind` (1 encoding, 2 to Unicode), with the
/// codespace above and `mappings`.
pub(crate) fn cmap(name: &str, kind: u8, mappings: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(mappings.len() + 400);
    out.extend_from_slice(b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n");
    out.extend_from_slice(b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> def\n");
    out.extend_from_slice(format!("/CMapName /{name} def\n/CMapType {kind} def\n").as_bytes());
    out.extend_from_slice(CODES);
    out.extend_from_slice(mappings);
    out.extend_from_slice(b"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    out
}

/// The codes given out in one document.
#[derive(Default)]
pub(crate) struct Codes {
    /// Each code's glyph (CID) and text, by code number.
    codes: Vec<(u16, String)>,
    code_of: HashMap<(u16, String), u16>,
    /// Per glyph of the font: the code it was first given.
    first_code: Vec<Option<u16>>,
}

impl Codes {
    /// The code already given to font glyph `gid` standing for `text`, when it is the text the
    /// glyph showed first (nearly always): no allocation, no hashing.
    pub(crate) fn known(&self, gid: u16, text: &str) -> Option<u16> {
        let n = (*self.first_code.get(usize::from(gid))?)?;
        (self.codes[usize::from(n)].1 == text).then_some(n)
    }

    /// The code of font glyph `gid`, glyph `cid` of the subset, standing for `text`, given out
    /// on first use. Past the last code (over 4,305 pairs in one document) a glyph reuses its
    /// first code, or, having none, shows as the glyph of the first code.
    pub(crate) fn code(&mut self, gid: u16, cid: u16, text: &str) -> u16 {
        if let Some(n) = self.known(gid, text) {
            return n;
        }
        let key = (cid, text.to_owned());
        if let Some(n) = self.code_of.get(&key) {
            return *n;
        }
        let i = usize::from(gid);
        if i >= self.first_code.len() {
            self.first_code.resize(i + 1, None);
        }
        let n = u16::try_from(self.codes.len()).unwrap_or(MAX_CODES);
        if n >= MAX_CODES {
            return self.first_code[i].unwrap_or(0);
        }
        self.first_code[i].get_or_insert(n);
        self.codes.push(key.clone());
        self.code_of.insert(key, n);
        n
    }

    /// The `bfchar` blocks (at most 100 entries each) mapping each code to its text in UTF-16.
    pub(crate) fn unicode_mappings(&self) -> Vec<u8> {
        use std::fmt::Write;
        let entries: Vec<(u16, &str)> = (0u16..)
            .zip(&self.codes)
            .filter(|(_, (_, text))| !text.is_empty())
            .map(|(n, (_, text))| (n, text.as_str()))
            .collect();
        let mut out = String::with_capacity(entries.len() * 16);
        for block in entries.chunks(100) {
            let _ = writeln!(out, "{} beginbfchar", block.len());
            for (n, text) in block {
                out.push('<');
                hex_code(&mut out, *n);
                out.push_str("> <");
                text.encode_utf16().for_each(|u| {
                    let _ = write!(out, "{u:04X}");
                });
                out.push_str(">\n");
            }
            out.push_str("endbfchar\n");
        }
        out.into_bytes()
    }

    /// The `cidrange` blocks mapping the codes to the glyphs: one range for each stretch of
    /// codes that number consecutive glyphs (in practice, one or two), never across a change
    /// of a code's first byte.
    pub(crate) fn encoding_mappings(&self) -> Vec<u8> {
        use std::fmt::Write;
        let mut ranges: Vec<(u16, u16, u16)> = Vec::new();
        for (n, (cid, _)) in (0u16..).zip(&self.codes) {
            match ranges.last_mut() {
                Some((first, last, first_cid))
                    if *last + 1 == n && *first_cid + (n - *first) == *cid && same_block(*first, n) =>
                {
                    *last = n
                }
                _ => ranges.push((n, n, *cid)),
            }
        }
        let mut out = String::with_capacity(ranges.len() * 24);
        for block in ranges.chunks(100) {
            let _ = writeln!(out, "{} begincidrange", block.len());
            for (first, last, cid) in block {
                out.push('<');
                hex_code(&mut out, *first);
                out.push_str("> <");
                hex_code(&mut out, *last);
                let _ = writeln!(out, "> {cid}");
            }
            out.push_str("endcidrange\n");
        }
        out.into_bytes()
    }
}
