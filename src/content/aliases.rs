//! `aliases:` in a post's front matter: the addresses a post was published
//! at before it was renamed or moved. Each one gets a small redirect page
//! (`<meta http-equiv="refresh">` to the post, `rel="canonical"` naming it),
//! published as a file like an attachment: it is no route, so no list, feed
//! nor the sitemap shows it. An alias that leaves the site or takes the
//! address of something published is an error at the post's `aliases:`.
//!
//! The pages are written to `.campaign-cache/redirects/` (named by a hash
//! of their text) and published from there, the way banners are.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::Arc;

use super::model::Asset;
use super::parse::ParsedPost;
use super::source::SourceFile;
use crate::config::SiteConfig;
use crate::diagnostics::Diagnostic;
use crate::markdown::Links;
use crate::msg;
use crate::routes;
use crate::yaml::tree::Seg;

/// One old address and the post it leads to.
pub(super) struct Alias {
    /// Site path of the old address (`2024/tin-tuc/ten-cu/`).
    path: String,
    /// Site path of the post.
    target: String,
    title: String,
}

/// The site path an alias names, or `None` when it leaves the site (an
/// address with a scheme or a host, `..`, a query or a fragment).
fn site_path(alias: &str) -> Option<String> {
    let a = alias.trim();
    let refused = a.is_empty()
        || a.contains("://")
        || a.starts_with("//")
        || a.contains(['?', '#', '\\', ':'])
        || a.split('/').any(|s| s == ".." || s == ".");
    if refused {
        return None;
    }
    let mut path = a.trim_start_matches('/').to_owned();
    if path.is_empty() {
        return None;
    }
    if !path.ends_with('/') && !path.ends_with(".html") {
        path.push('/');
    }
    Some(path)
}

/// The aliases of every post, each checked against what the site
/// publishes (`links.outputs`) and against the others.
pub(super) fn collect(
    source: &Path,
    posts: &BTreeMap<i16, Vec<Arc<ParsedPost>>>,
    links: &Links,
    files: &HashMap<String, Arc<SourceFile>>,
    errors: &mut Vec<Diagnostic>,
) -> Vec<Alias> {
    let mut out: Vec<Alias> = Vec::new();
    for (year, list) in posts {
        for post in list {
            let target = routes::post(*year, &post.slug);
            for (i, alias) in post.front.aliases.iter().enumerate() {
                let path = [Seg::Key("aliases"), Seg::Index(i)];
                let at = |message| match files.get(&post.rel) {
                    Some(src) => src.at_path(&path, false, message),
                    None => on_disk(source, &post.rel, &path, message),
                };
                let Some(path) = site_path(alias) else {
                    errors.push(
                        at(msg!("alias-leaves-site", alias = alias.as_str()))
                            .with_help(msg!("alias-leaves-site-help")),
                    );
                    continue;
                };
                let file = routes::file_of(path.clone());
                let taken = links.outputs.contains(&path)
                    || links.outputs.contains(&file)
                    || out.iter().any(|a| a.path == path);
                if taken {
                    errors.push(
                        at(msg!("alias-taken", alias = alias.as_str()))
                            .with_help(msg!("alias-taken-help")),
                    );
                    continue;
                }
                out.push(Alias {
                    path,
                    target: target.clone(),
                    title: post.front.title.clone(),
                });
            }
        }
    }
    out
}

/// A problem at `path` of the front matter of the post `rel`, read again
/// from disk: a build leaves post texts there (only a problem needs one).
fn on_disk(source: &Path, rel: &str, path: &[Seg], message: crate::i18n::Message) -> Diagnostic {
    let file = source.join(rel);
    let text = std::fs::read_to_string(&file).unwrap_or_default();
    let found = super::frontmatter::split(&text).ok().and_then(|split| {
        let (line, column) = crate::yaml::locate(&text[split.yaml.clone()], path, false)?;
        let before = text[..split.yaml.start].matches('\n').count();
        Some((line + before, column))
    });
    match found {
        Some((line, column)) => Diagnostic::at(&file, &text, line, column, message),
        None => Diagnostic::file(&file, message),
    }
}

/// The redirect page at `alias`: relative links, so it works on any host
/// and from disk; the canonical address is the post's own.
fn page(config: &SiteConfig, alias: &Alias) -> String {
    let to = format!("{}{}", routes::root_of(&alias.path), alias.target);
    let esc = crate::banners::escape;
    format!(
        r#"<!DOCTYPE html>
<html lang="{lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Tin đã chuyển địa chỉ – {title}</title>
  <meta http-equiv="refresh" content="0; url={to}">
  <link rel="canonical" href="{base}{target}">
  <meta name="robots" content="noindex">
</head>
<body>
  <main>
    <h1>Tin đã chuyển địa chỉ</h1>
    <p>Tin này nay ở: <a href="{to}">{title}</a>.</p>
  </main>
</body>
</html>
"#,
        lang = esc(&config.language),
        title = esc(&alias.title),
        to = esc(&to),
        base = esc(&config.base_url),
        target = esc(&alias.target),
    )
}

/// Writes the redirect pages to the cache beside `source` (unless not
/// `write`: `check`) and adds them to `assets`.
pub(super) fn publish(
    source: &Path,
    config: &SiteConfig,
    aliases: &[Alias],
    write: bool,
    assets: &mut Vec<Asset>,
    errors: &mut Vec<Diagnostic>,
) {
    let dir = super::photos::cache_dir(source).with_file_name("redirects");
    for alias in aliases {
        let html = page(config, alias);
        let key = blake3::hash(html.as_bytes()).to_hex()[..32].to_owned();
        let file = dir.join(format!("{key}.html"));
        if write && !file.is_file() {
            let written = std::fs::create_dir_all(&dir)
                .and_then(|()| crate::photos::write_atomically(&file, html.as_bytes()));
            if let Err(e) = written {
                errors.push(Diagnostic::file(
                    &dir,
                    msg!("banner-cache-failed", detail = crate::i18n::io_error(&e)),
                ));
                continue;
            }
        }
        let output = routes::file_of(alias.path.clone());
        assets.push(Asset {
            rel: output.clone(),
            source: file,
            output,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::site_path;

    #[test]
    fn aliases_stay_on_the_site() {
        assert_eq!(
            site_path("/2024/tin-tuc/cu").as_deref(),
            Some("2024/tin-tuc/cu/")
        );
        assert_eq!(
            site_path("2024/tin-tuc/cu/").as_deref(),
            Some("2024/tin-tuc/cu/")
        );
        assert_eq!(site_path("/tin/cu.html").as_deref(), Some("tin/cu.html"));
        for away in [
            "https://x.vn/a/",
            "//x.vn/a",
            "../a/",
            "/a/../../b",
            "/",
            "",
            "/a?b",
            "mailto:a",
        ] {
            assert_eq!(site_path(away), None, "{away}");
        }
    }
}
