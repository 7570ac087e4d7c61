//! The preview server: serves the last good build from memory, and tells
//! open pages to reload (or to show the error) when a rebuild finishes.
//!
//! State is passed explicitly: the rebuild thread publishes each outcome
//! into a `tokio::sync::watch` channel; request handlers read its latest
//! value, and each open page listens to it through a server-sent-events
//! stream. The live-reload script is added to HTML as it is served, never
//! to the files `build` writes.
//!
//! The server runs its own accept loop (axum's `serve` has no timeouts):
//! every connection is driven by hyper with a watchdog that closes it when
//! a request head takes too long, when it idles too long between requests,
//! or when its client stops reading a response. Requests are answered only
//! for the host names of this machine (see [`Hosts`]) and only for `GET`
//! and `HEAD`.

use std::collections::HashSet;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, Response, StatusCode, Uri, Version, header};
use axum::middleware::{self, Next};
use axum::response::IntoResponse;
use axum::response::sse::{Event, KeepAlive, Sse};
use futures_util::stream::Stream;
use hyper::service::Service as _;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
use tokio::sync::{Notify, watch};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::build::BuildOptions;
use crate::output::{Source, Tree};
use crate::watch::{self as rebuild, Outcome, spawn_rebuilder};

/// The endpoint pages listen to for reloads.
pub(crate) const EVENTS: &str = "/__campaign/events";

/// How long open connections may finish what they do once the server is
/// asked to stop; the rest are dropped.
const GRACE: Duration = Duration::from_secs(1);

/// How `serve` was asked to run.
#[derive(Debug, Clone)]
pub(crate) struct ServeOptions {
    pub build: BuildOptions,
    pub bind: IpAddr,
    /// 0 picks a free port.
    pub port: u16,
    pub open: bool,
    /// Host names answered besides this machine's own (see [`Hosts`]), as
    /// [`parse_allowed_host`] leaves them.
    pub allow_hosts: Vec<String>,
    pub timeouts: Timeouts,
}

/// How long a client may keep a connection without moving it on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Timeouts {
    /// To send a whole request head: from the opening of the connection,
    /// or from the first byte of a later request on it.
    pub head: Duration,
    /// To start the next request on a kept-alive connection, or to read
    /// more of a response (a live-reload stream that is read never ends).
    pub idle: Duration,
}

impl Default for Timeouts {
    fn default() -> Timeouts {
        Timeouts {
            head: Duration::from_secs(5),
            idle: Duration::from_secs(60),
        }
    }
}

/// What the server shows: the last good site, and the last error if the
/// latest build failed.
#[derive(Debug, Clone, Default)]
pub(crate) struct Snapshot {
    /// Increases with every successful build.
    pub build: u64,
    pub tree: Arc<Tree>,
    pub error: Option<String>,
    pub css_only: bool,
    /// The folders files copied from disk must lie in once links are
    /// resolved (the content and themes folders). Such files are read when
    /// served, so a file swapped for a link out of the tree after the last
    /// good build must not be followed.
    pub roots: Arc<Vec<PathBuf>>,
    /// The site's `base_url`. The 404 page's links start at its path (the
    /// page is served at any depth); the preview maps that path to its `/`.
    pub base_url: Arc<str>,
    /// The server is stopping: event streams end, so that the graceful
    /// shutdown (which waits for every response to finish) can finish.
    pub closing: bool,
}

type Shared = watch::Receiver<Arc<Snapshot>>;

