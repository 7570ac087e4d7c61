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

use rayon::prelude::*;

/// Marks an output folder as made by campaign (safe to replace).
pub const MARKER: &str = ".campaign-output";

/// What goes into one output file.
#[derive(Debug, Clone)]
pub enum Source {
    Bytes(Vec<u8>),
    Static(&'static [u8]),
    Copy(PathBuf),
}

/// The whole output: site path of each file → its content.
pub type Tree = BTreeMap<String, Source>;

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
pub fn check_target(output: &Path, content: &Path) -> Result<(), OutputError> {
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

/// Writes `tree` as the new content of `output`, atomically.
pub fn write_atomic(output: &Path, content: &Path, tree: &Tree) -> Result<(), OutputError> {
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
    let staging = parent.join(format!(".{name}.campaign-new-{pid}"));
    let old = parent.join(format!(".{name}.campaign-old-{pid}"));
    let _ = fs::remove_dir_all(&staging);
    let result = write_tree(&staging, tree).and_then(|()| swap(&staging, output, &old));
    if result.is_err() {
        let _ = fs::remove_dir_all(&staging);
    }
    result
}

fn write_tree(dir: &Path, tree: &Tree) -> Result<(), OutputError> {
    fs::create_dir_all(dir).map_err(io_err(dir))?;
    fs::write(
        dir.join(MARKER),
        b"This folder is written by campaign; it is replaced by every build.\n",
    )
    .map_err(io_err(dir))?;
    tree.par_iter().try_for_each(|(rel, source)| {
        let path = dir.join(rel);
        if let Some(p) = path.parent() {
            fs::create_dir_all(p).map_err(io_err(p))?;
        }
        match source {
            Source::Bytes(b) => fs::write(&path, b),
            Source::Static(b) => fs::write(&path, b),
            Source::Copy(from) => fs::copy(from, &path).map(|_| ()),
        }
        .map_err(io_err(&path))
    })
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
        tree.insert("a/index.html".into(), Source::Bytes(b"1".to_vec()));
        tree.insert("old.html".into(), Source::Bytes(b"x".to_vec()));
        write_atomic(&out, &content, &tree).unwrap();
        tree.remove("old.html");
        tree.insert("a/index.html".into(), Source::Bytes(b"2".to_vec()));
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
