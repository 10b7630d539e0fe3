//! The projection: workers, arrivals and revenue by host and year (docs/methodology.md,
//! "Equations").
//!
//! Every value is read for the year being stepped. With `o` the share of North Korea's
//! border open that year, every departure (rotation, repatriation, designations) and every
//! refill scales with `o`; revenue is earned on the workers present either way. With the
//! border open and every value constant this is model 1, operation for operation, so its
//! numbers are model 1's to the bit.

use alloc::vec::Vec;
use core::ops::{Add, Div, Mul, Sub};
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
    /// Revenue to the state per worker-year in each host, USD, scale included.
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

/// Revenue to the state per worker-year in each host, USD, calibrated; allocates nothing
/// (the Monte Carlo inner loop).
pub(crate) fn per_worker(t: &Timeline) -> [f64; HOST_COUNT] {
    per_worker_scaled(t, scale_of(t, bottom_up_revenue(t)))
}

/// The calibration of a scenario.
pub fn calibration(s: &Scenario) -> Calibration {
    calibration_of(&s.timeline())
}

/// One host's inputs to the model, with every year-row cut to the horizon.
pub(crate) struct HostRows<'a> {
    base: f64,
    tau: f64,
    per_worker: f64,
    border: &'a [f64],
    demand: &'a [f64],
    loophole: &'a [f64],
    adoption: &'a [f64],
    cooperation: &'a [f64],
    ban: &'a [f64],
    repatriation: &'a [f64],
    visa: &'a [f64],
}

