//! The first stage of loading: walking the content folder and sorting its
//! files by the content layout.

use std::collections::{BTreeMap, HashMap};
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use super::limits::{self, MAX_NAME_BYTES, MAX_POSTS_PER_EDITION};
use super::model::Asset;
use crate::diagnostics::Diagnostic;
use crate::msg;
use crate::text::nfc;

/// The files of one edition folder.
#[derive(Debug, Default)]
pub(super) struct YearFiles {
    pub(super) yaml: Option<String>,
    pub(super) intro: Option<String>,
    pub(super) posts: Vec<String>,
    /// Report files of the units (`<year>/reports/…`), never published.
    pub(super) reports: Vec<String>,
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
            Diagnostic::file(source, msg!("content-not-a-folder"))
                .with_help(msg!("content-not-a-folder-help")),
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
                errors.push(Diagnostic::file(
                    &path,
                    msg!("cannot-read", reason = e.to_string()),
                ));
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
                        Diagnostic::file(path, msg!("link-outside-content"))
                            .with_help(msg!("link-outside-content-help")),
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
            if let Some(d) = misnamed_folder(path, &parts) {
                errors.push(d);
            }
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
                    Diagnostic::file(path, msg!("special-file", kind = special_kind(&kind)))
                        .with_help(msg!("special-file-help")),
                );
            }
            continue;
        }
        if let Some(other) = layout.paths.insert(rel.clone(), path.to_path_buf()) {
            errors.push(
                Diagnostic::file(path, msg!("same-name-once-nfc", other = &other))
                    .with_help(msg!("same-name-once-nfc-help")),
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
            ([_, "news", name], Some(y)) if name.ends_with(".md") => {
                layout.years.entry(y).or_default().posts.push(rel)
            }
            ([_, "news", name], Some(_)) | (["pages", name], _) => {
                errors.push(misnamed_file(path, name, p[0] == "pages"))
            }
            ([_, "reports", _], Some(y)) => layout.years.entry(y).or_default().reports.push(rel),
            ([_, "files", ..], Some(y)) => {
                layout.years.entry(y).or_default();
                layout.assets.extend(published.map(asset));
            }
            _ if is_content_name(&rel) => errors.push(
                Diagnostic::file(&source.join(&rel), msg!("not-in-layout"))
                    .with_help(msg!("not-in-layout-help")),
            ),
            _ => {}
        }
    }
    for (year, y) in &mut layout.years {
        if y.posts.len() > MAX_POSTS_PER_EDITION {
            let max = MAX_POSTS_PER_EDITION;
            errors.push(
                Diagnostic::file(
                    &source.join(format!("{year}/news")),
                    msg!("too-many-posts", count = y.posts.len(), max = max),
                )
                .with_help(msg!(
                    "too-many-posts-help",
                    year = year.to_string(),
                    max = max
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
                Diagnostic::file(&a.source, msg!("asset-unreadable", reason = e.to_string()))
                    .with_help(msg!("asset-unreadable-help"))
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
    let (message, help) = if is_dir {
        (
            msg!("folder-name-not-utf8", bytes = bytes),
            msg!("folder-name-not-utf8-help"),
        )
    } else {
        (
            msg!("file-name-not-utf8", bytes = bytes),
            msg!("file-name-not-utf8-help"),
        )
    };
    Diagnostic::file(Path::new(&shown), message).with_help(help)
}

/// A part of the path of a file published as it is that is too long to be
/// a file name everywhere.
fn name_too_long(path: &Path, name: &str) -> Diagnostic {
    Diagnostic::file(
        path,
        msg!(
            "name-too-long",
            name = limits::quoted(name),
            bytes = name.len(),
            max = MAX_NAME_BYTES
        ),
    )
    .with_help(msg!("name-too-long-help"))
}

/// Endings of files that are the text of a post saved under another name:
/// renamed to `.md`, they are read.
const TEXT_ENDINGS: [&str; 5] = [".md.txt", ".markdown", ".mdown", ".txt", ".text"];

/// Endings of word-processor documents: their text must be copied into a
/// Markdown file.
const DOCUMENT_ENDINGS: [&str; 5] = [".docx", ".doc", ".odt", ".rtf", ".pages"];

/// A file in `news/` (or `pages/`, when `page`) that is not a `.md` file:
/// never read, so never published. Says which name it should have.
fn misnamed_file(path: &Path, name: &str, page: bool) -> Diagnostic {
    // ASCII only, so that the endings keep their length in bytes.
    let lower = name.to_ascii_lowercase();
    let folder = if page { "pages/" } else { "news/" };
    let strip = |ending: &str| &name[..name.len() - ending.len()];
    let (message, help) = if let Some(ending) = TEXT_ENDINGS
        .iter()
        .chain(&[".md"])
        .find(|e| lower.ends_with(*e))
    {
        let expected = format!("{}.md", strip(ending));
        (
            msg!(
                "post-wrong-name",
                file = name,
                folder = folder,
                expected = expected.as_str()
            ),
            msg!("post-wrong-name-help", file = name, expected = expected),
        )
    } else if let Some(ending) = DOCUMENT_ENDINGS.iter().find(|e| lower.ends_with(*e)) {
        let slug = crate::text::slugify(strip(ending));
        let expected = format!("{}.md", if slug.is_empty() { "ten-bai" } else { &slug });
        (
            msg!("post-is-a-document", file = name, folder = folder),
            msg!(
                "post-is-a-document-help",
                folder = folder,
                expected = expected
            ),
        )
    } else {
        (
            msg!("stray-file", file = name, folder = folder),
            msg!("stray-file-help", folder = folder),
        )
    };
    Diagnostic::file(path, message).with_help(help).warning()
}

/// The folders of the layout, each with the names people give it instead
/// (folded to ASCII: `Tin tức` is `tin-tuc`).
const FOLDERS: [(&str, &[&str]); 5] = [
    (
        "news",
        &[
            "tin-tuc", "tintuc", "tin", "tin-bai", "bai-viet", "baiviet", "bai", "posts", "post",
        ],
    ),
    (
        "files",
        &[
            "file",
            "tep",
            "tep-tin",
            "tai-lieu",
            "tailieu",
            "dinh-kem",
            "van-ban",
            "attachments",
        ],
    ),
    (
        "reports",
        &[
            "bao-cao", "baocao", "ket-qua", "ketqua", "report", "results", "result",
        ],
    ),
    ("pages", &["page", "trang"]),
    ("static", &[]),
];

/// The layout folder `name` is probably meant to be (`News`, `tin-tuc`,
/// `nwes` for `news`), among `expected`.
fn meant_folder(name: &str, expected: &[&str]) -> Option<&'static str> {
    let folded = crate::text::slugify(name);
    FOLDERS
        .iter()
        .filter(|(folder, _)| expected.contains(folder))
        .find(|(folder, aliases)| {
            folded == *folder
                || aliases.contains(&folded.as_str())
                || (folded.len() >= 3 && strsim::damerau_levenshtein(&folded, folder) <= 1)
        })
        .map(|(folder, _)| *folder)
}

/// A folder that is not part of the layout but looks like one of its
/// folders (`2025/tin-tuc/`, `2025/News/`): nothing in it is published.
fn misnamed_folder(path: &Path, parts: &[String]) -> Option<Diagnostic> {
    let (expected, name): (&[&str], &str) = match parts {
        [year, name] if parse_year(year).is_some() => {
            (&["news", "files", "reports"], name.as_str())
        }
        [name] if parse_year(name).is_none() => (&["pages", "static"], name.as_str()),
        _ => return None,
    };
    if expected.contains(&name) {
        return None;
    }
    let meant = meant_folder(name, expected)?;
    let shown = parts.join("/");
    let suggested = match parts {
        [year, _] => format!("{year}/{meant}/"),
        _ => format!("{meant}/"),
    };
    Some(
        Diagnostic::file(
            path,
            msg!(
                "folder-near-miss",
                folder = format!("{shown}/"),
                expected = format!("{meant}/")
            ),
        )
        .with_help(msg!(
            "folder-near-miss-help",
            folder = format!("{shown}/"),
            expected = suggested
        ))
        .warning(),
    )
}

/// What a file that is neither a regular file nor a folder is (`fifo`,
/// `socket`, `device`, `other`: the message says it in words).
#[cfg(unix)]
fn special_kind(kind: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        "fifo"
    } else if kind.is_socket() {
        "socket"
    } else if kind.is_char_device() || kind.is_block_device() {
        "device"
    } else {
        "other"
    }
}

#[cfg(not(unix))]
fn special_kind(_: &std::fs::FileType) -> &'static str {
    "other"
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
            return Diagnostic::file(path, msg!("link-loop", chain = shown.join(" -> ")))
                .with_help(msg!("link-loop-help"));
        }
        if std::fs::symlink_metadata(&next).is_err() {
            return Diagnostic::file(path, msg!("link-to-nothing", target = &target))
                .with_help(msg!("link-broken-help"));
        }
        chain.push(next);
    }
    Diagnostic::file(path, msg!("link-unfollowable")).with_help(msg!("link-broken-help"))
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
