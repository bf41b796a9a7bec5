//! Extractive summaries: the article's own key sentences, in order.
//!
//! News is written lead-first, so a summary that loses to "the first three sentences" is
//! not worth showing. Each eligible sentence gets a score that mixes
//! - a position prior (early sentences carry the story),
//! - centrality: PageRank over a cosine-similarity graph of stemmed content words (the
//!   sentences the rest of the article keeps coming back to), and
//! - overlap with the title, when there is one.
//!
//! Sentences are then taken best-first, skipping near-duplicates of those already taken.
//! Owner: summary.

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
mod filters;
pub mod graph;

use crate::text::hash::FastMap;
use crate::text::{detect_language, lowercase, split_sentences_of, words_as_written, TermAnalyzer};
use graph::{cosine_matrix, jaccard, pagerank, term_set, TermSet};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

pub use filters::is_summary_worthy;

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct SummarySentence {
    pub text: String,
    /// 0 = most important. The popup shows the sentences with `rank < n`, in text order.
    pub rank: usize,
}

/// Only the first this-many eligible sentences compete: the similarity graph is quadratic,
/// and in news the key sentences come early (the position prior at 150 is 1/38 of the first).
const MAX_CANDIDATES: usize = 150;

/// How the score of a sentence is made; the defaults are tuned on the dev set (see
/// `unveil eval summaries`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weights {
    /// Weight of the position prior `1 / (1 + index / position_scale)`.
    pub position: f64,
    /// The number of sentences after which the position prior has halved.
    pub position_scale: f64,
    /// Weight of centrality (PageRank normalised to the best sentence).
    pub centrality: f64,
    /// Weight of the share of the title's content words the sentence contains.
    pub title: f64,
    /// Score multiplier for a sentence that opens with a pronoun or a connective ("He…",
    /// "But…"): out of context, in a popup, it refers to nothing.
    pub dangling: f64,
    /// A sentence whose stemmed-term Jaccard similarity with a chosen one exceeds this is a
    /// near-duplicate and is skipped.
    pub max_overlap: f64,
}

impl Default for Weights {
    fn default() -> Weights {
        Weights {
            position: 1.0,
            position_scale: 4.0,
            centrality: 0.5,
            title: 6.0,
            max_overlap: 0.2,
            // Costs ~0.1 ROUGE-1 on the dev set (ROUGE does not read), kept for the reader.
            dangling: 0.8,
        }
    }
}

/// Picks up to `max_sentences` key sentences of `text`, returned in text order.
/// `lang` is an ISO 639-1 code or "" for unknown (then detected).
pub fn summarize(text: &str, lang: &str, max_sentences: usize) -> Vec<SummarySentence> {
    summarize_with_title(text, "", lang, max_sentences)
}

/// Like [`summarize`], with the article's title to favour the sentences that tell its story.
pub fn summarize_with_title(
    text: &str,
    title: &str,
    lang: &str,
    max_sentences: usize,
) -> Vec<SummarySentence> {
    summarize_weighted(text, title, lang, max_sentences, &Weights::default())
}

/// [`summarize_with_title`] of a text whose chars the caller has already (`chars`, those
/// of `text`): the analysis reads the article's chars for its sentences and its quotes.
pub fn summarize_chars(
    text: &str,
    chars: &[char],
    title: &str,
    lang: &str,
    max_sentences: usize,
) -> Vec<SummarySentence> {
    summarize_in(text, chars, title, lang, max_sentences, &Weights::default())
}

/// The summariser with explicit weights (for evaluation and tuning).
pub fn summarize_weighted(
    text: &str,
    title: &str,
    lang: &str,
    max_sentences: usize,
    weights: &Weights,
) -> Vec<SummarySentence> {
    let chars: Vec<char> = text.chars().collect();
    summarize_in(text, &chars, title, lang, max_sentences, weights)
}

