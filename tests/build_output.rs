//! `campaign build`: the files it writes, their links and absolute URLs,
//! the home page, themes, and how the output folder is replaced.

mod common;

use common::*;

#[test]
fn every_url_of_the_output_table_is_written() {
    let t = site();
    let run = t.build_ok();
    assert!(
        run.stdout.contains("pages (4 posts, 2 editions)") && run.stdout.contains(" ms"),
        "closing line: {}",
        run.stdout
    );

    // `/`: the current (latest) edition.
    let home = t.out("index.html");
    assert!(home.contains(THEME_2024), "{home}");

    // `/<year>/`
    let y2024 = t.out("2024/index.html");
    assert!(y2024.contains("lần thứ 8") && y2024.contains(THEME_2024));
    assert!(y2024.contains("Giới thiệu năm 2024"), "the year's index.md");
    let y2023 = t.out("2023/index.html");
    assert!(y2023.contains("lần thứ 7") && y2023.contains(THEME_2023));

    // `/<year>/bang-ron/`: the theme first, then the slogans.
    let banners = t.out("2024/bang-ron/index.html");
    assert_in_order(
        &banners,
        &[
            THEME_2024,
            "Phát huy truyền thống “Lá lành đùm lá rách”",
            "Thương yêu, tương trợ, đoàn kết",
        ],
    );

    // `/<year>/tin-tuc/` and `/<year>/tin-tuc/trang-2/`: newest first, two per page.
    let news = t.out("2024/tin-tuc/index.html");
    assert_in_order(
        &news,
        &[
            "Nhắc hạn báo cáo năm 2024",
            "Hải Phòng ban hành kế hoạch kỷ niệm",
        ],
    );
    assert!(!news.contains("Sơn Tây ban hành công văn"));
    assert!(
        news.contains("href=\"../../2024/tin-tuc/trang-2/\""),
        "{news}"
    );
    let news2 = t.out("2024/tin-tuc/trang-2/index.html");
    assert!(news2.contains("Sơn Tây ban hành công văn"));
    assert!(!news2.contains("Nhắc hạn báo cáo năm 2024"));
    assert!(!t.has("2024/tin-tuc/trang-3/index.html"));
    assert!(!t.has("2024/tin-tuc/trang-1/index.html"));
    assert!(!t.has("2023/tin-tuc/trang-2/index.html"));
    assert!(t.out("2023/tin-tuc/index.html").contains("Chủ đề năm 2023"));

    // `/<year>/tin-tuc/<slug>/`
    let post = t.out("2024/tin-tuc/ke-hoach/index.html");
    assert!(post.contains("<h1>Hải Phòng ban hành kế hoạch kỷ niệm</h1>"));
    assert!(post.contains("KE-HOACH-BODY"));
    assert!(post.contains("Thủy Loan"));
    assert!(t.has("2024/tin-tuc/cong-van/index.html"));
    assert!(t.has("2024/tin-tuc/nhac-han/index.html"));
    assert!(t.has("2023/tin-tuc/chu-de-2023/index.html"));

    // `/tin-tuc/` and `/tin-tuc/trang-N/`: all years.
    let all = t.out("tin-tuc/index.html");
    assert_in_order(
        &all,
        &[
            "Nhắc hạn báo cáo năm 2024",
            "Hải Phòng ban hành kế hoạch kỷ niệm",
        ],
    );
    let all2 = t.out("tin-tuc/trang-2/index.html");
    assert_in_order(&all2, &["Sơn Tây ban hành công văn", "Chủ đề năm 2023"]);
    assert!(!t.has("tin-tuc/trang-3/index.html"));

    // `/the/` and `/the/<tag>/`, with counts.
    let tags = t.out("the/index.html");
    assert!(
        tags.contains("href=\"../the/hai-phong/\">Hải Phòng</a>"),
        "{tags}"
    );
    assert!(tags.contains("(2 bài)"));
    let tag = t.out("the/hai-phong/index.html");
    assert!(tag.contains("Nhắc hạn báo cáo năm 2024"));
    assert!(tag.contains("Hải Phòng ban hành kế hoạch kỷ niệm"));
    assert!(!tag.contains("Sơn Tây ban hành công văn"));
    for slug in ["ke-hoach", "cong-van", "quang-ngai", "bao-cao", "chu-de"] {
        assert!(t.has(&format!("the/{slug}/index.html")), "tag {slug}");
    }

    // `/luu-tru/`: every edition, newest first, with ordinal and theme.
    let archive = t.out("luu-tru/index.html");
    assert_in_order(
        &archive,
        &[
            "Năm 2024",
            "lần thứ 8",
            THEME_2024,
            "Năm 2023",
            "lần thứ 7",
            THEME_2023,
        ],
    );

    // `/<name>/` from pages/.
    let page = t.out("gioi-thieu/index.html");
    assert!(page.contains("Giới thiệu về Ngày Công tác xã hội"));
    assert!(page.contains("Ngày 25/3 hằng năm là Ngày Công tác xã hội Việt Nam."));

    // Feeds.
    let feed = t.out("feed.xml");
    assert!(feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\""));
    assert_eq!(feed.matches("<entry>").count(), 4);
    assert!(feed.contains("Chủ đề năm 2023"));
    let feed2024 = t.out("2024/feed.xml");
    assert_eq!(feed2024.matches("<entry>").count(), 3);
    assert!(!feed2024.contains("Chủ đề năm 2023"));
    assert!(t.out("2023/feed.xml").contains("Chủ đề năm 2023"));

    // Sitemap, robots, 404.
    let sitemap = t.out("sitemap.xml");
    assert!(sitemap.contains("<urlset"));
    for path in [
        "",
        "2024/",
        "2024/bang-ron/",
        "2024/tin-tuc/",
        "2024/tin-tuc/trang-2/",
        "2024/tin-tuc/ke-hoach/",
        "tin-tuc/trang-2/",
        "the/",
        "the/hai-phong/",
        "luu-tru/",
        "gioi-thieu/",
    ] {
        let loc = format!("<loc>https://ctxh.example.gov.vn/{path}</loc>");
        assert!(sitemap.contains(&loc), "sitemap lacks {loc}");
    }
    assert!(!sitemap.contains("404"));
    let robots = t.out("robots.txt");
    assert!(robots.contains("Sitemap: https://ctxh.example.gov.vn/sitemap.xml"));
    let not_found = t.out("404.html");
    assert!(not_found.contains("Không tìm thấy trang"));

    // Static files and attachments, copied unchanged; the theme's stylesheet.
    assert_eq!(
        std::fs::read(t.join("public/2024/files/kh-640.pdf")).unwrap(),
        PDF
    );
    assert_eq!(t.out("tai-lieu/huong-dan.txt"), "Hướng dẫn tĩnh.\n");
    assert!(t.has("logo.svg") && t.has("favicon.svg"));
    assert!(t.out("style.css").contains("banner"));
    // The attachment is linked from the year page.
    assert!(y2024.contains("href=\"../2024/files/kh-640.pdf\""));
}

