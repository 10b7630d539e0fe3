// Results on screen: headline figures, the summary sentence, the calibration note, the two
// charts with their legends and read-outs, and the data table. Shared by the page and the
// embeds; everything is built with DOM methods, never from HTML strings, and updated in
// place, so that a slider move rewrites text and path data only.
import { el, INK, MUTED } from './chart.js';
import { h } from './dom.js';
import { usd, workers, count, percent, axisUsd, axisWorkers, paramValue } from './format.js';
import { matchingPreset } from './state.js';

const HOST_COLORS = new Map([['china', '#0072b2'], ['russia', '#d55e00'], ['other', '#007a5a']]);
const COMPARE_COLOR = '#7a3ea1';
const BAND_COLOR = '#0072b2';
const hostColor = (id) => HOST_COLORS.get(id) ?? MUTED;

/** The focused series of a projection: one host's, or the totals. */
export function focus(results, p = results.projection) {
  const h = results.host && p.hosts.find((x) => x.id === results.host.id);
  return h ?? p;
}

/** Sum of a yearly series from the window's first year to the end. */
function windowSum(results, values) {
  const i0 = results.from - results.projection.years[0];
  let s = 0;
  for (let i = i0; i < values.length; i++) s += values[i];
  return s;
}

/** The headline numbers of a result: what the cards, the sentence and the explanation say. */
export function figures(results) {
  const { projection: p, comparison } = results;
  const mine = focus(results);
  const theirs = focus(results, comparison);
  const last = p.years.length - 1;
  const revenue = windowSum(results, mine.revenueUsd);
  const compared = windowSum(results, theirs.revenueUsd);
  return {
    from: results.from,
    to: p.years[last],
    revenue,
    compared,
    denied: compared - revenue,
    deniedShare: compared > 0 ? (compared - revenue) / compared : 0,
    finalRevenue: mine.revenueUsd[last],
    comparedFinalRevenue: theirs.revenueUsd[last],
    finalWorkers: mine.workers[last],
    finalDisguised: mine.disguised[last],
    comparedFinalWorkers: theirs.workers[last],
  };
}

/**
 * Each lever's line for the host in focus, from `leverEffects`: what the lever at its
 * maximum from the policy year cuts, and, where that is under 1%, the parameter that
 * closes its channel and what opening it would do. A lever already at its maximum has none.
 */
export function effectLines(reg, effects, results) {
  const span = `${results.from}–${results.projection.years.at(-1)}`;
  const whose = results.host ? `revenue from ${results.host.phrase}` : 'revenue';
  const lines = new Map();
  for (const e of effects) {
    if (e.atMax) continue;
    const cut = `At its maximum from ${results.from}, this lever cuts ${whose} ${span} by ${percent(e.cutShare, 1)}`;
    const g = e.blockedBy;
    if (!g) {
      lines.set(e.id, `${cut}.`);
      continue;
    }
    const gate = reg.byId.get(g.id);
    lines.set(e.id, `${cut}: "${gate.label}" at ${paramValue(gate, g.value)} closes its channel. With it at ${paramValue(gate, g.open)} as well, this lever would cut ${percent(g.cutShare, 1)}.`);
  }
  return lines;
}

