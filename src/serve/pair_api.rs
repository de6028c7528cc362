//! The routes of the served directory's pairs: list and create pairs, open one (aligning
//! it the first time), correct it, undo and redo, wait for a full check, write the user
//! glossary from a finding, export, start over. Routes that change a pair take the
//! `version` the page last saw and answer 409 with the current one when another page
//! changed the pair meanwhile (nothing is applied then). Work on files and projects runs
//! on the blocking pool.

use super::edit::Op;
use super::error::{ApiError, ApiJson, ApiPath, ApiQuery};
use super::glossary::{Action, Spelling, entry_for};
use super::pairs::{self, PairFiles};
use super::project::{Checks, Project};
use super::source::SourceIn;
use super::state::{App, Shared, lock};
use crate::model::Lang;
use crate::report::Format;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::json;
use std::sync::Arc;
use std::time::Duration;

/// How long `GET …/findings` waits for a full check before answering with what it has.
const WAIT_FOR_CHECKS: Duration = Duration::from_secs(25);

/// Runs `f` on the blocking pool.
async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|_| ApiError::internal("internal error: the request did not finish"))?
}

fn json_response(status: StatusCode, body: String) -> Response {
    (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

/// `GET /api/pairs`: the pairs of the directory and whether each has a project file.
pub async fn list(State(app): State<Arc<App>>) -> Result<Response, ApiError> {
    blocking(move || {
        let pairs: Vec<serde_json::Value> = pairs::scan(&app.dir)
            .into_iter()
            .map(|p| {
                let saved = std::fs::symlink_metadata(app.dir.join(&p.folder).join(&p.project))
                    .is_ok_and(|m| m.file_type().is_file());
                json!({"id": p.id, "folder": p.folder, "a": p.a, "b": p.b, "lang_b": p.lang_b,
                       "project": p.project, "saved": saved})
            })
            .collect();
        let body = json!({
            "pairs": pairs,
            "glossary": super::glossary::FILE,
            "profile": app.options.config.check.profile,
        });
        Ok(json_response(StatusCode::OK, body.to_string()))
    })
    .await
}

/// The body of `POST /api/pairs`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewPair {
    /// The folder to create (default: from the first words of A).
    pub name: Option<String>,
    /// The English text.
    pub a: SourceIn,
    /// The original.
    pub b: SourceIn,
    /// `["en", LANG]`; B's language is detected when left out.
    pub langs: Option<Vec<String>>,
}

/// `POST /api/pairs`: a new pair folder `NAME/en.EXT` + `LANG.EXT` from pasted or
/// uploaded texts; answers 201 with its id.
pub async fn create(
    State(app): State<Arc<App>>,
    ApiJson(req): ApiJson<NewPair>,
) -> Result<Response, ApiError> {
    let (la, lb) = super::align_api::langs(req.langs.as_deref())?;
    if la.as_ref().is_some_and(|l| *l != Lang::en()) {
        return Err(ApiError::unprocessable(
            "A is the English text of the pair (a pair folder holds en.* and the original's LANG.*)",
        ));
    }
    let a = req.a.read("a")?;
    let b = req.b.read("b")?;
    let lb = match lb {
        Some(l) => l,
        None => crate::lang::detect(&b.text, &[]).filter(|l| *l != Lang::en()).ok_or_else(|| {
            ApiError::unprocessable("cannot tell the language of B: give \"langs\", e.g. [\"en\", \"ru\"]")
        })?,
    };
    if lb == Lang::en() {
        return Err(ApiError::unprocessable("B is the original; it cannot be English too"));
    }
    if let Some(name) = &req.name {
        if !pairs::safe_name(name) {
            return Err(ApiError::bad_request(format!(
                "'{name}' cannot be a folder name: use letters, digits, '-', '_' and '.', not starting with '.'"
            )));
        }
    }
    blocking(move || {
        let name = match req.name {
            Some(name) => name,
            None => free_name(&app.dir, &slug(&a.text)),
        };
        let target = app.dir.join(&name);
        if std::fs::symlink_metadata(&target).is_ok() {
            return Err(ApiError::conflict(format!("the served directory already has '{name}'")));
        }
        let tmp = tempfile::Builder::new().prefix(".sverka-new-").tempdir_in(&app.dir).map_err(|e| {
            ApiError::internal(format!("cannot create a folder in the served directory: {e}"))
        })?;
        let files = [
            (format!("en.{}", a.format.extension()), &a.bytes),
            (format!("{lb}.{}", b.format.extension()), &b.bytes),
        ];
        for (file, bytes) in files {
            std::fs::write(tmp.path().join(file), bytes)
                .map_err(|e| ApiError::internal(format!("cannot write the new pair: {e}")))?;
        }
        std::fs::rename(tmp.path(), &target)
            .map_err(|e| ApiError::conflict(format!("cannot create '{name}': {e}")))?;
        let id = format!("{name}:en:{lb}");
        Ok(json_response(StatusCode::CREATED, json!({ "id": id, "folder": name }).to_string()))
    })
    .await
}

/// Up to five lower-case words of the first line of `text` joined by `-`.
fn slug(text: &str) -> String {
    let words: Vec<String> = text
        .lines()
        .next()
        .unwrap_or("")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(5)
        .map(str::to_lowercase)
        .collect();
    let slug = words.join("-");
    if slug.is_empty() { "pair".to_string() } else { slug.chars().take(60).collect() }
}

/// `base`, or `base-2`, `base-3`… whichever the directory does not hold.
fn free_name(dir: &std::path::Path, base: &str) -> String {
    (1..)
        .map(|n| if n == 1 { base.to_string() } else { format!("{base}-{n}") })
        .find(|name| std::fs::symlink_metadata(dir.join(name)).is_err())
        .unwrap_or_else(|| base.to_string())
}

/// The pair `id` and its open project (aligned the first time), on the blocking pool.
fn open(app: &App, id: &str) -> Result<(PairFiles, Shared), ApiError> {
    let pair = pairs::find(&app.dir, id)?;
    let shared = app.project(&pair)?;
    Ok((pair, shared))
}

/// `GET /api/pairs/{id}`: the pair's state.
pub async fn get(State(app): State<Arc<App>>, ApiPath(id): ApiPath<String>) -> Result<Response, ApiError> {
    let permit = app.permit().await?;
    let worker = app.clone();
    let (body, shared) = blocking(move || {
        let _permit = permit;
        let (_, shared) = open(&worker, &id)?;
        let body = lock(&shared).state_json(true);
        Ok((body, shared))
    })
    .await?;
    app.check_in_background(&shared);
    Ok(json_response(StatusCode::OK, body))
}

/// The body of a change: the version the page saw.
#[derive(Debug, Deserialize)]
pub struct Versioned {
    /// The version the page showed.
    pub version: u64,
}

/// The body of `POST …/edits`: `{"version": 3, "op": "merge", "bead": 7}`.
#[derive(Debug, Deserialize)]
pub struct EditRequest {
    /// The version the page showed.
    pub version: u64,
    /// The correction.
    #[serde(flatten)]
    pub op: Op,
}

fn same_version(p: &Project, seen: u64) -> Result<(), ApiError> {
    if p.version == seen {
        return Ok(());
    }
    Err(ApiError::conflict(format!(
        "this pair was changed in another tab or window (it is at version {}, this page showed {seen}); \
         nothing was applied: the page now shows the latest state",
        p.version
    ))
    .with(json!({ "version": p.version })))
}

/// Applies `change` to the project of `id` after checking the version; answers the new
/// state (with the sentence texts when they changed).
async fn change(
    app: Arc<App>,
    id: String,
    seen: u64,
    change: impl FnOnce(&mut Project, &crate::glossary::Glossary) -> Result<(), ApiError> + Send + 'static,
) -> Result<Response, ApiError> {
    let worker = app.clone();
    let (body, shared) = blocking(move || {
        let (_, shared) = open(&worker, &id)?;
        let mut p = lock(&shared);
        same_version(&p, seen)?;
        let engine = worker.engine(p.profile.as_deref())?;
        let texts = p.text_version;
        change(&mut p, engine.glossary())?;
        let body = p.state_json(p.text_version != texts);
        drop(p);
        Ok((body, shared))
    })
    .await?;
    app.check_in_background(&shared);
    Ok(json_response(StatusCode::OK, body))
}

/// `POST /api/pairs/{id}/edits`.
pub async fn edit(
    State(app): State<Arc<App>>,
    ApiPath(id): ApiPath<String>,
    ApiJson(req): ApiJson<EditRequest>,
) -> Result<Response, ApiError> {
    change(app, id, req.version, move |p, g| p.edit(req.op, g)).await
}

/// `POST /api/pairs/{id}/undo`.
pub async fn undo(
    State(app): State<Arc<App>>,
    ApiPath(id): ApiPath<String>,
    ApiJson(req): ApiJson<Versioned>,
) -> Result<Response, ApiError> {
    change(app, id, req.version, |p, g| p.undo(g)).await
}

/// `POST /api/pairs/{id}/redo`.
pub async fn redo(
    State(app): State<Arc<App>>,
    ApiPath(id): ApiPath<String>,
    ApiJson(req): ApiJson<Versioned>,
) -> Result<Response, ApiError> {
    change(app, id, req.version, |p, g| p.redo(g)).await
}

/// The query of `GET …/findings`.
#[derive(Debug, Deserialize)]
pub struct FindingsQuery {
    /// The version whose full check to wait for.
    pub version: Option<u64>,
}

/// `GET /api/pairs/{id}/findings?version=V`: the findings, once a full check of version
/// `V` finished (or after a wait of 25 s, or at once when the pair moved past `V`).
pub async fn findings(
    State(app): State<Arc<App>>,
    ApiPath(id): ApiPath<String>,
    ApiQuery(q): ApiQuery<FindingsQuery>,
) -> Result<Response, ApiError> {
    let mut checked = app.checked();
    let deadline = tokio::time::Instant::now() + WAIT_FOR_CHECKS;
    loop {
        checked.borrow_and_update();
        let (worker, id2) = (app.clone(), id.clone());
        let (body, done) = blocking(move || {
            let (_, shared) = open(&worker, &id2)?;
            let p = lock(&shared);
            let done = p.checks == Checks::Complete || q.version.is_some_and(|v| v != p.version);
            let stats = crate::model::Stats::compute(&p.sides.0, &p.sides.1, &p.draft.beads, &p.findings);
            let body =
                json!({"version": p.version, "checks": p.checks, "findings": p.findings, "stats": stats});
            Ok((body.to_string(), done))
        })
        .await?;
        if done || tokio::time::timeout_at(deadline, checked.changed()).await.is_err() {
            return Ok(json_response(StatusCode::OK, body));
        }
    }
}

/// The body of `POST …/glossary`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryRequest {
    /// `house-spelling` or `variant`.
    pub action: Action,
    /// The finding: its `check`, `found` and `expected` (other fields are ignored).
    pub finding: Spelling,
}

