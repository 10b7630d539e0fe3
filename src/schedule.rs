//! Values that may change by year: a number, or a schedule of `[year, value]` steps.
//!
//! A step's value holds from its year until the next step. Before the first step the
//! parameter's default holds (its record path where it has one). Steps before `baseYear` set
//! the value at `baseYear` (the last such step wins); steps after `endYear` have no effect.
//! Years outside [`MIN_YEAR`]..=[`MAX_YEAR`], unsorted or repeated years, more than
//! [`MAX_STEPS`] steps and any value outside the parameter's accepted range are errors that
//! name the id and the year.
//!
//! In serde (scenario files) a value is a number or an array of `[year, value]` pairs; in
//! text (links and embeds, parsed by the page) it is `2018:0.3,2020:0`.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt;

use serde::de::{self, DeserializeSeed, SeqAccess, Visitor};
use serde::ser::SerializeSeq;
use serde::{Deserializer, Serialize, Serializer};

use crate::error::{InputError, Num, ScheduleProblem};
use crate::registry::Parameter;

pub use crate::limits::{MAX_STEPS, MAX_YEAR, MIN_YEAR};

/// The value of one parameter: the same every year, or a schedule of steps.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// The same value every year.
    Constant(f64),
    /// `(year, value)` steps with strictly increasing years; checked on construction.
    Schedule(Vec<(i32, f64)>),
}

impl From<f64> for Value {
    fn from(x: f64) -> Self {
        Value::Constant(x)
    }
}

impl Value {
    /// A schedule from raw `(year, value)` pairs as a caller gives them (years as numbers),
    /// checked against the schedule rules and the parameter's range.
    pub fn schedule(p: &Parameter, steps: &[(f64, f64)]) -> Result<Value, InputError> {
        let problem = |year: Option<f64>, problem| InputError::Schedule {
            id: p.id.to_string(),
            year,
            problem,
        };
        if !p.scheduled {
            return Err(problem(
                steps.first().map(|s| s.0),
                ScheduleProblem::NotScheduled,
            ));
        }
        if steps.is_empty() {
            return Err(problem(None, ScheduleProblem::Empty));
        }
        if steps.len() > MAX_STEPS {
            return Err(problem(
                steps.get(MAX_STEPS).map(|s| s.0),
                ScheduleProblem::TooManySteps(steps.len()),
            ));
        }
        let mut out: Vec<(i32, f64)> = Vec::with_capacity(steps.len());
        for &(year, value) in steps {
            if !year.is_finite() || year != libm::trunc(year) {
                return Err(problem(Some(year), ScheduleProblem::YearNotWhole));
            }
            if !(MIN_YEAR as f64..=MAX_YEAR as f64).contains(&year) {
                return Err(problem(Some(year), ScheduleProblem::YearOutOfRange));
            }
            let y = year as i32;
            if let Some(&(previous, _)) = out.last() {
                if y == previous {
                    return Err(problem(Some(year), ScheduleProblem::Repeated));
                }
                if y < previous {
                    return Err(problem(
                        Some(year),
                        ScheduleProblem::NotIncreasing { previous },
                    ));
                }
            }
            check_value(p, Some(y), value)?;
            out.push((y, value));
        }
        Ok(Value::Schedule(out))
    }

    /// Checks a value against its parameter: a constant against the range, a schedule
    /// against the schedule rules too.
    pub fn check(&self, p: &Parameter) -> Result<(), InputError> {
        match self {
            Value::Constant(x) => check_value(p, None, *x),
            Value::Schedule(steps) => {
                let raw: Vec<(f64, f64)> = steps.iter().map(|&(y, v)| (y as f64, v)).collect();
                Value::schedule(p, &raw).map(|_| ())
            }
        }
    }

