//! Site assembly: which pages exist, and what each one's template sees.
//!
//! [`Assembly`] indexes the loaded model once (all posts newest first,
//! tags in Vietnamese order); [`Assembly::jobs`] lists every output file;
//! [`Assembly::render`] renders one job. Each page's context holds only
//! what that page shows, built on the fly, so pages render independently
//! and in parallel without sharing anything mutable.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use std::sync::OnceLock;

use serde::Serialize;
use tera::{Context, Value};

use crate::content::model::{
    Body, Document, DocumentLink, Edition, Html, Page, Post, PostBody, Site, When,
};
use crate::dates::{Day, DayView};
use crate::diagnostics::Diagnostic;
use crate::markdown::relativize;
use crate::templates::Theme;
use crate::text::vi_compare;
use crate::urls;

/// Posts shown on the home page and on an edition page.
const LATEST: usize = 5;
/// Entries in a feed.
const FEED_ENTRIES: usize = 20;

/// A reference to a post: (edition index, post index).
type PostRef = (usize, usize);

/// A tag and the posts carrying it.
#[derive(Debug)]
pub struct Tag {
    pub name: String,
    pub slug: String,
    /// Newest first.
    pub posts: Vec<PostRef>,
}

/// A list of posts, shown a page at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    /// All news, every year.
    All,
    /// One edition's news.
    Year(usize),
    /// The posts with one tag.
    Tag(usize),
}

/// One output file to render.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Job {
    Home,
    Edition(usize),
    Banners(usize),
    /// Page `n` (from 1) of a news list.
    News(List, usize),
    Post(PostRef),
    Tags,
    Archive,
    Page(usize),
    NotFound,
    Feed(Option<usize>),
    Sitemap,
    Robots,
}

/// A page rendered.
pub struct Rendered {
    pub bytes: Vec<u8>,
    /// Warnings about the body of a post rendered with its page.
    pub warnings: Vec<Diagnostic>,
}

/// Why a page could not be rendered.
#[derive(Debug)]
pub enum RenderError {
    /// The theme failed.
    Theme(tera::Error),
    /// The body of a post rendered with its page has problems.
    Content(Vec<Diagnostic>),
}

/// The order of a site's posts and its tags. Sorting 10,000 posts and
/// gathering their tags costs more than the rest of a rebuild after an
/// edit, so previews keep it while no post moves (see
/// [`Assembly::with_index`]).
pub struct Index {
    /// Every post, newest first.
    all_posts: Vec<PostRef>,
    /// In Vietnamese order.
    tags: Vec<Tag>,
    /// Where each edition's posts start in a list of all posts.
    first_post: Vec<usize>,
    /// A hash of every page's address and every post's date (what the
    /// sitemap shows), computed when first needed.
    addresses: OnceLock<u64>,
}

impl Index {
    pub fn new(site: &Site) -> Index {
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
        let mut by_slug = std::collections::HashMap::new();
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
}

/// The loaded site, indexed for rendering.
pub struct Assembly<'a> {
    pub site: &'a Site,
    today: Day,
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
    pub fn new(site: &'a Site, today: Day) -> Self {
        Self::with_index(site, today, Index::new(site))
    }

    /// An assembly with the index of an earlier one: valid while no post
    /// was added, removed, given another date or other tags.
    pub fn with_index(site: &'a Site, today: Day, index: Index) -> Self {
        let config_hash = {
            let mut h = DefaultHasher::new();
            (&site.config, &site.home_intro, site.editions.len()).hash(&mut h);
            h.finish()
        };
        Assembly {
            site,
            today,
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
    pub fn into_index(self) -> Index {
        self.index
    }

    /// What the assembly owns (its index and the template values it
    /// built), without its borrow of the site: to be dropped elsewhere.
    pub fn into_parts(self) -> impl Send + 'static {
        (
            self.index,
            self.summaries,
            self.site_value,
            self.edition_refs,
        )
    }

    fn post(&self, r: PostRef) -> &'a Post {
        &self.site.editions[r.0].posts[r.1]
    }

    /// What post and list pages show of an edition, as the template sees it.
    fn edition_ref(&self, v: &Views, ei: usize) -> Value {
        self.edition_refs[ei]
            .get_or_init(|| Value::from_serializable(&v.edition_ref(&self.site.editions[ei])))
            .clone()
    }

