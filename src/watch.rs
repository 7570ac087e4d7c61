//! Watching the content and theme folders, and rebuilding on every change.
//!
//! Folders are watched, never single files, so editors that save by writing
//! a temporary file and renaming it over the original (vim, VS Code, most
//! word processors) are seen like any other save. The full debouncer pairs
//! renames and merges a burst of events into one batch, which gives one
//! rebuild. Editor temporary and backup files are ignored. When native
//! events are not available (or the system's watch limit is reached) the
//! watcher falls back to polling, and says so.

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

/// A running file watcher. Dropping it stops watching.
pub struct Watcher {
    debouncer: Box<dyn WatchMore + Send>,
    /// Batches of changed paths, one per settled burst.
    pub changes: Receiver<Vec<PathBuf>>,
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
    pub fn add(&mut self, folder: &Path) -> Result<(), notify::Error> {
        self.debouncer.watch_folder(folder)
    }
}

/// Whether a changed path can matter to the site.
pub fn is_relevant(path: &Path) -> bool {
    let Some(name) = path.file_name().map(|n| n.to_string_lossy()) else {
        return false;
    };
    // Editor droppings: vim swap and backup files, emacs locks, `~` backups,
    // VS Code and LibreOffice temporary files.
    let noise = name.starts_with(".#")
        || name.starts_with('#')
        || name.starts_with(".~lock")
        || name.ends_with('~')
        || name == "4913"
        || [
            ".swp",
            ".swx",
            ".swo",
            ".tmp",
            ".bak",
            ".crdownload",
            ".part",
        ]
        .iter()
        .any(|s| name.ends_with(s));
    let hidden = path.components().any(|c| {
        c.as_os_str().to_string_lossy().starts_with('.')
            && c.as_os_str() != "."
            && c.as_os_str() != ".."
    });
    !noise && !hidden
}

/// Starts watching `roots` (folders). For a root that does not exist yet,
/// its parent folder is watched (not what lies below it), so that its
/// creation is seen: the caller then [`Watcher::add`]s it.
pub fn watch(roots: &[PathBuf]) -> anyhow::Result<Watcher> {
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

type Started<W> = (Debouncer<W, RecommendedCache>, Receiver<Vec<PathBuf>>);

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
                let _ = tx.send(paths);
            }
        }
        Err(errors) => {
            for e in errors {
                eprintln!("warning: file watching: {e}");
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
pub enum Outcome<'a> {
    Built {
        /// Shared with whoever shows it: publishing costs no copy.
        tree: &'a Arc<Tree>,
        report: BuildReport,
        /// Only stylesheets changed: a page can swap styles without reloading.
        css_only: bool,
        /// The site's `base_url` (the server maps it back to its own root).
        base_url: &'a str,
    },
    Failed(&'a BuildError),
}

/// Rebuilds on every change until `stop` is set: builds once at the start,
/// then after every batch of changes. Each outcome is passed to `publish`
/// before the output folder is written, so a server shows it at once.
pub fn spawn_rebuilder(
    options: BuildOptions,
    stop: Arc<AtomicBool>,
    mut publish: impl FnMut(Outcome<'_>) + Send + 'static,
) -> anyhow::Result<JoinHandle<()>> {
    let themes = crate::build::themes_dir(&options);
    let roots = [options.source.clone(), themes];
    let watcher = watch(&roots)?;
    if let Some(reason) = &watcher.polling {
        eprintln!(
            "warning: {reason}; checking for changes every {} ms instead",
            POLL.as_millis()
        );
    }
    let handle = std::thread::Builder::new()
        .name("campaign-rebuild".into())
        .spawn(move || {
            // Move the whole watcher in: a closure capturing only
            // `watcher.changes` would drop the debouncer (and stop watching)
            // as soon as this function returns.
            let mut watcher = watcher;
            // Roots that did not exist yet (a theme folder made later).
            let mut missing: Vec<PathBuf> =
                roots.iter().filter(|r| !r.is_dir()).cloned().collect();
            let mut session = Session::new(options);
            // Warnings already printed: each is shown once, when it appears.
            let mut shown: std::collections::HashSet<String> = Default::default();
            // What the output folder holds, to write only what changes.
            let mut written: Option<Arc<Tree>> = None;
            let mut changed: Vec<PathBuf> = Vec::new();
            let mut first = true;
            while !stop.load(Ordering::SeqCst) {
                if !first {
                    match watcher.changes.recv_timeout(Duration::from_millis(100)) {
                        Ok(batch) => changed.extend(batch),
                        Err(RecvTimeoutError::Timeout) => continue,
                        Err(RecvTimeoutError::Disconnected) => break,
                    }
                    // Everything already queued joins this rebuild.
                    while let Ok(batch) = watcher.changes.try_recv() {
                        changed.extend(batch);
                    }
                    missing.retain(|root| {
                        if !root.is_dir() {
                            return true;
                        }
                        if let Err(e) = watcher.add(root) {
                            eprintln!("warning: cannot watch {}: {e}", root.display());
                        }
                        false
                    });
                    // Only what lies in the watched folders (the parent of
                    // a missing one is watched for its creation alone).
                    changed.retain(|p| in_roots(p, &roots));
                    if changed.is_empty() {
                        continue;
                    }
                    changed.sort();
                    changed.dedup();
                }
                let started = Instant::now();
                let result = session.rebuild(&changed);
                let what = if first {
                    "first build".to_owned()
                } else {
                    describe(&changed)
                };
                match result {
                    Ok((tree, report)) => {
                        let warnings: std::collections::HashSet<String> =
                            session.warnings().iter().map(|w| w.to_string()).collect();
                        let mut new: Vec<&String> = warnings.difference(&shown).collect();
                        new.sort();
                        for w in new {
                            eprintln!("{w}");
                        }
                        shown = warnings;
                        let css_only = !first
                            && !changed.is_empty()
                            && changed
                                .iter()
                                .all(|p| p.extension().is_some_and(|e| e == "css"));
                        publish(Outcome::Built {
                            tree: &tree,
                            report,
                            css_only,
                            base_url: session.base_url(),
                        });
                        let shown = report.millis;
                        let write = output::sync(
                            &session.options().output,
                            &session.options().source,
                            &tree,
                            written.as_deref(),
                        );
                        match write {
                            Ok(()) => {
                                println!(
                                    "{what}: {} of {} pages rendered ({} posts, {} editions), shown in {shown} ms, written in {} ms",
                                    report.rendered,
                                    report.pages,
                                    report.posts,
                                    report.editions,
                                    started.elapsed().as_millis()
                                );
                                written = Some(tree);
                            }
                            Err(e) => {
                                eprintln!("{what}: built, but {e}");
                                written = None;
                            }
                        }
                    }
                    Err(e) => {
                        publish(Outcome::Failed(&e));
                        eprintln!("{e}");
                        eprintln!(
                            "{what}: not rebuilt; the last good site is kept ({} ms)",
                            started.elapsed().as_millis()
                        );
                    }
                }
                first = false;
                changed.clear();
            }
        })?;
    Ok(handle)
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
