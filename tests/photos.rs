//! Photos in a built site: a post's cover and an image in its text are
//! published as processed variants in `<picture>`, the original is not,
//! no published image carries EXIF, and a photo that cannot be published
//! is an error naming the post that shows it.

mod common;

use std::fs;

use common::*;

fn photo_site() -> TestDir {
    let t = site();
    t.write(
        "content/2024/files/le-ky-niem.jpg",
        jpeg(1200, 800, &[(1, campaign::photos::bench::exif_block(1))]),
    );
    t.write("content/2024/files/hoi-truong.jpg", jpeg(640, 480, &[]));
    t.write(
        "content/2024/news/le.md",
        post(
            "Lễ kỷ niệm",
            "23/3/2024",
            "image: ../files/le-ky-niem.jpg\nimage_alt: \"Băng rôn trong hội trường\"\n",
            "Trước lễ.\n\n![Hội trường trước giờ khai mạc](../files/hoi-truong.jpg)\n",
        ),
    );
    t
}

fn published_images(t: &TestDir) -> Vec<String> {
    list_files(&t.join("public"))
        .into_iter()
        .filter(|f| f.starts_with("2024/files/") && !f.ends_with(".pdf"))
        .collect()
}

#[test]
fn covers_and_body_images_are_published_as_pictures() {
    let t = photo_site();
    let run = t.build_ok();
    let page = t.out("2024/tin-tuc/le/index.html");

    // The originals are replaced by their variants.
    assert!(!t.has("2024/files/le-ky-niem.jpg"));
    assert!(!t.has("2024/files/hoi-truong.jpg"));
    let files = published_images(&t);
    for prefix in ["2024/files/le-ky-niem-", "2024/files/hoi-truong-"] {
        for ext in [".jpg", ".webp"] {
            assert!(
                files
                    .iter()
                    .any(|f| f.starts_with(prefix) && f.ends_with(ext)),
                "{prefix}*{ext} in {files:?}"
            );
        }
    }
    // Never upscaled: the 1200 px cover has 480, 960 and its own 1200.
    assert!(files.iter().any(|f| f.ends_with("-1200.jpg")), "{files:?}");
    assert!(!files.iter().any(|f| f.ends_with("-1600.jpg")), "{files:?}");

    // The cover: the first image of the page, not lazy.
    let cover = &page[pos(&page, "<figure class=\"post-image\">")..];
    let cover = &cover[..pos(cover, "</picture>")];
    assert!(
        cover.contains("<source type=\"image/webp\" srcset=\"../../../2024/files/le-ky-niem-"),
        "{cover}"
    );
    assert!(
        cover.contains(" 480w, ../../../2024/files/le-ky-niem-"),
        "{cover}"
    );
    assert!(cover.contains("-960.jpg\""), "{cover}");
    assert!(cover.contains("width=\"960\" height=\"640\""), "{cover}");
    assert!(cover.contains("sizes=\""), "{cover}");
    assert!(
        cover.contains("alt=\"Băng rôn trong hội trường\""),
        "{cover}"
    );
    assert!(cover.contains("decoding=\"async\""), "{cover}");
    assert!(!cover.contains("loading=\"lazy\""), "{cover}");

    // The body image: lazy, at its own size (narrower than 960).
    let body = &page[pos(&page, "Trước lễ.")..];
    let body = &body[..pos(body, "</picture>")];
    assert!(
        body.contains("<picture><source type=\"image/webp\""),
        "{body}"
    );
    assert!(body.contains("-640.jpg\""), "{body}");
    assert!(body.contains("width=\"640\" height=\"480\""), "{body}");
    assert!(
        body.contains("alt=\"Hội trường trước giờ khai mạc\""),
        "{body}"
    );
    assert!(
        body.contains("loading=\"lazy\" decoding=\"async\""),
        "{body}"
    );

    // Every file the page names exists.
    assert_links_resolve(&t.join("public"));

    // No published image carries EXIF (GPS, make) or the camera's name.
    for f in &files {
        let bytes = fs::read(t.join("public").join(f)).unwrap();
        for needle in [
            &b"Exif"[..],
            b"TestMake",
            b"TestModel",
            b"SN-123456789",
            b"GPS",
        ] {
            assert!(
                !bytes.windows(needle.len()).any(|w| w == needle),
                "{f} holds {:?}",
                String::from_utf8_lossy(needle)
            );
        }
    }

    // The source photo with a GPS position is warned about.
    assert!(run.stderr.contains("le-ky-niem.jpg"), "{}", run.stderr);

    // The cache is beside the content folder, and a second build uses it.
    assert!(t.join(".campaign-cache/photos").is_dir());
    t.build_ok();
    assert_eq!(published_images(&t), files);
}

/// The lines of `check --format json` output with `code` and `severity`.
fn problems<'a>(stdout: &'a str, code: &str, severity: &str) -> Vec<&'a str> {
    let code = format!("\"code\":\"{code}\"");
    let severity = format!("\"severity\":\"{severity}\"");
    stdout
        .lines()
        .filter(|l| l.contains(&code) && l.contains(&severity))
        .collect()
}

#[test]
fn a_gps_position_is_a_warning_in_check() {
    let t = photo_site();
    let run = t.run(&["check", "--format", "json"]);
    run.assert_ok();
    let gps = problems(&run.stdout, "photo-gps", "warning");
    assert_eq!(gps.len(), 1, "{}", run.stdout);
    assert!(gps[0].contains("le-ky-niem.jpg"), "{}", gps[0]);
    assert!(gps[0].contains("\"severity\":\"warning\""), "{}", gps[0]);
}

#[test]
fn an_heic_photo_in_a_post_is_an_error_naming_the_post() {
    let t = site();
    let mut heic = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic".to_vec();
    heic.extend_from_slice(&[0; 64]);
    t.write("content/2024/files/IMG_0001.HEIC", &heic);
    t.write(
        "content/2024/news/le.md",
        post(
            "Lễ kỷ niệm",
            "23/3/2024",
            "",
            "Trước lễ.\n\n![Hội trường](../files/IMG_0001.HEIC)\n",
        ),
    );
    let run = t.run(&["check", "--format", "json"]);
    run.assert_fails(1);
    let heic_errors = problems(&run.stdout, "photo-heic", "error");
    assert_eq!(heic_errors.len(), 1, "{}", run.stdout);
    assert!(
        heic_errors[0].contains("\"file\":\"content/2024/news/le.md\""),
        "{}",
        heic_errors[0]
    );
    assert!(heic_errors[0].contains("\"line\":7"), "{}", heic_errors[0]);

    // The build refuses too, and publishes nothing.
    let stderr = t.build(&[]).assert_fails(1).to_owned();
    assert!(stderr.contains("content/2024/news/le.md"), "{stderr}");
    assert!(!t.join("public").exists());

    // As a cover, it is reported at the `image:` key.
    t.write(
        "content/2024/news/le.md",
        post(
            "Lễ kỷ niệm",
            "23/3/2024",
            "image: ../files/IMG_0001.HEIC\nimage_alt: \"Hội trường\"\n",
            "Trước lễ.",
        ),
    );
    let run = t.run(&["check", "--format", "json"]);
    run.assert_fails(1);
    let cover = problems(&run.stdout, "photo-heic", "error");
    assert_eq!(cover.len(), 1, "{}", run.stdout);
    assert!(cover[0].contains("content/2024/news/le.md"), "{}", cover[0]);
    assert!(cover[0].contains("\"line\":4"), "{}", cover[0]);
}
