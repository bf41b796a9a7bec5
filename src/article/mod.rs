//! Finding the article in a page: its content nodes, plain text and metadata.
//!
//! ```text
//!   tree.rs      facts per node, in linear passes (hidden, text length, link text, commas)
//!   scoring.rs   paragraphs vote for ancestors → best container + siblings (Reader View)
//!   cleaning.rs  inside it, drop nav, share bars, sign-up boxes, link lists, forms
//!   metadata.rs  title, byline, date, language, site (JSON-LD → meta → DOM)
//! ```
//! Text comes from the DOM only (never from JSON-LD `articleBody`), through a [`TextMap`],
//! so every character can be traced back to its text node for the page layer.

mod byline;
mod cleaning;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod metadata;
mod scoring;
mod signals;
mod tree;

use crate::snapshot::{NodeId, Snapshot};
use crate::textmap::TextMap;
use serde::{Deserialize, Serialize};
use tree::PageTree;

/// Below this many words a page is not an article, unless its JSON-LD declares one:
/// home pages, lists and error pages have short teasers, not prose.
pub const MIN_ARTICLE_WORDS: usize = 140;

/// A short text inside `<article>` / h-entry / schema.org Article markup still needs this
/// many words: a home page's best block can be a one-line teaser in its own `<article>`.
const MIN_MARKED_UP_WORDS: usize = 50;

/// When the strict pass (unlikely blocks stripped) finds less text than this, a relaxed
/// pass runs: some sites put the story inside a container named like a sidebar.
const RETRY_BELOW_CHARS: usize = 500;

/// Words per minute used for the reading time.
pub const READING_WPM: usize = 230;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Article {
    pub title: String,
    pub byline: Option<String>,
    /// ISO 8601 date or date-time, as published by the page.
    pub published: Option<String>,
    /// ISO 639-1 code ("en", "ru", …).
    pub lang: String,
    /// The site's name ("The Moscow Times"), or the host.
    pub site: Option<String>,
    /// Plain text, paragraphs separated by a blank line.
    pub text: String,
    pub word_count: usize,
    pub reading_minutes: usize,
    /// The element that contains the article, when one does.
    pub root: Option<NodeId>,
    /// Where each character of `text` came from, for marking quotes in the page.
    #[serde(skip)]
    pub map: TextMap,
}

/// Block-level tags: their text starts a new paragraph.
pub fn is_block_tag(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "aside"
            | "nav"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "blockquote"
            | "pre"
            | "figure"
            | "figcaption"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "dl"
            | "dt"
            | "dd"
            | "form"
            | "br"
            | "hr"
            | "body"
            | "address"
            | "details"
            | "summary"
    )
}

/// Tags whose text is never article text.
pub fn is_non_content_tag(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "button"
            | "select"
            | "option"
            | "textarea"
            | "iframe"
            | "head"
            | "title"
    )
}

/// Tags that end a paragraph when they start inside a `div` (a `div` without them is
/// scored as a paragraph itself).
pub fn is_paragraph_breaking_tag(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "section"
            | "article"
            | "blockquote"
            | "dl"
            | "img"
            | "ol"
            | "ul"
            | "pre"
            | "table"
            | "figure"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
    )
}

/// Builds the text and map of `root`'s subtree: visible text, a paragraph per block.
pub fn text_of_subtree(snapshot: &Snapshot, root: NodeId) -> TextMap {
    let tree = PageTree::new(snapshot, false);
    let mut map = TextMap::new();
    append_text(&tree, root, &mut map, |tree, id| tree.is_excluded(id));
    map.finish()
}

