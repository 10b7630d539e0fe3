// An independent, plain-JavaScript implementation of the reference model (MODEL.md, model 1
// and "Model 2: time"), written from the document and not from the Rust code. The tests hold
// the wasm module against it to 1e-9, and the benchmarks time it as the plain-JavaScript
// baseline. It takes parameter defaults (and record paths) from `parameters()`, which are
// data; every equation is its own.

const HOSTS = ['china', 'russia', 'other'];

/**
 * A reader for a scenario: value(id, year) with MODEL.md's schedule rules. `parameters` is
 * the module's `parameters()`: each has `default` and `path` (the record's steps).
 */
export function reader(parameters, scenario) {
  const byId = new Map(parameters.map((p) => [p.id, p]));
  const stepAt = (steps, year) => {
    let x;
    for (const [y, v] of steps) if (y <= year) x = v;
    return x;
  };
  return (id, year) => {
    const p = byId.get(id);
    const given = Object.hasOwn(scenario, id) ? scenario[id] : undefined;
    const fallback = () => stepAt(p.path.map((s) => [s.year, s.value]), year) ?? p.default;
    if (given === undefined) return fallback();
    if (!Array.isArray(given)) return given;
    return stepAt(given, year) ?? fallback();
  };
}

/** One run of the model: yearly stocks, arrivals and revenue by host, and totals. */
function run(value, years, base, leversOff) {
  const lever = (id, year) => (leversOff ? 0 : value(id, year));
  const baseWorkers = HOSTS.map((h) => value(`baseWorkers.${h}`, base));
  const wage = HOSTS.map((h) => value(`wage.${h}`, base));
  const months = value('monthsWorked', base);
  const take = value('stateTakeShare', base);
  const bottomUp = HOSTS.reduce((s, _, i) => s + baseWorkers[i] * wage[i] * months * take, 0);
  const scale = value('anchorToEstimate', base) === 1 ? value('estimateRevenueUsd', base) / bottomUp : 1;
  const perWorker = wage.map((w) => w * months * take * scale);
  const totalBase = baseWorkers.reduce((a, b) => a + b, 0);
  const tau = value('rotationRate', base);
  const perDesignation = value('workersPerDesignation', base);
  const hosts = HOSTS.map(() => ({ permitted: [], disguised: [], workers: [], arrivals: [], revenueUsd: [] }));
  const P = [...baseWorkers];
  const D = HOSTS.map(() => 0);
  for (const year of years) {
    const o = value('borderOpen', year);
    const coverage = totalBase > 0 ? 1 - Math.exp(-lever('designationsPerYear', year) * perDesignation / totalBase) : 0;
    const va0 = lever('visaClarification', year);
    HOSTS.forEach((h, i) => {
      const q = value(`designationCooperation.${h}`, year) * coverage;
      const p = lever(`repatriation.${h}`, year);
      const b = lever(`permitBan.${h}`, year);
      const va = va0 * value(`clarificationAdoption.${h}`, year);
      const stayP = P[i] * (1 - tau * o) * (1 - p * o) * (1 - q * o);
      const stayD = D[i] * (1 - tau * o) * (1 - p * va * o) * (1 - q * o);
      const target = baseWorkers[i] * value(`demand.${h}`, year);
      const gap = Math.max(0, target - stayP - stayD) * o;
      const newP = gap * (1 - b) * (1 - q);
      const newD = (gap - newP) * value(`loopholeShare.${h}`, year) * (1 - b * va) * (1 - q);
      const s = hosts[i];
      s.permitted.push(P[i]);
      s.disguised.push(D[i]);
      s.workers.push(P[i] + D[i]);
      s.arrivals.push(newP + newD);
      s.revenueUsd.push(perWorker[i] * (P[i] + D[i] + stayP + newP + stayD + newD) / 2);
      P[i] = stayP + newP;
      D[i] = stayD + newD;
    });
  }
  const total = (key) => years.map((_, k) => hosts.reduce((s, x) => s + x[key][k], 0));
  return { hosts, workers: total('workers'), permitted: total('permitted'), disguised: total('disguised'), arrivals: total('arrivals'), revenueUsd: total('revenueUsd'), scale, bottomUp, perWorker };
}

/** The reference model's projection of a scenario (ids omitted take their defaults). */
export function evaluateReference(parameters, scenario) {
  const value = reader(parameters, scenario);
  const base = value('baseYear', 0);
  const end = value('endYear', 0);
  const years = Array.from({ length: end - base + 1 }, (_, k) => base + k);
  const s = run(value, years, base, false);
  const c = run(value, years, base, true);
  const sum = (xs) => xs.reduce((a, b) => a + b, 0);
  const cumulative = sum(s.revenueUsd);
  const compared = sum(c.revenueUsd);
  return {
    years,
    workers: s.workers, permitted: s.permitted, disguised: s.disguised, arrivals: s.arrivals, revenueUsd: s.revenueUsd,
    hosts: s.hosts.map((x, i) => ({ id: HOSTS[i], ...x })),
    comparator: { workers: c.workers, arrivals: c.arrivals, revenueUsd: c.revenueUsd, hosts: c.hosts.map((x, i) => ({ id: HOSTS[i], workers: x.workers, arrivals: x.arrivals, revenueUsd: x.revenueUsd })) },
    summary: { finalYearRevenueUsd: s.revenueUsd.at(-1), cumulativeRevenueUsd: cumulative, cumulativeDeniedUsd: compared - cumulative, deniedShare: compared > 0 ? (compared - cumulative) / compared : 0 },
    calibration: { bottomUpRevenueUsd: s.bottomUp, scale: s.scale, perWorkerUsd: s.perWorker },
  };
}
