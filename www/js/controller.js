// One controller for the page and the calculator element: the state (a scenario and a view),
// what a slider, a preset or a view setting does to it, and the results a state gives. The
// model answers every question about values by year (`fromYear`, `timeline`): the page does
// not know the schedule rules a second time.
import { startScenario, defaultView, endYearWithin, matchingPreset } from './state.js';

/** How a comparator is named: the record's levers over the reader's assumptions. */
export function comparatorLabel(preset) {
  return preset.id === 'record' ? "The record's policies, under your assumptions" : preset.label;
}

export class Controller {
  /** `state`: { scenario, view }, as `readQuery` gives it; the record by default. */
  constructor(api, state = null) {
    this.api = api;
    this.reg = api.registry;
    this.state = state ?? { scenario: startScenario(this.reg), view: defaultView(this.reg) };
    /** Lever ids the reader has moved: the embed code shows these. */
    this.moved = new Set();
    this.results = null;
  }

  /**
   * A control's new value: a parameter that changes by year takes it from the policy year on.
   * Returns a notice when a full schedule had its last step replaced, else null.
   */
  set(id, value) {
    const p = this.reg.byId.get(id);
    const s = this.state.scenario;
    let notice = null;
    if (p.scheduled) {
      const before = s[id];
      s[id] = this.api.fromYear(s, id, this.policyYear(), value);
      const max = this.reg.limits.maxSteps;
      if (Array.isArray(before) && before.length >= max && Array.isArray(s[id]) && s[id].length === max && !s[id].some(([y]) => y === before.at(-1)[0])) {
        notice = `"${p.label}" already had ${max} steps, the most a schedule may have: its step of ${before.at(-1)[0]} gave way to the new one.`;
      }
    } else {
      s[id] = value;
    }
    if (id === 'baseYear') s.endYear = endYearWithin(s.endYear, value, this.reg);
    if (p.kind === 'lever') this.moved.add(id);
    return notice;
  }

  /** The policy year within the horizon. */
  policyYear() {
    const { baseYear, endYear } = this.state.scenario;
    return Math.min(Math.max(this.state.view.policyYear, baseYear), endYear);
  }

  /** A preset's values (every lever) and its policy year. */
  applyPreset(id) {
    const preset = this.reg.presetById.get(id);
    if (!preset) return false;
    Object.assign(this.state.scenario, preset.values);
    if (preset.policyYear !== null) this.state.view.policyYear = preset.policyYear;
    return true;
  }

  /** Back to the starting state. */
  reset() {
    this.state = { scenario: startScenario(this.reg), view: defaultView(this.reg) };
    this.moved.clear();
  }

  /** The preset whose values are all the scenario's, if any. */
  preset() {
    return matchingPreset(this.reg, this.state.scenario);
  }

  /** Everything the page shows for the state, but the analyses that come later. */
  compute() {
    const { api, reg, state } = this;
    const projection = api.evaluate(state.scenario);
    const comparePreset = reg.presetById.get(state.view.compare) ?? reg.presetById.get('noEnforcement');
    const comparison = api.evaluate({ ...state.scenario, ...comparePreset.values });
    const years = projection.years;
    const host = state.view.host === 'all' ? null : reg.hostById.get(state.view.host) ?? null;
    const timeline = api.timeline(state.scenario);
    const n = years.length;
    this.results = {
      projection,
      comparison,
      comparePreset,
      compareLabel: comparatorLabel(comparePreset),
      from: this.policyYear(),
      host,
      recordEnd: reg.limits.recordEnd,
      band: null,
      /** A parameter's value in each year of the horizon, as the model reads it. */
      byYear: (id) => timeline.subarray(reg.rowOf.get(id) * n, (reg.rowOf.get(id) + 1) * n),
    };
    return this.results;
  }
}
