//! Text shaping for the documents: one parsed face, one shaping plan per direction and script,
//! and the shaped runs and words of recurring texts (labels, countries, dates, towns) kept
//! between documents.
//!
//! A certificate has about sixty runs, most of them the same from one document to the next, so
//! a run is shaped once and its glyphs kept; a new line is put together from its words.

use crate::kept::Kept;
use rustybuzz::{Direction, Face, Language, Script, ShapePlan, UnicodeBuffer};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

/// The one font of the documents.
pub(crate) static FONT_BYTES: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");

static FACE: LazyLock<Option<Face<'static>>> = LazyLock::new(|| Face::from_slice(FONT_BYTES, 0));

/// The parsed face of the documents' font (metrics for the PDF font dictionary).
pub(crate) fn face() -> Option<&'static Face<'static>> {
    FACE.as_ref()
}

/// The advance of `c` in the documents' font, in ems, for measuring lines before they are
/// shaped (kerning aside); a character the font lacks counts as 0.6.
pub(crate) fn advance(c: char) -> f32 {
    // Looked up once for the first 0x2100 characters (Latin, Greek, Cyrillic and the common
    // punctuation): a line is measured character by character.
    static TABLE: LazyLock<Vec<f32>> =
        LazyLock::new(|| (0..0x2100u32).map(|c| char::from_u32(c).map_or(0.6, lookup)).collect());
    TABLE.get(c as usize).copied().unwrap_or_else(|| lookup(c))
}

/// The usual glyph of `c` in the documents' font (what its character map gives), if it has one.
pub(crate) fn glyph_of(c: char) -> Option<u16> {
    // Looked up once for the same characters as the advances.
    static TABLE: LazyLock<Vec<u16>> = LazyLock::new(|| {
        (0..0x2100u32).map(|c| char::from_u32(c).and_then(font_glyph).unwrap_or(0)).collect()
    });
    match TABLE.get(c as usize) {
        Some(0) => None,
        Some(g) => Some(*g),
        None => font_glyph(c),
    }
}

fn font_glyph(c: char) -> Option<u16> {
    FACE.as_ref()?.glyph_index(c).map(|g| g.0)
}

fn lookup(c: char) -> f32 {
    FACE.as_ref()
        .and_then(|f| {
            let g = f.glyph_index(c)?;
            Some(f32::from(f.glyph_hor_advance(g)?) / f.units_per_em() as f32)
        })
        .unwrap_or(0.6)
}

/// One shaped glyph; lengths are in ems.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Glyph {
    /// The glyph in the font.
    pub id: u16,
    /// The bytes of the run's text this glyph shows (its cluster).
    pub text_range: Range<usize>,
    /// The glyph's own width in the font.
    pub width: f32,
    /// How far the pen moves after it (its width plus kerning).
    pub x_advance: f32,
    pub x_offset: f32,
    pub y_offset: f32,
}

type PlanKey = (Direction, Script, Option<Language>);

#[derive(Default)]
struct Cache {
    plans: HashMap<PlanKey, ShapePlan>,
    /// Shaped runs and words, by text.
    runs: Kept<Arc<[Glyph]>>,
}

static CACHE: LazyLock<Mutex<Cache>> = LazyLock::new(Mutex::default);

/// The glyphs of `text` set in the documents' font; `None` when the font does not load.
pub(crate) fn shape(text: &str) -> Option<Arc<[Glyph]>> {
    // One lock for the whole call: only the document worker renders, so a miss shaped under the
    // lock holds up nobody.
    let mut cache = CACHE.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(run) = cache.runs.get(0, text) {
        return Some(run);
    }
    let face = FACE.as_ref()?;
    if !by_words(text) {
        return Some(cached(&mut cache, face, text));
    }
    // Words recur far more than whole lines (street names, towns, months), so a new line is
    // put together from its words and spaces, each shaped once.
    let mut glyphs = Vec::new();
    let mut start = 0;
    for part in text.split_inclusive(' ') {
        let word = part.strip_suffix(' ').unwrap_or(part);
        for (piece, at) in [(word, start), (&part[word.len()..], start + word.len())] {
            if !piece.is_empty() {
                glyphs.extend(cached(&mut cache, face, piece).iter().map(|g| Glyph {
                    text_range: g.text_range.start + at..g.text_range.end + at,
                    ..g.clone()
                }));
            }
        }
        start += part.len();
    }
    let run: Arc<[Glyph]> = glyphs.into();
    cache.runs.insert(0, text, run.clone());
    Some(run)
}

