#!/usr/bin/env node
/*
 * In-browser benchmark of the REAL packaged extension (dist/chrome, dist/firefox: the
 * content scripts at document_start, the background, the messages between them) against
 * Mozilla Readability on the AEB pages. Invoked by `./build.sh bench`; by hand:
 *
 *   node tests/bench/run.mjs SHARED_DIR [--limit N] [--only PAGE,…] [--dist DIR] [--browser firefox]
 *                            [--reports DIR] [--traces DIR] [--no-observer] [--no-control] [--js-flags=…]
 *
 * Each page is served from 127.0.0.1 with `Content-Security-Policy: default-src 'none';
 * style-src 'unsafe-inline'; script-src 'wasm-unsafe-eval'`: page scripts and every
 * sub-resource are off in both browsers; the policy does not bind the extension's content
 * scripts nor their fetches, and it allows wasm (Chromium applies a page's policy to a content
 * script's wasm compile; without it a build with the wasm in the page would fall back to the
 * background). The extension is loaded as a user would have it. Unveil runs its core in the
 * background; builds from before that (wasm in the content script, a data-unveil-engine
 * attribute on the page) can still be measured with --dist, for a comparison: the engine is
 * shown per page and in the table's title.
 *
 * Chromium (playwright-core, the extension loaded unpacked, one tab reused for all pages):
 * a browser-wide CDP trace (devtools.timeline, v8.execute, toplevel, v8.wasm) runs from before the
 * navigation until Unveil's verdict (data-unveil-state leaves "loading", polled through the
 * CDP DOM domain, which runs no JS in the page). With page scripts off the JS events on the
 * page's main thread are Unveil's but for Chromium's own microtasks (the control, below); the
 * trace gives each event's thread CPU time (`tdur`):
 *   document_start  Unveil's JS before DOMContentLoaded: its scripts' evaluation, the overlay
 *                   observer's callbacks while the parser inserts the page, its other tasks
 *                   (settings; the wasm instantiated + warm-up when it is in the page)
 *   analysis        Unveil's JS from DOMContentLoaded until the verdict is seen (walk incl. the
 *                   style + layout it forces, core or its round trip to the background, hides
 *                   and quote marks). The trace stops as soon as the poll sees the verdict, so
 *                   the analysis may include a few ms after it; the observer's later work is
 *                   the observer benchmark's.
 *   background      the service worker's JS ("ServiceWorker thread") over the same span
 *   wasm compile    V8's wasm compile on worker threads of the page's renderer (when the wasm
 *                   is in the page) or of the background's process (its first page): shown
 *                   apart, not in the ratios (off the main threads)
 *   longest task    the longest top-level task of the page's main thread that runs Unveil's JS
 *                   (wall and CPU; and the most of Unveil's own JS in one task)
 *   summary         then, in a trace of its own, the summary as the popup's first look at the
 *                   page asks for it (SUMMARIZE from the extension page, for the analysis the
 *                   page's state names: the background's core summarises the article it kept;
 *                   builds before 2026-11-30 asked the page, GET_SUMMARY, which sent the article
 *                   to the background): its CPU on
 *                   the page's main thread and on the service worker, and its wall clock. It is
 *                   made on demand, not at load; the last ratio counts it as if every page's
 *                   popup were opened (the "whole analysis"). Firefox: its wall clock.
 * Not all of it is Unveil's: with page scripts off Chromium still runs microtasks of its own on
 * the main thread (RunMicrotasks events that hold no JS, ~1 ms before DOMContentLoaded on the
 * median page), which a trace without JS samples cannot tell from a content script's. So a
 * control runs on the same pages afterwards (`--no-control` skips it): a browser with an
 * extension whose content script only waits as Unveil's does (DOMContentLoaded, a frame) and
 * does nothing. What it is charged is shown, and taken off Unveil's per page for the lines
 * and ratios marked "Unveil's own" (its script's own evaluation is not taken off: Unveil's
 * scripts are Unveil's cost).
 * The first page of a run pays a fresh browser and background: it is shown on its own line.
 * Wall clock: GET_STATE's `timing` (snapshotMs + analyzeMs + applyMs), asked from an extension
 * page (the options page in a tab) as the popup asks it. Readability is injected through CDP
 * once the trace has stopped and `new Readability(document.cloneNode(true)).parse()` timed in
 * the page (wall) and by the CDP `ThreadTime` metric around it (main-thread CPU).
 * The wasm memory is read once, after the largest page, wherever the wasm lives (the content
 * script's world or the service worker: CDP Runtime.queryObjects of WebAssembly.Memory).
 * The observer benchmark: a page of ours with scripts ON that adds 1,000 nodes a second for
 * 10 s, traced; Unveil's CPU is the JS the trace attributes to the extension's scripts on the
 * page's main thread, plus the service worker's.
 *
 * Firefox (`--browser firefox`: selenium-webdriver + geckodriver, the add-on installed as in
 * the E2E tests, tests/e2e/lib/browsers.mjs): wall clock only — GET_STATE's timing from an
 * extension page, Readability timed in the page through WebDriver. Firefox exposes no per-event
 * CPU time (its thread times tick in 10 ms). On a quiet machine, please.
 *
 * `--reports DIR` writes each page's GET_STATE answer, less its timing and engine, to
 * DIR/<page>.json: two builds that should decide the same can be compared page by page
 * (`diff -r`). `--traces DIR` (Chromium) keeps each page's trace as DIR/page/<page>.json and its
 * summary's as DIR/summary/<page>.json (open them
 * in DevTools' Performance panel or ui.perfetto.dev, with JS call stacks: V8's sampler runs
 * then, so that run's CPU times are a little higher).
 * `--cpu-profile` (and profile-summary.mjs) went with the injected scripts: a CPU profile of
 * the real content script would need the profiler started before each navigation in a renderer
 * the tab may change; the traces (`--traces`) show where the time goes instead.
 *
 * Benchmarks, not tests: nothing here fails on a number.
 */
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFileSync, readdirSync, existsSync, mkdirSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, dirname, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { launch as launchE2E, poll } from '../e2e/lib/browsers.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const VALUED = ['--limit', '--only', '--dist', '--browser', '--reports', '--traces'];
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const SHARED = resolve(args.find((a, i) => !a.startsWith('--') && !VALUED.includes(args[i - 1])) || '../shared');
const BROWSER = option('browser', 'chromium');
if (!['chromium', 'firefox'].includes(BROWSER)) {
  console.error(`--browser must be chromium or firefox, not ${BROWSER}`);
  process.exit(2);
}
const DIST = resolve(option('dist', join(ROOT, BROWSER === 'firefox' ? 'dist/firefox' : 'dist/chrome')));
const LIMIT = Number(option('limit', Infinity));
const OBSERVER = !args.includes('--no-observer') && BROWSER === 'chromium';
const CONTROL = !args.includes('--no-control') && BROWSER === 'chromium';
const JS_FLAGS = args.filter((a) => a.startsWith('--js-flags='));
const REPORTS_DIR = option('reports', null);
const TRACES_DIR = option('traces', null);
const VERDICT_TIMEOUT_MS = 30000;
// No source for scripts (page scripts off) but wasm allowed: Chromium applies a page's CSP to
// a content script's WebAssembly compile, and most pages do not forbid it.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'wasm-unsafe-eval'";
// The message the popup sends (extension/shared/messages.js), read from there so the two cannot drift.
const MESSAGES = readFileSync(join(DIST, 'shared/messages.js'), 'utf8');
const GET_STATE = MESSAGES.match(/GET_STATE: '([^']+)'/)?.[1];
// How the popup asks for the summary: the background (SUMMARIZE); builds before 2026-11-30 the
// page (GET_SUMMARY); builds before the summary on demand made it in the analysis: nothing to time.
const SUMMARIZE = MESSAGES.match(/SUMMARIZE: '(popup>bg:[^']+)'/)?.[1] ?? null;
const GET_SUMMARY = SUMMARIZE ? null : MESSAGES.match(/GET_SUMMARY: '([^']+)'/)?.[1] ?? null;
const SUMMARY_ASKED = Boolean(SUMMARIZE || GET_SUMMARY);
const readability = readFileSync(join(ROOT, 'node_modules/@mozilla/readability/Readability.js'), 'utf8');
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

