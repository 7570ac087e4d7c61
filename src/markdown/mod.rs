//! Markdown to HTML, with links written the way authors write them.
//!
//! Authors link to source files relative to the file they are editing
//! (`../files/kh-45.pdf`, `../../2023/news/ke-hoach.md`) or to published
//! pages from the site root (`/2023/tin-tuc/ke-hoach/`). Both become
//! site-rooted URLs here (`/2023/files/kh-45.pdf`); [`relativize`] later
//! turns them into links relative to the page they appear on, so the output
//! works at any address. A link to nothing is a problem reported with its
//! position, never a broken link published.

use pulldown_cmark::{CowStr, Event, LinkType, Options, Parser, Tag, TagEnd, html};

mod findings;
mod links;
mod pictures;
mod tables;
pub(crate) use tables::strip_tags;

pub(crate) use findings::{Finding, FindingKind, POST_PLACEHOLDERS};
use findings::{is_local_address, placeholders, spaced_targets};
pub(crate) use links::{BrokenLink, Links, is_external, join, refused};
use pictures::with_pictures;
pub(crate) use pictures::{escape_attr, first_eager, picture_html, picture_html_sized};
use tables::wrap_tables;

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
    let out = wrap_tables(with_pictures(out, &links.pictures));
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
mod tests;
