//! Property test: no input makes the loader panic. Arbitrary bytes and
//! YAML/Markdown-shaped fragments are written as a news post and as an
//! `edition.yaml` of a small site and loaded with the library API; the pure
//! parsers (front matter split, `yaml::parse`) get the same text. Each
//! returns Ok or Err, and a panic fails the test. (The fuzz target `load`
//! in fuzz/ does the same for longer: docs/fuzzing.md.)

use std::path::{Path, PathBuf};

use campaign::content::{self, LoadOptions, frontmatter};
use proptest::prelude::*;

const SITE_YAML: &str = "title: \"Ngày Công tác xã hội Việt Nam\"\nbase_url: \"https://ctxh.example.gov.vn/\"\ncampaign:\n  day: \"03-25\"\n  first_year: 2017\n";

/// A content folder for this test process, removed at the end.
struct Site(PathBuf);

impl Site {
    fn new() -> Site {
        let dir = std::env::temp_dir().join(format!("campaign-prop-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("2024/news")).unwrap();
        std::fs::create_dir_all(dir.join("2024/files")).unwrap();
        std::fs::write(dir.join("site.yaml"), SITE_YAML).unwrap();
        std::fs::write(dir.join("2024/files/kh-45.pdf"), b"%PDF-1.4\n").unwrap();
        Site(dir)
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Pieces that make YAML and Markdown parsers work hard.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("---\n".to_owned()),
        Just("...\n".to_owned()),
        Just("title: \"Tin\"\n".to_owned()),
        Just("date: \"22/3/2024\"\n".to_owned()),
        Just("date: 2024-02-30\n".to_owned()),
        Just("theme: \"Chủ đề\"\n".to_owned()),
        Just("tags: [\"Hải Phòng\", \"\"]\n".to_owned()),
        Just("image: ../files/kh-45.pdf\n".to_owned()),
        Just("image: ../../../etc/passwd\n".to_owned()),
        Just("slug: \"--\"\n".to_owned()),
        Just("draft: true\n".to_owned()),
        Just("period: { from: \"25/3/2024\", to: \"1/1/2024\" }\n".to_owned()),
        Just("activities:\n  - title: a\n    date: \"25/3/2024\"\n    units: [x]\n".to_owned()),
        Just("units:\n  - name: x\n    tasks: \"[a](../files/kh-45.pdf)\"\n".to_owned()),
        Just("documents:\n  - number: 1\n    date: \"1/1/2024\"\n    issuer: a\n    title: b\n    file: kh-45.pdf\n".to_owned()),
        Just("report: { deadline: \"31/3/2024\", contact: x }\n".to_owned()),
        Just("year: 2023\nedition: 99\n".to_owned()),
        Just("a: &a [x, x, x]\nb: &b [*a, *a, *a]\n".to_owned()),
        Just("*a\n".to_owned()),
        Just("&a ".to_owned()),
        Just("!!binary aGVsbG8=\n".to_owned()),
        Just("!tag x\n".to_owned()),
        Just("? complex\n: key\n".to_owned()),
        Just("<<: *a\n".to_owned()),
        Just("|\n  block\n".to_owned()),
        Just(">-\n  folded\n".to_owned()),
        Just("\t".to_owned()),
        Just("  ".to_owned()),
        Just("- ".to_owned()),
        Just("[".to_owned()),
        Just("]".to_owned()),
        Just("{".to_owned()),
        Just("}".to_owned()),
        Just("\"".to_owned()),
        Just("'".to_owned()),
        Just(": ".to_owned()),
        Just("# ".to_owned()),
        Just("\r\n".to_owned()),
        Just("\u{feff}".to_owned()),
        Just("\u{0}".to_owned()),
        Just("e\u{301}\u{302}".to_owned()),
        Just("[liên kết](<Tin tức.md>)".to_owned()),
        Just("![](../files/kh-45.pdf)".to_owned()),
        Just("[x](C:\\x)".to_owned()),
        Just("[x]: /2024/\n".to_owned()),
        Just("> ".to_owned()),
        Just("| a | b |\n|---|---|\n".to_owned()),
        Just("[^1]\n\n[^1]: chú thích\n".to_owned()),
        Just("<script>alert(1)</script>".to_owned()),
        Just("```\n".to_owned()),
        "[a-zA-Z0-9 àảãáạăằẳẵắặâầẩẫấậđèẻẽéẹêềểễếệ:#&*!|>%@`,.\\-\\[\\]{}\"'\n]{0,40}",
    ]
}

fn text() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        // Arbitrary bytes, invalid UTF-8 included.
        2 => proptest::collection::vec(any::<u8>(), 0..512),
        // Arbitrary text.
        2 => any::<String>().prop_map(String::into_bytes),
        // Shaped like the real thing.
        6 => proptest::collection::vec(fragment(), 0..40).prop_map(|v| v.concat().into_bytes()),
    ]
}

fn check_pure(text: &str) {
    if let Ok(split) = frontmatter::split(text) {
        assert!(split.yaml.start <= split.yaml.end && split.yaml.end <= split.body);
        assert!(split.body <= text.len() && text.is_char_boundary(split.body));
        let _ = campaign::yaml::parse::<serde_json::Value>(
            Path::new("a.md"),
            text,
            split.yaml.start,
            split.yaml.end,
        );
    }
    let _ = content::parse_post_text("2024/news/tin.md", text);
    let _ = content::parse_edition_text("2024/edition.yaml", text);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn the_loader_never_panics(post in text(), edition in text(), as_edition_too in any::<bool>()) {
        let site = Site::new();
        let edition = if as_edition_too { post.clone() } else { edition };
        check_pure(&String::from_utf8_lossy(&post));
        check_pure(&String::from_utf8_lossy(&edition));
        std::fs::write(site.0.join("2024/news/tin.md"), &post).unwrap();
        std::fs::write(site.0.join("2024/edition.yaml"), &edition).unwrap();
        let _ = content::load(&site.0, &LoadOptions::default());
        let _ = content::load(&site.0, &LoadOptions { drafts: true, ..LoadOptions::default() });
        // As `build` loads: bodies rendered with their pages.
        let deferred = LoadOptions { defer_bodies: true, ..LoadOptions::default() };
        if let Ok(site) = content::load(&site.0, &deferred) {
            for post in site.editions.iter().flat_map(|e| &e.posts) {
                if let campaign::content::model::Body::Deferred(body) = &post.body {
                    let _ = body.render();
                }
            }
        }
    }
}
