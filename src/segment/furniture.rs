//! Wire furniture: the lines an agency prints around a story (datelines, date stamps,
//! photo credits and bylines, end markers, editor's notes, truncation marks,
//! boilerplate), recognised from the patterns of `data/furniture.tsv` and a few rules.
//! A dateline stays with the sentence it introduces; the other kinds are whole
//! paragraphs. A headline is the first paragraph of a text when it is one short line
//! with no sentence end and more paragraphs follow.

use crate::model::SentenceKind;
use regex::{Regex, RegexBuilder};
use regex_syntax::ast::{self, Ast, RepetitionKind, RepetitionRange};
use std::borrow::Cow;
use std::sync::OnceLock;

/// `data/furniture.tsv`.
pub const DATA: &str = include_str!("data/furniture.tsv");

/// The patterns, by kind.
struct Patterns {
    datelines: Vec<Pattern>,
    paragraphs: Vec<(SentenceKind, Pattern)>,
}

fn patterns() -> &'static Patterns {
    static PATTERNS: OnceLock<Patterns> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        let mut out = Patterns { datelines: Vec::new(), paragraphs: Vec::new() };
        for line in crate::text::data_lines(DATA) {
            let Some((kind, pattern)) = line.split_once('\t') else { continue };
            let pattern = Pattern::new(pattern);
            match kind {
                "dateline" => out.datelines.push(pattern),
                "credit" => out.paragraphs.push((SentenceKind::Credit, pattern)),
                "end-marker" => out.paragraphs.push((SentenceKind::EndMarker, pattern)),
                _ => out.paragraphs.push((SentenceKind::Note, pattern)),
            }
        }
        out
    })
}

/// One pattern of the data file (matched case-insensitively). A line is first matched
/// against a relaxed form of it, with every bounded repetition `{m,n}` opened to `{m,}`:
/// that matches wherever the pattern does, and compiles in a fraction of the time
/// (`[\p{Lu} ]{1,40}` is forty copies of a large class). The pattern itself is compiled
/// the first time its relaxed form matches, so that most texts never pay for it.
struct Pattern {
    source: &'static str,
    relaxed: Option<Regex>,
    exact: OnceLock<Option<Regex>>,
}

impl Pattern {
    fn new(source: &'static str) -> Self {
        let relaxed = relaxed(source).and_then(|r| compile(&r));
        Pattern { source, relaxed, exact: OnceLock::new() }
    }

    /// The pattern itself (the data file is tested to compile; a bad row would be a
    /// build defect, and matches nothing).
    fn exact(&self) -> Option<&Regex> {
        self.exact.get_or_init(|| compile(self.source)).as_ref()
    }

    fn may_match(&self, text: &str) -> bool {
        self.relaxed.as_ref().is_none_or(|re| re.is_match(text))
    }

    fn is_match(&self, text: &str) -> bool {
        self.may_match(text) && self.exact().is_some_and(|re| re.is_match(text))
    }

    /// The end of the leftmost match.
    fn find_end(&self, text: &str) -> Option<usize> {
        if !self.may_match(text) {
            return None;
        }
        self.exact()?.find(text).map(|m| m.end())
    }
}

fn compile(pattern: &str) -> Option<Regex> {
    RegexBuilder::new(pattern).case_insensitive(true).build().ok()
}

/// `pattern` with every bounded repetition `{m,n}` opened to `{m,}` (`None` if it does not
/// parse).
fn relaxed(pattern: &str) -> Option<String> {
    fn open(ast: &mut Ast) {
        match ast {
            Ast::Repetition(rep) => {
                if let RepetitionKind::Range(RepetitionRange::Bounded(m, _)) = rep.op.kind {
                    rep.op.kind = RepetitionKind::Range(RepetitionRange::AtLeast(m));
                }
                open(&mut rep.ast);
            }
            Ast::Group(group) => open(&mut group.ast),
            Ast::Alternation(alt) => alt.asts.iter_mut().for_each(open),
            Ast::Concat(concat) => concat.asts.iter_mut().for_each(open),
            _ => {}
        }
    }
    let mut ast = ast::parse::Parser::new().parse(pattern).ok()?;
    open(&mut ast);
    let mut out = String::new();
    ast::print::Printer::new().print(&ast, &mut out).ok()?;
    Some(out)
}

/// The byte length of a dateline at the start of `para` (`MINSK, 31 December (BelTA) – `,
/// `МИНСК, 31 декабря. /Корр. БЕЛТА/. `), white space and dash after it included.
pub fn dateline_len(para: &str) -> Option<usize> {
    patterns().datelines.iter().filter_map(|p| p.find_end(para)).max()
}

/// The kind of a whole paragraph, when it is furniture: a credit, end marker or note by
/// the patterns, or a date/time stamp (`Posted: 25.10.2024 17:05:00`, `16:00, 3 November`,
/// `31 июля, 2018`) by rule.
pub fn paragraph_kind(para: &str) -> Option<SentenceKind> {
    let para = para.trim();
    let flat =
        if para.contains('\n') { Cow::Owned(crate::segment::fold_lines(para)) } else { Cow::Borrowed(para) };
    if let Some((kind, _)) = patterns().paragraphs.iter().find(|(_, p)| p.is_match(&flat)) {
        return Some(*kind);
    }
    is_stamp(&flat).then_some(SentenceKind::Dateline)
}

