//! The engine: the one place the pipeline is assembled. It segments texts, annotates
//! every sentence once, gathers the outside evidence (a machine translation of B,
//! sentence embeddings in two passes), aligns, runs the checks and builds the
//! [`Report`] that every output renders. The CLI's `align`, `check` and `batch`, the
//! examples and library users all call it, so they share one behaviour and the defaults
//! of one [`Config`]. Files and terminals stay outside; the network is reached only
//! through the [`Translator`] and [`Embedder`] it is given.

mod evidence;

use crate::align::{self, Dictionary, Resources};
use crate::annotate::{Annotation, annotate};
use crate::check::{self, CheckOptions};
use crate::config::Config;
use crate::error::Result;
use crate::glossary::Glossary;
use crate::model::{Alignment, Bead, Document, Lang, Report, SideText};
use crate::mt::{Embedder, Translator};

/// A document with the annotations of its sentences.
type Annotated<'d> = (&'d Document, &'d [Annotation]);

/// A configured pipeline. Build it once and run it on any number of pairs (it is
/// `Send + Sync`: `batch` shares one across threads).
pub struct Engine {
    config: Config,
    glossary: Glossary,
    dict: Option<Dictionary>,
    translator: Option<Box<dyn Translator>>,
    embedder: Option<Box<dyn Embedder>>,
}

/// Builds an [`Engine`]: a configuration, then what the engine may use besides the texts.
pub struct EngineBuilder {
    config: Config,
    /// `None`: the built-in glossary.
    glossary: Option<Glossary>,
    dict: Option<Dictionary>,
    translator: Option<Box<dyn Translator>>,
    embedder: Option<Box<dyn Embedder>>,
}

impl EngineBuilder {
    /// The glossary (default: the built-in one), before its profile is resolved.
    pub fn glossary(mut self, glossary: Glossary) -> Self {
        self.glossary = Some(glossary);
        self
    }

    /// A bilingual dictionary whose pairs are anchors.
    pub fn dictionary(mut self, dict: Dictionary) -> Self {
        self.dict = Some(dict);
        self
    }

    /// A machine translation service: B is translated into A's language when no ready
    /// translation is given, or B is made from A when there is no B.
    pub fn translator(mut self, translator: Box<dyn Translator>) -> Self {
        self.translator = Some(translator);
        self
    }

    /// A sentence embedding service.
    pub fn embedder(mut self, embedder: Box<dyn Embedder>) -> Self {
        self.embedder = Some(embedder);
        self
    }

    /// The engine.
    ///
    /// # Errors
    /// [`crate::Error::Invalid`] for a configuration that makes no sense or a profile no
    /// glossary knows.
    pub fn build(self) -> Result<Engine> {
        self.config.validate().map_err(crate::Error::Invalid)?;
        let glossary = self.glossary.unwrap_or_else(Glossary::builtin);
        let glossary = glossary.with_profile(self.config.check.profile.as_deref())?;
        Ok(Engine {
            config: self.config,
            glossary,
            dict: self.dict,
            translator: self.translator,
            embedder: self.embedder,
        })
    }
}

/// What one run should do beyond aligning.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// A ready translation of each B sentence into A's language (`--mt-file`).
    pub mt_b: Option<Vec<String>>,
    /// Run the checks (the formats that show findings need them; the others skip them).
    pub findings: bool,
}

impl Engine {
    /// A builder starting from `config`, the built-in glossary, no dictionary and no
    /// network services.
    pub fn builder(config: Config) -> EngineBuilder {
        EngineBuilder { config, glossary: None, dict: None, translator: None, embedder: None }
    }

    /// The engine of `config` with the built-in glossary and nothing else.
    ///
    /// # Errors
    /// As [`EngineBuilder::build`].
    pub fn new(config: Config) -> Result<Engine> {
        Engine::builder(config).build()
    }

    /// The configuration it runs.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The glossary it uses, under the configured profile.
    pub fn glossary(&self) -> &Glossary {
        &self.glossary
    }

