//! `<year>/reports/results.yaml`: results typed in by hand, for units that
//! report by letter or telephone. Figures are numbers or texts written the
//! Vietnamese way (`"1,5 triệu đồng"`), checked like a spreadsheet's.

use std::path::Path;

use serde::Deserialize;

use super::{Figures, Place, Report, Row};
use crate::content::source::{Seg, source_text};
use crate::dates::Day;
use crate::diagnostics::Diagnostic;
use crate::numbers;

/// Kết quả báo cáo nhập tay (`<năm>/reports/results.yaml`). Results typed in by hand.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "results.yaml")]
pub(crate) struct ResultsFile {
    /// Năm báo cáo (year): nếu viết thì phải trùng năm của thư mục.
    #[serde(default)]
    year: Option<i64>,
    /// Ngày báo cáo (date), ví dụ "28/3/2025": khi một đơn vị báo cáo nhiều lần, bản có ngày sau được dùng.
    #[serde(default)]
    date: Option<Day>,
    /// Kết quả của từng đơn vị (units).
    #[serde(default)]
    units: Vec<UnitFile>,
}

/// Kết quả của một đơn vị. Số viết như người Việt viết: 1.234.567, "1,5 triệu đồng", "12 triệu".
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
struct UnitFile {
    /// Tên đơn vị (unit), đúng như trong `units` của edition.yaml.
    unit: String,
    /// Số người tham gia (participants), cột (2) của biểu.
    #[serde(default)]
    participants: Option<FigureFile>,
    /// Tổng kinh phí thực hiện (total), cột (3) = (4) + (5); bỏ trống thì được tính.
    #[serde(default)]
    total: Option<FigureFile>,
    /// Ngân sách của cơ quan, đơn vị (own_budget), cột (4), bằng đồng.
    #[serde(default)]
    own_budget: Option<FigureFile>,
    /// Vận động khác (mobilised), cột (5), bằng đồng.
    #[serde(default)]
    mobilised: Option<FigureFile>,
    /// Số hoạt động đã tổ chức (activities), cột (6).
    #[serde(default)]
    activities: Option<FigureFile>,
    /// Số người được tiếp cận, hỗ trợ (reached), cột (7).
    #[serde(default)]
    reached: Option<FigureFile>,
    /// Ghi chú (note).
    #[serde(default)]
    note: Option<String>,
}

/// A figure: a number, or a text such as "1,5 triệu đồng".
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(untagged)]
enum FigureFile {
    Int(i64),
    Float(f64),
    Text(String),
}

/// Reads `results.yaml`: the report and the problems of its figures, or
/// the problem that kept it from being read.
pub(super) fn report(
    display: &Path,
    rel: &str,
    bytes: &[u8],
) -> Result<(Report, Vec<Diagnostic>), Box<Diagnostic>> {
    let text = crate::text::decode_source(bytes).map_err(|offset| {
        let valid = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
        let (line, column) = crate::diagnostics::line_column(valid, offset);
        Box::new(
            Diagnostic::file(
                display,
                crate::msg!("not-utf8", line = line, column = column),
            )
            .with_help(crate::msg!("not-utf8-help")),
        )
    })?;
    let mut src = source_text(rel, &text);
    src.display = display.to_path_buf();
    let raw: ResultsFile =
        crate::yaml::parse(display, &src.text, 0, src.text.len()).map_err(Box::new)?;
    let place = |path: &[Seg]| {
        let (line, column) = crate::yaml::locate(&src.text, path, false).unwrap_or((0, 0));
        Place::Text { line, column }
    };
    let mut problems = Vec::new();
    let mut rows = Vec::new();
    for (i, u) in raw.units.into_iter().enumerate() {
        let at = |key: &'static str| [Seg::Key("units"), Seg::Index(i), Seg::Key(key)];
        let mut read = |key: &'static str, column: &str, v: Option<FigureFile>| -> Option<u64> {
            let (result, written) = match v? {
                FigureFile::Int(n) => (numbers::from_int(n), n.to_string()),
                FigureFile::Float(f) => (numbers::from_float(f), f.to_string()),
                FigureFile::Text(t) => (
                    numbers::parse(&t).and_then(|n| n.ok_or(numbers::NumberError::NotANumber)),
                    t,
                ),
            };
            match result {
                Ok(n) => Some(n),
                Err(e) => {
                    let p = place(&at(key));
                    let (message, help) =
                        super::table::number_problem(&e, &p.cell(), &written, column);
                    problems.push(p.diagnostic(display, message).with_help(help));
                    None
                }
            }
        };
        let mut figures = Figures {
            participants: read("participants", "participants", u.participants),
            total: read("total", "total", u.total),
            own: read("own_budget", "own_budget", u.own_budget),
            mobilised: read("mobilised", "mobilised", u.mobilised),
            activities: read("activities", "activities", u.activities),
            reached: read("reached", "reached", u.reached),
        };
        if let Some(d) = super::table::check_sum(&figures, display, &place(&at("total"))) {
            problems.push(d);
            continue;
        }
        figures
            .total
            .get_or_insert(figures.own.unwrap_or(0) + figures.mobilised.unwrap_or(0));
        rows.push(Row {
            unit: crate::text::nfc(u.unit.trim().to_owned()),
            at: place(&at("unit")),
            figures,
            note: u.note.filter(|n| !n.trim().is_empty()),
        });
    }
    let report = Report {
        rel: rel.to_owned(),
        year: raw.year.map(|y| (y, place(&[Seg::Key("year")]))),
        date: raw.date,
        modified: None,
        rows,
    };
    Ok((report, problems))
}
