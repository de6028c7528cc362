//! The user glossary of the served directory, `glossary.tsv` (the TSV format of
//! `glossary/`), written from findings and layered over the built-in glossary (and the
//! `--glossary` files) for every later run of the server; the command line reads it with
//! `--glossary DIR/glossary.tsv`.
//!
//! Two actions on a `glossary-variant` or `name-inconsistent` finding:
//! - **house spelling**: the form found becomes the canonical English of the term (the
//!   form expected, and the old canonical one, become rejected variants);
//! - **variant**: the form found becomes a rejected variant of the expected one.
//!
//! The row copies the glossary entry of the term when there is one (its Russian and
//! Belarusian forms, type and other accepted forms), so it replaces that entry; rows are
//! appended, and a later row for the same term wins over an earlier one. Under a profile
//! the row is written for that profile. The file is rewritten atomically and parsed back
//! before it replaces the old one.

use super::error::ApiError;
use super::project::write_atomic;
use crate::glossary::{Entry, FormKind, Glossary, TermType, tsv};
use crate::model::{CheckKind, Lang};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The name of the user glossary in the served directory.
pub const FILE: &str = "glossary.tsv";

/// What to do with a finding's spelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    /// The form found is the house spelling.
    HouseSpelling,
    /// The form found is a rejected variant of the form expected.
    Variant,
}

/// The part of a finding the actions use.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Spelling {
    /// The check that found it.
    pub check: CheckKind,
    /// The form in the text.
    pub found: String,
    /// The form the check expected.
    pub expected: Option<String>,
}

/// The user glossary file of a directory.
#[derive(Debug, Clone)]
pub struct UserGlossary {
    path: PathBuf,
}

const HEADER: &str = "# User glossary of sverka serve: rows added from findings (\"accept as house spelling\",\n\
                      # \"add variant to glossary\"). Later rows win over earlier ones and over the built-in\n\
                      # glossary. Edit freely; the columns are those of glossary/*.tsv.\n\
                      en\tru\tbe\tvariants\ttype\tnote\tprofile\n";

impl UserGlossary {
    /// The user glossary of `dir`.
    pub fn at(dir: &Path) -> UserGlossary {
        UserGlossary { path: dir.join(FILE) }
    }

    /// Its path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Its entries (none when there is no file).
    ///
    /// # Errors
    /// A parse error with the line, or a file that is a symbolic link or unreadable.
    pub fn load(&self) -> crate::Result<Glossary> {
        match self.text()? {
            None => Ok(Glossary::default()),
            Some(text) => Ok(Glossary::new(tsv::parse(&text, &self.path, None)?)),
        }
    }

    /// The file's text, `None` when there is no file.
    fn text(&self) -> crate::Result<Option<String>> {
        match std::fs::symlink_metadata(&self.path) {
            Err(_) => Ok(None),
            Ok(meta) if meta.file_type().is_file() => crate::input::read_text(&self.path).map(Some),
            Ok(_) => Err(crate::Error::Invalid(format!(
                "{}: not a regular file (sverka does not follow links in the served directory)",
                self.path.display()
            ))),
        }
    }

    /// Appends `entry` as a row and returns the row.
    ///
    /// # Errors
    /// 422 when the file's header lacks a column the row needs, 500 when it cannot be
    /// read, parsed or written.
    pub fn add(&self, entry: &Entry) -> Result<String, ApiError> {
        let old = self.text().map_err(|e| ApiError::internal(e.to_string()))?;
        let mut text = old.unwrap_or_else(|| HEADER.to_string());
        let columns = header_columns(&text);
        let row = render_row(entry, &columns)?;
        if !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(&row);
        text.push('\n');
        tsv::parse(&text, &self.path, None)
            .map_err(|e| ApiError::internal(format!("the new row is not valid: {e}")))?;
        write_atomic(&self.path, text.as_bytes())
            .map_err(|e| ApiError::internal(format!("cannot write {}: {e}", self.path.display())))?;
        Ok(row)
    }
}

/// The column names of a glossary TSV text (its first line that is no comment).
fn header_columns(text: &str) -> Vec<String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.lines()
        .find(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|h| h.split('\t').map(|c| c.trim().to_ascii_lowercase()).collect())
        .unwrap_or_default()
}

