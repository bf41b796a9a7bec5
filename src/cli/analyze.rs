//! `unveil analyze FILE.html [--url URL] [--json]`: what the popup would show for a page.

use super::Args;
use crate::report::{analyze, Report, Status};
use std::fmt::Write as _;

pub fn run(args: &mut Args) -> Result<(), String> {
    let url = args.option("url")?.unwrap_or_default();
    let as_json = args.flag("json");
    let path = args.positional().ok_or("analyze needs FILE.html")?;
    args.finish()?;
    let html = crate::html::read_html_file(std::path::Path::new(&path))
        .map_err(|e| format!("cannot read {path}: {e}"))?;
    let snapshot = crate::html::parse(&html, &url);
    let report = analyze(&snapshot);
    if as_json {
        let json = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
        println!("{json}");
    } else {
        print!("{}", render_text(&report));
    }
    Ok(())
}

/// The popup's content as plain text.
pub fn render_text(report: &Report) -> String {
    let mut out = String::new();
    if report.status != Status::Ok {
        let _ = writeln!(
            out,
            "Not analysed: {}",
            report.message.as_deref().unwrap_or("unknown")
        );
        return out;
    }
    match &report.article {
        None => {
            let _ = writeln!(out, "No article found on this page.");
        }
        Some(article) => {
            let _ = writeln!(out, "{}", article.title);
            let details: Vec<String> = [
                article.site.clone(),
                article.byline.clone(),
                article.published.clone(),
                Some(article.lang.clone()).filter(|l| !l.is_empty()),
                Some(format!("{} min read", article.reading_minutes)),
            ]
            .into_iter()
            .flatten()
            .collect();
            let _ = writeln!(out, "{}\n", details.join(" · "));
            if !report.summary.is_empty() {
                let _ = writeln!(out, "Summary:");
                for sentence in report.summary.iter().filter(|s| s.rank < 3) {
                    let _ = writeln!(out, "  • {}", sentence.text);
                }
                out.push('\n');
            }
        }
    }
    if !report.speakers.is_empty() {
        let _ = writeln!(out, "Quotes by speaker:");
        for group in &report.speakers {
            let name = group.speaker.as_deref().unwrap_or("(speaker unknown)");
            let _ = writeln!(out, "  {name} ({})", group.quotes.len());
            for &index in &group.quotes {
                if let Some(quote) = report.quotes.get(index) {
                    let _ = writeln!(out, "    {}", quote.text);
                }
            }
        }
        out.push('\n');
    }
    let hidden = &report.overlays.hidden;
    let _ = writeln!(out, "Overlays hidden: {}", hidden.len());
    for overlay in hidden {
        let _ = writeln!(
            out,
            "  [{:?}] {} — {}",
            overlay.category,
            overlay.excerpt,
            overlay.signals.join(", ")
        );
    }
    if report.overlays.fixes.unlock_scroll {
        let _ = writeln!(out, "Scrolling unlocked.");
    }
    out
}
