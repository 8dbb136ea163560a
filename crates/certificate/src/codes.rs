//! Character codes, with the two CMaps that go with them (codes to glyphs, codes to Unicode).
//!
//! A glyph that shows one character of Windows-1252 (ASCII, the accented letters of Western
//! Europe, dashes, quotes, €) and is that character's usual glyph has that character's byte as
//! its code, the same in every document: a line made only of such glyphs encodes to the same
//! bytes everywhere (so it can be encoded once, see `lines`), and reads as plain text in the
//! content stream. Any other glyph, or a glyph standing for other text (another script, a
//! letter carrying a combining accent, a ligature), gets a two-byte code on first use in its
//! document, one for each glyph *and* text, so that every glyph reads back as what it shows.

use crate::shape;
use std::collections::HashMap;
use subsetter::GlyphRemapper;

/// Two-byte codes start with a byte from 0x01 to 0x1F, which Windows-1252 leaves to control
/// codes, and as numbers stay clear of the one-byte codes (some readers key their maps by
/// number alone).
const TWO_BYTE_FIRST: u16 = 0x0100;
const TWO_BYTE_LAST: u16 = 0x1FFF;
const CODESPACE: &[u8] = b"2 begincodespacerange\n<20> <FF>\n<0100> <1FFF>\nendcodespacerange\n";
/// The names of the two CMaps.
pub(crate) const ENCODING: &str = "Wabro-Codes";
pub(crate) const TO_UNICODE: &str = "Wabro-Unicode";

/// Windows-1252 from 0x80 to 0x9F (NUL where it defines nothing).
const HIGH: [char; 32] = [
    '€', '\0', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\0', 'Ž', '\0', //
    '\0', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\0', 'ž', 'Ÿ',
];

/// The Windows-1252 byte of `c`, from 0x20 (controls aside).
fn byte_of(c: char) -> Option<u8> {
    match u32::from(c) {
        n @ (0x20..=0x7E | 0xA0..=0xFF) => u8::try_from(n).ok(),
        _ if c == '\0' => None,
        _ => HIGH.iter().position(|h| *h == c).and_then(|i| u8::try_from(0x80 + i).ok()),
    }
}

/// The character of Windows-1252 byte `b`, from 0x20.
fn char_of(b: u8) -> Option<char> {
    match b {
        0x20..=0x7E | 0xA0..=0xFF => Some(char::from(b)),
        0x80..=0x9F => Some(HIGH[usize::from(b - 0x80)]).filter(|c| *c != '\0'),
        _ => None,
    }
}

/// The one-byte code of font glyph `gid` showing `text`, the same in every document: the
/// Windows-1252 byte of `text` when it is one character and `gid` is its usual glyph.
fn stable(gid: u16, text: &str) -> Option<u8> {
    let mut chars = text.chars();
    let c = chars.next().filter(|_| chars.next().is_none())?;
    let b = byte_of(c)?;
    (shape::glyph_of(c) == Some(gid)).then_some(b)
}

/// The bytes of `code`: one below 0x100, else two.
pub(crate) fn bytes(code: u16) -> ([u8; 2], usize) {
    match u8::try_from(code) {
        Ok(b) => ([b, 0], 1),
        Err(_) => (code.to_be_bytes(), 2),
    }
}

/// The one-byte codes of a line or document, as bits.
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub(crate) struct Used([u64; 4]);

impl Used {
    pub(crate) fn insert(&mut self, b: u8) {
        self.0[usize::from(b / 64)] |= 1 << (b % 64);
    }

    pub(crate) fn contains(&self, b: u8) -> bool {
        self.0[usize::from(b / 64)] >> (b % 64) & 1 == 1
    }

    pub(crate) fn add(&mut self, other: &Used) {
        self.0.iter_mut().zip(other.0).for_each(|(a, b)| *a |= b);
    }

    fn bytes(&self) -> impl Iterator<Item = u8> + '_ {
        (0..=255u8).filter(|b| self.contains(*b))
    }
}

/// The codes used in one document.
#[derive(Default)]
pub(crate) struct Codes {
    used: Used,
    /// The two-byte codes given out, in order: each one's glyph and text.
    pairs: Vec<(u16, String)>,
    code_of: HashMap<(u16, String), u16>,
}

/// What the font of a document is made of: the subset's glyphs (numbered in order, so that a
/// glyph's CID is its number in the subset) and the two CMaps.
pub(crate) struct FontPlan {
    pub remapper: GlyphRemapper,
    pub encoding: Vec<u8>,
    pub to_unicode: Vec<u8>,
}

impl Codes {
    /// Records the one-byte codes of a line written to the document.
    pub(crate) fn use_bytes(&mut self, used: &Used) {
        self.used.add(used);
    }

