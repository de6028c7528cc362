//! Glossaries: loading (TSV, TBX v2/v3), the built-in glossary under `glossary/`,
//! layering (later files win), house-style profiles, and inflection-aware matching of
//! terms in Russian/Belarusian originals and word-bounded matching in English.
//!
//! Invariant: `entries` is only read after construction; the scanning index is built
//! once, on the first [`Glossary::find`], and rebuilt on the fly if `entries` changed
//! length since.

pub(crate) mod inflection;
pub(crate) mod matching;
pub mod tbx;
pub mod tsv;

use crate::error::{Error, Result};
use crate::model::Lang;
use inflection::Tongue;
use std::path::Path;
use std::sync::OnceLock;

/// What a glossary entry names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TermType {
    /// A person.
    Person,
    /// A place.
    Place,
    /// An organisation.
    Org,
    /// Any other term.
    Term,
}

/// One glossary entry: the canonical English form and its forms in the originals.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Canonical English form.
    pub en: String,
    /// Other accepted English forms (`Ukrainian` for `Ukraine`, a long form of an
    /// acronym); never reported, accepted as the term's rendering.
    pub en_alt: Vec<String>,
    /// Russian lemma forms.
    pub ru: Vec<String>,
    /// Belarusian lemma forms.
    pub be: Vec<String>,
    /// English forms to reject.
    pub variants: Vec<String>,
    /// What the entry names.
    pub kind: TermType,
    /// Free note (source, usage).
    pub note: String,
    /// House-style profiles the entry belongs to (lowercase); empty = every profile.
    pub profiles: Vec<String>,
}

impl Entry {
    /// Whether `self` and `other` are the same term: same canonical English (ignoring
    /// case) or a shared Russian or Belarusian lemma form.
    pub fn same_term(&self, other: &Entry) -> bool {
        let (mine, theirs) = (self.term_keys(), other.term_keys());
        mine.iter().any(|k| theirs.contains(k))
    }

    /// What identifies the term: its canonical English (lower case) and its Russian and
    /// Belarusian lemma forms (folded), each tagged with its language.
    fn term_keys(&self) -> Vec<(u8, String)> {
        let mut keys = vec![(b'e', self.en.to_lowercase())];
        keys.extend(self.ru.iter().map(|f| (b'r', inflection::normalise(f))));
        keys.extend(self.be.iter().map(|f| (b'b', inflection::normalise(f))));
        keys
    }
}

/// Which form of an entry matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FormKind {
    /// A Russian or Belarusian form, in an original.
    Original,
    /// The canonical English form.
    Canonical,
    /// Another accepted English form (or a person's surname alone).
    Accepted,
    /// A rejected English form.
    Variant,
}

/// A set of entries; later layers override earlier ones on the same term.
#[derive(Debug, Default)]
pub struct Glossary {
    /// The entries.
    pub entries: Vec<Entry>,
    index: OnceLock<matching::Index>,
}

impl Clone for Glossary {
    fn clone(&self) -> Self {
        Glossary::new(self.entries.clone())
    }
}

impl PartialEq for Glossary {
    fn eq(&self, other: &Self) -> bool {
        self.entries == other.entries
    }
}

/// Where an entry matched: entry index, byte span in the searched text, which form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermMatch {
    /// Index into [`Glossary::entries`].
    pub entry: usize,
    /// Byte span in the text.
    pub span: std::ops::Range<usize>,
    /// Which form matched.
    pub form: FormKind,
}

/// The built-in glossary files: (name, profile, text).
const BUILTIN: [(&str, Option<&str>, &str); 7] = [
    ("glossary/people.tsv", None, include_str!("../../glossary/people.tsv")),
    ("glossary/places.tsv", None, include_str!("../../glossary/places.tsv")),
    ("glossary/orgs.tsv", None, include_str!("../../glossary/orgs.tsv")),
    ("glossary/profiles/belta.tsv", Some("belta"), include_str!("../../glossary/profiles/belta.tsv")),
    ("glossary/profiles/ap.tsv", Some("ap"), include_str!("../../glossary/profiles/ap.tsv")),
    ("glossary/profiles/reuters.tsv", Some("reuters"), include_str!("../../glossary/profiles/reuters.tsv")),
    ("glossary/profiles/tass.tsv", Some("tass"), include_str!("../../glossary/profiles/tass.tsv")),
];

/// The built-in house-style profiles.
pub const BUILTIN_PROFILES: [&str; 4] = ["belta", "ap", "reuters", "tass"];

