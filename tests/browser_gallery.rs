//! A post with a cover and an album, in a real browser (headless Chromium
//! through chromedriver, the harness of `tests/browser.rs`), over HTTP from
//! `campaign serve`, at a phone viewport and at a desktop one:
//!
//! - nothing moves while the page and its (lazy) images load: the
//!   cumulative layout shift that Chromium measures while the test scrolls
//!   slowly through the whole page is 0;
//! - every image of the gallery carries `width` and `height`, its box has
//!   that shape (or, for a thumbnail cropped by `object-fit`, keeps the size
//!   it had before its file arrived), and the attributes match the file;
//! - a thumbnail opens its photo large without a script (`#anh-N`, CSS
//!   `:target`), by a click and by Enter on the focused link; the large file
//!   loads, and the close link inside the large view hides it again;
//! - no request leaves the local server.
//!
//! The theme is being restyled, so the test holds on to behaviour and the
//! gallery's stable hooks only: links to `#anh-N`, the element `id="anh-N"`
//! they open, `<img>` with `width`/`height`. No class name, no layout.

#[path = "common/browser.rs"]
mod browser;
mod common;

use std::fmt::Write as _;
use std::fs;
use std::time::{Duration, Instant};

use browser::{Browser, Driver, Server, connect};
use common::{TODAY, TestDir, jpeg, post, site};
use fantoccini::Client;
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::wd::Locator;
use serde_json::{Value, json};

/// How long anything the test waits for may take on a loaded 2-core
/// machine (a page load, the images in view, a large photo).
const WAIT: Duration = Duration::from_secs(30);
/// How often a waiting test looks again.
const POLL: Duration = Duration::from_millis(100);

const POST_FILE: &str = "content/2024/news/album.md";
const POST_PATH: &str = "2024/tin-tuc/album/";
const POST_TITLE: &str = "Lễ kỷ niệm và các hoạt động hưởng ứng";

/// The album: file name, size (landscape, portrait, square, panorama…),
/// alt text, caption.
const PHOTOS: [(&str, u16, u16, &str, &str); 6] = [
    (
        "hoi-truong",
        1600,
        1067,
        "Hội trường treo băng rôn đỏ",
        "Lễ mít tinh sáng 25/3",
    ),
    ("bang-ron", 1000, 1500, "Băng rôn dọc trên cột điện", ""),
    (
        "ban-tron",
        1200,
        1200,
        "Bàn tròn xếp ghế trong phòng họp",
        "Tọa đàm",
    ),
    ("san-khau", 1800, 800, "Sân khấu với phông nền xanh", ""),
    (
        "gian-hang",
        900,
        1600,
        "Gian hàng giới thiệu dịch vụ",
        "Ngày hội",
    ),
    ("tang-qua", 1400, 1050, "Những phần quà xếp trên bàn", ""),
];

/// The viewports: a phone, then a desktop.
const VIEWPORTS: [(&str, u32, u32); 2] = [("phone", 375, 812), ("desktop", 1280, 800)];

#[test]
fn a_gallery_loads_without_layout_shift_and_opens_photos_large() {
    let browser = Browser::find();
    let site = fixture();
    // A build first: it processes the photos into the cache that `serve`
    // then reuses, so the preview shows every photo processed at once
    // (a pending one would show its original, then reload the page).
    site.build_ok();
    let server = Server::start(&site.path, TODAY);
    let log = site.join("chromedriver.log");
    let driver = Driver::start(&browser.chromedriver, &log);
    let post_url = format!("{}{POST_PATH}", server.url);

    let result = browser::runtime().block_on(async {
        wait_processed(&server, &post_url).await?;
        let mut measured = Vec::new();
        for (name, width, height) in VIEWPORTS {
            // A session (and an empty profile, so an empty cache) for each
            // viewport: the second load must not find the photos cached.
            let profile = site.join(&format!("chromium-profile-{name}"));
            fs::create_dir_all(&profile).unwrap();
            let size = format!("--window-size={width},{height}");
            let client = connect(&driver.url, &browser.chromium, &profile, &[&size]).await;
            let result = scenario(&client, &post_url, (name, width, height)).await;
            browser::close(client).await;
            measured.push(
                result.map_err(|e| format!("at the {name} viewport ({width}×{height}): {e}"))?,
            );
        }
        Ok::<_, String>(measured)
    });
    match result {
        Ok(measured) => {
            for line in measured {
                println!("{line}");
            }
        }
        Err(message) => browser::fail(&message, &server, &log),
    }
    // `driver`, `server` and `site` are dropped here (also on a panic):
    // chromedriver and campaign are killed, the folder is removed.
}

