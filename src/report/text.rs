//! The `text` format: the alignment side by side for the terminal. Two columns (three
//! when the report carries the MT of B), wrapped by display width (Cyrillic, CJK and
//! emoji measured with `unicode-width`), a left margin with the bead id, its
//! confidence and `?` for a low-confidence bead, `—` for the missing side of a 1-0 or
//! 0-1 bead, and the bead's findings listed under it. With colour on, findings' text
//! is highlighted by severity (ANSI); without, the output has no escape codes at all.
//!
//! Control characters in the texts (an ESC from a pasted document) are shown as U+FFFD
//! so the report can never drive the terminal.

use super::marks::{self, Mark};
use super::{LOW_CONFIDENCE, RenderOptions, joined};
use crate::model::{Finding, Report, Severity, Side};
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

const SEPARATOR: &str = " │ ";
const GAP: &str = "—";
const MIN_COLUMN: usize = 8;
const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const UNDERLINE: &str = "\x1b[4m";

/// Renders the report as columns of `options.width` terminal cells.
pub(super) fn render(report: &Report, options: &RenderOptions) -> String {
    let layout = Layout::new(report, options);
    let by_bead = marks::findings_by_bead(report);
    let mut out = layout.header(report);
    for (i, bead) in report.beads.iter().enumerate() {
        let found = &by_bead[i];
        let [diff_a, diff_b] = if options.color && super::worddiff::applies(report) {
            super::worddiff::differing(report, bead)
        } else {
            [Vec::new(), Vec::new()]
        };
        let mut cells = vec![
            Cell::new(report, Side::A, &bead.a, found, &diff_a),
            Cell::new(report, Side::B, &bead.b, found, &diff_b),
        ];
        if let Some(mt) = &report.mt {
            cells.push(Cell { text: joined(mt, &bead.b), marks: Vec::new() });
        }
        let low = bead.score < LOW_CONFIDENCE;
        let flag = match (low, options.color) {
            (false, _) => " ".to_string(),
            (true, false) => "?".to_string(),
            (true, true) => format!("\x1b[33m?{RESET}"),
        };
        let margin = format!("{:>w$} {:.2}{flag} ", i, finite(bead.score), w = layout.id_width);
        out.push_str(&layout.row(&margin, &cells));
        if let Some(note) = super::moved_note(report, i) {
            let place =
                note.origin.map_or(String::from("it opens B"), |o| format!("its place in B: bead {o}"));
            out.push_str(&layout.note(&format!("{} ({place})", note.describe())));
        }
        for &f in found {
            out.push_str(&layout.finding(&report.findings[f]));
        }
        out.push('\n');
    }
    let summary = summary(report);
    for pieces in wrap(&summary, options.width.max(MIN_COLUMN)) {
        let line: Vec<&str> = pieces.into_iter().map(|p| &summary[p]).collect();
        out.push_str(&line.join(" "));
        out.push('\n');
    }
    out
}

fn finite(score: f64) -> f64 {
    if score.is_finite() { score } else { 0.0 }
}

/// How a stretch of a cell is painted: a finding's colour, or underlined (words the
/// other version does not have).
#[derive(Debug, Clone, Copy)]
enum Paint {
    Finding(Severity),
    Differs,
}

/// One cell: a bead side's text and its highlighted stretches, sorted, not overlapping.
struct Cell {
    text: String,
    marks: Vec<(Range<usize>, Paint)>,
}

impl Cell {
    fn new(
        report: &Report,
        side: Side,
        ids: &[usize],
        findings: &[usize],
        diff: &[(usize, Range<usize>)],
    ) -> Self {
        let texts = super::side_texts(report, side);
        let mut text = String::new();
        let mut all = Vec::new();
        for &id in ids {
            let Some(sentence) = texts.get(id) else { continue };
            if !text.is_empty() {
                text.push(' ');
            }
            if let Some(label) = super::kind_label(report, side, id) {
                text.push_str(&format!("[{label}] "));
            }
            let offset = text.len();
            let found = marks::marks(report, side, id, findings);
            for (_, r) in diff.iter().filter(|(d, r)| {
                *d == id && !found.iter().any(|m| m.range.start < r.end && r.start < m.range.end)
            }) {
                all.push((r.start + offset..r.end + offset, Paint::Differs));
            }
            for Mark { range, finding } in found {
                all.push((
                    range.start + offset..range.end + offset,
                    Paint::Finding(report.findings[finding].severity),
                ));
            }
            text.push_str(sentence);
        }
        all.sort_by_key(|(r, _)| r.start);
        Cell { text, marks: all }
    }
}

