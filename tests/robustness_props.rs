//! Robustness of the library entry points on arbitrary text: nothing panics on Cyrillic,
//! emoji, combining marks, right-to-left text, lone CR, NUL-free control characters or
//! very long lines. Parsers of user files (glossary TSV/TBX, dictionary, vecalign) return
//! a value or an error with a line number inside the input; they never panic.

use proptest::prelude::*;
use std::path::Path;
use sverka::align::{dict, score};
use sverka::config::Config;
use sverka::engine::{Engine, RunOptions, document};
use sverka::glossary::{Glossary, tbx, tsv};
use sverka::model::Lang;
use sverka::report::{self, Format, RenderOptions};
use sverka::translit::{self, System};

/// Pieces that stress byte/char handling: multi-byte letters, combining marks, emoji
/// (with ZWJ and skin tone), RTL text with marks, lone CR, tabs, sentence punctuation,
/// abbreviations, digits, quotes, and the separators of the formats under test.
const PIECES: &[&str] = &[
    "Лукашенко",
    "Минск",
    "Мінск",
    "ў",
    "Ё",
    "й",
    "е\u{301}",
    "a\u{308}",
    "\u{301}",
    "👍🏽",
    "👨\u{200d}👩",
    "שלום",
    "مرحبا",
    "\u{200f}",
    "\u{202e}",
    "\r",
    "\r\n",
    "\n",
    "\n\n",
    "\t",
    " ",
    ". ",
    "! ",
    "? ",
    "…",
    "г.",
    "т.е.",
    "Mr.",
    "U.S.",
    "А.Г.",
    "1",
    "2,5",
    "1 000",
    "3.14",
    "%",
    "$",
    "₽",
    "млн",
    "million",
    "«",
    "»",
    "\"",
    "'",
    "(",
    ")",
    "[",
    "]",
    ":",
    ",",
    "|",
    "#",
    "<",
    ">",
    "&",
    "Kursk",
    "Курск",
    "x",
    "\u{feff}",
    "\u{a0}",
    "\u{2028}",
    "ß",
    "ﬁ",
    "İ",
];

fn tricky_text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![prop::sample::select(PIECES).prop_map(str::to_string), any::<String>()],
        0..max,
    )
    .prop_map(|parts| parts.concat().replace('\0', ""))
}

fn langs() -> impl Strategy<Value = Lang> {
    prop::sample::select(vec!["en", "ru", "be", "uk", "de", "xx"])
        .prop_map(|c| Lang::parse(c).expect("a code"))
}

