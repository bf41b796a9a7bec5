//! `unveil eval overlays OVERLAYS_DIR [--json] [--min-recognised X]`
//!
//! Reads `fixtures.txt` (real saved pages, one described element a line), recognises each
//! described element (shown or mounted hidden) and checks that TRAP lines (content whose
//! class says "paywall", players, navigation) are never chosen. Then runs the full scan on
//! every page and flags any chosen element that holds a TRAP or the article.
//! Exits non-zero when a TRAP is chosen or the recognised share is below the gate.

use crate::cli::Args;
use crate::overlays::{self, Category, ScanContext};
use crate::snapshot::{NodeId, Snapshot};
use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

/// One line of fixtures.txt.
struct Fixture {
    path: String,
    element: String,
    kind: String,
}

impl Fixture {
    fn is_trap(&self) -> bool {
        self.kind.starts_with("TRAP") || self.kind.contains("not overlay")
    }

    fn is_root_lock(&self) -> bool {
        self.kind.contains("scroll-lock")
    }

    /// The category the fixture's description implies (for the per-kind table).
    fn expected(&self) -> &'static str {
        let kind = self.kind.to_lowercase();
        let has = |words: &[&str]| words.iter().any(|w| kind.contains(w));
        if has(&["adblock"]) {
            "adblock"
        } else if has(&["consent", "cookie"]) {
            "cookie"
        } else if has(&["newsletter", "email"]) {
            "newsletter"
        } else if has(&["donation", "membership", "centralnotice"]) {
            "donation"
        } else if has(&["paywall", "meter", "regwall", "piano", "subscription"]) {
            "paywall"
        } else {
            "other"
        }
    }
}

fn parse_fixtures(text: &str) -> Vec<Fixture> {
    text.lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .filter_map(|line| {
            let fields: Vec<&str> = line.splitn(6, " | ").map(str::trim).collect();
            Some(Fixture {
                path: fields.get(1)?.to_string(),
                element: fields.get(3)?.to_string(),
                kind: fields.get(4)?.to_string(),
            })
        })
        .collect()
}

/// Finds the first element matching `tag#id.class1.class2` (the last class may be cut short
/// in the fixture file, so it matches as a prefix).
fn locate(snapshot: &Snapshot, spec: &str) -> Option<NodeId> {
    let mut parts = spec.split('.');
    let head = parts.next()?;
    let classes: Vec<&str> = parts.collect();
    let (tag, id) = match head.split_once('#') {
        Some((tag, id)) => (tag, Some(id)),
        None => (head, None),
    };
    let position = snapshot.nodes.iter().position(|node| {
        node.is_element()
            && node.tag == tag
            && id.is_none_or(|id| node.id_attr() == id)
            && classes.iter().enumerate().all(|(i, wanted)| {
                let last = i + 1 == classes.len();
                node.classes()
                    .any(|c| c == *wanted || (last && c.starts_with(wanted)))
            })
    })?;
    Some(position as NodeId)
}

#[derive(Default)]
struct Tally {
    recognised: usize,
    total: usize,
    category_right: usize,
}