    /// The value in `year`; `default_at` gives it before a schedule's first step.
    pub fn at(&self, year: i32, default_at: impl Fn(i32) -> f64) -> f64 {
        match self {
            Value::Constant(x) => *x,
            Value::Schedule(_) => self
                .step_at(year)
                .map_or_else(|| default_at(year), |(_, v)| v),
        }
    }

    /// The step of a schedule in force in `year`, if any.
    pub(crate) fn step_at(&self, year: i32) -> Option<(i32, f64)> {
        match self {
            Value::Constant(_) => None,
            Value::Schedule(steps) => steps.iter().rev().find(|(y, _)| *y <= year).copied(),
        }
    }

    /// The value that is this one in every year before `year` and `x` from `year` on: what a
    /// slider or a goal seek does when policies start in `year`, in a horizon that starts in
    /// `first`. Steps that repeat the value before them are dropped and steps at or before
    /// `first` merge into one, so that one step from `first` is a number again: moving a
    /// slider back to where it was gives back the value it had.
    pub fn from_year(&self, year: i32, x: f64, first: i32) -> Value {
        let mut steps: Vec<(i32, f64)> = match self {
            Value::Constant(c) if year <= first || *c == x => return Value::Constant(x),
            Value::Constant(c) => alloc::vec![(first, *c)],
            Value::Schedule(steps) => steps.iter().copied().filter(|&(y, _)| y < year).collect(),
        };
        steps.push((year, x));
        let mut kept: Vec<(i32, f64)> = Vec::with_capacity(steps.len());
        for (y, v) in steps {
            match kept.last_mut() {
                Some(last) if y <= first => *last = (y, v),
                Some(last) if last.1 == v => {}
                _ => kept.push((y, v)),
            }
        }
        // A full schedule keeps its length: the new step replaces the one before it.
        if kept.len() > MAX_STEPS {
            kept.remove(kept.len() - 2);
        }
        match kept.as_slice() {
            [(y, v)] if *y <= first => Value::Constant(*v),
            _ => Value::Schedule(kept),
        }
    }

    /// A record path as a schedule.
    pub fn path(p: &Parameter) -> Value {
        Value::Schedule(p.path.iter().map(|s| (s.year, s.value)).collect())
    }
}

/// Checks one number against its parameter's range; `year` names the step of a schedule.
pub fn check_value(p: &Parameter, year: Option<i32>, value: f64) -> Result<(), InputError> {
    check_number(p.id, year, value, (p.min, p.max), p.integer)
}

/// The one number checker: finite, whole where required, and in `min..=max`, with an error
/// that names the field (and the year of a schedule step).
pub fn check_number(
    id: &str,
    year: Option<i32>,
    value: f64,
    (min, max): (f64, f64),
    whole: bool,
) -> Result<(), InputError> {
    let id = || id.to_string();
    if !value.is_finite() {
        return Err(InputError::NotFinite {
            id: id(),
            year,
            value,
        });
    }
    if whole && value != libm::trunc(value) {
        return Err(InputError::NotWhole {
            id: id(),
            year,
            value,
        });
    }
    if !(min..=max).contains(&value) {
        return Err(InputError::OutOfRange {
            id: id(),
            year,
            value,
            min,
            max,
        });
    }
    Ok(())
}

/// A number, or an array of `[year, value]` pairs.
impl Serialize for Value {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Constant(x) => serializer.serialize_f64(*x),
            Value::Schedule(steps) => {
                let mut seq = serializer.serialize_seq(Some(steps.len()))?;
                for &(year, value) in steps {
                    seq.serialize_element(&(year, value))?;
                }
                seq.end()
            }
        }
    }
}

