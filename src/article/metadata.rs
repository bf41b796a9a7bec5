//! The article's title, byline, date, language and site, from JSON-LD, meta tags and the
//! DOM, in that order of trust: structured data is written for machines, markup for eyes.

use super::byline;
use super::signals::ascii_lowercase;
use crate::snapshot::{collapse_whitespace, Children, Node, NodeId, Snapshot};
use crate::text::PhraseIndex;
use serde_json::Value;
use std::sync::OnceLock;

/// Nodes a byline or heading may span; bigger subtrees are containers, not bylines.
const MAX_SHORT_TEXT_NODES: usize = 200;
/// Longest headline we compare with the document title.
const MAX_HEADING_CHARS: usize = 400;
/// Longest byline we believe: longer "bylines" are paragraphs that mention an author.
const MAX_BYLINE_CHARS: usize = 100;

/// What the page's structured data says about its article.
#[derive(Debug, Clone, Default)]
pub struct JsonLdArticle {
    /// An object whose `@type` is an Article kind was found.
    pub found: bool,
    pub headline: Option<String>,
    /// `name`, which some sites use for the title and others for a teaser.
    pub name: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<String>,
    pub publisher: Option<String>,
    pub language: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Metadata {
    pub title: String,
    pub byline: Option<String>,
    pub published: Option<String>,
    pub lang: String,
    pub site: Option<String>,
    /// The page declares an article (JSON-LD, `og:type`, microdata): evidence that a short
    /// text is still a story.
    pub declares_article: bool,
}

/// Reads all metadata. `children` are the snapshot's children lists; `content` is the
/// article's root, where DOM bylines are looked for first.
pub fn read(snapshot: &Snapshot, children: &Children, content: Option<NodeId>) -> Metadata {
    let json_ld = read_json_ld(&snapshot.json_ld);
    let site = site_name(snapshot, &json_ld);
    Metadata {
        title: title(snapshot, children, &json_ld, site.as_deref()),
        byline: byline(snapshot, children, &json_ld, content)
            .map(|b| byline::without_site(&b, site.as_deref())),
        published: published(snapshot, &json_ld),
        lang: language(snapshot, &json_ld),
        site,
        declares_article: json_ld.found || declares_article_in_meta(snapshot),
    }
}

/// `og:type` article, an article publication time, or an `articleBody` microdata property:
/// the publisher says this page is an article.
fn declares_article_in_meta(snapshot: &Snapshot) -> bool {
    let og_type_article = snapshot
        .meta("og:type")
        .is_some_and(|t| t.trim().eq_ignore_ascii_case("article"));
    og_type_article
        || snapshot.meta("article:published_time").is_some()
        || snapshot
            .nodes
            .iter()
            .any(|n| n.attr("itemprop") == Some("articleBody"))
}

/// Finds the first Article-typed object in the JSON-LD blocks (arrays and `@graph` too),
/// and the first publisher name anywhere.
pub fn read_json_ld(blocks: &[String]) -> JsonLdArticle {
    let mut result = JsonLdArticle::default();
    for block in blocks {
        let Ok(value) = serde_json::from_str::<Value>(strip_cdata(block)) else {
            continue;
        };
        let mut pending = vec![&value];
        while let Some(item) = pending.pop() {
            match item {
                Value::Array(items) => pending.extend(items.iter().rev()),
                Value::Object(map) => {
                    if let Some(graph) = map.get("@graph") {
                        pending.push(graph);
                    }
                    if !result.found && is_article_type(map.get("@type")) {
                        fill_from_article(&mut result, item);
                    }
                    if result.publisher.is_none() {
                        result.publisher = map.get("publisher").and_then(name_of);
                    }
                }
                _ => {}
            }
        }
    }
    result
}

/// Some sites wrap JSON-LD in `<![CDATA[ … ]]>` (with or without comment markers).
fn strip_cdata(block: &str) -> &str {
    let trimmed = block.trim();
    let inner = trimmed
        .strip_prefix("/*<![CDATA[*/")
        .or_else(|| trimmed.strip_prefix("//<![CDATA["))
        .or_else(|| trimmed.strip_prefix("<![CDATA["))
        .unwrap_or(trimmed);
    let inner = inner.trim_end();
    inner
        .strip_suffix("/*]]>*/")
        .or_else(|| inner.strip_suffix("//]]>"))
        .or_else(|| inner.strip_suffix("]]>"))
        .unwrap_or(inner)
        .trim()
}

/// The first non-empty meta value among `keys`, in order of preference. Keys compare
/// loosely, as sites write them: "DC.title", "dc:title" and "dc-title" are one key, and a
/// `property="dc:title og:title"` tag answers to both names.
fn meta_value<'s>(snapshot: &'s Snapshot, keys: &[&str]) -> Option<&'s str> {
    keys.iter().find_map(|wanted| {
        let wanted = normalize_key(wanted);
        // A key shorter than the one wanted holds no part that matches: most are not
        // split into words at all.
        snapshot
            .meta
            .iter()
            .filter(|m| m.key.len() >= wanted.len())
            .filter(|m| m.key.split_whitespace().any(|k| key_matches(k, &wanted)))
            .find(|m| !m.content.trim().is_empty())
            .map(|m| m.content.as_str())
    })
}

