//! The first stage of loading: walking the content folder and sorting its
//! files by the content layout.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::model::Asset;
use crate::diagnostics::Diagnostic;
use crate::text::nfc;

/// The files of one edition folder.
#[derive(Debug, Default)]
pub(super) struct YearFiles {
    pub(super) yaml: Option<String>,
    pub(super) intro: Option<String>,
    pub(super) posts: Vec<String>,
}

/// The content layout, as found on disk. Files are named by their path
/// relative to the content folder, `/`-separated, NFC.
#[derive(Debug, Default)]
pub(super) struct Layout {
    pub(super) config: Option<String>,
    pub(super) home: Option<String>,
    pub(super) pages: Vec<String>,
    pub(super) years: BTreeMap<i16, YearFiles>,
    pub(super) assets: Vec<Asset>,
    /// Content-relative NFC path → the file's path on disk, whose name may
    /// be in another normalisation form (NFD from macOS or a web download).
    pub(super) paths: HashMap<String, PathBuf>,
}

/// Walks `source`, reporting files that do not fit the layout.
pub(super) fn discover(source: &Path, errors: &mut Vec<Diagnostic>) -> Layout {
    let mut layout = Layout::default();
    if !source.is_dir() {
        errors.push(
            Diagnostic::file(source, "is not a folder")
                .with_help("name the content folder with --source (default: content)"),
        );
        return layout;
    }
    let root = source
        .canonicalize()
        .unwrap_or_else(|_| source.to_path_buf());
    let walker = WalkDir::new(source)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0 || !crate::ignore::is_ignored(&e.file_name().to_string_lossy())
        });
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().unwrap_or(source).to_path_buf();
                errors.push(Diagnostic::file(&path, format!("cannot be read: {e}")));
                continue;
            }
        };
        let path = entry.path();
        let Ok(rel_path) = path.strip_prefix(source) else {
            continue;
        };
        let parts: Vec<String> = rel_path
            .components()
            .map(|c| nfc(c.as_os_str().to_string_lossy().into_owned()))
            .collect();
        if parts.is_empty() {
            continue;
        }
        let mut is_file = entry.file_type().is_file();
        if entry.path_is_symlink() {
            match path.canonicalize() {
                Ok(target) if target.starts_with(&root) => is_file = target.is_file(),
                _ => {
                    errors.push(
                        Diagnostic::file(path, "is a link to something outside the content folder; it is not published")
                            .with_help("copy the file into the content folder instead of linking to it"),
                    );
                    continue;
                }
            }
        }
        if !is_file {
            continue;
        }
        let rel = parts.join("/");
        if let Some(other) = layout.paths.insert(rel.clone(), path.to_path_buf()) {
            errors.push(
                Diagnostic::file(
                    path,
                    format!(
                        "has the same name as {} once its Vietnamese letters are normalised (NFC)",
                        other.display()
                    ),
                )
                .with_help("the two names differ only in how their accents are encoded: delete or rename one of the files"),
            );
            continue;
        }
        let p: Vec<&str> = parts.iter().map(String::as_str).collect();
        let year = p.first().and_then(|y| parse_year(y));
        let asset = |output: String| Asset {
            rel: rel.clone(),
            source: path.to_path_buf(),
            output,
        };
        match (p.as_slice(), year) {
            (["site.yaml"], _) => layout.config = Some(rel),
            (["index.md"], _) => layout.home = Some(rel),
            (["pages", name], _) if name.ends_with(".md") => layout.pages.push(rel),
            (["static", ..], _) => layout.assets.extend(crate::routes::asset(&p).map(asset)),
            ([_, "edition.yaml"], Some(y)) => layout.years.entry(y).or_default().yaml = Some(rel),
            ([_, "index.md"], Some(y)) => layout.years.entry(y).or_default().intro = Some(rel),
            ([_, "news", name], Some(y)) if name.ends_with(".md") => layout.years.entry(y).or_default().posts.push(rel),
            ([_, "files", ..], Some(y)) => {
                layout.years.entry(y).or_default();
                layout.assets.extend(crate::routes::asset(&p).map(asset));
            }
            _ if [".md", ".yaml", ".yml"].iter().any(|s| rel.ends_with(s)) => errors.push(
                Diagnostic::file(&source.join(&rel), "this file is not part of the content layout, so it would not be published")
                    .with_help(
                        "news posts go in <year>/news/, pages in pages/, each year's settings in <year>/edition.yaml (four-digit year folders)",
                    ),
            ),
            _ => {}
        }
    }
    layout
}

/// A four-digit year folder's year.
pub(super) fn parse_year(name: &str) -> Option<i16> {
    if name.len() == 4 && name.bytes().all(|b| b.is_ascii_digit()) {
        name.parse().ok()
    } else {
        None
    }
}
