//! Every output format read back and checked: TMX parsed with quick-xml (header,
//! one `tu` per bead, segments), the HTML parsed as XML (well-formed, nothing from the
//! texts becomes markup, diff and marks consistent), TSV fields, vecalign and ladder
//! turned back into the beads, text lines within the width. Text with `<script>`, `&`,
//! quotes and «» survives every format literally.

use proptest::prelude::*;
use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;
use sverka::model::{Alignment, Bead, CheckKind, Finding, Lang, Report, Severity, Side, SideText};
use sverka::report::{Format, RenderOptions, render};
use unicode_width::UnicodeWidthStr;

const NASTY: &str = "<script>alert(\"x & y\")</script> 'single' «ёлка» &amp; ]]> <!-- -->";

// ---------- a small XML tree ----------

#[derive(Debug, Default)]
struct Element {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Node>,
}

#[derive(Debug)]
enum Node {
    Element(Element),
    Text(String),
}

impl Element {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
    fn has_class(&self, class: &str) -> bool {
        self.attr("class").is_some_and(|c| c.split(' ').any(|c| c == class))
    }
    /// Every descendant element (depth first, document order) matching `pred`.
    fn find_all<'e>(&'e self, pred: &dyn Fn(&Element) -> bool, out: &mut Vec<&'e Element>) {
        for child in &self.children {
            if let Node::Element(e) = child {
                if pred(e) {
                    out.push(e);
                }
                e.find_all(pred, out);
            }
        }
    }
    fn all(&self, pred: &dyn Fn(&Element) -> bool) -> Vec<&Element> {
        let mut out = Vec::new();
        self.find_all(pred, &mut out);
        out
    }
    /// The text content, leaving out elements for which `skip` holds.
    fn text_without(&self, skip: &dyn Fn(&Element) -> bool) -> String {
        let mut out = String::new();
        for child in &self.children {
            match child {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) if !skip(e) => out.push_str(&e.text_without(skip)),
                Node::Element(_) => {}
            }
        }
        out
    }
    fn text(&self) -> String {
        self.text_without(&|_| false)
    }
}

fn start(e: &BytesStart) -> Element {
    let name = String::from_utf8(e.name().as_ref().to_vec()).expect("UTF-8 name");
    let attrs = e
        .attributes()
        .map(|a| {
            let a = a.expect("well-formed attribute");
            let key = String::from_utf8(a.key.as_ref().to_vec()).expect("UTF-8 key");
            (key, a.unescape_value().expect("attribute entities").into_owned())
        })
        .collect();
    Element { name, attrs, children: Vec::new() }
}

/// Parses a whole document; panics unless it is well-formed.
fn parse(xml: &str) -> Element {
    let mut reader = Reader::from_str(xml);
    let mut stack = vec![Element { name: "#document".into(), ..Element::default() }];
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => stack.push(start(&e)),
            Event::Empty(e) => {
                let el = start(&e);
                stack.last_mut().expect("parent").children.push(Node::Element(el));
            }
            Event::End(_) => {
                let el = stack.pop().expect("open element");
                stack.last_mut().expect("unbalanced end tag").children.push(Node::Element(el));
            }
            Event::Text(t) => {
                let text = t.unescape().expect("text entities").into_owned();
                stack.last_mut().expect("parent").children.push(Node::Text(text));
            }
            Event::CData(_) => panic!("no CDATA expected"),
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(stack.len(), 1, "unclosed elements");
    stack.pop().expect("document")
}

// ---------- reports ----------

fn fixture() -> Report {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/report/report-mt.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("fixture")).expect("a Report")
}

fn side(lang: Lang, sentences: &[&str]) -> SideText {
    SideText::new(lang, sentences.iter().copied())
}

/// A report whose every text (A, B, MT, finding) carries [`NASTY`].
fn nasty() -> Report {
    let a = format!("Intro {NASTY} outro.");
    let b = format!("Начало {NASTY} конец.");
    let mt = format!("Start {NASTY} end.");
    let finding = Finding {
        check: CheckKind::GlossaryVariant,
        severity: Severity::Warning,
        side: Side::A,
        sentence: 0,
        bead: Some(0),
        found: NASTY.into(),
        expected: Some(NASTY.into()),
        message: format!("message {NASTY}"),
        occurrences: Vec::new(),
        span: None,
        term: None,
    };
    Report::new(
        side(Lang::en(), &[&a, "Only in A."]),
        side(Lang::ru(), &[&b]),
        Some(vec![mt]),
        Alignment { beads: vec![Bead::new(vec![0], vec![0], 0.9), Bead::new(vec![1], vec![], 0.1)] },
        vec![finding],
    )
}

