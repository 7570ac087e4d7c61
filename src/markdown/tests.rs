use super::findings::renamed_without_spaces;
use super::*;

fn links() -> Links {
    let mut l = Links::default();
    l.sources.insert(
        "2023/news/ke-hoach.md".into(),
        "2023/tin-tuc/ke-hoach/".into(),
    );
    l.sources
        .insert("2024/files/kh 45.pdf".into(), "2024/files/kh 45.pdf".into());
    l.outputs.insert("2023/tin-tuc/ke-hoach/".into());
    l.outputs.insert("2023/".into());
    l
}

#[test]
fn source_relative_links_become_site_urls() {
    let l = links();
    assert_eq!(
        l.resolve("2024/news", "../../2023/news/ke-hoach.md#a")
            .unwrap(),
        "/2023/tin-tuc/ke-hoach/#a"
    );
    assert_eq!(
        l.resolve("2024/news", "../files/kh%2045.pdf").unwrap(),
        "/2024/files/kh 45.pdf"
    );
    assert_eq!(
        l.resolve("", "/2023/tin-tuc/ke-hoach").unwrap(),
        "/2023/tin-tuc/ke-hoach/"
    );
    assert_eq!(l.resolve("x", "https://a.vn/b").unwrap(), "https://a.vn/b");
    assert!(l.resolve("2024", "../../../etc/passwd").unwrap_err().id() == "link-reason-outside");
    assert!(l.resolve("2024", "files/none.pdf").is_err());
    assert!(l.resolve("", "/2099/").is_err());
}

#[test]
fn render_reports_broken_links_with_offsets() {
    let md = "Xem [kế hoạch](../../2023/news/ke-hoach.md) và [mất](thieu.md).";
    let (html, broken, _) = render_checked(md, "2024/news", &links());
    assert!(html.contains("href=\"/2023/tin-tuc/ke-hoach/\""), "{html}");
    assert_eq!(broken.len(), 1);
    assert_eq!(&md[broken[0].offset..broken[0].offset + 8], "thieu.md");
}

#[test]
fn images_without_alt_text_are_found() {
    let md = "A ![](x.png) b ![ ](y.png) c ![Ảnh lễ](z.png) d ![*đậm*](w.png)";
    let (_, _, found) = render_checked(md, "", &Links::default());
    let at: Vec<&str> = found
        .iter()
        .filter(|f| f.kind == FindingKind::NoAlt)
        .map(|f| &md[f.offset..f.offset + 3])
        .collect();
    assert_eq!(at, ["![]", "![ "]);
}

fn kinds(md: &str) -> Vec<(String, FindingKind)> {
    let (_, _, found) = render_checked(md, "2024", &links());
    found
        .into_iter()
        .map(|f| (md[f.offset..].chars().take(12).collect(), f.kind))
        .collect()
}

#[test]
fn links_with_spaces_are_found_where_markdown_saw_text() {
    let md = "Xem [Kế hoạch](files/ke hoach.pdf) và ![Ảnh lễ](files/anh le.jpg).\n\n\
              Đúng: [a](<files/kh 45.pdf>), [b](files/kh%2045.pdf \"tựa\"), `[c](d e)`.\n\n    [e](f g)\n";
    let found = kinds(md);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].0, "files/ke hoa");
    assert_eq!(
        found[0].1,
        FindingKind::SpacedTarget {
            text: "Kế hoạch".into(),
            target: "files/ke hoach.pdf".into()
        }
    );
    assert!(
        matches!(&found[1].1, FindingKind::SpacedTarget { target, .. } if target == "files/anh le.jpg")
    );
    assert_eq!(
        renamed_without_spaces("files/Kế hoạch 45.pdf"),
        "files/ke-hoach-45.pdf"
    );
}

#[test]
fn links_to_this_computer_are_found() {
    for local in [
        "http://localhost:2503/2024/",
        "http://127.0.0.1:2503/",
        "https://127.0.0.1",
        "http://[::1]:2503/x",
        "http://0.0.0.0:2503/",
        "//LOCALHOST/a",
        "http://ban.localhost/",
    ] {
        assert!(is_local_address(local), "{local}");
    }
    for remote in [
        "https://molisa.gov.vn/",
        "http://127.0.0.1.example.com/",
        "/2024/",
        "localhost.md",
        "mailto:a@localhost",
    ] {
        assert!(!is_local_address(remote), "{remote}");
    }
    let found =
        kinds("Xem [bản xem thử](http://127.0.0.1:2503/2024/) và <http://localhost:2503/>.");
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].0, "http://127.0");
    assert!(matches!(found[1].1, FindingKind::LocalLink { .. }));
}