#[test]
fn internal_links_are_relative_and_resolve_in_a_fixture() {
    let t = built_site();
    assert_links_resolve(&t.join("public"));
    // Spot checks at three depths.
    assert!(t.out("index.html").contains("href=\"./style.css\""));
    assert!(t.out("2024/index.html").contains("href=\"../style.css\""));
    assert!(
        t.out("2024/tin-tuc/ke-hoach/index.html")
            .contains("href=\"../../../style.css\"")
    );
}

#[test]
fn the_real_site_builds_with_both_editions_and_relative_links() {
    let content = concat!(env!("CARGO_MANIFEST_DIR"), "/content");
    let t = TestDir::new();
    let out = t.join("out");
    t.build(&["--source", content, "--output", out.to_str().unwrap()])
        .assert_ok();

    let y2023 = read(&out, "2023/index.html");
    assert!(y2023.contains(THEME_2023), "2023 theme");
    assert!(y2023.contains("lần thứ 7"));
    let y2024 = read(&out, "2024/index.html");
    assert!(y2024.contains(THEME_2024), "2024 theme");
    assert!(y2024.contains("lần thứ 8"));
    for (year, page) in [(2023, &y2023), (2024, &y2024)] {
        for section in ["Mục đích", "Các hoạt động", "Tổ chức thực hiện", "Văn bản"]
        {
            assert!(page.contains(section), "{year} lacks {section}");
        }
        let posts = std::fs::read_dir(out.join(format!("{year}/tin-tuc")))
            .unwrap()
            .flatten()
            .filter(|e| e.path().join("index.html").is_file())
            .filter(|e| !e.file_name().to_string_lossy().starts_with("trang-"))
            .count();
        assert!(posts >= 3, "{year} has {posts} posts");
    }
    let home = read(&out, "index.html");
    assert!(home.contains(THEME_2024));
    assert_links_resolve(&out);
    // Every page can be reached from the home page (the tag index too).
    assert_eq!(unlinked_pages(&out), Vec::<String>::new());
}