/// Reads one parameter's value from serde: a number or an array of `[year, value]` pairs,
/// checked against the parameter, with errors that name it.
pub(crate) struct ValueFor(pub &'static Parameter);

impl<'de> DeserializeSeed<'de> for ValueFor {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueFor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        if self.0.scheduled {
            write!(
                f,
                "a number or a list of [year, value] pairs for \"{}\"",
                self.0.id
            )
        } else {
            write!(f, "a number for \"{}\"", self.0.id)
        }
    }

    fn visit_f64<E: de::Error>(self, x: f64) -> Result<Value, E> {
        check_value(self.0, None, x).map_err(E::custom)?;
        Ok(Value::Constant(x))
    }

    fn visit_i64<E: de::Error>(self, x: i64) -> Result<Value, E> {
        self.visit_f64(x as f64)
    }

    fn visit_u64<E: de::Error>(self, x: u64) -> Result<Value, E> {
        self.visit_f64(x as f64)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut steps: Vec<(f64, f64)> = Vec::new();
        while let Some(step) = seq.next_element_seed(StepFor(self.0))? {
            steps.push(step);
            if steps.len() > MAX_STEPS {
                // Stop reading: the error names the step that is one too many.
                break;
            }
        }
        Value::schedule(self.0, &steps).map_err(de::Error::custom)
    }
}

/// One `[year, value]` pair of a schedule.
struct StepFor(&'static Parameter);

impl<'de> DeserializeSeed<'de> for StepFor {
    type Value = (f64, f64);

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(f64, f64), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for StepFor {
    type Value = (f64, f64);

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(
            f,
            "a [year, value] pair of numbers in the schedule of \"{}\"",
            self.0.id
        )
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(f64, f64), A::Error> {
        let id = self.0.id;
        let not_a_pair = |year: Option<f64>, what: String| {
            de::Error::custom(InputError::Schedule {
                id: id.to_string(),
                year,
                problem: ScheduleProblem::NotAPair(what),
            })
        };
        let year = seq.next_element_seed(NumberIn(id, "the year of a step"))?;
        let Some(year) = year else {
            return Err(not_a_pair(None, "an empty list".into()));
        };
        let value = seq.next_element_seed(NumberIn(id, "the value of a step"))?;
        let Some(value) = value else {
            return Err(not_a_pair(Some(year), "a year with no value".into()));
        };
        if seq.next_element::<de::IgnoredAny>()?.is_some() {
            return Err(not_a_pair(Some(year), "more than two numbers".into()));
        }
        Ok((year, value))
    }
}

/// A number inside a step; its errors name the parameter and which number it is.
struct NumberIn(&'static str, &'static str);

impl<'de> DeserializeSeed<'de> for NumberIn {
    type Value = f64;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<f64, D::Error> {
        deserializer.deserialize_f64(self)
    }
}

impl Visitor<'_> for NumberIn {
    type Value = f64;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "a number as {} of \"{}\"", self.1, self.0)
    }

    fn visit_f64<E: de::Error>(self, x: f64) -> Result<f64, E> {
        Ok(x)
    }

    fn visit_i64<E: de::Error>(self, x: i64) -> Result<f64, E> {
        Ok(x as f64)
    }

    fn visit_u64<E: de::Error>(self, x: u64) -> Result<f64, E> {
        Ok(x as f64)
    }
}

