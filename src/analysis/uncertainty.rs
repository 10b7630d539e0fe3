//! Uncertainty bands: percentiles of workers and revenue, in total and by host, over
//! Monte Carlo draws of the assumptions.

use alloc::vec;
use alloc::vec::Vec;

use serde::Serialize;

use super::percentiles::{Bands, Bins, Percentiles, percentiles};
use super::sampler::{Sampler, sampled};
use crate::error::InputError;
use crate::model::{HostRows, coverage, scale};
use crate::registry::{HOST_COUNT, HOSTS};
use crate::scenario::Scenario;
use crate::schedule::check_number;

pub use crate::limits::{MAX_DRAWS, MAX_SEED};

/// Bands of one host.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HostBands {
    /// Host id.
    pub id: &'static str,
    /// Revenue per year, USD.
    pub revenue_usd: Bands,
    /// Workers at the start of each year.
    pub workers: Bands,
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
    /// Bands by host, in the order of [`crate::HOSTS`].
    pub hosts: Vec<HostBands>,
    /// Ids of the assumptions drawn.
    pub sampled: Vec<&'static str>,
}

/// Values held in memory for the percentiles, at most: 2^21 (16 MB). Beyond, the draws are
/// simulated three times instead and only the values near each percentile are kept.
const HOLD: usize = 1 << 21;

/// Monte Carlo bands for a scenario, from 1 to 100,000 draws and a seed from 0 to 2^53 - 1;
/// the same inputs give bit-identical results on every platform.
pub fn uncertainty(s: &Scenario, draws: u32, seed: u64) -> Result<Uncertainty, InputError> {
    uncertainty_holding(s, draws, seed, HOLD)
}

/// [`uncertainty`] holding at most `hold` values in memory; the tests compare the two ways,
/// which give the same numbers to the bit.
pub(crate) fn uncertainty_holding(
    s: &Scenario,
    draws: u32,
    seed: u64,
    hold: usize,
) -> Result<Uncertainty, InputError> {
    check_number("draws", None, draws as f64, (1.0, MAX_DRAWS as f64), true)?;
    check_number("seed", None, seed as f64, (0.0, MAX_SEED as f64), true)?;
    let d = draws as usize;
    let n = s.year_count();
    // Values per draw: total revenue and workers, then revenue and workers by host, by year.
    let per_draw = SERIES * n;
    let mut cumulative = vec![0.0; d];
    let mut denied = vec![0.0; d];
    let columns: Vec<Percentiles> = if per_draw * d <= hold {
        // Every value held, one column per series and year, the draws in order.
        let mut data = vec![0.0; per_draw * d];
        simulate(
            s,
            seed,
            &mut cumulative,
            &mut denied,
            &mut data,
            &mut |_, _| {},
        );
        data.chunks(d).map(percentiles).collect()
    } else {
        // Three passes over the same draws, BLOCK at a time: the bounds, the counts in bins,
        // then the values in the bins that hold the percentiles' ranks.
        let mut block = vec![0.0; per_draw * BLOCK];
        let mut pass = |each: &mut dyn FnMut(usize, &[f64])| {
            simulate(s, seed, &mut cumulative, &mut denied, &mut block, each);
        };
        let mut known = vec![(f64::INFINITY, f64::NEG_INFINITY); per_draw];
        pass(&mut |size, block| {
            for (column, known) in block.chunks(BLOCK).zip(known.iter_mut()) {
                for &x in column.iter().take(size) {
                    *known = (known.0.min(x), known.1.max(x));
                }
            }
        });
        let mut bins: Vec<Bins> = known.iter().map(|&b| Bins::new(b, d)).collect();
        let mut feed = |bins: &mut [Bins], step: fn(&mut Bins, f64)| {
            pass(&mut |size, block| {
                for (column, bins) in block.chunks(BLOCK).zip(bins.iter_mut()) {
                    column.iter().take(size).for_each(|&x| step(bins, x));
                }
            });
        };
        feed(&mut bins, Bins::count);
        bins.iter_mut().for_each(Bins::choose);
        feed(&mut bins, Bins::keep);
        bins.into_iter().map(Bins::percentiles).collect()
    };
    let mut columns = columns.chunks(n.max(1));
    let mut next = || Bands::of(columns.next().unwrap_or_default());
    let revenue_usd = next();
    let workers = next();
    let hosts = HOSTS
        .iter()
        .map(|host| HostBands {
            id: host.id,
            revenue_usd: next(),
            workers: next(),
        })
        .collect();
    let (first, _) = s.years();
    Ok(Uncertainty {
        years: (0..n as i32).map(|i| first + i).collect(),
        draws,
        seed,
        revenue_usd,
        workers,
        cumulative_revenue_usd: percentiles(&cumulative),
        cumulative_denied_usd: percentiles(&denied),
        hosts,
        sampled: sampled(s).iter().map(|x| x.param.id).collect(),
    })
}

