//! Problems found in content, reported to people who are not programmers.
//!
//! Every problem names the file, line and column, quotes the offending line
//! and says what would fix it. Loading collects all of them so that one run
//! shows every mistake in the site, not only the first.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::i18n::{Lang, Message};
use crate::msg;

/// How bad a problem is: errors stop the build, warnings do not (unless
/// `campaign check --strict`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    #[default]
    Error,
    Warning,
}

impl Severity {
    /// `error` or `warning`, in JSON records.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }

    /// `lỗi` / `error`, `cảnh báo` / `warning`, as printed.
    pub fn label(self, lang: Lang) -> String {
        match self {
            Severity::Error => msg!("severity-error"),
            Severity::Warning => msg!("severity-warning"),
        }
        .render(lang)
    }
}

/// How many characters of a long line a problem quotes: a line of 20,000
/// tags quoted by each of its problems would make the report quadratic.
pub const SHOWN: usize = 200;

/// At most [`SHOWN`] characters of `line` around `column`, and the column
/// they start at.
fn window(line: &str, column: usize) -> (String, usize) {
    let count = line.chars().count();
    if count <= SHOWN {
        return (line.to_owned(), 1);
    }
    let from = column.saturating_sub(SHOWN / 2).clamp(1, count + 1 - SHOWN);
    let mut shown: String = line.chars().skip(from - 1).take(SHOWN).collect();
    if from + SHOWN <= count {
        shown.push('…');
    }
    if from > 1 {
        shown.insert(0, '…');
    }
    (shown, from)
}

/// One problem in one content file.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Diagnostic {
    /// An error (the default) or a warning.
    pub severity: Severity,
    /// The file, as the user would type it (e.g. `content/2024/edition.yaml`).
    pub file: PathBuf,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based column (in characters); 0 when unknown.
    pub column: usize,
    /// The text of the offending line, when there is one: at most
    /// [`SHOWN`] characters of it around the column, `…` marking what is cut.
    pub source_line: Option<String>,
    /// The column of the line that `source_line` starts at (1 when it is
    /// shown from its start), for the caret.
    pub source_from: u32,
    /// What is wrong; its id is the problem's stable machine code.
    pub message: Message,
    /// What would fix it.
    /// (Boxed: most problems are passed by value in `Result`s.)
    pub help: Option<Box<Message>>,
}

impl Diagnostic {
    /// A problem with the file as a whole (unreadable, invalid UTF-8...).
    pub fn file(file: &Path, message: impl Into<Message>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.to_path_buf(),
            line: 0,
            column: 0,
            source_line: None,
            source_from: 1,
            message: message.into(),
            help: None,
        }
    }

    /// A problem at a position in `source` (1-based line and column).
    pub fn at(
        file: &Path,
        source: &str,
        line: usize,
        column: usize,
        message: impl Into<Message>,
    ) -> Self {
        let (source_line, source_from) = line
            .checked_sub(1)
            .and_then(|i| source.lines().nth(i))
            .map_or((None, 1), |text| {
                let (shown, from) = window(text, column);
                (Some(shown), u32::try_from(from).unwrap_or(u32::MAX))
            });
        Diagnostic {
            severity: Severity::Error,
            file: file.to_path_buf(),
            line,
            column,
            source_line,
            source_from,
            message: message.into(),
            help: None,
        }
    }

    /// A problem at a byte offset into `source`.
    pub fn at_offset(
        file: &Path,
        source: &str,
        offset: usize,
        message: impl Into<Message>,
    ) -> Self {
        let (line, column) = line_column(source, offset);
        Self::at(file, source, line, column, message)
    }

    pub fn with_help(mut self, help: impl Into<Message>) -> Self {
        self.help = Some(Box::new(help.into()));
        self
    }

    /// The same problem, as a warning: reported, but the build goes on.
    pub fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The stable machine code of the problem (`unknown-key`, `bad-date`):
    /// the same in every language, for scripts and tests.
    pub fn code(&self) -> &'static str {
        self.message.id()
    }

    /// The problem as one JSON record (`campaign check --format json`):
    /// file, line, column, severity, code, message, help, source_line,
    /// with message and help in `lang`.
    pub fn to_json(&self, lang: Lang) -> serde_json::Value {
        serde_json::json!({
            "file": self.file.to_string_lossy(),
            "line": self.line,
            "column": self.column,
            "severity": self.severity.as_str(),
            "code": self.code(),
            "message": self.message.render(lang),
            "help": self.help.as_ref().map(|h| h.render(lang)),
            "source_line": self.source_line,
        })
    }

    /// The problem as staff read it: the position, the quoted line with a
    /// caret under the column, and the fix, in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = String::new();
        self.write(&mut out, lang).expect("writing to a String");
        out
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub(crate) fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = source[line_start..offset].chars().count() + 1;
    (line, column)
}

