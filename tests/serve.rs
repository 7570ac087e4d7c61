//! `campaign serve` and `campaign watch`, driven as a user would: the real
//! binary runs on a fixture site in its own temp folder, the test edits,
//! creates, renames and deletes files the way editors do, and checks what
//! the server answers over HTTP (and what lands in `public/`).
//!
//! Every wait polls until a generous deadline (see `server::DEADLINE`);
//! nothing relies on a fixed sleep being "long enough".

#[path = "common/server.rs"]
mod server;

use std::fs;
use std::time::Duration;

use server::*;

const POST: &str = "/2024/tin-tuc/mot/";
const POST_FILE: &str = "content/2024/news/mot.md";
const SCRIPT: &str = "<script data-campaign-live-reload>";

/// `campaign serve` on the fixture site.
fn serve(site: &Site) -> Proc {
    Proc::serve(site, &[], &[])
}

/// Asserts that `text` names `file` with a `:line:col` position, and that
/// the line is `line`.
#[track_caller]
fn assert_position(text: &str, file: &str, line: u32) {
    let prefix = format!("{file}:{line}:");
    let ok = text.match_indices(&prefix).any(|(i, m)| {
        text[i + m.len()..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit())
    });
    assert!(ok, "expected `{prefix}<column>` in:\n{text}");
}

// ---------------------------------------------------------------------------
// Edits
// ---------------------------------------------------------------------------

#[test]
fn an_edited_title_shows_on_the_post_the_lists_the_home_page_and_disk() {
    let site = Site::fixture();
    let mut s = serve(&site);
    s.wait_contains(POST, "Bài một ban đầu");
    for path in ["/2024/tin-tuc/", "/tin-tuc/", "/"] {
        assert!(s.get(path).text().contains("Bài một ban đầu"), "{path}");
    }

    let mark = s.mark();
    site.write(
        POST_FILE,
        post("Tiêu đề mới của bài một", "2024-03-14", "Nội dung đã sửa."),
    );
    let page = s.wait_contains(POST, "Tiêu đề mới của bài một");
    assert!(page.text().contains("Nội dung đã sửa."));
    assert!(!page.text().contains("Bài một ban đầu"));
    // One build publishes every page at once: the lists are already new.
    for path in ["/2024/tin-tuc/", "/tin-tuc/", "/"] {
        let r = s.get(path);
        assert_eq!(r.status, 200, "{path}");
        let text = r.text();
        assert!(text.contains("Tiêu đề mới của bài một"), "{path}:\n{text}");
        assert!(!text.contains("Bài một ban đầu"), "{path}:\n{text}");
    }

    // The output folder follows.
    s.wait_file(
        &site,
        "public/2024/tin-tuc/mot/index.html",
        "Tiêu đề mới của bài một",
    );
    s.wait_file(&site, "public/index.html", "Tiêu đề mới của bài một");
    s.wait_file(
        &site,
        "public/2024/tin-tuc/index.html",
        "Tiêu đề mới của bài một",
    );

    // One line says what changed and how long it took.
    let line = s.wait_line("the rebuild line naming the post", mark, |l| {
        l.is_rebuild() && !l.stderr && l.text.contains("mot.md")
    });
    assert!(
        line.text.starts_with("changed ")
            && line.text.contains("3 posts")
            && line.text.ends_with(" ms"),
        "{}",
        line.text
    );
}

#[test]
fn drafts_are_previewed_only_with_the_drafts_flag() {
    let site = Site::fixture();
    site.write(
        "content/2024/news/nhap.md",
        "---\ntitle: \"Bản nháp chưa đăng\"\ndate: \"2024-03-15\"\ndraft: true\n---\nNháp.\n",
    );
    let s = serve(&site);
    assert_eq!(s.get("/2024/tin-tuc/nhap/").status, 404);
    assert!(
        !s.get("/2024/tin-tuc/")
            .text()
            .contains("Bản nháp chưa đăng")
    );
    drop(s);

    let s = Proc::serve(&site, &["--drafts"], &[]);
    let r = s.get("/2024/tin-tuc/nhap/");
    assert_eq!(r.status, 200);
    assert!(r.text().contains("Bản nháp chưa đăng"));
}

