//! What each page shows of the model, declared once.
//!
//! [`Assembly::shows`] says, for every route, which editions, posts, tags
//! and pages its page shows. Both what decides whether a page must be
//! rendered again and what its template sees are made from that one
//! declaration: [`Shows::fingerprint`] hashes exactly what it names, and
//! the template context is built from a [`Shown`], which gives access to
//! nothing else. A page cannot show something its fingerprint ignores, so
//! a preview never serves a stale page (the property test below checks it
//! on random edits).

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use tera::Value;

use super::Assembly;
use super::index::Tag;
use super::menu::Section;
use super::views::{SitemapUrl, Views};
use crate::config::SiteConfig;
use crate::content::model::{Edition, Html, Page, Post};
use crate::routes::{self, List, PostRef, Route};

/// Posts shown on the home page and on an edition page.
const LATEST: usize = 5;
/// Entries in a feed.
pub(super) const FEED_ENTRIES: usize = 20;

/// What of the model one page shows, besides the site's settings and
/// today's date (which every page may show).
#[derive(Debug, Default)]
pub(crate) struct Shows {
    /// An edition in full, its plan included.
    edition: Option<usize>,
    /// Every edition (the archive, feeds, the home page's count).
    editions: bool,
    /// Posts by their summaries (what lists show), in order.
    summaries: Vec<PostRef>,
    /// A post in full.
    post: Option<PostRef>,
    /// The summaries of a post's neighbours: (newer, older).
    neighbours: (Option<PostRef>, Option<PostRef>),
    /// One tag: its name and how many posts carry it.
    tag: Option<usize>,
    /// Every tag, with its number of posts.
    tags: bool,
    /// A standalone page.
    page: Option<usize>,
    /// The home page's introduction.
    home_intro: bool,
    /// Page `n` of how many, of a list.
    pagination: Option<(usize, usize)>,
    /// Every address of the site, with each post's date (the sitemap).
    addresses: bool,
    /// The part of the site the page belongs to, for the menu.
    section: Section,
}

