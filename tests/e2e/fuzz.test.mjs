// The fuzz suite: fast-check drives the Node package with arbitrary values, the link parser
// with arbitrary queries, the scenario-file reader with arbitrary files, and the elements'
// attributes in Chromium. Fixed seed and bounded runs here; scripts/fuzz.sh runs it longer
// with fresh seeds (FUZZ_SEED, FUZZ_RUNS).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { setup, open, ROOT, MODEL_VERSION } from './browser.mjs';
import { registry } from '../../www/js/api.js';
import { readQuery, writeQuery } from '../../www/js/state.js';
import { readScenarioFile } from '../../www/js/scenario-file.js';

const m = await import(`${ROOT}www/pkg/dprk_labor.js`);
m.initSync({ module: readFileSync(`${ROOT}www/pkg/dprk_labor_bg.wasm`) });
const api = { ...m, registry: registry(m) };
const ids = m.parameters().map((p) => p.id);
const RUNS = Number(process.env.FUZZ_RUNS ?? 1);
const options = (numRuns) => ({ seed: Number(process.env.FUZZ_SEED ?? 20261129), numRuns: numRuns * RUNS });
const record = m.presets().find((p) => p.id === 'record').values;
const good = () => JSON.stringify(m.evaluate(record));
const expected = good();

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

// Keys: parameter ids, ids with a twist, names of Object.prototype, and anything at all.
const key = fc.oneof(
  fc.constantFrom(...ids),
  fc.constantFrom(...ids).map((id) => `${id} `),
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', 'then'),
  fc.string({ unit: 'binary', maxLength: 30 }),
);
// Values: edges of numbers, strings, lists, objects, and stranger things.
const number = fc.oneof(fc.constantFrom(0, -0, 5e-324, 1e308, -1, 1, NaN, Infinity, -Infinity, 2017, 2100, 1899), fc.double(), fc.integer({ min: 1890, max: 2110 }));
const step = fc.oneof({ weight: 4, arbitrary: fc.tuple(fc.integer({ min: 1890, max: 2110 }), number) }, { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) });
const value = fc.oneof(
  { weight: 3, arbitrary: number },
  { weight: 2, arbitrary: fc.array(step, { maxLength: 70 }) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 3, withBoxedValues: true, withMap: true, withSet: true, withTypedArray: true, withDate: true, withNullPrototype: true, withSparseArray: true }) },
);
const scenario = fc.oneof(
  { weight: 4, arbitrary: fc.dictionary(key, value, { maxKeys: 10 }) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 2, withBoxedValues: true, withMap: true, withSet: true, withTypedArray: true, withDate: true, withNullPrototype: true }) },
);

/** Every number in a result is finite. */
function allFinite(x, depth = 0) {
  if (typeof x === 'number') return Number.isFinite(x);
  if (Array.isArray(x)) return x.every((y) => allFinite(y, depth + 1));
  if (x && typeof x === 'object' && depth < 6) return Object.values(x).every((y) => allFinite(y, depth + 1));
  return true;
}

test('the Node package: arbitrary scenarios and options give results or named errors, never anything else', () => {
  const calls = [
    (s) => m.evaluate(s),
    (s, o) => m.uncertainty(s, o === undefined ? { draws: 20 } : o),
    (s, o) => m.sensitivity(s, o),
    (s, o) => m.goalSeek(s, o ?? { lever: 'visaClarification', targetShare: 0.2 }),
    (s) => m.backtest(s),
  ];
  const option = fc.option(fc.oneof(
    fc.record({ draws: fc.oneof(fc.integer({ min: -5, max: 300 }), number), seed: fc.oneof(fc.integer(), number) }, { requiredKeys: [] }),
    fc.record({ output: fc.oneof(fc.constantFrom('cumulativeRevenueUsd', 'finalYearRevenueUsd'), fc.string()), host: fc.oneof(fc.constantFrom('all', 'russia'), fc.string()), from: fc.oneof(number, fc.string()) }, { requiredKeys: [] }),
    fc.record({ levers: fc.array(fc.oneof(fc.constantFrom(...ids), fc.string()), { maxLength: 4 }), targetShare: number, comparator: fc.oneof(fc.constantFrom('record', 'noEnforcement'), fc.string()) }, { requiredKeys: [] }),
    fc.anything({ maxDepth: 2 }),
  ), { nil: undefined });
  fc.assert(fc.property(fc.integer({ min: 0, max: calls.length - 1 }), scenario, option, (k, s, o) => {
    try {
      const r = calls[k](s, o);
      assert.ok(allFinite(r), 'every number finite');
    } catch (e) {
      assert.ok(e instanceof TypeError || e instanceof RangeError, `${e?.name}: ${e?.message}`);
      assert.ok(e.message.length > 0 && e.message.length < 500, e.message);
      assert.doesNotMatch(e.message, /\uFFFD|\[object /, e.message);
    }
  }), options(1500));
  assert.equal(good(), expected, 'the module gives the same numbers afterwards');
});

test('an unknown or inherited key is named in the error, quoted in at most 80 characters', () => {
  fc.assert(fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }).filter((k) => !ids.includes(k)), (k) => {
    assert.throws(() => m.evaluate({ [k]: 1 }), (e) => {
      const quoted = JSON.stringify(k.length > 80 ? `${k.slice(0, 80)}…` : k);
      return e instanceof RangeError && e.message.includes(quoted) && !e.message.includes('\uFFFD');
    });
  }), options(500));
  for (const id of ids.slice(0, 5)) {
    assert.throws(() => m.evaluate(Object.create({ [id]: 0.5 })), TypeError);
    assert.throws(() => m.evaluate(Object.defineProperty({}, id, { value: 0.5, enumerable: false })), (e) => e instanceof TypeError && e.message.includes(JSON.stringify(id)));
  }
});

