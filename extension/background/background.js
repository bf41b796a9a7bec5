/*
 * Unveil background (Chrome MV3 service worker / Firefox event page; one ES module for both).
 *
 *  - Runs the wasm core for every page (core.js): a content script sends its snapshot
 *    (CONTENT_TO_BG.ANALYZE / SCAN_OVERLAYS, wire format), we return {report, coreMs}.
 *  - Makes the popup's summary from the article of the tab's last analysis, kept here
 *    (summaries.js: POPUP_TO_BG.SUMMARIZE).
 *    One instance, made on first use and memoised, then warmed up on a small made-up page;
 *    a trap fails that call only and the next one gets a fresh instance. WAKE (sent at
 *    document_start) makes and warms the instance while the page loads, so the first
 *    analysis after the worker stopped need not wait for it (both measured: core.js).
 *  - Keeps the toolbar badge per tab: the number of elements hidden, summed over frames
 *    (the per-frame counts in storage.session, so they outlive the worker).
 *  - Initialises settings on install and migrates them on update.
 * Listeners are registered synchronously at the top level (the imports run first, in
 * order, in the same turn): MV3 workers die when idle and are woken by these events.
 */
import '../shared/messages.js';
import '../shared/settings.js';
import { instantiate, run } from './core.js';
import { keepArticle, forgetTab, summaryFor } from './summaries.js';

(function () {
  'use strict';
  const U = globalThis.Unveil;
  const { api, MSG } = U;
  const { listen } = U.messages;
  const log = (...args) => console.debug('[Unveil bg]', ...args);

  // ---- badge --------------------------------------------------------------------------

  // Per tab, the hidden count of each frame, summed on the badge. Kept in storage.session, not
  // in a variable: Chromium stops an idle MV3 worker, and a count that arrives after the restart
  // must still be added to the other frames' (Firefox's event page is unloaded the same way).
  // storage.session lives in memory and is gone when the browser closes, as tab ids are.
  const session = api.storage.session;
  const badgeKey = (tabId) => `badge:${tabId}`;
  let badgeUpdates = Promise.resolve(); // one read-modify-write at a time: frames report at once

  // What this worker last stored per tab: a mirror of storage.session, empty after a restart.
  // With it, a count that changes nothing visible costs no storage or badge call — the common
  // case: one page after another with nothing hidden, whose top frame's WAKE would otherwise
  // write a zero and blank a blank badge on every navigation.
  const stored = new Map();
  const totalOf = (frames) => Object.values(frames).reduce((sum, count) => sum + count, 0);
  // One colour for every tab's badge, set as the default on each worker start.
  api.action.setBadgeBackgroundColor({ color: '#4f46e5' }).catch(() => {});

  function hiddenCount({ count, reset }, sender) {
    const tabId = sender.tab?.id;
    if (tabId === undefined || tabId < 0) return false;
    const frameId = String(sender.frameId ?? 0);
    const key = badgeKey(tabId);
    const value = Math.max(0, Number(count) || 0);
    const update = badgeUpdates.then(async () => {
      // The top frame starts again on navigation: forget the old page's frames.
      const fresh = reset && frameId === '0';
      const known = stored.get(tabId) ?? (fresh ? null : (await session.get(key))[key] ?? {});
      const unchanged = known && (fresh ? totalOf(known) === 0 && value === 0 : known[frameId] === value);
      if (unchanged) return true;
      const frames = fresh ? {} : { ...known };
      frames[frameId] = value;
      await session.set({ [key]: frames });
      stored.set(tabId, frames);
      const total = totalOf(frames);
      api.action.setBadgeText({ tabId, text: total > 0 ? String(total) : '' }).catch((error) => log('badge', error));
      return true;
    });
    badgeUpdates = update.catch((error) => log('badge', error));
    return update;
  }

  // ---- listeners (top level) -----------------------------------------------------------

  listen({
    [MSG.CONTENT_TO_BG.WAKE]: ({ top }, sender) => {
      if (top) {
        // a new page in the tab
        hiddenCount({ count: 0, reset: true }, sender);
        if (sender.tab) forgetTab(sender.tab.id);
      }
      return instantiate().then(() => true);
    },
    [MSG.CONTENT_TO_BG.ANALYZE]: ({ snapshot }, sender) => run('analyze', snapshot).then((reply) => keepArticle(reply, sender)),
    [MSG.CONTENT_TO_BG.SCAN_OVERLAYS]: ({ snapshot, context }) => run('scanOverlays', snapshot, context),
    [MSG.POPUP_TO_BG.SUMMARIZE]: (payload, sender) => summaryFor(payload, sender),
    [MSG.CONTENT_TO_BG.HIDDEN_COUNT]: (payload, sender) => hiddenCount(payload, sender),
  }, { log });

  api.tabs.onRemoved.addListener((tabId) => {
    forgetTab(tabId);
    stored.delete(tabId);
    badgeUpdates = badgeUpdates.then(() => session.remove(badgeKey(tabId))).catch((error) => log('badge', error));
  });

  api.runtime.onInstalled.addListener(({ reason }) => {
    // install: write the defaults so storage shows the schema; update: migrate what is there
    // (readers migrate on every load anyway, this makes storage itself current). Settings of a
    // newer Unveil (a downgrade) are left as they are: that version will read them again.
    api.storage.sync.get(null)
      .then(async (stored) => {
        if (U.settings.isFromNewerVersion(stored)) return log(`settings of a newer schema kept (${reason})`);
        const settings = U.settings.migrate(stored);
        const stale = Object.keys(stored).filter((key) => !(key in settings));
        if (stale.length) await api.storage.sync.remove(stale);
        await api.storage.sync.set(settings);
        log(`settings ready (${reason})`);
      })
      .catch((error) => log('settings init failed', error));
  });
})();
