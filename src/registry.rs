//! The parameter registry: hosts, levers, assumptions and settings as data.
//!
//! Ids, ranges and meanings follow `shared/design/MODEL.md`. Adding a host is one row in
//! [`HOSTS`] plus its seven per-host rows in [`PARAMETERS`] (permit ban, repatriation, base
//! workers, wage, loophole share, clarification adoption, designation cooperation); the
//! model, the JavaScript API and the page read these tables and need no other change.

use serde::ser::{Serialize, SerializeStruct, Serializer};

/// A country (or group of countries) that hosts North Korean workers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Host {
    /// Stable id used in parameter ids (`permitBan.<id>`).
    pub id: &'static str,
    /// Display label.
    pub label: &'static str,
}

/// Hosts, in display order.
pub const HOSTS: [Host; 3] = [
    Host {
        id: "china",
        label: "China",
    },
    Host {
        id: "russia",
        label: "Russia",
    },
    Host {
        id: "other",
        label: "Other hosts",
    },
];

/// Number of hosts; per-host quantities are arrays of this length.
pub const HOST_COUNT: usize = HOSTS.len();

/// What a parameter is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Kind {
    /// A policy choice; higher means stronger enforcement.
    Lever,
    /// An uncertain fact with a low-high range; sampled in the uncertainty analysis.
    Assumption,
    /// A modelling choice (years, anchoring); never sampled.
    Setting,
}

/// Where a parameter's value lives in a [`crate::Scenario`]. Per-host slots carry the index
/// of the host in [`HOSTS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Slot {
    PermitBan(usize),
    Repatriation(usize),
    VisaClarification,
    DesignationsPerYear,
    BaseWorkers(usize),
    Wage(usize),
    MonthsWorked,
    StateTakeShare,
    RotationRate,
    LoopholeShare(usize),
    ClarificationAdoption(usize),
    DesignationCooperation(usize),
    WorkersPerDesignation,
    AnchorToEstimate,
    EstimateRevenueUsd,
    BaseYear,
    EndYear,
}

impl Slot {
    /// Index in [`HOSTS`] of the host this slot belongs to.
    pub const fn host(self) -> Option<usize> {
        match self {
            Slot::PermitBan(h)
            | Slot::Repatriation(h)
            | Slot::BaseWorkers(h)
            | Slot::Wage(h)
            | Slot::LoopholeShare(h)
            | Slot::ClarificationAdoption(h)
            | Slot::DesignationCooperation(h) => Some(h),
            _ => None,
        }
    }
}

/// One lever, assumption or setting.
#[derive(Clone, Copy, Debug)]
pub struct Parameter {
    /// Stable id, as in MODEL.md (`repatriation.russia`).
    pub id: &'static str,
    /// Short display label.
    pub label: &'static str,
    /// One or two sentences on what it means.
    pub description: &'static str,
    /// Lever, assumption or setting.
    pub kind: Kind,
    /// Unit of the value.
    pub unit: &'static str,
    /// Smallest accepted value.
    pub min: f64,
    /// Largest accepted value.
    pub max: f64,
    /// Slider step.
    pub step: f64,
    /// Default value.
    pub default: f64,
    /// Low end of the plausible range (assumptions only).
    pub low: Option<f64>,
    /// High end of the plausible range (assumptions only).
    pub high: Option<f64>,
    /// Whether only whole numbers are accepted.
    pub integer: bool,
    /// Ids of [`crate::SOURCES`] rows behind the default and range.
    pub sources: &'static [&'static str],
    /// Where the value lives.
    pub slot: Slot,
}

impl Parameter {
    /// The host this parameter belongs to, if any.
    pub fn host(&self) -> Option<&'static Host> {
        self.slot.host().map(|h| &HOSTS[h])
    }

    /// Whether this parameter is drawn in the uncertainty analysis.
    pub fn is_uncertain(&self) -> bool {
        self.kind == Kind::Assumption && self.low.is_some() && self.high.is_some()
    }
}