#[test]
fn every_page_of_a_fixture_is_reached_from_the_home_page() {
    let t = built_site();
    let out = t.join("public");
    assert_eq!(unlinked_pages(&out), Vec::<String>::new());
    // The tag index, from the news lists and from each tag's page.
    assert!(t.out("tin-tuc/index.html").contains("href=\"../the/\""));
    assert!(
        t.out("2024/tin-tuc/index.html")
            .contains("href=\"../../the/\"")
    );
}

#[test]
fn absolute_urls_come_from_base_url_with_its_subpath() {
    let t = site();
    t.write(
        "content/site.yaml",
        SITE_YAML.replace(
            "https://ctxh.example.gov.vn/",
            "https://www.example.gov.vn/so-ldtbxh/ctxh",
        ),
    );
    t.build_ok();
    let base = "https://www.example.gov.vn/so-ldtbxh/ctxh/";
    let post = t.out("2024/tin-tuc/ke-hoach/index.html");
    assert!(
        post.contains(&format!(
            "<link rel=\"canonical\" href=\"{base}2024/tin-tuc/ke-hoach/\">"
        )),
        "{post}"
    );
    assert!(post.contains(&format!(
        "<meta property=\"og:url\" content=\"{base}2024/tin-tuc/ke-hoach/\">"
    )));
    assert!(
        t.out("index.html")
            .contains(&format!("<link rel=\"canonical\" href=\"{base}\">"))
    );
    let feed = t.out("feed.xml");
    assert!(feed.contains(&format!("<id>{base}2024/tin-tuc/ke-hoach/</id>")));
    assert!(feed.contains(&format!("href=\"{base}2024/tin-tuc/ke-hoach/\"")));
    assert!(feed.contains(&format!(
        "<link rel=\"self\" type=\"application/atom+xml\" href=\"{base}feed.xml\"/>"
    )));
    assert!(
        t.out("2024/feed.xml")
            .contains(&format!("href=\"{base}2024/feed.xml\""))
    );
    let sitemap = t.out("sitemap.xml");
    assert!(sitemap.contains(&format!("<loc>{base}</loc>")));
    assert!(sitemap.contains(&format!("<loc>{base}2024/tin-tuc/ke-hoach/</loc>")));
    assert!(!sitemap.contains("ctxh.example.gov.vn"));
    assert!(
        t.out("robots.txt")
            .contains(&format!("Sitemap: {base}sitemap.xml"))
    );
    // Internal links do not carry the base: the same output works anywhere.
    assert_links_resolve(&t.join("public"));
    assert!(!post.contains(&format!("href=\"{base}2024/\"")));
}

#[test]
fn base_url_option_overrides_site_yaml() {
    let t = site();
    t.build(&["--base-url", "https://preview.example.org/thu"])
        .assert_ok();
    let base = "https://preview.example.org/thu/";
    assert!(
        t.out("2024/index.html")
            .contains(&format!("<link rel=\"canonical\" href=\"{base}2024/\">"))
    );
    assert!(
        t.out("feed.xml")
            .contains(&format!("<id>{base}2024/tin-tuc/nhac-han/</id>"))
    );
    assert!(
        t.out("sitemap.xml")
            .contains(&format!("<loc>{base}luu-tru/</loc>"))
    );
    assert!(
        t.out("robots.txt")
            .contains(&format!("Sitemap: {base}sitemap.xml"))
    );
    for file in ["index.html", "feed.xml", "sitemap.xml", "robots.txt"] {
        assert!(
            !t.out(file).contains("ctxh.example.gov.vn"),
            "{file} still uses base_url from site.yaml"
        );
    }
}

