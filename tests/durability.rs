//! Nothing lost under signals, crashes, renamed folders and a second
//! writer: the output folder is always the last build or the new one, files
//! a user keeps in it survive, and what an interrupted run left is put
//! right by the next. The binary is driven as a user (or a crash) would:
//! signals with `kill`, `kill -9` at moments spread over a build.

// Only `snapshot` from the shared helpers; the rest comes from `server`.
mod common;
#[path = "common/server.rs"]
mod server;

use std::fs;
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use server::*;

/// A process id no process has (above the usual `pid_max` of 4,194,304
/// would be refused by some systems; this one is unused in practice).
const DEAD_PID: u32 = 4_194_000;

/// What a gh-pages checkout and a host keep in the output folder.
const KEPT: &[(&str, &str)] = &[
    (".git/HEAD", "ref: refs/heads/gh-pages\n"),
    (".git/objects/ab/cdef", "blob"),
    ("CNAME", "ctxh.example.gov.vn\n"),
    (".nojekyll", ""),
    (
        ".well-known/security.txt",
        "Contact: mailto:ctxh@example.gov.vn\n",
    ),
    ("2024/ghi-chu-rieng.txt", "Ghi chú của người quản trị.\n"),
];

fn keep_files(site: &Site) {
    for (rel, text) in KEPT {
        site.write(&format!("public/{rel}"), text);
    }
}

#[track_caller]
fn assert_kept(site: &Site) {
    for (rel, text) in KEPT {
        assert_eq!(
            fs::read_to_string(site.path(&format!("public/{rel}")))
                .ok()
                .as_deref(),
            Some(*text),
            "public/{rel} was not kept"
        );
    }
}

/// The hidden folders campaign makes beside `public/` (staging, old copies, lock).
fn siblings(site: &Site) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(&site.root)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".public.campaign-"))
        .collect();
    names.sort();
    names
}

/// Adds `n` short posts, so that a build takes long enough to interrupt.
fn many_posts(site: &Site, n: usize) {
    let body = "Nội dung bài viết về công tác xã hội, nhắc lại cho đủ dài. ".repeat(40);
    for i in 0..n {
        site.write(
            &format!("content/2024/news/bai-{i:05}.md"),
            post(&format!("Bài số {i}"), "2024-03-01", &body),
        );
    }
}

/// Waits until `watch` or `serve` has written the output folder once.
fn first_write(p: &mut Proc) {
    p.wait_line("the first write", 0, |l| {
        l.text.starts_with("output folder written")
    });
}

