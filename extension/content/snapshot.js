/*
 * Unveil page layer — the snapshot: the live DOM flattened into the core's Snapshot
 * (src/snapshot.rs), written as the walk goes in the core's wire format: one string of all
 * string fields and one array of numbers, {strings, numbers}. The format is described once,
 * in src/snapshot/wire.rs; createWriter below is its only writer (the snapshot goes to the
 * background's core as it is; tests/unit/wire.test.mjs and tests/wire_contract.rs hold both
 * sides to one sample).
 *
 *   node i        = the i-th node written (writer.element / writer.text)
 *   liveNodes[i]  = the DOM node it describes (kept here, never sent)
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
  // Elements whose children are not walked. The head's metadata (title, meta, JSON-LD) goes in
  // the snapshot's page fields, and the core reads nothing else of it (neither article nor
  // overlay): 8% of the median AEB page's nodes and 6% of its strings, walked and sent for nothing.
  // An <svg>'s insides are drawing (paths, groups, gradients: 2% of an AEB page's nodes, 5% of
  // its walk, each with style and attributes to read) or text the article is not made of (chart
  // labels; a <title> is not rendered, so never visible text); the <svg> element itself is kept.
  const SKIP_CONTENTS = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg']);
  // Whitespace that CSS collapses (not U+00A0, which stays): a text node of nothing else, most
  // often the indentation between two tags, is sent as one space — what it renders as at most,
  // and all the core makes of it. A third of the median AEB page's text nodes, 14% of the
  // strings its snapshot sends; reports identical on the 181 AEB pages.
  const COLLAPSIBLE_ONLY = /^[ \t\n\r\f]+$/;
  // Elements the browser does not render (its own stylesheet hides them): whatever a page's CSS
  // does with them, they are neither article nor overlay, so the walk reads no style for them
  // and writes them invisible. A news page's body holds dozens of scripts.
  const NOT_RENDERED = new Set(['script', 'style', 'template', 'link', 'meta', 'title', 'base']);
  // Big containers whose layout matters even when static (scroll locks, blur, the article).
  const CONTAINER_TAGS = new Set(['html', 'body', 'main', 'article', 'section']);
  // Where no overlay can float: inside a block of text (a paragraph, a list item, a heading, a
  // table cell…) and on elements that hold no other (an image, a form field…). Their position
  // is not read: a computed style per element was the walk's largest part, and these are most
  // of a news page's elements (links and spans in list items and paragraphs). On the 181
  // AEB pages the core's reports are the same, the walk 7% cheaper (tools/walk-bench.mjs).
  const TEXT_BLOCKS = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'th', 'dt', 'dd',
    'figcaption', 'pre', 'label', 'blockquote']);
  const NO_OVERLAY_BOX = new Set(['img', 'br', 'svg', 'input', 'option', 'source', 'picture', 'hr', 'wbr']);
  // A site menu's insides are links and labels, neither article (the core drops a <nav> from
  // it) nor overlay (the core never hides inside one): 14% of the median AEB page's nodes. A
  // <nav> is sent without them, and the core takes it for the link list it holds
  // (overlays::vetoes, HoldsNavigation). Unless it holds what a menu does not: text, the
  // article, metadata (a <nav> wrapped around the page by broken markup).
  const NAV_CONTENT = 'p, h1, article, main, time, [role="main"], [role="article"], [itemprop]';
  const DIALOG_SELECTOR = 'dialog,[role="dialog"],[role="alertdialog"],[aria-modal="true"]';
  const CONTAINER_ROLES = new Set(['main', 'article']);
  // The only elements attachShadow() accepts besides custom elements (whose names hold a '-'):
  // no other element can have a shadow root, so the walk asks only these for one.
  const SHADOW_HOSTS = new Set(['article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3',
    'h4', 'h5', 'h6', 'header', 'main', 'nav', 'p', 'section', 'span']);

  // The attributes the core reads (`attr("…")` / `has_attr("…")` in src/), and every data-*
  // one (overlay markers live there). The rest — style, srcset, alt, event handlers… — would
  // only make the snapshot slower to walk, encode and parse. In this order, they are the wire's
  // CODED_ATTRS (src/snapshot/wire.rs): each is sent as one capital letter, A for the first.
  // tests/snapshot_attrs.rs checks this list against the core's sources and that one.
  const CORE_ATTRS = [
    'id', 'class', 'role', 'itemprop', 'itemtype', 'name', 'type', 'rel', 'href', 'src', 'datetime',
    'open', 'inert', 'placeholder', 'autocomplete', 'aria-modal', 'aria-label', 'aria-hidden',
  ];
  const ATTR_CODE = new Map(CORE_ATTRS.map((name, place) => [name, String.fromCharCode(65 + place)]));
  // Two of them the core reads on one element only: a link's href, an iframe's src (where an
  // offer or a sign-up form lives). Every image's src and every <link>'s href is 4% of the
  // strings an AEB page sends. tests/snapshot_attrs.rs holds the core to these two tags.
  const HREF_TAG = 'a';
  const SRC_TAG = 'iframe';
  // Longer data-* values are not markers (URLs, JSON, prose): the core skips them
  // (overlays::markup::MAX_DATA_MARKER_CHARS, checked against this by tests/snapshot_attrs.rs).
  const MAX_DATA_MARKER_CHARS = 128;

  // Raw attribute name → the lowercase name the core knows it by, or '' when not wanted: one
  // Map lookup per attribute instead of lowercasing and testing each name again (a page
  // repeats a few dozen names thousands of times). Bounded: a page may invent any number.
  const ATTR_NAMES = new Map();
  const MAX_ATTR_NAMES = 4096;

  function learnAttrName(raw) {
    const name = raw.toLowerCase();
    // data-unveil-*: our own marks are not the page's
    const wanted = ATTR_CODE.has(name) || (name.startsWith('data-') && !name.startsWith('data-unveil-'));
    const known = wanted ? name : '';
    if (ATTR_NAMES.size < MAX_ATTR_NAMES) ATTR_NAMES.set(raw, known);
    return known;
  }

  function safeMatches(element, selector) {
    try {
      return element.matches(selector);
    } catch {
      return false; // :modal / :popover-open are unknown to older engines
    }
  }

  // globalThis.Element: the unit tests load this file in Node, which has no DOM.
  const HAS_CHECK_VISIBILITY = typeof globalThis.Element?.prototype.checkVisibility === 'function';
  // One options object for every call: a fresh literal per element is an allocation each.
  const VISIBILITY_OPTIONS = Object.freeze({ visibilityProperty: true, contentVisibilityAuto: false });

  /**
   * Visible by the computed style alone, where checkVisibility() is missing (older engines):
   * display:contents is visible, its children decide.
   */
  function visibleByStyle(style) {
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

  const isBlur = (value) => typeof value === 'string' && value.includes('blur(');

  /** The element's Layout (src/snapshot.rs), as the array of its fields in order (writer.layout). */
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

  // ---- the wire format's writer (src/snapshot/wire.rs) ------------------------------------

  const WIRE_VERSION = 2;
  const HEADER_LEN = 9;
  // DEL: the one ASCII control character JSON leaves as it is (see wire.rs).
  const SEPARATOR = '\x7f';
  // A node's head: flags + ATTR × its attribute count.
  const TEXT = 1;
  const VISIBLE = 2;
  const HAS_LAYOUT = 4;
  const HAS_DEPTH = 16; // (8, in a frame, is never set: frames analyse themselves)
  const ATTR = 32;

  /** A string field: a separator in page text becomes U+FFFD, one UTF-16 unit for one. */
  const field = (value) => value.replaceAll(SEPARATOR, '\ufffd');

  /**
   * Appends nodes in document order; `finish(page)` adds the page's fields and returns
   * {strings, numbers}. Plain arrays, joined once: what crosses into wasm (one copy each) or
   * through runtime.sendMessage to the background (JSON in Chrome, structured clone in Firefox).
   */
  function createWriter() {
    const numbers = [0, 0, 0, 0, 0, 0, 0, 0, 0]; // the header, filled by finish()
    const strings = [];
    let head = 0; // where the last node's head is in `numbers`

    // element() and text() run once per node, mostly before V8 has optimised them: they
    // call nothing they need not (an extra call per node cost ~2 ms of a cold walk).
    // Names can hold a DEL too (the HTML parser keeps it in a tag or attribute name).
    const writer = {
      count: 0, // nodes written
      /**
       * An element node; returns its index. Its attributes and layout follow. `parent`: the
       * parent's index, or null; it is sent as how far back it is (0 for none).
       */
      element(tag, parent, visible, depth) {
        head = numbers.length;
        const flags = visible ? VISIBLE : 0;
        const distance = parent == null ? 0 : writer.count - parent;
        if (depth) numbers.push(flags + HAS_DEPTH, distance, depth);
        else numbers.push(flags, distance);
        strings.push(tag.includes(SEPARATOR) ? field(tag) : tag);
        return writer.count++;
      },
      text(text, parent, visible, depth) {
        head = numbers.length;
        const flags = visible ? TEXT + VISIBLE : TEXT;
        const distance = parent == null ? 0 : writer.count - parent;
        if (depth) numbers.push(flags + HAS_DEPTH, distance, depth);
        else numbers.push(flags, distance);
        strings.push(text.includes(SEPARATOR) ? field(text) : text);
        return writer.count++;
      },
      /** An attribute of the last element, by its lowercase name. */
      attr(name, value) {
        numbers[head] += ATTR;
        const wireName = ATTR_CODE.get(name) ?? (name.includes(SEPARATOR) ? field(name) : name);
        strings.push(wireName, value.includes(SEPARATOR) ? field(value) : value);
      },
      /**
       * The array measure() returns: [x, y, width, height, position, z_index, opacity,
       * blurred, pointer_events_none, overflow_hidden, top_layer, background_alpha]. Read by
       * index: destructuring goes through the iterator protocol, slow while the walk is cold.
       */
      layout(l) {
        numbers[head] += HAS_LAYOUT;
        const flags = (l[7] ? 1 : 0) + (l[8] ? 2 : 0) + (l[9] ? 4 : 0) + (l[10] ? 8 : 0);
        numbers.push(l[0], l[1], l[2], l[3], l[5], l[6], l[11], flags);
        strings.push(field(l[4]));
      },
      /** page: {url, title?, lang?, viewport, root, meta?, json_ld?, partial, truncated}. */
      finish({ url, title = '', lang = null, viewport, root, meta = [], json_ld: jsonLd = [], partial, truncated }) {
        const header = [WIRE_VERSION, writer.count, (partial ? 1 : 0) + (truncated ? 2 : 0) + (lang != null ? 4 : 0),
          viewport.width, viewport.height, root.html.top ?? 0, root.body.top ?? 0, meta.length, jsonLd.length];
        for (let i = 0; i < HEADER_LEN; i++) numbers[i] = header[i];
        strings.push(field(url), field(title));
        if (lang != null) strings.push(field(lang));
        for (const style of [root.html, root.body]) strings.push(field(style.overflow_y ?? ''), field(style.position ?? ''), field(style.class ?? ''));
        for (const tag of meta) strings.push(field(tag.key), field(tag.content));
        for (const block of jsonLd) strings.push(field(block));
        strings.push(''); // so that the join ends the last field with a separator too
        return { strings: strings.join(SEPARATOR), numbers };
      },
    };
    return writer;
  }

  // ---- the walk ---------------------------------------------------------------------------

  /** The walker: one per snapshot, so the caps and counters are shared by all roots. */
  function createWalker() {
    const writer = createWriter();
    const liveNodes = [];
    const shadowRoots = []; // open shadow roots met on the way, for the observer
    let textChars = 0;
    let truncated = false;

    function full() {
      if (writer.count >= MAX_NODES || textChars >= MAX_TEXT_CHARS) truncated = true;
      return truncated;
    }

    function walkChildren(container, parentIndex, visible, depth, inText) {
      for (let child = container.firstChild; child !== null; child = child.nextSibling) {
        if (writer.count >= MAX_NODES || textChars >= MAX_TEXT_CHARS) {
          truncated = true; // = full(), without a call per node
          return;
        }
        const type = child.nodeType;
        if (type === 1) {
          walkElement(child, parentIndex, visible, depth, inText); // ELEMENT_NODE
        } else if (type === 3) {
          // TEXT_NODE
          const text = child.data;
          textChars += text.length;
          writer.text(text.length > 1 && COLLAPSIBLE_ONLY.test(text) ? ' ' : text, parentIndex, visible, depth);
          liveNodes.push(child);
        }
      }
    }

    /**
     * One element: its visibility, the attributes the core reads, its layout when the core
     * reads it, then its shadow root's and its own children. One function, with what used to be
     * isVisible, copyAttrs and needsLayout written in it: the walk runs once per page, cold
     * (interpreted or baseline code), where each call per element costs (7% of the walk on 40
     * AEB pages, tools/walk-bench.mjs). Recursion depth is the DOM depth (a few hundred at
     * worst), well inside the JS stack.
     */
    function walkElement(element, parent, parentVisible, depth, parentInText) {
      const tag = element.localName.toLowerCase();
      // Inside a hidden element nothing is visible or measured: no style to read.
      let style = null;
      let visible = false;
      if (parentVisible && !NOT_RENDERED.has(tag)) {
        // checkVisibility() is false for an element without a box of its own: display:none
        // (by the `hidden` attribute or not) or display:contents, whose children decide. Only
        // then is the computed style read here: most elements need none (below).
        visible = HAS_CHECK_VISIBILITY
          ? element.checkVisibility(VISIBILITY_OPTIONS) || (style = getComputedStyle(element)).display === 'contents'
          : visibleByStyle(style = getComputedStyle(element));
      }
      const inText = parentInText || TEXT_BLOCKS.has(tag);
      const index = writer.element(tag, parent, visible, depth);
      // The attributes the core reads, by name (getAttributeNames: iterating `attributes`
      // creates an Attr object each); on the way, the role the layout test below reads —
      // 'dialog' for aria-modal="true", which makes a dialog of any role.
      let role = null;
      if (element.hasAttributes()) {
        const names = element.getAttributeNames();
        for (let i = 0; i < names.length; i++) {
          const raw = names[i];
          const name = ATTR_NAMES.get(raw) ?? learnAttrName(raw);
          if (name === '' || (name === 'href' && tag !== HREF_TAG) || (name === 'src' && tag !== SRC_TAG)) continue;
          const value = element.getAttribute(raw);
          if (value.length > MAX_DATA_MARKER_CHARS && name.startsWith('data-')) continue;
          if (name === 'role') role ??= value;
          else if (name === 'aria-modal' && value === 'true') role = 'dialog';
          writer.attr(name, value.length > MAX_ATTR_CHARS ? value.slice(0, MAX_ATTR_CHARS) : value);
        }
      }
      // The elements whose box the core reads: a big container, a dialog (what DIALOG_SELECTOR
      // matches, from the role read above: cheaper than matches()), or a positioned element
      // where an overlay could be.
      if (visible) {
        const boxed = CONTAINER_TAGS.has(tag) || CONTAINER_ROLES.has(role) || tag === 'dialog' || role === 'dialog'
          || role === 'alertdialog';
        if (boxed || (!inText && !NO_OVERLAY_BOX.has(tag))) {
          style ??= getComputedStyle(element);
          if (boxed || style.position !== 'static') writer.layout(measure(element, style));
        }
      }
      liveNodes.push(element);
      if (SKIP_CONTENTS.has(tag) || (tag === 'nav' && element.querySelector(NAV_CONTENT) === null)) return;
      const shadow = SHADOW_HOSTS.has(tag) || tag.includes('-') ? element.shadowRoot : null;
      if (shadow) {
        shadowRoots.push(shadow);
        walkChildren(shadow, index, visible, depth + 1, inText);
      }
      walkChildren(element, index, visible, depth, inText);
    }

    function walkRoot(element) {
      if (full()) return;
      let depth = 0;
      for (let root = element.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) depth++;
      const parentVisible = !element.parentElement || element.parentElement.checkVisibility?.() !== false;
      // A partial snapshot's root (a late overlay) is not known to sit in a block of text.
      walkElement(element, null, parentVisible, depth, false);
    }

    return { writer, liveNodes, shadowRoots, walkRoot, get truncated() { return truncated; }, get textChars() { return textChars; } };
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
   * Unveil.snapshot(root?) → {snapshot, liveNodes, shadowRoots, stats}, `snapshot` in the wire
   * format ({strings, numbers}). Without `root`, the whole document (with metadata). With an
   * element or an array of elements, a partial snapshot of those subtrees (`partial: true`,
   * each root's parent null) for the incremental overlay scan.
   */
  function snapshot(root) {
    const walker = createWalker();
    const partial = root !== undefined;
    // A page with more elements than the cap would be walked up to the cap and then refused:
    // counting elements natively first steps back at once instead of walking 60,000 nodes.
    if (!partial && document.getElementsByTagName('*').length >= MAX_NODES) {
      const stats = { nodes: 0, textChars: 0, truncated: true };
      return { snapshot: walker.writer.finish({ ...pageFields(), partial, truncated: true }), liveNodes: [], shadowRoots: [], stats };
    }
    const roots = partial ? [].concat(root) : [document.documentElement];
    for (const element of roots) if (element) walker.walkRoot(element);
    // A partial scan still reports the roots' scroll state: late overlays bring late locks.
    const fields = partial ? { url: location.href, viewport: viewport(), root: rootState() } : pageFields();
    return {
      snapshot: walker.writer.finish({ ...fields, partial, truncated: walker.truncated }),
      liveNodes: walker.liveNodes,
      shadowRoots: walker.shadowRoots,
      stats: { nodes: walker.writer.count, textChars: walker.textChars, truncated: walker.truncated },
    };
  }

  Unveil.snapshot = snapshot;
  Unveil.createSnapshotWriter = createWriter;
  Unveil.snapshotLimits = { MAX_NODES, MAX_TEXT_CHARS };
  Unveil.dom = { safeMatches, DIALOG_SELECTOR };
})();