fn options() -> RenderOptions {
    RenderOptions { width: 400, color: false, keep_unaligned: false }
}

fn joined(side: &[String], ids: &[usize]) -> String {
    ids.iter().map(|&i| side[i].as_str()).collect::<Vec<_>>().join(" ")
}

// ---------- TMX ----------

fn tmx_units(report: &Report, keep_unaligned: bool) -> (Element, Vec<(String, String, String, String)>) {
    let tmx = render(report, Format::Tmx, &RenderOptions { keep_unaligned, ..options() });
    let doc = parse(&tmx);
    let units = doc
        .all(&|e| e.name == "tu")
        .into_iter()
        .map(|tu| {
            let tuvs = tu.all(&|e| e.name == "tuv");
            assert_eq!(tuvs.len(), 2, "one tuv per side");
            for tuv in &tuvs {
                assert_eq!(tuv.all(&|e| e.name == "seg").len(), 1, "one seg per tuv");
            }
            let lang = |i: usize| tuvs[i].attr("xml:lang").expect("xml:lang").to_string();
            (lang(0), tuvs[0].text(), lang(1), tuvs[1].text())
        })
        .collect();
    (doc, units)
}

#[test]
fn tmx_parses_back_with_its_header_and_one_tu_per_aligned_bead() {
    let report = fixture();
    let (doc, units) = tmx_units(&report, false);
    let tmx = doc.all(&|e| e.name == "tmx");
    assert_eq!(tmx.len(), 1);
    assert_eq!(tmx[0].attr("version"), Some("1.4"));
    let header = doc.all(&|e| e.name == "header");
    assert_eq!(header.len(), 1);
    let h = header[0];
    assert_eq!(h.attr("creationtool"), Some("sverka"));
    assert_eq!(h.attr("creationtoolversion"), Some(env!("CARGO_PKG_VERSION")));
    assert_eq!(h.attr("segtype"), Some("sentence"));
    assert!(h.attr("o-tmf").is_some_and(|v| !v.is_empty()));
    assert_eq!(h.attr("adminlang"), Some("en"));
    assert_eq!(h.attr("srclang"), Some("en"));
    assert_eq!(h.attr("datatype"), Some("plaintext"));

    let aligned: Vec<&Bead> = report.beads.iter().filter(|b| !b.a.is_empty() && !b.b.is_empty()).collect();
    assert_eq!(units.len(), aligned.len());
    for (unit, bead) in units.iter().zip(aligned) {
        let want = (
            "en".to_string(),
            joined(&report.a.sentences, &bead.a),
            "ru".to_string(),
            joined(&report.b.sentences, &bead.b),
        );
        assert_eq!(*unit, want);
    }
}

#[test]
fn tmx_keeps_unaligned_beads_with_an_empty_segment_when_asked() {
    let report = fixture();
    let (_, units) = tmx_units(&report, true);
    assert_eq!(units.len(), report.beads.len());
    let gap = report.beads.iter().position(|b| b.a.is_empty()).expect("the fixture has a 0-1 bead");
    assert_eq!(units[gap].1, "");
    assert_eq!(units[gap].3, joined(&report.b.sentences, &report.beads[gap].b));
}

#[test]
fn tmx_srclang_is_the_language_of_a() {
    let mut report = fixture();
    std::mem::swap(&mut report.a, &mut report.b);
    for bead in &mut report.beads {
        std::mem::swap(&mut bead.a, &mut bead.b);
    }
    let (doc, units) = tmx_units(&report, false);
    assert_eq!(doc.all(&|e| e.name == "header")[0].attr("srclang"), Some("ru"));
    assert!(units.iter().all(|u| u.0 == "ru" && u.2 == "en"));
}

// ---------- text with markup survives every format ----------

