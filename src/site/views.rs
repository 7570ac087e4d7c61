//! What templates see: serializable views of the model, built for one page.
//!
//! Everything that depends on where a page is (links made relative to it)
//! goes through [`Views`]; the rest is the same on every page.

use serde::Serialize;

use crate::config::SiteConfig;
use crate::content::model::{Document, DocumentLink, Edition, Html, Post, PostBody, When};

use super::lists::{PostSummary, post_summary};
use crate::dates::{Day, DayView};
use crate::markdown::relativize;
use crate::routes;

use super::index::Tag;

/// `lần thứ 8`
pub(crate) fn ordinal_label(ordinal: i64) -> String {
    format!("lần thứ {ordinal}")
}

/// A site path (`2024/files/Kế hoạch 45.pdf`, `/2024/files/a b.jpg#x`) as
/// it goes in an `href` or `src`: every byte that is not allowed as it is in
/// a URL path (spaces, `%`, letters with accents) percent-encoded, so that
/// the link works in every browser, from disk and under a subpath. What
/// follows a `#` or `?` is kept as written (it is already a URL's part).
pub(crate) fn encode_path(path: &str) -> String {
    let (path, suffix) = path.split_at(path.find(['#', '?']).unwrap_or(path.len()));
    let mut out = String::with_capacity(path.len() + suffix.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=:@".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out.push_str(suffix);
    out
}

/// Midnight in Vietnam (UTC+7) of a day, as Atom wants it.
pub(super) fn rfc3339(d: Day) -> String {
    format!("{}T00:00:00+07:00", d.iso())
}

/// Builds the views of one page: everything that depends on where the page
/// is (relative links) goes through here.
pub(super) struct Views<'v> {
    pub(super) root: &'v str,
    pub(super) today: Day,
    pub(super) config: &'v SiteConfig,
}

