// The popup's summary in the background (extension/background/summaries.js) on the real wasm
// core, in Node, with a made-up extension API: the article of a tab's last analysis is kept
// and summarised without the page; an analysis the background does not know is asked of the
// page; only Unveil's own pages may ask.
//   node --test tests/unit/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadBackground } from './lib/background.mjs';

const EXTENSION = 'chrome-extension://unveil/';
const asked = []; // the messages the background sent to tabs: [tabId, type]
let pageAnswer = null; // what the page answers GET_ARTICLE
globalThis.chrome = {
  runtime: { getURL: (path) => EXTENSION + path },
  tabs: {
    sendMessage: async (tabId, { type }) => {
      asked.push([tabId, type]);
      return { ok: true, data: pageAnswer };
    },
  },
};
const load = loadBackground();
const { keepArticle, forgetTab, summaryFor } = await load('background/summaries.js');
const { MSG } = globalThis.Unveil;

const TEXT = 'The ferry to the island ran again on Monday after a winter of repairs. '
  + 'Its operator said the old boat would keep the timetable until the spring. '
  + 'A baker by the pier said the first boat carried more flour than passengers. '
  + 'The island council will decide in May whether a second boat is needed.';
const report = (text = TEXT) => ({ status: 'ok', article: { text, title: 'The island ferry runs again', lang: 'en', root: 3 } });
const popup = { url: `${EXTENSION}popup/popup.html`, id: 'unveil' };
const topFrame = (tabId) => ({ tab: { id: tabId }, frameId: 0, url: 'http://127.0.0.1/news.html' });

function analysed(tabId, article = report()) {
  const reply = keepArticle({ report: article, coreMs: 1 }, topFrame(tabId));
  assert.match(reply.reportId, /^[0-9a-f]{8}-\d+$/);
  return reply.reportId;
}

test('a top frame\'s analysis gets an id; other frames\' and failed ones do not', () => {
  const first = analysed(1);
  const second = analysed(1);
  assert.notEqual(first, second, 'each analysis its own id');
  const frame = keepArticle({ report: report() }, { tab: { id: 1 }, frameId: 7 });
  assert.equal(frame.reportId, undefined);
  const failed = keepArticle({ report: { status: 'too_large' } }, topFrame(1));
  assert.equal(failed.reportId, undefined);
  const noTab = keepArticle({ report: report() }, { frameId: 0 });
  assert.equal(noTab.reportId, undefined);
});

test('the summary of a kept article is made without the page, once', async () => {
  asked.length = 0;
  const reportId = analysed(2);
  const first = await summaryFor({ tabId: 2, reportId }, popup);
  assert.equal(first.reportId, reportId);
  assert.ok(first.summary.length >= 1, JSON.stringify(first));
  for (const sentence of first.summary) assert.ok(TEXT.includes(sentence.text), sentence.text);
  const again = await summaryFor({ tabId: 2, reportId }, popup);
  assert.equal(again.summary, first.summary, 'the same sentences, not made again');
  // Asked before the popup knows the analysis (null): the tab's last one.
  const latest = await summaryFor({ tabId: 2, reportId: null }, popup);
  assert.equal(latest.reportId, reportId);
  assert.equal(latest.summary, first.summary);
  assert.deepEqual(asked, [], 'the page was not asked');
});

test('an analysis the background does not know is asked of the page, and kept', async () => {
  asked.length = 0;
  pageAnswer = { reportId: 'earlier-4', article: { text: TEXT, title: 'The island ferry', lang: 'en' } };
  const reply = await summaryFor({ tabId: 3, reportId: 'earlier-4' }, popup);
  assert.deepEqual(asked, [[3, MSG.BG_TO_CONTENT.GET_ARTICLE]]);
  assert.equal(reply.reportId, 'earlier-4');
  assert.ok(reply.summary.length >= 1);
  await summaryFor({ tabId: 3, reportId: 'earlier-4' }, popup);
  assert.equal(asked.length, 1, 'kept: asked of the page once');

  // A new page in the tab: the old page's article is gone, the page's own is asked for.
  forgetTab(3);
  pageAnswer = { reportId: 'earlier-5', article: null };
  assert.deepEqual(await summaryFor({ tabId: 3, reportId: 'earlier-4' }, popup), { reportId: 'earlier-5', summary: [] });
  // A page that has no analysis yet: nothing to summarise, ask again later.
  forgetTab(3);
  pageAnswer = { reportId: null, article: null };
  assert.deepEqual(await summaryFor({ tabId: 3, reportId: null }, popup), { reportId: null, summary: null });
  pageAnswer = { reportId: null, article: null };
  assert.deepEqual(await summaryFor({ tabId: 3, reportId: 'earlier-4' }, popup), { reportId: null, summary: null });
});

test('a page without an article has an empty summary', async () => {
  const reportId = analysed(4, { status: 'ok', article: null });
  assert.deepEqual(await summaryFor({ tabId: 4, reportId }, popup), { reportId, summary: [] });
});

test('only Unveil\'s own pages may ask: a content script\'s sender is its page', async () => {
  const reportId = analysed(5);
  await assert.rejects(summaryFor({ tabId: 5, reportId }, topFrame(6)), /only the popup/);
  await assert.rejects(summaryFor({ tabId: 5, reportId }, {}), /only the popup/);
  await assert.rejects(summaryFor({ tabId: 'five', reportId }, popup), /not a tab/);
});

test('the articles of the 24 tabs analysed last are kept, no more', async () => {
  const ids = Array.from({ length: 30 }, (_, k) => analysed(100 + k));
  asked.length = 0;
  pageAnswer = { reportId: ids[0], article: { text: TEXT, title: '', lang: 'en' } };
  await summaryFor({ tabId: 129, reportId: ids[29] }, popup);
  assert.equal(asked.length, 0, 'the last tab is kept');
  await summaryFor({ tabId: 100, reportId: ids[0] }, popup);
  assert.deepEqual(asked, [[100, MSG.BG_TO_CONTENT.GET_ARTICLE]], 'the first was dropped');
});
