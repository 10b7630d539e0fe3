// The scenario page: controls, results, charts, analysis, exports and the URL, wired up.
import { load } from './api.js';
import { buildControls, h } from './controls.js';
import { tornado } from './chart.js';
import { usd, percent, paramValue } from './format.js';
import { readQuery, readScenarioFile, writeQuery, startScenario, defaultView, matchingPreset, endYearWithin, VIEW } from './state.js';
import * as R from './render.js';
import * as X from './exports.js';

const $ = (id) => document.getElementById(id);
const api = await load();
const reg = api.registry;
const observations = api.observations();

let state = fromLocation();
let results = null;
const charts = { revenue: null, workers: null };

function fromLocation() {
  const { scenario, view, notices } = readQuery(new URLSearchParams(location.search), api);
  showNotices(notices);
  return { scenario, view };
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

// Controls.
const controls = buildControls(reg, { levers: $('levers'), assumptions: $('assumptions'), settings: $('settings') }, (id, value) => {
  state.scenario[id] = value;
  if (id === 'baseYear') state.scenario.endYear = endYearWithin(state.scenario.endYear, value);
  update('replace');
});

for (const select of [$('preset'), $('compare')]) {
  for (const p of reg.presets) select.append(h('option', { value: p.id, text: p.label }));
}
$('preset').append(h('option', { value: '', text: 'Custom', disabled: true }));
$('preset').addEventListener('change', (e) => {
  const preset = reg.presets.find((p) => p.id === e.target.value);
  if (!preset) return;
  Object.assign(state.scenario, preset.values);
  update('push');
});
$('reset').addEventListener('click', () => {
  state = { scenario: startScenario(reg), view: defaultView() };
  update('push');
});
$('compare').addEventListener('change', (e) => { state.view.compare = e.target.value; update('replace'); });
$('band').addEventListener('change', (e) => { state.view.band = e.target.checked; update('replace'); });
$('obs').addEventListener('change', (e) => { state.view.obs = e.target.checked; update('replace'); });
$('output').addEventListener('change', (e) => { state.view.output = e.target.value; update('replace'); });
// Draws and seed: checked as the URL's values are; an invalid entry is marked, not applied.
for (const id of ['draws', 'seed']) {
  $(id).addEventListener('change', (e) => {
    const x = VIEW[id][1](e.target.value.trim(), reg);
    e.target.setAttribute('aria-invalid', String(x === undefined));
    if (x !== undefined) { state.view[id] = x; update('replace'); }
  });
}
window.addEventListener('popstate', () => { state = fromLocation(); update(null); });

// Drawing: the headline and charts at once, the rest shortly after input settles.
function draw() {
  results = R.compute(api, state);
  const preset = matchingPreset(reg, state.scenario);
  $('preset').value = preset ? preset.id : '';
  $('preset-description').textContent = preset ? preset.description : 'Custom levers: no preset matches.';
  $('compare').value = state.view.compare;
  $('band').checked = state.view.band;
  $('obs').checked = state.view.obs;
  $('draws').value = state.view.draws;
  $('seed').value = state.view.seed;
  $('draws').disabled = $('seed').disabled = !state.view.band;
  $('output').value = state.view.output;
  controls.update(state.scenario);
  R.headline($('headline'), results);
  const sm = results.projection.summary;
  $('summary-bar').textContent = `${results.projection.years.at(-1)}: ${usd(sm.finalYearRevenueUsd)} · denied ${usd(sm.cumulativeDeniedUsd)} (${percent(sm.deniedShare)})`;
  R.calibration($('calibration'), results.projection);
  drawCharts();
}

function drawCharts() {
  const common = { observations, sourceById: reg.sourceById, showMarkers: state.view.obs };
  charts.revenue = R.revenueChart($('revenue-chart'), results, { ...common, width: $('revenue-chart').parentElement.clientWidth });
  charts.workers = R.workersChart($('workers-chart'), results, { ...common, width: $('workers-chart').parentElement.clientWidth });
  R.revenueLegend($('revenue-legend'), results, state.view.obs);
  R.workersLegend($('workers-legend'), results, state.view.obs);
  readouts.forEach((r) => r.refresh());
}

const readouts = [
  R.attachReadout($('revenue-chart').parentElement, () => charts.revenue),
  R.attachReadout($('workers-chart').parentElement, () => charts.workers),
];

let settleTimer = 0;
let pendingHistory = null;
function settle() {
  $('sentence').textContent = R.sentence(results, R.scenarioLabel(reg, state.scenario));
  drawTornado();
  if ($('table-panel').open) R.dataTable($('data-table'), results);
  if ($('backtest-panel').open) drawBacktest();
  const url = new URL(writeQuery(state, reg), location.href);
  url.hash = location.hash;
  if (pendingHistory === 'push') history.pushState(null, '', url);
  else if (pendingHistory === 'replace' && url.href !== location.href) history.replaceState(null, '', url);
  pendingHistory = null;
  shareCodes(url);
}

/** Redraws now; `history`: 'push' adds an entry, 'replace' rewrites it, null leaves it. */
function update(historyMode) {
  draw();
  if (historyMode === 'push' || (historyMode === 'replace' && pendingHistory !== 'push')) pendingHistory = historyMode;
  clearTimeout(settleTimer);
  settleTimer = setTimeout(settle, historyMode === 'push' ? 0 : 200);
}

function drawTornado() {
  const t = api.sensitivity(state.scenario, { output: state.view.output });
  const svg = $('tornado-chart');
  const name = $('output').selectedOptions[0].textContent.toLowerCase();
  tornado(svg, {
    width: svg.parentElement.clientWidth, base: t.baseValue, format: usd,
    title: `Which assumptions move ${name} most`,
    desc: `Widest first: ${t.bars.slice(0, 3).map((b) => b.label).join(', ')}.`,
    bars: t.bars.map((b) => {
      const p = reg.byId.get(b.id);
      return { label: b.label, lowValue: b.outputAtLow, highValue: b.outputAtHigh, low: paramValue(p, b.low), high: paramValue(p, b.high) };
    }),
  });
}

function drawBacktest() {
  R.backtestTable($('backtest-table'), api.backtest(state.scenario), reg.sourceById, { caption: 'Observed figures against this scenario' });
}
$('table-panel').addEventListener('toggle', () => { if ($('table-panel').open) R.dataTable($('data-table'), results); });
$('backtest-panel').addEventListener('toggle', () => { if ($('backtest-panel').open) drawBacktest(); });

// Goal seek.
for (const p of reg.parameters.filter((x) => x.kind === 'lever')) $('goal-lever').append(h('option', { value: p.id, text: p.label }));
$('goal-lever').value = 'visaClarification';
let goal = null;
$('goal-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const target = Number($('goal-target').value);
  const answer = $('goal-answer');
  $('goal-apply').hidden = true;
  goal = null;
  if (!($('goal-target').value !== '' && target >= 0 && target <= 100)) {
    answer.textContent = `Enter a share from 0 to 100; "${$('goal-target').value}" is not one.`;
    return;
  }
  const lever = $('goal-lever').value;
  goal = api.goalSeek(state.scenario, { lever, targetDeniedShare: target / 100 });
  const p = reg.byId.get(lever);
  answer.textContent = goal.reachable
    ? `${p.label}: ${paramValue(p, goal.value)}, the other levers as set, denies ${percent(goal.achievedDeniedShare, 1)} of the revenue with no enforcement (target ${percent(target / 100)}). ${goal.note}`
    : goal.note;
  $('goal-apply').hidden = !goal.reachable;
});
$('goal-apply').addEventListener('click', () => {
  if (!goal?.reachable) return;
  const p = reg.byId.get(goal.lever);
  // Round up to the slider's step, so the applied value still reaches the target.
  const steps = Math.ceil((goal.value - p.min) / p.step - 1e-9);
  state.scenario[goal.lever] = Math.min(p.max, Number((p.min + steps * p.step).toFixed(10)));
  update('push');
  $(`p-${goal.lever}`).focus();
});

