//! The photo pipeline as `examples/bench_photos.rs` drives it, before it is
//! wired into builds: the only part of [`crate::photos`] outside the crate.

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
