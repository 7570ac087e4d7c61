//! The search, measured on a fixed set of queries typed as readers type
//! them (without diacritics, `đ` as `d`, document numbers, a year and a
//! word, misspelled, quoted), over the real site (`content/`) and the
//! generated 10,000-post site. Each query names the page that must come
//! first, or be among the first five. The queries run through the site's
//! own `search.js` under Node (`tests/search/query.js`), so the ranking
//! tested is the one browsers run. Prints the hit rate per group.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use common::TestDir;

/// A query, and the address (or, for a document, the title) that must be
/// within the first `top` results.
struct Query {
    group: &'static str,
    q: String,
    want: String,
    top: usize,
    year: &'static str,
    kind: &'static str,
}

fn q(group: &'static str, q: &str, want: &str, top: usize) -> Query {
    Query {
        group,
        q: q.to_owned(),
        want: want.to_owned(),
        top,
        year: "",
        kind: "",
    }
}

/// Builds `source` into `out` with the binary.
fn build(source: &Path, out: &Path) {
    let run = Command::new(env!("CARGO_BIN_EXE_campaign"))
        .args(["build", "--source"])
        .arg(source)
        .arg("--output")
        .arg(out)
        .env("CAMPAIGN_TODAY", common::TODAY)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
}

/// Runs the queries over the built site `out`; returns, per query, the
/// addresses and titles of its first results, and the bytes it loaded.
fn run(out: &Path, queries: &[Query]) -> Vec<(Vec<String>, Vec<String>, u64)> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/search/query.js");
    let mut child = Command::new("node")
        .arg(script)
        .arg(out)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("node (apt-get install nodejs) runs the site's search script");
    let mut input = String::new();
    for query in queries {
        let line = serde_json::json!({"q": query.q, "year": query.year, "kind": query.kind, "top": query.top});
        input.push_str(&format!("{line}\n"));
    }
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8(output.stdout).unwrap();
    let strings = |v: &serde_json::Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_owned())
            .collect()
    };
    text.lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                strings(&v["top"]),
                strings(&v["titles"]),
                v["bytes"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// Runs the queries, prints the hit rate of each group, and fails naming
/// every query whose page was not where it must be.
fn check(site: &str, out: &Path, queries: &[Query]) {
    let results = run(out, queries);
    assert_eq!(results.len(), queries.len());
    let mut groups: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut misses = Vec::new();
    let mut most = 0;
    for (query, (paths, titles, bytes)) in queries.iter().zip(&results) {
        let hit = paths
            .iter()
            .zip(titles)
            .take(query.top)
            .any(|(p, t)| p == &query.want || t == &query.want);
        let g = groups.entry(query.group).or_default();
        g.1 += 1;
        if hit {
            g.0 += 1;
        } else {
            misses.push(format!(
                "{:?} (want {} in the first {}): got {:?}",
                query.q, query.want, query.top, titles
            ));
        }
        most = most.max(*bytes);
    }
    for (group, (hits, all)) in &groups {
        println!(
            "search {site}: {group}: {hits}/{all} ({:.0}%)",
            100.0 * *hits as f64 / *all as f64
        );
    }
    println!("search {site}: most bytes loaded by one query (script and index files): {most}");
    assert!(
        misses.is_empty(),
        "{site}: {} misses:\n{}",
        misses.len(),
        misses.join("\n")
    );
}

#[test]
fn readers_queries_find_the_right_pages_of_the_real_site() {
    let dir = TestDir::new();
    let out = dir.join("public");
    build(&Path::new(env!("CARGO_MANIFEST_DIR")).join("content"), &out);
    let plan45 = "Kế hoạch tổ chức hoạt động kỷ niệm “Ngày Công tác xã hội Việt Nam” năm 2023";
    let dispatch978 = "Về việc tổ chức kỷ niệm “Ngày Công tác xã hội Việt Nam” lần thứ 8 năm 2024";
    let mut queries = vec![
        q(
            "no diacritics",
            "ke hoach 45 hai phong",
            "2023/tin-tuc/ke-hoach-45-hai-phong/",
            1,
        ),
        q(
            "no diacritics",
            "kon tum huong dan",
            "2023/tin-tuc/kon-tum-huong-dan-to-chuc/",
            1,
        ),
        q(
            "no diacritics",
            "phu yen chi dao",
            "2023/tin-tuc/phu-yen-chi-dao-to-chuc/",
            1,
        ),
        q(
            "no diacritics",
            "son tay trien khai",
            "Huyện Sơn Tây triển khai kỷ niệm Ngày Công tác xã hội Việt Nam 25/3/2024",
            5,
        ),
        q(
            "no diacritics",
            "benh vien truong hoc",
            "2023/tin-tuc/benh-vien-truong-hoc-to-chuc-ky-niem/",
            1,
        ),
        q(
            "no diacritics",
            "tien phong chuyen nghiep ket noi",
            "2024/tin-tuc/chu-de-2024-tien-phong-chuyen-nghiep-ket-noi/",
            5,
        ),
        q("no diacritics", "gioi thieu", "gioi-thieu/", 1),
        q("đ as d", "phong giao duc va dao tao son tay", "2024/", 5),
        q("đ as d", "doan thanh nien", "2024/", 5),
        q("đ as d", "cai nghien ma tuy so 2", "2024/", 5),
        q("document numbers", "45/KH-SLĐTBXH", plan45, 5),
        q("document numbers", "45/KH-SLDTBXH", plan45, 5),
        q("document numbers", "978", dispatch978, 1),
        q("document numbers", "978/BLĐTBXH-BTXH", dispatch978, 1),
        q("document numbers", "cong van 978", dispatch978, 5),
        q("document numbers", "1791/QĐ-TTg", "quyet-dinh-1791/", 5),
        q(
            "year and a word",
            "2023 hai phong",
            "2023/tin-tuc/ke-hoach-45-hai-phong/",
            5,
        ),
        q(
            "year and a word",
            "bao cao 2024",
            "2024/tin-tuc/nhac-han-bao-cao-2024/",
            5,
        ),
        q(
            "year and a word",
            "chu de 2023",
            "2023/tin-tuc/chu-de-2023-chuyen-nghiep-sang-tao-phat-trien/",
            1,
        ),
        q(
            "misspelled",
            "kon tumm",
            "2023/tin-tuc/kon-tum-huong-dan-to-chuc/",
            5,
        ),
        q("misspelled", "quyet dinhh 1791", "quyet-dinh-1791/", 5),
        q(
            "misspelled",
            "phu yeen",
            "2023/tin-tuc/phu-yen-chi-dao-to-chuc/",
            1,
        ),
        q(
            "with diacritics",
            "Phú Yên",
            "2023/tin-tuc/phu-yen-chi-dao-to-chuc/",
            1,
        ),
        q(
            "with diacritics",
            "\"Chín trung tâm\"",
            "2024/tin-tuc/trung-tam-co-so-hai-phong-2024/",
            1,
        ),
        // NFD, as some phone keyboards send it.
        q(
            "with diacritics",
            "Kon Tum hu\u{6f}\u{31b}\u{301}ng da\u{302}\u{303}n",
            "2023/tin-tuc/kon-tum-huong-dan-to-chuc/",
            1,
        ),
    ];
    let mut filtered = q("filters", "ke hoach", plan45, 5);
    filtered.kind = "van-ban";
    filtered.year = "2023";
    queries.push(filtered);
    check("real", &out, &queries);
}

#[test]
fn readers_queries_find_the_right_pages_of_the_generated_site() {
    let dir = TestDir::new();
    let gen_site = Path::new(env!("CARGO_BIN_EXE_campaign"))
        .parent()
        .unwrap()
        .join("examples")
        .join(format!("gen_site{}", std::env::consts::EXE_SUFFIX));
    let status = Command::new(&gen_site)
        .args(["--posts", "10000", "--years", "10", "--out"])
        .arg(&dir.path)
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let out = dir.join("public");
    build(&dir.join("content"), &out);
    let title = |year: u16, i: usize| -> String {
        let text = fs::read_to_string(dir.join(&format!("content/{year}/news/tin-{year}-{i}.md")))
            .unwrap();
        let line = text.lines().find(|l| l.starts_with("title:")).unwrap();
        line["title:".len()..].trim().trim_matches('"').to_owned()
    };
    let plain = |s: &str| deunicode::deunicode(&s.replace(['đ', 'Đ'], "d")).to_lowercase();
    let mut queries = Vec::new();
    for (year, i) in [(2017, 3), (2020, 5), (2023, 17), (2026, 40)] {
        let t = title(year, i);
        let want = format!("{year}/tin-tuc/tin-{year}-{i}/");
        queries.push(q("no diacritics", &plain(&t), &want, 1));
        queries.push(q("with diacritics", &format!("\"{t}\""), &want, 1));
        // A letter dropped from the longest word.
        let words: Vec<String> = plain(&t).split(' ').map(str::to_owned).collect();
        let long = words
            .iter()
            .enumerate()
            .max_by_key(|(_, w)| w.len())
            .unwrap()
            .0;
        let typo: Vec<String> = words
            .iter()
            .enumerate()
            .map(|(k, w)| {
                if k == long {
                    w[..w.len() - 1].to_owned()
                } else {
                    w.clone()
                }
            })
            .collect();
        queries.push(q("misspelled", &typo.join(" "), &want, 5));
    }
    for (k, year) in (2017..=2026).enumerate().step_by(3) {
        let number = format!("{}/KH-SLĐTBXH", 40 + k);
        let title = format!("Kế hoạch tổ chức Ngày Công tác xã hội Việt Nam năm {year}");
        queries.push(q("document numbers", &number, &title, 1));
        queries.push(q("document numbers", &plain(&number), &title, 1));
        queries.push(q("year and a word", &format!("ke hoach {year}"), &title, 5));
    }
    queries.push(q("year and a word", "lan thu 4 nam 2020", "2020/", 1));
    // The theme's words are in many posts' titles too: the kind filter
    // finds the edition.
    let mut themed = q("filters", "2020 sang tao", "2020/", 1);
    themed.kind = "chuong-trinh";
    queries.push(themed);
    check("generated", &out, &queries);
}
