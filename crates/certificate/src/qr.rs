//! The QR code: its modules as bits, and as the 1-bit image the PDF shows.
//!
//! The `qrcode` crate encodes the text and computes the error correction. The bits are placed
//! here, along the zigzag of data modules kept per version, and the mask is chosen by the same
//! penalty rules as the crate's own `QrCode::new`, with each row and column held as the bits of
//! one integer: masking is an exclusive-or with a per-version template and each rule a handful
//! of bit operations per line. The crate's own code takes about 2 ms; this about 0.06 ms in all.
//! A test checks that both give the same code, module for module.

use qrcode::bits::encode_auto;
use qrcode::canvas::{Canvas, MaskPattern, Module};
use qrcode::ec::construct_codewords;
use qrcode::types::{Color, EcLevel, Version};
use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

/// The eight masks, in the order the crate tries them (the first of equal scores wins).
const MASKS: [MaskPattern; 8] = [
    MaskPattern::Checkerboard,
    MaskPattern::HorizontalLines,
    MaskPattern::VerticalLines,
    MaskPattern::DiagonalLines,
    MaskPattern::LargeCheckerboard,
    MaskPattern::Fields,
    MaskPattern::Diamonds,
    MaskPattern::Meadow,
];

/// The widest symbol handled: version 27, 1,465 bytes at level L (a verification address is
/// about 200).
const MAX_WIDTH: usize = 125;

/// A square of modules, each row and each column as bits (bit `i` is module `i`; set is dark).
struct Grid {
    rows: Vec<u128>,
    cols: Vec<u128>,
}

impl Grid {
    fn from_dark(width: usize, dark: impl Iterator<Item = bool>) -> Grid {
        let (mut rows, mut cols) = (vec![0u128; width], vec![0u128; width]);
        for (i, d) in dark.enumerate() {
            let (y, x) = (i / width, i % width);
            rows[y] |= u128::from(d) << x;
            cols[x] |= u128::from(d) << y;
        }
        Grid { rows, cols }
    }
}

/// What every code of one version shares: the data modules in the order the bits fill them,
/// and each mask applied to a code whose data bits are all light (function patterns and format
/// information included).
struct Templates {
    order: Vec<(usize, usize)>,
    masked: Vec<Grid>,
}

/// Every module as (row, column), in the zigzag the data bits follow: two columns at a time from
/// the right, up then down, skipping the vertical timing pattern (as the `qrcode` crate does).
fn zigzag(width: usize) -> Vec<(usize, usize)> {
    const TIMING: usize = 6;
    let mut order = Vec::with_capacity(width * width);
    let mut right = width - 1;
    let mut upward = true;
    loop {
        for step in 0..width {
            let y = if upward { width - 1 - step } else { step };
            order.push((y, right));
            order.push((y, right - 1));
        }
        upward = !upward;
        if right < 3 {
            break;
        }
        right -= 2;
        if right == TIMING {
            right -= 1;
        }
    }
    order
}

static TEMPLATES: LazyLock<Mutex<HashMap<i16, Arc<Templates>>>> = LazyLock::new(Mutex::default);

fn templates(version: Version, width: usize) -> Arc<Templates> {
    let mut cache = TEMPLATES.lock().unwrap_or_else(PoisonError::into_inner);
    cache
        .entry(version.width())
        .or_insert_with(|| {
            let mut blank = Canvas::new(version, EcLevel::L);
            blank.draw_all_functional_patterns();
            let order = zigzag(width)
                .into_iter()
                .filter(|(y, x)| blank.get(*x as i16, *y as i16) == Module::Empty)
                .collect();
            let masked = MASKS
                .iter()
                .map(|mask| {
                    let mut c = blank.clone();
                    c.apply_mask(*mask);
                    Grid::from_dark(width, dark(c).into_iter())
                })
                .collect();
            Arc::new(Templates { order, masked })
        })
        .clone()
}

