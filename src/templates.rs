//! Themes: Tera templates and static files, compiled once per build.
//!
//! A theme is a folder `themes/<name>/` with `templates/` and `static/`.
//! Themes are layered: the built-in default theme (embedded in the binary),
//! then `themes/default/` on disk, then the site's theme; a later layer
//! overrides any file of an earlier one and falls back to it for the rest.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use tera::Tera;
use walkdir::WalkDir;

use crate::diagnostics::{Diagnostic, Diagnostics};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/default_theme.rs"));
}

/// Where a theme file's bytes come from.
#[derive(Debug, Clone)]
pub(crate) enum ThemeFile {
    Embedded(&'static [u8]),
    Disk(PathBuf),
}

/// The compiled templates and the static files of the active theme.
pub(crate) struct Theme {
    pub tera: Tera,
    /// Output site path → file, for the theme's `static/` folder.
    pub static_files: BTreeMap<String, ThemeFile>,
}

impl std::fmt::Debug for Theme {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Theme")
            .field("static_files", &self.static_files)
            .finish_non_exhaustive()
    }
}

/// Loads the theme `name` from `themes_dir`, layered over the default.
pub(crate) fn load(themes_dir: &Path, name: &str) -> Result<Theme, Diagnostics> {
    // Template name → (shown path, text).
    let mut templates: BTreeMap<String, (PathBuf, String)> = BTreeMap::new();
    let mut static_files = BTreeMap::new();
    let mut errors = Vec::new();
    for (rel, bytes) in embedded::DEFAULT_THEME {
        add_file(
            rel,
            Path::new("(built-in default theme)").join(rel),
            ThemeFile::Embedded(bytes),
            &mut templates,
            &mut static_files,
            &mut errors,
        );
    }
    let mut layers = vec![themes_dir.join("default")];
    if name != "default" {
        let dir = themes_dir.join(name);
        if !dir.is_dir() {
            return Err(Diagnostics(vec![
                Diagnostic::file(&dir, crate::msg!("theme-missing", name = name))
                    .with_help(crate::msg!("theme-missing-help", name = name)),
            ]));
        }
        layers.push(dir);
    }
    for dir in layers.iter().filter(|d| d.is_dir()) {
        for entry in WalkDir::new(dir).sort_by_file_name().into_iter().flatten() {
            if !entry.file_type().is_file() {
                continue;
            }
            let Ok(rel) = entry.path().strip_prefix(dir) else {
                continue;
            };
            let rel = rel.to_string_lossy().replace('\\', "/");
            if rel.split('/').any(crate::ignore::is_ignored) {
                continue;
            }
            add_file(
                &rel,
                entry.path().to_path_buf(),
                ThemeFile::Disk(entry.path().to_path_buf()),
                &mut templates,
                &mut static_files,
                &mut errors,
            );
        }
    }
    if !errors.is_empty() {
        return Err(Diagnostics(errors));
    }
    let mut tera = Tera::new();
    let shown: BTreeMap<String, PathBuf> = templates
        .iter()
        .map(|(k, (p, _))| (k.clone(), p.clone()))
        .collect();
    tera.add_raw_templates(
        templates
            .iter()
            .map(|(name, (_, text))| (name.as_str(), text.as_str())),
    )
    .map_err(|e| template_error(&e, &shown))?;
    for required in REQUIRED {
        if !tera.contains_template(required) {
            errors.push(Diagnostic::file(
                &themes_dir.join(name).join("templates").join(required),
                crate::msg!("template-missing", template = *required),
            ));
        }
    }
    if !errors.is_empty() {
        return Err(Diagnostics(errors));
    }
    Ok(Theme { tera, static_files })
}

/// The templates every theme must end up with (after fallback).
pub(crate) const REQUIRED: &[&str] = &[
    "index.html",
    "edition.html",
    "banners.html",
    "results.html",
    "compare.html",
    "news_list.html",
    "post.html",
    "tags.html",
    "tag.html",
    "archive.html",
    "page.html",
    "404.html",
    "feed.xml",
    "sitemap.xml",
    "robots.txt",
];

fn add_file(
    rel: &str,
    shown: PathBuf,
    file: ThemeFile,
    templates: &mut BTreeMap<String, (PathBuf, String)>,
    static_files: &mut BTreeMap<String, ThemeFile>,
    errors: &mut Vec<Diagnostic>,
) {
    if let Some(name) = rel.strip_prefix("templates/") {
        let bytes = match &file {
            ThemeFile::Embedded(b) => Ok(b.to_vec()),
            ThemeFile::Disk(p) => std::fs::read(p),
        };
        match bytes.map(String::from_utf8) {
            Ok(Ok(text)) => {
                templates.insert(name.to_owned(), (shown, crate::text::nfc(text)));
            }
            Ok(Err(_)) => errors.push(Diagnostic::file(&shown, crate::msg!("template-not-utf8"))),
            Err(e) => errors.push(Diagnostic::file(
                &shown,
                crate::msg!("cannot-read", reason = e.to_string()),
            )),
        }
    } else if let Some(out) = rel.strip_prefix("static/") {
        static_files.insert(out.to_owned(), file);
    }
}

/// A template error, naming the template's file.
pub(crate) fn template_error(e: &tera::Error, shown: &BTreeMap<String, PathBuf>) -> Diagnostics {
    let text = error_chain(e);
    let file = shown
        .iter()
        .find(|(name, _)| text.contains(name.as_str()))
        .map_or_else(|| PathBuf::from("(theme)"), |(_, p)| p.clone());
    Diagnostics(vec![
        Diagnostic::file(&file, crate::msg!("template-error", detail = text))
            .with_help(crate::msg!("template-error-help")),
    ])
}

/// The error and its causes, on one line each.
pub(crate) fn error_chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        text.push_str("\n  caused by: ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_default_theme_compiles_and_is_complete() {
        let theme = load(Path::new("/nonexistent-themes"), "default").unwrap();
        for t in REQUIRED {
            assert!(theme.tera.contains_template(t), "{t}");
        }
        assert!(theme.static_files.contains_key("style.css"));
    }

    #[test]
    fn a_missing_theme_is_reported() {
        let err = load(Path::new("/nonexistent-themes"), "xanh").unwrap_err();
        assert!(err.to_string().contains("the theme `xanh`"));
    }
}
