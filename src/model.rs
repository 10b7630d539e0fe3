//! The projection: workers, arrivals and revenue by host and year (docs/methodology.md,
//! "Equations").
//!
//! Every value is read for the year being stepped. With `o` the share of North Korea's
//! border open that year, every departure (rotation, repatriation, designations) and every
//! refill scales with `o`; revenue is earned on the workers present either way. With the
//! border open and every value constant this is model 1, operation for operation, so its
//! numbers are model 1's to the bit.

use alloc::vec::Vec;
use serde::Serialize;

use crate::registry::{HOST_COUNT, HOSTS, Quantity};
use crate::scenario::{Scenario, Timeline};

/// Workers, arrivals and revenue of one host, one value per year.
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
    /// Workers entering the host during each year: new permits plus loophole refills.
    pub arrivals: Vec<f64>,
    /// Revenue to the state in each year, USD.
    pub revenue_usd: Vec<f64>,
    /// Revenue to the state per worker-year in each year, USD: the year's wage times the
    /// months worked, the state's share and the calibration scale.
    pub per_worker_usd: Vec<f64>,
}

/// One host under the comparator.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ComparatorHost {
    /// Host id.
    pub id: &'static str,
    /// All workers at the start of each year.
    pub workers: Vec<f64>,
    /// Workers entering during each year.
    pub arrivals: Vec<f64>,
    /// Revenue in each year, USD.
    pub revenue_usd: Vec<f64>,
}

/// The comparator: every assumption and setting as in the scenario, schedules included, and
/// every lever at 0 in every year.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Comparator {
    /// All workers at the start of each year.
    pub workers: Vec<f64>,
    /// Workers entering during each year.
    pub arrivals: Vec<f64>,
    /// Revenue in each year, USD.
    pub revenue_usd: Vec<f64>,
    /// Series by host, in the order of [`crate::HOSTS`].
    pub hosts: Vec<ComparatorHost>,
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
#[derive(Clone, Debug, PartialEq, Serialize)]
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
    /// Revenue to the state per worker-year in each host in the base year, USD, scale
    /// included; [`HostSeries::per_worker_usd`] gives it year by year.
    pub per_worker_usd: Vec<f64>,
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
    /// Workers entering a host during each year, all hosts.
    pub arrivals: Vec<f64>,
    /// Revenue to the state in each year, all hosts, USD.
    pub revenue_usd: Vec<f64>,
    /// The same assumptions and settings with every lever at 0.
    pub comparator: Comparator,
    /// Series by host, in the order of [`crate::HOSTS`].
    pub hosts: Vec<HostSeries>,
    /// Headline figures.
    pub summary: Summary,
    /// The calibration gap and the scale applied.
    pub calibration: Calibration,
}

/// Base-year revenue from reported wages, USD: `sum baseWorkers * wage * months * take`.
fn bottom_up_revenue(t: &Timeline) -> f64 {
    let months = t.fixed(Quantity::MonthsWorked, 0);
    let take = t.fixed(Quantity::StateTakeShare, 0);
    (0..HOST_COUNT)
        .map(|h| t.fixed(Quantity::BaseWorkers, h) * t.fixed(Quantity::Wage, h) * months * take)
        .sum()
}

/// The least bottom-up revenue, USD a year, that anchoring scales from.
pub const MIN_BOTTOM_UP_USD: f64 = 1.0;

/// The calibration scale: the published estimate over the bottom-up revenue when anchored.
fn scale_of(t: &Timeline, bottom_up: f64) -> f64 {
    let anchored = t.fixed(Quantity::AnchorToEstimate, 0) != 0.0;
    match (anchored, bottom_up >= MIN_BOTTOM_UP_USD) {
        (false, _) => 1.0,
        (true, true) => t.fixed(Quantity::EstimateRevenueUsd, 0) / bottom_up,
        // No wages to scale (less than a dollar a year in all): nothing is earned, whatever
        // the estimate says. Scaling from less would take revenue past the range of numbers.
        (true, false) => 0.0,
    }
}

/// The calibration of a resolved scenario.
pub(crate) fn calibration_of(t: &Timeline) -> Calibration {
    let bottom_up = bottom_up_revenue(t);
    let scale = scale_of(t, bottom_up);
    Calibration {
        bottom_up_revenue_usd: bottom_up,
        estimate_revenue_usd: t.fixed(Quantity::EstimateRevenueUsd, 0),
        scale,
        anchored: t.fixed(Quantity::AnchorToEstimate, 0) != 0.0,
        per_worker_usd: per_worker_scaled(t, scale).to_vec(),
    }
}

