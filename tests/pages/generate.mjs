// Writes the fixture pages of tests/pages/ (NAME.html + assets/NAME.css + assets/NAME.js) from
// the definitions below. Run `node tests/pages/generate.mjs` after editing; the generated files
// are committed so that the server, the tests and `./build.sh run` need nothing else.
//
// Every page keeps its CSS and scripts in external files (no inline <style>, <script> or style=""
// attributes), so that its /strict/ variant (CSP default-src 'self'; script-src 'self') renders
// and behaves exactly the same. The expectations are inert JSON in <script id="unveil-expect">;
// their schema is documented in README.md.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ARTICLES } from './articles.mjs';

const DIR = dirname(fileURLToPath(import.meta.url));
const esc = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const SITES = {
  en: ['Home', 'City', 'Politics', 'Business', 'Culture', 'Opinion'],
  ru: ['Главная', 'Город', 'Политика', 'Экономика', 'Культура'],
  de: ['Startseite', 'Region', 'Politik', 'Wirtschaft', 'Kultur'],
  fr: ['Accueil', 'Région', 'Politique', 'Économie', 'Culture'],
  es: ['Portada', 'Local', 'Política', 'Economía', 'Cultura'],
  pt: ['Início', 'Cidade', 'Política', 'Economia', 'Cultura'],
};
const RELATED = {
  en: ['More from this section', 'Harbour ferry fares frozen for another year', 'School meals survey finds fewer children skipping lunch', 'Old tram depot to become a market hall'],
  ru: ['Читайте также', 'В парке у реки высадят двести лип', 'Автобус № 12 изменит маршрут с понедельника', 'Городской архив оцифрует старые газеты'],
  de: ['Mehr aus der Region', 'Freibad öffnet im Sommer eine Stunde früher', 'Neue Radbrücke über den Kanal freigegeben', 'Wochenmarkt zieht auf den Domplatz'],
  fr: ['À lire aussi', 'Le marché couvert retrouve ses halles', 'Un festival de contes pour les enfants cet automne', 'La piscine municipale rénovée rouvre en mai'],
  es: ['También te puede interesar', 'El mercado de abastos amplía su horario', 'Nuevo carril bici junto al río', 'La biblioteca presta ahora herramientas'],
  pt: ['Leia também', 'Mercado municipal abre ao domingo', 'Nova ciclovia liga o porto ao centro', 'Biblioteca empresta instrumentos musicais'],
};

function articleHtml(a, { articleAttrs = '', inArticle = '', afterParagraph = 2 } = {}) {
  const paragraphs = a.paragraphs.map((p, i) => `      <p>${p}</p>\n${i + 1 === afterParagraph && inArticle ? inArticle + '\n' : ''}`).join('');
  return `    <article${/\bclass=/.test(articleAttrs) ? '' : ' class="story-wrap"'}${articleAttrs ? ' ' + articleAttrs : ''}>
      <div class="kicker">${esc(a.kicker)}</div>
      <h1 class="headline">${esc(a.headline)}</h1>
      <p class="standfirst">${esc(a.standfirst)}</p>
      <div class="byline">${esc(a.byline)} · <time datetime="${a.date}">${a.date}</time></div>
      <div class="story">
${paragraphs}      </div>
    </article>`;
}

/**
 * One fixture page. `o`: article (key of ARTICLES), site, css, js (page script, may be empty),
 * htmlClass, bodyClass, mainAttrs, articleAttrs, header (replaces the masthead), inArticle (HTML after
 * the 2nd paragraph), overlay (HTML at the end of <body>), body (replaces main entirely), expect.
 */
function page(name, o) {
  const a = ARTICLES[o.article ?? 'nightbus'];
  const lang = o.lang ?? a.lang;
  const site = o.site ?? 'The Riverside Courier';
  const nav = SITES[lang].map((item, i) => `<a href="#s${i}">${esc(item)}</a>`).join('');
  const header = o.header ?? `  <header class="masthead"><a class="brand" href="#">${esc(site)}</a><nav>${nav}</nav></header>`;
  const related = RELATED[lang];
  const main = o.body ?? `  <main id="content"${/\bclass=/.test(o.mainAttrs ?? '') ? '' : ' class="page-body"'}${o.mainAttrs ? ' ' + o.mainAttrs : ''}>
${articleHtml(a, o)}
    <aside class="related"><h3>${esc(related[0])}</h3><ul>${related.slice(1).map((r) => `<li><a href="#">${esc(r)}</a></li>`).join('')}</ul></aside>
  </main>`;
  const expect = { ...o.expect };
  writeFileSync(join(DIR, 'assets', `${name}.css`), `/* ${name}.html */\n${(o.css ?? '').trim()}\n`);
  if (o.js) writeFileSync(join(DIR, 'assets', `${name}.js`), `// ${name}.html\n${o.js.trim()}\n`);
  const html = `<!doctype html>
<html lang="${lang}"${o.htmlClass ? ` class="${o.htmlClass}"` : ''}>
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${esc(o.title ?? a.headline)} — ${esc(site)}</title>
  <meta name="description" content="${esc(a.standfirst)}">
  <meta property="og:title" content="${esc(a.headline)}">
  <meta property="og:site_name" content="${esc(site)}">
  <meta property="og:type" content="article">
  <meta name="author" content="${esc(a.byline.replace(/^(By|Von|Par|Por) /, ''))}">
  <meta property="article:published_time" content="${a.date}T08:00:00Z">
  <script src="assets/common.js"></script>
  <link rel="stylesheet" href="assets/site.css">
  <link rel="stylesheet" href="assets/${name}.css">
${o.js ? `  <script src="assets/${name}.js" defer></script>\n` : ''}  <script type="application/json" id="unveil-expect">
${JSON.stringify(expect, null, 2).replace(/</g, '\\u003c')}
  </script>
</head>
<body${o.bodyClass ? ` class="${o.bodyClass}"` : ''}>
${header}
${main}
  <footer class="site-foot">© 2026 ${esc(site)} · <a href="#">Contact</a> · <a href="#">Privacy</a></footer>
${o.overlay ?? ''}
</body>
</html>
`;
  writeFileSync(join(DIR, `${name}.html`), html);
  return name;
}

// ---- reusable overlay markup (each page renames classes so that no page looks like another) ---

const donationModal = ({ id = 'give-modal', backdrop = 'give-backdrop', cls = 'donate-card', heading, text, amounts = ['Once', 'Monthly', 'Annual'], cta = 'Support us', later = 'Remind me later' }) => `  <div id="${backdrop}" class="ov-backdrop"></div>
  <div id="${id}" class="ov-modal ${cls}" role="dialog" aria-modal="true" aria-labelledby="${id}-title">
    <button class="ov-close" aria-label="Close">×</button>
    <h2 id="${id}-title">${heading}</h2>
    <p>${text}</p>
    <div class="ov-amounts">${amounts.map((x) => `<button type="button">${x}</button>`).join('')}</div>
    <button class="btn" type="button">${cta}</button> <button class="btn ghost" type="button">${later}</button>
  </div>`;

