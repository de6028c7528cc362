//! Properties of segmentation on arbitrary text: the sentences tile the text, char
//! spans describe the same text as byte spans, `text` is the trimmed span, and
//! paragraph indexes count blank-line separated blocks.

use proptest::prelude::*;
use sverka::model::{Lang, Sentence};
use sverka::segment::{presegmented, segment};

fn check_tiling(text: &str, sentences: &[Sentence]) -> Result<(), TestCaseError> {
    if sentences.is_empty() {
        prop_assert!(text.trim().is_empty(), "no sentences for non-blank {text:?}");
        return Ok(());
    }
    let mut byte = 0;
    let mut ch = 0;
    for s in sentences {
        prop_assert_eq!(s.bytes.start, byte);
        prop_assert_eq!(s.chars.start, ch);
        prop_assert!(s.bytes.end > s.bytes.start, "empty span in {:?}", text);
        let span = &text[s.bytes.clone()];
        prop_assert_eq!(span.chars().count(), s.chars.len());
        prop_assert_eq!(text[..s.bytes.start].chars().count(), s.chars.start);
        byte = s.bytes.end;
        ch = s.chars.end;
    }
    prop_assert_eq!(byte, text.len());
    prop_assert_eq!(ch, text.chars().count());
    Ok(())
}

fn check_segment(text: &str, lang: &Lang) -> Result<(), TestCaseError> {
    let sentences = segment(text, lang);
    check_tiling(text, &sentences)?;
    let mut paragraph = 0;
    for (k, s) in sentences.iter().enumerate() {
        prop_assert!(!s.text.is_empty());
        prop_assert_eq!(s.text.as_str(), text[s.bytes.clone()].trim());
        if k > 0 {
            prop_assert!(s.paragraph == paragraph || s.paragraph == paragraph + 1);
        } else {
            prop_assert_eq!(s.paragraph, 0);
        }
        paragraph = s.paragraph;
    }
    Ok(())
}

/// Text built from pieces that exercise the rules: abbreviations, initials, quotes,
/// terminators, Cyrillic, emoji, line breaks and blank lines.
fn tricky_text() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "Mr.",
        "U.S.",
        "a.m.",
        "т. д.",
        "г.",
        "А.",
        "Г.",
        "г.зн.",
        "і г.д.",
        "3,5%",
        "3.5",
        "25.10.2024",
        "«",
        "»",
        "„",
        "“",
        "\"",
        "?!",
        "…",
        "...",
        "—",
        "-",
        " ",
        " ",
        "  ",
        "\n",
        "\n\n",
        "\n \n",
        "\t",
        "Далее",
        "The",
        "слово",
        "word",
        "ўі'",
        "😀",
        "👍🏽",
        "é",
        "\u{a0}",
        "\u{2028}",
        ".",
        "!",
        "?",
        ")",
        "(",
        "1.",
        "Ü",
    ]);
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_strings_tile(text in any::<String>()) {
        for lang in [Lang::en(), Lang::ru(), Lang::be(), Lang::parse("de").expect("de")] {
            check_segment(&text, &lang)?;
        }
        check_tiling(&text, &presegmented(&text))?;
    }

    #[test]
    fn tricky_strings_tile(text in tricky_text()) {
        for lang in [Lang::en(), Lang::ru(), Lang::be(), Lang::parse("fr").expect("fr")] {
            check_segment(&text, &lang)?;
        }
        check_tiling(&text, &presegmented(&text))?;
    }

    #[test]
    fn cyrillic_and_emoji_tile(text in "[а-яА-ЯёЁўЎіІ'a-zA-Z0-9 .,!?…«»„“\"—\n😀👍]{0,200}") {
        for lang in [Lang::en(), Lang::ru(), Lang::be()] {
            check_segment(&text, &lang)?;
        }
        check_tiling(&text, &presegmented(&text))?;
    }
}

#[test]
fn paragraphs_are_counted_by_blank_lines() {
    let text = "  First one. Second one.\nStill second.\n\n \nThird.\n\t\nFourth\n";
    // A blank line ends a sentence even without a terminator; one line break does not.
    let got: Vec<(&str, usize)> =
        segment(text, &Lang::en()).iter().map(|s| (&text[s.bytes.clone()], s.paragraph)).collect();
    assert_eq!(
        got,
        vec![
            ("  First one. ", 0),
            ("Second one.\n", 0),
            ("Still second.\n\n \n", 0),
            ("Third.\n\t\n", 1),
            ("Fourth\n", 2),
        ]
    );
}

#[test]
fn blank_text_has_no_sentences() {
    assert!(segment("", &Lang::en()).is_empty());
    assert!(segment(" \n\n\t ", &Lang::ru()).is_empty());
}

#[test]
fn char_spans_count_cyrillic_and_emoji_once() {
    let text = "Привет 😀. Да!";
    let s = segment(text, &Lang::ru());
    assert_eq!(s.len(), 2);
    assert_eq!(s[0].chars, 0..10);
    assert_eq!(s[1].chars, 10..13);
    assert_eq!(s[1].bytes.end, text.len());
}

#[test]
fn presegmented_keeps_one_sentence_per_line() {
    let text = "One. Two.\n\n  Three \nЧетыре\n";
    let s = presegmented(text);
    let texts: Vec<&str> = s.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(texts, vec!["One. Two.", "", "Three", "Четыре"]);
    assert_eq!(s[3].bytes, 20..33);
    assert_eq!(s[3].chars, 20..27);
    assert_eq!(s.iter().map(|s| s.paragraph).collect::<Vec<_>>(), vec![0, 1, 2, 3]);
}

#[test]
fn presegmented_without_final_newline() {
    let s = presegmented("a\nb");
    assert_eq!(s.len(), 2);
    assert_eq!(s[1].bytes, 2..3);
    assert!(presegmented("").is_empty());
}

#[test]
fn fold_lines_joins_inner_line_breaks() {
    assert_eq!(
        sverka::segment::fold_lines("The President met\n  the delegation"),
        "The President met the delegation"
    );
    assert_eq!(sverka::segment::fold_lines("no break"), "no break");
}

#[test]
fn line_break_without_terminator_does_not_split() {
    let s = segment("Lukashenko hopes for\nprogress with talks.\nThe end", &Lang::en());
    let texts: Vec<&str> = s.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(texts, vec!["Lukashenko hopes for\nprogress with talks.", "The end"]);
}
