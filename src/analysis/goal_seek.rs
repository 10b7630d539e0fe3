//! Goal seek: the smallest setting of one lever, or of several moved together (by default
//! every lever that acts on the host), that cuts one host's (or every host's) revenue over a
//! window by a target share against a comparator, or brings its revenue in the window's last
//! year down to a target in dollars. An answer that cannot be reached names what binds.

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use serde::Serialize;

use alloc::format;

use super::effects::{Gate, acts_on, goal_gates, opened};
use super::measure::Measure;
use crate::error::{InputError, Num, short};
use crate::presets::{PRESETS, preset};
use crate::registry::{HOSTS, Kind, PARAMETERS, Parameter, index_of, levers, parameter};
use crate::scenario::Scenario;
use crate::schedule::check_number;

/// What a goal seek must reach.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Target {
    /// Revenue over the window at least this share (0 to 1) below the comparator's.
    Share(f64),
    /// Revenue in the window's last year at most this many dollars.
    RevenueUsd(f64),
}

/// What a goal seek is asked.
#[derive(Clone, Debug, PartialEq)]
pub struct Goal {
    /// The levers moved together, each to the same share of its range.
    pub levers: Vec<&'static str>,
    /// What must be reached.
    pub target: Target,
    /// Whose revenue, and from which year; the output is always revenue.
    pub measure: Measure,
    /// The preset compared against (over the scenario's assumptions), or `None` for no
    /// enforcement.
    pub comparator: Option<&'static str>,
}

use crate::limits::MAX_TARGET_USD;
use crate::model::evaluate;

impl Goal {
    /// A goal from ids, checked: lever ids (none: every lever that acts on the host), a
    /// target, a host id or "all", a first year and a preset id.
    pub fn parse(
        levers: &[&str],
        target: Target,
        host: Option<&str>,
        from: Option<i32>,
        comparator: Option<&str>,
    ) -> Result<Goal, InputError> {
        let measure = Measure::parse(None, host, from)?;
        let mut ids = Vec::new();
        for id in levers {
            let p = parameter(id)
                .filter(|p| p.kind == Kind::Lever)
                .ok_or_else(|| InputError::UnknownName {
                    field: "lever",
                    name: short(id),
                    allowed: lever_names(),
                })?;
            if !ids.contains(&p.id) {
                ids.push(p.id);
            }
        }
        if ids.is_empty() {
            ids = PARAMETERS
                .iter()
                .filter(|p| acts_on(p, measure.host))
                .map(|p| p.id)
                .collect();
        }
        match target {
            Target::Share(x) => check_number("targetShare", None, x, (0.0, 1.0), false)?,
            Target::RevenueUsd(x) => {
                check_number("targetRevenueUsd", None, x, (0.0, MAX_TARGET_USD), false)?
            }
        }
        let comparator = match comparator {
            None | Some("noEnforcement") => None,
            Some(id) => Some(
                preset(id)
                    .ok_or_else(|| InputError::UnknownName {
                        field: "comparator",
                        name: short(id),
                        allowed: PRESETS.iter().map(|p| p.id).collect::<Vec<_>>().join(", "),
                    })?
                    .id,
            ),
        };
        Ok(Goal {
            levers: ids,
            target,
            measure,
            comparator,
        })
    }
}

fn lever_names() -> String {
    levers().map(|p| p.id).collect::<Vec<_>>().join(", ")
}

/// One lever's setting in a goal seek's answer.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LeverSetting {
    /// Lever id.
    pub id: &'static str,
    /// The lever's value from the first year of the window on.
    pub value: f64,
}

