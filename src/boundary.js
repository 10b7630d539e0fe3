// The JavaScript side of the wasm boundary (imported by src/wasm.rs).
//
// Reading: a caller's scenario or options object is read here, every value once, inside
// try/catch, so that a throwing getter, a throwing or revoked Proxy or any other exception
// from the caller's code becomes an error value, never an exception unwinding through wasm
// frames; wasm only ever sees the copy. A scenario crosses into wasm as one block of numbers.
//
// Writing: evaluate()'s result leaves wasm as one block of numbers, laid out as
// PROJECTION_LAYOUT in src/wasm.rs says (the layout arrives with setRegistry), and is
// assembled here into plain objects and arrays. Every other result crosses through
// serde-wasm-bindgen.

let rows = null; // parameter id -> row in the registry
let hosts = []; // [{ id, label }]
let layout = []; // [{ path: ['hosts', 'HOST', 'workers'], kind: 'Y' | 'S' | 'F', host }]

/**
 * Called once by wasm with the registry's ids, the hosts and the projection's layout,
 * newline- and tab-separated.
 */
export function setRegistry(ids, hostList, layoutList) {
  rows = new Map(ids.split('\n').map((id, i) => [id, i]));
  hosts = hostList.split('\n').map((line) => {
    const [id, label] = line.split('\t');
    return { id, label };
  });
  layout = layoutList.split('\n').map((line) => {
    const [path, kind] = line.split('\t');
    return { path: path.split('.'), kind, host: path.includes('HOST') };
  });
}

const LIMIT = 80;

/** At most 80 characters of a name or text, quoted as JSON (lone surrogates escaped). */
export function quote(text) {
  const s = String(text);
  return JSON.stringify(s.length > LIMIT ? `${s.slice(0, LIMIT)}…` : s);
}

/** A number with at most six significant digits. */
function num(x) {
  return Number.isInteger(x) && Math.abs(x) < 1e15 ? String(x) : String(Number(x.toPrecision(6)));
}

/** A value in words, for a message; never runs the value's own code. */
export function describe(v) {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'undefined': return 'undefined';
    case 'string': return `the string ${quote(v)}`;
    case 'number': return `the number ${num(v)}`;
    case 'boolean': return `the boolean ${v}`;
    case 'bigint': return 'a bigint';
    case 'symbol': return 'a symbol';
    case 'function': return 'a function';
    default: break;
  }
  if (Array.isArray(v)) return 'an array';
  const tag = Object.prototype.toString.call(v).slice(8, -1);
  if (tag === 'Object') return 'an object that is not a plain object';
  return /^[AEIOU]/.test(tag) ? `an ${tag}` : `a ${tag}`;
}

/** Whether `v` is a plain object (or has a null prototype); else what it is. */
function notPlain(v) {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return describe(v);
  const proto = Reflect.getPrototypeOf(v);
  if (proto === null || proto === Object.prototype) return null;
  // A plain object from another realm (an iframe) has that realm's Object.prototype.
  if (Reflect.getPrototypeOf(proto) === null && Object.prototype.toString.call(v) === '[object Object]') {
    const ctor = Reflect.getOwnPropertyDescriptor(proto, 'constructor');
    if (ctor && typeof ctor.value === 'function' && ctor.value.name === 'Object') return null;
  }
  return describe(v);
}

/** A caller's error in words. */
function reason(e) {
  try {
    return e instanceof Error ? quote(e.message) : describe(e);
  } catch {
    return 'an error';
  }
}

/**
 * The own enumerable entries of a plain object, read once each. Returns [key, value][] or
 * a string: the message of a TypeError. Accessors are read (once); a non-enumerable or
 * symbol key is an error, as is anything that is not a plain object.
 */
function entries(v, what) {
  let key = null;
  try {
    const problem = notPlain(v);
    if (problem) return `${what} must be a plain object mapping names to values, got ${problem}`;
    const out = [];
    for (const k of Reflect.ownKeys(v)) {
      key = k;
      if (typeof k === 'symbol') return `${what} may not have symbol keys`;
      const d = Reflect.getOwnPropertyDescriptor(v, k);
      if (!d) continue;
      if (!d.enumerable) return `${quote(k)} in ${what} is not an enumerable property`;
      out.push([k, 'value' in d ? d.value : d.get ? Reflect.apply(d.get, v, []) : undefined]);
    }
    return out;
  } catch (e) {
    return key === null || typeof key === 'symbol'
      ? `${what} could not be read: ${reason(e)}`
      : `${quote(key)} in ${what} could not be read: ${reason(e)}`;
  }
}

/** Most steps copied for one schedule; one more than the limit, so that wasm can name it. */
const STEPS = 65;

/**
 * Reads a scenario into one block: for each entry, its registry row, then 0 and a number,
 * or 1, the number of steps given, the number copied (at most 65) and that many
 * [year, value] pairs. Every value of the caller's is read once: a length, a step, a year, a
 * value. Returns a Float64Array, or a string: "T" or "R" (TypeError or RangeError) and the
 * message. Never throws.
 */
