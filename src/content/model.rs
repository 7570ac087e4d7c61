//! The loaded site: every value checked, every Markdown field rendered,
//! every link resolved. Later stages never see raw content.

use std::hash::{Hash, Hasher};
use std::path::PathBuf;
use std::sync::Arc;

use crate::config::SiteConfig;
use crate::dates::Day;
use crate::diagnostics::Diagnostic;

/// HTML produced from Markdown. Internal links in it are site-rooted
/// (`/2023/…`) until a page makes them relative.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Html(pub String);

/// The whole site.
#[derive(Debug)]
pub struct Site {
    pub config: SiteConfig,
    pub home_intro: Option<Html>,
    pub pages: Vec<Page>,
    /// Oldest first.
    pub editions: Vec<Edition>,
    /// Files published as they are.
    pub assets: Vec<Asset>,
    /// Problems that do not stop the build (images without alt text, text
    /// that was not NFC), sorted by file and position.
    pub warnings: Vec<crate::diagnostics::Diagnostic>,
}

impl Site {
    /// The edition the home page shows: `current` from `site.yaml`, else the latest.
    pub fn current_edition(&self) -> Option<&Edition> {
        match self.config.current {
            Some(year) => self.editions.iter().find(|e| e.year == year),
            None => self.editions.last(),
        }
    }

    pub fn post_count(&self) -> usize {
        self.editions.iter().map(|e| e.posts.len()).sum()
    }
}

/// A standalone page, published at `/<slug>/`.
#[derive(Debug, Hash)]
pub struct Page {
    pub slug: String,
    pub title: String,
    pub description: Option<String>,
    pub content: Html,
}

/// A file copied to the output: `source` on disk, `output` a site path.
#[derive(Debug, Clone)]
pub struct Asset {
    /// Path relative to the content folder (`2023/files/kh.pdf`, `static/logo.svg`).
    pub rel: String,
    pub source: PathBuf,
    pub output: String,
}

/// One year's campaign.
#[derive(Debug)]
pub struct Edition {
    pub year: i16,
    /// "lần thứ N".
    pub ordinal: i64,
    /// The campaign day of this year.
    pub date: Day,
    pub theme: String,
    /// Banner slogans, the theme first.
    pub slogans: Vec<String>,
    /// Where the slogans after the theme come from, shown with them.
    pub slogans_note: Option<String>,
    pub summary: Option<String>,
    pub period: Option<(Day, Day)>,
    /// Where the period comes from, shown with it.
    pub period_note: Option<String>,
    /// Who organised this edition, when not the site's `organization`
    /// (agencies merge and rename; a past year keeps its own).
    pub organization: Option<String>,
    /// Site path of that organisation's logo (an attachment of the year).
    pub logo: Option<String>,
    pub purposes: Vec<Html>,
    pub requirements: Vec<Html>,
    pub activities: Vec<Activity>,
    pub units: Vec<Unit>,
    pub documents: Vec<Document>,
    pub report: Option<Report>,
    pub intro: Option<Html>,
    /// The year's album (`photos:`), shown as a gallery on its page.
    pub album: Vec<AlbumPhoto>,
    /// The year's report form, when `campaign report form` wrote it into
    /// the year's `files/`.
    pub form: ReportForm,
    /// What the units reported (`<year>/reports/`), checked and added up.
    pub results: Results,
    /// Newest first. Shared, so that a rebuild reuses unchanged posts.
    pub posts: Vec<Arc<Post>>,
}

/// When an activity takes place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum When {
    Unscheduled,
    On(Day),
    Between(Day, Day),
}

#[derive(Debug, Hash)]
pub struct Activity {
    pub title: String,
    pub when: When,
    pub location: Option<String>,
    pub description: Option<Html>,
    pub units: Vec<String>,
}

#[derive(Debug, Hash)]
pub struct Unit {
    pub name: String,
    pub group: Option<String>,
    pub role: Option<String>,
    pub tasks: Option<Html>,
}

