/*
 * Unveil — the one place where every message is named.
 *
 * Messages are named by direction (who sends → who answers), like Dark Reader's
 * MessageTypeCStoBG. Every reply is an envelope: {ok: true, data} or {ok: false, error, code?}.
 * No polyfill: Firefox has `browser` (promises), Chrome has `chrome` (promises since MV3).
 *
 * Plain script (content scripts cannot be ES modules; the background imports it for its
 * effect): attaches to globalThis.Unveil.
 */
(function () {
  'use strict';
  const Unveil = (globalThis.Unveil = globalThis.Unveil || {});
  const api = globalThis.browser ?? globalThis.chrome;

  const MSG = Object.freeze({
    /** popup → the top frame's content script of a tab */
    POPUP_TO_CONTENT: Object.freeze({
      GET_STATE: 'popup>content:get-state', // → the page's state for the popup (reportId: its analysis, for SUMMARIZE)
      SHOW_OVERLAY: 'popup>content:show-overlay', // {index} → unhide one hidden element
      SCROLL_TO_QUOTE: 'popup>content:scroll-to-quote', // {index} → scroll to a quote and flash it
    }),
    /** popup → background */
    POPUP_TO_BG: Object.freeze({
      // {tabId, reportId} → {reportId, summary}: the key sentences of the article of the tab's
      // analysis `reportId` (GET_STATE's; null: the last one), made when the popup first shows the
      // page, not at load (most pages are never summarised), by the core that analysed the page and
      // kept its article. summary: null while the tab's page has no analysis yet.
      SUMMARIZE: 'popup>bg:summarize',
    }),
    /** background → the top frame's content script of a tab */
    BG_TO_CONTENT: Object.freeze({
      // → {reportId, article: {text, title, lang} | null}: the article of the page's last
      // analysis, for a summary asked after the background restarted (it keeps no articles then).
      GET_ARTICLE: 'bg>content:get-article',
    }),
    /** content script → background */
    CONTENT_TO_BG: Object.freeze({
      // {top} → true once the core is instantiated. Sent at document_start by every frame worth
      // analysing; the top frame's also starts the tab's badge afresh (a new page): one message
      // at document_start where there were two.
      WAKE: 'content>bg:wake',
      ANALYZE: 'content>bg:analyze', // {snapshot} → {report, coreMs, reportId (top frame)}
      SCAN_OVERLAYS: 'content>bg:scan-overlays', // {snapshot, context} → {report, coreMs}
      HIDDEN_COUNT: 'content>bg:hidden-count', // {count} → badge for the sender's tab (this frame's share)
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
  Unveil.ERROR = ERROR;
  Unveil.messages = { ok, fail, unwrap, withTimeout, sendToBackground, sendToTab, listen, replyError };
})();
