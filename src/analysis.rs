//! Uncertainty, sensitivity and goal seek (MODEL.md, Uncertainty and sensitivity).
//!
//! - [`uncertainty`]: Monte Carlo over every assumption with a low and a high, each drawn
//!   from a triangular distribution (low, value, high), independently, with a seeded
//!   Xoshiro256++ generator; levers and settings stay fixed.
//! - [`sensitivity`]: a tornado; each assumption at its low, then its high, the others as set.
//! - [`goal_seek`]: the smallest value of one lever that denies a target share of the
//!   comparator's cumulative revenue, by bisection.

use alloc::string::{String, ToString};
use alloc::vec;
use alloc::vec::Vec;

use rand_core::{RngCore, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;
use serde::Serialize;

use crate::error::InputError;
use crate::model::{comparator_revenue_per_year, evaluate, project_totals};
use crate::registry::{Kind, PARAMETERS, Parameter, parameter};
use crate::scenario::Scenario;

/// Most draws one call accepts.
pub const MAX_DRAWS: u32 = 100_000;
/// Largest seed: every seed must be exactly representable as a JavaScript number.
pub const MAX_SEED: u64 = (1 << 53) - 1;
/// The percentiles reported.
pub const PERCENTILES: [f64; 5] = [5.0, 25.0, 50.0, 75.0, 95.0];

/// Percentiles 5, 25, 50, 75 and 95 of one quantity.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Percentiles {
    /// 5th percentile.
    pub p5: f64,
    /// 25th percentile.
    pub p25: f64,
    /// Median.
    pub p50: f64,
    /// 75th percentile.
    pub p75: f64,
    /// 95th percentile.
    pub p95: f64,
}

/// Percentiles of a yearly series, one value per year in each field.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Bands {
    /// 5th percentile per year.
    pub p5: Vec<f64>,
    /// 25th percentile per year.
    pub p25: Vec<f64>,
    /// Median per year.
    pub p50: Vec<f64>,
    /// 75th percentile per year.
    pub p75: Vec<f64>,
    /// 95th percentile per year.
    pub p95: Vec<f64>,
}

/// Outcome of a Monte Carlo run.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Uncertainty {
    /// Calendar years.
    pub years: Vec<i32>,
    /// Draws made.
    pub draws: u32,
    /// Seed used.
    pub seed: u64,
    /// Total revenue per year, USD.
    pub revenue_usd: Bands,
    /// Total workers at the start of each year.
    pub workers: Bands,
    /// Cumulative revenue over the horizon, USD.
    pub cumulative_revenue_usd: Percentiles,
    /// Comparator's cumulative revenue minus the scenario's, USD.
    pub cumulative_denied_usd: Percentiles,
    /// Ids of the assumptions drawn.
    pub sampled: Vec<&'static str>,
}

/// Draws `x` from a triangular distribution on `[lo, hi]` with mode `mode`, given a uniform
/// `u` in `[0, 1)` (inverse of the distribution function).
pub fn triangular(lo: f64, mode: f64, hi: f64, u: f64) -> f64 {
    let width = hi - lo;
    if width <= 0.0 {
        return mode;
    }
    let left = mode - lo;
    if u * width < left {
        lo + libm::sqrt(u * width * left)
    } else {
        hi - libm::sqrt((1.0 - u) * width * (hi - mode))
    }
}

