//! `campaign build`: problems in the content are reported with file, line
//! and column, all in one run, with the right exit code and never a panic.

mod common;

use common::*;

/// Builds the fixture site with `files` replaced; expects exit code 1 and
/// returns stderr. Also checks that nothing was written.
#[track_caller]
fn fails_with(files: &[(&str, &str)]) -> String {
    let t = site();
    for (rel, content) in files {
        t.write(rel, content);
    }
    let err = t.build(&[]).assert_fails(1).to_owned();
    assert!(err.starts_with("error: "), "{err}");
    assert!(
        !t.join("public").exists(),
        "a failed build wrote public/:\n{err}"
    );
    err
}

#[test]
fn an_unknown_key_names_file_line_column_and_the_nearest_key() {
    let err = fails_with(&[(
        "content/2024/edition.yaml",
        &EDITION_2024.replace("purposes:", "purpose:"),
    )]);
    // `purposes:` is on line 7 of EDITION_2024.
    assert!(err.contains("content/2024/edition.yaml:7:1"), "{err}");
    assert!(err.contains("unknown key `purpose`"), "{err}");
    assert!(err.contains("did you mean `purposes`"), "{err}");
    assert!(err.contains(" 7 | purpose:"), "quotes the line: {err}");
    assert!(err.contains("1 problem found"), "{err}");
}

#[test]
fn unknown_keys_are_caught_everywhere() {
    let err = fails_with(&[(
        "content/site.yaml",
        &SITE_YAML.replace("news_per_page:", "news_per_pages:"),
    )]);
    assert!(err.contains("content/site.yaml:10:1"), "{err}");
    assert!(err.contains("did you mean `news_per_page`"), "{err}");

    let err = fails_with(&[(
        "content/2024/edition.yaml",
        &EDITION_2024.replace("    location: \"Hải Phòng\"", "    locaton: \"Hải Phòng\""),
    )]);
    assert!(err.contains("content/2024/edition.yaml:16:5"), "{err}");
    assert!(err.contains("did you mean `location`"), "{err}");

    let err = fails_with(&[(
        "content/pages/gioi-thieu.md",
        "---\ntittle: \"Giới thiệu\"\n---\nNội dung.\n",
    )]);
    assert!(err.contains("content/pages/gioi-thieu.md:2:1"), "{err}");
    assert!(err.contains("did you mean `title`"), "{err}");
}

#[test]
fn front_matter_errors_count_lines_from_the_top_of_the_file() {
    let err = fails_with(&[(
        "content/2024/news/ke-hoach.md",
        "---\ntitle: \"Kế hoạch\"\ndate: \"22/3/2024\"\nsummary: \"Tóm tắt\"\ntag: [\"Hải Phòng\"]\n---\nNội dung.\n",
    )]);
    assert!(err.contains("content/2024/news/ke-hoach.md:5:1"), "{err}");
    assert!(err.contains("unknown key `tag`"), "{err}");
    assert!(err.contains("did you mean `tags`"), "{err}");

    // A syntax error deep in the front matter.
    let err = fails_with(&[(
        "content/2024/news/ke-hoach.md",
        "---\ntitle: \"Kế hoạch\"\ndate: \"22/3/2024\"\n\n\ntags: [\"Hải Phòng\"\n---\nNội dung.\n",
    )]);
    assert!(
        err.contains("content/2024/news/ke-hoach.md:6:")
            || err.contains("content/2024/news/ke-hoach.md:7:"),
        "{err}"
    );
}

