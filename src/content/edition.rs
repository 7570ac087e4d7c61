//! `<year>/edition.yaml`: one year's campaign as written, and its checks.

use super::Loader;
use super::limits::MAX_TITLE_CHARS;
use super::model::{Activity, Document, DocumentLink, Edition, Html, Report, Unit, When};
use super::source::{Seg, SourceFile};
use crate::config::nonempty;
use crate::dates::Day;
use crate::diagnostics::Diagnostic;
use crate::i18n::Message;
use crate::markdown;
use crate::msg;

/// How a theme left to fill begins (`campaign new edition` writes
/// `theme: "CẦN ĐIỀN: chủ đề năm 2025"`); the loader rejects it.
pub(crate) const PLACEHOLDER: &str = "CẦN ĐIỀN";

mod file;

pub(crate) use file::EditionFile;

/// Checks an edition file against its folder's year and renders its
/// Markdown fields. Problems go to `errors`; the edition is still returned
/// so that the rest of the site can be checked in the same run.
pub(crate) fn convert(
    raw: EditionFile,
    year: i16,
    src: &SourceFile,
    loader: &Loader,
    errors: &mut Vec<Diagnostic>,
) -> Edition {
    let config = &loader.config;
    let ordinal = config.ordinal(year);
    let dir = format!("{year}");
    let (month, day) = config.day;
    let date = Day::new(year, month, day).unwrap_or_else(|| {
        // 29 February in a common year: the day before.
        Day::new(year, month, day - 1).expect("the day before 29/2 exists")
    });
    // At the value written under `path`.
    let here = |path: &[Seg], message: Message, help: Message| -> Diagnostic {
        src.at_path(path, false, message).with_help(help)
    };
    if ordinal < 1 {
        errors.push(Diagnostic::file(
            &src.display,
            msg!(
                "edition-before-first",
                year = year,
                first = config.first_year
            ),
        ));
    }
    if let Some(written) = raw.year
        && written != i64::from(year)
    {
        errors.push(here(
            &[Seg::Key("year")],
            msg!("edition-year-contradicts", written = written, year = year),
            msg!("edition-year-contradicts-help", year = year),
        ));
    }
    if let Some(written) = raw.edition
        && written != ordinal
    {
        errors.push(here(
            &[Seg::Key("edition")],
            msg!(
                "edition-number-wrong",
                written = written,
                year = year,
                ordinal = ordinal,
                first = config.first_year
            ),
            msg!("edition-number-wrong-help", ordinal = ordinal),
        ));
    }
    if let Some(written) = raw.date
        && written != date
    {
        errors.push(here(
            &[Seg::Key("date")],
            msg!(
                "edition-date-contradicts",
                written = written.short(),
                date = date.short(),
                year = year
            ),
            msg!("edition-date-contradicts-help"),
        ));
    }
    if raw.theme.trim().is_empty() {
        errors.push(here(
            &[Seg::Key("theme")],
            msg!("theme-empty"),
            msg!("theme-empty-help"),
        ));
    } else if raw.theme.trim_start().starts_with(PLACEHOLDER) {
        // Left by `campaign new edition`: an error until someone fills it.
        errors.push(here(
            &[Seg::Key("theme")],
            msg!("theme-placeholder"),
            msg!("theme-placeholder-help", year = year),
        ));
    }
    let theme_chars = raw.theme.trim().chars().count();
    if theme_chars > MAX_TITLE_CHARS {
        // Shown on every page of the edition's news, each post's included.
        errors.push(
            src.at_key(
                "theme",
                msg!("theme-too-long", chars = theme_chars, max = MAX_TITLE_CHARS),
            )
            .with_help(msg!("theme-too-long-help")),
        );
    }
    // `what`: `period-from`, `period-to`, `activity`, `activity-from`,
    // `activity-to`, `deadline` (the catalogue words each).
    let in_year = |d: Day, path: &[Seg], what: &str, errors: &mut Vec<Diagnostic>| {
        if d.year() != year {
            errors.push(here(
                path,
                msg!(
                    "date-outside-edition",
                    what = what,
                    date = d.short(),
                    year = year
                ),
                msg!("date-outside-edition-help", year = year),
            ));
        }
    };
    let period = raw.period.map(|p| {
        in_year(
            p.from,
            &[Seg::Key("period"), Seg::Key("from")],
            "period-from",
            errors,
        );
        in_year(
            p.to,
            &[Seg::Key("period"), Seg::Key("to")],
            "period-to",
            errors,
        );
        if p.to < p.from {
            errors.push(here(
                &[Seg::Key("period")],
                msg!("period-reversed", from = p.from.short(), to = p.to.short()),
                msg!("swap-from-to-help"),
            ));
        }
        (p.from, p.to, p.note)
    });
    let (period, period_note) = match period {
        Some((from, to, note)) => (Some((from, to)), nonempty(note)),
        None => (None, None),
    };
    if let Some(org) = &raw.organization {
        let chars = org.trim().chars().count();
        if chars > MAX_TITLE_CHARS {
            // Shown in the header and footer of every page of the edition.
            errors.push(
                src.at_key(
                    "organization",
                    msg!(
                        "setting-too-long",
                        key = "organization",
                        chars = chars,
                        max = MAX_TITLE_CHARS
                    ),
                )
                .with_help(msg!("organization-too-long-help")),
            );
        }
    }
    let logo = raw.logo.as_deref().and_then(|file| {
        match attachment(year, file, &[Seg::Key("logo")], src, loader, errors) {
            DocumentLink::File(path) => Some(path),
            _ => None,
        }
    });
    // A Markdown text, the value at `path`.
    let md = |text: &str, path: &[Seg], errors: &mut Vec<Diagnostic>| -> Html {
        let (html, broken, found) = markdown::render_checked(text, &dir, &loader.links);
        for f in found {
            // The text as written in the value, else (escapes in a quoted
            // value) the rest of its line from the finding on.
            let rest = text.get(f.offset..).unwrap_or_default();
            let about = rest.split(['\n', '"', '\\']).next().unwrap_or_default();
            let at = src
                .offset_in(path, text)
                .map(|base| base + f.offset)
                .or_else(|| src.offset_in(path, about))
                .unwrap_or(0);
            errors.push(f.diagnostic_at(&src.display, &src.text, at));
        }
        for b in broken {
            errors.push(
                src.at_in(
                    path,
                    &b.target,
                    msg!("link-nowhere", target = &b.target, reason = &b.reason),
                )
                .with_help(msg!("link-nowhere-edition-help")),
            );
        }
        Html(html)
    };
    // A list of Markdown texts, the value of `key`.
    let list = |key: &'static str, items: &[String], errors: &mut Vec<Diagnostic>| -> Vec<Html> {
        items
            .iter()
            .enumerate()
            .map(|(i, p)| md(p, &[Seg::Key(key), Seg::Index(i)], errors))
            .collect()
    };
    let purposes = list("purposes", &raw.purposes, errors);
    let requirements = list("requirements", &raw.requirements, errors);
    let activities = raw
        .activities
        .into_iter()
        .enumerate()
        .map(|(i, a)| {
            let at = |key: &'static str| [Seg::Key("activities"), Seg::Index(i), Seg::Key(key)];
            let when = match (a.date, a.from, a.to) {
                (None, None, None) => When::Unscheduled,
                (Some(d), None, None) | (None, Some(d), None) => When::On(d),
                (None, Some(f), Some(t)) => When::Between(f, t),
                (None, None, Some(t)) => {
                    errors.push(here(
                        &at("to"),
                        msg!("activity-to-without-from", title = &a.title),
                        msg!("activity-to-without-from-help"),
                    ));
                    When::On(t)
                }
                (Some(d), _, _) => {
                    errors.push(here(
                        &at("date"),
                        msg!("activity-date-and-range", title = &a.title),
                        msg!("activity-date-and-range-help"),
                    ));
                    When::On(d)
                }
            };
            match when {
                When::On(d) => {
                    let key = if a.date.is_some() {
                        "date"
                    } else if a.from.is_some() {
                        "from"
                    } else {
                        "to"
                    };
                    in_year(d, &at(key), "activity", errors);
                }
                When::Between(f, t) => {
                    in_year(f, &at("from"), "activity-from", errors);
                    in_year(t, &at("to"), "activity-to", errors);
                    if t < f {
                        errors.push(here(
                            &at("from"),
                            msg!(
                                "activity-reversed",
                                title = &a.title,
                                from = f.short(),
                                to = t.short()
                            ),
                            msg!("swap-from-to-help"),
                        ));
                    }
                }
                When::Unscheduled => {}
            }
            Activity {
                description: a
                    .description
                    .as_deref()
                    .map(|t| md(t, &at("description"), errors)),
                title: a.title,
                when,
                location: a.location,
                units: a.units,
            }
        })
        .collect();
    let units = raw
        .units
        .into_iter()
        .enumerate()
        .map(|(i, u)| Unit {
            tasks: u.tasks.as_deref().map(|t| {
                md(
                    t,
                    &[Seg::Key("units"), Seg::Index(i), Seg::Key("tasks")],
                    errors,
                )
            }),
            name: u.name,
            group: u.group.filter(|g| !g.trim().is_empty()),
            role: u.role,
        })
        .collect();
    let documents = raw
        .documents
        .into_iter()
        .enumerate()
        .map(|(i, d)| {
            let at = |key: &'static str| [Seg::Key("documents"), Seg::Index(i), Seg::Key(key)];
            let link = match (d.file, d.url) {
                (Some(_), Some(_)) => {
                    errors.push(here(
                        &at("url"),
                        msg!("document-file-and-url", title = &d.title),
                        msg!("document-file-and-url-help"),
                    ));
                    DocumentLink::None
                }
                (Some(file), None) => attachment(year, &file, &at("file"), src, loader, errors),
                (None, Some(url))
                    if markdown::is_external(&url) && markdown::refused(&url).is_none() =>
                {
                    DocumentLink::External(url)
                }
                // A page of this site, from its root: `/quyet-dinh-1791/`.
                (None, Some(url)) if url.starts_with('/') => match loader.links.resolve("", &url) {
                    Ok(path) => DocumentLink::File(path.trim_start_matches('/').to_owned()),
                    Err(reason) => {
                        errors.push(here(
                            &at("url"),
                            msg!("link-nowhere", target = &url, reason = reason),
                            msg!("document-url-nowhere-help"),
                        ));
                        DocumentLink::None
                    }
                },
                (None, Some(url)) => {
                    errors.push(here(
                        &at("url"),
                        msg!("document-url-invalid", url = &url),
                        msg!("document-url-invalid-help"),
                    ));
                    DocumentLink::None
                }
                (None, None) => DocumentLink::None,
            };
            if let Some(date) = d.date {
                // Documents cited may be older (Decision 1791/QĐ-TTg is from
                // 2016), but not later than the edition.
                if date.year() > year {
                    errors.push(here(
                        &at("date"),
                        msg!(
                            "document-after-edition",
                            title = &d.title,
                            date = date.short(),
                            year = year
                        ),
                        msg!("document-after-edition-help", year = year),
                    ));
                }
            }
            Document {
                number: d.number,
                date: d.date,
                issuer: d.issuer,
                title: d.title,
                link,
                link_label: nonempty(d.label),
            }
        })
        .collect();
    if let Some(deadline) = raw.report.as_ref().and_then(|r| r.deadline) {
        in_year(
            deadline,
            &[Seg::Key("report"), Seg::Key("deadline")],
            "deadline",
            errors,
        );
    }
    let report = raw.report.map(|r| Report {
        deadline: r.deadline,
        deadline_source: nonempty(r.deadline_source),
        contact: r
            .contact
            .as_deref()
            .map(|t| md(t, &[Seg::Key("report"), Seg::Key("contact")], errors)),
    });
    let base = super::album::Base::YearFiles(year);
    let (album, problems) = super::album::album(&loader.links, base, &raw.photos, "photos", year);
    errors.extend(problems.iter().map(|p| p.at(src)));
    let mut slogans = vec![raw.theme.trim().to_owned()];
    for s in raw.slogans {
        let s = s.trim().to_owned();
        if !s.is_empty() && !slogans.contains(&s) {
            slogans.push(s);
        }
    }
    Edition {
        year,
        ordinal,
        date,
        theme: raw.theme.trim().to_owned(),
        slogans,
        slogans_note: nonempty(raw.slogans_note),
        summary: raw.summary,
        period,
        period_note,
        organization: nonempty(raw.organization),
        logo,
        purposes,
        requirements,
        activities,
        units,
        documents,
        report,
        intro: None,
        album,
        form: Default::default(),
        results: Default::default(),
        posts: Vec::new(),
    }
}

/// A `file:` of a document: a file under `<year>/files/`.
fn attachment(
    year: i16,
    file: &str,
    path: &[Seg],
    src: &SourceFile,
    loader: &Loader,
    errors: &mut Vec<Diagnostic>,
) -> DocumentLink {
    let relative = file.trim_start_matches("files/");
    let inside =
        !file.starts_with('/') && !file.contains('\\') && !file.split('/').any(|p| p == "..");
    let key = format!("{year}/files/{}", crate::text::nfc(relative.to_owned()));
    match loader.links.sources.get(&key) {
        Some(url) if inside => DocumentLink::File(url.clone()),
        _ => {
            errors.push(
                src.at_path(
                    path,
                    false,
                    msg!("attachment-missing", file = file, year = year),
                )
                .with_help(msg!("attachment-missing-help", year = year)),
            );
            DocumentLink::None
        }
    }
}
