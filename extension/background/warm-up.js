/*
 * The core's warm-up: a small made-up page that reaches most of the core (metadata, an
 * article of several paragraphs with attributed quotes, a fixed overlay with a scroll lock).
 * A fresh instance pays V8's lazy compilation of every wasm function on its first call; these
 * calls pay it before the first real page's snapshot arrives.
 */
import '../content/snapshot.js';

function warmUpPage({ partial = false } = {}) {
  // Written as the page layer writes a snapshot (content/snapshot.js).
  const writer = globalThis.Unveil.createSnapshotWriter();
  const element = (tag, parent, { attrs = {}, layout = null } = {}) => {
    const index = writer.element(tag, parent, true, 0);
    for (const [name, value] of Object.entries(attrs)) writer.attr(name, value);
    if (layout) writer.layout(layout);
    return index;
  };
  const text = (parent, value) => writer.text(value, parent, true, 0);
  const box = (position, width, height) => [0, 0, width, height, position, position === 'fixed' ? 999 : 0, 1, false, false, false, false, 1];
  const html = element('html', null, { attrs: { lang: 'en' }, layout: box('static', 1280, 3000) });
  const body = element('body', html, { layout: box('static', 1280, 3000) });
  const article = element('article', body, { attrs: { class: 'story' }, layout: box('static', 800, 2400) });
  text(element('h1', article), 'Ferry service returns to the island after the winter storms');
  const paragraphs = [
    'The island ferry sailed again on Tuesday for the first time since the January storms damaged its pier.',
    '"We waited three months for this morning," said Ana Ruiz, who runs the bakery by the harbour.',
    'Engineers rebuilt the pier with stronger piles, and the council said the work finished two weeks early.',
    'Ruiz said the winter had been hard for every shop on the island. "Now people can come back," she said.',
    'The operator plans six crossings a day in summer, according to a statement from the port authority.',
  ];
  for (const paragraph of paragraphs) text(element('p', article), paragraph);
  const overlay = element('div', body, { attrs: { class: 'paywall-modal', role: 'dialog' }, layout: box('fixed', 1280, 900) });
  text(element('p', overlay), 'Subscribe to keep reading: your first month is free.');
  return writer.finish({
    url: 'https://example.org/news/ferry', title: 'Ferry service returns', lang: 'en', viewport: { width: 1280, height: 900 },
    meta: [{ key: 'og:title', content: 'Ferry service returns to the island' }, { key: 'author', content: 'Sam Lee' }],
    json_ld: ['{"@type":"NewsArticle","headline":"Ferry service returns","datePublished":"2024-03-05"}'],
    root: { html: { overflow_y: 'hidden', position: 'static', top: 0, class: '' }, body: { overflow_y: 'visible', position: 'static', top: 0, class: 'modal-open' } },
    partial, truncated: false,
  });
}

/** The warm-up calls, [kind, snapshot, context], each meant for a task of its own. */
export const warmUpCalls = () => [
  ['scanOverlays', warmUpPage({ partial: true }), { headline: '', excerpt: '' }],
  ['analyze', warmUpPage()],
];
