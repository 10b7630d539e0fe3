// The data table and the back-test table, built when their panels are first opened.
import { h } from './dom.js';
import { usd, workers } from './format.js';
import { observedWhen } from './render.js';

/** Fills `table` with a caption, a row of column headings and the body rows. */
export function fillTable(table, caption, head, rows) {
  table.replaceChildren(
    h('caption', { text: caption }),
    h('thead', {}, h('tr', {}, ...head.map((t) => h('th', { scope: 'col', text: t })))),
    h('tbody', {}, ...rows),
  );
}

/** The yearly data table: totals, comparators, bands and hosts; the record's years marked. */
export function dataTable(table, results) {
  const { projection: p, comparison, comparePreset, band } = results;
  const cols = [['Year', (i) => `${p.years[i]}${p.years[i] <= results.recordEnd ? ' (record)' : ''}`],
    ['Revenue (USD)', (i) => usd(p.revenueUsd[i])],
    [`${results.compareLabel} (USD)`, (i) => usd(comparison.revenueUsd[i])],
    ['No enforcement (USD)', (i) => usd(p.comparator.revenueUsd[i])]];
  if (band) cols.push(['5–95% band (USD)', (i) => `${usd(band.revenueUsd.p5[i])}–${usd(band.revenueUsd.p95[i])}`]);
  cols.push(['Workers', (i) => workers(p.workers[i])], ['On permits', (i) => workers(p.permitted[i])], ['On other visas', (i) => workers(p.disguised[i])], ['Arrivals in the year', (i) => workers(p.arrivals[i])]);
  for (const host of p.hosts) cols.push([`${host.label}: workers`, (i) => workers(host.workers[i])], [`${host.label}: arrivals`, (i) => workers(host.arrivals[i])], [`${host.label}: revenue`, (i) => usd(host.revenueUsd[i])]);
  fillTable(table, `Workers at the start of each year; arrivals and revenue over the year. Years to ${results.recordEnd} are the record, reconstructed from the sources.`, cols.map(([label]) => label),
    p.years.map((_, i) => h('tr', {}, ...cols.map(([, f], j) => (j === 0 ? h('th', { scope: 'row', text: f(i) }) : h('td', { text: f(i) }))))));
}

/** The back-test: each observation against a scenario, with its band and the note. */
export function backtestTable(table, rows, sourceById, { caption, modelled = 'This scenario', methodology = 'methodology.html' }) {
  const fmt = (o, x) => (x === null ? '–' : o.series.endsWith('revenueUsd') ? usd(x) : workers(x));
  const yesNo = (b) => (b === null ? '–' : b ? 'yes' : 'no');
  const head = ['Observation', 'Observed', modelled, 'Gap', 'In range', '5–95% band', 'In band', 'Why it misses or matches'];
  fillTable(table, caption, head, rows.map((r) => {
    const o = r.observation;
    const observed = o.high === null ? `at least ${fmt(o, o.low)}` : o.low === o.high ? fmt(o, o.value) : `${fmt(o, o.value)} (${fmt(o, o.low)}–${fmt(o, o.high)})`;
    return h('tr', { id: `obs-${o.id}` },
      h('th', { scope: 'row' }, `${o.series}, ${o.measurement}, ${observedWhen(o)}`, h('br'), h('span', { class: 'hint', text: `${o.counted} ` }), h('a', { href: `${methodology}#source-${o.source}`, text: sourceById.get(o.source)?.title ?? o.source })),
      h('td', { text: observed }),
      h('td', { text: fmt(o, r.modelled) }),
      h('td', { text: r.gap === null ? '–' : (r.gap >= 0 ? '+' : '−') + fmt(o, Math.abs(r.gap)) }),
      h('td', { text: yesNo(r.inRange) }),
      h('td', { text: r.band ? `${fmt(o, r.band.p5)}–${fmt(o, r.band.p95)}` : '–' }),
      h('td', { text: yesNo(r.inBand) }),
      h('td', { text: `${o.note}${o.derived ? ' (A value of the record is derived from it.)' : ''}` }));
  }));
}
