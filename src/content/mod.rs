//! Loading the content folder into the checked [`model::Site`].
//!
//! Three steps, each over every file so that all problems of the site are
//! found in one run: discover the files and classify them by the content
//! layout; read and parse them (in parallel); then, once every published
//! URL is known, resolve links, render Markdown and check the values.

pub(crate) mod edition;
pub mod frontmatter;
pub mod model;
pub(crate) mod post;
mod reload;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Diagnostics, line_column};
use crate::markdown::Links;
use crate::text::{decode_owned, nfc, slugify};
use crate::urls;
use model::{Asset, Edition, Html, Site};
pub use reload::{Reloaded, reload_posts};

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
}

/// A decoded content file.
#[derive(Debug)]
pub struct SourceFile {
    /// Path relative to the content folder, `/`-separated, NFC.
    pub rel: String,
    /// Its content-relative directory (`2024/news`), for resolving links.
    pub dir: String,
    /// The path shown to the user (`content/2024/news/a.md`).
    pub display: PathBuf,
    pub text: String,
    /// A warning about the file as read (its text was not NFC).
    pub warning: Option<Diagnostic>,
}

impl SourceFile {
    /// A problem at the first place `needle` is written in the file, or at
    /// the file as a whole when it cannot be found.
    pub fn at_text(&self, needle: &str, message: impl Into<String>) -> Diagnostic {
        match self.text.find(needle).filter(|_| !needle.is_empty()) {
            Some(offset) => Diagnostic::at_offset(&self.display, &self.text, offset, message),
            None => Diagnostic::file(&self.display, message),
        }
    }

    fn stem(&self) -> &str {
        let name = self.rel.rsplit('/').next().unwrap_or(&self.rel);
        name.strip_suffix(".md").unwrap_or(name)
    }
}

/// What the conversion step needs from the whole site.
pub struct Loader {
    pub config: SiteConfig,
    /// Shared with the post bodies left to be rendered with their pages.
    pub links: Arc<Links>,
}

/// The files of one edition folder.
#[derive(Debug, Default)]
struct YearFiles {
    yaml: Option<String>,
    intro: Option<String>,
    posts: Vec<String>,
}

/// The content layout, as found on disk.
#[derive(Debug, Default)]
struct Layout {
    config: Option<String>,
    home: Option<String>,
    pages: Vec<String>,
    years: BTreeMap<i16, YearFiles>,
    assets: Vec<Asset>,
    /// Content-relative NFC path → the file's path on disk, whose name may
    /// be in another normalisation form (NFD from macOS or a web download).
    paths: HashMap<String, PathBuf>,
}

/// What a rebuild reuses from the previous load: files whose size and
/// modification time are unchanged are not read again, posts whose text
/// and whose possible link targets are unchanged are not parsed and
/// rendered again.
#[derive(Default)]
pub struct Cache {
    files: HashMap<String, CachedFile>,
    links: u64,
    /// The settings and link table of the last load, when it succeeded.
    loader: Option<Arc<Loader>>,
}

struct CachedFile {
    stamp: Stamp,
    src: Arc<SourceFile>,
    post: Option<CachedPost>,
}

#[derive(Clone)]
struct CachedPost {
    parsed: Result<Arc<ParsedPost>, Diagnostic>,
    /// The converted post, with what its conversion depended on.
    converted: Option<Converted>,
}

/// A post as converted, kept for the next load.
#[derive(Clone)]
struct Converted {
    /// The fingerprint of the link table it was converted with.
    links: u64,
    post: Arc<model::Post>,
    diagnostics: Vec<Diagnostic>,
    /// The link targets it looked up: when the link table changed (a post
    /// added elsewhere), it is still valid if each leads where it did.
    lookups: Arc<Vec<crate::markdown::Lookup>>,
}

impl Converted {
    fn still_valid(&self, links_hash: u64, links: &Links, dir: &str) -> bool {
        self.links == links_hash
            || self
                .lookups
                .iter()
                .all(|(target, was)| links.resolve(dir, target) == *was)
    }
}

pub(crate) type Stamp = (Option<std::time::SystemTime>, u64);

