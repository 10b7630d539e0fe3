// The calculator's state and its URL form: `?preset=statusQuo&visaClarification=1&v=1.1.0`.
// Every value that differs from the default is in the query; opening the link restores
// exactly that state. Values are checked by the model itself, so a bad one is reported with
// the model's own message and only that id falls back to its default.

/** Outputs the tornado can show (the model's `Output` ids). */
const OUTPUTS = ['cumulativeRevenueUsd', 'cumulativeDeniedUsd', 'finalYearRevenueUsd'];

/** View settings: name → [default, parse(string) → value or undefined, allowed (for notices)]. */
export const VIEW = {
  compare: ['noEnforcement', (s, reg) => (reg.presets.some((p) => p.id === s) ? s : undefined), 'a preset id'],
  band: [true, (s) => ({ 1: true, 0: false })[s], '0 or 1'],
  obs: [true, (s) => ({ 1: true, 0: false })[s], '0 or 1'],
  draws: [2000, (s) => wholeIn(s, 100, 100000), 'a whole number from 100 to 100000'],
  seed: [1, (s) => wholeIn(s, 0, 2 ** 53 - 1), 'a whole number from 0 to 2^53 - 1'],
  output: ['cumulativeRevenueUsd', (s) => (OUTPUTS.includes(s) ? s : undefined), OUTPUTS.join(', ')],
};

/** Longest projection after the base year, in years (the model's MAX_HORIZON_YEARS). */
export const MAX_HORIZON_YEARS = 40;

/** An end year moved as little as needed to lie within the horizon of `baseYear`. */
export function endYearWithin(endYear, baseYear) {
  return Math.min(Math.max(endYear, baseYear), baseYear + MAX_HORIZON_YEARS);
}

function wholeIn(s, min, max) {
  const x = strictNumber(s);
  return Number.isInteger(x) && x >= min && x <= max ? x : undefined;
}

/** A number from a decimal string, or NaN for anything else ("", "1e", "0x10", " 1"). */
function strictNumber(s) {
  return /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s) ? Number(s) : NaN;
}

/** Every parameter at its default. */
function defaults(reg) {
  return Object.fromEntries(reg.parameters.map((p) => [p.id, p.default]));
}

/** The preset a page or embed opens with when its query names none. */
const START_PRESET = 'statusQuo';

/** The opening scenario: every default, with the levers of the starting preset. */
export function startScenario(reg) {
  return { ...defaults(reg), ...reg.presets.find((p) => p.id === START_PRESET).values };
}

export function defaultView() {
  return Object.fromEntries(Object.entries(VIEW).map(([k, [d]]) => [k, d]));
}

/** The preset whose levers equal the scenario's, if any. */
export function matchingPreset(reg, scenario) {
  return reg.presets.find((p) => Object.entries(p.values).every(([id, v]) => scenario[id] === v));
}

/**
 * Reads a query string over a starting scenario (the status quo, as for an empty link).
 * Returns { scenario, view, notices, versionNotice }: notices are sentences naming each
 * ignored key or value and why; versionNotice (also among notices) is set when the query was
 * made with another model version, whose numbers may differ.
 * @param {URLSearchParams} query
 */
