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

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::build::{self, BuildOptions};
use crate::content::LoadOptions;
use crate::diagnostics::Severity;
use crate::i18n::{Lang, Message};
use crate::msg;
use crate::serve::{self, ServeOptions};
use crate::watch::{self, Outcome};

mod help;
mod signals;

use signals::interrupted;

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

/// `--lang X` or `--lang=X` anywhere on the command line.
fn lang_asked(args: &[std::ffi::OsString]) -> Option<Lang> {
    let args: Vec<&str> = args.iter().filter_map(|a| a.to_str()).collect();
    args.iter()
        .enumerate()
        .find_map(|(i, a)| match a.strip_prefix("--lang") {
            Some("") => args.get(i + 1).and_then(|v| Lang::parse(v)),
            Some(rest) => rest.strip_prefix('=').and_then(Lang::parse),
            None => None,
        })
}

fn parse_lang(name: &str) -> Result<Lang, Message> {
    Lang::parse(name).ok_or_else(|| msg!("cli-bad-lang"))
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
    /// The units' results: the report form they fill in.
    Report {
        #[command(subcommand)]
        what: ReportCommand,
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
enum ReportCommand {
    /// Write the year's report form (.xlsx and .csv) into <source>/<year>/files/, with its units.
    Form {
        /// The year, e.g. 2025.
        #[arg(value_parser = clap::value_parser!(i16).range(1000..=9999))]
        year: i16,
        /// The content folder.
        #[arg(long, default_value = "content")]
        source: PathBuf,
        /// Replace a form that was changed by hand since it was written.
        #[arg(long)]
        force: bool,
    },
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
                no_cache_writes: false,
            },
        }
    }
}

fn parse_base_url(url: &str) -> Result<String, Message> {
    crate::config::normalise_base_url(url).ok_or_else(|| msg!("cli-bad-base-url"))
}

/// Runs the command line and returns the process exit code.
pub fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // The language is needed before the command line is understood: its
    // help and its errors are said in it.
    let lang = lang_asked(&args).unwrap_or_else(Lang::from_env);
    let parsed = help::localise(Cli::command(), lang)
        .try_get_matches_from(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            let text = help::error_text(&e, lang);
            return if e.use_stderr() {
                eprint!("{text}");
                ExitCode::from(2)
            } else {
                print!("{text}");
                ExitCode::SUCCESS
            };
        }
    };
    let lang = cli.lang.unwrap_or(lang);
    match cli.command {
        Command::Build(args) => match build::build_until(&args.options(), &interrupted()) {
            Ok(report) => {
                // Warnings do not stop the build, but are shown (as `campaign check` does).
                for warning in &report.warnings {
                    eprintln!("{}", warning.render(lang));
                }
                for note in &report.output.repaired {
                    eprintln!("{}", note_line(note, lang));
                }
                println!("{}", report.message().render(lang));
                let kept = &report.output.kept;
                if !kept.foreign.is_empty() {
                    let files = kept.foreign.join(", ");
                    println!("{}", msg!("build-kept-foreign", files = files).render(lang));
                }
                for file in &kept.shadowed {
                    let text = msg!("build-kept-shadowed", file = file).render(lang);
                    eprintln!("{}: {text}", Severity::Warning.label(lang));
                }
                ExitCode::SUCCESS
            }
            Err(e @ build::BuildError::Interrupted) => {
                eprintln!("{}", e.render(lang));
                ExitCode::from(130)
            }
            Err(e) => {
                eprintln!("{}", e.render(lang));
                ExitCode::from(1)
            }
        },
        Command::Watch(args) => run_or_fail(watch_forever(args.options(), lang), lang),
        Command::Serve {
            site,
            port,
            bind,
            open,
            allow_host,
            head_timeout,
            idle_timeout,
        } => run_or_fail(
            serve::serve(
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
                    lang,
                },
                Arc::new(move |notice| tell_serve(notice, lang)),
            ),
            lang,
        ),
        Command::Schema { out } => run_or_fail(write_schemas(&out, lang), lang),
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
                    // `check` writes nothing, not even caches.
                    no_cache_writes: true,
                },
            };
            check(&options, args.format, args.strict, lang)
        }
        Command::Report {
            what:
                ReportCommand::Form {
                    year,
                    source,
                    force,
                },
        } => created(crate::forms::write_form(&source, year, force), lang),
        Command::New { what } => {
            let made = match what {
                NewCommand::Edition { year, source } => crate::scaffold::new_edition(&source, year),
                NewCommand::Post {
                    title,
                    year,
                    source,
                } => crate::scaffold::new_post(&source, &title, year),
            };
            created(made, lang)
        }
    }
}

/// What a command that writes files into the content folder says: what it
/// made, or why it made nothing.
fn created(
    result: Result<crate::scaffold::Created, crate::scaffold::NewError>,
    lang: Lang,
) -> ExitCode {
    match result {
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

/// `campaign schema`: writes every schema, leaving unchanged files untouched.
fn write_schemas(out: &std::path::Path, lang: Lang) -> anyhow::Result<()> {
    std::fs::create_dir_all(out)
        .map_err(|e| msg!("schema-cannot-create", path = out, error = &e))?;
    for (name, text) in crate::schema::all() {
        let path = out.join(name);
        if std::fs::read_to_string(&path).ok().as_deref() == Some(text.as_str()) {
            println!("{}", msg!("schema-up-to-date", path = &path).render(lang));
            continue;
        }
        std::fs::write(&path, text)
            .map_err(|e| msg!("schema-cannot-write", path = &path, error = &e))?;
        println!("{}", msg!("schema-wrote", path = &path).render(lang));
    }
    Ok(())
}

fn run_or_fail(result: anyhow::Result<()>, lang: Lang) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}: {}", Severity::Error.label(lang), error_text(&e, lang));
            ExitCode::from(1)
        }
    }
}

