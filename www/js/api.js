// Loads the wasm module once, however many parts of a page ask for it: one download, one
// compilation, handed to the Monte Carlo worker too. Keeps the registry (parameters,
// presets, hosts, sources, limits) at hand; every lookup by name goes through a Map, which
// answers only for the names it holds.
import { compile, instantiate } from './instance.js';

const config = {
  /** Where the wasm comes from: a URL, bytes or a WebAssembly.Module; by default `pkg/dprk_labor_bg.wasm`. */
  wasm: undefined,
  /** The calculator's own site, for links to the full page and the methodology; null if none. */
  home: new URL('../', import.meta.url).href,
  /** The Monte Carlo worker's script, or null to run it on the main thread. */
  worker: new URL('./worker.js', import.meta.url).href,
  /** Whether the glue can be loaded again from its address, for an instance that replaces one
   *  that trapped (false in a bundle, which has no such address). */
  respawn: true,
};
let compiling = null;
let loading = null;

/** Sets where the wasm comes from and where the calculator lives; call before `load`. */
export function configure(options) {
  Object.assign(config, options);
}

/** The calculator's site (ends in "/"), or null when it has none (the single-file build). */
export function home() {
  return config.home;
}

/** The worker script's address, or null when the build has none. */
export function workerUrl() {
  return config.worker;
}

/** The compiled module: what a worker instantiates, so the page downloads the wasm once. */
export function wasmModule() {
  compiling ??= compile(config.wasm ?? new URL('../pkg/dprk_labor_bg.wasm', import.meta.url));
  return compiling;
}

/** The registry, from the module's own tables. */
export function registry(api) {
  const parameters = api.parameters();
  const sources = api.sources();
  const presets = api.presets();
  const model1Presets = api.model1Presets();
  const hosts = api.hosts();
  const limits = api.limits();
  return {
    parameters,
    byId: new Map(parameters.map((p) => [p.id, p])),
    rowOf: new Map(parameters.map((p, i) => [p.id, i])),
    presets,
    presetById: new Map(presets.map((p) => [p.id, p])),
    model1PresetById: new Map(model1Presets.map((p) => [p.id, p])),
    hosts,
    hostById: new Map(hosts.map((h) => [h.id, h])),
    sources,
    sourceById: new Map(sources.map((s) => [s.id, s])),
    limits,
    version: api.version(),
  };
}

/** Resolves to the API once the module is instantiated; rejects with what failed. */
export function load() {
  loading ??= wasmModule().then((module) => {
    const api = config.respawn ? instantiate(module) : instantiate(module, null);
    api.registry = registry(api);
    return api;
  });
  return loading;
}
