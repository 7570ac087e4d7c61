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
use crate::i18n::Message;
use crate::msg;

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
            .push(Diagnostic::file(&options.output, e.message())),
        Err(BuildError::Interrupted) => outcome
            .problems
            .push(Diagnostic::file(&options.source, msg!("build-interrupted"))),
    }
    let mut sorted = Diagnostics(outcome.problems);
    sorted.sort();
    outcome.problems = sorted.0;
    outcome
}

/// The closing line of `campaign check` about the content folder `source`.
pub(crate) fn summary(outcome: &Outcome, source: &Path, strict: bool) -> Message {
    let (errors, warnings) = (outcome.errors(), outcome.warnings());
    if errors + warnings == 0 {
        match &outcome.report {
            Some(r) => msg!(
                "check-clean-site",
                source = source,
                pages = r.pages,
                posts = r.posts,
                editions = r.editions
            ),
            None => msg!("check-clean", source = source),
        }
    } else if errors > 0 {
        msg!(
            "check-errors",
            source = source,
            errors = errors,
            warnings = warnings
        )
    } else if strict {
        msg!(
            "check-warnings-strict",
            source = source,
            warnings = warnings
        )
    } else {
        msg!("check-warnings", source = source, warnings = warnings)
    }
}

/// Whether `campaign check` fails (exit code 1): on any error, and with
/// `strict` on any warning too.
pub(crate) fn fails(outcome: &Outcome, strict: bool) -> bool {
    outcome.errors() > 0 || (strict && outcome.warnings() > 0)
}
