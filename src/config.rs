//! `site.yaml`: site-wide settings, read once and checked into a
//! [`SiteConfig`] whose fields are all valid.

use std::num::NonZeroUsize;
use std::path::Path;

use serde::Deserialize;

use crate::diagnostics::Diagnostic;
use crate::i18n::Message;
use crate::msg;
use crate::yaml::{self, tree::Seg};

/// Cài đặt chung của trang (`content/site.yaml`). Site settings as written.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "site.yaml")]
pub(crate) struct SiteFile {
    /// Tên trang (title), hiện ở đầu trang và trong thẻ `<title>`, ví dụ "Ngày Công tác xã hội Việt Nam".
    title: String,
    /// Mô tả (description): một câu giới thiệu trang, dùng cho trang chủ và bản tin RSS.
    #[serde(default)]
    description: Option<String>,
    /// Địa chỉ công khai (base_url) của trang, bắt đầu bằng https://, ví dụ "https://ctxh.example.gov.vn/".
    #[schemars(pattern(r"^\s*https?://[^/\s]\S*\s*$"))]
    base_url: String,
    /// Mã ngôn ngữ (language), mặc định `vi`.
    #[serde(default)]
    #[schemars(extend("default" = "vi"))]
    language: Option<String>,
    /// Cơ quan phát hành (organization), hiện ở chân trang và trong bản tin RSS.
    #[serde(default)]
    organization: Option<String>,
    /// Địa chỉ (address) của cơ quan phát hành, hiện ở chân trang, ví dụ "Số 1 đường ..., thành phố ...".
    #[serde(default)]
    #[schemars(length(max = MAX_TITLE_CHARS))]
    address: Option<String>,
    /// Số điện thoại (phone) liên hệ, hiện ở chân trang, ví dụ "0225 3 123 456".
    #[serde(default)]
    #[schemars(length(max = MAX_CONTACT_CHARS))]
    phone: Option<String>,
    /// Thư điện tử (email) liên hệ, hiện ở chân trang, ví dụ "lienhe@ctxh.example.gov.vn".
    #[serde(default)]
    #[schemars(length(max = MAX_CONTACT_CHARS))]
    email: Option<String>,
    /// Giao diện (theme): tên thư mục trong `themes/`, mặc định `default`.
    #[serde(default)]
    #[schemars(extend("default" = "default"))]
    theme: Option<String>,
    /// Ngày kỷ niệm hằng năm và năm tổ chức lần đầu (campaign).
    campaign: CampaignFile,
    /// Năm hiện hành (current) mà trang chủ giới thiệu; mặc định là năm mới nhất.
    #[serde(default)]
    #[schemars(range(min = 1900, max = 2999))]
    current: Option<i16>,
    /// Số tin mỗi trang (news_per_page) trong danh sách tin, mặc định 10.
    #[serde(default)]
    #[schemars(range(min = 1), extend("default" = 10))]
    news_per_page: Option<usize>,
    /// Trình đơn chính (menu): danh sách mục `{ title, url }`.
    #[serde(default)]
    menu: Vec<MenuItem>,
    /// Xử lý ảnh (images): các bề ngang, chất lượng, WebP.
    #[serde(default)]
    images: Option<ImagesFile>,
    /// Băng rôn in (banners): khổ và màu của các tệp PDF, SVG in sẵn.
    #[serde(default)]
    banners: Option<crate::banners::settings::BannersFile>,
}

