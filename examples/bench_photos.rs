//! Photo benchmark: the photo pipeline on generated photo-like JPEGs, cold
//! (empty cache) and warm, against libvips' `vipsthumbnail` when installed
//! (`apt-get install libvips-tools`).
//!
//! ```sh
//! cargo run --release --example bench_photos -- [--small 30] [--large 5] [--dir /tmp/bench-photos] [--no-vips]
//! ```
//!
//! Generates `--small` photos of 6 MP (3000×2000) and `--large` of 12 MP
//! (4000×3000): gradients, shapes and sensor-like noise, saved as JPEG at
//! quality 90 like a phone, so they compress like photos. Processes them to
//! 480, 960 and 1600 px as JPEG and WebP at quality 80, cold then warm, and
//! prints the wall time, the peak resident memory of the processing alone
//! (`VmHWM`, reset after generating) and the output bytes per photo against
//! its source. `vipsthumbnail` then makes the same widths and formats
//! (metadata stripped), each run over every photo.

use std::path::{Path, PathBuf};
use std::process::Command;
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
                jpeg_encoder::Encoder::new(&mut out, 90)
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

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let small: usize = arg(&args, "--small").map_or(30, |v| v.parse().unwrap());
    let large: usize = arg(&args, "--large").map_or(5, |v| v.parse().unwrap());
    let root = PathBuf::from(arg(&args, "--dir").unwrap_or_else(|| {
        std::env::temp_dir()
            .join("campaign-bench-photos")
            .display()
            .to_string()
    }));
    let sources_dir = root.join(format!("sources-{small}-{large}"));
    let cache = root.join("cache");
    let _ = std::fs::remove_dir_all(&cache);

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

    let resettable = reset_peak();
    let t = Instant::now();
    let cold = bench::run(&sources, &WIDTHS, QUALITY, true, &cache);
    let cold_secs = t.elapsed().as_secs_f64();
    let cold_peak = peak_mb();
    let t = Instant::now();
    let warm = bench::run(&sources, &WIDTHS, QUALITY, true, &cache);
    let warm_secs = t.elapsed().as_secs_f64();
    for (path, r) in sources.iter().zip(&cold.outputs) {
        if let Err(e) = r {
            panic!("{}: {e}", path.display());
        }
    }
    println!(
        "campaign cold: {cold_secs:.2} s ({} processed), {:.2} s per photo per core; peak RSS {}",
        cold.processed,
        cold_secs * 2.0 / sources.len() as f64,
        match (cold_peak, resettable) {
            (Some(mb), true) => format!("{mb:.0} MB (processing only)"),
            (Some(mb), false) => format!("{mb:.0} MB (generation included)"),
            (None, _) => "unknown".to_owned(),
        }
    );
    println!(
        "campaign warm: {warm_secs:.3} s ({} from the cache, {} processed)",
        warm.cached, warm.processed
    );

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
                        let outs = cold.outputs[i].as_ref().unwrap();
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

    if !args.iter().any(|a| a == "--no-vips") {
        vips(&root, &sources);
    }
}

/// `vipsthumbnail` to the same widths and formats, each run over every
/// photo (it uses every core itself).
fn vips(root: &Path, sources: &[PathBuf]) {
    if Command::new("vipsthumbnail")
        .arg("--vips-version")
        .output()
        .is_err()
    {
        println!("vipsthumbnail: not installed (apt-get install libvips-tools)");
        return;
    }
    let out = root.join("vips");
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out).unwrap();
    let t = Instant::now();
    for w in WIDTHS {
        for ext in ["jpg", "webp"] {
            let status = Command::new("vipsthumbnail")
                .args(sources)
                .arg(format!("--size={w}x"))
                .arg(format!(
                    "--output={}/%s-{w}.{ext}[Q={QUALITY},strip]",
                    out.display()
                ))
                .status()
                .unwrap();
            assert!(status.success());
        }
    }
    let secs = t.elapsed().as_secs_f64();
    let bytes: u64 = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().len())
        .sum();
    println!(
        "vipsthumbnail: {secs:.2} s for the same {} files ({:.1} MB)",
        sources.len() * WIDTHS.len() * 2,
        bytes as f64 / 1e6
    );
}
