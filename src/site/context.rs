//! The template context of each kind of page, made from what the page
//! shows ([`Shown`]) and nothing else.

use tera::{Context, Value};

use super::feeds::feed;
use super::lists::pagination;
use super::menu;
use super::shows::Shown;
use super::views::{PageMeta, ordinal_label};
use crate::content::model::PostBody;
use crate::routes::{self, List, Route};

/// Where a page is published, as its template needs it.
pub(super) struct Place<'p> {
    pub(super) route: Route,
    /// The page's address.
    pub(super) path: &'p str,
    /// The way up to the site root from it.
    pub(super) root: &'p str,
    /// For a page of a list: the address of the list's first page.
    pub(super) list_base: Option<&'p str>,
    /// The feed the page offers.
    pub(super) feed_path: &'p str,
}

/// The context of one page, and the template that renders it. `body` is
/// the body of the post a post page shows.
pub(super) fn context(
    place: &Place,
    shown: &Shown,
    body: Option<&PostBody>,
) -> (&'static str, Context) {
    let v = &shown.views;
    let config = shown.config();
    let mut ctx = Context::new();
    ctx.insert("root", place.root);
    ctx.insert_value("site", shown.site_value());
    let (template, kind, title, description): (&str, &str, String, Option<String>) =
        match place.route {
            Route::Home => {
                ctx.insert("edition", &shown.edition().map(|e| v.edition(e)));
                ctx.insert("intro_html", &shown.home_intro().map(|h| v.html(h)));
                ctx.insert_value("latest_posts", shown.summaries());
                ctx.insert("archive_url", routes::archive());
                ctx.insert("editions_count", &shown.editions().len());
                // How many editions have been held up to the latest one:
                // the site may keep only some of them.
                ctx.insert(
                    "editions_held",
                    &shown.editions().last().map_or(0, |e| e.ordinal),
                );
                ctx.insert("first_year", &config.first_year);
                (
                    "index.html",
                    "home",
                    config.title.clone(),
                    config.description.clone(),
                )
            }
            Route::Edition(_) => {
                let e = shown.edition().expect("an edition page shows its edition");
                ctx.insert("edition", &v.edition(e));
                ctx.insert_value("latest_posts", shown.summaries());
                (
                    "edition.html",
                    "edition",
                    format!(
                        "{} {} năm {}",
                        config.title,
                        ordinal_label(e.ordinal),
                        e.year
                    ),
                    Some(e.summary.clone().unwrap_or_else(|| e.theme.clone())),
                )
            }
            Route::Banners(_) => {
                let e = shown.edition().expect("a banner page shows its edition");
                ctx.insert("edition", &v.edition(e));
                ctx.insert("banner_files", &crate::banners::listing(config, e));
                ctx.insert("board_url", &routes::board(e.year));
                ctx.insert("slogans_text_url", &routes::slogan_text(e.year));
                (
                    "banners.html",
                    "banners",
                    format!("Băng rôn, khẩu hiệu năm {}", e.year),
                    Some(e.theme.clone()),
                )
            }
            Route::Results(_) => {
                let e = shown.edition().expect("a results page shows its edition");
                ctx.insert("edition", &v.edition(e));
                ctx.insert("results", &super::results::page(e));
                ctx.insert("compare_url", routes::compare());
                (
                    "results.html",
                    "results",
                    format!("Kết quả năm {}", e.year),
                    Some(format!(
                        "Kết quả Ngày Công tác xã hội Việt Nam năm {} do các đơn vị báo cáo",
                        e.year
                    )),
                )
            }
            Route::Compare => {
                ctx.insert("compare", &super::results::compare(shown.editions()));
                (
                    "compare.html",
                    "compare",
                    "Kết quả qua các năm".to_owned(),
                    Some("Số người tham gia và kinh phí của các năm".to_owned()),
                )
            }
            Route::ResultsTable(..) => unreachable!("results tables are written, not rendered"),
            Route::Board(_) => {
                let e = shown.edition().expect("a board page shows its edition");
                ctx.insert("edition", &v.edition(e));
                (
                    "board.html",
                    "board",
                    format!("Chạy chữ năm {}", e.year),
                    Some(e.theme.clone()),
                )
            }
            Route::SloganText(_) => {
                let e = shown.edition().expect("a slogan file shows its edition");
                ctx.insert("slogans", &e.slogans);
                ("slogans.txt", "slogans", String::new(), None)
            }
            Route::Calendar(_) => {
                let e = shown.edition().expect("a calendar shows its edition");
                ctx.insert("calendar", &crate::calendar::ics(config, e));
                ("calendar.ics", "calendar", String::new(), None)
            }
            Route::News(list, _) => {
                let (n, pages) = shown.pagination().unwrap_or((1, 1));
                ctx.insert_value("posts", shown.summaries());
                ctx.insert(
                    "pagination",
                    &pagination(place.list_base.unwrap_or(place.path), n, pages),
                );
                let (template, kind, heading) = match (list, shown.edition(), shown.tag()) {
                    (List::Year(_), Some(e), _) => (
                        "news_list.html",
                        "news_list",
                        format!("Tin tức năm {}", e.year),
                    ),
                    (List::Tag(_), _, Some(tag)) => {
                        ctx.insert("tag", &v.tag(tag));
                        ("tag.html", "tag", format!("Tin tức về {}", tag.name))
                    }
                    _ => ("news_list.html", "news_list", "Tin tức".to_owned()),
                };
                ctx.insert_value("edition", Value::from(shown.edition_ref()));
                ctx.insert("heading", &heading);
                let title = if n > 1 {
                    format!("{heading} – trang {n}")
                } else {
                    heading
                };
                (template, kind, title, None)
            }
            Route::Post(_) => {
                let p = shown.post().expect("a post page shows its post");
                let (next, prev) = shown.neighbours();
                if let Some(body) = body {
                    ctx.insert("post", &v.post(p, body));
                }
                // Post pages show the edition's name and links, not its plan.
                ctx.insert_value("edition", Value::from(shown.edition_ref()));
                ctx.insert_value("prev", Value::from(prev));
                ctx.insert_value("next", Value::from(next));
                ("post.html", "post", p.title.clone(), p.summary.clone())
            }
            Route::Tags => {
                let tags: Vec<_> = shown.tags().iter().map(|t| v.tag(t)).collect();
                ctx.insert("tags", &tags);
                ("tags.html", "tags", "Thẻ".to_owned(), None)
            }
            Route::Archive => {
                let editions: Vec<_> = shown
                    .editions()
                    .iter()
                    .rev()
                    .map(|e| v.archive_entry(e))
                    .collect();
                ctx.insert("editions", &editions);
                ctx.insert("site_zip", routes::site_zip());
                (
                    "archive.html",
                    "archive",
                    "Lưu trữ các năm".to_owned(),
                    None,
                )
            }
            Route::Page(_) => {
                let p = shown.page().expect("a page shows itself");
                ctx.insert(
                    "content_html",
                    &crate::markdown::first_eager(v.html(&p.content)),
                );
                ("page.html", "page", p.title.clone(), p.description.clone())
            }
            Route::NotFound => ("404.html", "404", "Không tìm thấy trang".to_owned(), None),
            Route::Feed(_) => {
                ctx.insert("feed", &feed(shown, place.path));
                ("feed.xml", "feed", String::new(), None)
            }
            Route::Sitemap => {
                ctx.insert("urls", &shown.addresses());
                ("sitemap.xml", "sitemap", String::new(), None)
            }
            Route::Search => {
                let years: Vec<i16> = shown.editions().iter().rev().map(|e| e.year).collect();
                ctx.insert("years", &years);
                ctx.insert("archive_url", routes::archive());
                ctx.insert("index_dir", crate::search::DIR);
                ("search.html", "search", "Tìm kiếm".to_owned(), None)
            }
            Route::Robots => {
                ctx.insert(
                    "sitemap_url",
                    &format!("{}{}", config.base_url, routes::sitemap()),
                );
                ("robots.txt", "robots", String::new(), None)
            }
        };
    // The home page is the site's own, even though it presents the
    // current edition; every other page of an edition names the body that
    // organised that edition, if it has its own.
    let organised = match place.route {
        Route::Home => None,
        _ => shown.edition(),
    };
    ctx.insert("organization", &v.organization(organised));
    ctx.insert("feed_url", place.feed_path);
    ctx.insert(
        "share_image",
        &crate::banners::share_view(config, shown.edition(), shown.post()),
    );
    let menu_current = menu::current(&config.menu, place.path, shown.section().as_deref());
    ctx.insert(
        "page",
        &PageMeta {
            title,
            description,
            canonical: format!("{}{}", config.base_url, place.path),
            path: place.path.to_owned(),
            kind,
            menu_current: menu_current.map(|(i, _)| i),
            menu_exact: menu_current.is_some_and(|(_, exact)| exact),
        },
    );
    (template, ctx)
}
