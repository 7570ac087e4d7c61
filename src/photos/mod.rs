//! Photos for the web: decoded by content, stood upright, stripped of every
//! piece of metadata, resized to a few widths, encoded as JPEG (PNG when the
//! picture is transparent) and WebP, and kept in a cache between builds.
//!
//! It takes the paths of the source files and gives, for each, the files to
//! publish and the size the templates need (`<picture>`, `srcset`,
//! `width`/`height`); `content::photos` calls it and puts the results in
//! the page model.
//!
//! - [`decode`]: refuses what cannot or must not be processed (too many bytes,
//!   too many pixels, HEIC, truncated files) before allocating pixels, applies
//!   the EXIF orientation and converts to 8-bit sRGB.
//! - [`encode`]: resizes (never up) and encodes; encoders are given pixels
//!   only, so no EXIF, XMP, IPTC or ICC data reaches an output.
//! - [`svg`]: SVG files are published as they are once checked to hold no
//!   script and no reference outside the file.
//! - [`cache`]: entries keyed by the source bytes and the settings, written
//!   atomically and verified on every read.
//! - [`index`]: each source's hash and GPS flag by path, size and times, so
//!   that a rebuild reads no unchanged source (the entries it leads to are
//!   still verified).
//!
//! [`process`] runs it all in parallel, each distinct photo once, and stops
//! when asked.

mod background;
#[doc(hidden)]
pub mod bench;
mod cache;
mod decode;
mod encode;
mod error;
mod index;
mod svg;

#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use rayon::prelude::*;

pub(crate) use background::{Background, Want, Worker, threads};
pub(crate) use cache::write_atomically;
pub(crate) use error::PhotoError;

/// The version of the pipeline, part of every cache key: bump it whenever a
/// change (a codec, a filter, an encoder option) changes the bytes written,
/// so that the cache never serves an output of the old pipeline.
const PIPELINE_VERSION: u32 = 1;

/// The formats of a published picture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Format {
    /// The fallback every browser shows, for opaque photos.
    Jpeg,
    /// The fallback for pictures with transparency (JPEG has none).
    Png,
    /// The modern format, offered first in `<picture>`.
    WebP,
    /// An SVG file, published as it is.
    Svg,
}

impl Format {
    /// The file name extension.
    pub(crate) fn extension(self) -> &'static str {
        match self {
            Format::Jpeg => "jpg",
            Format::Png => "png",
            Format::WebP => "webp",
            Format::Svg => "svg",
        }
    }

    /// The media type, for `<source type="...">`.
    pub(crate) fn mime(self) -> &'static str {
        match self {
            Format::Jpeg => "image/jpeg",
            Format::Png => "image/png",
            Format::WebP => "image/webp",
            Format::Svg => "image/svg+xml",
        }
    }

    fn from_extension(ext: &str) -> Option<Format> {
        [Format::Jpeg, Format::Png, Format::WebP, Format::Svg]
            .into_iter()
            .find(|f| f.extension() == ext)
    }
}

/// How photos are processed (from `site.yaml` once wired in).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Settings {
    /// The widths to publish, in pixels; a photo narrower than the largest
    /// gets its own width instead of the widths above it (never upscaled).
    pub(crate) widths: Vec<u32>,
    /// JPEG and WebP quality, 1–100.
    pub(crate) quality: u8,
    /// Whether a WebP is published beside each JPEG (or PNG).
    pub(crate) webp: bool,
    /// Whether a full-size copy is made too, for a download link: the
    /// photo at its own size, upright, at [`ORIGINAL_QUALITY`], with no
    /// metadata (never the source file itself).
    pub(crate) original: bool,
    /// The most pixels a source may have (width × height), checked from its
    /// header before any pixel is decoded.
    pub(crate) max_pixels: u64,
    /// The largest source file, in bytes, checked before it is read.
    pub(crate) max_bytes: u64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            widths: vec![480, 960, 1600],
            quality: 80,
            webp: true,
            original: false,
            // A 108 MP phone sensor is 12000 × 9000; past 100 MP a file is
            // more likely a decompression bomb than a photo.
            max_pixels: 100_000_000,
            // Phones write 3–12 MB; 40 MB leaves room for a camera's JPEG.
            max_bytes: 40 * 1024 * 1024,
        }
    }
}

impl Settings {
    /// The widths, sorted, without repeats, each at least 1 and at most
    /// 16384 (the JPEG encoder's bound is 65535).
    fn clean_widths(&self) -> Vec<u32> {
        let mut widths: Vec<u32> = self.widths.iter().map(|w| (*w).clamp(1, 16384)).collect();
        widths.sort_unstable();
        widths.dedup();
        if widths.is_empty() {
            widths = Settings::default().widths;
        }
        widths
    }

