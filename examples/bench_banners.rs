//! Banners and share images on a large site: 10 editions and 10,000 posts
//! (3 slogans × 3 sizes of PDF + SVG per edition, a share image per edition
//! and per post).
//!
//! ```sh
//! cargo build --release --bins --examples
//! cargo run --release --example bench_banners -- --posts 10000 --years 10 --runs 3
//! ```
//!
//! Generates the site with `gen_site`, then times `campaign build` with
//! `CAMPAIGN_TIMINGS=1` and reads the load's own `banners` phase (which
//! covers banners, share images and redirect pages) beside the whole
//! build: once cold (the banner cache emptied: everything rendered), then
//! `--runs` rebuilds with nothing changed (everything from the cache).
//! Prints the cold time, the median warm time, and the warm banner phase as
//! a share of the warm build (the goal is under 2%).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

/// One build: wall seconds of the whole, milliseconds of the banner phase.
fn build(bin: &Path, site: &Path) -> (f64, f64) {
    let started = Instant::now();
    let out = Command::new(bin)
        .args(["build", "--lang", "en", "--source"])
        .arg(site.join("content"))
        .arg("--output")
        .arg(site.join("public"))
        .env("CAMPAIGN_TIMINGS", "1")
        .output()
        .expect("run campaign");
    let secs = started.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "build failed:\n{stderr}");
    let banners = stderr
        .lines()
        .filter_map(|l| l.strip_prefix("timing: banners: "))
        .filter_map(|l| l.trim_end_matches(" ms").parse::<f64>().ok())
        .sum();
    (secs, banners)
}

fn main() {
    let mut posts = 10_000usize;
    let mut years = 10usize;
    let mut runs = 3usize;
    let mut dir = PathBuf::from("/tmp/campaign-bench-banners");
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().expect("a value");
        match a.as_str() {
            "--posts" => posts = value().parse().expect("a number"),
            "--years" => years = value().parse().expect("a number"),
            "--runs" => runs = value().parse().expect("a number"),
            "--dir" => dir = PathBuf::from(value()),
            other => panic!("unknown argument {other}; use --posts, --years, --runs, --dir"),
        }
    }
    let exe = std::env::current_exe().expect("the example's path");
    let bins = exe.parent().and_then(Path::parent).expect("target/release");
    let bin = bins.join("campaign");
    let gen_site = bins.join("examples/gen_site");
    assert!(
        bin.is_file() && gen_site.is_file(),
        "cargo build --release --bins --examples first"
    );
    let _ = std::fs::remove_dir_all(&dir);
    let status = Command::new(&gen_site)
        .args([
            "--posts",
            &posts.to_string(),
            "--years",
            &years.to_string(),
            "--out",
        ])
        .arg(&dir)
        .status()
        .expect("run gen_site");
    assert!(status.success());
    let cache = dir.join(".campaign-cache/banners");
    let _ = std::fs::remove_dir_all(&cache);
    let (cold, cold_banners) = build(&bin, &dir);
    let mut warm = Vec::new();
    let mut warm_banners = Vec::new();
    for _ in 0..runs {
        let (w, b) = build(&bin, &dir);
        warm.push(w);
        warm_banners.push(b);
    }
    let (warm, warm_banners) = (median(warm), median(warm_banners));
    println!("site: {years} editions, {posts} posts");
    println!(
        "cold build (banner cache empty): {cold:.2} s, of which banners {:.2} s",
        cold_banners / 1000.0
    );
    println!(
        "rebuild, nothing changed (median of {runs}): {warm:.2} s, of which banners {warm_banners:.1} ms"
    );
    println!(
        "banners' share of the rebuild: {:.2}% (goal: under 2%)",
        warm_banners / 10.0 / warm
    );
}
