//! A pair's project: the automatic alignment it started from, the corrections made since
//! (replayed in order), what can be redone, the findings of the current state, and the
//! project file that keeps it all in the pair's folder.
//!
//! The file (`A.B.sverka.json`, format in `docs/serve.md`) is JSON: the sources' names
//! and SHA-256, the profile, a `version` that grows with every change, the `base` (both
//! texts with their sentences, and the automatic beads), the `edits` and the `redo`
//! stack. It is rewritten after every change through a temporary file renamed into place,
//! so it is always whole. Findings are not stored: they are computed on loading.

use super::edit::{Draft, Op, Refused, Text};
use super::error::ApiError;
use super::pairs::PairFiles;
use super::recheck;
use crate::engine::{Engine, RunOptions};
use crate::glossary::Glossary;
use crate::model::{Alignment, Bead, Finding, Lang, Report, SideText, Stats};
use crate::report::{self, Format, RenderOptions};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The project file format this version writes and reads.
pub const FORMAT: u32 = 1;

/// Pairs with at most this many sentences (both sides) are checked whole after every
/// edit; longer ones incrementally, with a full check in the background.
pub const FULL_CHECK_SENTENCES: usize = 600;

/// A source file as the project saw it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    /// The file name in the pair's folder.
    pub file: String,
    /// SHA-256 of its bytes, in hex.
    pub sha256: String,
}

impl Stamp {
    /// The stamp of `bytes` read from `file`.
    pub fn of(file: &str, bytes: &[u8]) -> Stamp {
        let digest = Sha256::digest(bytes);
        Stamp { file: file.to_string(), sha256: digest.iter().map(|b| format!("{b:02x}")).collect() }
    }
}

/// Both sources.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sources {
    /// The English text.
    pub a: Stamp,
    /// The original.
    pub b: Stamp,
}

/// The project file without its base (written before the base, which is cached as JSON).
#[derive(Serialize, Deserialize)]
struct Header {
    sverka: String,
    format: u32,
    pair: String,
    sources: Sources,
    profile: Option<String>,
    version: u64,
    edits: Vec<Op>,
    redo: Vec<Op>,
}

/// The whole project file.
#[derive(Deserialize)]
struct File {
    #[serde(flatten)]
    header: Header,
    base: Draft,
}

/// Whether the findings are those of a full run of the checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Checks {
    /// Every check ran on the current state.
    Complete,
    /// The changed beads were checked; a full run is pending.
    Partial,
}

/// A pair's project in memory.
pub struct Project {
    /// The pair.
    pub files: PairFiles,
    /// The project file.
    pub path: PathBuf,
    /// The sources it was made from.
    pub sources: Sources,
    /// The profile its checks use.
    pub profile: Option<String>,
    /// Grows by one with every change of the alignment.
    pub version: u64,
    base: Draft,
    base_json: String,
    /// Corrections since the automatic alignment, in order.
    pub edits: Vec<Op>,
    /// Undone corrections, the last undone last.
    pub redo: Vec<Op>,
    /// The current state.
    pub draft: Draft,
    /// The sentence texts of the current state, as reports show them.
    pub sides: (SideText, SideText),
    /// Grows whenever `sides` is made again (a sentence was split or joined).
    pub text_version: u64,
    /// Findings of the current state.
    pub findings: Vec<Finding>,
    /// Whether `findings` come from a full run.
    pub checks: Checks,
    /// The glossary generation the findings were computed with.
    pub generation: u64,
    /// Why the project no longer matches its sources, when it does not.
    pub stale: Option<String>,
    /// A full check runs in the background.
    pub full_check_running: bool,
}

fn sides(draft: &Draft) -> (SideText, SideText) {
    (SideText::from_document(&draft.a.document), SideText::from_document(&draft.b.document))
}

