//! Tables wrapped in a container that scrolls sideways on a narrow screen.
//!
//! A table wider than a phone scrolls inside its container, not the whole
//! page. The container can take the keyboard's focus (so its contents can
//! be scrolled without a mouse) and is named after the table's header, so
//! that a screen reader says which table the region holds.

/// What [`wrap_tables`] opens each table's container with, up to its name.
const OPEN: &str = "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"";

/// Wraps every `<table>…</table>` of Markdown's HTML in a scrolling
/// container named `Bảng: <the header's cells>`.
pub(super) fn wrap_tables(html: String) -> String {
    if !html.contains("<table>") {
        return html;
    }
    let mut out = String::with_capacity(html.len() + 256);
    let mut rest = html.as_str();
    while let Some(start) = rest.find("<table>") {
        let Some(len) = rest[start..].find("</table>") else {
            break;
        };
        let end = start + len + "</table>".len();
        let table = &rest[start..end];
        out.push_str(&rest[..start]);
        out.push_str(OPEN);
        out.push_str(&label(table));
        out.push_str("\">");
        out.push_str(table);
        out.push_str("</div>");
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// `Bảng: Ngày, Số, ký hiệu, Cơ quan ban hành`: the text of the header's
/// cells, tags left out, as an attribute value (Markdown escaped `<`, `>`
/// and `&` in text, not quotes).
fn label(table: &str) -> String {
    let head = table
        .find("<thead>")
        .and_then(|s| Some(&table[s..s + table[s..].find("</thead>")?]))
        .unwrap_or_default();
    let mut cells = Vec::new();
    let mut rest = head;
    while let Some(i) = rest.find("<th") {
        let Some(open_end) = rest[i..].find('>') else {
            break;
        };
        let body = &rest[i + open_end + 1..];
        let close = body.find("</th>").unwrap_or(body.len());
        let text = strip_tags(&body[..close]);
        let text = text.trim();
        if !text.is_empty() {
            cells.push(text.to_owned());
        }
        rest = &body[close..];
    }
    if cells.is_empty() {
        "Bảng".to_owned()
    } else {
        format!("Bảng: {}", cells.join(", ").replace('"', "&quot;"))
    }
}

pub(crate) fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_is_wrapped_and_named_after_its_header() {
        let html = "<p>a</p>\n<table><thead><tr><th style=\"text-align: left\">Ngày</th><th><strong>Số</strong>, ký hiệu</th><th>\"x\" &amp; y</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>\n<table><thead><tr><th></th></tr></thead></table>";
        let out = wrap_tables(html.to_owned());
        assert_eq!(out.matches(OPEN).count(), 2, "{out}");
        assert!(
            out.contains(&format!(
                "{OPEN}Bảng: Ngày, Số, ký hiệu, &quot;x&quot; &amp; y\"><table>"
            )),
            "{out}"
        );
        assert!(out.contains(&format!("{OPEN}Bảng\"><table>")), "{out}");
        assert_eq!(out.matches("</table></div>").count(), 2);
        assert!(out.starts_with("<p>a</p>\n"));
    }

    #[test]
    fn html_without_a_table_is_kept_as_it_is() {
        let html = "<p>&lt;table&gt; là chữ</p>".to_owned();
        assert_eq!(wrap_tables(html.clone()), html);
    }
}
