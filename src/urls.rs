//! The site's URL scheme, in one place. Every function returns a site path:
//! no leading slash, directories ending in `/` (the home page is `""`).
//! Pages are written as `<path>index.html`.

pub const NEWS: &str = "tin-tuc/";
pub const TAGS: &str = "the/";
pub const ARCHIVE: &str = "luu-tru/";
pub const FEED: &str = "feed.xml";

/// Top-level names a standalone page may not take.
pub const RESERVED: &[&str] = &[
    "tin-tuc",
    "the",
    "luu-tru",
    "feed.xml",
    "sitemap.xml",
    "robots.txt",
    "404.html",
    "style.css",
];

pub fn edition(year: i16) -> String {
    format!("{year}/")
}

pub fn banners(year: i16) -> String {
    format!("{year}/bang-ron/")
}

pub fn edition_feed(year: i16) -> String {
    format!("{year}/feed.xml")
}

pub fn post(year: i16, slug: &str) -> String {
    format!("{year}/tin-tuc/{slug}/")
}

pub fn edition_files(year: i16) -> String {
    format!("{year}/files/")
}

pub fn tag(slug: &str) -> String {
    format!("{TAGS}{slug}/")
}

pub fn page(slug: &str) -> String {
    format!("{slug}/")
}

/// Page `n` (1-based) of a news list at `base`: page 1 is the list itself.
pub fn news_page(base: &str, n: usize) -> String {
    if n <= 1 {
        base.to_owned()
    } else {
        format!("{base}trang-{n}/")
    }
}

/// How many pages a list of `items` needs (at least one, even when empty).
pub fn page_count(items: usize, per_page: usize) -> usize {
    items.div_ceil(per_page).max(1)
}

/// The way up from a page at `path` to the site root: `./`, `../`, `../../`.
pub fn root_of(path: &str) -> String {
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
}
