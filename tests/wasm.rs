//! The wasm binding in real browsers (run by `./build.sh test` through wasm-bindgen-test-runner
//! in headless Chromium and Firefox): a snapshot in the wire format in, JSON text out, errors
//! as exceptions.
#![cfg(target_arch = "wasm32")]

use js_sys::{Reflect, JSON};
use unveil::snapshot::{wire, Snapshot};
use unveil::wasm::{analyze, last_panic, last_timings, scan_overlays, summarize, version};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The report as the page layer sees it: `JSON.parse` of what the binding returned.
fn parsed(report: String) -> JsValue {
    JSON::parse(&report).expect("the report is JSON")
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).expect("property readable")
}

const PAGE: &str = r#"{
  "url": "https://news.example/a",
  "title": "Harbour bridge reopens",
  "lang": "en",
  "nodes": [
    {"tag": "html", "visible": true},
    {"tag": "body", "parent": 0, "visible": true},
    {"tag": "p", "parent": 1, "visible": true},
    {"kind": "text", "parent": 2, "visible": true,
     "text": "The bridge reopened on Monday after three months of repairs, the city said."}
  ]
}"#;

/// `json` (a snapshot as the fixtures write it) in the wire format the page layer sends.
fn wire_of(json: &str) -> (String, Vec<f64>) {
    let snapshot: Snapshot = serde_json::from_str(json).expect("a snapshot");
    wire::encode(&snapshot)
}

fn analyze_json(json: &str) -> Result<String, wasm_bindgen::JsError> {
    let (strings, numbers) = wire_of(json);
    analyze(strings.as_bytes(), &numbers)
}

#[wasm_bindgen_test]
fn analyze_returns_a_json_report_and_its_timings() {
    let report = parsed(analyze_json(PAGE).expect("analysis succeeds"));
    assert_eq!(get(&report, "status").as_string().as_deref(), Some("ok"));
    assert_eq!(get(&report, "version").as_f64(), Some(2.0));
    // The page's view of the report: no URL (the page has it), the overlays' decisions.
    assert!(get(&report, "url").is_undefined());
    assert!(get(&report, "overlays").is_object());
    let timings = last_timings();
    assert_eq!(timings.len(), 3);
    assert!(timings.iter().all(|ms| ms.is_finite() && *ms >= 0.0));
}

#[wasm_bindgen_test]
fn malformed_input_is_an_error_not_a_trap() {
    let error = analyze(b"html\x7f", &[wire::VERSION, 1.0]).expect_err("rejected");
    let message = js_sys::Error::from(JsValue::from(error)).message();
    assert!(String::from(message).contains("bad snapshot"));
    let error = analyze(&[0xff, 0], &[wire::VERSION]).expect_err("not UTF-8");
    let message = js_sys::Error::from(JsValue::from(error)).message();
    assert!(String::from(message).contains("not UTF-8"));
    assert!(last_panic().is_none());
}

#[wasm_bindgen_test]
fn oversized_and_invalid_trees_get_a_clear_status() {
    // A text node for a parent: the wire carries it (a parent that follows its child it
    // cannot, and the reader refuses: src/snapshot/wire.rs), the core's checks refuse it.
    let text_parent = r#"{"nodes": [{"tag": "html"}, {"kind": "text", "parent": 0, "text": "a"},
        {"tag": "p", "parent": 1}]}"#;
    let report = parsed(analyze_json(text_parent).expect("reported, not thrown"));
    assert_eq!(
        get(&report, "status").as_string().as_deref(),
        Some("invalid")
    );
    assert!(get(&report, "message").as_string().is_some());
}

#[wasm_bindgen_test]
fn incremental_scan_accepts_a_missing_context() {
    let partial = r#"{"partial": true, "nodes": [{"tag": "div", "visible": true}]}"#;
    let (strings, numbers) = wire_of(partial);
    let report = parsed(scan_overlays(strings.as_bytes(), &numbers, None).expect("scan succeeds"));
    assert_eq!(get(&report, "status").as_string().as_deref(), Some("ok"));
    assert!(!version().is_empty());
}

#[wasm_bindgen_test]
fn summarize_returns_the_key_sentences_the_popup_asks_for() {
    let text = "The harbour bridge reopened on Monday after three months of repairs. \
        Engineers replaced the cables that the winter storms had worn down. \
        The city said the bridge would carry trams again from the first of June. \
        Shop owners near the harbour said the closure had halved their trade.";
    let summary =
        parsed(summarize(text.as_bytes(), "Harbour bridge reopens", "en").expect("summarised"));
    assert!(js_sys::Array::is_array(&summary));
    let sentences = js_sys::Array::from(&summary);
    assert!(sentences.length() >= 1);
    let first = get(&sentences.get(0), "text")
        .as_string()
        .expect("a sentence");
    assert!(text.contains(first.as_str()), "{first}");
    assert!(
        summarize(&[0xff, 0xfe], "", "en").is_err(),
        "not UTF-8: an error, not a trap"
    );
}
