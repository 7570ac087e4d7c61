//! YAML parsing with positions. The only module that names `serde_yaml`, so
//! the YAML library can be swapped here alone.
//!
//! `serde_yaml` loads the typed values. When it refuses a file, the file
//! is read again, only then, by a second parser that reports event marks
//! (`saphyr-parser`, see [`tree`]) and by a line scanner that knows
//! comments and quotes ([`lex`]); the tree is checked beside the type's
//! JSON Schema ([`check`]). So every problem is found at the line and
//! column of the mistake itself, and told as a catalogue message with a
//! fix, never in the loader's words. Checks made after loading (a date in
//! the wrong year) find their value the same way, through [`locate`].

mod check;
mod lex;
pub(crate) mod tree;

use std::path::Path;

use schemars::JsonSchema;
use serde::de::DeserializeOwned;

use crate::diagnostics::Diagnostic;
use crate::i18n::Message;
use crate::msg;
use tree::{Broken, Kind, Node, Pos, Seg};

/// A problem found in YAML: where (in the YAML's own lines, 1-based line,
/// 0-based column), what, and the fix.
pub(crate) struct Finding {
    at: Pos,
    message: Message,
    help: Option<Message>,
}

impl Finding {
    fn new(at: Pos, message: Message, help: Option<Message>) -> Self {
        Finding { at, message, help }
    }
}

/// Parses the YAML that starts at byte `start` of `file_text` (the whole
/// file, so that positions count from the top of the file). `start` is at
/// the start of a line.
pub fn parse<T: DeserializeOwned + JsonSchema>(
    file: &Path,
    file_text: &str,
    start: usize,
    end: usize,
) -> Result<T, Diagnostic> {
    let yaml = &file_text[start..end];
    let is_blank = yaml
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'));
    let result = if is_blank {
        serde_yaml::from_str::<T>("{}")
    } else {
        serde_yaml::from_str::<T>(yaml)
    };
    result.map_err(|err| {
        let serde_at = err.location().map(|l| Pos {
            line: l.line(),
            col: l.column().saturating_sub(1),
        });
        let schema = schemars::generate::SchemaSettings::draft07()
            .into_generator()
            .into_root_schema_for::<T>()
            .to_value();
        let found = explain(yaml, &schema, serde_at);
        let first_line = file_text[..start].matches('\n').count() + 1;
        let d = Diagnostic::at(
            file,
            file_text,
            found.at.line + first_line - 1,
            found.at.col + 1,
            found.message,
        );
        match found.help {
            Some(h) => d.with_help(h),
            None => d,
        }
    })
}

/// What is wrong with `yaml`, which the loader refused (at `serde_at`, if
/// it said where), checked against `schema`.
fn explain(yaml: &str, schema: &serde_json::Value, serde_at: Option<Pos>) -> Finding {
    let scan = lex::scan(yaml);
    if let Some(at) = scan.tab() {
        return Finding::new(at, msg!("yaml-tab"), Some(msg!("yaml-tab-help")));
    }
    let root = match tree::build(yaml) {
        Err(Broken::TooDeep(at)) => {
            return Finding::new(at, msg!("yaml-too-deep"), Some(msg!("yaml-too-deep-help")));
        }
        Err(Broken::Syntax(at)) => {
            // The parser's own limit on brackets, deeper than ours.
            if let Some(open) = scan.line(at.line).and_then(|l| too_deep(l.text)) {
                let at = Pos {
                    line: at.line,
                    col: open,
                };
                return Finding::new(at, msg!("yaml-too-deep"), Some(msg!("yaml-too-deep-help")));
            }
            return syntax(&scan, at);
        }
        Ok(root) => root,
    };
    if let Some(node) = &root
        && !matches!(node.kind, Kind::Map(_))
    {
        if let Some(f) = missing_space(&scan, yaml.lines().count()) {
            return f;
        }
        return Finding::new(
            node.start,
            msg!("yaml-not-keys"),
            Some(msg!("yaml-not-keys-help")),
        );
    }
    if let Some(f) = check::Checker::new(schema).document(root.as_ref()) {
        return f;
    }
    if let Some(alias) = root.as_ref().and_then(first_alias) {
        return Finding::new(alias, msg!("yaml-alias"), Some(msg!("yaml-alias-help")));
    }
    // The two parsers differ on a few rules: say where the loader stopped.
    syntax(&scan, serde_at.unwrap_or(Pos { line: 1, col: 0 }))
}

