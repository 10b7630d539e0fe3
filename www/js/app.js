// The scenario page: controls, results, charts, analyses, exports and the URL, wired up.
// A slider move evaluates the scenario and its comparator on the main thread and rewrites
// the figures and the chart paths in place; the uncertainty band, the tornado and the
// back-test run in a worker, and only the answer to the newest input is drawn.
import { load } from './api.js';
import { buildControls } from './controls.js';
import { h } from './dom.js';
import { tornado, lineChart } from './chart.js';
import { usd, percent, paramValue } from './format.js';
import { readQuery, writeQuery, VIEW, allowedText, MAX_FILE_BYTES } from './state.js';
import { quoteText } from './schedule.js';
import { Controller } from './controller.js';
import { channel } from './analysis.js';
import * as R from './render.js';

/** A module loaded the first time it is needed: explanations, citations, downloads. */
const later = (load) => {
  let loading = null;
  return () => (loading ??= load());
};
const explainModule = later(() => import('./explain.js'));
const citeModule = later(() => import('./cite.js'));
const exportsModule = later(() => import('./exports.js'));
const tablesModule = later(() => import('./tables.js'));
const fileModule = later(() => import('./scenario-file.js'));
/** The yearly data table, if its panel is open. */
const dataTable = () => $('table-panel').open && tablesModule().then((T) => T.dataTable($('data-table'), results));

const $ = (id) => document.getElementById(id);
/** Where the figures would be: a message naming what failed, when the model cannot load. */
function cannotLoad(e) {
  const box = $('headline');
  box.replaceChildren(h('div', { class: 'load-error', role: 'alert' },
    h('p', { text: 'The calculator could not start, so no figures can be shown.' }),
    h('p', { text: `What failed: ${e?.message ?? e}` }),
    h('p', { text: 'This page needs JavaScript and WebAssembly; a browser extension or the site\'s security policy may block them. The methodology page and its tables need neither.' })));
  document.documentElement.dataset.ready = 'failed';
}
let api;
try {
  api = await load();
} catch (e) {
  cannotLoad(e);
  throw e;
}
const reg = api.registry;
const observations = api.observations();
const analyses = {
  band: channel(api, 'uncertainty'), tornado: channel(api, 'sensitivity'), backtest: channel(api, 'backtest'), effects: channel(api, 'leverEffects'),
};

const ctl = new Controller(api);
/** The state the page shows: ctl.state, read through this name for brevity. */
let state = ctl.state;
let results = null;
/** The newest band and the state it was drawn for. */
let band = { key: null, value: null };

/** Reads the address; a link made with another model version is rewritten once shown. */
function fromLocation() {
  const read = readQuery(new URLSearchParams(location.search), api);
  const notices = [...read.notices];
  if (read.versionNotice) notices[notices.indexOf(read.versionNotice)] += ` The address now names version ${reg.version.modelVersion} and gives these same numbers.`;
  showNotices(notices);
  ctl.state = state = { scenario: read.scenario, view: read.view };
  return read.versionNotice ? 'replace' : null;
}

function showNotices(notices, title = 'About this link:', box = $('notices')) {
  box.replaceChildren();
  if (!notices.length) {
    box.hidden = true;
    return;
  }
  const close = h('button', { type: 'button', class: 'dismiss', text: 'Dismiss' });
  close.addEventListener('click', () => { box.hidden = true; });
  box.append(h('p', { class: 'notice-title', text: title }), h('ul', {}, ...notices.map((n) => h('li', { text: n }))), close);
  box.hidden = false;
}

// Controls: a slider sets its parameter from the policy year on.
const controls = buildControls(reg, { levers: $('levers'), assumptions: $('assumptions'), settings: $('settings') }, (id, value) => {
  const notice = ctl.set(id, value);
  if (notice) showNotices([notice], 'About this change:');
  update('replace');
});

const fill = (select, items) => select.replaceChildren(...items.map(([value, text]) => h('option', { value, text })));
fill($('preset'), [...reg.presets.map((p) => [p.id, p.label]), ['', 'Custom']]);
$('preset').lastChild.disabled = true;
fill($('compare'), reg.presets.map((p) => [p.id, p.label]));
fill($('goal-comparator'), reg.presets.map((p) => [p.id, p.label]));
for (const select of [$('host'), $('goal-host')]) fill(select, [['all', 'All hosts'], ...reg.hosts.map((x) => [x.id, x.label])]);

