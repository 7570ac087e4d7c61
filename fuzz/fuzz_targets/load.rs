//! Fuzz target `load`: front-matter splitting, YAML parsing and loading a
//! whole content folder must never panic, whatever the bytes.
//!
//! The input is a news post and an `edition.yaml`, separated by three NUL
//! bytes; without the separator the same bytes are used for both. Each run
//! checks the pure parsers on the text, then writes a small site holding
//! the two files (raw bytes, so invalid UTF-8 is exercised too) and loads
//! it with `campaign::content::load`, as `campaign build` does.
//!
//! Run: see docs/fuzzing.md (`cargo +nightly fuzz run load -- -max_total_time=600`).

#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

const SITE_YAML: &str = "title: \"Ngày Công tác xã hội Việt Nam\"\nbase_url: \"https://ctxh.example.gov.vn/\"\ncampaign:\n  day: \"03-25\"\n  first_year: 2017\n";

/// The site folder of this fuzzing process (one per process, reused).
fn site() -> &'static PathBuf {
    static SITE: OnceLock<PathBuf> = OnceLock::new();
    SITE.get_or_init(|| {
        let shm = PathBuf::from("/dev/shm");
        let base = if shm.is_dir() {
            shm
        } else {
            std::env::temp_dir()
        };
        let dir = base.join(format!("campaign-fuzz-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("2024/news")).unwrap();
        std::fs::create_dir_all(dir.join("2024/files")).unwrap();
        std::fs::write(dir.join("site.yaml"), SITE_YAML).unwrap();
        std::fs::write(dir.join("2024/files/kh-45.pdf"), b"%PDF-1.4\n").unwrap();
        // Tell the loader which day it is, so dates are checked the same way on every run.
        // SAFETY: set once, before any thread of the loader reads the environment.
        unsafe { std::env::set_var("CAMPAIGN_TODAY", "2024-03-20") };
        dir
    })
}

fuzz_target!(|data: &[u8]| {
    let (post, edition) = match data.windows(3).position(|w| w == b"\0\0\0") {
        Some(i) => (&data[..i], &data[i + 3..]),
        None => (data, data),
    };

    // The pure parsers, on the text as a string.
    let post_text = String::from_utf8_lossy(post);
    let edition_text = String::from_utf8_lossy(edition);
    if let Ok(split) = campaign::content::frontmatter::split(&post_text) {
        assert!(split.yaml.start <= split.yaml.end);
        assert!(split.yaml.end <= split.body && split.body <= post_text.len());
        assert!(post_text.is_char_boundary(split.body));
    }
    let _ = campaign::content::parse_post_text("2024/news/tin.md", &post_text);
    let _ = campaign::content::parse_edition_text("2024/edition.yaml", &edition_text);

    // The whole loader, on the bytes as files.
    let dir = site();
    std::fs::write(dir.join("2024/news/tin.md"), post).unwrap();
    std::fs::write(dir.join("2024/edition.yaml"), edition).unwrap();
    let _ = campaign::content::load(dir, &campaign::content::LoadOptions::default());
});
