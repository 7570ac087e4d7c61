//! Markdown to HTML, with links written the way authors write them.
//!
//! Authors link to source files relative to the file they are editing
//! (`../files/kh-45.pdf`, `../../2023/news/ke-hoach.md`) or to published
//! pages from the site root (`/2023/tin-tuc/ke-hoach/`). Both become
//! site-rooted URLs here (`/2023/files/kh-45.pdf`); [`relativize`] later
//! turns them into links relative to the page they appear on, so the output
//! works at any address. A link to nothing is a problem reported with its
//! position, never a broken link published.

use std::collections::{HashMap, HashSet};

use pulldown_cmark::{CowStr, Event, LinkType, Options, Parser, Tag, TagEnd, html};

/// What internal links may point to.
#[derive(Debug, Default)]
pub(crate) struct Links {
    /// Source path relative to the content folder (`2023/news/a.md`, NFC,
    /// `/`-separated) → published site path (`2023/tin-tuc/a/`).
    pub sources: HashMap<String, String>,
    /// Every published site path, pages (`2023/tin-tuc/`) and files
    /// (`2023/files/kh.pdf`), without a leading slash.
    pub outputs: HashSet<String>,
}

/// A link that leads nowhere: byte range in the Markdown and the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BrokenLink {
    pub offset: usize,
    pub target: String,
    pub reason: String,
}

impl Links {
    /// A hash of every possible link target: when it is unchanged, Markdown
    /// rendered before renders the same again.
    pub(crate) fn fingerprint(&self) -> u64 {
        use std::hash::BuildHasher;
        // Order-independent: the sum of the entries' hashes.
        let state =
            std::hash::BuildHasherDefault::<std::collections::hash_map::DefaultHasher>::default();
        let sources = self
            .sources
            .iter()
            .map(|(k, v)| state.hash_one((0u8, k, v)));
        let outputs = self.outputs.iter().map(|o| state.hash_one((1u8, o)));
        sources.chain(outputs).fold(0u64, u64::wrapping_add)
    }

    /// Resolves a link target written in the source file `from_dir`
    /// (content-relative directory, `""` for the root). Returns the
    /// site-rooted URL to publish, or why it leads nowhere.
    pub(crate) fn resolve(&self, from_dir: &str, target: &str) -> Result<String, String> {
        if let Some(reason) = refused(target) {
            return Err(reason.to_owned());
        }
        if is_external(target) || target.starts_with('#') || target.is_empty() {
            return Ok(target.to_owned());
        }
        let (path, suffix) = match target.find(['#', '?']) {
            Some(i) => target.split_at(i),
            None => (target, ""),
        };
        let decoded = crate::text::nfc(crate::text::percent_decode(path));
        if let Some(rooted) = decoded.strip_prefix('/') {
            let clean = rooted.trim_start_matches('/');
            let as_dir = if clean.is_empty() || clean.ends_with('/') || clean.contains('.') {
                clean.to_owned()
            } else {
                format!("{clean}/")
            };
            return if self.outputs.contains(as_dir.as_str()) || clean.is_empty() {
                Ok(format!("/{as_dir}{suffix}"))
            } else {
                Err(format!(
                    "no page or file of this site is published at `/{clean}`"
                ))
            };
        }
        let joined = join(from_dir, &decoded)
            .ok_or_else(|| "this link points outside the content folder".to_owned())?;
        let key = joined.trim_end_matches('/');
        if let Some(url) = self.sources.get(key) {
            return Ok(format!("/{url}{suffix}"));
        }
        Err(format!(
            "there is no file `{}` in the content folder (or it is a draft)",
            if key.is_empty() { "." } else { key }
        ))
    }
}

/// Why a link target can never be published, whatever the site holds: a
/// path on the author's computer (`C:\\…`, `\\\\server\\…`, `file:`), which
/// would otherwise pass for a web address with the scheme `C:`, or a script
/// (`javascript:`).
pub(crate) fn refused(target: &str) -> Option<&'static str> {
    let t = target.trim_start();
    let b = t.as_bytes();
    let drive = b.len() >= 2
        && b[0].is_ascii_alphabetic()
        && b[1] == b':'
        && (b.len() == 2 || b[2] == b'\\' || b[2] == b'/');
    let scheme = |s: &str| t.get(..s.len()).is_some_and(|p| p.eq_ignore_ascii_case(s));
    if drive || t.starts_with("\\\\") || scheme("file:") {
        Some("this is a path on a computer, not in the content folder or on the web")
    } else if scheme("javascript:") || scheme("vbscript:") {
        Some("links may not run scripts")
    } else {
        None
    }
}

