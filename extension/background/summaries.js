/*
 * The popup's summary, made here from the article the core found when it analysed the page.
 *
 * The background keeps the article of each tab's last top-frame analysis (its text, title and
 * language: a reference to the report it has just parsed, no copy) under an id of that analysis,
 * the reportId the page gets with its report and shows the popup in GET_STATE. The popup then asks
 * here for the summary of that reportId (POPUP_TO_BG.SUMMARIZE), and the page is not involved: its
 * main thread does nothing for a summary, and no article crosses a message. Asked through the page,
 * the summary cost its main thread 0.3 ms of messages (tests/bench/run.mjs).
 *
 * The articles live in this worker's memory only: Chromium stops an idle MV3 worker and Firefox
 * unloads an idle event page, and writing every page's article to storage would cost every page.
 * A summary asked for an analysis this worker does not know (it restarted, or the popup's state is
 * older than the tab's last analysis) asks the page for its article (GET_ARTICLE) instead.
 */
import { summarize } from './core.js';

const U = globalThis.Unveil;
const { api, MSG } = U;
const { sendToTab } = U.messages;

// Tabs whose article is kept: the most recently analysed. A tab beyond them asks its page.
const MAX_TABS = 24;
const TIMEOUT_MS = 30000; // a page busy with its own work may answer late; the core may start first
// Ids of analyses, unique across worker restarts: a restarted worker's count starts again at 1.
const workerId = crypto.randomUUID().slice(0, 8);
let analyses = 0;

/** tabId → {reportId, article: {text, title, lang} | null, summary: a promise of the sentences | null} */
const articles = new Map();

function keep(tabId, entry) {
  articles.delete(tabId); // re-inserted last: the Map's order is the order of use
  articles.set(tabId, entry);
  if (articles.size > MAX_TABS) articles.delete(articles.keys().next().value);
  return entry;
}

const articleOf = (article) => (article
  ? { text: article.text ?? '', title: article.title ?? '', lang: article.lang ?? '' }
  : null);

/**
 * An analysis' reply, on its way to the page: a top frame's analysis gets an id, and its article
 * is kept for the popup's summary. Other frames' analyses are not what the popup shows.
 */
export function keepArticle(reply, sender) {
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0 || sender.frameId !== 0 || reply.report?.status !== 'ok') return reply;
  const reportId = `${workerId}-${++analyses}`;
  keep(tabId, { reportId, article: articleOf(reply.report.article), summary: null });
  return { ...reply, reportId };
}

/** A tab shows a new page (its top frame woke), or is closed: its article is no longer shown. */
export function forgetTab(tabId) {
  articles.delete(tabId);
}

// Only Unveil's own pages (the popup, or the popup opened in a tab) may ask: a content script's
// sender is the page it runs in, and a page's script must not read another tab's article.
const fromExtensionPage = (sender) => typeof sender.url === 'string' && sender.url.startsWith(api.runtime.getURL(''));

/** The page's own article when this worker does not know the analysis asked for. */
async function askPage(tabId) {
  const before = articles.get(tabId);
  const { reportId, article } = await sendToTab(tabId, MSG.BG_TO_CONTENT.GET_ARTICLE, {}, { timeoutMs: TIMEOUT_MS });
  const entry = { reportId, article: articleOf(article), summary: null };
  // An analysis that landed while the page answered is newer: it stays the one kept.
  return reportId && articles.get(tabId) === before ? keep(tabId, entry) : entry;
}

/**
 * {reportId, summary} for the popup: the summary of the tab's analysis `reportId` (null: of the
 * tab's last analysis known here, or else the page's), made once; summary is [] for a page
 * without an article, null for a page not analysed yet (ask again).
 * A failed summary is not kept: the next popup asks again.
 */
export async function summaryFor({ tabId, reportId }, sender) {
  if (!fromExtensionPage(sender)) throw new Error('only the popup asks for summaries');
  if (!Number.isInteger(tabId)) throw new Error(`not a tab: ${tabId}`);
  const known = articles.get(tabId);
  const entry = known && (reportId == null || known.reportId === reportId) ? known : await askPage(tabId);
  if (!entry.reportId) return { reportId: null, summary: null };
  if (!entry.summary) {
    const made = entry.article ? summarize(entry.article).then((out) => out.summary) : Promise.resolve([]);
    entry.summary = made;
    made.catch(() => {
      if (entry.summary === made) entry.summary = null;
    });
  }
  return { reportId: entry.reportId, summary: await entry.summary };
}
