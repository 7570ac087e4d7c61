//! The sites and runs compared: campaign's (with and without photos),
//! Hugo's and `vipsthumbnail`'s, and what their outputs publish.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::time::Instant;

use super::measure::*;
use super::{QUALITY, WIDTHS};

pub(crate) fn copy_dir(from: &Path, to: &Path) {
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
pub(crate) fn link(from: &Path, to: &Path) {
    if std::fs::hard_link(from, to).is_err() {
        std::fs::copy(from, to).unwrap();
    }
}

pub(crate) fn remove(path: &Path) {
    if path.exists() {
        std::fs::remove_dir_all(path).unwrap();
    }
}

/// The text of the post that shows photo `i`.
pub(crate) const BODY: &str = "Sáng 25/3, đơn vị tổ chức lễ kỷ niệm Ngày Công tác xã hội Việt Nam tại hội \
trường, với băng rôn, khẩu hiệu và phần trao đổi về nghề công tác xã hội.\n\n\
Các đại biểu đã thảo luận kế hoạch hỗ trợ người cao tuổi, trẻ em và người khuyết tật trên địa \
bàn, và thống nhất lịch báo cáo kết quả trước ngày 14/4.\n";

/// Two copies of `site` (a content folder) with one post per photo in its
/// 2024 edition: `photos/content`, where each post shows its photo as its
/// cover (in `2024/files/`), and `text/content`, the same posts without
/// the photos or any reference to them.
pub(crate) fn campaign_sites(root: &Path, site: &Path, sources: &[PathBuf]) -> (PathBuf, PathBuf) {
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
pub(crate) fn hugo_site(root: &Path, sources: &[PathBuf]) -> PathBuf {
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
pub(crate) fn campaign_build(bin: &Path, site: &Path, cold: bool, scratch: &Path) -> Measure {
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
pub(crate) fn hugo_build(site: &Path, cold: bool, scratch: &Path) -> Measure {
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
pub(crate) fn vips_runs(sources: &[&PathBuf], out: &Path, scratch: &Path) -> Vec<Measure> {
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
pub(crate) fn vips(root: &Path, sources: &[PathBuf], scratch: &Path) -> (Measure, Measure, usize) {
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
pub(crate) fn files_under(dir: &Path) -> Vec<PathBuf> {
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
pub(crate) fn privacy(dir: &Path, sources: &[PathBuf]) -> (usize, usize, usize) {
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
pub(crate) fn hugo_960(dir: &Path) -> Vec<(String, f64)> {
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