/// What the server has to tell, for the command line to show.
pub(crate) enum Notice<'a> {
    /// What the rebuilds tell.
    Rebuild(rebuild::Event<'a>),
    /// The server listens at `url`; `exposed` when other machines can see it.
    Listening { url: &'a str, exposed: bool },
    /// `--open` could not start a browser.
    NoBrowser { url: &'a str },
    /// A request named a host this server does not answer (told once per
    /// name): it got 403, which `--allow-host host` would lift.
    HostRefused { host: &'a str },
    /// A connection could not be accepted (told at most once a minute):
    /// with too many open files, the next ones wait in the listen queue
    /// until slow or idle connections are closed.
    AcceptFailed { error: &'a std::io::Error },
    /// The server stopped; the output folder holds the last good build.
    Stopped,
}

/// Where the server tells what happens: called from the rebuild thread and
/// from the server's.
pub(crate) type Tell = Arc<dyn Fn(Notice<'_>) + Send + Sync>;

/// Runs the server until Ctrl-C (or SIGTERM); the output folder is left
/// complete (the rebuild in progress, if any, finishes first).
pub(crate) fn serve(options: ServeOptions, tell: Tell) -> anyhow::Result<()> {
    raise_file_limit();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    runtime.block_on(run(options, tell))
}

/// Raises the limit of open files to what the system allows this process:
/// each open connection takes one, and slow clients must not use them all
/// (they are closed after the head timeout, but new ones should not wait).
fn raise_file_limit() {
    #[cfg(unix)]
    {
        use rustix::process::{Resource, getrlimit, setrlimit};
        let limit = getrlimit(Resource::Nofile);
        if limit.current < limit.maximum {
            let raised = rustix::process::Rlimit {
                current: limit.maximum,
                maximum: limit.maximum,
            };
            let _ = setrlimit(Resource::Nofile, raised);
        }
    }
}

async fn run(options: ServeOptions, tell: Tell) -> anyhow::Result<()> {
    let roots = vec![
        options.build.source.clone(),
        crate::build::themes_dir(&options.build),
    ];
    let (tx, rx) = watch::channel(Arc::new(Snapshot {
        roots: Arc::new(roots),
        ..Snapshot::default()
    }));
    let stop = Arc::new(AtomicBool::new(false));
    let tx = Arc::new(tx);
    let publisher = tx.clone();
    let rebuild_tell = tell.clone();
    let told: rebuild::Tell =
        Arc::new(move |e: rebuild::Event<'_>| rebuild_tell(Notice::Rebuild(e)));
    let rebuilder = spawn_rebuilder(
        options.build.clone(),
        stop.clone(),
        move |outcome| {
            publisher.send_modify(|snap| {
                let mut next = (**snap).clone();
                match outcome {
                    Outcome::Built {
                        tree,
                        css_only,
                        base_url,
                        ..
                    } => {
                        next.build += 1;
                        next.base_url = Arc::from(base_url);
                        next.tree = tree.clone();
                        next.error = None;
                        next.css_only = css_only;
                    }
                    Outcome::Failed(e) => next.error = Some(e.to_string()),
                }
                *snap = Arc::new(next);
            });
        },
        told,
    )?;

    // Listen for Ctrl-C before saying the server runs: a signal that
    // arrives between the message and the first poll of the server would
    // otherwise kill the process outright, maybe in the middle of writing
    // the output folder.
    let signal = shutdown_signal()?;
    let addr = SocketAddr::new(options.bind, options.port);
    let listener = tokio::net::TcpListener::bind(addr).await.map_err(|e| {
        anyhow::anyhow!(
            "cannot listen on {addr}: {e} (is another server using the port? try --port)"
        )
    })?;
    let local = listener.local_addr()?;
    let url = format!("http://{local}/");
    tell(Notice::Listening {
        url: &url,
        exposed: !options.bind.is_loopback(),
    });
    if options.open && !open_browser(&url) {
        tell(Notice::NoBrowser { url: &url });
    }
    let gate = Arc::new(Gate {
        hosts: Hosts::new(options.bind, &options.allow_hosts),
        refused: Mutex::new(HashSet::new()),
        tell: tell.clone(),
    });
    let app = router(rx, gate);
    let http = http1_builder(options.timeouts);
    let (stopping, stop_rx) = watch::channel(false);
    let mut connections = tokio::task::JoinSet::new();
    // When a failure to accept was last told: at most once a minute.
    let mut told_failure: Option<Instant> = None;
    tokio::pin!(signal);
    loop {
        tokio::select! {
            biased;
            () = &mut signal => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    connections.spawn(connection(
                        stream,
                        app.clone(),
                        http.clone(),
                        options.timeouts,
                        stop_rx.clone(),
                    ));
                }
                // The client gave up before it was accepted.
                Err(e) if is_connection_error(&e) => {}
                Err(error) => {
                    // Out of file descriptors, most likely: the connection
                    // stays queued, and slow ones free theirs within seconds.
                    if told_failure.is_none_or(|t| t.elapsed() >= Duration::from_secs(60)) {
                        tell(Notice::AcceptFailed { error: &error });
                        told_failure = Some(Instant::now());
                    }
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
            },
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
    // Stop accepting, end the event streams open pages hold, let the other
    // connections finish for a moment, then drop them; the rebuild in
    // progress, if any, finishes last.
    drop(listener);
    tx.send_modify(|snap| {
        let mut next = (**snap).clone();
        next.closing = true;
        *snap = Arc::new(next);
    });
    let _ = stopping.send(true);
    let _ = tokio::time::timeout(GRACE, async {
        while connections.join_next().await.is_some() {}
    })
    .await;
    connections.shutdown().await;
    stop.store(true, Ordering::SeqCst);
    let _ = tokio::task::spawn_blocking(move || rebuilder.join()).await;
    tell(Notice::Stopped);
    Ok(())
}

/// Errors of one connection that `accept` reports, not of the listener.
fn is_connection_error(e: &std::io::Error) -> bool {
    use std::io::ErrorKind::{ConnectionAborted, ConnectionRefused, ConnectionReset};
    matches!(
        e.kind(),
        ConnectionRefused | ConnectionAborted | ConnectionReset
    )
}

type Http1 = hyper::server::conn::http1::Builder;

/// The HTTP/1 settings of every connection. hyper's header read timeout
/// runs from the moment a connection is ready for a request head until
/// that head is read, the wait for it included: here it is the idle
/// timeout, and the watchdog ([`Clock`]) keeps the shorter limit on the
/// head itself.
fn http1_builder(timeouts: Timeouts) -> Arc<Http1> {
    let mut http = Http1::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(timeouts.idle.max(timeouts.head))
        .keep_alive(true);
    Arc::new(http)
}

/// Serves one connection until it closes, its watchdog finds it stuck, or
/// the server stops (then it may finish its request until it is dropped).
async fn connection(
    stream: TcpStream,
    app: Router,
    http: Arc<Http1>,
    timeouts: Timeouts,
    mut stopping: watch::Receiver<bool>,
) {
    let _ = stream.set_nodelay(true);
    let clock = Arc::new(Clock::new());
    let io = TokioIo::new(Watched {
        inner: stream,
        clock: clock.clone(),
    });
    let app = TowerToHyperService::new(app);
    let served = clock.clone();
    let service = hyper::service::service_fn(move |request| {
        // A whole head was read: its clock stops.
        served.head_read();
        app.call(request)
    });
    let conn = http.serve_connection(io, service);
    tokio::pin!(conn);
    let mut graceful = false;
    loop {
        tokio::select! {
            _ = conn.as_mut() => return,
            // Dropping the connection closes its socket.
            () = clock.expired(timeouts) => return,
            _ = stopping.wait_for(|s| *s), if !graceful => {
                graceful = true;
                conn.as_mut().graceful_shutdown();
            }
        }
    }
}

/// What a connection's watchdog watches: since when the head being read
/// has been coming, and since when the client has taken nothing of a
/// response. Times are milliseconds since the connection opened, plus one
/// (0: not now).
struct Clock {
    opened: Instant,
    head: AtomicU64,
    stalled: AtomicU64,
    changed: Notify,
}

impl Clock {
    /// A new connection: its first head is awaited from now.
    fn new() -> Clock {
        Clock {
            opened: Instant::now(),
            head: AtomicU64::new(1),
            stalled: AtomicU64::new(0),
            changed: Notify::new(),
        }
    }

    fn now(&self) -> u64 {
        u64::try_from(self.opened.elapsed().as_millis()).map_or(u64::MAX, |ms| ms.saturating_add(1))
    }

    fn at(&self, mark: u64) -> Instant {
        self.opened + Duration::from_millis(mark - 1)
    }

    /// Bytes came in: unless a head was being read, one starts now (the
    /// server reads no request bodies, so bytes after a head begin the
    /// next one).
    fn bytes_read(&self) {
        if self.head.load(Ordering::Relaxed) == 0 {
            self.head.store(self.now(), Ordering::Relaxed);
            self.changed.notify_one();
        }
    }

    fn head_read(&self) {
        self.head.store(0, Ordering::Relaxed);
    }

    /// A write had to wait (the client takes nothing), or went through.
    fn write_blocked(&self, blocked: bool) {
        let since = self.stalled.load(Ordering::Relaxed);
        if blocked && since == 0 {
            self.stalled.store(self.now(), Ordering::Relaxed);
            self.changed.notify_one();
        } else if !blocked && since != 0 {
            self.stalled.store(0, Ordering::Relaxed);
        }
    }

    /// Resolves once a head has been coming for longer than
    /// `timeouts.head`, or a write has waited for longer than
    /// `timeouts.idle`.
    async fn expired(&self, timeouts: Timeouts) {
        loop {
            let head = self.head.load(Ordering::Relaxed);
            let stalled = self.stalled.load(Ordering::Relaxed);
            let deadline = [
                (head != 0).then(|| self.at(head) + timeouts.head),
                (stalled != 0).then(|| self.at(stalled) + timeouts.idle),
            ]
            .into_iter()
            .flatten()
            .min();
            let changed = self.changed.notified();
            let Some(deadline) = deadline else {
                changed.await;
                continue;
            };
            tokio::select! {
                () = tokio::time::sleep_until(deadline.into()) => {
                    let same = self.head.load(Ordering::Relaxed) == head
                        && self.stalled.load(Ordering::Relaxed) == stalled;
                    if same {
                        return;
                    }
                }
                () = changed => {}
            }
        }
    }
}

/// A connection's socket, telling its [`Clock`] what moves.
struct Watched {
    inner: TcpStream,
    clock: Arc<Clock>,
}

impl Watched {
    fn track<T>(&self, polled: Poll<T>) -> Poll<T> {
        self.clock.write_blocked(polled.is_pending());
        polled
    }
}

impl AsyncRead for Watched {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let before = buf.filled().len();
        let polled = Pin::new(&mut self.inner).poll_read(cx, buf);
        if matches!(polled, Poll::Ready(Ok(()))) && buf.filled().len() > before {
            self.clock.bytes_read();
        }
        polled
    }
}

impl AsyncWrite for Watched {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        let polled = Pin::new(&mut self.inner).poll_write(cx, buf);
        self.track(polled)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[std::io::IoSlice<'_>],
    ) -> Poll<std::io::Result<usize>> {
        let polled = Pin::new(&mut self.inner).poll_write_vectored(cx, bufs);
        self.track(polled)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        let polled = Pin::new(&mut self.inner).poll_flush(cx);
        self.track(polled)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        let polled = Pin::new(&mut self.inner).poll_shutdown(cx);
        self.track(polled)
    }
}

/// The application: the host and method checks, then live-reload events,
/// then every other path from the site.
fn router(state: Shared, gate: Arc<Gate>) -> Router {
    Router::new()
        .route(EVENTS, axum::routing::get(events))
        .fallback(site_file)
        .layer(middleware::from_fn_with_state(gate, guard))
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
        .with_state(state)
}

/// Which host names the server answers: `localhost`, `127.0.0.1`, `[::1]`
/// and the address it is bound to (any IP address when bound to all of
/// them, `0.0.0.0` or `::`), with any port, and what `--allow-host` adds.
/// Anything else may be a name an attacker's DNS points at this machine
/// (DNS rebinding), through which a page on the internet could read the
/// preview. An IP address cannot be rebound.
#[derive(Debug, Clone, Default)]
struct Hosts {
    any: bool,
    any_ip: bool,
    /// Exact names, lower case, without port; IPv6 addresses in brackets.
    names: Vec<String>,
    /// `.example.local`: that name and every name under it.
    domains: Vec<String>,
}

impl Hosts {
    fn new(bind: IpAddr, allowed: &[String]) -> Hosts {
        let mut hosts = Hosts {
            any_ip: bind.is_unspecified(),
            names: vec!["localhost".into(), "127.0.0.1".into(), "[::1]".into()],
            ..Hosts::default()
        };
        hosts.names.push(match bind {
            IpAddr::V4(ip) => ip.to_string(),
            IpAddr::V6(ip) => format!("[{ip}]"),
        });
        for name in allowed {
            if name == "*" {
                hosts.any = true;
            } else if name.starts_with('.') {
                hosts.domains.push(name.clone());
            } else {
                hosts.names.push(name.clone());
            }
        }
        hosts
    }

    /// Whether `host` (as [`host_name`] leaves it) is answered.
    fn allows(&self, host: &str) -> bool {
        self.any
            || self.names.iter().any(|n| n == host)
            || self
                .domains
                .iter()
                .any(|d| host.ends_with(d.as_str()) || host == &d[1..])
            || (self.any_ip && is_ip_literal(host))
    }
}

fn is_ip_literal(host: &str) -> bool {
    host.parse::<std::net::Ipv4Addr>().is_ok()
        || host
            .strip_prefix('[')
            .and_then(|h| h.strip_suffix(']'))
            .is_some_and(|h| h.parse::<std::net::Ipv6Addr>().is_ok())
}

/// The host name of a `Host` value (or of a `--allow-host` argument):
/// lower case, without the port or a final dot; `None` unless it is a
/// plausible name or address.
fn host_name(value: &str) -> Option<String> {
    let value = value.trim();
    let (host, port) = if value.starts_with('[') {
        let end = value.find(']')?;
        (&value[..=end], &value[end + 1..])
    } else {
        match value.rsplit_once(':') {
            Some((host, _)) => (host, &value[host.len()..]),
            None => (value, ""),
        }
    };
    let port_ok = port.is_empty()
        || port
            .strip_prefix(':')
            .is_some_and(|p| p.bytes().all(|b| b.is_ascii_digit()));
    let host = host.strip_suffix('.').unwrap_or(host).to_ascii_lowercase();
    let name_ok = if let Some(inner) = host.strip_prefix('[') {
        inner
            .strip_suffix(']')
            .is_some_and(|ip| ip.parse::<std::net::Ipv6Addr>().is_ok())
    } else {
        !host.is_empty()
            && host.len() <= 253
            && host
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_'))
    };
    (port_ok && name_ok).then_some(host)
}

/// Reads a `--allow-host` argument: a host name (a port after it is
/// ignored), `*` for every name, or `.example.local` (or `*.example.local`)
/// for that name and every name under it.
pub(crate) fn parse_allowed_host(value: &str) -> Result<String, String> {
    let value = value.trim();
    if value == "*" {
        return Ok(value.to_owned());
    }
    let (dot, name) = match value.strip_prefix("*.").or_else(|| value.strip_prefix('.')) {
        Some(rest) => (".", rest),
        None => ("", value),
    };
    match host_name(name) {
        Some(host) if !host.starts_with('.') => Ok(format!("{dot}{host}")),
        _ => Err(format!(
            "`{value}` is not a host name (give a name such as ten-may.local, `.example.local` for a domain and its subdomains, or `*` for any name)"
        )),
    }
}

/// Reads a number of seconds (`5`, `0.5`); more than zero.
pub(crate) fn parse_seconds(value: &str) -> Result<Duration, String> {
    value
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|s| *s > 0.0)
        .and_then(|s| Duration::try_from_secs_f64(s).ok())
        .ok_or_else(|| format!("`{value}` is not a number of seconds above 0"))
}

/// What the host and method checks need.
struct Gate {
    hosts: Hosts,
    /// The names already told about.
    refused: Mutex<HashSet<String>>,
    tell: Tell,
}

/// Why a request is not answered.
#[derive(Debug, PartialEq, Eq)]
enum Refusal {
    /// No usable `Host` (RFC 9112 §3.2): 400.
    BadHost,
    /// A host this server does not answer: 403.
    Host(String),
}

/// The host a request names: the authority of an absolute target (which
/// wins over `Host`), else its one `Host` header. An HTTP/1.0 request
/// without `Host` is answered: no browser sends one, so it cannot come
/// from a web page; HTTP/1.1 requires it.
fn check_host(request: &Request, hosts: &Hosts) -> Result<(), Refusal> {
    let value = if let Some(authority) = request.uri().authority() {
        authority
            .as_str()
            .rsplit('@')
            .next()
            .unwrap_or_default()
            .to_owned()
    } else {
        let mut values = request.headers().get_all(header::HOST).iter();
        match (values.next(), values.next()) {
            (None, _) if request.version() <= Version::HTTP_10 => return Ok(()),
            (Some(value), None) => value.to_str().map_err(|_| Refusal::BadHost)?.to_owned(),
            _ => return Err(Refusal::BadHost),
        }
    };
    let host = host_name(&value).ok_or(Refusal::BadHost)?;
    if hosts.allows(&host) {
        Ok(())
    } else {
        Err(Refusal::Host(host))
    }
}

/// Answers only hosts of this machine (or allowed ones), and only GET and HEAD.
async fn guard(State(gate): State<Arc<Gate>>, request: Request, next: Next) -> Response<Body> {
    match check_host(&request, &gate.hosts) {
        Ok(()) => {}
        Err(Refusal::BadHost) => {
            return text_response(
                StatusCode::BAD_REQUEST,
                "Yêu cầu thiếu hoặc sai tên máy (Host).\nThe request has no valid Host header.\n",
            );
        }
        Err(Refusal::Host(host)) => {
            let first = {
                let mut told = gate.refused.lock().unwrap_or_else(|e| e.into_inner());
                told.len() < 64 && told.insert(host.clone())
            };
            if first {
                (gate.tell)(Notice::HostRefused { host: &host });
            }
            return html_response(StatusCode::FORBIDDEN, refused_page(&host).into_bytes());
        }
    }
    if request.method() != Method::GET && request.method() != Method::HEAD {
        let mut response = text_response(
            StatusCode::METHOD_NOT_ALLOWED,
            "Bản xem trước chỉ trả lời GET và HEAD.\nThis preview answers GET and HEAD only.\n",
        );
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return response;
    }
    next.run(request).await
}

/// The page a refused host gets: why, and the flag that allows it.
fn refused_page(host: &str) -> String {
    // `host_name` let through only letters, digits, `-._[]:`; escape anyway.
    let host = host
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    format!(
        r#"<!DOCTYPE html>
<html lang="vi">
<meta charset="utf-8">
<title>403 – Tên máy không được phép</title>
<body>
<h1>Bản xem trước không trả lời tên máy <code>{host}</code></h1>
<p><code>campaign serve</code> chỉ trả lời khi trang được mở bằng <code>localhost</code>, <code>127.0.0.1</code>, <code>[::1]</code> hoặc địa chỉ nó đang nghe (<code>--bind</code>). Một tên miền khác có thể là tên mà kẻ xấu trỏ về máy này (tấn công <i>DNS rebinding</i>) để một trang trên mạng đọc được bản xem trước, kể cả bản nháp.</p>
<p>Nếu chính bạn dùng tên này, hãy chạy lại với:</p>
<pre>campaign serve --allow-host {host}</pre>
<hr>
<div lang="en">
<h1>This preview does not answer the host name <code>{host}</code></h1>
<p><code>campaign serve</code> answers only when the page is opened as <code>localhost</code>, <code>127.0.0.1</code>, <code>[::1]</code> or the address it listens on (<code>--bind</code>). Another name may be one an attacker points at this machine (DNS rebinding), so that a page on the internet could read the preview, drafts included.</p>
<p>If you use this name yourself, restart with:</p>
<pre>campaign serve --allow-host {host}</pre>
</div>
</body>
</html>
"#
    )
}

fn text_response(status: StatusCode, text: &'static str) -> Response<Body> {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        text,
    )
        .into_response()
}

/// Resolves on Ctrl-C (or SIGTERM). The handlers are installed when this
/// is called, not when the future is first polled.
#[cfg(unix)]
pub(crate) fn shutdown_signal() -> std::io::Result<impl Future<Output = ()>> {
    use tokio::signal::unix::{SignalKind, signal};
    let mut interrupt = signal(SignalKind::interrupt())?;
    let mut terminate = signal(SignalKind::terminate())?;
    Ok(async move {
        tokio::select! {
            _ = interrupt.recv() => {},
            _ = terminate.recv() => {},
        }
    })
}

#[cfg(not(unix))]
pub fn shutdown_signal() -> std::io::Result<impl Future<Output = ()>> {
    Ok(async {
        let _ = tokio::signal::ctrl_c().await;
    })
}

/// Opens `url` in the default browser; false when none could be started.
fn open_browser(url: &str) -> bool {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    std::process::Command::new(program).arg(url).spawn().is_ok()
}

/// The state each page is told about, as JSON.
fn state_json(s: &Snapshot) -> String {
    serde_json::json!({ "build": s.build, "error": s.error, "css_only": s.css_only }).to_string()
}

async fn events(
    State(mut rx): State<Shared>,
) -> Sse<impl Stream<Item = Result<Event, std::convert::Infallible>>> {
    // The current state first (a page opened during an error shows it at
    // once; a page that missed a build reloads), then every change.
    // The stream ends when the server stops.
    let now = rx.borrow_and_update().clone();
    let first = (!now.closing).then(|| state_json(&now));
    let stream = futures_util::stream::unfold((first, rx), |(pending, mut rx)| async move {
        let data = match pending {
            Some(data) => data,
            None => {
                if rx.borrow().closing {
                    return None;
                }
                rx.changed().await.ok()?;
                let snap = rx.borrow_and_update().clone();
                if snap.closing {
                    return None;
                }
                state_json(&snap)
            }
        };
        Some((Ok(Event::default().data(data)), (None, rx)))
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

/// Where a request path leads in the site.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Resolved {
    File(String),
    /// A folder asked for without its slash: relative links need it.
    Redirect(String),
    NotFound,
}

/// Maps a request path onto the site's files. Decodes `%xx`; any `..`,
/// backslash or NUL is refused, so nothing outside the site can be named.
pub(crate) fn resolve(tree: &Tree, raw_path: &str) -> Resolved {
    let decoded = crate::text::percent_decode(raw_path);
    let path = decoded.trim_start_matches('/');
    if path.contains('\\') || path.contains('\0') || path.split('/').any(|s| s == ".." || s == ".")
    {
        return Resolved::NotFound;
    }
    let path = crate::text::nfc(path.to_owned());
    if path.is_empty() || path.ends_with('/') {
        let index = format!("{path}index.html");
        return if tree.contains_key(index.as_str()) {
            Resolved::File(index)
        } else {
            Resolved::NotFound
        };
    }
    if tree.contains_key(path.as_str()) {
        return Resolved::File(path);
    }
    if tree.contains_key(format!("{path}/index.html").as_str()) {
        return Resolved::Redirect(format!("/{}/", raw_path.trim_start_matches('/')));
    }
    Resolved::NotFound
}

async fn site_file(State(rx): State<Shared>, uri: Uri) -> Response<Body> {
    let snap = rx.borrow().clone();
    if snap.build == 0 {
        // The first build failed: there is no site yet, only the error.
        let message = snap
            .error
            .clone()
            .unwrap_or_else(|| "Đang dựng trang…".to_owned());
        let escaped = message
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        let html = format!(
            "<!DOCTYPE html><html lang=\"vi\"><meta charset=\"utf-8\"><title>Lỗi nội dung</title><body><h1>Chưa dựng được trang</h1><pre>{}</pre></body></html>",
            escaped
        );
        return html_response(
            StatusCode::SERVICE_UNAVAILABLE,
            inject(html.into_bytes(), &snap),
        );
    }
    match resolve(&snap.tree, uri.path()) {
        Resolved::File(key) => match read(&snap.tree[key.as_str()], &snap.roots).await {
            Ok(bytes) => file_response(&key, bytes, &snap),
            Err(_) => not_found(&snap).await,
        },
        Resolved::Redirect(location) => Response::builder()
            .status(StatusCode::MOVED_PERMANENTLY)
            .header(header::LOCATION, location)
            .body(Body::empty())
            .unwrap_or_default(),
        Resolved::NotFound => not_found(&snap).await,
    }
}

async fn read(source: &Source, roots: &[PathBuf]) -> std::io::Result<Vec<u8>> {
    match source {
        Source::Bytes(b) => Ok(b.to_vec()),
        Source::Static(b) => Ok(b.to_vec()),
        Source::Copy(path) => {
            let real = tokio::fs::canonicalize(path).await?;
            if !inside(&real, roots).await {
                return Err(std::io::ErrorKind::NotFound.into());
            }
            tokio::fs::read(real).await
        }
    }
}

/// Whether `real` (a resolved path) lies in one of `roots`.
async fn inside(real: &Path, roots: &[PathBuf]) -> bool {
    for root in roots {
        if let Ok(root) = tokio::fs::canonicalize(root).await
            && real.starts_with(&root)
        {
            return true;
        }
    }
    false
}

async fn not_found(snap: &Snapshot) -> Response<Body> {
    let body = match snap.tree.get(crate::routes::not_found()) {
        Some(s) => read(s, &snap.roots).await.unwrap_or_default(),
        None => b"<!DOCTYPE html><title>404</title><h1>404</h1>".to_vec(),
    };
    // Its links start at the site's root path (`/ctxh/` for a site
    // published below a folder), which is this server's `/`.
    let root = crate::config::root_path(&snap.base_url);
    let body = if snap.base_url.is_empty() || root == "/" {
        body
    } else {
        String::from_utf8_lossy(&body)
            .replace(&format!("=\"{root}"), "=\"/")
            .into_bytes()
    };
    html_response(StatusCode::NOT_FOUND, inject(body, snap))
}

fn file_response(key: &str, bytes: Vec<u8>, snap: &Snapshot) -> Response<Body> {
    let mime = mime_guess::from_path(key).first_or_octet_stream();
    if mime.essence_str() == "text/html" {
        return html_response(StatusCode::OK, inject(bytes, snap));
    }
    let content_type = if mime.type_() == "text"
        || mime.essence_str() == "application/xml"
        || key.ends_with(".svg")
    {
        format!("{}; charset=utf-8", mime.essence_str())
    } else {
        mime.essence_str().to_owned()
    };
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, content_type)],
        bytes,
    )
        .into_response()
}

fn html_response(status: StatusCode, body: Vec<u8>) -> Response<Body> {
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body,
    )
        .into_response()
}

/// Adds the live-reload script before `</body>` (or at the end).
fn inject(mut html: Vec<u8>, snap: &Snapshot) -> Vec<u8> {
    let script = RELOAD_SCRIPT.replace("__BUILD__", &snap.build.to_string());
    let at = find_last(&html, b"</body>").unwrap_or(html.len());
    html.splice(at..at, script.into_bytes());
    html
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .rposition(|w| w.eq_ignore_ascii_case(needle))
}

/// Listens for builds: reloads on a new build, swaps stylesheets when only
/// CSS changed, and shows (then removes) an overlay with the build error.
const RELOAD_SCRIPT: &str = r#"<script data-campaign-live-reload>
(() => {
  let build = __BUILD__;
  const id = "campaign-error-overlay";
  function show(message) {
    let box = document.getElementById(id);
    if (!message) { if (box) box.remove(); return; }
    if (!box) {
      box = document.createElement("div");
      box.id = id;
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,0,0,.92);color:#fff;padding:2rem;font:15px/1.5 ui-monospace,monospace";
      const h = document.createElement("h2");
      h.textContent = "Nội dung có lỗi – trang đang hiển thị bản dựng tốt gần nhất";
      h.style.cssText = "color:#ffde00;font:bold 1.3rem sans-serif;margin:0 0 1rem";
      const pre = document.createElement("pre");
      pre.style.whiteSpace = "pre-wrap";
      box.append(h, pre);
      document.body.append(box);
    }
    box.querySelector("pre").textContent = message;
  }
  function swapStyles() {
    for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
      const url = new URL(link.href);
      url.searchParams.set("v", String(Date.now()));
      link.href = url.toString();
    }
  }
  function connect() {
    const source = new EventSource("/__campaign/events");
    source.onmessage = (e) => {
      const s = JSON.parse(e.data);
      show(s.error);
      if (s.error || s.build === build) return;
      if (s.css_only && s.build === build + 1) { build = s.build; swapStyles(); }
      else location.reload();
    };
    source.onerror = () => { source.close(); setTimeout(connect, 1000); };
  }
  connect();
})();
</script>
"#;