    /// What lists show of a post (see `summaries`).
    fn summary(&self, r: PostRef) -> Value {
        self.summaries[self.index.first_post[r.0] + r.1]
            .get_or_init(|| Value::from_serializable(&post_summary(self.post(r))))
            .clone()
    }

    /// The summaries of some posts, as one template value.
    fn summary_list(&self, refs: impl Iterator<Item = PostRef>) -> Value {
        Value::from(refs.map(|r| self.summary(r)).collect::<Vec<Value>>())
    }

    fn per_page(&self) -> usize {
        self.site.config.news_per_page.get()
    }

    /// Every output file of the site.
    pub fn jobs(&self) -> Vec<Job> {
        let mut jobs = vec![
            Job::Home,
            Job::Tags,
            Job::Archive,
            Job::NotFound,
            Job::Feed(None),
            Job::Sitemap,
            Job::Robots,
        ];
        for n in 1..=urls::page_count(self.index.all_posts.len(), self.per_page()) {
            jobs.push(Job::News(List::All, n));
        }
        for (ei, e) in self.site.editions.iter().enumerate() {
            jobs.extend([Job::Edition(ei), Job::Banners(ei), Job::Feed(Some(ei))]);
            for n in 1..=urls::page_count(e.posts.len(), self.per_page()) {
                jobs.push(Job::News(List::Year(ei), n));
            }
            jobs.extend((0..e.posts.len()).map(|pi| Job::Post((ei, pi))));
        }
        for (i, t) in self.index.tags.iter().enumerate() {
            for n in 1..=urls::page_count(t.posts.len(), self.per_page()) {
                jobs.push(Job::News(List::Tag(i), n));
            }
        }
        jobs.extend((0..self.site.pages.len()).map(Job::Page));
        jobs
    }

    /// The site path of a job's page (`2024/tin-tuc/`) or file (`feed.xml`).
    pub fn path(&self, job: Job) -> String {
        match job {
            Job::Home => String::new(),
            Job::Edition(ei) => urls::edition(self.site.editions[ei].year),
            Job::Banners(ei) => urls::banners(self.site.editions[ei].year),
            Job::News(list, n) => urls::news_page(&self.list_base(list), n),
            Job::Post(r) => self.post(r).url(),
            Job::Tags => urls::TAGS.to_owned(),
            Job::Archive => urls::ARCHIVE.to_owned(),
            Job::Page(i) => urls::page(&self.site.pages[i].slug),
            Job::NotFound => "404.html".to_owned(),
            Job::Feed(None) => urls::FEED.to_owned(),
            Job::Feed(Some(ei)) => urls::edition_feed(self.site.editions[ei].year),
            Job::Sitemap => "sitemap.xml".to_owned(),
            Job::Robots => "robots.txt".to_owned(),
        }
    }

    /// The file a job writes, relative to the output folder.
    pub fn file(&self, job: Job) -> String {
        let path = self.path(job);
        if path.is_empty() || path.ends_with('/') {
            format!("{path}index.html")
        } else {
            path
        }
    }

    /// The address of a list's first page.
    fn list_base(&self, list: List) -> String {
        match list {
            List::All => urls::NEWS.to_owned(),
            List::Year(ei) => format!(
                "{}{}",
                urls::edition(self.site.editions[ei].year),
                urls::NEWS
            ),
            List::Tag(i) => urls::tag(&self.index.tags[i].slug),
        }
    }

