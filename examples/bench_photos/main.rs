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

mod measure;
mod sites;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use campaign::photos::bench;
use rayon::prelude::*;

use measure::*;
use sites::*;

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

fn arg(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
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
