//! Text helpers every stage shares, one copy each: script and letter classes
//! ([`script`]), words with their spans ([`mod@words`]), case and diacritic folding
//! ([`fold`]), stable hashing and fast hash maps ([`hash`]), and grouping by union-find
//! ([`UnionFind`]).

pub mod fold;
pub mod hash;
pub mod script;
pub mod tables;
pub mod words;

pub use fold::fold_word;
pub use hash::{FastMap, FastSet, stable_hash};
pub use script::{is_cyrillic, is_letter, is_word_char};
pub use words::{Word, is_apostrophe, letter_runs, words};

/// Disjoint sets over `0..n` (union-find with path compression).
#[derive(Debug, Clone)]
pub struct UnionFind(Vec<usize>);

impl UnionFind {
    /// `n` singleton sets.
    pub fn new(n: usize) -> Self {
        UnionFind((0..n).collect())
    }

    /// The representative of `x`'s set.
    pub fn find(&mut self, x: usize) -> usize {
        let mut root = x;
        while self.0[root] != root {
            root = self.0[root];
        }
        let mut y = x;
        while self.0[y] != root {
            let next = self.0[y];
            self.0[y] = root;
            y = next;
        }
        root
    }

    /// Joins the sets of `a` and `b`; `a`'s representative stays the representative.
    pub fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.0[rb] = ra;
        }
    }
}

/// Non-comment, non-empty lines of a language data file (`#` starts a comment line).
pub fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim_end).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn union_keeps_the_first_representative() {
        let mut u = UnionFind::new(5);
        u.union(3, 1);
        u.union(1, 4);
        assert_eq!(u.find(4), 3);
        assert_eq!(u.find(1), 3);
        assert_eq!(u.find(0), 0);
        assert_ne!(u.find(2), u.find(3));
    }
}
