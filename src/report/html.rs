//! The `html` format: one self-contained page (inline CSS and a small inline script,
//! no network): a summary of the findings at the top, then the aligned table, one row
//! per bead (`div.row.bead`, `id="bN"`; a CSS grid whose off-screen rows the browser
//! skips until scrolled to, so 5,000 beads open fast): bead id, confidence, A, B and,
//! when the report has the MT of B, that MT with a word-level diff against A (`<ins>`
//! only in the MT, `<del>` only in A). Findings' `found` text is marked in its sentence
//! with the message as a tooltip and listed under the cell; 1-0 and 0-1 beads show the
//! missing side as a gap; low-confidence beads are tinted.
//!
//! Every text is escaped (`& < > " '`), control characters become U+FFFD, and the page
//! is well-formed XML so tests can parse it back. The script only toggles a filter,
//! moves between flagged beads with the keys n and p, and records, on load, the load
//! time, page width, row count and the number of cut-off cells in the first 200 rows
//! as attributes of `<html>` (`data-load-ms`, `data-scroll-width`, `data-client-width`,
//! `data-rows`, `data-clipped-cells`) for the browser test.

use super::marks::{self, Mark};
use super::markup::{Markup, escape, escape_into};
use super::{LOW_CONFIDENCE, joined, score};
use crate::model::{Bead, Report, Side};
use similar::{ChangeTag, TextDiff};
use std::fmt::Write;
use std::time::Duration;

const STYLE: &str = include_str!("report.css");
const SCRIPT: &str = include_str!("report.js");

/// Renders the report as one HTML page.
pub(super) fn render(report: &Report) -> String {
    let mut out = String::with_capacity(4096 + report.beads.len() * 600);
    head(&mut out, report);
    summary(&mut out, report);
    table(&mut out, report);
    out.push_str("<script>");
    out.push_str(SCRIPT);
    out.push_str("</script>\n</body>\n</html>\n");
    out
}

fn head(out: &mut String, report: &Report) {
    let (la, lb) = (report.a.lang.code(), report.b.lang.code());
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
    let _ = writeln!(out, "<meta name=\"generator\" content=\"sverka {}\"/>", env!("CARGO_PKG_VERSION"));
    out.push_str("<title>");
    esc(out, &format!("sverka: {la} ↔ {lb} alignment"));
    out.push_str("</title>\n<style>");
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n<header>\n<h1>");
    esc(out, &format!("Alignment: A ({la}) ↔ B ({lb})"));
    out.push_str("</h1>\n<p class=\"stats\">");
    let s = &report.stats;
    let kinds: Vec<String> = s.bead_kinds.iter().map(|(k, n)| format!("{n} × {k}")).collect();
    let stats = format!(
        "{} ({}) · {} sentences in A · {} in B · mean confidence {}{}",
        super::beads_count(report.beads.len()),
        if kinds.is_empty() { "none".to_string() } else { kinds.join(", ") },
        s.sentences_a,
        s.sentences_b,
        score(s.mean_score),
        if report.mt.is_some() { " · with the MT of B" } else { "" }
    );
    esc(out, &stats);
    out.push_str("</p>\n</header>\n");
}