/** A label inside a sentence: its first letter small. */
export function lower(label) {
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** Where a result is about: "its workers abroad" or "its workers in Russia". */
function where(results) {
  return results.host ? `in ${results.host.phrase}` : 'abroad';
}

/** One plain-language sentence for the scenario. */
export function sentence(results, label) {
  const f = figures(results);
  const c = results.compareLabel;
  const span = f.from === f.to ? `in ${f.to}` : `from ${f.from} to ${f.to}`;
  let text = `Under ${label}, North Korea's state takes ${usd(f.revenue)} ${span} from its workers ${where(results)}`;
  if (Math.abs(f.denied) < 0.5) text += `, as much as under ${lower(c)}.`;
  else text += `, ${usd(Math.abs(f.denied))} (${percent(Math.abs(f.deniedShare))}) ${f.denied > 0 ? 'less' : 'more'} than under ${lower(c)}.`;
  const share = f.finalWorkers > 0 ? f.finalDisguised / f.finalWorkers : 0;
  text += ` ${workers(f.finalWorkers)} workers remain ${where(results)} in ${f.to}` + (f.finalWorkers > 0 ? `, ${percent(share)} of them on non-work visas.` : '.');
  return text;
}

/** How the summary sentence names a scenario: by its preset, if its values match one. */
export function scenarioLabel(reg, scenario) {
  const preset = matchingPreset(reg, scenario);
  return preset ? `the scenario "${preset.label}"` : 'these choices';
}

/**
 * The headline cards, built once and updated in place: `headline(container, { compact,
 * explain })` returns { cards, update(results) }. With `explain`, each card has a
 * disclosure ("How this is made") whose body the caller fills: card.details, card.body.
 */
export function headline(container, { compact = false, explain = false } = {}) {
  const cards = [];
  const card = (key) => {
    const label = h('p', { class: 'figure-label' });
    const value = h('p', { class: 'figure-value' });
    const note = h('p', { class: 'figure-note' });
    const body = explain ? h('div', { class: 'explain-body' }) : null;
    const details = explain ? h('details', { class: 'explain' }, h('summary', {}, 'How this is made', h('span', { class: 'sr-only', text: `: ${key === 'revenue' ? 'revenue' : key === 'denied' ? 'revenue denied' : key === 'workers' ? 'workers' : 'revenue in the final year'}` })), body) : null;
    const node = h('div', { class: 'figure', 'data-figure': key }, label, value, note, details);
    cards.push({ key, label, value, note, details, body });
    return node;
  };
  const keys = compact ? ['revenue', 'denied'] : ['revenue', 'denied', 'workers', 'final'];
  container.replaceChildren(...keys.map(card));
  const set = (node, text) => {
    if (node.textContent !== text) node.textContent = text;
  };
  return {
    container,
    cards,
    update(results) {
      const f = figures(results);
      const c = results.compareLabel;
      const span = f.from === f.to ? `${f.to}` : `${f.from}–${f.to}`;
      const at = results.host ? ` ${where(results)}` : '';
      for (const { key, label, value, note } of cards) {
        if (key === 'revenue') {
          set(label, `Revenue to the state${at}, ${span}`);
          set(value, usd(f.revenue));
          set(note, `${c}: ${usd(f.compared)}`);
        } else if (key === 'denied') {
          set(label, f.denied >= 0 ? `Revenue denied${at}, ${span}` : `Revenue added${at}, ${span}`);
          set(value, usd(Math.abs(f.denied)));
          set(note, `${percent(Math.abs(f.deniedShare))} of ${usd(f.compared)} under ${lower(c)}`);
        } else if (key === 'workers') {
          set(label, `Workers ${where(results)} in ${f.to}`);
          set(value, workers(f.finalWorkers));
          set(note, `${workers(f.finalDisguised)} on non-work visas; ${c}: ${workers(f.comparedFinalWorkers)}`);
        } else {
          set(label, `Revenue${at} in ${f.to}`);
          set(value, usd(f.finalRevenue));
          set(note, `${c}: ${usd(f.comparedFinalRevenue)}`);
        }
      }
    },
  };
}

/** The calibration gap, stated beside the results; rebuilt only when it changes (a lever
 *  never changes it). */
export function calibration(container, projection, methodology = 'methodology.html') {
  const c = projection.calibration;
  const key = [c.bottomUpRevenueUsd, c.estimateRevenueUsd, c.scale, c.anchored, methodology].join('|');
  if (container.dataset.key === key) return;
  container.dataset.key = key;
  container.replaceChildren(
    h('p', {},
      h('strong', { text: 'Calibration. ' }),
      `Wages as reported give ${usd(c.bottomUpRevenueUsd)} a year in the base year; the published estimate is ${usd(c.estimateRevenueUsd)}. `,
      c.anchored
        ? `Anchoring is on: revenue per worker is scaled by ×${c.scale.toFixed(3)} so the base year matches the estimate.`
        : 'Anchoring is off: revenue comes from the wages as reported (scale ×1).',
      ' ',
      methodology && h('a', { href: `${methodology}#the-calibration-gap`, text: 'Why they differ' }),
    ),
  );
}

/** A legend: swatches drawn as tiny SVG lines or areas. */
export function legend(container, items) {
  const key = items.map((i) => i.join('|')).join(';');
  if (container.dataset.key === key) return;
  container.dataset.key = key;
  container.replaceChildren(...items.map(([label, color, kind]) => {
    const svg = el('svg', { width: 26, height: 12, 'aria-hidden': 'true', focusable: 'false' });
    if (kind === 'band') el('rect', { x: 1, y: 1, width: 24, height: 10, fill: color, 'fill-opacity': 0.3 }, svg);
    else if (kind === 'record') el('rect', { x: 1, y: 1, width: 24, height: 10, fill: '#f1f1f1', stroke: '#c8c8c8' }, svg);
    else if (kind === 'marker') el('rect', { x: 9, y: 2, width: 8, height: 8, fill: '#fff', stroke: color, 'stroke-width': 2, transform: 'rotate(45 13 6)' }, svg);
    else el('line', { x1: 1, x2: 25, y1: 6, y2: 6, stroke: color, 'stroke-width': kind === 'thick' ? 3 : 2, 'stroke-dasharray': kind === 'dash' ? '5 3' : kind === 'dot' ? '2 3' : null }, svg);
    return h('span', { class: 'key' }, svg, label);
  }));
}

/** When an observation applies, in words: "2017", "October 2024", "2024 to April 2025". */
export function observedWhen(o) {
  const month = (d) => ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][Number(d.slice(5, 7)) - 1];
  const year = (d) => Number(d.slice(0, 4));
  if (o.measurement === 'stock') return o.from.endsWith('-01') ? `start of ${year(o.from)}` : `${month(o.from)} ${year(o.from)}`;
  const lastMonth = new Date(Date.UTC(year(o.to), Number(o.to.slice(5, 7)) - 2, 1));
  const endYear = lastMonth.getUTCFullYear();
  if (o.from.endsWith('-01') && o.to === `${year(o.from) + 1}-01`) return String(year(o.from));
  const end = lastMonth.getUTCMonth() === 11 ? `${endYear}` : `${month(`${endYear}-${String(lastMonth.getUTCMonth() + 1).padStart(2, '0')}`)} ${endYear}`;
  return `${o.from.endsWith('-01') ? year(o.from) : `${month(o.from)} ${year(o.from)}`} to ${end}`;
}

