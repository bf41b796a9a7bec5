#!/usr/bin/env node
/*
 * In-browser benchmark: Unveil's real page layer + wasm core vs Mozilla Readability, on the
 * AEB pages, in headless Chromium. Invoked by `./build.sh bench`; by hand:
 *
 *   node tests/bench/run.mjs SHARED_DIR [--limit N] [--no-observer] [--dist DIR] [--js-flags=…]
 *
 * Each page is served from a tiny server on 127.0.0.1 and loaded with page scripts off
 * (`javaScriptEnabled: false`) and every sub-resource blocked, so the page cannot run or
 * fetch anything. Into it go Readability.js (timed first, on a clone of the document) and
 * then the files the manifest lists for the content script (dist/chrome), with a stand-in
 * for the extension APIs. With page scripts off the browser runs no timers or observer
 * callbacks, only microtasks; once the wasm is instantiated (synchronously, timed as part of
 * the document_start cost) Unveil's whole analysis — snapshot, core (extraction, quotes,
 * summary, overlays), applying hides and quote marks — runs in microtasks of ONE task, so
 * that task's length is also the analysis's longest task.
 *
 * The observer benchmark uses a page of ours with scripts ON that adds 1,000 nodes a second
 * for 10 s; the CPU cost is the CDP `ScriptDuration` metric with Unveil minus without.
 *
 * Benchmarks, not tests: nothing here fails on a number.
 */
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
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
const DIST = resolve(option('dist', join(ROOT, 'dist/chrome')));
const LIMIT = Number(option('limit', Infinity));
const OBSERVER = !args.includes('--no-observer');
// e.g. --js-flags=--no-liftoff to see how much of a cold analysis is V8's baseline wasm tier.
const JS_FLAGS = args.filter((a) => a.startsWith('--js-flags='));
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
  globalThis.__bench = { snapshotMs: 0, coreMs: 0 };
