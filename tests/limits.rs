//! Limits against absurd input (docs/content.md, "Limits"): too many tags,
//! too long titles, tags, slugs and file names, too many posts in a year,
//! file names that are not UTF-8, static files that cannot be read, links
//! that point at each other. Each is an error with the file (and line and
//! column where there is one) and what to do, in `check` and in `build`
//! alike, found before any page is rendered or written.

mod common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use common::*;

/// The limits, as docs/content.md states them.
const MAX_TAGS: usize = 20;
const MAX_TAG_CHARS: usize = 60;
const MAX_TITLE_CHARS: usize = 300;
const MAX_SLUG_BYTES: usize = 200;
const MAX_POSTS_PER_EDITION: usize = 20_000;

/// `campaign check` fails (exit code 1) with every one of `mentions` in its
/// report, writes nothing, and `campaign build` fails the same way without
/// writing `public/`. Returns what `check` printed.
#[track_caller]
fn refused(t: &TestDir, what: &str, mentions: &[&str]) -> String {
    let before = names(&t.path);
    let check = t.run(&["check"]);
    check.assert_fails(1);
    for m in mentions {
        assert!(
            check.stdout.contains(m),
            "{what}: check does not say `{m}`:\n{}",
            check.stdout
        );
    }
    assert!(check.stdout.contains("help: "), "{what}: {}", check.stdout);
    let build = t.build(&[]);
    let err = build.assert_fails(1);
    for m in mentions {
        assert!(err.contains(m), "{what}: build does not say `{m}`:\n{err}");
    }
    assert!(
        !err.contains("File name too long") && !err.contains("os error 36"),
        "{what}: {err}"
    );
    assert!(!t.join("public").exists(), "{what}: build wrote public/");
    assert_eq!(before, names(&t.path), "{what}: the folder changed");
    check.stdout
}

/// Every name under `dir`, sorted, without reading a file or following a
/// link (`common::snapshot` reads them: a named pipe would never end).
fn names(dir: &Path) -> Vec<String> {
    fn walk(dir: &Path, out: &mut Vec<String>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            out.push(entry.path().to_string_lossy().into_owned());
            if entry.file_type().is_ok_and(|k| k.is_dir()) {
                walk(&entry.path(), out);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, &mut out);
    out.sort();
    out
}

/// A post of 2024 with `tags` (as YAML strings, quoted here).
fn tagged(tags: &[String]) -> String {
    let list: Vec<String> = tags.iter().map(|t| format!("\"{t}\"")).collect();
    post(
        "Nhiều thẻ",
        "2/3/2024",
        &format!("tags: [{}]\n", list.join(", ")),
        "Nội dung.",
    )
}

/// Peak memory (KB) and time of `campaign <args>` in `t`, measured with
/// `/usr/bin/time -f %M` when it is there.
fn measured(t: &TestDir, args: &[&str]) -> (Run, Option<u64>, Duration) {
    let bin = env!("CARGO_BIN_EXE_campaign");
    let time = Path::new("/usr/bin/time");
    let mut cmd = if time.is_file() {
        let mut c = Command::new(time);
        c.args(["-f", "peak-rss-kb=%M", bin]);
        c
    } else {
        Command::new(bin)
    };
    let started = Instant::now();
    let out = cmd
        .args(args)
        .current_dir(&t.path)
        .env("CAMPAIGN_TODAY", TODAY)
        .env("LC_ALL", "en_US.UTF-8")
        .output()
        .expect("the campaign binary runs");
    let took = started.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let peak = stderr
        .lines()
        .rev()
        .find_map(|l| l.strip_prefix("peak-rss-kb=")?.trim().parse().ok());
    let run = Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr,
    };
    (run, peak, took)
}

