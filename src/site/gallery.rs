//! An album (`photos:` of a post or an edition) as its gallery shows it:
//! each photo a thumbnail (`<picture>`, lazy, sized for a grid), the large
//! file it opens, its caption and its download link.

use serde::Serialize;

use super::views::{Views, encode_path};
use crate::content::model::{AlbumPhoto, Download};

/// The `sizes` of a thumbnail: two columns on a phone, up to four beside
/// each other on a wide screen (the grid is at most ~1100 px wide).
const THUMB_SIZES: &str = "(max-width: 600px) 50vw, (max-width: 1100px) 33vw, 280px";

#[derive(Serialize)]
pub(super) struct GalleryPhoto {
    /// `anh-1`, `anh-2`…: the anchor of the photo opened large.
    id: String,
    /// The thumbnail: a whole `<picture>`, or an `<img>` for an SVG.
    thumb_html: String,
    /// The largest published file, relative to the page, and its size.
    large: String,
    /// The WebP of that size, when there is one.
    large_webp: Option<String>,
    width: Option<u32>,
    height: Option<u32>,
    alt: String,
    caption: Option<String>,
    download: Option<DownloadView>,
}

#[derive(Serialize)]
pub(super) struct DownloadView {
    url: String,
    width: u32,
    height: u32,
    /// "2,4 MB", "850 KB".
    size_label: String,
}

impl Views<'_> {
    /// The gallery of `album`.
    pub(super) fn gallery(&self, album: &[AlbumPhoto]) -> Vec<GalleryPhoto> {
        album
            .iter()
            .enumerate()
            .map(|(i, p)| self.gallery_photo(i, p))
            .collect()
    }

    fn gallery_photo(&self, i: usize, p: &AlbumPhoto) -> GalleryPhoto {
        let alt = crate::markdown::escape_attr(&p.image.alt);
        let href = |url: &str| self.href(&encode_path(url));
        let (thumb_html, large, large_webp, width, height) = match &p.image.picture {
            Some(pic) => {
                let html = crate::markdown::picture_html_sized(
                    pic,
                    &format!("alt=\"{alt}\""),
                    true,
                    THUMB_SIZES,
                );
                let largest = pic.fallback.last();
                (
                    self.html(&crate::content::model::Html(html)),
                    largest.map_or_else(|| href(&p.image.src), |f| href(&f.url)),
                    pic.webp.last().map(|f| href(&f.url)),
                    largest.map(|f| f.width),
                    largest.map(|f| f.height),
                )
            }
            None => {
                let src = href(&p.image.src);
                (
                    format!(
                        "<img src=\"{src}\" alt=\"{alt}\" loading=\"lazy\" decoding=\"async\">"
                    ),
                    src,
                    None,
                    None,
                    None,
                )
            }
        };
        GalleryPhoto {
            id: format!("anh-{}", i + 1),
            thumb_html,
            large,
            large_webp,
            width,
            height,
            alt: p.image.alt.clone(),
            caption: p.caption.clone(),
            download: p.download.as_ref().map(|d| self.download(d)),
        }
    }

    fn download(&self, d: &Download) -> DownloadView {
        DownloadView {
            url: self.href(&encode_path(&d.url)),
            width: d.width,
            height: d.height,
            size_label: size_label(d.bytes),
        }
    }
}

/// A file size as Vietnamese readers write it: one decimal with a comma.
fn size_label(bytes: u64) -> String {
    let (value, unit) = if bytes >= 1_000_000 {
        (bytes as f64 / 1_000_000.0, "MB")
    } else {
        (bytes as f64 / 1_000.0, "KB")
    };
    let text = if value >= 100.0 || unit == "KB" {
        format!("{value:.0}")
    } else {
        format!("{value:.1}").replace('.', ",")
    };
    format!("{text} {unit}")
}

#[cfg(test)]
mod tests {
    use super::size_label;

    #[test]
    fn sizes_are_written_the_vietnamese_way() {
        assert_eq!(size_label(2_412_000), "2,4 MB");
        assert_eq!(size_label(850_400), "850 KB");
        assert_eq!(size_label(123_456_789), "123 MB");
    }
}