impl Serialize for Parameter {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Parameter", 14)?;
        st.serialize_field("id", self.id)?;
        st.serialize_field("label", self.label)?;
        st.serialize_field("description", self.description)?;
        st.serialize_field("kind", &self.kind)?;
        st.serialize_field("host", &self.host().map(|h| h.id))?;
        st.serialize_field("unit", self.unit)?;
        st.serialize_field("min", &self.min)?;
        st.serialize_field("max", &self.max)?;
        st.serialize_field("step", &self.step)?;
        st.serialize_field("default", &self.default)?;
        st.serialize_field("low", &self.low)?;
        st.serialize_field("high", &self.high)?;
        st.serialize_field("integer", &self.integer)?;
        st.serialize_field("sources", self.sources)?;
        st.end()
    }
}

const SHARE: &str = "share (0 to 1)";

/// A lever: 0 = no enforcement, default 0.
#[allow(clippy::too_many_arguments)]
const fn lever(
    id: &'static str,
    label: &'static str,
    description: &'static str,
    max: f64,
    step: f64,
    unit: &'static str,
    sources: &'static [&'static str],
    slot: Slot,
) -> Parameter {
    Parameter {
        id,
        label,
        description,
        kind: Kind::Lever,
        unit,
        min: 0.0,
        max,
        step,
        default: 0.0,
        low: None,
        high: None,
        integer: false,
        sources,
        slot,
    }
}

/// An assumption with its default, plausible range and accepted range.
#[allow(clippy::too_many_arguments)]
const fn assumption(
    id: &'static str,
    label: &'static str,
    description: &'static str,
    unit: &'static str,
    (default, low, high): (f64, f64, f64),
    (min, max, step): (f64, f64, f64),
    sources: &'static [&'static str],
    slot: Slot,
) -> Parameter {
    Parameter {
        id,
        label,
        description,
        kind: Kind::Assumption,
        unit,
        min,
        max,
        step,
        default,
        low: Some(low),
        high: Some(high),
        integer: false,
        sources,
        slot,
    }
}

