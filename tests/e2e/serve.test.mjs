// scripts/serve.mjs, the quick start's server: it serves the folder and nothing outside it,
// answers malformed and oversized requests with a status, and keeps serving after them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
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