/// Revenue to the state per worker-year in each host, USD, with a calibration scale.
fn per_worker_scaled(t: &Timeline, scale: f64) -> [f64; HOST_COUNT] {
    let months = t.fixed(Quantity::MonthsWorked, 0);
    let take = t.fixed(Quantity::StateTakeShare, 0);
    core::array::from_fn(|h| t.fixed(Quantity::Wage, h) * months * take * scale)
}

/// The calibration scale of a resolved scenario; allocates nothing (the Monte Carlo inner
/// loop).
pub(crate) fn scale(t: &Timeline) -> f64 {
    scale_of(t, bottom_up_revenue(t))
}

/// The calibration of a scenario.
pub fn calibration(s: &Scenario) -> Calibration {
    calibration_of(&s.timeline())
}

/// One host's inputs to the model, with every year-row cut to the horizon.
pub(crate) struct HostRows<'a> {
    base: f64,
    tau: f64,
    /// Months worked, the state's share and the calibration scale: with the wage of a year,
    /// revenue per worker-year.
    months: f64,
    take: f64,
    scale: f64,
    wage: &'a [f64],
    border: &'a [f64],
    demand: &'a [f64],
    loophole: &'a [f64],
    adoption: &'a [f64],
    cooperation: &'a [f64],
    ban: &'a [f64],
    repatriation: &'a [f64],
    visa: &'a [f64],
    enforcement: &'a [f64],
}

// Every row is cut to the horizon's `n` years in `of`, and the steps index years below `n`.
#[allow(clippy::indexing_slicing)]
impl<'a> HostRows<'a> {
    /// Host `h` of a resolved scenario, with the calibration scale.
    pub(crate) fn of(t: &'a Timeline, h: usize, scale: f64) -> HostRows<'a> {
        // Every row has n years: said once here, so that the steps need no bounds checks.
        let row = |q| &t.of(q, h)[..t.n];
        HostRows {
            base: t.fixed(Quantity::BaseWorkers, h),
            tau: t.fixed(Quantity::RotationRate, h),
            months: t.fixed(Quantity::MonthsWorked, h),
            take: t.fixed(Quantity::StateTakeShare, h),
            scale,
            wage: row(Quantity::Wage),
            border: row(Quantity::BorderOpen),
            demand: row(Quantity::Demand),
            loophole: row(Quantity::LoopholeShare),
            adoption: row(Quantity::ClarificationAdoption),
            cooperation: row(Quantity::DesignationCooperation),
            ban: row(Quantity::PermitBan),
            repatriation: row(Quantity::Repatriation),
            visa: row(Quantity::VisaClarification),
            enforcement: row(Quantity::VisaEnforcement),
        }
    }

    /// Steps the host through every year from its base-year stock (all on permits), with
    /// the scenario's levers or, for the comparator, with every lever at 0. `cover` is the
    /// share of the labor-export network designated in each year. Calls `each(year index,
    /// stocks at the year's start (permitted, disguised), the year)`.
    #[inline]
    pub(crate) fn run(
        &self,
        cover: &[f64],
        levers: bool,
        mut each: impl FnMut(usize, (f64, f64), &Step),
    ) {
        let mut stocks = (self.base, 0.0);
        for (i, &cover) in cover.iter().enumerate() {
            let y = self.year(i, levers, cover, stocks);
            each(i, stocks, &y);
            stocks = (y.permitted, y.disguised);
        }
    }

    /// Year `i` from the stocks at its start (permitted, disguised).
    #[inline(always)]
    fn year(&self, i: usize, levers: bool, cover: f64, (p, d): (f64, f64)) -> Step {
        let o = self.border[i];
        let tau = self.tau;
        // b: permits refused; r: repatriation; q: designations; va: how far the host treats
        // non-work visas as work, by its own choice (e) or by the international clarification
        // as far as it adopts it (x): 1 - (1 - e)(1 - x), written so that with e = 0 it is x
        // exactly.
        let (b, r, va, q) = if levers {
            let x = self.visa[i] * self.adoption[i];
            (
                self.ban[i],
                self.repatriation[i],
                x + self.enforcement[i] * (1.0 - x),
                self.cooperation[i] * cover,
            )
        } else {
            (0.0, 0.0, 0.0, 0.0)
        };
        let stay_p = p * ((1.0 - tau * o) * (1.0 - r * o) * (1.0 - q * o));
        let stay_d = d * ((1.0 - tau * o) * (1.0 - r * va * o) * (1.0 - q * o));
        let target = self.base * self.demand[i];
        let per_worker = self.per_worker_at(i);
        let shortfall = target - stay_p - stay_d;
        if shortfall <= 0.0 {
            // No vacancy: the stocks stay.
            return Step {
                permitted: stay_p,
                disguised: stay_d,
                arrivals: 0.0,
                revenue: per_worker * ((p + d + (stay_p + stay_d)) / 2.0),
            };
        }
        let gap = shortfall * o;
        // Vacancies not refilled with a new permit, and those refilled through the loophole.
        let refused = gap * (1.0 - (1.0 - b) * (1.0 - q));
        let new_d = refused * (self.loophole[i] * (1.0 - b * va) * (1.0 - q));
        // = stayP + (gap - refused). Written so that with the border open it is
        // `target - stayD - refused`, which keeps the unenforced stock exactly at its target
        // in floating point; with the border closed it is exactly `stayP`.
        let filled = (1.0 - o) * stay_p + o * (target - stay_d) - refused;
        let permitted = if filled > 0.0 { filled } else { 0.0 };
        let disguised = stay_d + new_d;
        Step {
            permitted,
            disguised,
            arrivals: (gap - refused) + new_d,
            revenue: per_worker * ((p + d + (permitted + disguised)) / 2.0),
        }
    }

    /// Revenue to the state per worker-year in year `i`, USD: that year's wage times the
    /// months worked, the state's share and the calibration scale.
    #[inline(always)]
    pub(crate) fn per_worker_at(&self, i: usize) -> f64 {
        self.wage[i] * self.months * self.take * self.scale
    }
}

/// One host's year: the stocks at its end, and what arrived and was earned during it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Step {
    pub permitted: f64,
    pub disguised: f64,
    pub arrivals: f64,
    pub revenue: f64,
}

