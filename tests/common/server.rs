//! Helpers for the tests of `campaign serve` and `campaign watch`: a
//! throw-away fixture site, the real binary running in the background, a
//! tiny HTTP/1.1 client and a server-sent-events reader, all on `std`.
//!
//! Nothing here sleeps for a fixed time to "let things happen": every wait
//! polls for the expected state until a generous deadline, so the tests
//! stay correct on a slow, loaded machine and fast on an idle one.
//!
//! Used with `#[path = "common/server.rs"] mod server;` so that it does not
//! depend on (or clash with) `tests/common/mod.rs`.

#![allow(dead_code)] // Each test file uses a different subset.

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The day every test runs on.
pub const TODAY: &str = "2024-03-20";

/// How long any awaited change may take before the test fails. Generous:
/// a rebuild takes milliseconds, but a loaded 2-core CI machine running
/// every test in parallel (each with its own server) can be slow.
pub const DEADLINE: Duration = Duration::from_secs(30);

/// How often a waiting test looks again.
pub const POLL: Duration = Duration::from_millis(50);

// ---------------------------------------------------------------------------
// The fixture site
// ---------------------------------------------------------------------------

pub const SITE_TITLE: &str = "Trang thử nghiệm xem trước";
pub const THEME_2024: &str = "Chủ đề năm 2024 ban đầu";
/// Bytes of `content/2024/files/ke-hoach.pdf` (not UTF-8).
pub const PDF: &[u8] = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << >> endobj\n%%EOF\n";
pub const SVG: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>\n";

/// A fresh folder under the system temp dir, deleted when dropped.
pub struct Site {
    pub root: PathBuf,
}

impl Drop for Site {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.root);
    }
}

impl Site {
    /// An empty folder with a unique name.
    pub fn empty() -> Site {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let root =
            std::env::temp_dir().join(format!("campaign-serve-{}-{n}-{nanos}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        fs::create_dir_all(&root).expect("the temp dir is writable");
        // Resolve links (macOS /tmp → /private/tmp) so paths compare equal.
        let root = root.canonicalize().unwrap();
        Site { root }
    }

    /// The small fixture site: one edition, three posts, static files and
    /// an attachment; `base_url` as given.
    pub fn fixture_with_base(base_url: &str) -> Site {
        let site = Site::empty();
        site.write(
            "content/site.yaml",
            format!(
                "title: \"{SITE_TITLE}\"\nbase_url: \"{base_url}\"\ncampaign:\n  day: \"03-25\"\n  first_year: 2017\n"
            ),
        );
        site.write("content/2024/edition.yaml", edition(THEME_2024));
        site.write(
            "content/2024/news/mot.md",
            post("Bài một ban đầu", "2024-03-14", "Nội dung bài một."),
        );
        site.write(
            "content/2024/news/hai.md",
            post("Bài hai ban đầu", "2024-03-12", "Nội dung bài hai."),
        );
        site.write(
            "content/2024/news/ba.md",
            post("Bài ba ban đầu", "2024-03-10", "Nội dung bài ba."),
        );
        site.write("content/static/logo.svg", SVG);
        site.write("content/static/note.txt", "Ghi chú tĩnh NOTE-OK.\n");
        site.write("content/2024/files/ke-hoach.pdf", PDF);
        site
    }

    /// The fixture site at a domain root.
    pub fn fixture() -> Site {
        Site::fixture_with_base("https://ctxh.example.gov.vn/")
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    /// Writes (or overwrites in place) a file, creating its folders.
    pub fn write(&self, rel: &str, content: impl AsRef<[u8]>) {
        let path = self.path(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, content).unwrap();
    }

    pub fn remove(&self, rel: &str) {
        fs::remove_file(self.path(rel)).unwrap();
    }

    pub fn rename(&self, from: &str, to: &str) {
        fs::rename(self.path(from), self.path(to)).unwrap();
    }

    /// The text of a file, or "" if it cannot be read (yet).
    pub fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.path(rel)).unwrap_or_default()
    }

    /// Runs `campaign <args>` to completion in this folder.
    pub fn run(&self, args: &[&str]) -> std::process::Output {
        command(&self.root, args)
            .output()
            .expect("the campaign binary runs")
    }
}

/// A year's settings with the given theme.
pub fn edition(theme: &str) -> String {
    format!("theme: \"{theme}\"\nsummary: \"Tóm tắt năm.\"\n")
}

/// A news post.
pub fn post(title: &str, date: &str, body: &str) -> String {
    format!("---\ntitle: \"{title}\"\ndate: \"{date}\"\n---\n{body}\n")
}

/// `campaign <args>` in `dir`, on the fixed day, with native file events.
pub fn command(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_campaign"));
    cmd.args(args)
        .current_dir(dir)
        .env("CAMPAIGN_TODAY", TODAY)
        .env("LC_ALL", "en_US.UTF-8")
        .env_remove("CAMPAIGN_POLL");
    cmd
}

// ---------------------------------------------------------------------------
// The binary running in the background
// ---------------------------------------------------------------------------

/// One line the process printed.
#[derive(Debug, Clone)]
pub struct Line {
    pub stderr: bool,
    pub text: String,
}

impl Line {
    /// Is this the closing line of a rebuild after a change (good or bad)?
    /// `first build: …` does not count.
    pub fn is_rebuild(&self) -> bool {
        let t = &self.text;
        let after_change = t.starts_with("changed ") || t.starts_with("rebuilt");
        after_change && (t.contains(" ms") || t.contains("not rebuilt"))
    }
}

/// A running `campaign serve` or `campaign watch`, killed when dropped.
pub struct Proc {
    child: Option<Child>,
    pub pid: u32,
    /// Everything printed so far, stdout and stderr interleaved in the
    /// order the reader threads saw it.
    log: Arc<Mutex<Vec<Line>>>,
    /// `http://127.0.0.1:PORT` for `serve`.
    pub port: u16,
    status: Option<ExitStatus>,
}

impl Drop for Proc {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

fn pump(stream: impl Read + Send + 'static, stderr: bool, log: Arc<Mutex<Vec<Line>>>) {
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines() {
            let Ok(text) = line else { break };
            log.lock().unwrap().push(Line { stderr, text });
        }
    });
}