// ---- the pages and the server -----------------------------------------------------------

const htmlDir = join(SHARED, 'data/extraction/aeb/html');
if (!existsSync(htmlDir)) {
  console.error(`no AEB pages in ${htmlDir} (pass the shared data directory)`);
  process.exit(2);
}
// --only PREFIX[,PREFIX…]: just those pages (by the start of their file name).
const ONLY = option('only', null)?.split(',');
const pageFiles = readdirSync(htmlDir).filter((f) => f.endsWith('.html.gz') && (!ONLY || ONLY.some((p) => f.startsWith(p)))).sort().slice(0, LIMIT);
const OBSERVER_PAGE = `<!doctype html><html lang="en"><head><title>Busy page</title></head><body>
<main><article><h1>A page that never stops growing</h1><p>Live updates below.</p><div id="feed"></div></article></main>
<script>
  // 1,000 new nodes a second (50 items of an element + a text node every 100 ms) for 10 s.
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
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP });
    response.end(gunzipSync(readFileSync(join(htmlDir, `${file}.gz`))));
  });
  return new Promise((ready) => server.listen(0, '127.0.0.1', () => ready(server)));
}

/**
 * Writes a page's GET_STATE answer to REPORTS_DIR, less its timing and the id of its analysis
 * (different on every run) and its engine (where the core ran: comparing the two engines is
 * what this is for).
 */
function saveReport(url, state) {
  if (!REPORTS_DIR || !state) return;
  mkdirSync(REPORTS_DIR, { recursive: true });
  const { timing, engine, reportId, ...rest } = state;
  // The server's port changes from run to run; the reports should not.
  const json = JSON.stringify(rest, null, 1).replaceAll(new URL(url).origin, 'http://bench');
  writeFileSync(join(REPORTS_DIR, `${url.split('/').pop().slice(0, 12)}.json`), `${json}\n`);
}

/** The page's verdict time (wall) from GET_STATE's timing: walk + core (or round trip) + apply. */
const verdictMs = (timing) => (timing ? timing.snapshotMs + timing.analyzeMs + (timing.applyMs ?? 0) : NaN);

// ---- the trace (Chromium) ---------------------------------------------------------------

// v8.wasm: the wasm compile on the renderer's worker threads (off the main thread, still CPU).
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'toplevel', 'v8.wasm', '__metadata'];
// Trace events that run JS (EventDispatch is left out: most have no listener; the JS of
// those that have one is a FunctionCall inside them).
const JS_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'RunMicrotasks', 'TimerFire', 'FireIdleCallback', 'FireAnimationFrame',
  'RunYieldContinuation', 'v8.callFunction', 'v8.run', 'v8.compile', 'v8.produceCache', 'v8.evaluateModule']);
const TASKS = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);
const isExtensionUrl = (url) => /^(chrome|moz)-extension:\/\//.test(url ?? '');

/** Complete events of one thread, by start (the enclosing one first). */
function threadEvents(events, pid, tid) {
  return events.filter((e) => e.ph === 'X' && e.pid === pid && e.tid === tid).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
}

/** The outermost of `list` (sorted by start): events not inside an earlier one. */
function outermost(list) {
  const out = [];
  let end = -Infinity;
  for (const e of list) {
    if (e.ts < end) continue;
    out.push(e);
    end = e.ts + e.dur;
  }
  return out;
}

const sum = (list, field) => list.reduce((total, e) => total + (e[field] ?? 0), 0) / 1000; // µs → ms

function threadsOf(events) {
  const names = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  return names;
}

/** The threads whose name (and "pid:tid" key) pass `test`, as [pid, tid]. */
const threadsNamed = (names, test) => [...names].filter(([key, name]) => test(name, key)).map(([key]) => key.split(':').map(Number));

/** The service worker's threads (the background's), as [pid, tid]. */
const serviceWorkers = (names) => threadsNamed(names, (name) => name === 'ServiceWorker thread');

/** The outermost JS events of `threads` ([pid, tid] each) from `since` on. */
const jsOf = (events, threads, since = -Infinity) => threads.flatMap(([pid, tid]) =>
  outermost(threadEvents(events, pid, tid).filter((e) => JS_EVENTS.has(e.name) && e.ts >= since)));

/**
 * The page's main thread (the one that evaluated the content script; extension pages run
 * extension scripts too, but not this one): its complete events from Unveil's first script on.
 */
function pageMainThread(events, names) {
  const entry = events.find((e) => e.name === 'EvaluateScript' && /^chrome-extension:.*\/content\/content\.js$/.test(e.args?.data?.url ?? ''));
  if (!entry || names.get(`${entry.pid}:${entry.tid}`) !== 'CrRendererMain') return null;
  const all = threadEvents(events, entry.pid, entry.tid);
  const first = all.find((e) => e.name === 'EvaluateScript' && isExtensionUrl(e.args?.data?.url));
  return { pid: entry.pid, tid: entry.tid, since: first.ts, main: all.filter((e) => e.ts >= first.ts) };
}

/**
 * The longest task that runs any of Unveil's JS (the parser's task runs the early observer's
 * callbacks, so it can be mostly the page's own work), and the most of Unveil's JS in one task.
 */
function longestTasks(main, js) {
  let longest = { ms: 0, cpuMs: 0, jsMs: 0 };
  let mostJsMs = 0;
  for (const task of outermost(main.filter((e) => TASKS.has(e.name)))) {
    const inside = js.filter((e) => e.ts >= task.ts && e.ts < task.ts + task.dur);
    if (!inside.length) continue;
    const jsMs = sum(inside, 'dur');
    if (task.dur / 1000 > longest.ms) longest = { ms: task.dur / 1000, cpuMs: (task.tdur ?? NaN) / 1000, jsMs };
    mostJsMs = Math.max(mostJsMs, jsMs);
  }
  return { longestTaskMs: longest.ms, longestTaskCpuMs: longest.cpuMs, longestTaskJsMs: longest.jsMs, mostJsInTaskMs: mostJsMs };
}

/** Unveil's JS before DOMContentLoaded: its scripts, the early observer's callbacks, the rest. */
function documentStart(main, early) {
  // The overlay observer watches from document_start: its callbacks while the parser inserts
  // the page (a microtask checkpoint each, the callback a FunctionCall in it).
  const observerCallbacks = early.filter((e) => e.name !== 'EvaluateScript'
    && main.some((k) => k.ts >= e.ts && k.ts < e.ts + e.dur && k.name === 'FunctionCall' && /\/content\/observer\.js$/.test(k.args?.data?.url ?? '')));
  return {
    startCpu: sum(early, 'tdur'),
    startScriptsCpu: sum(early.filter((e) => e.name === 'EvaluateScript'), 'tdur'),
    startObserverCpu: sum(observerCallbacks, 'tdur'),
  };
}

/**
 * The background's JS (the service worker's thread) and V8's wasm compile on the worker
 * threads of the page's renderer and of the background's process (the content script's wasm
 * on every page; the background's once, then its tier-up over the first pages).
 */
function offThePage(events, names, page) {
  const worker = serviceWorkers(names);
  const background = jsOf(events, worker, page.since);
  const pids = new Set([page.pid, ...worker.map(([pid]) => pid)]);
  const helpers = threadsNamed(names, (name, key) => pids.has(Number(key.split(':')[0])) && name !== 'CrRendererMain' && name !== 'ServiceWorker thread');
  const compile = helpers.flatMap(([pid, tid]) => outermost(threadEvents(events, pid, tid).filter((e) => e.cat === 'v8.wasm' && e.ts >= page.since)));
  return { backgroundCpu: sum(background, 'tdur'), wasmCompileOffMainCpu: sum(compile, 'tdur') };
}

/**
 * The page's scripts are off, but a blocked sub-frame shows Chromium's own error page
 * (chrome-error://chromewebdata/), whose scripts run on the same main thread: its events
 * (by URL, or by the frame such a script ran in) are not Unveil's.
 */
function notForeign(main) {
  const foreign = (e) => e.args?.data?.url && !isExtensionUrl(e.args.data.url);
  const frames = new Set(main.filter(foreign).map((e) => e.args.data.frame).filter(Boolean));
  return (e) => !foreign(e) && !frames.has(e.args?.data?.frame);
}

/**
 * One page's trace → Unveil's CPU on the page's main thread before DOMContentLoaded and after
 * it (until the trace stopped, just after the verdict), the style + layout its analysis forces,
 * the background's CPU, the wasm compile off the main threads, and the longest tasks.
 */
function summarizePageTrace(events) {
  const names = threadsOf(events);
  const page = pageMainThread(events, names);
  if (!page) return null;
  const { main } = page;
  const dcl = main.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'DOMContentLoaded')?.ts ?? Infinity;
  const js = outermost(main.filter((e) => JS_EVENTS.has(e.name))).filter(notForeign(main));
  const late = js.filter((e) => e.ts >= dcl);
  // Style and layout the analysis forces (reading boxes): the page's first layout is often
  // among them, which the browser would do anyway a little later.
  const forced = outermost(main.filter((e) => (e.name === 'Layout' || e.name === 'UpdateLayoutTree')
    && late.some((j) => e.ts >= j.ts && e.ts < j.ts + j.dur)));
  return {
    thread: [page.pid, page.tid],
    ...documentStart(main, js.filter((e) => e.ts < dcl)),
    analysisCpu: sum(late, 'tdur'),
    analysisLayoutCpu: sum(forced, 'tdur'),
    ...offThePage(events, names, page),
    ...longestTasks(main, js),
  };
}

/**
 * The observer run's trace → the page main thread's JS split by whose script it is: the
 * outermost events that name an extension URL are Unveil's (its observer callbacks,
 * timers), the rest the page's; plus the service worker's JS.
 */
function summarizeObserverTrace(events, pid, tid) {
  const names = threadsOf(events);
  const main = threadEvents(events, pid, tid);
  const calls = main.filter((e) => (e.name === 'FunctionCall' || e.name === 'EvaluateScript' || e.name === 'v8.compile') && e.args?.data?.url !== undefined);
  const unveil = outermost(calls.filter((e) => isExtensionUrl(e.args.data.url)));
  const pageJs = jsOf(events, [[pid, tid]]);
  const background = jsOf(events, serviceWorkers(names));
  return { unveilCpu: sum(unveil, 'tdur'), allJsCpu: sum(pageJs, 'tdur'), backgroundCpu: sum(background, 'tdur') };
}

/**
 * The summary's trace (the popup's first look at the page asks for it) → the page main
 * thread's JS (`thread`, from the page's own trace: none, unless the background asks the page
 * for its article; builds before 2026-11-30 sent it from there) and the service worker's (the
 * core's summary), as traced: no control is taken off this short span.
 */
function summarizeSummaryTrace(events, [pid, tid]) {
  const page = jsOf(events, [[pid, tid]]);
  const background = jsOf(events, serviceWorkers(threadsOf(events)));
  return { pageCpu: sum(page, 'tdur'), backgroundCpu: sum(background, 'tdur') };
}

// ---- Chromium -----------------------------------------------------------------------------

async function freePort() {
  const server = createServer();
  await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address();
  await new Promise((done) => server.close(done));
  return port;
}

/**
 * The control: an extension whose content script (content/content.js, at document_start in
 * every frame, as Unveil's) only waits as Unveil's does — DOMContentLoaded, then a rendered
 * frame — and then sets the verdict attribute, doing no work. Chromium charges the page's main
 * thread with microtasks of its own (RunMicrotasks events holding no JS: ~1 ms before
 * DOMContentLoaded on the median AEB page, with page scripts off) that the trace cannot tell
 * from a content script's: what the control is charged on the same page is not Unveil's.
 */
function writeControlExtension() {
  const dir = mkdtempSync(join(tmpdir(), 'unveil-bench-control-'));
  mkdirSync(join(dir, 'content'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({
    manifest_version: 3, name: 'Unveil bench control', version: '1.0',
    content_scripts: [{ matches: ['http://*/*'], js: ['content/content.js'], run_at: 'document_start', all_frames: true }],
  }));
  writeFileSync(join(dir, 'content/content.js'), `document.addEventListener('DOMContentLoaded', () => {
  requestAnimationFrame(() => setTimeout(() => { document.documentElement.dataset.unveilState = 'ready'; }, 0));
}, { once: true });\n`);
  return dir;
}

async function launchChromium(extension = DIST, { control = false } = {}) {
  const port = await freePort();
  const profile = mkdtempSync(join(tmpdir(), 'unveil-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_BIN ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--no-sandbox', '--no-first-run', '--disable-gpu', `--remote-debugging-port=${port}`,
      `--disable-extensions-except=${extension}`, `--load-extension=${extension}`, ...JS_FLAGS],
  });
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  if (control) {
    const tab = context.pages()[0] ?? (await context.newPage());
    const browserCdp = await (await chromium.connectOverCDP(`http://127.0.0.1:${port}`)).newBrowserCDPSession();
    return { context, tab, browserCdp, tabCdp: await context.newCDPSession(tab), close };
  }
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15000 }));
  const extensionUrl = `chrome-extension://${new URL(worker.url()).host}/`;
  const tab = context.pages()[0] ?? (await context.newPage());
  const helper = await context.newPage();
  await helper.goto(`${extensionUrl}options/options.html`);
  const tabId = await helper.evaluate(async () => {
    const own = await chrome.tabs.getCurrent();
    const tabs = await chrome.tabs.query({});
    return tabs.find((t) => t.id !== own.id)?.id;
  });
  const browserCdp = await (await chromium.connectOverCDP(`http://127.0.0.1:${port}`)).newBrowserCDPSession();
  const tabCdp = await context.newCDPSession(tab);
  await tabCdp.send('Performance.enable');
  return {
    context, tab, helper, tabId, browserCdp, tabCdp, extensionUrl, close,
  };
}