impl<'a> HostRows<'a> {
    /// Host `h` of a resolved scenario, earning `per_worker` per worker-year.
    #[inline(always)]
    pub(crate) fn of(t: &'a Timeline, h: usize, per_worker: f64) -> HostRows<'a> {
        // Every row has n years: said once here, so that the steps need no bounds checks.
        let row = |q| &t.of(q, h)[..t.n];
        HostRows {
            base: t.fixed(Quantity::BaseWorkers, h),
            tau: t.fixed(Quantity::RotationRate, h),
            per_worker,
            border: row(Quantity::BorderOpen),
            demand: row(Quantity::Demand),
            loophole: row(Quantity::LoopholeShare),
            adoption: row(Quantity::ClarificationAdoption),
            cooperation: row(Quantity::DesignationCooperation),
            ban: row(Quantity::PermitBan),
            repatriation: row(Quantity::Repatriation),
            visa: row(Quantity::VisaClarification),
        }
    }

    /// The stocks before the first year: the base workers, all on permits.
    #[inline]
    pub(crate) fn start(&self) -> (f64, f64) {
        (self.base, 0.0)
    }

    /// The constants of the host's steps: base workers, rotation rate, revenue per worker.
    #[inline(always)]
    pub(crate) fn constants(&self) -> [f64; 3] {
        [self.base, self.tau, self.per_worker]
    }

    /// The inputs of year `i`; `cover` is the share of the labor-export network designated
    /// that year.
    #[inline(always)]
    pub(crate) fn inputs(&self, i: usize, cover: f64) -> YearIn<f64> {
        YearIn {
            border: self.border[i],
            demand: self.demand[i],
            loophole: self.loophole[i],
            adoption: self.adoption[i],
            cooperation: self.cooperation[i],
            ban: self.ban[i],
            repatriation: self.repatriation[i],
            visa: self.visa[i],
            cover,
        }
    }

    /// Year `i` from the stocks at its start (permitted, disguised), with the scenario's
    /// levers or (for the comparator) with every lever at 0.
    #[inline(always)]
    pub(crate) fn year(&self, i: usize, levers: bool, cover: f64, stocks: (f64, f64)) -> HostYear {
        host_year(self.constants(), &self.inputs(i, cover), levers, stocks)
    }

    /// [`host_year_comparator`] for year `i`.
    #[inline(always)]
    pub(crate) fn comparator_year(&self, i: usize, p: f64) -> (f64, f64, f64) {
        host_year_comparator(self.constants(), self.border[i], self.demand[i], p)
    }
}

/// A number of one draw (`f64`) or of several draws side by side ([`Lanes`]): the model's
/// arithmetic is written once, for both.
pub(crate) trait Num:
    Copy + Add<Output = Self> + Sub<Output = Self> + Mul<Output = Self> + Div<Output = Self>
{
    fn splat(x: f64) -> Self;
    /// `yes` where `x <= 0`, `no` elsewhere.
    fn where_not_positive(x: Self, yes: Self, no: Self) -> Self;
    /// `x` where it is above 0, else 0: the same as `x.max(0.0)` for the stocks (never
    /// NaN), and one instruction in wasm, where `f64::max` is several.
    fn at_least_zero(self) -> Self;
}

impl Num for f64 {
    #[inline(always)]
    fn splat(x: f64) -> f64 {
        x
    }
    #[inline(always)]
    fn where_not_positive(x: f64, yes: f64, no: f64) -> f64 {
        if x <= 0.0 { yes } else { no }
    }
    #[inline(always)]
    fn at_least_zero(self) -> f64 {
        if self > 0.0 { self } else { 0.0 }
    }
}

/// Draws stepped side by side in the Monte Carlo: each lane is one draw, with exactly the
/// arithmetic of `f64`, so the same numbers to the bit. Natively the processor steps two at
/// once (measured: 10.3 to 8.8 ms for 10,000 draws on one thread). wasm steps one: two
/// were 7% slower in Node, with or without wasm's SIMD extension.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) const LANES: usize = 2;
#[cfg(target_arch = "wasm32")]
pub(crate) const LANES: usize = 1;

/// [`LANES`] numbers, one per draw.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Lanes(pub [f64; LANES]);

macro_rules! lanewise {
    ($trait:ident, $method:ident, $op:tt) => {
        impl $trait for Lanes {
            type Output = Lanes;
            #[inline(always)]
            fn $method(self, other: Lanes) -> Lanes {
                Lanes(core::array::from_fn(|k| self.0[k] $op other.0[k]))
            }
        }
    };
}
lanewise!(Add, add, +);
lanewise!(Sub, sub, -);
lanewise!(Mul, mul, *);
lanewise!(Div, div, /);

impl Num for Lanes {
    #[inline(always)]
    fn splat(x: f64) -> Lanes {
        Lanes([x; LANES])
    }
    #[inline(always)]
    fn where_not_positive(x: Lanes, yes: Lanes, no: Lanes) -> Lanes {
        Lanes(core::array::from_fn(|k| {
            f64::where_not_positive(x.0[k], yes.0[k], no.0[k])
        }))
    }
    #[inline(always)]
    fn at_least_zero(self) -> Lanes {
        Lanes(self.0.map(f64::at_least_zero))
    }
}

/// One host's inputs in one year.
#[derive(Clone, Copy)]
pub(crate) struct YearIn<T> {
    pub border: T,
    pub demand: T,
    pub loophole: T,
    pub adoption: T,
    pub cooperation: T,
    pub ban: T,
    pub repatriation: T,
    pub visa: T,
    /// The share of the labor-export network designated.
    pub cover: T,
}

impl YearIn<Lanes> {
    /// The inputs of several draws, side by side.
    #[inline(always)]
    pub(crate) fn lanes(x: [YearIn<f64>; LANES]) -> YearIn<Lanes> {
        let lane = |f: fn(&YearIn<f64>) -> f64| Lanes(core::array::from_fn(|k| f(&x[k])));
        YearIn {
            border: lane(|x| x.border),
            demand: lane(|x| x.demand),
            loophole: lane(|x| x.loophole),
            adoption: lane(|x| x.adoption),
            cooperation: lane(|x| x.cooperation),
            ban: lane(|x| x.ban),
            repatriation: lane(|x| x.repatriation),
            visa: lane(|x| x.visa),
            cover: lane(|x| x.cover),
        }
    }
}

/// One host's year from the stocks at its start (permitted, disguised), with the scenario's
/// levers or (for the comparator) with every lever at 0, given the host's base workers,
/// rotation rate and revenue per worker.
#[inline(always)]
pub(crate) fn host_year<T: Num>(
    [base, tau, per_worker]: [T; 3],
    x: &YearIn<T>,
    levers: bool,
    (p, d): (T, T),
) -> Step<T> {
    let (zero, one) = (T::splat(0.0), T::splat(1.0));
    let o = x.border;
    // b: permits refused; r: repatriation; va: clarification as applied; q: designations.
    let (b, r, va, q) = if levers {
        (
            x.ban,
            x.repatriation,
            x.visa * x.adoption,
            x.cooperation * x.cover,
        )
    } else {
        (zero, zero, zero, zero)
    };
    let stay_p = p * ((one - tau * o) * (one - r * o) * (one - q * o));
    let stay_d = d * ((one - tau * o) * (one - r * va * o) * (one - q * o));
    let target = base * x.demand;
    let shortfall = target - stay_p - stay_d;
    // With no shortfall the stocks stay; otherwise the vacancies open to arrivals.
    let gap = shortfall * o;
    // Vacancies not refilled with a new permit, and those refilled through the loophole.
    let refused = gap * (one - (one - b) * (one - q));
    let new_d = refused * (x.loophole * (one - b * va) * (one - q));
    // = stayP + (gap - refused). Written so that with the border open it is
    // `target - stayD - refused`, which keeps the unenforced stock exactly at its target in
    // floating point; with the border closed it is exactly `stayP`.
    let filled = ((one - o) * stay_p + o * (target - stay_d) - refused).at_least_zero();
    let p2 = T::where_not_positive(shortfall, stay_p, filled);
    let d2 = T::where_not_positive(shortfall, stay_d, stay_d + new_d);
    let arrivals = T::where_not_positive(shortfall, zero, (gap - refused) + new_d);
    Step {
        permitted: p2,
        disguised: d2,
        arrivals,
        revenue: per_worker * ((p + d + (p2 + d2)) / T::splat(2.0)),
    }
}

/// [`host_year`] for the comparator: every lever at 0, so nobody is sent home, nothing is
/// refused, no one enters through the loophole and the stock is all on permits. The same
/// operations as `host_year(.., false, ..)` with the zero terms left out, so the same numbers
/// to the bit, at a third of the cost (the Monte Carlo runs it for every draw). Gives the
/// workers at the end of the year, its arrivals and revenue.
#[inline(always)]
pub(crate) fn host_year_comparator<T: Num>(
    [base, tau, per_worker]: [T; 3],
    o: T,
    demand: T,
    p: T,
) -> (T, T, T) {
    let stay = p * (T::splat(1.0) - tau * o);
    let target = base * demand;
    let shortfall = target - stay;
    let p2 = T::where_not_positive(
        shortfall,
        stay,
        ((T::splat(1.0) - o) * stay + o * target).at_least_zero(),
    );
    let arrivals = T::where_not_positive(shortfall, T::splat(0.0), shortfall * o);
    (p2, arrivals, per_worker * ((p + p2) / T::splat(2.0)))
}

/// One host's year (of one draw, or of several side by side): the stocks at its end, and
/// what arrived and was earned during it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Step<T> {
    pub permitted: T,
    pub disguised: T,
    pub arrivals: T,
    pub revenue: T,
}

