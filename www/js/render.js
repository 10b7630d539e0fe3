// Results on screen: headline figures, the summary sentence, the calibration note, the two
// charts with their legends and read-outs, and the data table. Shared by the page and the
// embeds; everything is built with DOM methods, never from HTML strings.
import { el, lineChart, INK, MUTED } from './chart.js';
import { h } from './controls.js';
import { usd, workers, percent, axisUsd, axisWorkers } from './format.js';
import { matchingPreset } from './state.js';

const HOST_COLORS = { china: '#0072b2', russia: '#d55e00', other: '#007a5a' };
const COMPARE_COLOR = '#7a3ea1';
const BAND_COLOR = '#0072b2';

/** Everything the page shows for a state. */
export function compute(api, state) {
  const reg = api.registry;
  const projection = api.evaluate(state.scenario);
  const comparePreset = reg.presets.find((p) => p.id === state.view.compare);
  const comparison = comparePreset && comparePreset.id !== 'noEnforcement' ? api.evaluate({ ...state.scenario, ...comparePreset.values }) : null;
  const band = state.view.band ? api.uncertainty(state.scenario, { draws: state.view.draws, seed: state.view.seed }) : null;
  return { projection, comparison, comparePreset, band };
}

/** The year shown as "now": this calendar year, kept inside the projection. */
function nowIndex(years) {
  const year = Math.min(Math.max(new Date().getFullYear(), years[0]), years[years.length - 1]);
  return years.indexOf(year);
}

/** One plain-language sentence for the scenario. */
export function sentence(results, label) {
  const { projection: p, comparison, comparePreset } = results;
  const s = p.summary;
  const [first, last] = [p.years[0], p.years[p.years.length - 1]];
  const disguisedShare = s.finalYearWorkers > 0 ? p.disguised[p.disguised.length - 1] / s.finalYearWorkers : 0;
  let text = `Under ${label}, North Korea's state takes ${usd(s.finalYearRevenueUsd)} in ${last} and ${usd(s.cumulativeRevenueUsd)} over ${first}–${last}, ` +
    (s.cumulativeDeniedUsd > 0 ? `${usd(s.cumulativeDeniedUsd)} (${percent(s.deniedShare)}) less than with no enforcement.` : 'as much as with no enforcement.');
  text += ` ${workers(s.finalYearWorkers)} workers remain abroad in ${last}` + (s.finalYearWorkers > 0 ? `, ${percent(disguisedShare)} of them on non-work visas.` : '.');
  if (comparison) {
    const d = comparison.summary.cumulativeRevenueUsd - s.cumulativeRevenueUsd;
    text += ` ${comparePreset.label} would ${d >= 0 ? `give it ${usd(d)} more` : `leave it ${usd(-d)} less`} over the same years.`;
  }
  return text;
}

function figure(label, value, ...notes) {
  return h('div', { class: 'figure' }, h('p', { class: 'figure-label', text: label }), h('p', { class: 'figure-value', text: value }), ...notes.filter(Boolean).map((n) => h('p', { class: 'figure-note', text: n })));
}

/** The headline figures. */
export function headline(container, results, { compact = false } = {}) {
  const { projection: p, comparison, comparePreset } = results;
  const s = p.summary;
  const last = p.years.length - 1;
  const now = nowIndex(p.years);
  const vs = comparison ? `${comparePreset.label}: ` : null;
  const items = [
    figure(`Revenue in ${p.years[last]}`, usd(s.finalYearRevenueUsd), comparison ? vs + usd(comparison.summary.finalYearRevenueUsd) : `No enforcement: ${usd(p.comparator.revenueUsd[last])}`),
    figure(`Revenue denied, ${p.years[0]}–${p.years[last]}`, usd(s.cumulativeDeniedUsd), `${percent(s.deniedShare)} of the ${usd(p.comparator.revenueUsd.reduce((a, b) => a + b, 0))} with no enforcement`, comparison && vs + `${usd(comparison.summary.cumulativeDeniedUsd)} denied`),
  ];
  if (!compact) {
    items.push(
      figure(`Workers abroad in ${p.years[now]}`, workers(p.workers[now]), `${workers(p.disguised[now])} on non-work visas`, comparison && vs + workers(comparison.workers[now])),
      figure(`Workers abroad in ${p.years[last]}`, workers(s.finalYearWorkers), `${workers(p.disguised[last])} on non-work visas`, comparison && vs + workers(comparison.summary.finalYearWorkers)),
    );
  }
  container.replaceChildren(...items);
}

