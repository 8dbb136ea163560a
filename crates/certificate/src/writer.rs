//! A PDF written a page at a time: text in the embedded font (subset to the glyphs the document
//! uses), rules, one grey-scale image, the logical structure for screen readers, and the
//! metadata. The objects are written with pdf-writer, the page content streams by `content`.
//!
//! The documents are laid out at fixed coordinates, so a layout library adds nothing; writing
//! the objects directly keeps a certificate to one pass over its text, one font subset and a
//! compressed stream for the font, its ToUnicode map and each page, with compressors reused
//! from one document to the next.

use crate::codes::{self, Codes};
use crate::content::{self, Content};
use crate::deflate::{Level, deflate, deflate_parts};
use crate::{lines, shape};
use pdf_writer::types::{CidFontType, FontFlags, StructRole, SystemInfo, TabOrder};
use pdf_writer::writers::StructTreeRoot;
use pdf_writer::{Date, Filter, Finish, Name, Pdf, Rect, Ref, Settings, Str, TextStr};
use subsetter::GlyphRemapper;

/// The page: A4 in points.
pub(crate) const W: f32 = 595.0;
pub(crate) const H: f32 = 842.0;

/// The font's and the image's resource names, as the content streams use them.
const FONT: Name<'static> = Name(content::FONT);
const IMAGE: Name<'static> = Name(content::IMAGE);
const SYSTEM_INFO: SystemInfo =
    SystemInfo { registry: Str(b"Adobe"), ordering: Str(b"Identity"), supplement: 0 };
/// Compact output: no indentation or line breaks between the tokens.
const COMPACT: Settings = Settings { pretty: false };

/// The kind of a node of the logical structure.
#[derive(Clone, Copy)]
pub(crate) enum Role {
    /// The document's title.
    H1,
    /// A section heading.
    H2,
    /// A paragraph.
    P,
    /// An image, with its description.
    Figure,
}

struct Element {
    role: Role,
    /// A figure's description.
    alt: Option<String>,
    marks: Vec<Mark>,
}

/// A marked-content sequence: its page and its identifier there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Mark {
    page: usize,
    mcid: i32,
}

/// What viewers show and screen readers read about the document.
pub(crate) struct Metadata<'a> {
    pub title: &'a str,
    /// BCP 47 tag, e.g. `fr`.
    pub lang: &'a str,
    pub author: &'a str,
    pub date: time::Date,
    pub document_id: &'a str,
}

/// A square grey-scale image, one bit a pixel (0 black), rows padded to whole bytes.
struct Image {
    side: u32,
    bits: Vec<u8>,
}

/// The document being written, a page at a time. Coordinates are in points from the top-left
/// corner of the current page.
pub(crate) struct PageWriter {
    /// The current page's content and next marked-content identifier.
    content: Content,
    next_mcid: i32,
    /// The page being written, and every page's content while it is not the current one.
    current: usize,
    pages: Vec<Option<(Content, i32)>>,
    gray: f32,
    tagged: bool,
    /// The character codes used.
    codes: Codes,
    elements: Vec<Element>,
    /// The image and the page it is on.
    image: Option<(usize, Image)>,
}

impl PageWriter {
    /// A blank page whose text and rules are `gray` (0 black, 1 white); `tagged` pages mark
    /// their content for the logical structure.
    pub(crate) fn new(gray: f32, tagged: bool) -> Self {
        Self {
            content: Content::new(gray),
            next_mcid: 0,
            current: 0,
            pages: vec![None],
            gray,
            tagged,
            codes: Codes::default(),
            elements: Vec::new(),
            image: None,
        }
    }

    /// Starts a new page and makes it the current one.
    pub(crate) fn new_page(&mut self) {
        let previous = (std::mem::replace(&mut self.content, Content::new(self.gray)), self.next_mcid);
        self.pages[self.current] = Some(previous);
        self.next_mcid = 0;
        self.pages.push(None);
        self.current = self.pages.len() - 1;
    }

    /// Makes page `page` (from 0; the last page when past it) the current one, to add to it;
    /// returns the page that was current, to come back to.
    pub(crate) fn select_page(&mut self, page: usize) -> usize {
        let previous_page = self.current;
        let page = page.min(self.pages.len() - 1);
        if let Some((content, next)) = self.pages.get_mut(page).and_then(Option::take) {
            let previous = (std::mem::replace(&mut self.content, content), self.next_mcid);
            self.pages[self.current] = Some(previous);
            self.next_mcid = next;
            self.current = page;
        }
        previous_page
    }