/// A meta key as compared: trimmed, ASCII-lowercased, `.` and `-` read as `:`.
fn normalize_key(key: &str) -> String {
    key.trim().to_ascii_lowercase().replace(['.', '-'], ":")
}

fn normalized_key_byte(byte: u8) -> u8 {
    match byte.to_ascii_lowercase() {
        b'.' | b'-' => b':',
        other => other,
    }
}

/// `normalize_key(key) == wanted` for a `key` without surrounding whitespace, compared in
/// place (byte by byte: normalizing changes only ASCII bytes, and keeps the length): pages
/// carry dozens of meta tags and each is compared with several keys.
fn key_matches(key: &str, wanted: &str) -> bool {
    key.len() == wanted.len()
        && key
            .bytes()
            .zip(wanted.bytes())
            .all(|(k, w)| normalized_key_byte(k) == w)
}

fn fill_from_article(result: &mut JsonLdArticle, article: &Value) {
    result.found = true;
    let text_field = |key: &str| {
        article
            .get(key)
            .and_then(Value::as_str)
            .map(clean_text)
            .filter(|s| !s.is_empty())
    };
    result.headline = text_field("headline");
    result.name = text_field("name");
    result.authors = names_of(article.get("author"));
    result.published = article
        .get("datePublished")
        .or(article.get("dateCreated"))
        .and_then(Value::as_str)
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    result.language = article.get("inLanguage").and_then(name_of);
    if let Some(publisher) = article.get("publisher").and_then(name_of) {
        result.publisher = Some(publisher);
    }
}

fn is_article_type(kind: Option<&Value>) -> bool {
    let is_article =
        |name: &str| name.ends_with("Article") || name.ends_with("BlogPosting") || name == "Report";
    match kind {
        Some(Value::String(name)) => is_article(name),
        Some(Value::Array(names)) => names.iter().filter_map(Value::as_str).any(is_article),
        _ => false,
    }
}

/// A string, or an object's `name`.
fn name_of(value: &Value) -> Option<String> {
    let text = match value {
        Value::String(s) => s.as_str(),
        Value::Object(map) => map.get("name").and_then(Value::as_str)?,
        Value::Array(items) => return items.iter().find_map(name_of),
        _ => return None,
    };
    Some(clean_text(text)).filter(|s| !s.is_empty())
}

fn names_of(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::Array(items)) => items.iter().filter_map(name_of).collect(),
        Some(other) => name_of(other).into_iter().collect(),
        None => Vec::new(),
    }
}

/// Collapses whitespace and decodes the few entities that JSON-LD writers leave encoded.
fn clean_text(text: &str) -> String {
    let decoded = text
        .replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#039;", "'")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">");
    collapse_whitespace(&decoded)
}

