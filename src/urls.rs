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

/// Why a link target can never be published, whatever the site holds: a
/// path on the author's computer (`C:\\…`, `\\\\server\\…`, `file:`), which
/// would otherwise pass for a web address with the scheme `C:`, or a script
/// (`javascript:`).
pub fn refused(target: &str) -> Option<&'static str> {
    let t = target.trim_start();
    let b = t.as_bytes();
    let drive = b.len() >= 2
        && b[0].is_ascii_alphabetic()
        && b[1] == b':'
        && (b.len() == 2 || b[2] == b'\\' || b[2] == b'/');
    let scheme = |s: &str| t.get(..s.len()).is_some_and(|p| p.eq_ignore_ascii_case(s));
    if drive || t.starts_with("\\\\") || scheme("file:") {
        Some("this is a path on a computer, not in the content folder or on the web")
    } else if scheme("javascript:") || scheme("vbscript:") {
        Some("links may not run scripts")
    } else {
        None
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
