//! Shared helpers for the integration tests: a throw-away folder per test,
//! a small fixture site, running the real `campaign` binary, and checks on
//! the output it writes.

#![allow(dead_code)] // Each test file uses a different subset.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The day every test build runs on (five days before 25/3/2024).
pub const TODAY: &str = "2024-03-20";

pub const THEME_2023: &str = "Công tác xã hội Việt Nam - Chuyên nghiệp, sáng tạo và phát triển";
pub const THEME_2024: &str = "Công tác xã hội Việt Nam - Tiên phong, chuyên nghiệp và kết nối";

/// What one run of the binary did.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Panics with the output unless the run succeeded.
    #[track_caller]
    pub fn assert_ok(&self) -> &Self {
        assert_eq!(
            self.code, 0,
            "expected success\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout, self.stderr
        );
        self
    }

    /// Panics unless the run failed with `code`; returns stderr.
    #[track_caller]
    pub fn assert_fails(&self, code: i32) -> &str {
        assert_eq!(
            self.code, code,
            "expected exit code {code}\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout, self.stderr
        );
        assert!(
            !self.stderr.contains("panicked"),
            "the binary panicked:\n{}",
            self.stderr
        );
        &self.stderr
    }
}

/// A fresh folder under the system temp dir, deleted when dropped (also
/// when the test fails).
pub struct TestDir {
    pub path: PathBuf,
}

impl Drop for TestDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.path);
    }
}

impl TestDir {
    /// An empty folder with a unique name.
    pub fn new() -> TestDir {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let path =
            std::env::temp_dir().join(format!("campaign-it-{}-{n}-{nanos}", std::process::id()));
        let _ = fs::remove_dir_all(&path);
        fs::create_dir_all(&path).expect("the temp dir is writable");
        TestDir { path }
    }

    /// A folder holding `files` as (path, content) pairs.
    pub fn with(files: &[(&str, &str)]) -> TestDir {
        let dir = TestDir::new();
        for (rel, content) in files {
            dir.write(rel, content);
        }
        dir
    }

    /// Writes (or overwrites) a file, creating its folders.
    pub fn write(&self, rel: &str, content: impl AsRef<[u8]>) {
        let path = self.path.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, content).unwrap();
    }

    pub fn remove(&self, rel: &str) {
        fs::remove_file(self.path.join(rel)).unwrap();
    }

    pub fn join(&self, rel: &str) -> PathBuf {
        self.path.join(rel)
    }

    /// Runs `campaign <args>` in this folder, on the fixed day [`TODAY`],
    /// in English (the tests read the English messages; `tests/lang.rs`
    /// checks the Vietnamese ones).
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with(args, &[("LC_ALL", "en_US.UTF-8")])
    }

    /// Runs `campaign <args>` with the locale variables of `env` only
    /// (the ones of the test process are removed).
    pub fn run_with(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_campaign"));
        cmd.args(args)
            .current_dir(&self.path)
            .env("CAMPAIGN_TODAY", TODAY)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd.output().expect("the campaign binary runs");
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// `campaign build <extra>` with the default folders (content → public).
    pub fn build(&self, extra: &[&str]) -> Run {
        let mut args = vec!["build"];
        args.extend_from_slice(extra);
        self.run(&args)
    }

    /// Builds and panics unless the build succeeded.
    #[track_caller]
    pub fn build_ok(&self) -> Run {
        let run = self.build(&[]);
        run.assert_ok();
        run
    }

    /// Does `public/<rel>` exist?
    pub fn has(&self, rel: &str) -> bool {
        self.path.join("public").join(rel).is_file()
    }

    /// The text of `public/<rel>`; panics with the list of output files if
    /// it is missing.
    #[track_caller]
    pub fn out(&self, rel: &str) -> String {
        let path = self.path.join("public").join(rel);
        match fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) => panic!(
                "cannot read public/{rel}: {e}\noutput files:\n{}",
                list_files(&self.path.join("public")).join("\n")
            ),
        }
    }
}

/// Every file under `dir` (relative, `/`-separated, sorted).
pub fn list_files(dir: &Path) -> Vec<String> {
    snapshot(dir)
        .into_keys()
        .filter(|k| !k.ends_with('/'))
        .collect()
}