/** Where an observation sits on the time axis, as a fractional year; null if not charted. */
function markerYear(o) {
  const y = Number(o.from.slice(0, 4)) + (Number(o.from.slice(5, 7)) - 1) / 12;
  if (o.measurement === 'stock') return y;
  return o.from.endsWith('-01') && o.to === `${Number(o.from.slice(0, 4)) + 1}-01` ? y : null;
}

function markers(observations, sourceById, wanted, years, color, format) {
  return observations
    .filter((o) => wanted(o.series))
    .map((o) => ({ o, at: markerYear(o) }))
    .filter(({ at }) => at !== null && at >= years[0] && at <= years[years.length - 1])
    .map(({ o, at }) => {
      const src = sourceById.get(o.source);
      const high = o.high ?? o.value;
      const value = o.high === null ? `at least ${format(o.low)}` : o.low === o.high ? format(o.value) : `${format(o.value)} (${format(o.low)} to ${format(o.high)})`;
      return {
        year: at, value: o.value, low: o.low, high, color: color(o.series),
        label: `Observed, ${o.series.replace('.', ' ')}, ${observedWhen(o)}: ${value}. ${o.counted} Source: ${src ? `${src.title}, ${src.publisher}, ${src.date}` : o.source}.`,
      };
    });
}

/** The revenue chart: scenario, comparator, no enforcement, bands, markers. */
export function revenueChart(chart, results, { width, observations, sourceById, showMarkers }) {
  const { projection: p, comparison, comparePreset, band } = results;
  const mine = focus(results);
  const bands = band && (results.host ? band.hosts.find((x) => x.id === results.host.id) : band);
  const series = [];
  if (comparePreset.id !== 'noEnforcement') series.push({ key: 'none', label: 'No enforcement', values: focus(results, { ...p, hosts: p.comparator.hosts, revenueUsd: p.comparator.revenueUsd }).revenueUsd, color: MUTED, dash: '6 4', width: 1.5 });
  series.push({ key: 'compare', label: results.compareLabel, values: focus(results, comparison).revenueUsd, color: COMPARE_COLOR, dash: '2 3', width: 2 });
  series.push({ key: 'scenario', label: 'This scenario', values: mine.revenueUsd, color: INK, width: 2.5 });
  const last = p.years.length - 1;
  const scope = results.host ? results.host.id : 'all';
  return chart.update({
    width, years: p.years, title: `Revenue to the state${results.host ? ` from workers ${where(results)}` : ''}, per year`,
    desc: `From ${usd(mine.revenueUsd[0])} in ${p.years[0]} to ${usd(mine.revenueUsd[last])} in ${p.years[last]}; ${results.compareLabel}: ${usd(focus(results, comparison).revenueUsd[last])} in ${p.years[last]}. Years to ${results.recordEnd} are the record.`,
    yLabel: 'USD per year', yFormat: axisUsd, valueFormat: usd, series,
    bands: bands ? [
      { key: 'outer', label: '5–95% band', lo: bands.revenueUsd.p5, hi: bands.revenueUsd.p95, color: BAND_COLOR, opacity: 0.15 },
      { key: 'inner', label: '25–75% band', lo: bands.revenueUsd.p25, hi: bands.revenueUsd.p75, color: BAND_COLOR, opacity: 0.3 },
    ] : [],
    markers: showMarkers ? markers(observations, sourceById, (s) => s === `${scope}.revenueUsd`, p.years, () => INK, usd) : [],
    recordEnd: results.recordEnd, policyYear: results.from,
  });
}