impl Proc {
    /// Starts `campaign <args>` in `site`'s folder with extra environment.
    pub fn spawn(site: &Site, args: &[&str], env: &[(&str, &str)]) -> Proc {
        let mut cmd = command(&site.root, args);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the campaign binary starts");
        let log = Arc::new(Mutex::new(Vec::new()));
        pump(child.stdout.take().unwrap(), false, log.clone());
        pump(child.stderr.take().unwrap(), true, log.clone());
        Proc {
            pid: child.id(),
            child: Some(child),
            log,
            port: 0,
            status: None,
        }
    }

    /// `campaign serve --source content --output public --port 0 <extra>`:
    /// returns once the server listens and the first build is done.
    pub fn serve(site: &Site, extra: &[&str], env: &[(&str, &str)]) -> Proc {
        let mut args = vec![
            "serve", "--source", "content", "--output", "public", "--port", "0",
        ];
        args.extend_from_slice(extra);
        let mut p = Proc::spawn(site, &args, env);
        let line = p.wait_line("the `Serving the site at` line", 0, |l| {
            !l.stderr && l.text.starts_with("Serving the site at http://")
        });
        let url = line.text["Serving the site at ".len()..]
            .split_whitespace()
            .next()
            .unwrap()
            .to_owned();
        let port = url
            .trim_end_matches('/')
            .rsplit(':')
            .next()
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no port in {url:?}"));
        p.port = port;
        p.wait_first_build();
        p
    }

    /// `campaign watch --source content --output public`, once the first
    /// build is done.
    pub fn watch(site: &Site) -> Proc {
        let mut p = Proc::spawn(
            site,
            &["watch", "--source", "content", "--output", "public"],
            &[],
        );
        p.wait_first_build();
        p
    }

    fn wait_first_build(&mut self) {
        self.wait_line("the first build", 0, |l| l.text.starts_with("first build:"));
    }

    /// A copy of everything printed so far.
    pub fn lines(&self) -> Vec<Line> {
        self.log.lock().unwrap().clone()
    }