/// Whether `text` may be shaped word by word and give the same glyphs as shaped whole: it has
/// several words, all in left-to-right scripts (Latin, Greek, Cyrillic, Armenian) with common
/// punctuation and no direction controls, where nothing in the font reaches across a space (no
/// kerning with the space, no contextual forms; a test checks). A line that mixes scripts is
/// shaped word by word too, each word in its own script, which kerns it better than the whole
/// line shaped in the script of its first word.
fn by_words(text: &str) -> bool {
    let simple = |c: char| match u32::from(c) {
        0x200E | 0x200F | 0x202A..=0x202E | 0x2066..=0x2069 => false,
        c => c < 0x0590 || (0x1E00..=0x1EFF).contains(&c) || (0x2000..=0x20CF).contains(&c),
    };
    text.contains(' ') && text.chars().all(simple)
}

/// Forgets the runs kept (for tests that need a cold start).
#[cfg(test)]
pub(crate) fn forget() {
    CACHE.lock().unwrap_or_else(PoisonError::into_inner).runs.clear();
}

/// The glyphs of `text` shaped whole, from the cache or shaped now and kept.
fn cached(cache: &mut Cache, face: &Face<'static>, text: &str) -> Arc<[Glyph]> {
    if let Some(run) = cache.runs.get(0, text) {
        return run;
    }
    let run: Arc<[Glyph]> = shape_whole(cache, face, text).into();
    cache.runs.insert(0, text, run.clone());
    run
}

/// Shapes `text` as one run with the plan for its direction, script and language.
fn shape_whole(cache: &mut Cache, face: &Face<'static>, text: &str) -> Vec<Glyph> {
    let mut buffer = UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.guess_segment_properties();
    let (direction, script, language) = (buffer.direction(), buffer.script(), buffer.language());
    let plan = cache
        .plans
        .entry((direction, script, language.clone()))
        .or_insert_with(|| ShapePlan::new(face, direction, Some(script), language.as_ref(), &[]));
    let output = rustybuzz::shape_with_plan(face, plan, buffer);
    glyphs(text, face, direction, &output)
}

/// The glyphs of a shaped buffer: widths, advances and offsets per em, and each glyph's cluster
/// as a byte range of `text`.
fn glyphs(text: &str, face: &Face, dir: Direction, output: &rustybuzz::GlyphBuffer) -> Vec<Glyph> {
    let upem = face.units_per_em() as f32;
    let (positions, infos) = (output.glyph_positions(), output.glyph_infos());
    let forward = matches!(dir, Direction::LeftToRight | Direction::TopToBottom);
    (0..infos.len())
        .map(|i| {
            let (pos, info) = (positions[i], infos[i]);
            let start = info.cluster as usize;
            // The cluster ends where the next different cluster starts (in text order).
            let end = if forward {
                infos[i..].iter().find(|o| o.cluster != info.cluster).map(|o| o.cluster as usize)
            } else {
                infos[..i].iter().rev().find(|o| o.cluster != info.cluster).map(|o| o.cluster as usize)
            }
            .unwrap_or(text.len());
            let id = u16::try_from(info.glyph_id).unwrap_or(0);
            Glyph {
                id,
                text_range: start..end,
                width: face.glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(id)).unwrap_or(0) as f32 / upem,
                x_advance: pos.x_advance as f32 / upem,
                x_offset: pos.x_offset as f32 / upem,
                y_offset: pos.y_offset as f32 / upem,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shaping_gives_one_glyph_per_letter_with_clusters_and_caches_the_run() {
        let run = shape("Müller – Jürgen").expect("font");
        assert_eq!(run.len(), "Müller – Jürgen".chars().count());
        assert_eq!(run[0].text_range, 0..1);
        assert_eq!(run[1].text_range, 1..3, "ü is two bytes");
        assert!(run.iter().all(|g| g.x_advance > 0.0 && g.width > 0.0));
        let again = shape("Müller – Jürgen").expect("font");
        assert!(Arc::ptr_eq(&run, &again));
    }

    #[test]
    fn lines_put_together_from_words_are_the_lines_shaped_whole() {
        let face = FACE.as_ref().expect("font");
        let texts = [
            "Attestation concernant la législation de sécurité sociale applicable au titulaire",
            "Bescheinigung über die Rechtsvorschriften der sozialen Sicherheit",
            "A Y T V W L' AV To Te Yo \"A\" (A) 'T' A. T, Y; 7 1 “A” «A» ‘Y’",
            "Van den Broeck,  Rue de la Station 4, 4700 Eupen, BE — Verklaring ",
            "f i fi fl ff ffi Office, Offizielle, afflux",
            "Παπαδόπουλος Γιώργος, Οδός Αθηνάς",
            "Иванов Пётр, улица Ленина",
            "Ŀlorenç Ŋ ǅ ĳ Ǆemal",
            "u\u{308} q\u{308} a\u{301}b",
        ];
        for text in texts {
            assert!(by_words(text), "{text}");
            let whole = {
                let mut cache = Cache::default();
                shape_whole(&mut cache, face, text)
            };
            assert_eq!(*shape(text).expect("font"), whole[..], "{text}");
        }
    }
}
