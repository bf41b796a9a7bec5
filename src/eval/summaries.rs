//! `unveil eval summaries DEV.jsonl [--json] [--weights P,S,C,T,O] [--dump OUT.jsonl]
//! [--min-cnndm-r1 X] …`:
//! ROUGE-1/2/Lsum F1 of our summaries beside Lead-k and a standard TextRank, on the same
//! articles, per source (`cnndm_summeval`: 3 sentences, `xsum`: 1 sentence).
//!
//! Each line: `{id, source, title, text, reference, references?}`. With several references,
//! the `reference` field (the original highlights / the XSum summary) is scored, as the
//! published peer numbers do. The references are not one sentence per line, so they are
//! split with our sentence splitter for ROUGE-Lsum.

mod porter;
mod rouge;

use crate::cli::{read_jsonl_file, Args};
use crate::summary::graph::pagerank;
use crate::summary::{summarize_weighted, Weights};
use crate::text::{detect_language, split_sentences, TermAnalyzer};
use rouge::RougeScores;
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashSet};
use std::time::{Duration, Instant};

/// The summarisers compared, in table order.
const SYSTEMS: [&str; 3] = ["ours", "lead", "textrank"];
/// ROUGE names as the gates spell them.
const METRICS: [&str; 3] = ["r1", "r2", "rlsum"];

/// Source name in the data, its short name for the gates, and the summary length.
const SOURCES: [(&str, &str, usize); 2] = [("cnndm_summeval", "cnndm", 3), ("xsum", "xsum", 1)];

/// Published peers on the larger set this one was split from (rouge-score 0.1.2, stemmed).
const PEERS: &str =
    "published (larger set): CNN/DM Lead-3 42.18/19.65/38.31, TextRank 36.31/15.69/33.03; \
XSum Lead-1 16.58/1.65/12.12, TextRank 18.49/2.65/13.18";

#[derive(Default)]
struct Totals {
    articles: usize,
    sums: BTreeMap<&'static str, [f64; 3]>,
    our_time: Duration,
    /// Per-article lines for `--dump`: the target and each system's sentences and scores.
    dump: Vec<Value>,
}

impl Totals {
    fn add(&mut self, system: &'static str, scores: RougeScores) {
        let sum = self.sums.entry(system).or_insert([0.0; 3]);
        sum[0] += scores.rouge1;
        sum[1] += scores.rouge2;
        sum[2] += scores.rouge_lsum;
    }

    /// Mean scores in percent, as ROUGE is usually reported.
    fn means(&self, system: &str) -> [f64; 3] {
        let sum = self.sums.get(system).copied().unwrap_or([0.0; 3]);
        let n = self.articles.max(1) as f64;
        sum.map(|value| 100.0 * value / n)
    }
}

pub fn run(args: &mut Args) -> Result<(), String> {
    let as_json = args.flag("json");
    let weights = match args.option("weights")? {
        Some(list) => parse_weights(&list)?,
        None => Weights::default(),
    };
    let dump_path = args.option("dump")?;
    let mut gates = Vec::new();
    for (_, short, _) in SOURCES {
        for metric in METRICS {
            let name = format!("min-{short}-{metric}");
            if let Some(value) = args.option(&name)? {
                let threshold: f64 = value
                    .parse()
                    .map_err(|_| format!("--{name} takes a number (percent), not '{value}'"))?;
                gates.push((short, metric, threshold));
            }
        }
    }
    let path = args.positional().ok_or("eval summaries needs DEV.jsonl")?;
    args.finish()?;

    let rows = read_jsonl_file(&path)?;
    let mut totals: BTreeMap<&'static str, Totals> = BTreeMap::new();
    for row in &rows {
        let source = row.get("source").and_then(Value::as_str).unwrap_or("");
        let Some(&(name, _, k)) = SOURCES.iter().find(|(name, _, _)| *name == source) else {
            continue;
        };
        score_article(row, k, &weights, totals.entry(name).or_default())?;
    }

    if let Some(dump_path) = dump_path {
        write_dump(&dump_path, &totals)?;
    }
    let report = report_json(&totals, &weights);
    if as_json {
        println!(
            "{}",
            serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?
        );
    } else {
        print!("{}", render_table(&totals));
    }
    check_gates(&totals, &gates)
}