impl Views<'_> {
    pub(super) fn html(&self, h: &Html) -> String {
        relativize(&h.0, self.root)
    }

    /// A site-rooted (`/x`) or external URL, as seen from this page.
    pub(super) fn href(&self, url: &str) -> String {
        match url.strip_prefix('/') {
            Some(rest) if !rest.starts_with('/') => format!("{}{rest}", self.root),
            _ => url.to_owned(),
        }
    }

    pub(super) fn site(&self) -> SiteView {
        let c = self.config;
        SiteView {
            title: c.title.clone(),
            description: c.description.clone(),
            language: c.language.clone(),
            organization: c.organization.clone(),
            address: c.address.clone(),
            phone: c.phone.clone(),
            phone_href: c.phone.as_deref().map(tel_href),
            email: c.email.clone(),
            base_url: c.base_url.clone(),
            root_path: crate::config::root_path(&c.base_url).to_owned(),
            generator: "campaign",
            menu: c
                .menu
                .iter()
                .map(|m| {
                    let external = crate::markdown::is_external(&m.url);
                    MenuView {
                        title: m.title.clone(),
                        url: if external {
                            m.url.clone()
                        } else {
                            m.url.trim_start_matches('/').to_owned()
                        },
                        external,
                    }
                })
                .collect(),
        }
    }

    pub(super) fn edition(&self, e: &Edition) -> EditionView {
        let days = (e.date.0 - self.today.0).get_days();
        let today_label = format!("Hôm nay là {}", self.config.title);
        let (status, status_label) = match days {
            d if d > 0 => ("upcoming", format!("Còn {d} ngày nữa")),
            0 => ("today", today_label.clone()),
            _ => ("past", "Đã diễn ra".to_owned()),
        };
        let mut unit_groups: Vec<UnitGroupView> = Vec::new();
        for u in &e.units {
            let group = u.group.clone().unwrap_or_else(|| "Đơn vị khác".to_owned());
            let unit = UnitView {
                name: u.name.clone(),
                role: u.role.clone(),
                tasks_html: u.tasks.as_ref().map(|h| self.html(h)),
            };
            // Groups appear in the order the author first used them.
            match unit_groups.iter_mut().find(|g| g.name == group) {
                Some(g) => g.units.push(unit),
                None => unit_groups.push(UnitGroupView {
                    name: group,
                    units: vec![unit],
                }),
            }
        }
        EditionView {
            year: e.year,
            calendar_url: crate::routes::calendar(e.year),
            ordinal: e.ordinal,
            ordinal_label: ordinal_label(e.ordinal),
            theme: e.theme.clone(),
            slogans: e.slogans.clone(),
            summary: e.summary.clone(),
            date: e.date.view(),
            period: e.period.map(|(from, to)| PeriodView {
                from: from.view(),
                to: to.view(),
            }),
            status,
            status_label,
            today_label,
            as_of: self.today.view(),
            slogans_note: e.slogans_note.clone(),
            period_note: e.period_note.clone(),
            purposes_html: e.purposes.iter().map(|h| self.html(h)).collect(),
            requirements_html: e.requirements.iter().map(|h| self.html(h)).collect(),
            activities: e
                .activities
                .iter()
                .map(|a| {
                    let (from, to, date_label) = match a.when {
                        When::Unscheduled => (None, None, None),
                        When::On(d) => (Some(d.view()), None, Some(d.short())),
                        When::Between(f, t) => (
                            Some(f.view()),
                            Some(t.view()),
                            Some(format!("{} – {}", f.short(), t.short())),
                        ),
                    };
                    ActivityView {
                        title: a.title.clone(),
                        date_label,
                        from,
                        to,
                        location: a.location.clone(),
                        description_html: a.description.as_ref().map(|h| self.html(h)),
                        units: a.units.clone(),
                    }
                })
                .collect(),
            unit_groups,
            documents: e.documents.iter().map(|d| self.document(d)).collect(),
            report: e.report.as_ref().map(|r| ReportView {
                deadline: r.deadline.map(Day::view),
                deadline_source: r.deadline_source.clone(),
                contact_html: r.contact.as_ref().map(|h| self.html(h)),
            }),
            intro_html: e.intro.as_ref().map(|h| self.html(h)),
            url: routes::edition(e.year),
            news_url: routes::edition_news(e.year),
            banners_url: routes::banners(e.year),
            feed_url: routes::edition_feed(e.year),
            post_count: e.posts.len(),
            album: self.gallery(&e.album),
            results: super::results::brief(e),
            form: FormView {
                xlsx: e.form.xlsx.clone(),
                csv: e.form.csv.clone(),
            },
        }
    }

    /// What pages other than the edition's own show of an edition.
    pub(super) fn edition_ref(&self, e: &Edition) -> EditionRef {
        EditionRef {
            year: e.year,
            ordinal: e.ordinal,
            ordinal_label: ordinal_label(e.ordinal),
            theme: e.theme.clone(),
            date: e.date.view(),
            url: routes::edition(e.year),
            news_url: routes::edition_news(e.year),
            banners_url: routes::banners(e.year),
            feed_url: routes::edition_feed(e.year),
            post_count: e.posts.len(),
        }
    }

    pub(super) fn document(&self, d: &Document) -> DocumentView {
        let (href, external) = match &d.link {
            DocumentLink::None => (None, false),
            DocumentLink::File(path) => (Some(encode_path(path)), false),
            DocumentLink::External(url) => (Some(url.clone()), true),
        };
        DocumentView {
            number: d.number.clone(),
            date: d.date.map(Day::view),
            issuer: d.issuer.clone(),
            title: d.title.clone(),
            href,
            external,
            link_label: d.link_label.clone(),
        }
    }

    /// Who the page names as its organisation: the edition's own, when it
    /// has one (a past year keeps the body of its time), else the site's.
    pub(super) fn organization(&self, e: Option<&Edition>) -> OrganizationView {
        match e.filter(|e| e.organization.is_some() || e.logo.is_some()) {
            Some(e) => OrganizationView {
                name: e
                    .organization
                    .clone()
                    .or_else(|| self.config.organization.clone()),
                logo: e.logo.clone().unwrap_or_else(|| "logo.svg".to_owned()),
                year: e.organization.as_ref().map(|_| e.year),
            },
            None => OrganizationView {
                name: self.config.organization.clone(),
                logo: "logo.svg".to_owned(),
                year: None,
            },
        }
    }

    pub(super) fn post(&self, p: &Post, body: &PostBody) -> PostView {
        PostView {
            summary: post_summary(p),
            source: p.source.clone(),
            // Relative to the page, ready to use (`src="{{ post.image.src }}"`).
            image: p.cover.as_ref().map(|i| ImageView {
                src: if crate::markdown::is_external(&i.src) {
                    i.src.clone()
                } else {
                    self.href(&encode_path(&i.src))
                },
                alt: i.alt.clone(),
                width: i.picture.as_ref().and_then(|p| p.src()).map(|f| f.width),
                height: i.picture.as_ref().and_then(|p| p.src()).map(|f| f.height),
                // The cover is the first image of its page: not lazy.
                html: i.picture.as_ref().map(|p| {
                    let attrs = format!("alt=\"{}\"", crate::markdown::escape_attr(&i.alt));
                    self.html(&Html(crate::markdown::picture_html(p, &attrs, false)))
                }),
            }),
            content_html: {
                let html = self.html(&body.content);
                if p.cover.is_some() {
                    html
                } else {
                    crate::markdown::first_eager(html)
                }
            },
            album: self.gallery(&p.album),
        }
    }

    pub(super) fn tag(&self, t: &Tag) -> TagView {
        TagView {
            name: t.name.clone(),
            url: routes::tag(&t.slug),
            slug: t.slug.clone(),
            count: t.posts.len(),
        }
    }

    pub(super) fn archive_entry(&self, e: &Edition) -> ArchiveEntry {
        ArchiveEntry {
            year: e.year,
            ordinal_label: ordinal_label(e.ordinal),
            theme: e.theme.clone(),
            url: routes::edition(e.year),
            zip_url: routes::edition_zip(e.year),
            post_count: e.posts.len(),
            date: e.date.view(),
        }
    }
}

