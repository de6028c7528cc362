//! The server's shared state, behind one `Arc`: the served directory, the engines (one
//! per profile, rebuilt when the user glossary changes), the open projects (each behind
//! its own lock, so edits of one pair are applied one at a time), the access token, and
//! a limit on how many alignments run at once (the machine's cores).
//!
//! Long pairs are checked incrementally after an edit; a full check then runs in a
//! background thread once the editing pauses, and replaces the findings if the pair did
//! not change meanwhile.
//! Pages waiting for it are woken through a watch channel.

use super::error::ApiError;
use super::glossary::UserGlossary;
use super::pairs::{self, PairFiles};
use super::project::{Checks, Project, Sources, Stamp};
use crate::config::Config;
use crate::engine::Engine;
use crate::glossary::Glossary;
use crate::input::InputFormat;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use tokio::sync::{OwnedSemaphorePermit, Semaphore, watch};

/// How the server is set up.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The served directory (pairs in its folders, the user glossary `glossary.tsv`).
    pub dir: PathBuf,
    /// The configuration, `--profile` applied.
    pub config: Config,
    /// The glossary under the user glossary: the built-in one with `--glossary` files.
    pub glossary: Glossary,
    /// The access token requests must carry (header or cookie), when one is required.
    pub token: Option<String>,
    /// Whether requests must name a loopback host (`localhost`, `127.0.0.1`, `[::1]`) in
    /// their `Host` header: true when the server listens on loopback only.
    pub loopback_only: bool,
    /// The largest request body, in bytes.
    pub max_body: usize,
}

impl ServeOptions {
    /// Options for serving `dir` with the default configuration, on loopback, no token.
    pub fn new(dir: impl Into<PathBuf>) -> ServeOptions {
        ServeOptions {
            dir: dir.into(),
            config: Config::default(),
            glossary: Glossary::builtin(),
            token: None,
            loopback_only: true,
            max_body: DEFAULT_MAX_BODY,
        }
    }
}

/// The default request body limit: 16 MiB (a long article uploaded as .docx fits many
/// times over).
pub const DEFAULT_MAX_BODY: usize = 16 * 1024 * 1024;

/// A pair's project, shared between requests.
pub type Shared = Arc<Mutex<Project>>;

/// The shared state of the server.
pub struct App {
    /// The served directory, canonical.
    pub dir: PathBuf,
    /// The options it was started with.
    pub options: ServeOptions,
    engines: Mutex<Engines>,
    projects: Mutex<HashMap<String, Shared>>,
    /// Held while a project is read or made, so that one pair is never opened twice at once.
    opening: Mutex<()>,
    /// Permits for CPU-heavy work (alignments).
    work: Arc<Semaphore>,
    checked: watch::Sender<u64>,
}

/// The engines by profile, and the glossary generation they were built with.
struct Engines {
    generation: u64,
    user: Glossary,
    by_profile: HashMap<Option<String>, Arc<Engine>>,
}

