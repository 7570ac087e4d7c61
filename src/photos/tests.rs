//! Every fixture is made here, in memory: photos with EXIF, XMP, IPTC and
//! ICC blocks, damaged and hostile files. Nothing binary is committed.

use super::bench::exif_block;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use image::{Rgb, RgbImage};

use super::*;
use crate::i18n::Lang;

/// A folder of its own under the system's temporary folder, removed after.
pub(super) struct Dir(PathBuf);

impl Dir {
    pub(super) fn new(name: &str) -> Dir {
        static N: AtomicU64 = AtomicU64::new(0);
        let n = N.fetch_add(1, Ordering::Relaxed);
        let dir =
            std::env::temp_dir().join(format!("campaign-photos-{name}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Dir(dir)
    }

    pub(super) fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    pub(super) fn cache(&self) -> PathBuf {
        self.0.join("cache")
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Small widths, so the tests stay fast.
fn small() -> Settings {
    Settings {
        widths: vec![16, 32, 64],
        ..Settings::default()
    }
}

/// Noise over gradients: compresses like a photo.
pub(super) fn photo_like(width: u32, height: u32, seed: u32) -> RgbImage {
    let mut s = seed.wrapping_mul(2_654_435_761) | 1;
    RgbImage::from_fn(width, height, |x, y| {
        s ^= s << 13;
        s ^= s >> 17;
        s ^= s << 5;
        let n = (s % 24) as i32 - 12;
        let fx = x as f32 / width as f32;
        let fy = y as f32 / height as f32;
        let blob = ((fx * 9.0).sin() * (fy * 7.0).cos() * 60.0) as i32;
        let c = |v: i32| (v + n).clamp(0, 255) as u8;
        Rgb([
            c((fx * 200.0) as i32 + blob),
            c((fy * 180.0) as i32 + 30 - blob / 2),
            c(((1.0 - fx) * 150.0 + fy * 60.0) as i32),
        ])
    })
}

/// A JPEG of `pixels` (RGB), with extra APPn segments.
fn jpeg_with(pixels: &RgbImage, segments: &[(u8, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut e = jpeg_encoder::Encoder::new(&mut out, 90);
    for (n, data) in segments {
        e.add_app_segment(*n, data.clone()).unwrap();
    }
    e.encode(
        pixels.as_raw(),
        pixels.width() as u16,
        pixels.height() as u16,
        jpeg_encoder::ColorType::Rgb,
    )
    .unwrap();
    out
}

fn png_of(image: &image::DynamicImage) -> Vec<u8> {
    let mut out = Vec::new();
    image
        .write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
        .unwrap();
    out
}

fn xmp_block() -> Vec<u8> {
    let mut block = b"http://ns.adobe.com/xap/1.0/\0".to_vec();
    block.extend_from_slice(
        br#"<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="21,1.5N" exif:GPSLongitude="105,51E"/></rdf:RDF></x:xmpmeta>"#,
    );
    block
}

fn iptc_block() -> Vec<u8> {
    let mut block = b"Photoshop 3.0\08BIM\x04\x04\0\0".to_vec();
    let record = b"\x1c\x02\x50\x00\x0aOwner Name";
    block.extend_from_slice(&(record.len() as u32).to_be_bytes());
    block.extend_from_slice(record);
    block
}

/// Every published file of `outcome`'s photos.
fn outputs(photo: &Photo) -> Vec<(Variant, Vec<u8>)> {
    photo
        .variants
        .iter()
        .map(|v| (v.clone(), v.read().unwrap()))
        .collect()
}

fn run(sources: &[PathBuf], settings: &Settings, cache: &Path) -> Outcome {
    process(sources, settings, cache, &AtomicBool::new(false))
}

fn only(sources: &[PathBuf], settings: &Settings, cache: &Path) -> Result<Arc<Photo>, PhotoError> {
    run(sources, settings, cache).photos.remove(0)
}

fn decode_output(bytes: &[u8]) -> image::DynamicImage {
    image::load_from_memory(bytes).unwrap()
}

#[test]
fn a_sideways_photo_comes_out_upright() {
    // Stored 40×20, left half red, right half blue; orientation 6 means
    // "turn 90° clockwise to show": shown 20×40, red on top.
    let stored = RgbImage::from_fn(40, 20, |x, _| {
        if x < 20 {
            Rgb([255, 0, 0])
        } else {
            Rgb([0, 0, 255])
        }
    });
    let dir = Dir::new("upright");
    let src = dir.file("sideways.jpg", &jpeg_with(&stored, &[(1, exif_block(6))]));
    let photo = only(&[src], &small(), &dir.cache()).unwrap();
    assert_eq!((photo.width, photo.height), (20, 40));
    for (v, bytes) in outputs(&photo) {
        let out = decode_output(&bytes).to_rgb8();
        assert_eq!((out.width(), out.height()), (v.width, v.height));
        assert!(v.height > v.width, "{v:?}");
        let top = out.get_pixel(v.width / 2, v.height / 8);
        let bottom = out.get_pixel(v.width / 2, v.height * 7 / 8);
        assert!(top[0] > 200 && top[2] < 60, "top {top:?} in {v:?}");
        assert!(
            bottom[2] > 200 && bottom[0] < 60,
            "bottom {bottom:?} in {v:?}"
        );
    }
}

#[test]
fn no_output_carries_exif_xmp_iptc_or_icc() {
    let dir = Dir::new("strip");
    // An sRGB profile, to prove profiles are dropped too.
    let mut icc = b"ICC_PROFILE\0\x01\x01".to_vec();
    icc.extend_from_slice(&moxcms::ColorProfile::new_srgb().encode().unwrap());
    let source = jpeg_with(
        &photo_like(120, 80, 1),
        &[
            (1, exif_block(1)),
            (1, xmp_block()),
            (13, iptc_block()),
            (2, icc),
        ],
    );
    assert!(has_gps(&source));
    for needle in [&b"Exif"[..], b"http://ns.adobe.com/xap", b"Photoshop 3.0"] {
        assert!(contains(&source, needle), "the fixture has {needle:?}");
    }
    let src = dir.file("gps.jpg", &source);
    let photo = only(&[src], &small(), &dir.cache()).unwrap();
    assert_eq!(photo.variants.len(), 6, "{photo:?}");
    for (v, bytes) in outputs(&photo) {
        assert!(!has_gps(&bytes), "{v:?}");
        assert!(
            exif::Reader::new()
                .read_from_container(&mut std::io::Cursor::new(&bytes))
                .is_err(),
            "{v:?} has EXIF"
        );
        for needle in [
            &b"Exif"[..],
            b"http://ns.adobe.com/xap",
            b"Photoshop 3.0",
            b"8BIM",
            b"ICC_PROFILE",
            b"ICCP",
            b"TestMake",
            b"TestModel",
            b"SN-123456789",
            b"Owner Name",
            b"GPS",
        ] {
            assert!(!contains(&bytes, needle), "{v:?} has {needle:?}");
        }
    }
}

#[test]
fn gps_is_found_in_a_source_and_not_in_a_clean_one() {
    let with = jpeg_with(&photo_like(8, 8, 2), &[(1, exif_block(1))]);
    let without = jpeg_with(&photo_like(8, 8, 2), &[]);
    let xmp_only = jpeg_with(&photo_like(8, 8, 2), &[(1, xmp_block())]);
    assert!(has_gps(&with));
    assert!(has_gps(&xmp_only));
    assert!(!has_gps(&without));
    assert!(!has_gps(b"not a picture"));
}

#[test]
fn a_truncated_jpeg_is_refused() {
    let dir = Dir::new("truncated");
    let whole = jpeg_with(&photo_like(64, 64, 3), &[]);
    let src = dir.file("cut.jpg", &whole[..whole.len() * 6 / 10]);
    assert_eq!(
        only(&[src], &small(), &dir.cache()),
        Err(PhotoError::Truncated)
    );
    let src = dir.file("end-cut.jpg", &whole[..whole.len() - 2]);
    assert_eq!(
        only(&[src], &small(), &dir.cache()),
        Err(PhotoError::Truncated)
    );
}

/// A CRC-32 as PNG chunks need it.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let mut body = kind.to_vec();
    body.extend_from_slice(data);
    out.extend_from_slice(&body);
    out.extend_from_slice(&crc32(&body).to_be_bytes());
}

#[test]
fn a_png_bomb_is_refused_from_its_header() {
    // A valid PNG header claiming 60000×60000 RGBA (14.4 GB of pixels),
    // with a few bytes of compressed data.
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&60000u32.to_be_bytes());
    ihdr.extend_from_slice(&60000u32.to_be_bytes());
    ihdr.extend_from_slice(&[8, 6, 0, 0, 0]);
    chunk(&mut png, b"IHDR", &ihdr);
    chunk(
        &mut png,
        b"IDAT",
        &[0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01],
    );
    chunk(&mut png, b"IEND", &[]);
    let dir = Dir::new("bomb");
    let src = dir.file("bomb.png", &png);
    let start = Instant::now();
    let result = only(&[src], &Settings::default(), &dir.cache());
    assert!(start.elapsed() < Duration::from_secs(1));
    assert_eq!(
        result,
        Err(PhotoError::TooManyPixels {
            width: 60000,
            height: 60000,
            limit: 100_000_000
        })
    );
}

#[test]
fn a_jpg_that_is_really_a_png_is_read_as_a_png() {
    let dir = Dir::new("byname");
    let png = png_of(&image::DynamicImage::ImageRgb8(photo_like(50, 30, 4)));
    let src = dir.file("anh-chup.jpg", &png);
    let photo = only(&[src], &small(), &dir.cache()).unwrap();
    assert_eq!((photo.width, photo.height), (50, 30));
    assert_eq!(photo.fallback(), Format::Jpeg);
    let names: Vec<&str> = photo
        .variants
        .iter()
        .map(|v| v.file_name.as_str())
        .collect();
    assert_eq!(names.len(), 6);
    assert!(
        names[0].starts_with("anh-chup-") && names[0].ends_with("-16.jpg"),
        "{names:?}"
    );
    assert!(names[5].ends_with("-50.webp"), "{names:?}");
}

#[test]
fn a_cmyk_jpeg_comes_out_in_rgb() {
    // Pure red in CMYK (no cyan, full magenta and yellow, no black);
    // jpeg-encoder writes it as Photoshop does (Adobe marker, inverted).
    let cmyk: Vec<u8> = std::iter::repeat_n([0u8, 255, 255, 0], 32 * 32)
        .flatten()
        .collect();
    let mut jpeg = Vec::new();
    jpeg_encoder::Encoder::new(&mut jpeg, 95)
        .encode(&cmyk, 32, 32, jpeg_encoder::ColorType::Cmyk)
        .unwrap();
    let dir = Dir::new("cmyk");
    let src = dir.file("cmyk.jpg", &jpeg);
    let photo = only(&[src], &small(), &dir.cache()).unwrap();
    for (v, bytes) in outputs(&photo) {
        let out = decode_output(&bytes).to_rgb8();
        let p = out.get_pixel(v.width / 2, v.height / 2);
        assert!(p[0] > 200 && p[1] < 60 && p[2] < 60, "{p:?} in {v:?}");
    }
}

#[test]
fn a_greyscale_jpeg_comes_out_grey() {
    let grey: Vec<u8> = (0..48u32 * 48).map(|i| (i % 48 * 5) as u8).collect();
    let mut jpeg = Vec::new();
    jpeg_encoder::Encoder::new(&mut jpeg, 90)
        .encode(&grey, 48, 48, jpeg_encoder::ColorType::Luma)
        .unwrap();
    let dir = Dir::new("grey");
    let src = dir.file("grey.jpg", &jpeg);
    let photo = only(&[src], &small(), &dir.cache()).unwrap();
    assert_eq!((photo.width, photo.height), (48, 48));
    for (v, bytes) in outputs(&photo) {
        let out = decode_output(&bytes).to_rgb8();
        let p = out.get_pixel(v.width * 3 / 4, v.height / 2);
        assert!(p[0] > 100, "{p:?} in {v:?}");
        assert!(
            p[0].abs_diff(p[1]) < 8 && p[1].abs_diff(p[2]) < 8,
            "{p:?} in {v:?}"
        );
    }
}

#[test]
fn a_16_bit_png_with_transparency_keeps_its_transparency() {
    let image = image::ImageBuffer::<image::Rgba<u16>, _>::from_fn(40, 40, |x, _| {
        if x < 20 {
            image::Rgba([65535, 0, 0, 65535])
        } else {
            image::Rgba([0, 0, 65535, 0])
        }
    });
    let dir = Dir::new("png16");
    let src = dir.file(
        "logo.png",
        &png_of(&image::DynamicImage::ImageRgba16(image)),
    );
    let photo = only(&[src], &small(), &dir.cache()).unwrap();
    assert_eq!(photo.fallback(), Format::Png);
    assert!(photo.of_format(Format::Jpeg).next().is_none());
    for (v, bytes) in outputs(&photo) {
        let out = decode_output(&bytes).to_rgba8();
        let left = out.get_pixel(v.width / 8, v.height / 2);
        let right = out.get_pixel(v.width * 7 / 8, v.height / 2);
        assert!(left[3] > 240 && left[0] > 200, "{left:?} in {v:?}");
        assert!(right[3] < 16, "{right:?} in {v:?}");
    }
}

#[test]
fn an_heic_is_refused_with_how_to_export_it() {
    let mut heic = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic".to_vec();
    heic.extend_from_slice(&[0; 64]);
    let dir = Dir::new("heic");
    let src = dir.file("IMG_0001.HEIC", &heic);
    let error = only(std::slice::from_ref(&src), &small(), &dir.cache()).unwrap_err();
    assert_eq!(error, PhotoError::Heic);
    let d = error.diagnostic(&src, Path::new("content/2024/news/le-mit-tinh.md"));
    assert_eq!(d.code(), "photo-heic");
    let help = d.help.unwrap().render(Lang::Vi);
    assert!(help.contains("xuất ảnh dạng JPEG"), "{help}");
    assert!(
        help.contains("Cài đặt → Camera → Định dạng → Tương thích nhất"),
        "{help}"
    );
    let src = dir.file("a.avif", b"\0\0\0\x1cftypavif\0\0\0\0avifmif1miaf");
    assert_eq!(
        only(&[src], &small(), &dir.cache()),
        Err(PhotoError::Unsupported {
            format: Some("AVIF")
        })
    );
}

#[test]
fn a_photo_is_never_upscaled() {
    let dir = Dir::new("upscale");
    let src = dir.file("narrow.jpg", &jpeg_with(&photo_like(700, 350, 5), &[]));
    let photo = only(&[src], &Settings::default(), &dir.cache()).unwrap();
    let widths: Vec<(u32, u32)> = photo
        .of_format(Format::Jpeg)
        .map(|v| (v.width, v.height))
        .collect();
    assert_eq!(widths, [(480, 240), (700, 350)]);
    let webp: Vec<u32> = photo.of_format(Format::WebP).map(|v| v.width).collect();
    assert_eq!(webp, [480, 700]);
    // A photo narrower than every width: its own width only.
    assert_eq!(encode::widths_for(300, &Settings::default()), [300]);
    assert_eq!(
        encode::widths_for(1600, &Settings::default()),
        [480, 960, 1600]
    );
    assert_eq!(
        encode::widths_for(4000, &Settings::default()),
        [480, 960, 1600]
    );
}

#[test]
fn a_cache_hit_returns_the_same_files_without_processing() {
    let dir = Dir::new("hit");
    let src = dir.file("a.jpg", &jpeg_with(&photo_like(100, 60, 6), &[]));
    let first = run(std::slice::from_ref(&src), &small(), &dir.cache());
    assert_eq!((first.processed, first.cached), (1, 0));
    let first = first.photos[0].clone().unwrap();
    let before = outputs(&first);
    let second = run(std::slice::from_ref(&src), &small(), &dir.cache());
    assert_eq!((second.processed, second.cached), (0, 1));
    let second = second.photos[0].clone().unwrap();
    assert_eq!(*first, *second);
    assert_eq!(before, outputs(&second));
    // Other settings are another entry.
    let other = Settings {
        quality: 60,
        ..small()
    };
    let third = run(&[src], &other, &dir.cache());
    assert_eq!((third.processed, third.cached), (1, 0));
    let third = third.photos[0].clone().unwrap();
    assert_ne!(third.variants[0].file_name, first.variants[0].file_name);
}

#[test]
fn a_corrupt_cache_entry_is_rebuilt() {
    let dir = Dir::new("corrupt");
    let src = dir.file("a.jpg", &jpeg_with(&photo_like(100, 60, 7), &[]));
    let photo = only(std::slice::from_ref(&src), &small(), &dir.cache()).unwrap();
    let good = outputs(&photo);
    // A truncated file, then a flipped byte, then a damaged manifest.
    let victim = &photo.variants[2].path;
    let bytes = std::fs::read(victim).unwrap();
    std::fs::write(victim, &bytes[..bytes.len() / 2]).unwrap();
    let again = run(std::slice::from_ref(&src), &small(), &dir.cache());
    assert_eq!((again.processed, again.cached), (1, 0));
    assert_eq!(outputs(again.photos[0].as_ref().unwrap()), good);

    let mut flipped = bytes.clone();
    flipped[bytes.len() / 2] ^= 0x40;
    std::fs::write(victim, &flipped).unwrap();
    let again = run(std::slice::from_ref(&src), &small(), &dir.cache());
    assert_eq!((again.processed, again.cached), (1, 0));
    assert_eq!(outputs(again.photos[0].as_ref().unwrap()), good);

    let manifest = victim
        .parent()
        .unwrap()
        .read_dir()
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "entry"))
        .unwrap();
    let text = std::fs::read_to_string(&manifest).unwrap();
    std::fs::write(&manifest, text.replacen("file jpg 16", "file jpg 17", 1)).unwrap();
    let again = run(std::slice::from_ref(&src), &small(), &dir.cache());
    assert_eq!((again.processed, again.cached), (1, 0));
    let last = run(&[src], &small(), &dir.cache());
    assert_eq!((last.processed, last.cached), (0, 1));
    assert_eq!(outputs(last.photos[0].as_ref().unwrap()), good);
}

#[test]
fn the_same_photo_twice_is_processed_once() {
    let dir = Dir::new("dedupe");
    let bytes = jpeg_with(&photo_like(80, 80, 8), &[]);
    let a = dir.file("a.jpg", &bytes);
    let b = dir.file("copy of a.jpg", &bytes);
    let c = dir.file("c.jpg", &jpeg_with(&photo_like(80, 80, 9), &[]));
    let outcome = run(&[a, b, c], &small(), &dir.cache());
    assert_eq!((outcome.processed, outcome.cached), (2, 0));
    let [a, b, c] = [0, 1, 2].map(|i| outcome.photos[i].clone().unwrap());
    assert!(Arc::ptr_eq(&a, &b));
    assert!(!Arc::ptr_eq(&a, &c));
}

#[test]
fn cancellation_stops_before_processing() {
    let dir = Dir::new("cancel");
    let sources: Vec<PathBuf> = (0..4)
        .map(|i| dir.file(&format!("{i}.jpg"), &jpeg_with(&photo_like(64, 64, i), &[])))
        .collect();
    let cancel = AtomicBool::new(true);
    let outcome = process(&sources, &small(), &dir.cache(), &cancel);
    assert_eq!(outcome.processed + outcome.cached, 0);
    assert!(
        outcome
            .photos
            .iter()
            .all(|p| *p == Err(PhotoError::Cancelled))
    );
    assert!(!dir.cache().exists(), "nothing is written once cancelled");
    // Cancelled while running: the photos not done yet are cancelled, and
    // the next run does them.
    let cancel = AtomicBool::new(false);
    let many: Vec<PathBuf> = (0..24)
        .map(|i| {
            let bytes = jpeg_with(&photo_like(400, 300, 100 + i), &[]);
            dir.file(&format!("m{i}.jpg"), &bytes)
        })
        .collect();
    let outcome = std::thread::scope(|s| {
        s.spawn(|| {
            std::thread::sleep(Duration::from_millis(30));
            cancel.store(true, Ordering::Relaxed);
        });
        process(&many, &Settings::default(), &dir.cache(), &cancel)
    });
    let cancelled = outcome
        .photos
        .iter()
        .filter(|p| **p == Err(PhotoError::Cancelled))
        .count();
    assert!(cancelled > 0, "{} processed", outcome.processed);
    assert_eq!(cancelled + outcome.processed, many.len());
}

#[test]
fn an_animated_gif_gives_its_first_frame_and_says_so() {
    let frames = [Rgb([255u8, 0, 0]), Rgb([0, 0, 255])].map(|c| {
        let rgba = image::DynamicImage::ImageRgb8(RgbImage::from_pixel(24, 24, c)).into_rgba8();
        image::Frame::new(rgba)
    });
    let mut gif = Vec::new();
    {
        let mut encoder = image::codecs::gif::GifEncoder::new(&mut gif);
        encoder.encode_frames(frames).unwrap();
    }
    let dir = Dir::new("gif");
    let src = dir.file("moving.gif", &gif);
    let photo = only(std::slice::from_ref(&src), &small(), &dir.cache()).unwrap();
    assert!(photo.animated);
    let first = decode_output(&photo.variants[0].read().unwrap()).to_rgb8();
    assert!(first.get_pixel(8, 8)[0] > 200);
    let w = PhotoError::animated_warning(&src, Path::new("content/2024/news/a.md"));
    assert!(!w.is_error());
    assert_eq!(w.code(), "photo-animated");
}

mod index;
mod inputs;