    /// The number of pages.
    pub(crate) fn page_count(&self) -> usize {
        self.pages.len()
    }

    fn begin(&mut self, tag: &[u8]) -> Mark {
        let id = self.next_mcid;
        self.next_mcid += 1;
        if self.tagged {
            self.content.begin_marked(tag, id);
        }
        Mark { page: self.current, mcid: id }
    }

    /// Starts content that is not part of the text, of type `kind` (`Layout`, `Pagination`).
    fn begin_artifact(&mut self, kind: &[u8]) {
        if self.tagged {
            self.content.begin_artifact(kind);
        }
    }

    fn end(&mut self) {
        if self.tagged {
            self.content.end_marked();
        }
    }

    /// Writes `text` on one line whose baseline starts at (`x`, `y`); returns its marked
    /// content, to place in the logical structure.
    pub(crate) fn text(&mut self, x: f32, y: f32, size: f32, text: &str) -> Mark {
        let mark = self.begin(b"Span");
        self.draw_text(x, y, size, text);
        self.end();
        mark
    }

    /// Writes a running header or footer such as a page number: not content, so screen readers
    /// skip it.
    pub(crate) fn pagination(&mut self, x: f32, y: f32, size: f32, text: &str) {
        self.begin_artifact(b"Pagination");
        self.draw_text(x, y, size, text);
        self.end();
    }

    fn draw_text(&mut self, x: f32, y: f32, size: f32, text: &str) {
        if let Some(line) = lines::line(text, size, &mut self.codes) {
            self.codes.use_bytes(&line.used);
            self.content.text(size, x, H - y, &line.shows);
        }
    }

    /// A filled rectangle that is decoration, not content: screen readers skip it.
    pub(crate) fn rule(&mut self, x: f32, y: f32, width: f32, height: f32) {
        self.begin_artifact(b"Layout");
        self.content.rect(x, H - y - height, width, height);
        self.end();
    }

    /// Draws the square 1-bit image `bits` (`side` × `side` pixels, rows padded to whole bytes,
    /// dark as 0) with its top-left corner at (`x`, `y`), `size` points wide, without
    /// smoothing; returns its marked content. A document has one image at most.
    pub(crate) fn image(&mut self, x: f32, y: f32, size: f32, side: usize, bits: Vec<u8>) -> Mark {
        self.image = Some((self.current, Image { side: side as u32, bits }));
        let mark = self.begin(b"Figure");
        self.content.image(size, x, H - y - size);
        self.end();
        mark
    }

    /// Adds a node holding the marked content `marks` to the logical structure; `alt` is a
    /// figure's description. (A heading's text is its content: it needs no title of its own.)
    pub(crate) fn element(&mut self, role: Role, alt: Option<String>, marks: Vec<Mark>) {
        self.elements.push(Element { role, alt, marks });
    }

