// Loads the wasm module once, however many parts of a page ask for it, and keeps the
// registry (parameters, presets, hosts, sources) at hand.
import init, * as wasm from '../pkg/dprk_labor.js';

const config = {
  /** Where the wasm comes from: bytes or a URL; by default `pkg/dprk_labor_bg.wasm`. */
  wasm: undefined,
  /** The calculator's own site, for links to the full page and the methodology; null if none. */
  home: new URL('../', import.meta.url).href,
};
let loading = null;

/** Sets where the wasm comes from and where the calculator lives; call before `load`. */
export function configure(options) {
  Object.assign(config, options);
}

/** The calculator's site (ends in "/"), or null when it has none (the single-file build). */
export function home() {
  return config.home;
}

/** Resolves to the API once the module is instantiated. */
export function load() {
  loading ??= init(config.wasm === undefined ? undefined : { module_or_path: config.wasm }).then(() => {
    const parameters = wasm.parameters();
    const sources = wasm.sources();
    return {
      ...wasm,
      registry: {
        parameters,
        byId: new Map(parameters.map((p) => [p.id, p])),
        presets: wasm.presets(),
        hosts: wasm.hosts(),
        sources,
        sourceById: new Map(sources.map((s) => [s.id, s])),
        version: wasm.version(),
      },
    };
  });
  return loading;
}
