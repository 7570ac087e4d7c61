//! News posts and standalone pages: front matter as written, and their
//! conversion into the model.

use serde::Deserialize;

use super::Loader;
use super::album::{self, Accept, AlbumEntry, Base, MAX_ALBUM_PHOTOS, Problem};
use super::limits::{self, MAX_SLUG_BYTES, MAX_TAG_CHARS, MAX_TAGS, MAX_TITLE_CHARS};
use super::model::{AlbumPhoto, Body, Html, Image, Page, Post, PostBody, PostHashes, PostTag};
use super::source::{Seg, SourceFile};
use crate::dates::Day;
use crate::diagnostics::Diagnostic;
use crate::markdown::{self, Links, Lookup};
use crate::msg;

/// Phần đầu (front matter) của một tin (`content/<năm>/news/*.md`). A news post's front matter.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "news post front matter")]
pub(crate) struct PostFront {
    /// Tiêu đề tin (title).
    #[schemars(length(max = MAX_TITLE_CHARS))]
    pub title: String,
    /// Ngày đăng (date), trong năm của thư mục; tin mới nhất xếp trước.
    pub date: Day,
    /// Tóm tắt (summary): một câu, không định dạng, cho danh sách tin và bản tin RSS.
    #[serde(default)]
    pub summary: Option<String>,
    /// Thẻ (tags): 2-3 thẻ tiếng Việt, dùng lại thẻ đã có, ví dụ ["Hải Phòng", "Kế hoạch"].
    #[serde(default)]
    #[schemars(length(max = MAX_TAGS), inner(length(max = MAX_TAG_CHARS)))]
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
    /// Album ảnh (photos) hiện thành bộ sưu tập ở cuối tin: mỗi ảnh có `file`, `alt`, `caption` (tùy chọn), `download` (tùy chọn).
    #[serde(default)]
    #[schemars(length(max = MAX_ALBUM_PHOTOS))]
    pub photos: Vec<AlbumEntry>,
    /// Đường dẫn (slug) thay cho tên tệp trong địa chỉ của tin.
    #[serde(default)]
    pub slug: Option<String>,
    /// Bản nháp (draft): `true` thì chưa đăng, trừ khi chạy với `--drafts`.
    #[serde(default)]
    pub draft: bool,
    /// Địa chỉ cũ (aliases) của tin khi đã đổi tên hoặc chuyển năm, ví dụ ["/2024/tin-tuc/ten-cu/"]: địa chỉ cũ vẫn mở được, tự chuyển sang địa chỉ mới.
    #[serde(default)]
    #[schemars(length(max = 20))]
    pub aliases: Vec<String>,
}

/// Phần đầu (front matter) của một trang (`content/pages/*.md`). A standalone page's front matter.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "page front matter")]
pub(crate) struct PageFront {
    /// Tiêu đề trang (title).
    #[schemars(length(max = MAX_TITLE_CHARS))]
    pub title: String,
    /// Mô tả (description): một câu cho thẻ mô tả của trang.
    #[serde(default)]
    pub description: Option<String>,
    /// Bản nháp (draft): `true` thì chưa đăng, trừ khi chạy với `--drafts`.
    #[serde(default)]
    pub draft: bool,
}

/// Front matter of `index.md` files: none is needed, none is allowed.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct NoFront {}

/// The slug a post is published under: its `slug` field, else its file
/// name, never its title (so retitling never breaks a link).
pub(crate) fn post_slug(front: &PostFront, file_stem: &str) -> String {
    crate::text::slugify(front.slug.as_deref().unwrap_or(file_stem))
}

/// Renders the Markdown body of `src` (from byte `body`), reporting links
/// that lead nowhere at their line and column in the file.
pub(crate) fn render_body(
    src: &SourceFile,
    body: usize,
    loader: &Loader,
    errors: &mut Vec<Diagnostic>,
) -> Html {
    render_body_with(src, body, &loader.links, errors, &mut Vec::new())
}

