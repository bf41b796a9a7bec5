//! Judging one element: gate, vetoes, intent and shape scores, verdict.

use super::geometry::{self, Placement};
use super::index::PageIndex;
use super::intent::{self, TextEvidence};
use super::markup::{self, MarkupEvidence};
use super::vetoes::{self, Veto};
use super::{Category, HiddenOverlay, ScanContext};
use crate::snapshot::{Node, NodeId, Snapshot};

/// Excerpt length shown in the popup.
const EXCERPT_CHARS: usize = 120;
/// Intent an element needs (category evidence plus a sign that it interrupts: see
/// `corroboration`).
const MIN_INTENT: f32 = 2.5;
/// Words outside its controls an element needs for its call to action to count.
const MIN_PROSE_WORDS: usize = 3;
/// Intent needed when markup alone vouches for the overlay (no layout).
const MIN_INTENT_MARKUP: f32 = 2.0;
/// Weight of one category word in the element's own id/class.
const MARKUP_VOTE: f32 = 2.0;
/// Weight of the first phrase of a category in the text, and of each further one.
const FIRST_PHRASE_VOTE: f32 = 1.5;
const MORE_PHRASE_VOTE: f32 = 0.5;
/// Element children a wrapper may have and still be "just a wrapper".
const MAX_WRAPPER_CHILDREN: usize = 4;

/// How the classifier is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Would the page layer hide this now? Needs it visible, floating (when layout is known)
    /// and asking for something.
    Hide,
    /// Is this an overlay at all, shown or not? For static HTML, where overlays are mounted
    /// hidden (`display:none`, `<template>`) until a script opens them.
    Recognise,
}

/// The classifier's decision about one element.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    pub category: Category,
    /// Short descriptions of the signals that fired.
    pub signals: Vec<String>,
    /// Category evidence plus corroboration (≥ 2 when chosen).
    pub intent: f32,
    /// Up to 120 characters of the element's text.
    pub excerpt: String,
}

/// Would `node` be hidden now? Builds the page index: for one-off checks and tests.
pub fn classify(snapshot: &Snapshot, node: NodeId, context: &ScanContext) -> Option<Verdict> {
    judge(
        &super::index::PageIndex::new(snapshot, context),
        node,
        context,
        Mode::Hide,
    )
}

/// Why `node` is or is not an overlay in `mode`; builds the page index. For evaluation.
pub fn explain(
    snapshot: &Snapshot,
    node: NodeId,
    context: &ScanContext,
    mode: Mode,
) -> Result<Verdict, String> {
    judge_explained(
        &super::index::PageIndex::new(snapshot, context),
        node,
        context,
        mode,
    )
    .map_err(|rejection| rejection.to_string())
}

/// Why an element is not an overlay. Judging rejects most elements of every page, so the
/// reason stays a value until evaluation output asks for its text (`Display`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Rejection<'a> {
    NoSuchNode,
    NotVisibleElement,
    DoesNotFloat,
    NoOverlayMarkup,
    Vetoed(Veto<'a>),
    BudgetSpent,
    AsksForNothing,
    TooWeak(f32),
}

impl std::fmt::Display for Rejection<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Rejection::NoSuchNode => f.write_str("no such node"),
            Rejection::NotVisibleElement => f.write_str("not a visible element"),
            Rejection::DoesNotFloat => f.write_str("does not float"),
            Rejection::NoOverlayMarkup => f.write_str("no overlay markup"),
            Rejection::Vetoed(veto) => write!(f, "veto: {veto}"),
            Rejection::BudgetSpent => f.write_str("reading budget spent"),
            Rejection::AsksForNothing => f.write_str("asks for nothing"),
            Rejection::TooWeak(intent) => write!(f, "too weak (intent {intent:.1})"),
        }
    }
}

/// Is `node` an overlay, even if hidden right now? Builds the page index.
pub fn recognise(snapshot: &Snapshot, node: NodeId, context: &ScanContext) -> Option<Verdict> {
    judge(
        &super::index::PageIndex::new(snapshot, context),
        node,
        context,
        Mode::Recognise,
    )
}

/// Judges one element against a prebuilt index.
pub(super) fn judge(
    index: &PageIndex,
    id: NodeId,
    context: &ScanContext,
    mode: Mode,
) -> Option<Verdict> {
    judge_explained(index, id, context, mode).ok()
}

