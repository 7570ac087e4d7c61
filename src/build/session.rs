//! Builds that share work, for previews: content files are read and
//! rendered again only when they change, the compiled theme is kept until
//! a theme file or the theme's name changes, and a page is rendered again
//! only when something it shows changed (see [`Assembly::fingerprint`]).

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use rayon::prelude::*;

use super::pages::{self, Plan};
use super::{BuildError, BuildOptions, BuildReport, themes_dir};
use crate::content::model::Site;
use crate::content::{self, Cache, PhotoMode};
use crate::diagnostics::Diagnostic;
use crate::output::{Source, Tree};
use crate::site::{Assembly, Index};
use crate::templates::{self, Theme};

/// A series of builds of one site, each reusing what the last one made.
pub struct Session {
    options: BuildOptions,
    /// What the loader keeps between loads.
    cache: Cache,
    /// How photos the cache does not hold are processed.
    photos: PhotoMode,
    /// The compiled theme, with the name it was loaded under and its
    /// generation (bumped whenever it is compiled again).
    theme: Option<(String, Theme)>,
    theme_generation: u64,
    /// The site of the last load that succeeded, for quick reloads.
    site: Option<Site>,
    /// What the last good build made.
    last: Last,
    /// How the search index is kept up to date.
    search: Search,
}

/// The search index of a session: its records, kept between builds, and
/// the worker that makes the index behind the preview, if there is one.
#[derive(Default)]
struct Search {
    records: crate::search::RecordCache,
    background: Option<crate::search::Worker>,
    /// The fingerprint of the records whose index is in the last tree
    /// (`None` before the first).
    indexed: Option<u64>,
    /// The job the worker is doing: its number and its records'
    /// fingerprint.
    asked: Option<(u64, u64)>,
    jobs: u64,
}

/// The output of the last good build, kept for the next one.
#[derive(Default)]
struct Last {
    /// Its pages, by output file.
    pages: HashMap<Arc<str>, Page>,
    /// Its static files (theme and content).
    statics: Tree,
    /// Everything it wrote.
    tree: Arc<Tree>,
    /// Its post order and tags, and its pages with their files: kept while
    /// no post moves (see [`Index`]).
    index: Option<(Index, Arc<Plan>)>,
    /// Its `base_url`.
    base_url: String,
    /// Its search index files.
    search: Vec<Arc<str>>,
}

/// A page of the last good build.
#[derive(Clone)]
struct Page {
    /// See [`Assembly::fingerprint`].
    fingerprint: u64,
    /// The theme it was rendered with.
    generation: u64,
    source: Source,
}

impl Session {
    pub fn new(options: BuildOptions) -> Self {
        Session {
            options,
            cache: Cache::default(),
            photos: PhotoMode::Inline,
            theme: None,
            theme_generation: 0,
            site: None,
            last: Last::default(),
            search: Search::default(),
        }
    }

    /// Makes the search index behind the preview, on a thread of its own,
    /// instead of in each rebuild: `done` is called on that thread when an
    /// index is ready, for [`Session::take_search`]. The first build still
    /// makes its own.
    pub fn with_background_search(
        mut self,
        done: impl Fn() + Send + 'static,
    ) -> std::io::Result<Self> {
        self.search.background = Some(crate::search::Worker::start(done)?);
        Ok(self)
    }

    /// The last good build with the index the worker made for it, once it
    /// is done: `None` while it is not (or when a newer build asked for
    /// another since).
    pub fn take_search(&mut self) -> Option<Arc<Tree>> {
        let (job, fingerprint) = self.search.asked?;
        let files = self.search.background.as_ref()?.take(job)?;
        self.search.asked = None;
        let mut tree: Tree = (*self.last.tree).clone();
        self.put_index(files, fingerprint, &mut tree);
        let tree = Arc::new(tree);
        self.last.tree = tree.clone();
        Some(tree)
    }

    /// Whether the last good build waits for the worker's index.
    fn search_pending(&self) -> bool {
        self.search.asked.is_some()
    }

    /// Processes new photos as `photos` says (in the background for
    /// previews) instead of before each load goes on.
    pub(crate) fn with_photos(mut self, photos: PhotoMode) -> Self {
        self.photos = photos;
        self
    }

    /// `base_url` of the last good build.
    pub fn base_url(&self) -> &str {
        &self.last.base_url
    }

    pub fn options(&self) -> &BuildOptions {
        &self.options
    }