fn run_ok(site: &Site, args: &[&str]) -> std::process::Output {
    let out = site.run(args);
    assert!(
        out.status.success(),
        "campaign {args:?} failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn spawn_build(site: &Site) -> Child {
    command(&site.root, &["build"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the campaign binary runs")
}

fn kill(pid: u32, signal: &str) {
    let _ = std::process::Command::new("kill")
        .arg(format!("-{signal}"))
        .arg(pid.to_string())
        .status();
}

/// Whether `public/` is one whole build: its home page is complete and
/// names one of `themes`; returns which.
#[track_caller]
fn whole_site(site: &Site, themes: &[String]) -> usize {
    let home = site.read("public/index.html");
    assert!(
        home.trim_end().ends_with("</html>"),
        "a torn home page:\n{home}"
    );
    assert!(site.path("public/.campaign-output").is_file(), "no marker");
    themes
        .iter()
        .position(|t| home.contains(t.as_str()))
        .unwrap_or_else(|| panic!("the home page shows none of {themes:?}"))
}

#[test]
fn files_campaign_did_not_write_survive_every_build() {
    let site = Site::fixture();
    run_ok(&site, &["build"]);
    keep_files(&site);
    site.write(
        POST_FILE,
        post("Tiêu đề sau khi giữ tệp", "2024-03-14", "Thân."),
    );
    site.remove("content/2024/news/ba.md");
    let out = run_ok(&site, &["build"]);
    assert_kept(&site);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Kept in the output folder"), "{stdout}");
    for name in [
        ".git",
        "CNAME",
        ".nojekyll",
        ".well-known",
        "2024/ghi-chu-rieng.txt",
    ] {
        assert!(stdout.contains(name), "the summary names {name}: {stdout}");
    }
    // Its own stale pages do go; the new site is there.
    assert!(!site.path("public/2024/tin-tuc/ba").exists());
    assert!(
        site.read("public/2024/tin-tuc/mot/index.html")
            .contains("Tiêu đề sau khi giữ tệp")
    );
    // And again: what it kept is still not its own.
    run_ok(&site, &["build"]);
    assert_kept(&site);
    assert_eq!(siblings(&site), Vec::<String>::new());
}

const POST_FILE: &str = "content/2024/news/mot.md";

#[test]
fn watch_keeps_them_too() {
    let site = Site::fixture();
    run_ok(&site, &["build"]);
    keep_files(&site);
    let mut w = Proc::watch(&site);
    first_write(&mut w);
    let mark = w.mark();
    site.write(
        POST_FILE,
        post("Sửa trong lúc theo dõi", "2024-03-14", "Thân."),
    );
    w.wait_file(
        &site,
        "public/2024/tin-tuc/mot/index.html",
        "Sửa trong lúc theo dõi",
    );
    w.wait_line("the write after the edit", mark, |l| {
        l.text.starts_with("output folder written")
    });
    assert_kept(&site);
}

#[test]
fn ctrl_c_or_sigterm_of_build_removes_its_staging_folder() {
    let site = Site::fixture();
    many_posts(&site, 4000);
    run_ok(&site, &["build"]);
    let before = site.read("public/index.html");
    for signal in ["TERM", "INT"] {
        site.write(
            "content/2024/edition.yaml",
            edition(&format!("Chủ đề {signal}")),
        );
        let mut child = spawn_build(&site);
        let staging = site.path(&format!(".public.campaign-new-{}", child.id()));
        // Once it writes pages, interrupt it.
        let started = Instant::now();
        while !staging.join("2024").is_dir() && started.elapsed() < DEADLINE {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        kill(child.id(), signal);
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(130), "SIG{signal}: {stderr}");
        assert!(stderr.contains("interrupted"), "{stderr}");
        assert!(!staging.exists(), "SIG{signal}: the staging folder is left");
        assert_eq!(siblings(&site), Vec::<String>::new(), "SIG{signal}");
        assert_eq!(
            site.read("public/index.html"),
            before,
            "SIG{signal}: public/ changed"
        );
    }
}

#[test]
fn kill_9_at_any_moment_of_a_build_leaves_the_old_site_or_the_new() {
    let site = Site::fixture();
    many_posts(&site, 1000);
    let mut themes = vec!["Chủ đề số 00".to_owned()];
    site.write("content/2024/edition.yaml", edition(&themes[0]));
    let started = Instant::now();
    run_ok(&site, &["build"]);
    let build_time = started.elapsed();
    keep_files(&site);
    let rounds = 10;
    // The theme public/ shows: the site before each round's build.
    let mut last = 0;
    for round in 1..=rounds {
        let theme = format!("Chủ đề số {round:02}");
        site.write("content/2024/edition.yaml", edition(&theme));
        themes.push(theme);
        let mut child = spawn_build(&site);
        // Moments spread over the whole build, the swap included.
        std::thread::sleep(build_time * round / rounds);
        kill(child.id(), "KILL");
        let _ = child.wait();
        let shown = whole_site(&site, &themes);
        assert!(
            shown == last || shown == round as usize,
            "round {round}: public/ shows the site of round {shown}, neither the one before ({last}) nor the new one"
        );
        last = shown;
        // The next build puts right what this one left.
        if round % 3 == 0 {
            let out = run_ok(&site, &["build"]);
            last = whole_site(&site, &themes);
            assert_eq!(last, round as usize);
            let left = siblings(&site);
            let markers: Vec<String> = left
                .iter()
                .map(|n| {
                    let top: Vec<String> = fs::read_dir(site.path(n))
                        .map(|d| {
                            d.flatten()
                                .map(|e| e.file_name().to_string_lossy().into_owned())
                                .take(8)
                                .collect()
                        })
                        .unwrap_or_default();
                    format!(
                        "{} [{}]",
                        site.read(&format!("{n}/.campaign-output"))
                            .lines()
                            .take(3)
                            .collect::<Vec<_>>()
                            .join(" | "),
                        top.join(", ")
                    )
                })
                .collect();
            assert_eq!(left, Vec::<String>::new(), "{out:?}\nmarkers: {markers:?}");
        }
        assert_kept(&site);
    }
}

#[test]
fn a_crash_between_the_two_renames_of_a_swap_is_put_right() {
    let site = Site::fixture();
    run_ok(&site, &["build"]);
    keep_files(&site);
    // As left by a crash after the old site was renamed away and before
    // the new one took its place: no public/ at all.
    fs::rename(
        site.path("public"),
        site.path(&format!(".public.campaign-old-{DEAD_PID}")),
    )
    .unwrap();
    let out = run_ok(&site, &["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("put back"), "{stderr}");
    assert_kept(&site);
    assert_eq!(siblings(&site), Vec::<String>::new());
}

#[test]
fn files_left_aside_by_a_crash_after_the_swap_are_moved_back() {
    let site = Site::fixture();
    run_ok(&site, &["build"]);
    keep_files(&site);
    // As left by a crash right after the exchange: the previous site, with
    // what the user keeps, beside the new one that lacks it.
    let aside = site.path(&format!(".public.campaign-new-{DEAD_PID}"));
    copy_dir(&site.path("public"), &aside);
    fs::remove_dir_all(site.path("public/.git")).unwrap();
    fs::remove_file(site.path("public/CNAME")).unwrap();
    let out = run_ok(&site, &["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("moved back"), "{stderr}");
    assert_kept(&site);
    assert_eq!(siblings(&site), Vec::<String>::new());
}

#[test]
fn staging_folders_of_dead_builds_are_removed_and_of_live_ones_kept() {
    let site = Site::fixture();
    run_ok(&site, &["build"]);
    let dead = site.path(&format!(".public.campaign-new-{DEAD_PID}"));
    fs::create_dir_all(dead.join("2024")).unwrap();
    fs::write(
        dead.join(".campaign-output"),
        "This folder is written by campaign; it is replaced by every build.\ncampaign-record 1\nstate writing\n",
    )
    .unwrap();
    fs::write(dead.join("2024/index.html"), vec![b'x'; 1 << 20]).unwrap();
    // This test's own process is alive: its folder is not campaign's to remove.
    let live = site.path(&format!(".public.campaign-new-{}", std::process::id()));
    fs::create_dir_all(&live).unwrap();
    fs::write(
        live.join(".campaign-output"),
        "x\ncampaign-record 1\nstate writing\n",
    )
    .unwrap();
    let out = run_ok(&site, &["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!dead.exists(), "{stderr}");
    assert!(stderr.contains("removed"), "{stderr}");
    assert!(live.exists(), "a live process's folder was removed");
}

#[test]
fn a_second_writer_waits_then_refuses_naming_the_first() {
    let site = Site::fixture();
    let mut s = Proc::serve(&site, &[], &[]);
    first_write(&mut s);
    let started = Instant::now();
    let out = site.run(&["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        started.elapsed() >= Duration::from_secs(2),
        "it waits a little first"
    );
    assert!(
        stderr.contains("being written by another campaign"),
        "{stderr}"
    );
    assert!(stderr.contains(&format!("process {}", s.pid)), "{stderr}");
    s.signal("TERM");
    s.wait_exit();
    run_ok(&site, &["build"]);
}

#[test]
fn sigterm_while_watch_writes_leaves_a_whole_output() {
    let site = Site::fixture();
    many_posts(&site, 1500);
    let mut w = Proc::watch(&site);
    first_write(&mut w);
    let mark = w.mark();
    // A new theme changes every page.
    site.write(
        "content/2024/edition.yaml",
        edition("Chủ đề mới cho mọi trang"),
    );
    w.wait_line("the rebuild", mark, |l| l.is_rebuild());
    w.signal("TERM");
    assert!(w.wait_exit().success(), "{}", w.transcript());
    let pages: Vec<String> = [
        "index.html",
        "2024/index.html",
        "2024/tin-tuc/bai-00000/index.html",
    ]
    .iter()
    .map(|p| site.read(&format!("public/{p}")))
    .collect();
    let new = pages
        .iter()
        .filter(|p| p.contains("Chủ đề mới cho mọi trang"))
        .count();
    assert_eq!(
        new,
        pages.len(),
        "the last site is written before watch stops"
    );
    assert!(!site.path("public/.campaign-journal").exists());
    assert_no_tmp(&site.path("public"));
}

#[test]
fn kill_9_while_watch_writes_is_finished_or_rolled_back_at_the_next_start() {
    let site = Site::fixture();
    many_posts(&site, 1500);
    let mut w = Proc::watch(&site);
    first_write(&mut w);
    let mark = w.mark();
    site.write(
        "content/2024/edition.yaml",
        edition("Chủ đề trước khi bị dừng"),
    );
    w.wait_line("the rebuild", mark, |l| l.is_rebuild());
    w.signal("KILL");
    w.wait_exit();
    // Started again: public/ is whole, with the newest site once written.
    let mut w = Proc::watch(&site);
    first_write(&mut w);
    let home = site.read("public/index.html");
    assert!(home.contains("Chủ đề trước khi bị dừng"), "{home}");
    assert!(!site.path("public/.campaign-journal").exists());
    assert_no_tmp(&site.path("public"));
}

#[test]
fn the_watcher_follows_a_content_folder_renamed_away_and_back() {
    let site = Site::fixture();
    let mut s = Proc::serve(&site, &[], &[]);
    s.wait_contains("/2024/tin-tuc/mot/", "Bài một ban đầu");
    site.rename("content", "content-tam");
    s.wait_line("the folder is gone", 0, |l| l.text.contains("is gone"));
    site.rename("content-tam", "content");
    s.wait_line("the folder is back", 0, |l| {
        l.text.contains("watching it again")
    });
    site.write(
        POST_FILE,
        post("Sửa sau khi đổi tên thư mục", "2024-03-14", "Thân."),
    );
    s.wait_contains("/2024/tin-tuc/mot/", "Sửa sau khi đổi tên thư mục");
}

#[test]
fn the_watcher_follows_a_content_folder_replaced_by_a_copy() {
    let site = Site::fixture();
    let mut s = Proc::serve(&site, &[], &[]);
    s.wait_contains("/2024/tin-tuc/mot/", "Bài một ban đầu");
    // A branch switch or last year's backup: another folder takes its place.
    copy_dir(&site.path("content"), &site.path("content-moi"));
    site.write(
        "content-moi/2024/news/mot.md",
        post("Bản sao mới của thư mục", "2024-03-14", "Thân."),
    );
    site.rename("content", "content-cu");
    site.rename("content-moi", "content");
    s.wait_contains("/2024/tin-tuc/mot/", "Bản sao mới của thư mục");
    // And it keeps following edits in the new folder.
    site.write(
        POST_FILE,
        post("Sửa trong thư mục mới", "2024-03-14", "Thân."),
    );
    s.wait_contains("/2024/tin-tuc/mot/", "Sửa trong thư mục mới");
}

#[test]
fn a_save_that_changes_nothing_reloads_no_page() {
    let site = Site::fixture();
    let mut s = Proc::serve(&site, &[], &[]);
    s.wait_contains("/", "Bài một ban đầu");
    let events = Events::open(s.port);
    let first = events.wait(&mut s, "the state at connect", 0, |_| true);
    let mark = s.mark();
    // The same text saved again (a `touch` with an editor).
    let text = site.read(POST_FILE);
    std::thread::sleep(Duration::from_millis(20));
    site.write(POST_FILE, &text);
    s.wait_line("the no-change line", mark, |l| {
        l.text.contains("nothing on the site changed")
    });
    std::thread::sleep(Duration::from_millis(300));
    let last = events.all().last().cloned().unwrap();
    assert_eq!(
        build_of(&last),
        build_of(&first),
        "a reload was sent: {last}"
    );
}

#[test]
fn the_preview_goes_on_when_the_output_folder_cannot_be_written() {
    let site = Site::fixture();
    let mut s = Proc::serve(&site, &[], &[]);
    first_write(&mut s);
    // A file where the post's folder must be: writing it fails.
    fs::remove_dir_all(site.path("public/2024/tin-tuc/mot")).unwrap();
    fs::write(site.path("public/2024/tin-tuc/mot"), "chặn").unwrap();
    let mark = s.mark();
    site.write(
        POST_FILE,
        post("Vẫn hiện khi đĩa lỗi", "2024-03-14", "Thân."),
    );
    // Shown from memory all the same…
    s.wait_contains("/2024/tin-tuc/mot/", "Vẫn hiện khi đĩa lỗi");
    // …and the failure is told.
    s.wait_line("the write failure", mark, |l| {
        l.stderr && l.text.contains("the output folder is not")
    });
    // public/ keeps the last whole build: no temporary file is left.
    assert_no_tmp(&site.path("public"));
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[track_caller]
fn assert_no_tmp(dir: &Path) {
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            assert!(
                !name.ends_with(".campaign-tmp"),
                "left: {}",
                entry.path().display()
            );
            if entry.file_type().unwrap().is_dir() {
                stack.push(entry.path());
            }
        }
    }
}

#[test]
fn after_a_burst_of_saves_the_output_folder_equals_a_clean_build() {
    let site = Site::fixture();
    many_posts(&site, 300);
    let mut w = Proc::watch(&site);
    first_write(&mut w);
    for i in 0..12 {
        site.write(
            POST_FILE,
            post(&format!("Lần lưu số {i}"), "2024-03-14", "Thân."),
        );
        if i % 4 == 0 {
            site.write(
                "content/2024/edition.yaml",
                edition(&format!("Chủ đề lần {i}")),
            );
        }
        std::thread::sleep(Duration::from_millis(15));
    }
    w.wait_file(&site, "public/2024/tin-tuc/mot/index.html", "Lần lưu số 11");
    w.wait_file(&site, "public/index.html", "Chủ đề lần 8");
    w.wait_quiet(Duration::from_millis(800));
    let clean = site.path("clean");
    let out = site.run(&["build", "--output", clean.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Every file and folder but the marker (which lists the files).
    let files = |dir: &Path| {
        let mut all = common::snapshot(dir);
        all.remove(".campaign-output");
        // ZIPs are made by `build` only (a preview would make them on every
        // save), and the archive page links them once they are made.
        all.retain(|k, _| !k.ends_with(".zip"));
        all.remove("luu-tru/index.html");
        all
    };
    let (watched, built) = (files(&site.path("public")), files(&clean));
    assert_eq!(
        watched.keys().collect::<Vec<_>>(),
        built.keys().collect::<Vec<_>>()
    );
    for (file, bytes) in &watched {
        assert!(*bytes == built[file], "{file} differs from a clean build");
    }
}