/// Answer of a goal seek.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GoalSeek {
    /// The levers moved, each to the same share of its range.
    pub levers: Vec<&'static str>,
    /// Host id, or "all".
    pub host: &'static str,
    /// First year of the window; the levers take their new value from then on.
    pub from: i32,
    /// Last year of the window: the scenario's end year.
    pub to: i32,
    /// The preset compared against, or "noEnforcement".
    pub comparator: &'static str,
    /// The share (0 to 1) by which revenue over the window must fall below the
    /// comparator's, if that was the target.
    pub target_share: Option<f64>,
    /// The most revenue, USD, allowed in the window's last year, if that was the target.
    pub target_revenue_usd: Option<f64>,
    /// The comparator's revenue over the window, USD.
    pub comparator_revenue_usd: f64,
    /// Whether the target is reached anywhere in the levers' ranges.
    pub reachable: bool,
    /// The smallest share of each lever's range found that reaches the target (`None` when
    /// unreachable).
    pub setting: Option<f64>,
    /// Each lever's value at that setting (empty when unreachable).
    pub values: Vec<LeverSetting>,
    /// The cut over the window against the comparator at `setting`, or at the levers'
    /// maximum when unreachable.
    pub achieved_share: f64,
    /// Revenue in the window's last year at `setting`, or at the maximum when unreachable.
    pub final_year_revenue_usd: f64,
    /// The cut with every lever moved at its maximum.
    pub share_at_max: f64,
    /// Revenue in the window's last year with every lever at its maximum, USD.
    pub final_year_revenue_at_max_usd: f64,
    /// When unreachable: the parameters that bind, each of which, opened alone to its
    /// maximum with the levers at theirs, reaches the target (or, if none does, the one that
    /// comes closest); empty otherwise.
    pub binds: Vec<Gate>,
    /// The answer is within this distance (a share of the levers' ranges) of the crossing.
    pub tolerance: f64,
    /// Evaluations made.
    pub evaluations: u32,
    /// Whether the answer never moved away from the target as the setting rose, on 41
    /// evenly spaced settings. Bisection finds the smallest answer only if it is monotone.
    pub monotone_on_grid: bool,
    /// One sentence for the reader.
    pub note: String,
}

