//! `campaign serve` and `campaign watch` with new photos: they are
//! processed in the background, a text edit is shown meanwhile (the photo
//! by its original, for the preview alone), the processed photo follows,
//! and the output folder is only ever written with every photo processed.
//!
//! Nothing here is timed: the tests check the order of what happens.

#[path = "common/server.rs"]
mod server;

use server::*;

const POST: &str = "/2024/tin-tuc/mot/";
const POST_FILE: &str = "content/2024/news/mot.md";
const PHOTOS: usize = 3;

/// The post's text: a title and every photo in its body.
fn post_with_photos(title: &str) -> String {
    let body: String = (0..PHOTOS)
        .map(|i| format!("![Hội trường, ảnh {i}](../files/anh-{i}.jpg)\n\n"))
        .collect();
    post(title, "2024-03-14", &body)
}

/// The fixture site with `PHOTOS` new 12 MP photos in the first post.
fn site_with_photos() -> Site {
    let site = Site::fixture();
    for i in 0..PHOTOS {
        site.write(
            &format!("content/2024/files/anh-{i}.jpg"),
            campaign::photos::bench::jpeg_12mp(i as u32),
        );
    }
    site.write(POST_FILE, post_with_photos("Bài có ảnh"));
    site
}

/// `campaign serve` on `site`, once it says it processes photos in the
/// background.
fn serve_while_processing(site: &Site) -> Proc {
    let mut s = Proc::serve(site, &[], &[]);
    s.wait_line("the pending photos line", 0, |l| {
        l.text.starts_with("Processing ")
    });
    s
}

/// The index of the first line since `from` that starts with `prefix`.
fn line_index(p: &Proc, from: usize, prefix: &str) -> Option<usize> {
    p.lines()
        .iter()
        .enumerate()
        .skip(from)
        .find(|(_, l)| l.text.starts_with(prefix))
        .map(|(i, _)| i)
}

/// No original photo is in the output folder.
#[track_caller]
fn assert_no_original_published(site: &Site) {
    for i in 0..PHOTOS {
        let original = site.path(&format!("public/2024/files/anh-{i}.jpg"));
        assert!(!original.exists(), "{}", original.display());
    }
}

fn is_processed(page: &str) -> bool {
    (0..PHOTOS).all(|i| page.contains(&format!("2024/files/anh-{i}-")))
        && page.contains("-960.jpg")
        && page.contains(".webp")
}

#[test]
fn a_text_edit_shows_while_new_photos_are_processed_and_the_photos_follow() {
    let site = site_with_photos();
    let mut s = Proc::serve(&site, &[], &[]);
    // The first build does not wait for the photos: they are pending, and
    // the preview shows their originals at the size their header gives.
    s.wait_line("the pending photos line", 0, |l| {
        l.text
            .starts_with(&format!("Processing {PHOTOS} photos in the background"))
    });
    let first = s.get(POST).text();
    if !is_processed(&first) {
        assert!(first.contains("2024/files/anh-0.jpg\""), "{first}");
        assert!(first.contains("width=\"4000\" height=\"3000\""), "{first}");
    }

    // A text edit while the photos are processed.
    let mark = s.mark();
    site.write(
        POST_FILE,
        post_with_photos("Tiêu đề sửa trong lúc xử lý ảnh"),
    );
    let edited = s
        .wait_contains(POST, "Tiêu đề sửa trong lúc xử lý ảnh")
        .text();
    assert!(
        !is_processed(&edited),
        "the text edit was shown before the photos were done:\n{}",
        excerpt(&edited)
    );
    assert!(edited.contains("2024/files/anh-0.jpg\""), "{edited}");
    let original = s.get("/2024/files/anh-0.jpg");
    assert_eq!(original.status, 200);
    assert_eq!(original.content_type(), "image/jpeg");

    // Then the processed photos, with the edit kept.
    let done = s
        .wait_page(POST, 200, "the processed photos", is_processed)
        .text();
    assert!(done.contains("Tiêu đề sửa trong lúc xử lý ảnh"));
    assert!(!done.contains("2024/files/anh-0.jpg\""), "{done}");
    let edit_shown = line_index(&s, mark, "changed ").expect("the edit's rebuild line");
    let photos_done = s
        .wait_line("the photos' rebuild", mark, |l| {
            l.text.starts_with(&format!("{PHOTOS} photos processed"))
        })
        .text;
    let photos_line = line_index(&s, mark, &photos_done).unwrap();
    assert!(edit_shown < photos_line, "{}", s.transcript());

    // The output folder is written from the finished site only: never
    // with an original, never before the photos were done.
    let page = s.wait_file(&site, "public/2024/tin-tuc/mot/index.html", "-960.jpg");
    assert!(page.contains("Tiêu đề sửa trong lúc xử lý ảnh"));
    let written = line_index(&s, 0, "output folder written").expect("written");
    let first_done = line_index(&s, 0, &photos_done).unwrap();
    assert!(written > first_done, "{}", s.transcript());
    assert_no_original_published(&site);
}

