//! `unveil summarize --jsonl IN.jsonl [--sentences N]`: `{id, text, title?, lang?}` or
//! `{id, html, url?}` → `{id, summary: […]}`.

use crate::cli::{for_each_jsonl_line, Args};
use serde_json::{json, Value};

pub fn run(args: &mut Args) -> Result<(), String> {
    let sentences = args.number("sentences")?.unwrap_or(3);
    let path = args
        .option("jsonl")?
        .ok_or("summarize needs --jsonl IN.jsonl")?;
    args.finish()?;
    for_each_jsonl_line(&path, |input| summarize_line(input, sentences))
}

fn summarize_line(input: &Value, sentences: usize) -> Result<Value, String> {
    let id = input.get("id").cloned().unwrap_or(Value::Null);
    let lang = input.get("lang").and_then(Value::as_str).unwrap_or("");
    let title = input.get("title").and_then(Value::as_str).unwrap_or("");
    let (text, title, lang) = match (
        input.get("text").and_then(Value::as_str),
        input.get("html").and_then(Value::as_str),
    ) {
        (Some(text), _) => (text.to_string(), title.to_string(), lang.to_string()),
        (None, Some(html)) => {
            let url = input.get("url").and_then(Value::as_str).unwrap_or("");
            let snapshot = crate::html::parse(html, url);
            snapshot.validate().map_err(|e| e.to_string())?;
            let article =
                crate::article::extract(&snapshot).ok_or("no article found in \"html\"")?;
            (article.text, article.title, article.lang)
        }
        (None, None) => return Err("needs \"text\" or \"html\"".into()),
    };
    let summary: Vec<String> = super::summarize_with_title(&text, &title, &lang, sentences)
        .into_iter()
        .map(|s| s.text)
        .collect();
    Ok(json!({"id": id, "summary": summary}))
}