/// "P,S,C,T,O" → weights (position, position scale, centrality, title, max overlap).
fn parse_weights(list: &str) -> Result<Weights, String> {
    let values: Vec<f64> = list
        .split(',')
        .map(|v| v.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .map_err(|_| format!("--weights takes five numbers P,S,C,T,O, not '{list}'"))?;
    match values.as_slice() {
        &[position, position_scale, centrality, title, max_overlap] => Ok(Weights {
            position,
            position_scale,
            centrality,
            title,
            max_overlap,
            ..Weights::default()
        }),
        _ => Err(format!(
            "--weights takes five numbers P,S,C,T,O, not '{list}'"
        )),
    }
}

fn score_article(
    row: &Value,
    k: usize,
    weights: &Weights,
    totals: &mut Totals,
) -> Result<(), String> {
    let field = |name: &str| row.get(name).and_then(Value::as_str).unwrap_or("");
    let (text, title, reference) = (field("text"), field("title"), field("reference"));
    if reference.is_empty() {
        return Err(format!("{}: no \"reference\"", field("id")));
    }
    let lang = detect_language(text);
    let target = one_sentence_per_line(reference, lang);

    let started = Instant::now();
    let ours: Vec<String> = summarize_weighted(text, title, lang, k, weights)
        .into_iter()
        .map(|s| s.text)
        .collect();
    totals.our_time += started.elapsed();

    let systems = [
        ("ours", ours),
        ("lead", lead(text, lang, k)),
        ("textrank", textrank(text, lang, k)),
    ];
    let mut line = json!({"id": field("id"), "target": target});
    for (system, sentences) in systems {
        let prediction = sentences.join("\n");
        let scores = rouge::score(&target, &prediction);
        totals.add(system, scores);
        line[system] = json!({"prediction": prediction,
            "scores": [scores.rouge1, scores.rouge2, scores.rouge_lsum]});
    }
    totals.dump.push(line);
    totals.articles += 1;
    Ok(())
}

fn write_dump(path: &str, totals: &BTreeMap<&'static str, Totals>) -> Result<(), String> {
    let lines: Vec<String> = totals
        .values()
        .flat_map(|source| source.dump.iter().map(Value::to_string))
        .collect();
    std::fs::write(path, lines.join("\n") + "\n").map_err(|e| format!("cannot write {path}: {e}"))
}

fn one_sentence_per_line(text: &str, lang: &str) -> String {
    split_sentences(text, lang)
        .into_iter()
        .map(|s| s.text)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Lead-k: the first k sentences.
fn lead(text: &str, lang: &str, k: usize) -> Vec<String> {
    split_sentences(text, lang)
        .into_iter()
        .take(k)
        .map(|s| s.text.to_string())
        .collect()
}

/// TextRank (Mihalcea & Tarau 2004): similarity = shared content words /
/// (log |s1| + log |s2|), PageRank with d = 0.85, the top k in text order.
fn textrank(text: &str, lang: &str, k: usize) -> Vec<String> {
    let analyzer = TermAnalyzer::new(lang);
    let sentences = split_sentences(text, lang);
    let words: Vec<Vec<String>> = sentences
        .iter()
        .map(|s| analyzer.content_terms(s.text))
        .collect();
    let sets: Vec<HashSet<&String>> = words.iter().map(|w| w.iter().collect()).collect();
    let n = sentences.len();
    let mut matrix = vec![0.0; n * n];
    for i in 0..n {
        for j in (i + 1)..n {
            let (Some(a), Some(b)) = (sets.get(i), sets.get(j)) else {
                continue;
            };
            let shared = a.intersection(b).count() as f64;
            let norm = (a.len() as f64).ln() + (b.len() as f64).ln();
            let similarity = if shared > 0.0 && norm > 0.0 {
                shared / norm
            } else {
                0.0
            };
            if let Some(cell) = matrix.get_mut(i * n + j) {
                *cell = similarity;
            }
            if let Some(cell) = matrix.get_mut(j * n + i) {
                *cell = similarity;
            }
        }
    }
    let scores = pagerank(&matrix, n, 0.85);
    let mut order: Vec<usize> = (0..n).collect();
    let score_of = |i: usize| scores.get(i).copied().unwrap_or(0.0);
    order.sort_by(|&a, &b| score_of(b).total_cmp(&score_of(a)));
    let mut chosen: Vec<usize> = order.into_iter().take(k).collect();
    chosen.sort_unstable();
    chosen
        .into_iter()
        .filter_map(|i| sentences.get(i).map(|s| s.text.to_string()))
        .collect()
}

fn report_json(totals: &BTreeMap<&'static str, Totals>, weights: &Weights) -> Value {
    let mut sources = serde_json::Map::new();
    for (name, source) in totals {
        let k = SOURCES
            .iter()
            .find(|(n, _, _)| n == name)
            .map_or(0, |s| s.2);
        let mut systems = serde_json::Map::new();
        for system in SYSTEMS {
            let [r1, r2, rlsum] = source.means(system);
            systems.insert(system.into(), json!({"r1": r1, "r2": r2, "rlsum": rlsum}));
        }
        sources.insert(
            (*name).into(),
            json!({"articles": source.articles, "k": k, "systems": systems,
                   "ours_ms_per_article": ms_per_article(source)}),
        );
    }
    json!({"reference_field": "reference", "weights": format!("{weights:?}"), "sources": sources})
}

fn ms_per_article(totals: &Totals) -> f64 {
    totals.our_time.as_secs_f64() * 1000.0 / totals.articles.max(1) as f64
}

fn render_table(totals: &BTreeMap<&'static str, Totals>) -> String {
    let mut out = String::from(
        "ROUGE F1 (%) vs the `reference` field (rouge-score 0.1.2 rules, Porter stemming; \
         references split into sentences for Lsum)\n",
    );
    out.push_str(&format!(
        "{:<16} {:>4} {:<10} {:>8} {:>8} {:>10}\n",
        "source", "k", "system", "ROUGE-1", "ROUGE-2", "ROUGE-Lsum"
    ));
    for (name, source) in totals {
        let k = SOURCES
            .iter()
            .find(|(n, _, _)| n == name)
            .map_or(0, |s| s.2);
        for system in SYSTEMS {
            let [r1, r2, rlsum] = source.means(system);
            let label = if system == "lead" {
                format!("lead-{k}")
            } else {
                system.to_string()
            };
            out.push_str(&format!(
                "{:<16} {:>4} {:<10} {:>8.2} {:>8.2} {:>10.2}\n",
                format!("{name} ({})", source.articles),
                k,
                label,
                r1,
                r2,
                rlsum
            ));
        }
        out.push_str(&format!(
            "{:<16} ours: {:.3} ms per article\n",
            "",
            ms_per_article(source)
        ));
    }
    out.push_str(PEERS);
    out.push('\n');
    out
}

/// Fails when any `--min-SOURCE-METRIC` threshold is not met by our summaries.
fn check_gates(
    totals: &BTreeMap<&'static str, Totals>,
    gates: &[(&str, &str, f64)],
) -> Result<(), String> {
    let mut failures = Vec::new();
    for &(short, metric, threshold) in gates {
        let Some((name, _, _)) = SOURCES.iter().find(|(_, s, _)| *s == short) else {
            continue;
        };
        let means = totals
            .get(name)
            .map(|t| t.means("ours"))
            .unwrap_or([0.0; 3]);
        let index = METRICS.iter().position(|m| *m == metric).unwrap_or(0);
        let value = means.get(index).copied().unwrap_or(0.0);
        if value < threshold {
            failures.push(format!("{short} {metric} {value:.2} < {threshold}"));
        }
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(format!("summary gates failed: {}", failures.join("; ")))
    }
}