fn render_body_with(
    src: &SourceFile,
    body: usize,
    links: &Links,
    errors: &mut Vec<Diagnostic>,
    lookups: &mut Vec<Lookup>,
) -> Html {
    let (html, broken, found) =
        markdown::render_recording(&src.text[body..], &src.dir, links, lookups);
    for f in found {
        errors.push(f.diagnostic(&src.display, &src.text, body));
    }
    for b in broken {
        if let Some((reason, help)) = links.failed_photo(&src.dir, &b.target) {
            // A photo that cannot be published: what is wrong with it, here.
            let d = Diagnostic::at_offset(&src.display, &src.text, body + b.offset, reason.clone());
            errors.push(match help {
                Some(help) => d.with_help(help.clone()),
                None => d,
            });
            continue;
        }
        errors.push(
            Diagnostic::at_offset(
                &src.display,
                &src.text,
                body + b.offset,
                msg!("link-nowhere", target = &b.target, reason = &b.reason),
            )
            .with_help(msg!("link-nowhere-body-help")),
        );
    }
    Html(html)
}

/// A post without its body: what lists, feeds and the sitemap show.
#[derive(Clone)]
pub(crate) struct PostMeta {
    year: i16,
    slug: String,
    title: String,
    date: Day,
    summary: Option<String>,
    tags: Vec<PostTag>,
    author: Option<String>,
    source: Option<String>,
    file: String,
}

impl PostMeta {
    /// The post, with its photos and body.
    pub(crate) fn with_body(self, photos: PostPhotos, body: Body) -> Post {
        Post {
            year: self.year,
            slug: self.slug,
            title: self.title,
            date: self.date,
            summary: self.summary,
            tags: self.tags,
            author: self.author,
            source: self.source,
            cover: photos.cover,
            album: photos.album,
            body,
            file: self.file,
            hashes: PostHashes::default(),
        }
        .with_hashes()
    }
}

/// Checks and converts a post, body included. Also gives the link targets
/// its conversion looked up.
pub(crate) fn convert_post(
    front: &PostFront,
    year: i16,
    slug: String,
    src: &SourceFile,
    body: usize,
    loader: &Loader,
    errors: &mut Vec<Diagnostic>,
) -> (Post, Vec<Lookup>) {
    let mut lookups = Vec::new();
    let photos = post_photos(front, year, &src.dir, &loader.links, &mut lookups);
    errors.extend(photos.problems.iter().map(|p| p.at(src)));
    let rendered = convert_body(src, body, &loader.links, errors, &mut lookups);
    let post =
        convert_meta(front, year, slug, src, errors).with_body(photos, Body::Ready(rendered));
    (post, lookups)
}

/// A post's cover and album, resolved, with the problems found (at their
/// values in the front matter).
pub(crate) struct PostPhotos {
    pub cover: Option<Image>,
    pub album: Vec<AlbumPhoto>,
    pub problems: Vec<Problem>,
}

/// The cover (`image:`, which needs its `image_alt`) and the album
/// (`photos:`) of the post in the content folder `dir`; records the
/// targets it looked up.
pub(crate) fn post_photos(
    front: &PostFront,
    year: i16,
    dir: &str,
    links: &Links,
    lookups: &mut Vec<Lookup>,
) -> PostPhotos {
    let mut problems = Vec::new();
    let cover = front.image.as_ref().and_then(|img| {
        lookups.push((img.clone(), links.resolve(dir, img)));
        let alt = front.image_alt.as_deref().map(str::trim).unwrap_or("");
        if alt.is_empty() {
            problems.push(Problem {
                path: vec![Seg::Key(if front.image_alt.is_some() {
                    "image_alt"
                } else {
                    "image"
                })],
                message: msg!("cover-no-alt", image = img),
                help: Some(msg!("cover-no-alt-help")),
            });
        }
        let named = (img.as_str(), alt);
        let at = vec![Seg::Key("image")];
        album::photo(links, Base::Relative(dir), named, Accept::Any, at, year)
            .map_err(|p| problems.push(p))
            .ok()
    });
    for entry in &front.photos {
        lookups.push((entry.file.clone(), links.resolve(dir, &entry.file)));
    }
    let (album, more) = album::album(links, Base::Relative(dir), &front.photos, "photos", year);
    problems.extend(more);
    PostPhotos {
        cover,
        album,
        problems,
    }
}

