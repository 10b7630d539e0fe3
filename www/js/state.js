// The calculator's state and its URL form:
//   ?preset=record&visaClarification=2017:0,2027:1&policyYear=2027&v=2.0.0
// Every value that differs from the starting scenario is in the query; opening the link
// restores exactly that state. Links, embed attributes and scenario files all go through
// readQuery. Ids are looked up in the registry's Map, never in a plain object, so no name
// (not even "constructor" or "__proto__") can reach anything but the registry. Values are
// checked by the model itself, so a bad one is reported with the model's own message and
// only that id keeps its starting value.
import { parseValue, formatValue, sameValue, defaultValue, quoteText, strictNumber } from './schedule.js';

/** Most draws the page accepts from a link, a file or its own input (the API allows more). */
export const PAGE_MAX_DRAWS = 20000;
/** Largest scenario file the page reads, in bytes; its own downloads are about 60 KB. */
export const MAX_FILE_BYTES = 1_000_000;
/** The preset a page or embed opens with when its query names none. */
const START_PRESET = 'record';

function wholeIn(s, min, max) {
  const x = strictNumber(s);
  return Number.isInteger(x) && x >= min && x <= max ? x : undefined;
}

/** What a view setting allows, in words. */
export function allowedText(key, reg) {
  const allowed = VIEW.get(key)[2];
  return typeof allowed === 'function' ? allowed(reg) : allowed;
}

/**
 * View settings, by name: [default, parse(text, registry) → value or undefined, allowed
 * (words, or a function of the registry giving them)].
 * A Map, so that only these names are view settings.
 */
export const VIEW = new Map([
  ['policyYear', [null, (s, reg) => wholeIn(s, reg.limits.minYear, reg.limits.maxYear), 'a year']],
  ['compare', ['record', (s, reg) => (reg.presetById.has(s) ? s : undefined), 'a preset id']],
  ['host', ['all', (s, reg) => (s === 'all' || reg.hostById.has(s) ? s : undefined), 'all or a host id']],
  ['band', [true, (s) => (s === '1' ? true : s === '0' ? false : undefined), '0 or 1']],
  ['obs', [true, (s) => (s === '1' ? true : s === '0' ? false : undefined), '0 or 1']],
  ['draws', [2000, (s) => wholeIn(s, 100, PAGE_MAX_DRAWS), `a whole number from 100 to ${PAGE_MAX_DRAWS}`]],
  ['seed', [1, (s, reg) => wholeIn(s, 0, reg.limits.maxSeed), (reg) => `a whole number from 0 to ${reg.limits.maxSeed}`]],
  ['output', ['cumulativeRevenueUsd', (s, reg) => (reg.limits.outputs.includes(s) ? s : undefined), (reg) => reg.limits.outputs.join(', ')]],
]);

export function defaultView(reg) {
  const view = {};
  for (const [k, [d]] of VIEW) view[k] = d;
  view.policyYear = reg.limits.policyYear;
  return view;
}

/** An end year moved as little as needed to lie within the horizon of `baseYear`. */
export function endYearWithin(endYear, baseYear, reg) {
  return Math.min(Math.max(endYear, baseYear), baseYear + reg.limits.maxHorizonYears);
}

/** Every parameter at its default (its record path, where it has one). */
export function defaults(reg) {
  const s = {};
  for (const p of reg.parameters) s[p.id] = defaultValue(p);
  return s;
}

/** Model 1's meaning: every parameter at its constant default. */
function model1Defaults(reg) {
  const s = {};
  for (const p of reg.parameters) s[p.id] = p.default;
  return s;
}

/** The opening scenario: every default, with the values of the starting preset. */
export function startScenario(reg) {
  return { ...defaults(reg), ...reg.presetById.get(START_PRESET).values };
}

/** The preset whose values are all the scenario's, if any. */
export function matchingPreset(reg, scenario) {
  return reg.presets.find((p) => Object.entries(p.values).every(([id, v]) => sameValue(scenario[id], v)));
}

