//! Loading the content folder into the checked [`model::Site`].
//!
//! Stages, each over every file so that all problems of the site are found
//! in one run: [`discover`] the files and sort them by the content layout;
//! [`read`] them (in parallel); [`parse`] each on its own; once every
//! published address is known ([`links`]), [`convert`] them: render
//! Markdown, resolve links, check values. [`cache`] keeps what the next
//! load can reuse; [`reload`] is the quick way for a few edited posts.
//! The model is the only thing that leaves this module.

mod album;
mod aliases;
mod body;
mod cache;
mod convert;
mod discover;
pub(crate) mod edition;
pub mod frontmatter;
pub(crate) mod limits;
mod links;
pub mod model;
mod parse;
pub(crate) mod photos;
pub(crate) mod post;
mod quotes;
mod read;
mod reload;
mod reports;
mod source;

use std::path::Path;
use std::sync::Arc;

use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::markdown::Links;
use crate::msg;
use cache::CachedFile;
use model::Site;

pub(crate) use cache::Cache;
pub(crate) use photos::PhotoMode;
pub(crate) use reload::reload_posts;
pub(crate) use reports::ResultsFile;
pub(crate) use source::Stamp;

/// Options that change what is loaded.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Include posts and pages marked `draft: true`.
    pub drafts: bool,
    /// Replaces `base_url` from `site.yaml`.
    pub base_url: Option<String>,
    /// Leave post bodies to be rendered with their pages
    /// ([`model::Body::Deferred`]): for one-off builds, so that the bodies
    /// and source texts of a site are never all in memory at once.
    pub defer_bodies: bool,
    /// Write nothing beside the content (`check`): banners, share images
    /// and redirect pages are checked but not stored in the cache.
    pub no_cache_writes: bool,
}

/// What the conversion stage needs from the whole site.
pub(crate) struct Loader {
    pub(crate) config: SiteConfig,
    /// Shared with the post bodies left to be rendered with their pages.
    pub(crate) links: Arc<Links>,
}

/// Loads and checks the site in `source`.
pub fn load(source: &Path, options: &LoadOptions) -> Result<Site, Diagnostics> {
    load_cached(source, options, &PhotoMode::Inline, &mut Cache::default())
}

