// The wasm API from plain JavaScript in Node, and the same calls in Chromium: identical
// numbers on both, and the same as the native golden files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setup, open, ROOT } from './browser.mjs';
import { createRequire } from 'node:module';

const m = await import(`${ROOT}www/pkg/dprk_labor.js`);
m.initSync({ module: readFileSync(`${ROOT}www/pkg/dprk_labor_bg.wasm`) });
const golden = (name) => JSON.parse(readFileSync(`${ROOT}tests/golden/${name}.json`, 'utf8'));
const statusQuo = m.presets().find((p) => p.id === 'statusQuo').values;

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

test('Node: evaluate and uncertainty equal the native golden outputs', () => {
  assert.deepEqual(m.evaluate(statusQuo), golden('statusQuo'));
  assert.deepEqual(m.uncertainty(statusQuo, { draws: 500, seed: 7 }), golden('uncertainty-statusQuo-500-7'));
  for (const p of m.presets()) assert.deepEqual(m.evaluate(p.values), golden(p.id), p.id);
});

test('Node and Chromium give bit-identical bands, tornado, goal seek and back-test', async () => {
  // The same five calls, written out on both sides (the page's CSP forbids building code).
  const node = {
    bands: m.uncertainty(statusQuo, { draws: 3000, seed: 12345 }),
    other: m.uncertainty({ ...statusQuo, visaClarification: 1 }, { draws: 1000, seed: 99 }),
    tornado: m.sensitivity(statusQuo, { output: 'cumulativeDeniedUsd' }),
    goal: m.goalSeek(statusQuo, { lever: 'repatriation.china', targetDeniedShare: 0.35 }),
    backtest: m.backtest(statusQuo),
  };
  const o = await open(env.browser, env.server.url);
  await o.page.waitForSelector('html[data-ready]');
  const chromium = await o.page.evaluate(async () => {
    const mod = await import('/pkg/dprk_labor.js');
    const sq = mod.presets().find((p) => p.id === 'statusQuo').values;
    return {
      bands: mod.uncertainty(sq, { draws: 3000, seed: 12345 }),
      other: mod.uncertainty({ ...sq, visaClarification: 1 }, { draws: 1000, seed: 99 }),
      tornado: mod.sensitivity(sq, { output: 'cumulativeDeniedUsd' }),
      goal: mod.goalSeek(sq, { lever: 'repatriation.china', targetDeniedShare: 0.35 }),
      backtest: mod.backtest(sq),
    };
  });
  assert.deepEqual(chromium, node);
  // Bands are ordered, the same seed reproduces, another seed differs.
  for (const q of ['p5', 'p25', 'p50', 'p75']) {
    const next = { p5: 'p25', p25: 'p50', p50: 'p75', p75: 'p95' }[q];
    node.bands.revenueUsd[q].forEach((x, i) => assert.ok(x <= node.bands.revenueUsd[next][i]));
  }
  assert.deepEqual(m.uncertainty(statusQuo, { draws: 3000, seed: 12345 }), node.bands);
  assert.notDeepEqual(m.uncertainty(statusQuo, { draws: 3000, seed: 12346 }).revenueUsd, node.bands.revenueUsd);
  await o.context.close();
});

test('for every preset, the deterministic run lies inside the 5-95% bands, which are ordered', () => {
  for (const { id, values } of m.presets()) {
    const p = m.evaluate(values);
    const u = m.uncertainty(values, { draws: 10000, seed: 1 });
    const inside = (x, lo, hi, what) => assert.ok(lo * (1 - 1e-12) <= x && x <= hi * (1 + 1e-12), `${id} ${what}: ${x} outside ${lo}..${hi}`);
    for (const key of ['revenueUsd', 'workers']) {
      const b = u[key];
      p.years.forEach((year, i) => {
        inside(p[key][i], b.p5[i], b.p95[i], `${key} ${year}`);
        assert.ok(b.p5[i] <= b.p25[i] && b.p25[i] <= b.p50[i] && b.p50[i] <= b.p75[i] && b.p75[i] <= b.p95[i], `${id} ${key} ${year} ordered`);
      });
    }
    inside(p.summary.cumulativeRevenueUsd, u.cumulativeRevenueUsd.p5, u.cumulativeRevenueUsd.p95, 'cumulative revenue');
    inside(p.summary.cumulativeDeniedUsd, u.cumulativeDeniedUsd.p5, u.cumulativeDeniedUsd.p95, 'cumulative denied');
  }
});