impl Project {
    /// A new project: `a` and `b` (texts after extraction) aligned and checked by `engine`.
    ///
    /// # Errors
    /// 500 when the aligner fails (it needs no network here, so it should not).
    pub fn create(
        files: PairFiles,
        path: PathBuf,
        sources: Sources,
        texts: (String, String),
        engine: &Engine,
        generation: u64,
    ) -> Result<Project, ApiError> {
        let lang_b = Lang::parse(&files.lang_b).unwrap_or_else(Lang::ru);
        let a = engine.document(&texts.0, Some(Lang::en()));
        let b = engine.document(&texts.1, Some(lang_b));
        let report = engine.run(&a, &b, &RunOptions { mt_b: None, findings: true })?;
        let base = Draft {
            a: Text { text: texts.0, document: a },
            b: Text { text: texts.1, document: b },
            beads: report.beads,
        };
        let base_json = serde_json::to_string(&base).map_err(|e| ApiError::internal(e.to_string()))?;
        Ok(Project {
            files,
            path,
            sources,
            profile: engine.config().check.profile.clone(),
            version: 0,
            sides: sides(&base),
            text_version: 0,
            draft: base.clone(),
            base,
            base_json,
            edits: Vec::new(),
            redo: Vec::new(),
            findings: report.findings,
            checks: Checks::Complete,
            generation,
            stale: None,
            full_check_running: false,
        })
    }

    /// The project saved at `path`, replayed and checked with the glossary of the engine
    /// `engine` gives for its profile; `current` are the stamps of the sources as they are
    /// now.
    ///
    /// # Errors
    /// 500 naming the file when it cannot be read, is not a project of this pair, or holds
    /// an edit that cannot be replayed; the engine's error for an unknown profile.
    pub fn load(
        files: PairFiles,
        path: PathBuf,
        current: &Sources,
        engine: impl FnOnce(Option<&str>) -> Result<std::sync::Arc<Engine>, ApiError>,
        generation: u64,
    ) -> Result<Project, ApiError> {
        let shown = format!("{}/{}", files.folder, files.project);
        let damaged = |why: String| {
            ApiError::internal(format!(
                "the project file {shown} {why}; move it away (or reset the pair) to start over"
            ))
        };
        let text = std::fs::read_to_string(&path).map_err(|e| damaged(format!("cannot be read ({e})")))?;
        let file: File = serde_json::from_str(&text).map_err(|e| damaged(format!("is not valid ({e})")))?;
        let header = file.header;
        if header.sverka != "project" || header.format != FORMAT {
            return Err(damaged(format!("is not a sverka project of format {FORMAT}")));
        }
        if header.pair != files.id {
            return Err(damaged(format!("belongs to the pair '{}', not '{}'", header.pair, files.id)));
        }
        file.base.validate().map_err(|e| damaged(format!("holds an invalid alignment ({e})")))?;
        let draft = replay(&file.base, &header.edits)
            .map_err(|(n, e)| damaged(format!("holds an edit that cannot be applied (edit {n}: {e})")))?;
        let stale = (header.sources != *current).then(|| {
            "the source files changed since this project was made: the alignment below is of the old \
             texts; reset the pair to align the new ones (the corrections are then dropped)"
                .to_string()
        });
        let base_json = serde_json::to_string(&file.base).map_err(|e| ApiError::internal(e.to_string()))?;
        let findings = recheck::full(&draft, engine(header.profile.as_deref())?.glossary());
        Ok(Project {
            files,
            path,
            sources: header.sources,
            profile: header.profile,
            version: header.version,
            sides: sides(&draft),
            text_version: 0,
            draft,
            base: file.base,
            base_json,
            edits: header.edits,
            redo: header.redo,
            findings,
            checks: Checks::Complete,
            generation,
            stale,
            full_check_running: false,
        })
    }

