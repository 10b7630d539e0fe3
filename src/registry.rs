//! The parameter registry: hosts, levers, assumptions and settings as data.
//!
//! Ids, ranges and meanings follow the project's model design, restated in
//! `docs/methodology.md`. A scenario is a table indexed by this registry ([`crate::Scenario`]),
//! and the model reads it by [`Quantity`] and host. Adding a host is one row in [`HOSTS`] plus
//! its per-host rows in [`PARAMETERS`]; adding a parameter is one [`Quantity`], its rows and
//! its equation. The JavaScript API, the page and the methodology read these same tables.
//!
//! Some parameters have a *record path*: the default is not one number but the values the
//! public record gives year by year (North Korea's border closure, Russia's recruitment from
//! 2024), each step citing a source. Before a path's first step the parameter's constant
//! `default` holds; that constant is also its value in model 1 (version 1.x), which held every
//! value fixed over the horizon.

use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};

/// A country (or group of countries) that hosts North Korean workers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Host {
    /// Stable id used in parameter ids (`permitBan.<id>`).
    pub id: &'static str,
    /// Display label.
    pub label: &'static str,
    /// The host's name inside a sentence ("workers in other hosts").
    pub phrase: &'static str,
}

/// Hosts, in display order.
pub const HOSTS: [Host; 3] = [
    Host {
        id: "china",
        label: "China",
        phrase: "China",
    },
    Host {
        id: "russia",
        label: "Russia",
        phrase: "Russia",
    },
    Host {
        id: "other",
        label: "Other hosts",
        phrase: "other hosts",
    },
];

/// Number of hosts; per-host quantities are arrays of this length.
pub const HOST_COUNT: usize = HOSTS.len();

/// The index in [`HOSTS`] of the host with this id.
pub fn host_index(id: &str) -> Option<usize> {
    HOSTS.iter().position(|h| h.id == id)
}

/// What a parameter is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Kind {
    /// A policy choice; higher means stronger enforcement.
    Lever,
    /// An uncertain fact with a low-high range; sampled in the uncertainty analysis.
    Assumption,
    /// A modelling choice (years, anchoring, the border); never sampled.
    Setting,
}

/// The unit of a parameter's value. The page formats values by unit id, not by label.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Unit {
    /// A share from 0 to 1.
    Share,
    /// A share from 0 to 1 per year.
    SharePerYear,
    /// Entities designated per year.
    EntitiesPerYear,
    /// A number of workers.
    Workers,
    /// US dollars per month.
    UsdPerMonth,
    /// US dollars per year.
    UsdPerYear,
    /// Months per year.
    MonthsPerYear,
    /// A multiple of the host's base-year stock.
    Multiple,
    /// A calendar year.
    Year,
    /// 0 (off) or 1 (on).
    Switch,
}

impl Unit {
    /// Every unit, for the JavaScript API.
    pub const ALL: [Unit; 10] = [
        Unit::Share,
        Unit::SharePerYear,
        Unit::EntitiesPerYear,
        Unit::Workers,
        Unit::UsdPerMonth,
        Unit::UsdPerYear,
        Unit::MonthsPerYear,
        Unit::Multiple,
        Unit::Year,
        Unit::Switch,
    ];

    /// Words for the unit, for labels and tables.
    pub const fn label(self) -> &'static str {
        match self {
            Unit::Share => "share (0 to 1)",
            Unit::SharePerYear => "share per year (0 to 1)",
            Unit::EntitiesPerYear => "entities per year",
            Unit::Workers => "workers",
            Unit::UsdPerMonth => "USD per month",
            Unit::UsdPerYear => "USD per year",
            Unit::MonthsPerYear => "months per year",
            Unit::Multiple => "multiple of the base-year stock",
            Unit::Year => "year",
            Unit::Switch => "0 or 1",
        }
    }
}

/// What a number in the model stands for. Per-host quantities have one row per host in
/// [`PARAMETERS`]; the model reads values by quantity and host.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Quantity {
    PermitBan,
    Repatriation,
    VisaEnforcement,
    VisaClarification,
    DesignationsPerYear,
    BaseWorkers,
    Wage,
    MonthsWorked,
    StateTakeShare,
    RotationRate,
    LoopholeShare,
    ClarificationAdoption,
    DesignationCooperation,
    Demand,
    WorkersPerDesignation,
    EstimateRevenueUsd,
    AnchorToEstimate,
    BaseYear,
    EndYear,
    BorderOpen,
}

impl Quantity {
    /// For a lever: which workers it reaches, in one line; empty for other quantities.
    pub const fn reaches(self) -> &'static str {
        match self {
            Quantity::PermitBan => {
                "Reaches new workers on work permits; the vacancies it refuses may be refilled on non-work visas."
            }
            Quantity::Repatriation => {
                "Reaches workers on work permits, and those on non-work visas as far as the host treats them as workers."
            }
            Quantity::VisaEnforcement => {
                "Reaches workers on tourist, student and other non-work visas, through this host's repatriation, permit refusals and designations."
            }
            Quantity::DesignationCooperation => {
                "Reaches the workers of the networks designated each year, in this host."
            }
            Quantity::VisaClarification => {
                "Reaches workers on non-work visas in every host, as far as each adopts the clarification."
            }
            Quantity::DesignationsPerYear => {
                "Reaches the workers of designated networks, in the hosts that act on designations."
            }
            _ => "",
        }
    }
}

