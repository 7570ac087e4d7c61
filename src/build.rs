//! One build, end to end: load the content, load the theme, render every
//! page in parallel, write the output atomically.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use rayon::prelude::*;

use crate::content::model::Site;
use crate::content::{self, LoadOptions};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::{self, Source, Tree};
use crate::site::{Assembly, Index, Job, RenderError};
use crate::templates::{self, Theme, ThemeFile};

/// What to build, and where.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub source: PathBuf,
    pub output: PathBuf,
    /// Where themes live; default: `themes/` beside the content folder.
    pub themes: Option<PathBuf>,
    pub load: LoadOptions,
}

/// Figures for the closing line of a build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BuildReport {
    pub pages: usize,
    /// Pages rendered by this build (the others were kept from the previous one).
    pub rendered: usize,
    pub posts: usize,
    pub editions: usize,
    pub files: usize,
    pub millis: u128,
}

impl std::fmt::Display for BuildReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        write!(
            f,
            "Built {} ({}, {}) and {} in {} ms",
            plural(self.pages, "page", "pages"),
            plural(self.posts, "post", "posts"),
            plural(self.editions, "edition", "editions"),
            plural(self.files, "file", "files"),
            self.millis
        )
    }
}

/// Why a build failed.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// Problems in the content or theme: the user can fix them.
    #[error("{0}")]
    Content(Diagnostics),
    /// The output folder cannot or may not be written.
    #[error(transparent)]
    Output(#[from] output::OutputError),
}

/// The themes folder used for a content folder.
pub fn themes_dir(options: &BuildOptions) -> PathBuf {
    options.themes.clone().unwrap_or_else(|| {
        let parent = options.source.parent().unwrap_or(Path::new(""));
        if parent.as_os_str().is_empty() {
            PathBuf::from("themes")
        } else {
            parent.join("themes")
        }
    })
}

/// Renders the site in memory: every output file, or every problem found.
pub fn render(options: &BuildOptions) -> Result<(Arc<Tree>, BuildReport), BuildError> {
    Session::new(options.clone()).rebuild(&[])
}

/// Renders a site already loaded (by [`content::load`]) with its theme, in memory.
pub fn render_loaded(
    options: &BuildOptions,
    site: &Site,
) -> Result<(Arc<Tree>, BuildReport), BuildError> {
    let started = Instant::now();
    let theme =
        templates::load(&themes_dir(options), &site.config.theme).map_err(BuildError::Content)?;
    Session::new(options.clone()).render_site(site, &theme, started)
}

/// Builds that share work: content files are read and rendered again only
/// when they change, the compiled theme is kept until a theme file or the
/// theme's name changes, and a page is rendered again only when something
/// it shows changed (see [`Assembly::fingerprint`]).
pub struct Session {
    options: BuildOptions,
    cache: content::Cache,
    theme: Option<(String, Theme)>,
    /// Bumped whenever the theme is compiled again.
    theme_generation: u64,
    /// The pages of the last good build, by output file.
    pages: HashMap<Arc<str>, Page>,
    /// The static files (theme and content) of the last good build.
    statics: Option<Tree>,
    /// The output of the last good build.
    tree: Option<Arc<Tree>>,
    /// The post order and tags of the last build, and its pages with their
    /// file names: kept while no post moves (see [`Index`]).
    index: Option<(Index, Pages)>,
    /// `base_url` of the last good build.
    base_url: String,
    /// The site of the last load that succeeded, for quick reloads.
    site: Option<Site>,
}

impl Session {
    pub fn new(options: BuildOptions) -> Self {
        Session {
            options,
            cache: content::Cache::default(),
            theme: None,
            theme_generation: 0,
            pages: HashMap::new(),
            statics: None,
            tree: None,
            index: None,
            base_url: String::new(),
            site: None,
        }
    }

