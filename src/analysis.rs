//! Uncertainty, sensitivity and goal seek (docs/methodology.md, "Uncertainty and
//! sensitivity").
//!
//! - `Sampler`: the one Monte Carlo sampler. Each draw takes one uniform quantile per
//!   uncertain assumption and applies it to every year as the same quantile of that year's
//!   triangular distribution (low, value, high), with a seeded Xoshiro256++ generator;
//!   levers and settings stay fixed. The uncertainty bands and the back-test both use it.
//! - [`uncertainty`]: percentile bands of workers and revenue, in total and by host.
//! - [`sensitivity`]: a tornado; each assumption at its low, then its high, the others as set.
//! - [`goal_seek`]: the smallest setting of one lever, or of several moved together, that
//!   cuts one host's (or every host's) revenue over a window by a target share against a
//!   comparator.

use alloc::string::{String, ToString};
use alloc::vec;
use alloc::vec::Vec;
use core::array::from_fn;
use core::hint::black_box;
use core::ops::Range;

use rand_core::{RngCore, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;
use serde::Serialize;

use crate::error::InputError;
use crate::model::{
    HostRows, LANES, Lanes, Num, Projection, YearIn, coverage, evaluate_timeline, host_year,
    host_year_comparator, per_worker,
};
use crate::presets::{PRESETS, preset};
use crate::registry::{HOST_COUNT, HOSTS, Kind, PARAMETERS, Parameter, index_of, levers};
use crate::scenario::{Run, Scenario, Timeline};
use crate::schedule::{MAX_YEAR, MIN_YEAR, Value, check_number};

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

impl Bands {
    /// Bands from the percentiles of each year.
    fn of(years: &[Percentiles]) -> Bands {
        Bands {
            p5: years.iter().map(|q| q.p5).collect(),
            p25: years.iter().map(|q| q.p25).collect(),
            p50: years.iter().map(|q| q.p50).collect(),
            p75: years.iter().map(|q| q.p75).collect(),
            p95: years.iter().map(|q| q.p95).collect(),
        }
    }
}

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

/// Draws `x` from a triangular distribution on `[lo, hi]` with mode `mode`, given a uniform
/// `u` in `[0, 1)` (inverse of the distribution function).
pub fn triangular(lo: f64, mode: f64, hi: f64, u: f64) -> f64 {
    let width = hi - lo;
    if width <= 0.0 {
        return mode;
    }
    let left = mode - lo;
    // The side of the mode depends on a random number, so a branch would be mispredicted
    // half the time: both sides are computed and one is chosen by masking bits. The mask
    // passes through `black_box` because the compiler otherwise turns the choice back into a
    // branch (measured natively: 9.7 to 8.7 ms for 10,000 draws on one thread).
    let mask = black_box(0u64.wrapping_sub(u64::from(u * width < left)));
    let pick = |a: f64, b: f64| f64::from_bits((a.to_bits() & mask) | (b.to_bits() & !mask));
    pick(
        lo + sqrt(u * width * left),
        hi - sqrt((1.0 - u) * width * (hi - mode)),
    )
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

    /// Passes over `draws` draws: the generator moves on as if they had been drawn.
    pub fn skip(&mut self, draws: usize) {
        for _ in 0..draws * self.sampled.len() {
            self.rng.next_u64();
        }
    }

    /// The next draw: one quantile per assumption, applied to each of its runs of years.
    /// Allocates nothing. An assumption that cannot change by year is read by the model in
    /// its first year only ([`Timeline::fixed`]), so only that year is written.
    pub fn next_draw(&mut self) -> &Timeline {
        draw(&self.sampled, &mut self.rng, &mut self.timeline);
        &self.timeline
    }

    /// The next draw, written into `t`: a copy of [`Sampler::timeline`] that earlier draws
    /// may have written.
    pub fn draw_into(&mut self, t: &mut Timeline) {
        draw(&self.sampled, &mut self.rng, t);
    }

    /// The scenario resolved by year, as the draws start from.
    pub fn timeline(&self) -> &Timeline {
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
                row[r.from..r.to].fill(triangular(r.low, r.mode, r.high, u));
            }
        } else {
            let r = &x.runs[0];
            row[0] = triangular(r.low, r.mode, r.high, u);
        }
    }
}

