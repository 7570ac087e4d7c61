//! Watching the content and theme folders, and rebuilding on every change.
//!
//! Folders are watched, never single files, so editors that save by writing
//! a temporary file and renaming it over the original (vim, VS Code, most
//! word processors) are seen like any other save. The full debouncer pairs
//! renames and merges a burst of events into one batch, which gives one
//! rebuild. Editor temporary and backup files are ignored. When native
//! events are not available (or the system's watch limit is reached) the
//! watcher falls back to polling, and says so.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use notify::{PollWatcher, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer_opt};

use crate::build::{BuildError, BuildOptions, BuildReport, Session};
use crate::output::{self, Tree};

/// How long events settle before a rebuild starts. An editor's save (a
/// write, or a temporary file renamed over the original) arrives as events
/// microseconds apart; 10 ms is long enough to see it whole and short
/// enough not to be felt. A save slower than that gives a second rebuild,
/// never a stuck preview.
const DEBOUNCE: Duration = Duration::from_millis(10);
/// How often the debouncer looks for settled events.
const TICK: Duration = Duration::from_millis(3);
/// Polling interval when native events are unavailable.
const POLL: Duration = Duration::from_millis(400);

/// What the watcher reports.
pub(crate) enum Batch {
    /// The paths changed in one settled burst.
    Changed(Vec<PathBuf>),
    /// The watcher failed to follow something.
    Error(String),
}

/// A running file watcher. Dropping it stops watching.
pub(crate) struct Watcher {
    debouncer: Box<dyn WatchMore + Send>,
    /// One batch per settled burst of changes.
    pub changes: Receiver<Batch>,
    /// `Some(reason)` when the watcher polls instead of using native events.
    pub polling: Option<String>,
}

/// Adding a folder to a running watcher, whatever its kind.
trait WatchMore {
    fn watch_folder(&mut self, path: &Path) -> Result<(), notify::Error>;
}

impl<W: notify::Watcher> WatchMore for Debouncer<W, RecommendedCache> {
    fn watch_folder(&mut self, path: &Path) -> Result<(), notify::Error> {
        self.watch(path, RecursiveMode::Recursive)
    }
}

impl Watcher {
    /// Starts watching one more folder (and everything in it).
    pub(crate) fn add(&mut self, folder: &Path) -> Result<(), notify::Error> {
        self.debouncer.watch_folder(folder)
    }
}

/// Whether a changed path can matter to the site: no part of it is an
/// ignored name ([`crate::ignore`]).
pub(crate) fn is_relevant(path: &Path) -> bool {
    path.file_name().is_some() && !crate::ignore::is_ignored_path(path)
}

/// Starts watching `roots` (folders). For a root that does not exist yet,
/// its parent folder is watched (not what lies below it), so that its
/// creation is seen: the caller then [`Watcher::add`]s it.
pub(crate) fn watch(roots: &[PathBuf]) -> anyhow::Result<Watcher> {
    let force_poll = std::env::var_os("CAMPAIGN_POLL").is_some_and(|v| v != "0");
    if !force_poll {
        match start::<RecommendedWatcher>(roots, notify::Config::default()) {
            Ok((debouncer, changes)) => {
                return Ok(Watcher {
                    debouncer: Box::new(debouncer),
                    changes,
                    polling: None,
                });
            }
            Err(e) => {
                let reason = match &e.kind {
                    notify::ErrorKind::MaxFilesWatch => {
                        "the system's limit of watched folders is reached (raise fs.inotify.max_user_watches)".to_owned()
                    }
                    _ => format!("native file events are not available ({e})"),
                };
                return poll(roots, reason);
            }
        }
    }
    poll(roots, "CAMPAIGN_POLL is set".to_owned())
}

fn poll(roots: &[PathBuf], reason: String) -> anyhow::Result<Watcher> {
    // The poller compares modification times in whole seconds only, so a
    // save in the same second as the one before would go unseen: compare
    // the contents as well (it costs reading the watched files each poll).
    let config = notify::Config::default()
        .with_poll_interval(POLL)
        .with_compare_contents(true);
    let (debouncer, changes) = start::<PollWatcher>(roots, config)?;
    Ok(Watcher {
        debouncer: Box::new(debouncer),
        changes,
        polling: Some(reason),
    })
}

type Started<W> = (Debouncer<W, RecommendedCache>, Receiver<Batch>);

