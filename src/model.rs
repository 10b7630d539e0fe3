//! The projection: workers and revenue by host and year (MODEL.md, Equations).

use alloc::vec::Vec;
use serde::Serialize;

use crate::registry::{HOST_COUNT, HOSTS};
use crate::scenario::Scenario;

/// Workers and revenue of one host, one value per year.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HostSeries {
    /// Host id.
    pub id: &'static str,
    /// Host label.
    pub label: &'static str,
    /// Workers on work authorizations at the start of each year.
    pub permitted: Vec<f64>,
    /// Workers on tourist, student or other non-work visas at the start of each year.
    pub disguised: Vec<f64>,
    /// All workers at the start of each year.
    pub workers: Vec<f64>,
    /// Revenue to the state in each year, USD.
    pub revenue_usd: Vec<f64>,
}

/// Totals of the comparator (every lever at 0).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Comparator {
    /// All workers at the start of each year.
    pub workers: Vec<f64>,
    /// Revenue in each year, USD.
    pub revenue_usd: Vec<f64>,
}

/// Headline figures of a projection.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// Revenue in the last projected year, USD.
    pub final_year_revenue_usd: f64,
    /// Revenue summed over every projected year, USD.
    pub cumulative_revenue_usd: f64,
    /// Comparator's cumulative revenue minus the scenario's, USD.
    pub cumulative_denied_usd: f64,
    /// `cumulative_denied_usd` as a share of the comparator's cumulative revenue (0 when the
    /// comparator earns nothing).
    pub denied_share: f64,
    /// Workers abroad at the start of the base year.
    pub base_year_workers: f64,
    /// Workers abroad at the start of the last projected year.
    pub final_year_workers: f64,
}

/// Revenue from reported wages against the published estimate.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Calibration {
    /// Base-year revenue computed from workers, wages, months and the state's share, USD.
    pub bottom_up_revenue_usd: f64,
    /// The published estimate, USD per year.
    pub estimate_revenue_usd: f64,
    /// Factor applied to revenue per worker (1 when not anchored).
    pub scale: f64,
    /// Whether revenue is anchored to the published estimate.
    pub anchored: bool,
}

/// The outcome of one evaluation.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Projection {
    /// Calendar years, `baseYear..=endYear`.
    pub years: Vec<i32>,
    /// All workers abroad at the start of each year.
    pub workers: Vec<f64>,
    /// Workers on work authorizations, all hosts.
    pub permitted: Vec<f64>,
    /// Workers on non-work visas, all hosts.
    pub disguised: Vec<f64>,
    /// Revenue to the state in each year, all hosts, USD.
    pub revenue_usd: Vec<f64>,
    /// The same assumptions with every lever at 0.
    pub comparator: Comparator,
    /// Series by host, in the order of [`crate::HOSTS`].
    pub hosts: Vec<HostSeries>,
    /// Headline figures.
    pub summary: Summary,
    /// The calibration gap and the scale applied.
    pub calibration: Calibration,
}

/// Yearly hazards and targets of one host, fixed over the horizon.
#[derive(Clone, Copy, Debug)]
pub(crate) struct HostDynamics {
    /// Workers the regime tries to keep in the host.
    base: f64,
    /// Share of permitted workers who stay through a year.
    keep_permitted: f64,
    /// Share of disguised workers who stay through a year.
    keep_disguised: f64,
    /// Share of a vacancy that is not refilled with a new work permit.
    refused: f64,
    /// Share of a refused vacancy refilled through a non-work visa.
    loophole_fill: f64,
    /// Revenue to the state per worker-year, USD.
    per_worker_usd: f64,
}

impl HostDynamics {
    /// One year: start-of-year stocks to end-of-year stocks.
    ///
    /// `permitted'` is computed as `base - stayD - refused` rather than `stayP + newP`: the two
    /// are equal in exact arithmetic, and this form keeps the no-enforcement stock exactly at
    /// `base` in floating point (MODEL.md invariant 2).
    #[inline]
    pub(crate) fn step(&self, permitted: f64, disguised: f64) -> (f64, f64) {
        let stay_p = permitted * self.keep_permitted;
        let stay_d = disguised * self.keep_disguised;
        let gap = self.base - stay_p - stay_d;
        if gap <= 0.0 {
            return (stay_p, stay_d);
        }
        let refused = gap * self.refused;
        let new_d = refused * self.loophole_fill;
        let p = (self.base - stay_d - refused).max(0.0);
        (p, stay_d + new_d)
    }

    /// Revenue of a year from the stocks at its start and end.
    #[inline]
    pub(crate) fn revenue(&self, start: f64, end: f64) -> f64 {
        self.per_worker_usd * ((start + end) / 2.0)
    }

    pub(crate) fn base(&self) -> f64 {
        self.base
    }
}