/// A uniform number in `[0, 1)` from the top 53 bits of a 64-bit draw.
fn unit(rng: &mut Xoshiro256PlusPlus) -> f64 {
    (rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
}

/// The assumptions drawn, with the range each is drawn from: the registry's low-high
/// widened, where needed, to include the scenario's own value, which is the mode.
pub(crate) fn sampled(s: &Scenario) -> Vec<(&'static Parameter, f64, f64, f64)> {
    PARAMETERS
        .iter()
        .filter(|p| p.is_uncertain())
        .map(|p| {
            let mode = s.slot(p.slot);
            let (lo, hi) = (p.low.unwrap_or(mode), p.high.unwrap_or(mode));
            (p, lo.min(mode), mode, hi.max(mode))
        })
        .collect()
}

/// Checks the number of draws and the seed.
fn check_draws(draws: f64, seed: f64) -> Result<(u32, u64), InputError> {
    let range = |id: &str, value: f64, min: f64, max: f64| -> Result<(), InputError> {
        if !value.is_finite() {
            return Err(InputError::NotFinite {
                id: id.to_string(),
                value,
            });
        }
        if !(min..=max).contains(&value) {
            return Err(InputError::OutOfRange {
                id: id.to_string(),
                value,
                min,
                max,
            });
        }
        if value != libm::trunc(value) {
            return Err(InputError::NotWhole {
                id: id.to_string(),
                value,
            });
        }
        Ok(())
    };
    range("draws", draws, 1.0, MAX_DRAWS as f64)?;
    range("seed", seed, 0.0, MAX_SEED as f64)?;
    Ok((draws as u32, seed as u64))
}

/// Monte Carlo bands for a scenario. `draws` must be a whole number from 1 to 100,000 and
/// `seed` a whole number from 0 to 2^53 - 1; the same inputs give bit-identical results on
/// every platform.
pub fn uncertainty(s: &Scenario, draws: f64, seed: f64) -> Result<Uncertainty, InputError> {
    let (draws, seed) = check_draws(draws, seed)?;
    let n = s.year_count();
    let d = draws as usize;
    let sampled = sampled(s);
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    // Year-major: all draws of year i are contiguous, ready for percentile selection.
    let mut revenue = vec![0.0; n * d];
    let mut workers = vec![0.0; n * d];
    let mut cumulative = vec![0.0; d];
    let mut denied = vec![0.0; d];
    let (mut w, mut r) = (vec![0.0; n], vec![0.0; n]);
    let mut draw = s.clone();
    for k in 0..d {
        for &(p, lo, mode, hi) in &sampled {
            draw.put(p.slot, triangular(lo, mode, hi, unit(&mut rng)));
        }
        project_totals(&draw, &mut w, &mut r);
        for i in 0..n {
            revenue[i * d + k] = r[i];
            workers[i * d + k] = w[i];
        }
        let total: f64 = r.iter().sum();
        // The comparator earns the same every year; add it up year by year, as `sum` would.
        let year = comparator_revenue_per_year(&draw);
        let comparator = (0..n).fold(0.0, |acc, _| acc + year);
        cumulative[k] = total;
        denied[k] = (comparator - total).max(0.0);
    }
    let bands = |data: &mut [f64]| {
        let mut b = Bands {
            p5: vec![],
            p25: vec![],
            p50: vec![],
            p75: vec![],
            p95: vec![],
        };
        for year in data.chunks_mut(d) {
            let q = percentiles(year);
            b.p5.push(q.p5);
            b.p25.push(q.p25);
            b.p50.push(q.p50);
            b.p75.push(q.p75);
            b.p95.push(q.p95);
        }
        b
    };
    let (base, _) = s.years();
    Ok(Uncertainty {
        years: (0..n as i32).map(|i| base + i).collect(),
        draws,
        seed,
        revenue_usd: bands(&mut revenue),
        workers: bands(&mut workers),
        cumulative_revenue_usd: percentiles(&mut cumulative),
        cumulative_denied_usd: percentiles(&mut denied),
        sampled: sampled.iter().map(|(p, ..)| p.id).collect(),
    })
}

/// Percentiles of `data` by linear interpolation between order statistics (Hyndman and
/// Fan's type 7, the default of R and NumPy). Reorders `data`, which must not be empty:
/// every caller has at least one draw.
pub(crate) fn percentiles(data: &mut [f64]) -> Percentiles {
    let n = data.len();
    let mut out = [0.0; 5];
    // Selections proceed left to right: each one leaves everything above its rank to the
    // right, so the next selection only searches there.
    let mut from = 0;
    for (slot, p) in out.iter_mut().zip(PERCENTILES) {
        let h = (n - 1) as f64 * p / 100.0;
        let lo = h as usize;
        let frac = h - lo as f64;
        let (_, x_lo, right) = data[from..].select_nth_unstable_by(lo - from, f64::total_cmp);
        let x_lo = *x_lo;
        let x_hi = if frac > 0.0 {
            right.iter().copied().fold(f64::INFINITY, f64::min)
        } else {
            x_lo
        };
        *slot = x_lo + frac * (x_hi - x_lo);
        from = lo;
    }
    Percentiles {
        p5: out[0],
        p25: out[1],
        p50: out[2],
        p75: out[3],
        p95: out[4],
    }
}

/// An output a tornado or goal seek can look at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Output {
    /// Revenue summed over the horizon, USD.
    CumulativeRevenueUsd,
    /// Comparator's cumulative revenue minus the scenario's, USD.
    CumulativeDeniedUsd,
    /// Revenue in the final year, USD.
    FinalYearRevenueUsd,
}