const lockBody = `document.body.style.overflow = 'hidden';`;

export const PAGES = [];
const add = (name, o) => PAGES.push(page(name, o));

// ---- the demo ---------------------------------------------------------------------------

add('demo', {
  article: 'summit',
  site: 'The Varno Ledger',
  css: `
.support-strip { position: fixed; left: 0; right: 0; bottom: 0; z-index: 8000; display: flex; align-items: center; justify-content: center; gap: 1rem; padding: 0.8rem 1rem; background: #fff4d6; border-top: 2px solid #e0a800; font: 0.95rem Arial, sans-serif; }
.reader-appeal .ov-amounts button.picked { background: #b3261e; color: #fff; }`,
  js: `
${lockBody}
document.querySelectorAll('.ov-amounts button').forEach(function (b) {
  b.addEventListener('click', function () { b.classList.toggle('picked'); });
});`,
  overlay: `  <div id="support-strip" class="support-strip">Independent reporting from the region depends on you. <button class="btn" type="button">Chip in</button></div>
${donationModal({
  id: 'reader-appeal',
  backdrop: 'reader-appeal-shade',
  cls: 'reader-appeal',
  heading: 'Dear readers,',
  text: 'we have no owner who pays our bills and no advertiser who tells us what to write. Everything on this site is funded by the people who read it. If our coverage of the talks was useful to you, please consider a contribution — even a small one keeps the newsroom open for another day.',
  cta: 'Contribute',
})}`,
  expect: {
    kind: 'positive',
    hidden: ['#reader-appeal', '#reader-appeal-shade', '#support-strip'],
    categories: { '#reader-appeal': 'donation' },
    scrollable: true,
    articleVisible: 'article',
    quotes: [{ speaker: 'Putin' }, { speaker: 'Rask' }],
    csp: true,
  },
});

// ---- POSITIVE pages ---------------------------------------------------------------------

add('pos-donation-modal', {
  article: 'nightbus',
  js: lockBody,
  overlay: donationModal({
    heading: 'Keep the Courier free to read',
    text: 'Fewer than one in fifty readers chips in, yet every story we publish stays open to everyone. A gift of any size helps us report on the council, the courts and the buses you ride.',
    amounts: ['€3', '€7', '€15'],
    cta: 'Give now',
    later: 'Maybe later',
  }),
  expect: { kind: 'positive', hidden: ['#give-modal', '#give-backdrop'], categories: { '#give-modal': 'donation' }, scrollable: true, articleVisible: 'article', csp: true },
});

add('pos-body-fixed-top', {
  article: 'barges',
  site: 'Delta Morning Post',
  css: `.lock-sheet { position: fixed; left: 0; right: 0; bottom: 0; top: 30%; background: #fff; z-index: 9001; padding: 2rem; font-family: Arial, sans-serif; box-shadow: 0 -8px 30px rgba(0,0,0,.3); }`,
  js: `
// Like many paywall scripts: remember the scroll position, pin the body with a negative top,
// then show the sheet. The reader was 600 px down the page when it appeared.
window.addEventListener('load', function () {
  window.scrollTo(0, 600);
  setTimeout(function () {
    var y = window.scrollY;
    document.body.style.position = 'fixed';
    document.body.style.top = '-' + y + 'px';
    document.body.style.width = '100%';
    var shade = document.createElement('div');
    shade.id = 'pin-shade';
    shade.className = 'ov-backdrop';
    var sheet = document.createElement('div');
    sheet.id = 'pin-sheet';
    sheet.className = 'lock-sheet';
    sheet.innerHTML = '<h2>This story is for members</h2><p>Members read without limits, get the weekly river report and support reporting on shipping and farming. Your first month costs one euro.</p><button class="btn">Become a member</button> <button class="btn ghost">I already have an account</button>';
    document.body.appendChild(shade);
    document.body.appendChild(sheet);
  }, 200);
});`,
  expect: { kind: 'positive', hidden: ['#pin-sheet', '#pin-shade'], categories: { '#pin-sheet': 'paywall' }, scrollable: true, scrollY: 600, articleVisible: 'article', trigger: { wait: 1200 } },
});

add('pos-backdrop-first', {
  article: 'summit',
  site: 'Harbour Evening Courier',
  css: `.fade-card { position: fixed; left: 50%; top: 18%; width: 26rem; margin-left: -13rem; background: #fff; z-index: 9001; padding: 1.5rem; font-family: Arial, sans-serif; border-radius: 8px; }`,
  js: `
// The backdrop fades in first and the card follows a moment later, in another task: the
// overlay observer sees them in two separate batches, and the backdrop alone is no overlay.
window.addEventListener('load', function () {
  setTimeout(function () {
    var shade = document.createElement('div');
    shade.id = 'fade-shade';
    shade.className = 'ov-backdrop';
    document.body.appendChild(shade);
    setTimeout(function () {
      var card = document.createElement('div');
      card.id = 'fade-card';
      card.className = 'fade-card';
      card.innerHTML = '<h2>You have read all your free stories this month</h2><p>Subscribe for unlimited access to every article, the morning briefing and the archive. Cancel any time.</p><button class="btn">Subscribe now</button> <button class="btn ghost">Log in</button>';
      document.body.appendChild(card);
      document.documentElement.style.overflow = 'hidden';
    }, 400);
  }, 200);
});`,
  expect: { kind: 'positive', hidden: ['#fade-card', '#fade-shade'], categories: { '#fade-card': 'paywall' }, scrollable: true, articleVisible: 'article', late: true, trigger: { wait: 1500 } },
});

add('pos-html-overflow', {
  article: 'comet',
  site: 'Marrow Valley Herald',
  js: `document.documentElement.style.overflow = 'hidden';`,
  css: `.letter-pop h2 { color: #0a4d8c; }`,
  overlay: `  <div id="letter-shade" class="ov-backdrop"></div>
  <div id="letter-pop" class="ov-modal letter-pop" role="dialog" aria-modal="true">
    <button class="ov-close" aria-label="Close">×</button>
    <h2>Never miss a clear night</h2>
    <p>Our free Sky This Week newsletter tells you what to look for above the valley, every Thursday morning.</p>
    <form><input type="email" placeholder="Your email address" aria-label="Email"><button class="btn" type="button">Sign me up</button></form>
    <button class="btn ghost" type="button">No thanks</button>
  </div>`,
  expect: { kind: 'positive', hidden: ['#letter-pop', '#letter-shade'], categories: { '#letter-pop': 'newsletter' }, scrollable: true, articleVisible: 'article' },
});

