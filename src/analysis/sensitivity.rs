//! The tornado: how far each assumption alone, at the ends of its plausible range, moves
//! one output.

use alloc::vec::Vec;

use serde::Serialize;

use super::measure::Measure;
use super::sampler::{Sampled, sampled};
use crate::error::InputError;
use crate::model::evaluate_timeline;
use crate::registry::{HOSTS, Quantity, row};
use crate::scenario::{Run, Scenario, Timeline};

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
    /// Whether the effect runs the other way than it would from the wages as reported: with
    /// revenue anchored to the published estimate, raising an assumption that raises
    /// bottom-up revenue lowers revenue per worker everywhere (say, more workers in one host
    /// leave each worker elsewhere earning less).
    pub against_calibration: bool,
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
pub fn sensitivity(s: &Scenario, measure: Measure) -> Result<Sensitivity, InputError> {
    measure.check(s)?;
    let base = s.timeline();
    let anchored = base.fixed(Quantity::AnchorToEstimate, 0) != 0.0;
    let value_with = |t: &mut Timeline, x: &Sampled, pick: fn(&Run) -> f64| {
        let saved = t.row(x.row).to_vec();
        let row = t.row_mut(x.row);
        for r in &x.runs {
            if let Some(years) = row.get_mut(r.from..r.to) {
                years.fill(pick(r));
            }
        }
        let v = measure.of(&evaluate_timeline(t));
        t.row_mut(x.row).copy_from_slice(&saved);
        v
    };
    let mut at = base.clone();
    // The same scenario from the wages as reported, to tell which effects the anchor turns.
    let mut raw = base.clone();
    raw.row_mut(row(Quantity::AnchorToEstimate, 0)).fill(0.0);
    let bars: Vec<TornadoBar> = sampled(s)
        .iter()
        .map(|x| {
            let output_at_low = value_with(&mut at, x, |r| r.low);
            let output_at_high = value_with(&mut at, x, |r| r.high);
            let against_calibration = anchored && {
                let raw_swing =
                    value_with(&mut raw, x, |r| r.high) - value_with(&mut raw, x, |r| r.low);
                let swing = output_at_high - output_at_low;
                swing * raw_swing < 0.0
            };
            let last = x.runs.last().copied();
            TornadoBar {
                id: x.param.id,
                label: x.param.label,
                low: last.map_or(0.0, |r| r.low),
                high: last.map_or(0.0, |r| r.high),
                output_at_low,
                output_at_high,
                swing: (output_at_high - output_at_low).abs(),
                against_calibration,
            }
        })
        .collect();
    // Widest first; equal swings keep registry order (the bars are built in that order).
    let mut bars = bars;
    insertion_sort(&mut bars, |a, b| a.swing > b.swing);
    let projection = evaluate_timeline(&base);
    Ok(Sensitivity {
        output: measure.output().id(),
        host: measure
            .host
            .and_then(|h| HOSTS.get(h))
            .map_or("all", |h| h.id),
        from: projection
            .years
            .get(measure.first(&projection))
            .copied()
            .unwrap_or_default(),
        base_value: measure.of(&projection),
        bars,
    })
}

/// Sorts a short list, keeping the order of items that `before` does not separate (a
/// stable sort); the lists sorted this way have a few dozen items at most.
fn insertion_sort<T>(items: &mut [T], before: impl Fn(&T, &T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0
            && matches!((items.get(j), items.get(j - 1)), (Some(a), Some(b)) if before(a, b))
        {
            items.swap(j, j - 1);
            j -= 1;
        }
    }
}