/// Appends `root`'s subtree to `map`: text nodes in order, a paragraph break around every
/// block element, skipping the subtrees `skip` names (checked on elements and text).
fn append_text(
    tree: &PageTree,
    root: NodeId,
    map: &mut TextMap,
    skip: impl Fn(&PageTree, NodeId) -> bool,
) {
    let nodes = &tree.snapshot.nodes;
    let end = tree.subtree_end(root) as usize;
    // Ends of the block elements we are inside: reaching one closes a paragraph, so text
    // after a block ("<p>a</p>tail") does not stick to it.
    let mut open_blocks: Vec<usize> = Vec::new();
    let mut index = root as usize;
    while index < end {
        while open_blocks
            .last()
            .is_some_and(|&block_end| block_end <= index)
        {
            open_blocks.pop();
            map.end_block();
        }
        let Some(node) = nodes.get(index) else { break };
        let id = index as NodeId;
        if skip(tree, id) {
            index = (tree.subtree_end(id) as usize).max(index + 1);
            continue;
        }
        if node.is_text() {
            map.push_node_text(id, &node.text);
        } else if is_block_tag(&node.tag) {
            map.end_block();
            open_blocks.push(tree.subtree_end(id) as usize);
        }
        index += 1;
    }
    map.end_block();
}

/// The article's text, where it is, and how sure we are it is prose.
struct Content {
    root: NodeId,
    map: TextMap,
}

/// Scores the page and builds the chosen content's text.
fn find_content(tree: &PageTree) -> Option<Content> {
    let selection = scoring::select(tree)?;
    // The parts' text, plus an eighth for the spaces between text nodes and the breaks
    // between paragraphs.
    let chars: usize = selection
        .parts
        .iter()
        .map(|&part| tree.stats(part).text_chars as usize)
        .sum();
    let mut map = TextMap::with_capacity(chars + chars / 8);
    let (top, best) = (selection.top, selection.best);
    for &part in &selection.parts {
        append_text(tree, part, &mut map, |tree, id| {
            let holds_best = tree.contains(id, best);
            id != top && !holds_best && cleaning::is_dropped(tree, id)
        });
    }
    let root = match selection.parts.as_slice() {
        [only] => *only,
        _ => tree.parent(selection.top).unwrap_or(selection.top),
    };
    Some(Content {
        root,
        map: map.finish(),
    })
}

/// The content sits in markup that calls it an article: an `<article>` element, an
/// h-entry, or schema.org Article microdata, on the root or an ancestor.
fn marked_up_as_article(tree: &PageTree, root: NodeId) -> bool {
    let snapshot = tree.snapshot;
    std::iter::once(root)
        .chain(snapshot.ancestors(root))
        .filter_map(|id| snapshot.node(id))
        .any(|node| {
            let itemtype = node.attr("itemtype").unwrap_or("");
            node.tag == "article"
                || itemtype.contains("Article")
                || itemtype.contains("BlogPosting")
                || node.classes().any(|c| c == "hentry" || c == "h-entry")
        })
}

/// Finds the article. Returns `None` when the page has no article: no prose container, or
/// fewer than [`MIN_ARTICLE_WORDS`] words and nothing declaring an article (JSON-LD, meta
/// tags, or article markup around at least [`MIN_MARKED_UP_WORDS`] words).
pub fn extract(snapshot: &Snapshot) -> Option<Article> {
    let strict_tree = PageTree::new(snapshot, true);
    let mut content = find_content(&strict_tree);
    if content
        .as_ref()
        .is_none_or(|c| c.map.len_chars() < RETRY_BELOW_CHARS)
    {
        let relaxed = find_content(&PageTree::new(snapshot, false));
        let longer = |c: &Option<Content>| c.as_ref().map_or(0, |c| c.map.len_chars());
        if longer(&relaxed) > longer(&content) {
            content = relaxed;
        }
    }
    let content = content?;
    let metadata = metadata::read(snapshot, &strict_tree.children, Some(content.root));
    let text = content.map.text().to_string();
    let word_count = text.split_whitespace().count();
    let evidence = metadata.declares_article
        || (word_count >= MIN_MARKED_UP_WORDS && marked_up_as_article(&strict_tree, content.root));
    if word_count == 0 || (word_count < MIN_ARTICLE_WORDS && !evidence) {
        return None;
    }
    // The page's own declaration wins; many pages declare nothing, and then the text decides.
    let lang = if metadata.lang.is_empty() {
        crate::text::detect_language(&text).to_string()
    } else {
        metadata.lang
    };
    Some(Article {
        title: metadata.title,
        byline: metadata.byline,
        published: metadata.published,
        lang,
        site: metadata.site,
        text,
        word_count,
        reading_minutes: word_count.div_ceil(READING_WPM),
        root: Some(content.root),
        map: content.map,
    })
}