/// Column widths for one report at one total width.
struct Layout {
    id_width: usize,
    margin: usize,
    column: usize,
    columns: usize,
    color: bool,
}

impl Layout {
    fn new(report: &Report, options: &RenderOptions) -> Self {
        let id_width = report.beads.len().saturating_sub(1).to_string().len();
        let margin = id_width + 7; // "12 0.87? "
        let columns = if report.mt.is_some() { 3 } else { 2 };
        let sep = SEPARATOR.width() * (columns - 1);
        let column = (options.width.saturating_sub(margin + sep) / columns).max(MIN_COLUMN);
        Layout { id_width, margin, column, columns, color: options.color }
    }

    /// The width of the columns and the separators between them (all but the margin).
    fn columns_width(&self) -> usize {
        self.column * self.columns + SEPARATOR.width() * (self.columns - 1)
    }

    fn header(&self, report: &Report) -> String {
        let mut labels = vec![format!("A · {}", report.a.lang), format!("B · {}", report.b.lang)];
        if report.mt.is_some() {
            labels.push(format!("MT of B · {}", report.a.lang));
        }
        let title = format!("{:<w$}", "# conf", w = self.margin);
        let cells: Vec<String> = labels.iter().map(|l| pad(&truncate(l, self.column), self.column)).collect();
        let line = format!("{title}{}", cells.join(SEPARATOR)).trim_end().to_string();
        let rule_width = self.margin + self.columns_width();
        let rule = "─".repeat(rule_width);
        if self.color {
            format!("{BOLD}{line}{RESET}\n{DIM}{rule}{RESET}\n")
        } else {
            format!("{line}\n{rule}\n")
        }
    }

    fn row(&self, margin: &str, cells: &[Cell]) -> String {
        let wrapped: Vec<Vec<String>> = cells.iter().map(|c| self.cell_lines(c)).collect();
        let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
        let blank_margin = " ".repeat(self.margin);
        let mut out = String::new();
        for line in 0..height {
            out.push_str(if line == 0 { margin } else { &blank_margin });
            let parts: Vec<&str> = wrapped.iter().map(|w| w.get(line).map_or("", String::as_str)).collect();
            let mut row = String::new();
            for (k, part) in parts.iter().enumerate() {
                if k > 0 {
                    row.push_str(SEPARATOR);
                }
                row.push_str(part);
                let used = if self.color { visible_width(part) } else { width(part) };
                if k + 1 < parts.len() {
                    row.push_str(&" ".repeat(self.column.saturating_sub(used)));
                }
            }
            out.push_str(row.trim_end());
            out.push('\n');
        }
        out
    }

    /// The lines of one cell, coloured where findings mark it.
    fn cell_lines(&self, cell: &Cell) -> Vec<String> {
        if cell.text.is_empty() {
            let gap = if self.color { format!("{DIM}{GAP}{RESET}") } else { GAP.to_string() };
            return vec![gap];
        }
        wrap(&cell.text, self.column)
            .into_iter()
            .map(|pieces| {
                let mut line = String::new();
                for (k, piece) in pieces.iter().enumerate() {
                    if k > 0 {
                        line.push(' ');
                    }
                    self.paint_piece(&mut line, &cell.text, piece.clone(), &cell.marks);
                }
                line
            })
            .collect()
    }

