//! Limits against absurd input, in one place (docs/content.md, section 13,
//! states them for the people who write the content).
//!
//! Each is far beyond what a real campaign site writes, and each bounds
//! something the output multiplies: a post's tags are shown on every one of
//! their tag pages (a post with `n` tags made `n` pages of `n` tags each),
//! a slug or a file name becomes a folder or file name of the output (file
//! systems refuse names over 255 bytes), and a title or a theme is repeated
//! on many pages. Loading reports every value beyond a limit as an error,
//! at the key or value in its file, so `check` and `build` fail alike
//! before any page is rendered.
//!
//! With them, what one page shows is bounded by what it lists: a tag or
//! news page shows `news_per_page` posts of at most [`MAX_TAGS`] tags of
//! [`MAX_TAG_CHARS`] each, a post page its post, its edition's theme and two
//! neighbours' titles. Sizes that still grow with the product of two inputs
//! lie outside the loader: every page shows the title, description,
//! organisation and menu of `site.yaml` (pages × the size of `site.yaml`),
//! and a problem quotes its whole line (problems on one line × its length;
//! those made here quote at most its start).

/// Tags per post (as written, repeats included): real posts carry 2-3.
pub(crate) const MAX_TAGS: usize = 20;

/// Characters of a tag: a topic in a few words ("Đơn vị trợ giúp xã hội"
/// is 22).
pub(crate) const MAX_TAG_CHARS: usize = 60;

/// Characters of the title of a post or a page, and of an edition's theme:
/// the longest headlines and themes of the real site are under 150.
pub(crate) const MAX_TITLE_CHARS: usize = 300;

/// Bytes of an address segment made from a name: the slug of a post, a page
/// or a tag, each of which is a folder of the output. Well under the 255
/// bytes of a file name, also once the output's temporary names add their
/// prefix and suffix (`.<name>.campaign-tmp`).
pub(crate) const MAX_SLUG_BYTES: usize = 200;

/// Bytes of each part (a file or folder name) of the path of a file
/// published as it is (`static/…`, `<year>/files/…`), which keeps its name
/// in the output; the same bound as slugs, for the same reason.
pub(crate) const MAX_NAME_BYTES: usize = 200;

/// Posts in one edition's `news/` folder: a year of daily news is a few
/// hundred.
pub(crate) const MAX_POSTS_PER_EDITION: usize = 20_000;

/// How many characters of a too long value a message quotes.
const QUOTED_CHARS: usize = 40;

/// `text` as quoted in a message: whole when short, else its start and `…`.
pub(crate) fn quoted(text: &str) -> String {
    if text.chars().count() <= QUOTED_CHARS {
        text.to_owned()
    } else {
        let start: String = text.chars().take(QUOTED_CHARS).collect();
        format!("{start}…")
    }
}

/// A name that may not be UTF-8, as shown in a message: valid text as it
/// is, every byte that is not part of valid UTF-8 as `\xNN`.
#[cfg(unix)]
pub(crate) fn escaped(name: &std::ffi::OsStr) -> String {
    use std::os::unix::ffi::OsStrExt;
    let mut out = String::new();
    for chunk in name.as_bytes().utf8_chunks() {
        out.push_str(chunk.valid());
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02X}"));
        }
    }
    out
}

/// The bytes of `name` that are not part of valid UTF-8, as `\xNN`
/// separated by spaces.
#[cfg(unix)]
pub(crate) fn invalid_bytes(name: &std::ffi::OsStr) -> String {
    use std::os::unix::ffi::OsStrExt;
    let bytes: Vec<String> = name
        .as_bytes()
        .utf8_chunks()
        .flat_map(|chunk| chunk.invalid().iter().map(|b| format!("\\x{b:02X}")))
        .collect();
    bytes.join(" ")
}

/// A name that may not be UTF-8, as shown in a message.
#[cfg(not(unix))]
pub(crate) fn escaped(name: &std::ffi::OsStr) -> String {
    name.to_string_lossy().into_owned()
}

#[cfg(not(unix))]
pub(crate) fn invalid_bytes(_: &std::ffi::OsStr) -> String {
    "that are not text".to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_quotes() {
        assert_eq!(quoted("Hải Phòng"), "Hải Phòng");
        let long = "ạ".repeat(100);
        assert_eq!(quoted(&long), format!("{}…", "ạ".repeat(40)));
    }

    #[cfg(unix)]
    #[test]
    fn bytes_that_are_not_utf8_are_shown_as_hex() {
        use std::os::unix::ffi::OsStrExt;
        let name = std::ffi::OsStr::from_bytes(b"\xff\xfe-\xc3\xa1nh.png");
        assert_eq!(escaped(name), "\\xFF\\xFE-ánh.png");
        assert_eq!(invalid_bytes(name), "\\xFF \\xFE");
    }
}