/// Number of [`Quantity`] variants.
const QUANTITY_COUNT: usize = Quantity::BorderOpen as usize + 1;

/// One step of a record path: the value from `year` on, the plausible range around it
/// (assumptions only) and the source behind it.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Step {
    /// First year the value holds.
    pub year: i32,
    /// The value.
    pub value: f64,
    /// Low end of the plausible range in these years (assumptions only).
    pub low: Option<f64>,
    /// High end of the plausible range in these years (assumptions only).
    pub high: Option<f64>,
    /// Id of the [`crate::SOURCES`] row behind the step.
    pub source: &'static str,
    /// Why this value, in one line.
    pub note: &'static str,
}

/// A step with no range (levers and settings).
pub const fn step(year: i32, value: f64, source: &'static str, note: &'static str) -> Step {
    Step {
        year,
        value,
        low: None,
        high: None,
        source,
        note,
    }
}

/// A step of an assumption, with its plausible range.
pub const fn ranged(
    year: i32,
    (value, low, high): (f64, f64, f64),
    source: &'static str,
    note: &'static str,
) -> Step {
    Step {
        year,
        value,
        low: Some(low),
        high: Some(high),
        source,
        note,
    }
}

/// One lever, assumption or setting.
#[derive(Clone, Copy, Debug)]
pub struct Parameter {
    /// Stable id (`repatriation.russia`).
    pub id: &'static str,
    /// Short display label.
    pub label: &'static str,
    /// One or two sentences on what it means.
    pub description: &'static str,
    /// Lever, assumption or setting.
    pub kind: Kind,
    /// What the number stands for in the model.
    pub quantity: Quantity,
    /// Index in [`HOSTS`] of the host it belongs to, if any.
    pub host: Option<usize>,
    /// Unit of the value.
    pub unit: Unit,
    /// Smallest accepted value.
    pub min: f64,
    /// Largest accepted value.
    pub max: f64,
    /// Slider step.
    pub step: f64,
    /// The constant default: the value before the first step of `path`, and the value in
    /// model 1, which had no paths.
    pub default: f64,
    /// Low end of the plausible range of a value the reader sets (assumptions only).
    pub low: Option<f64>,
    /// High end of that range.
    pub high: Option<f64>,
    /// Whether only whole numbers are accepted.
    pub integer: bool,
    /// Whether the value may change by year (a schedule of `[year, value]` steps).
    pub scheduled: bool,
    /// The default's steps from the public record, oldest first; empty for a constant default.
    pub path: &'static [Step],
    /// Ids of [`crate::SOURCES`] rows behind the default and range.
    pub sources: &'static [&'static str],
}

impl Parameter {
    /// The host this parameter belongs to, if any.
    pub fn host(&self) -> Option<&'static Host> {
        self.host.and_then(|h| HOSTS.get(h))
    }

    /// The default value in `year`: the record path's step in force, else the constant.
    pub fn default_at(&self, year: i32) -> f64 {
        self.path_step_at(year).map_or(self.default, |s| s.value)
    }

    /// The record path's step in force in `year`, if any.
    pub fn path_step_at(&self, year: i32) -> Option<&'static Step> {
        self.path.iter().rev().find(|s| s.year <= year)
    }
}

impl Serialize for Parameter {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Parameter", 19)?;
        st.serialize_field("id", self.id)?;
        st.serialize_field("label", self.label)?;
        st.serialize_field("description", self.description)?;
        st.serialize_field("kind", &self.kind)?;
        st.serialize_field("host", &self.host().map(|h| h.id))?;
        st.serialize_field("unit", &self.unit)?;
        st.serialize_field("unitLabel", self.unit.label())?;
        st.serialize_field("min", &self.min)?;
        st.serialize_field("max", &self.max)?;
        st.serialize_field("step", &self.step)?;
        st.serialize_field("default", &self.default)?;
        st.serialize_field("low", &self.low)?;
        st.serialize_field("high", &self.high)?;
        st.serialize_field("integer", &self.integer)?;
        st.serialize_field("scheduled", &self.scheduled)?;
        st.serialize_field("path", self.path)?;
        st.serialize_field("sources", self.sources)?;
        st.serialize_field("reaches", self.quantity.reaches())?;
        st.end()
    }
}

/// A lever: 0 = no enforcement by default, and it may change by year.
#[allow(clippy::too_many_arguments)]
const fn lever(
    id: &'static str,
    label: &'static str,
    description: &'static str,
    quantity: Quantity,
    host: Option<usize>,
    (max, step): (f64, f64),
    unit: Unit,
    sources: &'static [&'static str],
) -> Parameter {
    Parameter {
        id,
        label,
        description,
        kind: Kind::Lever,
        quantity,
        host,
        unit,
        min: 0.0,
        max,
        step,
        default: 0.0,
        low: None,
        high: None,
        integer: false,
        scheduled: true,
        path: &[],
        sources,
    }
}

