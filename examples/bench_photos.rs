//! Photo benchmark: generated photo-like JPEGs (with a phone's EXIF block:
//! make, model, serial, GPS), processed by campaign's pipeline alone and by
//! `campaign build` of a site that shows them, cold (empty cache) and warm,
//! against Hugo's image processing (when `hugo` is on the PATH: `apt-get
//! install hugo`) and libvips' `vipsthumbnail` (`apt-get install
//! libvips-tools`), one process at a time and two at once.
//!
//! ```sh
//! cargo build --release && cargo run --release --example bench_photos -- \
//!     [--small 30] [--large 5] [--dir /tmp/campaign-bench-photos] [--rounds 1] [--runs 7] \
//!     [--site content] [--campaign target/release/campaign] [--no-hugo] [--no-vips]
//! ```
//!
//! Generates `--small` photos of 6 MP (3000×2000) and `--large` of 12 MP
//! (4000×3000): gradients, shapes and sensor-like noise, saved as JPEG at
//! quality 90 like a phone, so they compress like photos. Every cold
//! measurement is made `--rounds` times, the tools interleaved in each round
//! so that the machine's noise hits them alike; the figures are medians
//! (peak memory: the largest). Wall time, CPU time (user + system, so the
//! cores each tool kept busy) and peak resident memory (`/usr/bin/time`,
//! `apt-get install time`; `VmHWM` for the in-process pipeline) of:
//!
//! - the pipeline alone, in this process (480, 960 and 1600 px, JPEG and
//!   WebP at quality 80), and the output bytes per photo against its
//!   source;
//! - `campaign build` of a copy of `--site` (the repository's `content/`)
//!   with one post per photo (the photo as its cover), cold: no
//!   `.campaign-cache`;
//! - `hugo --quiet` of a Hugo site with the same posts as page bundles, each
//!   photo resized by the template to the same widths (never upscaled) as
//!   JPEG and WebP at quality 80 with the Lanczos filter; cold: no
//!   `resources/_gen`, a fresh `--cacheDir`;
//! - `vipsthumbnail`, once per width and format over every photo (metadata
//!   stripped), first one process at a time, then two at once (the photos
//!   split into two halves of equal size, as `xargs -P 2` would run them).
//!
//! Then `--runs` warm builds each, alternating: `campaign build` with the
//! cache populated, the same site without the photos and their references
//! (the same posts without `image:`), and Hugo with its resources in place.
//! Every build writes into a fresh output folder (its removal is not
//! timed). Last, the published files of Hugo and campaign are searched for
//! the originals and for an EXIF GPS position.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use campaign::photos::bench;
use rayon::prelude::*;

const WIDTHS: [u32; 3] = [480, 960, 1600];
const QUALITY: u8 = 80;

/// A photo-like picture: a sky-to-floor gradient, soft blobs of colour,
/// hard-edged rectangles (a banner, a table), fine texture (fabric,
/// leaves, faces in a crowd: detail that survives downscaling) and noise
/// like a phone sensor's, varying with `seed`. At quality 90 a 12 MP one
/// is about the size of a phone's JPEG.
fn photo_like(width: u32, height: u32, seed: u32) -> Vec<u8> {
    // Value noise on a grid of 5 px cells: each cell a random level.
    let cell = |cx: u32, cy: u32| {
        let mut h = cx.wrapping_mul(0x9E37_79B1) ^ cy.wrapping_mul(0x85EB_CA77) ^ seed;
        h ^= h >> 15;
        h = h.wrapping_mul(0x2C1B_3C6D);
        h ^= h >> 12;
        (h % 41) as i32 - 20
    };
    let mut rows = vec![0u8; (width * height * 3) as usize];
    rows.par_chunks_mut((width * 3) as usize)
        .enumerate()
        .for_each(|(y, row)| {
            let mut s = (seed.wrapping_mul(2_654_435_761) ^ (y as u32).wrapping_mul(40503)) | 1;
            let fy = y as f32 / height as f32;
            for x in 0..width as usize {
                s ^= s << 13;
                s ^= s >> 17;
                s ^= s << 5;
                let noise = (s % 17) as i32 - 8;
                let fx = x as f32 / width as f32;
                let phase = seed as f32 * 0.7;
                let blob = ((fx * 7.0 + phase).sin() * (fy * 5.0 - phase).cos() * 50.0) as i32;
                let texture = cell(x as u32 / 5, y as u32 / 5);
                let banner = fy > 0.15 && fy < 0.3 && fx > 0.2 && fx < 0.8;
                let table = fy > 0.7 && fx > (seed % 5) as f32 * 0.1 && fx < 0.9;
                let (r, g, b) = if banner {
                    (200, 20 + ((fx * 40.0) as i32 % 20), 30)
                } else if table {
                    (120 + blob / 3 + texture / 3, 80 + blob / 4, 50)
                } else {
                    (
                        (fx * 160.0) as i32 + 40 + blob + texture,
                        (fy * 140.0) as i32 + 50 - blob / 2 + texture,
                        ((1.0 - fy) * 180.0) as i32 + 40 + texture / 2,
                    )
                };
                let c = |v: i32| (v + noise).clamp(0, 255) as u8;
                row[x * 3..x * 3 + 3].copy_from_slice(&[c(r), c(g), c(b)]);
            }
        });
    rows
}