add('pos-modal-open-class', {
  article: 'nurses',
  site: 'Sandmere Chronicle',
  bodyClass: 'modal-open',
  css: `body.modal-open { overflow: hidden; height: 100vh; }
.metered-box h2 { font-size: 1.5rem; }`,
  overlay: `  <div class="ov-backdrop modal-backdrop show" id="meter-backdrop"></div>
  <div class="modal show metered-box ov-modal" id="meter-modal" role="dialog" aria-modal="true">
    <h2>You have read your 3 free articles this month</h2>
    <p>Subscribe for unlimited access to local health, education and court reporting. Cancel anytime.</p>
    <button class="btn" type="button">Subscribe for €1</button>
    <p><a href="#">Log in</a></p>
  </div>`,
  expect: { kind: 'positive', hidden: ['#meter-modal', '#meter-backdrop'], categories: { '#meter-modal': 'paywall' }, scrollable: true, articleVisible: 'article', csp: true },
});

add('pos-no-scroll-class', {
  article: 'library',
  site: 'Northgate Weekly',
  htmlClass: 'no-scroll',
  css: `html.no-scroll, html.no-scroll body { overflow: hidden; }`,
  overlay: donationModal({
    id: 'chipin-card',
    backdrop: 'chipin-veil',
    heading: 'Local news costs money. Yours is welcome.',
    text: 'Northgate Weekly is run by four reporters and a lot of goodwill. Readers like you cover two thirds of our costs. Would you chip in today?',
    amounts: ['£2', '£5', '£10'],
    cta: 'Chip in',
    later: 'Not now',
  }),
  expect: { kind: 'positive', hidden: ['#chipin-card', '#chipin-veil'], categories: { '#chipin-card': 'donation' }, scrollable: true, articleVisible: 'article' },
});

add('pos-blur-article', {
  article: 'comet',
  site: 'Stargazer Gazette',
  css: `.story-wrap.is-locked { filter: blur(6px); user-select: none; }
.unlock-panel h2 { font-size: 1.4rem; }`,
  articleAttrs: 'class="story-wrap is-locked"',
  js: lockBody,
  overlay: `  <div id="unlock-backdrop" class="ov-backdrop"></div>
  <div id="unlock-panel" class="ov-modal unlock-panel" role="dialog">
    <h2>Unlock this article</h2>
    <p>Start your digital subscription to keep reading. Members get every article, the archive and the puzzle page.</p>
    <button class="btn" type="button">See offers</button>
  </div>`,
  expect: { kind: 'positive', hidden: ['#unlock-panel', '#unlock-backdrop'], categories: { '#unlock-panel': 'paywall' }, scrollable: true, articleVisible: 'article' },
});

add('pos-inert-main', {
  article: 'nightbus',
  site: 'Harbour Line News',
  mainAttrs: 'inert',
  js: lockBody,
  overlay: donationModal({
    id: 'inert-appeal',
    backdrop: 'inert-shade',
    heading: 'Before you read on…',
    text: 'This newsroom has no paywall and never will. That only works if some readers decide to pay for everyone else. Could you be one of them this year?',
    amounts: ['Single gift', 'Every month', 'Every year'],
    cta: 'Yes, I’ll help',
    later: 'Remind me later',
  }),
  expect: { kind: 'positive', hidden: ['#inert-appeal', '#inert-shade'], categories: { '#inert-appeal': 'donation' }, scrollable: true, articleVisible: 'article' },
});

add('pos-aria-hidden-main', {
  article: 'barges',
  site: 'Riverbank Times',
  mainAttrs: 'aria-hidden="true"',
  js: lockBody,
  overlay: `  <div id="aria-veil" class="ov-backdrop"></div>
  <div id="aria-offer" class="ov-modal" role="dialog" aria-modal="true">
    <h2>Subscribers only</h2>
    <p>The full analysis of freight prices is reserved for subscribers. Join today from €4.99 a month and read everything on every device.</p>
    <button class="btn" type="button">Subscribe</button> <a href="#">Sign in</a>
  </div>`,
  expect: { kind: 'positive', hidden: ['#aria-offer', '#aria-veil'], categories: { '#aria-offer': 'paywall' }, scrollable: true, articleVisible: 'article' },
});

add('pos-pointer-events', {
  article: 'nurses',
  site: 'Ward Report',
  css: `.page-body.dimmed { pointer-events: none; opacity: 0.35; }`,
  mainAttrs: 'class="page-body dimmed"',
  overlay: `  <div id="dim-sheet" class="ov-sheet">
    <h2>Create a free account to continue</h2>
    <p>Registered readers get five free articles a month and our morning health bulletin.</p>
    <button class="btn" type="button">Register for free</button> <button class="btn ghost" type="button">Log in</button>
  </div>`,
  expect: { kind: 'positive', hidden: ['#dim-sheet'], categories: { '#dim-sheet': 'paywall' }, scrollable: true, articleVisible: 'article' },
});

add('pos-bottom-sheet', {
  article: 'library',
  site: 'Eastside Ledger',
  js: lockBody,
  css: `.plan-sheet .plans { display: flex; justify-content: center; gap: 1rem; }
.plan-sheet .plan { border: 1px solid #ccc; border-radius: 6px; padding: 0.8rem 1.2rem; }`,
  overlay: `  <div id="sheet-shade" class="ov-backdrop"></div>
  <section id="plan-sheet" class="ov-sheet plan-sheet" aria-label="Subscription offer">
    <h2>Keep reading with a Ledger pass</h2>
    <div class="plans"><div class="plan"><b>Digital</b><br>€6 / month</div><div class="plan"><b>Digital + Print</b><br>€14 / month</div></div>
    <p><button class="btn" type="button">Choose a plan</button></p>
    <p><small>Already a subscriber? <a href="#">Sign in</a></small></p>
  </section>`,
  expect: { kind: 'positive', hidden: ['#plan-sheet', '#sheet-shade'], categories: { '#plan-sheet': 'paywall' }, scrollable: true, articleVisible: 'article' },
});

add('pos-newsletter-late', {
  article: 'comet',
  site: 'Hillside Observer',
  css: `.corner-letter { animation: slidein 0.3s ease-out; }
@keyframes slidein { from { transform: translateY(120%); } to { transform: none; } }`,
  js: `
setTimeout(function () {
  var box = document.createElement('aside');
  box.id = 'corner-letter';
  box.className = 'ov-corner corner-letter';
  box.innerHTML = '<button class="ov-close" aria-label="Close">×</button><h3>Get the Observer in your inbox</h3><p>One email every Sunday with the week’s best local stories.</p><input type="email" placeholder="name@example.org" aria-label="Email"><button class="btn">Subscribe</button>';
  document.body.appendChild(box);
}, 1500);`,
  expect: { kind: 'positive', hidden: ['#corner-letter'], categories: { '#corner-letter': 'newsletter' }, scrollable: true, articleVisible: 'article', trigger: { wait: 2300 }, late: true },
});

