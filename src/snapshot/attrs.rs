//! An element's attributes: a few (name, value) pairs, kept sorted by name.
//!
//! Why not a `BTreeMap`: an element carries a handful of attributes, and a map allocates a
//! node for each element, compares strings through its search on every lookup
//! (`class`, `id`, … are read for every element by every stage) and frees node by node. On
//! the 181 AEB page snapshots, the map's lookups, inserts and drops were about a tenth of
//! the core's instructions. A sorted vector gives the same iteration order and the same
//! JSON (an object), for one allocation. Names and values borrow from the wire format's
//! strings when read from it ([`super::wire::decode`]).

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
use std::collections::BTreeMap;

type Pair<'a> = (Cow<'a, str>, Cow<'a, str>);

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Attrs<'a>(Vec<Pair<'a>>);

impl<'a> Attrs<'a> {
    /// The value of the attribute `name`, if present.
    pub fn get(&self, name: &str) -> Option<&str> {
        // A short scan: elements have few attributes, and most lookups miss.
        self.0
            .iter()
            .find(|(present, _)| present == name)
            .map(|(_, value)| value.as_ref())
    }

    pub fn contains_key(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// Sets `name` to `value`, replacing an earlier value of the same name (as a map does).
    pub fn insert(&mut self, name: impl Into<Cow<'a, str>>, value: impl Into<Cow<'a, str>>) {
        let (name, value) = (name.into(), value.into());
        // Attributes come sorted (the native reader, the wire writer) or in the page's order,
        // a few per element: appending is the common case, and costs one comparison.
        if self.0.last().is_none_or(|(last, _)| *last < name) {
            self.0.push((name, value));
            return;
        }
        match self.0.binary_search_by(|(present, _)| present.cmp(&name)) {
            Ok(at) => {
                if let Some(slot) = self.0.get_mut(at) {
                    slot.1 = value;
                }
            }
            Err(at) => self.0.insert(at, (name, value)),
        }
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The attributes, sorted by name.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0
            .iter()
            .map(|(name, value)| (name.as_ref(), value.as_ref()))
    }
}

impl<'a> FromIterator<(String, String)> for Attrs<'a> {
    fn from_iter<I: IntoIterator<Item = (String, String)>>(pairs: I) -> Attrs<'a> {
        let mut attrs = Attrs::default();
        for (name, value) in pairs {
            attrs.insert(name, value);
        }
        attrs
    }
}

impl<'a, const N: usize> From<[(String, String); N]> for Attrs<'a> {
    fn from(pairs: [(String, String); N]) -> Attrs<'a> {
        pairs.into_iter().collect()
    }
}

impl<'a> From<BTreeMap<String, String>> for Attrs<'a> {
    fn from(map: BTreeMap<String, String>) -> Attrs<'a> {
        // Already sorted and without repeats.
        Attrs(
            map.into_iter()
                .map(|(name, value)| (name.into(), value.into()))
                .collect(),
        )
    }
}

impl Serialize for Attrs<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

impl<'de> Deserialize<'de> for Attrs<'_> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        BTreeMap::<String, String>::deserialize(deserializer).map(Attrs::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn behaves_as_a_sorted_map() {
        let mut attrs: Attrs = [
            ("role".to_string(), "dialog".to_string()),
            ("class".to_string(), "modal".to_string()),
            ("role".to_string(), "alertdialog".to_string()),
        ]
        .into();
        attrs.insert("aria-modal", "true");
        assert_eq!(attrs.len(), 3);
        assert_eq!(attrs.get("role"), Some("alertdialog"));
        assert!(attrs.contains_key("class") && !attrs.contains_key("id"));
        let names: Vec<&str> = attrs.iter().map(|(name, _)| name).collect();
        assert_eq!(names, ["aria-modal", "class", "role"]);
    }

    #[test]
    fn reads_and_writes_a_json_object() {
        let attrs: Attrs =
            serde_json::from_str(r#"{"id":"a","class":"b","id":"c"}"#).expect("an object");
        assert_eq!(
            serde_json::to_string(&attrs).expect("writes"),
            r#"{"class":"b","id":"c"}"#
        );
    }
}
