//! Tests of `model`.

use super::*;

#[test]
fn scores_are_serialized_with_three_decimals() {
    let bead = Bead::new(vec![0], vec![1], 0.9718834757804871);
    assert_eq!(serde_json::to_string(&bead).ok().as_deref(), Some(r#"{"a":[0],"b":[1],"score":0.972}"#));
    assert_eq!(bead.score, 0.9718834757804871, "in memory the score keeps its precision");
    assert_eq!(round_score(0.1), 0.1);
    assert_eq!(round_score(1.0), 1.0);
    assert!(round_score(f64::NAN).is_nan());
}
