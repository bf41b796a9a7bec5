// The fixture pages, their declared expectations (tests/pages/README.md), and the functions the
// tests evaluate inside the pages. Page functions must be self-contained (they are serialised
// into the page), take one JSON argument and return JSON.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { ROOT, launch, poll } from './browsers.mjs';
import { startServer } from '../../server.mjs';

export const PAGES_DIR = join(ROOT, 'tests', 'pages');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** [{ name, file, expect }] for every fixture page listed in tests/pages/pages.json. */
export function fixturePages() {
  // UNVEIL_E2E_PAGES=demo,neg-plain narrows a run while debugging.
  const only = process.env.UNVEIL_E2E_PAGES?.split(',').filter(Boolean);
  const names = JSON.parse(readFileSync(join(PAGES_DIR, 'pages.json'), 'utf8')).filter((name) => !only || only.includes(name));
  return names.map((name) => {
    const html = readFileSync(join(PAGES_DIR, `${name}.html`), 'utf8');
    const match = html.match(/<script type="application\/json" id="unveil-expect">([\s\S]*?)<\/script>/);
    if (!match) throw new Error(`${name}.html has no unveil-expect block`);
    return { name, file: `${name}.html`, expect: JSON.parse(match[1]) };
  });
}

export const SETTINGS_ON = { hideOverlays: true, markQuotes: true };
export const SETTINGS_OVERLAYS_ONLY = { hideOverlays: true, markQuotes: false };
export const SETTINGS_OFF = { hideOverlays: false, markQuotes: false };

/** Plays the page's declared trigger (user actions and waits that make late overlays appear). */
export async function runTrigger(tab, trigger) {
  if (!trigger) return;
  if (trigger.click) await tab.click(trigger.click);
  if (trigger.scroll) {
    await tab.evaluate((y) => {
      window.scrollTo(0, y);
      return true;
    }, trigger.scroll);
  }
  if (trigger.exitIntent) {
    await tab.evaluate(() => {
      const event = new MouseEvent('mouseout', { bubbles: true, clientX: 300, clientY: -2, relatedTarget: null });
      document.documentElement.dispatchEvent(event);
      return true;
    });
  }
  if (trigger.wait) await sleep(trigger.wait);
}

/**
 * The whole DOM as text: <html>'s outerHTML (without Unveil's own state attributes on <html>), then
 * every open shadow root and every same-origin frame document, recursively.
 */
export function serializeDom() {
  const strip = (html) => html.replace(/^<html\b[^>]*>/, (tag) => tag.replace(/ data-unveil-(state|engine)="[^"]*"/g, ''));
  const parts = [];
  const walk = (doc, label) => {
    parts.push(`#document ${label}\n` + strip(doc.documentElement.outerHTML));
    const visit = (root, path) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) {
          parts.push(`#shadow-root ${path} ${el.localName}#${el.id}\n${el.shadowRoot.innerHTML}`);
          visit(el.shadowRoot, `${path}>${el.localName}`);
        }
        if (el.localName === 'iframe' || el.localName === 'frame') {
          let inner = null;
          try {
            inner = el.contentDocument;
          } catch {
            inner = null;
          }
          if (inner && inner.documentElement) walk(inner, `${label} > iframe#${el.id}`);
        }
      }
    };
    visit(doc, label);
  };
  walk(document, 'top');
  return parts.join('\n');
}

/**
 * Everything the overlay tests assert, measured in one go inside the page.
 * `expect` is the page's unveil-expect block.
 */
