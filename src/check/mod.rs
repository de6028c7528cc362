//! Consistency checks over an aligned pair: glossary variants and missing terms,
//! names rendered two ways, numbers that disagree, omissions and additions.
//!
//! Either side may be the English one: the side whose language is `en` is the
//! translation checked against the glossary, the other is the original. When neither
//! side is English, A is taken as the translation and only the language-independent
//! checks (numbers, coverage) report anything. Findings come out in document order.
//! Each check is one submodule with one entry point taking the pair as the checks see
//! it (translation, original, beads in that order, the glossary under the profile).

mod case;
mod coverage;
mod names;
mod numbers;
mod resolve;
pub(crate) mod spelling;
mod terms;
mod versions;
mod weak;

use crate::annotate::{Annotation, annotate};
use crate::glossary::{Glossary, TermMatch};
use crate::model::{Alignment, CheckKind, Document, Finding, Lang, Note, Severity, Side};
use crate::numbers::NumberToken;
pub use resolve::{group, ungroup};

/// Options of a check run.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// Beads below this confidence are reported as `weak-alignment` (0: none).
    pub weak: f64,
    /// The original is a machine translation of the English (`sverka check A --mt …
    /// --to ru`, no B): glossary terms of the English must then appear in it too, and a
    /// missing one is reported (a name the MT mangled or dropped).
    pub original_is_mt: bool,
    /// Whether the two texts are retellings of one story rather than a translation
    /// ([`retelling`]); `None`: decide from the pair.
    pub retelling: Option<bool>,
    /// Two English versions: the glossary entries their original names, when it is given
    /// (it decides which version departs where they name different terms).
    pub original_terms: Option<Vec<usize>>,
}

/// What a check run found, and what it has to tell its user besides.
#[derive(Debug, Clone, Default)]
pub struct Checked {
    /// The findings, in document order.
    pub findings: Vec<Finding>,
    /// Notes for the user (how the pair was read).
    pub notes: Vec<Note>,
}

/// The pair as the checks see it: translation and original, whatever their order.
pub(crate) struct Pair<'a> {
    /// The translation (normally English).
    pub en: &'a Document,
    /// The original.
    pub orig: &'a Document,
    /// Side of the translation.
    pub en_side: Side,
    /// Side of the original.
    pub orig_side: Side,
    /// Per bead: (translation ids, original ids).
    pub beads: Vec<(&'a [usize], &'a [usize])>,
    /// Bead index of each translation sentence.
    pub en_bead: Vec<Option<usize>>,
    /// Bead index of each original sentence.
    pub orig_bead: Vec<Option<usize>>,
    /// The glossary under the chosen profile.
    pub glossary: &'a Glossary,
    /// Annotations of each translation sentence.
    pub en_notes: &'a [Annotation],
    /// Annotations of each original sentence.
    pub orig_notes: &'a [Annotation],
    /// The two are English versions of one original: the "translation" is version A,
    /// the "original" version B, the reference A is compared with.
    pub versions: bool,
    /// What messages call the translation side (`the translation`, `version A`).
    pub en_label: &'static str,
    /// What messages call the original side (`the original`, `version B`).
    pub orig_label: &'static str,
}

/// Which document plays which part in a [`Pair`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Roles {
    /// B is the translation (A the original).
    pub b_is_translation: bool,
    /// Two English versions.
    pub versions: bool,
    /// What messages call the translation side.
    pub en_label: &'static str,
    /// What messages call the original side.
    pub orig_label: &'static str,
}

impl Roles {
    /// The roles by language: the English side is the translation (A when both or
    /// neither are); two English sides are versions A and B.
    pub fn of(a: &Document, b: &Document) -> Roles {
        let versions = a.lang == Lang::en() && b.lang == Lang::en();
        let b_is_translation = b.lang == Lang::en() && a.lang != Lang::en();
        if versions {
            Roles { b_is_translation, versions, en_label: "version A", orig_label: "version B" }
        } else {
            Roles { b_is_translation, versions, en_label: "the translation", orig_label: "the original" }
        }
    }

