//! Writing results: to stdout, or atomically to a file (a temp file in the same
//! directory renamed into place, nothing left behind on failure; the file gets the
//! permissions of the file it replaces, or 0644 when new). A closed stdout pipe is not
//! an error.

use anyhow::{Context, bail};
use std::io::Write;
use std::path::Path;

/// Writes `content` to `path` atomically, or to stdout when `path` is `None`.
pub fn write(path: Option<&Path>, content: &str) -> anyhow::Result<()> {
    match path {
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(content.as_bytes())?;
            out.flush()?;
            Ok(())
        }
        Some(path) => write_atomic(path, content.as_bytes()),
    }
}

fn write_atomic(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if path.is_dir() {
        bail!("{}: is a directory; give -o a file name", path.display());
    }
    if dir.exists() && !dir.is_dir() {
        bail!("{}: {} is not a directory", path.display(), dir.display());
    }
    if !dir.is_dir() {
        bail!("{}: the directory {} does not exist; create it first", path.display(), dir.display());
    }
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .with_context(|| format!("{}: cannot create a file in this directory", path.display()))?;
    tmp.write_all(bytes).with_context(|| format!("{}: write failed", path.display()))?;
    tmp.as_file().sync_all().with_context(|| format!("{}: write failed", path.display()))?;
    set_permissions(&tmp, path).with_context(|| format!("{}: cannot set permissions", path.display()))?;
    tmp.persist(path).with_context(|| format!("{}: cannot move the output into place", path.display()))?;
    Ok(())
}

/// Gives the temp file (created 0600) the permissions of the file it replaces, or
/// the usual 0644 of a new file.
fn set_permissions(tmp: &tempfile::NamedTempFile, path: &Path) -> std::io::Result<()> {
    let permissions = match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() => meta.permissions(),
        _ => new_file_permissions(tmp.as_file())?,
    };
    tmp.as_file().set_permissions(permissions)
}

#[cfg(unix)]
fn new_file_permissions(_: &std::fs::File) -> std::io::Result<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Ok(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn new_file_permissions(file: &std::fs::File) -> std::io::Result<std::fs::Permissions> {
    file.metadata().map(|m| m.permissions())
}

/// Whether an error is (caused by) a closed stdout pipe.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
