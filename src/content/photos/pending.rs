//! How a load gets the photos it does not know yet, and what a page shows
//! of a photo still being processed.
//!
//! `build` and `check` process them before going on ([`PhotoMode::Inline`]):
//! nothing pending is ever published. The previews hand them to the
//! background worker ([`PhotoMode::Background`]) and go on at once: a
//! pending photo is shown as its original file (the preview is local; the
//! original never reaches the output folder, which is written only from a
//! build with no photo pending), at the size its header gives, so the page
//! keeps its layout when the processed photo replaces it.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use super::super::model::{Asset, Picture, PictureFile};
use super::Processed;
use crate::photos::{self, Photo, PhotoError};

/// How a load processes the photos it does not know.
#[derive(Clone, Default)]
pub(crate) enum PhotoMode {
    /// All of them, before the load goes on.
    #[default]
    Inline,
    /// Those in the cache at once, the others in the background: the load
    /// leaves them pending.
    Background(photos::Background),
}

/// The results for `todo` (photos with their stamps) that are ready: all
/// of them inline; in the background, those already processed. The others
/// are pending.
///
/// Each photo of `todo` says whether it gets a full-size copy too
/// (`settings` are those without).
pub(super) fn results(
    mode: &PhotoMode,
    todo: Vec<(PathBuf, photos::Want)>,
    settings: &photos::Settings,
    cache_dir: &Path,
) -> HashMap<PathBuf, Result<Arc<Photo>, PhotoError>> {
    match mode {
        PhotoMode::Inline => {
            let mut out = HashMap::new();
            // Those with a full-size copy are another batch (other settings).
            for original in [false, true] {
                let paths: Vec<PathBuf> = todo
                    .iter()
                    .filter(|(_, (_, o))| *o == original)
                    .map(|(p, _)| p.clone())
                    .collect();
                if paths.is_empty() {
                    continue;
                }
                let settings = photos::Settings {
                    original,
                    ..settings.clone()
                };
                let done = photos::process(&paths, &settings, cache_dir, &AtomicBool::new(false));
                out.extend(paths.into_iter().zip(done.photos));
            }
            out
        }
        PhotoMode::Background(worker) => worker.resolve(&todo, settings, cache_dir),
    }
}

/// A photo still being processed: its original is served (for the preview
/// only) and pictured at the size its header gives.
pub(super) fn publish_pending(
    asset: &Asset,
    published: &mut HashSet<String>,
    assets: &mut Vec<Asset>,
    out: &mut Processed,
) {
    out.pending += 1;
    if published.insert(asset.output.clone()) {
        assets.push(asset.clone());
    }
    let Some((width, height, mime)) = photos::header_size(&asset.source) else {
        // Not even a header (a HEIC, a damaged file): linked as it is
        // until the worker says why it cannot be published.
        return;
    };
    let url = format!("/{}", asset.output);
    let picture = Picture {
        fallback: vec![PictureFile {
            url: url.clone(),
            width,
            height,
        }],
        fallback_type: mime,
        webp: Vec::new(),
        // Offered once processed.
        original: None,
    };
    out.sources.push((asset.rel.clone(), asset.output.clone()));
    out.pictures.insert(url, Arc::new(picture));
}