/// An assumption with its default, plausible range and accepted range; fixed over time.
#[allow(clippy::too_many_arguments)]
const fn assumption(
    id: &'static str,
    label: &'static str,
    description: &'static str,
    quantity: Quantity,
    host: Option<usize>,
    unit: Unit,
    (default, low, high): (f64, f64, f64),
    (min, max, step): (f64, f64, f64),
    sources: &'static [&'static str],
) -> Parameter {
    Parameter {
        id,
        label,
        description,
        kind: Kind::Assumption,
        quantity,
        host,
        unit,
        min,
        max,
        step,
        default,
        low: Some(low),
        high: Some(high),
        integer: false,
        scheduled: false,
        path: &[],
        sources,
    }
}

/// A share (0 to 1) that may change by year, with its record path: an assumption.
#[allow(clippy::too_many_arguments)]
const fn scheduled_assumption(
    id: &'static str,
    label: &'static str,
    description: &'static str,
    quantity: Quantity,
    host: usize,
    (default, low, high): (f64, f64, f64),
    path: &'static [Step],
    sources: &'static [&'static str],
) -> Parameter {
    Parameter {
        scheduled: true,
        path,
        ..assumption(
            id,
            label,
            description,
            quantity,
            Some(host),
            Unit::Share,
            (default, low, high),
            (0.0, 1.0, 0.01),
            sources,
        )
    }
}

/// A wage in USD per month that may change by year, with its record path. Its constant
/// default is the base year's figure of model 1 and 2.
const fn wage(
    id: &'static str,
    label: &'static str,
    description: &'static str,
    host: usize,
    (default, low, high): (f64, f64, f64),
    path: &'static [Step],
    sources: &'static [&'static str],
) -> Parameter {
    Parameter {
        scheduled: true,
        path,
        ..assumption(
            id,
            label,
            description,
            Quantity::Wage,
            Some(host),
            Unit::UsdPerMonth,
            (default, low, high),
            (0.0, 3_000.0, 10.0),
            sources,
        )
    }
}

/// The regime's target in one host, as a multiple of its base-year stock.
const fn demand(
    id: &'static str,
    label: &'static str,
    description: &'static str,
    host: usize,
    path: &'static [Step],
    sources: &'static [&'static str],
) -> Parameter {
    Parameter {
        id,
        label,
        description,
        kind: Kind::Assumption,
        quantity: Quantity::Demand,
        host: Some(host),
        unit: Unit::Multiple,
        min: 0.0,
        max: 3.0,
        step: 0.01,
        default: 1.0,
        // The target is the base stock by definition until the record says otherwise; only a
        // record step carries a range of its own.
        low: None,
        high: None,
        integer: false,
        scheduled: true,
        path,
        sources,
    }
}

/// A setting: a whole number, fixed over the horizon, never sampled.
const fn setting(
    id: &'static str,
    label: &'static str,
    description: &'static str,
    quantity: Quantity,
    unit: Unit,
    (default, min, max): (f64, f64, f64),
    sources: &'static [&'static str],
) -> Parameter {
    Parameter {
        id,
        label,
        description,
        kind: Kind::Setting,
        quantity,
        host: None,
        unit,
        min,
        max,
        step: 1.0,
        default,
        low: None,
        high: None,
        integer: true,
        scheduled: false,
        path: &[],
        sources,
    }
}

const CHINA: usize = 0;
const RUSSIA: usize = 1;
const OTHER: usize = 2;

/// North Korea's own border: closed from January 2020, reopened in stages from August 2023.
const BORDER_PATH: &[Step] = &[
    step(
        2020,
        0.0,
        "nknews-2023-10",
        "North Korea closed its border in January 2020: 69 North Koreans entered Russia in all of 2021, 44 in the first half of 2022.",
    ),
    step(
        2023,
        0.2,
        "rfa-2024-09",
        "Reopened to citizens abroad on 27 August 2023: over 3,000 workers brought home from China between the end of 2022 and the end of 2023, about a fifth of the usual rotation of 16,000 a year; entries into Russia were 1,117, against about 21,000 in 2019 (nknews-2024-02).",
    ),
    step(
        2024,
        1.0,
        "joongang-2025-02",
        "Open: 13,221 North Koreans entered Russia in 2024, and new workers went to China from August 2024 (rfa-2024-09).",
    ),
];

/// Russia's target from 2024: the plans of 40,000 workers, within 20,000-50,000.
const DEMAND_RUSSIA_PATH: &[Step] = &[ranged(
    2024,
    (1.333, 0.667, 1.667),
    "msmt-2025-10",
    "Up to 40,000 laborers planned for Russia (MSMT, October 2025); Russia's deputy prime minister put what Russia could employ at 20,000-50,000 (nknews-2023-10).",
)];

const LOOPHOLE_CHINA_PATH: &[Step] = &[
    ranged(
        2018,
        (1.0, 0.6, 1.0),
        "nikkei-2019-12",
        "China refused new work visas but granted trainee, intern, student and visitor visas in their place (dailynk-2019-10); 50,000-60,000 were still counted at the end of 2019 (china-after-2019): every vacancy refilled.",
    ),
    ranged(
        2024,
        (0.1, 0.0, 0.3),
        "kbs-2024-12",
        "China asked for the workers' return and refused North Korea's request for student or tourist visas; almost no replacements were seen.",
    ),
    ranged(
        2025,
        (0.3, 0.1, 0.6),
        "kbs-2025-06",
        "China accepted thousands again: about 3,000 entered Hunchun in January-March 2025 and 500 Dandong in May.",
    ),
];

