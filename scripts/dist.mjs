// Single-file build for content systems that cannot host .wasm files:
//   dist/dprk-labor.js    one ES module carrying the wasm, defining both custom elements
//   dist/dprk-labor.html  a self-contained page: the module inline, allowed by a CSP hash
// Run `bash scripts/dist.sh` (it builds the wasm first).
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
mkdirSync(`${root}dist`, { recursive: true });
const version = readFileSync(`${root}Cargo.toml`, 'utf8').match(/^version = "(.+)"$/m)[1];
await build({
  entryPoints: [`${root}scripts/dist-entry.js`],
  outfile: `${root}dist/dprk-labor.js`,
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  loader: { '.wasm': 'binary' },
  legalComments: 'none',
  banner: { js: `// dprk-labor single-file build ${version}: the calculator's custom elements with the model inside.` },
});
const module = readFileSync(`${root}dist/dprk-labor.js`, 'utf8');
// An inline module may not contain "</script"; esbuild escapes it in strings, check anyway.
if (/<\/script/i.test(module)) throw new Error('the bundle contains </script>');
const hash = createHash('sha256').update(module).digest('base64');
const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-${hash}' 'wasm-unsafe-eval'; style-src 'self'; img-src data: blob:">
<title>North Korea's overseas labor revenue calculator</title>
<link rel="icon" href="data:,">
<script type="module">${module}</script>
</head>
<body>
<main><dprk-labor-calculator id="calculator"></dprk-labor-calculator></main>
</body>
</html>
`;
writeFileSync(`${root}dist/dprk-labor.html`, html);
for (const f of ['dprk-labor.js', 'dprk-labor.html']) {
  const body = readFileSync(`${root}dist/${f}`);
  console.log(`dist/${f}: ${body.length} B, ${gzipSync(body, { level: 9 }).length} B gzipped`);
}
