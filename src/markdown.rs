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
    /// The processed photos, by the site-rooted URL of their fallback file
    /// (what a photo's source path resolves to): an image that shows one
    /// is written as `<picture>`.
    pub pictures: HashMap<String, std::sync::Arc<crate::content::model::Picture>>,
    /// Photos of the site that cannot be published, by source path: what is
    /// wrong and what to do, reported where a post shows one.
    pub failed: HashMap<String, (crate::i18n::Message, Option<crate::i18n::Message>)>,
}

/// The `sizes` of every picture: the full width of a phone, the text
/// column of the default theme beyond.
pub(crate) const PICTURE_SIZES: &str = "(max-width: 720px) 100vw, 680px";

/// A `<picture>` for `picture` (site-rooted URLs), `attrs` being the
/// escaped attributes of its `<img>` beyond the files (`alt="…"`, maybe
/// `title="…"`). Every picture is lazy but the first of a page.
pub(crate) fn picture_html(
    picture: &crate::content::model::Picture,
    attrs: &str,
    lazy: bool,
) -> String {
    use std::fmt::Write;
    let srcset = |files: &[crate::content::model::PictureFile]| {
        files
            .iter()
            .map(|f| format!("{} {}w", f.url, f.width))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut out = String::from("<picture>");
    if !picture.webp.is_empty() {
        let _ = write!(
            out,
            "<source type=\"image/webp\" srcset=\"{}\" sizes=\"{PICTURE_SIZES}\">",
            srcset(&picture.webp)
        );
    }
    if let Some(src) = picture.src() {
        let _ = write!(
            out,
            "<img src=\"{}\" srcset=\"{}\" sizes=\"{PICTURE_SIZES}\" width=\"{}\" height=\"{}\" {attrs}{} decoding=\"async\">",
            src.url,
            srcset(&picture.fallback),
            src.width,
            src.height,
            if lazy { " loading=\"lazy\"" } else { "" },
        );
    }
    out.push_str("</picture>");
    out
}

/// Rewrites the `<img>` Markdown wrote for a processed photo (its `src`
/// one of `pictures`) as a `<picture>`.
fn with_pictures(
    html: String,
    pictures: &HashMap<String, std::sync::Arc<crate::content::model::Picture>>,
) -> String {
    const OPEN: &str = "<img src=\"";
    if pictures.is_empty() || !html.contains(OPEN) {
        return html;
    }
    let mut out = String::with_capacity(html.len() + 512);
    let mut rest = html.as_str();
    while let Some(i) = rest.find(OPEN) {
        out.push_str(&rest[..i]);
        let tag = &rest[i..];
        let end = tag.find('>').map_or(tag.len(), |e| e + 1);
        let whole = &tag[..end];
        let src_end = whole[OPEN.len()..].find('"').map(|e| OPEN.len() + e);
        match src_end.and_then(|e| Some((pictures.get(&whole[OPEN.len()..e])?, e))) {
            Some((picture, e)) => {
                let attrs = whole[e + 1..]
                    .trim_end_matches('>')
                    .trim_end_matches('/')
                    .trim();
                out.push_str(&picture_html(picture, attrs, true));
            }
            None => out.push_str(whole),
        }
        rest = &tag[end..];
    }
    out.push_str(rest);
    out
}

/// What a new post holds until someone writes it (`campaign new post`
/// writes these lines, and a post that still has one is an error): kept
/// here, in one place, so that what is written and what is looked for
/// cannot drift apart.
pub(crate) const POST_PLACEHOLDERS: [&str; 2] = [
    "Viết nội dung bài ở đây: việc gì, ai thực hiện, ở đâu, khi nào.",
    "Ảnh và tệp đính kèm đặt trong thư mục",
];

/// Text left to fill in any Markdown (a post, a page, a purpose or a task
/// in `edition.yaml`): the lines of a new post, and the `CẦN ĐIỀN` mark
/// `campaign new edition` writes where the new year's text is needed.
fn placeholders() -> impl Iterator<Item = &'static str> {
    POST_PLACEHOLDERS
        .into_iter()
        .chain([crate::content::edition::PLACEHOLDER])
}