/// Locks a mutex, going on with the data if a thread panicked while holding it.
pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl App {
    /// The state for `options`.
    ///
    /// # Errors
    /// When the directory does not exist, or the user glossary in it cannot be read, or
    /// the profile is unknown.
    pub fn new(options: ServeOptions) -> crate::Result<Arc<App>> {
        let dir = std::fs::canonicalize(&options.dir).map_err(|e| crate::Error::io(&options.dir, e))?;
        if !dir.is_dir() {
            return Err(crate::Error::Invalid(format!("{}: not a directory", options.dir.display())));
        }
        let user = UserGlossary::at(&dir).load()?;
        let app = App {
            dir,
            engines: Mutex::new(Engines { generation: 0, user, by_profile: HashMap::new() }),
            projects: Mutex::new(HashMap::new()),
            opening: Mutex::new(()),
            work: Arc::new(Semaphore::new(std::thread::available_parallelism().map_or(2, |n| n.get()))),
            checked: watch::channel(0).0,
            options,
        };
        app.engine(None)?;
        Ok(Arc::new(app))
    }

    /// A permit to align: one per core; the others wait.
    ///
    /// # Errors
    /// 500 when the server is shutting down.
    pub async fn permit(&self) -> Result<OwnedSemaphorePermit, ApiError> {
        self.work.clone().acquire_owned().await.map_err(|_| ApiError::internal("the server is shutting down"))
    }

    /// The user glossary file of the served directory.
    pub fn user_glossary(&self) -> UserGlossary {
        UserGlossary::at(&self.dir)
    }

    /// The engine for `profile` (the server's own profile when `None`), built once.
    ///
    /// # Errors
    /// An unknown profile.
    pub fn engine(&self, profile: Option<&str>) -> crate::Result<Arc<Engine>> {
        let key = profile.map(str::to_ascii_lowercase).or_else(|| self.options.config.check.profile.clone());
        let mut engines = lock(&self.engines);
        if let Some(engine) = engines.by_profile.get(&key) {
            return Ok(engine.clone());
        }
        let mut config = self.options.config.clone();
        config.check.profile.clone_from(&key);
        let glossary = self.options.glossary.clone().layered(engines.user.clone());
        let engine = Arc::new(Engine::builder(config).glossary(glossary).build()?);
        engines.by_profile.insert(key, engine.clone());
        Ok(engine)
    }

    /// The glossary generation: it grows whenever the user glossary is rewritten.
    pub fn generation(&self) -> u64 {
        lock(&self.engines).generation
    }

    /// Reads the user glossary again after it changed: engines are rebuilt on demand and
    /// every project's findings are computed again when next used.
    ///
    /// # Errors
    /// When the file cannot be read.
    pub fn reload_glossary(&self) -> crate::Result<()> {
        let user = self.user_glossary().load()?;
        let mut engines = lock(&self.engines);
        engines.user = user;
        engines.by_profile.clear();
        engines.generation += 1;
        Ok(())
    }

    /// The open project of `pair`, loading or creating it (aligning the pair) when needed.
    /// Blocking: call it from a blocking task.
    ///
    /// # Errors
    /// 404 when the files are gone, 422 when they cannot be read as text, 500 when the
    /// project file is damaged or cannot be written.
    pub fn project(&self, pair: &PairFiles) -> Result<Shared, ApiError> {
        if let Some(shared) = self.loaded(&pair.id) {
            self.refresh(&shared)?;
            return Ok(shared);
        }
        let _opening = lock(&self.opening);
        if let Some(p) = self.loaded(&pair.id) {
            return Ok(p);
        }
        let shared = Arc::new(Mutex::new(self.open(pair)?));
        lock(&self.projects).insert(pair.id.clone(), shared.clone());
        Ok(shared)
    }

    /// The project of pair `id` if it is open.
    pub fn loaded(&self, id: &str) -> Option<Shared> {
        lock(&self.projects).get(id).cloned()
    }

    /// Forgets an open project (after a reset), so that it is read again.
    pub fn forget(&self, id: &str) {
        lock(&self.projects).remove(id);
    }

    /// Findings computed again when the glossary changed since they were.
    fn refresh(&self, shared: &Shared) -> Result<(), ApiError> {
        let generation = self.generation();
        let mut p = lock(shared);
        if p.generation != generation {
            let engine = self.engine(p.profile.as_deref())?;
            p.findings = super::recheck::full(&p.draft, engine.glossary());
            p.checks = Checks::Complete;
            p.generation = generation;
        }
        Ok(())
    }

    fn open(&self, pair: &PairFiles) -> Result<Project, ApiError> {
        let (texts, sources) = self.read_sources(pair)?;
        let folder = self.dir.join(&pair.folder);
        let path = folder.join(&pair.project);
        let generation = self.generation();
        match std::fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_file() => {
                let engine = |profile: Option<&str>| self.engine(profile).map_err(ApiError::from);
                Project::load(pair.clone(), path, &sources, engine, generation)
            }
            Ok(_) => Err(ApiError::internal(format!(
                "{}/{} is not a regular file (sverka does not follow links in the served directory)",
                pair.folder, pair.project
            ))),
            Err(_) => {
                let engine = self.engine(None)?;
                let project = Project::create(pair.clone(), path, sources, texts, &engine, generation)?;
                project.save()?;
                Ok(project)
            }
        }
    }

    /// The texts of both files of `pair` (extracted by format) and their stamps.
    ///
    /// # Errors
    /// 404 when a file is gone, 422 when it cannot be read as its format.
    pub fn read_sources(&self, pair: &PairFiles) -> Result<((String, String), Sources), ApiError> {
        let read = |name: &str| -> Result<(String, Stamp), ApiError> {
            let path = pairs::file_path(&self.dir, pair, name)?;
            let bytes = std::fs::read(&path).map_err(|e| ApiError::not_found(format!("{name}: {e}")))?;
            let shown = Path::new(&pair.folder).join(name);
            let text = crate::input::extract(&bytes, InputFormat::from_path(&path), &shown)?;
            Ok((text, Stamp::of(name, &bytes)))
        };
        let (a, sa) = read(&pair.a)?;
        let (b, sb) = read(&pair.b)?;
        Ok(((a, b), Sources { a: sa, b: sb }))
    }

    /// A receiver told the version of every pair whose full check just finished.
    pub fn checked(&self) -> watch::Receiver<u64> {
        self.checked.subscribe()
    }

    /// Schedules a full check of a long pair whose findings are partial: it starts once
    /// the pair has gone [`QUIET`] without a change (so rapid edits are not slowed by
    /// checks they make stale at once), one at a time per pair, and runs again, after
    /// another quiet spell, until it has checked the current version.
    pub fn check_in_background(self: &Arc<App>, shared: &Shared) {
        let version = {
            let p = lock(shared);
            if p.checks == Checks::Complete {
                return;
            }
            p.version
        };
        let (app, shared) = (self.clone(), shared.clone());
        tokio::spawn(async move {
            tokio::time::sleep(QUIET).await;
            {
                let mut p = lock(&shared);
                if p.version != version || p.checks == Checks::Complete || p.full_check_running {
                    return;
                }
                p.full_check_running = true;
            }
            let _ = tokio::task::spawn_blocking(move || app.full_check_loop(&shared)).await;
        });
    }

    fn full_check_loop(&self, shared: &Shared) {
        loop {
            let (draft, version, profile) = {
                let p = lock(shared);
                (p.draft.clone(), p.version, p.profile.clone())
            };
            let Ok(engine) = self.engine(profile.as_deref()) else { break };
            let findings = super::recheck::full(&draft, engine.glossary());
            let mut p = lock(shared);
            if p.version == version {
                p.findings = findings;
                p.checks = Checks::Complete;
                p.full_check_running = false;
                drop(p);
                self.checked.send_modify(|n| *n += 1);
                return;
            }
            if p.checks == Checks::Complete {
                break;
            }
            drop(p);
            std::thread::sleep(QUIET);
        }
        lock(shared).full_check_running = false;
    }
}

/// How long a long pair goes without a change before its full check starts.
pub const QUIET: std::time::Duration = std::time::Duration::from_millis(800);
