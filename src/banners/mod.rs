//! Print-ready banners and share images, made during the load like photos:
//! for each slogan of each edition (the theme first) a PDF and an SVG at
//! each size of `banners:` in `site.yaml`, and a share image (PNG 1200 ×
//! 630) per edition and per post. They are published as assets whose
//! source is the cache ([`store`]), so `build`, `serve` and `check` share
//! them and a rebuild renders only what changed.
//!
//! A slogan that cannot be printed (too long for a size even at the
//! smallest letters, or with a character the font lacks) is an error at
//! its line in `edition.yaml`, so nothing is published.

mod design;
mod font;
mod layout;
mod render;
pub(crate) mod settings;
mod store;
#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use crate::config::SiteConfig;
use crate::content::model::{Asset, Edition, Post};
use crate::diagnostics::Diagnostic;
use crate::msg;
use crate::routes;
use crate::yaml::tree::Seg;
use design::{Banner, SHARE_HEIGHT, SHARE_WIDTH, Share};
pub(crate) use layout::escape;
pub(crate) use settings::BannerSettings;

/// How a load shows the problems of an edition's slogans: the text and
/// display path of `<year>/edition.yaml`.
pub(crate) type EditionSource<'a> = &'a (dyn Fn(i16) -> Option<(PathBuf, &'a str)> + Sync);

/// One picture to have in the cache, and where its files are published.
enum Job<'a> {
    Banner {
        edition: &'a Edition,
        slogan: usize,
        design: Banner,
        /// Site paths of the PDF and the SVG.
        pdf: String,
        svg: String,
    },
    Share {
        design: Share,
        png: String,
    },
}

/// The edition line of every banner of `e`.
fn edition_line(config: &SiteConfig, e: &Edition) -> String {
    format!(
        "Kỷ niệm {} lần thứ {} · {}",
        config.title,
        e.ordinal,
        e.date.short()
    )
}

fn share_of_edition(config: &SiteConfig, e: &Edition) -> Share {
    Share {
        background: config.banners.background.clone(),
        color: config.banners.color.clone(),
        top: format!("{} {}", config.title, e.year),
        title: e.theme.clone(),
        bottom: edition_line(config, e),
    }
}

fn share_of_post(config: &SiteConfig, e: &Edition, p: &Post) -> Share {
    Share {
        background: config.banners.background.clone(),
        color: config.banners.color.clone(),
        top: format!("{} {}", config.title, e.year),
        title: font::printable(&p.title),
        bottom: e.theme.clone(),
    }
}

/// Renders (or finds in the cache beside `source`) every banner and share
/// image of `editions`, adds them to `assets`, and reports every slogan
/// that cannot be printed in `errors`. Unless `write` (`check`), nothing
/// is rendered nor stored: slogans are only fitted.
pub(crate) fn publish(
    source: &Path,
    config: &SiteConfig,
    editions: &[Edition],
    edition_source: EditionSource,
    write: bool,
    assets: &mut Vec<Asset>,
    errors: &mut Vec<Diagnostic>,
) {
    let dir = store::dir(source);
    let mut jobs = Vec::new();
    for e in editions {
        for (i, slogan) in e.slogans.iter().enumerate() {
            if let Some(c) = font::missing(slogan) {
                errors.push(slogan_error(
                    edition_source,
                    e,
                    i,
                    msg!(
                        "banner-missing-character",
                        slogan = slogan.as_str(),
                        character = c.to_string(),
                        code = format!("U+{:04X}", u32::from(c))
                    ),
                    msg!("banner-missing-character-help"),
                ));
                continue;
            }
            for size in &config.banners.sizes {
                let design = Banner {
                    width_mm: size.width_mm,
                    height_mm: size.height_mm,
                    background: config.banners.background.clone(),
                    color: config.banners.color.clone(),
                    slogan: slogan.clone(),
                    edition_line: edition_line(config, e),
                };
                let file = |ext| routes::banner_file(e.year, i, &size.slug, ext);
                jobs.push(Job::Banner {
                    edition: e,
                    slogan: i,
                    design,
                    pdf: file("pdf"),
                    svg: file("svg"),
                });
            }
        }
        jobs.push(Job::Share {
            design: share_of_edition(config, e),
            png: routes::edition_share(e.year),
        });
        for p in &e.posts {
            jobs.push(Job::Share {
                design: share_of_post(config, e, p),
                png: routes::post_share(e.year, &p.slug),
            });
        }
    }
    let results: Vec<Result<Vec<Asset>, Diagnostic>> = jobs
        .par_iter()
        .map(|j| run(&dir, j, edition_source, write))
        .collect();
    for r in results {
        match r {
            Ok(published) => assets.extend(published),
            Err(d) => errors.push(d),
        }
    }
}

/// Makes the share images of the posts `posts` (year, slug) again after a
/// quick reload changed them, replacing their assets; an error if one
/// cannot be stored (the caller then loads in full).
pub(crate) fn refresh_shares(
    source: &Path,
    config: &SiteConfig,
    editions: &[Edition],
    posts: &[(i16, String)],
    assets: &mut Vec<Asset>,
) -> Result<(), Diagnostic> {
    let dir = store::dir(source);
    let no_source: EditionSource = &|_| None;
    for (year, slug) in posts {
        let Some(e) = editions.iter().find(|e| e.year == *year) else {
            continue;
        };
        let Some(p) = e.posts.iter().find(|p| &p.slug == slug) else {
            continue;
        };
        let job = Job::Share {
            design: share_of_post(config, e, p),
            png: routes::post_share(e.year, &p.slug),
        };
        let fresh = run(&dir, &job, no_source, true)?;
        assets.retain(|a| !fresh.iter().any(|f| f.output == a.output));
        assets.extend(fresh);
    }
    Ok(())
}

/// Makes sure one job's files are in the cache; the assets that publish them.
fn run(
    dir: &Path,
    job: &Job,
    edition_source: EditionSource,
    write: bool,
) -> Result<Vec<Asset>, Diagnostic> {
    let asset = |key: &str, ext: &str, output: &str| Asset {
        rel: output.to_owned(),
        source: store::path(dir, key, ext),
        output: output.to_owned(),
    };
    let cache_error = |e: std::io::Error| {
        Diagnostic::file(
            dir,
            msg!("banner-cache-failed", detail = crate::i18n::io_error(&e)),
        )
    };
    match job {
        Job::Banner {
            edition,
            slogan,
            design,
            pdf,
            svg,
        } => {
            let key = store::key("banner", design);
            let too_long = || too_long(design, edition, *slogan, edition_source);
            if !write {
                if !store::has(dir, &key, &["pdf", "svg"]) && design.fitted().is_none() {
                    return Err(too_long());
                }
            } else if !store::has(dir, &key, &["pdf", "svg"]) {
                let source = design.svg().ok_or_else(too_long)?;
                let outlined = render::print_svg(&source, design.width_mm, design.height_mm)
                    .ok_or_else(too_long)?;
                let d = edition.date.0;
                let info = render::PdfInfo {
                    title: &design.slogan,
                    date: (d.year(), d.month(), d.day()),
                    id: &key,
                };
                let bytes = render::pdf(&outlined, design.width_mm, design.height_mm, &info)
                    .ok_or_else(too_long)?;
                store::write(dir, &key, &[("pdf", &bytes), ("svg", outlined.as_bytes())])
                    .map_err(cache_error)?;
            }
            Ok(vec![asset(&key, "pdf", pdf), asset(&key, "svg", svg)])
        }
        Job::Share { design, png } => {
            let key = store::key("share", design);
            if write && !store::has(dir, &key, &["png"]) {
                // Our own SVG of a fixed size: it always renders.
                let bytes = render::png(&design.svg()).unwrap_or_default();
                store::write(dir, &key, &[("png", &bytes)]).map_err(cache_error)?;
            }
            Ok(vec![asset(&key, "png", png)])
        }
    }
}

/// The error of a slogan too long for its banner even at the smallest size.
fn too_long(
    design: &Banner,
    edition: &Edition,
    slogan: usize,
    edition_source: EditionSource,
) -> Diagnostic {
    slogan_error(
        edition_source,
        edition,
        slogan,
        msg!(
            "banner-slogan-too-long",
            slogan = design.slogan.as_str(),
            size = format!("{}×{} mm", design.height_mm, design.width_mm),
            min = format!("{:.0}", design.min_size_mm())
        ),
        msg!("banner-slogan-too-long-help"),
    )
}

/// An error at slogan `i` of `e` (0 is the theme) in its `edition.yaml`.
fn slogan_error(
    edition_source: EditionSource,
    e: &Edition,
    i: usize,
    message: crate::i18n::Message,
    help: crate::i18n::Message,
) -> Diagnostic {
    let path: Vec<Seg> = if i == 0 {
        vec![Seg::Key("theme")]
    } else {
        vec![Seg::Key("slogans"), Seg::Index(i - 1)]
    };
    match edition_source(e.year) {
        Some((display, text)) => {
            let (line, column) = crate::yaml::locate(text, &path, false).unwrap_or((1, 1));
            Diagnostic::at(&display, text, line, column, message).with_help(help)
        }
        None => Diagnostic::file(Path::new(&format!("{}/edition.yaml", e.year)), message)
            .with_help(help),
    }
}

/// One print-ready file as the banner page lists it.
#[derive(Debug, Serialize)]
pub(crate) struct BannerFileView {
    /// "Băng rôn".
    pub(crate) name: String,
    /// "0,8 × 6 m".
    pub(crate) size: String,
    /// Site paths of the PDF and the SVG.
    pub(crate) pdf: String,
    pub(crate) svg: String,
}

/// The print-ready files of each slogan of `e`, in the slogans' order.
pub(crate) fn listing(config: &SiteConfig, e: &Edition) -> Vec<Vec<BannerFileView>> {
    (0..e.slogans.len())
        .map(|i| {
            config
                .banners
                .sizes
                .iter()
                .map(|s| BannerFileView {
                    name: s.name.clone(),
                    size: s.label(),
                    pdf: routes::banner_file(e.year, i, &s.slug, "pdf"),
                    svg: routes::banner_file(e.year, i, &s.slug, "svg"),
                })
                .collect()
        })
        .collect()
}

/// The share image a page names in `og:image`.
#[derive(Debug, Serialize)]
pub(crate) struct ShareView {
    /// Absolute: what Facebook and Zalo fetch.
    pub(crate) url: String,
    pub(crate) width: u32,
    pub(crate) height: u32,
    pub(crate) alt: String,
}

/// The share image of a page showing `post` (its own) or else `edition`.
pub(crate) fn share_view(
    config: &SiteConfig,
    edition: Option<&Edition>,
    post: Option<&Post>,
) -> Option<ShareView> {
    let (path, title) = match (post, edition) {
        (Some(p), _) => (routes::post_share(p.year, &p.slug), p.title.clone()),
        (None, Some(e)) => (routes::edition_share(e.year), e.theme.clone()),
        (None, None) => return None,
    };
    Some(ShareView {
        url: format!("{}{path}", config.base_url),
        width: SHARE_WIDTH,
        height: SHARE_HEIGHT,
        alt: format!("Ảnh chia sẻ: {title}"),
    })
}