$('preset').addEventListener('change', (e) => {
  if (ctl.applyPreset(e.target.value)) update('push');
});
$('policy-year').addEventListener('change', (e) => { state.view.policyYear = Number(e.target.value); update('replace'); });
$('reset').addEventListener('click', () => {
  ctl.reset();
  state = ctl.state;
  update('push');
});
$('compare').addEventListener('change', (e) => { state.view.compare = e.target.value; update('replace'); });
$('host').addEventListener('change', (e) => { state.view.host = e.target.value; update('replace'); });
$('band').addEventListener('change', (e) => { state.view.band = e.target.checked; update('replace'); });
$('obs').addEventListener('change', (e) => { state.view.obs = e.target.checked; update('replace'); });
$('output').addEventListener('change', (e) => { state.view.output = e.target.value; update('replace'); });
// Draws and seed: checked as the URL's values are; an invalid entry is marked, not applied.
for (const id of ['draws', 'seed']) {
  $(id).addEventListener('change', (e) => {
    const x = VIEW.get(id)[1](e.target.value.trim(), reg);
    e.target.setAttribute('aria-invalid', String(x === undefined));
    $(`${id}-error`).textContent = x === undefined ? `${id === 'draws' ? 'Draws' : 'The seed'} must be ${allowedText(id, reg)}; "${e.target.value}" is not. The last valid value is used.` : '';
    if (x !== undefined) { state.view[id] = x; update('replace'); }
  });
}
window.addEventListener('popstate', () => { fromLocation(); update(null); });

// The headline cards, each with its explanation.
const head = R.headline($('headline'), { explain: true });
for (const card of head.cards) card.details.addEventListener('toggle', () => { if (card.details.open) explainCard(card); });

async function explainCard(card) {
  const { explainFigure, outputFor } = await explainModule();
  const comparisonScenario = { ...state.scenario, ...results.comparePreset.values };
  const output = outputFor(card.key);
  const host = state.view.host;
  const sensitivity = output ? api.sensitivity(state.scenario, { output, host, from: card.key === 'final' ? undefined : results.from }) : null;
  card.body.replaceChildren(...explainFigure(card.key, { api, reg, results, scenario: state.scenario, comparisonScenario, sensitivity }));
}

const charts = { revenue: lineChart($('revenue-chart')), workers: lineChart($('workers-chart')) };
const readouts = [
  R.attachReadout($('revenue-chart').parentElement, () => charts.revenue),
  R.attachReadout($('workers-chart').parentElement, () => charts.workers),
];

const bandKey = () => JSON.stringify([state.scenario, state.view.draws, state.view.seed]);

/** Everything that follows a slider at once: figures, charts, controls. */
function draw() {
  results = ctl.compute();
  const years = results.projection.years;
  // The last band while the new one is computed, but only over the years it was made for.
  const fits = band.value && band.value.years[0] === years[0] && band.value.years.length === years.length;
  results.band = state.view.band && fits ? band.value : null;
  const preset = ctl.preset();
  $('preset').value = preset ? preset.id : '';
  $('preset-description').textContent = preset ? preset.description : 'Custom: no preset has these values.';
  policyYears(years);
  $('compare').value = state.view.compare;
  $('host').value = state.view.host;
  $('band').checked = state.view.band;
  $('obs').checked = state.view.obs;
  $('draws').value = state.view.draws;
  $('seed').value = state.view.seed;
  $('draws').disabled = $('seed').disabled = !state.view.band;
  $('output').value = state.view.output;
  controls.update(state.scenario, state.view, results.byYear);
  head.update(results);
  for (const card of head.cards) if (card.details.open) explainCard(card);
  const f = R.figures(results);
  $('summary-bar').textContent = `${f.from === f.to ? f.to : `${f.from}–${f.to}`}: ${usd(f.revenue)} · ${f.denied >= 0 ? 'denied' : 'added'} ${usd(Math.abs(f.denied))} (${percent(Math.abs(f.deniedShare))})`;
  R.calibration($('calibration'), results.projection);
  drawCharts();
}

/** The policy-year choices: every year of the horizon. */
function policyYears(years) {
  const select = $('policy-year');
  const key = `${years[0]}-${years.at(-1)}`;
  if (select.dataset.years !== key) {
    select.dataset.years = key;
    fill(select, years.map((y) => [String(y), y <= reg.limits.recordEnd ? `${y} (the record's years: what if…)` : String(y)]));
  }
  select.value = String(results.from);
}

/** The charts' width, measured when the layout changes (reading it after each change of
 *  the DOM would force a layout on every slider move). */
let chartWidth = $('revenue-chart').parentElement.clientWidth;