/** Unveil's state on <html> through the CDP DOM domain (no JS in the page), or null while loading. */
async function unveilAttributes(tabCdp) {
  const { root } = await tabCdp.send('DOM.getDocument', { depth: 1 });
  const html = root.children?.find((n) => n.nodeName === 'HTML');
  if (!html) return null;
  const attrs = {};
  for (let i = 0; i + 1 < html.attributes.length; i += 2) attrs[html.attributes[i]] = html.attributes[i + 1];
  const state = attrs['data-unveil-state'];
  return state && state !== 'loading' ? { state, engine: attrs['data-unveil-engine'] ?? 'background' } : null;
}

async function traced(cdp, run) {
  const events = [];
  const collect = ({ value }) => events.push(...value);
  cdp.on('Tracing.dataCollected', collect);
  // With --traces, V8's sampling profiler too (call stacks in DevTools; it costs CPU of its own).
  const categories = TRACES_DIR ? [...TRACE_CATEGORIES, 'disabled-by-default-v8.cpu_profiler'] : TRACE_CATEGORIES;
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: categories }, transferMode: 'ReportEvents' });
  let result;
  try {
    result = await run();
  } finally {
    const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
  }
  return { result, events };
}

/** With --traces, writes a trace to TRACES_DIR: the page's (`kind` "page") or its summary's. */
function saveTrace(url, kind, events) {
  if (!TRACES_DIR) return;
  mkdirSync(join(TRACES_DIR, kind), { recursive: true });
  writeFileSync(join(TRACES_DIR, kind, `${url.split('/').pop().slice(0, 12)}.json`), JSON.stringify({ traceEvents: events }));
}

