//! `campaign new edition` and `campaign new post`: a new year from the
//! latest one, a dated and slugged post; neither ever overwrites a file.

mod common;

use std::fs;

use common::*;

/// 1-based number of the first line of `text` starting with `prefix`.
#[track_caller]
fn line_of(text: &str, prefix: &str) -> usize {
    text.lines()
        .position(|l| l.starts_with(prefix))
        .unwrap_or_else(|| panic!("no line starting with `{prefix}` in:\n{text}"))
        + 1
}

/// A new post's text with its body (the placeholder lines) written.
fn written(text: &str) -> String {
    let body = text.splitn(3, "---\n").nth(2).expect("front matter");
    text.replace(body, "Viết xong.\n")
}

#[test]
fn a_new_edition_is_guided_by_check_until_it_builds() {
    let t = site();
    let run = t.run(&["new", "edition", "2025"]);
    run.assert_ok();
    assert!(
        run.stdout.contains("content/2025/edition.yaml"),
        "{}",
        run.stdout
    );
    assert!(t.join("content/2025/news").is_dir());
    assert!(t.join("content/2025/news/.gitkeep").is_file());

    let yaml = read(&t.path, "content/2025/edition.yaml");
    // The derived values, in the comment at the top.
    assert!(yaml.starts_with('#'), "{yaml}");
    assert!(
        yaml.contains("lần thứ 9") && yaml.contains("25/3/2025"),
        "{yaml}"
    );
    // Units, purposes and requirements of 2024 carried over, as YAML.
    assert!(
        yaml.contains("\nunits:\n") && yaml.contains("Sở Y tế Hải Phòng"),
        "{yaml}"
    );
    assert!(yaml.contains("Tuyên truyền trong ngành y tế."), "{yaml}");
    assert!(
        yaml.contains("\npurposes:\n") && yaml.contains("**nhân văn**"),
        "{yaml}"
    );
    assert!(yaml.contains("\nrequirements:\n"), "{yaml}");
    // The year's own sections only as commented examples.
    for key in [
        "activities:",
        "documents:",
        "report:",
        "period:",
        "slogans:",
    ] {
        assert!(!yaml.contains(&format!("\n{key}")), "{key} copied:\n{yaml}");
        assert!(
            yaml.contains(&format!("# {key}")),
            "no example of {key}:\n{yaml}"
        );
    }
    assert!(
        !yaml.contains("640/UBND") && !yaml.contains("Treo băng rôn"),
        "{yaml}"
    );

    // check (and build) report the placeholder theme at its line.
    let theme_line = line_of(&yaml, "theme:");
    let run = t.run(&["check"]);
    run.assert_fails(1);
    let at = format!(
        "error: content/2025/edition.yaml:{theme_line}:9: the theme is still the placeholder; write the year's theme"
    );
    assert!(run.stdout.contains(&at), "{}", run.stdout);
    assert!(t.build(&[]).assert_fails(1).contains(&at));
    assert!(!t.join("public").exists());

    // The 2024 purpose linking to a 2024 post, relative to 2024/, leads
    // nowhere from 2025/: check says so at its line.
    assert!(
        run.stdout
            .contains("the link `news/ke-hoach.md` leads nowhere"),
        "{}",
        run.stdout
    );

    // Filled in, the year builds and its page says lần thứ 9.
    let filled = yaml
        .replace(
            "CẦN ĐIỀN: chủ đề năm 2025",
            "Công tác xã hội Việt Nam - Thử nghiệm năm 2025",
        )
        .replace("(news/ke-hoach.md)", "(../2024/news/ke-hoach.md)");
    t.write("content/2025/edition.yaml", &filled);
    t.run(&["check", "--strict"]).assert_ok();
    t.build_ok();
    let page = t.out("2025/index.html");
    assert!(page.contains("lần thứ 9"), "{page}");
    assert!(page.contains("Thử nghiệm năm 2025"), "{page}");
    assert!(page.contains("Sở Y tế Hải Phòng"), "{page}");
}

#[test]
fn new_edition_never_overwrites() {
    let t = site();
    let before = fs::read(t.join("content/2024/edition.yaml")).unwrap();
    let err = t
        .run(&["new", "edition", "2024"])
        .assert_fails(1)
        .to_owned();
    assert!(
        err.contains("content/2024/edition.yaml already exists"),
        "{err}"
    );
    assert_eq!(
        fs::read(t.join("content/2024/edition.yaml")).unwrap(),
        before
    );

    t.run(&["new", "edition", "2025"]).assert_ok();
    t.write("content/2025/edition.yaml", "theme: \"Đã sửa\"\n");
    let err = t
        .run(&["new", "edition", "2025"])
        .assert_fails(1)
        .to_owned();
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(
        read(&t.path, "content/2025/edition.yaml"),
        "theme: \"Đã sửa\"\n"
    );

    // Before the first edition, and not a year at all.
    let err = t
        .run(&["new", "edition", "2016"])
        .assert_fails(1)
        .to_owned();
    assert!(err.contains("before the first edition"), "{err}");
    assert!(!t.join("content/2016").exists());
    t.run(&["new", "edition", "hai-nghìn"]).assert_fails(2);
}

