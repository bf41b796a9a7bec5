// The popup, in both browsers. Chromium: the REAL toolbar popup (puppeteer-core with
// enableExtensions; chrome.action.openPopup() from the service worker). Firefox: popup.html?tab=ID
// opened as an extension page (TOOLCHAIN.md).
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, poll } from './lib/browsers.mjs';
import { startServer } from '../server.mjs';
import { openAndSettle, sleep, eachBrowser } from './lib/fixtures.mjs';
import { knownIssue } from './lib/known-issues.mjs';

const NOT_RUNNING = /isn.t running|not running|cannot run|can.t run|not available|unavailable/i;

// Reads the popup once it has rendered the page's state (title filled in) or a status line.
function popupView() {
  const text = (id) => document.getElementById(id)?.textContent?.trim() ?? '';
  return {
    ready: document.readyState === 'complete' && (text('title') !== '' || text('status') !== ''),
    title: text('title'),
    status: text('status'),
    body: document.body.innerText,
    summary: [...document.querySelectorAll('#summary li:not(.pending)')].map((li) => li.textContent.trim()),
    summaryPending: Boolean(document.querySelector('#summary li.pending')),
    hidden: [...document.querySelectorAll('#hidden-list li')].map((li) => li.textContent.trim()),
    quotes: document.getElementById('speakers')?.textContent ?? '',
    hideSwitch: document.getElementById('hide-overlays')?.checked ?? null,
    images: [...document.images].map((img) => img.getAttribute('src')),
    scripts: [...document.scripts].map((s) => s.getAttribute('src') ?? 'inline'),
    xssFlag: typeof window.__unveilXss !== 'undefined',
    // The xss page's byline is "Mallory <b>Tables</b>" and its site "Markup </script> Weekly".
    elementsOk: !document.querySelector('script:not([src]), iframe, object, embed, b'),
    html: document.body.innerHTML,
  };
}

async function readPopup(popup) {
  return poll(async () => {
    const view = await popup.evaluate(popupView);
    return view.ready ? view : null;
  }, { timeout: 10_000, what: 'the popup to render' });
}

