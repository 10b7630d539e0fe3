//! Named scenarios. A preset sets every lever and nothing else (MODEL.md, Presets).

use serde::Serialize;

/// A named set of lever values.
#[derive(Clone, Copy, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Preset {
    /// Stable id.
    pub id: &'static str,
    /// Display label.
    pub label: &'static str,
    /// What the preset stands for.
    pub description: &'static str,
    /// Lever id and value, for every lever.
    #[serde(serialize_with = "as_map")]
    pub values: &'static [(&'static str, f64)],
}

fn as_map<S: serde::Serializer>(v: &[(&str, f64)], s: S) -> Result<S::Ok, S::Error> {
    s.collect_map(v.iter().map(|(k, x)| (*k, *x)))
}

/// Lever values of `statusQuo`, shared by the presets built on it.
macro_rules! status_quo_with {
    ($visa:expr, $designations:expr) => {
        &[
            ("permitBan.china", 0.6),
            ("permitBan.russia", 0.95),
            ("permitBan.other", 0.8),
            ("repatriation.china", 0.1),
            ("repatriation.russia", 0.3),
            ("repatriation.other", 0.4),
            ("visaClarification", $visa),
            ("designationsPerYear", $designations),
        ]
    };
}

/// All presets, in display order.
pub const PRESETS: &[Preset] = &[
    Preset {
        id: "noEnforcement",
        label: "No enforcement",
        description: "Every lever at 0: no host refuses permits or sends workers home.",
        values: &[
            ("permitBan.china", 0.0),
            ("permitBan.russia", 0.0),
            ("permitBan.other", 0.0),
            ("repatriation.china", 0.0),
            ("repatriation.russia", 0.0),
            ("repatriation.other", 0.0),
            ("visaClarification", 0.0),
            ("designationsPerYear", 0.0),
        ],
    },
    Preset {
        id: "statusQuo",
        label: "Status quo",
        description: "A rough fit to what hosts reported in 2018 and 2019: most new permits refused, \
                      partial repatriation, the visa loophole open, two designations a year.",
        values: status_quo_with!(0.0, 2.0),
    },
    Preset {
        id: "closeVisaLoophole",
        label: "Close the visa loophole",
        description: "The status quo, plus a clarification that North Koreans may not work on any \
                      visa type.",
        values: status_quo_with!(1.0, 2.0),
    },
    Preset {
        id: "designationSurge",
        label: "Designation surge",
        description: "The status quo, with 20 employers, brokers and trading companies designated \
                      each year instead of 2.",
        values: status_quo_with!(0.0, 20.0),
    },
    Preset {
        id: "fullCompliance",
        label: "Full compliance",
        description: "Every host refuses all permits, sends every worker home and closes the visa \
                      loophole.",
        values: &[
            ("permitBan.china", 1.0),
            ("permitBan.russia", 1.0),
            ("permitBan.other", 1.0),
            ("repatriation.china", 1.0),
            ("repatriation.russia", 1.0),
            ("repatriation.other", 1.0),
            ("visaClarification", 1.0),
            ("designationsPerYear", 2.0),
        ],
    },
];

/// The preset with this id.
pub fn preset(id: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::{Kind, levers, parameter};

    #[test]
    fn every_preset_sets_every_lever_once_within_range() {
        for p in PRESETS {
            assert_eq!(p.values.len(), levers().count(), "{}", p.id);
            for lever in levers() {
                let n = p.values.iter().filter(|(id, _)| *id == lever.id).count();
                assert_eq!(n, 1, "{} sets {} {n} times", p.id, lever.id);
            }
            for (id, v) in p.values {
                let param = parameter(id).unwrap();
                assert_eq!(param.kind, Kind::Lever, "{} sets non-lever {id}", p.id);
                assert!(param.min <= *v && *v <= param.max, "{} {id}", p.id);
            }
        }
    }

    #[test]
    fn lookup() {
        assert_eq!(preset("statusQuo").map(|p| p.values[1].1), Some(0.95));
        assert!(preset("nope").is_none());
    }
}
