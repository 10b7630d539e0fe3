// The Monte Carlo worker: the uncertainty bands, the tornado, the back-test and the lever
// effects, off the page's main thread. It instantiates the module the page compiled (sent
// with each message; compiled once), and answers { id, kind, scenario, options, module }
// with { id, result } or { id, error }.
import { instantiate } from './instance.js';

const KINDS = new Set(['uncertainty', 'sensitivity', 'backtest', 'leverEffects']);
let api = null;

self.onmessage = ({ data }) => {
  const { id, kind, scenario, options, module } = data;
  try {
    api ??= instantiate(module);
  } catch (e) {
    // This worker cannot run the model: the page runs its analyses itself from now on.
    self.postMessage({ id, broken: true, error: { name: e?.name ?? 'Error', message: e?.message ?? String(e) } });
    return;
  }
  try {
    if (!KINDS.has(kind)) throw new TypeError(`unknown analysis ${JSON.stringify(String(kind))}`);
    self.postMessage({ id, result: api[kind](scenario, options) });
  } catch (e) {
    self.postMessage({ id, error: { name: e?.name ?? 'Error', message: e?.message ?? String(e) } });
  }
};
