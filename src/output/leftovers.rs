//! What interrupted builds leave beside the output folder, found and put
//! right by the next one: a staging folder never swapped in (removed), an
//! old copy not emptied yet of what the user keeps (emptied into the
//! output folder, then removed), no output folder at all after a crash
//! between the two renames of a swap (the old copy is put back).
//!
//! Only folders that are provably campaign's are touched: named as its
//! staging folders are, with its marker inside, made by a process that is
//! gone.

use std::fs;
use std::path::{Path, PathBuf};

use super::record::{Record, State, foreign};
use super::staging::{move_into, sibling_names};
use super::{OutputError, io_err};

/// One thing put right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Repair {
    /// The output folder was missing; the previous site was put back.
    Restored,
    /// A staging folder of an interrupted build was removed.
    RemovedStaging(PathBuf),
    /// An old copy held files the user keeps: they were moved back.
    MovedBack(Vec<String>),
    /// An old copy still holds files that could not be moved back.
    LeftIn(PathBuf),
}

/// Puts right what interrupted builds left beside `output`.
pub(crate) fn repair(output: &Path) -> Result<Vec<Repair>, OutputError> {
    let (parent, prefix) = sibling_names(output);
    let Ok(entries) = fs::read_dir(&parent) else {
        return Ok(Vec::new());
    };
    let mut found: Vec<(PathBuf, Record, bool)> = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix(&prefix) else {
            continue;
        };
        let Some(pid) = rest
            .strip_prefix("new-")
            .or_else(|| rest.strip_prefix("old-"))
            .and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        let path = entry.path();
        if pid == std::process::id() || alive(pid) || !path.is_dir() {
            continue;
        }
        let Some(record) = Record::read(&path) else {
            continue;
        };
        found.push((path, record, rest.starts_with("old-")));
    }
    // Old copies first: they may have to stand in for a missing output.
    found.sort_by_key(|(_, _, old)| !old);
    let mut repairs = Vec::new();
    for (path, record, _) in found {
        if record.state == State::Writing {
            fs::remove_dir_all(&path).map_err(io_err(&path))?;
            repairs.push(Repair::RemovedStaging(path));
        } else if !output.exists() {
            fs::rename(&path, output).map_err(io_err(output))?;
            repairs.push(Repair::Restored);
        } else {
            // A previous site: what the user kept in it goes back.
            let kept = foreign(&path, &record).map_err(io_err(&path))?;
            let (free, taken): (Vec<_>, Vec<_>) = kept
                .into_iter()
                .map(|f| f.rel)
                .partition(|rel| fs::symlink_metadata(output.join(rel)).is_err());
            move_into(&path, output, &free)?;
            if !free.is_empty() {
                repairs.push(Repair::MovedBack(free));
            }
            if taken.is_empty() {
                fs::remove_dir_all(&path).map_err(io_err(&path))?;
            } else {
                repairs.push(Repair::LeftIn(path));
            }
        }
    }
    Ok(repairs)
}

/// Whether a process with this id runs (or may: when unsure, yes).
fn alive(pid: u32) -> bool {
    #[cfg(unix)]
    {
        use rustix::process::{Pid, test_kill_process};
        match i32::try_from(pid).ok().and_then(Pid::from_raw) {
            Some(pid) => !matches!(test_kill_process(pid), Err(rustix::io::Errno::SRCH)),
            None => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}
