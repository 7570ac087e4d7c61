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

mod common;

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

use common::{TODAY, TestDir, post};
use fantoccini::wd::WindowHandle;
use fantoccini::{Client, ClientBuilder};
use serde_json::{Value, json};

/// How long a page may take to show an edit (debounce, rebuild, reload)
/// on a loaded two-core machine.
const UPDATE: Duration = Duration::from_secs(20);
/// How long chromedriver, Chromium and the first build may take to start.
const STARTUP: Duration = Duration::from_secs(60);

const POST_FILE: &str = "content/2024/news/bai-mot.md";
const POST_PATH: &str = "2024/tin-tuc/bai-mot/";
const EDITION_FILE: &str = "content/2024/edition.yaml";
const EDITION: &str = "theme: \"Chủ đề thử nghiệm trình duyệt\"\n";
const OLD_TITLE: &str = "Bài viết trước khi sửa";
const NEW_TITLE: &str = "Tiêu đề mới sau khi lưu";

#[test]
fn open_pages_follow_edits_and_show_build_errors() {
    let chromium = program("CAMPAIGN_TEST_CHROMIUM", &["chromium", "chromium-browser"]);
    let chromedriver = program("CAMPAIGN_TEST_CHROMEDRIVER", &["chromedriver"]);

    let site = fixture();
    let server = Server::start(&site);
    let driver = Driver::start(&chromedriver, &site.join("chromedriver.log"));
    let profile = site.join("chromium-profile");
    fs::create_dir_all(&profile).unwrap();

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let result = runtime.block_on(async {
        let client = connect(&driver.url, &chromium, &profile).await;
        let result = scenario(&client, &site, &server).await;
        // Ends the session, which makes chromedriver quit Chromium.
        let _ = tokio::time::timeout(Duration::from_secs(20), client.close()).await;
        result
    });
    if let Err(message) = result {
        panic!(
            "{message}\n--- campaign serve output\n{}\n--- chromedriver log (tail)\n{}",
            server.output(),
            tail(&site.join("chromedriver.log"), 4000)
        );
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

/// A session of headless Chromium, with nothing reaching the network.
async fn connect(driver: &str, chromium: &Path, profile: &Path) -> Client {
    let capabilities = json!({
        "browserName": "chrome",
        "goog:chromeOptions": {
            "binary": chromium,
            "args": [
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--disable-extensions",
                "--disable-renderer-backgrounding",
                "--disable-background-timer-throttling",
                "--disable-backgrounding-occluded-windows",
                format!("--user-data-dir={}", profile.display()),
            ],
        },
    });
    let Value::Object(capabilities) = capabilities else {
        unreachable!()
    };
    let mut builder = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new());
    builder.capabilities(capabilities);
    match tokio::time::timeout(STARTUP, builder.connect(driver)).await {
        Ok(Ok(client)) => client,
        Ok(Err(e)) => panic!("chromedriver could not start {}: {e}", chromium.display()),
        Err(_) => panic!(
            "chromedriver did not start {} in {STARTUP:?}",
            chromium.display()
        ),
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

/// The browser binary to use: the variable, or the first name on `PATH`.
/// Fails the test when there is none.
fn program(var: &str, names: &[&str]) -> PathBuf {
    if let Some(path) = std::env::var_os(var) {
        let path = PathBuf::from(path);
        assert!(path.is_file(), "{var}={} is not a file", path.display());
        return path;
    }
    let dirs: Vec<PathBuf> = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect())
        .unwrap_or_default();
    for name in names {
        for dir in dirs.iter().chain([&PathBuf::from("/usr/bin")]) {
            let path = dir.join(name);
            if path.is_file() {
                return path;
            }
        }
    }
    panic!(
        "the browser test needs `{}` (on PATH or in {var}); on Debian: \
         `apt-get install chromium chromium-driver` (.ci/run installs them)",
        names[0]
    );
}

/// A child process killed (with its process group) when dropped.
struct Guard(Child);

impl Drop for Guard {
    fn drop(&mut self) {
        // Its own process group: this also ends what it started (Chromium
        // if chromedriver could not stop it).
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", self.0.id())])
            .stderr(Stdio::null())
            .status();
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn spawn_in_own_group(command: &mut Command) -> std::io::Result<Child> {
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(command, 0);
    command.spawn()
}

/// `campaign serve` on a free port, with everything it prints kept.
struct Server {
    url: String,
    output: Arc<Mutex<String>>,
    _child: Guard,
}

impl Server {
    fn start(site: &TestDir) -> Server {
        let mut child = spawn_in_own_group(
            Command::new(env!("CARGO_BIN_EXE_campaign"))
                .args([
                    "serve", "--source", "content", "--output", "public", "--port", "0",
                ])
                .current_dir(&site.path)
                .env("CAMPAIGN_TODAY", TODAY)
                .env("LC_ALL", "en_US.UTF-8")
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped()),
        )
        .expect("the campaign binary starts");
        let output = Arc::new(Mutex::new(String::new()));
        let (tx, rx) = mpsc::channel();
        // Both pipes are read to the end, so the server never blocks on them.
        let stdout = child.stdout.take().unwrap();
        let out = output.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if let Some(rest) = line.strip_prefix("Serving the site at ") {
                    let url = rest.split_whitespace().next().unwrap_or("").to_owned();
                    let _ = tx.send(url);
                }
                out.lock().unwrap().push_str(&format!("{line}\n"));
            }
        });
        let stderr = child.stderr.take().unwrap();
        let out = output.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                out.lock().unwrap().push_str(&format!("[stderr] {line}\n"));
            }
        });
        let mut child = Guard(child);
        let url = match rx.recv_timeout(STARTUP) {
            Ok(url) => url,
            Err(_) => {
                let status = child.0.try_wait().ok().flatten();
                std::thread::sleep(Duration::from_millis(200));
                panic!(
                    "campaign serve did not announce its address (exit: {status:?}):\n{}",
                    output.lock().unwrap()
                );
            }
        };
        assert!(
            url.starts_with("http://127.0.0.1:") && url.ends_with('/'),
            "unexpected address {url:?}"
        );
        Server {
            url,
            output,
            _child: child,
        }
    }

    fn output(&self) -> String {
        self.output.lock().unwrap().clone()
    }
}