#[derive(Serialize)]
pub(super) struct SiteView {
    title: String,
    description: Option<String>,
    language: String,
    organization: Option<String>,
    address: Option<String>,
    phone: Option<String>,
    /// The phone number as a `tel:` link wants it (digits and `+`).
    phone_href: Option<String>,
    email: Option<String>,
    base_url: String,
    /// The path of `base_url` (`/`, `/ctxh/`), for the 404 page's links.
    root_path: String,
    menu: Vec<MenuView>,
    generator: &'static str,
}

/// The organisation a page names in its header and footer.
#[derive(Serialize)]
pub(super) struct OrganizationView {
    name: Option<String>,
    /// Site path of the logo.
    logo: String,
    /// The year whose own organisation this is, when an edition overrides
    /// the site's.
    year: Option<i16>,
}

/// `+84 225 3842 552` → `+842253842552`.
fn tel_href(phone: &str) -> String {
    phone
        .chars()
        .enumerate()
        .filter(|&(i, c)| c.is_ascii_digit() || (c == '+' && i == 0))
        .map(|(_, c)| c)
        .collect()
}

#[derive(Serialize)]
pub(super) struct MenuView {
    title: String,
    url: String,
    external: bool,
}

#[derive(Serialize)]
pub(super) struct PageMeta {
    pub(super) title: String,
    pub(super) description: Option<String>,
    pub(super) path: String,
    pub(super) canonical: String,
    pub(super) kind: &'static str,
    /// The index in `site.menu` of the entry the page marks as its own.
    pub(super) menu_current: Option<usize>,
    /// Whether that entry is the page itself, not its section.
    pub(super) menu_exact: bool,
}

