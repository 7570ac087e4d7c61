//! Building the site, end to end: load the content, load the theme, render
//! every page in parallel, write the output atomically.
//!
//! [`build`] makes the output folder once, for publishing; a [`Session`]
//! rebuilds in memory again and again, for previews. Both go through the
//! same page pipeline ([`pages`]).

mod pages;
mod session;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use rayon::prelude::*;

use crate::content::model::Site;
use crate::content::{self, LoadOptions};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::i18n::{Lang, Message};
use crate::msg;
use crate::output::{self, Tree};
use crate::site::Assembly;
use crate::templates;

pub use session::Session;

/// What to build, and where.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub source: PathBuf,
    pub output: PathBuf,
    /// Where themes live; default: `themes/` beside the content folder.
    pub themes: Option<PathBuf>,
    pub load: LoadOptions,
}

/// What a build made, for its closing line, and the warnings it found
/// (problems that do not stop it), for the caller to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildReport {
    pub pages: usize,
    /// Pages rendered by this build (the others were kept from the previous one).
    pub rendered: usize,
    pub posts: usize,
    pub editions: usize,
    pub files: usize,
    pub millis: u128,
    /// Found while rendering (about post bodies read with their pages);
    /// [`build`] adds those found on load.
    pub warnings: Vec<Diagnostic>,
    /// What was kept in the output folder and what was put right there.
    pub output: output::Report,
    /// Photos shown by their originals while the background worker
    /// processes them (previews only): such a build is shown, never
    /// written as a finished one.
    pub pending_photos: usize,
    /// The search index shown is the one of an earlier build: the
    /// background worker is making this one's (previews only). Such a
    /// build is shown, never written as a finished one.
    pub pending_search: bool,
}

impl BuildReport {
    /// The closing line of a build.
    pub fn message(&self) -> Message {
        msg!(
            "build-done",
            pages = self.pages,
            posts = self.posts,
            editions = self.editions,
            files = self.files,
            millis = self.millis,
        )
    }
}

impl std::fmt::Display for BuildReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.message().fmt(f)
    }
}

/// Why a build failed.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// Problems in the content or theme: the user can fix them.
    #[error("{0}")]
    Content(Diagnostics),
    /// Stopped by a signal (Ctrl-C) before the new site was swapped in.
    #[error("{}", msg!("build-interrupted"))]
    Interrupted,
    /// The output folder cannot or may not be written.
    #[error(transparent)]
    Output(#[from] output::OutputError),
}

impl BuildError {
    /// The failure as staff read it, in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        match self {
            BuildError::Content(problems) => problems.render(lang),
            BuildError::Interrupted => msg!("build-interrupted").render(lang),
            BuildError::Output(e) => format!(
                "{}: {}",
                crate::diagnostics::Severity::Error.label(lang),
                e.message().render(lang)
            ),
        }
    }
}

/// The themes folder used for a content folder.
pub(crate) fn themes_dir(options: &BuildOptions) -> PathBuf {
    options.themes.clone().unwrap_or_else(|| {
        let parent = options.source.parent().unwrap_or(Path::new(""));
        if parent.as_os_str().is_empty() {
            PathBuf::from("themes")
        } else {
            parent.join("themes")
        }
    })
}

/// The search index files of a site whose post bodies were read with
/// their pages (`texts`, by edition and post).
fn search_files(
    site: &Site,
    mut texts: std::collections::HashMap<(usize, usize), String>,
) -> Vec<(String, Vec<u8>)> {
    crate::search::files(site, &mut |ei, pi| texts.remove(&(ei, pi)))
}

/// Renders a site already loaded (by [`content::load`]) with its theme, in memory.
pub(crate) fn render_loaded(
    options: &BuildOptions,
    site: &Site,
) -> Result<(Arc<Tree>, BuildReport), BuildError> {
    let started = Instant::now();
    let theme =
        templates::load(&themes_dir(options), &site.config.theme).map_err(BuildError::Content)?;
    Session::new(options.clone()).render_site(site, &theme, started)
}

/// Builds the site into the output folder.
pub fn build(options: &BuildOptions) -> Result<BuildReport, BuildError> {
    build_until(options, &AtomicBool::new(false))
}

