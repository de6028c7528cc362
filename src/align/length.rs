//! The length scorer (Gale & Church 1993): the B length of a bead is modelled as a
//! normal variable around `ratio × A length` with variance proportional to the length;
//! the cost is −ln of the two-sided tail probability of the observed difference.
//! The ratio is learned from the document pair itself (total characters).

/// Variance of the length difference per character (Gale & Church's estimate).
pub const VARIANCE: f32 = 6.8;

/// The length model of one document pair.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LengthModel {
    /// Expected B characters per A character.
    pub ratio: f32,
    /// Variance per character.
    pub variance: f32,
}

impl LengthModel {
    /// The model learned from the total lengths of the two sides.
    pub fn learn(total_a: f64, total_b: f64) -> Self {
        let ratio = if total_a > 0.0 && total_b > 0.0 { (total_b / total_a) as f32 } else { 1.0 };
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
                            + t * (-1.135_204
                                + t * (1.488_516 + t * (-0.822_152_2 + t * 0.170_872_77))))))));
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
        let m = LengthModel::learn(100.0, 120.0);
        assert!((m.ratio - 1.2).abs() < 1e-6);
        let good = m.cost(100.0, 120.0);
        let bad = m.cost(100.0, 60.0);
        assert!(good < 0.01, "{good}");
        assert!(bad > good + 2.0, "{bad}");
        assert!(m.cost(100.0, 0.0) > m.cost(20.0, 0.0));
    }
}