/// The fixture site with the album post: a cover, a long text with a photo
/// in it, then the album of [`PHOTOS`].
fn fixture() -> TestDir {
    let t = site();
    t.write("content/2024/files/bia.jpg", jpeg(1600, 900, &[]));
    t.write("content/2024/files/duong-pho.jpg", jpeg(1200, 800, &[]));
    let mut front = String::from(
        "image: ../files/bia.jpg\nimage_alt: \"Cổng chào trang trí cờ hoa\"\nphotos:\n",
    );
    for (i, (name, width, height, alt, caption)) in PHOTOS.into_iter().enumerate() {
        t.write(
            &format!("content/2024/files/{name}.jpg"),
            jpeg(width, height, &[]),
        );
        writeln!(front, "  - file: ../files/{name}.jpg\n    alt: \"{alt}\"").unwrap();
        if !caption.is_empty() {
            writeln!(front, "    caption: \"{caption}\"").unwrap();
        }
        if i == 0 {
            front.push_str("    download: true\n");
        }
    }
    let paragraph = "Sáng 25/3, tại hội trường của Ủy ban nhân dân thành phố, các cơ quan, \
        đơn vị đã tổ chức lễ kỷ niệm Ngày Công tác xã hội Việt Nam với sự tham dự của \
        đại diện các sở, ban, ngành, đoàn thể và đông đảo cán bộ, nhân viên công tác xã hội.";
    // Long enough that the album starts well beyond the distance at which
    // Chromium starts loading lazy images, at both viewports: its
    // thumbnails are laid out, painted and measured before their files
    // are even requested, and arrive while the test scrolls.
    let mut body = String::new();
    for i in 1..=40 {
        writeln!(body, "{paragraph}\n").unwrap();
        if i == 4 {
            body.push_str("![Băng rôn trên đường phố](../files/duong-pho.jpg)\n\n");
        }
    }
    t.write(POST_FILE, post(POST_TITLE, "19/3/2024", &front, &body));
    t
}

/// Waits until the preview serves the post with every photo processed
/// (no link to an original, which is what a pending photo shows).
async fn wait_processed(server: &Server, url: &str) -> Result<(), String> {
    let start = Instant::now();
    loop {
        let html = browser::get(url).unwrap_or_default();
        let pending: Vec<&str> = PHOTOS
            .iter()
            .map(|p| p.0)
            .chain(["bia", "duong-pho"])
            .filter(|name| html.contains(&format!("files/{name}.jpg\"")))
            .collect();
        if html.contains(POST_TITLE) && pending.is_empty() {
            return Ok(());
        }
        if start.elapsed() > WAIT {
            return Err(format!(
                "waited {WAIT:?} for {url} with every photo processed; \
                 still pending: {pending:?}; page:\n{html}\n{}",
                server.output()
            ));
        }
        tokio::time::sleep(POLL).await;
    }
}

