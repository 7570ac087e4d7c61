//! What in Markdown is published but is most likely a mistake: images
//! without alternative text, links with spaces or to this computer, text
//! left to fill in.

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
pub(super) fn placeholders() -> impl Iterator<Item = &'static str> {
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
pub(super) fn renamed_without_spaces(target: &str) -> String {
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
pub(super) fn spaced_targets(
    markdown: &str,
    text: &[std::ops::Range<usize>],
    out: &mut Vec<Finding>,
) {
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