#[test]
fn a_post_with_20000_tags_is_refused_quickly_and_in_little_memory() {
    // Before the limit, `check` rendered 20,000 tag pages of 20,000 tags
    // each: 23 GB, killed; `build` wrote 29 GB.
    let t = site();
    let tags: Vec<String> = (0..20_000).map(|i| format!("Thẻ số {i}")).collect();
    t.write("content/2024/news/nhieu-the.md", tagged(&tags));
    let (run, peak, took) = measured(&t, &["check"]);
    match peak {
        Some(kb) => println!(
            "campaign check, a post with 20,000 tags: {took:.2?}, peak RSS {} MB",
            kb / 1024
        ),
        None => println!(
            "campaign check, a post with 20,000 tags: {took:.2?} (no /usr/bin/time: memory not measured)"
        ),
    }
    run.assert_fails(1);
    let out = &run.stdout;
    assert!(
        out.contains(
            "error: content/2024/news/nhieu-the.md:4:1: this post has 20,000 tags; a post may have at most 20"
        ),
        "{}",
        &out[..out.len().min(2000)]
    );
    assert!(out.contains("help: shorten the list"), "{out:.2000}");
    // The report quotes the start of the line, not all 20,000 tags.
    assert!(out.len() < 5_000, "a report of {} bytes", out.len());
    assert!(took < Duration::from_secs(20), "check took {took:?}");
    if let Some(kb) = peak {
        assert!(kb < 300 * 1024, "check used {} MB", kb / 1024);
    }
    refused(&t, "20,000 tags", &["nhieu-the.md:4:1", "20,000 tags"]);
}

#[test]
fn tags_up_to_the_limit_build_and_one_more_is_an_error_at_the_key() {
    let t = site();
    let tags: Vec<String> = (0..MAX_TAGS).map(|i| format!("Thẻ {i}")).collect();
    t.write("content/2024/news/nhieu-the.md", tagged(&tags));
    t.run(&["check"]).assert_ok();
    t.build_ok();
    assert!(t.has("the/the-19/index.html"));
    std::fs::remove_dir_all(t.join("public")).unwrap();
    let mut more = tags.clone();
    more.push("Thẻ 20".to_owned());
    t.write("content/2024/news/nhieu-the.md", tagged(&more));
    let out = refused(&t, "21 tags", &["nhieu-the.md:4:1: this post has 21 tags"]);
    assert!(out.contains(" 4 | tags: [\"Thẻ 0\""), "{out}");
}

#[test]
fn a_5000_character_tag_is_an_error_at_the_tag_not_a_failed_build() {
    // It passed `check`, then `build` failed: its slug is a folder name.
    let t = site();
    let long = "Tuyên truyền ".repeat(385).trim().to_owned();
    assert!(long.chars().count() >= 5_000);
    t.write(
        "content/2024/news/the-dai.md",
        tagged(&["Hải Phòng".to_owned(), long]),
    );
    let out = refused(
        &t,
        "5,000-character tag",
        &[
            // Line 4, where the tag is written.
            "content/2024/news/the-dai.md:4:22:",
            "characters long; a tag may have at most 60",
        ],
    );
    assert!(out.contains("help: shorten the tag"), "{out}");
    // A tag at the limit builds.
    let t = site();
    let at_limit = "ạ".repeat(MAX_TAG_CHARS);
    t.write("content/2024/news/the-dai.md", tagged(&[at_limit]));
    t.build_ok();
}

#[test]
fn a_tag_whose_address_would_be_too_long_is_an_error() {
    // Each of these letters is spelt out in several in the address.
    let t = site();
    t.write(
        "content/2024/news/the-han.md",
        tagged(&["中".repeat(MAX_TAG_CHARS)]),
    );
    refused(
        &t,
        "a tag of long address",
        &[
            "content/2024/news/the-han.md:4:",
            "the address of the tag",
            "an address may have at most 200",
        ],
    );
}

#[test]
fn titles_and_themes_beyond_300_characters_are_errors_at_their_key() {
    let title = |n: usize| {
        "Tiêu đề ".repeat(n / 8 + 1)[..]
            .chars()
            .take(n)
            .collect::<String>()
    };
    // Up to the limit: fine.
    let t = site();
    t.write(
        "content/2024/news/dai.md",
        post(&title(MAX_TITLE_CHARS), "2/3/2024", "", "x"),
    );
    t.run(&["check"]).assert_ok();
    // One more, in a post, a page and an edition's theme.
    let t = site();
    t.write(
        "content/2024/news/dai.md",
        post(&title(MAX_TITLE_CHARS + 1), "2/3/2024", "", "x"),
    );
    t.write(
        "content/pages/gioi-thieu.md",
        format!("---\ntitle: \"{}\"\n---\nx\n", title(1_000)),
    );
    t.write(
        "content/2023/edition.yaml",
        EDITION_2023.replacen(
            "theme: \"",
            &format!("theme: \"{} ", title(MAX_TITLE_CHARS)),
            1,
        ),
    );
    let out = refused(
        &t,
        "long titles",
        &[
            "content/2024/news/dai.md:2:1: the title is 301 characters long; a title may have at most 300",
            "content/pages/gioi-thieu.md:2:1: the title is 1000 characters long",
            "content/2023/edition.yaml:1:1: the theme is",
        ],
    );
    assert!(out.contains("help: shorten the title"), "{out}");
    assert!(out.contains("help: shorten the theme"), "{out}");
}

