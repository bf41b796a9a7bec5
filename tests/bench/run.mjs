#!/usr/bin/env node
/*
 * In-browser benchmark: Unveil's real page layer + wasm core vs Mozilla Readability, on the
 * AEB pages, in headless Chromium. Invoked by `./build.sh bench`; by hand:
 *
 *   node tests/bench/run.mjs SHARED_DIR [--limit N] [--no-observer] [--dist DIR] [--js-flags=…]
 *                            [--cpu-profile DIR] [--reports DIR] [--browser firefox]
 *
 * Each page is served from a tiny server on 127.0.0.1 and loaded with page scripts off
 * (`javaScriptEnabled: false`) and every sub-resource blocked, so the page cannot run or
 * fetch anything. Into it go Readability.js (timed first, on a clone of the document) and
 * then the files the manifest lists for the content script (dist/chrome), with a stand-in
 * for the extension APIs. With page scripts off the browser runs no timers, events or
 * observer callbacks — but `scheduler.yield()` continuations do run, and that is how the
 * content script splits its analysis into tasks. Steps, each in its own evaluate:
 *   document_start  the scripts, the wasm compiled + instantiated (synchronously here)
 *   warm-up         the content script's warm-up steps (Unveil.core.warmUpSteps)
 *   analysis        the content script's entry point until its verdict: snapshot, core
 *                   (extraction, quotes, summary, overlays), hides and quote marks
 * Wall-clock times are read in the page, with a breakdown of the core call (JS encode, the
 * wasm's own timings of its steps, JS decode) and every task between two yields (the
 * longest is Unveil's longest task). Around each step the CDP metrics `ThreadTime` (CPU of
 * the page's main thread) and `ProcessTime` (the renderer, including V8's background
 * compilers) give CPU times, which a loaded machine inflates much less than wall clock.
 *
 * The observer benchmark uses a page of ours with scripts ON that adds 1,000 nodes a second
 * for 10 s; the CPU cost is the CDP `ScriptDuration` metric with Unveil minus without.
 *
 * `--cpu-profile DIR` writes a CDP CPU profile of each page's cold analysis to
 * DIR/<page>.cpuprofile (open it in DevTools, or sum it with tests/bench/profile-summary.mjs).
 * For Rust function names, give it a --dist whose wasm kept its name section (wasm-opt -g).
 * `--reports DIR` writes each page's report (JSON) to DIR/<page>.json: two builds that
 * should decide the same can be compared page by page (`diff -r`).
 *
 * `--browser firefox` runs the same steps in headless Firefox ESR through geckodriver. Page
 * scripts are off there by a `Content-Security-Policy: default-src 'none'` header (which also
 * blocks every sub-resource): `javascript.enabled=false` would stop the timers and
 * `scheduler.yield()` the content script needs. WebDriver runs each script in a fresh sandbox
 * (like a content script: its own globals, the page's DOM), so all steps of a page run in one
 * script call, in the same order as above. Firefox exposes no per-step CPU time (its thread
 * times tick in 10 ms), so only wall-clock times are reported — on a quiet machine, please.
 *
 * Benchmarks, not tests: nothing here fails on a number.
 */
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFileSync, readdirSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const SHARED = resolve(args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) || '../shared');
const BROWSER = option('browser', 'chromium');
if (!['chromium', 'firefox'].includes(BROWSER)) {
  console.error(`--browser must be chromium or firefox, not ${BROWSER}`);
  process.exit(2);
}
// The firefox build is the same page layer and core; only its manifest differs.
const DEFAULT_DIST = join(ROOT, BROWSER === 'firefox' ? 'dist/firefox' : 'dist/chrome');
const DIST = resolve(option('dist', DEFAULT_DIST));
const LIMIT = Number(option('limit', Infinity));
const OBSERVER = !args.includes('--no-observer') && BROWSER === 'chromium';
// e.g. --js-flags=--no-liftoff to see how much of a cold analysis is V8's baseline wasm tier.
const JS_FLAGS = args.filter((a) => a.startsWith('--js-flags='));
const PROFILE_DIR = option('cpu-profile', null);
const REPORTS_DIR = option('reports', null);
const PAGE_TIMEOUT_MS = 60000;

// ---- what gets injected ---------------------------------------------------------------

