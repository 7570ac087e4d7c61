//! The live preview in a real browser: headless Chromium, driven through
//! chromedriver (WebDriver) with `fantoccini`, has the pages of
//! `campaign serve` open while the test edits files on disk the way editors
//! do. The pages must update by themselves (the test never navigates after
//! opening them), show the error overlay when `edition.yaml` breaks, and
//! drop it when the file is fixed.
//!
//! Needs Debian's `chromium` and `chromium-driver` (`.ci/run` installs
//! them); `CAMPAIGN_TEST_CHROMIUM` and `CAMPAIGN_TEST_CHROMEDRIVER` point to
//! other binaries. Without them the test fails: it is never skipped.

#[path = "common/browser.rs"]
mod browser;
mod common;

use std::fs;
use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use browser::{Browser, Driver, STARTUP, Server, connect};
use common::{TODAY, TestDir, post};
use fantoccini::Client;
use fantoccini::wd::WindowHandle;
use serde_json::Value;

/// How long a page may take to show an edit (debounce, rebuild, reload)
/// on a loaded two-core machine.
const UPDATE: Duration = Duration::from_secs(20);

const POST_FILE: &str = "content/2024/news/bai-mot.md";
const POST_PATH: &str = "2024/tin-tuc/bai-mot/";
const EDITION_FILE: &str = "content/2024/edition.yaml";
const EDITION: &str = "theme: \"Chủ đề thử nghiệm trình duyệt\"\n";
const OLD_TITLE: &str = "Bài viết trước khi sửa";
const NEW_TITLE: &str = "Tiêu đề mới sau khi lưu";

#[test]
fn open_pages_follow_edits_and_show_build_errors() {
    let browser = Browser::find();
    let site = fixture();
    let server = Server::start(&site.path, TODAY);
    let log = site.join("chromedriver.log");
    let driver = Driver::start(&browser.chromedriver, &log);
    let profile = site.join("chromium-profile");
    fs::create_dir_all(&profile).unwrap();

    let result = browser::runtime().block_on(async {
        let client = connect(&driver.url, &browser.chromium, &profile, &[]).await;
        let result = scenario(&client, &site, &server).await;
        browser::close(client).await;
        result
    });
    if let Err(message) = result {
        browser::fail(&message, &server, &log);
    }
    // `driver`, `server` and `site` are dropped here (also on a panic):
    // chromedriver and campaign are killed, the folder is removed.
}

async fn scenario(client: &Client, site: &TestDir, server: &Server) -> Result<(), String> {
    let home_url = server.url.clone();
    let post_url = format!("{}{POST_PATH}", server.url);

    // The home page in the first window, the post in a second one.
    let home = client.window().await.map_err(|e| format!("window: {e}"))?;
    client
        .goto(&home_url)
        .await
        .map_err(|e| format!("opening {home_url}: {e}"))?;
    let second = client
        .new_window(false)
        .await
        .map_err(|e| format!("new window: {e}"))?
        .handle;
    client
        .switch_to_window(second.clone())
        .await
        .map_err(|e| format!("switching windows: {e}"))?;
    client
        .goto(&post_url)
        .await
        .map_err(|e| format!("opening {post_url}: {e}"))?;
    let pages = [
        Tab {
            window: home,
            url: home_url,
        },
        Tab {
            window: second,
            url: post_url,
        },
    ];

    for tab in &pages {
        wait_for(client, tab, STARTUP, "the page shows the post title", |p| {
            p.text.contains(OLD_TITLE) && p.overlay.is_none()
        })
        .await?;
        mark(client, &tab.window).await?;
    }
    // The post page's own heading is the title, not just a list entry.
    let p = page(client, &pages[1].window).await?;
    if !p.h1.contains(OLD_TITLE) {
        return Err(format!("the post page's <h1> is {:?}", p.h1));
    }

    // (a) An editor's atomic save of the post with a new title: every open
    // page reloads itself and shows it.
    replace(
        &site.join(POST_FILE),
        &post(NEW_TITLE, "20/3/2024", "", "Nội dung bài viết."),
    );
    for tab in &pages {
        let p = wait_for(client, tab, UPDATE, "the page shows the new title", |p| {
            p.text.contains(NEW_TITLE)
        })
        .await?;
        if p.marked {
            return Err(format!(
                "{} shows the new title but is the same document: not reloaded",
                tab.url
            ));
        }
        if p.navigation != "reload" {
            return Err(format!(
                "{} was not reloaded by location.reload() (navigation type {:?})",
                tab.url, p.navigation
            ));
        }
        if p.text.contains(OLD_TITLE) {
            return Err(format!(
                "{} still shows the old title:\n{}",
                tab.url, p.text
            ));
        }
        mark(client, &tab.window).await?;
    }
    let p = page(client, &pages[1].window).await?;
    if !p.h1.contains(NEW_TITLE) {
        return Err(format!("the post page's <h1> is {:?}", p.h1));
    }

    // (b) A broken edition.yaml (saved in place): every open page shows the
    // overlay with the error, over the last good page, without reloading.
    let mut file = fs::OpenOptions::new()
        .append(true)
        .open(site.join(EDITION_FILE))
        .unwrap();
    file.write_all(b"purpose: x\n").unwrap();
    drop(file);
    for tab in &pages {
        let p = wait_for(client, tab, UPDATE, "the error overlay appears", |p| {
            p.overlay.is_some()
        })
        .await?;
        let overlay = p.overlay.as_deref().unwrap_or_default();
        if !overlay.contains("edition.yaml") || !overlay.contains("purpose") {
            return Err(format!(
                "{}: the overlay does not name the file and the key:\n{overlay}",
                tab.url
            ));
        }
        if p.overlay_role != "alert" {
            return Err(format!("{}: overlay role {:?}", tab.url, p.overlay_role));
        }
        if !p.marked {
            return Err(format!(
                "{} reloaded on a failed build (or rebuilt twice for one save)",
                tab.url
            ));
        }
        if !p.text.contains(NEW_TITLE) {
            return Err(format!("{} lost the last good page:\n{}", tab.url, p.text));
        }
    }

    // (c) The fix (an atomic save again): the overlay goes away by itself.
    replace(&site.join(EDITION_FILE), EDITION);
    for tab in &pages {
        let p = wait_for(client, tab, UPDATE, "the overlay goes away", |p| {
            p.overlay.is_none()
        })
        .await?;
        if !p.text.contains(NEW_TITLE) {
            return Err(format!("{} after the fix:\n{}", tab.url, p.text));
        }
    }
    Ok(())
}