#[test]
fn slugs_and_published_names_beyond_200_bytes_are_errors() {
    let t = site();
    // A `slug:`, at its key.
    t.write(
        "content/2024/news/dia-chi.md",
        post(
            "A",
            "2/3/2024",
            &format!("slug: \"{}\"\n", "a".repeat(201)),
            "x",
        ),
    );
    // A file name that gives the address.
    let name = format!("content/2024/news/{}.md", "b".repeat(MAX_SLUG_BYTES + 1));
    t.write(&name, post("B", "2/3/2024", "", "x"));
    // A page.
    t.write(
        &format!("content/pages/{}.md", "c".repeat(MAX_SLUG_BYTES + 1)),
        "---\ntitle: \"C\"\n---\nx\n",
    );
    // A static file and an attachment keep their names: 70 letters of 3 bytes.
    let long = "ả".repeat(70);
    t.write(&format!("content/static/{long}.png"), "png");
    t.write(&format!("content/2024/files/{long}/kh.pdf"), PDF);
    let out = refused(
        &t,
        "long names",
        &[
            "content/2024/news/dia-chi.md:4:8: this post's address would be 201 characters long",
            &format!("{name}: this post's address would be 201 characters long"),
            "this page's address would be 201 characters long",
            "content/static/ả",
            "is 214 bytes long; a file or folder published as it is may have at most 200",
            "is 210 bytes long",
        ],
    );
    assert!(
        out.contains("help: rename the file with a shorter name"),
        "{out}"
    );
    // At the limit, all of it builds.
    let t = site();
    t.write(
        &format!("content/2024/news/{}.md", "b".repeat(MAX_SLUG_BYTES)),
        post("B", "2/3/2024", "", "x"),
    );
    t.write(&format!("content/static/{}.png", "d".repeat(196)), "png");
    t.build_ok();
}

#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_is_an_error_showing_its_bytes() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let t = site();
    let bad = t
        .join("content/static")
        .join(OsStr::from_bytes(b"\xff\xfe.png"));
    std::fs::write(&bad, "png").unwrap();
    let folder = t
        .join("content/2024/files")
        .join(OsStr::from_bytes(b"t\xe0i-li\xeau"));
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("a.pdf"), PDF).unwrap();
    let out = refused(
        &t,
        "not UTF-8",
        &[
            "error: content/static/\\xFF\\xFE.png: the name of this file is not UTF-8 text",
            "\\xFF \\xFE",
            "error: content/2024/files/t\\xE0i-li\\xEAu: the name of this folder is not UTF-8 text",
            "help: rename the file",
        ],
    );
    assert!(!out.contains('\u{fffd}'), "{out}");
    // JSON names the file the same way.
    let json = t.run(&["check", "--format", "json"]);
    json.assert_fails(1);
    assert!(
        json.stdout
            .contains(r#""file":"content/static/\\xFF\\xFE.png""#),
        "{}",
        json.stdout
    );
}

/// Runs `campaign <args>` in `t` as the user `nobody`: for a root that
/// reads every file whatever its mode. `None` when that is not possible.
#[cfg(unix)]
fn run_as_nobody(t: &TestDir, args: &[&str]) -> Option<Run> {
    use std::os::unix::process::CommandExt;
    let out = Command::new(env!("CARGO_BIN_EXE_campaign"))
        .args(args)
        .current_dir(&t.path)
        .env("CAMPAIGN_TODAY", TODAY)
        .env("LC_ALL", "en_US.UTF-8")
        .uid(65534)
        .gid(65534)
        .output()
        .ok()?;
    Some(Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    })
}

#[cfg(unix)]
#[test]
fn a_static_file_that_cannot_be_read_is_reported_by_check() {
    use std::os::unix::fs::PermissionsExt;
    // It was first reported by `build`, when copying it, after every page.
    // A named pipe in its place cannot be read as a file either.
    let t = site();
    let status = Command::new("mkfifo")
        .arg(t.join("content/static/ong.pdf"))
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
    refused(
        &t,
        "a named pipe",
        &[
            "error: content/static/ong.pdf: is a named pipe (FIFO), not a regular file",
            "help: put a regular file here",
        ],
    );
    // A file without read permission.
    let t = site();
    let locked = t.join("content/static/khoa.pdf");
    std::fs::write(&locked, "x").unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let expected = "error: content/static/khoa.pdf: cannot be read (Permission denied";
    if std::fs::read(&locked).is_err() {
        refused(&t, "chmod 000", &[expected, "help: make the file readable"]);
    } else {
        // Running as root, which reads it anyway: check as `nobody`.
        match run_as_nobody(&t, &["check"]) {
            Some(run) => {
                run.assert_fails(1);
                assert!(run.stdout.contains(expected), "{}", run.stdout);
            }
            None => println!(
                "skipped: running as root and cannot run as nobody, so a file of mode 000 stays readable"
            ),
        }
    }
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o644)).unwrap();
}

