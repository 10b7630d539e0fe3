// The wasm API from plain JavaScript in Node, and the same calls in Chromium: identical
// numbers on both, the same as the native golden files, and the same as an independent
// JavaScript implementation of the methodology (tests/reference.mjs). Invariants are sampled with
// random schedules by fast-check.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { setup, open, ROOT } from './browser.mjs';
import { evaluateReference } from '../reference.mjs';
import { hostileCalls } from './hostile-calls.mjs';
import { serve } from '../../scripts/serve.mjs';

const m = await import(`${ROOT}www/pkg/dprk_labor.js`);
const exports = m.initSync({ module: readFileSync(`${ROOT}www/pkg/dprk_labor_bg.wasm`) });
const golden = (name) => JSON.parse(readFileSync(`${ROOT}tests/golden/${name}.json`, 'utf8'));
const parameters = m.parameters();
const byId = new Map(parameters.map((p) => [p.id, p]));
const preset = (id) => m.presets().find((p) => p.id === id).values;
const record = preset('record');
/** Model 1's meaning: every parameter at its constant default, and a model-1 preset's levers. */
const model1 = (id) => ({ ...Object.fromEntries(parameters.map((p) => [p.id, p.default])), ...m.model1Presets().find((p) => p.id === id).values });

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

/**
 * Closeness of two projections, every number, to `tol` relative to the largest number of its
 * series: a stock that falls to a few thousandths of a worker is the difference of large
 * numbers, exact only to their precision.
 */
function assertClose(got, want, tol, where) {
  const walk = (a, b, path, scale = 1) => {
    if (typeof b === 'number') {
      assert.ok(Math.abs(a - b) <= tol * Math.max(scale, Math.abs(b)), `${where} ${path}: ${a} vs ${b}`);
    } else if (Array.isArray(b)) {
      assert.equal(a.length, b.length, `${where} ${path} length`);
      const largest = Math.max(1, ...b.filter((x) => typeof x === 'number').map(Math.abs));
      b.forEach((x, i) => walk(a[i], x, `${path}[${i}]`, largest));
    } else if (b && typeof b === 'object') {
      // Revenue denied is a difference of two cumulative revenues, exact to their precision.
      for (const k of Object.keys(b)) walk(a[k], b[k], `${path}.${k}`, k === 'cumulativeDeniedUsd' ? b.cumulativeRevenueUsd : 1);
    }
  };
  walk(got, want, '');
}

// Random scenarios: any lever or scheduled parameter as a number or as 1-5 steps in years
// 2010-2040; other assumptions as numbers within their accepted ranges, kept away from a
// base year with no wages at all (anchoring needs some).
const scheduled = parameters.filter((p) => p.scheduled);
const numberIn = (p) => (p.integer ? fc.integer({ min: p.min, max: p.max }) : fc.double({ min: p.min, max: p.max, noNaN: true }));
const valueOf = (p) => fc.oneof(numberIn(p), fc.uniqueArray(fc.integer({ min: 2010, max: 2040 }), { minLength: 1, maxLength: 5 })
  .chain((years) => fc.tuple(...years.sort((a, b) => a - b).map((y) => fc.tuple(fc.constant(y), numberIn(p))))));
const others = parameters.filter((p) => p.kind === 'assumption' && !p.scheduled);
const scenarioArb = fc.record({
  picks: fc.subarray(scheduled, { minLength: 0, maxLength: 8 }).chain((ps) => fc.tuple(...ps.map((p) => valueOf(p).map((v) => [p.id, v])))),
  assumptions: fc.subarray(others, { maxLength: 4 }).chain((ps) => fc.tuple(...ps.map((p) => (p.id.startsWith('baseWorkers') ? fc.integer({ min: 1000, max: p.max }) : p.id.startsWith('wage') ? fc.integer({ min: 100, max: p.max }) : p.id === 'monthsWorked' ? fc.integer({ min: 1, max: 12 }) : p.id === 'stateTakeShare' ? fc.double({ min: 0.05, max: 1, noNaN: true }) : numberIn(p)).map((v) => [p.id, v])))),
  endYear: fc.integer({ min: 2017, max: 2045 }),
}).map(({ picks, assumptions, endYear }) => ({ ...Object.fromEntries(picks), ...Object.fromEntries(assumptions), endYear }));

