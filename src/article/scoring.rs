//! Reader View style scoring: paragraphs vote for their ancestors, the best-scored
//! container is the article, and its siblings that look like more of the same join it.

use super::signals::class_weight;
use super::tree::PageTree;
use crate::snapshot::NodeId;

/// Paragraphs shorter than this (characters) are captions, buttons, datelines: no vote.
const MIN_PARAGRAPH_CHARS: u32 = 25;
/// How many ancestors above a paragraph receive a share of its score.
const ANCESTOR_LEVELS: usize = 5;
/// Candidates within this share of the best score count as "also the article".
const ALTERNATIVE_SHARE: f32 = 0.75;
/// How many such alternatives make their common ancestor the better choice.
const MIN_ALTERNATIVES: usize = 3;

/// The chosen content: a container and, in order, the nodes to take from it.
#[derive(Debug, Clone)]
pub struct Selection {
    /// The best container (the article's root for the page layer).
    pub top: NodeId,
    /// The top candidate and the siblings gathered with it, in document order.
    pub parts: Vec<NodeId>,
    /// The best-scored element before climbing to containers: the heart of the story,
    /// which cleaning must never drop along with a badly named wrapper.
    pub best: NodeId,
}

/// Scores every content-bearing element and returns the best container with its siblings.
pub fn select(tree: &PageTree) -> Option<Selection> {
    let scores = score_candidates(tree);
    let mut ranked: Vec<(NodeId, f32)> = scores
        .iter()
        .enumerate()
        .filter_map(|(id, score)| {
            score.map(|s| {
                (
                    id as NodeId,
                    s * (1.0 - tree.stats(id as NodeId).link_density()),
                )
            })
        })
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
    let &(best, top_score) = ranked.first()?;
    let mut top = best;
    top = prefer_common_ancestor(tree, top, top_score, &ranked);
    top = climb_while_parent_scores_higher(tree, top, &scores);
    top = climb_single_child_wrappers(tree, top);
    let final_score = final_score(tree, &scores, top);
    let parts = gather_siblings(tree, top, final_score, &scores);
    Some(Selection { top, parts, best })
}

fn final_score(tree: &PageTree, scores: &[Option<f32>], id: NodeId) -> f32 {
    let raw = scores.get(id as usize).copied().flatten().unwrap_or(0.0);
    raw * (1.0 - tree.stats(id).link_density())
}

/// Raw (before link density) scores; `None` for elements no paragraph voted for.
fn score_candidates(tree: &PageTree) -> Vec<Option<f32>> {
    let nodes = &tree.snapshot.nodes;
    let mut scores: Vec<Option<f32>> = vec![None; nodes.len()];
    for (index, node) in nodes.iter().enumerate() {
        let id = index as NodeId;
        if tree.is_excluded(id) || !is_paragraph(tree, id) {
            continue;
        }
        let stats = tree.stats(id);
        if stats.text_chars < MIN_PARAGRAPH_CHARS {
            continue;
        }
        let vote = 1.0 + stats.commas as f32 + (stats.text_chars / 100).min(3) as f32;
        let mut ancestor = node.parent;
        for level in 0..ANCESTOR_LEVELS {
            let Some(current) = ancestor else { break };
            let Some(ancestor_node) = tree.snapshot.node(current) else {
                break;
            };
            if !ancestor_node.is_element() || ancestor_node.tag == "html" {
                break;
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                _ => level as f32 * 3.0,
            };
            let slot = &mut scores[current as usize];
            let base = slot.unwrap_or_else(|| initial_score(tree, current));
            *slot = Some(base + vote / divider);
            ancestor = ancestor_node.parent;
        }
    }
    scores
}

/// Elements that hold paragraph text: `p`, `pre`, `td`, headings and sections, divs with no
/// block inside, and loose text sitting directly in a container that also has blocks.
fn is_paragraph(tree: &PageTree, id: NodeId) -> bool {
    let Some(node) = tree.snapshot.node(id) else {
        return false;
    };
    if node.is_text() {
        return node.parent.is_some_and(|p| {
            matches!(tree.tag(p), "div" | "section" | "article" | "main")
                && tree.stats(p).has_block_descendant
        });
    }
    match &*node.tag {
        "p" | "pre" | "td" | "h2" | "h3" | "h4" | "h5" | "h6" => true,
        "div" | "section" => !tree.stats(id).has_block_descendant,
        _ => false,
    }
}