    /// `base_url` of the last good build.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    pub fn options(&self) -> &BuildOptions {
        &self.options
    }

    /// The warnings of the last load that succeeded (images without
    /// alternative text, text that was not NFC).
    pub fn warnings(&self) -> &[Diagnostic] {
        self.site.as_ref().map_or(&[], |s| &s.warnings)
    }

    /// Renders the site after `changed` paths changed. When they are all
    /// posts that keep their address and tags, only those are loaded again
    /// ([`content::reload_posts`]); otherwise, and when `changed` is empty
    /// (unknown: the first build, or a caller that does not know), the whole
    /// folder is checked for changes.
    pub fn rebuild(&mut self, changed: &[PathBuf]) -> Result<(Arc<Tree>, BuildReport), BuildError> {
        let started = Instant::now();
        let mut phases = crate::timing::Phases::start();
        let themes = themes_dir(&self.options);
        let abs_themes = themes.canonicalize().unwrap_or_else(|_| themes.clone());
        let in_themes = |p: &PathBuf| p.starts_with(&themes) || p.starts_with(&abs_themes);
        let theme_changed = changed.iter().any(in_themes);
        let content_changed: Vec<PathBuf> =
            changed.iter().filter(|p| !in_themes(p)).cloned().collect();
        let quick = self.site.take().and_then(|mut site| {
            // Only theme files changed: the content is as it was.
            if !changed.is_empty() && content_changed.is_empty() {
                return Some((site, true));
            }
            let reloaded = content::reload_posts(
                &self.options.source,
                &self.options.load,
                &mut self.cache,
                &mut site,
                &content_changed,
            )?;
            Some((site, reloaded.order_kept))
        });
        phases.end("reload");
        let (site, order_kept) = match quick {
            Some(quick) => quick,
            None => (
                content::load_cached(&self.options.source, &self.options.load, &mut self.cache)
                    .map_err(BuildError::Content)?,
                false,
            ),
        };
        if !order_kept {
            self.index = None;
        }
        let theme = match self.theme.take() {
            Some((name, theme)) if name == site.config.theme && !theme_changed => theme,
            _ => {
                self.theme_generation += 1;
                templates::load(&themes, &site.config.theme).map_err(BuildError::Content)?
            }
        };
        let result = self.render_site(&site, &theme, started);
        if result.is_ok() {
            self.base_url = site.config.base_url.clone();
        }
        self.theme = Some((site.config.theme.clone(), theme));
        self.site = Some(site);
        result
    }

    fn render_site(
        &mut self,
        site: &Site,
        theme: &Theme,
        started: Instant,
    ) -> Result<(Arc<Tree>, BuildReport), BuildError> {
        let mut phases = crate::timing::Phases::start();
        let today = crate::dates::today();
        let (assembly, jobs) = match self.index.take() {
            Some((index, jobs)) => (Assembly::with_index(site, today, index), jobs),
            None => {
                let assembly = Assembly::new(site, today);
                let jobs: Vec<_> = assembly
                    .jobs()
                    .into_par_iter()
                    .map(|j| (j, Arc::from(assembly.file(j))))
                    .collect();
                (assembly, Arc::new(jobs))
            }
        };
        phases.end("assemble");
        let generation = self.theme_generation;
        let previous = &self.pages;
        // Each page is kept from the previous build when its fingerprint
        // and the theme are unchanged, else rendered again.
        let rendered: Vec<_> = jobs
            .par_iter()
            .filter_map(|(job, file)| {
                let fingerprint = assembly.fingerprint(*job);
                match previous.get(file) {
                    Some(page)
                        if page.fingerprint == fingerprint && page.generation == generation =>
                    {
                        None
                    }
                    _ => Some((file.clone(), fingerprint, *job)),
                }
            })
            .map(|(file, fingerprint, job)| {
                let source = assembly
                    .render(theme, job)
                    .map(|page| Source::Bytes(Arc::from(page.bytes)));
                (file, fingerprint, source, job)
            })
            .collect::<Vec<_>>();
        let mut problems = Problems::default();
        let mut fresh = Vec::with_capacity(rendered.len());
        for (file, fingerprint, source, job) in rendered {
            match source {
                Ok(source) => fresh.push((
                    file,
                    Page {
                        fingerprint,
                        generation,
                        source,
                    },
                    job,
                )),
                Err(e) => problems.add(&file, &e),
            }
        }
        if problems.has_errors() {
            return Err(BuildError::Content(problems.into_diagnostics()));
        }
        phases.end("render");
        // The new tree is the last one with the changes applied: a copy of
        // the last one shares every name and page (a reference count each).
        let mut tree: Tree = self.tree.as_deref().cloned().unwrap_or_default();
        let mut rendered_count = 0;
        for (file, page, job) in fresh {
            if !matches!(job, Job::Feed(_) | Job::Sitemap | Job::Robots) {
                rendered_count += 1;
            }
            tree.insert(file.clone(), page.source.clone());
            self.pages.insert(file, page);
        }
        // Pages that are no longer part of the site.
        if self.pages.len() != jobs.len() {
            let current: std::collections::HashSet<&str> =
                jobs.iter().map(|(_, file)| &**file).collect();
            self.pages.retain(|file, _| current.contains(&**file));
            tree.retain(|file, _| current.contains(&**file));
        }
        // Static files: few, so simply replaced.
        if let Some(statics) = self.statics.take() {
            for file in statics.keys().filter(|f| !self.pages.contains_key(*f)) {
                tree.remove(file);
            }
        }
        let statics = static_files(site, theme);
        for (file, source) in &statics {
            if !self.pages.contains_key(file) {
                tree.insert(file.clone(), source.clone());
            }
        }
        self.statics = Some(statics);
        let tree = Arc::new(tree);
        self.tree = Some(tree.clone());
        phases.end("tree");
        let pages = jobs
            .iter()
            .filter(|(j, _)| !matches!(j, Job::Feed(_) | Job::Sitemap | Job::Robots))
            .count();
        self.index = Some((assembly.into_index(), jobs));
        let report = BuildReport {
            pages,
            rendered: rendered_count,
            posts: site.post_count(),
            editions: site.editions.len(),
            files: tree.len(),
            millis: started.elapsed().as_millis(),
        };
        Ok((tree, report))
    }
}

