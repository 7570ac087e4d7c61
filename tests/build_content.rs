//! `campaign build`: how content is read and shown — escaping, slugs, dates,
//! Unicode, sorting, drafts and links written in Markdown.

mod common;

use common::*;
use unicode_normalization::UnicodeNormalization;

/// `s` in decomposed form (NFD), as some editors and web pages save it.
fn nfd(s: &str) -> String {
    s.nfd().collect()
}

#[test]
fn nfd_helper_really_decomposes() {
    let d = nfd("Hải Phòng");
    assert_ne!(d, "Hải Phòng");
    assert_eq!(d.chars().count(), "Hải Phòng".chars().count() + 2);
}

#[test]
fn text_from_yaml_and_front_matter_is_escaped_in_html_and_feeds() {
    let t = site();
    t.write(
        "content/2024/edition.yaml",
        EDITION_2024.replace(
            "theme: \"Công tác xã hội Việt Nam - Tiên phong, chuyên nghiệp và kết nối\"",
            "theme: \"Chủ đề <script>alert('theme')</script> & <b>đậm</b>\"",
        ),
    );
    t.write(
        "content/site.yaml",
        SITE_YAML.replace(
            "title: \"Ngày Công tác xã hội Việt Nam\"",
            "title: \"Ngày CTXH <script>alert('site')</script>\"",
        ),
    );
    t.write(
        "content/2024/news/xss.md",
        post(
            "Tin <script>alert('post')</script> & “mới”",
            "23/3/2024",
            "summary: \"Tóm tắt <img src=x onerror=alert(1)>\"\nauthor: \"<i>Tác giả</i>\"\ntags: [\"<em>Thẻ</em>\"]\n",
            "Nội dung.",
        ),
    );
    t.build_ok();

    let files = list_files(&t.join("public"));
    for file in files
        .iter()
        .filter(|f| f.ends_with(".html") || f.ends_with(".xml"))
    {
        let text = t.out(file);
        // The theme's own `<script src=…>` aside: the injected ones only.
        for raw in [
            "<script>alert",
            "<img src=x",
            "<b>đậm",
            "<i>Tác giả",
            "<em>Thẻ",
        ] {
            assert!(!text.contains(raw), "{file} contains unescaped `{raw}`");
        }
    }
    let home = t.out("index.html");
    assert!(home.contains("Chủ đề &lt;script&gt;"), "{home}");
    assert!(home.contains("&amp; &lt;b&gt;đậm&lt;"));
    assert!(home.contains("<title>Ngày CTXH &lt;script&gt;"));
    let post = t.out("2024/tin-tuc/xss/index.html");
    assert!(post.contains("<h1>Tin &lt;script&gt;"), "{post}");
    assert!(post.contains("&amp; “mới”"));
    assert!(post.contains("Tóm tắt &lt;img src"));
    assert!(
        t.out("2024/bang-ron/index.html")
            .contains("Chủ đề &lt;script&gt;")
    );
    let feed = t.out("feed.xml");
    assert!(feed.contains("<title>Tin &lt;script&gt;"), "{feed}");
    assert!(feed.contains("<summary>Tóm tắt &lt;img src"));
    assert!(t.out("2024/feed.xml").contains("<title>Tin &lt;script&gt;"));
}

#[test]
fn markdown_fields_are_rendered_as_markdown() {
    let t = built_site();
    let y = t.out("2024/index.html");
    assert!(y.contains("Khẳng định giá trị <strong>nhân văn</strong>"));
    assert!(y.contains("<h2>Giới thiệu năm 2024</h2>"));
    // Unit tasks are Markdown too.
    assert!(y.contains("<p>Tuyên truyền trong ngành y tế.</p>"));
}

#[test]
fn post_urls_come_from_the_file_name_folded_to_ascii() {
    let t = site();
    t.write(
        "content/2024/news/Tin tức mới.md",
        post("Một tiêu đề khác hẳn", "23/3/2024", "", "Tin mới."),
    );
    t.write(
        "content/2024/news/Đoàn Thanh niên ra quân.md",
        post(
            "Ra quân",
            "23/3/2024",
            "tags: [\"Đoàn Thanh niên\"]\n",
            "Đoàn.",
        ),
    );
    t.write(
        "content/2024/news/bai-co-slug.md",
        post(
            "Bài có slug",
            "23/3/2024",
            "slug: \"Địa chỉ riêng của bài\"\n",
            "Slug.",
        ),
    );
    t.build_ok();
    assert!(
        t.out("2024/tin-tuc/tin-tuc-moi/index.html")
            .contains("Một tiêu đề khác hẳn")
    );
    assert!(t.has("2024/tin-tuc/doan-thanh-nien-ra-quan/index.html"));
    assert!(t.has("the/doan-thanh-nien/index.html"), "Đ → d in tags");
    assert!(t.has("2024/tin-tuc/dia-chi-rieng-cua-bai/index.html"));
    assert!(!t.join("public/2024/tin-tuc/bai-co-slug").exists());
    // Never from the title.
    assert!(!t.join("public/2024/tin-tuc/mot-tieu-de-khac-han").exists());
    assert_links_resolve(&t.join("public"));
}