const LOOPHOLE_RUSSIA_PATH: &[Step] = &[
    ranged(
        2017,
        (0.0, 0.0, 0.05),
        "mvd-visas-2020",
        "Tourist and student visas stayed at their usual level in 2018 (2,035 and 2,610): the regime did not yet use them for workers.",
    ),
    ranged(
        2019,
        (0.094, 0.047, 0.21),
        "rfa-2023-08",
        "Derived: 3,000-4,000 workers were stranded in Russia from 2020 to 2023, so about 2,700 of 2019's non-work visa entrants stayed; the visa surge allows 1,400-6,200 (mvd-visas-2020).",
    ),
    ranged(
        2024,
        (0.213, 0.2, 0.35),
        "msmt-2025-05",
        "Derived: visas sought for about 8,000 workers in 2024, as 7,887 North Koreans entered to study; all 13,221 entries at the high end (joongang-2025-02).",
    ),
    ranged(
        2025,
        (0.569, 0.45, 0.7),
        "wsj-2025-05",
        "Derived: nearly 15,000 workers sent from 2024 to April 2025 (South Korea's intelligence service), with military builders from September (moscowtimes-2025-11).",
    ),
];

const ADOPTION_RUSSIA_PATH: &[Step] = &[ranged(
    2024,
    (0.0, 0.0, 0.3),
    "unsc-2024-03",
    "After its veto ended the UN Panel and the 2024 treaty, Russia recruits on student visas openly and applies no clarification.",
)];

/// Russia's designation cooperation: a lever of the record (and its default), so a path of
/// the registry that the `record` preset also names.
pub(crate) const COOPERATION_RUSSIA_PATH: &[Step] = &[RUSSIA_STOPS_COOPERATING];

/// Russia's designation cooperation after the veto and the treaty.
pub(crate) const RUSSIA_STOPS_COOPERATING: Step = step(
    2024,
    0.0,
    "unsc-2024-03",
    "After the veto and the treaty, Russia does not act on US designations.",
);

/// China's target from 2019: the workers counted there once the border had closed.
const DEMAND_CHINA_PATH: &[Step] = &[ranged(
    2019,
    (1.6, 1.0, 2.0),
    "dailynk-2022-11",
    "China's epidemic checks counted about 80,000 North Korean workers in Dandong alone in November 2022, after nearly three years of a closed border; estimates run from 50,000 (Daily NK, 2021) and 60,000 in three northeastern provinces (NKDB, December 2019) to over 100,000 (RFA, 2023; china-after-2019).",
)];

/// What a worker in China is paid, USD a month, from the sources of each year.
const WAGE_CHINA_PATH: &[Step] = &[
    ranged(
        2021,
        (450.0, 360.0, 516.0),
        "dailynk-2021-wages",
        "Monthly wages in Liaoning rose to 3,200-3,300 yuan ($501-516) from 2,300-2,500 yuan ($360-390); not every worker had the rise.",
    ),
    ranged(
        2024,
        (350.0, 283.0, 425.0),
        "rfa-2024-09-wages",
        "Most workers in China are paid 2,000-3,000 yuan ($283-425) a month; Asahi (2024) reported 2,500 yuan, of which 600-700 reach the worker (state-take-2017-2024).",
    ),
    ranged(
        2025,
        (330.0, 300.0, 560.0),
        "kinu-2025-09",
        "About $300 a month in China against about $1,000 in Russia (KINU, September 2025); some factories raised pay to 4,000 yuan ($560). Held in 2026: no source for that year.",
    ),
];

/// What a worker in Russia is paid, USD a month, from the sources of each year.
const WAGE_RUSSIA_PATH: &[Step] = &[
    ranged(
        2017,
        (550.0, 360.0, 600.0),
        "asahi-2017-11",
        "About $600 a month in Russia, of which the worker keeps about $100 (South Korean government via Asahi, 2017); about $500 (Ambassador Matsegora, 2018: russia-permits-2015-2018). The $360 of 40% under the Russian average is the wage on paper (voa-2020-02).",
    ),
    ranged(
        2019,
        (750.0, 600.0, 1_000.0),
        "rfa-2019-08",
        "Workers handed over about $760 a month and were ordered to pay $100 more (August 2019); the yearly quota for construction rose from $7,200 to $10,000 (quotas-2020).",
    ),
    ranged(
        2022,
        (750.0, 400.0, 1_000.0),
        "rfa-2022-03",
        "The ruble fell from 84 to 106 a dollar in the week after 24 February 2022 and workers' earnings 'halved', while quotas stayed in dollars; the ruble recovered within months, so the year keeps its value with a lower low end.",
    ),
    ranged(
        2023,
        (750.0, 600.0, 1_000.0),
        "rfa-2022-03",
        "Held from 2019-2021 once the ruble had recovered; no wage was reported for 2023.",
    ),
    ranged(
        2024,
        (800.0, 600.0, 1_000.0),
        "thestar-2025-02",
        "A monthly stipend of about $800 (South Korea's intelligence service, October 2024).",
    ),
    ranged(
        2025,
        (1_000.0, 780.0, 1_100.0),
        "kinu-2025-09",
        "About $1,000 a month, three to four times China's (KINU, September 2025); workers keep $100-200 of it (bbc-2025-08); $2.50 an hour for 12-hour shifts at Alabuga, about $780 (interfax-ukraine-2025-11). Held in 2026: no source for that year.",
    ),
];

