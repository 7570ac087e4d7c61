//! SVG files: published byte for byte as they are, once checked to hold
//! nothing that runs or loads: no `<script>`, no `on…` handler, no
//! `javascript:` URL, no element that embeds HTML or another document, no
//! reference to another file or site (in `href`, `src`, or CSS `url()` and
//! `@import`).
//!
//! An SVG with any of them is refused, not rewritten. A sanitiser would
//! have to serialise the XML again, and a mistake there publishes a live
//! script on the site's own address (opening the `.svg` runs it there);
//! a mistake in a check at worst refuses a harmless file, with a message
//! naming what it found. The SVGs staff publish (logos, drawings exported
//! from Inkscape, Illustrator or Canva) hold none of these, and what is
//! published is then exactly the file the author looked at.
//!
//! The check parses the file with a real XML parser, as the browser does
//! for an SVG: entities, CDATA sections and namespace prefixes
//! (`<x:script xmlns:x="http://www.w3.org/2000/svg">`) are seen as it sees
//! them, and a file it cannot parse is refused (browsers show an error for
//! it anyway).

use super::PhotoError;

/// Whether bytes look like an SVG document (after a BOM, spaces, an XML
/// declaration or comments, an `<svg` root): the check decides the rest.
pub(super) fn looks_like_svg(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace());
    let Some(start) = start else {
        return false;
    };
    let head = &bytes[start..bytes.len().min(start + 4096)];
    head.first() == Some(&b'<') && head.windows(4).any(|w| w == b"<svg")
}

/// Elements that run code or embed another document, in any namespace.
const FORBIDDEN_ELEMENTS: [&str; 9] = [
    "script",
    "foreignObject",
    "iframe",
    "embed",
    "object",
    "handler",
    "listener",
    "audio",
    "video",
];

/// Checks an SVG; its intrinsic size (`width`/`height` in pixels, else the
/// `viewBox`; 0 when neither says).
pub(super) fn check(bytes: &[u8]) -> Result<(u32, u32), PhotoError> {
    let text = std::str::from_utf8(bytes).map_err(|e| PhotoError::SvgInvalid {
        detail: e.to_string(),
    })?;
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    let doc = roxmltree::Document::parse_with_options(text, options).map_err(|e| {
        PhotoError::SvgInvalid {
            detail: e.to_string(),
        }
    })?;
    let root = doc.root_element();
    if root.tag_name().name() != "svg" {
        return Err(PhotoError::SvgInvalid {
            detail: format!("<{}>", root.tag_name().name()),
        });
    }
    for node in doc.descendants() {
        if node.is_element() {
            check_element(node)?;
        } else if node.is_text()
            && node.parent_element().map(|p| p.tag_name().name()) == Some("style")
        {
            check_css(node.text().unwrap_or(""))?;
        }
    }
    Ok(size(root))
}

fn unsafe_(what: impl Into<String>) -> PhotoError {
    let mut what: String = what.into();
    if what.chars().count() > 80 {
        what = what.chars().take(80).collect::<String>() + "…";
    }
    PhotoError::SvgUnsafe { what }
}

fn check_element(node: roxmltree::Node<'_, '_>) -> Result<(), PhotoError> {
    let name = node.tag_name().name();
    if FORBIDDEN_ELEMENTS
        .iter()
        .any(|f| f.eq_ignore_ascii_case(name))
        || node.tag_name().namespace() == Some("http://www.w3.org/1999/xhtml")
    {
        return Err(unsafe_(format!("<{name}>")));
    }
    // `<set attributeName="href" to="javascript:…">` and its animate kin
    // change a link after loading.
    let animates = matches!(
        name,
        "set" | "animate" | "animateMotion" | "animateTransform"
    );
    for attr in node.attributes() {
        let attr_name = attr.name();
        let value = attr.value();
        if attr_name.len() > 2 && attr_name[..2].eq_ignore_ascii_case("on") {
            return Err(unsafe_(format!("{attr_name}=\"{value}\"")));
        }
        if is_javascript(value) {
            return Err(unsafe_(format!("{attr_name}=\"{value}\"")));
        }
        if animates && attr_name == "attributeName" && value.to_ascii_lowercase().contains("href") {
            return Err(unsafe_(format!("<{name} {attr_name}=\"{value}\">")));
        }
        if matches!(attr_name, "href" | "src") && !internal(value) {
            return Err(unsafe_(format!("{attr_name}=\"{value}\"")));
        }
        if attr_name == "style" {
            check_css(value)?;
        }
        // Presentation attributes take CSS values: fill="url(http://…)".
        if value.contains("url(") {
            check_css(value)?;
        }
    }
    Ok(())
}