/// chromedriver on a free loopback port, once it answers `/status`.
struct Driver {
    url: String,
    _child: Guard,
}

impl Driver {
    fn start(binary: &Path, log: &Path) -> Driver {
        let mut last = String::new();
        // The free port is found by binding and releasing it; another
        // process may take it in between, so try again on a fresh one.
        for _ in 0..3 {
            let port = TcpListener::bind("127.0.0.1:0")
                .and_then(|l| l.local_addr())
                .expect("a free loopback port")
                .port();
            let log_file = fs::File::create(log).unwrap();
            let mut child = Guard(
                spawn_in_own_group(
                    Command::new(binary)
                        .arg(format!("--port={port}"))
                        .stdin(Stdio::null())
                        .stdout(log_file.try_clone().unwrap())
                        .stderr(log_file),
                )
                .unwrap_or_else(|e| panic!("cannot run {}: {e}", binary.display())),
            );
            let start = Instant::now();
            while start.elapsed() < STARTUP {
                if let Ok(Some(status)) = child.0.try_wait() {
                    last = format!("chromedriver exited with {status}:\n{}", tail(log, 2000));
                    break;
                }
                if let Some(body) = http_get(port, "/status") {
                    if body.contains("\"ready\":true") || body.contains("\"ready\": true") {
                        return Driver {
                            url: format!("http://127.0.0.1:{port}"),
                            _child: child,
                        };
                    }
                    last = body;
                }
                std::thread::sleep(Duration::from_millis(100));
            }
            if last.is_empty() {
                last = format!("no answer in {STARTUP:?}");
            }
        }
        panic!("chromedriver ({}) did not start: {last}", binary.display());
    }
}

/// A plain HTTP GET on loopback: what came back, up to the end of the body
/// (chromedriver keeps the connection open, so `Content-Length` ends it).
fn http_get(port: u16, path: &str) -> Option<String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut response = Vec::new();
    let mut buf = [0; 4096];
    loop {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => response.extend_from_slice(&buf[..n]),
        }
        let text = String::from_utf8_lossy(&response);
        if let Some((head, body)) = text.split_once("\r\n\r\n") {
            let length = head.lines().find_map(|l| {
                let (name, value) = l.split_once(':')?;
                name.eq_ignore_ascii_case("content-length")
                    .then(|| value.trim().parse::<usize>().ok())?
            });
            if length.is_some_and(|n| body.len() >= n) {
                break;
            }
        }
    }
    let text = String::from_utf8_lossy(&response).into_owned();
    text.split_once("\r\n\r\n").map(|(_, b)| b.to_owned())
}

fn tail(path: &Path, max: usize) -> String {
    let text = fs::read_to_string(path).unwrap_or_default();
    let start = text.len().saturating_sub(max);
    let start = (start..=text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(text.len());
    text[start..].to_owned()
}
