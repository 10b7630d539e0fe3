//! Named scenarios (docs/methodology.md, "Presets").
//!
//! A preset sets every lever, and sometimes an assumption, to a number or to steps by year.
//! `record` rebuilds 2017-2026 from the public record, every step citing a source; the
//! presets that ask "what if, from 2027 on...?" are the record with steps added from that
//! year. Model 1's five presets (constant levers) stay in [`MODEL1_PRESETS`], so that links
//! made with model 1 keep their meaning.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use serde::Serialize;
use serde::ser::{SerializeMap, SerializeStruct, Serializer};

use crate::error::Num;
use crate::registry::{HOSTS, Quantity, RUSSIA_STOPS_COOPERATING, Step, parameter, step};
use crate::schedule::Value;

/// A preset's value for one parameter.
#[derive(Clone, Copy, Debug)]
pub enum PresetValue {
    /// The same in every year.
    Constant(f64),
    /// Steps by year. In a preset with a base, they replace the base's steps from the first
    /// step's year on.
    Steps(&'static [Step]),
}

/// A named scenario.
#[derive(Clone, Copy, Debug)]
pub struct Preset {
    /// Stable id.
    pub id: &'static str,
    /// Display label.
    pub label: &'static str,
    /// What the preset stands for, for a preset built on none; for one built on another, a
    /// note on why it is asked (may be empty). [`Preset::description`] adds what its values
    /// do, generated from them.
    pub summary: &'static str,
    /// The preset this one builds on: its values hold where this one sets none, and before
    /// this one's first step.
    pub base: Option<&'static str>,
    /// Parameter ids and their values.
    pub values: &'static [(&'static str, PresetValue)],
}