#[derive(Serialize)]
pub(super) struct EditionView {
    year: i16,
    /// The edition's calendar (`.ics`), which each scheduled activity links to.
    calendar_url: String,
    ordinal: i64,
    ordinal_label: String,
    theme: String,
    slogans: Vec<String>,
    summary: Option<String>,
    date: DayView,
    period: Option<PeriodView>,
    status: &'static str,
    status_label: String,
    /// What the status says on the day itself (the countdown script says it
    /// in the reader's browser).
    today_label: String,
    /// The day the status was computed (the build's).
    as_of: DayView,
    slogans_note: Option<String>,
    period_note: Option<String>,
    purposes_html: Vec<String>,
    requirements_html: Vec<String>,
    activities: Vec<ActivityView>,
    unit_groups: Vec<UnitGroupView>,
    documents: Vec<DocumentView>,
    report: Option<ReportView>,
    intro_html: Option<String>,
    url: String,
    news_url: String,
    banners_url: String,
    feed_url: String,
    post_count: usize,
    album: Vec<super::gallery::GalleryPhoto>,
    results: super::results::ResultsBrief,
    form: FormView,
}

/// The year's report form, as published in its `files/`.
#[derive(Serialize)]
pub(super) struct FormView {
    xlsx: Option<String>,
    csv: Option<String>,
}

/// An edition as shown on post and list pages: its name and addresses.
#[derive(Serialize)]
pub(super) struct EditionRef {
    year: i16,
    ordinal: i64,
    ordinal_label: String,
    theme: String,
    date: DayView,
    url: String,
    news_url: String,
    banners_url: String,
    feed_url: String,
    post_count: usize,
}

#[derive(Serialize)]
pub(super) struct PeriodView {
    from: DayView,
    to: DayView,
}

#[derive(Serialize)]
pub(super) struct ActivityView {
    title: String,
    date_label: Option<String>,
    from: Option<DayView>,
    to: Option<DayView>,
    location: Option<String>,
    description_html: Option<String>,
    units: Vec<String>,
}

#[derive(Serialize)]
pub(super) struct UnitGroupView {
    name: String,
    units: Vec<UnitView>,
}

#[derive(Serialize)]
pub(super) struct UnitView {
    name: String,
    role: Option<String>,
    tasks_html: Option<String>,
}

#[derive(Serialize)]
pub(super) struct DocumentView {
    number: Option<String>,
    date: Option<DayView>,
    issuer: Option<String>,
    title: String,
    href: Option<String>,
    external: bool,
    link_label: Option<String>,
}

#[derive(Serialize)]
pub(super) struct ReportView {
    deadline: Option<DayView>,
    deadline_source: Option<String>,
    contact_html: Option<String>,
}

#[derive(Serialize)]
pub(super) struct PostView {
    #[serde(flatten)]
    summary: PostSummary,
    source: Option<String>,
    image: Option<ImageView>,
    content_html: String,
    album: Vec<super::gallery::GalleryPhoto>,
}

#[derive(Serialize)]
pub(super) struct ImageView {
    src: String,
    alt: String,
    /// The size of `src`, for a processed photo.
    width: Option<u32>,
    height: Option<u32>,
    /// The whole `<picture>` (WebP `srcset`, fallback `srcset`, `sizes`,
    /// `width`/`height`), for a processed photo.
    html: Option<String>,
}

#[derive(Serialize)]
pub(super) struct TagView {
    name: String,
    slug: String,
    url: String,
    count: usize,
}

#[derive(Serialize)]
pub(super) struct ArchiveEntry {
    /// The edition's ZIP (`campaign build` makes it; the archive page links
    /// it once it exists).
    zip_url: String,
    year: i16,
    ordinal_label: String,
    theme: String,
    url: String,
    post_count: usize,
    date: DayView,
}

#[derive(Serialize)]
pub(super) struct FeedView {
    pub(super) title: String,
    pub(super) id: String,
    pub(super) self_url: String,
    pub(super) alternate_url: String,
    pub(super) updated: String,
    pub(super) entries: Vec<FeedEntry>,
}

#[derive(Serialize)]
pub(super) struct FeedEntry {
    pub(super) title: String,
    pub(super) url: String,
    pub(super) updated: String,
    pub(super) summary: Option<String>,
    pub(super) author: Option<String>,
}

#[derive(Serialize)]
pub(super) struct SitemapUrl {
    pub(super) loc: String,
    pub(super) lastmod: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_become_tel_links() {
        assert_eq!(tel_href("+84 225 3842 552"), "+842253842552");
        assert_eq!(tel_href("0225.384.2552"), "02253842552");
    }
}
