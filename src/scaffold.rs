//! `campaign new edition <year>` and `campaign new post "<title>"`: start
//! a year or a news post from what the site already holds.
//!
//! Neither ever overwrites a file: when the file to create exists, the
//! command refuses and changes nothing.
//!
//! A new edition carries over the latest edition's `purposes`,
//! `requirements` and `units` (re-written as YAML, without comments); its
//! theme is the placeholder [`PLACEHOLDER`]`: chủ đề năm <year>`, which the
//! loader rejects until someone writes the real theme, so `check` and
//! `build` point at it. The year-specific sections (period, activities,
//! documents, report) are left as commented examples.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::Path;

use crate::config::SiteConfig;
use crate::content::edition::{EditionFile, PLACEHOLDER};
use crate::dates::Day;
use crate::diagnostics::Diagnostics;

/// Why a `new` command created nothing.
#[derive(Debug, thiserror::Error)]
pub(crate) enum NewError {
    /// Problems in `site.yaml`.
    #[error("{0}")]
    Config(Diagnostics),
    /// Anything else, worded for the user.
    #[error("error: {0}")]
    Refused(String),
}

fn refuse<T>(message: impl Into<String>) -> Result<T, NewError> {
    Err(NewError::Refused(message.into()))
}

/// The sections carried over from the previous edition, in this order.
pub(crate) const CARRIED_OVER: [&str; 3] = ["purposes", "requirements", "units"];

/// What `campaign new` created.
#[derive(Debug)]
pub(crate) struct Created {
    /// What to tell the user.
    pub message: String,
}

fn read_text(path: &Path) -> Result<String, NewError> {
    let bytes =
        std::fs::read(path).or_else(|e| refuse(format!("cannot read {}: {e}", path.display())))?;
    crate::text::decode_source(&bytes)
        .or_else(|_| refuse(format!("{} is not UTF-8 text", path.display())))
}

fn load_config(source: &Path) -> Result<SiteConfig, NewError> {
    let path = source.join("site.yaml");
    if !path.is_file() {
        return refuse(format!(
            "there is no {}; run the command in the folder that holds content/, or name the content folder with --source",
            path.display()
        ));
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
            return refuse(format!(
                "{} already exists; campaign never overwrites a file (edit it, or move it away first)",
                path.display()
            ));
        }
        Err(e) => return refuse(format!("cannot create {}: {e}", path.display())),
    };
    file.write_all(text.as_bytes())
        .or_else(|e| refuse(format!("cannot write {}: {e}", path.display())))
}

