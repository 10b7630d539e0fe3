// One figure of a projection by path: "summary.cumulativeDeniedUsd", "revenueUsd@2030",
// "hosts.russia.disguised@2025", "workers@last", "calibration.scale".

/** The value at `path` in `projection`; throws an Error naming what is wrong. */
export function metric(projection, path) {
  if (typeof path !== 'string' || !path) throw new Error('no metric given');
  const [field, at] = path.split('@');
  let v = projection;
  const parts = field.split('.');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (part === 'hosts') {
      const id = parts[++i];
      v = projection.hosts.find((h) => h.id === id);
      if (!v) throw new Error(`unknown host "${id}" in metric "${path}"`);
    } else if (v && typeof v === 'object' && !Array.isArray(v) && Object.hasOwn(v, part)) {
      v = v[part];
    } else {
      throw new Error(`unknown metric "${path}"`);
    }
  }
  if (Array.isArray(v)) {
    const years = projection.years;
    if (at === undefined) throw new Error(`metric "${path}" is a yearly series: add @YEAR, @first or @last`);
    const i = at === 'first' ? 0 : at === 'last' ? years.length - 1 : years.indexOf(Number(at));
    if (i < 0 || !/^(first|last|\d{4})$/.test(at)) throw new Error(`year "${at}" is outside ${years[0]}–${years[years.length - 1]} in metric "${path}"`);
    return v[i];
  }
  if (at !== undefined) throw new Error(`metric "${field}" is not a yearly series`);
  if (typeof v !== 'number') throw new Error(`metric "${path}" is not a number`);
  return v;
}

/** The natural format for a metric when none is given. */
export function defaultFormat(path) {
  if (/Usd(@|$)/.test(path)) return 'usd';
  if (/share$/i.test(path)) return 'percent';
  if (/(workers|permitted|disguised)/i.test(path)) return 'workers';
  return 'number';
}
