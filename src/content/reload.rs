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

use super::cache::{Cache, CachedFile, CachedPost, Converted};
use super::discover::parse_year;
use super::model::Site;
use super::parse::{ParsedPost, parse_post};
use super::source::{SourceFile, Stamp, read_source, stamp};
use super::{LoadOptions, Loader, post};
use crate::diagnostics::{Diagnostic, Diagnostics};

/// A post read again, ready to be put in place.
struct Update {
    rel: String,
    stamp: Stamp,
    src: Arc<SourceFile>,
    parsed: Arc<ParsedPost>,
    /// `None` for a draft that stays a draft: nothing on the site changes.
    post: Option<(i16, Arc<super::model::Post>)>,
    /// The link targets its conversion looked up.
    lookups: Vec<crate::markdown::Lookup>,
    /// Warnings about the post, as converted (what the cache keeps).
    diagnostics: Vec<Diagnostic>,
}

/// What a quick reload changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Reloaded {
    /// No post changed its date or its tags (as written): posts are in the
    /// same order and carry the same tags as before.
    pub(crate) order_kept: bool,
}

/// Brings `site` (the result of the previous load, which `cache` describes)
/// up to date after `changed` paths changed, when they are all posts whose
/// link targets stay the same. Returns `None`, leaving `site` and `cache`
/// untouched, when that does not apply: the caller then loads in full.
pub(crate) fn reload_posts(
    source: &Path,
    options: &LoadOptions,
    cache: &mut Cache,
    site: &mut Site,
    changed: &[PathBuf],
) -> Option<Reloaded> {
    let loader = cache.loader.clone()?;
    if changed.is_empty() {
        return None;
    }
    let absolute = source.canonicalize().ok();
    let mut updates = Vec::new();
    for path in changed {
        match reload_one(source, absolute.as_deref(), options, cache, &loader, path) {
            Some(Some(update)) => updates.push(update),
            Some(None) => {}
            None => return None,
        }
    }
    // Check every update has its edition before changing anything.
    for u in &updates {
        if let Some((year, _)) = &u.post
            && !site.editions.iter().any(|e| e.year == *year)
        {
            return None;
        }
    }
    let mut order_kept = true;
    let mut warnings = std::mem::take(&mut site.warnings);
    // Their share images show their titles: made again below.
    let shared: Vec<(i16, String)> = updates
        .iter()
        .filter_map(|u| u.post.as_ref().map(|(y, p)| (*y, p.slug.clone())))
        .collect();
    for u in updates {
        warnings.retain(|w| w.file != u.src.display);
        warnings.extend(u.src.warning.iter().cloned());
        warnings.extend(u.diagnostics.iter().cloned());
        if let Some((year, post)) = &u.post
            && let Some(e) = site.editions.iter_mut().find(|e| e.year == *year)
        {
            match e.posts.iter_mut().find(|p| p.file == u.rel) {
                Some(slot) => {
                    order_kept &= slot.date == post.date && slot.tags == post.tags;
                    *slot = post.clone();
                }
                None => {
                    order_kept = false;
                    e.posts.push(post.clone());
                }
            }
            e.posts
                .sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.slug.cmp(&b.slug)));
        }
        let converted = u.post.map(|(_, post)| Converted {
            links: cache.links,
            post,
            diagnostics: u.diagnostics,
            lookups: Arc::new(u.lookups),
        });
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
    crate::banners::refresh_shares(
        source,
        &site.config,
        &site.editions,
        &shared,
        &mut site.assets,
    )
    .ok()?;
    let mut warnings = Diagnostics(warnings);
    warnings.sort();
    site.warnings = warnings.0;
    Some(Reloaded { order_kept })
}