export function revenueLegend(container, results, showMarkers) {
  const items = [['This scenario', INK, 'thick'], [results.compareLabel, COMPARE_COLOR, 'dot']];
  if (results.comparePreset.id !== 'noEnforcement') items.push(['No enforcement', MUTED, 'dash']);
  if (results.band) items.push([`Uncertainty: 25–75% (dark) and 5–95% (light), ${count(results.band.draws)} draws`, BAND_COLOR, 'band']);
  items.push([`The record, to ${results.recordEnd}`, INK, 'record']);
  if (showMarkers) items.push(['Observed figure', INK, 'marker']);
  legend(container, items);
}

/** The workers chart: each host's permitted (solid) and disguised (dashed), and the total. */
export function workersChart(chart, results, { width, observations, sourceById, showMarkers }) {
  const { projection: p, comparison, comparePreset } = results;
  const hosts = results.host ? [results.host] : p.hosts;
  const series = [];
  for (const host of hosts) {
    const hs = p.hosts.find((x) => x.id === host.id);
    series.push({ key: `${host.id}:permitted`, label: `${host.label}, work permits`, values: hs.permitted, color: hostColor(host.id), width: 2 });
    series.push({ key: `${host.id}:disguised`, label: `${host.label}, other visas`, values: hs.disguised, color: hostColor(host.id), dash: '5 4', width: 2 });
  }
  const mine = focus(results);
  series.push({ key: 'compare', label: `${results.compareLabel}, all`, values: focus(results, comparison).workers, color: COMPARE_COLOR, dash: '2 3', width: 2 });
  series.push({ key: 'scenario', label: results.host ? `All workers ${where(results)}` : 'All workers abroad', values: mine.workers, color: INK, width: 2.5 });
  const scope = new Set(results.host ? [results.host.id] : ['all', ...p.hosts.map((x) => x.id)]);
  const last = p.years.length - 1;
  return chart.update({
    width, years: p.years, title: `Workers ${where(results)}${results.host ? '' : ', by host'}`,
    desc: `${workers(mine.workers[0])} workers ${where(results)} at the start of ${p.years[0]}, ${workers(mine.workers[last])} at the start of ${p.years[last]}, ${workers(mine.disguised[last])} of them on non-work visas. Years to ${results.recordEnd} are the record.`,
    yLabel: 'workers at the start of each year', yFormat: axisWorkers, valueFormat: workers, series,
    markers: showMarkers ? markers(observations, sourceById, (s) => scope.has(s.split('.')[0]) && /\.(workers|permitted|disguised)$/.test(s), p.years, (s) => hostColor(s.split('.')[0]) === MUTED ? INK : hostColor(s.split('.')[0]), workers) : [],
    recordEnd: results.recordEnd, policyYear: results.from,
  });
}