    /// What the outputs depend on, for the cache key; the limits are not in
    /// it (they decide whether a photo is processed, not how).
    fn key_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(b"campaign-photos\0");
        out.extend_from_slice(&PIPELINE_VERSION.to_le_bytes());
        for w in self.clean_widths() {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out.push(0xff);
        out.push(self.quality.clamp(1, 100));
        out.push(u8::from(self.webp));
        out.push(u8::from(self.original));
        out
    }
}

/// The JPEG quality of the full-size copy offered for download: high, as
/// whoever downloads it may print it.
const ORIGINAL_QUALITY: u8 = 90;

/// One file to publish for a photo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Variant {
    pub(crate) width: u32,
    pub(crate) height: u32,
    pub(crate) format: Format,
    /// The full-size copy for downloading (see [`Settings::original`]),
    /// never offered in a `srcset`.
    pub(crate) original: bool,
    /// The file name to publish it under: `<stem>-<hash8>-<width>.<ext>`
    /// (`<stem>-<hash8>.svg` for an SVG, `<stem>-<hash8>.<ext>` for the
    /// full-size copy), stable while the source and the settings are, and
    /// different when either changes (so browsers never keep a stale copy).
    pub(crate) file_name: String,
    /// Its bytes, in the cache (verified when the entry was read).
    pub(crate) path: PathBuf,
    /// Its size in bytes.
    pub(crate) len: u64,
}

impl Variant {
    /// The bytes to publish (the build copies the file; tests read it).
    #[cfg(test)]
    pub(crate) fn read(&self) -> std::io::Result<Vec<u8>> {
        std::fs::read(&self.path)
    }
}

/// A processed photo: what templates need to write `<picture>`, `srcset`,
/// `sizes` and `width`/`height`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Photo {
    /// The size of the source after its EXIF orientation (the aspect ratio
    /// of every variant); for an SVG, its `width`/`height` or `viewBox`
    /// (0 when it declares neither).
    pub(crate) width: u32,
    pub(crate) height: u32,
    /// A GIF or WebP with more than one frame: only the first is published,
    /// and the caller should say so ([`PhotoError::animated_warning`]).
    pub(crate) animated: bool,
    /// The source records where it was taken ([`has_gps`]), so `check`
    /// warns (no published file carries it). Found when the source is
    /// hashed, from the same read, and kept in the source index.
    pub(crate) gps: bool,
    /// The files, by format then width, narrowest first.
    pub(crate) variants: Vec<Variant>,
}

impl Photo {
    /// The variants of one format, narrowest first (one `srcset`).
    pub(crate) fn of_format(&self, format: Format) -> impl Iterator<Item = &Variant> {
        self.variants
            .iter()
            .filter(move |v| v.format == format && !v.original)
    }

    /// The full-size copy for downloading, when one was asked for.
    pub(crate) fn original(&self) -> Option<&Variant> {
        self.variants.iter().find(|v| v.original)
    }

    /// The fallback format (`<img src>`): JPEG, PNG or SVG.
    pub(crate) fn fallback(&self) -> Format {
        self.variants
            .iter()
            .map(|v| v.format)
            .find(|f| *f != Format::WebP)
            .unwrap_or(Format::Jpeg)
    }
}

/// The result of [`process`]: one entry per source, in the order given.
#[derive(Debug)]
pub(crate) struct Outcome {
    /// The same photo under two names shares one `Arc` (and one set of
    /// files, named after the first).
    pub(crate) photos: Vec<Result<Arc<Photo>, PhotoError>>,
    /// How many distinct photos were decoded and encoded in this run.
    pub(crate) processed: usize,
    /// How many were taken from the cache.
    pub(crate) cached: usize,
}

/// Processes `sources` (paths of photo files): each distinct content once,
/// in parallel, from the cache in `cache_dir` when it has it (the folder is
/// created; it can be deleted at any time). Stops soon after `cancel` is
/// set: what was not done by then is [`PhotoError::Cancelled`].
pub(crate) fn process(
    sources: &[PathBuf],
    settings: &Settings,
    cache_dir: &Path,
    cancel: &AtomicBool,
) -> Outcome {
    let (hashes, unique) = distinct(sources, settings, cache_dir);
    let processed = AtomicUsize::new(0);
    let cached = AtomicUsize::new(0);
    let done: HashMap<blake3::Hash, Result<Arc<Photo>, PhotoError>> = unique
        .par_iter()
        .map(|(hash, gps, i)| {
            let result =
                one(&sources[*i], *hash, *gps, settings, cache_dir, cancel).map(|(p, hit)| {
                    if hit { &cached } else { &processed }.fetch_add(1, Ordering::Relaxed);
                    Arc::new(p)
                });
            (*hash, result)
        })
        .collect();

    let photos = hashes
        .into_iter()
        .map(|h| {
            let h = h?;
            done[&h.hash].clone()
        })
        .collect();
    Outcome {
        photos,
        processed: processed.into_inner(),
        cached: cached.into_inner(),
    }
}