#[test]
fn editing_a_title_keeps_the_url() {
    let t = built_site();
    let url = "2024/tin-tuc/ke-hoach/index.html";
    assert!(t.out(url).contains("Hải Phòng ban hành kế hoạch kỷ niệm"));
    t.write(
        "content/2024/news/ke-hoach.md",
        post(
            "Hải Phòng sửa đổi kế hoạch kỷ niệm lần thứ 8",
            "22/3/2024",
            "",
            "Đã sửa tiêu đề.",
        ),
    );
    t.build_ok();
    assert!(
        t.out(url)
            .contains("<h1>Hải Phòng sửa đổi kế hoạch kỷ niệm lần thứ 8</h1>")
    );
    let dirs = list_files(&t.join("public/2024/tin-tuc"));
    assert!(
        !dirs.iter().any(|f| f.contains("sua-doi")),
        "a new URL appeared: {dirs:?}"
    );
}

#[test]
fn a_decomposed_file_name_gives_the_same_slug() {
    let t = site();
    let name = nfd("Tin tức mới");
    assert_ne!(name, "Tin tức mới");
    t.write(
        &format!("content/2024/news/{name}.md"),
        post("Tin NFD", "23/3/2024", "", "Tên tệp NFD."),
    );
    t.build_ok();
    assert!(
        t.out("2024/tin-tuc/tin-tuc-moi/index.html")
            .contains("Tin NFD")
    );
}

#[test]
fn a_decomposed_file_name_can_be_linked_in_composed_form() {
    let t = site();
    let name = nfd("Tin tức mới");
    t.write(
        &format!("content/2024/news/{name}.md"),
        post("Tin NFD", "23/3/2024", "", "Tên tệp NFD."),
    );
    t.write(
        "content/2024/news/lien-ket.md",
        post("Liên kết", "23/3/2024", "", "Xem [tin](<Tin tức mới.md>)."),
    );
    t.build_ok();
    assert!(
        t.out("2024/tin-tuc/lien-ket/index.html")
            .contains("href=\"../../../2024/tin-tuc/tin-tuc-moi/\"")
    );
}

#[test]
fn two_posts_with_one_slug_in_a_year_are_an_error_naming_both() {
    let t = site();
    t.write(
        "content/2024/news/Kế hoạch.md",
        post("Trùng địa chỉ", "23/3/2024", "", "Trùng."),
    );
    let err = t.build(&[]).assert_fails(1).to_owned();
    assert!(err.contains("2024/tin-tuc/ke-hoach/"), "{err}");
    assert!(err.contains("content/2024/news/ke-hoach.md"), "{err}");
    assert!(err.contains("content/2024/news/Kế hoạch.md"), "{err}");

    // Through `slug:` as well.
    let t = site();
    t.write(
        "content/2024/news/khac.md",
        post("Khác", "23/3/2024", "slug: \"cong-van\"\n", "Trùng."),
    );
    let err = t.build(&[]).assert_fails(1).to_owned();
    assert!(err.contains("content/2024/news/cong-van.md"), "{err}");
    assert!(err.contains("content/2024/news/khac.md"), "{err}");

    // The same slug in two different years is fine.
    let t = site();
    t.write(
        "content/2023/news/ke-hoach.md",
        post("Kế hoạch 2023", "22/3/2023", "", "Năm trước."),
    );
    t.build_ok();
    assert!(
        t.out("2023/tin-tuc/ke-hoach/index.html")
            .contains("Kế hoạch 2023")
    );
}

