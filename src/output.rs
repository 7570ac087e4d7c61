//! Writing the output folder atomically, and never over someone else's files.
//!
//! The new site is written into a staging folder beside the output folder
//! and swapped in only when every file was written: a failed build leaves
//! the previous output exactly as it was, and files that no longer belong
//! to the site disappear with the old folder. A marker file records that
//! the folder is ours; a folder without it that is not empty is refused,
//! so `--output ~` or `--output content` can never be wiped.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

/// Marks an output folder as made by campaign (safe to replace).
pub const MARKER: &str = ".campaign-output";

/// What goes into one output file.
#[derive(Debug, Clone)]
pub enum Source {
    /// Shared, so that a rebuild can keep an unchanged page without copying it.
    Bytes(Arc<[u8]>),
    Static(&'static [u8]),
    Copy(PathBuf),
}

/// The whole output: site path of each file → its content. The names are
/// shared, so that a rebuild, and the server's copy of the last build, cost
/// a reference count per file rather than a new string.
pub type Tree = BTreeMap<Arc<str>, Source>;

/// Why the output folder may not be used.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error(
        "refusing to write the site into {path}: {why}\n  = help: name an empty or new folder with --output (the default is public)"
    )]
    Refused { path: PathBuf, why: String },
    #[error("cannot write the site into {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> OutputError + '_ {
    move |source| OutputError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Checks that `output` may be replaced: it does not exist, is empty, or
/// carries our marker; and it neither is nor contains nor lies inside the
/// content folder.
pub(crate) fn check_target(output: &Path, content: &Path) -> Result<(), OutputError> {
    let refuse = |why: &str| OutputError::Refused {
        path: output.to_path_buf(),
        why: why.to_owned(),
    };
    let abs_out = absolute(output);
    let abs_content = absolute(content);
    if abs_out == abs_content || abs_content.starts_with(&abs_out) {
        return Err(refuse(
            "it holds the content folder, which would be deleted",
        ));
    }
    if abs_out.starts_with(&abs_content) {
        return Err(refuse("it is inside the content folder"));
    }
    if abs_out.parent().is_none() {
        return Err(refuse("it is the root of the file system"));
    }
    match fs::symlink_metadata(output) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(io_err(output)(e)),
        Ok(m) if !m.is_dir() => Err(refuse("it is not a folder")),
        Ok(_) => {
            if output.join(MARKER).is_file() {
                return Ok(());
            }
            let mut entries = fs::read_dir(output).map_err(io_err(output))?;
            if entries.next().is_none() {
                Ok(())
            } else {
                Err(refuse(
                    "it already holds files that campaign did not write, and they would be deleted",
                ))
            }
        }
    }
}

/// The absolute, lexically normalised form of a path (it need not exist).
fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    // Resolve symlinks where the path exists, so two names of one folder compare equal.
    if let Ok(real) = joined.canonicalize() {
        return real;
    }
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            c => out.push(c),
        }
    }
    out
}

/// A new output folder being written beside the real one. Files are
/// written from any thread; [`Staging::commit`] swaps the folder in.
/// Dropped without committing, it removes itself and the output folder is
/// untouched.
pub(crate) struct Staging {
    dir: PathBuf,
    output: PathBuf,
    old: PathBuf,
    committed: bool,
}

