// Runs `web-ext lint` on an unpacked Firefox extension and fails on any error, and on any
// warning or notice that is not listed (with its reason) in ALLOWED below and the README.
import { execFileSync } from 'node:child_process';

const ALLOWED = {
  // none yet
};

const folder = process.argv[2] ?? 'dist/firefox';
let output;
try {
  output = execFileSync('node_modules/.bin/web-ext', ['lint', '--source-dir', folder, '--output', 'json', '--no-input'], {
    encoding: 'utf8',
  });
} catch (error) {
  // web-ext exits non-zero when it finds errors; the JSON report is still on stdout.
  output = error.stdout;
}
const report = JSON.parse(output.slice(output.indexOf('{')));
const findings = [...report.errors, ...report.warnings, ...report.notices];
const unexpected = findings.filter((f) => !(f.code in ALLOWED));
for (const f of findings) {
  const why = ALLOWED[f.code] ? ` (allowed: ${ALLOWED[f.code]})` : '';
  console.log(`${f._type} ${f.code}: ${f.message} ${f.file ?? ''}${why}`);
}
console.log(`web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings, ${report.notices.length} notices`);
process.exit(unexpected.length === 0 ? 0 : 1);
