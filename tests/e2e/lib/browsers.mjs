// One small interface over the two real browsers the E2E tests drive, each with the packaged
// extension installed (see /work/shared/TOOLCHAIN.md for why each step is done this way):
//
//   const browser = await launch('chromium' | 'firefox', { popup: false });
//   launch(name, { profile, ext, addon }): reuse a profile folder (kept on close: restart tests),
//   load another unpacked build, Firefox: addon 'temporary' (default), 'permanent' (an unsigned
//   install that survives restarts: Firefox ESR honours xpinstall.signatures.required=false) or
//   'none' (already in the profile); prefs: more Firefox preferences {name: value}.
//   const tab = await browser.open(url);          // a new tab; Unveil's content script runs in it
//   await tab.evaluate(fn, arg);                  // fn runs in the page (its main world); JSON in/out
//   await tab.waitFor(fn, arg, { timeout });      // polls fn until it returns something truthy
//   await browser.setSettings({ hideOverlays: false });  // storage.sync, as the options page would
//   const popup = await browser.openPopup(tab);   // { text, evaluate(fn) , close() }
//   await tab.close(); await browser.close();
//
// Chromium: playwright-core launchPersistentContext with dist/chrome (headless, --no-sandbox), or —
// with { popup: true } — puppeteer-core with enableExtensions, so that the REAL toolbar popup can be
// opened through chrome.action.openPopup() in the service worker.
// Firefox ESR: selenium-webdriver + geckodriver, dist/firefox installed as a temporary add-on with a
// fixed internal UUID (so moz-extension:// URLs are known); extension pages are opened from the
// chrome context with the system principal (geckodriver runs with --allow-system-access).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const BROWSERS = (process.env.UNVEIL_E2E_BROWSERS ?? 'chromium,firefox').split(',').filter(Boolean);
const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
const FIREFOX = process.env.FIREFOX_BIN ?? '/usr/bin/firefox-esr';
const FIREFOX_UUID = '6f1e2d3c-4b5a-4e6f-8a7b-9c0d1e2f3a4b';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function extensionDir(browser) {
  return process.env[`UNVEIL_DIST_${browser.toUpperCase()}`] ?? join(ROOT, 'dist', browser === 'chromium' ? 'chrome' : 'firefox');
}

function geckoId(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  return manifest.browser_specific_settings?.gecko?.id ?? manifest.applications?.gecko?.id;
}

function popupPath(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  return manifest.action?.default_popup ?? 'popup/popup.html';
}

function geckodriverPath() {
  for (const candidate of [process.env.GECKODRIVER, join(process.env.HOME ?? '/root', '.cargo/bin/geckodriver'), '/usr/local/bin/geckodriver', '/usr/bin/geckodriver']) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  return 'geckodriver';
}

/** Polls `check()` until it returns something truthy; throws with `what` after `timeout` ms. */
export async function poll(check, { timeout = 10_000, interval = 100, what = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await check();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      const detail = last instanceof Error ? `: ${last.message}` : '';
      throw new Error(`timed out after ${timeout} ms waiting for ${what}${detail}`);
    }
    await sleep(interval);
  }
}

// Wraps a function so that it runs the same way under playwright/puppeteer (fn, arg) and
// selenium's executeAsyncScript (string body, arguments + callback). Results must be JSON.
function asyncScript(fn) {
  return `const done = arguments[arguments.length - 1];
    const arg = arguments[0];
    Promise.resolve().then(() => (${fn})(arg)).then(
      (value) => done({ ok: true, value: value === undefined ? null : value }),
      (error) => done({ ok: false, error: String(error) + (error && error.stack ? '\\n' + error.stack : '') }));`;
}

class Tab {
  constructor(browser) {
    this.browser = browser;
  }
  /** Waits until `fn(arg)` evaluated in the page is truthy and returns that value. */
  waitFor(fn, arg, { timeout = 10_000, interval = 100 } = {}) {
    return poll(() => this.evaluate(fn, arg), { timeout, interval, what: String(fn).slice(0, 160) });
  }
  /** Waits for Unveil's state on <html> to leave "loading" (or to equal `state`). */
  async waitForUnveil({ state, timeout = 15_000 } = {}) {
    return this.waitFor(
      (wanted) => {
        const value = document.documentElement.dataset.unveilState;
        if (!value || value === 'loading') return null;
        return !wanted || value === wanted ? value : null;
      },
      state ?? null,
      { timeout },
    ).catch(async (error) => {
      const now = await this.evaluate(() => document.documentElement.dataset.unveilState ?? '(unset)').catch(() => '?');
      throw new Error(`${error.message} (data-unveil-state is ${now})`);
    });
  }
}

