//! What class names, ids and roles say about an element.
//!
//! Word lists instead of regexes: a handful of substring tests per element is fast and adds
//! nothing to the wasm. Short words ("ad", "nav") are matched as whole tokens because as
//! substrings they hit "head", "canvas", "shadow"…

use crate::snapshot::Node;
use crate::text::PhraseIndex;
use std::borrow::Cow;
use std::sync::OnceLock;

/// Substrings of class/id marking blocks that are not the article (Reader View's list plus
/// the boxes news sites put around and inside articles).
const UNLIKELY_SUBSTRINGS: &[&str] = &[
    "-ad-",
    "ai2html",
    "banner",
    "breadcrumb",
    "combx",
    "comment",
    "community",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "ad-break",
    "agegate",
    "pagination",
    "pager",
    "popup",
    "newsletter",
    "outbrain",
    "taboola",
];

/// Substrings that rescue an unlikely-looking block ("main-header-and-content").
const MAYBE_CANDIDATE_SUBSTRINGS: &[&str] = &[
    "and", "article", "body", "column", "content", "main", "shadow", "paywall",
];

/// Roles that are never the article.
const UNLIKELY_ROLES: &[&str] = &[
    "menu",
    "menubar",
    "complementary",
    "navigation",
    "alert",
    "alertdialog",
    "dialog",
];

/// Tags never stripped as unlikely: the roots, links (often wrap whole teasers, harmless),
/// and the semantic article containers.
pub const UNLIKELY_EXEMPT_TAGS: &[&str] = &["html", "body", "a", "article", "main"];

const POSITIVE_SUBSTRINGS: &[&str] = &[
    "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text",
    "blog", "story",
];

const NEGATIVE_SUBSTRINGS: &[&str] = &[
    "-ad-",
    "hidden",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "footer",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
    "social",
    "newsletter",
    "subscribe",
    "donate",
    "donation",
    "menu",
];

const NEGATIVE_TOKENS: &[&str] = &["ad", "ads", "nav", "hid", "advert", "advertisement"];

/// Classes and ids of boxes that sit inside article bodies but are not the story: share
/// bars, sign-up and donation boxes, "read more" lists, credits. Dropped when cleaning.
const BOILERPLATE_SUBSTRINGS: &[&str] = &[
    "share",
    "social",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "sign-up",
    "donate",
    "donation",
    "promo",
    "related",
    "read-more",
    "readmore",
    "more-stories",
    "recommend",
    "recirc",
    "outbrain",
    "taboola",
    "advert",
    "sponsor",
    "credit",
    "caption",
    "byline",
    "dateline",
    "toolbar",
    "tags",
    "author-bio",
    "inline-ad",
    "print-only",
    "visually-hidden",
    "sr-only",
    "screen-reader",
];

const BOILERPLATE_TOKENS: &[&str] = &["ad", "ads", "nav"];

/// Lowercased class and id, space-separated.
fn class_and_id(node: &Node) -> String {
    let (class, id) = (node.class_attr(), node.id_attr());
    let mut joined = String::with_capacity(class.len() + 1 + id.len());
    joined.push_str(class);
    joined.push(' ');
    joined.push_str(id);
    joined.make_ascii_lowercase();
    joined
}

/// A list of substrings and its index, built on first use: every element's class and id
/// are tested against several lists of 10–35 words, in one pass each (`PhraseIndex`).
struct Substrings {
    list: &'static [&'static str],
    index: OnceLock<PhraseIndex>,
}

impl Substrings {
    const fn new(list: &'static [&'static str]) -> Substrings {
        Substrings {
            list,
            index: OnceLock::new(),
        }
    }

    /// True when any substring of the list occurs in `haystack`.
    fn found_in(&self, haystack: &str) -> bool {
        self.index
            .get_or_init(|| PhraseIndex::new(self.list.iter().copied()))
            .find_first(haystack)
            .is_some()
    }
}

static UNLIKELY: Substrings = Substrings::new(UNLIKELY_SUBSTRINGS);
static MAYBE_CANDIDATE: Substrings = Substrings::new(MAYBE_CANDIDATE_SUBSTRINGS);
static POSITIVE: Substrings = Substrings::new(POSITIVE_SUBSTRINGS);
static NEGATIVE: Substrings = Substrings::new(NEGATIVE_SUBSTRINGS);
static BOILERPLATE: Substrings = Substrings::new(BOILERPLATE_SUBSTRINGS);