    /// Everything printed so far, for failure messages.
    pub fn transcript(&self) -> String {
        self.lines()
            .iter()
            .map(|l| format!("{} {}", if l.stderr { "err|" } else { "out|" }, l.text))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The current end of the log: lines printed after it are "new".
    pub fn mark(&self) -> usize {
        self.log.lock().unwrap().len()
    }

    /// The rebuild lines printed since `mark`.
    pub fn rebuilds_since(&self, mark: usize) -> Vec<String> {
        self.lines()
            .into_iter()
            .skip(mark)
            .filter(Line::is_rebuild)
            .map(|l| l.text)
            .collect()
    }

    /// Fails the test if the process has exited.
    #[track_caller]
    pub fn assert_alive(&mut self) {
        if let Some(status) = self.try_status() {
            panic!(
                "campaign exited ({status}) but should still run\n{}",
                self.transcript()
            );
        }
    }

    fn try_status(&mut self) -> Option<ExitStatus> {
        if self.status.is_none()
            && let Some(child) = self.child.as_mut()
        {
            self.status = child.try_wait().ok().flatten();
        }
        self.status
    }

    /// Sends a signal (`INT`, `TERM`) with `kill`, as Ctrl-C would.
    pub fn signal(&self, name: &str) {
        let ok = Command::new("kill")
            .arg(format!("-{name}"))
            .arg(self.pid.to_string())
            .status()
            .expect("kill runs")
            .success();
        assert!(ok, "kill -{name} {} failed", self.pid);
    }

    /// Waits for the process to exit; panics after `DEADLINE`.
    #[track_caller]
    pub fn wait_exit(&mut self) -> ExitStatus {
        let started = Instant::now();
        loop {
            if let Some(status) = self.try_status() {
                // Let the reader threads take in the last lines.
                let settle = Instant::now();
                while settle.elapsed() < Duration::from_millis(300) {
                    std::thread::sleep(Duration::from_millis(20));
                }
                return status;
            }
            if started.elapsed() > DEADLINE {
                panic!(
                    "campaign did not exit within {DEADLINE:?}\n{}",
                    self.transcript()
                );
            }
            std::thread::sleep(POLL);
        }
    }

    /// Waits for a printed line (at or after `from`) that satisfies `pred`.
    #[track_caller]
    pub fn wait_line(&mut self, what: &str, from: usize, pred: impl Fn(&Line) -> bool) -> Line {
        let log = self.log.clone();
        let mut found = None;
        self.wait(what, || {
            found = log
                .lock()
                .unwrap()
                .iter()
                .skip(from)
                .find(|l| pred(l))
                .cloned();
            match &found {
                Some(_) => Ok(()),
                None => Err("not printed yet".to_owned()),
            }
        });
        found.unwrap()
    }

    /// Polls `probe` until it returns `Ok`; fails the test after `DEADLINE`
    /// with `what`, the last thing `probe` saw, and the process output.
    /// Also fails at once if the process died.
    #[track_caller]
    pub fn wait<T>(&mut self, what: &str, mut probe: impl FnMut() -> Result<T, String>) -> T {
        let started = Instant::now();
        loop {
            let last = match probe() {
                Ok(v) => return v,
                Err(e) => e,
            };
            if let Some(status) = self.try_status() {
                // One more look: the awaited line may be the last words.
                std::thread::sleep(Duration::from_millis(200));
                if let Ok(v) = probe() {
                    return v;
                }
                panic!(
                    "waiting for {what}: campaign exited ({status})\nlast seen: {last}\n--- output\n{}",
                    self.transcript()
                );
            }
            if started.elapsed() > DEADLINE {
                panic!(
                    "waited {DEADLINE:?} for {what}\nlast seen: {last}\n--- output\n{}",
                    self.transcript()
                );
            }
            std::thread::sleep(POLL);
        }
    }

    /// Waits until the rebuild lines stop coming: none for `quiet`.
    pub fn wait_quiet(&mut self, quiet: Duration) {
        let mut count = self.rebuilds_since(0).len();
        let mut since = Instant::now();
        let started = Instant::now();
        while since.elapsed() < quiet {
            assert!(
                started.elapsed() < DEADLINE,
                "rebuilds never stopped\n{}",
                self.transcript()
            );
            std::thread::sleep(POLL);
            let now = self.rebuilds_since(0).len();
            if now != count {
                count = now;
                since = Instant::now();
            }
        }
    }

    // --- HTTP -------------------------------------------------------------

    /// `GET path` on this server.
    #[track_caller]
    pub fn get(&self, path: &str) -> Response {
        get(self.port, path)
            .unwrap_or_else(|e| panic!("GET {path}: {e}\n--- output\n{}", self.transcript()))
    }

    /// Waits until `GET path` answers with `status` and a body for which
    /// `pred` holds; returns that response.
    #[track_caller]
    pub fn wait_page(
        &mut self,
        path: &str,
        status: u16,
        what: &str,
        pred: impl Fn(&str) -> bool,
    ) -> Response {
        let port = self.port;
        self.wait(&format!("GET {path} → {status}, {what}"), || {
            let r = get(port, path).map_err(|e| e.to_string())?;
            if r.status == status && pred(&r.text()) {
                Ok(r)
            } else {
                Err(format!(
                    "status {}, body:\n{}",
                    r.status,
                    excerpt(&r.text())
                ))
            }
        })
    }

    /// Waits until `GET path` is 200 and contains `needle`.
    #[track_caller]
    pub fn wait_contains(&mut self, path: &str, needle: &str) -> Response {
        self.wait_page(path, 200, &format!("containing {needle:?}"), |b| {
            b.contains(needle)
        })
    }

    /// Waits until `GET path` answers `status` (any body).
    #[track_caller]
    pub fn wait_status(&mut self, path: &str, status: u16) -> Response {
        self.wait_page(path, status, "any body", |_| true)
    }

    /// Waits until the file `rel` of `site` contains `needle`.
    #[track_caller]
    pub fn wait_file(&mut self, site: &Site, rel: &str, needle: &str) -> String {
        self.wait(&format!("{rel} on disk containing {needle:?}"), || {
            let text = site.read(rel);
            if text.contains(needle) {
                Ok(text)
            } else {
                Err(excerpt(&text))
            }
        })
    }
}

/// The start of a long text, for failure messages.
pub fn excerpt(text: &str) -> String {
    let mut end = text.len().min(3000);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let cut = if end < text.len() { " […]" } else { "" };
    format!("{}{cut}", &text[..end])
}

// ---------------------------------------------------------------------------
// A minimal HTTP/1.1 client
// ---------------------------------------------------------------------------

/// What the server answered.
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    /// Header names in lower case.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn content_type(&self) -> &str {
        self.header("content-type").unwrap_or("")
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

fn connect(port: u16) -> std::io::Result<TcpStream> {
    let addr = std::net::SocketAddr::from(([127, 0, 0, 1], port));
    let stream = TcpStream::connect_timeout(&addr, Duration::from_secs(10))?;
    stream.set_read_timeout(Some(Duration::from_secs(20)))?;
    stream.set_write_timeout(Some(Duration::from_secs(10)))?;
    Ok(stream)
}

/// Sends the head of a GET request for `path` exactly as given (no
/// normalisation, so `..` reaches the server).
fn send_get(
    stream: &mut TcpStream,
    port: u16,
    path: &str,
    connection: &str,
) -> std::io::Result<()> {
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUser-Agent: campaign-tests\r\nAccept: */*\r\nConnection: {connection}\r\n\r\n"
    )?;
    stream.flush()
}

/// Splits the status line and headers off a response head.
fn parse_head(head: &str) -> std::io::Result<(u16, Vec<(String, String)>)> {
    let bad = |what: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, what.to_owned());
    let mut lines = head.split("\r\n");
    let status_line = lines.next().ok_or_else(|| bad("empty response"))?;
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| bad(&format!("bad status line {status_line:?}")))?;
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    Ok((status, headers))
}

/// Decodes a complete `Transfer-Encoding: chunked` body.
fn dechunk(mut raw: &[u8]) -> std::io::Result<Vec<u8>> {
    let bad = || std::io::Error::new(std::io::ErrorKind::InvalidData, "bad chunked body");
    let mut out = Vec::new();
    loop {
        let eol = raw.windows(2).position(|w| w == b"\r\n").ok_or_else(bad)?;
        let size_text = std::str::from_utf8(&raw[..eol]).map_err(|_| bad())?;
        let size = usize::from_str_radix(size_text.split(';').next().unwrap().trim(), 16)
            .map_err(|_| bad())?;
        raw = &raw[eol + 2..];
        if size == 0 {
            return Ok(out);
        }
        if raw.len() < size + 2 {
            return Err(bad());
        }
        out.extend_from_slice(&raw[..size]);
        raw = &raw[size + 2..];
    }
}

/// `GET path` from `127.0.0.1:port` with `Connection: close`.
pub fn get(port: u16, path: &str) -> std::io::Result<Response> {
    let mut stream = connect(port)?;
    send_get(&mut stream, port, path, "close")?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidData, "no end of head"))?;
    let (status, headers) = parse_head(&String::from_utf8_lossy(&raw[..split]))?;
    let mut body = raw[split + 4..].to_vec();
    let chunked = headers
        .iter()
        .any(|(k, v)| k == "transfer-encoding" && v.to_ascii_lowercase().contains("chunked"));
    if chunked {
        body = dechunk(&body)?;
    }
    Ok(Response {
        status,
        headers,
        body,
    })
}

// ---------------------------------------------------------------------------
// The live-reload event stream
// ---------------------------------------------------------------------------

/// An open `/__campaign/events` stream; the JSON of each `data:` line is
/// collected in the background. Closed when dropped.
pub struct Events {
    stream: TcpStream,
    events: Arc<Mutex<Vec<serde_json::Value>>>,
    pub content_type: String,
}

impl Drop for Events {
    fn drop(&mut self) {
        let _ = self.stream.shutdown(Shutdown::Both);
    }
}

/// Reads one `\r\n`-terminated line (without it).
fn read_crlf_line(r: &mut impl BufRead) -> std::io::Result<String> {
    let mut line = String::new();
    if r.read_line(&mut line)? == 0 {
        return Err(std::io::ErrorKind::UnexpectedEof.into());
    }
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
}

impl Events {
    #[track_caller]
    pub fn open(port: u16) -> Events {
        let mut stream = connect(port).expect("connect to the event stream");
        // The stream stays open; only the background reader reads it.
        stream.set_read_timeout(None).unwrap();
        send_get(&mut stream, port, "/__campaign/events", "keep-alive").unwrap();
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        let mut head = Vec::new();
        loop {
            let line = read_crlf_line(&mut reader).expect("the head of the event stream");
            if line.is_empty() {
                break;
            }
            head.push(line);
        }
        let (status, headers) = parse_head(&head.join("\r\n")).unwrap();
        assert_eq!(status, 200, "event stream: {head:?}");
        let chunked = headers
            .iter()
            .any(|(k, v)| k == "transfer-encoding" && v.contains("chunked"));
        let content_type = headers
            .iter()
            .find(|(k, _)| k == "content-type")
            .map(|(_, v)| v.clone())
            .unwrap_or_default();
        let events = Arc::new(Mutex::new(Vec::new()));
        let sink = events.clone();
        std::thread::spawn(move || {
            // Undo the chunked framing, then split the text into lines.
            let mut text = Vec::<u8>::new();
            loop {
                let piece = if chunked {
                    let Ok(size_line) = read_crlf_line(&mut reader) else {
                        return;
                    };
                    let Ok(size) =
                        usize::from_str_radix(size_line.split(';').next().unwrap().trim(), 16)
                    else {
                        return;
                    };
                    if size == 0 {
                        return;
                    }
                    let mut buf = vec![0; size + 2];
                    if reader.read_exact(&mut buf).is_err() {
                        return;
                    }
                    buf.truncate(size);
                    buf
                } else {
                    let mut buf = vec![0; 4096];
                    match reader.read(&mut buf) {
                        Ok(0) | Err(_) => return,
                        Ok(n) => {
                            buf.truncate(n);
                            buf
                        }
                    }
                };
                text.extend_from_slice(&piece);
                while let Some(nl) = text.iter().position(|&b| b == b'\n') {
                    let line: Vec<u8> = text.drain(..=nl).collect();
                    let line = String::from_utf8_lossy(&line);
                    let line = line.trim_end_matches(['\r', '\n']);
                    if let Some(data) = line.strip_prefix("data:") {
                        let value = serde_json::from_str(data.trim_start()).unwrap_or_else(|e| {
                            serde_json::Value::String(format!("unparsable event {data:?}: {e}"))
                        });
                        sink.lock().unwrap().push(value);
                    }
                }
            }
        });
        Events {
            stream,
            events,
            content_type,
        }
    }

    /// Every event received so far.
    pub fn all(&self) -> Vec<serde_json::Value> {
        self.events.lock().unwrap().clone()
    }

    /// Waits (through `server`, so a dead server fails fast) for an event
    /// at index `from` or later that satisfies `pred`.
    #[track_caller]
    pub fn wait(
        &self,
        server: &mut Proc,
        what: &str,
        from: usize,
        pred: impl Fn(&serde_json::Value) -> bool,
    ) -> serde_json::Value {
        server.wait(&format!("an event: {what}"), || {
            let all = self.all();
            all.iter()
                .skip(from)
                .find(|e| pred(e))
                .cloned()
                .ok_or_else(|| format!("events so far: {all:?}"))
        })
    }
}

/// The build number of an event.
pub fn build_of(event: &serde_json::Value) -> u64 {
    event["build"]
        .as_u64()
        .unwrap_or_else(|| panic!("no build number in {event}"))
}

/// The error of an event, if any.
pub fn error_of(event: &serde_json::Value) -> Option<&str> {
    event["error"].as_str()
}