/// Xử lý ảnh (images): mỗi ảnh trong `files/` được thu nhỏ về các bề ngang này, bỏ hết dữ liệu ẩn (vị trí GPS, máy chụp). How photos are processed.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
struct ImagesFile {
    /// Các bề ngang (widths) tính bằng điểm ảnh, mặc định [480, 960, 1600]; ảnh nhỏ hơn không bị phóng to.
    #[serde(default)]
    #[schemars(length(min = 1, max = MAX_IMAGE_WIDTHS), inner(range(min = MIN_IMAGE_WIDTH, max = MAX_IMAGE_WIDTH)), extend("default" = [480, 960, 1600]))]
    widths: Option<Vec<u32>>,
    /// Chất lượng (quality) JPEG và WebP, từ 30 đến 100, mặc định 80.
    #[serde(default)]
    #[schemars(range(min = MIN_IMAGE_QUALITY, max = 100), extend("default" = 80))]
    quality: Option<u8>,
    /// Có làm thêm bản WebP (webp) nhẹ hơn bên cạnh JPEG không, mặc định `true`.
    #[serde(default)]
    #[schemars(extend("default" = true))]
    webp: Option<bool>,
}

/// How the photos of `files/` are published (`images:` in `site.yaml`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ImageSettings {
    /// Sorted, without repeats, each within the bounds below.
    pub widths: Vec<u32>,
    pub quality: u8,
    pub webp: bool,
}

impl Default for ImageSettings {
    fn default() -> Self {
        ImageSettings {
            widths: vec![480, 960, 1600],
            quality: 80,
            webp: true,
        }
    }
}

/// Bounds of `images:`: a few widths (each one is a file per photo and
/// format), none too small to see nor larger than a 4K screen needs, and a
/// quality below which photos show blocks.
const MAX_IMAGE_WIDTHS: usize = 6;
const MIN_IMAGE_WIDTH: u32 = 100;
const MAX_IMAGE_WIDTH: u32 = 4000;
const MIN_IMAGE_QUALITY: u8 = 30;

/// Ngày kỷ niệm (campaign): ngày trong năm và năm tổ chức lần đầu.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
struct CampaignFile {
    /// Ngày kỷ niệm hằng năm (day), viết tháng-ngày: "03-25" là ngày 25 tháng 3.
    #[schemars(pattern(r"^\s*(0?[1-9]|1[0-2])-(0?[1-9]|[12][0-9]|3[01])\s*$"))]
    day: String,
    /// Năm tổ chức lần đầu (first_year): năm đó là lần thứ 1, ví dụ 2017.
    #[schemars(range(min = 1900, max = 2999))]
    first_year: i16,
}

/// Mục trình đơn (menu item): `url` tính từ gốc trang (`/luu-tru/`) hoặc là địa chỉ đầy đủ. An entry of the site menu.
#[derive(Debug, Clone, Hash, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MenuItem {
    /// Chữ hiện trên trình đơn (title), ví dụ "Tin tức".
    pub title: String,
    /// Địa chỉ (url): tính từ gốc trang như "/tin-tuc/", hoặc đầy đủ "https://...".
    pub url: String,
}

/// Characters of the site's `title` and `organization`, shown on every page.
const MAX_TITLE_CHARS: usize = 300;
/// Characters of the site's `phone` and `email`, in the footer of every page.
const MAX_CONTACT_CHARS: usize = 100;
/// Characters of the site's `description`, in the head of every page.
const MAX_DESCRIPTION_CHARS: usize = 1000;
/// Entries of the menu, and characters of an entry's title.
const MAX_MENU_ITEMS: usize = 20;
const MAX_MENU_TITLE_CHARS: usize = 60;

/// Checked site settings.
#[derive(Debug, Clone, Hash)]
pub struct SiteConfig {
    pub title: String,
    pub description: Option<String>,
    /// Absolute, always ending in `/` (`https://example.gov.vn/ctxh/`).
    pub base_url: String,
    pub language: String,
    pub organization: Option<String>,
    /// The publisher's contact, shown in the footer.
    pub address: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub theme: String,
    /// Month and day of the campaign day (`03-25`).
    pub day: (i8, i8),
    pub first_year: i16,
    pub current: Option<i16>,
    pub news_per_page: NonZeroUsize,
    pub menu: Vec<MenuItem>,
    pub images: ImageSettings,
    pub(crate) banners: crate::banners::BannerSettings,
}

