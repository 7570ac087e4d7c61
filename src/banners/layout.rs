//! Laying text out in boxes: the largest size at which a text fits its box
//! in a given number of lines, broken between words, never cut; then the
//! SVG that draws it, turned into outlines by usvg with our font only.
//!
//! Words are measured once, at a reference size, by usvg itself (the same
//! shaping that draws them), and widths scale with the size; so fitting is
//! arithmetic, not a loop of layouts.

use std::fmt::Write as _;

use resvg::usvg::{self, Node, Options, Tree};

use super::font;

/// The size words are measured at.
const REFERENCE: f32 = 100.0;
/// Distance between baselines, in font sizes; a block of `n` lines is
/// `n * PITCH + SLACK` sizes tall, room for Vietnamese stacked marks (Ấ, Ỗ)
/// above the first line and descenders below the last.
const PITCH: f32 = 1.3;
const SLACK: f32 = 0.2;
/// Where the baseline sits below the middle of its line, in sizes (half
/// the cap height of Noto Sans).
const BASELINE: f32 = 0.36;
/// Widths are measured word by word; kerning across a space can make a
/// line a little wider than the sum.
const SAFETY: f32 = 1.02;

/// A box to set one text in, centred.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Frame {
    /// Centre of the box.
    pub(crate) cx: f32,
    pub(crate) cy: f32,
    pub(crate) width: f32,
    pub(crate) height: f32,
    pub(crate) max_size: f32,
    pub(crate) min_size: f32,
    pub(crate) max_lines: usize,
}

/// A text fitted in its frame.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Fitted {
    pub(crate) size: f32,
    pub(crate) lines: Vec<String>,
}

/// The words of a text with their widths at [`REFERENCE`] size.
struct Measured {
    words: Vec<(String, f32)>,
    space: f32,
}

fn options() -> Options<'static> {
    Options {
        fontdb: font::database(),
        font_family: font::FAMILY.to_owned(),
        ..Options::default()
    }
}

