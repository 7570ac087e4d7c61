//! A new output folder written beside the real one and swapped in at once.
//!
//! The swap is one atomic exchange where the system has it (Linux
//! `renameat2` with `RENAME_EXCHANGE`), else two renames. Files a user
//! keeps in the output folder are moved into the new one right after the
//! swap; a crash in between leaves them in the old copy, which the next
//! run finds and empties into the output folder ([`super::leftovers`]).

use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::record::{Foreign, Record, foreign};
use super::{OutputError, Source, check_target, io_err};

/// What a commit did besides putting the new site in place.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Kept {
    /// Files and folders campaign did not write, kept in the output folder.
    pub foreign: Vec<String>,
    /// Files of the site not published because a file campaign did not
    /// write is at their place (it is kept instead).
    pub shadowed: Vec<String>,
}

/// A new output folder being written beside the real one. Files are
/// written from any thread; [`Staging::commit`] swaps the folder in.
/// Dropped without committing, it removes itself and the output folder is
/// untouched.
pub(crate) struct Staging {
    dir: PathBuf,
    output: PathBuf,
    /// Where the old output goes when the system cannot exchange folders.
    old: PathBuf,
    committed: bool,
}

/// Where the hidden folders of a build go, beside the output folder
/// `output`: its parent, and the start of their names (`.public.campaign-`,
/// then `new-` or `old-` and the process id).
pub(crate) fn sibling_names(output: &Path) -> (PathBuf, String) {
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".to_owned());
    let parent = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    (parent, format!(".{name}.campaign-"))
}

impl Staging {
    /// Checks that `output` may be replaced and creates the staging folder.
    pub(crate) fn create(output: &Path, content: &Path) -> Result<Staging, OutputError> {
        check_target(output, content)?;
        let (parent, prefix) = sibling_names(output);
        fs::create_dir_all(&parent).map_err(io_err(&parent))?;
        let pid = std::process::id();
        let dir = parent.join(format!("{prefix}new-{pid}"));
        let _ = fs::remove_dir_all(&dir);
        // Named after what the user asked for, not the hidden folder.
        fs::create_dir_all(&dir).map_err(io_err(&parent))?;
        let staging = Staging {
            old: parent.join(format!("{prefix}old-{pid}")),
            output: output.to_path_buf(),
            dir,
            committed: false,
        };
        Record::writing()
            .write(&staging.dir)
            .map_err(io_err(&staging.output))?;
        Ok(staging)
    }

    /// Creates the folders that will hold `files` (site paths), once each,
    /// so that writing the files needs no further checks.
    pub(crate) fn make_folders<'a>(
        &self,
        files: impl Iterator<Item = &'a str>,
    ) -> Result<(), OutputError> {
        let mut folders: Vec<&str> = files
            .filter_map(|f| f.rsplit_once('/').map(|(d, _)| d))
            .collect();
        folders.sort_unstable();
        folders.dedup();
        // In parallel: a site has a folder per page. Two threads creating
        // the same parent is fine, `create_dir_all` accepts a folder that
        // appeared meanwhile.
        folders.par_iter().try_for_each(|folder| {
            fs::create_dir_all(self.dir.join(folder)).map_err(io_err(&self.output.join(folder)))
        })
    }

    /// Writes one file (its folder must exist: see [`Staging::make_folders`]).
    pub(crate) fn write(&self, rel: &str, source: &Source) -> Result<(), OutputError> {
        let path = self.dir.join(rel);
        match source {
            Source::Bytes(b) => fs::write(&path, &b[..]),
            Source::Static(b) => fs::write(&path, b),
            Source::Copy(from) => fs::copy(from, &path).map(|_| ()),
        }
        .map_err(io_err(&self.output.join(rel)))
    }

    /// Writes `bytes` as one file (its folder must exist).
    /// The staging folder itself (to read back what was written).
    pub(crate) fn dir(&self) -> &Path {
        &self.dir
    }

    pub(crate) fn write_bytes(&self, rel: &str, bytes: &[u8]) -> Result<(), OutputError> {
        fs::write(self.dir.join(rel), bytes).map_err(io_err(&self.output.join(rel)))
    }

    /// Puts the new folder, which holds `files` (every file written), in
    /// the place of the output folder, and moves into it what campaign did
    /// not write there. The previous output is removed only after the new
    /// one is in place, and restored if that fails.
    pub(crate) fn commit<'a>(
        mut self,
        files: impl Iterator<Item = &'a str>,
    ) -> Result<Kept, OutputError> {
        let mut kept = Kept::default();
        let mut files: std::collections::BTreeSet<&str> = files.collect();
        // What the user keeps in the output folder, and where it goes.
        let moves = match Record::read(&self.output) {
            Some(record) => {
                let found = foreign(&self.output, &record).map_err(io_err(&self.output))?;
                plan_moves(&self.output, &self.dir, found, &mut kept)?
            }
            None => Vec::new(),
        };
        for shadowed in &kept.shadowed {
            files.remove(shadowed.as_str());
            let _ = fs::remove_file(self.dir.join(shadowed));
        }
        Record::complete(files.into_iter())
            .write(&self.dir)
            .map_err(io_err(&self.output))?;
        self.committed = true;
        let old = match swap(&self.dir, &self.output, &self.old) {
            Ok(old) => old,
            Err(e) => {
                discard(&self.dir);
                return Err(e);
            }
        };
        if let Some(old) = old {
            move_into(&old, &self.output, &moves)?;
            discard(&old);
        }
        kept.foreign = moves;
        Ok(kept)
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            discard(&self.dir);
        }
    }
}