    /// The posts on page `n` of a list, and how many the list holds.
    fn news_page_refs(&self, list: List, n: usize) -> (Vec<PostRef>, usize) {
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

    /// A hash of everything a job's output depends on, besides the theme:
    /// when it is unchanged, the page from the previous build can be kept.
    pub fn fingerprint(&self, job: Job) -> u64 {
        let mut h = DefaultHasher::new();
        // The page's address is not hashed: fingerprints are compared
        // for the same output file, which the address determines.
        (self.today, self.config_hash).hash(&mut h);
        let summaries = |h: &mut DefaultHasher, refs: &mut dyn Iterator<Item = PostRef>| {
            for r in refs {
                self.post(r).hashes.summary.hash(h);
            }
        };
        let current = self.site.current_edition().map(|e| e.year);
        match job {
            Job::Home => {
                for (ei, e) in self.site.editions.iter().enumerate() {
                    if Some(e.year) == current {
                        self.edition_hashes[ei].hash(&mut h);
                    }
                }
                summaries(
                    &mut h,
                    &mut self.index.all_posts.iter().take(LATEST).copied(),
                );
            }
            Job::Edition(ei) => {
                self.edition_hashes[ei].hash(&mut h);
                summaries(
                    &mut h,
                    &mut (0..self.site.editions[ei].posts.len().min(LATEST)).map(|pi| (ei, pi)),
                );
            }
            Job::Banners(ei) => self.edition_hashes[ei].hash(&mut h),
            Job::News(list, n) => {
                let (refs, total) = self.news_page_refs(list, n);
                match list {
                    List::All => {}
                    List::Year(ei) => self.edition_hashes[ei].hash(&mut h),
                    List::Tag(i) => (&self.index.tags[i].name, total).hash(&mut h),
                }
                urls::page_count(total, self.per_page()).hash(&mut h);
                summaries(&mut h, &mut refs.into_iter());
            }
            Job::Post((ei, pi)) => {
                let posts = &self.site.editions[ei].posts;
                (self.edition_hashes[ei], posts[pi].hashes.full).hash(&mut h);
                summaries(
                    &mut h,
                    &mut [pi.checked_sub(1), Some(pi + 1)]
                        .into_iter()
                        .flatten()
                        .filter(|i| *i < posts.len())
                        .map(|i| (ei, i)),
                );
            }
            Job::Tags => {
                for t in &self.index.tags {
                    (&t.name, &t.slug, t.posts.len()).hash(&mut h);
                }
            }
            Job::Archive => self.edition_hashes.hash(&mut h),
            Job::Page(i) => self.site.pages[i].hash(&mut h),
            Job::NotFound | Job::Robots => {}
            Job::Feed(scope) => {
                self.edition_hashes.hash(&mut h);
                match scope {
                    None => summaries(
                        &mut h,
                        &mut self.index.all_posts.iter().take(FEED_ENTRIES).copied(),
                    ),
                    Some(ei) => summaries(
                        &mut h,
                        &mut (0..self.site.editions[ei].posts.len().min(FEED_ENTRIES))
                            .map(|pi| (ei, pi)),
                    ),
                }
            }
            Job::Sitemap => {
                // The address of every page, and the date of every post:
                // hashed from what they are made of (formatting 10,000
                // addresses would cost more than the rest of a rebuild),
                // once per index (which changes whenever one of them does).
                self.index
                    .addresses
                    .get_or_init(|| {
                        let mut h = DefaultHasher::new();
                        for j in self.jobs() {
                            self.hash_address(j, &mut h);
                        }
                        h.finish()
                    })
                    .hash(&mut h);
            }
        }
        h.finish()
    }

    /// Hashes what a job's address is made of (and a post's date, which
    /// the sitemap shows), without formatting it.
    fn hash_address(&self, job: Job, h: &mut DefaultHasher) {
        std::mem::discriminant(&job).hash(h);
        match job {
            Job::Edition(ei) | Job::Banners(ei) | Job::Feed(Some(ei)) => {
                self.site.editions[ei].year.hash(h)
            }
            Job::News(list, n) => {
                match list {
                    List::All => {}
                    List::Year(ei) => self.site.editions[ei].year.hash(h),
                    List::Tag(i) => self.index.tags[i].slug.hash(h),
                }
                n.hash(h);
            }
            Job::Post(r) => {
                let p = self.post(r);
                (p.year, &p.slug, p.date).hash(h);
            }
            Job::Page(i) => self.site.pages[i].slug.hash(h),
            Job::Home
            | Job::Tags
            | Job::Archive
            | Job::NotFound
            | Job::Feed(None)
            | Job::Sitemap
            | Job::Robots => {}
        }
    }

    /// Renders one job with the theme, as the bytes of its file, with the
    /// warnings about a post body rendered with its page.
    ///
    /// Rendered straight into bytes: Tera's `render` would check the whole
    /// page is UTF-8 again, which costs more than interpreting the template
    /// on Vietnamese text (everything it writes is UTF-8 already).
    pub fn render(&self, theme: &Theme, job: Job) -> Result<Rendered, RenderError> {
        let mut warnings = Vec::new();
        let path = self.path(job);
        let root = urls::root_of(&path);
        let v = Views {
            a: self,
            root: &root,
        };
        let mut ctx = Context::new();
        ctx.insert("root", &root);
        ctx.insert_value(
            "site",
            self.site_value
                .get_or_init(|| Value::from_serializable(&v.site()))
                .clone(),
        );
        let config = &self.site.config;
        let (template, kind, title, description): (&str, &str, String, Option<String>) = match job {
            Job::Home => {
                let edition = self.site.current_edition().map(|e| v.edition(e));
                let latest = self.summary_list(self.index.all_posts.iter().take(LATEST).copied());
                ctx.insert("edition", &edition);
                ctx.insert(
                    "intro_html",
                    &self.site.home_intro.as_ref().map(|h| v.html(h)),
                );
                ctx.insert_value("latest_posts", latest);
                ctx.insert("archive_url", urls::ARCHIVE);
                ctx.insert("editions_count", &self.site.editions.len());
                (
                    "index.html",
                    "home",
                    config.title.clone(),
                    config.description.clone(),
                )
            }
            Job::Edition(ei) => {
                let e = &self.site.editions[ei];
                let latest = self.summary_list((0..e.posts.len().min(LATEST)).map(|pi| (ei, pi)));
                ctx.insert("edition", &v.edition(e));
                ctx.insert_value("latest_posts", latest);
                (
                    "edition.html",
                    "edition",
                    format!(
                        "{} {} năm {}",
                        config.title,
                        ordinal_label(e.ordinal),
                        e.year
                    ),
                    Some(e.summary.clone().unwrap_or_else(|| e.theme.clone())),
                )
            }
            Job::Banners(ei) => {
                let e = &self.site.editions[ei];
                ctx.insert("edition", &v.edition(e));
                (
                    "banners.html",
                    "banners",
                    format!("Băng rôn, khẩu hiệu năm {}", e.year),
                    Some(e.theme.clone()),
                )
            }
            Job::News(list, n) => {
                let per = self.per_page();
                let (refs, total) = self.news_page_refs(list, n);
                let pages = urls::page_count(total, per);
                ctx.insert_value("posts", self.summary_list(refs.into_iter()));
                ctx.insert("pagination", &pagination(&self.list_base(list), n, pages));
                let (template, kind, heading) = match list {
                    List::All => ("news_list.html", "news_list", "Tin tức".to_owned()),
                    List::Year(ei) => (
                        "news_list.html",
                        "news_list",
                        format!("Tin tức năm {}", self.site.editions[ei].year),
                    ),
                    List::Tag(i) => {
                        ctx.insert("tag", &v.tag(&self.index.tags[i]));
                        (
                            "tag.html",
                            "tag",
                            format!("Tin tức về {}", self.index.tags[i].name),
                        )
                    }
                };
                let edition = match list {
                    List::Year(ei) => Some(self.edition_ref(&v, ei)),
                    _ => None,
                };
                ctx.insert_value("edition", Value::from(edition));
                ctx.insert("heading", &heading);
                let title = if n > 1 {
                    format!("{heading} – trang {n}")
                } else {
                    heading
                };
                (template, kind, title, None)
            }
            Job::Post(r) => {
                let p = self.post(r);
                let e = &self.site.editions[r.0];
                let deferred;
                let body = match &p.body {
                    Body::Ready(body) => body,
                    Body::Deferred(d) => {
                        let (body, found) = d.render().map_err(RenderError::Content)?;
                        warnings = found;
                        deferred = body;
                        &deferred
                    }
                };
                // Neighbours in the year's list (newest first): next is newer.
                let next = r.1.checked_sub(1).map(|i| self.summary((r.0, i)));
                let prev = (r.1 + 1 < e.posts.len()).then(|| self.summary((r.0, r.1 + 1)));
                ctx.insert("post", &v.post(p, body));
                // Post pages show the edition's name and links, not its plan.
                ctx.insert_value("edition", self.edition_ref(&v, r.0));
                ctx.insert_value("prev", Value::from(prev));
                ctx.insert_value("next", Value::from(next));
                ("post.html", "post", p.title.clone(), p.summary.clone())
            }
            Job::Tags => {
                let tags: Vec<_> = self.index.tags.iter().map(|t| v.tag(t)).collect();
                ctx.insert("tags", &tags);
                ("tags.html", "tags", "Chủ đề tin tức".to_owned(), None)
            }
            Job::Archive => {
                let editions: Vec<_> = self
                    .site
                    .editions
                    .iter()
                    .rev()
                    .map(|e| v.archive_entry(e))
                    .collect();
                ctx.insert("editions", &editions);
                (
                    "archive.html",
                    "archive",
                    "Lưu trữ các năm".to_owned(),
                    None,
                )
            }
            Job::Page(i) => {
                let p: &Page = &self.site.pages[i];
                ctx.insert("content_html", &v.html(&p.content));
                ("page.html", "page", p.title.clone(), p.description.clone())
            }
            Job::NotFound => ("404.html", "404", "Không tìm thấy trang".to_owned(), None),
            Job::Feed(scope) => {
                ctx.insert("feed", &self.feed(scope));
                ("feed.xml", "feed", String::new(), None)
            }
            Job::Sitemap => {
                ctx.insert("urls", &self.sitemap());
                ("sitemap.xml", "sitemap", String::new(), None)
            }
            Job::Robots => {
                ctx.insert("sitemap_url", &format!("{}sitemap.xml", config.base_url));
                ("robots.txt", "robots", String::new(), None)
            }
        };
        let feed_url = match job {
            Job::Edition(ei)
            | Job::Banners(ei)
            | Job::News(List::Year(ei), _)
            | Job::Post((ei, _)) => urls::edition_feed(self.site.editions[ei].year),
            _ => urls::FEED.to_owned(),
        };
        ctx.insert("feed_url", &feed_url);
        ctx.insert(
            "page",
            &PageMeta {
                title,
                description,
                canonical: format!("{}{}", config.base_url, path),
                path,
                kind,
            },
        );
        let mut bytes = Vec::with_capacity(16 * 1024);
        theme
            .tera
            .render_to(template, &ctx, &mut bytes)
            .map_err(RenderError::Theme)?;
        Ok(Rendered { bytes, warnings })
    }

    fn feed(&self, scope: Option<usize>) -> FeedView {
        let config = &self.site.config;
        let base = &config.base_url;
        let refs: Vec<PostRef> = match scope {
            None => self
                .index
                .all_posts
                .iter()
                .take(FEED_ENTRIES)
                .copied()
                .collect(),
            Some(ei) => (0..self.site.editions[ei].posts.len().min(FEED_ENTRIES))
                .map(|pi| (ei, pi))
                .collect(),
        };
        let (title, alternate, self_path) = match scope {
            None => (config.title.clone(), String::new(), urls::FEED.to_owned()),
            Some(ei) => {
                let e = &self.site.editions[ei];
                (
                    format!(
                        "{} {} năm {}",
                        config.title,
                        ordinal_label(e.ordinal),
                        e.year
                    ),
                    urls::edition(e.year),
                    urls::edition_feed(e.year),
                )
            }
        };
        let updated = refs
            .first()
            .map(|r| self.post(*r).date)
            .or_else(|| scope.map(|ei| self.site.editions[ei].date))
            .or_else(|| self.site.editions.last().map(|e| e.date))
            .unwrap_or(self.today);
        FeedView {
            title,
            id: format!("{base}{self_path}"),
            self_url: format!("{base}{self_path}"),
            alternate_url: format!("{base}{alternate}"),
            updated: rfc3339(updated),
            entries: refs
                .iter()
                .map(|r| {
                    let p = self.post(*r);
                    FeedEntry {
                        title: p.title.clone(),
                        url: format!("{base}{}", p.url()),
                        updated: rfc3339(p.date),
                        summary: p.summary.clone(),
                        author: p.author.clone(),
                    }
                })
                .collect(),
        }
    }

    fn sitemap(&self) -> Vec<SitemapUrl> {
        let base = &self.site.config.base_url;
        self.jobs()
            .into_iter()
            .filter(|j| !matches!(j, Job::NotFound | Job::Feed(_) | Job::Sitemap | Job::Robots))
            .map(|j| SitemapUrl {
                loc: format!("{base}{}", self.path(j)),
                lastmod: match j {
                    Job::Post(r) => Some(self.post(r).date.iso()),
                    _ => None,
                },
            })
            .collect()
    }
}

/// `lần thứ 8`
pub fn ordinal_label(ordinal: i64) -> String {
    format!("lần thứ {ordinal}")
}

/// Midnight in Vietnam (UTC+7) of a day, as Atom wants it.
fn rfc3339(d: Day) -> String {
    format!("{}T00:00:00+07:00", d.iso())
}

fn pagination(base: &str, current: usize, total: usize) -> PaginationView {
    // A window around the current page, plus the first and last.
    let mut numbers: Vec<usize> =
        (current.saturating_sub(2).max(1)..=(current + 2).min(total)).collect();
    if numbers.first() != Some(&1) {
        numbers.insert(0, 1);
    }
    if numbers.last() != Some(&total) {
        numbers.push(total);
    }
    PaginationView {
        current,
        total,
        prev_url: (current > 1).then(|| urls::news_page(base, current - 1)),
        next_url: (current < total).then(|| urls::news_page(base, current + 1)),
        pages: numbers
            .into_iter()
            .map(|number| PageLink {
                number,
                url: urls::news_page(base, number),
            })
            .collect(),
    }
}

fn post_summary(p: &Post) -> PostSummary {
    PostSummary {
        title: p.title.clone(),
        url: p.url(),
        date: p.date.view(),
        summary: p.summary.clone(),
        tags: p
            .tags
            .iter()
            .map(|t| TagRef {
                name: t.name.clone(),
                url: urls::tag(&t.slug),
                slug: t.slug.clone(),
            })
            .collect(),
        year: p.year,
        author: p.author.clone(),
    }
}

/// Builds the views of one page: everything that depends on where the page
/// is (relative links) goes through here.
struct Views<'v, 'a> {
    a: &'v Assembly<'a>,
    root: &'v str,
}

impl Views<'_, '_> {
    fn html(&self, h: &Html) -> String {
        relativize(&h.0, self.root)
    }

