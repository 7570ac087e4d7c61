//! What lists show: a post's summary (its card), and the pages of a list.
//!
//! A summary is the same on every page (its links are site paths, which
//! templates prefix with the page's `root`), so it is built once per post
//! and shared.

use serde::Serialize;

use crate::content::model::Post;
use crate::dates::DayView;
use crate::routes;

use super::pictures::{PictureView, picture_view};

pub(super) fn pagination(base: &str, current: usize, total: usize) -> PaginationView {
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
        prev_url: (current > 1).then(|| routes::news_page(base, current - 1)),
        next_url: (current < total).then(|| routes::news_page(base, current + 1)),
        pages: numbers
            .into_iter()
            .map(|number| PageLink {
                number,
                url: routes::news_page(base, number),
            })
            .collect(),
    }
}

pub(super) fn post_summary(p: &Post) -> PostSummary {
    PostSummary {
        title: p.title.clone(),
        url: routes::post(p.year, &p.slug),
        date: p.date.view(),
        summary: p.summary.clone(),
        tags: p
            .tags
            .iter()
            .map(|t| TagRef {
                name: t.name.clone(),
                url: routes::tag(&t.slug),
                slug: t.slug.clone(),
            })
            .collect(),
        year: p.year,
        author: p.author.clone(),
        cover: p.cover.as_ref().map(picture_view),
    }
}

#[derive(Serialize)]
pub(super) struct TagRef {
    name: String,
    slug: String,
    url: String,
}

#[derive(Serialize)]
pub(super) struct PostSummary {
    title: String,
    url: String,
    date: DayView,
    summary: Option<String>,
    tags: Vec<TagRef>,
    year: i16,
    author: Option<String>,
    /// The cover photo, for the card (the theme's `picture` component).
    cover: Option<PictureView>,
}

#[derive(Serialize)]
pub(super) struct PaginationView {
    current: usize,
    total: usize,
    prev_url: Option<String>,
    next_url: Option<String>,
    pages: Vec<PageLink>,
}

#[derive(Serialize)]
pub(super) struct PageLink {
    number: usize,
    url: String,
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