// ---- Chromium ---------------------------------------------------------------------------

class ChromiumTab extends Tab {
  constructor(browser, page) {
    super(browser);
    this.page = page;
  }
  evaluate(fn, arg = null) {
    return this.page.evaluate(fn, arg);
  }
  url() {
    return this.page.url();
  }
  async goto(url) {
    await this.page.goto(url, { waitUntil: 'load' });
  }
  async close() {
    await this.page.close().catch(() => {});
  }
  /** Scroll, mouse and keyboard through the real input pipeline. */
  async mouseMove(x, y) {
    await this.page.mouse.move(x, y);
  }
  async click(selector) {
    await this.page.click(selector);
  }
  async press(key) {
    await this.page.keyboard.press(key);
  }
  async bringToFront() {
    await this.page.bringToFront();
  }
}

class Chromium {
  name = 'chromium';

  static async launch({ popup = false, profile, ext } = {}) {
    const self = new Chromium();
    self.ext = ext ?? extensionDir('chromium');
    self.ownProfile = !profile;
    self.profile = profile ?? mkdtempSync(join(tmpdir(), 'unveil-e2e-chromium-'));
    self.driver = popup ? 'puppeteer' : 'playwright';
    const args = ['--no-sandbox', '--no-first-run', '--disable-gpu', `--disable-extensions-except=${self.ext}`, `--load-extension=${self.ext}`];
    if (popup) {
      const { default: puppeteer } = await import('puppeteer-core');
      self.puppeteer = await puppeteer.launch({
        executablePath: CHROMIUM,
        headless: true,
        pipe: true,
        enableExtensions: [self.ext],
        userDataDir: self.profile,
        args: ['--no-sandbox', '--no-first-run', '--disable-gpu'],
      });
      const worker = await self.puppeteer.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), { timeout: 15_000 });
      self.extensionId = new URL(worker.url()).host;
    } else {
      const { chromium } = await import('playwright-core');
      self.context = await chromium.launchPersistentContext(self.profile, { executablePath: CHROMIUM, headless: true, args });
      const worker = self.context.serviceWorkers()[0] ?? (await self.context.waitForEvent('serviceworker', { timeout: 15_000 }));
      self.extensionId = new URL(worker.url()).host;
    }
    self.extensionUrl = `chrome-extension://${self.extensionId}/`;
    return self;
  }

  async newPage() {
    return this.puppeteer ? this.puppeteer.newPage() : this.context.newPage();
  }

  async open(url) {
    const tab = new ChromiumTab(this, await this.newPage());
    if (url) await tab.goto(url);
    return tab;
  }

  /** An extension page kept open for storage access (the service worker may be asleep). */
  async extensionPage() {
    if (!this.helper || this.helper.isClosed()) {
      this.helper = await this.newPage();
      await this.helper.goto(this.extensionUrl + (this.popupPath ??= popupPath(this.ext)) + '?tab=-1');
    }
    return this.helper;
  }

  async extEvaluate(fn, arg = null) {
    return (await this.extensionPage()).evaluate(fn, arg);
  }

  /** The extension's id for `tab` (chrome.tabs needs the tab to be the active one to see it). */
  async tabId(tab) {
    await this.extensionPage(); // opened first: a new page would become the active tab
    await tab.bringToFront();
    return this.extEvaluate(async () => {
      const [active] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return active?.id ?? null;
    });
  }

  /** Stops the extension's service worker, as Chromium does when it is idle (CDP ServiceWorker). */
  async stopBackground() {
    const cdp = await this.context.newCDPSession(await this.extensionPage());
    try {
      const stopped = new Promise((resolve) => {
        cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
          if (versions.some((v) => v.scriptURL.startsWith(this.extensionUrl) && v.runningStatus === 'stopped')) resolve();
        });
      });
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await stopped;
    } finally {
      await cdp.detach().catch(() => {});
    }
  }

  async worker() {
    const target = await this.puppeteer.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(this.extensionUrl), { timeout: 10_000 });
    return target.worker();
  }

  /**
   * Opens the popup for `tab`: with { popup: true } the REAL toolbar popup (chrome.action.openPopup()
   * from the service worker while `tab` is the active tab), otherwise popup.html?tab=ID in a tab.
   */
  async openPopup(tab) {
    if (this.puppeteer) {
      await tab.bringToFront();
      const worker = await this.worker();
      const isPopup = (t) => t.url().startsWith(this.extensionUrl) && t.url().includes('popup') && !t.url().includes('?tab=');
      await worker.evaluate('chrome.action.openPopup()');
      const target = await this.puppeteer.waitForTarget(isPopup, { timeout: 10_000 });
      // A page taken from a brand-new popup target can fail with "Requesting main frame too
      // early!": retry until one answers.
      const page = await poll(async () => {
        const candidate = await target.asPage();
        await candidate.evaluate('document.readyState');
        return candidate;
      }, { timeout: 5000, what: 'the popup page' });
      return new Popup(new ChromiumTab(this, page), true);
    }
    const id = await this.tabId(tab);
    const popupTab = await this.open(this.extensionUrl + (this.popupPath ??= popupPath(this.ext)) + `?tab=${id}`);
    return new Popup(popupTab, false);
  }

  async close() {
    await (this.puppeteer ?? this.context)?.close().catch(() => {});
    if (this.ownProfile) rmSync(this.profile, { recursive: true, force: true });
  }
}