// Exports.
const stamp = () => `dprk-labor-${new Date().toISOString().slice(0, 10)}`;
const exporters = {
  csv: () => X.download(`${stamp()}.csv`, 'text/csv', X.projectionCsv(results)),
  json: () => X.download(`${stamp()}.json`, 'application/json', JSON.stringify({
    model: reg.version, link: location.href, scenario: state.scenario, view: state.view,
    projection: results.projection, comparison: results.comparison && { preset: results.comparePreset.id, projection: results.comparison },
    uncertainty: results.band, sensitivity: api.sensitivity(state.scenario, { output: state.view.output }), goalSeek: goal,
  }, null, 2)),
  'revenue-svg': () => X.download(`${stamp()}-revenue.svg`, 'image/svg+xml', X.svgFile($('revenue-chart'))),
  'workers-svg': () => X.download(`${stamp()}-workers.svg`, 'image/svg+xml', X.svgFile($('workers-chart'))),
  'revenue-png': async () => X.download(`${stamp()}-revenue.png`, 'image/png', await X.pngBlob($('revenue-chart'))),
  'workers-png': async () => X.download(`${stamp()}-workers.png`, 'image/png', await X.pngBlob($('workers-chart'))),
  'backtest-csv': () => X.download(`${stamp()}-backtest.csv`, 'text/csv', X.backtestCsv(api.backtest(state.scenario))),
  'backtest-json': () => X.download(`${stamp()}-backtest.json`, 'application/json', JSON.stringify({ model: reg.version, scenario: state.scenario, rows: api.backtest(state.scenario) }, null, 2)),
};
document.addEventListener('click', (e) => {
  const kind = e.target.closest?.('[data-export]')?.dataset.export;
  if (kind) exporters[kind]();
});

