//! What a load keeps for the next one: files whose size and modification
//! time are unchanged are not read again, posts whose text and whose
//! possible link targets are unchanged are not parsed and rendered again.

use std::collections::HashMap;
use std::sync::Arc;

use super::Loader;
use super::model;
use super::parse::ParsedPost;
use super::source::{SourceFile, Stamp};
use crate::diagnostics::Diagnostic;
use crate::markdown::{Links, Lookup};

/// What a rebuild reuses from the previous load.
#[derive(Default)]
pub(crate) struct Cache {
    pub(super) files: HashMap<String, CachedFile>,
    /// The fingerprint of the last load's link table.
    pub(super) links: u64,
    /// The settings and link table of the last load, when it succeeded.
    pub(super) loader: Option<Arc<Loader>>,
    /// The photos of the last load, by source file.
    pub(super) photos: HashMap<std::path::PathBuf, super::photos::Known>,
    /// How many photos the last load left pending (shown as their
    /// originals until the background worker is done with them).
    pub(super) pending_photos: usize,
    /// Report files read by the last load, with their stamps.
    pub(super) reports: super::reports::ReportCache,
}

/// A file as the last load read it.
pub(super) struct CachedFile {
    pub(super) stamp: Stamp,
    pub(super) src: Arc<SourceFile>,
    pub(super) post: Option<CachedPost>,
}

/// A post as the last load parsed it, and converted it if it could.
#[derive(Clone)]
pub(super) struct CachedPost {
    pub(super) parsed: Result<Arc<ParsedPost>, Diagnostic>,
    /// The converted post, with what its conversion depended on.
    pub(super) converted: Option<Converted>,
}

/// A post as converted, kept for the next load.
#[derive(Clone)]
pub(super) struct Converted {
    /// The fingerprint of the link table it was converted with.
    pub(super) links: u64,
    pub(super) post: Arc<model::Post>,
    pub(super) diagnostics: Vec<Diagnostic>,
    /// The link targets it looked up: when the link table changed (a post
    /// added elsewhere), it is still valid if each leads where it did.
    pub(super) lookups: Arc<Vec<Lookup>>,
}

impl Cache {
    /// How many photos the site of the last load shows pending: a site
    /// with any is a preview only, never written as a finished build.
    pub(crate) fn pending_photos(&self) -> usize {
        self.pending_photos
    }

    /// The parsed post the last load made of this very file (the same
    /// text, shared), if any.
    pub(super) fn post_of(&self, src: &Arc<SourceFile>) -> Option<CachedPost> {
        let c = self.files.get(&src.rel)?;
        if Arc::ptr_eq(&c.src, src) {
            c.post.clone()
        } else {
            None
        }
    }
}

impl Converted {
    /// Whether the post converted with another link table renders the same
    /// with `links`, from the content folder `dir`.
    pub(super) fn still_valid(&self, links_hash: u64, links: &Links, dir: &str) -> bool {
        self.links == links_hash
            || self
                .lookups
                .iter()
                .all(|(target, was)| links.resolve(dir, target) == *was)
    }
}
