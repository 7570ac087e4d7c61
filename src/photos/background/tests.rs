//! The background worker: a newer load wins over the batch under way, a
//! photo in the cache is ready at once, stopping ends a batch.

use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::*;
use crate::photos::tests::{Dir, photo_like};

/// A JPEG photo of `width` × `height` at `name` in `dir`.
fn jpeg(dir: &Dir, name: &str, width: u32, height: u32) -> PathBuf {
    let pixels = photo_like(width, height, width ^ height);
    let mut bytes = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 90)
        .encode_image(&pixels)
        .unwrap();
    dir.file(name, &bytes)
}

/// Waits (up to a generous deadline) for `what` to hold.
#[track_caller]
fn wait_for(what: &str, mut holds: impl FnMut() -> bool) {
    let started = Instant::now();
    while !holds() {
        assert!(started.elapsed() < Duration::from_secs(60), "never: {what}");
        std::thread::sleep(Duration::from_millis(2));
    }
}

fn worker() -> (Worker, mpsc::Receiver<Vec<PathBuf>>) {
    let (tx, rx) = mpsc::channel();
    let worker = Worker::start(1, move |paths| {
        let _ = tx.send(paths);
    })
    .unwrap();
    (worker, rx)
}

const OLD: Stamp = (None, 1);
const NEW: Stamp = (None, 2);

#[test]
fn a_photo_changed_while_processed_stops_its_batch_and_the_new_version_wins() {
    let dir = Dir::new("changed");
    let photo = jpeg(&dir, "anh.jpg", 4000, 3000);
    let (worker, done) = worker();
    let background = worker.handle();
    let settings = Settings::default();
    let ready = background.resolve(&[(photo.clone(), (OLD, false))], &settings, &dir.cache());
    assert!(ready.is_empty(), "a new photo is pending");
    assert_eq!(background.pending(), 1);
    wait_for("the batch runs", || {
        !worker.shared.lock().running.is_empty()
    });

    // The photo is saved again (smaller) while its batch runs: the next
    // load stops the batch at once, without waiting for it.
    jpeg(&dir, "anh.jpg", 400, 300);
    let ready = background.resolve(&[(photo.clone(), (NEW, false))], &settings, &dir.cache());
    assert!(ready.is_empty(), "the new version is not processed yet");
    assert!(
        worker.shared.lock().cancel.load(Ordering::SeqCst),
        "the batch of the old version is told to stop"
    );

    let finished = done.recv_timeout(Duration::from_secs(60)).unwrap();
    assert_eq!(finished, vec![photo.clone()]);
    let ready = background.resolve(&[(photo.clone(), (NEW, false))], &settings, &dir.cache());
    let processed = ready[&photo].as_ref().unwrap();
    assert_eq!(
        (processed.width, processed.height),
        (400, 300),
        "the result is the new version's"
    );
    assert_eq!(background.pending(), 0);
}

#[test]
fn a_photo_deleted_while_processed_stops_its_batch_and_nothing_is_told() {
    let dir = Dir::new("deleted");
    let photo = jpeg(&dir, "anh.jpg", 4000, 3000);
    let (mut worker, done) = worker();
    let background = worker.handle();
    let settings = Settings::default();
    background.resolve(&[(photo.clone(), (OLD, false))], &settings, &dir.cache());
    wait_for("the batch runs", || {
        !worker.shared.lock().running.is_empty()
    });
    std::fs::remove_file(&photo).unwrap();
    // The next load no longer has it.
    background.resolve(&[], &settings, &dir.cache());
    assert!(worker.shared.lock().cancel.load(Ordering::SeqCst));
    assert_eq!(background.pending(), 0);
    wait_for("the batch ends", || worker.shared.lock().running.is_empty());
    assert!(worker.shared.lock().done.is_empty());
    worker.stop();
    assert!(done.try_recv().is_err(), "no rebuild for a stopped batch");
}

#[test]
fn stopping_the_worker_ends_the_batch_under_way() {
    let dir = Dir::new("stop");
    let photos: Vec<(PathBuf, super::Want)> = (0..4)
        .map(|i| {
            (
                jpeg(&dir, &format!("anh-{i}.jpg"), 4000, 3000 - i),
                (OLD, false),
            )
        })
        .collect();
    let (mut worker, done) = worker();
    worker
        .handle()
        .resolve(&photos, &Settings::default(), &dir.cache());
    wait_for("the batch runs", || {
        !worker.shared.lock().running.is_empty()
    });
    worker.stop();
    assert!(worker.handle.is_none(), "the thread has ended");
    assert!(done.try_recv().is_err(), "a stopped batch tells nothing");
}

#[test]
fn a_photo_in_the_cache_is_ready_at_once() {
    let dir = Dir::new("cached");
    let photo = jpeg(&dir, "anh.jpg", 200, 100);
    let settings = Settings::default();
    let inline = crate::photos::process(
        std::slice::from_ref(&photo),
        &settings,
        &dir.cache(),
        &AtomicBool::new(false),
    );
    let (worker, _done) = worker();
    let background = worker.handle();
    let ready = background.resolve(&[(photo.clone(), (OLD, false))], &settings, &dir.cache());
    assert_eq!(
        ready[&photo].as_ref().unwrap(),
        inline.photos[0].as_ref().unwrap()
    );
    assert_eq!(background.pending(), 0, "nothing for the worker");
}
