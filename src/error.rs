//! Typed input errors. Each names the field, the value given and what is allowed, so a
//! caller (an analyst's script, a URL, a scenario file) can fix its input without reading
//! the source. The JavaScript binding turns them into `RangeError`s, once, at the edge.

use alloc::string::String;
use core::fmt;

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
        /// The value given.
        value: f64,
    },
    /// The value lies outside the accepted range.
    OutOfRange {
        /// The field.
        id: String,
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

/// Formats a number for a message: whole numbers without a fraction.
struct Num(f64);

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = self.0;
        if v.is_finite() && v == (v as i64) as f64 && v.abs() < 1e15 {
            write!(f, "{}", v as i64)
        } else {
            write!(f, "{v}")
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
            InputError::NotFinite { id, value } => {
                write!(f, "\"{id}\" must be a finite number, got {value}")
            }
            InputError::OutOfRange {
                id,
                value,
                min,
                max,
            } => write!(
                f,
                "\"{id}\" = {} is out of range: allowed {} to {}",
                Num(*value),
                Num(*min),
                Num(*max)
            ),
            InputError::NotWhole { id, value } => {
                write!(f, "\"{id}\" = {value} must be a whole number")
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
    fn messages_name_field_value_and_range() {
        let e = InputError::OutOfRange {
            id: "repatriation.russia".into(),
            value: 1.5,
            min: 0.0,
            max: 1.0,
        };
        assert_eq!(
            e.to_string(),
            "\"repatriation.russia\" = 1.5 is out of range: allowed 0 to 1"
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
            value: f64::NAN,
        };
        assert_eq!(
            e.to_string(),
            "\"wage.china\" must be a finite number, got NaN"
        );
    }
}
