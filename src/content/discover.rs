//! The first stage of loading: walking the content folder and sorting its
//! files by the content layout.

use std::collections::{BTreeMap, HashMap};
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use super::limits::{self, MAX_NAME_BYTES, MAX_POSTS_PER_EDITION};
use super::model::Asset;
use crate::diagnostics::Diagnostic;
use crate::text::nfc;

/// The files of one edition folder.
#[derive(Debug, Default)]
pub(super) struct YearFiles {
    pub(super) yaml: Option<String>,
    pub(super) intro: Option<String>,
    pub(super) posts: Vec<String>,
    /// Posts left unread: the folder holds more than
    /// [`MAX_POSTS_PER_EDITION`] (an error says so).
    pub(super) skipped: Vec<String>,
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

/// Walks `source`, reporting files that do not fit the layout, names that
/// are not UTF-8 or too long to publish, links that lead nowhere, and files
/// published as they are that cannot be read.
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
    let mut walker = WalkDir::new(source)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0 || !crate::ignore::is_ignored(&e.file_name().to_string_lossy())
        });
    while let Some(entry) = walker.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().unwrap_or(source).to_path_buf();
                errors.push(Diagnostic::file(&path, format!("cannot be read: {e}")));
                continue;
            }
        };
        let path = entry.path();
        if entry.depth() > 0 && entry.file_name().to_str().is_none() {
            let is_dir = entry.file_type().is_dir();
            errors.push(not_utf8(path, is_dir));
            if is_dir {
                walker.skip_current_dir();
            }
            continue;
        }
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
        let kind = if entry.path_is_symlink() {
            match path.canonicalize() {
                Ok(target) if target.starts_with(&root) => match std::fs::metadata(&target) {
                    Ok(m) => m.file_type(),
                    Err(_) => continue,
                },
                Ok(_) => {
                    errors.push(
                        Diagnostic::file(path, "is a link to something outside the content folder; it is not published")
                            .with_help("copy the file into the content folder instead of linking to it"),
                    );
                    continue;
                }
                Err(_) => {
                    errors.push(broken_link(path));
                    continue;
                }
            }
        } else {
            entry.file_type()
        };
        if kind.is_dir() {
            continue;
        }
        let rel = parts.join("/");
        let p: Vec<&str> = parts.iter().map(String::as_str).collect();
        let year = p.first().and_then(|y| parse_year(y));
        let published = crate::routes::asset(&p).filter(|_| match p.as_slice() {
            ["static", ..] => true,
            _ => year.is_some(),
        });
        if !kind.is_file() {
            // A named pipe, a socket or a device where a file is read or
            // published: opening it could wait forever or read without end.
            if published.is_some() || is_content_name(&rel) {
                errors.push(
                    Diagnostic::file(
                        path,
                        format!(
                            "is {}, not a regular file; it cannot be read or published",
                            special_kind(&kind)
                        ),
                    )
                    .with_help("put a regular file here (copy the document itself), or delete it"),
                );
            }
            continue;
        }
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
        if published.is_some()
            && let Some(long) = p.iter().find(|part| part.len() > MAX_NAME_BYTES)
        {
            errors.push(name_too_long(path, long));
            continue;
        }
        let asset = |output: String| Asset {
            rel: rel.clone(),
            source: path.to_path_buf(),
            output,
        };
        match (p.as_slice(), year) {
            (["site.yaml"], _) => layout.config = Some(rel),
            (["index.md"], _) => layout.home = Some(rel),
            (["pages", name], _) if name.ends_with(".md") => layout.pages.push(rel),
            (["static", ..], _) => layout.assets.extend(published.map(asset)),
            ([_, "edition.yaml"], Some(y)) => layout.years.entry(y).or_default().yaml = Some(rel),
            ([_, "index.md"], Some(y)) => layout.years.entry(y).or_default().intro = Some(rel),
            ([_, "news", name], Some(y)) if name.ends_with(".md") => layout.years.entry(y).or_default().posts.push(rel),
            ([_, "files", ..], Some(y)) => {
                layout.years.entry(y).or_default();
                layout.assets.extend(published.map(asset));
            }
            _ if is_content_name(&rel) => errors.push(
                Diagnostic::file(&source.join(&rel), "this file is not part of the content layout, so it would not be published")
                    .with_help(
                        "news posts go in <year>/news/, pages in pages/, each year's settings in <year>/edition.yaml (four-digit year folders)",
                    ),
            ),
            _ => {}
        }
    }
    for (year, y) in &mut layout.years {
        if y.posts.len() > MAX_POSTS_PER_EDITION {
            errors.push(
                Diagnostic::file(
                    &source.join(format!("{year}/news")),
                    format!(
                        "this folder holds {} posts; one edition may have at most {}, so none of them was read",
                        limits::count(y.posts.len()),
                        limits::count(MAX_POSTS_PER_EDITION)
                    ),
                )
                .with_help(format!(
                    "split the list: move the posts of other years to their own <year>/news/ folders and delete generated or duplicated files, until {year}/news/ holds at most {} posts",
                    limits::count(MAX_POSTS_PER_EDITION)
                )),
            );
            y.skipped = std::mem::take(&mut y.posts);
        }
    }
    // A file published as it is is only copied by `build`: reading it
    // fails there, after every page was rendered, and never in `check`.
    // Opening each now reports it in both, before anything is written.
    errors.extend(
        layout
            .assets
            .par_iter()
            .filter_map(|a| std::fs::File::open(&a.source).err().map(|e| (a, e)))
            .map(|(a, e)| {
                Diagnostic::file(&a.source, format!("cannot be read ({e}), so it cannot be published"))
                    .with_help("make the file readable by the user who builds the site (e.g. `chmod a+r`), or delete it")
            })
            .collect::<Vec<_>>(),
    );
    layout
}

