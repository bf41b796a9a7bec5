// Settings survive a browser restart and an extension update (schema migration), in both browsers.
//
//  1. Restart: settings written into storage.sync, the browser quit and started again on the SAME
//     profile folder; the settings are still there and the content script applies them.
//  2. Update: settings of schema 0 (the pre-release layout, no schemaVersion) stored, then a build
//     with a higher manifest version replaces the installed one, which fires runtime.onInstalled
//     with reason "update":
//     - Chromium: the browser is restarted on the same profile with the unpacked extension's
//       folder now holding the bumped manifest (Chromium sees the new version of an installed
//       extension at start-up). chrome.runtime.reload() would be the other way, but in headless
//       Chromium 156 an extension loaded with --load-extension does not come back from it (its
//       pages answer ERR_BLOCKED_BY_CLIENT afterwards).
//     - Firefox: a permanent install of the bumped build over the installed one, in the running
//       browser (unsigned permanent installs: Firefox ESR honours xpinstall.signatures.required=
//       false; a temporary add-on would not survive step 1's restart either).
//     Nothing but the background's onInstalled handler writes storage.sync in this test, so the
//     rewritten storage (schemaVersion 1, old keys gone) shows that it ran; a page opened
//     afterwards must follow the migrated settings.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extensionDir, launch, poll } from './lib/browsers.mjs';
import { startServer } from '../server.mjs';
import { eachBrowser, quoteMarks, unveilReport } from './lib/fixtures.mjs';

const SAVED = {
  schemaVersion: 1,
  hideOverlays: false,
  markQuotes: false,
  siteOverrides: { 'paper.example': { markQuotes: true } },
  categories: { donation: false, paywall: true, newsletter: true, adblock: true, exit_intent: true, cookie: true },
  summaryLength: 'short',
};

// Schema 0: overlays on, but off on the test server's host; cookie dialogs on.
const SCHEMA_0 = { enabled: true, cookieBanners: true, disabledSites: ['127.0.0.1', 'WWW.Paper.example'] };
const MIGRATED = {
  schemaVersion: 1,
  hideOverlays: true,
  markQuotes: true,
  siteOverrides: { '127.0.0.1': { hideOverlays: false }, 'paper.example': { hideOverlays: false } },
  categories: { donation: true, paywall: true, newsletter: true, adblock: true, exit_intent: true, cookie: true },
  summaryLength: 'medium',
};

/** A copy of the unpacked build whose manifest version can be bumped, as a store update would. */
function copyBuild(name) {
  const dir = mkdtempSync(join(tmpdir(), `unveil-e2e-build-${name}-`));
  cpSync(extensionDir(name), dir, { recursive: true });
  return dir;
}

function bumpVersion(dir) {
  const path = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8'));
  const before = manifest.version;
  manifest.version = `${before}.1`;
  writeFileSync(path, JSON.stringify(manifest, null, 2));
  return { before, after: manifest.version };
}

const storedSettings = (browser) => browser.extEvaluate(() => (globalThis.browser ?? globalThis.chrome).storage.sync.get(null));
const manifestVersion = (browser) => browser.extEvaluate(() => (globalThis.browser ?? globalThis.chrome).runtime.getManifest().version);

async function writeSettings(browser, values) {
  // First let the install's own write (runtime.onInstalled "install": the defaults) land.
  await poll(async () => (await storedSettings(browser)).schemaVersion === 1, { what: 'the defaults written on install' });
  await browser.extEvaluate(async (settings) => {
    const api = globalThis.browser ?? globalThis.chrome;
    await api.storage.sync.clear();
    await api.storage.sync.set(settings);
    return true;
  }, values);
}

/** What the content script did on the demo page (a donation modal and attributed quotes). */
async function demoOutcome(browser, server) {
  const tab = await browser.open(`${server.url}/demo.html`);
  try {
    await tab.waitForUnveil();
    // Late work (quote marks, hiding) is done within a second of "ready" on this page.
    await new Promise((resolve) => setTimeout(resolve, 800));
    const report = await tab.evaluate(unveilReport);
    const marks = await tab.evaluate(quoteMarks);
    return { state: report.state, hidden: report.hidden.length, quotes: marks.length };
  } finally {
    await tab.close();
  }
}

eachBrowser('settings', (name) => {
  let server;
  const dirs = [];
  const launchOn = (profile, ext, addon) => launch(name, { profile, ext, addon });
  /** An empty profile and a private copy of the build, both removed after the tests. */
  const freshProfileAndBuild = () => {
    const profile = mkdtempSync(join(tmpdir(), `unveil-e2e-profile-${name}-`));
    const ext = copyBuild(name);
    dirs.push(profile, ext);
    return { profile, ext };
  };
  before(async () => {
    server = await startServer({ port: 0 });
  });
  after(async () => {
    await server?.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  test('settings survive a browser restart (same profile)', async () => {
    const { profile, ext } = freshProfileAndBuild();
    let browser = await launchOn(profile, ext, 'permanent');
    try {
      await writeSettings(browser, SAVED);
      assert.deepEqual(await storedSettings(browser), SAVED);
    } finally {
      await browser.close();
    }
    // Started again: the extension is not installed again (Firefox) or loaded from the same
    // folder (Chromium: an unpacked extension's id comes from its path).
    browser = await launchOn(profile, ext, 'none');
    try {
      assert.deepEqual(await storedSettings(browser), SAVED, 'storage.sync after the restart');
      const outcome = await demoOutcome(browser, server);
      assert.deepEqual(outcome, { state: 'off', hidden: 0, quotes: 0 }, 'both switches off: the page is left alone');
    } finally {
      await browser.close();
    }
  });

  test('an update migrates schema-0 settings and the content script follows them', async () => {
    const { profile, ext } = freshProfileAndBuild();
    let browser = await launchOn(profile, ext, 'permanent');
    try {
      await writeSettings(browser, SCHEMA_0);
      assert.deepEqual(await storedSettings(browser), SCHEMA_0, 'old settings stored as they are');
      const version = bumpVersion(ext);
      if (name === 'chromium') {
        await browser.close();
        browser = await launchOn(profile, ext);
      } else {
        await browser.installAddon(ext);
      }
      const stored = await poll(async () => {
        const now = await storedSettings(browser);
        return now.schemaVersion === 1 ? now : null;
      }, { timeout: 15_000, what: 'storage rewritten by runtime.onInstalled ("update")' });
      assert.equal(await manifestVersion(browser), version.after, 'the updated build runs');
      assert.deepEqual(stored, MIGRATED, 'storage.sync after the update');
      // Overlays off on this host (schema 0's disabledSites), quotes on (the default).
      const outcome = await demoOutcome(browser, server);
      assert.equal(outcome.state, 'ready');
      assert.equal(outcome.hidden, 0, 'the site override from disabledSites is applied');
      assert.ok(outcome.quotes > 0, 'quote marks are on');
    } finally {
      await browser.close();
    }
  });
});
