//! The Atom feeds: the site's, and one per edition.

use super::shows::Shown;
use super::views::{FeedEntry, FeedView, ordinal_label, rfc3339};
use crate::routes;

/// The feed at `path`: its edition's when the page shows one, else the site's.
pub(super) fn feed(shown: &Shown, path: &str) -> FeedView {
    let config = shown.config();
    let base = &config.base_url;
    let (title, alternate) = match shown.edition() {
        None => (config.title.clone(), String::new()),
        Some(e) => (
            format!(
                "{} {} năm {}",
                config.title,
                ordinal_label(e.ordinal),
                e.year
            ),
            routes::edition(e.year),
        ),
    };
    let updated = shown
        .summary_posts()
        .next()
        .map(|p| p.date)
        .or_else(|| shown.edition().map(|e| e.date))
        .or_else(|| shown.editions().last().map(|e| e.date))
        .unwrap_or(shown.today());
    FeedView {
        title,
        id: format!("{base}{path}"),
        self_url: format!("{base}{path}"),
        alternate_url: format!("{base}{alternate}"),
        updated: rfc3339(updated),
        entries: shown
            .summary_posts()
            .map(|p| FeedEntry {
                title: p.title.clone(),
                url: format!("{base}{}", routes::post(p.year, &p.slug)),
                updated: rfc3339(p.date),
                summary: p.summary.clone(),
                author: p.author.clone(),
            })
            .collect(),
    }
}
