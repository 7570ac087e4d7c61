//! Search in a real browser (headless Chromium through chromedriver, the
//! harness of `tests/browser.rs`), on the real site (`content/`):
//!
//! - over HTTP from `campaign serve`: a query typed without diacritics
//!   into the header's box opens the search page with the query in its
//!   address and the right result first, its words highlighted; one typed
//!   with diacritics into the page's own box does the same; a document
//!   number finds the document;
//! - from disk (`file://`, the offline copy): the built search page with
//!   `?q=` in its address shows results, the index loaded by scripts.

#[path = "common/browser.rs"]
mod browser;
mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use browser::{Browser, Driver, Server, connect};
use common::{TODAY, TestDir};
use fantoccini::Client;
use fantoccini::key::Key;
use fantoccini::wd::Locator;

const WAIT: Duration = Duration::from_secs(30);

/// The real site's content, copied into a fresh folder.
fn real_site() -> TestDir {
    let t = TestDir::new();
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    for entry in walkdir::WalkDir::new(&source) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(&source).unwrap();
        if entry.file_type().is_file() {
            t.write(
                &format!("content/{}", rel.to_string_lossy()),
                std::fs::read(entry.path()).unwrap(),
            );
        }
    }
    t
}

#[test]
fn readers_search_the_real_site_with_and_without_diacritics() {
    let browser = Browser::find();
    let site = real_site();
    site.build_ok();
    let server = Server::start(&site.path, TODAY);
    let log = site.join("chromedriver.log");
    let driver = Driver::start(&browser.chromedriver, &log);
    let profile = site.join("chromium-profile");
    std::fs::create_dir_all(&profile).unwrap();
    let offline = format!(
        "file://{}/public/tim-kiem/index.html?q=dao+tao+cong+tac+xa+hoi&nam=2024",
        site.path.display()
    );
    let result = browser::runtime().block_on(async {
        let client = connect(&driver.url, &browser.chromium, &profile, &[]).await;
        let r = scenario(&client, &server.url, &offline).await;
        browser::close(client).await;
        r
    });
    if let Err(message) = result {
        browser::fail(&message, &server, &log);
    }
}

async fn scenario(client: &Client, url: &str, offline: &str) -> Result<(), String> {
    let e = |what: &str| {
        let what = what.to_owned();
        move |err: fantoccini::error::CmdError| format!("{what}: {err}")
    };
    // The header's box, without diacritics.
    client.goto(url).await.map_err(e("home page"))?;
    let input = client
        .find(Locator::Css("header input[name=q]"))
        .await
        .map_err(e("the header's search box"))?;
    input
        .send_keys(&format!("phu yen chi dao{}", Key::Enter))
        .await
        .map_err(e("typing"))?;
    let (address, titles, marks) = results(client, "q=phu").await?;
    if !address.contains("tim-kiem/?q=phu+yen+chi+dao") {
        return Err(format!("the query is not in the address: {address}"));
    }
    expect_first(&titles, "UBND tỉnh Phú Yên chỉ đạo tổ chức")?;
    if !marks.iter().any(|m| m == "Phú") || !marks.iter().any(|m| m == "đạo") {
        return Err(format!("the words typed are not highlighted: {marks:?}"));
    }
    // The page's own box, with diacritics.
    let input = client
        .find(Locator::Css("main input[name=q]"))
        .await
        .map_err(e("the page's search box"))?;
    input.clear().await.map_err(e("clearing"))?;
    input
        .send_keys(&format!("Kon Tum hướng dẫn{}", Key::Enter))
        .await
        .map_err(e("typing"))?;
    let (_, titles, _) = results(client, "q=Kon").await?;
    expect_first(&titles, "Kon Tum hướng dẫn tổ chức")?;
    // A document number, with đ typed as d.
    client
        .goto(&format!("{url}tim-kiem/?q=978%2FBLDTBXH-BTXH"))
        .await
        .map_err(e("search page"))?;
    let (_, titles, _) = results(client, "q=978").await?;
    expect_first(
        &titles,
        "Về việc tổ chức kỷ niệm “Ngày Công tác xã hội Việt Nam” lần thứ 8 năm 2024",
    )?;
    // From disk, with a year filter in the address.
    client.goto(offline).await.map_err(e("the offline copy"))?;
    let (_, titles, _) = results(client, "file:").await?;
    let metas = texts(client, ".search-result-meta").await?;
    if titles.is_empty() || !metas.iter().all(|m| m.contains("Năm 2024")) {
        return Err(format!("offline: {titles:?} {metas:?}"));
    }
    Ok(())
}

fn expect_first(titles: &[String], start: &str) -> Result<(), String> {
    match titles.first() {
        Some(t) if t.starts_with(start) => Ok(()),
        _ => Err(format!(
            "expected a first result starting with {start:?}, got {titles:?}"
        )),
    }
}

/// Waits for the page whose address contains `address` to show results:
/// the address, the titles, the highlighted words.
async fn results(
    client: &Client,
    address: &str,
) -> Result<(String, Vec<String>, Vec<String>), String> {
    let start = Instant::now();
    loop {
        let url = client
            .current_url()
            .await
            .map_err(|e| e.to_string())?
            .to_string();
        let titles = texts(client, ".search-result-title").await?;
        if url.contains(address) && !titles.is_empty() {
            let address = url;
            let marks = texts(client, ".search-result mark").await?;
            return Ok((address, titles, marks));
        }
        if start.elapsed() > WAIT {
            let status = texts(client, "[data-search-status]").await?;
            return Err(format!(
                "no results at {url} after {WAIT:?}; status: {status:?}"
            ));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn texts(client: &Client, css: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    for el in client
        .find_all(Locator::Css(css))
        .await
        .map_err(|e| e.to_string())?
    {
        out.push(el.text().await.map_err(|e| e.to_string())?);
    }
    Ok(out)
}
