//! The report form: the spreadsheet a year's plan sends to its units, and
//! the same table filled with their figures, as the department sends it on.
//!
//! Its columns are those of the form attached to Hải Phòng's plan
//! 45/KH-SLĐTBXH (participants; total budget (3) = own budget (4) +
//! mobilised funds (5)), numbered as there, with the unit, its group, the
//! activities held, the people reached and a note added. The loader reads
//! the files that come back by the same headers ([`COLUMNS`]), so a form
//! written here is always read back.
//!
//! Written as `.xlsx` (formulas for (3) and the totals, number formats,
//! the header locked, input cells open) and as CSV with a byte-order mark,
//! which Excel on Vietnamese Windows needs to read UTF-8. Both are
//! reproducible: the same edition gives the same bytes.

use rust_xlsxwriter::{
    DataValidation, DataValidationRule, DocProperties, ExcelDateTime, Format, FormatAlign,
    FormatBorder, Formula, ProtectionOptions, Workbook, Worksheet, XlsxError,
};

use crate::dates::Day;

mod command;

pub(crate) use command::{filled, spec, write_form};

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Column {
    Number,
    Unit,
    Group,
    Participants,
    Total,
    Own,
    Mobilised,
    Activities,
    Reached,
    Note,
}

/// The figures of a row, in the order of [`Figures`].
pub(crate) const FIGURES: [Column; 6] = [
    Column::Participants,
    Column::Total,
    Column::Own,
    Column::Mobilised,
    Column::Activities,
    Column::Reached,
];

/// The form's columns, left to right: header, the words that recognise it
/// in a file that comes back (folded, see [`crate::text::fold`]), and the
/// number the seed's form gives it.
pub(crate) const COLUMNS: [(Column, &str, &[&str], &str); 10] = [
    (Column::Number, "TT", &["tt", "stt"], "1"),
    (
        Column::Unit,
        "Đơn vị báo cáo",
        &["don vi bao cao", "ten don vi", "don vi"],
        "",
    ),
    (Column::Group, "Nhóm", &["nhom"], ""),
    (
        Column::Participants,
        "Số người tham gia",
        &["so nguoi tham gia", "nguoi tham gia"],
        "2",
    ),
    (
        Column::Total,
        "Tổng kinh phí thực hiện (đồng)",
        &["tong kinh phi"],
        "3 = 4 + 5",
    ),
    (
        Column::Own,
        "Ngân sách của cơ quan, đơn vị",
        &["ngan sach"],
        "4",
    ),
    (Column::Mobilised, "Vận động khác", &["van dong"], "5"),
    (
        Column::Activities,
        "Số hoạt động đã tổ chức",
        &["so hoat dong", "hoat dong"],
        "6",
    ),
    (
        Column::Reached,
        "Số người được tiếp cận, hỗ trợ",
        &["tiep can", "ho tro"],
        "7",
    ),
    (Column::Note, "Ghi chú", &["ghi chu"], ""),
];

/// The label of the cell that says which year's form a file is; the year
/// is in the cell to its right.
pub(crate) const YEAR_LABEL: &str = "Năm báo cáo";
/// The label of the cell the unit dates its report in.
pub(crate) const DATE_LABEL: &str = "Ngày báo cáo";
/// What the totals row says in the unit column.
pub(crate) const TOTAL_LABEL: &str = "Tổng cộng";
/// The header above own budget and mobilised funds, as in the seed.
const OF_WHICH: &str = "Trong đó";

/// The edition a form is for.
pub(crate) struct FormSpec<'a> {
    pub(crate) year: i16,
    pub(crate) ordinal: i64,
    pub(crate) theme: &'a str,
    pub(crate) organization: &'a str,
    /// Name and group of each unit, in the edition's order.
    pub(crate) units: Vec<(&'a str, Option<&'a str>)>,
    pub(crate) deadline: Option<Day>,
    pub(crate) deadline_source: Option<&'a str>,
    /// Where reports go, as plain text.
    pub(crate) contact: Option<String>,
}

