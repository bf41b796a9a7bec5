//! The thin wasm binding: a snapshot in the wire format in (`snapshot::wire`: its strings as
//! UTF-8 bytes and its array of numbers, each copied into wasm memory once), the report out as
//! JSON text (`Report::page_json`: what the page reads of it), errors as `JsError`.
//!
//! Why not JS objects: walking a snapshot object property by property through
//! `serde-wasm-bindgen` costs a call into JS for every field of every node. Why not JSON on
//! the way in: `JSON.stringify`, its copy and `serde_json`'s read cost several times the wire
//! format's. The report on the way back is small; JSON (native `JSON.parse`) serves it well.
//!
//! The module is built with `panic = "abort"`, so a panic traps the instance. The hook
//! below records the message first; the extension's background (the only place the module
//! runs) catches the trap, reads `last_panic()` for the page whose snapshot caused it (Unveil
//! steps back there) and replaces the instance, whose memory is no longer to be trusted.

use crate::overlays::ScanContext;
use crate::report::Report;
use crate::snapshot::{wire, Snapshot};
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;

thread_local! {
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
    static LAST_TIMINGS: Cell<[f64; 3]> = const { Cell::new([0.0; 3]) };
}

#[wasm_bindgen]
extern "C" {
    /// `performance.now()`: present in pages, content scripts and service workers alike.
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn performance_now() -> f64;
}

fn install_panic_hook() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            let message = info.to_string();
            LAST_PANIC.with(|slot| *slot.borrow_mut() = Some(message));
        }));
    });
}

/// `strings` arrive as UTF-8 bytes (`TextEncoder.encode`, native) rather than as a `&str`:
/// wasm-bindgen's string glue copies a string's ASCII prefix one character at a time in JS,
/// about 1 ms for a page's strings in a cold content script; checking the bytes here is a
/// fraction of that.
fn decode<'a>(strings: &'a [u8], numbers: &[f64]) -> Result<Snapshot<'a>, JsError> {
    let strings = std::str::from_utf8(strings)
        .map_err(|e| JsError::new(&format!("bad snapshot: strings are not UTF-8: {e}")))?;
    wire::decode(strings, numbers).map_err(|e| JsError::new(&format!("bad snapshot: {e}")))
}

/// Reads the snapshot, runs `work` on it and writes the report, timing the three steps for
/// `lastTimings()` (the benchmark's breakdown of where a call's time goes).
fn timed_call(
    strings: &[u8],
    numbers: &[f64],
    work: impl FnOnce(&Snapshot) -> Report,
) -> Result<String, JsError> {
    install_panic_hook();
    let start = performance_now();
    let snapshot = decode(strings, numbers)?;
    let parsed = performance_now();
    let report = work(&snapshot);
    let analysed = performance_now();
    let out = report
        .page_json()
        .map_err(|e| JsError::new(&e.to_string()))?;
    let written = performance_now();
    LAST_TIMINGS.with(|t| t.set([parsed - start, analysed - parsed, written - analysed]));
    Ok(out)
}

/// Analyses a whole page snapshot (wire format) and returns the page's report (JSON): all
/// but the summary, which the popup asks for ([`summarize`]).
#[wasm_bindgen]
pub fn analyze(strings: &[u8], numbers: &[f64]) -> Result<String, JsError> {
    timed_call(strings, numbers, crate::report::analyze_for_page)
}

/// The article's key sentences for the popup, from the text, title and language of the
/// page's report: JSON, an array of `{text, rank}`. The text arrives as UTF-8 bytes, as a
/// snapshot's strings do (see [`decode`]).
#[wasm_bindgen]
pub fn summarize(text: &[u8], title: &str, lang: &str) -> Result<String, JsError> {
    install_panic_hook();
    let text = std::str::from_utf8(text)
        .map_err(|e| JsError::new(&format!("bad text: not UTF-8: {e}")))?;
    let summary = crate::report::summarize_article(text, title, lang);
    serde_json::to_string(&summary).map_err(|e| JsError::new(&e.to_string()))
}

/// Scans a partial snapshot (nodes added after load, wire format) for overlays.
/// `context_json` is what the full analysis learned about the article (`ScanContext`), or
/// absent.
#[wasm_bindgen(js_name = scanOverlays)]
pub fn scan_overlays(
    strings: &[u8],
    numbers: &[f64],
    context_json: Option<String>,
) -> Result<String, JsError> {
    let context: ScanContext = match context_json.as_deref() {
        Some(json) => {
            ScanContext::from_json(json).map_err(|e| JsError::new(&format!("bad context: {e}")))?
        }
        None => ScanContext::default(),
    };
    timed_call(strings, numbers, |snapshot| {
        crate::report::scan_overlays(snapshot, &context)
    })
}

/// Milliseconds of the last `analyze`/`scanOverlays` call: [read the snapshot, analyse,
/// write the report JSON].
#[wasm_bindgen(js_name = lastTimings)]
pub fn last_timings() -> Vec<f64> {
    LAST_TIMINGS.with(Cell::get).to_vec()
}

/// The message of the panic that trapped this instance, if any.
#[wasm_bindgen(js_name = lastPanic)]
pub fn last_panic() -> Option<String> {
    LAST_PANIC.with(|slot| slot.borrow().clone())
}

/// The core's version, for the popup's about line.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