/// `POST /api/pairs/{id}/glossary`: a row for the user glossary from a finding; the
/// pair is checked again with it. Answers the row and the new state.
pub async fn glossary(
    State(app): State<Arc<App>>,
    ApiPath(id): ApiPath<String>,
    ApiJson(req): ApiJson<GlossaryRequest>,
) -> Result<Response, ApiError> {
    blocking(move || {
        let (pair, shared) = open(&app, &id)?;
        let profile = lock(&shared).profile.clone();
        let engine = app.engine(profile.as_deref())?;
        let note =
            format!("added with sverka serve from a {} finding in {}", req.finding.check.name(), pair.id);
        let entry = entry_for(req.action, &req.finding, engine.glossary(), profile.as_deref(), note)?;
        let row = app.user_glossary().add(&entry)?;
        app.reload_glossary()?;
        let (_, shared) = open(&app, &id)?;
        let state = lock(&shared).state_json(false);
        let head = json!({"file": super::glossary::FILE, "row": row}).to_string();
        Ok(json_response(StatusCode::OK, format!("{},\"state\":{state}}}", &head[..head.len() - 1])))
    })
    .await
}

/// The query of an export.
#[derive(Debug, Deserialize)]
pub struct ExportQuery {
    /// TMX: keep 1-0 and 0-1 beads with an empty segment.
    pub keep_unaligned: Option<bool>,
}

