//! Rebuilds keep work from the previous build (cached files, posts and
//! pages); whatever they keep, the result must be exactly what a clean
//! build gives. Also: one thread gives the same output as many.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use campaign::build::{BuildOptions, Session};
use campaign::content::LoadOptions;
use campaign::output::{Source, Tree};

struct Dir(PathBuf);

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn temp(name: &str) -> Dir {
    let dir = std::env::temp_dir().join(format!("campaign-incr-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    Dir(dir)
}

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
    // A new modification time even on file systems with coarse clocks.
    std::thread::sleep(std::time::Duration::from_millis(15));
}

fn post(title: &str, date: &str, tags: &str, body: &str) -> String {
    format!(
        "---\ntitle: \"{title}\"\ndate: \"{date}\"\nsummary: \"Tóm tắt {title}\"\ntags: [{tags}]\n---\n{body}\n"
    )
}

/// A small site: 2 editions, 14 posts, pagination by 3, tags, a page.
fn site(root: &Path) {
    write(
        root,
        "content/site.yaml",
        "title: \"Ngày CTXH\"\nbase_url: \"https://a.vn/\"\ncampaign: { day: \"03-25\", first_year: 2017 }\nnews_per_page: 3\n",
    );
    write(
        root,
        "content/pages/gioi-thieu.md",
        "---\ntitle: Giới thiệu\n---\nTrang [năm 2024](../2024/edition.yaml).\n",
    );
    for year in [2023, 2024] {
        write(
            root,
            &format!("content/{year}/edition.yaml"),
            &format!(
                "theme: \"Chủ đề {year}\"\npurposes: [\"Mục đích {year}\"]\nunits:\n  - {{ name: \"Sở Y tế\", group: \"Sở\" }}\n"
            ),
        );
        for i in 1..=7 {
            let tags = if i % 2 == 0 {
                "\"Hải Phòng\", \"Kế hoạch\""
            } else {
                "\"Kon Tum\""
            };
            write(
                root,
                &format!("content/{year}/news/tin-{i}.md"),
                &post(
                    &format!("Tin {i} năm {year}"),
                    &format!("{i}/3/{year}"),
                    tags,
                    &format!("Nội dung {i}. Xem [tin 1](tin-1.md)."),
                ),
            );
        }
    }
}

fn options(root: &Path) -> BuildOptions {
    BuildOptions {
        source: root.join("content"),
        output: root.join("public"),
        themes: Some(root.join("themes")),
        load: LoadOptions::default(),
    }
}

/// The output as file → bytes.
fn snapshot(tree: &Tree) -> BTreeMap<String, Vec<u8>> {
    tree.iter()
        .map(|(k, v)| {
            let bytes = match v {
                Source::Bytes(b) => b.to_vec(),
                Source::Static(b) => b.to_vec(),
                Source::Copy(p) => fs::read(p).unwrap(),
            };
            (k.to_string(), bytes)
        })
        .collect()
}

fn assert_same(
    step: &str,
    incremental: &BTreeMap<String, Vec<u8>>,
    clean: &BTreeMap<String, Vec<u8>>,
) {
    let a: Vec<&String> = incremental.keys().collect();
    let b: Vec<&String> = clean.keys().collect();
    assert_eq!(
        a, b,
        "after {step}: the incremental build has other files than a clean build"
    );
    for (k, v) in incremental {
        assert!(
            v == &clean[k],
            "after {step}: {k} differs between the incremental and the clean build:\n--- incremental\n{}\n--- clean\n{}",
            String::from_utf8_lossy(v),
            String::from_utf8_lossy(&clean[k])
        );
    }
}

#[test]
fn incremental_rebuilds_equal_clean_builds_after_every_edit() {
    let dir = temp("edits");
    let root = &dir.0;
    site(root);
    // One session is told which paths changed, as the watcher tells it
    // (posts that keep their address are then reloaded alone); the other
    // is told nothing and looks at the whole folder.
    let mut told = Session::new(options(root));
    told.rebuild(&[]).unwrap();
    let mut untold = Session::new(options(root));
    untold.rebuild(&[]).unwrap();

    type Edit = Box<dyn Fn(&Path)>;
    // What is edited, the paths the watcher would report, the edit.
    let edits: Vec<(&str, &[&str], Edit)> = vec![
        (
            "a post's body",
            &["content/2024/news/tin-3.md"],
            Box::new(|r| {
                write(
                    r,
                    "content/2024/news/tin-3.md",
                    &post(
                        "Tin 3 năm 2024",
                        "3/3/2024",
                        "\"Kon Tum\"",
                        "Nội dung mới, dài hơn trước.",
                    ),
                )
            }),
        ),
        (
            "a post's title",
            &["content/2024/news/tin-5.md"],
            Box::new(|r| {
                write(
                    r,
                    "content/2024/news/tin-5.md",
                    &post("Tiêu đề đã sửa", "5/3/2024", "\"Kon Tum\"", "Nội dung 5."),
                )
            }),
        ),
        (
            "a post's date (moves it in the lists)",
            &["content/2023/news/tin-1.md"],
            Box::new(|r| {
                write(
                    r,
                    "content/2023/news/tin-1.md",
                    &post("Tin 1 năm 2023", "30/12/2023", "\"Kon Tum\"", "Nội dung 1."),
                )
            }),
        ),
        (
            "a post's tags",
            &["content/2024/news/tin-2.md"],
            Box::new(|r| {
                write(
                    r,
                    "content/2024/news/tin-2.md",
                    &post(
                        "Tin 2 năm 2024",
                        "2/3/2024",
                        "\"Ăn tết\", \"Đà Nẵng\"",
                        "Nội dung 2.",
                    ),
                )
            }),
        ),
        (
            "a tag written another way (same address)",
            &["content/2024/news/tin-7.md"],
            Box::new(|r| {
                write(
                    r,
                    "content/2024/news/tin-7.md",
                    &post("Tin 7 năm 2024", "7/3/2024", "\"KON TUM\"", "Nội dung 7."),
                )
            }),
        ),
        (
            "a draft post",
            &["content/2024/news/tin-nhap.md"],
            Box::new(|r| {
                write(
                    r,
                    "content/2024/news/tin-nhap.md",
                    "---\ntitle: \"Nháp\"\ndate: \"9/3/2024\"\ndraft: true\n---\nChưa đăng.\n",
                )
            }),
        ),
        (
            "the draft again, still a draft",
            &["content/2024/news/tin-nhap.md"],
            Box::new(|r| {
                write(
                    r,
                    "content/2024/news/tin-nhap.md",
                    "---\ntitle: \"Nháp mới\"\ndate: \"9/3/2024\"\ndraft: true\n---\nVẫn chưa đăng.\n",
                )
            }),
        ),
        (
            "the draft published",
            &["content/2024/news/tin-nhap.md"],
            Box::new(|r| {
                write(
                    r,
                    "content/2024/news/tin-nhap.md",
                    "---\ntitle: \"Đã đăng\"\ndate: \"9/3/2024\"\n---\nĐã đăng.\n",
                )
            }),
        ),
        (
            "two posts at once, one summary and one body",
            &["content/2023/news/tin-3.md", "content/2024/news/tin-7.md"],
            Box::new(|r| {
                write(
                    r,
                    "content/2023/news/tin-3.md",
                    &post("Tin 3 năm 2023", "3/3/2023", "\"Kon Tum\"", "Nội dung 3."),
                );
                write(
                    r,
                    "content/2024/news/tin-7.md",
                    &post(
                        "Tin 7 năm 2024",
                        "7/3/2024",
                        "\"Kon Tum\"",
                        "Xem [tin 1](tin-1.md) và [năm 2023](../../2023/edition.yaml).",
                    ),
                );
            }),
        ),
        (
            "a new post",
            &["content/2024/news/tin-moi.md"],
            Box::new(|r| {
                write(
                    r,
                    "content/2024/news/tin-moi.md",
                    &post(
                        "Tin mới",
                        "20/3/2024",
                        "\"Hải Phòng\"",
                        "Mới. [Tin 1](tin-1.md)",
                    ),
                )
            }),
        ),
        (
            "a deleted post",
            &["content/2023/news/tin-4.md"],
            Box::new(|r| fs::remove_file(r.join("content/2023/news/tin-4.md")).unwrap()),
        ),
        (
            "a renamed post",
            &["content/2023/news/tin-6.md", "content/2023/news/tin-sau.md"],
            Box::new(|r| {
                fs::rename(
                    r.join("content/2023/news/tin-6.md"),
                    r.join("content/2023/news/tin-sau.md"),
                )
                .unwrap()
            }),
        ),
        (
            "the edition's theme",
            &["content/2024/edition.yaml"],
            Box::new(|r| {
                write(
                    r,
                    "content/2024/edition.yaml",
                    "theme: \"Chủ đề mới 2024\"\npurposes: [\"Mục đích\"]\n",
                )
            }),
        ),
        (
            "the page",
            &["content/pages/gioi-thieu.md"],
            Box::new(|r| {
                write(
                    r,
                    "content/pages/gioi-thieu.md",
                    "---\ntitle: Giới thiệu mới\n---\nNội dung trang.\n",
                )
            }),
        ),
        (
            "site.yaml",
            &["content/site.yaml"],
            Box::new(|r| {
                write(
                    r,
                    "content/site.yaml",
                    "title: \"Ngày Công tác xã hội\"\nbase_url: \"https://b.vn/x/\"\ncampaign: { day: \"03-25\", first_year: 2017 }\nnews_per_page: 4\n",
                )
            }),
        ),
        (
            "a new year",
            &[
                "content/2025",
                "content/2025/edition.yaml",
                "content/2025/news/a.md",
            ],
            Box::new(|r| {
                write(r, "content/2025/edition.yaml", "theme: \"Chủ đề 2025\"\n");
                write(
                    r,
                    "content/2025/news/a.md",
                    &post("Tin 2025", "1/3/2025", "\"Kon Tum\"", "Năm mới."),
                );
            }),
        ),
        (
            "a theme template",
            &["themes/default/templates/page.html"],
            Box::new(|r| {
                write(
                    r,
                    "themes/default/templates/page.html",
                    "{% extends \"base.html\" %}{% block content %}<main-page>{{ content_html | safe }}</main-page>{% endblock content %}",
                )
            }),
        ),
    ];
    for (step, changed, edit) in edits {
        edit(root);
        let changed: Vec<PathBuf> = changed.iter().map(|rel| root.join(rel)).collect();
        let (clean, _) = Session::new(options(root)).rebuild(&[]).unwrap();
        let clean = snapshot(&clean);
        let (tree, _) = told
            .rebuild(&changed)
            .unwrap_or_else(|e| panic!("after {step}: {e}"));
        assert_same(&format!("{step} (paths told)"), &snapshot(&tree), &clean);
        // The theme is looked at again only when the watcher names its files.
        let theme = changed
            .iter()
            .filter(|p| p.starts_with(root.join("themes")));
        let (tree, _) = untold
            .rebuild(&theme.cloned().collect::<Vec<_>>())
            .unwrap_or_else(|e| panic!("after {step}: {e}"));
        assert_same(step, &snapshot(&tree), &clean);
    }
    // The theme edit really was picked up.
    let (tree, _) = told.rebuild(&[]).unwrap();
    let page = snapshot(&tree).remove("gioi-thieu/index.html").unwrap();
    assert!(String::from_utf8(page).unwrap().contains("<main-page>"));
}

#[test]
fn a_rebuild_renders_again_only_what_an_edit_touches() {
    let dir = temp("few");
    let root = &dir.0;
    site(root);
    let mut session = Session::new(options(root));
    let (_, first) = session.rebuild(&[]).unwrap();
    assert_eq!(first.rendered, first.pages);
    write(
        root,
        "content/2023/news/tin-2.md",
        &post(
            "Tin 2 năm 2023",
            "2/3/2023",
            "\"Hải Phòng\", \"Kế hoạch\"",
            "Chỉ sửa nội dung.",
        ),
    );
    let (_, body_only) = session.rebuild(&[]).unwrap();
    assert_eq!(
        body_only.rendered, 1,
        "a body edit re-renders the post alone"
    );
    let (_, nothing) = session.rebuild(&[]).unwrap();
    assert_eq!(nothing.rendered, 0, "nothing changed, nothing rendered");
}

#[test]
fn one_thread_and_many_give_the_same_output() {
    let dir = temp("threads");
    let root = &dir.0;
    site(root);
    let build = |out: &str, threads: Option<&str>| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_campaign"));
        cmd.args(["build", "--source"])
            .arg(root.join("content"))
            .arg("--output")
            .arg(root.join(out));
        cmd.env("CAMPAIGN_TODAY", "2024-03-20");
        cmd.env("LC_ALL", "en_US.UTF-8");
        if let Some(n) = threads {
            cmd.env("RAYON_NUM_THREADS", n);
        }
        let status = cmd.status().unwrap();
        assert!(status.success());
        let mut files = BTreeMap::new();
        for entry in walkdir::WalkDir::new(root.join(out)).sort_by_file_name() {
            let entry = entry.unwrap();
            if entry.file_type().is_file() {
                let rel = entry
                    .path()
                    .strip_prefix(root.join(out))
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                files.insert(rel, fs::read(entry.path()).unwrap());
            }
        }
        files
    };
    let one = build("public-1", Some("1"));
    let many = build("public-n", None);
    assert!(one.len() > 30);
    assert_same("building on one thread", &one, &many);
}