add('pos-scroll-injected', {
  article: 'nightbus',
  site: 'Metro Evening',
  js: `
var shown = false;
window.addEventListener('scroll', function () {
  if (shown || window.scrollY < 400) return;
  shown = true;
  var shade = document.createElement('div');
  shade.id = 'scroll-shade';
  shade.className = 'ov-backdrop';
  var wall = document.createElement('div');
  wall.id = 'scroll-wall';
  wall.className = 'ov-modal';
  wall.setAttribute('role', 'dialog');
  wall.innerHTML = '<h2>Enjoying this story?</h2><p>You have reached the end of your free preview. Subscribe to read the rest of this article and all of Metro Evening.</p><button class="btn">Subscribe now</button>';
  document.body.appendChild(shade);
  document.body.appendChild(wall);
  document.body.style.overflow = 'hidden';
}, { passive: true });`,
  expect: { kind: 'positive', hidden: ['#scroll-wall', '#scroll-shade'], categories: { '#scroll-wall': 'paywall' }, scrollable: true, articleVisible: 'article', trigger: { scroll: 900, wait: 1200 }, late: true },
});

add('pos-reinserted', {
  article: 'barges',
  site: 'Quayside Daily',
  js: `
${lockBody}
// A single-page app re-renders its layout 1.2 s after load: the appeal is removed and a fresh
// copy is inserted in the same place.
setTimeout(function () {
  ['rerender-shade', 'rerender-appeal'].forEach(function (id) {
    var old = document.getElementById(id);
    var fresh = old.cloneNode(true);
    fresh.removeAttribute('data-unveil-hidden');
    old.remove();
    document.body.appendChild(fresh);
  });
}, 1200);`,
  overlay: donationModal({
    id: 'rerender-appeal',
    backdrop: 'rerender-shade',
    heading: 'Support river reporting',
    text: 'We cover shipping, farming and the weather that moves them. Support our reporters with a monthly contribution.',
    amounts: ['€5', '€10', '€20'],
    cta: 'Contribute',
  }),
  expect: { kind: 'positive', hidden: ['#rerender-appeal', '#rerender-shade'], categories: { '#rerender-appeal': 'donation' }, scrollable: true, articleVisible: 'article', trigger: { wait: 2500 }, late: true },
});

add('pos-fight-back', {
  article: 'nurses',
  site: 'Pulse Regional',
  js: `
${lockBody}
// Anti-blocker script: when the appeal is not displayed any more, put a fresh copy back
// (three times at most, like real scripts that give up).
var attempts = 0;
var timer = setInterval(function () {
  var box = document.getElementById('stubborn-appeal');
  if (attempts >= 3) { clearInterval(timer); return; }
  if (box && getComputedStyle(box).display !== 'none') return;
  attempts++;
  var fresh = box.cloneNode(true);
  fresh.removeAttribute('data-unveil-hidden');
  box.replaceWith(fresh);
}, 400);`,
  overlay: donationModal({
    id: 'stubborn-appeal',
    backdrop: 'stubborn-shade',
    heading: 'Healthcare news needs you',
    text: 'Pulse Regional is funded by readers. Become a supporter today and help us keep reporting from the wards.',
    amounts: ['Once', 'Monthly'],
    cta: 'Support Pulse',
  }),
  expect: { kind: 'positive', hidden: ['#stubborn-appeal', '#stubborn-shade'], categories: { '#stubborn-appeal': 'donation' }, scrollable: true, articleVisible: 'article', trigger: { wait: 3000 }, late: true },
});

add('pos-shadow-root', {
  article: 'library',
  site: 'Civic Lantern',
  js: `
class OfferLayer extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    var root = this.attachShadow({ mode: 'open' });
    root.innerHTML = '<link rel="stylesheet" href="assets/pos-shadow-root-layer.css">' +
      '<div class="ol-backdrop"></div>' +
      '<div class="ol-dialog" role="dialog" aria-modal="true"><h2>Become a Lantern member</h2>' +
      '<p>Members keep our civic reporting free for everyone. Join from €4 a month and get our members-only briefing.</p>' +
      '<button class="ol-join">Join now</button> <button class="ol-later">Later</button></div>';
  }
}
customElements.define('offer-layer', OfferLayer);
${lockBody}`,
  overlay: `  <offer-layer id="offer-host"></offer-layer>`,
  expect: { kind: 'positive', hidden: ['#offer-host >>> .ol-dialog', '#offer-host >>> .ol-backdrop'], categories: { '#offer-host >>> .ol-dialog': 'donation' }, scrollable: true, articleVisible: 'article' },
});
writeFileSync(join(DIR, 'assets', 'pos-shadow-root-layer.css'), `/* styles inside <offer-layer>'s shadow root (pos-shadow-root.html) */
.ol-backdrop { position: fixed; inset: 0; background: rgba(0, 0, 0, 0.6); z-index: 9000; }
.ol-dialog { position: fixed; top: 15%; left: 50%; transform: translateX(-50%); width: min(30rem, 90vw); padding: 2rem; background: #fff; border-radius: 12px; z-index: 9001; font-family: Arial, sans-serif; }
.ol-join { background: #2b6b3f; color: #fff; border: 0; padding: 0.6rem 1.2rem; border-radius: 4px; }
.ol-later { background: none; border: 0; text-decoration: underline; }
`);

add('pos-iframe', {
  article: 'nightbus',
  site: 'Tramline Today',
  css: `.promo-frame { position: fixed; right: 1rem; bottom: 1rem; width: 22rem; height: 16rem; border: 0; border-radius: 8px; box-shadow: 0 8px 30px rgba(0,0,0,.3); z-index: 9001; background: #fff; }`,
  overlay: `  <iframe id="promo-frame" class="promo-frame" src="frame-newsletter.html" title="Newsletter"></iframe>`,
  expect: { kind: 'positive', hidden: ['#promo-frame |> #frame-letter'], categories: {}, scrollable: true, articleVisible: 'article', trigger: { wait: 800 } },
});

add('pos-dialog-showmodal', {
  article: 'comet',
  site: 'Northern Sky Review',
  css: `dialog.fund-dialog { width: min(32rem, 90vw); border: 0; border-radius: 10px; padding: 2rem; font-family: Arial, sans-serif; }
dialog.fund-dialog::backdrop { background: rgba(0, 0, 0, 0.65); }`,
  js: `document.getElementById('fund-dialog').showModal();`,
  overlay: `  <dialog id="fund-dialog" class="fund-dialog">
    <h2>Science journalism is expensive</h2>
    <p>We send reporters to observatories, not press releases to print. Help us keep doing that with a donation today.</p>
    <div class="ov-amounts"><button type="button">Once</button><button type="button">Monthly</button><button type="button">Annual</button></div>
    <form method="dialog"><button class="btn">Donate</button> <button class="btn ghost" value="later">Remind me later</button></form>
  </dialog>`,
  expect: { kind: 'positive', hidden: ['#fund-dialog'], categories: { '#fund-dialog': 'donation' }, scrollable: true, articleVisible: 'article' },
});

add('pos-adblock-wall', {
  article: 'nurses',
  site: 'Clinic Street Journal',
  js: lockBody,
  overlay: `  <div id="blocker-wall" class="ov-wall">
    <h2>It looks like you are using an ad blocker</h2>
    <p>Ads pay for the journalism you are about to read. Please allow ads on our site or subscribe to an ad-free plan.</p>
    <p><button class="btn" type="button">I have allowed ads</button> <button class="btn ghost" type="button">Go ad-free</button></p>
    <p><small>How do I disable my ad blocker?</small></p>
  </div>`,
  expect: { kind: 'positive', hidden: ['#blocker-wall'], categories: { '#blocker-wall': 'adblock' }, scrollable: true, articleVisible: 'article' },
});

