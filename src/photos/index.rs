//! What the last builds learned of each source file, so that a rebuild
//! with no photo changed reads none of them: `<cache>/sources.idx` records,
//! for each source, its absolute path, its size, modification and change
//! times (nanoseconds), device and inode, the blake3 hash of its bytes and
//! whether it records a GPS position. A source whose file metadata are the
//! same as recorded is taken at its recorded hash and GPS flag; any other
//! is read, hashed and checked again.
//!
//! The index only saves re-reading sources: it names a cache key, and the
//! entry under that key is verified as always ([`super::cache::read`]), so
//! a damaged or edited index can at worst cost a photo's processing
//! again. It is never trusted for more than the cache itself is: whoever
//! can write it can write the cache entries too. A missing, damaged (its
//! last line is a hash of the rest) or other-version index is ignored, and
//! replaced by the next build that learns something; it is written to a
//! temporary file and renamed into place, so a reader sees a whole one.
//! Two processes updating it at once lose one's news, which costs only a
//! later re-read.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// The first line of the index.
const MAGIC: &str = "campaign-source-index 1";

/// The index's file name in the cache folder.
const FILE: &str = "sources.idx";

/// How old a file's modification time must be for it to be recorded.
///
/// A file system stamps a write with a coarse clock (Linux: the kernel's
/// tick, 1–10 ms; FAT: 2 s), so a file written again within the same tick
/// as the version that was hashed keeps its modification time and, if the
/// size is the same too, would look unchanged: the "racy" case git knows.
/// A file is therefore recorded only when its modification time is at
/// least this much before the moment it was read: any later write then
/// stamps a time in a later tick, which differs from the recorded one. A
/// file younger than this (just saved, just copied) is simply hashed again
/// by the next build, and recorded by the first build after it settles. Two
/// seconds cover the coarsest common granularity (FAT's), at the cost of
/// one more read of a photo saved right before a build.
pub(super) const SETTLE: Duration = Duration::from_secs(2);

/// A file's metadata, as compared with the recorded ones. The change time
/// and the inode are there too: a tool that puts the modification time back
/// (`touch -r`, `cp -p`, `exiftool -P`) still changes the change time,
/// which no program can set, and a file replaced by another (saved by
/// rename, a symbolic link pointed elsewhere) has another inode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Stat {
    pub(super) len: u64,
    pub(super) mtime_ns: i128,
    pub(super) ctime_ns: i128,
    pub(super) dev: u64,
    pub(super) ino: u64,
}

impl Stat {
    /// The metadata of an open file (`None` where the system gives no
    /// modification time: such a file is never recorded).
    pub(super) fn of(meta: &std::fs::Metadata) -> Option<Stat> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let ns = |s: i64, n: i64| i128::from(s) * 1_000_000_000 + i128::from(n);
            Some(Stat {
                len: meta.len(),
                mtime_ns: ns(meta.mtime(), meta.mtime_nsec()),
                ctime_ns: ns(meta.ctime(), meta.ctime_nsec()),
                dev: meta.dev(),
                ino: meta.ino(),
            })
        }
        #[cfg(not(unix))]
        {
            Some(Stat {
                len: meta.len(),
                mtime_ns: nanos(meta.modified().ok()?),
                ctime_ns: 0,
                dev: 0,
                ino: 0,
            })
        }
    }

    /// Whether the file's modification time is at least [`SETTLE`] before
    /// `now` (see there).
    pub(super) fn settled(&self, now: SystemTime) -> bool {
        self.mtime_ns <= nanos(now) - SETTLE.as_nanos() as i128
    }
}

/// Nanoseconds since the Unix epoch (negative before it).
fn nanos(t: SystemTime) -> i128 {
    match t.duration_since(SystemTime::UNIX_EPOCH) {
        Ok(d) => d.as_nanos() as i128,
        Err(e) => -(e.duration().as_nanos() as i128),
    }
}

/// What is known of a source's bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Known {
    pub(super) hash: blake3::Hash,
    /// It records where it was taken ([`super::has_gps`]).
    pub(super) gps: bool,
}

/// The index, in memory.
#[derive(Debug, Default)]
pub(super) struct Index {
    entries: HashMap<PathBuf, (Stat, Known)>,
}

/// The key of a source: its absolute path (lexically: no system call; the
/// inode in [`Stat`] tells a different file behind the same name).
pub(super) fn key(path: &Path) -> Option<PathBuf> {
    std::path::absolute(path).ok()
}

impl Index {
    /// The index in the cache folder `dir`; empty when there is none or it
    /// cannot be trusted to be whole.
    pub(super) fn load(dir: &Path) -> Index {
        std::fs::read_to_string(dir.join(FILE))
            .ok()
            .and_then(|text| parse(&text))
            .unwrap_or_default()
    }

    /// What is recorded of the file at `key` if it still has these
    /// metadata.
    pub(super) fn get(&self, key: &Path, stat: &Stat) -> Option<Known> {
        let (recorded, known) = self.entries.get(key)?;
        (recorded == stat).then_some(*known)
    }

    /// Records `known` for the file at `key` (with metadata `stat`); the
    /// caller checked [`Stat::settled`].
    pub(super) fn record(&mut self, key: PathBuf, stat: Stat, known: Known) {
        self.entries.insert(key, (stat, known));
    }

    /// Writes the index to the cache folder `dir`, without the entries of
    /// files that no longer exist. A failure is ignored: the next build
    /// reads the sources again.
    pub(super) fn save(&mut self, dir: &Path) {
        self.entries.retain(|path, _| path.exists());
        let mut text = format!("{MAGIC}\n");
        let mut paths: Vec<&PathBuf> = self.entries.keys().collect();
        paths.sort();
        for path in paths {
            // A name that does not fit a line is not recorded.
            let Some(name) = path.to_str().filter(|n| !n.contains(['\n', '\r'])) else {
                continue;
            };
            let (s, k) = &self.entries[path];
            let _ = writeln!(
                text,
                "{} {} {} {} {} {} {} {name}",
                k.hash.to_hex(),
                u8::from(k.gps),
                s.len,
                s.mtime_ns,
                s.ctime_ns,
                s.dev,
                s.ino,
            );
        }
        let check = blake3::hash(text.as_bytes()).to_hex();
        let _ = writeln!(text, "check {check}");
        if std::fs::create_dir_all(dir).is_ok() {
            let _ = super::cache::write_atomically(&dir.join(FILE), text.as_bytes());
        }
    }
}

/// The entries of an index file, `None` unless it is whole and of this
/// version.
fn parse(text: &str) -> Option<Index> {
    let (body, check) = text.rsplit_once("check ")?;
    if blake3::hash(body.as_bytes()).to_hex().as_str() != check.trim_end() {
        return None;
    }
    let mut lines = body.lines();
    if lines.next()? != MAGIC {
        return None;
    }
    let mut entries = HashMap::new();
    for line in lines {
        let mut parts = line.splitn(8, ' ');
        let hash = blake3::Hash::from_hex(parts.next()?).ok()?;
        let gps = match parts.next()? {
            "0" => false,
            "1" => true,
            _ => return None,
        };
        let stat = Stat {
            len: parts.next()?.parse().ok()?,
            mtime_ns: parts.next()?.parse().ok()?,
            ctime_ns: parts.next()?.parse().ok()?,
            dev: parts.next()?.parse().ok()?,
            ino: parts.next()?.parse().ok()?,
        };
        let path = PathBuf::from(parts.next()?);
        entries.insert(path, (stat, Known { hash, gps }));
    }
    Some(Index { entries })
}
