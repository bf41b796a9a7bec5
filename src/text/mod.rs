//! Language-aware text utilities shared by the analyses: language detection, sentence
//! splitting, words, stop words and stems.
//!
//! Owner: summary.

pub mod hash;
mod lang;
mod phrases;
mod sentences;
mod words;

pub use lang::detect_language;
pub use phrases::{starts_word, PhraseIndex};
pub use sentences::{split_sentences, split_sentences_of, ByteCursor, Sentence};
pub use words::{
    for_each_word, is_alphanumeric, lowercase, stop_words, words, words_as_written, TermAnalyzer,
    SUPPORTED_LANGUAGES,
};