fn summary(out: &mut String, report: &Report) {
    out.push_str("<section id=\"summary\">\n<h2>Findings</h2>\n");
    let s = &report.stats;
    if report.findings.is_empty() {
        out.push_str("<p class=\"none\">No findings.</p>\n</section>\n");
        return;
    }
    let _ = writeln!(
        out,
        "<p class=\"counts\"><span class=\"sev error\">{} error</span> \
         <span class=\"sev warning\">{} warning</span> <span class=\"sev info\">{} info</span></p>",
        s.findings_error, s.findings_warning, s.findings_info
    );
    let by_bead = marks::findings_by_bead(report);
    let mut bead_of = vec![None; report.findings.len()];
    for (bead, findings) in by_bead.iter().enumerate() {
        for &f in findings {
            bead_of[f] = Some(bead);
        }
    }
    out.push_str("<ol class=\"findings\">\n");
    for (f, finding) in report.findings.iter().enumerate() {
        let sev = super::text::severity_name(finding.severity);
        let _ = write!(out, "<li class=\"{sev}\"><span class=\"sev {sev}\">{sev}</span> <code>");
        out.push_str(finding.check.name());
        out.push_str("</code> ");
        let side = if finding.side == Side::A { "A" } else { "B" };
        match bead_of[f] {
            Some(b) => {
                let _ = write!(out, "<a href=\"#b{b}\">bead {b}</a>, {side} {}: ", finding.sentence);
            }
            None => {
                let _ = write!(out, "{side} {}: ", finding.sentence);
            }
        }
        esc(out, &finding.message);
        if !marks::is_whole_sentence(finding.check) && !finding.found.is_empty() {
            out.push_str(" <span class=\"forms\">(found ");
            for (k, (form, n)) in marks::form_counts(finding).iter().enumerate() {
                out.push_str(if k == 0 { "<q>" } else { ", <q>" });
                esc(out, form);
                out.push_str("</q>");
                if *n > 1 {
                    let _ = write!(out, " ×{n}");
                }
            }
            if let Some(expected) = &finding.expected {
                out.push_str(", expected <q>");
                esc(out, expected);
                out.push_str("</q>");
            }
            out.push_str(")</span>");
        }
        if finding.occurrences.len() > 1 {
            also(out, report, finding);
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n</section>\n");
}

/// The places of a finding with occurrences, each a link to its bead: ` · 3 times: bead 1,
/// bead 4, bead 9`.
fn also(out: &mut String, report: &Report, finding: &crate::model::Finding) {
    let _ = write!(out, " <span class=\"also\">· {} times:", finding.occurrences.len());
    for (k, place) in finding.occurrences.iter().enumerate() {
        let side = if finding.side == Side::A { "A" } else { "B" };
        let sep = if k == 0 { " " } else { ", " };
        match place.bead.filter(|&b| b < report.beads.len()) {
            Some(b) => {
                let _ = write!(out, "{sep}<a href=\"#b{b}\">{side} {}</a>", place.sentence);
            }
            None => {
                let _ = write!(out, "{sep}{side} {}", place.sentence);
            }
        }
    }
    out.push_str("</span>");
}

fn table(out: &mut String, report: &Report) {
    let (la, lb) = (report.a.lang.code(), report.b.lang.code());
    let with_mt = report.mt.is_some();
    out.push_str(
        "<div class=\"controls\"><label><input type=\"checkbox\" id=\"only-flagged\"/> \
         show only beads with findings or low confidence</label> · keys <kbd>n</kbd> / <kbd>p</kbd>: \
         next / previous such bead",
    );
    if super::worddiff::applies(report) {
        out.push_str(" · <span class=\"vd\">words the other version does not have</span>");
    }
    out.push_str("</div>\n");
    let _ = writeln!(
        out,
        "<div id=\"alignment\" class=\"grid {}\" role=\"table\">",
        if with_mt { "with-mt" } else { "no-mt" }
    );
    out.push_str("<div class=\"row head\" role=\"row\"><div role=\"columnheader\">#</div>");
    out.push_str("<div role=\"columnheader\">conf.</div>");
    let _ = write!(
        out,
        "<div role=\"columnheader\">A · {}</div><div role=\"columnheader\">B · {}</div>",
        escaped(la),
        escaped(lb)
    );
    if with_mt {
        let _ = write!(
            out,
            "<div role=\"columnheader\">MT of B · {} <span class=\"legend\"><ins>only in MT</ins> \
             <del>only in A</del></span></div>",
            escaped(la)
        );
    }
    out.push_str("</div>\n<div class=\"body\" role=\"rowgroup\">\n");
    let by_bead = marks::findings_by_bead(report);
    let mut last_paragraph = None;
    for (i, bead) in report.beads.iter().enumerate() {
        let paragraph = bead.a.first().and_then(|&s| report.a.paragraphs.get(s)).copied();
        let new_paragraph = i > 0 && paragraph.is_some() && paragraph != last_paragraph;
        if paragraph.is_some() {
            last_paragraph = paragraph;
        }
        row(out, report, i, bead, &by_bead[i], new_paragraph);
    }
    out.push_str("</div>\n</div>\n");
}

fn row(out: &mut String, report: &Report, i: usize, bead: &Bead, findings: &[usize], new_paragraph: bool) {
    let class = row_class(bead, !findings.is_empty(), new_paragraph);
    let _ = write!(
        out,
        "<div id=\"b{i}\" class=\"{class}\" role=\"row\"><div class=\"id\" role=\"cell\"><a href=\"#b{i}\">{i}</a></div>"
    );
    let level = if bead.score < LOW_CONFIDENCE {
        "lo"
    } else if bead.score < 0.8 {
        "mid"
    } else {
        "hi"
    };
    let _ = write!(out, "<div class=\"score {level}\" role=\"cell\">{}</div>", &score(bead.score)[..4]);
    let [diff_a, diff_b] = if super::worddiff::applies(report) {
        super::worddiff::differing(report, bead)
    } else {
        [Vec::new(), Vec::new()]
    };
    cell(out, report, Side::A, &bead.a, findings, &diff_a, None);
    let moved = super::moved_note(report, i);
    cell(out, report, Side::B, &bead.b, findings, &diff_b, moved.as_ref());
    if let Some(mt) = &report.mt {
        mt_cell(out, report, bead, mt);
    }
    out.push_str("</div>\n");
}

/// `row bead k2-1` plus `low`, `flagged`, `gap-a`/`gap-b` and `para` as they apply.
fn row_class(bead: &Bead, has_findings: bool, new_paragraph: bool) -> String {
    let (n, m) = bead.kind();
    let low = bead.score < LOW_CONFIDENCE;
    let mut class = format!("row bead k{n}-{m}");
    let flags = [
        (low, " low"),
        (low || has_findings, " flagged"),
        (bead.a.is_empty(), " gap-a"),
        (bead.b.is_empty(), " gap-b"),
        (new_paragraph, " para"),
        (bead.moved, " moved"),
    ];
    for (on, name) in flags {
        if on {
            class.push_str(name);
        }
    }
    class
}

/// The MT of the bead's B sentences, as a word diff against A when both sides exist.
fn mt_cell(out: &mut String, report: &Report, bead: &Bead, mt: &[String]) {
    let _ = write!(out, "<div class=\"mt\" lang=\"{}\" role=\"cell\">", escaped(report.a.lang.code()));
    if bead.b.is_empty() {
        out.push_str("<span class=\"gap\">—</span>");
    } else if bead.a.is_empty() {
        esc(out, &joined(mt, &bead.b));
    } else {
        diff(out, &joined(&report.a.sentences, &bead.a), &joined(mt, &bead.b));
    }
    out.push_str("</div>");
}

/// One side of a bead: its sentences (each with its id), marks, the words the other
/// version lacks (`diff`: sentence id and byte range; two versions only), its findings,
/// and where a moved sentence came from.
fn cell(
    out: &mut String,
    report: &Report,
    side: Side,
    ids: &[usize],
    findings: &[usize],
    diff: &[(usize, std::ops::Range<usize>)],
    moved: Option<&super::MovedNote>,
) {
    let (class, lang) = match side {
        Side::A => ("a", report.a.lang.code()),
        Side::B => ("b", report.b.lang.code()),
    };
    let _ = write!(out, "<div class=\"{class}\" lang=\"{}\" role=\"cell\">", escaped(lang));
    if ids.is_empty() {
        // A 0-1 bead is a sentence of B missing from A (an omission when A is the
        // translation); a 1-0 bead is one added in A.
        out.push_str(match side {
            Side::A => "<span class=\"gap\">— omitted: no counterpart in A</span>",
            Side::B => "<span class=\"gap\">— added: no counterpart in B</span>",
        });
    }
    let texts = super::side_texts(report, side);
    for (k, &id) in ids.iter().enumerate() {
        let Some(text) = texts.get(id) else { continue };
        if k > 0 {
            out.push(' ');
        }
        let _ = write!(out, "<span class=\"sid\">{id}</span>");
        if let Some(label) = super::kind_label(report, side, id) {
            let _ = write!(out, "<span class=\"kind\">{label}</span>");
        }
        let mut at = 0;
        let found = marks::marks(report, side, id, findings);
        let differs: Vec<&std::ops::Range<usize>> = diff
            .iter()
            .filter(|(d, r)| {
                *d == id && !found.iter().any(|m| m.range.start < r.end && r.start < m.range.end)
            })
            .map(|(_, r)| r)
            .collect();
        for Mark { range, finding } in found {
            let f = &report.findings[finding];
            plain(out, text, at..range.start, &differs);
            let _ = write!(out, "<mark class=\"{}\" title=\"", super::text::severity_name(f.severity));
            esc(out, &tooltip(f));
            out.push_str("\">");
            esc(out, &text[range.clone()]);
            out.push_str("</mark>");
            at = range.end;
        }
        plain(out, text, at..text.len(), &differs);
    }
    let mine: Vec<usize> = findings.iter().copied().filter(|&f| report.findings[f].side == side).collect();
    if !mine.is_empty() {
        out.push_str("<ul class=\"fl\">");
        for f in mine {
            let finding = &report.findings[f];
            let sev = super::text::severity_name(finding.severity);
            let _ = write!(out, "<li class=\"{sev}\"><code>{}</code> ", finding.check.name());
            esc(out, &finding.message);
            if let Some(expected) = &finding.expected {
                out.push_str(" → <q>");
                esc(out, expected);
                out.push_str("</q>");
            }
            out.push_str("</li>");
        }
        out.push_str("</ul>");
    }
    if let Some(note) = moved {
        let _ = write!(out, "<span class=\"moved\">↕ {}", escaped(&note.describe()));
        match note.origin {
            Some(o) => {
                let _ = write!(out, " · <a href=\"#b{o}\">its place in B (bead {o})</a>");
            }
            None => out.push_str(" · it opens B"),
        }
        out.push_str("</span>");
    }
    out.push_str("</div>");
}

/// `text[range]` escaped, with the stretches of `differs` inside it in `<span class="vd">`.
fn plain(out: &mut String, text: &str, range: std::ops::Range<usize>, differs: &[&std::ops::Range<usize>]) {
    let mut at = range.start;
    for d in differs.iter().filter(|d| d.start >= range.start && d.end <= range.end) {
        esc(out, &text[at..d.start]);
        out.push_str("<span class=\"vd\">");
        esc(out, &text[d.start..d.end]);
        out.push_str("</span>");
        at = d.end;
    }
    esc(out, &text[at..range.end]);
}

fn tooltip(f: &crate::model::Finding) -> String {
    match &f.expected {
        Some(expected) => format!("{}: {} (expected: {expected})", f.check.name(), f.message),
        None => format!("{}: {}", f.check.name(), f.message),
    }
}

/// Word-level diff of A against the MT of B: unchanged words plain, words only in the
/// MT in `<ins>`, words only in A in `<del>`.
fn diff(out: &mut String, a: &str, mt: &str) {
    let diff = TextDiff::configure().timeout(Duration::from_millis(200)).diff_words(a, mt);
    let mut run_tag = ChangeTag::Equal;
    let mut run = String::new();
    let flush = |out: &mut String, tag: ChangeTag, run: &str| {
        if run.is_empty() {
            return;
        }
        let (open, close) = match tag {
            ChangeTag::Equal => ("", ""),
            ChangeTag::Insert => ("<ins>", "</ins>"),
            ChangeTag::Delete => ("<del>", "</del>"),
        };
        out.push_str(open);
        esc(out, run);
        out.push_str(close);
    };
    for change in diff.iter_all_changes() {
        if change.tag() != run_tag {
            flush(out, run_tag, &run);
            run.clear();
            run_tag = change.tag();
        }
        run.push_str(change.value());
    }
    flush(out, run_tag, &run);
}

/// Appends `text` escaped for HTML text and attribute values.
fn esc(out: &mut String, text: &str) {
    escape_into(out, text, Markup::Html);
}

fn escaped(text: &str) -> String {
    escape(text, Markup::Html)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_table() {
        let cases = [
            ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
            ("a & b", "a &amp; b"),
            ("\"q\" 'q'", "&quot;q&quot; &#39;q&#39;"),
            ("«Минск»", "«Минск»"),
            ("bell\u{7}", "bell\u{FFFD}"),
        ];
        for (raw, want) in cases {
            assert_eq!(escaped(raw), want);
        }
    }

    #[test]
    fn diff_marks_words_only_in_one_side() {
        let mut out = String::new();
        diff(&mut out, "The president met <them>.", "The president met them today.");
        assert_eq!(out, "The president met <del>&lt;them&gt;.</del><ins>them today.</ins>");
    }
}