/// Every page of a site with the file it is written to.
type Pages = Arc<Vec<(Job, Arc<str>)>>;

/// A page of the last good build, kept for the next one.
#[derive(Clone)]
struct Page {
    /// See [`Assembly::fingerprint`].
    fingerprint: u64,
    /// The theme it was rendered with.
    generation: u64,
    source: Source,
}

/// The files published as they are: the theme's static files, overridden
/// by the content's (`static/`, attachments).
fn static_files(site: &Site, theme: &Theme) -> Tree {
    let mut tree = Tree::new();
    for (path, file) in &theme.static_files {
        let source = match file {
            ThemeFile::Embedded(bytes) => Source::Static(bytes),
            ThemeFile::Disk(p) => Source::Copy(p.clone()),
        };
        tree.insert(Arc::from(path.as_str()), source);
    }
    for asset in &site.assets {
        tree.insert(
            Arc::from(asset.output.as_str()),
            Source::Copy(asset.source.clone()),
        );
    }
    tree
}

/// A page that could not be rendered, as problems to report.
fn render_error(file: &str, e: &RenderError) -> Vec<Diagnostic> {
    match e {
        RenderError::Theme(e) => vec![
            Diagnostic::file(
                Path::new(file),
                format!(
                    "the theme failed to render this page: {}",
                    templates::error_chain(e)
                ),
            )
            .with_help("fix the template named above; the content is fine"),
        ],
        RenderError::Content(problems) => problems.clone(),
    }
}

/// Collects the problems of pages rendered in parallel: every content
/// problem, but only the first few theme failures (a broken template
/// fails on every page that uses it).
#[derive(Default)]
struct Problems {
    found: Vec<Diagnostic>,
    theme_failures: usize,
}