export function readScenario(v) {
  if (v === undefined) return new Float64Array(0);
  const list = entries(v, 'scenario');
  if (typeof list === 'string') return `T${list}`;
  const out = [];
  try {
    for (const [id, x] of list) {
      const row = rows.get(id);
      if (row === undefined) {
        return `Runknown parameter ${quote(id)}: allowed ids are those listed by parameters(), such as "repatriation.russia" or "visaClarification"`;
      }
      if (typeof x === 'number') {
        out.push(row, 0, x);
        continue;
      }
      if (!Array.isArray(x)) return `T${quote(id)} must be a number or a list of [year, value] pairs, got ${describe(x)}`;
      const n = x.length;
      if (!Number.isSafeInteger(n) || n < 0) return `T${quote(id)}: a list whose length is ${describe(n)} is not a list of steps`;
      const copied = Math.min(n, STEPS);
      out.push(row, 1, n, copied);
      for (let i = 0; i < copied; i++) {
        const step = x[i];
        if (!Array.isArray(step)) return `T${quote(id)}: step ${i + 1} must be a [year, value] pair, got ${describe(step)}`;
        const length = step.length;
        const year = step[0];
        const value = step[1];
        const named = typeof year === 'number' ? `the step for year ${num(year)}` : `step ${i + 1}`;
        if (length !== 2) return `T${quote(id)}: ${named} must be a [year, value] pair, got a list of ${describe(length).replace(/^the number /, '')}`;
        if (typeof year !== 'number') return `T${quote(id)}: the year of step ${i + 1} must be a number, got ${describe(year)}`;
        if (typeof value !== 'number') return `T${quote(id)}: the value for year ${num(year)} must be a number, got ${describe(value)}`;
        out.push(year, value);
      }
    }
    return new Float64Array(out);
  } catch (e) {
    return `Tthe scenario could not be read: ${reason(e)}`;
  }
}

/** Most items in an option's list (the levers of a goal seek). */
const LIST = 64;

/**
 * Reads an options object into [key, value][] of numbers, strings and lists of strings, or
 * a string: "T" and the message. `undefined` gives no entries. Never throws.
 */
export function readOptions(v) {
  if (v === undefined) return [];
  const list = entries(v, 'options');
  if (typeof list === 'string') return `T${list}`;
  try {
    // An option set to undefined is an option not given, as TypeScript's optional fields mean.
    for (let i = list.length - 1; i >= 0; i--) if (list[i][1] === undefined) list.splice(i, 1);
    for (const entry of list) {
      const [key, x] = entry;
      if (typeof x === 'number' || typeof x === 'string') continue;
      if (!Array.isArray(x)) return `T${quote(key)} must be a number, a string or a list of strings, got ${describe(x)}`;
      const n = x.length;
      if (!Number.isSafeInteger(n) || n < 0 || n > LIST) {
        return `T${quote(key)} may list at most ${LIST} items, got ${Number.isSafeInteger(n) ? n : describe(n)}`;
      }
      const copy = [];
      for (let i = 0; i < n; i++) {
        const item = x[i];
        if (typeof item !== 'string') return `T${quote(key)}: item ${i + 1} must be a string, got ${describe(item)}`;
        copy.push(item);
      }
      entry[1] = copy;
    }
    return list;
  } catch (e) {
    return `Toptions could not be read: ${reason(e)}`;
  }
}

/**
 * evaluate()'s result from one block of numbers, laid out as `layout` says: each entry a
 * path in the result, with HOST standing for each host in turn, and one number a year (Y),
 * one number (S) or a flag (F). Every object and array is plain; keys come in the layout's
 * order, after `years`.
 */
export function projection(data, n, first) {
  const years = [];
  for (let i = 0; i < n; i++) years.push(first + i);
  const out = { years };
  let at = 0;
  for (const { path, kind, host } of layout) {
    for (let h = 0; h < (host ? hosts.length : 1); h++) {
      let value;
      if (kind === 'Y') {
        value = [];
        for (let i = 0; i < n; i++) value.push(data[at + i]);
        at += n;
      } else {
        value = kind === 'F' ? data[at] !== 0 : data[at];
        at += 1;
      }
      put(out, path, h, value);
    }
  }
  return out;
}

/** Sets `value` at `path` in `out`, creating plain objects (an array for "hosts" and each
 *  per-host list) on the way; HOST is host `h`, and a host's object starts with its id. */
function put(out, path, h, value) {
  let node = out;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i] === 'HOST' ? h : path[i];
    if (node[key] === undefined) {
      if (path[i + 1] === 'HOST') node[key] = [];
      else node[key] = path[i] === 'HOST' ? hostObject(path, h) : {};
    }
    node = node[key];
  }
  const last = path[path.length - 1];
  node[last === 'HOST' ? h : last] = value;
}

/** A host's object in the result: its id, and its label among the scenario's hosts. */
function hostObject(path, h) {
  return path[0] === 'comparator' ? { id: hosts[h].id } : { id: hosts[h].id, label: hosts[h].label };
}