/// Judges one element; `Err` says why it is not an overlay (for evaluation output).
pub(super) fn judge_explained<'a>(
    index: &PageIndex<'a>,
    id: NodeId,
    context: &ScanContext,
    mode: Mode,
) -> Result<Verdict, Rejection<'a>> {
    let snapshot = index.snapshot;
    let node = snapshot.node(id).ok_or(Rejection::NoSuchNode)?;
    if !node.is_element() || (mode == Mode::Hide && !node.visible) {
        return Err(Rejection::NotVisibleElement);
    }
    let with_layout = geometry::has_layout(node, snapshot.viewport);
    let placement = geometry::placement(node, snapshot.viewport);
    if with_layout && placement.is_none() {
        return Err(Rejection::DoesNotFloat);
    }
    let markup = markup::evidence_of(node, index.own_markup(id), index.own_markers(id));
    // Cheap gate: with layout only floating elements qualify (inline boxes in the
    // article's flow are left alone); without layout only overlay-looking markup.
    let gated_in = if with_layout {
        placement.is_some()
    } else {
        !markup.categories.is_empty()
            || markup.shape.is_some()
            || markup.vendor.is_some()
            || markup.dialog_role
            || markup.aria_modal
    };
    if !gated_in {
        return Err(Rejection::NoOverlayMarkup);
    }
    let size = match mode {
        Mode::Hide => index.text_chars_of(id),
        Mode::Recognise => index.all_text_chars_of(id),
    };
    if let Some(veto) = vetoes::structural_veto(index, id, size, context) {
        return Err(Rejection::Vetoed(veto));
    }
    let text = intent::read_subtree(index, id, mode == Mode::Recognise);
    if !text.complete {
        return Err(Rejection::BudgetSpent);
    }
    if let Some(veto) = vetoes::content_veto(&text, &markup, &index.article_probes) {
        return Err(Rejection::Vetoed(veto));
    }
    let (category, vote, mut signals) =
        best_category(&markup, &text).ok_or(Rejection::AsksForNothing)?;
    // Category evidence alone is a topic; an interruption also shows it is one: a way out
    // (a dismiss control), a way in (a button that is itself the ask), or a wall (it holds
    // the page: scroll locked, modal, covering the screen). Paywalls and adblock walls
    // deliberately offer no way out, so the dismiss control cannot be the only proof.
    // One point whichever fires (they are alternatives, not independent evidence).
    let corroboration = corroboration(index, node, placement, &markup, &text, mode);
    let intent = vote + if corroboration.is_empty() { 0.0 } else { 1.0 };
    signals.extend(corroboration);
    let accepted = if with_layout {
        accept_with_layout(placement, intent, &mut signals)
    } else {
        accept_from_markup(&markup, &text, intent, mode, &mut signals)
    };
    if !accepted {
        return Err(Rejection::TooWeak(intent));
    }
    Ok(Verdict {
        category,
        signals,
        intent,
        excerpt: excerpt_of(snapshot, index, id),
    })
}

/// What shows that the element interrupts the reader (see `judge_explained`).
fn corroboration(
    index: &PageIndex,
    node: &Node,
    placement: Option<Placement>,
    markup: &MarkupEvidence,
    text: &TextEvidence,
    mode: Mode,
) -> Vec<String> {
    let mut found = Vec::new();
    if let Some(label) = &text.dismiss {
        found.push(format!("dismiss: {label}"));
    }
    // The ask of a button counts when the element also speaks to the reader; a site bar of
    // links with a "Donate" or "Sign up" button is navigation.
    if let Some(label) = text
        .call_to_action
        .as_ref()
        .filter(|_| text.prose_words >= MIN_PROSE_WORDS)
    {
        found.push(format!("call to action: {label}"));
    }
    // A wall is only seen in the live page: it floats over the page it holds (saved HTML
    // has neither layout nor the page's scroll state).
    let Some(placement) = placement.filter(|_| mode == Mode::Hide) else {
        return found;
    };
    if placement.shape == geometry::Shape::CoversViewport {
        found.push("wall: covers viewport".into());
    } else if markup.aria_modal || node.layout.as_ref().is_some_and(|l| l.top_layer) {
        found.push("wall: modal".into());
    } else if let Some(lock) = index.scroll_lock {
        found.push(format!("wall: page {lock}"));
    }
    found
}

