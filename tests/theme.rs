//! The default theme: the menu marks the current section on every page,
//! tables scroll in a named region, the edition page has a contents list
//! whose links lead to its sections, and lists show posts as cards.

mod common;

use common::*;

/// The main menu of a page (from `<nav class="site-nav"` to its end).
fn menu(page: &str) -> &str {
    let start = pos(page, "<nav class=\"site-nav\"");
    &page[start..start + pos(&page[start..], "</nav>")]
}

/// The menu entries a page marks: (title, `aria-current` value).
fn marked(page: &str) -> Vec<(String, String)> {
    let menu = menu(page);
    menu.match_indices("aria-current=\"")
        .map(|(i, m)| {
            let rest = &menu[i + m.len()..];
            let value = &rest[..pos(rest, "\"")];
            let text = &rest[pos(rest, ">") + 1..];
            let title = &text[..pos(text, "<")];
            (title.to_owned(), value.to_owned())
        })
        .collect()
}

fn mark(title: &str, value: &str) -> Vec<(String, String)> {
    vec![(title.to_owned(), value.to_owned())]
}

#[test]
fn the_menu_marks_the_section_of_every_page() {
    let t = built_site();
    // The page itself.
    assert_eq!(marked(&t.out("index.html")), mark("Trang chủ", "page"));
    assert_eq!(
        marked(&t.out("tin-tuc/index.html")),
        mark("Tin tức", "page")
    );
    assert_eq!(
        marked(&t.out("luu-tru/index.html")),
        mark("Lưu trữ", "page")
    );
    assert_eq!(
        marked(&t.out("gioi-thieu/index.html")),
        mark("Giới thiệu", "page")
    );
    // A page of its section: news everywhere it is listed or shown.
    for page in [
        "tin-tuc/trang-2/index.html",
        "2024/tin-tuc/index.html",
        "2024/tin-tuc/ke-hoach/index.html",
        "2023/tin-tuc/chu-de-2023/index.html",
        "the/index.html",
        "the/hai-phong/index.html",
    ] {
        assert_eq!(marked(&t.out(page)), mark("Tin tức", "true"), "{page}");
    }
    // The year the home page presents belongs to it; a past year to the
    // archive.
    for page in ["2024/index.html", "2024/bang-ron/index.html"] {
        assert_eq!(marked(&t.out(page)), mark("Trang chủ", "true"), "{page}");
    }
    for page in ["2023/index.html", "2023/bang-ron/index.html"] {
        assert_eq!(marked(&t.out(page)), mark("Lưu trữ", "true"), "{page}");
    }
    // The marked entry is styled as such.
    assert!(menu(&t.out("2024/tin-tuc/ke-hoach/index.html")).contains("class=\"is-ancestor\""));
    // The 404 page is in no section.
    assert_eq!(marked(&t.out("404.html")), []);
}

#[test]
fn the_current_year_follows_the_setting() {
    let t = site();
    t.write(
        "content/site.yaml",
        SITE_YAML.replace("news_per_page: 2", "news_per_page: 2\ncurrent: 2023"),
    );
    t.build_ok();
    assert_eq!(marked(&t.out("2023/index.html")), mark("Trang chủ", "true"));
    assert_eq!(marked(&t.out("2024/index.html")), mark("Lưu trữ", "true"));
}

#[test]
fn a_menu_entry_for_a_year_is_marked_on_its_pages() {
    let t = site();
    t.write(
        "content/site.yaml",
        SITE_YAML.replace(
            "  - { title: \"Lưu trữ\", url: \"/luu-tru/\" }",
            "  - { title: \"Năm 2024\", url: \"/2024\" }",
        ),
    );
    t.build_ok();
    assert_eq!(marked(&t.out("2024/index.html")), mark("Năm 2024", "page"));
    assert_eq!(
        marked(&t.out("2024/tin-tuc/ke-hoach/index.html")),
        mark("Năm 2024", "true")
    );
    // No archive entry: a past year marks nothing.
    assert_eq!(marked(&t.out("2023/index.html")), []);
}