/// The hash and GPS flag of every source (from the source index of
/// `cache_dir` for a file unchanged since it was recorded, else read once,
/// one file in memory per thread), and each distinct hash with its GPS flag
/// and the first source that has it, in order: the same photo under two
/// names is processed once, named after the first.
type Distinct = (
    Vec<Result<index::Known, PhotoError>>,
    Vec<(blake3::Hash, bool, usize)>,
);

fn distinct(sources: &[PathBuf], settings: &Settings, cache_dir: &Path) -> Distinct {
    let mut index = index::Index::load(cache_dir);
    let read: Vec<_> = sources
        .par_iter()
        .map(|path| fingerprint(path, settings, &index))
        .collect();
    let mut hashes = Vec::with_capacity(read.len());
    let mut learned = false;
    for r in read {
        hashes.push(r.map(|(known, new)| {
            if let Some((key, stat)) = new {
                index.record(key, stat, known);
                learned = true;
            }
            known
        }));
    }
    if learned {
        index.save(cache_dir);
    }
    let mut first_use: HashMap<blake3::Hash, (bool, usize)> = HashMap::new();
    for (i, h) in hashes.iter().enumerate() {
        if let Ok(h) = h {
            first_use.entry(h.hash).or_insert((h.gps, i));
        }
    }
    let mut unique: Vec<(blake3::Hash, bool, usize)> = first_use
        .into_iter()
        .map(|(h, (gps, i))| (h, gps, i))
        .collect();
    unique.sort_by_key(|(_, _, i)| *i);
    (hashes, unique)
}

/// The photos among `sources` that the cache in `cache_dir` holds, as
/// [`process`] would give them (`None` for the others), without decoding
/// anything: what a preview shows at once while the rest is processed.
pub(crate) fn from_cache(
    sources: &[PathBuf],
    settings: &Settings,
    cache_dir: &Path,
) -> Vec<Option<Arc<Photo>>> {
    if sources.is_empty() {
        return Vec::new();
    }
    let (hashes, unique) = distinct(sources, settings, cache_dir);
    let found: HashMap<blake3::Hash, Arc<Photo>> = unique
        .par_iter()
        .filter_map(|(hash, gps, i)| {
            let key = cache::key(settings, *hash);
            let entry = cache::read(cache_dir, &key)?;
            let photo = entry.into_photo(&stem(&sources[*i]), &key, *gps);
            Some((*hash, Arc::new(photo)))
        })
        .collect();
    hashes
        .into_iter()
        .map(|h| found.get(&h.as_ref().ok()?.hash).cloned())
        .collect()
}

/// The size a photo shows at (after its EXIF orientation) and its media
/// type, from its header alone: for a preview while it is processed.
pub(crate) fn header_size(path: &Path) -> Option<(u32, u32, &'static str)> {
    use image::ImageDecoder;
    use image::metadata::Orientation::{Rotate90, Rotate90FlipH, Rotate270, Rotate270FlipH};
    let reader = image::ImageReader::open(path)
        .ok()?
        .with_guessed_format()
        .ok()?;
    let format = reader.format()?;
    let mut decoder = reader.into_decoder().ok()?;
    let (width, height) = decoder.dimensions();
    let turned = matches!(
        decoder.orientation(),
        Ok(Rotate90 | Rotate270 | Rotate90FlipH | Rotate270FlipH)
    );
    let mime = format.to_mime_type();
    Some(if turned {
        (height, width, mime)
    } else {
        (width, height, mime)
    })
}

