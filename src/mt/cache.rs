//! The on-disk cache of translations and embeddings: one small file per entry under
//! `<dir>/<namespace>/<2 hex>/<64 hex>`, keyed by the SHA-256 of everything that
//! determines the answer (provider, URL, model, languages, text). Only successful
//! answers are stored; writes are atomic (a temporary file renamed into place), and a
//! cache that cannot be written is silently skipped: it never fails a run.

use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Where cached answers live; `None` disables the cache.
#[derive(Debug, Clone, Default)]
pub struct Cache {
    dir: Option<PathBuf>,
}

impl Cache {
    /// No cache: every lookup misses, nothing is written.
    pub fn disabled() -> Self {
        Cache { dir: None }
    }

    /// A cache in `dir` (created on first write).
    pub fn at(dir: impl Into<PathBuf>) -> Self {
        Cache { dir: Some(dir.into()) }
    }

    /// The default cache: `$SVERKA_CACHE_DIR`, else the user's cache dir + `/sverka`;
    /// disabled when neither is known.
    pub fn from_env() -> Self {
        Cache { dir: default_dir() }
    }

    /// The cache directory, when enabled.
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// The key of an entry: SHA-256 over the length-prefixed parts, in hex.
    pub fn key(parts: &[&str]) -> String {
        let mut hasher = Sha256::new();
        for part in parts {
            hasher.update((part.len() as u64).to_le_bytes());
            hasher.update(part.as_bytes());
        }
        hasher.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }

    /// The stored bytes of `key` in `namespace`, if any.
    pub fn get(&self, namespace: &str, key: &str) -> Option<Vec<u8>> {
        std::fs::read(self.path(namespace, key)?).ok()
    }

    /// Stores `bytes` under `key` atomically; failures are ignored.
    pub fn put(&self, namespace: &str, key: &str, bytes: &[u8]) {
        let Some(path) = self.path(namespace, key) else { return };
        let Some(parent) = path.parent() else { return };
        if std::fs::create_dir_all(parent).is_err() {
            return;
        }
        let Ok(mut file) = tempfile::NamedTempFile::new_in(parent) else { return };
        if file.write_all(bytes).is_ok() {
            let _ = file.persist(&path);
        }
    }

    fn path(&self, namespace: &str, key: &str) -> Option<PathBuf> {
        let dir = self.dir.as_ref()?;
        let prefix = key.get(..2)?;
        Some(dir.join(namespace).join(prefix).join(key))
    }
}

/// `$SVERKA_CACHE_DIR` when set and non-empty, else `dirs::cache_dir()/sverka`.
pub fn default_dir() -> Option<PathBuf> {
    match std::env::var_os("SVERKA_CACHE_DIR") {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => dirs::cache_dir().map(|d| d.join("sverka")),
    }
}

/// Encodes a vector as little-endian `f32` bytes.
pub fn encode_vector(vector: &[f32]) -> Vec<u8> {
    vector.iter().flat_map(|x| x.to_le_bytes()).collect()
}

/// Decodes little-endian `f32` bytes; `None` when the length is not a multiple of 4.
pub fn decode_vector(bytes: &[u8]) -> Option<Vec<f32>> {
    if bytes.len() % 4 != 0 {
        return None;
    }
    Some(bytes.chunks_exact(4).map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_separate_parts() {
        assert_ne!(Cache::key(&["ab", "c"]), Cache::key(&["a", "bc"]));
        assert_eq!(Cache::key(&["x"]).len(), 64);
    }

    #[test]
    fn put_then_get_and_disabled_misses() {
        let dir = tempfile::tempdir().expect("tempdir");
        let cache = Cache::at(dir.path());
        let key = Cache::key(&["deepl", "hello"]);
        assert_eq!(cache.get("mt", &key), None);
        cache.put("mt", &key, "Привет".as_bytes());
        assert_eq!(cache.get("mt", &key).as_deref(), Some("Привет".as_bytes()));
        assert_eq!(Cache::disabled().get("mt", &key), None);
    }

    #[test]
    fn vectors_round_trip() {
        let v = vec![0.25f32, -1.5, 3.0];
        assert_eq!(decode_vector(&encode_vector(&v)), Some(v));
        assert_eq!(decode_vector(&[1, 2, 3]), None);
    }
}