    /// Segments `text` in `lang` (detected among en, ru, be, uk when `None`), one
    /// sentence per line when the configuration says the texts are presegmented.
    pub fn document(&self, text: &str, lang: Option<Lang>) -> Document {
        document(text, lang, self.config.segment.presegmented)
    }

    /// Aligns `a` with `b` and, when asked, checks the result. With a translator and no
    /// `options.mt_b`, B is machine-translated into A's language first; with an
    /// embedder, sentence embeddings join the evidence.
    ///
    /// # Errors
    /// [`crate::Error::Network`] when a translation or embedding service fails;
    /// [`crate::Error::Invalid`] when `options.mt_b` does not hold one line per B sentence.
    pub fn run(&self, a: &Document, b: &Document, options: &RunOptions) -> Result<Report> {
        let mt_b = match (&options.mt_b, &self.translator) {
            (Some(lines), _) if lines.len() != b.len() => {
                return Err(crate::Error::Invalid(format!(
                    "the translation of B has {} lines, but B has {} sentences; it needs one line per \
                     sentence of B",
                    lines.len(),
                    b.len()
                )));
            }
            (Some(lines), _) => Some(lines.clone()),
            (None, Some(translator)) => Some(translator.translate(&b.texts_owned(), &b.lang, &a.lang)?),
            (None, None) => None,
        };
        let (notes_a, notes_b) = rayon::join(|| annotate(a, &self.glossary), || annotate(b, &self.glossary));
        let (a, b) = ((a, notes_a.as_slice()), (b, notes_b.as_slice()));
        let gathered = evidence::gather(self, a, b, mt_b.as_deref())?;
        let alignment = self.align(a, b, gathered.evidence());
        let checked = if options.findings { self.check(a, b, &alignment, false) } else { Default::default() };
        let (a, b) = (a.0, b.0);
        let mut report = report(a, b, mt_b, alignment, checked.findings);
        report.notes = gathered.notes;
        report.notes.extend(checked.notes);
        Ok(report)
    }

    /// Aligns two English versions `a` and `b` of one `original` with each other and each
    /// with the original, and checks them ([`check::run_versions`]): the report is A
    /// against B, and its findings say which version departs from the original. Outside
    /// evidence (MT, embeddings) is not used here.
    pub fn run_versions(&self, a: &Document, b: &Document, original: &Document) -> Report {
        let ((notes_a, notes_b), notes_o) = rayon::join(
            || rayon::join(|| annotate(a, &self.glossary), || annotate(b, &self.glossary)),
            || annotate(original, &self.glossary),
        );
        let (va, vb, vo) = ((a, notes_a.as_slice()), (b, notes_b.as_slice()), (original, notes_o.as_slice()));
        let ab = self.align(va, vb, None);
        let (ao, bo) = rayon::join(|| self.align(va, vo, None), || self.align(vb, vo, None));
        let options = CheckOptions { weak: self.config.confidence.weak, ..CheckOptions::default() };
        let with = check::Original { doc: vo, a: &ao, b: &bo };
        let checked = check::run_versions(va, vb, &ab, &with, &self.glossary, &options);
        let mut report = report(a, b, None, ab, checked.findings);
        let aligned = |al: &Alignment| {
            al.beads.iter().filter(|b| !b.a.is_empty() && !b.b.is_empty()).map(|b| b.a.len()).sum::<usize>()
        };
        report.notes.push(crate::model::Note::info(format!(
            "compared with the original ({}, {} sentences): {} of {} sentences of version A and {} of {} of version B \
             align with it",
            original.lang,
            original.len(),
            aligned(&ao),
            a.len(),
            aligned(&bo),
            b.len()
        )));
        report.notes.extend(checked.notes);
        report
    }

