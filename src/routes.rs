//! Every output of the site and the address it is published at, in one
//! place: the list of pages to render and the table that links resolve
//! against are both made from [`Route::all`], so a page cannot exist
//! without being linkable, nor a link lead to a page that is not written.
//!
//! An address is a site path: no leading slash, folders ending in `/` (the
//! home page is `""`). A page is written as `<path>index.html`.
//!
//! Routes name what they publish by index (the third edition, the second
//! tag), into a [`Shape`]: the loader's view of the parsed files, when it
//! builds the link table, and the assembled site's, when it renders. Both
//! number things their own way; a route is only ever read against the shape
//! that listed it.

use std::hash::{Hash, Hasher};

/// Where the news lists are, below the root or an edition.
const NEWS: &str = "tin-tuc/";
/// The tag index; each tag's list is below it.
const TAGS: &str = "the/";
const ARCHIVE: &str = "luu-tru/";
/// The results of every year side by side; each year's are below the year.
const RESULTS: &str = "ket-qua/";
const FEED: &str = "feed.xml";
const SITEMAP: &str = "sitemap.xml";
const ROBOTS: &str = "robots.txt";
const NOT_FOUND: &str = "404.html";
/// The search page; its index files are below it (`search::DIR`).
const SEARCH: &str = "tim-kiem/";

/// Top-level names a standalone page may not take: the site's own.
pub(crate) const RESERVED: &[&str] = &[
    "tin-tuc",
    "the",
    "luu-tru",
    "ket-qua",
    "feed.xml",
    "sitemap.xml",
    "robots.txt",
    "404.html",
    "style.css",
    "tim-kiem",
];

/// A post: (edition index, post index in that edition).
pub(crate) type PostRef = (usize, usize);

/// A list of posts, shown a page at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum List {
    /// All news, every year.
    All,
    /// One edition's news.
    Year(usize),
    /// The posts with one tag.
    Tag(usize),
}

/// The files of an edition's compiled results table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Table {
    Csv,
    Xlsx,
}

impl Table {
    pub(crate) fn ending(self) -> &'static str {
        match self {
            Table::Csv => "csv",
            Table::Xlsx => "xlsx",
        }
    }
}

/// One output file made by rendering a template (or, for the results
/// tables, by writing the model's figures).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Route {
    Home,
    Edition(usize),
    Banners(usize),
    /// An edition's results page.
    Results(usize),
    /// An edition's compiled results, as a file to download.
    ResultsTable(usize, Table),
    /// Every year's results side by side.
    Compare,
    /// The LED board page of an edition: its slogans scrolling full screen.
    Board(usize),
    /// The slogans of an edition as plain text, one a line, for boards
    /// that take text.
    SloganText(usize),
    /// The calendar of an edition's activities (`.ics`).
    Calendar(usize),
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
    /// The search page (`/tim-kiem/`).
    Search,
}

/// What addresses are made of, numbered the way the caller numbers them.
pub(crate) trait Shape {
    fn editions(&self) -> usize;
    fn year(&self, edition: usize) -> i16;
    fn posts(&self, edition: usize) -> usize;
    fn post_slug(&self, post: PostRef) -> &str;
    fn tags(&self) -> usize;
    fn tag_slug(&self, tag: usize) -> &str;
    /// How many posts carry the tag.
    fn tagged(&self, tag: usize) -> usize;
    fn pages(&self) -> usize;
    fn page_slug(&self, page: usize) -> &str;
    fn per_page(&self) -> usize;
}

impl Route {
    /// Every route of a site, in a stable order.
    pub(crate) fn all(shape: &impl Shape) -> Vec<Route> {
        let per = shape.per_page();
        let total: usize = (0..shape.editions()).map(|e| shape.posts(e)).sum();
        let mut routes = vec![
            Route::Home,
            Route::Tags,
            Route::Archive,
            Route::Compare,
            Route::NotFound,
            Route::Feed(None),
            Route::Sitemap,
            Route::Robots,
        ];
        routes.push(Route::Search);
        routes.extend((1..=page_count(total, per)).map(|n| Route::News(List::All, n)));
        for ei in 0..shape.editions() {
            let posts = shape.posts(ei);
            routes.extend([
                Route::Edition(ei),
                Route::Banners(ei),
                Route::Results(ei),
                Route::ResultsTable(ei, Table::Csv),
                Route::ResultsTable(ei, Table::Xlsx),
                Route::Board(ei),
                Route::SloganText(ei),
                Route::Calendar(ei),
                Route::Feed(Some(ei)),
            ]);
            routes.extend((1..=page_count(posts, per)).map(|n| Route::News(List::Year(ei), n)));
            routes.extend((0..posts).map(|pi| Route::Post((ei, pi))));
        }
        for ti in 0..shape.tags() {
            let pages = page_count(shape.tagged(ti), per);
            routes.extend((1..=pages).map(|n| Route::News(List::Tag(ti), n)));
        }
        routes.extend((0..shape.pages()).map(Route::Page));
        routes
    }

