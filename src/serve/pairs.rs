//! The pairs of the served directory, laid out like `samples/`: one folder per article
//! holding the English text `en.EXT` (and variants `en-NAME.EXT`) and the original
//! `LANG.EXT` (`ru.txt`, `be.docx`…), EXT one of the input formats. Each English file
//! with each original is a pair, named `FOLDER:A:B` by the file stems
//! (`belta-kursk:en:ru`, `belta-kursk:en-inconsistent:ru`); its corrections live in the
//! project file `A.B.sverka.json` of the folder.
//!
//! Only what the scan finds can be named: a pair id is looked up among the directory's
//! real folders and files, never turned into a path. Folders and files that are symbolic
//! links, or whose names start with a dot or hold anything but letters, digits, `-`,
//! `_` and `.`, are not part of any pair, so no route reaches outside the directory.

use super::error::ApiError;
use crate::input::InputFormat;
use crate::model::Lang;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// One pair of files in a folder of the served directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PairFiles {
    /// `FOLDER:A:B`.
    pub id: String,
    /// The folder's name.
    pub folder: String,
    /// File name of the English text.
    pub a: String,
    /// File name of the original.
    pub b: String,
    /// Language of the original (its stem).
    pub lang_b: String,
    /// File name of the project file, in the folder.
    pub project: String,
}

impl PairFiles {
    /// The stem of A (`en`, `en-inconsistent`).
    pub fn a_stem(&self) -> &str {
        stem(&self.a)
    }

    /// The stem of B (`ru`).
    pub fn b_stem(&self) -> &str {
        stem(&self.b)
    }
}

fn stem(name: &str) -> &str {
    name.rsplit_once('.').map_or(name, |(s, _)| s)
}

/// Whether `name` may be a folder or file name of a pair: 1 to 100 letters, digits,
/// `-`, `_` and `.`, not starting with a dot.
pub fn safe_name(name: &str) -> bool {
    !name.is_empty()
        && name.chars().count() <= 100
        && !name.starts_with('.')
        && name.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// The real (not symbolic link) entries of `dir` with safe names: `(name, is_dir)`,
/// sorted by name.
fn entries(dir: &Path) -> Vec<(String, bool)> {
    let Ok(read) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut out: Vec<(String, bool)> = read
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            let meta = std::fs::symlink_metadata(e.path()).ok()?;
            let kind = meta.file_type();
            (safe_name(&name) && (kind.is_dir() || kind.is_file())).then_some((name, kind.is_dir()))
        })
        .collect();
    out.sort();
    out
}

/// Preference among files of one stem with different extensions.
fn ext_rank(ext: &str) -> usize {
    ["txt", "md", "markdown", "html", "htm", "xhtml", "docx", "text"]
        .iter()
        .position(|e| *e == ext)
        .unwrap_or(99)
}

/// Whether `stem` names an English text: `en` or `en-NAME`.
fn is_english(stem: &str) -> bool {
    stem == "en" || stem.strip_prefix("en-").is_some_and(|rest| !rest.is_empty())
}

/// Whether `stem` names an original: a language code other than `en`.
fn is_original(stem: &str) -> bool {
    stem != "en" && Lang::parse(stem).is_some_and(|l| l.code() == stem)
}

/// The pairs of one folder (none when it is not a real folder of `dir`).
pub fn in_folder(dir: &Path, folder: &str) -> Vec<PairFiles> {
    let real = std::fs::symlink_metadata(dir.join(folder)).is_ok_and(|m| m.file_type().is_dir());
    if !real || !safe_name(folder) {
        return Vec::new();
    }
    let mut by_stem: Vec<(String, String)> = Vec::new();
    for (name, is_dir) in entries(&dir.join(folder)) {
        let Some((stem, ext)) = name.rsplit_once('.') else { continue };
        let ext = ext.to_ascii_lowercase();
        if is_dir || InputFormat::from_extension(&ext).is_none() || !(is_english(stem) || is_original(stem)) {
            continue;
        }
        match by_stem.iter_mut().find(|(s, _)| s == stem) {
            Some((_, kept))
                if ext_rank(&ext)
                    < ext_rank(&kept.rsplit_once('.').map_or("", |x| x.1).to_ascii_lowercase()) =>
            {
                *kept = name.clone();
            }
            Some(_) => {}
            None => by_stem.push((stem.to_string(), name.clone())),
        }
    }
    let english: Vec<&(String, String)> = by_stem.iter().filter(|(s, _)| is_english(s)).collect();
    let originals: Vec<&(String, String)> = by_stem.iter().filter(|(s, _)| is_original(s)).collect();
    let mut out = Vec::new();
    for (a_stem, a) in &english {
        for (b_stem, b) in &originals {
            out.push(PairFiles {
                id: format!("{folder}:{a_stem}:{b_stem}"),
                folder: folder.to_string(),
                a: a.clone(),
                b: b.clone(),
                lang_b: b_stem.clone(),
                project: format!("{a_stem}.{b_stem}.sverka.json"),
            });
        }
    }
    out.sort_by(|x, y| (x.a_stem() != "en", &x.id).cmp(&(y.a_stem() != "en", &y.id)));
    out
}

