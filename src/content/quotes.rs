//! Titles and tags wrapped in curly quotes (`title: “Lễ kỷ niệm”`): Word
//! and phones type “ ” where YAML needs straight quotes, and YAML then
//! takes the curly ones for part of the text. They would be published with
//! the quotes and, for a tag, rename it on every page (tags that fold to one
//! address are one tag, shown under the name met first).

use super::source::{Seg, SourceFile};
use crate::diagnostics::Diagnostic;
use crate::msg;

/// Opening and closing quotes that wrap a value by mistake.
const PAIRS: [(char, char); 5] = [('“', '”'), ('‘', '’'), ('„', '“'), ('«', '»'), ('”', '”')];

/// The text inside, when `value` is wrapped in one pair of curly quotes
/// (`“Hải Phòng”`), and only then: `“Lá lành” và “lá rách”` quotes two
/// things on purpose.
pub(crate) fn unwrapped(value: &str) -> Option<&str> {
    let v = value.trim();
    PAIRS.iter().find_map(|&(open, close)| {
        let inner = v.strip_prefix(open)?.strip_suffix(close)?;
        (!inner.trim().is_empty() && !inner.contains([open, close])).then_some(inner)
    })
}

/// Warnings for a `title` and `tags` in curly quotes, at the values.
pub(crate) fn check(src: &SourceFile, title: &str, tags: &[String], errors: &mut Vec<Diagnostic>) {
    let values = std::iter::once(("title", title)).chain(tags.iter().map(|t| ("tags", t.as_str())));
    for (key, value) in values {
        let Some(inner) = unwrapped(value) else {
            continue;
        };
        let value = value.trim();
        let (message, help) = if key == "title" {
            (
                msg!("title-in-curly-quotes", title = value),
                msg!("title-in-curly-quotes-help", inner = inner),
            )
        } else {
            (
                msg!("tag-in-curly-quotes", tag = value),
                msg!("tag-in-curly-quotes-help", inner = inner),
            )
        };
        errors.push(
            src.at_in(&[Seg::Key(key)], value, message)
                .with_help(help)
                .warning(),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_value_wrapped_in_one_pair() {
        assert_eq!(unwrapped("“Hải Phòng”"), Some("Hải Phòng"));
        assert_eq!(unwrapped(" ‘Kế hoạch’ "), Some("Kế hoạch"));
        assert_eq!(unwrapped("„Tin”"), None);
        assert_eq!(unwrapped("„Tin“"), Some("Tin"));
        assert_eq!(unwrapped("Phát huy “Lá lành đùm lá rách”"), None);
        assert_eq!(unwrapped("“Lá lành” và “lá rách”"), None);
        assert_eq!(unwrapped("“”"), None);
        assert_eq!(unwrapped("Hải Phòng"), None);
    }
}
