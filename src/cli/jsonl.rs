//! JSONL input and output shared by the batch subcommands.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, BufWriter, Write};

/// Opens a path for reading, `-` meaning standard input.
fn open(path: &str) -> Result<Box<dyn BufRead>, String> {
    if path == "-" {
        return Ok(Box::new(BufReader::new(std::io::stdin())));
    }
    let file = std::fs::File::open(path).map_err(|e| format!("cannot open {path}: {e}"))?;
    Ok(Box::new(BufReader::new(file)))
}

/// Reads every line of a JSONL file as a JSON value (blank lines skipped).
pub fn read_jsonl_file(path: &str) -> Result<Vec<Value>, String> {
    let mut values = Vec::new();
    for (number, line) in open(path)?.lines().enumerate() {
        let line = line.map_err(|e| format!("{path}: {e}"))?;
        if line.trim().is_empty() {
            continue;
        }
        let value = serde_json::from_str(&line)
            .map_err(|e| format!("{path}:{}: not JSON: {e}", number + 1))?;
        values.push(value);
    }
    Ok(values)
}

/// Runs `handle` on every JSONL line of `path` and prints one JSON line per input line.
/// A line that is not JSON, or that `handle` rejects, or that panics, prints
/// `{"id", "error"}` and the run goes on.
pub fn for_each_jsonl_line(
    path: &str,
    handle: impl Fn(&Value) -> Result<Value, String>,
) -> Result<(), String> {
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for (number, line) in open(path)?.lines().enumerate() {
        let line = line.map_err(|e| format!("{path}: {e}"))?;
        if line.trim().is_empty() {
            continue;
        }
        let result = match serde_json::from_str::<Value>(&line) {
            Ok(input) => {
                let id = input.get("id").cloned().unwrap_or(Value::Null);
                let outcome =
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| handle(&input)));
                match outcome {
                    Ok(Ok(value)) => value,
                    Ok(Err(error)) => json!({"id": id, "error": error}),
                    Err(_) => json!({"id": id, "error": "internal error (panic) on this line"}),
                }
            }
            Err(error) => {
                json!({"id": null, "error": format!("line {}: not JSON: {error}", number + 1)})
            }
        };
        writeln!(out, "{result}").map_err(|e| format!("write: {e}"))?;
    }
    out.flush().map_err(|e| format!("write: {e}"))
}