/// Share of the labor-export network hit by designations in a year.
fn designation_coverage(s: &Scenario) -> f64 {
    let total: f64 = s.base_workers.iter().sum();
    if total <= 0.0 {
        return 0.0;
    }
    -libm::expm1(-s.designations_per_year * s.workers_per_designation / total)
}

/// Base-year revenue from reported wages, USD: `sum baseWorkers * wage * months * take`.
pub(crate) fn bottom_up_revenue(s: &Scenario) -> f64 {
    (0..HOST_COUNT)
        .map(|h| s.base_workers[h] * s.wage[h] * s.months_worked * s.state_take_share)
        .sum()
}

/// The calibration of a scenario.
pub fn calibration(s: &Scenario) -> Calibration {
    let bottom_up = bottom_up_revenue(s);
    let anchored = s.anchor_to_estimate != 0.0;
    let scale = match (anchored, bottom_up > 0.0) {
        (false, _) => 1.0,
        (true, true) => s.estimate_revenue_usd / bottom_up,
        // No wages to scale: nothing is earned, whatever the estimate says.
        (true, false) => 0.0,
    };
    Calibration {
        bottom_up_revenue_usd: bottom_up,
        estimate_revenue_usd: s.estimate_revenue_usd,
        scale,
        anchored,
    }
}

/// Dynamics of every host under a scenario.
pub(crate) fn dynamics(s: &Scenario) -> [HostDynamics; HOST_COUNT] {
    let coverage = designation_coverage(s);
    let scale = calibration(s).scale;
    let tau = s.rotation_rate;
    core::array::from_fn(|h| {
        let q = s.designation_cooperation[h] * coverage;
        let p = s.repatriation[h];
        let b = s.permit_ban[h];
        let va = s.visa_clarification * s.clarification_adoption[h];
        HostDynamics {
            base: s.base_workers[h],
            keep_permitted: (1.0 - tau) * (1.0 - p) * (1.0 - q),
            keep_disguised: (1.0 - tau) * (1.0 - p * va) * (1.0 - q),
            refused: 1.0 - (1.0 - b) * (1.0 - q),
            loophole_fill: s.loophole_share[h] * (1.0 - b * va) * (1.0 - q),
            per_worker_usd: s.wage[h] * s.months_worked * s.state_take_share * scale,
        }
    })
}

/// Total workers (start of year) and revenue per year into the given buffers, without
/// allocating: the inner loop of the uncertainty analysis. Both slices must hold
/// `s.year_count()` values.
pub(crate) fn project_totals(s: &Scenario, workers: &mut [f64], revenue: &mut [f64]) {
    workers.fill(0.0);
    revenue.fill(0.0);
    for d in dynamics(s) {
        let (mut p, mut dd) = (d.base(), 0.0);
        for (w, r) in workers.iter_mut().zip(revenue.iter_mut()) {
            let (p2, d2) = d.step(p, dd);
            *w += p + dd;
            *r += d.revenue(p + dd, p2 + d2);
            (p, dd) = (p2, d2);
        }
    }
}

/// The comparator's revenue in each year, USD: with every lever at 0 the stock never moves
/// (MODEL.md invariant 2, exact in floating point), so each host earns
/// `perWorker × ((base + base) / 2)` every year. Summed over hosts in the same order as
/// [`project_totals`], so the result is bit-identical to simulating the comparator.
pub(crate) fn comparator_revenue_per_year(s: &Scenario) -> f64 {
    let mut total = 0.0;
    for d in dynamics(&s.without_levers()) {
        total += d.revenue(d.base(), d.base());
    }
    total
}

/// Projects workers and revenue for a scenario and its comparator.
pub fn evaluate(s: &Scenario) -> Projection {
    let n = s.year_count();
    let (base_year, _) = s.years();
    let mut hosts = Vec::with_capacity(HOST_COUNT);
    for (host, d) in HOSTS.iter().zip(dynamics(s)) {
        let mut series = HostSeries {
            id: host.id,
            label: host.label,
            permitted: Vec::with_capacity(n),
            disguised: Vec::with_capacity(n),
            workers: Vec::with_capacity(n),
            revenue_usd: Vec::with_capacity(n),
        };
        let (mut p, mut dd) = (d.base(), 0.0);
        for _ in 0..n {
            let (p2, d2) = d.step(p, dd);
            series.permitted.push(p);
            series.disguised.push(dd);
            series.workers.push(p + dd);
            series.revenue_usd.push(d.revenue(p + dd, p2 + d2));
            (p, dd) = (p2, d2);
        }
        hosts.push(series);
    }
    let total = |f: fn(&HostSeries) -> &Vec<f64>| -> Vec<f64> {
        (0..n)
            .map(|i| hosts.iter().map(|h| f(h)[i]).sum())
            .collect()
    };
    let workers = total(|h| &h.workers);
    let permitted = total(|h| &h.permitted);
    let disguised = total(|h| &h.disguised);
    let revenue_usd = total(|h| &h.revenue_usd);

    let mut comparator = Comparator {
        workers: alloc::vec![0.0; n],
        revenue_usd: alloc::vec![0.0; n],
    };
    project_totals(
        &s.without_levers(),
        &mut comparator.workers,
        &mut comparator.revenue_usd,
    );

    let summary = summarize(&workers, &revenue_usd, &comparator.revenue_usd);
    Projection {
        years: (0..n as i32).map(|i| base_year + i).collect(),
        workers,
        permitted,
        disguised,
        revenue_usd,
        comparator,
        hosts,
        summary,
        calibration: calibration(s),
    }
}

