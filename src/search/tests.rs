use super::*;

fn record(title: &str, kind: Kind, year: Option<i16>) -> Record {
    Record {
        path: format!("{}/", crate::text::slugify(title)),
        title: title.to_owned(),
        kind,
        year,
        ordinal: None,
        date: None,
        excerpt: String::new(),
        heading: title.to_owned(),
        text: "công tác xã hội".to_owned(),
    }
}

fn sample() -> Vec<Record> {
    let mut records: Vec<Record> = (0..40)
        .map(|i| {
            record(
                &format!("Tin {i}"),
                Kind::News,
                Some(2024 - (i / 20) as i16),
            )
        })
        .collect();
    records.push(record("Kế hoạch 45/KH-SLĐTBXH", Kind::Document, Some(2024)));
    records.push(record("Giới thiệu", Kind::Page, None));
    records
}

fn file<'a>(files: &'a [(String, Vec<u8>)], name: &str) -> &'a str {
    let (_, bytes) = files
        .iter()
        .find(|(p, _)| p == &format!("{DIR}{name}.js"))
        .unwrap_or_else(|| panic!("no {name}.js"));
    std::str::from_utf8(bytes).unwrap()
}

#[test]
fn the_manifest_gives_each_run_of_records_its_year_and_kind() {
    let files = files_of(&sample());
    let manifest = file(&files, "manifest");
    let json = manifest
        .strip_prefix("campaignSearchData(\"manifest\",")
        .and_then(|s| s.strip_suffix(");\n"))
        .unwrap();
    let v: Value = serde_json::from_str(json).unwrap();
    assert_eq!(v["records"], 42);
    assert_eq!(
        v["runs"],
        json!([
            [0, 20, 2024, "tin-tuc"],
            [20, 20, 2023, "tin-tuc"],
            [40, 1, 2024, "van-ban"],
            [41, 1, 0, "trang"]
        ])
    );
    // Records shown by chunks of 16: 3 files.
    assert!(file(&files, "r2").contains("Giới thiệu"));
    assert!(!files.iter().any(|(p, _)| p.ends_with("r3.js")));
}

#[test]
fn a_word_is_in_the_shard_its_hash_names() {
    let files = files_of(&sample());
    let v: Value = serde_json::from_str(
        file(&files, "manifest")["campaignSearchData(\"manifest\",".len()..]
            .trim_end_matches(");\n"),
    )
    .unwrap();
    let shards = v["shards"].as_u64().unwrap() as u32;
    for key in ["sldtbxh", "xa hoi", "45"] {
        let shard = file(&files, &format!("s{}", fnv(key) % shards));
        assert!(
            shard.contains(&format!("\"{key}\"")),
            "{key} not in its shard: {shard}"
        );
    }
    // The written form is kept beside the folded one.
    assert!(file(&files, &format!("s{}", fnv("sldtbxh") % shards)).contains("slđtbxh"));
}

#[test]
fn the_same_records_give_the_same_bytes() {
    assert_eq!(files_of(&sample()), files_of(&sample()));
    // FNV-1a as the script computes it.
    assert_eq!(fnv(""), 0x811c_9dc5);
    assert_eq!(fnv("a"), 0xe40c_292c);
}