    /// The route's address: `2024/tin-tuc/` for a page, `feed.xml` for a file.
    pub(crate) fn path(self, shape: &impl Shape) -> String {
        match self {
            Route::Home => String::new(),
            Route::Edition(ei) => edition(shape.year(ei)),
            Route::Banners(ei) => banners(shape.year(ei)),
            Route::Results(ei) => results(shape.year(ei)),
            Route::ResultsTable(ei, t) => results_table(shape.year(ei), t.ending()),
            Route::Compare => RESULTS.to_owned(),
            Route::Board(ei) => board(shape.year(ei)),
            Route::SloganText(ei) => slogan_text(shape.year(ei)),
            Route::Calendar(ei) => calendar(shape.year(ei)),
            Route::News(list, n) => news_page(&list_base(list, shape), n),
            Route::Post(r) => post(shape.year(r.0), shape.post_slug(r)),
            Route::Tags => TAGS.to_owned(),
            Route::Archive => ARCHIVE.to_owned(),
            Route::Page(i) => page(shape.page_slug(i)),
            Route::NotFound => NOT_FOUND.to_owned(),
            Route::Feed(None) => FEED.to_owned(),
            Route::Feed(Some(ei)) => edition_feed(shape.year(ei)),
            Route::Sitemap => SITEMAP.to_owned(),
            Route::Robots => ROBOTS.to_owned(),
            Route::Search => SEARCH.to_owned(),
        }
    }

    /// The file the route writes, relative to the output folder.
    pub(crate) fn file(self, shape: &impl Shape) -> String {
        file_of(self.path(shape))
    }

    /// Whether the route is a page people read (the others are files for
    /// machines: feeds, the sitemap, robots.txt). Build summaries count pages.
    pub(crate) fn is_page(self) -> bool {
        !matches!(
            self,
            Route::Feed(_)
                | Route::Sitemap
                | Route::Robots
                | Route::ResultsTable(..)
                | Route::SloganText(_)
                | Route::Calendar(_)
        )
    }

    /// Whether the sitemap lists the route: every page but the 404.
    pub(crate) fn in_sitemap(self) -> bool {
        self.is_page() && self != Route::NotFound
    }

    /// The edition a route belongs to, if it belongs to one (its pages
    /// offer the edition's feed).
    pub(crate) fn edition(self) -> Option<usize> {
        match self {
            Route::Edition(ei)
            | Route::Banners(ei)
            | Route::Results(ei)
            | Route::ResultsTable(ei, _)
            | Route::Board(ei)
            | Route::SloganText(ei)
            | Route::Calendar(ei)
            | Route::News(List::Year(ei), _)
            | Route::Post((ei, _))
            | Route::Feed(Some(ei)) => Some(ei),
            _ => None,
        }
    }

    /// The feed a page offers: its edition's, else the site's.
    pub(crate) fn feed_path(self, shape: &impl Shape) -> String {
        match self.edition() {
            Some(ei) => edition_feed(shape.year(ei)),
            None => FEED.to_owned(),
        }
    }

