//! Hashing: a stable 64-bit hash of short strings (FNV-1a, usable in `const` items) for
//! keys that must not change between runs or machines, and fast hash maps for the hot
//! paths (`rustc-hash`).

/// A hash map with the fast, non-cryptographic Fx hasher.
pub type FastMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// A hash set with the fast, non-cryptographic Fx hasher.
pub type FastSet<K> = rustc_hash::FxHashSet<K>;

/// FNV-1a over a tag byte and a string: stable across runs, machines and versions.
pub const fn stable_hash(tag: u8, s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ tag as u64;
    h = h.wrapping_mul(0x0100_0000_01b3);
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i] as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_hash_depends_on_tag_and_text() {
        assert_eq!(stable_hash(b'w', "minsk"), stable_hash(b'w', "minsk"));
        assert_ne!(stable_hash(b'w', "minsk"), stable_hash(b'n', "minsk"));
        assert_ne!(stable_hash(b'w', "minsk"), stable_hash(b'w', "minsc"));
    }
}
