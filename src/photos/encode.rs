//! Upright pixels → the files to publish: each width (never wider than the
//! photo), as JPEG (PNG when transparent) and lossy WebP.
//!
//! The encoders are given pixels and nothing else, so no EXIF (GPS, make,
//! model, serial), XMP, IPTC or ICC block can reach an output.
//!
//! Encoders, measured on the 480, 960 and 1600 px copies of one noisy 12 MP
//! photo-like picture (a harder case than a photo; 2 cores, release):
//!
//! | width | image's JPEG q80 (baseline) | jpeg-encoder q80 progressive | libwebp q78 (`webp`) | AVIF (`ravif` q65 speed 10, 1 thread, no asm) |
//! |---|---|---|---|---|
//! | 480  | 13.7 KB, 8 ms    | 8.7 KB, 2 ms    | 2.4 KB, 14 ms   | 2.4 KB, 222 ms  |
//! | 960  | 68 KB, 26 ms     | 54 KB, 16 ms    | 13 KB, 99 ms    | 5.4 KB, 740 ms  |
//! | 1600 | 262 KB, 131 ms   | 224 KB, 45 ms   | 145 KB, 271 ms  | 67 KB, 1643 ms  |
//!
//! AVIF is the smallest but costs 2.6 s a photo for three widths, 7× WebP:
//! 35 photos would take ~45 s on two cores, past the goal (within
//! 1.5× of `vipsthumbnail`'s 27.7 s) before decoding or resizing anything.
//! libwebp (the reference encoder, through the `webp` crate, built from the
//! C source it ships: no download, no system library) gives smaller files
//! than the JPEG at a tenth of AVIF's time: 1.5–5× on this picture, 15–30%
//! on the benchmark's photos (`examples/bench_photos.rs`). A pure-Rust
//! lossy encoder exists (`zenwebp`), but under the AGPL (or a commercial
//! licence), which would bind this tool's own licence.

use std::sync::atomic::{AtomicBool, Ordering};

use fast_image_resize as fr;
use image::{DynamicImage, ImageEncoder};

use super::cache::{Entry, EntryFile};
use super::decode::Decoded;
use super::{Format, PhotoError, Settings};

/// The widths a photo `width` pixels wide is published at: the configured
/// ones below its width, and its own width in place of those above (a
/// 700 px photo with 480, 960, 1600 gives 480 and 700).
pub(super) fn widths_for(width: u32, settings: &Settings) -> Vec<u32> {
    let widths = settings.clean_widths();
    let mut out: Vec<u32> = widths.iter().copied().filter(|w| *w < width).collect();
    if widths.iter().any(|w| *w >= width) {
        out.push(width);
    }
    out
}

/// The height of a `width` px wide copy of a `w`×`h` photo, rounded, at
/// least 1.
fn height_for(width: u32, w: u32, h: u32) -> u32 {
    let scaled = (u64::from(h) * u64::from(width) + u64::from(w) / 2) / u64::from(w);
    u32::try_from(scaled).unwrap_or(u32::MAX).max(1)
}

