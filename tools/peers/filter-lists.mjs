#!/usr/bin/env node
// Side by side with filter lists: what AdGuard's annoyance lists (part of uBlock Origin's
// "Annoyances" category) hide on the pages Unveil is tested on, measured with the same checks.
//
//   node tools/peers/filter-lists.mjs [--shared DIR] [--only fixtures|real] [--list FILE]… [--json FILE]
//   (./build.sh peers runs it after building the extension and the CLI)
//
// 1. The lists: npm pack of @adguard/dnr-rulesets at the pinned version into target/peers/
//    (once; never a dependency of the build, never committed). Each ruleset embeds the raw
//    filter list it was compiled from ("rawFilterList"); that text is what we parse.
// 2. Their cosmetic rules become a stylesheet, as an adblocker would apply it on a page's
//    domain. What a stylesheet cannot express (scriptlets, procedural selectors, HTML
//    filtering, network rules) is counted and skipped.
// 3. The fixture pages of the E2E suite (tests/pages) in headless Chromium: the peer = page
//    loaded without the extension and the lists' CSS injected; Unveil = packaged extension
//    (dist/chrome) loaded. Both are judged by the E2E suite's own inspectPage().
// 4. The real saved pages of ../shared/data/overlays: per listed element, is it hidden by the
//    generic rules, by generic + that site's rules; is a TRAP element hidden. Beside it, the
//    CLI's static recognition (`unveil eval overlays --json`) on the same lines.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ROOT, launch } from '../../tests/e2e/lib/browsers.mjs';
import { SETTINGS_OVERLAYS_ONLY, fixturePages, inspectPage, inspectUntilClean, runTrigger, serializeDom, sleep } from '../../tests/e2e/lib/fixtures.mjs';
import { startServer } from '../../tests/server.mjs';

const PACKAGE = '@adguard/dnr-rulesets';
const VERSION = '3.3.20260320140136';
const PEERS_DIR = join(ROOT, 'target', 'peers');
const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
// uBO's Annoyances category holds these AdGuard lists (plus EasyList/Fanboy lists, which no
// package registry carries). Cookie notices are a separate peer: Unveil leaves them alone on
// purpose (neg-cookie-banner), so folding them in would mix two different goals.
const LISTS = { 19: 'AdGuard Popups', 21: 'AdGuard Other Annoyances', 22: 'AdGuard Widgets', 18: 'AdGuard Cookie Notices' };
const PEERS = [
  { name: 'AdGuard Popups + Other Annoyances + Widgets', lists: [19, 21, 22] },
  { name: '… + AdGuard Cookie Notices', lists: [19, 21, 22, 18] },
];
const FIXTURE_HOST = '127.0.0.1';

// ---- the lists ---------------------------------------------------------------------------

/** The raw text of filter list `id`, fetched once into target/peers/ with npm pack + tar. */
function rawList(id) {
  const dir = join(PEERS_DIR, `dnr-rulesets-${VERSION}`);
  const file = join(dir, `filter_${id}.txt`);
  if (existsSync(file)) return readFileSync(file, 'utf8');
  const tgz = join(PEERS_DIR, `adguard-dnr-rulesets-${VERSION}.tgz`);
  mkdirSync(dir, { recursive: true });
  if (!existsSync(tgz)) execFileSync('npm', ['pack', `${PACKAGE}@${VERSION}`, '--silent'], { cwd: PEERS_DIR, stdio: ['ignore', 'ignore', 'inherit'] });
  const member = `package/dist/filters/declarative/ruleset_${id}/ruleset_${id}.json`;
  execFileSync('tar', ['xzf', tgz, '-C', dir, member]);
  const ruleset = JSON.parse(readFileSync(join(dir, member), 'utf8'));
  const text = ruleset[0]?.metadata?.rawFilterList;
  if (typeof text !== 'string') throw new Error(`${member} has no rawFilterList`);
  writeFileSync(file, text);
  return text;
}