/// Has a scheme (`https:`, `mailto:`) or is protocol-relative.
pub(crate) fn is_external(target: &str) -> bool {
    if target.starts_with("//") {
        return true;
    }
    match target.find(':') {
        Some(i) => {
            let scheme = &target[..i];
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
                && !target[..i].contains('/')
        }
        None => false,
    }
}

/// Joins a relative path to a content-relative directory, resolving `.` and
/// `..`; `None` when it climbs above the content folder.
pub(crate) fn join(dir: &str, relative: &str) -> Option<String> {
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for part in relative.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
}

/// A link target looked up while rendering, and what it led to. What was
/// rendered stays valid for another link table that gives each of its
/// lookups the same answer (a new post elsewhere changes the table, not
/// the meaning of links that do not lead to it).
pub(crate) type Lookup = (String, Result<String, String>);

/// Renders Markdown written in the content directory `dir`, resolving its
/// links. Returns the HTML, the links that lead nowhere, and the byte
/// offsets of images written without alternative text (`![](anh.jpg)`).
pub(crate) fn render_checked(
    markdown: &str,
    dir: &str,
    links: &Links,
) -> (String, Vec<BrokenLink>, Vec<usize>) {
    render_recording(markdown, dir, links, &mut Vec::new())
}

/// [`render_checked`], noting in `lookups` every link target it looked up.
pub(crate) fn render_recording(
    markdown: &str,
    dir: &str,
    links: &Links,
    lookups: &mut Vec<Lookup>,
) -> (String, Vec<BrokenLink>, Vec<usize>) {
    let mut broken = Vec::new();
    let mut no_alt = Vec::new();
    // The image being read, and whether its alt text had any letters.
    let mut image: Option<(usize, bool)> = None;
    let events = Parser::new_ext(markdown, options())
        .into_offset_iter()
        .inspect(|(event, range)| match event {
            Event::Start(Tag::Image { .. }) => image = Some((range.start, false)),
            Event::Text(t) | Event::Code(t) if !t.trim().is_empty() => {
                if let Some((_, seen)) = &mut image {
                    *seen = true;
                }
            }
            Event::End(TagEnd::Image) => {
                if let Some((start, false)) = image.take() {
                    no_alt.push(start);
                }
            }
            _ => {}
        })
        .map(|(event, range)| match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) if !matches!(link_type, LinkType::Email) => {
                let dest_url = fix(
                    &dest_url,
                    dir,
                    links,
                    markdown,
                    range.start,
                    &mut broken,
                    lookups,
                );
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = fix(
                    &dest_url,
                    dir,
                    links,
                    markdown,
                    range.start,
                    &mut broken,
                    lookups,
                );
                Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            // Raw HTML is shown as text, never run: content comes from many
            // hands (pasted from portals and word processors), and a
            // `<script>` in it must not reach the public site.
            Event::Html(html) | Event::InlineHtml(html) => Event::Text(html),
            other => other,
        });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events);
    (out, broken, no_alt)
}

fn fix<'a>(
    dest: &CowStr<'a>,
    dir: &str,
    links: &Links,
    markdown: &str,
    start: usize,
    broken: &mut Vec<BrokenLink>,
    lookups: &mut Vec<Lookup>,
) -> CowStr<'a> {
    let resolved = links.resolve(dir, dest);
    lookups.push((dest.to_string(), resolved.clone()));
    match resolved {
        Ok(url) if url == dest.as_ref() => dest.clone(),
        Ok(url) => CowStr::from(url),
        Err(reason) => {
            // Point at the target text itself when it is written literally.
            let offset = markdown[start..]
                .find(dest.as_ref())
                .map_or(start, |i| start + i);
            broken.push(BrokenLink {
                offset,
                target: dest.to_string(),
                reason,
            });
            dest.clone()
        }
    }
}

