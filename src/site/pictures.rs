//! Photos as templates write them (the theme's `picture` component): the
//! files of a processed photo as site paths, which the template prefixes
//! with the page's `root`, so that one view serves every page (a post's
//! card is built once and shown on many lists).

use serde::Serialize;

use crate::content::model::{Image, PictureFile};

use super::views::encode_path;

/// One photo: its `<img src>`, size and alternative text, and for a
/// processed photo its files for the `srcset`s.
#[derive(Serialize)]
pub(super) struct PictureView {
    /// A site path, or another site's address when `external`.
    src: String,
    external: bool,
    alt: String,
    width: Option<u32>,
    height: Option<u32>,
    /// The WebP files, narrowest first (none for an unprocessed image).
    webp: Vec<FileView>,
    /// The fallback files (JPEG or PNG), narrowest first.
    fallback: Vec<FileView>,
    /// The largest file published, for a link to the photo at full size.
    largest: String,
}

#[derive(Serialize)]
struct FileView {
    url: String,
    width: u32,
}

/// A site-rooted URL (`/2024/files/a.jpg`) as a site path for `href`.
fn site_path(url: &str) -> String {
    encode_path(url.strip_prefix('/').unwrap_or(url))
}

fn files(files: &[PictureFile]) -> Vec<FileView> {
    files
        .iter()
        .map(|f| FileView {
            url: site_path(&f.url),
            width: f.width,
        })
        .collect()
}

pub(super) fn picture_view(image: &Image) -> PictureView {
    let external = crate::markdown::is_external(&image.src);
    let src = if external {
        image.src.clone()
    } else {
        site_path(&image.src)
    };
    let picture = image.picture.as_deref();
    let shown = picture.and_then(|p| p.src());
    PictureView {
        largest: picture
            .and_then(|p| p.fallback.last())
            .map_or_else(|| src.clone(), |f| site_path(&f.url)),
        src: shown.map_or(src, |f| site_path(&f.url)),
        external,
        alt: image.alt.clone(),
        width: shown.map(|f| f.width),
        height: shown.map(|f| f.height),
        webp: picture.map(|p| files(&p.webp)).unwrap_or_default(),
        fallback: picture.map(|p| files(&p.fallback)).unwrap_or_default(),
    }
}