/// Where a document can be read.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum DocumentLink {
    None,
    /// Site path of an attachment (`2023/files/kh-45.pdf`) or a page of the site.
    File(String),
    External(String),
}

#[derive(Debug, Hash)]
pub struct Document {
    pub number: Option<String>,
    pub date: Option<Day>,
    pub issuer: Option<String>,
    pub title: String,
    pub link: DocumentLink,
    /// What the link opens, when it is not the document itself
    /// ("Biểu tổng hợp kèm kế hoạch (CSV)").
    pub link_label: Option<String>,
}

/// The report form published with a year: site paths of its files.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ReportForm {
    pub xlsx: Option<String>,
    pub csv: Option<String>,
}

/// Figures added up: whole numbers, exact. `activities` and `reached` are
/// `None` when no report gave them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Tally {
    pub participants: u64,
    /// Total budget: (3) = (4) + (5).
    pub total: u64,
    /// Own budget of the units (4).
    pub own: u64,
    /// Funds mobilised from others (5).
    pub mobilised: u64,
    pub activities: Option<u64>,
    pub reached: Option<u64>,
}

/// One unit's report, as used.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct UnitResult {
    /// The unit's name as `edition.yaml` writes it.
    pub unit: String,
    pub group: Option<String>,
    pub figures: Tally,
    pub note: Option<String>,
    /// The report file it comes from, relative to the content folder.
    pub file: String,
    pub date: Option<Day>,
}

/// A group of units, added up.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct GroupResult {
    pub group: Option<String>,
    /// Units of the group in the edition, and how many reported.
    pub units: usize,
    pub reported: usize,
    pub figures: Tally,
}

/// What the units of an edition reported.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Results {
    /// Units in the edition.
    pub units: usize,
    /// The reports used, in the form's order (grouped).
    pub reported: Vec<UnitResult>,
    /// Units that have not reported yet, in the form's order.
    pub missing: Vec<String>,
    pub totals: Tally,
    /// By group, in the form's order (empty when no unit has a group).
    pub groups: Vec<GroupResult>,
}

impl Results {
    pub fn is_empty(&self) -> bool {
        self.reported.is_empty()
    }
}

#[derive(Debug, Hash)]
pub struct Report {
    pub deadline: Option<Day>,
    /// Who set the deadline, when a year gathers several localities.
    pub deadline_source: Option<String>,
    pub contact: Option<Html>,
}

/// A news post, published at `/<year>/tin-tuc/<slug>/`.
#[derive(Debug)]
pub struct Post {
    pub year: i16,
    pub slug: String,
    pub title: String,
    pub date: Day,
    pub summary: Option<String>,
    /// In Vietnamese order, one per slug.
    pub tags: Vec<PostTag>,
    pub author: Option<String>,
    pub source: Option<String>,
    /// Its cover photo (`image:`), on its page and in lists.
    pub cover: Option<Image>,
    /// Its album (`photos:`), shown as a gallery on its page.
    pub album: Vec<AlbumPhoto>,
    /// What only the post's own page shows: its text.
    pub body: Body,
    /// The source file, relative to the content folder.
    pub file: String,
    /// Computed once when the post is loaded.
    pub hashes: PostHashes,
}

/// A post's text, as its page shows it.
#[derive(Debug, Hash)]
pub struct PostBody {
    pub content: Html,
}

/// A post's body, rendered when the post is loaded or when its page is.
#[derive(Debug)]
pub enum Body {
    /// Rendered and checked on load: kept by previews, which render pages
    /// again and again.
    Ready(PostBody),
    /// Rendered and checked with its page, by `campaign build`: the bodies
    /// of a site are never all in memory at once, so memory follows the
    /// largest page rather than the size of the archive.
    Deferred(Arc<dyn LazyBody>),
}

/// A post body left where it was found, to be read and rendered when its
/// page is. The loading stage that left it implements this: the model
/// itself never reads a file.
pub trait LazyBody: std::fmt::Debug + Send + Sync {
    /// Reads the body and renders it: the body and the warnings about it,
    /// or every problem found in it.
    fn render(&self) -> Result<(PostBody, Vec<Diagnostic>), Vec<Diagnostic>>;