impl Assembly<'_> {
    /// What the page of `route` shows.
    pub(crate) fn shows(&self, route: Route) -> Shows {
        let site = self.site;
        let latest =
            |ei: usize| (0..site.editions[ei].posts.len().min(LATEST)).map(move |pi| (ei, pi));
        match route {
            Route::Home => Shows {
                section: Section::Home,
                edition: self.current,
                editions: true,
                summaries: self.index.all_posts.iter().take(LATEST).copied().collect(),
                home_intro: true,
                ..Shows::default()
            },
            Route::Edition(ei) => Shows {
                section: self.edition_section(ei),
                edition: Some(ei),
                summaries: latest(ei).collect(),
                ..Shows::default()
            },
            Route::Banners(ei) | Route::Results(ei) | Route::ResultsTable(ei, _) => Shows {
                section: self.edition_section(ei),
                edition: Some(ei),
                ..Shows::default()
            },
            Route::Compare => Shows {
                section: Section::Archive,
                editions: true,
                ..Shows::default()
            },
            Route::Board(ei) | Route::SloganText(ei) | Route::Calendar(ei) => Shows {
                section: self.edition_section(ei),
                edition: Some(ei),
                ..Shows::default()
            },
            Route::News(list, n) => {
                let (refs, total) = self.list_page(list, n);
                Shows {
                    section: Section::News,
                    edition: match list {
                        List::Year(ei) => Some(ei),
                        _ => None,
                    },
                    tag: match list {
                        List::Tag(i) => Some(i),
                        _ => None,
                    },
                    summaries: refs,
                    pagination: Some((n, routes::page_count(total, self.per_page()))),
                    ..Shows::default()
                }
            }
            Route::Post((ei, pi)) => {
                let count = site.editions[ei].posts.len();
                Shows {
                    section: Section::News,
                    // Post pages show the edition's name and links, not
                    // its plan; the edition is hashed whole all the same.
                    edition: Some(ei),
                    post: Some((ei, pi)),
                    // Newest first: the newer neighbour comes before.
                    neighbours: (
                        pi.checked_sub(1).map(|i| (ei, i)),
                        (pi + 1 < count).then_some((ei, pi + 1)),
                    ),
                    ..Shows::default()
                }
            }
            Route::Tags => Shows {
                section: Section::News,
                tags: true,
                ..Shows::default()
            },
            Route::Archive => Shows {
                section: Section::Archive,
                editions: true,
                ..Shows::default()
            },
            Route::Page(i) => Shows {
                page: Some(i),
                ..Shows::default()
            },
            Route::NotFound | Route::Robots => Shows::default(),
            Route::Feed(scope) => Shows {
                editions: true,
                summaries: match scope {
                    None => self
                        .index
                        .all_posts
                        .iter()
                        .take(FEED_ENTRIES)
                        .copied()
                        .collect(),
                    Some(ei) => (0..site.editions[ei].posts.len().min(FEED_ENTRIES))
                        .map(|pi| (ei, pi))
                        .collect(),
                },
                edition: scope,
                ..Shows::default()
            },
            Route::Sitemap => Shows {
                addresses: true,
                ..Shows::default()
            },
            // The year filter lists every edition.
            Route::Search => Shows {
                editions: true,
                ..Shows::default()
            },
        }
    }

    /// The section of an edition's pages: the home page's, for the edition
    /// it presents, else the archive's.
    fn edition_section(&self, ei: usize) -> Section {
        if self.current == Some(ei) {
            Section::Home
        } else {
            Section::Archive
        }
    }

    /// The posts on page `n` of a list, and how many the list holds.
    fn list_page(&self, list: List, n: usize) -> (Vec<PostRef>, usize) {
        let per = self.per_page();
        let skip = (n - 1) * per;
        let page = |all: &[PostRef]| all.iter().skip(skip).take(per).copied().collect();
        match list {
            List::All => (page(&self.index.all_posts), self.index.all_posts.len()),
            List::Tag(i) => (
                page(&self.index.tags[i].posts),
                self.index.tags[i].posts.len(),
            ),
            List::Year(ei) => {
                let count = self.site.editions[ei].posts.len();
                (
                    (skip..count.min(skip + per)).map(|pi| (ei, pi)).collect(),
                    count,
                )
            }
        }
    }

    /// A hash of every route's address and every post's date (what the
    /// sitemap shows): computed once per index, which changes whenever
    /// one of them does.
    fn addresses_hash(&self) -> u64 {
        *self.index.addresses.get_or_init(|| {
            let mut h = DefaultHasher::new();
            for route in Route::all(self) {
                route.hash_address(self, &mut h);
                if let Route::Post(r) = route {
                    self.post(r).date.hash(&mut h);
                }
            }
            h.finish()
        })
    }
}

impl Shows {
    /// A hash of everything the page shows, besides the theme: when it is
    /// unchanged, the page from the previous build can be kept. The page's
    /// address is not hashed: fingerprints are compared for the same output
    /// file, which the address determines.
    pub(crate) fn fingerprint(&self, a: &Assembly) -> u64 {
        // Which parts are shown, as one word, then only those parts: every
        // page's fingerprint is computed on every rebuild, so absent parts
        // cost nothing.
        let present = [
            self.edition.is_some(),
            self.editions,
            !self.summaries.is_empty(),
            self.post.is_some(),
            self.neighbours.0.is_some(),
            self.neighbours.1.is_some(),
            self.tag.is_some(),
            self.tags,
            self.page.is_some(),
            self.home_intro,
            self.pagination.is_some(),
            self.addresses,
        ];
        let mask = present
            .iter()
            .enumerate()
            .fold(0u16, |m, (i, &p)| m | (u16::from(p) << i));
        let mut h = DefaultHasher::new();
        (a.today, a.config_hash, mask, self.section).hash(&mut h);
        let summary = |r: PostRef| a.post(r).hashes.summary;
        if let Some(ei) = self.edition {
            h.write_u64(a.edition_hashes[ei]);
        }
        if self.editions {
            a.edition_hashes.hash(&mut h);
        }
        if !self.summaries.is_empty() {
            h.write_usize(self.summaries.len());
            for r in &self.summaries {
                h.write_u64(summary(*r));
            }
        }
        if let Some(r) = self.post {
            h.write_u64(a.post(r).hashes.full);
        }
        for r in [self.neighbours.0, self.neighbours.1].into_iter().flatten() {
            h.write_u64(summary(r));
        }
        if let Some(i) = self.tag {
            (&a.index.tags[i].name, a.index.tags[i].posts.len()).hash(&mut h);
        }
        if self.tags {
            a.index.tags.len().hash(&mut h);
            for t in &a.index.tags {
                (&t.name, &t.slug, t.posts.len()).hash(&mut h);
            }
        }
        if let Some(i) = self.page {
            a.site.pages[i].hash(&mut h);
        }
        if self.home_intro {
            a.site.home_intro.hash(&mut h);
        }
        if let Some(p) = self.pagination {
            p.hash(&mut h);
        }
        if self.addresses {
            h.write_u64(a.addresses_hash());
        }
        h.finish()
    }
}

