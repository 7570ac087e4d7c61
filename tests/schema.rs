//! The editor schemas (`campaign schema`) accept the real content and
//! reject what the loader rejects. Drift between `schemas/` and the types is
//! checked by the unit test in src/schema.rs.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

fn schema(name: &str) -> jsonschema::Validator {
    let (_, text) = campaign::schema::all()
        .into_iter()
        .find(|(n, _)| *n == name)
        .expect("schema exists");
    let schema: Value = serde_json::from_str(&text).expect("schema is JSON");
    jsonschema::draft7::new(&schema).expect("schema compiles")
}

fn content() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("content")
}

/// YAML text as the JSON value an editor validates.
fn yaml(text: &str) -> Value {
    serde_yaml::from_str(text).expect("valid YAML")
}

fn errors(validator: &jsonschema::Validator, value: &Value) -> Vec<String> {
    validator
        .iter_errors(value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

/// The front matter of a Markdown file: between the opening `---` line and
/// the next.
fn front_matter(text: &str) -> &str {
    let rest = text.strip_prefix("---\n").expect("front matter opens");
    &rest[..rest.find("\n---").expect("front matter closes")]
}

#[test]
fn the_committed_content_validates() {
    let dir = content();
    let site = schema("site.schema.json");
    let value = yaml(&std::fs::read_to_string(dir.join("site.yaml")).unwrap());
    assert_eq!(errors(&site, &value), Vec::<String>::new(), "site.yaml");

    let edition = schema("edition.schema.json");
    for year in ["2023", "2024"] {
        let path = dir.join(year).join("edition.yaml");
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.starts_with("# yaml-language-server: $schema=../../schemas/edition.schema.json\n"),
            "{} names its schema on the first line",
            path.display()
        );
        let value = yaml(&text);
        assert_eq!(
            errors(&edition, &value),
            Vec::<String>::new(),
            "{}",
            path.display()
        );
    }

    let post = schema("post.schema.json");
    let mut posts = 0;
    for year in ["2023", "2024"] {
        for entry in std::fs::read_dir(dir.join(year).join("news")).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            let value = yaml(front_matter(&text));
            assert_eq!(
                errors(&post, &value),
                Vec::<String>::new(),
                "{}",
                path.display()
            );
            posts += 1;
        }
    }
    assert!(posts >= 10, "{posts} posts");

    let page = schema("page.schema.json");
    for entry in std::fs::read_dir(dir.join("pages")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let value = yaml(front_matter(&text));
        assert_eq!(
            errors(&page, &value),
            Vec::<String>::new(),
            "{}",
            path.display()
        );
    }
}

#[test]
fn unknown_keys_and_missing_keys_are_underlined() {
    let edition = schema("edition.schema.json");
    let good = yaml("theme: \"Chủ đề\"\npurposes: [\"a\"]\n");
    assert!(edition.is_valid(&good));
    // A misspelt key, at the top and inside a list item.
    assert!(!edition.is_valid(&yaml("theme: \"Chủ đề\"\npurpose: [\"a\"]\n")));
    assert!(!edition.is_valid(&yaml("theme: T\nunits:\n  - name: A\n    nhom: B\n")));
    // The theme is required.
    assert!(!edition.is_valid(&yaml("slogans: [\"a\"]\n")));
    // A list where a list is expected.
    assert!(!edition.is_valid(&yaml("theme: T\npurposes: \"a\"\n")));

    let post = schema("post.schema.json");
    assert!(post.is_valid(&yaml("title: T\ndate: \"25/3/2024\"\n")));
    assert!(!post.is_valid(&yaml("title: T\ndate: \"25/3/2024\"\ntag: [a]\n")));
    assert!(!post.is_valid(&yaml("title: T\n")));

    let site = schema("site.schema.json");
    let good =
        "title: T\nbase_url: \"https://a.vn/\"\ncampaign: { day: \"03-25\", first_year: 2017 }\n";
    assert!(site.is_valid(&yaml(good)));
    assert!(!site.is_valid(&yaml(&good.replace("https://a.vn/", "a.vn"))));
    assert!(!site.is_valid(&yaml(&good.replace("03-25", "25/3"))));
    assert!(!site.is_valid(&yaml(&format!("{good}news_per_page: 0\n"))));
}

#[test]
fn dates_accept_the_three_spellings_the_loader_accepts() {
    let post = schema("post.schema.json");
    let with = |date: &str| json!({ "title": "T", "date": date });
    for good in [
        "25/3/2024",
        "25/03/2024",
        "2024-03-25",
        "5/3/2023",
        "05/03/2023",
        "31/12/2024",
        "1/1/2024",
    ] {
        assert!(post.is_valid(&with(good)), "{good}");
        assert!(campaign::dates::parse_day(good).is_some(), "{good}");
    }
    for bad in [
        "25-3-2024",
        "3/25",
        "32/3/2024",
        "25/13/2024",
        "2024/03/25",
        "1/1/99",
        "",
    ] {
        assert!(!post.is_valid(&with(bad)), "{bad}");
        assert!(campaign::dates::parse_day(bad).is_none(), "{bad}");
    }
}
