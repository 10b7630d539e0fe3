// The methodology page's tables, generated from the model's own registry.
import { load } from './api.js';
import { h } from './controls.js';
import { paramValue, usd } from './format.js';
import { backtestTable, fillTable } from './render.js';

const api = await load();
const reg = api.registry;
const $ = (id) => document.getElementById(id);

$('model-version').textContent = reg.version.modelVersion;
const calibration = api.evaluate({}).calibration;
$('bottom-up').textContent = usd(calibration.bottomUpRevenueUsd);
$('scale').textContent = `×${calibration.scale.toFixed(3)}`;

const sourceLinks = (ids) => ids.flatMap((id, i) => [i ? ', ' : '', h('a', { href: `#source-${id}`, text: reg.sourceById.get(id)?.title ?? id })]);

fillTable($('parameters-table'), 'Every lever, assumption and setting', ['Parameter', 'Kind', 'Default', 'Plausible range', 'Accepted', 'Meaning', 'Sources'],
  reg.parameters.map((p) => h('tr', { id: `param-${p.id}` },
    h('th', { scope: 'row' }, h('code', { text: p.id }), h('br'), p.label),
    h('td', { text: p.kind }),
    h('td', { text: paramValue(p, p.default) }),
    h('td', { text: p.low === null ? '–' : `${paramValue(p, p.low)} to ${paramValue(p, p.high)}` }),
    h('td', { text: `${paramValue(p, p.min)} to ${paramValue(p, p.max)}` }),
    h('td', { text: `${p.description} Unit: ${p.unit}.` }),
    h('td', {}, ...sourceLinks(p.sources)))));

fillTable($('sources-table'), 'Sources, with the row of the project research table each stands for', ['Source', 'Published', 'Reliability', 'What the model uses'],
  reg.sources.map((s) => h('tr', { id: `source-${s.id}` },
    h('th', { scope: 'row' }, s.url ? h('a', { href: s.url, rel: 'noopener noreferrer', text: s.title }) : h('cite', { text: s.title }), h('br'), s.publisher + (s.document ? ` (${s.document})` : '')),
    h('td', { text: s.date }),
    h('td', { text: s.reliability }),
    h('td', { text: s.note }))));

const statusQuo = reg.presets.find((p) => p.id === 'statusQuo').values;
backtestTable($('backtest-table'), api.backtest(statusQuo), reg.sourceById, { caption: 'Observed figures against the status quo', modelled: 'Status quo', methodology: '' });

// Scroll to the parameter or source named in the link, now that its row exists.
if (location.hash) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
document.documentElement.dataset.ready = 'true';