#[test]
fn watch_writes_the_output_folder_only_once_the_photos_are_done() {
    let site = site_with_photos();
    let mut w = Proc::watch(&site);
    let page = w.wait_file(&site, "public/2024/tin-tuc/mot/index.html", "-960.jpg");
    assert!(is_processed(&page), "{page}");
    let done = line_index(&w, 0, &format!("{PHOTOS} photos processed")).expect("processed");
    let written = line_index(&w, 0, "output folder written").expect("written");
    assert!(done < written, "{}", w.transcript());
    w.wait_line("the line saying every photo is done", 0, |l| {
        l.text.starts_with("Every photo is processed")
    });
    assert_no_original_published(&site);
}

#[test]
fn photos_in_the_cache_are_shown_processed_from_the_first_build() {
    let site = site_with_photos();
    let run = site.run(&["build", "--source", "content", "--output", "public"]);
    assert!(run.status.success(), "{run:?}");
    let s = Proc::serve(&site, &[], &[]);
    let page = s.get(POST).text();
    assert!(is_processed(&page), "{}", excerpt(&page));
    assert!(
        line_index(&s, 0, "Processing").is_none(),
        "{}",
        s.transcript()
    );
    // The processed files themselves are served (from the photo cache).
    for ext in ["-960.jpg", ".webp"] {
        let end = page.find(ext).expect("a processed photo") + ext.len();
        let start = page[..end].rfind("2024/files/").expect("its address");
        let url = format!("/{}", &page[start..end]);
        let photo = s.get(&url);
        assert_eq!(photo.status, 200, "{url}");
        assert!(photo.content_type().starts_with("image/"), "{url}");
    }
}

#[test]
fn a_photo_replaced_while_processed_is_shown_in_its_new_version() {
    let site = site_with_photos();
    let mut s = serve_while_processing(&site);
    // Saved again, smaller, while the first version is processed.
    let smaller = image::RgbImage::from_fn(800, 600, |x, y| {
        image::Rgb([(x / 4) as u8, (y / 3) as u8, 90])
    });
    let mut bytes = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 90)
        .encode_image(&smaller)
        .unwrap();
    site.write("content/2024/files/anh-0.jpg", bytes);
    let page = s
        .wait_page(POST, 200, "the new version of anh-0", |p| {
            is_processed(p) && p.contains("-800.jpg")
        })
        .text();
    assert!(page.contains("width=\"800\" height=\"600\""), "{page}");
    assert!(!page.contains("width=\"4000\""), "{page}");
    s.wait_file(&site, "public/2024/tin-tuc/mot/index.html", "-800.jpg");
    assert_no_original_published(&site);
}

#[test]
fn ctrl_c_while_photos_are_processed_stops_without_waiting_for_them() {
    let site = site_with_photos();
    let mut s = serve_while_processing(&site);
    s.signal("INT");
    let status = s.wait_exit();
    assert!(status.success(), "{status}\n{}", s.transcript());
    let lines = s.lines();
    assert!(
        lines.iter().any(|l| l.text.starts_with("Stopped")),
        "{}",
        s.transcript()
    );
    // The batch under way was stopped, not finished first.
    assert!(
        !lines.iter().any(|l| l.text.contains("photos processed")),
        "{}",
        s.transcript()
    );
    assert_no_original_published(&site);
}
