//! The search index made behind the preview: an edit shows at once, with
//! the index of the build before it, and the index catches up (about half
//! a second at 10,000 posts) on this worker's thread. Only the latest job
//! matters: one queued while another runs replaces any job still waiting,
//! and a result is handed out only for the job it was asked for.

use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;

use super::Record;

/// Index files, as [`super::files_of`] makes them.
pub(crate) type Files = Vec<(String, Vec<u8>)>;

/// The worker's thread; dropping it stops it.
pub(crate) struct Worker {
    shared: Arc<Shared>,
    handle: Option<JoinHandle<()>>,
}

struct Shared {
    state: Mutex<State>,
    wake: Condvar,
}

#[derive(Default)]
struct State {
    /// The job waiting: its number and its records.
    job: Option<(u64, Vec<Record>)>,
    /// The last job done, with its files.
    done: Option<(u64, Files)>,
    stopping: bool,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Worker {
    /// Starts the thread; `finished` is called on it after every job.
    pub(crate) fn start(finished: impl Fn() + Send + 'static) -> std::io::Result<Worker> {
        let shared = Arc::new(Shared {
            state: Mutex::new(State::default()),
            wake: Condvar::new(),
        });
        let worker = shared.clone();
        let handle = std::thread::Builder::new()
            .name("campaign-search".into())
            .spawn(move || run(&worker, &finished))?;
        Ok(Worker {
            shared,
            handle: Some(handle),
        })
    }

    /// Stops the thread once the job under way is done.
    pub(crate) fn stop(&mut self) {
        self.shared.lock().stopping = true;
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

impl Worker {
    /// Asks for the index of `records`, as job `number` (in place of any
    /// job not started yet).
    pub(crate) fn submit(&self, number: u64, records: Vec<Record>) {
        self.shared.lock().job = Some((number, records));
        self.shared.wake.notify_all();
    }

    /// The files of job `number`, once it is done (once only).
    pub(crate) fn take(&self, number: u64) -> Option<Files> {
        let mut state = self.shared.lock();
        match state.done.take() {
            Some((n, files)) if n == number => Some(files),
            other => {
                state.done = other;
                None
            }
        }
    }
}

fn run(shared: &Shared, finished: &dyn Fn()) {
    loop {
        let (number, records) = {
            let mut state = shared.lock();
            loop {
                if state.stopping {
                    return;
                }
                if let Some(job) = state.job.take() {
                    break job;
                }
                state = shared.wake.wait(state).unwrap_or_else(|e| e.into_inner());
            }
        };
        let files = super::files_of(&records);
        drop(records);
        shared.lock().done = Some((number, files));
        finished();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use std::time::Duration;

    fn record(title: &str) -> Record {
        Record {
            path: format!("{title}/"),
            title: title.into(),
            kind: super::super::Kind::Page,
            year: None,
            ordinal: None,
            date: None,
            excerpt: String::new(),
            heading: title.into(),
            text: "đào tạo".into(),
        }
    }

    #[test]
    fn a_job_is_handed_out_once_and_only_for_its_number() {
        let (tx, rx) = mpsc::channel();
        let handle = Worker::start(move || tx.send(()).unwrap()).unwrap();
        handle.submit(1, vec![record("mot")]);
        rx.recv_timeout(Duration::from_secs(20)).unwrap();
        assert!(handle.take(2).is_none(), "another job's files");
        let files = handle.take(1).expect("job 1 done");
        assert_eq!(files, super::super::files_of(&[record("mot")]));
        assert!(handle.take(1).is_none(), "handed out twice");
    }
}