    /// Hashes what the route's address is made of, without formatting it
    /// (formatting 10,000 addresses costs more than the rest of a rebuild).
    pub(crate) fn hash_address(self, shape: &impl Shape, h: &mut impl Hasher) {
        std::mem::discriminant(&self).hash(h);
        match self {
            Route::Edition(ei)
            | Route::Banners(ei)
            | Route::Results(ei)
            | Route::Feed(Some(ei)) => shape.year(ei).hash(h),
            Route::ResultsTable(ei, t) => (shape.year(ei), t).hash(h),
            Route::Board(ei) | Route::SloganText(ei) | Route::Calendar(ei) => {
                shape.year(ei).hash(h)
            }
            Route::News(list, n) => {
                match list {
                    List::All => {}
                    List::Year(ei) => shape.year(ei).hash(h),
                    List::Tag(i) => shape.tag_slug(i).hash(h),
                }
                n.hash(h);
            }
            Route::Post(r) => (shape.year(r.0), shape.post_slug(r)).hash(h),
            Route::Page(i) => shape.page_slug(i).hash(h),
            Route::Home
            | Route::Tags
            | Route::Archive
            | Route::Compare
            | Route::NotFound
            | Route::Feed(None)
            | Route::Sitemap
            | Route::Robots
            | Route::Search => {}
        }
    }
}

/// The address of a list's first page.
pub(crate) fn list_base(list: List, shape: &impl Shape) -> String {
    match list {
        List::All => NEWS.to_owned(),
        List::Year(ei) => edition_news(shape.year(ei)),
        List::Tag(i) => tag(shape.tag_slug(i)),
    }
}

/// The file written for an address: pages are folders with an `index.html`.
pub(crate) fn file_of(path: String) -> String {
    if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path
    }
}

pub(crate) fn edition(year: i16) -> String {
    format!("{year}/")
}

pub(crate) fn edition_news(year: i16) -> String {
    format!("{year}/{NEWS}")
}

pub(crate) fn edition_feed(year: i16) -> String {
    format!("{year}/{FEED}")
}

pub(crate) fn banners(year: i16) -> String {
    format!("{year}/bang-ron/")
}

/// An edition's results page.
pub(crate) fn results(year: i16) -> String {
    format!("{year}/{RESULTS}")
}

/// An edition's compiled results table (`2024/ket-qua/ket-qua-2024.csv`).
pub(crate) fn results_table(year: i16, ending: &str) -> String {
    format!("{year}/{RESULTS}ket-qua-{year}.{ending}")
}

/// Every year's results side by side.
pub(crate) fn compare() -> &'static str {
    RESULTS
}

/// The LED board page of an edition.
pub(crate) fn board(year: i16) -> String {
    format!("{}chay-chu/", banners(year))
}

/// The slogans of an edition as plain text.
pub(crate) fn slogan_text(year: i16) -> String {
    format!("{}khau-hieu.txt", banners(year))
}

/// The calendar of an edition's activities.
pub(crate) fn calendar(year: i16) -> String {
    format!("{}lich.ics", edition(year))
}

/// The ZIP of an edition's part of the site.
pub(crate) fn edition_zip(year: i16) -> String {
    format!("{ARCHIVE}{year}.zip")
}

/// The ZIP of the whole site.
pub(crate) fn site_zip() -> &'static str {
    "luu-tru/toan-bo-trang.zip"
}

/// A print-ready file of slogan `index` (0 is the theme) of an edition at
/// one size: `2024/bang-ron/chu-de-bang-ron.pdf`, `…/khau-hieu-1-pano.svg`.
pub(crate) fn banner_file(year: i16, index: usize, size: &str, ext: &str) -> String {
    let name = match index {
        0 => "chu-de".to_owned(),
        n => format!("khau-hieu-{n}"),
    };
    format!("{}{name}-{size}.{ext}", banners(year))
}

/// The share image of an edition (`og:image` of its pages).
pub(crate) fn edition_share(year: i16) -> String {
    format!("{}anh-chia-se.png", edition(year))
}

/// The share image of a post, beside its page.
pub(crate) fn post_share(year: i16, slug: &str) -> String {
    format!("{}anh-chia-se.png", post(year, slug))
}

pub(crate) fn post(year: i16, slug: &str) -> String {
    format!("{year}/{NEWS}{slug}/")
}

/// The folder of an edition's attachments (`2024/files/`).
pub(crate) fn edition_files(year: i16) -> String {
    format!("{year}/files/")
}

pub(crate) fn tag(slug: &str) -> String {
    format!("{TAGS}{slug}/")
}

pub(crate) fn page(slug: &str) -> String {
    format!("{slug}/")
}

/// The archive of every year.
pub(crate) fn archive() -> &'static str {
    ARCHIVE
}

/// The 404 page's file, which a host serves for any address it lacks.
pub(crate) fn not_found() -> &'static str {
    NOT_FOUND
}