/// Everything one viewport checks; returns the line the test prints.
async fn scenario(
    client: &Client,
    url: &str,
    (name, width, height): (&str, u32, u32),
) -> Result<String, String> {
    set_viewport(client, width, height).await?;
    client
        .goto(url)
        .await
        .map_err(|e| format!("opening {url}: {e}"))?;
    // `goto` returns after the load event; with `buffered: true` the
    // observer also gets the shifts that happened before it.
    let first = js(client, &install_script(), vec![]).await?;
    if first["cls"].is_null() {
        return Err(format!("the layout-shift observer did not start: {first}"));
    }
    let before = first["images"].clone();

    // Note: from a local server a lazy image arrives before the frame that
    // would show its empty box, so the CLS mostly proves that nothing moves
    // for other reasons; a missing size is caught by the checks of the
    // boxes measured before the files arrived (`check_images`).
    scroll_through(client).await?;
    let images = wait_js(client, "every image on the page is loaded", IMAGES, |v| {
        let all = v.as_array().map(Vec::as_slice).unwrap_or_default();
        all.iter()
            .filter(|i| i["rendered"] == true)
            .all(|i| i["complete"] == true && i["natural_width"].as_f64() > Some(0.0))
    })
    .await?;
    let cls = js(client, CLS, vec![]).await?;
    let value = cls["value"].as_f64().unwrap_or(f64::NAN);
    // Exactly 0: every image box is sized by `width`/`height` (or by the
    // theme's aspect-ratio) before its file arrives, so nothing can move.
    if value != 0.0 {
        return Err(format!(
            "the layout shifted while the page loaded: CLS {value}\nshifts:\n{:#}\nimages before load:\n{:#}\nafter:\n{:#}",
            cls["entries"], before, images
        ));
    }
    let boxes = check_images(&before, &images)?;

    // A control: a shift made on purpose is seen, so the 0 above is a
    // measurement (Chromium reports shifts in this headless mode) and not
    // an observer that never fires.
    js(
        client,
        r#"window.scrollTo(0, 0);
           const block = document.createElement("div");
           block.style.height = "120px";
           document.body.prepend(block);"#,
        vec![],
    )
    .await?;
    let control = wait_js(client, "the deliberate shift to be reported", CLS, |v| {
        v["value"].as_f64() > Some(0.0)
    })
    .await?;
    js(
        client,
        "document.body.firstElementChild.remove(); window.scrollTo(0, 0);",
        vec![],
    )
    .await?;

    check_opens_large(client).await?;
    check_same_origin(client, url).await?;
    let reloaded = js(client, "return window.__galleryTest === undefined;", vec![]).await?;
    if reloaded == true {
        return Err("the page reloaded during the test".into());
    }
    Ok(format!(
        "{name} {width}×{height}: CLS {value} ({} shift entries, {} with recent input; \
         a deliberate 120 px shift then measured {:.4}); {boxes}",
        cls["count"],
        cls["with_input"],
        control["value"].as_f64().unwrap_or(f64::NAN)
    ))
}

/// Describes every `<img>` of the page (`kind`: `thumb` inside a link to
/// `#anh-N`, `large` inside the element `#anh-N`, `other`).
const IMAGES: &str = r##"
return [...document.querySelectorAll("img")].map((img, index) => {
  const r = img.getBoundingClientRect();
  const thumb = img.closest('a[href^="#anh-"]');
  const large = img.closest('[id^="anh-"]');
  const attr = (name) => img.hasAttribute(name) ? Number(img.getAttribute(name)) : null;
  return {
    index,
    kind: thumb ? "thumb" : large ? "large" : "other",
    anchor: thumb ? thumb.hash.slice(1) : large ? large.id : null,
    src: img.currentSrc || img.src,
    width_attr: attr("width"),
    height_attr: attr("height"),
    box_width: r.width,
    box_height: r.height,
    top: r.top + window.scrollY,
    bottom: r.bottom + window.scrollY,
    rendered: img.getClientRects().length > 0 && r.width > 0 && r.height > 0,
    complete: img.complete,
    natural_width: img.naturalWidth,
    natural_height: img.naturalHeight,
    object_fit: getComputedStyle(img).objectFit,
  };
});
"##;