    fn paint_piece(
        &self,
        out: &mut String,
        text: &str,
        piece: Range<usize>,
        marks: &[(Range<usize>, Paint)],
    ) {
        let mut at = piece.start;
        if self.color {
            for (range, paint) in marks {
                let start = range.start.max(at);
                let end = range.end.min(piece.end);
                if start >= end {
                    continue;
                }
                out.push_str(&safe(&text[at..start]));
                out.push_str(match paint {
                    Paint::Finding(severity) => severity_color(*severity),
                    Paint::Differs => UNDERLINE,
                });
                out.push_str(&safe(&text[start..end]));
                out.push_str(RESET);
                at = end;
            }
        }
        out.push_str(&safe(&text[at..piece.end]));
    }

    fn finding(&self, finding: &Finding) -> String {
        let side = match finding.side {
            Side::A => "A",
            Side::B => "B",
        };
        let places = if finding.occurrences.is_empty() {
            format!("{side}{}", finding.sentence)
        } else {
            marks::sentence_list(finding)
        };
        let mut text = format!("{} {places}: ", finding.check.name());
        if !marks::is_whole_sentence(finding.check) && !finding.found.is_empty() {
            text.push_str(&marks::forms(finding));
            if let Some(expected) = &finding.expected {
                text.push_str(&format!(" → “{expected}”"));
            }
            text.push_str(": ");
        }
        text.push_str(&finding.message);
        let label = severity_name(finding.severity);
        let indent = " ".repeat(self.margin);
        let width = self.columns_width().saturating_sub(label.len() + 3).max(MIN_COLUMN);
        let mut out = String::new();
        for (k, pieces) in wrap(&text, width).into_iter().enumerate() {
            let line: Vec<String> = pieces.into_iter().map(|p| safe(&text[p])).collect();
            let head = if k > 0 {
                " ".repeat(label.len() + 3)
            } else if self.color {
                format!("! {}{label}{RESET} ", severity_color(finding.severity))
            } else {
                format!("! {label} ")
            };
            out.push_str(&format!("{indent}{head}{}\n", line.join(" ")));
        }
        out
    }

    /// A note under a bead (`↕ moved: B 5 → after A 3 …`), dim when coloured.
    fn note(&self, text: &str) -> String {
        let indent = " ".repeat(self.margin);
        let width = self.columns_width().max(MIN_COLUMN);
        let mut out = String::new();
        for (k, pieces) in wrap(text, width.saturating_sub(2)).into_iter().enumerate() {
            let line: Vec<String> = pieces.into_iter().map(|p| safe(&text[p])).collect();
            let head = if k == 0 { "↕ " } else { "  " };
            if self.color {
                out.push_str(&format!("{indent}{DIM}{head}{}{RESET}\n", line.join(" ")));
            } else {
                out.push_str(&format!("{indent}{head}{}\n", line.join(" ")));
            }
        }
        out
    }
}

/// A last line: counts of beads by kind, mean confidence, findings.
fn summary(report: &Report) -> String {
    let kinds: Vec<String> = report.stats.bead_kinds.iter().map(|(k, n)| format!("{n}×{k}")).collect();
    let s = &report.stats;
    format!(
        "{} ({}), mean confidence {:.2}; findings: {} error, {} warning, {} info",
        super::beads_count(report.beads.len()),
        if kinds.is_empty() { "none".to_string() } else { kinds.join(", ") },
        finite(s.mean_score),
        s.findings_error,
        s.findings_warning,
        s.findings_info
    )
}

pub(super) fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

pub(super) fn severity_color(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "\x1b[1;31m",
        Severity::Warning => "\x1b[1;33m",
        Severity::Info => "\x1b[1;36m",
    }
}

/// The text with control characters replaced by U+FFFD.
pub(super) fn safe(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { '\u{FFFD}' } else { c }).collect()
}

/// Display width of a text as printed by [`safe`].
fn width(text: &str) -> usize {
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return text.len();
    }
    text.graphemes(true).map(|g| if g.chars().any(char::is_control) { 1 } else { g.width() }).sum()
}

