//! What the search finds, made from the typed model: one record per post,
//! per edition page (its theme, purposes, activities and units), per
//! document (its number searchable as written, `45/KH-SLĐTBXH`) and per
//! standalone page. Lists, tag pages and the 404 only repeat these, so
//! they are not records.

use crate::content::model::{Body, Edition, Html, Post, Site};
use crate::dates::Day;
use crate::routes;
use crate::site::{encode_path, ordinal_label};

/// How long an excerpt is, in characters (cut at a word).
const EXCERPT: usize = 220;

/// What a record is, as the filter names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Kind {
    News,
    Edition,
    Document,
    Page,
}

impl Kind {
    /// The value of `loai=` in the search page's address.
    pub(crate) fn slug(self) -> &'static str {
        match self {
            Kind::News => "tin-tuc",
            Kind::Edition => "chuong-trinh",
            Kind::Document => "van-ban",
            Kind::Page => "trang",
        }
    }
}

/// One thing the search can find.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct Record {
    /// Site path of what a result opens (`2024/#van-ban` for a
    /// document), percent-encoded.
    pub(crate) path: String,
    pub(crate) title: String,
    pub(crate) kind: Kind,
    pub(crate) year: Option<i16>,
    pub(crate) ordinal: Option<i64>,
    pub(crate) date: Option<Day>,
    pub(crate) excerpt: String,
    /// Searched with more weight than `text`: the title, and a document's number.
    pub(crate) heading: String,
    /// The rest of what is searched.
    pub(crate) text: String,
}

/// The records of a site: posts newest first, then editions newest first,
/// their documents, and standalone pages (the order ties are ranked in).
/// `body` gives the text of a post whose body the model does not hold
/// (left on disk by `build`, which reads it with its page).
pub(crate) fn records(
    site: &Site,
    body: &mut dyn FnMut(usize, usize) -> Option<String>,
) -> Vec<Record> {
    let mut out = Vec::with_capacity(site.post_count() + site.editions.len() * 4);
    for (ei, edition) in site.editions.iter().enumerate().rev() {
        for (pi, post) in edition.posts.iter().enumerate() {
            let text = match &post.body {
                Body::Ready(b) => html_text(&b.content),
                Body::Deferred(_) => body(ei, pi).unwrap_or_default(),
            };
            out.push(post_record(post, edition, text));
        }
    }
    out.extend(others(site));
    out
}

/// The records that are not posts, in the order [`records`] puts them
/// after the posts.
pub(super) fn others(site: &Site) -> Vec<Record> {
    let mut out = Vec::new();
    for edition in site.editions.iter().rev() {
        out.push(edition_record(site, edition));
    }
    for edition in site.editions.iter().rev() {
        out.extend(document_records(edition));
    }
    for page in &site.pages {
        let text = html_text(&page.content);
        out.push(Record {
            path: encode_path(&routes::page(&page.slug)),
            title: page.title.clone(),
            kind: Kind::Page,
            year: None,
            ordinal: None,
            date: None,
            excerpt: excerpt(page.description.as_deref().unwrap_or(&text)),
            heading: page.title.clone(),
            text: join([page.description.as_deref().unwrap_or(""), &text]),
        });
    }
    out
}

pub(super) fn post_record(post: &Post, edition: &Edition, body: String) -> Record {
    let tags: Vec<&str> = post.tags.iter().map(|t| t.name.as_str()).collect();
    Record {
        path: encode_path(&routes::post(post.year, &post.slug)),
        title: post.title.clone(),
        kind: Kind::News,
        year: Some(post.year),
        ordinal: Some(edition.ordinal),
        date: Some(post.date),
        excerpt: excerpt(post.summary.as_deref().unwrap_or(&body)),
        heading: post.title.clone(),
        text: join([
            post.summary.as_deref().unwrap_or(""),
            &tags.join(", "),
            post.author.as_deref().unwrap_or(""),
            &post.year.to_string(),
            &body,
        ]),
    }
}

fn edition_record(site: &Site, e: &Edition) -> Record {
    let mut parts: Vec<String> = vec![e.theme.clone(), e.year.to_string()];
    parts.extend(e.slogans.iter().cloned());
    parts.extend(e.summary.iter().cloned());
    parts.extend(e.intro.iter().map(html_text));
    parts.extend(e.purposes.iter().chain(&e.requirements).map(html_text));
    for a in &e.activities {
        parts.push(a.title.clone());
        parts.extend(a.location.iter().cloned());
        parts.extend(a.description.iter().map(html_text));
        parts.extend(a.units.iter().cloned());
    }
    for u in &e.units {
        parts.extend(
            [Some(&u.name), u.group.as_ref(), u.role.as_ref()]
                .into_iter()
                .flatten()
                .cloned(),
        );
        parts.extend(u.tasks.iter().map(html_text));
    }
    let title = format!(
        "{} {} năm {}",
        site.config.title,
        ordinal_label(e.ordinal),
        e.year
    );
    Record {
        path: encode_path(&routes::edition(e.year)),
        heading: format!("{title} {}", e.theme),
        title,
        kind: Kind::Edition,
        year: Some(e.year),
        ordinal: Some(e.ordinal),
        date: Some(e.date),
        excerpt: excerpt(e.summary.as_deref().unwrap_or(&e.theme)),
        text: join(parts.iter().map(String::as_str)),
    }
}