/// `javascript:` with the spaces and control characters a browser skips.
fn is_javascript(value: &str) -> bool {
    let squeezed: String = value
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .take(11)
        .collect();
    squeezed.to_ascii_lowercase().starts_with("javascript:")
}

/// A reference inside the file (`#id`), or a picture embedded in it
/// (`data:image/png;base64,…`; not `data:image/svg+xml`, which could hold
/// a script of its own).
fn internal(reference: &str) -> bool {
    let r = reference.trim();
    let lower = r.to_ascii_lowercase();
    r.starts_with('#')
        || [
            "data:image/png",
            "data:image/jpeg",
            "data:image/gif",
            "data:image/webp",
        ]
        .iter()
        .any(|p| lower.starts_with(p))
}

/// CSS in a `<style>` element or a `style` attribute: `url()` only to
/// this file or an embedded picture, no `@import`, no `expression(`.
fn check_css(css: &str) -> Result<(), PhotoError> {
    let lower = css.to_ascii_lowercase();
    if lower.contains("@import") || lower.contains("expression(") || lower.contains("javascript:") {
        return Err(unsafe_(css.trim()));
    }
    let mut rest = lower.as_str();
    while let Some(at) = rest.find("url(") {
        rest = &rest[at + 4..];
        let target = rest
            .trim_start()
            .trim_start_matches(['"', '\''])
            .trim_start();
        if !internal(target) {
            return Err(unsafe_(format!("url({}", &rest[..rest.len().min(60)])));
        }
    }
    Ok(())
}

/// `width`/`height` in pixels (a bare number or `px`), else the `viewBox`.
fn size(root: roxmltree::Node<'_, '_>) -> (u32, u32) {
    let px = |name: &str| {
        root.attribute(name)
            .map(|v| v.trim().trim_end_matches("px").trim())
            .and_then(|v| v.parse::<f64>().ok())
            .filter(|v| v.is_finite() && *v > 0.0)
    };
    if let (Some(w), Some(h)) = (px("width"), px("height")) {
        return (w.round() as u32, h.round() as u32);
    }
    let view_box: Vec<f64> = root
        .attribute("viewBox")
        .unwrap_or("")
        .split([' ', ','])
        .filter(|s| !s.is_empty())
        .filter_map(|s| s.parse().ok())
        .collect();
    match view_box[..] {
        [_, _, w, h] if w.is_finite() && h.is_finite() && w > 0.0 && h > 0.0 => {
            (w.round() as u32, h.round() as u32)
        }
        _ => (0, 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_svg_that_could_run_or_load_something_is_refused() {
        let wrap = |inner: &str| {
            format!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">{inner}</svg>"#
            )
        };
        let bad = [
            wrap("<script>alert(1)</script>"),
            wrap(r#"<x:script xmlns:x="http://www.w3.org/2000/svg">alert(1)</x:script>"#),
            wrap(r#"<rect onclick="alert(1)"/>"#),
            r#"<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>"#.to_owned(),
            wrap(r#"<a href=" java&#x09;script:alert(1)"><text>x</text></a>"#),
            wrap(r#"<a xlink:href="javascript:alert(1)"><text>x</text></a>"#),
            wrap(r#"<image href="https://tracker.example/pixel.png"/>"#),
            wrap(r#"<use href="other.svg#icon"/>"#),
            wrap(r#"<set attributeName="href" to="javascript:alert(1)"/>"#),
            wrap(
                r#"<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>"#,
            ),
            wrap(r#"<style>@import url(https://fonts.example/a.css);</style>"#),
            wrap(r#"<style><![CDATA[ rect { fill: url( "http://x.example/p.svg#a") } ]]></style>"#),
            wrap(r#"<rect style="background: url(//x.example/a.png)"/>"#),
            wrap(r#"<rect fill="url(http://x.example/a.svg#g)"/>"#),
            wrap(r#"<image href="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4="/>"#),
        ];
        for svg in &bad {
            assert!(looks_like_svg(svg.as_bytes()), "{svg}");
            let result = check(svg.as_bytes());
            assert!(
                matches!(result, Err(PhotoError::SvgUnsafe { .. })),
                "{svg}: {result:?}"
            );
        }
        assert!(matches!(
            check(b"<svg xmlns=\"http://www.w3.org/2000/svg\"><rect></svg>"),
            Err(PhotoError::SvgInvalid { .. })
        ));
        // Embedded raster pictures are fine.
        let ok = wrap(r#"<image href="data:image/png;base64,iVBORw0KGgo="/>"#);
        assert!(check(ok.as_bytes()).is_ok());
    }
}
