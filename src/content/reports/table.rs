//! Finding the form's table in a sheet and reading its rows.
//!
//! The table is found by its headers, not by its place: the header row is
//! the first with an "Đơn vị báo cáo" cell, its columns are named by the
//! words of [`forms::COLUMNS`] (folded, so `don vi bao cao` is found too),
//! and a second header row ("Ngân sách…", "Vận động khác" under
//! "Trong đó") and the row of column numbers are skipped. Rows are read
//! down to the totals row. Above the table, "Năm báo cáo" and
//! "Ngày báo cáo" give the form's year and the report's date.

use std::path::Path;

use super::{Figures, Grid, Place, Report, Row, Value};
use crate::diagnostics::Diagnostic;
use crate::forms::{self, COLUMNS, Column};
use crate::i18n::Message;
use crate::msg;
use crate::numbers::{self, NumberError};
use crate::text::fold;

/// The columns that a table must have.
const REQUIRED: [Column; 5] = [
    Column::Unit,
    Column::Participants,
    Column::Total,
    Column::Own,
    Column::Mobilised,
];

/// The column a header names, the most particular words first ("đơn vị"
/// is also in "Ngân sách của cơ quan, đơn vị").
fn column_of(header: &str) -> Option<Column> {
    let h = fold(header);
    if h.is_empty() {
        return None;
    }
    let order = [
        Column::Total,
        Column::Own,
        Column::Mobilised,
        Column::Participants,
        Column::Activities,
        Column::Reached,
        Column::Note,
        Column::Group,
        Column::Unit,
    ];
    if COLUMNS[0].2.contains(&h.as_str()) {
        return Some(Column::Number);
    }
    order.into_iter().find(|kind| {
        COLUMNS
            .iter()
            .find(|c| c.0 == *kind)
            .is_some_and(|c| c.2.iter().any(|w| h.contains(w)))
    })
}

fn text(v: &Value) -> Option<&str> {
    match v {
        Value::Text(t) => Some(t.as_str()),
        _ => None,
    }
}

