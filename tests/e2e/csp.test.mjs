// The same page served normally and under /strict/ (CSP default-src 'self'; script-src 'self',
// no 'wasm-unsafe-eval'): Unveil must do exactly the same thing on both. The core runs in the
// background for every page, so a page's CSP must not change what it finds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { poll } from './lib/browsers.mjs';
import { fixturePages, openAndSettle, runTrigger, sleep, unveilReport, eachBrowser, serverAndBrowser } from './lib/fixtures.mjs';
import { knownIssue } from './lib/known-issues.mjs';

const pages = fixturePages().filter((page) => page.expect.csp);

eachBrowser('csp', (name) => {
  const env = serverAndBrowser(name, { setUp: (browser) => browser.resetSettings() });

  for (const page of pages) {
    test(`${page.name}: normal and /strict/ give the same report`, knownIssue(`${page.name}: normal and /strict/ give the same report`), async () => {
      const reports = {};
      for (const variant of ['normal', 'strict']) {
        const url = `${env.server.url}${variant === 'strict' ? '/strict' : ''}/${page.file}`;
        const tab = await openAndSettle(env.browser, url, { state: 'ready', settle: 300 });
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
      assert.equal(strict.state, normal.state, 'the same state');
      assert.deepEqual(strict.hidden, normal.hidden, 'the same elements hidden, with the same categories');
      assert.deepEqual(strict.quotes, normal.quotes, 'the same quotes marked');
      if (page.expect.kind === 'positive') assert.ok(normal.hidden.length > 0, `${page.name}: nothing hidden at all`);
      if (page.expect.quotes?.length) assert.ok(normal.quotes.length > 0, `${page.name}: no quote marked`);
    });
  }
});
