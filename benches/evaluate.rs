//! Native speed of the model. Run with `cargo bench --bench evaluate`; divan prints the
//! fastest, slowest, median and mean time of each case. (On wasm32 this is an empty program:
//! the browser figures come from `node tests/bench/page.mjs`.)

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use divan::{Bencher, black_box};
    use dprk_labor::{Scenario, evaluate, goal_seek, sensitivity, uncertainty};

    /// The default scenario: 2017 to 2030, scenario and comparator.
    #[divan::bench]
    fn evaluate_default(b: Bencher) {
        let s = Scenario::preset("statusQuo").unwrap();
        b.bench(|| evaluate(black_box(&s)));
    }

    /// The longest horizon the model accepts: 41 years.
    #[divan::bench]
    fn evaluate_40_years(b: Bencher) {
        let s = Scenario::preset("statusQuo")
            .unwrap()
            .with("endYear", 2057.0)
            .unwrap();
        b.bench(|| evaluate(black_box(&s)));
    }

    /// Parsing and validating a scenario from id-value pairs, as the JavaScript API does.
    #[divan::bench]
    fn scenario_from_pairs(b: Bencher) {
        let pairs = [
            ("repatriation.russia", 0.5),
            ("visaClarification", 1.0),
            ("endYear", 2040.0),
        ];
        b.bench(|| Scenario::from_pairs(black_box(pairs)));
    }

    /// 10,000 Monte Carlo draws over the default horizon (target: under 20 ms).
    #[divan::bench(sample_count = 20)]
    fn uncertainty_10k_draws(b: Bencher) {
        let s = Scenario::preset("statusQuo").unwrap();
        b.bench(|| uncertainty(black_box(&s), 10_000.0, 1.0));
    }

    /// A tornado of cumulative revenue: 40 evaluations.
    #[divan::bench]
    fn sensitivity_tornado(b: Bencher) {
        let s = Scenario::preset("statusQuo").unwrap();
        b.bench(|| sensitivity(black_box(&s), "cumulativeRevenueUsd"));
    }

    /// Goal seek for half the revenue with the visa clarification.
    #[divan::bench]
    fn goal_seek_half(b: Bencher) {
        let s = Scenario::preset("statusQuo").unwrap();
        b.bench(|| goal_seek(black_box(&s), "designationsPerYear", 0.4));
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    divan::main();
}