fn title(
    snapshot: &Snapshot,
    children: &Children,
    json_ld: &JsonLdArticle,
    site: Option<&str>,
) -> String {
    let from_meta = meta_value(snapshot, TITLE_KEYS).map(clean_text);
    let document_title = clean_text(&snapshot.title);
    json_ld_title(json_ld, &document_title)
        .or(from_meta)
        .or_else(|| heading_matching_title(snapshot, children, &document_title))
        .unwrap_or_else(|| strip_site_suffix(&document_title, site))
}

/// JSON-LD `headline`, or `name` when only `name` is present or when `name` is the one
/// the document title repeats (some sites put a teaser in `headline`).
fn json_ld_title(json_ld: &JsonLdArticle, document_title: &str) -> Option<String> {
    match (&json_ld.headline, &json_ld.name) {
        (Some(headline), Some(name)) if headline != name => {
            let name_echoed = share_of_words_in(name, document_title) > 0.75;
            let headline_echoed = share_of_words_in(headline, document_title) > 0.75;
            if name_echoed && !headline_echoed {
                Some(name.clone())
            } else {
                Some(headline.clone())
            }
        }
        (Some(headline), _) => Some(headline.clone()),
        (None, name) => name.clone(),
    }
}

/// Share of `candidate`'s words (lowercased) that also occur in `reference`.
fn share_of_words_in(candidate: &str, reference: &str) -> f32 {
    let reference = reference.to_lowercase();
    let reference_words: Vec<&str> = reference.split(|c: char| !c.is_alphanumeric()).collect();
    let candidate = candidate.to_lowercase();
    let words: Vec<&str> = candidate
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return 0.0;
    }
    let shared = words.iter().filter(|w| reference_words.contains(w)).count();
    shared as f32 / words.len() as f32
}

/// Meta keys that name the article's title, most specific first.
const TITLE_KEYS: &[&str] = &[
    "dc:title",
    "dcterm:title",
    "og:title",
    "weibo:article:title",
    "weibo:webpage:title",
    "title",
    "twitter:title",
    "parsely-title",
];

/// Meta keys that name the article's author.
const AUTHOR_KEYS: &[&str] = &[
    "dc:creator",
    "dcterm:creator",
    "author",
    "parsely-author",
    "article:author",
    "sailthru.author",
];

/// An `<h1>` whose text is the start of the document title (the title minus its site).
fn heading_matching_title(
    snapshot: &Snapshot,
    children: &Children,
    document_title: &str,
) -> Option<String> {
    if document_title.is_empty() {
        return None;
    }
    snapshot
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.tag == "h1" && n.visible)
        .map(|(i, _)| text_under(snapshot, children, i as NodeId, MAX_HEADING_CHARS))
        .find(|heading| heading.len() > 3 && document_title.starts_with(heading.as_str()))
}

/// Removes " | Site", " - Site", " — Site" when the part cut off names the site (or is
/// short), keeping titles whose own words contain a dash.
fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    for separator in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        let Some(position) = title.rfind(separator) else {
            continue;
        };
        let (head, tail) = (&title[..position], &title[position + separator.len()..]);
        let tail_is_site = site.is_some_and(|s| {
            let (s, t) = (s.to_lowercase(), tail.to_lowercase());
            s.contains(&t) || t.contains(&s)
        });
        // Like Reader View: what precedes the last separator is the title when it is
        // long enough to be one.
        let head_words = head.split_whitespace().count();
        if tail_is_site || head_words >= 3 {
            return head.trim().to_string();
        }
    }
    title.trim().to_string()
}

fn byline(
    snapshot: &Snapshot,
    children: &Children,
    json_ld: &JsonLdArticle,
    content: Option<NodeId>,
) -> Option<String> {
    // Structured data and meta tags carry the same decorations as the page ("Jane Roe,
    // Staff Writer"), so every source is cleaned alike.
    let from_json_ld: Vec<String> = json_ld.authors.iter().map(|a| byline::tidy(a)).collect();
    if !from_json_ld.is_empty() {
        return Some(from_json_ld.join(", "));
    }
    let from_meta = meta_value(snapshot, AUTHOR_KEYS)
        .map(|author| byline::tidy(&clean_text(author)))
        .filter(|s| !s.is_empty() && !s.starts_with("http"));
    from_meta.or_else(|| byline_in_dom(snapshot, children, content))
}

