//! The public record beside the model: observed figures and a back-test.
//!
//! Each [`Observation`] is one figure from the sources: a *stock* counted on a date (workers
//! present) or a *flow* over a period (arrivals, departures, revenue), what exactly was
//! counted, and its value or range as the source gives it. Stocks are compared with the
//! model's workers, read between the starts of two years in proportion to the months
//! passed; flows with the model's yearly arrivals, departures or revenue, in proportion to
//! the months of each year they cover. [`backtest`] puts a scenario's value next to each,
//! with the 5-95% band of the uncertainty analysis, and a one-line reason where it misses.

use alloc::vec;
use alloc::vec::Vec;
use core::fmt;

use serde::{Serialize, Serializer};

use crate::analysis::percentiles::percentiles;
use crate::analysis::sampler::Sampler;
use crate::model::{Projection, evaluate, evaluate_timeline};
use crate::scenario::Scenario;

/// Whether an observation counts workers present or movement over a period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Measurement {
    /// Workers present on a date.
    Stock,
    /// A total over a period: arrivals, departures or revenue.
    Flow,
}

/// The first day of a month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month, 1 to 12.
    pub month: u8,
}

/// 1 January of `year`.
pub const fn jan(year: i32) -> Date {
    Date { year, month: 1 }
}

/// The first day of `month` in `year`.
pub const fn date(year: i32, month: u8) -> Date {
    Date { year, month }
}

impl Date {
    /// Months since January of year 0.
    fn months(self) -> i64 {
        self.year as i64 * 12 + self.month as i64 - 1
    }
}

/// "2024-10".
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{:02}", self.year, self.month)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// One observed figure.
#[derive(Clone, Copy, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Observation {
    /// Stable id.
    pub id: &'static str,
    /// What it measures: `<scope>.<field>` with scope `all` or a host id, and field
    /// `workers`, `permitted`, `disguised` (stocks) or `arrivals`, `departures`,
    /// `revenueUsd` (flows).
    pub series: &'static str,
    /// Stock or flow.
    pub measurement: Measurement,
    /// A stock's date, or the first day of a flow's period.
    pub from: Date,
    /// The first day after a flow's period; a stock's date again.
    pub to: Date,
    /// Central value.
    pub value: f64,
    /// Low end of the observed range (equal to `value` for an exact count).
    pub low: f64,
    /// High end of the observed range; `None` where the source gives only a floor ("more
    /// than 3,000").
    pub high: Option<f64>,
    /// Id of the [`crate::SOURCES`] row.
    pub source: &'static str,
    /// What exactly was counted.
    pub counted: &'static str,
    /// Whether a value of the record was derived from this figure, so that the record
    /// matches it by construction rather than as a test.
    pub derived: bool,
    /// Why the record misses, where it does; what it shows, where it matches.
    pub note: &'static str,
}

const fn stock(id: &'static str, series: &'static str, on: Date) -> Observation {
    Observation {
        id,
        series,
        measurement: Measurement::Stock,
        from: on,
        to: on,
        value: 0.0,
        low: 0.0,
        high: None,
        source: "",
        counted: "",
        derived: false,
        note: "",
    }
}

const fn flow(id: &'static str, series: &'static str, from: Date, to: Date) -> Observation {
    Observation {
        measurement: Measurement::Flow,
        to,
        ..stock(id, series, from)
    }
}