#[test]
fn the_three_date_spellings_mean_the_same_day() {
    let t = site();
    for (file, date) in [
        ("d-m", "25/3/2024"),
        ("dd-mm", "25/03/2024"),
        ("iso", "2024-03-25"),
    ] {
        t.write(
            &format!("content/2024/news/{file}.md"),
            post(&format!("Ngày viết {file}"), date, "", "Nội dung."),
        );
    }
    t.build_ok();
    for file in ["d-m", "dd-mm", "iso"] {
        let html = t.out(&format!("2024/tin-tuc/{file}/index.html"));
        assert!(
            html.contains("<time datetime=\"2024-03-25\">ngày 25 tháng 3 năm 2024</time>"),
            "{file}: {html}"
        );
    }
    // Newest first, two per page: 1/4, then the three posts of 25/3.
    let short = "<time datetime=\"2024-03-25\">25/3/2024</time>";
    let list = t.out("2024/tin-tuc/index.html");
    let list2 = t.out("2024/tin-tuc/trang-2/index.html");
    assert_eq!(list.matches(short).count(), 1, "{list}");
    assert_eq!(list2.matches(short).count(), 2, "{list2}");
    assert!(!list.contains("25/03/2024") && !list2.contains("25/03/2024"));
    assert!(
        t.out("feed.xml")
            .contains("<updated>2024-03-25T00:00:00+07:00</updated>")
    );
    // Dates in edition.yaml, shown on the year page.
    let y = t.out("2024/index.html");
    assert!(
        y.contains("<time datetime=\"2024-03-20\">20/3/2024</time>"),
        "{y}"
    );
    assert!(y.contains("<time datetime=\"2024-04-14\">ngày 14 tháng 4 năm 2024</time>"));
}

#[test]
fn a_bad_date_is_reported_at_its_line_and_column() {
    let t = site();
    t.write(
        "content/2024/news/ngay-sai.md",
        "---\ntitle: \"Ngày sai\"\ndate: \"32/3/2024\"\n---\nNội dung.\n",
    );
    let err = t.build(&[]).assert_fails(1).to_owned();
    assert!(err.contains("content/2024/news/ngay-sai.md:3:8"), "{err}");
    assert!(err.contains("32/3/2024"), "{err}");
    // The form is right, the day is not: the fix names the month's last
    // day, never the form already written.
    assert!(err.contains("has only 31 days"), "{err}");
    assert!(
        err.contains("date: \"31/3/2024\""),
        "says what to write: {err}"
    );

    let t = site();
    t.write(
        "content/2024/edition.yaml",
        EDITION_2024.replace("from: \"20/3/2024\", to", "from: \"20/13/2024\", to"),
    );
    let err = t.build(&[]).assert_fails(1).to_owned();
    assert!(err.contains("content/2024/edition.yaml:6:"), "{err}");
    assert!(err.contains("20/13/2024"), "{err}");
}

#[test]
fn a_post_dated_in_another_year_is_an_error() {
    let t = site();
    t.write(
        "content/2024/news/nam-khac.md",
        post("Sai năm", "25/3/2023", "", "Nội dung."),
    );
    let err = t.build(&[]).assert_fails(1).to_owned();
    assert!(err.contains("content/2024/news/nam-khac.md:3:"), "{err}");
    assert!(err.contains("2023") && err.contains("2024"), "{err}");
}

#[test]
fn decomposed_text_is_shown_composed() {
    let t = site();
    let title = "Hải Phòng tổ chức Lễ kỷ niệm";
    t.write(
        "content/2024/news/nfd.md",
        post(
            &nfd(title),
            "23/3/2024",
            "tags: [\"Hải Phòng\"]\n",
            &nfd("Nội dung Hải Phòng."),
        ),
    );
    t.write(
        "content/2024/news/nfd-tag.md",
        post(
            "Thẻ NFD",
            "23/3/2024",
            &format!("tags: [\"{}\"]\n", nfd("Hải Phòng")),
            "x",
        ),
    );
    t.build_ok();
    let html = t.out("2024/tin-tuc/nfd/index.html");
    assert!(html.contains(&format!("<h1>{title}</h1>")), "{html}");
    assert!(html.contains("Nội dung Hải Phòng."));
    for file in list_files(&t.join("public")) {
        if file.ends_with(".html") || file.ends_with(".xml") {
            assert!(
                !t.out(&file).contains(&nfd("Hải Phòng")),
                "{file} contains NFD text"
            );
        }
    }
    // The NFD tag is the same tag as the NFC one (its list may run over pages).
    let tag: String = list_files(&t.join("public"))
        .into_iter()
        .filter(|f| f.starts_with("the/hai-phong/"))
        .map(|f| t.out(&f))
        .collect();
    assert!(tag.contains("Thẻ NFD") && tag.contains(title));
    assert_eq!(t.out("the/index.html").matches(">Hải Phòng</a>").count(), 1);
}

