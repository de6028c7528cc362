//! Keys that link words across scripts and languages: consonant skeletons of loanwords
//! (`проект`/`project`), capitalised Cyrillic and Latin words that name the same person
//! or place (`Лукашенко`/`Lukashenko`), and month and weekday names.

use crate::text::fold::to_lower;
use crate::text::{UnionFind, fold_word, stable_hash as key};
use rayon::prelude::*;
use std::collections::HashMap;

/// Consonant classes of a word, script-agnostic: similar sounds share a class so that
/// `Лукашенко` and `Lukashenko` (or `Минске` and `Minsk`) share their first classes.
pub(super) fn consonant_classes(word: &str) -> Vec<u8> {
    let mut lower = word.chars().flat_map(to_lower).peekable();
    let mut out = Vec::with_capacity(8);
    let mut first = true;
    while let Some(c) = lower.next() {
        let (class, skip) = match (c, lower.peek().copied()) {
            ('k', Some('h')) => (b'G', 2),
            ('z' | 's' | 'c', Some('h')) => (b'S', 2),
            ('t', Some('h')) => (b'T', 2),
            ('у', Some('и' | 'э' | 'е' | 'а' | 'о')) if first => (b'V', 1),
            ('p', Some('h')) => (b'V', 2),
            ('c', Some('k')) => (b'K', 2),
            _ => (class_of(c), 1),
        };
        if class != 0 && out.last() != Some(&class) {
            out.push(class);
        }
        if skip == 2 {
            lower.next();
        }
        first = false;
    }
    out
}

pub(super) fn class_of(c: char) -> u8 {
    match c {
        'b' | 'б' => b'B',
        'v' | 'w' | 'f' | 'в' | 'ф' => b'V',
        'g' | 'h' | 'г' | 'х' | 'ґ' => b'G',
        'd' | 'д' => b'D',
        't' | 'т' => b'T',
        'k' | 'c' | 'q' | 'к' => b'K',
        's' | 'z' | 'ß' | 'j' | 'с' | 'з' | 'ж' | 'ш' | 'щ' | 'ч' | 'ц' => b'S',
        'x' => b'K',
        'l' | 'л' => b'L',
        'm' | 'м' => b'M',
        'n' | 'н' => b'N',
        'p' | 'п' => b'P',
        'r' | 'р' => b'R',
        _ => 0,
    }
}

/// Whether two words agree on their first three consonant classes (or on all of them
/// when shorter), with at least two classes each.
pub(super) fn same_skeleton(a: &str, b: &str) -> bool {
    let (ca, cb) = (consonant_classes(a), consonant_classes(b));
    let k = ca.len().min(cb.len()).min(3);
    k >= 2 && ca[..k] == cb[..k]
}

/// Links capitalised Cyrillic words to capitalised Latin words that plausibly render
/// them (`translit::name_similarity`), candidates bucketed by their first consonant
/// classes; returns a name key for each linked word of each side.
pub(super) fn link_names(
    cyr_words: &[String],
    lat_words: &[String],
    threshold: f64,
) -> (HashMap<String, u64>, HashMap<String, u64>) {
    let bucket = |w: &str| -> Vec<u8> { consonant_classes(w).into_iter().take(3).collect() };
    let mut buckets: HashMap<Vec<u8>, (Vec<usize>, Vec<usize>)> = HashMap::new();
    for (i, w) in cyr_words.iter().enumerate() {
        buckets.entry(bucket(w)).or_default().0.push(i);
    }
    for (i, w) in lat_words.iter().enumerate() {
        if let Some(b) = buckets.get_mut(&bucket(w)) {
            b.1.push(i);
        }
    }
    let groups: Vec<&(Vec<usize>, Vec<usize>)> = buckets.values().filter(|b| !b.1.is_empty()).collect();
    let links: Vec<(usize, usize)> = groups
        .par_iter()
        .flat_map_iter(|(cs, ls)| {
            cs.iter().flat_map(move |&c| {
                ls.iter().filter_map(move |&l| {
                    let (cw, lw) = (&cyr_words[c], &lat_words[l]);
                    let linked =
                        same_skeleton(cw, lw) || crate::translit::name_similarity(cw, lw) >= threshold;
                    linked.then_some((c, l))
                })
            })
        })
        .collect();
    // Union-find over cyr ids 0..C and lat ids C..C+L.
    let nc = cyr_words.len();
    let mut groups = UnionFind::new(nc + lat_words.len());
    for &(c, l) in &links {
        groups.union(nc + l, c);
    }
    let mut cyr = HashMap::new();
    let mut lat = HashMap::new();
    for &(c, l) in &links {
        let root = groups.find(c) as u64;
        cyr.insert(cyr_words[c].clone(), key(b'n', &root.to_string()));
        lat.insert(lat_words[l].clone(), key(b'n', &root.to_string()));
    }
    (cyr, lat)
}

/// Month and weekday stems (`text/data/calendar.tsv`): (folded stem, must be capitalised, key).
type Calendar = HashMap<char, Vec<(String, bool, u64)>>;

pub(super) fn calendar() -> &'static Calendar {
    static TABLE: std::sync::OnceLock<Calendar> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut out: Calendar = HashMap::new();
        for name in crate::text::tables::calendar().iter().filter(|c| !c.stem.is_empty()) {
            // English and German names are capitalised.
            let stem = fold_word(name.stem);
            let first = stem.chars().next().unwrap_or(' ');
            let capitalised = matches!(name.lang, "en" | "de");
            out.entry(first).or_default().push((stem, capitalised, key(b'c', name.id)));
        }
        out
    })
}

/// The calendar key of a word (a month or weekday name in any of our languages).
pub(super) fn calendar_key(word: &str, folded: &str) -> Option<u64> {
    let capital = word.chars().next().is_some_and(char::is_uppercase);
    let bucket = calendar().get(&folded.chars().next()?)?;
    bucket.iter().find(|(stem, caps, _)| folded.starts_with(stem.as_str()) && (capital || !caps)).map(|c| c.2)
}