/// [`summarize_weighted`] of `text`, whose chars are `chars`.
fn summarize_in(
    text: &str,
    chars: &[char],
    title: &str,
    lang: &str,
    max_sentences: usize,
    weights: &Weights,
) -> Vec<SummarySentence> {
    if max_sentences == 0 {
        return Vec::new();
    }
    let lang = if lang.is_empty() {
        detect_language(text)
    } else {
        lang
    };
    let candidates = Candidates::new(text, chars, title, lang);
    let scores = candidates.scores(weights);
    let chosen = candidates.choose(&scores, max_sentences, weights.max_overlap);
    // In text order, each with its rank (its place in `chosen`, best first). Found by a walk
    // over the few chosen rather than a sort: one sort instantiation less in the wasm.
    candidates
        .texts
        .iter()
        .enumerate()
        .filter_map(|(index, text)| {
            let rank = chosen.iter().position(|&c| c == index)?;
            Some(SummarySentence {
                text: text.to_string(),
                rank,
            })
        })
        .collect()
}

/// The eligible sentences of an article, in text order, with their term sets.
struct Candidates<'t> {
    /// Each sentence's text in the article.
    texts: Vec<&'t str>,
    terms: Vec<TermSet>,
    /// Whether each sentence opens with a word that points back to an earlier one.
    dangling: Vec<bool>,
    title_terms: TermSet,
}

impl<'t> Candidates<'t> {
    /// The candidates of `text`, whose chars are `chars`.
    fn new(text: &'t str, chars: &[char], title: &str, lang: &str) -> Candidates<'t> {
        // The whole text and the title lower-cased once (`text::lowercase` keeps every
        // char's length: a sentence's bytes in the text are its bytes here): their words
        // are read as they are, and keyed by the terms without a copy each.
        let lower_text = lowercase(text);
        let lower_title = lowercase(headline_of(title));
        let mut term_ids = Terms::new(lang, text.len());
        let mut texts = Vec::new();
        let mut terms = Vec::new();
        let mut dangling = Vec::new();
        for sentence in split_sentences_of(text, chars, lang) {
            if texts.len() >= MAX_CANDIDATES {
                break;
            }
            let word_count = sentence.text.split_whitespace().count();
            if !filters::has_summary_shape(sentence.text, word_count) {
                continue;
            }
            let lower = lower_text.get(sentence.bytes.clone()).unwrap_or_default();
            if !filters::has_summary_content(sentence.text, lower) {
                continue;
            }
            terms.push(term_ids.ids_of(lower));
            dangling.push(opens_with_back_reference(sentence.text));
            texts.push(sentence.text);
        }
        let title_terms = term_ids.ids_of(&lower_title);
        Candidates {
            texts,
            terms,
            dangling,
            title_terms,
        }
    }

    fn scores(&self, weights: &Weights) -> Vec<f64> {
        let centrality = self.centrality();
        let best_centrality = centrality.iter().copied().fold(0.0, f64::max);
        self.terms
            .iter()
            .enumerate()
            .map(|(index, terms)| {
                let position = 1.0 / (1.0 + index as f64 / weights.position_scale.max(1e-9));
                let central = match centrality.get(index) {
                    Some(score) if best_centrality > 0.0 => score / best_centrality,
                    _ => 0.0,
                };
                let title = if self.title_terms.is_empty() {
                    0.0
                } else {
                    graph::shared_terms(terms, &self.title_terms) as f64
                        / self.title_terms.len() as f64
                };
                let score = weights.position * position
                    + weights.centrality * central
                    + weights.title * title;
                if self.dangling.get(index).copied().unwrap_or(false) {
                    score * weights.dangling
                } else {
                    score
                }
            })
            .collect()
    }

    fn centrality(&self) -> Vec<f64> {
        pagerank(&cosine_matrix(&self.terms), self.terms.len(), 0.85)
    }

    /// Indices of up to `count` sentences, best first, without near-duplicates.
    fn choose(&self, scores: &[f64], count: usize, max_overlap: f64) -> Vec<usize> {
        let mut order: Vec<usize> = (0..scores.len()).collect();
        let score_of = |index: usize| scores.get(index).copied().unwrap_or(0.0);
        // Stable: equal scores keep text order.
        order.sort_by(|&a, &b| score_of(b).total_cmp(&score_of(a)));
        let mut chosen: Vec<usize> = Vec::new();
        for index in order {
            if chosen.len() >= count {
                break;
            }
            let Some(terms) = self.terms.get(index) else {
                continue;
            };
            let is_duplicate = chosen.iter().any(|&other| {
                self.terms
                    .get(other)
                    .is_some_and(|taken| jaccard(terms, taken) > max_overlap)
            });
            if !is_duplicate {
                chosen.push(index);
            }
        }
        chosen
    }
}

/// The terms of an article's sentences, as ids (one per stem).
struct Terms<'t> {
    analyzer: TermAnalyzer,
    /// Each stem's id; a stem that is its word itself is borrowed from the text.
    ids: FastMap<Cow<'t, str>, u32>,
    /// What each word met so far stands for: its term's id, or `None` when it is no
    /// content word. An article repeats its words, and stemming is most of the summary's
    /// work: a word seen before costs one lookup.
    seen: FastMap<&'t str, Option<u32>>,
}

