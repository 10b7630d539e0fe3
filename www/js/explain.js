// "How this figure is made": each headline figure taken apart from the projection itself,
// never from text written by hand. Revenue is worker-years times revenue per worker-year,
// host by host; a difference is the comparator's figure minus the scenario's; the levers
// that differ from the comparator are listed in words; the assumptions that move the
// figure most come from the tornado, with their sources.
import { h } from './dom.js';
import { usd, workers, percent, paramValue, valueInWords } from './format.js';
import { runsOf, sameValue } from './schedule.js';
import { figures, lower } from './render.js';

const OUTPUT = new Map([['revenue', 'cumulativeRevenueUsd'], ['denied', 'cumulativeRevenueUsd'], ['final', 'finalYearRevenueUsd']]);

/** The sensitivity output that a headline figure's tornado uses, or null for none. */
export function outputFor(key) {
  return OUTPUT.get(key) ?? null;
}

/**
 * Each focused host's part of revenue over years i0..i1 (inclusive): worker-years (the
 * average number present in each year, summed), revenue per worker-year (their average
 * over the years, as the wage changes by year), revenue, and the last year's index.
 */
export function revenueParts(results, i0, i1) {
  const p = results.projection;
  const hosts = results.host ? p.hosts.filter((x) => x.id === results.host.id) : p.hosts;
  return hosts.map((host) => {
    let revenue = 0;
    let workerYears = 0;
    for (let i = i0; i <= i1; i++) {
      revenue += host.revenueUsd[i];
      if (host.perWorkerUsd[i] > 0) workerYears += host.revenueUsd[i] / host.perWorkerUsd[i];
    }
    return { host, perWorker: workerYears > 0 ? revenue / workerYears : host.perWorkerUsd[i1], workerYears, revenue, last: i1 };
  });
}

function table(caption, head, rows, total) {
  return h('div', { class: 'table-wrap' }, h('table', {},
    h('caption', { text: caption }),
    h('thead', {}, h('tr', {}, ...head.map((t) => h('th', { scope: 'col', text: t })))),
    h('tbody', {}, ...rows.map((r) => h('tr', {}, h('th', { scope: 'row', text: r[0] }), ...r.slice(1).map((t) => h('td', { text: t }))))),
    total ? h('tfoot', {}, h('tr', {}, h('th', { scope: 'row', text: total[0] }), ...total.slice(1).map((t) => h('td', { text: t })))) : null,
  ));
}

/** "Russia in 2030: $1,000 a month × 11 months × 75% to the state × scale ×1.303 = $10,753 a
 *  worker-year." (the last year of the window; the wage changes by year). */
function perWorkerLine(reg, scenario, results, part) {
  const c = results.projection.calibration;
  const id = part.host.id;
  const wage = reg.byId.get(`wage.${id}`);
  const months = reg.byId.get('monthsWorked');
  const year = results.projection.years[part.last];
  const scale = c.anchored ? ` × calibration scale ×${c.scale.toFixed(3)}` : '';
  return `${part.host.label} in ${year}: ${paramValue(wage, results.byYear(wage.id)[part.last])} × ${paramValue(months, scenario.monthsWorked)} × ${percent(scenario.stateTakeShare)} to the state${scale} = ${usd(part.host.perWorkerUsd[part.last])} per worker-year.`;
}

/** The levers whose values differ between the scenario and the comparator, in words. */
function leverChanges(reg, results, scenario, comparisonScenario, first, theirsByYear) {
  const items = [];
  for (const p of reg.parameters) {
    if (p.kind !== 'lever' || sameValue(scenario[p.id], comparisonScenario[p.id])) continue;
    const mine = runsOf(results.byYear(p.id), first);
    const theirs = runsOf(theirsByYear(p.id), first);
    items.push(h('li', {}, h('strong', { text: p.label }), `: ${valueInWords(p, mine)}; under ${lower(results.compareLabel)}: ${valueInWords(p, theirs)}.`));
  }
  return items.length
    ? [h('p', { text: `Levers set differently from ${lower(results.compareLabel)}:` }), h('ul', {}, ...items)]
    : [h('p', { text: `Every lever is as under ${lower(results.compareLabel)}.` })];
}

