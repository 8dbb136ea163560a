//! Layout of the three documents on an A4 page: text at coordinates, the QR code as an image.

use crate::data::{CertificateData, DocumentKind};
use crate::kept::Kept;
use crate::qr;
use crate::shape;
use crate::writer::{H, Mark, Metadata, PageWriter, Role, W};
use std::sync::{Arc, LazyLock, Mutex, PoisonError};
use wabro_i18n::Tr;

const MARGIN: f32 = 48.0;
/// Text and rules: a near-black grey.
const INK: f32 = 20.0 / 255.0;

/// Rendering failed.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The embedded fonts did not load.
    #[error("fonts")]
    Fonts,
    /// The PDF could not be written.
    #[error("pdf: {0}")]
    Pdf(String),
    /// The QR code could not be made.
    #[error("qr code")]
    Qr,
}

struct Pen {
    w: PageWriter,
    y: f32,
    /// A section heading not yet written: it goes with the block that follows it.
    heading: Option<String>,
}

/// Where text starts on a page, and where it may go down to (the page number sits below).
const TOP: f32 = MARGIN + 10.0;
const BOTTOM: f32 = H - MARGIN - 18.0;
const LABEL_WIDTH: f32 = 170.0;
const VALUE_WIDTH: f32 = W - 2.0 * MARGIN - 185.0;
/// The rule, space and line of a section heading.
const HEADING_HEIGHT: f32 = 8.0 + 13.0 + 15.0;

/// The lines texts wrap to, by width and size (their bits) and text.
static WRAPPED: LazyLock<Mutex<Kept<Arc<[String]>>>> = LazyLock::new(Mutex::default);

/// `text` cut into lines that fit `width` at `size` points, measured with the font's own
/// widths; a word longer than a line is cut too. Labels and many values recur from one
/// document to the next, so the lines are kept (a bounded number of texts).
fn wrap(width: f32, size: f32, text: &str) -> Arc<[String]> {
    let key = u64::from(width.to_bits()) << 32 | u64::from(size.to_bits());
    if let Some(lines) = WRAPPED.lock().unwrap_or_else(PoisonError::into_inner).get(key, text) {
        return lines;
    }
    let lines: Arc<[String]> = cut(width, size, text).into();
    WRAPPED.lock().unwrap_or_else(PoisonError::into_inner).insert(key, text, lines.clone());
    lines
}