/// The sitemap's address, for robots.txt.
pub(crate) fn sitemap() -> &'static str {
    SITEMAP
}

/// Where a file of the content folder published as it is goes: `static/x`
/// to the root (`x`), `<year>/files/…` to the same path. `None` for files
/// that are not published as they are.
pub(crate) fn asset(parts: &[&str]) -> Option<String> {
    match parts {
        ["static", rest @ ..] if !rest.is_empty() => Some(rest.join("/")),
        [_, "files", rest @ ..] if !rest.is_empty() => Some(parts.join("/")),
        _ => None,
    }
}

/// Page `n` (1-based) of a news list at `base`: page 1 is the list itself.
pub(crate) fn news_page(base: &str, n: usize) -> String {
    if n <= 1 {
        base.to_owned()
    } else {
        format!("{base}trang-{n}/")
    }
}

/// How many pages a list of `items` needs (at least one, even when empty).
pub(crate) fn page_count(items: usize, per_page: usize) -> usize {
    items.div_ceil(per_page).max(1)
}

/// The way up from a page at `path` to the site root: `./`, `../`, `../../`.
pub(crate) fn root_of(path: &str) -> String {
    let depth = path.matches('/').count();
    if depth == 0 {
        "./".to_owned()
    } else {
        "../".repeat(depth)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two editions (2023 with 3 posts, 2024 with none), one tag on 3 posts, one page.
    struct Small;

    impl Shape for Small {
        fn editions(&self) -> usize {
            2
        }
        fn year(&self, e: usize) -> i16 {
            [2023, 2024][e]
        }
        fn posts(&self, e: usize) -> usize {
            [3, 0][e]
        }
        fn post_slug(&self, r: PostRef) -> &str {
            ["a", "b", "c"][r.1]
        }
        fn tags(&self) -> usize {
            1
        }
        fn tag_slug(&self, _: usize) -> &str {
            "kon-tum"
        }
        fn tagged(&self, _: usize) -> usize {
            3
        }
        fn pages(&self) -> usize {
            1
        }
        fn page_slug(&self, _: usize) -> &str {
            "gioi-thieu"
        }
        fn per_page(&self) -> usize {
            2
        }
    }

    #[test]
    fn every_route_has_its_own_file() {
        let routes = Route::all(&Small);
        let mut files: Vec<String> = routes.iter().map(|r| r.file(&Small)).collect();
        let count = files.len();
        files.sort();
        files.dedup();
        assert_eq!(files.len(), count, "two routes write the same file");
        for expected in [
            "index.html",
            "tin-tuc/index.html",
            "tin-tuc/trang-2/index.html",
            "2023/tin-tuc/trang-2/index.html",
            "2023/tin-tuc/c/index.html",
            "2024/tin-tuc/index.html",
            "2024/bang-ron/index.html",
            "2024/ket-qua/index.html",
            "2024/ket-qua/ket-qua-2024.csv",
            "ket-qua/index.html",
            "2024/feed.xml",
            "the/kon-tum/trang-2/index.html",
            "gioi-thieu/index.html",
            "404.html",
            "sitemap.xml",
        ] {
            assert!(files.iter().any(|f| f == expected), "{expected}: {files:?}");
        }
        assert!(!files.iter().any(|f| f == "2024/tin-tuc/trang-2/index.html"));
    }

    #[test]
    fn roots_climb_one_level_per_folder() {
        assert_eq!(root_of(""), "./");
        assert_eq!(root_of("feed.xml"), "./");
        assert_eq!(root_of("2024/"), "../");
        assert_eq!(root_of("2024/tin-tuc/a/"), "../../../");
    }

    #[test]
    fn pagination_urls() {
        assert_eq!(news_page("tin-tuc/", 1), "tin-tuc/");
        assert_eq!(news_page("2024/tin-tuc/", 3), "2024/tin-tuc/trang-3/");
        assert_eq!(page_count(0, 10), 1);
        assert_eq!(page_count(21, 10), 3);
    }

    #[test]
    fn assets_keep_their_place_below_static_or_files() {
        assert_eq!(asset(&["static", "logo.svg"]).as_deref(), Some("logo.svg"));
        assert_eq!(
            asset(&["2024", "files", "kh.pdf"]).as_deref(),
            Some("2024/files/kh.pdf")
        );
        assert_eq!(asset(&["2024", "news", "a.md"]), None);
    }
}
