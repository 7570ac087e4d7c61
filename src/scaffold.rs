//! `campaign new edition <year>` and `campaign new post "<title>"`: start
//! a year or a news post from what the site already holds.
//!
//! Neither ever overwrites a file: when the file to create exists, the
//! command refuses and changes nothing.
//!
//! A new edition carries over what lasts from the latest edition: its
//! `purposes` and `requirements`, and its `units` (name, group and tasks).
//! What belongs to that year only is left out or marked: the period,
//! activities, documents and report are not copied (commented examples
//! take their place), nor the units' `role` (which point of that year's
//! plan they answered); a carried text that names a date or a year (a report
//! deadline "trước ngày 14/4/2024") or one locality ("Tại huyện Sơn Tây")
//! is marked [`PLACEHOLDER`], like the
//! theme (`CẦN ĐIỀN: chủ đề năm <year>`), and the loader rejects both until
//! someone writes the new year's text. Every value is written quoted, so
//! the file is valid YAML whatever the text holds (`:`, `#`, quotes).
//!
//! A new post holds [`POST_PLACEHOLDERS`], which the loader rejects until
//! they are replaced.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::Path;

use serde::Deserialize;

use crate::config::SiteConfig;
use crate::content::edition::{EditionFile, PLACEHOLDER};
use crate::dates::Day;
use crate::diagnostics::Diagnostics;
use crate::i18n::{Lang, Message};
use crate::markdown::POST_PLACEHOLDERS;
use crate::msg;

/// Why a `new` command created nothing.
#[derive(Debug, thiserror::Error)]
pub(crate) enum NewError {
    /// Problems in `site.yaml`.
    #[error("{0}")]
    Config(Diagnostics),
    /// Anything else, worded for the user.
    #[error("error: {0}")]
    Refused(Message),
}

impl NewError {
    /// The error as printed, in `lang`.
    pub(crate) fn render(&self, lang: Lang) -> String {
        match self {
            NewError::Config(d) => d.render(lang),
            NewError::Refused(m) => format!(
                "{}: {}",
                crate::diagnostics::Severity::Error.label(lang),
                m.render(lang)
            ),
        }
    }
}

fn refuse<T>(message: Message) -> Result<T, NewError> {
    Err(NewError::Refused(message))
}

/// What `campaign new` created.
#[derive(Debug)]
pub(crate) struct Created {
    /// What to tell the user.
    pub message: Message,
}

fn read_text(path: &Path) -> Result<String, NewError> {
    let bytes = std::fs::read(path)
        .or_else(|e| refuse(msg!("new-cannot-read", path = path, reason = e.to_string())))?;
    crate::text::decode_source(&bytes).or_else(|_| refuse(msg!("new-not-utf8", path = path)))
}

fn load_config(source: &Path) -> Result<SiteConfig, NewError> {
    let path = source.join("site.yaml");
    if !path.is_file() {
        return refuse(msg!("new-no-site-yaml", path = &path));
    }
    let text = read_text(&path)?;
    SiteConfig::parse(&path, &text).map_err(|ds| NewError::Config(Diagnostics(ds)))
}

/// The years that have an `edition.yaml`, oldest first.
fn edition_years(source: &Path) -> Vec<i16> {
    let mut years: Vec<i16> = std::fs::read_dir(source)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            if name.len() != 4 || !name.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let year = name.parse().ok()?;
            e.path().join("edition.yaml").is_file().then_some(year)
        })
        .collect();
    years.sort_unstable();
    years
}

/// The campaign day of `year` (29 February falls back to the 28th).
fn campaign_day(config: &SiteConfig, year: i16) -> Day {
    let (month, day) = config.day;
    Day::new(year, month, day)
        .or_else(|| Day::new(year, month, day - 1))
        .expect("the campaign day is checked when site.yaml is loaded")
}

/// Creates a file that must not exist yet.
fn create_new(path: &Path, text: &str) -> Result<(), NewError> {
    let mut file = match OpenOptions::new().write(true).create_new(true).open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return refuse(msg!("new-file-exists", path = path));
        }
        Err(e) => return refuse(cannot_create(path, &e)),
    };
    file.write_all(text.as_bytes()).or_else(|e| {
        refuse(msg!(
            "new-cannot-write",
            path = path,
            reason = e.to_string()
        ))
    })
}

fn cannot_create(path: &Path, e: &std::io::Error) -> Message {
    msg!("new-cannot-create", path = path, reason = e.to_string())
}

/// A value written in YAML: always in double quotes (JSON's string syntax
/// is YAML's), whatever it holds.
fn quoted(text: &str) -> String {
    serde_json::to_string(text).expect("a string always serialises")
}

