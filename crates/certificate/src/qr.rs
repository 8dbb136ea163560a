//! The QR code as a grid of dark modules, drawn as vector squares.

use qrcode::{EcLevel, QrCode};

/// The dark modules of a QR code for `text`: (width, is-dark per module, row by row).
pub fn modules(text: &str) -> Option<(usize, Vec<bool>)> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::L).ok()?;
    let width = code.width();
    let dark = code.to_colors().into_iter().map(|c| c == qrcode::Color::Dark).collect();
    Some((width, dark))
}
