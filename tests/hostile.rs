//! Hostile and broken input to `campaign build`: binary junk, huge files,
//! YAML bombs, paths and links leaving the content folder, symlinks, markup
//! in text fields, unusual file names. Each case fails with exit code 1 and
//! a message naming the file, never panics, writes no partial output (a
//! previous `public/` stays exactly as it was) and touches nothing outside
//! the site. (Malformed YAML of the ordinary kinds: tests/build_errors.rs.)

mod common;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use common::*;

/// The fixture site, built once, so that a failed build can be checked to
/// leave the previous `public/` untouched.
fn prebuilt() -> TestDir {
    built_site()
}

/// Builds `t` and expects a clean failure: exit code 1, no panic, an
/// `error:` report mentioning every one of `mentions`, and the whole test
/// folder (content, `public/`, no staging folder left behind) byte for byte
/// as it was before. Returns stderr.
#[track_caller]
fn fails_cleanly(t: &TestDir, what: &str, mentions: &[&str]) -> String {
    // A build whose error is in a post body (found when its page is
    // rendered) has already made that post's share image: the banner
    // cache keeps it, as the photo cache keeps photos; nothing else moves.
    let snapshot = |dir: &std::path::Path| {
        let mut all = snapshot_links(dir);
        all.retain(|k, _| !k.starts_with(".campaign-cache/banners"));
        all
    };
    let before = snapshot(&t.path);
    let run = t.build(&[]);
    let err = run.assert_fails(1).to_owned();
    assert!(err.starts_with("error: "), "{what}: {err}");
    for m in mentions {
        assert!(err.contains(m), "{what}: `{m}` not in:\n{err}");
    }
    let after = snapshot(&t.path);
    assert_same(&before, &after, what);
    err
}

