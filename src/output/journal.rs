//! Updating an output folder in place, for previews, so that it is always
//! either the last build or the new one.
//!
//! Every changed file is first written beside its final name; only when
//! all are written does a journal, written at once, say what is to be
//! renamed and removed; then the renames and removals are done, the record
//! is updated the same way and the journal removed. A signal, a full disk or `kill -9`
//! before the journal leaves the last build (and temporary files, removed
//! by the next run); after it, the next run finishes the update
//! ([`recover`]).

use std::fs;
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;

use super::record::{Record, escape, is_own_work, unescape};
use super::{MARKER, OutputError, Source, Tree, io_err};

/// The journal's name, inside the output folder.
pub(crate) const JOURNAL: &str = ".campaign-journal";
/// Written before an update starts and removed when it is done: an update
/// cut short before its journal is seen by the next run without looking
/// through every file of the folder.
pub(crate) const PENDING: &str = ".campaign-pending";

/// The temporary name a file is written under before it takes its place.
fn tmp_of(path: &Path) -> std::path::PathBuf {
    path.with_file_name(format!(
        ".{}.campaign-tmp",
        path.file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default()
    ))
}

/// Brings an output folder written before up to date with `tree`, writing
/// only what changed since `previous` (what the folder holds).
pub(crate) fn update(output: &Path, tree: &Tree, previous: &Tree) -> Result<usize, OutputError> {
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
    let removed: Vec<&str> = previous
        .keys()
        .filter(|k| !tree.contains_key(*k))
        .map(|k| &**k)
        .collect();
    if changed.is_empty() && removed.is_empty() {
        return Ok(0);
    }
    let pending = output.join(PENDING);
    fs::write(&pending, b"").map_err(io_err(&pending))?;
    // 1. Every changed file beside its final name. On failure (a full
    //    disk), the written ones are removed: the folder is the last build.
    let written = changed.par_iter().try_for_each(|(rel, source)| {
        let path = output.join(&***rel);
        if let Some(p) = path.parent() {
            fs::create_dir_all(p).map_err(io_err(p))?;
        }
        let tmp = tmp_of(&path);
        match source {
            Source::Bytes(b) => fs::write(&tmp, &b[..]),
            Source::Static(b) => fs::write(&tmp, b),
            Source::Copy(from) => fs::copy(from, &tmp).map(|_| ()),
        }
        .map_err(io_err(&path))
    });
    if let Err(e) = written {
        for (rel, _) in &changed {
            let _ = fs::remove_file(tmp_of(&output.join(&***rel)));
        }
        let _ = fs::remove_file(&pending);
        return Err(e);
    }
    // 2. The journal: from here on, the update is done, now or by the next run.
    let mut text = String::new();
    for (rel, _) in &changed {
        text.push_str("write ");
        text.push_str(&escape(rel));
        text.push('\n');
    }
    for rel in &removed {
        text.push_str("remove ");
        text.push_str(&escape(rel));
        text.push('\n');
    }
    let journal = output.join(JOURNAL);
    let tmp = tmp_of(&journal);
    fs::write(&tmp, text)
        .and_then(|()| fs::rename(&tmp, &journal))
        .map_err(|e| {
            let _ = fs::remove_file(&tmp);
            for (rel, _) in &changed {
                let _ = fs::remove_file(tmp_of(&output.join(&***rel)));
            }
            let _ = fs::remove_file(&pending);
            io_err(&journal)(e)
        })?;
    // 3. Carry it out.
    finish(output)?;
    Ok(changed.len() + removed.len())
}

/// Carries out the journal of `output`: renames, removals, and the same
/// changes to the record (rewritten only when files came or went, which
/// an edit of a page seldom makes).
fn finish(output: &Path) -> Result<usize, OutputError> {
    let journal = output.join(JOURNAL);
    let text = fs::read_to_string(&journal).map_err(io_err(&journal))?;
    let mut record = Record::read(output);
    let mut files = record.as_mut().and_then(|r| r.files.as_mut());
    let mut record_changed = false;
    let mut done = 0;
    for line in text.lines() {
        if let Some(rel) = line.strip_prefix("write ") {
            let path = output.join(unescape(rel));
            let tmp = tmp_of(&path);
            // Renamed already when a run before this one stopped half-way.
            if tmp.exists() {
                fs::rename(&tmp, &path).map_err(io_err(&path))?;
            }
            if let Some(files) = files.as_deref_mut() {
                record_changed |= files.insert(unescape(rel));
            }
            done += 1;
        } else if let Some(rel) = line.strip_prefix("remove ") {
            let path = output.join(unescape(rel));
            let _ = fs::remove_file(&path);
            // Remove folders left empty, up to the output folder.
            let mut dir = path.parent();
            while let Some(d) = dir.filter(|d| *d != output) {
                if fs::remove_dir(d).is_err() {
                    break;
                }
                dir = d.parent();
            }
            if let Some(files) = files.as_deref_mut() {
                record_changed |= files.remove(&unescape(rel));
            }
            done += 1;
        }
    }
    if let Some(record) = record.filter(|_| record_changed) {
        record.write(output).map_err(io_err(&output.join(MARKER)))?;
    }
    fs::remove_file(&journal).map_err(io_err(&journal))?;
    let _ = fs::remove_file(output.join(PENDING));
    Ok(done)
}