impl Output {
    /// All outputs, with their ids.
    pub const ALL: [(Output, &'static str); 3] = [
        (Output::CumulativeRevenueUsd, "cumulativeRevenueUsd"),
        (Output::CumulativeDeniedUsd, "cumulativeDeniedUsd"),
        (Output::FinalYearRevenueUsd, "finalYearRevenueUsd"),
    ];

    /// The output with this id.
    pub fn from_id(id: &str) -> Result<Output, InputError> {
        Output::ALL
            .iter()
            .find(|(_, name)| *name == id)
            .map(|(o, _)| *o)
            .ok_or_else(|| InputError::UnknownName {
                field: "output",
                name: id.to_string(),
                allowed: Output::ALL.map(|(_, n)| n).join(", "),
            })
    }

    fn of(self, s: &Scenario) -> f64 {
        let m = evaluate(s).summary;
        match self {
            Output::CumulativeRevenueUsd => m.cumulative_revenue_usd,
            Output::CumulativeDeniedUsd => m.cumulative_denied_usd,
            Output::FinalYearRevenueUsd => m.final_year_revenue_usd,
        }
    }
}

/// One bar of a tornado.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TornadoBar {
    /// Assumption id.
    pub id: &'static str,
    /// Assumption label.
    pub label: &'static str,
    /// The assumption's low value.
    pub low: f64,
    /// The assumption's high value.
    pub high: f64,
    /// The output with the assumption at its low.
    pub output_at_low: f64,
    /// The output with the assumption at its high.
    pub output_at_high: f64,
    /// `|output_at_high - output_at_low|`.
    pub swing: f64,
}

/// A tornado: how far each assumption alone moves one output.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Sensitivity {
    /// Output id.
    pub output: &'static str,
    /// The output with every assumption as set.
    pub base_value: f64,
    /// Bars, widest swing first.
    pub bars: Vec<TornadoBar>,
}

/// Sets each assumption to its low and then its high, the others as in `s`, and ranks the
/// assumptions by how far they move `output` (an id of [`Output::ALL`]).
pub fn sensitivity(s: &Scenario, output: &str) -> Result<Sensitivity, InputError> {
    let out = Output::from_id(output)?;
    let name = Output::ALL
        .iter()
        .find(|(o, _)| *o == out)
        .map_or("", |(_, n)| n);
    let mut bars: Vec<TornadoBar> = sampled(s)
        .into_iter()
        .map(|(p, lo, _, hi)| {
            let mut at = s.clone();
            at.put(p.slot, lo);
            let output_at_low = out.of(&at);
            at.put(p.slot, hi);
            let output_at_high = out.of(&at);
            TornadoBar {
                id: p.id,
                label: p.label,
                low: lo,
                high: hi,
                output_at_low,
                output_at_high,
                swing: (output_at_high - output_at_low).abs(),
            }
        })
        .collect();
    // Stable sort: equal swings keep registry order.
    bars.sort_by(|a, b| b.swing.total_cmp(&a.swing));
    Ok(Sensitivity {
        output: name,
        base_value: out.of(s),
        bars,
    })
}