/// Checks and converts what a post is besides its body; needs no link table.
pub(crate) fn convert_meta(
    front: &PostFront,
    year: i16,
    slug: String,
    src: &SourceFile,
    errors: &mut Vec<Diagnostic>,
) -> PostMeta {
    if front.date.year() != year {
        errors.push(
            src.at_path(
                &[Seg::Key("date")],
                false,
                msg!(
                    "post-date-outside-year",
                    date = front.date.short(),
                    year = year
                ),
            )
            .with_help(msg!(
                "post-date-outside-year-help",
                year = front.date.year()
            )),
        );
    }
    let title = front.title.chars().count();
    if title > MAX_TITLE_CHARS {
        errors.push(title_too_long(src, title, "`summary:`"));
    }
    super::quotes::check(src, &front.title, &front.tags, errors);
    if front.tags.len() > MAX_TAGS {
        errors.push(
            src.at_key(
                "tags",
                msg!("tags-too-many", count = front.tags.len(), max = MAX_TAGS),
            )
            .with_help(msg!("tags-too-many-help", max = MAX_TAGS)),
        );
    }
    let mut tags: Vec<PostTag> = Vec::new();
    // Only the tags within the limit are looked at: the rest are an error.
    for (i, t) in front.tags.iter().take(MAX_TAGS).enumerate() {
        let tag_at = [Seg::Key("tags"), Seg::Index(i)];
        let name = t.trim().to_owned();
        let chars = name.chars().count();
        if chars > MAX_TAG_CHARS {
            errors.push(
                src.at_path(
                    &tag_at,
                    false,
                    msg!(
                        "tag-too-long",
                        tag = limits::quoted(&name),
                        chars = chars,
                        max = MAX_TAG_CHARS
                    ),
                )
                .with_help(msg!("tag-too-long-help")),
            );
            continue;
        }
        let slug = crate::text::slugify(&name);
        if slug.len() > MAX_SLUG_BYTES {
            errors.push(
                src.at_path(
                    &tag_at,
                    false,
                    msg!(
                        "tag-address-too-long",
                        tag = limits::quoted(&name),
                        chars = slug.len(),
                        max = MAX_SLUG_BYTES
                    ),
                )
                .with_help(msg!("tag-address-too-long-help")),
            );
            continue;
        }
        if slug.is_empty() {
            errors.push(
                src.at_path(&tag_at, false, msg!("tag-no-letters", tag = &name))
                    .with_help(msg!("tag-no-letters-help")),
            );
        } else if !tags.iter().any(|x| x.slug == slug) {
            tags.push(PostTag { name, slug });
        }
    }
    // Tags on a page are listed in Vietnamese order.
    tags.sort_by(|a, b| crate::text::vi_compare(&a.name, &b.name));
    PostMeta {
        year,
        slug,
        title: front.title.clone(),
        date: front.date,
        summary: front.summary.clone(),
        tags,
        author: front.author.clone(),
        source: front.source.clone(),
        file: src.rel.clone(),
    }
}

/// A title beyond [`MAX_TITLE_CHARS`] (`chars` long), at its key; `rest`
/// names the key where the rest of the text may go.
pub(crate) fn title_too_long(src: &SourceFile, chars: usize, rest: &str) -> Diagnostic {
    src.at_key(
        "title",
        msg!("title-too-long", chars = chars, max = MAX_TITLE_CHARS),
    )
    .with_help(msg!("title-too-long-help", rest = rest))
}

/// Renders a post's body (from byte `body` of `src`).
pub(super) fn convert_body(
    src: &SourceFile,
    body: usize,
    links: &Links,
    errors: &mut Vec<Diagnostic>,
    lookups: &mut Vec<Lookup>,
) -> PostBody {
    PostBody {
        content: render_body_with(src, body, links, errors, lookups),
    }
}

pub(crate) fn convert_page(
    front: PageFront,
    slug: String,
    src: &SourceFile,
    body: usize,
    loader: &Loader,
    errors: &mut Vec<Diagnostic>,
) -> Page {
    super::quotes::check(src, &front.title, &[], errors);
    Page {
        content: render_body(src, body, loader, errors),
        slug,
        title: front.title,
        description: front.description,
    }
}
