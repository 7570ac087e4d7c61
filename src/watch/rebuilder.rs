//! The rebuild loop of `watch` and `serve`: builds once, then again after
//! every batch of changes; shows each result at once (through `publish`)
//! and hands it to the [`Writer`] for the output folder.
//!
//! It never goes deaf: when the content or themes folder is replaced (a
//! branch switch, an `rsync`, last year's backup unzipped over it) or
//! renamed away and back, the folders are watched again, and the site is
//! rebuilt in full once the copy settles.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::writer::Writer;
use super::{Batch, POLL, Watcher, describe, in_roots, watch};
use crate::build::{BuildError, BuildOptions, BuildReport, Session};
use crate::content::PhotoMode;
use crate::diagnostics::Diagnostic;
use crate::i18n::Message;
use crate::msg;
use crate::output::{self, Tree};

/// How long a replaced folder must stay quiet before the site is rebuilt.
const SETTLE: Duration = Duration::from_millis(300);

/// The outcome of one build, handed to whoever shows the site.
pub(crate) enum Outcome<'a> {
    Built {
        /// Shared with whoever shows it: publishing costs no copy.
        tree: &'a Arc<Tree>,
        /// Only stylesheets changed: a page can swap styles without reloading.
        css_only: bool,
        /// The site's `base_url` (the server maps it back to its own root).
        base_url: &'a str,
        /// Only the search index changed: open pages need not reload (but
        /// for the search page).
        index_only: bool,
    },
    Failed(&'a BuildError),
}