/** The assumptions that move the figure most (top three of the tornado), with sources. */
function drivers(reg, sensitivity, methodology) {
  if (!sensitivity) return [];
  const items = sensitivity.bars.slice(0, 3).map((b) => {
    const p = reg.byId.get(b.id);
    const sources = p.sources.map((id) => reg.sourceById.get(id)).filter(Boolean);
    return h('li', {},
      h('strong', { text: b.label }),
      `: from ${usd(Math.min(b.outputAtLow, b.outputAtHigh))} to ${usd(Math.max(b.outputAtLow, b.outputAtHigh))} across ${paramValue(p, b.low)} to ${paramValue(p, b.high)}. Sources: `,
      ...sources.flatMap((s, i) => [i ? '; ' : '', methodology ? h('a', { href: `${methodology}#source-${s.id}`, text: `${s.title} (${s.date})` }) : `${s.title} (${s.date})`]),
      '.');
  });
  return [h('p', { text: 'The assumptions that move this figure most, each across its plausible range with the others as set:' }), h('ul', {}, ...items)];
}

/**
 * The explanation of one headline figure ('revenue', 'denied', 'workers' or 'final'), as
 * nodes. `comparisonScenario` is the comparator's scenario; `sensitivity` the tornado for
 * `outputFor(key)` over the same window and host (null for workers).
 */
export function explainFigure(key, { api, reg, results, scenario, comparisonScenario, sensitivity, methodology = 'methodology.html' }) {
  const f = figures(results);
  const p = results.projection;
  const years = p.years;
  const i0 = f.from - years[0];
  const last = years.length - 1;
  const out = [];
  const first = years[0];
  const span = f.from === f.to ? `${f.to}` : `${f.from}–${f.to}`;
  if (key === 'revenue' || key === 'final') {
    const [a, b] = key === 'revenue' ? [i0, last] : [last, last];
    const parts = revenueParts(results, a, b);
    const total = parts.reduce((s, x) => s + x.revenue, 0);
    out.push(h('p', { text: `Revenue is the workers present times what the state takes from each, host by host${key === 'revenue' ? `, summed over ${span}` : ` in ${f.to}`}.` }));
    out.push(table(`Revenue to the state, ${key === 'revenue' ? span : f.to}`, ['Host', 'Worker-years', 'Per worker-year', 'Revenue'],
      parts.map((x) => [x.host.label, workers(x.workerYears), usd(x.perWorker), usd(x.revenue)]),
      parts.length > 1 ? ['Total', workers(parts.reduce((s, x) => s + x.workerYears, 0)), '', usd(total)] : null));
    out.push(h('p', { class: 'hint', text: 'A worker-year is one worker present for a year: the average of the stocks at the start and end of each year, summed over the years.' }));
    out.push(h('ul', {}, ...parts.map((x) => h('li', { text: perWorkerLine(reg, scenario, results, x) }))));
  } else if (key === 'denied') {
    const hosts = results.host ? [results.host.id] : p.hosts.map((x) => x.id);
    const rows = hosts.map((id) => {
      const a = p.hosts.find((x) => x.id === id);
      const c = results.comparison.hosts.find((x) => x.id === id);
      let sa = 0;
      let sc = 0;
      for (let i = i0; i <= last; i++) {
        sa += a.revenueUsd[i];
        sc += c.revenueUsd[i];
      }
      return [a.label, usd(sc), usd(sa), usd(sc - sa)];
    });
    out.push(h('p', { text: `Revenue denied is the revenue under ${lower(results.compareLabel)} minus this scenario's, ${span}: ${usd(f.compared)} − ${usd(f.revenue)} = ${usd(f.denied)}, ${percent(Math.abs(f.deniedShare), 1)} of ${usd(f.compared)}.` }));
    out.push(table(`Revenue ${span}, by host`, ['Host', results.compareLabel, 'This scenario', 'Difference'], rows,
      rows.length > 1 ? ['Total', usd(f.compared), usd(f.revenue), usd(f.denied)] : null));
  } else {
    const hosts = results.host ? p.hosts.filter((x) => x.id === results.host.id) : p.hosts;
    const c = results.comparison;
    out.push(h('p', { text: `Workers are counted at the start of ${f.to}: those on work permits plus those on other visas.` }));
    out.push(table(`Workers at the start of ${f.to}`, ['Host', 'On permits', 'On other visas', 'All', results.compareLabel],
      hosts.map((x) => [x.label, workers(x.permitted[last]), workers(x.disguised[last]), workers(x.workers[last]), workers(c.hosts.find((y) => y.id === x.id).workers[last])]),
      hosts.length > 1 ? ['Total', workers(p.permitted[last]), workers(p.disguised[last]), workers(p.workers[last]), workers(c.workers[last])] : null));
  }
  const theirs = api.timeline(comparisonScenario);
  const theirsByYear = (id) => theirs.subarray(reg.rowOf.get(id) * years.length, (reg.rowOf.get(id) + 1) * years.length);
  out.push(...leverChanges(reg, results, scenario, comparisonScenario, first, theirsByYear));
  out.push(...drivers(reg, sensitivity, methodology));
  return out;
}
