//! What each lever can do for one host, and what stops it: a lever that cannot act says
//! which parameter closes its channel and what it would take, computed by the model.
//!
//! A lever *acts on* a host if it is that host's lever or every host's. Its effect is the cut
//! in the host's revenue over a window when the lever alone goes to its maximum from the
//! window's first year, against the scenario. Where that cut is under 1%, the *gates* are
//! tried one at a time: every other lever that acts on the host, the host's (and every
//! host's) shares among the assumptions, and North Korea's border, each opened to its
//! maximum from the same year. The gate under which the lever cuts most, by at least 1%, is
//! the one that closes its channel.

use alloc::vec::Vec;

use serde::Serialize;

use super::measure::Measure;
use crate::error::InputError;
use crate::model::evaluate;
use crate::registry::{Kind, PARAMETERS, Parameter, Unit};
use crate::scenario::Scenario;

/// A cut under this share of a window's revenue is "no effect".
pub const NO_EFFECT: f64 = 0.01;

/// Whether lever `p` acts on host `h` (every host: `None`).
pub fn acts_on(p: &Parameter, host: Option<usize>) -> bool {
    p.kind == Kind::Lever && (host.is_none() || p.host.is_none() || p.host == host)
}

/// Whether `p` can close another lever's channel in `host`: a lever that acts there, a
/// share among the host's (or every host's) assumptions, or North Korea's border.
fn can_gate(p: &Parameter, host: Option<usize>) -> bool {
    match p.kind {
        Kind::Lever => acts_on(p, host),
        Kind::Assumption => {
            matches!(p.unit, Unit::Share | Unit::SharePerYear)
                && (host.is_none() || p.host.is_none() || p.host == host)
        }
        Kind::Setting => p.id == "borderOpen",
    }
}

/// `s` with each of `rows` at its maximum from `from` on.
pub(crate) fn opened(s: &Scenario, rows: &[usize], from: i32) -> Scenario {
    let mut at = s.clone();
    let (first, _) = s.years();
    for &k in rows {
        if let Some(p) = PARAMETERS.get(k) {
            at.put(k, s.value(k).from_year(from, p.max, first));
        }
    }
    at
}

/// A parameter that closes a lever's channel, and what opening it would do.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Gate {
    /// Parameter id.
    pub id: &'static str,
    /// Its value in the window's first year.
    pub value: f64,
    /// The value it would take: its maximum.
    pub open: f64,
    /// The lever's cut with this parameter open, against the scenario with it open too
    /// (goal seek: the cut with the levers at their maximum, against the comparator).
    pub cut_share: f64,
}

/// Of `gates` (rows), the one under which `cut` is largest and at least `enough`; `cut`
/// gets the scenario with that gate open.
pub(crate) fn best_gate(
    s: &Scenario,
    gates: impl Iterator<Item = usize>,
    from: i32,
    enough: f64,
    mut cut: impl FnMut(&Scenario) -> f64,
) -> Option<Gate> {
    let mut best: Option<Gate> = None;
    for k in gates {
        let Some(p) = PARAMETERS.get(k) else { continue };
        let value = s.value_at(p.id, from).unwrap_or(p.default);
        if value >= p.max {
            continue;
        }
        let c = cut(&opened(s, &[k], from));
        if c >= enough && best.as_ref().is_none_or(|b| c > b.cut_share) {
            best = Some(Gate {
                id: p.id,
                value,
                open: p.max,
                cut_share: c,
            });
        }
    }
    best
}

/// What one lever can do for the host in focus.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LeverEffect {
    /// Lever id.
    pub id: &'static str,
    /// The cut in the window's revenue with this lever alone at its maximum from the
    /// window's first year, against the scenario (0 to 1).
    pub cut_share: f64,
    /// Whether the lever is already at its maximum in every year of the window.
    pub at_max: bool,
    /// Where the cut is under 1% and the lever is not at its maximum: the parameter that
    /// closes its channel, if opening one alone lets it cut at least 1%.
    pub blocked_by: Option<Gate>,
}

