//! YAML parsing with positions. The only module that names `serde_yaml`, so
//! the YAML library can be swapped here alone.
//!
//! `serde_yaml` reports most errors with a line and column, but not all:
//! duplicate keys and missing top-level keys come without a useful place,
//! and errors raised while converting a value (a bad date) point at the
//! enclosing mapping. This module finds the real spot in the text, shifts
//! it by where the YAML starts inside its file (front matter), and words
//! the message for a non-programmer.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::diagnostics::{Diagnostic, line_column};

/// Parses the YAML that starts at byte `start` of `file_text` (the whole
/// file, so that positions count from the top of the file).
pub fn parse<T: DeserializeOwned>(
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
    result.map_err(|err| describe(file, file_text, start, yaml, &err))
}

fn describe(
    file: &Path,
    file_text: &str,
    start: usize,
    yaml: &str,
    err: &serde_yaml::Error,
) -> Diagnostic {
    let full = err.to_string();
    // Drop serde_yaml's own " at line L column C": we print the position ourselves.
    let message = match full.rfind(" at line ") {
        Some(i) => full[..i].to_owned(),
        None => full.clone(),
    };
    // Offset of the reported spot inside the YAML text.
    let mut offset = err
        .location()
        .map(|l| l.index().min(yaml.len()))
        .unwrap_or(0);
    let (path, detail) = match message.split_once(": ") {
        Some((p, d)) if !p.contains(' ') => (Some(p.to_owned()), d.to_owned()),
        _ => (None, message.clone()),
    };
    let place = path
        .as_deref()
        .map(|p| format!(" (in `{p}`)"))
        .unwrap_or_default();
    let (text, help) = if let Some(key) = between(&detail, "unknown field `", "`") {
        let allowed = allowed_keys(&detail);
        let mut help = String::new();
        if let Some(best) = nearest(&key, &allowed) {
            help.push_str(&format!("did you mean `{best}`? "));
        }
        if allowed.is_empty() {
            help.push_str("no keys are allowed here; remove this line");
        } else {
            help.push_str(&format!(
                "the keys allowed here are: {}",
                allowed.join(", ")
            ));
        }
        (format!("unknown key `{key}`{place}"), help)
    } else if let Some(key) = between(&detail, "missing field `", "`") {
        (
            format!("the required key `{key}` is missing{place}"),
            format!("add a line `{key}: ...` here"),
        )
    } else if let Some(key) = between(&detail, "duplicate field `", "`") {
        if let Some(at) = find_duplicate_key(yaml, &key) {
            offset = at;
        }
        (
            format!("the key `{key}` is written twice{place}"),
            "each key may appear once: keep one and delete the other".to_owned(),
        )
    } else if detail.contains("invalid type") || detail.contains("invalid value") {
        (
            format!(
                "wrong kind of value{place}: {}",
                friendly_type_error(&detail)
            ),
            "check the indentation and the value; put text containing `: ` or `#` in quotes"
                .to_owned(),
        )
    } else if detail.contains("recursion limit") || detail.contains("repetition limit") {
        (
            format!("the YAML is nested or repeated too deeply{place}"),
            "remove the deep nesting or the anchors (&) and aliases (*)".to_owned(),
        )
    } else if let Some(value) = between(&detail, "`", "`") {
        // A value rejected while converting it (a date, say): the position
        // given is the enclosing mapping; point at the value itself.
        if let Some(found) = yaml[offset..].find(value.as_str()) {
            offset += found;
        }
        (format!("{detail}{place}"), String::new())
    } else {
        (
            format!("this is not valid YAML: {detail}"),
            "check the indentation, the colons after keys, and quotes around text".to_owned(),
        )
    };
    // Position in the whole file.
    let (line, column) = line_column(yaml, offset);
    let first_line = line_column(file_text, start).0;
    let line = line + first_line - 1;
    let d = Diagnostic::at(file, file_text, line, column, text);
    if help.is_empty() {
        d
    } else {
        d.with_help(help)
    }
}

fn between(text: &str, open: &str, close: &str) -> Option<String> {
    let from = text.find(open)? + open.len();
    let len = text[from..].find(close)?;
    Some(text[from..from + len].to_owned())
}

/// The keys serde lists after "expected one of" / "expected".
fn allowed_keys(detail: &str) -> Vec<String> {
    let Some(i) = detail.find("expected") else {
        return Vec::new();
    };
    detail[i..]
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
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

fn friendly_type_error(detail: &str) -> String {
    detail
        .replace("invalid type: ", "found ")
        .replace("sequence", "a list")
        .replace("map", "a group of keys")
        .replace("a string", "text")
        .replace("unit value", "nothing")
}

/// Byte offset of the second occurrence of `key:` at the indentation of its
/// first occurrence, for duplicate-key errors that carry no position.
fn find_duplicate_key(yaml: &str, key: &str) -> Option<usize> {
    let mut first_indent = None;
    let mut offset = 0;
    for line in yaml.split_inclusive('\n') {
        let trimmed = line.trim_start_matches([' ', '-']);
        let indent = line.len() - trimmed.len();
        let bare = trimmed.trim_start_matches(['"', '\'']);
        if let Some(rest) = bare.strip_prefix(key) {
            let rest = rest.trim_start_matches(['"', '\'']);
            if rest.starts_with(':') {
                match first_indent {
                    None => first_indent = Some(indent),
                    Some(i) if i == indent => return Some(offset + indent),
                    Some(_) => {}
                }
            }
        }
        offset += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
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