/// One row of a filled form: the unit's figures (see [`FIGURES`]) and note.
pub(crate) struct FilledRow<'a> {
    pub(crate) unit: &'a str,
    pub(crate) group: Option<&'a str>,
    pub(crate) figures: [Option<u64>; 6],
    pub(crate) note: Option<&'a str>,
}

/// File names of a year's form in its `files/` folder.
pub(crate) fn file_stem(year: i16) -> String {
    format!("bieu-bao-cao-{year}")
}

/// The units in the order the form lists them: grouped, the groups in the
/// order they first appear, the units of a group in the edition's order.
pub(crate) fn grouped<'g, T>(units: &[T], group: impl Fn(&T) -> Option<&'g str>) -> Vec<&T> {
    let mut groups: Vec<Option<&str>> = Vec::new();
    for u in units {
        if !groups.contains(&group(u)) {
            groups.push(group(u));
        }
    }
    groups
        .iter()
        .flat_map(|g| units.iter().filter(|u| group(u) == *g))
        .collect()
}

/// The rows of the table: the units' figures when the form is filled,
/// else every unit of the edition, empty, grouped.
fn rows_of<'a>(spec: &FormSpec<'a>, filled: Option<&[FilledRow<'a>]>) -> Vec<FilledRow<'a>> {
    match filled {
        Some(rows) => rows
            .iter()
            .map(|r| FilledRow {
                unit: r.unit,
                group: r.group,
                figures: r.figures,
                note: r.note,
            })
            .collect(),
        None => grouped(&spec.units, |u| u.1)
            .into_iter()
            .map(|&(unit, group)| FilledRow {
                unit,
                group,
                figures: [None; 6],
                note: None,
            })
            .collect(),
    }
}

/// The header rows above the table, as text: title, edition, sender,
/// deadline and how to fill it in.
fn preamble(spec: &FormSpec) -> [String; 4] {
    let deadline = match (spec.deadline, spec.deadline_source) {
        (Some(d), Some(s)) => format!("Hạn gửi báo cáo: trước ngày {} ({s}).", d.short()),
        (Some(d), None) => format!("Hạn gửi báo cáo: trước ngày {}.", d.short()),
        (None, _) => "Hạn gửi báo cáo: theo kế hoạch của năm.".to_owned(),
    };
    let contact = spec
        .contact
        .as_deref()
        .map(|c| format!(" Nơi nhận: {c}"))
        .unwrap_or_default();
    [
        "BIỂU TỔNG HỢP KẾT QUẢ".to_owned(),
        format!(
            "Tổ chức Ngày Công tác xã hội Việt Nam năm {} (lần thứ {}) – chủ đề “{}”",
            spec.year, spec.ordinal, spec.theme
        ),
        format!("Biểu mẫu của {}.", spec.organization),
        format!("{deadline}{contact}"),
    ]
}

const HOW_TO: &str = "Cách điền: mỗi đơn vị điền dòng của mình ở các cột 2, 4, 5, 6, 7 và Ghi chú; cột 3 tự tính bằng (4) + (5). Số tiền ghi bằng đồng, ví dụ 1.500.000. Không sửa tên đơn vị, không thêm cột.";

/// Rows (0-based) of the sheet's parts.
const YEAR_ROW: u32 = 5;
const HEADER_ROW: u32 = 7;
const FIRST_UNIT_ROW: u32 = HEADER_ROW + 3;

/// The form as an `.xlsx` file; with `filled`, the units' figures in it
/// (the compiled table).
pub(crate) fn xlsx(spec: &FormSpec, filled: Option<&[FilledRow]>) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let created = ExcelDateTime::from_ymd(spec.year.max(1900) as u16, 1, 1)?;
    book.set_properties(
        &DocProperties::new()
            .set_title(format!("Biểu tổng hợp kết quả năm {}", spec.year))
            .set_author(spec.organization)
            .set_creation_datetime(&created),
    );
    let sheet = book.add_worksheet();
    sheet.set_name("Báo cáo")?;
    write_sheet(sheet, spec, filled)?;
    book.save_to_buffer()
}

