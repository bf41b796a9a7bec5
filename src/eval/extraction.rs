//! `unveil eval extraction AEB_DIR [--peer NAME=PRED.jsonl …] [--json] [--min-f1 X]`
//! `unveil eval extraction --readability-suite DIR [--json]`
//!
//! The AEB metric (article-extraction-benchmark's evaluate.py): per page, the multisets
//! of 4-token shingles (`\w+` tokens, case kept) of the prediction and of the truth;
//! TP/FP/FN over shingles; per-page precision averaged over pages that predicted
//! something, recall over pages whose truth has text; F1 from the averaged P and R.

use crate::article;
use crate::cli::{read_jsonl_file, Args};
use crate::html;
use regex::Regex;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

const SHINGLE_TOKENS: usize = 4;

pub fn run(args: &mut Args) -> Result<(), String> {
    let as_json = args.flag("json");
    let per_page = args.flag("per-page");
    let min_f1 = args
        .option("min-f1")?
        .map(|v| {
            v.parse::<f64>()
                .map_err(|_| format!("--min-f1 takes a number, not '{v}'"))
        })
        .transpose()?;
    let suite = args.option("readability-suite")?;
    let mut peers = Vec::new();
    while let Some(peer) = args.option("peer")? {
        peers.push(peer);
    }
    if let Some(dir) = suite {
        args.finish()?;
        return run_readability_suite(Path::new(&dir), as_json, min_f1);
    }
    let dir = args
        .positional()
        .ok_or("eval extraction needs AEB_DIR or --readability-suite DIR")?;
    args.finish()?;
    run_aeb(Path::new(&dir), &peers, as_json, per_page, min_f1)
}

/// TP, FP, FN of one page (raw shingle counts).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Matching {
    pub tp: f64,
    pub fp: f64,
    pub fn_: f64,
}

/// Averaged precision, recall and their F1.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

pub struct Shingler {
    word: Regex,
}

impl Shingler {
    pub fn new() -> Result<Shingler, String> {
        Ok(Shingler {
            word: Regex::new(r"\w+").map_err(|e| e.to_string())?,
        })
    }

    /// Multiset of shingles; texts shorter than 4 tokens give one shorter shingle.
    fn shingles<'t>(&self, text: &'t str) -> HashMap<Vec<&'t str>, u32> {
        let tokens: Vec<&str> = self.word.find_iter(text).map(|m| m.as_str()).collect();
        let mut counts = HashMap::new();
        let windows = tokens.len().saturating_sub(SHINGLE_TOKENS - 1).max(1);
        for start in 0..windows {
            let shingle: Vec<&str> = tokens
                .iter()
                .skip(start)
                .take(SHINGLE_TOKENS)
                .copied()
                .collect();
            if !shingle.is_empty() {
                *counts.entry(shingle).or_insert(0) += 1;
            }
        }
        counts
    }

    pub fn matching(&self, truth: &str, prediction: &str) -> Matching {
        let truth = self.shingles(truth);
        let predicted = self.shingles(prediction);
        let mut result = Matching::default();
        for (shingle, &count) in &truth {
            let other = predicted.get(shingle).copied().unwrap_or(0);
            result.tp += count.min(other) as f64;
            result.fn_ += count.saturating_sub(other) as f64;
        }
        for (shingle, &count) in &predicted {
            let other = truth.get(shingle).copied().unwrap_or(0);
            result.fp += count.saturating_sub(other) as f64;
        }
        result
    }
}

fn page_precision(m: &Matching) -> f64 {
    if m.fp == 0.0 && m.fn_ == 0.0 {
        1.0
    } else if m.tp == 0.0 && m.fp == 0.0 {
        0.0
    } else {
        m.tp / (m.tp + m.fp)
    }
}

fn page_recall(m: &Matching) -> f64 {
    if m.fp == 0.0 && m.fn_ == 0.0 {
        1.0
    } else if m.tp == 0.0 && m.fn_ == 0.0 {
        0.0
    } else {
        m.tp / (m.tp + m.fn_)
    }
}

fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, count) = values.fold((0.0, 0usize), |(s, c), v| (s + v, c + 1));
    if count == 0 {
        0.0
    } else {
        sum / count as f64
    }
}

/// Averages as evaluate.py does (normalising per page does not change P or R).
pub fn aggregate(pages: &[Matching]) -> Scores {
    let precision = mean(
        pages
            .iter()
            .filter(|m| m.tp + m.fp > 0.0)
            .map(page_precision),
    );
    let recall = mean(pages.iter().filter(|m| m.tp + m.fn_ > 0.0).map(page_recall));
    let f1 = super::f1(precision, recall);
    Scores {
        precision,
        recall,
        f1,
    }
}

struct AebPage {
    id: String,
    url: String,
    truth: String,
}

fn load_aeb(dir: &Path) -> Result<Vec<AebPage>, String> {
    let path = dir.join("ground-truth.json");
    let raw = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let truth: Value =
        serde_json::from_str(&raw).map_err(|e| format!("{}: {e}", path.display()))?;
    let map = truth
        .as_object()
        .ok_or("ground-truth.json is not an object")?;
    let mut pages: Vec<AebPage> = map
        .iter()
        .map(|(id, entry)| AebPage {
            id: id.clone(),
            url: entry
                .get("url")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string(),
            truth: entry
                .get("articleBody")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string(),
        })
        .collect();
    pages.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(pages)
}

/// A peer's predictions: `{id, text}` (or `articleBody`) per line.
fn load_peer(spec: &str) -> Result<(String, HashMap<String, String>), String> {
    let (name, path) = spec.split_once('=').map_or_else(
        || (peer_name_from_path(spec), spec),
        |(n, p)| (n.to_string(), p),
    );
    let mut texts = HashMap::new();
    for line in read_jsonl_file(path)? {
        let id = line
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        let text = line
            .get("text")
            .or(line.get("articleBody"))
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        texts.insert(id, text);
    }
    Ok((name, texts))
}

fn peer_name_from_path(path: &str) -> String {
    Path::new(path)
        .file_stem()
        .map_or_else(|| path.to_string(), |s| s.to_string_lossy().into_owned())
}