/// One host's year of one draw.
pub(crate) type HostYear = Step<f64>;

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

/// [`evaluate`] for a scenario already resolved by year. Each host's series are written into
/// one block and then copied once into their vectors; the totals add the hosts in their
/// order as they are stepped (the same sums, to the bit, as adding them afterwards).
pub(crate) fn evaluate_timeline(t: &Timeline) -> Projection {
    let n = t.n;
    let cal = calibration_of(t);
    let mut cover = [0.0; MAX_YEARS];
    let cover = &mut cover[..n];
    coverage(t, cover);
    // Totals, n years each: workers, permitted, disguised, arrivals, revenue; the
    // comparator's workers, arrivals, revenue.
    let mut totals = [0.0; 8 * MAX_YEARS];
    let totals = &mut totals[..8 * n];
    // One host's permitted, disguised, workers, arrivals, revenue; its comparator's workers,
    // arrivals, revenue.
    let mut s = [0.0; 8 * MAX_YEARS];
    let s = &mut s[..8 * n];
    let mut hosts = Vec::with_capacity(HOST_COUNT);
    let mut comparator_hosts = Vec::with_capacity(HOST_COUNT);
    for (h, host) in HOSTS.iter().enumerate() {
        let rows = HostRows::of(t, h, cal.per_worker_usd[h]);
        let (mut p, mut d) = rows.start();
        for (i, &cover) in cover.iter().enumerate() {
            let y = rows.year(i, true, cover, (p, d));
            s[i] = p;
            s[n + i] = d;
            s[2 * n + i] = p + d;
            s[3 * n + i] = y.arrivals;
            s[4 * n + i] = y.revenue;
            (p, d) = (y.permitted, y.disguised);
        }
        let mut p = rows.start().0;
        for i in 0..n {
            let (p2, arrivals, revenue) = rows.comparator_year(i, p);
            s[5 * n + i] = p;
            s[6 * n + i] = arrivals;
            s[7 * n + i] = revenue;
            p = p2;
        }
        let series = |k: usize| &s[k * n..(k + 1) * n];
        for (total, k) in totals.chunks_exact_mut(n).zip([2, 0, 1, 3, 4, 5, 6, 7]) {
            add(total, series(k), h == 0);
        }
        hosts.push(HostSeries {
            id: host.id,
            label: host.label,
            permitted: series(0).to_vec(),
            disguised: series(1).to_vec(),
            workers: series(2).to_vec(),
            arrivals: series(3).to_vec(),
            revenue_usd: series(4).to_vec(),
        });
        comparator_hosts.push(ComparatorHost {
            id: host.id,
            workers: series(5).to_vec(),
            arrivals: series(6).to_vec(),
            revenue_usd: series(7).to_vec(),
        });
    }
    let total = |k: usize| totals[k * n..(k + 1) * n].to_vec();
    let (workers, revenue_usd, comparator_revenue) = (total(0), total(4), total(7));
    let summary = summarize(&workers, &revenue_usd, &comparator_revenue);
    Projection {
        years: t.years().collect(),
        workers,
        permitted: total(1),
        disguised: total(2),
        arrivals: total(3),
        revenue_usd,
        comparator: Comparator {
            workers: total(5),
            arrivals: total(6),
            revenue_usd: comparator_revenue,
            hosts: comparator_hosts,
        },
        hosts,
        summary,
        calibration: cal,
    }
}

