//! One build, end to end: load the content, load the theme, render every
//! page in parallel, write the output atomically.

use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

use crate::content::model::Site;
use crate::content::{self, LoadOptions};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::{self, Source, Tree};
use crate::site::{Assembly, Job};
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
    pub posts: usize,
    pub editions: usize,
    pub files: usize,
    pub millis: u128,
}

impl std::fmt::Display for BuildReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Built {} pages ({} posts, {} editions) and {} files in {} ms",
            self.pages, self.posts, self.editions, self.files, self.millis
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
pub fn render(options: &BuildOptions) -> Result<(Tree, BuildReport), BuildError> {
    Session::new(options.clone()).rebuild(&[])
}

/// Builds that share work: the compiled theme is kept between rebuilds
/// until a theme file or the theme's name changes.
pub struct Session {
    options: BuildOptions,
    theme: Option<(String, Theme)>,
}

impl Session {
    pub fn new(options: BuildOptions) -> Self {
        Session {
            options,
            theme: None,
        }
    }

    pub fn options(&self) -> &BuildOptions {
        &self.options
    }

    /// Renders the site after `changed` paths changed (empty: first build).
    pub fn rebuild(&mut self, changed: &[PathBuf]) -> Result<(Tree, BuildReport), BuildError> {
        let started = Instant::now();
        let site =
            content::load(&self.options.source, &self.options.load).map_err(BuildError::Content)?;
        let themes = themes_dir(&self.options);
        let abs_themes = themes.canonicalize().unwrap_or_else(|_| themes.clone());
        let theme_changed = changed
            .iter()
            .any(|p| p.starts_with(&themes) || p.starts_with(&abs_themes));
        let theme = match self.theme.take() {
            Some((name, theme)) if name == site.config.theme && !theme_changed => theme,
            _ => templates::load(&themes, &site.config.theme).map_err(BuildError::Content)?,
        };
        let result = render_site(&site, &theme, started);
        self.theme = Some((site.config.theme.clone(), theme));
        result
    }
}

fn render_site(
    site: &Site,
    theme: &Theme,
    started: Instant,
) -> Result<(Tree, BuildReport), BuildError> {
    let assembly = Assembly::new(site, crate::dates::today());
    let jobs = assembly.jobs();
    let rendered: Vec<(Job, Result<String, tera::Error>)> = jobs
        .par_iter()
        .map(|&job| (job, assembly.render(theme, job)))
        .collect();

    let mut tree = Tree::new();
    for (path, file) in &theme.static_files {
        let source = match file {
            ThemeFile::Embedded(bytes) => Source::Static(bytes),
            ThemeFile::Disk(p) => Source::Copy(p.clone()),
        };
        tree.insert(path.clone(), source);
    }
    for asset in &site.assets {
        tree.insert(asset.output.clone(), Source::Copy(asset.source.clone()));
    }
    let mut errors = Vec::new();
    for (job, result) in rendered {
        match result {
            Ok(html) => {
                tree.insert(assembly.file(job), Source::Bytes(html.into_bytes()));
            }
            Err(e) if errors.len() < 5 => errors.push(
                Diagnostic::file(
                    Path::new(&assembly.file(job)),
                    format!(
                        "the theme failed to render this page: {}",
                        templates::error_chain(&e)
                    ),
                )
                .with_help("fix the template named above; the content is fine"),
            ),
            Err(_) => {}
        }
    }
    if !errors.is_empty() {
        return Err(BuildError::Content(Diagnostics(errors)));
    }
    let pages = jobs
        .iter()
        .filter(|j| !matches!(j, Job::Feed(_) | Job::Sitemap | Job::Robots))
        .count();
    let report = BuildReport {
        pages,
        posts: site.post_count(),
        editions: site.editions.len(),
        files: tree.len(),
        millis: started.elapsed().as_millis(),
    };
    Ok((tree, report))
}

/// Builds the site into the output folder.
pub fn build(options: &BuildOptions) -> Result<BuildReport, BuildError> {
    let started = Instant::now();
    // Refuse a foreign output folder before doing any work.
    output::check_target(&options.output, &options.source)?;
    let (tree, mut report) = render(options)?;
    output::write_atomic(&options.output, &options.source, &tree)?;
    report.millis = started.elapsed().as_millis();
    Ok(report)
}
