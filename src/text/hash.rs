//! A fast hasher for the analyses' own string sets and maps (stop words, term ids).
//!
//! The standard `HashMap` hashes with SipHash, which resists collision attacks but costs
//! a lot per short key, the more so in V8's baseline wasm tier. Words of an article are
//! short and only ever looked up (never iterated into output), so a multiply-rotate hash in
//! the manner of rustc's FxHash serves. A page crafting colliding words only slows its own
//! summary down, within the text caps of the snapshot.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// Multiply-rotate hasher over 8-byte words.
#[derive(Default, Clone, Copy)]
pub struct FastHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // The rest zero-padded, little-endian, put together byte by byte: a copy into
            // a padded array was a call to `memcpy` for every word shorter than eight bytes.
            let word = rest
                .iter()
                .rev()
                .fold(0u64, |word, &byte| (word << 8) | u64::from(byte));
            self.add(word);
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;
pub type FastSet<K> = HashSet<K, BuildHasherDefault<FastHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_rest_is_hashed_as_its_bytes_zero_padded() {
        let bytes = b"abcdefghijklmno";
        for len in 0..bytes.len() {
            let mut hashed = FastHasher::default();
            hashed.write(&bytes[..len]);
            let mut expected = FastHasher::default();
            for chunk in bytes[..len].chunks(8) {
                let mut word = [0u8; 8];
                word[..chunk.len()].copy_from_slice(chunk);
                expected.add(u64::from_le_bytes(word));
            }
            assert_eq!(hashed.finish(), expected.finish(), "{len}");
        }
    }

    #[test]
    fn sets_and_maps_find_what_was_put_in() {
        let words = ["a", "ab", "abcdefgh", "abcdefghi", "ферма", ""];
        let set: FastSet<&str> = words.iter().copied().collect();
        for word in words {
            assert!(set.contains(word), "{word}");
        }
        assert!(!set.contains("abcdefgj"));
        let mut map: FastMap<String, u32> = FastMap::default();
        map.insert("x".into(), 1);
        assert_eq!(map.get("x"), Some(&1));
        assert_eq!(map.get("y"), None);
    }
}
