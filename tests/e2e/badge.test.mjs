// The toolbar badge (elements hidden, summed over the tab's frames) survives the background
// being stopped — Chromium stops an idle MV3 service worker, Firefox unloads an idle event page —
// because the per-frame counts live in storage.session; and a closed tab's counts are removed.
//
// pos-iframe.html: the page's frame hides its newsletter (count 1 from the frame, 0 from the
// top). The background is stopped, then the top frame hides a late appeal: the badge must say 2,
// which needs the frame's count from before the stop.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { poll } from './lib/browsers.mjs';
import { SETTINGS_ON, eachBrowser, serverAndBrowser } from './lib/fixtures.mjs';

function addLateAppeal() {
  const modal = document.createElement('div');
  modal.id = 'late-appeal';
  modal.setAttribute('role', 'dialog');
  modal.setAttribute('aria-modal', 'true');
  modal.style.cssText = 'position: fixed; left: 20%; top: 20%; width: 60%; background: #fff; z-index: 9999; padding: 2em';
  modal.innerHTML = '<h2>Dear readers,</h2><p>our reporting is funded by readers like you. Please consider a contribution today: even a small donation keeps the newsroom open.</p><button>Donate</button> <button>Remind me later</button>';
  document.body.append(modal);
  return true;
}

eachBrowser('badge', (name) => {
  const env = serverAndBrowser(name, { setUp: (browser) => browser.setSettings(SETTINGS_ON) });

  test('the badge keeps every frame\'s count across a background restart; closing the tab clears it', async () => {
    const tab = await env.browser.open(`${env.server.url}/pos-iframe.html`);
    const tabId = await env.browser.tabId(tab);
    const badge = () => env.browser.extEvaluate((id) => (globalThis.browser ?? globalThis.chrome).action.getBadgeText({ tabId: id }), tabId);
    const stored = () => env.browser.extEvaluate(async (key) => (await (globalThis.browser ?? globalThis.chrome).storage.session.get(key))[key] ?? null, `badge:${tabId}`);
    await tab.waitForUnveil({ state: 'ready' });
    await poll(async () => (await badge()) === '1', { what: 'badge "1" (the frame\'s newsletter)' });

    await env.browser.stopBackground();
    await tab.evaluate(addLateAppeal);
    await tab.waitFor(() => document.getElementById('late-appeal')?.hasAttribute('data-unveil-hidden'), null, { timeout: 10_000 });
    await poll(async () => (await badge()) === '2', { what: 'badge "2" after the background restarted' }).catch(async (error) => {
      throw new Error(`${error.message}: badge ${JSON.stringify(await badge())}, stored ${JSON.stringify(await stored())}`);
    });
    const frames = await stored();
    assert.equal(Object.values(frames).reduce((a, b) => a + b, 0), 2, `per-frame counts ${JSON.stringify(frames)}`);

    await tab.close();
    await poll(async () => (await stored()) === null, { what: 'the closed tab\'s counts removed from storage.session' });
  });
});
