// Captures the snapshots the page layer builds on the fixture pages, in a real headless
// Chromium, for the native table-driven test tests/overlay_pages.rs.
//
//   node tools/capture-snapshots.mjs                 # every positive/negative page
//   node tools/capture-snapshots.mjs demo pos-lang-de  # only these
//
// Writes tests/fixtures/overlays/<page>.snapshot.json:
//   { page, snapshot,            the full snapshot content.js takes at DOMContentLoaded
//     late: [snapshot…],         partial snapshots of what the observer flagged afterwards
//                                (late overlays, opened dialogs), in order
//     frames: {frameId: {snapshot, late}} }   same-origin frames (each analyses itself)
//
// The page layer writes snapshots in the core's wire format (src/snapshot/wire.rs); they are
// stored in JSON (nodes as arrays of their fields, trailing defaults left out), decoded by the
// core's own reader: `unveil snapshot` (build it first: cargo build --release --bin unveil).
//
// Unveil is NOT installed: the page-layer modules that take snapshots (snapshot.js, apply.js
// for HIDDEN_ATTR, observer.js) are injected unchanged into the page's main world before any
// page script runs, and a small harness drives them the way content.js does: full snapshot
// at DOMContentLoaded, then the observer's candidates as partial snapshots. Nothing is hidden,
// so what the observer sees is the page's own behaviour. The page's trigger (click, scroll,
// exit intent, wait) from its unveil-expect block is played as the E2E suite plays it.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { startServer } from '../tests/server.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PAGES_DIR = join(ROOT, 'tests', 'pages');
const OUT_DIR = join(ROOT, 'tests', 'fixtures', 'overlays');
// The page URLs in the files do not depend on the port the server happened to get.
const CANONICAL_ORIGIN = 'http://127.0.0.1:8765';
// What content.js is given to snapshot with; the rest of the content scripts need the
// extension APIs and decide nothing about snapshots.
const MODULES = ['content/snapshot.js', 'content/apply.js', 'content/observer.js'];
// The observer examines candidates at most once per frame or 250 ms: give it time to finish.
const SETTLE_MS = 700;
const CLI = join(ROOT, 'target', 'release', 'unveil');

const HARNESS = `(() => {
  const U = globalThis.Unveil;
  const capture = (globalThis.__unveilCapture = { full: null, late: [] });
  const observer = U.createObserver({
    log: () => {},
    onCandidates: (elements) => {
      const connected = elements.filter((element) => element.isConnected);
      if (!connected.length) return;
      const taken = U.snapshot(connected);
      observer.observeShadowRoots(taken.shadowRoots);
      if (taken.stats.nodes && !taken.stats.truncated) capture.late.push(taken.snapshot);
    },
    onRootChange: () => {},
    onUnhidden: () => {},
    onGrowth: () => {},
  });
  // content.js waits for the document's stylesheets (at most STYLE_WAIT_MS), then for a
  // rendered frame, before its snapshot, whose markSnapshot() starts the observer: so does
  // this harness. Stylesheets inside shadow roots start loading only
  // when a script attaches the root, and the snapshot does beat them (pos-shadow-root): they
  // are not waited for, the observer re-examines the root when they load.
  const STYLE_WAIT_MS = 1500;
  const sheetsPending = () =>
    [...document.querySelectorAll('link[rel~="stylesheet"]')].some((link) => !link.sheet);
  const whenStyled = (then) => {
    const began = performance.now();
    const check = () => (sheetsPending() && performance.now() - began < STYLE_WAIT_MS ? setTimeout(check, 10) : then());
    check();
  };
  const take = () => {
    const taken = U.snapshot();
    observer.markSnapshot();
    observer.observeShadowRoots(taken.shadowRoots);
    capture.full = taken.snapshot;
    observer.enable();
  };
  const afterAFrame = (then) => {
    let done = false;
    const once = () => { if (!done) { done = true; then(); } };
    requestAnimationFrame(() => setTimeout(once, 0));
    setTimeout(once, 100);
  };
  const start = () => whenStyled(() => afterAFrame(take));
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
})();`;

function moduleSource() {
  // Prefer the packaged build (what the E2E suite loads); fall back to the sources.
  const dist = join(ROOT, 'dist', 'chrome');
  const base = existsSync(join(dist, 'manifest.json')) ? dist : join(ROOT, 'extension');
  return MODULES.map((file) => readFileSync(join(base, file), 'utf8')).join('\n;\n');
}