/// All parameters: levers, then assumptions, then settings.
pub const PARAMETERS: &[Parameter] = &[
    // Levers.
    lever(
        "permitBan.china",
        "China refuses new work permits",
        "Share of new work authorizations for North Koreans that China refuses (res. 2375 para 17).",
        Quantity::PermitBan,
        Some(CHINA),
        (1.0, 0.01),
        Unit::Share,
        &["unsc-2017"],
    ),
    lever(
        "permitBan.russia",
        "Russia refuses new work permits",
        "Share of new work authorizations for North Koreans that Russia refuses (res. 2375 para 17).",
        Quantity::PermitBan,
        Some(RUSSIA),
        (1.0, 0.01),
        Unit::Share,
        &["unsc-2017"],
    ),
    lever(
        "permitBan.other",
        "Other hosts refuse new work permits",
        "Share of new work authorizations for North Koreans that other hosts refuse (res. 2375 para 17).",
        Quantity::PermitBan,
        Some(OTHER),
        (1.0, 0.01),
        Unit::Share,
        &["unsc-2017"],
    ),
    lever(
        "repatriation.china",
        "China sends workers home",
        "Share of North Korean workers still in China that it sends home each year (res. 2397 para 8).",
        Quantity::Repatriation,
        Some(CHINA),
        (1.0, 0.01),
        Unit::SharePerYear,
        &["unsc-2017"],
    ),
    lever(
        "repatriation.russia",
        "Russia sends workers home",
        "Share of North Korean workers still in Russia that it sends home each year (res. 2397 para 8).",
        Quantity::Repatriation,
        Some(RUSSIA),
        (1.0, 0.01),
        Unit::SharePerYear,
        &["unsc-2017"],
    ),
    lever(
        "repatriation.other",
        "Other hosts send workers home",
        "Share of North Korean workers still in other hosts that they send home each year (res. 2397 para 8).",
        Quantity::Repatriation,
        Some(OTHER),
        (1.0, 0.01),
        Unit::SharePerYear,
        &["unsc-2017"],
    ),
    lever(
        "visaEnforcement.china",
        "China treats non-work visas as work",
        "How far China, by its own choice, treats North Koreans on tourist, student and other non-work visas as workers: it refuses them work, and its repatriation and designations reach them (res. 2397 para 8 covers every visa type). 1 = fully.",
        Quantity::VisaEnforcement,
        Some(CHINA),
        (1.0, 0.01),
        Unit::Share,
        &["unsc-2017", "mvd-visas-2020"],
    ),
    lever(
        "visaEnforcement.russia",
        "Russia treats non-work visas as work",
        "How far Russia, by its own choice, treats North Koreans on tourist, student and other non-work visas as workers: it refuses them work, and its repatriation and designations reach them (res. 2397 para 8 covers every visa type). 1 = fully.",
        Quantity::VisaEnforcement,
        Some(RUSSIA),
        (1.0, 0.01),
        Unit::Share,
        &["unsc-2017", "mvd-visas-2020"],
    ),
    lever(
        "visaEnforcement.other",
        "Other hosts treat non-work visas as work",
        "How far other hosts, by their own choice, treats North Koreans on tourist, student and other non-work visas as workers: it refuses them work, and its repatriation and designations reach them (res. 2397 para 8 covers every visa type). 1 = fully.",
        Quantity::VisaEnforcement,
        Some(OTHER),
        (1.0, 0.01),
        Unit::Share,
        &["unsc-2017", "mvd-visas-2020"],
    ),
    Parameter {
        default: 0.3,
        path: &[],
        ..lever(
            "designationCooperation.china",
            "China acts on designations",
            "Share of designated networks in China that actually stop employing North Koreans: the host's choice to freeze, close or expel. Its default before the record's steps is model 1's judgment.",
            Quantity::DesignationCooperation,
            Some(CHINA),
            (1.0, 0.01),
            Unit::Share,
            &["treasury-designations-2018-2020"],
        )
    },
    Parameter {
        default: 0.1,
        path: COOPERATION_RUSSIA_PATH,
        ..lever(
            "designationCooperation.russia",
            "Russia acts on designations",
            "Share of designated networks in Russia that actually stop employing North Koreans: the host's choice to freeze, close or expel. Its default before the record's steps is model 1's judgment.",
            Quantity::DesignationCooperation,
            Some(RUSSIA),
            (1.0, 0.01),
            Unit::Share,
            &["treasury-designations-2018-2020", "unsc-2024-03"],
        )
    },
    Parameter {
        default: 0.7,
        path: &[],
        ..lever(
            "designationCooperation.other",
            "Other hosts act on designations",
            "Share of designated networks in other hosts that actually stop employing North Koreans: their choice to freeze, close or expel. Its default before the record's steps is model 1's judgment.",
            Quantity::DesignationCooperation,
            Some(OTHER),
            (1.0, 0.01),
            Unit::Share,
            &["treasury-designations-2018-2020"],
        )
    },
    lever(
        "visaClarification",
        "No work on any visa type",
        "How firmly it is established internationally that North Koreans may not work on any visa type, tourist and student visas included; 1 = clarified and enforced. Each host applies it as far as its clarification adoption allows; a host's own visa enforcement reaches the same workers by its own choice.",
        Quantity::VisaClarification,
        None,
        (1.0, 0.01),
        Unit::Share,
        &["voa-2020-02", "mvd-visas-2020"],
    ),
    lever(
        "designationsPerYear",
        "Employers designated per year",
        "Entities (employers, brokers, trading companies) designated each year by the US and its partners.",
        Quantity::DesignationsPerYear,
        None,
        (50.0, 1.0),
        Unit::EntitiesPerYear,
        &[
            "treasury-designations-2018-2020",
            "treasury-designations-2023-2026",
            "voa-2020-02",
        ],
    ),
    // Assumptions.
    assumption(
        "baseWorkers.china",
        "Workers in China, base year",
        "North Korean workers in China at the start of the base year.",
        Quantity::BaseWorkers,
        Some(CHINA),
        Unit::Workers,
        (50_000.0, 30_000.0, 94_000.0),
        (0.0, 150_000.0, 1_000.0),
        &[
            "reuters-2020-01",
            "voa-2020-02",
            "china-entries-2012-2015",
            "china-after-2019",
        ],
    ),
    assumption(
        "baseWorkers.russia",
        "Workers in Russia, base year",
        "North Korean workers in Russia at the start of the base year.",
        Quantity::BaseWorkers,
        Some(RUSSIA),
        Unit::Workers,
        (30_000.0, 24_000.0, 37_000.0),
        (0.0, 100_000.0, 500.0),
        &[
            "reuters-2020-01",
            "voa-2020-02",
            "russia-midterm-2019",
            "russia-permits-2015-2018",
        ],
    ),
    assumption(
        "baseWorkers.other",
        "Workers in other hosts, base year",
        "North Korean workers everywhere else (Gulf, Africa, Southeast Asia, Europe, Mongolia) at the start of the base year: the residual of about 100,000.",
        Quantity::BaseWorkers,
        Some(OTHER),
        Unit::Workers,
        (20_000.0, 10_000.0, 30_000.0),
        (0.0, 100_000.0, 500.0),
        &["reuters-2020-01", "other-hosts-2016-2019"],
    ),
    wage(
        "wage.china",
        "Wage in China",
        "Gross wage paid for a North Korean worker in China, USD a month, by year from the sources.",
        CHINA,
        (400.0, 300.0, 500.0),
        WAGE_CHINA_PATH,
        &[
            "wages-2017-2021",
            "dailynk-2021-wages",
            "rfa-2024-09-wages",
            "kinu-2025-09",
        ],
    ),
    wage(
        "wage.russia",
        "Wage in Russia",
        "Gross wage paid for a North Korean worker in Russia, USD a month, by year from the sources: about $550 in 2017, quotas raised in 2019, a stipend of about $800 in 2024 and about $1,000 in 2025.",
        RUSSIA,
        (360.0, 300.0, 500.0),
        WAGE_RUSSIA_PATH,
        &[
            "voa-2020-02",
            "asahi-2017-11",
            "rfa-2019-08",
            "quotas-2020",
            "rfa-2022-03",
            "thestar-2025-02",
            "kinu-2025-09",
            "bbc-2025-08",
        ],
    ),
    wage(
        "wage.other",
        "Wage in other hosts",
        "Gross wage paid for a North Korean worker in other hosts, USD a month; no source after 2017, so held.",
        OTHER,
        (500.0, 300.0, 1_000.0),
        &[],
        &["wages-2017-2021"],
    ),
    assumption(
        "monthsWorked",
        "Months worked a year",
        "Months a year a worker is paid; forestry work is seasonal.",
        Quantity::MonthsWorked,
        None,
        Unit::MonthsPerYear,
        (11.0, 9.0, 12.0),
        (1.0, 12.0, 0.5),
        &["wages-2017-2021"],
    ),
    assumption(
        "stateTakeShare",
        "State's share of wages",
        "Share of each wage the North Korean state takes.",
        Quantity::StateTakeShare,
        None,
        Unit::Share,
        (0.75, 0.60, 0.90),
        (0.0, 1.0, 0.01),
        &["state-take-2017-2024"],
    ),
    assumption(
        "rotationRate",
        "Rotation home",
        "Share of workers who go home each year at the end of their contracts (three-year contracts).",
        Quantity::RotationRate,
        None,
        Unit::SharePerYear,
        (0.333, 0.2, 0.5),
        (0.0, 1.0, 0.001),
        &["unsc-2017"],
    ),
    scheduled_assumption(
        "loopholeShare.china",
        "Loophole refills, China",
        "Share of refused vacancies in China that the regime fills through trainee, student, visitor or other non-work visas.",
        Quantity::LoopholeShare,
        CHINA,
        (0.2, 0.0, 0.6),
        LOOPHOLE_CHINA_PATH,
        &[
            "china-after-2019",
            "nikkei-2019-12",
            "dailynk-2019-10",
            "kbs-2024-12",
            "kbs-2025-06",
        ],
    ),
    scheduled_assumption(
        "loopholeShare.russia",
        "Loophole refills, Russia",
        "Share of refused vacancies in Russia filled through non-work visas: about 22,000 more tourist and student visas in 2019 than in 2018, about half of them workers.",
        Quantity::LoopholeShare,
        RUSSIA,
        (0.4, 0.15, 0.7),
        LOOPHOLE_RUSSIA_PATH,
        &[
            "mvd-visas-2020",
            "mediazona-2024",
            "voa-2020-02",
            "rfa-2023-08",
            "msmt-2025-05",
            "wsj-2025-05",
        ],
    ),
    scheduled_assumption(
        "loopholeShare.other",
        "Loophole refills, other hosts",
        "Share of refused vacancies in other hosts filled through non-work visas. A judgment.",
        Quantity::LoopholeShare,
        OTHER,
        (0.1, 0.0, 0.4),
        &[],
        &["other-hosts-2016-2019"],
    ),
    scheduled_assumption(
        "clarificationAdoption.china",
        "China applies the visa clarification",
        "How far China applies a clarification that North Koreans may not work on any visa. A judgment.",
        Quantity::ClarificationAdoption,
        CHINA,
        (0.5, 0.1, 0.9),
        &[],
        &["china-after-2019"],
    ),
    scheduled_assumption(
        "clarificationAdoption.russia",
        "Russia applies the visa clarification",
        "How far Russia applies such a clarification; Russia has openly opposed the sanctions. A judgment.",
        Quantity::ClarificationAdoption,
        RUSSIA,
        (0.3, 0.0, 0.8),
        ADOPTION_RUSSIA_PATH,
        &["voa-2020-02", "unsc-2024-03"],
    ),
    scheduled_assumption(
        "clarificationAdoption.other",
        "Other hosts apply the visa clarification",
        "How far other hosts apply such a clarification; most reported near-complete repatriation.",
        Quantity::ClarificationAdoption,
        OTHER,
        (0.8, 0.5, 1.0),
        &[],
        &["interim-reports-2019", "other-hosts-2016-2019"],
    ),
    demand(
        "demand.china",
        "Regime's target in China",
        "Workers the regime aims to keep in China in a year, as a multiple of its base-year stock: from 2019, the about 80,000 counted in Dandong alone in 2022.",
        CHINA,
        DEMAND_CHINA_PATH,
        &["reuters-2020-01", "china-after-2019", "dailynk-2022-11"],
    ),
    demand(
        "demand.russia",
        "Regime's target in Russia",
        "Workers the regime aims to keep in Russia in a year, as a multiple of its base-year stock: from 2024, the plans of about 40,000.",
        RUSSIA,
        DEMAND_RUSSIA_PATH,
        &["msmt-2025-10", "nknews-2023-10"],
    ),
    demand(
        "demand.other",
        "Regime's target in other hosts",
        "Workers the regime aims to keep in other hosts in a year, as a multiple of their base-year stock.",
        OTHER,
        &[],
        &["reuters-2020-01"],
    ),
    assumption(
        "workersPerDesignation",
        "Workers per designated entity",
        "North Korean workers employed through the network of one designated entity. A judgment; no published estimate of designations' effect exists.",
        Quantity::WorkersPerDesignation,
        None,
        Unit::Workers,
        (500.0, 100.0, 2_000.0),
        (0.0, 10_000.0, 50.0),
        &["treasury-designations-2018-2020"],
    ),
    assumption(
        "estimateRevenueUsd",
        "Published revenue estimate",
        "Published estimate of the state's annual revenue from workers abroad, used when anchoring. The US figure is \"more than $500M\", so the range runs above it, to what 100,000 workers would pay at the earlier construction quota of $7,200 a year.",
        Quantity::EstimateRevenueUsd,
        None,
        Unit::UsdPerYear,
        (500e6, 200e6, 720e6),
        (0.0, 3e9, 10e6),
        &[
            "reuters-2020-01",
            "unpoe-2024",
            "revenue-estimates-2012-2017",
            "quotas-2020",
        ],
    ),
    // Settings.
    setting(
        "anchorToEstimate",
        "Anchor to the published estimate",
        "1: scale revenue per worker so the base year matches the published estimate; 0: use wages as reported.",
        Quantity::AnchorToEstimate,
        Unit::Switch,
        (1.0, 0.0, 1.0),
        &["reuters-2020-01"],
    ),
    setting(
        "baseYear",
        "Base year",
        "First year of the projection; workers start at their base-year numbers.",
        Quantity::BaseYear,
        Unit::Year,
        (2017.0, 2015.0, 2030.0),
        &["unsc-2017"],
    ),
    setting(
        "endYear",
        "End year",
        "Last year of the projection: from the base year to 40 years after it.",
        Quantity::EndYear,
        Unit::Year,
        (2030.0, 2015.0, 2070.0),
        &[],
    ),
    Parameter {
        id: "borderOpen",
        label: "North Korea's border open",
        description: "Share of the usual movement across North Korea's own border in a year: 1 open, 0 closed. Every departure and every refill scales with it; revenue is earned on the workers present either way.",
        kind: Kind::Setting,
        quantity: Quantity::BorderOpen,
        host: None,
        unit: Unit::Share,
        min: 0.0,
        max: 1.0,
        step: 0.05,
        default: 1.0,
        low: None,
        high: None,
        integer: false,
        scheduled: true,
        path: BORDER_PATH,
        sources: &[
            "nknews-2023-10",
            "rfa-2024-09",
            "nknews-2024-02",
            "joongang-2025-02",
        ],
    },
];

