// What runtime.sendMessage costs a content script on the page's main thread, by message: a probe
// extension (written to a temporary directory: snapshot.js plus a probe script; its background
// only answers) takes each AEB page's wire snapshot a frame after load, as Unveil does, sends a
// tiny message first (Unveil's wake), then times the synchronous part of ONE sendMessage of the
// variant asked for — the first big message of the page, as ANALYZE is. One page load per page
// and variant, variants rotated; medians over pages (performance.now() is coarsened to 0.1 ms
// in a page that is not cross-origin isolated: use enough pages).
//   nice node tools/send-probe.mjs SHARED [--limit N] [--structured-clone] [variant,…]
// variants: full (the snapshot as sent), half / double (its strings halved / doubled), tiny,
// json (the message pre-stringified: a string), bytes (strings as UTF-8 in a Uint8Array; only
// meaningful with --structured-clone, Chrome 148+'s "message_serialization").
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFileSync, readdirSync, writeFileSync, mkdtempSync, rmSync, copyFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const args = process.argv.slice(2);
const flag = (name) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args.splice(at, 1).length > 0 : false;
};
const valued = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args.splice(at, 2)[1] : fallback;
};
const structuredClone = flag('structured-clone');
const limit = Number(valued('limit', 60));
const [shared, list = 'tiny,full,half,double,json'] = args;
if (!shared) throw new Error('usage: node tools/send-probe.mjs SHARED [--limit N] [--structured-clone] [variant,…]');
const variants = list.split(',');

const ext = mkdtempSync(join(tmpdir(), 'unveil-send-probe-'));
copyFileSync(new URL('../extension/content/snapshot.js', import.meta.url), join(ext, 'snapshot.js'));
writeFileSync(join(ext, 'manifest.json'), JSON.stringify({
  manifest_version: 3, name: 'send probe', version: '1', background: { service_worker: 'background.js' },
  content_scripts: [{ matches: ['http://*/*'], js: ['snapshot.js', 'probe.js'], run_at: 'document_idle' }],
  ...(structuredClone ? { message_serialization: 'structured_clone' } : {}),
}));
writeFileSync(join(ext, 'background.js'), 'chrome.runtime.onMessage.addListener((m, s, reply) => { reply({ ok: true }); });\n');
writeFileSync(join(ext, 'probe.js'), `(async () => {
  const variant = new URL(location.href).searchParams.get('v');
  await chrome.runtime.sendMessage({ type: 'WAKE', payload: {} });
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const snap = Unveil.snapshot().snapshot;
  const message = (snapshot) => ({ type: 'ANALYZE', payload: { snapshot } });
  const make = {
    tiny: () => ({ type: 'ANALYZE', payload: {} }),
    full: () => message(snap),
    half: () => message({ strings: snap.strings.slice(0, snap.strings.length >> 1), numbers: snap.numbers }),
    double: () => message({ strings: snap.strings + snap.strings, numbers: snap.numbers }),
    json: () => JSON.stringify(message(snap)),
    bytes: () => message({ strings: new TextEncoder().encode(snap.strings), numbers: snap.numbers }),
  }[variant];
  const sent = make();
  await new Promise((r) => setTimeout(r, 0));
  const t0 = performance.now();
  const reply = chrome.runtime.sendMessage(sent);
  const ms = performance.now() - t0;
  await reply;
  document.documentElement.dataset.sendProbe = String(ms);
})();
`);

const htmlDir = join(shared, 'data', 'extraction', 'aeb', 'html');
const files = readdirSync(htmlDir).filter((f) => f.endsWith('.html.gz')).sort().slice(0, limit);
const server = createServer((req, res) => {
  const f = `${req.url.split('?')[0].slice(1)}.gz`;
  if (!files.includes(f)) {
    res.writeHead(404);
    return res.end();
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'" });
  res.end(gunzipSync(readFileSync(join(htmlDir, f))));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));

const profile = mkdtempSync(join(tmpdir(), 'unveil-send-probe-profile-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', `--disable-extensions-except=${ext}`, `--load-extension=${ext}`],
});
const page = await context.newPage();
const times = Object.fromEntries(variants.map((v) => [v, []]));
for (const [i, f] of files.entries()) {
  for (let k = 0; k < variants.length; k++) {
    const v = variants[(k + i) % variants.length];
    await page.goto(`http://127.0.0.1:${server.address().port}/${f.slice(0, -'.gz'.length)}?v=${v}`);
    await page.waitForFunction(() => document.documentElement.dataset.sendProbe, null, { timeout: 20000 });
    times[v].push(Number(await page.evaluate(() => document.documentElement.dataset.sendProbe)));
  }
}
await context.close();
server.close();
rmSync(ext, { recursive: true, force: true });
rmSync(profile, { recursive: true, force: true });

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
console.log(`${files.length} pages${structuredClone ? ', structured clone' : ', JSON'}: the synchronous part of sendMessage, ms (median / mean)`);
for (const v of variants) console.log(`  ${v.padEnd(8)} ${median(times[v]).toFixed(2)} / ${mean(times[v]).toFixed(3)}`);
