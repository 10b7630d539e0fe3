// Writes site/: the page as it is served, from www/ (after scripts/build.sh has put the wasm
// module in www/pkg and rendered the methodology). Every ES module and style sheet is
// minified on its own with esbuild's transform (no bundling: the modules, their names and
// their imports stay as they are), with a source map beside it for the browser's tools.
//   node scripts/site.mjs
import { transform } from 'esbuild';
import { cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const from = join(root, 'www');
const to = join(root, 'site');
rmSync(to, { recursive: true, force: true });
cpSync(from, to, { recursive: true, filter: (path) => !path.endsWith('.d.ts') });

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

let saved = 0;
for (const path of files(to)) {
  if (path.endsWith('.html')) {
    // Indentation only: a run of white space between tags keeps one line break, which
    // renders as the same single space.
    const source = readFileSync(path, 'utf8');
    const out = source.replace(/>\n[ \t]+</g, '>\n<');
    writeFileSync(path, out);
    saved += source.length - out.length;
    continue;
  }
  const loader = path.endsWith('.js') || path.endsWith('.mjs') ? 'js' : path.endsWith('.css') ? 'css' : null;
  if (!loader) continue;
  const source = readFileSync(path, 'utf8');
  const name = path.slice(path.lastIndexOf('/') + 1);
  // The parent page's resize helper is a classic script that articles copy: kept as written.
  if (loader === 'js' && !/^\s*(import|export)\b/m.test(source)) continue;
  const out = await transform(source, {
    loader, minify: true, target: loader === 'js' ? 'es2022' : 'chrome100', legalComments: 'none',
    format: loader === 'js' ? 'esm' : undefined, sourcemap: 'external', sourcefile: name,
  });
  writeFileSync(path, `${out.code}${loader === 'js' ? `//# sourceMappingURL=${name}.map` : `/*# sourceMappingURL=${name}.map */`}\n`);
  writeFileSync(`${path}.map`, out.map);
  saved += source.length - out.code.length;
}
console.log(`site/: ${(saved / 1024).toFixed(0)} KB of comments and spaces left out`);
