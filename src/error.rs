//! Typed input errors. Each names the field, the year where there is one, the value given
//! and what is allowed, so a caller (an analyst's script, a URL, a scenario file) can fix its
//! input without reading the source. The JavaScript binding turns them into `RangeError`s,
//! once, at the edge.

use alloc::string::String;
use core::fmt;

use crate::limits::{MAX_STEPS, MAX_YEAR, MIN_YEAR};

/// Why an input was rejected.
#[derive(Clone, Debug, PartialEq)]
pub enum InputError {
    /// The id is not a parameter of the model.
    UnknownParameter {
        /// The id given.
        id: String,
    },
    /// The value is NaN or infinite.
    NotFinite {
        /// The field.
        id: String,
        /// The year of the schedule step, if the value is one.
        year: Option<i32>,
        /// The value given.
        value: f64,
    },
    /// The value lies outside the accepted range.
    OutOfRange {
        /// The field.
        id: String,
        /// The year of the schedule step, if the value is one.
        year: Option<i32>,
        /// The value given.
        value: f64,
        /// Smallest accepted value.
        min: f64,
        /// Largest accepted value.
        max: f64,
    },
    /// The field takes whole numbers only.
    NotWhole {
        /// The field.
        id: String,
        /// The year of the schedule step, if the value is one.
        year: Option<i32>,
        /// The value given.
        value: f64,
    },
    /// `endYear` is before `baseYear`, or more than 40 years after it.
    Horizon {
        /// The `baseYear` in force.
        base_year: f64,
        /// The `endYear` given.
        end_year: f64,
    },
    /// An option's year lies outside the scenario's years.
    OutsideHorizon {
        /// The option.
        id: &'static str,
        /// The year given.
        year: i32,
        /// The scenario's first year.
        first: i32,
        /// The scenario's last year.
        last: i32,
    },
    /// Two options that cannot be given together.
    Contradictory {
        /// One option.
        first: &'static str,
        /// The other.
        second: &'static str,
        /// Why not both.
        why: &'static str,
    },
    /// A schedule breaks one of the schedule rules.
    Schedule {
        /// The parameter.
        id: String,
        /// The year concerned, as given.
        year: Option<f64>,
        /// What is wrong.
        problem: ScheduleProblem,
    },
    /// A choice (an output, a lever, a preset) is not one of the allowed names.
    UnknownName {
        /// The field.
        field: &'static str,
        /// The name given.
        name: String,
        /// The allowed names, comma-separated.
        allowed: String,
    },
}

/// What is wrong with a schedule.
#[derive(Clone, Debug, PartialEq)]
pub enum ScheduleProblem {
    /// The parameter takes one number (a setting such as `baseYear`).
    NotScheduled,
    /// No step.
    Empty,
    /// More than [`MAX_STEPS`] steps.
    TooManySteps(usize),
    /// A year outside [`MIN_YEAR`]..=[`MAX_YEAR`].
    YearOutOfRange,
    /// A year with a fraction, or not a finite number.
    YearNotWhole,
    /// A year not after the year of the step before.
    NotIncreasing {
        /// The year of the step before.
        previous: i32,
    },
    /// The same year twice.
    Repeated,
    /// A step that is not a `[year, value]` pair; the text says what it is.
    NotAPair(String),
}

/// Formats a number for a message: whole numbers without a fraction, others with at most
/// six significant digits (never the hundreds of digits of a subnormal).
pub(crate) struct Num(pub f64);

/// A number with up to `.1` significant digits (at most 17).
pub(crate) struct Digits(pub f64, pub u32);

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Digits(self.0, 6).fmt(f)
    }
}

/// A value beside the ends of its range, with as many digits as it takes to tell them apart
/// (6 at least): "1.0000001 is out of range: allowed 0 to 1", not "1 is out of range".
struct Beside(f64, f64, f64);

impl fmt::Display for Beside {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Beside(v, min, max) = *self;
        let text = |x: f64, n: u32| alloc::format!("{}", Digits(x, n));
        let n = (6..=17)
            .find(|&n| {
                let t = text(v, n);
                (v == min || t != text(min, n)) && (v == max || t != text(max, n))
            })
            .unwrap_or(17);
        Digits(v, n).fmt(f)
    }
}

impl fmt::Display for Digits {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (v, n) = (self.0, self.1.clamp(1, 17));
        let abs = libm::fabs(v);
        if v.is_nan() {
            return f.write_str("NaN");
        }
        if v < 0.0 {
            f.write_str("-")?;
        }
        if abs.is_infinite() {
            return f.write_str("Infinity");
        }
        if abs == libm::trunc(abs) && abs < 1e15 {
            return write!(f, "{}", abs as u64);
        }
        // n significant digits, as an integer mantissa and a power of ten. 10^-324
        // underflows to 0: subnormals are scaled up first.
        let (scaled, shift) = if abs < 1e-290 {
            (abs * 1e30, 30)
        } else {
            (abs, 0)
        };
        let mut exponent = libm::floor(libm::log10(scaled)) as i32;
        let n_i32 = n as i32;
        let mut mantissa =
            libm::round(scaled * libm::pow(10.0, f64::from(n_i32 - 1 - exponent))) as u64;
        if mantissa >= 10u64.pow(n) {
            // Rounding carried into one digit more (9.999996 → 10.0000).
            mantissa /= 10;
            exponent += 1;
        }
        digits(f, mantissa, n as usize, exponent - shift)
    }
}

