// The same page served normally and under /strict/ (CSP default-src 'self'; script-src 'self',
// no 'wasm-unsafe-eval'): Unveil must do exactly the same thing on both. In Chromium the strict
// variant cannot compile wasm in the content script, so the engine must be "background" there —
// the proof that the background fallback runs the identical core. Firefox compiles wasm under
// that CSP, so it may report "page" for both.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, poll } from './lib/browsers.mjs';
import { startServer } from '../server.mjs';
import { fixturePages, openAndSettle, runTrigger, sleep, unveilReport, eachBrowser } from './lib/fixtures.mjs';
import { knownIssue } from './lib/known-issues.mjs';

const pages = fixturePages().filter((page) => page.expect.csp);

eachBrowser('csp', (name) => {
  let server;
  let browser;
  before(async () => {
    server = await startServer({ port: 0 });
    browser = await launch(name);
    await browser.resetSettings();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const page of pages) {
    test(`${page.name}: normal and /strict/ give the same report`, knownIssue(`${page.name}: normal and /strict/ give the same report`), async () => {
      const reports = {};
      for (const variant of ['normal', 'strict']) {
        const url = `${server.url}${variant === 'strict' ? '/strict' : ''}/${page.file}`;
        const tab = await openAndSettle(browser, url, { state: 'ready', settle: 300 });
        try {
          await runTrigger(tab, page.expect.trigger);
          // The report once it has stopped changing (two equal reads 400 ms apart, at most 4 s).
          let previous = null;
          reports[variant] = await poll(async () => {
            const now = await tab.evaluate(unveilReport);
            const same = previous && JSON.stringify(now) === JSON.stringify(previous);
            previous = now;
            if (!same) await sleep(400);
            return same ? now : null;
          }, { timeout: 4000, interval: 0, what: 'a stable report' }).catch(() => previous);
        } finally {
          await tab.close();
        }
      }
      const { normal, strict } = reports;
      // The engine first: it proves the background fallback even before any overlay is found.
      if (name === 'chromium') {
        assert.equal(normal.engine, page.expect.ownCsp ? 'background' : 'page', 'engine on the normal page');
        assert.equal(strict.engine, 'background', 'engine under the strict CSP (wasm cannot compile in the page)');
      } else {
        assert.ok(['page', 'background'].includes(normal.engine) && ['page', 'background'].includes(strict.engine), `engines ${normal.engine}/${strict.engine}`);
      }
      assert.deepEqual(strict.hidden, normal.hidden, 'the same elements hidden, with the same categories');
      assert.deepEqual(strict.quotes, normal.quotes, 'the same quotes marked');
      if (page.expect.kind === 'positive') assert.ok(normal.hidden.length > 0, `${page.name}: nothing hidden at all`);
      if (page.expect.quotes?.length) assert.ok(normal.quotes.length > 0, `${page.name}: no quote marked`);
    });
  }
});