`;

/** Runs the setup scripts and instantiates the wasm: what happens at document_start. */
const DOCUMENT_START = `(async ([scripts, wasmBase64]) => {
  const t0 = performance.now();
  for (const script of scripts) (0, eval)(script);
  const t1 = performance.now();
  const bytes = Uint8Array.from(atob(wasmBase64), (c) => c.charCodeAt(0));
  const t2 = performance.now();
  const exports = wasm_bindgen.initSync({ module: bytes });
  const t3 = performance.now();
  __bench.memory = exports.memory;
  // Time the two big steps inside the analysis.
  const U = globalThis.Unveil;
  const snapshot = U.snapshot;
  U.snapshot = (...a) => { const s = performance.now(); try { return snapshot(...a); } finally { __bench.snapshotMs += performance.now() - s; } };
  const analyze = (__bench.analyze = wasm_bindgen.analyze);
  wasm_bindgen.analyze = (...a) => { const s = performance.now(); try { return analyze(...a); } finally { __bench.coreMs += performance.now() - s; } };
  return { scriptsMs: t1 - t0, wasmMs: t3 - t2 };
})`;

/** Starts the content script's entry point and waits (in microtasks) for its verdict. */
const ANALYSE = `(async (entry) => {
  const t0 = performance.now();
  (0, eval)(entry);
  const root = document.documentElement;
  let spins = 0;
  while ((root.dataset.unveilState ?? 'loading') === 'loading' && spins < 5e6) { await null; spins++; }
  const totalMs = performance.now() - t0;
  const { snapshotMs, coreMs } = __bench;
  const page = globalThis.Unveil.pageLayer?.page;
  // How much of the core's time is crossing the boundary: the same snapshot with one bad parent
  // at the end is deserialised, validated and refused without being analysed.
  let boundaryMs = NaN;
  let snapshotJsonKB = NaN;
  let warmCoreMs = NaN;
  if (root.dataset.unveilState === 'ready') {
    const { snapshot } = globalThis.Unveil.snapshot();
    snapshotJsonKB = JSON.stringify(snapshot).length / 1024;
    const refused = { ...snapshot, nodes: [...snapshot.nodes, { kind: 'element', parent: 4294967295, tag: 'x' }] };
    const s = performance.now();
    const report = __bench.analyze(refused);
    boundaryMs = report.status === 'invalid' ? performance.now() - s : NaN;
    // A second full analysis in the same instance: lazily built state (compiled regexes,
    // lexicons) is ready now, so cold − warm is the per-page start-up cost inside the core.
    const w = performance.now();
    __bench.analyze(snapshot);
    warmCoreMs = performance.now() - w;
  }
  return {
    totalMs, snapshotMs, coreMs, boundaryMs, warmCoreMs, snapshotJsonKB,
    state: root.dataset.unveilState, reason: page?.reason ?? null,
    nodes: page?.snapshotNodes ?? 0, hidden: document.querySelectorAll('[data-unveil-hidden]').length,
    quotes: page?.report?.quotes?.length ?? 0, words: page?.report?.article?.word_count ?? 0,
    memoryBytes: __bench.memory.buffer.byteLength,
  };
})`;

const READABILITY = `((source) => {
  (0, eval)(source);
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
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
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

async function measurePage(browser, url) {
  const { context, page } = await openPage(browser, url, { scripts: false });
  try {
    const reader = await call(page, READABILITY, readability);
    await page.evaluate(API_STAND_IN);
    const start = await call(page, DOCUMENT_START, [setupScripts, wasmBase64]);
    const unveil = await call(page, ANALYSE, entryScript);
    return { reader, start, unveil };
  } finally {
    await context.close();
  }
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
        await call(page, DOCUMENT_START, [setupScripts, wasmBase64]);
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
  const rows = [
    ['Unveil full analysis (snapshot → core → apply)', col((r) => r.unveil.totalMs)],
    ['  snapshot (DOM walk)', col((r) => r.unveil.snapshotMs)],
    ['  core: wasm analyze (extract, quotes, summary, overlays, serde)', col((r) => r.unveil.coreMs)],
    ['    of which the JS→Rust boundary (deserialise + validate a refused copy)', col((r) => r.unveil.boundaryMs).filter(Number.isFinite)],
    ['    a second analyze of the same page in the same instance (warm)', col((r) => r.unveil.warmCoreMs).filter(Number.isFinite)],
    ['  rest: content script start-up + hides + quote marks', col((r) => r.unveil.totalMs - r.unveil.snapshotMs - r.unveil.coreMs)],
    ['Unveil at document_start: scripts', col((r) => r.start.scriptsMs)],
    ['Unveil at document_start: wasm compile + instantiate (sync)', col((r) => r.start.wasmMs)],
    ['Readability `new Readability(doc.cloneNode(true)).parse()`', col((r) => r.reader.ms)],
  ];
  console.log(`\n### Unveil vs Readability on ${ok.length} AEB pages (headless Chromium, page scripts off)\n`);
  console.log('| step | median ms | p90 ms | max ms |');
  console.log('|---|---:|---:|---:|');
  for (const [name, values] of rows) {
    console.log(`| ${name} | ${ms(quantile(values, 0.5))} | ${ms(quantile(values, 0.9))} | ${ms(Math.max(...values))} |`);
  }
  const ratio = (q) => quantile(col((r) => r.unveil.totalMs), q) / quantile(col((r) => r.reader.ms), q);
  console.log(`\nUnveil / Readability: median ${ratio(0.5).toFixed(2)}×, p90 ${ratio(0.9).toFixed(2)}×`);
  const longest = ok.reduce((a, r) => (r.unveil.totalMs > a.unveil.totalMs ? r : a), ok[0]);
  if (longest) {
    console.log(`Longest task (the analysis runs in one task): ${ms(longest.unveil.totalMs)} ms on ${longest.file} (${longest.unveil.nodes} nodes)`);
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
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', ...JS_FLAGS] });
  const results = [];
  const failures = [];
  try {
    for (const [index, gz] of pageFiles.entries()) {
      const file = gz.replace(/\.gz$/, '');
      const bytes = gunzipSync(readFileSync(join(htmlDir, gz))).length;
      try {
        const measured = await measurePage(browser, `${origin}/${file}`);
        if (process.env.BENCH_DEBUG) console.error(JSON.stringify(measured));
        results.push({ file: file.slice(0, 12), bytes, ...measured });
        const u = measured.unveil;
        process.stderr.write(`[${index + 1}/${pageFiles.length}] ${file.slice(0, 12)} ${u.state} unveil ${ms(u.totalMs)} ms (snapshot ${ms(u.snapshotMs)}, core ${ms(u.coreMs)}), readability ${ms(measured.reader.ms)} ms\n`);
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
