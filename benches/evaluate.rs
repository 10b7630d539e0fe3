//! Native speed of the model. Run with `cargo bench --bench evaluate`; divan prints the
//! fastest, slowest, median and mean time of each case. (On wasm32 this is an empty program:
//! the browser and Node figures come from `node tests/bench/page.mjs` and
//! `node tests/bench/boundary.mjs`.)

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use divan::{Bencher, black_box};
    use dprk_labor::analysis::Target;
    use dprk_labor::{Goal, Measure, Scenario, evaluate, goal_seek, sensitivity, uncertainty};

    fn record() -> Scenario {
        Scenario::preset("record").unwrap()
    }

    /// The page's default: the record, 2017 to 2030, scenario and comparator.
    #[divan::bench]
    fn evaluate_record(b: Bencher) {
        let s = record();
        b.bench(|| evaluate(black_box(&s)));
    }

    /// Model 1's case: every value constant, the border open.
    #[divan::bench]
    fn evaluate_model1(b: Bencher) {
        let s = Scenario::model1_preset("statusQuo").unwrap();
        b.bench(|| evaluate(black_box(&s)));
    }

    /// The longest horizon the model accepts: 41 years.
    #[divan::bench]
    fn evaluate_record_40_years(b: Bencher) {
        let s = record().with("endYear", 2057.0).unwrap();
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

    /// 10,000 Monte Carlo draws over the default horizon under the record, on one thread as
    /// in wasm.
    #[divan::bench(sample_count = 50)]
    fn uncertainty_10k_draws(b: Bencher) {
        let s = record();
        b.bench(|| uncertainty(black_box(&s), 10_000, 1));
    }

    /// A tornado of cumulative revenue: two evaluations per uncertain assumption.
    #[divan::bench]
    fn sensitivity_tornado(b: Bencher) {
        let s = record();
        b.bench(|| sensitivity(black_box(&s), Measure::default()).unwrap());
    }

    /// Goal seek: cut all revenue by 10% from 2027 with the visa clarification.
    #[divan::bench]
    fn goal_seek_tenth(b: Bencher) {
        let s = record();
        let goal = Goal::parse(
            &["visaClarification"],
            Target::Share(0.1),
            None,
            Some(2027),
            Some("record"),
        )
        .unwrap();
        b.bench(|| goal_seek(black_box(&s), &goal).unwrap());
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    divan::main();
}
