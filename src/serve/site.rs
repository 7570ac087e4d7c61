//! Answering from the last good build: files, the 404 page, the live-reload
//! script and its event stream.

use super::*;

/// The state each page is told about, as JSON.
pub(super) fn state_json(s: &Snapshot) -> String {
    serde_json::json!({
        "build": s.build,
        "error": s.error,
        "css_only": s.css_only,
        "index_only": s.index_only,
    })
    .to_string()
}

pub(super) async fn events(
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

pub(super) async fn site_file(State(rx): State<Shared>, uri: Uri) -> Response<Body> {
    let snap = rx.borrow().clone();
    if snap.build == 0 {
        // The first build failed: there is no site yet, only the error.
        let message = snap
            .error
            .clone()
            .unwrap_or_else(|| msg!("serve-page-building").render(snap.lang));
        let escaped = message
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        let html = format!(
            "<!DOCTYPE html><html lang=\"{}\"><meta charset=\"utf-8\"><title>{}</title><body><h1>{}</h1><pre>{}</pre></body></html>",
            snap.lang.code(),
            msg!("serve-page-error-title").render(snap.lang),
            msg!("serve-page-error-heading").render(snap.lang),
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

pub(super) async fn read(source: &Source, roots: &[PathBuf]) -> std::io::Result<Vec<u8>> {
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
pub(super) async fn inside(real: &Path, roots: &[PathBuf]) -> bool {
    for root in roots {
        if let Ok(root) = tokio::fs::canonicalize(root).await
            && real.starts_with(&root)
        {
            return true;
        }
    }
    false
}

pub(super) async fn not_found(snap: &Snapshot) -> Response<Body> {
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

pub(super) fn file_response(key: &str, bytes: Vec<u8>, snap: &Snapshot) -> Response<Body> {
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

pub(super) fn html_response(status: StatusCode, body: Vec<u8>) -> Response<Body> {
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body,
    )
        .into_response()
}

/// Adds the live-reload script before `</body>` (or at the end).
pub(super) fn inject(mut html: Vec<u8>, snap: &Snapshot) -> Vec<u8> {
    let heading = serde_json::to_string(&msg!("serve-overlay-heading").render(snap.lang))
        .expect("a string is JSON");
    let script = RELOAD_SCRIPT
        .replace("__BUILD__", &snap.build.to_string())
        .replace("__HEADING__", &heading);
    let at = find_last(&html, b"</body>").unwrap_or(html.len());
    html.splice(at..at, script.into_bytes());
    html
}

pub(super) fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .rposition(|w| w.eq_ignore_ascii_case(needle))
}

/// Listens for builds: reloads on a new build, swaps stylesheets when only
/// CSS changed, reloads only the search page when only the search index
/// changed, and shows (then removes) an overlay with the build error.
pub(super) const RELOAD_SCRIPT: &str = r#"<script data-campaign-live-reload>
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
      h.textContent = __HEADING__;
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
      else if (s.index_only && s.build === build + 1 && !document.querySelector("[data-search-results]")) build = s.build;
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
}
