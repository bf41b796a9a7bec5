// Known product bugs that the suite still catches. A test whose title is listed in
// tests/e2e/known-issues.json runs as a TODO: its failure is reported ("# TODO …") but does not
// fail the run, so that one open bug does not block every other change. Each entry names the
// bug; remove it when the bug is fixed (a TODO test that passes is reported as such).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const KNOWN = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'known-issues.json'), 'utf8'));

/** node:test options for the test titled `title`: `{ todo: reason }` for a known issue. */
export function knownIssue(title) {
  const reason = KNOWN[title];
  return reason ? { todo: `known issue: ${reason}` } : {};
}
