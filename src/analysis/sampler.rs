//! The Monte Carlo sampler. Each draw takes one uniform quantile per uncertain assumption
//! and applies it to every year as the same quantile of that year's triangular
//! distribution (low, value, high), with a seeded Xoshiro256++ generator; levers and
//! settings stay fixed. The uncertainty bands and the back-test both use it.

use alloc::vec::Vec;

use rand_core::{RngCore, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

use crate::registry::{Kind, PARAMETERS, Parameter};
use crate::scenario::{Run, Scenario, Timeline};

/// Draws `x` from a triangular distribution on `[lo, hi]` with mode `mode`, given a uniform
/// `u` in `[0, 1)` (inverse of the distribution function).
pub fn triangular(lo: f64, mode: f64, hi: f64, u: f64) -> f64 {
    let width = hi - lo;
    if width <= 0.0 {
        return mode;
    }
    let left = mode - lo;
    if u * width < left {
        lo + sqrt(u * width * left)
    } else {
        hi - sqrt((1.0 - u) * width * (hi - mode))
    }
}

/// The square root, correctly rounded as IEEE 754 requires, so the same number natively and
/// in wasm. With `std`, the processor's instruction (wasm's `f64.sqrt`: libm on stable Rust
/// only has its software square root for wasm, three times slower in the Monte Carlo);
/// without, libm's.
#[inline]
#[allow(clippy::disallowed_methods)] // IEEE 754 fixes sqrt to the bit, unlike exp or log.
fn sqrt(x: f64) -> f64 {
    #[cfg(feature = "std")]
    {
        x.sqrt()
    }
    #[cfg(not(feature = "std"))]
    {
        libm::sqrt(x)
    }
}

/// One uncertain assumption of a scenario: its row and the runs of years over which its
/// value and range stay the same.
#[derive(Clone, Debug)]
pub(crate) struct Sampled {
    pub param: &'static Parameter,
    pub row: usize,
    pub runs: Vec<Run>,
}

/// The assumptions drawn for a scenario, in registry order: those with a range that is not
/// a single point in some year.
pub(crate) fn sampled(s: &Scenario) -> Vec<Sampled> {
    PARAMETERS
        .iter()
        .enumerate()
        .filter(|(_, p)| p.kind == Kind::Assumption)
        .map(|(row, param)| Sampled {
            param,
            row,
            runs: s.runs(row),
        })
        .filter(|x| x.runs.iter().any(|r| r.high > r.low))
        .collect()
}

/// The Monte Carlo sampler: a scenario resolved by year, redrawn in place for each draw.
/// The same seed gives the same draws on every platform.
pub(crate) struct Sampler {
    timeline: Timeline,
    sampled: Vec<Sampled>,
    rng: Xoshiro256PlusPlus,
}

impl Sampler {
    /// A sampler for `s`, seeded.
    pub fn new(s: &Scenario, seed: u64) -> Sampler {
        Sampler {
            timeline: s.timeline(),
            sampled: sampled(s),
            rng: Xoshiro256PlusPlus::seed_from_u64(seed),
        }
    }

    /// The next draw: one quantile per assumption, applied to each of its runs of years.
    /// Allocates nothing. An assumption that cannot change by year is read by the model in
    /// its first year only ([`Timeline::fixed`]), so only that year is written.
    pub fn next_draw(&mut self) -> &Timeline {
        draw(&self.sampled, &mut self.rng, &mut self.timeline);
        &self.timeline
    }
}

/// One draw of the `sampled` assumptions into `t`.
fn draw(sampled: &[Sampled], rng: &mut Xoshiro256PlusPlus, t: &mut Timeline) {
    for x in sampled {
        // A uniform number in [0, 1) from the top 53 bits of a 64-bit draw.
        let u = (rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64);
        let row = t.row_mut(x.row);
        if x.param.scheduled {
            for r in &x.runs {
                if let Some(years) = row.get_mut(r.from..r.to) {
                    years.fill(triangular(r.low, r.mode, r.high, u));
                }
            }
        } else if let (Some(r), Some(first)) = (x.runs.first(), row.first_mut()) {
            *first = triangular(r.low, r.mode, r.high, u);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::index_of;

    #[test]
    fn triangular_covers_its_range_and_mode() {
        assert_eq!(triangular(0.0, 1.0, 2.0, 0.0), 0.0);
        assert_eq!(triangular(0.0, 1.0, 2.0, 0.5), 1.0);
        assert!((triangular(0.0, 1.0, 2.0, 1.0 - 1e-16) - 2.0).abs() < 1e-6);
        assert_eq!(triangular(3.0, 3.0, 3.0, 0.7), 3.0);
        assert!(triangular(200e6, 500e6, 500e6, 0.99) <= 500e6);
        // The mean of a triangular distribution is (lo + mode + hi) / 3.
        let n = 100_000;
        let mean: f64 = (0..n)
            .map(|i| triangular(0.0, 0.2, 1.0, (i as f64 + 0.5) / n as f64))
            .sum::<f64>()
            / n as f64;
        assert!((mean - 0.4).abs() < 1e-4, "{mean}");
    }

    #[test]
    fn one_quantile_per_assumption_for_every_year() {
        let s = Scenario::default();
        let mut sampler = Sampler::new(&s, 5);
        // China's loophole share: 0.2 (0-0.6) in 2017, then three record steps.
        let k = index_of("loopholeShare.china").unwrap();
        let runs = s.runs(k);
        assert_eq!(runs.len(), 4);
        // The triangular distribution function: the quantile a value was drawn at.
        let quantile = |x: f64, r: &Run| {
            let width = r.high - r.low;
            if x <= r.mode {
                (x - r.low) * (x - r.low) / (width * (r.mode - r.low))
            } else {
                1.0 - (r.high - x) * (r.high - x) / (width * (r.high - r.mode))
            }
        };
        for _ in 0..50 {
            let row = sampler.next_draw().row(k);
            let (first, last) = (&runs[0], &runs[3]);
            let (a, b) = (
                quantile(row[first.from], first),
                quantile(row[last.from], last),
            );
            assert!((a - b).abs() < 1e-9, "{a} {b}");
            for r in &runs {
                assert!(row[r.from..r.to].iter().all(|&x| x == row[r.from]));
                assert!(r.low <= row[r.from] && row[r.from] <= r.high);
            }
        }
    }
}