const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8'));
const contentFiles = manifest.content_scripts[0].js;
// `let wasm_bindgen` at the top of the glue would be scoped to one evaluate call; make it global.
const source = (file) => {
  const text = readFileSync(join(DIST, file), 'utf8');
  return file.endsWith('pkg/unveil.js') ? text.replace(/^let wasm_bindgen\b/m, 'globalThis.wasm_bindgen') : text;
};
const setupScripts = contentFiles.filter((f) => !f.endsWith('content/content.js')).map(source);
const entryScript = source(contentFiles.find((f) => f.endsWith('content/content.js')));
const wasmBase64 = readFileSync(join(DIST, 'pkg/unveil_bg.wasm')).toString('base64');
const readability = readFileSync(join(ROOT, 'node_modules/@mozilla/readability/Readability.js'), 'utf8');

/** The extension APIs the content scripts use, answered locally (no background here). */
const API_STAND_IN = `
  globalThis.chrome = {
    runtime: {
      getURL: (path) => 'chrome-extension://unveil-bench/' + path,
      sendMessage: async () => ({ ok: true, data: null }),
      onMessage: { addListener() {} },
    },
    storage: { sync: { get: async () => ({}), set: async () => {} }, onChanged: { addListener() {} } },
    i18n: { getMessage: () => '' },
  };
  globalThis.__bench = { snapshotMs: 0, wantReport: false };
`;

/**
 * Runs the setup scripts and instantiates the wasm: what happens at document_start. Wraps
 * `scheduler.yield` (how the content script splits its work into tasks) to time every slice
 * of Unveil's work between two yields: the longest slice is Unveil's longest task.
 */
const DOCUMENT_START = `(async (scripts) => {
  const t0 = performance.now();
  for (const script of scripts) (0, eval)(script);
  const t1 = performance.now();
  const bytes = __bench.wasmBytes;
  const t2 = performance.now();
  const exports = wasm_bindgen.initSync({ module: bytes });
  const t3 = performance.now();
  __bench.memory = exports.memory;
  const U = globalThis.Unveil;
  const snapshot = U.snapshot;
  U.snapshot = (...a) => { const s = performance.now(); try { return snapshot(...a); } finally { __bench.snapshotMs += performance.now() - s; } };
  const realYield = scheduler.yield.bind(scheduler);
  __bench.yield = realYield;
  __bench.slices = [];
  __bench.sliceStart = null;
  scheduler.yield = () => {
    if (__bench.sliceStart !== null) __bench.slices.push(performance.now() - __bench.sliceStart);
    return realYield().then(() => { __bench.sliceStart = performance.now(); });
  };
  return { scriptsMs: t1 - t0, wasmMs: t3 - t2 };
})`;

/**
 * The content script's warm-up, as it runs once the wasm is instantiated (timers cannot run
 * here: the steps are called directly, each in a task of its own).
 */
const WARM_UP = `(async () => {
  const warmUpMs = [];
  for (const step of globalThis.Unveil.core.warmUpSteps()) {
    await __bench.yield();
    const s = performance.now();
    step();
    warmUpMs.push(performance.now() - s);
  }
  return { warmUpMs };
})`;

const WASM_BYTES = (base64) => {
  globalThis.__bench.wasmBytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
};

/** Starts the content script's entry point and waits (yielding to its tasks) for its verdict. */
const ANALYSE = `(async (entry) => {
  // Blocked stylesheets never fire load or error here, and the content script's fallback
  // timer cannot run with page scripts off: take them out of its wait, as a browser would
  // once they failed.
  for (const link of document.querySelectorAll('link[rel~="stylesheet"]')) if (!link.sheet) link.disabled = true;
  const t0 = performance.now();
  __bench.sliceStart = t0;
  (0, eval)(entry);
  const root = document.documentElement;
  let spins = 0;
  while ((root.dataset.unveilState ?? 'loading') === 'loading' && performance.now() - t0 < 5000) { await __bench.yield(); spins++; }
  const totalMs = performance.now() - t0;
  // The slice that was running when the verdict came (the last one) ends here.
  if (__bench.sliceStart !== null) __bench.slices.push(performance.now() - __bench.sliceStart);
  __bench.sliceStart = null;
  const snapshotMs = __bench.snapshotMs; // before the warm run's own snapshot below
  const cold = globalThis.Unveil.core.timing;
  const page = globalThis.Unveil.pageLayer?.page;
  const timing = page?.timing ?? {};
  return {
    totalMs, snapshotMs, cold, applyMs: timing.applyMs ?? NaN,
    slices: __bench.slices, longestMs: Math.max(...__bench.slices),
    state: root.dataset.unveilState, reason: page?.reason ?? null,
    nodes: page?.snapshotNodes ?? 0, hidden: document.querySelectorAll('[data-unveil-hidden]').length,
    quotes: page?.report?.quotes?.length ?? 0, words: page?.report?.article?.word_count ?? 0,
    memoryBytes: __bench.memory.buffer.byteLength,
    // The report only when asked (--reports): handing a large object back to the bench costs
    // the page ~1 ms of serialising, which would count as Unveil's.
    report: __bench.wantReport ? page?.report ?? null : null,
  };
})`;

