//! Inputs refused before any pixel is decoded (limits, missing files,
//! other formats), and an SVG published as it is.

use super::*;

#[test]
fn limits_missing_files_and_other_formats_are_errors() {
    let dir = Dir::new("errors");
    let jpeg = jpeg_with(&photo_like(64, 64, 10), &[]);
    let src = dir.file("big.jpg", &jpeg);
    let tight = Settings {
        max_bytes: 1000,
        ..small()
    };
    assert_eq!(
        only(std::slice::from_ref(&src), &tight, &dir.cache()),
        Err(PhotoError::TooLarge {
            bytes: jpeg.len() as u64,
            limit: 1000
        })
    );
    let few = Settings {
        max_pixels: 4000,
        ..small()
    };
    assert_eq!(
        only(&[src], &few, &dir.cache()),
        Err(PhotoError::TooManyPixels {
            width: 64,
            height: 64,
            limit: 4000
        })
    );
    assert_eq!(
        only(&[dir.0.join("nowhere.jpg")], &small(), &dir.cache()),
        Err(PhotoError::Missing)
    );
    let bmp = dir.file("a.jpg", b"BM\x3a\0\0\0\0\0\0\0\x36\0\0\0");
    assert!(matches!(
        only(&[bmp], &small(), &dir.cache()),
        Err(PhotoError::Unsupported {
            format: Some("BMP")
        }) | Err(PhotoError::Corrupt { .. })
    ));
    let text = dir.file("notes.jpg", b"just some words");
    assert_eq!(
        only(&[text], &small(), &dir.cache()),
        Err(PhotoError::Unsupported { format: None })
    );
}

const SAFE_SVG: &str = r##"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 200 100">
  <defs><linearGradient id="g"><stop offset="0" stop-color="#c00"/></linearGradient></defs>
  <style>.t { font: 20px sans-serif; fill: url(#g); }</style>
  <rect width="200" height="100" fill="url(#g)"/>
  <use xlink:href="#g"/>
  <text class="t" x="10" y="50">Ngày Công tác xã hội</text>
</svg>"##;

#[test]
fn a_clean_svg_is_published_as_it_is() {
    let dir = Dir::new("svg");
    let src = dir.file("logo.svg", SAFE_SVG.as_bytes());
    let photo = only(&[src], &small(), &dir.cache()).unwrap();
    assert_eq!((photo.width, photo.height), (200, 100));
    assert_eq!(photo.variants.len(), 1);
    let v = &photo.variants[0];
    assert_eq!(v.format, Format::Svg);
    assert!(v.file_name.starts_with("logo-") && v.file_name.ends_with(".svg"));
    assert_eq!(v.read().unwrap(), SAFE_SVG.as_bytes());
}
