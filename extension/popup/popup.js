/*
 * Unveil popup: asks the active tab's content script (GET_STATE) and shows the answer, and the
 * background for the summary of the article it analysed there (SUMMARIZE).
 * Page text is hostile: everything from the page goes in through textContent only.
 * `?tab=<id>` targets that tab instead of the active one (tests open the popup in a tab).
 */
(function () {
  'use strict';
  const U = globalThis.Unveil;
  const { api, MSG } = U;
  const { sendToTab, sendToBackground } = U.messages;
  const t = (key, ...subs) => api.i18n.getMessage(key, subs.map(String)) || key;
  const $ = (id) => document.getElementById(id);

  let tabId = null;
  let state = null;
  const summaries = new Map(); // reportId → the summary's sentences, as the background answered
  let summaryAsked = null; // the SUMMARIZE in flight
  let settings = U.settings.migrate({});
  const SUMMARY_MARK = 'unveil-summary-shown';

  /** Creates an element with text (never HTML) and attributes. */
  function el(tag, { text, className, attrs } = {}, children = []) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, value);
    for (const child of children) if (child) node.append(child);
    return node;
  }

  function localize(root = document) {
    for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
    for (const node of root.querySelectorAll('[data-i18n-aria-label]')) node.setAttribute('aria-label', t(node.dataset.i18nAriaLabel));
    document.documentElement.lang = api.i18n.getUILanguage();
  }

  function status(text, kind = 'info') {
    const line = $('status');
    line.textContent = text || '';
    line.dataset.kind = kind;
    line.hidden = !text;
  }

  async function targetTab() {
    const fromQuery = new URLSearchParams(location.search).get('tab');
    if (fromQuery) return Number(fromQuery);
    const [tab] = await api.tabs.query({ active: true, currentWindow: true });
    return tab?.id ?? null;
  }

  // ---- rendering ------------------------------------------------------------------------

  function formatDate(value) {
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) return value;
    return date.toLocaleDateString(api.i18n.getUILanguage(), { year: 'numeric', month: 'short', day: 'numeric' });
  }

  function languageName(code) {
    try {
      return new Intl.DisplayNames([api.i18n.getUILanguage()], { type: 'language' }).of(code) || code;
    } catch {
      return code;
    }
  }

  function renderArticle(article) {
    $('article').hidden = !article;
    $('no-article').hidden = Boolean(article) || !state.analysed;
    if (!article) return;
    $('title').textContent = article.title || state.hostname;
    const parts = [
      article.site || state.hostname,
      article.byline,
      article.published && formatDate(article.published),
      article.lang && languageName(article.lang),
      article.reading_minutes ? t('readingTime', article.reading_minutes) : null,
    ].filter(Boolean);
    $('meta').textContent = parts.join(' · ');
  }

  function summarySentences() {
    const limit = U.settings.SUMMARY_LENGTHS[settings.summaryLength] || 3;
    // The report keeps text order; rank decides which ones make the cut.
    return (summaries.get(state.reportId) ?? []).filter((sentence) => sentence.rank < limit);
  }

  // The summary of the analysis the state shows comes from the background (askSummary): until
  // it is here the section says it is on its way. (A state without the analysis' id cannot ask:
  // no summary, rather than a wait for one that cannot come.)
  const summaryPending = () => Boolean(state.article && state.reportId) && !summaries.has(state.reportId);

  function renderSummary() {
    const sentences = summarySentences();
    const pending = summaryPending();
    $('summary-section').hidden = !pending && !sentences.length;
    $('summary').setAttribute('aria-busy', String(pending));
    $('summary').replaceChildren(...(pending
      ? [el('li', { className: 'pending', text: t('summaryPending') })]
      : sentences.map((sentence) => el('li', { text: sentence.text }))));
    // The E2E suite reads this mark: time from the popup's navigation start to its summary.
    if (sentences.length && !performance.getEntriesByName(SUMMARY_MARK).length) performance.mark(SUMMARY_MARK);
    for (const button of document.querySelectorAll('[data-length]')) {
      button.setAttribute('aria-checked', String(button.dataset.length === settings.summaryLength));
      button.tabIndex = button.dataset.length === settings.summaryLength ? 0 : -1;
    }
  }

  function renderQuotes() {
    const groups = state.speakers || [];
    $('quotes-section').hidden = !groups.length;
    $('speakers').replaceChildren(...groups.map((group, k) => {
      const name = group.speaker || t('unknownSpeaker');
      const list = el('ul', { className: 'quote-list' }, group.quotes.map((index) => {
        const quote = state.quotes[index];
        const button = el('button', { className: 'quote', attrs: { type: 'button', title: t('scrollToQuote') } }, [
          el('span', { className: 'quote-text', text: quote?.text || '' }),
        ]);
        button.addEventListener('click', () => scrollToQuote(index));
        return el('li', {}, [button]);
      }));
      const head = el('h3', { className: 'speaker' }, [
        el('span', { text: name }),
        el('span', { className: 'count', text: `× ${group.count}`, attrs: { 'aria-label': t('quoteCount', group.count), title: t('quoteCount', group.count) } }),
      ]);
      // The same colour as the speaker's marks in the page (unveil-speaker-K).
      return el('div', { className: `speaker-group speaker-${k % 8}` }, [head, list]);
    }));
  }

  function renderControls() {
    const effective = state.settings;
    const host = U.settings.hostKey(state.hostname);
    $('hide-overlays').checked = settings.hideOverlays;
    $('hide-overlays-site').checked = effective.hideOverlays;
    $('mark-quotes').checked = effective.markQuotes;
    const override = settings.siteOverrides[host]?.hideOverlays;
    $('site-hint').textContent = override === undefined ? t('followsGlobal') : t('overrideFor', host);
  }

  function categoryName(category) {
    return t(`category_${category}`);
  }

  function renderHidden() {
    const items = state.hidden || [];
    $('hidden-heading').textContent = t('hiddenHeading', items.filter((item) => item.hidden).length);
    $('none-hidden').hidden = items.length > 0;
    $('hidden-list').replaceChildren(...items.map((item) => {
      const show = el('button', {
        text: item.hidden ? t('show') : t('shown'),
        className: 'ghost small',
        attrs: { type: 'button', 'aria-label': `${t('show')}: ${categoryName(item.category)}` },
      });
      show.disabled = !item.hidden;
      show.addEventListener('click', () => showOverlay(item.index));
      const why = (item.signals || []).join(', ');
      return el('li', { className: 'hidden-item' }, [
        el('div', { className: 'hidden-text' }, [
          el('span', { className: `chip chip-${item.category}`, text: categoryName(item.category) }),
          el('span', { className: 'excerpt', text: item.excerpt || '—' }),
          why ? el('span', { className: 'why', text: `${t('why')} ${why}` }) : null,
        ]),
        show,
      ]);
    }));
  }

  function renderStatus() {
    const reason = state.reason ? ` (${state.reason})` : '';
    switch (state.state) {
      case 'loading': return status(t('stateLoading'));
      case 'too_large': return status(t('stateTooLarge') + reason, 'warn');
      case 'disabled': return status(t('stateDisabled') + reason, 'error');
      case 'error': return status(t('stateError') + reason, 'error');
      case 'off': return status(t('stateOff'));
      default: return status('');
    }
  }

  function render() {
    $('content').hidden = false;
    $('host').textContent = state.hostname;
    renderStatus();
    renderArticle(state.article);
    renderSummary();
    renderQuotes();
    renderControls();
    renderHidden();
  }

  // ---- actions --------------------------------------------------------------------------

  async function refresh() {
    try {
      state = await sendToTab(tabId, MSG.POPUP_TO_CONTENT.GET_STATE, {}, { timeoutMs: 2000 });
      render();
      summaryForState();
      if (state.state === 'loading') setTimeout(refresh, 400);
    } catch (error) {
      $('content').hidden = true;
      status(t('noContentScript'), 'info');
      console.debug('[Unveil popup]', error);
    }
  }

  /**
   * Asks the background for the summary of the tab's analysis `reportId`, or with null of the
   * tab's last analysis it knows: the popup's first question, sent alongside its first GET_STATE
   * (one round trip less before the summary shows). Its core may need to start first (stopped
   * when idle). A failure shows no summary for that analysis (the next popup asks again).
   */
  function askSummary(reportId) {
    summaryAsked = sendToBackground(MSG.POPUP_TO_BG.SUMMARIZE, { tabId, reportId }, { timeoutMs: 30000 })
      .then(({ reportId: of, summary }) => {
        if (of && Array.isArray(summary)) summaries.set(of, summary);
      }, (error) => {
        console.debug('[Unveil popup] summary', error);
        if (reportId) summaries.set(reportId, []);
      })
      .finally(() => {
        summaryAsked = null;
        if (state) summaryForState();
      });
  }

  /** Shows the summary of the analysis the state shows, asking for it when not here (one question at a time). */
  function summaryForState() {
    if (state.article && state.reportId && !summaries.has(state.reportId) && !summaryAsked) askSummary(state.reportId);
    renderSummary();
  }

  async function showOverlay(index) {
    state = await sendToTab(tabId, MSG.POPUP_TO_CONTENT.SHOW_OVERLAY, { index });
    render();
  }

  function scrollToQuote(index) {
    sendToTab(tabId, MSG.POPUP_TO_CONTENT.SCROLL_TO_QUOTE, { index }).catch((error) => console.debug('[Unveil popup]', error));
  }

  function markdown() {
    const url = state.url;
    const title = (state.article?.title || state.hostname).replace(/([[\]\\])/g, '\\$1');
    const bullets = summarySentences().map((sentence) => `- ${sentence.text}`);
    return [`[${title}](${url.replace(/\)/g, '%29')})`, '', ...bullets].join('\n');
  }

  async function copy() {
    const button = $('copy');
    try {
      await navigator.clipboard.writeText(markdown());
      button.textContent = t('copied');
    } catch (error) {
      console.debug('[Unveil popup] copy', error);
      button.textContent = t('copyFailed');
    }
    setTimeout(() => (button.textContent = t('copy')), 1500);
  }

  async function saveAndRefresh(promise) {
    settings = await promise;
    // The content script follows storage.onChanged; ask again once it has applied.
    setTimeout(refresh, 150);
  }

  function wire() {
    $('hide-overlays').addEventListener('change', (event) => saveAndRefresh(U.settings.save({ hideOverlays: event.target.checked })));
    $('hide-overlays-site').addEventListener('change', (event) => {
      // Matching the global switch needs no override; differing from it is one.
      const value = event.target.checked === settings.hideOverlays ? undefined : event.target.checked;
      saveAndRefresh(U.settings.setSiteOverride(state.hostname, 'hideOverlays', value));
    });
    $('mark-quotes').addEventListener('change', (event) => {
      const value = event.target.checked === settings.markQuotes ? undefined : event.target.checked;
      const host = U.settings.hostKey(state.hostname);
      // With a site override in place the switch speaks for this site, otherwise for everywhere.
      if (settings.siteOverrides[host]?.markQuotes !== undefined) saveAndRefresh(U.settings.setSiteOverride(state.hostname, 'markQuotes', value));
      else saveAndRefresh(U.settings.save({ markQuotes: event.target.checked }));
    });
    const lengths = [...document.querySelectorAll('[data-length]')];
    for (const button of lengths) {
      button.addEventListener('click', async () => {
        settings = await U.settings.save({ summaryLength: button.dataset.length });
        renderSummary();
      });
      button.addEventListener('keydown', (event) => {
        const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
        if (!step) return;
        event.preventDefault();
        const next = lengths[(lengths.indexOf(button) + step + lengths.length) % lengths.length];
        next.focus();
        next.click();
      });
    }
    $('copy').addEventListener('click', copy);
    $('open-options').addEventListener('click', () => api.runtime.openOptionsPage());
  }

  async function main() {
    localize();
    wire();
    status(t('stateLoading'));
    settings = await U.settings.load();
    tabId = await targetTab();
    if (tabId === null) return status(t('noContentScript'));
    askSummary(null);
    await refresh();
  }

  main().catch((error) => {
    console.debug('[Unveil popup]', error);
    status(t('noContentScript'));
  });
})();
