//! What a banner and a share image look like: where each text goes, how
//! large it may be, in the theme's colours. Each design is an SVG source
//! with `<text>`, which [`super::render`] turns into outlines.

use std::fmt::Write as _;

use super::layout::{self, Fitted, Frame};

/// A print-ready banner: the slogan as large as fits on at most two lines,
/// the edition line below it.
#[derive(Debug, Clone, Hash)]
pub(crate) struct Banner {
    pub(crate) width_mm: u32,
    pub(crate) height_mm: u32,
    pub(crate) background: String,
    pub(crate) color: String,
    pub(crate) slogan: String,
    /// "Kỷ niệm Ngày Công tác xã hội Việt Nam lần thứ 8 · 25/3/2024".
    pub(crate) edition_line: String,
}

/// The smallest slogan a banner shows, as a part of its height: smaller
/// letters cannot be read from where a banner is hung.
pub(crate) const MIN_SLOGAN_PART: f32 = 1.0 / 20.0;

impl Banner {
    /// The smallest slogan size, in millimetres.
    pub(crate) fn min_size_mm(&self) -> f32 {
        self.height_mm as f32 * MIN_SLOGAN_PART
    }

    /// The slogan's frame, the edition line's and the rule's top.
    fn frames(&self) -> (Frame, Frame, f32) {
        let (w, h) = (self.width_mm as f32, self.height_mm as f32);
        let margin = 0.06 * w.min(h);
        let line_band = 0.16 * h;
        let inner_w = w - 2.0 * margin;
        let slogan = Frame {
            cx: w / 2.0,
            cy: margin + (h - 2.0 * margin - line_band) / 2.0,
            width: inner_w,
            height: h - 2.0 * margin - line_band,
            max_size: h * 0.4,
            min_size: self.min_size_mm(),
            max_lines: 2,
        };
        let line = Frame {
            cx: w / 2.0,
            cy: h - margin - line_band * 0.45,
            width: inner_w,
            height: line_band * 0.9,
            max_size: h * 0.07,
            min_size: h * 0.01,
            max_lines: 1,
        };
        (slogan, line, h - margin - line_band)
    }

    /// The slogan as fitted: its size and lines.
    pub(crate) fn fitted(&self) -> Option<Fitted> {
        layout::fit(&self.slogan, &self.frames().0)
    }

    /// The SVG source, or `None` when the slogan does not fit even at the
    /// smallest size.
    pub(crate) fn svg(&self) -> Option<String> {
        let (w, h) = (self.width_mm as f32, self.height_mm as f32);
        let (slogan, line, rule) = self.frames();
        let fitted = self.fitted()?;
        let edition = layout::fit_or_shorten(&self.edition_line, &line);
        let mut svg = open(w, h, "mm", &self.background);
        layout::draw(&mut svg, &fitted, &slogan, &self.color);
        // A rule between the slogan and the edition line.
        let _ = write!(
            svg,
            r#"<rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" fill="{}"/>"#,
            w * 0.35,
            rule,
            w * 0.3,
            (h * 0.006).max(0.5),
            self.color
        );
        if let Some(e) = &edition {
            layout::draw(&mut svg, e, &line, &self.color);
        }
        svg.push_str("</svg>");
        Some(svg)
    }
}

/// A share image (1200 × 630, what Facebook and Zalo show): the title of
/// the page as large as fits, the site and year above, the theme below.
#[derive(Debug, Clone, Hash)]
pub(crate) struct Share {
    pub(crate) background: String,
    pub(crate) color: String,
    /// "Ngày Công tác xã hội Việt Nam 2024".
    pub(crate) top: String,
    /// The post's title, or the edition's theme.
    pub(crate) title: String,
    /// The theme under a post's title, the edition line under a theme.
    pub(crate) bottom: String,
}

pub(crate) const SHARE_WIDTH: u32 = 1200;
pub(crate) const SHARE_HEIGHT: u32 = 630;

impl Share {
    pub(crate) fn svg(&self) -> String {
        let (w, h) = (SHARE_WIDTH as f32, SHARE_HEIGHT as f32);
        let frame = |cy: f32, height: f32, max: f32, min: f32, lines: usize| Frame {
            cx: w / 2.0,
            cy,
            width: w - 120.0,
            height,
            max_size: max,
            min_size: min,
            max_lines: lines,
        };
        let top = frame(85.0, 70.0, 40.0, 16.0, 1);
        let title = frame(315.0, 330.0, 88.0, 30.0, 4);
        let bottom = frame(545.0, 90.0, 32.0, 14.0, 2);
        let mut svg = open(w, h, "", &self.background);
        for (text, f) in [
            (&self.top, &top),
            (&self.title, &title),
            (&self.bottom, &bottom),
        ] {
            if let Some(fitted) = layout::fit_or_shorten(text, f) {
                layout::draw(&mut svg, &fitted, f, &self.color);
            }
        }
        let _ = write!(
            svg,
            r#"<rect x="540" y="140" width="120" height="5" fill="{}"/><rect x="540" y="488" width="120" height="5" fill="{}"/>"#,
            self.color, self.color
        );
        svg.push_str("</svg>");
        svg
    }
}

/// An SVG of `w` × `h` user units shown at `w` × `h` `unit`s, filled.
fn open(w: f32, h: f32, unit: &str, background: &str) -> String {
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}{unit}" height="{h}{unit}" viewBox="0 0 {w} {h}"><rect width="{w}" height="{h}" fill="{background}"/>"#
    )
}
