// The summary is made when the popup first asks the background for it (SUMMARIZE, with the
// analysis the page's state shows), not when the page loads: from the article the background
// kept when it analysed the page. By then the background has often been stopped (Chromium
// stops an idle MV3 service worker after 30 s, Firefox unloads an idle event page): it must
// start again, get the article from the page and answer. The popup's own rendering of the
// summary is popup.test.mjs's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openAndSettle, eachBrowser, messageType, pageState, serverAndBrowser } from './lib/fixtures.mjs';

const SUMMARIZE = messageType('SUMMARIZE');

eachBrowser('summary', (name) => {
  const env = serverAndBrowser(name, { setUp: (browser) => browser.resetSettings() });

  /** The background's summary of the tab's analysis `reportId`, asked as the popup does. */
  async function summarize(tabId, reportId) {
    const reply = await env.browser.extEvaluate(([payload, t]) => (globalThis.browser ?? chrome).runtime.sendMessage({ type: t, payload }), [{ tabId, reportId }, SUMMARIZE]);
    assert.equal(reply?.ok, true, `SUMMARIZE: ${JSON.stringify(reply)}`);
    return reply.data;
  }

  const articleText = (tab) => tab.evaluate(() => document.querySelector('article').textContent.replace(/\s+/g, ' '));

  test('the summary comes from the article, and again after the background was stopped', async () => {
    const tab = await openAndSettle(env.browser, `${env.server.url}/demo.html`, { state: 'ready', settle: 800 });
    try {
      const { state, tabId } = await pageState(env.browser, tab);
      assert.ok(state.reportId, 'the state names its analysis');
      const { reportId, summary } = await summarize(tabId, state.reportId);
      assert.equal(reportId, state.reportId);
      const article = await articleText(tab);
      assert.ok(summary.length >= 1, 'a summary');
      for (const { text, rank } of summary) {
        assert.ok(article.includes(text.replace(/\s+/g, ' ').slice(0, 60)), `a sentence of the article: ${text}`);
        assert.ok(Number.isInteger(rank), `ranked: ${rank}`);
      }
      assert.deepEqual(await summarize(tabId, state.reportId), { reportId, summary }, 'asked again: the same');
      // A restarted background knows no articles: it asks the page for its own.
      await env.browser.stopBackground();
      assert.deepEqual(await summarize(tabId, state.reportId), { reportId, summary });
    } finally {
      await tab.close();
    }
  });

  test('a new page in the tab: the old analysis\' summary is the new page\'s', async () => {
    const tab = await openAndSettle(env.browser, `${env.server.url}/demo.html`, { state: 'ready', settle: 300 });
    try {
      const before = await pageState(env.browser, tab);
      await tab.goto(`${env.server.url}/hostile-frame-menu.html`);
      await tab.waitForUnveil({ state: 'ready' });
      const after = await pageState(env.browser, tab);
      assert.notEqual(after.state.reportId, before.state.reportId);
      assert.equal(after.state.article, null, 'no article on a page that is a menu');
      // A popup still showing the old page asks for its analysis: what comes is the new page's.
      assert.deepEqual(await summarize(after.tabId, before.state.reportId), { reportId: after.state.reportId, summary: [] });
    } finally {
      await tab.close();
    }
  });
});
