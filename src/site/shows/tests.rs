//! The property that makes fingerprints safe: for random edits of the
//! model, every page whose rendered bytes change also changes its
//! fingerprint (otherwise a preview would keep serving the old page).

use std::collections::HashMap;
use std::num::NonZeroUsize;
use std::path::Path;
use std::sync::Arc;

use proptest::prelude::*;

use crate::config::SiteConfig;
use crate::content::model::{
    Body, Edition, Html, Image, Page, Picture, PictureFile, Post, PostBody, PostHashes, PostTag,
    Site,
};
use crate::dates::Day;
use crate::site::Assembly;
use crate::templates::{self, Theme};

const WORDS: &[&str] = &[
    "Lễ mít tinh",
    "Hội thảo",
    "Tập huấn",
    "Thăm hỏi",
    "Đào tạo",
    "Trao quà",
];
const TAGS: &[&str] = &["Hải Phòng", "Kon Tum", "Quảng Ngãi", "Kế hoạch", "Đà Nẵng"];

/// A site described by a few choices, from which the model is built.
#[derive(Debug, Clone)]
struct Spec {
    title: usize,
    per_page: usize,
    current: Option<usize>,
    intro: Option<usize>,
    editions: Vec<EditionSpec>,
    pages: Vec<(usize, usize)>,
    next_id: usize,
}

#[derive(Debug, Clone)]
struct EditionSpec {
    theme: usize,
    summary: Option<usize>,
    /// The edition's own organisation and logo, overriding the site's.
    organization: Option<usize>,
    logo: Option<usize>,
    posts: Vec<PostSpec>,
}

#[derive(Debug, Clone)]
struct PostSpec {
    /// Gives the post its address, which never changes.
    id: usize,
    title: usize,
    day: i8,
    summary: Option<usize>,
    tags: Vec<usize>,
    author: Option<usize>,
    body: usize,
    /// A processed cover photo: which version of it (its files change
    /// names and sizes from one to the next).
    photo: Option<usize>,
}

/// One edit of the model; indices are taken modulo what exists.
#[derive(Debug, Clone)]
enum Edit {
    SiteTitle(usize),
    PerPage(usize),
    Current(Option<usize>),
    Intro(Option<usize>),
    Theme(usize, usize),
    EditionSummary(usize, Option<usize>),
    Organization(usize, Option<usize>),
    Logo(usize, Option<usize>),
    PostTitle(usize, usize, usize),
    PostDay(usize, usize, i8),
    PostSummary(usize, usize, Option<usize>),
    PostTags(usize, usize, Vec<usize>),
    PostAuthor(usize, usize, Option<usize>),
    PostBody(usize, usize, usize),
    PostPhoto(usize, usize, Option<usize>),
    AddPost(usize, usize, i8),
    RemovePost(usize, usize),
    PageTitle(usize, usize),
    PageBody(usize, usize),
}

fn word(i: usize) -> String {
    WORDS[i % WORDS.len()].to_owned()
}

fn post_spec() -> impl Strategy<Value = PostSpec> {
    (
        0..6usize,
        1..28i8,
        proptest::option::of(0..6usize),
        proptest::collection::vec(0..TAGS.len(), 0..3),
        proptest::option::of(0..6usize),
        0..6usize,
        proptest::option::of(0..3usize),
    )
        .prop_map(
            |(title, day, summary, tags, author, body, photo)| PostSpec {
                id: 0,
                title,
                day,
                summary,
                tags,
                author,
                body,
                photo,
            },
        )
}

fn spec() -> impl Strategy<Value = Spec> {
    let edition = (
        0..6usize,
        proptest::option::of(0..6usize),
        proptest::option::of(0..6usize),
        proptest::option::of(0..3usize),
        proptest::collection::vec(post_spec(), 0..6),
    )
        .prop_map(|(theme, summary, organization, logo, posts)| EditionSpec {
            theme,
            summary,
            organization,
            logo,
            posts,
        });
    (
        0..6usize,
        1..4usize,
        proptest::option::of(0..3usize),
        proptest::option::of(0..6usize),
        proptest::collection::vec(edition, 1..4),
        proptest::collection::vec((0..6usize, 0..6usize), 0..3),
    )
        .prop_map(|(title, per_page, current, intro, mut editions, pages)| {
            let mut id = 0;
            for p in editions.iter_mut().flat_map(|e| e.posts.iter_mut()) {
                p.id = id;
                id += 1;
            }
            Spec {
                title,
                per_page,
                current,
                intro,
                editions,
                pages,
                next_id: id,
            }
        })
}

