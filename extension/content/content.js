/*
 * Unveil page layer — the content script's entry point. Runs at document_start in every frame.
 *
 *   ┌──────────── this frame ─────────────────────────────────────────────────────────┐
 *   │ document_start: listeners (messages, storage) · settings load · WAKE ─▶ bg      │
 *   │                 no observer yet: the first snapshot sees all the parser adds    │
 *   │ DOMContentLoaded: snapshot.js ──Snapshot──▶ engine.call("analyze") ──Report──┐  │
 *   │                                                                              ▼  │
 *   │        apply.js: hide overlays (data-unveil-hidden), unlock scroll, un-inert,   │
 *   │                  un-blur, close dialogs — all remembered for an exact restore   │
 *   │        quotes.js: <unveil-quote> marks around the report's text ranges          │
 *   │ after the snapshot: observer (observer.js) collects; once the report is in:     │
 *   │        observer ─candidate subtrees─▶ partial snapshot ─▶ engine.call("scan…")  │
 *   │        ─▶ apply.js  (page grew and no article yet → analyze again, ≤ 3 times)   │
 *   └─────────────────────────────────────────────────────────────────────────────────┘
 *   engine = the background's wasm core (background/core.js): the snapshot, in the wire
 *   format, goes there as ANALYZE / SCAN_OVERLAYS and {report, coreMs} comes back. No wasm
 *   in the page: nothing to compile per frame, and a page's CSP does not matter. WAKE at
 *   document_start starts the background's instance while the page loads. A trap in the
 *   core disables Unveil on the page whose snapshot caused it.
 *   popup ──GET_STATE / SHOW_OVERLAY / SCROLL_TO_QUOTE──▶ here (top frame) ──▶ {ok, data}
 *   The popup's summary is the background's, from the article it kept (background/summaries.js);
 *   it asks here (GET_ARTICLE) only for an analysis it no longer knows (it restarted since).
 *   here ──HIDDEN_COUNT──▶ background (toolbar badge).  Settings: storage.onChanged.
 *   State for the popup and tests: <html data-unveil-state="…">.
 *
 * Nothing here may throw into the page: every entry point is wrapped by `guard`, and logs
 * go to console.debug with the "[Unveil]" prefix.
 */
