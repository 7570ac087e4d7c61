//! The cache of rendered banners and share images, beside the photo cache
//! (`.campaign-cache/banners/`, safe to delete). An entry is keyed by a hash
//! of everything its picture is made of (the design's texts, size and
//! colours, the font, [`VERSION`]): a rebuild with nothing changed renders
//! nothing, and any change is another key. Its files are
//! `<key>.<ext>`, written to a temporary name and renamed into place (the
//! photo cache's way), so an entry is there whole or not at all. Unlike
//! photos, entries carry no checksums: they are a few kilobytes made from
//! a few words, and a damaged one is mended by deleting the folder.

use std::hash::Hash;
use std::path::{Path, PathBuf};

use super::font;

/// Changes whenever the drawing code does, so old entries are not reused.
const VERSION: &str = "campaign-banner 1";

/// The cache folder for the content folder `source`.
pub(crate) fn dir(source: &Path) -> PathBuf {
    let photos = crate::content::photos::cache_dir(source);
    photos.with_file_name("banners")
}

/// Hashes `Hash` values through blake3, stable across builds and machines
/// for the integers and strings our designs are made of.
struct Blake(blake3::Hasher);

impl std::hash::Hasher for Blake {
    fn finish(&self) -> u64 {
        0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }
}

/// The key of a design of `kind` ("banner", "share").
pub(crate) fn key(kind: &str, design: &impl Hash) -> String {
    let mut h = Blake(blake3::Hasher::new());
    h.0.update(VERSION.as_bytes());
    h.0.update(font::hash().as_bytes());
    h.0.update(kind.as_bytes());
    design.hash(&mut h);
    h.0.finalize().to_hex()[..32].to_owned()
}

/// The file of an entry (in one of 256 folders, by its key's first two
/// digits).
pub(crate) fn path(dir: &Path, key: &str, ext: &str) -> PathBuf {
    dir.join(&key[..2]).join(format!("{key}.{ext}"))
}

/// Whether every file of the entry is there.
pub(crate) fn has(dir: &Path, key: &str, exts: &[&str]) -> bool {
    exts.iter()
        .all(|e| std::fs::metadata(path(dir, key, e)).is_ok_and(|m| m.is_file() && m.len() > 0))
}

/// Stores the files of an entry, the first extension last (the one [`has`]
/// checks first).
pub(crate) fn write(dir: &Path, key: &str, files: &[(&str, &[u8])]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir.join(&key[..2]))?;
    for (ext, bytes) in files.iter().rev() {
        crate::photos::write_atomically(&path(dir, key, ext), bytes)?;
    }
    Ok(())
}