/// Like `common::snapshot`, but symlinks are recorded as their target and
/// never followed (they may point at `/etc`).
fn snapshot_links(dir: &std::path::Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &std::path::Path, dir: &std::path::Path, out: &mut BTreeMap<String, Vec<u8>>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let rel = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let kind = entry.file_type().unwrap();
            if kind.is_symlink() {
                let target = std::fs::read_link(&path).unwrap();
                out.insert(
                    format!("{rel}@"),
                    target.to_string_lossy().into_owned().into_bytes(),
                );
            } else if kind.is_dir() {
                out.insert(format!("{rel}/"), Vec::new());
                walk(root, &path, out);
            } else {
                out.insert(rel, std::fs::read(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

#[track_caller]
fn assert_same(before: &BTreeMap<String, Vec<u8>>, after: &BTreeMap<String, Vec<u8>>, what: &str) {
    let added: Vec<&String> = after.keys().filter(|k| !before.contains_key(*k)).collect();
    let removed: Vec<&String> = before.keys().filter(|k| !after.contains_key(*k)).collect();
    let changed: Vec<&String> = before
        .iter()
        .filter(|(k, v)| after.get(*k).is_some_and(|w| w != *v))
        .map(|(k, _)| k)
        .collect();
    assert!(
        added.is_empty() && removed.is_empty() && changed.is_empty(),
        "{what}: the failed build changed the folder\nadded: {added:?}\nremoved: {removed:?}\nchanged: {changed:?}"
    );
}

/// `n` bytes of deterministic junk: every byte value, NULs and invalid
/// UTF-8 included.
fn junk(n: usize, seed: u64) -> Vec<u8> {
    let mut x = seed | 1;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

/// No output file contains `needle` (raw markup that should be escaped).
#[track_caller]
fn assert_nowhere_in_output(t: &TestDir, needles: &[&str]) {
    for file in list_files(&t.join("public")) {
        if !(file.ends_with(".html") || file.ends_with(".xml")) {
            continue;
        }
        let text = t.out(&file);
        for n in needles {
            assert!(!text.contains(n), "public/{file} contains `{n}`");
        }
    }
}

#[test]
fn binary_junk_as_a_post_is_an_error_naming_the_file() {
    let t = prebuilt();
    t.write("content/2024/news/rac.md", junk(64 * 1024, 7));
    let err = fails_cleanly(&t, "junk post", &["content/2024/news/rac.md", "not UTF-8"]);
    assert!(err.contains("save the file as UTF-8"), "{err}");
}

#[test]
fn binary_junk_as_edition_yaml_is_an_error_naming_the_file() {
    let t = prebuilt();
    t.write("content/2024/edition.yaml", junk(64 * 1024, 11));
    fails_cleanly(
        &t,
        "junk edition",
        &["content/2024/edition.yaml", "not UTF-8"],
    );
}

#[test]
fn junk_that_is_valid_utf8_is_an_error_naming_the_file() {
    // Control characters, NULs and stray punctuation: valid UTF-8, not YAML.
    let ascii: String = junk(16 * 1024, 3)
        .into_iter()
        .map(|b| char::from(b & 0x7f))
        .collect();
    let t = prebuilt();
    t.write("content/2024/edition.yaml", &ascii);
    fails_cleanly(&t, "ascii junk edition", &["content/2024/edition.yaml"]);
    let t = prebuilt();
    t.write(
        "content/2024/news/rac.md",
        format!("---\n{ascii}\n---\n{ascii}"),
    );
    fails_cleanly(&t, "ascii junk front matter", &["content/2024/news/rac.md"]);
    let t = prebuilt();
    t.write("content/site.yaml", &ascii);
    fails_cleanly(&t, "ascii junk site.yaml", &["content/site.yaml"]);
}

#[test]
fn a_50_mb_post_builds_in_reasonable_time() {
    // No size limit: a huge post is built like any other, in linear time.
    let t = site();
    let paragraph = "Ngày 25/3 hằng năm là **Ngày Công tác xã hội Việt Nam**; \
                     các đơn vị tổ chức tuyên truyền, thăm hỏi và hỗ trợ người yếu thế. \
                     Xem [kế hoạch](ke-hoach.md).\n\n";
    let body = paragraph.repeat(50 * 1024 * 1024 / paragraph.len() + 1);
    assert!(body.len() >= 50 * 1024 * 1024);
    t.write(
        "content/2024/news/rat-dai.md",
        post(
            "Một tin rất dài",
            "23/3/2024",
            "summary: \"Tin dài.\"\n",
            &body,
        ),
    );
    let start = Instant::now();
    t.build_ok();
    let took = start.elapsed();
    assert!(
        took < Duration::from_secs(60),
        "a 50 MB post took {took:?} to build"
    );
    let html = t.out("2024/tin-tuc/rat-dai/index.html");
    assert!(html.len() > 50 * 1024 * 1024, "{}", html.len());
    assert!(html.contains("<strong>Ngày Công tác xã hội Việt Nam</strong>"));
}

#[test]
fn deeply_nested_yaml_is_an_error_naming_the_file() {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let t = prebuilt();
    t.write("content/2024/edition.yaml", format!("theme: {deep}\n"));
    // serde_yaml stops at the first list where text is expected, or at its
    // recursion limit: either way a plain error, never a stack overflow.
    let err = fails_cleanly(&t, "[ in edition", &["content/2024/edition.yaml:1:"]);
    assert!(
        err.contains("found a list") || err.contains("too deeply"),
        "{err}"
    );
    let t = prebuilt();
    t.write(
        "content/2024/edition.yaml",
        format!("theme: a\nx: {deep}\n"),
    );
    let err = fails_cleanly(
        &t,
        "[ under an unknown key",
        &["content/2024/edition.yaml:"],
    );
    assert!(
        err.contains("unknown key `x`") || err.contains("too deeply"),
        "{err}"
    );

    let t = prebuilt();
    t.write(
        "content/2024/news/sau.md",
        format!("---\ntitle: a\ndate: \"22/3/2024\"\ntags: {deep}\n---\nx\n"),
    );
    let err = fails_cleanly(&t, "[ in front matter", &["content/2024/news/sau.md:4:"]);
    assert!(
        err.contains("found a list") || err.contains("too deeply"),
        "{err}"
    );

    // Unclosed, and nested mappings and block lists.
    let t = prebuilt();
    t.write(
        "content/2024/edition.yaml",
        format!("theme: {}\n", "{a: ".repeat(10_000)),
    );
    fails_cleanly(&t, "{ unclosed", &["content/2024/edition.yaml"]);
    let t = prebuilt();
    let block: String = (0..3000)
        .map(|i| format!("{}- \n", "  ".repeat(i)))
        .collect();
    t.write(
        "content/2024/edition.yaml",
        format!("theme: a\nslogans:\n{block}"),
    );
    fails_cleanly(&t, "block nesting", &["content/2024/edition.yaml"]);
}

#[test]
fn deeply_nested_markdown_renders_without_overflowing() {
    let t = site();
    let quotes = format!("{} trích dẫn\n", ">".repeat(10_000));
    let lists: String = (0..2000)
        .map(|i| format!("{}- mục\n", "  ".repeat(i)))
        .collect();
    let emph = format!("{}chữ{}\n", "*_".repeat(5000), "_*".repeat(5000));
    let links = format!(
        "{}x{}\n",
        "[".repeat(10_000),
        "](ke-hoach.md)".repeat(10_000)
    );
    t.write(
        "content/2024/news/sau.md",
        post(
            "Markdown lồng sâu",
            "23/3/2024",
            "",
            &format!("{quotes}\n{lists}\n{emph}\n{links}"),
        ),
    );
    t.write(
        "content/2024/edition.yaml",
        EDITION_2024.replace(
            "requirements:\n",
            &format!("requirements:\n  - \"{}x\"\n", ">".repeat(5000)),
        ),
    );
    let run = t.build(&[]);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert!(!run.stderr.contains("overflow"), "{}", run.stderr);
    run.assert_ok();
    assert!(t.out("2024/tin-tuc/sau/index.html").contains("trích dẫn"));
}

/// Nine aliases of nine aliases, eight levels deep: 9^8 = 43 million
/// strings if expanded.
fn laughs(indent: &str) -> String {
    let mut s = format!(
        "{indent}a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
    );
    let names = ["a", "b", "c", "d", "e", "f", "g", "h"];
    for w in names.windows(2) {
        let (prev, name) = (w[0], w[1]);
        let refs = vec![format!("*{prev}"); 9].join(",");
        s.push_str(&format!("{indent}{name}: &{name} [{refs}]\n"));
    }
    s
}

#[test]
fn yaml_aliases_that_expand_without_bound_are_refused_quickly() {
    let start = Instant::now();
    let t = prebuilt();
    t.write(
        "content/2024/edition.yaml",
        format!("{}theme: [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n", laughs("")),
    );
    let err = fails_cleanly(&t, "laughs in edition", &["content/2024/edition.yaml"]);
    assert!(
        err.contains("nested or repeated too deeply") || err.contains("unknown key"),
        "{err}"
    );

    // In the front matter, through a field that takes a list.
    let t = prebuilt();
    let bomb = "tags: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n\
                summary: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\n";
    let mut front = String::from(bomb);
    for (name, prev) in [("c", "b"), ("d", "c"), ("e", "d"), ("f", "e"), ("g", "f")] {
        front.push_str(&format!(
            "x{name}: &{name} [{}]\n",
            vec![format!("*{prev}"); 10].join(",")
        ));
    }
    t.write(
        "content/2024/news/bom.md",
        format!("---\ntitle: a\ndate: \"22/3/2024\"\n{front}---\nx\n"),
    );
    fails_cleanly(&t, "laughs in front matter", &["content/2024/news/bom.md"]);

    // A bomb aimed at a list of strings (`slogans`) with valid keys only.
    let t = prebuilt();
    let mut y = String::from(
        "theme: a\nslogans: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n",
    );
    y.push_str("purposes: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\n");
    y.push_str("requirements: [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n");
    t.write("content/2024/edition.yaml", y);
    fails_cleanly(&t, "aliases to lists", &["content/2024/edition.yaml"]);

    assert!(
        start.elapsed() < Duration::from_secs(60),
        "the alias bombs took {:?}",
        start.elapsed()
    );
}

#[test]
fn front_matter_that_never_closes_is_an_error_naming_the_file() {
    let t = prebuilt();
    let lines: String = (0..50_000).map(|i| format!("k{i}: v\n")).collect();
    t.write("content/2024/news/mo.md", format!("---\ntitle: a\n{lines}"));
    let err = fails_cleanly(
        &t,
        "unclosed",
        &["content/2024/news/mo.md:1:1", "never ends"],
    );
    assert!(err.contains("add a line with only `---`"), "{err}");
    // Windows line endings and a byte-order mark do not hide it.
    let t = prebuilt();
    t.write("content/2024/news/mo.md", "\u{feff}---\r\ntitle: a\r\n");
    fails_cleanly(
        &t,
        "unclosed crlf",
        &["content/2024/news/mo.md", "never ends"],
    );
    // In a page too.
    let t = prebuilt();
    t.write("content/pages/gioi-thieu.md", "---\ntitle: a\n");
    fails_cleanly(
        &t,
        "unclosed page",
        &["content/pages/gioi-thieu.md", "never ends"],
    );
}

const OUTSIDE: [&str; 7] = [
    "../../etc/passwd",
    "../../../../../../etc/passwd",
    "/etc/passwd",
    "C:\\\\Windows\\\\win.ini",
    "C:/Windows/win.ini",
    "\\\\\\\\server\\\\share\\\\x.pdf",
    "file:///etc/passwd",
];

#[test]
fn a_document_file_outside_the_content_folder_is_an_error() {
    for path in OUTSIDE.iter().chain(&["files/../../site.yaml", "..", ""]) {
        let t = prebuilt();
        t.write(
            "content/2024/edition.yaml",
            EDITION_2024.replace("file: \"kh-640.pdf\"", &format!("file: \"{path}\"")),
        );
        let err = fails_cleanly(
            &t,
            path,
            &["content/2024/edition.yaml:", "is not in 2024/files/"],
        );
        assert!(!err.contains("root:x:0"), "{err}");
    }
}

#[test]
fn a_post_image_outside_the_content_folder_is_an_error() {
    for path in OUTSIDE {
        let t = prebuilt();
        t.write(
            "content/2024/news/anh.md",
            post(
                "Tin có ảnh",
                "23/3/2024",
                &format!("image: \"{path}\"\nimage_alt: \"Ảnh\"\n"),
                "x",
            ),
        );
        let err = fails_cleanly(&t, path, &["content/2024/news/anh.md:", "cannot be found"]);
        assert!(!err.contains("root:x:0"), "{err}");
    }
}

#[test]
fn markdown_links_and_images_outside_the_content_folder_are_errors() {
    let targets = [
        "../../etc/passwd",
        "../../../../../../../etc/passwd",
        "/etc/passwd",
        "C:\\Windows\\win.ini",
        "C:/Windows/win.ini",
        "file:///etc/passwd",
        "..%2F..%2F..%2Fetc%2Fpasswd",
        "%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "\\\\server\\share\\x.pdf",
        "javascript:alert(1)",
        "JavaScript:alert(1)",
    ];
    for target in targets {
        for body in [
            format!("[mật khẩu](<{target}>)"),
            format!("![ảnh](<{target}>)"),
        ] {
            let t = prebuilt();
            t.write(
                "content/2024/news/lien-ket.md",
                post("Liên kết", "23/3/2024", "", &format!("Xem {body}.")),
            );
            let err = fails_cleanly(&t, &body, &["content/2024/news/lien-ket.md:5:"]);
            assert!(err.contains("leads nowhere"), "{body}: {err}");
        }
    }
    // In a Markdown field of edition.yaml.
    let t = prebuilt();
    t.write(
        "content/2024/edition.yaml",
        EDITION_2024.replace(
            "\"Tổ chức trang trọng, thiết thực, hiệu quả.\"",
            "\"Xem [tệp](../../../etc/passwd).\"",
        ),
    );
    fails_cleanly(
        &t,
        "edition link",
        &["content/2024/edition.yaml:", "leads nowhere"],
    );
}

#[cfg(unix)]
#[test]
fn a_post_that_is_a_symlink_leaving_the_tree_is_not_read() {
    use std::os::unix::fs::symlink;
    let outside = TestDir::with(&[(
        "bi-mat.md",
        "---\ntitle: \"BÍ MẬT NGOÀI CÂY\"\ndate: \"22/3/2024\"\n---\nBI-MAT-NOI-DUNG\n",
    )]);
    let before_outside = snapshot(&outside.path);
    for target in [
        outside.join("bi-mat.md"),
        "/etc/hostname".into(),
        "/etc/passwd".into(),
    ] {
        let t = prebuilt();
        symlink(&target, t.join("content/2024/news/lien-ket.md")).unwrap();
        let err = fails_cleanly(
            &t,
            "symlinked post",
            &[
                "content/2024/news/lien-ket.md",
                "outside the content folder",
            ],
        );
        assert!(
            !err.contains("BÍ MẬT") && !err.contains("root:x:0"),
            "{err}"
        );
        // A build that goes on regardless (the link removed) publishes none of it.
        std::fs::remove_file(t.join("content/2024/news/lien-ket.md")).unwrap();
        t.build_ok();
        assert_nowhere_in_output(&t, &["BÍ MẬT", "BI-MAT-NOI-DUNG", "root:x:0"]);
    }
    assert_same(&before_outside, &snapshot(&outside.path), "outside folder");
}

#[cfg(unix)]
#[test]
fn a_folder_symlink_leaving_the_tree_is_not_read() {
    use std::os::unix::fs::symlink;
    let outside = TestDir::with(&[
        (
            "tin/bi-mat.md",
            "---\ntitle: \"BÍ MẬT\"\ndate: \"22/3/2024\"\n---\nBI-MAT\n",
        ),
        ("tep/bi-mat.pdf", "BI-MAT-PDF"),
    ]);
    let before_outside = snapshot(&outside.path);
    // A news folder, an attachments subfolder, a static subfolder, a whole year.
    let links = [
        ("tin", "content/2024/news/them"),
        ("tep", "content/2024/files/them"),
        ("tep", "content/static/them"),
        ("", "content/2025"),
        ("/etc", "content/static/etc"),
    ];
    for (target, link) in links {
        let t = prebuilt();
        let target = if target.starts_with('/') {
            std::path::PathBuf::from(target)
        } else {
            outside.join(target)
        };
        symlink(&target, t.join(link)).unwrap();
        fails_cleanly(&t, link, &[link, "outside the content folder"]);
    }
    assert_same(&before_outside, &snapshot(&outside.path), "outside folder");
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_inside_the_tree_does_not_hang() {
    use std::os::unix::fs::symlink;
    let t = site();
    symlink("..", t.join("content/2024/files/vong")).unwrap();
    symlink("vong-2", t.join("content/2024/files/vong-1")).unwrap();
    symlink("vong-1", t.join("content/2024/files/vong-2")).unwrap();
    let run = t.build(&[]);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert!(run.code == 0 || run.code == 1, "{run:?}");
    if run.code == 1 {
        assert!(
            run.stderr.contains("content/2024/files/vong"),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn markup_in_every_yaml_text_field_is_escaped_in_html_and_feeds() {
    let t = site();
    let x = |n: &str| format!("<script>alert('{n}')</script><b onmouseover=x>{n}</b> & “q”");
    let edition = format!(
        r#"theme: "{theme}"
slogans:
  - "{slogan}"
summary: "{summary}"
period: {{ from: "20/3/2024", to: "25/3/2024" }}
activities:
  - title: "{activity}"
    date: "25/3/2024"
    location: "{location}"
    units: ["{unit}"]
units:
  - name: "{unit}"
    group: "{group}"
    role: "{role}"
documents:
  - number: "{number}"
    date: "21/3/2024"
    issuer: "{issuer}"
    title: "{doc}"
    file: "kh-640.pdf"
  - number: "2"
    date: "21/3/2024"
    issuer: "a"
    title: "b"
    url: "https://example.vn/?a=1&b=\"><script>alert(9)</script>"
"#,
        theme = x("theme"),
        slogan = x("slogan"),
        summary = x("summary"),
        activity = x("activity"),
        location = x("location"),
        unit = x("unit"),
        group = x("group"),
        role = x("role"),
        number = x("number"),
        issuer = x("issuer"),
        doc = x("doc"),
    );
    t.write("content/2024/edition.yaml", edition);
    t.write(
        "content/2024/news/xss.md",
        post(
            &x("title"),
            "23/3/2024",
            &format!(
                "summary: \"{}\"\nauthor: \"{}\"\nsource: \"{}\"\ntags: [\"{}\"]\nimage: \"../files/kh-640.pdf\"\nimage_alt: \"{}\\\" onerror=\\\"alert(1)\"\n",
                x("summary2"),
                x("author"),
                x("source"),
                x("tag"),
                x("alt")
            ),
            "Nội dung.",
        ),
    );
    t.write(
        "content/pages/gioi-thieu.md",
        format!(
            "---\ntitle: \"{}\"\ndescription: \"{}\"\n---\nTrang.\n",
            x("page"),
            x("description")
        ),
    );
    t.write(
        "content/site.yaml",
        SITE_YAML
            .replace(
                "title: \"Ngày Công tác xã hội Việt Nam\"",
                &format!("title: \"{}\"", x("site")),
            )
            .replace(
                "organization: \"Sở Lao động - Thương binh và Xã hội thành phố Hải Phòng\"",
                &format!("organization: \"{}\"", x("org")),
            ),
    );
    t.build_ok();
    assert_nowhere_in_output(&t, &["<script>alert", "<b onmouseover", "\" onerror=\""]);
    // Each field is shown, escaped, somewhere.
    let all: String = list_files(&t.join("public"))
        .iter()
        .filter(|f| f.ends_with(".html") || f.ends_with(".xml"))
        .map(|f| t.out(f))
        .collect();
    for n in [
        "theme", "slogan", "summary", "activity", "location", "unit", "group", "role", "number",
        "issuer", "doc", "title", "summary2", "author", "source", "tag", "page", "site", "org",
    ] {
        assert!(
            all.contains(&format!("&lt;script&gt;alert(&#x27;{n}&#x27;)"))
                || all.contains(&format!("&lt;script&gt;alert('{n}')"))
                || all.contains(&format!("&lt;script&gt;alert(&#39;{n}&#39;)")),
            "the field `{n}` is not shown escaped anywhere"
        );
    }
}

#[test]
fn vietnamese_file_names_with_spaces_build_and_link() {
    let t = site();
    t.write(
        "content/2024/news/Hội nghị   tổng kết (lần 2) – Hải Phòng!.md",
        post(
            "Hội nghị",
            "23/3/2024",
            "",
            "Xem [tệp](<../files/Biểu mẫu số 1 – năm 2024.pdf>).",
        ),
    );
    t.write("content/2024/files/Biểu mẫu số 1 – năm 2024.pdf", PDF);
    t.write(
        "content/2024/news/ke-hoach.md",
        post(
            "Kế hoạch",
            "22/3/2024",
            "",
            "Xem [hội nghị](<Hội nghị   tổng kết (lần 2) – Hải Phòng!.md>).",
        ),
    );
    t.build_ok();
    assert!(
        t.out("2024/tin-tuc/hoi-nghi-tong-ket-lan-2-hai-phong/index.html")
            .contains("Hội nghị")
    );
    assert_eq!(
        std::fs::read(t.join("public/2024/files/Biểu mẫu số 1 – năm 2024.pdf")).unwrap(),
        PDF
    );
    assert_links_resolve(&t.join("public"));
}

#[test]
fn nfd_names_of_attachments_and_years_work() {
    use unicode_normalization::UnicodeNormalization;
    let t = site();
    let nfd: String = "Biểu mẫu.pdf".nfd().collect();
    t.write(&format!("content/2024/files/{nfd}"), PDF);
    // Written composed in the YAML and in a link; the file name on disk is decomposed.
    t.write(
        "content/2024/edition.yaml",
        EDITION_2024.replace("file: \"kh-640.pdf\"", "file: \"Biểu mẫu.pdf\""),
    );
    t.write(
        "content/2024/news/ke-hoach.md",
        post(
            "Kế hoạch",
            "22/3/2024",
            "",
            "Xem [biểu mẫu](<../files/Biểu mẫu.pdf>).",
        ),
    );
    t.build_ok();
    assert_links_resolve(&t.join("public"));
}

#[test]
fn a_document_url_that_is_a_local_path_or_a_script_is_an_error() {
    for url in [
        "C:\\\\tai-lieu\\\\kh.pdf",
        "D:/kh.pdf",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "/etc/passwd",
    ] {
        let t = prebuilt();
        t.write(
            "content/2024/edition.yaml",
            EDITION_2024.replace("file: \"kh-640.pdf\"", &format!("url: \"{url}\"")),
        );
        fails_cleanly(&t, url, &["content/2024/edition.yaml:"]);
    }
}
