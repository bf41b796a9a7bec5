// Unit tests of extension/shared/settings.js (the schema migration), run in node:
//   node --test tests/unit/
// The file is loaded as the browsers load it (a classic script on globalThis), with a small
// in-memory storage.sync standing in for the browser's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const SOURCE = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'extension', 'shared', 'settings.js'), 'utf8');

function load(stored = {}) {
  const area = { ...stored };
  const sync = {
    async get() {
      return structuredClone(area);
    },
    async set(values) {
      Object.assign(area, structuredClone(values));
    },
  };
  const context = vm.createContext({ chrome: { storage: { sync, onChanged: { addListener() {} } } }, structuredClone });
  vm.runInContext(SOURCE, context);
  // Objects made in the vm have the vm's prototypes: compare them as plain JSON.
  const plain = (value) => JSON.parse(JSON.stringify(value));
  return { settings: context.Unveil.settings, area, plain };
}

const { settings, plain } = load();
const DEFAULTS = plain(settings.DEFAULTS);

test('nothing stored → the defaults', () => {
  assert.deepEqual(plain(settings.migrate(undefined)), DEFAULTS);
  assert.deepEqual(plain(settings.migrate({})), DEFAULTS);
});

test('garbage → the defaults, never a throw', () => {
  for (const garbage of [null, 42, 'on', [], [1, 2], true, { schemaVersion: 'x' }, { schemaVersion: -3 }, { schemaVersion: 1.5 }]) {
    assert.deepEqual(plain(settings.migrate(garbage)), DEFAULTS, JSON.stringify(garbage));
  }
  const wrongTypes = {
    schemaVersion: 1,
    hideOverlays: 'yes',
    markQuotes: 0,
    categories: { paywall: 'no', cookie: null },
    siteOverrides: { 'a.example': 'off', 'b.example': { hideOverlays: 1 }, '': { markQuotes: false } },
    summaryLength: 'toString', // an inherited property name, not a length
  };
  assert.deepEqual(plain(settings.migrate(wrongTypes)), DEFAULTS);
  // A getter that throws (a hostile or corrupt object) still gives settings.
  const throwing = { schemaVersion: 0 };
  Object.defineProperty(throwing, 'enabled', { enumerable: true, get() { throw new Error('boom'); } });
  assert.deepEqual(plain(settings.migrate(throwing)), DEFAULTS);
});

test('schema 1 is kept as it is', () => {
  const current = {
    schemaVersion: 1,
    hideOverlays: false,
    markQuotes: true,
    siteOverrides: { 'news.example': { markQuotes: false } },
    categories: { ...DEFAULTS.categories, cookie: true, donation: false },
    summaryLength: 'long',
  };
  assert.deepEqual(plain(settings.migrate(current)), current);
  assert.deepEqual(plain(settings.migrate(settings.migrate(current))), current, 'migrate is idempotent');
});

test('schema 0 (no version) → 1: enabled, cookieBanners and disabledSites carried over', () => {
  const old = { enabled: false, cookieBanners: true, disabledSites: ['WWW.Paper.example', 7, 'blog.example'] };
  assert.deepEqual(plain(settings.migrate(old)), {
    ...DEFAULTS,
    hideOverlays: false,
    categories: { ...DEFAULTS.categories, cookie: true },
    siteOverrides: { 'paper.example': { hideOverlays: false }, 'blog.example': { hideOverlays: false } },
  });
  assert.deepEqual(plain(settings.migrate({ schemaVersion: 0, enabled: 'maybe' })), DEFAULTS, 'wrong types still become defaults');
});

test('a newer schema: what this version understands is kept, the rest ignored', () => {
  const future = { schemaVersion: 7, hideOverlays: false, summaryLength: 'short', themes: { dark: true }, categories: { paywall: false, sports: true } };
  const migrated = plain(settings.migrate(future));
  assert.equal(migrated.schemaVersion, settings.SCHEMA_VERSION);
  assert.equal(migrated.hideOverlays, false);
  assert.equal(migrated.summaryLength, 'short');
  assert.equal(migrated.categories.paywall, false);
  assert.equal(migrated.themes, undefined);
  assert.equal(migrated.categories.sports, undefined);
  assert.equal(settings.isFromNewerVersion(future), true);
  assert.equal(settings.isFromNewerVersion({ schemaVersion: 1 }), false);
  assert.equal(settings.isFromNewerVersion(null), false);
});

test('save() after a downgrade keeps the newer version number and keys', async () => {
  const { settings: s, area } = load({ schemaVersion: 3, hideOverlays: true, themes: 'dark' });
  await s.save({ markQuotes: false });
  assert.equal(area.schemaVersion, 3);
  assert.equal(area.themes, 'dark');
  assert.equal(area.markQuotes, false);
  assert.equal((await s.load()).markQuotes, false);
});

test('save() of current settings writes schema 1 and migrates a schema-0 store', async () => {
  const { settings: s, area } = load({ enabled: false });
  await s.save({ summaryLength: 'short' });
  assert.equal(area.schemaVersion, 1);
  assert.equal(area.hideOverlays, false);
  assert.equal(area.summaryLength, 'short');
});
