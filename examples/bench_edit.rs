//! Measures edit-to-updated-page latency of `campaign serve`.
//!
//! ```sh
//! cargo build --release
//! cargo run --release --example gen_site -- --posts 10000 --years 10 --out /tmp/site
//! cargo run --release --example bench_edit -- --site /tmp/site --edits 15
//! ```
//!
//! Starts `target/release/campaign serve` on the generated site, then edits
//! one post's title on disk again and again (write a temporary file and
//! rename it over the post, as editors do) and measures the time from the
//! rename until the server returns the post with its new title, and until
//! every page that shows the title does too: the year's news list, the
//! site's news list, the home page, each of the post's tag pages, the
//! site's and the year's feeds. Prints each edit, then min, median and max.
//! Also prints the time from starting the server to its first answer.
//!
//! With `--photos N`, N new 12 MP JPEGs (4000 × 3000, never seen by the
//! photo cache) are put in the newest year's `files/` before the server
//! starts: `serve` processes them in the background, and the edits are
//! measured while it does (each edit says whether the photos were still
//! being processed; the summary counts only those). The photos are
//! removed at the end.
//!
//! ```sh
//! cargo run --release --example bench_edit -- --site /tmp/site --edits 15 --photos 12
//! ```

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

struct Guard(Child);

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn get(port: u16, path: &str) -> Option<(u16, String)> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).ok()?;
    let text = String::from_utf8_lossy(&raw).into_owned();
    let status = text.get(9..12)?.parse().ok()?;
    Some((status, text))
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