impl<'t> Terms<'t> {
    /// For an article of `text_len` bytes in `lang`.
    fn new(lang: &str, text_len: usize) -> Terms<'t> {
        Terms {
            analyzer: TermAnalyzer::new(lang),
            // Both sized for the vocabulary of the sentences read up front (a growing map
            // rehashes every word; its stems are fewer than its words).
            ids: FastMap::with_capacity_and_hasher(vocabulary(text_len), Default::default()),
            seen: FastMap::with_capacity_and_hasher(vocabulary(text_len), Default::default()),
        }
    }

    /// The term set of a lower-cased text (`text::lowercase`), whose words are read as
    /// they are.
    fn ids_of(&mut self, lower: &'t str) -> TermSet {
        // Sized for a word per six bytes up front (no growing step by step).
        let mut set = Vec::with_capacity(lower.len() / 6);
        for word in words_as_written(lower) {
            let id = match self.seen.get(word) {
                Some(&id) => id,
                None => {
                    let id = self.analyzer.is_content_word(word).then(|| {
                        let next_id = self.ids.len() as u32;
                        *self
                            .ids
                            .entry(self.analyzer.term_of(word))
                            .or_insert(next_id)
                    });
                    self.seen.insert(word, id);
                    id
                }
            };
            set.extend(id);
        }
        term_set(set)
    }
}

/// About how many distinct words the candidates of an article of `text_len` bytes hold:
/// one per ten bytes (on the 181 AEB pages, one per 13 bytes of the article and one per 8
/// of the candidates), the candidates being at most [`MAX_CANDIDATES`] sentences.
fn vocabulary(text_len: usize) -> usize {
    const MAX_CANDIDATE_BYTES: usize = MAX_CANDIDATES * 200;
    text_len.min(MAX_CANDIDATE_BYTES) / 10
}

/// Pronouns and connectives that make a sentence lean on the one before, in the supported
/// languages (lower case).
const BACK_REFERENCES: &[&str] = &[
    "he",
    "she",
    "it",
    "they",
    "this",
    "these",
    "those",
    "but",
    "however",
    "also",
    "and",
    "so",
    "er",
    "sie",
    "es",
    "aber",
    "auch",
    "dies",
    "il",
    "elle",
    "ils",
    "elles",
    "mais",
    "cela",
    "él",
    "ella",
    "ellos",
    "pero",
    "esto",
    "он",
    "она",
    "они",
    "это",
    "но",
    "также",
    "ele",
    "ela",
    "eles",
    "mas",
    "isso",
];

fn opens_with_back_reference(sentence: &str) -> bool {
    let first_word = sentence
        .split(|c: char| !c.is_alphanumeric())
        .find(|word| !word.is_empty())
        .unwrap_or("");
    BACK_REFERENCES.contains(&crate::text::lowercase(first_word).as_str())
}

/// The title without the site name pages append ("… - BBC News", "… | The Site"): those
/// words are in every title of the site and say nothing about the story.
fn headline_of(title: &str) -> &str {
    const MAX_SITE_WORDS: usize = 4;
    let mut headline = title.trim();
    for separator in [" | ", " - ", " — ", " – "] {
        if let Some((head, tail)) = headline.rsplit_once(separator) {
            if !head.trim().is_empty() && tail.split_whitespace().count() <= MAX_SITE_WORDS {
                headline = head.trim();
            }
        }
    }
    headline
}

#[cfg(test)]
mod tests;