/// One distinct photo: from the cache, or processed and stored. The bool
/// says it came from the cache.
fn one(
    path: &Path,
    source_hash: blake3::Hash,
    gps: bool,
    settings: &Settings,
    cache_dir: &Path,
    cancel: &AtomicBool,
) -> Result<(Photo, bool), PhotoError> {
    if cancel.load(Ordering::Relaxed) {
        return Err(PhotoError::Cancelled);
    }
    let stem = stem(path);
    let mut key = cache::key(settings, source_hash);
    if let Some(entry) = cache::read(cache_dir, &key) {
        return Ok((entry.into_photo(&stem, &key, gps), true));
    }
    let bytes = read_limited(path, settings)?;
    // The file changed since it was hashed: the cache key follows the bytes
    // that are processed.
    let hash = blake3::hash(&bytes);
    let mut gps = gps;
    if hash != source_hash {
        // Changed since it was hashed, or a source index that named another
        // version: the bytes read are what counts, and may be cached.
        key = cache::key(settings, hash);
        gps = has_gps(&bytes);
        if let Some(entry) = cache::read(cache_dir, &key) {
            return Ok((entry.into_photo(&stem, &key, gps), true));
        }
    }
    let entry = if svg::looks_like_svg(&bytes) {
        let (width, height) = svg::check(&bytes)?;
        cache::Entry {
            width,
            height,
            animated: false,
            files: vec![cache::EntryFile {
                width,
                height,
                format: Format::Svg,
                original: false,
                bytes,
            }],
        }
    } else {
        let decoded = decode::decode(&bytes, settings)?;
        drop(bytes);
        encode::variants(decoded, settings, cancel)?
    };
    if cancel.load(Ordering::Relaxed) {
        return Err(PhotoError::Cancelled);
    }
    let stored = cache::write(cache_dir, &key, entry)?;
    Ok((stored.into_photo(&stem, &key, gps), false))
}

/// The blake3 hash of a source file and whether it records a GPS
/// position: from `index` when the file's metadata are those recorded
/// (nothing is read), else from one read of the file, with what to record
/// when the file is settled ([`index::SETTLE`]). A file over the byte limit
/// is refused without being read.
#[allow(clippy::type_complexity)]
fn fingerprint(
    path: &Path,
    settings: &Settings,
    index: &index::Index,
) -> Result<(index::Known, Option<(PathBuf, index::Stat)>), PhotoError> {
    let (file, meta) = open_limited(path, settings)?;
    let stat = index::Stat::of(&meta);
    let key = index::key(path);
    if let (Some(key), Some(stat)) = (&key, &stat)
        && let Some(known) = index.get(key, stat)
    {
        return Ok((known, None));
    }
    let bytes = read_all_limited(file, settings)?;
    let known = index::Known {
        hash: blake3::hash(&bytes),
        gps: has_gps(&bytes),
    };
    // Read through the descriptor its metadata came from: a file replaced
    // meanwhile has another inode, one written meanwhile another time.
    let now = std::time::SystemTime::now();
    let record = match (key, stat) {
        (Some(key), Some(stat)) if stat.len == bytes.len() as u64 && stat.settled(now) => {
            Some((key, stat))
        }
        _ => None,
    };
    Ok((known, record))
}

fn open_limited(
    path: &Path,
    settings: &Settings,
) -> Result<(std::fs::File, std::fs::Metadata), PhotoError> {
    let file = std::fs::File::open(path).map_err(PhotoError::read)?;
    let meta = file.metadata().map_err(PhotoError::read)?;
    if meta.len() > settings.max_bytes {
        return Err(PhotoError::TooLarge {
            bytes: meta.len(),
            limit: settings.max_bytes,
        });
    }
    Ok((file, meta))
}

/// The whole file, refused past the byte limit (even one that grew since
/// its size was read).
fn read_limited(path: &Path, settings: &Settings) -> Result<Vec<u8>, PhotoError> {
    let (file, _) = open_limited(path, settings)?;
    read_all_limited(file, settings)
}

fn read_all_limited(file: std::fs::File, settings: &Settings) -> Result<Vec<u8>, PhotoError> {
    let mut bytes = Vec::new();
    file.take(settings.max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(PhotoError::read)?;
    if bytes.len() as u64 > settings.max_bytes {
        return Err(PhotoError::TooLarge {
            bytes: bytes.len() as u64,
            limit: settings.max_bytes,
        });
    }
    Ok(bytes)
}

/// The file's stem as it appears in published names: a slug (`Ảnh hội
/// trường.JPG` → `anh-hoi-truong`), `anh` when nothing is left of it.
fn stem(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy())
        .unwrap_or_default();
    let slug = crate::text::slugify(&stem);
    if slug.is_empty() {
        "anh".to_owned()
    } else {
        slug
    }
}

/// Whether a source photo records where it was taken (EXIF GPS latitude or
/// longitude, or their XMP form), so `check` can warn before it is
/// published (the published files never carry it).
pub(crate) fn has_gps(source: &[u8]) -> bool {
    let exif_gps = exif::Reader::new()
        .read_from_container(&mut std::io::Cursor::new(source))
        .map(|exif| {
            exif.fields()
                .any(|f| matches!(f.tag, exif::Tag::GPSLatitude | exif::Tag::GPSLongitude))
        })
        .unwrap_or(false);
    exif_gps || contains(source, b"exif:GPSLatitude") || contains(source, b"exif:GPSLongitude")
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    memchr::memmem::find(haystack, needle).is_some()
}