/// Starts the layout-shift observer (once per document) and describes the
/// images as they are now, before the lazy ones load.
fn install_script() -> String {
    format!(
        r##"
if (!window.__galleryTest) {{
  const describe = (node) => !node ? null : node.nodeType !== 1 ? node.nodeName
    : node.tagName.toLowerCase() + (node.id ? "#" + node.id : "")
      + (node.className && typeof node.className === "string" ? "." + node.className.trim().split(/\s+/).join(".") : "")
      + (node.getAttribute("src") ? "[src=" + node.getAttribute("src") + "]" : "");
  const rect = (r) => r && [r.x, r.y, r.width, r.height];
  const state = {{ entries: [], observer: null }};
  state.take = (list) => {{
    for (const e of list) {{
      state.entries.push({{
        value: e.value,
        had_recent_input: e.hadRecentInput,
        start_time: e.startTime,
        sources: (e.sources || []).map((s) => ({{
          node: describe(s.node), before: rect(s.previousRect), after: rect(s.currentRect),
        }})),
      }});
    }}
  }};
  state.observer = new PerformanceObserver((list) => state.take(list.getEntries()));
  state.observer.observe({{ type: "layout-shift", buffered: true }});
  window.__galleryTest = state;
}}
const images = (() => {{ {IMAGES} }})();
return {{ cls: window.__galleryTest ? 0 : null, images }};
"##
    )
}

/// The cumulative layout shift so far, after two frames (shifts are
/// reported when a frame is rendered) and whatever the observer has not
/// delivered yet.
const CLS: &str = r#"
return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => {
  const state = window.__galleryTest;
  if (!state) return done({ value: null, entries: [], count: 0, with_input: 0 });
  state.take(state.observer.takeRecords());
  const counted = state.entries.filter((e) => !e.had_recent_input);
  done({
    value: counted.reduce((sum, e) => sum + e.value, 0),
    entries: state.entries,
    count: state.entries.length,
    with_input: state.entries.length - counted.length,
  });
})));
"#;

/// The images in view that are still loading, and where the page is.
const IN_VIEW_LOADED: &str = r#"
const pending = [...document.querySelectorAll("img")].filter((img) => {
  const r = img.getBoundingClientRect();
  const shown = img.getClientRects().length > 0 && r.width > 0 && r.height > 0;
  return shown && r.bottom > 0 && r.top < innerHeight && !(img.complete && img.naturalWidth > 0);
}).map((img) => img.currentSrc || img.src);
return {
  pending,
  y: scrollY,
  end: scrollY + innerHeight >= document.documentElement.scrollHeight - 1,
};
"#;

/// Scrolls down half a viewport at a time, to the bottom of the page,
/// waiting at each step for the images in view to load.
async fn scroll_through(client: &Client) -> Result<(), String> {
    let start = Instant::now();
    loop {
        let at = wait_js(client, "the images in view load", IN_VIEW_LOADED, |v| {
            v["pending"].as_array().is_some_and(Vec::is_empty)
        })
        .await?;
        if at["end"] == true {
            return Ok(());
        }
        if start.elapsed() > 4 * WAIT {
            return Err(format!(
                "scrolled for {:?} without reaching the end",
                4 * WAIT
            ));
        }
        js(
            client,
            "window.scrollBy(0, Math.max(1, Math.floor(innerHeight / 2)));",
            vec![],
        )
        .await?;
        // Gives the page a frame to notice the scroll (lazy images start
        // loading as they come near the viewport).
        js(
            client,
            "return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true))));",
            vec![],
        )
        .await?;
    }
}

