//! A scenario: a complete, validated set of lever, assumption and setting values.
//!
//! A `Scenario` can only be built through [`Scenario::set`] and [`Scenario::from_pairs`],
//! which check every value against the registry, so [`crate::evaluate`] never fails and
//! never sees NaN, an out-of-range share or an impossible horizon. With serde it reads and
//! writes scenario files: an object of parameter ids to numbers, checked the same way.

use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::InputError;
use crate::presets::preset;
use crate::registry::{
    HOST_COUNT, Kind, MAX_HORIZON_YEARS, PARAMETERS, Parameter, Slot, parameter,
};

/// Values of every parameter. Per-host arrays follow the order of [`crate::HOSTS`].
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    pub(crate) permit_ban: [f64; HOST_COUNT],
    pub(crate) repatriation: [f64; HOST_COUNT],
    pub(crate) visa_clarification: f64,
    pub(crate) designations_per_year: f64,
    pub(crate) base_workers: [f64; HOST_COUNT],
    pub(crate) wage: [f64; HOST_COUNT],
    pub(crate) months_worked: f64,
    pub(crate) state_take_share: f64,
    pub(crate) rotation_rate: f64,
    pub(crate) loophole_share: [f64; HOST_COUNT],
    pub(crate) clarification_adoption: [f64; HOST_COUNT],
    pub(crate) designation_cooperation: [f64; HOST_COUNT],
    pub(crate) workers_per_designation: f64,
    pub(crate) anchor_to_estimate: f64,
    pub(crate) estimate_revenue_usd: f64,
    pub(crate) base_year: f64,
    pub(crate) end_year: f64,
}

impl Default for Scenario {
    /// Every parameter at its registry default: no enforcement, central assumptions.
    fn default() -> Self {
        let mut s = Scenario {
            permit_ban: [0.0; HOST_COUNT],
            repatriation: [0.0; HOST_COUNT],
            visa_clarification: 0.0,
            designations_per_year: 0.0,
            base_workers: [0.0; HOST_COUNT],
            wage: [0.0; HOST_COUNT],
            months_worked: 0.0,
            state_take_share: 0.0,
            rotation_rate: 0.0,
            loophole_share: [0.0; HOST_COUNT],
            clarification_adoption: [0.0; HOST_COUNT],
            designation_cooperation: [0.0; HOST_COUNT],
            workers_per_designation: 0.0,
            anchor_to_estimate: 0.0,
            estimate_revenue_usd: 0.0,
            base_year: 0.0,
            end_year: 0.0,
        };
        for p in PARAMETERS {
            *s.slot_mut(p.slot) = p.default;
        }
        s
    }
}