fn start<W: notify::Watcher + Send + 'static>(
    roots: &[PathBuf],
    config: notify::Config,
) -> Result<Started<W>, notify::Error> {
    let (tx, rx) = mpsc::channel();
    let handler = move |result: DebounceEventResult| match result {
        Ok(events) => {
            let mut paths: Vec<PathBuf> = events
                .iter()
                .filter(|e| !e.kind.is_access())
                .flat_map(|e| e.paths.iter().cloned())
                .filter(|p| is_relevant(p))
                .collect();
            paths.sort();
            paths.dedup();
            if !paths.is_empty() {
                let _ = tx.send(Batch::Changed(paths));
            }
        }
        Err(errors) => {
            for e in errors {
                let _ = tx.send(Batch::Error(e.to_string()));
            }
        }
    };
    let mut debouncer = new_debouncer_opt::<_, W, RecommendedCache>(
        DEBOUNCE,
        Some(TICK),
        handler,
        RecommendedCache::new(),
        config,
    )?;
    for root in roots {
        if root.is_dir() {
            debouncer.watch(root, RecursiveMode::Recursive)?;
        } else if let Some(parent) = root.parent().filter(|p| p.is_dir()) {
            debouncer.watch(parent, RecursiveMode::NonRecursive)?;
        } else if root.parent().is_some_and(|p| p.as_os_str().is_empty()) {
            debouncer.watch(Path::new("."), RecursiveMode::NonRecursive)?;
        }
    }
    Ok((debouncer, rx))
}

/// The outcome of one build, handed to whoever shows the site.
pub(crate) enum Outcome<'a> {
    Built {
        /// Shared with whoever shows it: publishing costs no copy.
        tree: &'a Arc<Tree>,
        /// Only stylesheets changed: a page can swap styles without reloading.
        css_only: bool,
        /// The site's `base_url` (the server maps it back to its own root).
        base_url: &'a str,
    },
    Failed(&'a BuildError),
}