add('pos-exit-intent', {
  article: 'library',
  site: 'Bookend Post',
  js: `
// Exit intent: when the pointer leaves the window through the top edge, offer the newsletter.
document.addEventListener('mouseout', function onOut(event) {
  if (event.relatedTarget || event.clientY > 0) return;
  document.removeEventListener('mouseout', onOut);
  var shade = document.createElement('div');
  shade.id = 'leave-shade';
  shade.className = 'ov-backdrop';
  var box = document.createElement('div');
  box.id = 'leave-offer';
  box.className = 'ov-modal';
  box.innerHTML = '<button class="ov-close" aria-label="Close">×</button><h2>Wait! Before you go…</h2><p>Take 30% off your first year of Bookend Post. This offer disappears when you leave the page.</p><button class="btn">Claim my discount</button> <button class="btn ghost">No, I prefer to pay full price</button>';
  document.body.appendChild(shade);
  document.body.appendChild(box);
});`,
  expect: { kind: 'positive', hidden: ['#leave-offer', '#leave-shade'], categories: { '#leave-offer': 'exit_intent' }, scrollable: true, articleVisible: 'article', trigger: { exitIntent: true, wait: 800 }, late: true },
});

add('pos-vendor-piano-like', {
  article: 'barges',
  site: 'Continental Freight Review',
  bodyClass: 'tpx-modal-open',
  css: `body.tpx-modal-open { overflow: hidden !important; }
.tpx-backdrop { position: fixed; inset: 0; background: rgba(20, 20, 20, .7); z-index: 2147483000; }
.tpx-modal { position: fixed; top: 10vh; left: 50%; transform: translateX(-50%); width: min(40rem, 94vw); z-index: 2147483001; }
.tpx-offer-frame { background: #fff; padding: 2rem; border-radius: 4px; font-family: Arial, sans-serif; }`,
  overlay: `  <div class="tpx-container" id="tpx-container-1">
    <div class="tpx-backdrop tpx-active" id="tpx-bd"></div>
    <div class="tpx-modal tpx-active" id="tpx-modal-1" role="dialog" aria-modal="true">
      <div class="tpx-close-button" role="button" aria-label="Close"></div>
      <div class="tpx-offer-frame">
        <h2>Read the Review without limits</h2>
        <p>Digital access from €1.99 for the first three months, then €12.99 a month. Includes the daily freight index and the weekend edition.</p>
        <button class="btn" type="button">Start now</button> <a href="#">Already subscribed? Log in</a>
      </div>
    </div>
  </div>`,
  expect: { kind: 'positive', hidden: ['#tpx-modal-1', '#tpx-bd'], categories: { '#tpx-modal-1': 'paywall' }, scrollable: true, articleVisible: 'article' },
});

add('pos-vendor-popupmaker-like', {
  article: 'nightbus',
  site: 'Lakeside Community Voice',
  htmlClass: 'pmk-open pmk-open-overlay',
  css: `html.pmk-open.pmk-open-overlay { overflow: hidden; }
.pmk-overlay { position: fixed; inset: 0; background: rgba(0, 0, 0, .55); z-index: 1999999999; display: block; }
.pmk-container { position: absolute; top: 12%; left: 50%; transform: translateX(-50%); width: min(28rem, 90vw); padding: 1.75rem; background: #fffdf8; border: 6px solid #3a6ea5; font-family: Arial, sans-serif; }
.pmk-close { position: absolute; top: -14px; right: -14px; width: 28px; height: 28px; border-radius: 50%; border: 0; background: #3a6ea5; color: #fff; }`,
  overlay: `  <div id="pmk-2207" class="pmk pmk-overlay pmk-theme-4 pmk-active" role="dialog" aria-modal="false">
    <div id="pmk-container-2207" class="pmk-container pmk-responsive pmk-size-medium">
      <div class="pmk-content">
        <h3>Join 4,000 neighbours on our mailing list</h3>
        <p>Council meetings, road closures and what’s on this weekend — straight to your inbox every Friday.</p>
        <input type="email" placeholder="Email address" aria-label="Email address">
        <button class="btn" type="button">Count me in</button>
      </div>
      <button type="button" class="pmk-close popmake-close" aria-label="Close">×</button>
    </div>
  </div>`,
  expect: { kind: 'positive', hidden: ['#pmk-2207'], categories: { '#pmk-2207': 'newsletter' }, scrollable: true, articleVisible: 'article' },
});

add('pos-lang-ru', {
  article: 'ru',
  site: 'Заречные вести',
  js: lockBody,
  overlay: donationModal({
    id: 'podderzhka',
    backdrop: 'podderzhka-fon',
    heading: 'Дорогие читатели!',
    text: 'У «Заречных вестей» нет ни спонсоров, ни рекламодателей, которые диктуют нам, о чём писать. Нас поддерживают только читатели. Если вам важна честная городская журналистика, помогите нам продолжать работу.',
    amounts: ['Разово', 'Ежемесячно', 'Ежегодно'],
    cta: 'Поддержать',
    later: 'Напомнить позже',
  }),
  expect: { kind: 'positive', hidden: ['#podderzhka', '#podderzhka-fon'], categories: { '#podderzhka': 'donation' }, scrollable: true, articleVisible: 'article', quotes: [{ speaker: 'Семёнов' }] },
});

add('pos-lang-de', {
  article: 'de',
  site: 'Altstadt-Anzeiger',
  css: `.story.faded { max-height: 22rem; overflow: hidden; -webkit-mask-image: linear-gradient(#000 50%, transparent); mask-image: linear-gradient(#000 50%, transparent); }`,
  js: `${lockBody}
document.querySelector('.story').classList.add('faded');`,
  overlay: `  <div id="abo-schleier" class="ov-backdrop"></div>
  <div id="abo-angebot" class="ov-sheet" role="dialog" aria-modal="true">
    <h2>Weiterlesen mit A+</h2>
    <p>Alle Artikel aus Stadt und Region lesen – die ersten vier Wochen für 0,99 €, danach 9,90 € im Monat. Jederzeit kündbar.</p>
    <button class="btn" type="button">Jetzt testen</button> <a href="#">Bereits Abonnent? Anmelden</a>
  </div>`,
  expect: { kind: 'positive', hidden: ['#abo-angebot', '#abo-schleier'], categories: { '#abo-angebot': 'paywall' }, scrollable: true, articleVisible: 'article', quotes: [{ speaker: 'Miriam Falk' }] },
});