#[test]
fn byte_order_marks_and_windows_line_endings_are_read_normally() {
    let t = site();
    let crlf = |s: &str| format!("\u{feff}{}", s.replace('\n', "\r\n"));
    t.write("content/2024/edition.yaml", crlf(EDITION_2024));
    t.write(
        "content/2024/news/ke-hoach.md",
        crlf(&post(
            "Hải Phòng ban hành kế hoạch kỷ niệm",
            "22/3/2024",
            "tags: [\"Hải Phòng\"]\n",
            "Dòng một\ndòng hai.\n\nĐoạn hai.",
        )),
    );
    t.write("content/site.yaml", crlf(SITE_YAML));
    t.write("content/index.md", crlf("Giới thiệu **trang chủ**.\n"));
    t.build_ok();
    let y = t.out("2024/index.html");
    assert!(y.contains(THEME_2024));
    assert!(y.contains("Khẳng định giá trị <strong>nhân văn</strong>"));
    let post = t.out("2024/tin-tuc/ke-hoach/index.html");
    assert!(
        post.contains("<h1>Hải Phòng ban hành kế hoạch kỷ niệm</h1>"),
        "{post}"
    );
    assert!(
        post.contains("<p>Dòng một\ndòng hai.</p>\n<p>Đoạn hai.</p>"),
        "{post}"
    );
    assert!(
        t.out("index.html")
            .contains("Giới thiệu <strong>trang chủ</strong>.")
    );
    for file in list_files(&t.join("public")) {
        if file.ends_with(".html") || file.ends_with(".xml") {
            let text = t.out(&file);
            assert!(!text.contains('\r'), "{file} contains a CR");
            assert!(!text.contains('\u{feff}'), "{file} contains a BOM");
        }
    }
}

#[test]
fn invalid_utf8_is_an_error_naming_the_file() {
    let t = site();
    let mut bytes = b"---\ntitle: \"Tin\"\ndate: \"23/3/2024\"\n---\nN".to_vec();
    bytes.extend_from_slice(&[0xf4, 0xe9, 0xff]); // Windows-1258, say
    bytes.extend_from_slice(b" dung.\n");
    t.write("content/2024/news/cp1258.md", bytes);
    t.write("content/2023/edition.yaml", [0xff, 0xfe, b't', 0, b'h', 0]);
    let err = t.build(&[]).assert_fails(1).to_owned();
    assert!(err.contains("content/2024/news/cp1258.md"), "{err}");
    assert!(err.contains("content/2023/edition.yaml"), "{err}");
    assert!(err.contains("UTF-8"), "{err}");
    assert!(err.contains("line 5"), "{err}");
}

#[test]
fn tags_are_listed_in_vietnamese_order() {
    let t = site();
    // Written in scrambled order, in posts of both years.
    let tags = [
        "Ưu tiên",
        "Đà Nẵng",
        "Bình Định",
        "Âm nhạc",
        "Uông Bí",
        "An Giang",
        "Dương Kinh",
        "Ăn uống",
    ];
    for (i, tag) in tags.iter().enumerate() {
        let year = if i % 2 == 0 { 2024 } else { 2023 };
        t.write(
            &format!("content/{year}/news/the-{i}.md"),
            post(
                &format!("Bài {i}"),
                &format!("2{i}/3/{year}"),
                &format!("tags: [\"{tag}\"]\n"),
                "x",
            ),
        );
    }
    t.write(
        "content/2024/news/nhieu-the.md",
        post(
            "Nhiều thẻ",
            "23/3/2024",
            "tags: [\"Ưu tiên\", \"Đà Nẵng\", \"Dương Kinh\", \"Ăn uống\", \"An Giang\"]\n",
            "x",
        ),
    );
    t.build_ok();
    let expected = [
        ">An Giang</a>",
        ">Ăn uống</a>",
        ">Âm nhạc</a>",
        ">Bình Định</a>",
        ">Dương Kinh</a>",
        ">Đà Nẵng</a>",
        ">Uông Bí</a>",
        ">Ưu tiên</a>",
    ];
    let index = t.out("the/index.html");
    assert_in_order(&index, &expected);
    // The fixture's own tags sit in the same order: Báo cáo < Bình Định < Chủ đề < Công văn.
    assert_in_order(
        &index,
        &[
            ">Báo cáo</a>",
            ">Bình Định</a>",
            ">Chủ đề</a>",
            ">Công văn</a>",
        ],
    );
    // Tags on a post are sorted the same way.
    let post = t.out("2024/tin-tuc/nhieu-the/index.html");
    assert_in_order(
        &post,
        &[
            ">An Giang</a>",
            ">Ăn uống</a>",
            ">Dương Kinh</a>",
            ">Đà Nẵng</a>",
            ">Ưu tiên</a>",
        ],
    );
}

