//! An embedder that needs no service: each text becomes the normalised count vector of
//! its character trigrams, hashed into a fixed number of dimensions. Deterministic and
//! in memory, for tests, examples and experiments; it knows nothing of meaning, so two
//! texts in different scripts look unrelated to it.

use super::Embedder;
use crate::error::Result;
use crate::text::stable_hash;

/// Character-trigram embeddings of `dims` dimensions.
#[derive(Debug, Clone, Copy)]
pub struct NgramEmbedder {
    /// Number of dimensions.
    pub dims: usize,
}

impl Default for NgramEmbedder {
    fn default() -> Self {
        NgramEmbedder { dims: 256 }
    }
}

impl NgramEmbedder {
    /// The vector of one text (all zeros for a text shorter than three characters).
    pub fn vector(&self, text: &str) -> Vec<f32> {
        let chars: Vec<char> = text.to_lowercase().chars().collect();
        let mut v = vec![0.0f32; self.dims.max(1)];
        for gram in chars.windows(3) {
            let gram: String = gram.iter().collect();
            let slot = (stable_hash(b't', &gram) % v.len() as u64) as usize;
            v[slot] += 1.0;
        }
        let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        if norm > 0.0 {
            v.iter_mut().for_each(|x| *x /= norm);
        }
        v
    }
}

impl Embedder for NgramEmbedder {
    fn embed(&self, texts: &[String]) -> Result<Vec<Vec<f32>>> {
        Ok(texts.iter().map(|t| self.vector(t)).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alike_texts_have_close_vectors() {
        let e = NgramEmbedder::default();
        let cos = |a: &str, b: &str| super::super::cosine(&e.vector(a), &e.vector(b));
        assert!(
            cos("the talks in Minsk", "talks in Minsk today") > cos("the talks in Minsk", "harvest figures")
        );
        assert!((cos("abc def", "abc def") - 1.0).abs() < 1e-6);
        assert_eq!(e.vector("ab"), vec![0.0; 256]);
    }
}
