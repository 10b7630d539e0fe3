// The wasm module, compiled once, behind an API that survives a trap. Runs in a page, in a
// worker and in Node: no DOM.
//
// Every call goes to the current instance. If the wasm traps (a WebAssembly.RuntimeError:
// a bug, or memory exhausted), that instance is discarded, a fresh one prepared from the same
// compiled module takes the next call, and the caller gets an Error that says so. A fresh
// instance needs its own copy of the glue module's state, so it comes from the glue loaded
// again under another address (`?instance=N`); one is always kept ready.
import * as glue from '../pkg/dprk_labor.js';

/** The functions of the wasm API, as `pkg/dprk_labor.d.ts` declares them. */
export const FUNCTIONS = [
  'evaluate', 'uncertainty', 'sensitivity', 'goalSeek', 'leverEffects', 'backtest', 'timeline',
  'fromYear', 'parameters', 'sources', 'presets', 'model1Presets', 'hosts', 'observations',
  'limits', 'version',
];

/**
 * The API over a compiled WebAssembly.Module: `{ evaluate, …, restarts }`. `fresh(n)`
 * resolves to another copy of the glue module (its own state), for the instance that takes
 * over after a trap; by default the glue is imported again from its own address.
 */
export function instantiate(module, fresh = (n) => import(`${new URL('../pkg/dprk_labor.js', import.meta.url).href}?instance=${n}`)) {
  glue.initSync({ module });
  let current = glue;
  let spare = null;
  let made = 0;
  const prepare = () => {
    if (spare) return;
    const n = ++made;
    spare = fresh(n).then((g) => {
      const raw = g.initSync({ module });
      return { glue: g, raw };
    });
    // A glue that cannot be loaded again (a bundle) leaves no spare: a trap then stays fatal.
    spare.catch(() => {});
  };
  let ready = null; // the spare, once resolved
  const refresh = () => {
    prepare();
    spare.then((s) => { ready = s; }, () => {});
  };
  refresh();
  const api = { restarts: 0 };
  for (const name of FUNCTIONS) {
    api[name] = (...args) => {
      try {
        return current[name](...args);
      } catch (e) {
        if (!(e instanceof WebAssembly.RuntimeError)) throw e;
        const next = ready;
        ready = null;
        spare = null;
        if (next) {
          current = next.glue;
          api.restarts += 1;
          refresh();
        }
        throw new Error(`dprk-labor: the model stopped on an internal error in ${name}() (${e.message}). ${next ? 'A fresh instance takes the next call.' : 'Reload to start it again.'}`, { cause: e });
      }
    };
  }
  /** Test hook: the current instance's raw wasm exports, to force a trap. */
  api.rawExportsForTests = () => current.initSync({ module });
  /** Resolves once a spare instance is ready (tests; after a trap, the next spare). */
  api.spareReady = () => spare ?? Promise.resolve();
  return api;
}

/** Compiles the module from a URL, a Response, bytes or a WebAssembly.Module. */
export async function compile(source) {
  if (source instanceof WebAssembly.Module) return source;
  if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) return WebAssembly.compile(source);
  const response = source instanceof Response ? source : await fetch(source);
  if (!response.ok) throw new Error(`the model's file ${response.url || source} could not be loaded (HTTP ${response.status})`);
  // Streaming compiles while the bytes arrive; it needs the application/wasm type.
  if (typeof WebAssembly.compileStreaming === 'function' && response.headers.get('content-type')?.startsWith('application/wasm')) {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}