function drawCharts() {
  const common = { observations, sourceById: reg.sourceById, showMarkers: state.view.obs };
  R.revenueChart(charts.revenue, results, { ...common, width: chartWidth });
  R.workersChart(charts.workers, results, { ...common, width: chartWidth });
  R.revenueLegend($('revenue-legend'), results, state.view.obs);
  R.workersLegend($('workers-legend'), results, state.view.obs);
  readouts.forEach((r) => r.refresh());
}

/** Asks the worker for the band of the current state; draws it if still current. */
function requestBand() {
  if (!state.view.band) return;
  const key = bandKey();
  if (band.key === key) return;
  analyses.band.request(state.scenario, { draws: state.view.draws, seed: state.view.seed }).then((value) => {
    if (!value || key !== bandKey()) return;
    band = { key, value };
    results.band = value;
    drawCharts();
    dataTable();
  }, (e) => showNotices([e.message], 'The uncertainty band could not be computed:'));
}

let settleTimer = 0;
let pendingHistory = null;
/** After input settles: the sentence, the analyses, the address and the codes. */
function settle() {
  $('sentence').textContent = R.sentence(results, R.scenarioLabel(reg, state.scenario));
  drawEffects();
  drawTornado();
  dataTable();
  if ($('backtest-panel').open) drawBacktest();
  const url = new URL(writeQuery(state, reg), location.href);
  url.hash = location.hash;
  if (pendingHistory === 'push') history.pushState(null, '', url);
  else if (pendingHistory === 'replace' && url.href !== location.href) history.replaceState(null, '', url);
  pendingHistory = null;
  goalDefaults();
  shareCodes(url);
  cite(url);
}

/** Redraws now; `historyMode`: 'push' adds an entry, 'replace' rewrites it, null leaves it. */
function update(historyMode) {
  draw();
  requestBand();
  if (historyMode === 'push' || (historyMode === 'replace' && pendingHistory !== 'push')) pendingHistory = historyMode;
  clearTimeout(settleTimer);
  settleTimer = setTimeout(settle, historyMode === 'push' ? 0 : 200);
}

function outputName() {
  return $('output').selectedOptions[0].textContent.toLowerCase();
}

function drawTornado() {
  const options = { output: state.view.output, host: state.view.host, from: state.view.output === 'finalYearRevenueUsd' ? undefined : results.from };
  analyses.tornado.request(state.scenario, options).then((t) => {
    if (!t) return;
    const svg = $('tornado-chart');
    const where = state.view.host === 'all' ? '' : ` in ${reg.hostById.get(state.view.host).label}`;
    tornado(svg, {
      width: svg.parentElement.clientWidth, base: t.baseValue, format: usd,
      title: `Which assumptions move ${outputName()}${where} most`,
      desc: `Widest first: ${t.bars.slice(0, 3).map((b) => b.label).join(', ')}.`,
      bars: t.bars.map((b) => {
        const p = reg.byId.get(b.id);
        return { label: `${b.label}${b.againstCalibration ? ' †' : ''}`, lowValue: b.outputAtLow, highValue: b.outputAtHigh, low: paramValue(p, b.low), high: paramValue(p, b.high) };
      }),
    });
    const turned = t.bars.filter((b) => b.againstCalibration).map((b) => b.label);
    $('tornado-window').textContent = `${outputName()[0].toUpperCase()}${outputName().slice(1)}${where}, ${t.output === 'finalYearRevenueUsd' ? results.projection.years.at(-1) : `${t.from}–${results.projection.years.at(-1)}`}${t.output === 'cumulativeDeniedUsd' ? ', against no enforcement' : ''}.`
      + (turned.length ? ` † Runs the other way than from the wages as reported, because revenue is anchored to the published estimate: a rise that adds bottom-up revenue lowers revenue per worker in every host (${turned.join(', ')}).` : '');
  }, () => {});
}

/** Each lever's effect on the host in focus, and what blocks it, from the worker. */
function drawEffects() {
  const shown = results;
  analyses.effects.request(state.scenario, { host: state.view.host, from: results.from }).then((effects) => {
    if (effects && shown === results) controls.showEffects(R.effectLines(reg, effects, results));
  }, () => {});
}

function drawBacktest() {
  analyses.backtest.request(state.scenario).then((rows) => {
    if (rows) tablesModule().then((T) => T.backtestTable($('backtest-table'), rows, reg.sourceById, { caption: 'Observed figures against this scenario' }));
  }, () => {});
}
$('table-panel').addEventListener('toggle', dataTable);
$('backtest-panel').addEventListener('toggle', () => { if ($('backtest-panel').open) drawBacktest(); });