/// Observed figures, oldest first.
pub const OBSERVATIONS: &[Observation] = &[
    Observation {
        value: 100_000.0,
        low: 50_000.0,
        high: Some(147_000.0),
        source: "reuters-2020-01",
        counted: "US estimate of workers abroad; earlier estimates ranged from 50,000 to 147,000 (older-totals-2014-2017).",
        derived: true,
        note: "Matches by construction: the base-year stocks sum to 100,000.",
        ..stock("allWorkers2017", "all.workers", jan(2017))
    },
    Observation {
        value: 500e6,
        low: 200e6,
        high: Some(500e6),
        source: "reuters-2020-01",
        counted: "US estimate of more than $500M a year; AP put it at $200-500M (2017).",
        derived: true,
        note: "Matches by construction: revenue is anchored to $500M in the base year, and the record enforces nothing before 2018.",
        ..flow("revenue2017", "all.revenueUsd", jan(2017), jan(2018))
    },
    Observation {
        value: 30_023.0,
        low: 30_023.0,
        high: Some(30_023.0),
        source: "russia-midterm-2019",
        counted: "Valid work permits held by North Koreans at the end of 2017, as Russia reported to the 1718 Committee.",
        note: "28 permits below the count: the base is the US estimate's round 30,000, and nothing moves the stock above its target in 2017.",
        ..stock("russiaPermits2017", "russia.permitted", jan(2018))
    },
    Observation {
        value: 13_000.0,
        low: 12_500.0,
        high: Some(13_500.0),
        source: "wsj-2019-02",
        counted: "\"Some 13,000\" North Korean workers left in Russia in October 2018, per Russia's statistics agency.",
        note: "Above the count: the model spreads 2018's departures evenly over the year, while most left before October (about 17,000 of 18,500).",
        ..stock("russiaWorkers2018", "russia.workers", date(2018, 10))
    },
    Observation {
        value: 11_490.0,
        low: 11_490.0,
        high: Some(11_490.0),
        source: "russia-midterm-2019",
        counted: "Valid work permits at the end of 2018, as Russia reported to the 1718 Committee.",
        derived: true,
        note: "Matches by construction: the record's 2018 repatriation rate for Russia is derived from this count.",
        ..stock("russiaPermits2018", "russia.permitted", jan(2019))
    },
    Observation {
        value: 25_000.0,
        low: 25_000.0,
        high: Some(50_000.0),
        source: "china-after-2019",
        counted: "China's midterm report: more than half of its North Korean workers sent home by the end of 2018, with no number; here more than half of the 50,000 base, as departures over 2018.",
        note: "A test: departures, not the stock, because 50,000-60,000 were still counted a year later (next rows).",
        ..flow(
            "chinaDepartures2018",
            "china.departures",
            jan(2018),
            jan(2019),
        )
    },
    Observation {
        value: 3_450.0,
        low: 1_380.0,
        high: Some(6_210.0),
        source: "mvd-visas-2020",
        counted: "Derived: 22,313 more tourist and student visas in 2019 than in 2018, times 0.31 entries per visa (3,200 study entries against 10,345 student visas: mediazona-2024), times the share who are workers, 0.5 (0.2 to 0.9). Visas issued are a flow, not workers present.",
        note: "A test: Russia's 2019 loophole share is derived from the workers stranded there from 2020 (below).",
        ..flow(
            "russiaNonWorkArrivals2019",
            "russia.arrivals",
            jan(2019),
            jan(2020),
        )
    },
    Observation {
        value: 5_000.0,
        low: 2_000.0,
        high: Some(9_000.0),
        source: "wsj-2019-12",
        counted: "\"Only several thousand remain\" of a workforce that once stood at 30,000, a few days before the 22 December 2019 deadline.",
        note: "A test: the permits left and the loophole arrivals of 2019 together.",
        ..stock("russiaRemained2019", "russia.workers", jan(2020))
    },
    Observation {
        value: 1_000.0,
        low: 511.0,
        high: Some(1_000.0),
        source: "russia-after-deadline-2020",
        counted: "Workers on expired permits still in Russia after the deadline: about 1,000 (Foreign Ministry, 23 January 2020), 511 by 10 March 2020 (final report).",
        derived: true,
        note: "Matches by construction: Russia's 2019 repatriation rate is derived from these counts.",
        ..stock("russiaLeft2020", "russia.permitted", jan(2020))
    },
    Observation {
        value: 10_300.0,
        low: 5_650.0,
        high: Some(17_900.0),
        source: "other-hosts-2016-2019",
        counted: "Derived, not counted: the 20,000 base less reported departures. Kuwait's 904 sent home were more than half, so under 900 remain (interim-reports-2019); Mongolia's 1,190 went to 0; Qatar's 70 and Poland's 0 are unverified (so 70-2,500 and 0-550); the other ~14,000, in Africa and Southeast Asia, taken as 30% sent home (0 to 60%), a guess.",
        note: "A test of other hosts' 2018 levers, which come from the same reports.",
        ..stock("otherHosts2019", "other.workers", jan(2020))
    },
    Observation {
        value: 50_000.0,
        low: 50_000.0,
        high: Some(60_000.0),
        source: "china-after-2019",
        counted: "North Koreans still working in China: 60,000 in the three northeastern provinces (NKDB, December 2019), 50,000 (Daily NK, 2021); the border was closed in between.",
        note: "Above: the record follows the larger count of 2022 (next row), made by China's epidemic checks in one city; these two estimates covered three provinces or came from one source.",
        ..stock("chinaEstimates2020", "china.workers", jan(2020))
    },
    Observation {
        value: 80_000.0,
        low: 80_000.0,
        high: None,
        source: "dailynk-2022-11",
        counted: "North Korean workers staying in Dandong, counted by China's COVID-19 checks in November 2022: a floor for China, with other cities not counted.",
        derived: true,
        note: "Matches by construction: China's target from 2019 (demand.china) is derived from this count.",
        ..stock("chinaDandong2022", "china.workers", date(2022, 11))
    },
    Observation {
        value: 69.0,
        low: 0.0,
        high: Some(69.0),
        source: "nknews-2023-10",
        counted: "North Koreans of every kind who entered Russia in 2021 (border service): an upper bound on workers arriving.",
        note: "A test of the border closure.",
        ..flow("russiaEntries2021", "russia.arrivals", jan(2021), jan(2022))
    },
    Observation {
        value: 223.0,
        low: 0.0,
        high: Some(223.0),
        source: "kbs-2024-01",
        counted: "North Koreans of every kind who entered Russia in 2022 (border service): an upper bound on workers arriving.",
        note: "A test of the border closure.",
        ..flow("russiaEntries2022", "russia.arrivals", jan(2022), jan(2023))
    },
    Observation {
        value: 3_500.0,
        low: 3_000.0,
        high: Some(4_000.0),
        source: "rfa-2023-08",
        counted: "South Korean media's estimate of North Korean workers still in Russia when North Korea began bringing workers home (August 2023).",
        derived: true,
        note: "Matches by construction: Russia's 2019 loophole share is derived from these stranded workers.",
        ..stock("russiaWorkers2023", "russia.workers", date(2023, 9))
    },
    Observation {
        value: 100_000.0,
        low: 100_000.0,
        high: Some(100_000.0),
        source: "unpoe-2024",
        counted: "UN Panel of Experts: about 100,000 workers in about 40 countries in 2023, the vast majority in two countries, from one member state; South Korean media put 100,000 in China alone (rfa-2023-08).",
        note: "Below: the model counts laborers only, while the Panel's workers include IT workers (about 2,000-3,000 abroad in 2023); it may also repeat the 2017 estimate (research contradiction 6).",
        ..stock("allWorkers2023", "all.workers", date(2023, 7))
    },
    Observation {
        value: 500e6,
        low: 500e6,
        high: Some(500e6),
        source: "unpoe-2024",
        counted: "UN Panel of Experts: about $500M a year, from one member state.",
        note: "Below: laborers only; the Panel's IT workers, whom it credits separately with $250-600M a year, are not in this version. The $500M may also repeat the 2017 estimate.",
        ..flow("revenue2023", "all.revenueUsd", jan(2023), jan(2024))
    },
    Observation {
        value: 1_117.0,
        low: 0.0,
        high: Some(1_117.0),
        source: "nknews-2024-02",
        counted: "North Koreans of every kind who entered Russia in 2023 (border service), mostly on business: an upper bound on workers arriving.",
        note: "A test of the partial reopening.",
        ..flow("russiaEntries2023", "russia.arrivals", jan(2023), jan(2024))
    },
    Observation {
        value: 3_000.0,
        low: 3_000.0,
        high: None,
        source: "rfa-2024-09",
        counted: "More than 3,000 workers brought home from China between the end of 2022 and the end of 2023, most of them sick.",
        derived: true,
        note: "Matches by construction: the border's 2023 opening is derived from these returns.",
        ..flow("chinaReturns2023", "china.departures", jan(2023), jan(2024))
    },
    Observation {
        value: 8_000.0,
        low: 7_500.0,
        high: Some(8_500.0),
        source: "msmt-2025-05",
        counted: "Visas sought for about 8,000 North Korean workers in Russia in 2024; 7,887 North Koreans entered Russia to \"study\" that year (joongang-2025-02).",
        derived: true,
        note: "Matches by construction: Russia's 2024 loophole share is derived from this flow.",
        ..flow(
            "russiaArrivals2024",
            "russia.arrivals",
            jan(2024),
            jan(2025),
        )
    },
    Observation {
        value: 13_221.0,
        low: 0.0,
        high: Some(13_221.0),
        source: "joongang-2025-02",
        counted: "North Koreans of every kind who entered Russia in 2024 (border service), 7,887 of them to study: an upper bound on workers arriving.",
        note: "A test.",
        ..flow("russiaEntries2024", "russia.arrivals", jan(2024), jan(2025))
    },
    Observation {
        value: 4_000.0,
        low: 3_500.0,
        high: Some(4_500.0),
        source: "thestar-2025-02",
        counted: "About 4,000 North Korean workers believed to be in Russia, South Korea's intelligence service said in October 2024.",
        note: "Above the estimate: the model spreads 2024's arrivals over the year, while most came in the second half (entries 2,508 in January-June, about 10,700 in July-December; koreaherald-2024-11).",
        ..stock("russiaWorkers2024", "russia.workers", date(2024, 10))
    },
    Observation {
        value: 500.0,
        low: 500.0,
        high: None,
        source: "rfa-2024-09",
        counted: "500 new workers sent to Hunchun in August 2024, the first dispatch to China since the pandemic.",
        note: "A test.",
        ..flow("chinaArrivals2024", "china.arrivals", jan(2024), jan(2025))
    },
    Observation {
        value: 15_000.0,
        low: 13_500.0,
        high: Some(15_000.0),
        source: "wsj-2025-05",
        counted: "\"Nearly 15,000\" North Korean workers sent to Russia from 2024 to April 2025 (South Korea's intelligence service, via the WSJ); a flow, not workers present.",
        derived: true,
        note: "Matches by construction: Russia's 2025 loophole share is derived from this flow.",
        ..flow(
            "russiaSent2025",
            "russia.arrivals",
            jan(2024),
            date(2025, 5),
        )
    },
    Observation {
        value: 3_500.0,
        low: 3_500.0,
        high: None,
        source: "kbs-2025-06",
        counted: "About 3,000 North Korean workers entered Hunchun in January-March 2025 and about 500 Dandong in May (Yomiuri Shimbun).",
        note: "A test of China's renewed intake.",
        ..flow(
            "chinaArrivals2025",
            "china.arrivals",
            jan(2025),
            date(2025, 6),
        )
    },
    Observation {
        value: 15_000.0,
        low: 10_000.0,
        high: Some(20_000.0),
        source: "sejong-2025",
        counted: "About 15,000 North Korean workers in Russia in mid-2025 (Andrei Lankov, Sejong Institute); the developer Eskadra said 15,000 worked on Russian building sites (June 2025). A stock, unlike the intelligence service's 15,000 sent (wsj-2025-05).",
        note: "A test of Russia's intake in 2024-25.",
        ..stock("russiaWorkers2025", "russia.workers", date(2025, 7))
    },
];