/// Layout known: the element floats, and it asks for something.
fn accept_with_layout(
    placement: Option<Placement>,
    intent: f32,
    signals: &mut Vec<String>,
) -> bool {
    let Some(placement) = placement else {
        return false;
    };
    signals.push(placement.anchor.to_string());
    signals.push(placement.shape_label().to_string());
    intent >= MIN_INTENT
}

/// No layout: the markup must vouch for an overlay on its own.
fn accept_from_markup(
    markup: &MarkupEvidence,
    text: &TextEvidence,
    intent: f32,
    mode: Mode,
    signals: &mut Vec<String>,
) -> bool {
    if let Some(vendor) = markup.vendor {
        signals.push(format!("vendor: {vendor}"));
    }
    if let Some(shape) = markup.shape {
        signals.push(format!("markup: {shape}"));
    }
    if markup.dialog_role {
        signals.push("role=dialog".into());
    }
    if markup.aria_modal {
        signals.push("aria-modal".into());
    }
    let text_asks = !text.phrases.is_empty();
    let dialog_asks = (markup.dialog_role || markup.aria_modal) && text_asks;
    let strong = markup.is_strong() || dialog_asks;
    if strong && intent >= MIN_INTENT_MARKUP {
        return true;
    }
    // Recognising mounted-but-hidden overlays: a category word on the element is enough
    // when its text (if any) agrees that it asks for something.
    let text_agrees = text.text.is_empty() || text_asks;
    mode == Mode::Recognise
        && !markup.categories.is_empty()
        && text_agrees
        && intent >= MIN_INTENT_MARKUP
}

/// Sums the votes per category; returns the winner, its vote and the signals behind it.
fn best_category(
    markup: &MarkupEvidence,
    text: &TextEvidence,
) -> Option<(Category, f32, Vec<String>)> {
    // Ties go to the earlier entry: cookie notices lose to anything else they mention.
    const ORDER: [Category; 6] = [
        Category::ExitIntent,
        Category::Adblock,
        Category::Paywall,
        Category::Donation,
        Category::Newsletter,
        Category::Cookie,
    ];
    let mut best: Option<(Category, f32, Vec<String>)> = None;
    for category in ORDER {
        let (vote, signals) = vote_for(category, markup, text);
        if vote > 0.0 && best.as_ref().is_none_or(|(_, v, _)| vote > *v) {
            best = Some((category, vote, signals));
        }
    }
    // An exit-intent popup asks for a sign-up or a donation, but the trigger is its kind.
    let (exit_vote, mut exit_signals) = vote_for(Category::ExitIntent, markup, text);
    if exit_vote > 0.0 {
        if let Some((_, vote, signals)) = best {
            exit_signals.extend(signals);
            return Some((Category::ExitIntent, vote.max(exit_vote), exit_signals));
        }
    }
    best
}

fn vote_for(
    category: Category,
    markup: &MarkupEvidence,
    text: &TextEvidence,
) -> (f32, Vec<String>) {
    let mut vote = 0.0;
    let mut signals = Vec::new();
    if let Some((_, marker)) = markup.categories.iter().find(|(c, _)| *c == category) {
        vote += MARKUP_VOTE;
        signals.push(format!("class: {marker}"));
    }
    if let Some((_, phrases)) = text.phrases.iter().find(|(c, _)| *c == category) {
        vote += FIRST_PHRASE_VOTE + MORE_PHRASE_VOTE * (phrases.len().saturating_sub(1)) as f32;
        signals.extend(phrases.iter().map(|p| format!("text: {p}")));
    }
    if let Some((_, label)) = text.link_categories.iter().find(|(c, _)| *c == category) {
        vote += 1.0;
        signals.push((*label).to_string());
    }
    if let Some((_, marker)) = text.inner_markers.iter().find(|(c, _)| *c == category) {
        vote += 1.0;
        signals.push(format!("inner: {marker}"));
    }
    if category == Category::Newsletter && text.email_input && !text.password_input {
        vote += 1.5;
        signals.push("email field".into());
    }
    if category == Category::Donation && text.amount_choices >= 2 {
        vote += 2.0;
        signals.push(format!("{} amount choices", text.amount_choices));
    }
    (vote, signals)
}