#[test]
fn every_problem_of_the_site_is_reported_in_one_run() {
    let err = fails_with(&[
        (
            "content/2024/edition.yaml",
            &EDITION_2024.replace("purposes:", "purpose:"),
        ),
        (
            "content/2023/news/chu-de-2023.md",
            &post("Chủ đề năm 2023", "31/2/2023", "", "x"),
        ),
        (
            "content/pages/gioi-thieu.md",
            "---\ntitle: \"Giới thiệu\"\n---\nXem [tin](../2024/news/khong-co.md).\n",
        ),
        (
            "content/2024/news/cong-van.md",
            "---\ndate: \"21/3/2024\"\n---\nKhông có tiêu đề.\n",
        ),
        (
            "content/2024/news/nhac-han.md",
            &post(
                "Nhắc hạn",
                "1/4/2024",
                "",
                "Xem [tệp](../files/khong-co.pdf).",
            ),
        ),
    ]);
    for place in [
        "content/2024/edition.yaml:7:1",
        "content/2023/news/chu-de-2023.md:3:",
        "content/pages/gioi-thieu.md:4:11",
        "content/2024/news/cong-van.md:2:1",
        "content/2024/news/nhac-han.md:5:",
    ] {
        assert!(err.contains(place), "{place} not reported in:\n{err}");
    }
    assert!(err.contains("the required key `title` is missing"), "{err}");
    // The posts of 2024 are checked although its edition.yaml is broken.
    assert!(err.contains("../files/khong-co.pdf"), "{err}");
    assert!(err.contains("5 problems found"), "{err}");
}

#[test]
fn derived_values_that_disagree_are_errors() {
    let err = fails_with(&[(
        "content/2024/edition.yaml",
        &format!("year: 2024\nedition: 9\ndate: \"25/3/2024\"\n{EDITION_2024}"),
    )]);
    assert!(err.contains("content/2024/edition.yaml:2:10"), "{err}");
    assert!(err.contains("edition: 9"), "{err}");
    assert!(err.contains("lần thứ 8"), "{err}");
    assert!(
        err.contains("1 problem found"),
        "agreeing values are fine: {err}"
    );

    let err = fails_with(&[(
        "content/2024/edition.yaml",
        &format!("year: 2023\n{EDITION_2024}"),
    )]);
    assert!(err.contains("content/2024/edition.yaml:1:7"), "{err}");
    assert!(err.contains("2023"), "{err}");
}

#[test]
fn dates_of_an_edition_must_fall_in_its_year() {
    let err = fails_with(&[(
        "content/2024/edition.yaml",
        &EDITION_2024
            .replace("date: \"25/3/2024\"", "date: \"2023-03-25\"")
            .replace("date: \"21/3/2024\"", "date: \"21/03/2025\"")
            .replace("deadline: \"14/4/2024\"", "deadline: \"14/4/2025\""),
    )]);
    // The activity (line 19), the document dated after the edition (line
    // 29), the report deadline (line 33).
    for place in [
        "content/2024/edition.yaml:19:12",
        "content/2024/edition.yaml:29:12",
        "content/2024/edition.yaml:33:22",
    ] {
        assert!(err.contains(place), "{place} not reported in:\n{err}");
    }
    assert!(err.contains("3 problems found"), "{err}");

    // A document cited may be older than the edition (Decision 1791 is from 2016).
    let t = site();
    t.write(
        "content/2024/edition.yaml",
        EDITION_2024.replace("date: \"21/3/2024\"", "date: \"15/9/2016\""),
    );
    t.build_ok();
}

#[test]
fn usage_errors_exit_with_2_and_content_errors_with_1() {
    let t = site();
    for args in [
        &["build", "--frobnicate"][..],
        &["build", "--output"],
        &["frobnicate"],
        &[],
    ] {
        let run = t.run(args);
        assert_eq!(run.code, 2, "campaign {args:?}: {run:?}");
        assert!(!run.stderr.is_empty(), "campaign {args:?} says nothing");
    }
    assert!(!t.join("public").exists());
    assert_eq!(t.run(&["--help"]).code, 0);
    assert_eq!(t.run(&["build", "--help"]).code, 0);

    // A content error is 1.
    let t = site();
    t.write(
        "content/2024/edition.yaml",
        EDITION_2024.replace("purposes:", "purpose:"),
    );
    t.build(&[]).assert_fails(1);
    // So is a missing content folder.
    let err = t
        .build(&["--source", "khong-co"])
        .assert_fails(1)
        .to_owned();
    assert!(err.contains("khong-co"), "{err}");
}

