//! From a design's SVG source to the files published: the SVG with its
//! text as outlines, the PDF (krilla, through krilla-svg, drawing those
//! outlines: it never embeds a font) and the PNG (resvg). Every output
//! depends only on its input: the PDF's dates and ids come from the caller.

use krilla::Document;
use krilla::geom::Size;
use krilla::metadata::{DateTime, Metadata};
use krilla::page::PageSettings;
use krilla_svg::{SurfaceExt, SvgSettings};

use super::layout;

/// Points per millimetre, PDF's unit.
const PT_PER_MM: f32 = 72.0 / 25.4;

/// What a PDF records about itself, fixed by the content (never the clock).
pub(crate) struct PdfInfo<'a> {
    pub(crate) title: &'a str,
    /// The edition's day, as the PDF's creation date.
    pub(crate) date: (i16, i8, i8),
    /// The cache key: the document id, the same in every build.
    pub(crate) id: &'a str,
}

/// The SVG with text as outlines, sized in millimetres for print.
pub(crate) fn print_svg(source: &str, width_mm: u32, height_mm: u32) -> Option<String> {
    let tree = layout::tree(source)?;
    let out = layout::outlines(&tree);
    // usvg writes the size in user units; a print shop's tool reads
    // millimetres, so the root's size says them.
    let (root, rest) = out.split_once('>')?;
    let root = set_attr(root, "width", &format!("{width_mm}mm"));
    let root = set_attr(&root, "height", &format!("{height_mm}mm"));
    Some(format!("{root}>{rest}"))
}

/// Replaces the value of `name="…"` in an element's opening tag.
fn set_attr(tag: &str, name: &str, value: &str) -> String {
    let needle = format!(" {name}=\"");
    match tag.find(&needle) {
        Some(i) => {
            let from = i + needle.len();
            let to = tag[from..].find('"').map_or(tag.len(), |j| from + j);
            format!("{}{value}{}", &tag[..from], &tag[to..])
        }
        None => format!("{tag} {name}=\"{value}\""),
    }
}

/// A one-page PDF of the outlined SVG at its physical size.
pub(crate) fn pdf(
    outlined: &str,
    width_mm: u32,
    height_mm: u32,
    info: &PdfInfo,
) -> Option<Vec<u8>> {
    let tree = layout::tree(outlined)?;
    let size = Size::from_wh(width_mm as f32 * PT_PER_MM, height_mm as f32 * PT_PER_MM)?;
    let mut doc = Document::new();
    let mut page = doc.start_page_with(PageSettings::new(size));
    let mut surface = page.surface();
    let settings = SvgSettings {
        embed_text: false,
        ..SvgSettings::default()
    };
    surface.draw_svg(&tree, size, settings)?;
    surface.finish();
    page.finish();
    let (y, m, d) = info.date;
    doc.set_metadata(
        Metadata::new()
            .title(info.title.to_owned())
            .language("vi".to_owned())
            .creator("campaign".to_owned())
            .document_id(info.id.to_owned())
            .creation_date(
                DateTime::new(u16::try_from(y).ok()?)
                    .month(u8::try_from(m).ok()?)
                    .day(u8::try_from(d).ok()?),
            ),
    );
    doc.finish().ok()
}

/// The PNG of an SVG source, at its own size in pixels.
pub(crate) fn png(source: &str) -> Option<Vec<u8>> {
    let tree = layout::tree(source)?;
    let size = tree.size().to_int_size();
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height())?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::default(),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().ok()
}