#[test]
fn home_page_shows_the_current_edition() {
    let t = built_site();
    let home = t.out("index.html");
    // The theme as the banner heading, with the ordinal.
    assert!(
        home.contains(&format!(
            "<h1 class=\"banner-text\" id=\"chu-de\">{THEME_2024}</h1>"
        )),
        "{home}"
    );
    assert!(home.contains("lần thứ 8"));
    // The day and its status (CAMPAIGN_TODAY is five days before).
    assert!(home.contains("<time datetime=\"2024-03-25\">ngày 25 tháng 3 năm 2024</time>"));
    assert!(home.contains("Còn 5 ngày nữa"));
    // Introduction, purposes, activities, units.
    assert!(home.contains("Chào mừng đến với trang"));
    assert!(home.contains("Khẳng định giá trị <strong>nhân văn</strong>"));
    assert!(home.contains("Treo băng rôn, khẩu hiệu trên các tuyến phố"));
    assert!(home.contains("Sở Y tế Hải Phòng"));
    assert!(home.contains("Hội Liên hiệp Phụ nữ thành phố"));
    // Latest news (newest first), and links to the archive and the year.
    assert_in_order(
        &home,
        &[
            "Nhắc hạn báo cáo năm 2024",
            "Hải Phòng ban hành kế hoạch kỷ niệm",
            "Sơn Tây ban hành công văn",
        ],
    );
    assert!(home.contains("href=\"./luu-tru/\""));
    assert!(home.contains("href=\"./2024/\""));
    assert!(home.contains("href=\"./2024/bang-ron/\""));
    assert!(!home.contains(THEME_2023));
}

#[test]
fn current_in_site_yaml_selects_an_older_edition() {
    let t = site();
    t.write("content/site.yaml", format!("{SITE_YAML}current: 2023\n"));
    t.build_ok();
    let home = t.out("index.html");
    assert!(
        home.contains(&format!(
            "<h1 class=\"banner-text\" id=\"chu-de\">{THEME_2023}</h1>"
        )),
        "{home}"
    );
    assert!(home.contains("lần thứ 7"));
    assert!(home.contains("Đã diễn ra"));
    assert!(!home.contains(THEME_2024));
    // The 2024 edition is still published.
    assert!(t.out("2024/index.html").contains(THEME_2024));

    // A year without an edition is an error.
    t.write("content/site.yaml", format!("{SITE_YAML}current: 2030\n"));
    let err = t.build(&[]).assert_fails(1).to_owned();
    assert!(err.contains("content/site.yaml:17:1"), "{err}");
    assert!(err.contains("2030"), "{err}");
}

#[test]
fn a_second_theme_overrides_one_template_and_falls_back_for_the_rest() {
    let t = site();
    t.write(
        "content/site.yaml",
        SITE_YAML.replace("theme: default", "theme: xanh"),
    );
    t.write(
        "themes/xanh/templates/base.html",
        r#"<!DOCTYPE html>
<html lang="{{ site.language }}" class="theme-xanh">
<head><meta charset="utf-8"><title>{% block title %}{{ page.title }}{% endblock title %} | XANH</title>
<link rel="stylesheet" href="{{ root }}style.css">{% block head %}{% endblock head %}</head>
<body><p class="xanh-marker">Giao diện xanh</p>
<main>{% block content %}{% endblock content %}</main>
</body>
</html>
"#,
    );
    t.build_ok();
    for file in [
        "index.html",
        "2024/index.html",
        "2024/tin-tuc/ke-hoach/index.html",
        "luu-tru/index.html",
    ] {
        let html = t.out(file);
        assert!(
            html.contains("Giao diện xanh"),
            "{file} not from base.html of xanh"
        );
        assert!(
            !html.contains("skip-link"),
            "{file} still uses the default base.html"
        );
    }
    // The page templates and static files come from the default theme.
    let home = t.out("index.html");
    assert!(home.contains(&format!(
        "<h1 class=\"banner-text\" id=\"chu-de\">{THEME_2024}</h1>"
    )));
    assert!(
        t.out("2024/tin-tuc/ke-hoach/index.html")
            .contains("<h1>Hải Phòng ban hành kế hoạch kỷ niệm</h1>")
    );
    assert!(t.out("style.css").contains("banner"));
    assert!(t.out("feed.xml").contains("<feed"));
    assert_links_resolve(&t.join("public"));
}

