//! The one font banners and share images are drawn with: Noto Sans Bold
//! (SIL OFL 1.1, `fonts/OFL.txt`), built into the binary. Nothing is read
//! from the system, so a banner looks the same on every machine, and every
//! file carries the text as outlines, never the font.

use std::sync::{Arc, OnceLock};

use resvg::usvg::fontdb;

/// The font file, as shipped in `fonts/`.
pub(crate) const BYTES: &[u8] = include_bytes!("../../fonts/NotoSans-Bold.ttf");
/// Its family name, as written in the SVG we lay out.
pub(crate) const FAMILY: &str = "Noto Sans";

/// A font database holding only our font (built once).
pub(crate) fn database() -> Arc<fontdb::Database> {
    static DB: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = fontdb::Database::new();
        db.load_font_data(BYTES.to_vec());
        db.set_sans_serif_family(FAMILY);
        Arc::new(db)
    })
    .clone()
}

/// The first character of `text` the font has no glyph for (spaces and
/// line breaks aside).
pub(crate) fn missing(text: &str) -> Option<char> {
    static FACE: OnceLock<Option<ttf_parser::Face<'static>>> = OnceLock::new();
    let face = FACE.get_or_init(|| ttf_parser::Face::parse(BYTES, 0).ok());
    let face = face.as_ref()?;
    text.chars()
        .filter(|c| !c.is_whitespace())
        .find(|&c| face.glyph_index(c).is_none_or(|g| g.0 == 0))
}

/// `text` without the characters the font lacks: for share images, whose
/// texts (post titles) are not checked like slogans, so that an emoji in a
/// title leaves no empty box in the picture (the page shows the title whole).
pub(crate) fn printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let mut buf = [0u8; 4];
        if missing(c.encode_utf8(&mut buf)).is_none() {
            out.push(c);
        }
    }
    out
}

/// A hash of the font, part of every cache key: another font is another
/// picture.
pub(crate) fn hash() -> blake3::Hash {
    static HASH: OnceLock<blake3::Hash> = OnceLock::new();
    *HASH.get_or_init(|| blake3::hash(BYTES))
}