#[test]
fn unclosed_front_matter_is_an_error_not_a_panic() {
    let err = fails_with(&[(
        "content/2024/news/ke-hoach.md",
        "---\ntitle: \"Kế hoạch\"\ndate: \"22/3/2024\"\nNội dung không có dòng kết thúc.\n",
    )]);
    assert!(err.contains("content/2024/news/ke-hoach.md:1:1"), "{err}");
    assert!(err.contains("never ends"), "{err}");
    let err = fails_with(&[("content/2024/news/ke-hoach.md", "---")]);
    assert!(err.contains("never ends"), "{err}");
}

#[test]
fn malformed_content_never_panics() {
    let nested = format!("theme: {}{}\n", "[".repeat(5000), "]".repeat(5000));
    let laughs = "a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n\
                  b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n\
                  c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n\
                  d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n\
                  e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n\
                  f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n\
                  g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n\
                  theme: [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n";
    let cases: Vec<(&str, &str, String)> = vec![
        ("empty post", "content/2024/news/ke-hoach.md", String::new()),
        (
            "only dashes",
            "content/2024/news/ke-hoach.md",
            "---\n---\n".into(),
        ),
        (
            "title is a list",
            "content/2024/news/ke-hoach.md",
            "---\ntitle: [a, b]\ndate: \"22/3/2024\"\n---\n".into(),
        ),
        (
            "tags is text",
            "content/2024/news/ke-hoach.md",
            "---\ntitle: a\ndate: \"22/3/2024\"\ntags: Hải Phòng\n---\n".into(),
        ),
        (
            "draft is text",
            "content/2024/news/ke-hoach.md",
            "---\ntitle: a\ndate: \"22/3/2024\"\ndraft: có\n---\n".into(),
        ),
        (
            "29 February 2023",
            "content/2023/news/chu-de-2023.md",
            "---\ntitle: a\ndate: \"29/2/2023\"\n---\n".into(),
        ),
        (
            "empty tag",
            "content/2024/news/ke-hoach.md",
            "---\ntitle: a\ndate: \"22/3/2024\"\ntags: [\"\", \"!!\"]\n---\n".into(),
        ),
        (
            "slug with no letters",
            "content/2024/news/ke-hoach.md",
            "---\ntitle: a\ndate: \"22/3/2024\"\nslug: \"--\"\n---\n".into(),
        ),
        (
            "file name with no letters",
            "content/2024/news/---.md",
            "---\ntitle: a\ndate: \"22/3/2024\"\n---\n".into(),
        ),
        (
            "missing image",
            "content/2024/news/ke-hoach.md",
            "---\ntitle: a\ndate: \"22/3/2024\"\nimage: ../files/khong-co.jpg\n---\n".into(),
        ),
        (
            "link above the content folder",
            "content/2024/news/ke-hoach.md",
            "---\ntitle: a\ndate: \"22/3/2024\"\n---\n[x](../../../../etc/passwd)\n".into(),
        ),
        (
            "front matter in index.md",
            "content/2024/index.md",
            "---\ntitle: a\n---\nx\n".into(),
        ),
        ("empty edition", "content/2024/edition.yaml", String::new()),
        (
            "edition is a list",
            "content/2024/edition.yaml",
            "- a\n- b\n".into(),
        ),
        (
            "edition syntax error",
            "content/2024/edition.yaml",
            "theme: [\n".into(),
        ),
        (
            "edition tab indent",
            "content/2024/edition.yaml",
            "theme: a\npurposes:\n\t- b\n".into(),
        ),
        (
            "duplicate key",
            "content/2024/edition.yaml",
            format!("{EDITION_2024}theme: \"lần hai\"\n"),
        ),
        ("deep nesting", "content/2024/edition.yaml", nested),
        ("billion laughs", "content/2024/edition.yaml", laughs.into()),
        (
            "activity to before from",
            "content/2024/edition.yaml",
            "theme: a\nactivities:\n  - title: b\n    from: \"25/3/2024\"\n    to: \"20/3/2024\"\n"
                .into(),
        ),
        (
            "activity to without from",
            "content/2024/edition.yaml",
            "theme: a\nactivities:\n  - title: b\n    to: \"20/3/2024\"\n".into(),
        ),
        (
            "document both file and url",
            "content/2024/edition.yaml",
            "theme: a\ndocuments:\n  - title: b\n    file: kh-640.pdf\n    url: https://a.vn/\n"
                .into(),
        ),
        (
            "attachment missing",
            "content/2024/edition.yaml",
            "theme: a\ndocuments:\n  - title: b\n    file: ../../site.yaml\n".into(),
        ),
        (
            "empty theme",
            "content/2024/edition.yaml",
            "theme: \"  \"\n".into(),
        ),
        ("empty site.yaml", "content/site.yaml", String::new()),
        (
            "site.yaml is text",
            "content/site.yaml",
            "chỉ là chữ\n".into(),
        ),
        (
            "news_per_page zero",
            "content/site.yaml",
            SITE_YAML.replace("news_per_page: 2", "news_per_page: 0"),
        ),
        (
            "news_per_page negative",
            "content/site.yaml",
            SITE_YAML.replace("news_per_page: 2", "news_per_page: -1"),
        ),
        (
            "bad base_url",
            "content/site.yaml",
            SITE_YAML.replace("https://ctxh.example.gov.vn/", "ctxh.example.gov.vn"),
        ),
        (
            "bad campaign day",
            "content/site.yaml",
            SITE_YAML.replace("\"03-25\"", "\"02-30\""),
        ),
        (
            "first year out of range",
            "content/site.yaml",
            SITE_YAML.replace("2017", "20170"),
        ),
        (
            "year before the first",
            "content/site.yaml",
            SITE_YAML.replace("2017", "2024"),
        ),
        (
            "theme path",
            "content/site.yaml",
            SITE_YAML.replace("theme: default", "theme: ../.."),
        ),
        (
            "year without edition",
            "content/2025/news/a.md",
            "---\ntitle: a\ndate: \"1/1/2025\"\n---\n".into(),
        ),
        (
            "file outside the layout",
            "content/news/a.md",
            "---\ntitle: a\n---\n".into(),
        ),
        (
            "page on a reserved address",
            "content/pages/tin-tuc.md",
            "---\ntitle: a\n---\n".into(),
        ),
        (
            "page with a numeric name",
            "content/pages/2024.md",
            "---\ntitle: a\n---\n".into(),
        ),
    ];
    for (what, rel, content) in &cases {
        let t = site();
        t.write(rel, content);
        let run = t.build(&[]);
        assert_eq!(run.code, 1, "{what}: {run:?}");
        assert!(!run.stderr.contains("panicked"), "{what}: {}", run.stderr);
        assert!(run.stderr.starts_with("error: "), "{what}: {}", run.stderr);
        assert!(
            run.stderr.contains("problem"),
            "{what}: no summary line:\n{}",
            run.stderr
        );
        assert!(!t.join("public").exists(), "{what}: wrote public/");
    }
}

