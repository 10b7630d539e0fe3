// A static file server for the page and its tests, bound to 127.0.0.1, no dependencies.
//   node scripts/serve.mjs [root=site] [port=8080]
// Tests import `serve` to start one on a free port; `wasmType` lets them mimic a host that
// sends .wasm with the wrong MIME type.
import { createServer } from 'node:http';
import { readFile, realpath } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Longest address served; a longer one gets 414 (a scenario link is well under 2,000). */
const MAX_URL = 8192;

/** The request log keeps the last MAX_LOG paths, each cut to MAX_LOGGED characters, so a
 * long-running server's memory does not grow with every request. */
const MAX_LOG = 1000;
const MAX_LOGGED = 256;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.ts': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Starts a server; resolves to { url, close, requests } once it listens. `requests` is an
 * array of the decoded paths asked for, the most recent MAX_LOG of them. */
export function serve(root, { port = 0, wasmType = TYPES['.wasm'], log = false } = {}) {
  const base = resolve(root);
  const requests = [];
  const server = createServer(async (req, res) => {
    // A request the server will not answer with a file gets a status that says why, and
    // the server goes on serving.
    if (req.method !== 'GET' && req.method !== 'HEAD') return end(res, 405, 'only GET and HEAD', { allow: 'GET, HEAD' });
    if (req.url.length > MAX_URL) return end(res, 414, `the address is longer than ${MAX_URL} characters`);
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      return end(res, 400, 'the address has a malformed escape');
    }
    if (path.includes('\0')) return end(res, 400, 'the address has a null character');
    remember(requests, path);
    // Contained: the root itself or a path under it (root plus a separator), never a
    // sibling folder whose name starts with the root's.
    let file = resolve(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) return end(res, 403, 'outside the served folder');
    if (path.endsWith('/')) file = join(file, 'index.html');
    try {
      // A symbolic link is followed only to a file inside the root: the check above sees
      // the link's own name, so the real path (links resolved) is checked against the real
      // root. The real path is the one read: a link swapped after the check is not followed.
      const [real, realBase] = await Promise.all([realpath(file), realpath(base)]);
      if (real !== realBase && !real.startsWith(realBase + sep)) return end(res, 403, 'outside the served folder');
      const body = await readFile(real);
      const ext = extname(file);
      res.writeHead(200, {
        'content-type': ext === '.wasm' ? wasmType : TYPES[ext] ?? 'application/octet-stream',
        'content-length': body.length,
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
        // Public, static files: a sandboxed iframe (an opaque origin) or another site's
        // article may load the calculator's modules and wasm.
        'access-control-allow-origin': '*',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
      if (log) console.log(200, path);
    } catch {
      end(res, 404, 'not found');
      if (log) console.log(404, path);
    }
  });
  // A malformed request line or oversized headers: answered by Node with 400 or 431; the
  // socket's error must not end the process.
  server.on('clientError', (err, socket) => {
    if (socket.writable) socket.end(`HTTP/1.1 ${err.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request'}\r\nconnection: close\r\n\r\n`);
    else socket.destroy();
  });
  return new Promise((ok) =>
    server.listen(port, '127.0.0.1', () => {
      const url = `http://127.0.0.1:${server.address().port}/`;
      ok({ url, requests, close: () => new Promise((done) => server.close(done)) });
    }),
  );
}

/** Appends a path to the log, dropping the oldest past MAX_LOG. A long path keeps its head and
 * its tail (the extension tests filter on), copied so the log does not pin the whole string. */
function remember(requests, path) {
  if (path.length > MAX_LOGGED) {
    const half = MAX_LOGGED / 2;
    path = Buffer.from(`${path.slice(0, half)}…${path.slice(-half)}`).toString();
  }
  requests.push(path);
  if (requests.length > MAX_LOG) requests.shift();
}

function end(res, status, text, headers = {}) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  res.end(`${status}: ${text}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [root = 'site', port = '8080'] = process.argv.slice(2);
  const { url } = await serve(root, { port: Number(port) });
  console.log(`Serving ${root} at ${url} (Ctrl-C to stop)`);
}
