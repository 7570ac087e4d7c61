//! `campaign serve` against hostile or careless clients: host names an
//! attacker's DNS points at this machine (DNS rebinding), connections that
//! send nothing or one byte at a time, a stop while a request is half
//! sent, and methods a static preview has no use for.
//!
//! The real binary runs on the fixture site of `common/server.rs`; the
//! tests speak raw HTTP/1 over loopback so that they can send exactly the
//! bytes a browser, a tool or an attacker would. Every wait polls up to a
//! deadline; the only sleeps are the slowness being simulated.

#[path = "common/server.rs"]
mod server;

use std::io::{ErrorKind, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use server::*;

const POST: &str = "/2024/tin-tuc/mot/";
const POST_FILE: &str = "content/2024/news/mot.md";

fn serve(site: &Site, extra: &[&str]) -> Proc {
    Proc::serve(site, extra, &[])
}

// ---------------------------------------------------------------------------
// Raw HTTP
// ---------------------------------------------------------------------------

fn connect(port: u16) -> TcpStream {
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let stream = TcpStream::connect_timeout(&addr, Duration::from_secs(10)).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    stream
}

/// Sends `request` as it is and reads the answer until the server closes
/// (requests here say `Connection: close`, or are HTTP/1.0).
fn exchange(port: u16, request: &str) -> Response {
    let mut stream = connect(port);
    stream.write_all(request.as_bytes()).unwrap();
    let mut raw = Vec::new();
    stream
        .read_to_end(&mut raw)
        .unwrap_or_else(|e| panic!("reading the answer to {request:?}: {e}"));
    parse(&raw).unwrap_or_else(|| {
        panic!(
            "no HTTP answer to {request:?}: {:?}",
            String::from_utf8_lossy(&raw)
        )
    })
}

/// A whole answer: head and (not chunked) body.
fn parse(raw: &[u8]) -> Option<Response> {
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines.next()?.split_whitespace().nth(1)?.parse().ok()?;
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    Some(Response {
        status,
        headers,
        body: raw[split + 4..].to_vec(),
    })
}

/// A GET of `path` that names `host`.
fn get_as(port: u16, host: &str, path: &str) -> Response {
    exchange(
        port,
        &format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"),
    )
}

/// Only the status line and headers of a GET of `path` (for the event
/// stream, which never ends).
fn head_of_get(port: u16, host: &str, path: &str) -> Response {
    let mut stream = connect(port);
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    let mut buf = [0; 4096];
    while !raw.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = stream.read(&mut buf).expect("the head of the answer");
        assert!(n > 0, "closed before a head: {raw:?}");
        raw.extend_from_slice(&buf[..n]);
    }
    parse(&raw).unwrap()
}

/// Waits until the server closes `stream` (end of file or reset) and
/// returns how long that took from `since`; panics after `limit`. Bytes
/// the server sends are returned too.
fn wait_closed(stream: &mut TcpStream, since: Instant, limit: Duration) -> (Duration, Vec<u8>) {
    let mut got = Vec::new();
    let mut buf = [0; 65536];
    loop {
        let left = limit.saturating_sub(since.elapsed());
        assert!(
            !left.is_zero(),
            "the server kept the connection open for {limit:?} (got {:?})",
            String::from_utf8_lossy(&got)
        );
        stream.set_read_timeout(Some(left)).unwrap();
        match stream.read(&mut buf) {
            Ok(0) => return (since.elapsed(), got),
            Ok(n) => got.extend_from_slice(&buf[..n]),
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
            Err(_) => return (since.elapsed(), got),
        }
    }
}

// ---------------------------------------------------------------------------
// 1. Host names (DNS rebinding)
// ---------------------------------------------------------------------------

