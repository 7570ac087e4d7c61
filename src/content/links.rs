//! The link table: every address the site will publish, and the source
//! file behind each, made from the routes ([`crate::routes`]) of the files
//! as parsed, before any Markdown is rendered.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use super::discover::Layout;
use super::parse::ParsedPost;
use crate::markdown::Links;
use crate::routes::{self, List, PostRef, Route, Shape};

/// The site as the loader sees it before converting: year folders (with or
/// without a valid `edition.yaml`, so that a link to a broken year is not
/// reported on top of the year's own problem), posts, tags and pages.
struct Parsed<'a> {
    years: Vec<(i16, &'a [Arc<ParsedPost>])>,
    /// Tag slugs, with how many posts carry each.
    tags: Vec<(String, usize)>,
    pages: Vec<&'a str>,
    per_page: usize,
}

impl Shape for Parsed<'_> {
    fn editions(&self) -> usize {
        self.years.len()
    }
    fn year(&self, edition: usize) -> i16 {
        self.years[edition].0
    }
    fn posts(&self, edition: usize) -> usize {
        self.years[edition].1.len()
    }
    fn post_slug(&self, post: PostRef) -> &str {
        &self.years[post.0].1[post.1].slug
    }
    fn tags(&self) -> usize {
        self.tags.len()
    }
    fn tag_slug(&self, tag: usize) -> &str {
        &self.tags[tag].0
    }
    fn tagged(&self, tag: usize) -> usize {
        self.tags[tag].1
    }
    fn pages(&self) -> usize {
        self.pages.len()
    }
    fn page_slug(&self, page: usize) -> &str {
        self.pages[page]
    }
    fn per_page(&self) -> usize {
        self.per_page
    }
}

/// The link table of a site: every route's address, the assets, and the
/// source file (or folder) behind each address. `pages` are the
/// standalone pages as (source file, slug).
pub(super) fn link_table(
    layout: &Layout,
    posts: &BTreeMap<i16, Vec<Arc<ParsedPost>>>,
    pages: &[(&str, &str)],
    per_page: usize,
) -> Links {
    let mut tags: HashMap<String, usize> = HashMap::new();
    let years: Vec<(i16, &[Arc<ParsedPost>])> = layout
        .years
        .keys()
        .map(|&year| (year, posts.get(&year).map_or(&[][..], Vec::as_slice)))
        .collect();
    for p in years.iter().flat_map(|(_, posts)| posts.iter()) {
        for slug in p.tag_slugs() {
            *tags.entry(slug).or_insert(0) += 1;
        }
    }
    let shape = Parsed {
        years,
        tags: tags.into_iter().collect(),
        pages: pages.iter().map(|(_, slug)| *slug).collect(),
        per_page,
    };
    let routes = Route::all(&shape);
    let mut links = Links::default();
    for route in routes {
        let url = route.path(&shape);
        // The source files (and folders) behind the route, for links
        // written as source paths.
        let mut source = |file: String| {
            links.sources.insert(file, url.clone());
        };
        match route {
            Route::Home => {
                source(String::new());
                if let Some(home) = &layout.home {
                    source(home.clone());
                }
            }
            Route::Page(i) => source(pages[i].0.to_owned()),
            Route::Edition(ei) => {
                let year = shape.years[ei].0;
                let y = &layout.years[&year];
                source(format!("{year}"));
                for file in y.yaml.iter().chain(y.intro.iter()) {
                    source(file.clone());
                }
            }
            Route::News(List::Year(ei), 1) => source(format!("{}/news", shape.years[ei].0)),
            Route::Post((ei, pi)) => source(shape.years[ei].1[pi].rel.clone()),
            _ => {}
        }
        links.outputs.insert(url);
    }
    for asset in &layout.assets {
        links.outputs.insert(asset.output.clone());
        links
            .sources
            .insert(asset.rel.clone(), asset.output.clone());
    }
    // The folder of a year's attachments.
    for &(year, _) in &shape.years {
        let files = routes::edition_files(year);
        links.outputs.insert(files.clone());
        links.sources.insert(format!("{year}/files"), files);
    }
    links
}