/// `text` cut into lines (see [`wrap`]).
fn cut(width: f32, size: f32, text: &str) -> Vec<String> {
    let max = width / size;
    let space = shape::advance(' ');
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0.0;
    for word in text.split_whitespace() {
        let w: f32 = word.chars().map(shape::advance).sum();
        if !line.is_empty() && used + space + w.min(max) > max {
            lines.push(std::mem::take(&mut line));
            used = 0.0;
        }
        if !line.is_empty() {
            line.push(' ');
            used += space;
        }
        for c in word.chars() {
            let a = shape::advance(c);
            if used + a > max && !line.trim_end().is_empty() {
                lines.push(std::mem::take(&mut line));
                used = 0.0;
            }
            line.push(c);
            used += a;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The size bold text is set at: one embedded font keeps the file small and the rendering
/// fast, so "bold" text is set slightly larger instead.
fn effective(size: f32, bold: bool) -> f32 {
    if bold { (size * 108.0).round() / 100.0 } else { size }
}

impl Pen {
    /// Writes one line; returns its marked content for the logical structure.
    fn text(&mut self, x: f32, size: f32, bold: bool, text: &str) -> Mark {
        self.w.text(x, self.y, effective(size, bold), text)
    }

    /// Makes room for a block `height` points tall (with the pending heading, if any): goes on
    /// to a new page unless it fits this one or the page is still empty, then writes the
    /// heading.
    fn room(&mut self, height: f32) {
        let heading = if self.heading.is_some() { HEADING_HEIGHT } else { 0.0 };
        if self.y + heading + height > BOTTOM && self.y > TOP {
            self.w.new_page();
            self.y = TOP;
        }
        if let Some(text) = self.heading.take() {
            self.y += 8.0;
            self.w.rule(MARGIN, self.y, W - 2.0 * MARGIN, 0.6);
            self.y += 13.0;
            let id = self.text(MARGIN, 10.5, true, &text);
            self.w.element(Role::H2, None, vec![id]);
            self.y += 15.0;
        }
    }

    /// The document's title: the first-level heading.
    fn title(&mut self, text: &str) {
        let parts = self.para(MARGIN, W - 2.0 * MARGIN - 110.0, 14.0, true, text);
        self.w.element(Role::H1, None, parts);
    }

    /// A paragraph of the logical structure: on the next page if it does not fit this one, and
    /// line by line across pages if it is taller than a page.
    fn paragraph(&mut self, x: f32, width: f32, size: f32, bold: bool, text: &str) {
        let lines = wrap(width, effective(size, bold), text);
        let step = size * 1.35;
        let whole = lines.len() as f32 * step <= BOTTOM - TOP - HEADING_HEIGHT;
        self.room(if whole { lines.len() as f32 * step } else { step });
        let mut parts = Vec::with_capacity(lines.len());
        for line in lines.iter() {
            if !whole {
                self.room(step);
            }
            parts.push(self.text(x, size, bold, line));
            self.y += step;
        }
        self.w.element(Role::P, None, parts);
    }

    /// Writes `text` wrapped to `width`, advancing the pen; returns the lines' marked content.
    fn para(&mut self, x: f32, width: f32, size: f32, bold: bool, text: &str) -> Vec<Mark> {
        let mut parts = Vec::new();
        for line in wrap(width, effective(size, bold), text).iter() {
            parts.push(self.text(x, size, bold, line));
            self.y += size * 1.35;
        }
        parts
    }

    /// A section heading, written with the block that follows it so that it never ends a page.
    fn heading(&mut self, text: &str) {
        self.flush_heading();
        self.heading = Some(text.to_owned());
    }

    /// Writes a heading that nothing followed.
    fn flush_heading(&mut self) {
        if self.heading.is_some() {
            self.room(0.0);
        }
    }

    /// A label and its value side by side: one paragraph of the logical structure, kept on one
    /// page unless it is taller than a page (then it goes on line by line).
    fn field(&mut self, label: &str, value: &str) {
        let value = if value.trim().is_empty() { "—" } else { value };
        let (labels, values) = (wrap(LABEL_WIDTH, 8.5, label), wrap(VALUE_WIDTH, 9.5, value));
        let rows = labels.len().max(values.len());
        let height = (labels.len() as f32 * 8.5 * 1.35).max(values.len() as f32 * 9.5 * 1.35);
        let mut parts = Vec::with_capacity(labels.len() + values.len());
        if height <= BOTTOM - TOP - HEADING_HEIGHT {
            self.room(height + 1.5);
            let y0 = self.y;
            for line in labels.iter() {
                parts.push(self.text(MARGIN + 8.0, 8.5, false, line));
                self.y += 8.5 * 1.35;
            }
            let after_label = self.y;
            self.y = y0;
            for line in values.iter() {
                parts.push(self.text(MARGIN + 185.0, 9.5, false, line));
                self.y += 9.5 * 1.35;
            }
            self.y = self.y.max(after_label);
        } else {
            for row in 0..rows {
                self.room(9.5 * 1.35);
                if let Some(line) = labels.get(row) {
                    parts.push(self.text(MARGIN + 8.0, 8.5, false, line));
                }
                if let Some(line) = values.get(row) {
                    parts.push(self.text(MARGIN + 185.0, 9.5, false, line));
                }
                self.y += 9.5 * 1.35;
            }
        }
        self.w.element(Role::P, None, parts);
        self.y += 1.5;
    }

    /// "Page 1 of 2" and the document number at the foot of every page, when there are several.
    fn page_numbers(&mut self, tr: &Tr, number: &str) {
        let pages = self.w.page_count();
        if pages < 2 {
            return;
        }
        for page in 0..pages {
            self.w.select_page(page);
            let label =
                tr.ta("cert-page", &[("page", &(page + 1).to_string()), ("pages", &pages.to_string())]);
            self.w.pagination(MARGIN, H - MARGIN, 7.5, &format!("{number} — {label}"));
        }
    }
}

/// Renders the document of `d` as PDF bytes.
pub fn render(d: &CertificateData) -> Result<Vec<u8>, RenderError> {
    let tr = Tr::new(d.language.lang());
    let qr = qr::modules(&d.verification_url).ok_or(RenderError::Qr)?;
    let mut pen = Pen { w: PageWriter::new(INK, true), y: TOP, heading: None };

    let date = |x: time::Date| tr.date(x);
    let country = |c: wabro_domain::Country| format!("{} ({})", tr.country(c), c.code());
    match d.kind {
        DocumentKind::A1 => {
            let title = tr.t("cert-a1-title");
            let mut parts = vec![pen.text(MARGIN, 22.0, true, "A1")];
            pen.y += 20.0;
            parts.extend(pen.para(MARGIN, W - 2.0 * MARGIN - 110.0, 12.0, true, &title));
            pen.w.element(Role::H1, None, parts);
            pen.paragraph(MARGIN, W - 2.0 * MARGIN - 110.0, 8.5, false, &tr.t("cert-a1-subtitle"));
        }
        DocumentKind::CertificateOfCoverage => {
            pen.title(&tr.t("cert-coc-title"));
            // Without an agreement the certificate says so, in its own language.
            let agreement = d.agreement.clone().unwrap_or_else(|| tr.t("instrument-no-agreement"));
            pen.paragraph(
                MARGIN,
                W - 2.0 * MARGIN - 110.0,
                9.5,
                false,
                &format!("{}: {agreement}", tr.t("cert-agreement")),
            );
            if let Some(form) = &d.form {
                pen.paragraph(
                    MARGIN,
                    W - 2.0 * MARGIN - 110.0,
                    9.5,
                    false,
                    &format!("{}: {form}", tr.t("cert-form")),
                );
            }
        }
        DocumentKind::Rejection => {
            pen.title(&tr.t("cert-rejection-title"));
        }
    }
    pen.y = pen.y.max(MARGIN + 100.0);
    pen.field(&tr.t("cert-document-number"), &d.document_number);
    pen.field(&tr.t("cert-transaction"), &d.transaction_number);

    pen.heading(&tr.t("cert-section-1"));
    let h = &d.holder;
    pen.field(&tr.t("cert-pin"), &format!("{}   {}: {}", h.ssin, tr.t("cert-sex"), h.sex));
    pen.field(&tr.t("cert-surname"), &h.family_name);
    pen.field(&tr.t("cert-forenames"), &h.given_name);
    pen.field(&tr.t("cert-birth-date"), &h.birth_date.map(date).unwrap_or_else(|| h.birth_year.to_string()));
    pen.field(&tr.t("cert-nationality"), &country(h.nationality));
    pen.field(&tr.t("cert-address"), &h.address);

    if d.kind == DocumentKind::Rejection {
        pen.heading(&tr.t("cert-rejection-title"));
        pen.paragraph(
            MARGIN + 8.0,
            W - 2.0 * MARGIN - 8.0,
            9.5,
            false,
            &tr.ta("cert-rejection-body", &[("number", &d.transaction_number)]),
        );
        pen.field(&tr.t("cert-rejection-reason"), d.rejection_reason.as_deref().unwrap_or(""));
        pen.field(&tr.t("cert-period"), &format!("{} – {}", date(d.start), date(d.end)));
    } else {
        pen.heading(&tr.t("cert-section-2"));
        pen.field(&tr.t("cert-state"), &country(d.legislation));
        pen.field(&tr.t("cert-start"), &date(d.start));
        pen.field(&tr.t("cert-end"), &date(d.end));
        pen.heading(&tr.t("cert-section-3"));
        let status = tr.t(&format!("cert-status-{}", d.status_code));
        pen.field(&d.status_code, &status);
        pen.field(&tr.t("cert-legal-basis"), &d.article);
    }

    pen.heading(&tr.t("cert-section-4"));
    let e = &d.employer;
    pen.field(&tr.t("cert-employer-name"), &e.name);
    pen.field(&tr.t("cert-employer-ids"), &format!("{} / {}", e.enterprise_number, e.nsso_number));
    pen.field(&tr.t("cert-address"), &e.address);

    if d.kind != DocumentKind::Rejection {
        pen.heading(&tr.t("cert-section-5"));
        for p in &d.places {
            pen.field(&country(p.country), &format!("{} {}", p.name, p.details));
        }
    }

    pen.heading(&tr.t("cert-section-6"));
    pen.paragraph(MARGIN + 8.0, W - 2.0 * MARGIN - 8.0, 9.0, false, &tr.t("cert-institution"));
    pen.field(&tr.t("cert-issued"), &date(d.issued_on));

    // The QR code, top right, with a two-module quiet zone, and the address under the last
    // section.
    let (side, bits) = qr.image(2);
    let size = 110.0;
    let back = pen.w.select_page(0);
    let figure = pen.w.image(W - MARGIN - size, MARGIN, size, side, bits);
    pen.w.select_page(back);
    pen.w.element(Role::Figure, Some(tr.t("cert-qr-alt")), vec![figure]);
    pen.y += 14.0;
    let address = d.verification_url.split('?').next().unwrap_or(&d.verification_url);
    pen.paragraph(
        MARGIN,
        W - 2.0 * MARGIN,
        7.5,
        false,
        &format!("{} {address} — {}", tr.t("cert-verify"), d.document_number),
    );

    let title = match d.kind {
        DocumentKind::A1 => tr.t("cert-a1-title"),
        DocumentKind::CertificateOfCoverage => tr.t("cert-coc-title"),
        DocumentKind::Rejection => tr.t("cert-rejection-title"),
    };
    // Title, language, issuer and date of issue, for viewers and screen readers (the title
    // shows instead of the file name; the language sets the pronunciation). The date comes from
    // the data, so the output stays deterministic.
    let meta = Metadata {
        title: &format!("{title} — {}", d.document_number),
        lang: d.language.lang().tag(),
        author: &tr.t("cert-institution-name"),
        date: d.issued_on,
        document_id: &d.document_number,
    };
    pen.flush_heading();
    pen.page_numbers(&tr, &d.document_number);
    pen.w.finish(Some(&meta)).map_err(RenderError::Pdf)
}

/// A bare one-page PDF with one line of text, with the same writer and font: the baseline the
/// certificate benchmark compares with.
pub fn bare_page(text: &str) -> Result<Vec<u8>, RenderError> {
    let mut page = PageWriter::new(0.0, false);
    page.text(MARGIN, MARGIN, 12.0, text);
    page.finish(None).map_err(RenderError::Pdf)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::CertificateData;
    use wabro_domain::CertificateLanguage;

    fn document(kind: DocumentKind, language: CertificateLanguage, name: &str) -> CertificateData {
        let mut d = CertificateData::sample(kind, language);
        d.document_number = format!("A1-TEST-{name}");
        d.holder.family_name = name.into();
        d.holder.address = format!("{name}straße 4, 4700 Eupen, BE");
        d.verification_url = format!("https://wabro.example.be/verify?t={name}");
        d
    }

    /// Forgets every line, wrapping and shaped run kept between documents.
    fn forget() {
        crate::lines::forget();
        crate::shape::forget();
        WRAPPED.lock().unwrap_or_else(PoisonError::into_inner).clear();
    }

    #[test]
    fn a_document_gives_the_same_bytes_whatever_was_rendered_before() {
        let a = document(DocumentKind::A1, CertificateLanguage::Fr, "Müller");
        forget();
        let cold = render(&a).unwrap();
        for (i, (kind, language)) in [
            (DocumentKind::A1, CertificateLanguage::De),
            (DocumentKind::Rejection, CertificateLanguage::Nl),
            (DocumentKind::A1, CertificateLanguage::Fr),
        ]
        .into_iter()
        .enumerate()
        {
            render(&document(kind, language, &format!("Dvořák Ωμέγα {i}"))).unwrap();
        }
        assert!(cold == render(&a).unwrap(), "warm caches, other documents first");
        forget();
        render(&document(DocumentKind::A1, CertificateLanguage::Fr, "Łódź")).unwrap();
        assert!(cold == render(&a).unwrap(), "cold caches, another document first");
    }

    fn width(line: &str) -> f32 {
        line.chars().map(shape::advance).sum()
    }

    #[test]
    fn lines_fit_their_width_measured_with_the_font_and_keep_every_character() {
        let wide = "MMMM WWWW mmmm ".repeat(20);
        let long_word = "x".repeat(200);
        for text in [wide.as_str(), long_word.as_str(), "Müller-Lüdenscheidt Straße 12, 4700 Eupen", ""] {
            let lines = cut(200.0, 10.0, text);
            assert!(lines.iter().all(|l| width(l) * 10.0 <= 200.0 + 0.01), "{lines:?}");
            let joined: String = lines.concat().split_whitespace().collect();
            let original: String = text.split_whitespace().collect();
            assert_eq!(joined, original);
        }
        assert_eq!(cut(200.0, 10.0, "a b c"), vec!["a b c"]);
        assert_eq!(wrap(200.0, 10.0, &wide).to_vec(), cut(200.0, 10.0, &wide));
        let address = "Müller-Lüdenscheidt Straße 12, 4700 Eupen";
        assert!(Arc::ptr_eq(&wrap(100.0, 10.0, address), &wrap(100.0, 10.0, address)), "kept");
        assert!(!Arc::ptr_eq(&wrap(200.0, 10.0, &wide), &wrap(200.0, 10.0, &wide)), "too long to keep");
    }
}