// ---- Firefox ----------------------------------------------------------------------------

class FirefoxTab extends Tab {
  constructor(browser, handle) {
    super(browser);
    this.handle = handle;
  }
  async evaluate(fn, arg = null) {
    return this.browser.run(this.handle, 'content', fn, arg);
  }
  async url() {
    return this.browser.serialize(async () => {
      await this.browser.switchTo(this.handle, 'content');
      return this.browser.driver.getCurrentUrl();
    });
  }
  async goto(url) {
    await this.browser.serialize(async () => {
      await this.browser.switchTo(this.handle, 'content');
      await this.browser.driver.get(url);
    });
  }
  async close() {
    await this.browser.closeHandle(this.handle);
  }
  async mouseMove(x, y) {
    await this.browser.serialize(async () => {
      await this.browser.switchTo(this.handle, 'content');
      await this.browser.driver.actions({ async: true }).move({ x: Math.round(x), y: Math.round(y) }).perform();
    });
  }
  async click(selector) {
    await this.browser.serialize(async () => {
      await this.browser.switchTo(this.handle, 'content');
      const { By } = await import('selenium-webdriver');
      await this.browser.driver.findElement(By.css(selector)).click();
    });
  }
  async press(key) {
    await this.browser.serialize(async () => {
      await this.browser.switchTo(this.handle, 'content');
      const { Key } = await import('selenium-webdriver');
      await this.browser.driver.actions({ async: true }).sendKeys(Key[key.toUpperCase()] ?? key).perform();
    });
  }
  async bringToFront() {
    await this.browser.serialize(() => this.browser.switchTo(this.handle, 'content'));
  }
}

class Firefox {
  name = 'firefox';

  static async launch({ profile, ext, addon = 'temporary', prefs = {} } = {}) {
    const self = new Firefox();
    self.ext = ext ?? extensionDir('firefox');
    self.queue = Promise.resolve();
    const { Builder } = await import('selenium-webdriver');
    const firefox = await import('selenium-webdriver/firefox.js');
    const options = new firefox.Options()
      .setBinary(FIREFOX)
      .addArguments('-headless')
      .setPreference('extensions.webextensions.uuids', JSON.stringify({ [geckoId(self.ext)]: FIREFOX_UUID }))
      .setPreference('browser.shell.checkDefaultBrowser', false)
      .setPreference('datareporting.policy.dataSubmissionEnabled', false)
      .setPreference('dom.disable_beforeunload', true)
      .setPreference('xpinstall.signatures.required', addon !== 'permanent');
    for (const [name, value] of Object.entries(prefs)) options.setPreference(name, value);
    // geckodriver uses a profile given with -profile in place (it copies one given otherwise).
    if (profile) options.addArguments('-profile', profile);
    const service = new firefox.ServiceBuilder(geckodriverPath()).addArguments('--allow-system-access');
    self.driver = await new Builder().forBrowser('firefox').setFirefoxOptions(options).setFirefoxService(service).build();
    await self.driver.manage().setTimeouts({ script: 30_000, pageLoad: 30_000 });
    if (addon !== 'none') await self.driver.installAddon(self.ext, addon === 'temporary');
    self.extensionUrl = `moz-extension://${FIREFOX_UUID}/`;
    self.home = await self.driver.getWindowHandle();
    self.current = { handle: self.home, context: 'content' };
    return self;
  }