/// Where each entry campaign did not write goes in the new folder: as a
/// whole where the new site has nothing at its place, else into the
/// folder the site also has. A file at the place of a file of the site
/// wins (the site's is not published, and is reported); a file where the
/// site needs a folder, or the other way round, is refused.
fn plan_moves(
    old: &Path,
    new: &Path,
    found: Vec<Foreign>,
    kept: &mut Kept,
) -> Result<Vec<String>, OutputError> {
    let mut moves = Vec::new();
    let mut queue = found;
    while let Some(f) = queue.pop() {
        let target = new.join(&f.rel);
        match fs::symlink_metadata(&target) {
            Err(_) => moves.push(f.rel),
            Ok(m) if m.is_dir() && f.is_dir => {
                for entry in fs::read_dir(old.join(&f.rel)).map_err(io_err(old))? {
                    let entry = entry.map_err(io_err(old))?;
                    queue.push(Foreign {
                        rel: format!("{}/{}", f.rel, entry.file_name().to_string_lossy()),
                        is_dir: entry.file_type().map_err(io_err(old))?.is_dir(),
                    });
                }
            }
            Ok(m) if !m.is_dir() && !f.is_dir => {
                kept.shadowed.push(f.rel.clone());
                moves.push(f.rel);
            }
            Ok(m) => {
                return Err(OutputError::Refused {
                    path: old.join(&f.rel),
                    why: crate::msg!(
                        "output-kept-in-the-way",
                        kept = if f.is_dir { "folder" } else { "file" },
                        needed = if m.is_dir() { "folder" } else { "file" },
                    ),
                });
            }
        }
    }
    moves.sort();
    kept.shadowed.sort();
    Ok(moves)
}

/// Removes a folder of campaign's own (a staging folder, an old copy
/// emptied of what the user keeps). It is first renamed to a `trash-`
/// name, so that a removal cut short (it takes a while, and its marker may
/// go first) is still known as campaign's by the next run.
pub(crate) fn discard(dir: &Path) {
    let trash = dir
        .parent()
        .zip(dir.file_name())
        .and_then(|(parent, name)| {
            let name = name.to_string_lossy();
            let (prefix, _) = name.split_once(".campaign-")?;
            Some(parent.join(format!(
                "{prefix}.campaign-trash-{}-{}",
                std::process::id(),
                TRASH.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            )))
        });
    match trash {
        Some(trash) if fs::rename(dir, &trash).is_ok() => {
            let _ = fs::remove_dir_all(&trash);
        }
        _ => {
            let _ = fs::remove_dir_all(dir);
        }
    }
}

static TRASH: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// Moves the entries `rels` of the folder `from` to the same places in `to`.
pub(crate) fn move_into(from: &Path, to: &Path, rels: &[String]) -> Result<(), OutputError> {
    for rel in rels {
        let (source, target) = (from.join(rel), to.join(rel));
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(io_err(parent))?;
        }
        if target.is_file() {
            // A file of the site at the place of one the user keeps.
            let _ = fs::remove_file(&target);
        }
        fs::rename(&source, &target).map_err(io_err(&source))?;
    }
    Ok(())
}

/// Puts `staging` in the place of `output`. Returns where the previous
/// output now is (to be emptied of what the user keeps, then removed), if
/// there was one.
fn swap(staging: &Path, output: &Path, old: &Path) -> Result<Option<PathBuf>, OutputError> {
    if !output.exists() {
        fs::rename(staging, output).map_err(io_err(output))?;
        return Ok(None);
    }
    if exchange(staging, output).is_ok() {
        // The old site is where the staging folder was.
        return Ok(Some(staging.to_path_buf()));
    }
    let _ = fs::remove_dir_all(old);
    fs::rename(output, old).map_err(io_err(output))?;
    if let Err(e) = fs::rename(staging, output) {
        let _ = fs::rename(old, output);
        return Err(io_err(output)(e));
    }
    Ok(Some(old.to_path_buf()))
}

/// Exchanges two folders in one step, where the system can.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(std::io::Error::from)
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}
