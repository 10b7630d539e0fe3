// Scenario files: the JSON the page downloads, or a plain object of parameter ids, read
// through the same checks as a link (state.js). Loaded when a reader opens a file.
import { formatValue, quoteText } from './schedule.js';
import { readQuery, defaults, MAX_FILE_BYTES } from './state.js';

/** A JSON value in words, for a notice; never recurses into it. */
function describe(x) {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'a list';
  if (typeof x === 'object') return 'an object';
  return typeof x === 'string' ? `the text ${quoteText(x)}` : `${typeof x} ${String(x)}`;
}

/** The notice for a file over the limit, with both sizes exact. */
export function tooBig(bytes) {
  return `The file has ${bytes.toLocaleString('en-US')} bytes; scenario files may have at most ${MAX_FILE_BYTES.toLocaleString('en-US')}. Nothing was changed.`;
}

/** Whether `x` is a list of [year, value] pairs of numbers (at most 65 looked at). */
function isSteps(x) {
  return Array.isArray(x) && x.length > 0 && x.length <= 65
    && x.every((s) => Array.isArray(s) && s.length === 2 && typeof s[0] === 'number' && typeof s[1] === 'number');
}

/**
 * Reads a scenario file: the JSON this page downloads ({ model, scenario, view, ... }), or a
 * plain object of parameter ids to numbers or [year, value] lists, as the Rust crate writes.
 * As in evaluate(), an omitted id takes its default. Values go through readQuery's checks,
 * so a bad one is named and only that id keeps its default. Returns readQuery's result, or
 * { scenario: null, notices } when nothing can be used.
 * @param {string} text
 */
export function readScenarioFile(text, api) {
  if (text.length > MAX_FILE_BYTES) return { scenario: null, notices: [tooBig(text.length)] };
  const isObject = (x) => x !== null && typeof x === 'object' && !Array.isArray(x);
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { scenario: null, notices: [`The file is not JSON (${quoteText(e.message)}). Nothing was changed.`] };
  }
  if (!isObject(doc)) {
    return { scenario: null, notices: ['The file must hold a JSON object: a scenario downloaded from this page, or parameter ids mapped to numbers or [year, value] lists. Nothing was changed.'] };
  }
  const own = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
  const values = own(doc, 'scenario') && isObject(doc.scenario) ? doc.scenario : doc;
  const pairs = [];
  const notices = [];
  const model = own(doc, 'model') && isObject(doc.model) && own(doc.model, 'modelVersion') ? doc.model.modelVersion : undefined;
  if (typeof model === 'string') pairs.push(['v', model]);
  const reserved = new Set(['model', 'scenario', 'view', 'link', 'projection', 'comparison', 'uncertainty', 'sensitivity', 'goalSeek', 'backtest']);
  for (const [id, x] of Object.entries(values)) {
    if (values === doc && reserved.has(id)) continue;
    if (id === 'preset' && typeof x === 'string') pairs.push([id, x]);
    else if (id === 'preset') notices.push(`${quoteText('preset')} in the file must be a preset's id, got ${describe(x)}. Ignored.`);
    else if (typeof x === 'number') pairs.push([id, String(x)]);
    else if (isSteps(x)) pairs.push([id, formatValue(x)]);
    else if (api.registry.byId.has(id)) notices.push(`${quoteText(id)} in the file must be a number or a list of [year, value] pairs, got ${describe(x)}. Ignored.`);
    else pairs.push([id, '']);
  }
  if (own(doc, 'view') && isObject(doc.view)) {
    for (const [key, x] of Object.entries(doc.view)) {
      if (typeof x === 'boolean') pairs.push([key, x ? '1' : '0']);
      else if (typeof x === 'number' || typeof x === 'string') pairs.push([key, String(x)]);
      else notices.push(`${quoteText(key)} in the file's view must be a number or a word, got ${describe(x)}. Ignored.`);
    }
  }
  const read = readQuery(pairs, api, 'the file', defaults(api.registry));
  return { ...read, notices: [...notices, ...read.notices] };
}