    /// The font: Type 0 with its CID font, descriptor, subset program, encoding and ToUnicode
    /// map. CIDs and the subset's glyph ids coincide; the encoding maps the codes to CIDs.
    fn write_font(&self, pdf: &mut Pdf, ids: [Ref; 6]) -> Result<(), String> {
        let [type0_id, cid_id, descriptor_id, cmap_id, file_id, encoding_id] = ids;
        let face = shape::face().ok_or("font")?;
        let plan = self.codes.plan();
        let subset = subsetter::subset(shape::FONT_BYTES, 0, &plan.remapper).map_err(|e| format!("{e:?}"))?;
        let name = format!("{}+DejaVuSans", subset_tag(&plan.remapper));
        pdf.type0_font(type0_id)
            .base_font(Name(name.as_bytes()))
            .encoding_cmap(encoding_id)
            .descendant_font(cid_id)
            .to_unicode(cmap_id);
        let mut cid = pdf.cid_font(cid_id);
        cid.subtype(CidFontType::Type2)
            .base_font(Name(name.as_bytes()))
            .system_info(SYSTEM_INFO)
            .font_descriptor(descriptor_id)
            .default_width(0.0)
            .cid_to_gid_map_predefined(Name(b"Identity"));
        let em = 1000.0 / face.units_per_em() as f32;
        let width = |gid: u16| {
            f32::from(face.glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(gid)).unwrap_or(0)) * em
        };
        cid.widths().consecutive(0, plan.remapper.remapped_gids().map(width));
        cid.finish();
        let bbox = face.global_bounding_box();
        pdf.font_descriptor(descriptor_id)
            .name(Name(name.as_bytes()))
            .flags(FontFlags::SYMBOLIC)
            .bbox(Rect::new(
                f32::from(bbox.x_min) * em,
                f32::from(bbox.y_min) * em,
                f32::from(bbox.x_max) * em,
                f32::from(bbox.y_max) * em,
            ))
            .italic_angle(face.italic_angle())
            .ascent(f32::from(face.ascender()) * em)
            .descent(f32::from(face.descender()) * em)
            .cap_height(f32::from(cap_height(face)) * em)
            .stem_v(80.0)
            .font_file2(file_id);
        // The glyph outlines at the fast level, the rest (mostly the name table) at the default.
        let (before, glyf, after) = split_table(&subset, b"glyf");
        let font_file =
            deflate_parts(&[(before, Level::Default), (glyf, Level::Fast), (after, Level::Default)])?;
        pdf.stream(file_id, &font_file)
            .filter(Filter::FlateDecode)
            .pair(Name(b"Length1"), i32::try_from(subset.len()).unwrap_or(i32::MAX));
        pdf.cmap(encoding_id, &plan.encoding).name(Name(codes::ENCODING.as_bytes())).system_info(SYSTEM_INFO);
        // What each glyph shows, so that text can be searched, copied and read aloud.
        let to_unicode = deflate(&plan.to_unicode, Level::Fast)?;
        let mut to_unicode = pdf.cmap(cmap_id, &to_unicode);
        to_unicode.name(Name(codes::TO_UNICODE.as_bytes())).system_info(SYSTEM_INFO);
        to_unicode.filter(Filter::FlateDecode);
        to_unicode.finish();

