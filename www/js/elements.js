// Custom elements for articles:
//   <dprk-labor-calculator scenario="preset=closeVisaLoophole&band=0" levers="visaClarification,repatriation.russia" compact>
//   <dprk-labor-value metric="summary.cumulativeDeniedUsd" preset="closeVisaLoophole" format="usd-billions">
//   <dprk-labor-value metric="revenueUsd@last" for="calculator-id">
// Styles live in each element's shadow root; nothing global, no cookies or storage. Every
// element on a page shares one wasm instance, loaded once.
import { load, home } from './api.js';
import { buildControls, h } from './controls.js';
import { readQuery, writeQuery, matchingPreset } from './state.js';
import { compute, headline, sentence, scenarioLabel, revenueChart, revenueLegend, attachReadout, calibration } from './render.js';
import { FORMATS } from './format.js';
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

/** Attributes `preset` and `scenario` (page query syntax) as one query, preset first. */
function query(el) {
  const q = new URLSearchParams();
  const preset = el.getAttribute('preset');
  if (preset) q.set('preset', preset);
  for (const [k, v] of new URLSearchParams(el.getAttribute('scenario') ?? '')) q.append(k, v);
  return q;
}

/** The calculator's methodology page, or null when it has no home site. */
const methodologyUrl = () => home() && `${home()}methodology.html`;

let counter = 0;