#[test]
fn markup_quotes_and_guillemets_survive_every_format_literally() {
    let report = nasty();
    for format in Format::ALL {
        let out = render(&report, format, &options());
        match format {
            Format::Text => {
                for text in
                    [&report.a.sentences[0], &report.b.sentences[0], &report.mt.as_ref().expect("mt")[0]]
                {
                    assert!(out.contains(text.as_str()), "text lost {text:?} in\n{out}");
                }
                assert!(out.contains(&format!("message {NASTY}")));
            }
            Format::Tsv => {
                let row: Vec<&str> = out.lines().nth(1).expect("first bead").split('\t').collect();
                assert_eq!(row[0], report.a.sentences[0]);
                assert_eq!(row[1], report.b.sentences[0]);
            }
            Format::Json => {
                let back: Report = serde_json::from_str(&out).expect("JSON");
                assert_eq!(back, report);
            }
            Format::Tmx => {
                let (_, units) = tmx_units(&report, false);
                assert_eq!(units[0].1, report.a.sentences[0]);
                assert_eq!(units[0].3, report.b.sentences[0]);
            }
            Format::Html => {
                assert!(!out.contains(NASTY), "raw markup from the text in HTML");
                let doc = parse(&out);
                let a = doc.all(&|e| e.has_class("a"));
                let a_text = a[0].text_without(&|e| e.name == "ul" || e.has_class("sid"));
                assert_eq!(a_text, report.a.sentences[0]);
                let b = doc.all(&|e| e.has_class("b"));
                assert_eq!(b[0].text_without(&|e| e.has_class("sid")), report.b.sentences[0]);
            }
            Format::Vecalign | Format::Ladder => {
                assert!(!out.contains("script"), "{} carries ids only", format.name());
            }
            Format::Bitext => {
                let row: Vec<&str> = out.lines().next().expect("first bead").split('\t').collect();
                assert_eq!(row[0], report.a.sentences[0]);
                assert_eq!(row[1], report.b.sentences[0]);
            }
        }
    }
}

#[test]
fn html_never_turns_text_into_markup() {
    let report = nasty();
    let doc = parse(&render(&report, Format::Html, &options()));
    assert_eq!(doc.all(&|e| e.name == "script").len(), 1, "only the report's own script");
    assert!(doc.all(&|e| e.name == "b").is_empty());
    let marks = doc.all(&|e| e.name == "mark");
    assert_eq!(marks.len(), 1);
    assert_eq!(marks[0].text(), NASTY);
    let title = marks[0].attr("title").expect("tooltip");
    assert_eq!(title, format!("glossary-variant: message {NASTY} (expected: {NASTY})"));
    let summary = doc.all(&|e| e.attr("id") == Some("summary"));
    assert!(summary[0].text().contains(&format!("message {NASTY}")));
}

// ---------- HTML structure ----------

#[test]
fn html_rows_marks_and_diff_agree_with_the_report() {
    let report = fixture();
    let doc = parse(&render(&report, Format::Html, &options()));
    let rows = doc.all(&|e| e.has_class("bead"));
    assert_eq!(rows.len(), report.beads.len());
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row.attr("id"), Some(format!("b{i}").as_str()));
        let bead = &report.beads[i];
        assert_eq!(row.has_class("gap-a"), bead.a.is_empty());
        assert_eq!(row.has_class("gap-b"), bead.b.is_empty());
        let mt = row.all(&|e| e.has_class("mt"));
        assert_eq!(mt.len(), 1);
        if !bead.a.is_empty() && !bead.b.is_empty() {
            // unchanged + inserted words = the MT; unchanged + deleted words = A.
            let mt_text = joined(report.mt.as_ref().expect("mt"), &bead.b);
            assert_eq!(mt[0].text_without(&|e| e.name == "del"), mt_text);
            assert_eq!(mt[0].text_without(&|e| e.name == "ins"), joined(&report.a.sentences, &bead.a));
        }
    }
    let marks = doc.all(&|e| e.name == "mark");
    let with_text: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| !matches!(f.check, CheckKind::Omission | CheckKind::Addition))
        .collect();
    assert_eq!(marks.len(), with_text.len());
    for (mark, finding) in marks.iter().zip(with_text) {
        assert_eq!(mark.text(), finding.found);
        assert!(mark.has_class(match finding.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }));
    }
}

// ---------- ids formats round trip ----------

fn report_of(kinds: &[(usize, usize)]) -> Report {
    let (mut i, mut j) = (0, 0);
    let mut beads = Vec::new();
    for (k, &(n, m)) in kinds.iter().enumerate() {
        beads.push(Bead::new((i..i + n).collect(), (j..j + m).collect(), (k % 7) as f64 / 7.0));
        i += n;
        j += m;
    }
    let a: Vec<String> = (0..i).map(|x| format!("A{x}.")).collect();
    let b: Vec<String> = (0..j).map(|x| format!("Б{x}.")).collect();
    let side = |lang, sentences: Vec<String>| SideText::new(lang, sentences);
    Report::new(side(Lang::en(), a), side(Lang::ru(), b), None, Alignment { beads }, vec![])
}

