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
use std::sync::mpsc::Sender;
use std::time::Duration;

use notify::{PollWatcher, RecommendedWatcher, RecursiveMode};

use crate::i18n::Message;
use crate::msg;
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer_opt};

mod rebuilder;
mod writer;

pub(crate) use rebuilder::{Event, Outcome, Tell, spawn_rebuilder};

/// How long events settle before a rebuild starts. An editor's save (a
/// write, or a temporary file renamed over the original) arrives as events
/// microseconds apart; 10 ms is long enough to see it whole and short
/// enough not to be felt. A save slower than that gives a second rebuild,
/// never a stuck preview.
const DEBOUNCE: Duration = Duration::from_millis(10);
/// How often the debouncer looks for settled events.
const TICK: Duration = Duration::from_millis(3);
/// Polling interval when native events are unavailable.
pub(crate) const POLL: Duration = Duration::from_millis(400);

/// What the rebuild loop is told: by the watcher, and by the photo
/// worker through the same channel (so a rebuild takes in everything that
/// queued up meanwhile).
pub(crate) enum Batch {
    /// The paths changed in one settled burst.
    Changed(Vec<PathBuf>),
    /// The watcher failed to follow something.
    Error(String),
    /// The background worker processed these photos.
    Photos(Vec<PathBuf>),
    /// The search worker made an index.
    Search,
}

/// A running file watcher, sending one batch per settled burst of changes
/// to the channel it was given. Dropping it stops watching.
pub(crate) struct Watcher {
    debouncer: Box<dyn WatchMore + Send>,
    /// `Some(reason)` when the watcher polls instead of using native events.
    pub polling: Option<Message>,
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
pub(crate) fn watch(roots: &[PathBuf], tx: &Sender<Batch>) -> anyhow::Result<Watcher> {
    let force_poll = std::env::var_os("CAMPAIGN_POLL").is_some_and(|v| v != "0");
    if !force_poll {
        match start::<RecommendedWatcher>(roots, notify::Config::default(), tx.clone()) {
            Ok(debouncer) => {
                return Ok(Watcher {
                    debouncer: Box::new(debouncer),
                    polling: None,
                });
            }
            Err(e) => {
                let reason = match &e.kind {
                    notify::ErrorKind::MaxFilesWatch => msg!("watch-limit-reached"),
                    _ => msg!("watch-no-native-events", error = e.to_string()),
                };
                return poll(roots, reason, tx);
            }
        }
    }
    poll(roots, msg!("watch-poll-asked"), tx)
}

fn poll(roots: &[PathBuf], reason: Message, tx: &Sender<Batch>) -> anyhow::Result<Watcher> {
    // The poller compares modification times in whole seconds only, so a
    // save in the same second as the one before would go unseen: compare
    // the contents as well (it costs reading the watched files each poll).
    let config = notify::Config::default()
        .with_poll_interval(POLL)
        .with_compare_contents(true);
    let debouncer = start::<PollWatcher>(roots, config, tx.clone())?;
    Ok(Watcher {
        debouncer: Box::new(debouncer),
        polling: Some(reason),
    })
}

fn start<W: notify::Watcher + Send + 'static>(
    roots: &[PathBuf],
    config: notify::Config,
    tx: Sender<Batch>,
) -> Result<Debouncer<W, RecommendedCache>, notify::Error> {
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
    Ok(debouncer)
}

/// Whether `path` lies in (or is) one of `roots`, however either is written
/// (relative or absolute).
pub(crate) fn in_roots(path: &Path, roots: &[PathBuf]) -> bool {
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
pub(crate) fn describe(paths: &[PathBuf]) -> Message {
    match paths {
        [] => msg!("rebuild-rebuilt"),
        [one] => msg!("rebuild-changed", file = one),
        [one, rest @ ..] => msg!("rebuild-changed-more", file = one, more = rest.len()),
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

    #[test]
    fn the_photo_cache_is_ignored() {
        // Beside the content folder (never watched), and hidden wherever
        // a watched folder would hold it: writing it triggers no rebuild.
        let cache = crate::content::photos::cache_dir(Path::new("site/content"));
        assert_eq!(cache, Path::new("site/.campaign-cache/photos"));
        assert!(!is_relevant(&cache.join("ab/abcdef/anh-960.jpg")));
        assert_eq!(
            crate::content::photos::cache_dir(Path::new("content")),
            Path::new("./.campaign-cache/photos")
        );
    }
}