fn write_sheet(
    sheet: &mut Worksheet,
    spec: &FormSpec,
    filled: Option<&[FilledRow]>,
) -> Result<(), XlsxError> {
    let last_col = (COLUMNS.len() - 1) as u16;
    let title = Format::new()
        .set_bold()
        .set_font_size(14)
        .set_align(FormatAlign::Center);
    let centred = Format::new().set_align(FormatAlign::Center).set_text_wrap();
    let wrapped = Format::new().set_text_wrap();
    let head = Format::new()
        .set_bold()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_text_wrap();
    let cell = Format::new().set_border(FormatBorder::Thin).set_text_wrap();
    let input = cell.clone().set_unlocked();
    let number_in = input.clone().set_num_format("#,##0");
    let number = cell.clone().set_num_format("#,##0");
    let total = number.clone().set_bold();
    let date_in = Format::new()
        .set_unlocked()
        .set_border(FormatBorder::Thin)
        .set_num_format("dd/mm/yyyy");

    let lines = preamble(spec);
    sheet.merge_range(0, 0, 0, last_col, &lines[0], &title)?;
    for (i, line) in lines[1..].iter().enumerate() {
        let row = i as u32 + 1;
        sheet.merge_range(row, 0, row, last_col, line, &centred)?;
    }
    sheet.merge_range(4, 0, 4, last_col, HOW_TO, &wrapped)?;
    sheet.set_row_height(4, 32)?;
    sheet.write_string(YEAR_ROW, 0, YEAR_LABEL)?;
    sheet.write_number(YEAR_ROW, 1, f64::from(spec.year))?;
    sheet.write_string(YEAR_ROW, 3, DATE_LABEL)?;
    sheet.write_blank(YEAR_ROW, 4, &date_in)?;

    // Two header rows ("Trong đó" over (4) and (5)), then the numbers.
    for (col, (kind, header, _, numbered)) in COLUMNS.iter().enumerate() {
        let col = col as u16;
        match kind {
            Column::Own => {
                sheet.merge_range(HEADER_ROW, col, HEADER_ROW, col + 1, OF_WHICH, &head)?;
                sheet.write_string_with_format(HEADER_ROW + 1, col, *header, &head)?;
            }
            Column::Mobilised => {
                sheet.write_string_with_format(HEADER_ROW + 1, col, *header, &head)?;
            }
            _ => {
                sheet.merge_range(HEADER_ROW, col, HEADER_ROW + 1, col, header, &head)?;
            }
        }
        sheet.write_string_with_format(HEADER_ROW + 2, col, *numbered, &head)?;
    }
    for (col, width) in [5.0, 42.0, 22.0, 12.0, 18.0, 18.0, 16.0, 12.0, 14.0, 28.0]
        .into_iter()
        .enumerate()
    {
        sheet.set_column_width(col as u16, width)?;
    }
    sheet.set_row_height(HEADER_ROW + 1, 45)?;

    let rows = rows_of(spec, filled);
    let col_of = |c: Column| COLUMNS.iter().position(|k| k.0 == c).unwrap_or(0) as u16;
    let letter = |c: Column| char::from(b'A' + col_of(c) as u8);
    let last_row = FIRST_UNIT_ROW + rows.len().max(1) as u32 - 1;
    for (i, r) in rows.iter().enumerate() {
        let row = FIRST_UNIT_ROW + i as u32;
        let excel_row = row + 1;
        sheet.write_number_with_format(row, 0, (i + 1) as f64, &cell)?;
        sheet.write_string_with_format(row, col_of(Column::Unit), r.unit, &cell)?;
        sheet.write_string_with_format(row, col_of(Column::Group), r.group.unwrap_or(""), &cell)?;
        for (kind, value) in FIGURES.iter().zip(r.figures) {
            let col = col_of(*kind);
            if *kind == Column::Total {
                let (own, mob) = (letter(Column::Own), letter(Column::Mobilised));
                let formula = Formula::new(format!(
                    "=IF(COUNT({own}{excel_row}:{mob}{excel_row})=0,\"\",{own}{excel_row}+{mob}{excel_row})"
                ));
                sheet.write_formula_with_format(row, col, formula, &number)?;
                // The compiled table stores its results too, for programs
                // that show a file without computing it (LibreOffice
                // does not recompute an .xlsx on opening by default).
                if let Some(v) = value {
                    sheet.set_formula_result(row, col, v.to_string());
                }
                continue;
            }
            match value {
                Some(v) => sheet.write_number_with_format(row, col, v as f64, &number_in)?,
                None => sheet.write_blank(row, col, &number_in)?,
            };
        }
        match r.note {
            Some(n) => sheet.write_string_with_format(row, col_of(Column::Note), n, &input)?,
            None => sheet.write_blank(row, col_of(Column::Note), &input)?,
        };
    }
    let total_row = last_row + 1;
    sheet.write_string_with_format(total_row, col_of(Column::Unit), TOTAL_LABEL, &head)?;
    for kind in FIGURES {
        let c = letter(kind);
        let formula = Formula::new(format!(
            "=SUM({c}{}:{c}{})",
            FIRST_UNIT_ROW + 1,
            last_row + 1
        ));
        sheet.write_formula_with_format(total_row, col_of(kind), formula, &total)?;
        if filled.is_some() {
            let i = FIGURES.iter().position(|k| *k == kind).unwrap_or(0);
            let sum: u64 = rows.iter().filter_map(|r| r.figures[i]).sum();
            sheet.set_formula_result(total_row, col_of(kind), sum.to_string());
        }
    }
    let validation = DataValidation::new()
        .allow_decimal_number(DataValidationRule::GreaterThanOrEqualTo(0.0))
        .set_error_title("Số không hợp lệ")?
        .set_error_message("Hãy nhập một số không âm, không có chữ; số tiền ghi bằng đồng.")?;
    for kind in FIGURES {
        if kind != Column::Total {
            let col = col_of(kind);
            sheet.add_data_validation(FIRST_UNIT_ROW, col, last_row, col, &validation)?;
        }
    }
    let sign = total_row + 2;
    let year = spec.year;
    sheet.merge_range(
        sign,
        6,
        sign,
        last_col,
        &format!("…………, ngày … tháng … năm {year}"),
        &centred,
    )?;
    sheet.merge_range(sign + 1, 6, sign + 1, last_col, "THỦ TRƯỞNG ĐƠN VỊ", &head)?;
    sheet.merge_range(
        sign + 2,
        6,
        sign + 2,
        last_col,
        "(Ký tên, đóng dấu)",
        &centred,
    )?;
    // LibreOffice keeps a formula's stored result unless it is empty:
    // empty results make it compute them when the file is opened.
    sheet.set_formula_result_default("");
    sheet.set_freeze_panes(FIRST_UNIT_ROW, 2)?;
    sheet.set_landscape();
    sheet.set_paper_size(9);
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(HEADER_ROW, HEADER_ROW + 2)?;
    sheet.protect_with_options(&ProtectionOptions {
        select_locked_cells: true,
        select_unlocked_cells: true,
        format_columns: true,
        format_rows: true,
        insert_rows: true,
        delete_rows: true,
        sort: true,
        use_autofilter: true,
        ..ProtectionOptions::default()
    });
    Ok(())
}