pub(crate) fn stamp(path: &Path) -> Option<Stamp> {
    let m = std::fs::metadata(path).ok()?;
    Some((m.modified().ok(), m.len()))
}

/// Loads and checks the site in `source`.
pub fn load(source: &Path, options: &LoadOptions) -> Result<Site, Diagnostics> {
    load_cached(source, options, &mut Cache::default())
}

/// Loads and checks the site in `source`, reusing what `cache` holds from
/// the previous load and leaving in it what this one found.
pub fn load_cached(
    source: &Path,
    options: &LoadOptions,
    cache: &mut Cache,
) -> Result<Site, Diagnostics> {
    let mut errors = Vec::new();
    cache.loader = None;
    let mut phases = crate::timing::Phases::start();
    let layout = discover(source, &mut errors);
    phases.end("discover");
    let Some(config_rel) = layout.config.clone() else {
        errors.push(
            Diagnostic::file(&source.join("site.yaml"), "there is no site.yaml in this folder")
                .with_help("run the command in the folder that holds content/, or name the content folder with --source"),
        );
        return Err(finish(errors));
    };

    // Read every text file in parallel.
    let mut wanted: Vec<&String> = vec![&config_rel];
    wanted.extend(layout.home.iter());
    wanted.extend(layout.pages.iter());
    for y in layout.years.values() {
        wanted.extend(y.yaml.iter().chain(y.intro.iter()));
        // Posts whose bodies are left for later are read with their front
        // matter below, and their text is not kept.
        if !options.defer_bodies {
            wanted.extend(y.posts.iter());
        }
    }
    type Read = (Option<Stamp>, Result<Arc<SourceFile>, Diagnostic>);
    let read: Vec<Read> = wanted
        .par_iter()
        .map(|rel| {
            let real = &layout.paths[*rel];
            let now = stamp(real);
            match cache.files.get(*rel) {
                Some(c) if now.is_some() && Some(c.stamp) == now => (now, Ok(c.src.clone())),
                _ => (now, read_source(source, rel, real).map(Arc::new)),
            }
        })
        .collect();
    let mut files: HashMap<String, Arc<SourceFile>> = HashMap::new();
    let mut stamps: HashMap<String, Stamp> = HashMap::new();
    for (st, r) in read {
        match r {
            Ok(f) => {
                if let Some(st) = st {
                    stamps.insert(f.rel.clone(), st);
                }
                errors.extend(f.warning.clone());
                files.insert(f.rel.clone(), f);
            }
            Err(d) => errors.push(d),
        }
    }
    // Parse posts again only when their text changed.
    let cached_post = |src: &Arc<SourceFile>| -> Option<CachedPost> {
        let c = cache.files.get(&src.rel)?;
        if Arc::ptr_eq(&c.src, src) {
            c.post.clone()
        } else {
            None
        }
    };

    let Some(config_src) = files.get(&config_rel) else {
        return Err(finish(errors));
    };
    let mut config = match SiteConfig::parse(&config_src.display, &config_src.text) {
        Ok(c) => c,
        Err(ds) => {
            errors.extend(ds);
            return Err(finish(errors));
        }
    };
    if let Some(url) = &options.base_url
        && config.set_base_url(url).is_none()
    {
        errors.push(Diagnostic::file(
            Path::new("--base-url"),
            format!("`{url}` is not an absolute web address (https://...)"),
        ));
    }

    phases.end("read");
    // Parse front matter and YAML.
    let mut post_cache: HashMap<String, CachedPost> = HashMap::new();
    let parsed_posts: Vec<(i16, Vec<Arc<ParsedPost>>)> = layout
        .years
        .iter()
        .map(|(&year, y)| {
            if options.defer_bodies {
                let posts: Vec<Result<ParsedPost, Vec<Diagnostic>>> = y
                    .posts
                    .par_iter()
                    .map(|rel| read_front_only(source, rel, &layout.paths[rel], year))
                    .collect();
                let mut ok = Vec::new();
                for p in posts {
                    match p {
                        Ok(pp) => {
                            if let Some(d) = &pp.deferred {
                                errors.extend(d.diagnostics.iter().cloned());
                            }
                            if !pp.front.draft || options.drafts {
                                ok.push(Arc::new(pp));
                            }
                        }
                        Err(ds) => errors.extend(ds),
                    }
                }
                return (year, ok);
            }
            let posts: Vec<(String, CachedPost)> = y
                .posts
                .par_iter()
                .filter_map(|rel| files.get(rel))
                .map(|src| {
                    let post = cached_post(src).unwrap_or_else(|| CachedPost {
                        parsed: parse_post(src).map(Arc::new),
                        converted: None,
                    });
                    (src.rel.clone(), post)
                })
                .collect();
            let mut ok = Vec::new();
            for (rel, p) in posts {
                match &p.parsed {
                    Ok(pp) if pp.front.draft && !options.drafts => {}
                    Ok(pp) => ok.push(pp.clone()),
                    Err(d) => errors.push(d.clone()),
                }
                post_cache.insert(rel, p);
            }
            (year, ok)
        })
        .collect();
    let mut posts_by_year: BTreeMap<i16, Vec<Arc<ParsedPost>>> = BTreeMap::new();
    for (year, mut posts) in parsed_posts {
        posts.sort_by(|a, b| a.slug.cmp(&b.slug).then_with(|| a.rel.cmp(&b.rel)));
        for pair in posts.windows(2) {
            if pair[0].slug == pair[1].slug {
                let (a, b) = (source.join(&pair[0].rel), source.join(&pair[1].rel));
                errors.push(
                    Diagnostic::file(
                        &b,
                        format!(
                            "two posts of {year} have the address {}: {} and {}",
                            urls::post(year, &pair[0].slug),
                            a.display(),
                            b.display()
                        ),
                    )
                    .with_help("give one of them another file name, or a different `slug:` in its front matter"),
                );
            }
        }
        posts_by_year.insert(year, posts);
    }

    // Files whose front matter is broken: links to them are not reported
    // as leading nowhere, only the broken file is.
    let mut unreadable: Vec<(String, String)> = post_cache
        .iter()
        .filter(|(_, c)| c.parsed.is_err())
        .filter_map(|(rel, _)| {
            let year = parse_year(rel.split('/').next()?)?;
            Some((
                rel.clone(),
                urls::post(year, &slugify(files.get(rel)?.stem())),
            ))
        })
        .collect();
    let mut parsed_pages = Vec::new();
    for rel in &layout.pages {
        let Some(src) = files.get(rel) else { continue };
        match parse_front::<post::PageFront>(src) {
            Ok((front, body)) => {
                let slug = slugify(src.stem());
                if front.draft && !options.drafts {
                    continue;
                }
                if slug.is_empty()
                    || urls::RESERVED.contains(&slug.as_str())
                    || slug.bytes().all(|b| b.is_ascii_digit())
                {
                    errors.push(
                        Diagnostic::file(&src.display, format!("a page cannot be published at /{slug}/: that address is taken by the site"))
                            .with_help("rename the file (its name gives the page's address)"),
                    );
                    continue;
                }
                parsed_pages.push((front, slug, rel.clone(), body));
            }
            Err(d) => {
                errors.push(d);
                unreadable.push((rel.clone(), urls::page(&slugify(src.stem()))));
            }
        }
    }

    let mut parsed_editions = Vec::new();
    for (&year, y) in &layout.years {
        let Some(rel) = &y.yaml else {
            errors.push(
                Diagnostic::file(
                    &source.join(format!("{year}")),
                    format!("the folder {year} has no edition.yaml"),
                )
                .with_help(format!(
                    "create {year}/edition.yaml with at least the year's `theme:`"
                )),
            );
            continue;
        };
        let Some(src) = files.get(rel) else { continue };
        match crate::yaml::parse::<edition::EditionFile>(&src.display, &src.text, 0, src.text.len())
        {
            Ok(raw) => parsed_editions.push((year, raw, rel.clone())),
            Err(d) => errors.push(d),
        }
    }
    if let Some(current) = config.current
        && !layout.years.contains_key(&current)
    {
        let (line, column) = crate::config::key_position(&config_src.text, "current");
        errors.push(
            Diagnostic::at(
                &config_src.display,
                &config_src.text,
                line,
                column,
                format!("`current: {current}` names a year with no edition folder"),
            )
            .with_help(format!(
                "create the folder {current}/ with its edition.yaml, or remove `current:`"
            )),
        );
    }

    phases.end("parse");
    // Every published URL, for links.
    let mut links = build_links(&layout, &posts_by_year, &parsed_pages, &config);
    for (rel, url) in unreadable {
        links.sources.entry(rel).or_insert(url);
    }
    let links_hash = links.fingerprint();
    let loader = Loader {
        config,
        links: Arc::new(links),
    };

    phases.end("links");
    // Convert: render Markdown, check values.
    let home_intro = layout
        .home
        .as_ref()
        .and_then(|rel| files.get(rel))
        .and_then(|src| intro(src, &loader, &mut errors));
    let pages = parsed_pages
        .into_iter()
        .map(|(front, slug, rel, body)| {
            post::convert_page(front, slug, &files[&rel], body, &loader, &mut errors)
        })
        .collect();
    let mut editions: Vec<Edition> = Vec::new();
    for (year, raw, rel) in parsed_editions {
        let mut e = edition::convert(raw, year, &files[&rel], &loader, &mut errors);
        let y = &layout.years[&year];
        e.intro = y
            .intro
            .as_ref()
            .and_then(|rel| files.get(rel))
            .and_then(|src| intro(src, &loader, &mut errors));
        let parsed = posts_by_year.remove(&year).unwrap_or_default();
        let converted: Vec<(String, Converted)> = parsed
            .into_par_iter()
            .map(|p| {
                if let Some(d) = &p.deferred {
                    let body = post::DeferredBody::new(
                        source,
                        &d.path,
                        &p.rel,
                        year,
                        &p.front,
                        d.stamp,
                        loader.links.clone(),
                    );
                    let post = d.meta.clone().with_body(model::Body::Deferred(body));
                    // Its problems were reported when it was read.
                    let done = Converted {
                        links: links_hash,
                        post: Arc::new(post),
                        diagnostics: Vec::new(),
                        lookups: Arc::default(),
                    };
                    return (p.rel.clone(), done);
                }
                let src = &files[&p.rel];
                if let Some(c) = post_cache.get(&p.rel).and_then(|c| c.converted.clone())
                    && c.still_valid(links_hash, &loader.links, &src.dir)
                {
                    return (p.rel.clone(), c);
                }
                let mut errs = Vec::new();
                let (post, lookups) = post::convert_post(
                    &p.front,
                    year,
                    p.slug.clone(),
                    src,
                    p.body,
                    &loader,
                    &mut errs,
                );
                let done = Converted {
                    links: links_hash,
                    post: Arc::new(post),
                    diagnostics: errs,
                    lookups: Arc::new(lookups),
                };
                (p.rel.clone(), done)
            })
            .collect();
        for (rel, mut c) in converted {
            errors.extend(c.diagnostics.iter().cloned());
            let post = c.post.clone();
            if let Some(cached) = post_cache.get_mut(&rel) {
                c.links = links_hash;
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
    for (year, parsed) in std::mem::take(&mut posts_by_year) {
        if let Some(src) = layout.years[&year]
            .intro
            .as_ref()
            .and_then(|rel| files.get(rel))
        {
            intro(src, &loader, &mut errors);
        }
        for p in parsed {
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
                &loader,
                &mut errors,
            );
        }
    }

    phases.end("convert");
    // Keep what the next load may reuse.
    cache.links = links_hash;
    cache.files = files
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
        home_intro,
        pages,
        editions,
        assets: layout.assets,
        warnings: finish(errors).0,
    };
    cache.loader = Some(Arc::new(loader));
    Ok(site)
}

fn finish(errors: Vec<Diagnostic>) -> Diagnostics {
    let mut d = Diagnostics(errors);
    d.sort();
    d
}

#[derive(Clone)]
struct ParsedPost {
    rel: String,
    front: post::PostFront,
    slug: String,
    body: usize,
    /// For a post whose body is left for later: what was found while its
    /// text was at hand.
    deferred: Option<Deferred>,
}

#[derive(Clone)]
struct Deferred {
    meta: post::PostMeta,
    /// The file on disk, and its modification time and size when read.
    path: PathBuf,
    stamp: Stamp,
    /// Problems found in the post (its body aside).
    diagnostics: Vec<Diagnostic>,
}

/// Reads a post for a load that leaves bodies for later: parses its front
/// matter and checks everything but its body while the text is at hand,
/// then lets the text go.
fn read_front_only(
    source: &Path,
    rel: &str,
    real: &Path,
    year: i16,
) -> Result<ParsedPost, Vec<Diagnostic>> {
    let unreadable = || vec![Diagnostic::file(&source.join(rel), "cannot be read")];
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

/// Parses `text` as the news post `rel` (`2024/news/a.md`) without reading
/// the disk: decoding checks aside, what the loader does to a post before it
/// knows the rest of the site (front matter split, YAML, slug). Returns the
/// post's slug. For the fuzz target and the property tests.
pub fn parse_post_text(rel: &str, text: &str) -> Result<String, Diagnostic> {
    let src = source_text(rel, text);
    parse_post(&src).map(|p| p.slug)
}

/// Parses `text` as an `edition.yaml`, without reading the disk. For the
/// fuzz target and the property tests.
pub fn parse_edition_text(rel: &str, text: &str) -> Result<(), Diagnostic> {
    let src = source_text(rel, text);
    crate::yaml::parse::<edition::EditionFile>(&src.display, &src.text, 0, src.text.len())
        .map(|_| ())
}

fn source_text(rel: &str, text: &str) -> SourceFile {
    // A `&str` is valid UTF-8: decoding only drops a BOM, CRs and normalises.
    let text = crate::text::decode_source(text.as_bytes()).unwrap_or_default();
    SourceFile {
        rel: rel.to_owned(),
        dir: rel.rsplit_once('/').map_or("", |(d, _)| d).to_owned(),
        display: PathBuf::from(rel),
        text,
        warning: None,
    }
}

fn parse_post(src: &SourceFile) -> Result<ParsedPost, Diagnostic> {
    let (front, body) = parse_front::<post::PostFront>(src)?;
    let slug = post::post_slug(&front, src.stem());
    if slug.is_empty() {
        return Err(Diagnostic::file(
            &src.display,
            "this post's address would be empty: its file name has no letters or digits",
        )
        .with_help(
            "rename the file, e.g. ke-hoach-45.md, or add `slug: ke-hoach-45` to its front matter",
        ));
    }
    Ok(ParsedPost {
        rel: src.rel.clone(),
        front,
        slug,
        body,
        deferred: None,
    })
}

/// Parses a Markdown file's front matter into `T` (a missing front matter is
/// parsed as empty). Returns it with the byte offset of the body.
fn parse_front<T: serde::de::DeserializeOwned>(src: &SourceFile) -> Result<(T, usize), Diagnostic> {
    let split = frontmatter::split(&src.text).map_err(|_| {
        Diagnostic::at(
            &src.display,
            &src.text,
            1,
            1,
            "the front matter starts with `---` but never ends",
        )
        .with_help("add a line with only `---` after the last key (title, date, ...)")
    })?;
    let front = crate::yaml::parse(&src.display, &src.text, split.yaml.start, split.yaml.end)?;
    Ok((front, split.body))
}

fn intro(src: &SourceFile, loader: &Loader, errors: &mut Vec<Diagnostic>) -> Option<Html> {
    match parse_front::<post::NoFront>(src) {
        Ok((_, body)) if src.text[body..].trim().is_empty() => None,
        Ok((_, body)) => Some(post::render_body(src, body, loader, errors)),
        Err(d) => {
            errors.push(d);
            None
        }
    }
}

fn read_source(source: &Path, rel: &str, real: &Path) -> Result<SourceFile, Diagnostic> {
    let display = source.join(rel);
    let bytes = std::fs::read(real)
        .map_err(|e| Diagnostic::file(&display, format!("cannot be read: {e}")))?;
    let (text, not_nfc) = decode_owned(bytes).map_err(|(offset, bytes)| {
        let valid = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
        let (line, column) = line_column(valid, offset);
        let mut d = Diagnostic::file(
            &display,
            format!("is not UTF-8 text (first bad byte at line {line}, column {column})"),
        );
        d.line = line;
        d.column = column;
        d.with_help("save the file as UTF-8 in your editor (\"Save with encoding: UTF-8\")")
    })?;
    let dir = rel.rsplit_once('/').map_or("", |(d, _)| d).to_owned();
    // Where the text was not NFC before decoding normalised it (once per file).
    let warning = not_nfc.map(|offset| {
        let (line, column) = line_column(&text, offset);
        Diagnostic::at(&display, &text, line, column, "this file has Vietnamese letters in decomposed form (not NFC); they were normalised for the site")
            .with_help("save the file again as NFC (precomposed) text, e.g. retype the accented letters or use your editor's \"Normalize to NFC\"; text pasted from Word or PDFs is often decomposed")
            .warning()
    });
    Ok(SourceFile {
        rel: rel.to_owned(),
        dir,
        display,
        text,
        warning,
    })
}

/// Editor droppings and hidden files are not content.
fn is_ignored(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || [".swp", ".swx", ".tmp", ".bak", ".crdownload"]
            .iter()
            .any(|s| name.ends_with(s))
        || name.eq_ignore_ascii_case("Thumbs.db")
        || name.eq_ignore_ascii_case("desktop.ini")
}

fn discover(source: &Path, errors: &mut Vec<Diagnostic>) -> Layout {
    let mut layout = Layout::default();
    if !source.is_dir() {
        errors.push(
            Diagnostic::file(source, "is not a folder")
                .with_help("name the content folder with --source (default: content)"),
        );
        return layout;
    }
    let root = source
        .canonicalize()
        .unwrap_or_else(|_| source.to_path_buf());
    let walker = WalkDir::new(source)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored(&e.file_name().to_string_lossy()));
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().unwrap_or(source).to_path_buf();
                errors.push(Diagnostic::file(&path, format!("cannot be read: {e}")));
                continue;
            }
        };
        let path = entry.path();
        let Ok(rel_path) = path.strip_prefix(source) else {
            continue;
        };
        let parts: Vec<String> = rel_path
            .components()
            .map(|c| nfc(c.as_os_str().to_string_lossy().into_owned()))
            .collect();
        if parts.is_empty() {
            continue;
        }
        let mut is_file = entry.file_type().is_file();
        if entry.path_is_symlink() {
            match path.canonicalize() {
                Ok(target) if target.starts_with(&root) => is_file = target.is_file(),
                _ => {
                    errors.push(
                        Diagnostic::file(path, "is a link to something outside the content folder; it is not published")
                            .with_help("copy the file into the content folder instead of linking to it"),
                    );
                    continue;
                }
            }
        }
        if !is_file {
            continue;
        }
        let rel = parts.join("/");
        if let Some(other) = layout.paths.insert(rel.clone(), path.to_path_buf()) {
            errors.push(
                Diagnostic::file(
                    path,
                    format!(
                        "has the same name as {} once its Vietnamese letters are normalised (NFC)",
                        other.display()
                    ),
                )
                .with_help("the two names differ only in how their accents are encoded: delete or rename one of the files"),
            );
            continue;
        }
        let p: Vec<&str> = parts.iter().map(String::as_str).collect();
        let year = p.first().and_then(|y| parse_year(y));
        match (p.as_slice(), year) {
            (["site.yaml"], _) => layout.config = Some(rel),
            (["index.md"], _) => layout.home = Some(rel),
            (["pages", name], _) if name.ends_with(".md") => layout.pages.push(rel),
            (["static", rest @ ..], _) => layout.assets.push(Asset {
                rel: rel.clone(),
                source: path.to_path_buf(),
                output: rest.join("/"),
            }),
            ([_, "edition.yaml"], Some(y)) => layout.years.entry(y).or_default().yaml = Some(rel),
            ([_, "index.md"], Some(y)) => layout.years.entry(y).or_default().intro = Some(rel),
            ([_, "news", name], Some(y)) if name.ends_with(".md") => layout.years.entry(y).or_default().posts.push(rel),
            ([_, "files", ..], Some(y)) => {
                layout.years.entry(y).or_default();
                layout.assets.push(Asset {
                    rel: rel.clone(),
                    source: path.to_path_buf(),
                    output: rel,
                });
            }
            _ if [".md", ".yaml", ".yml"].iter().any(|s| rel.ends_with(s)) => errors.push(
                Diagnostic::file(&source.join(&rel), "this file is not part of the content layout, so it would not be published")
                    .with_help(
                        "news posts go in <year>/news/, pages in pages/, each year's settings in <year>/edition.yaml (four-digit year folders)",
                    ),
            ),
            _ => {}
        }
    }
    layout
}

