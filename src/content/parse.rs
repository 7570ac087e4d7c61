//! Parsing content files on their own, before the rest of the site is
//! known: front matter split off and parsed, a post's address worked out.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::LoadOptions;
use super::cache::{Cache, CachedPost};
use super::discover::{Layout, parse_year};
use super::edition::EditionFile;
use super::frontmatter;
use super::limits::{self, MAX_SLUG_BYTES, MAX_TAGS, MAX_TITLE_CHARS};
use super::post::{self, PostFront, PostMeta};
use super::read::Files;
use super::source::{Seg, SourceFile, Stamp, read_source, stamp};
use crate::diagnostics::Diagnostic;
use crate::msg;
use crate::routes;

/// A post whose front matter parsed.
#[derive(Clone)]
pub(crate) struct ParsedPost {
    pub(super) rel: String,
    pub(super) front: PostFront,
    pub(super) slug: String,
    /// The byte offset of its body.
    pub(super) body: usize,
    /// For a post whose body is left on disk: what was found while its
    /// text was at hand.
    pub(super) deferred: Option<Deferred>,
}

/// A post read for a load that leaves bodies on disk.
#[derive(Clone)]
pub(crate) struct Deferred {
    pub(super) meta: PostMeta,
    /// The file on disk, and its modification time and size when read.
    pub(super) path: PathBuf,
    pub(super) stamp: Stamp,
    /// Problems found in the post (its body aside).
    pub(super) diagnostics: Vec<Diagnostic>,
}

impl ParsedPost {
    /// Whether a load without drafts leaves it out.
    pub(super) fn is_draft(&self) -> bool {
        self.front.draft
    }

    /// The slugs of the tags it carries, sorted, each once: the tag pages
    /// it appears on.
    pub(super) fn tag_slugs(&self) -> Vec<String> {
        // A post with more tags is an error (see `post::convert_meta`).
        let mut slugs: Vec<String> = self
            .front
            .tags
            .iter()
            .take(MAX_TAGS)
            .map(|t| crate::text::slugify(t))
            .collect();
        slugs.sort();
        slugs.dedup();
        slugs
    }
}

/// Parses a post as a news post: its front matter and its address.
pub(super) fn parse_post(src: &SourceFile) -> Result<ParsedPost, Diagnostic> {
    let (front, body) = parse_front::<PostFront>(src, true)?;
    let slug = post::post_slug(&front, src.stem());
    if slug.is_empty() {
        return Err(Diagnostic::file(&src.display, msg!("post-address-empty"))
            .with_help(msg!("post-address-empty-help")));
    }
    if slug.len() > MAX_SLUG_BYTES {
        let message = msg!(
            "post-address-too-long",
            chars = slug.len(),
            address = limits::quoted(&slug),
            max = MAX_SLUG_BYTES
        );
        return Err(match &front.slug {
            Some(_) => src
                .at_path(&[Seg::Key("slug")], false, message)
                .with_help(msg!("post-address-too-long-slug-help")),
            None => Diagnostic::file(&src.display, message)
                .with_help(msg!("post-address-too-long-file-help")),
        });
    }
    Ok(ParsedPost {
        rel: src.rel.clone(),
        front,
        slug,
        body,
        deferred: None,
    })
}

/// Reads a post for a load that leaves bodies on disk: parses its front
/// matter and checks everything but its body while the text is at hand,
/// then lets the text go.
pub(super) fn read_front_only(
    source: &Path,
    rel: &str,
    real: &Path,
    year: i16,
) -> Result<ParsedPost, Vec<Diagnostic>> {
    let unreadable = || vec![Diagnostic::file(&source.join(rel), msg!("file-unreadable"))];
    let stamp = stamp(real).ok_or_else(unreadable)?;
    let src = read_source(source, rel, real).map_err(|d| vec![d])?;
    let mut parsed = parse_post(&src).map_err(|d| vec![d])?;
    let mut diagnostics: Vec<Diagnostic> = src.warning.iter().cloned().collect();
    let meta = post::convert_meta(
        &parsed.front,
        year,
        parsed.slug.clone(),
        &src,
        &mut diagnostics,
    );
    parsed.deferred = Some(Deferred {
        meta,
        path: real.to_path_buf(),
        stamp,
        diagnostics,
    });
    Ok(parsed)
}

