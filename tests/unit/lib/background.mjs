// The background's ES modules as the extension loads them, in Node: a copy of the built
// extension in a folder marked "type": "module", after shared/messages.js (a classic script
// on globalThis, which takes the extension API from globalThis.chrome: set it first to give
// the modules a made-up one). Needs the built extension (./build.sh writes dist/chrome).
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const DIST = join(ROOT, 'dist', 'chrome');

/** Loads the copy's shared scripts and returns import(path) for its modules (one wasm instance). */
export function loadBackground() {
  const dir = mkdtempSync(join(tmpdir(), 'unveil-background-'));
  cpSync(DIST, dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{"type": "module"}\n');
  vm.runInThisContext(readFileSync(join(DIST, 'shared', 'messages.js'), 'utf8'));
  // The glue fetches its wasm next to itself; Node's fetch has no file: URLs.
  const fetchOnline = globalThis.fetch;
  globalThis.fetch = async (url) => (String(url).startsWith('file:')
    ? new Response(readFileSync(fileURLToPath(url)), { headers: { 'Content-Type': 'application/wasm' } })
    : fetchOnline(url));
  return (path) => import(pathToFileURL(join(dir, path)));
}