/// Answer of a goal seek.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GoalSeek {
    /// The lever moved.
    pub lever: &'static str,
    /// Share of the comparator's cumulative revenue to deny, 0 to 1.
    pub target_denied_share: f64,
    /// Whether the target is reached anywhere in the lever's range.
    pub reachable: bool,
    /// The smallest lever value found that reaches the target (`None` when unreachable).
    pub value: Option<f64>,
    /// Denied share at `value`, or at the lever's maximum when unreachable.
    pub achieved_denied_share: f64,
    /// Denied share at the lever's maximum.
    pub denied_share_at_max: f64,
    /// The answer is within this distance of the exact crossing.
    pub tolerance: f64,
    /// Evaluations made.
    pub evaluations: u32,
    /// Whether the denied share never fell as the lever rose, on 41 evenly spaced values.
    /// Bisection finds the smallest answer only if the response is monotone.
    pub monotone_on_grid: bool,
    /// One sentence for the reader.
    pub note: String,
}

/// The smallest value of `lever`, the other levers as in `s`, that denies at least
/// `target_denied_share` of the comparator's cumulative revenue.
pub fn goal_seek(
    s: &Scenario,
    lever: &str,
    target_denied_share: f64,
) -> Result<GoalSeek, InputError> {
    let p = parameter(lever)
        .filter(|p| p.kind == Kind::Lever)
        .ok_or_else(|| InputError::UnknownName {
            field: "lever",
            name: lever.to_string(),
            allowed: crate::registry::levers()
                .map(|p| p.id)
                .collect::<Vec<_>>()
                .join(", "),
        })?;
    let target = target_denied_share;
    if !target.is_finite() {
        return Err(InputError::NotFinite {
            id: "targetDeniedShare".into(),
            value: target,
        });
    }
    if !(0.0..=1.0).contains(&target) {
        let id = "targetDeniedShare".into();
        return Err(InputError::OutOfRange {
            id,
            value: target,
            min: 0.0,
            max: 1.0,
        });
    }
    let mut evaluations = 0u32;
    let mut denied_at = |x: f64| {
        evaluations += 1;
        let mut at = s.clone();
        at.put(p.slot, x);
        evaluate(&at).summary.denied_share
    };
    const GRID: usize = 40;
    let grid: Vec<f64> = (0..=GRID)
        .map(|i| denied_at(p.min + (p.max - p.min) * i as f64 / GRID as f64))
        .collect();
    let monotone_on_grid = grid.windows(2).all(|w| w[1] >= w[0] - 1e-12);
    let at_max = grid[GRID];
    let tolerance = (p.max - p.min) * 1e-6;
    let (reachable, value, achieved) = if grid[0] >= target {
        (true, Some(p.min), grid[0])
    } else if at_max < target {
        (false, None, at_max)
    } else {
        // The first grid interval that crosses the target brackets the answer.
        let i = grid.iter().position(|&g| g >= target).unwrap_or(GRID);
        let step = (p.max - p.min) / GRID as f64;
        let (mut lo, mut hi) = (p.min + step * (i - 1) as f64, p.min + step * i as f64);
        let mut at_hi = grid[i];
        while hi - lo > tolerance {
            let mid = lo + (hi - lo) / 2.0;
            let m = denied_at(mid);
            if m >= target {
                (hi, at_hi) = (mid, m);
            } else {
                lo = mid;
            }
        }
        (true, Some(hi.min(p.max)), at_hi)
    };
    let note = match (reachable, monotone_on_grid) {
        (false, _) => alloc::format!(
            "Not reachable, even at the maximum: {} denies {:.1}% of the comparator's revenue.",
            p.label,
            at_max * 100.0
        ),
        (true, true) => "The denied share rises steadily with this lever, so this is the \
                         smallest value that reaches the target."
            .to_string(),
        (true, false) => "The denied share does not rise steadily with this lever; this value \
                          reaches the target but a smaller one might too."
            .to_string(),
    };
    Ok(GoalSeek {
        lever: p.id,
        target_denied_share: target,
        reachable,
        value,
        achieved_denied_share: achieved,
        denied_share_at_max: at_max,
        tolerance,
        evaluations,
        monotone_on_grid,
        note,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_match_type_7() {
        let mut v: Vec<f64> = (1..=11).rev().map(f64::from).collect();
        let q = percentiles(&mut v);
        assert_eq!(
            (q.p5, q.p25, q.p50, q.p75, q.p95),
            (1.5, 3.5, 6.0, 8.5, 10.5)
        );
        let mut one = [7.0];
        assert_eq!(percentiles(&mut one).p95, 7.0);
        let mut two = [2.0, 1.0];
        assert_eq!(percentiles(&mut two).p50, 1.5);
    }

    #[test]
    fn triangular_covers_its_range_and_mode() {
        assert_eq!(triangular(0.0, 1.0, 2.0, 0.0), 0.0);
        assert_eq!(triangular(0.0, 1.0, 2.0, 0.5), 1.0);
        assert!((triangular(0.0, 1.0, 2.0, 1.0 - 1e-16) - 2.0).abs() < 1e-6);
        assert_eq!(triangular(3.0, 3.0, 3.0, 0.7), 3.0);
        // A mode at the top end.
        assert!(triangular(200e6, 500e6, 500e6, 0.99) <= 500e6);
        // The mean of a triangular distribution is (lo + mode + hi) / 3.
        let n = 100_000;
        let mean: f64 = (0..n)
            .map(|i| triangular(0.0, 0.2, 1.0, (i as f64 + 0.5) / n as f64))
            .sum::<f64>()
            / n as f64;
        assert!((mean - 0.4).abs() < 1e-4, "{mean}");
    }

    /// The shortcut for the comparator equals simulating it, to the bit.
    #[test]
    fn comparator_shortcut_equals_the_simulation() {
        for p in crate::PRESETS {
            for end in [2017.0, 2030.0, 2057.0] {
                let s = Scenario::preset(p.id)
                    .unwrap()
                    .with("endYear", end)
                    .unwrap();
                let e = evaluate(&s);
                let year = comparator_revenue_per_year(&s);
                assert!(
                    e.comparator.revenue_usd.iter().all(|&r| r == year),
                    "{}",
                    p.id
                );
                let n = e.years.len();
                let sum: f64 = e.comparator.revenue_usd.iter().sum();
                assert_eq!((0..n).fold(0.0, |acc, _| acc + year), sum);
            }
        }
    }

    #[test]
    fn bad_options_are_named() {
        let s = Scenario::default();
        let e = uncertainty(&s, 0.0, 1.0).unwrap_err();
        assert_eq!(
            e.to_string(),
            "\"draws\" = 0 is out of range: allowed 1 to 100000"
        );
        assert!(matches!(
            uncertainty(&s, 100.5, 1.0),
            Err(InputError::NotWhole { .. })
        ));
        assert!(matches!(
            uncertainty(&s, 10.0, -1.0),
            Err(InputError::OutOfRange { .. })
        ));
        let e = sensitivity(&s, "revenue").unwrap_err();
        assert!(
            e.to_string().contains("\"output\" = \"revenue\"")
                && e.to_string().contains("cumulativeDeniedUsd")
        );
        let e = goal_seek(&s, "baseWorkers.china", 0.5).unwrap_err();
        assert!(e.to_string().contains("\"lever\" = \"baseWorkers.china\""));
        assert!(goal_seek(&s, "visaClarification", 1.2).is_err());
    }
}
