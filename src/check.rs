//! `campaign check`: every problem of the site, errors and warnings, in one
//! run, without writing anything.
//!
//! The content is loaded and checked as for a build ([`content::load`]),
//! then the pages are rendered in memory with the theme
//! ([`build::render_loaded`]), so a theme that fails on this content is reported
//! too. Nothing is written: not the output folder, not a cache.
//!
//! With `--format json` every problem is printed as one JSON object per
//! line (JSON Lines) on standard output, with the keys `file`, `line`,
//! `column` (0 when unknown), `severity` (`error` or `warning`),
//! `message`, `help` and `source_line` (`null` when absent); the closing
//! summary goes to standard error, so standard output holds only records.

use std::process::ExitCode;

use crate::build::{self, BuildError, BuildOptions, BuildReport};
use crate::content;
use crate::diagnostics::{Diagnostic, Diagnostics};

/// How problems are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For people: file:line:column, the offending line, what would fix it.
    Text,
    /// For editors and CI: one JSON object per line (JSON Lines).
    Json,
}

/// What `campaign check` found.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Errors and warnings, by file and position.
    pub problems: Vec<Diagnostic>,
    /// What a build would make, when the site would build.
    pub report: Option<BuildReport>,
}

impl Outcome {
    pub fn errors(&self) -> usize {
        self.problems.iter().filter(|d| d.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.problems.len() - self.errors()
    }
}

/// Checks the site of `options` (its output folder is never touched).
pub fn check(options: &BuildOptions) -> Outcome {
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
    }
    let mut sorted = Diagnostics(outcome.problems);
    sorted.sort();
    outcome.problems = sorted.0;
    outcome
}

/// Runs `campaign check` and prints its findings. Exit code: 0 when there
/// is no error (and, with `strict`, no warning), else 1.
pub fn run(options: &BuildOptions, format: Format, strict: bool) -> ExitCode {
    let outcome = check(options);
    let (errors, warnings) = (outcome.errors(), outcome.warnings());
    let count = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
    let source = options.source.display();
    let summary = if errors + warnings == 0 {
        match outcome.report {
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
    };
    match format {
        Format::Text => {
            for d in &outcome.problems {
                println!("{d}");
            }
            println!("{summary}");
        }
        Format::Json => {
            for d in &outcome.problems {
                println!("{}", d.to_json());
            }
            eprintln!("{summary}");
        }
    }
    if errors > 0 || (strict && warnings > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
