//! Writing the output folder behind the preview: the rebuild loop hands
//! each new site to this thread and goes back to watching, so a slow disk
//! never delays showing the next save. Sites that arrive while a write is
//! under way are coalesced: only the newest is written next, and the
//! folder still ends equal to a clean build of the last one.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;
use std::time::Instant;

use super::rebuilder::Event;
use crate::output::{self, OutputLock, Tree};

/// The writing thread; dropping [`Writer::finish`]es it.
pub(super) struct Writer {
    tx: Option<Sender<Arc<Tree>>>,
    handle: Option<JoinHandle<()>>,
}

impl Writer {
    /// Starts writing `output` (the lock proves this is its only writer).
    pub(super) fn start(
        output: PathBuf,
        source: PathBuf,
        lock: OutputLock,
        tell: impl Fn(Event<'_>) + Send + 'static,
    ) -> std::io::Result<Writer> {
        let (tx, rx) = mpsc::channel::<Arc<Tree>>();
        let handle = std::thread::Builder::new()
            .name("campaign-write".into())
            .spawn(move || write_all(&output, &source, rx, lock, tell))?;
        Ok(Writer {
            tx: Some(tx),
            handle: Some(handle),
        })
    }

    /// Queues `tree` to be written.
    pub(super) fn write(&self, tree: Arc<Tree>) {
        if let Some(tx) = &self.tx {
            let _ = tx.send(tree);
        }
    }

    /// Writes what is queued, then stops.
    pub(super) fn finish(&mut self) {
        self.tx = None;
        if let Some(handle) = self.handle.take() {
            let _ = handle.join();
        }
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        self.finish();
    }
}

fn write_all(
    output: &std::path::Path,
    source: &std::path::Path,
    rx: Receiver<Arc<Tree>>,
    lock: OutputLock,
    tell: impl Fn(Event<'_>),
) {
    match output::repair(output, &lock) {
        Ok(notes) => notes.iter().for_each(|note| tell(Event::Repaired(note))),
        Err(error) => tell(Event::NotWritten { error: &error }),
    }
    // What the folder holds, to write only what changes.
    let mut written: Option<Arc<Tree>> = None;
    while let Ok(mut tree) = rx.recv() {
        // Only the newest of what queued up meanwhile.
        let mut skipped = 0;
        while let Ok(newer) = rx.try_recv() {
            tree = newer;
            skipped += 1;
        }
        let started = Instant::now();
        match output::sync(output, source, &tree, written.as_deref()) {
            Ok(kept) => {
                tell(Event::Written {
                    millis: started.elapsed().as_millis(),
                    skipped,
                    kept: &kept.foreign,
                });
                written = Some(tree);
            }
            Err(error) => {
                tell(Event::NotWritten { error: &error });
                written = None;
            }
        }
    }
    drop(lock);
}
