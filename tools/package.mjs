// Assembles the unpacked extensions dist/chrome and dist/firefox from extension/ and the
// wasm package, and zips them into store-ready packages.
//
// One manifest source: extension/manifest.base.json, deep-merged with
// extension/manifest.<browser>.json (a key set to null in the patch removes it).
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'extension');
const wasmPackage = join(root, 'target', 'pkg');
const browsers = ['chrome', 'firefox'];
const packageNames = { chrome: 'unveil-chrome.zip', firefox: 'unveil-firefox.xpi' };

function mergeDeep(base, patch) {
  if (Array.isArray(patch) || typeof patch !== 'object' || patch === null) return patch;
  const out = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergeDeep(typeof base?.[key] === 'object' ? base[key] : undefined, value);
  }
  return out;
}

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function buildManifest(browser) {
  const base = readJson(join(source, 'manifest.base.json'));
  const patch = readJson(join(source, `manifest.${browser}.json`));
  const manifest = mergeDeep(base, patch);
  // One version for the crate and the extension: Cargo.toml's.
  manifest.version = readFileSync(join(root, 'Cargo.toml'), 'utf8').match(/^version = "([^"]+)"/m)[1];
  return manifest;
}

function isShipped(path) {
  const name = path.slice(source.length + 1);
  return !/^manifest\..*\.json$/.test(name);
}

function assemble(browser) {
  const out = join(root, 'dist', browser);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  cpSync(source, out, { recursive: true, filter: (path) => path === source || isShipped(path) });
  mkdirSync(join(out, 'pkg'), { recursive: true });
  for (const file of ['unveil.js', 'unveil_bg.wasm']) {
    const from = join(wasmPackage, file);
    if (!existsSync(from)) throw new Error(`missing ${from}: build the wasm first (./build.sh)`);
    cpSync(from, join(out, 'pkg', file));
  }
  writeFileSync(join(out, 'manifest.json'), JSON.stringify(buildManifest(browser), null, 2) + '\n');
  return out;
}

function zip(directory, target) {
  rmSync(target, { force: true });
  // python3's zipfile is on every machine we build on; entries are stored relative to the folder.
  execFileSync('python3', ['-c', `
import os, sys, zipfile
folder, target = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(target, 'w', zipfile.ZIP_DEFLATED) as archive:
    for base, dirs, files in sorted(os.walk(folder)):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(base, name)
            archive.write(path, os.path.relpath(path, folder))
`, directory, target]);
}

for (const browser of browsers) {
  const folder = assemble(browser);
  zip(folder, join(root, 'dist', packageNames[browser]));
  console.log(`packaged dist/${browser}/ and dist/${packageNames[browser]}`);
}
