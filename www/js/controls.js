// Form controls generated from the parameter registry: levers grouped by host, assumptions
// with their plausible range and sources, settings last.
import { paramValue } from './format.js';
import { MAX_HORIZON_YEARS } from './state.js';

function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') node.textContent = v;
    else node.setAttribute(k, v === true ? '' : v);
  }
  node.append(...children.filter(Boolean));
  return node;
}
export { h };

/** Host label → group legend; levers without a host go under "Every host". */
function groups(params, hosts) {
  const out = hosts.map((host) => ({ legend: host.label, items: params.filter((p) => p.host === host.id) }));
  out.push({ legend: 'Every host', items: params.filter((p) => p.host === null) });
  return out.filter((g) => g.items.length);
}

/**
 * Builds every control. `onInput(id, value)` is called on each input event of a slider (as
 * it is dragged or moved by keys) and on each change of a checkbox. Returns
 * { update(scenario) } to show values.
 * `only` limits the levers shown (ids), for compact embeds.
 */
export function buildControls(reg, containers, onInput, { only = null, prefix = 'p', methodology = 'methodology.html' } = {}) {
  const inputs = new Map();

  function control(p) {
    const id = `${prefix}-${p.id}`;
    const out = h('output', { id: `${id}-value`, for: id, class: 'value' });
    const hintId = `${id}-hint`;
    let input;
    if (p.unit === '0 or 1') {
      input = h('input', { type: 'checkbox', id, 'aria-describedby': hintId });
      input.addEventListener('change', () => onInput(p.id, input.checked ? 1 : 0));
    } else {
      input = h('input', { type: 'range', id, min: p.min, max: p.max, step: p.step, 'aria-describedby': hintId });
      input.addEventListener('input', () => onInput(p.id, Number(input.value)));
    }
    inputs.set(p.id, { input, out, p });
    const unit = p.unit === '0 or 1' ? '' : ` (${p.unit})`;
    const label = h('label', { for: id }, h('span', { text: p.label }), h('span', { class: 'unit', text: unit }));
    const hint = h('p', { class: 'hint', id: hintId });
    if (p.kind === 'assumption') {
      hint.append(`Plausible: ${paramValue(p, p.low)} to ${paramValue(p, p.high)}; default ${paramValue(p, p.default)}. `);
    } else {
      hint.append(p.description + ' ');
    }
    // Visible text first, then words for screen readers, so the name contains what is seen.
    const link = h('a', { href: `${methodology}#param-${p.id}` }, p.kind === 'assumption' ? `Sources (${p.sources.length})` : 'About', h('span', { class: 'sr-only', text: ` for ${p.label}` }));
    hint.append(link);
    const head = p.unit === '0 or 1' ? h('div', { class: 'control-head' }, h('span', { class: 'check' }, input, label), out) : h('div', { class: 'control-head' }, label, out);
    return h('div', { class: 'control', 'data-id': p.id }, head, p.unit === '0 or 1' ? null : input, hint);
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

  function update(scenario) {
    for (const [id, { input, out, p }] of inputs) {
      const v = scenario[id];
      if (id === 'endYear') {
        input.min = scenario.baseYear;
        input.max = Math.min(p.max, scenario.baseYear + MAX_HORIZON_YEARS);
      }
      if (input.type === 'checkbox') input.checked = v === 1;
      else if (Number(input.value) !== v) input.value = v;
      const words = paramValue(p, v);
      out.value = words;
      if (input.type === 'range') input.setAttribute('aria-valuetext', words);
    }
  }
  return { update };
}
