//! The records of a preview, kept from one rebuild to the next: after an
//! edit only the posts that changed are turned into records again (the
//! text of every body is most of the work of [`super::records`]).

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use super::records::{Record, html_text, others, post_record};
use crate::content::model::{Body, Site};

/// Each post's record, by its source file, with the key it was made for
/// and a hash of the record itself (a new cover photo changes the key, not
/// the record).
#[derive(Default)]
pub(crate) struct RecordCache {
    posts: HashMap<String, (u64, Record, u64)>,
    /// The records that are not posts, as last made.
    others: Vec<Record>,
}

impl RecordCache {
    /// Brings the cache up to date with `site`, and returns a fingerprint
    /// of its records: equal fingerprints, equal records (and so the same
    /// index files).
    pub(crate) fn update(&mut self, site: &Site) -> u64 {
        let mut fingerprint = std::collections::hash_map::DefaultHasher::new();
        let mut fresh = HashMap::with_capacity(self.posts.len());
        for edition in site.editions.iter().rev() {
            for post in &edition.posts {
                // A post's record is made of the post (all of which its
                // full hash covers) and its edition's ordinal.
                let key = {
                    let mut h = std::collections::hash_map::DefaultHasher::new();
                    (post.hashes.full, edition.ordinal).hash(&mut h);
                    h.finish()
                };
                let entry = match self.posts.remove(&post.file) {
                    Some(entry) if entry.0 == key => entry,
                    _ => {
                        let text = match &post.body {
                            Body::Ready(b) => html_text(&b.content),
                            // Previews hold every body; a deferred one
                            // would be read by its page, not here.
                            Body::Deferred(_) => String::new(),
                        };
                        let record = post_record(post, edition, text);
                        let mut h = std::collections::hash_map::DefaultHasher::new();
                        record.hash(&mut h);
                        (key, record, h.finish())
                    }
                };
                (&post.file, entry.2).hash(&mut fingerprint);
                fresh.insert(post.file.clone(), entry);
            }
        }
        self.posts = fresh;
        self.others = others(site);
        self.others.hash(&mut fingerprint);
        fingerprint.finish()
    }

    /// The records of the site last given to [`RecordCache::update`], in
    /// the order [`super::records`] gives them.
    pub(crate) fn records(&self, site: &Site) -> Vec<Record> {
        let mut out = Vec::with_capacity(self.posts.len() + self.others.len());
        for edition in site.editions.iter().rev() {
            for post in &edition.posts {
                if let Some((_, record, _)) = self.posts.get(&post.file) {
                    out.push(record.clone());
                }
            }
        }
        out.extend(self.others.iter().cloned());
        out
    }
}