/// Every file under `dir` (hidden ones too) with its bytes, and every
/// folder (as `name/`, empty).
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                out.insert(
                    format!("{}/", rel(root, &path)),
                    Vec::new(), // folders count too, so an empty one shows up
                );
                walk(root, &path, out);
            } else {
                out.insert(rel(root, &path), fs::read(&path).unwrap());
            }
        }
    }
    fn rel(root: &Path, path: &Path) -> String {
        path.strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/")
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// Every `href="…"` and `src="…"` value in an HTML text, and every URL
/// of a `srcset="…"`, entity-decoded.
pub fn links_in(html: &str) -> Vec<String> {
    let mut links = Vec::new();
    for attr in ["href=", "src=", "srcset="] {
        let mut rest = html;
        while let Some(i) = rest.find(attr) {
            let after = &rest[i + attr.len()..];
            // A real attribute: preceded by whitespace, value quoted.
            let preceded = rest[..i].ends_with(|c: char| c.is_whitespace());
            let quote = after.chars().next();
            rest = after;
            let (true, Some(q @ ('"' | '\''))) = (preceded, quote) else {
                continue;
            };
            let value = &after[1..];
            let Some(end) = value.find(q) else { break };
            if attr == "srcset=" {
                for candidate in value[..end].split(", ") {
                    let url = candidate.split(' ').next().unwrap_or(candidate);
                    links.push(decode_entities(url));
                }
            } else {
                links.push(decode_entities(&value[..end]));
            }
            rest = &value[end..];
        }
    }
    links
}

fn decode_entities(text: &str) -> String {
    text.replace("&#x2F;", "/")
        .replace("&#47;", "/")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}

fn percent_decode(text: &str) -> String {
    campaign::text::percent_decode(text)
}

/// Is `link` external (has a scheme, or is protocol-relative)?
pub fn is_external(link: &str) -> bool {
    if link.starts_with("//") {
        return true;
    }
    match link.find(':') {
        Some(i) => {
            let scheme = &link[..i];
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        }
        None => false,
    }
}

/// Checks every internal link of every `.html` file under `out`: none is
/// site-rooted (`/…`), and each leads to a file that exists (a link ending
/// in `/` leads to that folder's `index.html`). Returns the problems, and
/// how many links were checked.
///
/// The 404 page is the exception: the host serves it at any depth, so its
/// links start at the site's root path (the path of `base_url`, `/` or
/// `/ctxh/`); they must still lead to files that exist.
/// The site's root path, from the address of its sitemap in robots.txt:
/// `/` for `https://a.vn/sitemap.xml`, `/ctxh/` for `https://a.vn/ctxh/sitemap.xml`.
fn root_path_of(out: &Path) -> Option<String> {
    let robots = fs::read_to_string(out.join("robots.txt")).ok()?;
    let url = robots
        .lines()
        .find_map(|l| l.strip_prefix("Sitemap: "))?
        .trim();
    let after_scheme = url.find("://")? + 3;
    let path = &url[after_scheme..][url[after_scheme..].find('/')?..];
    Some(path[..=path.rfind('/')?].to_owned())
}

pub fn check_relative_links(out: &Path) -> (Vec<String>, usize) {
    let mut problems = Vec::new();
    let mut checked = 0;
    for file in list_files(out).iter().filter(|f| f.ends_with(".html")) {
        let html = fs::read_to_string(out.join(file)).unwrap();
        for link in links_in(&html) {
            if link.starts_with('#') || is_external(&link) {
                continue;
            }
            checked += 1;
            if let Err(problem) = link_target(out, file, &link) {
                problems.push(format!("{file}: `{link}` {problem}"));
            }
        }
    }
    (problems, checked)
}

/// The file an internal link of the page `file` leads to, or why it leads
/// nowhere.
fn link_target(out: &Path, file: &str, link: &str) -> Result<String, String> {
    let root_path = (file == "404.html").then(|| root_path_of(out)).flatten();
    let link = match &root_path {
        Some(root) if link.starts_with(root.as_str()) => format!("./{}", &link[root.len()..]),
        _ => link.to_owned(),
    };
    if link.starts_with('/') {
        return Err("is site-rooted, not relative".to_owned());
    }
    if link.is_empty() {
        return Err("is empty".to_owned());
    }
    let dir = file.rsplit_once('/').map_or("", |(d, _)| d);
    let path = link.split(['#', '?']).next().unwrap_or("");
    let path = percent_decode(path);
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return Err("climbs above the site root".to_owned());
                }
            }
            p => parts.push(p),
        }
    }
    let mut target = parts.join("/");
    let is_dir = path.is_empty() || path.ends_with('/') || out.join(&target).is_dir();
    if is_dir {
        target = if target.is_empty() {
            "index.html".to_owned()
        } else {
            format!("{target}/index.html")
        };
    }
    if out.join(&target).is_file() {
        Ok(target)
    } else {
        Err(format!("leads to {target}, which does not exist"))
    }
}

