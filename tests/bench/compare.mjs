// The boundary benchmark's measurements, the same in Node and in the browser: evaluate()
// and 10,000-draw uncertainty() of the wasm module `m` beside the plain-JavaScript
// implementation in tests/reference.mjs.
import { evaluateReference as plainEvaluate, uncertaintyReference as plainUncertainty } from '../reference.mjs';
import { perCall } from './measure.mjs';

const us = (x) => `${(x * 1000).toFixed(1)} µs`;
const ms = (x) => `${x.toFixed(2)} ms`;

/** Rows [what, wasm time, plain-JS time and ratio] for module `m` running in `where`. */
export function compare(m, where) {
  const parameters = m.parameters();
  const record = m.presets().find((p) => p.id === 'record').values;
  const model1 = { ...Object.fromEntries(parameters.map((p) => [p.id, p.default])), ...m.model1Presets().find((p) => p.id === 'statusQuo').values };
  // The port must give the module's numbers before it is timed.
  for (const s of [record, model1]) {
    const a = m.evaluate(s).revenueUsd;
    const b = plainEvaluate(parameters, s).revenueUsd;
    if (a.some((x, i) => Math.abs(x - b[i]) > 1e-6 * x)) throw new Error(`${where}: the plain port disagrees with the module`);
  }
  const rows = [];
  for (const [name, s] of [['record', record], ['model 1 statusQuo', model1]]) {
    const wasm = perCall(() => m.evaluate(s));
    const js = perCall(() => plainEvaluate(parameters, s));
    rows.push([`${where}: evaluate(), ${name}`, `${us(wasm.median)} (p95 ${us(wasm.p95)})`, `plain JS ${us(js.median)} (p95 ${us(js.p95)}); wasm/JS ${(wasm.median / js.median).toFixed(2)}×`]);
  }
  const wasm = perCall(() => m.uncertainty(record, { draws: 10000, seed: 1 }), { batches: 15, size: 1, warmup: 2 });
  const js = perCall(() => plainUncertainty(parameters, record, 10000, 1), { batches: 5, size: 1, warmup: 1 });
  rows.push([`${where}: uncertainty(), 10,000 draws, record`, `${ms(wasm.median)} (p95 ${ms(wasm.p95)})`, `plain JS ${ms(js.median)}; wasm ${(js.median / wasm.median).toFixed(1)}× faster`]);
  return rows;
}
