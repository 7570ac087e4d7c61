//! What the site offers besides its pages: the LED board and the slogans
//! as text, each edition's calendar (parsed by Python's `icalendar`), and
//! old addresses kept working through `aliases:`.

mod common;

use std::process::Command;

use common::*;

#[test]
fn the_board_page_scrolls_the_slogans_with_an_external_script() {
    let t = site();
    t.build_ok();
    let board = t.out("2024/bang-ron/chay-chu/index.html");
    assert!(
        board.contains(r#"<script src="../../../board.js" defer></script>"#),
        "{board}"
    );
    assert!(!board.contains("<script>"), "no inline script");
    assert!(board.contains("Thương yêu, tương trợ, đoàn kết"), "{board}");
    assert!(board.contains(r#"class="board-track""#) && board.contains(r#"class="board-list""#));
    let js = t.out("board.js");
    for param in ["\"nen\"", "\"chu\"", "\"toc-do\"", "prefers-reduced-motion"] {
        assert!(js.contains(param), "board.js reads {param}");
    }
    let css = t.out("style.css");
    assert!(css.contains("@keyframes board-scroll"));
    let text = t.out("2024/bang-ron/khau-hieu.txt");
    assert_eq!(
        text.lines().collect::<Vec<_>>(),
        [
            THEME_2024,
            "Phát huy truyền thống “Lá lành đùm lá rách”",
            "Thương yêu, tương trợ, đoàn kết"
        ]
    );
    let banners = t.out("2024/bang-ron/index.html");
    assert!(
        banners.contains(r#"href="../../2024/bang-ron/chay-chu/""#),
        "{banners}"
    );
    assert!(!t.out("sitemap.xml").contains("khau-hieu.txt"));
}

#[test]
fn each_edition_has_a_reproducible_calendar_that_icalendar_parses() {
    let t = site();
    t.build_ok();
    let ics = t.out("2024/lich.ics");
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "{ics}");
    assert!(ics.contains("DTSTART;VALUE=DATE:20240320\r\n"), "{ics}");
    // All-day events end the day after their last day.
    assert!(ics.contains("DTEND;VALUE=DATE:20240326\r\n"), "{ics}");
    assert!(ics.contains("DTSTAMP:20240325T000000Z\r\n"), "{ics}");
    let edition = t.out("2024/index.html");
    assert!(
        edition.contains(r#"<a href="../2024/lich.ics">Thêm vào lịch"#),
        "{edition}"
    );
    std::fs::remove_dir_all(t.join("public")).unwrap();
    t.build_ok();
    assert_eq!(
        t.out("2024/lich.ics"),
        ics,
        "the calendar changes between builds"
    );
    let script = r#"
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
events = [e for e in cal.walk('VEVENT')]
for e in events:
    print(e.get('summary'), e.decoded('dtstart').isoformat(), e.decoded('dtend').isoformat(), e.get('uid'))
"#;
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(t.join("public/2024/lich.ics"))
        .output()
        .expect("python3 runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "icalendar (pip install icalendar): {out:?}"
    );
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(
        lines[0].starts_with("Treo băng rôn, khẩu hiệu trên các tuyến phố 2024-03-20 2024-03-26 "),
        "{stdout}"
    );
    assert!(
        lines[1].starts_with("Lễ kỷ niệm lần thứ 8 2024-03-25 2024-03-26 "),
        "{stdout}"
    );
    assert!(lines[0].ends_with("-2024@ctxh.example.gov.vn"), "{stdout}");
}

#[test]
fn a_renamed_post_keeps_every_old_address_answering() {
    let t = site();
    t.build_ok();
    let before = list_files(&t.join("public"));
    let old = std::fs::read_to_string(t.join("content/2024/news/cong-van.md")).unwrap();
    t.remove("content/2024/news/cong-van.md");
    let renamed = old.replacen("---\n", "---\naliases: [\"/2024/tin-tuc/cong-van/\"]\n", 1);
    t.write("content/2024/news/cong-van-son-tay.md", renamed);
    t.build_ok();
    let after = list_files(&t.join("public"));
    let gone: Vec<&String> = before
        .iter()
        .filter(|f| !after.contains(f) && !f.starts_with("2024/tin-tuc/cong-van/anh-chia-se"))
        .collect();
    assert!(gone.is_empty(), "addresses that no longer answer: {gone:?}");
    let redirect = t.out("2024/tin-tuc/cong-van/index.html");
    assert!(
        redirect.contains(r#"<meta http-equiv="refresh" content="0; url=../../../2024/tin-tuc/cong-van-son-tay/">"#),
        "{redirect}"
    );
    assert!(redirect.contains(
        r#"<link rel="canonical" href="https://ctxh.example.gov.vn/2024/tin-tuc/cong-van-son-tay/">"#
    ));
    assert!(
        !t.out("sitemap.xml").contains("2024/tin-tuc/cong-van/<"),
        "alias in the sitemap"
    );
    assert!(
        !t.out("2024/tin-tuc/index.html")
            .contains("tin-tuc/cong-van/\""),
        "alias listed"
    );
}

#[test]
fn an_alias_that_collides_or_leaves_the_site_is_an_error() {
    for (alias, expected) in [
        ("/2024/tin-tuc/nhac-han/", "is the address of a page"),
        ("https://example.com/a/", "is not an address on the site"),
        ("../../x/", "is not an address on the site"),
    ] {
        let t = site();
        let post = std::fs::read_to_string(t.join("content/2024/news/ke-hoach.md")).unwrap();
        let post = post.replacen("---\n", &format!("---\naliases: [\"{alias}\"]\n"), 1);
        t.write("content/2024/news/ke-hoach.md", post);
        let err = t.build(&[]).assert_fails(1).to_owned();
        assert!(err.contains("content/2024/news/ke-hoach.md:2:"), "{err}");
        assert!(err.contains(expected), "{alias}: {err}");
        assert!(!t.join("public").exists(), "published despite the error");
    }
}

#[test]
fn each_year_and_the_whole_site_download_as_reproducible_zips_that_work_from_disk() {
    let t = site();
    t.build_ok();
    let archive = t.out("luu-tru/index.html");
    assert!(
        archive.contains(r#"<a href="../luu-tru/2024.zip">Tải về cả năm</a> (ZIP, "#),
        "{archive}"
    );
    assert!(archive.contains(r#"<a href="../luu-tru/toan-bo-trang.zip">Tải về toàn bộ trang</a>"#));
    let zip = std::fs::read(t.join("public/luu-tru/2024.zip")).unwrap();
    // Unzipped by Python's own zipfile: sorted entries, fixed dates, and
    // every relative link of every page leads to a file in the ZIP.
    let script = r#"
import sys, zipfile, re, posixpath
z = zipfile.ZipFile(sys.argv[1])
names = z.namelist()
assert names == sorted(names), "unsorted"
assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in z.infolist()), "dates"
missing = []
for n in names:
    if not n.endswith('.html'):
        continue
    html = z.read(n).decode()
    for link in re.findall(r'(?:href|src)="([^"]*)"', html):
        if re.match(r'^(#|https?:|mailto:|tel:|/)', link):
            continue
        target = posixpath.normpath(posixpath.join(posixpath.dirname(n), link.split('#')[0]))
        # The year's own pages and the shared files; the home page and
        # the other years are outside a year's ZIP.
        if target.startswith('2024/') or ('/' not in target and not target.endswith('.html')):
            if target not in names:
                missing.append((n, link))
print(len(names))
print(missing[:5])
print('2024/index.html' in names, '2023/index.html' in names, 'style.css' in names)
"#;
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(t.join("public/luu-tru/2024.zip"))
        .output()
        .expect("python3 runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{out:?}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(lines[0].parse::<usize>().unwrap() > 20, "{stdout}");
    assert_eq!(lines[1], "[]", "links that lead nowhere inside the ZIP");
    assert_eq!(lines[2], "True False True", "{stdout}");
    std::fs::remove_dir_all(t.join("public")).unwrap();
    t.build_ok();
    assert_eq!(
        std::fs::read(t.join("public/luu-tru/2024.zip")).unwrap(),
        zip,
        "not reproducible"
    );
}
