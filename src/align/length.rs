//! The length scorer, after Gale & Church (1993): the B length of a bead, divided by the
//! document's length ratio, is compared with its A length; the difference, scaled by the
//! square root of the length, is scored under a Student-t law (heavier tails than
//! Gale & Church's normal law: real translations have more outliers). The cost is the
//! negative log density, without its constant. The ratio is learned from the document
//! pair itself (total characters).

use crate::config::LengthConfig;

/// The length model of one document pair.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LengthModel {
    /// Expected B characters per A character.
    pub ratio: f32,
    /// Variance per character.
    pub variance: f32,
    /// Degrees of freedom of the t law.
    pub dof: f32,
}

impl LengthModel {
    /// The model learned from the total lengths of the two sides, with a prior of
    /// `config.prior_chars` characters a side at ratio 1 so that short texts do not swing it.
    pub fn learn(total_a: f64, total_b: f64, config: &LengthConfig) -> Self {
        let ratio = ((total_b + config.prior_chars) / (total_a + config.prior_chars)) as f32;
        LengthModel { ratio: ratio.clamp(0.05, 20.0), variance: config.variance, dof: config.dof }
    }

    /// −ln density (up to a constant) of a bead whose sides have `la` and `lb`
    /// characters; 0 for two empty sides.
    pub fn cost(&self, la: f32, lb: f32) -> f32 {
        let lb = lb / self.ratio;
        let mean = (la + lb) / 2.0;
        if mean <= 0.0 {
            return 0.0;
        }
        let delta = (lb - la) / (self.variance * mean.max(1.0)).sqrt();
        (self.dof + 1.0) / 2.0 * ln(1.0 + delta * delta / self.dof)
    }
}

/// Natural logarithm of `x` ≥ 1 (finite), to about 1e-6 relative error: the exponent
/// from the float's bits, the mantissa m in [1, 2) through ln m = 2 atanh((m−1)/(m+1)).
/// The DP evaluates the length cost millions of times; this is several times faster
/// than `f32::ln_1p`.
fn ln(x: f32) -> f32 {
    let bits = x.to_bits();
    let exponent = ((bits >> 23) & 0xff) as i32 - 127;
    let m = f32::from_bits((bits & 0x007f_ffff) | 0x3f80_0000);
    let s = (m - 1.0) / (m + 1.0);
    let s2 = s * s;
    let series = s * (2.0 + s2 * (2.0 / 3.0 + s2 * (2.0 / 5.0 + s2 * (2.0 / 7.0 + s2 * (2.0 / 9.0)))));
    exponent as f32 * std::f32::consts::LN_2 + series
}

#[cfg(test)]
mod tests {
    use super::*;

    fn learn(a: f64, b: f64) -> LengthModel {
        LengthModel::learn(a, b, &LengthConfig::default())
    }

    #[test]
    fn fast_ln_is_accurate() {
        for x in [1.0f32, 1.000_1, 1.5, 2.0, 3.7, 10.0, 123.4, 1e6, 3e30] {
            let err = (ln(x) - x.ln()).abs() / x.ln().abs().max(1.0);
            assert!(err < 1e-5, "{x}: {} vs {}", ln(x), x.ln());
        }
    }

    #[test]
    fn ratio_is_learned_with_a_prior() {
        let m = learn(10_000.0, 12_000.0);
        assert!((m.ratio - 12_400.0 / 10_400.0).abs() < 1e-6);
        assert!((learn(0.0, 0.0).ratio - 1.0).abs() < 1e-6);
        assert!((learn(100.0, 300.0).ratio - 0.7 / 0.5).abs() < 1e-6);
    }

    #[test]
    fn cost_grows_with_the_mismatch_but_less_than_a_normal_law() {
        let m = learn(10_000.0, 12_000.0);
        let good = m.cost(100.0, 100.0 * m.ratio);
        let bad = m.cost(100.0, 60.0);
        let worse = m.cost(100.0, 10.0);
        assert!(good.abs() < 1e-6, "{good}");
        assert!(bad > good + 1.0 && worse > bad, "{bad} {worse}");
        // Under a normal law the far outlier would cost δ²/2 ≈ 12; the t law stays lower.
        assert!(worse < 8.0, "{worse}");
        assert!(m.cost(100.0, 0.0) > m.cost(20.0, 0.0));
        assert_eq!(m.cost(0.0, 0.0), 0.0);
    }
}
