//! The command line: `campaign build`, `watch`, `serve`, `check`, `new`, `schema`.
//!
//! Exit codes: 0 success, 1 problems in the content or the output folder,
//! 2 a wrong command line.

use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use clap::{Args, Parser, Subcommand};

use crate::build::{self, BuildOptions};
use crate::content::LoadOptions;
use crate::i18n::Lang;
use crate::serve::{self, ServeOptions};
use crate::watch::{self, Outcome};

#[derive(Debug, Parser)]
#[command(
    name = "campaign",
    version,
    about = "Builds annual campaign microsites from Markdown and YAML"
)]
struct Cli {
    /// The language of messages: vi (the default) or en; without it, an
    /// English LC_ALL, LC_MESSAGES or LANG chooses English.
    #[arg(long, global = true, value_name = "vi|en", value_parser = parse_lang)]
    lang: Option<Lang>,
    #[command(subcommand)]
    command: Command,
}

fn parse_lang(name: &str) -> Result<Lang, String> {
    Lang::parse(name).ok_or_else(|| "vi hoặc en / vi or en".to_owned())
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Build the site into the output folder.
    Build(SiteArgs),
    /// Rebuild the output folder on every change to the content or the theme.
    Watch(SiteArgs),
    /// Check the whole site (errors and warnings) without writing anything.
    Check(CheckArgs),
    /// Start a new year's edition or a news post.
    New {
        #[command(subcommand)]
        what: NewCommand,
    },
    /// Preview the site locally; open pages reload when a rebuild finishes.
    Serve {
        #[command(flatten)]
        site: SiteArgs,
        /// The port to listen on (0 picks a free one).
        #[arg(long, default_value_t = 2503)]
        port: u16,
        /// The address to listen on; anything but 127.0.0.1 exposes the preview to the network.
        #[arg(long, default_value = "127.0.0.1")]
        bind: IpAddr,
        /// Open the preview in the default browser.
        #[arg(long)]
        open: bool,
        /// Also answer requests for this host name (repeatable): only localhost, 127.0.0.1,
        /// [::1] and the --bind address are answered otherwise. `.example.local` allows a
        /// domain and its subdomains, `*` any name.
        #[arg(long = "allow-host", value_name = "NAME", value_parser = serve::parse_allowed_host)]
        allow_host: Vec<String>,
        /// Seconds a client has to send a request head.
        #[arg(long, hide = true, value_name = "SECONDS", value_parser = serve::parse_seconds)]
        head_timeout: Option<Duration>,
        /// Seconds a connection may idle between requests, or a client leave a response unread.
        #[arg(long, hide = true, value_name = "SECONDS", value_parser = serve::parse_seconds)]
        idle_timeout: Option<Duration>,
    },
    /// Write the JSON Schemas of site.yaml, edition.yaml and front matter (for editors).
    Schema {
        /// The folder to write them to.
        #[arg(long, default_value = "schemas")]
        out: PathBuf,
    },
}

