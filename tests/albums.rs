//! Albums (`photos:` of a post and of an edition) in a built site: a
//! gallery of thumbnails that open large without a script, captions, a
//! full-size download only where asked for (metadata removed), the
//! settings of `site.yaml`'s `images:`, and mistakes reported at the line.

mod common;

use std::fs;

use common::*;

/// A site with a 2024 post holding an album of two photos (the first
/// offered for download, with a GPS position in its source) and a 2024
/// edition album of one.
fn album_site() -> TestDir {
    let t = site();
    t.write(
        "content/2024/files/le-mit-tinh.jpg",
        jpeg(2000, 1000, &[(1, campaign::photos::bench::exif_block(3))]),
    );
    t.write("content/2024/files/tham-hoi.jpg", jpeg(800, 600, &[]));
    write_le(
        &t,
        concat!(
            "photos:\n",
            "  - file: ../files/le-mit-tinh.jpg\n",
            "    alt: \"Hội trường treo băng rôn đỏ\"\n",
            "    caption: \"Lễ mít tinh sáng 25/3\"\n",
            "    download: true\n",
            "  - file: ../files/tham-hoi.jpg\n",
            "    alt: \"Cán bộ trao quà tại một gia đình\"\n",
        ),
    );
    t.write(
        "content/2024/edition.yaml",
        format!(
            "{EDITION_2024}photos:\n  - file: tham-hoi.jpg\n    alt: \"Cán bộ trao quà\"\n    caption: \"Thăm hỏi gia đình\"\n"
        ),
    );
    t
}

/// The post `2024/news/le.md` with `front` in its front matter.
fn write_le(t: &TestDir, front: &str) {
    t.write(
        "content/2024/news/le.md",
        post("Lễ kỷ niệm", "23/3/2024", front, "Lễ diễn ra trang trọng."),
    );
}

#[test]
fn an_album_is_a_gallery_with_captions_and_a_download_where_asked() {
    let t = album_site();
    t.build_ok();
    let page = t.out("2024/tin-tuc/le/index.html");
    let gallery = &page[pos(&page, "<section class=\"gallery\"")..];
    let gallery = &gallery[..pos(gallery, "</section>")];

    // Two thumbnails, lazy, with their size (no layout shift), each a link
    // to its large view on the same page.
    assert_eq!(gallery.matches("<a class=\"gallery-thumb\"").count(), 2);
    assert!(gallery.contains("href=\"#anh-1\""), "{gallery}");
    assert!(gallery.contains("id=\"anh-2\""), "{gallery}");
    assert!(
        gallery.contains("alt=\"Hội trường treo băng rôn đỏ\""),
        "{gallery}"
    );
    assert!(
        gallery.contains("<figcaption>Lễ mít tinh sáng 25/3</figcaption>"),
        "{gallery}"
    );
    assert!(gallery.contains("loading=\"lazy\""), "{gallery}");
    assert!(
        gallery.contains("width=\"960\" height=\"480\""),
        "{gallery}"
    );
    assert!(!gallery.contains("<script"), "{gallery}");

    // The large view is the largest file (1600 px of a 2000 px photo).
    assert!(gallery.contains("-1600.jpg\""), "{gallery}");

    // One download link: the full-size copy, published, with no metadata.
    assert_eq!(gallery.matches(" download>").count(), 1, "{gallery}");
    let href = &gallery[pos(gallery, "class=\"gallery-download\"><a href=\"")..];
    let href = href.split('"').nth(3).expect("a download link");
    assert!(href.ends_with(".jpg"), "{href}");
    let file = t
        .join("public/2024/tin-tuc/le")
        .join(href)
        .canonicalize()
        .expect("the download is published");
    let bytes = fs::read(&file).unwrap();
    let full = image::load_from_memory(&bytes).unwrap();
    assert_eq!((full.width(), full.height()), (2000, 1000));
    assert!(
        exif::Reader::new()
            .read_from_container(&mut std::io::Cursor::new(&bytes))
            .is_err(),
        "the download carries EXIF"
    );
    for needle in [&b"GPS"[..], b"TestMake", b"http://ns.adobe.com/xap"] {
        assert!(!bytes.windows(needle.len()).any(|w| w == needle));
    }
    assert!(gallery.contains("2000×1000"), "{gallery}");

    // The photo without download: no full-size copy published.
    let published = list_files(&t.join("public/2024/files"));
    assert!(
        !published
            .iter()
            .any(|f| f.starts_with("tham-hoi-") && f.matches('-').count() == 2),
        "{published:?}"
    );

    // The edition's album is on the year's page.
    let year = t.out("2024/index.html");
    assert!(year.contains("<section class=\"gallery\""), "{year}");
    assert!(year.contains("<figcaption>Thăm hỏi gia đình</figcaption>"));
    assert_links_resolve(&t.join("public"));
}