impl SiteConfig {
    /// Parses and checks `site.yaml` (already decoded). `file` is the path
    /// shown in messages.
    pub(crate) fn parse(file: &Path, text: &str) -> Result<SiteConfig, Vec<Diagnostic>> {
        let raw: SiteFile = yaml::parse(file, text, 0, text.len()).map_err(|d| vec![d])?;
        let mut errors = Vec::new();
        // At the value written under `path` (its first line when not found).
        let at = |path: &[Seg], message: Message, help: Message| {
            let (line, column) = yaml::locate(text, path, false).unwrap_or((1, 1));
            Diagnostic::at(file, text, line, column, message).with_help(help)
        };
        let base_url = match normalise_base_url(&raw.base_url) {
            Some(url) => url,
            None => {
                errors.push(at(
                    &[Seg::Key("base_url")],
                    msg!("base-url-invalid", value = &raw.base_url),
                    msg!("base-url-invalid-help"),
                ));
                String::new()
            }
        };
        let day = parse_month_day(&raw.campaign.day).unwrap_or_else(|| {
            errors.push(at(
                &[Seg::Key("campaign"), Seg::Key("day")],
                msg!("campaign-day-invalid", value = &raw.campaign.day),
                msg!("campaign-day-invalid-help"),
            ));
            (3, 25)
        });
        if !(1900..=2999).contains(&raw.campaign.first_year) {
            errors.push(at(
                &[Seg::Key("campaign"), Seg::Key("first_year")],
                msg!("first-year-implausible", value = raw.campaign.first_year),
                msg!("first-year-implausible-help"),
            ));
        }
        let news_per_page = match raw.news_per_page {
            None => NonZeroUsize::new(10).expect("10 is not zero"),
            Some(n) => NonZeroUsize::new(n).unwrap_or_else(|| {
                errors.push(at(
                    &[Seg::Key("news_per_page")],
                    msg!("news-per-page-zero"),
                    msg!("news-per-page-zero-help"),
                ));
                NonZeroUsize::MIN
            }),
        };
        let theme = raw.theme.unwrap_or_else(|| "default".to_owned());
        if theme.is_empty() || theme.contains(['/', '\\']) || theme.starts_with('.') {
            errors.push(at(
                &[Seg::Key("theme")],
                msg!("theme-name-invalid", value = &theme),
                msg!("theme-name-invalid-help"),
            ));
        }
        // Shown on every page: bounded, so that pages grow with what they
        // show, not with every page times an absurd setting.
        for (key, value, max) in [
            ("title", Some(raw.title.as_str()), MAX_TITLE_CHARS),
            (
                "description",
                raw.description.as_deref(),
                MAX_DESCRIPTION_CHARS,
            ),
            ("organization", raw.organization.as_deref(), MAX_TITLE_CHARS),
            ("address", raw.address.as_deref(), MAX_TITLE_CHARS),
            ("phone", raw.phone.as_deref(), MAX_CONTACT_CHARS),
            ("email", raw.email.as_deref(), MAX_CONTACT_CHARS),
        ] {
            if let Some(value) = value.filter(|v| v.chars().count() > max) {
                errors.push(at(
                    &[Seg::Key(key)],
                    msg!(
                        "setting-too-long",
                        key = key,
                        chars = value.chars().count(),
                        max = max
                    ),
                    msg!("setting-too-long-help"),
                ));
            }
        }
        if raw.menu.len() > MAX_MENU_ITEMS {
            let (line, column) = yaml::locate(text, &[Seg::Key("menu")], true).unwrap_or((1, 1));
            errors.push(
                Diagnostic::at(
                    file,
                    text,
                    line,
                    column,
                    msg!(
                        "menu-too-long",
                        count = raw.menu.len(),
                        max = MAX_MENU_ITEMS
                    ),
                )
                .with_help(msg!("menu-too-long-help")),
            );
        }
        for (i, item) in raw.menu.iter().enumerate() {
            if item.title.chars().count() > MAX_MENU_TITLE_CHARS {
                errors.push(at(
                    &[Seg::Key("menu"), Seg::Index(i), Seg::Key("title")],
                    msg!(
                        "menu-title-too-long",
                        title = item.title.chars().take(40).collect::<String>(),
                        chars = item.title.chars().count(),
                        max = MAX_MENU_TITLE_CHARS
                    ),
                    msg!("menu-title-too-long-help"),
                ));
            }
        }
        for (i, item) in raw.menu.iter().enumerate() {
            if let Some(reason) = crate::markdown::refused(&item.url) {
                errors.push(at(
                    &[Seg::Key("menu"), Seg::Index(i), Seg::Key("url")],
                    msg!("menu-link-refused", url = &item.url, reason = reason),
                    msg!("menu-link-refused-help"),
                ));
            }
        }
        let images = image_settings(raw.images.as_ref(), &mut |path, message, help| {
            errors.push(at(path, message, help))
        });
        let banners = crate::banners::settings::banner_settings(
            raw.banners.as_ref(),
            &mut |path, message, help| errors.push(at(path, message, help)),
        );
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(SiteConfig {
            title: raw.title,
            description: raw.description,
            base_url,
            language: raw.language.unwrap_or_else(|| "vi".to_owned()),
            organization: raw.organization,
            address: nonempty(raw.address),
            phone: nonempty(raw.phone),
            email: nonempty(raw.email),
            theme,
            day,
            first_year: raw.campaign.first_year,
            current: raw.current,
            news_per_page,
            menu: raw.menu,
            images,
            banners,
        })
    }

