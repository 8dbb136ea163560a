//! Layout of the three documents on an A4 page (krilla: text at coordinates, QR code as an image).

use crate::data::{CertificateData, DocumentKind};
use crate::qr;
use crate::shape;
use krilla::Document;
use krilla::color::luma;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, SpanTag, Tag, TagGroup, TagKind, TagTree,
};
use krilla::text::{Font, TextDirection};
use std::num::NonZeroU16;
use std::sync::LazyLock;
use wabro_i18n::Tr;

static REGULAR: LazyLock<Option<Font>> = LazyLock::new(|| Font::new(shape::FONT_BYTES.to_vec().into(), 0));

const W: f32 = 595.0;
const H: f32 = 842.0;
const MARGIN: f32 = 48.0;
const LEVEL_1: NonZeroU16 = NonZeroU16::MIN;
const LEVEL_2: NonZeroU16 = NonZeroU16::MIN.saturating_add(1);

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

struct Pen<'a, 'b> {
    s: &'a mut Surface<'b>,
    regular: Font,
    y: f32,
    /// The logical structure (headings, paragraphs, figure), in reading order.
    tree: TagTree,
}

impl Pen<'_, '_> {
    /// Writes one line, tagged as a span of the logical structure.
    fn text(&mut self, x: f32, size: f32, bold: bool, text: &str) -> Identifier {
        // One embedded font keeps the file small and the rendering fast: "bold" text is set
        // slightly larger instead.
        let font = self.regular.clone();
        let size = if bold { size * 1.08 } else { size };
        let id = self.s.start_tagged(ContentTag::Span(SpanTag::empty()));
        if let Some(glyphs) = shape::shape(text) {
            self.s.draw_glyphs(Point::from_xy(x, self.y), &glyphs, font, text, size, false);
        }
        self.s.end_tagged();
        id
    }

    /// Adds a node of the logical structure holding `parts`.
    fn tag(&mut self, tag: impl Into<TagKind>, parts: Vec<Identifier>) {
        let mut group = TagGroup::new(tag);
        parts.into_iter().for_each(|id| group.push(id));
        self.tree.push(group);
    }

    /// The document's title: the first-level heading.
    fn title(&mut self, text: &str) {
        let parts = self.para(MARGIN, W - 2.0 * MARGIN - 110.0, 14.0, true, text);
        self.tag(Tag::Hn(LEVEL_1, Some(text.to_owned())), parts);
    }

    /// A paragraph of the logical structure.
    fn paragraph(&mut self, x: f32, width: f32, size: f32, bold: bool, text: &str) {
        let parts = self.para(x, width, size, bold, text);
        self.tag(Tag::P, parts);
    }