/// `entry` as a row of a file with `columns`.
fn render_row(entry: &Entry, columns: &[String]) -> Result<String, ApiError> {
    let join = |forms: &[String]| forms.join("|");
    let en: Vec<String> = std::iter::once(entry.en.clone()).chain(entry.en_alt.iter().cloned()).collect();
    let kind = match entry.kind {
        TermType::Person => "person",
        TermType::Place => "place",
        TermType::Org => "org",
        TermType::Term => "term",
    };
    let values = [
        ("en", join(&en)),
        ("ru", join(&entry.ru)),
        ("be", join(&entry.be)),
        ("variants", join(&entry.variants)),
        ("type", kind.to_string()),
        ("note", entry.note.clone()),
        ("profile", entry.profiles.join(",")),
    ];
    for (name, value) in &values {
        if !value.is_empty() && !columns.iter().any(|c| c == name) {
            return Err(ApiError::unprocessable(format!(
                "{FILE} has no '{name}' column; add it to its header row and try again"
            )));
        }
    }
    let field =
        |name: &str| values.iter().find(|(n, _)| *n == name).map_or(String::new(), |(_, v)| v.clone());
    Ok(columns.iter().map(|c| field(c)).collect::<Vec<_>>().join("\t"))
}

/// Whether `form` can stand in a glossary field.
fn clean(form: &str) -> bool {
    !form.trim().is_empty() && !form.contains(['|', '\t']) && !form.chars().any(char::is_control)
}

/// The entry of `glossary` whose English form is the whole of `text`, if any.
fn entry_of(glossary: &Glossary, text: &str) -> Option<(usize, FormKind)> {
    glossary
        .find(text, &Lang::en())
        .into_iter()
        .find(|m| m.span == (0..text.len()))
        .map(|m| (m.entry, m.form))
}

/// The glossary row that `action` on `finding` writes, given the glossary the finding
/// was made with (under the profile); `profile` scopes the row, `note` says where it
/// comes from.
///
/// # Errors
/// 422 when the finding is of another check, names no expected form, holds characters
/// a glossary field cannot, or the action would change nothing.
pub fn entry_for(
    action: Action,
    finding: &Spelling,
    glossary: &Glossary,
    profile: Option<&str>,
    note: String,
) -> Result<Entry, ApiError> {
    if !matches!(finding.check, CheckKind::GlossaryVariant | CheckKind::NameInconsistent) {
        return Err(ApiError::unprocessable(format!(
            "a {} finding is not about a spelling; only glossary-variant and name-inconsistent findings \
             can go into the glossary",
            finding.check.name()
        )));
    }
    let found = finding.found.trim().to_string();
    let expected = finding.expected.as_deref().map(str::trim).unwrap_or("").to_string();
    if !clean(&found) || !clean(&expected) {
        return Err(ApiError::unprocessable(
            "the finding needs a found and an expected form without tabs, '|' or line breaks",
        ));
    }
    if found == expected {
        return Err(ApiError::unprocessable("the found and expected forms are the same"));
    }
    let related = entry_of(glossary, &expected).or_else(|| entry_of(glossary, &found));
    let mut entry = match related.and_then(|(k, _)| glossary.entries.get(k)) {
        Some(e) => e.clone(),
        None => Entry {
            en: expected.clone(),
            en_alt: Vec::new(),
            ru: Vec::new(),
            be: Vec::new(),
            variants: Vec::new(),
            kind: if finding.check == CheckKind::NameInconsistent {
                TermType::Person
            } else {
                TermType::Term
            },
            note: String::new(),
            profiles: Vec::new(),
        },
    };
    match action {
        Action::Variant => {
            if entry.variants.contains(&found) {
                return Err(ApiError::unprocessable(format!(
                    "'{found}' is already a rejected form of '{}' in the glossary",
                    entry.en
                )));
            }
            if entry.en == found {
                return Err(ApiError::unprocessable(format!("'{found}' is the glossary's own spelling")));
            }
            entry.en_alt.retain(|f| *f != found);
            entry.variants.push(found);
        }
        Action::HouseSpelling => {
            let old = entry.en.clone();
            let canonical = with_suffix(&old, &expected, &found).unwrap_or_else(|| found.clone());
            let rejected = [expected.clone(), old.clone()];
            entry.en_alt.retain(|f| *f != canonical && *f != found && !rejected.contains(f));
            entry.variants.retain(|f| *f != canonical && *f != found);
            for form in rejected {
                if form != canonical && !entry.variants.contains(&form) {
                    entry.variants.push(form);
                }
            }
            entry.en = canonical;
        }
    }
    entry.note = note;
    entry.profiles = profile.map(|p| vec![p.to_ascii_lowercase()]).unwrap_or_default();
    Ok(entry)
}