#[derive(Debug, Args)]
struct CheckArgs {
    /// The content folder.
    #[arg(long, default_value = "content")]
    source: PathBuf,
    /// How to print problems: text, or json (one JSON object per line).
    #[arg(long, value_enum, default_value_t = crate::check::Format::Text)]
    format: crate::check::Format,
    /// Fail (exit code 1) on warnings too.
    #[arg(long)]
    strict: bool,
    /// Include posts and pages marked `draft: true`.
    #[arg(long)]
    drafts: bool,
    /// The themes folder (default: themes/ beside the content folder).
    #[arg(long)]
    themes: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
enum NewCommand {
    /// Create <source>/<year>/edition.yaml from the latest edition (never overwrites).
    Edition {
        /// The year, e.g. 2025.
        #[arg(value_parser = clap::value_parser!(i16).range(1000..=9999))]
        year: i16,
        /// The content folder.
        #[arg(long, default_value = "content")]
        source: PathBuf,
    },
    /// Create a dated news post <source>/<year>/news/<slug>.md (never overwrites).
    Post {
        /// The headline; the file name (and address) is made from it.
        title: String,
        /// The edition year (default: `current` in site.yaml, else the latest edition).
        #[arg(long, value_parser = clap::value_parser!(i16).range(1000..=9999))]
        year: Option<i16>,
        /// The content folder.
        #[arg(long, default_value = "content")]
        source: PathBuf,
    },
}

#[derive(Debug, Args)]
struct SiteArgs {
    /// The content folder.
    #[arg(long, default_value = "content")]
    source: PathBuf,
    /// The output folder (replaced atomically; never a folder campaign did not create).
    #[arg(long, default_value = "public")]
    output: PathBuf,
    /// Overrides `base_url` from site.yaml (for feeds, sitemap, canonical links).
    #[arg(long, value_parser = parse_base_url)]
    base_url: Option<String>,
    /// Include posts and pages marked `draft: true`.
    #[arg(long)]
    drafts: bool,
    /// The themes folder (default: themes/ beside the content folder).
    #[arg(long)]
    themes: Option<PathBuf>,
}

impl SiteArgs {
    fn options(self) -> BuildOptions {
        BuildOptions {
            source: self.source,
            output: self.output,
            themes: self.themes,
            load: LoadOptions {
                drafts: self.drafts,
                base_url: self.base_url,
                // `build` asks for it; previews keep bodies for rebuilds.
                defer_bodies: false,
            },
        }
    }
}

fn parse_base_url(url: &str) -> Result<String, String> {
    crate::config::normalise_base_url(url).ok_or_else(|| {
        "not an absolute web address; write it like https://ctxh.example.gov.vn/".to_owned()
    })
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
    let lang = cli.lang.unwrap_or_else(Lang::from_env);
    match cli.command {
        Command::Build(args) => match build::build_until(&args.options(), &interrupted()) {
            Ok(report) => {
                // Warnings do not stop the build, but are shown (as `campaign check` does).
                for warning in &report.warnings {
                    eprintln!("{}", warning.render(lang));
                }
                for note in &report.output.repaired {
                    eprintln!("note: {note}");
                }
                println!("{report}");
                let kept = &report.output.kept;
                if !kept.foreign.is_empty() {
                    println!(
                        "Kept in the output folder, not written by campaign: {}",
                        kept.foreign.join(", ")
                    );
                }
                for file in &kept.shadowed {
                    eprintln!(
                        "warning: {file} in the output folder was not written by campaign and is kept; the site's own {file} is not published (move yours into content/static/ to publish it on purpose)"
                    );
                }
                ExitCode::SUCCESS
            }
            Err(e @ build::BuildError::Interrupted) => {
                eprintln!("{e}");
                ExitCode::from(130)
            }
            Err(e) => {
                eprintln!("{}", build_error(&e, lang));
                ExitCode::from(1)
            }
        },
        Command::Watch(args) => run_or_fail(watch_forever(args.options())),
        Command::Serve {
            site,
            port,
            bind,
            open,
            allow_host,
            head_timeout,
            idle_timeout,
        } => run_or_fail(serve::serve(
            ServeOptions {
                build: site.options(),
                bind,
                port,
                open,
                allow_hosts: allow_host,
                timeouts: {
                    let default = serve::Timeouts::default();
                    serve::Timeouts {
                        head: head_timeout.unwrap_or(default.head),
                        idle: idle_timeout.unwrap_or(default.idle),
                    }
                },
            },
            Arc::new(tell_serve),
        )),
        Command::Schema { out } => run_or_fail(write_schemas(&out)),
        Command::Check(args) => {
            let options = BuildOptions {
                source: args.source,
                // Never written: check renders in memory.
                output: PathBuf::from("public"),
                themes: args.themes,
                load: LoadOptions {
                    drafts: args.drafts,
                    base_url: None,
                    defer_bodies: false,
                },
            };
            check(&options, args.format, args.strict, lang)
        }
        Command::New { what } => {
            let created = match what {
                NewCommand::Edition { year, source } => crate::scaffold::new_edition(&source, year),
                NewCommand::Post {
                    title,
                    year,
                    source,
                } => crate::scaffold::new_post(&source, &title, year),
            };
            match created {
                Ok(created) => {
                    println!("{}", created.message.render(lang));
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("{}", e.render(lang));
                    ExitCode::from(1)
                }
            }
        }
    }
}

/// A flag set by Ctrl-C or SIGTERM, for a build to stop at: it then
/// removes its staging folder and leaves the output folder as it was. A
/// second signal stops at once (the next build removes what is left).
fn interrupted() -> Arc<AtomicBool> {
    let flag = Arc::new(AtomicBool::new(false));
    let set = flag.clone();
    let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    else {
        return flag;
    };
    // Installed now, before the build starts, not when the thread runs.
    let Ok(first) = runtime.block_on(async { serve::shutdown_signal() }) else {
        return flag;
    };
    let _ = std::thread::Builder::new()
        .name("campaign-signals".into())
        .spawn(move || {
            runtime.block_on(async move {
                first.await;
                set.store(true, std::sync::atomic::Ordering::SeqCst);
                if let Ok(second) = serve::shutdown_signal() {
                    second.await;
                    std::process::exit(130);
                }
            })
        });
    flag
}

/// `campaign schema`: writes every schema, leaving unchanged files untouched.
fn write_schemas(out: &std::path::Path) -> anyhow::Result<()> {
    use anyhow::Context;
    std::fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;
    for (name, text) in crate::schema::all() {
        let path = out.join(name);
        if std::fs::read_to_string(&path).ok().as_deref() == Some(text.as_str()) {
            println!("{} is up to date", path.display());
            continue;
        }
        std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
        println!("wrote {}", path.display());
    }
    Ok(())
}

fn run_or_fail(result: anyhow::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(1)
        }
    }
}

