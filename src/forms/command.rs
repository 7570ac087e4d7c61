//! `campaign report form <year>`: the year's form written into its
//! `files/`, so that it is published with the year and can be sent to the
//! units; and the form made from a loaded edition, for the compiled table.

use std::path::Path;

use super::{FilledRow, FormSpec};
use crate::content::model::{Edition, Site};
use crate::msg;
use crate::scaffold::{Created, NewError};

/// The form of `edition`.
pub(crate) fn spec<'a>(site: &'a Site, edition: &'a Edition) -> FormSpec<'a> {
    let contact = edition
        .report
        .as_ref()
        .and_then(|r| r.contact.as_ref())
        .map(|html| {
            unescape(&crate::markdown::strip_tags(&html.0))
                .trim()
                .to_owned()
        });
    FormSpec {
        year: edition.year,
        ordinal: edition.ordinal,
        theme: &edition.theme,
        organization: edition
            .organization
            .as_deref()
            .or(site.config.organization.as_deref())
            .unwrap_or(&site.config.title),
        units: edition
            .units
            .iter()
            .map(|u| (u.name.as_str(), u.group.as_deref()))
            .collect(),
        deadline: edition.report.as_ref().and_then(|r| r.deadline),
        deadline_source: edition
            .report
            .as_ref()
            .and_then(|r| r.deadline_source.as_deref()),
        contact,
    }
}

/// The rows of the compiled table: the units that reported, in the form's
/// order.
pub(crate) fn filled(edition: &Edition) -> Vec<FilledRow<'_>> {
    edition
        .results
        .reported
        .iter()
        .map(|r| FilledRow {
            unit: &r.unit,
            group: r.group.as_deref(),
            figures: [
                Some(r.figures.participants),
                Some(r.figures.total),
                Some(r.figures.own),
                Some(r.figures.mobilised),
                r.figures.activities,
                r.figures.reached,
            ],
            note: r.note.as_deref(),
        })
        .collect()
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Writes `<source>/<year>/files/bieu-bao-cao-<year>.xlsx` and `.csv` from
/// the loaded site. A form already there is replaced only when it is the
/// one written before (unchanged since), or with `force`: staff may have
/// edited it.
pub(crate) fn write_form(source: &Path, year: i16, force: bool) -> Result<Created, NewError> {
    let site = crate::content::load(source, &crate::content::LoadOptions::default())
        .map_err(NewError::Config)?;
    let Some(edition) = site.editions.iter().find(|e| e.year == year) else {
        return Err(NewError::Refused(msg!("form-no-edition", year = year)));
    };
    let spec = spec(&site, edition);
    let folder = source.join(format!("{year}")).join("files");
    let stem = super::file_stem(year);
    let xlsx = super::xlsx(&spec, None).map_err(|e| {
        NewError::Refused(msg!(
            "form-cannot-write",
            path = &folder,
            reason = e.to_string()
        ))
    })?;
    let csv = super::csv(&spec, None);
    let files = [
        (folder.join(format!("{stem}.xlsx")), xlsx),
        (folder.join(format!("{stem}.csv")), csv),
    ];
    if !force {
        for (path, bytes) in &files {
            if let Ok(old) = std::fs::read(path)
                && old != *bytes
            {
                return Err(NewError::Refused(msg!(
                    "form-exists",
                    path = path.as_path()
                )));
            }
        }
    }
    std::fs::create_dir_all(&folder).map_err(|e| {
        NewError::Refused(msg!(
            "form-cannot-write",
            path = &folder,
            reason = e.to_string()
        ))
    })?;
    for (path, bytes) in &files {
        write_whole(path, bytes).map_err(|e| {
            NewError::Refused(msg!(
                "form-cannot-write",
                path = path.as_path(),
                reason = e.to_string()
            ))
        })?;
    }
    Ok(Created {
        message: msg!(
            "form-written",
            xlsx = files[0].0.as_path(),
            csv = files[1].0.as_path(),
            units = spec.units.len(),
            year = year
        ),
    })
}

/// Writes `bytes` to `path` through a temporary file beside it, so that
/// the file is never half-written.
fn write_whole(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.campaign-tmp"));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}