/// The smallest setting of `goal.levers` (each at the same share of its range, from the
/// window's first year on, the scenario's values before it) that reaches the target: a cut
/// of the measure's revenue over the window against the comparator, or at most so much
/// revenue in the window's last year.
pub fn goal_seek(s: &Scenario, goal: &Goal) -> Result<GoalSeek, InputError> {
    goal.measure.check(s)?;
    let (first_year, last_year) = s.years();
    let from = goal.measure.from.unwrap_or(first_year);
    let measure = Measure {
        from: Some(from),
        ..goal.measure
    };
    let comparator = match goal.comparator {
        Some(id) => preset(id).map_or_else(|| s.without_levers(), |p| s.clone().with_preset(p)),
        None => s.without_levers(),
    };
    let comparator_revenue = measure.revenue(&evaluate(&comparator));
    let rows: Vec<(usize, &Parameter)> = goal
        .levers
        .iter()
        .filter_map(|id| index_of(id).zip(parameter(id)))
        .collect();
    let value_of = |p: &Parameter, u: f64| p.min + (p.max - p.min) * u;
    // The cut over the window against the comparator, and the last year's revenue.
    let outcome = |at: &Scenario| {
        let (window, last) = measure.revenue_and_last(&evaluate(at));
        // Against less than a dollar there is nothing to cut (and a share of it would leave
        // the range of numbers).
        let cut = if comparator_revenue >= 1.0 {
            1.0 - window / comparator_revenue
        } else {
            0.0
        };
        (cut, last)
    };
    // How far along towards the target: higher is better, and >= 0 reaches it.
    let progress = |(cut, last): (f64, f64)| match goal.target {
        Target::Share(t) => cut - t,
        Target::RevenueUsd(t) => t - last,
    };
    let mut evaluations = 0u32;
    let mut at_setting = |u: f64| {
        evaluations += 1;
        let mut at = s.clone();
        for &(k, p) in &rows {
            at.put(k, s.value(k).from_year(from, value_of(p, u), first_year));
        }
        outcome(&at)
    };
    const GRID: usize = 40;
    let grid: Vec<(f64, f64)> = (0..=GRID)
        .map(|i| at_setting(i as f64 / GRID as f64))
        .collect();
    let monotone_on_grid = grid.windows(2).all(|w| match w {
        [a, b] => progress(*b) >= progress(*a) - 1e-12 * (1.0 + progress(*a).abs()),
        _ => true,
    });
    let at_zero = grid.first().copied().unwrap_or_default();
    let at_max = grid.last().copied().unwrap_or_default();
    let tolerance = 1e-6;
    let (reachable, setting, achieved) = if progress(at_zero) >= 0.0 {
        (true, Some(0.0), at_zero)
    } else if progress(at_max) < 0.0 {
        (false, None, at_max)
    } else {
        // The first grid interval that crosses the target brackets the answer.
        let i = grid
            .iter()
            .position(|&g| progress(g) >= 0.0)
            .unwrap_or(GRID);
        let (mut lo, mut hi) = ((i.max(1) - 1) as f64 / GRID as f64, i as f64 / GRID as f64);
        let mut at_hi = grid.get(i).copied().unwrap_or(at_max);
        while hi - lo > tolerance {
            let mid = lo + (hi - lo) / 2.0;
            let m = at_setting(mid);
            if progress(m) >= 0.0 {
                (hi, at_hi) = (mid, m);
            } else {
                lo = mid;
            }
        }
        (true, Some(hi.min(1.0)), at_hi)
    };
    let values = setting.map_or_else(Vec::new, |u| {
        rows.iter()
            .map(|&(_, p)| LeverSetting {
                id: p.id,
                value: value_of(p, u),
            })
            .collect()
    });
    // What binds: each other parameter opened alone, with the levers at their maximum.
    let (binds, binds_reach) = if reachable {
        (Vec::new(), false)
    } else {
        let moved: Vec<usize> = rows.iter().map(|&(k, _)| k).collect();
        let at_max_scenario = opened(s, &moved, from);
        let mut reaching = Vec::new();
        let mut closest: Option<(f64, Gate)> = None;
        for k in goal_gates(measure.host, &moved) {
            let Some(p) = PARAMETERS.get(k) else { continue };
            let value = s.value_at(p.id, from).unwrap_or(p.default);
            if value >= p.max {
                continue;
            }
            evaluations += 1;
            let o = outcome(&opened(&at_max_scenario, &[k], from));
            let gate = Gate {
                id: p.id,
                value,
                open: p.max,
                cut_share: o.0,
            };
            if progress(o) >= 0.0 {
                reaching.push(gate);
            } else if progress(o) > progress(at_max) + 0.01 * (1.0 + progress(at_max).abs())
                && closest.as_ref().is_none_or(|(best, _)| progress(o) > *best)
            {
                closest = Some((progress(o), gate));
            }
        }
        let reach = !reaching.is_empty();
        if !reach {
            reaching.extend(closest.map(|(_, g)| g));
        }
        (reaching, reach)
    };
    let host_name = measure
        .host
        .and_then(|h| HOSTS.get(h))
        .map_or("every host", |h| h.phrase);
    let moved = rows
        .iter()
        .map(|(_, p)| p.label)
        .collect::<Vec<_>>()
        .join(", ");
    let note = if !reachable {
        let best = format!(
            "Not reachable: with {moved} at their maximum from {from}, revenue from {host_name} falls by at most {}% over {from}–{last_year} against the comparator, to {} in {last_year}",
            Num(libm::round(at_max.0 * 1000.0) / 10.0),
            Usd(at_max.1),
        );
        match binds.as_slice() {
            [] => format!(
                "{best}; no other lever or share among the assumptions, opened alone, reaches the target."
            ),
            gates => {
                let named: Vec<String> = gates
                    .iter()
                    .map(|g| format!("{} at {}", label_of(g.id), Num(g.value)))
                    .collect();
                format!(
                    "{best}; what binds: {} ({}).",
                    named.join(", "),
                    if binds_reach {
                        "opening any one of them to its maximum reaches the target"
                    } else {
                        "opening it to its maximum comes closest, without reaching the target"
                    }
                )
            }
        }
    } else if monotone_on_grid {
        "The answer moves steadily with this setting, so this is the smallest setting that \
         reaches the target."
            .to_string()
    } else {
        "The answer does not move steadily with this setting; this one reaches the target but \
         a smaller one might too."
            .to_string()
    };
    Ok(GoalSeek {
        levers: goal.levers.clone(),
        host: measure
            .host
            .and_then(|h| HOSTS.get(h))
            .map_or("all", |h| h.id),
        from,
        to: last_year,
        comparator: goal.comparator.unwrap_or("noEnforcement"),
        target_share: match goal.target {
            Target::Share(x) => Some(x),
            Target::RevenueUsd(_) => None,
        },
        target_revenue_usd: match goal.target {
            Target::RevenueUsd(x) => Some(x),
            Target::Share(_) => None,
        },
        comparator_revenue_usd: comparator_revenue,
        reachable,
        setting,
        values,
        achieved_share: achieved.0,
        final_year_revenue_usd: achieved.1,
        share_at_max: at_max.0,
        final_year_revenue_at_max_usd: at_max.1,
        binds,
        tolerance,
        evaluations,
        monotone_on_grid,
        note,
    })
}

fn label_of(id: &str) -> &'static str {
    parameter(id).map_or("", |p| p.label)
}

/// Dollars for a sentence: "$1.2bn", "$340M", "$52,000".
struct Usd(f64);

impl core::fmt::Display for Usd {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let x = self.0;
        if x >= 1e9 {
            write!(f, "${}bn", Num(libm::round(x / 1e7) / 100.0))
        } else if x >= 1e6 {
            write!(f, "${}M", Num(libm::round(x / 1e5) / 10.0))
        } else {
            write!(f, "${}", Num(libm::round(x)))
        }
    }
}