/**
 * A second full analysis in the same instance: the wasm functions are compiled and lazily
 * built state (lexicons) is ready now, so cold − warm is the per-page start-up cost.
 */
const WARM = `(() => {
  if (document.documentElement.dataset.unveilState !== 'ready') return { warm: null, snapshotKB: NaN };
  const { snapshot } = globalThis.Unveil.snapshot();
  const w = performance.now();
  globalThis.Unveil.core.analyze(snapshot);
  const warm = { ...globalThis.Unveil.core.timing, totalMs: performance.now() - w };
  // And once more in stages, timing each (article, overlays, summary, quotes).
  // The wire format ({strings, numbers}); a --dist from before it sent JSON text.
  const wire = typeof snapshot.strings === 'string';
  const json = wire ? '' : globalThis.Unveil.messages.toJson(snapshot);
  const analysis = wire ? globalThis.Unveil.core.analysis(snapshot) : new wasm_bindgen.Analysis(json);
  const stagesMs = [];
  for (let more = true; more;) {
    const s = performance.now();
    more = analysis.step();
    stagesMs.push(performance.now() - s);
  }
  analysis.finish();
  // What crosses into wasm: the strings as UTF-8 (about their length here) and 8 bytes a number.
  const size = wire ? snapshot.strings.length + 8 * snapshot.numbers.length : json.length;
  return { warm: { ...warm, stagesMs }, snapshotKB: size / 1024 };
})`;

const READABILITY = `(() => {
  const t0 = performance.now();
  const article = new Readability(document.cloneNode(true)).parse();
  return { ms: performance.now() - t0, chars: article?.textContent?.length ?? 0 };
})`;

// ---- the pages and the server -----------------------------------------------------------

const htmlDir = join(SHARED, 'data/extraction/aeb/html');
if (!existsSync(htmlDir)) {
  console.error(`no AEB pages in ${htmlDir} (pass the shared data directory)`);
  process.exit(2);
}
const pageFiles = readdirSync(htmlDir).filter((f) => f.endsWith('.html.gz')).sort().slice(0, LIMIT);
const pages = new Map(); // path → html buffer, filled lazily
const OBSERVER_PAGE = `<!doctype html><html lang="en"><head><title>Busy page</title></head><body>
<main><article><h1>A page that never stops growing</h1><p>Live updates below.</p><div id="feed"></div></article></main>
<script>
  // 1,000 new nodes a second (100 every 100 ms) for 10 s: feed items, a few sticky-looking ones.
  window.startGrowth = () => new Promise((done) => {
    let ticks = 0;
    const feed = document.getElementById('feed');
    const timer = setInterval(() => {
      for (let i = 0; i < 50; i++) {
        const item = document.createElement('p');
        item.className = i % 25 === 0 ? 'promo banner' : 'update';
        item.textContent = 'Update ' + ticks + '.' + i + ': the ferry left on time and the weather held.';
        feed.append(item);
      }
      if (++ticks === 100) { clearInterval(timer); done(ticks); }
    }, 100);
  });
</script></body></html>`;

function startServer() {
  const server = createServer((request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    if (path === '/observer.html') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return response.end(OBSERVER_PAGE);
    }
    const file = path.slice(1);
    if (!pageFiles.includes(`${file}.gz`)) {
      response.writeHead(404);
      return response.end();
    }
    const html = pages.get(file) ?? gunzipSync(readFileSync(join(htmlDir, `${file}.gz`)));
    // Firefox: page scripts and every sub-resource off by policy (inline styles stay, as in
    // Chromium where only requests are blocked).
    const policy = BROWSER === 'firefox' ? { 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'" } : {};
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...policy });
    response.end(html);
  });
  return new Promise((ready) => server.listen(0, '127.0.0.1', () => ready(server)));
}

