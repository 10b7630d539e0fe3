// A static file server for the page and its tests, bound to 127.0.0.1, no dependencies.
//   node scripts/serve.mjs [root=www] [port=8080]
// Tests import `serve` to start one on a free port; `wasmType` lets them mimic a host that
// sends .wasm with the wrong MIME type.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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

/** Starts a server; resolves to { url, close, requests } once it listens. */
export function serve(root, { port = 0, wasmType = TYPES['.wasm'], log = false } = {}) {
  const base = resolve(root);
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    let file = normalize(join(base, path));
    if (!file.startsWith(base)) return end(res, 403, 'forbidden');
    if (path.endsWith('/')) file = join(file, 'index.html');
    try {
      const body = await readFile(file);
      const ext = extname(file);
      res.writeHead(200, {
        'content-type': ext === '.wasm' ? wasmType : TYPES[ext] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
        // Public, static files: a sandboxed iframe (an opaque origin) or another site's
        // article may load the calculator's modules and wasm.
        'access-control-allow-origin': '*',
      });
      res.end(body);
      if (log) console.log(200, path);
    } catch {
      end(res, 404, 'not found');
      if (log) console.log(404, path);
    }
  });
  return new Promise((ok) =>
    server.listen(port, '127.0.0.1', () => {
      const url = `http://127.0.0.1:${server.address().port}/`;
      ok({ url, requests, close: () => new Promise((done) => server.close(done)) });
    }),
  );
}

function end(res, status, text) {
  res.writeHead(status, { 'content-type': 'text/plain' });
  res.end(text);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [root = 'www', port = '8080'] = process.argv.slice(2);
  const { url } = await serve(root, { port: Number(port) });
  console.log(`Serving ${root} at ${url} (Ctrl-C to stop)`);
}
