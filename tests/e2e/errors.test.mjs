// 1. Nothing Unveil does may surface as an error in the page: every fixture page (and the strict
//    CSP variants) is loaded with Unveil on; the page's own
//    window.onerror / unhandledrejection collectors (assets/common.js) must stay empty, and no
//    console error or warning may come from Unveil (Chromium reports console messages of every
//    world; in Firefox the page's console.error/warn are wrapped).
// 2. Quote marks: where the page declares quotes, <unveil-quote data-unveil-speaker> marks exist
//    for those speakers, are keyboard-focusable, and show the speaker on hover and on focus.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './lib/browsers.mjs';
import { startServer } from '../server.mjs';
import { fixturePages, openAndSettle, quoteMarks, runTrigger, sleep, eachBrowser } from './lib/fixtures.mjs';
import { knownIssue } from './lib/known-issues.mjs';

const all = fixturePages().filter((page) => page.expect.kind === 'positive' || page.expect.kind === 'negative');
// overlays.test.mjs also checks the page's error collectors on every page; here the pages where
// the most can go wrong (strict CSP, shadow roots, frames, dialogs,
// pages that fight back, hostile text, no article), with console messages too.
const ERROR_PAGES = [
  ...['demo', 'pos-shadow-root', 'pos-iframe', 'pos-fight-back', 'pos-dialog-showmodal', 'pos-body-fixed-top', 'neg-xss-title', 'neg-fullscreen-app', 'neg-login-dialog'].map((name) => `${name}.html`),
  ...all.filter((page) => page.expect.csp).map((page) => `strict/${page.file}`),
].filter((file) => all.some((page) => file.endsWith(page.file)));
const QUOTE_PAGES = all.filter((page) => page.expect.quotes?.length);

// What the speaker tooltip shows: the ::after content, a title, or an aria-label / description.
function tooltipOf(index) {
  const el = document.querySelectorAll('unveil-quote')[index];
  const after = getComputedStyle(el, '::after');
  return {
    speaker: el.getAttribute('data-unveil-speaker'),
    after: after.content,
    afterVisible: after.content !== 'none' && after.content !== 'normal' && after.display !== 'none' && after.visibility !== 'hidden' && after.opacity !== '0',
    title: el.getAttribute('title'),
    label: el.getAttribute('aria-label') ?? el.getAttribute('aria-description') ?? '',
    focused: document.activeElement === el,
    hovered: el.matches(':hover'),
    // What the pointer is over (an overlay left in place covers the marks).
    hit: (() => {
      const rect = el.getClientRects()[0];
      const top = rect && document.elementFromPoint(rect.left + Math.min(10, rect.width / 2), rect.top + rect.height / 2);
      return top ? `<${top.localName}${top.id ? '#' + top.id : ''}${top.classList.length ? '.' + [...top.classList].join('.') : ''}>` : null;
    })(),
  };
}

// Chromium resolves attr() in the computed ::after content; Firefox reports it as written.
const showsSpeaker = (tip) => (tip.afterVisible && (tip.after.includes(tip.speaker) || /attr\(\s*data-unveil-speaker\s*\)/.test(tip.after))) || (tip.title ?? '').includes(tip.speaker) || tip.label.includes(tip.speaker);

eachBrowser('errors and quote marks', (name) => {
  let server;
  let browser;
  const consoleMessages = [];
  before(async () => {
    server = await startServer({ port: 0 });
    browser = await launch(name);
    await browser.resetSettings();
    // playwright reports console messages and uncaught errors of every page of the context.
    browser.context?.on('console', (message) => {
      if (['error', 'warning'].includes(message.type())) consoleMessages.push(`${message.type()}: ${message.text()} (${message.location()?.url ?? ''})`);
    });
    browser.context?.on('weberror', (error) => consoleMessages.push(`uncaught: ${error.error()?.message}`));
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('no error from Unveil reaches any page', async () => {
    const problems = [];
    for (const file of ERROR_PAGES) {
      consoleMessages.length = 0;
      const page = all.find((p) => file.endsWith(p.file));
      const tab = await openAndSettle(browser, `${server.url}/${file}`, { settle: 300 });
      try {
        await runTrigger(tab, page.expect.trigger);
        await sleep(300);
        const seen = await tab.evaluate(() => ({ errors: window.__pageErrors ?? ['no collector'], console: window.__pageConsole ?? [], state: document.documentElement.dataset.unveilState }));
        if (seen.state === 'error' || seen.state === 'disabled') problems.push(`${file}: Unveil state ${seen.state}`);
        for (const message of [...seen.errors, ...seen.console]) problems.push(`${file}: ${message}`);
        for (const message of consoleMessages) {
          // Chromium logs the page's own CSP refusals (inline JSON is fine, but e.g. a favicon is not);
          // anything else, and anything mentioning Unveil or wasm, is a problem.
          if (/unveil|wasm|extension/i.test(message) || !/Content Security Policy|favicon|Failed to load resource/i.test(message)) problems.push(`${file}: ${message}`);
        }
      } finally {
        await tab.close();
      }
    }
    assert.deepEqual(problems, []);
  });

  for (const page of QUOTE_PAGES) {
    test(`${page.name}: quote marks with speakers, shown on hover and focus`, knownIssue(`${page.name}: quote marks with speakers, shown on hover and focus`), async () => {
      const tab = await openAndSettle(browser, `${server.url}/${page.file}`, { state: 'ready', settle: 300 });
      try {
        const marks = await tab.waitFor(() => {
          const found = [...document.querySelectorAll('unveil-quote')];
          return found.length ? found.length : null;
        }, null, { timeout: 2500 }).then(() => tab.evaluate(quoteMarks), () => []);
        const speakers = marks.map((mark) => mark.speaker ?? '');
        for (const { speaker } of page.expect.quotes) {
          assert.ok(speakers.some((s) => s.includes(speaker)), `a quote by ${speaker} is marked (marked speakers: ${JSON.stringify([...new Set(speakers)])})`);
        }
        for (const mark of marks) {
          assert.ok(mark.speaker, `every mark names its speaker: ${JSON.stringify(mark)}`);
          assert.equal(mark.tabindex, '0', 'marks are keyboard-focusable');
        }
        // Focus: the speaker is announced/shown.
        const focused = await tab.evaluate(() => {
          const el = document.querySelector('unveil-quote');
          el.scrollIntoView({ block: 'center' });
          el.focus();
          return true;
        });
        assert.ok(focused);
        const onFocus = await tab.evaluate(tooltipOf, 0);
        assert.ok(onFocus.focused, 'the mark takes keyboard focus');
        assert.ok(showsSpeaker(onFocus), `the speaker is shown on focus: ${JSON.stringify(onFocus)}`);
        // Hover with the real pointer.
        const box = await tab.evaluate(() => {
          document.activeElement?.blur();
          const rect = document.querySelector('unveil-quote').getClientRects()[0];
          return { x: rect.left + Math.min(10, rect.width / 2), y: rect.top + rect.height / 2 };
        });
        await tab.mouseMove(box.x, box.y);
        await sleep(200);
        const onHover = await tab.evaluate(tooltipOf, 0);
        assert.ok(onHover.hovered, `the pointer is over the mark (the topmost element there is ${onHover.hit})`);
        assert.ok(showsSpeaker(onHover), `the speaker is shown on hover: ${JSON.stringify(onHover)}`);
      } finally {
        await tab.close();
      }
    });
  }
});