/// Number of parameters: the width of a scenario's table.
pub const PARAMETER_COUNT: usize = PARAMETERS.len();

/// Row of each quantity for each host in [`PARAMETERS`] (global quantities repeat their row).
/// Computed when the crate is compiled: an index out of range here fails the build.
#[allow(clippy::indexing_slicing)]
const INDEX: [[usize; HOST_COUNT]; QUANTITY_COUNT] = {
    let mut index = [[usize::MAX; HOST_COUNT]; QUANTITY_COUNT];
    let mut i = 0;
    while i < PARAMETERS.len() {
        let p = &PARAMETERS[i];
        let q = p.quantity as usize;
        match p.host {
            Some(h) => index[q][h] = i,
            None => {
                let mut h = 0;
                while h < HOST_COUNT {
                    index[q][h] = i;
                    h += 1;
                }
            }
        }
        i += 1;
    }
    index
};

/// The row in [`PARAMETERS`] of `quantity` for host `h` (any `h` for a global quantity).
#[inline]
#[allow(clippy::indexing_slicing)] // Every quantity has a row per host (a test checks), h < HOST_COUNT.
pub const fn row(quantity: Quantity, h: usize) -> usize {
    INDEX[quantity as usize][h]
}

pub use crate::limits::MAX_HORIZON_YEARS;