// ---- measuring ------------------------------------------------------------------------

/** Calls one of the function sources above in the page with `arg`. */
const call = (page, fnSource, arg) => page.evaluate(([fn, value]) => (0, eval)(fn)(value), [fnSource, arg]);

async function openPage(browser, url, { scripts }) {
  const context = await browser.newContext({ javaScriptEnabled: scripts, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  // Only the page itself: no images, styles, frames or scripts from it or from anywhere.
  await page.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
  await page.goto(url, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
  return { context, page };
}

/**
 * Main-thread CPU time (CDP `ThreadTime`) and renderer CPU time (`ProcessTime`: also V8's
 * background compile threads) spent while `run` evaluates: on a shared machine wall-clock
 * times grow with the load, CPU times much less.
 */
async function cpuOf(cdp, run) {
  const read = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (name) => metrics.find((m) => m.name === name)?.value ?? NaN;
    return { thread: get('ThreadTime'), process: get('ProcessTime') };
  };
  const before = await read();
  const result = await run();
  const after = await read();
  return { ...result, cpuMs: (after.thread - before.thread) * 1000, processMs: (after.process - before.process) * 1000 };
}

/** Runs `run` under the CDP sampling profiler and writes the profile to PROFILE_DIR/name. */
async function profiled(cdp, name, run) {
  if (!PROFILE_DIR) return run();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  try {
    return await run();
  } finally {
    const { profile } = await cdp.send('Profiler.stop');
    mkdirSync(PROFILE_DIR, { recursive: true });
    writeFileSync(join(PROFILE_DIR, `${name}.cpuprofile`), JSON.stringify(profile));
  }
}

/** Writes the page's report to REPORTS_DIR (if asked) and takes it out of the results. */
function saveReport(url, unveil) {
  if (REPORTS_DIR) {
    mkdirSync(REPORTS_DIR, { recursive: true });
    // The server's port changes from run to run; the reports should not.
    const json = JSON.stringify(unveil.report, null, 1).replaceAll(new URL(url).origin, 'http://bench');
    writeFileSync(join(REPORTS_DIR, `${url.split('/').pop().slice(0, 12)}.json`), `${json}\n`);
  }
  delete unveil.report;
}

async function measurePage(browser, url) {
  const { context, page } = await openPage(browser, url, { scripts: false });
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.evaluate((source) => { (0, eval)(source); }, readability);
    const reader = await cpuOf(cdp, () => call(page, READABILITY));
    await page.evaluate(API_STAND_IN);
    await page.evaluate(WASM_BYTES, wasmBase64); // the extension fetches them: not timed
    const start = await cpuOf(cdp, () => call(page, DOCUMENT_START, setupScripts));
    const warmUp = await cpuOf(cdp, () => call(page, WARM_UP));
    const name = url.split('/').pop().slice(0, 12);
    const unveil = await profiled(cdp, name, () => cpuOf(cdp, () => call(page, ANALYSE, entryScript)));
    if (REPORTS_DIR) unveil.report = await page.evaluate('globalThis.Unveil.pageLayer?.page?.report ?? null');
    const { warm, snapshotKB } = await call(page, WARM);
    saveReport(url, unveil);
    return { reader, start, warmUp, unveil: { ...unveil, warm, snapshotKB } };
  } finally {
    await context.close();
  }
}

// ---- Firefox ------------------------------------------------------------------------------

/**
 * Every step of one page in one script call (WebDriver gives each call a fresh sandbox), in
 * the order measurePage runs them in Chromium. Returns what measurePage returns, less CPU.
 */
const FIREFOX_PAGE = `(async ([readability, apiStandIn, wasmBase64, setup, entry, steps, wantReport]) => {
  (0, eval)(readability);
  const [readerStep, wasmBytes, documentStart, warmUpStep, analyse, warmStep] = steps.map((step) => (0, eval)(step));
  const reader = readerStep();
  (0, eval)(apiStandIn);
  __bench.wantReport = wantReport;
  wasmBytes(wasmBase64);
  const start = await documentStart(setup);
  const warmUp = await warmUpStep();
  const unveil = await analyse(entry);
  const { warm, snapshotKB } = warmStep();
  return { reader, start, warmUp, unveil: { ...unveil, warm, snapshotKB } };
})`;

async function launchFirefox() {
  const { Builder } = await import('selenium-webdriver');
  const firefox = await import('selenium-webdriver/firefox.js');
  const options = new firefox.Options()
    .setBinary(process.env.FIREFOX_BIN ?? '/usr/bin/firefox-esr')
    .addArguments('-headless')
    .windowSize({ width: 1280, height: 900 })
    .setPreference('privacy.reduceTimerPrecision', false) // performance.now() to the microsecond
    .setPreference('browser.shell.checkDefaultBrowser', false)
    .setPreference('datareporting.policy.dataSubmissionEnabled', false);
  const geckodriver = [process.env.GECKODRIVER, join(process.env.HOME ?? '/root', '.cargo/bin/geckodriver')].find((p) => p && existsSync(p)) ?? 'geckodriver';
  const service = new firefox.ServiceBuilder(geckodriver);
  const driver = await new Builder().forBrowser('firefox').setFirefoxOptions(options).setFirefoxService(service).build();
  await driver.manage().setTimeouts({ script: PAGE_TIMEOUT_MS, pageLoad: PAGE_TIMEOUT_MS });
  return { driver, close: () => driver.quit() };
}

async function measurePageFirefox({ driver }, url) {
  await driver.get(url);
  const steps = [READABILITY, String(WASM_BYTES), DOCUMENT_START, WARM_UP, ANALYSE, WARM];
  const result = await driver.executeAsyncScript(
    `const done = arguments[arguments.length - 1];
     (0, eval)(arguments[0])(arguments[1]).then((value) => done({ ok: true, value }), (error) => done({ ok: false, error: String(error?.stack ?? error) }));`,
    FIREFOX_PAGE,
    [readability, API_STAND_IN, wasmBase64, setupScripts, entryScript, steps, Boolean(REPORTS_DIR)],
  );
  if (!result?.ok) throw new Error(result?.error ?? 'no result');
  const { reader, start, warmUp, unveil } = result.value;
  saveReport(url, unveil);
  const noCpu = { cpuMs: NaN, processMs: NaN };
  return { reader: { ...reader, ...noCpu }, start: { ...start, ...noCpu }, warmUp: { ...warmUp, ...noCpu }, unveil: { ...unveil, ...noCpu } };
}

/** CPU spent in script over a 10 s growth burst, with and without Unveil. */
async function measureObserver(browser, origin) {
  const url = `${origin}/observer.html`;
  const run = async (withUnveil) => {
    const { context, page } = await openPage(browser, url, { scripts: true });
    try {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      if (withUnveil) {
        await page.evaluate(API_STAND_IN);
        await page.evaluate(WASM_BYTES, wasmBase64);
        await call(page, DOCUMENT_START, setupScripts);
        await call(page, WARM_UP);
        await call(page, ANALYSE, entryScript);
      }
      const metric = async (name) => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name)?.value ?? 0;
      const before = await metric('ScriptDuration');
      const wall = Date.now();
      await page.evaluate('startGrowth()');
      await page.waitForTimeout(500); // the observer's last frame of work
      const seconds = (Date.now() - wall) / 1000;
      const scriptMs = ((await metric('ScriptDuration')) - before) * 1000;
      const state = await page.evaluate('document.documentElement.dataset.unveilState ?? null');
      const added = await page.evaluate('document.querySelectorAll("#feed > *").length');
      return { scriptMs, seconds, state, added };
    } finally {
      await context.close();
    }
  };
  const without = await run(false);
  const withUnveil = await run(true);
  return { without, withUnveil, perSecondMs: (withUnveil.scriptMs - without.scriptMs) / withUnveil.seconds };
}