#[test]
fn tables_scroll_in_a_region_named_after_their_header() {
    let t = site();
    t.write(
        "content/2024/news/bang.md",
        post(
            "Bảng văn bản",
            "23/3/2024",
            "",
            "Các văn bản:\n\n| Ngày | Số, ký hiệu | Cơ quan \"ban hành\" |\n|---|---|---|\n| 12/3/2024 | 978/BLĐTBXH-BTXH | Bộ |\n\n| A |\n|---|\n| 1 |\n",
        ),
    );
    t.write(
        "content/2024/index.md",
        "## Lịch\n\n| Ngày | Việc |\n|---|---|\n| 25/3 | Lễ |\n",
    );
    t.build_ok();
    let post = t.out("2024/tin-tuc/bang/index.html");
    assert_eq!(post.matches("<table>").count(), 2);
    assert!(
        post.contains(
            "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Bảng: Ngày, Số, ký hiệu, Cơ quan &quot;ban hành&quot;\"><table>"
        ),
        "{post}"
    );
    assert!(post.contains("aria-label=\"Bảng: A\"><table>"), "{post}");
    assert_eq!(post.matches("</table></div>").count(), 2);
    // Markdown anywhere: an edition's introduction too.
    let year = t.out("2024/index.html");
    assert!(
        year.contains("aria-label=\"Bảng: Ngày, Việc\"><table>"),
        "{year}"
    );
    // Every table of every page is in a region.
    for file in list_files(&t.join("public")) {
        if file.ends_with(".html") {
            let html = t.out(&file);
            assert_eq!(
                html.matches("<table>").count(),
                html.matches("role=\"region\" tabindex=\"0\" aria-label=\"Bảng")
                    .count(),
                "{file}"
            );
        }
    }
}

/// The `href="#…"` targets of the contents lists of an edition page.
fn contents(page: &str) -> Vec<Vec<String>> {
    page.match_indices("<ol class=\"toc-list\"")
        .map(|(i, _)| {
            let list = &page[i..i + pos(&page[i..], "</ol>")];
            list.match_indices("href=\"#")
                .map(|(j, m)| {
                    let rest = &list[j + m.len()..];
                    rest[..pos(rest, "\"")].to_owned()
                })
                .collect()
        })
        .collect()
}

#[test]
fn the_edition_page_lists_its_sections_and_each_link_leads_to_one() {
    let t = built_site();
    let page = t.out("2024/index.html");
    let lists = contents(&page);
    // One beside the text on a wide screen, one folded on a phone.
    assert_eq!(lists.len(), 2, "{page}");
    assert_eq!(lists[0], lists[1]);
    assert_eq!(
        lists[0],
        [
            "gioi-thieu",
            "muc-dich",
            "yeu-cau",
            "khau-hieu",
            "hoat-dong",
            "phan-cong",
            "van-ban",
            "bao-cao",
            "tin-tuc"
        ]
    );
    assert!(page.contains("<summary>Mục lục</summary>"));
    assert!(page.contains("<h2 id=\"muc-luc\" class=\"toc-title\">Mục lục</h2>"));
    // Each anchor names exactly one element, and the sections come in the
    // order of the list.
    for id in &lists[0] {
        assert_eq!(page.matches(&format!(" id=\"{id}\"")).count(), 1, "#{id}");
    }
    let ids: Vec<String> = lists[0].iter().map(|id| format!(" id=\"{id}\"")).collect();
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    assert_in_order(&page, &ids);
    // Every section heading with an id is in the list.
    for (i, _) in page.match_indices("<h2 id=\"") {
        let rest = &page[i + "<h2 id=\"".len()..];
        let id = &rest[..pos(rest, "\"")];
        assert!(
            id == "muc-luc" || id == "bo-anh-tieu-de" || lists[0].iter().any(|l| l == id),
            "#{id} is not in the contents list"
        );
    }

    // A year with fewer sections lists only those it has.
    let past = t.out("2023/index.html");
    let lists = contents(&past);
    // Every year has its results section (its reports, or "chưa có báo cáo").
    assert_eq!(
        lists[0],
        ["muc-dich", "phan-cong", "bao-cao", "tin-tuc"],
        "{past}"
    );
    for id in &lists[0] {
        assert_eq!(past.matches(&format!(" id=\"{id}\"")).count(), 1, "#{id}");
    }
}