#[test]
fn a_foreign_host_name_gets_403_saying_why_and_how_to_allow_it() {
    let site = Site::fixture();
    let mut s = serve(&site, &[]);
    for path in ["/", POST, "/note.txt", "/__campaign/events"] {
        let r = get_as(s.port, "evil.example", path);
        assert_eq!(r.status, 403, "{path}: {}", r.text());
        assert!(r.content_type().starts_with("text/html"), "{path}");
        let page = r.text();
        assert!(
            !page.contains(SITE_TITLE) && !page.contains("NOTE-OK"),
            "{page}"
        );
        assert!(!page.contains("data-campaign-live-reload"), "{page}");
        // Vietnamese first, English below, both with the exact flag.
        let vi = page
            .find("Bản xem trước không trả lời tên máy")
            .expect(&page);
        let en = page
            .find("This preview does not answer the host name")
            .expect(&page);
        assert!(vi < en, "{page}");
        assert_eq!(
            page.matches("campaign serve --allow-host evil.example")
                .count(),
            2,
            "{page}"
        );
        assert!(page.contains("DNS rebinding"), "{page}");
    }
    // With its port, in capitals, and as an absolute request target (which
    // wins over Host).
    assert_eq!(get_as(s.port, "EVIL.example:2503", "/").status, 403);
    let absolute = exchange(
        s.port,
        "GET http://evil.example/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
    );
    assert_eq!(absolute.status, 403);
    for lookalike in [
        "localhost.evil.example",
        "127.0.0.1.evil.example",
        "evil-localhost",
        "10.0.0.7",
    ] {
        assert_eq!(get_as(s.port, lookalike, "/").status, 403, "{lookalike}");
    }
    let head = exchange(
        s.port,
        "HEAD / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n",
    );
    assert_eq!(head.status, 403);
    assert!(head.body.is_empty());
    // The terminal says it too, once per name (stderr is read on its own
    // thread: wait for the line, then count).
    s.wait_line("the refusal's warning", 0, |l| {
        l.stderr && l.text.contains("--allow-host evil.example")
    });
    let warned: Vec<String> = s
        .lines()
        .into_iter()
        .filter(|l| l.stderr && l.text.contains("--allow-host evil.example"))
        .map(|l| l.text)
        .collect();
    assert_eq!(warned.len(), 1, "{}", s.transcript());
}

#[test]
fn this_machines_names_are_answered_with_or_without_the_port() {
    let site = Site::fixture();
    let s = serve(&site, &[]);
    let port = s.port;
    for host in [
        "localhost".to_owned(),
        format!("localhost:{port}"),
        "LocalHost".to_owned(),
        "127.0.0.1".to_owned(),
        format!("127.0.0.1:{port}"),
        "[::1]".to_owned(),
        format!("[::1]:{port}"),
        // A tunnel (ssh -L 8080:localhost:2503) keeps the name, not the port.
        "localhost:8080".to_owned(),
    ] {
        let r = get_as(port, &host, POST);
        assert_eq!(r.status, 200, "{host}");
        assert!(r.text().contains("Bài một ban đầu"), "{host}");
        let events = head_of_get(port, &host, "/__campaign/events");
        assert_eq!(events.status, 200, "{host}");
        assert!(events.content_type().starts_with("text/event-stream"));
    }
    assert!(
        !s.lines().iter().any(|l| l.text.contains("warning")),
        "{}",
        s.transcript()
    );
}

#[test]
fn allow_host_adds_names_and_domains_and_a_star_allows_any() {
    let site = Site::fixture();
    let s = serve(
        &site,
        &[
            "--allow-host",
            "ten-may.local",
            "--allow-host",
            ".example.local",
        ],
    );
    for host in [
        "ten-may.local".to_owned(),
        format!("ten-may.local:{}", s.port),
        "example.local".to_owned(),
        "may-chu.example.local".to_owned(),
        "localhost".to_owned(),
    ] {
        assert_eq!(get_as(s.port, &host, "/").status, 200, "{host}");
    }
    for host in ["evil.example", "x.ten-may.local", "badexample.local"] {
        assert_eq!(get_as(s.port, host, "/").status, 403, "{host}");
    }
    drop(s);

    let any = serve(&site, &["--allow-host", "*"]);
    let r = get_as(any.port, "evil.example", POST);
    assert_eq!(r.status, 200);
    assert!(r.text().contains("Bài một ban đầu"));
}