/// Adds one host's series to a total; the first host's values start it.
fn add(total: &mut [f64], host: &[f64], first: bool) {
    for (t, x) in total.iter_mut().zip(host) {
        *t = if first { 0.0 + x } else { *t + x };
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

    /// The comparator's shortened step gives, to the bit, the full step with every lever at
    /// 0; and a lane of draws gives, to the bit, what one draw gives.
    #[test]
    fn comparator_and_lanes_are_the_one_step() {
        for preset in crate::PRESETS {
            let t = Scenario::preset(preset.id).unwrap().timeline();
            let per_worker = per_worker(&t);
            for (h, &per_worker) in per_worker.iter().enumerate() {
                let rows = HostRows::of(&t, h, per_worker);
                let (mut full, mut short) = (rows.start(), rows.start().0);
                for i in 0..t.n {
                    let y = rows.year(i, false, 0.7, full);
                    let (p2, arrivals, revenue) = rows.comparator_year(i, short);
                    assert_eq!(
                        (y.permitted, y.arrivals, y.revenue),
                        (p2, arrivals, revenue)
                    );
                    assert_eq!(y.disguised, 0.0);
                    let lanes = host_year(
                        rows.constants().map(Lanes::splat),
                        &YearIn::lanes([rows.inputs(i, 0.7); LANES]),
                        true,
                        (Lanes::splat(full.0), Lanes::splat(full.1)),
                    );
                    let one = rows.year(i, true, 0.7, full);
                    assert_eq!(
                        lanes,
                        Step {
                            permitted: Lanes::splat(one.permitted),
                            disguised: Lanes::splat(one.disguised),
                            arrivals: Lanes::splat(one.arrivals),
                            revenue: Lanes::splat(one.revenue),
                        }
                    );
                    (full, short) = ((y.permitted, y.disguised), p2);
                }
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