    /// Replaces `base_url` (from `--base-url`); `None` if it is not absolute.
    pub(crate) fn set_base_url(&mut self, url: &str) -> Option<()> {
        self.base_url = normalise_base_url(url)?;
        Some(())
    }

    /// The ordinal of the edition held in `year` (2017 → 1).
    pub(crate) fn ordinal(&self, year: i16) -> i64 {
        i64::from(year) - i64::from(self.first_year) + 1
    }
}

/// Position (1-based line and column) where the first key `key:` is
/// written in the YAML `text`, at any depth (never in a comment or a
/// quoted text), or 1:1.
pub(crate) fn key_position(text: &str, key: &str) -> (usize, usize) {
    yaml::key_position(text, key).unwrap_or((1, 1))
}

/// `url` as a base URL (absolute http(s), ending in `/`), or `None`.
pub(crate) fn normalise_base_url(url: &str) -> Option<String> {
    let url = url.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    if rest.is_empty() || rest.starts_with('/') || rest.contains(char::is_whitespace) {
        return None;
    }
    Some(if url.ends_with('/') {
        url.to_owned()
    } else {
        format!("{url}/")
    })
}

/// The path part of a base URL: `/` for `https://a.vn/`, `/ctxh/` for
/// `https://a.vn/ctxh/`. Links from a page that may be served at any
/// depth (the 404 page) start with it.
pub(crate) fn root_path(base_url: &str) -> &str {
    let after_scheme = base_url.find("://").map_or(0, |i| i + 3);
    base_url[after_scheme..]
        .find('/')
        .map_or("/", |i| &base_url[after_scheme + i..])
}

/// A text as written, trimmed, unless it is empty.
pub(crate) fn nonempty(text: Option<String>) -> Option<String> {
    text.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty())
}

