//! The weighted edit distance between two name keys: substitution costs of similar
//! symbols (voiced/voiceless pairs, vowels that transliterations confuse), insertions and
//! deletions, scored at every allowed prefix (ending cut) of both keys.

use super::{KeyBuf, LATIN_CUT_PENALTY, MAX_KEY, NameKey, TS_MERGE, UNIT};

/// Weighted edit distance table between `a` and `b.symbols()`, scored at every pair of
/// allowed prefix lengths.
pub(super) fn score(a: &NameKey, syms: &[u8], b: &NameKey) -> f64 {
    let bs = b.symbols();
    let (m, n) = (syms.len(), bs.len());
    let mut prev = [0u16; MAX_KEY + 1];
    let mut cur = [0u16; MAX_KEY + 1];
    for j in 1..=n {
        prev[j] = prev[j - 1] + indel(bs[j - 1]);
    }
    let a_cuts = &a.cuts[..usize::from(a.ncuts)];
    let b_cuts = &b.cuts[..usize::from(b.ncuts)];
    let mut best = 0.0f64;
    let mut consider = |i: usize, row: &[u16; MAX_KEY + 1], pen_a: u16| {
        let mut check = |j: usize, pen_b: u16| {
            let s = similarity_of(row[j] + pen_a + pen_b, i, j);
            if s > best {
                best = s;
            }
        };
        check(n, 0);
        for (&j, &p) in b_cuts.iter().zip(&b.penalties) {
            check(usize::from(j), u16::from(p));
        }
    };
    let mut prev2 = [0u16; MAX_KEY + 1];
    for i in 1..=m {
        cur[0] = prev[0] + indel(syms[i - 1]);
        // `t s` on this side against `C` (ц, Latin ts) on the other, and the reverse.
        let ts_here = i >= 2 && syms[i - 2] == b't' && syms[i - 1] == b's';
        for j in 1..=n {
            let sub = prev[j - 1] + sub_cost(syms[i - 1], bs[j - 1]);
            let del = prev[j] + indel(syms[i - 1]);
            let ins = cur[j - 1] + indel(bs[j - 1]);
            let mut best_here = sub.min(del).min(ins);
            if ts_here && bs[j - 1] == b'C' {
                best_here = best_here.min(prev2[j - 1] + TS_MERGE);
            }
            if j >= 2 && syms[i - 1] == b'C' && bs[j - 2] == b't' && bs[j - 1] == b's' {
                best_here = best_here.min(prev[j - 2] + TS_MERGE);
            }
            cur[j] = best_here;
        }
        if i == m {
            consider(i, &cur, 0);
        } else if let Some(k) = a_cuts.iter().position(|&c| usize::from(c) == i) {
            consider(i, &cur, u16::from(a.penalties[k]));
        }
        prev2 = prev;
        std::mem::swap(&mut prev, &mut cur);
    }
    best
}

/// Whole-key score of an alternative against a key's symbols.
pub(super) fn score_plain(alt: &[u8], other: &[u8]) -> f64 {
    let mut a = NameKey::empty(KeyBuf::new());
    let la = alt.len().min(MAX_KEY);
    a.syms[..la].copy_from_slice(&alt[..la]);
    a.len = la as u8;
    let mut b = NameKey::empty(KeyBuf::new());
    let lb = other.len().min(MAX_KEY);
    b.syms[..lb].copy_from_slice(&other[..lb]);
    b.len = lb as u8;
    // Alternatives are lemma keys: let the other side end in extra vowels.
    b.add_vowel_cuts(LATIN_CUT_PENALTY);
    score(&a, a.symbols(), &b)
}

fn similarity_of(cost: u16, i: usize, j: usize) -> f64 {
    let norm = (i + j) as f64 / 2.0;
    if norm < 1.0 {
        return 0.0;
    }
    (1.0 - f64::from(cost) / (f64::from(UNIT) * norm)).max(0.0)
}

const fn indel_const(s: u8) -> u16 {
    match s {
        b'i' => 6,
        b'e' | b'9' | b'h' | b'w' | b'_' => 10,
        b'a' | b'o' | b'u' => 12,
        b'v' => 16,
        _ => UNIT,
    }
}

fn indel(s: u8) -> u16 {
    indel_const(s)
}

/// Substitution costs of similar symbols (in `UNIT`ths); everything else costs one unit.
const SIMILAR: [(u8, u8, u16); 34] = [
    (b'9', b'o', 2),
    (b'9', b'e', 4),
    (b'g', b'h', 4),
    (b'x', b'h', 6),
    (b'u', b'w', 4),
    (b'v', b'w', 6),
    (b'a', b'o', 8),
    (b'e', b'i', 8),
    (b'a', b'e', 12),
    (b'o', b'u', 12),
    (b'u', b'v', 10),
    (b'x', b'k', 10),
    (b'g', b'k', 12),
    (b'g', b'x', 10),
    (b'c', b'x', 10),
    (b'C', b'k', 8),
    (b'C', b't', 12),
    (b'C', b's', 10),
    (b'C', b'c', 10),
    (b'c', b'S', 12),
    (b'S', b's', 8),
    (b'Z', b'z', 8),
    (b'Z', b'S', 12),
    (b'z', b's', 8),
    (b'd', b't', 12),
    (b'b', b'p', 12),
    (b'v', b'f', 10),
    (b'b', b'v', 14),
    (b'o', b'e', 14),
    (b'a', b'i', 14),
    (b'i', b'u', 14),
    (b'o', b'i', 14),
    (b'9', b'i', 12),
    (b'e', b'u', 16),
];

const fn build_costs() -> [[u16; 128]; 128] {
    let mut t = [[UNIT; 128]; 128];
    let mut i = 0;
    while i < 128 {
        t[i][i] = 0;
        i += 1;
    }
    let mut k = 0;
    while k < SIMILAR.len() {
        let (a, b, c) = SIMILAR[k];
        t[a as usize][b as usize] = c;
        t[b as usize][a as usize] = c;
        k += 1;
    }
    t
}

static COSTS: [[u16; 128]; 128] = build_costs();

fn sub_cost(a: u8, b: u8) -> u16 {
    COSTS[usize::from(a & 0x7f)][usize::from(b & 0x7f)]
}
