//! `unveil quotes --jsonl IN.jsonl`: `{id, text, lang?}` → `{id, quotes: [{start, end, speaker, cue, kind}]}`.

use crate::cli::{for_each_jsonl_line, Args};
use serde_json::{json, Value};

pub fn run(args: &mut Args) -> Result<(), String> {
    let path = args
        .option("jsonl")?
        .ok_or("quotes needs --jsonl IN.jsonl")?;
    args.finish()?;
    for_each_jsonl_line(&path, quotes_line)
}

fn quotes_line(input: &Value) -> Result<Value, String> {
    let id = input.get("id").cloned().unwrap_or(Value::Null);
    let text = input
        .get("text")
        .and_then(Value::as_str)
        .ok_or("missing \"text\"")?;
    let lang = input.get("lang").and_then(Value::as_str).unwrap_or("");
    let quotes: Vec<Value> = super::find(text, lang)
        .into_iter()
        .map(|q| {
            json!({"start": q.start, "end": q.end, "speaker": q.speaker,
                   "speaker_as_written": q.speaker_as_written, "cue": q.cue, "kind": q.kind,
                   "attribution": q.attribution})
        })
        .collect();
    Ok(json!({"id": id, "quotes": quotes}))
}