/// Whether the element's class or id names a byline, in any ASCII case. The class and the
/// id are searched each on its own, lower-cased only when they hold capitals: no name holds
/// a space, so none could span them joined, and this runs for every element of the page.
fn has_byline_name(node: &Node) -> bool {
    // One pass over each for the three names (a substring search per name sets up a
    // searcher each time).
    static NAMES: OnceLock<PhraseIndex> = OnceLock::new();
    let names = NAMES.get_or_init(|| PhraseIndex::new(["byline", "author", "writtenby"]));
    [node.class_attr(), node.id_attr()]
        .map(ascii_lowercase)
        .iter()
        .any(|text| names.find_first(text).is_some())
}

/// `rel=author`, `itemprop=author` or a `.byline`/`.author` element with short text,
/// preferring one inside the article.
fn byline_in_dom(
    snapshot: &Snapshot,
    children: &Children,
    content: Option<NodeId>,
) -> Option<String> {
    let mut fallback = None;
    for (index, node) in snapshot.nodes.iter().enumerate() {
        if !node.is_element() || !node.visible {
            continue;
        }
        let is_byline = node.attr("rel") == Some("author")
            || node.attr("itemprop").is_some_and(|p| p.contains("author"))
            || has_byline_name(node);
        if !is_byline {
            continue;
        }
        let text = byline::tidy(&text_under(
            snapshot,
            children,
            index as NodeId,
            MAX_BYLINE_CHARS,
        ));
        if text.is_empty() || text.chars().count() > MAX_BYLINE_CHARS {
            continue;
        }
        let inside = content.is_some_and(|root| snapshot.is_within(index as NodeId, root));
        if inside {
            return Some(text);
        }
        fallback.get_or_insert(text);
    }
    fallback
}

fn published(snapshot: &Snapshot, json_ld: &JsonLdArticle) -> Option<String> {
    if let Some(date) = &json_ld.published {
        return Some(date.clone());
    }
    let meta_keys = [
        "article:published_time",
        "og:published_time",
        "datepublished",
        "publishdate",
        "pubdate",
        "date",
        "dc.date",
        "dc.date.issued",
        "dcterms.created",
        "sailthru.date",
        "parsely-pub-date",
    ];
    if let Some(date) = meta_value(snapshot, &meta_keys) {
        return Some(date.trim().to_string());
    }
    snapshot
        .nodes
        .iter()
        .filter(|n| n.tag == "time")
        .find_map(|n| n.attr("datetime"))
        .map(|d| d.trim().to_string())
        .filter(|d| !d.is_empty())
}

fn language(snapshot: &Snapshot, json_ld: &JsonLdArticle) -> String {
    let candidates = [
        snapshot.lang.as_deref(),
        snapshot.meta("og:locale"),
        snapshot.meta("content-language"),
        snapshot.meta("language"),
        json_ld.language.as_deref(),
    ];
    candidates
        .into_iter()
        .flatten()
        .find_map(two_letter_code)
        .unwrap_or_default()
}

/// "en-US", "en_GB", "EN" → "en"; anything else → `None`.
pub fn two_letter_code(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_', ',', ';']).next()?.trim();
    (primary.len() == 2 && primary.chars().all(|c| c.is_ascii_alphabetic()))
        .then(|| primary.to_ascii_lowercase())
}

fn site_name(snapshot: &Snapshot, json_ld: &JsonLdArticle) -> Option<String> {
    snapshot
        .meta("og:site_name")
        .map(clean_text)
        .or_else(|| json_ld.publisher.clone())
        .or_else(|| host_of(&snapshot.url))
}