/// Every pair of `dir`, folder by folder.
pub fn scan(dir: &Path) -> Vec<PairFiles> {
    entries(dir)
        .into_iter()
        .filter(|(_, is_dir)| *is_dir)
        .flat_map(|(name, _)| in_folder(dir, &name))
        .collect()
}

/// The pair `id` of `dir`.
///
/// # Errors
/// 400 for an id that is not `FOLDER:A:B` of safe names, 404 for one the directory does
/// not hold.
pub fn find(dir: &Path, id: &str) -> Result<PairFiles, ApiError> {
    let parts: Vec<&str> = id.split(':').collect();
    let [folder, a, b] = parts.as_slice() else {
        return Err(ApiError::bad_request(format!(
            "'{id}' is not a pair id: pair ids are FOLDER:A:B, e.g. belta-kursk:en:ru"
        )));
    };
    if ![folder, a, b].iter().all(|p| safe_name(p)) {
        return Err(ApiError::bad_request(format!(
            "'{id}' is not a pair id: its parts are names of a folder and two files of the served \
             directory (letters, digits, '-', '_', '.')"
        )));
    }
    in_folder(dir, folder)
        .into_iter()
        .find(|p| p.a_stem() == *a && p.b_stem() == *b)
        .ok_or_else(|| ApiError::not_found(format!("no pair '{id}' in the served directory")))
}

/// The path of a file of `pair` in `dir`, after checking it is still a regular file (not
/// a symbolic link) inside the directory.
///
/// # Errors
/// 404 when it went away or became something else.
pub fn file_path(dir: &Path, pair: &PairFiles, name: &str) -> Result<PathBuf, ApiError> {
    let path = dir.join(&pair.folder).join(name);
    let real = std::fs::symlink_metadata(&path).map(|m| m.file_type().is_file()).unwrap_or(false);
    let folder_real =
        std::fs::symlink_metadata(dir.join(&pair.folder)).map(|m| m.file_type().is_dir()).unwrap_or(false);
    if real && folder_real && safe_name(name) {
        Ok(path)
    } else {
        Err(ApiError::not_found(format!(
            "{}/{name} is no longer a file of the served directory",
            pair.folder
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn touch(dir: &Path, path: &str) {
        let full = dir.join(path);
        std::fs::create_dir_all(full.parent().expect("parent")).expect("mkdir");
        std::fs::write(full, "x").expect("write");
    }

    #[test]
    fn folders_like_samples_give_every_english_text_with_every_original() {
        let dir = tempfile::tempdir().expect("dir");
        let d = dir.path();
        for f in ["k/en.txt", "k/ru.txt", "k/be.docx", "k/en-old.md", "k/README.md", "k/en.ru.sverka.json"] {
            touch(d, f);
        }
        touch(d, "k/ru.html");
        touch(d, ".hidden/en.txt");
        touch(d, ".hidden/ru.txt");
        touch(d, "lonely/en.txt");
        touch(d, "loose.txt");
        let ids: Vec<String> = scan(d).into_iter().map(|p| p.id).collect();
        assert_eq!(ids, ["k:en:be", "k:en:ru", "k:en-old:be", "k:en-old:ru"]);
        let ru = find(d, "k:en:ru").expect("found");
        assert_eq!(
            (ru.a.as_str(), ru.b.as_str(), ru.project.as_str()),
            ("en.txt", "ru.txt", "en.ru.sverka.json")
        );
    }

    #[test]
    fn ids_that_are_paths_or_unknown_are_refused() {
        let dir = tempfile::tempdir().expect("dir");
        touch(dir.path(), "k/en.txt");
        touch(dir.path(), "k/ru.txt");
        for bad in ["../k:en:ru", "k:../en:ru", "/etc:en:ru", "k:en", "k:en:ru:x", ".k:en:ru", "k:en:r/u"] {
            assert_eq!(
                find(dir.path(), bad).unwrap_err().status,
                axum::http::StatusCode::BAD_REQUEST,
                "{bad}"
            );
        }
        for unknown in ["k:en:be", "q:en:ru", "k:en-x:ru"] {
            assert_eq!(find(dir.path(), unknown).unwrap_err().status, axum::http::StatusCode::NOT_FOUND);
        }
    }

    #[cfg(unix)]
    #[test]
    fn symbolic_links_are_no_part_of_any_pair() {
        let outside = tempfile::tempdir().expect("outside");
        touch(outside.path(), "secret/en.txt");
        touch(outside.path(), "secret/ru.txt");
        let dir = tempfile::tempdir().expect("dir");
        std::os::unix::fs::symlink(outside.path().join("secret"), dir.path().join("linked")).expect("link");
        touch(dir.path(), "k/en.txt");
        std::os::unix::fs::symlink(outside.path().join("secret/ru.txt"), dir.path().join("k/ru.txt"))
            .expect("link");
        assert!(scan(dir.path()).is_empty());
        assert_eq!(find(dir.path(), "linked:en:ru").unwrap_err().status, axum::http::StatusCode::NOT_FOUND);
    }
}