/// A container's score before votes: its tag and its class/id.
fn initial_score(tree: &PageTree, id: NodeId) -> f32 {
    let Some(node) = tree.snapshot.node(id) else {
        return 0.0;
    };
    let tag_score = match &*node.tag {
        "div" | "article" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    tag_score + class_weight(node)
}

/// When several near-best candidates share an ancestor of the top one, the article is
/// split into pieces (paragraph groups between ads): take the ancestor holding them.
fn prefer_common_ancestor(
    tree: &PageTree,
    top: NodeId,
    top_score: f32,
    ranked: &[(NodeId, f32)],
) -> NodeId {
    if top_score <= 0.0 {
        return top;
    }
    let alternatives: Vec<NodeId> = ranked
        .iter()
        .skip(1)
        .take(4)
        .filter(|(_, s)| s / top_score >= ALTERNATIVE_SHARE)
        .map(|(id, _)| *id)
        .collect();
    if alternatives.len() < MIN_ALTERNATIVES {
        return top;
    }
    let mut ancestor = tree.parent(top);
    while let Some(current) = ancestor {
        if current == tree.body || tree.tag(current) == "html" {
            break;
        }
        let held = alternatives
            .iter()
            .filter(|&&a| tree.contains(current, a))
            .count();
        if held >= MIN_ALTERNATIVES {
            return current;
        }
        ancestor = tree.parent(current);
    }
    top
}

/// A parent that scores higher than its child holds more of the article.
fn climb_while_parent_scores_higher(
    tree: &PageTree,
    top: NodeId,
    scores: &[Option<f32>],
) -> NodeId {
    let mut last_score = final_score(tree, scores, top);
    let threshold = last_score / 3.0;
    let mut ancestor = tree.parent(top);
    while let Some(current) = ancestor {
        if current == tree.body || tree.tag(current) == "html" {
            break;
        }
        if scores.get(current as usize).copied().flatten().is_none() {
            ancestor = tree.parent(current);
            continue;
        }
        let score = final_score(tree, scores, current);
        if score < threshold {
            break;
        }
        if score > last_score {
            return current;
        }
        last_score = score;
        ancestor = tree.parent(current);
    }
    top
}

/// A wrapper whose only element child is the candidate says nothing new; its parent might.
fn climb_single_child_wrappers(tree: &PageTree, mut top: NodeId) -> NodeId {
    while let Some(parent) = tree.parent(top) {
        if parent == tree.body || tree.tag(parent) == "html" {
            break;
        }
        if tree.element_children(parent).count() != 1 {
            break;
        }
        top = parent;
    }
    top
}

/// The top candidate plus siblings that score well, share its class, or read as prose.
fn gather_siblings(
    tree: &PageTree,
    top: NodeId,
    top_score: f32,
    scores: &[Option<f32>],
) -> Vec<NodeId> {
    let Some(parent) = tree.parent(top).filter(|_| top != tree.body) else {
        return vec![top];
    };
    let threshold = (top_score * 0.2).max(10.0);
    let top_class = tree.snapshot.node(top).map_or("", |n| n.class_attr());
    let mut parts = Vec::new();
    for sibling in tree.element_children(parent) {
        if sibling == top {
            parts.push(sibling);
            continue;
        }
        if tree.is_excluded(sibling) {
            continue;
        }
        let Some(node) = tree.snapshot.node(sibling) else {
            continue;
        };
        let bonus = if !top_class.is_empty() && node.class_attr() == top_class {
            top_score * 0.2
        } else {
            0.0
        };
        let scored = scores.get(sibling as usize).copied().flatten();
        let good_score =
            scored.is_some_and(|_| final_score(tree, scores, sibling) + bonus >= threshold);
        if good_score || reads_as_prose(tree, sibling) {
            parts.push(sibling);
        }
    }
    parts
}

/// A sibling paragraph of real sentences with few links.
fn reads_as_prose(tree: &PageTree, id: NodeId) -> bool {
    if tree.tag(id) != "p" {
        return false;
    }
    let stats = tree.stats(id);
    let density = stats.link_density();
    if stats.text_chars > 80 {
        return density < 0.25;
    }
    stats.text_chars > 0 && density == 0.0 && ends_sentence(tree, id)
}

fn ends_sentence(tree: &PageTree, id: NodeId) -> bool {
    let end = tree.subtree_end(id) as usize;
    let nodes = tree.snapshot.nodes.get(id as usize..end).unwrap_or(&[]);
    nodes
        .iter()
        .rev()
        .find(|n| n.is_text() && !n.text.trim().is_empty())
        .is_some_and(|n| n.text.trim_end().ends_with('.'))
}
