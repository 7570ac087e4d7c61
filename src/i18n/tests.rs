use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

use super::*;

/// The variables a pattern uses (`{ $name }`, selectors included).
fn variables(pattern: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        Expression::Inline(inline) => inline_variables(inline, out),
        Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for variant in variants {
                variables(&variant.value, out);
            }
        }
    }
}

fn inline_variables(inline: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_variables(a, out);
            }
            for a in &arguments.named {
                inline_variables(&a.value, out);
            }
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}

/// Message id → the variables it uses, for one catalogue text; panics on a
/// syntax error, naming the file.
fn messages(file: &str, lang: Lang, text: &str) -> BTreeMap<String, BTreeSet<String>> {
    let resource = match FluentResource::try_new(text.to_owned()) {
        Ok(r) => r,
        Err((_, errors)) => panic!("locales/{}/{file}: {errors:?}", lang.code()),
    };
    let mut out = BTreeMap::new();
    for entry in resource.entries() {
        if let Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            let value = m
                .value
                .as_ref()
                .unwrap_or_else(|| panic!("{}: {} has no text", lang.code(), m.id.name));
            variables(value, &mut vars);
            assert!(
                out.insert(m.id.name.to_owned(), vars).is_none(),
                "locales/{}/{file}: {} is defined twice",
                lang.code(),
                m.id.name
            );
        }
    }
    out
}

#[test]
fn both_languages_define_the_same_messages_with_the_same_arguments() {
    // An id defined in two files would be dropped from the second.
    let mut seen = BTreeMap::new();
    for (file, texts) in CATALOGUES {
        for id in messages(file, Lang::En, texts[1]).into_keys() {
            if let Some(other) = seen.insert(id.clone(), file) {
                panic!("{id} is defined in {other} and in {file}");
            }
        }
    }
    for (file, texts) in CATALOGUES {
        let vi = messages(file, Lang::Vi, texts[0]);
        let en = messages(file, Lang::En, texts[1]);
        let vi_ids: BTreeSet<_> = vi.keys().collect();
        let en_ids: BTreeSet<_> = en.keys().collect();
        assert_eq!(
            vi_ids.difference(&en_ids).collect::<Vec<_>>(),
            Vec::<&&String>::new(),
            "{file}: only in Vietnamese"
        );
        assert_eq!(
            en_ids.difference(&vi_ids).collect::<Vec<_>>(),
            Vec::<&&String>::new(),
            "{file}: only in English"
        );
        for (id, vars) in &vi {
            assert_eq!(
                vars, &en[id],
                "{file}: {id} uses other arguments in English"
            );
        }
    }
}

/// Every id the code says (`msg!("…"` or `Message::new("…"`) is in the
/// catalogue: a typo would show the bare id to staff.
#[test]
fn every_message_the_code_uses_is_in_the_catalogue() {
    let mut known = BTreeSet::new();
    for (file, texts) in CATALOGUES {
        known.extend(messages(file, Lang::En, texts[1]).into_keys());
    }
    let mut missing = Vec::new();
    let mut used = 0;
    for entry in walkdir::WalkDir::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "rs")
            || entry.path().ends_with("i18n/tests.rs")
        {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for opener in ["msg!(\"", "Message::new(\""] {
            for (at, _) in text.match_indices(opener) {
                let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
                if text[line_start..at].trim_start().starts_with("//") {
                    continue; // a doc comment's example
                }
                let rest = &text[at + opener.len()..];
                let id = &rest[..rest.find('"').unwrap()];
                if id.is_empty() || id.contains(' ') || id.contains('…') {
                    continue; // prose about the macro, not a use
                }
                used += 1;
                if !known.contains(id) {
                    missing.push(format!("{}: {id}", entry.path().display()));
                }
            }
        }
    }
    assert!(used > 0, "the scan found no message at all");
    assert!(missing.is_empty(), "not in the catalogue: {missing:#?}");
}

#[test]
fn messages_render_with_their_arguments_in_each_language() {
    let m = msg!("build-failed", errors = 3, warnings = 2);
    assert_eq!(
        m.render(Lang::Vi),
        "Có 3 lỗi (và 2 cảnh báo); chưa ghi gì ra thư mục kết quả. Hãy sửa rồi chạy lại lệnh build."
    );
    assert_eq!(
        m.render(Lang::En),
        "3 problems found (and 2 warnings); nothing was written. Fix them and build again."
    );
    let one = msg!("build-failed", errors = 1, warnings = 0);
    assert_eq!(
        one.render(Lang::En),
        "1 problem found; nothing was written. Fix it and build again."
    );
    // No Unicode isolation marks around the arguments.
    assert!(!m.render(Lang::Vi).contains('\u{2068}'));
    // An unknown id shows itself and its arguments, never nothing.
    let unknown = Message::new("no-such-id").arg("x", 1);
    assert_eq!(unknown.render(Lang::Vi), "no-such-id x=1");
}

#[test]
fn long_numbers_are_grouped_as_each_language_writes_them() {
    let m = msg!("too-many-posts", count = 20_001, max = 20_000);
    assert!(
        m.render(Lang::Vi).contains("20.001"),
        "{}",
        m.render(Lang::Vi)
    );
    assert!(
        m.render(Lang::En).contains("20,001"),
        "{}",
        m.render(Lang::En)
    );
    // Years and short counts stay as they are.
    let m = msg!(
        "build-done",
        pages = 1234,
        posts = 3,
        editions = 2,
        files = 7,
        millis = 2024
    );
    assert!(
        m.render(Lang::Vi).contains("1234 trang"),
        "{}",
        m.render(Lang::Vi)
    );
}

#[test]
fn the_environment_picks_english_only_when_it_says_english() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        }
    };
    assert_eq!(Lang::from_vars(env(&[])), Lang::Vi);
    assert_eq!(Lang::from_vars(env(&[("LANG", "en_US.UTF-8")])), Lang::En);
    assert_eq!(Lang::from_vars(env(&[("LANG", "C.UTF-8")])), Lang::Vi);
    assert_eq!(Lang::from_vars(env(&[("LANG", "POSIX")])), Lang::Vi);
    assert_eq!(Lang::from_vars(env(&[("LANG", "vi_VN.UTF-8")])), Lang::Vi);
    // LC_ALL wins over LANG; an empty one is skipped.
    assert_eq!(
        Lang::from_vars(env(&[("LC_ALL", "vi_VN"), ("LANG", "en_GB")])),
        Lang::Vi
    );
    assert_eq!(
        Lang::from_vars(env(&[
            ("LC_ALL", ""),
            ("LC_MESSAGES", "en"),
            ("LANG", "vi")
        ])),
        Lang::En
    );
    assert_eq!(Lang::parse("EN"), Some(Lang::En));
    assert_eq!(Lang::parse("fr_FR"), None);
}