fn excerpt_of(snapshot: &Snapshot, index: &PageIndex, id: NodeId) -> String {
    let nodes = &snapshot.nodes;
    let end = index.end_of(id).min(nodes.len());
    let mut words: Vec<&str> = Vec::new();
    let mut length = 0;
    for node in nodes.get(id as usize..end).unwrap_or(&[]) {
        if !node.is_text() {
            continue;
        }
        for word in node.text.split_whitespace() {
            length += word.chars().count() + 1;
            words.push(word);
            if length > EXCERPT_CHARS {
                break;
            }
        }
        if length > EXCERPT_CHARS {
            break;
        }
    }
    words.join(" ").chars().take(EXCERPT_CHARS).collect()
}

/// The outermost element to hide for the overlay at `id`: climbs through wrappers that add
/// no text of their own (typically the container holding the modal and its backdrop), but
/// never to an element that is vetoed or holds an overlay already chosen.
pub(super) fn outermost_wrapper(
    index: &PageIndex,
    id: NodeId,
    context: &ScanContext,
    previous: Option<NodeId>,
) -> NodeId {
    let snapshot = index.snapshot;
    let own_text = index.text_chars_of(id);
    let mut top = id;
    // Parents precede children in a valid snapshot; requiring it here also keeps a
    // malformed one (a parent cycle) from looping forever.
    while let Some(parent) = snapshot
        .node(top)
        .and_then(|n| n.parent)
        .filter(|&p| p < top)
    {
        let adds_text = index.text_chars_of(parent) > own_text;
        let holds_previous = previous.is_some_and(|p| index.contains(parent, p));
        let size = index.text_chars_of(parent);
        if adds_text
            || holds_previous
            || vetoes::structural_veto(index, parent, size, context).is_some()
            || !looks_like_wrapper(index, parent)
        {
            break;
        }
        top = parent;
    }
    top
}

/// A wrapper floats, has overlay markup, or is a small container.
fn looks_like_wrapper(index: &PageIndex, id: NodeId) -> bool {
    let snapshot = index.snapshot;
    let Some(node) = snapshot.node(id) else {
        return false;
    };
    if geometry::placement(node, snapshot.viewport).is_some() {
        return true;
    }
    let markup = markup::evidence_of(node, index.own_markup(id), index.own_markers(id));
    if markup.shape.is_some() || markup.vendor.is_some() {
        return true;
    }
    let end = index.end_of(id).min(snapshot.nodes.len());
    let children = snapshot
        .nodes
        .get(id as usize + 1..end)
        .unwrap_or(&[])
        .iter()
        .filter(|n| n.is_element() && n.parent == Some(id))
        .take(MAX_WRAPPER_CHILDREN + 1)
        .count();
    children <= MAX_WRAPPER_CHILDREN && !geometry::has_layout(node, snapshot.viewport)
}

/// Backdrops of the overlays found: near-empty tinted elements covering the viewport (with
/// layout), or visible empty `…backdrop` elements (without), outside what is hidden already.
pub(super) fn backdrops(index: &PageIndex, hidden: &[HiddenOverlay]) -> Vec<HiddenOverlay> {
    let Some(first) = hidden.iter().find(|h| h.category != Category::Cookie) else {
        return Vec::new();
    };
    let snapshot = index.snapshot;
    let mut found = Vec::new();
    let mut cursor = 0usize;
    while cursor < snapshot.nodes.len() {
        let id = cursor as NodeId;
        if hidden.iter().any(|h| index.contains(h.node, id)) {
            cursor = index.end_of(id).max(cursor + 1);
            continue;
        }
        if is_backdrop_here(index, id) && !hidden.iter().any(|h| index.contains(id, h.node)) {
            found.push(HiddenOverlay {
                node: id,
                category: first.category,
                signals: vec!["backdrop".into()],
                excerpt: String::new(),
            });
            cursor = index.end_of(id).max(cursor + 1);
            continue;
        }
        cursor += 1;
    }
    found
}

fn is_backdrop_here(index: &PageIndex, id: NodeId) -> bool {
    let snapshot = index.snapshot;
    let Some(node) = snapshot.node(id) else {
        return false;
    };
    if !node.is_element() || !node.visible || index.zone_of(id) != markup::Zone::None {
        return false;
    }
    let text_chars = index.text_chars_of(id);
    if geometry::has_layout(node, snapshot.viewport) {
        return geometry::is_backdrop(node, snapshot.viewport, text_chars);
    }
    let own = index.own_markup(id);
    text_chars == 0 && (own.contains("backdrop") || own.contains("scrim"))
}
