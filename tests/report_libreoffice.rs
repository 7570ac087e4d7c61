//! The form and the compiled table open in LibreOffice with their formulas
//! computing: converted headless to CSV (LibreOffice told to compute every
//! formula on opening), its sums must be ours. The blank form stores no
//! results, so its totals row can only read 0 if LibreOffice computed it.
//! CI installs LibreOffice (`.ci/run`); without it this test fails, saying
//! so, rather than passing untested.

mod common;
#[path = "common/reports.rs"]
mod fixtures;

use std::process::Command;

/// A LibreOffice profile that computes every formula of an .xlsx on opening.
fn profile(out: &std::path::Path) -> std::path::PathBuf {
    let profile = out.join("lo-profile");
    let user = profile.join("user");
    std::fs::create_dir_all(&user).unwrap();
    std::fs::write(
        user.join("registrymodifications.xcu"),
        r#"<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"#,
    )
    .unwrap();
    profile
}

/// Converts `file` to CSV with LibreOffice, into `out`; the CSV's text.
fn libreoffice_csv(file: &std::path::Path, out: &std::path::Path) -> String {
    let profile = profile(out);
    let status = Command::new("soffice")
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        .args(["--headless", "--norestore", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,false,false,false"])
        .arg("--outdir")
        .arg(out)
        .arg(file)
        .output()
        .expect("LibreOffice (soffice) must be installed: apt-get install libreoffice-calc");
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    let name = file.file_stem().unwrap().to_string_lossy().into_owned();
    std::fs::read_to_string(out.join(format!("{name}.csv"))).expect("LibreOffice wrote the CSV")
}

/// The row of `csv` whose second field is `unit`, from that field on.
fn row(csv: &str, unit: &str) -> Vec<String> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect::<Vec<_>>())
        .find(|r| r.get(1).map(String::as_str) == Some(unit))
        .unwrap_or_else(|| panic!("no row {unit} in\n{csv}"))[1..]
        .to_vec()
}

#[test]
fn libreoffice_opens_the_form_and_computes_the_compiled_tables_formulas() {
    let t = fixtures::site();
    t.write(
        "content/2025/reports/a.csv",
        fixtures::filled_csv(
            &t,
            None,
            &[
                ("Sở Y tế Hải Phòng", &["1.200", "", "10.000.000", "1,5 triệu", "3"]),
                ("Làng Trẻ em SOS Hải Phòng", &["40", "", "2.250.000", "750.000", "1"]),
            ],
        ),
    );
    t.build_ok();
    let out = t.join("lo");
    std::fs::create_dir_all(&out).unwrap();

    let form = libreoffice_csv(&t.join("content/2025/files/bieu-bao-cao-2025.xlsx"), &out);
    assert!(form.contains("Sở Giáo dục và Đào tạo Hải Phòng"), "{form}");
    assert_eq!(row(&form, "Tổng cộng")[2..8], ["0", "0", "0", "0", "0", "0"], "the sums were computed: {form}");

    let compiled = libreoffice_csv(&t.join("public/2025/ket-qua/ket-qua-2025.xlsx"), &out);
    // (3) = (4) + (5) computed by LibreOffice for each row, and the sums.
    assert_eq!(row(&compiled, "Sở Y tế Hải Phòng")[2..7], ["1200", "11500000", "10000000", "1500000", "3"]);
    assert_eq!(row(&compiled, "Làng Trẻ em SOS Hải Phòng")[2..7], ["40", "3000000", "2250000", "750000", "1"]);
    assert_eq!(row(&compiled, "Tổng cộng")[2..7], ["1240", "14500000", "12250000", "2250000", "4"]);

    // A file saved by LibreOffice comes back into reports/ and is read.
    let status = Command::new("soffice")
        .arg(format!("-env:UserInstallation=file://{}", profile(&out).display()))
        .args(["--headless", "--norestore", "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir"])
        .arg(t.join("content/2025/reports"))
        .arg(t.join("lo/ket-qua-2025.csv"))
        .output()
        .unwrap();
    assert!(status.status.success());
    std::fs::remove_file(t.join("content/2025/reports/a.csv")).unwrap();
    t.build_ok();
    assert!(t.out("2025/ket-qua/index.html").contains("14.500.000 đồng"));
}