export function inspectPage(expect) {
  // "a >>> b" enters a's open shadow root, "a |> b" enters a's same-origin frame document.
  const resolve = (selector) => {
    const parts = selector.split(/\s+(>>>|\|>)\s+/);
    let root = document;
    for (let i = 0; i < parts.length; i += 2) {
      if (!root) return [];
      const last = i === parts.length - 1;
      if (last) return [...root.querySelectorAll(parts[i])];
      const el = root.querySelector(parts[i]);
      if (!el) return [];
      root = parts[i + 1] === '>>>' ? el.shadowRoot : el.contentDocument;
    }
    return [];
  };
  // Up the flat tree, across shadow hosts and frame elements.
  const up = (node) => {
    if (node.parentNode instanceof node.ownerDocument.defaultView.ShadowRoot) return node.parentNode.host;
    if (node.parentElement) return node.parentElement;
    const view = node.ownerDocument.defaultView;
    return view && view.frameElement ? view.frameElement : null;
  };
  const chain = (el) => {
    const out = [];
    for (let node = el; node; node = up(node)) out.push(node);
    return out;
  };
  const hiddenMark = (el) => {
    for (const node of chain(el)) if (node.hasAttribute && node.hasAttribute('data-unveil-hidden')) return node.getAttribute('data-unveil-hidden');
    return null;
  };
  const rendered = (el) => {
    let node = el;
    while (node) {
      if (!node.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return false;
      const view = node.ownerDocument.defaultView;
      node = view && view.frameElement ? view.frameElement : null;
    }
    return true;
  };
  const describe = (el) => `<${el.localName}${el.id ? '#' + el.id : ''}${el.classList.length ? '.' + [...el.classList].join('.') : ''}>`;
  const unveilAttrs = (el) => [...el.attributes].map((a) => a.name).filter((n) => n.startsWith('data-unveil') && !(el === document.documentElement && n === 'data-unveil-state'));

  const out = { problems: [], info: {} };
  const de = document.documentElement;
  out.info.state = de.dataset.unveilState ?? null;

  // Every marked element, in every reachable document and shadow root.
  const allMarked = [];
  const collect = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.hasAttribute('data-unveil-hidden')) allMarked.push(el);
      if (el.shadowRoot) collect(el.shadowRoot);
      if (el.localName === 'iframe') {
        try {
          if (el.contentDocument) collect(el.contentDocument);
        } catch {
          /* cross-origin */
        }
      }
    }
  };
  collect(document);
  out.info.marked = allMarked.map((el) => `${describe(el)}=${el.getAttribute('data-unveil-hidden')}`);

  const expected = [];
  for (const selector of expect.hidden ?? []) {
    const els = resolve(selector);
    if (!els.length) {
      out.problems.push(`expected hidden ${selector}: not found in the page`);
      continue;
    }
    for (const el of els) {
      expected.push(el);
      const mark = hiddenMark(el);
      if (!mark) out.problems.push(`expected hidden ${selector}: no data-unveil-hidden on it or an ancestor`);
      else if (rendered(el)) out.problems.push(`expected hidden ${selector}: marked but still rendered`);
      const category = (expect.categories ?? {})[selector];
      if (mark && category && mark !== category) out.problems.push(`expected hidden ${selector}: category "${mark}", expected "${category}"`);
    }
  }
  // Nothing hidden that is unrelated to the expected overlays (no over-hiding).
  const related = (a, b) => chain(a).includes(b) || chain(b).includes(a);
  for (const el of allMarked) {
    if (!expected.some((wanted) => related(el, wanted))) out.problems.push(`unexpected hidden element ${describe(el)} (${el.getAttribute('data-unveil-hidden')}): ${(el.textContent || '').trim().slice(0, 60)}`);
  }

  for (const selector of expect.untouched ?? []) {
    const els = resolve(selector);
    if (!els.length) out.problems.push(`untouched ${selector}: not found in the page`);
    for (const el of els) {
      for (const node of chain(el)) {
        const attrs = unveilAttrs(node);
        if (attrs.length) out.problems.push(`untouched ${selector}: ${describe(node)} carries ${attrs.join(', ')}`);
      }
      if ((expect.visibleAfterTrigger ?? []).includes(selector) && !rendered(el)) out.problems.push(`untouched ${selector}: not rendered any more`);
    }
  }

  if (expect.scrollable) {
    const se = document.scrollingElement;
    const htmlOverflow = getComputedStyle(de).overflowY;
    const bodyOverflow = getComputedStyle(document.body).overflowY;
    out.info.scroll = { scrollHeight: se.scrollHeight, innerHeight: innerHeight, htmlOverflow, bodyOverflow, y: scrollY, bodyPosition: getComputedStyle(document.body).position };
    if (!(se.scrollHeight > innerHeight)) out.problems.push(`not scrollable: scrollHeight ${se.scrollHeight} <= innerHeight ${innerHeight}`);
    if (/hidden|clip/.test(htmlOverflow)) out.problems.push(`html overflow-y is still ${htmlOverflow}`);
    if (/hidden|clip/.test(bodyOverflow)) out.problems.push(`body overflow-y is still ${bodyOverflow}`);
    if (getComputedStyle(document.body).position === 'fixed') out.problems.push('body is still position: fixed');
    if (typeof expect.scrollY === 'number' && Math.abs(scrollY - expect.scrollY) > 40) out.problems.push(`scroll position ${scrollY}, expected ~${expect.scrollY} (restored from body's negative top)`);
    // Scroll by 150 px, upwards when the page is already near its bottom.
    const before = scrollY;
    const step = before + innerHeight + 150 > se.scrollHeight ? -150 : 150;
    window.scrollBy(0, step);
    const after = scrollY;
    window.scrollTo(0, before);
    if (after === before) out.problems.push(`window.scrollBy(0, ${step}) did not scroll (scrollY stayed ${before})`);
  }

  if (expect.articleVisible) {
    const article = document.querySelector(expect.articleVisible);
    if (!article) out.problems.push(`article ${expect.articleVisible}: not found`);
    else {
      if (!rendered(article)) out.problems.push(`article ${expect.articleVisible}: not rendered`);
      if (hiddenMark(article)) out.problems.push(`article ${expect.articleVisible}: marked hidden`);
      for (const node of chain(article)) {
        if (node.nodeType !== 1) continue;
        const style = getComputedStyle(node);
        if (style.filter !== 'none') out.problems.push(`article: ${describe(node)} has filter ${style.filter}`);
        if (style.opacity !== '1') out.problems.push(`article: ${describe(node)} has opacity ${style.opacity}`);
        if (node.hasAttribute('inert')) out.problems.push(`article: ${describe(node)} is inert`);
        if (node.getAttribute('aria-hidden') === 'true') out.problems.push(`article: ${describe(node)} is aria-hidden`);
      }
      if (getComputedStyle(article).pointerEvents === 'none') out.problems.push('article: pointer-events none');
      if (expect.kind === 'positive') {
        const modal = document.querySelector(':modal');
        if (modal) out.problems.push(`a modal ${describe(modal)} is still open: the rest of the page is inert`);
      }
    }
  }
  return out;
}