/** GET_STATE to the tab's top frame, from the extension page, as the popup sends it. */
async function getState(b) {
  return (await askFromExtensionPage(b, { tabId: b.tabId, type: GET_STATE })).data;
}

/**
 * A message from the extension page, as the popup sends it: to the tab's top frame (`tabId`)
 * or else to the background. {data, ms}: the reply's data and its wall time on the asking page.
 */
async function askFromExtensionPage(b, { tabId = null, type, payload = {} }) {
  const ask = async ([to, message]) => {
    const api = globalThis.browser ?? globalThis.chrome;
    const t0 = performance.now();
    const answer = await (to === null ? api.runtime.sendMessage(message) : api.tabs.sendMessage(to, message, { frameId: 0 }));
    return { reply: answer, ms: performance.now() - t0 };
  };
  const arg = [tabId, { type, payload }];
  const { reply, ms } = BROWSER === 'firefox' ? await b.browser.extEvaluate(ask, arg) : await b.helper.evaluate(ask, arg);
  if (!reply?.ok) throw new Error(`${type}: ${reply?.error ?? 'no answer'}`);
  return { data: reply.data, ms };
}

/** The summary as the popup asks for it on its first look at the page, for the page's `state`: {data: sentences, ms}. */
async function askSummary(b, state) {
  if (GET_SUMMARY) return askFromExtensionPage(b, { tabId: b.tabId, type: GET_SUMMARY });
  const { data, ms } = await askFromExtensionPage(b, { type: SUMMARIZE, payload: { tabId: b.tabId, reportId: state.reportId } });
  return { data: data.summary, ms };
}

