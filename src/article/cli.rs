//! `unveil extract --jsonl IN.jsonl`: `{id, html, url?}` → `{id, title, byline, published, lang, site, text}`.

use crate::cli::{for_each_jsonl_line, Args};
use serde_json::{json, Value};

pub fn run(args: &mut Args) -> Result<(), String> {
    let path = args
        .option("jsonl")?
        .ok_or("extract needs --jsonl IN.jsonl")?;
    args.finish()?;
    for_each_jsonl_line(&path, extract_line)
}

fn extract_line(input: &Value) -> Result<Value, String> {
    let id = input.get("id").cloned().unwrap_or(Value::Null);
    let html = input
        .get("html")
        .and_then(Value::as_str)
        .ok_or("missing \"html\"")?;
    let url = input.get("url").and_then(Value::as_str).unwrap_or("");
    let snapshot = crate::html::parse(html, url);
    snapshot.validate().map_err(|e| e.to_string())?;
    Ok(match super::extract(&snapshot) {
        Some(a) => json!({"id": id, "title": a.title, "byline": a.byline, "published": a.published,
                          "lang": a.lang, "site": a.site, "text": a.text}),
        None => json!({"id": id, "title": snapshot.title.trim(), "byline": null, "published": null,
                       "lang": snapshot.lang, "site": null, "text": ""}),
    })
}