fn document_records(e: &Edition) -> impl Iterator<Item = Record> + '_ {
    e.documents.iter().map(move |d| {
        // The edition's list of documents, which shows the document with
        // whatever its link opens (a file, a summary, another site).
        let path = format!("{}#van-ban", routes::edition(e.year));
        let number = d.number.as_deref().unwrap_or("");
        let about = join([
            number,
            d.issuer.as_deref().unwrap_or(""),
            &d.date.map(Day::short).unwrap_or_default(),
        ]);
        Record {
            path,
            title: d.title.clone(),
            kind: Kind::Document,
            year: Some(e.year),
            ordinal: Some(e.ordinal),
            date: d.date,
            excerpt: excerpt(&about),
            heading: join([number, &d.title]),
            text: join([
                "văn bản",
                document_type(number),
                &about,
                d.link_label.as_deref().unwrap_or(""),
                &e.year.to_string(),
            ]),
        }
    })
}

/// What a document is, read from its number as Vietnamese offices write
/// it (`45/KH-SLĐTBXH`: number, type, issuer): a plan, a decision…, and a
/// number without a type (`978/BLĐTBXH-BTXH`) is a dispatch, a công văn.
/// Readers search for "công văn 978", which the title does not say.
fn document_type(number: &str) -> &'static str {
    let Some((_, rest)) = number.split_once('/') else {
        return "";
    };
    let code = rest.split('-').next().unwrap_or("");
    match code {
        "KH" => "kế hoạch",
        "QĐ" => "quyết định",
        "HD" => "hướng dẫn",
        "TB" => "thông báo",
        "CT" => "chỉ thị",
        "BC" => "báo cáo",
        "TTr" => "tờ trình",
        "NQ" => "nghị quyết",
        "CĐ" => "công điện",
        _ if rest.contains('-') || !code.is_empty() => "công văn",
        _ => "",
    }
}

/// Non-empty parts, one space between.
fn join<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for p in parts.into_iter().filter(|p| !p.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(p);
    }
    out
}

/// The start of a text, cut at a word, with an ellipsis when cut.
fn excerpt(text: &str) -> String {
    if text.chars().count() <= EXCERPT {
        return text.to_owned();
    }
    let end = text
        .char_indices()
        .nth(EXCERPT)
        .map_or(text.len(), |(i, _)| i);
    let cut = text[..end].rfind(' ').unwrap_or(end);
    format!("{}…", text[..cut].trim_end_matches([',', '.', ';', ':']))
}

/// The text of rendered Markdown: tags dropped (a space where one was),
/// the entities the renderer writes decoded, spaces collapsed.
pub(crate) fn html_text(html: &Html) -> String {
    let html = &html.0;
    let mut out = String::with_capacity(html.len());
    let mut rest = html.as_str();
    let mut space = false;
    let push = |out: &mut String, s: &str, space: &mut bool| {
        if s.is_empty() {
            return;
        }
        if *space && !out.is_empty() {
            out.push(' ');
        }
        *space = false;
        out.push_str(s);
    };
    while let Some(i) = rest
        .bytes()
        .position(|b| matches!(b, b'<' | b'&' | b' ' | b'\n' | b'\t'))
    {
        push(&mut out, &rest[..i], &mut space);
        let c = rest.as_bytes()[i];
        rest = &rest[i..];
        match c {
            b'<' => {
                let end = rest.find('>').map_or(rest.len(), |e| e + 1);
                rest = &rest[end..];
                space = true;
            }
            b'&' => {
                let end = rest.find(';').filter(|&e| e < 10);
                let decoded = end.and_then(|e| entity(&rest[1..e]));
                match (end, decoded) {
                    (Some(e), Some(c)) => {
                        let mut b = [0; 4];
                        push(&mut out, c.encode_utf8(&mut b), &mut space);
                        rest = &rest[e + 1..];
                    }
                    _ => {
                        push(&mut out, "&", &mut space);
                        rest = &rest[1..];
                    }
                }
            }
            _ => {
                space = true;
                rest = &rest[1..];
            }
        }
    }
    push(&mut out, rest, &mut space);
    out
}

fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some(' '),
        _ => {
            let n = name.strip_prefix('#')?;
            let code = match n.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => n.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_becomes_its_text() {
        let h = Html("<h2 id=\"a\">Mục&nbsp;đích</h2>\n<p>Trẻ em &amp; <em>gia đình</em>&#39;s</p><p>x&y</p>".into());
        assert_eq!(html_text(&h), "Mục đích Trẻ em & gia đình 's x&y");
        assert_eq!(html_text(&Html(String::new())), "");
    }

    #[test]
    fn a_documents_type_is_read_from_its_number() {
        assert_eq!(document_type("45/KH-SLĐTBXH"), "kế hoạch");
        assert_eq!(document_type("1791/QĐ-TTg"), "quyết định");
        assert_eq!(document_type("978/BLĐTBXH-BTXH"), "công văn");
        assert_eq!(document_type("640/UBND"), "công văn");
        assert_eq!(document_type(""), "");
    }

    #[test]
    fn excerpts_are_cut_at_a_word() {
        assert_eq!(excerpt("ngắn"), "ngắn");
        let long = "công tác xã hội, ".repeat(30);
        let e = excerpt(&long);
        assert!(e.ends_with('…') && e.chars().count() <= EXCERPT + 1, "{e}");
        assert!(!e.contains(", …") && e.starts_with("công tác"), "{e}");
    }
}