/// Text for a value in messages: "0.3" or "2018:0.3,2020:0".
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Constant(x) => write!(f, "{}", Num(*x)),
            Value::Schedule(steps) => {
                let text: Vec<String> = steps
                    .iter()
                    .map(|(y, v)| format!("{y}:{}", Num(*v)))
                    .collect();
                f.write_str(&text.join(","))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::parameter;

    fn p(id: &str) -> &'static Parameter {
        parameter(id).unwrap()
    }

    fn err(id: &str, steps: &[(f64, f64)]) -> String {
        Value::schedule(p(id), steps).unwrap_err().to_string()
    }

    #[test]
    fn the_rules_of_a_schedule() {
        let ok = Value::schedule(p("repatriation.russia"), &[(2018.0, 0.3), (2020.0, 0.0)]);
        assert_eq!(
            ok,
            Ok(Value::Schedule(alloc::vec![(2018, 0.3), (2020, 0.0)]))
        );
        assert!(
            err("repatriation.russia", &[(2020.0, 0.3), (2018.0, 0.0)])
                .contains("year 2018 follows 2020")
        );
        assert!(
            err("repatriation.russia", &[(2018.0, 0.3), (2018.0, 0.0)])
                .contains("year 2018 appears twice")
        );
        assert!(
            err("repatriation.russia", &[(1800.0, 0.3)])
                .contains("year 1800 is out of range: allowed 1900 to 2100")
        );
        assert!(
            err("repatriation.russia", &[(2018.5, 0.3)])
                .contains("year 2018.5 must be a whole number")
        );
        assert_eq!(
            err("repatriation.russia", &[(2018.0, 0.3), (2020.0, 1.5)]),
            "\"repatriation.russia\" = 1.5 in 2020 is out of range: allowed 0 to 1"
        );
        let many: Vec<(f64, f64)> = (0..65).map(|i| (1950.0 + i as f64, 0.1)).collect();
        assert!(err("repatriation.russia", &many).contains("at most 64 steps, got 65"));
        assert!(err("repatriation.russia", &[]).contains("at least one"));
        assert!(err("baseYear", &[(2018.0, 2018.0)]).contains("\"baseYear\" takes one number"));
    }

    #[test]
    fn a_value_from_a_year() {
        let c = Value::Constant(0.2);
        assert_eq!(
            c.from_year(2027, 0.5, 2017),
            Value::Schedule(alloc::vec![(2017, 0.2), (2027, 0.5)])
        );
        assert_eq!(c.from_year(2027, 0.2, 2017), c);
        assert_eq!(c.from_year(2017, 0.7, 2017), Value::Constant(0.7));
        let s = Value::Schedule(alloc::vec![(2017, 0.0), (2018, 0.3), (2030, 0.9)]);
        assert_eq!(
            s.from_year(2027, 1.0, 2017),
            Value::Schedule(alloc::vec![(2017, 0.0), (2018, 0.3), (2027, 1.0)])
        );
        // Back to where it was: the same steps, and a number where it was one.
        let moved = c.from_year(2027, 0.5, 2017);
        assert_eq!(moved.from_year(2027, 0.2, 2017), c);
        assert_eq!(
            s.from_year(2018, 0.0, 2017),
            Value::Schedule(alloc::vec![(2017, 0.0), (2018, 0.0)]).from_year(2018, 0.0, 2017)
        );
        assert_eq!(s.from_year(2018, 0.0, 2017), Value::Constant(0.0));
        // A full schedule: the new step replaces the last one before it.
        let full = Value::Schedule((0..64).map(|i| (1950 + i, f64::from(i % 2))).collect());
        let Value::Schedule(steps) = full.from_year(2030, 0.5, 1900) else {
            panic!("steps expected")
        };
        assert_eq!(steps.len(), MAX_STEPS);
        assert_eq!(steps[62..], [(2012, 0.0), (2030, 0.5)]);
        // A schedule that starts after the horizon's first year keeps its defaults before.
        let late = Value::Schedule(alloc::vec![(2024, 0.0)]);
        assert_eq!(
            late.from_year(2027, 1.0, 2017),
            Value::Schedule(alloc::vec![(2024, 0.0), (2027, 1.0)])
        );
    }

    #[test]
    fn values_by_year() {
        let s = Value::schedule(p("repatriation.russia"), &[(2018.0, 0.3), (2020.0, 0.0)]).unwrap();
        let before = |_| 0.9;
        assert_eq!(s.at(2017, before), 0.9);
        assert_eq!(s.at(2018, before), 0.3);
        assert_eq!(s.at(2019, before), 0.3);
        assert_eq!(s.at(2040, before), 0.0);
        assert_eq!(Value::Constant(0.5).at(2040, before), 0.5);
        assert_eq!(s.to_string(), "2018:0.3,2020:0");
    }
}