  // WebDriver has one "current window" and one context: every command sequence that switches
  // must not interleave with another, so they are queued.
  serialize(job) {
    const result = this.queue.then(job, job);
    this.queue = result.catch(() => {});
    return result;
  }

  // Window handles name tabs only in the content context (in the chrome context they name
  // browser windows), so switch tabs from the content context, then change context.
  async switchTo(handle, context) {
    if (this.current.handle !== handle) {
      await this.setContext('content');
      await this.driver.switchTo().window(handle);
      this.current.handle = handle;
    }
    await this.setContext(context);
  }

  async setContext(context) {
    if (this.current.context !== context) {
      await this.driver.setContext(context);
      this.current.context = context;
    }
  }

  async run(handle, context, fn, arg) {
    const result = await this.serialize(async () => {
      await this.switchTo(handle, context);
      return this.driver.executeAsyncScript(asyncScript(fn), arg);
    });
    if (!result?.ok) throw new Error(result?.error ?? 'script failed');
    return result.value;
  }

  /** Runs `fn(arg)` in the browser's chrome (privileged) context. */
  chrome(fn, arg = null) {
    return this.run(this.home, 'chrome', fn, arg);
  }

  async open(url) {
    const handle = await this.serialize(async () => {
      await this.switchTo(this.current.handle, 'content');
      await this.driver.switchTo().newWindow('tab');
      const created = await this.driver.getWindowHandle();
      this.current.handle = created;
      if (url) await this.driver.get(url);
      return created;
    });
    return new FirefoxTab(this, handle);
  }

  /** Opens a moz-extension:// page (refused through WebDriver's navigation) from the chrome context. */
  async openExtensionPage(path) {
    const before = new Set(await this.serialize(() => this.setContext('content').then(() => this.driver.getAllWindowHandles())));
    await this.chrome((url) => {
      const tab = gBrowser.addTab(url, { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });
      gBrowser.selectedTab = tab;
      return true;
    }, this.extensionUrl + path);
    // The tab's WebDriver handle changes when the page switches to the extension process, so
    // look for the new handle whose document is the extension page.
    const handle = await poll(async () => {
      const handles = await this.serialize(() => this.setContext('content').then(() => this.driver.getAllWindowHandles()));
      for (const candidate of handles.filter((h) => !before.has(h))) {
        const ok = await this.run(candidate, 'content', () => document.readyState === 'complete' && location.protocol === 'moz-extension:').catch(() => false);
        if (ok) return candidate;
      }
      return null;
    }, { what: `extension page ${path}` });
    const tab = new FirefoxTab(this, handle);
    return tab;
  }

  async extEvaluate(fn, arg = null) {
    if (!this.helper) this.helper = await this.openExtensionPage((this.popupPath ??= popupPath(this.ext)) + '?tab=-1');
    return this.helper.evaluate(fn, arg);
  }

  /** The WebExtension tab id of a WebDriver window handle (handles are browserIds). */
  async tabId(tab) {
    return this.chrome((handle) => {
      const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
      const { NavigableManager } = ChromeUtils.importESModule('chrome://remote/content/shared/NavigableManager.sys.mjs');
      const nativeTab = gBrowser.tabs.find((t) => NavigableManager.getIdForBrowser(t.linkedBrowser) === handle);
      return nativeTab ? ExtensionParent.apiManager.global.tabTracker.getId(nativeTab) : null;
    }, tab.handle);
  }

  async openPopup(tab) {
    const id = await this.tabId(tab);
    const popupTab = await this.openExtensionPage((this.popupPath ??= popupPath(this.ext)) + `?tab=${id}`);
    return new Popup(popupTab, false);
  }

  /**
   * Starts recording every HTTP(S) request the browser makes, from the parent process (the
   * "http-on-modify-request" observer sees every channel: pages, content scripts, extension
   * pages and the background alike), with the principal that triggered it. Read with
   * networkLog(); each entry is {url, origin, system, addonId}.
   */
  async startNetworkLog() {
    await this.chrome(() => {
      if (window.__unveilNetwork) return true;
      const log = [];
      const observer = {
        observe(subject) {
          try {
            const channel = subject.QueryInterface(Ci.nsIHttpChannel);
            const principal = channel.loadInfo?.triggeringPrincipal;
            log.push({
              url: channel.URI.spec,
              origin: principal?.origin ?? null,
              system: Boolean(principal?.isSystemPrincipal),
              addonId: principal?.addonId || null,
            });
          } catch (error) {
            log.push({ url: null, error: String(error) });
          }
        },
      };
      Services.obs.addObserver(observer, 'http-on-modify-request');
      window.__unveilNetwork = { log, observer };
      return true;
    });
  }