/// Display width of a printed line: escape sequences take no room.
fn visible_width(line: &str) -> usize {
    let mut plain = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for c in chars.by_ref() {
                if c == 'm' {
                    break;
                }
            }
        } else {
            plain.push(c);
        }
    }
    width(&plain)
}

/// Pads with spaces to `cells` display cells.
fn pad(text: &str, cells: usize) -> String {
    format!("{text}{}", " ".repeat(cells.saturating_sub(width(text))))
}

/// Cuts a text to at most `cells` display cells.
fn truncate(text: &str, cells: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for g in text.graphemes(true) {
        let w = width(g);
        if used + w > cells {
            break;
        }
        used += w;
        out.push_str(g);
    }
    out
}

/// Byte ranges of the maximal runs of non-white-space of `text` (the units text wraps at).
fn wrap_units(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push(s..i);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    out
}

/// Greedy word wrap by display width: each line is a list of byte ranges of `text`
/// printed with one space between them. A word wider than `cells` is broken between
/// grapheme clusters; every line holds at least one cluster.
fn wrap(text: &str, cells: usize) -> Vec<Vec<Range<usize>>> {
    let cells = cells.max(1);
    let mut lines = Vec::new();
    let mut line: Vec<Range<usize>> = Vec::new();
    let mut used = 0;
    let mut place = |piece: Range<usize>, w: usize, lines: &mut Vec<Vec<Range<usize>>>| {
        if !line.is_empty() && used + 1 + w > cells {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        if !line.is_empty() {
            used += 1;
        }
        line.push(piece);
        used += w;
    };
    for word in wrap_units(text) {
        let w = width(&text[word.clone()]);
        if w <= cells {
            place(word, w, &mut lines);
            continue;
        }
        let mut start = word.start;
        let mut chunk_w = 0;
        for (offset, g) in text[word.clone()].grapheme_indices(true) {
            let at = word.start + offset;
            let gw = width(g);
            if chunk_w > 0 && chunk_w + gw > cells {
                place(start..at, chunk_w, &mut lines);
                start = at;
                chunk_w = 0;
            }
            chunk_w += gw;
        }
        place(start..word.end, chunk_w, &mut lines);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.is_empty() {
        lines.push(Vec::new());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, cells: usize) -> Vec<String> {
        wrap(text, cells)
            .into_iter()
            .map(|l| l.into_iter().map(|r| &text[r]).collect::<Vec<_>>().join(" "))
            .collect()
    }

    #[test]
    fn wrap_table() {
        // (text, width, expected lines)
        let cases: &[(&str, usize, &[&str])] = &[
            ("one two three", 7, &["one two", "three"]),
            ("one  two\tthree\nfour", 20, &["one two three four"]),
            ("Президент Беларуси", 10, &["Президент", "Беларуси"]),
            ("中文字符测试", 4, &["中文", "字符", "测试"]),
            ("abcdefghij", 4, &["abcd", "efgh", "ij"]),
            ("👍🏽👍🏽👍🏽 ok", 4, &["👍🏽👍🏽", "👍🏽", "ok"]),
            ("👍🏽👍🏽👍🏽 ok", 5, &["👍🏽👍🏽", "👍🏽 ok"]),
            ("", 5, &[""]),
        ];
        for (text, cells, expected) in cases {
            assert_eq!(lines(text, *cells), *expected, "wrapping {text:?} at {cells}");
        }
    }

    #[test]
    fn every_wrapped_line_fits() {
        let text = "Лукашенко 中华人民共和国 provides 👨‍👩‍👧 supercalifragilisticexpialidocious, «кавычки».";
        for cells in 2..30 {
            for line in lines(text, cells) {
                assert!(width(&line) <= cells, "{line:?} wider than {cells}");
            }
        }
    }

    #[test]
    fn control_characters_cannot_reach_the_terminal() {
        assert_eq!(safe("a\x1b[31mb\u{7}"), "a\u{FFFD}[31mb\u{FFFD}");
        assert_eq!(visible_width("\x1b[1;31mМинск\x1b[0m"), 5);
    }
}
