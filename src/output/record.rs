//! The record campaign keeps of what it wrote into an output folder, in
//! the folder's marker file, and what that tells about everything else in
//! the folder: files a user keeps there (a `.git` of a gh-pages checkout,
//! `CNAME`, `.nojekyll`, `.well-known/`) are never campaign's to delete.

use std::collections::{BTreeSet, HashSet};
use std::fs;
use std::io;
use std::path::Path;

use super::MARKER;

/// The marker's first line: what the folder is, for whoever opens it.
const HEADER: &str = "This folder is written by campaign; it is replaced by every build.";
/// The marker's second line, before the list of files.
const FORMAT: &str = "campaign-record 1";

/// Whether the folder the record describes is a finished site or one
/// still being written (a staging folder).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum State {
    Writing,
    Complete,
}

/// What the marker of an output folder says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Record {
    pub(crate) state: State,
    /// Every file campaign wrote, as site paths. `None` for a marker of an
    /// older campaign, which kept no list.
    pub(crate) files: Option<BTreeSet<String>>,
}

impl Record {
    pub(crate) fn writing() -> Record {
        Record {
            state: State::Writing,
            files: Some(BTreeSet::new()),
        }
    }

    pub(crate) fn complete<'a>(files: impl Iterator<Item = &'a str>) -> Record {
        Record {
            state: State::Complete,
            files: Some(files.map(str::to_owned).collect()),
        }
    }

    /// The record in the folder `dir`; `None` when it has no marker.
    pub(crate) fn read(dir: &Path) -> Option<Record> {
        let text = fs::read_to_string(dir.join(MARKER)).ok()?;
        let mut lines = text.lines();
        let _header = lines.next();
        if lines.next() != Some(FORMAT) {
            // An older campaign's marker: the folder is ours, its files unknown.
            return Some(Record {
                state: State::Complete,
                files: None,
            });
        }
        let mut record = Record {
            state: State::Complete,
            files: Some(BTreeSet::new()),
        };
        let mut files = BTreeSet::new();
        for line in lines {
            if line == "state writing" {
                record.state = State::Writing;
            } else if let Some(path) = line.strip_prefix("file ") {
                files.insert(unescape(path));
            }
        }
        record.files = Some(files);
        Some(record)
    }

    /// Writes the record as the marker of `dir`, atomically (a marker is
    /// never seen half-written).
    pub(crate) fn write(&self, dir: &Path) -> io::Result<()> {
        let mut text = format!("{HEADER}\n{FORMAT}\n");
        if self.state == State::Writing {
            text.push_str("state writing\n");
        }
        for file in self.files.iter().flatten() {
            text.push_str("file ");
            text.push_str(&escape(file));
            text.push('\n');
        }
        let tmp = dir.join(format!("{MARKER}.campaign-tmp"));
        fs::write(&tmp, text)?;
        fs::rename(&tmp, dir.join(MARKER))
    }
}

/// A file or folder of an output folder that campaign did not write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Foreign {
    /// Its site path (`.git`, `2024/ghi-chu.txt`).
    pub(crate) rel: String,
    pub(crate) is_dir: bool,
}

/// Names campaign uses for its own work inside an output folder.
pub(crate) fn is_own_work(name: &str) -> bool {
    name == MARKER
        || name.ends_with(".campaign-tmp")
        || name == super::journal::JOURNAL
        || name == super::journal::PENDING
}

/// Everything in `dir` that `record` does not list: whole folders when
/// nothing campaign wrote lies in them, else the files in them. For an
/// older marker without a list, only what a user would keep at the top
/// (hidden names and `CNAME`) counts as foreign.
pub(crate) fn foreign(dir: &Path, record: &Record) -> io::Result<Vec<Foreign>> {
    let mut found = Vec::new();
    let Some(files) = &record.files else {
        for entry in fs::read_dir(dir)? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if !is_own_work(&name) && (name.starts_with('.') || name == "CNAME") {
                found.push(Foreign {
                    rel: name,
                    is_dir: entry.file_type()?.is_dir(),
                });
            }
        }
        found.sort_by(|a, b| a.rel.cmp(&b.rel));
        return Ok(found);
    };
    // Every folder that holds something campaign wrote.
    let mut folders: HashSet<&str> = HashSet::new();
    for file in files {
        let mut rest = file.as_str();
        while let Some((folder, _)) = rest.rsplit_once('/') {
            if !folders.insert(folder) {
                break;
            }
            rest = folder;
        }
    }
    walk(dir, "", files, &folders, &mut found)?;
    found.sort_by(|a, b| a.rel.cmp(&b.rel));
    Ok(found)
}

fn walk(
    dir: &Path,
    prefix: &str,
    files: &BTreeSet<String>,
    folders: &HashSet<&str>,
    found: &mut Vec<Foreign>,
) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if is_own_work(&name) {
            continue;
        }
        let rel = format!("{prefix}{name}");
        let is_dir = entry.file_type()?.is_dir();
        if is_dir && folders.contains(rel.as_str()) {
            walk(&entry.path(), &format!("{rel}/"), files, folders, found)?;
        } else if is_dir || !files.contains(&rel) {
            found.push(Foreign { rel, is_dir });
        }
    }
    Ok(())
}

/// Site paths are written one a line: a newline or `%` in a name is escaped.
pub(super) fn escape(path: &str) -> String {
    path.replace('%', "%25")
        .replace('\n', "%0A")
        .replace('\r', "%0D")
}

pub(super) fn unescape(line: &str) -> String {
    line.replace("%0A", "\n")
        .replace("%0D", "\r")
        .replace("%25", "%")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_reads_back_as_written() {
        let dir = std::env::temp_dir().join(format!("campaign-record-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        let record = Record::complete(["index.html", "a\nb%c/index.html"].into_iter());
        record.write(&dir).unwrap();
        assert_eq!(Record::read(&dir), Some(record));
        Record::writing().write(&dir).unwrap();
        assert_eq!(Record::read(&dir).unwrap().state, State::Writing);
        // An older campaign's marker: ours, its files unknown.
        fs::write(dir.join(MARKER), format!("{HEADER}\n")).unwrap();
        assert_eq!(Record::read(&dir).unwrap().files, None);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn what_the_record_does_not_list_is_foreign() {
        let dir = std::env::temp_dir().join(format!("campaign-foreign-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        for d in [".git/objects", "2024/tin-tuc", ".well-known", "cu"] {
            fs::create_dir_all(dir.join(d)).unwrap();
        }
        for f in [
            "index.html",
            "CNAME",
            ".git/HEAD",
            "2024/index.html",
            "2024/ghi-chu.txt",
            "2024/tin-tuc/index.html",
            ".well-known/security.txt",
            "cu/index.html",
        ] {
            fs::write(dir.join(f), "x").unwrap();
        }
        let record = Record::complete(
            ["index.html", "2024/index.html", "2024/tin-tuc/index.html"].into_iter(),
        );
        record.write(&dir).unwrap();
        let rels: Vec<(String, bool)> = foreign(&dir, &record)
            .unwrap()
            .into_iter()
            .map(|f| (f.rel, f.is_dir))
            .collect();
        assert_eq!(
            rels,
            [
                (".git".to_owned(), true),
                (".well-known".to_owned(), true),
                ("2024/ghi-chu.txt".to_owned(), false),
                ("CNAME".to_owned(), false),
                ("cu".to_owned(), true),
            ]
        );
        fs::remove_dir_all(&dir).unwrap();
    }
}
