// Loads the wasm module once, however many parts of a page ask for it, and keeps the
// registry (parameters, presets, hosts, sources) at hand.
import init, * as wasm from '../pkg/dprk_labor.js';

let loading = null;

/** Resolves to the API once the module is instantiated. `source` overrides where the wasm
 * comes from (bytes or a URL); by default it is `pkg/dprk_labor_bg.wasm` beside this file. */
export function load(source) {
  loading ??= init(source === undefined ? undefined : { module_or_path: source }).then(() => {
    const parameters = wasm.parameters();
    return {
      ...wasm,
      registry: {
        parameters,
        byId: new Map(parameters.map((p) => [p.id, p])),
        presets: wasm.presets(),
        hosts: wasm.hosts(),
        sources: wasm.sources(),
        version: wasm.version(),
      },
    };
  });
  return loading;
}