/// `campaign watch`: rebuild until Ctrl-C (or SIGTERM), then let the
/// rebuild in progress and the output folder's update finish.
fn watch_forever(options: BuildOptions) -> anyhow::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    let handle = watch::spawn_rebuilder(
        options,
        stop.clone(),
        |_: Outcome<'_>| {},
        Arc::new(tell_rebuild),
    )?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    // Listen for signals before saying it watches.
    let signal = runtime.block_on(async { serve::shutdown_signal() })?;
    println!("Watching for changes (Ctrl-C to stop)");
    runtime.block_on(signal);
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    let _ = handle.join();
    Ok(())
}

/// `campaign check`: prints every problem, then the summary. Exit code: 0
/// when there is no error (and, with `strict`, no warning), else 1.
fn check(
    options: &BuildOptions,
    format: crate::check::Format,
    strict: bool,
    lang: Lang,
) -> ExitCode {
    let outcome = crate::check::check(options);
    let summary = crate::check::summary(&outcome, &options.source, strict);
    match format {
        crate::check::Format::Text => {
            for d in &outcome.problems {
                println!("{}", d.render(lang));
            }
            println!("{summary}");
        }
        // Standard output holds only records; the summary goes to stderr.
        crate::check::Format::Json => {
            for d in &outcome.problems {
                println!("{}", d.to_json(lang));
            }
            eprintln!("{summary}");
        }
    }
    if crate::check::fails(&outcome, strict) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// A failed build, as staff read it.
fn build_error(error: &build::BuildError, lang: Lang) -> String {
    match error {
        build::BuildError::Content(problems) => problems.render(lang),
        other => other.to_string(),
    }
}

/// Tells what the preview server does.
fn tell_serve(notice: serve::Notice<'_>) {
    match notice {
        serve::Notice::Rebuild(event) => tell_rebuild(event),
        serve::Notice::Listening { url, exposed } => {
            if exposed {
                let address = url.trim_start_matches("http://").trim_end_matches('/');
                eprintln!(
                    "warning: serving on {address}: other machines on the network can see this preview, drafts included"
                );
            }
            println!("Serving the site at {url} (Ctrl-C to stop)");
        }
        serve::Notice::NoBrowser { url } => {
            eprintln!("warning: could not open a browser; open {url} yourself")
        }
        serve::Notice::HostRefused { host } => eprintln!(
            "warning: refused a request for the host name {host} (403); if it is yours, restart with --allow-host {host}"
        ),
        serve::Notice::AcceptFailed { error } => eprintln!(
            "warning: cannot accept connections for now: {error}; slow and idle connections are closed within seconds (raise `ulimit -n` if this goes on)"
        ),
        serve::Notice::Stopped => println!("Stopped; the output folder holds the last good build."),
    }
}

/// Tells what a rebuild of `watch` or `serve` did.
fn tell_rebuild(event: watch::Event<'_>) {
    match event {
        watch::Event::Polling { reason, every_ms } => {
            eprintln!("warning: {reason}; checking for changes every {every_ms} ms instead")
        }
        watch::Event::Repaired(note) => eprintln!("note: {note}"),
        watch::Event::CannotWatch { folder, error } => {
            eprintln!("warning: cannot watch {}: {error}", folder.display())
        }
        watch::Event::WatchFailed(error) => eprintln!("warning: file watching: {error}"),
        watch::Event::FolderGone(folder) => eprintln!(
            "warning: {} is gone (renamed or deleted); the last good site is kept until it is back",
            folder.display()
        ),
        watch::Event::FolderBack(folder) => eprintln!(
            "note: {} was replaced or is back; watching it again, rebuilding once it settles",
            folder.display()
        ),
        watch::Event::Warning(warning) => eprintln!("{warning}"),
        watch::Event::Rebuilt { what, report } => println!(
            "{what}: {} of {} pages rendered ({} posts, {} editions), shown in {} ms",
            report.rendered, report.pages, report.posts, report.editions, report.millis,
        ),
        watch::Event::Unchanged { what, millis } => {
            println!("{what}: nothing on the site changed ({millis} ms)")
        }
        watch::Event::Failed {
            what,
            error,
            millis,
        } => {
            eprintln!("{error}");
            eprintln!("{what}: not rebuilt; the last good site is kept ({millis} ms)");
        }
        watch::Event::Written {
            millis,
            skipped,
            kept,
        } => {
            let skipped = match skipped {
                0 => String::new(),
                n => format!(
                    " ({n} newer site{} came meanwhile)",
                    if n == 1 { "" } else { "s" }
                ),
            };
            println!("output folder written in {millis} ms{skipped}");
            if !kept.is_empty() {
                println!(
                    "kept in the output folder, not written by campaign: {}",
                    kept.join(", ")
                );
            }
        }
        watch::Event::NotWritten { error } => {
            eprintln!("the preview is up to date, but the output folder is not: {error}")
        }
    }
}