#[test]
fn a_wrong_allow_host_is_a_command_line_error() {
    let site = Site::fixture();
    for bad in ["", "a b", "http://ten-may.local/", "ten-may.local:80x"] {
        let out = site.run(&["serve", "--port", "0", "--allow-host", bad]);
        assert_eq!(out.status.code(), Some(2), "{bad:?}: {out:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("--allow-host"), "{err}");
        assert!(err.contains("not a host name"), "{err}");
    }
}

#[test]
fn bound_to_every_address_any_ip_is_answered_but_no_other_name() {
    let site = Site::fixture();
    let s = serve(&site, &["--bind", "0.0.0.0"]);
    for host in [
        "10.1.2.3:2503",
        "192.168.1.5",
        "[fe80::1]:2503",
        "localhost",
    ] {
        assert_eq!(get_as(s.port, host, "/").status, 200, "{host}");
    }
    assert_eq!(get_as(s.port, "evil.example", "/").status, 403);
}

#[test]
fn a_missing_host_is_answered_on_http_1_0_only() {
    let site = Site::fixture();
    let s = serve(&site, &[]);
    // No browser sends a request without Host, so it cannot come from a
    // web page: old HTTP/1.0 tools get the page.
    let old = exchange(s.port, "GET / HTTP/1.0\r\n\r\n");
    assert_eq!(old.status, 200);
    assert!(old.text().contains(SITE_TITLE));
    // HTTP/1.1 requires exactly one Host (RFC 9112, 3.2).
    for request in [
        "GET / HTTP/1.1\r\nConnection: close\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: localhost\r\nHost: evil.example\r\nConnection: close\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: evil example\r\nConnection: close\r\n\r\n",
    ] {
        let r = exchange(s.port, request);
        assert_eq!(r.status, 400, "{request:?}");
        assert!(!r.text().contains(SITE_TITLE));
    }
}

// ---------------------------------------------------------------------------
// 2. Slow clients
// ---------------------------------------------------------------------------

#[test]
fn a_connection_that_sends_nothing_or_trickles_its_head_is_closed() {
    let site = Site::fixture();
    let s = serve(&site, &[]);
    let opened = Instant::now();
    let mut silent = connect(s.port);
    let (took, got) = wait_closed(&mut silent, opened, Duration::from_secs(15));
    println!("a silent connection was closed after {took:.2?}");
    assert!(got.is_empty(), "{got:?}");
    assert!(took >= Duration::from_secs(4), "closed too soon: {took:?}");

    // One header byte every 2 s: never a whole head.
    let mut trickle = connect(s.port);
    trickle.set_nonblocking(true).unwrap();
    let opened = Instant::now();
    let head = b"GET / HTTP/1.1\r\nHost: localhost\r\nUser-Agent: slow";
    let mut closed = None;
    'sending: for byte in head.iter().cycle() {
        if trickle.write_all(&[*byte]).is_err() {
            closed = Some(opened.elapsed());
            break;
        }
        let tick = Instant::now();
        while tick.elapsed() < Duration::from_secs(2) {
            match trickle.read(&mut [0; 256]) {
                Err(e) if e.kind() == ErrorKind::WouldBlock => {}
                Ok(n) if n > 0 => panic!("the server answered a partial head ({n} bytes)"),
                _ => {
                    closed = Some(opened.elapsed());
                    break 'sending;
                }
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        assert!(
            opened.elapsed() < Duration::from_secs(20),
            "a trickling head was never cut off"
        );
    }
    let took = closed.unwrap();
    println!("a head sent one byte every 2 s was cut off after {took:.2?}");
    assert!(took < Duration::from_secs(10), "{took:?}");
}

#[test]
fn a_kept_alive_connection_may_idle_longer_than_a_head_but_not_forever() {
    let site = Site::fixture();
    let s = serve(&site, &["--idle-timeout", "8"]);
    let mut stream = connect(s.port);
    let ask = |stream: &mut TcpStream| {
        stream
            .write_all(b"GET /note.txt HTTP/1.1\r\nHost: localhost\r\n\r\n")
            .unwrap();
        let mut raw = Vec::new();
        let mut buf = [0; 4096];
        while !String::from_utf8_lossy(&raw).contains("NOTE-OK") {
            let n = stream
                .read(&mut buf)
                .expect("an answer on the kept-alive connection");
            assert!(n > 0, "closed: {}", String::from_utf8_lossy(&raw));
            raw.extend_from_slice(&buf[..n]);
        }
        parse(&raw).unwrap().status
    };
    assert_eq!(ask(&mut stream), 200);
    // Longer than the 5 s a head may take: idle is not a slow head.
    std::thread::sleep(Duration::from_secs(6));
    assert_eq!(ask(&mut stream), 200);
    let idle = Instant::now();
    let (took, _) = wait_closed(&mut stream, idle, Duration::from_secs(20));
    println!("an idle kept-alive connection was closed after {took:.2?} (--idle-timeout 8)");
    assert!(took >= Duration::from_secs(7), "{took:?}");
}

#[test]
fn the_live_reload_stream_outlives_every_timeout() {
    let site = Site::fixture();
    let mut s = serve(&site, &["--head-timeout", "1", "--idle-timeout", "2"]);
    let events = Events::open(s.port);
    let first = events.wait(&mut s, "the state at connect", 0, |_| true);
    std::thread::sleep(Duration::from_secs(5));
    site.write(
        POST_FILE,
        post("Sửa sau 5 giây", "2024-03-14", "Luồng vẫn mở."),
    );
    let next = events.wait(&mut s, "a new build on the same stream", 0, |e| {
        build_of(e) > build_of(&first)
    });
    assert!(error_of(&next).is_none(), "{next}");
}

#[test]
fn a_response_the_client_stops_reading_is_dropped_after_the_idle_timeout() {
    let site = Site::fixture();
    // Far more than the socket buffers of loopback hold.
    let size = 24 << 20;
    site.write("content/static/big.bin", vec![7u8; size]);
    let s = serve(&site, &["--idle-timeout", "2"]);
    let mut stream = connect(s.port);
    stream
        .write_all(b"GET /big.bin HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .unwrap();
    let mut first = vec![0; 64 << 10];
    let n = stream.read(&mut first).unwrap();
    let answer = parse(&first[..n]).expect("a response head");
    assert_eq!(answer.status, 200);
    assert_eq!(
        answer.header("content-length"),
        Some(size.to_string().as_str())
    );
    // A client that reads nothing more.
    std::thread::sleep(Duration::from_secs(6));
    let mut rest = Vec::new();
    let _ = stream.read_to_end(&mut rest);
    let got = answer.body.len() + rest.len();
    println!("a stalled download was dropped after {got} of {size} bytes");
    assert!(got < size, "the whole file came through");
}

/// Soft limit on open files of this process (and of the servers it starts).
fn open_file_limit() -> Option<u64> {
    let limits = std::fs::read_to_string("/proc/self/limits").ok()?;
    let line = limits.lines().find(|l| l.starts_with("Max open files"))?;
    line.split_whitespace().nth(3)?.parse().ok()
}

/// Makes room for `wanted` open files in this process (the server
/// inherits it), raising the soft limit with `prlimit` if it can; returns
/// how many connections the test can open.
fn room_for(wanted: u64) -> u64 {
    let margin = 200; // the other tests' servers and pipes, the binary's own files
    let need = 2 * wanted + margin;
    if open_file_limit().is_some_and(|l| l < need) {
        let _ = std::process::Command::new("prlimit")
            .arg(format!("--pid={}", std::process::id()))
            .arg(format!("--nofile={need}:"))
            .status();
    }
    match open_file_limit() {
        Some(l) if l < need => {
            let fit = l.saturating_sub(margin) / 2;
            println!("open files limited to {l}: {fit} slow connections instead of {wanted}");
            fit
        }
        _ => wanted,
    }
}

/// Connections that send one byte of a request head every 2 s, from one
/// thread, noting when the server closes each.
struct Slow {
    closed: Arc<Mutex<Vec<Option<Instant>>>>,
    done: Arc<AtomicBool>,
}

impl Drop for Slow {
    fn drop(&mut self) {
        self.done.store(true, Ordering::SeqCst);
    }
}

impl Slow {
    fn open(port: u16, count: usize) -> Slow {
        let streams: Vec<TcpStream> = (0..count)
            .map(|_| {
                let s = connect(port);
                s.set_nonblocking(true).unwrap();
                s
            })
            .collect();
        let closed = Arc::new(Mutex::new(vec![None; count]));
        let done = Arc::new(AtomicBool::new(false));
        let (marks, stop) = (closed.clone(), done.clone());
        std::thread::spawn(move || {
            let head = b"GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: ";
            let mut streams = streams;
            let mut sent = 0;
            let mut last_write = Instant::now() - Duration::from_secs(2);
            while !stop.load(Ordering::SeqCst) {
                let write = last_write.elapsed() >= Duration::from_secs(2);
                if write {
                    last_write = Instant::now();
                }
                let byte = head.get(sent).copied().unwrap_or(b'x');
                for (i, stream) in streams.iter_mut().enumerate() {
                    if marks.lock().unwrap()[i].is_some() {
                        continue;
                    }
                    let gone = match stream.read(&mut [0; 256]) {
                        Ok(0) => true,
                        Ok(_) => false,
                        Err(e) => e.kind() != ErrorKind::WouldBlock,
                    } || (write && stream.write_all(&[byte]).is_err());
                    if gone {
                        marks.lock().unwrap()[i] = Some(Instant::now());
                    }
                }
                if write {
                    sent += 1;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        });
        Slow { closed, done }
    }

    fn open_count(&self) -> usize {
        self.closed
            .lock()
            .unwrap()
            .iter()
            .filter(|c| c.is_none())
            .count()
    }
}

#[test]
fn a_normal_request_is_answered_fast_while_300_slow_connections_are_open() {
    let count = room_for(300) as usize;
    let site = Site::fixture();
    let s = serve(&site, &[]);
    assert_eq!(s.get("/").status, 200);
    let opened = Instant::now();
    let slow = Slow::open(s.port, count);
    // Every slow connection is open and has started its head.
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(slow.open_count(), count);

    let mut times = Vec::new();
    for _ in 0..7 {
        let started = Instant::now();
        let r = get(s.port, POST).expect("GET while slow connections are open");
        times.push(started.elapsed());
        assert_eq!(r.status, 200);
        assert!(r.text().contains("Bài một ban đầu"));
    }
    assert_eq!(
        slow.open_count(),
        count,
        "slow connections closed before their time"
    );
    let mut sorted = times.clone();
    sorted.sort();
    println!(
        "GET {POST} with {count} slow connections open: {:?} (median {:.2?}, max {:.2?})",
        times,
        sorted[sorted.len() / 2],
        sorted[sorted.len() - 1]
    );
    assert!(
        sorted[sorted.len() / 2] < Duration::from_millis(100),
        "{times:?}"
    );
    assert!(
        sorted[sorted.len() - 2] < Duration::from_millis(100),
        "{times:?}"
    );

    // None of them is kept: the head timeout (5 s) closes them all.
    while slow.open_count() > 0 {
        assert!(
            opened.elapsed() < Duration::from_secs(20),
            "{} of {count} slow connections still open after {:.1?}",
            slow.open_count(),
            opened.elapsed()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let last = slow
        .closed
        .lock()
        .unwrap()
        .iter()
        .flatten()
        .max()
        .copied()
        .unwrap();
    println!(
        "all {count} slow connections closed {:.2?} after they opened",
        last - opened
    );
}

/// How many TCP sockets on this machine are ESTABLISHED with `port` as
/// their local port: the server's side of its connections, those still
/// waiting in its listen queue included.
#[cfg(target_os = "linux")]
fn established_at(port: u16) -> usize {
    let mut count = 0;
    for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
        let Ok(text) = std::fs::read_to_string(table) else {
            continue;
        };
        for line in text.lines().skip(1) {
            let fields: Vec<&str> = line.split_whitespace().collect();
            let (Some(local), Some(state)) = (fields.get(1), fields.get(3)) else {
                continue;
            };
            let local_port = local
                .rsplit(':')
                .next()
                .and_then(|p| u16::from_str_radix(p, 16).ok());
            if local_port == Some(port) && *state == "01" {
                count += 1;
            }
        }
    }
    count
}

#[cfg(target_os = "linux")]
#[test]
fn connections_queued_while_the_server_is_out_of_files_are_closed_in_turn() {
    if std::process::Command::new("prlimit")
        .arg("--version")
        .output()
        .is_err()
    {
        println!("skipped: no prlimit to lower the server's open files");
        return;
    }
    let site = Site::fixture();
    let mut s = serve(&site, &[]);
    // The server may hold about 40 connections; 150 are opened, so most
    // wait in its listen queue, which it cannot drain while the first
    // ones hold every file it may open.
    let lowered = std::process::Command::new("prlimit")
        .arg(format!("--pid={}", s.pid))
        .arg("--nofile=64:")
        .status()
        .unwrap();
    assert!(lowered.success());
    let opened = Instant::now();
    let clients: Vec<TcpStream> = (0..150).map(|_| connect(s.port)).collect();
    s.wait_line("the warning that connections cannot be accepted", 0, |l| {
        l.stderr && l.text.contains("cannot accept connections")
    });
    // The clients hold their sockets open: only the server can end them.
    let mut most = 0;
    loop {
        let now = established_at(s.port);
        most = most.max(now);
        if now == 0 {
            break;
        }
        assert!(
            opened.elapsed() < Duration::from_secs(90),
            "{now} connections still ESTABLISHED after {:.0?}",
            opened.elapsed()
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    println!(
        "150 idle connections over a 64-file server (at most {most} ESTABLISHED at once) were all closed after {:.1?}",
        opened.elapsed()
    );
    assert!(most > 0);
    drop(clients);
    let r = s.wait_status("/", 200);
    assert!(r.text().contains(SITE_TITLE));
    let warnings = s
        .lines()
        .iter()
        .filter(|l| l.text.contains("cannot accept connections"))
        .count();
    assert_eq!(warnings, 1, "told once: {}", s.transcript());
}

// ---------------------------------------------------------------------------
// 3. Stopping
// ---------------------------------------------------------------------------

/// Whether process `pid` has exited (a zombie until reaped; gone after).
#[cfg(target_os = "linux")]
fn exited(pid: u32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => stat
            .rsplit_once(')')
            .is_some_and(|(_, rest)| rest.trim_start().starts_with('Z')),
        Err(_) => true,
    }
}

fn stops_within_2_s_with_a_half_sent_request(signal: &str) {
    let site = Site::fixture();
    let mut s = serve(&site, &[]);
    // A client half-way through a request head, a page listening for
    // reloads, and a kept-alive connection between two requests.
    let mut half = connect(s.port);
    half.write_all(b"GET / HTTP/1.1\r\nHost: 127.0").unwrap();
    let events = Events::open(s.port);
    events.wait(&mut s, "the state at connect", 0, |_| true);
    let mut kept = connect(s.port);
    kept.write_all(b"GET /note.txt HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .unwrap();
    let mut buf = [0; 4096];
    assert!(kept.read(&mut buf).unwrap() > 0);
    // A rebuild may be running when the signal lands: it must finish.
    site.write(
        POST_FILE,
        post("Sửa ngay trước khi dừng", "2024-03-14", "Thân."),
    );
    let mark = s.mark();
    let sent = Instant::now();
    s.signal(signal);
    #[cfg(target_os = "linux")]
    {
        while !exited(s.pid) {
            assert!(
                sent.elapsed() < Duration::from_secs(10),
                "SIG{signal}: still running after 10 s\n{}",
                s.transcript()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
        let took = sent.elapsed();
        println!("SIG{signal} with a half-sent request: exited after {took:.2?}");
        assert!(
            took < Duration::from_secs(2),
            "{took:?}\n{}",
            s.transcript()
        );
    }
    let status = s.wait_exit();
    assert!(status.success(), "{status}\n{}", s.transcript());
    assert!(
        s.lines()
            .iter()
            .skip(mark)
            .any(|l| !l.stderr && l.text.starts_with("Stopped")),
        "{}",
        s.transcript()
    );
    assert_output_complete(&site);
}

#[test]
fn sigterm_stops_within_2_s_even_with_a_half_sent_request() {
    stops_within_2_s_with_a_half_sent_request("TERM");
}

#[test]
fn ctrl_c_stops_within_2_s_even_with_a_half_sent_request() {
    stops_within_2_s_with_a_half_sent_request("INT");
}

/// `public/` is whole: every page ends, and no staging folder is left.
#[track_caller]
fn assert_output_complete(site: &Site) {
    for page in ["public/index.html", "public/2024/tin-tuc/mot/index.html"] {
        let text = site.read(page);
        assert!(text.trim_end().ends_with("</html>"), "{page}: {text}");
    }
    assert!(site.path("public/.campaign-output").exists());
    let mut left: Vec<String> = std::fs::read_dir(&site.root)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        // The cache of banners and share images is kept, as photos' is.
        .filter(|n| n != ".campaign-cache")
        .collect();
    left.sort();
    assert_eq!(left, ["content", "public"], "no staging folder left behind");
}

// ---------------------------------------------------------------------------
// 4. Methods
// ---------------------------------------------------------------------------

#[test]
fn only_get_and_head_are_answered() {
    let site = Site::fixture();
    let s = serve(&site, &[]);
    for method in ["POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE"] {
        for path in ["/", POST, "/note.txt", "/nope/", "/__campaign/events"] {
            let r = exchange(
                s.port,
                &format!(
                    "{method} {path} HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello"
                ),
            );
            assert_eq!(r.status, 405, "{method} {path}");
            assert_eq!(r.header("allow"), Some("GET, HEAD"), "{method} {path}");
            let text = r.text();
            assert!(
                !text.contains(SITE_TITLE) && !text.contains("NOTE-OK"),
                "{method} {path}: {text}"
            );
        }
    }
    // HEAD: the headers of GET, no body.
    for path in ["/", POST, "/note.txt"] {
        let full = get_as(s.port, "localhost", path);
        let head = exchange(
            s.port,
            &format!("HEAD {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
        );
        assert_eq!(head.status, 200, "HEAD {path}");
        assert!(head.body.is_empty(), "HEAD {path}: {}", head.text());
        assert_eq!(head.content_type(), full.content_type(), "HEAD {path}");
        assert_eq!(
            head.header("content-length"),
            Some(full.body.len().to_string().as_str()),
            "HEAD {path}"
        );
    }
}
