//! The site as downloads (`campaign build` only): a ZIP of each edition's
//! part of the site and one of the whole, made from the files just written
//! to the staging folder, so that an archivist can keep a year as one file.
//!
//! A ZIP opened from disk has no web server to turn `2024/` into
//! `2024/index.html`: every relative link to a folder is rewritten to name
//! its `index.html` (pages already link relatively, never absolutely). A
//! year's ZIP holds its folder and the site's shared files (styles,
//! scripts, icons); its links out of the year lead outside the ZIP. The
//! 404 page is left out: its links start at the site's root path.
//!
//! Reproducible: entries sorted by name, every one dated 1980-01-01 (ZIP's
//! first day) with the same permissions, deflated by zip's pure-Rust
//! backend. The archive page lists each ZIP with its size, written into
//! the page once the ZIPs exist (the size of a ZIP is known only then).

use std::io::Write as _;
use std::path::Path;

use zip::write::SimpleFileOptions;

use crate::routes;

/// One ZIP written: its site path and size in bytes.
pub(crate) struct Made {
    pub(crate) path: String,
    pub(crate) bytes: u64,
}

/// Whether the published file `rel` goes in the ZIP of `year` (`None`:
/// the whole site's).
fn belongs(rel: &str, year: Option<i16>) -> bool {
    if rel.ends_with(".zip") || rel == routes::not_found() {
        return false;
    }
    match year {
        None => true,
        Some(y) => {
            let shared = !rel.contains('/')
                && !rel.ends_with(".html")
                && !rel.ends_with(".xml")
                && !rel.ends_with(".txt");
            shared || rel.starts_with(&format!("{y}/"))
        }
    }
}

/// Whether a link leaves the files of the site (an address elsewhere, a
/// fragment, a path from the root).
fn is_external(link: &str) -> bool {
    link.starts_with('#')
        || link.starts_with('/')
        || link.contains("://")
        || ["mailto:", "tel:", "data:", "javascript:"]
            .iter()
            .any(|s| link.starts_with(s))
}

/// `link` naming the `index.html` of a folder it leads to.
fn to_index(link: &str) -> String {
    if is_external(link) {
        return link.to_owned();
    }
    let cut = link.find(['#', '?']).unwrap_or(link.len());
    let (path, rest) = link.split_at(cut);
    if path.is_empty() && !rest.is_empty() {
        return link.to_owned();
    }
    if path.is_empty() || path.ends_with('/') || path == "." || path == ".." {
        let sep = if path.is_empty() || path.ends_with('/') {
            ""
        } else {
            "/"
        };
        format!("{path}{sep}index.html{rest}")
    } else {
        link.to_owned()
    }
}

/// The page with every relative link to a folder naming its `index.html`
/// (`href`, `src`, and the address of a redirect's `url=`). One pass: the
/// next place of each marker is searched again only once passed, so a
/// page of 50 MB costs one scan, not one per link.
pub(crate) fn for_disk(html: &str) -> String {
    const MARKERS: [&str; 3] = ["href=\"", "src=\"", "; url="];
    let find = |from: usize, m: &str| html[from..].find(m).map(|i| from + i);
    let mut next: Vec<Option<usize>> = MARKERS.iter().map(|m| find(0, m)).collect();
    let mut out = String::with_capacity(html.len() + 256);
    let mut done = 0;
    loop {
        let Some((k, at)) = next
            .iter()
            .enumerate()
            .filter_map(|(k, p)| p.map(|p| (k, p)))
            .min_by_key(|&(_, p)| p)
        else {
            out.push_str(&html[done..]);
            return out;
        };
        let start = at + MARKERS[k].len();
        let end = html[start..].find('"').map_or(html.len(), |j| start + j);
        out.push_str(&html[done..start]);
        out.push_str(&to_index(&html[start..end]));
        done = end;
        for (m, p) in next.iter_mut().enumerate() {
            if p.is_some_and(|p| p < end) {
                *p = find(end, MARKERS[m]);
            }
        }
    }
}