/// Every file of one photo.
pub(super) fn variants(
    decoded: Decoded,
    settings: &Settings,
    cancel: &AtomicBool,
) -> Result<Entry, PhotoError> {
    let image = decoded.image;
    let (w, h) = (image.width(), image.height());
    let alpha = image.color().has_alpha();
    let quality = settings.quality.clamp(1, 100);
    let mut resizer = fr::Resizer::new();
    let mut files = Vec::new();
    for width in widths_for(w, settings) {
        if cancel.load(Ordering::Relaxed) {
            return Err(PhotoError::Cancelled);
        }
        let height = height_for(width, w, h);
        let pixels = if (width, height) == (w, h) {
            image.as_bytes().to_vec()
        } else {
            resize(&mut resizer, &image, width, height)?
        };
        let fallback = if alpha {
            (Format::Png, png(&pixels, width, height)?)
        } else {
            (Format::Jpeg, jpeg(&pixels, width, height, quality)?)
        };
        files.push(EntryFile {
            width,
            height,
            format: fallback.0,
            original: false,
            bytes: fallback.1,
        });
        if settings.webp {
            files.push(EntryFile {
                width,
                height,
                format: Format::WebP,
                original: false,
                bytes: webp(&pixels, width, height, alpha, quality)?,
            });
        }
    }
    if settings.original {
        let (format, bytes) = if alpha {
            (Format::Png, png(image.as_bytes(), w, h)?)
        } else {
            (
                Format::Jpeg,
                jpeg(image.as_bytes(), w, h, super::ORIGINAL_QUALITY)?,
            )
        };
        files.push(EntryFile {
            width: w,
            height: h,
            format,
            original: true,
            bytes,
        });
    }
    files.sort_by_key(|f| (f.original, f.format, f.width));
    Ok(Entry {
        width: w,
        height: h,
        animated: decoded.animated,
        files,
    })
}

/// Lanczos3 (the sharpest of the usual kernels, what photo tools use for
/// downscaling); transparent pixels are premultiplied while filtering so
/// their colour does not bleed into the edges.
fn resize(
    resizer: &mut fr::Resizer,
    image: &DynamicImage,
    width: u32,
    height: u32,
) -> Result<Vec<u8>, PhotoError> {
    let pixel = if image.color().has_alpha() {
        fr::PixelType::U8x4
    } else {
        fr::PixelType::U8x3
    };
    let mut dst = fr::images::Image::new(width, height, pixel);
    let options =
        fr::ResizeOptions::new().resize_alg(fr::ResizeAlg::Convolution(fr::FilterType::Lanczos3));
    resizer
        .resize(image, &mut dst, &options)
        .map_err(|e| PhotoError::Corrupt {
            detail: e.to_string(),
        })?;
    Ok(dst.into_vec())
}

fn encode_error(e: impl std::fmt::Display) -> PhotoError {
    PhotoError::Corrupt {
        detail: format!("encoding: {e}"),
    }
}

/// Progressive JPEG (a blurred whole first on slow networks) with Huffman
/// tables fitted to the picture; chroma at half resolution (4:2:0), as
/// cameras and every web tool write photos.
fn jpeg(rgb: &[u8], width: u32, height: u32, quality: u8) -> Result<Vec<u8>, PhotoError> {
    let mut out = Vec::new();
    let mut encoder = jpeg_encoder::Encoder::new(&mut out, quality);
    encoder.set_progressive(true);
    encoder.set_optimized_huffman_tables(true);
    encoder.set_sampling_factor(jpeg_encoder::SamplingFactor::F_2_2);
    let (w, h) = (
        u16::try_from(width).map_err(encode_error)?,
        u16::try_from(height).map_err(encode_error)?,
    );
    encoder
        .encode(rgb, w, h, jpeg_encoder::ColorType::Rgb)
        .map_err(encode_error)?;
    Ok(out)
}

fn png(rgba: &[u8], width: u32, height: u32) -> Result<Vec<u8>, PhotoError> {
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(rgba, width, height, image::ExtendedColorType::Rgba8)
        .map_err(encode_error)?;
    Ok(out)
}

/// Lossy WebP (with lossy alpha for a transparent picture), libwebp's
/// default effort (method 4).
fn webp(
    pixels: &[u8],
    width: u32,
    height: u32,
    alpha: bool,
    quality: u8,
) -> Result<Vec<u8>, PhotoError> {
    let encoder = if alpha {
        webp::Encoder::from_rgba(pixels, width, height)
    } else {
        webp::Encoder::from_rgb(pixels, width, height)
    };
    let memory = encoder
        .encode_simple(false, f32::from(quality))
        .map_err(|e| encode_error(format!("{e:?}")))?;
    Ok(memory.to_vec())
}