fn run_aeb(
    dir: &Path,
    peer_specs: &[String],
    as_json: bool,
    per_page: bool,
    min_f1: Option<f64>,
) -> Result<(), String> {
    let shingler = Shingler::new()?;
    let pages = load_aeb(dir)?;
    let peers = peer_specs
        .iter()
        .map(|s| load_peer(s))
        .collect::<Result<Vec<_>, _>>()?;
    let mut ours = Vec::with_capacity(pages.len());
    let mut peer_matchings: Vec<Vec<Matching>> = vec![Vec::new(); peers.len()];
    let (mut parse_ms, mut extract_ms, mut no_article) = (Vec::new(), Vec::new(), 0usize);
    for page in &pages {
        let file = dir.join("html").join(format!("{}.html.gz", page.id));
        let source = html::read_html_file(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        let started = Instant::now();
        let snapshot = html::parse(&source, &page.url);
        parse_ms.push(started.elapsed().as_secs_f64() * 1000.0);
        let started = Instant::now();
        let extracted = article::extract(&snapshot);
        extract_ms.push(started.elapsed().as_secs_f64() * 1000.0);
        let text = extracted.map(|a| a.text).unwrap_or_default();
        if text.is_empty() {
            no_article += 1;
        }
        let matching = shingler.matching(&page.truth, &text);
        if per_page {
            println!(
                "{} P {:.3} R {:.3} words {} ms {:.2} {}",
                page.id,
                page_precision(&matching),
                page_recall(&matching),
                text.split_whitespace().count(),
                extract_ms.last().copied().unwrap_or(0.0),
                page.url
            );
        }
        ours.push(matching);
        for ((_, texts), matchings) in peers.iter().zip(peer_matchings.iter_mut()) {
            let predicted = texts.get(&page.id).map_or("", String::as_str);
            matchings.push(shingler.matching(&page.truth, predicted));
        }
    }
    let our_scores = aggregate(&ours);
    let peer_scores: Vec<(String, Scores)> = peers
        .iter()
        .zip(&peer_matchings)
        .map(|((name, _), m)| (name.clone(), aggregate(m)))
        .collect();
    let timing = json!({"parse_median_ms": median(&mut parse_ms), "extract_median_ms": median(&mut extract_ms),
                        "extract_mean_ms": mean(extract_ms.iter().copied())});
    if as_json {
        let peers_json: serde_json::Map<String, Value> = peer_scores
            .iter()
            .map(|(n, s)| (n.clone(), scores_json(s)))
            .collect();
        println!(
            "{}",
            json!({"pages": pages.len(), "unveil": scores_json(&our_scores), "no_article": no_article,
                   "peers": peers_json, "timing": timing})
        );
    } else {
        println!(
            "AEB: {} pages ({} with no article found)",
            pages.len(),
            no_article
        );
        println!(
            "{:<16} {:>9} {:>9} {:>9}",
            "extractor", "precision", "recall", "F1"
        );
        print_row("unveil", &our_scores);
        for (name, scores) in &peer_scores {
            print_row(name, scores);
        }
        println!(
            "unveil ms/page: extract median {:.2}, mean {:.2}; HTML parse median {:.2} (native only)",
            timing["extract_median_ms"].as_f64().unwrap_or(0.0),
            timing["extract_mean_ms"].as_f64().unwrap_or(0.0),
            timing["parse_median_ms"].as_f64().unwrap_or(0.0)
        );
    }
    gate(our_scores.f1, min_f1)
}

fn print_row(name: &str, scores: &Scores) {
    println!(
        "{:<16} {:>9.3} {:>9.3} {:>9.3}",
        name, scores.precision, scores.recall, scores.f1
    );
}

fn scores_json(scores: &Scores) -> Value {
    json!({"precision": scores.precision, "recall": scores.recall, "f1": scores.f1})
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(0.0)
}

fn gate(f1: f64, min_f1: Option<f64>) -> Result<(), String> {
    match min_f1 {
        Some(min) if f1 < min => Err(format!("F1 {f1:.3} is below --min-f1 {min}")),
        _ => Ok(()),
    }
}

/// Case directories of Readability's suite (`DIR/pages/*` or `DIR/*`).
fn suite_cases(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let pages = dir.join("pages");
    let root = if pages.is_dir() {
        pages
    } else {
        dir.to_path_buf()
    };
    let entries = std::fs::read_dir(&root).map_err(|e| format!("{}: {e}", root.display()))?;
    let mut cases: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("source.html").is_file())
        .collect();
    cases.sort();
    Ok(cases)
}

/// "By Jane Doe", "Par Jane Doe" and "jane  doe" are the same byline.
fn normalize_byline(byline: &str) -> String {
    let lower = byline.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let words = match words.first() {
        Some(&("by" | "par" | "por" | "von")) => &words[1..],
        _ => &words[..],
    };
    words.join(" ")
}

