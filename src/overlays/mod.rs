//! Overlays: paywalls, donation appeals, newsletter pop-ups, adblock walls — what to hide
//! and how to give the page back.
//!
//! Owner: overlays.

use crate::article::Article;
use crate::snapshot::{NodeId, Snapshot};
use serde::{Deserialize, Serialize};

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

/// What the overlay scan knows of the article, for its vetoes.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct ScanContext {
    pub headline: String,
    /// The first few hundred characters of the article text.
    pub excerpt: String,
}

impl ScanContext {
    pub fn from_article(article: Option<&Article>) -> ScanContext {
        match article {
            Some(article) => ScanContext {
                headline: article.title.clone(),
                excerpt: article.text.chars().take(400).collect(),
            },
            None => ScanContext::default(),
        }
    }
}

/// Decides which elements of `snapshot` are overlays to hide.
pub fn scan(snapshot: &Snapshot, context: &ScanContext) -> OverlayScan {
    let _ = (snapshot, context);
    OverlayScan::default()
}