        Ok(())
    }

    /// The logical structure: the root, a Document element holding the headings, paragraphs
    /// and figure in reading order, and per page the parent-tree array naming the element of
    /// each marked-content sequence.
    fn write_structure(&self, pdf: &mut Pdf, next: &mut Ref, ids: [Ref; 2], page_ids: &[Ref], mcids: &[i32]) {
        let [root_id, document_id] = ids;
        let element_ids: Vec<Ref> = self.elements.iter().map(|_| next.bump()).collect();
        // Per page, the array that names the element holding each marked-content sequence.
        let parents_ids: Vec<Ref> = page_ids.iter().map(|_| next.bump()).collect();
        let mut root = pdf.indirect(root_id).start::<StructTreeRoot>();
        root.child(document_id);
        let mut tree = root.parent_tree();
        let mut nums = tree.nums();
        for (n, parents_id) in parents_ids.iter().enumerate() {
            nums.insert(i32::try_from(n).unwrap_or(i32::MAX), *parents_id);
        }
        nums.finish();
        tree.finish();
        root.parent_tree_next_key(i32::try_from(page_ids.len()).unwrap_or(i32::MAX));
        root.finish();
        let mut document = pdf.struct_element(document_id);
        document.kind(StructRole::Document).parent(root_id);
        let mut children = document.children();
        element_ids.iter().for_each(|e| {
            children.struct_element(*e);
        });
        children.finish();
        document.finish();
        let mut owners: Vec<Vec<Ref>> =
            mcids.iter().map(|n| vec![document_id; usize::try_from(*n).unwrap_or(0)]).collect();
        for (element, element_id) in self.elements.iter().zip(&element_ids) {
            let mut e = pdf.struct_element(*element_id);
            e.kind(match element.role {
                Role::H1 => StructRole::H1,
                Role::H2 => StructRole::H2,
                Role::P => StructRole::P,
                Role::Figure => StructRole::Figure,
            })
            .parent(document_id);
            // The element's page; content on another page names its page itself.
            let home = element.marks.first().map_or(0, |m| m.page);
            if let Some(page_id) = page_ids.get(home) {
                e.page(*page_id);
            }
            if let Some(alt) = &element.alt {
                e.alt(TextStr(alt));
            }
            let mut children = e.children();
            for mark in &element.marks {
                if mark.page == home {
                    children.marked_content_id(mark.mcid);
                } else if let Some(page_id) = page_ids.get(mark.page) {
                    children.marked_content_ref().marked_content_id(mark.mcid).page(*page_id);
                }
                let owner = owners
                    .get_mut(mark.page)
                    .and_then(|page| page.get_mut(usize::try_from(mark.mcid).unwrap_or(usize::MAX)));
                if let Some(owner) = owner {
                    *owner = *element_id;
                }
            }
            children.finish();
            e.finish();
        }
        for (parents_id, owners) in parents_ids.iter().zip(owners) {
            pdf.indirect(*parents_id).array().items(owners);
        }
    }

    /// The PDF file.
    pub(crate) fn finish(mut self, meta: Option<&Metadata>) -> Result<Vec<u8>, String> {
        let mut next = Ref::new(1);
        let (catalog_id, page_tree_id) = (next.bump(), next.bump());
        let (type0_id, cid_id, descriptor_id, cmap_id, file_id) =
            (next.bump(), next.bump(), next.bump(), next.bump(), next.bump());
        let encoding_id = next.bump();
        let mut pdf = Pdf::with_settings_and_capacity(COMPACT, 32 * 1024);

        self.write_font(&mut pdf, [type0_id, cid_id, descriptor_id, cmap_id, file_id, encoding_id])?;

        let image_id = self.image.as_ref().map(|_| next.bump());
        if let (Some((_, image)), Some(image_id)) = (&self.image, image_id) {
            let side = i32::try_from(image.side).unwrap_or(0);
            pdf.image_xobject(image_id, &image.bits)
                .width(side)
                .height(side)
                .color_space_name(Name(b"DeviceGray"))
                .bits_per_component(1)
                .interpolate(false);
        }
        // The pages, each with its content stream.
        let current = (std::mem::replace(&mut self.content, Content::new(self.gray)), self.next_mcid);
        self.pages[self.current] = Some(current);
        let pages: Vec<(Content, i32)> = std::mem::take(&mut self.pages).into_iter().flatten().collect();
        let page_ids: Vec<Ref> = pages.iter().map(|_| next.bump()).collect();
        let mut content_hash = 0xcbf2_9ce4_8422_2325;
        let mut mcids = Vec::with_capacity(pages.len());
        for (n, ((content, next_mcid), page_id)) in pages.into_iter().zip(&page_ids).enumerate() {
            mcids.push(next_mcid);
            let content = content.finish();
            content_hash = fnv(content_hash, &[&content]);
            let content = deflate(&content, Level::Fast)?;
            let content_id = next.bump();
            pdf.stream(content_id, &content).filter(Filter::FlateDecode);
            let mut page = pdf.page(*page_id);
            page.media_box(Rect::new(0.0, 0.0, W, H)).parent(page_tree_id).contents(content_id);
            if self.tagged {
                page.struct_parents(i32::try_from(n).unwrap_or(i32::MAX)).tab_order(TabOrder::StructureOrder);
            }
            let mut resources = page.resources();
            resources.fonts().pair(FONT, type0_id);
            if let (Some((image_page, _)), Some(image_id)) = (&self.image, image_id)
                && *image_page == n
            {
                resources.x_objects().pair(IMAGE, image_id);
            }
            resources.finish();
            page.finish();
        }
        pdf.pages(page_tree_id)
            .kids(page_ids.iter().copied())
            .count(i32::try_from(page_ids.len()).unwrap_or(0));

        let mut catalog = pdf.catalog(catalog_id);
        catalog.pages(page_tree_id);
        let structure = self.tagged.then(|| [next.bump(), next.bump()]);
        if let Some([root_id, _]) = structure {
            catalog.mark_info().marked(true);
            catalog.pair(Name(b"StructTreeRoot"), root_id);
        }
        let xmp_id = meta.map(|_| next.bump());
        if let (Some(meta), Some(xmp_id)) = (meta, xmp_id) {
            catalog.lang(TextStr(meta.lang));
            catalog.viewer_preferences().display_doc_title(true);
            catalog.metadata(xmp_id);
        }
        catalog.finish();

        if let Some(ids) = structure {
            self.write_structure(&mut pdf, &mut next, ids, &page_ids, &mcids);
        }

        if let (Some(meta), Some(xmp_id)) = (meta, xmp_id) {
            write_metadata(&mut pdf, meta, xmp_id, next.bump(), content_hash);
        }
        Ok(pdf.finish())
    }
}

