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

use super::record::{Record, State, foreign, is_own_work};
use super::staging::{discard, move_into, sibling_names};
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
    let mut repairs_early = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix(&prefix) else {
            continue;
        };
        let path = entry.path();
        // Being removed when its process stopped: nothing of the user's is in it.
        if let Some(pid) = rest
            .strip_prefix("trash-")
            .and_then(|p| p.split('-').next())
            .and_then(|p| p.parse::<u32>().ok())
        {
            if pid != std::process::id() && !alive(pid) && path.is_dir() {
                // Renamed already: removing it can be cut short again safely.
                fs::remove_dir_all(&path).map_err(io_err(&path))?;
                repairs_early.push(Repair::RemovedStaging(path));
            }
            continue;
        }
        let Some(pid) = rest
            .strip_prefix("new-")
            .or_else(|| rest.strip_prefix("old-"))
            .and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        if pid == std::process::id() || alive(pid) || !path.is_dir() {
            continue;
        }
        let Some(record) = Record::read(&path) else {
            // Stopped before its marker was written: empty but for
            // campaign's own temporary files.
            let own = fs::read_dir(&path).is_ok_and(|entries| {
                entries
                    .flatten()
                    .all(|e| is_own_work(&e.file_name().to_string_lossy()))
            });
            if own {
                discard(&path);
                repairs_early.push(Repair::RemovedStaging(path));
            }
            continue;
        };
        found.push((path, record, rest.starts_with("old-")));
    }
    // Old copies first: they may have to stand in for a missing output.
    found.sort_by_key(|(_, _, old)| !old);
    let mut repairs = repairs_early;
    for (path, record, _) in found {
        if record.state == State::Writing {
            discard(&path);
            repairs.push(Repair::RemovedStaging(path));
        } else if !output.exists() {
            fs::rename(&path, output).map_err(io_err(output))?;
            repairs.push(Repair::Restored);
        } else {
            // A previous site: what the user kept in it goes back.
            let kept = foreign(&path, &record).map_err(io_err(&path))?;
            let mut moved = Vec::new();
            let mut whole = true;
            for f in kept {
                match merge_back(&path, output, &f.rel)? {
                    Merge::Moved => moved.push(f.rel),
                    Merge::Same => {}
                    Merge::Conflict => whole = false,
                }
            }
            if !moved.is_empty() {
                repairs.push(Repair::MovedBack(moved));
            }
            if whole {
                discard(&path);
            } else {
                repairs.push(Repair::LeftIn(path));
            }
        }
    }
    Ok(repairs)
}

/// What became of one entry put back.
enum Merge {
    Moved,
    /// The output folder already has the same (a copy, or moved before).
    Same,
    /// The output folder has something else at its place: left where it was.
    Conflict,
}

/// Puts `from/rel` back at `to/rel`: moved where nothing is there, merged
/// into a folder that is, dropped where the very same file is there.
fn merge_back(from: &Path, to: &Path, rel: &str) -> Result<Merge, OutputError> {
    let (source, target) = (from.join(rel), to.join(rel));
    let Ok(there) = fs::symlink_metadata(&target) else {
        move_into(from, to, &[rel.to_owned()])?;
        return Ok(Merge::Moved);
    };
    let here = fs::symlink_metadata(&source).map_err(io_err(&source))?;
    if here.is_dir() && there.is_dir() {
        let mut result = Merge::Same;
        for entry in fs::read_dir(&source).map_err(io_err(&source))?.flatten() {
            let child = format!("{rel}/{}", entry.file_name().to_string_lossy());
            match merge_back(from, to, &child)? {
                Merge::Conflict => return Ok(Merge::Conflict),
                Merge::Moved => result = Merge::Moved,
                Merge::Same => {}
            }
        }
        return Ok(result);
    }
    if here.is_file() && there.is_file() && fs::read(&source).ok() == fs::read(&target).ok() {
        return Ok(Merge::Same);
    }
    Ok(Merge::Conflict)
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