/// "https://www.example.org/a/b" → "example.org".
pub fn host_of(url: &str) -> Option<String> {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let host = after_scheme.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// Visible text of a subtree, whitespace collapsed, via precomputed children. Gives up
/// (returns "") past `limit` bytes or [`MAX_SHORT_TEXT_NODES`] nodes: a "byline" that
/// wraps the whole page must not cost a walk of the whole page for every such wrapper.
fn text_under(snapshot: &Snapshot, children: &Children, root: NodeId, limit: usize) -> String {
    let mut out = String::new();
    let mut pending = vec![root];
    let mut visited = 0usize;
    while let Some(id) = pending.pop() {
        visited += 1;
        if out.len() > limit * 4 || visited > MAX_SHORT_TEXT_NODES {
            return String::new();
        }
        let Some(node) = snapshot.node(id) else {
            continue;
        };
        if !node.visible {
            continue;
        }
        if node.is_text() {
            out.push_str(&node.text);
            out.push(' ');
        } else {
            pending.extend(children.of(id).iter().rev());
        }
    }
    collapse_whitespace(&out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::MetaTag;

    #[test]
    fn reads_article_from_graph_and_cdata() {
        let block = r#"<![CDATA[{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","name":"Ignored"},
            {"@type":["NewsArticle"],"headline":"Tide &amp; time","author":{"name":"Ana Ruiz"},
             "datePublished":"2024-01-05T08:00:00+01:00","publisher":{"name":"Bay Post"}}]}]]>"#;
        let article = read_json_ld(&[block.to_string()]);
        assert!(article.found);
        assert_eq!(article.headline.as_deref(), Some("Tide & time"));
        assert_eq!(article.authors, vec!["Ana Ruiz".to_string()]);
        assert_eq!(
            article.published.as_deref(),
            Some("2024-01-05T08:00:00+01:00")
        );
        assert_eq!(article.publisher.as_deref(), Some("Bay Post"));
        assert!(!read_json_ld(&["not json".to_string()]).found);
    }

    #[test]
    fn meta_keys_compare_loosely() {
        let snapshot = Snapshot {
            meta: vec![
                MetaTag {
                    key: "dc.creator".into(),
                    content: "Lee Park".into(),
                },
                MetaTag {
                    key: "dc:title og:title".into(),
                    content: "Shared title".into(),
                },
            ],
            ..Snapshot::default()
        };
        assert_eq!(meta_value(&snapshot, AUTHOR_KEYS), Some("Lee Park"));
        assert_eq!(meta_value(&snapshot, &["og:title"]), Some("Shared title"));
    }

    #[test]
    fn bylines_from_meta_and_json_ld_are_cleaned() {
        let snapshot = Snapshot {
            meta: vec![MetaTag {
                key: "author".into(),
                content: "By Lee  Park, Staff Writer".into(),
            }],
            ..Snapshot::default()
        };
        let none = JsonLdArticle::default();
        assert_eq!(
            byline(&snapshot, &Children::default(), &none, None).as_deref(),
            Some("Lee Park")
        );
        let json_ld = JsonLdArticle {
            authors: vec!["Ana Ruiz - Reporter".into(), "Tom Vale".into()],
            ..JsonLdArticle::default()
        };
        assert_eq!(
            byline(&snapshot, &Children::default(), &json_ld, None).as_deref(),
            Some("Ana Ruiz, Tom Vale")
        );
    }

    #[test]
    fn normalises_language_host_and_titles() {
        assert_eq!(two_letter_code("en-US").as_deref(), Some("en"));
        assert_eq!(two_letter_code("pt_BR").as_deref(), Some("pt"));
        assert_eq!(two_letter_code("english"), None);
        assert_eq!(
            host_of("https://www.example.org:8080/a?b").as_deref(),
            Some("example.org")
        );
        assert_eq!(host_of(""), None);
        assert_eq!(
            strip_site_suffix("Rivers rise after storm | Daily Tide", Some("Daily Tide")),
            "Rivers rise after storm"
        );
        assert_eq!(
            strip_site_suffix("Spider-Man - Wiki", None),
            "Spider-Man - Wiki"
        );
    }
}