fn edit() -> impl Strategy<Value = Edit> {
    let i = || 0..8usize;
    let w = || 0..6usize;
    prop_oneof![
        w().prop_map(Edit::SiteTitle),
        (1..4usize).prop_map(Edit::PerPage),
        proptest::option::of(0..3usize).prop_map(Edit::Current),
        proptest::option::of(w()).prop_map(Edit::Intro),
        (i(), w()).prop_map(|(e, t)| Edit::Theme(e, t)),
        (i(), proptest::option::of(w())).prop_map(|(e, s)| Edit::EditionSummary(e, s)),
        (i(), proptest::option::of(w())).prop_map(|(e, o)| Edit::Organization(e, o)),
        (i(), proptest::option::of(0..3usize)).prop_map(|(e, l)| Edit::Logo(e, l)),
        (i(), i(), w()).prop_map(|(e, p, t)| Edit::PostTitle(e, p, t)),
        (i(), i(), 1..28i8).prop_map(|(e, p, d)| Edit::PostDay(e, p, d)),
        (i(), i(), proptest::option::of(w())).prop_map(|(e, p, s)| Edit::PostSummary(e, p, s)),
        (i(), i(), proptest::collection::vec(0..TAGS.len(), 0..3))
            .prop_map(|(e, p, t)| Edit::PostTags(e, p, t)),
        (i(), i(), proptest::option::of(w())).prop_map(|(e, p, a)| Edit::PostAuthor(e, p, a)),
        (i(), i(), w()).prop_map(|(e, p, b)| Edit::PostBody(e, p, b)),
        (i(), i(), proptest::option::of(0..3usize)).prop_map(|(e, p, v)| Edit::PostPhoto(e, p, v)),
        (i(), w(), 1..28i8).prop_map(|(e, t, d)| Edit::AddPost(e, t, d)),
        (i(), i()).prop_map(|(e, p)| Edit::RemovePost(e, p)),
        (i(), w()).prop_map(|(p, t)| Edit::PageTitle(p, t)),
        (i(), w()).prop_map(|(p, b)| Edit::PageBody(p, b)),
    ]
}

impl Spec {
    fn post(&mut self, e: usize, p: usize) -> Option<&mut PostSpec> {
        let n = self.editions.len();
        let posts = &mut self.editions[e % n].posts;
        let len = posts.len();
        (len > 0).then(move || &mut posts[p % len])
    }

    fn apply(&mut self, edit: &Edit) {
        let n = self.editions.len();
        match edit.clone() {
            Edit::SiteTitle(t) => self.title = t,
            Edit::PerPage(p) => self.per_page = p,
            Edit::Current(c) => self.current = c,
            Edit::Intro(i) => self.intro = i,
            Edit::Theme(e, t) => self.editions[e % n].theme = t,
            Edit::EditionSummary(e, s) => self.editions[e % n].summary = s,
            Edit::Organization(e, o) => self.editions[e % n].organization = o,
            Edit::Logo(e, l) => self.editions[e % n].logo = l,
            Edit::PostTitle(e, p, t) => self.post(e, p).into_iter().for_each(|p| p.title = t),
            Edit::PostDay(e, p, d) => self.post(e, p).into_iter().for_each(|p| p.day = d),
            Edit::PostSummary(e, p, s) => self.post(e, p).into_iter().for_each(|p| p.summary = s),
            Edit::PostTags(e, p, t) => self.post(e, p).into_iter().for_each(|p| p.tags = t.clone()),
            Edit::PostAuthor(e, p, a) => self.post(e, p).into_iter().for_each(|p| p.author = a),
            Edit::PostBody(e, p, b) => self.post(e, p).into_iter().for_each(|p| p.body = b),
            Edit::PostPhoto(e, p, v) => self.post(e, p).into_iter().for_each(|p| p.photo = v),
            Edit::AddPost(e, title, day) => {
                let id = self.next_id;
                self.next_id += 1;
                self.editions[e % n].posts.push(PostSpec {
                    id,
                    title,
                    day,
                    summary: None,
                    tags: vec![title % TAGS.len()],
                    author: None,
                    body: title,
                    photo: None,
                });
            }
            Edit::RemovePost(e, p) => {
                let posts = &mut self.editions[e % n].posts;
                if !posts.is_empty() {
                    let len = posts.len();
                    posts.remove(p % len);
                }
            }
            Edit::PageTitle(p, t) => {
                let len = self.pages.len();
                if len > 0 {
                    self.pages[p % len].0 = t;
                }
            }
            Edit::PageBody(p, b) => {
                let len = self.pages.len();
                if len > 0 {
                    self.pages[p % len].1 = b;
                }
            }
        }
    }

