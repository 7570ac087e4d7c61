//! Content files as read: decoded, normalised, with the path shown to the
//! user and what is needed to tell whether they changed.

use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, line_column};
use crate::msg;
use crate::text::decode_owned;
pub(crate) use crate::yaml::tree::Seg;

/// A decoded content file.
#[derive(Debug)]
pub(crate) struct SourceFile {
    /// Path relative to the content folder, `/`-separated, NFC.
    pub(crate) rel: String,
    /// Its content-relative directory (`2024/news`), for resolving links.
    pub(crate) dir: String,
    /// The path shown to the user (`content/2024/news/a.md`).
    pub(crate) display: PathBuf,
    pub(crate) text: String,
    /// A warning about the file as read (its text was not NFC).
    pub(crate) warning: Option<Diagnostic>,
}

impl SourceFile {
    /// A problem at the value at `path` of the file's YAML (its front
    /// matter, for a Markdown file), or at its key with `key`; at the file
    /// as a whole when the YAML does not hold it.
    pub(crate) fn at_path(
        &self,
        path: &[Seg],
        key: bool,
        message: impl Into<crate::i18n::Message>,
    ) -> Diagnostic {
        match crate::yaml::locate(self.yaml(), path, key) {
            Some((line, column)) => clipped(Diagnostic::at(
                &self.display,
                &self.text,
                line,
                column,
                message,
            )),
            None => Diagnostic::file(&self.display, message),
        }
    }

    /// A problem at the top-level key `key:` of the file's YAML.
    pub(crate) fn at_key(&self, key: &str, message: impl Into<crate::i18n::Message>) -> Diagnostic {
        self.at_path(&[Seg::Key(key)], true, message)
    }

    /// A problem at `needle` as written inside the value at `path` (a link
    /// in a Markdown text of `edition.yaml`), else at that value.
    pub(crate) fn at_in(
        &self,
        path: &[Seg],
        needle: &str,
        message: impl Into<crate::i18n::Message>,
    ) -> Diagnostic {
        match crate::yaml::locate_in(self.yaml(), path, needle) {
            Some(offset) => clipped(Diagnostic::at_offset(
                &self.display,
                &self.text,
                offset,
                message,
            )),
            None => self.at_path(path, false, message),
        }
    }

    /// The byte offset in the file of `needle` as written inside the value
    /// at `path`, if it is there.
    pub(crate) fn offset_in(&self, path: &[Seg], needle: &str) -> Option<usize> {
        crate::yaml::locate_in(self.yaml(), path, needle)
    }

    /// The YAML of the file: its front matter for a Markdown file (from
    /// the top of the file, so that positions are the file's), else all of it.
    fn yaml(&self) -> &str {
        if self.rel.ends_with(".md") {
            let end = super::frontmatter::split(&self.text).map_or(self.text.len(), |s| s.yaml.end);
            &self.text[..end]
        } else {
            &self.text
        }
    }

    /// The file name without `.md`.
    pub(crate) fn stem(&self) -> &str {
        let name = self.rel.rsplit('/').next().unwrap_or(&self.rel);
        name.strip_suffix(".md").unwrap_or(name)
    }
}

/// How much of a long line a problem quotes (a list of thousands of tags
/// can be one line).
const QUOTED_LINE_CHARS: usize = 200;

/// `d` quoting at most the start of its line: up to the place it points at
/// and a little after, or nothing when that place is far along the line.
fn clipped(mut d: Diagnostic) -> Diagnostic {
    if let Some(text) = &d.source_line
        && text.chars().count() > QUOTED_LINE_CHARS
    {
        d.source_line = (d.column + 40 <= QUOTED_LINE_CHARS).then(|| {
            let start: String = text.chars().take(QUOTED_LINE_CHARS).collect();
            format!("{start} …")
        });
    }
    d
}

/// A file's modification time and size: when both are unchanged, the file
/// is taken as unchanged.
pub(crate) type Stamp = (Option<std::time::SystemTime>, u64);

pub(crate) fn stamp(path: &Path) -> Option<Stamp> {
    let m = std::fs::metadata(path).ok()?;
    Some((m.modified().ok(), m.len()))
}

/// Reads and decodes the content file `rel` (at `real` on disk) of the
/// content folder `source`.
pub(crate) fn read_source(source: &Path, rel: &str, real: &Path) -> Result<SourceFile, Diagnostic> {
    let display = source.join(rel);
    let bytes = std::fs::read(real).map_err(|e| {
        Diagnostic::file(
            &display,
            msg!("file-unreadable-because", reason = e.to_string()),
        )
    })?;
    let (text, not_nfc) = decode_owned(bytes).map_err(|(offset, bytes)| {
        let valid = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
        let (line, column) = line_column(valid, offset);
        let mut d = Diagnostic::file(&display, msg!("not-utf8", line = line, column = column));
        d.line = line;
        d.column = column;
        d.with_help(msg!("not-utf8-help"))
    })?;
    // Where the text was not NFC before decoding normalised it (once per file).
    let warning = not_nfc.map(|offset| {
        let (line, column) = line_column(&text, offset);
        Diagnostic::at(&display, &text, line, column, msg!("not-nfc"))
            .with_help(msg!("not-nfc-help"))
            .warning()
    });
    Ok(SourceFile {
        rel: rel.to_owned(),
        dir: dir_of(rel),
        display,
        text,
        warning,
    })
}

/// A text given as the content file `rel`, without the disk.
pub(crate) fn source_text(rel: &str, text: &str) -> SourceFile {
    // A `&str` is valid UTF-8: decoding only drops a BOM, CRs and normalises.
    let text = crate::text::decode_source(text.as_bytes()).unwrap_or_default();
    SourceFile {
        rel: rel.to_owned(),
        dir: dir_of(rel),
        display: PathBuf::from(rel),
        text,
        warning: None,
    }
}

pub(super) fn dir_of(rel: &str) -> String {
    rel.rsplit_once('/').map_or("", |(d, _)| d).to_owned()
}
