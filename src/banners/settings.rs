//! `banners:` in `site.yaml`: the sizes print-ready banners are made at and
//! their colours. Every value is checked here, at its YAML position, so the
//! renderer only ever sees sizes a print shop can make.

use serde::Deserialize;

use crate::i18n::Message;
use crate::msg;
use crate::yaml::tree::Seg;

/// Băng rôn in (banners): khổ và màu của các tệp in sẵn cho mỗi khẩu hiệu. Print-ready banners.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct BannersFile {
    /// Các khổ in (sizes), mặc định băng rôn 0,8 × 6 m, pano 1,2 × 2,4 m và A3 ngang.
    #[serde(default)]
    #[schemars(length(min = 1, max = MAX_SIZES))]
    sizes: Option<Vec<SizeFile>>,
    /// Màu nền (background), dạng "#rrggbb", mặc định đỏ "#c20e2c" như giao diện.
    #[serde(default)]
    #[schemars(pattern(r"^#[0-9a-fA-F]{6}$"))]
    background: Option<String>,
    /// Màu chữ (color), dạng "#rrggbb", mặc định vàng "#ffde00".
    #[serde(default)]
    #[schemars(pattern(r"^#[0-9a-fA-F]{6}$"))]
    color: Option<String>,
}

/// Một khổ in: tên (name), chiều cao (height) và chiều dài (width) tính bằng mét.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
struct SizeFile {
    /// Tên khổ (name), ví dụ "Băng rôn"; tên tệp được lấy từ tên này.
    #[schemars(length(min = 1, max = 40))]
    name: String,
    /// Chiều cao (height) tính bằng mét, ví dụ 0.8.
    #[schemars(range(min = MIN_METRES, max = MAX_METRES))]
    height: f64,
    /// Chiều dài (width) tính bằng mét, ví dụ 6.
    #[schemars(range(min = MIN_METRES, max = MAX_METRES))]
    width: f64,
}

/// At most this many sizes: each one is a PDF and an SVG per slogan.
const MAX_SIZES: usize = 8;
/// A side below 5 cm is no banner; above 30 m no print shop makes one
/// piece (and a PDF page that large is past what viewers open).
const MIN_METRES: f64 = 0.05;
const MAX_METRES: f64 = 30.0;

/// One checked size.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct BannerSize {
    pub(crate) name: String,
    /// The part of file names that names the size (`bang-ron`).
    pub(crate) slug: String,
    /// In millimetres, whole (what the files are laid out in).
    pub(crate) width_mm: u32,
    pub(crate) height_mm: u32,
}

impl BannerSize {
    fn new(name: &str, height_mm: u32, width_mm: u32) -> BannerSize {
        BannerSize {
            name: name.to_owned(),
            slug: crate::text::slugify(name),
            width_mm,
            height_mm,
        }
    }

    /// "0,8 × 6 m" or "29,7 × 42 cm": height first, as Vietnamese print
    /// orders name them.
    pub(crate) fn label(&self) -> String {
        let (h, w) = (self.height_mm, self.width_mm);
        let (unit, div) = if h.max(w) >= 1000 {
            ("m", 1000.0)
        } else {
            ("cm", 10.0)
        };
        let show = |v: u32| {
            let s = format!("{}", f64::from(v) / div);
            s.replace('.', ",")
        };
        format!("{} × {} {unit}", show(h), show(w))
    }
}

/// The checked `banners:` settings.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct BannerSettings {
    pub(crate) sizes: Vec<BannerSize>,
    /// `#rrggbb`, lower case.
    pub(crate) background: String,
    pub(crate) color: String,
}

impl std::hash::Hash for BannerSettings {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        for s in &self.sizes {
            (&s.name, s.width_mm, s.height_mm).hash(h);
        }
        (&self.background, &self.color).hash(h);
    }
}

impl Default for BannerSettings {
    fn default() -> Self {
        BannerSettings {
            sizes: vec![
                BannerSize::new("Băng rôn", 800, 6000),
                BannerSize::new("Pano", 1200, 2400),
                BannerSize::new("A3 ngang", 297, 420),
            ],
            background: "#c20e2c".to_owned(),
            color: "#ffde00".to_owned(),
        }
    }
}

/// The checked settings; each value out of bounds is reported through
/// `error` at its path, and the defaults stand in for it.
pub(crate) fn banner_settings(
    raw: Option<&BannersFile>,
    error: &mut dyn FnMut(&[Seg], Message, Message),
) -> BannerSettings {
    let mut out = BannerSettings::default();
    let Some(raw) = raw else {
        return out;
    };
    for (key, value, slot) in [
        ("background", &raw.background, &mut out.background),
        ("color", &raw.color, &mut out.color),
    ] {
        let Some(v) = value else { continue };
        let v = v.trim();
        let hex =
            v.len() == 7 && v.starts_with('#') && v[1..].chars().all(|c| c.is_ascii_hexdigit());
        if hex {
            *slot = v.to_ascii_lowercase();
        } else {
            error(
                &[Seg::Key("banners"), Seg::Key(key)],
                msg!("banner-colour-invalid", key = key, value = v),
                msg!("banner-colour-invalid-help"),
            );
        }
    }
    let Some(sizes) = &raw.sizes else {
        return out;
    };
    if sizes.is_empty() || sizes.len() > MAX_SIZES {
        error(
            &[Seg::Key("banners"), Seg::Key("sizes")],
            msg!("banner-sizes-count", count = sizes.len(), max = MAX_SIZES),
            msg!("banner-sizes-count-help", max = MAX_SIZES),
        );
        return out;
    }
    let mut checked = Vec::new();
    for (i, s) in sizes.iter().enumerate() {
        let mut ok = true;
        for (key, metres) in [("height", s.height), ("width", s.width)] {
            if !(MIN_METRES..=MAX_METRES).contains(&metres) {
                ok = false;
                error(
                    &[
                        Seg::Key("banners"),
                        Seg::Key("sizes"),
                        Seg::Index(i),
                        Seg::Key(key),
                    ],
                    msg!(
                        "banner-size-out-of-range",
                        name = s.name.as_str(),
                        key = key,
                        value = metres.to_string(),
                        min = MIN_METRES.to_string(),
                        max = MAX_METRES.to_string()
                    ),
                    msg!("banner-size-out-of-range-help"),
                );
            }
        }
        let size = BannerSize::new(
            &s.name,
            (s.height * 1000.0).round() as u32,
            (s.width * 1000.0).round() as u32,
        );
        if size.slug.is_empty() || checked.iter().any(|c: &BannerSize| c.slug == size.slug) {
            ok = false;
            error(
                &[
                    Seg::Key("banners"),
                    Seg::Key("sizes"),
                    Seg::Index(i),
                    Seg::Key("name"),
                ],
                msg!("banner-size-name-taken", name = s.name.as_str()),
                msg!("banner-size-name-taken-help"),
            );
        }
        if ok {
            checked.push(size);
        }
    }
    out.sizes = checked;
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_name_height_then_width() {
        let d = BannerSettings::default();
        let labels: Vec<String> = d.sizes.iter().map(BannerSize::label).collect();
        assert_eq!(labels, ["0,8 × 6 m", "1,2 × 2,4 m", "29,7 × 42 cm"]);
        assert_eq!(d.sizes[0].slug, "bang-ron");
    }
}
