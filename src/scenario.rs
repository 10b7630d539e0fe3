//! A scenario: a complete, validated value (a number or a schedule) for every parameter, as a
//! table indexed by the registry.
//!
//! A `Scenario` can only be built through [`Scenario::set`] and [`Scenario::from_pairs`],
//! which check every value against the registry, so [`crate::evaluate`] never fails and
//! never sees NaN, an out-of-range share or an impossible horizon. With serde it reads and
//! writes scenario files: an object of parameter ids to numbers or `[year, value]` lists.
//!
//! The model does not read schedules directly: [`Scenario::timeline`] resolves every value
//! once into one row of yearly values per parameter.

use alloc::string::{String, ToString};
use alloc::vec;
use alloc::vec::Vec;
use core::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::InputError;
use crate::presets::{MODEL1_PRESETS, PRESETS, Preset};
use crate::registry::{
    Kind, MAX_HORIZON_YEARS, PARAMETER_COUNT, PARAMETERS, Parameter, Quantity, index_of, parameter,
    row,
};
use crate::schedule::{Value, ValueFor};

/// The value of every parameter, in registry order.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    values: Vec<Value>,
}

impl Default for Scenario {
    /// Every parameter at its default: no enforcement, central assumptions, and the record's
    /// paths where a parameter has one (North Korea's border, Russia's demand from 2024).
    fn default() -> Self {
        Scenario {
            values: PARAMETERS.iter().map(default_value).collect(),
        }
    }
}

/// A parameter's default as a value: its record path, or its constant.
fn default_value(p: &Parameter) -> Value {
    if p.path.is_empty() {
        Value::Constant(p.default)
    } else {
        Value::path(p)
    }
}

// Indexing here is by registry row: a Scenario holds one value per row of PARAMETERS (it is
// only built from the registry), a Timeline one row of `n` years per parameter, and every row
// index comes from the registry's own index (`index_of`, `row`).
#[allow(clippy::indexing_slicing)]
impl Scenario {
    /// Model 1's meaning: every parameter at its constant default, the border open and every
    /// demand at 1 in every year. With constant levers this gives model 1's numbers.
    pub fn model1() -> Self {
        Scenario {
            values: PARAMETERS
                .iter()
                .map(|p| Value::Constant(p.default))
                .collect(),
        }
    }

