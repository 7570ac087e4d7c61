//! The photos of a site's `files/` folders, processed for the web before
//! any Markdown is rendered: each is published as its variants (resized,
//! stripped of metadata, JPEG or PNG and WebP) instead of the original, and
//! the link table sends the photo's source path to its fallback file, so a
//! link or an image written as `../files/anh.jpg` shows the processed photo.
//!
//! A photo that cannot be published (damaged, too large, HEIC…) is not
//! published at all: it is a warning at the photo, and an error where a
//! post or page shows it (through [`Links::failed`]).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::model::{Asset, Download, Picture, PictureFile};
use super::source::{Stamp, stamp};
use crate::config::ImageSettings;
use crate::diagnostics::Diagnostic;
use crate::markdown::Links;
use crate::photos::{self, Format, Photo, PhotoError};

mod pending;

pub(crate) use pending::PhotoMode;

/// The extensions of the files of `files/` that are processed as photos
/// (SVG is checked and published as it is).
const PHOTO_EXTENSIONS: &[&str] = &[
    "jpg", "jpeg", "png", "webp", "gif", "heic", "heif", "avif", "svg",
];

/// The folder of the photo cache for the content folder `source`:
/// `.campaign-cache/photos` beside it (never inside `public/` nor the
/// content, ignored by git, safe to delete).
pub(crate) fn cache_dir(source: &Path) -> PathBuf {
    let parent = match source.parent() {
        Some(p) if p.as_os_str().is_empty() => Path::new("."),
        Some(p) => p,
        None => source,
    };
    parent.join(".campaign-cache").join("photos")
}

/// One photo as the last load found it, reused while its file is unchanged
/// (and its processed files are still in the cache).
#[derive(Clone)]
pub(crate) struct Known {
    stamp: Stamp,
    /// The settings it was processed with (a change in `site.yaml`, or a
    /// download asked for, processes it again).
    settings: photos::Settings,
    result: Result<Arc<Photo>, PhotoError>,
    gps: bool,
}

/// What the photos give the rest of the load.
#[derive(Default)]
pub(super) struct Processed {
    /// Photo source path → its fallback file's site path.
    sources: Vec<(String, String)>,
    /// Fallback file's site-rooted URL → the picture.
    pictures: HashMap<String, Arc<Picture>>,
    failed: HashMap<String, (crate::i18n::Message, Option<crate::i18n::Message>)>,
    /// How many photos are still being processed (in the background).
    pub(super) pending: usize,
}

impl Processed {
    /// Adds what the photos publish to the link table (after the assets,
    /// which now hold the variants).
    pub(super) fn link(self, links: &mut Links) {
        for (rel, url) in self.sources {
            links.sources.insert(rel, url);
        }
        links.pictures = self.pictures;
        links.failed = self.failed;
    }
}

fn is_photo(rel: &str) -> bool {
    let mut parts = rel.split('/');
    let in_files =
        parts.next().is_some_and(|y| y.parse::<i16>().is_ok()) && parts.next() == Some("files");
    let ext = rel
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    in_files && PHOTO_EXTENSIONS.contains(&ext.as_str())
}

/// The processing settings of `site.yaml`'s `images:`, with a full-size
/// copy when `original`.
fn settings_for(images: &ImageSettings, original: bool) -> photos::Settings {
    photos::Settings {
        widths: images.widths.clone(),
        quality: images.quality,
        webp: images.webp,
        original,
        ..photos::Settings::default()
    }
}

