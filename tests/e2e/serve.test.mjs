// scripts/serve.mjs, the quick start's server: it serves the folder and nothing outside it
// (not even through a symbolic link), answers malformed and oversized requests with a status,
// keeps serving after them, and keeps a bounded log of what was asked for.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { request } from 'node:http';
import { connect } from 'node:net';
import { serve } from '../../scripts/serve.mjs';

let server;
let dir;
before(async () => {
  dir = mkdtempSync(`${tmpdir()}/dprk-labor-serve-`);
  mkdirSync(`${dir}/www`);
  mkdirSync(`${dir}/www-private`);
  writeFileSync(`${dir}/www/index.html`, '<!doctype html><title>ok</title>');
  writeFileSync(`${dir}/www-private/secret.txt`, 'secret');
  writeFileSync(`${dir}/secret.txt`, 'secret');
  mkdirSync(`${dir}/outside`);
  writeFileSync(`${dir}/outside/secret.txt`, 'secret');
  mkdirSync(`${dir}/www/inner`);
  writeFileSync(`${dir}/www/inner/page.txt`, 'inner page');
  // Links out of the root: to a folder, to a file, to the sibling whose name starts with the
  // root's, and to /etc; links that stay inside: to a file and to a folder.
  symlinkSync(`${dir}/outside`, `${dir}/www/out`);
  symlinkSync(`${dir}/secret.txt`, `${dir}/www/secret-link.txt`);
  symlinkSync(`${dir}/www-private`, `${dir}/www/private`);
  symlinkSync('/etc', `${dir}/www/etc`);
  symlinkSync('index.html', `${dir}/www/link.html`);
  symlinkSync(`${dir}/www/inner`, `${dir}/www/inner-link`);
  // The root itself reached through a link: its real path is the one files are checked against.
  symlinkSync(`${dir}/www`, `${dir}/www-link`);
  server = await serve(`${dir}/www`);
});
after(async () => { await server.close(); });

/** A GET of a raw path, as sent on the wire. */
function get(path, method = 'GET') {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
      let body = '';
      res.on('data', (c) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Raw bytes on a socket, for requests an HTTP client would not send. */
function raw(text) {
  const { port } = new URL(server.url);
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(text));
    let got = '';
    socket.on('data', (c) => { got += c; });
    socket.on('close', () => resolve(got));
    socket.on('error', () => resolve(got));
  });
}

test('serves the folder, and HEAD without a body', async () => {
  assert.deepEqual(await get('/'), { status: 200, body: '<!doctype html><title>ok</title>' });
  assert.deepEqual(await get('/index.html', 'HEAD'), { status: 200, body: '' });
  assert.equal((await get('/missing.js')).status, 404);
});

test('nothing outside the folder: traversal and a sibling whose name starts with the root\'s', async () => {
  for (const path of ['/..%2fwww-private/secret.txt', '/../www-private/secret.txt', '/..%2f..%2fsecret.txt', '/%2e%2e/secret.txt', '/..\\secret.txt']) {
    const r = await get(path);
    assert.notEqual(r.status, 200, path);
    assert.doesNotMatch(r.body, /secret/, path);
  }
  assert.equal((await get('/..%2fwww-private/secret.txt')).status, 403);
});

test('malformed requests get 400, long ones 414, other methods 405; the server lives on', async () => {
  assert.equal((await get('/%E0%A4%A')).status, 400);
  assert.equal((await get('/%00.html')).status, 400);
  const long = await get(`/?${'visaClarification=1&'.repeat(500)}`);
  assert.equal(long.status, 414);
  assert.match(long.body, /longer than 8192 characters/);
  assert.equal((await get('/', 'POST')).status, 405);
  assert.match(await raw('GARBAGE\r\n\r\n'), /^HTTP\/1\.1 400/);
  assert.match(await raw(`GET / HTTP/1.1\r\nHost: x\r\nX: ${'a'.repeat(70000)}\r\n\r\n`), /^HTTP\/1\.1 431/);
  assert.equal((await get('/')).status, 200, 'still serving');
});

test('a symbolic link is followed inside the folder, never out of it', async () => {
  for (const path of ['/out/secret.txt', '/secret-link.txt', '/private/secret.txt']) {
    const r = await get(path);
    assert.equal(r.status, 403, path);
    assert.doesNotMatch(r.body, /secret/, path);
  }
  // 403 where the system has the file, 404 where it has not; never its contents.
  const passwd = await get('/etc/passwd');
  assert.notEqual(passwd.status, 200);
  assert.doesNotMatch(passwd.body, /root:/);
  assert.deepEqual(await get('/link.html'), { status: 200, body: '<!doctype html><title>ok</title>' });
  assert.deepEqual(await get('/inner-link/page.txt'), { status: 200, body: 'inner page' });
  const linked = await serve(`${dir}/www-link`);
  try {
    const { port } = new URL(linked.url);
    const status = (path) => new Promise((resolve, reject) => {
      request({ host: '127.0.0.1', port, path }, (res) => { res.resume(); resolve(res.statusCode); }).on('error', reject).end();
    });
    assert.equal(await status('/'), 200, 'a root that is itself a link is served');
    assert.equal(await status('/link.html'), 200);
    assert.equal(await status('/out/secret.txt'), 403);
  } finally {
    await linked.close();
  }
});

test('the request log stays bounded after 5,000 requests with 8 KB paths, and the server lives on', async () => {
  const long = (i) => `/${i}-${'a'.repeat(8000)}.wasm`;
  for (let i = 0; i < 5000; i += 50) {
    const statuses = await Promise.all(Array.from({ length: 50 }, (_, j) => get(long(i + j)).then((r) => r.status)));
    assert.deepEqual(new Set(statuses), new Set([404]));
  }
  assert.ok(server.requests.length <= 1000, `${server.requests.length} entries kept`);
  assert.ok(server.requests.every((r) => r.length <= 1024), 'each entry is cut well under 8 KB');
  // The newest entries are kept, and a cut one still shows its start and its extension.
  const last = server.requests.at(-1);
  assert.ok(last.startsWith('/') && last.endsWith('.wasm'), last.slice(0, 40));
  assert.deepEqual(await get('/'), { status: 200, body: '<!doctype html><title>ok</title>' });
  assert.equal(server.requests.at(-1), '/');
  assert.equal(server.requests.filter((r) => r.endsWith('.wasm')).length, server.requests.length - 1);
});
