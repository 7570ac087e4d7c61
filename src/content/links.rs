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
    let mut links = Links::default();
    for route in Route::all(&shape) {
        links.outputs.insert(route.path(&shape));
    }
    let mut source = |file: String, url: String| {
        links.outputs.insert(url.clone());
        links.sources.insert(file, url);
    };
    source(String::new(), Route::Home.path(&shape));
    if let Some(home) = &layout.home {
        source(home.clone(), Route::Home.path(&shape));
    }
    for (i, (file, _)) in pages.iter().enumerate() {
        source((*file).to_owned(), Route::Page(i).path(&shape));
    }
    for asset in &layout.assets {
        source(asset.rel.clone(), asset.output.clone());
    }
    for (ei, (year, year_posts)) in shape.years.iter().enumerate() {
        let edition = Route::Edition(ei).path(&shape);
        let y = &layout.years[year];
        source(format!("{year}"), edition.clone());
        for file in y.yaml.iter().chain(y.intro.iter()) {
            source(file.clone(), edition.clone());
        }
        source(
            format!("{year}/news"),
            Route::News(List::Year(ei), 1).path(&shape),
        );
        source(format!("{year}/files"), routes::edition_files(*year));
        for (pi, p) in year_posts.iter().enumerate() {
            source(p.rel.clone(), Route::Post((ei, pi)).path(&shape));
        }
    }
    links
}