/// All parameters: levers, then assumptions, then settings.
pub const PARAMETERS: &[Parameter] = &[
    // Levers.
    lever(
        "permitBan.china",
        "China refuses new work permits",
        "Share of new work authorizations for North Koreans that China refuses (res. 2375 para 17).",
        1.0,
        0.01,
        SHARE,
        &["unsc-2017"],
        Slot::PermitBan(0),
    ),
    lever(
        "permitBan.russia",
        "Russia refuses new work permits",
        "Share of new work authorizations for North Koreans that Russia refuses (res. 2375 para 17).",
        1.0,
        0.01,
        SHARE,
        &["unsc-2017"],
        Slot::PermitBan(1),
    ),
    lever(
        "permitBan.other",
        "Other hosts refuse new work permits",
        "Share of new work authorizations for North Koreans that other hosts refuse (res. 2375 para 17).",
        1.0,
        0.01,
        SHARE,
        &["unsc-2017"],
        Slot::PermitBan(2),
    ),
    lever(
        "repatriation.china",
        "China sends workers home",
        "Share of North Korean workers still in China that it sends home each year (res. 2397 para 8).",
        1.0,
        0.01,
        "share per year (0 to 1)",
        &["unsc-2017"],
        Slot::Repatriation(0),
    ),
    lever(
        "repatriation.russia",
        "Russia sends workers home",
        "Share of North Korean workers still in Russia that it sends home each year (res. 2397 para 8).",
        1.0,
        0.01,
        "share per year (0 to 1)",
        &["unsc-2017"],
        Slot::Repatriation(1),
    ),
    lever(
        "repatriation.other",
        "Other hosts send workers home",
        "Share of North Korean workers still in other hosts that they send home each year (res. 2397 para 8).",
        1.0,
        0.01,
        "share per year (0 to 1)",
        &["unsc-2017"],
        Slot::Repatriation(2),
    ),
    lever(
        "visaClarification",
        "No work on any visa type",
        "How firmly it is established that North Koreans may not work on any visa type, tourist and student visas included; 1 = clarified and enforced. Each host applies it as far as its clarification adoption allows.",
        1.0,
        0.01,
        SHARE,
        &["voa-2020-02", "mvd-visas-2020"],
        Slot::VisaClarification,
    ),
    lever(
        "designationsPerYear",
        "Employers designated per year",
        "Entities (employers, brokers, trading companies) designated each year by the US and its partners.",
        50.0,
        1.0,
        "entities per year",
        &["treasury-designations-2018-2020", "voa-2020-02"],
        Slot::DesignationsPerYear,
    ),
    // Assumptions.
    assumption(
        "baseWorkers.china",
        "Workers in China, base year",
        "North Korean workers in China at the start of the base year.",
        "workers",
        (50_000.0, 30_000.0, 94_000.0),
        (0.0, 150_000.0, 1_000.0),
        &[
            "reuters-2020-01",
            "voa-2020-02",
            "china-entries-2012-2015",
            "china-after-2019",
        ],
        Slot::BaseWorkers(0),
    ),
    assumption(
        "baseWorkers.russia",
        "Workers in Russia, base year",
        "North Korean workers in Russia at the start of the base year.",
        "workers",
        (30_000.0, 24_000.0, 37_000.0),
        (0.0, 100_000.0, 500.0),
        &[
            "reuters-2020-01",
            "voa-2020-02",
            "russia-midterm-2019",
            "russia-permits-2015-2018",
        ],
        Slot::BaseWorkers(1),
    ),
    assumption(
        "baseWorkers.other",
        "Workers in other hosts, base year",
        "North Korean workers everywhere else (Gulf, Africa, Southeast Asia, Europe, Mongolia) at the start of the base year: the residual of about 100,000.",
        "workers",
        (20_000.0, 10_000.0, 30_000.0),
        (0.0, 100_000.0, 500.0),
        &["reuters-2020-01", "other-hosts-2016-2019"],
        Slot::BaseWorkers(2),
    ),
    assumption(
        "wage.china",
        "Wage in China",
        "Gross wage paid for a North Korean worker in China.",
        "USD per month",
        (400.0, 300.0, 500.0),
        (0.0, 3_000.0, 10.0),
        &["wages-2017-2021"],
        Slot::Wage(0),
    ),
    assumption(
        "wage.russia",
        "Wage in Russia",
        "Gross wage paid for a North Korean worker in Russia (about 40% under a Russian average of a little over $600).",
        "USD per month",
        (360.0, 300.0, 500.0),
        (0.0, 3_000.0, 10.0),
        &["voa-2020-02", "wages-2017-2021"],
        Slot::Wage(1),
    ),
    assumption(
        "wage.other",
        "Wage in other hosts",
        "Gross wage paid for a North Korean worker in other hosts.",
        "USD per month",
        (500.0, 300.0, 1_000.0),
        (0.0, 3_000.0, 10.0),
        &["wages-2017-2021"],
        Slot::Wage(2),
    ),
    assumption(
        "monthsWorked",
        "Months worked a year",
        "Months a year a worker is paid; forestry work is seasonal.",
        "months per year",
        (11.0, 9.0, 12.0),
        (1.0, 12.0, 0.5),
        &["wages-2017-2021"],
        Slot::MonthsWorked,
    ),
    assumption(
        "stateTakeShare",
        "State's share of wages",
        "Share of each wage the North Korean state takes.",
        SHARE,
        (0.75, 0.60, 0.90),
        (0.0, 1.0, 0.01),
        &["state-take-2017-2024"],
        Slot::StateTakeShare,
    ),
    assumption(
        "rotationRate",
        "Rotation home",
        "Share of workers who go home each year at the end of their contracts (three-year contracts).",
        "share per year (0 to 1)",
        (0.333, 0.2, 0.5),
        (0.0, 1.0, 0.001),
        &["unsc-2017"],
        Slot::RotationRate,
    ),
    assumption(
        "loopholeShare.china",
        "Loophole refills, China",
        "Share of refused vacancies in China that the regime fills through tourist, student or other non-work visas. A judgment; no series is public.",
        SHARE,
        (0.2, 0.0, 0.6),
        (0.0, 1.0, 0.01),
        &["china-after-2019"],
        Slot::LoopholeShare(0),
    ),
    assumption(
        "loopholeShare.russia",
        "Loophole refills, Russia",
        "Share of refused vacancies in Russia filled through non-work visas: about 22,000 more tourist and student visas in 2019 than in 2018, about half of them workers.",
        SHARE,
        (0.4, 0.15, 0.7),
        (0.0, 1.0, 0.01),
        &["mvd-visas-2020", "mediazona-2024", "voa-2020-02"],
        Slot::LoopholeShare(1),
    ),
    assumption(
        "loopholeShare.other",
        "Loophole refills, other hosts",
        "Share of refused vacancies in other hosts filled through non-work visas. A judgment.",
        SHARE,
        (0.1, 0.0, 0.4),
        (0.0, 1.0, 0.01),
        &["other-hosts-2016-2019"],
        Slot::LoopholeShare(2),
    ),
    assumption(
        "clarificationAdoption.china",
        "China applies the visa clarification",
        "How far China applies a clarification that North Koreans may not work on any visa. A judgment.",
        SHARE,
        (0.5, 0.1, 0.9),
        (0.0, 1.0, 0.01),
        &["china-after-2019"],
        Slot::ClarificationAdoption(0),
    ),
    assumption(
        "clarificationAdoption.russia",
        "Russia applies the visa clarification",
        "How far Russia applies such a clarification; Russia has openly opposed the sanctions. A judgment.",
        SHARE,
        (0.3, 0.0, 0.8),
        (0.0, 1.0, 0.01),
        &["voa-2020-02"],
        Slot::ClarificationAdoption(1),
    ),
    assumption(
        "clarificationAdoption.other",
        "Other hosts apply the visa clarification",
        "How far other hosts apply such a clarification; most reported near-complete repatriation.",
        SHARE,
        (0.8, 0.5, 1.0),
        (0.0, 1.0, 0.01),
        &["interim-reports-2019", "other-hosts-2016-2019"],
        Slot::ClarificationAdoption(2),
    ),
    assumption(
        "designationCooperation.china",
        "China acts on designations",
        "Share of designated networks in China that actually stop employing North Koreans. A judgment.",
        SHARE,
        (0.3, 0.0, 0.7),
        (0.0, 1.0, 0.01),
        &["treasury-designations-2018-2020"],
        Slot::DesignationCooperation(0),
    ),
    assumption(
        "designationCooperation.russia",
        "Russia acts on designations",
        "Share of designated networks in Russia that actually stop employing North Koreans. A judgment.",
        SHARE,
        (0.1, 0.0, 0.5),
        (0.0, 1.0, 0.01),
        &["treasury-designations-2018-2020"],
        Slot::DesignationCooperation(1),
    ),
    assumption(
        "designationCooperation.other",
        "Other hosts act on designations",
        "Share of designated networks in other hosts that actually stop employing North Koreans. A judgment.",
        SHARE,
        (0.7, 0.3, 1.0),
        (0.0, 1.0, 0.01),
        &["treasury-designations-2018-2020"],
        Slot::DesignationCooperation(2),
    ),
    assumption(
        "workersPerDesignation",
        "Workers per designated entity",
        "North Korean workers employed through the network of one designated entity. A judgment; no published estimate of designations' effect exists.",
        "workers",
        (500.0, 100.0, 2_000.0),
        (0.0, 10_000.0, 50.0),
        &["treasury-designations-2018-2020"],
        Slot::WorkersPerDesignation,
    ),
    assumption(
        "estimateRevenueUsd",
        "Published revenue estimate",
        "Published estimate of the state's annual revenue from workers abroad, used when anchoring. The US figure is \"more than $500M\", so the range runs above it, to what 100,000 workers would pay at the earlier construction quota of $7,200 a year.",
        "USD per year",
        (500e6, 200e6, 720e6),
        (0.0, 3e9, 10e6),
        &[
            "reuters-2020-01",
            "unpoe-2024",
            "revenue-estimates-2012-2017",
            "quotas-2020",
        ],
        Slot::EstimateRevenueUsd,
    ),
    // Settings.
    Parameter {
        id: "anchorToEstimate",
        label: "Anchor to the published estimate",
        description: "1: scale revenue per worker so the base year matches the published estimate; 0: use wages as reported.",
        kind: Kind::Setting,
        unit: "0 or 1",
        min: 0.0,
        max: 1.0,
        step: 1.0,
        default: 1.0,
        low: None,
        high: None,
        integer: true,
        sources: &["reuters-2020-01"],
        slot: Slot::AnchorToEstimate,
    },
    Parameter {
        id: "baseYear",
        label: "Base year",
        description: "First year of the projection; workers start at their base-year numbers.",
        kind: Kind::Setting,
        unit: "year",
        min: 2015.0,
        max: 2030.0,
        step: 1.0,
        default: 2017.0,
        low: None,
        high: None,
        integer: true,
        sources: &["unsc-2017"],
        slot: Slot::BaseYear,
    },
    Parameter {
        id: "endYear",
        label: "End year",
        description: "Last year of the projection: from the base year to 40 years after it.",
        kind: Kind::Setting,
        unit: "year",
        min: 2015.0,
        max: 2070.0,
        step: 1.0,
        default: 2030.0,
        low: None,
        high: None,
        integer: true,
        sources: &[],
        slot: Slot::EndYear,
    },
];

