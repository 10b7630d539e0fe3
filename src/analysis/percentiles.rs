//! Percentiles of the Monte Carlo draws: exact order statistics (Hyndman and Fan's type 7,
//! the default of R and NumPy) found without sorting every value.

use alloc::vec;
use alloc::vec::Vec;

use serde::Serialize;

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
    pub(crate) fn of(years: &[Percentiles]) -> Bands {
        Bands {
            p5: years.iter().map(|q| q.p5).collect(),
            p25: years.iter().map(|q| q.p25).collect(),
            p50: years.iter().map(|q| q.p50).collect(),
            p75: years.iter().map(|q| q.p75).collect(),
            p95: years.iter().map(|q| q.p95).collect(),
        }
    }
}

/// Percentiles of `data` by linear interpolation between order statistics (Hyndman and
/// Fan's type 7, the default of R and NumPy). `data` must not be empty: every caller has at
/// least one draw.
///
/// The order statistics are exact, found without sorting: one pass counts the values in
/// 1,025 bins of equal width between the smallest and the largest, and a second collects only
/// the bins that hold the ranks wanted, which are then sorted.
pub(crate) fn percentiles(data: &[f64]) -> Percentiles {
    let bounds = data
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &x| {
            (lo.min(x), hi.max(x))
        });
    let mut bins = Bins::new(bounds, data.len());
    data.iter().for_each(|&x| bins.count(x));
    bins.choose();
    data.iter().for_each(|&x| bins.keep(x));
    bins.percentiles()
}

/// The binned order statistics of one quantity over `n` draws: counts by bin, then the
/// values of the bins that hold the ranks the percentiles read.
pub(crate) struct Bins {
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

// `first` has COUNT + 1 counts and `slot` COUNT entries; every bin index is below COUNT
// (`bin` clamps it) and every rank below `n`, the number of values counted.
#[allow(clippy::indexing_slicing)]
impl Bins {
    const COUNT: usize = 1025;

    pub(crate) fn new((min, max): (f64, f64), n: usize) -> Bins {
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
        let b = (((x - self.min) * self.scale + ROUND).to_bits() & 0x7ff) as usize;
        // Values lie within [min, max] by construction; a stray one goes to the last bin.
        b.min(Self::COUNT - 1)
    }

    pub(crate) fn count(&mut self, x: f64) {
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
    pub(crate) fn choose(&mut self) {
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

    pub(crate) fn keep(&mut self, x: f64) {
        if !self.first.is_empty() {
            let b = self.bin(x);
            if let Some(v) = self.values.get_mut(self.slot[b] as usize) {
                v.push(x);
            }
        }
    }

    pub(crate) fn percentiles(mut self) -> Percentiles {
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
#[allow(clippy::indexing_slicing)] // Every index is checked against the length first.
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

#[cfg(test)]
mod tests {
    use super::*;
    use rand_core::{RngCore, SeedableRng};
    use rand_xoshiro::Xoshiro256PlusPlus;

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
}