/// Something in Markdown that would be published but is most likely a
/// mistake: the rendering goes on, and the loader reports it at `offset`
/// (bytes into the Markdown) with [`Finding::diagnostic`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Finding {
    pub offset: usize,
    /// How many bytes of the Markdown it is about (to find it again in a
    /// file that holds the Markdown as a YAML value).
    pub len: usize,
    pub kind: FindingKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum FindingKind {
    /// An image without alternative text (`![](anh.jpg)`).
    NoAlt,
    /// `[text](target with spaces)`: not a link at all, shown as written.
    SpacedTarget { text: String, target: String },
    /// A link to this computer (`http://127.0.0.1:2503/…`): a preview
    /// address pasted by mistake, which leads nowhere for readers.
    LocalLink { target: String },
    /// Text left to fill in.
    Placeholder { marker: String },
}

impl Finding {
    /// The problem, in the file `display` whose text is `text`, the
    /// Markdown starting at byte `base` of it.
    pub(crate) fn diagnostic(
        &self,
        display: &std::path::Path,
        text: &str,
        base: usize,
    ) -> crate::diagnostics::Diagnostic {
        self.diagnostic_at(display, text, base + self.offset)
    }

    /// The problem, at byte `offset` of the file `display` whose text is
    /// `text` (for Markdown that is a YAML value, found in its file).
    pub(crate) fn diagnostic_at(
        &self,
        display: &std::path::Path,
        text: &str,
        offset: usize,
    ) -> crate::diagnostics::Diagnostic {
        use crate::diagnostics::Diagnostic;
        use crate::msg;
        let at = |m| Diagnostic::at_offset(display, text, offset, m);
        match &self.kind {
            FindingKind::NoAlt => at(msg!("image-without-alt"))
                .with_help(msg!("image-without-alt-help"))
                .warning(),
            FindingKind::SpacedTarget { text, target } => {
                let renamed = renamed_without_spaces(target);
                at(msg!("link-target-has-spaces", target = target.as_str()))
                    .with_help(msg!(
                        "link-target-has-spaces-help",
                        text = text.as_str(),
                        target = target.as_str(),
                        renamed = renamed
                    ))
                    .warning()
            }
            FindingKind::LocalLink { target } => {
                at(msg!("link-to-this-computer", target = target.as_str()))
                    .with_help(msg!("link-to-this-computer-help"))
                    .warning()
            }
            FindingKind::Placeholder { marker } => {
                at(msg!("placeholder-left", marker = marker.as_str()))
                    .with_help(msg!("placeholder-left-help"))
            }
        }
    }
}

/// `target` with its last part renamed as a file name without spaces
/// (`files/ke hoach.pdf` → `files/ke-hoach.pdf`).
fn renamed_without_spaces(target: &str) -> String {
    let (dir, name) = target
        .rsplit_once('/')
        .map_or(("", target), |(d, n)| (d, n));
    let (stem, ext) = match name.rsplit_once('.') {
        Some((s, e)) if !s.is_empty() && !e.contains(' ') => (s, format!(".{e}")),
        _ => (name, String::new()),
    };
    let renamed = format!("{}{ext}", crate::text::slugify(stem));
    if dir.is_empty() {
        renamed
    } else {
        format!("{dir}/{renamed}")
    }
}