test('every goal-seek answer is confirmed by evaluate(), independently', () => {
  for (const lever of ['permitBan.china', 'permitBan.russia', 'repatriation.other', 'visaClarification', 'designationsPerYear']) {
    for (const target of [0.34, 0.36, 0.4, 0.6]) {
      const g = m.goalSeek(statusQuo, { lever, targetDeniedShare: target });
      if (g.reachable) {
        assert.ok(m.evaluate({ ...statusQuo, [lever]: g.value }).summary.deniedShare >= target, `${lever} ${target}`);
      } else {
        assert.ok(m.evaluate({ ...statusQuo, [lever]: m.parameters().find((p) => p.id === lever).max }).summary.deniedShare < target);
        assert.equal(g.value, null);
      }
    }
  }
});

test('bad input from JavaScript: the right error class, a message naming the field; the module keeps working', () => {
  const cases = [
    [() => m.evaluate({ 'repatriaton.russia': 0.5 }), RangeError, /"repatriaton\.russia"/],
    [() => m.evaluate({ visaClarification: '1' }), TypeError, /"visaClarification" must be a number, got the string "1"/],
    [() => m.evaluate({ 'wage.china': NaN }), RangeError, /"wage\.china" must be a finite number, got NaN/],
    [() => m.evaluate({ stateTakeShare: Infinity }), RangeError, /"stateTakeShare" must be a finite number/],
    [() => m.evaluate({ designationsPerYear: -1 }), RangeError, /"designationsPerYear" = -1 is out of range: allowed 0 to 50/],
    [() => m.evaluate({ 'repatriation.russia': 1.5 }), RangeError, /allowed 0 to 1/],
    [() => m.evaluate({ 'permitBan.china': null }), TypeError, /"permitBan\.china" must be a number, got null/],
    [() => m.evaluate({ 'repatriation.russia': { value: 1 } }), TypeError, /got an object/],
    [() => m.evaluate({ baseYear: 2020, endYear: 2019 }), RangeError, /"endYear" = 2019 is out of range: allowed baseYear \(2020\)/],
    [() => m.evaluate({ baseYear: 2017, endYear: 2058 }), RangeError, /baseYear \+ 40 \(2057\)/],
    [() => m.evaluate(null), TypeError, /scenario must be an object/],
    [() => m.uncertainty({}, { draws: 0 }), RangeError, /"draws" = 0 is out of range: allowed 1 to 100000/],
    [() => m.sensitivity({}, { output: 'x' }), RangeError, /"output" = "x" is not allowed/],
    [() => m.goalSeek({}, { lever: 'wage.china', targetDeniedShare: 0.5 }), RangeError, /"lever" = "wage\.china"/],
  ];
  for (const [call, kind, message] of cases) {
    assert.throws(call, (e) => e instanceof kind && message.test(e.message) && typeof e.stack === 'string');
    assert.equal(m.evaluate({ visaClarification: 1 }).years.length, 14);
  }
});

test('the --target nodejs build, from require(), gives the same numbers', () => {
  const node = createRequire(import.meta.url)(`${ROOT}pkg-node/dprk_labor.js`);
  assert.deepEqual(node.evaluate(statusQuo), golden('statusQuo'));
  assert.deepEqual(node.uncertainty(statusQuo, { draws: 500, seed: 7 }), golden('uncertainty-statusQuo-500-7'));
  assert.throws(() => node.evaluate({ endYear: 2010 }), (e) => e instanceof RangeError && /allowed baseYear \(2017\) to baseYear \+ 40 \(2057\)/.test(e.message));
  assert.equal(node.version().modelVersion, m.version().modelVersion);
});