/// `form` with its trailing words `old_end` replaced by `new_end` (`Volodymyr Zelenskyy`,
/// `Zelenskyy` → `Zelensky`: `Volodymyr Zelensky`), when it ends so and is longer.
fn with_suffix(form: &str, old_end: &str, new_end: &str) -> Option<String> {
    let head = form.strip_suffix(old_end)?;
    (head.ends_with(' ') && !head.trim().is_empty()).then(|| format!("{head}{new_end}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spelling(check: CheckKind, found: &str, expected: &str) -> Spelling {
        Spelling { check, found: found.into(), expected: Some(expected.into()) }
    }

    #[test]
    fn house_spelling_of_a_surname_rewrites_the_whole_name() {
        let g = Glossary::builtin().with_profile(None).expect("base");
        let f = spelling(CheckKind::GlossaryVariant, "Zelensky", "Zelenskyy");
        let e = entry_for(Action::HouseSpelling, &f, &g, None, "n".into()).expect("entry");
        assert_eq!(e.en, "Volodymyr Zelensky");
        assert!(
            e.variants.contains(&"Zelenskyy".to_string())
                && e.variants.contains(&"Volodymyr Zelenskyy".to_string())
        );
        assert!(!e.variants.contains(&"Zelensky".to_string()));
        assert_eq!(e.ru, ["Владимир Зеленский"]);
        let layered = Glossary::builtin().layered(Glossary::new(vec![e]));
        let g2 = layered.with_profile(None).expect("base");
        let forms = |t: &str| g2.find(t, &Lang::en()).into_iter().map(|m| m.form).collect::<Vec<_>>();
        assert_eq!(forms("Zelensky spoke"), [FormKind::Accepted]);
        assert_eq!(forms("Zelenskyy spoke"), [FormKind::Variant]);
    }

    #[test]
    fn a_variant_joins_the_entry_of_the_expected_form() {
        let g = Glossary::builtin().with_profile(None).expect("base");
        let f = spelling(CheckKind::NameInconsistent, "Kursk region", "Kursk Region");
        let e = entry_for(Action::Variant, &f, &g, Some("BelTA"), "n".into()).expect("entry");
        assert_eq!(
            (e.en.as_str(), e.variants.as_slice()),
            ("Kursk Region", ["Kursk region".to_string()].as_slice())
        );
        assert_eq!(e.ru, ["Курская область"]);
        assert_eq!(e.profiles, ["belta"]);
        let again = spelling(CheckKind::GlossaryVariant, "Zelensky", "Zelenskyy");
        assert!(
            entry_for(Action::Variant, &again, &g, None, "n".into()).unwrap_err().message.contains("already")
        );
        let number = spelling(CheckKind::NumberMismatch, "15%", "12%");
        assert_eq!(
            entry_for(Action::Variant, &number, &g, None, "n".into()).unwrap_err().status.as_u16(),
            422
        );
        let tab = spelling(CheckKind::NameInconsistent, "A\tB", "AB");
        assert!(entry_for(Action::Variant, &tab, &g, None, "n".into()).is_err());
    }

    #[test]
    fn unknown_names_get_a_row_of_their_own() {
        let g = Glossary::builtin().with_profile(None).expect("base");
        let f = spelling(CheckKind::NameInconsistent, "Zhdanovichi", "Zhdanovichy");
        let e = entry_for(Action::HouseSpelling, &f, &g, None, "n".into()).expect("entry");
        assert_eq!(
            (e.en.as_str(), e.variants.as_slice()),
            ("Zhdanovichi", ["Zhdanovichy".to_string()].as_slice())
        );
        assert!(e.ru.is_empty() && e.en_alt.is_empty());
    }

    #[test]
    fn rows_are_appended_under_the_header_and_read_back() {
        let dir = tempfile::tempdir().expect("dir");
        let user = UserGlossary::at(dir.path());
        assert!(user.load().expect("no file").entries.is_empty());
        let g = Glossary::builtin().with_profile(None).expect("base");
        let f = spelling(CheckKind::NameInconsistent, "Kursk region", "Kursk Region");
        let e = entry_for(Action::Variant, &f, &g, None, "from a finding".into()).expect("entry");
        let row = user.add(&e).expect("written");
        assert!(row.starts_with("Kursk Region|Kursk Oblast\tКурская область\t"), "{row}");
        let f2 = spelling(CheckKind::NameInconsistent, "Zhdanovichi", "Zhdanovichy");
        user.add(&entry_for(Action::HouseSpelling, &f2, &g, None, "n".into()).expect("e")).expect("written");
        let back = user.load().expect("parses");
        assert_eq!(back.entries.len(), 2);
        assert_eq!(back.entries[0].variants, ["Kursk region"]);
        std::fs::write(user.path(), "en\tru\nKyiv\tКиев\n").expect("write");
        assert_eq!(user.add(&e).unwrap_err().status.as_u16(), 422, "no variants column");
    }
}