/// Values held in memory for the percentiles, at most: 2^21 (16 MB). Beyond, the draws are
/// simulated three times instead and only the values near each percentile are kept.
const HOLD: usize = 1 << 21;

/// Monte Carlo bands for a scenario, from 1 to 100,000 draws and a seed from 0 to 2^53 - 1;
/// the same inputs give bit-identical results on every platform.
pub fn uncertainty(s: &Scenario, draws: u32, seed: u64) -> Result<Uncertainty, InputError> {
    uncertainty_with(s, draws, seed, HOLD, true)
}

/// [`uncertainty`] holding at most `hold` values, on a second thread too if `threads` and the
/// platform has one; tests and benchmarks set these to compare the ways, which give the same
/// numbers to the bit.
#[doc(hidden)]
pub fn uncertainty_with(
    s: &Scenario,
    draws: u32,
    seed: u64,
    hold: usize,
    threads: bool,
) -> Result<Uncertainty, InputError> {
    check_number("draws", None, draws as f64, (1.0, MAX_DRAWS as f64), true)?;
    check_number("seed", None, seed as f64, (0.0, MAX_SEED as f64), true)?;
    let d = draws as usize;
    let n = s.year_count();
    // Values per draw: total revenue and workers, then revenue and workers by host, by year.
    let per_draw = (2 + 2 * HOST_COUNT) * n;
    let mut cumulative = vec![0.0; d];
    let mut denied = vec![0.0; d];
    let columns: Vec<Percentiles> = if per_draw * d <= hold {
        // Every value held, year-major (all draws of one series and year contiguous): the
        // simulation writes each draw's values straight into their columns. The draws are
        // cut in two halves, simulated side by side where there are threads; each column is
        // then its first half followed by its second, in the order of the draws.
        let m = first_half(d, threads);
        // Two threads only for draws enough to pay for the second (a cut before the end).
        let threads = m < d;
        let mut data = vec![0.0; per_draw * d];
        let (first, second) = data.split_at_mut(per_draw * m);
        let (cumulative, denied) = (cumulative.split_at_mut(m), denied.split_at_mut(m));
        both(
            threads,
            || simulate(s, seed, 0..m, cumulative.0, denied.0, first, &mut |_, _| {}),
            || {
                simulate(
                    s,
                    seed,
                    m..d,
                    cumulative.1,
                    denied.1,
                    second,
                    &mut |_, _| {},
                )
            },
        );
        let column = |c: usize| {
            let (a, b) = (m, d - m);
            percentiles_of([&first[c * a..(c + 1) * a], &second[c * b..(c + 1) * b]])
        };
        let half = per_draw / 2;
        let (a, b) = both(
            threads,
            || (0..half).map(column).collect::<Vec<_>>(),
            || (half..per_draw).map(column).collect::<Vec<_>>(),
        );
        a.into_iter().chain(b).collect()
    } else {
        // Three passes over the same draws, BLOCK at a time: the bounds, the counts in bins,
        // then the values in the bins that hold the percentiles' ranks.
        let mut block = vec![0.0; per_draw * BLOCK];
        let mut pass = |each: &mut dyn FnMut(usize, &[f64])| {
            simulate(
                s,
                seed,
                0..d,
                &mut cumulative,
                &mut denied,
                &mut block,
                each,
            );
        };
        // The smallest and largest value of each series and year.
        let mut known = vec![(f64::INFINITY, f64::NEG_INFINITY); per_draw];
        pass(&mut |size, block| {
            for (row, known) in block.chunks(BLOCK).zip(known.iter_mut()) {
                let (lo, hi) = bounds(&row[..size]);
                *known = (known.0.min(lo), known.1.max(hi));
            }
        });
        let mut bins: Vec<Bins> = known.iter().map(|&b| Bins::new(b, d)).collect();
        let mut feed = |bins: &mut [Bins], step: fn(&mut Bins, f64)| {
            pass(&mut |size, block| {
                for (row, bins) in block.chunks(BLOCK).zip(bins.iter_mut()) {
                    row[..size].iter().for_each(|&x| step(bins, x));
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
        draws: d as u32,
        seed,
        revenue_usd,
        workers,
        cumulative_revenue_usd: percentiles(&cumulative),
        cumulative_denied_usd: percentiles(&denied),
        hosts,
        sampled: sampled(s).iter().map(|x| x.param.id).collect(),
    })
}

/// Draws simulated per block when the values are not all held; a block's outputs fit in
/// cache.
const BLOCK: usize = 32;

/// Simulates the `draws` of `s` with `seed` (draw k is the same whatever the range), writing
/// their outputs into `out` series by series and year by year, a group of draws at a time:
/// `out` holds `width` draws a row (`out[(series × years + year) × width + draw]`), and
/// `each(size, out)` is called after each group of `size` draws. `width` is the number of
/// draws when every value is held (one group) or [`BLOCK`]. Each draw's cumulative revenue
/// and revenue denied go to `cumulative` and `denied`, one per draw of the range. Allocates
/// nothing per draw. `each` is a trait object so that the simulation is compiled once, not
/// once for each caller.
fn simulate(
    s: &Scenario,
    seed: u64,
    draws: Range<usize>,
    cumulative: &mut [f64],
    denied: &mut [f64],
    out: &mut [f64],
    each: &mut dyn FnMut(usize, &[f64]),
) {
    let n = s.year_count();
    let per_draw = (2 + 2 * HOST_COUNT) * n;
    let width = out.len() / per_draw.max(1);
    let mut sampler = Sampler::new(s, seed);
    sampler.skip(draws.start);
    let d = draws.len();
    let stride = n * width;
    // LANES draws at a time, side by side: each lane its own timeline and coverage.
    let mut lanes: [(Timeline, Vec<f64>); LANES] =
        from_fn(|_| (sampler.timeline().clone(), vec![0.0; n]));
    let mut year_comparator = vec![Lanes::splat(0.0); n];
    for start in (0..d).step_by(width.max(1)) {
        let size = width.min(d - start);
        for j in (0..size).step_by(LANES) {
            // The draws of this group that are kept: the last group of the range may be
            // short, and its other lanes (later draws of the generator) are dropped.
            let live = LANES.min(size - j);
            for (t, cover) in &mut lanes {
                sampler.draw_into(t);
                coverage(t, cover);
            }
            let per_worker = lanes.each_ref().map(|(t, _)| per_worker(t));
            let rows: [[HostRows; HOST_COUNT]; LANES] =
                from_fn(|k| from_fn(|h| HostRows::of(&lanes[k].0, h, per_worker[k][h])));
            let constants: [[Lanes; 3]; HOST_COUNT] = from_fn(|h| {
                let c = rows.each_ref().map(|r| r[h].constants());
                from_fn(|m| Lanes(from_fn(|k| c[k][m])))
            });
            let mut stocks = constants.map(|[base, ..]| (base, Lanes::splat(0.0)));
            let mut comparator = constants.map(|[base, ..]| base);
            // Writes one number of each kept lane: series k of year i is at
            // k × stride + i × width + j + lane.
            let mut put = |at: usize, x: Lanes| {
                if live == LANES {
                    out[at..at + LANES].copy_from_slice(&x.0);
                } else {
                    out[at..at + live].copy_from_slice(&x.0[..live]);
                }
            };
            // Year by year, the hosts (and their comparators) side by side: independent
            // chains of arithmetic that the processor can overlap.
            for (i, year_comparator) in year_comparator.iter_mut().enumerate() {
                let at = i * width + j;
                // The totals start with the first host (as a sum from 0 would).
                let zero = Lanes::splat(0.0);
                let (mut revenue, mut workers, mut comparator_revenue) = (zero, zero, zero);
                for h in 0..HOST_COUNT {
                    let (p, dd) = stocks[h];
                    let inputs = YearIn::lanes(from_fn(|k| rows[k][h].inputs(i, lanes[k].1[i])));
                    let y = host_year(constants[h], &inputs, true, (p, dd));
                    let host_revenue = (2 + 2 * h) * stride;
                    revenue = revenue + y.revenue;
                    workers = workers + (p + dd);
                    put(host_revenue + at, y.revenue);
                    put(host_revenue + stride + at, p + dd);
                    stocks[h] = (y.permitted, y.disguised);
                    let (p2, _, r) = host_year_comparator(
                        constants[h],
                        inputs.border,
                        inputs.demand,
                        comparator[h],
                    );
                    comparator_revenue = comparator_revenue + r;
                    comparator[h] = p2;
                }
                put(at, revenue);
                put(stride + at, workers);
                *year_comparator = comparator_revenue;
            }
            for k in 0..live {
                let total = (0..n).map(|i| out[i * width + j + k]).sum::<f64>();
                let comparator = year_comparator.iter().fold(0.0, |acc, x| acc + x.0[k]);
                cumulative[start + j + k] = total;
                denied[start + j + k] = (comparator - total).max(0.0);
            }
        }
        each(size, out);
    }
}

/// Percentiles of `data` by linear interpolation between order statistics (Hyndman and
/// Fan's type 7, the default of R and NumPy). `data` must not be empty: every caller has at
/// least one draw.
pub(crate) fn percentiles(data: &[f64]) -> Percentiles {
    percentiles_of([data, &[]])
}

/// [`percentiles`] of the values of two slices together.
fn percentiles_of(parts: [&[f64]; 2]) -> Percentiles {
    let ((a, b), (c, d)) = (bounds(parts[0]), bounds(parts[1]));
    percentiles_within(parts, (a.min(c), b.max(d)))
}

/// The smallest and largest of some numbers.
fn bounds(data: &[f64]) -> (f64, f64) {
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for &x in data {
        if x < lo {
            lo = x;
        }
        if x > hi {
            hi = x;
        }
    }
    (lo, hi)
}

/// [`percentiles_of`] with the smallest and largest values known.
///
/// The order statistics are exact, found without sorting: one pass counts the values in
/// 1,025 bins of equal width between the smallest and the largest, and a second collects only
/// the bins that hold the ranks wanted, which are then sorted. Any bin function that never
/// decreases as the value grows puts each rank's value in the bin the counts point to; this
/// one rounds `(x - min) * 1024 / (max - min)` by adding 2^52, which leaves the rounded
/// number in the low bits of the sum (the number is at most 1,024).
fn percentiles_within(parts: [&[f64]; 2], bounds: (f64, f64)) -> Percentiles {
    let mut bins = Bins::new(bounds, parts[0].len() + parts[1].len());
    if bounds.0 == bounds.1 {
        return bins.percentiles();
    }
    // Each value's bin, found once for both passes (part by part: a loop over one slice is
    // faster than one over two chained).
    let mut found: Vec<u16> = Vec::with_capacity(bins.n);
    for part in parts {
        found.extend(part.iter().map(|&x| bins.bin(x) as u16));
    }
    found.iter().for_each(|&b| bins.first[b as usize + 1] += 1);
    bins.choose();
    let (first, second) = found.split_at(parts[0].len());
    for (part, found) in parts.into_iter().zip([first, second]) {
        for (&x, &b) in part.iter().zip(found) {
            bins.keep_in(x, b as usize);
        }
    }
    bins.percentiles()
}

/// Where the draws are cut for two threads: half of them when there are two threads to use
/// and enough draws to pay for the second, or all of them.
fn first_half(d: usize, threads: bool) -> usize {
    if threads && d >= 256 && second_thread() {
        d / 2
    } else {
        d
    }
}

/// Whether this platform runs work on a second thread.
#[cfg(all(feature = "std", not(target_arch = "wasm32")))]
fn second_thread() -> bool {
    static MANY: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *MANY.get_or_init(|| std::thread::available_parallelism().is_ok_and(|n| n.get() > 1))
}

#[cfg(not(all(feature = "std", not(target_arch = "wasm32"))))]
fn second_thread() -> bool {
    false
}

/// Runs `a` and `b` and returns both results: `a` on a second thread if `threads`, the
/// platform has one and it starts; on this one otherwise. The results do not depend on which.
#[cfg(all(feature = "std", not(target_arch = "wasm32")))]
fn both<A: Send, B>(threads: bool, a: impl FnOnce() -> A + Send, b: impl FnOnce() -> B) -> (A, B) {
    if !(threads && second_thread()) {
        return (a(), b());
    }
    // `a` waits here until a thread takes it; if none starts, this thread runs it.
    let slot = std::sync::Mutex::new(Some(a));
    let take = || slot.lock().ok().and_then(|mut a| a.take());
    std::thread::scope(|scope| {
        let thread = std::thread::Builder::new().spawn_scoped(scope, || take().map(|a| a()));
        let b = b();
        let a = match thread.map(|t| t.join()) {
            Ok(Ok(Some(a))) => a,
            Ok(Err(panic)) => std::panic::resume_unwind(panic),
            _ => take().map(|a| a()).expect("a runs once"),
        };
        (a, b)
    })
}

#[cfg(not(all(feature = "std", not(target_arch = "wasm32"))))]
fn both<A, B>(_: bool, a: impl FnOnce() -> A, b: impl FnOnce() -> B) -> (A, B) {
    (a(), b())
}

/// The binned order statistics of one quantity over `n` draws: counts by bin, then the
/// values of the bins that hold the ranks the percentiles read.
struct Bins {
    n: usize,
    min: f64,
    scale: f64,
    /// Counts by bin, then (after `choose`) first[b]: the rank of bin b's smallest value;
    /// first[BINS] = n.
    first: Vec<usize>,
    /// The values of the bins kept, by slot.
    values: Vec<Vec<f64>>,
    /// slot[b]: where bin b's values go, if it is kept (u8::MAX if not).
    slot: Vec<u8>,
}

impl Bins {
    const COUNT: usize = 1025;

    fn new((min, max): (f64, f64), n: usize) -> Bins {
        Bins {
            n,
            min,
            scale: (Self::COUNT - 1) as f64 / (max - min),
            first: if min == max {
                Vec::new()
            } else {
                vec![0; Self::COUNT + 1]
            },
            values: Vec::new(),
            slot: Vec::new(),
        }
    }

    /// The bin of a value: rounded to the nearest of 1,025 steps between min and max by the
    /// float unit itself (adding 2^52 rounds to a whole number in the low bits).
    fn bin(&self, x: f64) -> usize {
        const ROUND: f64 = 4_503_599_627_370_496.0; // 2^52
        (((x - self.min) * self.scale + ROUND).to_bits() & 0x7ff) as usize
    }

    fn count(&mut self, x: f64) {
        if !self.first.is_empty() {
            let b = self.bin(x);
            self.first[b + 1] += 1;
        }
    }

    /// The ranks each percentile reads: its floor, and the fraction to the next rank.
    fn ranks(&self) -> [(usize, f64); 5] {
        PERCENTILES.map(|p| {
            let h = (self.n - 1) as f64 * p / 100.0;
            let lo = h as usize;
            (lo, h - lo as f64)
        })
    }

    fn bin_of(&self, rank: usize) -> usize {
        self.first.partition_point(|&f| f <= rank) - 1
    }

    /// After counting: the bins to keep, each given a slot for its values.
    fn choose(&mut self) {
        if self.first.is_empty() {
            return;
        }
        for b in 0..Self::COUNT {
            self.first[b + 1] += self.first[b];
        }
        self.slot = vec![u8::MAX; Self::COUNT];
        for (lo, frac) in self.ranks() {
            for rank in [lo, if frac > 0.0 { lo + 1 } else { lo }] {
                let b = self.bin_of(rank);
                if self.slot[b] == u8::MAX {
                    self.slot[b] = self.values.len() as u8;
                    self.values
                        .push(Vec::with_capacity(self.first[b + 1] - self.first[b]));
                }
            }
        }
    }

    fn keep(&mut self, x: f64) {
        if !self.first.is_empty() {
            let b = self.bin(x);
            self.keep_in(x, b);
        }
    }

    fn keep_in(&mut self, x: f64, b: usize) {
        if let Some(v) = self.values.get_mut(self.slot[b] as usize) {
            v.push(x);
        }
    }

    fn percentiles(mut self) -> Percentiles {
        if self.first.is_empty() {
            let m = self.min;
            return Percentiles {
                p5: m,
                p25: m,
                p50: m,
                p75: m,
                p95: m,
            };
        }
        for v in &mut self.values {
            heap_sort(v);
        }
        let at = |rank: usize| {
            let b = self.bin_of(rank);
            self.values[self.slot[b] as usize][rank - self.first[b]]
        };
        let out = self.ranks().map(|(lo, frac)| {
            let x_lo = at(lo);
            let x_hi = if frac > 0.0 { at(lo + 1) } else { x_lo };
            x_lo + frac * (x_hi - x_lo)
        });
        Percentiles {
            p5: out[0],
            p25: out[1],
            p50: out[2],
            p75: out[3],
            p95: out[4],
        }
    }
}

/// Sorts numbers in place, in `f64::total_cmp` order, in O(n log n) time whatever the input;
/// a few lines where the standard library's sort weighs 5 KB of the wasm module. The bins
/// it sorts hold a few dozen values, rarely more.
fn heap_sort(v: &mut [f64]) {
    fn sift_down(v: &mut [f64], mut root: usize) {
        loop {
            let mut child = 2 * root + 1;
            if child >= v.len() {
                return;
            }
            if child + 1 < v.len() && v[child].total_cmp(&v[child + 1]).is_lt() {
                child += 1;
            }
            if v[root].total_cmp(&v[child]).is_ge() {
                return;
            }
            v.swap(root, child);
            root = child;
        }
    }
    for root in (0..v.len() / 2).rev() {
        sift_down(v, root);
    }
    for end in (1..v.len()).rev() {
        v.swap(0, end);
        sift_down(&mut v[..end], 0);
    }
}

/// Sorts a short list, keeping the order of items that `before` does not separate (a
/// stable sort); the lists sorted this way have a few dozen items at most.
fn insertion_sort<T>(items: &mut [T], before: impl Fn(&T, &T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && before(&items[j], &items[j - 1]) {
            items.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// A figure that a tornado or goal seek looks at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Output {
    /// Revenue summed over the window, USD.
    CumulativeRevenueUsd,
    /// The comparator's revenue over the window minus the scenario's, USD.
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
                name: short(id),
                allowed: Output::ALL.map(|(_, n)| n).join(", "),
            })
    }

    /// The id of this output.
    pub fn id(self) -> &'static str {
        Output::ALL
            .iter()
            .find(|(o, _)| *o == self)
            .map_or("", |(_, n)| n)
    }
}

/// At most 80 characters of a name, for a message.
pub(crate) fn short(name: &str) -> String {
    let mut s: String = name.chars().take(80).collect();
    if name.chars().nth(80).is_some() {
        s.push('…');
    }
    s
}

/// What a tornado or a goal seek measures: one output, for every host or one, over the
/// years from `from` (the whole horizon by default).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Measure {
    /// The output; cumulative revenue by default.
    pub output: Option<Output>,
    /// A host (index in [`crate::HOSTS`]), or every host.
    pub host: Option<usize>,
    /// First year counted; the base year by default.
    pub from: Option<i32>,
}

