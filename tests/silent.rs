//! Mistakes that used to publish without a word: files and folders the
//! layout does not read, editor and Office leftovers, text left by
//! `campaign new`, links Markdown does not take for links or that lead to
//! this computer, values in curly quotes; and the addresses of images and
//! attachments, from any depth and under a subpath.

mod common;

use common::*;
use serde_json::Value;

/// The problems `campaign check --format json` reports, each as
/// (file, line, column, severity, code), and the records themselves.
fn problems(t: &TestDir, extra: &[&str]) -> (Run, Vec<Value>) {
    let mut args = vec!["check", "--format", "json"];
    args.extend_from_slice(extra);
    let run = t.run(&args);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    let records = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect();
    (run, records)
}

fn with_code<'a>(records: &'a [Value], code: &str) -> Vec<&'a Value> {
    records.iter().filter(|r| r["code"] == code).collect()
}

fn at(r: &Value) -> (String, u64, u64, String) {
    (
        r["file"].as_str().unwrap().to_owned(),
        r["line"].as_u64().unwrap(),
        r["column"].as_u64().unwrap(),
        r["severity"].as_str().unwrap().to_owned(),
    )
}

#[test]
fn posts_and_pages_saved_under_another_name_are_reported_with_the_right_name() {
    let t = site();
    let body = post("Tin lưu sai tên", "22/3/2024", "", "Nội dung.");
    for name in [
        "ban-tin.md.txt",
        "Bản tin hai.MD",
        "ban-tin-ba.txt",
        "ban-tin-bon.markdown",
    ] {
        t.write(&format!("content/2024/news/{name}"), &body);
    }
    t.write("content/2024/news/Kế hoạch Sơn Tây.docx", PDF);
    t.write("content/2024/news/anh-le.jpg", PDF);
    t.write("content/pages/lien-he.txt", &body);
    let (run, records) = problems(&t, &[]);
    run.assert_ok(); // warnings only
    let wrong = with_code(&records, "post-wrong-name");
    let mut files: Vec<(String, String)> = wrong
        .iter()
        .map(|r| {
            (
                r["file"].as_str().unwrap().to_owned(),
                r["help"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    files.sort();
    let expected = [
        ("content/2024/news/Bản tin hai.MD", "`Bản tin hai.md`"),
        ("content/2024/news/ban-tin-ba.txt", "`ban-tin-ba.md`"),
        ("content/2024/news/ban-tin-bon.markdown", "`ban-tin-bon.md`"),
        ("content/2024/news/ban-tin.md.txt", "`ban-tin.md`"),
        ("content/pages/lien-he.txt", "`lien-he.md`"),
    ];
    assert_eq!(files.len(), expected.len(), "{records:#?}");
    for ((file, help), (want_file, want_name)) in files.iter().zip(expected) {
        assert_eq!(file, want_file);
        assert!(help.contains(want_name), "{help}");
    }
    for r in &wrong {
        assert_eq!(r["severity"], "warning");
    }
    let doc = with_code(&records, "post-is-a-document");
    assert_eq!(doc.len(), 1, "{records:#?}");
    assert_eq!(doc[0]["file"], "content/2024/news/Kế hoạch Sơn Tây.docx");
    assert!(
        doc[0]["help"]
            .as_str()
            .unwrap()
            .contains("`ke-hoach-son-tay.md`"),
        "{}",
        doc[0]["help"]
    );
    let stray = with_code(&records, "stray-file");
    assert_eq!(stray.len(), 1, "{records:#?}");
    assert_eq!(stray[0]["file"], "content/2024/news/anh-le.jpg");
    // The warnings fail a strict check, and the text names the file.
    let strict = t.run(&["check", "--strict"]);
    strict.assert_fails(1);
    assert!(
        strict.stdout.contains("rename the file `ban-tin.md`"),
        "{}",
        strict.stdout
    );
    // Renamed, the post is published.
    t.remove("content/2024/news/ban-tin.md.txt");
    t.write("content/2024/news/ban-tin.md", &body);
    t.build_ok();
    assert!(t.has("2024/tin-tuc/ban-tin/index.html"));
}

#[test]
fn office_and_editor_leftovers_are_never_published() {
    let t = site();
    let leftovers = [
        "content/2024/files/~$kh-640.docx",
        "content/2024/files/.~lock.kh-640.docx#",
        "content/2024/files/~WRL0001.tmp",
        "content/2024/files/kh-640.docx.asd",
        "content/static/~$bang-ron.pptx",
        "content/static/.~lock.bang-ron.odp#",
        "content/2024/news/~$tin.docx",
    ];
    for f in leftovers {
        t.write(f, "owner file");
    }
    let (run, records) = problems(&t, &["--strict"]);
    run.assert_ok();
    assert!(records.is_empty(), "{records:#?}");
    t.build_ok();
    let files = list_files(&t.join("public"));
    for f in &files {
        assert!(!f.contains('~'), "published: {f}");
    }
    assert!(t.has("2024/files/kh-640.pdf"));
}

#[test]
fn folders_named_almost_like_the_layout_say_which_name_they_should_have() {
    let t = site();
    t.write("content/2024/tin-tuc/anh.jpg", PDF);
    t.write("content/2024/Tin tức/anh.jpg", PDF);
    t.write("content/2024/tintuc/anh.jpg", PDF);
    t.write("content/2024/nwes/anh.jpg", PDF);
    t.write("content/2024/tai-lieu/kh.pdf", PDF);
    t.write("content/Pages/anh.jpg", PDF);
    // Folders that look like no layout folder are left alone.
    t.write("content/2024/anh-le-ky-niem/anh.jpg", PDF);
    let (run, records) = problems(&t, &[]);
    run.assert_ok();
    let mut got: Vec<(String, String)> = with_code(&records, "folder-near-miss")
        .iter()
        .map(|r| {
            assert_eq!(r["severity"], "warning");
            (
                r["file"].as_str().unwrap().to_owned(),
                r["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    got.sort();
    let expected = [
        ("content/2024/Tin tức", "did you mean `news/`?"),
        ("content/2024/nwes", "did you mean `news/`?"),
        ("content/2024/tai-lieu", "did you mean `files/`?"),
        ("content/2024/tin-tuc", "did you mean `news/`?"),
        ("content/2024/tintuc", "did you mean `news/`?"),
        ("content/Pages", "did you mean `pages/`?"),
    ];
    assert_eq!(got.len(), expected.len(), "{got:#?}");
    for ((file, message), (want_file, want)) in got.iter().zip(expected) {
        assert_eq!(file, want_file);
        assert!(message.contains(want), "{message}");
    }
    assert_eq!(records.len(), expected.len(), "{records:#?}");
    // A post in such a folder is an error (it would not be published).
    t.write(
        "content/2024/News/tin.md",
        post("Tin", "22/3/2024", "", "Nội dung."),
    );
    let (run, records) = problems(&t, &[]);
    assert_eq!(run.code, 1);
    assert_eq!(
        with_code(&records, "folder-near-miss").len(),
        expected.len() + 1
    );
    assert_eq!(with_code(&records, "not-in-layout").len(), 1);
}

#[test]
fn the_text_of_a_new_post_is_an_error_until_it_is_replaced() {
    let t = site();
    t.run(&["new", "post", "Tin mới", "--year", "2024"])
        .assert_ok();
    let rel = "content/2024/news/tin-moi.md";
    let text = read(&t.path, rel);
    let (run, records) = problems(&t, &[]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    let left: Vec<_> = with_code(&records, "placeholder-left")
        .into_iter()
        .map(at)
        .collect();
    assert_eq!(
        left,
        [
            (rel.to_owned(), 7, 1, "error".to_owned()),
            (rel.to_owned(), 9, 1, "error".to_owned())
        ],
        "{text}"
    );
    assert_eq!(records.len(), 2, "{records:#?}");
    // build refuses too, and publishes nothing.
    t.build(&[]).assert_fails(1);
    assert!(!t.join("public").exists());
    // One line written, one left: still an error.
    let lines: Vec<&str> = text.lines().collect();
    let written = text.replace(lines[6], "Hải Phòng tổ chức lễ kỷ niệm.");
    t.write(rel, &written);
    let (_, records) = problems(&t, &[]);
    assert_eq!(with_code(&records, "placeholder-left").len(), 1);
    t.write(rel, written.replace(lines[8], "Ảnh: đang cập nhật."));
    t.run(&["check", "--strict"]).assert_ok();
}

#[test]
fn links_with_spaces_and_links_to_this_computer_warn_at_their_place() {
    let t = site();
    t.write("content/2024/files/ke hoach.pdf", PDF);
    let rel = "content/2024/news/lien-ket.md";
    t.write(
        rel,
        post(
            "Liên kết",
            "22/3/2024",
            "",
            "Tải [Kế hoạch](../files/ke hoach.pdf) tại đây.\n\nĐúng: [Kế hoạch](<../files/ke hoach.pdf>).\n\nXem thử [trang](http://127.0.0.1:2503/2024/) và <http://localhost:2503/>.\n\n`[mã](a b)`",
        ),
    );
    t.write(
        "content/2024/index.md",
        "Xem [bản xem trước](http://[::1]:2503/).\n",
    );
    let (run, records) = problems(&t, &[]);
    run.assert_ok();
    let spaced = with_code(&records, "link-target-has-spaces");
    assert_eq!(spaced.len(), 1, "{records:#?}");
    assert_eq!(at(spaced[0]), (rel.to_owned(), 5, 16, "warning".to_owned()));
    let help = spaced[0]["help"].as_str().unwrap();
    assert!(
        help.contains("[Kế hoạch](<../files/ke hoach.pdf>)")
            && help.contains("`../files/ke-hoach.pdf`"),
        "{help}"
    );
    let local: Vec<_> = with_code(&records, "link-to-this-computer")
        .into_iter()
        .map(at)
        .collect();
    assert_eq!(
        local,
        [
            (
                "content/2024/index.md".to_owned(),
                1,
                21,
                "warning".to_owned()
            ),
            (rel.to_owned(), 9, 17, "warning".to_owned()),
            (rel.to_owned(), 9, 50, "warning".to_owned()),
        ],
        "{records:#?}"
    );
    assert_eq!(records.len(), 4, "{records:#?}");
    // The same mistakes in a text of edition.yaml, at their line.
    t.write(
        "content/2024/edition.yaml",
        EDITION_2024.replace(
            "Tổ chức trang trọng, thiết thực, hiệu quả.",
            "Xem [Kế hoạch](files/ke hoach.pdf).",
        ),
    );
    let (_, records) = problems(&t, &[]);
    let spaced: Vec<_> = with_code(&records, "link-target-has-spaces")
        .into_iter()
        .filter(|r| r["file"] == "content/2024/edition.yaml")
        .collect();
    assert_eq!(spaced.len(), 1, "{records:#?}");
    let line = EDITION_2024
        .lines()
        .position(|l| l.contains("Tổ chức trang trọng"))
        .unwrap()
        + 1;
    assert_eq!(
        at(spaced[0]),
        (
            "content/2024/edition.yaml".to_owned(),
            line as u64,
            21,
            "warning".to_owned()
        )
    );
}

#[test]
fn titles_and_tags_in_curly_quotes_warn_at_the_value() {
    let t = site();
    let rel = "content/2024/news/ngoac-cong.md";
    t.write(
        rel,
        "---\ntitle: “Lễ kỷ niệm ngày 25/3”\ndate: \"22/3/2024\"\ntags: [“Hải Phòng”, \"Kế hoạch\"]\n---\nNội dung.\n",
    );
    t.write(
        "content/pages/trang.md",
        "---\ntitle: ‘Trang riêng’\n---\nNội dung.\n",
    );
    // Quotes inside a title are the title's own.
    t.write(
        "content/2024/news/ngoac-trong.md",
        post(
            "Phát huy truyền thống “Lá lành đùm lá rách”",
            "22/3/2024",
            "tags: [\"Hải Phòng\"]\n",
            "Nội dung.",
        ),
    );
    let (run, records) = problems(&t, &[]);
    run.assert_ok();
    let titles: Vec<_> = with_code(&records, "title-in-curly-quotes")
        .into_iter()
        .map(at)
        .collect();
    assert_eq!(
        titles,
        [
            (rel.to_owned(), 2, 8, "warning".to_owned()),
            (
                "content/pages/trang.md".to_owned(),
                2,
                8,
                "warning".to_owned()
            ),
        ]
    );
    let tags = with_code(&records, "tag-in-curly-quotes");
    assert_eq!(tags.len(), 1, "{records:#?}");
    assert_eq!(at(tags[0]), (rel.to_owned(), 4, 8, "warning".to_owned()));
    assert!(
        tags[0]["help"]
            .as_str()
            .unwrap()
            .contains("tags: [\"Hải Phòng\"]"),
        "{}",
        tags[0]["help"]
    );
    assert_eq!(records.len(), 3, "{records:#?}");
}

/// `href`/`src` values of `html` that contain `needle`.
fn links_with(html: &str, needle: &str) -> Vec<String> {
    links_in(html)
        .into_iter()
        .filter(|l| l.contains(needle))
        .collect()
}

#[test]
fn images_and_attachments_are_linked_once_relative_and_encoded() {
    for base in [
        "https://ctxh.example.gov.vn/",
        "https://example.gov.vn/ctxh/",
    ] {
        let t = site();
        t.write(
            "content/site.yaml",
            SITE_YAML.replace("https://ctxh.example.gov.vn/", base),
        );
        t.write("content/2024/files/anh le.jpg", jpeg(640, 480, &[]));
        t.write("content/2024/files/Kế hoạch 640.pdf", PDF);
        t.write(
            "content/2024/edition.yaml",
            EDITION_2024.replace("file: \"kh-640.pdf\"", "file: \"Kế hoạch 640.pdf\""),
        );
        for (slug, image) in [
            ("mot", "../files/anh le.jpg"),
            ("hai", "../../2024/files/anh le.jpg"),
            ("ba", "/2024/files/anh le.jpg"),
        ] {
            t.write(
                &format!("content/2024/news/anh-{slug}.md"),
                post(
                    "Ảnh",
                    "22/3/2024",
                    &format!("image: \"{image}\"\nimage_alt: \"Lễ kỷ niệm\"\n"),
                    "Ảnh trong bài: ![Lễ](<../files/anh le.jpg>)",
                ),
            );
        }
        t.write(
            "content/pages/gioi-thieu.md",
            "---\ntitle: \"Giới thiệu\"\n---\n![Lễ](<../2024/files/anh le.jpg>)\n",
        );
        t.build(&["--base-url", base]).assert_ok();
        // A photo is published as its processed files, named after a slug
        // of its name (nothing left to encode): the cover and the body
        // image, each a WebP and a JPEG srcset (480 px and the photo's own
        // 640) and an `src`.
        let photo = |prefix: &str, page: &str| {
            let links = links_with(page, "anh-le-");
            assert!(
                links.iter().all(|l| l.starts_with(prefix)
                    && (l.ends_with(".jpg") || l.ends_with(".webp"))),
                "{base} {links:?}"
            );
            links.len()
        };
        for slug in ["mot", "hai", "ba"] {
            let page = t.out(&format!("2024/tin-tuc/anh-{slug}/index.html"));
            assert!(!page.contains("anh%20le"), "{base} {slug}");
            assert_eq!(
                photo("../../../2024/files/anh-le-", &page),
                10,
                "{base} {slug}"
            );
        }
        // One level deep: the year page and a page.
        let year = t.out("2024/index.html");
        assert_eq!(
            links_with(&year, "K%E1"),
            ["../2024/files/K%E1%BA%BF%20ho%E1%BA%A1ch%20640.pdf"],
            "{base}"
        );
        let page = t.out("gioi-thieu/index.html");
        assert_eq!(photo("../2024/files/anh-le-", &page), 5, "{base}");
        assert_links_resolve(&t.join("public"));
    }
}

#[test]
fn a_new_edition_leaves_out_or_marks_what_belonged_to_the_year_before() {
    let t = site();
    // A site title that needs quotes in YAML, and 2024 texts with a
    // deadline and a district.
    t.write(
        "content/site.yaml",
        SITE_YAML.replace(
            "title: \"Ngày Công tác xã hội Việt Nam\"",
            "title: \"Ngày CTXH: 25/3 # kỷ niệm\"",
        ),
    );
    let edition = EDITION_2024
        .replace(
            "    tasks: \"Tuyên truyền trong ngành y tế.\"",
            "    tasks: \"Tuyên truyền trong ngành y tế; báo cáo trước ngày 14/4/2024.\"",
        )
        .replace(
            "  - \"Tổ chức trang trọng, thiết thực, hiệu quả.\"",
            "  - \"Tổ chức trang trọng, thiết thực, hiệu quả.\"\n  - \"Tại huyện Sơn Tây, các xã xây dựng kế hoạch riêng.\"\n  - 'Ghi chú: dùng dấu # và \"ngoặc\"'",
        );
    t.write("content/2024/edition.yaml", &edition);
    t.run(&["new", "edition", "2025"]).assert_ok();
    let yaml = read(&t.path, "content/2025/edition.yaml");
    // Nothing of 2024's own: period, activities, documents, report, roles.
    for own in [
        "20/3/2024",
        "640/UBND",
        "Treo băng rôn",
        "Chủ trì",
        "Phòng Lao động",
    ] {
        assert!(!yaml.contains(own), "{own} copied:\n{yaml}");
    }
    // Every value written is quoted.
    for line in yaml.lines().filter(|l| !l.trim_start().starts_with('#')) {
        let item = line.trim_start();
        let item = item.strip_prefix("- ").unwrap_or(item);
        if item.is_empty() || item.starts_with('"') || item.ends_with(':') {
            continue;
        }
        let (_, value) = item.split_once(": ").unwrap_or_else(|| panic!("{line}"));
        assert!(value.starts_with('"'), "unquoted: {line}");
    }
    assert!(
        yaml.contains("\"Ghi chú: dùng dấu # và \\\"ngoặc\\\"\""),
        "{yaml}"
    );
    // The theme, the dated task and the district's requirement are marked
    // and reported until they are rewritten; everything else is valid.
    let (run, records) = problems(&t, &[]);
    assert_eq!(run.code, 1);
    let marked: Vec<u64> = with_code(&records, "placeholder-left")
        .iter()
        .map(|r| {
            assert_eq!(r["file"], "content/2025/edition.yaml");
            r["line"].as_u64().unwrap()
        })
        .collect();
    let line_of = |needle: &str| yaml.lines().position(|l| l.contains(needle)).unwrap() as u64 + 1;
    assert_eq!(
        marked,
        [line_of("Tại huyện Sơn Tây"), line_of("14/4/2024")],
        "{records:#?}"
    );
    assert!(
        yaml.lines()
            .nth(line_of("14/4/2024") as usize - 1)
            .unwrap()
            .contains("CẦN ĐIỀN")
    );
    let others: Vec<&Value> = records
        .iter()
        .filter(|r| r["code"] != "placeholder-left" && r["file"] == "content/2025/edition.yaml")
        .collect();
    // The theme, and the link relative to 2024/ (as before).
    assert_eq!(others.len(), 2, "{others:#?}");
    let filled = yaml
        .replace("CẦN ĐIỀN: chủ đề năm 2025", "Chủ đề năm 2025")
        .replace("(news/ke-hoach.md)", "(../2024/news/ke-hoach.md)")
        .lines()
        .map(|l| match l.find("CẦN ĐIỀN (") {
            Some(i) => {
                let end = l[i..].find("): ").unwrap() + i + 3;
                format!("{}{}", &l[..i], &l[end..])
            }
            None => l.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    t.write("content/2025/edition.yaml", filled);
    t.run(&["check", "--strict"]).assert_ok();
}