fn dark(canvas: Canvas) -> Vec<bool> {
    canvas.into_colors().into_iter().map(|c| c == Color::Dark).collect()
}

/// A QR code: its width in modules and each row as bits (bit `x` set: module `x` is dark).
pub struct Symbol {
    width: usize,
    rows: Vec<u128>,
}

impl Symbol {
    /// The width (and height) in modules, quiet zone excluded.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Whether the module at column `x`, row `y` is dark.
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.width && self.rows.get(y).is_some_and(|r| r >> x & 1 == 1)
    }

    /// The symbol with a light margin of `quiet` modules as a 1-bit grey image: its side in
    /// pixels, and its rows left to right, most significant bit first, each padded to a whole
    /// byte, dark as 0.
    pub fn image(&self, quiet: usize) -> (usize, Vec<u8>) {
        let side = self.width + 2 * quiet;
        let row_bytes = side.div_ceil(8);
        let mut bits = vec![0xFF; row_bytes * side];
        for (y, row) in self.rows.iter().enumerate() {
            let out = &mut bits[(y + quiet) * row_bytes..][..row_bytes];
            for (j, byte) in out.iter_mut().enumerate() {
                // Pixel 8j is module 8j - quiet; the byte's first pixel is its high bit.
                let first = (8 * j) as i64 - quiet as i64;
                let modules = if first >= 0 {
                    row.checked_shr(first as u32).unwrap_or(0)
                } else {
                    row.checked_shl((-first) as u32).unwrap_or(0)
                };
                *byte = !(modules as u8).reverse_bits();
            }
        }
        (side, bits)
    }
}

/// The QR code for `text` (error correction level L); `None` when the text does not fit a
/// version-27 symbol.
pub fn modules(text: &str) -> Option<Symbol> {
    let bits = encode_auto(text.as_bytes(), EcLevel::L).ok()?;
    let version = bits.version();
    let width = usize::try_from(version.width()).ok().filter(|w| *w <= MAX_WIDTH)?;
    let (data_codewords, ec) = construct_codewords(&bits.into_bytes(), version, EcLevel::L).ok()?;
    let t = templates(version, width);
    // The data bits alone, most significant first, data codewords then error correction, along
    // the zigzag (remainder modules stay light); masking is then one exclusive-or with a template.
    let mut data = Grid { rows: vec![0; width], cols: vec![0; width] };
    let mut order = t.order.iter();
    for byte in data_codewords.iter().chain(&ec) {
        for (j, &(y, x)) in (0..8).rev().zip(order.by_ref()) {
            let bit = u128::from(byte >> j & 1);
            data.rows[y] |= bit << x;
            data.cols[x] |= bit << y;
        }
    }
    // Each mask scored in the same two buffers; the best one's rows are kept.
    let (mut rows, mut cols) = ([0u128; MAX_WIDTH], [0u128; MAX_WIDTH]);
    let mut best: Option<(u32, &Grid)> = None;
    for template in &t.masked {
        for (out, (a, b)) in rows.iter_mut().zip(template.rows.iter().zip(&data.rows)) {
            *out = a ^ b;
        }
        for (out, (a, b)) in cols.iter_mut().zip(template.cols.iter().zip(&data.cols)) {
            *out = a ^ b;
        }
        let score = penalty(&rows[..width], &cols[..width], width);
        if best.is_none_or(|(s, _)| score < s) {
            best = Some((score, template));
        }
    }
    let (_, template) = best?;
    Some(Symbol { width, rows: template.rows.iter().zip(&data.rows).map(|(a, b)| a ^ b).collect() })
}

/// The low `n` bits.
fn low(n: usize) -> u128 {
    if n >= 128 { u128::MAX } else { (1u128 << n) - 1 }
}