add('pos-lang-fr', {
  article: 'fr',
  site: 'L’Écho de Saint-Aubin',
  js: lockBody,
  overlay: `  <div id="lettre-voile" class="ov-backdrop"></div>
  <div id="lettre-info" class="ov-modal" role="dialog" aria-modal="true">
    <button class="ov-close" aria-label="Fermer">×</button>
    <h2>Recevez notre lettre du matin</h2>
    <p>L’essentiel de l’actualité locale, chaque jour à 7 heures, gratuitement dans votre boîte mail.</p>
    <input type="email" placeholder="Votre adresse e-mail" aria-label="Adresse e-mail">
    <button class="btn" type="button">Je m’inscris</button> <button class="btn ghost" type="button">Non merci</button>
  </div>`,
  expect: { kind: 'positive', hidden: ['#lettre-info', '#lettre-voile'], categories: { '#lettre-info': 'newsletter' }, scrollable: true, articleVisible: 'article', quotes: [{ speaker: 'Sophie Marchand' }] },
});

add('pos-lang-es', {
  article: 'es',
  site: 'La Voz de la Sierra',
  js: lockBody,
  overlay: donationModal({
    id: 'apoyo-modal',
    backdrop: 'apoyo-fondo',
    heading: 'Apoya el periodismo local',
    text: 'La Voz de la Sierra se financia gracias a sus lectores. Con una pequeña aportación nos ayudas a seguir contando lo que pasa en los pueblos que nadie más cubre.',
    amounts: ['Una vez', 'Mensual', 'Anual'],
    cta: 'Colaborar',
    later: 'Recordármelo más tarde',
  }),
  expect: { kind: 'positive', hidden: ['#apoyo-modal', '#apoyo-fondo'], categories: { '#apoyo-modal': 'donation' }, scrollable: true, articleVisible: 'article', quotes: [{ speaker: 'Carmen Ruiz' }] },
});

add('pos-lang-pt', {
  article: 'pt',
  site: 'Correio das Colinas',
  js: lockBody,
  overlay: `  <div id="bloqueador-aviso" class="ov-wall">
    <h2>Detetámos um bloqueador de anúncios</h2>
    <p>A publicidade ajuda a pagar o nosso jornalismo. Desative o bloqueador neste site ou assine a versão sem anúncios.</p>
    <p><button class="btn" type="button">Já desativei</button> <button class="btn ghost" type="button">Assinar sem anúncios</button></p>
  </div>`,
  expect: { kind: 'positive', hidden: ['#bloqueador-aviso'], categories: { '#bloqueador-aviso': 'adblock' }, scrollable: true, articleVisible: 'article', quotes: [{ speaker: 'Rui Fonseca' }] },
});

add('pos-strict-csp', {
  article: 'nurses',
  site: 'Strictly Local',
  css: `.csp-bar { position: fixed; left: 0; right: 0; bottom: 0; padding: 1rem; text-align: center; background: #142b45; color: #fff; z-index: 9002; font-family: Arial, sans-serif; }`,
  js: lockBody,
  overlay: `${donationModal({
    id: 'csp-appeal',
    backdrop: 'csp-shade',
    heading: 'Journalism without a paywall',
    text: 'Strictly Local keeps every article free. Readers who can afford it pay so that everyone can read. Join them with a contribution today.',
    amounts: ['Once', 'Monthly', 'Yearly'],
    cta: 'Contribute',
  })}
  <div id="csp-bar" class="csp-bar">Support independent reporting — <button class="btn" type="button">Donate</button></div>`,
  expect: { kind: 'positive', hidden: ['#csp-appeal', '#csp-shade', '#csp-bar'], categories: { '#csp-appeal': 'donation' }, scrollable: true, articleVisible: 'article', csp: true, ownCsp: true, quotes: [{ speaker: 'Samuel Ortiz' }] },
});
writeFileSync(join(DIR, 'pos-strict-csp.headers.json'), JSON.stringify({ 'Content-Security-Policy': "default-src 'self'; script-src 'self'", 'X-Frame-Options': 'SAMEORIGIN' }, null, 2) + '\n');

add('pos-support-banner', {
  article: 'library',
  site: 'Borough Bulletin',
  css: `body { padding-top: 3.4rem; }
.edge-ask { position: fixed; top: 0; left: 0; right: 0; height: 3.4rem; display: flex; align-items: center; justify-content: center; gap: 1rem; background: #ffe45c; color: #111; z-index: 9500; font: 600 0.95rem Arial, sans-serif; }`,
  overlay: `  <div id="edge-ask" class="edge-ask" role="region" aria-label="Support us">Support us: the Bulletin is free because readers pay for it. <button class="btn" type="button">Support us</button><button class="ov-close" type="button" aria-label="Dismiss">×</button></div>`,
  expect: { kind: 'positive', hidden: ['#edge-ask'], categories: { '#edge-ask': 'donation' }, scrollable: true, articleVisible: 'article' },
});

add('pos-moscow-like', {
  article: 'moscow',
  site: 'The Moskva Observer',
  css: `.mo-appeal { border-top: 6px solid #c8102e; }
.mo-appeal .ov-amounts button { border-color: #c8102e; color: #c8102e; }`,
  js: `${lockBody}
document.querySelector('.mo-later').addEventListener('click', function () {
  document.getElementById('mo-appeal').remove();
  document.getElementById('mo-shade').remove();
  document.body.style.overflow = '';
});`,
  overlay: `  <div id="mo-shade" class="ov-backdrop"></div>
  <div id="mo-appeal" class="ov-modal mo-appeal" role="dialog" aria-modal="true">
    <h2>Dear readers,</h2>
    <p>Independent reporting about Russia has never been harder. Our correspondents work under threat of prosecution, and our website is blocked inside the country. We rely on readers, not oligarchs or the state, to stay on air.</p>
    <p>Please support us with a contribution of any amount.</p>
    <div class="ov-amounts"><button type="button">Once</button><button type="button">Monthly</button><button type="button">Annual</button></div>
    <button class="btn" type="button">Continue</button>
    <button class="btn ghost mo-later" type="button">Remind me later</button>
  </div>`,
  expect: { kind: 'positive', hidden: ['#mo-appeal', '#mo-shade'], categories: { '#mo-appeal': 'donation' }, scrollable: true, articleVisible: 'article', quotes: [{ speaker: 'Peskov' }, { speaker: 'Putin' }], csp: true },
});

add('pos-paywall-sticky-footer', {
  article: 'comet',
  site: 'Orbit Weekly',
  css: `.meter-bar { position: fixed; left: 0; right: 0; bottom: 0; padding: 0.9rem 1rem; background: #111; color: #fff; text-align: center; z-index: 9001; font: 0.95rem Arial, sans-serif; }`,
  overlay: `  <div id="meter-bar" class="meter-bar">You have 1 free article left this month. <button class="btn" type="button">Subscribe for unlimited access</button></div>`,
  expect: { kind: 'positive', hidden: ['#meter-bar'], categories: { '#meter-bar': 'paywall' }, scrollable: true, articleVisible: 'article' },
});

// ---- NEGATIVE pages: nothing may be hidden or changed ----------------------------------