/// The pages under `out` that no chain of links from the home page
/// reaches (the 404 page aside: nothing links to it).
pub fn unlinked_pages(out: &Path) -> Vec<String> {
    let mut seen = std::collections::HashSet::from(["index.html".to_owned()]);
    let mut queue = vec!["index.html".to_owned()];
    while let Some(file) = queue.pop() {
        let html = fs::read_to_string(out.join(&file)).unwrap();
        for link in links_in(&html) {
            if link.starts_with('#') || is_external(&link) {
                continue;
            }
            if let Ok(target) = link_target(out, &file, &link)
                && target.ends_with(".html")
                && seen.insert(target.clone())
            {
                queue.push(target);
            }
        }
    }
    list_files(out)
        .into_iter()
        .filter(|f| f.ends_with(".html") && f != "404.html" && !seen.contains(f))
        .collect()
}

/// Asserts that every internal link under `out` is relative and resolves.
#[track_caller]
pub fn assert_links_resolve(out: &Path) {
    let (problems, checked) = check_relative_links(out);
    assert!(
        checked > 0,
        "no internal links found under {}",
        out.display()
    );
    assert!(
        problems.is_empty(),
        "{} broken or non-relative links:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// Where `needle` first occurs in `haystack`; panics if it does not.
#[track_caller]
pub fn pos(haystack: &str, needle: &str) -> usize {
    haystack
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not found in:\n{haystack}"))
}

/// Asserts that the needles occur in `haystack` in this order.
#[track_caller]
pub fn assert_in_order(haystack: &str, needles: &[&str]) {
    let positions: Vec<usize> = needles.iter().map(|n| pos(haystack, n)).collect();
    for (i, w) in positions.windows(2).enumerate() {
        assert!(
            w[0] < w[1],
            "`{}` should come before `{}`",
            needles[i],
            needles[i + 1]
        );
    }
}

/// A photo-like JPEG of `width` × `height` (a gradient), with the extra
/// APPn segments `app` (EXIF is APP1).
pub fn jpeg(width: u16, height: u16, app: &[(u8, Vec<u8>)]) -> Vec<u8> {
    let pixels: Vec<u8> = (0..u32::from(width) * u32::from(height))
        .flat_map(|i| {
            let (x, y) = (i % u32::from(width), i / u32::from(width));
            [(x % 256) as u8, (y % 256) as u8, ((x + y) % 256) as u8]
        })
        .collect();
    let mut out = Vec::new();
    let mut e = jpeg_encoder::Encoder::new(&mut out, 90);
    for (n, data) in app {
        e.add_app_segment(*n, data.clone()).unwrap();
    }
    e.encode(&pixels, width, height, jpeg_encoder::ColorType::Rgb)
        .unwrap();
    out
}

/// A news post with front matter.
pub fn post(title: &str, date: &str, extra_front: &str, body: &str) -> String {
    format!("---\ntitle: \"{title}\"\ndate: \"{date}\"\n{extra_front}---\n{body}\n")
}

pub const SITE_YAML: &str = r#"title: "Ngày Công tác xã hội Việt Nam"
description: "Trang thử nghiệm về Ngày Công tác xã hội Việt Nam."
base_url: "https://ctxh.example.gov.vn/"
language: vi
organization: "Sở Lao động - Thương binh và Xã hội thành phố Hải Phòng"
theme: default
campaign:
  day: "03-25"
  first_year: 2017
news_per_page: 2
menu:
  - { title: "Trang chủ", url: "/" }
  - { title: "Tin tức", url: "/tin-tuc/" }
  - { title: "Lưu trữ", url: "/luu-tru/" }
  - { title: "Giới thiệu", url: "/gioi-thieu/" }
  - { title: "Bộ LĐTBXH", url: "https://www.molisa.gov.vn/" }
"#;

pub const EDITION_2024: &str = r#"theme: "Công tác xã hội Việt Nam - Tiên phong, chuyên nghiệp và kết nối"
slogans:
  - "Phát huy truyền thống “Lá lành đùm lá rách”"
  - "Thương yêu, tương trợ, đoàn kết"
summary: "Lần kỷ niệm thứ 8 của Ngày Công tác xã hội Việt Nam."
period: { from: "20/3/2024", to: "25/3/2024" }
purposes:
  - "Khẳng định giá trị **nhân văn** của nghề công tác xã hội."
  - "Xem [kế hoạch của Hải Phòng](news/ke-hoach.md)."
requirements:
  - "Tổ chức trang trọng, thiết thực, hiệu quả."
activities:
  - title: "Treo băng rôn, khẩu hiệu trên các tuyến phố"
    from: "20/3/2024"
    to: "25/3/2024"
    location: "Hải Phòng"
    units: ["Sở Y tế Hải Phòng", "Hội Liên hiệp Phụ nữ thành phố"]
  - title: "Lễ kỷ niệm lần thứ 8"
    date: "25/3/2024"
units:
  - name: "Sở Y tế Hải Phòng"
    group: "Sở, ban, ngành"
    role: "Chủ trì"
    tasks: "Tuyên truyền trong ngành y tế."
  - name: "Hội Liên hiệp Phụ nữ thành phố"
    group: "Mặt trận và đoàn thể"
documents:
  - number: "640/UBND"
    date: "21/3/2024"
    issuer: "Ủy ban nhân dân huyện Sơn Tây"
    title: "V/v tổ chức các hoạt động kỷ niệm năm 2024"
    file: "kh-640.pdf"
report: { deadline: "14/4/2024", contact: "Phòng Lao động - Thương binh và Xã hội" }
"#;

pub const EDITION_2023: &str = r#"theme: "Công tác xã hội Việt Nam - Chuyên nghiệp, sáng tạo và phát triển"
summary: "Lần kỷ niệm thứ 7."
purposes:
  - "Giữ gìn truyền thống “Lá lành đùm lá rách”."
units:
  - name: "Phòng Bảo trợ xã hội"
"#;

/// Bytes of the attachment `content/2024/files/kh-640.pdf` (not UTF-8).
pub const PDF: &[u8] = b"%PDF-1.4\n\x00\x01\x02\xff\xfe binary\n";

/// The files of a small but complete site: two editions, four posts (three
/// in 2024, so two pages of news at two per page), a page, static files
/// and an attachment.
pub fn site_files() -> Vec<(&'static str, String)> {
    vec![
        ("content/site.yaml", SITE_YAML.to_owned()),
        (
            "content/index.md",
            "Chào mừng đến với trang **Ngày Công tác xã hội Việt Nam**. Xem [giới thiệu](pages/gioi-thieu.md).\n".to_owned(),
        ),
        (
            "content/pages/gioi-thieu.md",
            "---\ntitle: \"Giới thiệu về Ngày Công tác xã hội\"\ndescription: \"Về ngày 25/3.\"\n---\nNgày 25/3 hằng năm là Ngày Công tác xã hội Việt Nam.\n".to_owned(),
        ),
        ("content/static/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n".to_owned()),
        ("content/static/favicon.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n".to_owned()),
        ("content/static/tai-lieu/huong-dan.txt", "Hướng dẫn tĩnh.\n".to_owned()),
        ("content/2024/edition.yaml", EDITION_2024.to_owned()),
        (
            "content/2024/index.md",
            "## Giới thiệu năm 2024\n\nNăm nay là lần thứ 8. Xem [biểu mẫu](files/kh-640.pdf).\n".to_owned(),
        ),
        (
            "content/2024/news/ke-hoach.md",
            post(
                "Hải Phòng ban hành kế hoạch kỷ niệm",
                "22/3/2024",
                "summary: \"Kế hoạch tổ chức các hoạt động kỷ niệm.\"\ntags: [\"Hải Phòng\", \"Kế hoạch\"]\nauthor: \"Thủy Loan\"\n",
                "Nội dung kế hoạch KE-HOACH-BODY.",
            ),
        ),
        (
            "content/2024/news/cong-van.md",
            post(
                "Sơn Tây ban hành công văn",
                "21/3/2024",
                "tags: [\"Công văn\", \"Quảng Ngãi\"]\n",
                "Nội dung công văn.",
            ),
        ),
        (
            "content/2024/news/nhac-han.md",
            post(
                "Nhắc hạn báo cáo năm 2024",
                "1/4/2024",
                "tags: [\"Báo cáo\", \"Hải Phòng\"]\n",
                "Báo cáo trước ngày 14/4/2024.",
            ),
        ),
        ("content/2023/edition.yaml", EDITION_2023.to_owned()),
        (
            "content/2023/news/chu-de-2023.md",
            post(
                "Chủ đề năm 2023",
                "2023-03-20",
                "tags: [\"Chủ đề\"]\n",
                "Chủ đề năm 2023 là “Chuyên nghiệp, sáng tạo và phát triển”.",
            ),
        ),
    ]
}

/// A folder holding the fixture site of [`site_files`] (not yet built).
pub fn site() -> TestDir {
    let dir = TestDir::new();
    for (rel, content) in site_files() {
        dir.write(rel, content);
    }
    dir.write("content/2024/files/kh-640.pdf", PDF);
    dir
}

/// The fixture site, built; panics if the build fails.
pub fn built_site() -> TestDir {
    let dir = site();
    dir.build_ok();
    dir
}

/// The text of `dir/<rel>`; panics with the list of files if it is missing.
#[track_caller]
pub fn read(dir: &Path, rel: &str) -> String {
    fs::read_to_string(dir.join(rel)).unwrap_or_else(|e| {
        panic!(
            "cannot read {rel} in {}: {e}\nfiles:\n{}",
            dir.display(),
            list_files(dir).join("\n")
        )
    })
}