/// An open window and the address the test opened in it.
struct Tab {
    window: WindowHandle,
    url: String,
}

/// What the test reads from an open page.
#[derive(Debug)]
struct Page {
    url: String,
    h1: String,
    text: String,
    overlay: Option<String>,
    overlay_role: String,
    /// Whether the mark set by [`mark`] is still there (same document).
    marked: bool,
    /// `navigate` for the test's `goto`, `reload` for `location.reload()`.
    navigation: String,
}

const READ_PAGE: &str = r#"
const overlay = document.getElementById("campaign-error-overlay");
const h1 = document.querySelector("h1");
const nav = performance.getEntriesByType("navigation")[0];
return {
  url: location.href,
  ready: document.readyState,
  h1: h1 ? h1.textContent : "",
  text: document.body ? document.body.innerText : "",
  overlay: overlay ? overlay.textContent : null,
  overlay_role: overlay ? (overlay.getAttribute("role") || "") : "",
  marked: window.__campaignTestMark === true,
  navigation: nav ? nav.type : "",
};
"#;

async fn page(client: &Client, window: &WindowHandle) -> Result<Page, String> {
    client
        .switch_to_window(window.clone())
        .await
        .map_err(|e| format!("switching windows: {e}"))?;
    let v = client
        .execute(READ_PAGE, vec![])
        .await
        .map_err(|e| format!("reading the page: {e}"))?;
    let s = |k: &str| v[k].as_str().unwrap_or_default().to_owned();
    if s("ready") != "complete" {
        return Err(format!("the page is still loading ({})", s("ready")));
    }
    Ok(Page {
        url: s("url"),
        h1: s("h1"),
        text: s("text"),
        overlay: v["overlay"].as_str().map(str::to_owned),
        overlay_role: s("overlay_role"),
        marked: v["marked"] == Value::Bool(true),
        navigation: s("navigation"),
    })
}

/// Marks the current document, so a reload (a new document) can be told
/// from an update in place.
async fn mark(client: &Client, window: &WindowHandle) -> Result<(), String> {
    client
        .switch_to_window(window.clone())
        .await
        .map_err(|e| format!("switching windows: {e}"))?;
    client
        .execute("window.__campaignTestMark = true;", vec![])
        .await
        .map_err(|e| format!("marking the page: {e}"))?;
    Ok(())
}

/// Reads the page in `window` until `done` holds; never navigates. Errors
/// while a page reloads are expected and retried.
async fn wait_for(
    client: &Client,
    tab: &Tab,
    limit: Duration,
    what: &str,
    done: impl Fn(&Page) -> bool,
) -> Result<Page, String> {
    let (window, url) = (&tab.window, tab.url.as_str());
    let start = Instant::now();
    let mut last;
    loop {
        match page(client, window).await {
            Ok(p) if done(&p) => {
                if p.url != url {
                    return Err(format!("the window left {url} for {}", p.url));
                }
                return Ok(p);
            }
            Ok(p) => last = format!("{p:#?}"),
            Err(e) => last = e,
        }
        if start.elapsed() > limit {
            return Err(format!(
                "waited {limit:?} for {what} on {url}; last seen:\n{last}"
            ));
        }
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

/// A minimal site: one edition, one post shown on the home page too.
fn fixture() -> TestDir {
    TestDir::with(&[
        (
            "content/site.yaml",
            "title: \"Thử nghiệm xem trước\"\nbase_url: \"https://example.org/\"\ncampaign:\n  day: \"03-25\"\n  first_year: 2017\n",
        ),
        (EDITION_FILE, EDITION),
        (
            POST_FILE,
            &post(OLD_TITLE, "20/3/2024", "", "Nội dung bài viết."),
        ),
    ])
}

/// Saves like many editors do: a temp file beside it, then a rename.
fn replace(path: &Path, text: &str) {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    fs::write(&tmp, text).unwrap();
    fs::rename(&tmp, path).unwrap();
}
