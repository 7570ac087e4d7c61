//! `campaign check`: every problem of the site, errors and warnings, in one
//! run, without writing anything.
//!
//! The content is loaded and checked as for a build ([`content::load`]),
//! then the pages are rendered in memory with the theme
//! ([`build::render_loaded`]), so a theme that fails on this content is reported
//! too. Nothing is written: not the output folder, not a cache.
//!
//! The command line prints the problems; with `--format json`, as one JSON
//! object per line (JSON Lines, see [`Diagnostic::to_json`]).

use std::path::Path;

use crate::build::{self, BuildError, BuildOptions, BuildReport};
use crate::content;
use crate::diagnostics::{Diagnostic, Diagnostics};

/// How problems are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// For people: file:line:column, the offending line, what would fix it.
    Text,
    /// For editors and CI: one JSON object per line (JSON Lines).
    Json,
}

/// What `campaign check` found.
#[derive(Debug, Default)]
pub(crate) struct Outcome {
    /// Errors and warnings, by file and position.
    pub problems: Vec<Diagnostic>,
    /// What a build would make, when the site would build.
    pub report: Option<BuildReport>,
}

impl Outcome {
    pub(crate) fn errors(&self) -> usize {
        self.problems.iter().filter(|d| d.is_error()).count()
    }

    pub(crate) fn warnings(&self) -> usize {
        self.problems.len() - self.errors()
    }
}

/// Checks the site of `options` (its output folder is never touched).
pub(crate) fn check(options: &BuildOptions) -> Outcome {
    let site = match content::load(&options.source, &options.load) {
        Ok(site) => site,
        Err(problems) => {
            return Outcome {
                problems: problems.0,
                report: None,
            };
        }
    };
    // The theme, and every page rendered in memory.
    let rendered = build::render_loaded(options, &site);
    let mut outcome = Outcome {
        problems: site.warnings,
        report: None,
    };
    match rendered {
        Ok((_, report)) => outcome.report = Some(report),
        Err(BuildError::Content(ds)) => outcome.problems.extend(ds.0),
        Err(BuildError::Output(e)) => outcome
            .problems
            .push(Diagnostic::file(&options.output, e.to_string())),
        Err(BuildError::Interrupted) => outcome.problems.push(Diagnostic::file(
            &options.source,
            BuildError::Interrupted.to_string(),
        )),
    }
    let mut sorted = Diagnostics(outcome.problems);
    sorted.sort();
    outcome.problems = sorted.0;
    outcome
}

/// The closing line of `campaign check` about the content folder `source`.
pub(crate) fn summary(outcome: &Outcome, source: &Path, strict: bool) -> String {
    let (errors, warnings) = (outcome.errors(), outcome.warnings());
    let count = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
    let source = source.display();
    if errors + warnings == 0 {
        match &outcome.report {
            Some(r) => format!(
                "No problems found in {source}: {} ({}, {}) would be built.",
                count(r.pages, "page"),
                count(r.posts, "post"),
                count(r.editions, "edition")
            ),
            None => format!("No problems found in {source}."),
        }
    } else if errors > 0 {
        let warnings = match warnings {
            0 => String::new(),
            w => format!(" and {}", count(w, "warning")),
        };
        format!(
            "{}{warnings} in {source}. Fix the errors, then run `campaign check` again.",
            count(errors, "error"),
        )
    } else if strict {
        format!(
            "{} in {source} (--strict: warnings count as errors).",
            count(warnings, "warning")
        )
    } else {
        format!(
            "{} in {source}; the site builds, but please fix {}.",
            count(warnings, "warning"),
            if warnings == 1 { "it" } else { "them" }
        )
    }
}

/// Whether `campaign check` fails (exit code 1): on any error, and with
/// `strict` on any warning too.
pub(crate) fn fails(outcome: &Outcome, strict: bool) -> bool {
    outcome.errors() > 0 || (strict && outcome.warnings() > 0)
}
