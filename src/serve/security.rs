//! Who may call the server, checked before any route runs.
//!
//! - On loopback (the default) a request must name a loopback host (`localhost`,
//!   `127.0.0.1`, `[::1]`) in its `Host` header, so a web page elsewhere cannot reach the
//!   server through a DNS name pointed at 127.0.0.1.
//! - A request that changes something and carries an `Origin` must come from the
//!   server's own origin.
//! - With a token (required when listening beyond loopback) every request must carry it:
//!   the `X-Sverka-Token` header, `Authorization: Bearer TOKEN`, or the `sverka_token`
//!   cookie. Opening any page with `?token=TOKEN` sets the cookie and redirects to the
//!   address without it.
//!
//! Every answer gets `X-Content-Type-Options: nosniff` and `Referrer-Policy: no-referrer`.

use super::error::ApiError;
use super::state::App;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

/// The cookie that carries the token.
pub const COOKIE: &str = "sverka_token";

/// The middleware.
pub async fn guard(State(app): State<Arc<App>>, req: Request, next: Next) -> Response {
    let mut response = match admit(&app, &req) {
        Ok(None) => next.run(req).await,
        Ok(Some(redirect)) => redirect,
        Err(err) => err.into_response(),
    };
    let headers = response.headers_mut();
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    response
}

/// `Ok(None)` to go on, `Ok(Some(response))` to answer at once (the token redirect).
fn admit(app: &App, req: &Request) -> Result<Option<Response>, ApiError> {
    let headers = req.headers();
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    if app.options.loopback_only && host.is_some_and(|h| !is_loopback_host(h)) {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "this server answers only requests addressed to localhost or 127.0.0.1",
        ));
    }
    let changes = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if changes && !same_origin(headers, host) {
        return Err(ApiError::new(StatusCode::FORBIDDEN, "requests from other sites are not accepted"));
    }
    let Some(token) = app.options.token.as_deref() else { return Ok(None) };
    if let Some(given) = query_token(req.uri().query()) {
        if !equal(given.as_bytes(), token.as_bytes()) {
            return Err(unauthorized());
        }
        let cookie = format!("{COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict");
        let to = req.uri().path().to_string();
        let mut response = (StatusCode::SEE_OTHER, [(header::LOCATION, to)]).into_response();
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            response.headers_mut().insert(header::SET_COOKIE, value);
        }
        return Ok(Some(response));
    }
    if presented(headers).is_some_and(|t| equal(t.as_bytes(), token.as_bytes())) {
        Ok(None)
    } else {
        Err(unauthorized())
    }
}

fn unauthorized() -> ApiError {
    ApiError::new(
        StatusCode::UNAUTHORIZED,
        "this server needs its access token: open the address sverka printed when it started (with \
         ?token=…), or send the X-Sverka-Token header",
    )
}

/// Whether a `Host` header names a loopback host (any port).
fn is_loopback_host(host: &str) -> bool {
    let name = if let Some(rest) = host.strip_prefix('[') {
        rest.split(']').next().unwrap_or("")
    } else {
        host.rsplit_once(':')
            .map_or(host, |(name, port)| if port.bytes().all(|b| b.is_ascii_digit()) { name } else { host })
    };
    matches!(name.to_ascii_lowercase().as_str(), "localhost" | "127.0.0.1" | "::1")
}

/// Whether the request has no `Origin`, or one whose host is the `Host` header's.
fn same_origin(headers: &HeaderMap, host: Option<&str>) -> bool {
    let Some(origin) = headers.get(header::ORIGIN).and_then(|o| o.to_str().ok()) else { return true };
    let origin_host = origin.split_once("://").map_or("", |(_, rest)| rest).trim_end_matches('/');
    host.is_some_and(|h| h.eq_ignore_ascii_case(origin_host))
}

/// The `token` parameter of a query string.
fn query_token(query: Option<&str>) -> Option<&str> {
    query?.split('&').find_map(|kv| kv.strip_prefix("token="))
}

/// The token a request presents in a header or the cookie.
fn presented(headers: &HeaderMap) -> Option<String> {
    if let Some(t) = headers.get("x-sverka-token").and_then(|v| v.to_str().ok()) {
        return Some(t.trim().to_string());
    }
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    if let Some(t) = bearer {
        return Some(t.trim().to_string());
    }
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|kv| {
            let (k, v) = kv.trim().split_once('=')?;
            (k == COOKIE).then(|| v.to_string())
        })
}

/// Compares two byte strings in time that depends only on their lengths.
fn equal(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A new random token: 32 hexadecimal digits from the operating system's generator.
///
/// # Errors
/// When the system has no random source.
pub fn new_token() -> crate::Result<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes)
        .map_err(|e| crate::Error::Invalid(format!("no random source for the token: {e}")))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_hosts() {
        for (host, ok) in [
            ("localhost:8787", true),
            ("127.0.0.1:8787", true),
            ("[::1]:8787", true),
            ("LOCALHOST", true),
            ("evil.example:8787", false),
            ("127.0.0.1.evil.example", false),
            ("10.0.0.5:8787", false),
        ] {
            assert_eq!(is_loopback_host(host), ok, "{host}");
        }
    }

    #[test]
    fn tokens_are_random_hex_and_compared_whole() {
        let (a, b) = (new_token().expect("token"), new_token().expect("token"));
        assert_eq!(a.len(), 32);
        assert_ne!(a, b);
        assert!(equal(b"abc", b"abc") && !equal(b"abc", b"abd") && !equal(b"abc", b"ab"));
        assert_eq!(query_token(Some("a=1&token=xyz")), Some("xyz"));
    }
}