/// Width and height on every gallery image, the shape of every box, and
/// boxes that do not change when their file arrives. Returns a summary.
fn check_images(before: &Value, after: &Value) -> Result<String, String> {
    let list = |v: &Value| v.as_array().cloned().unwrap_or_default();
    let (before, after) = (list(before), list(after));
    if before.len() != after.len() {
        return Err(format!(
            "{} images before load, {} after",
            before.len(),
            after.len()
        ));
    }
    let of = |kind: &str| after.iter().filter(|i| i["kind"] == kind).count();
    let (thumbs, larges) = (of("thumb"), of("large"));
    if thumbs != PHOTOS.len() || larges != PHOTOS.len() {
        return Err(format!(
            "expected {} thumbnails (in links to #anh-N) and as many large views (in #anh-N), \
             found {thumbs} and {larges}:\n{:#}",
            PHOTOS.len(),
            Value::Array(after.clone())
        ));
    }
    let mut measured_before_load = 0;
    for (b, a) in before.iter().zip(&after) {
        let what = format!(
            "the {} image {} ({})",
            a["kind"].as_str().unwrap_or_default(),
            a["anchor"].as_str().unwrap_or_default(),
            a["src"].as_str().unwrap_or_default()
        );
        let num = |v: &Value, k: &str| v[k].as_f64().unwrap_or(f64::NAN);
        let (w, h) = (num(a, "width_attr"), num(a, "height_attr"));
        let sized = w > 0.0 && h > 0.0;
        // Every photo (gallery, cover, body) has its size in the page. Only
        // needed for the CLS check where the file arrives after the first
        // paint; a photo near the top of the page may well arrive before it
        // from a local server, so this is its only check.
        let svg = a["src"].as_str().is_some_and(|s| s.ends_with(".svg"));
        if (a["kind"] != "other" || !svg) && !sized {
            return Err(format!("{what} has no width and height attributes: {a}"));
        }
        if a["rendered"] != true {
            continue; // a large view not opened: checked when it opens
        }
        // The attributes say the file's shape (within rounding to pixels);
        // an SVG without a size of its own (the logo) has none to say.
        if sized && !svg {
            let natural = num(a, "natural_width") / num(a, "natural_height");
            if (natural / (w / h) - 1.0).abs() > 0.01 {
                return Err(format!(
                    "{what}: width/height say {w}×{h} but the file is {}×{}",
                    a["natural_width"], a["natural_height"]
                ));
            }
        }
        // Not cropped: the box has the shape of the attributes.
        if sized && a["object_fit"] == "fill" {
            same_shape(&what, num(a, "box_width"), num(a, "box_height"), w, h)?;
        }
        // Measured before its file arrived: the box has not changed since
        // (for a thumbnail cropped by object-fit, the only check of its
        // box that does not depend on the theme's layout).
        if b["complete"] != true && b["rendered"] == true {
            measured_before_load += 1;
            let moved = ["box_width", "box_height", "top"]
                .iter()
                .any(|k| (num(a, k) - num(b, k)).abs() > 0.5);
            if moved {
                return Err(format!(
                    "{what}: its box changed when the file loaded:\nbefore {b}\nafter  {a}"
                ));
            }
        }
    }
    // The thumbnails, far down the page, were measured before their files
    // arrived (otherwise the CLS above proves little about them).
    let thumbs_before_load = before
        .iter()
        .filter(|b| b["kind"] == "thumb" && b["complete"] != true && b["rendered"] == true)
        .count();
    if thumbs_before_load < PHOTOS.len() {
        return Err(format!(
            "only {thumbs_before_load} of {} thumbnails were still to load when the page \
             was first measured (lazy ones should wait until they come near the \
             viewport):\n{:#}",
            PHOTOS.len(),
            Value::Array(before.clone())
        ));
    }
    Ok(format!(
        "{} images on the page, {measured_before_load} of them ({thumbs_before_load} thumbnails) \
         measured before and after their file arrived",
        after.len()
    ))
}

/// Is a `width` × `height` box the shape of `w` × `h`, within a pixel?
fn same_shape(what: &str, width: f64, height: f64, w: f64, h: f64) -> Result<(), String> {
    if width <= 0.0 || height <= 0.0 || (height - width * h / w).abs() > 1.0 {
        return Err(format!(
            "{what}: its box is {width}×{height}, not the shape of its width/height {w}×{h}"
        ));
    }
    Ok(())
}

