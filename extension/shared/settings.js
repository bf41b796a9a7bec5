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

  // One step per schema version: MIGRATIONS[n] turns a version-n object into version n + 1.
  // A step only renames or reshapes; values of the wrong type are left for `sanitize`.
  const MIGRATIONS = {
    // 0 → 1: the pre-release layout {enabled, cookieBanners, disabledSites: [host]} became
    // hideOverlays, categories.cookie and per-site overrides.
    0(old) {
      const next = { ...old };
      if ('enabled' in old && !('hideOverlays' in old)) next.hideOverlays = old.enabled;
      if ('cookieBanners' in old && !isObject(old.categories)) next.categories = { cookie: old.cookieBanners };
      if (Array.isArray(old.disabledSites) && !isObject(old.siteOverrides)) {
        next.siteOverrides = Object.fromEntries(
          old.disabledSites.filter((host) => typeof host === 'string').map((host) => [hostKey(host), { hideOverlays: false }]),
        );
      }
      delete next.enabled;
      delete next.cookieBanners;
      delete next.disabledSites;
      return next;
    },
  };

  /** The stored schema version: a missing or malformed one is 0 (before versions existed). */
  function versionOf(stored) {
    const version = stored.schemaVersion;
    return Number.isSafeInteger(version) && version >= 0 ? version : 0;
  }

  /** Every key of the current schema, valid, defaults where the value is missing or wrong. */
  function sanitize(source) {
    const categories = {};
    for (const name of CATEGORIES) categories[name] = bool(source.categories?.[name], DEFAULTS.categories[name]);
    const siteOverrides = {};
    if (isObject(source.siteOverrides)) {
      for (const [host, override] of Object.entries(source.siteOverrides)) {
        const clean = cleanOverride(override);
        if (hostKey(host) && Object.keys(clean).length) siteOverrides[hostKey(host)] = clean;
      }
    }
    return {
      schemaVersion: SCHEMA_VERSION,
      hideOverlays: bool(source.hideOverlays, DEFAULTS.hideOverlays),
      markQuotes: bool(source.markQuotes, DEFAULTS.markQuotes),
      siteOverrides,
      categories,
      summaryLength: Object.hasOwn(SUMMARY_LENGTHS, source.summaryLength) ? source.summaryLength : DEFAULTS.summaryLength,
    };
  }

  /**
   * Returns complete, valid settings of the current schema from whatever was stored: nothing,
   * an older schema (migrated step by step), garbage (defaults), or a newer schema written by
   * a later version of Unveil (the keys this version understands are kept). Never throws.
   */
  function migrate(old) {
    let source = isObject(old) ? old : {};
    try {
      for (let version = versionOf(source); version < SCHEMA_VERSION; version++) source = MIGRATIONS[version](source);
    } catch {
      source = {}; // a step met something it cannot read: defaults rather than a broken page
    }
    return sanitize(source);
  }

  /** Whether `stored` comes from a newer Unveil (after a downgrade): then it is not rewritten. */
  function isFromNewerVersion(stored) {
    return isObject(stored) && versionOf(stored) > SCHEMA_VERSION;
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
    const stored = await api.storage.sync.get(null);
    const next = migrate({ ...migrate(stored), ...patch });
    // After a downgrade, keep the newer version number: that version migrates its own keys.
    const written = isFromNewerVersion(stored) ? { ...next, schemaVersion: stored.schemaVersion } : next;
    await api.storage.sync.set(written);
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
    isFromNewerVersion,
    hostKey,
    effectiveSettings,
    load,
    save,
    setSiteOverride,
    removeSite,
    onChanged,
  };
})();
