//! The page snapshot: what the core knows about a page.
//!
//! The page layer (extension/content/snapshot.js) walks the live DOM and the native CLI
//! (`html.rs`) parses saved HTML; both produce this same structure, so every decision the
//! core makes is tested natively and runs identically in the browser.
//!
//! The DOM is flattened into `nodes` in document order (pre-order). Every node knows its
//! parent's index, so a node's subtree is the contiguous run of nodes after it whose
//! ancestor chain reaches it. Text nodes are nodes too, which keeps the exact interleaving
//! of text and elements that article extraction and quote marking need.
//!
//! Indices (`NodeId`) are positions in `nodes`; the page layer keeps the matching array of
//! live DOM nodes, so an action naming node 17 is applied to `liveNodes[17]`.
//!
//! The page layer sends a snapshot in the compact form of [`wire`] (its module documentation
//! is the format's one description). JSON (`Deserialize`) stays for test fixtures and tools.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;
mod attrs;
pub mod wire;

pub use attrs::Attrs;

/// Position of a node in [`Snapshot::nodes`].
pub type NodeId = u32;

/// Largest snapshot the core accepts. Bigger pages get a clear "too large" report instead of
/// a frozen tab; the page layer stops walking at the same caps.
pub const MAX_NODES: usize = 60_000;
/// Total characters of text across all text nodes the core accepts.
pub const MAX_TEXT_CHARS: usize = 3_000_000;

/// `'a` is the life of the text the nodes' strings (tags, texts, attributes, positions)
/// borrow from: [`wire::decode`] lends them from the snapshot it reads, without a copy and
/// an allocation for each (on the AEB pages, most of what reading a snapshot cost); native
/// parsing and JSON own theirs (`Cow`).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Snapshot<'a> {
    /// The page's URL (may be empty for text-only inputs).
    pub url: String,
    /// `document.title`.
    pub title: String,
    /// `<html lang>`, if any.
    pub lang: Option<String>,
    /// The layout viewport; zero when unknown (native HTML parsing has no layout).
    pub viewport: Viewport,
    /// `<meta>` tags: key is `name`, `property` or `itemprop` (lowercased), value is `content`.
    pub meta: Vec<MetaTag>,
    /// The raw text of each `<script type="application/ld+json">`.
    pub json_ld: Vec<String>,
    /// Scroll-lock state of `<html>` and `<body>` (empty when unknown).
    pub root: RootState,
    /// All element and text nodes, in document order.
    pub nodes: Vec<Node<'a>>,
    /// True when this snapshot holds only some subtrees (an incremental overlay scan of
    /// nodes added after load); their roots have `parent: None`.
    pub partial: bool,
    /// Set by the page layer when it stopped walking at a cap.
    pub truncated: bool,
}

#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Viewport {
    pub width: f32,
    pub height: f32,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct MetaTag {
    pub key: String,
    pub content: String,
}

/// Computed scroll state of the document roots, as the page layer read it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct RootState {
    pub html: RootStyle,
    pub body: RootStyle,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct RootStyle {
    /// Computed `overflow-y` ("hidden", "clip", "auto", …).
    pub overflow_y: String,
    /// Computed `position`.
    pub position: String,
    /// Computed `top` in px, when `position` is fixed.
    pub top: f32,
    /// The element's class list.
    pub class: String,
}

#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum NodeKind {
    #[default]
    Element,
    Text,
}

/// In JSON (fixtures, tools) a node reads from an object (`{"kind": "text", "parent": 2, …}`,
/// fields by name, any left out take their defaults) or from an array of the fields in
/// declaration order, trailing ones left out (`["text", 2, true, "", "Hello"]`): the compact
/// form the fixtures in tests/fixtures/overlays are stored in. The page layer sends the
/// [`wire`] format instead.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Node<'a> {
    pub kind: NodeKind,
    /// Parent's index, `None` for the root (and for subtree roots of a partial snapshot).
    pub parent: Option<NodeId>,
    /// False when the element (or an ancestor) is not rendered: `display:none`,
    /// `visibility:hidden`, `hidden`, zero size with overflow hidden, `<template>`.
    /// Native parsing can only see attributes and inline styles.
    pub visible: bool,
    /// Lowercase tag name for elements (`"div"`, `"p"`); empty for text nodes.
    pub tag: Cow<'a, str>,
    /// The text of a text node; empty for elements.
    pub text: Cow<'a, str>,
    /// Element attributes, names lowercased, values capped at 256 characters. The page
    /// layer sends only those the core reads and every data-* one (tests/snapshot_attrs.rs).
    pub attrs: Attrs<'a>,
    /// Layout, filled by the page layer for elements; `None` when unknown.
    pub layout: Option<Layout<'a>>,
    /// Nesting depth of shadow roots above this node (0 = light DOM). Saturates at 255 when
    /// read: a page may nest deeper, and refusing its whole snapshot would switch Unveil off.
    #[serde(deserialize_with = "saturating_depth")]
    pub shadow_depth: u8,
    /// Set for nodes inside a same-origin iframe's document (walked by the page layer).
    pub in_frame: bool,
}