#[cfg(test)]
mod tests {
    use super::*;

    fn tree() -> Tree {
        let mut t = Tree::new();
        for k in [
            "index.html",
            "2024/index.html",
            "2024/files/kế hoạch.pdf",
            "style.css",
        ] {
            t.insert(k.into(), Source::Bytes(Arc::from(&b""[..])));
        }
        t
    }

    #[test]
    fn clean_urls_and_redirects() {
        let t = tree();
        assert_eq!(resolve(&t, "/"), Resolved::File("index.html".into()));
        assert_eq!(
            resolve(&t, "/2024/"),
            Resolved::File("2024/index.html".into())
        );
        assert_eq!(resolve(&t, "/2024"), Resolved::Redirect("/2024/".into()));
        assert_eq!(
            resolve(&t, "/2024/files/k%E1%BA%BF%20ho%E1%BA%A1ch.pdf"),
            Resolved::File("2024/files/kế hoạch.pdf".into())
        );
        assert_eq!(resolve(&t, "/nope/"), Resolved::NotFound);
    }

    #[test]
    fn traversal_is_refused() {
        let t = tree();
        for bad in [
            "/../etc/passwd",
            "/2024/../../x",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/2024/..%2f..%2fx",
            "/a\\..\\b",
            "/%00",
        ] {
            assert_eq!(resolve(&t, bad), Resolved::NotFound, "{bad}");
        }
    }