/// `GET /api/pairs/{id}/export/{format}`: the corrected alignment as a download, in
/// `tmx`, `tsv`, `json`, `vecalign`, `html`, `ladder` or `text`.
pub async fn export(
    State(app): State<Arc<App>>,
    ApiPath((id, format)): ApiPath<(String, String)>,
    ApiQuery(q): ApiQuery<ExportQuery>,
) -> Result<Response, ApiError> {
    let format =
        Format::ALL.into_iter().find(|f| f.name() == format || f.extension() == format).ok_or_else(|| {
            ApiError::not_found(format!(
                "no export format '{format}'; use tmx, tsv, json, vecalign, html, ladder or text"
            ))
        })?;
    blocking(move || {
        let (pair, shared) = open(&app, &id)?;
        let body = lock(&shared).export(format, q.keep_unaligned.unwrap_or(false));
        let name = format!(
            "{}.{}-{}.{}",
            ascii(&pair.folder),
            ascii(pair.a_stem()),
            ascii(pair.b_stem()),
            format.extension()
        );
        let content_type = match format {
            Format::Tmx => "application/x-tmx+xml; charset=utf-8",
            Format::Json => "application/json",
            Format::Html => "text/html; charset=utf-8",
            Format::Tsv | Format::Bitext => "text/tab-separated-values; charset=utf-8",
            Format::Text | Format::Vecalign | Format::Ladder => "text/plain; charset=utf-8",
        };
        let disposition = format!("attachment; filename=\"{name}\"");
        Ok((
            [(header::CONTENT_TYPE, content_type.to_string()), (header::CONTENT_DISPOSITION, disposition)],
            body,
        )
            .into_response())
    })
    .await
}