/** The calibration gap, stated beside the results. */
export function calibration(container, projection, methodology = 'methodology.html') {
  const c = projection.calibration;
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
  container.replaceChildren(...items.map(([label, color, kind]) => {
    const svg = el('svg', { width: 26, height: 12, 'aria-hidden': 'true', focusable: 'false' });
    if (kind === 'band') el('rect', { x: 1, y: 1, width: 24, height: 10, fill: color, 'fill-opacity': 0.3 }, svg);
    else if (kind === 'marker') el('rect', { x: 9, y: 2, width: 8, height: 8, fill: '#fff', stroke: color, 'stroke-width': 2, transform: 'rotate(45 13 6)' }, svg);
    else el('line', { x1: 1, x2: 25, y1: 6, y2: 6, stroke: color, 'stroke-width': kind === 'thick' ? 3 : 2, 'stroke-dasharray': kind === 'dash' ? '5 3' : kind === 'dot' ? '2 3' : null }, svg);
    return h('span', { class: 'key' }, svg, label);
  }));
}

/** When an observation applies, in words: "2017", "end of 2018". */
function observedWhen(o) {
  return o.at === 'year' ? `${o.year}` : `${o.at} of ${o.year}`;
}

/** How the summary sentence names a scenario: by its preset, if its levers match one. */
export function scenarioLabel(reg, scenario) {
  const preset = matchingPreset(reg, scenario);
  return preset ? `the ${preset.label.toLowerCase()} scenario` : 'these choices';
}

/** Where an observation sits on the time axis: a stock at the end of a year is the next start. */
function markerYear(o) {
  return o.at === 'end' ? o.year + 1 : o.year;
}

function markers(observations, sourceById, series, years, color, format) {
  return observations
    .filter((o) => series(o.series) && markerYear(o) >= years[0] && markerYear(o) <= years[years.length - 1])
    .map((o) => {
      const src = sourceById.get(o.source);
      const when = observedWhen(o);
      const value = o.low === o.high ? format(o.value) : `${format(o.value)} (${format(o.low)} to ${format(o.high)})`;
      return {
        year: markerYear(o), value: o.value, low: o.low, high: o.high, color: color(o.series),
        label: `Observed, ${o.series.replace('.', ' ')}, ${when}: ${value}. ${o.counted} Source: ${src ? `${src.title}, ${src.publisher}, ${src.date}` : o.source}.`,
      };
    });
}

/** The revenue chart: scenario, comparator, optional comparison preset, bands, markers. */
export function revenueChart(svg, results, { width, observations, sourceById, showMarkers }) {
  const { projection: p, comparison, comparePreset, band } = results;
  const series = [{ label: 'No enforcement', values: p.comparator.revenueUsd, color: MUTED, dash: '6 4', width: 1.5 }];
  if (comparison) series.push({ label: comparePreset.label, values: comparison.revenueUsd, color: COMPARE_COLOR, dash: '2 3', width: 2 });
  series.push({ label: 'This scenario', values: p.revenueUsd, color: INK, width: 2.5 });
  const bands = band ? [
    { label: '5–95% band', lo: band.revenueUsd.p5, hi: band.revenueUsd.p95, color: BAND_COLOR, opacity: 0.15 },
    { label: '25–75% band', lo: band.revenueUsd.p25, hi: band.revenueUsd.p75, color: BAND_COLOR, opacity: 0.3 },
  ] : [];
  const last = p.years.length - 1;
  return lineChart(svg, {
    width, years: p.years, title: 'Revenue to the state, per year',
    desc: `From ${usd(p.revenueUsd[0])} in ${p.years[0]} to ${usd(p.revenueUsd[last])} in ${p.years[last]}, against ${usd(p.comparator.revenueUsd[last])} a year with no enforcement.`,
    yLabel: 'USD per year', yFormat: axisUsd, valueFormat: usd, series, bands,
    markers: showMarkers ? markers(observations, sourceById, (s) => s === 'all.revenueUsd', p.years, () => INK, usd) : [],
  });
}

export function revenueLegend(container, results, showMarkers) {
  const items = [['This scenario', INK, 'thick'], ['No enforcement', MUTED, 'dash']];
  if (results.comparison) items.push([results.comparePreset.label, COMPARE_COLOR, 'dot']);
  if (results.band) items.push([`Uncertainty: 25–75% (dark) and 5–95% (light), ${results.band.draws.toLocaleString('en-US')} draws`, BAND_COLOR, 'band']);
  if (showMarkers) items.push(['Observed figure', INK, 'marker']);
  legend(container, items);
}

/** The workers chart: total, and each host's permitted (solid) and disguised (dashed). */
export function workersChart(svg, results, { width, observations, sourceById, showMarkers }) {
  const { projection: p, comparison, comparePreset } = results;
  const series = [];
  for (const host of p.hosts) {
    series.push({ label: `${host.label}, work permits`, values: host.permitted, color: HOST_COLORS[host.id] ?? MUTED, width: 2 });
    series.push({ label: `${host.label}, other visas`, values: host.disguised, color: HOST_COLORS[host.id] ?? MUTED, dash: '5 4', width: 2 });
  }
  if (comparison) series.push({ label: `${comparePreset.label}, all`, values: comparison.workers, color: COMPARE_COLOR, dash: '2 3', width: 2 });
  series.push({ label: 'All workers abroad', values: p.workers, color: INK, width: 2.5 });
  const color = (s) => HOST_COLORS[s.split('.')[0]] ?? INK;
  const scope = new Set(['all', ...p.hosts.map((x) => x.id)]);
  const last = p.years.length - 1;
  return lineChart(svg, {
    width, years: p.years, title: 'Workers abroad, by host',
    desc: `${workers(p.workers[0])} workers abroad at the start of ${p.years[0]}, ${workers(p.workers[last])} at the start of ${p.years[last]}, ${workers(p.disguised[last])} of them on non-work visas.`,
    yLabel: 'workers at the start of each year', yFormat: axisWorkers, valueFormat: workers, series,
    markers: showMarkers ? markers(observations, sourceById, (s) => scope.has(s.split('.')[0]) && !s.endsWith('revenueUsd'), p.years, color, workers) : [],
  });
}

