// The page side of the analysis, cold, as the content script runs it: for each AEB page, each
// variant of snapshot.js is evaluated in a fresh isolated world (a content script's world: no
// DOM wrappers made yet, no type feedback), a frame after load, and times once
//   walk       Unveil.snapshot()
//   send       JSON.stringify({type, snapshot}): only the JSON part of Chrome's
//              runtime.sendMessage, a lower bound (~0.15 ms at the median; the call itself took
//              ~0.9 ms in a content script for the same message, growing with its size, and the
//              same with "message_serialization": "structured_clone" or a Uint8Array of UTF-8)
// Variants side by side in one run, their order rotated per page, each REPS times per page (the
// minimum kept): the machine is noisy, so compare variants within a run (per-page ratios).
//   nice node tools/walk-bench.mjs SHARED [--limit N] [--reps R] [--snaps DIR] variant.js…
// (default variant: extension/content/snapshot.js). --snaps DIR writes each variant's wire
// snapshot as DIR/<variant>/<page>.json, to run the core on them (derived from copyrighted
// pages: keep them out of the repository).
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { basename, join } from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const [value] = args.splice(at, 2).slice(1);
  return value;
};
const limit = Number(option('limit', 1e9));
const reps = Number(option('reps', 3));
const snapsDir = option('snaps', null);
const [shared, ...variantPaths] = args;
if (!shared) throw new Error('usage: node tools/walk-bench.mjs SHARED [--limit N] [--reps R] [--snaps DIR] variant.js…');
const paths = variantPaths.length ? variantPaths : [new URL('../extension/content/snapshot.js', import.meta.url).pathname];
const variants = paths.map((path, i) => ({ name: `${i}:${basename(path, '.js')}`, dir: `${i}-${basename(path, '.js')}`, src: readFileSync(path, 'utf8') }));

const htmlDir = join(shared, 'data', 'extraction', 'aeb', 'html');
const files = readdirSync(htmlDir).filter((f) => f.endsWith('.html.gz')).sort().slice(0, limit);
const server = createServer((req, res) => {
  const f = `${req.url.slice(1)}.gz`;
  if (!files.includes(f)) {
    res.writeHead(404);
    return res.end();
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    // cross-origin isolated: performance.now() to 5 µs instead of 100
    'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' });
  res.end(gunzipSync(readFileSync(join(htmlDir, f))));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true });
const page = await browser.newPage();
const cdp = await page.context().newCDPSession(page);
let worlds = 0;

const FRAME = 'new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))';
const TIMED = `(() => {
  const t0 = performance.now();
  const taken = Unveil.snapshot();
  const t1 = performance.now();
  const json = JSON.stringify({ type: 'ANALYZE', snapshot: taken.snapshot });
  const t2 = performance.now();
  return JSON.stringify({ walk: t1 - t0, send: t2 - t1, nodes: taken.stats.nodes, bytes: json.length,
    numbers: taken.snapshot.numbers.length, snapshot: ${snapsDir ? 'taken.snapshot' : 'null'} });
})()`;

async function evaluate(contextId, expression) {
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { contextId, expression, awaitPromise: true, returnByValue: true });
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description || exceptionDetails.text);
  return result.value;
}

/** One cold run of a variant: a new isolated world, the script, a frame, the timed snapshot. */
async function run(variant) {
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: (await cdp.send('Page.getFrameTree')).frameTree.frame.id, worldName: `walk-bench-${worlds++}` });
  await evaluate(executionContextId, variant.src);
  await evaluate(executionContextId, FRAME);
  return JSON.parse(await evaluate(executionContextId, TIMED));
}

const results = variants.map(() => []);
for (const [p, f] of files.entries()) {
  const name = f.slice(0, -'.html.gz'.length);
  await page.goto(`${base}${name}.html`, { waitUntil: 'load' });
  await page.evaluate(FRAME);
  const best = variants.map(() => null);
  for (let r = 0; r < reps; r++) {
    for (let k = 0; k < variants.length; k++) {
      const v = (k + p + r) % variants.length; // rotated: no variant always first
      const m = await run(variants[v]);
      if (!best[v] || m.walk < best[v].walk) best[v] = { ...m, send: Math.min(m.send, best[v]?.send ?? Infinity) };
      else best[v].send = Math.min(best[v].send, m.send);
      if (snapsDir && r === 0) {
        mkdirSync(join(snapsDir, variants[v].dir), { recursive: true });
        writeFileSync(join(snapsDir, variants[v].dir, `${name.slice(0, 12)}.json`), JSON.stringify(m.snapshot));
      }
    }
  }
  best.forEach((m, v) => results[v].push({ page: name, ...m, snapshot: undefined }));
}
await browser.close();
server.close();

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const fmt = (x) => x.toFixed(3);
console.log(`${files.length} pages, ${reps} cold runs per variant and page (min); medians (p90)`);
console.log(['variant', 'walk ms', 'send ms', 'walk+send', 'µs/node', 'walk ratio to 0', 'w+s ratio to 0', 'KB', 'numbers'].join('\t'));
for (const [v, rows] of results.entries()) {
  const col = (fn) => `${fmt(quantile(rows.map(fn), 0.5))} (${fmt(quantile(rows.map(fn), 0.9))})`;
  const ratio = (fn) => fmt(quantile(rows.map((row, i) => fn(row) / fn(results[0][i])), 0.5));
  console.log([variants[v].name, col((r) => r.walk), col((r) => r.send), col((r) => r.walk + r.send), fmt(quantile(rows.map((r) => (1000 * r.walk) / r.nodes), 0.5)),
    ratio((r) => r.walk), ratio((r) => r.walk + r.send), fmt(quantile(rows.map((r) => r.bytes / 1024), 0.5)), quantile(rows.map((r) => r.numbers), 0.5)].join('\t'));
}