    /// The code of font glyph `gid` showing `text`: its stable byte, else a two-byte code given
    /// out on first use. Past the last two-byte code (7,936 in one document) a glyph reuses
    /// one of its codes, or, having none, shows as the first.
    pub(crate) fn code(&mut self, gid: u16, text: &str) -> u16 {
        if let Some(b) = stable(gid, text) {
            self.used.insert(b);
            return u16::from(b);
        }
        let key = (gid, text.to_owned());
        if let Some(n) = self.code_of.get(&key) {
            return *n;
        }
        match u16::try_from(self.pairs.len()).ok().and_then(|n| n.checked_add(TWO_BYTE_FIRST)) {
            Some(n) if n <= TWO_BYTE_LAST => {
                self.pairs.push(key.clone());
                self.code_of.insert(key, n);
                n
            }
            _ => TWO_BYTE_FIRST + self.pairs.iter().position(|(g, _)| *g == gid).map_or(0, |i| i as u16),
        }
    }

    /// The font subset and the CMaps: the glyphs of the one-byte codes in byte order, then
    /// those of the two-byte codes in the order given out.
    pub(crate) fn plan(&self) -> FontPlan {
        let mut remapper = GlyphRemapper::new();
        let mut cid = |gid: u16| remapper.remap(gid);
        // (code, CID, text) in code order: one byte first, then two.
        let mut entries: Vec<(u16, u16, String)> = Vec::new();
        for b in self.used.bytes() {
            if let Some((c, gid)) = char_of(b).and_then(|c| Some((c, shape::glyph_of(c)?))) {
                entries.push((u16::from(b), cid(gid), c.to_string()));
            }
        }
        let two_byte: Vec<(u16, u16, String)> = (0u16..)
            .zip(&self.pairs)
            .map(|(n, (gid, text))| (TWO_BYTE_FIRST + n, cid(*gid), text.clone()))
            .collect();
        let encoding = cidranges(entries.iter().chain(&two_byte).map(|(code, cid, _)| (*code, *cid)));
        let to_unicode =
            bfchars(entries.iter().chain(&two_byte).map(|(code, _, text)| (*code, text.as_str())));
        FontPlan {
            remapper,
            encoding: cmap(ENCODING, 1, &encoding),
            to_unicode: cmap(TO_UNICODE, 2, &to_unicode),
        }
    }
}

/// Whether codes `a` and `b` can share a range: the same length and, for two bytes, the
/// same first byte.
fn same_block(a: u16, b: u16) -> bool {
    let (a, b) = (bytes(a), bytes(b));
    a.1 == b.1 && (a.1 == 1 || a.0[0] == b.0[0])
}

/// `code` as hexadecimal digits.
fn hex_code(out: &mut String, code: u16) {
    let (b, len) = bytes(code);
    b[..len].iter().for_each(|b| hex(out, u16::from(*b), 2));
}

/// The last `digits` hexadecimal digits of `n`, upper case.
fn hex(out: &mut String, n: u16, digits: u32) {
    for shift in (0..digits).rev() {
        out.push(char::from(b"0123456789ABCDEF"[usize::from(n >> (4 * shift) & 0xF)]));
    }
}