/// Series per draw and year: total revenue and workers, then revenue and workers by host.
const SERIES: usize = 2 + 2 * HOST_COUNT;

/// Draws simulated per block when the values are not all held; a block's outputs fit in
/// cache.
const BLOCK: usize = 32;

/// Simulates the draws of `s` with `seed`, writing their outputs into `out` series by series
/// and year by year, a group of draws at a time: `out` holds `width` draws a column
/// (`out[(series × years + year) × width + draw]`), and `each(size, out)` is called after
/// each group of `size` draws. `width` is every draw when every value is held (one group),
/// or [`BLOCK`]. Each draw's cumulative revenue and revenue denied go to `cumulative` and
/// `denied`. Allocates nothing per draw. `each` is a trait object so that the simulation is
/// compiled once, not once for each caller.
// `out` holds SERIES x n x `width` values and `cumulative` and `denied` one per draw; every
// index is a series below SERIES, a year below n and a draw of the group below `width`.
#[allow(clippy::indexing_slicing)]
fn simulate(
    s: &Scenario,
    seed: u64,
    cumulative: &mut [f64],
    denied: &mut [f64],
    out: &mut [f64],
    each: &mut dyn FnMut(usize, &[f64]),
) {
    let n = s.year_count();
    let d = cumulative.len();
    let width = out.len() / (SERIES * n).max(1);
    let stride = n * width;
    let mut sampler = Sampler::new(s, seed);
    let mut cover = vec![0.0; n];
    let mut comparator = vec![0.0; n];
    for start in (0..d).step_by(width.max(1)) {
        let size = width.min(d - start);
        for j in 0..size {
            let t = sampler.next_draw();
            coverage(t, &mut cover);
            let scale = scale(t);
            comparator.fill(0.0);
            for h in 0..HOST_COUNT {
                let rows = HostRows::of(t, h, scale);
                let (revenue, workers) = ((2 + 2 * h) * stride, (3 + 2 * h) * stride);
                rows.run(&cover, true, |i, (p, dd), y| {
                    let at = i * width + j;
                    // The totals start with the first host, as a sum from 0 would.
                    out[at] = if h == 0 {
                        y.revenue
                    } else {
                        out[at] + y.revenue
                    };
                    out[stride + at] = if h == 0 {
                        p + dd
                    } else {
                        out[stride + at] + (p + dd)
                    };
                    out[revenue + at] = y.revenue;
                    out[workers + at] = p + dd;
                });
                rows.run(&cover, false, |i, _, y| comparator[i] += y.revenue);
            }
            let total: f64 = (0..n).map(|i| out[i * width + j]).sum();
            let compared: f64 = comparator.iter().sum();
            cumulative[start + j] = total;
            denied[start + j] = (compared - total).max(0.0);
        }
        each(size, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Big analyses keep only the values near each percentile (three passes over the same
    /// draws) and give the same bands, to the bit, as holding every value.
    #[test]
    fn bands_from_three_passes_equal_bands_from_every_value() {
        for (s, draws) in [
            (Scenario::default(), 3_000),
            (Scenario::preset("fullCompliance").unwrap(), 1_001),
            (Scenario::default().with("endYear", 2057.0).unwrap(), 257),
            (
                Scenario::default().with("visaClarification", 1.0).unwrap(),
                1,
            ),
        ] {
            let held = uncertainty(&s, draws, 5).unwrap();
            assert_eq!(
                held,
                uncertainty_holding(&s, draws, 5, 0).unwrap(),
                "{draws}"
            );
        }
    }

    #[test]
    fn bad_options_are_named() {
        let s = Scenario::default();
        let e = uncertainty(&s, 0, 1).unwrap_err();
        assert_eq!(
            e.to_string(),
            "\"draws\" = 0 is out of range: allowed 1 to 100000"
        );
        assert!(matches!(
            uncertainty(&s, 10, MAX_SEED + 1),
            Err(InputError::OutOfRange { .. })
        ));
    }
}