#[cfg(unix)]
#[test]
fn links_that_point_at_each_other_are_reported_as_a_loop() {
    use std::os::unix::fs::symlink;
    let t = site();
    symlink("b.png", t.join("content/static/a.png")).unwrap();
    symlink("a.png", t.join("content/static/b.png")).unwrap();
    symlink("khong-co.pdf", t.join("content/2024/files/mat.pdf")).unwrap();
    let out = refused(
        &t,
        "symlink loop",
        &[
            "error: content/static/a.png: is a link in a loop (content/static/a.png -> content/static/b.png -> content/static/a.png): these links point at each other",
            "error: content/static/b.png: is a link in a loop",
            "error: content/2024/files/mat.pdf: is a link to khong-co.pdf, which does not exist",
        ],
    );
    assert!(
        out.contains("help: replace one of the links with the file"),
        "{out}"
    );
}

#[test]
fn an_edition_beyond_20000_posts_is_one_error_and_none_is_read() {
    let t = site();
    let news = t.join("content/2024/news");
    let text = post("Tin", "2/3/2024", "", "x");
    for i in 0..=MAX_POSTS_PER_EDITION - 3 {
        std::fs::write(news.join(format!("tin-{i}.md")), &text).unwrap();
    }
    // The fixture's three posts make one too many; a link to one of them
    // is not reported on top.
    let out = refused(
        &t,
        "20,001 posts",
        &[
            "error: content/2024/news: this folder holds 20,001 posts; one edition may have at most 20,000",
        ],
    );
    assert!(out.contains("help: split the list"), "{out}");
    assert!(out.contains("1 error"), "{out}");
}

#[test]
fn the_limits_tested_here_are_the_ones_documented() {
    // The constants above are what these tests enforce against the binary;
    // docs/content.md, section 13, must state the same.
    let docs = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/content.md"))
        .expect("docs/content.md is there");
    let section = &docs[docs.find("## 13. Limits").expect("a section on limits")..];
    for (what, n) in [
        ("Tags of a post", MAX_TAGS.to_string()),
        ("Characters of a tag", MAX_TAG_CHARS.to_string()),
        ("Characters of a title", MAX_TITLE_CHARS.to_string()),
        (
            "Characters of an edition's `theme`",
            MAX_TITLE_CHARS.to_string(),
        ),
        ("Address of a post", format!("{MAX_SLUG_BYTES} characters")),
        (
            "Each file or folder name",
            format!("{MAX_SLUG_BYTES} bytes"),
        ),
        ("Posts in one year", "20,000".to_owned()),
    ] {
        let row = section
            .lines()
            .find(|l| l.starts_with(&format!("| {what}")))
            .unwrap_or_else(|| panic!("no row `{what}` in docs/content.md"));
        assert!(row.contains(&format!("| **{n}** |")), "{what}: {row}");
    }
    assert_eq!(MAX_POSTS_PER_EDITION, 20_000);
}

#[test]
fn settings_shown_on_every_page_have_limits() {
    let t = site();
    let yaml = fs_read(&t, "content/site.yaml");
    let menu: String = (0..25)
        .map(|i| format!("  - {{ title: \"Mục {i}\", url: \"/\" }}\n"))
        .collect();
    let long = "Sở ".repeat(400);
    let yaml = yaml
        .replacen("menu:\n", &format!("menu:\n{menu}"), 1)
        .replacen("title: ", &format!("title: \"{long}\"\nx_title: "), 1);
    t.write("content/site.yaml", yaml.replace("x_title: ", "# "));
    let out = refused(
        &t,
        "long settings",
        &["`title` has 1200 characters", "the menu has"],
    );
    assert!(out.contains("site.yaml:"), "{out}");
}

fn fs_read(t: &TestDir, rel: &str) -> String {
    std::fs::read_to_string(t.join(rel)).unwrap()
}
