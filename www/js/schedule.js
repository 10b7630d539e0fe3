// Values that change by year, on the page: the text form of links and embeds
// ("2018:0.3,2020:0"). The model checks every value (its range, the schedule rules) and
// gives its value in each year (`timeline`) and a value changed from a year on
// (`fromYear`); this file only reads and writes the text and never looks anything up in a
// plain object.

/** A number from decimal text, or NaN for anything else ("", "1e", "0x10", " 1", "Infinity"). */
export function strictNumber(s) {
  return /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s) ? Number(s) : NaN;
}

/** Most steps read from one value's text (the model's limit is far below). */
const MAX_PARTS = 1000;

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
  // Read at most one step more than any schedule may have: the model names the one too many.
  if (parts.length > MAX_PARTS) return { error: `has ${parts.length} steps, more than any schedule may have` };
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

/** A parameter's default as a value: its record path as steps, or its constant. */
export function defaultValue(p) {
  return p.path.length ? p.path.map((s) => [s.year, s.value]) : p.default;
}

/** The years at which yearly values change, with the value from each: [{ year, value }]. */
export function runsOf(values, first) {
  const out = [];
  values.forEach((x, i) => {
    if (!out.length || out[out.length - 1].value !== x) out.push({ year: first + i, value: x });
  });
  return out;
}

/** At most 80 characters of some text, quoted: for notices. */
export function quoteText(text) {
  const s = String(text);
  return JSON.stringify(s.length > 80 ? `${s.slice(0, 80)}…` : s);
}