function fixturePages(only) {
  const names = JSON.parse(readFileSync(join(PAGES_DIR, 'pages.json'), 'utf8'));
  return names
    .filter((name) => !only.length || only.includes(name))
    .map((name) => {
      const html = readFileSync(join(PAGES_DIR, `${name}.html`), 'utf8');
      const match = html.match(/<script type="application\/json" id="unveil-expect">([\s\S]*?)<\/script>/);
      return { name, expect: match ? JSON.parse(match[1]) : {} };
    })
    .filter(({ expect }) => expect.kind === 'positive' || expect.kind === 'negative');
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function playTrigger(page, trigger) {
  if (!trigger) return;
  if (trigger.click) await page.click(trigger.click);
  if (trigger.scroll) await page.evaluate((y) => window.scrollTo(0, y), trigger.scroll);
  if (trigger.exitIntent) {
    await page.evaluate(() => {
      const event = new MouseEvent('mouseout', { bubbles: true, clientX: 300, clientY: -2, relatedTarget: null });
      document.documentElement.dispatchEvent(event);
    });
  }
  if (trigger.wait) await sleep(trigger.wait);
}

/** Deterministic URLs: the server's random port becomes the canonical one. */
function canonical(value, origin) {
  return JSON.parse(JSON.stringify(value).split(origin).join(CANONICAL_ORIGIN));
}

async function captureFrame(frame) {
  return frame.evaluate(() => {
    const capture = globalThis.__unveilCapture;
    return capture && capture.full ? { snapshot: capture.full, late: capture.late } : null;
  });
}

async function capturePage(context, server, { name, expect }) {
  const page = await context.newPage();
  try {
    await page.goto(`${server.url}/${name}.html`, { waitUntil: 'load' });
    await playTrigger(page, expect.trigger);
    await sleep(SETTLE_MS);
    const top = await captureFrame(page.mainFrame());
    if (!top) throw new Error(`${name}: the harness took no snapshot`);
    const frames = {};
    for (const frame of page.mainFrame().childFrames()) {
      const element = await frame.frameElement().catch(() => null);
      const id = element ? await element.getAttribute('id') : null;
      const taken = await captureFrame(frame).catch(() => null);
      if (id && taken) frames[id] = taken;
    }
    return canonical(decodeCapture({ page: name, snapshot: top.snapshot, late: top.late, frames }), server.url);
  } finally {
    await page.close();
  }
}

/** A node of the JSON snapshot as the array of its fields, trailing defaults left out. */
function compactNode(node) {
  const l = node.layout;
  const layout = l && [l.x, l.y, l.width, l.height, l.position, l.z_index, l.opacity, l.blurred, l.pointer_events_none, l.overflow_hidden, l.top_layer, l.background_alpha];
  const row = [node.kind, node.parent, node.visible, node.tag, node.text, node.attrs, layout, node.shadow_depth];
  const isDefault = (value) => value === null || value === '' || value === 0 || (typeof value === 'object' && !Object.keys(value).length);
  while (row.length > 3 && isDefault(row.at(-1))) row.pop();
  return row;
}

/** The decoded snapshot with its keys in the order of the Rust structs (the CLI sorts them). */
function inFieldOrder({ url, title, lang, viewport, meta, json_ld, root, nodes, partial, truncated }) {
  const style = ({ overflow_y, position, top, class: className }) => ({ overflow_y, position, top, class: className });
  return {
    url, title, lang, viewport: { width: viewport.width, height: viewport.height },
    meta: meta.map(({ key, content }) => ({ key, content })), json_ld,
    root: { html: style(root.html), body: style(root.body) },
    nodes: nodes.map(compactNode), partial, truncated,
  };
}

/** Every wire-format snapshot of a capture in JSON, read by the core (`unveil snapshot`). */
function decodeCapture(capture) {
  const wires = [capture.snapshot, ...capture.late, ...Object.values(capture.frames).flatMap((f) => [f.snapshot, ...f.late])];
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: cargo build --release --bin unveil`);
  const input = wires.map((wire, id) => JSON.stringify({ id, ...wire })).join('\n');
  const run = spawnSync(CLI, ['snapshot', '--jsonl', '-'], { input, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (run.status !== 0) throw new Error(`unveil snapshot failed: ${run.stderr}`);
  const decoded = new Map();
  for (const line of run.stdout.trim().split('\n')) {
    const out = JSON.parse(line);
    if (out.error) throw new Error(`${capture.page}: ${out.error}`);
    decoded.set(wires[out.id], inFieldOrder(out.snapshot));
  }
  const frames = Object.fromEntries(Object.entries(capture.frames).map(([id, f]) => [id, { snapshot: decoded.get(f.snapshot), late: f.late.map((w) => decoded.get(w)) }]));
  return { page: capture.page, snapshot: decoded.get(capture.snapshot), late: capture.late.map((w) => decoded.get(w)), frames };
}

// One node (or meta tag, or layout) a line: small files that diff well.
function format(value, indent = '') {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (!value.length) return '[]';
    const compact = value.every((item) => item === null || typeof item !== 'object' || !('nodes' in item));
    const items = value.map((item) => (compact ? JSON.stringify(item) : format(item, inner)));
    return `[\n${items.map((item) => inner + item).join(',\n')}\n${indent}]`;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (!entries.length) return '{}';
    const body = entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${format(item, inner)}`);
    return `{\n${body.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

const only = process.argv.slice(2);
const pages = fixturePages(only);
const server = await startServer({ port: 0 });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_BIN ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--no-first-run', '--disable-gpu'],
});
try {
  // The same default viewport (1280×720) as the E2E suite's persistent context.
  const context = await browser.newContext();
  await context.addInitScript({ content: `${moduleSource()}\n;\n${HARNESS}` });
  mkdirSync(OUT_DIR, { recursive: true });
  for (const entry of pages) {
    const captured = await capturePage(context, server, entry);
    const file = join(OUT_DIR, `${entry.name}.snapshot.json`);
    writeFileSync(file, `${format(captured)}\n`);
    const late = captured.late.length ? `, ${captured.late.length} late` : '';
    const frames = Object.keys(captured.frames).length ? `, frames: ${Object.keys(captured.frames).join(' ')}` : '';
    console.log(`${entry.name}: ${captured.snapshot.nodes.length} nodes${late}${frames}`);
  }
} finally {
  await browser.close();
  await server.close();
}