/// Whether `target` is an address of this computer (`localhost`,
/// `127.0.0.1`, `[::1]`, `0.0.0.0`), where `campaign serve` previews.
pub(crate) fn is_local_address(target: &str) -> bool {
    let lower = target.trim().to_ascii_lowercase();
    let Some(rest) = ["http://", "https://", "//"]
        .iter()
        .find_map(|p| lower.strip_prefix(p))
    else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = if host.starts_with('[') {
        host.split_inclusive(']').next().unwrap_or(host)
    } else {
        host.split(':').next().unwrap_or(host)
    };
    host == "localhost"
        || host.ends_with(".localhost")
        || host == "[::1]"
        || host == "0.0.0.0"
        || (host.starts_with("127.") && host.bytes().all(|b| b.is_ascii_digit() || b == b'.'))
}

/// How far around a `](` the text and the target of a link are looked
/// for: far beyond a real link, and a bound that keeps the scan linear on
/// a post of one endless line.
const LINK_WINDOW: usize = 1024;

/// `[text](target)` written where Markdown saw plain text (the bytes in
/// `text` ranges, sorted and disjoint): a link whose target has spaces,
/// which Markdown does not take for a link.
fn spaced_targets(markdown: &str, text: &[std::ops::Range<usize>], out: &mut Vec<Finding>) {
    let is_text = |i: usize| {
        let at = text.partition_point(|r| r.end <= i);
        text.get(at).is_some_and(|r| r.contains(&i))
    };
    let bytes = markdown.as_bytes();
    let floor = |i: usize| {
        (0..=i)
            .rev()
            .find(|&j| markdown.is_char_boundary(j))
            .unwrap_or(0)
    };
    let ceil = |i: usize| {
        (i..=markdown.len())
            .find(|&j| markdown.is_char_boundary(j))
            .unwrap_or(markdown.len())
    };
    for (i, _) in markdown.match_indices("](") {
        if !is_text(i) || !is_text(i + 1) {
            continue;
        }
        let window = floor(i.saturating_sub(LINK_WINDOW));
        let line_start = markdown[window..i]
            .rfind('\n')
            .map_or(window, |n| window + n + 1);
        let Some(open) = markdown[line_start..i].rfind('[').map(|o| line_start + o) else {
            continue;
        };
        let limit = ceil((i + 2 + LINK_WINDOW).min(markdown.len()));
        let Some(close) = markdown[i + 2..limit]
            .find([')', '\n'])
            .map(|c| i + 2 + c)
            .filter(|&c| bytes[c] == b')')
        else {
            continue;
        };
        let written = &markdown[i + 2..close];
        let target = written.trim();
        if target.is_empty() || target.starts_with('<') || !target.contains(char::is_whitespace) {
            continue;
        }
        let start = if open > 0 && bytes[open - 1] == b'!' {
            open - 1
        } else {
            open
        };
        out.push(Finding {
            offset: i + 2 + (written.len() - written.trim_start().len()),
            len: close + 1 - start,
            kind: FindingKind::SpacedTarget {
                text: markdown[open + 1..i].to_owned(),
                target: target.to_owned(),
            },
        });
    }
}

