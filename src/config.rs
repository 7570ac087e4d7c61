//! `site.yaml`: site-wide settings, read once and checked into a
//! [`SiteConfig`] whose fields are all valid.

use std::num::NonZeroUsize;
use std::path::Path;

use serde::Deserialize;

use crate::diagnostics::Diagnostic;
use crate::yaml;

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
}

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
}

impl SiteConfig {
    /// Parses and checks `site.yaml` (already decoded). `file` is the path
    /// shown in messages.
    pub(crate) fn parse(file: &Path, text: &str) -> Result<SiteConfig, Vec<Diagnostic>> {
        let raw: SiteFile = yaml::parse(file, text, 0, text.len()).map_err(|d| vec![d])?;
        let mut errors = Vec::new();
        let at_key = |key: &str, message: String, help: &str| {
            let (line, column) = key_position(text, key);
            Diagnostic::at(file, text, line, column, message).with_help(help)
        };
        let base_url = match normalise_base_url(&raw.base_url) {
            Some(url) => url,
            None => {
                errors.push(at_key(
                    "base_url",
                    format!("`{}` is not an absolute web address", raw.base_url),
                    "write the address the site will have, e.g. https://ctxh.example.gov.vn/",
                ));
                String::new()
            }
        };
        let day = parse_month_day(&raw.campaign.day).unwrap_or_else(|| {
            errors.push(at_key(
                "day",
                format!("`{}` is not a month and day", raw.campaign.day),
                "write it as month-day, e.g. \"03-25\" for 25 March",
            ));
            (3, 25)
        });
        if !(1900..=2999).contains(&raw.campaign.first_year) {
            errors.push(at_key(
                "first_year",
                format!(
                    "`{}` is not a plausible first year",
                    raw.campaign.first_year
                ),
                "write the year of the first edition, e.g. 2017",
            ));
        }
        let news_per_page = match raw.news_per_page {
            None => NonZeroUsize::new(10).expect("10 is not zero"),
            Some(n) => NonZeroUsize::new(n).unwrap_or_else(|| {
                errors.push(at_key(
                    "news_per_page",
                    "`news_per_page` must be at least 1".to_owned(),
                    "write a number such as 10",
                ));
                NonZeroUsize::MIN
            }),
        };
        let theme = raw.theme.unwrap_or_else(|| "default".to_owned());
        if theme.is_empty() || theme.contains(['/', '\\']) || theme.starts_with('.') {
            errors.push(at_key(
                "theme",
                format!("`{theme}` is not a theme name"),
                "write the name of a folder under themes/, e.g. default",
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
                errors.push(at_key(
                    key,
                    format!(
                        "`{key}` has {} characters; at most {max} are allowed (it is shown on every page)",
                        value.chars().count()
                    ),
                    "shorten it; a longer presentation of the site belongs in content/index.md",
                ));
            }
        }
        if raw.menu.len() > MAX_MENU_ITEMS {
            errors.push(at_key(
                "menu",
                format!(
                    "the menu has {} entries; at most {MAX_MENU_ITEMS} are allowed (it is shown on every page)",
                    raw.menu.len()
                ),
                "keep the main sections in the menu and link the others from a page",
            ));
        }
        for item in raw
            .menu
            .iter()
            .filter(|m| m.title.chars().count() > MAX_MENU_TITLE_CHARS)
        {
            errors.push(at_key(
                "menu",
                format!(
                    "the menu entry `{}` has {} characters; at most {MAX_MENU_TITLE_CHARS} are allowed",
                    item.title.chars().take(40).collect::<String>(),
                    item.title.chars().count()
                ),
                "name the section in a few words, e.g. \"Tin tức\"",
            ));
        }
        for item in &raw.menu {
            if let Some(reason) = crate::markdown::refused(&item.url) {
                let message = format!("the menu link `{}` cannot be published: {reason}", item.url);
                // As written: in double quotes, a backslash is doubled.
                let written = text
                    .find(item.url.as_str())
                    .or_else(|| text.find(&item.url.replace('\\', "\\\\")));
                let problem = match written {
                    Some(offset) => Diagnostic::at_offset(file, text, offset, message),
                    None => {
                        let (line, column) = key_position(text, "menu");
                        Diagnostic::at(file, text, line, column, message)
                    }
                };
                errors.push(problem.with_help(
                    "link to a page of the site from its root (/luu-tru/) or to a web address (https://...)",
                ));
            }
        }
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

/// Position (1-based line and column) where `key:` is first written, at
/// the start of a line or inside a flow mapping (`campaign: { day: ... }`),
/// or 1:1.
pub(crate) fn key_position(text: &str, key: &str) -> (usize, usize) {
    let pattern = format!("{key}:");
    for (i, line) in text.lines().enumerate() {
        let mut from = 0;
        while let Some(found) = line[from..].find(&pattern) {
            let at = from + found;
            let before = line[..at].chars().next_back();
            if matches!(before, None | Some(' ' | '\t' | '{' | ',' | '-')) {
                return (i + 1, line[..at].chars().count() + 1);
            }
            from = at + pattern.len();
        }
    }
    (1, 1)
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