test('Node: evaluate and uncertainty equal the native golden outputs; model 1 to the bit', () => {
  for (const p of m.presets()) assert.deepEqual(m.evaluate(p.values), golden(p.id), p.id);
  assert.deepEqual(m.uncertainty(record, { draws: 500, seed: 7 }), golden('uncertainty-record-500-7'));
  for (const p of m.model1Presets()) {
    const g = golden(`model1/${p.id}`);
    const got = m.evaluate(model1(p.id));
    for (const key of ['years', 'workers', 'permitted', 'disguised', 'revenueUsd', 'summary']) assert.deepEqual(got[key], g[key], `${p.id} ${key}`);
  }
});

test('the wasm model equals an independent JavaScript implementation of the methodology', () => {
  for (const p of m.presets()) assertClose(m.evaluate(p.values), evaluateReference(parameters, p.values), 1e-9, p.id);
  for (const p of m.model1Presets()) assertClose(m.evaluate(model1(p.id)), evaluateReference(parameters, model1(p.id)), 1e-9, `model 1 ${p.id}`);
  fc.assert(fc.property(scenarioArb, (s) => {
    assertClose(m.evaluate(s), evaluateReference(parameters, s), 1e-9, JSON.stringify(s));
  }), { numRuns: 400 });
});

test('invariants 1, 7, 8 and 9 over random schedules, from plain JavaScript', () => {
  const sum = (xs) => xs.reduce((a, b) => a + b, 0);
  fc.assert(fc.property(scenarioArb, fc.constantFrom(...scheduled), fc.integer({ min: 2018, max: 2045 }), fc.double({ min: 0, max: 1, noNaN: true }), (s, p, year, u) => {
    const a = m.evaluate(s);
    // 1: finite, non-negative, hosts sum to the totals.
    for (const key of ['workers', 'permitted', 'disguised', 'arrivals', 'revenueUsd']) {
      a[key].forEach((x, i) => {
        assert.ok(Number.isFinite(x) && x >= 0, `${key}[${i}] = ${x}`);
        assert.ok(Math.abs(sum(a.hosts.map((h) => h[key][i])) - x) <= 1e-9 * Math.max(1, x));
      });
    }
    // 7: a change from `year` on leaves every earlier year unchanged, to the bit.
    const current = s[p.id] ?? (p.path.length ? p.path.map((x) => [x.year, x.value]) : p.default);
    const b = m.evaluate({ ...s, [p.id]: [...(Array.isArray(current) ? current.filter(([y]) => y < year) : [[2010, current]]), [year, p.min + (p.max - p.min) * u]] });
    const before = a.years.filter((y) => y < year).length;
    for (const key of ['workers', 'arrivals', 'revenueUsd']) {
      assert.deepEqual(b[key].slice(0, before), a[key].slice(0, before), `${key} before ${year}`);
      assert.deepEqual(b.comparator[key].slice(0, before), a.comparator[key].slice(0, before));
    }
    // 9: a schedule of equal steps is that number.
    const x = p.min + (p.max - p.min) * u;
    assert.deepEqual(m.evaluate({ ...s, [p.id]: [[2010, x], [year, x]] }), m.evaluate({ ...s, [p.id]: x }));
  }), { numRuns: 300 });
  // 8: a closed border moves no stock, host by host, and nobody arrives.
  fc.assert(fc.property(scenarioArb, fc.integer({ min: 2017, max: 2040 }), (s, closed) => {
    const p = m.evaluate({ ...s, borderOpen: [[2010, 1], [closed, 0], [closed + 1, 1]] });
    const i = p.years.indexOf(closed);
    if (i < 0 || i + 1 >= p.years.length) return;
    for (const h of p.hosts) {
      assert.equal(h.workers[i + 1], h.workers[i]);
      assert.equal(h.arrivals[i], 0);
    }
  }), { numRuns: 200 });
});

test('Node and Chromium give bit-identical bands, tornado, goal seek and back-test', async () => {
  const calls = (mod, rec) => ({
    bands: mod.uncertainty(rec, { draws: 3000, seed: 12345 }),
    other: mod.uncertainty({ ...rec, visaClarification: [[2027, 1]] }, { draws: 1000, seed: 99 }),
    tornado: mod.sensitivity(rec, { output: 'cumulativeRevenueUsd', host: 'russia', from: 2027 }),
    goal: mod.goalSeek(rec, { levers: ['permitBan.russia', 'repatriation.russia'], targetShare: 0.5, host: 'russia', from: 2027, comparator: 'record' }),
    backtest: mod.backtest(rec),
  });
  const node = calls(m, record);
  const o = await open(env.browser, env.server.url);
  await o.page.waitForSelector('html[data-ready]');
  const chromium = await o.page.evaluate(async () => {
    const mod = await import('/pkg/dprk_labor.js');
    const rec = mod.presets().find((p) => p.id === 'record').values;
    return {
      bands: mod.uncertainty(rec, { draws: 3000, seed: 12345 }),
      other: mod.uncertainty({ ...rec, visaClarification: [[2027, 1]] }, { draws: 1000, seed: 99 }),
      tornado: mod.sensitivity(rec, { output: 'cumulativeRevenueUsd', host: 'russia', from: 2027 }),
      goal: mod.goalSeek(rec, { levers: ['permitBan.russia', 'repatriation.russia'], targetShare: 0.5, host: 'russia', from: 2027, comparator: 'record' }),
      backtest: mod.backtest(rec),
    };
  });
  assert.deepEqual(chromium, node);
  assert.deepEqual(m.uncertainty(record, { draws: 3000, seed: 12345 }), node.bands);
  assert.notDeepEqual(m.uncertainty(record, { draws: 3000, seed: 12346 }).revenueUsd, node.bands.revenueUsd);
  await o.context.close();
});

