//! Fixtures of the results tests: a site whose 2025 edition has units in
//! groups, and report files as units send them back (filled forms, sheets
//! made by hand, hostile workbooks written part by part).

use std::io::Write;

use crate::common::TestDir;

pub const SITE: &str = r#"title: "Ngày Công tác xã hội Việt Nam"
base_url: "https://ctxh.example.gov.vn/"
language: vi
organization: "Sở Lao động - Thương binh và Xã hội thành phố Hải Phòng"
theme: default
campaign:
  day: "03-25"
  first_year: 2017
"#;

pub const EDITION: &str = r#"theme: "Công tác xã hội Việt Nam - Đổi mới và phát triển"
units:
  - name: "Sở Y tế Hải Phòng"
    group: "Sở, ban, ngành"
  - name: "Hội Liên hiệp Phụ nữ thành phố"
    group: "Mặt trận và đoàn thể"
  - name: "Sở Giáo dục và Đào tạo Hải Phòng"
    group: "Sở, ban, ngành"
  - name: "Làng Trẻ em SOS Hải Phòng"
    group: "Cơ sở trợ giúp xã hội"
report: { deadline: "31/3/2025", contact: "Phòng Bảo trợ xã hội" }
"#;

/// The site, its 2025 form written by `campaign report form 2025`.
pub fn site() -> TestDir {
    let t = TestDir::with(&[
        ("content/site.yaml", SITE),
        ("content/2025/edition.yaml", EDITION),
    ]);
    t.run(&["report", "form", "2025"]).assert_ok();
    t
}

/// The form's CSV with `figures` (unit → cells from column D on) filled in.
pub fn filled_csv(t: &TestDir, date: Option<&str>, figures: &[(&str, &[&str])]) -> Vec<u8> {
    let bytes = std::fs::read(t.join("content/2025/files/bieu-bao-cao-2025.csv")).unwrap();
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut out = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    for record in reader.records() {
        let mut row: Vec<String> = record.unwrap().iter().map(str::to_owned).collect();
        if row.first().map(String::as_str) == Some("Năm báo cáo")
            && let Some(d) = date
        {
            row[4] = d.to_owned();
        }
        if let Some((_, cells)) = figures
            .iter()
            .find(|(u, _)| row.get(1) == Some(&u.to_string()))
        {
            for (i, c) in cells.iter().enumerate() {
                row[3 + i] = (*c).to_owned();
            }
        }
        out.write_record(&row).unwrap();
    }
    out.into_inner().unwrap()
}

/// A cell of a sheet made by hand.
pub enum Cell<'a> {
    Text(&'a str),
    Number(f64),
    /// A formula and the result the file stores for it.
    Formula(&'a str, f64),
}

/// A workbook made by hand by a unit: its own layout, with `rows` below a
/// one-row header (unit, participants, total, own, mobilised).
pub fn handmade_xlsx(year: Option<u32>, rows: &[Vec<Cell>]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Kết quả").unwrap();
    sheet.write_string(0, 0, "Kết quả của đơn vị").unwrap();
    if let Some(y) = year {
        sheet.write_string(1, 0, "Năm báo cáo:").unwrap();
        sheet.write_number(1, 1, f64::from(y)).unwrap();
    }
    for (c, h) in [
        "Tên đơn vị",
        "Số người tham gia",
        "Tổng kinh phí",
        "Ngân sách đơn vị",
        "Vận động khác",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string(3, c as u16, *h).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        let r = 4 + r as u32;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match cell {
                Cell::Text(t) => sheet.write_string(r, c, *t).unwrap(),
                Cell::Number(n) => sheet.write_number(r, c, *n).unwrap(),
                Cell::Formula(f, v) => {
                    sheet.write_formula(r, c, *f).unwrap();
                    sheet.set_formula_result(r, c, v.to_string())
                }
            };
        }
    }
    book.save_to_buffer().unwrap()
}

/// A workbook written part by part: `sheet_xml` as its only sheet, and
/// `extra` parts (a macro project, say).
pub fn raw_xlsx(sheet_xml: &[u8], extra: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let parts: [(&str, &[u8]); 4] = [
        (
            "[Content_Types].xml",
            br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "xl/workbook.xml",
            br#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
        ),
    ];
    for (name, bytes) in parts
        .iter()
        .chain(std::iter::once(&("xl/worksheets/sheet1.xml", sheet_xml)))
    {
        zip.start_file(*name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    for (name, bytes) in extra {
        zip.start_file(*name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// A sheet's XML from rows of inline-string or number cells.
pub fn sheet_xml(rows: &[&[&str]]) -> Vec<u8> {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
    );
    for (r, row) in rows.iter().enumerate() {
        xml.push_str(&format!("<row r=\"{}\">", r + 1));
        for (c, v) in row.iter().enumerate() {
            let at = format!("{}{}", (b'A' + c as u8) as char, r + 1);
            if let Some(f) = v.strip_prefix('=') {
                xml.push_str(&format!("<c r=\"{at}\"><f>{f}</f></c>"));
            } else if v.parse::<f64>().is_ok() {
                xml.push_str(&format!("<c r=\"{at}\"><v>{v}</v></c>"));
            } else {
                xml.push_str(&format!(
                    "<c r=\"{at}\" t=\"inlineStr\"><is><t>{v}</t></is></c>"
                ));
            }
        }
        xml.push_str("</row>");
    }
    xml.push_str("</sheetData></worksheet>");
    xml.into_bytes()
}

/// `campaign check --format json`'s problems with `code`.
pub fn problems<'a>(stdout: &'a str, code: &str) -> Vec<&'a str> {
    stdout
        .lines()
        .filter(|l| l.contains(&format!("\"code\":\"{code}\"")))
        .collect()
}
