//! Per-node facts computed once per scan in linear passes, so that judging a candidate
//! never walks the ancestors or the whole page again.

use super::markup::{self, OwnMarkers, Zone};
use super::vetoes::ArticleProbes;
use super::ScanContext;
use crate::snapshot::{NodeId, Snapshot};
use std::cell::Cell;

/// Nodes the candidates of one scan may read in total. Nested candidates re-read their
/// descendants; the budget bounds an adversarial page (thousands of nested "modal"
/// wrappers) while real pages use a small fraction of it. When it runs out, the remaining
/// candidates are not hidden: failing safe means showing an overlay, never hiding content.
const READ_BUDGET_NODES: usize = 200_000;

/// Largest text (characters) of an element that opens a navigation/player/chat zone.
const ZONE_MAX_TEXT: u32 = 4000;

/// What one pass over the snapshot learned about every node.
pub struct PageIndex<'a> {
    pub snapshot: &'a Snapshot<'a>,
    /// Exclusive end of each node's subtree.
    pub subtree_end: Vec<u32>,
    /// Visible text characters in each node's subtree.
    pub text_chars: Vec<u32>,
    /// Text characters in each node's subtree, hidden text included (static pages keep
    /// overlays mounted but hidden; recognising them needs their size).
    pub all_text_chars: Vec<u32>,
    /// Visible text characters of the whole snapshot.
    pub page_text_chars: u32,
    /// Every element's lowercased id and classes (`markup::push_id_and_class`), one after
    /// the other: one string for the page, not one per element.
    own_markup_text: String,
    /// End of each node's part of `own_markup_text` (it starts where the previous ends).
    own_markup_end: Vec<u32>,
    /// What one pass over each node's own markup found (`markup::own_markers`): the zones
    /// and the overlay evidence both read it.
    own_markers: Vec<OwnMarkers>,
    /// The zone (navigation, player, chat, gallery) each node sits in, inherited from ancestors.
    pub zone: Vec<Zone>,
    /// The subtree holds article content markers (`<article>`, `itemprop=articleBody`, `<main>`).
    pub holds_article_marker: Vec<bool>,
    /// How the page's scrolling is locked (overflow, pinned body, lock class), if it is.
    pub scroll_lock: Option<&'static str>,
    /// Nodes candidates may still read in this scan.
    read_budget: Cell<usize>,
    /// What each text node is as a control label, classified once and remembered, since
    /// nested candidates read the same controls (0 = not yet classified).
    pub control_memo: Vec<Cell<u8>>,
    /// The headline and opening of the scan context's article as the content veto
    /// compares them: made once per scan, not once per candidate.
    pub article_probes: ArticleProbes,
}

/// What a subtree adds up to.
#[derive(Clone, Copy, Default)]
struct Totals {
    /// Exclusive end of the subtree.
    end: u32,
    text_chars: u32,
    all_text_chars: u32,
    article_marker: bool,
}

/// One backward pass: every child is finished before its parent is reached, so each
/// node's totals are folded into its parent's exactly once.
fn subtree_totals(snapshot: &Snapshot) -> Vec<Totals> {
    let mut totals: Vec<Totals> = (1..=snapshot.nodes.len() as u32)
        .map(|end| Totals {
            end,
            ..Totals::default()
        })
        .collect();
    for (index, node) in snapshot.nodes.iter().enumerate().rev() {
        let Some(own) = totals.get_mut(index) else {
            continue;
        };
        if node.is_text() {
            own.all_text_chars = node.text.chars().count() as u32;
            own.text_chars = if node.visible { own.all_text_chars } else { 0 };
        } else if markup::is_article_marker(node) {
            own.article_marker = true;
        }
        let child = *own;
        let parent = node.parent.map(|p| p as usize).filter(|&p| p < index);
        if let Some(parent) = parent.and_then(|p| totals.get_mut(p)) {
            parent.end = parent.end.max(child.end);
            parent.text_chars = parent.text_chars.saturating_add(child.text_chars);
            parent.all_text_chars = parent.all_text_chars.saturating_add(child.all_text_chars);
            parent.article_marker |= child.article_marker;
        }
    }
    totals
}

/// Every element's lowercased id and classes in one string, and where each node's ends.
fn own_markups(snapshot: &Snapshot) -> (String, Vec<u32>) {
    let mut text = String::new();
    let mut ends = Vec::with_capacity(snapshot.nodes.len());
    for node in &snapshot.nodes {
        if node.is_element() {
            markup::push_id_and_class(node, &mut text);
        }
        ends.push(text.len() as u32);
    }
    (text, ends)
}