/// What happens while watching, for the command line to tell.
pub(crate) enum Event<'a> {
    /// Native file events are not available: the folders are polled.
    Polling { reason: &'a Message, every_ms: u128 },
    /// What an interrupted run had left in the output folder, put right.
    Repaired(&'a Message),
    /// A folder made after the start cannot be watched.
    CannotWatch { folder: &'a Path, error: String },
    /// The watcher failed to follow a change.
    WatchFailed(&'a str),
    /// A watched folder disappeared (renamed away, deleted).
    FolderGone(&'a Path),
    /// A watched folder was replaced or came back: it is watched again.
    FolderBack(&'a Path),
    /// A warning about the content, told once, when it first appears.
    Warning(&'a Diagnostic),
    /// The site shown has photos the background worker is processing:
    /// they are shown by their originals, and the output folder waits
    /// until they are done (told when the count changes).
    PhotosPending { count: usize },
    /// A rebuild was shown.
    Rebuilt {
        /// What it was for: the first build, or the files that changed.
        what: &'a Message,
        report: &'a BuildReport,
    },
    /// A change was rebuilt but nothing on the site changed (open pages
    /// are not reloaded).
    Unchanged { what: &'a Message, millis: u128 },
    /// A rebuild failed: the last good site is kept.
    Failed {
        what: &'a Message,
        error: &'a BuildError,
        millis: u128,
    },
    /// The output folder was brought up to date (`skipped` sites that were
    /// newer by then were never written on their own).
    Written {
        millis: u128,
        skipped: usize,
        /// What campaign did not write, kept in the output folder (told
        /// when the folder is written whole).
        kept: &'a [String],
    },
    /// The output folder could not be written; the preview goes on.
    NotWritten { error: &'a output::OutputError },
}

/// Where the loop tells what happens: shared by its thread and the writer's.
pub(crate) type Tell = Arc<dyn Fn(Event<'_>) + Send + Sync>;

/// Rebuilds on every change until `stop` is set. Each outcome is passed to
/// `publish` before the output folder is written, so a server shows it at
/// once; everything worth telling goes to `tell`. The output folder is
/// locked for the whole run, and whole when the thread ends.
pub(crate) fn spawn_rebuilder(
    options: BuildOptions,
    stop: Arc<AtomicBool>,
    publish: impl FnMut(Outcome<'_>) + Send + 'static,
    tell: Tell,
) -> anyhow::Result<JoinHandle<()>> {
    output::check_target(&options.output, &options.source)?;
    // Locked now, so that a second writer is refused at once; what an
    // interrupted run left is put right by the writer, before its first
    // write, so that showing the first build does not wait for it.
    let lock = output::lock(&options.output, "campaign serve/watch")?;
    let themes = crate::build::themes_dir(&options);
    let roots = [options.source.clone(), themes];
    let (events, changes) = mpsc::channel();
    let watcher = watch(&roots, &events)?;
    if let Some(reason) = &watcher.polling {
        tell(Event::Polling {
            reason,
            every_ms: POLL.as_millis(),
        });
    }
    let writer_tell = tell.clone();
    let writer = Writer::start(
        options.output.clone(),
        options.source.clone(),
        lock,
        move |e| writer_tell(e),
    )?;
    // New photos are processed behind the preview; a finished batch is
    // told through the watcher's channel, as a change would be.
    let photos_done = events.clone();
    let photos = crate::photos::Worker::start(crate::photos::threads(), move |paths| {
        let _ = photos_done.send(Batch::Photos(paths));
    })?;
    // So is the search index, told the same way.
    let search_done = events.clone();
    let session = Session::new(options)
        .with_photos(PhotoMode::Background(photos.handle()))
        .with_background_search(move || {
            let _ = search_done.send(Batch::Search);
        })?;
    let rebuilder = Rebuilder {
        // Roots that do not exist yet (a theme folder made later).
        missing: roots.iter().filter(|r| !r.is_dir()).cloned().collect(),
        identities: roots.iter().map(|r| identity(r)).collect(),
        roots,
        watcher,
        events,
        changes,
        session,
        photos,
        pending_told: 0,
        told: HashSet::new(),
        shown: None,
        writer,
    };
    let handle = std::thread::Builder::new()
        .name("campaign-rebuild".into())
        .spawn(move || rebuilder.run(&stop, publish, &*tell))?;
    Ok(handle)
}

/// Why a rebuild runs.
enum Why {
    First,
    Changed(Vec<PathBuf>),
    /// A watched folder was replaced: everything may have changed.
    Replaced(PathBuf),
    /// The background worker processed these photos (and nothing else
    /// changed).
    Photos(Vec<PathBuf>),
    /// The search worker made an index (and nothing else changed).
    Search,
}

/// The rebuild loop's state.
struct Rebuilder {
    /// The content and themes folders.
    roots: [PathBuf; 2],
    /// Those not made yet: watched once they are.
    missing: Vec<PathBuf>,
    /// Which folder each root is (device and inode), to see it replaced.
    identities: Vec<Option<(u64, u64)>>,
    /// Owned whole: dropping it would stop watching.
    watcher: Watcher,
    /// The channel the watcher and the photo worker send to (a watcher
    /// made again sends to the same one).
    events: Sender<Batch>,
    changes: Receiver<Batch>,
    session: Session,
    /// Processes new photos behind the preview.
    photos: crate::photos::Worker,
    /// The count of pending photos last told.
    pending_told: usize,
    /// The warnings already told.
    told: HashSet<Diagnostic>,
    /// The site last shown.
    shown: Option<Arc<Tree>>,
    writer: Writer,
}

impl Rebuilder {
    fn run(
        mut self,
        stop: &AtomicBool,
        mut publish: impl FnMut(Outcome<'_>),
        tell: &dyn Fn(Event<'_>),
    ) {
        self.rebuild(Why::First, &mut publish, tell);
        while let Some(why) = self.next(stop, tell) {
            self.rebuild(why, &mut publish, tell);
        }
        // Photos being processed are left for the next run (what is
        // done is in the cache).
        self.photos.stop();
        // The output folder ends whole: the last site is written first.
        self.writer.finish();
    }

    /// Waits for the next reason to rebuild; `None` when stopped.
    fn next(&mut self, stop: &AtomicBool, tell: &dyn Fn(Event<'_>)) -> Option<Why> {
        let mut changed = Vec::new();
        let mut photos = Vec::new();
        let mut search = false;
        while !stop.load(Ordering::SeqCst) {
            if let Some(root) = self.replaced_root(tell) {
                return Some(Why::Replaced(root));
            }
            let first = match self.changes.recv_timeout(Duration::from_millis(100)) {
                Ok(batch) => batch,
                Err(RecvTimeoutError::Timeout) => continue,
                Err(RecvTimeoutError::Disconnected) => return None,
            };
            let queued = std::iter::from_fn(|| self.changes.try_recv().ok());
            for batch in std::iter::once(first).chain(queued).collect::<Vec<_>>() {
                match batch {
                    Batch::Changed(paths) => changed.extend(paths),
                    Batch::Error(e) => tell(Event::WatchFailed(&e)),
                    Batch::Photos(paths) => photos.extend(paths),
                    Batch::Search => search = true,
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
            if changed.is_empty() && !photos.is_empty() {
                return Some(Why::Photos(photos));
            }
            // A rebuild for other reasons takes the index in too.
            if changed.is_empty() && search {
                return Some(Why::Search);
            }
            if !changed.is_empty() {
                // Processed photos among the changes: a photo is no post,
                // so the site is loaded in full and takes them in.
                changed.extend(photos);
                changed.sort();
                changed.dedup();
                return Some(Why::Changed(changed));
            }
        }
        None
    }

    /// A root that is another folder than before (replaced, or back after
    /// being renamed away): watches everything again once it has settled
    /// and returns it.
    fn replaced_root(&mut self, tell: &dyn Fn(Event<'_>)) -> Option<PathBuf> {
        let mut back = None;
        for (i, root) in self.roots.iter().enumerate() {
            let now = identity(root);
            if now == self.identities[i] {
                continue;
            }
            self.identities[i] = now;
            match now {
                None => tell(Event::FolderGone(root)),
                Some(_) => back = Some(root.clone()),
            }
        }
        let root = back?;
        tell(Event::FolderBack(&root));
        // Watch anew (the old watches follow the folder that went away),
        // then wait for the copy to settle.
        match watch(&self.roots, &self.events) {
            Ok(w) => self.watcher = w,
            Err(e) => tell(Event::CannotWatch {
                folder: &root,
                error: e.to_string(),
            }),
        }
        let mut quiet_since = Instant::now();
        while quiet_since.elapsed() < SETTLE {
            if self.changes.recv_timeout(SETTLE / 3).is_ok() {
                quiet_since = Instant::now();
            }
        }
        // What queued up is all in the full rebuild that follows (photos
        // the worker finished included: it hands them to the next load).
        while self.changes.try_recv().is_ok() {}
        Some(root)
    }

    /// Rebuilds, shows the outcome, and queues the output folder's update.
    fn rebuild(
        &mut self,
        why: Why,
        publish: &mut impl FnMut(Outcome<'_>),
        tell: &dyn Fn(Event<'_>),
    ) {
        let started = Instant::now();
        if matches!(why, Why::Search) {
            self.index_done(publish);
            return;
        }
        let (what, changed) = match &why {
            Why::Search => unreachable!("handled above"),
            Why::First => (msg!("rebuild-first"), Vec::new()),
            Why::Changed(paths) => (describe(paths), paths.clone()),
            // The folder itself as the change: everything in it is read
            // again (a theme is compiled again).
            Why::Replaced(root) => (msg!("rebuild-replaced", folder = root), vec![root.clone()]),
            Why::Photos(paths) => (msg!("rebuild-photos", count = paths.len()), paths.clone()),
        };
        let (tree, report) = match self.session.rebuild(&changed) {
            Ok(built) => built,
            Err(error) => {
                publish(Outcome::Failed(&error));
                // The next good build is shown, even if it is the same
                // site as before the error (open pages drop the overlay).
                self.shown = None;
                tell(Event::Failed {
                    what: &what,
                    error: &error,
                    millis: started.elapsed().as_millis(),
                });
                return;
            }
        };
        let warnings: HashSet<&Diagnostic> = self.session.warnings().iter().collect();
        let mut new: Vec<&Diagnostic> = warnings
            .iter()
            .filter(|w| !self.told.contains(**w))
            .copied()
            .collect();
        new.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
        for w in new {
            tell(Event::Warning(w));
        }
        self.told = warnings.into_iter().cloned().collect();
        // A save that changed nothing (a `touch`, the same text saved
        // again) reloads no open page.
        let text_only = !changed.is_empty()
            && changed.iter().all(|p| {
                p.extension()
                    .is_some_and(|e| e == "md" || e == "yaml" || e == "yml")
            });
        if (text_only || matches!(why, Why::Photos(_)))
            && self
                .shown
                .as_deref()
                .is_some_and(|shown| same(shown, &tree))
        {
            tell(Event::Unchanged {
                what: &what,
                millis: started.elapsed().as_millis(),
            });
            return;
        }
        let css_only = !changed.is_empty()
            && changed
                .iter()
                .all(|p| p.extension().is_some_and(|e| e == "css"));
        publish(Outcome::Built {
            tree: &tree,
            css_only,
            base_url: self.session.base_url(),
            index_only: false,
        });
        tell(Event::Rebuilt {
            what: &what,
            report: &report,
        });
        self.shown = Some(tree.clone());
        let pending = report.pending_photos;
        if pending != self.pending_told {
            tell(Event::PhotosPending { count: pending });
            self.pending_told = pending;
        }
        // The output folder is written only from a site with every photo
        // processed (a pending photo's original is for the preview alone)
        // and its own search index.
        if pending == 0 && !report.pending_search {
            self.writer.write(tree);
        }
    }

    /// Shows the last build with the index the search worker made for it
    /// (if it is still the one wanted), and writes it once nothing else
    /// is pending.
    fn index_done(&mut self, publish: &mut impl FnMut(Outcome<'_>)) {
        let Some(tree) = self.session.take_search() else {
            return;
        };
        publish(Outcome::Built {
            tree: &tree,
            css_only: false,
            base_url: self.session.base_url(),
            index_only: true,
        });
        self.shown = Some(tree.clone());
        if self.pending_told == 0 {
            self.writer.write(tree);
        }
    }
}

/// Whether two sites hold the same files with the same content (pages
/// kept from one build to the next are shared, so this is mostly pointers).
fn same(a: &Tree, b: &Tree) -> bool {
    use crate::output::Source;
    a.len() == b.len()
        && a.iter().zip(b.iter()).all(|((ka, sa), (kb, sb))| {
            ka == kb
                && match (sa, sb) {
                    (Source::Bytes(x), Source::Bytes(y)) => Arc::ptr_eq(x, y) || x[..] == y[..],
                    (Source::Static(x), Source::Static(y)) => x == y,
                    (Source::Copy(x), Source::Copy(y)) => x == y,
                    _ => false,
                }
        })
}

/// Which folder `path` is: its device and inode.
fn identity(path: &Path) -> Option<(u64, u64)> {
    let m = std::fs::metadata(path).ok().filter(|m| m.is_dir())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some((m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = m;
        Some((0, 0))
    }
}
