//! Reading the transliteration tables under `data/`: one rule per line, a Cyrillic
//! letter or sequence with optional context classes and its Latin spelling.

use super::*;
use std::sync::OnceLock;

/// The built-in data files, by system ID.
pub(crate) const FILES: [(&str, &str); 10] = [
    ("bgn-pcgn", include_str!("../data/bgn-pcgn.tsv")),
    ("iso9", include_str!("../data/iso9.tsv")),
    ("gost-7.79-b", include_str!("../data/gost-7.79-b.tsv")),
    ("icao-9303", include_str!("../data/icao-9303.tsv")),
    ("ala-lc", include_str!("../data/ala-lc.tsv")),
    ("wikipedia", include_str!("../data/wikipedia.tsv")),
    ("by-2007", include_str!("../data/by-2007.tsv")),
    ("by-2023", include_str!("../data/by-2023.tsv")),
    ("mvd-2010", include_str!("../data/mvd-2010.tsv")),
    ("un", include_str!("../data/un.tsv")),
];

fn parse_set(spec: &str, line: usize) -> Result<CharSet, String> {
    let mut set = CharSet::default();
    for c in spec.chars() {
        match c {
            '^' => set.start = true,
            '$' => set.end = true,
            _ => set.insert(slot_of_lower(c).ok_or_else(|| format!("line {line}: '{c}' in a set"))?),
        }
    }
    Ok(set)
}

/// Splits a key `[prev]core[next]` into its parts.
fn split_key(key: &str) -> (Option<&str>, &str, Option<&str>) {
    let (prev, rest) = match key.strip_prefix('[').and_then(|k| k.split_once(']')) {
        Some((p, r)) => (Some(p), r),
        None => (None, key),
    };
    match rest.split_once('[') {
        Some((core, n)) => (prev, core, Some(n.trim_end_matches(']'))),
        None => (prev, rest, None),
    }
}

fn parse_line(table: &mut Table, key: &str, value: &str, line: usize) -> Result<(), String> {
    let (prev, core, next) = split_key(key);
    let prev = prev.map(|p| parse_set(p, line)).transpose()?;
    let next = next.map(|n| parse_set(n, line)).transpose()?;
    let slots: Vec<u16> = core
        .chars()
        .map(|c| slot_of_lower(c).ok_or_else(|| format!("line {line}: '{c}' is not a lower-case letter")))
        .collect::<Result<_, _>>()?;
    let out = Out::parse(value);
    match slots.as_slice() {
        [] => Err(format!("line {line}: empty key")),
        [slot] => {
            table.rules[usize::from(*slot)].push(Rule { prev, next, out });
            Ok(())
        }
        [first, ..] => {
            let end_only = next.as_ref().is_some_and(|n| n.end);
            table.seq_first.insert(*first);
            table.seqs.push(Seq { slots, prev, end_only, out });
            Ok(())
        }
    }
}

/// Parses the section of `text` for language `lang` ("ru" or "be").
pub(crate) fn parse(text: &str, lang: &str) -> Result<Table, String> {
    let mut table = Table::new();
    let mut active = false;
    let mut seen = false;
    for (n, raw) in text.lines().enumerate() {
        let line = n + 1;
        let l = raw.trim_end();
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        if let Some(langs) = l.strip_prefix("@lang ") {
            active = langs.split(',').any(|x| x.trim() == lang);
            seen |= active;
            continue;
        }
        if !active {
            continue;
        }
        if let Some(id) = l.strip_prefix("@include ") {
            let (_, other) = FILES
                .iter()
                .find(|(i, _)| *i == id.trim())
                .ok_or_else(|| format!("line {line}: no table {id}"))?;
            let inc = parse(other, lang)?;
            for (slot, rules) in inc.rules.into_iter().enumerate() {
                table.rules[slot].extend(rules);
            }
            for seq in inc.seqs {
                table.seq_first.insert(seq.slots[0]);
                table.seqs.push(seq);
            }
            continue;
        }
        let (key, value) = l.split_once('\t').ok_or_else(|| format!("line {line}: expected KEY<TAB>OUT"))?;
        parse_line(&mut table, key, value, line)?;
    }
    if !seen {
        return Err(format!("no section for language {lang}"));
    }
    table.finish();
    Ok(table)
}

/// The compiled built-in table number `index` (order of `FILES`) for `be` or `ru`.
pub(crate) fn table(index: usize, be: bool) -> &'static Table {
    static TABLES: OnceLock<Vec<[Table; 2]>> = OnceLock::new();
    let all = TABLES.get_or_init(|| {
        FILES
            .iter()
            .map(|(id, text)| {
                let load =
                    |lang| parse(text, lang).unwrap_or_else(|e| panic!("built-in table {id} ({lang}): {e}"));
                [load("ru"), load("be")]
            })
            .collect()
    });
    &all[index][usize::from(be)]
}
