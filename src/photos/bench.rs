//! The photo pipeline as `examples/bench_photos.rs` drives it, before it is
//! wired into builds, and the EXIF block of the tests: the only part of
//! [`crate::photos`] outside the crate.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use super::{Settings, process};

/// One output file: its width, extension and size in bytes.
pub type Output = (u32, &'static str, u64);

/// What a run did.
pub struct Run {
    /// Distinct photos decoded and encoded.
    pub processed: usize,
    /// Distinct photos taken from the cache.
    pub cached: usize,
    /// For each source, in order: its outputs, or why it failed (English).
    pub outputs: Vec<Result<Vec<Output>, String>>,
}

/// Processes `sources` to `widths` (JPEG and, with `webp`, WebP) at
/// `quality`, with the cache in `cache`.
pub fn run(sources: &[PathBuf], widths: &[u32], quality: u8, webp: bool, cache: &Path) -> Run {
    let settings = Settings {
        widths: widths.to_vec(),
        quality,
        webp,
        ..Settings::default()
    };
    let outcome = process(sources, &settings, cache, &AtomicBool::new(false));
    let outputs = outcome
        .photos
        .iter()
        .zip(sources)
        .map(|(photo, path)| match photo {
            Ok(photo) => Ok(photo
                .variants
                .iter()
                .map(|v| (v.width, v.format.extension(), v.len))
                .collect()),
            Err(e) => Err(e.message(path).to_string()),
        })
        .collect();
    Run {
        processed: outcome.processed,
        cached: outcome.cached,
        outputs,
    }
}

/// An EXIF block (APP1): orientation `orientation`, a make, a model, a
/// serial number and a GPS position: what a phone writes, for the tests
/// (unit and integration) that check none of it is published.
pub fn exif_block(orientation: u16) -> Vec<u8> {
    // Little-endian TIFF: header, IFD0 (5 entries), GPS IFD (2 entries),
    // then the values that do not fit in an entry.
    let mut t: Vec<u8> = b"II*\0".to_vec();
    t.extend_from_slice(&8u32.to_le_bytes());
    let ifd0_len = 2 + 5 * 12 + 4;
    let gps_at = 8 + ifd0_len;
    let gps_len = 2 + 2 * 12 + 4;
    let data_at = gps_at + gps_len;
    let make = b"TestMake\0";
    let model = b"TestModel\0";
    let serial = b"SN-123456789\0";
    let make_at = data_at;
    let model_at = make_at + make.len();
    let serial_at = model_at + model.len();
    let lat_at = serial_at + serial.len();
    let entry = |t: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: u32| {
        t.extend_from_slice(&tag.to_le_bytes());
        t.extend_from_slice(&kind.to_le_bytes());
        t.extend_from_slice(&count.to_le_bytes());
        t.extend_from_slice(&value.to_le_bytes());
    };
    t.extend_from_slice(&5u16.to_le_bytes());
    entry(&mut t, 0x010F, 2, make.len() as u32, make_at as u32);
    entry(&mut t, 0x0110, 2, model.len() as u32, model_at as u32);
    entry(&mut t, 0x0112, 3, 1, u32::from(orientation));
    entry(&mut t, 0x8825, 4, 1, gps_at as u32);
    // BodySerialNumber belongs in the Exif IFD; IFD0 is enough for a
    // reader to find it and for the test to look for its text.
    entry(&mut t, 0xA431, 2, serial.len() as u32, serial_at as u32);
    t.extend_from_slice(&0u32.to_le_bytes());
    t.extend_from_slice(&2u16.to_le_bytes());
    entry(&mut t, 0x0001, 2, 2, u32::from(b'N'));
    entry(&mut t, 0x0002, 5, 3, lat_at as u32);
    t.extend_from_slice(&0u32.to_le_bytes());
    t.extend_from_slice(make);
    t.extend_from_slice(model);
    t.extend_from_slice(serial);
    for (n, d) in [(21u32, 1u32), (1, 1), (3, 1)] {
        t.extend_from_slice(&n.to_le_bytes());
        t.extend_from_slice(&d.to_le_bytes());
    }
    let mut block = b"Exif\0\0".to_vec();
    block.extend_from_slice(&t);
    block
}

/// A new 12 MP phone-like JPEG (4000 × 3000, noise over gradients, so it
/// takes as long as a real photo to process), different for every `seed`:
/// for the benchmark and the tests of photos processed in the background.
pub fn jpeg_12mp(seed: u32) -> Vec<u8> {
    let mut s = seed.wrapping_mul(2_654_435_761) | 1;
    let pixels = image::RgbImage::from_fn(4000, 3000, |x, y| {
        s ^= s << 13;
        s ^= s >> 17;
        s ^= s << 5;
        let n = (s % 32) as u8;
        image::Rgb([
            (x / 16) as u8 ^ n,
            (y / 12) as u8 ^ n,
            ((x + y) / 28) as u8 ^ n,
        ])
    });
    let mut bytes = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 90)
        .encode_image(&pixels)
        .expect("encoding to memory cannot fail");
    bytes
}