#[test]
fn two_file_names_differing_only_in_unicode_form_are_an_error() {
    use unicode_normalization::UnicodeNormalization;
    let t = site();
    let nfd: String = "Tin tức mới".nfd().collect();
    t.write(
        "content/2024/news/Tin tức mới.md",
        post("NFC", "23/3/2024", "", "x"),
    );
    t.write(
        &format!("content/2024/news/{nfd}.md"),
        post("NFD", "23/3/2024", "", "x"),
    );
    let err = t.build(&[]).assert_fails(1).to_owned();
    assert!(err.contains("Tin tức mới.md"), "{err}");
    assert!(err.contains("same name"), "{err}");
}

#[test]
fn a_bad_value_in_a_flow_mapping_is_reported_at_the_value() {
    let err = fails_with(&[(
        "content/site.yaml",
        &SITE_YAML.replace(
            "campaign:\n  day: \"03-25\"\n  first_year: 2017\n",
            "campaign: { day: \"13-40\", first_year: 2017 }\n",
        ),
    )]);
    assert!(err.contains("content/site.yaml:7:19"), "{err}");
    assert!(err.contains("13-40"), "{err}");
}

/// `build` renders post bodies with their pages (so that a site's bodies
/// are never all in memory): a problem found only there is still reported
/// at its line and column, with everything else wrong, and nothing is
/// written.
#[test]
fn problems_in_post_bodies_are_reported_when_their_pages_are_rendered() {
    let body_only = fails_with(&[(
        "content/2024/news/nhac-han.md",
        "---\ntitle: \"Nhắc hạn\"\ndate: \"20/3/2024\"\n---\n\nXem [mất](khong-co.md).\n",
    )]);
    assert!(
        body_only
            .contains("content/2024/news/nhac-han.md:6:11: the link `khong-co.md` leads nowhere"),
        "{body_only}"
    );
    assert!(body_only.contains("1 problem found"), "{body_only}");
    // With a problem in another file's front matter as well: both, in one run.
    let both = fails_with(&[
        (
            "content/2024/news/nhac-han.md",
            "---\ntitle: \"Nhắc hạn\"\ndate: \"20/3/2024\"\n---\n\nXem [mất](khong-co.md).\n",
        ),
        (
            "content/2024/news/cong-van.md",
            "---\ntitle: \"Công văn\"\ndate: \"32/3/2024\"\n---\nNội dung.\n",
        ),
    ]);
    assert!(both.contains("khong-co.md"), "{both}");
    assert!(both.contains("content/2024/news/cong-van.md:3:"), "{both}");
}

