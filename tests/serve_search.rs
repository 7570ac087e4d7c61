//! `campaign serve` keeps the search index up to date behind the preview:
//! an edit is shown with the index of the build before it, then the index
//! follows as a build of its own, told to open pages as `index_only` (only
//! the search page reloads), and the output folder gets it too.
//!
//! Nothing here is timed: the tests check what is served and written.

#[path = "common/server.rs"]
mod server;

use server::*;

const POST_FILE: &str = "content/2024/news/mot.md";
/// A word no other text of the fixture has, as the index holds it.
const WORD: &str = "xylophon";

/// The text of every index file served, joined.
fn served_index(s: &Proc) -> String {
    let manifest = s.get("/tim-kiem/chi-muc/manifest.js").text();
    let shards: usize = manifest
        .split("\"shards\":")
        .nth(1)
        .and_then(|r| r.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no shard count in {manifest}"));
    (0..shards)
        .map(|i| s.get(&format!("/tim-kiem/chi-muc/s{i}.js")).text())
        .collect()
}

#[test]
fn an_edit_reaches_the_search_index_after_the_page_and_the_output_folder_gets_both() {
    let site = Site::fixture();
    let mut s = Proc::serve(&site, &[], &[]);
    assert!(!served_index(&s).contains(WORD));
    let events = Events::open(s.port);
    let at_connect = events.wait(&mut s, "the state at connect", 0, |_| true);
    let before = build_of(&at_connect);

    site.write(
        POST_FILE,
        post("Bài một ban đầu", "2024-03-14", "Đàn Xylophon của các em."),
    );
    s.wait_contains("/2024/tin-tuc/mot/", "Đàn Xylophon");
    let indexed = events.wait(&mut s, "the index of the edit", 0, |e| {
        e["index_only"] == true && build_of(e) > before
    });
    assert!(indexed["error"].is_null(), "{indexed}");
    assert!(served_index(&s).contains(WORD));
    // Every build the events told of after the one at connect: the edit's
    // own, which is not index-only, comes before the index's (the stream
    // keeps only the latest state, so the edit's may be folded into it).
    let told: Vec<(u64, bool)> = events
        .all()
        .iter()
        .skip(1)
        .map(|e| (build_of(e), e["index_only"] == true))
        .collect();
    assert!(told.windows(2).all(|w| w[0].0 < w[1].0), "{told:?}");
    assert!(
        told.iter()
            .take_while(|(_, only)| !only)
            .all(|(b, _)| *b < build_of(&indexed)),
        "{told:?}"
    );
    // The output folder ends with the new index.
    s.wait("the index on disk", || {
        let text: String = std::fs::read_dir(site.path("public/tim-kiem/chi-muc"))
            .unwrap()
            .filter_map(|e| std::fs::read_to_string(e.unwrap().path()).ok())
            .collect();
        if text.contains(WORD) {
            Ok(())
        } else {
            Err("not yet".into())
        }
    });
    s.assert_alive();
}

#[test]
fn an_edit_that_changes_no_record_asks_for_no_new_index() {
    let site = Site::fixture();
    let mut s = Proc::serve(&site, &[], &[]);
    let events = Events::open(s.port);
    events.wait(&mut s, "the state at connect", 0, |_| true);
    let mark = s.mark();
    site.write("content/static/note.txt", "Ghi chú mới NOTE-2.\n");
    s.wait_contains("/note.txt", "NOTE-2");
    s.wait_line("the rebuild line", mark, Line::is_rebuild);
    s.wait_quiet(std::time::Duration::from_millis(500));
    assert!(
        events.all().iter().all(|e| e["index_only"] != true),
        "{:?}",
        events.all()
    );
}