// ---- report -----------------------------------------------------------------------------

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const ms = (v) => (Number.isFinite(v) ? v.toFixed(1) : '–');

function printReport(results, failures, observer) {
  const ok = results.filter((r) => r.unveil.state !== 'error' && r.unveil.state !== 'disabled');
  const col = (f) => ok.map(f);
  const coreMs = (t) => (t ? t.encodeMs + t.callMs + t.decodeMs : NaN);
  const crossing = (t) => (t ? t.callMs - t.parseMs - t.analyzeMs - t.serializeMs : NaN);
  const rows = [
    ['Unveil full analysis (snapshot → core → apply), wall clock', col((r) => r.unveil.totalMs)],
    ['  snapshot (DOM walk)', col((r) => r.unveil.snapshotMs)],
    ['  core, first call on the page (encode + wasm + decode)', col((r) => coreMs(r.unveil.cold))],
    ['    encode the snapshot (JS; 0: written by the walk as it goes)', col((r) => r.unveil.cold?.encodeMs)],
    ['    wasm: reads the snapshot (wire format) + Analysis::new', col((r) => r.unveil.cold?.parseMs)],
    ['    wasm: analyze (extract, quotes, summary, overlays)', col((r) => r.unveil.cold?.analyzeMs)],
    ['    wasm: serde_json writes the report', col((r) => r.unveil.cold?.serializeMs)],
    ['    strings in/out of wasm memory, glue', col((r) => crossing(r.unveil.cold))],
    ['    JSON.parse of the report (JS)', col((r) => r.unveil.cold?.decodeMs)],
    ['  core, the same page again (warm: compiled, lexicons built)', col((r) => coreMs(r.unveil.warm)).filter(Number.isFinite)],
    ['    of which wasm analyze', col((r) => r.unveil.warm?.analyzeMs).filter(Number.isFinite)],
    ...['article', 'overlays', 'summary', 'quotes'].map((stage, i) => [`      stage: ${stage}`, col((r) => r.unveil.warm?.stagesMs?.[i]).filter(Number.isFinite)]),
    ['    snapshot sent to the core (KB)', col((r) => r.unveil.snapshotKB).filter(Number.isFinite)],
    ['  applying hides and quote marks', col((r) => r.unveil.applyMs).filter(Number.isFinite)],
    ['  rest: start-up, yields, waiting', col((r) => r.unveil.totalMs - r.unveil.snapshotMs - coreMs(r.unveil.cold) - (r.unveil.applyMs || 0))],
    ['  longest task of the analysis', col((r) => r.unveil.longestMs)],
    ['Unveil at document_start: scripts', col((r) => r.start.scriptsMs)],
    ['Unveil at document_start: wasm compile + instantiate (sync)', col((r) => r.start.wasmMs)],
    ['Unveil at document_start: warm-up, all steps', col((r) => r.warmUp.warmUpMs.reduce((a, b) => a + b, 0))],
    ['Unveil at document_start: warm-up, longest step (task)', col((r) => Math.max(...r.warmUp.warmUpMs))],
    ['Unveil analysis + warm-up + compile (everything but the scripts)', col((r) => r.unveil.totalMs + r.start.wasmMs + r.warmUp.warmUpMs.reduce((a, b) => a + b, 0))],
    ['Readability `new Readability(doc.cloneNode(true)).parse()`', col((r) => r.reader.ms)],
    ['CPU (main thread): Unveil analysis', col((r) => r.unveil.cpuMs)],
    ['CPU (main thread): Unveil at document_start: scripts, compile + instantiate', col((r) => r.start.cpuMs)],
    ['CPU (main thread): Unveil at document_start: warm-up', col((r) => r.warmUp.cpuMs)],
    ['CPU (main thread): Unveil analysis + warm-up', col((r) => r.unveil.cpuMs + r.warmUp.cpuMs)],
    ['CPU (main thread): Unveil, all of it (document_start + analysis)', col((r) => r.unveil.cpuMs + r.start.cpuMs + r.warmUp.cpuMs)],
    ['CPU (renderer, all threads): Unveil, all of it', col((r) => r.unveil.processMs + r.start.processMs + r.warmUp.processMs)],
    ['CPU (main thread): Readability parse', col((r) => r.reader.cpuMs)],
    ['CPU (renderer, all threads): Readability parse', col((r) => r.reader.processMs)],
  ];
  const browserName = BROWSER === 'firefox' ? 'Firefox ESR' : 'Chromium';
  console.log(`\n### Unveil vs Readability on ${ok.length} AEB pages (headless ${browserName}, page scripts off)\n`);
  console.log('| step | median ms | p90 ms | max ms |');
  console.log('|---|---:|---:|---:|');
  for (const [name, values] of rows) {
    if (!values.some(Number.isFinite)) continue; // CPU rows in Firefox
    console.log(`| ${name} | ${ms(quantile(values, 0.5))} | ${ms(quantile(values, 0.9))} | ${ms(Math.max(...values))} |`);
  }
  const ratio = (q) => quantile(col((r) => r.unveil.totalMs), q) / quantile(col((r) => r.reader.ms), q);
  console.log(`\nUnveil / Readability, wall clock: median ${ratio(0.5).toFixed(2)}×, p90 ${ratio(0.9).toFixed(2)}×`);
  const cpuRatio = (f, q) => quantile(col(f), q) / quantile(col((r) => r.reader.cpuMs), q);
  const analysisCpu = (r) => r.unveil.cpuMs;
  const warmedCpu = (r) => r.unveil.cpuMs + r.warmUp.cpuMs;
  const wholeCpu = (r) => r.unveil.cpuMs + r.start.cpuMs + r.warmUp.cpuMs;
  const both = (f) => `median ${cpuRatio(f, 0.5).toFixed(2)}×, p90 ${cpuRatio(f, 0.9).toFixed(2)}×`;
  if (ok.some((r) => Number.isFinite(r.unveil.cpuMs))) {
    console.log(`Unveil / Readability, main-thread CPU: analysis ${both(analysisCpu)}; analysis + warm-up ${both(warmedCpu)}; all of it ${both(wholeCpu)}`);
  }
  const longest = ok.reduce((a, r) => (r.unveil.longestMs > a.unveil.longestMs ? r : a), ok[0]);
  if (longest) {
    const over = ok.filter((r) => r.unveil.longestMs > 50).length;
    console.log(`Longest task: ${ms(longest.unveil.longestMs)} ms on ${longest.file} (${longest.unveil.nodes} nodes); pages with a task over 50 ms: ${over} of ${ok.length}`);
  }
  const largest = ok.reduce((a, r) => (r.bytes > a.bytes ? r : a), ok[0]);
  if (largest) {
    const mb = (b) => (b / 1048576).toFixed(1);
    console.log(`wasm memory after the largest page (${largest.file}, ${(largest.bytes / 1024).toFixed(0)} KB HTML, ${largest.unveil.nodes} nodes): ${mb(largest.unveil.memoryBytes)} MB; max over all pages ${mb(Math.max(...col((r) => r.unveil.memoryBytes)))} MB`);
  }
  const states = {};
  for (const r of results) states[r.unveil.state] = (states[r.unveil.state] || 0) + 1;
  console.log(`States: ${JSON.stringify(states)}; pages with an article: ${ok.filter((r) => r.unveil.words > 0).length}; failures: ${failures.length}`);
  for (const f of failures) console.log(`  failed ${f.file}: ${f.error}`);
  if (observer) {
    console.log('\n### Observer cost: a page adding 1,000 nodes/s for 10 s (CDP ScriptDuration)\n');
    console.log('| run | script ms | wall s | nodes added | Unveil state |');
    console.log('|---|---:|---:|---:|---|');
    for (const [name, r] of [['without Unveil', observer.without], ['with Unveil', observer.withUnveil]]) {
      console.log(`| ${name} | ${ms(r.scriptMs)} | ${r.seconds.toFixed(1)} | ${r.added} | ${r.state ?? '–'} |`);
    }
    console.log(`\nCPU attributable to Unveil: ${ms(observer.perSecondMs)} ms per second (${(observer.perSecondMs / 10).toFixed(2)} % of one core)`);
  }
}

