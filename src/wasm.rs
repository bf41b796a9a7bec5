//! The thin wasm binding: JS objects in, JS objects out, errors as `JsError`.
//!
//! The module is built with `panic = "abort"`, so a panic traps the instance. The hook
//! below records the message first; the page layer catches the trap, reads `last_panic()`
//! and disables Unveil on that page rather than retrying a broken instance.

use crate::overlays::ScanContext;
use crate::snapshot::Snapshot;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
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

fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsError> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value
        .serialize(&serializer)
        .map_err(|e| JsError::new(&e.to_string()))
}

fn from_js<T: serde::de::DeserializeOwned>(value: JsValue, what: &str) -> Result<T, JsError> {
    serde_wasm_bindgen::from_value(value).map_err(|e| JsError::new(&format!("bad {what}: {e}")))
}

/// Analyses a whole page snapshot and returns the report.
#[wasm_bindgen]
pub fn analyze(snapshot: JsValue) -> Result<JsValue, JsError> {
    install_panic_hook();
    let snapshot: Snapshot = from_js(snapshot, "snapshot")?;
    to_js(&crate::report::analyze(&snapshot))
}

/// Scans a partial snapshot (nodes added after load) for overlays.
#[wasm_bindgen(js_name = scanOverlays)]
pub fn scan_overlays(snapshot: JsValue, context: JsValue) -> Result<JsValue, JsError> {
    install_panic_hook();
    let snapshot: Snapshot = from_js(snapshot, "snapshot")?;
    let context: ScanContext = if context.is_undefined() || context.is_null() {
        ScanContext::default()
    } else {
        from_js(context, "context")?
    };
    to_js(&crate::report::scan_overlays(&snapshot, &context))
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
