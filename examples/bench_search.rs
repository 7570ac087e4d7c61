//! Search benchmark on a generated site (10,000 posts by default): what
//! the index costs the build and the reader, beside the standalone
//! `pagefind` program (npm) run on the same built site.
//!
//! ```sh
//! cargo build --release --bins --examples
//! cargo run --release --example bench_search -- --posts 10000 --runs 3 --dir /tmp/bench-search
//! ```
//!
//! Prints: the clean build's time and the search index's share of it (the
//! build's `search` phase, `CAMPAIGN_TIMINGS`), peak memory (`/usr/bin/time
//! -f %M`), the index's size on disk, the bytes the first query loads
//! (script and index files, through `tests/search/query.js`), the time to
//! the first results in headless Chromium from `file://` (what the page
//! records in `data-shown-ms`), and the time a preview `Session` takes to
//! rebuild after one post is edited, index included. Then `npx pagefind`
//! on the built site, when npm can install it.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

fn arg(name: &str, default: &str) -> String {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
        .unwrap_or_else(|| default.to_owned())
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

/// Runs a command under `/usr/bin/time -f %M`: wall seconds, peak MB, stderr.
fn timed(cmd: &mut Command) -> (f64, f64, String) {
    let started = Instant::now();
    let out = cmd.output().expect("run the command");
    let secs = started.elapsed().as_secs_f64();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{cmd:?} failed:\n{err}");
    let peak = err
        .lines()
        .last()
        .and_then(|l| l.trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0);
    (secs, peak, err)
}

fn size_of(dir: &Path) -> (u64, usize) {
    let mut bytes = 0;
    let mut files = 0;
    for e in walkdir::WalkDir::new(dir).into_iter().flatten() {
        if e.file_type().is_file() {
            bytes += e.metadata().map_or(0, |m| m.len());
            files += 1;
        }
    }
    (bytes, files)
}

fn main() {
    let posts = arg("--posts", "10000");
    let runs: usize = arg("--runs", "3").parse().unwrap();
    let dir = PathBuf::from(arg("--dir", "/tmp/bench-search"));
    let bin_dir = std::env::current_exe()
        .unwrap()
        .parent()
        .unwrap()
        .parent()
        .unwrap()
        .to_path_buf();
    let campaign = bin_dir.join("campaign");
    let gen_site = bin_dir.join("examples/gen_site");
    let _ = std::fs::remove_dir_all(&dir);
    let status = Command::new(&gen_site)
        .args(["--posts", &posts, "--years", "10", "--out"])
        .arg(&dir)
        .stdout(Stdio::null())
        .status()
        .expect("gen_site (cargo build --release --examples)");
    assert!(status.success());
    let out = dir.join("public");

    // Clean builds: wall time, the search phase, peak memory.
    let (mut walls, mut shares, mut peaks, mut search_ms) = (vec![], vec![], vec![], vec![]);
    for _ in 0..runs.max(1) {
        let _ = std::fs::remove_dir_all(&out);
        let (secs, peak, err) = timed(
            Command::new("/usr/bin/time")
                .args(["-f", "%M"])
                .arg(&campaign)
                .args(["build", "--source"])
                .arg(dir.join("content"))
                .arg("--output")
                .arg(&out)
                .env("CAMPAIGN_TIMINGS", "1"),
        );
        let ms: f64 = err
            .lines()
            .filter_map(|l| l.strip_prefix("timing: search: "))
            .filter_map(|l| l.strip_suffix(" ms")?.parse().ok())
            .next_back()
            .unwrap_or(0.0);
        walls.push(secs);
        shares.push(ms / 1000.0 / secs);
        peaks.push(peak);
        search_ms.push(ms);
    }
    println!(
        "clean build of {posts} posts: {:.2} s (median of {runs}); search index {:.0} ms = {:.0}% of it (goal <= 25%); peak memory {:.0} MB (goal < 300 MB)",
        median(walls),
        median(search_ms),
        100.0 * median(shares),
        median(peaks)
    );
    let (bytes, files) = size_of(&out.join("tim-kiem/chi-muc"));
    let script = std::fs::metadata(out.join("search.js")).map_or(0, |m| m.len());
    println!(
        "index on disk: {:.1} MB in {files} files, search.js {:.1} kB",
        bytes as f64 / 1e6,
        script as f64 / 1e3
    );

    // Bytes loaded by a first query (every file it needs, script included).
    let queries = [
        "cong tac xa hoi",
        "dao tao",
        "\"người cao tuổi\"",
        "43/KH-SLĐTBXH",
        "ke hoach 2020",
        "hoii nghi",
    ];
    let mut input = String::new();
    for q in queries {
        input.push_str(&format!("{}\n", serde_json::json!({ "q": q, "top": 10 })));
    }
    let mut node = Command::new("node")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/search/query.js"))
        .arg(&out)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("node");
    use std::io::Write as _;
    node.stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let result = node.wait_with_output().unwrap();
    for line in String::from_utf8_lossy(&result.stdout).lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        println!(
            "first query {:<22} {:>6.1} kB loaded (goal <= 150 kB), {} results",
            v["q"].as_str().unwrap(),
            v["bytes"].as_f64().unwrap() / 1e3,
            v["total"]
        );
    }

    // Time to the first results in headless Chromium, from disk.
    for q in ["cong+tac+xa+hoi", "dao+tao&nam=2020"] {
        let url = format!("file://{}/tim-kiem/index.html?q={q}", out.display());
        let started = Instant::now();
        let dom = Command::new("chromium")
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--virtual-time-budget=20000",
                "--dump-dom",
            ])
            .arg(&url)
            .stderr(Stdio::null())
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
            .unwrap_or_default();
        let shown = dom
            .split("data-shown-ms=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap_or("(no results)");
        println!(
            "headless chromium, file://…/tim-kiem/?q={q}: first results at {shown} ms after opening (whole run {:.1} s)",
            started.elapsed().as_secs_f64()
        );
    }

    // A preview session, as `serve` runs it: one post edited; the edit is
    // shown with the last index, and the worker brings the index up to
    // date behind it.
    let options = campaign::build::BuildOptions {
        source: dir.join("content"),
        output: dir.join("public-preview"),
        themes: None,
        load: campaign::content::LoadOptions::default(),
    };
    let (done_tx, done_rx) = std::sync::mpsc::channel();
    let mut session = campaign::build::Session::new(options)
        .with_background_search(move || {
            let _ = done_tx.send(());
        })
        .expect("the search worker starts");
    session.rebuild(&[]).expect("first build");
    let post = dir.join("content/2020/news/tin-2020-5.md");
    let text = std::fs::read_to_string(&post).unwrap();
    let (mut shown, mut indexed) = (vec![], vec![]);
    for i in 0..5 {
        std::fs::write(
            &post,
            text.replacen(
                "\n---\n",
                &format!("\n---\nĐoạn sửa {i} về đào tạo.\n\n"),
                1,
            ),
        )
        .unwrap();
        let started = Instant::now();
        let (_, report) = session
            .rebuild(std::slice::from_ref(&post))
            .expect("rebuild");
        shown.push(started.elapsed().as_secs_f64() * 1000.0);
        assert!(report.pending_search, "the index is made behind the edit");
        while session.take_search().is_none() {
            done_rx
                .recv_timeout(std::time::Duration::from_secs(60))
                .expect("the worker's index");
        }
        indexed.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    std::fs::write(&post, &text).unwrap();
    println!(
        "serve (a Session with the background index): one post edited, shown in {:.0} ms, its index up to date {:.0} ms after the edit (medians of 5)",
        median(shown),
        median(indexed)
    );

    // The standalone pagefind, on the same built site.
    let pf = dir.join("pagefind-npm");
    std::fs::create_dir_all(&pf).unwrap();
    let installed = Command::new("npm")
        .args([
            "i",
            "pagefind",
            "--no-audit",
            "--no-fund",
            "--loglevel=error",
        ])
        .current_dir(&pf)
        .status()
        .is_ok_and(|s| s.success());
    if !installed {
        println!("pagefind: npm could not install it; skipped");
        return;
    }
    let pages = walkdir::WalkDir::new(&out)
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .count();
    let (secs, peak, _) = timed(
        Command::new("/usr/bin/time")
            .args(["-f", "%M"])
            .arg(pf.join("node_modules/.bin/pagefind"))
            .arg("--site")
            .arg(&out)
            .stdout(Stdio::null()),
    );
    let (bytes, files) = size_of(&out.join("pagefind"));
    println!(
        "pagefind (npm, on the {pages} built pages): {secs:.1} s, peak {peak:.0} MB, bundle {:.1} MB in {files} files",
        bytes as f64 / 1e6
    );
}
