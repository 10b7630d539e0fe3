// An independent, plain-JavaScript implementation of the model as docs/methodology.md states
// it (model 1, "Time" and model 3's host levers and wages by year), written from the document
// and not from the Rust code. The tests hold
// the wasm module against it to 1e-9, and the benchmarks time it as the plain-JavaScript
// baseline, so it is written as a careful JavaScript author would write it: each parameter's
// yearly values resolved once into typed arrays, then one loop over years and hosts. It takes
// parameter defaults and record paths from `parameters()`, which are data; every equation is
// its own. Not part of the product.

const HOSTS = ['china', 'russia', 'other'];

/** Per-year values of every parameter for a scenario: Map id → Float64Array over the years. */
function timeline(parameters, scenario, years) {
  const rows = new Map();
  for (const p of parameters) {
    const given = Object.hasOwn(scenario, p.id) ? scenario[p.id] : undefined;
    const path = p.path;
    const row = new Float64Array(years.length);
    for (let k = 0; k < years.length; k++) {
      const year = years[k];
      let x = p.default;
      for (let i = 0; i < path.length && path[i].year <= year; i++) x = path[i].value;
      if (typeof given === 'number') x = given;
      else if (Array.isArray(given)) for (let i = 0; i < given.length && given[i][0] <= year; i++) x = given[i][1];
      row[k] = x;
    }
    rows.set(p.id, row);
  }
  return rows;
}

function yearsOf(parameters, scenario) {
  const get = (id) => (Object.hasOwn(scenario, id) ? scenario[id] : parameters.find((p) => p.id === id).default);
  const base = get('baseYear');
  return Array.from({ length: get('endYear') - base + 1 }, (_, k) => base + k);
}

/** One run over a timeline; `levers` false puts every lever at 0 (the comparator). */
function run(t, n, levers) {
  const v = (id) => t.get(id);
  const zero = new Float64Array(n);
  const l = (id) => (levers ? t.get(id) : zero);
  const bw = HOSTS.map((h) => v(`baseWorkers.${h}`)[0]);
  const wage = HOSTS.map((h) => v(`wage.${h}`)[0]);
  const months = v('monthsWorked')[0];
  const take = v('stateTakeShare')[0];
  let bottomUp = 0;
  for (let i = 0; i < 3; i++) bottomUp += bw[i] * wage[i] * months * take;
  // Anchoring scales from at least a dollar of bottom-up revenue; below, nothing is earned.
  const anchored = v('anchorToEstimate')[0] === 1;
  const scale = !anchored ? 1 : bottomUp >= 1 ? v('estimateRevenueUsd')[0] / bottomUp : 0;
  const per = wage.map((w) => w * months * take * scale);
  const wages = HOSTS.map((h) => v(`wage.${h}`));
  const total = bw[0] + bw[1] + bw[2];
  const tau = v('rotationRate')[0];
  const perDesignation = v('workersPerDesignation')[0];
  const open = v('borderOpen');
  const designations = l('designationsPerYear');
  const clarification = l('visaClarification');
  const out = HOSTS.map(() => ({ workers: new Float64Array(n), arrivals: new Float64Array(n), revenueUsd: new Float64Array(n), permitted: new Float64Array(n), disguised: new Float64Array(n) }));
  for (let i = 0; i < 3; i++) {
    const h = HOSTS[i];
    const coop = l(`designationCooperation.${h}`);
    const enforce = l(`visaEnforcement.${h}`);
    const rep = l(`repatriation.${h}`);
    const ban = l(`permitBan.${h}`);
    const adopt = v(`clarificationAdoption.${h}`);
    const demand = v(`demand.${h}`);
    const loophole = v(`loopholeShare.${h}`);
    const s = out[i];
    let P = bw[i];
    let D = 0;
    for (let k = 0; k < n; k++) {
      const o = open[k];
      const coverage = total > 0 ? 1 - Math.exp(-designations[k] * perDesignation / total) : 0;
      const q = coop[k] * coverage;
      const p = rep[k];
      const b = ban[k];
      const va = 1 - (1 - enforce[k]) * (1 - clarification[k] * adopt[k]);
      const stayP = P * (1 - tau * o) * (1 - p * o) * (1 - q * o);
      const stayD = D * (1 - tau * o) * (1 - p * va * o) * (1 - q * o);
      const gap = Math.max(0, bw[i] * demand[k] - stayP - stayD) * o;
      const newP = gap * (1 - b) * (1 - q);
      const newD = (gap - newP) * loophole[k] * (1 - b * va) * (1 - q);
      s.permitted[k] = P;
      s.disguised[k] = D;
      s.workers[k] = P + D;
      s.arrivals[k] = newP + newD;
      s.revenueUsd[k] = wages[i][k] * months * take * scale * (P + D + stayP + newP + stayD + newD) / 2;
      P = stayP + newP;
      D = stayD + newD;
    }
  }
  return { hosts: out, scale, bottomUp, per };
}