#[test]
fn lists_written_by_the_author_keep_their_order() {
    let t = site();
    t.write(
        "content/2024/edition.yaml",
        r#"theme: "Chủ đề thử"
purposes:
  - "Thứ ba: Ưu tiên"
  - "Thứ nhất: An toàn"
activities:
  - title: "Ở cuối bảng chữ cái"
    units: ["Ủy ban nhân dân xã", "Bệnh viện Việt Tiệp", "Ân nhân"]
  - title: "An ở đầu bảng chữ cái"
units:
  - name: "Ủy ban nhân dân xã"
    group: "Ủy ban nhân dân cấp xã"
  - name: "Bệnh viện Việt Tiệp"
    group: "Trung tâm và cơ sở"
  - name: "Zô Hội chữ thập đỏ"
    group: "Ủy ban nhân dân cấp xã"
  - name: "Ân nhân"
    group: "Ẩn danh"
slogans:
  - "Ư khẩu hiệu đầu"
  - "A khẩu hiệu sau"
"#,
    );
    t.build_ok();
    let y = t.out("2024/index.html");
    assert_in_order(&y, &["Thứ ba: Ưu tiên", "Thứ nhất: An toàn"]);
    assert_in_order(&y, &["Ở cuối bảng chữ cái", "An ở đầu bảng chữ cái"]);
    assert!(
        y.contains("Ủy ban nhân dân xã, Bệnh viện Việt Tiệp, Ân nhân"),
        "{y}"
    );
    // Groups in the order first used; units in the order written inside each.
    assert_in_order(
        &y,
        &[
            ">Ủy ban nhân dân cấp xã</h3>",
            "Ủy ban nhân dân xã</span>",
            "Zô Hội chữ thập đỏ</span>",
            ">Trung tâm và cơ sở</h3>",
            "Bệnh viện Việt Tiệp</span>",
            ">Ẩn danh</h3>",
            "Ân nhân</span>",
        ],
    );
    let banners = t.out("2024/bang-ron/index.html");
    assert_in_order(
        &banners,
        &["Chủ đề thử", "Ư khẩu hiệu đầu", "A khẩu hiệu sau"],
    );
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let t = site();
    t.write(
        "content/2024/news/nhap.md",
        post(
            "Bản nháp chưa duyệt",
            "24/3/2024",
            "tags: [\"Nháp riêng\"]\ndraft: true\n",
            "Chưa xuất bản.",
        ),
    );
    t.write(
        "content/pages/trang-nhap.md",
        "---\ntitle: \"Trang nháp\"\ndraft: true\n---\nNháp.\n",
    );
    t.build_ok();
    assert!(!t.join("public/2024/tin-tuc/nhap").exists());
    assert!(!t.join("public/the/nhap-rieng").exists());
    assert!(!t.join("public/trang-nhap").exists());
    for file in list_files(&t.join("public")) {
        if file.ends_with(".html") || file.ends_with(".xml") {
            let text = t.out(&file);
            assert!(
                !text.contains("Bản nháp chưa duyệt"),
                "{file} shows the draft"
            );
            assert!(!text.contains("nhap"), "{file} links the draft");
        }
    }

    t.build(&["--drafts"]).assert_ok();
    assert!(
        t.out("2024/tin-tuc/nhap/index.html")
            .contains("Bản nháp chưa duyệt")
    );
    assert!(t.has("the/nhap-rieng/index.html"));
    assert!(t.has("trang-nhap/index.html"));
    assert!(
        t.out("2024/tin-tuc/index.html")
            .contains("Bản nháp chưa duyệt")
    );
    assert!(t.out("feed.xml").contains("Bản nháp chưa duyệt"));
    assert!(t.out("sitemap.xml").contains("2024/tin-tuc/nhap/"));
}