/// One changed path: `None` when the quick way does not apply to it,
/// `Some(None)` when nothing changed for the site.
fn reload_one(
    source: &Path,
    absolute: Option<&Path>,
    options: &LoadOptions,
    cache: &Cache,
    loader: &Loader,
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
    let unpublished = |p: &ParsedPost| p.is_draft() && !options.drafts;
    if parsed.slug != previous.slug
        || unpublished(&parsed) != unpublished(previous)
        || parsed.tag_slugs() != previous.tag_slugs()
        // Its aliases are published as files: the full load makes them.
        || parsed.front.aliases != previous.front.aliases
    {
        return None;
    }
    let mut diagnostics = Vec::new();
    let (post, lookups) = if unpublished(&parsed) {
        (None, Vec::new())
    } else {
        let (converted, lookups) = post::convert_post(
            &parsed.front,
            year,
            parsed.slug.clone(),
            &src,
            parsed.body,
            loader,
            &mut diagnostics,
        );
        (Some((year, Arc::new(converted))), lookups)
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
        lookups,
        diagnostics,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::model::Body;
    use crate::content::{Cache, LoadOptions, PhotoMode, load_cached};

    struct Dir(PathBuf);

    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    fn post(title: &str, tags: &str, body: &str) -> String {
        format!("---\ntitle: \"{title}\"\ndate: \"2/3/2024\"\ntags: [{tags}]\n---\n{body}\n")
    }

    /// A site of two posts, loaded once.
    fn loaded(name: &str) -> (Dir, Cache, Site) {
        let dir = Dir(
            std::env::temp_dir().join(format!("campaign-reload-{name}-{}", std::process::id()))
        );
        let root = dir.0.join("content");
        let _ = std::fs::remove_dir_all(&dir.0);
        std::fs::create_dir_all(root.join("2024/news")).unwrap();
        std::fs::write(
            root.join("site.yaml"),
            "title: \"Ngày CTXH\"\nbase_url: \"https://a.vn/\"\ncampaign: { day: \"03-25\", first_year: 2017 }\n",
        )
        .unwrap();
        std::fs::write(root.join("2024/edition.yaml"), "theme: \"Chủ đề\"\n").unwrap();
        std::fs::write(
            root.join("2024/news/a.md"),
            post("A", "\"Kon Tum\"", "Xem [b](b.md)."),
        )
        .unwrap();
        std::fs::write(
            root.join("2024/news/b.md"),
            post("B", "\"Kon Tum\"", "Nội dung."),
        )
        .unwrap();
        let mut cache = Cache::default();
        let site = load_cached(
            &root,
            &LoadOptions::default(),
            &PhotoMode::Inline,
            &mut cache,
        )
        .unwrap();
        (dir, cache, site)
    }

    /// Rewrites a post with a new modification time.
    fn edit(dir: &Dir, rel: &str, text: &str) -> PathBuf {
        let path = dir.0.join("content").join(rel);
        std::thread::sleep(std::time::Duration::from_millis(15));
        std::fs::write(&path, text).unwrap();
        path
    }

    fn content_of(site: &Site, file: &str) -> String {
        let post = site.editions[0]
            .posts
            .iter()
            .find(|p| p.file == file)
            .unwrap();
        match &post.body {
            Body::Ready(b) => b.content.0.clone(),
            Body::Deferred(_) => panic!("bodies are rendered on load here"),
        }
    }

    #[test]
    fn an_edited_post_is_put_in_place_alone() {
        let (dir, mut cache, mut site) = loaded("edit");
        let root = dir.0.join("content");
        let untouched = site.editions[0]
            .posts
            .iter()
            .find(|p| p.file == "2024/news/b.md")
            .cloned();
        let path = edit(
            &dir,
            "2024/news/a.md",
            &post("A mới", "\"Kon Tum\"", "Mới [b](b.md)."),
        );
        let opts = LoadOptions::default();
        let reloaded = reload_posts(&root, &opts, &mut cache, &mut site, &[path]);
        assert_eq!(reloaded, Some(Reloaded { order_kept: true }));
        assert!(content_of(&site, "2024/news/a.md").contains("Mới"));
        let a = site.editions[0]
            .posts
            .iter()
            .find(|p| p.file == "2024/news/a.md")
            .unwrap();
        assert_eq!(a.title, "A mới");
        // The other post is the very same, not converted again.
        let b = site.editions[0]
            .posts
            .iter()
            .find(|p| p.file == "2024/news/b.md")
            .cloned();
        assert!(Arc::ptr_eq(&untouched.unwrap(), &b.unwrap()));
        // And a full load now agrees.
        let full = load_cached(
            &root,
            &LoadOptions::default(),
            &PhotoMode::Inline,
            &mut Cache::default(),
        )
        .unwrap();
        assert_eq!(
            content_of(&full, "2024/news/a.md"),
            content_of(&site, "2024/news/a.md")
        );
    }

    #[test]
    fn a_new_date_is_reloaded_but_moves_the_post() {
        let (dir, mut cache, mut site) = loaded("date");
        let root = dir.0.join("content");
        let text = post("A", "\"Kon Tum\"", "Xem [b](b.md).").replace("2/3/2024", "9/3/2024");
        let path = edit(&dir, "2024/news/a.md", &text);
        let opts = LoadOptions::default();
        let reloaded = reload_posts(&root, &opts, &mut cache, &mut site, &[path]);
        assert_eq!(reloaded, Some(Reloaded { order_kept: false }));
        // Newest first.
        assert_eq!(site.editions[0].posts[0].file, "2024/news/a.md");
    }

    #[test]
    fn what_could_change_other_pages_addresses_needs_the_full_load() {
        let cases = [
            ("a new tag", post("A", "\"Đà Nẵng\"", "x")),
            (
                "a new address",
                "---\ntitle: A\ndate: \"2/3/2024\"\nslug: khac\n---\nx\n".to_owned(),
            ),
            (
                "a draft",
                "---\ntitle: A\ndate: \"2/3/2024\"\ndraft: true\n---\nx\n".to_owned(),
            ),
            ("a broken link", post("A", "\"Kon Tum\"", "[c](c.md)")),
            ("broken front matter", "---\ntitle: [\n---\n".to_owned()),
            (
                "a date in another year",
                post("A", "\"Kon Tum\"", "x").replace("2/3/2024", "2/3/2023"),
            ),
        ];
        for (what, text) in cases {
            let (dir, mut cache, mut site) = loaded("full");
            let root = dir.0.join("content");
            let path = edit(&dir, "2024/news/a.md", &text);
            let opts = LoadOptions::default();
            let reloaded = reload_posts(&root, &opts, &mut cache, &mut site, &[path]);
            assert!(reloaded.is_none(), "{what}");
            assert_eq!(
                site.editions[0]
                    .posts
                    .iter()
                    .find(|p| p.file == "2024/news/a.md")
                    .unwrap()
                    .title,
                "A",
                "{what}: the site was changed"
            );
        }
        // Nor does anything that is not a post the last load knew.
        let (dir, mut cache, mut site) = loaded("other");
        let root = dir.0.join("content");
        for path in [
            edit(&dir, "2024/edition.yaml", "theme: \"Mới\"\n"),
            edit(&dir, "2024/news/c.md", &post("C", "\"Kon Tum\"", "x")),
            root.join("2024/news"),
            std::env::temp_dir().join("elsewhere.md"),
        ] {
            let opts = LoadOptions::default();
            let reloaded = reload_posts(
                &root,
                &opts,
                &mut cache,
                &mut site,
                std::slice::from_ref(&path),
            );
            assert!(reloaded.is_none(), "{}", path.display());
        }
    }
}