// A scenario file: applied like a link, its notices shown beside the file input.
$('open-file').addEventListener('change', async (e) => {
  const file = e.target.files[0];
  if (!file) return;
  const read = readScenarioFile(await file.text(), api);
  e.target.value = '';
  showNotices(read.notices, `About ${file.name}:`, $('file-notices'));
  if (!read.scenario) return;
  state = { scenario: read.scenario, view: read.view };
  update('push');
});

// Share and embed codes for the current state.
function shareCodes(url) {
  $('share-link').value = url.href;
  const base = new URL('.', location.href).href;
  const query = url.search;
  const attr = (s) => s.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
  $('embed-element').value = `<script type="module" src="${attr(base)}js/elements.js"></script>\n<dprk-labor-calculator scenario="${attr(query.slice(1))}"></dprk-labor-calculator>`;
  $('embed-iframe').value = `<iframe src="${attr(`${base}embed.html${query}`)}" title="North Korea's overseas labor revenue calculator" width="100%" height="620" sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" loading="lazy" data-dprk-labor></iframe>\n<script src="${attr(base)}js/iframe-resize.js"></script>`;
}
document.addEventListener('click', async (e) => {
  const id = e.target.closest?.('[data-copy]')?.dataset.copy;
  if (!id) return;
  const field = $(id);
  let ok = false;
  try {
    await navigator.clipboard.writeText(field.value);
    ok = true;
  } catch {
    field.select();
    ok = document.execCommand?.('copy') ?? false;
  }
  $('copy-status').textContent = ok ? 'Copied.' : 'Select the text and copy it with your keyboard.';
});

// Redraw the charts when their width changes.
let resizeFrame = 0;
new ResizeObserver(() => {
  cancelAnimationFrame(resizeFrame);
  resizeFrame = requestAnimationFrame(() => { if (results) { drawCharts(); drawTornado(); } });
}).observe($('results'));

$('model-version').textContent = reg.version.modelVersion;
update(null);
performance.mark('dprk-labor:first-result');
settle();
document.documentElement.dataset.ready = 'true';