const sumHosts = (hosts, key, n) => {
  const a = new Array(n);
  for (let k = 0; k < n; k++) a[k] = hosts[0][key][k] + hosts[1][key][k] + hosts[2][key][k];
  return a;
};
const sum = (xs) => xs.reduce((a, b) => a + b, 0);

/** evaluate(): the same object shape as the wasm module's. */
export function evaluateReference(parameters, scenario) {
  const years = yearsOf(parameters, scenario);
  const n = years.length;
  const t = timeline(parameters, scenario, years);
  const s = run(t, n, true);
  const c = run(t, n, false);
  const revenueUsd = sumHosts(s.hosts, 'revenueUsd', n);
  const compared = sumHosts(c.hosts, 'revenueUsd', n);
  const cumulative = sum(revenueUsd);
  const cumulativeCompared = sum(compared);
  return {
    years,
    workers: sumHosts(s.hosts, 'workers', n), permitted: sumHosts(s.hosts, 'permitted', n), disguised: sumHosts(s.hosts, 'disguised', n), arrivals: sumHosts(s.hosts, 'arrivals', n), revenueUsd,
    hosts: s.hosts.map((x, i) => ({ id: HOSTS[i], permitted: [...x.permitted], disguised: [...x.disguised], workers: [...x.workers], arrivals: [...x.arrivals], revenueUsd: [...x.revenueUsd] })),
    comparator: { workers: sumHosts(c.hosts, 'workers', n), arrivals: sumHosts(c.hosts, 'arrivals', n), revenueUsd: compared, hosts: c.hosts.map((x, i) => ({ id: HOSTS[i], workers: [...x.workers], arrivals: [...x.arrivals], revenueUsd: [...x.revenueUsd] })) },
    summary: { finalYearRevenueUsd: revenueUsd[n - 1], cumulativeRevenueUsd: cumulative, cumulativeDeniedUsd: cumulativeCompared - cumulative, deniedShare: cumulativeCompared > 0 ? (cumulativeCompared - cumulative) / cumulativeCompared : 0 },
    calibration: { bottomUpRevenueUsd: s.bottomUp, scale: s.scale, perWorkerUsd: s.per },
  };
}

/** A seeded uniform generator (mulberry32). */
function uniform(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The quantile u of a triangular distribution (low, mode, high). */
function triangular(u, low, mode, high) {
  if (high <= low) return mode;
  const f = (mode - low) / (high - low);
  return u < f ? low + Math.sqrt(u * (high - low) * (mode - low)) : high - Math.sqrt((1 - u) * (high - low) * (high - mode));
}

/**
 * uncertainty(): every assumption with a range drawn from its triangular distribution, one
 * quantile per draw applied to each of its years, then percentiles 5-95 of yearly revenue and
 * workers by sorting each year's draws.
 */
export function uncertaintyReference(parameters, scenario, draws, seed) {
  const years = yearsOf(parameters, scenario);
  const n = years.length;
  const base = timeline(parameters, scenario, years);
  const sampled = parameters.filter((p) => p.kind === 'assumption' && p.low !== null);
  const next = uniform(seed);
  const revenue = years.map(() => new Float64Array(draws));
  const workers = years.map(() => new Float64Array(draws));
  for (let d = 0; d < draws; d++) {
    const t = new Map(base);
    for (const p of sampled) {
      const u = next();
      const row = new Float64Array(n);
      const given = base.get(p.id);
      for (let k = 0; k < n; k++) row[k] = triangular(u, Math.min(p.low, given[k]), given[k], Math.max(p.high, given[k]));
      t.set(p.id, row);
    }
    const r = run(t, n, true);
    for (let k = 0; k < n; k++) {
      revenue[k][d] = r.hosts[0].revenueUsd[k] + r.hosts[1].revenueUsd[k] + r.hosts[2].revenueUsd[k];
      workers[k][d] = r.hosts[0].workers[k] + r.hosts[1].workers[k] + r.hosts[2].workers[k];
    }
  }
  const q = (sorted, f) => {
    const h = (sorted.length - 1) * f;
    const lo = Math.floor(h);
    return sorted[lo] + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)]) - sorted[lo]);
  };
  const bands = (rows) => {
    const out = { p5: [], p25: [], p50: [], p75: [], p95: [] };
    for (const row of rows) {
      const s = row.slice().sort();
      out.p5.push(q(s, 0.05)); out.p25.push(q(s, 0.25)); out.p50.push(q(s, 0.5)); out.p75.push(q(s, 0.75)); out.p95.push(q(s, 0.95));
    }
    return out;
  };
  return { years, draws, revenueUsd: bands(revenue), workers: bands(workers) };
}
