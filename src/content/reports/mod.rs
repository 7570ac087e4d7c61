//! Results reported by the units: the files in `<year>/reports/`, read and
//! checked as a department's accountant would, compiled into the edition's
//! [`model::Results`](super::model::Results).
//!
//! A unit fills in the year's form ([`crate::forms`]) and sends it back;
//! staff drop the files into `reports/` as they come: one per unit or one
//! combined sheet, `.xlsx` ([`xlsx`]), `.csv` ([`csv`]) or a `results.yaml`
//! typed by hand ([`yaml`]), in any order, several times. Each file is read
//! on its own into a [`Report`] (its figures parsed and each row's
//! (3) = (4) + (5) checked, [`table`]); [`compile`] then matches the rows
//! with the edition's units, keeps the newest report of each unit and adds
//! them up. A file whose stamp is unchanged is not read again.

mod compile;
mod csv;
mod table;
mod xlsx;
mod yaml;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;

use super::source::Stamp;
use crate::dates::Day;
use crate::diagnostics::Diagnostic;
use crate::msg;

pub(super) use compile::{compile, form_links};
pub(crate) use yaml::ResultsFile;

/// Bytes of a report file: a filled form is tens of kilobytes.
pub(crate) const MAX_REPORT_BYTES: u64 = 20 * 1024 * 1024;

/// Rows of a sheet: a province has a few hundred units.
pub(crate) const MAX_ROWS: u32 = 10_000;

/// Columns read of a sheet: the form has ten.
const MAX_COLUMNS: u16 = 40;

/// Where a value was found, to point at it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Place {
    /// A cell of a spreadsheet or CSV file (0-based row and column), on a
    /// named sheet for `.xlsx`.
    Cell {
        sheet: Option<Arc<str>>,
        row: u32,
        col: u16,
    },
    /// A 1-based line and column of `results.yaml`.
    Text { line: usize, column: usize },
}

impl Place {
    /// The cell as Excel names it: `E12`, or `'Báo cáo'!E12` on a named
    /// sheet; a YAML place as its line.
    pub(crate) fn cell(&self) -> String {
        match self {
            Place::Cell { sheet, row, col } => {
                let a1 = format!("{}{}", column_letters(*col), row + 1);
                match sheet {
                    Some(s) => format!("'{s}'!{a1}"),
                    None => a1,
                }
            }
            Place::Text { line, column } => format!("{line}:{column}"),
        }
    }

    /// A problem at this place of `file`.
    pub(crate) fn diagnostic(&self, file: &Path, message: crate::i18n::Message) -> Diagnostic {
        let mut d = Diagnostic::file(file, message);
        match self {
            Place::Cell { row, col, .. } => {
                d.line = *row as usize + 1;
                d.column = usize::from(*col) + 1;
            }
            Place::Text { line, column } => {
                d.line = *line;
                d.column = *column;
            }
        }
        d
    }
}

/// `A`, `Z`, `AA`: a 0-based column as a spreadsheet names it.
pub(crate) fn column_letters(col: u16) -> String {
    let mut n = u32::from(col) + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        out.push(b'A' + rem);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// A unit's figures in a report, as written (each with where it was).
#[derive(Debug, Clone, Default)]
pub(crate) struct Figures {
    pub(crate) participants: Option<u64>,
    pub(crate) total: Option<u64>,
    pub(crate) own: Option<u64>,
    pub(crate) mobilised: Option<u64>,
    pub(crate) activities: Option<u64>,
    pub(crate) reached: Option<u64>,
}

/// One unit's row of a report.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    /// The unit's name as written.
    pub(crate) unit: String,
    /// Where the name is.
    pub(crate) at: Place,
    pub(crate) figures: Figures,
    pub(crate) note: Option<String>,
}

/// One report file, read and checked on its own.
#[derive(Debug, Clone)]
pub(crate) struct Report {
    /// Path relative to the content folder.
    pub(crate) rel: String,
    /// The year of the form it was written on, and where that is said.
    pub(crate) year: Option<(i64, Place)>,
    /// The date the unit gave it.
    pub(crate) date: Option<Day>,
    /// When the file was last changed, to tell the newer of two reports
    /// without a date.
    pub(crate) modified: Option<std::time::SystemTime>,
    pub(crate) rows: Vec<Row>,
}

/// What reading a file gave: the report, or why there is none, and the
/// problems found either way.
#[derive(Debug)]
pub(super) struct Read {
    pub(super) report: Option<Report>,
    pub(super) problems: Vec<Diagnostic>,
}

/// Reports read by an earlier load, by path, with the stamp they had.
pub(crate) type ReportCache = HashMap<String, (Stamp, Arc<Read>)>;

/// The kinds of report files, by their ending.
enum Kind {
    Xlsx,
    Csv,
    Yaml,
}

