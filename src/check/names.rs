//! `name-inconsistent`: one name spelled two ways in one translation, found without a
//! glossary entry in two ways:
//! - Latin vs Latin: capitalised words whose spellings are romanisation variants of
//!   each other ([`super::spelling::variants`]: `Aleksandr`/`Alexander`);
//! - through the alignment: two capitalised words that both render the same Cyrillic
//!   word (same stem) of their beads' originals, by [`crate::translit::name_similarity`]
//!   (`Gomel` and `Homel` for `Гомель`).
//!
//! - glossary terms written with two cases (`Kursk Region` / `Kursk region`), both
//!   accepted forms of the entry once case is ignored.
//!
//! The expected spelling of a name is the house one when the glossary (under the
//! active profile) has a term around its occurrences: the accepted form written, or
//! the form a `glossary-variant` finding asks for, so the two findings never disagree
//! (`--profile reuters`: `Zelensky` and `Zelenskyy` both → `Zelenskiy`). Without a
//! glossary term, the spelling used most often is taken (the first seen on a tie).
//! Every occurrence of the other spellings is reported, also where the glossary
//! rejects the spelling (a glossary-variant finding then says the same). Masculine and
//! feminine forms of one surname (`Zelenskyy`/`Zelenska`) are not one name.

use super::{Pair, spelling, terms};
use crate::glossary::FormKind;
use crate::glossary::inflection::{self, Tongue};
use crate::model::{CheckKind, Finding, Lang, Severity};
use crate::text::{UnionFind, is_cyrillic, words};
use std::collections::HashMap;
use std::ops::Range;

/// A capitalised Latin word that may be a name.
pub(super) fn is_name(word: &str, initial: bool) -> bool {
    let first_ok = word.chars().next().is_some_and(|c| c.is_uppercase() && !is_cyrillic(c));
    first_ok
        && word.chars().all(|c| !is_cyrillic(c) && c.is_alphabetic())
        && !word.chars().all(char::is_uppercase)
        && word.chars().count() >= 3
        && !(initial && crate::segment::rules::for_lang(&Lang::en()).is_starter(word))
}

/// Every occurrence of every candidate name: surfaces in first-seen order and, per
/// surface, its (sentence, byte span) occurrences.
struct Names {
    surfaces: Vec<String>,
    ids: HashMap<String, usize>,
    occurrences: Vec<Vec<(usize, Range<usize>)>>,
    /// Per surface: the names that follow it after one space (`Vladimir` → `Putin`):
    /// a surface with followers is a first name.
    followers: Vec<Vec<String>>,
}

impl Names {
    fn empty() -> Names {
        Names { surfaces: Vec::new(), ids: HashMap::new(), occurrences: Vec::new(), followers: Vec::new() }
    }

    fn collect(pair: &Pair<'_>) -> Names {
        let mut names = Names::empty();
        for i in 0..pair.en.len() {
            let text = pair.en_text(i);
            // Furniture and datelines are printed by the agency, often in capitals
            // (`MINSK, 31 December`): not the translator's spelling.
            let Some(body_start) = pair.en_body_start(i) else { continue };
            let ws: Vec<_> = words(text).into_iter().filter(|w| w.span.start >= body_start).collect();
            for (k, w) in ws.iter().enumerate() {
                let surface = &text[w.span.clone()];
                if !is_name(surface, k == 0) {
                    continue;
                }
                let id = names.id(surface);
                names.occurrences[id].push((i, w.span.clone()));
                if let Some(next) = ws.get(k + 1) {
                    let follower = &text[next.span.clone()];
                    let known = names.followers[id].iter().any(|f| f == follower);
                    if !known && text[w.span.end..next.span.start] == *" " && is_name(follower, false) {
                        names.followers[id].push(follower.to_string());
                    }
                }
            }
        }
        names
    }

