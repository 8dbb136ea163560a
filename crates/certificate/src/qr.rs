//! The QR code as a grid of dark modules.

use fast_qr::{ECL, QRBuilder};

/// The dark modules of a QR code for `text`: (width, is-dark per module, row by row).
///
/// `fast_qr` picks the mask by the standard's penalty rules, about six times faster than the
/// `qrcode` crate (0.34 ms against 2.1 ms for a verification address).
pub fn modules(text: &str) -> Option<(usize, Vec<bool>)> {
    let code = QRBuilder::new(text).ecl(ECL::L).build().ok()?;
    let width = code.size;
    let dark = code.data[..width * width].iter().map(|m| m.value()).collect();
    Some((width, dark))
}