/// The model as one page may see it: only what its [`Shows`] names.
pub(super) struct Shown<'s, 'a> {
    a: &'s Assembly<'a>,
    shows: &'s Shows,
    pub(super) views: Views<'s>,
}

impl<'s, 'a> Shown<'s, 'a> {
    pub(super) fn new(a: &'s Assembly<'a>, shows: &'s Shows, root: &'s str) -> Self {
        Shown {
            a,
            shows,
            views: Views {
                root,
                today: a.today,
                config: &a.site.config,
            },
        }
    }

    pub(super) fn config(&self) -> &'a SiteConfig {
        &self.a.site.config
    }

    pub(super) fn today(&self) -> crate::dates::Day {
        self.a.today
    }

    /// The site's settings as every page sees them (built once).
    pub(super) fn site_value(&self) -> Value {
        self.a.site_value(&self.views)
    }

    pub(super) fn edition(&self) -> Option<&'a Edition> {
        self.shows.edition.map(|ei| &self.a.site.editions[ei])
    }

    /// What post and list pages see of the edition (its name and links).
    pub(super) fn edition_ref(&self) -> Option<Value> {
        self.shows
            .edition
            .map(|ei| self.a.edition_ref(&self.views, ei))
    }

    pub(super) fn editions(&self) -> &'a [Edition] {
        if self.shows.editions {
            &self.a.site.editions
        } else {
            &[]
        }
    }

    /// The summaries of the posts shown, as one template value.
    pub(super) fn summaries(&self) -> Value {
        Value::from(
            self.shows
                .summaries
                .iter()
                .map(|r| self.a.summary(*r))
                .collect::<Vec<Value>>(),
        )
    }

    /// The posts shown by their summaries.
    pub(super) fn summary_posts(&self) -> impl Iterator<Item = &'a Post> + '_ {
        self.shows.summaries.iter().map(|r| self.a.post(*r))
    }

    pub(super) fn post(&self) -> Option<&'a Post> {
        self.shows.post.map(|r| self.a.post(r))
    }

    /// The summaries of the post's neighbours: (newer, older).
    pub(super) fn neighbours(&self) -> (Option<Value>, Option<Value>) {
        let (newer, older) = self.shows.neighbours;
        (
            newer.map(|r| self.a.summary(r)),
            older.map(|r| self.a.summary(r)),
        )
    }

    pub(super) fn tag(&self) -> Option<&'s Tag> {
        self.shows.tag.map(|i| &self.a.index.tags[i])
    }

    pub(super) fn tags(&self) -> &'s [Tag] {
        if self.shows.tags {
            &self.a.index.tags
        } else {
            &[]
        }
    }

    pub(super) fn page(&self) -> Option<&'a Page> {
        self.shows.page.map(|i| &self.a.site.pages[i])
    }

    pub(super) fn home_intro(&self) -> Option<&'a Html> {
        if self.shows.home_intro {
            self.a.site.home_intro.as_ref()
        } else {
            None
        }
    }

    /// The site path of the section the page belongs to, if any.
    pub(super) fn section(&self) -> Option<String> {
        self.shows.section.path(self.a)
    }

    /// Page `n` of how many.
    pub(super) fn pagination(&self) -> Option<(usize, usize)> {
        self.shows.pagination
    }

    /// Every address of the site, for the sitemap.
    pub(super) fn addresses(&self) -> Vec<SitemapUrl> {
        if !self.shows.addresses {
            return Vec::new();
        }
        let base = &self.a.site.config.base_url;
        Route::all(self.a)
            .into_iter()
            .filter(|r| r.in_sitemap())
            .map(|r| SitemapUrl {
                loc: format!("{base}{}", r.path(self.a)),
                lastmod: match r {
                    Route::Post(p) => Some(self.a.post(p).date.iso()),
                    _ => None,
                },
            })
            .collect()
    }
}

#[cfg(test)]
mod tests;