    /// A site-rooted (`/x`) or external URL, as seen from this page.
    fn href(&self, url: &str) -> String {
        match url.strip_prefix('/') {
            Some(rest) if !rest.starts_with('/') => format!("{}{rest}", self.root),
            _ => url.to_owned(),
        }
    }

    fn site(&self) -> SiteView {
        let c = &self.a.site.config;
        SiteView {
            title: c.title.clone(),
            description: c.description.clone(),
            language: c.language.clone(),
            organization: c.organization.clone(),
            base_url: c.base_url.clone(),
            generator: "campaign",
            menu: c
                .menu
                .iter()
                .map(|m| {
                    let external = crate::markdown::is_external(&m.url);
                    MenuView {
                        title: m.title.clone(),
                        url: if external {
                            m.url.clone()
                        } else {
                            m.url.trim_start_matches('/').to_owned()
                        },
                        external,
                    }
                })
                .collect(),
        }
    }

    fn edition(&self, e: &Edition) -> EditionView {
        let days = (e.date.0 - self.a.today.0).get_days();
        let (status, status_label) = match days {
            d if d > 0 => ("upcoming", format!("Còn {d} ngày nữa")),
            0 => ("today", format!("Hôm nay là {}", self.a.site.config.title)),
            _ => ("past", "Đã diễn ra".to_owned()),
        };
        let mut unit_groups: Vec<UnitGroupView> = Vec::new();
        for u in &e.units {
            let group = u.group.clone().unwrap_or_else(|| "Đơn vị khác".to_owned());
            let unit = UnitView {
                name: u.name.clone(),
                role: u.role.clone(),
                tasks_html: u.tasks.as_ref().map(|h| self.html(h)),
            };
            // Groups appear in the order the author first used them.
            match unit_groups.iter_mut().find(|g| g.name == group) {
                Some(g) => g.units.push(unit),
                None => unit_groups.push(UnitGroupView {
                    name: group,
                    units: vec![unit],
                }),
            }
        }
        EditionView {
            year: e.year,
            ordinal: e.ordinal,
            ordinal_label: ordinal_label(e.ordinal),
            theme: e.theme.clone(),
            slogans: e.slogans.clone(),
            summary: e.summary.clone(),
            date: e.date.view(),
            period: e.period.map(|(from, to)| PeriodView {
                from: from.view(),
                to: to.view(),
            }),
            status,
            status_label,
            purposes_html: e.purposes.iter().map(|h| self.html(h)).collect(),
            requirements_html: e.requirements.iter().map(|h| self.html(h)).collect(),
            activities: e
                .activities
                .iter()
                .map(|a| {
                    let (from, to, date_label) = match a.when {
                        When::Unscheduled => (None, None, None),
                        When::On(d) => (Some(d.view()), None, Some(d.short())),
                        When::Between(f, t) => (
                            Some(f.view()),
                            Some(t.view()),
                            Some(format!("{} – {}", f.short(), t.short())),
                        ),
                    };
                    ActivityView {
                        title: a.title.clone(),
                        date_label,
                        from,
                        to,
                        location: a.location.clone(),
                        description_html: a.description.as_ref().map(|h| self.html(h)),
                        units: a.units.clone(),
                    }
                })
                .collect(),
            unit_groups,
            documents: e.documents.iter().map(|d| self.document(d)).collect(),
            report: e.report.as_ref().map(|r| ReportView {
                deadline: r.deadline.map(Day::view),
                contact_html: r.contact.as_ref().map(|h| self.html(h)),
            }),
            intro_html: e.intro.as_ref().map(|h| self.html(h)),
            url: urls::edition(e.year),
            news_url: format!("{}{}", urls::edition(e.year), urls::NEWS),
            banners_url: urls::banners(e.year),
            feed_url: urls::edition_feed(e.year),
            post_count: e.posts.len(),
        }
    }