/// Share of the labor-export network designated in each year.
pub(crate) fn coverage(t: &Timeline, out: &mut [f64]) {
    let total: f64 = (0..HOST_COUNT)
        .map(|h| t.fixed(Quantity::BaseWorkers, h))
        .sum();
    let designations = t.of(Quantity::DesignationsPerYear, 0);
    let per_designation = t.fixed(Quantity::WorkersPerDesignation, 0);
    // Designations change in steps: compute each step's coverage once.
    let mut last = (f64::NAN, 0.0);
    for (c, &n) in out.iter_mut().zip(designations) {
        if n != last.0 {
            let cover = if total <= 0.0 {
                0.0
            } else {
                -libm::expm1(-n * per_designation / total)
            };
            last = (n, cover);
        }
        *c = last.1;
    }
}

/// Projects workers, arrivals and revenue for a scenario and its comparator.
pub fn evaluate(s: &Scenario) -> Projection {
    evaluate_timeline(&s.timeline())
}

/// Most years a horizon can have.
const MAX_YEARS: usize = crate::registry::MAX_HORIZON_YEARS as usize + 1;

/// [`evaluate`] for a scenario already resolved by year. The totals add the hosts in their
/// order.
pub(crate) fn evaluate_timeline(t: &Timeline) -> Projection {
    let n = t.n;
    let cal = calibration_of(t);
    let mut cover = [0.0; MAX_YEARS];
    let cover = cover.get_mut(..n).unwrap_or_default();
    coverage(t, cover);
    let empty = || Vec::with_capacity(n);
    let mut hosts = Vec::with_capacity(HOST_COUNT);
    let mut comparator_hosts = Vec::with_capacity(HOST_COUNT);
    for (h, host) in HOSTS.iter().enumerate() {
        let rows = HostRows::of(t, h, cal.scale);
        let mut s = HostSeries {
            id: host.id,
            label: host.label,
            permitted: empty(),
            disguised: empty(),
            workers: empty(),
            arrivals: empty(),
            revenue_usd: empty(),
            per_worker_usd: (0..n).map(|i| rows.per_worker_at(i)).collect(),
        };
        rows.run(cover, true, |_, (p, d), y| {
            s.permitted.push(p);
            s.disguised.push(d);
            s.workers.push(p + d);
            s.arrivals.push(y.arrivals);
            s.revenue_usd.push(y.revenue);
        });
        let mut c = ComparatorHost {
            id: host.id,
            workers: empty(),
            arrivals: empty(),
            revenue_usd: empty(),
        };
        rows.run(cover, false, |_, (p, d), y| {
            c.workers.push(p + d);
            c.arrivals.push(y.arrivals);
            c.revenue_usd.push(y.revenue);
        });
        hosts.push(s);
        comparator_hosts.push(c);
    }
    let workers = total(n, hosts.iter().map(|h| &h.workers));
    let revenue_usd = total(n, hosts.iter().map(|h| &h.revenue_usd));
    let comparator = Comparator {
        workers: total(n, comparator_hosts.iter().map(|h| &h.workers)),
        arrivals: total(n, comparator_hosts.iter().map(|h| &h.arrivals)),
        revenue_usd: total(n, comparator_hosts.iter().map(|h| &h.revenue_usd)),
        hosts: comparator_hosts,
    };
    let summary = summarize(&workers, &revenue_usd, &comparator.revenue_usd);
    Projection {
        years: t.years().collect(),
        permitted: total(n, hosts.iter().map(|h| &h.permitted)),
        disguised: total(n, hosts.iter().map(|h| &h.disguised)),
        arrivals: total(n, hosts.iter().map(|h| &h.arrivals)),
        workers,
        revenue_usd,
        comparator,
        hosts,
        summary,
        calibration: cal,
    }
}