    #[test]
    fn script_goes_before_body_end() {
        let snap = Snapshot {
            build: 7,
            ..Snapshot::default()
        };
        let html =
            String::from_utf8(inject(b"<html><body>x</body></html>".to_vec(), &snap)).unwrap();
        assert!(html.contains("let build = 7;"));
        assert!(html.ends_with("</script>\n</body></html>"));
    }

    #[test]
    fn host_names_lose_their_port_case_and_final_dot() {
        assert_eq!(host_name("LocalHost:2503").as_deref(), Some("localhost"));
        assert_eq!(host_name("127.0.0.1").as_deref(), Some("127.0.0.1"));
        assert_eq!(host_name("[::1]:80").as_deref(), Some("[::1]"));
        assert_eq!(
            host_name("ten-may.local.").as_deref(),
            Some("ten-may.local")
        );
        assert_eq!(host_name("localhost:").as_deref(), Some("localhost"));
        for bad in [
            "", "::1", "[::1", "[nope]", "a b", "a/b", "x:80a", "<script>", ":80",
        ] {
            assert_eq!(host_name(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn only_this_machines_names_are_answered_unless_allowed() {
        let loopback = Hosts::new(IpAddr::from([127, 0, 0, 1]), &[]);
        for ok in ["localhost", "127.0.0.1", "[::1]"] {
            assert!(loopback.allows(ok), "{ok}");
        }
        for refused in [
            "evil.example",
            "localhost.evil.example",
            "10.0.0.7",
            "127.0.0.2",
        ] {
            assert!(!loopback.allows(refused), "{refused}");
        }
        let lan = Hosts::new(IpAddr::from([192, 168, 1, 5]), &[]);
        assert!(lan.allows("192.168.1.5") && !lan.allows("192.168.1.6"));
        let all = Hosts::new(IpAddr::from([0, 0, 0, 0]), &[]);
        assert!(all.allows("192.168.1.6") && all.allows("[fe80::1]"));
        assert!(!all.allows("evil.example"));

        let allowed: Vec<String> = ["ten-may.local", ".example.local"]
            .iter()
            .map(|a| parse_allowed_host(a).unwrap())
            .collect();
        let hosts = Hosts::new(IpAddr::from([127, 0, 0, 1]), &allowed);
        for ok in ["ten-may.local", "example.local", "a.b.example.local"] {
            assert!(hosts.allows(ok), "{ok}");
        }
        for refused in ["x.ten-may.local", "badexample.local", "evil.example"] {
            assert!(!hosts.allows(refused), "{refused}");
        }
        let any = Hosts::new(IpAddr::from([127, 0, 0, 1]), &["*".to_owned()]);
        assert!(any.allows("evil.example"));
    }

    #[test]
    fn allowed_host_arguments_are_checked() {
        assert_eq!(
            parse_allowed_host("Ten-May.local:2503").unwrap(),
            "ten-may.local"
        );
        assert_eq!(
            parse_allowed_host(".Example.local").unwrap(),
            ".example.local"
        );
        assert_eq!(
            parse_allowed_host("*.example.local").unwrap(),
            ".example.local"
        );
        assert_eq!(parse_allowed_host("*").unwrap(), "*");
        for bad in ["", ".", "..x", "a b", "http://x/", "*x", "**.x"] {
            assert!(parse_allowed_host(bad).is_err(), "{bad:?}");
        }
    }
}
