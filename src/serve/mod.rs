//! `sverka serve`: a local web app to review and correct alignments, and the JSON API it
//! uses (documented in `docs/serve.md`).
//!
//! A router of small JSON handlers over one shared [`App`] state: stateless alignment
//! and checking ([`align_api`]), the pairs of the served directory and their projects
//! ([`pair_api`], [`pairs`], [`project`]), the corrections ([`edit`]) and the checks run
//! again on what changed ([`recheck`]), the user glossary ([`glossary`]), and the page
//! itself ([`assets`], embedded). Every route answers JSON errors ([`error`]); a
//! guard admits requests ([`security`]); bodies are limited in size; a handler that
//! panics gets a 500 answer and the server goes on. [`run`] serves until its shutdown
//! future completes, then finishes the requests under way.

pub mod align_api;
pub mod assets;
pub mod edit;
pub mod error;
pub mod glossary;
pub mod pair_api;
pub mod pairs;
pub mod project;
pub mod recheck;
pub mod security;
pub mod source;
pub mod state;

pub use state::{App, ServeOptions};

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use std::sync::Arc;

/// The router of the whole app over `app`.
pub fn router(app: Arc<App>) -> Router {
    let api = Router::new()
        .route("/info", get(pair_api::info))
        .route("/align", post(align_api::align))
        .route("/check", post(align_api::check))
        .route("/glossary", get(pair_api::user_glossary))
        .route("/pairs", get(pair_api::list).post(pair_api::create))
        .route("/pairs/{id}", get(pair_api::get))
        .route("/pairs/{id}/edits", post(pair_api::edit))
        .route("/pairs/{id}/undo", post(pair_api::undo))
        .route("/pairs/{id}/redo", post(pair_api::redo))
        .route("/pairs/{id}/reset", post(pair_api::reset))
        .route("/pairs/{id}/findings", get(pair_api::findings))
        .route("/pairs/{id}/glossary", post(pair_api::glossary))
        .route("/pairs/{id}/export/{format}", get(pair_api::export))
        .fallback(error::not_found)
        .method_not_allowed_fallback(error::method_not_allowed);
    Router::new()
        .route("/", get(assets::page))
        .route("/pair/{id}", get(assets::pair_page))
        .route("/assets/{name}", get(assets::asset))
        .nest("/api", api)
        .fallback(error::not_found)
        .method_not_allowed_fallback(error::method_not_allowed)
        .layer(DefaultBodyLimit::max(app.options.max_body))
        .layer(axum::middleware::from_fn_with_state(app.clone(), security::guard))
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(error::panicked))
        .with_state(app)
}

/// Serves `app` on `listener` until `shutdown` completes, then lets the requests under
/// way finish.
///
/// # Errors
/// When the server fails to accept connections.
pub async fn run(
    listener: tokio::net::TcpListener,
    app: Arc<App>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router(app)).with_graceful_shutdown(shutdown).await
}