/// A yearly series of a projection: `field` of host `scope` (or of every host).
fn series<'a>(p: &'a Projection, scope: &str, field: &str) -> Option<&'a [f64]> {
    let [workers, permitted, disguised, arrivals, revenue] = if scope == "all" {
        [
            &p.workers,
            &p.permitted,
            &p.disguised,
            &p.arrivals,
            &p.revenue_usd,
        ]
    } else {
        let h = p.hosts.iter().find(|h| h.id == scope)?;
        [
            &h.workers,
            &h.permitted,
            &h.disguised,
            &h.arrivals,
            &h.revenue_usd,
        ]
    };
    Some(match field {
        "workers" => workers,
        "permitted" => permitted,
        "disguised" => disguised,
        "arrivals" => arrivals,
        "revenueUsd" => revenue,
        _ => return None,
    })
}

/// The model's value of an observation's series in `p`, where the projection covers it.
///
/// A stock on a date lies between the stocks at the starts of its year and the next, in
/// proportion to the months passed. A flow adds each year's flow in proportion to the months
/// of it the period covers. Departures in a year are the stock at its start plus arrivals
/// less the stock at the next start.
pub fn modelled(p: &Projection, o: &Observation) -> Option<f64> {
    let first = *p.years.first()?;
    let n = p.years.len();
    let (scope, field) = o.series.split_once('.')?;
    let index = |year: i32| usize::try_from(year - first).ok();
    match o.measurement {
        Measurement::Stock => {
            let values = series(p, scope, field)?;
            let i = index(o.from.year)?;
            let share = (o.from.month as f64 - 1.0) / 12.0;
            let start = *values.get(i)?;
            if share == 0.0 {
                return Some(start);
            }
            Some(start + (values.get(i + 1)? - start) * share)
        }
        Measurement::Flow => {
            let yearly = |i: usize| -> Option<f64> {
                if field == "departures" {
                    let workers = series(p, scope, "workers")?;
                    let arrivals = series(p, scope, "arrivals")?;
                    Some(workers.get(i)? + arrivals.get(i)? - workers.get(i + 1)?)
                } else {
                    series(p, scope, field)?.get(i).copied()
                }
            };
            let mut total = 0.0;
            for year in o.from.year..=o.to.year {
                let start = year as i64 * 12;
                let months = o.to.months().min(start + 12) - o.from.months().max(start);
                if months > 0 {
                    let i = index(year).filter(|&i| i < n)?;
                    total += yearly(i)? * months as f64 / 12.0;
                }
            }
            Some(total)
        }
    }
}