impl Scenario {
    /// Builds a scenario from `(id, value)` pairs; omitted ids keep their defaults. The pairs
    /// are checked one by one, then `endYear` against `baseYear`.
    pub fn from_pairs<'a, I>(pairs: I) -> Result<Self, InputError>
    where
        I: IntoIterator<Item = (&'a str, f64)>,
    {
        let mut s = Scenario::default();
        for (id, value) in pairs {
            s.set_unchecked_horizon(id, value)?;
        }
        s.check_horizon()?;
        Ok(s)
    }

    /// The levers of a preset, every other parameter at its default.
    pub fn preset(id: &str) -> Result<Self, InputError> {
        let p = preset(id).ok_or_else(|| InputError::UnknownName {
            field: "preset",
            name: id.to_string(),
            allowed: crate::presets::PRESETS
                .iter()
                .map(|p| p.id)
                .collect::<alloc::vec::Vec<_>>()
                .join(", "),
        })?;
        Scenario::from_pairs(p.values.iter().copied())
    }

    /// Sets one parameter, checking the value and the horizon.
    pub fn set(&mut self, id: &str, value: f64) -> Result<(), InputError> {
        let before = self.clone();
        self.set_unchecked_horizon(id, value)?;
        self.check_horizon().inspect_err(|_| *self = before)
    }

    /// Builder form of [`Scenario::set`].
    pub fn with(mut self, id: &str, value: f64) -> Result<Self, InputError> {
        self.set(id, value)?;
        Ok(self)
    }

    /// The value of a parameter.
    pub fn get(&self, id: &str) -> Option<f64> {
        parameter(id).map(|p| self.slot(p.slot))
    }

    /// The same assumptions and settings with every lever at 0: the comparator.
    pub fn without_levers(&self) -> Self {
        let mut s = self.clone();
        for p in PARAMETERS.iter().filter(|p| p.kind == Kind::Lever) {
            *s.slot_mut(p.slot) = 0.0;
        }
        s
    }

    /// First and last projection year.
    pub fn years(&self) -> (i32, i32) {
        (self.base_year as i32, self.end_year as i32)
    }

    /// Number of projected years, `endYear - baseYear + 1`.
    pub fn year_count(&self) -> usize {
        (self.end_year - self.base_year) as usize + 1
    }

    pub(crate) fn slot(&self, slot: Slot) -> f64 {
        match slot {
            Slot::PermitBan(h) => self.permit_ban[h],
            Slot::Repatriation(h) => self.repatriation[h],
            Slot::VisaClarification => self.visa_clarification,
            Slot::DesignationsPerYear => self.designations_per_year,
            Slot::BaseWorkers(h) => self.base_workers[h],
            Slot::Wage(h) => self.wage[h],
            Slot::MonthsWorked => self.months_worked,
            Slot::StateTakeShare => self.state_take_share,
            Slot::RotationRate => self.rotation_rate,
            Slot::LoopholeShare(h) => self.loophole_share[h],
            Slot::ClarificationAdoption(h) => self.clarification_adoption[h],
            Slot::DesignationCooperation(h) => self.designation_cooperation[h],
            Slot::WorkersPerDesignation => self.workers_per_designation,
            Slot::AnchorToEstimate => self.anchor_to_estimate,
            Slot::EstimateRevenueUsd => self.estimate_revenue_usd,
            Slot::BaseYear => self.base_year,
            Slot::EndYear => self.end_year,
        }
    }

    fn slot_mut(&mut self, slot: Slot) -> &mut f64 {
        match slot {
            Slot::PermitBan(h) => &mut self.permit_ban[h],
            Slot::Repatriation(h) => &mut self.repatriation[h],
            Slot::VisaClarification => &mut self.visa_clarification,
            Slot::DesignationsPerYear => &mut self.designations_per_year,
            Slot::BaseWorkers(h) => &mut self.base_workers[h],
            Slot::Wage(h) => &mut self.wage[h],
            Slot::MonthsWorked => &mut self.months_worked,
            Slot::StateTakeShare => &mut self.state_take_share,
            Slot::RotationRate => &mut self.rotation_rate,
            Slot::LoopholeShare(h) => &mut self.loophole_share[h],
            Slot::ClarificationAdoption(h) => &mut self.clarification_adoption[h],
            Slot::DesignationCooperation(h) => &mut self.designation_cooperation[h],
            Slot::WorkersPerDesignation => &mut self.workers_per_designation,
            Slot::AnchorToEstimate => &mut self.anchor_to_estimate,
            Slot::EstimateRevenueUsd => &mut self.estimate_revenue_usd,
            Slot::BaseYear => &mut self.base_year,
            Slot::EndYear => &mut self.end_year,
        }
    }

    /// Sets a value known to be valid for its parameter (used by the uncertainty analysis,
    /// which draws inside each parameter's range).
    pub(crate) fn put(&mut self, slot: Slot, value: f64) {
        *self.slot_mut(slot) = value;
    }

    fn set_unchecked_horizon(&mut self, id: &str, value: f64) -> Result<(), InputError> {
        let p = parameter(id).ok_or_else(|| InputError::UnknownParameter { id: id.to_string() })?;
        match check_value(p, value) {
            // The end year's true range depends on the base year: `check_horizon` reports it.
            Err(InputError::OutOfRange { .. }) if p.slot == Slot::EndYear => {}
            result => result?,
        }
        *self.slot_mut(p.slot) = value;
        Ok(())
    }

    fn check_horizon(&self) -> Result<(), InputError> {
        let span = self.end_year - self.base_year;
        if (0.0..=MAX_HORIZON_YEARS).contains(&span) {
            Ok(())
        } else {
            Err(InputError::Horizon {
                base_year: self.base_year,
                end_year: self.end_year,
            })
        }
    }
}

/// A scenario file: an object of parameter ids to numbers, every parameter in registry order
/// (`{"permitBan.china": 0.6, ...}`). Reading one checks it as [`Scenario::from_pairs`] does:
/// omitted ids take their defaults, and a bad entry is an error naming the id, the value and
/// the allowed range.
impl Serialize for Scenario {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(PARAMETERS.len()))?;
        for p in PARAMETERS {
            map.serialize_entry(p.id, &self.slot(p.slot))?;
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
        f.write_str("a scenario: an object of parameter ids to numbers")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Scenario, A::Error> {
        let mut pairs: Vec<(String, f64)> = Vec::new();
        while let Some(id) = map.next_key::<String>()? {
            let value = map.next_value_seed(NumberFor(&id))?;
            pairs.push((id, value));
        }
        Scenario::from_pairs(pairs.iter().map(|(id, x)| (id.as_str(), *x)))
            .map_err(de::Error::custom)
    }
}

/// The value of one entry: a number, or an error that names the entry's id.
struct NumberFor<'a>(&'a str);

