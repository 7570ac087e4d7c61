//! Timing, CPU time and peak memory of a run, and the machine's load.

use std::ffi::{OsStr, OsString};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

/// Peak resident memory of this process so far, in MB.
pub(crate) fn peak_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// Resets the peak to the current resident size (Linux: `5` in
/// `clear_refs`), so the figure is the processing's alone.
pub(crate) fn reset_peak() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// CPU time (user + system) of this process so far, in seconds.
pub(crate) fn own_cpu() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // After the command name in parentheses: state is field 3, utime 14,
    // stime 15, in clock ticks (100 a second on Linux).
    let mut fields = stat.rsplit_once(')')?.1.split_whitespace().skip(11);
    let user: f64 = fields.next()?.parse().ok()?;
    let system: f64 = fields.next()?.parse().ok()?;
    Some((user + system) / 100.0)
}

/// One timed run: wall seconds, CPU seconds (user + system) and peak
/// resident memory in MB, the last two when measurable.
#[derive(Clone, Copy)]
pub(crate) struct Measure {
    pub(crate) secs: f64,
    pub(crate) cpu: Option<f64>,
    pub(crate) peak: Option<f64>,
}

impl Measure {
    /// Several runs one after the other: times add up, the peak is the
    /// largest.
    pub(crate) fn sum(runs: &[Measure]) -> Measure {
        Measure {
            secs: runs.iter().map(|m| m.secs).sum(),
            cpu: runs.iter().map(|m| m.cpu).sum(),
            peak: runs
                .iter()
                .map(|m| m.peak)
                .try_fold(0.0f64, |a, p| Some(a.max(p?))),
        }
    }
}

pub(crate) fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

/// The median of `runs` (time, CPU) and the largest peak, as text.
pub(crate) fn summary(runs: &[Measure]) -> (f64, String) {
    let secs = median(runs.iter().map(|m| m.secs).collect());
    let mut text = if secs < 1.0 {
        format!("{:.3} s", secs)
    } else {
        format!("{secs:.2} s")
    };
    if runs.len() > 1 {
        let min = runs.iter().map(|m| m.secs).fold(f64::MAX, f64::min);
        let max = runs.iter().map(|m| m.secs).fold(0.0, f64::max);
        text.push_str(&format!(" (median of {}, {min:.3}–{max:.3})", runs.len()));
    }
    if let Some(cpu) = runs
        .iter()
        .map(|m| m.cpu)
        .collect::<Option<Vec<f64>>>()
        .map(median)
    {
        text.push_str(&format!(", CPU {cpu:.2} s = {:.2} cores", cpu / secs));
    }
    if let Some(peak) = runs
        .iter()
        .map(|m| m.peak)
        .try_fold(0.0f64, |a, p| Some(a.max(p?)))
    {
        text.push_str(&format!(", peak {peak:.0} MB"));
    }
    (secs, text)
}

/// Runs `program args` (its output discarded unless it fails), under
/// `/usr/bin/time` when installed for its CPU time and peak memory.
pub(crate) fn timed(program: &OsStr, args: &[OsString], scratch: &Path) -> Measure {
    static N: AtomicU64 = AtomicU64::new(0);
    let gnu_time = Path::new("/usr/bin/time");
    let report = scratch.join(format!("time-{}.txt", N.fetch_add(1, Ordering::Relaxed)));
    let mut cmd = if gnu_time.exists() {
        let mut c = Command::new(gnu_time);
        c.args(["-f", "%U %S %M", "-o"]).arg(&report).arg(program);
        c
    } else {
        Command::new(program)
    };
    cmd.args(args).stdout(Stdio::null()).stderr(Stdio::piped());
    let started = Instant::now();
    let out = cmd.output().expect("run the command");
    let secs = started.elapsed().as_secs_f64();
    assert!(
        out.status.success(),
        "{} {:?} failed: {}",
        program.to_string_lossy(),
        args,
        String::from_utf8_lossy(&out.stderr)
    );
    let fields: Vec<f64> = std::fs::read_to_string(&report)
        .unwrap_or_default()
        .lines()
        .last()
        .unwrap_or("")
        .split_whitespace()
        .filter_map(|f| f.parse().ok())
        .collect();
    let _ = std::fs::remove_file(&report);
    match fields[..] {
        [user, system, kb] => Measure {
            secs,
            cpu: Some(user + system),
            peak: Some(kb / 1024.0),
        },
        _ => Measure {
            secs,
            cpu: None,
            peak: None,
        },
    }
}

pub(crate) fn os(args: &[&dyn AsRef<OsStr>]) -> Vec<OsString> {
    args.iter().map(|a| a.as_ref().to_owned()).collect()
}

pub(crate) fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".to_owned())
}

pub(crate) fn on_path(program: &str, version_arg: &str) -> bool {
    Command::new(program)
        .arg(version_arg)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}
