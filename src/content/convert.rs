//! The last stage of loading: once every address is known, render the
//! Markdown, resolve the links and check the values, into the model.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;

use super::Loader;
use super::body::DeferredBody;
use super::cache::{CachedPost, Converted};
use super::discover::Layout;
use super::model::{self, Edition, Html, Page};
use super::parse::{ParsedPost, ParsedSite, parse_front};
use super::post;
use super::read::Files;
use super::source::SourceFile;
use crate::diagnostics::Diagnostic;

/// What conversion makes of a site.
pub(super) struct ConvertedSite {
    pub(super) home_intro: Option<Html>,
    pub(super) pages: Vec<Page>,
    pub(super) editions: Vec<Edition>,
}

/// Everything conversion reads.
pub(super) struct Inputs<'a> {
    pub(super) source: &'a Path,
    pub(super) layout: &'a Layout,
    pub(super) files: &'a Files,
    pub(super) loader: &'a Loader,
    /// The fingerprint of the link table.
    pub(super) links_hash: u64,
    /// The units' reports, read, by year.
    pub(super) reports: std::collections::BTreeMap<i16, Vec<super::reports::Report>>,
}

/// Converts the parsed site. Posts whose conversion the cache still holds
/// are reused; every post converted is left in `post_cache`.
pub(super) fn convert_site(
    input: &Inputs,
    mut parsed: ParsedSite,
    post_cache: &mut HashMap<String, CachedPost>,
    errors: &mut Vec<Diagnostic>,
) -> ConvertedSite {
    let files = input.files;
    let home_intro = input
        .layout
        .home
        .as_ref()
        .and_then(|rel| files.get(rel))
        .and_then(|src| intro(src, input.loader, errors));
    let pages = parsed
        .pages
        .into_iter()
        .map(|p| {
            post::convert_page(
                p.front,
                p.slug,
                &files.by_rel[&p.rel],
                p.body,
                input.loader,
                errors,
            )
        })
        .collect();
    let mut editions: Vec<Edition> = Vec::new();
    for (year, raw, rel) in parsed.editions {
        let mut e = super::edition::convert(raw, year, &files.by_rel[&rel], input.loader, errors);
        e.intro = year_intro(input, year, errors);
        e.form = super::reports::form_links(year, &input.loader.links);
        let reports = input.reports.get(&year).map_or(&[][..], Vec::as_slice);
        e.results = super::reports::compile(input.source, &e, reports, errors);
        let posts = parsed.posts.remove(&year).unwrap_or_default();
        let converted: Vec<(String, Converted)> = posts
            .into_par_iter()
            .map(|p| {
                let done = match &p.deferred {
                    Some(d) => deferred(input, year, &p, d),
                    None => convert_post(input, year, &p, post_cache),
                };
                (p.rel.clone(), done)
            })
            .collect();
        for (rel, mut c) in converted {
            errors.extend(c.diagnostics.iter().cloned());
            let post = c.post.clone();
            if let Some(cached) = post_cache.get_mut(&rel) {
                c.links = input.links_hash;
                cached.converted = Some(c);
            }
            e.posts.push(post);
        }
        e.posts
            .sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.slug.cmp(&b.slug)));
        editions.push(e);
    }
    // Years whose edition.yaml is missing or broken are not published, but
    // their posts and introduction are still checked, so that one run
    // reports every problem of the site.
    for (year, posts) in parsed.posts {
        year_intro(input, year, errors);
        for p in posts {
            // Not read when bodies are left for later: this load fails
            // anyway (the year has no edition), and the full one reports it.
            let Some(src) = files.get(&p.rel) else {
                continue;
            };
            post::convert_post(
                &p.front,
                year,
                p.slug.clone(),
                src,
                p.body,
                input.loader,
                errors,
            );
        }
    }
    ConvertedSite {
        home_intro,
        pages,
        editions,
    }
}

/// A post whose body stays on disk: its problems were reported when it was read.
fn deferred(input: &Inputs, year: i16, p: &ParsedPost, d: &super::parse::Deferred) -> Converted {
    let body = DeferredBody::new(
        input.source,
        &d.path,
        &p.rel,
        year,
        &p.front,
        d.stamp,
        input.loader.links.clone(),
    );
    // Its photos' problems are reported with its body.
    let dir = super::source::dir_of(&p.rel);
    let photos = post::post_photos(&p.front, year, &dir, &input.loader.links, &mut Vec::new());
    let post = d
        .meta
        .clone()
        .with_body(photos, model::Body::Deferred(Arc::new(body)));
    Converted {
        links: input.links_hash,
        post: Arc::new(post),
        diagnostics: Vec::new(),
        lookups: Arc::default(),
    }
}

/// A post converted, or taken from the cache when it would convert the same.
fn convert_post(
    input: &Inputs,
    year: i16,
    p: &ParsedPost,
    post_cache: &HashMap<String, CachedPost>,
) -> Converted {
    let src = &input.files.by_rel[&p.rel];
    if let Some(c) = post_cache.get(&p.rel).and_then(|c| c.converted.clone())
        && c.still_valid(input.links_hash, &input.loader.links, &src.dir)
    {
        return c;
    }
    let mut diagnostics = Vec::new();
    let (post, lookups) = post::convert_post(
        &p.front,
        year,
        p.slug.clone(),
        src,
        p.body,
        input.loader,
        &mut diagnostics,
    );
    Converted {
        links: input.links_hash,
        post: Arc::new(post),
        diagnostics,
        lookups: Arc::new(lookups),
    }
}

/// The introduction of a year (`<year>/index.md`), if it has one.
fn year_intro(input: &Inputs, year: i16, errors: &mut Vec<Diagnostic>) -> Option<Html> {
    input.layout.years[&year]
        .intro
        .as_ref()
        .and_then(|rel| input.files.get(rel))
        .and_then(|src| intro(src, input.loader, errors))
}

/// An `index.md`: Markdown without front matter.
fn intro(src: &SourceFile, loader: &Loader, errors: &mut Vec<Diagnostic>) -> Option<Html> {
    match parse_front::<post::NoFront>(src, false) {
        Ok((_, body)) if src.text[body..].trim().is_empty() => None,
        Ok((_, body)) => Some(post::render_body(src, body, loader, errors)),
        Err(d) => {
            errors.push(d);
            None
        }
    }
}
