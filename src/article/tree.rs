//! Facts about every node, computed once in linear passes.
//!
//! The snapshot is in document order with parent indices, so a forward pass sees every
//! parent before its children (inherited facts: hidden, inside a link) and a backward pass
//! sees every child before its parent (summed facts: text length, link text, commas).
//! Everything the scorer and the cleaner ask is then an array lookup, which keeps
//! extraction linear on pages with tens of thousands of nodes.

use super::signals::{is_unlikely_candidate, UNLIKELY_EXEMPT_TAGS};
use super::{is_non_content_tag, is_paragraph_breaking_tag};
use crate::snapshot::{Children, NodeId, Snapshot};

/// Counts over an element's subtree (the element itself included), content nodes only.
#[derive(Debug, Clone, Copy, Default)]
pub struct SubtreeStats {
    /// Characters of text (each text node trimmed).
    pub text_chars: u32,
    /// Characters of text inside `<a>` elements.
    pub link_chars: u32,
    /// Commas of any script (Latin, CJK, Arabic).
    pub commas: u32,
    pub paragraphs: u32,
    pub images: u32,
    pub list_items: u32,
    pub inputs: u32,
    pub embeds: u32,
    pub figures: u32,
    /// A descendant (not the element itself) is a block that breaks paragraphs.
    pub has_block_descendant: bool,
}

impl SubtreeStats {
    /// Share of the text that sits in links (0 when there is no text).
    pub fn link_density(&self) -> f32 {
        if self.text_chars == 0 {
            0.0
        } else {
            self.link_chars as f32 / self.text_chars as f32
        }
    }

    fn add(&mut self, child: &SubtreeStats) {
        self.text_chars += child.text_chars;
        self.link_chars += child.link_chars;
        self.commas += child.commas;
        self.paragraphs += child.paragraphs;
        self.images += child.images;
        self.list_items += child.list_items;
        self.inputs += child.inputs;
        self.embeds += child.embeds;
        self.figures += child.figures;
    }
}

pub struct PageTree<'a> {
    pub snapshot: &'a Snapshot<'a>,
    pub children: Children,
    /// End (exclusive) of each node's subtree.
    pub end: Vec<u32>,
    /// Never article content: hidden, code/form controls, or (when stripping) an unlikely
    /// candidate by class/id/role. Inherited by descendants.
    pub excluded: Vec<bool>,
    pub stats: Vec<SubtreeStats>,
    pub body: NodeId,
}

impl<'a> PageTree<'a> {
    /// Builds the facts. `strip_unlikely` excludes comment/sidebar/menu-like subtrees up
    /// front, as Reader View does on its first attempt.
    pub fn new(snapshot: &'a Snapshot<'a>, strip_unlikely: bool) -> PageTree<'a> {
        let nodes = &snapshot.nodes;
        let children = snapshot.children();
        let end = subtree_ends(&children);
        let body = nodes
            .iter()
            .position(|n| n.tag == "body")
            .map_or(0, |i| i as NodeId);
        let mut excluded = vec![false; nodes.len()];
        let mut in_link = vec![false; nodes.len()];
        for (index, node) in nodes.iter().enumerate() {
            let parent = node.parent.map(|p| p as usize);
            let parent_excluded = parent.and_then(|p| excluded.get(p).copied());
            let parent_in_link = parent.and_then(|p| in_link.get(p).copied());
            let own = if node.is_element() {
                !node.visible
                    || is_non_content_tag(&node.tag)
                    || (strip_unlikely
                        && !UNLIKELY_EXEMPT_TAGS.contains(&&*node.tag)
                        && is_unlikely_candidate(node))
            } else {
                !node.visible
            };
            excluded[index] = own || parent_excluded.unwrap_or(false);
            in_link[index] = node.tag == "a" || parent_in_link.unwrap_or(false);
        }
        let stats = subtree_stats(snapshot, &excluded, &in_link);
        PageTree {
            snapshot,
            children,
            end,
            excluded,
            stats,
            body,
        }
    }

    pub fn stats(&self, id: NodeId) -> SubtreeStats {
        self.stats.get(id as usize).copied().unwrap_or_default()
    }

    pub fn is_excluded(&self, id: NodeId) -> bool {
        self.excluded.get(id as usize).copied().unwrap_or(true)
    }

    pub fn tag(&self, id: NodeId) -> &str {
        self.snapshot.node(id).map_or("", |n| &*n.tag)
    }

    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        self.snapshot.node(id).and_then(|n| n.parent)
    }

    pub fn subtree_end(&self, id: NodeId) -> u32 {
        self.end.get(id as usize).copied().unwrap_or(id + 1)
    }

    /// True when `id` is `ancestor` or inside it (O(1) thanks to document order).
    pub fn contains(&self, ancestor: NodeId, id: NodeId) -> bool {
        ancestor <= id && id < self.subtree_end(ancestor)
    }

    pub fn element_children(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        self.children
            .of(id)
            .iter()
            .copied()
            .filter(|&c| self.snapshot.node(c).is_some_and(|n| n.is_element()))
    }
}

/// Subtree ends from the children lists, children before parents.
fn subtree_ends(children: &Children) -> Vec<u32> {
    let mut end: Vec<u32> = (1..=children.len() as u32).collect();
    for index in (0..children.len()).rev() {
        if let Some(&last) = children.of(index as NodeId).last() {
            if let Some(&last_end) = end.get(last as usize) {
                end[index] = last_end;
            }
        }
    }
    end
}

fn subtree_stats(snapshot: &Snapshot, excluded: &[bool], in_link: &[bool]) -> Vec<SubtreeStats> {
    let nodes = &snapshot.nodes;
    let mut stats = vec![SubtreeStats::default(); nodes.len()];
    for index in (0..nodes.len()).rev() {
        if excluded[index] {
            continue;
        }
        let node = &nodes[index];
        let mut own = stats[index];
        if node.is_text() {
            let text = node.text.trim();
            let chars = text.chars().count() as u32;
            own.text_chars += chars;
            if in_link[index] {
                own.link_chars += chars;
            }
            own.commas += count_commas(text);
        } else {
            match &*node.tag {
                "p" => own.paragraphs += 1,
                // Reader View turns such divs into paragraphs before counting.
                "div" if !own.has_block_descendant && own.text_chars > 0 => own.paragraphs += 1,
                "img" | "picture" => own.images += 1,
                "li" => own.list_items += 1,
                "input" | "select" | "textarea" => own.inputs += 1,
                "object" | "embed" | "iframe" | "video" => own.embeds += 1,
                "figure" => own.figures += 1,
                _ => {}
            }
        }
        stats[index] = own;
        let Some(parent) = node.parent.map(|p| p as usize) else {
            continue;
        };
        if let Some(parent_stats) = stats.get_mut(parent) {
            parent_stats.add(&own);
            if own.has_block_descendant || is_paragraph_breaking_tag(&node.tag) {
                parent_stats.has_block_descendant = true;
            }
        }
    }
    stats
}

/// Commas of any script in `text`; an ASCII text (most) is counted byte by byte.
fn count_commas(text: &str) -> u32 {
    let count = if text.is_ascii() {
        text.bytes().filter(|&byte| byte == b',').count()
    } else {
        text.chars().filter(|&c| is_comma(c)).count()
    };
    count as u32
}

fn is_comma(c: char) -> bool {
    matches!(
        c,
        ',' | '\u{060C}'
            | '\u{FE50}'
            | '\u{FE10}'
            | '\u{FE11}'
            | '\u{2E41}'
            | '\u{2E34}'
            | '\u{2E32}'
            | '\u{FF0C}'
    )
}