/// Longest projection: `endYear - baseYear` may be at most this.
pub const MAX_HORIZON_YEARS: f64 = 40.0;

/// The parameter with this id.
pub fn parameter(id: &str) -> Option<&'static Parameter> {
    PARAMETERS.iter().find(|p| p.id == id)
}

/// The parameter stored in this slot.
pub fn parameter_for(slot: Slot) -> &'static Parameter {
    // Every slot has a row: `every_slot_has_one_row` checks it.
    PARAMETERS
        .iter()
        .find(|p| p.slot == slot)
        .unwrap_or(&PARAMETERS[0])
}

/// The levers, in display order.
pub fn levers() -> impl Iterator<Item = &'static Parameter> {
    PARAMETERS.iter().filter(|p| p.kind == Kind::Lever)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::source;

    #[test]
    fn ids_are_unique_and_hosts_match_their_ids() {
        for (i, p) in PARAMETERS.iter().enumerate() {
            assert!(
                PARAMETERS[i + 1..].iter().all(|q| q.id != p.id),
                "duplicate {}",
                p.id
            );
            if let Some(h) = p.host() {
                assert!(
                    p.id.ends_with(&[".", h.id].concat()),
                    "{} has host {}",
                    p.id,
                    h.id
                );
            } else {
                assert!(!p.id.contains('.'), "{} names a host but has none", p.id);
            }
        }
    }

    #[test]
    fn defaults_and_ranges_are_consistent() {
        for p in PARAMETERS {
            assert!(p.min <= p.default && p.default <= p.max, "{}", p.id);
            assert!(p.step > 0.0, "{}", p.id);
            if let (Some(lo), Some(hi)) = (p.low, p.high) {
                assert!(
                    p.min <= lo && lo <= p.default && p.default <= hi && hi <= p.max,
                    "{}",
                    p.id
                );
            }
            assert_eq!(p.kind == Kind::Assumption, p.is_uncertain(), "{}", p.id);
            if p.kind == Kind::Lever {
                assert_eq!(p.default, 0.0, "levers default to no enforcement: {}", p.id);
            }
        }
    }

    #[test]
    fn every_cited_source_exists() {
        for p in PARAMETERS {
            for s in p.sources {
                assert!(source(s).is_some(), "{} cites unknown source {s}", p.id);
            }
        }
    }

    #[test]
    fn every_host_has_its_seven_parameters() {
        for (h, host) in HOSTS.iter().enumerate() {
            let n = PARAMETERS
                .iter()
                .filter(|p| p.slot.host() == Some(h))
                .count();
            assert_eq!(n, 7, "host {}", host.id);
        }
    }

    #[test]
    fn every_slot_has_one_row() {
        for p in PARAMETERS {
            assert_eq!(
                PARAMETERS.iter().filter(|q| q.slot == p.slot).count(),
                1,
                "{}",
                p.id
            );
            assert_eq!(parameter_for(p.slot).id, p.id);
        }
        assert_eq!(PARAMETERS.len(), 7 * HOST_COUNT + 10);
    }

    #[test]
    fn model_md_defaults() {
        let d = |id| parameter(id).unwrap().default;
        assert_eq!(
            d("baseWorkers.china") + d("baseWorkers.russia") + d("baseWorkers.other"),
            100_000.0
        );
        assert_eq!(d("estimateRevenueUsd"), 500e6);
        assert_eq!(d("baseYear"), 2017.0);
        assert_eq!(d("endYear"), 2030.0);
        assert!(parameter("nope").is_none());
    }
}
