//! The cache of processed photos, kept between builds and shared by
//! `build`, `serve` and `watch`: a folder outside the output (the caller
//! chooses it, e.g. `.campaign-cache/photos/` beside the content folder)
//! that can be deleted at any time.
//!
//! An entry is keyed by a hash of the source bytes and of the settings
//! (widths, quality, formats, the pipeline's version): a photo edited, or
//! settings changed, is another key. Its files are
//! `<key>-<width>.<ext>` and a manifest `<key>.entry` listing each one's
//! size and blake3 hash, the manifest ending with a hash of itself. Files
//! are written to a temporary name and renamed into place, the manifest
//! last, so an entry exists only once whole; on every read the manifest and
//! each file are verified, and an entry that fails (a truncated file, a
//! flipped bit, a manifest from another version) is processed again and
//! rewritten, never returned.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::{Format, Photo, PhotoError, Settings, Variant};

/// The first line of a manifest.
const MAGIC: &str = "campaign-photo-entry 1";

/// One file of an entry, in memory, before it is stored.
pub(super) struct EntryFile {
    pub(super) width: u32,
    pub(super) height: u32,
    pub(super) format: Format,
    /// The full-size copy for downloading.
    pub(super) original: bool,
    pub(super) bytes: Vec<u8>,
}

/// A processed photo, before it is stored.
pub(super) struct Entry {
    pub(super) width: u32,
    pub(super) height: u32,
    pub(super) animated: bool,
    pub(super) files: Vec<EntryFile>,
}

/// A verified entry of the cache.
pub(super) struct Stored {
    width: u32,
    height: u32,
    animated: bool,
    files: Vec<StoredFile>,
}

struct StoredFile {
    width: u32,
    height: u32,
    format: Format,
    original: bool,
    path: PathBuf,
    len: u64,
}

/// The cache key of a source (by the hash of its bytes) under `settings`,
/// in hex.
pub(super) fn key(settings: &Settings, source: blake3::Hash) -> String {
    let mut hasher = blake3::Hasher::new();
    hasher.update(&settings.key_bytes());
    hasher.update(source.as_bytes());
    // 128 bits: names stay short, collisions stay out of reach.
    hasher.finalize().to_hex()[..32].to_owned()
}

/// Entries are spread over 256 folders by their first two hex digits, so
/// no folder holds tens of thousands of files.
fn folder(dir: &Path, key: &str) -> PathBuf {
    dir.join(&key[..2])
}

fn manifest_path(dir: &Path, key: &str) -> PathBuf {
    folder(dir, key).join(format!("{key}.entry"))
}

fn file_path(dir: &Path, key: &str, width: u32, format: Format, original: bool) -> PathBuf {
    let full = if original { "-full" } else { "" };
    folder(dir, key).join(format!("{key}-{width}{full}.{}", format.extension()))
}

/// The entry for `key`, if it is there and whole.
pub(super) fn read(dir: &Path, key: &str) -> Option<Stored> {
    let manifest = std::fs::read_to_string(manifest_path(dir, key)).ok()?;
    let (body, check) = manifest.rsplit_once("check ")?;
    if blake3::hash(body.as_bytes()).to_hex().as_str() != check.trim_end() {
        return None;
    }
    let mut lines = body.lines();
    if lines.next()? != MAGIC || lines.next()? != format!("key {key}") {
        return None;
    }
    let mut size = lines.next()?.strip_prefix("size ")?.split(' ');
    let width = size.next()?.parse().ok()?;
    let height = size.next()?.parse().ok()?;
    let animated = size.next()? == "animated";
    let mut files = Vec::new();
    for line in lines {
        let mut parts = line.strip_prefix("file ")?.split(' ');
        let format = Format::from_extension(parts.next()?)?;
        let w: u32 = parts.next()?.parse().ok()?;
        let h: u32 = parts.next()?.parse().ok()?;
        let len: u64 = parts.next()?.parse().ok()?;
        let hash = parts.next()?;
        let original = match parts.next() {
            None => false,
            Some("full") => true,
            Some(_) => return None,
        };
        let path = file_path(dir, key, w, format, original);
        let bytes = std::fs::read(&path).ok()?;
        if bytes.len() as u64 != len || blake3::hash(&bytes).to_hex().as_str() != hash {
            return None;
        }
        files.push(StoredFile {
            width: w,
            height: h,
            format,
            original,
            path,
            len,
        });
    }
    if files.is_empty() {
        return None;
    }
    Some(Stored {
        width,
        height,
        animated,
        files,
    })
}

/// Stores an entry (replacing a damaged one) and returns it as stored.
pub(super) fn write(dir: &Path, key: &str, entry: Entry) -> Result<Stored, PhotoError> {
    let cache_error = |e: std::io::Error| PhotoError::Cache(crate::i18n::io_error(&e));
    std::fs::create_dir_all(folder(dir, key)).map_err(cache_error)?;
    let mut manifest = format!("{MAGIC}\nkey {key}\nsize {} {} ", entry.width, entry.height);
    manifest.push_str(if entry.animated {
        "animated\n"
    } else {
        "still\n"
    });
    let mut files = Vec::new();
    for file in entry.files {
        let path = file_path(dir, key, file.width, file.format, file.original);
        write_atomically(&path, &file.bytes).map_err(cache_error)?;
        let _ = writeln!(
            manifest,
            "file {} {} {} {} {}{}",
            file.format.extension(),
            file.width,
            file.height,
            file.bytes.len(),
            blake3::hash(&file.bytes).to_hex(),
            if file.original { " full" } else { "" }
        );
        files.push(StoredFile {
            width: file.width,
            height: file.height,
            format: file.format,
            original: file.original,
            path,
            len: file.bytes.len() as u64,
        });
    }
    let check = blake3::hash(manifest.as_bytes()).to_hex();
    let _ = writeln!(manifest, "check {check}");
    write_atomically(&manifest_path(dir, key), manifest.as_bytes()).map_err(cache_error)?;
    Ok(Stored {
        width: entry.width,
        height: entry.height,
        animated: entry.animated,
        files,
    })
}

/// Writes `bytes` to a temporary file beside `path`, then renames it into
/// place: a reader sees the old file or the new one, never half of one,
/// even when `build` and `serve` store the same entry at once.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let tmp = path.with_file_name(format!(".{name}.{}-{n}.tmp", std::process::id()));
    let result = std::fs::File::create(&tmp)
        .and_then(|mut f| f.write_all(bytes))
        .and_then(|()| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

impl Stored {
    /// The photo as published under `stem` (the source's name as a slug).
    /// `gps` says the source records where it was taken.
    pub(super) fn into_photo(self, stem: &str, key: &str, gps: bool) -> Photo {
        let short = &key[..8];
        let variants = self
            .files
            .into_iter()
            .map(|f| Variant {
                width: f.width,
                height: f.height,
                format: f.format,
                original: f.original,
                file_name: if f.format == Format::Svg || f.original {
                    format!("{stem}-{short}.{}", f.format.extension())
                } else {
                    format!("{stem}-{short}-{}.{}", f.width, f.format.extension())
                },
                path: f.path,
                len: f.len,
            })
            .collect();
        Photo {
            width: self.width,
            height: self.height,
            animated: self.animated,
            gps,
            variants,
        }
    }
}
