//! `unveil reports SNAPDIR [--out DIR] [--repeat N]`: the page's analysis of every wire
//! snapshot in SNAPDIR (`*.json` files holding `{strings, numbers}`, as the page layer sends
//! them to the background), natively, and the summary the popup would ask for. Writes each
//! page's report JSON to DIR/<name>.json, byte for byte what the wasm returns, with the
//! summary's JSON after it on a second line, so two builds can be compared with `diff -r`;
//! prints the time of each stage (decode, article, overlays, quotes, report JSON, summary)
//! summed over the pages, the best of N runs. The way to profile the core on real pages
//! (`valgrind --tool=callgrind target/release/unveil reports SNAPDIR`).

use crate::cli::Args;
use crate::report::{summarize_article, Analysis};
use crate::snapshot::wire;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const STAGES: [&str; 6] = ["decode", "article", "overlays", "quotes", "json", "summary"];

pub fn run(args: &mut Args) -> Result<(), String> {
    let out = args.option("out")?.map(PathBuf::from);
    let repeat = args.number("repeat")?.unwrap_or(1).max(1);
    let dir = args.positional().ok_or("reports needs SNAPDIR")?;
    args.finish()?;
    let pages = read_snapshots(Path::new(&dir))?;
    if let Some(out) = &out {
        std::fs::create_dir_all(out)
            .map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    }
    let mut best = [Duration::MAX; STAGES.len()];
    for _ in 0..repeat {
        let mut times = [Duration::ZERO; STAGES.len()];
        for (name, strings, numbers) in &pages {
            let json =
                analyse_timed(strings, numbers, &mut times).map_err(|e| format!("{name}: {e}"))?;
            if let Some(out) = &out {
                let path = out.join(name);
                std::fs::write(&path, json)
                    .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            }
        }
        for (best, time) in best.iter_mut().zip(times) {
            *best = (*best).min(time);
        }
    }
    print_times(pages.len(), &best);
    Ok(())
}

/// Each `*.json` file of `dir`, by name, as (file name, strings, numbers).
fn read_snapshots(dir: &Path) -> Result<Vec<(String, String, Vec<f64>)>, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    paths.sort();
    paths.iter().map(|path| read_snapshot(path)).collect()
}

fn read_snapshot(path: &Path) -> Result<(String, String, Vec<f64>), String> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {name}: {e}"))?;
    let value: Value = serde_json::from_str(&text).map_err(|e| format!("{name}: {e}"))?;
    let strings = value
        .get("strings")
        .and_then(Value::as_str)
        .ok_or_else(|| format!("{name}: needs \"strings\""))?
        .to_string();
    let numbers = value
        .get("numbers")
        .and_then(Value::as_array)
        .ok_or_else(|| format!("{name}: needs \"numbers\""))?
        .iter()
        .map(|n| {
            n.as_f64()
                .ok_or_else(|| format!("{name}: \"numbers\" holds a non-number"))
        })
        .collect::<Result<_, _>>()?;
    Ok((name, strings, numbers))
}

/// What the wasm's `analyze` does, one stage at a time, then its `summarize` for the popup,
/// adding each stage's time to `times`: the report's JSON and the summary's, a line each.
fn analyse_timed(strings: &str, numbers: &[f64], times: &mut [Duration]) -> Result<String, String> {
    let mut started = Instant::now();
    let mut lap = |stage: usize| {
        let now = Instant::now();
        times[stage] += now - started;
        started = now;
    };
    let snapshot = wire::decode(strings, numbers).map_err(|e| format!("bad snapshot: {e}"))?;
    lap(0);
    let mut analysis = Analysis::for_page(&snapshot);
    // Stages 1..=3: `step` returns false once it has run the last one.
    let mut stage = 1;
    while analysis.step(&snapshot) {
        lap(stage);
        stage += 1;
    }
    lap(stage);
    let report = analysis.into_report();
    let json = report.page_json().map_err(|e| e.to_string())?;
    lap(4);
    let summary = report.article.as_ref().map_or_else(Vec::new, |article| {
        summarize_article(&article.text, &article.title, &article.lang)
    });
    let summary = serde_json::to_string(&summary).map_err(|e| e.to_string())?;
    lap(5);
    Ok(format!("{json}\n{summary}\n"))
}

fn print_times(pages: usize, times: &[Duration]) {
    let total: Duration = times.iter().sum();
    println!("{pages} pages, {:.1} ms in all", total.as_secs_f64() * 1e3);
    for (stage, time) in STAGES.iter().zip(times) {
        println!(
            "{stage:<9} {:8.1} ms  {:6.3} ms/page",
            time.as_secs_f64() * 1e3,
            time.as_secs_f64() * 1e3 / pages.max(1) as f64
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<html lang="en"><head><title>Ferry returns</title></head><body><article>
        <h1>The winter ferry returns to the island on Monday</h1>
        <p>"We missed the morning boat more than we expected," said Ana Kerr, who runs the
        bakery by the pier and has waited for the ferry since November.</p>
        <p>The operator said the timetable would stay the same until the spring storms pass,
        and that the old boat would run twice a day while the new one is repaired.</p>
        <p>Kerr said the bakery had sold half as much bread in the weeks without the ferry, and
        that the first boat on Monday morning carried more flour than passengers.</p>
        </article></body></html>"#;

    #[test]
    fn writes_what_the_wasm_would_and_times_every_stage() {
        let snapshot = crate::html::parse(PAGE, "https://example.org/ferry");
        let (strings, numbers) = wire::encode(&snapshot);
        let mut times = [Duration::ZERO; STAGES.len()];
        let written = analyse_timed(&strings, &numbers, &mut times).expect("analysed");
        let decoded = wire::decode(&strings, &numbers).expect("decodes");
        let expected = crate::report::analyze_for_page(&decoded)
            .page_json()
            .expect("writes");
        let (json, summary) = written.split_once('\n').expect("two lines");
        assert_eq!(json, expected);
        assert!(json.starts_with(r#"{"version":2,"status":"ok""#), "{json}");
        // The second line: the summary the popup would ask for, of the article the page got.
        let full = crate::analyze(&decoded);
        assert!(
            !full.summary.is_empty(),
            "the page has an article to summarise"
        );
        let expected_summary = serde_json::to_string(&full.summary).expect("writes");
        assert_eq!(summary, format!("{expected_summary}\n"));
        let bad = analyse_timed("", &[1.0], &mut times).expect_err("refused");
        assert!(bad.contains("bad snapshot"), "{bad}");
    }

    #[test]
    fn names_a_file_that_is_no_wire_snapshot() {
        let dir = std::env::temp_dir().join(format!("unveil-reports-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        std::fs::write(dir.join("page.json"), r#"{"strings": 3}"#).expect("written");
        let error = read_snapshots(&dir).expect_err("refused");
        assert!(
            error.contains("page.json") && error.contains("strings"),
            "{error}"
        );
        std::fs::remove_dir_all(&dir).ok();
    }
}
