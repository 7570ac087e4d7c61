//! The command line: `campaign build` (and more to come).
//!
//! Exit codes: 0 success, 1 problems in the content or the output folder,
//! 2 a wrong command line.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::build::{self, BuildError, BuildOptions};
use crate::content::LoadOptions;

#[derive(Debug, Parser)]
#[command(
    name = "campaign",
    version,
    about = "Builds annual campaign microsites from Markdown and YAML"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Build the site into the output folder.
    Build {
        /// The content folder.
        #[arg(long, default_value = "content")]
        source: PathBuf,
        /// The output folder (replaced atomically; never a folder campaign did not create).
        #[arg(long, default_value = "public")]
        output: PathBuf,
        /// Overrides `base_url` from site.yaml (for feeds, sitemap, canonical links).
        #[arg(long)]
        base_url: Option<String>,
        /// Include posts and pages marked `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// The themes folder (default: themes/ beside the content folder).
        #[arg(long)]
        themes: Option<PathBuf>,
    },
}

/// Runs the command line and returns the process exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match cli.command {
        Command::Build {
            source,
            output,
            base_url,
            drafts,
            themes,
        } => {
            let options = BuildOptions {
                source,
                output,
                themes,
                load: LoadOptions { drafts, base_url },
            };
            match build::build(&options) {
                Ok(report) => {
                    println!("{report}");
                    ExitCode::SUCCESS
                }
                Err(e) => report_error(&e),
            }
        }
    }
}

fn report_error(e: &BuildError) -> ExitCode {
    eprintln!("{e}");
    ExitCode::from(1)
}
