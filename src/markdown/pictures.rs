//! Processed photos written as `<picture>` with their `srcset`.

use std::collections::HashMap;

/// The `sizes` of every picture: the full width of a phone, the text
/// column of the default theme beyond.
pub(crate) const PICTURE_SIZES: &str = "(max-width: 720px) 100vw, 680px";

/// A `<picture>` for `picture` (site-rooted URLs), `attrs` being the
/// escaped attributes of its `<img>` beyond the files (`alt="…"`, maybe
/// `title="…"`). Every picture is lazy but the first of a page.
pub(crate) fn picture_html(
    picture: &crate::content::model::Picture,
    attrs: &str,
    lazy: bool,
) -> String {
    picture_html_sized(picture, attrs, lazy, PICTURE_SIZES)
}

/// [`picture_html`] with another `sizes` (a picture in a grid of cards or
/// thumbnails is narrower than the text column).
pub(crate) fn picture_html_sized(
    picture: &crate::content::model::Picture,
    attrs: &str,
    lazy: bool,
    sizes: &str,
) -> String {
    use std::fmt::Write;
    let srcset = |files: &[crate::content::model::PictureFile]| {
        files
            .iter()
            .map(|f| format!("{} {}w", f.url, f.width))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut out = String::from("<picture>");
    if !picture.webp.is_empty() {
        let _ = write!(
            out,
            "<source type=\"image/webp\" srcset=\"{}\" sizes=\"{sizes}\">",
            srcset(&picture.webp)
        );
    }
    if let Some(src) = picture.src() {
        let _ = write!(
            out,
            "<img src=\"{}\" srcset=\"{}\" sizes=\"{sizes}\" width=\"{}\" height=\"{}\" {attrs}{} decoding=\"async\">",
            src.url,
            srcset(&picture.fallback),
            src.width,
            src.height,
            if lazy { LAZY } else { "" },
        );
    }
    out.push_str("</picture>");
    out
}

/// `text` escaped for an HTML attribute value in double quotes.
pub(crate) fn escape_attr(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// The first picture of a page's HTML is loaded at once, not lazily (it
/// is most likely in view when the page opens).
pub(crate) fn first_eager(html: String) -> String {
    if html.contains(LAZY) {
        html.replacen(LAZY, "", 1)
    } else {
        html
    }
}

/// What [`picture_html`] writes in a lazy picture (raw HTML in Markdown is
/// escaped, so only a picture can hold it).
const LAZY: &str = " loading=\"lazy\"";

/// Rewrites the `<img>` Markdown wrote for a processed photo (its `src`
/// one of `pictures`) as a `<picture>`.
pub(super) fn with_pictures(
    html: String,
    pictures: &HashMap<String, std::sync::Arc<crate::content::model::Picture>>,
) -> String {
    const OPEN: &str = "<img src=\"";
    if pictures.is_empty() || !html.contains(OPEN) {
        return html;
    }
    let mut out = String::with_capacity(html.len() + 512);
    let mut rest = html.as_str();
    while let Some(i) = rest.find(OPEN) {
        out.push_str(&rest[..i]);
        let tag = &rest[i..];
        let end = tag.find('>').map_or(tag.len(), |e| e + 1);
        let whole = &tag[..end];
        let src_end = whole[OPEN.len()..].find('"').map(|e| OPEN.len() + e);
        match src_end.and_then(|e| Some((pictures.get(&whole[OPEN.len()..e])?, e))) {
            Some((picture, e)) => {
                let attrs = whole[e + 1..]
                    .trim_end_matches('>')
                    .trim_end_matches('/')
                    .trim();
                out.push_str(&picture_html(picture, attrs, true));
            }
            None => out.push_str(whole),
        }
        rest = &tag[end..];
    }
    out.push_str(rest);
    out
}
