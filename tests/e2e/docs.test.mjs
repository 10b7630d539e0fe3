// The lists in docs/embedding.md that come from the code: metric paths and formats. With
// UPDATE_DOCS=1 the test writes them; otherwise it fails when they differ from the code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { ROOT } from './browser.mjs';
import { METRICS } from '../../www/js/metric.js';
import { FORMATS } from '../../www/js/format.js';

const path = `${ROOT}docs/embedding.md`;

/** Replaces, or checks, the block between `<!-- generated:NAME:begin/end -->`. */
function block(name, body) {
  const docs = readFileSync(path, 'utf8');
  const re = new RegExp(`(<!-- generated:${name}:begin -->\\n)[\\s\\S]*?(<!-- generated:${name}:end -->)`);
  assert.match(docs, re, `docs/embedding.md has no ${name} block`);
  if (process.env.UPDATE_DOCS) writeFileSync(path, docs.replace(re, (_, begin, end) => `${begin}${body}\n${end}`));
  else assert.equal(docs.match(re)[0], `<!-- generated:${name}:begin -->\n${body}\n<!-- generated:${name}:end -->`, `${name} (UPDATE_DOCS=1 rewrites it)`);
}

test('the metric paths in the docs are the code\'s', () => {
  block('metrics', ['| metric | what it is | default format |', '|---|---|---|', ...METRICS.map(([p, meaning, format]) => `| \`${p}\` | ${meaning} | \`${format}\` |`)].join('\n'));
});

test('the formats in the docs are the code\'s, with examples it formats', () => {
  const examples = new Map([['usd', [1.3162e9, 556.5e6, 4412]], ['usd-millions', [1316.2e6]], ['usd-billions', [1.3162e9]], ['workers', [68538]], ['percent', [0.163]], ['percent-1', [0.163]], ['number', [1.485]], ['year', [2027]]]);
  assert.deepEqual([...FORMATS.keys()], [...examples.keys()], 'every format has an example');
  block('formats', ['| format | example |', '|---|---|', ...[...FORMATS].map(([name, f]) => `| \`${name}\` | ${examples.get(name).map(f).join(', ')} |`)].join('\n'));
});
