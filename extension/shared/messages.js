/*
 * Unveil — the one place where every message is named.
 *
 * Messages are named by direction (who sends → who answers), like Dark Reader's
 * MessageTypeCStoBG. Every reply is an envelope: {ok: true, data} or {ok: false, error, code?}.
 * No polyfill: Firefox has `browser` (promises), Chrome has `chrome` (promises since MV3).
 *
 * Plain script (content scripts cannot be ES modules): attaches to globalThis.Unveil.
 */
(function () {
  'use strict';
  const Unveil = (globalThis.Unveil = globalThis.Unveil || {});
  const api = globalThis.browser ?? globalThis.chrome;

  const MSG = Object.freeze({
    /** popup → the top frame's content script of a tab */
    POPUP_TO_CONTENT: Object.freeze({
      GET_STATE: 'popup>content:get-state', // → state summary for the popup
      SHOW_OVERLAY: 'popup>content:show-overlay', // {index} → unhide one hidden element
      SCROLL_TO_QUOTE: 'popup>content:scroll-to-quote', // {index} → scroll to a quote and flash it
    }),
    /** content script → background */
    CONTENT_TO_BG: Object.freeze({
      ANALYZE: 'content>bg:analyze', // {snapshot} → report (page CSP forbids wasm)
      SCAN_OVERLAYS: 'content>bg:scan-overlays', // {snapshot, context} → report
      HIDDEN_COUNT: 'content>bg:hidden-count', // {count, reset?} → badge for the sender's tab
    }),
  });

  /** Error codes carried next to the message in failed replies. */
  const ERROR = Object.freeze({
    TRAP: 'trap', // the wasm instance trapped (panic); `error` holds the panic message
    TIMEOUT: 'timeout',
    NO_RECEIVER: 'no-receiver', // no content script in that tab (chrome://, store, old tab)
    UNKNOWN_MESSAGE: 'unknown-message',
  });

  const ok = (data) => ({ ok: true, data });
  const fail = (error, code) => ({ ok: false, error: String(error?.message ?? error), code });

  /** An Error that keeps the reply's code (so callers can tell a trap from a timeout). */
  function replyError(message, code) {
    const error = new Error(message);
    error.code = code;
    return error;
  }

  function withTimeout(promise, timeoutMs) {
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(replyError(`no reply within ${timeoutMs} ms`, ERROR.TIMEOUT)), timeoutMs);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }

  /** Unwraps an envelope: resolves with `data`, rejects with an Error carrying `code`. */
  function unwrap(reply) {
    if (reply && reply.ok === true) return reply.data;
    if (reply && reply.ok === false) throw replyError(reply.error, reply.code);
    throw replyError('no receiver answered', ERROR.NO_RECEIVER);
  }

  /** Sends to the background (runtime) and resolves with the reply's data. */
  function sendToBackground(type, payload, { timeoutMs = 10000 } = {}) {
    return withTimeout(api.runtime.sendMessage({ type, payload }), timeoutMs).then(unwrap);
  }

  /** Sends to a tab's content script (the top frame only unless told) and resolves with data. */
  function sendToTab(tabId, type, payload, { timeoutMs = 3000, frameId = 0 } = {}) {
    const sent = api.tabs.sendMessage(tabId, { type, payload }, { frameId }).catch((error) => {
      // "Could not establish connection. Receiving end does not exist."
      throw replyError(error?.message ?? String(error), ERROR.NO_RECEIVER);
    });
    return withTimeout(sent, timeoutMs).then(unwrap);
  }

  /**
   * Registers handlers {type: async (payload, sender) => data} on runtime.onMessage. Must be
   * called synchronously at the top level of a script. Messages of other types are left to
   * other listeners (returns false), so several listeners can coexist.
   */
  function listen(handlers, { log = () => {} } = {}) {
    api.runtime.onMessage.addListener((message, sender, sendResponse) => {
      const handler = message && Object.prototype.hasOwnProperty.call(handlers, message.type)
        ? handlers[message.type]
        : null;
      if (!handler) return false;
      Promise.resolve()
        .then(() => handler(message.payload ?? {}, sender))
        .then(
          (data) => sendResponse(ok(data)),
          (error) => {
            log(`${message.type} failed:`, error);
            sendResponse(fail(error, error?.code));
          },
        );
      return true; // the reply is asynchronous
    });
  }

  Unveil.api = api;
  Unveil.MSG = MSG;
  /**
   * Runs a call into the wasm core. A trap (the module aborted on a panic) becomes an error
   * with code "trap" and the panic message the core recorded; other errors pass through.
   */
  function callCore(call) {
    try {
      return call();
    } catch (error) {
      if (!(error instanceof WebAssembly.RuntimeError || error?.name === 'RuntimeError')) throw error;
      let panic = null;
      try {
        panic = wasm_bindgen.lastPanic();
      } catch {
        /* the instance is gone: the trap's own message will do */
      }
      throw replyError(panic || String(error.message || error), ERROR.TRAP);
    }
  }

  /**
   * JSON text for the core. Lone surrogates (possible in page text) come out of
   * JSON.stringify as "\udXXX" escapes, which serde_json refuses; they become U+FFFD — one
   * UTF-16 unit for one, so text offsets stay valid. Valid pairs are written raw, and an
   * escaped backslash before "ud…" is page text, not an escape (the look-behind).
   */
  const LONE_SURROGATE = /(?<=(?:^|[^\\])(?:\\\\)*)\\ud[89a-f][0-9a-f]{2}/g;
  function toJson(value) {
    const json = JSON.stringify(value);
    return json.includes('\\ud') ? json.replace(LONE_SURROGATE, '\ufffd') : json;
  }

  /**
   * The wasm core (pkg/unveil.js: `wasm_bindgen` is the glue's top-level `let`, a global
   * binding but no property of globalThis) behind one interface for the content
   * script and the background: snapshot objects in, report objects out. They cross as JSON
   * text (src/wasm.rs says why); `timing` keeps where the last call's time went.
   */
  const core = {
    timing: null, // {encodeMs, callMs, parseMs, analyzeMs, serializeMs, decodeMs}
    analyze(snapshot) {
      return coreCall((json) => wasm_bindgen.analyze(json), snapshot);
    },
    /**
     * `analyze` in stages (the wasm `Analysis`), awaiting `between()` after each one: the
     * caller gives the main thread back to the page there, so no stage makes a long task.
     */
    async analyzeInSteps(snapshot, between) {
      const started = performance.now();
      const json = toJson(snapshot);
      const encoded = performance.now();
      let inWasm = 0;
      const timed = (call) => {
        const start = performance.now();
        try {
          return callCore(call);
        } finally {
          inWasm += performance.now() - start;
        }
      };
      const analysis = timed(() => new wasm_bindgen.Analysis(json));
      await between();
      while (timed(() => analysis.step())) await between();
      const out = timed(() => analysis.finish()); // consumes (frees) the analysis
      const decoding = performance.now();
      const report = JSON.parse(out);
      record(encoded - started, inWasm, performance.now() - decoding);
      return report;
    },
    scanOverlays(snapshot, context) {
      const contextJson = context ? toJson(context) : undefined;
      return coreCall((json) => wasm_bindgen.scanOverlays(json, contextJson), snapshot);
    },
  };

  /**
   * A small made-up page that reaches most of the core: metadata, an article of several
   * paragraphs with attributed quotes, and a fixed overlay with a scroll lock.
   */
  function warmUpPage() {
    // Nodes and layouts as the page layer sends them: arrays of their fields (snapshot.js).
    const nodes = [];
    const add = (node) => nodes.push(node) - 1;
    const element = (tag, parent, { attrs = {}, layout = null } = {}) => add(['element', parent, true, tag, '', attrs, layout]);
    const text = (parent, value) => add(['text', parent, true, '', value]);
    const box = (position, width, height) => [0, 0, width, height, position, position === 'fixed' ? 999 : 0, 1, false, false, false, false, 1];
    const html = element('html', null, { attrs: { lang: 'en' }, layout: box('static', 1280, 3000) });
    const body = element('body', html, { layout: box('static', 1280, 3000) });
    const article = element('article', body, { attrs: { class: 'story' }, layout: box('static', 800, 2400) });
    text(element('h1', article), 'Ferry service returns to the island after the winter storms');
    const paragraphs = [
      'The island ferry sailed again on Tuesday for the first time since the January storms damaged its pier.',
      '"We waited three months for this morning," said Ana Ruiz, who runs the bakery by the harbour.',
      'Engineers rebuilt the pier with stronger piles, and the council said the work finished two weeks early.',
      'Ruiz said the winter had been hard for every shop on the island. "Now people can come back," she said.',
      'The operator plans six crossings a day in summer, according to a statement from the port authority.',
    ];
    for (const paragraph of paragraphs) text(element('p', article), paragraph);
    const overlay = element('div', body, { attrs: { class: 'paywall-modal', role: 'dialog' }, layout: box('fixed', 1280, 900) });
    text(element('p', overlay), 'Subscribe to keep reading: your first month is free.');
    return {
      url: 'https://example.org/news/ferry', title: 'Ferry service returns', lang: 'en', viewport: { width: 1280, height: 900 },
      meta: [{ key: 'og:title', content: 'Ferry service returns to the island' }, { key: 'author', content: 'Sam Lee' }],
      json_ld: ['{"@type":"NewsArticle","headline":"Ferry service returns","datePublished":"2024-03-05"}'],
      root: { html: { overflow_y: 'hidden', position: 'static', top: 0, class: '' }, body: { overflow_y: 'visible', position: 'static', top: 0, class: 'modal-open' } },
      nodes, partial: false, truncated: false,
    };
  }

  /**
   * The first call into a fresh instance pays V8's lazy compilation of every wasm function
   * it reaches (tens of ms on a news page). These steps pay it early, on a small page, each
   * meant to run in a task of its own while the page is still loading.
   */
  core.warmUpSteps = () => [
    // The snapshot walk's JS too (content/snapshot.js; absent in the background).
    ...(Unveil.warmUpSnapshot ? [Unveil.warmUpSnapshot] : []),
    () => core.scanOverlays({ ...warmUpPage(), partial: true }, { headline: '', excerpt: '' }),
    () => core.analyze(warmUpPage()),
  ];

  function coreCall(call, snapshot) {
    const started = performance.now();
    const json = toJson(snapshot);
    const encoded = performance.now();
    const out = callCore(() => call(json));
    const called = performance.now();
    const report = JSON.parse(out);
    record(encoded - started, called - encoded, performance.now() - called);
    return report;
  }

  /** Keeps where the last core call's time went (JS sides, and the wasm's own account). */
  function record(encodeMs, callMs, decodeMs) {
    const [parseMs, analyzeMs, serializeMs] = wasm_bindgen.lastTimings();
    core.timing = { encodeMs, callMs, parseMs, analyzeMs, serializeMs, decodeMs };
  }

  Unveil.ERROR = ERROR;
  Unveil.core = core;
  Unveil.messages = { ok, fail, unwrap, withTimeout, sendToBackground, sendToTab, listen, replyError, callCore, toJson };
})();