test('for every preset, the deterministic run lies inside the 5-95% bands, in total and by host', () => {
  const inside = (x, b, i, what) => {
    assert.ok(b.p5[i] * (1 - 1e-12) <= x && x <= b.p95[i] * (1 + 1e-12), `${what}: ${x} outside ${b.p5[i]}..${b.p95[i]}`);
    assert.ok(b.p5[i] <= b.p25[i] && b.p25[i] <= b.p50[i] && b.p50[i] <= b.p75[i] && b.p75[i] <= b.p95[i], `${what} ordered`);
  };
  for (const { id, values } of m.presets()) {
    const p = m.evaluate(values);
    const u = m.uncertainty(values, { draws: 10000, seed: 1 });
    p.years.forEach((year, i) => {
      for (const key of ['revenueUsd', 'workers']) {
        inside(p[key][i], u[key], i, `${id} ${key} ${year}`);
        p.hosts.forEach((h, k) => inside(h[key][i], u.hosts[k][key], i, `${id} ${h.id} ${key} ${year}`));
      }
    });
  }
});

test('goal seek by host, window and comparator: every answer confirmed by evaluate()', () => {
  const windowRevenue = (p, from, host) => {
    const series = host === 'all' ? p.revenueUsd : p.hosts.find((h) => h.id === host).revenueUsd;
    return series.slice(p.years.indexOf(from)).reduce((a, b) => a + b, 0);
  };
  const fromYear = (v, year, x) => [...(Array.isArray(v) ? v.filter(([y]) => y < year) : [[1900, v]]), [year, x]];
  const cases = [
    [['visaClarification'], 'all', 2027, 'record', 0.1],
    [['permitBan.russia', 'repatriation.russia'], 'russia', 2027, 'record', 0.5],
    [['repatriation.china'], 'china', 2020, 'noEnforcement', 0.6],
    [['designationsPerYear'], 'all', 2027, 'record', 0.2],
    [['visaClarification'], 'russia', 2027, 'record', 0.5],
  ];
  for (const [levers, host, from, comparator, target] of cases) {
    const g = m.goalSeek(record, { levers, targetShare: target, host, from, comparator });
    const base = windowRevenue(m.evaluate({ ...record, ...preset(comparator) }), from, host);
    const at = (values) => {
      const s = { ...record };
      for (const { id, value } of values) s[id] = fromYear(record[id], from, value);
      return 1 - windowRevenue(m.evaluate(s), from, host) / base;
    };
    assert.equal(g.comparatorRevenueUsd, base);
    if (g.reachable) {
      assert.ok(at(g.values) >= target - 1e-12, `${levers} ${host}`);
      assert.equal(g.values.length, levers.length);
    } else {
      assert.ok(at(levers.map((id) => ({ id, value: byId.get(id).max }))) < target);
      assert.deepEqual(g.values, []);
      assert.match(g.note, /not reachable/i);
    }
  }
  // Russia applies no clarification on the record, so the visa lever cannot cut its revenue.
  assert.equal(m.goalSeek(record, { lever: 'visaClarification', targetShare: 0.5, host: 'russia', from: 2027, comparator: 'record' }).shareAtMax, 0);
});