/// What `new edition` reads of the previous edition (anything else is
/// that year's own and not copied).
#[derive(Debug, Default, Deserialize, schemars::JsonSchema)]
struct Previous {
    #[serde(default)]
    purposes: Vec<String>,
    #[serde(default)]
    requirements: Vec<String>,
    #[serde(default)]
    units: Vec<PreviousUnit>,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
struct PreviousUnit {
    name: String,
    #[serde(default)]
    group: Option<String>,
    #[serde(default)]
    tasks: Option<String>,
}

/// Whether a text names a date (`14/4/2024`, `25/3`) or a year (`2024`,
/// 1900-2099): then it belongs to the year it was written for.
pub(crate) fn is_dated(text: &str) -> bool {
    let b = text.as_bytes();
    let digits_at = |i: usize| b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && b[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let n = digits_at(i);
        let after = i + n;
        let year = n == 4 && matches!(&b[i..i + 2], b"19" | b"20");
        let day_month = n <= 2
            && after + 1 < b.len()
            && matches!(b[after], b'/' | b'-' | b'.')
            && b[after + 1].is_ascii_digit();
        if year || day_month {
            return true;
        }
        i = after;
    }
    false
}

/// Words that, followed by a name (`huyện Sơn Tây`, `tỉnh Kon Tum`), name
/// one locality.
const LOCALITIES: [&str; 7] = [
    "huyện",
    "quận",
    "xã",
    "phường",
    "tỉnh",
    "thành phố",
    "thị xã",
];

/// Whether a text names one locality (`Tại huyện Sơn Tây, …`): a year's
/// plan often speaks of the district that wrote it, which another year's
/// may not concern.
pub(crate) fn names_locality(text: &str) -> bool {
    let lower = text.to_lowercase();
    LOCALITIES.iter().any(|word| {
        lower.match_indices(word).any(|(i, w)| {
            let before = lower[..i].chars().next_back();
            let starts_word = before.is_none_or(|c| !c.is_alphanumeric());
            // The name after it, as written (capitalised).
            let name = text.get(i + w.len()..).unwrap_or_default();
            starts_word
                && name.starts_with(' ')
                && name[1..].chars().next().is_some_and(char::is_uppercase)
        })
    })
}

/// A text carried over to `year` from `from`: as it was, or marked to fill
/// in when it names that year's dates or one locality.
fn carried(text: &str, from: i16, year: i16) -> String {
    let text = text.trim();
    if is_dated(text) || names_locality(text) {
        quoted(&format!(
            "{PLACEHOLDER} (chép từ năm {from}, có ngày tháng hoặc địa phương riêng của năm {from}: xem lại, viết cho năm {year} rồi xóa phần trong ngoặc này): {text}"
        ))
    } else {
        quoted(text)
    }
}

/// The sections carried over from `previous` (`from`'s edition) to
/// `year`, as YAML; commented examples for those it does not have.
fn carried_sections(previous: &Previous, from: i16, year: i16) -> String {
    let mut out = String::new();
    let list = |out: &mut String, key: &str, items: &[String]| {
        if items.is_empty() {
            out.push_str(&format!("# {key}:\n#   - \"...\"\n"));
        } else {
            out.push_str(&format!("{key}:\n"));
            for item in items {
                out.push_str(&format!("  - {}\n", carried(item, from, year)));
            }
        }
    };
    out.push_str("# Mục đích (purposes):\n");
    list(&mut out, "purposes", &previous.purposes);
    out.push_str("# Yêu cầu (requirements):\n");
    list(&mut out, "requirements", &previous.requirements);
    out.push_str(&format!(
        "# Đơn vị (units): tên, nhóm và nhiệm vụ chép từ năm {from}; vai trò (role) theo văn bản năm nay.\n"
    ));
    if previous.units.is_empty() {
        out.push_str("# units:\n#   - name: \"...\"\n#     group: \"...\"\n");
    } else {
        out.push_str("units:\n");
        for u in &previous.units {
            out.push_str(&format!("  - name: {}\n", quoted(u.name.trim())));
            if let Some(group) = &u.group {
                out.push_str(&format!("    group: {}\n", quoted(group.trim())));
            }
            out.push_str("    # role: \"...\"\n");
            if let Some(tasks) = &u.tasks {
                out.push_str(&format!("    tasks: {}\n", carried(tasks, from, year)));
            }
        }
    }
    out
}

/// `campaign new edition <year>`: creates `<source>/<year>/edition.yaml`
/// from the latest edition, and an empty `news/` folder.
pub(crate) fn new_edition(source: &Path, year: i16) -> Result<Created, NewError> {
    let config = load_config(source)?;
    let ordinal = config.ordinal(year);
    if ordinal < 1 {
        return refuse(msg!(
            "new-before-first-edition",
            year = year.to_string(),
            first = config.first_year.to_string()
        ));
    }
    let folder = source.join(format!("{year}"));
    let file = folder.join("edition.yaml");
    if file.exists() {
        return refuse(msg!("new-file-exists", path = &file));
    }
    if folder.exists() && !folder.is_dir() {
        return refuse(msg!("new-not-a-folder", path = &folder));
    }
    // The latest edition before this year, else the latest of all.
    let years = edition_years(source);
    let from = years
        .iter()
        .rev()
        .find(|&&y| y < year)
        .or(years.last())
        .copied();
    let mut schema_line = String::new();
    let mut sections = String::new();
    if let Some(from) = from {
        let path = source.join(format!("{from}")).join("edition.yaml");
        let text = read_text(&path)?;
        if let Some(first) = text.lines().next()
            && first.starts_with("# yaml-language-server:")
        {
            schema_line = format!("{first}\n");
        }
        let previous: Previous = crate::yaml::parse(&path, &text, 0, text.len())
            .or_else(|_| refuse(msg!("new-previous-edition-broken", path = &path)))?;
        sections = carried_sections(&previous, from, year);
    }
    let date = campaign_day(&config, year);
    let title = &config.title;
    let origin = match from {
        Some(from) => format!(
            "# Tạo bằng `campaign new edition {year}` từ {from}/edition.yaml: mục đích (purposes),\n\
             # yêu cầu (requirements) và đơn vị (units) được chép lại từ năm {from}; hãy đọc lại cho năm nay.\n\
             # Đoạn nào có ngày tháng hoặc tên một địa phương của năm {from} được đánh dấu {PLACEHOLDER}: viết lại cho năm {year}.\n"
        ),
        None => format!("# Tạo bằng `campaign new edition {year}`.\n"),
    };
    if sections.is_empty() {
        sections = "# purposes:\n#   - \"...\"\n# requirements:\n#   - \"...\"\n# units:\n#   - name: \"...\"\n#     group: \"...\"\n".to_owned();
    }
    let theme = quoted(&format!("{PLACEHOLDER}: chủ đề năm {year}"));
    let summary = quoted(&format!("Lần kỷ niệm thứ {ordinal} của {title}."));
    let activity = quoted(&format!("Lễ kỷ niệm lần thứ {ordinal}"));
    let plan = quoted(&format!(
        "Kế hoạch tổ chức hoạt động kỷ niệm {title} năm {year}"
    ));
    let text = format!(
        "{schema_line}\
# {title} năm {year}: lần thứ {ordinal}, ngày {date}.
{origin}\
# Năm, lần thứ và ngày kỷ niệm được tính tự động; không ghi chúng vào tệp này.
# Điền xong thì chạy `campaign check` để kiểm tra.

# Chủ đề năm (bắt buộc): thay dòng dưới đây bằng chủ đề chính thức, đúng như trong văn bản.
theme: {theme}

# Khẩu hiệu thêm và tóm tắt (tùy chọn; bỏ dấu # ở đầu dòng để dùng):
# slogans:
#   - \"...\"
# summary: {summary}

{sections}
# Các mục riêng của năm {year}, theo văn bản của năm nay (bỏ dấu # ở đầu dòng để dùng):
# period: {{ from: \"{date}\", to: \"{date}\" }}
# activities:
#   - title: {activity}
#     date: \"{date}\"
#     location: \"...\"
#     units: [\"...\"]
# documents:
#   - number: \"...\"
#     date: \"{date}\"
#     issuer: \"...\"
#     title: {plan}
#     file: \"ke-hoach-{year}.pdf\"
# report: {{ deadline: \"{date}\", contact: \"...\" }}
"
    );
    // What is written must read back: only the placeholders are left to fix.
    if let Err(d) = crate::yaml::parse::<EditionFile>(&file, &text, 0, text.len()) {
        return refuse(msg!("new-edition-invalid", detail = d.to_string()));
    }
    std::fs::create_dir_all(&folder).or_else(|e| refuse(cannot_create(&folder, &e)))?;
    create_new(&file, &text)?;
    let news = folder.join("news");
    if !news.exists() {
        std::fs::create_dir(&news).or_else(|e| refuse(cannot_create(&news, &e)))?;
        // Keeps the empty folder in git; hidden files are not content.
        create_new(&news.join(".gitkeep"), "")?;
    }
    let message = match from {
        Some(from) => msg!(
            "new-edition-created",
            file = &file,
            news = &news,
            ordinal = ordinal,
            date = date.to_string(),
            from = from.to_string(),
            marker = PLACEHOLDER
        ),
        None => msg!(
            "new-edition-created-first",
            file = &file,
            news = &news,
            ordinal = ordinal,
            date = date.to_string(),
            marker = PLACEHOLDER
        ),
    };
    Ok(Created { message })
}

/// A slug within the limit of an address segment, cut at a word: a long
/// headline still makes a post the loader accepts.
fn short_slug(slug: String) -> String {
    let max = crate::content::limits::MAX_SLUG_BYTES;
    if slug.len() <= max {
        return slug;
    }
    // Slugs are ASCII: any byte is a character boundary.
    let cut = &slug[..max];
    cut.rsplit_once('-')
        .map_or(cut, |(head, _)| head)
        .to_owned()
}

/// The text of a new post: its front matter and the placeholder lines the
/// loader rejects until they are replaced.
fn post_text(title: &str, date: Day, year: i16) -> String {
    let [write_here, files_hint] = POST_PLACEHOLDERS;
    format!(
        "---\n\
title: {}\n\
date: \"{date}\"\n\
summary: \"\"\n\
tags: []\n\
---\n\
{write_here}\n\
\n\
{files_hint} {year}/files/; chèn ảnh kèm mô tả, ví dụ `![Lễ kỷ niệm ngày {date}](../files/anh.jpg)`.\n",
        quoted(title)
    )
}

/// `campaign new post "<title>"`: creates `<source>/<year>/news/<slug>.md`
/// dated today (or the campaign day, when today is not in `year`).
pub(crate) fn new_post(source: &Path, title: &str, year: Option<i16>) -> Result<Created, NewError> {
    let config = load_config(source)?;
    let title = crate::text::nfc(title.trim().to_owned());
    let slug = short_slug(crate::text::slugify(&title));
    if slug.is_empty() {
        return refuse(msg!("new-post-no-letters"));
    }
    let years = edition_years(source);
    let year = match year
        .or(config.current.filter(|y| years.contains(y)))
        .or(years.last().copied())
    {
        Some(y) => y,
        None => return refuse(msg!("new-post-no-edition")),
    };
    if !years.contains(&year) {
        return refuse(msg!(
            "new-post-edition-missing",
            year = year.to_string(),
            path = &source.join(format!("{year}")).join("edition.yaml")
        ));
    }
    let today = crate::dates::today();
    let date = if today.year() == year {
        today
    } else {
        campaign_day(&config, year)
    };
    let news = source.join(format!("{year}")).join("news");
    let file = news.join(format!("{slug}.md"));
    if file.exists() {
        return refuse(msg!("new-post-exists", path = &file));
    }
    std::fs::create_dir_all(&news).or_else(|e| refuse(cannot_create(&news, &e)))?;
    create_new(&file, &post_text(&title, date, year))?;
    let url = format!("/{}", crate::routes::post(year, &slug));
    let message = if today.year() == year {
        msg!("new-post-created", file = &file, url = url)
    } else {
        msg!(
            "new-post-created-other-year",
            file = &file,
            url = url,
            year = year.to_string(),
            date = date.to_string()
        )
    };
    Ok(Created { message })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dated_texts_are_told_apart() {
        for dated in [
            "báo cáo trước ngày 14/4/2024",
            "kỷ niệm 25/3",
            "năm 2024",
            "(20-3 đến 25-3)",
        ] {
            assert!(is_dated(dated), "{dated}");
        }
        for lasting in [
            "Lan tỏa truyền thống **“Lá lành đùm lá rách”**.",
            "Yêu cầu số 1",
            "Quyết định 1791/QĐ-TTg",
            "123 đơn vị",
        ] {
            assert!(!is_dated(lasting), "{lasting}");
        }
    }

    #[test]
    fn texts_naming_one_locality_are_told_apart() {
        assert!(names_locality("Tại huyện Sơn Tây, các phòng, ban"));
        assert!(names_locality("hiệu quả (huyện Sơn Tây)."));
        assert!(names_locality("Sở LĐTBXH thành phố Hải Phòng"));
        assert!(!names_locality("Ủy ban nhân dân các quận, huyện tổ chức"));
        assert!(!names_locality("báo cáo về huyện."));
        assert!(!names_locality("Phát huy truyền thống"));
    }

    #[test]
    fn a_new_post_holds_the_placeholders_the_loader_rejects() {
        let day = Day::new(2025, 3, 25).unwrap();
        let text = post_text("Tin: “mới” # 1", day, 2025);
        for marker in POST_PLACEHOLDERS {
            assert!(text.contains(marker), "{text}");
        }
        assert!(text.contains("title: \"Tin: “mới” # 1\"\n"), "{text}");
    }
}