/// Reads the report files of every edition (`rels` by year), reusing what
/// `cache` holds for files whose stamp is unchanged. Problems go to
/// `errors`; the rows of a file that read well are kept.
pub(super) fn read_all(
    source: &Path,
    rels: &BTreeMap<i16, Vec<String>>,
    paths: &HashMap<String, std::path::PathBuf>,
    cache: &mut ReportCache,
    errors: &mut Vec<Diagnostic>,
) -> BTreeMap<i16, Vec<Report>> {
    let jobs: Vec<(i16, &String)> = rels
        .iter()
        .flat_map(|(y, files)| files.iter().map(move |f| (*y, f)))
        .collect();
    let read: Vec<(i16, String, Stamp, Arc<Read>)> = jobs
        .par_iter()
        .filter_map(|&(year, rel)| {
            let real = paths.get(rel)?;
            let stamp = super::source::stamp(real)?;
            if let Some((s, r)) = cache.get(rel)
                && *s == stamp
            {
                return Some((year, rel.clone(), stamp, r.clone()));
            }
            let r = read_one(&source.join(rel), real, rel, stamp);
            Some((year, rel.clone(), stamp, Arc::new(r)))
        })
        .collect();
    cache.clear();
    let mut by_year: BTreeMap<i16, Vec<Report>> = BTreeMap::new();
    for (year, rel, stamp, r) in read {
        errors.extend(r.problems.iter().cloned());
        if let Some(report) = &r.report {
            by_year.entry(year).or_default().push(report.clone());
        }
        cache.insert(rel, (stamp, r));
    }
    by_year
}

/// Reads one report file.
fn read_one(display: &Path, real: &Path, rel: &str, stamp: Stamp) -> Read {
    let fail = |d: Diagnostic| Read {
        report: None,
        problems: vec![d],
    };
    let name = rel.rsplit('/').next().unwrap_or(rel).to_lowercase();
    let ending = name.rsplit_once('.').map_or("", |(_, e)| e);
    let kind = match ending {
        "xlsx" => Kind::Xlsx,
        "csv" => Kind::Csv,
        "yaml" | "yml" => Kind::Yaml,
        "xlsm" | "xltm" => {
            return fail(
                Diagnostic::file(display, msg!("report-macros"))
                    .with_help(msg!("report-macros-help")),
            );
        }
        _ => {
            return fail(
                Diagnostic::file(display, msg!("report-kind", ending = ending))
                    .with_help(msg!("report-kind-help")),
            );
        }
    };
    if stamp.1 > MAX_REPORT_BYTES {
        return fail(
            Diagnostic::file(
                display,
                msg!(
                    "report-too-large",
                    megabytes = stamp.1.div_ceil(1024 * 1024),
                    limit = MAX_REPORT_BYTES / (1024 * 1024)
                ),
            )
            .with_help(msg!("report-too-large-help")),
        );
    }
    let bytes = match std::fs::read(real) {
        Ok(b) => b,
        Err(e) => {
            return fail(Diagnostic::file(
                display,
                msg!("file-unreadable-because", reason = e.to_string()),
            ));
        }
    };
    let grids = match kind {
        Kind::Xlsx => xlsx::sheets(&bytes),
        Kind::Csv => csv::sheet(&bytes).map(|g| vec![g]),
        Kind::Yaml => {
            return match yaml::report(display, rel, &bytes) {
                Ok((mut report, problems)) => {
                    report.modified = stamp.0;
                    Read {
                        report: Some(report),
                        problems,
                    }
                }
                Err(d) => fail(*d),
            };
        }
    };
    let grids = match grids {
        Ok(g) => g,
        Err(problem) => return fail(problem.at(display)),
    };
    // The rows that read well are kept even when others did not, so that
    // one run also checks their units; the errors fail the build anyway.
    let (report, problems) = table::report(display, rel, &grids);
    Read {
        report: report.map(|r| Report {
            modified: stamp.0,
            ..r
        }),
        problems,
    }
}

/// A cell's content as the reader sees it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Empty,
    Text(String),
    Number(f64),
    Int(i64),
    /// A formula whose result the file does not hold (it was never
    /// computed, or the program that saved it did not store results).
    NoResult,
    /// An error value such as `#REF!`.
    Error(String),
}

/// One sheet: its name (none for CSV) and its rows, each at most
/// [`MAX_COLUMNS`] cells, the missing ones empty.
#[derive(Debug, Default)]
pub(crate) struct Grid {
    pub(crate) name: Option<Arc<str>>,
    pub(crate) rows: Vec<Vec<Value>>,
}

/// Why a file could not be read as sheets at all.
#[derive(Debug)]
pub(crate) enum Unreadable {
    Damaged(String),
    Macros,
    Unpacks(u64),
    TooManyRows { sheet: String },
}

impl Unreadable {
    fn at(self, display: &Path) -> Diagnostic {
        let (message, help) = match self {
            Unreadable::Damaged(detail) => (
                msg!("report-damaged", detail = detail),
                msg!("report-damaged-help"),
            ),
            Unreadable::Macros => (msg!("report-macros"), msg!("report-macros-help")),
            Unreadable::Unpacks(limit) => (
                msg!("report-unpacks-too-large", limit = limit / (1024 * 1024)),
                msg!("report-unpacks-too-large-help"),
            ),
            Unreadable::TooManyRows { sheet } => (
                msg!("report-too-many-rows", sheet = sheet, limit = MAX_ROWS),
                msg!("report-too-many-rows-help"),
            ),
        };
        Diagnostic::file(display, message).with_help(help)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_named_as_spreadsheets_name_them() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(4), "E");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
        let at = Place::Cell {
            sheet: Some("Báo cáo".into()),
            row: 11,
            col: 4,
        };
        assert_eq!(at.cell(), "'Báo cáo'!E12");
    }
}
