//! Vetoes: what is never hidden, whatever its class or text says. On many sites the class
//! "paywall" marks the ARTICLE, a "Subscribe" link sits in the navigation, and players,
//! chat widgets and galleries open their own dialogs.

use super::index::PageIndex;
use super::intent::{normalise, TextEvidence};
use super::markup::{self, MarkupEvidence, Zone};
use super::{Category, ScanContext};
use crate::snapshot::{collapse_whitespace, NodeId};

/// Share of the page's text above which an element is content, not an overlay.
const MAX_PAGE_TEXT_SHARE: f32 = 0.3;
/// The share rule needs a page with some text to be meaningful.
const MIN_PAGE_TEXT_FOR_SHARE: u32 = 2000;
/// ...and an element long enough to be content: a donation letter of ~1,100 characters on
/// a short page holds a third of its text and is still an overlay (the article is guarded
/// by the headline, excerpt and article-marker vetoes).
const MIN_TEXT_FOR_SHARE: u32 = 1500;
/// Overlays say what they want briefly; longer elements are content.
const MAX_OVERLAY_TEXT: u32 = 6000;
/// Text (characters) above which a content class ("article-body") wins over overlay words.
const CONTENT_CLASS_TEXT: u32 = 400;
/// Links above which an element is a menu or link list (site chrome), unless its markup
/// says overlay outright: sign-up boxes and paywalls carry a few links, menus many.
const MAX_OVERLAY_LINKS: usize = 8;
/// The shortest headline or excerpt worth comparing.
const MIN_COMPARABLE_CHARS: usize = 20;
/// How much of the excerpt must appear for "contains the article text".
const EXCERPT_PROBE_CHARS: usize = 80;

/// Tags that are content or page structure, never an overlay container.
fn is_content_tag(tag: &str) -> bool {
    matches!(
        tag,
        "html"
            | "body"
            | "head"
            | "main"
            | "article"
            | "p"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "nav"
            | "header"
            | "video"
            | "audio"
            | "figure"
            | "img"
            | "picture"
            | "blockquote"
            | "table"
            | "tr"
            | "td"
            | "a"
            | "button"
            | "input"
            | "label"
            | "script"
            | "style"
            | "svg"
    )
}

/// Why an element is never hidden. The scan only asks whether there is one (for every
/// candidate element: no text is formatted there); evaluation output shows it (`Display`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Veto<'a> {
    ContentTag(&'a str),
    Inside(Zone),
    ArticleMarker,
    ContentClass,
    ContainsArticle,
    TooMuchText,
    PageTextShare,
    LoginOrSearchForm,
    ContactForm,
    UserDialog(&'static str),
    LinkList(usize),
    HoldsNavigation,
    MediaPlayer,
    ContainsHeadline,
    ContainsArticleText,
}

impl std::fmt::Display for Veto<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Veto::ContentTag(tag) => write!(f, "content tag <{tag}>"),
            Veto::Inside(zone) => write!(f, "inside {}", zone.label()),
            Veto::ArticleMarker => f.write_str("article body marker"),
            Veto::ContentClass => f.write_str("article content class"),
            Veto::ContainsArticle => f.write_str("contains the article"),
            Veto::TooMuchText => f.write_str("too much text for an overlay"),
            Veto::PageTextShare => f.write_str("holds over 30 % of the page text"),
            Veto::LoginOrSearchForm => f.write_str("login or search form"),
            Veto::ContactForm => f.write_str("contact or feedback form"),
            Veto::UserDialog(word) => write!(f, "user-opened dialog ({word})"),
            Veto::LinkList(links) => write!(f, "{links} links: navigation or link list"),
            Veto::HoldsNavigation => f.write_str("holds site navigation (<nav>)"),
            Veto::MediaPlayer => f.write_str("holds a media player"),
            Veto::ContainsHeadline => f.write_str("contains the headline"),
            Veto::ContainsArticleText => f.write_str("contains the article text"),
        }
    }
}