    /// The model, as the loader would make it of such files.
    fn site(&self) -> Site {
        let yaml = format!(
            "title: \"{}\"\norganization: \"Sở Lao động\"\nbase_url: \"https://ctxh.example.gov.vn/\"\ncampaign: {{ day: \"03-25\", first_year: 2017 }}\n",
            word(self.title)
        );
        let mut config = SiteConfig::parse(Path::new("site.yaml"), &yaml).expect("valid settings");
        config.news_per_page = NonZeroUsize::new(self.per_page).expect("at least one");
        let years: Vec<i16> = (0..self.editions.len()).map(|i| 2022 + i as i16).collect();
        config.current = self.current.and_then(|c| years.get(c).copied());
        let editions = self
            .editions
            .iter()
            .zip(&years)
            .map(|(e, &year)| {
                let mut posts: Vec<Arc<Post>> =
                    e.posts.iter().map(|p| Arc::new(post(p, year))).collect();
                posts.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.slug.cmp(&b.slug)));
                Edition {
                    year,
                    ordinal: i64::from(year - 2016),
                    date: Day::new(year, 3, 25).expect("a day"),
                    theme: word(e.theme),
                    slogans: vec![word(e.theme)],
                    slogans_note: None,
                    summary: e.summary.map(word),
                    period: None,
                    period_note: None,
                    organization: e.organization.map(word),
                    logo: e.logo.map(|l| format!("{year}/files/logo-{l}.svg")),
                    purposes: vec![Html(format!("<p>{}</p>", word(e.theme + 1)))],
                    requirements: Vec::new(),
                    activities: Vec::new(),
                    units: Vec::new(),
                    documents: Vec::new(),
                    report: None,
                    intro: None,
                    album: Vec::new(),
                    form: Default::default(),
                    results: Default::default(),
                    posts,
                }
            })
            .collect();
        Site {
            config,
            home_intro: self.intro.map(|i| Html(format!("<p>{}</p>", word(i)))),
            pages: self
                .pages
                .iter()
                .enumerate()
                .map(|(i, (title, body))| Page {
                    slug: format!("trang-{i}"),
                    title: word(*title),
                    description: None,
                    content: Html(format!("<p>{}</p>", word(*body))),
                })
                .collect(),
            editions,
            assets: Vec::new(),
            warnings: Vec::new(),
        }
    }
}

fn post(p: &PostSpec, year: i16) -> Post {
    let mut tags: Vec<PostTag> = Vec::new();
    for &t in &p.tags {
        let name = TAGS[t].to_owned();
        let slug = crate::text::slugify(&name);
        if !tags.iter().any(|x| x.slug == slug) {
            tags.push(PostTag { name, slug });
        }
    }
    tags.sort_by(|a, b| crate::text::vi_compare(&a.name, &b.name));
    Post {
        year,
        slug: format!("tin-{}", p.id),
        title: word(p.title),
        date: Day::new(year, 2, p.day).expect("a day"),
        summary: p.summary.map(word),
        tags,
        author: p.author.map(word),
        source: None,
        cover: p.photo.map(|v| photo(year, v)),
        album: Vec::new(),
        body: Body::Ready(PostBody {
            content: Html(format!("<p>{}</p>", word(p.body))),
        }),
        file: format!("{year}/news/tin-{}.md", p.id),
        hashes: PostHashes::default(),
    }
    .with_hashes()
}

