//! Lines of text encoded for the content stream, kept between documents.
//!
//! Most lines of a certificate (labels, headings, countries, dates) recur from one document to
//! the next. A line whose glyphs all have one-byte codes, which are the same in every document
//! (see `codes`), encodes to the same bytes each time: it is shaped and encoded once, then
//! copied. A line with any other glyph is encoded for its document each time. Either way a
//! line's bytes depend on its text and size alone, so the output does not depend on what was
//! rendered before.

use crate::codes::{self, Codes, Used};
use crate::content::number;
use crate::kept::Kept;
use crate::shape::{self, Glyph};
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

/// A line ready for the content stream.
pub(crate) struct Line {
    /// The glyphs shown: `[...]TJ`, with kerning, and any rise around raised glyphs.
    pub shows: Vec<u8>,
    /// The one-byte codes it uses.
    pub used: Used,
}

/// The lines kept, by font size (its bits) and text.
static KEPT: LazyLock<Mutex<Kept<Arc<Line>>>> = LazyLock::new(Mutex::default);

/// `text` at `size` points encoded for the content stream, with two-byte codes from `codes`
/// where a glyph has no one-byte code; `None` when the font does not load.
pub(crate) fn line(text: &str, size: f32, codes: &mut Codes) -> Option<Arc<Line>> {
    let key = u64::from(size.to_bits());
    if let Some(line) = KEPT.lock().unwrap_or_else(PoisonError::into_inner).get(key, text) {
        return Some(line);
    }
    let glyphs = shape::shape(text)?;
    let (line, portable) = encode(&glyphs, text, size, codes);
    let line = Arc::new(line);
    if portable {
        KEPT.lock().unwrap_or_else(PoisonError::into_inner).insert(key, text, line.clone());
    }
    Some(line)
}

/// Forgets the lines kept (for tests that need a cold start).
#[cfg(test)]
pub(crate) fn forget() {
    KEPT.lock().unwrap_or_else(PoisonError::into_inner).clear();
}

/// A stretch of a `TJ` operation at one text rise.
struct Run {
    rise: f32,
    items: Vec<Item>,
}

enum Item {
    Glyphs(Vec<u8>),
    Adjust(f32),
}

/// The glyphs of a line as `TJ` operations: glyph codes, with the kerning and offsets as
/// adjustments (thousandths of an em, positive to the left); a glyph raised or lowered by the
/// shaping (a combining accent) gets a run of its own. Also whether the line is the same in
/// every document: all its codes are one-byte codes.
fn encode(glyphs: &[Glyph], text: &str, size: f32, codes: &mut Codes) -> (Line, bool) {
    let mut runs: Vec<Run> = Vec::new();
    let mut used = Used::default();
    let mut portable = true;
    let mut pending = 0.0;
    let mut start = 0;
    while start < glyphs.len() {
        // A cluster: the glyphs that show one stretch of the text.
        let range = glyphs[start].text_range.clone();
        let end =
            glyphs[start..].iter().position(|g| g.text_range != range).map_or(glyphs.len(), |n| start + n);
        let cluster = text.get(range).unwrap_or("");
        // One character a glyph when they pair up, else the whole text on the first glyph.
        let glyph_count = end - start;
        let starts: Vec<usize> = if glyph_count > 1 {
            cluster.char_indices().map(|(i, _)| i).chain([cluster.len()]).collect()
        } else {
            Vec::new()
        };
        let one_each = starts.len() == glyph_count + 1;
        for (k, g) in glyphs[start..end].iter().enumerate() {
            let shown = match k {
                _ if one_each => &cluster[starts[k]..starts[k + 1]],
                0 => cluster,
                _ => "",
            };
            let (bytes, len) = codes::bytes(codes.code(g.id, shown));
            match (bytes, len) {
                ([b, _], 1) => used.insert(b),
                _ => portable = false,
            }
            let rise = g.y_offset * size;
            if runs.last().is_none_or(|r| r.rise != rise) {
                runs.push(Run { rise, items: Vec::new() });
            }
            let items = &mut runs.last_mut().expect("pushed above").items;
            // Whole thousandths of an em (a hundredth of a point at 10 points), the remainder
            // carried to the next glyph so that it does not add up along the line.
            pending -= g.x_offset * 1000.0;
            let whole = pending.round_ties_even();
            if whole != 0.0 {
                items.push(Item::Adjust(whole));
            }
            pending += -(g.x_advance - g.width - g.x_offset) * 1000.0 - whole;
            match items.last_mut() {
                Some(Item::Glyphs(shown)) => shown.extend_from_slice(&bytes[..len]),
                _ => items.push(Item::Glyphs(bytes[..len].to_vec())),
            }
        }
        start = end;
    }
    let mut shows = Vec::with_capacity(text.len() + 16);
    for run in &runs {
        if run.rise != 0.0 {
            shows.push(b' ');
            number(&mut shows, run.rise);
            shows.extend_from_slice(b" Ts");
        }
        shows.push(b'[');
        for item in &run.items {
            match item {
                Item::Glyphs(bytes) => string(&mut shows, bytes),
                Item::Adjust(by) => number(&mut shows, *by),
            }
        }
        shows.extend_from_slice(b"]TJ");
        if run.rise != 0.0 {
            shows.extend_from_slice(b" 0 Ts");
        }
    }
    (Line { shows, used }, portable)
}