    /// Aligns `a` with its own machine translation into `to` (B is made from A, one
    /// sentence per sentence, aligned 1-1) and, when asked, checks it: a glossary name of
    /// A that the translation renders in none of its forms is then reported.
    ///
    /// # Errors
    /// [`crate::Error::Invalid`] without a translator; [`crate::Error::Network`] when it fails.
    pub fn run_translating(&self, a: &Document, to: &Lang, findings: bool) -> Result<Report> {
        let Some(translator) = &self.translator else {
            return Err(crate::Error::Invalid(
                "aligning without B needs a machine translation service (--mt)".into(),
            ));
        };
        let lines = translator.translate(&a.texts_owned(), &a.lang, to)?;
        let b = document_of_lines(to.clone(), &lines);
        let beads = (0..a.len()).map(|i| Bead::new(vec![i], vec![i], 1.0)).collect();
        let alignment = Alignment { beads };
        let checked = if findings {
            let (notes_a, notes_b) = (annotate(a, &self.glossary), annotate(&b, &self.glossary));
            self.check((a, &notes_a), (&b, &notes_b), &alignment, true)
        } else {
            Default::default()
        };
        let mut report = report(a, &b, None, alignment, checked.findings);
        report.notes = checked.notes;
        Ok(report)
    }

    /// The aligner on an annotated pair with this engine's dictionary and configuration.
    fn align(&self, a: Annotated<'_>, b: Annotated<'_>, evidence: Option<align::Evidence<'_>>) -> Alignment {
        let resources = Resources { glossary: Some(&self.glossary), dict: self.dict.as_ref(), evidence };
        align::align_annotated(a, b, &resources, &self.config)
    }

    /// The checks on an aligned, annotated pair.
    fn check(
        &self,
        a: Annotated<'_>,
        b: Annotated<'_>,
        alignment: &Alignment,
        original_is_mt: bool,
    ) -> check::Checked {
        let options =
            CheckOptions { weak: self.config.confidence.weak, original_is_mt, ..CheckOptions::default() };
        check::run_annotated(a, b, alignment, &self.glossary, &options)
    }
}

/// Segments `text` in `lang` (detected among en, ru, be, uk when `None`; English when
/// the text has no letters); one sentence per line when `presegmented`.
pub fn document(text: &str, lang: Option<Lang>, presegmented: bool) -> Document {
    let lang = lang.unwrap_or_else(|| crate::lang::detect(text, &[]).unwrap_or_else(Lang::en));
    let sentences =
        if presegmented { crate::segment::presegmented(text) } else { crate::segment::segment(text, &lang) };
    Document { lang, sentences }
}

/// A document with one sentence per line (line breaks inside a line become spaces).
pub fn document_of_lines(lang: Lang, lines: &[String]) -> Document {
    let mut text: String = lines
        .iter()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n");
    text.push('\n');
    Document { lang, sentences: crate::segment::presegmented(&text) }
}

fn report(
    a: &Document,
    b: &Document,
    mt: Option<Vec<String>>,
    alignment: Alignment,
    findings: Vec<crate::model::Finding>,
) -> Report {
    Report::new(SideText::from_document(a), SideText::from_document(b), mt, alignment, findings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_covers_every_sentence_once() {
        let config =
            Config { segment: crate::config::SegmentConfig { presegmented: true }, ..Config::default() };
        let engine = Engine::new(config).expect("default engine");
        let a = engine.document("One.\nTwo.\nThree.\n", Some(Lang::en()));
        let b = engine.document("Один.\nДва.\n", Some(Lang::ru()));
        let report = engine.run(&a, &b, &RunOptions::default()).expect("offline run");
        let mut seen_a: Vec<usize> = report.beads.iter().flat_map(|x| x.a.clone()).collect();
        let mut seen_b: Vec<usize> = report.beads.iter().flat_map(|x| x.b.clone()).collect();
        seen_a.sort_unstable();
        seen_b.sort_unstable();
        assert_eq!(seen_a, vec![0, 1, 2]);
        assert_eq!(seen_b, vec![0, 1]);
        assert_eq!(report.stats.sentences_a, 3);
    }

    #[test]
    fn an_unknown_profile_is_refused_when_the_engine_is_built() {
        let mut config = Config::default();
        config.check.profile = Some("nosuch".into());
        assert!(Engine::new(config).is_err());
    }
}
