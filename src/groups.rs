//! Items grouped by a small integer key, in two flat arrays: where each group starts, and the
//! items of all groups one after another (a counting sort). Built for a page's children lists
//! ([`crate::snapshot::Children`]: key = parent, item = child) and the summary's sentences per
//! term (key = term, item = sentence): one allocation each instead of a vector per key.

/// Groups of `u32` items for the keys `0..len()`, each in the order its items were given.
#[derive(Debug, Clone, Default)]
pub struct Groups {
    /// Where each key's items start in `items`; one more entry than keys.
    start: Vec<u32>,
    items: Vec<u32>,
}

impl Groups {
    /// Groups the `(key, item)` pairs `pairs()` yields for keys in `0..keys` (others are left
    /// out). `pairs` is called twice: once to count each group, once to fill it.
    pub fn new<I: Iterator<Item = (u32, u32)>>(keys: usize, pairs: impl Fn() -> I) -> Groups {
        let mut start = vec![0u32; keys + 1];
        for (key, _) in pairs() {
            if let Some(count) = start.get_mut(key as usize + 1) {
                *count += 1;
            }
        }
        for index in 1..start.len() {
            start[index] += start[index - 1];
        }
        let mut next = start.clone();
        let mut items = vec![0; start.last().map_or(0, |&total| total as usize)];
        for (key, item) in pairs().filter(|&(key, _)| (key as usize) < keys) {
            if let Some(slot) = next.get_mut(key as usize) {
                if let Some(place) = items.get_mut(*slot as usize) {
                    *place = item;
                }
                *slot += 1;
            }
        }
        Groups { start, items }
    }

    /// The items of `key` (none for a key out of range).
    pub fn of(&self, key: u32) -> &[u32] {
        let at = key as usize;
        match (self.start.get(at), self.start.get(at + 1)) {
            (Some(&from), Some(&to)) => self.items.get(from as usize..to as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// How many keys the groups are for.
    pub fn len(&self) -> usize {
        self.start.len().saturating_sub(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_items_by_key_in_the_order_given() {
        let pairs = [(2, 10), (0, 11), (2, 12), (5, 13), (0, 14)];
        let groups = Groups::new(3, || pairs.iter().copied());
        assert_eq!(groups.len(), 3);
        assert_eq!(groups.of(0), [11, 14]);
        assert!(groups.of(1).is_empty());
        assert_eq!(groups.of(2), [10, 12]);
        // Key 5 is out of range: left out, and asking for it gives nothing.
        assert!(groups.of(5).is_empty());
        assert!(Groups::new(0, || pairs.iter().copied()).is_empty());
    }
}