    /// The warnings of the last load that succeeded (images without
    /// alternative text, text that was not NFC).
    pub fn warnings(&self) -> &[Diagnostic] {
        self.site.as_ref().map_or(&[], |s| &s.warnings)
    }

    /// Renders the site after `changed` paths changed. When they are all
    /// posts that keep their address and tags, only those are loaded again
    /// ([`content::reload_posts`]); otherwise, and when `changed` is empty
    /// (unknown: the first build, or a caller that does not know), the whole
    /// folder is checked for changes.
    pub fn rebuild(&mut self, changed: &[PathBuf]) -> Result<(Arc<Tree>, BuildReport), BuildError> {
        let result = self.rebuild_inner(changed);
        if result.is_err() {
            // The index asked for belongs to the last good build, which is
            // no longer what the preview shows (it shows the error): it
            // is never shown, and the next good build makes its own.
            self.search.asked = None;
        }
        result
    }

    fn rebuild_inner(
        &mut self,
        changed: &[PathBuf],
    ) -> Result<(Arc<Tree>, BuildReport), BuildError> {
        let started = Instant::now();
        let themes = themes_dir(&self.options);
        let abs_themes = themes.canonicalize().unwrap_or_else(|_| themes.clone());
        let in_themes = |p: &PathBuf| p.starts_with(&themes) || p.starts_with(&abs_themes);
        let theme_changed = changed.iter().any(in_themes);
        let content_changed: Vec<PathBuf> =
            changed.iter().filter(|p| !in_themes(p)).cloned().collect();
        let mut phases = crate::timing::Phases::start();
        let (site, order_kept) = self.load(changed, &content_changed)?;
        phases.end("reload");
        if !order_kept {
            self.last.index = None;
        }
        let theme = match self.theme.take() {
            Some((name, theme)) if name == site.config.theme && !theme_changed => theme,
            _ => {
                self.theme_generation += 1;
                templates::load(&themes, &site.config.theme).map_err(BuildError::Content)?
            }
        };
        let pending_photos = self.cache.pending_photos();
        let result = self
            .render_site(&site, &theme, started)
            .map(|(tree, report)| {
                let report = BuildReport {
                    pending_photos,
                    ..report
                };
                (tree, report)
            });
        if result.is_ok() {
            self.last.base_url = site.config.base_url.clone();
        }
        self.theme = Some((site.config.theme.clone(), theme));
        self.site = Some(site);
        result
    }

    /// The site after `changed` paths changed (of which `content_changed`
    /// lie in the content folder), and whether its posts kept their order.
    fn load(
        &mut self,
        changed: &[PathBuf],
        content_changed: &[PathBuf],
    ) -> Result<(Site, bool), BuildError> {
        let quick = self.site.take().and_then(|mut site| {
            // Only theme files changed: the content is as it was.
            if !changed.is_empty() && content_changed.is_empty() {
                return Some((site, true));
            }
            let reloaded = content::reload_posts(
                &self.options.source,
                &self.options.load,
                &mut self.cache,
                &mut site,
                content_changed,
            )?;
            Some((site, reloaded.order_kept))
        });
        match quick {
            Some(quick) => Ok(quick),
            None => {
                let site = content::load_cached(
                    &self.options.source,
                    &self.options.load,
                    &self.photos,
                    &mut self.cache,
                )
                .map_err(BuildError::Content)?;
                Ok((site, false))
            }
        }
    }

    /// Brings the search index in `tree` up to date with `site`: made at
    /// once, or asked of the background worker (the last index stays in
    /// the tree until it is done), or kept when the records are the same.
    /// Made from the model, which holds every body in a preview.
    fn index_search(&mut self, site: &Site, tree: &mut Tree) {
        let fingerprint = self.search.records.update(site);
        if self.search.indexed == Some(fingerprint) {
            // A newer job is no longer wanted: the records went back.
            self.search.asked = None;
            return;
        }
        let background = match (&self.search.background, self.search.indexed) {
            (Some(worker), Some(_)) => worker,
            // The first index, or no worker: made now.
            _ => {
                let files = crate::search::files_of(&self.search.records.records(site));
                self.search.asked = None;
                self.put_index(files, fingerprint, tree);
                return;
            }
        };
        if let Some((job, asked)) = self.search.asked
            && asked == fingerprint
        {
            // Asked already: taken now if it is done.
            if let Some(files) = background.take(job) {
                self.search.asked = None;
                self.put_index(files, fingerprint, tree);
            }
            return;
        }
        self.search.jobs += 1;
        let job = self.search.jobs;
        background.submit(job, self.search.records.records(site));
        self.search.asked = Some((job, fingerprint));
    }

