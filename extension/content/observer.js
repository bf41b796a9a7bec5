/*
 * Unveil page layer — watching for overlays that arrive after load, cheaply.
 *
 * One MutationObserver, from the first full snapshot on: everything in the page before it is
 * in that snapshot, so observing the parser insert the page would only cost (a news page's
 * parse made ~5 ms of callbacks at document_start). Its callback only collects (a Set of
 * candidate elements, a count of added elements); the work happens at most once per animation frame
 * within a time budget, leftovers in the next frame. An element is examined only when it
 * could be an overlay: new elements that are fixed/sticky/top-layer/dialog or big absolute
 * (or contain such near the top of their subtree), and attribute changes on elements whose
 * names look like overlays, or on html/body (re-locked scrolling). Everything else that
 * changes on a busy page (animations, tickers, infinite scroll) costs a Set lookup.
 */
(function () {
  'use strict';
  const Unveil = (globalThis.Unveil = globalThis.Unveil || {});

  const BUDGET_MS = 4;
  const REEXAMINE_MS = 2000; // an element whose attributes keep changing (an animated sticky bar) is looked at this often at most
  const DESCENDANTS_CHECKED = 40; // of a large inserted subtree, the first few elements
  // An overlay and its backdrop are usually inserted together, but the budget can split them
  // over two frames, and the core only recognises a backdrop next to the overlay it belongs to
  // (a lone tinted layer is not hidden). So candidates handed over in the last RECENT_MS are
  // handed over again with the next ones (the content script skips those already hidden).
  const RECENT_MS = 3000;
  const RECENT_MAX = 8;
  const OVERLAY_NAME = /modal|overlay|popup|pop-up|paywall|regwall|wall|gate|meter|subscri|newsletter|donat|banner|consent|cookie|adblock|interstitial|dialog|lightbox|piano|tp-|fc-|sticky|offer|promo/i;
  const IGNORED_TAGS = new Set(['script', 'style', 'link', 'meta', 'noscript', 'template', 'br', 'unveil-quote', 'svg', 'img', 'path']);
  const WATCHED_ATTRIBUTES = ['class', 'style', 'open', 'hidden', 'aria-modal', 'popover', Unveil.HIDDEN_ATTR];

  // Whether an element's id/class looks like an overlay, cached: on a busy page the same
  // elements change style every frame; only a class change can change the answer.
  const nameLooksLikeOverlay = new WeakMap();
  function looksLikeOverlay(element, attributeName) {
    let answer = attributeName === 'class' ? undefined : nameLooksLikeOverlay.get(element);
    if (answer === undefined) {
      answer = OVERLAY_NAME.test(`${element.id} ${element.getAttribute('class') || ''}`);
      nameLooksLikeOverlay.set(element, answer);
    }
    return answer;
  }

  /** Could this element be (or hold) an overlay? Computed style only for plausible ones. */
  function couldBeOverlay(element) {
    if (!element.isConnected || IGNORED_TAGS.has(element.localName)) return false;
    if (Unveil.dom.safeMatches(element, `${Unveil.dom.DIALOG_SELECTOR},:modal,:popover-open`)) return true;
    const style = getComputedStyle(element);
    if (style.display === 'none') return false;
    if (style.position === 'fixed' || style.position === 'sticky') return true;
    if (style.position === 'absolute') {
      const rect = element.getBoundingClientRect();
      return rect.width * rect.height >= 0.3 * window.innerWidth * window.innerHeight;
    }
    return false;
  }

  function holdsOverlay(element) {
    if (couldBeOverlay(element)) return true;
    const inside = element.querySelectorAll('*');
    const limit = Math.min(inside.length, DESCENDANTS_CHECKED);
    for (let i = 0; i < limit; i++) if (couldBeOverlay(inside[i])) return true;
    return element.querySelector(Unveil.dom.DIALOG_SELECTOR) !== null;
  }

  /**
   * createObserver({onCandidates(elements), onRootChange(), onUnhidden(element), onGrowth(count), log})
   * → {markSnapshot(), observeShadowRoots(roots), enable(), pause(fn), stop()}. `pause(fn)` runs
   * our own DOM changes without observing them.
   */
  function createObserver(hooks) {
    const added = new Set();
    const changed = new Set();
    let rootChanged = false;
    let scheduled = false;
    let enabled = false; // candidates are only examined once there is a report to give context
    let stopped = false;
    let observer = null; // made by the first full snapshot (markSnapshot)
    const examinedAt = new WeakMap();
    let recent = []; // {element, at}: candidates handed over lately, newest last

    function collect(records) {
      let grown = 0;
      for (const record of records) {
        if (record.type === 'childList') {
          for (const node of record.addedNodes) {
            if (node.nodeType !== Node.ELEMENT_NODE || IGNORED_TAGS.has(node.localName)) continue;
            added.add(node);
            if (node.shadowRoot) observeShadowRoots([node.shadowRoot]);
            grown++;
          }
          continue;
        }
        const target = record.target;
        if (record.attributeName === Unveil.HIDDEN_ATTR) hooks.onUnhidden(target);
        else if (target === document.documentElement || target === document.body) rootChanged = true;
        else if (record.attributeName === 'open' || record.attributeName === 'aria-modal' || looksLikeOverlay(target, record.attributeName)) changed.add(target);
      }
      if (grown) hooks.onGrowth(grown);
      schedule();
    }

    function schedule() {
      if (scheduled || !enabled || (!added.size && !changed.size && !rootChanged)) return;
      scheduled = true;
      // rAF does not run in hidden tabs; the timeout keeps background tabs clean too.
      let done = false;
      const run = () => {
        if (done) return;
        done = true;
        scheduled = false;
        work();
      };
      requestAnimationFrame(run);
      setTimeout(run, 250);
    }

    function take(set) {
      const first = set.values().next().value;
      set.delete(first);
      return first;
    }

    function work() {
      const started = performance.now();
      const candidates = [];
      if (rootChanged) {
        rootChanged = false;
        hooks.onRootChange();
      }
      while ((added.size || changed.size) && performance.now() - started < BUDGET_MS) {
        const fromAdded = added.size > 0;
        const element = take(fromAdded ? added : changed);
        if (!fromAdded) {
          const now = performance.now();
          if (now - (examinedAt.get(element) ?? -Infinity) < REEXAMINE_MS) continue;
          examinedAt.set(element, now);
        }
        try {
          if (fromAdded ? holdsOverlay(element) : couldBeOverlay(element)) candidates.push(element);
        } catch (error) {
          hooks.log('examine failed', error);
        }
      }
      if (candidates.length) hooks.onCandidates(withRecent(candidates));
      schedule(); // leftovers: next frame
    }

    /** `candidates` with the still-connected ones of the last RECENT_MS, outermost only. */
    function withRecent(candidates) {
      const now = performance.now();
      const earlier = recent.filter(({ element, at }) => now - at < RECENT_MS && element.isConnected && !candidates.includes(element));
      recent = [...earlier, ...candidates.map((element) => ({ element, at: now }))].slice(-RECENT_MAX);
      return outermost([...earlier.map(({ element }) => element), ...candidates]);
    }

    /** Drops candidates inside other candidates: one partial snapshot per subtree. */
    function outermost(elements) {
      return elements.filter((element) => !elements.some((other) => other !== element && other.contains(element)));
    }

    const OPTIONS = { childList: true, subtree: true, attributes: true, attributeFilter: WATCHED_ATTRIBUTES };
    // A document observer does not see inside shadow roots: each open one is observed too.
    const watchedRoots = new WeakSet();
    function observeShadowRoots(roots) {
      for (const root of roots) {
        if (!observer || watchedRoots.has(root)) continue;
        watchedRoots.add(root);
        observer.observe(root, OPTIONS);
        root.addEventListener('load', stylesLoaded, true);
      }
    }

    // A shadow root's own <link rel=stylesheet> loads after the element is attached, often
    // after the full snapshot: the snapshot then measured its overlay unstyled (static, in
    // the flow) and no mutation follows when the styles arrive. Re-examine the root's
    // top-level elements once its stylesheet has loaded.
    function stylesLoaded(event) {
      try {
        const link = event.target;
        if (link?.localName !== 'link' || !/\bstylesheet\b/i.test(link.rel || '')) return;
        const root = link.getRootNode();
        if (!(root instanceof ShadowRoot)) return;
        for (const element of root.children) if (!IGNORED_TAGS.has(element.localName)) added.add(element);
        schedule();
      } catch (error) {
        hooks.log('stylesheet load failed', error);
      }
    }

    function startObserving() {
      observer = new MutationObserver((records) => {
        try {
          collect(records);
        } catch (error) {
          hooks.log('observer failed', error);
        }
      });
      observer.observe(document, OPTIONS);
    }

    return {
      observeShadowRoots,
      /**
       * A full snapshot was just taken (in this task): it saw everything added so far. The
       * first one starts the observer; later ones drop what it collected meanwhile.
       */
      markSnapshot() {
        if (stopped) return;
        if (observer) observer.takeRecords();
        else startObserving();
        added.clear();
        changed.clear();
        recent = [];
      },
      /** From now on candidates are examined (after the first full report). */
      enable() {
        enabled = true;
        schedule();
      },
      /** Runs `fn` (our own DOM changes) and forgets the records it caused — only those. */
      pause(fn) {
        // Records of the page's own changes may still be queued: collect them first.
        const pending = observer ? observer.takeRecords() : [];
        if (pending.length) collect(pending);
        try {
          return fn();
        } finally {
          if (observer) observer.takeRecords();
        }
      },
      stop() {
        stopped = true;
        enabled = false;
        observer?.disconnect();
        added.clear();
        changed.clear();
        recent = [];
      },
    };
  }

  Unveil.createObserver = createObserver;
})();