fn main() {
    let mut site = PathBuf::from("/tmp/site");
    let mut edits = 15usize;
    let mut bin = PathBuf::from("target/release/campaign");
    let mut photos = 0usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--site" => site = PathBuf::from(args.next().expect("--site DIR")),
            "--edits" => edits = args.next().expect("--edits N").parse().expect("a number"),
            "--bin" => bin = PathBuf::from(args.next().expect("--bin PATH")),
            "--photos" => photos = args.next().expect("--photos N").parse().expect("a number"),
            other => panic!("unknown argument {other}"),
        }
    }
    let bin = std::fs::canonicalize(&bin).expect("build campaign first: cargo build --release");
    let new_photos = new_photos(&site.join("content"), photos);
    let started = Instant::now();
    let mut child = Command::new(&bin)
        .args(["serve", "--lang", "en", "--port", "0", "--source"])
        .arg(site.join("content"))
        .arg("--output")
        .arg(site.join("public"))
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start campaign serve");
    let stdout = child.stdout.take().unwrap();
    let guard = Guard(child);
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let port: u16 = loop {
        let line = rx
            .recv_timeout(Duration::from_secs(120))
            .expect("serve prints its address");
        if let Some(rest) = line.split("127.0.0.1:").nth(1) {
            break rest
                .trim_end_matches(|c: char| !c.is_ascii_digit())
                .split('/')
                .next()
                .unwrap()
                .parse()
                .unwrap();
        }
    };
    loop {
        if let Some((200, _)) = get(port, "/") {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    println!(
        "first answer after starting serve: {} ms",
        started.elapsed().as_millis()
    );
    // Let the first write of the output folder finish (with new photos,
    // it waits for them: wait for the line saying they are processed in
    // the background instead).
    loop {
        let line = rx
            .recv_timeout(Duration::from_secs(300))
            .expect("serve reports its first build");
        // `serve` writes the output folder behind the preview and says
        // when; earlier versions wrote it before the first build's line.
        let written = line.starts_with("output folder written")
            || (line.starts_with("first build") && line.contains("written in"));
        if photos > 0 && line.starts_with("Processing ") {
            println!("{line}");
            break;
        }
        if photos == 0 && written {
            break;
        }
    }

    // The newest post of the site (the first entry of its feed): the one
    // shown on the most pages.
    let (_, feed) = get(port, "/feed.xml").expect("the site's feed");
    let entry = feed.split("<entry>").nth(1).expect("a feed entry");
    let path = entry
        .split("/tin-tuc/")
        .next()
        .and_then(|before| before.get(before.len() - 4..))
        .expect("a post address in the feed");
    let year = path.to_owned();
    let slug = entry
        .split("/tin-tuc/")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .expect("a post address in the feed")
        .to_owned();
    let post = site
        .join("content")
        .join(&year)
        .join("news")
        .join(format!("{slug}.md"));
    let original = std::fs::read_to_string(&post).expect("the post's file (made by gen_site)");
    let url = format!("/{year}/tin-tuc/{slug}/");
    // The pages that show the post's title, besides its own.
    let (_, page) = get(port, &url).expect("the post page");
    let mut tags: Vec<String> = page
        .split("the/")
        .skip(1)
        .filter_map(|rest| {
            let slug = rest.split('"').next()?;
            (!slug.is_empty() && !slug.contains('<')).then(|| format!("/the/{slug}"))
        })
        .collect();
    tags.sort();
    tags.dedup();
    let mut dependents: Vec<String> = vec![
        "/".to_owned(),
        "/tin-tuc/".to_owned(),
        "/feed.xml".to_owned(),
        format!("/{year}/feed.xml"),
    ];
    dependents.extend(tags);
    for d in &dependents {
        let shown =
            get(port, d).is_some_and(|(status, body)| status == 200 && body.contains(&slug));
        assert!(shown, "{d} does not show the edited post");
    }
    // The year's list page that shows the post.
    let list_url = (1..)
        .map(|n| {
            if n == 1 {
                format!("/{year}/tin-tuc/")
            } else {
                format!("/{year}/tin-tuc/trang-{n}/")
            }
        })
        .find(|u| match get(port, u) {
            Some((200, body)) => body.contains(&format!("{slug}/")),
            _ => panic!("the post is on no list page"),
        })
        .unwrap();
    dependents.push(list_url.clone());
    println!("pages that show the post: {}", dependents.join(" "));
    let (mut page, mut list) = (Vec::new(), Vec::new());
    let mut processing = photos > 0;
    let mut while_processing = 0;
    for i in 0..edits {
        let marker = format!("Bản sửa số {i} {}", std::process::id());
        let edited = original.replacen("title: \"", &format!("title: \"{marker} "), 1);
        let tmp = post.with_extension("md.tmp");
        std::fs::write(&tmp, &edited).unwrap();
        let t0 = Instant::now();
        std::fs::rename(&tmp, &post).unwrap();
        let mut page_ms = None;
        loop {
            if page_ms.is_none() && get(port, &url).is_some_and(|(_, b)| b.contains(&marker)) {
                page_ms = Some(t0.elapsed().as_secs_f64() * 1000.0);
            }
            if page_ms.is_some()
                && dependents
                    .iter()
                    .all(|d| get(port, d).is_some_and(|(_, b)| b.contains(&marker)))
            {
                break;
            }
            assert!(
                t0.elapsed() < Duration::from_secs(60),
                "edit {i} never showed up"
            );
            std::thread::sleep(Duration::from_millis(2));
        }
        let list_ms = t0.elapsed().as_secs_f64() * 1000.0;
        // Whether the photos were still being processed when the edit was
        // shown (a batch done is told by "N photos processed").
        let mut lines: Vec<String> = rx.try_iter().collect();
        processing &= !lines.iter().any(|l| l.contains("photos processed"));
        println!(
            "edit {i:2}: post page {:7.1} ms, every page showing it {list_ms:7.1} ms{}",
            page_ms.unwrap(),
            if processing {
                ", photos still processing"
            } else {
                ""
            }
        );
        if processing || photos == 0 {
            page.push(page_ms.unwrap());
            list.push(list_ms);
            while_processing += usize::from(processing);
        }
        // Let the output folder be written, then show how long the rebuild
        // itself took, as serve reports it ("shown in N ms"). While photos
        // are processed the output folder waits for them: a short pause.
        let pause = if processing { 300 } else { 1500 };
        std::thread::sleep(Duration::from_millis(pause));
        lines.extend(rx.try_iter());
        for line in lines {
            if let Some(shown) = line.split("shown in ").nth(1) {
                println!(
                    "         rebuild: {}",
                    shown.split(',').next().unwrap_or(shown)
                );
            }
        }
    }
    std::fs::write(&post, &original).unwrap();
    for p in &new_photos {
        let _ = std::fs::remove_file(p);
    }
    if page.is_empty() {
        println!("the photos were processed before any edit was shown: try more --photos");
        return;
    }
    if photos > 0 {
        println!(
            "{while_processing} of {edits} edits shown while {photos} new 12 MP photos were processed"
        );
    }
    let edits = page.len();
    let (pmin, pmax) = (
        page.iter().cloned().fold(f64::MAX, f64::min),
        page.iter().cloned().fold(0.0, f64::max),
    );
    println!(
        "post page: min {pmin:.1} ms, median {:.1} ms, max {pmax:.1} ms over {edits} edits",
        median(&mut page)
    );
    println!(
        "every page showing it ({} pages): median {:.1} ms",
        dependents.len() + 1,
        median(&mut list)
    );
    drop(guard);
}

/// Writes `n` new 12 MP JPEGs (noise over gradients, seeded by the time, so
/// the photo cache has never seen them) in the newest year's `files/`.
fn new_photos(content: &std::path::Path, n: usize) -> Vec<PathBuf> {
    if n == 0 {
        return Vec::new();
    }
    let year = std::fs::read_dir(content)
        .expect("the content folder")
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u16>().ok())
        .max()
        .expect("a year folder");
    let dir = content.join(year.to_string()).join("files");
    std::fs::create_dir_all(&dir).unwrap();
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos();
    let made = Instant::now();
    let paths: Vec<PathBuf> = (0..n)
        .map(|i| {
            let bytes = campaign::photos::bench::jpeg_12mp(seed.wrapping_add(i as u32));
            let path = dir.join(format!("bench-photo-{seed}-{i}.jpg"));
            std::fs::write(&path, bytes).unwrap();
            path
        })
        .collect();
    println!(
        "{n} new 12 MP photos written to {} in {:.1} s",
        dir.display(),
        made.elapsed().as_secs_f64()
    );
    paths
}