eachBrowser('popup', (name) => {
  let server;
  let browser;
  before(async () => {
    server = await startServer({ port: 0 });
    browser = await launch(name, { popup: true });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(() => browser.resetSettings());

  test('shows the page: title, summary, hidden list', async () => {
    const tab = await openAndSettle(browser, `${server.url}/demo.html`, { state: 'ready', settle: 800 });
    const page = await tab.evaluate(() => ({
      headline: document.querySelector('h1').textContent.trim(),
      article: document.querySelector('article').textContent.replace(/\s+/g, ' '),
    }));
    const popup = await browser.openPopup(tab);
    try {
      if (name === 'chromium') assert.ok(popup.real, 'Chromium must open the real toolbar popup');
      await sleep(500);
      const view = await readPopup(popup);
      assert.ok(view.title.includes(page.headline), `popup title is the article's headline: ${JSON.stringify(view.title)} (status: ${view.status})`);
      // The summary is asked for once the popup shows the page: it follows the rest.
      view.summary = await poll(async () => {
        const { summary, summaryPending } = await popup.evaluate(popupView);
        return summary.length && !summaryPending ? summary : null;
      }, { timeout: 10_000, what: 'the summary in the popup' });
      assert.ok(view.summary.length >= 1, 'the popup shows a summary');
      for (const sentence of view.summary) {
        const normalized = sentence.replace(/\s+/g, ' ').replace(/^[•\-\s]+/, '');
        assert.ok(page.article.includes(normalized.slice(0, 60)), `summary sentence comes from the article: ${normalized}`);
      }
      assert.ok(view.hidden.length >= 1, 'the popup lists the hidden overlays');
      assert.ok(view.hidden.some((item) => /dear readers|independent reporting/i.test(item)), `hidden list shows the overlays' text: ${JSON.stringify(view.hidden)}`);
      assert.match(view.quotes, /Putin/, 'quotes grouped by speaker');
    } finally {
      await popup.close();
      await tab.close();
    }
  });

  // README (Robustness): the time from the popup opening to its summary. Measured in the popup itself:
  // popup.js marks the moment its summary list is filled (performance.mark), whose startTime is
  // the time since the popup document's navigation started. The assertion is generous (a loaded
  // 2-core machine runs four browsers at once); the measured values are printed. From the
  // driver's side (command sent → summary seen, polled every 20 ms) is printed as well.
  test('the popup shows the summary soon after opening (measured)', async (t) => {
    const tab = await openAndSettle(browser, `${server.url}/demo.html`, { state: 'ready', settle: 800 });
    const asked = Date.now();
    const popup = await browser.openPopup(tab);
    try {
      await poll(() => popup.evaluate(() => document.querySelectorAll('#summary li:not(.pending)').length > 0), { timeout: 10_000, interval: 20, what: 'the summary in the popup' });
      const seen = Date.now() - asked;
      const shown = await popup.evaluate(() => performance.getEntriesByName('unveil-summary-shown')[0]?.startTime ?? null);
      assert.notEqual(shown, null, 'popup.js marks when the summary is shown');
      const line = `${name}: summary shown ${shown.toFixed(1)} ms after the popup's navigation start (${popup.real ? 'toolbar popup' : 'popup.html in a tab'}); ${seen} ms from the open command to the summary seen by the driver`;
      t.diagnostic(line);
      assert.ok(shown < 1000, line);
    } finally {
      await popup.close();
      await tab.close();
    }
  });

  test('the popup switch turns Unveil off and on again', knownIssue('the popup switch turns Unveil off and on again'), async () => {
    const tab = await openAndSettle(browser, `${server.url}/demo.html`, { state: 'ready', settle: 800 });
    const hiddenCount = await tab.evaluate(() => document.querySelectorAll('[data-unveil-hidden]').length);
    const popup = await browser.openPopup(tab);
    try {
      await readPopup(popup);
      assert.equal((await popup.evaluate(popupView)).hideSwitch, true, 'the "Hide banners & pop-ups" switch is on');
      // Off through the popup's switch (quote marks stay on, so the state may stay "ready"):
      // nothing hidden any more and the page's own scroll lock is back.
      await popup.tab.click('#hide-overlays');
      await poll(async () => (await browser.getSettings()).hideOverlays === false, { timeout: 5000, what: 'the switch to write hideOverlays: false' });
      await tab.waitFor(() => document.querySelectorAll('[data-unveil-hidden]').length === 0 && getComputedStyle(document.body).overflowY === 'hidden', null, { timeout: 5000 });
      // And on again: the same overlays hidden as before.
      await popup.tab.click('#hide-overlays');
      await poll(async () => (await browser.getSettings()).hideOverlays === true, { timeout: 5000, what: 'the switch to write hideOverlays: true' });
      await tab.waitFor((count) => document.querySelectorAll('[data-unveil-hidden]').length === count, hiddenCount, { timeout: 5000 });
      assert.ok(hiddenCount >= 3, `demo.html: ${hiddenCount} elements hidden, expected the modal, its backdrop and the strip`);
    } finally {
      await popup.close();
      await tab.close();
    }
  });

  test('page text with markup is shown as text: no element, no script runs in the popup', async () => {
    const tab = await openAndSettle(browser, `${server.url}/neg-xss-title.html`, { state: 'ready', settle: 800 });
    const popup = await browser.openPopup(tab);
    try {
      await sleep(500);
      const view = await readPopup(popup);
      assert.ok(view.title.includes('<img src=x onerror="window.__unveilXss=1">'), `the title is shown literally: ${view.title}`);
      assert.equal(view.xssFlag, false, 'onerror ran in the popup');
      assert.deepEqual(view.images.filter((src) => !/icons\/icon-\d+\.png$/.test(src ?? '')), [], 'an <img> from page text was created in the popup');
      assert.ok(!/<img[^>]+src="?x\b/i.test(view.html), 'page markup reached the popup as markup');
      assert.ok(view.scripts.every((src) => src !== 'inline'), 'an inline script appeared in the popup');
      assert.ok(view.elementsOk, 'page text created elements in the popup (script/iframe/object/b)');
      assert.equal(await tab.evaluate(() => typeof window.__unveilXss), 'undefined', 'onerror ran in the page');
      // The quotes section holds the attributed quote (whose text contains "<img …>") as text.
      assert.ok(view.quotes.includes('Alice Moreau'), `the quote by Alice Moreau is listed: ${JSON.stringify(view.quotes)}`);
      assert.ok(view.quotes.includes('<img src=x onerror=window.__unveilXss=1>'), 'the quote is shown literally, markup as text');
    } finally {
      await popup.close();
      await tab.close();
    }
  });

  test('on a browser page the popup says Unveil cannot run there', async () => {
    const tab = await browser.open(name === 'firefox' ? 'about:blank' : 'chrome://version');
    const popup = await browser.openPopup(tab);
    try {
      const view = await poll(async () => {
        const now = await popup.evaluate(popupView);
        return NOT_RUNNING.test(now.status || now.body) ? now : null;
      }, { timeout: 6000, what: 'the popup to say Unveil cannot run here' }).catch(async (error) => {
        throw new Error(`${error.message}; popup says: ${JSON.stringify((await popup.evaluate(popupView)).body)}`);
      });
      assert.match(view.status || view.body, NOT_RUNNING);
    } finally {
      await popup.close();
      await tab.close();
    }
  });
});
