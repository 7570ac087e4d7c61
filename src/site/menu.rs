//! Which entry of the site menu a page marks as its own: the page itself,
//! the entry whose address the page is below, or the section the page
//! belongs to (a post is news, a past year is the archive).

use crate::config::MenuItem;
use crate::routes::{self, List, Shape};

/// The part of the site a page belongs to, when its address alone does
/// not say it (`2024/tin-tuc/x/` is news, not below `tin-tuc/`). Declared
/// with what the page shows (it depends on which edition is the current
/// one), so that the fingerprint follows it.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Section {
    /// The page is in no section beyond its own address.
    #[default]
    None,
    /// The home page, and the pages of the edition it presents.
    Home,
    /// Every news list, post and tag page.
    News,
    /// The archive, and the pages of past editions.
    Archive,
}

impl Section {
    /// The site path of the section's own page.
    pub(crate) fn path(self, shape: &impl Shape) -> Option<String> {
        match self {
            Section::None => None,
            Section::Home => Some(String::new()),
            Section::News => Some(routes::list_base(List::All, shape)),
            Section::Archive => Some(routes::archive().to_owned()),
        }
    }
}

/// The entry of `menu` the page at `path` marks, and whether it is the
/// page itself (`aria-current="page"`) rather than a page of its section.
/// The page itself wins, then the longest entry the page is below, then
/// the page's section (the site path of its own page).
pub(crate) fn current(
    menu: &[MenuItem],
    path: &str,
    section: Option<&str>,
) -> Option<(usize, bool)> {
    let urls: Vec<Option<String>> = menu.iter().map(|m| site_path(&m.url)).collect();
    if let Some(i) = urls.iter().position(|u| u.as_deref() == Some(path)) {
        return Some((i, true));
    }
    let below = urls
        .iter()
        .enumerate()
        .filter_map(|(i, u)| Some((i, u.as_deref()?)))
        .filter(|(_, u)| !u.is_empty() && u.ends_with('/') && path.starts_with(u))
        .max_by_key(|(_, u)| u.len());
    if let Some((i, _)) = below {
        return Some((i, false));
    }
    let section = section?;
    urls.iter()
        .position(|u| u.as_deref() == Some(section))
        .map(|i| (i, false))
}

/// A menu entry's address as a site path (`/tin-tuc` → `tin-tuc/`), or
/// `None` for another site's.
fn site_path(url: &str) -> Option<String> {
    if crate::markdown::is_external(url) {
        return None;
    }
    let path = url.split(['#', '?']).next().unwrap_or_default();
    let path = path.trim_start_matches('/');
    let path = path.strip_suffix("index.html").unwrap_or(path);
    let last = path.rsplit('/').next().unwrap_or_default();
    Some(
        if path.is_empty() || path.ends_with('/') || last.contains('.') {
            path.to_owned()
        } else {
            format!("{path}/")
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn menu(urls: &[&str]) -> Vec<MenuItem> {
        urls.iter()
            .map(|u| MenuItem {
                title: (*u).to_owned(),
                url: (*u).to_owned(),
            })
            .collect()
    }

    #[test]
    fn the_page_itself_then_the_entry_above_then_the_section() {
        let m = menu(&[
            "/",
            "/tin-tuc/",
            "/luu-tru/",
            "/gioi-thieu",
            "https://x.vn/",
        ]);
        assert_eq!(current(&m, "", Some("")), Some((0, true)));
        assert_eq!(current(&m, "tin-tuc/", Some("tin-tuc/")), Some((1, true)));
        assert_eq!(
            current(&m, "tin-tuc/trang-2/", Some("tin-tuc/")),
            Some((1, false))
        );
        assert_eq!(
            current(&m, "2024/tin-tuc/a/", Some("tin-tuc/")),
            Some((1, false))
        );
        assert_eq!(
            current(&m, "the/ha-noi/", Some("tin-tuc/")),
            Some((1, false))
        );
        assert_eq!(current(&m, "2023/", Some("luu-tru/")), Some((2, false)));
        assert_eq!(current(&m, "2024/", Some("")), Some((0, false)));
        assert_eq!(current(&m, "gioi-thieu/", None), Some((3, true)));
        assert_eq!(current(&m, "quyet-dinh/", None), None);
        assert_eq!(current(&m, "404.html", None), None);
    }

    #[test]
    fn an_entry_for_a_year_wins_over_the_section() {
        let m = menu(&["/", "/tin-tuc/", "/2024/"]);
        assert_eq!(
            current(&m, "2024/tin-tuc/a/", Some("tin-tuc/")),
            Some((2, false))
        );
        assert_eq!(current(&m, "2024/", Some("")), Some((2, true)));
        // A section missing from the menu marks nothing.
        assert_eq!(
            current(&menu(&["/2024/"]), "the/a/", Some("tin-tuc/")),
            None
        );
    }

    #[test]
    fn entries_are_read_as_site_paths() {
        assert_eq!(site_path("/").as_deref(), Some(""));
        assert_eq!(site_path("/gioi-thieu").as_deref(), Some("gioi-thieu/"));
        assert_eq!(site_path("/2024/#hoat-dong").as_deref(), Some("2024/"));
        assert_eq!(
            site_path("/luu-tru/index.html").as_deref(),
            Some("luu-tru/")
        );
        assert_eq!(site_path("/feed.xml").as_deref(), Some("feed.xml"));
        assert_eq!(site_path("https://x.vn/"), None);
    }
}
