//! Albums: the `photos:` list of a post or an edition, shown as a gallery,
//! and the photos it and the cover `image:` name, resolved to the processed
//! pictures of the link table.
//!
//! An album is a list in the front matter (chosen over a folder of photos
//! next to the post: the order, the alternative text and the captions have
//! to be written somewhere anyway, and one list keeps them together).
//! Resolving gives the photos and the problems, each at the path of the
//! value it is about, so a caller with the source text reports them at
//! their line (posts and editions) and a caller without it (a post whose
//! body is left for later, reported when its page is rendered) can drop
//! them.

use std::collections::HashSet;

use serde::Deserialize;

use super::model::{AlbumPhoto, Image};
use super::source::{Seg, SourceFile};
use crate::diagnostics::Diagnostic;
use crate::i18n::Message;
use crate::markdown::Links;
use crate::msg;

/// The most photos an album may hold: a gallery page shows every one.
pub(crate) const MAX_ALBUM_PHOTOS: usize = 200;

/// Một ảnh trong album (photos). One photo of an album as written.
#[derive(Debug, Clone, Hash, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct AlbumEntry {
    /// Tệp ảnh (file): trong tin, tính từ tin như `image`, ví dụ "../files/le-mit-tinh.jpg"; trong edition.yaml, tên tệp trong thư mục `files/` của năm.
    pub file: String,
    /// Mô tả ảnh (alt) cho người không xem được ảnh: ảnh cho thấy gì, ví dụ "Hội trường treo băng rôn đỏ".
    pub alt: String,
    /// Chú thích (caption) hiện dưới ảnh: sự kiện, nơi chụp, ngày.
    #[serde(default)]
    pub caption: Option<String>,
    /// Cho tải ảnh cỡ lớn (download): `true` thì có liên kết tải ảnh đầy đủ kích thước, đã bỏ hết dữ liệu ẩn (vị trí GPS, máy chụp).
    #[serde(default)]
    pub download: bool,
}

/// A problem found while resolving photos, at the path of its value.
pub(crate) struct Problem {
    pub path: Vec<Seg<'static>>,
    pub message: Message,
    pub help: Option<Message>,
}

impl Problem {
    /// The problem as a diagnostic at its value in `src`.
    pub(crate) fn at(&self, src: &SourceFile) -> Diagnostic {
        let d = src.at_path(&self.path, false, self.message.clone());
        match &self.help {
            Some(help) => d.with_help(help.clone()),
            None => d,
        }
    }
}

/// How the files of a list are written: relative to the file that names
/// them (a post), or as names in the year's `files/` folder (an edition).
#[derive(Clone, Copy)]
pub(crate) enum Base<'a> {
    /// The content-relative directory of the post.
    Relative(&'a str),
    /// The year whose `files/` holds them.
    YearFiles(i16),
}

/// What an image may be besides a photo of the site.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Accept {
    /// A photo (or SVG) of the year's files: an album's entries.
    Photo,
    /// Any file of the site or an external address: a cover, as before
    /// albums (a cover elsewhere is shown, unprocessed).
    Any,
}