/// Whether a file is named like a content file (Markdown or YAML).
fn is_content_name(rel: &str) -> bool {
    [".md", ".yaml", ".yml"].iter().any(|s| rel.ends_with(s))
}

/// A file or folder whose name is not UTF-8: it has no web address, and
/// showing it as best we can would publish another name than the file's.
fn not_utf8(path: &Path, is_dir: bool) -> Diagnostic {
    let shown = limits::escaped(path.as_os_str());
    let bytes = limits::invalid_bytes(path.file_name().unwrap_or(path.as_os_str()));
    let (what, consequence, example) = if is_dir {
        ("folder", "nothing in it is read or published", "tai-lieu")
    } else {
        ("file", "it cannot be published", "anh-le-ky-niem.png")
    };
    Diagnostic::file(
        Path::new(&shown),
        format!(
            "the name of this {what} is not UTF-8 text (it holds the bytes {bytes}, which are no letters), so {consequence}"
        ),
    )
    .with_help(format!(
        "rename the {what} with letters, digits and hyphens (e.g. {example}) and update the links to it; such names come from archives made on other systems or with another encoding"
    ))
}

/// A part of the path of a file published as it is that is too long to be
/// a file name everywhere.
fn name_too_long(path: &Path, name: &str) -> Diagnostic {
    Diagnostic::file(
        path,
        format!(
            "the name `{}` is {} bytes long; a file or folder published as it is may have at most {MAX_NAME_BYTES} bytes in its name",
            limits::quoted(name),
            limits::count(name.len()),
        ),
    )
    .with_help("rename it with a shorter name (a Vietnamese letter with accents takes 2 or 3 bytes) and update the links to it")
}

/// What a file that is neither a regular file nor a folder is.
#[cfg(unix)]
fn special_kind(kind: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        "a named pipe (FIFO)"
    } else if kind.is_socket() {
        "a socket"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn special_kind(_: &std::fs::FileType) -> &'static str {
    "a special file"
}

/// How many links in a row are followed to explain a broken one (the
/// kernel gives up at 40).
const MAX_LINK_HOPS: usize = 40;

/// Why the symbolic link `path` (which cannot be resolved) leads nowhere:
/// links that point at each other, or a target that does not exist.
fn broken_link(path: &Path) -> Diagnostic {
    let mut chain: Vec<PathBuf> = vec![lexical(path)];
    for _ in 0..MAX_LINK_HOPS {
        let at = chain
            .last()
            .expect("the chain starts with the link")
            .clone();
        let Ok(target) = std::fs::read_link(&at) else {
            break;
        };
        let next = lexical(&at.parent().unwrap_or(Path::new("")).join(&target));
        if chain.contains(&next) {
            chain.push(next);
            let shown: Vec<String> = chain.iter().map(|p| p.display().to_string()).collect();
            return Diagnostic::file(
                path,
                format!(
                    "is a link in a loop ({}): these links point at each other, so there is no file to publish",
                    shown.join(" -> ")
                ),
            )
            .with_help("replace one of the links with the file it should lead to, or delete the links");
        }
        if std::fs::symlink_metadata(&next).is_err() {
            return Diagnostic::file(
                path,
                format!(
                    "is a link to {}, which does not exist; it is not published",
                    target.display()
                ),
            )
            .with_help("put the file itself here instead of the link, or delete the link");
        }
        chain.push(next);
    }
    Diagnostic::file(
        path,
        "is a link that cannot be followed (too many links in a row, or a folder on the way that leads nowhere); it is not published",
    )
    .with_help("put the file itself here instead of the link, or delete the link")
}

/// `path` with `.` and `name/..` taken out, without reading the disk: to
/// tell that two links name the same place.
fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir
                if matches!(out.components().next_back(), Some(Component::Normal(_))) =>
            {
                out.pop();
            }
            c => out.push(c),
        }
    }
    out
}

/// A four-digit year folder's year.
pub(super) fn parse_year(name: &str) -> Option<i16> {
    if name.len() == 4 && name.bytes().all(|b| b.is_ascii_digit()) {
        name.parse().ok()
    } else {
        None
    }
}
