//! Post bodies left on disk by `campaign build`, read and rendered when
//! their page is (see [`super::model::Body::Deferred`]).

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::model::{LazyBody, PostBody};
use super::post::{PostFront, convert_body, post_photos};
use super::source::{Stamp, read_source, stamp};
use crate::diagnostics::Diagnostic;
use crate::markdown::Links;

/// Where a post's body is, and what rendering it needs.
#[derive(Debug)]
pub(super) struct DeferredBody {
    /// The file on disk.
    path: PathBuf,
    /// Relative to the content folder.
    rel: String,
    /// The content folder, for the path shown in messages.
    source: PathBuf,
    year: i16,
    /// Its front matter, for the problems of its photos (reported with the
    /// body, where the text is at hand).
    front: PostFront,
    /// The file's modification time and size when it was loaded.
    stamp: Stamp,
    links: Arc<Links>,
}

impl DeferredBody {
    pub(super) fn new(
        source: &Path,
        path: &Path,
        rel: &str,
        year: i16,
        front: &PostFront,
        stamp: Stamp,
        links: Arc<Links>,
    ) -> DeferredBody {
        DeferredBody {
            path: path.to_path_buf(),
            rel: rel.to_owned(),
            source: source.to_path_buf(),
            year,
            front: front.clone(),
            stamp,
            links,
        }
    }
}

impl LazyBody for DeferredBody {
    /// Reads the post again and renders its body. A file changed since it
    /// was loaded is a problem: its page could not match its lists.
    fn render(&self) -> Result<(PostBody, Vec<Diagnostic>), Vec<Diagnostic>> {
        if stamp(&self.path) != Some(self.stamp) {
            return Err(vec![
                Diagnostic::file(
                    &self.source.join(&self.rel),
                    crate::msg!("changed-during-build"),
                )
                .with_help(crate::msg!("changed-during-build-help")),
            ]);
        }
        let src = read_source(&self.source, &self.rel, &self.path).map_err(|d| vec![d])?;
        let body = super::frontmatter::split(&src.text)
            .map(|s| s.body)
            .unwrap_or(0);
        let photos = post_photos(
            &self.front,
            self.year,
            &src.dir,
            &self.links,
            &mut Vec::new(),
        );
        let mut diagnostics: Vec<Diagnostic> = photos.problems.iter().map(|p| p.at(&src)).collect();
        let rendered = convert_body(&src, body, &self.links, &mut diagnostics, &mut Vec::new());
        if diagnostics.iter().any(Diagnostic::is_error) {
            return Err(diagnostics);
        }
        // A warning about the file as read (not NFC) was given on load.
        Ok((rendered, diagnostics))
    }

    fn version(&self) -> u64 {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.stamp.hash(&mut h);
        h.finish()
    }
}