/// One photo named at `path`: the processed picture (or the SVG file) it
/// is published as, or the problem.
pub(crate) fn photo(
    links: &Links,
    base: Base,
    (file, alt): (&str, &str),
    accept: Accept,
    path: Vec<Seg<'static>>,
    year: i16,
) -> Result<Image, Problem> {
    let problem = |message: Message, help: Option<Message>| Problem {
        path: path.clone(),
        message,
        help,
    };
    let (dir, target) = match base {
        Base::Relative(dir) => (dir.to_owned(), file.to_owned()),
        Base::YearFiles(y) => {
            let inside = !file.starts_with('/')
                && !file.contains('\\')
                && !file.split('/').any(|p| p == "..")
                && !crate::markdown::is_external(file);
            if !inside {
                return Err(problem(
                    msg!("attachment-missing", file = file, year = y),
                    Some(msg!("attachment-missing-help", year = y)),
                ));
            }
            (
                format!("{y}/files"),
                file.trim_start_matches("files/").to_owned(),
            )
        }
    };
    if let Some(reason) = crate::markdown::refused(&target) {
        return Err(problem(
            msg!("image-not-found", image = file, reason = reason),
            Some(msg!("image-not-found-help", year = year)),
        ));
    }
    if let Some((reason, help)) = links.failed_photo(&dir, &target) {
        return Err(problem(reason.clone(), help.clone()));
    }
    if crate::markdown::is_external(&target) && accept == Accept::Any {
        return Ok(Image {
            src: target,
            alt: alt.to_owned(),
            picture: None,
        });
    }
    if crate::markdown::is_external(&target) {
        return Err(problem(
            msg!("album-photo-external", file = file),
            Some(msg!("album-photo-external-help", year = year)),
        ));
    }
    let url = links.resolve(&dir, &target).map_err(|reason| {
        problem(
            msg!("image-not-found", image = file, reason = reason),
            Some(msg!("image-not-found-help", year = year)),
        )
    })?;
    let picture = links.pictures.get(&url).cloned();
    let is_svg = url.to_ascii_lowercase().ends_with(".svg");
    if picture.is_none() && !is_svg && accept == Accept::Photo {
        return Err(problem(
            msg!("album-not-a-photo", file = file),
            Some(msg!("album-not-a-photo-help")),
        ));
    }
    Ok(Image {
        src: picture
            .as_ref()
            .and_then(|p| p.src())
            .map_or(url, |f| f.url.clone()),
        alt: alt.to_owned(),
        picture,
    })
}

/// The album `entries` under the key `key`, with the problems found.
pub(crate) fn album(
    links: &Links,
    base: Base,
    entries: &[AlbumEntry],
    key: &'static str,
    year: i16,
) -> (Vec<AlbumPhoto>, Vec<Problem>) {
    let mut photos = Vec::new();
    let mut problems = Vec::new();
    if entries.len() > MAX_ALBUM_PHOTOS {
        problems.push(Problem {
            path: vec![Seg::Key(key)],
            message: msg!(
                "album-too-long",
                count = entries.len(),
                max = MAX_ALBUM_PHOTOS
            ),
            help: Some(msg!("album-too-long-help", max = MAX_ALBUM_PHOTOS)),
        });
    }
    let mut seen = HashSet::new();
    for (i, entry) in entries.iter().enumerate().take(MAX_ALBUM_PHOTOS) {
        let at = |k: &'static str| vec![Seg::Key(key), Seg::Index(i), Seg::Key(k)];
        if entry.alt.trim().is_empty() {
            problems.push(Problem {
                path: at("alt"),
                message: msg!("album-no-alt", file = &entry.file),
                help: Some(msg!("album-no-alt-help")),
            });
        }
        let named = (entry.file.as_str(), entry.alt.trim());
        match photo(links, base, named, Accept::Photo, at("file"), year) {
            Ok(image) => {
                if !seen.insert(image.src.clone()) {
                    problems.push(Problem {
                        path: at("file"),
                        message: msg!("album-photo-twice", file = &entry.file),
                        help: Some(msg!("album-photo-twice-help")),
                    });
                    continue;
                }
                // The loader asks for a full-size copy of every photo an
                // album offers; a photo still processed in the preview has
                // none yet, and gets its link once it is done.
                let download = entry
                    .download
                    .then(|| image.picture.as_ref().and_then(|p| p.original.clone()))
                    .flatten();
                photos.push(AlbumPhoto {
                    image,
                    caption: entry
                        .caption
                        .as_deref()
                        .map(str::trim)
                        .filter(|c| !c.is_empty())
                        .map(str::to_owned),
                    download,
                });
            }
            Err(p) => problems.push(p),
        }
    }
    (photos, problems)
}

/// The content-relative paths of the photos that `entries` offer for
/// download, for the photo processing to make their full-size copies.
pub(crate) fn downloads(base: Base, entries: &[AlbumEntry], out: &mut HashSet<String>) {
    for entry in entries.iter().filter(|e| e.download) {
        let file = crate::text::nfc(crate::text::percent_decode(&entry.file));
        let joined = match base {
            Base::Relative(dir) => crate::markdown::join(dir, &file),
            Base::YearFiles(y) => Some(format!("{y}/files/{}", file.trim_start_matches("files/"))),
        };
        out.extend(joined);
    }
}
