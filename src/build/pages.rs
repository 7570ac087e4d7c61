//! The page pipeline that `build`, previews and `check` share: the files a
//! site is made of, rendering pages in parallel with every problem
//! collected, and the static files published beside them.

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use rayon::prelude::*;

use super::BuildError;
use crate::content::model::{Body, Site};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::{OutputError, Source, Tree};
use crate::routes::Route;
use crate::site::Assembly;
use crate::templates::{self, Theme, ThemeFile};

/// The text of post bodies read with their pages (`build`'s deferred
/// bodies), kept for the search index: by (edition, post).
pub(crate) type BodyTexts = Mutex<HashMap<(usize, usize), String>>;

/// Every page of a site with the file it is written to.
pub(crate) type Plan = Vec<(Route, Arc<str>)>;

/// The pages of the assembled site and their files.
pub(crate) fn plan(assembly: &Assembly) -> Plan {
    assembly
        .routes()
        .into_par_iter()
        .map(|r| (r, Arc::from(r.file(assembly))))
        .collect()
}

/// How many of the planned files are pages people read (the summary's count).
pub(crate) fn page_count(plan: &Plan) -> usize {
    plan.iter().filter(|(r, _)| r.is_page()).count()
}

/// What rendering a set of pages gave.
pub(crate) struct Rendered<T> {
    /// What `emit` returned for each page, in no particular order.
    pub(crate) outputs: Vec<T>,
    /// Warnings found while rendering (about post bodies read with their page).
    pub(crate) warnings: Vec<Diagnostic>,
}

/// Renders the pages of `jobs` in parallel and hands each to `emit` (which
/// writes it, or keeps it). `route` tells a job's route and file. Every
/// content problem is collected, but only the first theme failures; any
/// error fails the whole, after every page was tried. Once `cancel` is
/// set, no further page is rendered. The text of each post body read
/// from disk goes to `texts`, when given.
pub(crate) fn render<J: Sync, T: Send>(
    assembly: &Assembly,
    theme: &Theme,
    jobs: &[J],
    route: impl Fn(&J) -> (Route, &str) + Sync,
    emit: impl Fn(&J, Vec<u8>) -> Result<T, OutputError> + Sync,
    cancel: Option<&AtomicBool>,
    texts: Option<&BodyTexts>,
) -> Result<Rendered<T>, BuildError> {
    let problems = Mutex::new(Problems::default());
    let lock = || problems.lock().unwrap_or_else(|e| e.into_inner());
    let cancelled = || cancel.is_some_and(|c| c.load(Ordering::Relaxed));
    let outputs = jobs
        .par_iter()
        .filter_map(|job| {
            if cancelled() {
                return None;
            }
            let (r, file) = route(job);
            match render_one(assembly, theme, r, texts) {
                Ok((bytes, warnings)) => {
                    if !warnings.is_empty() {
                        lock().found.extend(warnings);
                    }
                    Some(emit(job, bytes))
                }
                Err(e) => {
                    lock().add(file, &e);
                    None
                }
            }
        })
        .collect::<Result<Vec<T>, OutputError>>()?;
    if cancelled() {
        return Err(BuildError::Interrupted);
    }
    let problems = problems.into_inner().unwrap_or_else(|e| e.into_inner());
    if problems.has_errors() {
        return Err(BuildError::Content(problems.into_diagnostics()));
    }
    Ok(Rendered {
        outputs,
        warnings: problems.into_diagnostics().0,
    })
}

/// Why a page could not be rendered.
enum RenderError {
    /// The theme failed.
    Theme(tera::Error),
    /// The body of a post read with its page has problems.
    Content(Vec<Diagnostic>),
}

/// Renders one page; a post whose body was left on disk is read first (by
/// the loading stage that left it there). Returns the page with the
/// warnings about that body.
fn render_one(
    assembly: &Assembly,
    theme: &Theme,
    route: Route,
    texts: Option<&BodyTexts>,
) -> Result<(Vec<u8>, Vec<Diagnostic>), RenderError> {
    let mut warnings = Vec::new();
    let read;
    let body = match route {
        Route::Post(r) => match &assembly.post(r).body {
            Body::Ready(body) => Some(body),
            Body::Deferred(lazy) => {
                let (body, found) = lazy.render().map_err(RenderError::Content)?;
                warnings = found;
                if let Some(texts) = texts {
                    let text = crate::search::html_text(&body.content);
                    texts
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .insert(r, text);
                }
                read = body;
                Some(&read)
            }
        },
        _ => None,
    };
    let bytes = assembly
        .render(theme, route, body)
        .map_err(RenderError::Theme)?;
    Ok((bytes, warnings))
}

/// The files published as they are: the theme's static files, overridden
/// by the content's (`static/`, attachments). A page written at the same
/// place wins over a file: the caller leaves such files out.
pub(crate) fn static_files(site: &Site, theme: &Theme) -> Tree {
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
        match e {
            RenderError::Theme(e) => {
                if self.theme_failures >= 5 {
                    return;
                }
                self.theme_failures += 1;
                self.found.push(
                    Diagnostic::file(
                        Path::new(file),
                        crate::msg!("theme-render-failed", detail = templates::error_chain(e)),
                    )
                    .with_help(crate::msg!("theme-render-failed-help")),
                );
            }
            RenderError::Content(problems) => self.found.extend(problems.iter().cloned()),
        }
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