impl Problems {
    fn add(&mut self, file: &str, e: &RenderError) {
        if matches!(e, RenderError::Theme(_)) {
            if self.theme_failures >= 5 {
                return;
            }
            self.theme_failures += 1;
        }
        self.found.extend(render_error(file, e));
    }

    fn has_errors(&self) -> bool {
        self.found.iter().any(Diagnostic::is_error)
    }

    fn into_diagnostics(self) -> Diagnostics {
        let mut d = Diagnostics(self.found);
        d.sort();
        d
    }
}

/// Builds the site into the output folder.
pub fn build(options: &BuildOptions) -> Result<BuildReport, BuildError> {
    let started = Instant::now();
    // Refuse a foreign output folder before doing any work.
    output::check_target(&options.output, &options.source)?;
    // Post bodies are rendered with their pages, never all held at once.
    let deferred = LoadOptions {
        defer_bodies: true,
        ..options.load.clone()
    };
    let site = match content::load(&options.source, &deferred) {
        Ok(site) => site,
        // Load again the usual way to report every problem of the site,
        // those in post bodies included, in one run.
        Err(_) => {
            return Err(BuildError::Content(
                content::load(&options.source, &options.load)
                    .err()
                    .unwrap_or_default(),
            ));
        }
    };
    // Warnings do not stop the build, but are shown (as `campaign check` does).
    for warning in &site.warnings {
        eprintln!("{warning}");
    }
    let theme =
        templates::load(&themes_dir(options), &site.config.theme).map_err(BuildError::Content)?;
    let mut phases = crate::timing::Phases::start();
    let assembly = Assembly::new(&site, crate::dates::today());
    let jobs: Vec<(Job, String)> = assembly
        .jobs()
        .into_iter()
        .map(|j| (j, assembly.file(j)))
        .collect();
    let mut copies = static_files(&site, &theme);
    for (_, file) in &jobs {
        copies.remove(file.as_str());
    }
    // Pages are written as soon as they are rendered, from every thread:
    // the whole site is never held in memory.
    let staging = output::Staging::create(&options.output, &options.source)?;
    staging.make_folders(
        jobs.iter()
            .map(|(_, f)| f.as_str())
            .chain(copies.keys().map(|k| &**k)),
    )?;
    phases.end("assemble");
    let problems = std::sync::Mutex::new(Problems::default());
    jobs.par_iter().try_for_each(|(job, file)| {
        let lock = || problems.lock().unwrap_or_else(|e| e.into_inner());
        match assembly.render(&theme, *job) {
            Ok(page) => {
                if !page.warnings.is_empty() {
                    lock().found.extend(page.warnings);
                }
                staging.write_bytes(file, &page.bytes)
            }
            Err(e) => {
                lock().add(file, &e);
                Ok(())
            }
        }
    })?;
    phases.end("render+write");
    let problems = problems.into_inner().unwrap_or_else(|e| e.into_inner());
    if problems.has_errors() {
        // Dropping the staging folder removes it; the output is untouched.
        return Err(BuildError::Content(problems.into_diagnostics()));
    }
    for warning in problems.into_diagnostics().0 {
        eprintln!("{warning}");
    }
    copies
        .par_iter()
        .try_for_each(|(rel, source)| staging.write(rel, source))?;
    staging.commit()?;
    phases.end("copy+commit");
    let pages = jobs
        .iter()
        .filter(|(j, _)| !matches!(j, Job::Feed(_) | Job::Sitemap | Job::Robots))
        .count();
    let report = BuildReport {
        pages,
        rendered: pages,
        posts: site.post_count(),
        editions: site.editions.len(),
        files: jobs.len() + copies.len(),
        millis: started.elapsed().as_millis(),
    };
    // Freeing a large site's index and template values one by one takes
    // longer than anything but rendering (half a second at 50,000 posts):
    // it is left to a thread of its own, which a command that exits now
    // does not wait for.
    let leftovers = (assembly.into_parts(), jobs, copies, site);
    std::thread::spawn(move || drop(leftovers));
    Ok(report)
}
