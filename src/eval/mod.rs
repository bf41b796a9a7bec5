//! Evaluation commands: score the core on data sets (../shared/data or anyone's own).
//! Each prints a table and, with `--json`, machine-readable numbers; `--min-…` options turn
//! them into CI gates that fail below a threshold.

use crate::cli::Args;

pub mod extraction;
mod overlays;
mod quotes;
mod summaries;

/// F1: the harmonic mean of precision and recall (0 when both are 0). Every evaluation
/// reports it the same way.
pub fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    }
}

pub fn run(args: &mut Args) -> Result<(), String> {
    let what = args
        .positional()
        .ok_or("eval needs one of: quotes, extraction, summaries, overlays")?;
    match what.as_str() {
        "quotes" => quotes::run(args),
        "extraction" => extraction::run(args),
        "overlays" => overlays::run(args),
        "summaries" => summaries::run(args),
        other => Err(format!("no evaluation named '{other}'")),
    }
}
