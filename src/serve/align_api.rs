//! `POST /api/align` and `POST /api/check`: two texts in, the JSON report of
//! `sverka align --format json` / `sverka check --format json` out (with the findings;
//! the two routes answer alike). Nothing is stored. Alignments run on the blocking
//! pool, at most one per core at a time; the others wait their turn.

use super::error::{ApiError, ApiJson};
use super::source::SourceIn;
use super::state::App;
use crate::engine::RunOptions;
use crate::model::Lang;
use crate::report::{self, Format, RenderOptions};
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use std::sync::Arc;

/// The request body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlignRequest {
    /// Side A (usually the English).
    pub a: SourceIn,
    /// Side B (the original).
    pub b: SourceIn,
    /// Languages of A and B (default: detected).
    pub langs: Option<Vec<String>>,
    /// House-style profile (default: the server's).
    pub profile: Option<String>,
    /// Both texts hold one sentence per line.
    pub presegmented: Option<bool>,
}

/// `POST /api/align`.
pub async fn align(
    State(app): State<Arc<App>>,
    ApiJson(req): ApiJson<AlignRequest>,
) -> Result<Response, ApiError> {
    run(app, req).await
}

/// `POST /api/check`.
pub async fn check(
    State(app): State<Arc<App>>,
    ApiJson(req): ApiJson<AlignRequest>,
) -> Result<Response, ApiError> {
    run(app, req).await
}

async fn run(app: Arc<App>, req: AlignRequest) -> Result<Response, ApiError> {
    let (la, lb) = langs(req.langs.as_deref())?;
    let a = req.a.read("a")?;
    let b = req.b.read("b")?;
    let engine = app.engine(req.profile.as_deref())?;
    let permit = app.permit().await?;
    let json = tokio::task::spawn_blocking(move || -> Result<String, ApiError> {
        let _permit = permit;
        let presegmented = req.presegmented.unwrap_or(engine.config().segment.presegmented);
        let da = crate::engine::document(&a.text, la, presegmented);
        let db = crate::engine::document(&b.text, lb, presegmented);
        let report = engine.run(&da, &db, &RunOptions { mt_b: None, findings: true })?;
        Ok(report::render(&report, Format::Json, &RenderOptions::default()))
    })
    .await
    .map_err(|_| ApiError::internal("internal error: the alignment did not finish"))??;
    Ok(([(header::CONTENT_TYPE, "application/json")], json).into_response())
}

/// `langs` as two languages (`None` each when not given).
///
/// # Errors
/// 400 unless two language codes.
pub fn langs(langs: Option<&[String]>) -> Result<(Option<Lang>, Option<Lang>), ApiError> {
    let Some(langs) = langs else { return Ok((None, None)) };
    let parse = |code: &String| {
        Lang::parse(code).ok_or_else(|| {
            ApiError::bad_request(format!("\"langs\": '{code}' is not a language code such as en, ru or be"))
        })
    };
    match langs {
        [a, b] => Ok((Some(parse(a)?), Some(parse(b)?))),
        _ => Err(ApiError::bad_request("\"langs\" holds two language codes, e.g. [\"en\", \"ru\"]")),
    }
}