/// Vetoes that need only the markup and the index (cheap; run before reading text).
pub fn structural_veto<'a>(
    index: &PageIndex<'a>,
    id: NodeId,
    all_text_chars: u32,
    context: &ScanContext,
) -> Option<Veto<'a>> {
    let node = index.snapshot.node(id)?;
    if is_content_tag(&node.tag) {
        return Some(Veto::ContentTag(&node.tag));
    }
    let zone = index.zone_of(id);
    if zone != Zone::None {
        return Some(Veto::Inside(zone));
    }
    if markup::is_article_marker(node) {
        return Some(Veto::ArticleMarker);
    }
    if markup::has_content_class(index.own_markup(id)) && all_text_chars > CONTENT_CLASS_TEXT {
        return Some(Veto::ContentClass);
    }
    if index
        .holds_article_marker
        .get(id as usize)
        .copied()
        .unwrap_or(false)
    {
        return Some(Veto::ContainsArticle);
    }
    if let Some(root) = context.article_root.filter(|_| !index.snapshot.partial) {
        if index.contains(id, root) {
            return Some(Veto::ContainsArticle);
        }
    }
    if all_text_chars > MAX_OVERLAY_TEXT {
        return Some(Veto::TooMuchText);
    }
    let page = index.page_text_chars;
    let own = index.text_chars_of(id);
    let share_applies =
        !index.snapshot.partial && page >= MIN_PAGE_TEXT_FOR_SHARE && own >= MIN_TEXT_FOR_SHARE;
    if share_applies && own as f32 > page as f32 * MAX_PAGE_TEXT_SHARE {
        return Some(Veto::PageTextShare);
    }
    None
}

/// Vetoes that need the element's text and controls.
pub fn content_veto(
    text: &TextEvidence,
    markup: &MarkupEvidence,
    probes: &ArticleProbes,
) -> Option<Veto<'static>> {
    let asks_for_money = text.phrase_count(Category::Paywall) > 0
        || text.phrase_count(Category::Donation) > 0
        || markup.names(Category::Paywall)
        || markup.names(Category::Donation);
    if (text.password_input || text.search_input) && !asks_for_money {
        return Some(Veto::LoginOrSearchForm);
    }
    if text.textarea && !asks_for_money {
        return Some(Veto::ContactForm);
    }
    if let Some(word) = markup.user_dialog.filter(|_| !asks_for_money) {
        return Some(Veto::UserDialog(word));
    }
    if text.links >= MAX_OVERLAY_LINKS && !markup.is_strong() {
        return Some(Veto::LinkList(text.links));
    }
    // Site chrome, as a list of links is: the menu's links themselves are not in the snapshot.
    if text.navigation && !markup.is_strong() {
        return Some(Veto::HoldsNavigation);
    }
    if text.media && markup.categories.is_empty() {
        return Some(Veto::MediaPlayer);
    }
    if let Some(headline) = &probes.headline {
        if text.text.contains(headline.as_str()) {
            return Some(Veto::ContainsHeadline);
        }
    }
    if let Some(excerpt) = &probes.excerpt {
        if text.text.contains(excerpt.as_str()) {
            return Some(Veto::ContainsArticleText);
        }
    }
    None
}

/// The article's headline and opening as [`content_veto`] looks for them in a candidate's
/// text: normalised once per scan, not once per candidate.
pub struct ArticleProbes {
    headline: Option<String>,
    excerpt: Option<String>,
}

impl ArticleProbes {
    pub fn of(context: &ScanContext) -> ArticleProbes {
        let excerpt: String = collapse_whitespace(&context.excerpt)
            .chars()
            .take(EXCERPT_PROBE_CHARS)
            .collect();
        ArticleProbes {
            headline: comparable(&headline_core(&context.headline)),
            excerpt: comparable(&excerpt),
        }
    }
}

/// The headline without a " | Site" or " - Site" suffix, which document titles carry.
fn headline_core(headline: &str) -> String {
    let headline = collapse_whitespace(headline);
    [" | ", " - ", " — ", " – "]
        .iter()
        .filter_map(|sep| headline.split(sep).next())
        .min_by_key(|part| part.len())
        .unwrap_or(&headline)
        .to_string()
}

fn comparable(text: &str) -> Option<String> {
    let text = normalise(text.trim());
    (text.chars().count() >= MIN_COMPARABLE_CHARS).then_some(text)
}