    /// Builds a scenario from `(id, value)` pairs over the defaults; values are numbers or
    /// [`Value`]s. The pairs are checked one by one, then `endYear` against `baseYear`.
    pub fn from_pairs<'a, I, V>(pairs: I) -> Result<Self, InputError>
    where
        I: IntoIterator<Item = (&'a str, V)>,
        V: Into<Value>,
    {
        Scenario::default().with_pairs(pairs)
    }

    /// The same scenario with `(id, value)` pairs applied, checked as in
    /// [`Scenario::from_pairs`].
    pub fn with_pairs<'a, I, V>(mut self, pairs: I) -> Result<Self, InputError>
    where
        I: IntoIterator<Item = (&'a str, V)>,
        V: Into<Value>,
    {
        for (id, value) in pairs {
            self.set_unchecked_horizon(id, value.into())?;
        }
        self.check_horizon()?;
        Ok(self)
    }

    /// A named scenario: the defaults with the preset's values.
    pub fn preset(id: &str) -> Result<Self, InputError> {
        Ok(Scenario::default().with_preset(find_preset(PRESETS, id)?))
    }

    /// A scenario in model 1's meaning (version 1.x): [`Scenario::model1`] with the levers
    /// of one of model 1's presets, constant from the base year.
    pub fn model1_preset(id: &str) -> Result<Self, InputError> {
        Ok(Scenario::model1().with_preset(find_preset(MODEL1_PRESETS, id)?))
    }

    /// The same scenario with a preset's values in place (every other value kept).
    pub fn with_preset(mut self, preset: &Preset) -> Self {
        for (id, value) in preset.resolved() {
            // Preset values are checked by the presets' tests; the ids exist.
            if let Some(k) = index_of(id) {
                self.values[k] = value;
            }
        }
        self
    }

    /// Sets one parameter, checking the value and the horizon.
    pub fn set(&mut self, id: &str, value: impl Into<Value>) -> Result<(), InputError> {
        let k = index_of(id).ok_or_else(|| InputError::UnknownParameter { id: id.to_string() })?;
        let before = self.values[k].clone();
        self.set_unchecked_horizon(id, value.into())?;
        self.check_horizon()
            .inspect_err(|_| self.values[k] = before)
    }

    /// Builder form of [`Scenario::set`].
    pub fn with(mut self, id: &str, value: impl Into<Value>) -> Result<Self, InputError> {
        self.set(id, value)?;
        Ok(self)
    }

    /// The value of a parameter.
    pub fn get(&self, id: &str) -> Option<&Value> {
        index_of(id).map(|k| &self.values[k])
    }

    /// The value of a parameter in one year.
    pub fn value_at(&self, id: &str, year: i32) -> Option<f64> {
        let k = index_of(id)?;
        Some(self.values[k].at(year, |y| PARAMETERS[k].default_at(y)))
    }

    /// The same assumptions and settings with every lever at 0 in every year: the comparator.
    pub fn without_levers(&self) -> Self {
        let mut s = self.clone();
        for (p, v) in PARAMETERS.iter().zip(&mut s.values) {
            if p.kind == Kind::Lever {
                *v = Value::Constant(0.0);
            }
        }
        s
    }

    /// Whether every value is one number over the horizon: the form of model 1.
    pub fn is_constant(&self) -> bool {
        self.values.iter().all(|v| matches!(v, Value::Constant(_)))
    }

    /// First and last projection year.
    pub fn years(&self) -> (i32, i32) {
        (
            self.setting(Quantity::BaseYear) as i32,
            self.setting(Quantity::EndYear) as i32,
        )
    }

    /// Number of projected years, `endYear - baseYear + 1`.
    pub fn year_count(&self) -> usize {
        let (first, last) = self.years();
        (last - first) as usize + 1
    }

    /// The value of a parameter by its row.
    pub(crate) fn value(&self, k: usize) -> &Value {
        &self.values[k]
    }

    /// Sets a value known to be valid for its row (the analyses move values inside a
    /// parameter's accepted range).
    pub(crate) fn put(&mut self, k: usize, value: Value) {
        self.values[k] = value;
    }

    /// A setting's number (settings other than `borderOpen` take one number).
    fn setting(&self, q: Quantity) -> f64 {
        match &self.values[row(q, 0)] {
            Value::Constant(x) => *x,
            Value::Schedule(_) => PARAMETERS[row(q, 0)].default,
        }
    }

    fn set_unchecked_horizon(&mut self, id: &str, value: Value) -> Result<(), InputError> {
        let k = index_of(id).ok_or_else(|| InputError::UnknownParameter { id: id.to_string() })?;
        let p = &PARAMETERS[k];
        match value.check(p) {
            // The end year's true range depends on the base year: `check_horizon` reports it.
            Err(InputError::OutOfRange { .. }) if p.quantity == Quantity::EndYear => {}
            result => result?,
        }
        self.values[k] = value;
        Ok(())
    }

    /// The check that takes two values together: the horizon.
    fn check_horizon(&self) -> Result<(), InputError> {
        let (base_year, end_year) = (
            self.setting(Quantity::BaseYear),
            self.setting(Quantity::EndYear),
        );
        if !(0.0..=MAX_HORIZON_YEARS).contains(&(end_year - base_year)) {
            return Err(InputError::Horizon {
                base_year,
                end_year,
            });
        }
        Ok(())
    }

    /// Every value resolved year by year over the horizon.
    pub fn timeline(&self) -> Timeline {
        let (first, _) = self.years();
        let n = self.year_count();
        let mut rows = vec![0.0; PARAMETER_COUNT * n];
        for (k, (p, value)) in PARAMETERS.iter().zip(&self.values).enumerate() {
            let out = &mut rows[k * n..(k + 1) * n];
            match value {
                Value::Constant(x) => out.fill(*x),
                Value::Schedule(steps) => {
                    // The last step at or before a year holds; before the schedule's first
                    // step, the record path's does (and before the path's, the default).
                    // Each step fills its run of years, up to the next step's year.
                    let at = |year: i32| (year - first).clamp(0, n as i32) as usize;
                    let given = steps.first().map_or(n, |&(year, _)| at(year));
                    let path = p.path.iter().map(|s| (s.year, s.value));
                    let runs = [(first, p.default)].into_iter().chain(path);
                    fill_runs(&mut out[..given], runs, at);
                    fill_runs(out, steps.iter().copied(), at);
                }
            }
        }
        Timeline {
            first_year: first,
            n,
            rows,
        }
    }

    /// The runs of years over which parameter `k` keeps one value and one plausible range:
    /// what the uncertainty analysis draws, one quantile per parameter for every run.
    pub(crate) fn runs(&self, k: usize) -> Vec<Run> {
        let p = &PARAMETERS[k];
        let value = &self.values[k];
        let (first, _) = self.years();
        let mut runs: Vec<Run> = Vec::new();
        for i in 0..self.year_count() {
            let year = first + i as i32;
            let x = value.at(year, |y| p.default_at(y));
            let (lo, hi) = match range_at(p, value, year) {
                Some((lo, hi)) => (lo.min(x), hi.max(x)),
                None => (x, x),
            };
            match runs.last_mut() {
                Some(r) if r.mode == x && r.low == lo && r.high == hi => r.to = i + 1,
                _ => runs.push(Run {
                    from: i,
                    to: i + 1,
                    low: lo,
                    mode: x,
                    high: hi,
                }),
            }
        }
        runs
    }
}

/// The plausible range around parameter `p`'s value in `year`: a step of its record path
/// keeps that step's range; any other value takes the registry's range.
fn range_at(p: &Parameter, value: &Value, year: i32) -> Option<(f64, f64)> {
    let registry = p.low.zip(p.high);
    let path_range = |s: &crate::registry::Step| s.low.zip(s.high);
    match value {
        Value::Constant(_) => registry,
        Value::Schedule(_) => match value.step_at(year) {
            Some((y, v)) => p
                .path
                .iter()
                .find(|s| s.year == y && s.value == v)
                .map_or(registry, path_range),
            None => p.path_step_at(year).map_or(registry, path_range),
        },
    }
}

/// A run of years with one value and one plausible range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Run {
    /// First year index of the run.
    pub from: usize,
    /// One past its last year index.
    pub to: usize,
    /// Low end of the range.
    pub low: f64,
    /// The value.
    pub mode: f64,
    /// High end of the range.
    pub high: f64,
}

fn find_preset(table: &'static [Preset], id: &str) -> Result<&'static Preset, InputError> {
    table
        .iter()
        .find(|p| p.id == id)
        .ok_or_else(|| InputError::UnknownName {
            field: "preset",
            name: id.to_string(),
            allowed: table.iter().map(|p| p.id).collect::<Vec<_>>().join(", "),
        })
}

/// Every value of a scenario resolved for each year of its horizon: one row of yearly values
/// per parameter, in registry order.
#[derive(Clone, Debug, PartialEq)]
pub struct Timeline {
    pub(crate) first_year: i32,
    pub(crate) n: usize,
    pub(crate) rows: Vec<f64>,
}

/// Writes each of `steps` (year, value), in order of year, into `out` from its year's index
/// (`at`) to the next step's, and the last to the end of `out`.
fn fill_runs(out: &mut [f64], steps: impl Iterator<Item = (i32, f64)>, at: impl Fn(i32) -> usize) {
    let len = out.len();
    let mut steps = steps.peekable();
    while let Some((year, value)) = steps.next() {
        let from = at(year).min(out.len());
        let to = steps
            .peek()
            .map_or(out.len(), |&(next, _)| at(next).min(out.len()));
        if let Some(run) = out.get_mut(from.min(len)..to.max(from).min(len)) {
            run.fill(value);
        }
    }
}

// Indexing here is by registry row: a Scenario holds one value per row of PARAMETERS (it is
// only built from the registry), a Timeline one row of `n` years per parameter, and every row
// index comes from the registry's own index (`index_of`, `row`).
#[allow(clippy::indexing_slicing)]
impl Timeline {
    /// The yearly values of one row.
    #[inline]
    pub(crate) fn row(&self, k: usize) -> &[f64] {
        &self.rows[k * self.n..(k + 1) * self.n]
    }

    /// The yearly values of one row, to change.
    #[inline]
    pub(crate) fn row_mut(&mut self, k: usize) -> &mut [f64] {
        &mut self.rows[k * self.n..(k + 1) * self.n]
    }

    /// The yearly values of a quantity for host `h`.
    #[inline]
    pub(crate) fn of(&self, q: Quantity, h: usize) -> &[f64] {
        self.row(row(q, h))
    }

    /// A quantity that does not change by year (its first-year value).
    #[inline]
    pub(crate) fn fixed(&self, q: Quantity, h: usize) -> f64 {
        self.rows[row(q, h) * self.n]
    }

    /// Number of years (at least one).
    #[allow(clippy::len_without_is_empty)] // A horizon is never empty.
    pub fn len(&self) -> usize {
        self.n
    }

    /// The calendar years.
    pub fn years(&self) -> impl Iterator<Item = i32> + '_ {
        (0..self.n as i32).map(|i| self.first_year + i)
    }
}

/// A scenario file: an object of parameter ids to numbers or `[year, value]` lists, every
/// parameter in registry order (`{"permitBan.china": [[2017, 0], [2018, 1]], ...}`). Reading
/// one checks it as [`Scenario::from_pairs`] does: omitted ids take their defaults, and a bad
/// entry is an error naming the id, the year and the allowed range.
impl Serialize for Scenario {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(PARAMETER_COUNT))?;
        for (p, v) in PARAMETERS.iter().zip(&self.values) {
            map.serialize_entry(p.id, v)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Scenario {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ScenarioVisitor)
    }
}