impl Measure {
    /// A measure from ids: `output` an id of [`Output::ALL`], `host` a host id or "all",
    /// `from` a year.
    pub fn parse(
        output: Option<&str>,
        host: Option<&str>,
        from: Option<i32>,
    ) -> Result<Measure, InputError> {
        let output = output.map(Output::from_id).transpose()?;
        let host = match host {
            None | Some("all") => None,
            Some(id) => Some(crate::registry::host_index(id).ok_or_else(|| {
                InputError::UnknownName {
                    field: "host",
                    name: short(id),
                    allowed: ["all"]
                        .into_iter()
                        .chain(HOSTS.iter().map(|h| h.id))
                        .collect::<Vec<_>>()
                        .join(", "),
                }
            })?),
        };
        if let Some(year) = from {
            check_number(
                "from",
                None,
                year as f64,
                (MIN_YEAR as f64, MAX_YEAR as f64),
                true,
            )?;
        }
        Ok(Measure { output, host, from })
    }

    /// The output measured.
    pub fn output(self) -> Output {
        self.output.unwrap_or(Output::CumulativeRevenueUsd)
    }

    /// The yearly revenue of the scenario and of the built-in comparator for this measure's
    /// hosts.
    fn series(self, p: &Projection) -> (&[f64], &[f64]) {
        match self.host {
            Some(h) => (&p.hosts[h].revenue_usd, &p.comparator.hosts[h].revenue_usd),
            None => (&p.revenue_usd, &p.comparator.revenue_usd),
        }
    }

