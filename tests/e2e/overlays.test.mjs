// Every fixture page in both browsers:
//  1. Unveil off from the start: play the page's trigger, serialise the DOM (the reference).
//  2. Unveil on: play the trigger; positive pages: the expected overlays are hidden, the page
//     scrolls, the article is visible, not blurred, not inert, nothing else is hidden; negative
//     pages: the DOM is byte-for-byte the reference (nothing hidden, nothing changed).
//  3. Switch Unveil off on that page: the DOM must be byte-for-byte the reference again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  SETTINGS_OFF,
  SETTINGS_ON,
  SETTINGS_OVERLAYS_ONLY,
  fixturePages,
  inspectUntilClean,
  runTrigger,
  serializeDom,
  sleep,
  eachBrowser,
  serverAndBrowser,
} from './lib/fixtures.mjs';
import { knownIssue } from './lib/known-issues.mjs';

const pages = fixturePages().filter((page) => page.expect.kind === 'positive' || page.expect.kind === 'negative');

function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}:\n  reference: …${JSON.stringify(a.slice(Math.max(0, i - 80), i + 120))}\n  now:       …${JSON.stringify(b.slice(Math.max(0, i - 80), i + 120))}`;
}

eachBrowser('overlays', (name) => {
  const env = serverAndBrowser(name);

  for (const page of pages) {
    const { expect } = page;
    test(`${page.name} (${expect.kind})`, knownIssue(`${page.name} (${expect.kind})`), async () => {
      const url = `${env.server.url}/${page.file}`;
      // Negative pages are compared with quote marks off: quote marks are a wanted change.
      const on = expect.kind === 'negative' ? SETTINGS_OVERLAYS_ONLY : SETTINGS_ON;

      // 1. Reference: Unveil off from the start.
      await env.browser.setSettings(SETTINGS_OFF);
      const reference = await env.browser.open(url);
      let reference_dom;
      try {
        await reference.waitForUnveil({ state: 'off' });
        await runTrigger(reference, expect.trigger);
        reference_dom = await reference.evaluate(serializeDom);
      } finally {
        await reference.close();
      }

      // 2. Unveil on.
      await env.browser.setSettings(on);
      const tab = await env.browser.open(url);
      try {
        await tab.waitForUnveil({ state: 'ready' });
        await runTrigger(tab, expect.trigger);
        const result = await inspectUntilClean(tab, expect, { timeout: expect.kind === 'negative' ? 600 : 2500 });
        const pageErrors = await tab.evaluate(() => [...(window.__pageErrors ?? []), ...(window.__pageConsole ?? [])]);
        for (const message of pageErrors) result.problems.push(`the page saw an error: ${message}`);
        if (expect.kind === 'negative') {
          const now = await tab.evaluate(serializeDom);
          if (now !== reference_dom) result.problems.push(`the page changed with Unveil on ${firstDifference(reference_dom, now)}`);
        }
        // 3. Switch off on the same page: the exact original DOM comes back (checked even when
        //    step 2 found problems, so that each failure report is complete).
        await env.browser.setSettings(SETTINGS_OFF);
        await tab.waitForUnveil({ state: 'off' });
        await sleep(150);
        const restored = await tab.evaluate(serializeDom);
        if (restored !== reference_dom) result.problems.push(`switching Unveil off did not restore the DOM ${firstDifference(reference_dom, restored)}`);
        assert.deepEqual(result.problems, [], `${page.name} in ${name}: ${JSON.stringify(result.info)}`);
      } finally {
        await tab.close();
      }
    });
  }
});