    /// Whether two surfaces may be one name: not two first names of different people
    /// (`Vladimir Putin`, `Volodymyr Zelenskyy`; `Aleksandr Lukashenko`, `Oleksandr
    /// Syrskyi`). First names count as one only before the same surname (or spelling
    /// variants of one surname).
    fn same_person(&self, a: usize, b: usize) -> bool {
        let (fa, fb) = (&self.followers[a], &self.followers[b]);
        if fa.is_empty() || fb.is_empty() {
            return true;
        }
        fa.iter().any(|x| fb.iter().any(|y| x == y || spelling::variants(x, y)))
    }

    fn id(&mut self, surface: &str) -> usize {
        if let Some(&id) = self.ids.get(surface) {
            return id;
        }
        let id = self.surfaces.len();
        self.surfaces.push(surface.to_string());
        self.ids.insert(surface.to_string(), id);
        self.occurrences.push(Vec::new());
        self.followers.push(Vec::new());
        id
    }
}

/// Links surfaces whose spellings are Latin variants of each other.
fn link_latin(names: &Names, groups: &mut UnionFind) {
    let mut by_skeleton: HashMap<String, Vec<usize>> = HashMap::new();
    for (id, s) in names.surfaces.iter().enumerate() {
        by_skeleton.entry(spelling::skeleton(&spelling::key(s))).or_default().push(id);
    }
    for ids in by_skeleton.values() {
        for (n, &a) in ids.iter().enumerate() {
            for &b in &ids[n + 1..] {
                if spelling::variants(&names.surfaces[a], &names.surfaces[b]) && names.same_person(a, b) {
                    groups.union(a, b);
                }
            }
        }
    }
}

/// Lowest transliteration similarity for a Latin word to count as rendering a
/// Cyrillic one.
const RENDERS: f64 = 0.75;

/// Links surfaces that render the same Cyrillic word in their beads' originals.
fn link_through_alignment(pair: &Pair<'_>, names: &Names, groups: &mut UnionFind) {
    let tongue = if pair.orig.lang.code() == "be" { Tongue::Be } else { Tongue::Ru };
    let mut cache: HashMap<(String, usize), bool> = HashMap::new();
    let mut renders: HashMap<String, Vec<usize>> = HashMap::new();
    for (en_ids, orig_ids) in &pair.beads {
        if en_ids.is_empty() || orig_ids.is_empty() {
            continue;
        }
        let latin: Vec<usize> = en_ids
            .iter()
            .flat_map(|&i| {
                let text = pair.en_text(i);
                words(text).into_iter().filter_map(move |w| names.ids.get(&text[w.span]).copied())
            })
            .collect();
        if latin.is_empty() {
            continue;
        }
        for &j in orig_ids.iter() {
            let text = pair.orig_text(j);
            for w in words(text) {
                let cyr = &text[w.span.clone()];
                if !w.capital || cyr.chars().count() < 3 || !cyr.chars().all(is_cyrillic) {
                    continue;
                }
                let stem = inflection::stem(&w.norm, tongue);
                for &l in &latin {
                    let key = (stem.clone(), l);
                    let hit = *cache.entry(key).or_insert_with(|| {
                        crate::translit::name_similarity(cyr, &names.surfaces[l]) >= RENDERS
                    });
                    if hit {
                        let list = renders.entry(stem.clone()).or_default();
                        if !list.contains(&l) {
                            list.push(l);
                        }
                    }
                }
            }
        }
    }
    for ids in renders.values() {
        for (n, &a) in ids.iter().enumerate() {
            for &b in &ids[n + 1..] {
                if close_enough(&names.surfaces[a], &names.surfaces[b]) && names.same_person(a, b) {
                    groups.union(a, b);
                }
            }
        }
    }
}

/// Two renderings of one Cyrillic stem that are not one derived from the other
/// (`Ukraine`/`Ukrainian` for `Украины`) nor the masculine and feminine forms of one
/// surname (`Zelenskyy`/`Zelenska` for `Зеленский`/`Зеленская`, which share the stem
/// `зеленск`), and still look alike: at most one edit in four letters (guards against
/// a loose similarity).
fn close_enough(a: &str, b: &str) -> bool {
    let (ka, kb) = (spelling::key(a), spelling::key(b));
    if ka == kb {
        return a != b;
    }
    if spelling::derived(&ka, &kb) || spelling::gender_pair(&ka, &kb) {
        return false;
    }
    let longest = ka.len().max(kb.len());
    spelling::distance(&ka, &kb) * 4 <= longest
}