add('neg-plain', {
  article: 'barges',
  site: 'Plain Text Times',
  expect: { kind: 'negative', untouched: ['article', 'header.masthead'], scrollable: true, articleVisible: 'article', csp: true },
});

add('neg-sticky-nav', {
  article: 'nightbus',
  site: 'Stickyside News',
  header: `  <header class="site-nav-bar"><a class="brand" href="#">Stickyside News</a>
    <nav class="site-nav"><a href="#">News</a> <a href="#">Sport</a> <a href="#">Weather</a> <a class="nav-subscribe" href="#">Subscribe</a> <a href="#">Sign in</a></nav></header>`,
  css: `.site-nav-bar { position: sticky; top: 0; z-index: 100; display: flex; gap: 2rem; align-items: center; padding: 0.8rem 1.5rem; background: #fff; border-bottom: 1px solid #ddd; font-family: Arial, sans-serif; }
.site-nav-bar .brand { font-weight: 700; font-size: 1.3rem; text-decoration: none; color: #111; }
.site-nav a { margin-right: 0.8rem; color: #333; }
.nav-subscribe { background: #b3261e; color: #fff !important; padding: 0.3rem 0.8rem; border-radius: 3px; text-decoration: none; }`,
  expect: { kind: 'negative', untouched: ['header.site-nav-bar', '.nav-subscribe'], scrollable: true, articleVisible: 'article' },
});

add('neg-video-modal', {
  article: 'comet',
  site: 'Night Sky TV',
  css: `.player-layer { position: fixed; inset: 0; background: rgba(0,0,0,.85); z-index: 9000; display: none; align-items: center; justify-content: center; }
.player-layer.open { display: flex; }
.player-box { width: min(48rem, 94vw); background: #000; color: #fff; padding: 1rem; font-family: Arial, sans-serif; }
.player-screen { aspect-ratio: 16 / 9; background: #223; display: flex; align-items: center; justify-content: center; }`,
  inArticle: `      <figure class="video-teaser"><button id="play-video" class="btn" type="button">▶ Watch: the comet fragment in time-lapse (2:14)</button></figure>`,
  js: `
document.getElementById('play-video').addEventListener('click', function () {
  document.getElementById('player-layer').classList.add('open');
});`,
  overlay: `  <div id="player-layer" class="player-layer" role="dialog" aria-modal="true" aria-label="Video player">
    <div class="player-box"><div class="player-screen">Time-lapse of the comet fragment over Marrow Hill</div>
    <p>Video: Marrow Hill Astronomy Club · 2:14</p><button type="button" class="btn ghost">Close video</button></div>
  </div>`,
  expect: { kind: 'negative', untouched: ['#player-layer'], trigger: { click: '#play-video', wait: 800 }, visibleAfterTrigger: ['#player-layer'], articleVisible: 'article' },
});

add('neg-cookie-banner', {
  article: 'library',
  site: 'Town Hall Notes',
  css: `.consent-bar { position: fixed; left: 0; right: 0; bottom: 0; padding: 1rem 1.5rem; background: #f3f3f3; border-top: 1px solid #bbb; z-index: 9000; font: 0.9rem Arial, sans-serif; display: flex; gap: 1rem; align-items: center; justify-content: space-between; }`,
  overlay: `  <div id="consent-bar" class="consent-bar cookie-consent" role="dialog" aria-label="Cookie consent">
    <p>We use cookies to remember your preferences and to measure how our pages are read. You can accept all cookies or only the necessary ones.</p>
    <div><button class="btn" type="button">Accept all cookies</button><button class="btn ghost" type="button">Necessary only</button></div>
  </div>`,
  expect: { kind: 'negative', untouched: ['#consent-bar'], scrollable: true, articleVisible: 'article' },
});

add('neg-login-dialog', {
  article: 'nurses',
  site: 'Member Desk',
  header: `  <header class="masthead"><a class="brand" href="#">Member Desk</a><nav><a href="#">News</a><a href="#">Health</a><button id="open-login" class="btn" type="button">Sign in</button></nav></header>`,
  css: `dialog.login-box { border: 0; border-radius: 8px; padding: 2rem; width: 22rem; font-family: Arial, sans-serif; }
dialog.login-box::backdrop { background: rgba(0,0,0,.5); }
dialog.login-box input { display: block; width: 100%; margin: 0.4rem 0 1rem; padding: 0.5rem; }`,
  js: `
document.getElementById('open-login').addEventListener('click', function () {
  document.getElementById('login-box').showModal();
});`,
  overlay: `  <dialog id="login-box" class="login-box" aria-label="Sign in">
    <form method="dialog"><h2>Sign in</h2>
      <label>Email <input type="email" autocomplete="username"></label>
      <label>Password <input type="password" autocomplete="current-password"></label>
      <button class="btn">Sign in</button> <button class="btn ghost" value="cancel">Cancel</button>
      <p><small>No account yet? Subscribe to create one.</small></p></form>
  </dialog>`,
  expect: { kind: 'negative', untouched: ['#login-box'], trigger: { click: '#open-login', wait: 800 }, visibleAfterTrigger: ['#login-box'] },
});

add('neg-chat-widget', {
  article: 'nightbus',
  site: 'Transit Help Desk',
  css: `.help-bubble { position: fixed; right: 1.25rem; bottom: 1.25rem; width: 3.5rem; height: 3.5rem; border-radius: 50%; background: #1b7f5b; color: #fff; display: flex; align-items: center; justify-content: center; font: 700 1.4rem Arial, sans-serif; box-shadow: 0 4px 14px rgba(0,0,0,.3); z-index: 9000; border: 0; }
.help-hint { position: fixed; right: 5.5rem; bottom: 1.6rem; background: #fff; padding: 0.5rem 0.8rem; border-radius: 6px; box-shadow: 0 2px 8px rgba(0,0,0,.2); font: 0.85rem Arial, sans-serif; z-index: 9000; }`,
  overlay: `  <div id="help-widget"><span class="help-hint">Questions about your ticket? Chat with us</span><button class="help-bubble" type="button" aria-label="Open chat">?</button></div>`,
  expect: { kind: 'negative', untouched: ['#help-widget', '.help-bubble'], scrollable: true, articleVisible: 'article' },
});

add('neg-lightbox', {
  article: 'comet',
  site: 'Photo Desk',
  css: `.zoom-layer { position: fixed; inset: 0; background: rgba(0,0,0,.92); z-index: 9000; display: none; align-items: center; justify-content: center; flex-direction: column; color: #eee; font-family: Arial, sans-serif; }
.zoom-layer.open { display: flex; }
.zoom-photo { width: 70vw; height: 60vh; background: linear-gradient(135deg, #0b1a3a, #35507a); border: 4px solid #fff; }
.thumb { width: 100%; height: 12rem; background: linear-gradient(135deg, #0b1a3a, #35507a); border: 0; cursor: zoom-in; color: #fff; }`,
  inArticle: `      <figure><button id="open-photo" class="thumb" type="button">The fragment (arrow) on the club’s second night of observations</button><figcaption>Photo: Marrow Hill Astronomy Club</figcaption></figure>`,
  js: `
document.getElementById('open-photo').addEventListener('click', function () {
  document.getElementById('zoom-layer').classList.add('open');
  document.body.style.overflow = 'hidden';
});`,
  overlay: `  <div id="zoom-layer" class="zoom-layer" role="dialog" aria-modal="true" aria-label="Photo viewer"><div class="zoom-photo"></div><p>The fragment (arrow) on the club’s second night · 1 / 4</p><button class="btn ghost" type="button">Close</button></div>`,
  expect: { kind: 'negative', untouched: ['#zoom-layer'], trigger: { click: '#open-photo', wait: 800 }, visibleAfterTrigger: ['#zoom-layer'] },
});