proptest! {
    // 64 cases by default; PROPTEST_CASES=2000 for a longer hunt.
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(64)
    ))]

    #[test]
    fn pair_pipeline_never_panics_and_covers_both_sides(
        a in tricky_text(40),
        b in tricky_text(40),
        la in prop::option::of(langs()),
        lb in prop::option::of(langs()),
        presegmented in any::<bool>(),
    ) {
        let doc_a = document(&a, la, presegmented);
        let doc_b = document(&b, lb, presegmented);
        let report = engine().run(&doc_a, &doc_b, &RunOptions { mt_b: None, findings: true }).expect("offline run");
        let mut seen_a: Vec<usize> = report.beads.iter().flat_map(|x| x.a.clone()).collect();
        let mut seen_b: Vec<usize> = report.beads.iter().flat_map(|x| x.b.clone()).collect();
        seen_a.sort_unstable();
        seen_b.sort_unstable();
        prop_assert_eq!(seen_a, (0..doc_a.len()).collect::<Vec<_>>());
        prop_assert_eq!(seen_b, (0..doc_b.len()).collect::<Vec<_>>());
        let options = RenderOptions { width: 40, color: true, keep_unaligned: true };
        for format in [Format::Text, Format::Html, Format::Tsv, Format::Tmx, Format::Json, Format::Vecalign, Format::Ladder] {
            let _ = report::render(&report, format, &options);
        }
        let _ = report::render_findings(&report, &options);
    }

    #[test]
    fn very_long_lines_do_not_panic(piece in prop::sample::select(PIECES), n in 500usize..3000) {
        let text = piece.repeat(n);
        let doc = document(&text, None, false);
        let other = document("Короткий текст. Второе предложение.", Some(Lang::ru()), false);
        let report = engine().run(&doc, &other, &RunOptions { mt_b: None, findings: true }).expect("offline run");
        prop_assert_eq!(report.beads.iter().map(|x| x.a.len()).sum::<usize>(), doc.len());
        prop_assert_eq!(report.beads.iter().map(|x| x.b.len()).sum::<usize>(), other.len());
    }

    #[test]
    fn numbers_translit_and_detection_never_panic(text in tricky_text(60)) {
        for token in sverka::numbers::extract(&text) {
            let _ = token;
        }
        let _ = sverka::numbers::word_values(&text);
        let _ = sverka::lang::detect(&text, &[]);
        for lang in [Lang::ru(), Lang::be()] {
            for system in System::ALL {
                let _ = translit::transliterate(&text, &lang, system);
            }
            let _ = translit::english_variants(&text, &lang);
        }
        let sim = translit::name_similarity(&text, &text);
        prop_assert!((0.0..=1.0).contains(&sim), "{sim}");
        let _ = Glossary::builtin().find(&text, &Lang::ru());
        let _ = Glossary::builtin().find(&text, &Lang::en());
    }

    #[test]
    fn glossary_tsv_errors_point_inside_the_file(body in tricky_text(40), header in any::<bool>()) {
        let text = if header { format!("en\tru\tbe\tvariants\ttype\tnote\n{body}") } else { body };
        if let Err(sverka::Error::Parse { line, .. }) = tsv::parse(&text, Path::new("g.tsv"), None) {
            prop_assert!(line <= text.lines().count().max(1), "line {line} of {text:?}");
        }
    }

    #[test]
    fn glossary_tbx_never_panics(body in tricky_text(40)) {
        let text = format!("<martif><text><body><termEntry><langSet xml:lang=\"en\"><tig><term>{body}");
        let _ = tbx::parse(&text, Path::new("g.tbx"));
        let _ = tbx::parse(&body, Path::new("g.tbx"));
    }

    #[test]
    fn dictionaries_never_panic(body in tricky_text(40), data in prop::collection::vec(any::<u8>(), 0..200)) {
        if let Err(e) = dict::parse_tsv(&body) {
            prop_assert!(e.line <= body.lines().count().max(1));
        }
        let _ = dict::parse_dictd(&body, &data);
        let _ = dict::parse_dictd("word\tA\tB\nother\t0\tzz\n", &data);
    }

    #[test]
    fn vecalign_errors_point_inside_the_file(
        lines in prop::collection::vec(
            prop_oneof![
                Just("[0]:[0]".to_string()),
                Just("[1, 2]:[]:0.5".to_string()),
                "[\\[\\]0-9, :.a-z-]{0,12}",
                tricky_text(4),
            ],
            0..12,
        ),
    ) {
        let text = lines.join("\n");
        if let Err(e) = score::parse_vecalign(&text) {
            prop_assert!(e.line >= 1 && e.line <= text.lines().count(), "line {} of {text:?}", e.line);
        }
    }
}

/// Found by the properties above: a Latin letter with no Cyrillic look-alike right
/// after a Cyrillic word indexed past the end of a context set in the translit tables.
#[test]
fn regression_mixed_script_name() {
    let text = "МинскMr.";
    let _ = translit::name_similarity(text, text);
    assert_eq!(translit::transliterate(text, &Lang::ru(), System::BgnPcgn), "MinskMr.");
    for lang in [Lang::ru(), Lang::be()] {
        let _ = translit::english_variants(text, &lang);
    }
}

fn engine() -> Engine {
    Engine::new(Config::default()).expect("the default engine")
}
