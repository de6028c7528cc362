//! Glossaries: loading (TSV, TBX v2/v3), the built-in glossary under `glossary/`,
//! layering (later files win), house-style profiles, and inflection-aware matching of
//! terms in Russian/Belarusian originals and word-bounded matching in English.
//!
//! OWNER: issue 5. The skeleton holds the types and an empty glossary.

use crate::error::Result;
use crate::model::Lang;
use std::path::Path;

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
}

/// A set of entries; later layers override earlier ones on the same canonical form.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Glossary {
    /// The entries.
    pub entries: Vec<Entry>,
}

/// Where an entry matched: entry index and byte span in the searched text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermMatch {
    /// Index into [`Glossary::entries`].
    pub entry: usize,
    /// Byte span in the text.
    pub span: std::ops::Range<usize>,
}

impl Glossary {
    /// The glossary shipped with sverka (`glossary/*.tsv`, compiled in).
    pub fn builtin() -> Glossary {
        Glossary::default()
    }

    /// Loads a TSV or TBX file.
    ///
    /// # Errors
    /// [`crate::Error::Parse`] with the line of a malformed row; I/O errors.
    pub fn load(path: &Path) -> Result<Glossary> {
        let _ = path;
        Err(crate::Error::NotYetAvailable("loading glossary files"))
    }

    /// Layers `other` over `self` (other wins).
    pub fn layered(mut self, other: Glossary) -> Glossary {
        self.entries.extend(other.entries);
        self
    }

    /// Terms of this glossary found in `text` written in `lang` (inflection-aware for
    /// Cyrillic languages, word-bounded for English: canonical forms and variants).
    pub fn find(&self, text: &str, lang: &Lang) -> Vec<TermMatch> {
        let _ = (text, lang);
        Vec::new()
    }
}