impl Preset {
    /// What the preset does. For a preset built on another, generated from its values, so
    /// that it cannot promise what the values do not do: "The record, plus from 2027: Russia
    /// refuses every new work permit, …".
    pub fn description(&self) -> String {
        let Some(base) = self.base.and_then(preset) else {
            return self.summary.to_string();
        };
        let mut by_year: Vec<(i32, Vec<(&'static str, f64)>)> = Vec::new();
        for &(id, value) in self.values {
            let (year, x) = match value {
                PresetValue::Steps(steps) => match steps.first() {
                    Some(s) => (s.year, s.value),
                    None => continue,
                },
                PresetValue::Constant(x) => (i32::MIN, x),
            };
            match by_year.iter_mut().find(|(y, _)| *y == year) {
                Some((_, ids)) => ids.push((id, x)),
                None => by_year.push((year, alloc::vec![(id, x)])),
            }
        }
        let mut text = base.label_as_base().to_string();
        for (year, values) in &by_year {
            let from = if *year == i32::MIN {
                String::from(" in every year")
            } else {
                format!(" from {year}")
            };
            text.push_str(&format!(", plus{from}: {}", describe_levers(values)));
        }
        text.push('.');
        if !self.summary.is_empty() {
            text.push(' ');
            text.push_str(self.summary);
        }
        text
    }

    /// How a preset is named when another builds on it.
    fn label_as_base(&self) -> &'static str {
        match self.id {
            "record" => "The record",
            _ => self.label,
        }
    }

    /// The year this preset's own policies start, for a preset built on another: the first
    /// year of its own steps.
    pub fn policy_year(&self) -> Option<i32> {
        self.base?;
        self.values
            .iter()
            .filter_map(|(_, v)| match v {
                PresetValue::Steps(steps) => steps.first().map(|s| s.year),
                PresetValue::Constant(_) => None,
            })
            .min()
    }

    /// Every value this preset sets, with its base's values merged in, as steps.
    pub fn steps(&self) -> Vec<(&'static str, Resolved)> {
        let mut out: Vec<(&'static str, Resolved)> = match self.base.and_then(preset) {
            Some(base) => base.steps(),
            None => Vec::new(),
        };
        for &(id, value) in self.values {
            let resolved = match value {
                PresetValue::Constant(x) => Resolved::Constant(x),
                PresetValue::Steps(own) => {
                    let from = own.first().map_or(i32::MIN, |s| s.year);
                    // Presets build on the record, whose values are all steps.
                    let mut steps: Vec<Step> = match out.iter().find(|(i, _)| *i == id) {
                        Some((_, Resolved::Steps(base))) => {
                            base.iter().filter(|s| s.year < from).copied().collect()
                        }
                        _ => Vec::new(),
                    };
                    steps.extend_from_slice(own);
                    Resolved::Steps(steps)
                }
            };
            match out.iter_mut().find(|(i, _)| *i == id) {
                Some(slot) => slot.1 = resolved,
                None => out.push((id, resolved)),
            }
        }
        out
    }

    /// Every value this preset sets, as scenario values.
    pub fn resolved(&self) -> Vec<(&'static str, Value)> {
        self.steps()
            .into_iter()
            .map(|(id, r)| {
                let value = match r {
                    Resolved::Constant(x) => Value::Constant(x),
                    Resolved::Steps(steps) => {
                        Value::Schedule(steps.iter().map(|s| (s.year, s.value)).collect())
                    }
                };
                (id, value)
            })
            .collect()
    }
}

/// A preset's value for one parameter, its base merged in.
#[derive(Clone, Debug, PartialEq)]
pub enum Resolved {
    /// The same in every year.
    Constant(f64),
    /// Steps by year, each with its source.
    Steps(Vec<Step>),
}

impl Serialize for Preset {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Values<'a>(&'a [(&'static str, Value)]);
        impl Serialize for Values<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut map = s.serialize_map(Some(self.0.len()))?;
                for (id, v) in self.0 {
                    map.serialize_entry(id, v)?;
                }
                map.end()
            }
        }
        struct Sources(Vec<(&'static str, Resolved)>);
        impl Serialize for Sources {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut map = s.serialize_map(None)?;
                for (id, r) in &self.0 {
                    if let Resolved::Steps(steps) = r {
                        map.serialize_entry(id, steps)?;
                    }
                }
                map.end()
            }
        }
        let mut st = s.serialize_struct("Preset", 7)?;
        st.serialize_field("id", self.id)?;
        st.serialize_field("label", self.label)?;
        st.serialize_field("description", &self.description())?;
        st.serialize_field("base", &self.base)?;
        st.serialize_field("policyYear", &self.policy_year())?;
        st.serialize_field("values", &Values(&self.resolved()))?;
        st.serialize_field("steps", &Sources(self.steps()))?;
        st.end()
    }
}

/// Lever values in words, hosts grouped where every host has the same value of one kind of
/// lever: "every host refuses every new work permit and sends every worker home each year;
/// no work on any visa type, clarified at 100%".
fn describe_levers(values: &[(&'static str, f64)]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut done: Vec<&str> = Vec::new();
    // Per-host levers, by host (every host together where the values agree).
    let mut by_who: Vec<(String, bool, Vec<String>)> = Vec::new();
    for &(id, x) in values {
        let Some(p) = parameter(id) else { continue };
        if done.contains(&id) {
            continue;
        }
        let (who, plural) = match p.host() {
            Some(host) => {
                let same_everywhere = HOSTS.iter().all(|h| {
                    values.iter().any(|&(other, y)| {
                        y == x
                            && parameter(other).is_some_and(|o| {
                                o.quantity == p.quantity && o.host().map(|x| x.id) == Some(h.id)
                            })
                    })
                });
                if same_everywhere {
                    for &(other, _) in values {
                        if parameter(other).is_some_and(|o| o.quantity == p.quantity) {
                            done.push(other);
                        }
                    }
                    (String::from("every host"), false)
                } else {
                    done.push(id);
                    (String::from(host.label), host.id == "other")
                }
            }
            None => {
                done.push(id);
                parts.push(phrase(p.quantity, false, x));
                continue;
            }
        };
        let said = phrase(p.quantity, plural, x);
        match by_who.iter_mut().find(|(w, _, _)| *w == who) {
            Some((_, _, list)) => list.push(said),
            None => by_who.push((who, plural, alloc::vec![said])),
        }
    }
    let mut out: Vec<String> = by_who
        .into_iter()
        .map(|(who, _, list)| format!("{who} {}", join_and(&list)))
        .collect();
    out.extend(parts);
    join_semicolons(&out)
}

/// One lever in words, without its subject for a per-host lever.
fn phrase(q: Quantity, plural: bool, x: f64) -> String {
    let s = if plural { "" } else { "s" };
    let pct = |x: f64| format!("{}%", libm::round(x * 100.0) as i64);
    let all = x == 1.0;
    match q {
        Quantity::PermitBan if all => format!("refuse{s} every new work permit"),
        Quantity::PermitBan => format!("refuse{s} {} of new work permits", pct(x)),
        Quantity::Repatriation if all => format!("send{s} every worker home"),
        Quantity::Repatriation => format!("send{s} {} of the workers left home each year", pct(x)),
        Quantity::VisaEnforcement if all => {
            format!("treat{s} workers on non-work visas as workers")
        }
        Quantity::VisaEnforcement => {
            format!(
                "treat{s} workers on non-work visas as workers, {} of the way",
                pct(x)
            )
        }
        Quantity::DesignationCooperation if all => format!("act{s} on every designation"),
        Quantity::DesignationCooperation => format!("act{s} on {} of designations", pct(x)),
        Quantity::VisaClarification => format!(
            "no work on any visa type, clarified at {} and applied as far as each host adopts it",
            pct(x)
        ),
        Quantity::DesignationsPerYear => {
            format!(
                "{} employers, brokers and trading companies designated each year",
                Num(x)
            )
        }
        _ => format!("{}", Num(x)),
    }
}

/// "a", "a and b", "a, b and c".
fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [head @ .., last] => format!("{} and {last}", head.join(", ")),
    }
}

/// Clauses joined by semicolons.
fn join_semicolons(items: &[String]) -> String {
    items.join("; ")
}

const fn constant(x: f64) -> PresetValue {
    PresetValue::Constant(x)
}

/// The last year the record covers; after it, the record's values hold (the current course).
pub const RECORD_END: i32 = 2026;

/// The year the presets that ask "what if, from then on...?" start their policies, and the
/// page's default policy year: the year after the last year with data.
pub const POLICY_YEAR: i32 = RECORD_END + 1;

/// Every host's permits in 2017: still granted under contracts signed before the ban.
const PERMITS_2017: Step = step(
    2017,
    0.0,
    "unsc-2017",
    "Resolution 2375 (11 September 2017) exempted contracts already signed; 2397 came on 22 December 2017.",
);

/// Every host's repatriation in 2017: not yet a duty.
const REPATRIATION_2017: Step = step(
    2017,
    0.0,
    "unsc-2017",
    "Repatriation became a duty on 22 December 2017.",
);

/// The record's designation cooperation, host by host: model 1's judgments, and Russia's
/// turn after the veto and the treaty.
const COOPERATION_CHINA: &[Step] = &[step(
    2017,
    0.3,
    "treasury-designations-2018-2020",
    "A judgment, held: China enforced some designations (the networks of 2018 and 2020 were in China) but not most.",
)];
const COOPERATION_RUSSIA: &[Step] = &[
    step(
        2017,
        0.1,
        "treasury-designations-2018-2020",
        "A judgment: Russia did not act on the US designations of Mokran LLC and Korea Cholsan (2020).",
    ),
    RUSSIA_STOPS_COOPERATING,
];
const COOPERATION_OTHER: &[Step] = &[step(
    2017,
    0.7,
    "treasury-designations-2018-2020",
    "A judgment, held: most other hosts reported acting on sanctions lists (interim-reports-2019).",
)];

/// No host has chosen to treat North Koreans on non-work visas as workers.
const NO_VISA_ENFORCEMENT: &[Step] = &[step(
    2017,
    0.0,
    "mvd-visas-2020",
    "No host has treated North Koreans on tourist, student or trainee visas as workers by its own choice: Russia issued 16,613 tourist and 10,345 student visas in 2019 and recruits on student visas since 2024 (joongang-2025-02); China's refusals of new visas in 2024 are in its loophole share.",
)];

/// The record, lever by lever: what host governments and sanctioning states did, year by
/// year, from the sources. After the last step the value holds: the current course.
const RECORD: &[(&str, PresetValue)] = &[
    (
        "permitBan.china",
        PresetValue::Steps(&[
            PERMITS_2017,
            step(
                2018,
                1.0,
                "china-after-2019",
                "China reported no new work authorizations; new workers came on trainee, student and visitor visas instead (loopholeShare.china).",
            ),
        ]),
    ),
    (
        "permitBan.russia",
        PresetValue::Steps(&[
            PERMITS_2017,
            step(
                2018,
                0.96,
                "wsj-2018-08",
                "At least 700 new work permits were issued in 2018, against about 19,000 vacancies.",
            ),
            step(
                2019,
                1.0,
                "russia-after-deadline-2020",
                "No new permits; the last 511 permit holders had theirs revoked (final report, March 2020). From 2024 workers come on study visas, not permits (joongang-2025-02).",
            ),
        ]),
    ),
    (
        "permitBan.other",
        PresetValue::Steps(&[
            PERMITS_2017,
            step(
                2018,
                0.8,
                "other-hosts-2016-2019",
                "Qatar, Kuwait, Mongolia and Poland stopped new permits; most other hosts reported compliance.",
            ),
        ]),
    ),
    (
        "repatriation.china",
        PresetValue::Steps(&[
            REPATRIATION_2017,
            step(
                2018,
                0.3,
                "china-after-2019",
                "China's midterm report: more than half sent home by the end of 2018; with a third rotating home each year, 0.3 a year more.",
            ),
            step(
                2024,
                0.3,
                "dailynk-2024-11",
                "China asked for the return of workers whose visas had expired: about 6,000 left Dandong in October and November 2024, and buses of returnees followed in December (kbs-2024-12).",
            ),
            step(
                2025,
                0.3,
                "joongang-2025-02-china",
                "An office in Dandong to send workers home, and no new dispatches allowed (February 2025). Held in 2026: no source for that year.",
            ),
        ]),
    ),
    (
        "repatriation.russia",
        PresetValue::Steps(&[
            REPATRIATION_2017,
            step(
                2018,
                0.46367,
                "russia-midterm-2019",
                "Derived from the permit counts: 30,023 at the end of 2017, 11,490 at the end of 2018, with a third rotating home each year.",
            ),
            step(
                2019,
                0.9,
                "russia-after-deadline-2020",
                "Derived: the deadline's clear-out, from 11,490 permits to about 1,000 workers left (Foreign Ministry) and 511 permits on 10 March 2020.",
            ),
            step(
                2020,
                0.0,
                "unsc-2024-03",
                "The rest were stranded by the border closure; after its 2024 veto and treaty Russia sends no one home.",
            ),
        ]),
    ),
    (
        "repatriation.other",
        PresetValue::Steps(&[
            REPATRIATION_2017,
            step(
                2018,
                0.4,
                "interim-reports-2019",
                "About 23,000 repatriations reported by December 2019; other hosts fell from about 20,000 to about 8,900 (other-hosts-2016-2019).",
            ),
        ]),
    ),
    (
        "visaEnforcement.china",
        PresetValue::Steps(NO_VISA_ENFORCEMENT),
    ),
    (
        "visaEnforcement.russia",
        PresetValue::Steps(NO_VISA_ENFORCEMENT),
    ),
    (
        "visaEnforcement.other",
        PresetValue::Steps(NO_VISA_ENFORCEMENT),
    ),
    (
        "designationCooperation.china",
        PresetValue::Steps(COOPERATION_CHINA),
    ),
    (
        "designationCooperation.russia",
        PresetValue::Steps(COOPERATION_RUSSIA),
    ),
    (
        "designationCooperation.other",
        PresetValue::Steps(COOPERATION_OTHER),
    ),
    (
        "visaClarification",
        PresetValue::Steps(&[step(
            2017,
            0.0,
            "unsc-2017",
            "No host has declared that North Koreans may not work on any visa; resolution 2397 already covers every visa type, so the loophole is a gap in enforcement.",
        )]),
    ),
    (
        "designationsPerYear",
        PresetValue::Steps(&[
            step(
                2017,
                1.0,
                "unsc-2017",
                "Mansudae Overseas Project Group, a construction labor exporter, listed by resolution 2371.",
            ),
            step(
                2018,
                2.0,
                "treasury-designations-2018-2020",
                "Yanbian Silverstar and Volasys Silver Star (13 September 2018).",
            ),
            step(
                2019,
                0.0,
                "treasury-designations-2018-2020",
                "None found in 2019.",
            ),
            step(
                2020,
                4.0,
                "treasury-designations-2018-2020",
                "Namgang Trading and Beijing Sukbakso (14 January); Mokran LLC and Korea Cholsan (19 November).",
            ),
            step(
                2021,
                0.0,
                "treasury-designations-2023-2026",
                "None found in 2021 and 2022.",
            ),
            step(
                2023,
                4.0,
                "treasury-designations-2023-2026",
                "Chilsong Trading, Korea Paekho Trading and Congo Aconde SARL (1 March 2023); Chinyong Information Technology Cooperation Company (23 May 2023).",
            ),
            step(
                2024,
                3.0,
                "treasury-designations-2023-2026",
                "Alis LLC and Pioneer Bencont Star Real Estate (27 March 2024); Green Alpine Trading (December 2024).",
            ),
            step(
                2025,
                12.0,
                "treasury-designations-2023-2026",
                "Department 53 and three companies (16 January), four companies (8 July), Korea Sobaeksu Trading (24 July), two companies (27 August), Korea Mangyongdae Computer Technology (4 November).",
            ),
            step(
                2026,
                2.0,
                "treasury-designations-2023-2026",
                "Two entities (12 March 2026); none found since.",
            ),
        ]),
    ),
];

/// All presets of the current model, in display order. `record` is the page's default.
pub const PRESETS: &[Preset] = &[
    Preset {
        id: "record",
        label: "The record (current course)",
        summary: "What host governments and sanctioning states did from 2017 to 2026, year by year from the public record, then held: the current course.",
        base: None,
        values: RECORD,
    },
    Preset {
        id: "noEnforcement",
        label: "No enforcement",
        summary: "Every lever at 0 in every year: no host refuses permits or sends workers home.",
        base: None,
        values: NO_ENFORCEMENT,
    },
    Preset {
        id: "statusQuo",
        label: "Status quo of 2018–19, held",
        summary: "Model 1's status quo: the enforcement hosts reported in 2018 and 2019, held from the base year on.",
        base: None,
        values: STATUS_QUO,
    },
    Preset {
        id: "closeVisaLoophole",
        label: "Close the visa loophole from 2027",
        summary: "The analysts' first proposal (voa-2020-02).",
        base: Some("record"),
        values: &[(
            "visaClarification",
            PresetValue::Steps(&[step(
                POLICY_YEAR,
                1.0,
                "voa-2020-02",
                "The clarification analysts proposed: no work on any visa type.",
            )]),
        )],
    },
    Preset {
        id: "designationSurge",
        label: "Designation surge from 2027",
        summary: "The analysts' second proposal: designate the companies that employ the workers (voa-2020-02).",
        base: Some("record"),
        values: &[(
            "designationsPerYear",
            PresetValue::Steps(&[step(
                POLICY_YEAR,
                20.0,
                "voa-2020-02",
                "Designating the companies that employ the workers, as analysts proposed.",
            )]),
        )],
    },
    Preset {
        id: "russiaReturnsToCompliance",
        label: "Russia returns to compliance in 2027",
        summary: "",
        base: Some("record"),
        values: &[
            ("permitBan.russia", PresetValue::Steps(FULL_ONE)),
            (
                "repatriation.russia",
                PresetValue::Steps(&[step(
                    POLICY_YEAR,
                    0.5,
                    "unsc-2017",
                    "Resolution 2397: send the workers home; half of those left each year.",
                )]),
            ),
            ("visaEnforcement.russia", PresetValue::Steps(FULL_ONE)),
            (
                "designationCooperation.russia",
                PresetValue::Steps(FULL_ONE),
            ),
        ],
    },
    Preset {
        id: "fullCompliance",
        label: "Full compliance from 2027",
        summary: "",
        base: Some("record"),
        values: &[
            ("permitBan.china", PresetValue::Steps(FULL_ONE)),
            ("permitBan.russia", PresetValue::Steps(FULL_ONE)),
            ("permitBan.other", PresetValue::Steps(FULL_ONE)),
            ("repatriation.china", PresetValue::Steps(FULL_ONE)),
            ("repatriation.russia", PresetValue::Steps(FULL_ONE)),
            ("repatriation.other", PresetValue::Steps(FULL_ONE)),
            ("visaEnforcement.china", PresetValue::Steps(FULL_ONE)),
            ("visaEnforcement.russia", PresetValue::Steps(FULL_ONE)),
            ("visaEnforcement.other", PresetValue::Steps(FULL_ONE)),
            ("designationCooperation.china", PresetValue::Steps(FULL_ONE)),
            (
                "designationCooperation.russia",
                PresetValue::Steps(FULL_ONE),
            ),
            ("designationCooperation.other", PresetValue::Steps(FULL_ONE)),
            ("visaClarification", PresetValue::Steps(FULL_ONE)),
        ],
    },
    Preset {
        id: "loopholeClosed2020",
        label: "Loophole closed in 2020",
        summary: "The seed article's question, from the year it appeared.",
        base: Some("record"),
        values: &[(
            "visaClarification",
            PresetValue::Steps(&[step(
                2020,
                1.0,
                "voa-2020-02",
                "Asked for in February 2020: \"a clarification that North Koreans are unable to work abroad regardless of what type of visa\".",
            )]),
        )],
    },
];

const FULL_ONE: &[Step] = &[step(
    POLICY_YEAR,
    1.0,
    "unsc-2017",
    "Full compliance with resolutions 2375 and 2397.",
)];

/// Every lever constant: permit bans, repatriation and designation cooperation by host
/// (China, Russia, other), the visa clarification and designations a year; no host's own
/// visa enforcement (model 1 had none).
macro_rules! constant_levers {
    ($ban:expr, $repatriation:expr, $cooperation:expr, $visa:expr, $designations:expr) => {
        &[
            ("permitBan.china", constant($ban[0])),
            ("permitBan.russia", constant($ban[1])),
            ("permitBan.other", constant($ban[2])),
            ("repatriation.china", constant($repatriation[0])),
            ("repatriation.russia", constant($repatriation[1])),
            ("repatriation.other", constant($repatriation[2])),
            ("visaEnforcement.china", constant(0.0)),
            ("visaEnforcement.russia", constant(0.0)),
            ("visaEnforcement.other", constant(0.0)),
            ("designationCooperation.china", $cooperation[0]),
            ("designationCooperation.russia", $cooperation[1]),
            ("designationCooperation.other", $cooperation[2]),
            ("visaClarification", constant($visa)),
            ("designationsPerYear", constant($designations)),
        ]
    };
}

/// Model 1's designation cooperation (then an assumption): China, Russia, other hosts.
const MODEL1_COOPERATION: [PresetValue; 3] = [constant(0.3), constant(0.1), constant(0.7)];

/// The record's designation cooperation, which model 2's status quo had by default.
const RECORD_COOPERATION: [PresetValue; 3] = [
    PresetValue::Steps(COOPERATION_CHINA),
    PresetValue::Steps(COOPERATION_RUSSIA),
    PresetValue::Steps(COOPERATION_OTHER),
];

/// Model 1's status quo: a rough fit to what hosts reported in 2018 and 2019.
const STATUS_QUO_BAN: [f64; 3] = [0.6, 0.95, 0.8];
const STATUS_QUO_REPATRIATION: [f64; 3] = [0.1, 0.3, 0.4];
const STATUS_QUO: &[(&str, PresetValue)] = constant_levers!(
    STATUS_QUO_BAN,
    STATUS_QUO_REPATRIATION,
    RECORD_COOPERATION,
    0.0,
    2.0
);
const MODEL1_STATUS_QUO: &[(&str, PresetValue)] = constant_levers!(
    STATUS_QUO_BAN,
    STATUS_QUO_REPATRIATION,
    MODEL1_COOPERATION,
    0.0,
    2.0
);

/// Every lever at 0.
const NO_ENFORCEMENT: &[(&str, PresetValue)] =
    constant_levers!([0.0; 3], [0.0; 3], [constant(0.0); 3], 0.0, 0.0);

/// Model 1's presets (version 1.x), every lever constant from the base year: what a link
/// made with model 1 meant.
pub const MODEL1_PRESETS: &[Preset] = &[
    Preset {
        id: "noEnforcement",
        label: "No enforcement",
        summary: "Every lever at 0: no host refuses permits or sends workers home.",
        base: None,
        values: NO_ENFORCEMENT,
    },
    Preset {
        id: "statusQuo",
        label: "Status quo",
        summary: "A rough fit to what hosts reported in 2018 and 2019, held from the base year.",
        base: None,
        values: MODEL1_STATUS_QUO,
    },
    Preset {
        id: "closeVisaLoophole",
        label: "Close the visa loophole",
        summary: "The status quo, plus a clarification that North Koreans may not work on any visa type.",
        base: None,
        values: constant_levers!(
            STATUS_QUO_BAN,
            STATUS_QUO_REPATRIATION,
            MODEL1_COOPERATION,
            1.0,
            2.0
        ),
    },
    Preset {
        id: "designationSurge",
        label: "Designation surge",
        summary: "The status quo, with 20 employers, brokers and trading companies designated each year instead of 2.",
        base: None,
        values: constant_levers!(
            STATUS_QUO_BAN,
            STATUS_QUO_REPATRIATION,
            MODEL1_COOPERATION,
            0.0,
            20.0
        ),
    },
    Preset {
        id: "fullCompliance",
        label: "Full compliance",
        summary: "Every host refuses all permits, sends every worker home and closes the visa loophole.",
        base: None,
        values: constant_levers!([1.0; 3], [1.0; 3], MODEL1_COOPERATION, 1.0, 2.0),
    },
];

/// The preset of the current model with this id.
pub fn preset(id: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::{Kind, levers, parameter};
    use crate::sources::source;

    #[test]
    fn every_preset_sets_every_lever_with_checked_values() {
        for p in PRESETS.iter().chain(MODEL1_PRESETS) {
            let resolved = p.resolved();
            for lever in levers().map(|p| p.id) {
                let n = resolved.iter().filter(|(id, _)| *id == lever).count();
                assert_eq!(n, 1, "{} sets {lever} {n} times", p.id);
            }
            for (id, v) in &resolved {
                let param = parameter(id).unwrap();
                v.check(param).unwrap_or_else(|e| panic!("{}: {e}", p.id));
                if MODEL1_PRESETS.iter().any(|m| core::ptr::eq(m, p)) {
                    assert_eq!(param.kind, Kind::Lever, "{} sets non-lever {id}", p.id);
                    assert!(matches!(v, Value::Constant(_)), "{} {id}", p.id);
                }
            }
        }
    }

    #[test]
    fn every_step_cites_a_source() {
        for p in PRESETS {
            for &(id, value) in p.values {
                if let PresetValue::Steps(steps) = value {
                    for s in steps {
                        assert!(
                            source(s.source).is_some(),
                            "{} {id} {} cites {}",
                            p.id,
                            s.year,
                            s.source
                        );
                        assert!(!s.note.is_empty(), "{} {id} {}", p.id, s.year);
                    }
                }
            }
        }
    }

    #[test]
    fn presets_on_the_record_replace_its_steps_from_their_year() {
        let v = |preset_id: &str, id: &str| {
            preset(preset_id)
                .unwrap()
                .resolved()
                .into_iter()
                .find(|(i, _)| *i == id)
                .unwrap()
                .1
        };
        let record = v("record", "designationsPerYear");
        let surge = v("designationSurge", "designationsPerYear");
        let (Value::Schedule(r), Value::Schedule(s)) = (record, surge) else {
            panic!("schedules expected")
        };
        assert_eq!(s.last(), Some(&(POLICY_YEAR, 20.0)));
        assert_eq!(&s[..s.len() - 1], &r[..]);
        assert_eq!(
            v("record", "visaClarification"),
            Value::Schedule(alloc::vec![(2017, 0.0)])
        );
        assert_eq!(
            v("loopholeClosed2020", "visaClarification"),
            Value::Schedule(alloc::vec![(2017, 0.0), (2020, 1.0)])
        );
        assert_eq!(v("statusQuo", "permitBan.russia"), Value::Constant(0.95));
        assert_eq!(
            preset("closeVisaLoophole").unwrap().policy_year(),
            Some(POLICY_YEAR)
        );
        assert_eq!(
            preset("loopholeClosed2020").unwrap().policy_year(),
            Some(2020)
        );
        assert_eq!(preset("record").unwrap().policy_year(), None);
    }

    /// A generated description names the hosts a preset sets, and only those.
    #[test]
    fn descriptions_say_what_the_values_do() {
        let d = |id: &str| preset(id).unwrap().description();
        let russia = d("russiaReturnsToCompliance");
        assert!(
            russia.starts_with("The record, plus from 2027: Russia refuses every new work permit")
        );
        for words in [
            "sends 50% of the workers left home",
            "non-work visas",
            "every designation",
        ] {
            assert!(russia.contains(words), "{russia}");
        }
        assert!(!russia.contains("China") && !russia.contains("every host"));
        let full = d("fullCompliance");
        assert!(full.contains("every host refuses every new work permit, sends every worker home"));
        assert!(d("designationSurge").contains("20 employers"));
        assert!(d("loopholeClosed2020").contains("from 2020"));
    }
}
