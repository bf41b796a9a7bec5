// The background's core (extension/background/core.js) on the real wasm package, in Node:
// a snapshot in, {report, coreMs} out; a trap fails that call with code "trap" and the next
// call runs on a fresh instance. Needs the built extension (./build.sh writes dist/chrome).
//   node --test tests/unit/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBackground, ROOT } from './lib/background.mjs';

const SAMPLE = JSON.parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'wire', 'sample.json'), 'utf8'));
const load = loadBackground();
const core = await load('background/core.js');
const glue = await load('pkg/unveil.js'); // the same instance

test('a snapshot in the wire format comes back as a report, with the time spent on it', async () => {
  const { report, coreMs } = await core.run('analyze', SAMPLE.wire);
  assert.equal(report.status, 'ok');
  assert.ok(Number.isFinite(coreMs) && coreMs > 0, `coreMs ${coreMs}`);
  const scan = await core.run('scanOverlays', SAMPLE.wire, { headline: 'A \ud800 lone surrogate', excerpt: '' });
  assert.equal(scan.report.status, 'ok');
});

test('a trap fails only its own call; the next call runs on a fresh instance', async () => {
  const before = await core.run('analyze', SAMPLE.wire);
  assert.ok(glue.lastTimings().some((ms) => ms > 0), 'the instance kept the last call\'s timings');
  // A snapshot too large for wasm memory: its copy in fails to allocate, and the module
  // (panic = "abort") traps — a real trap of the real instance, no test hook.
  const huge = { strings: '', numbers: { length: 2 ** 28 } };
  await assert.rejects(core.run('analyze', huge), (error) => error.code === globalThis.Unveil.ERROR.TRAP && error.message.length > 0);
  // A fresh instance has none of the old one's state.
  assert.deepEqual([...glue.lastTimings()], [0, 0, 0]);
  const after = await core.run('analyze', SAMPLE.wire);
  assert.deepEqual(after.report, before.report);
});

test('the summary the popup asks for comes from the article the page was given', async () => {
  const text = 'The ferry to the island ran again on Monday after a winter of repairs. '
    + 'Its operator said the old boat would keep the timetable until the spring. '
    + 'A baker by the pier said the first boat carried more flour than passengers. '
    + 'The island council will decide in May whether a second boat is needed.';
  const { summary, coreMs } = await core.summarize({ text, title: 'The island ferry runs again', lang: 'en' });
  assert.ok(Array.isArray(summary) && summary.length >= 1, JSON.stringify(summary));
  for (const sentence of summary) {
    assert.ok(text.includes(sentence.text), sentence.text);
    assert.ok(Number.isInteger(sentence.rank));
  }
  assert.ok(Number.isFinite(coreMs) && coreMs >= 0);
  // Nothing to summarise: no sentences, no error.
  assert.deepEqual((await core.summarize({})).summary, []);
});
