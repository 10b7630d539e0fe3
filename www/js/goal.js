// "What it takes": the goal seek asked from the form, and its answer in words. Loaded when a
// reader first asks.
import { percent, paramValue, usd } from './format.js';
import { quoteText } from './schedule.js';
import { comparatorLabel } from './controller.js';
import { lower } from './render.js';

/**
 * Checks the form's fields, runs the goal seek and words the answer. `fields`: { levers (ids;
 * empty for every lever that acts on the host), kind ('share' or 'usd'), target, from (texts
 * as typed), host, comparator (a preset id) }. Returns { goal, text }; goal is null when a
 * field is wrong, and the text says which.
 */
export function seek(api, scenario, years, fields) {
  const reg = api.registry;
  const { levers, host, kind } = fields;
  const target = Number(fields.target);
  const from = Number(fields.from);
  const last = years[years.length - 1];
  if (kind === 'share' && !(fields.target !== '' && target >= 0 && target <= 100)) return { goal: null, text: `Enter a share from 0 to 100; ${quoteText(fields.target)} is not one.` };
  const maxMillions = reg.limits.maxTargetUsd / 1e6;
  if (kind === 'usd' && !(fields.target !== '' && target >= 0 && target <= maxMillions)) return { goal: null, text: `Enter an amount from 0 to ${maxMillions.toLocaleString('en-US')} (USD million); ${quoteText(fields.target)} is not one.` };
  if (!(Number.isInteger(from) && from >= years[0] && from <= last)) return { goal: null, text: `Enter a year from ${years[0]} to ${last}; ${quoteText(fields.from)} is not one.` };
  const comparator = reg.presetById.get(fields.comparator);
  const options = { host, from, comparator: comparator.id, ...(levers.length ? { levers } : {}) };
  if (kind === 'usd') options.targetRevenueUsd = target * 1e6;
  else options.targetShare = target / 100;
  let goal;
  try {
    goal = api.goalSeek(scenario, options);
  } catch (e) {
    return { goal: null, text: e.message };
  }
  const whose = host === 'all' ? 'revenue' : `revenue from ${reg.hostById.get(host).phrase}`;
  const against = kind === 'usd'
    ? `bring ${whose} in ${last} to at most ${usd(target * 1e6)}`
    : `cut ${whose} ${from}–${last} by ${percent(target / 100)} against ${lower(comparatorLabel(comparator))}`;
  const setTo = goal.values.map(({ id, value }) => `${reg.byId.get(id).label} at ${paramValue(reg.byId.get(id), value)}`).join(', ');
  const result = kind === 'usd'
    ? `That brings it to ${usd(goal.finalYearRevenueUsd)} in ${last}.`
    : `That cuts it by ${percent(goal.achievedShare, 1)}.`;
  const text = goal.reachable
    ? `To ${against}: ${setTo} from ${from}, the other levers as set. ${result} ${goal.note}`
    : goal.note;
  return { goal, text };
}
