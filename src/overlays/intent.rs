//! Intent: what an element's text, controls and links ask of the reader, in English,
//! Russian, German, French, Spanish and Portuguese (phrases in `lexicon.rs`).

use super::index::PageIndex;
use super::lexicon;
use super::Category;
use crate::snapshot::NodeId;
use crate::text::PhraseIndex;
use std::sync::OnceLock;

/// At most this much text of a candidate is read: overlays say what they want early, and
/// the cap keeps nested candidates on a big page linear.
const MAX_TEXT_CHARS: usize = 2500;
/// At most this many nodes of a candidate's subtree are walked.
const MAX_WALK_NODES: usize = 600;
/// Control labels longer than this are prose, not a button.
const MAX_CONTROL_CHARS: usize = 30;
/// Distinct phrases kept per category.
const MAX_PHRASES: usize = 3;

/// Lowercases and straightens apostrophes, so one pattern covers "you’ve" and "you've".
pub fn normalise(text: &str) -> String {
    text.to_lowercase().replace(['’', '‘'], "'")
}

/// What a candidate's subtree says and offers.
#[derive(Debug, Default, Clone)]
pub struct TextEvidence {
    /// Lowercased text (capped), for vetoes that compare with the article.
    pub text: String,
    /// Per category: the distinct phrases that matched (at most 3 kept).
    pub phrases: Vec<(Category, Vec<String>)>,
    /// The label of a dismiss control ("×", "No thanks"), if any.
    pub dismiss: Option<String>,
    /// The label of a control that is itself an ask ("Donate", "Chip in", "Subscribe now"),
    /// if any: overlays push a way in as often as they offer a way out.
    pub call_to_action: Option<String>,
    /// Words of text outside buttons and links: what the element tells the reader beyond
    /// its controls (a site bar of links and a "Sign up" button says nothing).
    pub prose_words: usize,
    /// Donation amount/frequency choices ("$5", "Monthly").
    pub amount_choices: usize,
    pub email_input: bool,
    pub password_input: bool,
    pub search_input: bool,
    /// A free-text box: contact, feedback and comment forms, not sign-ups.
    pub textarea: bool,
    /// Links (`<a href>`) in the subtree.
    pub links: usize,
    /// Categories that links (href) or iframes (src) point to.
    pub link_categories: Vec<(Category, &'static str)>,
    /// Descendants carrying a category marker of a form/popup tool (mc4wp, klaviyo…).
    pub inner_markers: Vec<(Category, &'static str)>,
    /// The subtree holds a `<video>`/`<audio>` element.
    pub media: bool,
    /// The subtree holds site navigation (a `<nav>`). The page layer does not send what is
    /// inside a menu (its links and labels, 14% of a news page's nodes), so a `<nav>` stands for
    /// the link list it holds.
    pub navigation: bool,
    /// False when the scan's reading budget ran out before this subtree was read.
    pub complete: bool,
}

impl TextEvidence {
    pub fn phrase_count(&self, category: Category) -> usize {
        self.phrases
            .iter()
            .find(|(c, _)| *c == category)
            .map_or(0, |(_, p)| p.len())
    }
}

/// Reads a candidate's subtree: text (visible only unless `include_hidden`), controls, links.
pub fn read_subtree(index: &PageIndex, root: NodeId, include_hidden: bool) -> TextEvidence {
    let mut evidence = TextEvidence::default();
    let nodes = &index.snapshot.nodes;
    let end = index.end_of(root).min(nodes.len());
    let start = (root as usize).min(end);
    let mut raw = String::new();
    let granted = index.take_read_budget((end - start).min(MAX_WALK_NODES));
    evidence.complete = granted == (end - start).min(MAX_WALK_NODES);
    for (offset, node) in nodes
        .get(start..end)
        .unwrap_or(&[])
        .iter()
        .enumerate()
        .take(granted)
    {
        if !node.visible && !include_hidden {
            continue;
        }
        if node.is_text() {
            if raw.len() < MAX_TEXT_CHARS * 2 {
                raw.push_str(&node.text);
                raw.push(' ');
            }
            let position = start + offset;
            note_control_label(&mut evidence, index, position, node.text.trim());
            if !in_control(index, position) {
                evidence.prose_words += node
                    .text
                    .split_whitespace()
                    .filter(|word| word.chars().any(char::is_alphanumeric))
                    .count();
            }
            continue;
        }
        if offset > 0 {
            let own = index.own_markup((start + offset) as NodeId);
            note_inner_element(&mut evidence, node, own);
        }
    }
    let mut text = normalise(&crate::snapshot::collapse_whitespace(&raw));
    if let Some((cut, _)) = text.char_indices().nth(MAX_TEXT_CHARS) {
        text.truncate(cut);
    }
    evidence.phrases = lexicon::lexicon().phrases_in(&text, MAX_PHRASES);
    evidence.text = text;
    evidence
}

/// Memo codes of `PageIndex::control_memo`.
const LABEL_OTHER: u8 = 1;
const LABEL_DISMISS: u8 = 2;
const LABEL_AMOUNT: u8 = 3;
const LABEL_ASK: u8 = 4;

fn note_control_label(
    evidence: &mut TextEvidence,
    index: &PageIndex,
    position: usize,
    label: &str,
) {
    let Some(memo) = index.control_memo.get(position) else {
        return;
    };
    if memo.get() == 0 {
        memo.set(classify_label(label, in_control(index, position)));
    }
    match memo.get() {
        LABEL_DISMISS if evidence.dismiss.is_none() => evidence.dismiss = Some(normalise(label)),
        LABEL_AMOUNT => evidence.amount_choices += 1,
        LABEL_ASK if evidence.call_to_action.is_none() => {
            evidence.call_to_action = Some(normalise(label));
        }
        _ => {}
    }
}

/// The text node at `position` is the label of a button or link: its parent or
/// grandparent is one (`<button><span>Donate</span></button>`).
fn in_control(index: &PageIndex, position: usize) -> bool {
    let snapshot = index.snapshot;
    let parent = snapshot.nodes.get(position).and_then(|text| text.parent);
    let grandparent = parent.and_then(|p| snapshot.node(p)).and_then(|n| n.parent);
    [parent, grandparent]
        .into_iter()
        .flatten()
        .filter_map(|id| snapshot.node(id))
        .any(|element| {
            matches!(&*element.tag, "button" | "a" | "summary")
                || element.attr("role") == Some("button")
        })
}

fn classify_label(label: &str, in_control: bool) -> u8 {
    if label.is_empty() || label.chars().count() > MAX_CONTROL_CHARS {
        return LABEL_OTHER;
    }
    let label = normalise(label);
    if lexicon::is_dismiss_label(&label) {
        LABEL_DISMISS
    } else if lexicon::is_amount_label(&label) {
        LABEL_AMOUNT
    } else if in_control && !lexicon::lexicon().phrases_in(&label, 1).is_empty() {
        // A whole button label that asks ("Donate", "Chip in", "Subscribe now"); a phrase
        // in running text is not a control.
        LABEL_ASK
    } else {
        LABEL_OTHER
    }
}

/// `own` is the element's lowercased id and classes (`PageIndex::own_markup`).
fn note_inner_element(evidence: &mut TextEvidence, node: &crate::snapshot::Node, own: &str) {
    match &*node.tag {
        "input" => note_input(evidence, node),
        "video" | "audio" => evidence.media = true,
        "nav" => evidence.navigation = true,
        "textarea" => evidence.textarea = true,
        "a" => {
            evidence.links += usize::from(node.has_attr("href"));
            if let Some(category) = node.attr("href").and_then(link_category) {
                push_once(&mut evidence.link_categories, category, "link");
            }
        }
        "iframe" => {
            if let Some(category) = node.attr("src").and_then(frame_category) {
                push_once(&mut evidence.link_categories, category, "offer iframe");
            }
        }
        _ => {}
    }
    // Icon-only close buttons carry their meaning in aria-label.
    if let Some(label) = node.attr("aria-label").map(|l| normalise(l.trim())) {
        if evidence.dismiss.is_none() && lexicon::is_dismiss_label(&label) {
            evidence.dismiss = Some(label);
        }
    }
    if own.is_empty() {
        return;
    }
    // One pass over the markup for the whole list; the markers found are then noted in
    // the list's order.
    static INDEX: OnceLock<PhraseIndex> = OnceLock::new();
    let index = INDEX.get_or_init(|| PhraseIndex::new(INNER_TOOL_MARKERS.iter().map(|(m, _)| *m)));
    let mut found = [false; INNER_TOOL_MARKERS.len()];
    index.scan(own, |_, _, entry| {
        if let Some(seen) = found.get_mut(entry) {
            *seen = true;
        }
        true
    });
    for (&(marker, category), _) in INNER_TOOL_MARKERS.iter().zip(found).filter(|(_, f)| *f) {
        push_once(&mut evidence.inner_markers, category, marker);
    }
}

/// Markers that mean the same inside an overlay as on it: sign-up form tools.
const INNER_TOOL_MARKERS: &[(&str, Category)] = &[
    ("mc4wp", Category::Newsletter),
    ("mc-embedded", Category::Newsletter),
    ("mc_embed", Category::Newsletter),
    ("klaviyo", Category::Newsletter),
    ("newsletter", Category::Newsletter),
    ("email-signup", Category::Newsletter),
    ("subscription-widget", Category::Newsletter),
    ("donat", Category::Donation),
    ("paywall", Category::Paywall),
    ("adblock", Category::Adblock),
    ("consent", Category::Cookie),
    ("onetrust", Category::Cookie),
    ("didomi", Category::Cookie),
];

fn note_input(evidence: &mut TextEvidence, node: &crate::snapshot::Node) {
    let kind = node.attr("type").unwrap_or("text").to_ascii_lowercase();
    let hints = format!(
        "{} {} {} {}",
        node.attr("name").unwrap_or(""),
        node.attr("placeholder").unwrap_or(""),
        node.attr("autocomplete").unwrap_or(""),
        node.id_attr()
    )
    .to_lowercase();
    match kind.as_str() {
        "password" => evidence.password_input = true,
        "search" => evidence.search_input = true,
        "email" => evidence.email_input = true,
        _ if hints.contains("mail") || hints.contains("почт") => evidence.email_input = true,
        _ if hints.contains("search") || hints.contains("query") => evidence.search_input = true,
        _ => {}
    }
}

fn push_once(list: &mut Vec<(Category, &'static str)>, category: Category, label: &'static str) {
    if !list.iter().any(|(c, _)| *c == category) {
        list.push((category, label));
    }
}

/// The category a link's target names (donate, subscribe, checkout pages).
fn link_category(href: &str) -> Option<Category> {
    let href = href.to_ascii_lowercase();
    const DONATION_PATHS: &[&str] = &[
        "donat",
        "/support",
        "contribut",
        "/membership",
        "/give",
        "/spende",
        "/don/",
    ];
    const PAYWALL_PATHS: &[&str] = &[
        "/subscri", "checkout", "/offer", "/abo", "/assin", "/suscri",
    ];
    const NEWSLETTER_PATHS: &[&str] = &["newsletter", "/signup", "list-manage.com"];
    if DONATION_PATHS.iter().any(|p| href.contains(p)) {
        Some(Category::Donation)
    } else if PAYWALL_PATHS.iter().any(|p| href.contains(p)) {
        Some(Category::Paywall)
    } else if NEWSLETTER_PATHS.iter().any(|p| href.contains(p)) {
        Some(Category::Newsletter)
    } else {
        None
    }
}

/// The category an iframe's source names (offer/checkout endpoints of paywall vendors).
fn frame_category(src: &str) -> Option<Category> {
    let src = src.to_ascii_lowercase();
    const PAYWALL_FRAMES: &[&str] = &[
        "offer", "checkout", "tinypass", "piano.io", "poool", "zephr", "paywall",
    ];
    if PAYWALL_FRAMES.iter().any(|p| src.contains(p)) {
        Some(Category::Paywall)
    } else if src.contains("newsletter") || src.contains("list-manage.com") {
        Some(Category::Newsletter)
    } else if src.contains("donat") {
        Some(Category::Donation)
    } else {
        None
    }
}