    /// Version B read as the translation of version A (for the checks of one text run on B).
    pub fn b_as_version() -> Roles {
        Roles { b_is_translation: true, versions: true, en_label: "version B", orig_label: "version A" }
    }
}

impl<'a> Pair<'a> {
    fn new(
        a: (&'a Document, &'a [Annotation]),
        b: (&'a Document, &'a [Annotation]),
        alignment: &'a Alignment,
        glossary: &'a Glossary,
    ) -> Self {
        let roles = Roles::of(a.0, b.0);
        Pair::with_roles(a, b, alignment, glossary, roles)
    }

    fn with_roles(
        (a, notes_a): (&'a Document, &'a [Annotation]),
        (b, notes_b): (&'a Document, &'a [Annotation]),
        alignment: &'a Alignment,
        glossary: &'a Glossary,
        roles: Roles,
    ) -> Self {
        let b_is_en = roles.b_is_translation;
        let (en, orig, en_side, orig_side, en_notes, orig_notes) = if b_is_en {
            (b, a, Side::B, Side::A, notes_b, notes_a)
        } else {
            (a, b, Side::A, Side::B, notes_a, notes_b)
        };
        let beads: Vec<(&[usize], &[usize])> = alignment
            .beads
            .iter()
            .map(|bd| if b_is_en { (&bd.b[..], &bd.a[..]) } else { (&bd.a[..], &bd.b[..]) })
            .collect();
        let mut en_bead = vec![None; en.len()];
        let mut orig_bead = vec![None; orig.len()];
        for (k, (e, o)) in beads.iter().enumerate() {
            for &i in e.iter() {
                if let Some(slot) = en_bead.get_mut(i) {
                    *slot = Some(k);
                }
            }
            for &j in o.iter() {
                if let Some(slot) = orig_bead.get_mut(j) {
                    *slot = Some(k);
                }
            }
        }
        Pair {
            en,
            orig,
            en_side,
            orig_side,
            beads,
            en_bead,
            orig_bead,
            glossary,
            en_notes,
            orig_notes,
            versions: roles.versions,
            en_label: roles.en_label,
            orig_label: roles.orig_label,
        }
    }

    /// Glossary matches of translation sentence `i` (none unless the translation is English).
    pub fn en_terms(&self, i: usize) -> &[TermMatch] {
        match self.en_notes.get(i) {
            Some(note) if self.english() => &note.terms,
            _ => &[],
        }
    }

    /// Glossary matches of original sentence `j` (none unless the translation is English).
    pub fn orig_terms(&self, j: usize) -> &[TermMatch] {
        match self.orig_notes.get(j) {
            Some(note) if self.english() => &note.terms,
            _ => &[],
        }
    }

    /// Quantities of translation sentence `i`.
    pub fn en_numbers(&self, i: usize) -> &[NumberToken] {
        self.en_notes.get(i).map_or(&[], |note| &note.numbers)
    }

    /// Quantities of original sentence `j`.
    pub fn orig_numbers(&self, j: usize) -> &[NumberToken] {
        self.orig_notes.get(j).map_or(&[], |note| &note.numbers)
    }

    /// Whether the translation is English (glossary and name checks apply).
    pub fn english(&self) -> bool {
        self.en.lang == Lang::en()
    }

    /// Where the text of translation sentence `i` starts after its dateline; `None` for
    /// furniture (a credit, an end marker…), which the translator did not write.
    pub fn en_body_start(&self, i: usize) -> Option<usize> {
        let s = self.en.sentences.get(i)?;
        (!s.is_furniture()).then_some(s.dateline)
    }

    /// Whether sentence `i` of the translation (`translation`) or of the original is furniture.
    pub fn is_furniture(&self, translation: bool, i: usize) -> bool {
        let doc = if translation { self.en } else { self.orig };
        doc.sentences.get(i).is_some_and(|s| s.is_furniture())
    }

