//! Photos processed behind the preview. `serve` and `watch` never make a
//! load wait for a photo: the load asks [`Background::resolve`] for the
//! photos it does not know, takes those already processed (by the worker,
//! for the very version of the file it sees, or found in the cache) and
//! leaves the others pending; a [`Worker`] thread processes them, in a
//! small pool of its own that leaves a core to the rebuilds, and says when
//! a batch is done so that the next rebuild picks them up.
//!
//! A newer load always wins: a photo changed or deleted while it is being
//! processed stops its batch (through the cancel flag [`super::process`]
//! takes), what the batch finished for photos still wanted is kept, and a
//! result for a version of a file that is no longer the current one is
//! never handed out.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;

use super::{Photo, PhotoError, Settings};
use crate::content::Stamp;

/// A photo's result as the worker left it.
type Result = std::result::Result<Arc<Photo>, PhotoError>;

/// What a load asks of a photo: the version of its file (its stamp) and
/// whether a full-size copy is made too ([`Settings::original`]).
pub(crate) type Want = (Stamp, bool);

/// The worker's thread; dropping it [`Worker::stop`]s it.
pub(crate) struct Worker {
    shared: Arc<Shared>,
    handle: Option<JoinHandle<()>>,
}

/// What a load holds to hand photos to the worker: a cheap handle on the
/// state it shares with the worker's thread (no thread of its own).
#[derive(Clone)]
pub(crate) struct Background {
    shared: Arc<Shared>,
}

struct Shared {
    state: Mutex<State>,
    wake: Condvar,
}

#[derive(Default)]
struct State {
    /// The photos the latest load waits for, each with its file's stamp
    /// as that load saw it.
    wanted: HashMap<PathBuf, Want>,
    /// Finished, for the next load to take (for the stamp recorded).
    done: HashMap<PathBuf, (Want, Result)>,
    /// The batch under way, and the flag that stops it.
    running: Vec<(PathBuf, Want)>,
    cancel: Arc<AtomicBool>,
    /// Where and how to process (from the latest load).
    job: Option<(PathBuf, Settings)>,
    stopping: bool,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// How many threads the worker may use: all cores but one (kept for the
/// rebuilds that show edits), at least one.
pub(crate) fn threads() -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .saturating_sub(1)
        .max(1)
}

impl Worker {
    /// Starts the worker with `threads` threads; `finished` is called (on
    /// its thread) with the photos of each batch as soon as it is done.
    pub(crate) fn start(
        threads: usize,
        finished: impl Fn(Vec<PathBuf>) + Send + 'static,
    ) -> std::io::Result<Worker> {
        let shared = Arc::new(Shared {
            state: Mutex::new(State::default()),
            wake: Condvar::new(),
        });
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads.max(1))
            .thread_name(|i| format!("campaign-photo-{i}"))
            .build()
            .map_err(std::io::Error::other)?;
        let worker = shared.clone();
        let handle = std::thread::Builder::new()
            .name("campaign-photos".into())
            .spawn(move || run(&worker, &pool, &finished))?;
        Ok(Worker {
            shared,
            handle: Some(handle),
        })
    }

    /// The handle loads use.
    pub(crate) fn handle(&self) -> Background {
        Background {
            shared: self.shared.clone(),
        }
    }

    /// Stops the batch under way (at the next photo or variant) and the
    /// thread.
    pub(crate) fn stop(&mut self) {
        {
            let mut state = self.shared.lock();
            state.stopping = true;
            state.cancel.store(true, Ordering::SeqCst);
        }
        self.shared.wake.notify_all();
        if let Some(handle) = self.handle.take() {
            let _ = handle.join();
        }
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        self.stop();
    }
}