/// Node `index`'s part of [`own_markups`]' string.
fn own_markup<'t>(text: &'t str, ends: &[u32], index: usize) -> &'t str {
    let start = index
        .checked_sub(1)
        .and_then(|before| ends.get(before))
        .map_or(0, |&e| e as usize);
    let end = ends.get(index).map_or(start, |&e| e as usize);
    text.get(start..end).unwrap_or("")
}

impl<'a> PageIndex<'a> {
    /// The index of `snapshot`, scanned with `context`.
    pub fn new(snapshot: &'a Snapshot<'a>, context: &ScanContext) -> PageIndex<'a> {
        let count = snapshot.nodes.len();
        let totals = subtree_totals(snapshot);
        let subtree_end: Vec<u32> = totals.iter().map(|t| t.end).collect();
        let text_chars: Vec<u32> = totals.iter().map(|t| t.text_chars).collect();
        let all_text_chars: Vec<u32> = totals.iter().map(|t| t.all_text_chars).collect();
        let holds_article_marker: Vec<bool> = totals.iter().map(|t| t.article_marker).collect();
        let (own_markup_text, own_markup_end) = own_markups(snapshot);
        // Each element's own markup searched once, here. Not remembered per distinct id and
        // class pair: on the 181 AEB snapshots a hashed map of the pairs took fewer
        // instructions but more time (overlays 0.137 -> 0.175 ms a page natively).
        let own_markers: Vec<OwnMarkers> = snapshot
            .nodes
            .iter()
            .enumerate()
            .map(
                |(index, node)| match own_markup(&own_markup_text, &own_markup_end, index) {
                    "" => OwnMarkers::NONE,
                    own => markup::own_markers(node, own),
                },
            )
            .collect();
        let mut zone = vec![Zone::None; count];
        // Forward pass: parents precede children (`Snapshot::validate`), so zones inherit.
        for (index, node) in snapshot.nodes.iter().enumerate() {
            let inherited = node
                .parent
                .and_then(|p| zone.get(p as usize).copied())
                .unwrap_or(Zone::None);
            // A page-wide wrapper whose class mentions "player" or "gallery" must not
            // shelter the whole page, so only modest elements open a zone.
            let modest = text_chars.get(index).is_some_and(|&c| c <= ZONE_MAX_TEXT);
            let markers = own_markers.get(index).copied();
            let own = if node.is_element() && modest {
                markup::zone_of(node, markers.unwrap_or(OwnMarkers::NONE))
            } else {
                Zone::None
            };
            if let Some(slot) = zone.get_mut(index) {
                *slot = if inherited != Zone::None {
                    inherited
                } else {
                    own
                };
            }
        }
        let page_text_chars = snapshot
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| n.parent.is_none())
            .filter_map(|(i, _)| text_chars.get(i).copied())
            .fold(0u32, u32::saturating_add);
        PageIndex {
            snapshot,
            subtree_end,
            text_chars,
            all_text_chars,
            page_text_chars,
            own_markup_text,
            own_markup_end,
            own_markers,
            zone,
            holds_article_marker,
            scroll_lock: super::fixes::scroll_lock(snapshot),
            read_budget: Cell::new(READ_BUDGET_NODES),
            control_memo: vec![Cell::new(0); count],
            article_probes: ArticleProbes::of(context),
        }
    }

    /// Takes up to `wanted` nodes from the reading budget; returns how many were granted.
    pub fn take_read_budget(&self, wanted: usize) -> usize {
        let left = self.read_budget.get();
        let granted = wanted.min(left);
        self.read_budget.set(left - granted);
        granted
    }

    pub fn end_of(&self, id: NodeId) -> usize {
        self.subtree_end
            .get(id as usize)
            .map_or(id as usize + 1, |&e| e as usize)
    }

    pub fn text_chars_of(&self, id: NodeId) -> u32 {
        self.text_chars.get(id as usize).copied().unwrap_or(0)
    }

    pub fn all_text_chars_of(&self, id: NodeId) -> u32 {
        self.all_text_chars.get(id as usize).copied().unwrap_or(0)
    }

    /// The element's lowercased id and classes ("" for none, and for text nodes).
    pub fn own_markup(&self, id: NodeId) -> &str {
        own_markup(&self.own_markup_text, &self.own_markup_end, id as usize)
    }

    /// What the element's own markup holds (`markup::own_markers`).
    pub fn own_markers(&self, id: NodeId) -> OwnMarkers {
        self.own_markers
            .get(id as usize)
            .copied()
            .unwrap_or(OwnMarkers::NONE)
    }

    pub fn zone_of(&self, id: NodeId) -> Zone {
        self.zone.get(id as usize).copied().unwrap_or(Zone::None)
    }

    /// True when `ancestor` is `id` or contains it (subtrees are contiguous runs).
    pub fn contains(&self, ancestor: NodeId, id: NodeId) -> bool {
        ancestor <= id && (id as usize) < self.end_of(ancestor)
    }
}