/// Whether `x` lies in the observed range: within half a worker of a count, and within
/// rounding of a dollar figure.
pub fn inside(o: &Observation, x: f64) -> bool {
    let slack = if o.series.ends_with("revenueUsd") {
        o.value.abs() * 1e-9
    } else {
        0.5
    };
    o.low - slack <= x && o.high.is_none_or(|high| x <= high + slack)
}

/// The 5-95% band of a modelled value.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Band {
    /// 5th percentile.
    pub p5: f64,
    /// 95th percentile.
    pub p95: f64,
}

/// One observation against the model.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BacktestRow {
    /// The observation.
    pub observation: Observation,
    /// The scenario's value at the same point (`None` outside the projected years).
    pub modelled: Option<f64>,
    /// `modelled - observation.value`.
    pub gap: Option<f64>,
    /// Whether `modelled` lies in the observed range.
    pub in_range: Option<bool>,
    /// 5-95% band of the modelled value over the uncertain assumptions.
    pub band: Option<Band>,
    /// Whether the observed range overlaps that band.
    pub in_band: Option<bool>,
}

impl PartialEq for Observation {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

/// Draws for the back-test's bands: enough for stable 5-95% bands, quick in the browser.
pub const BACKTEST_DRAWS: usize = 1_000;
/// Seed of the back-test's bands.
pub const BACKTEST_SEED: u64 = 2017;

/// Every observation against the scenario, with the uncertainty band of each modelled value.
pub fn backtest(s: &Scenario) -> Vec<BacktestRow> {
    let p = evaluate(s);
    let mut draws: Vec<Vec<f64>> = vec![Vec::with_capacity(BACKTEST_DRAWS); OBSERVATIONS.len()];
    let mut sampler = Sampler::new(s, BACKTEST_SEED);
    for _ in 0..BACKTEST_DRAWS {
        let q = evaluate_timeline(sampler.next_draw());
        for (o, values) in OBSERVATIONS.iter().zip(&mut draws) {
            if let Some(v) = modelled(&q, o) {
                values.push(v);
            }
        }
    }
    OBSERVATIONS
        .iter()
        .zip(draws)
        .map(|(o, values)| {
            let m = modelled(&p, o);
            let band = (!values.is_empty()).then(|| {
                let q = percentiles(&values);
                Band {
                    p5: q.p5,
                    p95: q.p95,
                }
            });
            BacktestRow {
                observation: *o,
                modelled: m,
                gap: m.map(|m| m - o.value),
                in_range: m.map(|m| inside(o, m)),
                band,
                in_band: band
                    .map(|b| o.low <= b.p95 + 0.5 && o.high.is_none_or(|high| b.p5 <= high + 0.5)),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::source;

    #[test]
    fn observations_are_well_formed() {
        let p = evaluate(&Scenario::default());
        for (i, o) in OBSERVATIONS.iter().enumerate() {
            assert!(source(o.source).is_some(), "{}", o.id);
            assert!(!o.counted.is_empty() && !o.note.is_empty(), "{}", o.id);
            assert!(
                o.low <= o.value && o.high.is_none_or(|h| o.value <= h),
                "{}",
                o.id
            );
            assert!(
                OBSERVATIONS[i + 1..].iter().all(|x| x.id != o.id),
                "duplicate {}",
                o.id
            );
            match o.measurement {
                Measurement::Stock => assert_eq!(o.from, o.to, "{}", o.id),
                Measurement::Flow => assert!(o.from < o.to, "{}", o.id),
            }
            assert!(modelled(&p, o).is_some(), "{} does not resolve", o.id);
        }
    }

    #[test]
    fn stocks_between_year_starts_and_flows_by_month() {
        let p = evaluate(&Scenario::preset("record").unwrap());
        let russia = &p.hosts[1];
        let end_2018 = stock("x", "russia.permitted", jan(2019));
        assert_eq!(modelled(&p, &end_2018), Some(russia.permitted[2]));
        let october = stock("x", "russia.workers", date(2024, 10));
        let (a, b) = (russia.workers[7], russia.workers[8]);
        assert!((modelled(&p, &october).unwrap() - (a + (b - a) * 0.75)).abs() < 1e-9);
        let sixteen_months = flow("x", "russia.arrivals", jan(2024), date(2025, 5));
        let want = russia.arrivals[7] + russia.arrivals[8] * 4.0 / 12.0;
        assert!((modelled(&p, &sixteen_months).unwrap() - want).abs() < 1e-9);
        let departures = flow("x", "china.departures", jan(2018), jan(2019));
        let c = &p.hosts[0];
        assert_eq!(
            modelled(&p, &departures),
            Some(c.workers[1] + c.arrivals[1] - c.workers[2])
        );
        // Outside the projection: no value.
        assert_eq!(modelled(&p, &stock("x", "all.workers", jan(2031))), None);
        assert_eq!(
            modelled(&p, &stock("x", "all.workers", date(2030, 6))),
            None
        );
        assert_eq!(modelled(&p, &stock("x", "mars.workers", jan(2020))), None);
    }
}