/// What [`recover`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Recovered {
    /// An update was interrupted after its journal: it was finished
    /// (this many renames and removals).
    Finished(usize),
    /// An update was interrupted before its journal: its temporary files
    /// were removed; the folder holds the build before it.
    RolledBack(usize),
}

/// Finishes or rolls back an update of `output` that a signal, a full disk
/// or a crash interrupted. `None` when there was none.
pub(crate) fn recover(output: &Path) -> Result<Option<Recovered>, OutputError> {
    if output.join(JOURNAL).is_file() {
        return finish(output).map(|n| Some(Recovered::Finished(n)));
    }
    let pending = output.join(PENDING);
    if !output.join(MARKER).is_file() || !pending.exists() {
        return Ok(None);
    }
    let mut removed = 0;
    let mut stack = vec![output.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() && !(dir == output && name == ".git") {
                stack.push(entry.path());
            } else if name.ends_with(".campaign-tmp") && is_own_work(&name) {
                let _ = fs::remove_file(entry.path());
                removed += 1;
            }
        }
    }
    let _ = fs::remove_file(&pending);
    Ok(Some(Recovered::RolledBack(removed)))
}

/// Whether a copied file's source is newer than (or differs in size from) its copy.
fn copy_is_stale(from: &Path, to: &Path) -> bool {
    match (fs::metadata(from), fs::metadata(to)) {
        (Ok(f), Ok(t)) => f.len() != t.len() || f.modified().ok() > t.modified().ok(),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(pages: &[(&str, &str)]) -> Tree {
        pages
            .iter()
            .map(|(k, v)| (Arc::from(*k), Source::Bytes(Arc::from(v.as_bytes()))))
            .collect()
    }

    fn folder(name: &str) -> std::path::PathBuf {
        let dir =
            std::env::temp_dir().join(format!("campaign-journal-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn an_update_cut_short_is_finished_or_rolled_back() {
        let out = folder("cut");
        let old = tree(&[("a/index.html", "1"), ("b.html", "1")]);
        for (rel, source) in &old {
            let path = out.join(&**rel);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            if let Source::Bytes(b) = source {
                fs::write(&path, &b[..]).unwrap();
            }
        }
        Record::complete(old.keys().map(|k| &**k))
            .write(&out)
            .unwrap();
        let new = tree(&[("a/index.html", "2"), ("c.html", "2")]);
        update(&out, &new, &old).unwrap();
        assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), "2");
        assert!(!out.join("b.html").exists());
        assert!(!out.join(JOURNAL).exists());
        let record = Record::read(&out).unwrap();
        assert!(record.files.unwrap().contains("c.html"));

        // Cut short before the journal: a temporary file only.
        fs::write(out.join("a/.index.html.campaign-tmp"), "3").unwrap();
        fs::write(out.join(PENDING), "").unwrap();
        assert_eq!(recover(&out).unwrap(), Some(Recovered::RolledBack(1)));
        assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), "2");
        assert!(!out.join("a/.index.html.campaign-tmp").exists());

        // Cut short after it: finished by the next run.
        fs::write(out.join("a/.index.html.campaign-tmp"), "4").unwrap();
        fs::write(out.join(JOURNAL), "write a/index.html\nremove c.html\n").unwrap();
        assert_eq!(recover(&out).unwrap(), Some(Recovered::Finished(2)));
        assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), "4");
        assert!(!out.join("c.html").exists());
        assert!(!out.join(JOURNAL).exists());
        let files = Record::read(&out).unwrap().files.unwrap();
        assert!(files.contains("a/index.html") && !files.contains("c.html"));
        assert_eq!(recover(&out).unwrap(), None);
        fs::remove_dir_all(&out).unwrap();
    }

    #[test]
    fn a_write_that_fails_leaves_the_last_build() {
        let out = folder("fail");
        let old = tree(&[("a/index.html", "1")]);
        fs::create_dir_all(out.join("a")).unwrap();
        fs::write(out.join("a/index.html"), "1").unwrap();
        Record::complete(old.keys().map(|k| &**k))
            .write(&out)
            .unwrap();
        // A file where a folder must go: the second write fails.
        fs::write(out.join("b"), "chặn").unwrap();
        let new = tree(&[("a/index.html", "2"), ("b/index.html", "2")]);
        assert!(update(&out, &new, &old).is_err());
        assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), "1");
        assert!(!out.join("a/.index.html.campaign-tmp").exists());
        assert!(!out.join(JOURNAL).exists());
        fs::remove_dir_all(&out).unwrap();
    }
}
