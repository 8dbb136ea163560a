//! Compression for the `FlateDecode` filter, with one compressor per thread.

use std::cell::RefCell;

thread_local! {
    /// One compressor per thread, reset between streams: setting one up costs more than
    /// compressing a certificate's content.
    static DEFLATE: RefCell<flate2::Compress> =
        RefCell::new(flate2::Compress::new(flate2::Compression::new(6), true));
}

/// `data` compressed for the `FlateDecode` filter (zlib format).
pub(crate) fn deflate(data: &[u8]) -> Result<Vec<u8>, String> {
    DEFLATE.with_borrow_mut(|z| {
        z.reset();
        let mut out = Vec::with_capacity(data.len() / 2 + 128);
        loop {
            let read = usize::try_from(z.total_in()).unwrap_or(data.len()).min(data.len());
            match z.compress_vec(&data[read..], &mut out, flate2::FlushCompress::Finish) {
                Ok(flate2::Status::StreamEnd) => return Ok(out),
                Ok(_) => out.reserve(out.capacity().max(1024)),
                Err(e) => {
                    // Only a misuse of the stream fails; the next document gets a fresh one.
                    *z = flate2::Compress::new(flate2::Compression::new(6), true);
                    return Err(format!("deflate: {e}"));
                }
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deflate_round_trips() {
        use std::io::Read;
        let data: Vec<u8> = (0..100_000u32).map(|i| (i % 251) as u8 ^ (i / 1000) as u8).collect();
        for input in [&data[..], b"", b"BT /F0 12 Tf ET"] {
            let packed = deflate(input).expect("compressed");
            let mut out = Vec::new();
            flate2::read::ZlibDecoder::new(&packed[..]).read_to_end(&mut out).expect("valid zlib");
            assert_eq!(out, input);
        }
    }
}
