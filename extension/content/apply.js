/*
 * Unveil page layer — applying overlay decisions, and taking them back exactly.
 *
 * Every change goes through a ledger entry that remembers what was there before
 * (attribute values and inline style strings byte-for-byte), so `restoreAll()` gives the
 * page back as it was. Hiding is one attribute, data-unveil-hidden="<category>", which one
 * stylesheet (content/unveil.css, and HIDE_CSS inside shadow roots) turns into display:none.
 * Inline styles are only written where a stylesheet cannot win (scroll locks on html/body,
 * blur on the article, an overlay whose own inline style is !important).
 */
(function () {
  'use strict';
  const Unveil = (globalThis.Unveil = globalThis.Unveil || {});

  const HIDDEN_ATTR = 'data-unveil-hidden';
  const HIDE_CSS = `[${HIDDEN_ATTR}]{display:none!important}`;
  const LOCKED = new Set(['hidden', 'clip']);

  /** Remembers an element's attribute once, to put it back byte-for-byte. */
  class AttrMemory {
    constructor() {
      this.saved = new Map(); // element → Map(name → {before, after})
    }
    remember(element, name) {
      let byName = this.saved.get(element);
      if (!byName) this.saved.set(element, (byName = new Map()));
      if (!byName.has(name)) byName.set(name, { before: element.getAttribute(name), after: undefined });
      return byName.get(name);
    }
    /** Call after changing the attribute: what we left behind, to detect the page's own edits. */
    settle(element, name) {
      const entry = this.saved.get(element)?.get(name);
      if (entry) entry.after = element.getAttribute(name);
    }
    /**
     * Puts every remembered attribute back. When the page changed it since (after ≠ now),
     * `merge(element, name, entry)` decides instead of overwriting the page's edit.
     */
    restore(merge) {
      for (const [element, byName] of this.saved) {
        for (const [name, entry] of byName) {
          if (element.getAttribute(name) !== entry.after && merge) merge(element, name, entry);
          else if (entry.before === null) element.removeAttribute(name);
          else element.setAttribute(name, entry.before);
        }
      }
      this.saved.clear();
    }
  }

  /** Sets `property: value !important` inline, remembering the original style attribute. */
  function forceStyle(memory, element, property, value) {
    const entry = memory.remember(element, 'style');
    entry.properties = entry.properties || new Set();
    entry.properties.add(property);
    element.style.setProperty(property, value, 'important');
    memory.settle(element, 'style');
  }

  /** The page edited a style we had overridden: drop only our properties, keep theirs. */
  function mergeStyle(element, name, entry) {
    if (name === 'style') for (const property of entry.properties || []) element.style.removeProperty(property);
    else if (name === 'class') mergeClass(element, entry);
    else if (entry.before === null) element.removeAttribute(name);
    else element.setAttribute(name, entry.before);
  }

  function mergeClass(element, entry) {
    for (const name of entry.removedClasses || []) element.classList.add(name);
  }

  /** Injects the hiding rule into a shadow root once (the page's stylesheet does not reach it). */
  let styledRoots = new WeakSet();
  const shadowStyles = []; // the <style> elements injected, removed again by restoreAll
  function ensureShadowStyle(element) {
    const root = element.getRootNode();
    if (!(root instanceof ShadowRoot) || styledRoots.has(root)) return;
    styledRoots.add(root);
    const style = document.createElement('style');
    style.setAttribute('data-unveil-style', '');
    style.textContent = HIDE_CSS;
    root.appendChild(style);
    shadowStyles.push(style);
  }

  /** Takes the injected hiding rules out of the shadow roots: switched off, the page is as it was. */
  function removeShadowStyles() {
    for (const style of shadowStyles.splice(0)) style.remove();
    styledRoots = new WeakSet();
  }

  class Applier {
    constructor(log) {
      this.log = log;
      this.memory = new AttrMemory(); // every attribute we touched
      this.hidden = new Map(); // element → decision
      this.closedDialogs = []; // {dialog, modal}
      this.scrollRestore = null;
      this.relocks = 0;
    }

    /** True when hiding `element` would hide the article (the last guard, whatever the core said). */
    static protects(element, articleRoot) {
      if (element === document.documentElement || element === document.body || element.localName === 'head') return true;
      return Boolean(articleRoot && articleRoot.isConnected && (element === articleRoot || element.contains(articleRoot)));
    }

    hide(element, category) {
      this.memory.remember(element, HIDDEN_ATTR);
      element.setAttribute(HIDDEN_ATTR, category);
      this.memory.settle(element, HIDDEN_ATTR);
      ensureShadowStyle(element);
      // A page's inline `display: … !important` beats the stylesheet; answer in kind.
      if (element.isConnected && getComputedStyle(element).display !== 'none') {
        forceStyle(this.memory, element, 'display', 'none');
      }
      this.hidden.set(element, category);
    }

    /** Unhides one element (the popup's "Show"), restoring exactly what it had. */
    unhide(element) {
      if (!this.hidden.has(element)) return;
      this.hidden.delete(element);
      const byName = this.memory.saved.get(element);
      for (const name of [HIDDEN_ATTR, 'style']) {
        const entry = byName?.get(name);
        if (!entry) continue;
        if (name === 'style' && element.getAttribute('style') !== entry.after) mergeStyle(element, name, entry);
        else if (entry.before === null) element.removeAttribute(name);
        else element.setAttribute(name, entry.before);
        byName.delete(name);
      }
    }

    /** The page removed our attribute from an element we hide: put it back (the caller limits retries). */
    rehide(element) {
      const category = this.hidden.get(element);
      if (category && element.getAttribute(HIDDEN_ATTR) !== category) element.setAttribute(HIDDEN_ATTR, category);
    }

    unlockScroll() {
      const html = document.documentElement;
      const body = document.body;
      for (const element of [html, body]) {
        if (!element) continue;
        const style = getComputedStyle(element);
        if (LOCKED.has(style.overflowY)) forceStyle(this.memory, element, 'overflow-y', 'auto');
        if (LOCKED.has(style.overflowX) && element === html) forceStyle(this.memory, element, 'overflow-x', 'auto');
        if (style.position === 'fixed') {
          // body {position: fixed; top: -1234px} keeps the reader's place; give it back as scroll.
          const top = parseFloat(style.top) || 0;
          forceStyle(this.memory, element, 'position', 'static');
          forceStyle(this.memory, element, 'top', 'auto');
          if (top < 0 && !this.scrollRestore) this.scrollRestore = { y: -top, element };
        }
      }
      if (this.scrollRestore && window.scrollY === 0) window.scrollTo(0, this.scrollRestore.y);
    }

    removeRootClasses(classes) {
      for (const element of [document.documentElement, document.body]) {
        if (!element) continue;
        const present = classes.filter((name) => element.classList.contains(name));
        if (!present.length) continue;
        const entry = this.memory.remember(element, 'class');
        entry.removedClasses = [...new Set([...(entry.removedClasses || []), ...present])];
        element.classList.remove(...present);
        this.memory.settle(element, 'class');
      }
    }

    uninert(element) {
      for (const name of ['inert', 'aria-hidden']) {
        if (!element.hasAttribute(name)) continue;
        this.memory.remember(element, name);
        element.removeAttribute(name);
        this.memory.settle(element, name);
      }
    }

    unblur(element) {
      const style = getComputedStyle(element);
      if (style.filter !== 'none') forceStyle(this.memory, element, 'filter', 'none');
      if (style.backdropFilter && style.backdropFilter !== 'none') forceStyle(this.memory, element, 'backdrop-filter', 'none');
      if (parseFloat(style.opacity) < 1) forceStyle(this.memory, element, 'opacity', '1');
      if (style.pointerEvents === 'none') forceStyle(this.memory, element, 'pointer-events', 'auto');
      if (style.userSelect === 'none') forceStyle(this.memory, element, 'user-select', 'text');
    }

    closeDialog(dialog) {
      if (!(dialog instanceof HTMLDialogElement) || !dialog.open) return;
      const modal = Unveil.dom.safeMatches(dialog, ':modal');
      dialog.close();
      this.closedDialogs.push({ dialog, modal });
    }

    /** Applies the page fixes of one report. `nodeAt(id)` maps node ids to live elements. */
    applyFixes(fixes, nodeAt) {
      if (!fixes) return;
      for (const id of fixes.close_dialogs || []) this.closeDialog(nodeAt(id));
      if (fixes.root_classes?.length) this.removeRootClasses(fixes.root_classes);
      if (fixes.unlock_scroll) this.unlockScroll();
      for (const id of fixes.uninert || []) if (nodeAt(id) instanceof Element) this.uninert(nodeAt(id));
      for (const id of fixes.unblur || []) if (nodeAt(id) instanceof Element) this.unblur(nodeAt(id));
    }

    /** True when html/body are locked again (the page re-applied its lock after we lifted it). */
    isRelocked(fixes) {
      const lockedRoot = [document.documentElement, document.body].some((element) => {
        if (!element) return false;
        const style = getComputedStyle(element);
        return LOCKED.has(style.overflowY) || (element === document.body && style.position === 'fixed');
      });
      const lockClass = (fixes.root_classes || []).some((name) =>
        document.documentElement.classList.contains(name) || document.body?.classList.contains(name));
      return lockedRoot || lockClass;
    }

    /** Takes back everything: attributes, classes, inline styles, dialogs, in reverse. */
    restoreAll() {
      this.memory.restore(mergeStyle);
      for (const { dialog, modal } of this.closedDialogs.reverse()) {
        try {
          if (dialog.isConnected && !dialog.open) modal ? dialog.showModal() : dialog.show();
        } catch (error) {
          this.log('could not reopen dialog', error);
        }
      }
      this.closedDialogs = [];
      this.hidden.clear();
      removeShadowStyles();
      this.scrollRestore = null;
    }
  }

  Unveil.Applier = Applier;
  Unveil.HIDDEN_ATTR = HIDDEN_ATTR;
})();