/** "a", "a and b", "a, b and 3 more". */
function listOf(names) {
  const shown = names.slice(0, 3).map(quoteText);
  const more = names.length - shown.length;
  if (more > 0) return `${shown.join(', ')} and ${more} more`;
  return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}` : shown[0];
}

/** What changed for a link made with model 2 (2.x), where the new levers at 0 do not give its
 *  numbers. */
const SINCE_3 = 'Since 3.0.0 the wages follow the record year by year (in Russia about $550 a month in 2017, $800 in 2024 and $1,000 from 2025), China\'s target is about 80,000 from 2019 and the designations of 2023–2025 were recounted, so the record\'s numbers changed; each host\'s visa enforcement is a new lever, at 0 here, and designation cooperation is a lever, no longer drawn in the uncertainty bands, so the bands changed too. The methodology lists every change.';

/** Whether a model version string is model 1's (1.x). */
const isModel1 = (v) => /^1\./.test(v);

/**
 * Reads query pairs over a starting scenario (the record, for an empty link). Returns
 * { scenario, view, notices, versionNotice, model1 }: notices are sentences naming each
 * ignored or repeated key and each bad value, and why. A query made with model 1 (`v=1.x`)
 * opens in model 1's meaning: model 1's defaults and presets, levers constant from the base
 * year; `model1` says so, and versionNotice explains it.
 * @param {Iterable<[string, string]>} pairs
 */
export function readQuery(pairs, api, where = 'the link', start = null) {
  const reg = api.registry;
  const list = [...pairs];
  const version = [...list].reverse().find(([k]) => k === 'v')?.[1];
  const model1 = version !== undefined && isModel1(version);
  const presets = model1 ? reg.model1PresetById : reg.presetById;
  const scenario = model1
    ? { ...model1Defaults(reg), ...reg.model1PresetById.get('statusQuo').values }
    : { ...(start ?? startScenario(reg)) };
  const view = defaultView(reg);
  // Model 1 compared every scenario with no enforcement, and its levers held from the base year.
  if (model1) Object.assign(view, { policyYear: scenario.baseYear, compare: 'noEnforcement' });
  const notices = [];
  let versionNotice = null;
  if (version !== undefined && version !== reg.version.modelVersion) {
    versionNotice = model1
      ? `The scenario in ${where} was made with model ${quoteText(version)}. It opens with that model's meaning: North Korea's border open and every target at its 2017 size in every year, each lever the same from ${scenario.baseYear} on. This is model ${reg.version.modelVersion}; its own course since 2017 is the "record" preset.`
      : `The scenario in ${where} was made with model version ${quoteText(version)}; this is version ${reg.version.modelVersion}, so its numbers may differ.${/^2\./.test(version) ? ` ${SINCE_3}` : ''}`;
    notices.push(versionNotice);
  }
  const counts = new Map();
  for (const [key] of list) counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const [key, n] of counts) {
    if (n > 1 && (reg.byId.has(key) || VIEW.has(key) || key === 'preset' || key === 'v')) {
      notices.push(`${quoteText(key)} appears ${n} times in ${where}; the last one is used.`);
    }
  }
  const unknown = [];
  const given = new Map();
  for (const [key, raw] of list) {
    if (key === 'v') continue;
    if (key === 'preset') {
      const preset = presets.get(raw);
      if (preset) {
        Object.assign(scenario, preset.values);
        if (preset.policyYear !== null) view.policyYear = preset.policyYear;
      } else {
        notices.push(`Unknown preset ${quoteText(raw)} in ${where}: allowed ${[...presets.keys()].join(', ')}. Ignored.`);
      }
    } else if (VIEW.has(key)) {
      const [, parse] = VIEW.get(key);
      const value = parse(raw, reg);
      if (value === undefined) notices.push(`${quoteText(key)} = ${quoteText(raw)} in ${where} is not allowed (allowed: ${allowedText(key, reg)}). Using the default.`);
      else view[key] = value;
    } else if (reg.byId.has(key)) {
      given.set(key, raw);
    } else {
      unknown.push(key);
    }
  }
  if (unknown.length) {
    notices.push(unknown.length === 1
      ? `Unknown parameter ${listOf(unknown)} in ${where}. Ignored.`
      : `${unknown.length} unknown parameters in ${where} were ignored: ${listOf(unknown)}.`);
  }
  if (model1 && view.compare !== 'noEnforcement' && view.compare !== 'statusQuo' && counts.has('compare')) {
    notices.push(`The comparison ${quoteText(view.compare)} in ${where} now means model ${reg.version.modelVersion}'s preset of that name.`);
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
    const read = parseValue(raw);
    let problem = read.error ? `${quoteText(id)} ${read.error}` : null;
    if (!problem && model1 && Array.isArray(read.value)) problem = `${quoteText(id)} is a schedule, which model 1 did not have`;
    if (!problem && id !== 'endYear') problem = check({ [id]: read.value, ...(id === 'baseYear' ? { endYear: read.value } : {}) });
    // What stays is the starting value: the preset's for a lever, the default otherwise.
    if (problem) notices.push(`${problem}. Using ${quoteText(formatValue(scenario[id]))}.`);
    else accepted[id] = read.value;
  }
  const base = accepted.baseYear ?? scenario.baseYear;
  const fallbackEnd = endYearWithin(scenario.endYear, base, reg);
  if ('endYear' in accepted) {
    const problem = typeof accepted.endYear === 'number' ? check({ baseYear: base, endYear: accepted.endYear }) : `${quoteText('endYear')} takes one number`;
    if (problem) {
      notices.push(`${problem}. Using ${fallbackEnd}.`);
      accepted.endYear = fallbackEnd;
    }
  } else {
    accepted.endYear = fallbackEnd;
  }
  Object.assign(scenario, accepted);
  if (model1 && !counts.has('policyYear')) view.policyYear = scenario.baseYear;
  // A policy year outside the horizon would leave every slider without a year to set.
  if (view.policyYear < scenario.baseYear || view.policyYear > scenario.endYear) {
    const fallback = Math.min(Math.max(reg.limits.policyYear, scenario.baseYear), scenario.endYear);
    if (counts.has('policyYear')) notices.push(`${quoteText('policyYear')} = ${view.policyYear} in ${where} is outside the scenario's years, ${scenario.baseYear} to ${scenario.endYear}. Using ${fallback}.`);
    view.policyYear = fallback;
  }
  return { scenario, view, notices, versionNotice, model1 };
}

/** The query string for a state: values that differ from the starting scenario, readable. */
export function writeQuery(state, reg) {
  const q = new URLSearchParams();
  const start = reg.presetById.get(START_PRESET);
  const preset = matchingPreset(reg, state.scenario) ?? start;
  if (preset !== start) q.set('preset', preset.id);
  const reference = { ...defaults(reg), ...preset.values };
  for (const p of reg.parameters) {
    const v = state.scenario[p.id];
    if (!sameValue(v, reference[p.id])) q.set(p.id, formatValue(v));
  }
  const view = defaultView(reg);
  if (preset.policyYear !== null) view.policyYear = preset.policyYear;
  for (const key of VIEW.keys()) {
    const v = state.view[key];
    if (v !== view[key]) q.set(key, typeof v === 'boolean' ? (v ? '1' : '0') : String(v));
  }
  q.set('v', reg.version.modelVersion);
  return '?' + q.toString();
}