/// Processes the photos among `assets` (through the cache beside
/// `source`, with `images` settings and a full-size copy for those in
/// `downloads`, inline or in the background as `mode` says), replacing each
/// by the files to publish (a pending photo by itself); warns of photos
/// that record where they were taken, are animated or cannot be published.
pub(super) fn process(
    source: &Path,
    images: &ImageSettings,
    downloads: &HashSet<String>,
    assets: &mut Vec<Asset>,
    known: &mut HashMap<PathBuf, Known>,
    mode: &PhotoMode,
    warnings: &mut Vec<Diagnostic>,
) -> Processed {
    let (photos, others): (Vec<Asset>, Vec<Asset>) = std::mem::take(assets)
        .into_iter()
        .partition(|a| is_photo(&a.rel));
    *assets = others;
    let mut out = Processed::default();
    if photos.is_empty() {
        known.clear();
        return out;
    }
    let stamps: Vec<Option<Stamp>> = photos.iter().map(|a| stamp(&a.source)).collect();
    let wanted = |a: &Asset| settings_for(images, downloads.contains(&a.rel));
    let reusable = |a: &Asset, st: &Option<Stamp>| -> Option<Known> {
        let k = known.get(&a.source)?;
        let fresh = Some(k.stamp) == *st
            && k.settings == wanted(a)
            && k.result
                .as_ref()
                .map_or(true, |p| p.variants.iter().all(|v| v.path.is_file()));
        fresh.then(|| k.clone())
    };
    let todo: Vec<(PathBuf, photos::Want)> = photos
        .iter()
        .zip(&stamps)
        .filter(|(a, st)| reusable(a, st).is_none())
        .map(|(a, st)| {
            let want = (st.unwrap_or((None, 0)), downloads.contains(&a.rel));
            (a.source.clone(), want)
        })
        .collect();
    let base = settings_for(images, false);
    let mut fresh = pending::results(mode, todo, &base, &cache_dir(source));
    let mut next = HashMap::new();
    let mut published: HashSet<String> = HashSet::new();
    for (asset, st) in photos.into_iter().zip(stamps) {
        let k = match reusable(&asset, &st) {
            Some(k) => k,
            None => {
                let Some(result) = fresh.remove(&asset.source) else {
                    pending::publish_pending(&asset, &mut published, assets, &mut out);
                    continue;
                };
                let settings = wanted(&asset);
                // Found when the photo was hashed (or taken from the
                // source index): the file is not read again for it.
                let gps = result.as_ref().is_ok_and(|p| p.gps);
                Known {
                    stamp: st.unwrap_or((None, 0)),
                    settings,
                    result,
                    gps,
                }
            }
        };
        let display = source.join(&asset.rel);
        if k.gps {
            warnings.push(PhotoError::gps_warning(&display, &display));
        }
        match &k.result {
            Ok(photo) => {
                if photo.animated {
                    warnings.push(PhotoError::animated_warning(&display, &display));
                }
                publish(&asset, photo, &mut published, assets, &mut out);
            }
            Err(e) => {
                warnings.push(e.diagnostic(&display, &display).warning());
                out.failed
                    .insert(asset.rel.clone(), (e.message(&display), e.help()));
            }
        }
        if st.is_some() {
            next.insert(asset.source.clone(), k);
        }
    }
    *known = next;
    out
}

/// The variants of `photo` as assets beside the original (the same photo
/// under two names is published once), and its picture.
fn publish(
    asset: &Asset,
    photo: &Photo,
    published: &mut HashSet<String>,
    assets: &mut Vec<Asset>,
    out: &mut Processed,
) {
    if photo.fallback() == Format::Svg {
        // Checked: published as it is, under its own name.
        assets.push(asset.clone());
        return;
    }
    let dir = |p: &str| {
        p.rsplit_once('/')
            .map_or(String::new(), |(d, _)| d.to_owned())
    };
    let (rel_dir, out_dir) = (dir(&asset.rel), dir(&asset.output));
    let file = |v: &photos::Variant| PictureFile {
        url: format!("/{out_dir}/{}", v.file_name),
        width: v.width,
        height: v.height,
    };
    for v in &photo.variants {
        let output = format!("{out_dir}/{}", v.file_name);
        if published.insert(output.clone()) {
            assets.push(Asset {
                rel: format!("{rel_dir}/{}", v.file_name),
                source: v.path.clone(),
                output,
            });
        }
    }
    let fallback = photo.fallback();
    let picture = Picture {
        fallback: photo.of_format(fallback).map(file).collect(),
        fallback_type: fallback.mime(),
        webp: photo.of_format(Format::WebP).map(file).collect(),
        original: photo.original().map(|v| Download {
            url: format!("/{out_dir}/{}", v.file_name),
            width: v.width,
            height: v.height,
            bytes: v.len,
        }),
    };
    if let Some(src) = picture.src() {
        let url = src.url.clone();
        out.sources
            .push((asset.rel.clone(), url.trim_start_matches('/').to_owned()));
        out.pictures.insert(url, Arc::new(picture));
    }
}
