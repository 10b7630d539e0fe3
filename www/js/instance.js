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
 * over after a trap; by default the glue is imported again from its own address. With
 * `fresh` null there is no spare, and a trap leaves the API unusable until a reload.
 */
export function instantiate(module, fresh = (n) => import(`${new URL('../pkg/dprk_labor.js', import.meta.url).href}?instance=${n}`)) {
  glue.initSync({ module });
  let current = glue;
  let spare = null; // a promise of the next glue, instantiated
  let ready = null; // that glue, once it is
  let made = 0;
  let broken = null;
  const prepare = () => {
    if (spare || !fresh) return;
    const n = ++made;
    spare = fresh(n).then((g) => {
      g.initSync({ module });
      ready = g;
      return g;
    });
    // A glue that cannot be loaded again (a bundle) leaves no spare: a trap then stays fatal.
    spare.catch(() => {});
  };
  prepare();
  const api = { restarts: 0 };
  /** `call()` on the current instance; a trap replaces the instance with the spare. */
  const guard = (name, call) => (...args) => {
    if (broken) throw new Error(broken);
    try {
      return call(...args);
    } catch (e) {
      if (!(e instanceof WebAssembly.RuntimeError)) throw e;
      const next = ready;
      [ready, spare] = [null, null];
      if (next) {
        current = next;
        api.restarts += 1;
        prepare();
      } else {
        broken = `dprk-labor: the model stopped on an internal error in ${name}() (${e.message}); reload to start it again.`;
      }
      throw new Error(`dprk-labor: the model stopped on an internal error in ${name}() (${e.message}). ${next ? 'A fresh instance takes the next call.' : 'Reload to start it again.'}`, { cause: e });
    }
  };
  for (const name of FUNCTIONS) api[name] = guard(name, (...args) => current[name](...args));
  /** A test-only path to a trap: the wasm allocator asked for 4 GB stops on `unreachable`. */
  api.trapForTests = guard('trapForTests', () => current.initSync({ module }).__wbindgen_malloc(0xfffffff8, 8));
  /** Resolves once a spare instance is ready (tests). */
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
