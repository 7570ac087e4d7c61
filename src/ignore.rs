//! Files that are never part of a site: hidden files and what editors and
//! systems leave beside the files people edit. One list, for loading the
//! content, loading a theme and watching both.

use std::path::{Component, Path};

/// Suffixes of editor temporary and backup files, and of downloads not
/// finished yet.
const SUFFIXES: &[&str] = &[
    ".swp",
    ".swx",
    ".swo",
    ".tmp",
    ".bak",
    ".crdownload",
    ".part",
    // Word's AutoRecover and backup copies.
    ".asd",
    ".wbk",
];

/// Whether a file or folder called `name` is ignored.
///
/// Hidden names (`.git`, `.DS_Store`, vim's `.a.md.swp`, emacs's `.#a.md`
/// lock, LibreOffice's `.~lock.a.odt#`), emacs's `#a.md#` auto-saves,
/// `~` backups, the owner files Microsoft Office writes beside an open
/// document (`~$ke-hoach.docx`) and Word's temporary `~WRL0001.tmp`, vim's
/// `4913` write test, the suffixes above, and the thumbnail caches of
/// Windows.
pub(crate) fn is_ignored(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.starts_with("~$")
        || name.starts_with("~WRL")
        || name.ends_with('~')
        || name == "4913"
        || SUFFIXES.iter().any(|s| name.ends_with(s))
        || name.eq_ignore_ascii_case("Thumbs.db")
        || name.eq_ignore_ascii_case("desktop.ini")
}

/// Whether any part of `path` (a path below a watched or loaded folder) is
/// ignored; `.` and `..` are only steps.
pub(crate) fn is_ignored_path(path: &Path) -> bool {
    path.components().any(|c| match c {
        Component::Normal(name) => is_ignored(&name.to_string_lossy()),
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_droppings_and_hidden_files() {
        for name in [
            ".a.md.swp",
            "a.md~",
            "#a.md#",
            ".#a.md",
            ".~lock.kh.odt#",
            "4913",
            ".git",
            "a.md.tmp",
            "kh.pdf.crdownload",
            "Thumbs.db",
            "~$ke-hoach.docx",
            "~$bao cao.xlsx",
            "~WRL0003.tmp",
            "kh.docx.asd",
        ] {
            assert!(is_ignored(name), "{name}");
        }
        for name in [
            "a.md",
            "2024",
            "edition.yaml",
            "kế-hoạch.pdf",
            "49130.md",
            "a~b.pdf",
            "$~x.pdf",
        ] {
            assert!(!is_ignored(name), "{name}");
        }
        assert!(is_ignored_path(Path::new("2024/.git/index")));
        assert!(!is_ignored_path(Path::new("../site/2024/a.md")));
    }
}