    /// What pages other than the edition's own show of an edition.
    fn edition_ref(&self, e: &Edition) -> EditionRef {
        EditionRef {
            year: e.year,
            ordinal: e.ordinal,
            ordinal_label: ordinal_label(e.ordinal),
            theme: e.theme.clone(),
            date: e.date.view(),
            url: urls::edition(e.year),
            news_url: format!("{}{}", urls::edition(e.year), urls::NEWS),
            banners_url: urls::banners(e.year),
            feed_url: urls::edition_feed(e.year),
            post_count: e.posts.len(),
        }
    }

    fn document(&self, d: &Document) -> DocumentView {
        let (href, external) = match &d.link {
            DocumentLink::None => (None, false),
            DocumentLink::File(path) => (Some(path.clone()), false),
            DocumentLink::External(url) => (Some(url.clone()), true),
        };
        DocumentView {
            number: d.number.clone(),
            date: d.date.map(Day::view),
            issuer: d.issuer.clone(),
            title: d.title.clone(),
            href,
            external,
        }
    }

    fn post(&self, p: &Post, body: &PostBody) -> PostView {
        PostView {
            summary: post_summary(p),
            source: p.source.clone(),
            image: body.image.as_ref().map(|i| ImageView {
                src: self.href(&i.src),
                alt: i.alt.clone(),
            }),
            content_html: self.html(&body.content),
        }
    }

