//! Page fixes: what an overlay did to the page that hiding it does not undo — scroll locks,
//! `inert`/`aria-hidden` on the content, blur or fading, open modal dialogs.
//! Computed only when an overlay was found: a page without one is never touched.

use super::index::PageIndex;
use super::{Category, HiddenOverlay, PageFixes, ScanContext};
use crate::snapshot::{Node, NodeId, Snapshot};

/// Root classes that lock scrolling (exact names seen in filter lists' overflow rules).
const LOCK_CLASSES: &[&str] = &[
    "modal-open",
    "tp-modal-open",
    "no-scroll",
    "noscroll",
    "overflow-hidden",
    "scroll-lock",
    "has-modal",
    "_has-modal",
    "zephr-modal-open",
    "frb-overlay-open",
    "pum-open",
    "pum-open-overlay",
    "hustle-no-scroll",
    "fancybox-lock",
    "sp-message-open",
    "didomi-popup-open",
    "locked",
    "om-position-popup",
    "remodal-is-locked",
    "lock-scroll",
    "disable-scroll",
    "tp-scroll-prevented",
    "scroll-locked",
    "prevent-scroll",
    "show--consent",
];

/// Fragments that mark a lock class we have not seen by name ("paywall-modal-open").
const LOCK_FRAGMENTS: &[&str] = &[
    "modal-open",
    "noscroll",
    "no-scroll",
    "scroll-lock",
    "overlay-open",
];

/// Root classes that lock scrolling, from `class` strings of html and body.
pub fn scroll_lock_classes<'a>(classes: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for class in classes {
        let lower = class.to_ascii_lowercase();
        let locks = LOCK_CLASSES.contains(&lower.as_str())
            || LOCK_FRAGMENTS.iter().any(|f| lower.contains(f));
        if locks && !found.iter().any(|c| c == class) {
            found.push(class.to_string());
        }
    }
    found
}

pub fn page_fixes(index: &PageIndex, hidden: &[HiddenOverlay], context: &ScanContext) -> PageFixes {
    // Cookie notices are hidden only on request; the fixes follow the other categories.
    if !hidden.iter().any(|h| h.category != Category::Cookie) {
        return PageFixes::default();
    }
    let snapshot = index.snapshot;
    let root_class_text = root_class_text(snapshot);
    let root_classes = scroll_lock_classes(root_class_text.split_ascii_whitespace());
    let root = &snapshot.root;
    let body_pinned = root.body.position == "fixed";
    let mut fixes = PageFixes {
        unlock_scroll: overflow_locked(snapshot) || body_pinned || !root_classes.is_empty(),
        root_classes,
        restore_scroll_top: if body_pinned {
            (-root.body.top).max(0.0)
        } else {
            0.0
        },
        ..PageFixes::default()
    };
    let hidden_here = |id: NodeId| hidden.iter().any(|h| index.contains(h.node, id));
    for (position, node) in snapshot.nodes.iter().enumerate() {
        let id = position as NodeId;
        if !node.is_element() || hidden_here(id) || !holds_content(index, id, context) {
            continue;
        }
        if node.has_attr("inert") || node.attr("aria-hidden") == Some("true") {
            fixes.uninert.push(id);
        }
        if is_dimmed(node) {
            fixes.unblur.push(id);
        }
    }
    fixes.close_dialogs = hidden
        .iter()
        .filter(|h| is_open_modal_dialog(snapshot.node(h.node)))
        .map(|h| h.node)
        .collect();
    fixes
}

/// How the page's scrolling is locked, if it is: what an overlay that walls the page off
/// does to it (and what `page_fixes` undoes).
pub fn scroll_lock(snapshot: &Snapshot) -> Option<&'static str> {
    if overflow_locked(snapshot) {
        Some("overflow hidden")
    } else if snapshot.root.body.position == "fixed" {
        Some("body pinned")
    } else if !scroll_lock_classes(root_class_text(snapshot).split_ascii_whitespace()).is_empty() {
        Some("lock class")
    } else {
        None
    }
}

/// html or body has computed `overflow-y: hidden|clip`.
fn overflow_locked(snapshot: &Snapshot) -> bool {
    let root = &snapshot.root;
    [&root.html.overflow_y, &root.body.overflow_y]
        .iter()
        .any(|o| matches!(o.as_str(), "hidden" | "clip"))
}

/// Classes of `<html>` and `<body>`: from the page layer's root state, or the nodes.
fn root_class_text(snapshot: &Snapshot) -> String {
    let root = &snapshot.root;
    let mut text = format!("{} {}", root.html.class, root.body.class);
    if text.trim().is_empty() {
        for node in snapshot.nodes.iter().filter(|n| n.is_element()).take(64) {
            if node.tag == "html" || node.tag == "body" {
                text.push(' ');
                text.push_str(node.class_attr());
            }
        }
    }
    text
}

/// The element holds the article (the article's root, `<main>`/`<article>`, or most text).
fn holds_content(index: &PageIndex, id: NodeId, context: &ScanContext) -> bool {
    if let Some(root) = context.article_root.filter(|_| !index.snapshot.partial) {
        if index.contains(id, root) {
            return true;
        }
    }
    let page = index.page_text_chars.max(1) as f32;
    index
        .holds_article_marker
        .get(id as usize)
        .copied()
        .unwrap_or(false)
        || index.text_chars_of(id) as f32 > page * 0.5
}

fn is_dimmed(node: &Node) -> bool {
    node.layout.as_ref().is_some_and(|layout| {
        layout.blurred
            || (layout.opacity > 0.0 && layout.opacity < 0.99)
            || layout.pointer_events_none
    })
}

fn is_open_modal_dialog(node: Option<&Node>) -> bool {
    node.is_some_and(|node| {
        node.tag == "dialog"
            && (node.has_attr("open") || node.layout.as_ref().is_some_and(|l| l.top_layer))
    })
}