async function main() {
  const server = await startServer();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = BROWSER === 'firefox'
    ? await launchFirefox()
    : await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', ...JS_FLAGS] });
  const measure = BROWSER === 'firefox' ? measurePageFirefox : measurePage;
  const results = [];
  const failures = [];
  try {
    for (const [index, gz] of pageFiles.entries()) {
      const file = gz.replace(/\.gz$/, '');
      const bytes = gunzipSync(readFileSync(join(htmlDir, gz))).length;
      try {
        const measured = await measure(browser, `${origin}/${file}`);
        if (process.env.BENCH_DEBUG) console.error(JSON.stringify(measured));
        results.push({ file: file.slice(0, 12), bytes, ...measured });
        const u = measured.unveil;
        process.stderr.write(`[${index + 1}/${pageFiles.length}] ${file.slice(0, 12)} ${u.state} unveil ${ms(u.totalMs)} ms (snapshot ${ms(u.snapshotMs)}, wasm analyze ${ms(u.cold?.analyzeMs)}, longest task ${ms(u.longestMs)}), readability ${ms(measured.reader.ms)} ms\n`);
      } catch (error) {
        failures.push({ file: file.slice(0, 12), error: String(error.message ?? error).split('\n')[0] });
      }
    }
    const observer = OBSERVER ? await measureObserver(browser, origin) : null;
    printReport(results, failures, observer);
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