/// Writes `mantissa` (`n` digits, the first not 0) times 10^(exponent - n + 1) without
/// trailing zeros: positionally from 10^-4 to 10^15, with a power of ten outside. Integer
/// arithmetic only, so that the wasm module carries no float-to-text code.
fn digits(f: &mut fmt::Formatter<'_>, mantissa: u64, n: usize, exponent: i32) -> fmt::Result {
    let mut buffer = [0u8; 17];
    let text = buffer.get_mut(..n).unwrap_or_default();
    let mut m = mantissa;
    for d in text.iter_mut().rev() {
        *d = b'0' + (m % 10) as u8;
        m /= 10;
    }
    let len = text.iter().rposition(|&d| d != b'0').map_or(1, |i| i + 1);
    // Digits are cut as bytes, not as text: slicing a str would bring in the code that
    // reports a cut inside a character, and with it much of the Unicode tables.
    let shown = text.get(..len).unwrap_or(text);
    fn as_str(digits: &[u8]) -> &str {
        core::str::from_utf8(digits).unwrap_or("0")
    }
    if !(-4..15).contains(&exponent) {
        let (head, tail) = shown.split_at(1);
        return if tail.is_empty() {
            write!(f, "{}e{exponent}", as_str(head))
        } else {
            write!(f, "{}.{}e{exponent}", as_str(head), as_str(tail))
        };
    }
    if exponent < 0 {
        f.write_str("0.")?;
        for _ in 0..(-exponent - 1) {
            f.write_str("0")?;
        }
        return f.write_str(as_str(shown));
    }
    let whole = exponent as usize + 1;
    if shown.len() <= whole {
        f.write_str(as_str(shown))?;
        for _ in shown.len()..whole {
            f.write_str("0")?;
        }
        Ok(())
    } else {
        let (head, tail) = shown.split_at(whole);
        write!(f, "{}.{}", as_str(head), as_str(tail))
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

/// " in 2020" for a step of a schedule, nothing for a single number.
struct In(Option<i32>);

impl fmt::Display for In {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(year) => write!(f, " in {year}"),
            None => Ok(()),
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::UnknownParameter { id } => write!(
                f,
                "unknown parameter \"{id}\": allowed ids are those listed by parameters(), \
                 such as \"repatriation.russia\" or \"visaClarification\""
            ),
            InputError::NotFinite { id, year, value } => {
                write!(
                    f,
                    "\"{id}\"{} must be a finite number, got {}",
                    In(*year),
                    Num(*value)
                )
            }
            InputError::OutOfRange {
                id,
                year,
                value,
                min,
                max,
            } => write!(
                f,
                "\"{id}\" = {}{} is out of range: allowed {} to {}",
                Beside(*value, *min, *max),
                In(*year),
                Num(*min),
                Num(*max)
            ),
            InputError::NotWhole { id, year, value } => {
                write!(
                    f,
                    "\"{id}\" = {}{} must be a whole number",
                    Num(*value),
                    In(*year)
                )
            }
            InputError::Horizon {
                base_year,
                end_year,
            } => write!(
                f,
                "\"endYear\" = {} is out of range: allowed baseYear ({}) to baseYear + 40 ({})",
                Num(*end_year),
                Num(*base_year),
                Num(base_year + crate::registry::MAX_HORIZON_YEARS)
            ),
            InputError::OutsideHorizon {
                id,
                year,
                first,
                last,
            } => write!(
                f,
                "\"{id}\" = {year} is outside the scenario's years: allowed {first} to {last}"
            ),
            InputError::Contradictory { first, second, why } => write!(
                f,
                "\"{first}\" and \"{second}\" cannot be given together: {why}"
            ),
            InputError::Schedule { id, year, problem } => {
                let year = year.map(Num);
                match (problem, year) {
                    (ScheduleProblem::NotScheduled, Some(y)) => write!(
                        f,
                        "\"{id}\" takes one number, not a schedule (a step for year {y} was given)"
                    ),
                    (ScheduleProblem::NotScheduled, None) => {
                        write!(f, "\"{id}\" takes one number, not a schedule")
                    }
                    (ScheduleProblem::Empty, _) => write!(
                        f,
                        "\"{id}\": a schedule needs at least one [year, value] step"
                    ),
                    (ScheduleProblem::TooManySteps(n), y) => {
                        write!(
                            f,
                            "\"{id}\": a schedule has at most {MAX_STEPS} steps, got {n}"
                        )?;
                        if let Some(y) = y {
                            write!(f, " (the step for year {y} is one too many)")?;
                        }
                        Ok(())
                    }
                    (ScheduleProblem::YearOutOfRange, Some(y)) => write!(
                        f,
                        "\"{id}\": year {y} is out of range: allowed {MIN_YEAR} to {MAX_YEAR}"
                    ),
                    (ScheduleProblem::YearNotWhole, Some(y)) => {
                        write!(f, "\"{id}\": year {y} must be a whole number")
                    }
                    (ScheduleProblem::NotIncreasing { previous }, Some(y)) => write!(
                        f,
                        "\"{id}\": years must increase from step to step, but year {y} follows {previous}"
                    ),
                    (ScheduleProblem::Repeated, Some(y)) => {
                        write!(f, "\"{id}\": year {y} appears twice")
                    }
                    (ScheduleProblem::NotAPair(what), Some(y)) => write!(
                        f,
                        "\"{id}\": the step for year {y} must be a [year, value] pair, got {what}"
                    ),
                    (ScheduleProblem::NotAPair(what), None) => write!(
                        f,
                        "\"{id}\": each step must be a [year, value] pair of numbers, got {what}"
                    ),
                    (_, None) => write!(f, "\"{id}\": a schedule breaks the schedule rules"),
                }
            }
            InputError::UnknownName {
                field,
                name,
                allowed,
            } => {
                write!(
                    f,
                    "\"{field}\" = \"{name}\" is not allowed: allowed {allowed}"
                )
            }
        }
    }
}