/// Turns site-rooted `href="/…"` and `src="/…"` in rendered HTML into links
/// relative to a page, `root` being the way up from that page (`../../`).
///
/// Safe on Markdown output: quotes in text are escaped as `&quot;`, so the
/// patterns only occur in attributes.
pub(crate) fn relativize(html: &str, root: &str) -> String {
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    // One pass: every `="/` is looked at once (scanning for each attribute
    // separately would rescan the whole page for every link).
    while let Some(i) = rest.find("=\"/") {
        let (before, after) = (&rest[..i], &rest[i + 3..]);
        out.push_str(before);
        out.push_str("=\"");
        let is_link = before.ends_with("href") || before.ends_with("src");
        if is_link && !after.starts_with('/') {
            out.push_str(root);
        } else {
            // Protocol-relative (`//host`) or another attribute: as written.
            out.push('/');
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links() -> Links {
        let mut l = Links::default();
        l.sources.insert(
            "2023/news/ke-hoach.md".into(),
            "2023/tin-tuc/ke-hoach/".into(),
        );
        l.sources
            .insert("2024/files/kh 45.pdf".into(), "2024/files/kh 45.pdf".into());
        l.outputs.insert("2023/tin-tuc/ke-hoach/".into());
        l.outputs.insert("2023/".into());
        l
    }

    #[test]
    fn source_relative_links_become_site_urls() {
        let l = links();
        assert_eq!(
            l.resolve("2024/news", "../../2023/news/ke-hoach.md#a")
                .unwrap(),
            "/2023/tin-tuc/ke-hoach/#a"
        );
        assert_eq!(
            l.resolve("2024/news", "../files/kh%2045.pdf").unwrap(),
            "/2024/files/kh 45.pdf"
        );
        assert_eq!(
            l.resolve("", "/2023/tin-tuc/ke-hoach").unwrap(),
            "/2023/tin-tuc/ke-hoach/"
        );
        assert_eq!(l.resolve("x", "https://a.vn/b").unwrap(), "https://a.vn/b");
        assert!(
            l.resolve("2024", "../../../etc/passwd")
                .unwrap_err()
                .contains("outside")
        );
        assert!(l.resolve("2024", "files/none.pdf").is_err());
        assert!(l.resolve("", "/2099/").is_err());
    }

    #[test]
    fn render_reports_broken_links_with_offsets() {
        let md = "Xem [kế hoạch](../../2023/news/ke-hoach.md) và [mất](thieu.md).";
        let (html, broken, _) = render_checked(md, "2024/news", &links());
        assert!(html.contains("href=\"/2023/tin-tuc/ke-hoach/\""), "{html}");
        assert_eq!(broken.len(), 1);
        assert_eq!(&md[broken[0].offset..broken[0].offset + 8], "thieu.md");
    }

    #[test]
    fn images_without_alt_text_are_found() {
        let md = "A ![](x.png) b ![ ](y.png) c ![Ảnh lễ](z.png) d ![*đậm*](w.png)";
        let (_, _, no_alt) = render_checked(md, "", &Links::default());
        let at: Vec<&str> = no_alt.iter().map(|&i| &md[i..i + 3]).collect();
        assert_eq!(at, ["![]", "![ "]);
    }

    #[test]
    fn relativize_prefixes_only_site_rooted_attributes() {
        let html = r#"<a href="/2023/">a</a> <img src="/x.png"> <a href="//cdn">c</a> <a href="https://e">e</a> /plain"#;
        assert_eq!(
            relativize(html, "../../"),
            r#"<a href="../../2023/">a</a> <img src="../../x.png"> <a href="//cdn">c</a> <a href="https://e">e</a> /plain"#
        );
    }

    #[test]
    fn raw_html_is_shown_as_text() {
        let (html, _, _) = render_checked(
            "<script>alert(1)</script>\n\nx <b onclick=\"y\">z</b>",
            "",
            &links(),
        );
        assert!(
            !html.contains("<script>") && !html.contains("<b "),
            "{html}"
        );
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }
}