#[test]
fn a_second_theme_overrides_a_page_template_and_a_static_file() {
    let t = site();
    t.write(
        "content/site.yaml",
        SITE_YAML.replace("theme: default", "theme: do"),
    );
    t.write(
        "themes/do/templates/post.html",
        "{% extends \"base.html\" %}{% block content %}<p class=\"post-do\">BÀI: {{ post.title }}</p>{% endblock content %}",
    );
    t.write("themes/do/static/style.css", "/* do */\n");
    t.write("themes/do/static/extra.js", "// thêm\n");
    t.build_ok();
    let post = t.out("2024/tin-tuc/ke-hoach/index.html");
    assert!(post.contains("BÀI: Hải Phòng ban hành kế hoạch kỷ niệm"));
    assert!(
        post.contains("skip-link"),
        "base.html falls back to default"
    );
    assert!(!t.out("2024/index.html").contains("post-do"));
    assert_eq!(t.out("style.css"), "/* do */\n");
    assert_eq!(t.out("extra.js"), "// thêm\n");
}

#[test]
fn a_missing_theme_is_an_error() {
    let t = site();
    t.write(
        "content/site.yaml",
        SITE_YAML.replace("theme: default", "theme: khong-co"),
    );
    let err = t.build(&[]).assert_fails(1).to_owned();
    assert!(err.contains("khong-co"), "{err}");
    assert!(!t.join("public").exists());
}