/// Headline figures from yearly totals.
pub(crate) fn summarize(workers: &[f64], revenue: &[f64], comparator_revenue: &[f64]) -> Summary {
    let cumulative: f64 = revenue.iter().sum();
    let comparator: f64 = comparator_revenue.iter().sum();
    // Workers never exceed the comparator's, so the difference is >= 0 up to rounding.
    let denied = (comparator - cumulative).max(0.0);
    Summary {
        final_year_revenue_usd: revenue.last().copied().unwrap_or(0.0),
        cumulative_revenue_usd: cumulative,
        cumulative_denied_usd: denied,
        denied_share: if comparator > 0.0 {
            denied / comparator
        } else {
            0.0
        },
        base_year_workers: workers.first().copied().unwrap_or(0.0),
        final_year_workers: workers.last().copied().unwrap_or(0.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol * b.abs().max(1.0)
    }

    #[test]
    fn calibration_gap_matches_model_md() {
        let c = calibration(&Scenario::default());
        assert!(
            close(c.bottom_up_revenue_usd, 336.6e6, 1e-12),
            "{}",
            c.bottom_up_revenue_usd
        );
        assert!(close(c.scale, 500e6 / 336.6e6, 1e-12));
        assert!((c.scale - 1.485).abs() < 0.001);
        let raw = calibration(&Scenario::default().with("anchorToEstimate", 0.0).unwrap());
        assert_eq!(raw.scale, 1.0);
    }

    #[test]
    fn status_quo_russia_matches_model_md() {
        let p = evaluate(&Scenario::preset("statusQuo").unwrap());
        let russia = &p.hosts[1];
        assert_eq!(russia.id, "russia");
        assert_eq!(russia.permitted[0], 30_000.0);
        assert!(
            (russia.permitted[1] - 14_800.0).abs() < 50.0,
            "{}",
            russia.permitted[1]
        );
        assert!(
            (russia.permitted[2] - 7_800.0).abs() < 100.0,
            "{}",
            russia.permitted[2]
        );
        assert!(
            (russia.disguised[2] - 11_300.0).abs() < 100.0,
            "{}",
            russia.disguised[2]
        );
    }

    #[test]
    fn totals_and_years() {
        let p = evaluate(&Scenario::preset("statusQuo").unwrap());
        assert_eq!(p.years.first(), Some(&2017));
        assert_eq!(p.years.last(), Some(&2030));
        for i in 0..p.years.len() {
            let sum: f64 = p.hosts.iter().map(|h| h.revenue_usd[i]).sum();
            assert_eq!(sum, p.revenue_usd[i]);
            let sum: f64 = p.hosts.iter().map(|h| h.workers[i]).sum();
            assert_eq!(sum, p.workers[i]);
            assert!(close(p.workers[i], p.permitted[i] + p.disguised[i], 1e-12));
        }
        assert!(p.summary.cumulative_denied_usd > 0.0);
        assert!(p.summary.denied_share > 0.0 && p.summary.denied_share < 1.0);
    }

    #[test]
    fn totals_only_path_agrees_with_evaluate() {
        let s = Scenario::preset("designationSurge").unwrap();
        let p = evaluate(&s);
        let (mut w, mut r) = (alloc::vec![0.0; 14], alloc::vec![0.0; 14]);
        project_totals(&s, &mut w, &mut r);
        for i in 0..14 {
            assert!(close(w[i], p.workers[i], 1e-12) && close(r[i], p.revenue_usd[i], 1e-12));
        }
    }

    #[test]
    fn one_year_horizon() {
        let s = Scenario::from_pairs([("baseYear", 2030.0), ("endYear", 2030.0)]).unwrap();
        let p = evaluate(&s);
        assert_eq!(p.years, [2030]);
        assert_eq!(
            p.summary.final_year_revenue_usd,
            p.summary.cumulative_revenue_usd
        );
    }

    #[test]
    fn no_workers_earn_nothing_even_when_anchored() {
        let s = Scenario::from_pairs([
            ("baseWorkers.china", 0.0),
            ("baseWorkers.russia", 0.0),
            ("baseWorkers.other", 0.0),
        ])
        .unwrap();
        let p = evaluate(&s);
        assert_eq!(p.calibration.scale, 0.0);
        assert!(p.revenue_usd.iter().all(|&r| r == 0.0));
        assert_eq!(p.summary.denied_share, 0.0);
    }
}