impl Diagnostic {
    fn write(&self, f: &mut impl fmt::Write, lang: Lang) -> fmt::Result {
        let file = self.file.display();
        let severity = self.severity.label(lang);
        let message = self.message.render(lang);
        match (self.line, self.column) {
            (0, _) => writeln!(f, "{severity}: {file}: {message}")?,
            (line, 0) => writeln!(f, "{severity}: {file}:{line}: {message}")?,
            (line, column) => writeln!(f, "{severity}: {file}:{line}:{column}: {message}")?,
        }
        if let Some(text) = &self.source_line {
            let number = self.line.to_string();
            let pad = " ".repeat(number.len());
            writeln!(f, " {number} | {text}")?;
            let from = self.source_from as usize;
            if self.column >= from.max(1) {
                // Tabs keep their width so the caret lines up; a `…` that
                // marks a cut start takes one column.
                let cut = usize::from(from > 1);
                let lead: String = text
                    .chars()
                    .take(self.column - from.max(1) + cut)
                    .map(|c| if c == '\t' { '\t' } else { ' ' })
                    .collect();
                writeln!(f, " {pad} | {lead}^")?;
            }
        }
        if let Some(help) = &self.help {
            let label = msg!("help-label").render(lang);
            writeln!(f, "  = {label}: {}", help.render(lang))?;
        }
        Ok(())
    }
}

/// In English (logs and tests); staff get [`Diagnostic::render`] in their
/// language.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f, Lang::En)
    }
}

/// All the problems of one run, in a stable order (by file, then position).
#[derive(Debug, Default, Clone)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// How many of them are errors (the rest are warnings).
    pub fn errors(&self) -> usize {
        self.0.iter().filter(|d| d.is_error()).count()
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.0.extend(other.0);
    }

    pub fn sort(&mut self) {
        self.0
            .sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
        self.0.dedup();
    }
}

impl Diagnostics {
    /// Every problem, then what they mean for the build, in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = String::new();
        for d in &self.0 {
            out.push_str(&d.render(lang));
            out.push('\n');
        }
        let errors = self.errors();
        let warnings = self.0.len() - errors;
        out.push_str(&msg!("build-failed", errors = errors, warnings = warnings).render(lang));
        out
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

impl std::error::Error for Diagnostics {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_not_bytes() {
        let src = "title: Tin\nngày: x\n";
        let off = src.find('x').unwrap();
        assert_eq!(line_column(src, off), (2, 7));
    }

    #[test]
    fn a_long_line_is_quoted_around_the_column() {
        let line = format!("tags: [{}]", "\"thẻ\", ".repeat(5000));
        let column = 20_000;
        let d = Diagnostic::at(
            Path::new("a.md"),
            &line,
            1,
            column,
            msg!("unknown-key", key = "x"),
        );
        let shown = d.source_line.clone().unwrap();
        assert!(shown.chars().count() <= SHOWN + 2, "{}", shown.len());
        assert!(shown.starts_with('…') && shown.ends_with('…'));
        // The caret still points at the column's character.
        let text = d.to_string();
        let lines: Vec<&str> = text.lines().collect();
        let caret = lines[2].chars().position(|c| c == '^').unwrap();
        let quoted: Vec<char> = lines[1].chars().collect();
        let at: Vec<char> = line.chars().collect();
        assert_eq!(quoted[caret], at[column - 1]);
        // A short line is quoted whole.
        let d = Diagnostic::at(
            Path::new("a.md"),
            "x: 1",
            1,
            1,
            msg!("unknown-key", key = "x"),
        );
        assert_eq!(d.source_line.as_deref(), Some("x: 1"));
    }

    #[test]
    fn display_points_at_the_column() {
        let d = Diagnostic::at(
            Path::new("a.yaml"),
            "x: 1\npurpose: y\n",
            2,
            1,
            msg!("unknown-key", key = "purpose"),
        )
        .with_help(msg!("rebuild-changed", file = "purposes"));
        let text = d.to_string();
        assert!(
            text.starts_with("error: a.yaml:2:1: unknown key `purpose`"),
            "{text}"
        );
        assert!(text.contains(" 2 | purpose: y\n   | ^\n"), "{text}");
        assert!(text.contains("  = help: changed purposes"), "{text}");
        // The same problem, as staff read it.
        let vi = d.render(Lang::Vi);
        assert!(vi.starts_with("lỗi: a.yaml:2:1: "), "{vi}");
        assert!(vi.contains("  = cách sửa: "), "{vi}");
        assert_eq!(d.code(), "unknown-key");
    }
}