/// The site the benchmarks use, small: written by the `gen_site` example
/// (which `cargo test` builds with the tests).
fn generated(root: &Path, posts: usize) {
    let gen_site = Path::new(env!("CARGO_BIN_EXE_campaign"))
        .parent()
        .unwrap()
        .join("examples")
        .join(format!("gen_site{}", std::env::consts::EXE_SUFFIX));
    let status = Command::new(&gen_site)
        .args(["--posts", &posts.to_string(), "--years", "3", "--out"])
        .arg(root)
        .status()
        .unwrap_or_else(|e| panic!("{}: {e}", gen_site.display()));
    assert!(status.success());
}

/// `campaign build` into `out` (bodies rendered with their pages), as
/// file → bytes. On today's date, as the sessions of these tests.
fn build_dir(root: &Path, out: &str, threads: Option<&str>) -> BTreeMap<String, Vec<u8>> {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_campaign"));
    cmd.args(["build", "--source"])
        .arg(root.join("content"))
        .arg("--output")
        .arg(root.join(out));
    if let Some(n) = threads {
        cmd.env("RAYON_NUM_THREADS", n);
    }
    let output = cmd.output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(root.join(out)) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(root.join(out)).unwrap();
        if entry.file_type().is_file() && rel != Path::new(campaign::output::MARKER) {
            let rel = rel.to_string_lossy().replace('\\', "/");
            files.insert(rel, fs::read(entry.path()).unwrap());
        }
    }
    files
}

