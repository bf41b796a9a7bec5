//! Native HTML → [`Snapshot`], for the CLI, the evaluation commands and native tests.
//!
//! There is no layout here, so visibility comes from what the markup says (`hidden`,
//! inline `display:none` / `visibility:hidden`, `<template>`) and `layout` stays `None`.
//! The page layer fills the same structure from the live DOM.

use crate::snapshot::{Attrs, MetaTag, Node, NodeId, NodeKind, Snapshot};
use scraper::node::Node as HtmlNode;
use scraper::Html;

/// Attribute values are capped like the page layer caps them.
const MAX_ATTR_CHARS: usize = 256;

/// Tags whose text content is code or data, never page text.
fn is_raw_text_tag(tag: &str) -> bool {
    matches!(tag, "script" | "style" | "noscript" | "template")
}

/// Parses a whole HTML document. `url` is recorded as the page's URL.
pub fn parse(html: &str, url: &str) -> Snapshot<'static> {
    let document = Html::parse_document(html);
    let mut snapshot = Snapshot {
        url: url.to_string(),
        ..Snapshot::default()
    };
    // (ego_tree node, parent index in snapshot, parent visible, inside raw-text tag)
    let mut stack = vec![(document.tree.root(), None::<NodeId>, true, false)];
    while let Some((handle, parent, parent_visible, in_raw)) = stack.pop() {
        let next_parent;
        let mut visible = parent_visible;
        let mut raw = in_raw;
        match handle.value() {
            HtmlNode::Element(element) => {
                let tag = element.name().to_ascii_lowercase();
                let attrs = collect_attrs(element.attrs());
                visible = parent_visible && !hidden_by_markup(&tag, &attrs);
                raw = in_raw || is_raw_text_tag(&tag);
                record_head_data(&mut snapshot, &tag, &attrs, &handle);
                let index = snapshot.nodes.len() as NodeId;
                snapshot.nodes.push(Node {
                    kind: NodeKind::Element,
                    parent,
                    tag: tag.into(),
                    attrs,
                    visible,
                    ..Node::default()
                });
                next_parent = Some(index);
            }
            HtmlNode::Text(text) => {
                if !in_raw && !text.trim().is_empty() {
                    snapshot.nodes.push(Node {
                        kind: NodeKind::Text,
                        parent,
                        text: text.to_string().into(),
                        visible,
                        ..Node::default()
                    });
                }
                continue;
            }
            HtmlNode::Document | HtmlNode::Fragment => next_parent = parent,
            _ => continue,
        }
        // Push children in reverse so they are visited in document order.
        let children: Vec<_> = handle.children().collect();
        for child in children.into_iter().rev() {
            stack.push((child, next_parent, visible, raw));
        }
    }
    snapshot
}

fn collect_attrs<'a>(attrs: impl Iterator<Item = (&'a str, &'a str)>) -> Attrs<'static> {
    // Event handlers are code, not page state; everything else may carry a signal.
    attrs
        .map(|(name, value)| (name.to_ascii_lowercase(), value))
        .filter(|(name, _)| !name.starts_with("on"))
        .map(|(name, value)| (name, value.chars().take(MAX_ATTR_CHARS).collect()))
        .collect()
}

/// What the markup alone says about visibility.
fn hidden_by_markup(tag: &str, attrs: &Attrs) -> bool {
    if tag == "template" || attrs.contains_key("hidden") {
        return true;
    }
    let style: String = attrs
        .get("style")
        .map(|s| {
            s.to_ascii_lowercase()
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect()
        })
        .unwrap_or_default();
    style.contains("display:none") || style.contains("visibility:hidden")
}

/// Title, language, meta tags and JSON-LD, which the page layer reads from `document`.
fn record_head_data(
    snapshot: &mut Snapshot,
    tag: &str,
    attrs: &Attrs,
    handle: &ego_tree::NodeRef<'_, HtmlNode>,
) {
    match tag {
        "html" => {
            if let Some(lang) = attrs.get("lang").filter(|l| !l.trim().is_empty()) {
                snapshot.lang = Some(lang.trim().to_string());
            }
        }
        "title" if snapshot.title.is_empty() => snapshot.title = text_content(handle),
        "meta" => {
            let key = attrs
                .get("property")
                .or(attrs.get("name"))
                .or(attrs.get("itemprop"))
                .or(attrs.get("http-equiv"));
            if let (Some(key), Some(content)) = (key, attrs.get("content")) {
                snapshot.meta.push(MetaTag {
                    key: key.to_ascii_lowercase(),
                    content: content.to_string(),
                });
            }
        }
        "script" => {
            let is_json_ld = attrs
                .get("type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
            if is_json_ld {
                snapshot.json_ld.push(text_content(handle));
            }
        }
        _ => {}
    }
}

fn text_content(handle: &ego_tree::NodeRef<'_, HtmlNode>) -> String {
    handle
        .descendants()
        .filter_map(|n| match n.value() {
            HtmlNode::Text(t) => Some(t.to_string()),
            _ => None,
        })
        .collect::<String>()
        .trim()
        .to_string()
}

/// Reads an HTML file, gunzipping `.gz` files.
pub fn read_html_file(path: &std::path::Path) -> std::io::Result<String> {
    use std::io::Read;
    let bytes = std::fs::read(path)?;
    let bytes = if path.extension().is_some_and(|e| e == "gz") {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&bytes[..]).read_to_end(&mut out)?;
        out
    } else {
        bytes
    };
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_tree_text_and_head() {
        let html = r#"<!doctype html><html lang="en"><head><title>T</title>
            <meta property="og:site_name" content="Site">
            <script type="application/ld+json">{"@type":"NewsArticle"}</script>
            <script>var x = 1;</script></head>
            <body><p class="a b">Hello <em>big</em> world</p>
            <div style="display: none">secret</div></body></html>"#;
        let snapshot = parse(html, "https://example.test/a");
        assert_eq!(snapshot.title, "T");
        assert_eq!(snapshot.lang.as_deref(), Some("en"));
        assert_eq!(snapshot.meta("og:site_name"), Some("Site"));
        assert_eq!(snapshot.json_ld.len(), 1);
        snapshot.validate().expect("valid tree");
        let body = snapshot
            .nodes
            .iter()
            .position(|n| n.tag == "body")
            .expect("body") as u32;
        assert_eq!(snapshot.text_of(body), "Hello big world");
        let p = snapshot.nodes.iter().find(|n| n.tag == "p").expect("p");
        assert_eq!(p.classes().collect::<Vec<_>>(), vec!["a", "b"]);
        assert!(!snapshot.nodes.iter().any(|n| n.text.contains("var x")));
    }
}