/// The Info dictionary, the XMP metadata and the file identifier.
fn write_metadata(pdf: &mut Pdf, meta: &Metadata, xmp_id: Ref, info_id: Ref, content_hash: u64) {
    let date = meta.date;
    let (year, month, day) = (date.year() as u16, date.month() as u8, date.day());
    pdf.document_info(info_id)
        .title(TextStr(meta.title))
        .author(TextStr(meta.author))
        .creator(TextStr("Wabro"))
        .creation_date(Date::new(year).month(month).day(day));
    let mut xmp = xmp_writer::XmpWriter::new();
    xmp.title([(None, meta.title)])
        .language([xmp_writer::LangId(meta.lang)])
        .creator([meta.author])
        .creator_tool("Wabro")
        .create_date(xmp_writer::DateTime::date(year, month, day))
        .format("application/pdf");
    xmp.document_id(&format!("urn:wabro:document:{}", meta.document_id));
    let xmp = xmp.finish(None);
    pdf.metadata(xmp_id, xmp.as_bytes());
    // An identifier made of the document number and the page's content: stable for the
    // same document, different for a corrected one under the same number.
    let parts = [meta.document_id.as_bytes(), &content_hash.to_be_bytes()];
    let file_id = [fnv(0xcbf2_9ce4_8422_2325, &parts), fnv(0x8422_2325_cbf2_9ce4, &parts)];
    let file_id: Vec<u8> = file_id.iter().flat_map(|h| h.to_be_bytes()).collect();
    pdf.set_file_id((file_id.clone(), file_id));
}

/// `font` cut around its table `tag` (before, the table, after); all of it comes before when
/// the table is missing.
fn split_table<'a>(font: &'a [u8], tag: &[u8; 4]) -> (&'a [u8], &'a [u8], &'a [u8]) {
    use rustybuzz::ttf_parser::{RawFace, Tag};
    let range = RawFace::parse(font, 0)
        .ok()
        .and_then(|raw| raw.table_records.into_iter().find(|r| r.tag == Tag::from_bytes(tag)))
        .map(|r| (r.offset as usize, r.length as usize))
        .filter(|(start, len)| start.checked_add(*len).is_some_and(|end| end <= font.len()));
    match range {
        Some((start, len)) => (&font[..start], &font[start..start + len], &font[start + len..]),
        None => (font, &[], &[]),
    }
}

/// The height of a capital letter: the font's own figure, else the top of its "H".
fn cap_height(face: &rustybuzz::Face) -> i16 {
    face.capital_height()
        .or_else(|| face.glyph_index('H').and_then(|g| face.glyph_bounding_box(g)).map(|b| b.y_max))
        .unwrap_or(face.ascender())
}

/// A 64-bit FNV-1a hash of `parts`, starting from `seed`.
fn fnv(seed: u64, parts: &[&[u8]]) -> u64 {
    parts.iter().flat_map(|p| p.iter()).fold(seed, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}

/// Six letters naming the subset, from its glyphs (the same glyphs give the same name).
fn subset_tag(remapper: &GlyphRemapper) -> String {
    let gids: Vec<u8> = remapper.remapped_gids().flat_map(u16::to_be_bytes).collect();
    let mut hash = fnv(0xcbf2_9ce4_8422_2325, &[&gids]);
    (0..6)
        .map(|_| {
            let letter = char::from(b'A' + (hash % 26) as u8);
            hash /= 26;
            letter
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_font_is_cut_around_one_of_its_tables() {
        let face = shape::FONT_BYTES;
        let (before, glyf, after) = split_table(face, b"glyf");
        assert_eq!(before.len() + glyf.len() + after.len(), face.len());
        let table = rustybuzz::ttf_parser::RawFace::parse(face, 0)
            .unwrap()
            .table(rustybuzz::ttf_parser::Tag::from_bytes(b"glyf"))
            .unwrap();
        assert_eq!(glyf, table);
        let (all, none, rest) = split_table(face, b"none");
        assert_eq!((all.len(), none.len(), rest.len()), (face.len(), 0, 0));
        assert_eq!(split_table(b"short", b"glyf").0, b"short");
    }

    #[test]
    fn the_subset_name_follows_the_glyphs() {
        let mut a = GlyphRemapper::new();
        let mut b = GlyphRemapper::new();
        a.remap(5);
        b.remap(6);
        assert_eq!(subset_tag(&a).len(), 6);
        assert!(subset_tag(&a).bytes().all(|c| c.is_ascii_uppercase()));
        assert_ne!(subset_tag(&a), subset_tag(&b));
    }
}
