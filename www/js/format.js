// Number formats for people: US dollars, workers, shares and parameter values with units.

const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

// One formatter per number of decimals, made once: building one per call costs about a
// millisecond per slider move.
const decimals = [0, 1, 2, 3].map((d) => new Intl.NumberFormat('en-US', { maximumFractionDigits: d }));

/** Rounds to `digits` decimals (0 to 3) without trailing zeros: "1.5", "1,200". */
function trim(x, digits) {
  return decimals[digits].format(Number(x.toFixed(digits)));
}

/** "$4.65bn", "$325M", "$1,200"; negative values get a minus sign. */
export function usd(x) {
  if (!Number.isFinite(x)) return '–';
  const sign = x < 0 ? '−' : '';
  const a = Math.abs(x);
  if (a >= 1e9) return `${sign}$${trim(a / 1e9, 2)}bn`;
  if (a >= 1e6) return `${sign}$${trim(a / 1e6, a >= 1e8 ? 0 : 1)}M`;
  return `${sign}$${whole.format(a)}`;
}

/** Always in millions: "$325.4M". */
function usdMillions(x) {
  return Number.isFinite(x) ? `$${trim(x / 1e6, 1)}M` : '–';
}

/** Always in billions: "$4.65bn". */
function usdBillions(x) {
  return Number.isFinite(x) ? `$${trim(x / 1e9, 2)}bn` : '–';
}

/** "66,141". */
export function workers(x) {
  return Number.isFinite(x) ? count(Math.round(x)) : '–';
}

/** A whole number with thousands separators: "2,000". */
export function count(x) {
  return whole.format(x);
}

/** A share 0..1 as "34%" (or "33.6%" with one digit). */
export function percent(x, digits = 0) {
  return Number.isFinite(x) ? `${trim(x * 100, digits)}%` : '–';
}

/** Compact axis labels: "$500M", "1.5bn", "20k". */
export function axisUsd(x) {
  if (x === 0) return '$0';
  if (Math.abs(x) >= 1e9) return `$${trim(x / 1e9, 1)}bn`;
  return `$${trim(x / 1e6, 0)}M`;
}

export function axisWorkers(x) {
  return Math.abs(x) >= 1000 ? `${trim(x / 1000, 0)}k` : whole.format(x);
}

/** A parameter's value in words, with its unit (by unit id): for outputs and aria-valuetext. */
export function paramValue(p, v) {
  const digits = p.step < 0.01 ? 1 : 0;
  switch (p.unit) {
    case 'usdPerMonth': return `${usd(v)} a month`;
    case 'usdPerYear': return `${usd(v)} a year`;
    case 'workers': return `${workers(v)} workers`;
    case 'monthsPerYear': return `${trim(v, 1)} months a year`;
    case 'entitiesPerYear': return `${trim(v, 0)} a year`;
    case 'year': return String(v);
    case 'switch': return v ? 'on' : 'off';
    case 'sharePerYear': return `${percent(v, digits)} a year`;
    case 'share': return percent(v, digits);
    case 'multiple': return `×${trim(v, 3)}`;
    default: return `${v} ${p.unitLabel}`;
  }
}

/** A value that may change by year, in words: "10%", or "0 until 2017, 96% from 2018, …". */
export function valueInWords(p, runs) {
  if (runs.length === 1) return paramValue(p, runs[0].value);
  return runs.map((r, i) => (i === 0 ? `${paramValue(p, r.value)} in ${r.year}` : `${paramValue(p, r.value)} from ${r.year}`)).join(', ');
}

/** Formats a figure by name, for embeds and inline values: a Map, so only these names. */
export const FORMATS = new Map([
  ['usd', usd],
  ['usd-millions', usdMillions],
  ['usd-billions', usdBillions],
  ['workers', workers],
  ['percent', (x) => percent(x, 0)],
  ['percent-1', (x) => percent(x, 1)],
  ['number', (x) => (Number.isFinite(x) ? x.toLocaleString('en-US') : '–')],
  ['year', (x) => (Number.isInteger(x) ? String(x) : '–')],
]);