/// Reads the report in `grids` (the sheets of one file). The sheets
/// without the table are skipped; a file where none has it is an error.
pub(super) fn report(
    display: &Path,
    rel: &str,
    grids: &[Grid],
) -> (Option<Report>, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let mut report = Report {
        rel: rel.to_owned(),
        year: None,
        date: None,
        modified: None,
        rows: Vec::new(),
    };
    let mut found = false;
    for grid in grids {
        let place = |row: usize, col: usize| Place::Cell {
            sheet: grid.name.clone(),
            row: row as u32,
            col: col as u16,
        };
        // The header row names the unit and at least one figure (a
        // title such as "Kết quả của đơn vị" names only a unit).
        let Some(header) = grid.rows.iter().position(|r| {
            let named: Vec<Column> = r
                .iter()
                .filter_map(|v| text(v).and_then(column_of))
                .collect();
            named.contains(&Column::Unit) && named.len() >= 2
        }) else {
            continue;
        };
        found = true;
        marks(grid, header, &place, &mut report, &mut problems, display);
        let mut columns: Vec<Option<Column>> = grid.rows[header]
            .iter()
            .map(|v| text(v).and_then(column_of))
            .collect();
        let unit_col = columns
            .iter()
            .position(|c| *c == Some(Column::Unit))
            .unwrap_or(0);
        let mut next = header + 1;
        // "Trong đó" spans (4) and (5); their names are on the row below.
        if let Some(sub) = grid.rows.get(next)
            && cell(sub, unit_col) == &Value::Empty
            && sub.iter().any(|v| text(v).and_then(column_of).is_some())
        {
            for (i, v) in sub.iter().enumerate() {
                if let Some(kind) = text(v).and_then(column_of) {
                    if columns.len() <= i {
                        columns.resize(i + 1, None);
                    }
                    columns[i] = Some(kind);
                }
            }
            next += 1;
        }
        let missing: Vec<&str> = REQUIRED
            .iter()
            .filter(|k| !columns.contains(&Some(**k)))
            .filter_map(|k| COLUMNS.iter().find(|c| c.0 == *k).map(|c| c.1))
            .collect();
        if !missing.is_empty() {
            problems.push(
                place(header, unit_col)
                    .diagnostic(
                        display,
                        msg!("report-missing-columns", columns = missing.join(", ")),
                    )
                    .with_help(msg!("report-missing-columns-help")),
            );
            continue;
        }
        if grid
            .rows
            .get(next)
            .is_some_and(|r| is_numbering(r, unit_col))
        {
            next += 1;
        }
        for (r, cells) in grid.rows.iter().enumerate().skip(next) {
            let unit = text(cell(cells, unit_col)).map(str::trim).unwrap_or("");
            let folded = fold(unit);
            if ["tong cong", "tong", "cong", "tong so"].contains(&folded.as_str()) {
                break;
            }
            let mut figures = Figures::default();
            let mut note = None;
            let mut any = false;
            for (c, kind) in columns.iter().enumerate() {
                let Some(kind) = kind else { continue };
                let v = cell(cells, c);
                if *kind == Column::Note {
                    note = text(v).map(str::to_owned);
                    continue;
                }
                let slot = match kind {
                    Column::Participants => &mut figures.participants,
                    Column::Total => &mut figures.total,
                    Column::Own => &mut figures.own,
                    Column::Mobilised => &mut figures.mobilised,
                    Column::Activities => &mut figures.activities,
                    Column::Reached => &mut figures.reached,
                    _ => continue,
                };
                match figure(v) {
                    Ok(Some(n)) => {
                        *slot = Some(n);
                        any = true;
                    }
                    Ok(None) => {}
                    // Computed here from (4) and (5).
                    Err(Bad::NoResult) if *kind == Column::Total => {}
                    Err(bad) => {
                        any = true;
                        problems.push(bad.diagnostic(display, &place(r, c), v, *kind));
                    }
                }
            }
            if unit.is_empty() {
                if any {
                    problems.push(
                        place(r, unit_col)
                            .diagnostic(
                                display,
                                msg!("report-row-without-unit", cell = place(r, unit_col).cell()),
                            )
                            .with_help(msg!("report-row-without-unit-help")),
                    );
                }
                continue;
            }
            if !any {
                // A unit of the form that has not filled its row.
                continue;
            }
            let total_col = columns.iter().position(|c| *c == Some(Column::Total));
            if let Some(d) = check_sum(&figures, display, &place(r, total_col.unwrap_or(0))) {
                problems.push(d);
                continue;
            }
            if figures.total.is_none() {
                figures.total = Some(figures.own.unwrap_or(0) + figures.mobilised.unwrap_or(0));
            }
            report.rows.push(Row {
                unit: crate::text::nfc(unit.to_owned()),
                at: place(r, unit_col),
                figures,
                note: note.filter(|n| !n.trim().is_empty()),
            });
        }
    }
    if !found {
        problems.push(
            Diagnostic::file(display, msg!("report-no-table"))
                .with_help(msg!("report-no-table-help")),
        );
        return (None, problems);
    }
    (Some(report), problems)
}

fn cell(row: &[Value], col: usize) -> &Value {
    row.get(col).unwrap_or(&Value::Empty)
}

/// The row of column numbers under the headers (`1`, `2`, `3 = 4 + 5`).
fn is_numbering(row: &[Value], unit_col: usize) -> bool {
    cell(row, unit_col) == &Value::Empty
        && row.iter().all(|v| match v {
            Value::Empty => true,
            Value::Int(n) => (0..=20).contains(n),
            Value::Number(n) => (0.0..=20.0).contains(n),
            Value::Text(t) => t.chars().all(|c| c.is_ascii_digit() || " ()=+".contains(c)),
            _ => false,
        })
}

/// "Năm báo cáo" and "Ngày báo cáo" above the table: the value is in the
/// next cell to the right that is not empty.
fn marks(
    grid: &Grid,
    header: usize,
    place: &impl Fn(usize, usize) -> Place,
    report: &mut Report,
    problems: &mut Vec<Diagnostic>,
    display: &Path,
) {
    let (year_label, date_label) = (fold(forms::YEAR_LABEL), fold(forms::DATE_LABEL));
    for (r, cells) in grid.rows.iter().enumerate().take(header) {
        for (c, v) in cells.iter().enumerate() {
            let Some(label) = text(v).map(|t| fold(t.trim_end_matches(':'))) else {
                continue;
            };
            let Some((vc, value)) = cells
                .iter()
                .enumerate()
                .skip(c + 1)
                .find(|(_, v)| **v != Value::Empty)
            else {
                continue;
            };
            if label == year_label {
                let year = match value {
                    Value::Int(n) => Some(*n),
                    Value::Number(n) if n.fract() == 0.0 => Some(*n as i64),
                    Value::Text(t) => t.trim().parse().ok(),
                    _ => None,
                };
                if let Some(y) = year {
                    report.year = Some((y, place(r, vc)));
                }
            } else if label == date_label {
                let date = match value {
                    Value::Text(t) => crate::dates::parse_day(t.trim()),
                    // Excel's day number: 1 is 1900-01-01, with 1900's
                    // phantom 29 February.
                    Value::Number(n) if *n > 60.0 && *n < 2_958_466.0 => excel_day(*n as i64),
                    Value::Int(n) if *n > 60 && *n < 2_958_466 => excel_day(*n),
                    _ => None,
                };
                match date {
                    Some(d) => report.date = Some(d),
                    None => problems.push(
                        place(r, vc)
                            .diagnostic(
                                display,
                                msg!("report-bad-date", cell = place(r, vc).cell()),
                            )
                            .with_help(msg!("report-bad-date-help"))
                            .warning(),
                    ),
                }
            }
        }
    }
}

