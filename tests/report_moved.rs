//! The text and HTML views say where a moved sentence came from (`moved: B 2 → after A 0`,
//! with a link to its place in B's order) and label wire furniture by its kind.

use serde_json::json;
use sverka::model::Report;
use sverka::report::{Format, RenderOptions, render};

fn report() -> Report {
    serde_json::from_value(json!({
        "version": 1,
        "a": {"lang": "en", "sentences": ["MINSK, 3 May (BelTA) – The talks began.", "He said: “We agree.”", "Prices rose."]},
        "b": {"lang": "ru", "sentences": ["МИНСК, 3 мая. /Корр. БЕЛТА/. Переговоры начались.", "Цены выросли.", "«Мы согласны», — сказал он.", "Фото: БЕЛТА"],
              "kinds": ["text", "text", "text", "credit"]},
        "beads": [
            {"a": [0], "b": [0], "score": 0.97},
            {"a": [1], "b": [2], "score": 0.91, "moved": true},
            {"a": [2], "b": [1], "score": 0.95},
            {"a": [], "b": [3], "score": 0.9}
        ],
        "findings": [],
        "stats": {"sentences_a": 3, "sentences_b": 4, "beads": 4, "bead_kinds": {"1-1": 3, "0-1": 1},
                  "findings_error": 0, "findings_warning": 0, "findings_info": 0, "mean_score": 0.93}
    }))
    .expect("a report")
}

#[test]
fn text_says_where_a_moved_sentence_came_from() {
    let text = render(&report(), Format::Text, &RenderOptions::default());
    let lines: Vec<&str> = text.lines().collect();
    let row = lines.iter().position(|l| l.contains("We agree")).expect("the moved bead");
    assert!(
        lines[row + 1].contains("↕ moved: B 2 → after A 0 (its place in B: bead 2)"),
        "{}",
        lines[row + 1]
    );
    assert_eq!(text.matches("moved:").count(), 1, "{text}");
    assert!(text.contains("[credit] Фото: БЕЛТА"), "{text}");
}

#[test]
fn html_links_a_moved_sentence_to_its_place_and_labels_furniture() {
    let html = render(&report(), Format::Html, &RenderOptions::default());
    let row =
        html.split("<div id=\"b1\"").nth(1).expect("bead 1").split("<div id=\"b2\"").next().unwrap_or("");
    assert!(row.starts_with(" class=\"row bead k1-1 moved\""), "{row}");
    assert!(row.contains("↕ moved: B 2 → after A 0 · <a href=\"#b2\">its place in B (bead 2)</a>"), "{row}");
    // The note sits inside B's cell: the row still has its id, score, A and B cells.
    assert_eq!(row.matches("role=\"cell\"").count(), 4, "{row}");
    assert_eq!(html.matches("class=\"moved\"").count(), 1);
    assert!(html.contains("<span class=\"kind\">credit</span>Фото: БЕЛТА"), "{html}");
}