/**
 * The summary as the popup asks for it, traced: its CPU on the page's main thread and in the
 * background, and its wall time from the asking page.
 */
async function measureSummaryChromium(b, state, thread, url) {
  const { result, events } = await traced(b.browserCdp, () => askSummary(b, state));
  saveTrace(url, 'summary', events);
  return { ms: result.ms, sentences: result.data?.length ?? 0, ...summarizeSummaryTrace(events, thread) };
}

/** Readability on the page, through CDP (the page's CSP binds neither CDP nor what it evaluates). */
async function readabilityChromium(tabCdp) {
  const evaluate = async (expression) => {
    const { result, exceptionDetails } = await tabCdp.send('Runtime.evaluate', { expression, returnByValue: true });
    if (exceptionDetails) throw new Error(`Readability: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value;
  };
  await evaluate(`${readability}\n;globalThis.Readability = Readability; true`);
  const threadTime = async () => (await tabCdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime').value;
  const before = await threadTime();
  const out = await evaluate(READABILITY);
  const cpuMs = ((await threadTime()) - before) * 1000;
  return { ...out, cpuMs };
}

const READABILITY = `(() => {
  const t0 = performance.now();
  const article = new Readability(document.cloneNode(true)).parse();
  return { ms: performance.now() - t0, chars: article?.textContent?.length ?? 0 };
})()`;

async function measurePageChromium(b, url) {
  const { result: verdict, events } = await traced(b.browserCdp, async () => {
    await b.tab.goto(url, { waitUntil: 'commit' });
    return poll(() => unveilAttributes(b.tabCdp), { timeout: VERDICT_TIMEOUT_MS, interval: 10, what: 'Unveil\'s verdict' });
  });
  const trace = summarizePageTrace(events);
  saveTrace(url, 'page', events);
  const state = await getState(b);
  const summary = SUMMARY_ASKED && trace ? await measureSummaryChromium(b, state, trace.thread, url) : null;
  const reader = await readabilityChromium(b.tabCdp);
  return { ...verdict, trace, state, summary, reader };
}

/** The control's main-thread CPU on a page: what the trace charges a content script that does nothing. */
async function measureControlChromium(b, url) {
  const { events } = await traced(b.browserCdp, async () => {
    await b.tab.goto(url, { waitUntil: 'commit' });
    return poll(() => unveilAttributes(b.tabCdp), { timeout: VERDICT_TIMEOUT_MS, interval: 10, what: 'the control\'s verdict' });
  });
  return summarizePageTrace(events);
}

/** The control on every page measured, in a browser of its own: each result gets `control`. */
async function measureControls(results, origin) {
  const extension = writeControlExtension();
  const b = await launchChromium(extension, { control: true });
  try {
    for (const [index, r] of results.entries()) {
      r.control = await measureControlChromium(b, `${origin}/${r.path}`).catch((error) => {
        process.stderr.write(`control ${r.file}: ${error.message}\n`);
        return null;
      });
      process.stderr.write(`[control ${index + 1}/${results.length}] ${r.file.slice(0, 12)} CPU start ${ms(r.control?.startCpu)}, analysis ${ms(r.control?.analysisCpu)}\n`);
    }
  } finally {
    await b.close();
    rmSync(extension, { recursive: true, force: true });
  }
}

// Runtime.queryObjects finds every WebAssembly.Memory of a JS context (the glue keeps its
// instance private): the wasm memory of that context.
const MEMORY_QUERY = 'function () { return this.reduce((total, memory) => total + memory.buffer.byteLength, 0); }';
async function wasmMemory(send, contextId) {
  const proto = await send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype', ...(contextId ? { contextId } : {}) });
  const { objects } = await send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId });
  const { result } = await send('Runtime.callFunctionOn', { objectId: objects.objectId, functionDeclaration: MEMORY_QUERY, returnByValue: true });
  return result.value;
}

/** Bytes of wasm memory in the tab's content script world (engine "page") or in the service worker. */
async function wasmMemoryChromium(b, engine) {
  if (engine === 'background') {
    const { targetInfos } = await b.browserCdp.send('Target.getTargets');
    const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(b.extensionUrl));
    if (!worker) return NaN;
    // Playwright's browser session speaks to one target; the worker is reached through it.
    const { sessionId } = await b.browserCdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
    let next = 0;
    const pending = new Map();
    const onMessage = (event) => {
      if (event.sessionId !== sessionId) return;
      const message = JSON.parse(event.message);
      pending.get(message.id)?.(message);
    };
    b.browserCdp.on('Target.receivedMessageFromTarget', onMessage);
    const send = async (method, params) => {
      const id = ++next;
      const answer = new Promise((done) => pending.set(id, done));
      await b.browserCdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
      const message = await answer;
      if (message.error) throw new Error(`${method}: ${message.error.message}`);
      return message.result;
    };
    try {
      return await wasmMemory(send, null);
    } finally {
      b.browserCdp.off('Target.receivedMessageFromTarget', onMessage);
      await b.browserCdp.send('Target.detachFromTarget', { sessionId }).catch(() => {});
    }
  }
  const contexts = [];
  const created = ({ context }) => contexts.push(context);
  b.tabCdp.on('Runtime.executionContextCreated', created);
  await b.tabCdp.send('Runtime.enable');
  await b.tabCdp.send('Runtime.disable');
  b.tabCdp.off('Runtime.executionContextCreated', created);
  const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.auxData?.isDefault === false && c.origin?.startsWith(b.extensionUrl.slice(0, -1)))
    ?? contexts.find((c) => c.auxData?.type === 'isolated' && !c.name.startsWith('__playwright'));
  return world ? wasmMemory((method, params) => b.tabCdp.send(method, params), world.id) : NaN;
}

/** The observer page (scripts on), analysed, then traced while it adds 1,000 nodes a second for 10 s. */
async function measureObserverChromium(b, origin) {
  await b.tab.goto(`${origin}/observer.html`, { waitUntil: 'load' });
  const verdict = await poll(() => unveilAttributes(b.tabCdp), { timeout: VERDICT_TIMEOUT_MS, interval: 20, what: 'Unveil\'s verdict' });
  await sleep(500); // the analysis' last messages
  const started = Date.now();
  const { events } = await traced(b.browserCdp, async () => {
    await b.tab.evaluate('startGrowth()');
    await sleep(500); // the observer's last batch of work
  });
  const seconds = (Date.now() - started) / 1000;
  const names = threadsOf(events);
  // The page's main thread: the renderer's main thread that ran the page's own timer.
  const timer = events.find((e) => e.name === 'TimerFire' && names.get(`${e.pid}:${e.tid}`) === 'CrRendererMain');
  const added = await b.tab.evaluate('document.querySelectorAll("#feed > *").length');
  const split = timer ? summarizeObserverTrace(events, timer.pid, timer.tid) : null;
  return { ...verdict, seconds, added, ...split };
}

// ---- Firefox ------------------------------------------------------------------------------

async function launchFirefox() {
  // performance.now() to the microsecond (Firefox rounds it to 1 ms otherwise).
  const browser = await launchE2E('firefox', { ext: DIST, prefs: { 'privacy.reduceTimerPrecision': false } });
  const tab = await browser.open();
  return { browser, tab, tabId: null, close: () => browser.close() };
}

async function measurePageFirefox(b, url) {
  await b.tab.goto(url);
  await b.tab.waitForUnveil({ timeout: VERDICT_TIMEOUT_MS });
  b.tabId ??= await b.browser.tabId(b.tab);
  const state = await getState(b);
  const summary = SUMMARY_ASKED ? await askSummary(b, state) : null;
  const engine = await b.tab.evaluate(() => document.documentElement.dataset.unveilEngine ?? 'background');
  // WebDriver runs this in a sandbox of its own (the page's DOM, its own globals).
  const reader = await b.tab.evaluate((source) => {
    (0, eval)(`${source}\n;globalThis.Readability = Readability;`);
    const t0 = performance.now();
    const article = new globalThis.Readability(document.cloneNode(true)).parse();
    return { ms: performance.now() - t0, chars: article?.textContent?.length ?? 0 };
  }, readability);
  return { state, engine, trace: null, summary: summary && { ms: summary.ms, pageCpu: NaN, backgroundCpu: NaN }, reader: { ...reader, cpuMs: NaN } };
}

// ---- report -----------------------------------------------------------------------------

const quantile = (values, q) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const ms = (v) => (Number.isFinite(v) ? v.toFixed(1) : '–');
const times = (v) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : '–');

function printReport(results, failures, extras) {
  const ok = results.filter((r) => r.state.state !== 'error' && r.state.state !== 'disabled');
  const col = (f) => ok.map(f);
  const t = (r) => r.state.timing ?? {};
  const cpu = ok.some((r) => r.trace);
  const controlled = ok.some((r) => r.control);
  // What the control was charged on the same page (Chromium's own microtasks; see
  // writeControlExtension), taken off Unveil's: before DOMContentLoaded without the control
  // script's own evaluation (Unveil's scripts are Unveil's cost), after it all of it (its
  // waits are Unveil's waits, a few hundredths of a ms).
  const chromiumStart = (r) => (r.control ? r.control.startCpu - r.control.startScriptsCpu : 0);
  const ownStart = (r) => r.trace?.startCpu - chromiumStart(r);
  const ownAnalysis = (r) => r.trace?.analysisCpu - (r.control?.analysisCpu ?? 0);
  const rows = [
    ['Unveil: verdict, wall clock (GET_STATE: walk + core + apply)', col((r) => verdictMs(r.state.timing))],
    ['  walk (snapshot)', col((r) => t(r).snapshotMs)],
    ['  core: from sending the snapshot to having the report', col((r) => t(r).analyzeMs)],
    ['    of which the background\'s own time in the core', col((r) => t(r).coreMs)],
    ['  hides and quote marks', col((r) => t(r).applyMs)],
    ['the summary, asked as the popup first shows the page, wall clock from the asking extension page', col((r) => r.summary?.ms)],
    ['Readability `new Readability(doc.cloneNode(true)).parse()`, wall clock', col((r) => r.reader.ms)],
    ...(cpu ? [
      ['CPU page main thread: Unveil at document_start (scripts + their tasks before DOMContentLoaded)', col((r) => r.trace?.startCpu)],
      ['  evaluating the content scripts', col((r) => r.trace?.startScriptsCpu)],
      ['  the overlay observer\'s callbacks while the page parses', col((r) => r.trace?.startObserverCpu)],
      ['  their other tasks until DOMContentLoaded (settings; the wasm when it is in the page)', col((r) => r.trace?.startCpu - r.trace?.startScriptsCpu - r.trace?.startObserverCpu)],
      ...(controlled ? [
        ['  control: the same, charged to a content script that does nothing (Chromium\'s own microtasks)', col(chromiumStart)],
        ['  **Unveil\'s own at document_start** (as traced − control)', col(ownStart)],
        ['  control: evaluating a content script that does nothing (any content script\'s world)', col((r) => r.control?.startScriptsCpu)],
      ] : []),
      ['CPU page main thread: Unveil\'s analysis (DOMContentLoaded → verdict)', col((r) => r.trace?.analysisCpu)],
      ...(controlled ? [
        ['  control: the same span, charged to a content script that only waits', col((r) => r.control?.analysisCpu)],
        ['  **Unveil\'s own analysis** (as traced − control)', col(ownAnalysis)],
      ] : []),
      ['  of which style + layout it forces (the page\'s first layout, often)', col((r) => r.trace?.analysisLayoutCpu)],
      ['CPU background (service worker) for the page', col((r) => r.trace?.backgroundCpu)],
      ['CPU the summary, when the popup first shows the page: page main thread', col((r) => r.summary?.pageCpu)],
      ['  its background (service worker) CPU', col((r) => r.summary?.backgroundCpu)],
      ['CPU wasm compile on worker threads (page renderer, background process)', col((r) => r.trace?.wasmCompileOffMainCpu)],
      ['CPU analysis + background', col((r) => r.trace?.analysisCpu + r.trace?.backgroundCpu)],
      ['CPU all of Unveil: document_start + analysis + background', col((r) => r.trace?.startCpu + r.trace?.analysisCpu + r.trace?.backgroundCpu)],
      ['CPU page main thread: Readability parse (ThreadTime)', col((r) => r.reader.cpuMs)],
      ['Longest task with Unveil\'s JS (wall, whole task)', col((r) => r.trace?.longestTaskMs)],
      ['  its CPU (wall much above it: the machine was busy)', col((r) => r.trace?.longestTaskCpuMs)],
      ['  Unveil\'s JS in that task (wall)', col((r) => r.trace?.longestTaskJsMs)],
      ['Most of Unveil\'s JS in one task (wall)', col((r) => r.trace?.mostJsInTaskMs)],
    ] : []),
  ];
  const browserName = BROWSER === 'firefox' ? 'Firefox ESR' : 'Chromium';
  const engines = {};
  for (const r of results) engines[r.engine ?? '?'] = (engines[r.engine ?? '?'] || 0) + 1;
  console.log(`\n### Unveil (packaged: ${DIST}) vs Readability on ${ok.length} AEB pages (headless ${browserName}, page scripts off; engine ${JSON.stringify(engines)})\n`);
  console.log('| step | median ms | p90 ms | max ms |');
  console.log('|---|---:|---:|---:|');
  for (const [name, values] of rows) {
    if (!values.some(Number.isFinite)) continue;
    console.log(`| ${name} | ${ms(quantile(values, 0.5))} | ${ms(quantile(values, 0.9))} | ${ms(Math.max(...values.filter(Number.isFinite)))} |`);
  }
  const ratio = (f, g) => (q) => quantile(col(f), q) / quantile(col(g), q);
  console.log('\n| Unveil / Readability | median | p90 |\n|---|---:|---:|');
  const ratios = [['wall clock: verdict / parse', ratio((r) => verdictMs(r.state.timing), (r) => r.reader.ms)]];
  if (cpu) {
    const reader = (r) => r.reader.cpuMs;
    // The summary is made on demand (most pages never see the popup); counted here as if
    // every page's popup were opened: the whole analysis the budget names.
    const summaryCpu = (r) => (r.summary ? r.summary.pageCpu + r.summary.backgroundCpu : NaN);
    ratios.push(
      ['CPU: page main thread, analysis', ratio((r) => r.trace?.analysisCpu, reader)],
      ['CPU: + background', ratio((r) => r.trace?.analysisCpu + r.trace?.backgroundCpu, reader)],
      ['CPU: + background + document_start', ratio((r) => r.trace?.startCpu + r.trace?.analysisCpu + r.trace?.backgroundCpu, reader)],
    );
    if (controlled) {
      ratios.push(
        ['**CPU, Unveil\'s own (− control): page main thread, analysis**', ratio(ownAnalysis, reader)],
        ['**CPU, Unveil\'s own: + background**', ratio((r) => ownAnalysis(r) + r.trace?.backgroundCpu, reader)],
        ['CPU, Unveil\'s own: + background + document_start', ratio((r) => ownStart(r) + ownAnalysis(r) + r.trace?.backgroundCpu, reader)],
        ['**CPU, Unveil\'s own: + background + the summary** (as if every page\'s popup were opened)', ratio((r) => ownAnalysis(r) + r.trace?.backgroundCpu + summaryCpu(r), reader)],
      );
    }
  }
  for (const [name, r] of ratios) console.log(`| ${name} | ${times(r(0.5))} | ${times(r(0.9))} |`);
  if (cpu) {
    const longest = ok.reduce((a, r) => ((r.trace?.longestTaskMs ?? 0) > (a.trace?.longestTaskMs ?? 0) ? r : a), ok[0]);
    const over = ok.filter((r) => r.trace?.longestTaskMs > 50).length;
    // Wall time grows with a busy machine, CPU time hardly: both counts tell load from work.
    const overCpu = ok.filter((r) => r.trace?.longestTaskCpuMs > 50).length;
    if (longest) console.log(`\nLongest task with Unveil's JS: ${ms(longest.trace?.longestTaskMs)} ms (CPU ${ms(longest.trace?.longestTaskCpuMs)} ms; Unveil's JS in it ${ms(longest.trace?.longestTaskJsMs)} ms) on ${longest.file} (${longest.state.timing?.nodes ?? '?'} nodes); pages with such a task over 50 ms: ${over} of ${ok.length} (over 50 ms of CPU: ${overCpu})`);
    const most = ok.reduce((a, r) => ((r.trace?.mostJsInTaskMs ?? 0) > (a.trace?.mostJsInTaskMs ?? 0) ? r : a), ok[0]);
    const ownOver = ok.filter((r) => r.trace?.mostJsInTaskMs > 50).length;
    if (most) console.log(`Most of Unveil's JS in one task: ${ms(most.trace?.mostJsInTaskMs)} ms on ${most.file}; pages with over 50 ms of it in one task: ${ownOver} of ${ok.length}`);
    const firstPage = results[0];
    if (firstPage?.trace) console.log(`First page (a fresh background): verdict ${ms(verdictMs(firstPage.state.timing))} ms wall; CPU analysis ${ms(firstPage.trace.analysisCpu)} ms, background ${ms(firstPage.trace.backgroundCpu)} ms, document_start ${ms(firstPage.trace.startCpu)} ms`);
  }
  if (extras.memory) {
    const { file, bytes, engine, memoryBytes } = extras.memory;
    console.log(`wasm memory after the largest page (${file}, ${(bytes / 1024).toFixed(0)} KB HTML), in the ${engine === 'background' ? 'service worker' : 'page'}: ${(memoryBytes / 1048576).toFixed(1)} MB`);
  }
  const states = {};
  for (const r of results) states[r.state.state] = (states[r.state.state] || 0) + 1;
  console.log(`States: ${JSON.stringify(states)}; pages with an article: ${ok.filter((r) => r.state.article?.word_count > 0).length}; failures: ${failures.length}`);
  for (const f of failures) console.log(`  failed ${f.file}: ${f.error}`);
  const o = extras.observer;
  if (o) {
    console.log('\n### Observer cost: a page (scripts on) adding 1,000 nodes/s for 10 s, traced\n');
    console.log('| | CPU ms | per second |\n|---|---:|---:|');
    const perSecond = (v) => `${ms(v / o.seconds)} ms/s`;
    console.log(`| page main thread, all JS (the page's and Unveil's) | ${ms(o.allJsCpu)} | ${perSecond(o.allJsCpu)} |`);
    console.log(`| page main thread, Unveil's scripts | ${ms(o.unveilCpu)} | ${perSecond(o.unveilCpu)} |`);
    console.log(`| background (service worker) | ${ms(o.backgroundCpu)} | ${perSecond(o.backgroundCpu)} |`);
    console.log(`\nUnveil: ${ms((o.unveilCpu + o.backgroundCpu) / o.seconds)} ms CPU per second (${((o.unveilCpu + o.backgroundCpu) / o.seconds / 10).toFixed(2)} % of one core) over ${o.seconds.toFixed(1)} s; ${o.added} nodes added; Unveil's state ${o.state}, engine ${o.engine}`);
  }
}

async function main() {
  if (!GET_STATE) throw new Error(`no GET_STATE message in ${DIST}/shared/messages.js`);
  const server = await startServer();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const chromiumRun = BROWSER === 'chromium';
  const b = chromiumRun ? await launchChromium() : await launchFirefox();
  const measure = chromiumRun ? measurePageChromium : measurePageFirefox;
  const results = [];
  const failures = [];
  const extras = {};
  const sizes = pageFiles.map((gz) => gunzipSync(readFileSync(join(htmlDir, gz))).length);
  const largest = sizes.indexOf(Math.max(...sizes));
  try {
    for (const [index, gz] of pageFiles.entries()) {
      const file = gz.replace(/\.gz$/, '');
      const url = `${origin}/${file}`;
      try {
        const measured = await measure(b, url);
        saveReport(url, measured.state);
        results.push({ file: file.slice(0, 12), path: file, bytes: sizes[index], ...measured });
        if (chromiumRun && index === largest) {
          extras.memory = { file: file.slice(0, 12), bytes: sizes[index], engine: measured.engine, memoryBytes: await wasmMemoryChromium(b, measured.engine) };
        }
        const c = measured.trace;
        const summaryText = measured.summary ? `, summary ${ms(measured.summary.pageCpu)} + ${ms(measured.summary.backgroundCpu)}` : '';
        const cpuText = c ? `; CPU start ${ms(c.startCpu)}, analysis ${ms(c.analysisCpu)}, background ${ms(c.backgroundCpu)}${summaryText}, wasm compile ${ms(c.wasmCompileOffMainCpu)}, longest task ${ms(c.longestTaskMs)}` : '';
        process.stderr.write(`[${index + 1}/${pageFiles.length}] ${file.slice(0, 12)} ${measured.state.state} (${measured.engine}) verdict ${ms(verdictMs(measured.state.timing))} ms${cpuText}; readability ${ms(measured.reader.ms)} ms (CPU ${ms(measured.reader.cpuMs)})\n`);
      } catch (error) {
        failures.push({ file: file.slice(0, 12), error: String(error.message ?? error).split('\n')[0] });
        process.stderr.write(`[${index + 1}/${pageFiles.length}] ${file.slice(0, 12)} failed: ${failures.at(-1).error}\n`);
      }
    }
    if (OBSERVER) extras.observer = await measureObserverChromium(b, origin);
    if (CONTROL) await measureControls(results.filter((r) => r.trace), origin);
    printReport(results, failures, extras);
  } finally {
    await b.close();
    server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
