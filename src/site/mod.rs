//! Site assembly: the pages of a loaded site, and what each one's template
//! sees.
//!
//! [`Assembly`] indexes the loaded model once ([`index`]: all posts newest
//! first, tags in Vietnamese order), lists its routes ([`crate::routes`]),
//! declares what each page shows ([`shows`]: the one description from which
//! both its fingerprint and its template context are made) and renders a
//! page with the theme ([`context`], [`views`], [`feeds`]). Each page's
//! context holds only what that page shows, built on the fly, so pages
//! render independently and in parallel without sharing anything mutable.

mod charts;
mod context;
mod feeds;
mod gallery;
mod index;
mod lists;
mod menu;
mod pictures;
mod results;
mod shows;
mod views;

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::sync::OnceLock;

use tera::Value;

use crate::content::model::{Edition, Post, PostBody, Site};
use crate::dates::Day;
use crate::routes::{self, PostRef, Route, Shape};
use crate::templates::Theme;

pub(crate) use index::Index;
pub(crate) use views::{encode_path, ordinal_label};

use context::{Place, context};
use lists::post_summary;
use shows::Shown;
use views::Views;

/// The loaded site, indexed for rendering.
pub(crate) struct Assembly<'a> {
    pub(crate) site: &'a Site,
    today: Day,
    /// The edition the home page shows.
    current: Option<usize>,
    /// Hashes of the settings and of each edition (without its posts).
    config_hash: u64,
    edition_hashes: Vec<u64>,
    index: Index,
    /// What lists show of each post, as the template sees it: the same on
    /// every page (its links are site paths), so it is built once, when a
    /// page first needs it, and shared (Tera values are reference-counted).
    summaries: Vec<OnceLock<Value>>,
    /// The site's settings as every page sees them, and what post and list
    /// pages see of each edition: the same on every page, built once.
    site_value: OnceLock<Value>,
    edition_refs: Vec<OnceLock<Value>>,
}

impl<'a> Assembly<'a> {
    pub(crate) fn new(site: &'a Site, today: Day) -> Self {
        Self::with_index(site, today, Index::new(site))
    }

    /// An assembly with the index of an earlier one: valid while no post
    /// was added, removed, given another date or other tags.
    pub(crate) fn with_index(site: &'a Site, today: Day, index: Index) -> Self {
        let config_hash = {
            let mut h = DefaultHasher::new();
            site.config.hash(&mut h);
            h.finish()
        };
        let current = site
            .current_edition()
            .and_then(|c| site.editions.iter().position(|e| std::ptr::eq(e, c)));
        Assembly {
            site,
            today,
            current,
            summaries: (0..index.all_posts.len())
                .map(|_| OnceLock::new())
                .collect(),
            site_value: OnceLock::new(),
            edition_refs: site.editions.iter().map(|_| OnceLock::new()).collect(),
            config_hash,
            edition_hashes: site
                .editions
                .iter()
                .map(Edition::hash_without_posts)
                .collect(),
            index,
        }
    }

    /// Gives the index back, for the next rebuild.
    pub(crate) fn into_index(self) -> Index {
        self.index
    }

    /// What the assembly owns (its index and the template values it
    /// built), without its borrow of the site: to be dropped elsewhere.
    pub(crate) fn into_parts(self) -> impl Send + 'static {
        (
            self.index,
            self.summaries,
            self.site_value,
            self.edition_refs,
        )
    }

    /// Every route of the site.
    pub(crate) fn routes(&self) -> Vec<Route> {
        Route::all(self)
    }

    pub(crate) fn post(&self, r: PostRef) -> &'a Post {
        &self.site.editions[r.0].posts[r.1]
    }

    /// A hash of everything the page of `route` shows: when it is
    /// unchanged, the page from the previous build can be kept.
    pub(crate) fn fingerprint(&self, route: Route) -> u64 {
        self.shows(route).fingerprint(self)
    }

    /// Renders the page of `route` with the theme, as the bytes of its
    /// file. A post page needs the post's `body` (which the caller may
    /// have to read from disk first).
    ///
    /// Rendered straight into bytes: Tera's `render` would check the whole
    /// page is UTF-8 again, which costs more than interpreting the template
    /// on Vietnamese text (everything it writes is UTF-8 already).
    pub(crate) fn render(
        &self,
        theme: &Theme,
        route: Route,
        body: Option<&PostBody>,
    ) -> Result<Vec<u8>, tera::Error> {
        if let Route::ResultsTable(ei, table) = route {
            return self.results_table(ei, table);
        }
        let path = route.path(self);
        let root = routes::root_of(&path);
        let list_base = match route {
            Route::News(list, _) => Some(routes::list_base(list, self)),
            _ => None,
        };
        let feed_path = route.feed_path(self);
        let shows = self.shows(route);
        let shown = Shown::new(self, &shows, &root);
        let place = Place {
            route,
            path: &path,
            root: &root,
            list_base: list_base.as_deref(),
            feed_path: &feed_path,
        };
        let (template, ctx) = context(&place, &shown, body);
        let mut bytes = Vec::with_capacity(16 * 1024);
        theme.tera.render_to(template, &ctx, &mut bytes)?;
        Ok(bytes)
    }

    /// An edition's compiled results as a file: the form's table filled
    /// with the units' figures (the `.xlsx` with its formulas).
    fn results_table(&self, ei: usize, table: routes::Table) -> Result<Vec<u8>, tera::Error> {
        let e = &self.site.editions[ei];
        let spec = crate::forms::spec(self.site, e);
        let rows = crate::forms::filled(e);
        match table {
            routes::Table::Csv => Ok(crate::forms::csv(&spec, Some(&rows))),
            routes::Table::Xlsx => crate::forms::xlsx(&spec, Some(&rows))
                .map_err(|e| tera::Error::message(format!("the results table: {e}"))),
        }
    }

    /// The site's settings as every page sees them.
    fn site_value(&self, v: &Views) -> Value {
        self.site_value
            .get_or_init(|| Value::from_serializable(&v.site()))
            .clone()
    }

    /// What post and list pages show of an edition, as the template sees it.
    fn edition_ref(&self, v: &Views, ei: usize) -> Value {
        self.edition_refs[ei]
            .get_or_init(|| Value::from_serializable(&v.edition_ref(&self.site.editions[ei])))
            .clone()
    }

    /// What lists show of a post (see `summaries`).
    fn summary(&self, r: PostRef) -> Value {
        self.summaries[self.index.position(r)]
            .get_or_init(|| Value::from_serializable(&post_summary(self.post(r))))
            .clone()
    }

    fn per_page(&self) -> usize {
        self.site.config.news_per_page.get()
    }
}

/// Routes are read against the assembled site.
impl Shape for Assembly<'_> {
    fn editions(&self) -> usize {
        self.site.editions.len()
    }
    fn year(&self, edition: usize) -> i16 {
        self.site.editions[edition].year
    }
    fn posts(&self, edition: usize) -> usize {
        self.site.editions[edition].posts.len()
    }
    fn post_slug(&self, post: PostRef) -> &str {
        &self.post(post).slug
    }
    fn tags(&self) -> usize {
        self.index.tags.len()
    }
    fn tag_slug(&self, tag: usize) -> &str {
        &self.index.tags[tag].slug
    }
    fn tagged(&self, tag: usize) -> usize {
        self.index.tags[tag].posts.len()
    }
    fn pages(&self) -> usize {
        self.site.pages.len()
    }
    fn page_slug(&self, page: usize) -> &str {
        &self.site.pages[page].slug
    }
    fn per_page(&self) -> usize {
        Assembly::per_page(self)
    }
}
