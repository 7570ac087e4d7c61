//! What is wrong with YAML that parsed but did not load into its type:
//! the tree is walked beside the type's JSON Schema (the one `campaign
//! schema` writes), so every problem is found at the node it concerns and
//! told in words, never in the loader's terms.

use serde_json::{Map, Value};

use super::Finding;
use super::tree::{Kind, Node, Pos, Style};
use crate::i18n::Message;
use crate::msg;

/// The schema of a value, resolved.
struct Want<'a> {
    /// The schema itself, `$ref`s followed.
    schema: &'a Value,
    /// An empty value is allowed (an `Option`).
    nullable: bool,
    /// A date ([`crate::dates::Day`]).
    day: bool,
}

pub(super) struct Checker<'a> {
    root: &'a Value,
}

/// What a plain scalar means to the loader.
#[derive(Debug, PartialEq)]
enum Plain {
    Null,
    Bool,
    Int(i128),
    Float,
    Text,
}

fn plain(text: &str) -> Plain {
    let t = text.trim();
    match t {
        "" | "~" | "null" | "Null" | "NULL" => return Plain::Null,
        "true" | "True" | "TRUE" | "false" | "False" | "FALSE" => return Plain::Bool,
        _ => {}
    }
    let (sign, digits) = match t.strip_prefix('-') {
        Some(d) => (-1, d),
        None => (1, t.strip_prefix('+').unwrap_or(t)),
    };
    let int = if let Some(hex) = digits.strip_prefix("0x") {
        i128::from_str_radix(hex, 16).ok()
    } else if let Some(oct) = digits.strip_prefix("0o") {
        i128::from_str_radix(oct, 8).ok()
    } else if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        digits.parse().ok()
    } else {
        None
    };
    if let Some(n) = int {
        return Plain::Int(sign * n);
    }
    if t.parse::<f64>().is_ok() && t.contains(|c: char| c.is_ascii_digit()) {
        return Plain::Float;
    }
    Plain::Text
}

/// A value's kind, as messages name it: `text`, `number`, `yes-no`,
/// `list`, `group`, `nothing`.
fn found(node: &Node) -> &'static str {
    match &node.kind {
        Kind::Seq(_) => "list",
        Kind::Map(_) => "group",
        Kind::Alias => "text",
        Kind::Scalar(s, Style::Plain) => match plain(s) {
            Plain::Null => "nothing",
            Plain::Bool => "yes-no",
            Plain::Int(_) | Plain::Float => "number",
            Plain::Text => "text",
        },
        Kind::Scalar(..) => "text",
    }
}

