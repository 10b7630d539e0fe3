// The Node package, pkg-node/: the page's own wasm build (www/pkg) and its instance wrapper
// (www/js/instance.js), which replaces an instance that traps, behind one entry that loads
// the module synchronously. It is an ES module that CommonJS projects load with require()
// (Node 20.19 and later); no second wasm-pack build.
//   node scripts/node-package.mjs    (after scripts/build.sh)
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const out = `${root}pkg-node/`;
rmSync(out, { recursive: true, force: true });
mkdirSync(`${out}js`, { recursive: true });
cpSync(`${root}www/pkg`, `${out}pkg`, { recursive: true });
cpSync(`${root}www/js/instance.js`, `${out}js/instance.js`);
const version = readFileSync(`${root}Cargo.toml`, 'utf8').match(/^version = "(.+)"$/m)[1];
const functions = (await import(`${root}www/js/instance.js`)).FUNCTIONS;
writeFileSync(`${out}index.js`, `// dprk-labor ${version} for Node: the wasm API, instantiated once; an instance that traps is
// replaced by a fresh one before the next call.
import { readFileSync } from 'node:fs';
import { instantiate } from './js/instance.js';

const api = instantiate(new WebAssembly.Module(readFileSync(new URL('./pkg/dprk_labor_bg.wasm', import.meta.url))));
${functions.map((f) => `export const ${f} = api.${f};`).join('\n')}
/** How many times a trapped instance was replaced. */
export const restarts = () => api.restarts;
`);
writeFileSync(`${out}index.d.ts`, `export * from './pkg/dprk_labor.js';\n/** How many times a trapped instance was replaced. */\nexport declare function restarts(): number;\n`);
writeFileSync(`${out}package.json`, `${JSON.stringify({
  name: 'dprk-labor', version, type: 'module', main: './index.js', types: './index.d.ts',
  exports: { '.': { types: './index.d.ts', default: './index.js' } },
  engines: { node: '>=20.19' }, license: 'MIT OR Apache-2.0',
}, null, 2)}\n`);
console.log(`pkg-node/: the Node package ${version}`);