pub fn run(args: &mut Args) -> Result<(), String> {
    let as_json = args.flag("json");
    let min_recognised: Option<f64> = match args.option("min-recognised")? {
        Some(v) => Some(
            v.parse()
                .map_err(|_| format!("--min-recognised takes a number, not '{v}'"))?,
        ),
        None => None,
    };
    let dir = args
        .positional()
        .ok_or("eval overlays needs OVERLAYS_DIR")?;
    args.finish()?;
    let dir = Path::new(&dir);
    let fixtures_text = std::fs::read_to_string(dir.join("fixtures.txt"))
        .map_err(|e| format!("cannot read {}: {e}", dir.join("fixtures.txt").display()))?;
    let fixtures = parse_fixtures(&fixtures_text);

    let mut pages: BTreeMap<String, Snapshot> = BTreeMap::new();
    let mut by_kind: BTreeMap<&'static str, Tally> = BTreeMap::new();
    let mut traps_chosen: Vec<String> = Vec::new();
    let mut missed: Vec<String> = Vec::new();
    let mut lines_out: Vec<serde_json::Value> = Vec::new();
    for fixture in &fixtures {
        if !pages.contains_key(&fixture.path) {
            let html = crate::html::read_html_file(&dir.join(&fixture.path))
                .map_err(|e| format!("cannot read {}: {e}", fixture.path))?;
            pages.insert(fixture.path.clone(), crate::html::parse(&html, ""));
        }
        let Some(snapshot) = pages.get(&fixture.path) else {
            continue;
        };
        let located = locate(snapshot, &fixture.element);
        let context = page_context(snapshot);
        let outcome = match located {
            Some(id) => overlays::explain(snapshot, id, &context, overlays::Mode::Recognise),
            None => Err("element not found in the page".into()),
        };
        let why_not = outcome.as_ref().err().cloned();
        let verdict = outcome.ok();
        let root_lock = fixture.is_root_lock()
            && located
                .and_then(|id| snapshot.node(id))
                .is_some_and(|n| !overlays::scroll_lock_classes(n.classes()).is_empty());
        let recognised = verdict.is_some() || root_lock;
        let category = verdict.as_ref().map(|v| category_name(v.category));
        if fixture.is_trap() {
            if recognised {
                traps_chosen.push(format!("{} (recognised)", fixture.element));
            }
        } else {
            let tally = by_kind.entry(fixture.expected()).or_default();
            tally.total += 1;
            if recognised {
                tally.recognised += 1;
                if root_lock || category == Some(fixture.expected()) {
                    tally.category_right += 1;
                }
            } else {
                let reason = why_not.clone().unwrap_or_default();
                missed.push(format!("{} [{}]: {reason}", fixture.element, fixture.kind));
            }
        }
        lines_out.push(serde_json::json!({
            "element": fixture.element, "kind": fixture.kind, "trap": fixture.is_trap(),
            "found": located.is_some(), "recognised": recognised, "category": category,
            "signals": verdict.map(|v| v.signals).unwrap_or_default(), "why_not": why_not,
        }));
    }

    // Full scans: what would be hidden on each whole page right now.
    let mut scan_problems: Vec<String> = Vec::new();
    let mut chosen_total = 0;
    let mut scan_ms: Vec<f64> = Vec::new();
    let mut scan_rows: Vec<serde_json::Value> = Vec::new();
    for (path, snapshot) in &pages {
        let context = page_context(snapshot);
        let started = Instant::now();
        let scan = overlays::scan(snapshot, &context);
        scan_ms.push(started.elapsed().as_secs_f64() * 1000.0);
        let traps: Vec<NodeId> = fixtures
            .iter()
            .filter(|f| f.path == *path && f.is_trap())
            .filter_map(|f| locate(snapshot, &f.element))
            .collect();
        for hidden in &scan.hidden {
            chosen_total += 1;
            let holds_trap = traps.iter().any(|&t| snapshot.is_within(t, hidden.node));
            let holds_article = holds_article(snapshot, hidden.node);
            if holds_trap || holds_article {
                scan_problems.push(format!(
                    "{path}: node {} ({}) holds {}",
                    hidden.node,
                    describe(snapshot, hidden.node),
                    if holds_trap { "a TRAP" } else { "the article" }
                ));
            }
            scan_rows.push(serde_json::json!({
                "page": path, "node": hidden.node, "element": describe(snapshot, hidden.node),
                "category": category_name(hidden.category), "signals": hidden.signals,
            }));
        }
    }

    scan_ms.sort_by(f64::total_cmp);
    let median_ms = scan_ms.get(scan_ms.len() / 2).copied().unwrap_or(0.0);
    let slowest_ms = scan_ms.last().copied().unwrap_or(0.0);
    let recognised: usize = by_kind.values().map(|t| t.recognised).sum();
    let total: usize = by_kind.values().map(|t| t.total).sum();
    let share = if total == 0 {
        0.0
    } else {
        recognised as f64 / total as f64
    };
    if as_json {
        let kinds: serde_json::Map<String, serde_json::Value> = by_kind
            .iter()
            .map(|(k, t)| {
                (k.to_string(), serde_json::json!({"recognised": t.recognised, "total": t.total, "category_right": t.category_right}))
            })
            .collect();
        let json = serde_json::json!({
            "recognised": recognised, "total": total, "share": share, "per_kind": kinds,
            "traps_chosen": traps_chosen, "scan_chosen": chosen_total, "scan_problems": scan_problems,
            "median_scan_ms": median_ms, "slowest_scan_ms": slowest_ms, "lines": lines_out, "scan": scan_rows,
        });
        println!(
            "{}",
            serde_json::to_string_pretty(&json).map_err(|e| e.to_string())?
        );
    } else {
        println!(
            "overlay elements recognised: {recognised}/{total} ({:.1} %)",
            share * 100.0
        );
        println!(
            "{:<12} {:>10} {:>7} {:>14}",
            "kind", "recognised", "total", "category right"
        );
        for (kind, tally) in &by_kind {
            println!(
                "{kind:<12} {:>10} {:>7} {:>14}",
                tally.recognised, tally.total, tally.category_right
            );
        }
        for line in &missed {
            println!("  missed: {line}");
        }
        println!("TRAP/negative elements chosen: {}", traps_chosen.len());
        for trap in &traps_chosen {
            println!("  TRAP chosen: {trap}");
        }
        println!("full scans of {} pages: {chosen_total} elements would be hidden now, {} hold a TRAP or the article; scan median {median_ms:.2} ms, slowest {slowest_ms:.2} ms", pages.len(), scan_problems.len());
        for row in &scan_rows {
            println!(
                "  hidden: {} {} [{}] {}",
                row["page"], row["element"], row["category"], row["signals"]
            );
        }
        for problem in &scan_problems {
            println!("  PROBLEM: {problem}");
        }
    }
    if !traps_chosen.is_empty() || !scan_problems.is_empty() {
        return Err(format!(
            "{} TRAP elements chosen, {} scan problems",
            traps_chosen.len(),
            scan_problems.len()
        ));
    }
    if let Some(min) = min_recognised {
        if share < min {
            return Err(format!(
                "recognised share {share:.3} is below --min-recognised {min}"
            ));
        }
    }
    Ok(())
}

