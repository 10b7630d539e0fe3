//! Public sources behind the defaults, ranges and observations.
//!
//! Each row is one entry of `shared/research/figures.md` (its `row` field names the row
//! there). Parameters and observations cite sources by `id`; a unit test checks every
//! citation resolves.

use serde::Serialize;

/// How far a source can be relied on, as graded in `figures.md`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Reliability {
    /// Official data or a UN document.
    A,
    /// An official estimate or statement.
    B,
    /// One media, NGO or defector source.
    C,
}

/// One public source.
#[derive(Clone, Copy, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Source {
    /// Stable id cited by parameters and observations.
    pub id: &'static str,
    /// Title of the article, report or document.
    pub title: &'static str,
    /// Who published or issued it.
    pub publisher: &'static str,
    /// Publication date, ISO 8601 (a year or year-month where no day is known).
    pub date: &'static str,
    /// Web address, where one is on record.
    pub url: Option<&'static str>,
    /// UN document symbol or similar, where one exists.
    pub document: Option<&'static str>,
    /// Reliability grade.
    pub reliability: Reliability,
    /// Row of `shared/research/figures.md` this source stands for (0 = the seed article).
    pub row: u8,
    /// What the source says that the model uses.
    pub note: &'static str,
}

/// All sources, in the order of `figures.md`.
pub const SOURCES: &[Source] = &[
    Source {
        id: "voa-2020-02",
        title: "Experts: Russia Skirts Sanctions on N. Korean Workers to Defy US-led Pressure",
        publisher: "Voice of America (Christy Lee)",
        date: "2020-02-01",
        url: None,
        document: None,
        reliability: Reliability::C,
        row: 0,
        note: "US estimate of more than $500M a year from about 100,000 workers, half in China and \
               30,000 in Russia; Russian tourist and student visas 16,613 and 10,345 in 2019; wages \
               about 40% under a Russian average of a little over $600 a month; about 1,000 left \
               after the deadline.",
    },
    Source {
        id: "reuters-2020-01",
        title: "China fails to repatriate North Korean workers (Reuters)",
        publisher: "Reuters",
        date: "2020-01-22",
        url: Some("https://news.yahoo.com/china-fails-repatriate-north-korea-234743057.html"),
        document: None,
        reliability: Reliability::B,
        row: 1,
        note: "About 100,000 workers abroad earning more than $500M a year; about 50,000 in China \
               and 30,000 in Russia.",
    },
    Source {
        id: "unpoe-2024",
        title: "Final report of the Panel of Experts established pursuant to resolution 1874 (2009)",
        publisher: "UN Security Council, via Radio Free Asia (21 Mar 2024)",
        date: "2024-03",
        url: None,
        document: Some("S/2024/215"),
        reliability: Reliability::B,
        row: 2,
        note: "About 100,000 workers in about 40 countries earning about $500M a year (figure from \
               one member state).",
    },
    Source {
        id: "older-totals-2014-2017",
        title: "Earlier estimates of North Korean workers abroad",
        publisher: "UN Special Rapporteur; Asan Institute; Weissmann; KINU (via PIIE and cmtradelaw, Jan 2018)",
        date: "2014-2017",
        url: None,
        document: None,
        reliability: Reliability::C,
        row: 3,
        note: "50,000 (UN Special Rapporteur, 2015); 52,000-54,000 (Asan); 74,000-81,000 \
               (Weissmann, 2014); about 147,000 (KINU, 2017).",
    },
    Source {
        id: "russia-midterm-2019",
        title: "Russian Federation midterm report to the 1718 Committee on resolution 2397",
        publisher: "Reuters and CNN reporting of the report",
        date: "2019-03-26",
        url: None,
        document: None,
        reliability: Reliability::A,
        row: 4,
        note: "Valid work permits held by North Koreans: 30,023 at the end of 2017, 11,490 at the \
               end of 2018.",
    },
    Source {
        id: "russia-permits-2015-2018",
        title: "Russian work permit counts for North Koreans (RBK via NK News; Meduza; Interfax)",
        publisher: "NK News, Meduza, Interfax",
        date: "2018-02-07",
        url: None,
        document: None,
        reliability: Reliability::B,
        row: 5,
        note: "47,364 permit holders in early 2015; about 24,000 work visas issued in 2017; a peak \
               of about 37,000.",
    },
    Source {
        id: "russia-after-deadline-2020",
        title: "Russia's statements on North Korean workers after the repatriation deadline",
        publisher: "Reuters (Feb 2020); NK News (Mar 2020)",
        date: "2020-03",
        url: None,
        document: None,
        reliability: Reliability::B,
        row: 6,
        note: "About 1,000 workers left in Russia after 22 December 2019 (Foreign Ministry); 511 as \
               of 10 March 2020 in the final report.",
    },
    Source {
        id: "mvd-visas-2020",
        title: "Russian Interior Ministry visa statistics for North Koreans, 2018-2019",
        publisher: "Reuters, reporting Russian Interior Ministry (MVD) data",
        date: "2020-02",
        url: None,
        document: None,
        reliability: Reliability::A,
        row: 7,
        note: "Tourist visas 16,613 and student visas 10,345 in 2019, against 2,035 and 2,610 in \
               2018.",
    },
    Source {
        id: "mediazona-2024",
        title: "North Korean 'students' in Russia (Mediazona data)",
        publisher: "Politico, reporting Mediazona",
        date: "2024-11-08",
        url: None,
        document: None,
        reliability: Reliability::B,
        row: 10,
        note: "About 130 North Koreans enrolled as real students in April 2024; about 3,200 study \
               entries in 2019.",
    },
    Source {
        id: "nis-2025",
        title: "South Korean intelligence (NIS) and press estimates of North Korean workers in Russia",
        publisher: "Wall Street Journal and Yonhap reporting the NIS; NK News (17 Jun 2025)",
        date: "2025",
        url: None,
        document: None,
        reliability: Reliability::B,
        row: 12,
        note: "About 15,000 North Korean workers in Russia in 2024-25; 50,000 targeted by the end \
               of 2025.",
    },
    Source {
        id: "china-entries-2012-2015",
        title: "Chinese tourism statistics of North Korean entries for employment",
        publisher: "Daily NK, NK News and KDI, reporting Chinese data",
        date: "2016",
        url: None,
        document: None,
        reliability: Reliability::A,
        row: 13,
        note: "Employment entries of 79,600 (2012), 93,300 (2013) and 94,200 (2015); entries, not \
               workers present.",
    },
    Source {
        id: "china-after-2019",
        title: "Reports on North Korean workers in China after the deadline",
        publisher: "Reuters (2019); NKDB (2019); Daily NK (2021); Radio Free Asia (2023)",
        date: "2019-2023",
        url: None,
        document: None,
        reliability: Reliability::B,
        row: 14,
        note: "China reported more than half repatriated, without a number; other estimates put \
               50,000 to over 100,000 still in China.",
    },
    Source {
        id: "interim-reports-2019",
        title: "Interim implementation reports on resolution 2397",
        publisher: "Yonhap (12 Dec 2019); Sejong Institute brief",
        date: "2019-12-12",
        url: None,
        document: None,
        reliability: Reliability::A,
        row: 15,
        note: "About 23,000 repatriations reported by 42 to 48 states; Russia 18,533 fewer.",
    },
    Source {
        id: "other-hosts-2016-2019",
        title: "Implementation reports of other host states",
        publisher: "NK News, News.MN, Associated Press",
        date: "2016-2019",
        url: None,
        document: None,
        reliability: Reliability::A,
        row: 16,
        note: "Qatar 2,500 (2016) to 70 (2019); Kuwait about 3,000 with 904 sent home; Mongolia \
               1,221 (2017) to 0; Poland 550 to 0.",
    },
    Source {
        id: "state-take-2017-2024",
        title: "Estimates of the share of wages taken by the state",
        publisher: "AFP reporting the US State Department (Dec 2017); US TIP report 2023; Daily NK \
                    (2018); Asahi Shimbun (2024)",
        date: "2017-2024",
        url: None,
        document: None,
        reliability: Reliability::B,
        row: 17,
        note: "The state keeps 70-90% (State Department), over 90% (TIP 2023), about two thirds \
               (Daily NK), 72-76% (Asahi).",
    },
    Source {
        id: "wages-2017-2021",
        title: "Reported monthly wages of North Korean workers abroad",
        publisher: "Interfax; Reuters (Jul 2017); Daily NK (2021); Kharon (2019)",
        date: "2017-2021",
        url: None,
        document: None,
        reliability: Reliability::B,
        row: 18,
        note: "$300-1,000 a month (State Department); about $500 in Russia (Ambassador Matsegora); \
               about 2,000 yuan (~$300) in China in 2017 and 2,800-3,200 yuan in 2021.",
    },
    Source {
        id: "quotas-2020",
        title: "State quotas on North Korean workers in Russia",
        publisher: "Daily NK",
        date: "2020",
        url: None,
        document: None,
        reliability: Reliability::C,
        row: 19,
        note: "The state's yearly quota per worker in Russia rose from $7,200 to $10,000 in \
               construction and from $4,500 to $7,000 in forestry.",
    },
    Source {
        id: "revenue-estimates-2012-2017",
        title: "Other estimates of revenue from workers abroad",
        publisher: "Newsweek (2015); Washington Post (2016); Associated Press (2017)",
        date: "2012-2017",
        url: None,
        document: None,
        reliability: Reliability::C,
        row: 21,
        note: "$1.2-2.3bn (2012, cited by the UN Special Rapporteur); $300M (Database Center for \
               North Korean Human Rights, 2016); $200-500M (AP, 2017).",
    },
    Source {
        id: "unsc-2017",
        title: "UN Security Council resolutions 2371, 2375 and 2397 (2017)",
        publisher: "UN Security Council",
        date: "2017-12-22",
        url: None,
        document: Some("S/RES/2371 (2017); S/RES/2375 (2017); S/RES/2397 (2017)"),
        reliability: Reliability::A,
        row: 22,
        note: "2375 para 17: no new work authorizations; 2397 para 8: repatriate all by 22 \
               December 2019.",
    },
    Source {
        id: "treasury-designations-2018-2020",
        title: "US Treasury designations of labor-export entities",
        publisher: "US Department of the Treasury",
        date: "2018-2020",
        url: None,
        document: Some("Treasury press release sm481 (13 Sep 2018) and later releases"),
        reliability: Reliability::A,
        row: 23,
        note: "Yanbian Silverstar and Volasys (2018); Namgang Trading and Beijing Sukbakso (Jan \
               2020); Mokran LLC and Korea Cholsan (Nov 2020).",
    },
];

/// The source with this id.
pub fn source(id: &str) -> Option<&'static Source> {
    SOURCES.iter().find(|s| s.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique() {
        for (i, a) in SOURCES.iter().enumerate() {
            assert!(
                SOURCES[i + 1..].iter().all(|b| b.id != a.id),
                "duplicate source id {}",
                a.id
            );
        }
    }

    #[test]
    fn every_source_has_a_locator_or_a_publisher_and_date() {
        for s in SOURCES {
            assert!(!s.publisher.is_empty() && !s.date.is_empty(), "{}", s.id);
            assert!(!s.title.is_empty() && !s.note.is_empty(), "{}", s.id);
        }
    }

    #[test]
    fn lookup_finds_known_and_rejects_unknown() {
        assert_eq!(source("unsc-2017").map(|s| s.row), Some(22));
        assert!(source("nope").is_none());
    }
}
