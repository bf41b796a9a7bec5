// The summary is made when the popup first asks for it (GET_SUMMARY), not when the page loads.
// By then the background has often been stopped: Chromium stops an idle MV3 service worker
// after 30 s, Firefox unloads an idle event page. It must start again, make a fresh wasm
// instance and answer; the popup's own rendering of the summary is popup.test.mjs's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openAndSettle, eachBrowser, serverAndBrowser } from './lib/fixtures.mjs';

// The popup's messages, read from the extension so that the two cannot drift.
const MESSAGES = readFileSync(new URL('../../extension/shared/messages.js', import.meta.url), 'utf8');
const type = (name) => MESSAGES.match(new RegExp(`${name}: '([^']+)'`))[1];
const GET_STATE = type('GET_STATE');
const GET_SUMMARY = type('GET_SUMMARY');

eachBrowser('summary', (name) => {
  const env = serverAndBrowser(name, { setUp: (browser) => browser.resetSettings() });

  /** What the popup gets from the tab's top frame for `type`, asked from an extension page. */
  async function ask(tab, messageType) {
    const tabId = await env.browser.tabId(tab);
    const reply = await env.browser.extEvaluate(([id, t]) => (globalThis.browser ?? chrome).tabs.sendMessage(id, { type: t, payload: {} }, { frameId: 0 }), [tabId, messageType]);
    assert.equal(reply?.ok, true, `${messageType}: ${JSON.stringify(reply)}`);
    return reply.data;
  }

  test('asked after the background was stopped, the summary still comes, from the article', async () => {
    const tab = await openAndSettle(env.browser, `${env.server.url}/demo.html`, { state: 'ready', settle: 800 });
    try {
      // Not made at load: the page's state has no summary until the popup asks.
      assert.equal((await ask(tab, GET_STATE)).summary, null, 'no summary before it is asked for');
      await env.browser.stopBackground();
      const summary = await ask(tab, GET_SUMMARY);
      const article = await tab.evaluate(() => document.querySelector('article').textContent.replace(/\s+/g, ' '));
      assert.ok(summary.length >= 1, 'a summary');
      for (const { text, rank } of summary) {
        assert.ok(article.includes(text.replace(/\s+/g, ' ').slice(0, 60)), `a sentence of the article: ${text}`);
        assert.ok(Number.isInteger(rank), `ranked: ${rank}`);
      }
      // Made once: the page's state now carries it, and asking again gives the same.
      assert.deepEqual((await ask(tab, GET_STATE)).summary, summary);
      assert.deepEqual(await ask(tab, GET_SUMMARY), summary);
    } finally {
      await tab.close();
    }
  });

  test('a page without an article has no summary to ask for', async () => {
    const tab = await openAndSettle(env.browser, `${env.server.url}/hostile-frame-menu.html`, { state: 'ready', settle: 300 });
    try {
      const state = await ask(tab, GET_STATE);
      assert.equal(state.article, null, 'no article on a page that is a menu');
      assert.deepEqual(await ask(tab, GET_SUMMARY), []);
    } finally {
      await tab.close();
    }
  });
});