export function readQuery(query, api, where = 'the link', start = startScenario(api.registry)) {
  const reg = api.registry;
  const scenario = { ...start };
  const view = defaultView();
  const notices = [];
  let versionNotice = null;
  const given = new Map();
  for (const [key, raw] of query) {
    if (key === 'v') {
      if (raw !== reg.version.modelVersion) {
        versionNotice = `The scenario in ${where} was made with model version ${raw}; this is version ${reg.version.modelVersion}, so its numbers may differ.`;
        notices.push(versionNotice);
      }
    } else if (key === 'preset') {
      const preset = reg.presets.find((p) => p.id === raw);
      if (preset) Object.assign(scenario, preset.values);
      else notices.push(`Unknown preset "${raw}" in ${where}: allowed ${reg.presets.map((p) => p.id).join(', ')}. Ignored.`);
    } else if (key in VIEW) {
      const [, parse, allowed] = VIEW[key];
      const value = parse(raw, reg);
      if (value === undefined) notices.push(`"${key}" = "${raw}" in ${where} is not allowed (allowed: ${allowed}). Using the default.`);
      else view[key] = value;
    } else if (reg.byId.has(key)) {
      given.set(key, raw);
    } else {
      notices.push(`Unknown parameter "${key}" in ${where}. Ignored.`);
    }
  }
  // Each value alone, through the model's own checks; the two years together.
  const check = (values) => {
    try {
      api.evaluate(values);
      return null;
    } catch (e) {
      return e.message;
    }
  };
  const accepted = {};
  for (const [id, raw] of given) {
    const x = strictNumber(raw);
    // endYear is checked below, against the base year the link ends up with.
    const problem = Number.isNaN(x) ? `"${id}" = "${raw}" is not a number` : id === 'endYear' ? null : check({ [id]: x, ...(id === 'baseYear' ? { endYear: x } : {}) });
    // What stays is the starting value: the preset's for a lever, the default otherwise.
    if (problem) notices.push(`${problem}. Using ${scenario[id]}.`);
    else accepted[id] = x;
  }
  const base = accepted.baseYear ?? scenario.baseYear;
  const fallbackEnd = endYearWithin(scenario.endYear, base);
  if ('endYear' in accepted) {
    const problem = check({ baseYear: base, endYear: accepted.endYear });
    if (problem) {
      notices.push(`${problem}. Using ${fallbackEnd}.`);
      accepted.endYear = fallbackEnd;
    }
  } else {
    accepted.endYear = fallbackEnd;
  }
  Object.assign(scenario, accepted);
  return { scenario, view, notices, versionNotice };
}

/**
 * Reads a scenario file: the JSON this page downloads ({ model, scenario, view, ... }), or a
 * plain object of parameter ids to numbers, as the Rust crate writes. As in evaluate(), an
 * omitted id takes its default. Values go through readQuery's checks, so a bad one is named
 * and only that id keeps its default.
 * Returns readQuery's result, or { scenario: null, notices } when nothing can be used.
 * @param {string} text
 */
export function readScenarioFile(text, api) {
  const isObject = (x) => x !== null && typeof x === 'object' && !Array.isArray(x);
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { scenario: null, notices: [`The file is not JSON (${e.message}). Nothing was changed.`] };
  }
  if (!isObject(doc)) {
    return { scenario: null, notices: ['The file must hold a JSON object: a scenario downloaded from this page, or parameter ids mapped to numbers. Nothing was changed.'] };
  }
  const values = isObject(doc.scenario) ? doc.scenario : doc;
  const query = new URLSearchParams();
  const notices = [];
  if (typeof doc.model?.modelVersion === 'string') query.set('v', doc.model.modelVersion);
  for (const [id, x] of Object.entries(values)) {
    if (typeof x === 'number') query.append(id, String(x));
    else notices.push(`"${id}" in the file must be a number, got ${describe(x)}. Ignored.`);
  }
  if (isObject(doc.view)) {
    for (const [key, x] of Object.entries(doc.view)) query.append(key, typeof x === 'boolean' ? (x ? '1' : '0') : String(x));
  }
  const read = readQuery(query, api, 'the file', defaults(api.registry));
  return { ...read, notices: [...notices, ...read.notices] };
}

/** A JSON value in words, for a notice. */
function describe(x) {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'a list';
  if (typeof x === 'object') return 'an object';
  return typeof x === 'string' ? `the text "${x}"` : `${typeof x} ${x}`;
}

/** The query string for a state: non-default values only, readable, with the model version. */
export function writeQuery(state, reg) {
  const q = new URLSearchParams();
  // Levers: a matching preset by name, or each lever that differs from the starting preset.
  const start = reg.presets.find((p) => p.id === START_PRESET);
  const preset = matchingPreset(reg, state.scenario) ?? start;
  if (preset !== start) q.set('preset', preset.id);
  for (const p of reg.parameters) {
    const v = state.scenario[p.id];
    const reference = p.kind === 'lever' ? preset.values[p.id] : p.default;
    if (v !== reference) q.set(p.id, String(v));
  }
  const view = defaultView();
  for (const key of Object.keys(VIEW)) {
    const v = state.view[key];
    if (v !== view[key]) q.set(key, typeof v === 'boolean' ? (v ? '1' : '0') : String(v));
  }
  q.set('v', reg.version.modelVersion);
  return '?' + q.toString();
}