fn has_token(haystack: &str, tokens: &[&str]) -> bool {
    haystack
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|token| tokens.contains(&token))
}

/// Comment sections, menus, sidebars…: Reader View drops these before scoring.
pub fn is_unlikely_candidate(node: &Node) -> bool {
    if node
        .attr("role")
        .is_some_and(|role| UNLIKELY_ROLES.contains(&role.trim()))
    {
        return true;
    }
    // No class and no id: nothing to match (and no lowercase copy to make).
    if node.class_attr().is_empty() && node.id_attr().is_empty() {
        return false;
    }
    // The class and the id each on its own rather than joined by a space (`class_and_id`):
    // no substring of either list holds a space, so none could match across the join, and
    // the names need no copy when they are lowercase already (most are): this runs for
    // every element of the page.
    let names = [node.class_attr(), node.id_attr()].map(ascii_lowercase);
    let found = |list: &Substrings| names.iter().any(|name| list.found_in(name));
    found(&UNLIKELY) && !found(&MAYBE_CANDIDATE)
}

/// `name` lower-cased (ASCII, as `class_and_id` does), borrowed when it already is.
pub fn ascii_lowercase(name: &str) -> Cow<'_, str> {
    if name.bytes().any(|byte| byte.is_ascii_uppercase()) {
        Cow::Owned(name.to_ascii_lowercase())
    } else {
        Cow::Borrowed(name)
    }
}

/// +25 for an article-like class and for an article-like id, -25 for boilerplate-like ones.
pub fn class_weight(node: &Node) -> f32 {
    let mut weight = 0.0;
    for name in [node.class_attr(), node.id_attr()] {
        if name.is_empty() {
            continue;
        }
        // Copied only when it has capitals (most names are lower-case already).
        let name = ascii_lowercase(name);
        if NEGATIVE.found_in(&name) || has_token(&name, NEGATIVE_TOKENS) {
            weight -= 25.0;
        }
        if POSITIVE.found_in(&name) {
            weight += 25.0;
        }
    }
    weight
}

/// A box inside the article that is not the story (share bar, newsletter sign-up, credits).
pub fn is_boilerplate_box(node: &Node) -> bool {
    if node.class_attr().is_empty() && node.id_attr().is_empty() {
        return false;
    }
    let names = class_and_id(node);
    if names.trim().is_empty() {
        return false;
    }
    (BOILERPLATE.found_in(&names) || has_token(&names, BOILERPLATE_TOKENS))
        && !names.contains("paywall")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_class(class: &str) -> Node<'_> {
        let mut node = Node {
            tag: "div".into(),
            visible: true,
            ..Node::default()
        };
        node.attrs.insert("class", class);
        node
    }

    #[test]
    fn weighs_classes() {
        assert!(class_weight(&with_class("article-body")) > 0.0);
        assert!(class_weight(&with_class("comment-list")) < 0.0);
        assert!(class_weight(&with_class("top ad slot")) < 0.0);
        assert_eq!(class_weight(&with_class("head canvas")), 0.0);
        assert_eq!(class_weight(&with_class("paywall")), 0.0);
    }

    #[test]
    fn recognises_unlikely_and_boilerplate() {
        assert!(is_unlikely_candidate(&with_class("site-sidebar")));
        assert!(is_unlikely_candidate(&with_class("Site-SideBar")));
        // Class and id are searched apart: no substring may span the space between them.
        let lists = UNLIKELY_SUBSTRINGS.iter().chain(MAYBE_CANDIDATE_SUBSTRINGS);
        assert!(lists.into_iter().all(|substring| !substring.contains(' ')));
        assert!(!is_unlikely_candidate(&with_class("sidebar-and-content")));
        assert!(is_boilerplate_box(&with_class("share-tools")));
        assert!(is_boilerplate_box(&with_class("newsletter-signup")));
        assert!(!is_boilerplate_box(&with_class("story-text paywall")));
        assert!(!is_boilerplate_box(&with_class("")));
    }

    #[test]
    fn substrings_are_found_anywhere_and_only_whole() {
        const LIST: &[&str] = &["sidebar", "-ad-"];
        let list = Substrings::new(LIST);
        assert!(list.found_in("site-sidebar"));
        assert!(list.found_in("a-ad-b"));
        assert!(!list.found_in("sideba"));
        assert!(!list.found_in(""));
        assert!(!list.found_in("side bar"));
    }
}
