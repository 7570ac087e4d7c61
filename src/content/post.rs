//! News posts and standalone pages: front matter as written, and their
//! conversion into the model.

use serde::Deserialize;

use super::model::{Html, Image, Page, Post, PostHashes, PostTag};
use super::{Loader, SourceFile};
use crate::dates::Day;
use crate::diagnostics::Diagnostic;
use crate::markdown;

/// Phần đầu (front matter) của một tin (`content/<năm>/news/*.md`). A news post's front matter.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "news post front matter")]
pub struct PostFront {
    /// Tiêu đề tin (title).
    pub title: String,
    /// Ngày đăng (date), trong năm của thư mục; tin mới nhất xếp trước.
    pub date: Day,
    /// Tóm tắt (summary): một câu, không định dạng, cho danh sách tin và bản tin RSS.
    #[serde(default)]
    pub summary: Option<String>,
    /// Thẻ (tags): 2-3 thẻ tiếng Việt, dùng lại thẻ đã có, ví dụ ["Hải Phòng", "Kế hoạch"].
    #[serde(default)]
    pub tags: Vec<String>,
    /// Tác giả (author), ví dụ "Thủy Loan".
    #[serde(default)]
    pub author: Option<String>,
    /// Nguồn (source): cơ quan ban hành hoặc cổng thông tin.
    #[serde(default)]
    pub source: Option<String>,
    /// Ảnh minh họa (image): đường dẫn tính từ tin, ví dụ "../files/anh.jpg".
    #[serde(default)]
    pub image: Option<String>,
    /// Mô tả ảnh (image_alt) cho người không xem được ảnh; cần có khi có `image`.
    #[serde(default)]
    pub image_alt: Option<String>,
    /// Đường dẫn (slug) thay cho tên tệp trong địa chỉ của tin.
    #[serde(default)]
    pub slug: Option<String>,
    /// Bản nháp (draft): `true` thì chưa đăng, trừ khi chạy với `--drafts`.
    #[serde(default)]
    pub draft: bool,
}

/// Phần đầu (front matter) của một trang (`content/pages/*.md`). A standalone page's front matter.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "page front matter")]
pub struct PageFront {
    /// Tiêu đề trang (title).
    pub title: String,
    /// Mô tả (description): một câu cho thẻ mô tả của trang.
    #[serde(default)]
    pub description: Option<String>,
    /// Bản nháp (draft): `true` thì chưa đăng, trừ khi chạy với `--drafts`.
    #[serde(default)]
    pub draft: bool,
}

/// Front matter of `index.md` files: none is needed, none is allowed.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoFront {}

/// The slug a post is published under: its `slug` field, else its file
/// name, never its title (so retitling never breaks a link).
pub fn post_slug(front: &PostFront, file_stem: &str) -> String {
    crate::text::slugify(front.slug.as_deref().unwrap_or(file_stem))
}

/// Renders the Markdown body of `src` (from byte `body`), reporting links
/// that lead nowhere at their line and column in the file.
pub fn render_body(
    src: &SourceFile,
    body: usize,
    loader: &Loader,
    errors: &mut Vec<Diagnostic>,
) -> Html {
    let (html, broken, no_alt) =
        markdown::render_checked(&src.text[body..], &src.dir, &loader.links);
    for offset in no_alt {
        errors.push(no_alt_warning(src, body + offset));
    }
    for b in broken {
        errors.push(
            Diagnostic::at_offset(
                &src.display,
                &src.text,
                body + b.offset,
                format!("the link `{}` leads nowhere: {}", b.target, b.reason),
            )
            .with_help(
                "link to the source file relative to this one (../files/kh-45.pdf, tin-khac.md) or to a published page from the site root (/2023/tin-tuc/)",
            ),
        );
    }
    Html(html)
}

/// A warning for an image written without alternative text, at byte
/// `offset` of the file.
pub fn no_alt_warning(src: &SourceFile, offset: usize) -> Diagnostic {
    Diagnostic::at_offset(
        &src.display,
        &src.text,
        offset,
        "this image has no alternative text (alt), so screen readers cannot describe it",
    )
    .with_help("describe the image between the brackets: ![Lễ mít tinh kỷ niệm ngày 25/3](../files/anh.jpg)")
    .warning()
}

pub fn convert_post(
    front: &PostFront,
    year: i16,
    slug: String,
    src: &SourceFile,
    body: usize,
    loader: &Loader,
    errors: &mut Vec<Diagnostic>,
) -> Post {
    let content = render_body(src, body, loader, errors);
    if front.date.year() != year {
        let (line, column) = crate::config::key_position(&src.text, "date");
        errors.push(
            Diagnostic::at(
                &src.display,
                &src.text,
                line,
                column,
                format!(
                    "the post is dated {} but is in the folder of {year}",
                    front.date
                ),
            )
            .with_help(format!(
                "correct the date, or move the file to the folder {}/news/",
                front.date.year()
            )),
        );
    }
    let image = front
        .image
        .as_deref()
        .and_then(|img| match loader.links.resolve(&src.dir, img) {
            Ok(url) => Some(Image {
                src: url,
                alt: front
                    .image_alt
                    .clone()
                    .unwrap_or_else(|| front.title.clone()),
            }),
            Err(reason) => {
                errors.push(
                    src.at_text(img, format!("the image `{img}` cannot be found: {reason}"))
                        .with_help(format!(
                            "put the image in {year}/files/ and write `image: ../files/<name>`"
                        )),
                );
                None
            }
        });
    let mut tags: Vec<PostTag> = Vec::new();
    for t in &front.tags {
        let name = t.trim().to_owned();
        let slug = crate::text::slugify(&name);
        if slug.is_empty() {
            errors.push(
                src.at_text("tags", format!("the tag `{name}` has no letters or digits"))
                    .with_help("write tags as words, e.g. tags: [\"Hải Phòng\", \"Kế hoạch\"]"),
            );
        } else if !tags.iter().any(|x| x.slug == slug) {
            tags.push(PostTag { name, slug });
        }
    }
    // Tags on a page are listed in Vietnamese order.
    tags.sort_by(|a, b| crate::text::vi_compare(&a.name, &b.name));
    Post {
        year,
        slug,
        title: front.title.clone(),
        date: front.date,
        summary: front.summary.clone(),
        tags,
        author: front.author.clone(),
        source: front.source.clone(),
        image,
        content,
        file: src.rel.clone(),
        hashes: PostHashes::default(),
    }
    .with_hashes()
}

pub fn convert_page(
    front: PageFront,
    slug: String,
    src: &SourceFile,
    body: usize,
    loader: &Loader,
    errors: &mut Vec<Diagnostic>,
) -> Page {
    Page {
        content: render_body(src, body, loader, errors),
        slug,
        title: front.title,
        description: front.description,
    }
}
