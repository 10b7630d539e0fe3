// One figure by path, for <dprk-labor-value>: "summary.cumulativeDeniedUsd", "revenueUsd@2030",
// "hosts.russia.disguised@2025", "window.revenueUsd". The paths are a table (METRICS), so the
// list in docs/embedding.md is generated from it, and nothing else can be reached: a path is
// looked up in the table, never walked through the projection's objects.

/** Where a metric's value comes from: the projection, or the headline figures of the window. */
const YEARLY = [
  ['workers', 'workers at the start of the year', 'workers'],
  ['permitted', 'workers on work permits at the start of the year', 'workers'],
  ['disguised', 'workers on other visas at the start of the year', 'workers'],
  ['arrivals', 'workers entering a host during the year', 'workers'],
  ['revenueUsd', 'revenue to the state in the year, USD', 'usd'],
];

/**
 * Every metric: [path, meaning, default format, read(target, at)], where `target` is
 * { projection, figures } and `at` the year index for a yearly series. A path with `@` takes
 * a year: `@2030`, `@first` or `@last`.
 */
export const METRICS = [
  ['summary.cumulativeRevenueUsd', 'revenue to the state over every year of the horizon, USD', 'usd', (t) => t.projection.summary.cumulativeRevenueUsd],
  ['summary.cumulativeDeniedUsd', 'revenue denied against no enforcement over every year, USD', 'usd', (t) => t.projection.summary.cumulativeDeniedUsd],
  ['summary.deniedShare', 'that denied revenue as a share of revenue with no enforcement', 'percent', (t) => t.projection.summary.deniedShare],
  ['summary.finalYearRevenueUsd', 'revenue in the end year, USD', 'usd', (t) => t.projection.summary.finalYearRevenueUsd],
  ['summary.baseYearWorkers', 'workers at the start of the base year', 'workers', (t) => t.projection.summary.baseYearWorkers],
  ['summary.finalYearWorkers', 'workers at the start of the end year', 'workers', (t) => t.projection.summary.finalYearWorkers],
  ['window.revenueUsd', 'revenue from the policy year to the end year, for the host in focus (the first headline card), USD', 'usd', (t) => t.figures.revenue],
  ['window.comparedUsd', 'the same under the comparator preset, USD', 'usd', (t) => t.figures.compared],
  ['window.deniedUsd', 'the comparator\'s minus the scenario\'s (the second card; negative when revenue is added), USD', 'usd', (t) => t.figures.denied],
  ['window.deniedShare', 'that difference as a share of the comparator\'s', 'percent', (t) => t.figures.deniedShare],
  ['window.fromYear', 'the first year of the window (the policy year)', 'year', (t) => t.figures.from],
  ['calibration.scale', 'factor on revenue per worker that matches the base year to the published estimate', 'number', (t) => t.projection.calibration.scale],
  ['calibration.bottomUpRevenueUsd', 'base-year revenue from reported wages, USD', 'usd', (t) => t.projection.calibration.bottomUpRevenueUsd],
  ...YEARLY.map(([key, meaning, format]) => [`${key}@YEAR`, `${meaning}, all hosts`, format, (t, at) => t.projection[key][at]]),
  ...YEARLY.map(([key, meaning, format]) => [`hosts.HOST.${key}@YEAR`, `${meaning}, in one host (china, russia, other)`, format, (t, at, host) => host[key][at]]),
  ...['workers', 'arrivals', 'revenueUsd'].map((key) => [`comparator.${key}@YEAR`, `the same with no enforcement, all hosts: ${YEARLY.find((y) => y[0] === key)[1]}`, YEARLY.find((y) => y[0] === key)[2], (t, at) => t.projection.comparator[key][at]]),
];
const BY_PATH = new Map(METRICS.map((m) => [m[0], m]));

/** The table entry for a path, with the year index and host it names. Throws an Error naming what is wrong. */
function lookup(target, path) {
  if (typeof path !== 'string' || !path) throw new Error('no metric given');
  const quoted = JSON.stringify(path.length > 80 ? `${path.slice(0, 80)}…` : path);
  const [field, at, extra] = path.split('@');
  let key = field;
  let host = null;
  const hostPath = /^hosts\.([^.]+)\.(\w+)$/.exec(field);
  if (hostPath) {
    host = target.projection.hosts.find((x) => x.id === hostPath[1]);
    if (!host) throw new Error(`unknown host ${JSON.stringify(hostPath[1])} in metric ${quoted}; hosts: ${target.projection.hosts.map((x) => x.id).join(', ')}`);
    key = `hosts.HOST.${hostPath[2]}`;
  }
  const yearly = BY_PATH.get(`${key}@YEAR`);
  const entry = BY_PATH.get(key) ?? yearly;
  if (!entry) throw new Error(`unknown metric ${quoted}; the list is in docs/embedding.md`);
  if (!yearly) {
    if (at !== undefined) throw new Error(`metric ${JSON.stringify(field)} is not a yearly series`);
    return { entry, index: null, host };
  }
  const years = target.projection.years;
  if (at === undefined) throw new Error(`metric ${quoted} is a yearly series: add @YEAR, @first or @last`);
  const index = at === 'first' ? 0 : at === 'last' ? years.length - 1 : /^\d{4}$/.test(at) ? years.indexOf(Number(at)) : -1;
  if (index < 0 || extra !== undefined) throw new Error(`year ${JSON.stringify(at)} is outside ${years[0]}–${years[years.length - 1]} in metric ${quoted}`);
  return { entry, index, host };
}

/** The value at `path` for `target` ({ projection, figures }); throws an Error naming what is wrong. */
export function metric(target, path) {
  const { entry, index, host } = lookup(target, path);
  return entry[3](target, index, host);
}

/** The natural format of a metric when none is given. */
export function defaultFormat(target, path) {
  try {
    return lookup(target, path).entry[2];
  } catch {
    return 'number';
  }
}
