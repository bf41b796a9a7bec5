#!/usr/bin/env node
/*
 * Sums CPU profiles written by `run.mjs --cpu-profile DIR`: self time per function over
 * all of them, largest first (wasm functions appear under their Rust names when the
 * module kept its name section).
 *
 *   node tests/bench/profile-summary.mjs DIR [--top N] [--total] [--under NAME]
 *
 * --total ranks by inclusive time (the function and what it calls) instead of self time;
 * --under keeps only samples taken inside a function whose name contains NAME.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const dir = args.find((a, i) => !a.startsWith('--') && !['--top', '--under'].includes(args[i - 1]));
const topAt = args.indexOf('--top');
const TOP = topAt >= 0 ? Number(args[topAt + 1]) : 40;
const TOTAL = args.includes('--total');
const underAt = args.indexOf('--under');
const UNDER = underAt >= 0 ? args[underAt + 1] : null;

const self = new Map();
const total = new Map();
let allMs = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url ? n.callFrame.url.split('/').pop() : ''}`.trim();
  const stack = (id) => {
    const ids = [];
    for (let at = id; at !== undefined; at = parent.get(at)) ids.push(at);
    return ids;
  };
  const hits = new Map();
  profile.samples.forEach((id, i) => hits.set(id, (hits.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000));
  for (const [id, ms] of hits) {
    const node = byId.get(id);
    if (node.callFrame.functionName === '(idle)' || node.callFrame.functionName === '(program)') continue;
    if (UNDER && !stack(id).some((at) => byId.get(at).callFrame.functionName.includes(UNDER))) continue;
    allMs += ms;
    self.set(name(node), (self.get(name(node)) ?? 0) + ms);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const key = name(byId.get(at));
      if (seen.has(key)) continue; // recursion counts once
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + ms);
    }
  }
}
const rows = [...(TOTAL ? total : self)].sort((a, b) => b[1] - a[1]).slice(0, TOP);
console.log(`${allMs.toFixed(1)} ms sampled (${TOTAL ? 'inclusive' : 'self'} time)`);
for (const [key, ms] of rows) console.log(`${ms.toFixed(1).padStart(8)}  ${(100 * ms / allMs).toFixed(1).padStart(5)}%  ${key}`);