#[test]
fn the_generated_site_builds_the_same_clean_incrementally_and_on_one_thread() {
    let dir = temp("generated");
    let root = &dir.0;
    generated(root, 240);
    let mut session = Session::new(BuildOptions {
        themes: None,
        ..options(root)
    });
    session.rebuild(&[]).unwrap();
    // A sequence of edits, each told to the session as the watcher would.
    let news = root.join("content/2019/news");
    // Posts link to the one before them: the last is linked by none.
    let post = |i: usize| news.join(format!("tin-2019-{i}.md"));
    let count = fs::read_dir(&news).unwrap().count();
    let (first, second, last) = (post(0), post(1), post(count - 1));
    let text = fs::read_to_string(&first).unwrap();
    let redated = {
        let t = fs::read_to_string(&second).unwrap();
        let line = t
            .lines()
            .find(|l| l.starts_with("date:"))
            .unwrap()
            .to_owned();
        t.replacen(&line, "date: \"30/12/2019\"", 1)
    };
    let edits: Vec<(PathBuf, String)> = vec![
        // The title (lists, feeds, neighbours), then the body alone, then
        // the date (the post moves to the top of every list).
        (
            first.clone(),
            text.replacen("title: \"", "title: \"Đã sửa: ", 1),
        ),
        (
            first.clone(),
            text.replacen("\n---\n", "\n---\nĐoạn mở đầu mới.\n\n", 1),
        ),
        (second.clone(), redated),
    ];
    for (path, text) in edits {
        std::thread::sleep(std::time::Duration::from_millis(15));
        fs::write(&path, text).unwrap();
        session.rebuild(std::slice::from_ref(&path)).unwrap();
    }
    // A new post, then one removed.
    let new_post = news.join("tin-moi.md");
    fs::write(
        &new_post,
        text.replacen("title: \"", "title: \"Tin mới: ", 1),
    )
    .unwrap();
    session.rebuild(std::slice::from_ref(&new_post)).unwrap();
    fs::remove_file(&last).unwrap();
    let (incremental, _) = session.rebuild(std::slice::from_ref(&last)).unwrap();

    let clean = build_dir(root, "public-clean", None);
    let one_thread = build_dir(root, "public-one", Some("1"));
    assert!(clean.len() > 300, "{} files", clean.len());
    assert_same("building on one thread", &one_thread, &clean);
    // ZIPs are made by `build` only, and the archive page links them once
    // they are made: a preview's tree has neither.
    let mut clean = clean;
    clean.retain(|k, _| !k.ends_with(".zip"));
    let mut incremental = snapshot(&incremental);
    for tree in [&mut clean, &mut incremental] {
        tree.remove("luu-tru/index.html");
    }
    assert_same("a sequence of edits", &incremental, &clean);
}