fn excel_day(serial: i64) -> Option<crate::dates::Day> {
    let base = jiff::civil::date(1899, 12, 30);
    base.checked_add(jiff::Span::new().days(serial))
        .ok()
        .map(crate::dates::Day)
}

/// Why a cell is not a figure.
enum Bad {
    Number(NumberError),
    NoResult,
    Error(String),
}

fn figure(v: &Value) -> Result<Option<u64>, Bad> {
    match v {
        Value::Empty => Ok(None),
        Value::Text(t) => numbers::parse(t).map_err(Bad::Number),
        Value::Number(n) => numbers::from_float(*n).map(Some).map_err(Bad::Number),
        Value::Int(n) => numbers::from_int(*n).map(Some).map_err(Bad::Number),
        Value::NoResult => Err(Bad::NoResult),
        Value::Error(e) => Err(Bad::Error(e.clone())),
    }
}

impl Bad {
    fn diagnostic(&self, display: &Path, at: &Place, v: &Value, kind: Column) -> Diagnostic {
        let cell = at.cell();
        let written = match v {
            Value::Text(t) => crate::content::limits::quoted(t),
            Value::Number(n) => n.to_string(),
            Value::Int(n) => n.to_string(),
            _ => String::new(),
        };
        let column = COLUMNS.iter().find(|c| c.0 == kind).map_or("", |c| c.1);
        let (message, help): (Message, Message) = match self {
            Bad::Number(e) => number_problem(e, &cell, &written, column),
            Bad::NoResult => (
                msg!("report-formula-no-result", cell = cell),
                msg!("report-formula-no-result-help"),
            ),
            Bad::Error(e) => (
                msg!("report-cell-error", cell = cell, value = e.as_str()),
                msg!("report-cell-error-help"),
            ),
        };
        at.diagnostic(display, message).with_help(help)
    }
}

/// The message and help for a figure that is not a whole number.
pub(super) fn number_problem(
    e: &NumberError,
    cell: &str,
    written: &str,
    column: &str,
) -> (Message, Message) {
    match e {
        NumberError::Ambiguous => (
            msg!("report-number-ambiguous", cell = cell, value = written),
            msg!(
                "report-number-ambiguous-help",
                value = written,
                digits = written.replace(',', ".")
            ),
        ),
        NumberError::EnglishDecimal => (
            msg!("report-number-english", cell = cell, value = written),
            msg!("report-number-english-help"),
        ),
        NumberError::NotWhole => (
            msg!("report-number-not-whole", cell = cell, value = written),
            msg!("report-number-not-whole-help"),
        ),
        NumberError::Negative => (
            msg!("report-number-negative", cell = cell, value = written),
            msg!("report-number-negative-help"),
        ),
        NumberError::TooLarge => (
            msg!("report-number-too-large", cell = cell, value = written),
            msg!("report-number-too-large-help"),
        ),
        NumberError::NotANumber => (
            msg!(
                "report-not-a-number",
                cell = cell,
                value = written,
                column = column
            ),
            msg!("report-not-a-number-help"),
        ),
    }
}

/// (3) = (4) + (5): a total that is not the sum of its parts.
pub(super) fn check_sum(f: &Figures, display: &Path, at: &Place) -> Option<Diagnostic> {
    let total = f.total?;
    let (own, mobilised) = (f.own.unwrap_or(0), f.mobilised.unwrap_or(0));
    let sum = own + mobilised;
    if sum == total {
        return None;
    }
    let help = msg!("report-total-mismatch-help");
    Some(
        at.diagnostic(
            display,
            msg!(
                "report-total-mismatch",
                cell = at.cell(),
                total = numbers::grouped(total),
                own = numbers::grouped(own),
                mobilised = numbers::grouped(mobilised),
                sum = numbers::grouped(sum)
            ),
        )
        .with_help(help),
    )
}
