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

mod connection;
mod host;
mod site;

use connection::*;
use host::*;
use site::*;

pub(crate) use host::parse_allowed_host;

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
use crate::i18n::Lang;
use crate::msg;
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
    /// The language of the error overlay and the first-build page.
    pub lang: Lang,
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
    /// Only the search index changed since the build before.
    pub index_only: bool,
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
    /// The language of the overlay and the error page.
    pub lang: Lang,
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
    // What the site's files may be read from: the content, the themes and
    // the photo cache (the processed photos are served from there).
    let roots = vec![
        options.build.source.clone(),
        crate::build::themes_dir(&options.build),
        crate::content::photos::cache_dir(&options.build.source),
    ];
    let (tx, rx) = watch::channel(Arc::new(Snapshot {
        roots: Arc::new(roots),
        lang: options.lang,
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
                        index_only,
                    } => {
                        next.build += 1;
                        next.base_url = Arc::from(base_url);
                        next.tree = tree.clone();
                        next.error = None;
                        next.css_only = css_only;
                        next.index_only = index_only;
                    }
                    Outcome::Failed(e) => next.error = Some(e.render(next.lang)),
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
        msg!(
            "serve-cannot-listen",
            address = addr.to_string(),
            error = &e
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

/// Reads a number of seconds (`5`, `0.5`); more than zero.
pub(crate) fn parse_seconds(value: &str) -> Result<Duration, crate::i18n::Message> {
    value
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|s| *s > 0.0)
        .and_then(|s| Duration::try_from_secs_f64(s).ok())
        .ok_or_else(|| msg!("cli-bad-seconds", value = value))
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
