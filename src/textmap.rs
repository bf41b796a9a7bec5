//! Plain text built from text nodes, with a way back to the DOM.
//!
//! Article extraction turns a run of text nodes into plain text (whitespace collapsed,
//! paragraphs separated by a blank line). Quotes are found in that text, but the page
//! layer must mark them in the live text nodes, whose offsets are UTF-16 code units. A
//! [`TextMap`] remembers, for every character of the plain text, which text node and which
//! UTF-16 offset it came from.

use crate::snapshot::NodeId;
use serde::{Deserialize, Serialize};

/// A range inside one text node, in UTF-16 code units (what JavaScript's `Range` uses).
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
pub struct NodeRange {
    pub node: NodeId,
    pub start: u32,
    pub end: u32,
}

/// Where one character of the plain text came from (node, UTF-16 offset, UTF-16 width);
/// `None` for separators the builder inserted (paragraph breaks).
type Origin = Option<(NodeId, u32, u32)>;

#[derive(Debug, Clone, Default)]
pub struct TextMap {
    text: String,
    /// One entry per `char` of `text`.
    origins: Vec<Origin>,
    /// True while the last pushed character is whitespace (or nothing was pushed).
    at_space: bool,
}

impl TextMap {
    pub fn new() -> Self {
        TextMap {
            at_space: true,
            ..TextMap::default()
        }
    }

    /// A map for about `chars` chars of text: sized up front, it is not grown and copied
    /// step by step (each char has a 16-byte origin).
    pub fn with_capacity(chars: usize) -> Self {
        TextMap {
            text: String::with_capacity(chars),
            origins: Vec::with_capacity(chars),
            at_space: true,
        }
    }

    /// Appends a text node's content, collapsing whitespace runs (also across nodes).
    pub fn push_node_text(&mut self, node: NodeId, content: &str) {
        // At most one entry per byte: grown once per node, not step by step per character.
        self.text.reserve(content.len());
        self.origins.reserve(content.len());
        if content.is_ascii() {
            self.push_ascii_text(node, content);
            return;
        }
        let mut utf16_offset: u32 = 0;
        for ch in content.chars() {
            let width = ch.len_utf16() as u32;
            if ch.is_whitespace() {
                if !self.at_space {
                    self.text.push(' ');
                    self.origins.push(Some((node, utf16_offset, width)));
                    self.at_space = true;
                }
            } else {
                self.text.push(ch);
                self.origins.push(Some((node, utf16_offset, width)));
                self.at_space = false;
            }
            utf16_offset += width;
        }
    }

    /// [`TextMap::push_node_text`] for ASCII content (most text nodes), whose chars are its
    /// bytes, each one UTF-16 unit: a run of chars between whitespace is copied whole, and
    /// its origins written in one go, rather than char by char.
    fn push_ascii_text(&mut self, node: NodeId, content: &str) {
        let bytes = content.as_bytes();
        let is_space = |byte: &u8| char::from(*byte).is_whitespace();
        let mut at = 0;
        while let Some(&byte) = bytes.get(at) {
            if is_space(&byte) {
                if !self.at_space {
                    self.text.push(' ');
                    self.origins.push(Some((node, at as u32, 1)));
                    self.at_space = true;
                }
                at += 1;
                continue;
            }
            let rest = bytes.get(at..).unwrap_or(&[]);
            let end = rest
                .iter()
                .position(is_space)
                .map_or(bytes.len(), |run| at + run);
            self.text.push_str(content.get(at..end).unwrap_or(""));
            self.origins
                .extend((at..end).map(|offset| Some((node, offset as u32, 1))));
            self.at_space = false;
            at = end;
        }
    }

    /// Ends the current block: trailing space is dropped and a blank line separates it from
    /// the next block (nothing is added at the very start).
    pub fn end_block(&mut self) {
        while self.text.ends_with(' ') {
            self.text.pop();
            self.origins.pop();
        }
        if !self.text.is_empty() && !self.text.ends_with("\n\n") {
            self.text.push_str("\n\n");
            self.origins.extend([None, None]);
        }
        self.at_space = true;
    }

    /// Finishes the text (drops the trailing separator) and returns the map.
    pub fn finish(mut self) -> TextMap {
        while self.text.ends_with(char::is_whitespace) {
            self.text.pop();
            self.origins.pop();
        }
        self
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Number of characters (code points) in the text.
    pub fn len_chars(&self) -> usize {
        self.origins.len()
    }

    /// Maps a range of the plain text, in code points (`end` exclusive), to ranges in the
    /// text nodes it covers, in document order. Separator characters map to nothing.
    pub fn node_ranges(&self, start: usize, end: usize) -> Vec<NodeRange> {
        let end = end.min(self.origins.len());
        let mut ranges: Vec<NodeRange> = Vec::new();
        for origin in self.origins.get(start..end).unwrap_or(&[]) {
            let Some((node, offset, width)) = *origin else {
                continue;
            };
            match ranges.last_mut() {
                Some(last) if last.node == node && offset >= last.end => last.end = offset + width,
                _ => ranges.push(NodeRange {
                    node,
                    start: offset,
                    end: offset + width,
                }),
            }
        }
        ranges
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_whitespace_of_every_kind_collapses_across_nodes() {
        // Vertical tab and form feed are whitespace to `char::is_whitespace` too.
        let mut map = TextMap::new();
        map.push_node_text(0, " \x0B a\tb");
        map.push_node_text(1, "\r\n\x0Cc  d");
        assert_eq!(map.text(), "a b c d");
        let expected = [(0, 3), (0, 4), (0, 5), (1, 0), (1, 3), (1, 4), (1, 6)];
        let origins: Vec<Origin> = expected
            .iter()
            .map(|&(node, offset)| Some((node, offset, 1)))
            .collect();
        assert_eq!(map.origins, origins);
    }

    #[test]
    fn collapses_whitespace_and_maps_back() {
        let mut map = TextMap::new();
        map.push_node_text(3, "  Putin said: ");
        map.push_node_text(4, "“We don’t\n need it.”");
        map.end_block();
        map.push_node_text(7, "Next paragraph.");
        let map = map.finish();
        assert_eq!(
            map.text(),
            "Putin said: “We don’t need it.”\n\nNext paragraph."
        );
        // "“We" starts at char 12 of the text, offset 0 of node 4.
        let ranges = map.node_ranges(12, 31);
        assert_eq!(
            ranges,
            vec![NodeRange {
                node: 4,
                start: 0,
                end: 20
            }]
        );
        // A range across the paragraph break skips the separator.
        let across = map.node_ranges(29, 37);
        assert_eq!(across[0].node, 4);
        assert_eq!(
            across[1],
            NodeRange {
                node: 7,
                start: 0,
                end: 4
            }
        );
    }

    #[test]
    fn utf16_offsets_count_surrogate_pairs() {
        let mut map = TextMap::new();
        map.push_node_text(1, "😀 “Hi”");
        let map = map.finish();
        let ranges = map.node_ranges(2, 6);
        assert_eq!(
            ranges,
            vec![NodeRange {
                node: 1,
                start: 3,
                end: 7
            }]
        );
    }
}