/** The quote marks on the page: [{ speaker, text, tabindex }]. */
export function quoteMarks() {
  return [...document.querySelectorAll('unveil-quote')].map((el) => ({
    speaker: el.getAttribute('data-unveil-speaker'),
    index: el.getAttribute('data-unveil-quote'),
    tabindex: el.getAttribute('tabindex'),
    text: el.textContent,
  }));
}

/** A stable description of what Unveil did: hidden elements (path + category) and quotes. */
export function unveilReport() {
  const path = (el) => {
    const steps = [];
    for (let node = el; node && node.nodeType === 1; node = node.parentElement || (node.parentNode && node.parentNode.host)) {
      const index = node.parentElement ? [...node.parentElement.children].indexOf(node) : 0;
      steps.unshift(node.id ? `#${node.id}` : `${node.localName}:${index}`);
      if (node.id) break;
    }
    return steps.join('>');
  };
  const hidden = [];
  const collect = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.hasAttribute('data-unveil-hidden')) hidden.push(`${path(el)}=${el.getAttribute('data-unveil-hidden')}`);
      if (el.shadowRoot) collect(el.shadowRoot);
    }
  };
  collect(document);
  const quotes = [...document.querySelectorAll('unveil-quote')].map((el) => `${el.getAttribute('data-unveil-speaker')}: ${el.textContent}`);
  const de = document.documentElement;
  return { state: de.dataset.unveilState ?? null, hidden: hidden.sort(), quotes };
}

// The extension's messages, read from messages.js so that tests and extension cannot drift.
const MESSAGES = readFileSync(join(ROOT, 'extension', 'shared', 'messages.js'), 'utf8');
/** The string of message `name` (e.g. "GET_STATE") in extension/shared/messages.js. */
export function messageType(name) {
  const found = MESSAGES.match(new RegExp(`${name}: '([^']+)'`));
  if (!found) throw new Error(`no message ${name} in messages.js`);
  return found[1];
}

/** The state of `tab`'s top frame, asked from an extension page as the popup asks: {state, tabId}. */
export async function pageState(browser, tab) {
  const tabId = await browser.tabId(tab);
  const reply = await browser.extEvaluate(([id, type]) => (globalThis.browser ?? chrome).tabs.sendMessage(id, { type, payload: {} }, { frameId: 0 }), [tabId, messageType('GET_STATE')]);
  if (reply?.ok !== true) throw new Error(`GET_STATE: ${JSON.stringify(reply)}`);
  return { state: reply.data, tabId };
}

/** Opens `url`, waits for Unveil to settle; returns the tab. `state` defaults to any non-loading state. */
export async function openAndSettle(browser, url, { state, settle = 300 } = {}) {
  const tab = await browser.open(url);
  await tab.waitForUnveil({ state });
  if (settle) await sleep(settle);
  return tab;
}

/** Polls inspectPage until it reports no problem, or returns the last result after `timeout`. */
export async function inspectUntilClean(tab, expect, { timeout = 2500 } = {}) {
  let last;
  try {
    await poll(async () => {
      last = await tab.evaluate(inspectPage, expect);
      return last.problems.length === 0;
    }, { timeout, interval: 150, what: 'expectations' });
  } catch {
    /* last holds the problems */
  }
  return last;
}

export { sleep };

/**
 * Declares the same suite once per browser; the browsers run side by side (each suite launches its
 * own browser once), which roughly halves the wall time since most of it is spent waiting.
 */
export async function eachBrowser(title, body) {
  const { describe } = await import('node:test');
  const { BROWSERS: names } = await import('./browsers.mjs');
  describe(title, { concurrency: names.length }, () => {
    // Within one browser, tests run one at a time: they share its settings (storage.sync).
    for (const name of names) describe(`${title} (${name})`, { concurrency: 1 }, () => body(name));
  });
}

/**
 * The fixture server and `name`'s browser for the tests of one `eachBrowser` suite: started
 * before them (`setUp(browser)` then, e.g. the settings they start from) and closed after.
 * The tests read `env.server` and `env.browser`.
 */
export function serverAndBrowser(name, { setUp = async () => {} } = {}) {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await startServer({ port: 0 });
    env.browser = await launch(name);
    await setUp(env.browser);
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
