//! What a tornado or a goal seek measures: one output, for every host or one, over a window
//! of years.

use alloc::vec::Vec;

use serde::Serialize;

use crate::error::{InputError, short};
use crate::limits::{MAX_YEAR, MIN_YEAR};
use crate::model::Projection;
use crate::registry::HOSTS;
use crate::scenario::Scenario;
use crate::schedule::check_number;

/// A figure that a tornado or goal seek looks at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Output {
    /// Revenue summed over the window, USD.
    CumulativeRevenueUsd,
    /// The comparator's revenue over the window minus the scenario's, USD.
    CumulativeDeniedUsd,
    /// Revenue in the final year, USD.
    FinalYearRevenueUsd,
}

impl Output {
    /// All outputs, with their ids.
    pub const ALL: [(Output, &'static str); 3] = [
        (Output::CumulativeRevenueUsd, "cumulativeRevenueUsd"),
        (Output::CumulativeDeniedUsd, "cumulativeDeniedUsd"),
        (Output::FinalYearRevenueUsd, "finalYearRevenueUsd"),
    ];

    /// The output with this id.
    pub fn from_id(id: &str) -> Result<Output, InputError> {
        Output::ALL
            .iter()
            .find(|(_, name)| *name == id)
            .map(|(o, _)| *o)
            .ok_or_else(|| InputError::UnknownName {
                field: "output",
                name: short(id),
                allowed: Output::ALL.map(|(_, n)| n).join(", "),
            })
    }

    /// The id of this output.
    pub fn id(self) -> &'static str {
        Output::ALL
            .iter()
            .find(|(o, _)| *o == self)
            .map_or("", |(_, n)| n)
    }
}

/// What a tornado or a goal seek measures: one output, for every host or one, over the
/// years from `from` (the whole horizon by default).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Measure {
    /// The output; cumulative revenue by default.
    pub output: Option<Output>,
    /// A host (index in [`crate::HOSTS`]), or every host.
    pub host: Option<usize>,
    /// First year counted; the base year by default.
    pub from: Option<i32>,
}

impl Measure {
    /// A measure from ids: `output` an id of [`Output::ALL`], `host` a host id or "all",
    /// `from` a year.
    pub fn parse(
        output: Option<&str>,
        host: Option<&str>,
        from: Option<i32>,
    ) -> Result<Measure, InputError> {
        let output = output.map(Output::from_id).transpose()?;
        let host = match host {
            None | Some("all") => None,
            Some(id) => Some(crate::registry::host_index(id).ok_or_else(|| {
                InputError::UnknownName {
                    field: "host",
                    name: short(id),
                    allowed: ["all"]
                        .into_iter()
                        .chain(HOSTS.iter().map(|h| h.id))
                        .collect::<Vec<_>>()
                        .join(", "),
                }
            })?),
        };
        if let Some(year) = from {
            check_number(
                "from",
                None,
                year as f64,
                (MIN_YEAR as f64, MAX_YEAR as f64),
                true,
            )?;
        }
        Ok(Measure { output, host, from })
    }

    /// Checks the first year against the scenario's horizon: a window must hold at least
    /// one year.
    pub fn check(self, s: &Scenario) -> Result<(), InputError> {
        let (first, last) = s.years();
        match self.from {
            Some(year) if !(first..=last).contains(&year) => Err(InputError::OutsideHorizon {
                id: "from",
                year,
                first,
                last,
            }),
            _ => Ok(()),
        }
    }

    /// The output measured.
    pub fn output(self) -> Output {
        self.output.unwrap_or(Output::CumulativeRevenueUsd)
    }

    /// The yearly revenue of the scenario and of the built-in comparator for this measure's
    /// hosts.
    fn series(self, p: &Projection) -> (&[f64], &[f64]) {
        match self.host {
            Some(h) => match (p.hosts.get(h), p.comparator.hosts.get(h)) {
                (Some(a), Some(b)) => (&a.revenue_usd, &b.revenue_usd),
                _ => (&[], &[]),
            },
            None => (&p.revenue_usd, &p.comparator.revenue_usd),
        }
    }

    /// Index of the first year counted: within the horizon, whatever `from` says (callers
    /// check it first; see [`Measure::check`]).
    pub(crate) fn first(self, p: &Projection) -> usize {
        let base = p.years.first().copied().unwrap_or(0);
        let last = p.years.len().saturating_sub(1) as i32;
        self.from.map_or(0, |y| (y - base).clamp(0, last) as usize)
    }

    /// The scenario's revenue over the window and in its last year, for this measure's hosts.
    pub(crate) fn revenue_and_last(self, p: &Projection) -> (f64, f64) {
        let scenario = self.series(p).0;
        (
            window(scenario, self.first(p)),
            scenario.last().copied().unwrap_or(0.0),
        )
    }

    /// Revenue summed over the window.
    pub fn revenue(self, p: &Projection) -> f64 {
        window(self.series(p).0, self.first(p))
    }

    /// The measure's value in a projection.
    pub fn of(self, p: &Projection) -> f64 {
        let (scenario, comparator) = self.series(p);
        let from = self.first(p);
        match self.output() {
            Output::CumulativeRevenueUsd => self.revenue(p),
            Output::CumulativeDeniedUsd => {
                let c = window(comparator, from);
                let s = window(scenario, from);
                (c - s).max(0.0)
            }
            Output::FinalYearRevenueUsd => scenario.last().copied().unwrap_or(0.0),
        }
    }
}

/// The sum of a yearly series from index `from` to its end.
fn window(series: &[f64], from: usize) -> f64 {
    series.get(from..).unwrap_or_default().iter().sum()
}
