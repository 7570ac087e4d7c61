//! One writer at a time: a `build` and a `serve` writing the same output
//! folder would each undo the other's files.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::staging::sibling_names;
use super::{OutputError, io_err};

/// How long a second writer waits for the first before refusing.
const WAIT: Duration = Duration::from_secs(2);

/// The lock on an output folder, held while it is written; released when
/// dropped (or when the process ends, however it ends). The lock file
/// beside the output folder is removed on release, so that a clean stop
/// leaves nothing behind; a writer that waited on it then finds the file
/// gone and takes a new one.
#[derive(Debug)]
pub(crate) struct OutputLock {
    file: File,
    path: PathBuf,
}

impl Drop for OutputLock {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

/// Takes the lock on `output` for `what` (`campaign build`). Waits a little
/// when another process holds it, then refuses, naming that process.
pub(crate) fn lock(output: &Path, what: &str) -> Result<OutputLock, OutputError> {
    let path = lock_path(output);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(io_err(parent))?;
    }
    let started = Instant::now();
    loop {
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(io_err(&path))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) if started.elapsed() < WAIT => {
                std::thread::sleep(Duration::from_millis(50));
                continue;
            }
            Err(TryLockError::WouldBlock) => {
                let holder = fs::read_to_string(&path).unwrap_or_default();
                return Err(OutputError::Busy {
                    path: output.to_path_buf(),
                    holder: holder.trim().to_owned(),
                });
            }
            Err(TryLockError::Error(e)) => return Err(io_err(&path)(e)),
        }
        // The holder before may have removed the file while this process
        // waited on it: the lock is only good on the file at the path now.
        if !same_file(&file, &path) {
            continue;
        }
        // Who holds it, for the message of the next one.
        let _ = file.set_len(0);
        let _ = writeln!(file, "{what} (process {})", std::process::id());
        return Ok(OutputLock { file, path });
    }
}

#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_: &File, path: &Path) -> bool {
    path.exists()
}

/// The lock file beside the output folder (`.public.campaign-lock`).
fn lock_path(output: &Path) -> PathBuf {
    let (parent, prefix) = sibling_names(output);
    parent.join(format!("{prefix}lock"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_writer_is_refused_with_the_first_named() {
        let dir = std::env::temp_dir().join(format!("campaign-lock-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        let out = dir.join("public");
        let first = lock(&out, "campaign serve").unwrap();
        let started = Instant::now();
        let err = lock(&out, "campaign build").unwrap_err().to_string();
        assert!(started.elapsed() >= WAIT, "it waited before refusing");
        assert!(err.contains("campaign serve (process"), "{err}");
        drop(first);
        assert!(lock(&out, "campaign build").is_ok());
        fs::remove_dir_all(&dir).unwrap();
    }
}
