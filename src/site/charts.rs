//! Charts as static SVG, drawn at build time.
//!
//! Hand-written rather than a chart crate: a bar chart of a few groups is
//! under 2 kB of SVG here, with no script, no font and no style of its own
//! (the theme's CSS colours it through classes), and it is accessible the
//! way the page needs: `role="img"` named by its `<title>` and described by
//! a `<desc>` that says every figure in words, with the same figures in a
//! table beside it. charts-rs draws a similar bar chart in about 10 kB,
//! with inline fonts and styles and no text alternative.
//!
//! Labels go above their bars, so long unit names are never cut.

use std::fmt::Write;

use crate::markdown::escape_attr as escape;

/// Width of the drawing, in its own units (it scales to its container).
const WIDTH: u32 = 640;
/// Height of one bar and its label.
const ROW: u32 = 44;
/// Room for the figure after the longest bar.
const VALUE_ROOM: u32 = 170;

/// One bar: its label, and one or two parts (stacked).
pub(super) struct Bar {
    pub(super) label: String,
    pub(super) parts: Vec<u64>,
    /// The figure written after the bar.
    pub(super) shown: String,
}

/// A horizontal bar chart. `legend` names the parts when there are two.
pub(super) fn bars(id: &str, title: &str, desc: &str, items: &[Bar], legend: &[&str]) -> String {
    let max = items
        .iter()
        .map(|b| b.parts.iter().sum::<u64>())
        .max()
        .unwrap_or(0)
        .max(1);
    let legend_height = if legend.len() > 1 { 28 } else { 0 };
    let height = legend_height + ROW * items.len().max(1) as u32 + 4;
    let span = u64::from(WIDTH - VALUE_ROOM);
    let mut svg = String::with_capacity(512 + items.len() * 256);
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\"><title id=\"{id}-t\">{}</title><desc id=\"{id}-d\">{}</desc>",
        escape(title),
        escape(desc)
    );
    if legend.len() > 1 {
        let mut x = 0;
        for (i, name) in legend.iter().enumerate() {
            let _ = write!(
                svg,
                "<rect class=\"chart-part-{i}\" x=\"{x}\" y=\"4\" width=\"14\" height=\"14\"/><text class=\"chart-label\" x=\"{}\" y=\"16\">{}</text>",
                x + 20,
                escape(name)
            );
            x += 20 + 9 * name.chars().count() as u32 + 24;
        }
    }
    for (row, bar) in items.iter().enumerate() {
        let y = legend_height + ROW * row as u32;
        let _ = write!(
            svg,
            "<text class=\"chart-label\" x=\"0\" y=\"{}\">{}</text>",
            y + 15,
            escape(&bar.label)
        );
        let mut x = 0u64;
        for (i, part) in bar.parts.iter().enumerate() {
            let w = part * span / max;
            if w > 0 {
                let _ = write!(
                    svg,
                    "<rect class=\"chart-part-{i}\" x=\"{x}\" y=\"{}\" width=\"{w}\" height=\"16\"/>",
                    y + 21
                );
            }
            x += w;
        }
        let _ = write!(
            svg,
            "<text class=\"chart-value\" x=\"{}\" y=\"{}\">{}</text>",
            x + 6,
            y + 34,
            escape(&bar.shown)
        );
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(label: &str, parts: &[u64]) -> Bar {
        Bar {
            label: label.to_owned(),
            parts: parts.to_vec(),
            shown: parts.iter().sum::<u64>().to_string(),
        }
    }

    #[test]
    fn a_chart_is_named_described_and_scaled_to_its_largest_bar() {
        let svg = bars(
            "c",
            "Số người <tham gia>",
            "A: 10; B: 5",
            &[bar("A & co", &[10]), bar("B", &[5])],
            &[],
        );
        assert!(svg.contains("role=\"img\" aria-labelledby=\"c-t c-d\""));
        assert!(svg.contains("<title id=\"c-t\">Số người &lt;tham gia&gt;</title>"));
        assert!(svg.contains("<desc id=\"c-d\">A: 10; B: 5</desc>"));
        assert!(svg.contains("A &amp; co"));
        let full = WIDTH - VALUE_ROOM;
        assert!(svg.contains(&format!("width=\"{full}\"")), "{svg}");
        assert!(svg.contains(&format!("width=\"{}\"", full / 2)), "{svg}");
        // The parsed drawing is well-formed XML.
        roxmltree::Document::parse(&svg).expect("well-formed SVG");
    }

    #[test]
    fn stacked_parts_follow_each_other_and_zeroes_draw_nothing() {
        let svg = bars(
            "s",
            "t",
            "d",
            &[bar("A", &[3, 1]), bar("B", &[0, 0])],
            &["x", "y"],
        );
        let full = u64::from(WIDTH - VALUE_ROOM);
        assert!(svg.contains(&format!("x=\"{}\"", full * 3 / 4)), "{svg}");
        assert_eq!(
            svg.matches("<rect class=\"chart-part-").count(),
            2 + 2,
            "{svg}"
        );
        roxmltree::Document::parse(&svg).expect("well-formed SVG");
    }
}