    /// Tells this version of the body from another (the source file's
    /// modification time and size when it was loaded).
    fn version(&self) -> u64;
}

/// A tag as written on a post, with its slug (computed once, on load).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PostTag {
    pub name: String,
    pub slug: String,
}

/// Hashes of a post, to tell which pages an edit touches.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct PostHashes {
    /// What lists show of the post: title, address, date, summary, tags, author.
    pub summary: u64,
    /// Everything.
    pub full: u64,
}

impl Edition {
    /// A hash of everything shown of the edition itself (not its posts).
    pub fn hash_without_posts(&self) -> u64 {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (
            self.year,
            self.ordinal,
            self.date,
            &self.theme,
            &self.slogans,
            &self.summary,
            &self.period,
        )
            .hash(&mut h);
        (
            &self.slogans_note,
            &self.period_note,
            &self.organization,
            &self.logo,
        )
            .hash(&mut h);
        (
            &self.purposes,
            &self.requirements,
            &self.activities,
            &self.units,
            &self.documents,
            &self.report,
            &self.intro,
        )
            .hash(&mut h);
        (&self.form, &self.results).hash(&mut h);
        self.posts.len().hash(&mut h);
        h.finish()
    }
}

impl Post {
    /// Sets `hashes` from the other fields.
    pub fn with_hashes(mut self) -> Post {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (
            &self.title,
            self.year,
            &self.slug,
            self.date,
            &self.summary,
            &self.tags,
            &self.author,
        )
            .hash(&mut h);
        // Lists show the cover.
        self.cover.hash(&mut h);
        let summary = h.finish();
        (&self.source, &self.file, &self.album).hash(&mut h);
        match &self.body {
            Body::Ready(body) => body.hash(&mut h),
            Body::Deferred(d) => d.version().hash(&mut h),
        }
        self.hashes = PostHashes {
            summary,
            full: h.finish(),
        };
        self
    }
}

#[derive(Debug, Hash)]
pub struct Image {
    /// Site-rooted or external URL (for a processed photo, its fallback
    /// file: the 960 px one, or the largest).
    pub src: String,
    pub alt: String,
    /// The processed files of a photo of the site, when it is one.
    pub picture: Option<Arc<Picture>>,
}

/// A photo of the site as published: the files made from it, for
/// `<picture>`, `srcset` and `width`/`height`. Its file names change with
/// the photo's bytes, so hashing it tells one version from another.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Picture {
    /// The fallback files (JPEG, or PNG for a transparent picture),
    /// narrowest first.
    pub fallback: Vec<PictureFile>,
    /// Its media type (`image/jpeg`, `image/png`).
    pub fallback_type: &'static str,
    /// The WebP files, narrowest first (none when WebP is turned off).
    pub webp: Vec<PictureFile>,
    /// The full-size copy offered for download, when an album asks for one.
    pub original: Option<Download>,
}

/// A photo of an album, as its gallery shows it.
#[derive(Debug, Hash)]
pub struct AlbumPhoto {
    pub image: Image,
    /// Shown under the photo.
    pub caption: Option<String>,
    /// The full-size copy, when the author offered it (`download: true`).
    pub download: Option<Download>,
}

/// A full-size copy of a photo, for a download link (metadata removed like
/// every published file).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Download {
    /// Site-rooted URL.
    pub url: String,
    pub width: u32,
    pub height: u32,
    /// Its size, for the link ("2,1 MB").
    pub bytes: u64,
}

/// One published file of a [`Picture`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PictureFile {
    /// Site-rooted URL (`/2024/files/anh-1a2b3c4d-960.jpg`).
    pub url: String,
    pub width: u32,
    pub height: u32,
}

impl Picture {
    /// The file `<img src>` names: 960 px wide when there is one, else the
    /// largest.
    pub fn src(&self) -> Option<&PictureFile> {
        self.fallback
            .iter()
            .find(|f| f.width == 960)
            .or(self.fallback.last())
    }
}
