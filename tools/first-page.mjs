// The first page after the background was stopped (Chromium stops an idle MV3 worker, Firefox
// unloads an idle event page): DOMContentLoaded → Unveil's verdict (data-unveil-state leaves
// "loading"), per unpacked extension, medians over AEB pages; the same page again with the
// background running for comparison. How the wake at document_start (content.js) and the
// warm-up (background/core.js) were decided: copies of dist/ without one or the other.
//   N=12 node tools/first-page.mjs chromium ../shared dist/chrome [other unpacked dirs…]
// Pages are served offline: a CSP blocks every other origin, stylesheets links are dropped.
import { createServer } from 'node:http';
import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { launch, poll } from '../tests/e2e/lib/browsers.mjs';

const [name, shared, ...variants] = process.argv.slice(2);
const N = Number(process.env.N || 8);
const htmlDir = join(shared, 'data', 'extraction', 'aeb', 'html');
const files = readdirSync(htmlDir).filter((f) => f.endsWith('.html.gz')).sort().slice(0, N);
const PROBE = `<script>(() => { const de = document.documentElement; window.__verdict = null;
  new MutationObserver(() => { const s = de.dataset.unveilState; if (window.__verdict === null && s && s !== 'loading') window.__verdict = { t: performance.now(), s }; })
    .observe(de, { attributes: true, attributeFilter: ['data-unveil-state'] }); })();</script>`;
const server = createServer((req, res) => {
  const f = req.url.split('?')[0].slice(1) + '.gz';
  if (!files.includes(f)) { res.writeHead(404); return res.end(); }
  let html = gunzipSync(readFileSync(join(htmlDir, f))).toString('utf8');
  // External stylesheets cannot load here: Unveil's wait for them (content.js STYLE_WAIT_MS)
  // would be what is measured in Firefox.
  html = html.replace(/<link\b[^>]*\bstylesheet\b[^>]*>/gi, '');
  const head = html.match(/<head[^>]*>/i);
  html = head ? html.replace(head[0], head[0] + PROBE) : PROBE + html;
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'" });
  res.end(html);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}/`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const med = (xs) => { xs = [...xs].sort((a, b) => a - b); const m = xs.length >> 1; return xs.length % 2 ? xs[m] : (xs[m - 1] + xs[m]) / 2; };

async function measure(browser, url) {
  const tab = await browser.open(url);
  const probe = await poll(() => tab.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    return window.__verdict && nav?.domContentLoadedEventStart ? { dcl: nav.domContentLoadedEventStart, verdict: window.__verdict.t, state: window.__verdict.s } : null;
  }), { timeout: 30_000, interval: 50, what: 'verdict' });
  await tab.close();
  return { ms: probe.verdict - probe.dcl, state: probe.state };
}

for (const ext of variants) {
  const browser = await launch(name, { ext });
  await sleep(1500);
  const cold = [];
  const warm = [];
  for (const f of files) {
    await browser.stopBackground();
    await sleep(500);
    const url = base + f.replace(/\.gz$/, '');
    cold.push(await measure(browser, url));
    warm.push(await measure(browser, url + '?again'));
  }
  await browser.close();
  const states = [...new Set(cold.map((r) => r.state))].join(',');
  console.log(`${name} ${ext.split('/').pop()}: first page after stop median ${med(cold.map((r) => r.ms)).toFixed(1)} ms [${cold.map((r) => r.ms.toFixed(0)).join(' ')}]; worker running median ${med(warm.map((r) => r.ms)).toFixed(1)} ms; states ${states}`);
}
server.close();
