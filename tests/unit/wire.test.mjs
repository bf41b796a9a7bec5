// The page layer's writer of the wire format (extension/content/snapshot.js, createWriter)
// against the shared sample tests/fixtures/wire/sample.json, which tests/wire_contract.rs
// holds the Rust reader to: together they check that both sides agree on the field order.
//   node --test tests/unit/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SOURCE = readFileSync(join(ROOT, 'extension', 'content', 'snapshot.js'), 'utf8');
const SAMPLE = JSON.parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'wire', 'sample.json'), 'utf8'));

/** The writer, loaded as the browsers load the script (a classic script on globalThis). */
function createWriter() {
  const context = vm.createContext({});
  vm.runInContext(SOURCE, context);
  return context.Unveil.createSnapshotWriter();
}

/** Writes a snapshot given in JSON the way the walk does: node by node, attributes, layout. */
function write(snapshot) {
  const writer = createWriter();
  for (const node of snapshot.nodes) {
    const depth = node.shadow_depth ?? 0;
    if (node.kind === 'text') {
      writer.text(node.text, node.parent, node.visible, depth);
      continue;
    }
    writer.element(node.tag, node.parent, node.visible, depth);
    for (const [name, value] of Object.entries(node.attrs ?? {})) writer.attr(name, value);
    const l = node.layout;
    // The array measure() returns, in its order.
    if (l) writer.layout([l.x, l.y, l.width, l.height, l.position, l.z_index, l.opacity, l.blurred, l.pointer_events_none, l.overflow_hidden, l.top_layer, l.background_alpha]);
  }
  // Plain values: objects made in the vm have the vm's prototypes.
  return JSON.parse(JSON.stringify(writer.finish(snapshot)));
}

test('the writer writes the shared sample exactly as the Rust reader expects it', () => {
  assert.deepEqual(write(SAMPLE.snapshot), SAMPLE.wire);
});

test('a separator in page text or a name becomes one U+FFFD, so text offsets do not move', () => {
  const page = { url: 'u\x7f', viewport: { width: 1, height: 1 }, root: { html: {}, body: {} }, partial: true, truncated: false };
  const nodes = [
    { kind: 'element', parent: null, visible: true, tag: 'x\x7f', attrs: { 'data-\x7f': 'v\x7f', class: 'c' } },
    { kind: 'text', parent: 0, visible: true, text: 'a\x7fb\x7f\x7f\0' },
  ];
  const { strings } = write({ ...page, nodes });
  const fields = strings.split('\x7f');
  assert.deepEqual(fields.slice(0, 5), ['x\ufffd', 'data-\ufffd', 'v\ufffd', 'B', 'c']);
  assert.equal(fields[5], 'a\ufffdb\ufffd\ufffd\0'); // U+0000 is plain text now
  assert.equal(fields[5].length, 'a\x7fb\x7f\x7f\0'.length);
  assert.equal(fields[6], 'u\ufffd');
});

test('a partial snapshot without page metadata still writes every header field', () => {
  const page = { url: 'https://x.test/', viewport: { width: 800, height: 600 }, root: { html: {}, body: {} }, partial: true, truncated: false };
  const { numbers, strings } = write({ ...page, nodes: [{ kind: 'element', parent: null, visible: true, tag: 'div' }] });
  // VERSION, 1 node, partial, the viewport, no tops, no meta, no JSON-LD; then the node
  // (visible, no parent).
  assert.deepEqual(numbers, [2, 1, 1, 800, 600, 0, 0, 0, 0, 2, 0]);
  // The node's tag, the url, an empty title, and the two roots' three empty fields each.
  assert.equal(strings, 'div\x7fhttps://x.test/\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f');
});
