// The Monte Carlo worker: the uncertainty bands, the tornado and the back-test, off the
// page's main thread, with a wasm instance of its own. It answers each message
// { id, kind, scenario, options, wasm } with { id, result } or { id, error }.
import init, { uncertainty, sensitivity, backtest } from '../pkg/dprk_labor.js';

const run = { uncertainty, sensitivity, backtest };
let ready = null;

self.onmessage = async ({ data }) => {
  const { id, kind, scenario, options, wasm } = data;
  try {
    ready ??= init(wasm === undefined ? undefined : { module_or_path: wasm });
    await ready;
    if (!Object.hasOwn(run, kind)) throw new TypeError(`unknown analysis ${JSON.stringify(String(kind))}`);
    self.postMessage({ id, result: run[kind](scenario, options) });
  } catch (e) {
    self.postMessage({ id, error: { name: e?.name ?? 'Error', message: e?.message ?? String(e) } });
  }
};