  /** The requests recorded since startNetworkLog() (and clears the record with `clear`). */
  networkLog({ clear = false } = {}) {
    return this.chrome((clearIt) => {
      const record = window.__unveilNetwork;
      if (!record) throw new Error('startNetworkLog() was not called');
      const entries = record.log.slice();
      if (clearIt) record.log.length = 0;
      return entries;
    }, clear);
  }

  /** Unloads the extension's background page, as Firefox does with an idle event page. */
  async stopBackground() {
    await this.chrome(async (id) => {
      const policy = WebExtensionPolicy.getByID(id);
      if (!policy?.extension) throw new Error(`no extension ${id}`);
      await policy.extension.terminateBackground();
      return true;
    }, geckoId(this.ext));
  }

  /** Installs `dir` permanently over the installed add-on: with a higher version, an update. */
  async installAddon(dir) {
    await this.serialize(() => this.driver.installAddon(dir, false));
    this.helper = null; // the old extension pages are gone with the old version
  }

  async closeHandle(handle) {
    await this.serialize(async () => {
      if (handle === this.home) return;
      await this.switchTo(handle, 'content');
      await this.driver.close();
      await this.driver.switchTo().window(this.home);
      this.current = { handle: this.home, context: 'content' };
      await this.driver.setContext('content');
    });
  }

  async close() {
    await this.driver?.quit().catch(() => {});
  }
}

// ---- shared -----------------------------------------------------------------------------

class Popup {
  constructor(tab, real) {
    this.tab = tab;
    this.real = real;
  }
  evaluate(fn, arg) {
    return this.tab.evaluate(fn, arg);
  }
  waitFor(fn, arg, options) {
    return this.tab.waitFor(fn, arg, options);
  }
  /** The popup's visible text once it has stopped changing (it renders asynchronously). */
  async text({ settle = 400, timeout = 10_000 } = {}) {
    let previous = null;
    let stableSince = Date.now();
    return poll(async () => {
      const now = await this.evaluate(() => (document.readyState === 'complete' ? document.body?.innerText ?? '' : null));
      if (now !== previous) {
        previous = now;
        stableSince = Date.now();
        return null;
      }
      return now && Date.now() - stableSince >= settle ? now : null;
    }, { timeout, what: 'popup text to settle' });
  }
  close() {
    return this.tab.close();
  }
}

const DEFAULT_SETTINGS_KEYS = null;

/** Launches `name` ('chromium' | 'firefox') with the packaged extension installed. */
export async function launch(name, options = {}) {
  const browser = name === 'firefox' ? await Firefox.launch(options) : await Chromium.launch(options);
  Object.assign(browser, sharedMethods);
  return browser;
}

const sharedMethods = {
  /** Writes `settings` into storage.sync (as the options page does) and waits a moment for content scripts. */
  async setSettings(settings) {
    // Chromium allows storage.sync 120 writes a minute; the overlay suite writes three per
    // page, so a fast run (44 pages in under a minute) hits the quota. Wait for the window
    // to move on instead of failing the page.
    const deadline = Date.now() + 65_000;
    for (;;) {
      try {
        await this.extEvaluate(async (value) => {
          const api = globalThis.browser ?? globalThis.chrome;
          await api.storage.sync.set(value);
          return true;
        }, settings);
        return;
      } catch (error) {
        if (!/MAX_WRITE_OPERATIONS_PER_MINUTE/.test(String(error)) || Date.now() > deadline) throw error;
        await sleep(2000);
      }
    }
  },
  async getSettings() {
    return this.extEvaluate(async (keys) => {
      const api = globalThis.browser ?? globalThis.chrome;
      return api.storage.sync.get(keys);
    }, DEFAULT_SETTINGS_KEYS);
  },
  /** Back to the defaults: storage.sync emptied (the extension merges defaults over nothing). */
  async resetSettings() {
    await this.extEvaluate(async () => {
      const api = globalThis.browser ?? globalThis.chrome;
      await api.storage.sync.clear();
      return true;
    });
  },
};
