//! Measures the results at scale: 63 provinces × 40 units, each with its
//! own report file (2,520 files, half `.xlsx`, half `.csv`).
//!
//! ```sh
//! cargo build --release
//! cargo run --release --example bench_reports -- --out /tmp/bench-reports --runs 5 --edits 10
//! ```
//!
//! Prints: the time of `campaign check` and of `campaign build` on that
//! site (cold: no earlier load; median of `--runs`), and, with `campaign
//! serve` running, the time from a new report file appearing in
//! `reports/` (written beside and renamed in, as a copy does) until the
//! results page shows the new totals (each edit, then min, median, max).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const PROVINCES: usize = 63;
const UNITS: usize = 40;

struct Guard(Child);

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn unit(p: usize, u: usize) -> String {
    format!("Đơn vị số {} tỉnh thứ {}", u + 1, p + 1)
}

fn participants(p: usize, u: usize) -> u64 {
    (10 + (p * 7 + u * 13) % 300) as u64
}

/// Writes the site; every unit but the last has reported.
fn generate(out: &Path) -> u64 {
    let content = out.join("content");
    let _ = std::fs::remove_dir_all(out);
    std::fs::create_dir_all(content.join("2025/reports")).unwrap();
    std::fs::write(
        content.join("site.yaml"),
        "title: \"Ngày Công tác xã hội Việt Nam\"\nbase_url: \"https://ctxh.example.gov.vn/\"\nlanguage: vi\ntheme: default\ncampaign:\n  day: \"03-25\"\n  first_year: 2017\n",
    )
    .unwrap();
    let mut e = String::from("theme: \"Công tác xã hội Việt Nam\"\nunits:\n");
    for p in 0..PROVINCES {
        for u in 0..UNITS {
            e.push_str(&format!(
                "  - name: \"{}\"\n    group: \"Tỉnh thứ {}\"\n",
                unit(p, u),
                p + 1
            ));
        }
    }
    std::fs::write(content.join("2025/edition.yaml"), e).unwrap();
    let mut total = 0;
    for p in 0..PROVINCES {
        for u in 0..UNITS {
            if p == PROVINCES - 1 && u == UNITS - 1 {
                continue;
            }
            let n = participants(p, u);
            total += n;
            let name = format!("p{p:02}-u{u:02}");
            let dir = content.join("2025/reports");
            if (p + u) % 2 == 0 {
                std::fs::write(dir.join(format!("{name}.xlsx")), xlsx(&unit(p, u), n)).unwrap();
            } else {
                std::fs::write(dir.join(format!("{name}.csv")), csv(&unit(p, u), n)).unwrap();
            }
        }
    }
    total
}

fn csv(unit: &str, n: u64) -> String {
    format!(
        "\u{feff}Năm báo cáo,2025\nĐơn vị báo cáo,Số người tham gia,Tổng kinh phí,Ngân sách,Vận động khác\n\"{unit}\",{n},,\"1,5 triệu đồng\",500.000\n"
    )
}

fn xlsx(unit: &str, n: u64) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let s = book.add_worksheet();
    s.write_string(0, 0, "Năm báo cáo").unwrap();
    s.write_number(0, 1, 2025).unwrap();
    for (c, h) in [
        "Đơn vị báo cáo",
        "Số người tham gia",
        "Tổng kinh phí",
        "Ngân sách",
        "Vận động khác",
    ]
    .iter()
    .enumerate()
    {
        s.write_string(1, c as u16, *h).unwrap();
    }
    s.write_string(2, 0, unit).unwrap();
    s.write_number(2, 1, n as f64).unwrap();
    s.write_formula(2, 2, "=D3+E3").unwrap();
    s.set_formula_result(2, 2, "2000000");
    s.write_number(2, 3, 1_500_000).unwrap();
    s.write_number(2, 4, 500_000).unwrap();
    book.save_to_buffer().unwrap()
}

fn timed(bin: &Path, args: &[&str], dir: &Path) -> f64 {
    let started = Instant::now();
    let out = Command::new(bin)
        .args(args)
        .current_dir(dir)
        .output()
        .expect("campaign runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    started.elapsed().as_secs_f64() * 1000.0
}

fn get(port: u16, path: &str) -> Option<String> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).ok()?;
    Some(String::from_utf8_lossy(&raw).into_owned())
}

fn summary(name: &str, v: &mut [f64]) {
    v.sort_by(f64::total_cmp);
    println!(
        "{name}: min {:.1} ms, median {:.1} ms, max {:.1} ms ({} runs)",
        v[0],
        v[v.len() / 2],
        v[v.len() - 1],
        v.len()
    );
}

/// `1.234.567`
fn grouped(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

fn main() {
    let mut out = PathBuf::from("/tmp/bench-reports");
    let mut runs = 5usize;
    let mut edits = 10usize;
    let mut bin = PathBuf::from("target/release/campaign");
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--out" => out = PathBuf::from(args.next().expect("--out DIR")),
            "--runs" => runs = args.next().expect("--runs N").parse().expect("a number"),
            "--edits" => edits = args.next().expect("--edits N").parse().expect("a number"),
            "--bin" => bin = PathBuf::from(args.next().expect("--bin PATH")),
            other => panic!("unknown argument {other}"),
        }
    }
    let bin = std::fs::canonicalize(&bin).expect("build campaign first: cargo build --release");
    let started = Instant::now();
    let base = generate(&out);
    println!(
        "generated {} units and {} report files in {:.1} s",
        PROVINCES * UNITS,
        PROVINCES * UNITS - 1,
        started.elapsed().as_secs_f64()
    );
    let mut check: Vec<f64> = (0..runs)
        .map(|_| timed(&bin, &["check", "--lang", "en"], &out))
        .collect();
    summary(
        "campaign check (load, read and check every report)",
        &mut check,
    );
    let mut build: Vec<f64> = (0..runs)
        .map(|_| timed(&bin, &["build", "--lang", "en"], &out))
        .collect();
    summary(
        "campaign build (the same, and every page written)",
        &mut build,
    );

    let mut child = Command::new(&bin)
        .args(["serve", "--lang", "en", "--port", "0"])
        .current_dir(&out)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start campaign serve");
    let stdout = child.stdout.take().unwrap();
    let _guard = Guard(child);
    let mut lines = BufReader::new(stdout).lines();
    let port: u16 = loop {
        let line = lines.next().expect("serve prints its address").unwrap();
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
    while get(port, "/2025/ket-qua/").is_none_or(|p| !p.contains("Đã báo cáo")) {
        std::thread::sleep(Duration::from_millis(5));
    }
    let dir = out.join("content/2025/reports");
    let last = unit(PROVINCES - 1, UNITS - 1);
    let mut latencies = Vec::new();
    for e in 0..edits {
        let n = 1000 + e as u64;
        let expected = format!("<dd>{}</dd>", grouped(base + n));
        let tmp = dir.join(".moi.csv.tmp");
        std::fs::write(&tmp, csv(&last, n)).unwrap();
        let started = Instant::now();
        std::fs::rename(&tmp, dir.join("moi.csv")).unwrap();
        loop {
            if get(port, "/2025/ket-qua/").is_some_and(|p| p.contains(&expected)) {
                break;
            }
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "the new totals never showed"
            );
            std::thread::sleep(Duration::from_millis(2));
        }
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        println!("edit {}: new totals shown after {ms:.1} ms", e + 1);
        latencies.push(ms);
        std::thread::sleep(Duration::from_millis(300));
    }
    summary(
        "serve: a report added, until the results page shows it",
        &mut latencies,
    );
}