/// The column of the first bracket of a line that opens more than
/// [`tree::MAX_DEPTH`] of them.
fn too_deep(line: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut first = None;
    for (col, c) in line.chars().enumerate() {
        match c {
            '[' | '{' => {
                first = first.or(Some(col));
                depth += 1;
                if depth > tree::MAX_DEPTH {
                    return first;
                }
            }
            ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// Whether `node` is a text in quotes: a value is pointed at after its
/// opening quote, at its first letter.
fn quoted(node: &Node) -> bool {
    matches!(node.kind, Kind::Scalar(_, tree::Style::Quoted))
}

fn first_alias(node: &Node) -> Option<Pos> {
    match &node.kind {
        Kind::Alias => Some(node.start),
        Kind::Seq(items) => items.iter().find_map(first_alias),
        Kind::Map(entries) => entries
            .iter()
            .find_map(|(k, v)| first_alias(k).or_else(|| first_alias(v))),
        Kind::Scalar(..) => None,
    }
}

fn missing_space(scan: &lex::Scan, upto: usize) -> Option<Finding> {
    let (at, key, value) = scan.missing_space(upto)?;
    Some(Finding::new(
        at,
        msg!("yaml-missing-space", key = key),
        Some(msg!(
            "yaml-missing-space-help",
            example = format!("{key}: {value}")
        )),
    ))
}

/// A file that is not valid YAML, where the parser stopped at `at`: the
/// mistake people make that explains it, else the place.
fn syntax(scan: &lex::Scan, at: Pos) -> Finding {
    if let Some(q) = scan.open_quote(at.line)
        && (q.close.is_none_or(|c| c.line + 1 >= at.line) || q.open == at)
    {
        let line = scan.line(q.open.line);
        let key = line.and_then(|l| l.key()).unwrap_or("title");
        return Finding::new(
            q.open,
            msg!("yaml-unclosed-quote"),
            Some(msg!(
                "yaml-unclosed-quote-help",
                example = check::example(key)
            )),
        );
    }
    let line = scan
        .line(at.line)
        .filter(|l| l.content)
        .or_else(|| scan.previous(at.line));
    if let Some(l) = line {
        // A value typed with Word's quotes: “Hải Phòng: kế hoạch”.
        let value_at = match l.colon {
            Some(c) => c + 1 + (l.text[c + 1..].len() - l.text[c + 1..].trim_start().len()),
            None => l.first,
        };
        let value = &l.text[value_at.min(l.text.len())..];
        if lex::curly(value) {
            let inner = value
                .trim()
                .trim_matches(['“', '”', '‘', '’', '„'])
                .replace('"', "\\\"");
            let example = match l.key() {
                Some(k) => format!("{k}: \"{inner}\""),
                None => format!("- \"{inner}\""),
            };
            return Finding::new(
                Pos {
                    line: l.no,
                    col: l.col(value_at),
                },
                msg!("yaml-curly-quotes"),
                Some(msg!("yaml-curly-quotes-help", example = example)),
            );
        }
    }
    if let Some(f) = missing_space(scan, at.line) {
        return f;
    }
    if let Some(l) = line {
        // `title: Hải Phòng: kế hoạch`: a second `: ` in a value.
        if let (Some(colon), Some(key)) = (l.colon, l.key())
            && l.no == at.line
            && at.col > l.col(colon)
        {
            let value = l.value();
            return Finding::new(
                at,
                msg!("yaml-colon-in-value", key = key),
                Some(msg!(
                    "yaml-colon-in-value-help",
                    example = format!("{key}: \"{}\"", value.replace('"', "\\\""))
                )),
            );
        }
        if let Some(above) = scan.previous(l.no)
            && above.indent() != l.indent()
        {
            return Finding::new(
                Pos {
                    line: l.no,
                    col: l.indent(),
                },
                msg!(
                    "yaml-indentation",
                    found = l.indent(),
                    above = above.indent()
                ),
                Some(msg!("yaml-indentation-help")),
            );
        }
    }
    Finding::new(at, msg!("yaml-syntax"), Some(msg!("yaml-syntax-help")))
}

/// Where the value at `path` (or its key, with `key`) is written in
/// `yaml`, a YAML text from the top of its file: 1-based line and column.
/// `None` when the text does not hold it (or is not valid YAML).
pub(crate) fn locate(yaml: &str, path: &[Seg], key: bool) -> Option<(usize, usize)> {
    let root = tree::build(yaml).ok()??;
    let (k, v) = root.find(path)?;
    let node = if key { k.unwrap_or(v) } else { v };
    Some((
        node.start.line,
        node.start.col + 1 + usize::from(quoted(node)),
    ))
}

/// Where `needle` is written inside the value at `path`: the byte offset
/// in `yaml`, searched only within that value's own lines.
pub(crate) fn locate_in(yaml: &str, path: &[Seg], needle: &str) -> Option<usize> {
    let root = tree::build(yaml).ok()??;
    let (_, v) = root.find(path)?;
    let from = tree::offset(yaml, v.start);
    let to = tree::offset(yaml, v.end).max(from);
    let found = yaml[from..to].find(needle).filter(|_| !needle.is_empty())?;
    Some(from + found)
}

/// Where the first key `key` is written in `yaml`, at any depth (comments
/// and text skipped): 1-based line and column.
pub(crate) fn key_position(yaml: &str, key: &str) -> Option<(usize, usize)> {
    let root = tree::build(yaml).ok()??;
    let k = root.first_key(key)?;
    Some((k.start.line, k.start.col + 1))
}

/// The allowed key closest to a misspelt one, if any is close enough.
pub(crate) fn nearest(key: &str, allowed: &[String]) -> Option<String> {
    allowed
        .iter()
        .map(|k| (strsim::damerau_levenshtein(key, k), k))
        .filter(|(d, k)| {
            // Close enough to be a typo, but not a guess from one or two letters.
            let typed = key.chars().count();
            let close = *d <= 2.max(k.chars().count() / 3) && *d < typed;
            let prefix = typed >= 3 && (k.starts_with(key) || key.starts_with(k.as_str()));
            close || prefix
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, schemars::JsonSchema)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct T {
        theme: String,
        #[serde(default)]
        purposes: Vec<String>,
    }

    fn err(text: &str, start: usize) -> Diagnostic {
        parse::<T>(Path::new("f.md"), text, start, text.len()).unwrap_err()
    }

    #[test]
    fn unknown_key_suggests_the_nearest() {
        let d = err("theme: a\npurpose:\n  - x\n", 0);
        assert_eq!((d.line, d.column), (2, 1));
        assert!(
            d.message.to_string().contains("unknown key `purpose`"),
            "{}",
            d.message
        );
        assert!(
            d.help
                .unwrap()
                .to_string()
                .contains("did you mean `purposes`?")
        );
    }

    #[test]
    fn suggestions_need_a_likeness() {
        let keys: Vec<String> = ["theme", "date", "activities", "to"]
            .map(String::from)
            .to_vec();
        assert_eq!(nearest("them", &keys).as_deref(), Some("theme"));
        assert_eq!(nearest("activity", &keys).as_deref(), Some("activities"));
        assert_eq!(nearest("a", &keys), None);
        assert_eq!(nearest("zzzzzz", &keys), None);
    }

    #[test]
    fn positions_count_from_the_top_of_the_file() {
        let text = "---\ntheme: a\npurpos: [x]\n---\nbody";
        let d = parse::<T>(Path::new("f.md"), text, 4, 24).unwrap_err();
        assert_eq!((d.line, d.column), (3, 1));
    }

    #[test]
    fn duplicate_key_points_at_the_second() {
        let d = err("theme: a\npurposes: []\ntheme: b\n", 0);
        assert_eq!((d.line, d.column), (3, 1));
        assert!(d.message.to_string().contains("written twice"));
    }

    #[test]
    fn missing_key_and_syntax_errors_are_described() {
        assert!(
            err("purposes: []\n", 0)
                .message
                .to_string()
                .contains("required key `theme`")
        );
        let d = err("theme: [a\n", 0);
        assert!(
            d.line >= 1 && d.message.to_string().contains("not valid YAML")
                || d.message.to_string().contains("wrong kind"),
            "{}",
            d.message
        );
    }
}