/// Builds the site into the output folder, unless `cancel` is set first
/// (by a signal): then the staging folder is removed and the output folder
/// is left as it was. Once the swap has begun, it is finished.
pub fn build_until(options: &BuildOptions, cancel: &AtomicBool) -> Result<BuildReport, BuildError> {
    let started = Instant::now();
    // Refuse a foreign output folder before doing any work, and wait for
    // (or refuse) another writer.
    output::check_target(&options.output, &options.source)?;
    let lock = output::lock(&options.output, "campaign build")?;
    let repaired = output::repair(&options.output, &lock)?;
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
    let theme =
        templates::load(&themes_dir(options), &site.config.theme).map_err(BuildError::Content)?;
    let mut phases = crate::timing::Phases::start();
    let assembly = Assembly::new(&site, crate::dates::today());
    let plan = pages::plan(&assembly);
    // A page wins over a file at the same place (few files, many pages).
    let mut copies = pages::static_files(&site, &theme);
    for (_, file) in &plan {
        copies.remove(&**file);
    }
    // Pages are written as soon as they are rendered, from every thread:
    // the whole site is never held in memory.
    let staging = output::Staging::create(&options.output, &options.source)?;
    staging.make_folders(
        plan.iter()
            .map(|(_, f)| &**f)
            .chain(copies.keys().map(|k| &**k)),
    )?;
    phases.end("assemble");
    // On an error, dropping the staging folder removes it: the output is untouched.
    let texts = pages::BodyTexts::default();
    let rendered = pages::render(
        &assembly,
        &theme,
        &plan,
        |(route, file)| (*route, &**file),
        |(_, file), bytes| staging.write_bytes(file, &bytes),
        Some(cancel),
        Some(&texts),
    )?;
    phases.end("render+write");
    let index = search_files(&site, texts.into_inner().unwrap_or_else(|e| e.into_inner()));
    staging.make_folders(index.iter().map(|(f, _)| &**f))?;
    index
        .par_iter()
        .try_for_each(|(file, bytes)| staging.write_bytes(file, bytes))?;
    phases.end("search");
    copies
        .par_iter()
        .try_for_each(|(rel, source)| staging.write(rel, source))?;
    if cancel.load(Ordering::SeqCst) {
        return Err(BuildError::Interrupted);
    }
    let zips = write_zips(&staging, &site, &plan, &copies)?;
    phases.end("zips");
    let kept = staging.commit(
        plan.iter()
            .map(|(_, f)| &**f)
            .chain(copies.keys().map(|k| &**k))
            .chain(index.iter().map(|(f, _)| &**f))
            .chain(zips.iter().map(|z| z.path.as_str())),
    )?;
    drop(lock);
    phases.end("copy+commit");
    let pages = pages::page_count(&plan);
    let mut warnings = Diagnostics(site.warnings.clone());
    warnings.extend(Diagnostics(rendered.warnings));
    let report = BuildReport {
        pages,
        rendered: pages,
        posts: site.post_count(),
        editions: site.editions.len(),
        files: plan.len() + copies.len() + index.len() + zips.len(),
        millis: started.elapsed().as_millis(),
        warnings: warnings.0,
        output: output::Report { kept, repaired },
        pending_photos: 0,
        pending_search: false,
    };
    // Freeing a large site's index and template values one by one takes
    // longer than anything but rendering (half a second at 50,000 posts):
    // it is left to a thread of its own, which a command that exits now
    // does not wait for.
    let leftovers = (assembly.into_parts(), plan, copies, site);
    std::thread::spawn(move || drop(leftovers));
    Ok(report)
}

/// The ZIPs of each edition and of the whole site, made from what was just
/// staged, and the archive page's links to them (see [`crate::archive`]).
fn write_zips(
    staging: &output::Staging,
    site: &Site,
    plan: &pages::Plan,
    copies: &Tree,
) -> Result<Vec<crate::archive::Made>, BuildError> {
    let io = |e: std::io::Error| {
        BuildError::Output(output::OutputError::Io {
            path: staging.dir().to_path_buf(),
            source: e,
        })
    };
    let files: Vec<&str> = plan
        .iter()
        .map(|(_, f)| &**f)
        .chain(copies.keys().map(|k| &**k))
        .collect();
    let years: Vec<i16> = site.editions.iter().map(|e| e.year).collect();
    let made = crate::archive::write_all(staging.dir(), &years, &files).map_err(io)?;
    let archive = staging
        .dir()
        .join(crate::routes::file_of(crate::routes::archive().to_owned()));
    let page = std::fs::read_to_string(&archive).map_err(io)?;
    std::fs::write(&archive, crate::archive::with_links(&page, &made)).map_err(io)?;
    Ok(made)
}
