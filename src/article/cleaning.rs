//! Inside the chosen content, what is not the story: navigation, share bars, sign-up and
//! donation boxes, "read more" lists, forms, link farms. Decided element by element, outer
//! first, so a dropped box takes its whole subtree with it.

use super::signals::{class_weight, is_boilerplate_box};
use super::tree::PageTree;
use crate::snapshot::NodeId;

/// Blocks with this many commas are prose, whatever else they contain.
const PROSE_COMMAS: u32 = 10;

/// Elements never kept inside an article.
fn is_dropped_tag(tag: &str) -> bool {
    matches!(
        tag,
        "nav"
            | "aside"
            | "footer"
            | "form"
            | "fieldset"
            | "button"
            | "input"
            | "select"
            | "textarea"
            | "iframe"
            | "object"
            | "embed"
            | "dialog"
            | "menu"
            | "figcaption"
            | "h1"
    )
}

/// True when `id` (inside the article) should be left out with its subtree.
pub fn is_dropped(tree: &PageTree, id: NodeId) -> bool {
    let Some(node) = tree.snapshot.node(id) else {
        return true;
    };
    if tree.is_excluded(id) {
        return true;
    }
    if !node.is_element() {
        return false;
    }
    if is_dropped_tag(&node.tag) || (is_boilerplate_box(node) && !holds_prose(tree, id)) {
        return true;
    }
    match &*node.tag {
        "h2" | "h3" | "h4" | "h5" | "h6" => class_weight(node) < 0.0,
        "div" | "section" | "ul" | "ol" | "table" => fails_conditional_check(tree, id),
        _ => false,
    }
}

/// Several paragraphs of unlinked text: whatever its class says ("entry-content-read-more"),
/// this is the story.
fn holds_prose(tree: &PageTree, id: NodeId) -> bool {
    let stats = tree.stats(id);
    stats.paragraphs >= 2 && stats.text_chars >= 400 && stats.link_density() < 0.3
}

/// Reader View's "clean conditionally": a container with little prose and many links,
/// images without text, or more list items than paragraphs is not part of the story.
fn fails_conditional_check(tree: &PageTree, id: NodeId) -> bool {
    let Some(node) = tree.snapshot.node(id) else {
        return true;
    };
    // Reader View lets a container's own paragraph score outweigh a bad class name
    // ("elementor-widget-container"); holding real prose plays that part here.
    if holds_prose(tree, id) {
        return false;
    }
    let weight = class_weight(node);
    if weight < 0.0 {
        return true;
    }
    let stats = tree.stats(id);
    if stats.commas >= PROSE_COMMAS {
        return false;
    }
    let is_list = matches!(&*node.tag, "ul" | "ol");
    let paragraphs = stats.paragraphs as f32;
    let density = stats.link_density();
    let text = stats.text_chars;
    if stats.images > 1 && paragraphs / (stats.images as f32) < 0.5 && stats.figures == 0 {
        return true;
    }
    if !is_list && stats.list_items as f32 > paragraphs + 1.0 && density > 0.2 {
        return true;
    }
    if stats.inputs as f32 > (paragraphs / 3.0).floor() {
        return true;
    }
    if !is_list && text < 25 && (stats.images == 0 || stats.images > 2) && stats.figures == 0 {
        return true;
    }
    if weight < 25.0 && density > 0.2 && !(is_list && density < 0.5 && text > 200) {
        return true;
    }
    if weight >= 25.0 && density > 0.5 {
        return true;
    }
    (stats.embeds == 1 && text < 75) || stats.embeds > 1
}