/// Occurrences of glossary terms (accepted forms) as (entry, surface, sentence), for
/// terms written with two cases.
fn term_surfaces(pair: &Pair<'_>) -> Names {
    let mut names = Names::empty();
    for i in 0..pair.en.len() {
        let text = pair.en_text(i);
        for m in pair.en_terms(i) {
            let written = &text[m.span.clone()];
            // A name in capitals (`MINSK` in a dateline or headline) is the layout's case.
            let capitals = written.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && written.chars().all(|c| !c.is_alphabetic() || c.is_uppercase());
            let entry_capitals =
                pair.glossary.entries.get(m.entry).is_some_and(|e| e.en == e.en.to_uppercase());
            if matches!(m.form, FormKind::Canonical | FormKind::Accepted) && (!capitals || entry_capitals) {
                let raw = written.split_whitespace().collect::<Vec<_>>().join(" ");
                // The first letter follows the sentence, not the term: take its case
                // from the canonical form (`The collective West` = `the collective West`).
                let lower_first =
                    pair.glossary.entries.get(m.entry).is_some_and(|e| e.en.starts_with(char::is_lowercase));
                let surface = match raw.chars().next() {
                    Some(c) if lower_first => c.to_lowercase().chain(raw.chars().skip(1)).collect(),
                    _ => raw,
                };
                let id = names.id(&format!("{}\t{surface}", m.entry));
                names.occurrences[id].push((i, m.span.clone()));
            }
        }
    }
    names
}

/// One finding per sentence with a minority spelling (the checks' resolution then keeps
/// one finding per span: a `glossary-variant` on the same words wins).
pub(crate) fn check(pair: &Pair<'_>) -> Vec<Finding> {
    if !pair.english() {
        return Vec::new();
    }
    let mut out = report(&case_groups(pair), pair, |_, _| None);
    let names = Names::collect(pair);
    let mut groups = UnionFind::new(names.surfaces.len());
    link_latin(&names, &mut groups);
    link_through_alignment(pair, &names, &mut groups);
    let mut members: HashMap<usize, Vec<usize>> = HashMap::new();
    for id in 0..names.surfaces.len() {
        let root = groups.find(id);
        members.entry(root).or_default().push(id);
    }
    let mut roots: Vec<Vec<usize>> = members.into_values().filter(|m| m.len() > 1).collect();
    roots.sort();
    let house = |names: &Names, group: &[usize]| house_spelling(names, group, pair);
    out.extend(report(&(names, roots), pair, house));
    out
}

/// Glossary terms written two ways, as groups of surfaces: the same words in another
/// case or punctuation (`Kursk region`, `St. Petersburg`), and for places two accepted
/// forms with the same first word and as many words (`Kursk Region`/`Kursk Oblast`).
fn case_groups(pair: &Pair<'_>) -> (Names, Vec<Vec<usize>>) {
    let mut terms = term_surfaces(pair);
    let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
    for (id, s) in terms.surfaces.iter().enumerate() {
        let Some((entry, surface)) = s.split_once('\t') else { continue };
        let ws: Vec<String> = words(surface).into_iter().map(|w| w.norm).collect();
        let place = entry
            .parse::<usize>()
            .ok()
            .and_then(|e| pair.glossary.entries.get(e))
            .is_some_and(|e| e.kind == crate::glossary::TermType::Place);
        let key = match ws.as_slice() {
            [first, rest @ ..] if place && !rest.is_empty() => format!("{entry}\t{first}\t{}", rest.len()),
            _ => format!("{entry}\t{}", ws.join(" ")),
        };
        by_key.entry(key).or_default().push(id);
    }
    let mut groups: Vec<Vec<usize>> = by_key.into_values().filter(|g| g.len() > 1).collect();
    groups.sort();
    for s in &mut terms.surfaces {
        if let Some((_, surface)) = s.split_once('\t') {
            *s = surface.to_string();
        }
    }
    (terms, groups)
}

