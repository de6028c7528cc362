//! Sentence segmentation for English, Russian and Belarusian (and, with a smaller rule
//! set, Ukrainian), with a language-neutral fallback for every other language.
//!
//! Owns: splitting a text into paragraphs (blank-line separated) and sentences, and
//! the `--presegmented` reading (one sentence per line). Language knowledge
//! (abbreviations and their classes, words that open sentences) is data under
//! `src/segment/data/`, see [`rules`]; the boundary decisions are in `scan`.
//!
//! Invariants: the sentences tile the text (the first span starts at 0, each span starts
//! where the previous one ended, the last ends at the text's end; leading white space
//! of the text belongs to the first sentence, trailing white space to the sentence
//! before it); byte and char spans describe the same text; `text` is the span trimmed
//! and never empty. A text of white space only has no sentences.

pub mod furniture;
pub mod rules;
mod scan;

use crate::model::{Lang, Sentence, SentenceKind};
use std::ops::Range;

/// Splits `text` (LF newlines) into sentences for `lang`. The sentences tile the text;
/// a blank line always ends a sentence and starts a new paragraph; a single line break
/// does not end a sentence by itself.
///
/// Wire furniture gets its [`SentenceKind`] ([`furniture`]): a credit, end marker or date
/// stamp paragraph is one sentence; every sentence of a note paragraph is a note; a
/// dateline is never split and stays with the sentence it introduces (its length is
/// [`Sentence::dateline`]), or is a sentence of its own when nothing follows it; a first
/// paragraph of one short line with no sentence end, followed by more, is a headline, and
/// so is such a line between paragraphs (a subhead).
pub fn segment(text: &str, lang: &Lang) -> Vec<Sentence> {
    let rules = rules::for_lang(lang);
    let paras = paragraphs(text);
    let mut units: Vec<Unit> = Vec::new();
    let mut local = Vec::new();
    // The first paragraph of text may be a headline even after stamps and credits.
    let mut text_seen = false;
    for (index, para) in paras.iter().enumerate() {
        let body = &text[para.clone()];
        let at = |r: &Range<usize>| para.start + r.start..para.start + r.end;
        let kind = furniture::paragraph_kind(body);
        if matches!(kind, Some(k) if k != SentenceKind::Note) {
            units.push(Unit {
                range: para.clone(),
                paragraph: index,
                kind: kind.unwrap_or_default(),
                dateline: 0,
            });
            continue;
        }
        let dateline = if kind.is_none() { furniture::dateline_len(body).unwrap_or(0) } else { 0 };
        let rest = body[dateline..].trim_start();
        if dateline > 0 && rest.is_empty() {
            units.push(Unit {
                range: para.clone(),
                paragraph: index,
                kind: SentenceKind::Dateline,
                dateline: 0,
            });
            continue;
        }
        let offset = body.len() - rest.len();
        local.clear();
        scan::split(rest, rules, &mut local);
        let first = units.len();
        for r in &local {
            let range = at(&(offset + r.start..offset + r.end));
            units.push(Unit { range, paragraph: index, kind: kind.unwrap_or_default(), dateline: 0 });
        }
        if dateline > 0 {
            units[first].range.start = para.start;
            units[first].dateline = dateline.min(offset);
        }
        let first_text = !text_seen;
        text_seen |= kind.is_none();
        let headline_slot = first_text || index + 1 < paras.len();
        if kind.is_none() && local.len() == 1 && paras.len() > 1 && headline_slot && dateline == 0 {
            let words = body.split_whitespace().count();
            if furniture::may_be_headline(body) && (first_text || words <= 12) {
                units[first].kind = SentenceKind::Headline;
            }
        }
    }
    build(text, &units)
}

/// One sentence's content range (no surrounding white space) with what it is.
struct Unit {
    range: Range<usize>,
    paragraph: usize,
    kind: SentenceKind,
    dateline: usize,
}

/// The content ranges (trimmed, non-empty) of the blank-line separated paragraphs.
fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut content_end = 0;
    let mut line_start = 0;
    for line in text.split('\n') {
        let trimmed = line.trim_start();
        if trimmed.is_empty() {
            if let Some(start) = open.take() {
                out.push(start..content_end);
            }
        } else {
            if open.is_none() {
                open = Some(line_start + line.len() - trimmed.len());
            }
            content_end = line_start + line.trim_end().len();
        }
        line_start += line.len() + 1;
    }
    if let Some(start) = open {
        out.push(start..content_end);
    }
    out
}

/// Turns content ranges into tiling sentences.
fn build(text: &str, units: &[Unit]) -> Vec<Sentence> {
    let mut out = Vec::with_capacity(units.len());
    let mut byte = 0;
    let mut ch = 0;
    for (k, unit) in units.iter().enumerate() {
        let end = units.get(k + 1).map_or(text.len(), |next| next.range.start);
        let nchars = text[byte..end].chars().count();
        out.push(Sentence {
            text: text[unit.range.clone()].trim().to_string(),
            bytes: byte..end,
            chars: ch..ch + nchars,
            paragraph: unit.paragraph,
            kind: unit.kind,
            dateline: unit.dateline,
        });
        byte = end;
        ch += nchars;
    }
    out
}

/// Folds the inner line breaks of a sentence text (and the white space around them)
/// into single spaces, for one-sentence-per-line output.
pub fn fold_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_lines_into(text, &mut out);
    out
}

/// [`fold_lines`], appending to `out` (no allocation per sentence).
pub fn fold_lines_into(text: &str, out: &mut String) {
    if !text.contains('\n') {
        out.push_str(text);
        return;
    }
    for (k, line) in text.split('\n').map(str::trim).filter(|l| !l.is_empty()).enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(line);
    }
}

/// One sentence per line (the `--presegmented` contract): sentence id = 0-based line
/// number, an empty line is an empty sentence; every sentence is its own paragraph
/// unless the caller regroups. A final newline does not start an extra sentence. Lines
/// that are wire furniture get their kind, and a leading dateline its length.
pub fn presegmented(text: &str) -> Vec<Sentence> {
    use rayon::prelude::*;
    if text.is_empty() {
        return Vec::new();
    }
    let body = text.strip_suffix('\n').unwrap_or(text);
    let lines: Vec<&str> = body.split('\n').collect();
    let last = lines.len() - 1;
    // Each line on its own (spans relative to it), then the spans laid end to end.
    let mut out: Vec<Sentence> = lines
        .par_iter()
        .enumerate()
        .map(|(i, line)| {
            let with_nl = if i < last || body.len() < text.len() { line.len() + 1 } else { line.len() };
            let nchars = line.chars().count() + (with_nl - line.len());
            let text = line.trim();
            let kind = furniture::paragraph_kind(text);
            let dateline =
                furniture::dateline_len(text).filter(|&n| kind.is_none() && n < text.len()).unwrap_or(0);
            Sentence {
                text: text.to_string(),
                bytes: 0..with_nl,
                chars: 0..nchars,
                paragraph: i,
                kind: kind.unwrap_or_default(),
                dateline,
            }
        })
        .collect();
    let (mut byte, mut ch) = (0, 0);
    for s in &mut out {
        let (bytes, chars) = (s.bytes.end, s.chars.end);
        s.bytes = byte..byte + bytes;
        s.chars = ch..ch + chars;
        byte += bytes;
        ch += chars;
    }
    out
}