fn ids(s: &str) -> Vec<usize> {
    let inner = s.trim().strip_prefix('[').and_then(|s| s.strip_suffix(']')).expect("[ids]");
    inner.split(',').filter(|x| !x.trim().is_empty()).map(|x| x.trim().parse().expect("id")).collect()
}

fn bead_kind() -> impl Strategy<Value = (usize, usize)> {
    prop_oneof![
        Just((1, 1)),
        Just((1, 0)),
        Just((0, 1)),
        Just((2, 1)),
        Just((1, 2)),
        Just((2, 2)),
        Just((3, 1))
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn vecalign_and_ladder_give_back_the_beads(kinds in prop::collection::vec(bead_kind(), 0..40)) {
        let report = report_of(&kinds);
        let vec_lines = render(&report, Format::Vecalign, &options());
        let from_vecalign: Vec<(Vec<usize>, Vec<usize>, String)> = vec_lines
            .lines()
            .map(|l| {
                let parts: Vec<&str> = l.split(':').collect();
                (ids(parts[0]), ids(parts[1]), parts[2].to_string())
            })
            .collect();
        prop_assert_eq!(from_vecalign.len(), report.beads.len());
        for ((a, b, score), bead) in from_vecalign.iter().zip(&report.beads) {
            prop_assert_eq!(a, &bead.a);
            prop_assert_eq!(b, &bead.b);
            prop_assert_eq!(score, &format!("{:.3}", bead.score));
        }

        let ladder = render(&report, Format::Ladder, &options());
        let rungs: Vec<(usize, usize)> = ladder
            .lines()
            .map(|l| {
                let f: Vec<&str> = l.split('\t').collect();
                (f[0].parse().expect("i"), f[1].parse().expect("j"))
            })
            .collect();
        prop_assert_eq!(rungs[0], (0, 0));
        prop_assert_eq!(*rungs.last().expect("end"), (report.a.sentences.len(), report.b.sentences.len()));
        let from_ladder: Vec<(Vec<usize>, Vec<usize>)> =
            rungs.windows(2).map(|w| ((w[0].0..w[1].0).collect(), (w[0].1..w[1].1).collect())).collect();
        let want: Vec<(Vec<usize>, Vec<usize>)> = report.beads.iter().map(|b| (b.a.clone(), b.b.clone())).collect();
        prop_assert_eq!(from_ladder, want);
    }

    #[test]
    fn text_lines_never_exceed_the_width(width in 20usize..200, color in any::<bool>()) {
        let report = fixture();
        let out = render(&report, Format::Text, &RenderOptions { width, color, keep_unaligned: false });
        for line in out.lines() {
            let plain = strip_ansi(line);
            // Below 38 columns the three 8-column minimum columns, margin and separators win.
            prop_assert!(plain.width() <= width.max(38), "{:?} wider than {}", plain, width);
        }
    }
}

fn strip_ansi(line: &str) -> String {
    let mut out = String::new();
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for c in chars.by_ref() {
                if c == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn tsv_has_a_header_and_one_five_field_row_per_bead() {
    let mut report = fixture();
    report.a.sentences[0] = "Tab\there,\nnew line.".into();
    let out = render(&report, Format::Tsv, &options());
    let rows: Vec<Vec<&str>> = out.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows[0], vec!["a", "b", "score", "a_ids", "b_ids"]);
    assert_eq!(rows.len(), report.beads.len() + 1);
    assert!(rows.iter().all(|r| r.len() == 5));
    assert_eq!(rows[1][0], "Tab here, new line.");
    assert_eq!(rows[3], vec!["", &report.b.sentences[2], "0.300", "", "2"]);
}

#[test]
fn an_empty_report_renders_in_every_format() {
    let report = report_of(&[]);
    for format in Format::ALL.into_iter().filter(|&f| f != Format::Vecalign && f != Format::Bitext) {
        let out = render(&report, format, &options());
        assert!(out.ends_with('\n'), "{} output ends with a newline", format.name());
    }
    assert_eq!(render(&report, Format::Ladder, &options()), "0\t0\t0.000\n");
    assert_eq!(render(&report, Format::Vecalign, &options()), "");
    assert_eq!(render(&report, Format::Bitext, &options()), "");
    let doc = parse(&render(&report, Format::Html, &options()));
    assert!(doc.all(&|e| e.has_class("bead")).is_empty());
    let (_, units) = tmx_units(&report, true);
    assert!(units.is_empty());
}