/// Every lever's effect on one host's (or every host's) revenue over the window from
/// `measure.from` (the base year by default).
pub fn lever_effects(s: &Scenario, measure: Measure) -> Result<Vec<LeverEffect>, InputError> {
    measure.check(s)?;
    let (first, last) = s.years();
    let from = measure.from.unwrap_or(first);
    let revenue = |x: &Scenario| measure.revenue(&evaluate(x));
    let cut_of = |base: &Scenario, lever: usize| {
        let before = revenue(base);
        if before < 1.0 {
            return 0.0;
        }
        1.0 - revenue(&opened(base, &[lever], from)) / before
    };
    let host = measure.host;
    Ok(PARAMETERS
        .iter()
        .enumerate()
        .filter(|(_, p)| acts_on(p, host))
        .map(|(k, p)| {
            let at_max = (from..=last).all(|y| s.value_at(p.id, y) == Some(p.max));
            let cut_share = if at_max { 0.0 } else { cut_of(s, k) };
            let blocked_by = if at_max || cut_share >= NO_EFFECT {
                None
            } else {
                let gates = PARAMETERS
                    .iter()
                    .enumerate()
                    .filter(|&(g, p)| g != k && can_gate(p, host))
                    .map(|(g, _)| g);
                best_gate(s, gates, from, NO_EFFECT, |open| cut_of(open, k))
            };
            LeverEffect {
                id: p.id,
                cut_share,
                at_max,
                blocked_by,
            }
        })
        .collect())
}

/// The gates for a goal seek that moves `moved` (rows) for `host`.
pub(crate) fn goal_gates(host: Option<usize>, moved: &[usize]) -> impl Iterator<Item = usize> + '_ {
    PARAMETERS
        .iter()
        .enumerate()
        .filter(move |(k, p)| !moved.contains(k) && can_gate(p, host))
        .map(|(k, _)| k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::host_index;

    fn effects(host: &str, from: i32) -> Vec<LeverEffect> {
        let m = Measure {
            output: None,
            host: host_index(host),
            from: Some(from),
        };
        lever_effects(&Scenario::preset("record").unwrap(), m).unwrap()
    }

    fn of<'a>(e: &'a [LeverEffect], id: &str) -> &'a LeverEffect {
        e.iter().find(|x| x.id == id).unwrap()
    }

    /// Under the record, Russia's workers are on student visas from 2024: repatriation
    /// reaches them only through Russia's own visa enforcement, designations only through
    /// its cooperation, and the international clarification only through its adoption.
    #[test]
    fn russias_blocked_levers_name_what_blocks_them() {
        let e = effects("russia", 2027);
        assert!(
            e.iter()
                .all(|x| x.id.ends_with(".russia") || !x.id.contains('.'))
        );
        let blocked = |id: &str| of(&e, id).blocked_by.as_ref().map(|g| g.id);
        assert_eq!(
            blocked("repatriation.russia"),
            Some("visaEnforcement.russia")
        );
        assert_eq!(
            blocked("designationsPerYear"),
            Some("designationCooperation.russia")
        );
        assert_eq!(
            blocked("visaClarification"),
            Some("clarificationAdoption.russia")
        );
        assert!(of(&e, "permitBan.russia").at_max);
        let enforcement = of(&e, "visaEnforcement.russia");
        assert!(enforcement.cut_share > 0.3 && enforcement.blocked_by.is_none());
        let gate = of(&e, "repatriation.russia").blocked_by.clone().unwrap();
        assert_eq!((gate.value, gate.open), (0.0, 1.0));
        assert!(gate.cut_share >= NO_EFFECT);
    }

    /// While North Korea's border is closed nobody can be sent home.
    #[test]
    fn a_closed_border_blocks_repatriation() {
        let s = Scenario::preset("record")
            .unwrap()
            .with("endYear", 2022.0)
            .unwrap();
        let m = Measure {
            output: None,
            host: host_index("other"),
            from: Some(2020),
        };
        let e = lever_effects(&s, m).unwrap();
        let gate = of(&e, "repatriation.other").blocked_by.clone().unwrap();
        assert_eq!(gate.id, "borderOpen");
        assert_eq!(gate.value, 0.0);
    }

    #[test]
    fn a_window_outside_the_horizon_is_an_error() {
        let m = Measure {
            output: None,
            host: None,
            from: Some(2031),
        };
        let e = lever_effects(&Scenario::default(), m).unwrap_err();
        assert_eq!(
            e.to_string(),
            "\"from\" = 2031 is outside the scenario's years: allowed 2017 to 2030"
        );
    }
}
