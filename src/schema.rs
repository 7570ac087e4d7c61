//! JSON Schemas of the content files, generated from the very types the
//! loader deserialises, for editors (VS Code with the YAML extension) and
//! other tools. `campaign schema` writes them to `schemas/`; a test fails
//! when the committed files drift from the types.
//!
//! Draft 7, the newest draft the YAML language server fully supports.

use schemars::generate::SchemaSettings;
use serde_json::{Map, Value};

use crate::config::SiteFile;
use crate::content::edition::EditionFile;
use crate::content::post::{PageFront, PostFront};

/// Every schema as `(file name, pretty JSON ending in a newline)`, in a
/// fixed order; the same types always give the same bytes.
pub fn all() -> Vec<(&'static str, String)> {
    vec![
        ("site.schema.json", render::<SiteFile>()),
        ("edition.schema.json", render::<EditionFile>()),
        (
            "results.schema.json",
            render::<crate::content::ResultsFile>(),
        ),
        ("post.schema.json", render::<PostFront>()),
        ("page.schema.json", render::<PageFront>()),
    ]
}

fn render<T: schemars::JsonSchema>() -> String {
    let schema = SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<T>();
    let value = tidy(schema.to_value());
    let mut text = serde_json::to_string_pretty(&value).expect("a schema is valid JSON");
    text.push('\n');
    text
}

/// Drops empty defaults (`null`, `[]`: an editor would complete `summary:
/// null`) and sorts object keys, so the output does not depend on whether some crate
/// in the build turned on serde_json's `preserve_order`.
fn tidy(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut entries: Vec<(String, Value)> = map
                .into_iter()
                .filter(|(k, v)| {
                    !(k == "default" && (v.is_null() || v == &Value::Array(Vec::new())))
                })
                .map(|(k, v)| (k, tidy(v)))
                .collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(entries.into_iter().collect::<Map<String, Value>>())
        }
        Value::Array(items) => Value::Array(items.into_iter().map(tidy).collect()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schema(name: &str) -> Value {
        let (_, text) = all()
            .into_iter()
            .find(|(n, _)| *n == name)
            .expect("schema exists");
        serde_json::from_str(&text).expect("schema is JSON")
    }

    #[test]
    fn committed_schemas_match_the_types() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas");
        let mut stale = Vec::new();
        for (name, text) in all() {
            let committed = std::fs::read_to_string(dir.join(name)).unwrap_or_default();
            if committed != text {
                stale.push(name);
            }
        }
        assert!(
            stale.is_empty(),
            "schemas/{} differ from the Rust types the loader uses: run `cargo run -- schema` and commit schemas/",
            stale.join(", schemas/")
        );
    }

    #[test]
    fn unknown_keys_are_forbidden_everywhere() {
        for (name, _) in all() {
            let s = schema(name);
            assert_eq!(s["additionalProperties"], Value::Bool(false), "{name}");
            for (def, body) in s["definitions"].as_object().into_iter().flatten() {
                if body.get("properties").is_some() {
                    assert_eq!(
                        body["additionalProperties"],
                        Value::Bool(false),
                        "{name}: {def}"
                    );
                }
            }
        }
    }

    #[test]
    fn required_keys_and_descriptions() {
        let s = schema("edition.schema.json");
        assert_eq!(s["required"], serde_json::json!(["theme"]));
        let theme = s["properties"]["theme"]["description"].as_str().unwrap();
        assert!(theme.starts_with("Chủ đề năm"), "{theme}");
        let s = schema("post.schema.json");
        assert_eq!(s["required"], serde_json::json!(["title", "date"]));
        let s = schema("site.schema.json");
        assert_eq!(
            s["properties"]["news_per_page"]["minimum"],
            serde_json::json!(1)
        );
    }

    #[test]
    fn the_day_pattern_accepts_what_the_loader_accepts() {
        let s = schema("post.schema.json");
        let day = &s["definitions"]["Day"];
        assert_eq!(day["pattern"], crate::dates::DAY_PATTERN);
        assert!(day["description"].as_str().unwrap().contains("25/3/2024"));
    }
}