#[test]
fn text_left_to_fill_is_found() {
    let md = format!(
        "{}\n\n{} 2025/files/.\n\n- CẦN ĐIỀN: mục đích\n",
        POST_PLACEHOLDERS[0], POST_PLACEHOLDERS[1]
    );
    let found = kinds(&md);
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(
        found
            .iter()
            .all(|(_, k)| matches!(k, FindingKind::Placeholder { .. }))
    );
    assert_eq!(found[2].0, "CẦN ĐIỀN: mụ");
}

#[test]
fn relativize_prefixes_only_site_rooted_attributes() {
    let html = r#"<a href="/2023/">a</a> <img src="/x.png"> <a href="//cdn">c</a> <a href="https://e">e</a> /plain"#;
    assert_eq!(
        relativize(html, "../../"),
        r#"<a href="../../2023/">a</a> <img src="../../x.png"> <a href="//cdn">c</a> <a href="https://e">e</a> /plain"#
    );
}

#[test]
fn images_of_processed_photos_become_pictures() {
    use crate::content::model::{Picture, PictureFile};
    let file = |w: u32, ext: &str| PictureFile {
        url: format!("/2024/files/anh-0a1b2c3d-{w}.{ext}"),
        width: w,
        height: w * 3 / 4,
    };
    let mut l = links();
    l.sources.insert(
        "2024/files/anh.jpg".into(),
        "2024/files/anh-0a1b2c3d-960.jpg".into(),
    );
    l.pictures.insert(
        "/2024/files/anh-0a1b2c3d-960.jpg".into(),
        std::sync::Arc::new(Picture {
            fallback: vec![file(480, "jpg"), file(960, "jpg"), file(1600, "jpg")],
            fallback_type: "image/jpeg",
            webp: vec![file(480, "webp"), file(960, "webp"), file(1600, "webp")],
            original: None,
        }),
    );
    let md = "![Lễ \"lớn\"](../files/anh.jpg \"Tựa\") và ![Ngoài](https://a.vn/b.jpg)";
    let (html, broken, _) = render_checked(md, "2024/news", &l);
    assert!(broken.is_empty(), "{broken:?}");
    assert!(
        html.contains(
            "<picture><source type=\"image/webp\" srcset=\"/2024/files/anh-0a1b2c3d-480.webp 480w, /2024/files/anh-0a1b2c3d-960.webp 960w, /2024/files/anh-0a1b2c3d-1600.webp 1600w\" sizes=\""
        ),
        "{html}"
    );
    assert!(
        html.contains("<img src=\"/2024/files/anh-0a1b2c3d-960.jpg\" srcset=\"/2024/files/anh-0a1b2c3d-480.jpg 480w, "),
        "{html}"
    );
    assert!(
        html.contains("width=\"960\" height=\"720\" alt=\"Lễ &quot;lớn&quot;\" title=\"Tựa\" loading=\"lazy\" decoding=\"async\"></picture>"),
        "{html}"
    );
    assert!(
        html.contains("<img src=\"https://a.vn/b.jpg\" alt=\"Ngoài\" />"),
        "{html}"
    );
    let relative = relativize(&html, "../../");
    assert!(
        relative.contains("srcset=\"../../2024/files/anh-0a1b2c3d-480.webp 480w, ../../2024/files/anh-0a1b2c3d-960.webp 960w"),
        "{relative}"
    );
    assert!(
        !relative.contains("\"/2024") && !relative.contains(" /2024"),
        "{relative}"
    );
}

#[test]
fn raw_html_is_shown_as_text() {
    let (html, _, _) = render_checked(
        "<script>alert(1)</script>\n\nx <b onclick=\"y\">z</b>",
        "",
        &links(),
    );
    assert!(
        !html.contains("<script>") && !html.contains("<b "),
        "{html}"
    );
    assert!(html.contains("&lt;script&gt;"), "{html}");
}
