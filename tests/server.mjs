// Static server for the E2E fixture pages (tests/pages/), loopback only.
//
//   node tests/server.mjs --port 8765     (0 = a random free port; prints the base URL)
//   import { startServer } from './server.mjs'; const { url, close } = await startServer({ port: 0 });
//
// Per-page response headers come from a sidecar file: NAME.html + NAME.headers.json
// ({"Header-Name": "value", ...}). Every path is also served under /strict/…, with
//   Content-Security-Policy: default-src 'self'; script-src 'self'
// added to the page's own headers. That CSP lacks 'wasm-unsafe-eval' (no wasm may compile in
// the page) and allows no other origin: Unveil, whose core runs in its background, must work
// the same under it.
import { createServer } from 'node:http';
import { readFile, stat, readdir } from 'node:fs/promises';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const PAGES = join(dirname(fileURLToPath(import.meta.url)), 'pages');
const HOST = '127.0.0.1';
export const STRICT_CSP = "default-src 'self'; script-src 'self'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

function isLoopback(address) {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

async function sidecarHeaders(file) {
  if (!file.endsWith('.html')) return {};
  try {
    return JSON.parse(await readFile(file.replace(/\.html$/, '.headers.json'), 'utf8'));
  } catch (error) {
    if (error.code === 'ENOENT') return {};
    throw error;
  }
}

async function indexPage() {
  const names = (await readdir(PAGES)).filter((name) => name.endsWith('.html')).sort();
  const links = names
    .map((name) => `<li><a href="/${name}">${name}</a> · <a href="/strict/${name}">strict</a></li>`)
    .join('\n');
  return `<!doctype html><meta charset="utf-8"><title>Unveil fixture pages</title><ul>\n${links}\n</ul>\n`;
}

async function handle(request, response) {
  if (!isLoopback(request.socket.remoteAddress)) {
    response.writeHead(403).end();
    return;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405).end();
    return;
  }
  let path = decodeURIComponent(new URL(request.url, `http://${HOST}`).pathname);
  const headers = { 'Cache-Control': 'no-store' };
  if (path === '/strict' || path.startsWith('/strict/')) {
    path = path.slice('/strict'.length) || '/';
    headers['Content-Security-Policy'] = STRICT_CSP;
  }
  if (path === '/') {
    response.writeHead(200, { ...headers, 'Content-Type': TYPES['.html'] });
    response.end(request.method === 'HEAD' ? undefined : await indexPage());
    return;
  }
  const file = normalize(join(PAGES, path));
  if (!file.startsWith(PAGES + sep) || file.endsWith('.headers.json')) {
    response.writeHead(404).end();
    return;
  }
  try {
    if (!(await stat(file)).isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOENT' });
    const body = await readFile(file);
    const own = await sidecarHeaders(file);
    const csp = [own['Content-Security-Policy'], headers['Content-Security-Policy']].filter(Boolean);
    response.writeHead(200, {
      ...own,
      ...headers,
      ...(csp.length ? { 'Content-Security-Policy': csp } : {}),
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  } catch (error) {
    response.writeHead(error.code === 'ENOENT' ? 404 : 500, { 'Content-Type': TYPES['.txt'] });
    response.end(error.code === 'ENOENT' ? 'not found\n' : 'server error\n');
  }
}

/** Starts the fixture server on 127.0.0.1; `port` 0 picks a free one. */
export function startServer({ port = 0 } = {}) {
  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      const url = `http://${HOST}:${server.address().port}`;
      const close = () =>
        new Promise((done) => {
          server.closeAllConnections?.();
          server.close(() => done());
        });
      resolve({ url, close });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const at = process.argv.indexOf('--port');
  const port = at >= 0 ? Number(process.argv[at + 1]) : 8765;
  const { url, close } = await startServer({ port });
  console.log(`Unveil fixture pages on ${url}/ (strict CSP variants under ${url}/strict/)`);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => close().then(() => process.exit(0)));
}