/// The form as CSV (UTF-8 with a byte-order mark): the same rows as the
/// `.xlsx`, with values instead of formulas.
pub(crate) fn csv(spec: &FormSpec, filled: Option<&[FilledRow]>) -> Vec<u8> {
    let mut out = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    let blank = |n: usize| vec![String::new(); n];
    let width = COLUMNS.len();
    let mut write = |row: Vec<String>| {
        // Writing to a Vec cannot fail.
        let _ = out.write_record(&row);
    };
    for line in preamble(spec) {
        let mut row = blank(width);
        row[0] = line;
        write(row);
    }
    let mut row = blank(width);
    row[0] = HOW_TO.to_owned();
    write(row);
    let mut row = blank(width);
    row[0] = YEAR_LABEL.to_owned();
    row[1] = spec.year.to_string();
    row[3] = DATE_LABEL.to_owned();
    write(row);
    write(blank(width));
    write(
        COLUMNS
            .iter()
            .map(|(k, h, _, _)| match k {
                Column::Own => OF_WHICH.to_owned(),
                Column::Mobilised => String::new(),
                _ => (*h).to_owned(),
            })
            .collect(),
    );
    write(
        COLUMNS
            .iter()
            .map(|(k, h, _, _)| match k {
                Column::Own | Column::Mobilised => (*h).to_owned(),
                _ => String::new(),
            })
            .collect(),
    );
    write(COLUMNS.iter().map(|c| c.3.to_owned()).collect());
    let rows = rows_of(spec, filled);
    let mut sums = [0u64; 6];
    for (i, r) in rows.iter().enumerate() {
        let mut row = vec![(i + 1).to_string(), r.unit.to_owned()];
        row.push(r.group.unwrap_or("").to_owned());
        for (j, f) in r.figures.iter().enumerate() {
            sums[j] += f.unwrap_or(0);
            row.push(f.map(|v| v.to_string()).unwrap_or_default());
        }
        row.push(r.note.unwrap_or("").to_owned());
        write(row);
    }
    if filled.is_some() {
        let mut row = vec![String::new(), TOTAL_LABEL.to_owned(), String::new()];
        row.extend(sums.iter().map(u64::to_string));
        row.push(String::new());
        write(row);
    }
    out.into_inner().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec() -> FormSpec<'static> {
        FormSpec {
            year: 2025,
            ordinal: 9,
            theme: "Công tác xã hội Việt Nam",
            organization: "Sở Y tế",
            units: vec![
                ("Sở Y tế", Some("Sở, ngành")),
                ("Hội Phụ nữ", Some("Đoàn thể")),
                ("Sở Giáo dục", Some("Sở, ngành")),
                ("Làng SOS", None),
            ],
            deadline: Day::new(2025, 3, 31),
            deadline_source: None,
            contact: Some("Phòng Bảo trợ xã hội".to_owned()),
        }
    }

    #[test]
    fn units_are_grouped_in_the_order_groups_first_appear() {
        let s = spec();
        let order: Vec<&str> = grouped(&s.units, |u| u.1).iter().map(|u| u.0).collect();
        assert_eq!(order, ["Sở Y tế", "Sở Giáo dục", "Hội Phụ nữ", "Làng SOS"]);
    }

    #[test]
    fn the_form_is_the_same_bytes_every_time() {
        let a = xlsx(&spec(), None).unwrap();
        let b = xlsx(&spec(), None).unwrap();
        assert_eq!(a, b);
        assert_eq!(&a[..2], b"PK");
        assert_eq!(csv(&spec(), None), csv(&spec(), None));
    }

    #[test]
    fn the_csv_starts_with_a_bom_and_lists_every_unit() {
        let bytes = csv(&spec(), None);
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        for (unit, _) in spec().units {
            assert!(text.contains(unit), "{unit}");
        }
        assert!(text.contains("Hạn gửi báo cáo: trước ngày 31/3/2025"));
        assert!(text.contains("3 = 4 + 5"));
    }
}