    /// Writes the project file atomically (a temporary file in the folder, renamed).
    ///
    /// # Errors
    /// 500 when the file cannot be written.
    pub fn save(&self) -> Result<(), ApiError> {
        let header = Header {
            sverka: "project".into(),
            format: FORMAT,
            pair: self.files.id.clone(),
            sources: self.sources.clone(),
            profile: self.profile.clone(),
            version: self.version,
            edits: self.edits.clone(),
            redo: self.redo.clone(),
        };
        let head = serde_json::to_string(&header).map_err(|e| ApiError::internal(e.to_string()))?;
        let mut out = String::with_capacity(head.len() + self.base_json.len() + 16);
        out.push_str(&head[..head.len() - 1]);
        out.push_str(",\"base\":");
        out.push_str(&self.base_json);
        out.push_str("}\n");
        write_atomic(&self.path, out.as_bytes()).map_err(|e| {
            ApiError::internal(format!("cannot save {}/{}: {e}", self.files.folder, self.files.project))
        })
    }

    /// Applies a correction, checks again what it changed and saves.
    ///
    /// # Errors
    /// 422 when the correction is refused; 500 when the file cannot be saved (the
    /// project is then as it was).
    pub fn edit(&mut self, op: Op, glossary: &Glossary) -> Result<(), ApiError> {
        let mut draft = self.draft.clone();
        draft.apply(&op).map_err(|Refused(m)| ApiError::unprocessable(m))?;
        self.commit(glossary, |p| {
            p.edits.push(op);
            p.redo.clear();
            Ok(draft)
        })
    }

    /// Undoes the last correction.
    ///
    /// # Errors
    /// 422 when there is nothing to undo; 500 when the file cannot be saved.
    pub fn undo(&mut self, glossary: &Glossary) -> Result<(), ApiError> {
        if self.edits.is_empty() {
            return Err(ApiError::unprocessable("there is nothing to undo"));
        }
        self.commit(glossary, |p| {
            let op = p.edits.pop().ok_or_else(|| ApiError::unprocessable("there is nothing to undo"))?;
            p.redo.push(op);
            p.replayed()
        })
    }

    /// Redoes the last undone correction.
    ///
    /// # Errors
    /// 422 when there is nothing to redo; 500 when the file cannot be saved.
    pub fn redo(&mut self, glossary: &Glossary) -> Result<(), ApiError> {
        if self.redo.is_empty() {
            return Err(ApiError::unprocessable("there is nothing to redo"));
        }
        self.commit(glossary, |p| {
            let op = p.redo.pop().ok_or_else(|| ApiError::unprocessable("there is nothing to redo"))?;
            p.edits.push(op);
            p.replayed()
        })
    }

    /// The base with the current edits applied.
    fn replayed(&self) -> Result<Draft, ApiError> {
        replay(&self.base, &self.edits)
            .map_err(|(n, e)| ApiError::internal(format!("edit {n} can no longer be applied: {e}")))
    }

    /// Changes the edit lists with `change`, which returns the new state; checks again
    /// what changed and saves. On any failure the project is left as it was.
    fn commit(
        &mut self,
        glossary: &Glossary,
        change: impl FnOnce(&mut Project) -> Result<Draft, ApiError>,
    ) -> Result<(), ApiError> {
        let kept = (self.edits.clone(), self.redo.clone(), self.version, self.findings.clone(), self.checks);
        let restore = |p: &mut Project, before: Option<Draft>| {
            (p.edits, p.redo, p.version, p.findings, p.checks) = kept.clone();
            if let Some(before) = before {
                p.draft = before;
                p.sides = sides(&p.draft);
                p.text_version += 1;
            }
        };
        let draft = match change(self) {
            Ok(draft) => draft,
            Err(e) => {
                restore(self, None);
                return Err(e);
            }
        };
        let before = std::mem::replace(&mut self.draft, draft);
        self.after_change(&before, glossary);
        if let Err(e) = self.save() {
            restore(self, Some(before));
            return Err(e);
        }
        Ok(())
    }

