//! Print-ready banners and share images: the real site's PDFs have no font
//! and the right page size (poppler's `pdffonts` and `pdfinfo`), builds are
//! byte-identical, pages name their share image, and a slogan or size that
//! cannot be printed fails the build at its line with nothing published.

mod common;

use std::process::Command;

use common::*;

/// Runs a poppler tool on `file`; its standard output.
fn poppler(tool: &str, file: &std::path::Path) -> String {
    let out = Command::new(tool)
        .arg(file)
        .output()
        .unwrap_or_else(|e| panic!("{tool} runs (apt-get install poppler-utils): {e}"));
    assert!(out.status.success(), "{tool} {}: {:?}", file.display(), out);
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_real_sites_banners_are_outlines_at_their_physical_size() {
    let content = concat!(env!("CARGO_MANIFEST_DIR"), "/content");
    let t = TestDir::new();
    let out = t.join("out");
    t.build(&["--source", content, "--output", out.to_str().unwrap()])
        .assert_ok();
    // Height × width in mm, and the page size pdfinfo prints in points.
    let sizes = [
        ("bang-ron", "17007.9 x 2267.72 pts"),
        ("pano", "6803.15 x 3401.58 pts"),
        ("a3-ngang", "1190.55 x 841.89 pts"),
    ];
    for year in [2023, 2024] {
        let page =
            std::fs::read_to_string(out.join(format!("{year}/bang-ron/index.html"))).unwrap();
        for (slug, pts) in sizes {
            let pdf = out.join(format!("{year}/bang-ron/chu-de-{slug}.pdf"));
            let fonts = poppler("pdffonts", &pdf);
            // pdffonts prints two header lines and one line per font.
            assert_eq!(
                fonts.lines().count(),
                2,
                "{}: fonts\n{fonts}",
                pdf.display()
            );
            let info = poppler("pdfinfo", &pdf);
            assert!(info.contains(pts), "{}: {info}", pdf.display());
            assert!(
                info.contains(&format!("Mar 25 00:00:00 {year} UTC")),
                "fixed date: {info}"
            );
            assert!(
                page.contains(&format!("chu-de-{slug}.pdf")),
                "{year} page lists {slug}"
            );
            let svg =
                std::fs::read_to_string(out.join(format!("{year}/bang-ron/chu-de-{slug}.svg")))
                    .unwrap();
            assert!(
                !svg.contains("<text") && svg.contains("<path"),
                "{slug} SVG has outlines"
            );
        }
        assert!(
            page.contains("0,8 × 6 m") && page.contains("29,7 × 42 cm"),
            "sizes listed"
        );
        // Every slogan, not only the theme.
        assert!(
            out.join(format!("{year}/bang-ron/khau-hieu-1-pano.pdf"))
                .is_file()
        );
    }
    let edition = std::fs::read_to_string(out.join("2024/index.html")).unwrap();
    assert!(
        edition.contains(r#"<meta property="og:image" content="https://ctxh.example.gov.vn/2024/anh-chia-se.png">"#),
        "edition share image"
    );
    assert!(edition.contains(r#"<meta property="og:image:width" content="1200">"#));
    assert!(edition.contains(r#"<meta name="twitter:image" content="#));
    assert!(out.join("2024/anh-chia-se.png").is_file());
}

#[test]
fn posts_have_their_share_image_and_builds_are_byte_identical() {
    let t = site();
    t.build_ok();
    let first = snapshot(&t.join("public"));
    let post = t.out("2024/tin-tuc/ke-hoach/index.html");
    assert!(
        post.contains("2024/tin-tuc/ke-hoach/anh-chia-se.png"),
        "post og:image"
    );
    assert!(post.contains(r#"<meta property="og:image:alt" content="Ảnh chia sẻ: "#));
    let png = &first["2024/tin-tuc/ke-hoach/anh-chia-se.png"];
    let img = image::load_from_memory(png).expect("a PNG");
    assert_eq!((img.width(), img.height()), (1200, 630));
    // From the cache, and rendered again from nothing: the same bytes.
    t.build_ok();
    assert_eq!(snapshot(&t.join("public")), first, "second build differs");
    std::fs::remove_dir_all(t.join(".campaign-cache/banners")).unwrap();
    t.build_ok();
    assert_eq!(snapshot(&t.join("public")), first, "cold build differs");
}

/// Builds the fixture site with `files` replaced; expects exit code 1 with
/// nothing published, and returns stderr.
#[track_caller]
fn fails_with(files: &[(&str, &str)]) -> String {
    let t = site();
    for (rel, content) in files {
        t.write(rel, content);
    }
    let err = t.build(&[]).assert_fails(1).to_owned();
    assert!(
        !t.join("public").exists(),
        "a failed build wrote public/:\n{err}"
    );
    err
}

#[test]
fn a_slogan_that_cannot_be_printed_is_an_error_at_its_line() {
    let long = "Công tác xã hội chung tay ".repeat(12);
    let edition = EDITION_2024.replace("Thương yêu, tương trợ, đoàn kết", long.trim());
    let err = fails_with(&[("content/2024/edition.yaml", &edition)]);
    // The second slogan is on line 4.
    assert!(err.contains("content/2024/edition.yaml:4:"), "{err}");
    assert!(err.contains("too long for the size 297×420 mm"), "{err}");
    assert!(
        err.contains("Công tác xã hội chung tay"),
        "names the slogan: {err}"
    );

    let edition = EDITION_2024.replace("Thương yêu, tương trợ", "Thương yêu 🎉 tương trợ");
    let err = fails_with(&[("content/2024/edition.yaml", &edition)]);
    assert!(err.contains("content/2024/edition.yaml:4:"), "{err}");
    assert!(
        err.contains("\"🎉\" (U+1F389)"),
        "names the character: {err}"
    );
}

#[test]
fn banner_sizes_out_of_bounds_are_errors_at_their_value() {
    for (height, width) in [("0", "6"), ("0.8", "100")] {
        let site_yaml = format!(
            "{SITE_YAML}banners:\n  sizes:\n    - {{ name: \"Băng rôn\", height: {height}, width: {width} }}\n"
        );
        let err = fails_with(&[("content/site.yaml", &site_yaml)]);
        let key = if height == "0" { "height" } else { "width" };
        assert!(
            err.contains(&format!(
                "`{key}` is {}",
                if height == "0" { "0" } else { "100" }
            )),
            "{err}"
        );
        assert!(err.contains("content/site.yaml:19:"), "{err}");
    }
    let site_yaml = format!("{SITE_YAML}banners:\n  background: \"red\"\n");
    let err = fails_with(&[("content/site.yaml", &site_yaml)]);
    assert!(err.contains("not a colour code"), "{err}");
}
