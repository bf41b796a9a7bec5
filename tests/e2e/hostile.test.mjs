// Hostile pages (tests/pages/hostile-*), in both browsers: the page keeps working (its own
// heartbeat keeps beating and its own work finishes), Unveil either analyses it or steps back
// with a clear state ("too_large"), never "error"/"disabled", nothing from the page's text runs
// in the popup, and the extension makes no network request of its own: Chromium through
// playwright's request events and each tab's CDP network log, Firefox through an observer of
// every HTTP channel in the parent process (browsers.mjs startNetworkLog), checked first to see
// a request that an extension page does make.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BROWSERS, launch, poll } from './lib/browsers.mjs';
import { startServer } from '../server.mjs';
import { SETTINGS_ON, sleep } from './lib/fixtures.mjs';

// The longest the page's 50 ms heartbeat may stall. Generous: CI machines are shared and slow;
// a frozen tab (a quadratic blow-up, a fight loop) stalls for many seconds.
const MAX_STALL_MS = 4000;
const SETTLED = ['ready', 'off', 'too_large'];

const PAGES = [
  { file: 'hostile-100k-elements.html', states: ['too_large'] },
  { file: 'hostile-5mb-text.html', states: ['too_large'] },
  { file: 'hostile-body-rewrite.html', states: SETTLED, work: 50 },
  { file: 'hostile-overlay-reinsert.html', states: SETTLED, work: 1000 },
  { file: 'hostile-throwing-observer.html', states: SETTLED, work: 20 },
  { file: 'hostile-deep-shadow.html', states: SETTLED },
  // 1,500 levels: headless Chromium itself crashes at 4,000 (no extension needed); Firefox
  // survives 4,000 and Unveil's recursive walk (snapshot.js) with it.
  { file: 'hostile-deep-dom.html', states: SETTLED },
  // More nested shadow roots than a u8 counts: the core saturates shadow_depth at 255 (before,
  // the snapshot was refused as "integer `256`, expected u8" and Unveil went to "error").
  { file: 'hostile-deep-shadow-300.html', states: SETTLED },
  { file: 'hostile-frameset.html', states: SETTLED },
  // Content scripts may or may not run in an XML document; if Unveil runs, it must settle.
  { file: 'hostile-svg-document.svg', states: [...SETTLED, null] },
  { file: 'hostile-markup-title.html', states: SETTLED, xss: true },
];

function pageProbe() {
  const hostile = window.__hostile ?? null;
  return {
    hostile: hostile && { done: hostile.done, work: hostile.work, maxGap: hostile.maxGap, beats: hostile.beats },
    state: document.documentElement?.dataset?.unveilState ?? null,
    xss: typeof window.__unveilXss !== 'undefined',
    // Elements only Unveil could have created from the page's text.
    injected: document.querySelectorAll('img[src="x"], unveil-quote img, unveil-quote script').length,
  };
}

function popupProbe() {
  return {
    xss: typeof window.__unveilXss !== 'undefined',
    images: document.querySelectorAll('img[src="x"], img:not([src^="chrome-extension:"]):not([src^="moz-extension:"]):not([src^="/"]):not([src^="../"]):not([src^="icons/"])').length,
    inlineScripts: document.querySelectorAll('script:not([src])').length,
    bold: document.querySelectorAll('b').length,
    text: document.body?.innerText ?? '',
  };
}

