//! Helpers for the tests in a real browser (`tests/browser*.rs`): headless
//! Chromium driven through chromedriver (WebDriver) with `fantoccini`, and
//! `campaign serve` running on a free port. Every process started here is
//! killed with its process group when its guard is dropped (also when the
//! test panics).
//!
//! Needs Debian's `chromium` and `chromium-driver` (`.ci/run` installs
//! them); `CAMPAIGN_TEST_CHROMIUM` and `CAMPAIGN_TEST_CHROMEDRIVER` point to
//! other binaries. Without them the tests fail: they are never skipped.
//!
//! Used with `#[path = "common/browser.rs"] mod browser;`, like
//! `common/server.rs`, so that it does not depend on `tests/common/mod.rs`.

#![allow(dead_code)] // Each test file uses a different subset.

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};
use serde_json::{Value, json};

/// How long chromedriver, Chromium and the first build may take to start.
pub const STARTUP: Duration = Duration::from_secs(60);

/// The binaries a browser test runs: found before anything starts, so a
/// missing one fails the test at once with the way to install it.
pub struct Browser {
    pub chromium: PathBuf,
    pub chromedriver: PathBuf,
}

impl Browser {
    pub fn find() -> Browser {
        Browser {
            chromium: program("CAMPAIGN_TEST_CHROMIUM", &["chromium", "chromium-browser"]),
            chromedriver: program("CAMPAIGN_TEST_CHROMEDRIVER", &["chromedriver"]),
        }
    }
}

/// The runtime the WebDriver client runs on (two threads, as on CI).
pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

/// Ends the session, which makes chromedriver quit Chromium (the guard
/// of [`Driver`] kills what is left).
pub async fn close(client: Client) {
    let _ = tokio::time::timeout(Duration::from_secs(20), client.close()).await;
}

/// Fails the test with `message`, what `campaign serve` printed and the
/// end of chromedriver's log at `log`.
pub fn fail(message: &str, server: &Server, log: &Path) -> ! {
    panic!(
        "{message}\n--- campaign serve output\n{}\n--- chromedriver log (tail)\n{}",
        server.output(),
        tail(log, 4000)
    );
}

/// A session of headless Chromium, with nothing reaching the network.
///
/// `profile` must be a fresh folder (Chromium's `--user-data-dir`): each
/// session starts with an empty cache. `extra` are more switches (a
/// `--window-size`, say).
pub async fn connect(driver: &str, chromium: &Path, profile: &Path, extra: &[&str]) -> Client {
    let mut args: Vec<String> = [
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
    ]
    .map(str::to_owned)
    .into();
    args.push(format!("--user-data-dir={}", profile.display()));
    args.extend(extra.iter().map(|a| (*a).to_owned()));
    let capabilities = json!({
        "browserName": "chrome",
        "goog:chromeOptions": { "binary": chromium, "args": args },
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

/// The browser binary to use: the variable, or the first name on `PATH`.
/// Fails the test when there is none.
pub fn program(var: &str, names: &[&str]) -> PathBuf {
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
pub struct Guard(pub Child);

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

pub fn spawn_in_own_group(command: &mut Command) -> std::io::Result<Child> {
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(command, 0);
    command.spawn()
}

/// `campaign serve` on a free port, with everything it prints kept.
pub struct Server {
    pub url: String,
    output: Arc<Mutex<String>>,
    _child: Guard,
}

impl Server {
    /// Serves `dir/content` (into `dir/public`) as on the day `today`.
    pub fn start(dir: &Path, today: &str) -> Server {
        let mut child = spawn_in_own_group(
            Command::new(env!("CARGO_BIN_EXE_campaign"))
                .args([
                    "serve", "--source", "content", "--output", "public", "--port", "0",
                ])
                .current_dir(dir)
                .env("CAMPAIGN_TODAY", today)
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

    /// Everything it printed so far.
    pub fn output(&self) -> String {
        self.output.lock().unwrap().clone()
    }
}

/// chromedriver on a free loopback port, once it answers `/status`.
pub struct Driver {
    pub url: String,
    _child: Guard,
}

impl Driver {
    pub fn start(binary: &Path, log: &Path) -> Driver {
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

/// The body of `url` (`http://127.0.0.1:<port>/<path>`), if it answered.
pub fn get(url: &str) -> Option<String> {
    let rest = url.strip_prefix("http://127.0.0.1:")?;
    let (port, path) = rest.split_once('/')?;
    http_get(port.parse().ok()?, &format!("/{path}"))
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

/// The last `max` bytes of the file at `path` (on a character boundary).
pub fn tail(path: &Path, max: usize) -> String {
    let text = fs::read_to_string(path).unwrap_or_default();
    let start = text.len().saturating_sub(max);
    let start = (start..=text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(text.len());
    text[start..].to_owned()
}
