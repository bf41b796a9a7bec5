// pos-shadow-root.html
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
document.body.style.overflow = 'hidden';
