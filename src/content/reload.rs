//! The quick way to load again while watching: when the watcher reports
//! that only some posts changed, and each still has its address, its tags
//! and its draft flag, no link target changed, so every other post and the
//! link table stay valid. Only those posts are read, parsed and converted
//! again, and put in their place in the previous site: the rest of the
//! folder is not even walked.
//!
//! Anything else (a new, deleted or renamed file, another file than a post,
//! a changed address or tag, a problem in the post) is left to the full
//! load ([`super::load_cached`]), which finds and reports every problem of
//! the site. Whatever this does, the result must equal the full load's; the
//! incremental tests compare both with a clean build.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::model::Site;
use super::{Cache, CachedFile, CachedPost, ParsedPost, parse_post, parse_year, read_source};
use super::{LoadOptions, post, stamp};
use crate::diagnostics::{Diagnostic, Diagnostics};

/// A post read again, ready to be put in place.
struct Update {
    rel: String,
    stamp: super::Stamp,
    src: Arc<super::SourceFile>,
    parsed: Arc<ParsedPost>,
    /// `None` for a draft that stays a draft: nothing on the site changes.
    post: Option<(i16, Arc<super::model::Post>)>,
    /// Warnings about the post, as converted (what the cache keeps).
    diagnostics: Vec<Diagnostic>,
}

/// Brings `site` (the result of the previous load, which `cache` describes)
/// up to date after `changed` paths changed, when they are all posts whose
/// link targets stay the same. Returns `false`, leaving `site` and `cache`
/// untouched, when that does not apply: the caller then loads in full.
pub fn reload_posts(
    source: &Path,
    options: &LoadOptions,
    cache: &mut Cache,
    site: &mut Site,
    changed: &[PathBuf],
) -> bool {
    let Some(loader) = cache.loader.clone() else {
        return false;
    };
    if changed.is_empty() {
        return false;
    }
    let absolute = source.canonicalize().ok();
    let mut updates = Vec::new();
    for path in changed {
        match reload_one(source, absolute.as_deref(), options, cache, &loader, path) {
            Some(Some(update)) => updates.push(update),
            Some(None) => {}
            None => return false,
        }
    }
    // Check every update has its edition before changing anything.
    for u in &updates {
        if let Some((year, _)) = &u.post
            && !site.editions.iter().any(|e| e.year == *year)
        {
            return false;
        }
    }
    let mut warnings = std::mem::take(&mut site.warnings);
    for u in updates {
        warnings.retain(|w| w.file != u.src.display);
        warnings.extend(u.src.warning.iter().cloned());
        warnings.extend(u.diagnostics.iter().cloned());
        if let Some((year, post)) = &u.post
            && let Some(e) = site.editions.iter_mut().find(|e| e.year == *year)
        {
            match e.posts.iter_mut().find(|p| p.file == u.rel) {
                Some(slot) => *slot = post.clone(),
                None => e.posts.push(post.clone()),
            }
            e.posts
                .sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.slug.cmp(&b.slug)));
        }
        let converted = u.post.map(|(_, p)| (cache.links, p, u.diagnostics));
        cache.files.insert(
            u.rel,
            CachedFile {
                stamp: u.stamp,
                src: u.src,
                post: Some(CachedPost {
                    parsed: Ok(u.parsed),
                    converted,
                }),
            },
        );
    }
    let mut warnings = Diagnostics(warnings);
    warnings.sort();
    site.warnings = warnings.0;
    true
}

/// One changed path: `None` when the quick way does not apply to it,
/// `Some(None)` when nothing changed for the site.
fn reload_one(
    source: &Path,
    absolute: Option<&Path>,
    options: &LoadOptions,
    cache: &Cache,
    loader: &super::Loader,
    path: &Path,
) -> Option<Option<Update>> {
    let inside = path
        .strip_prefix(source)
        .ok()
        .or_else(|| path.strip_prefix(absolute?).ok())?;
    let parts: Vec<String> = inside
        .components()
        .map(|c| crate::text::nfc(c.as_os_str().to_string_lossy().into_owned()))
        .collect();
    let rel = parts.join("/");
    let cached = cache.files.get(&rel)?;
    let previous = cached.post.as_ref()?.parsed.as_ref().ok()?;
    // Still a plain file (a link may lead out of the folder: the full load
    // checks where).
    if !std::fs::symlink_metadata(path).ok()?.is_file() {
        return None;
    }
    let now = stamp(path)?;
    if now == cached.stamp {
        return Some(None);
    }
    let src = read_source(source, &rel, path).ok()?;
    let year = parse_year(parts.first()?)?;
    let parsed = parse_post(&src).ok()?;
    let unpublished = |p: &ParsedPost| p.front.draft && !options.drafts;
    if parsed.slug != previous.slug
        || unpublished(&parsed) != unpublished(previous)
        || tag_slugs(&parsed) != tag_slugs(previous)
    {
        return None;
    }
    let mut diagnostics = Vec::new();
    let post = if unpublished(&parsed) {
        None
    } else {
        let converted = post::convert_post(
            &parsed.front,
            year,
            parsed.slug.clone(),
            &src,
            parsed.body,
            loader,
            &mut diagnostics,
        );
        Some((year, Arc::new(converted)))
    };
    if diagnostics.iter().any(Diagnostic::is_error) {
        return None;
    }
    Some(Some(Update {
        rel,
        stamp: now,
        src: Arc::new(src),
        parsed: Arc::new(parsed),
        post,
        diagnostics,
    }))
}

/// The tag pages a post appears on.
fn tag_slugs(p: &ParsedPost) -> Vec<String> {
    let mut slugs: Vec<String> = p
        .front
        .tags
        .iter()
        .map(|t| crate::text::slugify(t))
        .collect();
    slugs.sort();
    slugs.dedup();
    slugs
}
