//! The order of a site's posts and its tags, worked out once per site.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::content::model::Site;
use crate::routes::PostRef;
use crate::text::vi_compare;

/// A tag and the posts carrying it.
#[derive(Debug)]
pub(crate) struct Tag {
    pub(crate) name: String,
    pub(crate) slug: String,
    /// Newest first.
    pub(crate) posts: Vec<PostRef>,
}

/// The order of a site's posts and its tags. Sorting 10,000 posts and
/// gathering their tags costs more than the rest of a rebuild after an
/// edit, so previews keep it while no post moves (see
/// [`super::Assembly::with_index`]).
pub(crate) struct Index {
    /// Every post, newest first.
    pub(super) all_posts: Vec<PostRef>,
    /// In Vietnamese order.
    pub(super) tags: Vec<Tag>,
    /// Where each edition's posts start in a list of all posts.
    pub(super) first_post: Vec<usize>,
    /// A hash of every page's address and every post's date (what the
    /// sitemap shows), computed when first needed.
    pub(super) addresses: OnceLock<u64>,
}

impl Index {
    pub(crate) fn new(site: &Site) -> Index {
        let mut all_posts: Vec<PostRef> = site
            .editions
            .iter()
            .enumerate()
            .flat_map(|(ei, e)| (0..e.posts.len()).map(move |pi| (ei, pi)))
            .collect();
        let post = |r: &PostRef| &site.editions[r.0].posts[r.1];
        all_posts.sort_by(|a, b| {
            let (pa, pb) = (post(a), post(b));
            pb.date
                .cmp(&pa.date)
                .then_with(|| pb.year.cmp(&pa.year))
                .then_with(|| pa.slug.cmp(&pb.slug))
        });
        let mut tags: Vec<Tag> = Vec::new();
        let mut by_slug = HashMap::new();
        for r in &all_posts {
            for tag in &post(r).tags {
                let i = *by_slug.entry(tag.slug.as_str()).or_insert_with(|| {
                    tags.push(Tag {
                        name: tag.name.clone(),
                        slug: tag.slug.clone(),
                        posts: Vec::new(),
                    });
                    tags.len() - 1
                });
                tags[i].posts.push(*r);
            }
        }
        tags.sort_by(|a, b| vi_compare(&a.name, &b.name).then_with(|| a.slug.cmp(&b.slug)));
        let mut first_post = Vec::with_capacity(site.editions.len());
        let mut total = 0;
        for e in &site.editions {
            first_post.push(total);
            total += e.posts.len();
        }
        Index {
            all_posts,
            tags,
            first_post,
            addresses: OnceLock::new(),
        }
    }

    /// The position of a post in a list of all posts of the site (by
    /// edition, then as the edition lists them).
    pub(super) fn position(&self, r: PostRef) -> usize {
        self.first_post[r.0] + r.1
    }
}
