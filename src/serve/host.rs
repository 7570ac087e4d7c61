//! Which host names the preview answers, and the gate every request passes:
//! DNS rebinding is refused, and so is any method but GET and HEAD.

use super::*;

/// Which host names the server answers: `localhost`, `127.0.0.1`, `[::1]`
/// and the address it is bound to (any IP address when bound to all of
/// them, `0.0.0.0` or `::`), with any port, and what `--allow-host` adds.
/// Anything else may be a name an attacker's DNS points at this machine
/// (DNS rebinding), through which a page on the internet could read the
/// preview. An IP address cannot be rebound.
#[derive(Debug, Clone, Default)]
pub(super) struct Hosts {
    pub(super) any: bool,
    pub(super) any_ip: bool,
    /// Exact names, lower case, without port; IPv6 addresses in brackets.
    pub(super) names: Vec<String>,
    /// `.example.local`: that name and every name under it.
    pub(super) domains: Vec<String>,
}

impl Hosts {
    pub(super) fn new(bind: IpAddr, allowed: &[String]) -> Hosts {
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

pub(super) fn is_ip_literal(host: &str) -> bool {
    host.parse::<std::net::Ipv4Addr>().is_ok()
        || host
            .strip_prefix('[')
            .and_then(|h| h.strip_suffix(']'))
            .is_some_and(|h| h.parse::<std::net::Ipv6Addr>().is_ok())
}

/// The host name of a `Host` value (or of a `--allow-host` argument):
/// lower case, without the port or a final dot; `None` unless it is a
/// plausible name or address.
pub(super) fn host_name(value: &str) -> Option<String> {
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
pub(crate) fn parse_allowed_host(value: &str) -> Result<String, crate::i18n::Message> {
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
        _ => Err(crate::msg!("cli-bad-host", value = value)),
    }
}

/// What the host and method checks need.
pub(super) struct Gate {
    pub(super) hosts: Hosts,
    /// The names already told about.
    pub(super) refused: Mutex<HashSet<String>>,
    pub(super) tell: Tell,
}

/// Why a request is not answered.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Refusal {
    /// No usable `Host` (RFC 9112 §3.2): 400.
    BadHost,
    /// A host this server does not answer: 403.
    Host(String),
}

/// The host a request names: the authority of an absolute target (which
/// wins over `Host`), else its one `Host` header. An HTTP/1.0 request
/// without `Host` is answered: no browser sends one, so it cannot come
/// from a web page; HTTP/1.1 requires it.
pub(super) fn check_host(request: &Request, hosts: &Hosts) -> Result<(), Refusal> {
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
pub(super) async fn guard(
    State(gate): State<Arc<Gate>>,
    request: Request,
    next: Next,
) -> Response<Body> {
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
pub(super) fn refused_page(host: &str) -> String {
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

pub(super) fn text_response(status: StatusCode, text: &'static str) -> Response<Body> {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        text,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

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
