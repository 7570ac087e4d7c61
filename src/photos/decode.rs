//! Source bytes → upright 8-bit sRGB pixels, or the reason why not.
//!
//! The format is read from the bytes, never from the file name (a `.jpg`
//! that is really a PNG is a PNG). Everything that can be refused from a
//! header is refused before a pixel buffer exists: HEIC by its `ftyp` box,
//! a decompression bomb by the size its header claims, a truncated JPEG by
//! its missing end marker.

use std::io::Cursor;

use image::codecs::gif::GifDecoder;
use image::codecs::jpeg::JpegDecoder;
use image::codecs::png::PngDecoder;
use image::codecs::webp::WebPDecoder;
use image::metadata::Orientation;
use image::{AnimationDecoder, DynamicImage, ImageDecoder, ImageError, ImageFormat, Limits};

use super::{PhotoError, Settings};

/// A decoded photo, upright, in sRGB, 8 bits per channel: RGB, or RGBA when
/// some pixel is not opaque.
pub(super) struct Decoded {
    pub(super) image: DynamicImage,
    /// More than one frame (GIF, WebP): only the first is kept.
    pub(super) animated: bool,
}

pub(super) fn decode(bytes: &[u8], settings: &Settings) -> Result<Decoded, PhotoError> {
    if let Some(brand) = iso_bmff_brand(bytes) {
        return Err(match &brand {
            b"avif" | b"avis" => PhotoError::Unsupported {
                format: Some("AVIF"),
            },
            _ => PhotoError::Heic,
        });
    }
    let format =
        image::guess_format(bytes).map_err(|_| PhotoError::Unsupported { format: None })?;
    let cursor = Cursor::new(bytes);
    match format {
        ImageFormat::Jpeg => {
            if !jpeg_is_complete(bytes) {
                return Err(PhotoError::Truncated);
            }
            read(JpegDecoder::new(cursor).map_err(error)?, settings, false)
        }
        ImageFormat::Png => read(PngDecoder::new(cursor).map_err(error)?, settings, false),
        ImageFormat::WebP => {
            let decoder = WebPDecoder::new(cursor).map_err(error)?;
            let animated = decoder.has_animation();
            read(decoder, settings, animated)
        }
        ImageFormat::Gif => gif(GifDecoder::new(cursor).map_err(error)?, settings),
        other => Err(PhotoError::Unsupported {
            format: Some(format_name(other)),
        }),
    }
}

/// The limits given to a decoder once its header has passed the pixel
/// check: room for the largest allowed photo at 16 bits per RGBA channel.
fn limits(settings: &Settings) -> Limits {
    let mut limits = Limits::default();
    limits.max_alloc = Some(settings.max_pixels.saturating_mul(8).max(64 << 20));
    limits
}

/// Refuses a header claiming more pixels than allowed.
fn check_size(width: u32, height: u32, settings: &Settings) -> Result<(), PhotoError> {
    if u64::from(width) * u64::from(height) > settings.max_pixels {
        return Err(PhotoError::TooManyPixels {
            width,
            height,
            limit: settings.max_pixels,
        });
    }
    if width == 0 || height == 0 {
        return Err(PhotoError::Corrupt {
            detail: format!("{width}×{height}"),
        });
    }
    Ok(())
}

fn read(
    mut decoder: impl ImageDecoder,
    settings: &Settings,
    animated: bool,
) -> Result<Decoded, PhotoError> {
    let (width, height) = decoder.dimensions();
    check_size(width, height, settings)?;
    decoder.set_limits(limits(settings)).map_err(error)?;
    // Orientation and profile are read before the pixels (the decoder is
    // consumed by them); a damaged EXIF block is no orientation, not an
    // error.
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let icc = decoder.icc_profile().ok().flatten();
    let image = DynamicImage::from_decoder(decoder).map_err(error)?;
    Ok(Decoded {
        image: finish(image, orientation, icc.as_deref()),
        animated,
    })
}

/// A GIF: its first frame (composited on the canvas), and whether there is
/// a second one.
fn gif(decoder: GifDecoder<Cursor<&[u8]>>, settings: &Settings) -> Result<Decoded, PhotoError> {
    let (width, height) = decoder.dimensions();
    check_size(width, height, settings)?;
    let mut decoder = decoder;
    decoder.set_limits(limits(settings)).map_err(error)?;
    let mut frames = decoder.into_frames();
    let first = frames
        .next()
        .ok_or(PhotoError::Corrupt {
            detail: "no frame".to_owned(),
        })?
        .map_err(error)?;
    let animated = matches!(frames.next(), Some(Ok(_)));
    let image = DynamicImage::ImageRgba8(first.into_buffer());
    Ok(Decoded {
        image: finish(image, Orientation::NoTransforms, None),
        animated,
    })
}