#[test]
fn warnings_in_post_bodies_are_shown_and_the_build_goes_on() {
    let t = site();
    t.write(
        "content/2024/news/nhac-han.md",
        "---\ntitle: \"Nhắc hạn\"\ndate: \"20/3/2024\"\n---\n\n![](../files/kh-640.pdf)\n",
    );
    // And a body pasted in decomposed form (NFD).
    t.write(
        "content/2024/news/cong-van.md",
        "---\ntitle: \"Công văn\"\ndate: \"20/3/2024\"\n---\n\nHa\u{309}i Pho\u{300}ng.\n",
    );
    let run = t.build_ok();
    assert!(
        run.stderr.contains(
            "warning: content/2024/news/nhac-han.md:6:1: this image has no alternative text"
        ),
        "{}",
        run.stderr
    );
    assert!(t.has("2024/tin-tuc/nhac-han/index.html"));
    // Each warning once, though `build` reads posts twice.
    assert_eq!(
        run.stderr.matches("no alternative text").count(),
        1,
        "{}",
        run.stderr
    );
    assert_eq!(
        run.stderr.matches("decomposed form").count(),
        1,
        "{}",
        run.stderr
    );
    assert!(
        t.out("2024/tin-tuc/cong-van/index.html")
            .contains("Hải Phòng")
    );
}

#[test]
fn menu_links_to_scripts_or_local_files_are_refused() {
    let yaml = SITE_YAML.replace(
        "url: \"https://www.molisa.gov.vn/\"",
        "url: \"javascript:alert(1)\"",
    ) + "  - { title: \"Tệp\", url: \"C:\\\\Users\\\\ctxh\\\\ke-hoach.docx\" }\n";
    let err = fails_with(&[("content/site.yaml", &yaml)]);
    // Each at its place.
    assert!(err.contains("content/site.yaml:16:33"), "{err}");
    assert!(err.contains("links may not run scripts"), "{err}");
    assert!(err.contains("content/site.yaml:17:27"), "{err}");
    assert!(err.contains("a path on a computer"), "{err}");
}