/// The row of the parameter with this id.
pub fn index_of(id: &str) -> Option<usize> {
    PARAMETERS.iter().position(|p| p.id == id)
}

/// The parameter with this id.
pub fn parameter(id: &str) -> Option<&'static Parameter> {
    PARAMETERS.iter().find(|p| p.id == id)
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
            assert_eq!(p.low.is_some(), p.high.is_some(), "{}", p.id);
            if p.kind != Kind::Assumption {
                assert!(p.low.is_none(), "only assumptions have ranges: {}", p.id);
            }
            if p.kind == Kind::Lever {
                // Designation cooperation keeps model 1's judgment as its default (its record
                // path follows it); every other lever defaults to no enforcement.
                assert!(
                    p.default == 0.0 || p.quantity == Quantity::DesignationCooperation,
                    "levers default to no enforcement: {}",
                    p.id
                );
                assert!(p.scheduled, "every lever may change by year: {}", p.id);
            }
            if p.kind == Kind::Setting && p.id != "borderOpen" {
                assert!(
                    !p.scheduled && p.integer,
                    "settings are single whole numbers: {}",
                    p.id
                );
            }
        }
    }

    #[test]
    fn record_paths_are_sorted_in_range_and_sourced() {
        for p in PARAMETERS {
            assert!(p.path.is_empty() || p.scheduled, "{}", p.id);
            for (i, s) in p.path.iter().enumerate() {
                assert!(i == 0 || p.path[i - 1].year < s.year, "{} {}", p.id, s.year);
                assert!(p.min <= s.value && s.value <= p.max, "{} {}", p.id, s.year);
                assert!(
                    source(s.source).is_some(),
                    "{} {} cites {}",
                    p.id,
                    s.year,
                    s.source
                );
                assert!(!s.note.is_empty(), "{} {}", p.id, s.year);
                assert_eq!(
                    s.low.is_some(),
                    p.kind == Kind::Assumption,
                    "{} {}",
                    p.id,
                    s.year
                );
                if let (Some(lo), Some(hi)) = (s.low, s.high) {
                    assert!(lo <= s.value && s.value <= hi, "{} {}", p.id, s.year);
                }
            }
        }
        let border = parameter("borderOpen").unwrap();
        assert_eq!(
            [2019, 2020, 2022, 2023, 2024, 2030].map(|y| border.default_at(y)),
            [1.0, 0.0, 0.0, 0.2, 1.0, 1.0]
        );
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
    fn rows_follow_quantities_and_hosts() {
        for (i, p) in PARAMETERS.iter().enumerate() {
            let h = p.host.unwrap_or(0);
            assert_eq!(row(p.quantity, h), i, "{}", p.id);
        }
        // Every quantity of a host has a row, and per-host quantities cover every host.
        for h in 0..HOST_COUNT {
            for p in PARAMETERS.iter().filter(|p| p.host.is_some()) {
                let r = row(p.quantity, h);
                assert!(
                    r < PARAMETER_COUNT && PARAMETERS[r].host == Some(h),
                    "{}",
                    p.id
                );
            }
        }
    }

    #[test]
    fn model_md_defaults() {
        let d = |id: &str| parameter(id).unwrap().default;
        let base: f64 = HOSTS
            .iter()
            .map(|h| d(&["baseWorkers.", h.id].concat()))
            .sum();
        assert_eq!(base, 100_000.0);
        assert_eq!(d("estimateRevenueUsd"), 500e6);
        assert_eq!(d("baseYear"), 2017.0);
        assert_eq!(d("endYear"), 2030.0);
        assert!(parameter("nope").is_none());
    }
}
