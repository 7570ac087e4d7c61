//! `campaign check`: every problem of the site, errors and warnings, in one
//! run, as text or JSON Lines, with the right exit code and nothing written.

mod common;

use common::*;
use unicode_normalization::UnicodeNormalization;

/// Runs `campaign check <extra>` and asserts that nothing in the folder changed.
#[track_caller]
fn check(t: &TestDir, extra: &[&str]) -> Run {
    let before = snapshot(&t.path);
    let mut args = vec!["check"];
    args.extend_from_slice(extra);
    let run = t.run(&args);
    assert!(
        !run.stderr.contains("panicked"),
        "the binary panicked:\n{}",
        run.stderr
    );
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        snapshot(&t.path).keys().collect::<Vec<_>>(),
        "check changed the folder"
    );
    assert!(!t.join("public").exists(), "check wrote public/");
    run
}

/// The JSON records of a `--format json` run, one per line.
#[track_caller]
fn records(run: &Run) -> Vec<serde_json::Value> {
    run.stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

#[test]
fn a_clean_site_passes_and_nothing_is_written() {
    let t = site();
    let run = check(&t, &[]);
    run.assert_ok();
    assert!(run.stdout.contains("No problems found"), "{}", run.stdout);
    assert!(!run.stdout.contains("warning"), "{}", run.stdout);
    // JSON: no records at all.
    let run = check(&t, &["--format", "json", "--strict"]);
    run.assert_ok();
    assert!(run.stdout.trim().is_empty(), "{}", run.stdout);
}

#[test]
fn errors_in_several_files_are_all_listed() {
    let t = site();
    t.write(
        "content/2024/edition.yaml",
        EDITION_2024.replace("purposes:", "purpose:"),
    );
    t.write(
        "content/2024/news/ke-hoach.md",
        "---\ntitle: \"Kế hoạch\"\ndate: \"22/3/2024\"\ntag: [\"Hải Phòng\"]\n---\nNội dung.\n",
    );
    t.write(
        "content/2023/news/chu-de-2023.md",
        post("Chủ đề", "20/3/2024", "", "Xem [tin](khong-co.md)."),
    );
    let run = check(&t, &[]);
    run.assert_fails(1);
    let out = &run.stdout;
    assert!(
        out.contains("error: content/2024/edition.yaml:7:1: unknown key `purpose`"),
        "{out}"
    );
    assert!(out.contains("did you mean `purposes`?"), "{out}");
    assert!(
        out.contains("error: content/2024/news/ke-hoach.md:4:1: unknown key `tag`"),
        "{out}"
    );
    assert!(out.contains("did you mean `tags`?"), "{out}");
    // A post dated outside its edition's year stays an error.
    assert!(
        out.contains("error: content/2023/news/chu-de-2023.md:3:8: the post is dated 20/3/2024"),
        "{out}"
    );
    assert!(
        out.contains(
            "error: content/2023/news/chu-de-2023.md:5:11: the link `khong-co.md` leads nowhere"
        ),
        "{out}"
    );
    assert!(out.contains("4 errors in content."), "{out}");
}

#[test]
fn json_records_have_every_field() {
    let t = site();
    t.write(
        "content/2024/edition.yaml",
        EDITION_2024.replace("purposes:", "purpose:"),
    );
    t.write(
        "content/2024/news/anh.md",
        post(
            "Ảnh lễ kỷ niệm",
            "25/3/2024",
            "",
            "Ảnh:\n\n![](../files/kh-640.pdf)",
        ),
    );
    let run = check(&t, &["--format", "json"]);
    run.assert_fails(1);
    let records = records(&run);
    assert_eq!(records.len(), 2, "{}", run.stdout);
    // Sorted by file: the edition (error) before the news post (warning).
    let error = &records[0];
    assert_eq!(error["file"], "content/2024/edition.yaml");
    assert_eq!(error["line"], 7);
    assert_eq!(error["column"], 1);
    assert_eq!(error["severity"], "error");
    assert_eq!(error["message"], "unknown key `purpose`");
    assert!(
        error["help"]
            .as_str()
            .unwrap()
            .contains("did you mean `purposes`?")
    );
    assert_eq!(error["source_line"], "purpose:");
    let warning = &records[1];
    assert_eq!(warning["file"], "content/2024/news/anh.md");
    assert_eq!(
        (warning["line"].as_i64(), warning["column"].as_i64()),
        (Some(7), Some(1))
    );
    assert_eq!(warning["severity"], "warning");
    assert!(
        warning["message"]
            .as_str()
            .unwrap()
            .contains("no alternative text")
    );
    assert_eq!(warning["source_line"], "![](../files/kh-640.pdf)");
    // The summary goes to stderr, so stdout is only records.
    assert!(
        run.stderr.contains("1 error and 1 warning"),
        "{}",
        run.stderr
    );
}

#[test]
fn warnings_alone_pass_unless_strict() {
    let t = site();
    let nfd: String = "Nội dung bài viết về Hải Phòng.".nfd().collect();
    t.write(
        "content/2024/news/anh.md",
        post(
            "Ảnh lễ kỷ niệm",
            "25/3/2024",
            "",
            &format!("Mở đầu.\n\n![](../files/kh-640.pdf)\n\n{nfd}\n\n{nfd}"),
        ),
    );
    let run = check(&t, &[]);
    run.assert_ok();
    let out = &run.stdout;
    assert!(
        out.contains("warning: content/2024/news/anh.md:7:1: this image has no alternative text"),
        "{out}"
    );
    // The text was decomposed: one warning for the file, at its first spot
    // (line 9, the `ộ` of `Nội`).
    assert!(out.contains("warning: content/2024/news/anh.md:9:2: this file has Vietnamese letters in decomposed form"), "{out}");
    assert_eq!(out.matches("decomposed form").count(), 1, "{out}");
    assert!(
        out.contains("2 warnings in content; the site builds"),
        "{out}"
    );
    assert!(!out.contains("error"), "{out}");

    let run = check(&t, &["--strict"]);
    run.assert_fails(1);
    assert!(run.stdout.contains("--strict"), "{}", run.stdout);

    // `build` shows the warnings too, and succeeds.
    let run = t.build(&[]);
    run.assert_ok();
    assert!(
        run.stderr.contains("warning: content/2024/news/anh.md:7:1"),
        "{}",
        run.stderr
    );
    assert!(t.has("2024/tin-tuc/anh/index.html"));
}

#[test]
fn a_broken_theme_is_reported_without_writing() {
    let t = site();
    t.write(
        "themes/default/templates/post.html",
        "{{ post.missing.field }}",
    );
    let run = check(&t, &[]);
    run.assert_fails(1);
    assert!(
        run.stdout.contains("the theme failed to render this page"),
        "{}",
        run.stdout
    );
}

#[test]
fn usage_errors_exit_with_2() {
    let t = site();
    t.run(&["check", "--format", "xml"]).assert_fails(2);
}
