//! Finding the article in a page: its content nodes, plain text and metadata.
//!
//! Owner: extraction. The first version takes every visible text block under `<body>`;
//! the scoring extractor replaces it.

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

use crate::snapshot::{NodeId, Snapshot};
use crate::textmap::TextMap;
use serde::{Deserialize, Serialize};

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

/// Builds the text and map of `root`'s subtree: visible text, a paragraph per block.
pub fn text_of_subtree(snapshot: &Snapshot, root: NodeId) -> TextMap {
    let mut map = TextMap::new();
    let end = snapshot.subtree_end(root) as usize;
    let mut skip_until: Option<usize> = None;
    for index in root as usize..end {
        if skip_until.is_some_and(|until| index < until) {
            continue;
        }
        let node = &snapshot.nodes[index];
        if node.is_element() {
            if !node.visible || is_non_content_tag(&node.tag) {
                skip_until = Some(snapshot.subtree_end(index as NodeId) as usize);
                continue;
            }
            if is_block_tag(&node.tag) {
                map.end_block();
            }
        } else if node.visible {
            map.push_node_text(index as NodeId, &node.text);
        }
    }
    map.finish()
}

/// Finds the article. Returns `None` when the page has no article text.
pub fn extract(snapshot: &Snapshot) -> Option<Article> {
    let body = snapshot.nodes.iter().position(|n| n.tag == "body")? as NodeId;
    let map = text_of_subtree(snapshot, body);
    let text = map.text().to_string();
    let word_count = text.split_whitespace().count();
    if word_count == 0 {
        return None;
    }
    Some(Article {
        title: snapshot.title.trim().to_string(),
        lang: snapshot.lang.clone().unwrap_or_default(),
        text,
        word_count,
        reading_minutes: word_count.div_ceil(READING_WPM),
        root: Some(body),
        map,
        ..Article::default()
    })
}
