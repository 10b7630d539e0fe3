// Custom elements for articles:
//   <dprk-labor-calculator scenario="preset=closeVisaLoophole&v=2.0.0" levers="visaClarification" host="russia" compact>
//   <dprk-labor-value metric="window.deniedUsd" scenario="preset=closeVisaLoophole&v=2.0.0" host="russia" format="usd-millions">
//   <dprk-labor-value metric="revenueUsd@last" for="calculator-id">
// Styles live in each element's shadow root; nothing global, no cookies or storage. Every
// element on a page shares one wasm instance, loaded once.
import { load, home } from './api.js';
import { buildControls } from './controls.js';
import { h } from './dom.js';
import { readQuery, writeQuery } from './state.js';
import { Controller } from './controller.js';
import { figures, headline, sentence, scenarioLabel, revenueChart, revenueLegend, attachReadout, calibration } from './render.js';
import { lineChart } from './chart.js';
import { FORMATS, usd, percent } from './format.js';
import { quoteText } from './schedule.js';
import { metric, defaultFormat } from './metric.js';
import { CSS } from './element-style.js';

const EVENT = 'dprk-labor-change';
let sheet = null;
function styles() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return [sheet];
}

/**
 * The attributes as one query in the page's syntax: `preset` first, then `scenario`, then
 * `host`, `policy-year` and `v`, which override what `scenario` says.
 */
function query(el) {
  const q = new URLSearchParams();
  const preset = el.getAttribute('preset');
  if (preset) q.set('preset', preset);
  for (const [k, v] of new URLSearchParams(el.getAttribute('scenario') ?? '')) q.append(k, v);
  for (const [name, key] of [['host', 'host'], ['policy-year', 'policyYear'], ['v', 'v']]) {
    if (el.hasAttribute(name)) {
      q.delete(key);
      q.set(key, el.getAttribute(name));
    }
  }
  return q;
}

/** The calculator's methodology page: the `methodology-url` attribute, the home site's, or null. */
function methodologyUrl(el) {
  const given = el.getAttribute('methodology-url');
  if (given) {
    try {
      const url = new URL(given, document.baseURI);
      if (url.protocol === 'https:' || url.protocol === 'http:') return url.href;
    } catch {
      // Not a URL: no link rather than a broken one.
    }
    return null;
  }
  return home() && `${home()}methodology.html`;
}

let counter = 0;

