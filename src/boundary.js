// The JavaScript side of the wasm boundary (imported by src/wasm.rs).
//
// Reading: a caller's scenario or options object is read here, once, inside try/catch, so
// that a throwing getter, a throwing or revoked Proxy or any other exception from the
// caller's code becomes an error value, never an exception unwinding through wasm frames.
// A scenario crosses into wasm as one block of numbers.
//
// Writing: evaluate()'s result leaves wasm as one block of numbers and is assembled here
// into the documented object shape (plain objects and arrays of numbers); every other
// result leaves as a tape of numbers and text (src/tape.rs) that fromTape unwinds.

let rows = null; // parameter id -> row in the registry
let hosts = []; // [{ id, label }]

/** Called once by wasm with the registry's ids and hosts, newline- and tab-separated. */
export function setRegistry(ids, hostList) {
  rows = new Map(ids.split('\n').map((id, i) => [id, i]));
  hosts = hostList.split('\n').map((line) => {
    const [id, label] = line.split('\t');
    return { id, label };
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
 * or 1, the number of steps and up to 65 [year, value] pairs. Returns a Float64Array, or a
 * string: "T" or "R" (TypeError or RangeError) and the message. Never throws.
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
      out.push(row, 1, n);
      for (let i = 0; i < Math.min(n, STEPS); i++) {
        const step = x[i];
        const year = Array.isArray(step) ? step[0] : undefined;
        const named = typeof year === 'number' ? `the step for year ${num(year)}` : `step ${i + 1}`;
        if (!Array.isArray(step) || step.length !== 2) {
          return `T${quote(id)}: ${named} must be a [year, value] pair, got ${Array.isArray(step) ? `a list of ${step.length}` : describe(step)}`;
        }
        if (typeof year !== 'number') return `T${quote(id)}: the year of step ${i + 1} must be a number, got ${describe(year)}`;
        if (typeof step[1] !== 'number') return `T${quote(id)}: the value for year ${num(year)} must be a number, got ${describe(step[1])}`;
        out.push(year, step[1]);
      }
    }
    return new Float64Array(out);
  } catch (e) {
    return `Tthe scenario could not be read: ${reason(e)}`;
  }
}

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
    for (const [key, x] of list) {
      const ok = typeof x === 'number' || typeof x === 'string'
        || (Array.isArray(x) && x.length <= 64 && x.every((s) => typeof s === 'string'));
      if (!ok) return `T${quote(key)} must be a number, a string or a list of strings, got ${describe(x)}`;
      if (Array.isArray(x)) list.find((e) => e[0] === key)[1] = [...x];
    }
    return list;
  } catch (e) {
    return `Toptions could not be read: ${reason(e)}`;
  }
}

/** `n` numbers from `data` at `at`, as a plain array. */
function take(data, at, n) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(data[at + i]);
  return out;
}

/**
 * evaluate()'s result from one block of numbers, in the order src/wasm.rs writes it:
 * five total series, three comparator series, five series per host, three comparator
 * series per host, six summary figures, four calibration figures and one per host.
 */
export function projection(data, n, first) {
  let at = 0;
  const next = () => {
    const a = take(data, at, n);
    at += n;
    return a;
  };
  const years = [];
  for (let i = 0; i < n; i++) years.push(first + i);
  const [workers, permitted, disguised, arrivals, revenueUsd] = [next(), next(), next(), next(), next()];
  const comparator = { workers: next(), arrivals: next(), revenueUsd: next(), hosts: [] };
  const hostSeries = hosts.map(({ id, label }) => ({
    id, label, permitted: next(), disguised: next(), workers: next(), arrivals: next(), revenueUsd: next(),
  }));
  comparator.hosts = hosts.map(({ id }) => ({ id, workers: next(), arrivals: next(), revenueUsd: next() }));
  const summary = {
    finalYearRevenueUsd: data[at], cumulativeRevenueUsd: data[at + 1], cumulativeDeniedUsd: data[at + 2],
    deniedShare: data[at + 3], baseYearWorkers: data[at + 4], finalYearWorkers: data[at + 5],
  };
  at += 6;
  const calibration = {
    bottomUpRevenueUsd: data[at], estimateRevenueUsd: data[at + 1], scale: data[at + 2],
    anchored: data[at + 3] !== 0, perWorkerUsd: take(data, at + 4, hosts.length),
  };
  return { years, workers, permitted, disguised, arrivals, revenueUsd, comparator, hosts: hostSeries, summary, calibration };
}

/**
 * A value from the tape src/tape.rs writes: tags and numbers in `numbers` (a Float64Array),
 * the strings one after another in `text`. Tags: 0 null, 1 false, 2 true, 3 a number,
 * 4 a string (its length in UTF-16 code units), 5 an array and 6 an object (a count, then
 * the values, or the keys' lengths and the values).
 */
export function fromTape(numbers, text) {
  let at = 0;
  let cut = 0;
  const string = () => text.slice(cut, (cut += numbers[at++]));
  const value = () => {
    switch (numbers[at++]) {
      case 0: return null;
      case 1: return false;
      case 2: return true;
      case 3: return numbers[at++];
      case 4: return string();
      case 5: {
        const out = new Array(numbers[at++]);
        for (let i = 0; i < out.length; i++) out[i] = value();
        return out;
      }
      default: {
        const out = {};
        for (let n = numbers[at++]; n > 0; n--) {
          const key = string();
          // Keys are the model's field names and ids; a key "__proto__" would still be data.
          if (key === '__proto__') Object.defineProperty(out, key, { value: value(), enumerable: true, writable: true, configurable: true });
          else out[key] = value();
        }
        return out;
      }
    }
  };
  return value();
}
