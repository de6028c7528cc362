//! The length scorer (Gale & Church 1993): the B length of a bead is modelled as a
//! normal variable around `ratio × A length` with variance proportional to the length;
//! the cost is −ln of the two-sided tail probability of the observed difference.
//! The ratio is learned from the document pair itself (total characters).

/// Variance of the length difference per character. Gale & Church estimated 6.8; real
/// translations have heavier tails than a normal law, so a wider one errs less.
pub const VARIANCE: f32 = 10.0;

/// Weight of the prior on the length ratio, in characters a side.
pub const PRIOR_CHARS: f64 = 400.0;

/// The length model of one document pair.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LengthModel {
    /// Expected B characters per A character.
    pub ratio: f32,
    /// Variance per character.
    pub variance: f32,
}

impl LengthModel {
    /// The model learned from the total lengths of the two sides, with a prior of
    /// [`PRIOR_CHARS`] characters a side at ratio 1 so that short texts do not swing it.
    pub fn learn(total_a: f64, total_b: f64) -> Self {
        let ratio = ((total_b + PRIOR_CHARS) / (total_a + PRIOR_CHARS)) as f32;
        LengthModel { ratio: ratio.clamp(0.05, 20.0), variance: VARIANCE }
    }

    /// −ln P(a bead whose sides have `la` and `lb` characters); 0 for two empty sides.
    pub fn cost(&self, la: f32, lb: f32) -> f32 {
        let lb = lb / self.ratio;
        let mean = (la + lb) / 2.0;
        if mean <= 0.0 {
            return 0.0;
        }
        let delta = (lb - la) / (self.variance * mean.max(1.0)).sqrt();
        neg_ln_erfc(delta.abs() / std::f32::consts::SQRT_2)
    }
}

/// −ln erfc(z) for z ≥ 0 (Numerical Recipes' Chebyshev fit, computed in log space so
/// that large z does not underflow).
pub fn neg_ln_erfc(z: f32) -> f32 {
    let t = 1.0 / (1.0 + 0.5 * z);
    let poly = -1.265_512_2
        + t * (1.000_023_7
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07
                            + t * (-1.135_204 + t * (1.488_516 + t * (-0.822_152_2 + t * 0.170_872_77))))))));
    z * z - poly - t.ln()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn erfc_matches_known_values() {
        // erfc(0) = 1, erfc(1) = 0.157299, erfc(2) = 0.004678
        assert!(neg_ln_erfc(0.0).abs() < 1e-4);
        assert!((neg_ln_erfc(1.0) - (-(0.157_299_f32).ln())).abs() < 1e-3);
        assert!((neg_ln_erfc(2.0) - (-(0.004_678_f32).ln())).abs() < 1e-3);
        assert!(neg_ln_erfc(30.0).is_finite());
    }

    #[test]
    fn cost_grows_with_the_mismatch() {
        let m = LengthModel::learn(10_000.0, 12_000.0);
        assert!((m.ratio - 1.2).abs() < 0.01);
        assert!((LengthModel::learn(0.0, 0.0).ratio - 1.0).abs() < 1e-6);
        let good = m.cost(100.0, 100.0 * m.ratio);
        let bad = m.cost(100.0, 60.0);
        assert!(good < 0.01, "{good}");
        assert!(bad > good + 2.0, "{bad}");
        assert!(m.cost(100.0, 0.0) > m.cost(20.0, 0.0));
    }
}