/// What happens while watching, for the command line to tell.
pub(crate) enum Event<'a> {
    /// Native file events are not available: the folders are polled.
    Polling { reason: &'a str, every_ms: u128 },
    /// A folder made after the start cannot be watched.
    CannotWatch { folder: &'a Path, error: String },
    /// The watcher failed to follow a change.
    WatchFailed(&'a str),
    /// A warning about the content, told once, when it first appears.
    Warning(&'a str),
    /// A rebuild was shown and written to the output folder.
    Rebuilt {
        /// What it was for: the first build, or the files that changed.
        what: &'a str,
        report: &'a BuildReport,
        /// From the start of the rebuild until it was shown, and written.
        shown_ms: u128,
        written_ms: u128,
    },
    /// A rebuild was shown, but the output folder could not be written.
    NotWritten {
        what: &'a str,
        error: &'a output::OutputError,
    },
    /// A rebuild failed: the last good site is kept.
    Failed {
        what: &'a str,
        error: &'a BuildError,
        millis: u128,
    },
}

/// Rebuilds on every change until `stop` is set: builds once at the start,
/// then after every batch of changes. Each outcome is passed to `publish`
/// before the output folder is written, so a server shows it at once;
/// everything worth telling goes to `tell`.
pub(crate) fn spawn_rebuilder(
    options: BuildOptions,
    stop: Arc<AtomicBool>,
    publish: impl FnMut(Outcome<'_>) + Send + 'static,
    tell: impl Fn(Event<'_>) + Send + 'static,
) -> anyhow::Result<JoinHandle<()>> {
    let themes = crate::build::themes_dir(&options);
    let roots = [options.source.clone(), themes];
    let watcher = watch(&roots)?;
    if let Some(reason) = &watcher.polling {
        tell(Event::Polling {
            reason,
            every_ms: POLL.as_millis(),
        });
    }
    let rebuilder = Rebuilder {
        // Roots that do not exist yet (a theme folder made later).
        missing: roots.iter().filter(|r| !r.is_dir()).cloned().collect(),
        roots,
        watcher,
        session: Session::new(options),
        told: HashSet::new(),
        written: None,
    };
    let handle = std::thread::Builder::new()
        .name("campaign-rebuild".into())
        .spawn(move || rebuilder.run(&stop, publish, tell))?;
    Ok(handle)
}

/// The rebuild loop's state.
struct Rebuilder {
    /// The content and themes folders.
    roots: [PathBuf; 2],
    /// Those not made yet: watched once they are.
    missing: Vec<PathBuf>,
    /// Owned whole: dropping it would stop watching.
    watcher: Watcher,
    session: Session,
    /// The warnings already told.
    told: HashSet<String>,
    /// What the output folder holds, to write only what changes.
    written: Option<Arc<Tree>>,
}

impl Rebuilder {
    fn run(
        mut self,
        stop: &AtomicBool,
        mut publish: impl FnMut(Outcome<'_>),
        tell: impl Fn(Event<'_>),
    ) {
        self.rebuild(&[], &mut publish, &tell);
        while let Some(changed) = self.next_changes(stop, &tell) {
            self.rebuild(&changed, &mut publish, &tell);
        }
    }

    /// Waits for the next changes that matter, every change already queued
    /// included. `None` when stopped.
    fn next_changes(
        &mut self,
        stop: &AtomicBool,
        tell: &impl Fn(Event<'_>),
    ) -> Option<Vec<PathBuf>> {
        let mut changed = Vec::new();
        while !stop.load(Ordering::SeqCst) {
            let first = match self
                .watcher
                .changes
                .recv_timeout(Duration::from_millis(100))
            {
                Ok(batch) => batch,
                Err(RecvTimeoutError::Timeout) => continue,
                Err(RecvTimeoutError::Disconnected) => return None,
            };
            let queued = std::iter::from_fn(|| self.watcher.changes.try_recv().ok());
            for batch in std::iter::once(first).chain(queued).collect::<Vec<_>>() {
                match batch {
                    Batch::Changed(paths) => changed.extend(paths),
                    Batch::Error(e) => tell(Event::WatchFailed(&e)),
                }
            }
            let (watcher, missing) = (&mut self.watcher, &mut self.missing);
            missing.retain(|root| {
                if !root.is_dir() {
                    return true;
                }
                if let Err(e) = watcher.add(root) {
                    tell(Event::CannotWatch {
                        folder: root,
                        error: e.to_string(),
                    });
                }
                false
            });
            // Only what lies in the watched folders (the parent of a
            // missing one is watched for its creation alone).
            changed.retain(|p| in_roots(p, &self.roots));
            if !changed.is_empty() {
                changed.sort();
                changed.dedup();
                return Some(changed);
            }
        }
        None
    }

    /// Rebuilds after `changed` (nothing: the first build), publishes the
    /// outcome, then writes the output folder.
    fn rebuild(
        &mut self,
        changed: &[PathBuf],
        publish: &mut impl FnMut(Outcome<'_>),
        tell: &impl Fn(Event<'_>),
    ) {
        let started = Instant::now();
        let first = changed.is_empty();
        let what = if first {
            "first build".to_owned()
        } else {
            describe(changed)
        };
        let (tree, report) = match self.session.rebuild(changed) {
            Ok(built) => built,
            Err(error) => {
                publish(Outcome::Failed(&error));
                tell(Event::Failed {
                    what: &what,
                    error: &error,
                    millis: started.elapsed().as_millis(),
                });
                return;
            }
        };
        let warnings: HashSet<String> = self
            .session
            .warnings()
            .iter()
            .map(|w| w.to_string())
            .collect();
        let mut new: Vec<&String> = warnings.difference(&self.told).collect();
        new.sort();
        for w in new {
            tell(Event::Warning(w));
        }
        self.told = warnings;
        let css_only = !first
            && changed
                .iter()
                .all(|p| p.extension().is_some_and(|e| e == "css"));
        publish(Outcome::Built {
            tree: &tree,
            css_only,
            base_url: self.session.base_url(),
        });
        let options = self.session.options();
        match output::sync(
            &options.output,
            &options.source,
            &tree,
            self.written.as_deref(),
        ) {
            Ok(()) => {
                tell(Event::Rebuilt {
                    what: &what,
                    report: &report,
                    shown_ms: report.millis,
                    written_ms: started.elapsed().as_millis(),
                });
                self.written = Some(tree);
            }
            Err(error) => {
                tell(Event::NotWritten {
                    what: &what,
                    error: &error,
                });
                self.written = None;
            }
        }
    }
}

/// Whether `path` lies in (or is) one of `roots`, however either is written
/// (relative or absolute).
fn in_roots(path: &Path, roots: &[PathBuf]) -> bool {
    let absolute = |p: &Path| {
        std::path::absolute(p)
            .ok()
            .map(|a| a.canonicalize().unwrap_or(a))
    };
    let path_abs = path
        .parent()
        .and_then(absolute)
        .zip(path.file_name())
        .map(|(dir, name)| dir.join(name));
    roots.iter().any(|root| {
        path.starts_with(root)
            || match (&path_abs, absolute(root)) {
                (Some(p), Some(r)) => p.starts_with(&r),
                _ => false,
            }
    })
}

/// One line naming what changed.
fn describe(paths: &[PathBuf]) -> String {
    match paths {
        [] => "rebuilt".to_owned(),
        [one] => format!("changed {}", one.display()),
        [one, rest @ ..] => format!("changed {} and {} more", one.display(), rest.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_droppings_are_ignored() {
        for noise in [
            "content/2024/news/.a.md.swp",
            "content/2024/news/a.md~",
            "content/2024/news/#a.md#",
            "content/2024/news/.#a.md",
            "content/2024/news/4913",
            "content/.git/index",
            "content/2024/news/a.md.tmp",
        ] {
            assert!(!is_relevant(Path::new(noise)), "{noise}");
        }
        assert!(is_relevant(Path::new("content/2024/news/a.md")));
        assert!(is_relevant(Path::new("../site/content/2024/edition.yaml")));
        assert!(is_relevant(Path::new("./themes/default/static/style.css")));
    }
}