/// The spelling a group of surfaces is to be written in.
struct Expected {
    /// The spelling.
    spelling: String,
    /// Whether the glossary chose it (else it is the most used one).
    house: bool,
}

/// The house spelling of a group of name surfaces by the glossary terms their
/// occurrences stand in (see [`house_word`]), the one most occurrences ask for (the
/// first asked for on a tie); `None` when no occurrence is in a glossary term.
fn house_spelling(names: &Names, group: &[usize], pair: &Pair<'_>) -> Option<String> {
    let mut votes: Vec<(String, usize)> = Vec::new();
    for &id in group {
        for (i, span) in &names.occurrences[id] {
            let Some(word) = house_word(pair, *i, span, &names.surfaces[id]) else { continue };
            match votes.iter_mut().find(|(w, _)| *w == word) {
                Some((_, n)) => *n += 1,
                None => votes.push((word, 1)),
            }
        }
    }
    let best = votes.iter().enumerate().max_by_key(|(k, (_, n))| (*n, std::cmp::Reverse(*k)));
    best.map(|(_, (w, _))| w.clone())
}

/// The house spelling of the name word at `span` of translation sentence `i`, by the
/// glossary term around it: the word itself in an accepted form, the word standing for
/// it in the form a `glossary-variant` finding expects in a rejected one
/// (`Aleksandr` in `Aleksandr Lukashenko` → `Alexander` under `--profile ap`); `None`
/// outside glossary terms.
pub(super) fn house_word(pair: &Pair<'_>, i: usize, span: &Range<usize>, surface: &str) -> Option<String> {
    let m = pair.en_terms(i).iter().find(|m| m.span.start <= span.start && span.end <= m.span.end)?;
    if m.form != FormKind::Variant {
        return Some(surface.to_string());
    }
    let entry = pair.glossary.entries.get(m.entry)?;
    let found = &pair.en_text(i)[m.span.clone()];
    let expected = terms::expected_for(found, entry);
    let at = span.start.checked_sub(m.span.start)?;
    Some(counterpart(found, at, &expected, surface))
}

/// The word of `expected` standing for the word of `found` at byte `at`: the one in
/// the same place when both have as many words, else the closest in spelling.
fn counterpart(found: &str, at: usize, expected: &str, surface: &str) -> String {
    let found_words = words(found);
    let wanted: Vec<&str> = words(expected).into_iter().map(|w| &expected[w.span]).collect();
    let place = found_words.iter().position(|w| w.span.start == at);
    match place {
        Some(k) if found_words.len() == wanted.len() => wanted[k].to_string(),
        _ => {
            let far = |w: &&str| spelling::distance(&spelling::key(w), &spelling::key(surface));
            wanted.into_iter().min_by_key(far).unwrap_or(surface).to_string()
        }
    }
}

/// The most used surface of a group (the first seen on a tie).
fn most_used(names: &Names, group: &[usize]) -> usize {
    *group.iter().max_by_key(|&&id| (names.occurrences[id].len(), std::cmp::Reverse(id))).unwrap_or(&group[0])
}

/// The expected spelling of a group: the glossary's house spelling when `house` gives
/// one, else the most used surface.
fn expected(names: &Names, group: &[usize], house: Option<String>) -> Expected {
    match house {
        Some(spelling) => Expected { spelling, house: true },
        None => Expected { spelling: names.surfaces[most_used(names, group)].clone(), house: false },
    }
}