/// The penalty of a masked symbol `w` modules wide, given as rows and columns: long runs, 2×2
/// blocks, finder-like patterns and imbalance.
fn penalty(rows: &[u128], cols: &[u128], w: usize) -> u32 {
    let mut score: u32 = rows.iter().chain(cols).map(|line| line_penalty(*line, w)).sum();
    for pair in rows.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        // Bit x: the 2×2 block at x has one colour.
        let same = !(a ^ (a >> 1)) & !(b ^ (b >> 1)) & !(a ^ b) & low(w - 1);
        score += 3 * same.count_ones();
    }
    let dark = rows.iter().map(|r| r.count_ones() as usize).sum::<usize>();
    let ratio = dark * 200 / (w * w);
    score + ratio.abs_diff(100) as u32
}

/// The penalty of one row or column: every run of five or more modules of one colour scores
/// its length less two; every dark-light-dark-dark-dark-light-dark pattern with four light
/// modules (or the edge) on one side scores 40.
fn line_penalty(line: u128, w: usize) -> u32 {
    const FINDER: [bool; 7] = [true, false, true, true, true, false, true];
    // Bit i: module i has the colour of module i + 1; then: modules i..=i+4 have one colour.
    let same = !(line ^ (line >> 1)) & low(w - 1);
    let five = same & (same >> 1) & (same >> 2) & (same >> 3);
    // A run of length L sets L - 4 bits of `five`; add 2 per run (its first bit).
    let mut score = five.count_ones() + 2 * (five & !(five << 1)).count_ones();
    let mut found = low(w.saturating_sub(6));
    for (k, dark) in FINDER.iter().enumerate() {
        let shifted = line >> k;
        found &= if *dark { shifted } else { !shifted };
    }
    while found != 0 {
        let i = found.trailing_zeros() as usize;
        found &= found - 1;
        let before = (line & low(i)) >> i.saturating_sub(4);
        let after = line.checked_shr((i + 7) as u32).unwrap_or(0) & low(4.min(w - i - 7));
        if before == 0 || after == 0 {
            score += 40;
        }
    }
    score
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_code_as_the_qrcode_crate_for_many_lengths_and_contents() {
        for n in (0..300usize).chain([600, 900, 1200, 1400]) {
            let text = format!(
                "https://wabro.example.be/verify?t={}",
                (0..n).map(|i| char::from(b"AZaz09-_."[(i * 7 + n) % 9] + (i % 5) as u8)).collect::<String>()
            );
            let reference = qrcode::QrCode::with_error_correction_level(&text, EcLevel::L).unwrap();
            let symbol = modules(&text).unwrap();
            let width = symbol.width();
            assert_eq!(width, reference.width(), "{text}");
            let expected: Vec<bool> = reference.to_colors().into_iter().map(|c| c == Color::Dark).collect();
            let grid: Vec<bool> = (0..width * width).map(|i| symbol.is_dark(i % width, i / width)).collect();
            assert!(grid == expected, "a different code for {text}");
        }
    }

    #[test]
    fn the_image_has_the_modules_inside_a_light_margin_dark_as_zero() {
        let symbol = modules("https://wabro.example.be/verify?t=abc").unwrap();
        for quiet in [0, 2, 3, 8] {
            let (side, bits) = symbol.image(quiet);
            assert_eq!(side, symbol.width() + 2 * quiet);
            let row_bytes = side.div_ceil(8);
            assert_eq!(bits.len(), row_bytes * side);
            for y in 0..side {
                for x in 0..row_bytes * 8 {
                    let light = bits[y * row_bytes + x / 8] >> (7 - x % 8) & 1 == 1;
                    let inside = (quiet..quiet + symbol.width()).contains(&x)
                        && (quiet..quiet + symbol.width()).contains(&y);
                    let dark = inside && symbol.is_dark(x - quiet, y - quiet);
                    assert_eq!(light, !dark, "pixel {x},{y} with a margin of {quiet}");
                }
            }
        }
    }

    #[test]
    fn a_text_too_long_for_the_handled_versions_gives_none() {
        assert!(modules(&"x".repeat(2000)).is_none());
    }
}