/// 8-bit RGB (RGBA only if some pixel is not opaque), in sRGB, upright.
fn finish(image: DynamicImage, orientation: Orientation, icc: Option<&[u8]>) -> DynamicImage {
    let mut image = if image.color().has_alpha() {
        let rgba = image.into_rgba8();
        if rgba.pixels().all(|p| p[3] == 255) {
            DynamicImage::ImageRgb8(DynamicImage::ImageRgba8(rgba).into_rgb8())
        } else {
            DynamicImage::ImageRgba8(rgba)
        }
    } else {
        // Greyscale, 16-bit and CMYK (converted by the JPEG decoder) alike.
        DynamicImage::ImageRgb8(image.into_rgb8())
    };
    if let Some(icc) = icc {
        to_srgb(&mut image, icc);
    }
    image.apply_orientation(orientation);
    image
}

/// Converts pixels described by an embedded RGB profile (a phone's Display
/// P3, Adobe RGB) to sRGB, which is what a browser assumes of a file
/// without one: the profile itself is not published. Any other profile (a
/// CMYK one, which the JPEG decoder already applied its own conversion
/// for; a grey one) or one that does not parse leaves the pixels as they
/// are.
fn to_srgb(image: &mut DynamicImage, icc: &[u8]) {
    let Ok(source) = moxcms::ColorProfile::new_from_slice(icc) else {
        return;
    };
    if source.color_space != moxcms::DataColorSpace::Rgb {
        return;
    }
    let srgb = moxcms::ColorProfile::new_srgb();
    let (layout, pixels): (moxcms::Layout, &mut [u8]) = match image {
        DynamicImage::ImageRgb8(b) => (moxcms::Layout::Rgb, b),
        DynamicImage::ImageRgba8(b) => (moxcms::Layout::Rgba, b),
        _ => return,
    };
    let Ok(transform) =
        source.create_transform_8bit(layout, &srgb, layout, moxcms::TransformOptions::default())
    else {
        return;
    };
    let mut out = vec![0u8; pixels.len()];
    if transform.transform(pixels, &mut out).is_ok() {
        pixels.copy_from_slice(&out);
    }
}

/// The major brand of an ISO base media file (`....ftypheic`): HEIC, HEIF
/// and AVIF files all start so.
fn iso_bmff_brand(bytes: &[u8]) -> Option<[u8; 4]> {
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        let brand: [u8; 4] = bytes[8..12].try_into().ok()?;
        // Video files (mp4, mov) are ISO files too; what they are is said
        // as "not a picture".
        const PICTURES: [&[u8; 4]; 10] = [
            b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1", b"avif",
            b"avis",
        ];
        return PICTURES.contains(&&brand).then_some(brand);
    }
    None
}

/// Whether a JPEG has its end: an end-of-image marker (`FF D9`) after the
/// last start-of-scan (`FF DA`). Inside compressed data `FF` is always
/// followed by `00` or a restart marker, so neither pair occurs by chance;
/// data some phones append after the end (a trailer, a second picture with
/// its own end) does not count against it. The decoder itself fills a
/// missing end with grey and says nothing, hence this check.
fn jpeg_is_complete(bytes: &[u8]) -> bool {
    let last_scan = bytes.windows(2).rposition(|w| w == [0xFF, 0xDA]);
    match last_scan {
        Some(at) => bytes[at..].windows(2).any(|w| w == [0xFF, 0xD9]),
        None => false,
    }
}

fn error(e: ImageError) -> PhotoError {
    match e {
        ImageError::Limits(_) => PhotoError::Corrupt {
            detail: e.to_string(),
        },
        ImageError::IoError(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => {
            PhotoError::Truncated
        }
        ImageError::Unsupported(_) => PhotoError::Unsupported { format: None },
        other => PhotoError::Corrupt {
            detail: other.to_string(),
        },
    }
}

fn format_name(format: ImageFormat) -> &'static str {
    match format {
        ImageFormat::Tiff => "TIFF",
        ImageFormat::Bmp => "BMP",
        ImageFormat::Ico => "ICO",
        ImageFormat::Avif => "AVIF",
        ImageFormat::Pnm => "PNM",
        ImageFormat::Tga => "TGA",
        ImageFormat::Dds => "DDS",
        ImageFormat::Hdr => "HDR",
        ImageFormat::OpenExr => "OpenEXR",
        ImageFormat::Farbfeld => "Farbfeld",
        ImageFormat::Qoi => "QOI",
        _ => "?",
    }
}