fn types(schema: &Value) -> Vec<&str> {
    match schema.get("type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// An example value of a key, for the fixes messages propose.
pub(super) fn example(key: &str) -> String {
    let value = match key {
        "title" => "\"Hải Phòng ban hành kế hoạch kỷ niệm\"",
        "date" | "from" | "deadline" => "\"25/3/2024\"",
        "to" => "\"31/3/2024\"",
        "theme" => "\"Công tác xã hội Việt Nam - Tiên phong, chuyên nghiệp và kết nối\"",
        "name" => "\"Phòng Bảo trợ xã hội\"",
        "base_url" => "\"https://ctxh.example.gov.vn/\"",
        "campaign" => "{ day: \"03-25\", first_year: 2017 }",
        "day" => "\"03-25\"",
        "first_year" => "2017",
        "current" => "2024",
        "news_per_page" => "10",
        "url" => "\"/tin-tuc/\"",
        "period" => "{ from: \"20/3/2024\", to: \"25/3/2024\" }",
        "report" => "{ deadline: \"14/4/2024\", contact: \"Phòng Bảo trợ xã hội\" }",
        "tags" => "[\"Hải Phòng\", \"Kế hoạch\"]",
        "draft" => "true",
        "menu" => "[{ title: \"Tin tức\", url: \"/tin-tuc/\" }]",
        "units" | "slogans" | "purposes" | "requirements" => "[\"...\"]",
        _ => "\"...\"",
    };
    format!("{key}: {value}")
}

impl<'a> Checker<'a> {
    pub(super) fn new(root: &'a Value) -> Self {
        Checker { root }
    }

    fn want(&self, schema: &'a Value) -> Want<'a> {
        let mut want = Want {
            schema,
            nullable: false,
            day: false,
        };
        for _ in 0..16 {
            let s = want.schema;
            if let Some(r) = s.get("$ref").and_then(Value::as_str) {
                let name = r.rsplit('/').next().unwrap_or("");
                want.day |= name == "Day";
                let defs = self
                    .root
                    .get("definitions")
                    .or_else(|| self.root.get("$defs"));
                match defs.and_then(|d| d.get(name)) {
                    Some(d) => want.schema = d,
                    None => break,
                }
            } else if let Some(Value::Array(all)) = s.get("allOf")
                && all.len() == 1
            {
                want.schema = &all[0];
            } else if let Some(Value::Array(any)) = s.get("anyOf").or_else(|| s.get("oneOf")) {
                want.nullable |= any.iter().any(|b| types(b) == ["null"]);
                match any.iter().find(|b| types(b) != ["null"]) {
                    Some(b) => want.schema = b,
                    None => break,
                }
            } else {
                break;
            }
        }
        want.nullable |= types(want.schema).contains(&"null");
        want
    }

    /// The first problem of the whole document.
    pub(super) fn document(&self, root: Option<&Node>) -> Option<Finding> {
        let want = self.want(self.root);
        match root {
            None => self.missing(&want, Pos { line: 1, col: 0 }, "", &[], &[]),
            Some(node) => self.value(node, &want, "", None, None, &[]),
        }
    }

    /// The first problem of `node`, the value of `key` (empty at the top),
    /// whose key is at `key_at`; `parent` is the group it is in.
    fn value(
        &self,
        node: &Node,
        want: &Want<'a>,
        key: &str,
        key_at: Option<Pos>,
        parent: Option<&'a Map<String, Value>>,
        siblings: &[(Node, Node)],
    ) -> Option<Finding> {
        let here = key_at.unwrap_or(node.start);
        if matches!(node.kind, Kind::Alias) {
            return None;
        }
        if let Kind::Scalar(s, Style::Plain) = &node.kind
            && plain(s) == Plain::Null
            && want.nullable
        {
            return None;
        }
        if want.day {
            return self.day(node, key, here);
        }
        let types = types(want.schema);
        let at = |m: Message, h: Option<Message>| Some(Finding::new(node.start, m, h));
        if types.contains(&"string") {
            return match &node.kind {
                Kind::Scalar(..) => None,
                _ => at(
                    msg!("text-expected", key = key, found = found(node)),
                    Some(msg!(
                        "text-expected-help",
                        key = key,
                        example = example(key)
                    )),
                ),
            };
        }
        if types.contains(&"integer") {
            let value = node.scalar().unwrap_or_default();
            let ok = match (&node.kind, plain(value)) {
                (Kind::Scalar(_, Style::Plain), Plain::Int(n)) => {
                    let format = want.schema.get("format").and_then(Value::as_str);
                    let range = match format {
                        Some("int16") => i128::from(i16::MIN)..=i128::from(i16::MAX),
                        Some("uint") | Some("uint64") => 0..=i128::from(u64::MAX),
                        _ => i128::from(i64::MIN)..=i128::from(i64::MAX),
                    };
                    if !range.contains(&n) {
                        return at(
                            msg!("number-out-of-range", key = key, value = value),
                            Some(msg!("number-help", example = example(key))),
                        );
                    }
                    true
                }
                _ => false,
            };
            return if ok {
                None
            } else {
                at(
                    msg!(
                        "not-a-number",
                        key = key,
                        value = value.trim(),
                        found = found(node)
                    ),
                    Some(msg!("number-help", example = example(key))),
                )
            };
        }
        if types.contains(&"boolean") {
            let ok = matches!(&node.kind, Kind::Scalar(s, Style::Plain) if plain(s) == Plain::Bool);
            return if ok {
                None
            } else {
                at(
                    msg!(
                        "not-yes-no",
                        key = key,
                        value = node.scalar().unwrap_or_default().trim()
                    ),
                    Some(msg!("not-yes-no-help", key = key)),
                )
            };
        }
        if types.contains(&"array") {
            let items = self.want(want.schema.get("items").unwrap_or(&Value::Null));
            return match &node.kind {
                Kind::Seq(list) => list
                    .iter()
                    .find_map(|item| self.value(item, &items, key, None, parent, &[])),
                Kind::Scalar(s, _) if plain(s) == Plain::Null => None,
                Kind::Scalar(s, _) => {
                    let parts: Vec<String> = s
                        .split([',', ';'])
                        .map(str::trim)
                        .filter(|p| !p.is_empty())
                        .map(|p| format!("\"{}\"", p.trim_matches(['"', '“', '”'])))
                        .collect();
                    at(
                        msg!("list-as-text", key = key),
                        Some(msg!(
                            "list-as-text-help",
                            example = format!("{key}: [{}]", parts.join(", "))
                        )),
                    )
                }
                _ => at(
                    msg!("list-expected", key = key),
                    Some(msg!("list-expected-help", example = example(key))),
                ),
            };
        }
        if types.contains(&"object") {
            return match &node.kind {
                Kind::Map(entries) => self.group(node, entries, want, key, parent, siblings),
                Kind::Scalar(s, Style::Plain) if plain(s) == Plain::Null => {
                    self.missing(want, here, key, &[], siblings)
                }
                _ => at(
                    msg!("group-expected", key = key, found = found(node)),
                    Some(msg!("group-expected-help", example = example(key))),
                ),
            };
        }
        None
    }

    /// A group of keys: repeated keys, unknown ones, then missing ones.
    fn group(
        &self,
        node: &Node,
        entries: &[(Node, Node)],
        want: &Want<'a>,
        key: &str,
        parent: Option<&'a Map<String, Value>>,
        siblings: &[(Node, Node)],
    ) -> Option<Finding> {
        let props = want.schema.get("properties").and_then(Value::as_object);
        let closed = want.schema.get("additionalProperties") == Some(&Value::Bool(false));
        for (i, (k, v)) in entries.iter().enumerate() {
            let name = k.scalar().unwrap_or_default();
            if let Some((first, _)) = entries[..i]
                .iter()
                .find(|(other, _)| other.scalar() == Some(name))
            {
                return Some(Finding::new(
                    k.start,
                    msg!("duplicate-key", key = name, line = first.start.line),
                    Some(msg!("duplicate-key-help", key = name)),
                ));
            }
            match props.and_then(|p| p.get(name)) {
                Some(schema) => {
                    let w = self.want(schema);
                    if let Some(f) = self.value(v, &w, name, Some(k.start), props, entries) {
                        return Some(f);
                    }
                }
                None if closed => return Some(self.unknown(k, name, &entries[..i], props, parent)),
                None => {}
            }
        }
        let present: Vec<&str> = entries.iter().filter_map(|(k, _)| k.scalar()).collect();
        self.missing(want, node.start, key, &present, siblings)
    }

    /// The first required key of a group that is not `present`; when the
    /// group's `siblings` hold it (written without indentation), that key
    /// is the mistake.
    fn missing(
        &self,
        want: &Want<'a>,
        at: Pos,
        within: &str,
        present: &[&str],
        siblings: &[(Node, Node)],
    ) -> Option<Finding> {
        let required = want.schema.get("required").and_then(Value::as_array)?;
        let missing = required
            .iter()
            .filter_map(Value::as_str)
            .find(|r| !present.contains(r))?;
        if let Some((k, _)) = siblings.iter().find(|(k, _)| k.scalar() == Some(missing)) {
            return Some(Finding::new(
                k.start,
                msg!("key-misplaced", key = missing, group = within),
                Some(match present.first() {
                    Some(s) => msg!("key-misplaced-help", key = missing, sibling = *s),
                    None => msg!("key-misplaced-alone-help", key = missing, group = within),
                }),
            ));
        }
        Some(Finding::new(
            at,
            msg!(
                "missing-key",
                key = missing,
                within = if within.is_empty() { "none" } else { within }
            ),
            Some(msg!("missing-key-help", example = example(missing))),
        ))
    }

    /// An unknown key: written under the wrong group (its indentation), or
    /// misspelt.
    fn unknown(
        &self,
        k: &Node,
        name: &str,
        before: &[(Node, Node)],
        props: Option<&'a Map<String, Value>>,
        parent: Option<&'a Map<String, Value>>,
    ) -> Finding {
        // A key of the group written just above it, less indented than
        // that group's keys.
        for (pk, pv) in before.iter().rev().take(1) {
            let pname = pk.scalar().unwrap_or_default();
            let Some(schema) = props.and_then(|p| p.get(pname)) else {
                continue;
            };
            let w = self.want(schema);
            let inner = match w.schema.get("items") {
                Some(items) => self.want(items).schema,
                None => w.schema,
            };
            let allows = inner
                .get("properties")
                .and_then(Value::as_object)
                .is_some_and(|p| p.contains_key(name));
            if allows {
                let sibling = match &pv.kind {
                    Kind::Map(e) => e.first().and_then(|(k, _)| k.scalar()),
                    Kind::Seq(items) => items.last().and_then(|i| match &i.kind {
                        Kind::Map(e) => e.first().and_then(|(k, _)| k.scalar()),
                        _ => None,
                    }),
                    _ => None,
                };
                return Finding::new(
                    k.start,
                    msg!("key-misplaced", key = name, group = pname),
                    Some(match sibling {
                        Some(s) => msg!("key-misplaced-help", key = name, sibling = s),
                        None => msg!("key-misplaced-alone-help", key = name, group = pname),
                    }),
                );
            }
        }
        if parent.is_some_and(|p| p.contains_key(name)) {
            return Finding::new(
                k.start,
                msg!("key-too-deep", key = name),
                Some(msg!("key-too-deep-help", key = name)),
            );
        }
        // Keys kept only to be checked (`year` of an edition) are not offered.
        let allowed: Vec<String> = props
            .map(|p| {
                p.iter()
                    .filter(|(_, v)| v.get("deprecated") != Some(&Value::Bool(true)))
                    .map(|(k, _)| k.clone())
                    .collect()
            })
            .unwrap_or_default();
        let help = if allowed.is_empty() {
            msg!("unknown-key-none-help")
        } else {
            let nearest = super::nearest(name, &allowed);
            msg!(
                "unknown-key-help",
                nearest = nearest.as_deref().unwrap_or("none"),
                allowed = allowed.join(", ")
            )
        };
        Finding::new(k.start, msg!("unknown-key", key = name), Some(help))
    }

    /// A date: written in one of the three forms, and a day that exists.
    fn day(&self, node: &Node, key: &str, here: Pos) -> Option<Finding> {
        // At the date's first digit, inside its quotes.
        let mut start = node.start;
        if matches!(node.kind, Kind::Scalar(_, Style::Quoted)) {
            start.col += 1;
        }
        let at = |m: Message, h: Message| Some(Finding::new(start, m, Some(h)));
        let Kind::Scalar(text, style) = &node.kind else {
            return at(
                msg!("text-expected", key = key, found = found(node)),
                msg!("text-expected-help", key = key, example = example(key)),
            );
        };
        let value = text.trim();
        if *style == Style::Plain && plain(value) == Plain::Null {
            return Some(Finding::new(
                here,
                msg!("value-missing", key = key),
                Some(msg!("value-missing-help", example = example(key))),
            ));
        }
        if crate::dates::parse_day(value).is_some() {
            return None;
        }
        if super::lex::curly(value) {
            let inner = value.trim_matches(['“', '”', '‘', '’', '„', '"']);
            return at(
                msg!("date-curly-quotes", value = value),
                msg!(
                    "date-curly-quotes-help",
                    example = format!("{key}: \"{inner}\"")
                ),
            );
        }
        let (m, h) = crate::dates::explain_bad_day(value);
        let help = match h {
            Some(example) => msg!("date-fix-help", example = format!("{key}: \"{example}\"")),
            None => msg!("date-format-help", key = key),
        };
        at(m, help)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_scalars_mean_what_the_loader_reads() {
        assert_eq!(plain("2017"), Plain::Int(2017));
        assert_eq!(plain("-3"), Plain::Int(-3));
        assert_eq!(plain("0x10"), Plain::Int(16));
        assert_eq!(plain("1.5"), Plain::Float);
        assert_eq!(plain(""), Plain::Null);
        assert_eq!(plain("True"), Plain::Bool);
        assert_eq!(plain("có"), Plain::Text);
        assert_eq!(plain("1_000"), Plain::Text);
    }
}