/// A link that leads nowhere: byte range in the Markdown and the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BrokenLink {
    pub offset: usize,
    pub target: String,
    pub reason: crate::i18n::Message,
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
        let pictures = self.pictures.iter().map(|p| state.hash_one((2u8, p)));
        let failed = self
            .failed
            .iter()
            .map(|(k, v)| state.hash_one((3u8, k, format!("{v:?}"))));
        sources
            .chain(outputs)
            .chain(pictures)
            .chain(failed)
            .fold(0u64, u64::wrapping_add)
    }

    /// The photo of the site a link target written in `from_dir` names,
    /// when it cannot be published: what is wrong and what to do.
    pub(crate) fn failed_photo(
        &self,
        from_dir: &str,
        target: &str,
    ) -> Option<&(crate::i18n::Message, Option<crate::i18n::Message>)> {
        if self.failed.is_empty() || is_external(target) {
            return None;
        }
        let path = target.split(['#', '?']).next().unwrap_or(target);
        let decoded = crate::text::nfc(crate::text::percent_decode(path));
        let joined = match decoded.strip_prefix('/') {
            Some(rooted) => rooted.trim_start_matches('/').to_owned(),
            None => join(from_dir, &decoded)?,
        };
        self.failed.get(joined.trim_end_matches('/'))
    }

    /// Resolves a link target written in the source file `from_dir`
    /// (content-relative directory, `""` for the root). Returns the
    /// site-rooted URL to publish, or why it leads nowhere.
    pub(crate) fn resolve(
        &self,
        from_dir: &str,
        target: &str,
    ) -> Result<String, crate::i18n::Message> {
        if let Some(reason) = refused(target) {
            return Err(reason);
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
            // A photo of the site named by its original address.
            if let Some((reason, _)) = self.failed.get(clean) {
                return Err(reason.clone());
            }
            if let Some(url) = self.sources.get(clean)
                && self.pictures.contains_key(&format!("/{url}"))
            {
                return Ok(format!("/{url}{suffix}"));
            }
            return if self.outputs.contains(as_dir.as_str()) || clean.is_empty() {
                Ok(format!("/{as_dir}{suffix}"))
            } else {
                Err(crate::msg!(
                    "link-reason-not-published",
                    path = format!("/{clean}")
                ))
            };
        }
        let joined = join(from_dir, &decoded).ok_or_else(|| crate::msg!("link-reason-outside"))?;
        let key = joined.trim_end_matches('/');
        if let Some((reason, _)) = self.failed.get(key) {
            return Err(reason.clone());
        }
        if let Some(url) = self.sources.get(key) {
            return Ok(format!("/{url}{suffix}"));
        }
        Err(crate::msg!(
            "link-reason-no-file",
            file = if key.is_empty() { "." } else { key }
        ))
    }
}

