/*
 * Unveil settings: stored in storage.sync, always read merged over the defaults.
 *
 * The stored object carries `schemaVersion`; `migrate(old)` turns anything we ever stored
 * (or garbage) into the current shape, so readers never see a partial or stale object.
 * Content scripts follow storage.onChanged instead of being told by the popup.
 */
(function () {
  'use strict';
  const Unveil = (globalThis.Unveil = globalThis.Unveil || {});
  const api = globalThis.browser ?? globalThis.chrome;

  const SCHEMA_VERSION = 1;
  const CATEGORIES = ['donation', 'paywall', 'newsletter', 'adblock', 'exit_intent', 'cookie'];
  const SUMMARY_LENGTHS = { short: 1, medium: 3, long: 5 }; // sentences with rank < n

  const DEFAULTS = Object.freeze({
    schemaVersion: SCHEMA_VERSION,
    hideOverlays: true,
    markQuotes: true,
    siteOverrides: {}, // {"host": {hideOverlays?, markQuotes?}}
    // Cookie dialogs are off by default: hiding a consent dialog can break sites that need it.
    categories: { donation: true, paywall: true, newsletter: true, adblock: true, exit_intent: true, cookie: false },
    summaryLength: 'medium',
  });

  const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
  const bool = (value, fallback) => (typeof value === 'boolean' ? value : fallback);

  function cleanOverride(override) {
    const out = {};
    if (!isObject(override)) return out;
    if (typeof override.hideOverlays === 'boolean') out.hideOverlays = override.hideOverlays;
    if (typeof override.markQuotes === 'boolean') out.markQuotes = override.markQuotes;
    return out;
  }

  /**
   * Returns complete, valid settings of the current schema from whatever was stored
   * (nothing, an older schema, or values of the wrong type).
   */
  function migrate(old) {
    const source = isObject(old) ? old : {};
    // Schema 0 (never shipped, but cheap to accept): {enabled, cookieBanners}.
    const legacyEnabled = typeof source.enabled === 'boolean' ? source.enabled : undefined;
    const categories = {};
    for (const name of CATEGORIES) {
      categories[name] = bool(source.categories?.[name], DEFAULTS.categories[name]);
    }
    if (typeof source.cookieBanners === 'boolean' && !isObject(source.categories)) {
      categories.cookie = source.cookieBanners;
    }
    const siteOverrides = {};
    if (isObject(source.siteOverrides)) {
      for (const [host, override] of Object.entries(source.siteOverrides)) {
        const clean = cleanOverride(override);
        if (host && Object.keys(clean).length) siteOverrides[host.toLowerCase()] = clean;
      }
    }
    return {
      schemaVersion: SCHEMA_VERSION,
      hideOverlays: bool(source.hideOverlays, legacyEnabled ?? DEFAULTS.hideOverlays),
      markQuotes: bool(source.markQuotes, DEFAULTS.markQuotes),
      siteOverrides,
      categories,
      summaryLength: source.summaryLength in SUMMARY_LENGTHS ? source.summaryLength : DEFAULTS.summaryLength,
    };
  }

  /** The host key used for overrides: lowercase, without a leading "www.". */
  function hostKey(hostname) {
    return String(hostname || '').toLowerCase().replace(/^www\./, '');
  }

  /** What applies on `hostname`: the global switches with the site's override on top. */
  function effectiveSettings(settings, hostname) {
    const current = migrate(settings);
    const override = current.siteOverrides[hostKey(hostname)] || {};
    return {
      hideOverlays: override.hideOverlays ?? current.hideOverlays,
      markQuotes: override.markQuotes ?? current.markQuotes,
      categories: { ...current.categories },
      summaryLength: current.summaryLength,
      siteOverride: { ...override },
    };
  }

  async function load() {
    return migrate(await api.storage.sync.get(null));
  }

  /** Writes a patch of top-level keys (merged over the current settings, then migrated). */
  async function save(patch) {
    const next = migrate({ ...(await load()), ...patch });
    await api.storage.sync.set(next);
    return next;
  }

  /** Sets (or with `value === undefined` removes) one site's override of `key`. */
  async function setSiteOverride(hostname, key, value) {
    const current = await load();
    const host = hostKey(hostname);
    const override = { ...(current.siteOverrides[host] || {}) };
    if (value === undefined) delete override[key];
    else override[key] = Boolean(value);
    const siteOverrides = { ...current.siteOverrides };
    if (Object.keys(override).length) siteOverrides[host] = override;
    else delete siteOverrides[host];
    return save({ siteOverrides });
  }

  async function removeSite(hostname) {
    const current = await load();
    const siteOverrides = { ...current.siteOverrides };
    delete siteOverrides[hostKey(hostname)];
    return save({ siteOverrides });
  }

  /** Calls `listener(settings)` with fresh merged settings whenever sync storage changes. */
  function onChanged(listener) {
    api.storage.onChanged.addListener((changes, area) => {
      if (area !== 'sync') return;
      load().then(listener, () => {});
    });
  }

  Unveil.settings = {
    SCHEMA_VERSION,
    CATEGORIES,
    SUMMARY_LENGTHS,
    DEFAULTS,
    migrate,
    hostKey,
    effectiveSettings,
    load,
    save,
    setSiteOverride,
    removeSite,
    onChanged,
  };
})();