/// The checked `images:` settings; each value out of bounds is reported
/// through `error` (at its path, with what to write instead).
fn image_settings(
    raw: Option<&ImagesFile>,
    error: &mut dyn FnMut(&[Seg], Message, Message),
) -> ImageSettings {
    let mut out = ImageSettings::default();
    let Some(raw) = raw else {
        return out;
    };
    if let Some(widths) = &raw.widths {
        if widths.is_empty() || widths.len() > MAX_IMAGE_WIDTHS {
            error(
                &[Seg::Key("images"), Seg::Key("widths")],
                msg!(
                    "image-widths-count",
                    count = widths.len(),
                    max = MAX_IMAGE_WIDTHS
                ),
                msg!("image-widths-count-help", max = MAX_IMAGE_WIDTHS),
            );
        }
        for (i, w) in widths.iter().enumerate() {
            if !(MIN_IMAGE_WIDTH..=MAX_IMAGE_WIDTH).contains(w) {
                error(
                    &[Seg::Key("images"), Seg::Key("widths"), Seg::Index(i)],
                    msg!(
                        "image-width-out-of-range",
                        width = *w,
                        min = MIN_IMAGE_WIDTH,
                        max = MAX_IMAGE_WIDTH
                    ),
                    msg!("image-width-out-of-range-help"),
                );
            }
        }
        let mut sorted = widths.clone();
        sorted.sort_unstable();
        sorted.dedup();
        if !sorted.is_empty() {
            out.widths = sorted;
        }
    }
    if let Some(q) = raw.quality {
        if !(MIN_IMAGE_QUALITY..=100).contains(&q) {
            error(
                &[Seg::Key("images"), Seg::Key("quality")],
                msg!(
                    "image-quality-out-of-range",
                    value = q,
                    min = MIN_IMAGE_QUALITY
                ),
                msg!("image-quality-out-of-range-help"),
            );
        }
        out.quality = q;
    }
    if let Some(webp) = raw.webp {
        out.webp = webp;
    }
    out
}

fn parse_month_day(text: &str) -> Option<(i8, i8)> {
    let (m, d) = text.trim().split_once('-')?;
    let (m, d): (i8, i8) = (m.parse().ok()?, d.parse().ok()?);
    // 2024 is a leap year: accepts 02-29 but not 02-30.
    jiff::civil::Date::new(2024, m, d).ok()?;
    Some((m, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str =
        "title: T\nbase_url: https://a.vn/sub\ncampaign: { day: \"03-25\", first_year: 2017 }\n";

    #[test]
    fn root_paths_of_base_urls() {
        assert_eq!(root_path("https://ctxh.example.gov.vn/"), "/");
        assert_eq!(
            root_path("https://a.vn/ctxh/ngay-25-3/"),
            "/ctxh/ngay-25-3/"
        );
        assert_eq!(root_path("http://127.0.0.1:2503/"), "/");
    }

    #[test]
    fn defaults_and_normalisation() {
        let c = SiteConfig::parse(Path::new("site.yaml"), GOOD).unwrap();
        assert_eq!(c.base_url, "https://a.vn/sub/");
        assert_eq!(c.language, "vi");
        assert_eq!(c.theme, "default");
        assert_eq!(c.news_per_page.get(), 10);
        assert_eq!(c.day, (3, 25));
        assert_eq!(c.ordinal(2024), 8);
    }

    #[test]
    fn contact_keys_are_optional_trimmed_and_bounded() {
        let c = SiteConfig::parse(Path::new("site.yaml"), GOOD).unwrap();
        assert_eq!((c.address, c.phone, c.email), (None, None, None));
        let text =
            format!("{GOOD}address: \" Số 1, Hải Phòng \"\nphone: \"\"\nemail: \"a@b.vn\"\n");
        let c = SiteConfig::parse(Path::new("site.yaml"), &text).unwrap();
        assert_eq!(c.address.as_deref(), Some("Số 1, Hải Phòng"));
        assert_eq!(c.phone, None);
        assert_eq!(c.email.as_deref(), Some("a@b.vn"));
        let long = format!("{GOOD}phone: \"{}\"\n", "1".repeat(MAX_CONTACT_CHARS + 1));
        let errs = SiteConfig::parse(Path::new("site.yaml"), &long).unwrap_err();
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].line, 4);
    }

    #[test]
    fn bad_values_point_at_their_line() {
        let text = GOOD
            .replace("https://a.vn/sub", "a.vn")
            .replace("03-25", "13-40");
        let errs = SiteConfig::parse(Path::new("site.yaml"), &text).unwrap_err();
        assert_eq!(errs.len(), 2);
        assert_eq!(errs[0].line, 2);
        assert_eq!(errs[1].line, 3);
    }
}