#[test]
fn the_widths_and_quality_come_from_site_yaml() {
    let t = album_site();
    t.write(
        "content/site.yaml",
        format!("{SITE_YAML}images:\n  widths: [600, 300]\n  quality: 70\n  webp: false\n"),
    );
    t.build_ok();
    let files = list_files(&t.join("public/2024/files"));
    let photos: Vec<&String> = files
        .iter()
        .filter(|f| f.starts_with("le-mit-tinh-"))
        .collect();
    assert!(photos.iter().any(|f| f.ends_with("-300.jpg")), "{photos:?}");
    assert!(photos.iter().any(|f| f.ends_with("-600.jpg")), "{photos:?}");
    assert!(
        !photos.iter().any(|f| f.ends_with("-960.jpg")),
        "{photos:?}"
    );
    assert!(!photos.iter().any(|f| f.ends_with(".webp")), "{photos:?}");
}

#[test]
fn bad_image_settings_are_errors_at_their_value() {
    let t = album_site();
    t.write(
        "content/site.yaml",
        format!("{SITE_YAML}images:\n  widths: [480, 20000]\n  quality: 10\n"),
    );
    let stderr = t.build(&[]).assert_fails(1).to_owned();
    let lines = SITE_YAML.lines().count();
    assert!(
        stderr.contains(&format!("content/site.yaml:{}:", lines + 2)),
        "{stderr}"
    );
    assert!(stderr.contains("20000"), "{stderr}");
    assert!(
        stderr.contains(&format!("content/site.yaml:{}:", lines + 3)),
        "{stderr}"
    );
}

#[test]
fn album_mistakes_are_errors_at_their_line() {
    let t = album_site();
    write_le(
        &t,
        concat!(
            "photos:\n",
            "  - file: ../files/le-mit-tinh.jpg\n",
            "    alt: \"\"\n",
            "  - file: ../files/kh-640.pdf\n",
            "    alt: \"Kế hoạch\"\n",
            "  - file: ../files/khong-co.jpg\n",
            "    alt: \"Ảnh\"\n",
        ),
    );
    let run = t.run(&["check", "--format", "json"]);
    run.assert_fails(1);
    let errors: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.contains("\"severity\":\"error\""))
        .collect();
    let at = |code: &str, line: usize| {
        errors.iter().any(|e| {
            e.contains(&format!("\"code\":\"{code}\""))
                && e.contains("content/2024/news/le.md")
                && e.contains(&format!("\"line\":{line},"))
        })
    };
    assert!(at("album-no-alt", 6), "{}", run.stdout);
    assert!(at("album-not-a-photo", 7), "{}", run.stdout);
    assert!(at("image-not-found", 9), "{}", run.stdout);
    assert!(!t.join("public").exists());
}

#[test]
fn a_cover_without_its_description_is_an_error() {
    let t = album_site();
    write_le(&t, "image: ../files/tham-hoi.jpg\n");
    let run = t.run(&["check", "--format", "json"]);
    run.assert_fails(1);
    let cover = run
        .stdout
        .lines()
        .find(|l| l.contains("\"code\":\"cover-no-alt\""))
        .unwrap_or_else(|| panic!("{}", run.stdout));
    assert!(cover.contains("\"line\":4,"), "{cover}");
}