/// The `cidrange` blocks (at most 100 entries each) mapping `codes` (ascending) to CIDs: one
/// range for each stretch of consecutive codes naming consecutive CIDs.
fn cidranges(codes: impl Iterator<Item = (u16, u16)>) -> Vec<u8> {
    use std::fmt::Write;
    let mut ranges: Vec<(u16, u16, u16)> = Vec::new();
    for (code, cid) in codes {
        match ranges.last_mut() {
            Some((first, last, first_cid))
                if *last + 1 == code && *first_cid + (code - *first) == cid && same_block(*first, code) =>
            {
                *last = code
            }
            _ => ranges.push((code, code, cid)),
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

/// The `bfchar` blocks (at most 100 entries each) mapping each code to its text in UTF-16; a
/// code that shows no text (the second glyph of a ligature) maps to nothing.
fn bfchars<'a>(codes: impl Iterator<Item = (u16, &'a str)>) -> Vec<u8> {
    use std::fmt::Write;
    let entries: Vec<(u16, &str)> = codes.filter(|(_, text)| !text.is_empty()).collect();
    let mut out = String::with_capacity(entries.len() * 16);
    for block in entries.chunks(100) {
        let _ = writeln!(out, "{} beginbfchar", block.len());
        for (code, text) in block {
            out.push('<');
            hex_code(&mut out, *code);
            out.push_str("> <");
            text.encode_utf16().for_each(|u| hex(&mut out, u, 4));
            out.push_str(">\n");
        }
        out.push_str("endbfchar\n");
    }
    out.into_bytes()
}

/// The body of a CMap resource named `name` of type `kind` (1 encoding, 2 to Unicode), with the
/// codespace above and `mappings`.
fn cmap(name: &str, kind: u8, mappings: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(mappings.len() + 400);
    out.extend_from_slice(b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n");
    out.extend_from_slice(b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> def\n");
    out.extend_from_slice(format!("/CMapName /{name} def\n/CMapType {kind} def\n").as_bytes());
    out.extend_from_slice(CODESPACE);
    out.extend_from_slice(mappings);
    out.extend_from_slice(b"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_and_blocks_split_where_the_cmap_syntax_requires() {
        // Consecutive codes and CIDs, across a change of first byte: two ranges.
        let ranges = String::from_utf8(cidranges(
            [(0x01FE, 10), (0x01FF, 11), (0x0200, 12), (0x0201, 13)].into_iter(),
        ))
        .unwrap();
        assert!(ranges.starts_with("2 begincidrange\n<01FE> <01FF> 10\n<0200> <0201> 12\n"), "{ranges}");
        // From one byte to two: never one range.
        let ranges = String::from_utf8(cidranges([(0xFF, 5), (0x0100, 6)].into_iter())).unwrap();
        assert!(ranges.contains("<FF> <FF> 5") && ranges.contains("<0100> <0100> 6"), "{ranges}");
        // At most a hundred entries a block.
        let texts: Vec<String> = (0..150).map(|i| char::from_u32(0x400 + i).unwrap().to_string()).collect();
        let chars =
            String::from_utf8(bfchars((0..150u16).map(|i| (0x0100 + i, texts[usize::from(i)].as_str()))))
                .unwrap();
        assert!(
            chars.starts_with("100 beginbfchar\n") && chars.contains("endbfchar\n50 beginbfchar\n"),
            "{chars}"
        );
        let ranges = String::from_utf8(cidranges((0..150u16).map(|i| (0x0100 + 2 * i, i)))).unwrap();
        assert_eq!(ranges.matches("begincidrange").count(), 2);
    }

    #[test]
    fn past_the_last_two_byte_code_a_glyph_reuses_one_of_its_codes() {
        let mut codes = Codes::default();
        let cyrillic = shape::glyph_of('ж').unwrap();
        let first = codes.code(cyrillic, "ж");
        for n in 0..u32::from(TWO_BYTE_LAST - TWO_BYTE_FIRST) {
            codes.code(1, &n.to_string());
        }
        assert_eq!(codes.code(2, "new"), TWO_BYTE_FIRST, "no code left: the first");
        assert_eq!(codes.code(cyrillic, "ж again"), first, "its own earlier code");
    }

    #[test]
    fn windows_1252_bytes_and_characters_agree() {
        for b in 0x20..=0xFFu8 {
            if let Some(c) = char_of(b) {
                assert_eq!(byte_of(c), Some(b), "{c}");
            }
        }
        assert_eq!(byte_of('é'), Some(0xE9));
        assert_eq!(byte_of('—'), Some(0x97));
        assert_eq!(byte_of('€'), Some(0x80));
        assert_eq!(byte_of('č'), None);
        assert_eq!(byte_of('\n'), None);
        assert_eq!(char_of(0x81), None);
    }

    #[test]
    fn a_letter_in_its_usual_glyph_has_its_byte_and_anything_else_two_bytes() {
        let e = shape::glyph_of('é').unwrap();
        let q = shape::glyph_of('q').unwrap();
        assert_eq!(stable(e, "é"), Some(0xE9));
        assert_eq!(stable(q, "q\u{308}"), None);
        assert_eq!(stable(e, "e"), None);
        let mut codes = Codes::default();
        assert_eq!(codes.code(e, "é"), 0xE9);
        let first = codes.code(q, "q\u{308}");
        assert_eq!(first, 0x0100);
        assert_eq!(codes.code(q, "q\u{308}"), first);
        assert_eq!(codes.code(shape::glyph_of('č').unwrap(), "č"), 0x0101);
        assert_eq!(bytes(0x0101), ([1, 1], 2));
        assert_eq!(bytes(0xE9), ([0xE9, 0], 1));
        let plan = codes.plan();
        // .notdef, é, then the two glyphs of the two-byte codes.
        assert_eq!(plan.remapper.num_gids(), 4);
        let to_unicode = String::from_utf8(plan.to_unicode).unwrap();
        assert!(to_unicode.contains("<E9> <00E9>"), "{to_unicode}");
        assert!(to_unicode.contains("<0100> <00710308>"), "{to_unicode}");
        let encoding = String::from_utf8(plan.encoding).unwrap();
        assert!(encoding.contains("<E9> <E9> 1"), "{encoding}");
        assert!(encoding.contains("<0100> <0101> 2"), "{encoding}");
    }
}