test('every caller value is read once: a lying length or a changing getter cannot slip past the checks', () => {
  // A schedule whose length is 1.5 (a Proxy can say so): refused, naming the id.
  const lying = new Proxy([[2020, 0.5], [2024, 1]], { get: (t, k) => (k === 'length' ? 1.5 : t[k]) });
  assert.throws(() => m.evaluate({ 'repatriation.russia': lying, visaClarification: 1 }), (e) => e instanceof TypeError && /"repatriation\.russia": a list whose length is the number 1\.5/.test(e.message));
  // A length that changes between reads: read once, so the steps copied are the steps checked.
  let lengthReads = 0;
  const shifting = new Proxy([[2020, 0.5]], { get: (t, k) => (k === 'length' ? (lengthReads++ ? 70 : 1) : t[k]) });
  assert.deepEqual(m.evaluate({ 'repatriation.russia': shifting }), m.evaluate({ 'repatriation.russia': [[2020, 0.5]] }));
  assert.equal(lengthReads, 1);
  // A step's value whose getter gives 5 and then something else: read once, as 5.
  for (const later of [true, '1', null, new Date(0)]) {
    let reads = 0;
    const step = [2020];
    Object.defineProperty(step, 1, { get: () => (reads++ ? later : 5), enumerable: true });
    assert.deepEqual(m.evaluate({ designationsPerYear: [step] }), m.evaluate({ designationsPerYear: [[2020, 5]] }));
    assert.equal(reads, 1, String(later));
  }
  // A getter that gives a bad value on its one read is refused.
  const bad = [2020];
  Object.defineProperty(bad, 1, { get: () => true, enumerable: true });
  assert.throws(() => m.evaluate({ designationsPerYear: [bad] }), (e) => e instanceof TypeError && /the value for year 2020 must be a number, got the boolean true/.test(e.message));
  // Many such calls leave the module working, with the same numbers.
  for (let i = 0; i < 3000; i++) {
    try {
      m.evaluate({ 'repatriation.russia': lying, visaClarification: 1 });
    } catch {
      // refused, as above
    }
  }
  assert.deepEqual(m.evaluate(record), golden('record'));
});

