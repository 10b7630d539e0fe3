// Form controls generated from the parameter registry: levers grouped by host, assumptions
// with their plausible range and sources, settings last. A parameter that changes by year
// shows and sets its value from the policy year on, above a small chart of its value in
// every year of the horizon (the record's years shaded), said in words too.
import { paramValue, valueInWords } from './format.js';
import { runsOf } from './schedule.js';
import { stepSpark } from './chart.js';
import { h } from './dom.js';


/** Host label → group legend; parameters without a host go under "Every host". */
function groups(params, hosts) {
  const out = hosts.map((host) => ({ legend: host.label, items: params.filter((p) => p.host === host.id) }));
  out.push({ legend: 'Every host', items: params.filter((p) => p.host === null) });
  return out.filter((g) => g.items.length);
}

/**
 * Builds every control. `onInput(id, value)` is called on each input event of a slider (as
 * it is dragged or moved by keys) and on each change of a checkbox, with the number shown.
 * Returns { update(scenario, view) } to show values. `only` limits the levers shown (ids),
 * for compact embeds.
 */
export function buildControls(reg, containers, onInput, { only = null, prefix = 'p', methodology = 'methodology.html', live = false } = {}) {
  const controls = [];
  let liveShown = null;

  function control(p) {
    const id = `${prefix}-${p.id}`;
    const out = h('output', { id: `${id}-value`, for: id, class: 'value' });
    const hintId = `${id}-hint`;
    const byYearId = `${id}-years`;
    const switchLike = p.unit === 'switch';
    const input = switchLike
      ? h('input', { type: 'checkbox', id, 'aria-describedby': hintId })
      : h('input', { type: 'range', id, min: p.min, max: p.max, step: p.step, 'aria-describedby': p.scheduled ? `${byYearId} ${hintId}` : hintId });
    if (switchLike) input.addEventListener('change', () => onInput(p.id, input.checked ? 1 : 0));
    else input.addEventListener('input', () => onInput(p.id, Number(input.value)));
    const unit = switchLike ? '' : ` (${p.unitLabel})`;
    const label = h('label', { for: id }, h('span', { text: p.label }), h('span', { class: 'unit', text: unit }));
    const hint = h('p', { class: 'hint', id: hintId });
    if (p.kind === 'assumption' && p.low !== null) {
      hint.append(`Plausible: ${paramValue(p, p.low)} to ${paramValue(p, p.high)}; default ${paramValue(p, p.default)}. `);
    } else {
      hint.append(p.description + ' ');
    }
    if (p.reaches) hint.append(h('span', { class: 'reaches', text: `${p.reaches} ` }));
    // Visible text first, then words for screen readers, so the name contains what is seen.
    const n = p.sources.length;
    const link = h('a', { href: `${methodology}#param-${p.id}` }, p.kind === 'assumption' ? `Sources (${n})` : 'About', h('span', { class: 'sr-only', text: ` for ${p.label}` }));
    hint.append(link);
    let spark = null;
    let byYear = null;
    if (p.scheduled) {
      spark = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
      spark.setAttribute('class', 'spark');
      byYear = h('p', { class: 'by-year', id: byYearId });
    }
    const head = switchLike ? h('div', { class: 'control-head' }, h('span', { class: 'check' }, input, label), out) : h('div', { class: 'control-head' }, label, out);
    // The result beside the slider being moved, for narrow layouts where the results are out
    // of view; screen readers hear the summary sentence instead.
    const liveLine = live ? h('p', { class: 'live', 'aria-hidden': 'true', hidden: true }) : null;
    // What the lever can do for the host in focus, and what blocks it (from the model).
    const effect = p.kind === 'lever' ? h('p', { class: 'effect', id: `${id}-effect`, hidden: true }) : null;
    if (effect) input.setAttribute('aria-describedby', `${input.getAttribute('aria-describedby')} ${id}-effect`);
    const node = h('div', { class: 'control', 'data-id': p.id }, head, switchLike ? null : input, liveLine, effect, spark, byYear, hint);
    controls.push({ p, input, out, spark, byYear, liveLine, effect, drawn: '' });
    return node;
  }

  const levers = reg.parameters.filter((p) => p.kind === 'lever' && (!only || only.includes(p.id)));
  for (const g of groups(levers, reg.hosts)) {
    containers.levers.append(h('fieldset', {}, h('legend', { text: g.legend }), ...g.items.map(control)));
  }
  if (containers.assumptions) {
    const assumptions = reg.parameters.filter((p) => p.kind === 'assumption');
    for (const g of groups(assumptions, reg.hosts)) {
      containers.assumptions.append(h('fieldset', {}, h('legend', { text: g.legend }), ...g.items.map(control)));
    }
  }
  if (containers.settings) {
    containers.settings.append(...reg.parameters.filter((p) => p.kind === 'setting').map(control));
  }

  /**
   * Shows every value: for one that changes by year, its value in the policy year.
   * `byYear(id)` gives a parameter's value in each year of the horizon, as the model reads it.
   */
  function update(scenario, view, byYear) {
    const first = scenario.baseYear;
    const last = scenario.endYear;
    const year = Math.min(Math.max(view.policyYear, first), last);
    for (const c of controls) {
      const { p, input, out } = c;
      const value = scenario[p.id];
      const values = p.scheduled ? byYear(p.id) : null;
      const v = p.scheduled ? values[year - first] : value;
      if (p.id === 'endYear') {
        input.min = first;
        input.max = Math.min(p.max, first + reg.limits.maxHorizonYears);
      }
      if (input.type === 'checkbox') input.checked = v === 1;
      else if (Number(input.value) !== v) input.value = v;
      // The words, the spoken value and the years' view change only with this parameter's
      // value or the years shown: a slider move leaves every other control as it was.
      const key = `${first}|${last}|${year}|${typeof value === 'number' ? value : JSON.stringify(value)}`;
      if (key === c.drawn) continue;
      c.drawn = key;
      const words = paramValue(p, v);
      if (out.value !== words) out.value = words;
      if (input.type === 'range') input.setAttribute('aria-valuetext', p.scheduled && year > first ? `${words} from ${year}` : words);
      if (p.scheduled) {
        const years = [];
        for (let y = first; y <= last; y++) years.push(y);
        stepSpark(c.spark, { years, values: [...values], max: p.max, policyYear: year, recordEnd: reg.limits.recordEnd });
        c.byYear.textContent = `By year: ${valueInWords(p, runsOf(values, first))}.`;
      }
    }
  }
  /** Shows `text` under the control of `id` (the one last moved), and hides the others'. */
  function showLive(id, text) {
    const c = controls.find((x) => x.p.id === id);
    if (!c?.liveLine) return;
    if (liveShown && liveShown !== c) liveShown.liveLine.hidden = true;
    liveShown = c;
    c.liveLine.hidden = false;
    if (c.liveLine.textContent !== text) c.liveLine.textContent = text;
  }
  /** Shows each lever's effect line (`lines`: id → text, or nothing to hide it). */
  function showEffects(lines) {
    for (const c of controls) {
      if (!c.effect) continue;
      const text = lines.get(c.p.id);
      c.effect.hidden = !text;
      if (text && c.effect.textContent !== text) c.effect.textContent = text;
      c.effect.classList.toggle('blocked', Boolean(text?.includes('closes its channel')));
    }
  }
  return { update, showLive, showEffects };
}
