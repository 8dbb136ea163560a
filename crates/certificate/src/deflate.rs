//! Compression for the `FlateDecode` filter, with one compressor per thread and level.
//!
//! A stream may be made of parts compressed at different levels: each part is raw deflate
//! ending on a byte boundary, the last one ends the stream, and the zlib header and Adler-32
//! checksum wrap them all.

use std::cell::RefCell;

/// How hard to compress.
#[derive(Clone, Copy)]
pub(crate) enum Level {
    /// zlib's default level: for text that it shrinks well, such as the font's name table.
    Default,
    /// The fastest level: for the page content and the text map (small streams where the
    /// default level costs more time than its bytes are worth), and for glyph outlines, which
    /// the default level shrinks hardly better (about 2%) at three times the time.
    Fast,
}

impl Level {
    fn compression(self) -> flate2::Compression {
        match self {
            Level::Default => flate2::Compression::new(6),
            Level::Fast => flate2::Compression::new(1),
        }
    }
}

thread_local! {
    /// One raw compressor per thread and level, reset between parts: setting one up costs
    /// more than compressing a certificate's content.
    static DEFAULT: RefCell<flate2::Compress> = RefCell::new(flate2::Compress::new(Level::Default.compression(), false));
    static FAST: RefCell<flate2::Compress> = RefCell::new(flate2::Compress::new(Level::Fast.compression(), false));
}

/// `data` compressed at `level` for the `FlateDecode` filter (zlib format).
pub(crate) fn deflate(data: &[u8], level: Level) -> Result<Vec<u8>, String> {
    deflate_parts(&[(data, level)])
}

/// The parts compressed one after the other, each at its own level, as one zlib stream of
/// their bytes.
pub(crate) fn deflate_parts(parts: &[(&[u8], Level)]) -> Result<Vec<u8>, String> {
    let size: usize = parts.iter().map(|(p, _)| p.len()).sum();
    let mut out = Vec::with_capacity(size / 2 + 128);
    // Deflate with a 32 KiB window; the check bits make the pair a multiple of 31.
    out.extend_from_slice(&[0x78, 0x9C]);
    let mut adler = 1;
    let last = parts.len().saturating_sub(1);
    for (i, (part, level)) in parts.iter().enumerate() {
        let compressor = match level {
            Level::Default => &DEFAULT,
            Level::Fast => &FAST,
        };
        compressor.with_borrow_mut(|z| {
            z.reset();
            let flush = if i == last { flate2::FlushCompress::Finish } else { flate2::FlushCompress::Sync };
            compress(z, part, &mut out, flush)
                .inspect_err(|_| *z = flate2::Compress::new(level.compression(), false))
        })?;
        adler = zlib_rs::adler32::adler32(adler, part);
    }
    if parts.is_empty() {
        DEFAULT.with_borrow_mut(|z| {
            z.reset();
            compress(z, &[], &mut out, flate2::FlushCompress::Finish)
        })?;
    }
    out.extend_from_slice(&adler.to_be_bytes());
    Ok(out)
}

/// Compresses `data` into `out` on a fresh raw stream, then flushes: to a byte boundary
/// (`Sync`) or to the end of the stream (`Finish`).
fn compress(
    z: &mut flate2::Compress,
    data: &[u8],
    out: &mut Vec<u8>,
    flush: flate2::FlushCompress,
) -> Result<(), String> {
    loop {
        let read = usize::try_from(z.total_in()).unwrap_or(data.len()).min(data.len());
        out.reserve((data.len() - read) / 2 + 1024);
        let status = z.compress_vec(&data[read..], out, flush).map_err(|e| format!("deflate: {e}"))?;
        let all_in = usize::try_from(z.total_in()).is_ok_and(|n| n == data.len());
        match status {
            flate2::Status::StreamEnd => return Ok(()),
            // A flush is complete once all the input is in and the output was not filled.
            _ if matches!(flush, flate2::FlushCompress::Sync) && all_in && out.len() < out.capacity() => {
                return Ok(());
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn inflate(packed: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        flate2::read::ZlibDecoder::new(packed).read_to_end(&mut out).expect("valid zlib");
        out
    }

    #[test]
    fn parts_at_different_levels_make_one_stream_of_their_bytes() {
        let text: Vec<u8> = b"Coordination des syst\xE8mes de s\xE9curit\xE9 sociale ".repeat(300);
        let noise: Vec<u8> = (0..20_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
        let parts = [
            (&text[..100], Level::Default),
            (&noise[..], Level::Fast),
            (&b""[..], Level::Default),
            (&text[..], Level::Default),
            (&b""[..], Level::Fast),
        ];
        for _ in 0..2 {
            assert_eq!(
                inflate(&deflate_parts(&parts).unwrap()),
                [&text[..100], &noise[..], &text[..]].concat()
            );
        }
        assert_eq!(inflate(&deflate_parts(&[]).unwrap()), b"");
    }

    #[test]
    fn deflate_round_trips_at_both_levels() {
        let data: Vec<u8> = (0..100_000u32).map(|i| (i % 251) as u8 ^ (i / 1000) as u8).collect();
        for level in [Level::Default, Level::Fast] {
            for input in [&data[..], b"", b"BT /F0 12 Tf ET"] {
                assert_eq!(inflate(&deflate(input, level).unwrap()), input);
            }
        }
    }
}