export class DprkLaborCalculator extends HTMLElement {
  static observedAttributes = ['scenario', 'preset', 'levers', 'compact'];
  #state = null;
  #results = null;
  #chart = null;
  #root;
  #built = false;
  #api = null;
  #timer = 0;
  // Parts of the shadow tree that each update writes to.
  #controls; #headline; #sentence; #calibrationBox; #openLink; #presetSelect; #legendBox; #svg; #compactMode;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#root.adoptedStyleSheets = styles();
  }

  /** The current scenario: parameter id → value. */
  get scenario() { return this.#state ? { ...this.#state.scenario } : null; }
  /** The current projection, as `evaluate()` returns it. */
  get projection() { return this.#results?.projection ?? null; }

  connectedCallback() {
    load().then((api) => { this.#api = api; this.#build(); });
  }

  attributeChangedCallback() {
    if (this.#built) this.#build();
  }

  #build() {
    const api = this.#api;
    const reg = api.registry;
    const { scenario, view, notices } = readQuery(query(this), api, 'the calculator\'s attributes');
    this.#state = { scenario, view };
    const compact = this.hasAttribute('compact');
    const wanted = (this.getAttribute('levers') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const known = wanted.filter((id) => reg.byId.get(id)?.kind === 'lever');
    for (const id of wanted.filter((id) => !known.includes(id))) notices.push(`"${id}" in levers is not a lever. Ignored.`);
    const uid = `c${++counter}`;

    const preset = h('select', { id: `${uid}-preset` });
    for (const p of reg.presets) preset.append(h('option', { value: p.id, text: p.label }));
    preset.append(h('option', { value: '', text: 'Custom', disabled: true }));
    preset.addEventListener('change', () => {
      const p = reg.presets.find((x) => x.id === preset.value);
      if (p) { Object.assign(this.#state.scenario, p.values); this.#update(); }
    });
    const levers = h('div', { class: 'levers' });
    const title = this.getAttribute('heading') ?? 'How much does North Korea still earn from its workers abroad?';
    const titleId = `${uid}-title`;
    const methodology = methodologyUrl();
    this.#controls = buildControls(reg, { levers }, (id, value) => {
      this.#state.scenario[id] = value;
      this.#update();
    }, { only: known.length ? known : null, prefix: uid, methodology: methodology || '#' });
    if (!home()) levers.querySelectorAll('.hint a').forEach((a) => a.remove());

    this.#headline = h('div', { class: 'headline' });
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
    const foot = h('p', { class: 'foot' }, `Model ${reg.version.modelVersion}. `, open, open ? ' · ' : null, methodology ? h('a', { href: methodology, target: '_blank', rel: 'noopener', text: 'Methodology and sources' }) : null);
    const notice = notices.length ? h('div', { class: 'notice', role: 'alert' }, h('p', { text: 'About this calculator\'s settings:' }), h('ul', {}, ...notices.map((n) => h('li', { text: n })))) : null;

    this.#root.replaceChildren(h('section', { class: 'calc', 'aria-labelledby': titleId },
      h('h2', { id: titleId, text: title }),
      notice,
      h('div', { class: 'row' }, h('label', { for: `${uid}-preset`, text: 'Preset' }), preset),
      h('div', { class: 'grid' }, levers, h('div', { class: 'out' }, this.#headline, this.#sentence, legendBox, box, compact ? null : this.#calibrationBox, foot)),
    ));
    this.#presetSelect = preset;
    this.#legendBox = legendBox;
    this.#svg = svg;
    this.#compactMode = compact;
    attachReadout(box, () => this.#chart);
    if (!this.#built) new ResizeObserver(() => this.#results && this.#draw()).observe(this);
    this.#built = true;
    this.#update();
  }

  #draw() {
    this.#chart = revenueChart(this.#svg, this.#results, { width: Math.max(200, this.#svg.parentElement.clientWidth), observations: [], showMarkers: false });
  }

  #update() {
    const api = this.#api;
    const reg = api.registry;
    this.#results = compute(api, this.#state);
    const p = matchingPreset(reg, this.#state.scenario);
    this.#presetSelect.value = p ? p.id : '';
    this.#controls.update(this.#state.scenario);
    headline(this.#headline, this.#results, { compact: this.#compactMode });
    calibration(this.#calibrationBox, this.#results.projection, methodologyUrl());
    revenueLegend(this.#legendBox, this.#results, false);
    this.#draw();
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#sentence.textContent = sentence(this.#results, scenarioLabel(reg, this.#state.scenario));
    }, 200);
    if (this.#openLink) this.#openLink.href = `${home()}index.html${writeQuery(this.#state, reg)}`;
    this.dispatchEvent(new CustomEvent(EVENT, { bubbles: true, composed: true, detail: { scenario: this.scenario, projection: this.projection } }));
  }
}

export class DprkLaborValue extends HTMLElement {
  static observedAttributes = ['metric', 'format', 'preset', 'scenario', 'for'];
  #follow = null;

  connectedCallback() {
    if (!this.textContent) this.textContent = '…';
    this.#follow = (e) => { if (e.target.id === this.getAttribute('for')) this.#show(e.target.projection); };
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
    const api = await load();
    const target = this.getAttribute('for');
    if (target) {
      const calc = document.getElementById(target);
      if (!calc || calc.localName !== 'dprk-labor-calculator') return this.#fail(`no calculator with id "${target}"`);
      if (calc.projection) this.#show(calc.projection);
      return;
    }
    const { scenario, notices, versionNotice } = readQuery(query(this), api, 'the figure\'s attributes');
    const errors = notices.filter((n) => n !== versionNotice);
    if (errors.length) return this.#fail(errors[0]);
    // A figure written with another model version still shows the current number, and says so
    // to whoever hovers or inspects it: an article should not lose its figures on an update.
    if (versionNotice) this.title = versionNotice;
    else this.removeAttribute('title');
    this.#show(api.evaluate(scenario));
  }

  #show(projection) {
    if (!projection) return;
    const path = this.getAttribute('metric');
    const formatName = this.getAttribute('format') ?? defaultFormat(path ?? '');
    const format = FORMATS[formatName];
    if (!format) return this.#fail(`unknown format "${formatName}"; allowed: ${Object.keys(FORMATS).join(', ')}`);
    try {
      this.textContent = format(metric(projection, path));
      this.removeAttribute('data-error');
    } catch (e) {
      this.#fail(e.message);
    }
  }

  /** A visible, readable fallback in place of the number. */
  #fail(why) {
    this.textContent = `[figure unavailable: ${why}]`;
    this.setAttribute('data-error', why);
  }
}

if (!customElements.get('dprk-labor-calculator')) customElements.define('dprk-labor-calculator', DprkLaborCalculator);
if (!customElements.get('dprk-labor-value')) customElements.define('dprk-labor-value', DprkLaborValue);