/// Version `v` of a processed cover photo: the names of its files change
/// with it (as a hash of the photo does), and so does the size of one.
fn photo(year: i16, v: usize) -> Image {
    let file = |w: u32, ext: &str| PictureFile {
        url: format!("/{year}/files/anh-{v:08x}-{w}.{ext}"),
        width: w,
        height: if w == 960 { 640 + v as u32 } else { w / 2 },
    };
    let picture = Picture {
        fallback: vec![file(480, "jpg"), file(960, "jpg")],
        fallback_type: "image/jpeg",
        webp: vec![file(480, "webp"), file(960, "webp")],
        original: None,
    };
    Image {
        src: picture.src().expect("a file").url.clone(),
        alt: word(v),
        picture: Some(Arc::new(picture)),
    }
}

/// Every file of the site: its bytes and its fingerprint.
fn rendered(site: &Site, theme: &Theme) -> HashMap<String, (Vec<u8>, u64)> {
    let today = Day::new(2024, 3, 1).expect("a day");
    let a = Assembly::new(site, today);
    a.routes()
        .into_iter()
        .map(|r| {
            let body = match r {
                crate::routes::Route::Post(p) => match &a.post(p).body {
                    Body::Ready(b) => Some(b),
                    Body::Deferred(_) => None,
                },
                _ => None,
            };
            let bytes = a.render(theme, r, body).expect("the default theme renders");
            (r.file(&a), (bytes, a.fingerprint(r)))
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn a_page_that_changes_changes_its_fingerprint(
        base in spec(),
        edits in proptest::collection::vec(edit(), 1..4),
    ) {
        let theme = templates::load(Path::new("/nonexistent-themes"), "default")
            .expect("the built-in theme");
        let before = rendered(&base.site(), &theme);
        let mut edited = base.clone();
        for e in &edits {
            edited.apply(e);
        }
        let after = rendered(&edited.site(), &theme);
        let mut compared = 0;
        for (file, (bytes, fingerprint)) in &after {
            if let Some((old_bytes, old_fingerprint)) = before.get(file) {
                compared += 1;
                if old_bytes != bytes {
                    prop_assert_ne!(
                        old_fingerprint, fingerprint,
                        "{} changed but kept its fingerprint after {:?}", file, edits
                    );
                }
            }
        }
        // The home page, the archive and the feeds exist in both.
        prop_assert!(compared >= 5);
    }
}

/// The premise of the property: an edit that shows does change pages, so
/// the test above is not comparing identical sites.
#[test]
fn a_new_title_changes_the_post_and_its_fingerprint() {
    let theme = templates::load(Path::new("/nonexistent-themes"), "default").expect("theme");
    let mut spec = Spec {
        title: 0,
        per_page: 2,
        current: None,
        intro: None,
        editions: vec![EditionSpec {
            theme: 0,
            summary: None,
            organization: None,
            logo: None,
            posts: Vec::new(),
        }],
        pages: Vec::new(),
        next_id: 0,
    };
    spec.apply(&Edit::AddPost(0, 0, 3));
    spec.apply(&Edit::AddPost(0, 1, 4));
    let before = rendered(&spec.site(), &theme);
    spec.apply(&Edit::PostTitle(0, 0, 2));
    let after = rendered(&spec.site(), &theme);
    let file = "2022/tin-tuc/tin-0/index.html";
    assert_ne!(before[file].0, after[file].0);
    assert_ne!(before[file].1, after[file].1);
    // A page that does not show the post keeps its bytes and fingerprint.
    let page = "2022/bang-ron/index.html";
    assert_eq!(before[page], after[page]);
}
