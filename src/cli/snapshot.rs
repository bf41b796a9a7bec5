//! `unveil snapshot --jsonl IN.jsonl`: `{id, strings, numbers}` (a snapshot in the wire format,
//! as the page layer writes it) → `{id, snapshot}` (the same snapshot in JSON). For tools that
//! keep page-layer snapshots as readable fixtures (tools/capture-snapshots.mjs): they decode
//! with the core's own reader.

use crate::cli::{for_each_jsonl_line, Args};
use crate::snapshot::wire;
use serde_json::{json, Value};

pub fn run(args: &mut Args) -> Result<(), String> {
    let path = args
        .option("jsonl")?
        .ok_or("snapshot needs --jsonl IN.jsonl")?;
    args.finish()?;
    for_each_jsonl_line(&path, decode_line)
}

fn decode_line(input: &Value) -> Result<Value, String> {
    let id = input.get("id").cloned().unwrap_or(Value::Null);
    let strings = input
        .get("strings")
        .and_then(Value::as_str)
        .ok_or("needs \"strings\"")?;
    let numbers: Vec<f64> = input
        .get("numbers")
        .and_then(Value::as_array)
        .ok_or("needs \"numbers\"")?
        .iter()
        .map(|n| n.as_f64().ok_or("\"numbers\" holds a non-number"))
        .collect::<Result<_, _>>()?;
    let snapshot = wire::decode(strings, &numbers).map_err(|e| format!("bad snapshot: {e}"))?;
    let snapshot = serde_json::to_value(&snapshot).map_err(|e| e.to_string())?;
    Ok(json!({"id": id, "snapshot": snapshot}))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::Snapshot;

    #[test]
    fn decodes_a_line_and_names_a_bad_one() {
        let snapshot = Snapshot {
            title: "A page".into(),
            ..Snapshot::default()
        };
        let (strings, numbers) = wire::encode(&snapshot);
        let out = decode_line(&json!({"id": 3, "strings": strings, "numbers": numbers}))
            .expect("decodes");
        assert_eq!(out["id"], 3);
        assert_eq!(out["snapshot"]["title"], "A page");
        let bad = decode_line(&json!({"strings": "", "numbers": [1]})).expect_err("refused");
        assert!(bad.contains("bad snapshot"), "{bad}");
    }
}
