//! The second stage of loading: reading every text file of the layout in
//! parallel, or taking it from the last load when it did not change.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;

use super::cache::Cache;
use super::discover::Layout;
use super::source::{SourceFile, Stamp, read_source, stamp};
use crate::diagnostics::Diagnostic;

/// The text files of a site, as read.
pub(super) struct Files {
    pub(super) by_rel: HashMap<String, Arc<SourceFile>>,
    /// When each was read, for the next load.
    pub(super) stamps: HashMap<String, Stamp>,
}

impl Files {
    pub(super) fn get(&self, rel: &str) -> Option<&Arc<SourceFile>> {
        self.by_rel.get(rel)
    }
}

/// Reads the settings, pages, editions and introductions of `layout`, and
/// its posts unless their bodies are left on disk (they are then read with
/// their front matter, and their text is not kept).
pub(super) fn read_files(
    source: &Path,
    layout: &Layout,
    config: &String,
    defer_bodies: bool,
    cache: &Cache,
    errors: &mut Vec<Diagnostic>,
) -> Files {
    let mut wanted: Vec<&String> = vec![config];
    wanted.extend(layout.home.iter());
    wanted.extend(layout.pages.iter());
    for y in layout.years.values() {
        wanted.extend(y.yaml.iter().chain(y.intro.iter()));
        if !defer_bodies {
            wanted.extend(y.posts.iter());
        }
    }
    type Read = (Option<Stamp>, Result<Arc<SourceFile>, Diagnostic>);
    let read: Vec<Read> = wanted
        .par_iter()
        .map(|rel| {
            let real = &layout.paths[*rel];
            let now = stamp(real);
            match cache.files.get(*rel) {
                Some(c) if now.is_some() && Some(c.stamp) == now => (now, Ok(c.src.clone())),
                _ => (now, read_source(source, rel, real).map(Arc::new)),
            }
        })
        .collect();
    let mut files = Files {
        by_rel: HashMap::new(),
        stamps: HashMap::new(),
    };
    for (st, r) in read {
        match r {
            Ok(f) => {
                if let Some(st) = st {
                    files.stamps.insert(f.rel.clone(), st);
                }
                errors.extend(f.warning.clone());
                files.by_rel.insert(f.rel.clone(), f);
            }
            Err(d) => errors.push(d),
        }
    }
    files
}