impl<'de> DeserializeSeed<'de> for NumberFor<'_> {
    type Value = f64;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<f64, D::Error> {
        deserializer.deserialize_f64(self)
    }
}

impl Visitor<'_> for NumberFor<'_> {
    type Value = f64;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "a number for \"{}\"", self.0)
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

/// Checks one value against its parameter's range.
pub fn check_value(p: &Parameter, value: f64) -> Result<(), InputError> {
    if !value.is_finite() {
        return Err(InputError::NotFinite {
            id: p.id.to_string(),
            value,
        });
    }
    if p.integer && value != libm::trunc(value) {
        return Err(InputError::NotWhole {
            id: p.id.to_string(),
            value,
        });
    }
    if !(p.min..=p.max).contains(&value) {
        return Err(InputError::OutOfRange {
            id: p.id.to_string(),
            value,
            min: p.min,
            max: p.max,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_follow_the_registry() {
        let s = Scenario::default();
        for p in PARAMETERS {
            assert_eq!(s.get(p.id), Some(p.default), "{}", p.id);
        }
        assert_eq!(s.years(), (2017, 2030));
        assert_eq!(s.year_count(), 14);
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
        let e = Scenario::from_pairs([("endYear", 2058.0)]).unwrap_err();
        assert!(matches!(e, InputError::Horizon { .. }));
        assert!(Scenario::from_pairs([("endYear", 2057.0)]).is_ok());
        // Outside even the table's bounds, the message still gives the true range.
        let e = Scenario::from_pairs([("endYear", 2010.0)]).unwrap_err();
        assert_eq!(
            e,
            InputError::Horizon {
                base_year: 2017.0,
                end_year: 2010.0
            }
        );
        let e = Scenario::from_pairs([("endYear", 1e300)]).unwrap_err();
        assert!(matches!(e, InputError::Horizon { .. }));
        let e = Scenario::from_pairs([("endYear", 2099.5)]).unwrap_err();
        assert!(matches!(e, InputError::NotWhole { .. }));
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
    fn presets_set_levers_only() {
        let s = Scenario::preset("closeVisaLoophole").unwrap();
        assert_eq!(s.get("visaClarification"), Some(1.0));
        assert_eq!(s.get("repatriation.russia"), Some(0.3));
        assert_eq!(s.without_levers(), Scenario::default());
        assert!(matches!(
            Scenario::preset("x"),
            Err(InputError::UnknownName {
                field: "preset",
                ..
            })
        ));
    }
}
