/*
 * Unveil page layer — the snapshot: the live DOM flattened into the core's Snapshot
 * (src/snapshot.rs). Field names are the JSON keys the core reads; nodes and layouts are
 * arrays of their fields in the order of the Rust structs (the core reads them by
 * position, faster than by name), trailing defaults left out:
 *
 *   nodes[i]      = [kind, parent, visible, tag, text, attrs, layout, shadow_depth]
 *   layout        = [x, y, width, height, position, z_index, opacity, blurred,
 *                    pointer_events_none, overflow_hidden, top_layer, background_alpha]
 *   liveNodes[i]  = the DOM node nodes[i] describes (kept here, never sent)
 *
 * Pre-order; open shadow roots are walked under their host (shadow_depth + 1) before the
 * host's light children. Same-origin iframes are not entered: content scripts run in every
 * frame and each frame analyses itself.
 */
(function () {
  'use strict';
  const Unveil = (globalThis.Unveil = globalThis.Unveil || {});

  const MAX_NODES = 60000; // = snapshot::MAX_NODES
  const MAX_TEXT_CHARS = 3000000; // = snapshot::MAX_TEXT_CHARS
  const MAX_ATTR_CHARS = 256;
  const SKIP_CONTENTS = new Set(['script', 'style', 'noscript', 'template']);
  // Big containers whose layout matters even when static (scroll locks, blur, the article).
  const CONTAINER_TAGS = new Set(['html', 'body', 'main', 'article', 'section']);
  const DIALOG_SELECTOR = 'dialog,[role="dialog"],[role="alertdialog"],[aria-modal="true"]';
  const CONTAINER_ROLES = new Set(['main', 'article']);
  const EMPTY = Object.freeze({}); // the attributes of a node that has none: JSON `{}`

  // The attributes the core reads (`attr("…")` / `has_attr("…")` in src/), and every data-*
  // one (overlay markers live there). The rest — style, srcset, alt, event handlers… — would
  // only make the snapshot slower to walk, encode and parse. tests/snapshot_attrs.rs checks
  // this list against the core's sources.
  const CORE_ATTRS = new Set([
    'id', 'class', 'role', 'itemprop', 'itemtype', 'name', 'type', 'rel', 'href', 'src', 'datetime',
    'open', 'inert', 'placeholder', 'autocomplete', 'aria-modal', 'aria-label', 'aria-hidden',
  ]);

  // Raw attribute name → the lowercase name the core knows it by, or '' when not wanted: one
  // Map lookup per attribute instead of lowercasing and testing each name again (a page
  // repeats a few dozen names thousands of times). Bounded: a page may invent any number.
  const ATTR_NAMES = new Map();
  const MAX_ATTR_NAMES = 4096;

  function learnAttrName(raw) {
    const name = raw.toLowerCase();
    // data-unveil-*: our own marks are not the page's
    const wanted = CORE_ATTRS.has(name) || (name.startsWith('data-') && !name.startsWith('data-unveil-'));
    const known = wanted ? name : '';
    if (ATTR_NAMES.size < MAX_ATTR_NAMES) ATTR_NAMES.set(raw, known);
    return known;
  }

  /**
   * The element's attributes the core reads, or null when it has none of them. By name
   * (getAttributeNames): iterating `element.attributes` creates an Attr object for each.
   */
  function copyAttrs(element) {
    let attrs = null;
    const names = element.getAttributeNames();
    for (let i = 0; i < names.length; i++) {
      const raw = names[i];
      const name = ATTR_NAMES.get(raw) ?? learnAttrName(raw);
      if (name === '') continue;
      const value = element.getAttribute(raw);
      attrs ??= {};
      attrs[name] = value.length > MAX_ATTR_CHARS ? value.slice(0, MAX_ATTR_CHARS) : value;
    }
    return attrs;
  }

  function safeMatches(element, selector) {
    try {
      return element.matches(selector);
    } catch {
      return false; // :modal / :popover-open are unknown to older engines
    }
  }

  const HAS_CHECK_VISIBILITY = typeof Element.prototype.checkVisibility === 'function';
  // One options object for every call: a fresh literal per element is an allocation each.
  const VISIBILITY_OPTIONS = Object.freeze({ visibilityProperty: true, contentVisibilityAuto: false });

  /** Visible when its parent is (the caller only asks then) and it is rendered itself. */
  function isVisible(element, style) {
    if (HAS_CHECK_VISIBILITY) {
      // False for an element without a box of its own: display:none (whether by the
      // `hidden` attribute or not) or display:contents, whose children decide. Only then
      // is the computed display read: one style read less for every rendered element.
      if (element.checkVisibility(VISIBILITY_OPTIONS)) return true;
      return style.display === 'contents';
    }
    if (style.display === 'contents') return true;
    return style.display !== 'none' && style.visibility !== 'hidden' && style.visibility !== 'collapse';
  }

  function backgroundAlpha(color) {
    // "rgba(0, 0, 0, 0.5)" / "rgb(0 0 0 / 50%)" / "transparent"
    if (!color || color === 'transparent') return 0;
    const match = color.match(/rgba?\(([^)]*)\)/);
    if (!match) return 1;
    const parts = match[1].split(/[\s,/]+/).filter(Boolean);
    if (parts.length < 4) return 1;
    const alpha = parts[3];
    const value = alpha.endsWith('%') ? parseFloat(alpha) / 100 : parseFloat(alpha);
    return Number.isFinite(value) ? value : 1; // NaN would cross as JSON null
  }

  /**
   * True for what DIALOG_SELECTOR matches, read from the copied attributes (`attrs`, null
   * when none): cheaper than matches() or more getAttribute calls.
   */
  function isDialog(tag, role, attrs) {
    return tag === 'dialog' || role === 'dialog' || role === 'alertdialog' || attrs?.['aria-modal'] === 'true';
  }

  /** Positioned, a big container or a dialog: the elements whose box the core reads. */
  function needsLayout(tag, attrs, style) {
    if (CONTAINER_TAGS.has(tag) || style.position !== 'static') return true;
    const role = attrs?.role;
    return CONTAINER_ROLES.has(role) || isDialog(tag, role, attrs);
  }

  const isBlur = (value) => typeof value === 'string' && value.includes('blur(');

  /** The element's Layout (src/snapshot.rs), as the array of its fields in order. */
  function measure(element, style) {
    const rect = element.getBoundingClientRect();
    const z = parseInt(style.zIndex, 10);
    return [
      rect.x,
      rect.y,
      rect.width,
      rect.height,
      style.position,
      Number.isFinite(z) ? z : 0, // z_index
      parseFloat(style.opacity) || 0, // opacity
      isBlur(style.filter) || isBlur(style.backdropFilter) || isBlur(style.webkitBackdropFilter), // blurred
      style.pointerEvents === 'none', // pointer_events_none
      style.overflowY === 'hidden' || style.overflowY === 'clip', // overflow_hidden
      safeMatches(element, ':modal') || safeMatches(element, ':popover-open'), // top_layer
      backgroundAlpha(style.backgroundColor), // background_alpha
    ];
  }

  /** The walker: one per snapshot, so the caps and counters are shared by all roots. */
  function createWalker() {
    const nodes = [];
    const liveNodes = [];
    const shadowRoots = []; // open shadow roots met on the way, for the observer
    let textChars = 0;
    let truncated = false;

    function full() {
      if (nodes.length >= MAX_NODES || textChars >= MAX_TEXT_CHARS) truncated = true;
      return truncated;
    }

    function pushText(textNode, parent, visible, depth) {
      const text = textNode.data;
      textChars += text.length;
      // Trailing defaults (no attrs or layout, shadow_depth 0) are left out: the core fills
      // them in, and a smaller snapshot crosses into wasm (or to the background) faster.
      nodes.push(depth ? ['text', parent, visible, '', text, EMPTY, null, depth] : ['text', parent, visible, '', text]);
      liveNodes.push(textNode);
    }

    function walkChildren(container, parentIndex, visible, depth) {
      for (let child = container.firstChild; child !== null; child = child.nextSibling) {
        if (nodes.length >= MAX_NODES || textChars >= MAX_TEXT_CHARS) {
          truncated = true; // = full(), without a call per node
          return;
        }
        const type = child.nodeType;
        if (type === 1) walkElement(child, parentIndex, visible, depth); // ELEMENT_NODE
        else if (type === 3) pushText(child, parentIndex, visible, depth); // TEXT_NODE
      }
    }

    // Recursion depth is the DOM depth (a few hundred at worst), well inside the JS stack.
    function walkElement(element, parent, parentVisible, depth) {
      const tag = element.localName.toLowerCase();
      const attrs = element.hasAttributes() ? copyAttrs(element) : null;
      // Inside a hidden element nothing is visible or measured: no style to read.
      let visible = false;
      let layout = null;
      if (parentVisible) {
        const style = getComputedStyle(element);
        visible = isVisible(element, style);
        if (visible && needsLayout(tag, attrs, style)) layout = measure(element, style);
      }
      const index = nodes.length;
      const node = ['element', parent, visible, tag];
      if (attrs || layout || depth) node.push('', attrs ?? EMPTY, layout);
      if (depth) node.push(depth);
      nodes.push(node);
      liveNodes.push(element);
      if (SKIP_CONTENTS.has(tag)) return;
      const shadow = element.shadowRoot;
      if (shadow) {
        shadowRoots.push(shadow);
        walkChildren(shadow, index, visible, depth + 1);
      }
      walkChildren(element, index, visible, depth);
    }

    function walkRoot(element) {
      if (full()) return;
      let depth = 0;
      for (let root = element.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) depth++;
      const parentVisible = !element.parentElement || element.parentElement.checkVisibility?.() !== false;
      walkElement(element, null, parentVisible, depth);
    }

    return { nodes, liveNodes, shadowRoots, walkRoot, get truncated() { return truncated; }, get textChars() { return textChars; } };
  }

  function rootStyle(element) {
    if (!element) return {};
    const style = getComputedStyle(element);
    return {
      overflow_y: style.overflowY,
      position: style.position,
      top: style.position === 'fixed' ? parseFloat(style.top) || 0 : 0,
      class: element.getAttribute('class') || '',
    };
  }

  function metaTags() {
    const meta = [];
    for (const tag of document.querySelectorAll('meta[content]')) {
      const key = tag.getAttribute('property') || tag.getAttribute('name') || tag.getAttribute('itemprop');
      if (key) meta.push({ key: key.toLowerCase(), content: tag.getAttribute('content').slice(0, 2000) });
    }
    return meta;
  }

  function jsonLd() {
    return Array.from(document.querySelectorAll('script[type="application/ld+json"]'), (s) => s.textContent || '');
  }

  function pageFields() {
    return {
      url: location.href,
      title: document.title || '',
      lang: document.documentElement?.getAttribute('lang') || null,
      viewport: viewport(),
      meta: metaTags(),
      json_ld: jsonLd(),
      root: rootState(),
    };
  }

  function viewport() {
    return { width: window.innerWidth, height: window.innerHeight };
  }

  function rootState() {
    return { html: rootStyle(document.documentElement), body: rootStyle(document.body) };
  }

  /**
   * Unveil.snapshot(root?) → {snapshot, liveNodes, shadowRoots, stats}. Without `root`, the whole document
   * (with metadata). With an element or an array of elements, a partial snapshot of those
   * subtrees (`partial: true`, each root's parent null) for the incremental overlay scan.
   */
  function snapshot(root) {
    const walker = createWalker();
    const partial = root !== undefined;
    // A page with more elements than the cap would be walked up to the cap and then refused:
    // counting elements natively first steps back at once instead of walking 60,000 nodes.
    if (!partial && document.getElementsByTagName('*').length >= MAX_NODES) {
      const stats = { nodes: 0, textChars: 0, truncated: true };
      return { snapshot: { ...pageFields(), nodes: [], partial, truncated: true }, liveNodes: [], shadowRoots: [], stats };
    }
    const roots = partial ? [].concat(root) : [document.documentElement];
    for (const element of roots) if (element) walker.walkRoot(element);
    // A partial scan still reports the roots' scroll state: late overlays bring late locks.
    const fields = partial ? { url: location.href, viewport: viewport(), root: rootState() } : pageFields();
    return {
      snapshot: { ...fields, nodes: walker.nodes, partial, truncated: walker.truncated },
      liveNodes: walker.liveNodes,
      shadowRoots: walker.shadowRoots,
      stats: { nodes: walker.nodes.length, textChars: walker.textChars, truncated: walker.truncated },
    };
  }

  /**
   * A warm-up step (run with the core's, before the page's analysis): walks a small
   * detached fixture so that the walk's functions are compiled and their inline caches set
   * when the real snapshot runs. The first walk on a page otherwise pays that on the
   * analysis (~0.7 ms CPU of ~5 on the AEB pages; the fixture walk costs ~0.4).
   */
  function warmUp() {
    const root = document.createElement('div');
    for (let i = 0; i < 60; i++) {
      const child = document.createElement(i % 3 ? 'p' : 'section');
      child.className = `warm-up-${i % 5}`;
      if (i % 4 === 0) child.setAttribute('data-warm-up', String(i));
      child.append(`Warm-up text ${i}.`, document.createElement('span'));
      root.append(child);
    }
    return createWalker().walkRoot(root);
  }

  Unveil.snapshot = snapshot;
  Unveil.warmUpSnapshot = warmUp;
  Unveil.snapshotLimits = { MAX_NODES, MAX_TEXT_CHARS };
  Unveil.dom = { safeMatches, DIALOG_SELECTOR };
})();