fn parse_year(name: &str) -> Option<i16> {
    if name.len() == 4 && name.bytes().all(|b| b.is_ascii_digit()) {
        name.parse().ok()
    } else {
        None
    }
}

fn build_links(
    layout: &Layout,
    posts: &BTreeMap<i16, Vec<Arc<ParsedPost>>>,
    pages: &[(post::PageFront, String, String, usize)],
    config: &SiteConfig,
) -> Links {
    let mut links = Links::default();
    fn add_to(links: &mut Links, source: String, url: String) {
        links.outputs.insert(url.clone());
        links.sources.insert(source, url);
    }
    add_to(&mut links, String::new(), String::new());
    if let Some(home) = &layout.home {
        add_to(&mut links, home.clone(), String::new());
    }
    for (_, slug, rel, _) in pages {
        add_to(&mut links, rel.clone(), urls::page(slug));
    }
    for asset in &layout.assets {
        add_to(&mut links, asset.rel.clone(), asset.output.clone());
    }
    let per_page = config.news_per_page.get();
    let mut total = 0;
    let mut tags: HashMap<String, usize> = HashMap::new();
    for (&year, y) in &layout.years {
        let edition = urls::edition(year);
        add_to(&mut links, format!("{year}"), edition.clone());
        if let Some(rel) = &y.yaml {
            add_to(&mut links, rel.clone(), edition.clone());
        }
        if let Some(rel) = &y.intro {
            add_to(&mut links, rel.clone(), edition.clone());
        }
        let news = format!("{edition}{}", urls::NEWS);
        add_to(&mut links, format!("{year}/news"), news.clone());
        add_to(
            &mut links,
            format!("{year}/files"),
            urls::edition_files(year),
        );
        let year_posts = posts.get(&year).map_or(&[][..], Vec::as_slice);
        for p in year_posts {
            add_to(&mut links, p.rel.clone(), urls::post(year, &p.slug));
            let mut slugs: Vec<String> = p.front.tags.iter().map(|t| slugify(t)).collect();
            slugs.sort();
            slugs.dedup();
            for slug in slugs {
                *tags.entry(slug).or_insert(0usize) += 1;
            }
        }
        for n in 2..=urls::page_count(year_posts.len(), per_page) {
            links.outputs.insert(urls::news_page(&news, n));
        }
        total += year_posts.len();
        links.outputs.insert(urls::banners(year));
        links.outputs.insert(urls::edition_feed(year));
    }
    for n in 1..=urls::page_count(total, per_page) {
        links.outputs.insert(urls::news_page(urls::NEWS, n));
    }
    for (slug, count) in tags {
        for n in 1..=urls::page_count(count, per_page) {
            links.outputs.insert(urls::news_page(&urls::tag(&slug), n));
        }
    }
    for fixed in [
        urls::TAGS,
        urls::ARCHIVE,
        urls::FEED,
        "sitemap.xml",
        "robots.txt",
        "404.html",
    ] {
        links.outputs.insert(fixed.to_owned());
    }
    links
}