    /// Puts `files`, the index of the records `fingerprint` stands for, in
    /// `tree` in the place of the last index.
    fn put_index(&mut self, files: Vec<(String, Vec<u8>)>, fingerprint: u64, tree: &mut Tree) {
        for file in self.last.search.drain(..) {
            tree.remove(&file);
        }
        for (file, bytes) in files {
            let file: Arc<str> = Arc::from(file);
            self.last.search.push(file.clone());
            tree.insert(file, Source::Bytes(Arc::from(bytes)));
        }
        self.search.indexed = Some(fingerprint);
    }

    /// Renders what changed since the last good build into a new tree.
    pub(super) fn render_site(
        &mut self,
        site: &Site,
        theme: &Theme,
        started: Instant,
    ) -> Result<(Arc<Tree>, BuildReport), BuildError> {
        let mut phases = crate::timing::Phases::start();
        let today = crate::dates::today();
        let (assembly, plan) = match self.last.index.take() {
            Some((index, plan)) => (Assembly::with_index(site, today, index), plan),
            None => {
                let assembly = Assembly::new(site, today);
                let plan = Arc::new(pages::plan(&assembly));
                (assembly, plan)
            }
        };
        phases.end("assemble");
        let generation = self.theme_generation;
        let previous = &self.last.pages;
        // Each page is kept from the previous build when its fingerprint
        // and the theme are unchanged, else rendered again.
        let stale: Vec<(crate::routes::Route, Arc<str>, u64)> = plan
            .par_iter()
            .filter_map(|(route, file)| {
                let fingerprint = assembly.fingerprint(*route);
                match previous.get(file) {
                    Some(page)
                        if page.fingerprint == fingerprint && page.generation == generation =>
                    {
                        None
                    }
                    _ => Some((*route, file.clone(), fingerprint)),
                }
            })
            .collect();
        let rendered = pages::render(
            &assembly,
            theme,
            &stale,
            |(route, file, _)| (*route, &**file),
            |(route, file, fingerprint), bytes| {
                let page = Page {
                    fingerprint: *fingerprint,
                    generation,
                    source: Source::Bytes(Arc::from(bytes)),
                };
                Ok((file.clone(), page, route.is_page()))
            },
            None,
            None,
        )?;
        phases.end("render");
        // The new tree is the last one with the changes applied: a copy of
        // the last one shares every name and page (a reference count each).
        let mut tree: Tree = (*self.last.tree).clone();
        let mut rendered_pages = 0;
        for (file, page, is_page) in rendered.outputs {
            rendered_pages += usize::from(is_page);
            tree.insert(file.clone(), page.source.clone());
            self.last.pages.insert(file, page);
        }
        // Pages that are no longer part of the site.
        if self.last.pages.len() != plan.len() {
            let current: HashSet<&str> = plan.iter().map(|(_, file)| &**file).collect();
            self.last.pages.retain(|file, _| current.contains(&**file));
            tree.retain(|file, _| current.contains(&**file));
        }
        // Static files: few, so simply replaced.
        for file in self.last.statics.keys() {
            if !self.last.pages.contains_key(file) {
                tree.remove(file);
            }
        }
        let pages_now = &self.last.pages;
        let mut statics = pages::static_files(site, theme);
        statics.retain(|file, _| !pages_now.contains_key(file));
        for (file, source) in &statics {
            tree.insert(file.clone(), source.clone());
        }
        self.last.statics = statics;
        phases.end("tree");
        self.index_search(site, &mut tree);
        phases.end("search");
        let tree = Arc::new(tree);
        self.last.tree = tree.clone();
        let report = BuildReport {
            pages: pages::page_count(&plan),
            rendered: rendered_pages,
            posts: site.post_count(),
            editions: site.editions.len(),
            files: tree.len(),
            millis: started.elapsed().as_millis(),
            warnings: rendered.warnings,
            output: crate::output::Report::default(),
            pending_photos: 0,
            pending_search: self.search_pending(),
        };
        self.last.index = Some((assembly.into_index(), plan));
        Ok((tree, report))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::LoadOptions;
    use std::time::Duration;

    struct Dir(PathBuf);

    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    fn site(name: &str) -> (Dir, BuildOptions) {
        let dir =
            Dir(std::env::temp_dir()
                .join(format!("campaign-session-{name}-{}", std::process::id())));
        let root = dir.0.join("content");
        let _ = std::fs::remove_dir_all(&dir.0);
        std::fs::create_dir_all(root.join("2024/news")).unwrap();
        std::fs::write(
            root.join("site.yaml"),
            "title: \"Ngày CTXH\"\nbase_url: \"https://a.vn/\"\ncampaign: { day: \"03-25\", first_year: 2017 }\n",
        )
        .unwrap();
        std::fs::write(root.join("2024/edition.yaml"), "theme: \"Chủ đề\"\n").unwrap();
        std::fs::write(
            root.join("2024/news/a.md"),
            "---\ntitle: \"Bài A\"\ndate: \"2/3/2024\"\n---\nNội dung.\n",
        )
        .unwrap();
        let options = BuildOptions {
            source: root,
            output: dir.0.join("public"),
            themes: Some(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("themes")),
            load: LoadOptions::default(),
        };
        (dir, options)
    }

    /// The index files of a tree, by name.
    fn index(tree: &Tree) -> Vec<(String, Vec<u8>)> {
        tree.iter()
            .filter(|(k, _)| k.starts_with(crate::search::DIR))
            .map(|(k, s)| match s {
                Source::Bytes(b) => (k.to_string(), b.to_vec()),
                _ => panic!("{k} is not made in memory"),
            })
            .collect()
    }

    fn has(files: &[(String, Vec<u8>)], word: &str) -> bool {
        files
            .iter()
            .any(|(_, b)| String::from_utf8_lossy(b).contains(word))
    }

    #[test]
    fn an_edit_is_shown_at_once_and_its_index_follows_from_the_worker() {
        let (_dir, options) = site("background");
        let post = options.source.join("2024/news/a.md");
        let (done_tx, done_rx) = std::sync::mpsc::channel();
        let mut session = Session::new(options.clone())
            .with_background_search(move || {
                let _ = done_tx.send(());
            })
            .unwrap();
        let (first, report) = session.rebuild(&[]).unwrap();
        assert!(!report.pending_search, "the first build makes its own");
        assert!(has(&index(&first), "bai"), "{:?}", index(&first));

        std::fs::write(
            &post,
            "---\ntitle: \"Bài A\"\ndate: \"2/3/2024\"\n---\nNội dung về xylophon.\n",
        )
        .unwrap();
        let (edited, report) = session.rebuild(std::slice::from_ref(&post)).unwrap();
        // The page shows the edit; the index is still the last one.
        let page = match &edited["2024/tin-tuc/a/index.html"] {
            Source::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
            _ => unreachable!(),
        };
        assert!(page.contains("xylophon"));
        assert!(report.pending_search);
        assert_eq!(index(&edited), index(&first));

        done_rx.recv_timeout(Duration::from_secs(30)).unwrap();
        let indexed = session.take_search().expect("the worker's index");
        assert!(session.take_search().is_none(), "taken once");
        assert!(has(&index(&indexed), "xylophon"));
        // The same files as a session that makes its index itself.
        let (inline, _) = Session::new(options).rebuild(&[]).unwrap();
        assert_eq!(index(&indexed), index(&inline));
        // Everything else is the edited build.
        let rest = |t: &Tree| {
            t.keys()
                .filter(|k| !k.starts_with(crate::search::DIR))
                .count()
        };
        assert_eq!(rest(&indexed), rest(&edited));
    }

    #[test]
    fn a_failed_build_drops_the_index_asked_for_the_last_good_one() {
        let (_dir, options) = site("failed");
        let post = options.source.join("2024/news/a.md");
        let mut session = Session::new(options).with_background_search(|| {}).unwrap();
        session.rebuild(&[]).unwrap();
        std::fs::write(
            &post,
            "---\ntitle: \"Bài A\"\ndate: \"2/3/2024\"\n---\nĐã sửa.\n",
        )
        .unwrap();
        let (_, report) = session.rebuild(std::slice::from_ref(&post)).unwrap();
        assert!(report.pending_search);
        std::fs::write(&post, "---\ntitle: \"Bài A\n").unwrap();
        assert!(session.rebuild(std::slice::from_ref(&post)).is_err());
        // Never shown over the error, however long the worker takes.
        std::thread::sleep(Duration::from_millis(200));
        assert!(session.take_search().is_none());
    }
}
