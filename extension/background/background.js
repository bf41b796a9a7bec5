/*
 * Unveil background (Chrome service worker / Firefox event page), shared by both browsers.
 *
 *  - Runs the SAME wasm core for pages whose CSP forbids wasm in the content script
 *    (CONTENT_TO_BG.ANALYZE / SCAN_OVERLAYS): the content script sends its snapshot, we
 *    return the report. The module is initialised on first use and memoised.
 *  - Keeps the toolbar badge per tab: the number of elements hidden, summed over frames.
 *  - Initialises settings on install and migrates them on update.
 * Listeners are registered synchronously at the top level: MV3 workers die when idle and
 * are woken by these events.
 */
(function () {
  'use strict';
  const U = globalThis.Unveil;
  const { api, MSG, ERROR } = U;
  const { listen } = U.messages;
  const log = (...args) => console.debug('[Unveil bg]', ...args);

  // ---- the core -----------------------------------------------------------------------

  let ready = null;
  function core() {
    ready ??= wasm_bindgen({ module_or_path: api.runtime.getURL('pkg/unveil_bg.wasm') }).catch((error) => {
      ready = null; // let the next message try again
      throw error;
    });
    return ready;
  }

  /** Calls the core (Unveil.core: a trap becomes an error with code "trap" and the panic message). */
  async function run(call) {
    await core();
    return call();
  }

  // ---- badge --------------------------------------------------------------------------

  const counts = new Map(); // tabId → Map(frameId → hidden count)

  function updateBadge(tabId) {
    let total = 0;
    for (const count of counts.get(tabId)?.values() || []) total += count;
    const text = total > 0 ? String(total) : '';
    api.action.setBadgeText({ tabId, text }).catch((error) => log('badge', error));
    api.action.setBadgeBackgroundColor({ tabId, color: '#4f46e5' }).catch(() => {});
  }

  function hiddenCount({ count, reset }, sender) {
    const tabId = sender.tab?.id;
    if (tabId === undefined || tabId < 0) return false;
    // The top frame starts again on navigation: forget the old page's frames.
    if (reset && sender.frameId === 0) counts.delete(tabId);
    if (!counts.has(tabId)) counts.set(tabId, new Map());
    counts.get(tabId).set(sender.frameId ?? 0, Math.max(0, Number(count) || 0));
    updateBadge(tabId);
    return true;
  }

  // ---- listeners (top level) -----------------------------------------------------------

  listen({
    [MSG.CONTENT_TO_BG.ANALYZE]: ({ snapshot }) => run(() => U.core.analyze(snapshot)),
    [MSG.CONTENT_TO_BG.SCAN_OVERLAYS]: ({ snapshot, context }) => run(() => U.core.scanOverlays(snapshot, context)),
    [MSG.CONTENT_TO_BG.HIDDEN_COUNT]: (payload, sender) => hiddenCount(payload, sender),
  }, { log });

  api.tabs.onRemoved.addListener((tabId) => counts.delete(tabId));

  api.runtime.onInstalled.addListener(({ reason }) => {
    // install: write the defaults so storage shows the schema; update: migrate what is there.
    U.settings.load()
      .then(async (settings) => {
        const stored = await api.storage.sync.get(null);
        const stale = Object.keys(stored).filter((key) => !(key in settings));
        if (stale.length) await api.storage.sync.remove(stale);
        await api.storage.sync.set(settings);
      })
      .then(() => log(`settings ready (${reason})`))
      .catch((error) => log('settings init failed', error));
  });
})();
