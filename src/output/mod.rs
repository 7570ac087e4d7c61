//! Writing the output folder atomically, and never over someone else's files.
//!
//! A build writes the new site into a staging folder beside the output
//! folder and swaps it in only when every file was written ([`staging`]): a
//! failed build leaves the previous output exactly as it was. A marker file
//! records that the folder is ours and which files campaign wrote
//! ([`record`]); everything else in it (a gh-pages `.git`, `CNAME`) is kept
//! across builds. A folder without the marker that is not empty is refused,
//! so `--output ~` or `--output content` can never be wiped. Previews
//! update the folder in place through a journal ([`journal`]), one writer
//! at a time ([`lock`]); what an interrupted run left is put right by the
//! next one ([`leftovers`], [`journal::recover`]).

mod journal;
mod leftovers;
mod lock;
mod record;
mod staging;

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::i18n::Message;
use crate::msg;

use rayon::prelude::*;

pub(crate) use lock::OutputLock;
pub(crate) use lock::lock;
pub use staging::Kept;
pub(crate) use staging::Staging;

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
    #[error("{}", self.message())]
    Refused { path: PathBuf, why: Message },
    #[error("{}", self.message())]
    Busy { path: PathBuf, holder: String },
    #[error("{}", self.message())]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

impl OutputError {
    /// What went wrong and what to do, for the command line to render.
    pub fn message(&self) -> Message {
        match self {
            OutputError::Refused { path, why } => {
                msg!("output-refused", path = path, why = why.clone())
            }
            OutputError::Busy { path, holder } => {
                msg!("output-busy", path = path, holder = holder)
            }
            OutputError::Io { path, source } => {
                msg!("output-io", path = path, error = source)
            }
        }
    }
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
    let refuse = |why: Message| OutputError::Refused {
        path: output.to_path_buf(),
        why,
    };
    let abs_out = absolute(output);
    let abs_content = absolute(content);
    if abs_out == abs_content || abs_content.starts_with(&abs_out) {
        return Err(refuse(msg!("output-holds-content")));
    }
    if abs_out.starts_with(&abs_content) {
        return Err(refuse(msg!("output-inside-content")));
    }
    if abs_out.parent().is_none() {
        return Err(refuse(msg!("output-is-root")));
    }
    match fs::symlink_metadata(output) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(io_err(output)(e)),
        Ok(m) if !m.is_dir() => Err(refuse(msg!("output-not-a-folder"))),
        Ok(_) => {
            if output.join(MARKER).is_file() {
                return Ok(());
            }
            let mut entries = fs::read_dir(output).map_err(io_err(output))?;
            if entries.next().is_none() {
                Ok(())
            } else {
                Err(refuse(msg!("output-foreign-files")))
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

/// What was put right or kept while writing an output folder, for the
/// command line to tell.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Report {
    /// What campaign did not write and kept in place.
    pub kept: Kept,
    /// What interrupted runs before this one had left, and what was done.
    pub repaired: Vec<Message>,
}

/// Puts right what an interrupted run left at `output` (staging folders,
/// an old copy, a half-done update), before writing to it. `lock` proves
/// the caller is the only writer.
pub(crate) fn repair(output: &Path, _lock: &OutputLock) -> Result<Vec<Message>, OutputError> {
    let mut notes = Vec::new();
    for repair in leftovers::repair(output)? {
        notes.push(match repair {
            leftovers::Repair::Restored => msg!("repair-restored", output = output),
            leftovers::Repair::RemovedStaging(path) => msg!("repair-removed-staging", path = &path),
            leftovers::Repair::MovedBack(files) => {
                msg!(
                    "repair-moved-back",
                    output = output,
                    files = files.join(", ")
                )
            }
            leftovers::Repair::LeftIn(path) => msg!("repair-left-in", path = &path),
        });
    }
    match journal::recover(output)? {
        Some(journal::Recovered::Finished(n)) => {
            notes.push(msg!("repair-update-finished", output = output, files = n))
        }
        Some(journal::Recovered::RolledBack(n)) => notes.push(msg!(
            "repair-update-rolled-back",
            output = output,
            files = n
        )),
        None => {}
    }
    Ok(notes)
}

/// Writes `tree` as the new content of `output`, atomically.
pub(crate) fn write_atomic(
    output: &Path,
    content: &Path,
    tree: &Tree,
) -> Result<Kept, OutputError> {
    let staging = Staging::create(output, content)?;
    staging.make_folders(tree.keys().map(|k| &**k))?;
    tree.par_iter()
        .try_for_each(|(rel, source)| staging.write(rel, source))?;
    staging.commit(tree.keys().map(|k| &**k))
}

/// Brings an output folder written before (by `write_atomic` or `sync`)
/// up to date with `tree`, writing only what changed since `previous`, for
/// rebuilds while watching: the folder is always the last build or the new
/// one ([`journal`]). Anything unusual (no previous tree, the folder
/// missing or not ours) falls back to [`write_atomic`].
pub(crate) fn sync(
    output: &Path,
    content: &Path,
    tree: &Tree,
    previous: Option<&Tree>,
) -> Result<Kept, OutputError> {
    match previous.filter(|_| output.join(MARKER).is_file()) {
        Some(previous) => journal::update(output, tree, previous).map(|_| Kept::default()),
        None => write_atomic(output, content, tree),
    }
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