impl Glossary {
    /// A glossary of `entries`.
    pub fn new(entries: Vec<Entry>) -> Glossary {
        Glossary { entries, index: OnceLock::new() }
    }

    /// The glossary shipped with sverka (`glossary/*.tsv`, compiled in), profile rows
    /// included (see [`Glossary::with_profile`]).
    pub fn builtin() -> Glossary {
        Glossary::new(Glossary::builtin_checked().unwrap_or_default())
    }

    /// The built-in entries, or the first parse error of a built-in file (a test keeps
    /// them valid; [`Glossary::builtin`] cannot fail).
    ///
    /// # Errors
    /// [`Error::Parse`] naming the built-in file and line.
    pub fn builtin_checked() -> Result<Vec<Entry>> {
        let mut all = Glossary::default();
        for (name, profile, text) in BUILTIN {
            all = all.layered(Glossary::new(tsv::parse(text, Path::new(name), profile)?));
        }
        Ok(all.entries)
    }

    /// Loads a TSV or TBX file (TBX when the name ends in `.tbx` or `.xml`, or the
    /// text starts with `<`).
    ///
    /// # Errors
    /// [`crate::Error::Parse`] with the line of a malformed row; I/O errors.
    pub fn load(path: &Path) -> Result<Glossary> {
        let text = crate::input::read_text(path)?;
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
        let xml =
            ext == "tbx" || ext == "xml" || text.trim_start_matches('\u{feff}').trim_start().starts_with('<');
        let entries = if xml { tbx::parse(&text, path)? } else { tsv::parse(&text, path, None)? };
        Ok(Glossary::new(entries))
    }

    /// Layers `other` over `self`: an entry of `other` replaces every entry of `self`
    /// for the same term (see [`Entry::same_term`]) with the same profiles.
    pub fn layered(self, other: Glossary) -> Glossary {
        let mut entries: Vec<(Vec<(u8, String)>, Entry)> =
            self.entries.into_iter().map(|e| (e.term_keys(), e)).collect();
        for new in other.entries {
            let keys = new.term_keys();
            entries.retain(|(old_keys, old)| {
                !(old.profiles == new.profiles && old_keys.iter().any(|k| keys.contains(k)))
            });
            entries.push((keys, new));
        }
        Glossary::new(entries.into_iter().map(|(_, e)| e).collect())
    }

    /// The profiles named by any entry (sorted, unique).
    pub fn profiles(&self) -> Vec<String> {
        let mut out: Vec<String> = self.entries.iter().flat_map(|e| e.profiles.iter().cloned()).collect();
        out.sort();
        out.dedup();
        out
    }

    /// The glossary as seen under `profile`: entries of every profile, overridden by
    /// the entries of `profile` on the same term. `None` keeps the shared entries only.
    ///
    /// # Errors
    /// [`Error::Invalid`] when no entry names `profile` and it is not built in.
    pub fn with_profile(&self, profile: Option<&str>) -> Result<Glossary> {
        let shared = self.entries.iter().filter(|e| e.profiles.is_empty()).cloned().collect();
        let base = Glossary::new(shared);
        let Some(name) = profile else { return Ok(base) };
        let name = name.to_ascii_lowercase();
        let known = self.profiles();
        if !known.contains(&name) && !BUILTIN_PROFILES.contains(&name.as_str()) {
            return Err(Error::Invalid(format!(
                "unknown profile '{name}'; known profiles: {}",
                known.join(", ")
            )));
        }
        let layer: Vec<Entry> = self
            .entries
            .iter()
            .filter(|e| e.profiles.contains(&name))
            .map(|e| Entry { profiles: Vec::new(), ..e.clone() })
            .collect();
        Ok(base.layered(Glossary::new(layer)))
    }

