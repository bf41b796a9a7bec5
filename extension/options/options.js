/* Unveil options: every control writes storage.sync at once; open pages follow onChanged. */
(function () {
  'use strict';
  const U = globalThis.Unveil;
  const { api } = U;
  const t = (key, ...subs) => api.i18n.getMessage(key, subs.map(String)) || key;
  const $ = (id) => document.getElementById(id);

  function localize() {
    for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
    document.documentElement.lang = api.i18n.getUILanguage();
  }

  function saved() {
    $('saved').textContent = t('saved');
    setTimeout(() => ($('saved').textContent = ''), 1200);
  }

  async function save(patch) {
    render(await U.settings.save(patch));
    saved();
  }

  function renderCategories(settings) {
    $('categories').replaceChildren(...U.settings.CATEGORIES.map((name) => {
      const input = document.createElement('input');
      input.type = 'checkbox';
      input.setAttribute('role', 'switch');
      input.checked = settings.categories[name];
      input.addEventListener('change', () => save({ categories: { ...settings.categories, [name]: input.checked } }));
      const label = document.createElement('label');
      label.className = 'row';
      const text = document.createElement('span');
      text.textContent = t(`category_${name}`);
      label.append(text, input);
      return label;
    }));
    $('cookie-warning').classList.toggle('active', settings.categories.cookie);
  }

  function describe(override) {
    const parts = [];
    if (override.hideOverlays !== undefined) parts.push(`${t('hideOverlays')}: ${override.hideOverlays ? t('on') : t('off')}`);
    if (override.markQuotes !== undefined) parts.push(`${t('markQuotes')}: ${override.markQuotes ? t('on') : t('off')}`);
    return parts.join(' · ');
  }

  function renderSites(settings) {
    const hosts = Object.keys(settings.siteOverrides).sort();
    $('no-sites').hidden = hosts.length > 0;
    $('sites').replaceChildren(...hosts.map((host) => {
      const item = document.createElement('li');
      const name = document.createElement('strong');
      name.textContent = host;
      const what = document.createElement('span');
      what.className = 'muted';
      what.textContent = describe(settings.siteOverrides[host]);
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.textContent = t('remove');
      remove.setAttribute('aria-label', `${t('remove')}: ${host}`);
      remove.addEventListener('click', async () => {
        render(await U.settings.removeSite(host));
        saved();
      });
      item.append(name, what, remove);
      return item;
    }));
  }

  function render(settings) {
    $('hideOverlays').checked = settings.hideOverlays;
    $('markQuotes').checked = settings.markQuotes;
    $('summaryLength').value = settings.summaryLength;
    renderCategories(settings);
    renderSites(settings);
  }

  localize();
  $('hideOverlays').addEventListener('change', (event) => save({ hideOverlays: event.target.checked }));
  $('markQuotes').addEventListener('change', (event) => save({ markQuotes: event.target.checked }));
  $('summaryLength').addEventListener('change', (event) => save({ summaryLength: event.target.value }));
  U.settings.onChanged(render);
  U.settings.load().then(render, (error) => console.debug('[Unveil options]', error));
})();