/// Writes one ZIP of `files` (read from `dir`) to `dir/<path>`.
fn write_zip(dir: &Path, path: &str, files: &[&str]) -> std::io::Result<u64> {
    let target = dir.join(path);
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&target)?);
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    for rel in files {
        let bytes = std::fs::read(dir.join(rel))?;
        zip.start_file(*rel, options)
            .map_err(std::io::Error::other)?;
        if rel.ends_with(".html") {
            zip.write_all(for_disk(&String::from_utf8_lossy(&bytes)).as_bytes())?;
        } else {
            zip.write_all(&bytes)?;
        }
    }
    zip.finish().map_err(std::io::Error::other)?;
    Ok(std::fs::metadata(&target)?.len())
}

/// Writes the ZIP of each of `years` and of the whole site into the
/// staging folder `dir`, from `files` (every file written there).
pub(crate) fn write_all(dir: &Path, years: &[i16], files: &[&str]) -> std::io::Result<Vec<Made>> {
    let mut sorted: Vec<&str> = files.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let mut made = Vec::new();
    let targets = years
        .iter()
        .map(|&y| (Some(y), routes::edition_zip(y)))
        .chain([(None, routes::site_zip().to_owned())]);
    for (year, path) in targets {
        let members: Vec<&str> = sorted
            .iter()
            .copied()
            .filter(|f| belongs(f, year))
            .collect();
        let bytes = write_zip(dir, &path, &members)?;
        made.push(Made { path, bytes });
    }
    Ok(made)
}

/// "1,2 MB", "340 kB": a size as the archive page shows it.
pub(crate) fn size_label(bytes: u64) -> String {
    let (value, unit) = if bytes >= 1_000_000 {
        (bytes as f64 / 1_000_000.0, "MB")
    } else {
        ((bytes as f64 / 1000.0).max(1.0), "kB")
    };
    format!("{value:.1} {unit}").replace('.', ",")
}

/// The archive page with a link to each ZIP, with its size, in place of
/// its placeholder (`<span data-zip="luu-tru/2024.zip"></span>`): a
/// preview, which makes no ZIP, shows no link to one.
pub(crate) fn with_links(page: &str, made: &[Made]) -> String {
    let root = routes::root_of(routes::archive());
    let mut page = page.to_owned();
    for m in made {
        let empty = format!("<span data-zip=\"{}\"></span>", m.path);
        let what = if m.path == routes::site_zip() {
            "Tải về toàn bộ trang"
        } else {
            "Tải về cả năm"
        };
        let link = format!(
            "<span data-zip=\"{path}\"><a href=\"{root}{path}\">{what}</a> (ZIP, {size}; giải nén rồi mở index.html)</span>",
            path = m.path,
            size = size_label(m.bytes)
        );
        page = page.replace(&empty, &link);
    }
    page
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_to_folders_name_their_index() {
        assert_eq!(to_index("../"), "../index.html");
        assert_eq!(to_index("./"), "./index.html");
        assert_eq!(to_index("../2024/tin-tuc/"), "../2024/tin-tuc/index.html");
        assert_eq!(
            to_index("../2024/#hoat-dong"),
            "../2024/index.html#hoat-dong"
        );
        assert_eq!(to_index("../style.css"), "../style.css");
        assert_eq!(to_index("https://x.vn/"), "https://x.vn/");
        assert_eq!(to_index("#noi-dung"), "#noi-dung");
        let page = r#"<a href="../">x</a><img src="a.png"><meta http-equiv="refresh" content="0; url=../b/">"#;
        assert_eq!(
            for_disk(page),
            r#"<a href="../index.html">x</a><img src="a.png"><meta http-equiv="refresh" content="0; url=../b/index.html">"#
        );
    }

    #[test]
    fn a_years_zip_holds_its_folder_and_the_shared_files() {
        assert!(belongs("2024/tin-tuc/a/index.html", Some(2024)));
        assert!(belongs("style.css", Some(2024)));
        assert!(!belongs("2023/index.html", Some(2024)));
        assert!(!belongs("index.html", Some(2024)));
        assert!(!belongs("luu-tru/2024.zip", None));
        assert!(!belongs("404.html", None));
        assert_eq!(size_label(1_234_567), "1,2 MB");
        assert_eq!(size_label(340_000), "340,0 kB");
    }
}
