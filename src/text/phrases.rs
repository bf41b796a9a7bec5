//! Many fixed phrases searched in one pass over a text.
//!
//! Lists of markers and phrases are tested against every element or sentence of a page.
//! `str::contains` per phrase sets up a two-way searcher each time and walks the text once
//! per phrase; grouping the phrases by first byte walks it once for the whole list. Plain
//! loops, not iterator adapters: this runs on every page, mostly in V8's baseline wasm
//! tier, which does not inline.

/// Phrases grouped by their first byte, each with its entry number (its position in the
/// list given to [`PhraseIndex::new`], which may chain several lists).
pub struct PhraseIndex {
    by_first_byte: Vec<Vec<(&'static str, usize)>>,
    /// One bit per hash of the three bytes some phrase opens with (a shorter phrase sets the
    /// bits of every byte that could follow it): most positions of a text are ruled out by
    /// one bit test instead of a comparison per phrase of their first byte.
    openings: Vec<u64>,
}

/// The bit of `openings` for three bytes: (word, mask). Collisions only let a position
/// through to the full comparison.
fn opening_bit(first: u8, second: u8, third: u8) -> (usize, u64) {
    let key = (first as usize * 0x3F1 + second as usize * 0x65 + third as usize) & 0xFFFF;
    (key >> 6, 1u64 << (key & 63))
}

impl PhraseIndex {
    pub fn new(phrases: impl IntoIterator<Item = &'static str>) -> PhraseIndex {
        let mut by_first_byte = vec![Vec::new(); 256];
        let mut openings = vec![0u64; 0x10000 / 64];
        for (entry, phrase) in phrases.into_iter().enumerate() {
            let bytes = phrase.as_bytes();
            let Some(&first) = bytes.first() else {
                continue;
            };
            if let Some(slot) = by_first_byte.get_mut(first as usize) {
                slot.push((phrase, entry));
            }
            let any = 0..=u8::MAX;
            let seconds = bytes.get(1).map_or(any.clone(), |&b| b..=b);
            let thirds = bytes.get(2).map_or(any, |&b| b..=b);
            for second in seconds {
                for third in thirds.clone() {
                    let (word, mask) = opening_bit(first, second, third);
                    if let Some(bits) = openings.get_mut(word) {
                        *bits |= mask;
                    }
                }
            }
        }
        PhraseIndex {
            by_first_byte,
            openings,
        }
    }

    /// Calls `found(position, phrase, entry)` for every occurrence of a phrase in `text`, in
    /// order of position (at one position, in the order of the list), until it returns
    /// false. Positions are char boundaries: a phrase never starts with a continuation byte.
    pub fn scan(&self, text: &str, mut found: impl FnMut(usize, &'static str, usize) -> bool) {
        let bytes = text.as_bytes();
        for position in 0..bytes.len() {
            let rest = &bytes[position..];
            if let [first, second, third, ..] = rest {
                let (word, mask) = opening_bit(*first, *second, *third);
                if self.openings.get(word).is_none_or(|bits| bits & mask == 0) {
                    continue;
                }
            }
            let Some(slot) = self.by_first_byte.get(rest[0] as usize) else {
                continue;
            };
            for &(phrase, entry) in slot {
                if starts_with(rest, phrase.as_bytes()) && !found(position, phrase, entry) {
                    return;
                }
            }
        }
    }

    /// The phrase found first (leftmost), if any.
    pub fn find_first(&self, text: &str) -> Option<&'static str> {
        let mut first = None;
        self.scan(text, |_, phrase, _| {
            first = Some(phrase);
            false
        });
        first
    }

    /// Whether a phrase occurs where a word starts: at the start of `text` or after a
    /// character that is not a letter or digit (not inside "redonate").
    pub fn any_at_word_start(&self, text: &str) -> bool {
        let mut any = false;
        self.scan(text, |at, _, _| {
            any = text
                .get(..at)
                .and_then(|before| before.chars().next_back())
                .is_none_or(|c| !c.is_alphanumeric());
            !any
        });
        any
    }
}

/// `text.starts_with(prefix)` compared byte by byte in place: the phrases are short, and
/// a `memcmp` call per candidate position cost more than the comparison.
fn starts_with(text: &[u8], prefix: &[u8]) -> bool {
    if prefix.len() > text.len() {
        return false;
    }
    let mut at = 0;
    while at < prefix.len() {
        if text[at] != prefix[at] {
            return false;
        }
        at += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_phrases_in_order_of_position() {
        let index = PhraseIndex::new(["modal", "mod", "pop"]);
        let mut found = Vec::new();
        index.scan("a-popup modal", |at, phrase, entry| {
            found.push((at, phrase, entry));
            true
        });
        assert_eq!(found, vec![(2, "pop", 2), (8, "modal", 0), (8, "mod", 1)]);
        assert_eq!(index.find_first("x modal pop"), Some("modal"));
        assert_eq!(index.find_first("nothing here"), None);
        assert_eq!(index.find_first(""), None);
        // One-byte phrases match anywhere, the last byte included.
        let short = PhraseIndex::new(["x", "yz", "abc"]);
        let mut found = Vec::new();
        short.scan("axbyzxabcyz", |at, phrase, _| {
            found.push((at, phrase));
            true
        });
        let expected = [(1, "x"), (3, "yz"), (5, "x"), (6, "abc"), (9, "yz")];
        assert_eq!(found, expected);
    }

    #[test]
    fn word_starts_only() {
        let index = PhraseIndex::new(["donate now", "©"]);
        assert!(index.any_at_word_start("Please, donate now."));
        assert!(index.any_at_word_start("donate now"));
        assert!(!index.any_at_word_start("redonate now"));
        assert!(index.any_at_word_start("redonate now or donate now"));
        assert!(index.any_at_word_start("photo ©ap"));
        assert!(!index.any_at_word_start("é©"));
    }
}
