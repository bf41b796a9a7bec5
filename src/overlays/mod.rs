//! Overlays: paywalls, donation appeals, newsletter pop-ups, adblock walls — what to hide
//! and how to give the page back.
//!
//! Owner: overlays.
//!
//! ```text
//!   PageIndex (linear passes) ─▶ for each element in document order:
//!     gate (floats / overlay markup) ─▶ structural vetoes ─▶ read text & controls
//!     ─▶ content vetoes ─▶ score intent + shape ─▶ Verdict
//!   chosen element ─▶ climb to the wrapper holding it and its backdrop ─▶ skip its subtree
//!   overlays found ─▶ backdrops, page fixes (scroll, inert, blur, dialogs)
//! ```
//! Geometry AND intent decide when layout is known; without layout (saved HTML) only
//! strong markup (a category word with an overlay shape, a vendor container, a dialog
//! asking for something) counts.

mod classify;
mod fixes;
mod geometry;
mod index;
mod intent;
mod lexicon;
mod markup;
#[cfg(test)]
mod tests;
mod vetoes;

pub use classify::{classify, explain, recognise, Mode, Verdict};
pub use fixes::scroll_lock_classes;

use crate::article::Article;
use crate::snapshot::{NodeId, Snapshot};
use serde::{Deserialize, Serialize};
use serde_json::Value;

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Donation,
    Paywall,
    Newsletter,
    Adblock,
    ExitIntent,
    /// Cookie-consent dialogs: hidden only when the user switches this category on.
    Cookie,
}

/// One element to hide, and why.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct HiddenOverlay {
    pub node: NodeId,
    pub category: Category,
    /// The signals that fired ("fixed", "covers viewport", "text: remind me later", …).
    pub signals: Vec<String>,
    /// A short excerpt of its text, for the popup.
    pub excerpt: String,
}

/// What to undo on the page once overlays are hidden.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct PageFixes {
    /// html/body scrolling is locked (overflow hidden, or body fixed with a negative top).
    pub unlock_scroll: bool,
    /// Classes on `<html>`/`<body>` that lock scrolling ("modal-open", "no-scroll").
    pub root_classes: Vec<String>,
    /// When body was pinned (`position:fixed; top:-Npx`): the scroll position N to restore
    /// after unpinning; 0 otherwise.
    #[serde(default)]
    pub restore_scroll_top: f32,
    /// Elements whose `inert` / `aria-hidden` was put there by an overlay.
    pub uninert: Vec<NodeId>,
    /// Elements blurred, faded or made unclickable by an overlay.
    pub unblur: Vec<NodeId>,
    /// Open modal `<dialog>`s to close.
    pub close_dialogs: Vec<NodeId>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct OverlayScan {
    pub hidden: Vec<HiddenOverlay>,
    pub fixes: PageFixes,
}

/// What the overlay scan knows of the article, for its vetoes. The page sends it back as
/// the JSON its report carried ([`ScanContext::from_json`] reads it).
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct ScanContext {
    pub headline: String,
    /// The first few hundred characters of the article text.
    pub excerpt: String,
    /// The node holding the article in the FULL snapshot (never hidden, nor any ancestor).
    /// Ignored for partial snapshots, whose indices differ.
    pub article_root: Option<NodeId>,
}

impl ScanContext {
    pub fn from_article(article: Option<&Article>) -> ScanContext {
        match article {
            Some(article) => ScanContext {
                headline: article.title.clone(),
                excerpt: article.text.chars().take(400).collect(),
                article_root: article.root,
            },
            None => ScanContext::default(),
        }
    }

    /// Reads the context as the page sends it back: an object whose fields may each be
    /// missing (their default) or null (`article_root` only); a field of the wrong type is an
    /// error. Read through `serde_json::Value`, which the JSON-LD reader links into the wasm
    /// anyway: a derived `Deserialize` instantiated serde_json's typed reader there, with
    /// its error messages and their float formatting: 15 KB of the wasm, gzipped.
    pub fn from_json(json: &str) -> Result<ScanContext, String> {
        let value: Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
        let Value::Object(fields) = value else {
            return Err("not an object".into());
        };
        let text = |name: &str| match fields.get(name) {
            None => Ok(String::new()),
            Some(Value::String(text)) => Ok(text.clone()),
            Some(_) => Err(format!("{name} is not a string")),
        };
        let article_root = match fields.get("article_root") {
            None | Some(Value::Null) => None,
            Some(id) => Some(
                id.as_u64()
                    .and_then(|id| NodeId::try_from(id).ok())
                    .ok_or("article_root is not a node id")?,
            ),
        };
        Ok(ScanContext {
            headline: text("headline")?,
            excerpt: text("excerpt")?,
            article_root,
        })
    }
}

/// Decides which elements of `snapshot` are overlays to hide, and the fixes that give the
/// page back. Linear in the number of nodes: a chosen overlay's subtree is skipped, and a
/// candidate's text is read up to a cap.
pub fn scan(snapshot: &Snapshot, context: &ScanContext) -> OverlayScan {
    let index = index::PageIndex::new(snapshot, context);
    let mut hidden: Vec<HiddenOverlay> = Vec::new();
    let mut cursor = 0usize;
    while cursor < snapshot.nodes.len() {
        let id = cursor as NodeId;
        let Some(verdict) = classify::judge(&index, id, context, Mode::Hide) else {
            cursor += 1;
            continue;
        };
        let previous = hidden.last().map(|h| h.node);
        let top = classify::outermost_wrapper(&index, id, context, previous);
        let mut signals = verdict.signals;
        if top != id {
            signals.push("wrapper".into());
        }
        hidden.push(HiddenOverlay {
            node: top,
            category: verdict.category,
            signals,
            excerpt: verdict.excerpt,
        });
        cursor = index.end_of(top).max(cursor + 1);
    }
    if hidden.iter().any(|h| h.category != Category::Cookie) {
        hidden.extend(classify::backdrops(&index, &hidden));
    }
    let fixes = fixes::page_fixes(&index, &hidden, context);
    OverlayScan { hidden, fixes }
}