    /// Writes `text` wrapped to `width`, advancing the pen; returns the lines' identifiers.
    fn para(&mut self, x: f32, width: f32, size: f32, bold: bool, text: &str) -> Vec<Identifier> {
        let per_line = ((width / (size * 0.56)) as usize).max(10);
        let mut parts = Vec::new();
        let mut line = String::new();
        for word in text.split_whitespace() {
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > per_line {
                parts.push(self.text(x, size, bold, &line));
                self.y += size * 1.35;
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        if !line.is_empty() {
            parts.push(self.text(x, size, bold, &line));
            self.y += size * 1.35;
        }
        parts
    }

    fn heading(&mut self, text: &str) {
        self.y += 8.0;
        self.rule();
        self.y += 13.0;
        let id = self.text(MARGIN, 10.5, true, text);
        self.tag(Tag::Hn(LEVEL_2, Some(text.to_owned())), vec![id]);
        self.y += 15.0;
    }

    /// A label and its value side by side: one paragraph of the logical structure.
    fn field(&mut self, label: &str, value: &str) {
        let y0 = self.y;
        let mut parts = self.para(MARGIN + 8.0, 170.0, 8.5, false, label);
        let after_label = self.y;
        self.y = y0;
        parts.extend(self.para(
            MARGIN + 185.0,
            W - 2.0 * MARGIN - 185.0,
            9.5,
            false,
            if value.is_empty() { "—" } else { value },
        ));
        self.tag(Tag::P, parts);
        self.y = self.y.max(after_label) + 1.5;
    }

    fn rule(&mut self) {
        if let Some(r) = Rect::from_xywh(MARGIN, self.y, W - 2.0 * MARGIN, 0.6) {
            let mut pb = PathBuilder::new();
            pb.push_rect(r);
            if let Some(p) = pb.finish() {
                // Decoration, not content: screen readers skip it.
                self.s.start_tagged(ContentTag::Artifact(Artifact::new(ArtifactType::Layout, None)));
                self.s.draw_path(&p);
                self.s.end_tagged();
            }
        }
    }
}

fn fill(gray: u8) -> Fill {
    Fill { paint: luma::Color::new(gray).into(), opacity: NormalizedF32::ONE, rule: Default::default() }
}

/// The QR code as a small grey-scale image, one pixel per module with a two-module quiet zone,
/// scaled up without interpolation: one drawing operation and 2 KB of pixels.
#[derive(Clone, Hash)]
struct QrImage {
    side: u32,
    pixels: Vec<u8>,
}

impl krilla::image::CustomImage for QrImage {
    fn color_channel(&self) -> &[u8] {
        &self.pixels
    }
    fn alpha_channel(&self) -> Option<&[u8]> {
        None
    }
    fn bits_per_component(&self) -> krilla::image::BitsPerComponent {
        krilla::image::BitsPerComponent::Eight
    }
    fn size(&self) -> (u32, u32) {
        (self.side, self.side)
    }
    fn icc_profile(&self) -> Option<&[u8]> {
        None
    }
    fn color_space(&self) -> krilla::image::ImageColorspace {
        krilla::image::ImageColorspace::Luma
    }
}

fn qr_image(width: usize, modules: &[bool]) -> QrImage {
    let quiet = 2;
    let side = width + 2 * quiet;
    let mut pixels = vec![255u8; side * side];
    for (i, dark) in modules.iter().enumerate() {
        if *dark {
            pixels[(i / width + quiet) * side + i % width + quiet] = 0;
        }
    }
    QrImage { side: side as u32, pixels }
}

/// Renders the document of `d` as PDF bytes.
pub fn render(d: &CertificateData) -> Result<Vec<u8>, RenderError> {
    let regular = REGULAR.clone().ok_or(RenderError::Fonts)?;
    let tr = Tr::new(d.language.lang());
    let (qr_width, modules) = qr::modules(&d.verification_url).ok_or(RenderError::Qr)?;
    let mut document = Document::new();
    let mut page =
        document.start_page_with(PageSettings::from_wh(W, H).ok_or(RenderError::Pdf("page".into()))?);
    let mut surface = page.surface();
    surface.set_fill(Some(fill(20)));
    let mut pen = Pen { s: &mut surface, regular, y: MARGIN + 10.0, tree: TagTree::new() };

    let date = |x: time::Date| tr.date(x);
    let country = |c: wabro_domain::Country| format!("{} ({})", tr.country(c), c.code());
    match d.kind {
        DocumentKind::A1 => {
            let title = tr.t("cert-a1-title");
            let mut parts = vec![pen.text(MARGIN, 22.0, true, "A1")];
            pen.y += 20.0;
            parts.extend(pen.para(MARGIN, W - 2.0 * MARGIN - 110.0, 12.0, true, &title));
            pen.tag(Tag::Hn(LEVEL_1, Some(format!("A1 {title}"))), parts);
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
        for p in d.places.iter().take(8) {
            pen.field(&country(p.country), &format!("{} {}", p.name, p.details));
        }
    }

    pen.heading(&tr.t("cert-section-6"));
    pen.paragraph(MARGIN + 8.0, W - 2.0 * MARGIN - 8.0, 9.0, false, &tr.t("cert-institution"));
    pen.field(&tr.t("cert-issued"), &date(d.issued_on));

    // The QR code, top right, and the address under the last section.
    let size = 110.0;
    let (x0, y0) = (W - MARGIN - size, MARGIN);
    let image =
        krilla::image::Image::from_custom(qr_image(qr_width, &modules), false).map_err(RenderError::Pdf)?;
    let figure = pen.s.start_tagged(ContentTag::Other);
    pen.s.push_transform(&krilla::geom::Transform::from_translate(x0, y0));
    if let Some(size) = krilla::geom::Size::from_wh(size, size) {
        pen.s.draw_image(image, size);
    }
    pen.s.pop();
    pen.s.end_tagged();
    pen.tag(Tag::Figure(Some(tr.t("cert-qr-alt"))), vec![figure]);
    pen.s.set_fill(Some(fill(20)));
    pen.y += 14.0;
    let address = d.verification_url.split('?').next().unwrap_or(&d.verification_url);
    pen.paragraph(
        MARGIN,
        W - 2.0 * MARGIN,
        7.5,
        false,
        &format!("{} {address} — {}", tr.t("cert-verify"), d.document_number),
    );

    let tree = std::mem::replace(&mut pen.tree, TagTree::new());
    surface.finish();
    page.finish();
    document.set_tag_tree(tree);
    document.set_metadata(metadata(d, &tr));
    document.finish().map_err(|e| RenderError::Pdf(format!("{e:?}")))
}

/// Title, language, issuer and date of issue, for viewers and screen readers (the title shows
/// instead of the file name; the language sets the pronunciation). Dates come from the data, so
/// the output stays deterministic.
fn metadata(d: &CertificateData, tr: &Tr) -> krilla::metadata::Metadata {
    let title = match d.kind {
        DocumentKind::A1 => tr.t("cert-a1-title"),
        DocumentKind::CertificateOfCoverage => tr.t("cert-coc-title"),
        DocumentKind::Rejection => tr.t("cert-rejection-title"),
    };
    let date = krilla::metadata::DateTime::new(d.issued_on.year() as u16)
        .month(d.issued_on.month() as u8)
        .day(d.issued_on.day());
    krilla::metadata::Metadata::new()
        .title(format!("{title} — {}", d.document_number))
        .language(d.language.lang().tag().to_owned())
        .authors(vec![tr.t("cert-institution-name")])
        .creator("Wabro".to_owned())
        .document_id(d.document_number.clone())
        .creation_date(date)
}

/// A bare one-page PDF with one line of text, with the same library and font: the baseline
/// the certificate benchmark compares with.
pub fn bare_page(text: &str) -> Result<Vec<u8>, RenderError> {
    let regular = REGULAR.clone().ok_or(RenderError::Fonts)?;
    let mut document = Document::new();
    let mut page =
        document.start_page_with(PageSettings::from_wh(W, H).ok_or(RenderError::Pdf("page".into()))?);
    let mut surface = page.surface();
    surface.draw_text(Point::from_xy(MARGIN, MARGIN), regular, 12.0, text, false, TextDirection::Auto);
    surface.finish();
    page.finish();
    document.finish().map_err(|e| RenderError::Pdf(format!("{e:?}")))
}
