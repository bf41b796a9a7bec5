import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFileSync, readdirSync, mkdtempSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
const [shared, ext, limit = 60] = process.argv.slice(2);
const htmlDir = join(shared, 'data/extraction/aeb/html');
const files = readdirSync(htmlDir).filter((f) => f.endsWith('.html.gz')).sort().slice(0, +limit);
const server = createServer((req, res) => { const f = `${req.url.slice(1)}.gz`; if (!files.includes(f)) { res.writeHead(404); return res.end(); }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'" }); res.end(gunzipSync(readFileSync(join(htmlDir, f)))); });
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'splits-')), { executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', `--disable-extensions-except=${ext}`, `--load-extension=${ext}`] });
const worker = context.serviceWorkers()[0] ?? await context.waitForEvent('serviceworker');
const page = await context.newPage();
for (const f of files) {
  await page.goto(`http://127.0.0.1:${server.address().port}/${f.slice(0, -3)}`);
  await page.waitForFunction(() => document.documentElement.dataset.unveilState && document.documentElement.dataset.unveilState !== 'loading', null, { timeout: 30000 });
}
await new Promise((r) => setTimeout(r, 500));
const { splits, reply } = await worker.evaluate(() => ({ splits: globalThis.__splits, reply: globalThis.__reply }));
const med = (a) => [...a].sort((x, y) => x - y)[a.length >> 1]; const mean = (a) => a.reduce((x, y) => x + y, 0) / a.length;
const names = ['encode', 'wasm call', 'JSON.parse', 'wasm: decode', 'wasm: analyse', 'wasm: write JSON', 'report chars', 'strings chars', 'numbers'];
names.forEach((n, i) => console.log(n.padEnd(18), 'median', med(splits.map((s) => s[i])).toFixed(3), 'mean', mean(splits.map((s) => s[i])).toFixed(3)));
console.log('sendResponse sync'.padEnd(18), 'median', med(reply).toFixed(3), 'mean', mean(reply).toFixed(3), 'n', reply.length);
await context.close(); server.close();