impl Staging {
    /// Checks that `output` may be replaced and creates the staging folder.
    pub(crate) fn create(output: &Path, content: &Path) -> Result<Staging, OutputError> {
        check_target(output, content)?;
        let name = output
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".to_owned());
        let parent = match output.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent).map_err(io_err(&parent))?;
        let pid = std::process::id();
        let dir = parent.join(format!(".{name}.campaign-new-{pid}"));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).map_err(io_err(&dir))?;
        let staging = Staging {
            old: parent.join(format!(".{name}.campaign-old-{pid}")),
            output: output.to_path_buf(),
            dir,
            committed: false,
        };
        fs::write(
            staging.dir.join(MARKER),
            b"This folder is written by campaign; it is replaced by every build.\n",
        )
        .map_err(io_err(&staging.dir))?;
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
            let path = self.dir.join(folder);
            fs::create_dir_all(&path).map_err(io_err(&path))
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
        .map_err(io_err(&path))
    }

    /// Writes `bytes` as one file (its folder must exist).
    pub(crate) fn write_bytes(&self, rel: &str, bytes: &[u8]) -> Result<(), OutputError> {
        let path = self.dir.join(rel);
        fs::write(&path, bytes).map_err(io_err(&path))
    }

    /// Puts the new folder in the place of the output folder; the previous
    /// output is removed only after the new one is in place, and restored
    /// if that fails.
    pub(crate) fn commit(mut self) -> Result<(), OutputError> {
        self.committed = true;
        let result = swap(&self.dir, &self.output, &self.old);
        if result.is_err() {
            let _ = fs::remove_dir_all(&self.dir);
        }
        result
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

/// Writes `tree` as the new content of `output`, atomically.
pub(crate) fn write_atomic(output: &Path, content: &Path, tree: &Tree) -> Result<(), OutputError> {
    let staging = Staging::create(output, content)?;
    staging.make_folders(tree.keys().map(|k| &**k))?;
    tree.par_iter()
        .try_for_each(|(rel, source)| staging.write(rel, source))?;
    staging.commit()
}

/// Brings an output folder written before (by `write_atomic` or `sync`)
/// up to date with `tree`, writing only what changed since `previous`, for
/// rebuilds while watching: each changed file is written beside its final
/// name and renamed into place, so no file is ever seen half-written;
/// files that no longer belong to the site are removed. Anything unusual
/// (no previous tree, the folder missing or not ours) falls back to
/// [`write_atomic`].
pub(crate) fn sync(
    output: &Path,
    content: &Path,
    tree: &Tree,
    previous: Option<&Tree>,
) -> Result<(), OutputError> {
    let Some(previous) = previous.filter(|_| output.join(MARKER).is_file()) else {
        return write_atomic(output, content, tree);
    };
    let changed: Vec<(&Arc<str>, &Source)> = tree
        .iter()
        .filter(|(rel, source)| match (source, previous.get(*rel)) {
            (Source::Bytes(new), Some(Source::Bytes(old))) => {
                !Arc::ptr_eq(new, old) && new[..] != old[..]
            }
            (Source::Static(new), Some(Source::Static(old))) => new != old,
            (Source::Copy(from), Some(Source::Copy(old))) if from == old => {
                copy_is_stale(from, &output.join(&***rel))
            }
            _ => true,
        })
        .collect();
    changed.par_iter().try_for_each(|(rel, source)| {
        let path = output.join(&***rel);
        if let Some(p) = path.parent() {
            fs::create_dir_all(p).map_err(io_err(p))?;
        }
        let tmp = path.with_file_name(format!(
            ".{}.campaign-tmp",
            path.file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default()
        ));
        match source {
            Source::Bytes(b) => fs::write(&tmp, &b[..]),
            Source::Static(b) => fs::write(&tmp, b),
            Source::Copy(from) => fs::copy(from, &tmp).map(|_| ()),
        }
        .and_then(|()| fs::rename(&tmp, &path))
        .map_err(io_err(&path))
    })?;
    for rel in previous.keys().filter(|k| !tree.contains_key(*k)) {
        let path = output.join(&**rel);
        let _ = fs::remove_file(&path);
        // Remove folders left empty, up to the output folder.
        let mut dir = path.parent();
        while let Some(d) = dir.filter(|d| *d != output) {
            if fs::remove_dir(d).is_err() {
                break;
            }
            dir = d.parent();
        }
    }
    Ok(())
}

/// Whether a copied file's source is newer than (or differs in size from) its copy.
fn copy_is_stale(from: &Path, to: &Path) -> bool {
    match (fs::metadata(from), fs::metadata(to)) {
        (Ok(f), Ok(t)) => f.len() != t.len() || f.modified().ok() > t.modified().ok(),
        _ => true,
    }
}

/// Puts `staging` in the place of `output`; the previous output is removed
/// only after the new one is in place, and restored if that fails.
fn swap(staging: &Path, output: &Path, old: &Path) -> Result<(), OutputError> {
    let had_old = output.exists();
    if had_old {
        let _ = fs::remove_dir_all(old);
        fs::rename(output, old).map_err(io_err(output))?;
    }
    if let Err(e) = fs::rename(staging, output) {
        if had_old {
            let _ = fs::rename(old, output);
        }
        return Err(io_err(output)(e));
    }
    if had_old {
        let _ = fs::remove_dir_all(old);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmp(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("campaign-output-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn replaces_its_own_output_and_drops_stale_files() {
        let dir = tmp("replace");
        let out = dir.join("public");
        let content = dir.join("content");
        let mut tree = Tree::new();
        tree.insert(
            Arc::from("a/index.html"),
            Source::Bytes(Arc::from(&b"1"[..])),
        );
        tree.insert(Arc::from("old.html"), Source::Bytes(Arc::from(&b"x"[..])));
        write_atomic(&out, &content, &tree).unwrap();
        tree.remove("old.html");
        tree.insert(
            Arc::from("a/index.html"),
            Source::Bytes(Arc::from(&b"2"[..])),
        );
        write_atomic(&out, &content, &tree).unwrap();
        assert_eq!(fs::read(out.join("a/index.html")).unwrap(), b"2");
        assert!(!out.join("old.html").exists());
        let leftovers: Vec<_> = fs::read_dir(&dir)
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(leftovers, vec![std::ffi::OsString::from("public")]);
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn sync_writes_changes_and_removes_stale_files() {
        let dir = tmp("sync");
        let out = dir.join("public");
        let content = dir.join("content");
        let mut old = Tree::new();
        old.insert(
            Arc::from("a/index.html"),
            Source::Bytes(Arc::from(&b"1"[..])),
        );
        old.insert(
            Arc::from("gone/deep/index.html"),
            Source::Bytes(Arc::from(&b"x"[..])),
        );
        write_atomic(&out, &content, &old).unwrap();
        let mut new = Tree::new();
        new.insert(
            Arc::from("a/index.html"),
            Source::Bytes(Arc::from(&b"2"[..])),
        );
        new.insert(Arc::from("b.html"), Source::Bytes(Arc::from(&b"3"[..])));
        sync(&out, &content, &new, Some(&old)).unwrap();
        assert_eq!(fs::read(out.join("a/index.html")).unwrap(), b"2");
        assert_eq!(fs::read(out.join("b.html")).unwrap(), b"3");
        assert!(!out.join("gone").exists());
        assert!(out.join(MARKER).exists());
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn refuses_foreign_and_content_folders() {
        let dir = tmp("refuse");
        let content = dir.join("content");
        fs::create_dir_all(&content).unwrap();
        fs::write(content.join("site.yaml"), "x").unwrap();
        assert!(check_target(&content, &content).is_err());
        assert!(check_target(&dir, &content).is_err());
        let foreign = dir.join("docs");
        fs::create_dir_all(&foreign).unwrap();
        fs::write(foreign.join("keep.txt"), "x").unwrap();
        let err = check_target(&foreign, &content).unwrap_err().to_string();
        assert!(err.contains("did not write"), "{err}");
        assert!(check_target(&dir.join("new"), &content).is_ok());
        fs::remove_dir_all(dir).unwrap();
    }
}