    /// Whether sentence `i` of the translation (`translation`) or of the original is a headline.
    pub fn is_headline(&self, translation: bool, i: usize) -> bool {
        let doc = if translation { self.en } else { self.orig };
        doc.sentences.get(i).is_some_and(|s| s.kind == crate::model::SentenceKind::Headline)
    }

    /// Text of translation sentence `i` ("" when out of range).
    pub fn en_text(&self, i: usize) -> &str {
        self.en.sentences.get(i).map_or("", |s| s.text.as_str())
    }

    /// Text of original sentence `j` ("" when out of range).
    pub fn orig_text(&self, j: usize) -> &str {
        self.orig.sentences.get(j).map_or("", |s| s.text.as_str())
    }

    /// A finding about translation sentence `i`.
    pub fn en_finding(&self, check: CheckKind, severity: Severity, i: usize, found: &str) -> Finding {
        Finding {
            bead: self.en_bead.get(i).copied().flatten(),
            ..Finding::new(check, severity, self.en_side, i, found)
        }
    }

    /// A finding about original sentence `j`.
    pub fn orig_finding(&self, check: CheckKind, severity: Severity, j: usize, found: &str) -> Finding {
        Finding {
            side: self.orig_side,
            sentence: j,
            bead: self.orig_bead.get(j).copied().flatten(),
            ..self.en_finding(check, severity, 0, found)
        }
    }
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions {
            weak: crate::config::ConfidenceConfig::default().weak,
            original_is_mt: false,
            retelling: None,
            original_terms: None,
        }
    }
}

/// Runs every check on an aligned pair. Either side may be the English one. `glossary`
/// is the glossary under the house-style profile ([`Glossary::with_profile`]). The
/// sentences are annotated first; [`run_annotated`] takes annotations made already and
/// also returns the run's notes.
pub fn run(
    a: &Document,
    b: &Document,
    alignment: &Alignment,
    glossary: &Glossary,
    options: &CheckOptions,
) -> Vec<Finding> {
    let (notes_a, notes_b) = (annotate(a, glossary), annotate(b, glossary));
    run_annotated((a, &notes_a), (b, &notes_b), alignment, glossary, options).findings
}

/// Whether `a` and `b` read as two retellings of one story rather than a translation:
/// fewer than half of the translation's sentences (at least four of them, furniture
/// and headlines aside) sit in beads aligned with confidence (at least `weak`). The
/// sentences and numbers one side has alone are then the writers' choices, and the
/// checks do not report them.
pub fn retelling(a: &Document, b: &Document, alignment: &Alignment, weak: f64) -> bool {
    let glossary = Glossary::default();
    let pair = Pair::new((a, &[]), (b, &[]), alignment, &glossary);
    coverage::retelling(&pair, alignment, weak)
}