/// `campaign new edition <year>`: creates `<source>/<year>/edition.yaml`
/// from the latest edition, and an empty `news/` folder.
pub(crate) fn new_edition(source: &Path, year: i16) -> Result<Created, NewError> {
    let config = load_config(source)?;
    let ordinal = config.ordinal(year);
    if ordinal < 1 {
        return refuse(format!(
            "{year} is before the first edition ({} in site.yaml, lần thứ 1)",
            config.first_year
        ));
    }
    let folder = source.join(format!("{year}"));
    let file = folder.join("edition.yaml");
    if file.exists() {
        return refuse(format!(
            "{} already exists; campaign never overwrites a file (edit it, or move it away first)",
            file.display()
        ));
    }
    if folder.exists() && !folder.is_dir() {
        return refuse(format!("{} exists and is not a folder", folder.display()));
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
        sections = crate::yaml::top_level_sections(&text, &CARRIED_OVER).or_else(|e| {
            refuse(format!(
                "cannot read {}: {e}; fix it first (campaign check shows where)",
                path.display()
            ))
        })?;
    }
    let date = campaign_day(&config, year);
    let title = &config.title;
    let origin = match from {
        Some(from) => format!(
            "# Tạo bằng `campaign new edition {year}` từ {from}/edition.yaml: mục đích (purposes),\n\
             # yêu cầu (requirements) và đơn vị (units) được chép lại từ năm {from}; hãy sửa lại cho năm nay.\n"
        ),
        None => format!("# Tạo bằng `campaign new edition {year}`.\n"),
    };
    let carried = if sections.is_empty() {
        "# purposes:\n#   - \"...\"\n# requirements:\n#   - \"...\"\n# units:\n#   - name: \"...\"\n#     group: \"...\"\n".to_owned()
    } else {
        sections
    };
    let text = format!(
        "{schema_line}\
# {title} năm {year}: lần thứ {ordinal}, ngày {date}.
{origin}\
# Năm, lần thứ và ngày kỷ niệm được tính tự động; không ghi chúng vào tệp này.
# Điền xong thì chạy `campaign check` để kiểm tra.

# Chủ đề năm (bắt buộc): thay dòng dưới đây bằng chủ đề chính thức, đúng như trong văn bản.
theme: \"{PLACEHOLDER}: chủ đề năm {year}\"

# Khẩu hiệu thêm và tóm tắt (tùy chọn; bỏ dấu # ở đầu dòng để dùng):
# slogans:
#   - \"...\"
# summary: \"Lần kỷ niệm thứ {ordinal} của {title}.\"
# period: {{ from: \"{date}\", to: \"{date}\" }}

{carried}
# Các mục riêng của từng năm (bỏ dấu # ở đầu dòng để dùng):
# activities:
#   - title: \"Lễ kỷ niệm lần thứ {ordinal}\"
#     date: \"{date}\"
#     location: \"...\"
#     units: [\"...\"]
# documents:
#   - number: \"...\"
#     date: \"{date}\"
#     issuer: \"...\"
#     title: \"Kế hoạch tổ chức hoạt động kỷ niệm {title} năm {year}\"
#     file: \"ke-hoach-{year}.pdf\"
# report: {{ deadline: \"...\", contact: \"...\" }}
"
    );
    // What is written must read back: only the placeholder is left to fix.
    if let Err(d) = crate::yaml::parse::<EditionFile>(&file, &text, 0, text.len()) {
        return refuse(format!(
            "the new edition.yaml would not be valid, nothing was written:\n{d}"
        ));
    }
    std::fs::create_dir_all(&folder)
        .or_else(|e| refuse(format!("cannot create {}: {e}", folder.display())))?;
    create_new(&file, &text)?;
    let news = folder.join("news");
    if !news.exists() {
        std::fs::create_dir(&news)
            .or_else(|e| refuse(format!("cannot create {}: {e}", news.display())))?;
        // Keeps the empty folder in git; hidden files are not content.
        create_new(&news.join(".gitkeep"), "")?;
    }
    let carried = match from {
        Some(from) => format!("purposes, requirements and units carried over from {from}"),
        None => "no earlier edition to carry over".to_owned(),
    };
    Ok(Created {
        message: format!(
            "Created {} (lần thứ {ordinal}, {date}; {carried}) and {}/.\n\
             Next: write the year's theme in place of \"{PLACEHOLDER}: ...\", check the units, purposes and requirements, then run `campaign check`.",
            file.display(),
            news.display()
        ),
    })
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

/// `campaign new post "<title>"`: creates `<source>/<year>/news/<slug>.md`
/// dated today (or the campaign day, when today is not in `year`).
pub(crate) fn new_post(source: &Path, title: &str, year: Option<i16>) -> Result<Created, NewError> {
    let config = load_config(source)?;
    let title = crate::text::nfc(title.trim().to_owned());
    let slug = short_slug(crate::text::slugify(&title));
    if slug.is_empty() {
        return refuse(
            "the title has no letters or digits, so the post would have no address; write a headline, e.g. campaign new post \"Hải Phòng tổ chức lễ kỷ niệm\"",
        );
    }
    let years = edition_years(source);
    let year = match year
        .or(config.current.filter(|y| years.contains(y)))
        .or(years.last().copied())
    {
        Some(y) => y,
        None => {
            return refuse(
                "the site has no edition yet; create one first with `campaign new edition <year>`",
            );
        }
    };
    if !years.contains(&year) {
        return refuse(format!(
            "there is no edition {year} ({} is missing); create it first with `campaign new edition {year}`",
            source
                .join(format!("{year}"))
                .join("edition.yaml")
                .display()
        ));
    }
    let today = crate::dates::today();
    let (date, note) = if today.year() == year {
        (today, String::new())
    } else {
        let day = campaign_day(&config, year);
        (
            day,
            format!(
                "\nToday is not in {year}, so the post is dated {day} (the campaign day): correct the date."
            ),
        )
    };
    let news = source.join(format!("{year}")).join("news");
    let file = news.join(format!("{slug}.md"));
    if file.exists() {
        return refuse(format!(
            "{} already exists; campaign never overwrites a file (choose another title, or edit that post)",
            file.display()
        ));
    }
    let quoted = serde_json::to_string(&title).expect("a string always serialises");
    let text = format!(
        "---\n\
title: {quoted}\n\
date: \"{date}\"\n\
summary: \"\"\n\
tags: []\n\
---\n\
Viết nội dung bài ở đây: việc gì, ai thực hiện, ở đâu, khi nào.\n\
\n\
Ảnh và tệp đính kèm đặt trong thư mục {year}/files/; chèn ảnh kèm mô tả, ví dụ `![Lễ kỷ niệm ngày {date}](../files/anh.jpg)`.\n"
    );
    std::fs::create_dir_all(&news)
        .or_else(|e| refuse(format!("cannot create {}: {e}", news.display())))?;
    create_new(&file, &text)?;
    Ok(Created {
        message: format!(
            "Created {} (/{}){note}",
            file.display(),
            crate::routes::post(year, &slug)
        ),
    })
}
