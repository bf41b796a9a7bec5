//! Evaluation commands: score the core on data sets (../shared/data or anyone's own).
//! Each prints a table and, with `--json`, machine-readable numbers; `--min-…` options turn
//! them into CI gates that fail below a threshold.

use crate::cli::Args;

pub mod extraction;
mod overlays;
mod quotes;
mod summaries;

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