fn generate(dir: &Path, small: usize, large: usize) -> Vec<PathBuf> {
    std::fs::create_dir_all(dir).unwrap();
    (0..small + large)
        .map(|i| {
            let (w, h) = if i < small {
                (3000, 2000)
            } else {
                (4000, 3000)
            };
            let path = dir.join(format!("anh-{i:02}-{}mp.jpg", w * h / 1_000_000));
            if !path.exists() {
                let pixels = photo_like(w, h, i as u32 + 1);
                let mut out = Vec::new();
                let mut encoder = jpeg_encoder::Encoder::new(&mut out, 90);
                // What a phone writes: make, model, serial and GPS.
                encoder.add_app_segment(1, bench::exif_block(1)).unwrap();
                encoder
                    .encode(&pixels, w as u16, h as u16, jpeg_encoder::ColorType::Rgb)
                    .unwrap();
                std::fs::write(&path, out).unwrap();
            }
            path
        })
        .collect()
}

/// Peak resident memory of this process so far, in MB.
fn peak_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// Resets the peak to the current resident size (Linux: `5` in
/// `clear_refs`), so the figure is the processing's alone.
fn reset_peak() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

fn arg(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

/// CPU time (user + system) of this process so far, in seconds.
fn own_cpu() -> Option<f64> {
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
struct Measure {
    secs: f64,
    cpu: Option<f64>,
    peak: Option<f64>,
}

impl Measure {
    /// Several runs one after the other: times add up, the peak is the
    /// largest.
    fn sum(runs: &[Measure]) -> Measure {
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

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

/// The median of `runs` (time, CPU) and the largest peak, as text.
fn summary(runs: &[Measure]) -> (f64, String) {
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
fn timed(program: &OsStr, args: &[OsString], scratch: &Path) -> Measure {
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

fn os(args: &[&dyn AsRef<OsStr>]) -> Vec<OsString> {
    args.iter().map(|a| a.as_ref().to_owned()).collect()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A hard link to `from` at `to` (a copy on another file system).
fn link(from: &Path, to: &Path) {
    if std::fs::hard_link(from, to).is_err() {
        std::fs::copy(from, to).unwrap();
    }
}

fn remove(path: &Path) {
    if path.exists() {
        std::fs::remove_dir_all(path).unwrap();
    }
}

/// The text of the post that shows photo `i`.
const BODY: &str = "Sáng 25/3, đơn vị tổ chức lễ kỷ niệm Ngày Công tác xã hội Việt Nam tại hội \
trường, với băng rôn, khẩu hiệu và phần trao đổi về nghề công tác xã hội.\n\n\
Các đại biểu đã thảo luận kế hoạch hỗ trợ người cao tuổi, trẻ em và người khuyết tật trên địa \
bàn, và thống nhất lịch báo cáo kết quả trước ngày 14/4.\n";

/// Two copies of `site` (a content folder) with one post per photo in its
/// 2024 edition: `photos/content`, where each post shows its photo as its
/// cover (in `2024/files/`), and `text/content`, the same posts without
/// the photos or any reference to them.
fn campaign_sites(root: &Path, site: &Path, sources: &[PathBuf]) -> (PathBuf, PathBuf) {
    let with = root.join("site-photos");
    let without = root.join("site-text");
    for (dir, photos) in [(&with, true), (&without, false)] {
        remove(dir);
        let content = dir.join("content");
        copy_dir(site, &content);
        for (i, source) in sources.iter().enumerate() {
            let name = source.file_name().unwrap().to_string_lossy();
            let cover = if photos {
                link(source, &content.join("2024/files").join(&*name));
                format!(
                    "image: ../files/{name}\nimage_alt: \"Ảnh minh họa số {i}: băng rôn trong hội trường\"\n"
                )
            } else {
                String::new()
            };
            std::fs::write(
                content.join(format!("2024/news/anh-{i:02}.md")),
                format!(
                    "---\ntitle: \"Hoạt động kỷ niệm số {i}\"\ndate: \"{}/3/2024\"\nsummary: \"Lễ kỷ niệm tại đơn vị số {i}.\"\n{cover}---\n{BODY}",
                    1 + i % 28
                ),
            )
            .unwrap();
        }
    }
    (with, without)
}

/// A Hugo site with the same posts as page bundles, the template resizing
/// each photo to the same widths and formats.
fn hugo_site(root: &Path, sources: &[PathBuf]) -> PathBuf {
    let dir = root.join("hugo");
    remove(&dir);
    let layouts = dir.join("layouts/_default");
    std::fs::create_dir_all(&layouts).unwrap();
    std::fs::write(
        dir.join("hugo.toml"),
        format!(
            "baseURL = \"https://ctxh.example.gov.vn/\"\nlanguageCode = \"vi\"\ntitle = \"Ngày Công tác xã hội Việt Nam\"\n\
             disableKinds = [\"taxonomy\", \"term\", \"RSS\", \"sitemap\", \"robotsTXT\", \"404\"]\n\
             [imaging]\n  resampleFilter = \"Lanczos\"\n  quality = {QUALITY}\n"
        ),
    )
    .unwrap();
    // Each configured width the photo has (never upscaled), as JPEG and
    // WebP at the same quality, with the Lanczos filter.
    let widths = WIDTHS.map(|w| w.to_string()).join(" ");
    std::fs::write(
        layouts.join("single.html"),
        format!(
            "<!doctype html><html lang=\"vi\"><title>{{{{ .Title }}}}</title><h1>{{{{ .Title }}}}</h1>\n\
             {{{{ range .Resources.ByType \"image\" }}}}{{{{ $img := . }}}}<picture>\n\
             {{{{ range slice {widths} }}}}{{{{ if le . $img.Width }}}}\
             {{{{ $webp := $img.Resize (printf \"%dx webp q{QUALITY} Lanczos\" .) }}}}\
             {{{{ $jpg := $img.Resize (printf \"%dx jpg q{QUALITY} Lanczos\" .) }}}}\
             <source type=\"image/webp\" srcset=\"{{{{ $webp.RelPermalink }}}} {{{{ $webp.Width }}}}w\">\
             <img src=\"{{{{ $jpg.RelPermalink }}}}\" width=\"{{{{ $jpg.Width }}}}\" height=\"{{{{ $jpg.Height }}}}\" alt=\"\">\n\
             {{{{ end }}}}{{{{ end }}}}</picture>{{{{ end }}}}\n{{{{ .Content }}}}</html>\n"
        ),
    )
    .unwrap();
    let list = "<!doctype html><html lang=\"vi\"><title>{{ .Title }}</title>\
                {{ range .Site.RegularPages }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ end }}</html>\n";
    std::fs::write(layouts.join("list.html"), list).unwrap();
    std::fs::write(dir.join("layouts/index.html"), list).unwrap();
    for (i, source) in sources.iter().enumerate() {
        let bundle = dir.join(format!("content/posts/anh-{i:02}"));
        std::fs::create_dir_all(&bundle).unwrap();
        link(source, &bundle.join(source.file_name().unwrap()));
        std::fs::write(
            bundle.join("index.md"),
            format!(
                "---\ntitle: \"Hoạt động kỷ niệm số {i}\"\ndate: 2024-03-{:02}\n---\n{BODY}",
                1 + i % 28
            ),
        )
        .unwrap();
    }
    dir
}

/// `campaign build` of `site`, into a fresh `public/`; `cold` deletes the
/// photo cache first.
fn campaign_build(bin: &Path, site: &Path, cold: bool, scratch: &Path) -> Measure {
    remove(&site.join("public"));
    if cold {
        remove(&site.join(".campaign-cache"));
    }
    timed(
        bin.as_os_str(),
        &os(&[
            &"build",
            &"--source",
            &site.join("content"),
            &"--output",
            &site.join("public"),
        ]),
        scratch,
    )
}

/// `hugo --quiet` into a fresh `public/`; `cold` deletes the processed
/// images (`resources/_gen`) and the cache folder first.
fn hugo_build(site: &Path, cold: bool, scratch: &Path) -> Measure {
    let cache = site.with_file_name("hugo-cache");
    remove(&site.join("public"));
    if cold {
        remove(&site.join("resources"));
        remove(&cache);
    }
    timed(
        OsStr::new("hugo"),
        &os(&[
            &"--quiet",
            &"--source",
            &site,
            &"--cacheDir",
            &cache,
            &"--destination",
            &site.join("public"),
        ]),
        scratch,
    )
}

/// `vipsthumbnail` over `sources`, once per width and format, into `out`.
fn vips_runs(sources: &[&PathBuf], out: &Path, scratch: &Path) -> Vec<Measure> {
    let mut runs = Vec::new();
    for w in WIDTHS {
        for ext in ["jpg", "webp"] {
            let mut args: Vec<OsString> =
                sources.iter().map(|p| p.as_os_str().to_owned()).collect();
            args.push(format!("--size={w}x").into());
            args.push(format!("--output={}/%s-{w}.{ext}[Q={QUALITY},strip]", out.display()).into());
            runs.push(timed(OsStr::new("vipsthumbnail"), &args, scratch));
        }
    }
    runs
}

/// `vipsthumbnail`: the six runs one after the other, then the photos split
/// into two halves of equal size, each half's six runs in its own thread
/// (two processes at once). Returns both, and the files written.
fn vips(root: &Path, sources: &[PathBuf], scratch: &Path) -> (Measure, Measure, usize) {
    let serial = root.join("vips-serial");
    let parallel = root.join("vips-parallel");
    for dir in [&serial, &parallel] {
        remove(dir);
        std::fs::create_dir_all(dir).unwrap();
    }
    let all: Vec<&PathBuf> = sources.iter().collect();
    let t = Instant::now();
    let one = vips_runs(&all, &serial, scratch);
    let serial_secs = t.elapsed().as_secs_f64();
    // Largest first, each to the half with fewer bytes so far.
    let mut by_size: Vec<(u64, &PathBuf)> = sources
        .iter()
        .map(|p| (std::fs::metadata(p).unwrap().len(), p))
        .collect();
    by_size.sort_by_key(|b| std::cmp::Reverse(b.0));
    let mut halves: [(u64, Vec<&PathBuf>); 2] = [(0, Vec::new()), (0, Vec::new())];
    for (len, p) in by_size {
        let h = if halves[0].0 <= halves[1].0 { 0 } else { 1 };
        halves[h].0 += len;
        halves[h].1.push(p);
    }
    let t = Instant::now();
    let workers: Vec<Vec<Measure>> = std::thread::scope(|s| {
        let handles: Vec<_> = halves
            .iter()
            .map(|(_, half)| s.spawn(|| vips_runs(half, &parallel, scratch)))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let parallel_secs = t.elapsed().as_secs_f64();
    let files = std::fs::read_dir(&parallel).unwrap().count();
    assert_eq!(
        files,
        std::fs::read_dir(&serial).unwrap().count(),
        "vips wrote the same files"
    );
    let a = Measure::sum(&workers[0]);
    let b = Measure::sum(&workers[1]);
    (
        Measure {
            secs: serial_secs,
            ..Measure::sum(&one)
        },
        Measure {
            secs: parallel_secs,
            cpu: a.cpu.zip(b.cpu).map(|(x, y)| x + y),
            // Both halves run at once: at most the sum of their peaks.
            peak: a.peak.zip(b.peak).map(|(x, y)| x + y),
        },
        files,
    )
}

/// Every file under `dir`.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries {
            let e = e.unwrap();
            if e.file_type().unwrap().is_dir() {
                stack.push(e.path());
            } else {
                out.push(e.path());
            }
        }
    }
    out.sort();
    out
}

/// What a published folder gives away: its images, how many are one of
/// the originals (same name and bytes), and how many carry an EXIF GPS
/// position (read with kamadak-exif).
fn privacy(dir: &Path, sources: &[PathBuf]) -> (usize, usize, usize) {
    let originals: Vec<(std::ffi::OsString, u64)> = sources
        .iter()
        .map(|p| {
            (
                p.file_name().unwrap().to_owned(),
                std::fs::metadata(p).unwrap().len(),
            )
        })
        .collect();
    let images: Vec<PathBuf> = files_under(dir)
        .into_iter()
        .filter(|p| {
            matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("jpg" | "jpeg" | "webp" | "png")
            )
        })
        .collect();
    let same = images
        .iter()
        .filter(|p| {
            let len = std::fs::metadata(p).unwrap().len();
            originals
                .iter()
                .any(|(name, l)| Some(name.as_os_str()) == p.file_name() && *l == len)
        })
        .count();
    let gps = images
        .iter()
        .filter(|p| {
            let Ok(file) = std::fs::File::open(p) else {
                return false;
            };
            exif::Reader::new()
                .read_from_container(&mut std::io::BufReader::new(file))
                .is_ok_and(|e| {
                    e.fields()
                        .any(|f| matches!(f.tag, exif::Tag::GPSLatitude | exif::Tag::GPSLongitude))
                })
        })
        .count();
    (images.len(), same, gps)
}

/// Mean bytes of the 960 px files of the 12 MP photos in Hugo's output, by
/// extension.
fn hugo_960(dir: &Path) -> Vec<(String, f64)> {
    let files: Vec<(String, u64)> = files_under(&dir.join("public"))
        .into_iter()
        .filter_map(|p| {
            let name = p.file_name()?.to_string_lossy().into_owned();
            (name.contains("12mp") && name.contains("_960x")).then(|| {
                (
                    p.extension().unwrap().to_string_lossy().into_owned(),
                    std::fs::metadata(&p).unwrap().len(),
                )
            })
        })
        .collect();
    ["jpg", "webp"]
        .iter()
        .filter_map(|ext| {
            let of: Vec<u64> = files.iter().filter(|f| f.0 == *ext).map(|f| f.1).collect();
            (!of.is_empty()).then(|| {
                (
                    (*ext).to_owned(),
                    of.iter().sum::<u64>() as f64 / of.len() as f64,
                )
            })
        })
        .collect()
}

fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".to_owned())
}

fn on_path(program: &str, version_arg: &str) -> bool {
    Command::new(program)
        .arg(version_arg)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let num = |name: &str, default: usize| arg(&args, name).map_or(default, |v| v.parse().unwrap());
    let small = num("--small", 30);
    let large = num("--large", 5);
    let rounds = num("--rounds", 1).max(1);
    let runs = num("--runs", 7).max(1);
    let root = PathBuf::from(arg(&args, "--dir").unwrap_or_else(|| {
        std::env::temp_dir()
            .join("campaign-bench-photos")
            .display()
            .to_string()
    }));
    let site = PathBuf::from(
        arg(&args, "--site")
            .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/content").to_owned()),
    );
    let bin = arg(&args, "--campaign").map_or_else(
        || {
            let exe = std::env::current_exe().unwrap();
            // target/release/examples/bench_photos → target/release/campaign
            exe.parent().unwrap().parent().unwrap().join("campaign")
        },
        PathBuf::from,
    );
    assert!(
        bin.exists(),
        "{} not found: cargo build --release first, or --campaign BIN",
        bin.display()
    );
    let with_hugo = !args.iter().any(|a| a == "--no-hugo") && on_path("hugo", "version");
    let with_vips =
        !args.iter().any(|a| a == "--no-vips") && on_path("vipsthumbnail", "--vips-version");
    let scratch = root.join("scratch");
    std::fs::create_dir_all(&scratch).unwrap();
    let sources_dir = root.join(format!("sources-{small}-{large}-exif"));
    let cache = root.join("cache");
    let _ = std::fs::remove_dir_all(&cache);

    println!("load average at the start: {}", load());
    let t = Instant::now();
    let sources = generate(&sources_dir, small, large);
    let source_bytes: Vec<u64> = sources
        .iter()
        .map(|p| std::fs::metadata(p).unwrap().len())
        .collect();
    println!(
        "{} photos ({small} of 6 MP, {large} of 12 MP), {:.1} MB of JPEG, ready in {:.1} s; {} cores",
        sources.len(),
        source_bytes.iter().sum::<u64>() as f64 / 1e6,
        t.elapsed().as_secs_f64(),
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    let (with_photos, text_only) = campaign_sites(&root, &site, &sources);
    let hugo = with_hugo.then(|| hugo_site(&root, &sources));
    if hugo.is_none() {
        println!("hugo: not measured (not on the PATH: apt-get install hugo)");
    } else if let Ok(out) = Command::new("hugo").arg("version").output() {
        print!("{}", String::from_utf8_lossy(&out.stdout));
    }
    if !with_vips {
        println!("vipsthumbnail: not measured (not installed: apt-get install libvips-tools)");
    }
    if !Path::new("/usr/bin/time").exists() {
        println!(
            "/usr/bin/time: not installed (apt-get install time): no CPU time or peak memory of the other programs"
        );
    }

    let mut core = Vec::new();
    let mut core_warm = Vec::new();
    let mut build_cold = Vec::new();
    let mut hugo_cold = Vec::new();
    let mut vips_serial = Vec::new();
    let mut vips_parallel = Vec::new();
    let mut vips_files = 0;
    let mut outputs = Vec::new();
    for round in 1..=rounds {
        println!("round {round}/{rounds} (load {})", load());
        // The pipeline alone, in this process.
        let _ = std::fs::remove_dir_all(&cache);
        let resettable = reset_peak();
        let (t, cpu) = (Instant::now(), own_cpu());
        let cold = bench::run(&sources, &WIDTHS, QUALITY, true, &cache);
        let secs = t.elapsed().as_secs_f64();
        for (path, r) in sources.iter().zip(&cold.outputs) {
            if let Err(e) = r {
                panic!("{}: {e}", path.display());
            }
        }
        assert_eq!(cold.processed, sources.len());
        core.push(Measure {
            secs,
            cpu: own_cpu().zip(cpu).map(|(b, a)| b - a),
            peak: peak_mb().filter(|_| resettable),
        });
        let t = Instant::now();
        let warm = bench::run(&sources, &WIDTHS, QUALITY, true, &cache);
        core_warm.push(Measure {
            secs: t.elapsed().as_secs_f64(),
            cpu: None,
            peak: None,
        });
        assert_eq!(warm.cached, sources.len());
        outputs = cold.outputs;

        build_cold.push(campaign_build(&bin, &with_photos, true, &scratch));
        if let Some(hugo) = &hugo {
            hugo_cold.push(hugo_build(hugo, true, &scratch));
        }
        if with_vips {
            let (s, p, files) = vips(&root, &sources, &scratch);
            vips_serial.push(s);
            vips_parallel.push(p);
            vips_files = files;
        }
    }

    // Warm builds, alternating.
    let mut build_warm = Vec::new();
    let mut build_text = Vec::new();
    let mut hugo_warm = Vec::new();
    campaign_build(&bin, &text_only, false, &scratch);
    for _ in 0..runs {
        build_warm.push(campaign_build(&bin, &with_photos, false, &scratch));
        build_text.push(campaign_build(&bin, &text_only, false, &scratch));
        if let Some(hugo) = &hugo {
            hugo_warm.push(hugo_build(hugo, false, &scratch));
        }
    }

    println!(
        "\n{} photos to {} px, JPEG and WebP at quality {QUALITY}: wall time (median of {rounds} cold, {runs} warm), CPU time, peak memory",
        sources.len(),
        WIDTHS.map(|w| w.to_string()).join(", ")
    );
    let (core_secs, text) = summary(&core);
    println!("  pipeline alone, cold:            {text}");
    println!(
        "  pipeline alone, warm:            {}",
        summary(&core_warm).1
    );
    let (cold_secs, text) = summary(&build_cold);
    println!("  campaign build, cold:            {text}");
    let (warm_secs, text) = summary(&build_warm);
    println!("  campaign build, warm:            {text}");
    let (text_secs, text) = summary(&build_text);
    println!("  campaign build, no photos:       {text}");
    println!(
        "  warm build / build without photos: {:.2}× ({:+.1} %; goal: within 5 %)",
        warm_secs / text_secs,
        (warm_secs / text_secs - 1.0) * 100.0
    );
    if !hugo_cold.is_empty() {
        let (hugo_secs, text) = summary(&hugo_cold);
        println!("  hugo, cold:                      {text}");
        println!(
            "  hugo, warm:                      {}",
            summary(&hugo_warm).1
        );
        println!(
            "  hugo cold / campaign build cold: {:.2}× (goal: at least 2×)",
            hugo_secs / cold_secs
        );
    }
    if !vips_serial.is_empty() {
        let (serial, text) = summary(&vips_serial);
        println!("  vipsthumbnail, one at a time:    {text} ({vips_files} files)");
        let (parallel, text) = summary(&vips_parallel);
        println!("  vipsthumbnail, two at once:      {text} (peak: the sum of both)");
        println!(
            "  campaign build cold / vipsthumbnail: {:.2}× one at a time, {:.2}× two at once (goal: within 1.5×); pipeline alone: {:.2}×, {:.2}×",
            cold_secs / serial,
            cold_secs / parallel,
            core_secs / serial,
            core_secs / parallel
        );
    }

    // Output bytes per photo, by width and format, and against the source.
    println!("output per photo (mean), and as % of its source:");
    for group in [("6 MP", 0..small), ("12 MP", small..small + large)] {
        if group.1.is_empty() {
            continue;
        }
        let n = group.1.len() as f64;
        let src: f64 = group.1.clone().map(|i| source_bytes[i] as f64).sum::<f64>() / n;
        let mut line = format!("  {} (source {:.0} KB):", group.0, src / 1e3);
        for ext in ["jpg", "webp"] {
            for w in WIDTHS {
                let bytes: f64 = group
                    .1
                    .clone()
                    .map(|i| {
                        let outs = outputs[i].as_ref().unwrap();
                        outs.iter()
                            .find(|(ow, oe, _)| *ow == w && *oe == ext)
                            .map_or(0, |o| o.2) as f64
                    })
                    .sum::<f64>()
                    / n;
                line.push_str(&format!(
                    " {ext} {w}: {:.0} KB ({:.1}%);",
                    bytes / 1e3,
                    bytes / src * 100.0
                ));
            }
        }
        println!("{line}");
    }
    if let Some(hugo) = &hugo {
        let src: f64 = source_bytes[small..].iter().sum::<u64>() as f64 / large.max(1) as f64;
        for (ext, bytes) in hugo_960(hugo) {
            println!(
                "  hugo, 12 MP, {ext} 960: {:.0} KB ({:.1}%)",
                bytes / 1e3,
                bytes / src * 100.0
            );
        }
    }

    // What each published folder gives away.
    let (images, originals, gps) = privacy(&with_photos.join("public"), &sources);
    println!(
        "campaign's output: {images} images, {originals} of them originals, {gps} with a GPS position"
    );
    if let Some(hugo) = &hugo {
        let (images, originals, gps) = privacy(&hugo.join("public"), &sources);
        println!(
            "hugo's output: {images} images, {originals} of them originals, {gps} with a GPS position"
        );
    }
    println!("load average at the end: {}", load());
}