/// What the test reads about the large view `#<id>`.
const LARGE: &str = r##"
const id = arguments[0];
const view = document.getElementById(id);
const thumb = document.querySelector(`a[href="#${id}"] img`);
if (!view) return { missing: true, hash: location.hash };
const r = view.getBoundingClientRect();
const img = view.querySelector("img");
const ir = img ? img.getBoundingClientRect() : null;
return {
  hash: location.hash,
  display: getComputedStyle(view).display,
  visibility: getComputedStyle(view).visibility,
  width: r.width,
  height: r.height,
  visible: getComputedStyle(view).display !== "none" && getComputedStyle(view).visibility !== "hidden"
    && r.width > 0 && r.height > 0,
  img: img && {
    src: img.currentSrc || img.src,
    complete: img.complete,
    natural_width: img.naturalWidth,
    natural_height: img.naturalHeight,
    width_attr: Number(img.getAttribute("width")),
    height_attr: Number(img.getAttribute("height")),
    box_width: ir.width,
    box_height: ir.height,
    object_fit: getComputedStyle(img).objectFit,
  },
  thumb_width: thumb ? thumb.getBoundingClientRect().width : null,
  close: [...view.querySelectorAll('a[href^="#"]')]
    .map((a) => a.getAttribute("href"))
    .find((href) => {
      const target = document.getElementById(decodeURIComponent(href.slice(1)));
      const link = document.querySelector(`a[href="#${id}"]`);
      return target && link && target.contains(link);
    }) || null,
};
"##;