    /// After the alignment changed from `before`: a new version, the sentence texts, and
    /// the findings (whole for short pairs, incremental for long ones).
    fn after_change(&mut self, before: &Draft, glossary: &Glossary) {
        self.version += 1;
        if before.a.document != self.draft.a.document || before.b.document != self.draft.b.document {
            self.sides = sides(&self.draft);
            self.text_version += 1;
        }
        if self.is_long() {
            self.findings = recheck::incremental(before, &self.findings, &self.draft, glossary);
            self.checks = Checks::Partial;
        } else {
            self.findings = recheck::full(&self.draft, glossary);
            self.checks = Checks::Complete;
        }
    }

    /// Whether the pair is too long to check whole after every edit.
    pub fn is_long(&self) -> bool {
        self.draft.a.document.len() + self.draft.b.document.len() > FULL_CHECK_SENTENCES
    }

    /// The report of the current state.
    pub fn report(&self) -> Report {
        Report::new(
            self.sides.0.clone(),
            self.sides.1.clone(),
            None,
            Alignment { beads: self.draft.beads.clone() },
            self.findings.clone(),
        )
    }

    /// The current state rendered in `format`.
    pub fn export(&self, format: Format, keep_unaligned: bool) -> String {
        let options = RenderOptions { keep_unaligned, ..RenderOptions::default() };
        report::render(&self.report(), format, &options)
    }

    /// The state the page shows, as JSON; the sentence texts only `with_sides`.
    pub fn state_json(&self, with_sides: bool) -> String {
        let stats = Stats::compute(&self.sides.0, &self.sides.1, &self.draft.beads, &self.findings);
        let state = State {
            id: &self.files.id,
            folder: &self.files.folder,
            files: FilesOut { a: &self.files.a, b: &self.files.b },
            project: &self.files.project,
            version: self.version,
            edits: self.edits.len(),
            can_undo: !self.edits.is_empty(),
            can_redo: !self.redo.is_empty(),
            checks: self.checks,
            stale: self.stale.as_deref(),
            report: ReportOut {
                version: 1,
                a: with_sides.then_some(&self.sides.0),
                b: with_sides.then_some(&self.sides.1),
                beads: &self.draft.beads,
                findings: &self.findings,
                stats,
            },
        };
        serde_json::to_string(&state).unwrap_or_else(|e| format!("{{\"error\":{:?}}}", e.to_string()))
    }
}

/// `base` with `edits` applied in order.
///
/// # Errors
/// The 0-based number of the first edit refused, and why.
pub fn replay(base: &Draft, edits: &[Op]) -> Result<Draft, (usize, Refused)> {
    let mut draft = base.clone();
    for (n, op) in edits.iter().enumerate() {
        draft.apply(op).map_err(|e| (n, e))?;
    }
    Ok(draft)
}

#[derive(Serialize)]
struct FilesOut<'a> {
    a: &'a str,
    b: &'a str,
}

#[derive(Serialize)]
struct ReportOut<'a> {
    version: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    a: Option<&'a SideText>,
    #[serde(skip_serializing_if = "Option::is_none")]
    b: Option<&'a SideText>,
    beads: &'a [Bead],
    findings: &'a [Finding],
    stats: Stats,
}

#[derive(Serialize)]
struct State<'a> {
    id: &'a str,
    folder: &'a str,
    files: FilesOut<'a>,
    project: &'a str,
    version: u64,
    edits: usize,
    can_undo: bool,
    can_redo: bool,
    checks: Checks,
    stale: Option<&'a str>,
    report: ReportOut<'a>,
}

/// Writes `bytes` to `path` through a temporary file in the same folder renamed into
/// place; a symbolic link at `path` is replaced, never followed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    let mut tmp = tempfile::Builder::new().prefix(".sverka-").suffix(".tmp").tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_data()?;
    set_readable(&tmp)?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(unix)]
fn set_readable(tmp: &tempfile::NamedTempFile) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    tmp.as_file().set_permissions(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn set_readable(_: &tempfile::NamedTempFile) -> std::io::Result<()> {
    Ok(())
}