    fn tag(&self, t: &Tag) -> TagView {
        TagView {
            name: t.name.clone(),
            url: urls::tag(&t.slug),
            slug: t.slug.clone(),
            count: t.posts.len(),
        }
    }

    fn archive_entry(&self, e: &Edition) -> ArchiveEntry {
        ArchiveEntry {
            year: e.year,
            ordinal_label: ordinal_label(e.ordinal),
            theme: e.theme.clone(),
            url: urls::edition(e.year),
            post_count: e.posts.len(),
            date: e.date.view(),
        }
    }
}

#[derive(Serialize)]
struct SiteView {
    title: String,
    description: Option<String>,
    language: String,
    organization: Option<String>,
    base_url: String,
    menu: Vec<MenuView>,
    generator: &'static str,
}

#[derive(Serialize)]
struct MenuView {
    title: String,
    url: String,
    external: bool,
}

#[derive(Serialize)]
struct PageMeta {
    title: String,
    description: Option<String>,
    path: String,
    canonical: String,
    kind: &'static str,
}

#[derive(Serialize)]
struct EditionView {
    year: i16,
    ordinal: i64,
    ordinal_label: String,
    theme: String,
    slogans: Vec<String>,
    summary: Option<String>,
    date: DayView,
    period: Option<PeriodView>,
    status: &'static str,
    status_label: String,
    purposes_html: Vec<String>,
    requirements_html: Vec<String>,
    activities: Vec<ActivityView>,
    unit_groups: Vec<UnitGroupView>,
    documents: Vec<DocumentView>,
    report: Option<ReportView>,
    intro_html: Option<String>,
    url: String,
    news_url: String,
    banners_url: String,
    feed_url: String,
    post_count: usize,
}

/// An edition as shown on post and list pages: its name and addresses.
#[derive(Serialize)]
struct EditionRef {
    year: i16,
    ordinal: i64,
    ordinal_label: String,
    theme: String,
    date: DayView,
    url: String,
    news_url: String,
    banners_url: String,
    feed_url: String,
    post_count: usize,
}

#[derive(Serialize)]
struct PeriodView {
    from: DayView,
    to: DayView,
}

#[derive(Serialize)]
struct ActivityView {
    title: String,
    date_label: Option<String>,
    from: Option<DayView>,
    to: Option<DayView>,
    location: Option<String>,
    description_html: Option<String>,
    units: Vec<String>,
}

#[derive(Serialize)]
struct UnitGroupView {
    name: String,
    units: Vec<UnitView>,
}

#[derive(Serialize)]
struct UnitView {
    name: String,
    role: Option<String>,
    tasks_html: Option<String>,
}

#[derive(Serialize)]
struct DocumentView {
    number: Option<String>,
    date: Option<DayView>,
    issuer: Option<String>,
    title: String,
    href: Option<String>,
    external: bool,
}

#[derive(Serialize)]
struct ReportView {
    deadline: Option<DayView>,
    contact_html: Option<String>,
}

#[derive(Serialize)]
struct TagRef {
    name: String,
    slug: String,
    url: String,
}

#[derive(Serialize)]
struct PostSummary {
    title: String,
    url: String,
    date: DayView,
    summary: Option<String>,
    tags: Vec<TagRef>,
    year: i16,
    author: Option<String>,
}

#[derive(Serialize)]
struct PostView {
    #[serde(flatten)]
    summary: PostSummary,
    source: Option<String>,
    image: Option<ImageView>,
    content_html: String,
}

#[derive(Serialize)]
struct ImageView {
    src: String,
    alt: String,
}

#[derive(Serialize)]
struct TagView {
    name: String,
    slug: String,
    url: String,
    count: usize,
}

#[derive(Serialize)]
struct ArchiveEntry {
    year: i16,
    ordinal_label: String,
    theme: String,
    url: String,
    post_count: usize,
    date: DayView,
}

#[derive(Serialize)]
struct PaginationView {
    current: usize,
    total: usize,
    prev_url: Option<String>,
    next_url: Option<String>,
    pages: Vec<PageLink>,
}

#[derive(Serialize)]
struct PageLink {
    number: usize,
    url: String,
}

#[derive(Serialize)]
struct FeedView {
    title: String,
    id: String,
    self_url: String,
    alternate_url: String,
    updated: String,
    entries: Vec<FeedEntry>,
}

#[derive(Serialize)]
struct FeedEntry {
    title: String,
    url: String,
    updated: String,
    summary: Option<String>,
    author: Option<String>,
}

#[derive(Serialize)]
struct SitemapUrl {
    loc: String,
    lastmod: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pagination_windows_around_the_current_page() {
        let p = pagination("tin-tuc/", 5, 9);
        let numbers: Vec<usize> = p.pages.iter().map(|l| l.number).collect();
        assert_eq!(numbers, [1, 3, 4, 5, 6, 7, 9]);
        assert_eq!(p.prev_url.as_deref(), Some("tin-tuc/trang-4/"));
        assert_eq!(p.next_url.as_deref(), Some("tin-tuc/trang-6/"));
        let single = pagination("tin-tuc/", 1, 1);
        assert_eq!(single.pages.len(), 1);
        assert!(single.prev_url.is_none() && single.next_url.is_none());
    }
}