export function workersLegend(container, results, showMarkers) {
  const items = [['All workers abroad', INK, 'thick']];
  for (const host of results.projection.hosts) items.push([`${host.label}: permits`, HOST_COLORS[host.id], 'line'], [`${host.label}: other visas`, HOST_COLORS[host.id], 'dash']);
  if (results.comparison) items.push([`${results.comparePreset.label}, all`, COMPARE_COLOR, 'dot']);
  if (showMarkers) items.push(['Observed figure', INK, 'marker']);
  legend(container, items);
}

/**
 * Pointer and keyboard read-outs for a chart in `box` (the SVG and a `.tip` element).
 * `current()` returns the chart handle drawn last.
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
    const moves = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1 };
    if (e.key in moves) show(Math.max(0, Math.min(n - 1, (index ?? 0) + moves[e.key])));
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

/** Fills `table` with a caption, a row of column headings and the body rows. */
export function fillTable(table, caption, head, rows) {
  table.replaceChildren(
    h('caption', { text: caption }),
    h('thead', {}, h('tr', {}, ...head.map((t) => h('th', { scope: 'col', text: t })))),
    h('tbody', {}, ...rows),
  );
}

/** The yearly data table: totals, comparator, comparison and hosts. */
export function dataTable(table, results) {
  const { projection: p, comparison, comparePreset, band } = results;
  const cols = [['Year', (i) => String(p.years[i])],
    ['Revenue (USD)', (i) => usd(p.revenueUsd[i])],
    ['No enforcement (USD)', (i) => usd(p.comparator.revenueUsd[i])]];
  if (comparison) cols.push([`${comparePreset.label} (USD)`, (i) => usd(comparison.revenueUsd[i])]);
  if (band) cols.push(['5–95% band (USD)', (i) => `${usd(band.revenueUsd.p5[i])}–${usd(band.revenueUsd.p95[i])}`]);
  cols.push(['Workers', (i) => workers(p.workers[i])], ['On permits', (i) => workers(p.permitted[i])], ['On other visas', (i) => workers(p.disguised[i])]);
  for (const host of p.hosts) cols.push([`${host.label}: workers`, (i) => workers(host.workers[i])], [`${host.label}: revenue`, (i) => usd(host.revenueUsd[i])]);
  fillTable(table, 'Workers at the start of each year; revenue over the year.', cols.map(([label]) => label),
    p.years.map((_, i) => h('tr', {}, ...cols.map(([, f], j) => (j === 0 ? h('th', { scope: 'row', text: f(i) }) : h('td', { text: f(i) }))))));
}

/** The back-test: each observation against a scenario, with its band and the note. */
export function backtestTable(table, rows, sourceById, { caption, modelled = 'This scenario', methodology = 'methodology.html' }) {
  const fmt = (o, x) => (x === null ? '–' : o.series.endsWith('revenueUsd') ? usd(x) : workers(x));
  const yesNo = (b) => (b === null ? '–' : b ? 'yes' : 'no');
  const head = ['Observation', 'Observed', modelled, 'Gap', 'In range', '5–95% band', 'In band', 'Why it misses or matches'];
  fillTable(table, caption, head, rows.map((r) => {
    const o = r.observation;
    const when = observedWhen(o);
    const observed = o.low === o.high ? fmt(o, o.value) : `${fmt(o, o.value)} (${fmt(o, o.low)}–${fmt(o, o.high)})`;
    return h('tr', { id: `obs-${o.id}` },
      h('th', { scope: 'row' }, `${o.series}, ${when}`, h('br'), h('span', { class: 'hint', text: `${o.counted} ` }), h('a', { href: `${methodology}#source-${o.source}`, text: sourceById.get(o.source)?.title ?? o.source })),
      h('td', { text: observed }),
      h('td', { text: fmt(o, r.modelled) }),
      h('td', { text: r.gap === null ? '–' : (r.gap >= 0 ? '+' : '−') + fmt(o, Math.abs(r.gap)) }),
      h('td', { text: yesNo(r.inRange) }),
      h('td', { text: r.band ? `${fmt(o, r.band.p5)}–${fmt(o, r.band.p95)}` : '–' }),
      h('td', { text: yesNo(r.inBand) }),
      h('td', { text: o.note }));
  }));
}