test('bad input from JavaScript: the right error class, a message naming the field and year; the module keeps working', () => {
  const cases = [
    [() => m.evaluate({ 'repatriaton.russia': 0.5 }), RangeError, /"repatriaton\.russia"/],
    [() => m.evaluate({ visaClarification: '1' }), TypeError, /"visaClarification" must be a number or a list of \[year, value\] pairs, got the string "1"/],
    [() => m.evaluate({ 'wage.china': NaN }), RangeError, /"wage\.china" must be a finite number, got NaN/],
    [() => m.evaluate({ designationsPerYear: -1 }), RangeError, /"designationsPerYear" = -1 is out of range: allowed 0 to 50/],
    [() => m.evaluate({ 'permitBan.china': null }), TypeError, /"permitBan\.china" must be a number/],
    [() => m.evaluate({ 'repatriation.russia': [[2020, 0.5], [2019, 1]] }), RangeError, /"repatriation\.russia".*2019/],
    [() => m.evaluate({ 'repatriation.russia': [[1800, 0.5]] }), RangeError, /"repatriation\.russia".*1800/],
    [() => m.evaluate({ 'repatriation.russia': [[2020, 1.5]] }), RangeError, /"repatriation\.russia" = 1\.5 in 2020 is out of range/],
    [() => m.evaluate({ monthsWorked: [[2020, 10]] }), RangeError, /"monthsWorked" takes one number, not a schedule \(a step for year 2020 was given\)/],
    [() => m.sensitivity({}, { from: 2031 }), RangeError, /"from" = 2031 is outside the scenario's years: allowed 2017 to 2030/],
    [() => m.goalSeek({}, { targetShare: 0.5, targetDeniedShare: 0.5 }), RangeError, /"targetShare" and "targetDeniedShare" cannot be given together/],
    [() => m.goalSeek({}, { levers: ['visaClarification'], lever: 'visaClarification', targetShare: 0.5 }), RangeError, /"levers" and "lever" cannot be given together/],
    [() => m.goalSeek({}, { levers: Array(70).fill('visaClarification'), targetShare: 0.5 }), TypeError, /"levers" may list at most 64 items, got 70/],
    [() => m.evaluate({ 'repatriation.russia': 1.0000001 }), RangeError, /"repatriation\.russia" = 1\.0000001 is out of range: allowed 0 to 1/],
    [() => m.evaluate({ baseYear: 2020, endYear: 2019 }), RangeError, /"endYear" = 2019 is out of range: allowed baseYear \(2020\)/],
    [() => m.evaluate(null), TypeError, /scenario must be a plain object mapping names to values, got null/],
    [() => m.uncertainty({}, { draws: 0 }), RangeError, /"draws" = 0 is out of range: allowed 1 to 100000/],
    [() => m.sensitivity({}, { output: 'x' }), RangeError, /"output" = "x" is not allowed/],
    [() => m.sensitivity({}, { host: 'mars' }), RangeError, /"host" = "mars" is not allowed/],
    [() => m.goalSeek({}, { lever: 'wage.china', targetShare: 0.5 }), RangeError, /"lever" = "wage\.china" is not allowed/],
    [() => m.goalSeek({}, { levers: ['visaClarification'], targetShare: 0.5, comparator: 'mars' }), RangeError, /"comparator" = "mars"/],
  ];
  for (const [call, kind, message] of cases) {
    assert.throws(call, (e) => e instanceof kind && message.test(e.message) && typeof e.stack === 'string', message);
    assert.equal(m.evaluate({ visaClarification: 1 }).years.length, 14);
  }
});

test('hostile callers: 5,000 throwing getters and proxies per function, in Node and Chromium, then the same numbers', async () => {
  const node = hostileCalls(m, 5000);
  assert.deepEqual(node.faults, []);
  assert.equal(node.calls, 40000);
  assert.equal(node.same, true, 'good calls give the same numbers afterwards');
  // Chromium: a page with no policy, on a server rooted at the repository, imports the same harness.
  const server = await serve(ROOT);
  try {
    const page = await env.browser.newPage();
    await page.goto(`${server.url}tests/bench/bench.html`);
    const chromium = await page.evaluate(async () => {
      const [{ default: init, ...mod }, { hostileCalls: run }] = await Promise.all([import('/www/pkg/dprk_labor.js'), import('/tests/e2e/hostile-calls.mjs')]);
      await init();
      return run(mod, 5000);
    });
    assert.deepEqual(chromium, { calls: 40000, faults: [], same: true });
    await page.close();
  } finally {
    await server.close();
  }
});

test('the biggest analysis, 100,000 draws over 41 years, needs tens of megabytes, not hundreds', () => {
  const u = m.uncertainty({ ...record, endYear: 2057 }, { draws: 100000, seed: 2 });
  assert.equal(u.revenueUsd.p50.length, 41);
  // Every value held would be 100,000 × 41 × 8 series × 8 bytes = 262 MB; wasm memory never shrinks.
  assert.ok(exports.memory.buffer.byteLength < 40e6, `${exports.memory.buffer.byteLength / 1e6} MB`);
});

test('the Node package loads with require() in a CommonJS project and with import in an ES module project', () => {
  for (const [type, file, code] of [
    ['commonjs', 'check.js', `const m = require(${JSON.stringify(`${ROOT}pkg-node`)});`],
    ['module', 'check.js', `import * as m from ${JSON.stringify(`${ROOT}pkg-node/index.js`)};`],
  ]) {
    const dir = mkdtempSync(`${tmpdir()}/dprk-labor-${type}-`);
    writeFileSync(`${dir}/package.json`, JSON.stringify({ type }));
    writeFileSync(`${dir}/${file}`, `${code}
const record = m.presets().find((p) => p.id === 'record').values;
process.stdout.write(JSON.stringify({ record: m.evaluate(record), version: m.version().modelVersion }));`);
    const out = execFileSync(process.execPath, [`${dir}/${file}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const got = JSON.parse(out);
    assert.deepEqual(got.record, golden('record'), type);
    assert.equal(got.version, m.version().modelVersion);
  }
});

test('after a trap, a fresh instance takes the next call: 10,000 calls then give the same numbers', async () => {
  const { instantiate } = await import(`${ROOT}pkg-node/js/instance.js`);
  const api = instantiate(new WebAssembly.Module(readFileSync(`${ROOT}pkg-node/pkg/dprk_labor_bg.wasm`)));
  await api.spareReady();
  assert.throws(() => api.trapForTests(), /the model stopped on an internal error in trapForTests\(\) \(unreachable\)\. A fresh instance takes the next call\./);
  assert.equal(api.restarts, 1);
  const want = JSON.stringify(golden('record'));
  let same = 0;
  for (let i = 0; i < 10000; i++) if (JSON.stringify(api.evaluate(record)) === want) same += 1;
  assert.equal(same, 10000);
  // A second trap, once the next spare is ready, is survived the same way.
  await api.spareReady();
  assert.throws(() => api.trapForTests(), /A fresh instance takes the next call/);
  assert.deepEqual(api.evaluate(record), golden('record'));
  // Without a spare (a bundle), the trap is final and every later call says so.
  const bundle = instantiate(new WebAssembly.Module(readFileSync(`${ROOT}pkg-node/pkg/dprk_labor_bg.wasm`)), null);
  assert.throws(() => bundle.trapForTests(), /Reload to start it again/);
  assert.throws(() => bundle.evaluate(record), /reload to start it again/);
});