// Goal seek: every lever that acts on the host (the default), or the ones chosen, for all
// hosts or one, from a year, to a share or a dollar target, against a preset.
$('goal-levers').append(...reg.parameters.filter((p) => p.kind === 'lever').map((p) => h('label', { class: 'check' },
  h('input', { type: 'checkbox', name: 'goal-lever', value: p.id, disabled: true }), ` ${p.label}`)));
$('goal-all').addEventListener('change', (e) => {
  for (const box of document.querySelectorAll('input[name=goal-lever]')) box.disabled = e.target.checked;
});
$('goal-kind').addEventListener('change', (e) => {
  $('goal-target').value = e.target.value === 'usd' ? '100' : '50';
});
let goal = null;
let goalTouched = false;
for (const id of ['goal-host', 'goal-from', 'goal-comparator']) $(id).addEventListener('change', () => { goalTouched = true; });
/** The goal form follows the view until the reader changes it. */
function goalDefaults() {
  if (goalTouched) return;
  $('goal-host').value = state.view.host;
  $('goal-from').value = results.from;
  $('goal-comparator').value = state.view.compare;
}
const goalModule = later(() => import('./goal.js'));
$('goal-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  $('goal-apply').hidden = true;
  goal = null;
  const { seek } = await goalModule();
  const chosen = [...document.querySelectorAll('input[name=goal-lever]:checked')].map((x) => x.value);
  if (!$('goal-all').checked && !chosen.length) {
    $('goal-answer').textContent = 'Choose at least one lever, or every lever that acts on the host.';
    return;
  }
  const fields = {
    levers: $('goal-all').checked ? [] : chosen, kind: $('goal-kind').value,
    target: $('goal-target').value, from: $('goal-from').value, host: $('goal-host').value, comparator: $('goal-comparator').value,
  };
  const answer = seek(api, state.scenario, results.projection.years, fields);
  goal = answer.goal;
  $('goal-answer').textContent = answer.text;
  $('goal-apply').hidden = !goal?.reachable;
});
$('goal-apply').addEventListener('click', () => {
  if (!goal?.reachable) return;
  for (const { id, value } of goal.values) {
    const p = reg.byId.get(id);
    // Rounded up to the slider's step, so the applied value still reaches the target.
    const steps = Math.ceil((value - p.min) / p.step - 1e-9);
    const x = Math.min(p.max, Number((p.min + steps * p.step).toFixed(10)));
    state.scenario[id] = api.fromYear(state.scenario, id, goal.from, x);
    ctl.moved.add(id);
  }
  state.view.policyYear = goal.from;
  update('push');
  $(`p-${goal.values[0].id}`).focus();
});

// Exports: every file carries the model version, the link and the date.
const stamp = () => `dprk-labor-${new Date().toISOString().slice(0, 10)}`;
/** The band of the current state: the worker's, or computed here if it is not in yet. */
function currentBand() {
  if (!state.view.band) return null;
  if (band.key === bandKey()) return band.value;
  return api.uncertainty(state.scenario, { draws: state.view.draws, seed: state.view.seed });
}
/** The address of the current state with this model version: what files cite. */
const permalink = () => new URL(writeQuery(state, reg), location.href).href;
const meta = () => ({ model: reg.version, link: permalink(), date: new Date().toISOString(), view: state.view, label: R.scenarioLabel(reg, state.scenario) });
/** Each download, given the exports module (loaded on the first one). */
const exporters = new Map([
  ['csv', (X) => X.download(`${stamp()}.csv`, 'text/csv', X.projectionCsv({ ...results, band: currentBand() }, meta()))],
  ['json', (X) => X.download(`${stamp()}.json`, 'application/json', JSON.stringify({
    model: reg.version, link: permalink(), date: new Date().toISOString(), scenario: state.scenario, view: state.view,
    projection: results.projection, comparison: { preset: results.comparePreset.id, projection: results.comparison },
    uncertainty: currentBand(), sensitivity: api.sensitivity(state.scenario, { output: state.view.output, host: state.view.host, from: results.from }), goalSeek: goal,
  }, null, 2))],
  ['revenue-svg', (X) => X.download(`${stamp()}-revenue.svg`, 'image/svg+xml', X.svgFile($('revenue-chart')))],
  ['workers-svg', (X) => X.download(`${stamp()}-workers.svg`, 'image/svg+xml', X.svgFile($('workers-chart')))],
  ['revenue-png', async (X) => X.download(`${stamp()}-revenue.png`, 'image/png', await X.pngBlob($('revenue-chart')))],
  ['workers-png', async (X) => X.download(`${stamp()}-workers.png`, 'image/png', await X.pngBlob($('workers-chart')))],
  ['backtest-csv', (X) => X.download(`${stamp()}-backtest.csv`, 'text/csv', X.backtestCsv(api.backtest(state.scenario), meta()))],
  ['backtest-json', (X) => X.download(`${stamp()}-backtest.json`, 'application/json', JSON.stringify({ model: reg.version, link: permalink(), date: new Date().toISOString(), scenario: state.scenario, rows: api.backtest(state.scenario) }, null, 2))],
]);
document.addEventListener('click', (e) => {
  const kind = e.target.closest?.('[data-export]')?.dataset.export;
  if (exporters.has(kind)) exportsModule().then((X) => exporters.get(kind)(X));
});

