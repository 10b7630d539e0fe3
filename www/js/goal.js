// "What it takes": the goal seek asked from the form, and its answer in words. Loaded when a
// reader first asks.
import { percent, paramValue } from './format.js';
import { quoteText } from './schedule.js';

/**
 * Checks the form's fields, runs the goal seek and words the answer. `fields`: { levers,
 * target, from (texts as typed), host, comparator (a preset id) }. Returns { goal, text };
 * goal is null when a field is wrong, and the text says which.
 */
export function seek(api, scenario, years, fields) {
  const reg = api.registry;
  const { levers, host } = fields;
  const target = Number(fields.target);
  const from = Number(fields.from);
  const last = years[years.length - 1];
  if (!levers.length) return { goal: null, text: 'Choose at least one lever.' };
  if (!(fields.target !== '' && target >= 0 && target <= 100)) return { goal: null, text: `Enter a share from 0 to 100; ${quoteText(fields.target)} is not one.` };
  if (!(Number.isInteger(from) && from >= years[0] && from <= last)) return { goal: null, text: `Enter a year from ${years[0]} to ${last}; ${quoteText(fields.from)} is not one.` };
  const comparator = reg.presetById.get(fields.comparator);
  const goal = api.goalSeek(scenario, { levers, targetShare: target / 100, host, from, comparator: comparator.id });
  const whose = host === 'all' ? 'revenue' : `revenue from ${reg.hostById.get(host).label}`;
  const against = `${whose} ${from}–${last} by ${percent(target / 100)} against ${comparator.label.toLowerCase()}`;
  const setTo = goal.values.map(({ id, value }) => `${reg.byId.get(id).label} at ${paramValue(reg.byId.get(id), value)}`).join(', ');
  const text = goal.reachable
    ? `To cut ${against}: ${setTo} from ${from}, the other levers as set. That cuts it by ${percent(goal.achievedShare, 1)}. ${goal.note}`
    : `${levers.map((id) => reg.byId.get(id).label).join(' and ')} cannot cut ${against}: at their maximum the cut is ${percent(goal.shareAtMax, 1)}. ${goal.note}`;
  return { goal, text };
}