/// The sum of some hosts' series, year by year, in the hosts' order.
fn total<'a>(n: usize, series: impl Iterator<Item = &'a Vec<f64>>) -> Vec<f64> {
    let mut out = alloc::vec![0.0; n];
    for s in series {
        for (t, x) in out.iter_mut().zip(s) {
            *t += x;
        }
    }
    out
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
        // Model 1's constant defaults: the gap the design quotes.
        let c = calibration(&Scenario::model1());
        assert!(
            close(c.bottom_up_revenue_usd, 336.6e6, 1e-12),
            "{}",
            c.bottom_up_revenue_usd
        );
        assert!(close(c.scale, 500e6 / 336.6e6, 1e-12));
        assert!((c.scale - 1.485).abs() < 0.001);
        let raw = calibration(&Scenario::model1().with("anchorToEstimate", 0.0).unwrap());
        assert_eq!(raw.scale, 1.0);
        assert_eq!(raw.per_worker_usd[1], 360.0 * 11.0 * 0.75);
    }

    #[test]
    fn model1_status_quo_russia_matches_model_md() {
        let p = evaluate(&Scenario::model1_preset("statusQuo").unwrap());
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
    fn totals_years_and_arrivals() {
        let p = evaluate(&Scenario::preset("record").unwrap());
        assert_eq!(p.years.first(), Some(&2017));
        assert_eq!(p.years.last(), Some(&2030));
        for i in 0..p.years.len() {
            let sum: f64 = p.hosts.iter().map(|h| h.revenue_usd[i]).sum();
            assert_eq!(sum, p.revenue_usd[i]);
            let sum: f64 = p.hosts.iter().map(|h| h.arrivals[i]).sum();
            assert_eq!(sum, p.arrivals[i]);
            assert!(close(p.workers[i], p.permitted[i] + p.disguised[i], 1e-12));
            // Stocks move by arrivals less departures.
            if i + 1 < p.years.len() {
                for h in &p.hosts {
                    assert!(
                        h.workers[i + 1] <= h.workers[i] + h.arrivals[i] + 1e-6,
                        "{} {i}",
                        h.id
                    );
                }
            }
        }
        assert!(p.summary.cumulative_denied_usd > 0.0);
        assert!(p.summary.denied_share > 0.0 && p.summary.denied_share < 1.0);
    }

    #[test]
    fn a_closed_border_moves_no_stock() {
        let p = evaluate(&Scenario::preset("record").unwrap());
        // 2020-2022 are closed in the record: index 3..=5.
        for h in &p.hosts {
            for i in 3..=5 {
                assert_eq!(h.workers[i + 1], h.workers[i], "{} {}", h.id, p.years[i]);
                assert_eq!(h.arrivals[i], 0.0);
            }
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