/// Loads and checks the site in `source`, reusing what `cache` holds from
/// the previous load and leaving in it what this one found; photos not in
/// `cache` are processed as `photo_mode` says.
pub(crate) fn load_cached(
    source: &Path,
    options: &LoadOptions,
    photo_mode: &PhotoMode,
    cache: &mut Cache,
) -> Result<Site, Diagnostics> {
    let mut errors = Vec::new();
    cache.loader = None;
    let mut phases = crate::timing::Phases::start();
    let layout = discover::discover(source, &mut errors);
    phases.end("discover");
    let Some(config_rel) = layout.config.clone() else {
        errors.push(
            Diagnostic::file(&source.join("site.yaml"), msg!("no-site-yaml"))
                .with_help(msg!("no-site-yaml-help")),
        );
        return Err(finish(errors));
    };
    let files = read::read_files(
        source,
        &layout,
        &config_rel,
        options.defer_bodies,
        cache,
        &mut errors,
    );
    let Some(config) = files
        .get(&config_rel)
        .and_then(|src| settings(src, options, &layout, &mut errors))
    else {
        return Err(finish(errors));
    };
    phases.end("read");
    let mut parsed = parse::parse_site(source, &layout, &files, options, cache, &mut errors);
    phases.end("parse");
    let mut layout = layout;
    let downloads = parsed.downloads();
    let photos = photos::process(
        source,
        &config.images,
        &downloads,
        &mut layout.assets,
        &mut cache.photos,
        photo_mode,
        &mut errors,
    );
    cache.pending_photos = photos.pending;
    phases.end("photos");
    let report_files = layout
        .years
        .iter()
        .map(|(y, f)| (*y, f.reports.clone()))
        .collect();
    let reports = reports::read_all(
        source,
        &report_files,
        &layout.paths,
        &mut cache.reports,
        &mut errors,
    );
    phases.end("reports");
    let pages: Vec<(&str, &str)> = parsed
        .pages
        .iter()
        .map(|p| (p.rel.as_str(), p.slug.as_str()))
        .collect();
    let mut links = links::link_table(&layout, &parsed.posts, &pages, config.news_per_page.get());
    photos.link(&mut links);
    for (rel, url) in std::mem::take(&mut parsed.unreadable) {
        links.sources.entry(rel).or_insert(url);
    }
    let aliases = aliases::collect(source, &parsed.posts, &links, &files.by_rel, &mut errors);
    let links_hash = links.fingerprint();
    let loader = Loader {
        config,
        links: Arc::new(links),
    };
    phases.end("links");
    let mut post_cache = std::mem::take(&mut parsed.post_cache);
    let input = convert::Inputs {
        source,
        layout: &layout,
        files: &files,
        loader: &loader,
        links_hash,
        reports,
    };
    let converted = convert::convert_site(&input, parsed, &mut post_cache, &mut errors);
    phases.end("convert");
    if !errors.iter().any(Diagnostic::is_error) {
        let edition_source = |year: i16| {
            let src = files.get(&format!("{year}/edition.yaml"))?;
            Some((src.display.clone(), src.text.as_str()))
        };
        crate::banners::publish(
            source,
            &loader.config,
            &converted.editions,
            &edition_source,
            !options.no_cache_writes,
            &mut layout.assets,
            &mut errors,
        );
        aliases::publish(
            source,
            &loader.config,
            &aliases,
            !options.no_cache_writes,
            &mut layout.assets,
            &mut errors,
        );
        phases.end("banners");
    }
    // Keep what the next load may reuse.
    cache.links = links_hash;
    let read::Files { by_rel, stamps } = files;
    cache.files = by_rel
        .into_iter()
        .filter_map(|(rel, src)| {
            let stamp = *stamps.get(&rel)?;
            let post = post_cache.remove(&rel);
            Some((rel, CachedFile { stamp, src, post }))
        })
        .collect();
    // `errors` holds warnings too: they fail nothing on their own.
    if errors.iter().any(Diagnostic::is_error) {
        return Err(finish(errors));
    }
    let site = Site {
        config: loader.config.clone(),
        home_intro: converted.home_intro,
        pages: converted.pages,
        editions: converted.editions,
        assets: layout.assets,
        warnings: finish(errors).0,
    };
    cache.loader = Some(Arc::new(loader));
    Ok(site)
}

/// The site's settings from `site.yaml`, with the command line's
/// `--base-url`; checks that `current:` names an edition folder.
fn settings(
    src: &source::SourceFile,
    options: &LoadOptions,
    layout: &discover::Layout,
    errors: &mut Vec<Diagnostic>,
) -> Option<SiteConfig> {
    let mut config = match SiteConfig::parse(&src.display, &src.text) {
        Ok(c) => c,
        Err(ds) => {
            errors.extend(ds);
            return None;
        }
    };
    if let Some(url) = &options.base_url
        && config.set_base_url(url).is_none()
    {
        errors.push(Diagnostic::file(
            Path::new("--base-url"),
            msg!("base-url-not-absolute", url = url.as_str()),
        ));
    }
    if let Some(current) = config.current
        && !layout.years.contains_key(&current)
    {
        let (line, column) = crate::config::key_position(&src.text, "current");
        errors.push(
            Diagnostic::at(
                &src.display,
                &src.text,
                line,
                column,
                msg!("current-without-edition", year = current.to_string()),
            )
            .with_help(msg!(
                "current-without-edition-help",
                year = current.to_string()
            )),
        );
    }
    Some(config)
}

fn finish(errors: Vec<Diagnostic>) -> Diagnostics {
    let mut d = Diagnostics(errors);
    d.sort();
    d
}

/// Parses `text` as the news post `rel` (`2024/news/a.md`) without reading
/// the disk: decoding checks aside, what the loader does to a post before it
/// knows the rest of the site (front matter split, YAML, slug). Returns the
/// post's slug. For the fuzz target and the property tests.
pub fn parse_post_text(rel: &str, text: &str) -> Result<String, Diagnostic> {
    let src = source::source_text(rel, text);
    parse::parse_post(&src).map(|p| p.slug)
}

/// Parses `text` as an `edition.yaml`, without reading the disk. For the
/// fuzz target and the property tests.
pub fn parse_edition_text(rel: &str, text: &str) -> Result<(), Diagnostic> {
    let src = source::source_text(rel, text);
    parse::parse_edition(&src).map(|_| ())
}
