//! ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 as Google's rouge-score 0.1.2 computes them with
//! `use_stemmer=True`: lower-case, every run of characters outside `[a-z0-9]` becomes a
//! space, tokens longer than 3 characters are Porter-stemmed; Lsum is the summary-level
//! union LCS over sentences given one per line.

use super::porter;
use std::collections::HashMap;

/// F1 scores in [0, 1].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct RougeScores {
    pub rouge1: f64,
    pub rouge2: f64,
    pub rouge_lsum: f64,
}

/// rouge-score's default tokenizer with stemming.
pub fn tokenize(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    lower
        .split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
        .filter(|token| !token.is_empty())
        .map(|token| {
            if token.len() > 3 {
                porter::stem(token)
            } else {
                token.to_string()
            }
        })
        .collect()
}

/// Scores `prediction` against `target`; both have one sentence per line (for Lsum).
pub fn score(target: &str, prediction: &str) -> RougeScores {
    let target_tokens = tokenize(target);
    let prediction_tokens = tokenize(prediction);
    RougeScores {
        rouge1: ngram_f1(&target_tokens, &prediction_tokens, 1),
        rouge2: ngram_f1(&target_tokens, &prediction_tokens, 2),
        rouge_lsum: lsum_f1(&lines_tokens(target), &lines_tokens(prediction)),
    }
}

fn lines_tokens(text: &str) -> Vec<Vec<String>> {
    text.split('\n')
        .filter(|line| !line.is_empty())
        .map(tokenize)
        .collect()
}

fn f1(hits: usize, target_len: usize, prediction_len: usize) -> f64 {
    if target_len == 0 || prediction_len == 0 || hits == 0 {
        return 0.0;
    }
    let precision = hits as f64 / prediction_len as f64;
    let recall = hits as f64 / target_len as f64;
    crate::eval::f1(precision, recall)
}

fn ngram_counts(tokens: &[String], n: usize) -> HashMap<&[String], usize> {
    let mut counts = HashMap::new();
    for gram in tokens.windows(n) {
        *counts.entry(gram).or_insert(0) += 1;
    }
    counts
}

fn ngram_f1(target: &[String], prediction: &[String], n: usize) -> f64 {
    let target_counts = ngram_counts(target, n);
    let prediction_counts = ngram_counts(prediction, n);
    let hits = target_counts
        .iter()
        .map(|(gram, &count)| count.min(prediction_counts.get(gram).copied().unwrap_or(0)))
        .sum();
    f1(
        hits,
        target_counts.values().sum(),
        prediction_counts.values().sum(),
    )
}

/// Summary-level LCS (rouge-score `_summary_level_lcs`): for each target sentence, the union
/// of its LCS tokens with every predicted sentence, each token counted at most as often as it
/// occurs on both sides.
fn lsum_f1(target: &[Vec<String>], prediction: &[Vec<String>]) -> f64 {
    let target_len: usize = target.iter().map(Vec::len).sum();
    let prediction_len: usize = prediction.iter().map(Vec::len).sum();
    if target_len == 0 || prediction_len == 0 {
        return 0.0;
    }
    let mut target_left = token_counts(target);
    let mut prediction_left = token_counts(prediction);
    let mut hits = 0;
    for sentence in target {
        for token in union_lcs(sentence, prediction) {
            let (Some(t), Some(p)) = (target_left.get_mut(token), prediction_left.get_mut(token))
            else {
                continue;
            };
            if *t > 0 && *p > 0 {
                hits += 1;
                *t -= 1;
                *p -= 1;
            }
        }
    }
    f1(hits, target_len, prediction_len)
}

fn token_counts(sentences: &[Vec<String>]) -> HashMap<&str, usize> {
    let mut counts = HashMap::new();
    for token in sentences.iter().flatten() {
        *counts.entry(token.as_str()).or_insert(0) += 1;
    }
    counts
}

/// The tokens of `reference` that lie on an LCS with any of `candidates`, in order.
fn union_lcs<'a>(reference: &'a [String], candidates: &[Vec<String>]) -> Vec<&'a str> {
    let mut indices: Vec<usize> = candidates
        .iter()
        .flat_map(|candidate| lcs_indices(reference, candidate))
        .collect();
    indices.sort_unstable();
    indices.dedup();
    indices
        .into_iter()
        .filter_map(|i| reference.get(i).map(String::as_str))
        .collect()
}

/// Indices into `reference` of one LCS with `candidate`, backtracked like rouge-score's
/// `_backtrack_norec` (ties go to the reference side) so that the unions agree.
fn lcs_indices(reference: &[String], candidate: &[String]) -> Vec<usize> {
    let (rows, cols) = (reference.len(), candidate.len());
    let width = cols + 1;
    let mut table = vec![0usize; (rows + 1) * width];
    let at = |table: &Vec<usize>, i: usize, j: usize| table.get(i * width + j).copied();
    for i in 1..=rows {
        for j in 1..=cols {
            let value = if reference.get(i - 1) == candidate.get(j - 1) {
                at(&table, i - 1, j - 1).unwrap_or(0) + 1
            } else {
                at(&table, i - 1, j)
                    .unwrap_or(0)
                    .max(at(&table, i, j - 1).unwrap_or(0))
            };
            if let Some(cell) = table.get_mut(i * width + j) {
                *cell = value;
            }
        }
    }
    let (mut i, mut j) = (rows, cols);
    let mut found = Vec::new();
    while i > 0 && j > 0 {
        if reference.get(i - 1) == candidate.get(j - 1) {
            found.push(i - 1);
            i -= 1;
            j -= 1;
        } else if at(&table, i, j - 1) > at(&table, i - 1, j) {
            j -= 1;
        } else {
            i -= 1;
        }
    }
    found.reverse();
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokenizes_like_rouge_score() {
        assert_eq!(
            tokenize("The U.S. ministers' meetings, 2024!"),
            ["the", "u", "s", "minist", "meet", "2024"]
        );
    }

    #[test]
    fn identical_texts_score_one_and_disjoint_zero() {
        let text = "the cat sat on the mat\nit was happy";
        let same = score(text, text);
        assert!((same.rouge1 - 1.0).abs() < 1e-9);
        assert!((same.rouge2 - 1.0).abs() < 1e-9);
        assert!((same.rouge_lsum - 1.0).abs() < 1e-9);
        assert_eq!(score(text, "dogs bark loudly"), RougeScores::default());
        assert_eq!(score("", text), RougeScores::default());
    }

    #[test]
    fn partial_overlap() {
        // Target 6 tokens, prediction 4, 3 unigrams shared: P 3/4, R 3/6, F1 0.6.
        let scores = score("police arrested two men on friday", "two men were arrested");
        assert!((scores.rouge1 - 0.6).abs() < 1e-9);
        // One shared bigram "two men": P 1/3, R 1/5, F1 0.25.
        assert!((scores.rouge2 - 0.25).abs() < 1e-9);
    }
}