/// Reads any JSON number as a depth in 0..=255 (NaN and negatives as 0).
fn saturating_depth<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<u8, D::Error> {
    let depth = f64::deserialize(deserializer)?;
    // `as` saturates float-to-int casts, and maps NaN to 0.
    Ok(depth as u8)
}

/// What the page layer measured of an element's box and computed style. Like [`Node`], read
/// from a JSON object or from an array of the fields in this order.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Layout<'a> {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
    /// Computed `position`: "static", "relative", "absolute", "fixed", "sticky".
    pub position: Cow<'a, str>,
    /// Computed `z-index`, 0 for `auto`.
    pub z_index: i32,
    /// Computed `opacity`.
    pub opacity: f32,
    /// Computed `filter` or `backdrop-filter` contains `blur(`.
    pub blurred: bool,
    /// Computed `pointer-events: none`.
    pub pointer_events_none: bool,
    /// Computed `overflow-y` is hidden/clip (scroll containers that lock the article).
    pub overflow_hidden: bool,
    /// In the top layer: an open modal `<dialog>` or a showing popover.
    pub top_layer: bool,
    /// Computed `background-color` alpha (0 = transparent); backdrops are tinted.
    pub background_alpha: f32,
}

impl Node<'_> {
    /// An attribute's value, if present.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.get(name)
    }

    /// True when the element has the attribute at all (`hidden`, `inert`, …).
    pub fn has_attr(&self, name: &str) -> bool {
        self.attrs.contains_key(name)
    }

    /// The `id` attribute, or "".
    pub fn id_attr(&self) -> &str {
        self.attr("id").unwrap_or("")
    }

    /// The `class` attribute, or "".
    pub fn class_attr(&self) -> &str {
        self.attr("class").unwrap_or("")
    }

    /// Iterates over the element's classes.
    pub fn classes(&self) -> impl Iterator<Item = &str> {
        self.class_attr().split_ascii_whitespace()
    }

    pub fn is_element(&self) -> bool {
        self.kind == NodeKind::Element
    }

    pub fn is_text(&self) -> bool {
        self.kind == NodeKind::Text
    }
}

/// The children of every node, in document order ([`Snapshot::children`]): key = parent.
pub type Children = crate::groups::Groups;

/// Why a snapshot cannot be analysed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SnapshotError {
    /// More nodes or text than the caps allow.
    TooLarge { nodes: usize, text_chars: usize },
    /// A parent index that does not point to an earlier node.
    BadParent { node: usize },
}

impl std::fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SnapshotError::TooLarge { nodes, text_chars } => write!(
                f,
                "page too large to analyse ({nodes} nodes, {text_chars} characters; limits {MAX_NODES} and {MAX_TEXT_CHARS})"
            ),
            SnapshotError::BadParent { node } => write!(
                f,
                "malformed snapshot: node {node} names a parent that is not an earlier element"
            ),
        }
    }
}

impl std::error::Error for SnapshotError {}

impl Snapshot<'_> {
    /// Checks the caps and the tree invariant (every parent precedes its child), so that the
    /// analysis code can index `nodes` by parent without bounds surprises.
    pub fn validate(&self) -> Result<(), SnapshotError> {
        let text_chars: usize = self.nodes.iter().map(|n| n.text.len()).sum();
        if self.nodes.len() > MAX_NODES || text_chars > MAX_TEXT_CHARS {
            return Err(SnapshotError::TooLarge {
                nodes: self.nodes.len(),
                text_chars,
            });
        }
        for (index, node) in self.nodes.iter().enumerate() {
            if let Some(parent) = node.parent {
                // A parent must precede its child and be an element: text nodes have no
                // children, and the page layer would otherwise be asked to hide a text node.
                let parent_is_element = self
                    .nodes
                    .get(parent as usize)
                    .is_some_and(Node::is_element);
                if parent as usize >= index || !parent_is_element {
                    return Err(SnapshotError::BadParent { node: index });
                }
            }
        }
        Ok(())
    }

    /// The node at `id`, if it exists.
    pub fn node(&self, id: NodeId) -> Option<&Node<'_>> {
        self.nodes.get(id as usize)
    }

    /// The value of the first meta tag with this key (lowercase).
    pub fn meta(&self, key: &str) -> Option<&str> {
        self.meta
            .iter()
            .find(|m| m.key == key && !m.content.trim().is_empty())
            .map(|m| m.content.as_str())
    }

    /// Ancestors of `id`, nearest first (not including `id`).
    pub fn ancestors(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        let mut current = self.node(id).and_then(|n| n.parent);
        std::iter::from_fn(move || {
            let here = current?;
            current = self.node(here).and_then(|n| n.parent);
            Some(here)
        })
    }

    /// True when `ancestor` is `id` or one of its ancestors.
    pub fn is_within(&self, id: NodeId, ancestor: NodeId) -> bool {
        id == ancestor || self.ancestors(id).any(|a| a == ancestor)
    }

    /// The end (exclusive) of `id`'s subtree: nodes `id+1 .. end` are its descendants.
    /// Relies on document order, which `validate` guarantees for parents.
    ///
    /// Linear in the subtree's size: every node already scanned is a descendant, so the next
    /// one is too exactly when its parent lies in `id .. end`. (Walking each node's ancestor
    /// chain instead costs O(size × depth): seconds on a 10,000-deep page.)
    pub fn subtree_end(&self, id: NodeId) -> NodeId {
        let start = id as usize;
        let mut end = start + 1;
        while let Some(node) = self.nodes.get(end) {
            match node.parent {
                Some(parent) if (start..end).contains(&(parent as usize)) => end += 1,
                _ => break,
            }
        }
        end as NodeId
    }

    /// Children of each node, computed once (index = parent).
    pub fn children(&self) -> Children {
        let parents = || {
            self.nodes
                .iter()
                .enumerate()
                .filter_map(|(index, node)| Some((node.parent?, index as NodeId)))
        };
        Children::new(self.nodes.len(), parents)
    }

    /// The visible text of `id`'s subtree, whitespace collapsed.
    pub fn text_of(&self, id: NodeId) -> String {
        let end = self.subtree_end(id) as usize;
        let start = id as usize;
        let mut out = String::new();
        for node in self.nodes.get(start..end).unwrap_or(&[]) {
            if node.is_text() && node.visible {
                out.push_str(&node.text);
                out.push(' ');
            }
        }
        collapse_whitespace(&out)
    }
}