// A scenario file: refused above its size before it is read, then applied like a link.
$('open-file').addEventListener('change', async (e) => {
  const file = e.target.files[0];
  if (!file) return;
  e.target.value = '';
  if (file.size > MAX_FILE_BYTES) {
    const { tooBig } = await fileModule();
    showNotices([`${quoteText(file.name)}: ${tooBig(file.size)}`], `About ${file.name}:`, $('file-notices'));
    return;
  }
  const [text, { readScenarioFile }] = await Promise.all([file.text(), fileModule()]);
  const read = readScenarioFile(text, api);
  showNotices(read.notices, `About ${file.name}:`, $('file-notices'));
  if (!read.scenario) return;
  ctl.state = state = { scenario: read.scenario, view: read.view };
  update('push');
});

// Share and embed codes for the current state, once the reader has opened the panel.
const shareModule = later(() => import('./share.js'));
async function shareCodes(url) {
  $('share-link').value = url.href;
  if (!$('share-panel').open) return;
  const { embedCodes, embedLevers } = await shareModule();
  if (!$('embed-levers').dataset.edited) $('embed-levers').value = embedLevers(reg, results.comparePreset, state.scenario, ctl.moved).join(',');
  const levers = $('embed-levers').value.split(',').map((s) => s.trim()).filter((id) => reg.byId.get(id)?.kind === 'lever');
  const codes = embedCodes({ url, base: new URL('.', location.href).href, host: state.view.host, levers, heading: $('embed-heading').value.trim(), compact: $('embed-compact').checked });
  $('embed-element').value = codes.element;
  $('embed-iframe').value = codes.iframe;
}
$('embed-levers').addEventListener('input', (e) => { e.target.dataset.edited = '1'; });
for (const id of ['embed-compact', 'embed-heading', 'embed-levers']) $(id).addEventListener('input', () => shareCodes(new URL($('share-link').value)));
$('share-panel').addEventListener('toggle', () => shareCodes(new URL($('share-link').value)));

/** The citation block, for the address as it is now, once the reader has opened it. */
async function cite(url) {
  if (!$('cite-panel').open) return;
  const { citation, STYLES } = await citeModule();
  if (!$('cite-style').options.length) fill($('cite-style'), [...STYLES]);
  const accessed = new Date().toISOString().slice(0, 10);
  const preset = ctl.preset();
  const what = `${preset ? preset.label : 'custom values'}; ${state.view.host === 'all' ? 'all hosts' : reg.hostById.get(state.view.host).label}; policies from ${results.from}`;
  $('cite-text').value = citation($('cite-style').value, { version: reg.version, url: url.href, accessed, what });
}
$('cite-style').addEventListener('change', () => cite(new URL($('share-link').value)));
$('cite-panel').addEventListener('toggle', () => cite(new URL($('share-link').value)));

document.addEventListener('click', async (e) => {
  const button = e.target.closest?.('[data-copy]');
  if (!button) return;
  const field = $(button.dataset.copy);
  let ok = false;
  try {
    await navigator.clipboard.writeText(field.value);
    ok = true;
  } catch {
    field.select();
    ok = document.execCommand?.('copy') ?? false;
  }
  const status = button.closest('details, section').querySelector('[role=status]');
  status.textContent = ok ? 'Copied.' : 'Select the text and copy it with your keyboard.';
});

// Redraw the charts when their width changes.
let resizeFrame = 0;
new ResizeObserver(() => {
  cancelAnimationFrame(resizeFrame);
  resizeFrame = requestAnimationFrame(() => {
    chartWidth = $('revenue-chart').parentElement.clientWidth;
    if (results) { drawCharts(); drawTornado(); }
  });
}).observe($('results'));

$('model-version').textContent = reg.version.modelVersion;
pendingHistory = fromLocation();
draw();
requestBand();
performance.mark('dprk-labor:first-result');
settle();
document.documentElement.dataset.ready = 'true';

