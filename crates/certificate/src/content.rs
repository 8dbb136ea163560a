//! A page's content stream, written directly: the dozen operators the documents use.
//!
//! Writing the bytes ourselves lets a line of text already encoded (see `lines`) be copied in
//! whole, and numbers be written as fixed-point decimals without a float formatter.

/// The resource name of the documents' one font.
pub(crate) const FONT: &[u8] = b"F0";
/// The resource name of the documents' one image.
pub(crate) const IMAGE: &[u8] = b"Im0";

/// The content stream of one page.
pub(crate) struct Content {
    buf: Vec<u8>,
}

impl Content {
    /// An empty page whose text and rules are `gray` (0 black, 1 white).
    pub(crate) fn new(gray: f32) -> Content {
        let mut c = Content { buf: Vec::with_capacity(8 * 1024) };
        c.num(gray);
        c.buf.extend_from_slice(b" g\n");
        c
    }

    /// Starts the marked-content sequence `mcid` tagged `tag` (`/Span<</MCID 3>>BDC`).
    pub(crate) fn begin_marked(&mut self, tag: &[u8], mcid: i32) {
        self.buf.push(b'/');
        self.buf.extend_from_slice(tag);
        self.buf.extend_from_slice(b"<</MCID ");
        self.int(i64::from(mcid));
        self.buf.extend_from_slice(b">>BDC\n");
    }

    /// Starts an artifact of type `kind` (`Layout`, `Pagination`): content that is not part of
    /// the text.
    pub(crate) fn begin_artifact(&mut self, kind: &[u8]) {
        self.buf.extend_from_slice(b"/Artifact<</Type/");
        self.buf.extend_from_slice(kind);
        self.buf.extend_from_slice(b">>BDC\n");
    }

    /// Ends the innermost marked-content sequence.
    pub(crate) fn end_marked(&mut self) {
        self.buf.extend_from_slice(b"EMC\n");
    }

    /// A line of text in the font at `size` points, starting at (`x`, `y`) from the bottom
    /// left; `shows` is its encoded glyphs (`[...]TJ`, with any rises).
    pub(crate) fn text(&mut self, size: f32, x: f32, y: f32, shows: &[u8]) {
        self.buf.extend_from_slice(b"BT/");
        self.buf.extend_from_slice(FONT);
        self.buf.push(b' ');
        self.num(size);
        self.buf.extend_from_slice(b" Tf ");
        self.num(x);
        self.buf.push(b' ');
        self.num(y);
        self.buf.extend_from_slice(b" Td");
        self.buf.extend_from_slice(shows);
        self.buf.extend_from_slice(b"\nET\n");
    }

    /// A filled rectangle whose lower-left corner is (`x`, `y`).
    pub(crate) fn rect(&mut self, x: f32, y: f32, width: f32, height: f32) {
        for v in [x, y, width, height] {
            self.num(v);
            self.buf.push(b' ');
        }
        self.buf.extend_from_slice(b"re f\n");
    }

    /// The image drawn `size` points square with its lower-left corner at (`x`, `y`).
    pub(crate) fn image(&mut self, size: f32, x: f32, y: f32) {
        self.buf.extend_from_slice(b"q ");
        for v in [size, 0.0, 0.0, size, x, y] {
            self.num(v);
            self.buf.push(b' ');
        }
        self.buf.extend_from_slice(b"cm/");
        self.buf.extend_from_slice(IMAGE);
        self.buf.extend_from_slice(b" Do Q\n");
    }

    /// The stream's bytes.
    pub(crate) fn finish(self) -> Vec<u8> {
        self.buf
    }

    fn num(&mut self, v: f32) {
        number(&mut self.buf, v);
    }

    fn int(&mut self, v: i64) {
        integer(&mut self.buf, v);
    }
}

/// Writes `v` to three decimals at most, without trailing zeros (a thousandth of a point is
/// far below what any printer or screen shows), within ±2³¹ (a page is some 842 points tall).
pub(crate) fn number(buf: &mut Vec<u8>, v: f32) {
    debug_assert!(v.is_finite(), "a number in a content stream: {v}");
    const LIMIT: f64 = 2_147_483_647.0;
    let thousandths = (f64::from(v).clamp(-LIMIT, LIMIT) * 1000.0).round() as i64;
    if thousandths < 0 {
        buf.push(b'-');
    }
    let t = thousandths.unsigned_abs();
    integer(buf, (t / 1000) as i64);
    let mut fraction = t % 1000;
    if fraction != 0 {
        buf.push(b'.');
        let mut digits = 3;
        while fraction.is_multiple_of(10) {
            fraction /= 10;
            digits -= 1;
        }
        let start = buf.len();
        for _ in 0..digits {
            buf.push(b'0' + (fraction % 10) as u8);
            fraction /= 10;
        }
        buf[start..].reverse();
    }
}

/// Writes the integer `v`.
pub(crate) fn integer(buf: &mut Vec<u8>, v: i64) {
    if v < 0 {
        buf.push(b'-');
    }
    let mut n = v.unsigned_abs();
    let start = buf.len();
    loop {
        buf.push(b'0' + (n % 10) as u8);
        n /= 10;
        if n == 0 {
            break;
        }
    }
    buf[start..].reverse();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(v: f32) -> String {
        let mut buf = Vec::new();
        number(&mut buf, v);
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn numbers_are_written_to_three_decimals_without_trailing_zeros() {
        let cases = [
            (0.0, "0"),
            (842.0, "842"),
            (747.8, "747.8"),
            (720.125, "720.125"),
            (0.078_431_375, "0.078"),
            (-12.5, "-12.5"),
            (-0.25, "-0.25"),
            (9.999_9, "10"),
            (0.000_4, "0"),
            (1234.05, "1234.05"),
            (-0.0004, "0"),
            (-0.0006, "-0.001"),
            (1e20, "2147483647"),
        ];
        for (v, s) in cases {
            assert_eq!(num(v), s, "{v}");
        }
        let mut buf = Vec::new();
        integer(&mut buf, -120);
        integer(&mut buf, 7);
        assert_eq!(buf, b"-1207");
    }

    #[test]
    fn a_page_writes_its_operators_in_order() {
        let mut c = Content::new(0.0);
        c.begin_marked(b"Span", 3);
        c.text(8.5, 56.0, 694.5, b"[(A)]TJ");
        c.end_marked();
        c.begin_artifact(b"Layout");
        c.rect(48.0, 656.75, 499.0, 0.6);
        c.end_marked();
        c.image(110.0, 437.0, 684.0);
        let text = String::from_utf8(c.finish()).unwrap();
        assert_eq!(
            text,
            "0 g\n/Span<</MCID 3>>BDC\nBT/F0 8.5 Tf 56 694.5 Td[(A)]TJ\nET\nEMC\n\
             /Artifact<</Type/Layout>>BDC\n48 656.75 499 0.6 re f\nEMC\nq 110 0 0 110 437 684 cm/Im0 Do Q\n"
        );
    }
}