/// Collapses runs of whitespace to one space and trims the ends.
pub fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn element(tag: &str, parent: Option<NodeId>) -> Node<'_> {
        Node {
            tag: tag.into(),
            parent,
            visible: true,
            ..Node::default()
        }
    }

    fn text(content: &str, parent: NodeId) -> Node<'_> {
        Node {
            kind: NodeKind::Text,
            text: content.into(),
            parent: Some(parent),
            visible: true,
            ..Node::default()
        }
    }

    fn sample() -> Snapshot<'static> {
        Snapshot {
            nodes: vec![
                element("html", None),
                element("body", Some(0)),
                element("p", Some(1)),
                text("Hello   there", 2),
                element("p", Some(1)),
                text("world", 4),
            ],
            ..Snapshot::default()
        }
    }

    #[test]
    fn subtree_and_text() {
        let snapshot = sample();
        assert_eq!(snapshot.subtree_end(2), 4);
        assert_eq!(snapshot.subtree_end(1), 6);
        assert_eq!(snapshot.text_of(1), "Hello there world");
        assert!(snapshot.is_within(5, 1));
        assert!(!snapshot.is_within(5, 2));
        assert_eq!(snapshot.children().of(1), [2, 4]);
    }

    #[test]
    fn shadow_depth_saturates_instead_of_refusing_the_snapshot() {
        let json = r#"{"nodes":[{"kind":"element","tag":"div","shadow_depth":300},
            {"kind":"text","parent":0,"text":"x","shadow_depth":-1},{"kind":"text","parent":0}]}"#;
        let snapshot: Snapshot =
            serde_json::from_str(json).expect("deep shadow roots are accepted");
        let depths: Vec<u8> = snapshot.nodes.iter().map(|n| n.shadow_depth).collect();
        assert_eq!(depths, vec![255, 0, 0]);
    }

    #[test]
    fn nodes_and_layouts_read_from_arrays_as_from_objects() {
        let by_name = r#"{"nodes":[
            {"kind":"element","parent":null,"visible":true,"tag":"div","attrs":{"id":"a"},
             "layout":{"x":1,"y":2,"width":3,"height":4,"position":"fixed","z_index":5,
                       "opacity":0.5,"blurred":true,"pointer_events_none":false,
                       "overflow_hidden":true,"top_layer":false,"background_alpha":0.25},
             "shadow_depth":2},
            {"kind":"text","parent":0,"visible":true,"text":"Hi"},
            {"kind":"element","parent":0,"tag":"p"}]}"#;
        let by_position = r#"{"nodes":[
            ["element",null,true,"div","",{"id":"a"},
             [1,2,3,4,"fixed",5,0.5,true,false,true,false,0.25],2],
            ["text",0,true,"","Hi"],
            ["element",0,false,"p"]]}"#;
        let read = |json: &str| serde_json::from_str::<Snapshot>(json).expect("a snapshot");
        let expected = read(by_name);
        assert_eq!(
            expected.nodes[0].layout.as_ref().map(|l| l.z_index),
            Some(5)
        );
        assert_eq!(expected.nodes[0].shadow_depth, 2);
        assert_eq!(read(by_position), expected);
    }

    #[test]
    fn rejects_forward_parents_and_huge_pages() {
        let mut snapshot = sample();
        snapshot.nodes[2].parent = Some(4);
        assert_eq!(
            snapshot.validate(),
            Err(SnapshotError::BadParent { node: 2 })
        );
        let huge = Snapshot {
            nodes: vec![element("div", None); MAX_NODES + 1],
            ..Snapshot::default()
        };
        assert!(matches!(
            huge.validate(),
            Err(SnapshotError::TooLarge { .. })
        ));
    }
}