/// [`run`] on documents annotated already against `glossary`, with the run's notes.
pub fn run_annotated(
    a: (&Document, &[Annotation]),
    b: (&Document, &[Annotation]),
    alignment: &Alignment,
    glossary: &Glossary,
    options: &CheckOptions,
) -> Checked {
    let pair = Pair::new(a, b, alignment, glossary);
    let retelling = options.retelling.unwrap_or_else(|| coverage::retelling(&pair, alignment, options.weak));
    let mut notes = Vec::new();
    let mut out = Vec::new();
    if retelling {
        notes.push(Note::warning(format!(
            "the two texts read as retellings of one story rather than {} of {} (fewer than half of the \
             sentences of {} align with confidence): sentences and numbers on one side only are the writers' \
             choices and are not reported{}",
            if pair.versions { "two versions" } else { "a translation" },
            if pair.versions { "one original" } else { "the original" },
            pair.en_label,
            if pair.versions { "" } else { "; names of the original that the translation never gives are" },
        )));
    } else {
        out.extend(coverage::check(&pair));
        out.extend(coverage::joined(&pair));
    }
    out.extend(terms::variants(&pair));
    if !pair.versions {
        out.extend(if retelling { terms::never_named(&pair) } else { terms::missing(&pair) });
    }
    if options.original_is_mt {
        out.extend(terms::lost_in_mt(&pair));
    }
    out.extend(names::check(&pair));
    out.extend(case::check(&pair));
    if pair.versions {
        // The checks of one text, on version B too; then the names the two spell apart.
        let b_pair = Pair::with_roles(a, b, alignment, glossary, Roles::b_as_version());
        out.extend(terms::variants(&b_pair));
        out.extend(names::check(&b_pair));
        out.extend(case::check(&b_pair));
        out.extend(versions::check(&pair, &b_pair, options.original_terms.as_deref()));
    }
    out.extend(numbers::check(&pair, !retelling));
    let out = resolve::one_per_span(out);
    let (mut out, doubtful) = weak::set_aside(&pair, alignment, options.weak, retelling, out);
    out.extend(weak::check(&pair, alignment, &doubtful));
    out.sort_by_key(|f| (f.bead.unwrap_or(usize::MAX), f.side == Side::B, f.sentence, f.check));
    Checked { findings: group(out), notes }
}

/// The original two English versions translate, with each version aligned to it.
pub struct Original<'a> {
    /// The original and the annotations of its sentences.
    pub doc: (&'a Document, &'a [Annotation]),
    /// Version A aligned with the original (A's ids first).
    pub a: &'a Alignment,
    /// Version B aligned with the original (B's ids first).
    pub b: &'a Alignment,
}

/// [`run_annotated`] for two English versions `a` and `b` of `original`: the version
/// checks of A with B, each difference said to be a departure of the version the original
/// does not back, and each version's numbers checked against the original.
pub fn run_versions(
    a: (&Document, &[Annotation]),
    b: (&Document, &[Annotation]),
    alignment: &Alignment,
    original: &Original<'_>,
    glossary: &Glossary,
    options: &CheckOptions,
) -> Checked {
    let named: Vec<usize> = original.doc.1.iter().flat_map(|n| n.terms.iter().map(|m| m.entry)).collect();
    let options = CheckOptions { original_terms: Some(named), ..options.clone() };
    let checked = run_annotated(a, b, alignment, glossary, &options);
    let pair = Pair::new(a, b, alignment, glossary);
    let mut out = ungroup(&checked.findings);
    versions::attribute(&mut out, &pair, original);
    for (doc, side, label, aligned) in
        [(a, Side::A, "version A", original.a), (b, Side::B, "version B", original.b)]
    {
        let roles =
            Roles { b_is_translation: false, versions: false, en_label: label, orig_label: "the original" };
        let against = Pair::with_roles(doc, original.doc, aligned, glossary, roles);
        for mut f in numbers::check(&against, false) {
            // A bead the aligner doubts compares nothing (see `weak`).
            if f.bead.and_then(|k| aligned.beads.get(k)).is_none_or(|bd| bd.score < options.weak) {
                continue;
            }
            f.side = side;
            f.bead =
                if side == Side::A { pair.en_bead.get(f.sentence) } else { pair.orig_bead.get(f.sentence) }
                    .copied()
                    .flatten();
            let known = out.iter().any(|g| {
                g.side == f.side
                    && g.sentence == f.sentence
                    && g.check == f.check
                    && matches!((&g.span, &f.span), (Some(x), Some(y)) if x.start < y.end && y.start < x.end)
            });
            if !known {
                out.push(f);
            }
        }
    }
    out.sort_by_key(|f| (f.bead.unwrap_or(usize::MAX), f.side == Side::B, f.sentence, f.check));
    Checked { findings: group(out), notes: checked.notes }
}

#[cfg(test)]
mod tests;