/// An error carried by `anyhow`, in `lang` when the library said it as a
/// message (or a known error); otherwise as it is, with its causes.
fn error_text(e: &anyhow::Error, lang: Lang) -> String {
    if let Some(m) = e.downcast_ref::<Message>() {
        m.render(lang)
    } else if let Some(o) = e.downcast_ref::<crate::output::OutputError>() {
        o.message().render(lang)
    } else if let Some(b) = e.downcast_ref::<build::BuildError>() {
        b.render(lang)
    } else if let Some(io) = e.downcast_ref::<std::io::Error>() {
        crate::i18n::io_error(io).render(lang)
    } else {
        format!("{e:#}")
    }
}

/// A note about what was put right (a repair).
fn note_line(note: &Message, lang: Lang) -> String {
    format!(
        "{}: {}",
        msg!("severity-note").render(lang),
        note.render(lang)
    )
}

/// A warning of the tool itself (not about the content).
fn warning_line(message: Message, lang: Lang) -> String {
    format!(
        "{}: {}",
        Severity::Warning.label(lang),
        message.render(lang)
    )
}

/// `campaign watch`: rebuild until Ctrl-C (or SIGTERM), then let the
/// rebuild in progress and the output folder's update finish.
fn watch_forever(options: BuildOptions, lang: Lang) -> anyhow::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    let handle = watch::spawn_rebuilder(
        options,
        stop.clone(),
        |_: Outcome<'_>| {},
        Arc::new(move |event| tell_rebuild(event, lang)),
    )?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    // Listen for signals before saying it watches.
    let signal = runtime.block_on(async { serve::shutdown_signal() })?;
    println!("{}", msg!("watch-watching").render(lang));
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
    let summary = crate::check::summary(&outcome, &options.source, strict).render(lang);
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

/// Tells what the preview server does.
fn tell_serve(notice: serve::Notice<'_>, lang: Lang) {
    match notice {
        serve::Notice::Rebuild(event) => tell_rebuild(event, lang),
        serve::Notice::Listening { url, exposed } => {
            if exposed {
                let address = url.trim_start_matches("http://").trim_end_matches('/');
                let m = msg!("serve-exposed", address = address);
                eprintln!("{}", warning_line(m, lang));
            }
            println!("{}", msg!("serve-listening", url = url).render(lang));
        }
        serve::Notice::NoBrowser { url } => {
            eprintln!(
                "{}",
                warning_line(msg!("serve-no-browser", url = url), lang)
            )
        }
        serve::Notice::HostRefused { host } => {
            eprintln!(
                "{}",
                warning_line(msg!("serve-host-refused", host = host), lang)
            )
        }
        serve::Notice::AcceptFailed { error } => {
            let m = msg!("serve-accept-failed", error = error);
            eprintln!("{}", warning_line(m, lang))
        }
        serve::Notice::Stopped => println!("{}", msg!("serve-stopped").render(lang)),
    }
}

/// Tells what a rebuild of `watch` or `serve` did.
fn tell_rebuild(event: watch::Event<'_>, lang: Lang) {
    match event {
        watch::Event::Polling { reason, every_ms } => {
            let m = msg!("watch-polling", reason = reason.clone(), every = every_ms);
            eprintln!("{}", warning_line(m, lang))
        }
        watch::Event::Repaired(note) => eprintln!("{}", note_line(note, lang)),
        watch::Event::CannotWatch { folder, error } => {
            let m = msg!("watch-cannot-watch", folder = folder, error = error);
            eprintln!("{}", warning_line(m, lang))
        }
        watch::Event::WatchFailed(error) => {
            eprintln!(
                "{}",
                warning_line(msg!("watch-failed", error = error), lang)
            )
        }
        watch::Event::FolderGone(folder) => {
            eprintln!(
                "{}",
                warning_line(msg!("watch-folder-gone", folder = folder), lang)
            )
        }
        watch::Event::FolderBack(folder) => {
            eprintln!(
                "{}",
                note_line(&msg!("watch-folder-back", folder = folder), lang)
            )
        }
        watch::Event::Warning(warning) => eprintln!("{}", warning.render(lang)),
        watch::Event::PhotosPending { count: 0 } => {
            println!("{}", msg!("watch-photos-done").render(lang))
        }
        watch::Event::PhotosPending { count } => {
            println!(
                "{}",
                msg!("watch-photos-pending", count = count).render(lang)
            )
        }
        watch::Event::Rebuilt { what, report } => {
            let m = msg!(
                "watch-rebuilt",
                what = what.clone(),
                rendered = report.rendered,
                pages = report.pages,
                posts = report.posts,
                editions = report.editions,
                millis = report.millis,
            );
            println!("{}", m.render(lang))
        }
        watch::Event::Unchanged { what, millis } => {
            let m = msg!("watch-unchanged", what = what.clone(), millis = millis);
            println!("{}", m.render(lang))
        }
        watch::Event::Failed {
            what,
            error,
            millis,
        } => {
            eprintln!("{}", error.render(lang));
            let m = msg!("watch-not-rebuilt", what = what.clone(), millis = millis);
            eprintln!("{}", m.render(lang));
        }
        watch::Event::Written {
            millis,
            skipped,
            kept,
        } => {
            let m = msg!("watch-written", millis = millis, skipped = skipped);
            println!("{}", m.render(lang));
            if !kept.is_empty() {
                let m = msg!("watch-kept-foreign", files = kept.join(", "));
                println!("{}", m.render(lang));
            }
        }
        watch::Event::NotWritten { error } => {
            let m = msg!("watch-not-written", error = error.message());
            eprintln!("{}", m.render(lang))
        }
    }
}
