//! The tool speaks Vietnamese unless asked for English: `--lang en`, or an
//! English locale in the environment. Problems keep one machine code in
//! every language.

mod common;

use common::*;

/// The fixture with an unknown key in edition.yaml (line 7).
fn broken() -> TestDir {
    let t = site();
    t.write(
        "content/2024/edition.yaml",
        EDITION_2024.replace("purposes:", "purpose:"),
    );
    t
}

#[test]
fn a_failed_build_is_explained_in_vietnamese_by_default() {
    let t = broken();
    for env in [
        &[][..],
        &[("LANG", "C.UTF-8")][..],
        &[("LANG", "vi_VN.UTF-8")][..],
    ] {
        let run = t.run_with(&["build"], env);
        let err = run.assert_fails(1);
        assert!(
            err.starts_with("lỗi: content/2024/edition.yaml:7:1"),
            "{env:?}: {err}"
        );
        assert!(err.contains(" 7 | purpose:"), "{err}");
        assert!(err.contains("cách sửa:"), "{err}");
        assert!(err.contains("Có 1 lỗi"), "{err}");
        assert!(!err.contains("problem found"), "English leaked: {err}");
    }
}

#[test]
fn english_is_chosen_by_the_flag_or_the_locale() {
    let t = broken();
    let by_flag = t.run_with(&["--lang", "en", "build"], &[]);
    let by_env = t.run_with(&["build"], &[("LANG", "en_GB.UTF-8")]);
    for run in [by_flag, by_env] {
        let err = run.assert_fails(1);
        assert!(
            err.starts_with("error: content/2024/edition.yaml:7:1"),
            "{err}"
        );
        assert!(err.contains("1 problem found"), "{err}");
    }
    // The flag wins over the environment, both ways.
    let run = t.run_with(&["build", "--lang", "vi"], &[("LC_ALL", "en_US.UTF-8")]);
    assert!(run.stderr.starts_with("lỗi: "), "{}", run.stderr);
}

#[test]
fn json_records_keep_the_code_in_every_language() {
    let t = broken();
    let mut codes = Vec::new();
    for lang in ["vi", "en"] {
        let run = t.run_with(&["check", "--format", "json", "--lang", lang], &[]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        let record: serde_json::Value =
            serde_json::from_str(run.stdout.lines().next().expect("a record")).unwrap();
        assert_eq!(record["line"], 7);
        codes.push(record["code"].as_str().expect("a code").to_owned());
        let message = record["message"].as_str().unwrap();
        assert!(message.contains("purpose"), "{message}");
    }
    assert_eq!(codes[0], codes[1]);
    assert!(
        codes[0].chars().all(|c| c.is_ascii_lowercase() || c == '-') && codes[0] != "raw",
        "{codes:?}"
    );
}

#[test]
fn a_good_build_and_check_say_so_in_vietnamese() {
    let t = site();
    let run = t.run_with(&["build"], &[]);
    run.assert_ok();
    assert!(run.stdout.starts_with("Đã dựng "), "{}", run.stdout);
    assert!(run.stdout.contains(" trang ("), "{}", run.stdout);
    let run = t.run_with(&["check"], &[]);
    run.assert_ok();
    assert!(
        run.stdout.contains("Không thấy lỗi nào trong content"),
        "{}",
        run.stdout
    );
}

#[test]
fn help_and_command_line_mistakes_are_in_vietnamese() {
    let t = TestDir::new();
    let run = t.run_with(&["--help"], &[]);
    run.assert_ok();
    assert!(run.stdout.contains("Cách dùng: campaign"), "{}", run.stdout);
    assert!(
        run.stdout.contains("Dựng trang vào thư mục kết quả"),
        "{}",
        run.stdout
    );
    let run = t.run_with(&["serve", "--help"], &[]);
    assert!(run.stdout.contains("Cổng để mở"), "{}", run.stdout);
    assert!(!run.stdout.contains("[default"), "{}", run.stdout);
    let run = t.run_with(&["biuld"], &[]);
    let err = run.assert_fails(2);
    assert!(err.contains("không có lệnh `biuld`"), "{err}");
    assert!(err.contains("`build`"), "{err}");
    let run = t.run_with(&["--lang", "en", "biuld"], &[]);
    assert!(
        run.assert_fails(2).contains("unrecognized subcommand"),
        "{}",
        run.stderr
    );
    let run = t.run_with(&["build", "--base-url", "ctxh"], &[]);
    let err = run.assert_fails(2);
    assert!(err.contains("không phải địa chỉ web đầy đủ"), "{err}");
}

#[test]
fn a_refused_output_folder_is_explained_in_vietnamese() {
    let t = site();
    t.write("public/ghi-chu.txt", "của tôi");
    let run = t.run_with(&["build"], &[]);
    let err = run.assert_fails(1);
    assert!(err.contains("không ghi trang vào public"), "{err}");
    assert!(err.contains("không do campaign tạo ra"), "{err}");
    assert_eq!(
        std::fs::read_to_string(t.join("public/ghi-chu.txt")).unwrap(),
        "của tôi"
    );
}
