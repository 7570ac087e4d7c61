//! The reports of an edition, matched with its units and added up.
//!
//! Each row names a unit of `edition.yaml`: as written, or written without
//! its marks or in another case (`so y te hai phong`), which is the same
//! unit to a reader. A name that is neither is an error that suggests the
//! closest unit by similarity of the folded names. A unit named twice in
//! one file is an error; a unit in two files is reported by the newer one
//! (by the report's date, else the file's time, else its name), and a
//! warning says which one was used.

use std::collections::HashMap;
use std::path::Path;

use super::{Place, Report};
use crate::content::model::{Edition, GroupResult, ReportForm, Results, Tally, UnitResult};
use crate::diagnostics::Diagnostic;
use crate::markdown::Links;
use crate::msg;
use crate::text::fold;

/// The form's files in the year's `files/`, when they are there.
pub(in crate::content) fn form_links(year: i16, links: &Links) -> ReportForm {
    let stem = crate::forms::file_stem(year);
    let get = |ending: &str| {
        links
            .sources
            .get(&format!("{year}/files/{stem}.{ending}"))
            .cloned()
    };
    ReportForm {
        xlsx: get("xlsx"),
        csv: get("csv"),
    }
}

/// A unit's row as chosen, with where it came from.
struct Chosen<'a> {
    report: &'a Report,
    row: usize,
}

/// Matches the rows of `reports` with the units of `edition` and adds them
/// up. Problems go to `errors`.
pub(in crate::content) fn compile(
    source: &Path,
    edition: &Edition,
    reports: &[Report],
    errors: &mut Vec<Diagnostic>,
) -> Results {
    let display = |r: &Report| source.join(&r.rel);
    // Oldest first, so that a later one replaces it.
    let mut reports: Vec<&Report> = reports.iter().collect();
    reports.sort_by(|a, b| (a.date, a.modified, &a.rel).cmp(&(b.date, b.modified, &b.rel)));
    let folded: HashMap<String, usize> = edition
        .units
        .iter()
        .enumerate()
        .rev()
        .map(|(i, u)| (fold(&u.name), i))
        .collect();
    let mut chosen: Vec<Option<Chosen>> = edition.units.iter().map(|_| None).collect();
    for &report in &reports {
        if let Some((written, at)) = &report.year
            && *written != i64::from(edition.year)
        {
            errors.push(
                at.diagnostic(
                    &display(report),
                    msg!("report-other-year", written = *written, year = edition.year),
                )
                .with_help(msg!("report-other-year-help", year = edition.year)),
            );
            continue;
        }
        let mut seen: HashMap<usize, &Place> = HashMap::new();
        for (ri, row) in report.rows.iter().enumerate() {
            let Some(&ui) = folded.get(&fold(&row.unit)) else {
                errors.push(unknown(
                    &display(report),
                    edition,
                    row.unit.as_str(),
                    &row.at,
                ));
                continue;
            };
            if let Some(first) = seen.insert(ui, &row.at) {
                errors.push(
                    row.at
                        .diagnostic(
                            &display(report),
                            msg!(
                                "report-unit-twice",
                                unit = edition.units[ui].name.as_str(),
                                first = first.cell()
                            ),
                        )
                        .with_help(msg!("report-unit-twice-help")),
                );
                continue;
            }
            if let Some(old) = &chosen[ui]
                && old.report.rel != report.rel
            {
                errors.push(
                    row.at
                        .diagnostic(
                            &display(report),
                            msg!(
                                "report-replaces",
                                unit = edition.units[ui].name.as_str(),
                                older = old.report.rel.as_str()
                            ),
                        )
                        .with_help(msg!("report-replaces-help"))
                        .warning(),
                );
            }
            chosen[ui] = Some(Chosen { report, row: ri });
        }
    }
    // The form's order: grouped, so the units of a group follow each other.
    let indices: Vec<usize> = (0..edition.units.len()).collect();
    let order = crate::forms::grouped(&indices, |&i| edition.units[i].group.as_deref());
    let mut results = Results {
        units: edition.units.len(),
        ..Results::default()
    };
    let grouped = edition.units.iter().any(|u| u.group.is_some());
    let mut overflow = false;
    for &&ui in &order {
        let unit = &edition.units[ui];
        if grouped && results.groups.last().is_none_or(|g| g.group != unit.group) {
            results.groups.push(GroupResult {
                group: unit.group.clone(),
                units: 0,
                reported: 0,
                figures: Tally::default(),
            });
        }
        if let Some(g) = results.groups.last_mut() {
            g.units += 1;
        }
        let Some(c) = &chosen[ui] else {
            results.missing.push(unit.name.clone());
            continue;
        };
        let row = &c.report.rows[c.row];
        let f = &row.figures;
        let figures = Tally {
            participants: f.participants.unwrap_or(0),
            total: f.total.unwrap_or(0),
            own: f.own.unwrap_or(0),
            mobilised: f.mobilised.unwrap_or(0),
            activities: f.activities,
            reached: f.reached,
        };
        overflow |= add(&mut results.totals, &figures).is_none();
        if let Some(g) = results.groups.last_mut() {
            g.reported += 1;
            overflow |= add(&mut g.figures, &figures).is_none();
        }
        results.reported.push(UnitResult {
            unit: unit.name.clone(),
            group: unit.group.clone(),
            figures,
            note: row.note.clone(),
            file: c.report.rel.clone(),
            date: c.report.date,
        });
    }
    if overflow {
        errors.push(Diagnostic::file(
            &source.join(format!("{}/reports", edition.year)),
            msg!("report-sum-too-large"),
        ));
    }
    results
}

/// Adds `f` to `t`; `None` when a sum overflows.
fn add(t: &mut Tally, f: &Tally) -> Option<()> {
    t.participants = t.participants.checked_add(f.participants)?;
    t.total = t.total.checked_add(f.total)?;
    t.own = t.own.checked_add(f.own)?;
    t.mobilised = t.mobilised.checked_add(f.mobilised)?;
    let opt = |a: Option<u64>, b: Option<u64>| match (a, b) {
        (None, None) => Some(None),
        (a, b) => a.unwrap_or(0).checked_add(b.unwrap_or(0)).map(Some),
    };
    t.activities = opt(t.activities, f.activities)?;
    t.reached = opt(t.reached, f.reached)?;
    Some(())
}

/// A row naming no unit of the edition, with the closest one.
fn unknown(display: &Path, edition: &Edition, written: &str, at: &Place) -> Diagnostic {
    let target = fold(written);
    let best = edition
        .units
        .iter()
        .map(|u| {
            let name = fold(&u.name);
            let mut score = strsim::jaro_winkler(&target, &name);
            if !target.is_empty() && (name.contains(&target) || target.contains(&name)) {
                score = score.max(0.9);
            }
            (score, u.name.as_str())
        })
        .max_by(|a, b| a.0.total_cmp(&b.0));
    let message = msg!("report-unit-unknown", unit = written, cell = at.cell());
    let help = match best {
        Some((score, name)) if score >= 0.8 => {
            msg!(
                "report-unit-unknown-suggest",
                unit = name,
                year = edition.year
            )
        }
        _ => msg!("report-unit-unknown-help", year = edition.year),
    };
    at.diagnostic(display, message).with_help(help)
}
