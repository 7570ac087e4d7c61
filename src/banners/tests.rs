use unicode_normalization::UnicodeNormalization;

use super::design::{Banner, Share};
use super::layout::{self, Frame};
use super::{font, render};

/// Every letter of Vietnamese, lower and upper case, each with every tone.
fn vietnamese_letters() -> String {
    let mut s = String::from("aăâbcdđeêghiklmnoôơpqrstuưvxy");
    let upper: String = s.to_uppercase();
    s.push_str(&upper);
    let bases = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY";
    // Grave, acute, hook above, tilde, dot below.
    for tone in ['\u{300}', '\u{301}', '\u{309}', '\u{303}', '\u{323}'] {
        for b in bases.chars() {
            s.push(b);
            s.push(tone);
        }
    }
    s.nfc().collect()
}

fn banner(slogan: &str, height_mm: u32, width_mm: u32) -> Banner {
    Banner {
        width_mm,
        height_mm,
        background: "#c20e2c".into(),
        color: "#ffde00".into(),
        slogan: slogan.into(),
        edition_line: "Kỷ niệm Ngày Công tác xã hội Việt Nam lần thứ 8 · 25/3/2024".into(),
    }
}

fn frame() -> Frame {
    Frame {
        cx: 500.0,
        cy: 100.0,
        width: 1000.0,
        height: 200.0,
        max_size: 80.0,
        min_size: 2.0,
        max_lines: 2,
    }
}

#[test]
fn every_vietnamese_letter_is_in_the_font_in_nfc_and_nfd() {
    let nfc = vietnamese_letters();
    let nfd: String = nfc.nfd().collect();
    assert_ne!(nfc, nfd);
    assert_eq!(nfc.chars().filter(|c| !c.is_ascii()).count(), 134);
    assert_eq!(font::missing(&nfc), None);
    assert_eq!(font::missing(&nfd), None);
    // The font lacks these: the check is not vacuous.
    assert_eq!(font::missing("Chào 🎉"), Some('🎉'));
    assert_eq!(font::missing("中文"), Some('中'));
    assert_eq!(font::printable("Chào 🎉 năm mới"), "Chào  năm mới");
    // Both forms lay out at the same size: the marks of NFD are placed on
    // their letters, not set beside them as extra width.
    let words = |s: &str| {
        s.chars()
            .collect::<Vec<_>>()
            .chunks(12)
            .map(|c| c.iter().collect::<String>())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let a = words(&nfc);
    let fa = layout::fit(&a, &frame()).expect("NFC fits");
    let nfd_words: String = a.nfd().collect();
    let fb = layout::fit(&nfd_words, &frame()).expect("NFD fits");
    assert!(
        (fa.size - fb.size).abs() / fa.size < 0.03,
        "NFC {} vs NFD {}",
        fa.size,
        fb.size
    );
}

#[test]
fn every_letter_is_drawn_as_outlines_with_no_text_left() {
    let b = banner(
        &vietnamese_letters().chars().take(60).collect::<String>(),
        800,
        6000,
    );
    let svg = render::print_svg(&b.svg().expect("fits"), 6000, 800).expect("renders");
    assert!(!svg.contains("<text"), "text left in the SVG");
    // Each line is one path of many glyph outlines.
    assert!(
        svg.matches("<path").count() >= 3 && svg.len() > 20_000,
        "{svg:.400}"
    );
    assert!(svg.contains(r#"width="6000mm""#) && svg.contains(r#"height="800mm""#));
}

#[test]
fn a_slogan_takes_the_largest_size_on_at_most_two_balanced_lines() {
    let short = banner("Tiên phong", 800, 6000).fitted().expect("fits");
    assert_eq!(short.lines.len(), 1);
    let theme = "Công tác xã hội Việt Nam - Tiên phong, chuyên nghiệp và kết nối";
    let a3 = banner(theme, 297, 420).fitted().expect("fits A3");
    assert_eq!(a3.lines.len(), 2, "{a3:?}");
    let (l1, l2) = (a3.lines[0].chars().count(), a3.lines[1].chars().count());
    assert!(l1.abs_diff(l2) < 12, "unbalanced: {a3:?}");
    assert_eq!(a3.lines.join(" "), theme, "words lost");
    // On the long banner the same theme is larger than on A3, relative
    // to the height it is the same or smaller: it is bounded by height.
    let long = banner(theme, 800, 6000).fitted().expect("fits");
    assert!(long.size > a3.size);
}

#[test]
fn a_slogan_too_long_for_the_smallest_size_is_refused() {
    let long = "Công tác xã hội ".repeat(30);
    assert!(banner(&long, 297, 420).svg().is_none());
    assert!(banner(&long, 297, 420).fitted().is_none());
    // The same text fits a 30 m banner.
    assert!(banner(&long, 800, 30000).fitted().is_some());
}

#[test]
fn pdfs_are_the_same_bytes_every_time_and_carry_no_font() {
    let b = banner("Lá lành đùm lá rách", 297, 420);
    let svg = render::print_svg(&b.svg().expect("fits"), 420, 297).expect("svg");
    let info = render::PdfInfo {
        title: "Lá lành đùm lá rách",
        date: (2024, 3, 25),
        id: "abc",
    };
    let one = render::pdf(&svg, 420, 297, &info).expect("pdf");
    let two = render::pdf(&svg, 420, 297, &info).expect("pdf");
    assert!(one.starts_with(b"%PDF-"));
    assert_eq!(one, two);
    let text = String::from_utf8_lossy(&one);
    assert!(!text.contains("/FontFile"), "a font is embedded");
    std::fs::write(std::env::temp_dir().join("campaign-banner-test.pdf"), &one).ok();
    assert!(text.contains("D:20240325"), "no fixed date: {text:.3000}");
    // A3 landscape: 420 × 297 mm is 1190.55 × 841.89 pt.
    assert!(text.contains("1190.55"), "page size: {text:.3000}");
}

#[test]
fn share_images_are_1200_by_630_pngs() {
    let s = Share {
        background: "#c20e2c".into(),
        color: "#ffde00".into(),
        top: "Ngày Công tác xã hội Việt Nam 2024".into(),
        title: "Tọa đàm, nói chuyện và hội thảo ".repeat(10),
        bottom: "Công tác xã hội Việt Nam - Tiên phong, chuyên nghiệp và kết nối".into(),
    };
    let png = render::png(&s.svg()).expect("png");
    let img = image::load_from_memory(&png).expect("decodes");
    assert_eq!((img.width(), img.height()), (1200, 630));
    // The text is drawn: the yellow of the letters is there.
    let rgb = img.to_rgb8();
    let yellow = rgb.pixels().filter(|p| p.0 == [0xff, 0xde, 0x00]).count();
    assert!(yellow > 5000, "{yellow} yellow pixels");
}
