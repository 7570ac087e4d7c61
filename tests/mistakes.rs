//! The mistakes staff make in site.yaml, edition.yaml, posts and pages:
//! each is reported at the line and column of the mistake itself, with
//! its stable code, in words without the loader's terms, and in
//! Vietnamese with a fix.

mod common;

use common::*;

/// How a row changes the fixture site.
enum Edit {
    /// Replace the first `from` in the fixture file by `to`.
    Replace(&'static str, &'static str, &'static str),
    /// Write the file with this content.
    Write(&'static str, &'static str),
}

/// A mistake: its name, the edit that makes it, then what `check` must
/// report: the file (under content/), line, column and code.
type Row = (&'static str, Edit, &'static str, u64, u64, &'static str);

const fn row(
    name: &'static str,
    edit: Edit,
    file: &'static str,
    line: u64,
    column: u64,
    code: &'static str,
) -> Row {
    (name, edit, file, line, column, code)
}

use Edit::{Replace, Write};

const SITE: &str = "site.yaml";
const EDITION: &str = "2024/edition.yaml";
const POST: &str = "2024/news/ke-hoach.md";
const PAGE: &str = "pages/gioi-thieu.md";

#[rustfmt::skip]
const ROWS: &[Row] = &[
    // site.yaml
    row("tab in site.yaml", Replace(SITE, "  day: \"03-25\"", "\tday: \"03-25\""), SITE, 8, 1, "yaml-tab"),
    row("key:value", Replace(SITE, "news_per_page: 2", "news_per_page:2"), SITE, 10, 14, "yaml-missing-space"),
    row("year in quotes", Replace(SITE, "first_year: 2017", "first_year: \"2017\""), SITE, 9, 15, "not-a-number"),
    row("key not indented under its group", Replace(SITE, "  first_year: 2017", "first_year: 2017"), SITE, 9, 1, "key-misplaced"),
    row("misspelt key", Replace(SITE, "theme: default", "them: default"), SITE, 6, 1, "unknown-key"),
    row("missing required key", Replace(SITE, "base_url: \"https://ctxh.example.gov.vn/\"\n", ""), SITE, 1, 1, "missing-key"),
    row("duplicate key", Replace(SITE, "news_per_page: 2\n", "news_per_page: 2\ntitle: \"Khác\"\n"), SITE, 11, 1, "duplicate-key"),
    row("address without https", Replace(SITE, "\"https://ctxh.example.gov.vn/\"", "\"ctxh.example.gov.vn\""), SITE, 3, 12, "base-url-invalid"),
    row("commented-out example above", Replace(SITE, "news_per_page: 2", "# news_per_page: 5\nnews_per_page: 0"), SITE, 11, 16, "news-per-page-zero"),
    row("curly quotes in site.yaml", Replace(SITE, "title: \"Ngày Công tác xã hội Việt Nam\"", "title: “Trang: Ngày Công tác xã hội”"), SITE, 1, 8, "yaml-curly-quotes"),
    // edition.yaml
    row("unclosed quote on theme", Replace(EDITION, "kết nối\"\n", "kết nối\n"), EDITION, 1, 8, "yaml-unclosed-quote"),
    row("curly quotes in a value", Replace(EDITION, "summary: \"Lần kỷ niệm thứ 8 của Ngày Công tác xã hội Việt Nam.\"", "summary: “Lần thứ 8: Ngày Công tác xã hội”"), EDITION, 5, 10, "yaml-curly-quotes"),
    row("curly quotes in a date", Replace(EDITION, "    date: \"25/3/2024\"", "    date: “25/3/2024”"), EDITION, 19, 11, "date-curly-quotes"),
    row("impossible date in the period", Replace(EDITION, "from: \"20/3/2024\", to", "from: \"30/2/2024\", to"), EDITION, 6, 18, "date-impossible"),
    row("list written as text", Replace(EDITION, "units: [\"Sở Y tế Hải Phòng\", \"Hội Liên hiệp Phụ nữ thành phố\"]", "units: Sở Y tế Hải Phòng"), EDITION, 17, 12, "list-as-text"),
    row("over-indented key", Replace(EDITION, "    from: \"20/3/2024\"", "      from: \"20/3/2024\""), EDITION, 14, 7, "yaml-indentation"),
    row("unit without its name", Replace(EDITION, "  - name: \"Hội Liên hiệp Phụ nữ thành phố\"\n    group", "  - group"), EDITION, 25, 5, "missing-key"),
    row("purpose for purposes", Replace(EDITION, "purposes:", "purpose:"), EDITION, 7, 1, "unknown-key"),
    row("duplicate key in a document", Replace(EDITION, "    file: \"kh-640.pdf\"", "    file: \"kh-640.pdf\"\n    date: \"22/3/2024\""), EDITION, 33, 5, "duplicate-key"),
    row("deadline in another year", Replace(EDITION, "deadline: \"14/4/2024\"", "deadline: \"14/4/2023\""), EDITION, 33, 22, "date-outside-edition"),
    row("key:value in a list item", Replace(EDITION, "    location: \"Hải Phòng\"", "    location:\"Hải Phòng\""), EDITION, 16, 13, "yaml-missing-space"),
    row("colon inside a plain value", Replace(EDITION, "summary: \"Lần kỷ niệm thứ 8 của Ngày Công tác xã hội Việt Nam.\"", "summary: Lần thứ 8: kỷ niệm"), EDITION, 5, 19, "yaml-colon-in-value"),
    row("a list where one text goes", Replace(EDITION, "theme: \"Công tác xã hội Việt Nam - Tiên phong, chuyên nghiệp và kết nối\"", "theme: [\"Công tác xã hội Việt Nam\"]"), EDITION, 1, 8, "text-expected"),
    row("tab in a list", Replace(EDITION, "  - \"Thương yêu", "\t- \"Thương yêu"), EDITION, 4, 1, "yaml-tab"),
    row("period not a group", Replace(EDITION, "period: { from: \"20/3/2024\", to: \"25/3/2024\" }", "period: 20/3/2024 - 25/3/2024"), EDITION, 6, 9, "group-expected"),
    row("date in the wrong order", Replace(EDITION, "    date: \"21/3/2024\"", "    date: \"3/21/2024\""), EDITION, 29, 12, "date-bad-month"),
    // news posts
    row("post without front matter", Write(POST, "Nội dung kế hoạch, không có phần đầu.\n"), POST, 1, 1, "front-matter-missing"),
    row("post without its opening ---", Write(POST, "title: \"Kế hoạch\"\ndate: \"22/3/2024\"\n---\nNội dung.\n"), POST, 1, 1, "front-matter-no-opening"),
    row("post without its closing ---", Write(POST, "---\ntitle: \"Kế hoạch\"\ndate: \"22/3/2024\"\nNội dung.\n"), POST, 1, 1, "front-matter-unclosed"),
    row("tags as a plain string", Replace(POST, "tags: [\"Hải Phòng\", \"Kế hoạch\"]", "tags: Hải Phòng, Kế hoạch"), POST, 5, 7, "list-as-text"),
    row("30 February", Replace(POST, "date: \"22/3/2024\"", "date: \"30/2/2025\""), POST, 3, 8, "date-impossible"),
    row("unclosed quote in a title", Replace(POST, "kỷ niệm\"\n", "kỷ niệm\n"), POST, 2, 8, "yaml-unclosed-quote"),
    row("draft as a word", Replace(POST, "author:", "draft: có\nauthor:"), POST, 6, 8, "not-yes-no"),
    row("date with dashes", Replace(POST, "date: \"22/3/2024\"", "date: \"22-3-2024\""), POST, 3, 8, "date-format"),
    row("post in the wrong year", Replace(POST, "date: \"22/3/2024\"", "date: \"22/3/2023\""), POST, 3, 8, "post-date-outside-year"),
    row("post without title", Replace(POST, "title: \"Hải Phòng ban hành kế hoạch kỷ niệm\"\n", ""), POST, 2, 1, "missing-key"),
    row("tag for tags", Replace(POST, "tags: [", "tag: ["), POST, 5, 1, "unknown-key"),
    row("curly quotes in a date of a post", Replace(POST, "date: \"22/3/2024\"", "date: “24/3/2024”"), POST, 3, 7, "date-curly-quotes"),
    // pages
    row("misspelt key in a page", Replace(PAGE, "title:", "tittle:"), PAGE, 2, 1, "unknown-key"),
    row("page without front matter", Write(PAGE, "Ngày 25/3 hằng năm.\n"), PAGE, 1, 1, "front-matter-missing"),
    row("curly quotes in a page title", Replace(PAGE, "title: \"Giới thiệu về Ngày Công tác xã hội\"", "title: “Giới thiệu: Ngày 25/3”"), PAGE, 2, 8, "yaml-curly-quotes"),
];

/// Words of the loader and its parsers that no message may use.
const LOADER_WORDS: &[&str] = &[
    "struct",
    "enum",
    "invalid type",
    "invalid value",
    "expected",
    "serde",
    "found character",
    "while parsing",
    "while scanning",
    "did not find",
    "mapping values",
    "sequence",
    "unit value",
];

/// The site with the row's edit made.
fn site_with(edit: &Edit) -> TestDir {
    let t = site();
    match edit {
        Replace(file, from, to) => {
            let rel = format!("content/{file}");
            let text = read(&t.path, &rel);
            assert!(text.contains(from), "`{from}` is not in {file}");
            t.write(&rel, text.replacen(from, to, 1));
        }
        Write(file, content) => t.write(&format!("content/{file}"), content),
    }
    t
}

fn records(t: &TestDir, lang: &[&str]) -> Vec<serde_json::Value> {
    let mut args = vec!["check", "--format", "json"];
    args.extend_from_slice(lang);
    let run = t.run(&args);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    run.stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

/// The first error reported in `file`.
fn first_error<'a>(records: &'a [serde_json::Value], file: &str) -> Option<&'a serde_json::Value> {
    records
        .iter()
        .find(|r| r["file"] == format!("content/{file}") && r["severity"] == "error")
}

#[test]
fn every_mistake_is_reported_where_it_is_with_its_code() {
    assert!(ROWS.len() >= 25);
    let mut failures = Vec::new();
    for (name, edit, file, line, column, code) in ROWS {
        let t = site_with(edit);
        let records = records(&t, &[]);
        let Some(r) = first_error(&records, file) else {
            failures.push(format!("{name}: no error in {file}: {records:?}"));
            continue;
        };
        let got = (
            r["line"].as_u64().unwrap_or(0),
            r["column"].as_u64().unwrap_or(0),
            r["code"].as_str().unwrap_or(""),
        );
        if got != (*line, *column, *code) {
            failures.push(format!(
                "{name}: expected {line}:{column} {code}, got {}:{} {} ({} / {})",
                got.0, got.1, got.2, r["message"], r["help"]
            ));
        }
        for r in &records {
            for field in ["message", "help"] {
                let text = r[field].as_str().unwrap_or("");
                for word in LOADER_WORDS {
                    if text.to_lowercase().contains(word) {
                        failures.push(format!("{name}: {field} says `{word}`: {text}"));
                    }
                }
            }
        }
        assert!(
            r["source_line"].is_string() || *line == 0,
            "{name}: no source line"
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// In Vietnamese (the default for staff), the message and its fix say the
/// key phrase of the mistake.
#[test]
fn vietnamese_messages_explain_the_fix() {
    let cases: &[(&str, &str)] = &[
        ("tab in site.yaml", "phím Tab"),
        ("30 February", "tháng 2 năm 2025 chỉ có 28 ngày"),
        (
            "tags as a plain string",
            "tags: [\"Hải Phòng\", \"Kế hoạch\"]",
        ),
        ("unclosed quote in a title", "không đóng lại"),
        ("curly quotes in a date", "ngoặc kép cong"),
        ("key:value", "news_per_page: 2"),
        ("post without its opening ---", "---"),
        ("purpose for purposes", "có phải bạn muốn viết `purposes`?"),
        ("unit without its name", "name: \"Phòng Bảo trợ xã hội\""),
    ];
    for (name, phrase) in cases {
        let (_, edit, file, ..) = ROWS.iter().find(|r| r.0 == *name).expect("a row");
        let t = site_with(edit);
        let records = records(&t, &["--lang", "vi"]);
        let r = first_error(&records, file).expect("an error");
        let text = format!(
            "{} {}",
            r["message"].as_str().unwrap_or(""),
            r["help"].as_str().unwrap_or("")
        );
        assert!(text.contains(phrase), "{name}: `{phrase}` not in {text}");
    }
}

/// A date that does not exist is never answered with the very form it was
/// written in as the fix.
#[test]
fn a_wrong_date_is_not_answered_with_itself() {
    for (written, fix) in [
        ("30/2/2025", "28/2/2025"),
        ("31/4/2024", "30/4/2024"),
        ("22-3-2024", "22/3/2024"),
        ("3/22/2024", "22/3/2024"),
    ] {
        let t = site_with(&Replace(
            POST,
            "\"22/3/2024\"",
            Box::leak(format!("\"{written}\"").into_boxed_str()),
        ));
        let records = records(&t, &[]);
        let r = first_error(&records, POST).expect("an error");
        let help = r["help"].as_str().unwrap_or("");
        assert!(help.contains(fix), "{written}: {help}");
        assert!(!help.contains(written), "{written}: {help}");
    }
}