impl Background {
    /// For the photos a load does not know (`todo`, each with its file's
    /// stamp): the results ready for that very stamp, finished by the
    /// worker or found in the cache in `cache_dir`. Every other photo is
    /// left pending and handed to the worker, replacing what the previous
    /// load handed it: a photo no longer asked for (deleted, or changed
    /// since) stops the batch that processes it.
    pub(crate) fn resolve(
        &self,
        todo: &[(PathBuf, Want)],
        settings: &Settings,
        cache_dir: &Path,
    ) -> HashMap<PathBuf, Result> {
        let mut ready = HashMap::new();
        let mut wanted = HashMap::new();
        let mut look_up = Vec::new();
        {
            let mut state = self.shared.lock();
            for (path, stamp) in todo {
                match state.done.remove(path) {
                    Some((s, result)) if s == *stamp => {
                        ready.insert(path.clone(), result);
                    }
                    _ if state.wanted.get(path) == Some(stamp) => {
                        wanted.insert(path.clone(), *stamp);
                    }
                    _ => look_up.push((path.clone(), *stamp)),
                }
            }
        }
        // Outside the lock: hashing and verifying take a few milliseconds.
        let mut cached = Vec::new();
        for original in [false, true] {
            let group: Vec<(PathBuf, Want)> = look_up
                .iter()
                .filter(|(_, (_, o))| *o == original)
                .cloned()
                .collect();
            let paths: Vec<PathBuf> = group.iter().map(|(p, _)| p.clone()).collect();
            let found = super::from_cache(&paths, &with_original(settings, original), cache_dir);
            cached.extend(group.into_iter().zip(found));
        }
        for ((path, stamp), hit) in cached {
            match hit {
                Some(photo) => {
                    ready.insert(path, Ok(photo));
                }
                None => {
                    wanted.insert(path, stamp);
                }
            }
        }
        let mut state = self.shared.lock();
        // Results for other versions, or for photos no longer asked for.
        state.done.retain(|p, (s, _)| wanted.get(p) == Some(s));
        if state.running.iter().any(|(p, s)| wanted.get(p) != Some(s)) {
            state.cancel.store(true, Ordering::SeqCst);
        }
        state.wanted = wanted;
        state.job = Some((cache_dir.to_owned(), settings.clone()));
        drop(state);
        self.shared.wake.notify_all();
        ready
    }

    /// How many photos are waiting for the worker or being processed (a
    /// load counts its own pending photos; the tests ask the worker).
    #[cfg(test)]
    pub(crate) fn pending(&self) -> usize {
        let state = self.shared.lock();
        state
            .wanted
            .iter()
            .filter(|(p, s)| state.done.get(*p).is_none_or(|(d, _)| d != *s))
            .count()
    }
}

/// The worker's loop: waits for photos to process, processes them as one
/// batch, keeps what is still wanted, says so.
fn run(shared: &Shared, pool: &rayon::ThreadPool, finished: &dyn Fn(Vec<PathBuf>)) {
    loop {
        let (batch, cancel, (cache_dir, settings)) = {
            let mut state = shared.lock();
            loop {
                if state.stopping {
                    return;
                }
                let mut batch: Vec<(PathBuf, Want)> = state
                    .wanted
                    .iter()
                    .filter(|(p, s)| state.done.get(*p).is_none_or(|(d, _)| d != *s))
                    .map(|(p, s)| (p.clone(), *s))
                    .collect();
                if let (false, Some(job)) = (batch.is_empty(), state.job.clone()) {
                    batch.sort();
                    let cancel = Arc::new(AtomicBool::new(false));
                    state.cancel = cancel.clone();
                    state.running = batch.clone();
                    break (batch, cancel, job);
                }
                state = shared.wake.wait(state).unwrap_or_else(|e| e.into_inner());
            }
        };
        // Those with a full-size copy are another batch (other settings).
        let (plain, full): (Vec<_>, Vec<_>) = batch.into_iter().partition(|(_, (_, o))| !*o);
        let mut results = Vec::new();
        for (group, original) in [(plain, false), (full, true)] {
            if group.is_empty() {
                continue;
            }
            let paths: Vec<PathBuf> = group.iter().map(|(p, _)| p.clone()).collect();
            let settings = with_original(&settings, original);
            let outcome = pool.install(|| super::process(&paths, &settings, &cache_dir, &cancel));
            results.extend(group.into_iter().zip(outcome.photos));
        }
        let mut state = shared.lock();
        state.running.clear();
        let mut done = Vec::new();
        for ((path, stamp), result) in results {
            // Stopped before it was done, or changed or deleted meanwhile.
            if matches!(result, Err(PhotoError::Cancelled))
                || state.wanted.get(&path) != Some(&stamp)
            {
                continue;
            }
            state.done.insert(path.clone(), (stamp, result));
            done.push(path);
        }
        let stopping = state.stopping;
        drop(state);
        if !done.is_empty() && !stopping {
            finished(done);
        }
    }
}

/// `settings` with or without the full-size copy.
fn with_original(settings: &Settings, original: bool) -> Settings {
    Settings {
        original,
        ..settings.clone()
    }
}

#[cfg(test)]
mod tests;