impl core::error::Error for InputError {}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    #[test]
    fn messages_name_field_year_value_and_range() {
        let e = InputError::OutOfRange {
            id: "repatriation.russia".into(),
            year: None,
            value: 1.5,
            min: 0.0,
            max: 1.0,
        };
        assert_eq!(
            e.to_string(),
            "\"repatriation.russia\" = 1.5 is out of range: allowed 0 to 1"
        );
        let e = InputError::OutOfRange {
            id: "repatriation.russia".into(),
            year: Some(2020),
            value: 1.5,
            min: 0.0,
            max: 1.0,
        };
        assert_eq!(
            e.to_string(),
            "\"repatriation.russia\" = 1.5 in 2020 is out of range: allowed 0 to 1"
        );
        let e = InputError::Horizon {
            base_year: 2017.0,
            end_year: 2058.0,
        };
        assert_eq!(
            e.to_string(),
            "\"endYear\" = 2058 is out of range: allowed baseYear (2017) to baseYear + 40 (2057)"
        );
        let e = InputError::NotFinite {
            id: "wage.china".into(),
            year: None,
            value: f64::NAN,
        };
        assert_eq!(
            e.to_string(),
            "\"wage.china\" must be a finite number, got NaN"
        );
        let e = InputError::Schedule {
            id: "visaClarification".into(),
            year: Some(2018.0),
            problem: ScheduleProblem::NotIncreasing { previous: 2020 },
        };
        assert_eq!(
            e.to_string(),
            "\"visaClarification\": years must increase from step to step, but year 2018 follows 2020"
        );
    }

    #[test]
    fn numbers_in_messages_are_short() {
        assert_eq!(Num(1.5).to_string(), "1.5");
        assert_eq!(Num(-1.0).to_string(), "-1");
        assert_eq!(Num(0.1 + 0.2).to_string(), "0.3");
        assert_eq!(Num(5e-324).to_string(), "4.94066e-324");
        assert_eq!(Num(1e300).to_string(), "1e300");
        assert_eq!(Num(-2.5e-7).to_string(), "-2.5e-7");
        assert_eq!(Num(1234.56789).to_string(), "1234.57");
        assert_eq!(Num(0.000123456789).to_string(), "0.000123457");
        assert_eq!(Num(2018.5).to_string(), "2018.5");
        assert_eq!(Num(f64::INFINITY).to_string(), "Infinity");
        assert_eq!(Num(f64::NEG_INFINITY).to_string(), "-Infinity");
        assert_eq!(Num(f64::NAN).to_string(), "NaN");
        assert_eq!(Num(9.9999996).to_string(), "10");
        assert_eq!(Num(0.46367).to_string(), "0.46367");
        assert_eq!(Num(0.0001).to_string(), "0.0001");
        assert_eq!(Num(1.5e-5).to_string(), "1.5e-5");
        assert_eq!(Num(123456789012345.6).to_string(), "123457000000000");
        assert_eq!(Num(1.5e15).to_string(), "1.5e15");
        assert_eq!(Num(2.5e15 + 0.5).to_string(), "2.5e15");
        // Beside the ends of a range: as many digits as it takes to tell them apart.
        let e = |value, min, max| {
            InputError::OutOfRange {
                id: "x".into(),
                year: None,
                value,
                min,
                max,
            }
            .to_string()
        };
        assert_eq!(
            e(1.0000001, 0.0, 1.0),
            "\"x\" = 1.0000001 is out of range: allowed 0 to 1"
        );
        assert_eq!(
            e(-1e-9, 0.0, 1.0),
            "\"x\" = -1e-9 is out of range: allowed 0 to 1"
        );
        assert_eq!(
            e(1.5, 0.0, 1.0),
            "\"x\" = 1.5 is out of range: allowed 0 to 1"
        );
        assert_eq!(
            e(1.0 + f64::EPSILON, 0.0, 1.0),
            "\"x\" = 1.0000000000000002 is out of range: allowed 0 to 1"
        );
    }
}