add('neg-article-paywall-class', {
  article: 'barges',
  site: 'Capital Post',
  articleAttrs: 'class="story-wrap paywall" data-content-access="metered"',
  css: `article.paywall { position: relative; }`,
  expect: { kind: 'negative', untouched: ['article.paywall', 'article.paywall .story p'], scrollable: true, articleVisible: 'article.paywall' },
});

add('neg-paywall-paragraphs', {
  article: 'library',
  site: 'The Metropolitan Review',
  js: `document.querySelectorAll('.story p').forEach(function (p) { p.classList.add('paywall'); });
document.querySelector('.story').classList.add('meteredContent');`,
  css: `.story p.paywall { margin-bottom: 1.2rem; }`,
  expect: { kind: 'negative', untouched: ['.story.meteredContent', '.story p.paywall'], scrollable: true, articleVisible: 'article' },
});

add('neg-inline-newsletter', {
  article: 'nurses',
  site: 'Care Weekly',
  css: `.inline-signup { margin: 2rem 0; padding: 1.25rem; border: 2px solid #1b5e8c; border-radius: 6px; background: #eef6fc; font-family: Arial, sans-serif; }
.inline-signup input { padding: 0.45rem; width: 60%; }`,
  inArticle: `      <aside id="inline-signup" class="inline-signup newsletter-signup"><h3>Sign up for the Care Weekly newsletter</h3><p>Our health reporters’ best stories every Tuesday.</p><input type="email" placeholder="Email" aria-label="Email"> <button class="btn" type="button">Subscribe</button></aside>`,
  expect: { kind: 'negative', untouched: ['#inline-signup'], scrollable: true, articleVisible: 'article' },
});

add('neg-search-overlay', {
  article: 'library',
  site: 'Finder Gazette',
  header: `  <header class="masthead"><a class="brand" href="#">Finder Gazette</a><nav><a href="#">News</a><a href="#">Culture</a><button id="open-search" class="btn" type="button">Search</button></nav></header>`,
  css: `.search-layer { position: fixed; inset: 0; background: rgba(255,255,255,.97); z-index: 9000; display: none; padding: 10vh 10vw; font-family: Arial, sans-serif; }
.search-layer.open { display: block; }
.search-layer input { width: 100%; font-size: 2rem; padding: 0.6rem; }`,
  js: `
document.getElementById('open-search').addEventListener('click', function () {
  document.getElementById('search-layer').classList.add('open');
  document.documentElement.classList.add('search-open');
});`,
  overlay: `  <div id="search-layer" class="search-layer" role="dialog" aria-modal="true" aria-label="Search"><input type="search" placeholder="Search the Gazette" aria-label="Search"><p>Popular: winter hours, soup kitchens, homework clubs</p></div>`,
  expect: { kind: 'negative', untouched: ['#search-layer'], trigger: { click: '#open-search', wait: 800 }, visibleAfterTrigger: ['#search-layer'] },
});

add('neg-fullscreen-app', {
  article: 'nightbus',
  site: 'Route Planner',
  title: 'Route planner — night buses',
  css: `html, body { overflow: hidden; height: 100%; }
.app-shell { position: fixed; inset: 0; display: grid; grid-template-columns: 20rem 1fr; font-family: Arial, sans-serif; }
.app-side { padding: 1rem; background: #f4f4f4; border-right: 1px solid #ccc; overflow: auto; }
.app-map { background: repeating-linear-gradient(45deg, #dfe8d8 0 20px, #d3dfcb 20px 40px); position: relative; }
.map-toolbar { position: absolute; top: 1rem; right: 1rem; background: #fff; padding: 0.5rem; border-radius: 6px; box-shadow: 0 2px 8px rgba(0,0,0,.2); }`,
  body: `  <div class="app-shell" id="app-shell">
    <div class="app-side"><h1>Plan a night journey</h1><label>From <input value="Grain Market"></label><br><label>To <input value="University"></label>
      <ol><li>N3 from Grain Market, 01:12</li><li>Change at Hospital Quarter</li><li>N5 to University, arrive 01:41</li></ol></div>
    <div class="app-map" id="app-map"><div class="map-toolbar"><button type="button">+</button> <button type="button">−</button> <button type="button">Layers</button></div></div>
  </div>`,
  expect: { kind: 'negative', untouched: ['#app-shell', '.map-toolbar'] },
});

add('neg-xss-title', {
  article: 'xss',
  site: 'Markup </script> Weekly',
  expect: { kind: 'negative', untouched: ['article'], scrollable: true, articleVisible: 'article', quotes: [{ speaker: 'Alice Moreau' }], xss: true },
});

// The document inside pos-iframe.html's frame: not a fixture on its own.
writeFileSync(join(DIR, 'frame-newsletter.html'), `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Newsletter</title>
  <script src="assets/common.js"></script>
  <link rel="stylesheet" href="assets/frame-newsletter.css">
  <script type="application/json" id="unveil-expect">{"kind": "frame"}</script>
</head>
<body>
  <div id="frame-letter" class="frame-letter" role="dialog" aria-label="Newsletter">
    <button class="frame-close" aria-label="Close">×</button>
    <h3>The Tramline morning email</h3>
    <p>Delays, diversions and the day’s local news before your first coffee. Free, every weekday.</p>
    <input type="email" placeholder="you@example.org" aria-label="Email"> <button class="frame-go">Sign up</button>
  </div>
</body>
</html>
`);
writeFileSync(join(DIR, 'assets', 'frame-newsletter.css'), `/* frame-newsletter.html (inside pos-iframe.html) */
body { margin: 0; font-family: Arial, sans-serif; }
.frame-letter { position: fixed; inset: 0; padding: 1rem 1.25rem; background: #fff; }
.frame-close { position: absolute; top: 0.4rem; right: 0.6rem; border: 0; background: none; font-size: 1.4rem; }
.frame-letter input { width: 65%; padding: 0.4rem; }
.frame-go { padding: 0.45rem 0.8rem; background: #0a6; color: #fff; border: 0; border-radius: 4px; }
`);

writeFileSync(join(DIR, 'pages.json'), JSON.stringify(PAGES, null, 2) + '\n');
console.log(`wrote ${PAGES.length} pages (+ frame-newsletter.html)`);