#[test]
fn a_link_to_a_draft_is_an_error_in_a_normal_build() {
    let t = site();
    t.write(
        "content/2024/news/nhap.md",
        post("Nháp", "24/3/2024", "draft: true\n", "Nháp."),
    );
    t.write(
        "content/2024/news/lien-ket.md",
        post("Liên kết", "23/3/2024", "", "Xem [bản nháp](nhap.md)."),
    );
    let err = t.build(&[]).assert_fails(1).to_owned();
    assert!(err.contains("content/2024/news/lien-ket.md:5:"), "{err}");
    assert!(err.contains("nhap.md"), "{err}");
    t.build(&["--drafts"]).assert_ok();
}

#[test]
fn links_written_as_source_paths_become_relative_links_to_the_output() {
    let t = site();
    t.write(
        "content/2024/news/lien-ket.md",
        post(
            "Các liên kết",
            "23/3/2024",
            "",
            "- [biểu mẫu](../files/kh-640.pdf)\n\
             - [chủ đề 2023](../../2023/news/chu-de-2023.md)\n\
             - [tin năm 2024](/2024/tin-tuc/)\n\
             - [kế hoạch](ke-hoach.md#muc-1)\n\
             - [giới thiệu](../../pages/gioi-thieu.md)\n\
             - [năm 2023](../../2023/edition.yaml)\n\
             - [lưu trữ](/luu-tru/)\n\
             - [băng rôn](/2024/bang-ron)\n\
             - [tĩnh](/tai-lieu/huong-dan.txt)\n\
             - [bộ](https://www.molisa.gov.vn/)\n\
             - [thư](mailto:ctxh@example.gov.vn)\n\
             - [mục](#phan-2)\n\
             ![logo](/logo.svg)",
        ),
    );
    t.build_ok();
    let html = t.out("2024/tin-tuc/lien-ket/index.html");
    for href in [
        "href=\"../../../2024/files/kh-640.pdf\"",
        "href=\"../../../2023/tin-tuc/chu-de-2023/\"",
        "href=\"../../../2024/tin-tuc/\"",
        "href=\"../../../2024/tin-tuc/ke-hoach/#muc-1\"",
        "href=\"../../../gioi-thieu/\"",
        "href=\"../../../2023/\"",
        "href=\"../../../luu-tru/\"",
        "href=\"../../../2024/bang-ron/\"",
        "href=\"../../../tai-lieu/huong-dan.txt\"",
        "href=\"https://www.molisa.gov.vn/\"",
        "href=\"mailto:ctxh@example.gov.vn\"",
        "href=\"#phan-2\"",
        "src=\"../../../logo.svg\"",
    ] {
        assert!(html.contains(href), "missing {href} in:\n{html}");
    }
    // Markdown in edition.yaml and index.md, seen from pages at other depths.
    let y = t.out("2024/index.html");
    assert!(y.contains("href=\"../2024/tin-tuc/ke-hoach/\""), "{y}");
    assert!(y.contains("href=\"../2024/files/kh-640.pdf\""), "{y}");
    let home = t.out("index.html");
    assert!(home.contains("href=\"./gioi-thieu/\""), "{home}");
    assert!(home.contains("href=\"./2024/tin-tuc/ke-hoach/\""), "{home}");
    assert_links_resolve(&t.join("public"));
}

#[test]
fn a_link_to_a_missing_file_is_reported_at_its_line_and_column() {
    let t = site();
    t.write(
        "content/2024/news/lien-ket-hong.md",
        "---\ntitle: \"Liên kết hỏng\"\ndate: \"23/3/2024\"\n---\nDòng đầu.\n\nXem [biểu mẫu](../files/khong-co.pdf) ở đây.\n",
    );
    t.write(
        "content/2024/index.md",
        "Đoạn một.\n\nXem [trang](/2099/tin-tuc/).\n",
    );
    t.write(
        "content/2024/edition.yaml",
        EDITION_2024.replace("(news/ke-hoach.md)", "(news/khong-co.md)"),
    );
    let err = t.build(&[]).assert_fails(1).to_owned();
    // `../files/khong-co.pdf` starts at column 16 of line 7.
    assert!(
        err.contains("content/2024/news/lien-ket-hong.md:7:16"),
        "{err}"
    );
    assert!(err.contains("../files/khong-co.pdf"), "{err}");
    assert!(err.contains("content/2024/index.md:3:13"), "{err}");
    assert!(err.contains("content/2024/edition.yaml:9:"), "{err}");
    assert!(err.contains("3 problems"), "{err}");
}