/// Why a link target can never be published, whatever the site holds: a
/// path on the author's computer (`C:\\…`, `\\\\server\\…`, `file:`), which
/// would otherwise pass for a web address with the scheme `C:`, or a script
/// (`javascript:`).
pub(crate) fn refused(target: &str) -> Option<crate::i18n::Message> {
    let t = target.trim_start();
    let b = t.as_bytes();
    let drive = b.len() >= 2
        && b[0].is_ascii_alphabetic()
        && b[1] == b':'
        && (b.len() == 2 || b[2] == b'\\' || b[2] == b'/');
    let scheme = |s: &str| t.get(..s.len()).is_some_and(|p| p.eq_ignore_ascii_case(s));
    if drive || t.starts_with("\\\\") || scheme("file:") {
        Some(crate::msg!("link-reason-computer-path"))
    } else if scheme("javascript:") || scheme("vbscript:") {
        Some(crate::msg!("link-reason-script"))
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
pub(crate) type Lookup = (String, Result<String, crate::i18n::Message>);

/// Renders Markdown written in the content directory `dir`, resolving its
/// links. Returns the HTML, the links that lead nowhere, and what is most
/// likely a mistake ([`Finding`]: images without alternative text, links
/// with spaces or to this computer, text left to fill in).
pub(crate) fn render_checked(
    markdown: &str,
    dir: &str,
    links: &Links,
) -> (String, Vec<BrokenLink>, Vec<Finding>) {
    render_recording(markdown, dir, links, &mut Vec::new())
}

/// [`render_checked`], noting in `lookups` every link target it looked up.
pub(crate) fn render_recording(
    markdown: &str,
    dir: &str,
    links: &Links,
    lookups: &mut Vec<Lookup>,
) -> (String, Vec<BrokenLink>, Vec<Finding>) {
    let mut broken = Vec::new();
    let mut found = Vec::new();
    // Where Markdown saw plain text (a link it did not take for one is there).
    let mut text: Vec<std::ops::Range<usize>> = Vec::new();
    // The image being read, and whether its alt text had any letters.
    let mut image: Option<(usize, bool)> = None;
    // Inside a code block, text is shown as written, on purpose.
    let mut in_code = false;
    let events = Parser::new_ext(markdown, options())
        .into_offset_iter()
        .inspect(|(event, range)| {
            match event {
                Event::Start(Tag::CodeBlock(_)) => in_code = true,
                Event::End(TagEnd::CodeBlock) => in_code = false,
                _ => {}
            }
            if let Event::Text(_) = event
                && !in_code
            {
                match text.last_mut() {
                    Some(last) if last.end == range.start => last.end = range.end,
                    _ => text.push(range.clone()),
                }
            }
            if let Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) = event
                && is_local_address(dest_url)
            {
                let offset = markdown[range.clone()]
                    .find(dest_url.as_ref())
                    .map_or(range.start, |i| range.start + i);
                found.push(Finding {
                    offset,
                    len: dest_url.len(),
                    kind: FindingKind::LocalLink {
                        target: dest_url.to_string(),
                    },
                });
            }
            match event {
                Event::Start(Tag::Image { .. }) => image = Some((range.start, false)),
                Event::Text(t) | Event::Code(t) if !t.trim().is_empty() => {
                    if let Some((_, seen)) = &mut image {
                        *seen = true;
                    }
                }
                Event::End(TagEnd::Image) => {
                    if let Some((start, false)) = image.take() {
                        let len = range.end.saturating_sub(start);
                        found.push(Finding {
                            offset: start,
                            len,
                            kind: FindingKind::NoAlt,
                        });
                    }
                }
                _ => {}
            }
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
    let out = with_pictures(out, &links.pictures);
    spaced_targets(markdown, &text, &mut found);
    for marker in placeholders() {
        found.extend(markdown.match_indices(marker).map(|(offset, m)| Finding {
            offset,
            len: m.len(),
            kind: FindingKind::Placeholder {
                marker: m.to_owned(),
            },
        }));
    }
    found.sort_by_key(|f| f.offset);
    (out, broken, found)
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
        if before.ends_with("srcset") {
            // Every candidate of the list: `/a-480.jpg 480w, /a-960.jpg 960w`.
            let close = after.find('"').unwrap_or(after.len());
            out.push_str(root);
            out.push_str(&after[..close].replace(", /", &format!(", {root}")));
            rest = &after[close..];
            continue;
        }
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
            l.resolve("2024", "../../../etc/passwd").unwrap_err().id() == "link-reason-outside"
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
        let (_, _, found) = render_checked(md, "", &Links::default());
        let at: Vec<&str> = found
            .iter()
            .filter(|f| f.kind == FindingKind::NoAlt)
            .map(|f| &md[f.offset..f.offset + 3])
            .collect();
        assert_eq!(at, ["![]", "![ "]);
    }

    fn kinds(md: &str) -> Vec<(String, FindingKind)> {
        let (_, _, found) = render_checked(md, "2024", &links());
        found
            .into_iter()
            .map(|f| (md[f.offset..].chars().take(12).collect(), f.kind))
            .collect()
    }

    #[test]
    fn links_with_spaces_are_found_where_markdown_saw_text() {
        let md = "Xem [Kế hoạch](files/ke hoach.pdf) và ![Ảnh lễ](files/anh le.jpg).\n\n\
                  Đúng: [a](<files/kh 45.pdf>), [b](files/kh%2045.pdf \"tựa\"), `[c](d e)`.\n\n    [e](f g)\n";
        let found = kinds(md);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].0, "files/ke hoa");
        assert_eq!(
            found[0].1,
            FindingKind::SpacedTarget {
                text: "Kế hoạch".into(),
                target: "files/ke hoach.pdf".into()
            }
        );
        assert!(
            matches!(&found[1].1, FindingKind::SpacedTarget { target, .. } if target == "files/anh le.jpg")
        );
        assert_eq!(
            renamed_without_spaces("files/Kế hoạch 45.pdf"),
            "files/ke-hoach-45.pdf"
        );
    }

    #[test]
    fn links_to_this_computer_are_found() {
        for local in [
            "http://localhost:2503/2024/",
            "http://127.0.0.1:2503/",
            "https://127.0.0.1",
            "http://[::1]:2503/x",
            "http://0.0.0.0:2503/",
            "//LOCALHOST/a",
            "http://ban.localhost/",
        ] {
            assert!(is_local_address(local), "{local}");
        }
        for remote in [
            "https://molisa.gov.vn/",
            "http://127.0.0.1.example.com/",
            "/2024/",
            "localhost.md",
            "mailto:a@localhost",
        ] {
            assert!(!is_local_address(remote), "{remote}");
        }
        let found =
            kinds("Xem [bản xem thử](http://127.0.0.1:2503/2024/) và <http://localhost:2503/>.");
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].0, "http://127.0");
        assert!(matches!(found[1].1, FindingKind::LocalLink { .. }));
    }

    #[test]
    fn text_left_to_fill_is_found() {
        let md = format!(
            "{}\n\n{} 2025/files/.\n\n- CẦN ĐIỀN: mục đích\n",
            POST_PLACEHOLDERS[0], POST_PLACEHOLDERS[1]
        );
        let found = kinds(&md);
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(
            found
                .iter()
                .all(|(_, k)| matches!(k, FindingKind::Placeholder { .. }))
        );
        assert_eq!(found[2].0, "CẦN ĐIỀN: mụ");
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
    fn images_of_processed_photos_become_pictures() {
        use crate::content::model::{Picture, PictureFile};
        let file = |w: u32, ext: &str| PictureFile {
            url: format!("/2024/files/anh-0a1b2c3d-{w}.{ext}"),
            width: w,
            height: w * 3 / 4,
        };
        let mut l = links();
        l.sources.insert(
            "2024/files/anh.jpg".into(),
            "2024/files/anh-0a1b2c3d-960.jpg".into(),
        );
        l.pictures.insert(
            "/2024/files/anh-0a1b2c3d-960.jpg".into(),
            std::sync::Arc::new(Picture {
                fallback: vec![file(480, "jpg"), file(960, "jpg"), file(1600, "jpg")],
                fallback_type: "image/jpeg",
                webp: vec![file(480, "webp"), file(960, "webp"), file(1600, "webp")],
            }),
        );
        let md = "![Lễ \"lớn\"](../files/anh.jpg \"Tựa\") và ![Ngoài](https://a.vn/b.jpg)";
        let (html, broken, _) = render_checked(md, "2024/news", &l);
        assert!(broken.is_empty(), "{broken:?}");
        assert!(
            html.contains(
                "<picture><source type=\"image/webp\" srcset=\"/2024/files/anh-0a1b2c3d-480.webp 480w, /2024/files/anh-0a1b2c3d-960.webp 960w, /2024/files/anh-0a1b2c3d-1600.webp 1600w\" sizes=\""
            ),
            "{html}"
        );
        assert!(
            html.contains("<img src=\"/2024/files/anh-0a1b2c3d-960.jpg\" srcset=\"/2024/files/anh-0a1b2c3d-480.jpg 480w, "),
            "{html}"
        );
        assert!(
            html.contains("width=\"960\" height=\"720\" alt=\"Lễ &quot;lớn&quot;\" title=\"Tựa\" loading=\"lazy\" decoding=\"async\"></picture>"),
            "{html}"
        );
        assert!(
            html.contains("<img src=\"https://a.vn/b.jpg\" alt=\"Ngoài\" />"),
            "{html}"
        );
        let relative = relativize(&html, "../../");
        assert!(
            relative.contains("srcset=\"../../2024/files/anh-0a1b2c3d-480.webp 480w, ../../2024/files/anh-0a1b2c3d-960.webp 960w"),
            "{relative}"
        );
        assert!(
            !relative.contains("\"/2024") && !relative.contains(" /2024"),
            "{relative}"
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