    /// Terms of this glossary found in `text` written in `lang` (inflection-aware for
    /// Russian and Belarusian, word-bounded for English: canonical forms, accepted
    /// forms and variants), leftmost-longest, not overlapping. Other languages find
    /// nothing. Entries that belong to a profile are skipped: resolve the profile with
    /// [`Glossary::with_profile`] first.
    pub fn find(&self, text: &str, lang: &Lang) -> Vec<TermMatch> {
        let tongue = match lang.code() {
            "en" => None,
            "ru" => Some(Tongue::Ru),
            "be" => Some(Tongue::Be),
            _ => return Vec::new(),
        };
        let index = self.index.get_or_init(|| matching::Index::build(&self.entries));
        if index.entries == self.entries.len() {
            index.find(text, tongue)
        } else {
            matching::Index::build(&self.entries).find(text, tongue)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(en: &str, ru: &str, variants: &str, profiles: &[&str]) -> Entry {
        let split = |s: &str| s.split('|').filter(|x| !x.is_empty()).map(String::from).collect();
        Entry {
            en: en.into(),
            en_alt: vec![],
            ru: split(ru),
            be: vec![],
            variants: split(variants),
            kind: TermType::Person,
            note: String::new(),
            profiles: profiles.iter().map(|p| p.to_string()).collect(),
        }
    }

    #[test]
    fn builtin_files_parse() {
        let entries = Glossary::builtin_checked().expect("built-in glossary parses");
        assert!(entries.len() > 100, "{}", entries.len());
    }

    #[test]
    fn builtin_rows_are_distinct_noted_and_free_of_conflicts() {
        let mut all = Vec::new();
        for (name, profile, text) in BUILTIN {
            let rows = tsv::parse(text, Path::new(name), profile).expect("parses");
            for (k, a) in rows.iter().enumerate() {
                assert!(!a.note.is_empty(), "{name}: '{}' has no note (its source)", a.en);
                for b in &rows[k + 1..] {
                    assert!(!a.same_term(b), "{name}: '{}' and '{}' are the same term", a.en, b.en);
                }
            }
            all.extend(rows);
        }
        // No rejected form of one entry is an accepted form of another in the same scope.
        for a in &all {
            for b in all.iter().filter(|b| b.profiles == a.profiles && b.en != a.en) {
                let accepted: Vec<String> =
                    std::iter::once(&b.en).chain(&b.en_alt).map(|f| f.to_lowercase()).collect();
                for v in &a.variants {
                    assert!(
                        !accepted.contains(&v.to_lowercase()),
                        "'{v}' rejected by '{}', accepted by '{}'",
                        a.en,
                        b.en
                    );
                }
            }
        }
    }

    #[test]
    fn later_layers_win_on_the_same_lemma() {
        let base = Glossary::new(vec![entry("Aleksandr Lukashenko", "Лукашенко", "", &[])]);
        let user =
            Glossary::new(vec![entry("Alexander Lukashenko", "Лукашенко", "Aleksandr Lukashenko", &[])]);
        let g = base.layered(user);
        assert_eq!(g.entries.len(), 1);
        assert_eq!(g.entries[0].en, "Alexander Lukashenko");
    }

    #[test]
    fn profiles_override_shared_entries() {
        let g = Glossary::new(vec![
            entry("Volodymyr Zelenskyy", "Зеленский", "Zelensky", &[]),
            entry("Volodymyr Zelenskiy", "Зеленский", "Zelenskyy", &["reuters"]),
        ]);
        assert_eq!(g.with_profile(None).expect("base").entries[0].en, "Volodymyr Zelenskyy");
        assert_eq!(g.with_profile(Some("reuters")).expect("reuters").entries[0].en, "Volodymyr Zelenskiy");
        assert!(g.with_profile(Some("nosuch")).is_err());
    }

    #[test]
    fn english_variants_match_whole_words_and_case_only_variants_their_case() {
        let mut e = entry("Kursk Region", "Курская область", "Kursk region", &[]);
        e.kind = TermType::Place;
        let g = Glossary::new(vec![e, entry("Volodymyr Zelenskyy", "", "Zelensky", &[])]);
        let forms = |t: &str| g.find(t, &Lang::en()).into_iter().map(|m| m.form).collect::<Vec<_>>();
        assert_eq!(forms("in the Kursk region"), vec![FormKind::Variant]);
        assert_eq!(forms("in the Kursk Region"), vec![FormKind::Canonical]);
        assert_eq!(forms("Zelenskyy's plan"), vec![FormKind::Accepted]);
        assert_eq!(forms("Zelensky's plan"), vec![FormKind::Variant]);
        assert_eq!(forms("Zelenskyyy"), vec![]);
    }

    #[test]
    fn cyrillic_forms_match_inflected() {
        let mut e = entry("Kursk Region", "Курская область", "", &[]);
        e.kind = TermType::Place;
        let g = Glossary::new(vec![e]);
        let text = "освобождение Курской области к декабрю";
        let m = g.find(text, &Lang::ru());
        assert_eq!(m.len(), 1);
        assert_eq!(&text[m[0].span.clone()], "Курской области");
        assert!(g.find("курская область", &Lang::ru()).is_empty(), "capital required");
    }
}