struct ScenarioVisitor;

impl<'de> Visitor<'de> for ScenarioVisitor {
    type Value = Scenario;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a scenario: an object of parameter ids to numbers or [year, value] lists")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Scenario, A::Error> {
        let mut pairs: Vec<(&'static str, Value)> = Vec::new();
        while let Some(id) = map.next_key::<String>()? {
            let p = parameter(&id).ok_or_else(|| {
                de::Error::custom(InputError::UnknownParameter {
                    id: id.chars().take(80).collect(),
                })
            })?;
            let value = map.next_value_seed(ValueFor(p))?;
            pairs.push((p.id, value));
        }
        Scenario::from_pairs(pairs).map_err(de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &Scenario, id: &str, year: i32) -> f64 {
        s.value_at(id, year).unwrap()
    }

    #[test]
    fn defaults_follow_the_registry() {
        let s = Scenario::default();
        for p in PARAMETERS {
            for year in [2017, 2021, 2023, 2030] {
                assert_eq!(at(&s, p.id, year), p.default_at(year), "{}", p.id);
            }
        }
        assert_eq!(s.years(), (2017, 2030));
        assert_eq!(s.year_count(), 14);
        assert_eq!(at(&s, "borderOpen", 2021), 0.0);
        assert!(!s.is_constant() && Scenario::model1().is_constant());
    }

    #[test]
    fn rejects_bad_values_naming_the_field() {
        let e = Scenario::from_pairs([("repatriation.russia", 1.5)]).unwrap_err();
        assert!(
            matches!(e, InputError::OutOfRange { ref id, value, .. } if id == "repatriation.russia" && value == 1.5)
        );
        let e = Scenario::from_pairs([("permitBan.mars", 0.5)]).unwrap_err();
        assert_eq!(
            e,
            InputError::UnknownParameter {
                id: "permitBan.mars".into()
            }
        );
        let e = Scenario::from_pairs([("wage.china", f64::INFINITY)]).unwrap_err();
        assert!(matches!(e, InputError::NotFinite { .. }));
        let e = Scenario::from_pairs([("baseYear", 2017.5)]).unwrap_err();
        assert!(matches!(e, InputError::NotWhole { .. }));
        let e = Scenario::from_pairs([("endYear", 2016.0)]).unwrap_err();
        assert_eq!(
            e,
            InputError::Horizon {
                base_year: 2017.0,
                end_year: 2016.0
            }
        );
        assert!(Scenario::from_pairs([("endYear", 2057.0)]).is_ok());
        for end in [2058.0, 2010.0, 1e300] {
            let e = Scenario::from_pairs([("endYear", end)]).unwrap_err();
            assert!(matches!(e, InputError::Horizon { .. }), "{end}");
        }
        let e = Scenario::from_pairs([("endYear", 2099.5)]).unwrap_err();
        assert!(matches!(e, InputError::NotWhole { .. }));
    }

    #[test]
    fn anchoring_scales_from_a_dollar_of_wages_or_not_at_all() {
        // 5e-324 of the wage kept by the state: a scale of about 10^321, which is no number.
        // Under a dollar a year of wages there is nothing to scale: nothing is earned.
        for pairs in [
            vec![("stateTakeShare", 5e-324)],
            vec![
                ("wage.china", 1e-300),
                ("wage.russia", 0.0),
                ("wage.other", 0.0),
            ],
            vec![
                ("wage.china", 0.0),
                ("wage.russia", 0.0),
                ("wage.other", 0.0),
            ],
        ] {
            let p = crate::evaluate(&Scenario::from_pairs(pairs).unwrap());
            assert_eq!(p.calibration.scale, 0.0);
            assert!(p.revenue_usd.iter().all(|&x| x == 0.0));
        }
        // A dollar is enough: the estimate is met.
        let one = [
            ("baseWorkers.china", 1.0),
            ("baseWorkers.russia", 0.0),
            ("baseWorkers.other", 0.0),
            ("wage.china", 1.0),
            ("monthsWorked", 1.0),
            ("stateTakeShare", 1.0),
        ];
        let p = crate::evaluate(&Scenario::from_pairs(one).unwrap());
        assert_eq!(p.calibration.scale, 500e6);
        assert_eq!(p.revenue_usd[0], 500e6);
    }

    #[test]
    fn schedules_are_values_too() {
        let steps = Value::schedule(
            parameter("repatriation.russia").unwrap(),
            &[(2018.0, 0.3), (2020.0, 0.0)],
        )
        .unwrap();
        let s = Scenario::from_pairs([("repatriation.russia", steps.clone())]).unwrap();
        assert_eq!(s.get("repatriation.russia"), Some(&steps));
        assert_eq!(
            at(&s, "repatriation.russia", 2017),
            0.0,
            "the default before the first step"
        );
        assert_eq!(at(&s, "repatriation.russia", 2019), 0.3);
        let t = s.timeline();
        assert_eq!(t.of(Quantity::Repatriation, 1)[..4], [0.0, 0.3, 0.3, 0.0]);
        // A setting takes one number.
        let year = Value::Schedule(vec![(2018, 2018.0)]);
        assert!(Scenario::from_pairs([("baseYear", year)]).is_err());
    }

    #[test]
    fn horizon_is_checked_after_all_pairs() {
        // Moving both years at once is valid in either order.
        let s = Scenario::from_pairs([("endYear", 2060.0), ("baseYear", 2025.0)]).unwrap();
        assert_eq!(s.years(), (2025, 2060));
    }

    #[test]
    fn failed_set_leaves_the_scenario_unchanged() {
        let mut s = Scenario::default();
        assert!(s.set("endYear", 2070.0).is_err());
        assert_eq!(s, Scenario::default());
    }

    #[test]
    fn the_comparator_keeps_every_assumption_and_setting() {
        let s = Scenario::preset("record").unwrap();
        let c = s.without_levers();
        for p in PARAMETERS {
            let want = if p.kind == Kind::Lever {
                &Value::Constant(0.0)
            } else {
                s.get(p.id).unwrap()
            };
            assert_eq!(c.get(p.id).unwrap(), want, "{}", p.id);
        }
        assert!(matches!(
            Scenario::preset("x"),
            Err(InputError::UnknownName {
                field: "preset",
                ..
            })
        ));
    }

    #[test]
    fn runs_carry_the_record_ranges_and_the_registry_range_elsewhere() {
        let s = Scenario::default();
        let k = index_of("loopholeShare.russia").unwrap();
        let runs = s.runs(k);
        assert_eq!(runs.len(), 4);
        assert_eq!((runs[0].from, runs[0].to, runs[0].high), (0, 2, 0.05));
        assert_eq!(
            (runs[1].mode, runs[1].low, runs[1].high),
            (0.094, 0.047, 0.21)
        );
        assert_eq!((runs[3].from, runs[3].to), (8, 14));
        // A reader's value takes the registry's range.
        let s = s.with("loopholeShare.russia", 0.5).unwrap();
        assert_eq!(
            s.runs(k),
            [Run {
                from: 0,
                to: 14,
                low: 0.15,
                mode: 0.5,
                high: 0.7
            }]
        );
        // Demand has a range only where the record gives one.
        let k = index_of("demand.russia").unwrap();
        let runs = Scenario::default().runs(k);
        assert_eq!((runs[0].low, runs[0].high), (1.0, 1.0));
        assert_eq!((runs[1].from, runs[1].low, runs[1].high), (7, 0.667, 1.667));
    }
}
