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
    /// One bit per key ([`roll`]) of the three bytes some phrase opens with (a shorter
    /// phrase sets the bits of every byte that could follow it): most positions of a text
    /// are ruled out by one bit test instead of a comparison per phrase of their first byte.
    /// A fixed size, so that a key (< `KEYS`) indexes it without a bounds check.
    openings: Box<[u64; KEYS / 64]>,
}

/// Keys of three bytes: 15 bits.
const KEYS: usize = 1 << 15;

/// The key of the last three bytes pushed, `key` being that of the three before `byte`:
/// each byte shifted 5 bits further per byte after it, the fourth last shifted out. A
/// rolling key costs a shift and an exclusive or per byte of a scanned text. Lower-case
/// ASCII letters differ in their low 5 bits and share their high 3, so three of them never
/// collide; collisions elsewhere only let a position through to the full comparison.
fn roll(key: usize, byte: u8) -> usize {
    ((key << 5) ^ byte as usize) & (KEYS - 1)
}

impl PhraseIndex {
    pub fn new(phrases: impl IntoIterator<Item = &'static str>) -> PhraseIndex {
        let mut by_first_byte = vec![Vec::new(); 256];
        let mut openings = Box::new([0u64; KEYS / 64]);
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
                    let key = roll(roll(roll(0, first), second), third);
                    openings[key / 64] |= 1u64 << (key % 64);
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
        // The key of the two bytes before the next one to push.
        let mut key = bytes.iter().take(2).fold(0, |key, &byte| roll(key, byte));
        for position in 0..bytes.len() {
            // A position with three bytes left is tested on its key first; the last two
            // only by comparison.
            if let Some(&third) = bytes.get(position + 2) {
                key = roll(key, third);
                if self.openings[key / 64] & (1u64 << (key % 64)) == 0 {
                    continue;
                }
            }
            if !self.report_at(bytes, position, &mut found) {
                return;
            }
        }
    }

    /// Calls `found` for each phrase that starts at `position`; false once it returns false.
    fn report_at(
        &self,
        bytes: &[u8],
        position: usize,
        found: &mut impl FnMut(usize, &'static str, usize) -> bool,
    ) -> bool {
        let Some(rest) = bytes.get(position..) else {
            return true;
        };
        let Some(slot) = rest
            .first()
            .and_then(|&b| self.by_first_byte.get(b as usize))
        else {
            return true;
        };
        for &(phrase, entry) in slot {
            if starts_with(rest, phrase.as_bytes()) && !found(position, phrase, entry) {
                return false;
            }
        }
        true
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
}

/// Whether byte `at` of `text` starts a word: the start of the text, or after a char that
/// is not a letter or digit (a phrase found there is not inside "redonate").
pub fn starts_word(text: &str, at: usize) -> bool {
    text.get(..at)
        .and_then(|before| before.chars().next_back())
        .is_none_or(|c| !c.is_alphanumeric())
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
    fn the_key_filter_never_hides_an_occurrence() {
        // Every occurrence `str::match_indices` finds, in a text of letters, digits,
        // punctuation and multi-byte chars, with phrases of one to several bytes.
        let phrases = ["modal", "pay-wall", "©", "jw-", "x", "é", "ab", "zz9"];
        let index = PhraseIndex::new(phrases);
        let text = "A modal-pay-wall © jw-x é ab zz9 MODALmodal pay-walljw-abzz9é©x";
        let mut found = Vec::new();
        index.scan(text, |at, phrase, _| {
            found.push((at, phrase));
            true
        });
        let mut expected: Vec<(usize, &str)> = phrases
            .iter()
            .flat_map(|&phrase| text.match_indices(phrase))
            .collect();
        expected.sort_by_key(|&(at, phrase)| (at, phrases.iter().position(|&p| p == phrase)));
        assert_eq!(found, expected);
    }

    #[test]
    fn word_starts_only() {
        let index = PhraseIndex::new(["donate now", "©"]);
        let any_at_word_start = |text: &str| {
            let mut any = false;
            index.scan(text, |at, _, _| {
                any = starts_word(text, at);
                !any
            });
            any
        };
        assert!(any_at_word_start("Please, donate now."));
        assert!(any_at_word_start("donate now"));
        assert!(!any_at_word_start("redonate now"));
        assert!(any_at_word_start("redonate now or donate now"));
        assert!(any_at_word_start("photo ©ap"));
        assert!(!any_at_word_start("é©"));
    }
}
