/*
 * Unveil's wasm core in the background — the only place it runs: one instance for every tab
 * and frame, compiled once and kept optimised across pages (a content-script instance per
 * frame paid the compile and a cold first analysis on every page).
 *
 * Snapshots arrive in the wire format ({strings, numbers}, written by content/snapshot.js;
 * src/snapshot/wire.rs), reports leave as objects (the core writes JSON text, src/wasm.rs
 * says why). The module is built with panic = "abort": a panic traps the instance, and its
 * memory is not to be trusted afterwards. The call that trapped fails with code "trap" and
 * the panic message (that page disables Unveil); the next call runs on a fresh instance
 * (wasm-bindgen's __wbg_reset_state: the same compiled module, new memory).
 * The instance is made once per background lifetime, on WAKE (a page at document_start) or
 * the first snapshot, and warmed up on a small made-up page before the first real one.
 */
import init, * as wasm from '../pkg/unveil.js';
import { warmUpCalls } from './warm-up.js';

let ready = null;
let calls = 0;

/** Instantiates the core once (memoised); a failed load is tried again by the next call. */
export function instantiate() {
  ready ??= init().then(warmUp, (error) => {
    ready = null;
    throw error;
  });
  return ready;
}

/**
 * Runs the warm-up calls (warm-up.js), one task each, until a real call has come: the first
 * page's analysis then finds the core compiled. Measured on the first page after the worker
 * was stopped, DOMContentLoaded → verdict, medians of 12 pages: Chromium 45-55 ms with it,
 * 77-87 ms without; Firefox 32 ms, 43 without (tools/first-page.mjs).
 */
function warmUp() {
  const steps = warmUpCalls();
  const next = () => {
    if (calls > 0 || !steps.length) return;
    const [kind, snapshot, context] = steps.shift();
    try {
      call(kind, snapshot, context);
    } catch (error) {
      console.debug('[Unveil bg] warm-up:', error);
    }
    setTimeout(next, 0);
  };
  setTimeout(next, 0);
}

const utf8 = new TextEncoder();

/**
 * JSON text for the core (the overlay scan's context: its excerpt is a slice of page text).
 * Lone surrogates (possible in page text, or where a slice cut a pair) come out of
 * JSON.stringify as "\udXXX" escapes, which serde_json refuses; they become U+FFFD — one
 * UTF-16 unit for one. Valid pairs are written raw, and an escaped backslash before "ud…"
 * is page text, not an escape (the look-behind).
 */
const LONE_SURROGATE = /(?<=(?:^|[^\\])(?:\\\\)*)\\ud[89a-f][0-9a-f]{2}/g;
export function toJson(value) {
  const json = JSON.stringify(value);
  return json.includes('\\ud') ? json.replace(LONE_SURROGATE, '\ufffd') : json;
}

/**
 * Runs one call into the instance. A trap: the panic message the core recorded is read
 * first (a fresh instance has none), then the instance is replaced before anything else
 * can use it.
 */
function callCore(call) {
  try {
    return call();
  } catch (error) {
    if (!(error instanceof WebAssembly.RuntimeError)) throw error;
    let panic = null;
    try {
      panic = wasm.lastPanic();
    } catch {
      /* the instance is unusable even for that: the trap's own message will do */
    }
    wasm.__wbg_reset_state();
    const { messages, ERROR } = globalThis.Unveil;
    throw messages.replyError(panic || String(error.message || error), ERROR.TRAP);
  }
}

/**
 * The core's analysis of a whole page (`kind` "analyze") or of the overlays in a partial
 * snapshot ("scanOverlays", with what the page knows of its article as `context`).
 * Resolves to {report, coreMs}: coreMs is this call's time here, from the snapshot's
 * copy into wasm memory to the parsed report (the messages not included).
 */
export async function run(kind, snapshot, context) {
  await instantiate();
  calls++;
  return call(kind, snapshot, context);
}

/**
 * The article's key sentences, asked when the popup first shows a page: `article` is the
 * text, title and language of the page's report. Resolves to {summary, coreMs}.
 */
export async function summarize({ text = '', title = '', lang = '' }) {
  await instantiate();
  calls++;
  const started = performance.now();
  const out = callCore(() => wasm.summarize(utf8.encode(String(text)), String(title), String(lang)));
  return { summary: JSON.parse(out), coreMs: performance.now() - started };
}

function call(kind, snapshot, context) {
  const started = performance.now();
  const strings = utf8.encode(snapshot.strings);
  const out = kind === 'analyze'
    ? callCore(() => wasm.analyze(strings, snapshot.numbers))
    : callCore(() => wasm.scanOverlays(strings, snapshot.numbers, context ? toJson(context) : undefined));
  const report = JSON.parse(out);
  return { report, coreMs: performance.now() - started };
}