/// `bytes` as a literal string: parentheses and backslashes escaped, control bytes in octal,
/// the rest as they are.
fn string(out: &mut Vec<u8>, bytes: &[u8]) {
    out.push(b'(');
    for &b in bytes {
        match b {
            b'(' | b')' | b'\\' => out.extend_from_slice(&[b'\\', b]),
            0x00..=0x1F | 0x7F => {
                out.extend_from_slice(&[b'\\', b'0' + (b >> 6), b'0' + (b >> 3 & 7), b'0' + (b & 7)])
            }
            _ => out.push(b),
        }
    }
    out.push(b')');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_latin_line_encodes_to_its_own_bytes_and_is_kept() {
        let mut codes = Codes::default();
        let line = line("Né à Liège (BE)", 9.5, &mut codes).unwrap();
        let shows = String::from_utf8_lossy(&line.shows).into_owned();
        assert!(shows.starts_with('[') && shows.ends_with("]TJ"), "{shows}");
        assert!(line.shows.windows(2).any(|w| w == [b'N', 0xE9]), "{shows}");
        assert!(shows.contains("\\(BE\\)"), "{shows}");
        let again = super::line("Né à Liège (BE)", 9.5, &mut Codes::default()).unwrap();
        assert!(Arc::ptr_eq(&line, &again), "kept between documents");
        let mut used = Used::default();
        for b in "Né à Liège (BE)".chars().map(|c| u8::try_from(u32::from(c)).unwrap()) {
            used.insert(b);
        }
        assert_eq!(line.used, used);
    }

    #[test]
    fn a_line_with_other_letters_gets_two_byte_codes_of_its_document() {
        let first = line("Dvořák", 9.5, &mut Codes::default()).unwrap();
        // "ř" has no one-byte code: the first two-byte code, 0x0100, written in octal.
        assert!(
            first.shows.windows(8).any(|w| w == b"\\001\\000"),
            "{}",
            String::from_utf8_lossy(&first.shows)
        );
        assert!(KEPT.lock().unwrap().get(u64::from(9.5f32.to_bits()), "Dvořák").is_none(), "not kept");
        // Another document numbers its own codes from the start again.
        let mut codes = Codes::default();
        assert_eq!(line("Dvořák", 9.5, &mut codes).unwrap().shows, first.shows);
        let later = line("Łódź Dvořák", 9.5, &mut codes).unwrap();
        assert!(later.shows.windows(8).any(|w| w == b"\\001\\000"), "ř keeps its code in the document");
    }

    #[test]
    fn a_combining_accent_has_its_own_code_and_the_letter_its_usual_one() {
        let mut codes = Codes::default();
        let line = line("q\u{308}", 10.0, &mut codes).unwrap();
        let shows = String::from_utf8_lossy(&line.shows).into_owned();
        // The letter as itself, the accent with the first two-byte code, moved back onto it.
        assert!(shows.starts_with("[(q)81(\\001\\000)]TJ"), "{shows}");
        assert!(line.used.contains(b'q'), "{shows}");
    }

    #[test]
    fn a_raised_accent_is_shown_at_its_rise_then_the_rise_goes_back_to_zero() {
        // DejaVu raises the diaeresis over a capital by 0.182 em.
        let line = line("Q\u{308}a", 10.0, &mut Codes::default()).unwrap();
        let shows = String::from_utf8_lossy(&line.shows).into_owned();
        assert!(shows.starts_with("[(Q)]TJ 1.821 Ts["), "{shows}");
        assert!(shows.contains("]TJ 0 Ts[") && shows.ends_with("(a)]TJ"), "{shows}");
    }
}