/// Parses a Markdown file's front matter into `T`. Returns it with the
/// byte offset of the body. A file without front matter is parsed as
/// empty, unless it is `required` (posts and pages): then it is an error
/// that says how a front matter is written.
pub(super) fn parse_front<T: serde::de::DeserializeOwned + schemars::JsonSchema>(
    src: &SourceFile,
    required: bool,
) -> Result<(T, usize), Diagnostic> {
    let split = frontmatter::split(&src.text).map_err(|_| {
        Diagnostic::at(&src.display, &src.text, 1, 1, msg!("front-matter-unclosed"))
            .with_help(msg!("front-matter-unclosed-help"))
    })?;
    if required && split.yaml.is_empty() && split.body == 0 {
        // Keys written without the `---` above them (the closing one may be there).
        let first = src.text.lines().next().unwrap_or("");
        let looks_like_key = first.split_once(':').is_some_and(|(k, _)| {
            !k.is_empty() && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        });
        return Err(if looks_like_key {
            Diagnostic::at(
                &src.display,
                &src.text,
                1,
                1,
                msg!("front-matter-no-opening"),
            )
            .with_help(msg!("front-matter-no-opening-help"))
        } else {
            Diagnostic::at(&src.display, &src.text, 1, 1, msg!("front-matter-missing"))
                .with_help(msg!("front-matter-missing-help"))
        });
    }
    let front = crate::yaml::parse(&src.display, &src.text, split.yaml.start, split.yaml.end)?;
    Ok((front, split.body))
}

/// Parses an `edition.yaml`.
pub(super) fn parse_edition(src: &SourceFile) -> Result<EditionFile, Diagnostic> {
    crate::yaml::parse(&src.display, &src.text, 0, src.text.len())
}

/// A standalone page whose front matter parsed.
pub(super) struct ParsedPage {
    pub(super) front: post::PageFront,
    pub(super) slug: String,
    pub(super) rel: String,
    pub(super) body: usize,
}

/// Every file of the site, parsed on its own.
pub(super) struct ParsedSite {
    /// Published posts by year, in order of address.
    pub(super) posts: BTreeMap<i16, Vec<Arc<ParsedPost>>>,
    /// Every post parsed (drafts and failures included), for the cache.
    pub(super) post_cache: HashMap<String, CachedPost>,
    /// Files whose front matter is broken, with the address they would
    /// have: links to them are not reported as leading nowhere, only the
    /// broken file is.
    pub(super) unreadable: Vec<(String, String)>,
    pub(super) pages: Vec<ParsedPage>,
    /// Editions whose `edition.yaml` parsed: (year, file, its path).
    pub(super) editions: Vec<(i16, EditionFile, String)>,
}

impl ParsedSite {
    /// The content-relative paths of the photos an album offers for
    /// download (their full-size copies are made with the others).
    pub(super) fn downloads(&self) -> std::collections::HashSet<String> {
        use super::album::{Base, downloads};
        let mut out = std::collections::HashSet::new();
        for post in self.posts.values().flatten() {
            let dir = super::source::dir_of(&post.rel);
            downloads(Base::Relative(&dir), &post.front.photos, &mut out);
        }
        for (year, raw, _) in &self.editions {
            downloads(Base::YearFiles(*year), &raw.photos, &mut out);
        }
        out
    }
}

/// Parses the front matter of every post and page and every
/// `edition.yaml`, reporting what is wrong with each.
pub(super) fn parse_site(
    source: &Path,
    layout: &Layout,
    files: &Files,
    options: &LoadOptions,
    cache: &Cache,
    errors: &mut Vec<Diagnostic>,
) -> ParsedSite {
    let mut post_cache = HashMap::new();
    let mut posts = BTreeMap::new();
    for (&year, y) in &layout.years {
        let mut parsed = if options.defer_bodies {
            parse_posts_deferred(source, layout, year, &y.posts, errors)
        } else {
            parse_posts(files, &y.posts, cache, &mut post_cache, errors)
        };
        parsed.retain(|p| !p.is_draft() || options.drafts);
        parsed.sort_by(|a, b| a.slug.cmp(&b.slug).then_with(|| a.rel.cmp(&b.rel)));
        check_addresses(source, year, &parsed, errors);
        posts.insert(year, parsed);
    }
    let mut unreadable: Vec<(String, String)> = post_cache
        .iter()
        .filter(|(_, c)| c.parsed.is_err())
        .filter_map(|(rel, _)| {
            let year = parse_year(rel.split('/').next()?)?;
            let slug = crate::text::slugify(files.get(rel)?.stem());
            Some((rel.clone(), routes::post(year, &slug)))
        })
        .collect();
    // Posts of a year that holds too many were not read (an error says
    // so): links to them are not reported as leading nowhere.
    for (&year, y) in &layout.years {
        for rel in &y.skipped {
            let name = rel.rsplit('/').next().unwrap_or(rel);
            let slug = crate::text::slugify(name.strip_suffix(".md").unwrap_or(name));
            unreadable.push((rel.clone(), routes::post(year, &slug)));
        }
    }
    let pages = parse_pages(layout, files, options, &mut unreadable, errors);
    let editions = parse_editions(source, layout, files, errors);
    ParsedSite {
        posts,
        post_cache,
        unreadable,
        pages,
        editions,
    }
}