// A cosmetic rule: domains, a marker (##, #@#, #$#, #%#, #?#, …) and a body. Domains never hold '#'.
const COSMETIC = /^([^#]*?)(#@?(?:\$\?|\$|\?|%)?#)(.*)$/;
// Pseudo-classes only ExtendedCss / uBO's procedural engine understand; `:has`, `:is`, `:not`
// are native in Chromium and stay.
const PROCEDURAL = /:(?:has-text|contains|-abp-[a-z-]+|upward|xpath|matches-(?:css(?:-before|-after)?|attr|property|prop|path|media)|min-text-length|nth-ancestor|watch-attr|others|if|if-not|remove-attr|remove-class|shadow|spath|not-has-text)\(|\[-ext-/;
const GENERICHIDE = /^@@\|\|([^/^$*]+)\^?[^$]*\$(.*)$/;

/** Parses one list into kept rules, exceptions, $generichide domains and counts of what was skipped. */
function parseList(text) {
  const out = { rules: [], exceptions: [], generichide: [], elemhide: [], skipped: {}, lines: 0 };
  const skip = (why) => (out.skipped[why] = (out.skipped[why] ?? 0) + 1);
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('!') || line.startsWith('[Adblock')) continue;
    out.lines++;
    if (line.startsWith('[$')) {
      skip('[$path]/[$domain] modifiers'); // page-path conditions: site-specific, not generic
      continue;
    }
    const cosmetic = line.match(COSMETIC);
    if (!cosmetic) {
      noteNetworkRule(line, out);
      skip(/\$@?\$/.test(line) ? 'HTML filtering ($$)' : 'network rules');
      continue;
    }
    const [, domainText, marker, body] = cosmetic;
    const rule = cosmeticRule(domainText, marker, body);
    if (typeof rule === 'string') skip(rule);
    else (rule.exception ? out.exceptions : out.rules).push(rule);
  }
  return out;
}

/** `@@||example.com^$generichide` switches generic cosmetic rules off on that site. */
function noteNetworkRule(line, out) {
  const match = line.match(GENERICHIDE);
  if (!match) return;
  const options = match[2].split(',');
  if (options.some((o) => o === 'elemhide' || o === 'ehide')) out.elemhide.push(match[1]);
  else if (options.some((o) => o === 'generichide' || o === 'ghide')) out.generichide.push(match[1]);
}

/** A kept rule { domains, selector, style, exception }, or why it was skipped (a string). */
function cosmeticRule(domainText, marker, body) {
  const exception = marker.includes('@');
  const domains = domainText ? domainText.split(',').map((d) => d.trim()).filter(Boolean) : [];
  if (marker.includes('%') || body.startsWith('+js(')) return 'scriptlets and JS (#%#, ##+js)';
  if (body.startsWith('^')) return 'HTML filtering (##^)';
  if (domains.some((d) => d.startsWith('/') || d.startsWith('~/'))) return 'regex domains';
  let selector = body;
  let style = null;
  if (marker.includes('$')) {
    // AdGuard CSS injection: `selector { declarations }`.
    const open = body.lastIndexOf('{');
    if (open < 0 || !body.trimEnd().endsWith('}') || body.startsWith('@')) return 'CSS injection not a plain rule (@media …)';
    selector = body.slice(0, open).trim();
    style = body.slice(open + 1, body.trimEnd().length - 1).trim();
    if (/\bremove\s*:\s*true/.test(style)) style = null; // `remove: true` removes the element: a hide
  } else {
    const ubo = body.match(/^(.*):style\((.*)\)$/);
    if (ubo) [, selector, style] = ubo;
    // uBO's :remove() takes the element out; for what the reader sees that is a hide.
    else if (body.endsWith(':remove()')) selector = body.slice(0, -':remove()'.length);
  }
  if (PROCEDURAL.test(selector)) return 'procedural selectors (:has-text, :upward, :xpath, …)';
  // An exception lifts the rules written with the same marker and body: `#@#x` lifts `##x`, not `#$#x {…}`.
  return { domains, selector, style, exception, key: marker.replace('@', '') + body };
}

// ---- which rules apply on a host ----------------------------------------------------------

/** `example.com` also covers its subdomains; `example.*` any public suffix. */
function hostMatches(host, domain) {
  if (domain.endsWith('.*')) {
    const base = domain.slice(0, -2).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(^|\\.)${base}\\.[a-z]{2,}(\\.[a-z]{2,})?$`).test(host);
  }
  return host === domain || host.endsWith(`.${domain}`);
}

/** 'generic' (no domain named, or only ~excluded ones), 'site' (names this host), or null. */
function scopeOn(rule, host) {
  const excluded = rule.domains.filter((d) => d.startsWith('~')).some((d) => hostMatches(host, d.slice(1)));
  if (excluded) return null;
  const included = rule.domains.filter((d) => !d.startsWith('~'));
  if (included.length === 0) return 'generic';
  return included.some((d) => hostMatches(host, d)) ? 'site' : null;
}

/**
 * The CSS rules an adblocker would apply on `host`: generic ones only, or generic + the site's
 * own. Exceptions (#@#) lift a rule; $generichide / $elemhide lift whole groups.
 * Returns [{ css, selector, hides }].
 */
function stylesheetFor(parsed, host, { site }) {
  const lifted = new Set(parsed.exceptions.filter((e) => scopeOn(e, host) && (site || scopeOn(e, host) === 'generic')).map((e) => e.key));
  // $generichide / $elemhide name a site: like its exceptions, they count only with its rules.
  const elemhide = site && parsed.elemhide.some((d) => hostMatches(host, d));
  const generichide = elemhide || (site && parsed.generichide.some((d) => hostMatches(host, d)));
  const out = [];
  for (const rule of parsed.rules) {
    const scope = scopeOn(rule, host);
    if (!scope || lifted.has(rule.key)) continue;
    if (scope === 'generic' && generichide) continue;
    if (scope === 'site' && (!site || elemhide)) continue;
    const declarations = rule.style ?? 'display: none !important;';
    out.push({ css: `${rule.selector} { ${declarations} }`, selector: rule.selector, hides: rule.style === null || /display\s*:\s*none|visibility\s*:\s*hidden/.test(rule.style) });
  }
  return out;
}

/** The lists of one peer merged: their rules, exceptions and $generichide domains together. */
function mergeLists(parsedById, ids) {
  const merged = { rules: [], exceptions: [], generichide: [], elemhide: [] };
  for (const id of ids) for (const key of Object.keys(merged)) merged[key].push(...parsedById[id][key]);
  return merged;
}

// ---- in the page ---------------------------------------------------------------------------

/**
 * Init script (every frame, before the page's own scripts): the rules in one constructed
 * stylesheet, inserted one by one so that a selector this browser rejects drops only itself.
 * Constructed sheets are not in the DOM, like an adblocker's injected CSS.
 */
function injectSheet(rules) {
  const sheet = new CSSStyleSheet();
  let invalid = 0;
  for (const rule of rules) {
    try {
      sheet.insertRule(rule, sheet.cssRules.length);
    } catch {
      invalid++;
    }
  }
  window.__peerSheet = sheet;
  window.__peerInvalid = invalid;
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

/**
 * Marks what the lists' CSS hides with data-unveil-hidden="filter-list" — the topmost elements
 * rendered with the sheet off and not with it on — so that inspectPage(), which looks for
 * Unveil's marks, judges the peer by the very same rules. Returns the number marked.
 */
function markPeerHidden() {
  const docs = [];
  const visitDoc = (doc) => {
    docs.push(doc);
    for (const frame of doc.querySelectorAll('iframe, frame')) {
      try {
        if (frame.contentDocument) visitDoc(frame.contentDocument);
      } catch {
        /* cross-origin */
      }
    }
  };
  visitDoc(document);
  const elements = [];
  const collect = (root) => {
    for (const el of root.querySelectorAll('*')) {
      elements.push(el);
      if (el.shadowRoot) collect(el.shadowRoot);
    }
  };
  docs.forEach(collect);
  const sheets = docs.map((doc) => doc.defaultView && doc.defaultView.__peerSheet).filter(Boolean);
  const rendered = (el) => el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
  sheets.forEach((sheet) => (sheet.disabled = true));
  const before = elements.map(rendered);
  sheets.forEach((sheet) => (sheet.disabled = false));
  const hidden = new Set(elements.filter((el, i) => before[i] && !rendered(el)));
  const parent = (el) => el.parentElement || (el.parentNode && el.parentNode.host) || null;
  let marked = 0;
  for (const el of elements) {
    const want = hidden.has(el) && !hidden.has(parent(el));
    // Only touch attributes that change: pages watching their DOM should see as little as possible.
    if (want !== (el.getAttribute('data-unveil-hidden') === 'filter-list')) {
      if (want) el.setAttribute('data-unveil-hidden', 'filter-list');
      else el.removeAttribute('data-unveil-hidden');
    }
    if (want) marked++;
  }
  return marked;
}

// ---- fixture pages -------------------------------------------------------------------------

/** What a problem line from inspectPage() is about (the columns of the table). */
function checkOf(problem) {
  if (/^expected hidden/.test(problem)) return 'overlay hidden';
  if (/scroll|overflow|position: fixed/.test(problem)) return 'page scrolls';
  if (/^article|^a modal/.test(problem)) return 'article visible';
  if (/^unexpected hidden/.test(problem)) return 'nothing else hidden';
  return 'negative untouched';
}
const CHECKS = ['overlay hidden', 'page scrolls', 'article visible', 'nothing else hidden', 'negative untouched'];

/** The page's expectations without Unveil's category names (a filter list has no categories). */
function neutral(expect) {
  const { categories, ...rest } = expect;
  return rest;
}

/** Playwright page as the small tab interface runTrigger() needs. */
function asTab(page) {
  return { evaluate: (fn, arg = null) => page.evaluate(fn, arg), click: (selector) => page.click(selector) };
}

/** Peer: page without the extension, lists' CSS injected; marks, then inspectPage, until clean. */
async function peerCheck(context, url, expect) {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    const tab = asTab(page);
    await runTrigger(tab, expect.trigger);
    const deadline = Date.now() + (expect.kind === 'negative' ? 600 : 2500);
    let result;
    do {
      await tab.evaluate(markPeerHidden);
      result = await tab.evaluate(inspectPage, neutral(expect));
      if (result.problems.length === 0) break;
      await sleep(150);
    } while (Date.now() < deadline);
    result.invalid = await tab.evaluate(() => window.__peerInvalid ?? null);
    return result;
  } finally {
    await page.close();
  }
}

/** Unveil: the packaged extension, exactly as the E2E suite drives it; negatives byte-for-byte. */
async function unveilCheck(browser, url, expect, reference) {
  const tab = await browser.open(url);
  try {
    await tab.waitForUnveil({ state: 'ready' });
    await runTrigger(tab, expect.trigger);
    const result = await inspectUntilClean(tab, neutral(expect), { timeout: expect.kind === 'negative' ? 600 : 2500 });
    if (expect.kind === 'negative' && (await tab.evaluate(serializeDom)) !== reference) result.problems.push('untouched: the DOM changed with Unveil on');
    return result;
  } finally {
    await tab.close();
  }
}

/** The DOM of a page in a browser with nothing applied, after its trigger (for negatives). */
async function referenceDom(context, url, expect) {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    await runTrigger(asTab(page), expect.trigger);
    return await page.evaluate(serializeDom);
  } finally {
    await page.close();
  }
}

async function runFixtures(peers) {
  const pages = fixturePages().filter((p) => p.expect.kind === 'positive' || p.expect.kind === 'negative');
  const server = await startServer({ port: 0 });
  const { chromium } = await import('playwright-core');
  const plain = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const rows = pages.map((p) => ({ name: p.name, kind: p.expect.kind, results: {} }));
  try {
    for (const peer of peers) {
      const context = await plain.newContext();
      await context.addInitScript(injectSheet, peer.sheets[FIXTURE_HOST].map((r) => r.css));
      for (const [i, page] of pages.entries()) rows[i].results[peer.name] = await peerCheck(context, `${server.url}/${page.file}`, page.expect);
      await context.close();
    }
    const bare = await plain.newContext();
    const references = {};
    for (const page of pages) if (page.expect.kind === 'negative') references[page.name] = await referenceDom(bare, `${server.url}/${page.file}`, page.expect);
    await bare.close();
    const browser = await launch('chromium');
    try {
      await browser.setSettings(SETTINGS_OVERLAYS_ONLY);
      for (const [i, page] of pages.entries()) rows[i].results.Unveil = await unveilCheck(browser, `${server.url}/${page.file}`, page.expect, references[page.name]);
    } finally {
      await browser.close();
    }
  } finally {
    await plain.close();
    await server.close();
  }
  return rows;
}

// ---- real saved pages ----------------------------------------------------------------------

/** fixtures.txt lines: { path, url, element, kind, trap } (the columns `unveil eval overlays` reads). */
function readFixtureLines(dir) {
  return readFileSync(join(dir, 'fixtures.txt'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => line.split(' | ').map((field) => field.trim()))
    .filter((fields) => fields.length >= 5)
    .map(([, path, url, element, kind]) => ({ path, url: url === '-' ? null : url, element, kind, trap: kind.startsWith('TRAP') || kind.includes('not overlay') }));
}

/** The page's host: the URL column, else its canonical / og:url link, else the file name. */
function hostOf(line, html) {
  const candidates = [
    line.url,
    html.match(/<link[^>]+rel=["']?canonical["']?[^>]*href=["']([^"']+)/i)?.[1],
    html.match(/<link[^>]+href=["']([^"']+)["'][^>]*rel=["']?canonical/i)?.[1],
    html.match(/<meta[^>]+property=["']og:url["'][^>]*content=["']([^"']+)/i)?.[1],
  ];
  for (const candidate of candidates) {
    try {
      if (candidate && /^https?:/.test(candidate)) return new URL(candidate).hostname;
    } catch {
      /* not a URL */
    }
  }
  return line.path.match(/__((?:[a-z0-9-]+\.)+(?:com|org|net|co\.uk|de|fr))(?:[.-]|$)/)?.[1] ?? mostLinkedHost(html);
}

/** Last resort for pages saved without their URL: the host most of the page's own links point to. */
function mostLinkedHost(html) {
  const counts = new Map();
  for (const [, host] of html.matchAll(/<a\s[^>]*href=["']https?:\/\/([a-z0-9.-]+)/gi)) counts.set(host.toLowerCase(), (counts.get(host.toLowerCase()) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/**
 * In the page: for each listed element, the index of the rule that hides it or an ancestor.
 * Every hiding rule sets an inherited custom property to its index, so the element's computed
 * value names the rule — also for elements a page mounts hidden (display: none), which static
 * recognition counts too. The element is found as `unveil eval overlays` finds it: the first
 * `tag#id.class…` in document order, the last class matching as a prefix.
 */
function hitsInPage({ rules, unlocks, specs }) {
  const sheet = new CSSStyleSheet();
  rules.forEach((rule, i) => {
    try {
      sheet.insertRule(`${rule.selector} { --peer-hit: ${i} !important; }`, sheet.cssRules.length);
    } catch {
      /* invalid in this browser */
    }
  });
  document.adoptedStyleSheets = [sheet];
  const locate = (spec) => {
    const [head, ...classes] = spec.split('.');
    const [tag, id] = head.split('#');
    return [...document.getElementsByTagName(tag)].find((el) => (!id || el.id === id) && classes.every((c, i) => el.classList.contains(c) || (i === classes.length - 1 && [...el.classList].some((k) => k.startsWith(c))))) ?? null;
  };
  return specs.map((spec) => {
    const el = locate(spec);
    if (!el) return { found: false, hit: null, unlock: null };
    const value = getComputedStyle(el).getPropertyValue('--peer-hit').trim();
    const unlock = unlocks.find((selector) => {
      try {
        return el.matches(selector);
      } catch {
        return false;
      }
    });
    return { found: true, hit: value === '' ? null : Number(value), unlock: unlock ?? null };
  });
}

async function runRealPages(dir, peers) {
  const lines = readFixtureLines(dir);
  const byPath = groupBy(lines, (l) => l.path);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    for (const [path, pageLines] of byPath) {
      const bytes = readFileSync(join(dir, path));
      const html = (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('latin1');
      const host = hostOf(pageLines[0], html);
      for (const line of pageLines) line.host = host;
      // Served from memory with scripts forbidden and every other request aborted: static HTML, as the CLI sees it.
      const context = await browser.newContext();
      // Only the top document: frames would load the page again (and again).
      const isTop = (request) => request.isNavigationRequest() && request.frame().parentFrame() === null;
      await context.route('**/*', (route) =>
        isTop(route.request()) ? route.fulfill({ status: 200, body: path.endsWith('.gz') ? gunzipSync(bytes) : bytes, headers: { 'content-type': 'text/html', 'content-security-policy': "script-src 'none'" } }) : route.abort(),
      );
      const page = await context.newPage();
      await page.goto('http://saved-page.test/', { waitUntil: 'load' });
      for (const peer of peers) {
        for (const scope of ['generic', 'site']) {
          const sheet = stylesheetFor(peer.parsed, host ?? 'unknown.invalid', { site: scope === 'site' });
          const rules = sheet.filter((r) => r.hides);
          // A scroll lock on <html>/<body> is undone by a CSS rule that sets overflow on it, not by a hide.
          const unlocks = sheet.filter((r) => !r.hides && /overflow/.test(r.css)).map((r) => r.selector);
          const hits = await page.evaluate(hitsInPage, { rules, unlocks, specs: pageLines.map((l) => l.element) });
          hits.forEach((hit, i) => {
            const rootLock = pageLines[i].kind.includes('scroll-lock');
            const selector = rootLock ? hit.unlock : hit.hit === null ? null : rules[hit.hit].selector;
            (pageLines[i].peers ??= {})[`${peer.name}|${scope}`] = selector;
          });
          pageLines.forEach((line, i) => (line.found = hits[i].found));
        }
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
  addUnveilRecognition(dir, lines);
  return lines;
}

function groupBy(items, key) {
  const map = new Map();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
}

/** Unveil's static-HTML recognition of the same lines, from the CLI (same order as fixtures.txt). */
function addUnveilRecognition(dir, lines) {
  const cli = join(ROOT, 'target', 'release', 'unveil');
  // It exits non-zero when a TRAP is chosen; the JSON is printed either way.
  const run = spawnSync(cli, ['eval', 'overlays', dir, '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (!run.stdout) throw new Error(`${cli} eval overlays failed: ${run.stderr || run.error}`);
  const report = JSON.parse(run.stdout);
  report.lines.forEach((entry, i) => {
    if (lines[i]?.element !== entry.element) throw new Error(`line ${i}: the CLI read ${entry.element}, we read ${lines[i]?.element}`);
    lines[i].unveil = entry.recognised;
  });
}

// ---- output --------------------------------------------------------------------------------

const table = (header, rows) => [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

function listSummary(parsedById, names) {
  const rows = Object.entries(parsedById).map(([id, p]) => {
    const count = (pred) => p.rules.filter(pred).length;
    const generic = (r) => r.domains.every((d) => d.startsWith('~'));
    const skipped = Object.entries(p.skipped).sort((a, b) => b[1] - a[1]).map(([why, n]) => `${n} ${why}`).join('; ');
    return [names[id], p.lines, count((r) => generic(r) && r.style === null), count((r) => generic(r) && r.style !== null), count((r) => !generic(r)), p.exceptions.length, skipped];
  });
  return table(['list', 'rules', 'generic hide', 'generic CSS', 'site-specific cosmetic', 'exceptions', 'skipped (a stylesheet cannot express them)'], rows);
}

function fixtureSummary(rows, names) {
  const positives = rows.filter((r) => r.kind === 'positive');
  const negatives = rows.filter((r) => r.kind === 'negative');
  const passing = (set, name, check) => set.filter((r) => !r.results[name].problems.some((p) => !check || checkOf(p) === check)).length;
  const lines = [
    ['positive pages passing every check', ...names.map((n) => `${passing(positives, n)} / ${positives.length}`)],
    ...CHECKS.slice(0, 4).map((check) => [`– ${check}`, ...names.map((n) => `${passing(positives, n, check)} / ${positives.length}`)]),
    ['negative pages left untouched', ...names.map((n) => `${passing(negatives, n)} / ${negatives.length}`)],
  ];
  return table(['fixture pages (headless Chromium)', ...names], lines);
}

function fixtureDetail(rows, names) {
  const cell = (result) => (result.problems.length ? [...new Set(result.problems.map(checkOf))].map((c) => `✗ ${c}`).join(', ') : '✓');
  return table(['page', ...names], rows.map((r) => [r.name, ...names.map((n) => cell(r.results[n]))]));
}

function realSummary(lines, peers) {
  const overlays = lines.filter((l) => !l.trap);
  const traps = lines.filter((l) => l.trap);
  const hit = (l, key) => Boolean(l.peers?.[key]);
  const rows = [['Unveil (static HTML recognition, `unveil eval overlays`)', `${overlays.filter((l) => l.unveil).length} / ${overlays.length}`, `${traps.filter((l) => l.unveil).length} / ${traps.length}`]];
  for (const peer of peers) {
    for (const scope of ['generic', 'site']) {
      const key = `${peer.name}|${scope}`;
      const label = `${peer.name}: ${scope === 'generic' ? 'generic rules only' : "generic + the site's rules"}`;
      rows.push([label, `${overlays.filter((l) => hit(l, key)).length} / ${overlays.length}`, `${traps.filter((l) => hit(l, key)).length} / ${traps.length}`]);
    }
  }
  return table(['real saved pages (data/overlays)', 'overlay elements hidden / recognised', 'TRAP elements hidden'], rows);
}

function realDetail(lines, peers) {
  const last = peers[peers.length - 1].name;
  const mark = (l, scope) => l.peers?.[`${last}|${scope}`] ?? '';
  return table(['element', 'kind', 'host', 'Unveil', `hidden by (${last}): generic rule`, "generic + site's rules"], lines.map((l) => [l.element.slice(0, 50), l.kind, l.host ?? '?', l.unveil ? '✓' : '', `\`${mark(l, 'generic')}\``.replace('``', ''), `\`${mark(l, 'site')}\``.replace('``', '')]));
}

// ---- main ----------------------------------------------------------------------------------

function parseArgs(argv) {
  const args = { shared: join(ROOT, '..', 'shared'), only: null, json: join(PEERS_DIR, 'filter-lists.json'), lists: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--shared') args.shared = argv[++i];
    else if (argv[i] === '--list') args.lists.push(argv[++i]);
    else if (argv[i] === '--only') args.only = argv[++i];
    else if (argv[i] === '--json') args.json = argv[++i];
    else throw new Error(`unknown argument ${argv[i]} (usage: filter-lists.mjs [--shared DIR] [--only fixtures|real] [--list FILE]… [--json FILE])`);
  }
  return args;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  mkdirSync(PEERS_DIR, { recursive: true });
  const parsedById = Object.fromEntries(Object.keys(LISTS).map((id) => [id, parseList(rawList(id))]));
  // --list FILE: any other list in the same syntax (e.g. a local copy of Fanboy's Annoyances) as one more peer.
  const listNames = Object.fromEntries(Object.entries(LISTS).map(([id, name]) => [id, `${name} (filter_${id})`]));
  for (const file of args.lists) {
    listNames[file] = basename(file);
    parsedById[file] = parseList(readFileSync(file, 'utf8'));
  }
  const peers = [...PEERS, ...args.lists.map((file) => ({ name: basename(file), lists: [file] }))].map((peer) => {
    const parsed = mergeLists(parsedById, peer.lists);
    return { ...peer, parsed, sheets: { [FIXTURE_HOST]: stylesheetFor(parsed, FIXTURE_HOST, { site: true }) } };
  });
  const names = ['Unveil', ...peers.map((p) => p.name)];
  console.log(`${PACKAGE}@${VERSION} (lists dated ${[...new Set(Object.keys(LISTS).map((id) => rawList(id).match(/TimeUpdated: (\S{10})/)?.[1]))].join(', ')})\n`);
  console.log(listSummary(parsedById, listNames) + '\n');
  for (const peer of peers) console.log(`${peer.name}: ${peer.sheets[FIXTURE_HOST].length} CSS rules apply on ${FIXTURE_HOST} (generic; no rule names it)`);
  const report = { package: `${PACKAGE}@${VERSION}`, skipped: Object.fromEntries(Object.entries(parsedById).map(([id, p]) => [id, p.skipped])) };
  if (args.only !== 'real') {
    report.fixtures = await runFixtures(peers);
    console.log('\n' + fixtureSummary(report.fixtures, names) + '\n\n' + fixtureDetail(report.fixtures, names));
    for (const peer of peers) console.log(`${peer.name}: ${report.fixtures[0]?.results[peer.name].invalid ?? '?'} of its ${peer.sheets[FIXTURE_HOST].length} rules rejected by Chromium's CSS parser`);
  }
  if (args.only !== 'fixtures') {
    const dir = join(args.shared, 'data', 'overlays');
    if (!existsSync(join(dir, 'fixtures.txt'))) console.log(`\n(no ${dir}/fixtures.txt: real pages skipped)`);
    else {
      report.real = await runRealPages(dir, peers);
      console.log('\n' + realSummary(report.real, peers) + '\n\n' + realDetail(report.real, peers));
    }
  }
  mkdirSync(dirname(args.json), { recursive: true });
  writeFileSync(args.json, JSON.stringify(report, null, 1));
  console.log(`\nper-page details: ${args.json}`);
}

await main();