for (const name of BROWSERS) {
  describe(`hostile pages (${name})`, () => {
    let server;
    let browser;
    const foreignRequests = [];
    before(async () => {
      server = await startServer({ port: 0 });
      browser = await launch(name);
      await browser.setSettings(SETTINGS_ON);
      // Chromium (playwright): every request of the context, the extension's service worker
      // included. Anything not to the fixture server or the extension itself is foreign.
      const context = browser.context;
      if (context?.on) {
        context.on('request', (request) => {
          const url = request.url();
          if (!url.startsWith(server.url) && !url.startsWith('chrome-extension://') && !url.startsWith('data:')) {
            foreignRequests.push(url);
          }
        });
      }
      if (name === 'firefox') await browser.startNetworkLog();
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    for (const page of PAGES) {
      test(page.file, { todo: page.todo }, async (t) => {
        const tab = await browser.open(`${server.url}/${page.file}`);
        // Chromium: the tab's own network log through CDP as well (requests of this tab).
        if (tab.page && browser.context?.newCDPSession) {
          const cdp = await browser.context.newCDPSession(tab.page);
          cdp.on('Network.requestWillBeSent', ({ request }) => {
            if (!request.url.startsWith(server.url) && !/^(chrome-extension|data|blob):/.test(request.url)) foreignRequests.push(request.url);
          });
          await cdp.send('Network.enable');
        }
        try {
          const settled = await poll(
            async () => {
              const probe = await tab.evaluate(pageProbe);
              const unveilDone = probe.state !== 'loading' && (probe.state !== null || page.states.includes(null));
              return probe.hostile?.done && unveilDone ? probe : null;
            },
            { timeout: 30_000, interval: 200, what: `${page.file} to finish its work and Unveil to settle` },
          );
          await sleep(500); // the observer's throttled follow-up work
          const probe = await tab.evaluate(pageProbe);
          t.diagnostic(`state ${probe.state}, page work ${probe.hostile.work}, longest heartbeat gap ${Math.round(probe.hostile.maxGap)} ms`);
          assert.ok(page.states.includes(probe.state), `Unveil state ${probe.state}, expected one of ${page.states}`);
          if (page.work) assert.equal(probe.hostile.work, page.work, 'the page finished its own work');
          assert.ok(
            (probe.hostile.maxGap ?? 0) < MAX_STALL_MS,
            `the page's main thread stalled for ${Math.round(probe.hostile.maxGap)} ms`,
          );
          assert.equal(probe.xss, false, 'markup from the page text ran in the page');
          assert.equal(probe.injected, 0, 'Unveil inserted elements built from page text');
          assert.ok(settled);

          if (probe.state === 'too_large') {
            // Nothing analysed, so nothing to summarise: the page answers the popup's
            // GET_SUMMARY with null, and the popup shows no summary nor "Summarising…".
            const popup = await browser.openPopup(tab);
            try {
              await popup.text();
              await sleep(300); // the summary's answer
              const view = await popup.evaluate(() => ({
                pending: document.querySelectorAll('#summary li.pending').length,
                shown: !document.getElementById('summary-section').hidden,
              }));
              assert.deepEqual(view, { pending: 0, shown: false }, 'no summary on a page too large to analyse');
            } finally {
              await popup.close?.();
            }
          }
          if (page.xss) {
            const popup = await browser.openPopup(tab);
            try {
              await popup.text();
              const view = await popup.evaluate(popupProbe);
              assert.equal(view.xss, false, 'page text ran as code in the popup');
              assert.equal(view.inlineScripts, 0, 'an inline script appeared in the popup');
              assert.equal(view.bold, 0, 'page text became markup in the popup');
            } finally {
              await popup.close?.();
            }
          }
        } finally {
          await tab.close();
        }
      });
    }

    test('the extension makes no network requests of its own', async (t) => {
      if (name === 'firefox') {
        // Not the fixture server and not Firefox's own traffic (system principal): a request of
        // a page, a content script or the extension. The fixture pages load nothing else.
        const foreign = (entries) => entries.filter((entry) => !entry.url?.startsWith(server.url) && !entry.system);
        const entries = await browser.networkLog({ clear: true });
        t.diagnostic(`${entries.length} HTTP requests observed, ${entries.filter((entry) => entry.url?.startsWith(server.url)).length} to the fixture server`);
        foreignRequests.push(...foreign(entries).map((entry) => `${entry.url} (by ${entry.origin})`));
        // The log must see what an extension page fetches (else an empty log proves nothing).
        const probe = 'http://unveil-network-probe.invalid/';
        await browser.extEvaluate((url) => fetch(url).then(() => true, () => true), probe);
        const seen = await poll(async () => foreign(await browser.networkLog()).find((entry) => entry.url === probe), { timeout: 5000, what: 'the probe request in the network log' });
        assert.match(seen.origin, /^moz-extension:/, 'the probe is attributed to the extension');
      }
      assert.deepEqual(foreignRequests, []);
    });
  });
}