    /// Index of the first year counted.
    fn first(self, p: &Projection) -> usize {
        let base = p.years.first().copied().unwrap_or(0);
        self.from
            .map_or(0, |y| (y - base).clamp(0, p.years.len() as i32) as usize)
    }

    /// Revenue summed over the window.
    pub fn revenue(self, p: &Projection) -> f64 {
        self.series(p).0[self.first(p)..].iter().sum()
    }

    /// The measure's value in a projection.
    pub fn of(self, p: &Projection) -> f64 {
        let (scenario, comparator) = self.series(p);
        let from = self.first(p);
        match self.output() {
            Output::CumulativeRevenueUsd => self.revenue(p),
            Output::CumulativeDeniedUsd => {
                let c: f64 = comparator[from..].iter().sum();
                let s: f64 = scenario[from..].iter().sum();
                (c - s).max(0.0)
            }
            Output::FinalYearRevenueUsd => scenario.last().copied().unwrap_or(0.0),
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
    /// The assumption's low value (in the final year, for one that changes by year).
    pub low: f64,
    /// The assumption's high value (in the final year, for one that changes by year).
    pub high: f64,
    /// The output with the assumption at its low in every year.
    pub output_at_low: f64,
    /// The output with the assumption at its high in every year.
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
    /// Host id, or "all".
    pub host: &'static str,
    /// First year counted.
    pub from: i32,
    /// The output with every assumption as set.
    pub base_value: f64,
    /// Bars, widest swing first.
    pub bars: Vec<TornadoBar>,
}

/// Sets each assumption to its low and then its high in every year (the ends of each year's
/// range), the others as in `s`, and ranks the assumptions by how far they move the measure.
pub fn sensitivity(s: &Scenario, measure: Measure) -> Sensitivity {
    let base = s.timeline();
    let mut at = base.clone();
    let mut value_with = |x: &Sampled, pick: fn(&Run) -> f64| {
        let row = at.row_mut(x.row);
        for r in &x.runs {
            row[r.from..r.to].fill(pick(r));
        }
        let v = measure.of(&evaluate_timeline(&at));
        at.row_mut(x.row).copy_from_slice(base.row(x.row));
        v
    };
    let bars: Vec<TornadoBar> = sampled(s)
        .iter()
        .map(|x| {
            let output_at_low = value_with(x, |r| r.low);
            let output_at_high = value_with(x, |r| r.high);
            let last = x.runs.last().copied();
            TornadoBar {
                id: x.param.id,
                label: x.param.label,
                low: last.map_or(0.0, |r| r.low),
                high: last.map_or(0.0, |r| r.high),
                output_at_low,
                output_at_high,
                swing: (output_at_high - output_at_low).abs(),
            }
        })
        .collect();
    // Widest first; equal swings keep registry order (the bars are built in that order).
    let mut bars = bars;
    insertion_sort(&mut bars, |a, b| a.swing > b.swing);
    let projection = evaluate_timeline(&base);
    Sensitivity {
        output: measure.output().id(),
        host: measure.host.map_or("all", |h| HOSTS[h].id),
        from: projection.years[measure.first(&projection)],
        base_value: measure.of(&projection),
        bars,
    }
}

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
    fn percentiles_match_type_7() {
        let v: Vec<f64> = (1..=11).rev().map(f64::from).collect();
        let q = percentiles(&v);
        assert_eq!(
            (q.p5, q.p25, q.p50, q.p75, q.p95),
            (1.5, 3.5, 6.0, 8.5, 10.5)
        );
        assert_eq!(percentiles(&[7.0]).p95, 7.0);
        assert_eq!(percentiles(&[2.0, 1.0]).p50, 1.5);
    }

    /// The binned order statistics equal those of a full sort, to the bit, whatever the
    /// shape of the data: skewed, with ties, with one far outlier, tiny or large.
    #[test]
    fn heap_sort_orders_as_total_cmp() {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(3);
        for n in [0, 1, 2, 3, 10, 257, 1000] {
            let mut v: Vec<f64> = (0..n)
                .map(|i| match rng.next_u64() % 4 {
                    0 => (i % 7) as f64, // repeats
                    1 => -0.0,
                    2 => 0.0,
                    _ => f64::from_bits(rng.next_u64()), // any number, NaNs too
                })
                .collect();
            let mut expected = v.clone();
            expected.sort_unstable_by(f64::total_cmp);
            heap_sort(&mut v);
            let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&v), bits(&expected), "{n} values");
        }
    }

    #[test]
    fn percentiles_equal_those_of_sorting() {
        let sorted = |data: &[f64]| {
            let mut v = data.to_vec();
            v.sort_unstable_by(f64::total_cmp);
            let n = v.len();
            PERCENTILES.map(|p| {
                let h = (n - 1) as f64 * p / 100.0;
                let lo = h as usize;
                let frac = h - lo as f64;
                let hi = if frac > 0.0 { v[lo + 1] } else { v[lo] };
                v[lo] + frac * (hi - v[lo])
            })
        };
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(9);
        let mut u = || (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        for case in 0..200 {
            let n = [1, 2, 3, 7, 100, 1_000, 10_007][case % 7];
            let data: Vec<f64> = (0..n)
                .map(|i| match case % 5 {
                    0 => u() * 1e9,
                    1 => (u() * 10.0).floor(),
                    2 => {
                        if i == 0 {
                            1e12
                        } else {
                            u()
                        }
                    }
                    3 => u() * u() * u() * 5e8 - 1e3,
                    _ => 42.0,
                })
                .collect();
            let q = percentiles(&data);
            assert_eq!(
                [q.p5, q.p25, q.p50, q.p75, q.p95],
                sorted(&data),
                "case {case}"
            );
        }
    }

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
        assert!(Measure::parse(None, None, Some(1800)).is_err());
        let e = Measure::parse(Some("revenue"), None, None).unwrap_err();
        assert!(
            e.to_string().contains("\"output\" = \"revenue\"")
                && e.to_string().contains("cumulativeDeniedUsd")
        );
        let e = Goal::parse(&["baseWorkers.china"], 0.5, None, None, None).unwrap_err();
        assert!(e.to_string().contains("\"lever\" = \"baseWorkers.china\""));
        assert!(Goal::parse(&["visaClarification"], 1.2, None, None, None).is_err());
        let e = Goal::parse(&["visaClarification"], 0.5, Some("mars"), None, None).unwrap_err();
        assert!(e.to_string().contains("allowed all, china, russia, other"));
        let e = Goal::parse(&["visaClarification"], 0.5, None, None, Some("x")).unwrap_err();
        assert!(e.to_string().contains("\"comparator\" = \"x\""));
    }

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
