// The wasm boundary against plain JavaScript, in Node (the release `nodejs` package) and in
// headless Chromium (the page's `web` package): evaluate() under `record` and under model 1's
// statusQuo, and 10,000-draw uncertainty(), each beside the plain-JavaScript implementation in
// tests/reference.mjs. Prints medians and 95th percentiles; asserts nothing.
//   bash scripts/build.sh
//   wasm-pack build --release --target nodejs --out-dir pkg-node --no-pack
//   node tests/bench/boundary.mjs
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { launch, ROOT } from '../e2e/browser.mjs';
import { serve } from '../../scripts/serve.mjs';
import { compare } from './compare.mjs';

if (!existsSync(`${ROOT}pkg-node/dprk_labor.js`)) throw new Error('build pkg-node first (see the header)');
const rows = compare(createRequire(import.meta.url)(`${ROOT}pkg-node/dprk_labor.js`), 'Node');

// Chromium: a page on a server rooted at the repository, importing the same modules.
const server = await serve(ROOT);
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}tests/bench/bench.html`);
  rows.push(...await page.evaluate(async () => {
    const [{ default: init, ...m }, { compare }] = await Promise.all([import('/www/pkg/dprk_labor.js'), import('/tests/bench/compare.mjs')]);
    await init();
    return compare(m, 'Chromium');
  }));
} finally {
  await browser.close();
  await server.close();
}

const width = Math.max(...rows.map((r) => r[0].length));
for (const [name, value, note] of rows) console.log(`${name.padEnd(width)}  ${value.padEnd(28)}  ${note}`);
