//! Writing results: to stdout, or atomically to a file (a temp file in the same
//! directory renamed into place, nothing left behind on failure; the file gets the
//! permissions of the file it replaces, or 0644 when new). A symbolic link is followed
//! (the file it points to is replaced, the link stays), and a device, FIFO or socket
//! (`-o /dev/null`, `-o /dev/stdout`) is written to, never replaced. A closed stdout
//! pipe is not an error.

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
        Some(path) => {
            let target = follow_link(path);
            match std::fs::metadata(&target) {
                Ok(meta) if !meta.is_file() && !meta.is_dir() => {
                    write_through(path, &target, content.as_bytes())
                }
                _ => write_atomic(path, &target, content.as_bytes()),
            }
        }
    }
}

/// The file a symbolic link points to (the path itself when it is no link, or a link
/// to nothing).
fn follow_link(path: &Path) -> std::path::PathBuf {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            std::fs::canonicalize(path).unwrap_or_else(|_| path.into())
        }
        _ => path.into(),
    }
}

/// Writes to a special file (device, FIFO, socket) in place: there is nothing to
/// rename over it. Errors name `shown`, the path the user gave.
fn write_through(shown: &Path, target: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .open(target)
        .with_context(|| format!("{}: cannot open for writing", shown.display()))?;
    file.write_all(bytes).with_context(|| format!("{}: write failed", shown.display()))?;
    file.flush().with_context(|| format!("{}: write failed", shown.display()))?;
    Ok(())
}

/// Writes `bytes` to the regular file `target` (or a new one) through a temp file
/// renamed into place. Errors name `shown`, the path the user gave.
fn write_atomic(shown: &Path, target: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let path = shown;
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if target.is_dir() {
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
    set_permissions(&tmp, target).with_context(|| format!("{}: cannot set permissions", path.display()))?;
    tmp.persist(target).with_context(|| format!("{}: cannot move the output into place", path.display()))?;
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
