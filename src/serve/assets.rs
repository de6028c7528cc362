//! The web page: one HTML shell for every page address, its script and its style sheet,
//! compiled into the binary (plain files, no build step). The page loads nothing from
//! elsewhere: a Content-Security-Policy allows only the server's own scripts, styles and
//! API, and forbids framing.

use super::error::ApiPath;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

const INDEX: &str = include_str!("assets/index.html");
const SCRIPT: &str = include_str!("assets/app.js");
const STYLE: &str = include_str!("assets/app.css");
const ICON: &str = include_str!("assets/icon.svg");

const POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                      connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// The page shell: `GET /` and `GET /pair/{id}`.
pub async fn page() -> Response {
    let mut response =
        ([(header::CONTENT_TYPE, "text/html; charset=utf-8"), (header::CACHE_CONTROL, "no-cache")], INDEX)
            .into_response();
    response.headers_mut().insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(POLICY));
    response
}

/// `GET /pair/{id}`: the same shell (the script reads the address).
pub async fn pair_page(ApiPath(_id): ApiPath<String>) -> Response {
    page().await
}

/// `GET /assets/{name}`.
pub async fn asset(ApiPath(name): ApiPath<String>) -> Response {
    let (body, kind) = match name.as_str() {
        "app.js" => (SCRIPT, "text/javascript; charset=utf-8"),
        "app.css" => (STYLE, "text/css; charset=utf-8"),
        "icon.svg" => (ICON, "image/svg+xml"),
        _ => return super::error::ApiError::not_found(format!("no asset '{name}'")).into_response(),
    };
    ([(header::CONTENT_TYPE, kind), (header::CACHE_CONTROL, "no-cache")], body).into_response()
}
