//! Clean-build benchmark: campaign against `cp -r` of its own output (the
//! floor) and against Hugo when it is installed, on generated sites.
//!
//! ```sh
//! cargo build --release --examples
//! cargo run --release --example bench_build -- --sizes 1000,10000,50000 --dir /tmp/bench
//! # Before and after a change, in the same rounds (BIN: an earlier build):
//! cargo run --release --example bench_build -- --sizes 10000 --edits 10 --baseline BIN
//! ```
//!
//! For each size: generates the site (and the same posts as a Hugo site)
//! with `gen_site`, builds once to warm the caches, then runs `--runs`
//! rounds, each a campaign build, a `cp -r` of its output and a Hugo build,
//! interleaved so that the machine's noise hits all three alike. Every run
//! writes into a fresh folder (the removal of the previous one is not
//! timed). Prints each median and the ratios; peak memory comes from
//! `/usr/bin/time -f %M` when available. With `--edits N` it ends with the
//! edit-to-served latency on the 10,000-post site (see `bench_edit`).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

/// Runs a command, returning wall seconds and peak memory in MB (if measurable).
fn timed(program: &Path, args: &[&str], cwd: &Path) -> (f64, Option<f64>) {
    let gnu_time = Path::new("/usr/bin/time");
    let mut cmd = if gnu_time.exists() {
        let mut c = Command::new(gnu_time);
        c.args(["-f", "%M"]).arg(program);
        c
    } else {
        Command::new(program)
    };
    cmd.args(args).current_dir(cwd);
    let started = Instant::now();
    let out = cmd.output().expect("run the command");
    let secs = started.elapsed().as_secs_f64();
    assert!(
        out.status.success(),
        "{} failed:\n{}",
        program.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let peak = String::from_utf8_lossy(&out.stderr)
        .lines()
        .last()
        .and_then(|l| l.trim().parse::<f64>().ok())
        .map(|kb| kb / 1024.0);
    (secs, peak)
}

fn remove(path: &Path) {
    let _ = std::fs::remove_dir_all(path);
}

fn main() {
    let mut sizes = vec![1000usize, 10000, 50000];
    let mut dir = PathBuf::from("/tmp/campaign-bench");
    let mut runs = 5usize;
    let mut edits = 0usize;
    // Another campaign binary (an earlier commit's), timed in the same
    // rounds, so that a change is measured before and after in one run.
    let mut baseline: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--sizes" => {
                sizes = args
                    .next()
                    .expect("--sizes 1000,10000")
                    .split(',')
                    .map(|s| s.trim().parse().expect("a number"))
                    .collect()
            }
            "--dir" => dir = PathBuf::from(args.next().expect("--dir DIR")),
            "--runs" => runs = args.next().expect("--runs N").parse().expect("a number"),
            "--edits" => edits = args.next().expect("--edits N").parse().expect("a number"),
            "--baseline" => {
                let path = PathBuf::from(args.next().expect("--baseline BIN"));
                baseline = Some(std::fs::canonicalize(&path).expect("--baseline: no such binary"))
            }
            other => {
                panic!("unknown argument {other}; use --sizes, --dir, --runs, --edits, --baseline")
            }
        }
    }
    let bin =
        std::fs::canonicalize("target/release/campaign").expect("cargo build --release first");
    let gen_site = std::fs::canonicalize("target/release/examples/gen_site")
        .expect("cargo build --release --examples first");
    let hugo = ["/usr/bin/hugo", "/usr/local/bin/hugo"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists());
    let cp = PathBuf::from("cp");
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "campaign clean-build benchmark: {runs} runs per size after a warm-up, {cores} cores, output in {}",
        dir.display()
    );
    match &hugo {
        Some(h) => println!(
            "hugo: {}",
            String::from_utf8_lossy(&Command::new(h).arg("version").output().unwrap().stdout)
                .trim()
        ),
        None => println!("hugo: not installed (apt-get install hugo), skipped"),
    }
    println!();
    println!(
        "| posts | campaign (median) | peak memory | cp -r floor | campaign / cp | hugo | hugo peak | hugo / campaign |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|");
    // Per size: median time and peak memory, for the scaling line.
    let mut scaling: Vec<(usize, f64, Option<f64>)> = Vec::new();
    let mut edit_site = None;
    let mut baseline_lines: Vec<String> = Vec::new();
    for &posts in &sizes {
        let site = dir.join(format!("site-{posts}"));
        let hugo_site = dir.join(format!("hugo-{posts}"));
        remove(&site);
        remove(&hugo_site);
        let status = Command::new(&gen_site)
            .args(["--posts", &posts.to_string(), "--years", "10", "--out"])
            .arg(&site)
            .arg("--hugo")
            .arg(&hugo_site)
            .status()
            .unwrap();
        assert!(status.success());
        let out = site.join("public");
        let copy = dir.join("copy");
        let hugo_out = dir.join("hugo-public");
        // Warm-up.
        remove(&out);
        timed(&bin, &["build", "--output", out.to_str().unwrap()], &site);
        if let Some(b) = &baseline {
            remove(&out);
            timed(b, &["build", "--output", out.to_str().unwrap()], &site);
        }
        let (mut ours, mut ours_mem, mut floor, mut theirs, mut theirs_mem) =
            (vec![], vec![], vec![], vec![], vec![]);
        let (mut base, mut base_mem) = (vec![], vec![]);
        for _ in 0..runs {
            if let Some(b) = &baseline {
                remove(&out);
                let (t, m) = timed(b, &["build", "--output", out.to_str().unwrap()], &site);
                base.push(t);
                base_mem.extend(m);
            }
            remove(&out);
            let (t, m) = timed(&bin, &["build", "--output", out.to_str().unwrap()], &site);
            ours.push(t);
            ours_mem.extend(m);
            remove(&copy);
            floor.push(
                timed(
                    &cp,
                    &["-r", out.to_str().unwrap(), copy.to_str().unwrap()],
                    &dir,
                )
                .0,
            );
            if let Some(h) = &hugo {
                remove(&hugo_out);
                let (t, m) = timed(
                    h,
                    &["--quiet", "-d", hugo_out.to_str().unwrap()],
                    &hugo_site,
                );
                theirs.push(t);
                theirs_mem.extend(m);
            }
        }
        let (ours, floor) = (median(ours), median(floor));
        scaling.push((
            posts,
            ours,
            (!ours_mem.is_empty()).then(|| median(ours_mem.clone())),
        ));
        let mem = |v: Vec<f64>| {
            if v.is_empty() {
                "–".to_owned()
            } else {
                format!("{:.0} MB", median(v))
            }
        };
        let (hugo_time, hugo_mem, hugo_ratio) = if theirs.is_empty() {
            ("–".to_owned(), "–".to_owned(), "–".to_owned())
        } else {
            let t = median(theirs);
            (
                format!("{t:.2} s"),
                mem(theirs_mem),
                format!("{:.1}×", t / ours),
            )
        };
        let ours_mem_copy = ours_mem.clone();
        println!(
            "| {posts} | {ours:.2} s | {} | {floor:.2} s | {:.2}× | {hugo_time} | {hugo_mem} | {hugo_ratio} |",
            mem(ours_mem),
            ours / floor
        );
        if !base.is_empty() {
            let b = median(base);
            baseline_lines.push(format!(
                "{posts} posts: baseline {b:.2} s, {} peak; this build {ours:.2} s, {} peak: {:.2}× the baseline's time",
                mem(base_mem),
                mem(ours_mem_copy),
                ours / b
            ));
        }
        remove(&copy);
        remove(&hugo_out);
        remove(&hugo_site);
        if posts == 10000 {
            edit_site = Some(site);
        }
    }
    if let Some(b) = &baseline {
        println!("\nagainst the baseline {} (same rounds):", b.display());
        for line in &baseline_lines {
            println!("{line}");
        }
    }
    // How time and memory grow with the archive, against the 10,000-post site.
    if let Some(&(_, base_t, base_m)) = scaling.iter().find(|(p, _, _)| *p == 10000) {
        for &(posts, t, m) in scaling.iter().filter(|(p, _, _)| *p > 10000) {
            let memory = match (m, base_m) {
                (Some(m), Some(b)) => format!("{:.2}× the peak memory", m / b),
                _ => "peak memory not measured".to_owned(),
            };
            println!(
                "\n{posts} posts against 10000: {:.2}× the time, {memory}",
                t / base_t
            );
        }
    }
    if let (true, Some(site)) = (edits > 0, edit_site) {
        // With a baseline: baseline, this build, baseline, this build.
        let bins: Vec<(&str, PathBuf)> = match &baseline {
            Some(b) => vec![
                ("baseline", b.clone()),
                ("this build", bin.clone()),
                ("baseline", b.clone()),
                ("this build", bin.clone()),
            ],
            None => vec![("this build", bin.clone())],
        };
        for (name, program) in bins {
            println!("\nedit latency, `campaign serve` on the 10000-post site ({name}):");
            let status = Command::new("target/release/examples/bench_edit")
                .args([
                    "--site",
                    site.to_str().unwrap(),
                    "--edits",
                    &edits.to_string(),
                    "--bin",
                ])
                .arg(&program)
                .status()
                .unwrap();
            assert!(status.success());
        }
    }
}
