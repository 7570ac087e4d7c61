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
//! the year's news list shows it too. Prints each edit, then min, median and
//! max. Also prints the time from starting the server to its first answer.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
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
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--site" => site = PathBuf::from(args.next().expect("--site DIR")),
            "--edits" => edits = args.next().expect("--edits N").parse().expect("a number"),
            "--bin" => bin = PathBuf::from(args.next().expect("--bin PATH")),
            other => panic!("unknown argument {other}"),
        }
    }
    let bin = std::fs::canonicalize(&bin).expect("build campaign first: cargo build --release");
    let year_dir = latest_year(&site.join("content"));
    let year = year_dir.file_name().unwrap().to_string_lossy().into_owned();
    // The newest post of the latest year heads that year's news list.
    let newest = std::fs::read_dir(year_dir.join("news"))
        .expect("a news folder")
        .flatten()
        .filter_map(|e| {
            e.file_name()
                .to_string_lossy()
                .strip_suffix(".md")?
                .rsplit('-')
                .next()?
                .parse::<usize>()
                .ok()
        })
        .max()
        .expect("generated posts");
    let slug = format!("tin-{year}-{newest}");
    let post = year_dir.join("news").join(format!("{slug}.md"));
    let original = std::fs::read_to_string(&post).expect("a generated post (run gen_site first)");

    let started = Instant::now();
    let mut child = Command::new(&bin)
        .args(["serve", "--port", "0", "--source"])
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
    let url = format!("/{year}/tin-tuc/{slug}/");
    loop {
        if let Some((200, _)) = get(port, &url) {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    println!(
        "first answer after starting serve: {} ms",
        started.elapsed().as_millis()
    );
    // Let the first write of the output folder finish.
    loop {
        let line = rx
            .recv_timeout(Duration::from_secs(300))
            .expect("serve reports its first build");
        if line.starts_with("first build") {
            break;
        }
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
    let (mut page, mut list) = (Vec::new(), Vec::new());
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
            if page_ms.is_some() && get(port, &list_url).is_some_and(|(_, b)| b.contains(&marker)) {
                break;
            }
            assert!(
                t0.elapsed() < Duration::from_secs(60),
                "edit {i} never showed up"
            );
            std::thread::sleep(Duration::from_millis(2));
        }
        let list_ms = t0.elapsed().as_secs_f64() * 1000.0;
        println!(
            "edit {i:2}: post page {:7.1} ms, year list {list_ms:7.1} ms",
            page_ms.unwrap()
        );
        page.push(page_ms.unwrap());
        list.push(list_ms);
        // Drain rebuild lines and let the output folder be written.
        std::thread::sleep(Duration::from_millis(1500));
        while rx.try_recv().is_ok() {}
    }
    std::fs::write(&post, &original).unwrap();
    let (pmin, pmax) = (
        page.iter().cloned().fold(f64::MAX, f64::min),
        page.iter().cloned().fold(0.0, f64::max),
    );
    println!(
        "post page: min {pmin:.1} ms, median {:.1} ms, max {pmax:.1} ms over {edits} edits",
        median(&mut page)
    );
    println!("year list: median {:.1} ms", median(&mut list));
    drop(guard);
}

fn latest_year(content: &Path) -> PathBuf {
    let mut years: Vec<PathBuf> = std::fs::read_dir(content)
        .expect("content folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("edition.yaml").is_file())
        .collect();
    years.sort();
    years.pop().expect("an edition folder")
}
