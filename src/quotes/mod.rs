//! Attributed quotes: who said what.
//!
//! Owner: quotes. `find` works on plain text (the CLI and the evaluation use it directly);
//! `find_in_article` maps the results onto the page's text nodes.

mod attribution;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
mod cues;
mod marks;
mod resolve;
mod tokens;

use crate::article::Article;
use crate::textmap::NodeRange;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// All of the attributed content is quoted.
    #[default]
    Direct,
    /// A quoted fragment inside paraphrase.
    Mixed,
}

/// A quote found in plain text. Offsets are in Unicode code points, `end` exclusive, and
/// include the quote marks.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Quote {
    pub start: usize,
    pub end: usize,
    /// The resolved speaker ("Vladimir Putin"), or `None` when it cannot be resolved.
    pub speaker: Option<String>,
    /// The speaker as written near the quote ("he", "Putin").
    pub speaker_as_written: Option<String>,
    /// The reporting verb or phrase ("said", "according to").
    pub cue: Option<String>,
    pub kind: QuoteKind,
    /// Quotes with the same attribution id are parts of one split quote.
    pub attribution: usize,
}

/// A quote with its place in the page.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct PageQuote {
    #[serde(flatten)]
    pub quote: Quote,
    /// The quote's text as shown (marks included).
    pub text: String,
    /// Text-node ranges to mark, UTF-16 offsets.
    pub ranges: Vec<NodeRange>,
}

/// All quotes of one speaker.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct SpeakerGroup {
    /// `None` groups quotes whose speaker could not be resolved.
    pub speaker: Option<String>,
    /// Indices into the report's `quotes`.
    pub quotes: Vec<usize>,
}

/// Finds attributed quotes in plain text. `lang` is an ISO 639-1 code or "" for unknown
/// (then cues of every supported language are used). Quotes with no speaker found (scare
/// quotes, titles) are left out.
pub fn find(text: &str, lang: &str) -> Vec<Quote> {
    let chars: Vec<char> = text.chars().collect();
    let spans = marks::find_spans(&chars);
    if spans.is_empty() {
        return Vec::new();
    }
    let cues = cues::Cues::for_lang(lang);
    let attributions = attribution::attribute_all(&chars, &spans, &cues);
    let names = resolve::Resolver::new(&chars, &spans);
    let mut ids = AttributionIds::default();
    let mut quotes = Vec::new();
    for (index, (span, found)) in spans.iter().zip(&attributions).enumerate() {
        let Some(found) = found else { continue };
        let speaker_as_written = found
            .speaker
            .map(|(start, end)| tokens::slice(&chars, start, end));
        let speaker = match (&speaker_as_written, found.speaker) {
            (Some(written), Some((start, _))) => names.resolve(written, start),
            _ => None,
        };
        quotes.push(Quote {
            start: span.start,
            end: span.end,
            speaker,
            speaker_as_written,
            cue: found.cue.map(|(start, end)| tokens::slice(&chars, start, end)),
            kind: found.kind,
            attribution: ids.id_for(index, found),
        });
    }
    quotes
}

/// Numbers attributions: parts of one split quote share the cue (“A,” he said, “B.”), a
/// continued quote points at the one it continues.
#[derive(Default)]
struct AttributionIds {
    by_cue: HashMap<(usize, usize), usize>,
    by_span: HashMap<usize, usize>,
    next: usize,
}

impl AttributionIds {
    fn id_for(&mut self, span_index: usize, found: &attribution::Attribution) -> usize {
        let inherited = found
            .continues
            .and_then(|from| self.by_span.get(&from).copied())
            .or_else(|| found.cue.and_then(|cue| self.by_cue.get(&cue).copied()));
        let id = inherited.unwrap_or_else(|| {
            self.next += 1;
            self.next
        });
        if let Some(cue) = found.cue {
            self.by_cue.entry(cue).or_insert(id);
        }
        self.by_span.insert(span_index, id);
        id
    }
}

/// Finds the quotes of an article and where they are in the page.
pub fn find_in_article(article: &Article) -> Vec<PageQuote> {
    find(&article.text, &article.lang)
        .into_iter()
        .map(|quote| PageQuote {
            text: article
                .text
                .chars()
                .skip(quote.start)
                .take(quote.end - quote.start)
                .collect(),
            ranges: article.map.node_ranges(quote.start, quote.end),
            quote,
        })
        .collect()
}

/// Groups quotes by speaker, most quoted first (ties by first appearance); unresolved last.
pub fn group_by_speaker(quotes: &[PageQuote]) -> Vec<SpeakerGroup> {
    let mut groups: Vec<SpeakerGroup> = Vec::new();
    for (index, quote) in quotes.iter().enumerate() {
        let speaker = quote.quote.speaker.clone();
        match groups.iter_mut().find(|g| g.speaker == speaker) {
            Some(group) => group.quotes.push(index),
            None => groups.push(SpeakerGroup {
                speaker,
                quotes: vec![index],
            }),
        }
    }
    groups.sort_by_key(|g| {
        (
            g.speaker.is_none(),
            std::cmp::Reverse(g.quotes.len()),
            g.quotes[0],
        )
    });
    groups
}