test('the link parser: arbitrary queries never throw, and what they give is a scenario the model takes', () => {
  const pair = fc.tuple(fc.oneof(key, fc.constantFrom('preset', 'v', 'policyYear', 'host', 'compare', 'band', 'draws', 'seed', 'output', 'obs')), fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), number.map(String), fc.constantFrom('1.1.0', MODEL_VERSION, 'record', '2018:0.3,2020:0', '__proto__', 'toString')));
  fc.assert(fc.property(fc.array(pair, { maxLength: 12 }), (pairs) => {
    const read = readQuery(pairs, api);
    assert.ok(Array.isArray(read.notices) && read.notices.every((n) => typeof n === 'string' && n.length < 2000));
    m.evaluate(read.scenario);
    assert.ok(read.view.draws <= 20000 && read.view.draws >= 100);
    // What the page writes back reads back to the same scenario.
    const again = readQuery(new URLSearchParams(writeQuery(read, api.registry)), api);
    assert.deepEqual(again.scenario, read.scenario);
  }), options(600));
});

test('the scenario-file reader: arbitrary files never throw; what they give is a scenario the model takes', () => {
  const file = fc.oneof(
    fc.dictionary(key, value, { maxKeys: 10 }).map((o) => JSON.stringify(o) ?? 'null'),
    fc.record({ scenario: fc.dictionary(key, value, { maxKeys: 8 }), view: fc.dictionary(fc.string(), fc.anything({ maxDepth: 2 }), { maxKeys: 4 }), model: fc.record({ modelVersion: fc.oneof(fc.constantFrom('1.1.0', MODEL_VERSION), fc.string()) }) }).map((o) => JSON.stringify(o)),
    fc.json(),
    fc.string({ unit: 'binary', maxLength: 200 }),
  );
  fc.assert(fc.property(file, (text) => {
    const read = readScenarioFile(text, api);
    assert.ok(read.notices.every((n) => typeof n === 'string' && n.length < 2000), 'notices are short');
    if (read.scenario) m.evaluate(read.scenario);
  }), options(600));
});

test('the elements in Chromium: arbitrary attributes give a number or a readable note, never an uncaught error', async () => {
  const o = await open(env.browser, `${env.server.url}examples/article.html`);
  await o.page.waitForFunction(() => document.getElementById('calc-a')?.projection);
  const attrs = fc.record({
    metric: fc.oneof(fc.constantFrom('window.revenueUsd', 'revenueUsd@last', 'hosts.russia.workers@2030', 'summary.deniedShare', 'toString', 'constructor', '__proto__', 'hosts.__proto__.workers@2020', 'workers@0x7e7'), fc.string({ maxLength: 30 })),
    format: fc.oneof(fc.constantFrom('usd', 'percent', 'toString', 'constructor', '__proto__'), fc.string({ maxLength: 12 })),
    scenario: fc.oneof(fc.constantFrom('preset=record&v=2.0.0', 'constructor=1', 'visaClarification=2020:1,2019:0', '__proto__=1&v=1.1.0'), fc.string({ maxLength: 40 })),
    preset: fc.oneof(fc.constantFrom('record', 'statusQuo', 'toString'), fc.string({ maxLength: 12 })),
    host: fc.oneof(fc.constantFrom('all', 'russia', 'constructor'), fc.string({ maxLength: 8 })),
    'policy-year': fc.oneof(fc.constantFrom('2027', '1800', 'x'), fc.string({ maxLength: 6 })),
    for: fc.oneof(fc.constantFrom('calc-a', 'nope', '__proto__'), fc.string({ maxLength: 8 })),
  }, { requiredKeys: [] });
  const count = Math.min(600, 60 * RUNS);
  const samples = fc.sample(fc.array(attrs, { minLength: count, maxLength: count }), { seed: options(1).seed, numRuns: 1 })[0];
  const texts = await o.page.evaluate(async (list) => {
    const made = list.map((a, i) => {
      const kind = i % 6 === 5 ? 'dprk-labor-calculator' : 'dprk-labor-value';
      const el = document.createElement(kind);
      for (const [k, v] of Object.entries(a)) el.setAttribute(k, v);
      document.querySelector('article').append(el);
      return el;
    });
    await new Promise((r) => setTimeout(r, 1500));
    return made.map((el) => (el.localName === 'dprk-labor-value' ? el.textContent : el.shadowRoot.textContent.slice(0, 40)));
  }, samples);
  for (const t of texts) {
    assert.ok(t && t !== '…', `a figure stuck on "${t}"`);
    assert.doesNotMatch(t, /\[object |undefined|NaN/, t);
  }
  assert.deepEqual(o.errors, []);
  await o.context.close();
});