/// Findings for every occurrence of a surface of a group other than its expected
/// spelling (see [`expected`]); `house` gives a group's house spelling, if any.
fn report<H>(groups: &(Names, Vec<Vec<usize>>), pair: &Pair<'_>, house: H) -> Vec<Finding>
where
    H: Fn(&Names, &[usize]) -> Option<String>,
{
    let (names, groups) = groups;
    let mut out = Vec::new();
    for group in groups {
        let want = expected(names, group, house(names, group));
        for &id in group.iter().filter(|&&id| names.surfaces[id] != want.spelling) {
            let message = message(names, group, id, &want);
            let mut seen = std::collections::HashSet::new();
            for (i, span) in &names.occurrences[id] {
                if seen.insert(*i) {
                    let found = &names.surfaces[id];
                    let mut f = pair.en_finding(CheckKind::NameInconsistent, Severity::Error, *i, found);
                    f.message.clone_from(&message);
                    f.expected = Some(want.spelling.clone());
                    f.span = Some(span.clone());
                    out.push(f);
                }
            }
        }
    }
    out
}

/// The message of a finding on surface `id` of `group`.
fn message(names: &Names, group: &[usize], id: usize, want: &Expected) -> String {
    let found = &names.surfaces[id];
    let expected = &want.spelling;
    let uses =
        |s: &str| group.iter().find(|&&g| names.surfaces[g] == s).map_or(0, |&g| names.occurrences[g].len());
    if !want.house {
        let count = uses(expected);
        let times = if count == 1 { "once".to_string() } else { format!("{count} times") };
        return format!(
            "'{found}' and '{expected}' look like one name spelled two ways ('{expected}' is used {times} in \
             this text): use one spelling throughout"
        );
    }
    let others: Vec<usize> = group.iter().copied().filter(|&g| g != id).collect();
    let other = if uses(expected) > 0 || others.is_empty() {
        expected.clone()
    } else {
        names.surfaces[most_used(names, &others)].clone()
    };
    format!(
        "'{found}' and '{other}' look like one name spelled two ways (the glossary's house spelling is \
         '{expected}'): write '{expected}' throughout"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renderings_of_one_word_must_look_alike_and_not_be_derived() {
        assert!(close_enough("Gomel", "Homel"));
        assert!(close_enough("Lukashenko", "Lukashenka"));
        assert!(close_enough("Maxim", "Maksim"));
        assert!(!close_enough("Ukraine", "Ukrainian"));
        assert!(!close_enough("Europe", "European"));
        assert!(!close_enough("Belarus", "Belarusian"));
        assert!(!close_enough("Minsk", "Minsk"));
        assert!(!close_enough("Putin", "Peskov"));
    }

    #[test]
    fn masculine_and_feminine_surnames_are_not_one_name() {
        for (a, b) in [
            ("Zelenskyy", "Zelenska"),
            ("Zelensky", "Zelenskaya"),
            ("Tsikhanouski", "Tsikhanouskaya"),
            ("Tolstoy", "Tolstaya"),
            ("Ivanov", "Ivanova"),
        ] {
            assert!(!close_enough(a, b), "{a} / {b}");
        }
        assert!(close_enough("Zelensky", "Zelenskyy"));
    }

    #[test]
    fn names_are_capitalised_latin_words_not_sentence_starters() {
        assert!(is_name("Krutoi", false));
        assert!(is_name("Krutoi", true));
        assert!(!is_name("However", true));
        assert!(!is_name("NATO", false));
        assert!(!is_name("Минск", false));
        assert!(!is_name("minister", false));
    }

    #[test]
    fn the_counterpart_of_a_rejected_word_is_the_word_in_its_place() {
        assert_eq!(counterpart("Aleksandr Lukashenko", 0, "Alexander Lukashenko", "Aleksandr"), "Alexander");
        assert_eq!(
            counterpart("Aleksandr Lukashenko", 10, "Alexander Lukashenko", "Lukashenko"),
            "Lukashenko"
        );
        assert_eq!(counterpart("Vladimir Zelensky", 9, "Zelenskyy", "Zelensky"), "Zelenskyy");
        assert_eq!(counterpart("Zelensky", 0, "Zelenskiy", "Zelensky"), "Zelenskiy");
    }
}