#[test]
fn a_new_post_is_dated_slugged_and_builds() {
    let t = site();
    // No --year: the latest edition (2024); today is 20/3/2024.
    let run = t.run(&["new", "post", "Tiêu đề bài viết"]);
    run.assert_ok();
    assert!(
        run.stdout.contains("content/2024/news/tieu-de-bai-viet.md"),
        "{}",
        run.stdout
    );
    // Its address, as a reader would type it after the site's domain.
    assert!(
        run.stdout.contains(" (/2024/tin-tuc/tieu-de-bai-viet/)"),
        "{}",
        run.stdout
    );
    let text = read(&t.path, "content/2024/news/tieu-de-bai-viet.md");
    assert!(
        text.starts_with(
            "---\ntitle: \"Tiêu đề bài viết\"\ndate: \"20/3/2024\"\nsummary: \"\"\ntags: []\n---\n"
        ),
        "{text}"
    );
    // Its placeholder text is an error until the post is written.
    let run = t.run(&["check", "--format", "json"]);
    run.assert_fails(1);
    let codes: Vec<&str> = run
        .stdout
        .lines()
        .map(|l| {
            if l.contains("\"code\":\"placeholder-left\"") {
                "placeholder-left"
            } else {
                l
            }
        })
        .collect();
    assert_eq!(codes, ["placeholder-left"; 2], "{}", run.stdout);
    let text = written(&text);
    t.write("content/2024/news/tieu-de-bai-viet.md", &text);
    t.run(&["check", "--strict"]).assert_ok();
    t.build_ok();
    let page = t.out("2024/tin-tuc/tieu-de-bai-viet/index.html");
    assert!(page.contains("Tiêu đề bài viết"), "{page}");

    // Never overwritten.
    t.write(
        "content/2024/news/tieu-de-bai-viet.md",
        text.replace("Viết xong", "Đã viết"),
    );
    let err = t
        .run(&["new", "post", "Tiêu đề bài viết"])
        .assert_fails(1)
        .to_owned();
    assert!(err.contains("already exists"), "{err}");
    assert!(read(&t.path, "content/2024/news/tieu-de-bai-viet.md").contains("Đã viết"));

    // Another year: today is not in 2023, so the campaign day; quotes escaped.
    let run = t.run(&["new", "post", "Lễ “kỷ niệm” \"25/3\"", "--year", "2023"]);
    run.assert_ok();
    let text = read(&t.path, "content/2023/news/le-ky-niem-25-3.md");
    assert!(text.contains("date: \"25/3/2023\""), "{text}");
    assert!(run.stdout.contains("correct the date"), "{}", run.stdout);
    t.write("content/2023/news/le-ky-niem-25-3.md", written(&text));
    t.build_ok();
    assert!(
        t.out("2023/tin-tuc/le-ky-niem-25-3/index.html")
            .contains("Lễ “kỷ niệm” &quot;25/3&quot;")
    );

    // A year without an edition.
    let err = t
        .run(&["new", "post", "Tin", "--year", "2030"])
        .assert_fails(1)
        .to_owned();
    assert!(err.contains("campaign new edition 2030"), "{err}");
    assert!(!t.join("content/2030").exists());
}

#[test]
fn a_long_headline_makes_a_post_within_the_address_limit() {
    let t = site();
    let title = "Hội nghị tổng kết công tác xã hội ".repeat(8);
    let run = t.run(&["new", "post", title.trim(), "--year", "2024"]);
    run.assert_ok();
    let created = fs::read_dir(t.join("content/2024/news"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|n| n.starts_with("hoi-nghi"))
        .expect("the new post");
    assert!(created.len() <= 203, "{created}");
    // Only its placeholder text is left to fix.
    let run = t.run(&["check", "--format", "json"]);
    run.assert_fails(1);
    assert_eq!(run.stdout.lines().count(), 2, "{}", run.stdout);
    assert!(
        run.stdout
            .lines()
            .all(|l| l.contains("\"code\":\"placeholder-left\"")),
        "{}",
        run.stdout
    );
}
