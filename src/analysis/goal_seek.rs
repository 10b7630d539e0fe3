//! Goal seek: the smallest setting of one lever, or of several moved together, that cuts
//! one host's (or every host's) revenue over a window by a target share against a
//! comparator.

use alloc::string::{String, ToString};
use alloc::vec;
use alloc::vec::Vec;

use serde::Serialize;

use super::measure::Measure;
use crate::error::{InputError, short};
use crate::presets::{PRESETS, preset};
use crate::registry::{HOSTS, Kind, PARAMETERS, Parameter, index_of, levers};
use crate::scenario::Scenario;
use crate::schedule::{MIN_YEAR, Value, check_number};

/// What a goal seek is asked.
#[derive(Clone, Debug, PartialEq)]
pub struct Goal {
    /// The levers moved together, each to the same share of its range.
    pub levers: Vec<&'static str>,
    /// The share (0 to 1) by which revenue over the window must fall below the comparator's.
    pub target_share: f64,
    /// Whose revenue, and from which year; the output is always revenue.
    pub measure: Measure,
    /// The preset compared against (over the scenario's assumptions), or `None` for no
    /// enforcement.
    pub comparator: Option<&'static str>,
}

impl Goal {
    /// A goal from ids, checked: lever ids, a target share 0 to 1, a host id or "all", a
    /// first year and a preset id.
    pub fn parse(
        levers: &[&str],
        target_share: f64,
        host: Option<&str>,
        from: Option<i32>,
        comparator: Option<&str>,
    ) -> Result<Goal, InputError> {
        if levers.is_empty() {
            return Err(InputError::UnknownName {
                field: "levers",
                name: String::new(),
                allowed: lever_names(),
            });
        }
        let mut ids = Vec::new();
        for id in levers {
            let p = index_of(id)
                .map(|k| &PARAMETERS[k])
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
        check_number("targetShare", None, target_share, (0.0, 1.0), false)?;
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
            target_share,
            measure: Measure::parse(None, host, from)?,
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
    /// The preset compared against, or "noEnforcement".
    pub comparator: &'static str,
    /// Share (0 to 1) by which revenue over the window must fall below the comparator's.
    pub target_share: f64,
    /// The comparator's revenue over the window, USD.
    pub comparator_revenue_usd: f64,
    /// Whether the target is reached anywhere in the levers' ranges.
    pub reachable: bool,
    /// The smallest share of each lever's range found that reaches the target (`None` when
    /// unreachable).
    pub setting: Option<f64>,
    /// Each lever's value at that setting (empty when unreachable).
    pub values: Vec<LeverSetting>,
    /// The cut achieved at `setting`, or at the levers' maximum when unreachable.
    pub achieved_share: f64,
    /// The cut with every lever moved at its maximum.
    pub share_at_max: f64,
    /// The answer is within this distance (a share of the levers' ranges) of the crossing.
    pub tolerance: f64,
    /// Evaluations made.
    pub evaluations: u32,
    /// Whether the cut never fell as the setting rose, on 41 evenly spaced settings.
    /// Bisection finds the smallest answer only if the response is monotone.
    pub monotone_on_grid: bool,
    /// One sentence for the reader.
    pub note: String,
}

/// The smallest setting of `goal.levers` (each at the same share of its range, from the
/// window's first year on, the scenario's values before it) that cuts the measure's revenue
/// over the window by at least `goal.target_share` against the comparator.
pub fn goal_seek(s: &Scenario, goal: &Goal) -> GoalSeek {
    let (first_year, last_year) = s.years();
    let from = goal
        .measure
        .from
        .unwrap_or(first_year)
        .clamp(first_year, last_year);
    let measure = Measure {
        from: Some(from),
        ..goal.measure
    };
    let comparator = match goal.comparator {
        Some(id) => preset(id).map_or_else(|| s.without_levers(), |p| s.clone().with_preset(p)),
        None => s.without_levers(),
    };
    let comparator_revenue = measure.revenue(&crate::evaluate(&comparator));
    let rows: Vec<(usize, &Parameter)> = goal
        .levers
        .iter()
        .filter_map(|id| index_of(id).map(|k| (k, &PARAMETERS[k])))
        .collect();
    let value_of = |p: &Parameter, u: f64| p.min + (p.max - p.min) * u;
    let mut evaluations = 0u32;
    let mut cut_at = |u: f64| {
        evaluations += 1;
        let mut at = s.clone();
        for &(k, p) in &rows {
            at.put(k, from_year(s.value(k), from, value_of(p, u)));
        }
        let revenue = measure.revenue(&crate::evaluate(&at));
        // Against less than a dollar there is nothing to cut (and a share of it would leave
        // the range of numbers).
        if comparator_revenue >= 1.0 {
            1.0 - revenue / comparator_revenue
        } else {
            0.0
        }
    };
    const GRID: usize = 40;
    let grid: Vec<f64> = (0..=GRID).map(|i| cut_at(i as f64 / GRID as f64)).collect();
    let monotone_on_grid = grid.windows(2).all(|w| w[1] >= w[0] - 1e-12);
    let target = goal.target_share;
    let at_max = grid[GRID];
    let tolerance = 1e-6;
    let (reachable, setting, achieved) = if grid[0] >= target {
        (true, Some(0.0), grid[0])
    } else if at_max < target {
        (false, None, at_max)
    } else {
        // The first grid interval that crosses the target brackets the answer.
        let i = grid.iter().position(|&g| g >= target).unwrap_or(GRID);
        let (mut lo, mut hi) = ((i - 1) as f64 / GRID as f64, i as f64 / GRID as f64);
        let mut at_hi = grid[i];
        while hi - lo > tolerance {
            let mid = lo + (hi - lo) / 2.0;
            let m = cut_at(mid);
            if m >= target {
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
    let moved = rows
        .iter()
        .map(|(_, p)| p.label)
        .collect::<Vec<_>>()
        .join(", ");
    let note = match (reachable, monotone_on_grid) {
        (false, _) => alloc::format!(
            "Not reachable, even at the maximum: {moved} from {from} cut revenue by {}% against the comparator.",
            crate::error::Num(libm::round(at_max * 1000.0) / 10.0)
        ),
        (true, true) => "The cut rises steadily with this setting, so this is the smallest \
                         setting that reaches the target."
            .to_string(),
        (true, false) => "The cut does not rise steadily with this setting; this one reaches \
                          the target but a smaller one might too."
            .to_string(),
    };
    GoalSeek {
        levers: goal.levers.clone(),
        host: measure.host.map_or("all", |h| HOSTS[h].id),
        from,
        comparator: goal.comparator.unwrap_or("noEnforcement"),
        target_share: target,
        comparator_revenue_usd: comparator_revenue,
        reachable,
        setting,
        values,
        achieved_share: achieved,
        share_at_max: at_max,
        tolerance,
        evaluations,
        monotone_on_grid,
        note,
    }
}

/// A value that keeps `current` before `year` and is `x` from `year` on.
pub fn from_year(current: &Value, year: i32, x: f64) -> Value {
    match current {
        Value::Constant(c) if *c == x => Value::Constant(x),
        Value::Constant(c) => Value::Schedule(vec![(MIN_YEAR, *c), (year, x)]),
        Value::Schedule(steps) => {
            let mut steps: Vec<(i32, f64)> =
                steps.iter().copied().filter(|(y, _)| *y < year).collect();
            steps.push((year, x));
            Value::Schedule(steps)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_from_a_year() {
        let c = Value::Constant(0.2);
        assert_eq!(
            from_year(&c, 2027, 0.5),
            Value::Schedule(vec![(1900, 0.2), (2027, 0.5)])
        );
        assert_eq!(from_year(&c, 2027, 0.2), c);
        let s = Value::Schedule(vec![(2017, 0.0), (2018, 0.3), (2030, 0.9)]);
        assert_eq!(
            from_year(&s, 2027, 1.0),
            Value::Schedule(vec![(2017, 0.0), (2018, 0.3), (2027, 1.0)])
        );
    }
}
