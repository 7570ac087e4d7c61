//! One connection: driven by hyper, watched for slow clients.

use super::*;

pub(super) type Http1 = hyper::server::conn::http1::Builder;

/// The HTTP/1 settings of every connection. hyper's header read timeout
/// runs from the moment a connection is ready for a request head until
/// that head is read, the wait for it included: here it is the idle
/// timeout, and the watchdog ([`Clock`]) keeps the shorter limit on the
/// head itself.
pub(super) fn http1_builder(timeouts: Timeouts) -> Arc<Http1> {
    let mut http = Http1::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(timeouts.idle.max(timeouts.head))
        .keep_alive(true);
    Arc::new(http)
}

/// Serves one connection until it closes, its watchdog finds it stuck, or
/// the server stops (then it may finish its request until it is dropped).
pub(super) async fn connection(
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
pub(super) struct Clock {
    pub(super) opened: Instant,
    pub(super) head: AtomicU64,
    pub(super) stalled: AtomicU64,
    pub(super) changed: Notify,
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
pub(super) struct Watched {
    pub(super) inner: TcpStream,
    pub(super) clock: Arc<Clock>,
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
