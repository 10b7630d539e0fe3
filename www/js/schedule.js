// Values that change by year, on the page: the text form of links and embeds
// ("2018:0.3,2020:0"), a value in a given year, and a value changed from a year on. The
// model checks every value (its range, the schedule rules); this file only reads and writes
// the text and never looks anything up in a plain object.

/** A number from decimal text, or NaN for anything else ("", "1e", "0x10", " 1", "Infinity"). */
export function strictNumber(s) {
  return /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s) ? Number(s) : NaN;
}

/**
 * Reads a value's text: a number ("0.3") or steps ("2018:0.3,2020:0"). Returns
 * { value } or { error } (a sentence naming what is wrong, not the id: the caller adds it).
 */
export function parseValue(text) {
  if (!text.includes(':')) {
    const x = strictNumber(text);
    return Number.isNaN(x) ? { error: `${quoteText(text)} is not a number` } : { value: x };
  }
  const parts = text.split(',');
  if (parts.length > 65) return { error: `has ${parts.length} steps; at most 64 are allowed` };
  const steps = [];
  for (const part of parts) {
    const [year, value, extra] = part.split(':');
    const y = /^-?\d+$/.test(year ?? '') ? Number(year) : NaN;
    const v = strictNumber(value ?? '');
    if (extra !== undefined || Number.isNaN(y) || Number.isNaN(v)) {
      return { error: `has the step ${quoteText(part)}, which is not year:value` };
    }
    steps.push([y, v]);
  }
  return { value: steps };
}

/** A value's text: "0.3" or "2018:0.3,2020:0"; exact (shortest round-trip numbers). */
export function formatValue(value) {
  return Array.isArray(value) ? value.map(([y, v]) => `${y}:${v}`).join(',') : String(value);
}

/** Whether two values are the same number or the same steps. */
export function sameValue(a, b) {
  if (!Array.isArray(a) || !Array.isArray(b)) return a === b;
  return a.length === b.length && a.every(([y, v], i) => y === b[i][0] && v === b[i][1]);
}

/** A parameter's default in a year: its record path's step in force, else its constant. */
export function defaultAt(p, year) {
  let x = p.default;
  for (const step of p.path) if (step.year <= year) x = step.value;
  return x;
}

/** The value in a year; before a schedule's first step, the parameter's default holds. */
export function valueAt(p, value, year) {
  if (!Array.isArray(value)) return value;
  let x = null;
  for (const [y, v] of value) if (y <= year) x = v;
  return x ?? defaultAt(p, year);
}

/** A parameter's default as a value: its record path as steps, or its constant. */
export function defaultValue(p) {
  return p.path.length ? p.path.map((s) => [s.year, s.value]) : p.default;
}

/**
 * The value that keeps `current` before `year` and is `x` from `year` on: what a slider
 * does when policies start in `year`. Steps that repeat the value before them are dropped,
 * and one step from the first year is a plain number, so moving a slider back to where it
 * was gives back the value it had (and the preset it matched).
 */
export function fromYear(p, current, year, x, firstYear) {
  let steps;
  if (!Array.isArray(current)) {
    steps = [[firstYear, current], [year, x]];
  } else {
    steps = current.filter(([y]) => y < year);
    if (!steps.length) steps.push([firstYear, valueAt(p, current, firstYear)]);
    steps.push([year, x]);
  }
  const kept = [];
  for (const [y, v] of steps) {
    const before = kept.length ? kept[kept.length - 1][1] : null;
    if (kept.length && y <= firstYear) kept[kept.length - 1] = [y, v];
    else if (v !== before) kept.push([y, v]);
  }
  return kept.length === 1 && kept[0][0] <= firstYear ? kept[0][1] : kept;
}

/** The years at which a value changes inside a horizon, with the value from each. */
export function runs(p, value, first, last) {
  const out = [];
  for (let year = first; year <= last; year++) {
    const x = valueAt(p, value, year);
    if (!out.length || out[out.length - 1].value !== x) out.push({ year, value: x });
  }
  return out;
}

/** At most 80 characters of some text, quoted: for notices. */
export function quoteText(text) {
  const s = String(text);
  return JSON.stringify(s.length > 80 ? `${s.slice(0, 80)}…` : s);
}