/// Opens the first photo by a click and closes it by its close link, then
/// opens the second with Enter on its focused thumbnail.
async fn check_opens_large(client: &Client) -> Result<(), String> {
    let thumb = client
        .find(Locator::Css(r##"a[href="#anh-1"]"##))
        .await
        .map_err(|e| format!("no link to #anh-1: {e}"))?;
    thumb
        .click()
        .await
        .map_err(|e| format!("clicking the first thumbnail: {e}"))?;
    let view = wait_open(client, "anh-1", "a click on the first thumbnail").await?;

    // The close link goes back to the gallery (an element holding the
    // thumbnails): the large view is hidden again.
    let Some(close) = view["close"].as_str() else {
        return Err(format!(
            "#anh-1 has no link back to the gallery (to an element holding its thumbnail): {view:#}"
        ));
    };
    client
        .find(Locator::Css(&format!("#anh-1 a[href=\"{close}\"]")))
        .await
        .map_err(|e| format!("finding the close link {close}: {e}"))?
        .click()
        .await
        .map_err(|e| format!("clicking the close link {close}: {e}"))?;
    wait_js_args(
        client,
        "#anh-1 to close",
        LARGE,
        vec![json!("anh-1")],
        |v| v["hash"] == close && v["visible"] == false,
    )
    .await?;

    // The keyboard: Enter on the focused second thumbnail.
    let focused = js(
        client,
        r##"const a = document.querySelector('a[href="#anh-2"]');
            if (!a) return false;
            a.focus();
            return document.activeElement === a;"##,
        vec![],
    )
    .await?;
    if focused != true {
        return Err("the link to #anh-2 cannot be focused".into());
    }
    let enter = KeyActions::new("keyboard".into())
        .then(KeyAction::Down {
            value: Key::Enter.into(),
        })
        .then(KeyAction::Up {
            value: Key::Enter.into(),
        });
    client
        .perform_actions(enter)
        .await
        .map_err(|e| format!("pressing Enter: {e}"))?;
    wait_open(client, "anh-2", "Enter on the focused second thumbnail").await?;
    Ok(())
}

/// Waits for `#<id>` to be shown with its large photo loaded, and checks it.
async fn wait_open(client: &Client, id: &str, how: &str) -> Result<Value, String> {
    let view = wait_js_args(
        client,
        &format!("#{id} to open (after {how}) with its photo loaded"),
        LARGE,
        vec![json!(id)],
        |v| {
            v["hash"] == format!("#{id}")
                && v["visible"] == true
                && v["img"]["complete"] == true
                && v["img"]["natural_width"].as_f64() > Some(0.0)
        },
    )
    .await?;
    let img = &view["img"];
    let num = |k: &str| img[k].as_f64().unwrap_or(f64::NAN);
    let thumb = view["thumb_width"].as_f64().unwrap_or(f64::NAN);
    let larger = num("natural_width") > thumb; // false for NaN
    if !larger {
        return Err(format!(
            "#{id}: the large photo ({}px wide) is not larger than its thumbnail ({thumb}px): {view:#}",
            img["natural_width"]
        ));
    }
    let what = format!("the large photo of #{id}");
    let (w, h) = (num("width_attr"), num("height_attr"));
    let sized = w > 0.0 && h > 0.0;
    if !sized {
        return Err(format!("{what} has no width and height: {view:#}"));
    }
    if img["object_fit"] == "fill" {
        same_shape(&what, num("box_width"), num("box_height"), w, h)?;
    }
    Ok(view)
}

/// Every resource the page loaded came from the local server.
async fn check_same_origin(client: &Client, url: &str) -> Result<(), String> {
    let v = js(
        client,
        r#"return {
  origin: location.origin,
  resources: performance.getEntriesByType("navigation")
    .concat(performance.getEntriesByType("resource"))
    .map((e) => e.name),
};"#,
        vec![],
    )
    .await?;
    let origin = v["origin"].as_str().unwrap_or_default();
    if !url.starts_with(&format!("{origin}/")) {
        return Err(format!(
            "the page's origin is {origin}, not the server's {url}"
        ));
    }
    let resources: Vec<&str> = v["resources"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let foreign: Vec<&&str> = resources
        .iter()
        .filter(|r| !r.starts_with(&format!("{origin}/")) && !r.starts_with("data:"))
        .collect();
    if resources.len() < 2 || !foreign.is_empty() {
        return Err(format!(
            "requests to another host: {foreign:#?}\nall requests: {resources:#?}"
        ));
    }
    Ok(())
}

/// Makes the viewport (`innerWidth` × `innerHeight`) exactly that size.
async fn set_viewport(client: &Client, width: u32, height: u32) -> Result<(), String> {
    let read = "return [innerWidth, innerHeight, outerWidth, outerHeight];";
    for _ in 0..3 {
        let v = js(client, read, vec![]).await?;
        let n = |i: usize| v[i].as_i64().unwrap_or(0);
        let (dw, dh) = (i64::from(width) - n(0), i64::from(height) - n(1));
        if dw == 0 && dh == 0 {
            return Ok(());
        }
        let w = u32::try_from(n(2) + dw).map_err(|_| format!("window size {v}"))?;
        let h = u32::try_from(n(3) + dh).map_err(|_| format!("window size {v}"))?;
        client
            .set_window_size(w, h)
            .await
            .map_err(|e| format!("resizing the window to {w}×{h}: {e}"))?;
    }
    let v = js(client, read, vec![]).await?;
    Err(format!("cannot make the viewport {width}×{height}: {v}"))
}

async fn js(client: &Client, script: &str, args: Vec<Value>) -> Result<Value, String> {
    client
        .execute(script, args)
        .await
        .map_err(|e| format!("running a script in the page: {e}\n{script}"))
}

/// Runs `script` until `done` holds for what it returns.
async fn wait_js(
    client: &Client,
    what: &str,
    script: &str,
    done: impl Fn(&Value) -> bool,
) -> Result<Value, String> {
    wait_js_args(client, what, script, vec![], done).await
}

async fn wait_js_args(
    client: &Client,
    what: &str,
    script: &str,
    args: Vec<Value>,
    done: impl Fn(&Value) -> bool,
) -> Result<Value, String> {
    let start = Instant::now();
    loop {
        let last = match js(client, script, args.clone()).await {
            Ok(v) if done(&v) => return Ok(v),
            Ok(v) => format!("{v:#}"),
            Err(e) => e,
        };
        if start.elapsed() > WAIT {
            return Err(format!("waited {WAIT:?} for {what}; last seen:\n{last}"));
        }
        tokio::time::sleep(POLL).await;
    }
}