/// The context the full pipeline would pass: the page's article as extracted.
fn page_context(snapshot: &Snapshot) -> ScanContext {
    ScanContext::from_article(crate::article::extract(snapshot).as_ref())
}

/// Independent of the classifier's own vetoes: does `id` hold article content?
fn holds_article(snapshot: &Snapshot, id: NodeId) -> bool {
    let end = snapshot.subtree_end(id) as usize;
    let marker = snapshot
        .nodes
        .get(id as usize..end)
        .unwrap_or(&[])
        .iter()
        .any(|n| {
            n.tag == "article"
                || n.attr("itemprop")
                    .is_some_and(|v| v.eq_ignore_ascii_case("articlebody"))
        });
    let body = snapshot
        .nodes
        .iter()
        .position(|n| n.tag == "body")
        .unwrap_or(0) as NodeId;
    let page = snapshot.text_of(body).chars().count().max(1);
    marker || snapshot.text_of(id).chars().count() * 10 > page * 3
}

fn describe(snapshot: &Snapshot, id: NodeId) -> String {
    snapshot.node(id).map_or_else(String::new, |n| {
        let mut out = n.tag.to_string();
        if !n.id_attr().is_empty() {
            out.push('#');
            out.push_str(n.id_attr());
        }
        for class in n.classes().take(4) {
            out.push('.');
            out.push_str(class);
        }
        out
    })
}

fn category_name(category: Category) -> &'static str {
    match category {
        Category::Donation => "donation",
        Category::Paywall => "paywall",
        Category::Newsletter => "newsletter",
        Category::Adblock => "adblock",
        Category::ExitIntent => "exit_intent",
        Category::Cookie => "cookie",
    }
}