export function workersLegend(container, results, showMarkers) {
  const items = [[results.host ? `All workers ${where(results)}` : 'All workers abroad', INK, 'thick']];
  for (const host of results.host ? [results.host] : results.projection.hosts) {
    items.push([`${host.label}: permits`, hostColor(host.id), 'line'], [`${host.label}: other visas`, hostColor(host.id), 'dash']);
  }
  items.push([`${results.compareLabel}, all`, COMPARE_COLOR, 'dot']);
  if (showMarkers) items.push(['Observed figure', INK, 'marker']);
  legend(container, items);
}

/**
 * Pointer and keyboard read-outs for a chart in `box` (the SVG and a `.tip` element).
 * `current()` returns the chart.
 */
export function attachReadout(box, current) {
  const svg = box.querySelector('svg');
  const tip = box.querySelector('.tip');
  let index = null;
  const scale = () => svg.viewBox.baseVal.width / svg.getBoundingClientRect().width || 1;
  function show(i) {
    const chart = current();
    if (!chart) return;
    index = i;
    const r = chart.readout(i);
    tip.replaceChildren(h('strong', { text: r.title }), ...r.rows.map(([label, value, color]) => {
      const sw = el('svg', { width: 10, height: 10, 'aria-hidden': 'true' });
      el('rect', { width: 10, height: 10, fill: color }, sw);
      return h('div', {}, sw, ` ${label}: `, h('b', { text: value }));
    }));
    tip.hidden = false;
    place(r.x / scale());
  }
  function place(px) {
    const boxWidth = box.clientWidth;
    const left = px + 12 + tip.offsetWidth > boxWidth ? Math.max(0, px - 12 - tip.offsetWidth) : px + 12;
    tip.style.left = `${left}px`;
  }
  function hide() {
    tip.hidden = true;
    current()?.hide();
  }
  svg.addEventListener('pointermove', (e) => {
    if (e.target.closest?.('.marker')) return;
    const chart = current();
    const rect = svg.getBoundingClientRect();
    show(chart.nearest((e.clientX - rect.left) * scale()));
  });
  svg.addEventListener('pointerleave', hide);
  svg.addEventListener('focus', () => show(index ?? 0));
  svg.addEventListener('blur', hide);
  svg.addEventListener('keydown', (e) => {
    const chart = current();
    if (!chart) return;
    const n = chart.nearest(Infinity) + 1;
    const moves = new Map([['ArrowRight', 1], ['ArrowUp', 1], ['ArrowLeft', -1], ['ArrowDown', -1]]);
    if (moves.has(e.key)) show(Math.max(0, Math.min(n - 1, (index ?? 0) + moves.get(e.key))));
    else if (e.key === 'Home') show(0);
    else if (e.key === 'End') show(n - 1);
    else if (e.key === 'Escape') hide();
    else return;
    e.preventDefault();
  });
  // Observation markers: their label on focus or hover.
  const markerTip = (g) => {
    tip.replaceChildren(h('p', { text: g.getAttribute('aria-label') }));
    tip.hidden = false;
    const rect = g.getBoundingClientRect();
    place(rect.left - box.getBoundingClientRect().left);
  };
  svg.addEventListener('focusin', (e) => { const g = e.target.closest?.('.marker'); if (g) markerTip(g); });
  svg.addEventListener('focusout', (e) => { if (e.target.closest?.('.marker')) hide(); });
  svg.addEventListener('pointerover', (e) => { const g = e.target.closest?.('.marker'); if (g) markerTip(g); });
  return { refresh: () => { if (!tip.hidden && index !== null && document.activeElement === svg) show(index); } };
}