export class DprkLaborCalculator extends HTMLElement {
  static observedAttributes = ['scenario', 'preset', 'levers', 'compact', 'heading', 'host', 'policy-year', 'v', 'methodology-url'];
  #ctl = null;
  #results = null;
  #chart = null;
  #root;
  #built = false;
  #api = null;
  #timer = 0;
  #lastMoved = null;
  // Parts of the shadow tree that each update writes to.
  #controls; #headline; #sentence; #calibrationBox; #openLink; #presetSelect; #legendBox; #svg; #methodology;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#root.adoptedStyleSheets = styles();
  }

  /** The current scenario: parameter id → number or [year, value] steps. */
  get scenario() { return this.#ctl ? structuredClone(this.#ctl.state.scenario) : null; }
  /** The current projection, as `evaluate()` returns it. */
  get projection() { return this.#results?.projection ?? null; }
  /** The headline figures over the window (policy year to end year), for the host in focus. */
  get figures() { return this.#results ? figures(this.#results) : null; }

  connectedCallback() {
    load().then((api) => { this.#api = api; this.#build(); }, (e) => this.#cannotLoad(e));
  }

  /** In place of the calculator: a message that says what failed, and a link to the page. */
  #cannotLoad(e) {
    const link = home() ? h('a', { href: `${home()}index.html`, target: '_blank', rel: 'noopener', text: 'Open the calculator on its own page' }) : null;
    this.#root.replaceChildren(h('div', { class: 'calc load-error', role: 'alert' },
      h('p', { text: 'The calculator could not start here, so no figures can be shown.' }),
      h('p', { text: `What failed: ${e?.message ?? e}` }),
      link && h('p', {}, link)));
    this.dataset.error = 'load';
  }

  attributeChangedCallback() {
    if (this.#built) this.#build();
  }

  #build() {
    const api = this.#api;
    const reg = api.registry;
    const { scenario, view, notices } = readQuery(query(this), api, 'the calculator\'s attributes');
    this.#ctl = new Controller(api, { scenario, view });
    const compact = this.hasAttribute('compact');
    const wanted = (this.getAttribute('levers') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const known = wanted.filter((id) => reg.byId.get(id)?.kind === 'lever');
    const unknown = wanted.filter((id) => !known.includes(id));
    if (unknown.length) notices.push(`${unknown.slice(0, 3).map(quoteText).join(', ')}${unknown.length > 3 ? ` and ${unknown.length - 3} more` : ''} in levers ${unknown.length === 1 ? 'is not a lever' : 'are not levers'}. Ignored.`);
    const uid = `c${++counter}`;
    const methodology = methodologyUrl(this);
    this.#methodology = methodology;

    const preset = h('select', { id: `${uid}-preset` });
    for (const p of reg.presets) preset.append(h('option', { value: p.id, text: p.label }));
    preset.append(h('option', { value: '', text: 'Custom', disabled: true }));
    preset.addEventListener('change', () => {
      if (this.#ctl.applyPreset(preset.value)) this.#update();
    });
    const levers = h('div', { class: 'levers' });
    const title = this.getAttribute('heading') || 'How much does North Korea still earn from its workers abroad?';
    const titleId = `${uid}-title`;
    this.#controls = buildControls(reg, { levers }, (id, value) => {
      this.#ctl.set(id, value);
      this.#lastMoved = id;
      this.#update();
    }, { only: known.length ? known : null, prefix: uid, methodology: methodology || '#', live: true });
    if (!methodology) levers.querySelectorAll('.hint a').forEach((a) => a.remove());

    this.#headline = headline(h('div', { class: 'headline' }), { compact });
    this.#sentence = h('p', { class: 'sentence', 'aria-live': 'polite' });
    const legendBox = h('div', { class: 'legend' });
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('tabindex', '0');
    svg.setAttribute('role', 'group');
    svg.setAttribute('aria-label', 'Revenue to the state, per year; use the arrow keys to read each year');
    const box = h('div', { class: 'chart-box' }, svg, h('div', { class: 'tip', hidden: true }));
    this.#calibrationBox = h('div', { class: 'calibration hint' });
    const open = home() ? h('a', { href: '#', target: '_blank', rel: 'noopener', text: 'Open the full calculator' }) : null;
    this.#openLink = open;
    const foot = h('p', { class: 'foot' }, `Model ${reg.version.modelVersion}. Years to ${reg.limits.recordEnd} are the record. `, open, open && methodology ? ' · ' : null, methodology ? h('a', { href: methodology, target: '_blank', rel: 'noopener', text: 'Methodology and sources' }) : null);
    const notice = notices.length ? h('div', { class: 'notice', role: 'alert' }, h('p', { text: 'About this calculator\'s settings:' }), h('ul', {}, ...notices.map((n) => h('li', { text: n })))) : null;
    const policy = view.policyYear > reg.limits.recordEnd ? `Sliders set each lever from ${view.policyYear} on.` : `Sliders set each lever from ${view.policyYear} on: what might have been.`;

    // Results first: at phone widths the figures and the chart sit above the sliders.
    this.#root.replaceChildren(h('section', { class: `calc${compact ? ' compact' : ''}`, 'aria-labelledby': titleId },
      h('h2', { id: titleId, text: title }),
      notice,
      h('div', { class: 'grid' },
        h('div', { class: 'out' }, this.#headline.container, this.#sentence, legendBox, box, compact ? null : this.#calibrationBox),
        h('div', { class: 'in' }, h('div', { class: 'row' }, h('label', { for: `${uid}-preset`, text: 'Preset' }), preset), h('p', { class: 'hint', text: policy }), levers)),
      foot,
    ));
    this.#presetSelect = preset;
    this.#legendBox = legendBox;
    this.#svg = svg;
    this.#chart = lineChart(svg);
    attachReadout(box, () => this.#chart);
    if (!this.#built) new ResizeObserver(() => this.#results && this.#draw()).observe(this);
    this.#built = true;
    this.#update();
  }

  #draw() {
    revenueChart(this.#chart, this.#results, { width: Math.max(200, this.#svg.parentElement.clientWidth), observations: [], showMarkers: false });
  }

  #update() {
    const api = this.#api;
    const reg = api.registry;
    const state = this.#ctl.state;
    this.#results = this.#ctl.compute();
    const p = this.#ctl.preset();
    this.#presetSelect.value = p ? p.id : '';
    this.#controls.update(state.scenario, state.view, this.#results.byYear);
    this.#headline.update(this.#results);
    if (this.#lastMoved) {
      const f = figures(this.#results);
      this.#controls.showLive(this.#lastMoved, `${f.from}–${f.to}: ${usd(f.revenue)}, ${f.denied >= 0 ? 'denied' : 'added'} ${usd(Math.abs(f.denied))} (${percent(Math.abs(f.deniedShare))})`);
    }
    calibration(this.#calibrationBox, this.#results.projection, this.#methodology);
    revenueLegend(this.#legendBox, this.#results, false);
    this.#draw();
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#sentence.textContent = sentence(this.#results, scenarioLabel(reg, state.scenario));
    }, 200);
    if (this.#openLink) this.#openLink.href = `${home()}index.html${writeQuery(state, reg)}`;
    this.dispatchEvent(new CustomEvent(EVENT, { bubbles: true, composed: true, detail: { scenario: this.scenario, projection: this.projection, figures: this.figures } }));
  }
}

/**
 * Whether a figure's attributes are ones model 1.1.0 understood, with no version named:
 * such a figure was published before 2.0.0 and keeps the number it was published with.
 */
function legacyFigure(el, q, reg) {
  if (q.has('v') || el.hasAttribute('host') || el.hasAttribute('policy-year')) return false;
  if (/^window\./.test(el.getAttribute('metric') ?? '') || /arrivals/.test(el.getAttribute('metric') ?? '')) return false;
  for (const [k, v] of q) {
    if (k === 'preset' ? !reg.model1PresetById.has(v) : v.includes(':') || k.startsWith('demand.') || k === 'borderOpen' || k === 'policyYear' || k === 'host') return false;
  }
  return true;
}

export class DprkLaborValue extends HTMLElement {
  static observedAttributes = ['metric', 'format', 'preset', 'scenario', 'for', 'host', 'policy-year', 'v'];
  #follow = null;
  #pending = 0;
  #fallback = null;

  connectedCallback() {
    // Text written inside the element (the published figure) stays until the number is
    // ready: readers without JavaScript, feeds and crawlers see it, and so does a reader
    // whose browser cannot run the model.
    if (this.#fallback === null) this.#fallback = this.textContent.trim();
    if (!this.#fallback) this.textContent = '…';
    this.#follow = (e) => { if (e.target.id === this.getAttribute('for')) this.#show(e.detail); };
    document.addEventListener(EVENT, this.#follow);
    this.#render();
  }

  disconnectedCallback() {
    document.removeEventListener(EVENT, this.#follow);
  }

  attributeChangedCallback() {
    if (this.isConnected) this.#render();
  }

  async #render() {
    const ticket = ++this.#pending;
    let api;
    try {
      api = await load();
    } catch (e) {
      return this.#fail(`the model could not load (${e?.message ?? e})`);
    }
    if (ticket !== this.#pending) return;
    const target = this.getAttribute('for');
    if (target) {
      const calc = document.getElementById(target);
      if (!calc || calc.localName !== 'dprk-labor-calculator') return this.#fail(`no calculator with id ${quoteText(target)}`);
      if (calc.projection) this.#show({ projection: calc.projection, figures: calc.figures });
      return;
    }
    const q = query(this);
    const legacy = legacyFigure(this, q, api.registry);
    if (legacy) q.set('v', '1.1.0');
    const { scenario, view, notices, versionNotice } = readQuery(q, api, 'the figure\'s attributes');
    const errors = notices.filter((n) => n !== versionNotice);
    if (errors.length) return this.#fail(errors[0]);
    // The model version a figure was computed with is stated to whoever hovers or inspects it.
    this.title = legacy
      ? `Computed as model 1.1.0 computed it (this figure names no model version); model ${api.registry.version.modelVersion} is loaded.`
      : versionNotice ?? `Model ${api.registry.version.modelVersion}.`;
    const results = new Controller(api, { scenario, view }).compute();
    this.#show({ projection: results.projection, figures: figures(results) });
  }

  #show(target) {
    if (!target?.projection) return;
    const path = this.getAttribute('metric');
    const formatName = this.getAttribute('format') ?? defaultFormat(target, path ?? '');
    const format = FORMATS.get(formatName);
    if (!format) return this.#fail(`unknown format ${quoteText(formatName)}; allowed: ${[...FORMATS.keys()].join(', ')}`);
    try {
      const text = format(metric(target, path));
      if (this.textContent !== text) this.textContent = text;
      this.removeAttribute('data-error');
    } catch (e) {
      this.#fail(e.message);
    }
  }

  /** The author's fallback text, or else a readable note, in place of the number. */
  #fail(why) {
    this.textContent = this.#fallback || `[figure unavailable: ${why}]`;
    this.setAttribute('data-error', why);
  }
}

if (!customElements.get('dprk-labor-calculator')) customElements.define('dprk-labor-calculator', DprkLaborCalculator);
if (!customElements.get('dprk-labor-value')) customElements.define('dprk-labor-value', DprkLaborValue);