#[test]
fn a_port_in_use_is_reported_and_the_command_fails() {
    let site = Site::fixture();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let out = site.run(&[
        "serve", "--source", "content", "--output", "public", "--port", &port,
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("cannot listen on") && stderr.contains(&port),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn an_atomic_save_is_seen_once_and_its_temp_file_never_becomes_a_page() {
    let site = Site::fixture();
    let mut s = serve(&site);

    // vim keeps a swap file beside the file while editing; other editors
    // write the new text to a temporary file and rename it over the file.
    site.write(
        "content/2024/news/.mot.md.swp",
        b"b0VIM 9.0\x00\x00\xffswap".as_slice(),
    );
    let mark = s.mark();
    site.write(
        "content/2024/news/mot.md.tmp",
        post("Lưu bằng cách đổi tên", "2024-03-14", "Thân bài."),
    );
    site.rename("content/2024/news/mot.md.tmp", POST_FILE);
    s.wait_contains(POST, "Lưu bằng cách đổi tên");
    site.remove("content/2024/news/.mot.md.swp");

    s.wait_quiet(Duration::from_millis(1500));
    let rebuilds = s.rebuilds_since(mark);
    // A single rename is one change: exactly one rebuild, naming only the
    // post (not the temp or swap file), with the post count unchanged.
    assert_eq!(rebuilds.len(), 1, "{rebuilds:#?}\n{}", s.transcript());
    assert!(
        rebuilds[0].contains("mot.md: ") && rebuilds[0].contains("3 posts"),
        "{rebuilds:#?}"
    );
    for r in &rebuilds {
        assert!(!r.contains(".tmp") && !r.contains(".swp"), "{r}");
    }
    assert!(!s.transcript().contains("mot.md.tmp"), "{}", s.transcript());
    let list = s.get("/2024/tin-tuc/").text();
    assert_eq!(
        list.matches("Lưu bằng cách đổi tên").count(),
        1,
        "the post is listed once:\n{list}"
    );
    assert_eq!(s.get("/2024/tin-tuc/mot.md/").status, 404);
    assert_eq!(s.get("/2024/tin-tuc/mot-md-tmp/").status, 404);
}

#[test]
fn vims_backup_dance_is_seen_and_the_backup_is_ignored() {
    let site = Site::fixture();
    let mut s = serve(&site);

    // vim (backupcopy=no): probe that the folder is writable with `4913`,
    // move the original to the backup `mot.md~`, write a new `mot.md`,
    // delete the backup.
    let mark = s.mark();
    site.write("content/2024/news/4913", "");
    site.remove("content/2024/news/4913");
    site.rename(POST_FILE, "content/2024/news/mot.md~");
    site.write(
        POST_FILE,
        post("Lưu theo kiểu vim", "2024-03-14", "Thân bài."),
    );
    site.remove("content/2024/news/mot.md~");
    s.wait_contains(POST, "Lưu theo kiểu vim");

    s.wait_quiet(Duration::from_millis(1500));
    let rebuilds = s.rebuilds_since(mark);
    // Normally one; two if the machine paused between the steps for
    // longer than the debounce window.
    assert!(
        (1..=2).contains(&rebuilds.len()),
        "{rebuilds:#?}\n{}",
        s.transcript()
    );
    assert!(
        rebuilds.last().unwrap().contains("3 posts"),
        "{rebuilds:#?}"
    );
    for r in &rebuilds {
        assert!(!r.contains('~') && !r.contains("4913"), "{r}");
        assert!(!r.contains("not rebuilt"), "{r}");
    }
    assert!(
        !s.lines()
            .iter()
            .any(|l| l.stderr && l.text.contains("mot.md~")),
        "{}",
        s.transcript()
    );
    assert_eq!(s.get(POST).status, 200);
}

#[test]
fn new_deleted_and_renamed_posts_and_a_new_year_folder_are_picked_up() {
    let site = Site::fixture();
    let mut s = serve(&site);

    // A new post.
    site.write(
        "content/2024/news/moi.md",
        post("Bài mới tinh", "2024-03-16", "Mới."),
    );
    s.wait_contains("/2024/tin-tuc/moi/", "Bài mới tinh");
    assert!(s.get("/2024/tin-tuc/").text().contains("Bài mới tinh"));
    assert!(s.get("/").text().contains("Bài mới tinh"));

    // Deleted again.
    site.remove("content/2024/news/moi.md");
    s.wait_status("/2024/tin-tuc/moi/", 404);
    for path in ["/2024/tin-tuc/", "/tin-tuc/", "/"] {
        let text = s.get(path).text();
        assert!(!text.contains("Bài mới tinh"), "{path}:\n{text}");
    }
    s.wait(
        "public/2024/tin-tuc/moi/ to disappear from disk",
        || match site.path("public/2024/tin-tuc/moi").exists() {
            false if site.path("public/index.html").is_file() => Ok(()),
            _ => Err("still there (or public/ being swapped)".into()),
        },
    );

    // Renamed: the old URL goes, the new one comes.
    site.rename(
        "content/2024/news/hai.md",
        "content/2024/news/hai-doi-ten.md",
    );
    s.wait_contains("/2024/tin-tuc/hai-doi-ten/", "Bài hai ban đầu");
    assert_eq!(s.get("/2024/tin-tuc/hai/").status, 404);
    let list = s.get("/2024/tin-tuc/").text();
    assert_eq!(list.matches("Bài hai ban đầu").count(), 1, "{list}");

    // A whole new year, created folder by folder.
    site.write("content/2025/edition.yaml", edition("Chủ đề năm 2025"));
    site.write(
        "content/2025/news/dau-nam.md",
        post("Tin đầu năm 2025", "2025-01-05", "Năm mới."),
    );
    s.wait_contains("/2025/", "Chủ đề năm 2025");
    s.wait_contains("/2025/tin-tuc/dau-nam/", "Tin đầu năm 2025");
    // The new folders are watched too.
    site.write(
        "content/2025/news/tiep.md",
        post("Tin tiếp theo 2025", "2025-01-06", "Tiếp."),
    );
    s.wait_contains("/2025/tin-tuc/tiep/", "Tin tiếp theo 2025");

    // A year prepared elsewhere and moved in at once.
    site.write("staging/2026/edition.yaml", edition("Chủ đề năm 2026"));
    site.write(
        "staging/2026/news/a.md",
        post("Tin năm 2026", "2026-01-05", "Năm sau nữa."),
    );
    fs::rename(site.path("staging/2026"), site.path("content/2026")).unwrap();
    s.wait_contains("/2026/", "Chủ đề năm 2026");
    s.wait_contains("/2026/tin-tuc/a/", "Tin năm 2026");
    site.write(
        "content/2026/news/a.md",
        post("Tin năm 2026 đã sửa", "2026-01-05", "Năm sau nữa."),
    );
    s.wait_contains("/2026/tin-tuc/a/", "Tin năm 2026 đã sửa");

    // And a whole year removed at once.
    fs::remove_dir_all(site.path("content/2026")).unwrap();
    s.wait_status("/2026/", 404);
    assert_eq!(s.get("/2026/tin-tuc/a/").status, 404);
    assert_eq!(s.get("/2025/").status, 200);
    s.assert_alive();
}

#[test]
fn a_burst_of_saves_gives_few_rebuilds_and_the_last_text_wins() {
    let site = Site::fixture();
    let mut s = serve(&site);
    let mark = s.mark();
    for i in 1..=20 {
        site.write(
            POST_FILE,
            post(&format!("Lưu nhanh số {i:02}"), "2024-03-14", "Thân bài."),
        );
    }
    s.wait_contains(POST, "Lưu nhanh số 20");
    s.wait_quiet(Duration::from_millis(1500));
    let rebuilds = s.rebuilds_since(mark);
    assert!(
        (1..=3).contains(&rebuilds.len()),
        "{} rebuilds for one burst:\n{rebuilds:#?}",
        rebuilds.len()
    );
    // Whatever happened in between, the settled state is the last save.
    let page = s.get(POST).text();
    assert!(page.contains("Lưu nhanh số 20"), "{page}");
    assert!(s.get("/").text().contains("Lưu nhanh số 20"));
    s.wait_file(
        &site,
        "public/2024/tin-tuc/mot/index.html",
        "Lưu nhanh số 20",
    );
}

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

#[test]
fn a_broken_edition_keeps_the_last_good_site_and_reports_until_fixed() {
    let site = Site::fixture();
    let mut s = serve(&site);
    let events = Events::open(s.port);
    assert!(
        events.content_type.starts_with("text/event-stream"),
        "{}",
        events.content_type
    );
    // The state is sent at connect.
    let first = events.wait(&mut s, "the state at connect", 0, |_| true);
    assert!(first["error"].is_null(), "{first}");
    assert_eq!(first["css_only"], false, "{first}");
    let good_build = build_of(&first);
    assert!(good_build >= 1, "{first}");

    // 1. Not YAML at all.
    let seen = events.all().len();
    let mark = s.mark();
    site.write(
        "content/2024/edition.yaml",
        "theme: \"Chủ đề hỏng\"\nsummary: a: b\n",
    );
    let bad = events.wait(&mut s, "an error", seen, |e| error_of(e).is_some());
    let message = error_of(&bad).unwrap();
    assert_position(message, "content/2024/edition.yaml", 2);
    assert_eq!(
        build_of(&bad),
        good_build,
        "a failed build keeps the build number"
    );
    // Printed on stderr, with the position, and said to keep the old site.
    let printed = s.wait_line("the error on stderr", mark, |l| {
        l.stderr && l.text.contains("content/2024/edition.yaml:2:")
    });
    assert_position(&printed.text, "content/2024/edition.yaml", 2);
    s.wait_line("the `not rebuilt` line", mark, |l| {
        l.stderr && l.text.contains("not rebuilt; the last good site is kept")
    });
    // The last good site is still served, and still on disk.
    let home = s.get("/");
    assert_eq!(home.status, 200);
    assert!(home.text().contains(THEME_2024), "{}", home.text());
    assert!(!home.text().contains("Chủ đề hỏng"));
    assert!(home.text().contains(SCRIPT));
    assert_eq!(s.get(POST).status, 200);
    assert!(site.read("public/index.html").contains(THEME_2024));
    // A page opened now learns about the error at once.
    let late = Events::open(s.port);
    let at_connect = late.wait(&mut s, "the state at connect", 0, |_| true);
    assert_eq!(error_of(&at_connect), Some(message), "{at_connect}");
    s.assert_alive();

    // 2. Valid YAML, unknown key: a different error replaces the first.
    let seen = events.all().len();
    site.write(
        "content/2024/edition.yaml",
        format!("theme: \"{THEME_2024}\"\nslogan: \"Một khẩu hiệu\"\n"),
    );
    let bad = events.wait(&mut s, "the unknown key", seen, |e| {
        error_of(e).is_some_and(|m| m.contains("slogan"))
    });
    let message = error_of(&bad).unwrap();
    assert_position(message, "content/2024/edition.yaml", 2);
    assert!(
        message.contains("slogans"),
        "suggests the right key: {message}"
    );
    s.assert_alive();

    // 3. Fixed: the error goes away by itself with a new build.
    let seen = events.all().len();
    site.write("content/2024/edition.yaml", edition("Chủ đề đã sửa xong"));
    let fixed = events.wait(&mut s, "error: null", seen, |e| e["error"].is_null());
    assert!(build_of(&fixed) > good_build, "{fixed}");
    assert_eq!(fixed["css_only"], false, "{fixed}");
    s.wait_contains("/", "Chủ đề đã sửa xong");
    s.wait_file(&site, "public/index.html", "Chủ đề đã sửa xong");
    let later = Events::open(s.port);
    let at_connect = later.wait(&mut s, "the state at connect", 0, |_| true);
    assert!(at_connect["error"].is_null(), "{at_connect}");
    // The same build, or the one that brought its search index in.
    assert!(build_of(&at_connect) >= build_of(&fixed), "{at_connect}");
    s.assert_alive();
}

#[test]
fn a_broken_post_keeps_the_old_page_and_the_server_alive() {
    let site = Site::fixture();
    let mut s = serve(&site);
    let events = Events::open(s.port);
    events.wait(&mut s, "the state at connect", 0, |_| true);
    let seen = events.all().len();
    // Front matter never closed.
    site.write(POST_FILE, "---\ntitle: \"Đang gõ dở\ndate: 2024-03-14\n");
    let bad = events.wait(&mut s, "an error", seen, |e| error_of(e).is_some());
    assert!(
        error_of(&bad).unwrap().contains("content/2024/news/mot.md"),
        "{bad}"
    );
    let page = s.get(POST);
    assert_eq!(page.status, 200);
    assert!(page.text().contains("Bài một ban đầu"));
    s.assert_alive();

    site.write(POST_FILE, post("Gõ xong rồi", "2024-03-14", "Thân bài."));
    events.wait(&mut s, "error: null", seen, |e| e["error"].is_null());
    s.wait_contains(POST, "Gõ xong rồi");
}

// ---------------------------------------------------------------------------
// What the server serves
// ---------------------------------------------------------------------------

#[test]
fn unknown_paths_get_the_sites_404_page() {
    let site = Site::fixture();
    let s = serve(&site);
    let on_disk = site.read("public/404.html");
    assert!(on_disk.contains("</html>"), "{on_disk}");
    // The page is served at any depth, so its links start at the site's
    // root path, never at its absolute address (which would leave it
    // unstyled on a staging host).
    assert!(on_disk.contains("href=\"/style.css\""), "{on_disk}");
    assert!(
        !on_disk.contains("https://ctxh.example.gov.vn/style.css"),
        "{on_disk}"
    );
    for path in [
        "/khong-co-trang-nay/",
        "/khong-co",
        "/2024/tin-tuc/khong-co/",
        "/2019/",
        "/style.css/",
        "/index.html/x",
    ] {
        let r = s.get(path);
        assert_eq!(r.status, 404, "{path}");
        assert_eq!(r.content_type(), "text/html; charset=utf-8", "{path}");
        let body = r.text();
        assert!(
            body.contains(SITE_TITLE),
            "{path}: the site's own page:\n{body}"
        );
        assert!(
            body.contains(SCRIPT),
            "{path}: live reload on the 404 page too"
        );
        // Exactly the site's 404.html, plus the script.
        let script_at = body.find(SCRIPT).unwrap();
        let script_end = body[script_at..].find("</script>\n").unwrap() + script_at + 10;
        let without = format!("{}{}", &body[..script_at], &body[script_end..]);
        assert_eq!(without, on_disk, "{path}");
    }
}

#[test]
fn paths_outside_the_site_are_never_served() {
    let site = Site::fixture();
    let s = serve(&site);
    for path in [
        "/../../etc/passwd",
        "/../../../../../../../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/%2E%2E/%2E%2E/%2E%2E/%2E%2E/etc/passwd",
        "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/2024/..%2f..%2fsite.yaml",
        "/2024/..%2F..%2Fcontent%2Fsite.yaml",
        "/2024/files/..%2f..%2f..%2fcontent%2fsite.yaml",
        "/2024/files/%2e%2e/%2e%2e/%2e%2e/content/site.yaml",
        "/static/../../content/site.yaml",
        "/..%5c..%5ccontent%5csite.yaml",
        "/.%2e/.%2e/etc/passwd",
        "/%252e%252e/%252e%252e/etc/passwd",
        "//etc/passwd",
        "/%2fetc%2fpasswd",
        "/content/site.yaml",
        "/site.yaml",
        "/2024/edition.yaml",
        "/2024/news/mot.md",
        "/..",
        "/%00",
        "/2024/%00/../site.yaml",
    ] {
        let r = s.get(path);
        assert!(
            r.status == 404 || r.status == 400,
            "{path}: status {}",
            r.status
        );
        if r.status == 400 {
            // Refused by the HTTP layer before the site is even asked.
            continue;
        }
        let body = r.text();
        assert!(!body.contains("root:"), "{path}: /etc/passwd leaked");
        assert!(!body.contains("first_year"), "{path}: site.yaml leaked");
        assert!(
            !body.contains("Nội dung bài một."),
            "{path}: a source file leaked"
        );
        assert!(body.contains(SITE_TITLE), "{path}: the 404 page");
    }
    // Most of these must reach the site and get its 404 page, not a 400.
    for path in [
        "/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/2024/..%2f..%2fsite.yaml",
    ] {
        assert_eq!(s.get(path).status, 404, "{path}");
    }
}

#[test]
fn links_out_of_the_content_folder_are_never_followed() {
    let site = Site::fixture();
    let secret = "BÍ-MẬT-NGOÀI-CÂY";
    site.write("outside/secret.txt", secret);
    let mut s = serve(&site);
    assert!(s.get("/note.txt").text().contains("NOTE-OK"));

    // A new link to a file outside, and an existing file swapped for such
    // a link after the last good build (served files are read from disk
    // when asked for, so the swap must not be followed either), and a
    // linked folder.
    let mark = s.mark();
    std::os::unix::fs::symlink(
        site.path("outside/secret.txt"),
        site.path("content/static/lien-ket.txt"),
    )
    .unwrap();
    site.remove("content/static/note.txt");
    std::os::unix::fs::symlink(
        site.path("outside/secret.txt"),
        site.path("content/static/note.txt"),
    )
    .unwrap();
    std::os::unix::fs::symlink(site.path("outside"), site.path("content/static/ngoai")).unwrap();
    s.wait_line("the refusal of the links", mark, |l| {
        l.stderr && l.text.contains("lien-ket.txt")
    });
    s.wait_line("the rebuild line", mark, Line::is_rebuild);
    for path in ["/lien-ket.txt", "/note.txt", "/ngoai/secret.txt"] {
        let r = s.get(path);
        assert_eq!(r.status, 404, "{path}: {}", r.text());
        assert!(!r.text().contains(secret), "{path}: followed a link out");
    }
    assert!(!site.read("public/note.txt").contains(secret));
    assert!(!site.path("public/lien-ket.txt").exists());
    s.assert_alive();

    // Links removed, file back: served again.
    for rel in [
        "content/static/lien-ket.txt",
        "content/static/note.txt",
        "content/static/ngoai",
    ] {
        site.remove(rel);
    }
    site.write("content/static/note.txt", "Ghi chú trở lại NOTE-BACK.\n");
    s.wait_contains("/note.txt", "NOTE-BACK");
}

#[test]
fn a_link_out_of_the_content_folder_at_start_is_not_served() {
    let site = Site::fixture();
    let secret = "BÍ-MẬT-LÚC-KHỞI-ĐỘNG";
    site.write("outside/secret.txt", secret);
    std::os::unix::fs::symlink(
        site.path("outside/secret.txt"),
        site.path("content/static/lien-ket.txt"),
    )
    .unwrap();
    // The first build fails; the server runs all the same.
    let mut s = serve(&site);
    s.wait_line("the refusal", 0, |l| {
        l.stderr && l.text.contains("lien-ket.txt")
    });
    let r = s.get("/lien-ket.txt");
    assert_ne!(r.status, 200);
    assert!(!r.text().contains(secret));
    // No good build yet: every page shows the error, with live reload.
    let home = s.get("/");
    assert_eq!(home.status, 503);
    assert!(home.text().contains("lien-ket.txt") && home.text().contains(SCRIPT));

    // Fixed: the site appears.
    site.remove("content/static/lien-ket.txt");
    s.wait_contains("/", THEME_2024);
    assert_eq!(s.get("/lien-ket.txt").status, 404);
}

#[test]
fn content_types_are_right() {
    let site = Site::fixture();
    let s = serve(&site);
    let check = |path: &str, expected: &str| {
        let r = s.get(path);
        assert_eq!(r.status, 200, "{path}");
        let ct = r.content_type().to_ascii_lowercase();
        assert!(ct.starts_with(expected), "{path}: Content-Type {ct}");
        assert_eq!(r.header("cache-control"), Some("no-store"), "{path}");
        r
    };
    for html in ["/", "/2024/", "/2024/tin-tuc/", POST, "/index.html"] {
        let r = check(html, "text/html; charset=utf-8");
        assert!(r.text().contains("</html>"), "{html}");
    }
    let css = check("/style.css", "text/css");
    assert!(!css.text().contains(SCRIPT));
    for xml in ["/feed.xml", "/2024/feed.xml", "/sitemap.xml"] {
        let r = s.get(xml);
        assert_eq!(r.status, 200, "{xml}");
        assert!(
            r.content_type().contains("xml"),
            "{xml}: {}",
            r.content_type()
        );
        assert!(r.text().starts_with("<?xml"), "{xml}");
        assert!(!r.text().contains(SCRIPT), "{xml}: no script in feeds");
    }
    let svg = check("/logo.svg", "image/svg+xml");
    assert_eq!(svg.text(), SVG);
    let pdf = check("/2024/files/ke-hoach.pdf", "application/pdf");
    assert_eq!(pdf.body, PDF, "the attachment, byte for byte");
    check("/note.txt", "text/plain");
    check("/robots.txt", "text/plain");
}

#[test]
fn folders_without_a_slash_redirect_and_a_subpath_base_url_is_served_at_the_root() {
    let site = Site::fixture_with_base("https://a.vn/ctxh/");
    let s = serve(&site);
    for (path, to) in [
        ("/2024", "/2024/"),
        ("/2024/tin-tuc", "/2024/tin-tuc/"),
        ("/2024/tin-tuc/mot", "/2024/tin-tuc/mot/"),
    ] {
        let r = s.get(path);
        assert_eq!(r.status, 301, "{path}");
        assert_eq!(r.header("location"), Some(to), "{path}");
        assert_eq!(s.get(to).status, 200, "{to}");
    }
    // The site lives at the root of the preview, whatever base_url says.
    let home = s.get("/");
    assert_eq!(home.status, 200);
    assert!(home.text().contains(THEME_2024));
    assert!(s.get(POST).text().contains("Bài một ban đầu"));
    // …and its relative links work there: the stylesheet of the home page.
    let text = home.text();
    let at = text
        .find("rel=\"stylesheet\" href=\"")
        .expect("a stylesheet link");
    let href = text[at + 24..].split('"').next().unwrap();
    assert!(
        !href.starts_with("http"),
        "links in pages are relative: {href}"
    );
    let css_path = format!("/{}", href.trim_start_matches("./"));
    let css = s.get(&css_path);
    assert_eq!(css.status, 200, "{css_path}");
    assert!(css.content_type().starts_with("text/css"));
    // The 404 page links from the site's root path (`/ctxh/` on the host),
    // which is the preview's `/`.
    let on_disk = site.read("public/404.html");
    assert!(on_disk.contains("href=\"/ctxh/style.css\""), "{on_disk}");
    let missing = s.get("/khong-co/trang/");
    assert_eq!(missing.status, 404);
    let body = missing.text();
    assert!(body.contains("href=\"/style.css\""), "{body}");
    assert!(!body.contains("\"/ctxh/"), "{body}");
    assert_eq!(s.get("/style.css").status, 200);
}

#[test]
fn live_reload_is_only_in_served_pages_never_on_disk() {
    let site = Site::fixture();
    let mut s = serve(&site);
    for path in ["/", POST, "/2024/tin-tuc/"] {
        let body = s.get(path).text();
        let script = body
            .find(SCRIPT)
            .unwrap_or_else(|| panic!("{path}: no script"));
        let end = body.rfind("</body>").expect("</body>");
        assert!(script < end, "{path}: the script goes before </body>");
        assert_eq!(body.matches(SCRIPT).count(), 1, "{path}");
        assert!(body.contains("/__campaign/events"), "{path}");
    }
    // What `serve` writes to public/ has no script…
    s.wait_file(&site, "public/index.html", "</html>");
    let html_files = |site: &Site| -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut stack = vec![site.path("public")];
        while let Some(dir) = stack.pop() {
            for entry in fs::read_dir(&dir).unwrap().flatten() {
                let p = entry.path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|e| e == "html") {
                    out.push((p.display().to_string(), fs::read_to_string(&p).unwrap()));
                }
            }
        }
        out
    };
    let served_disk = html_files(&site);
    assert!(served_disk.len() >= 5, "{served_disk:?}");
    for (path, html) in &served_disk {
        assert!(!html.contains("data-campaign-live-reload"), "{path}");
        assert!(!html.contains("__campaign"), "{path}");
    }
    drop(s);

    // …and neither has what `build` writes.
    let out = site.run(&["build", "--source", "content", "--output", "public"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let built = html_files(&site);
    assert_eq!(built.len(), served_disk.len());
    for (path, html) in &built {
        assert!(!html.contains("data-campaign-live-reload"), "{path}");
        assert!(!html.contains("__campaign"), "{path}");
    }
}

#[test]
fn a_css_change_in_the_theme_swaps_styles_and_a_template_change_rebuilds_all() {
    let site = Site::fixture();
    site.write(
        "themes/default/static/extra.css",
        "body { color: black; }\n",
    );
    let mut s = serve(&site);
    assert!(s.get("/extra.css").text().contains("black"));
    let events = Events::open(s.port);
    let first = events.wait(&mut s, "the state at connect", 0, |_| true);
    let b0 = build_of(&first);

    // A stylesheet of the theme: a CSS-only build.
    let seen = events.all().len();
    site.write("themes/default/static/extra.css", "body { color: navy; }\n");
    let css = events.wait(&mut s, "a new build", seen, |e| build_of(e) > b0);
    assert_eq!(css["css_only"], true, "{css}");
    assert!(css["error"].is_null());
    assert_eq!(build_of(&css), b0 + 1);
    assert!(s.get("/extra.css").text().contains("navy"));

    // A template of the theme: every page changes.
    let base = fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/base.html"),
    )
    .unwrap();
    assert!(base.contains("</body>"));
    let seen = events.all().len();
    site.write(
        "themes/default/templates/base.html",
        base.replacen("</body>", "<p>MẪU-ĐÃ-SỬA</p>\n</body>", 1),
    );
    let tpl = events.wait(&mut s, "a new build", seen, |e| build_of(e) > b0 + 1);
    assert_eq!(tpl["css_only"], false, "{tpl}");
    for path in ["/", POST, "/2024/tin-tuc/", "/khong-co/"] {
        assert!(s.get(path).text().contains("MẪU-ĐÃ-SỬA"), "{path}");
    }

    // A post: not CSS-only.
    let seen = events.all().len();
    site.write(POST_FILE, post("Sau khi sửa mẫu", "2024-03-14", "Thân."));
    let post_ev = events.wait(&mut s, "a new build", seen, |e| build_of(e) > b0 + 2);
    assert_eq!(post_ev["css_only"], false, "{post_ev}");
    let page = s.wait_contains(POST, "Sau khi sửa mẫu");
    assert!(
        page.text().contains("MẪU-ĐÃ-SỬA"),
        "the edited theme is kept"
    );

    // Theme file removed: back to the built-in template.
    site.remove("themes/default/templates/base.html");
    s.wait_page("/", 200, "without the marker", |b| {
        !b.contains("MẪU-ĐÃ-SỬA")
    });
}

#[test]
fn a_theme_folder_made_after_the_start_is_watched() {
    let site = Site::fixture();
    assert!(!site.path("themes").exists());
    let mut s = serve(&site);
    let base = fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/base.html"),
    )
    .unwrap();
    site.write(
        "themes/default/templates/base.html",
        base.replacen("</body>", "<p>CHỦ-ĐỀ-MỚI</p>\n</body>", 1),
    );
    s.wait_contains("/", "CHỦ-ĐỀ-MỚI");
    // And edits inside it, later, too.
    site.write(
        "themes/default/templates/base.html",
        base.replacen("</body>", "<p>SỬA-LẦN-HAI</p>\n</body>", 1),
    );
    s.wait_contains(POST, "SỬA-LẦN-HAI");
}

#[test]
fn warnings_are_shown_once_when_they_appear() {
    let site = Site::fixture();
    let mut s = serve(&site);
    let mark = s.mark();
    site.write(
        POST_FILE,
        post("Bài có ảnh", "2024-03-14", "![](../files/ke-hoach.pdf)"),
    );
    let warning = s.wait_line("the warning", mark, |l| {
        l.stderr && l.text.contains("no alternative text")
    });
    assert!(
        warning
            .text
            .starts_with("warning: content/2024/news/mot.md:"),
        "{}",
        warning.text
    );
    s.wait_contains(POST, "Bài có ảnh");
    // Another edit elsewhere: the warning is not repeated.
    let mark = s.mark();
    site.write("content/2024/edition.yaml", edition("Chủ đề khác"));
    s.wait_contains("/", "Chủ đề khác");
    s.wait_quiet(Duration::from_millis(300));
    let repeated = s.lines()[mark..]
        .iter()
        .any(|l| l.text.contains("no alternative text"));
    assert!(!repeated, "{}", s.transcript());
}

// ---------------------------------------------------------------------------
// Process life
// ---------------------------------------------------------------------------

#[test]
fn ctrl_c_stops_the_server_cleanly_with_a_complete_output_folder() {
    let site = Site::fixture();
    let mut s = serve(&site);
    // A change just before the signal: a rebuild may be running when it
    // lands, and must finish (or not start) rather than be cut off.
    site.write(
        POST_FILE,
        post("Sửa ngay trước Ctrl-C", "2024-03-14", "Thân."),
    );
    s.signal("INT");
    let status = s.wait_exit();
    assert!(status.success(), "{status}\n{}", s.transcript());
    assert!(
        s.lines().iter().any(|l| l.text.starts_with("Stopped")),
        "{}",
        s.transcript()
    );
    assert_output_complete(&site);
}

#[test]
fn ctrl_c_stops_the_server_even_with_pages_listening_for_reloads() {
    let site = Site::fixture();
    let mut s = serve(&site);
    // Open browser tabs keep an event stream open for good; it must not
    // hold the server up.
    let events = Events::open(s.port);
    events.wait(&mut s, "the state at connect", 0, |_| true);
    let other = Events::open(s.port);
    other.wait(&mut s, "the state at connect", 0, |_| true);
    s.signal("INT");
    let status = s.wait_exit();
    assert!(status.success(), "{status}\n{}", s.transcript());
    assert_output_complete(&site);
}

#[test]
fn sigterm_stops_the_server_cleanly_too() {
    let site = Site::fixture();
    let mut s = serve(&site);
    s.signal("TERM");
    let status = s.wait_exit();
    assert!(status.success(), "{status}\n{}", s.transcript());
    assert_output_complete(&site);
}

/// `public/` is whole: every page ends, and no staging folder is left.
#[track_caller]
fn assert_output_complete(site: &Site) {
    let index = site.read("public/index.html");
    assert!(index.trim_end().ends_with("</html>"), "{index}");
    let post = site.read("public/2024/tin-tuc/mot/index.html");
    assert!(post.trim_end().ends_with("</html>"), "{post}");
    assert!(site.path("public/.campaign-output").exists());
    let mut left: Vec<String> = fs::read_dir(&site.root)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        // The cache of banners and share images is kept, as photos' is.
        .filter(|n| n != ".campaign-cache")
        .collect();
    left.sort();
    assert_eq!(left, ["content", "public"], "no staging folder left behind");
}

#[test]
fn binding_beyond_loopback_warns() {
    let site = Site::fixture();
    let mut s = Proc::serve(&site, &["--bind", "0.0.0.0"], &[]);
    let warning = s.wait_line("the warning", 0, |l| {
        l.stderr && l.text.starts_with("warning:")
    });
    assert!(warning.text.contains("0.0.0.0"), "{}", warning.text);
    assert_eq!(s.get("/").status, 200);
}

#[test]
fn loopback_is_the_default_and_does_not_warn() {
    let site = Site::fixture();
    let s = serve(&site);
    let lines = s.lines();
    assert!(
        lines
            .iter()
            .any(|l| l.text.starts_with("Serving the site at http://127.0.0.1:")),
        "{}",
        s.transcript()
    );
    assert!(
        !lines.iter().any(|l| l.stderr && l.text.contains("warning")),
        "{}",
        s.transcript()
    );
}

#[test]
fn watch_rebuilds_the_output_folder_without_a_server() {
    let site = Site::fixture();
    let mut w = Proc::watch(&site);
    w.wait_line("the watching line", 0, |l| {
        l.text.starts_with("Watching for changes")
    });
    w.wait_file(
        &site,
        "public/2024/tin-tuc/mot/index.html",
        "Bài một ban đầu",
    );

    site.write(
        POST_FILE,
        post("Sửa khi đang theo dõi", "2024-03-14", "Thân."),
    );
    w.wait_file(
        &site,
        "public/2024/tin-tuc/mot/index.html",
        "Sửa khi đang theo dõi",
    );
    w.wait_file(&site, "public/index.html", "Sửa khi đang theo dõi");
    site.write(
        "content/2024/news/moi.md",
        post("Bài mới khi theo dõi", "2024-03-16", "Mới."),
    );
    w.wait_file(
        &site,
        "public/2024/tin-tuc/moi/index.html",
        "Bài mới khi theo dõi",
    );
    // A bad edit leaves public/ alone and the watcher running.
    let mark = w.mark();
    site.write("content/2024/edition.yaml", "theme: [\n");
    w.wait_line("the failed rebuild", mark, |l| {
        l.stderr && l.text.contains("not rebuilt")
    });
    w.assert_alive();
    assert!(site.read("public/index.html").contains(THEME_2024));
    site.write("content/2024/edition.yaml", edition("Chủ đề sau khi sửa"));
    w.wait_file(&site, "public/index.html", "Chủ đề sau khi sửa");
    for rel in ["public/index.html", "public/2024/tin-tuc/moi/index.html"] {
        assert!(
            !site.read(rel).contains("data-campaign-live-reload"),
            "{rel}"
        );
    }

    // `watch` installs its Ctrl-C handler only after printing its first
    // line; give it a moment so the signal is not sent before that.
    std::thread::sleep(Duration::from_millis(300));
    w.signal("INT");
    let status = w.wait_exit();
    assert!(status.success(), "{status}\n{}", w.transcript());
    assert_output_complete_after_watch(&site);
}

#[track_caller]
fn assert_output_complete_after_watch(site: &Site) {
    let index = site.read("public/index.html");
    assert!(index.trim_end().ends_with("</html>"), "{index}");
}

#[test]
fn polling_is_used_when_asked_and_says_so() {
    let site = Site::fixture();
    let mut s = Proc::serve(&site, &[], &[("CAMPAIGN_POLL", "1")]);
    let warning = s.wait_line("the polling warning", 0, |l| {
        l.stderr && l.text.starts_with("warning:")
    });
    assert!(
        warning.text.contains("checking for changes every"),
        "{}",
        warning.text
    );
    site.write(POST_FILE, post("Sửa khi dò định kỳ", "2024-03-14", "Thân."));
    s.wait_contains(POST, "Sửa khi dò định kỳ");
    site.write(
        "content/2024/news/moi.md",
        post("Bài mới khi dò định kỳ", "2024-03-16", "Mới."),
    );
    s.wait_contains("/2024/tin-tuc/moi/", "Bài mới khi dò định kỳ");
    site.remove("content/2024/news/moi.md");
    s.wait_status("/2024/tin-tuc/moi/", 404);
}

/// Staff read the preview's lines and its overlay in Vietnamese (the other
/// tests run in English).
#[test]
fn the_preview_speaks_vietnamese_by_default() {
    let site = Site::fixture();
    let mut s = Proc::spawn(
        &site,
        &[
            "serve", "--port", "0", "--source", "content", "--output", "public",
        ],
        &[("LC_ALL", "vi_VN.UTF-8")],
    );
    let line = s.wait_line("the listening line", 0, |l| {
        !l.stderr && l.text.starts_with("Đang mở trang xem trước tại http://")
    });
    s.port = line
        .text
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .and_then(|host| host.rsplit(':').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no port in {}", line.text));
    s.wait_line("the first build", 0, |l| {
        !l.stderr && l.text.starts_with("lần dựng đầu: ")
    });
    let events = Events::open(s.port);
    let seen = events.wait(&mut s, "the state at connect", 0, |_| true);
    assert!(seen["error"].is_null(), "{seen}");
    let mark = s.mark();
    site.write(
        "content/2024/edition.yaml",
        edition("Chủ đề").replace("theme:", "them:"),
    );
    let bad = events.wait(&mut s, "an error", 1, |e| error_of(e).is_some());
    let message = error_of(&bad).unwrap();
    assert!(
        message.starts_with("lỗi: content/2024/edition.yaml:"),
        "{message}"
    );
    s.wait_line("the `not rebuilt` line", mark, |l| {
        l.stderr
            && l.text
                .contains("chưa dựng lại; vẫn giữ bản trang tốt gần nhất")
    });
    // The overlay's heading is Vietnamese too.
    let page = s.get("/");
    assert!(
        page.text()
            .contains("Nội dung có lỗi – trang đang hiển thị bản dựng tốt gần nhất"),
        "{}",
        page.text()
    );
}