/// `name` with everything but ASCII letters, digits, `-`, `_` and `.` replaced by `_`.
fn ascii(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') { c } else { '_' })
        .collect()
}

/// The body of `POST …/reset`.
#[derive(Debug, Deserialize)]
pub struct ResetRequest {
    /// The version the page showed (left out when the project could not be opened).
    pub version: Option<u64>,
}

/// `POST /api/pairs/{id}/reset`: aligns the pair's files again from scratch; the old
/// project file is kept as `….sverka.json.bak`.
pub async fn reset(
    State(app): State<Arc<App>>,
    ApiPath(id): ApiPath<String>,
    ApiJson(req): ApiJson<ResetRequest>,
) -> Result<Response, ApiError> {
    let permit = app.permit().await?;
    blocking(move || {
        let _permit = permit;
        let pair = pairs::find(&app.dir, &id)?;
        let path = app.dir.join(&pair.folder).join(&pair.project);
        let saved = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_file());
        // The version is checked against the project as open, or as saved; a damaged
        // project file cannot be opened and is simply set aside.
        let open = app.loaded(&pair.id).or_else(|| if saved { app.project(&pair).ok() } else { None });
        if let Some(shared) = open {
            let p = lock(&shared);
            same_version(&p, req.version.unwrap_or(p.version))?;
        }
        if saved {
            let backup = app.dir.join(&pair.folder).join(format!("{}.bak", pair.project));
            std::fs::rename(&path, backup)
                .map_err(|e| ApiError::internal(format!("cannot move the old project aside: {e}")))?;
        }
        app.forget(&pair.id);
        let shared = app.project(&pair)?;
        let mut p = lock(&shared);
        if let Some(v) = req.version {
            p.version = v + 1;
            p.save()?;
        }
        Ok(json_response(StatusCode::OK, p.state_json(true)))
    })
    .await
}

/// `GET /api/glossary`: the user glossary file's text ("" when there is none yet).
pub async fn user_glossary(State(app): State<Arc<App>>) -> Result<Response, ApiError> {
    blocking(move || {
        let user = app.user_glossary();
        let text = match std::fs::symlink_metadata(user.path()) {
            Ok(m) if m.file_type().is_file() => crate::input::read_text(user.path())?,
            _ => String::new(),
        };
        Ok(json_response(StatusCode::OK, json!({"file": super::glossary::FILE, "text": text}).to_string()))
    })
    .await
}

/// `GET /api/info`: the server's version, profile and whether it needs a token.
pub async fn info(State(app): State<Arc<App>>) -> Response {
    let body = json!({
        "sverka": env!("CARGO_PKG_VERSION"),
        "profile": app.options.config.check.profile,
        "token_required": app.options.token.is_some(),
        "glossary": super::glossary::FILE,
        "max_body": app.options.max_body,
    });
    json_response(StatusCode::OK, body.to_string())
}