/// A short line that is mostly a date or a time: at most six words, no sentence end, and
/// a date or time among its quantities, the rest labels and small numbers.
fn is_stamp(line: &str) -> bool {
    let words = line.split_whitespace().count();
    if words == 0 || words > 6 || line.ends_with(['!', '?']) || line.chars().count() > 60 {
        return false;
    }
    let quantities = crate::numbers::extract(line);
    let dated = quantities.iter().any(|q| {
        matches!(q.value, crate::numbers::Quantity::Date { .. }) || line[q.span.clone()].contains(':')
    });
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    let covered: usize = quantities.iter().map(|q| q.span.len()).sum();
    dated && (letters <= 24 || covered * 3 >= line.len())
}

/// Whether a paragraph can be a headline: one line of 2 to 25 words with no sentence end
/// (a final `.` after a short abbreviation aside) and not a list item.
pub fn may_be_headline(para: &str) -> bool {
    let line = para.trim();
    let words = line.split_whitespace().count();
    !line.contains('\n')
        && (2..=25).contains(&words)
        && !line.ends_with(['.', '!', ':', ';', ','])
        && line.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric() || "\"«“'".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_patterns_compile() {
        for line in crate::text::data_lines(DATA) {
            let (kind, pattern) = line.split_once('\t').expect("kind TAB pattern");
            assert!(["dateline", "credit", "end-marker", "note"].contains(&kind), "{line}");
            RegexBuilder::new(pattern)
                .case_insensitive(true)
                .build()
                .unwrap_or_else(|e| panic!("{line}: {e}"));
        }
    }

    #[test]
    fn relaxed_patterns_only_open_bounded_repetitions() {
        assert_eq!(
            relaxed(r"^\p{Lu}[\p{Lu}.\- ]{1,40},\s+[^\n/()]{3,30}?#{3}").as_deref(),
            Some(r"^\p{Lu}[\p{Lu}.\- ]{1,},\s+[^\n/()]{3,}?#{3}")
        );
        assert_eq!(relaxed(r"\{1,2\}[{1,2}](?:a|b{0,80})").as_deref(), Some(r"\{1,2\}[{1,2}](?:a|b{0,})"));
        for line in crate::text::data_lines(DATA) {
            let (_, pattern) = line.split_once('\t').expect("kind TAB pattern");
            assert!(Pattern::new(pattern).relaxed.is_some(), "{pattern}");
        }
    }

    #[test]
    fn datelines_of_the_agencies_are_found_whole() {
        for (para, dateline) in [
            ("MINSK, 31 December (BelTA) – Belarus will", "MINSK, 31 December (BelTA) – "),
            ("MOSCOW, December 31. /TASS/. Russia said", "MOSCOW, December 31. /TASS/. "),
            ("МИНСК, 31 декабря. /Корр. БЕЛТА/. Беларусь", "МИНСК, 31 декабря. /Корр. БЕЛТА/. "),
            ("МІНСК, 31 снежня. /Кар. БЕЛТА/. Беларусь", "МІНСК, 31 снежня. /Кар. БЕЛТА/. "),
            ("8 ноября, Полоцк /Корр. БЕЛТА/. Именно", "8 ноября, Полоцк /Корр. БЕЛТА/. "),
            ("МИНСК, 11 ноя — Sputnik. Беларусь", "МИНСК, 11 ноя — Sputnik. "),
            ("ПЕКІН, 28 лістапада — БЕЛТА. Напрыклад", "ПЕКІН, 28 лістапада — БЕЛТА. "),
            ("ST. PETERSBURG, 20 September (BelTA) – At least", "ST. PETERSBURG, 20 September (BelTA) – "),
        ] {
            assert_eq!(dateline_len(para).map(|n| &para[..n]), Some(dateline), "{para}");
        }
        for text in ["Minsk, the capital, grew (slowly) – by 2%", "The USA, Canada (and Mexico) agreed"] {
            assert_eq!(dateline_len(text), None, "{text}");
        }
    }

    #[test]
    fn furniture_paragraphs_get_their_kind_and_text_does_not() {
        use SentenceKind::*;
        for (para, kind) in [
            ("Photo: BelTA archive", Some(Credit)),
            ("Photo: www.president.gov.by", Some(Credit)),
            ("Фото: Анна Корзун, ТАСС", Some(Credit)),
            ("Фото Ивана Ждановича", Some(Credit)),
            (
                "This article was originally published by BelTA and is republished here with permission.",
                Some(Credit),
            ),
            ("https://www.belta.by/", Some(Credit)),
            ("-0-", Some(EndMarker)),
            ("* * *", Some(EndMarker)),
            ("[... TRUNCATED ...]", Some(Note)),
            ("(…)", Some(Note)),
            ("Editor's note: This story has been updated.", Some(Note)),
            ("Справка БЕЛТА. Фестиваль проводится с 1996 года.", Some(Note)),
            ("Если вы нашли ошибку, пожалуйста, выделите фрагмент текста и нажмите Ctrl+Enter.", Some(Note)),
            ("Posted: 25.10.2024 17:05:00", Some(Dateline)),
            ("16:00, 3 November", Some(Dateline)),
            ("31 июля, 2018", Some(Dateline)),
            ("24.09.2021", Some(Dateline)),
            ("Photographs of the summit were published on Monday.", None),
            ("The harvest reached 5.7 million tonnes on 3 November.", None),
            ("Лукашенко принял с докладом губернатора Минской области", None),
        ] {
            assert_eq!(paragraph_kind(para), kind, "{para}");
        }
    }
}