/// Escapes text for an XML text node or attribute.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// Measures every word of `text` (and a space) in one usvg layout.
fn measure(text: &str) -> Measured {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut svg =
        String::from(r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">"#);
    let mut texts: Vec<&str> = vec!["x x", "xx"];
    texts.extend(&words);
    for (i, t) in texts.iter().enumerate() {
        let _ = write!(
            svg,
            r#"<text id="w{i}" x="0" y="{y}" font-family="{}" font-weight="700" font-size="{REFERENCE}">{}</text>"#,
            font::FAMILY,
            escape(t),
            y = (i + 1) * 200,
        );
    }
    svg.push_str("</svg>");
    let widths: Vec<f32> = match Tree::from_str(&svg, &options()) {
        Ok(tree) => tree
            .root()
            .children()
            .iter()
            .filter_map(|n| match n {
                Node::Text(t) => Some(t.bounding_box().width()),
                _ => None,
            })
            .collect(),
        Err(_) => Vec::new(),
    };
    // usvg leaves no node for a text it could not shape: then every word
    // counts as wide as the widest character could be, so nothing is cut.
    let width_of = |i: usize, t: &str| {
        widths
            .get(i)
            .copied()
            .unwrap_or(t.chars().count() as f32 * REFERENCE)
    };
    let space = if widths.len() == texts.len() {
        (widths[0] - widths[1]).max(0.0)
    } else {
        REFERENCE * 0.3
    };
    Measured {
        words: words
            .iter()
            .enumerate()
            .map(|(i, w)| ((*w).to_owned(), width_of(i + 2, w)))
            .collect(),
        space,
    }
}

impl Measured {
    fn line_width(&self, words: &[(String, f32)], size: f32) -> f32 {
        let sum: f32 = words.iter().map(|w| w.1).sum();
        let gaps = words.len().saturating_sub(1) as f32 * self.space;
        (sum + gaps) * size / REFERENCE * SAFETY
    }

    /// The words broken greedily into lines of at most `width` at `size`,
    /// or `None` if one word alone is wider.
    fn wrap(&self, size: f32, width: f32) -> Option<Vec<Vec<(String, f32)>>> {
        let mut lines: Vec<Vec<(String, f32)>> = Vec::new();
        let mut line: Vec<(String, f32)> = Vec::new();
        for w in &self.words {
            line.push(w.clone());
            if self.line_width(&line, size) > width {
                let last = line.pop()?;
                if line.is_empty() {
                    return None;
                }
                lines.push(std::mem::take(&mut line));
                line.push(last);
                if self.line_width(&line, size) > width {
                    return None;
                }
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        Some(lines)
    }

    fn fits(&self, size: f32, frame: &Frame) -> Option<Vec<Vec<(String, f32)>>> {
        let lines = self.wrap(size, frame.width)?;
        let tall = (lines.len() as f32 * PITCH + SLACK) * size;
        (lines.len() <= frame.max_lines && tall <= frame.height).then_some(lines)
    }
}

/// The largest size, between the frame's bounds, at which `text` fits in
/// at most `max_lines` lines; `None` if it does not fit even at the
/// smallest. Two lines are balanced (the break that makes the longer line
/// shortest), so a slogan does not leave one word alone below.
pub(crate) fn fit(text: &str, frame: &Frame) -> Option<Fitted> {
    let m = measure(text);
    if m.words.is_empty() {
        return None;
    }
    let mut lines = m.fits(frame.min_size, frame)?;
    let mut size = frame.min_size;
    if let Some(l) = m.fits(frame.max_size, frame) {
        (size, lines) = (frame.max_size, l);
    } else {
        let (mut lo, mut hi) = (frame.min_size, frame.max_size);
        while hi - lo > frame.min_size * 0.005 {
            let mid = (lo + hi) / 2.0;
            match m.fits(mid, frame) {
                Some(l) => (lo, lines, size) = (mid, l, mid),
                None => hi = mid,
            }
        }
    }
    if lines.len() == 2 {
        let all: Vec<(String, f32)> = lines.concat();
        let best = (1..all.len())
            .map(|i| {
                let wide = m
                    .line_width(&all[..i], size)
                    .max(m.line_width(&all[i..], size));
                (wide, i)
            })
            .min_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((wide, i)) = best
            && wide <= frame.width
        {
            lines = vec![all[..i].to_vec(), all[i..].to_vec()];
        }
    }
    Some(Fitted {
        size,
        lines: lines
            .iter()
            .map(|l| l.iter().map(|w| w.0.as_str()).collect::<Vec<_>>().join(" "))
            .collect(),
    })
}

/// Like [`fit`], but a text too long even at the smallest size loses words
/// from its end (an ellipsis marks the cut): for share images, where the
/// page itself carries the full title.
pub(crate) fn fit_or_shorten(text: &str, frame: &Frame) -> Option<Fitted> {
    let mut words: Vec<&str> = text.split_whitespace().collect();
    loop {
        let candidate = if words.len() == text.split_whitespace().count() {
            words.join(" ")
        } else {
            format!("{}…", words.join(" "))
        };
        if let Some(f) = fit(&candidate, frame) {
            return Some(f);
        }
        words.pop();
        if words.is_empty() {
            return None;
        }
    }
}

/// Appends the `<text>` elements drawing `fitted` centred in `frame`.
pub(crate) fn draw(svg: &mut String, fitted: &Fitted, frame: &Frame, fill: &str) {
    let n = fitted.lines.len() as f32;
    for (i, line) in fitted.lines.iter().enumerate() {
        let middle = frame.cy + (i as f32 - (n - 1.0) / 2.0) * PITCH * fitted.size;
        let _ = write!(
            svg,
            r#"<text x="{:.2}" y="{:.2}" font-family="{}" font-weight="700" font-size="{:.2}" fill="{fill}" text-anchor="middle">{}</text>"#,
            frame.cx,
            middle + BASELINE * fitted.size,
            font::FAMILY,
            fitted.size,
            escape(line),
        );
    }
}

/// The tree of an SVG we wrote, laid out with our font only.
pub(crate) fn tree(svg: &str) -> Option<Tree> {
    Tree::from_str(svg, &options()).ok()
}

/// The SVG of `tree` with every text turned into paths: a file that needs
/// no font to show the same.
pub(crate) fn outlines(tree: &Tree) -> String {
    tree.to_string(&usvg::WriteOptions {
        preserve_text: false,
        ..usvg::WriteOptions::default()
    })
}