#[test]
fn news_are_cards_and_the_home_page_features_the_latest() {
    let t = built_site();
    let home = t.out("index.html");
    let news = &home[pos(&home, "<h2 id=\"tin-moi\">")..];
    assert!(news.starts_with("<h2 id=\"tin-moi\">Tin mới</h2>"));
    assert!(
        news.contains("<ul class=\"post-list post-list-featured\" role=\"list\">"),
        "{news}"
    );
    let first = pos(news, "<article class=\"card\">");
    assert!(news[first..].starts_with(
        "<article class=\"card\">\n  <h3 class=\"card-title\"><a href=\"./2024/tin-tuc/nhac-han/\">Nhắc hạn báo cáo năm 2024</a></h3>"
    ), "{news}");
    // Every post of the fixture (four, fewer than the five shown).
    assert_eq!(news.matches("<article class=\"card\">").count(), 4);
    // The news comes before the edition's plan on the home page.
    assert!(pos(&home, "id=\"tin-moi\"") < pos(&home, "id=\"muc-dich\""));
    let list = t.out("tin-tuc/index.html");
    assert!(
        list.contains("<ul class=\"post-list\" role=\"list\">"),
        "{list}"
    );
    assert!(list.contains("<h2 class=\"card-title\"><a href=\"../2024/tin-tuc/nhac-han/\">"));
}

#[test]
fn cards_show_the_cover_photo_at_its_size_and_albums_are_in_the_contents() {
    let t = site();
    t.write("content/2024/files/le.jpg", jpeg(1200, 800, &[]));
    t.write(
        "content/2024/news/ke-hoach.md",
        post(
            "Hải Phòng ban hành kế hoạch kỷ niệm",
            "22/3/2024",
            "tags: [\"Hải Phòng\"]\nimage: ../files/le.jpg\nimage_alt: \"Hội trường treo băng rôn\"\n",
            "Nội dung.",
        ),
    );
    t.write(
        "content/2024/edition.yaml",
        format!("{EDITION_2024}photos:\n  - file: le.jpg\n    alt: \"Hội trường\"\n"),
    );
    t.build_ok();

    // On every list, the card has the cover: WebP and JPEG candidates
    // relative to the page, its size (no layout shift), lazy.
    for (page, root) in [
        ("index.html", "./"),
        ("tin-tuc/index.html", "../"),
        ("the/hai-phong/index.html", "../../"),
        ("2024/index.html", "../"),
    ] {
        let html = t.out(page);
        let card = &html[pos(&html, "<article class=\"card card-cover\">")..];
        let card = &card[..pos(card, "</article>")];
        assert!(
            card.contains("Hải Phòng ban hành kế hoạch kỷ niệm"),
            "{page}"
        );
        let media = &card[pos(card, "<div class=\"card-media\"><picture>")..];
        assert!(
            media.contains(&format!(
                "<source type=\"image/webp\" srcset=\"{root}2024/files/le-"
            )),
            "{page}: {media}"
        );
        assert!(media.contains(" 480w, "), "{page}: {media}");
        assert!(
            media.contains(&format!("<img src=\"{root}2024/files/le-")),
            "{page}: {media}"
        );
        assert!(media.contains("-960.jpg\""), "{page}: {media}");
        assert!(
            media.contains(
                "width=\"960\" height=\"640\" alt=\"Hội trường treo băng rôn\" loading=\"lazy\" decoding=\"async\">"
            ),
            "{page}: {media}"
        );
        assert!(media.contains(" sizes=\"(max-width: 40em) 100vw"), "{page}");
    }
    assert_links_resolve(&t.join("public"));

    // The edition's album is a section of its contents list.
    let year = t.out("2024/index.html");
    let lists = contents(&year);
    assert!(lists[0].iter().any(|id| id == "bo-anh"), "{:?}", lists[0]);
    assert_eq!(year.matches(" id=\"bo-anh\"").count(), 1);
    assert!(pos(&year, " id=\"bo-anh\"") < pos(&year, " id=\"tin-tuc\""));
    // Its large view leads back to the thumbnail.
    assert!(year.contains("<li id=\"anh-1-nho\">"), "{year}");
    assert!(year.contains("<a class=\"lightbox-close\" href=\"#anh-1-nho\">Đóng</a>"));
}