(function () {
  'use strict';
  const U = globalThis.Unveil;
  if (!U || U.pageLayer) return; // injected twice (e.g. an extension reload): keep the first
  const { api, MSG, ERROR } = U;
  const { sendToBackground, listen } = U.messages;

  const log = (...args) => console.debug('[Unveil]', ...args);
  const guard = (name, fn) => (...args) => {
    try {
      const result = fn(...args);
      if (result && typeof result.catch === 'function') result.catch((error) => log(`${name}:`, error));
      return result;
    } catch (error) {
      log(`${name}:`, error);
      return undefined;
    }
  };

  const IS_TOP = window === window.top;
  const MAX_REANALYSES = 3;
  const GROWTH_DEBOUNCE_MS = 1000;
  const MAX_REHIDES = 3; // per element: then the page wins, no fight loop
  const MAX_RELOCKS = 20;

  // ---- state --------------------------------------------------------------------------

  const page = {
    state: 'loading', // loading | ready | off | too_large | disabled | error
    reason: null,
    report: null, // the last full report
    reportId: null, // the background's id of that analysis: the popup asks it for the summary
    liveNodes: [], // of the last full snapshot
    snapshotNodes: 0,
    articleRoot: null,
    context: {}, // the core's ScanContext, from the last full report
    decisions: [], // {element, category, signals, excerpt, shown}, in the order found
    byElement: new Map(),
    fixSets: [], // {fixes, nodeAt, elements, applied}
    settings: U.settings.migrate({}),
    effective: U.settings.effectiveSettings({}, location.hostname),
    analyses: 0,
    grown: 0,
    lastCount: -1,
    rehides: new WeakMap(),
    relocks: 0,
  };
  const applier = new U.Applier(log);
  const quotes = new U.QuoteMarker(log, (speaker) => api.i18n.getMessage('quoteBy', [speaker]) || speaker);
  const observer = U.createObserver({
    log,
    onCandidates: guard('scan', (elements) => scanPartial(elements)),
    onRootChange: guard('relock', () => relock()),
    onUnhidden: guard('rehide', (element) => rehide(element)),
    onGrowth: guard('growth', (count) => grew(count)),
  });

  function setState(state, reason = null) {
    page.state = state;
    page.reason = reason;
    const root = document.documentElement;
    if (root) root.dataset.unveilState = state;
  }

  /** ready ↔ off follows the switches; the other states stick. */
  function refreshState() {
    if (!['ready', 'off'].includes(page.state)) return;
    const anyOn = page.effective.hideOverlays || page.effective.markQuotes;
    setState(anyOn ? 'ready' : 'off');
  }

  // ---- engine: the background's core -----------------------------------------------------

  /**
   * Gives the main thread back to the page until a new task: the page's share of an
   * analysis (walk, send, apply) runs in several short tasks instead of one long one.
   * scheduler.yield() resumes ahead of other queued work where it exists; elsewhere a zero
   * timeout.
   */
  const nextTask = () => (typeof globalThis.scheduler?.yield === 'function'
    ? globalThis.scheduler.yield()
    : new Promise((resolve) => setTimeout(resolve, 0)));

  const CORE_TIMEOUT_MS = 30000; // a stopped worker starts, instantiates, then analyses
  const engine = {
    /**
     * Starts the background (a stopped MV3 worker, an unloaded event page), its wasm instance
     * and the warm-up now, while the page loads, rather than when the snapshot is sent. First
     * page after the worker stopped, DOMContentLoaded → verdict, medians of 12 pages: Chromium
     * 45-55 ms with the wake, 85-99 without; Firefox 32 ms, 65 without (tools/first-page.mjs).
     */
    wake() {
      sendToBackground(MSG.CONTENT_TO_BG.WAKE, { top: IS_TOP }, { timeoutMs: CORE_TIMEOUT_MS }).catch((error) => log('wake:', error));
    },
    /** {report, coreMs} for a snapshot ("analyze": the whole page; "scanOverlays": subtrees). */
    call(kind, snapshot, context) {
      const type = kind === 'analyze' ? MSG.CONTENT_TO_BG.ANALYZE : MSG.CONTENT_TO_BG.SCAN_OVERLAYS;
      return sendToBackground(type, { snapshot, context }, { timeoutMs: CORE_TIMEOUT_MS });
    },
  };

  /** A failure of the core: a trap disables Unveil on this page; anything else is an error. */
  function failed(error) {
    log('analysis failed:', error);
    if (error?.code === ERROR.TRAP) {
      observer.stop();
      observer.pause(() => {
        applier.restoreAll();
        quotes.unmarkAll();
      });
      setState('disabled', error.message);
    } else if (page.state !== 'ready' && page.state !== 'off') {
      setState('error', String(error?.message ?? error));
    }
    sendCount();
  }

  // ---- full analysis ------------------------------------------------------------------

  let analysing = null;
  /** One full analysis at a time: it spans several tasks now. */
  function analyzeFully() {
    analysing ??= analyzeInTasks().finally(() => {
      analysing = null;
    });
    return analysing;
  }

  async function analyzeInTasks() {
    if (page.state === 'disabled') return;
    page.analyses++;
    page.grown = 0;
    observer.pause(() => quotes.unmarkAll()); // the core must see the page's own text nodes
    const started = performance.now();
    const taken = U.snapshot();
    const walked = performance.now();
    page.snapshotNodes = taken.stats.nodes;
    if (taken.stats.truncated) {
      setState('too_large', `page too large to analyse (more than ${U.snapshotLimits.MAX_NODES} nodes or ${U.snapshotLimits.MAX_TEXT_CHARS} characters)`);
      return sendCount();
    }
    // In the walk's task: nothing can change between the snapshot and the observer's start.
    observer.markSnapshot();
    observer.observeShadowRoots(taken.shadowRoots);
    await nextTask();
    const sent = performance.now();
    const { report, coreMs, reportId } = await engine.call('analyze', taken.snapshot);
    page.timing = { snapshotMs: walked - started, analyzeMs: performance.now() - sent, coreMs, nodes: taken.stats.nodes };
    if (page.state === 'disabled') return; // trapped meanwhile (an overlay scan)
    if (report.status === 'too_large') return setState('too_large', report.message);
    if (report.status !== 'ok') return setState('error', report.message || report.status);
    page.report = report;
    page.reportId = reportId ?? null;
    page.liveNodes = taken.liveNodes;
    const root = report.article?.root;
    page.articleRoot = root != null ? taken.liveNodes[root] || null : null;
    page.context = report.context ?? {}; // sent back with each overlay scan
    record(report, taken.liveNodes);
    await nextTask();
    const applying = performance.now();
    observer.pause(() => {
      applyOverlays();
      if (page.effective.markQuotes) markQuotes();
    });
    page.timing.applyMs = performance.now() - applying;
    setState('ready');
    refreshState();
    observer.enable();
    sendCount();
  }

  /** Adds a report's overlays and fixes to what this page knows (not yet applied). */
  function record(report, liveNodes) {
    const nodeAt = (id) => liveNodes[id];
    const elements = [];
    for (const overlay of report.overlays?.hidden || []) {
      const element = nodeAt(overlay.node);
      if (!(element instanceof Element)) continue;
      elements.push(element);
      if (page.byElement.has(element)) continue;
      const decision = { element, category: overlay.category, signals: overlay.signals || [], excerpt: overlay.excerpt || '', shown: false };
      page.byElement.set(element, decision);
      page.decisions.push(decision);
    }
    const fixes = report.overlays?.fixes;
    if (fixes) page.fixSets.push({ fixes, nodeAt, elements, applied: false });
  }

  function shouldHide(decision) {
    return page.effective.hideOverlays && !decision.shown && page.effective.categories[decision.category] !== false;
  }

  /** Applies every recorded decision the settings allow; already applied ones are left alone. */
  function applyOverlays() {
    if (!page.effective.hideOverlays) return;
    for (const decision of page.decisions) {
      if (applier.hidden.has(decision.element) || !shouldHide(decision)) continue;
      if (U.Applier.protects(decision.element, page.articleRoot)) {
        log('refusing to hide an element that holds the article', decision.element);
        continue;
      }
      applier.hide(decision.element, decision.category);
    }
    for (const set of page.fixSets) {
      if (set.applied) continue;
      // Fixes belong to their overlays: a cookie dialog we leave up keeps its scroll lock.
      const ours = !set.elements.length || set.elements.some((element) => applier.hidden.has(element));
      if (!ours) continue;
      applier.applyFixes(set.fixes, set.nodeAt);
      set.applied = true;
    }
  }

  function restoreOverlays() {
    applier.restoreAll();
    for (const set of page.fixSets) set.applied = false;
  }

  function markQuotes() {
    if (!page.report?.quotes?.length || quotes.active) return;
    // Asked only when needed: the first i18n call of a page costs (it reads the catalogue).
    const unknown = page.report.quotes.some((quote) => !quote.speaker) ? api.i18n.getMessage('unknownSpeaker') || 'Unknown speaker' : '';
    quotes.mark(page.report, (id) => page.liveNodes[id], unknown);
  }

  // ---- after load: observer hooks -------------------------------------------------------

  let scanQueue = Promise.resolve();
  function scanPartial(elements) {
    if (!page.report || page.state === 'disabled') return;
    // One scan at a time: the background answers asynchronously.
    // A re-rendered copy of an element we hide (same tag and id, the old one gone) stays
    // hidden at once, without waiting for the core: no flash, no fight.
    const fresh = observer.pause(() => carryOver(elements));
    if (fresh) sendCount();
    scanQueue = scanQueue.then(async () => {
      const connected = elements.filter((element) => element.isConnected && !page.byElement.has(element));
      if (!connected.length) return;
      const taken = U.snapshot(connected);
      observer.observeShadowRoots(taken.shadowRoots);
      if (!taken.stats.nodes || taken.stats.truncated) return;
      const { report } = await engine.call('scanOverlays', taken.snapshot, page.context);
      record(report, taken.liveNodes);
      observer.pause(() => applyOverlays());
      sendCount();
    }).catch(failed);
  }

  function carryOver(elements) {
    let carried = 0;
    for (const element of elements) {
      if (!element.id || page.byElement.has(element)) continue;
      const old = page.decisions.find((d) => !d.element.isConnected && d.element.id === element.id && d.element.localName === element.localName);
      if (!old) continue;
      const decision = { ...old, element, signals: [...old.signals, 'reinserted'] };
      page.byElement.set(element, decision);
      page.decisions.push(decision);
      carried++;
    }
    if (carried) applyOverlays();
    return carried;
  }

  function relock() {
    if (!page.effective.hideOverlays || page.relocks >= MAX_RELOCKS) return;
    const applied = page.fixSets.filter((set) => set.applied && (set.fixes.unlock_scroll || set.fixes.root_classes?.length));
    const rootClasses = applied.flatMap((set) => set.fixes.root_classes || []);
    if (!applied.length || !applier.isRelocked({ root_classes: rootClasses })) return;
    page.relocks++;
    log('page re-locked scrolling; unlocking again');
    observer.pause(() => applied.forEach((set) => applier.applyFixes({ unlock_scroll: set.fixes.unlock_scroll, root_classes: set.fixes.root_classes }, set.nodeAt)));
  }

  function rehide(element) {
    if (!applier.hidden.has(element) || !page.effective.hideOverlays) return;
    const count = (page.rehides.get(element) || 0) + 1;
    page.rehides.set(element, count);
    if (count > MAX_REHIDES) return;
    observer.pause(() => applier.rehide(element));
  }

  let growthTimer = null;
  function grew(count) {
    page.grown += count;
    if (!page.report || page.report.article || page.analyses > MAX_REANALYSES) return;
    if (page.grown < Math.max(200, page.snapshotNodes * 0.5)) return;
    clearTimeout(growthTimer);
    growthTimer = setTimeout(guard('reanalyze', () => analyzeFully().catch(failed)), GROWTH_DEBOUNCE_MS);
  }

  // ---- badge ----------------------------------------------------------------------------

  /** Hidden elements still in the page (a re-rendered page drops old ones). */
  function hiddenNow() {
    return [...applier.hidden.keys()].filter((element) => element.isConnected);
  }

  function sendCount() {
    const count = hiddenNow().length;
    if (count === page.lastCount) return;
    page.lastCount = count;
    sendToBackground(MSG.CONTENT_TO_BG.HIDDEN_COUNT, { count }, { timeoutMs: 5000 }).catch((error) => log('badge:', error));
  }

  // ---- settings -------------------------------------------------------------------------

  function settingsChanged(settings) {
    const before = page.effective;
    page.settings = settings;
    page.effective = U.settings.effectiveSettings(settings, location.hostname);
    const after = page.effective;
    refreshState();
    if (!page.report || page.state === 'disabled') return;
    const overlaysChanged = before.hideOverlays !== after.hideOverlays || JSON.stringify(before.categories) !== JSON.stringify(after.categories);
    observer.pause(() => {
      if (overlaysChanged) {
        restoreOverlays();
        applyOverlays();
      }
      if (before.markQuotes !== after.markQuotes) {
        if (after.markQuotes) markQuotes();
        else quotes.unmarkAll();
      }
    });
    sendCount();
  }

  // ---- popup commands --------------------------------------------------------------------

  function hiddenList() {
    return page.decisions
      .map((decision, index) => ({ decision, index }))
      .filter(({ decision }) => decision.element.isConnected && (applier.hidden.has(decision.element) || decision.shown))
      .map(({ decision, index }) => ({
        index,
        category: decision.category,
        excerpt: decision.excerpt,
        signals: decision.signals,
        hidden: applier.hidden.has(decision.element),
      }));
  }

  /**
   * The article of the page's last analysis, for the background when it was asked for a summary
   * of an analysis it no longer knows (it restarted since: summaries.js). reportId null: no
   * analysis yet.
   */
  function articleForSummary() {
    const article = page.report?.article;
    return {
      reportId: page.report ? page.reportId : null,
      article: article ? { text: article.text, title: article.title, lang: article.lang } : null,
    };
  }

  function getState() {
    const report = page.report;
    const article = report?.article;
    return {
      state: page.state,
      reason: page.reason,
      hostname: location.hostname,
      url: location.href,
      settings: page.effective,
      analysed: Boolean(report),
      article: article
        ? {
            title: article.title, site: article.site, byline: article.byline, published: article.published,
            lang: article.lang, word_count: article.word_count, reading_minutes: article.reading_minutes,
          }
        : null,
      reportId: page.reportId, // the popup asks the background for this analysis' summary
      quotes: (report?.quotes || []).map((quote, index) => ({ index, text: quote.text, speaker: quote.speaker ?? null })),
      speakers: (report?.speakers || []).map((group) => ({ speaker: group.speaker ?? null, quotes: group.quotes, count: group.quotes.length })),
      hidden: hiddenList(),
      hiddenCount: hiddenNow().length,
      timing: page.timing || null,
    };
  }

  function showOverlay({ index }) {
    const decision = page.decisions[index];
    if (!decision) throw new Error(`no hidden element ${index}`);
    decision.shown = true;
    observer.pause(() => applier.unhide(decision.element));
    sendCount();
    return getState();
  }

  function scrollToQuote({ index }) {
    if (quotes.scrollTo(index)) return true;
    // Marks are off: scroll to the quote's first text node instead.
    const range = page.report?.quotes?.[index]?.ranges?.[0];
    const text = range && page.liveNodes[range.node];
    text?.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    return Boolean(text);
  }

  // ---- wiring: all listeners synchronously at the top level ------------------------------

  U.pageLayer = { page, getState }; // for debugging from the content-script console
  setState('loading');
  if (IS_TOP) {
    listen({
      [MSG.POPUP_TO_CONTENT.GET_STATE]: () => getState(),
      [MSG.BG_TO_CONTENT.GET_ARTICLE]: () => articleForSummary(),
      [MSG.POPUP_TO_CONTENT.SHOW_OVERLAY]: (payload) => showOverlay(payload),
      [MSG.POPUP_TO_CONTENT.SCROLL_TO_QUOTE]: (payload) => scrollToQuote(payload),
    }, { log });
  }
  U.settings.onChanged(guard('settings', settingsChanged));
  if (IS_TOP) page.lastCount = 0; // WAKE below starts the tab's badge afresh

  const settingsLoaded = U.settings.load().then(
    (settings) => settingsChanged(settings),
    (error) => log('settings:', error),
  );
  // A small frame (an ad, a widget) holds no article and no page-covering overlay.
  const worthIt = IS_TOP || window.innerWidth * window.innerHeight >= 300 * 200;
  if (worthIt) guard('wake', () => engine.wake())(); // the top frame always is

  // DOMContentLoaded does not wait for stylesheets when no script follows them: measured
  // before its CSS arrives, every overlay of the page is static and in the flow, and no
  // mutation follows when the styles apply. Wait for them (briefly: an unstyled page shows
  // its overlays unstyled too).
  const STYLE_WAIT_MS = 1500;
  function stylesApplied() {
    const pending = [...document.querySelectorAll('link[rel~="stylesheet"]')].filter((link) => !link.sheet && !link.disabled);
    if (!pending.length) return Promise.resolve();
    return new Promise((resolve) => {
      let left = pending.length;
      const one = () => {
        left -= 1;
        if (left <= 0) resolve();
      };
      for (const link of pending) {
        link.addEventListener('load', one, { once: true });
        link.addEventListener('error', one, { once: true });
      }
      setTimeout(resolve, STYLE_WAIT_MS);
    });
  }

  /**
   * Resolves once the browser has rendered a frame (or after FRAME_WAIT_MS in a tab that
   * renders none: hidden tabs run no animation frames). The walk reads each element's computed
   * style and box: before the page's first frame it would compute the page's first style and
   * layout itself, in its own task (3 ms of CPU at the median of 40 AEB pages, 26 at most);
   * after it, it reads what the browser computed to paint. A timeout set in an animation frame
   * callback runs after that frame's style, layout and paint.
   */
  const FRAME_WAIT_MS = 100;
  function afterAFrame() {
    return new Promise((resolve) => {
      requestAnimationFrame(() => setTimeout(resolve, 0));
      setTimeout(resolve, FRAME_WAIT_MS);
    });
  }

  const start = guard('start', async () => {
    if (!worthIt) return setState('off', 'frame too small');
    await settingsLoaded;
    await stylesApplied();
    await afterAFrame();
    await analyzeFully().catch(failed);
  });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
})();
