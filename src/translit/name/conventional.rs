//! Conventional spellings no transliteration rule explains (`Лукашенко` → `Lukashenka`,
//! `Киев` → `Kiev`), from `data/conventional.tsv`, keyed by the key of the Cyrillic lemma.

use super::distance::score_plain;
use super::{AltMap, KeyBuf, NameKey, cyr_symbols, lower_cyr};
use crate::text::is_cyrillic;
use std::sync::OnceLock;

/// Conventional spellings no rule explains, keyed by the key of the Cyrillic lemma.
fn conventional() -> &'static AltMap {
    static MAP: OnceLock<AltMap> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = AltMap::default();
        for (cyr, forms) in conventional_entries() {
            let key = NameKey::from_cyrillic_cuts(cyr);
            let alts: Vec<Vec<u8>> = forms
                .split('|')
                .map(|form| {
                    let alt = if form.chars().any(is_cyrillic) {
                        NameKey::from_cyrillic_plain(form)
                    } else {
                        NameKey::from_latin(form)
                    };
                    alt.symbols().to_vec()
                })
                // Forms the lemma's own key already matches add nothing but time.
                .filter(|alt| score_plain(alt, key.symbols()) < 0.9)
                .collect();
            let full = key.symbols().to_vec();
            let mut keys = vec![full.clone()];
            keys.extend(key.cuts[..usize::from(key.ncuts)].iter().map(|&c| full[..usize::from(c)].to_vec()));
            // ё is often written е.
            for k in keys.clone() {
                if k.contains(&b'9') {
                    keys.push(k.iter().map(|&b| if b == b'9' { b'e' } else { b }).collect());
                }
            }
            for k in keys {
                let entry = map.entry(k).or_default();
                for alt in &alts {
                    if !entry.contains(alt) {
                        entry.push(alt.clone());
                    }
                }
            }
        }
        map
    })
}

/// The entries of `data/conventional.tsv`: Cyrillic lemma and its `|`-separated forms.
pub(crate) fn conventional_entries() -> impl Iterator<Item = (&'static str, &'static str)> {
    include_str!("../data/conventional.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once('\t'))
        .map(|(c, f)| (c.trim(), f.trim()))
}

impl NameKey {
    /// A Cyrillic key without cuts or conventional alternatives.
    fn from_cyrillic_plain(text: &str) -> NameKey {
        let mut buf = KeyBuf::new();
        for c in text.chars() {
            buf.push_all(cyr_symbols(lower_cyr(c)));
        }
        buf.trim_boundary();
        NameKey::empty(buf)
    }
}

pub(super) fn conventional_alts(key: &NameKey) -> &'static [Vec<u8>] {
    let map = conventional();
    if let Some(v) = map.get(key.symbols()) {
        return v;
    }
    for &cut in &key.cuts[..usize::from(key.ncuts)] {
        if let Some(v) = map.get(&key.syms[..usize::from(cut)]) {
            return v;
        }
    }
    &[]
}