/// Parses the posts of a year whose text was read, reusing what the cache
/// parsed of an unchanged file. Every post goes to `post_cache`.
fn parse_posts(
    files: &Files,
    rels: &[String],
    cache: &Cache,
    post_cache: &mut HashMap<String, CachedPost>,
    errors: &mut Vec<Diagnostic>,
) -> Vec<Arc<ParsedPost>> {
    let parsed: Vec<(String, CachedPost)> = rels
        .par_iter()
        .filter_map(|rel| files.get(rel))
        .map(|src| {
            let post = cache.post_of(src).unwrap_or_else(|| CachedPost {
                parsed: parse_post(src).map(Arc::new),
                converted: None,
            });
            (src.rel.clone(), post)
        })
        .collect();
    let mut ok = Vec::new();
    for (rel, p) in parsed {
        match &p.parsed {
            Ok(pp) => ok.push(pp.clone()),
            Err(d) => errors.push(d.clone()),
        }
        post_cache.insert(rel, p);
    }
    ok
}

/// Reads and parses the posts of a year whose bodies are left on disk.
fn parse_posts_deferred(
    source: &Path,
    layout: &Layout,
    year: i16,
    rels: &[String],
    errors: &mut Vec<Diagnostic>,
) -> Vec<Arc<ParsedPost>> {
    let parsed: Vec<Result<ParsedPost, Vec<Diagnostic>>> = rels
        .par_iter()
        .map(|rel| read_front_only(source, rel, &layout.paths[rel], year))
        .collect();
    let mut ok = Vec::new();
    for p in parsed {
        match p {
            Ok(pp) => {
                if let Some(d) = &pp.deferred {
                    errors.extend(d.diagnostics.iter().cloned());
                }
                ok.push(Arc::new(pp));
            }
            Err(ds) => errors.extend(ds),
        }
    }
    ok
}

/// Reports two posts of a year (sorted by address) at the same address.
fn check_addresses(
    source: &Path,
    year: i16,
    posts: &[Arc<ParsedPost>],
    errors: &mut Vec<Diagnostic>,
) {
    for pair in posts.windows(2) {
        if pair[0].slug == pair[1].slug {
            let (a, b) = (source.join(&pair[0].rel), source.join(&pair[1].rel));
            errors.push(
                Diagnostic::file(
                    &b,
                    msg!(
                        "post-address-taken",
                        year = year,
                        address = routes::post(year, &pair[0].slug),
                        first = &a,
                        second = &b
                    ),
                )
                .with_help(msg!("post-address-taken-help")),
            );
        }
    }
}

fn parse_pages(
    layout: &Layout,
    files: &Files,
    options: &LoadOptions,
    unreadable: &mut Vec<(String, String)>,
    errors: &mut Vec<Diagnostic>,
) -> Vec<ParsedPage> {
    let mut pages = Vec::new();
    for rel in &layout.pages {
        let Some(src) = files.get(rel) else { continue };
        let slug = crate::text::slugify(src.stem());
        match parse_front::<post::PageFront>(src, true) {
            Ok((front, body)) => {
                if front.draft && !options.drafts {
                    continue;
                }
                if slug.is_empty()
                    || routes::RESERVED.contains(&slug.as_str())
                    || slug.bytes().all(|b| b.is_ascii_digit())
                {
                    errors.push(
                        Diagnostic::file(&src.display, msg!("page-address-reserved", slug = &slug))
                            .with_help(msg!("page-address-reserved-help")),
                    );
                    continue;
                }
                if slug.len() > MAX_SLUG_BYTES {
                    errors.push(
                        Diagnostic::file(
                            &src.display,
                            msg!(
                                "page-address-too-long",
                                chars = slug.len(),
                                address = limits::quoted(&slug),
                                max = MAX_SLUG_BYTES
                            ),
                        )
                        .with_help(msg!("page-address-too-long-help")),
                    );
                    unreadable.push((rel.clone(), routes::page(&slug)));
                    continue;
                }
                let title = front.title.chars().count();
                if title > MAX_TITLE_CHARS {
                    errors.push(post::title_too_long(src, title, "`description:`"));
                }
                pages.push(ParsedPage {
                    front,
                    slug,
                    rel: rel.clone(),
                    body,
                });
            }
            Err(d) => {
                errors.push(d);
                unreadable.push((rel.clone(), routes::page(&slug)));
            }
        }
    }
    pages
}

fn parse_editions(
    source: &Path,
    layout: &Layout,
    files: &Files,
    errors: &mut Vec<Diagnostic>,
) -> Vec<(i16, EditionFile, String)> {
    let mut editions = Vec::new();
    for (&year, y) in &layout.years {
        let Some(rel) = &y.yaml else {
            errors.push(
                Diagnostic::file(
                    &source.join(format!("{year}")),
                    msg!("edition-yaml-missing", year = year),
                )
                .with_help(msg!("edition-yaml-missing-help", year = year)),
            );
            continue;
        };
        let Some(src) = files.get(rel) else { continue };
        match parse_edition(src) {
            Ok(raw) => editions.push((year, raw, rel.clone())),
            Err(d) => errors.push(d),
        }
    }
    editions
}
