//! The source index: an unchanged source is not read again, an edited
//! one is, and a damaged index is ignored.

use super::*;

/// Sets a file's modification time `secs` seconds in the past, so the
/// source index records it (see `index::SETTLE`).
fn age(path: &Path, secs: u64) {
    let file = std::fs::File::options().write(true).open(path).unwrap();
    file.set_modified(std::time::SystemTime::now() - Duration::from_secs(secs))
        .unwrap();
}

fn index_text(dir: &Dir) -> String {
    std::fs::read_to_string(dir.cache().join("sources.idx")).unwrap_or_default()
}

/// Rewrites the index with `edit` applied to its entries and a valid
/// check line, as a build would have written it.
fn edit_index(dir: &Dir, edit: impl Fn(&str) -> String) {
    let text = index_text(dir);
    let (body, _) = text.rsplit_once("check ").unwrap();
    let body = edit(body);
    let check = blake3::hash(body.as_bytes()).to_hex();
    std::fs::write(
        dir.cache().join("sources.idx"),
        format!("{body}check {check}\n"),
    )
    .unwrap();
}

#[test]
fn an_unchanged_source_is_taken_from_the_index_without_being_read() {
    let dir = Dir::new("index-hit");
    let src = dir.file("a.jpg", &jpeg_with(&photo_like(64, 48, 21), &[]));
    age(&src, 60);
    let first = only(std::slice::from_ref(&src), &small(), &dir.cache()).unwrap();
    assert!(!first.gps);
    let text = index_text(&dir);
    assert!(text.contains("a.jpg"), "{text}");
    // What the index says of an unchanged file is what the build uses: a
    // GPS flag set in the index shows, so the file was not read again.
    edit_index(&dir, |body| body.replacen(" 0 ", " 1 ", 1));
    let again = run(std::slice::from_ref(&src), &small(), &dir.cache());
    assert_eq!((again.processed, again.cached), (0, 1));
    assert!(again.photos[0].as_ref().unwrap().gps);
}

#[test]
fn a_source_edited_to_the_same_size_is_read_again() {
    let dir = Dir::new("index-stale");
    let clean = jpeg_with(&photo_like(64, 48, 22), &[]);
    let src = dir.file("a.jpg", &clean);
    age(&src, 60);
    let first = only(std::slice::from_ref(&src), &small(), &dir.cache()).unwrap();
    // The same number of bytes, other pixels, and another modification
    // time (still old enough to be recorded).
    let mut edited = clean.clone();
    let at = edited.len() - 40;
    edited[at] ^= 0x55;
    std::fs::write(&src, &edited).unwrap();
    age(&src, 30);
    assert_eq!(std::fs::metadata(&src).unwrap().len(), clean.len() as u64);
    let second = only(std::slice::from_ref(&src), &small(), &dir.cache()).unwrap();
    assert_ne!(second.variants[0].file_name, first.variants[0].file_name);
    // And the index now holds the new version.
    let third = run(std::slice::from_ref(&src), &small(), &dir.cache());
    assert_eq!((third.processed, third.cached), (0, 1));
    assert_eq!(*third.photos[0].as_ref().unwrap().clone(), *second);
}

#[test]
fn a_source_saved_just_now_is_not_recorded() {
    let dir = Dir::new("index-young");
    let src = dir.file("a.jpg", &jpeg_with(&photo_like(64, 48, 23), &[]));
    only(std::slice::from_ref(&src), &small(), &dir.cache()).unwrap();
    // Written within the last two seconds: another write in the same clock
    // tick would keep its modification time, so it is hashed again next time.
    assert!(!index_text(&dir).contains("a.jpg"));
}

#[test]
fn a_corrupt_or_foreign_index_is_ignored_and_replaced() {
    let dir = Dir::new("index-corrupt");
    let with_gps = jpeg_with(&photo_like(64, 48, 24), &[(1, exif_block(1))]);
    let src = dir.file("a.jpg", &with_gps);
    age(&src, 60);
    let first = only(std::slice::from_ref(&src), &small(), &dir.cache()).unwrap();
    assert!(first.gps);
    let idx = dir.cache().join("sources.idx");
    for damaged in [
        // A flipped flag without a matching check line.
        index_text(&dir).replacen(" 1 ", " 0 ", 1),
        "campaign-source-index 999\ncheck 00\n".to_owned(),
        "\u{0}\u{ff} not an index".to_owned(),
        String::new(),
    ] {
        std::fs::write(&idx, damaged).unwrap();
        let again = run(std::slice::from_ref(&src), &small(), &dir.cache());
        assert_eq!((again.processed, again.cached), (0, 1));
        let photo = again.photos[0].as_ref().unwrap();
        assert!(photo.gps, "the GPS position is found again");
        assert_eq!(**photo, *first);
        assert!(index_text(&dir).contains("a.jpg"), "rewritten whole");
    }
    // A hash the index names wrongly (say, of another version) costs a
    // processing, never a wrong photo: the bytes read are what is keyed.
    std::fs::remove_file(&idx).unwrap();
    run(std::slice::from_ref(&src), &small(), &dir.cache());
    edit_index(&dir, |body| {
        let line = body.lines().nth(1).unwrap();
        let wrong = format!("{}{}", "ab".repeat(32), &line[64..]);
        body.replacen(line, &wrong, 1)
    });
    let again = run(std::slice::from_ref(&src), &small(), &dir.cache());
    assert_eq!(**again.photos[0].as_ref().unwrap(), *first);
}