#[test]
fn a_failed_build_leaves_the_previous_output_unchanged() {
    let t = built_site();
    let before = snapshot(&t.join("public"));
    assert!(before.contains_key("index.html"));

    t.write(
        "content/2024/edition.yaml",
        EDITION_2024.replace("purposes:", "purpose:"),
    );
    t.write(
        "content/2024/news/moi.md",
        post("Tin mới", "23/3/2024", "", "Không được xuất bản."),
    );
    let err = t.build(&[]).assert_fails(1).to_owned();
    assert!(err.contains("purpose"), "{err}");
    assert_eq!(
        snapshot(&t.join("public")),
        before,
        "public/ changed after a failed build"
    );
    // No staging folder is left behind.
    let leftovers: Vec<String> = std::fs::read_dir(&t.path)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        // The cache of banners and share images is kept, as photos' is.
        .filter(|n| n.contains("campaign") && n != ".campaign-cache")
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn files_that_no_longer_belong_to_the_site_disappear() {
    let t = built_site();
    assert!(t.has("2024/tin-tuc/cong-van/index.html"));
    assert!(t.has("the/quang-ngai/index.html"));
    t.write("public/stray.html", "<p>old</p>");

    t.remove("content/2024/news/cong-van.md");
    t.build_ok();
    assert!(!t.join("public/2024/tin-tuc/cong-van").exists());
    assert!(!t.join("public/the/quang-ngai").exists(), "its only tag");
    // A file campaign did not write is the user's: kept (issue 10).
    assert!(t.has("stray.html"));
    assert!(!t.has("2024/tin-tuc/trang-2/index.html"), "now one page");
    assert!(
        !t.out("2024/tin-tuc/index.html")
            .contains("Sơn Tây ban hành công văn")
    );
    assert!(!t.out("feed.xml").contains("cong-van"));
    assert!(!t.out("sitemap.xml").contains("cong-van"));
}

#[test]
fn a_foreign_output_folder_is_refused_and_kept() {
    let t = site();
    t.write("notes/notes.txt", "ghi chú quan trọng");
    let err = t.build(&["--output", "notes"]).assert_fails(1).to_owned();
    assert!(err.contains("refus"), "{err}");
    assert!(err.contains("notes"), "{err}");
    assert_eq!(
        std::fs::read_to_string(t.join("notes/notes.txt")).unwrap(),
        "ghi chú quan trọng"
    );
    assert_eq!(list_files(&t.join("notes")), ["notes.txt"]);

    // An empty folder is fine, and becomes campaign's own.
    std::fs::create_dir_all(t.join("empty")).unwrap();
    t.build(&["--output", "empty"]).assert_ok();
    assert!(t.join("empty/index.html").is_file());
    t.build(&["--output", "empty"]).assert_ok();
}

#[test]
fn the_content_folder_and_its_parent_are_refused_as_output() {
    let t = site();
    let before = snapshot(&t.join("content"));
    for output in ["content", "content/", ".", "content/2024"] {
        let err = t.build(&["--output", output]).assert_fails(1).to_owned();
        assert!(err.contains("refus"), "--output {output}: {err}");
        assert_eq!(
            snapshot(&t.join("content")),
            before,
            "--output {output} changed the content"
        );
    }
    let abs = t.join("content");
    t.build(&["--output", abs.to_str().unwrap()])
        .assert_fails(1);
    assert_eq!(snapshot(&t.join("content")), before);
}

#[test]
fn the_link_checker_itself_finds_broken_and_rooted_links() {
    let t = TestDir::with(&[
        (
            "out/index.html",
            "<a href=\"a/\">a</a> <a href=\"https://x.vn/\">x</a> <a href=\"#top\">top</a>",
        ),
        (
            "out/a/index.html",
            "<a href=\"../\">home</a> <img src=\"../b.png\"> <a href=\"/a/\">rooted</a> <a href=\"../c/#x\">c</a>",
        ),
    ]);
    let (problems, checked) = check_relative_links(&t.join("out"));
    assert_eq!(checked, 5, "{problems:?}");
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(problems.iter().any(|p| p.contains("`../b.png`")));
    assert!(
        problems
            .iter()
            .any(|p| p.contains("`/a/`") && p.contains("site-rooted"))
    );
    assert!(problems.iter().any(|p| p.contains("`../c/#x`")));
}

#[test]
fn tag_lists_are_paginated_like_news_lists() {
    let t = site();
    for i in 1..=3 {
        t.write(
            &format!("content/2024/news/them-{i}.md"),
            format!(
                "---\ntitle: \"Thêm {i}\"\ndate: \"{i}/2/2024\"\ntags: [\"Hải Phòng\"]\n---\nx\n"
            ),
        );
    }
    t.build_ok();
    // 5 posts tagged Hải Phòng, 2 per page: 3 pages.
    assert!(t.has("the/hai-phong/index.html"));
    assert!(t.has("the/hai-phong/trang-2/index.html"));
    assert!(t.has("the/hai-phong/trang-3/index.html"));
    assert!(!t.has("the/hai-phong/trang-4/index.html"));
    let first = t.out("the/hai-phong/index.html");
    assert!(first.contains("trang-2/"), "page 1 links to page 2");
    let last = t.out("the/hai-phong/trang-3/index.html");
    assert!(
        last.contains("Thêm 1"),
        "the oldest post is on the last page"
    );
    assert_links_resolve(&t.join("public"));
}

#[test]
fn a_bad_base_url_on_the_command_line_is_a_usage_error() {
    let t = site();
    let run = t.build(&["--base-url", "ctxh.example.vn"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("absolute web address"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_default_theme_brings_its_own_logo_and_favicon() {
    let t = site();
    t.remove("content/static/logo.svg");
    t.remove("content/static/favicon.svg");
    t.build_ok();
    assert!(t.has("logo.svg") && t.has("favicon.svg"));
    assert_links_resolve(&t.join("public"));
}
