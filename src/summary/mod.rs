//! Extractive summaries: the article's own key sentences, in order.
//!
//! Owner: summary.

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct SummarySentence {
    pub text: String,
    /// 0 = most important. The popup shows the sentences with `rank < n`, in text order.
    pub rank: usize,
}

/// Picks up to `max_sentences` key sentences of `text`, returned in text order.
/// `lang` is an ISO 639-1 code or "" for unknown.
pub fn summarize(text: &str, lang: &str, max_sentences: usize) -> Vec<SummarySentence> {
    let _ = (text, lang, max_sentences);
    Vec::new()
}