fn run_readability_suite(dir: &Path, as_json: bool, min_f1: Option<f64>) -> Result<(), String> {
    let shingler = Shingler::new()?;
    let cases = suite_cases(dir)?;
    let (mut titles, mut bylines, mut bylines_expected) = (0usize, 0usize, 0usize);
    let mut matchings = Vec::new();
    let mut failures: Vec<String> = Vec::new();
    let mut no_article = 0usize;
    for case in &cases {
        let read = |name: &str| {
            std::fs::read_to_string(case.join(name))
                .map_err(|e| format!("{}/{name}: {e}", case.display()))
        };
        let source = read("source.html")?;
        let expected_html = read("expected.html")?;
        let expected: Value =
            serde_json::from_str(&read("expected-metadata.json")?).unwrap_or(Value::Null);
        let snapshot = html::parse(&source, "http://fakehost/test/page.html");
        let extracted = article::extract(&snapshot);
        let expected_snapshot = html::parse(&expected_html, "");
        let expected_text = article::text_of_subtree(&expected_snapshot, 0)
            .text()
            .to_string();
        // Metadata is scored even where no article was found (tiny test pages), so the
        // title and byline rates measure metadata reading, not the no-article decision.
        let (title, byline, text) = match &extracted {
            Some(a) => (
                a.title.clone(),
                a.byline.clone().unwrap_or_default(),
                a.text.clone(),
            ),
            None => {
                no_article += 1;
                let metadata = article::metadata::read(&snapshot, &snapshot.children(), None);
                (
                    metadata.title,
                    metadata.byline.unwrap_or_default(),
                    String::new(),
                )
            }
        };
        let expected_title = expected
            .get("title")
            .and_then(Value::as_str)
            .unwrap_or("")
            .trim();
        let name = case
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        if crate::snapshot::collapse_whitespace(expected_title) == title {
            titles += 1;
        } else {
            failures.push(format!("{name}: title {title:?} ≠ {expected_title:?}"));
        }
        if let Some(expected_byline) = expected.get("byline").and_then(Value::as_str) {
            bylines_expected += 1;
            if normalize_byline(expected_byline) == normalize_byline(&byline) {
                bylines += 1;
            } else {
                failures.push(format!("{name}: byline {byline:?} ≠ {expected_byline:?}"));
            }
        }
        matchings.push(shingler.matching(&expected_text, &text));
    }
    let scores = aggregate(&matchings);
    let title_rate = titles as f64 / cases.len().max(1) as f64;
    let byline_rate = bylines as f64 / bylines_expected.max(1) as f64;
    if as_json {
        println!(
            "{}",
            json!({"cases": cases.len(), "no_article": no_article, "title_exact": title_rate, "byline_match": byline_rate,
                   "bylines_expected": bylines_expected, "text": scores_json(&scores)})
        );
    } else {
        for failure in &failures {
            println!("  {failure}");
        }
        println!(
            "Readability suite: {} cases ({no_article} with no article found)",
            cases.len()
        );
        println!(
            "title exact match {:.3} ({titles}/{})",
            title_rate,
            cases.len()
        );
        println!(
            "byline match      {:.3} ({bylines}/{bylines_expected} cases with an expected byline)",
            byline_rate
        );
        println!(
            "text vs expected.html: P {:.3} R {:.3} F1 {:.3}",
            scores.precision, scores.recall, scores.f1
        );
    }
    gate(scores.f1, min_f1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shingle_matching_counts_multisets() {
        let shingler = Shingler::new().expect("regex");
        let m = shingler.matching("one two three four five", "one two three four six");
        assert_eq!((m.tp, m.fp, m.fn_), (1.0, 1.0, 1.0));
        let short = shingler.matching("just two", "just two");
        assert_eq!((short.tp, short.fp, short.fn_), (1.0, 0.0, 0.0));
        let empty = shingler.matching("a b c d", "");
        assert_eq!(page_precision(&empty), 0.0);
        assert_eq!(page_recall(&empty), 0.0);
    }

    #[test]
    fn aggregate_skips_pages_without_predictions_for_precision() {
        let pages = [
            Matching {
                tp: 3.0,
                fp: 1.0,
                fn_: 0.0,
            },
            Matching {
                tp: 0.0,
                fp: 0.0,
                fn_: 5.0,
            },
        ];
        let scores = aggregate(&pages);
        assert!((scores.precision - 0.75).abs() < 1e-9);
        assert!((scores.recall - 0.5).abs() < 1e-9);
    }

    #[test]
    fn bylines_compare_without_by() {
        assert_eq!(
            normalize_byline("By  Jane Doe"),
            normalize_byline("jane doe")
        );
        assert_eq!(normalize_byline("Par Jane Doe"), "jane doe");
        assert_ne!(normalize_byline("Parker Jane"), "jane");
    }
}
