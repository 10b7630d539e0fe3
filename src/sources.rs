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
    /// When the address or document was last read for this project (ISO 8601 date).
    pub accessed: &'static str,
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
        publisher: "Voice of America (Christy Lee); the address is GlobalSecurity.org's copy",
        date: "2020-02-01",
        url: Some(
            "https://www.globalsecurity.org/wmd/library/news/dprk/2020/dprk-200201-voa01.htm",
        ),
        document: None,
        accessed: "2026-11-29",
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
        accessed: "2026-11-29",
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
        accessed: "2026-11-29",
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
        url: Some(
            "https://www.piie.com/blogs/north-korea-witness-transformation/organized-exports-labor-welcome-echo-chamber",
        ),
        document: None,
        accessed: "2026-11-29",
        reliability: Reliability::C,
        row: 3,
        note: "50,000 (UN Special Rapporteur, 2015); 52,000-54,000 (Asan); 74,000-81,000 \
               (Weissmann, 2014); about 147,000 (KINU, 2017).",
    },
    Source {
        id: "russia-midterm-2019",
        title: "Russian Federation midterm report to the 1718 Committee on resolution 2397",
        publisher: "Reuters and CNN reporting of the report; the address is Focus Washington's summary of CNN's report",
        date: "2019-03-26",
        url: Some(
            "https://focuswashington.com/2019/03/27/russia-china-claim-thousands-of-north-korean-workers-sent-home/",
        ),
        document: None,
        accessed: "2026-11-29",
        reliability: Reliability::A,
        row: 4,
        note: "Valid work permits held by North Koreans: 30,023 at the end of 2017, 11,490 at the \
               end of 2018.",
    },
    Source {
        id: "russia-permits-2015-2018",
        title: "Russian work permit counts for North Koreans (RBK via NK News; Meduza; Interfax)",
        publisher: "NK News, Meduza, Interfax; the address is Sputnik's report of the ambassador's figures (7 Feb 2018)",
        date: "2018-02-07",
        url: Some(
            "https://sputnikglobe.com/20180207/russia-begins-north-korea-deport-1061422452.html",
        ),
        document: None,
        accessed: "2026-11-29",
        reliability: Reliability::B,
        row: 5,
        note: "47,364 permit holders in early 2015; about 24,000 work visas issued in 2017; a peak \
               of about 37,000.",
    },
    Source {
        id: "russia-after-deadline-2020",
        title: "Russia's statements on North Korean workers after the repatriation deadline",
        publisher: "Reuters (Feb 2020); NK News (Mar 2020); the address is Interfax's report of the Foreign Ministry briefing",
        date: "2020-03",
        url: Some("https://interfax.com/newsroom/top-stories/17799/"),
        document: None,
        accessed: "2026-11-29",
        reliability: Reliability::B,
        row: 6,
        note: "About 1,000 workers left in Russia after 22 December 2019 (Foreign Ministry); 511 as \
               of 10 March 2020 in the final report.",
    },
    Source {
        id: "mvd-visas-2020",
        title: "Russian Interior Ministry visa statistics for North Koreans, 2018-2019",
        publisher: "Reuters, reporting Russian Interior Ministry (MVD) data; the address is the Reuters report as carried by The Moscow Times",
        date: "2020-02",
        url: Some(
            "https://www.themoscowtimes.com/2020/01/24/russia-says-it-missed-un-deadline-to-repatriate-north-korean-workers-a69028",
        ),
        document: None,
        accessed: "2026-11-29",
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
        url: Some(
            "https://www.politico.eu/article/north-korea-students-not-troops-loving-russia-border-data/",
        ),
        document: None,
        accessed: "2026-11-29",
        reliability: Reliability::B,
        row: 10,
        note: "About 130 North Koreans enrolled as real students in April 2024; about 3,200 study \
               entries in 2019.",
    },
    Source {
        id: "china-entries-2012-2015",
        title: "Chinese tourism statistics of North Korean entries for employment",
        publisher: "Daily NK, NK News and KDI, reporting Chinese data; the address is Yonhap's report of the KDI study",
        date: "2016",
        url: Some(
            "http://koreatimesus.com/n-korean-workers-in-china-rise-sharply-under-kim-jong-un-study",
        ),
        document: None,
        accessed: "2026-11-29",
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
        url: Some("https://www.rfa.org/english/news/korea/labor-exports-12232019161932.html"),
        document: None,
        accessed: "2026-11-29",
        reliability: Reliability::B,
        row: 14,
        note: "China reported more than half repatriated, without a number; other estimates put \
               50,000 to over 100,000 still in China.",
    },
    Source {
        id: "interim-reports-2019",
        title: "Interim implementation reports on resolution 2397",
        publisher: "Yonhap (12 Dec 2019); Sejong Institute brief; the address is Yonhap's report as carried by APP",
        date: "2019-12-12",
        url: Some(
            "https://www.urdupoint.com/en/world/some-23000-n-korean-overseas-workers-sent-b-785407.html",
        ),
        document: None,
        accessed: "2026-11-29",
        reliability: Reliability::A,
        row: 15,
        note: "About 23,000 repatriations reported by 42 to 48 states; Russia 18,533 fewer.",
    },
    Source {
        id: "other-hosts-2016-2019",
        title: "Implementation reports of other host states",
        publisher: "NK News, News.MN, Associated Press; the address is Qatar's 2018 report as relayed by Diplomatic Watch",
        date: "2016-2019",
        url: Some("https://diplomaticwatch.com/qatar-150-north-korean-workers-remain-in-country/"),
        document: None,
        accessed: "2026-11-29",
        reliability: Reliability::A,
        row: 16,
        note: "Qatar 2,500 (2016) to 70 (2019); Kuwait about 3,000 with 904 sent home; Mongolia \
               1,221 (2017) to 0; Poland 550 to 0.",
    },
    Source {
        id: "state-take-2017-2024",
        title: "Estimates of the share of wages taken by the state",
        publisher: "AFP reporting the US State Department (Dec 2017); US TIP report 2023; Daily NK \
                    (2018); Asahi Shimbun (2024); the address is Daily NK's report of about 70%",
        date: "2017-2024",
        url: Some("http://www.dailynk.com/english/north-korean-overseas-laborers-giv/"),
        document: None,
        accessed: "2026-11-29",
        reliability: Reliability::B,
        row: 17,
        note: "The state keeps 70-90% (State Department), over 90% (TIP 2023), about two thirds \
               (Daily NK), 72-76% (Asahi).",
    },
    Source {
        id: "wages-2017-2021",
        title: "Reported monthly wages of North Korean workers abroad",
        publisher: "Interfax; Reuters (Jul 2017); Daily NK (2021); Kharon (2019); the address is VOA's report of the wage in Russia (GlobalSecurity.org's copy)",
        date: "2017-2021",
        url: Some(
            "https://www.globalsecurity.org/wmd/library/news/dprk/2020/dprk-200201-voa01.htm",
        ),
        document: None,
        accessed: "2026-11-29",
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
        url: Some(
            "https://www.dailynk.com/english/north-korea-hikes-party-contributions-russia-based-workers-must-pay-30-55-percent/",
        ),
        document: None,
        accessed: "2026-11-29",
        reliability: Reliability::C,
        row: 19,
        note: "The state's yearly quota per worker in Russia rose from $7,200 to $10,000 in \
               construction and from $4,500 to $7,000 in forestry.",
    },
    Source {
        id: "revenue-estimates-2012-2017",
        title: "Other estimates of revenue from workers abroad",
        publisher: "Newsweek (2015); Washington Post (2016); Associated Press (2017); the address is an Associated Press report (Dec 2019) as carried by The Christian Science Monitor",
        date: "2012-2017",
        url: Some(
            "https://www.csmonitor.com/World/2019/1220/Russia-China-told-to-send-North-Korean-workers-home-by-weekend",
        ),
        document: None,
        accessed: "2026-11-29",
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
        accessed: "2026-11-29",
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
        accessed: "2026-11-29",
        reliability: Reliability::A,
        row: 23,
        note: "Yanbian Silverstar and Volasys (2018); Namgang Trading and Beijing Sukbakso (Jan \
               2020); Mokran LLC and Korea Cholsan (Nov 2020).",
    },
    Source {
        id: "wsj-2018-08",
        title: "Russia allows entry of thousands of North Korean workers (The Wall Street Journal)",
        publisher: "Eyewitness News, reporting The Wall Street Journal",
        date: "2018-08-03",
        url: Some(
            "http://ewn.co.za/2018/08/03/russia-allows-entry-of-thousands-of-north-korean-workers-wsj",
        ),
        document: None,
        accessed: "2026-11-29",
        reliability: Reliability::B,
        row: 5,
        note: "Over 10,000 new North Korean workers registered in Russia since September 2017; at least 700 new work permits issued in 2018 (Labour Ministry records).",
    },
    Source {
        id: "wsj-2019-02",
        title: "Russia and North Korea ties (The Wall Street Journal, Kurmanaev and Grove)",
        publisher: "YaleGlobal Online, reprinting The Wall Street Journal",
        date: "2019-02-03",
        url: Some(
            "https://archive-yaleglobal.yale.edu/content/wall-street-journal-russia-and-north-korea-ties",
        ),
        document: None,
        accessed: "2026-11-29",
        reliability: Reliability::B,
        row: 4,
        note: "Some 13,000 North Korean workers still in Russia in October 2018, per the national statistical agency.",
    },
    Source {
        id: "wsj-2019-12",
        title: "North Korean Workers Flock Home as Sanctions Deadline Hits (The Wall Street Journal)",
        publisher: "The Wall Street Journal, as reprinted",
        date: "2019-12-20",
        url: Some(
            "https://sebuahblogint.blogspot.com/2019/12/north-korean-workers-flock-home-as.html",
        ),
        document: None,
        accessed: "2026-11-29",
        reliability: Reliability::C,
        row: 6,
        note: "Hundreds leaving Russia every day; of a workforce that once stood at 30,000, only several thousand remain.",
    },
    Source {
        id: "nikkei-2019-12",
        title: "Sanctions on North Korean migrant workers undermined by 'interns'",
        publisher: "Nikkei Asia",
        date: "2019-12",
        url: Some(
            "https://asia.nikkei.com/Spotlight/N-Korea-at-crossroads/Sanctions-on-North-Korean-migrant-workers-undermined-by-interns",
        ),
        document: None,
        accessed: "2026-11-29",
        reliability: Reliability::C,
        row: 14,
        note: "China grants intern, trainee and entertainer visas in place of work visas; a Dandong staffing business had requests for about 1,000 workers.",
    },
    Source {
        id: "dailynk-2019-10",
        title: "North Korea dispatches 2,000 workers to China",
        publisher: "Daily NK",
        date: "2019-10",
        url: Some("https://www.dailynk.com/english/north-korea-dispatches-2000-workers-china/"),
        document: None,
        accessed: "2026-11-29",
        reliability: Reliability::C,
        row: 14,
        note: "At least 2,000 new workers sent to factories in China on visitor permits rather than work visas; provincial governments turn a blind eye.",
    },
    Source {
        id: "nknews-2023-10",
        title: "Number of North Koreans entering Russia surges in first half of 2023: data",
        publisher: "NK News",
        date: "2023-10",
        url: Some(
            "https://nknews.org/2023/10/number-of-north-koreans-entering-russia-surges-in-first-half-of-2023-data",
        ),
        document: None,
        accessed: "2026-11-29",
        reliability: Reliability::A,
        row: 9,
        note: "Border service: 69 North Koreans entered Russia in all of 2021, 44 in the first half of 2022, 370 in the first half of 2023; Russia's deputy prime minister Khusnullin said 20,000-50,000 could be employed.",
    },
    Source {
        id: "kbs-2024-01",
        title: "Number of North Koreans going to Russia spikes",
        publisher: "KBS World, reporting NK News",
        date: "2024-01",
        url: Some("http://world.kbs.co.kr/service/news_view.htm?lang=e&Seq_Code=183295"),
        document: None,
        accessed: "2026-11-29",
        reliability: Reliability::A,
        row: 9,
        note: "Border service: 223 North Korean entries in all of 2022; 153, 213 and 365 in the first three quarters of 2023.",
    },
    Source {
        id: "nknews-2024-02",
        title: "Over 1,000 North Koreans visited Russia in 2023, marking five-fold increase",
        publisher: "NK News",
        date: "2024-02-21",
        url: Some(
            "https://www.nknews.org/2024/02/over-1000-north-koreans-visited-russia-in-2023-marking-five-fold-increase/",
        ),
        document: None,
        accessed: "2026-11-29",
        reliability: Reliability::A,
        row: 9,
        note: "Border service: 1,117 North Korean entries into Russia in 2023, against about 21,000 before the pandemic.",
    },
    Source {
        id: "rfa-2023-08",
        title: "North Korea brings home around 700 of its workers from China and Russia",
        publisher: "Radio Free Asia, as reprinted",
        date: "2023-08",
        url: Some(
            "https://voicesagainstautocracy.org/north-korea/north-korea-brings-home-around-700-of-its-workers-from-china-and-russia/",
        ),
        document: None,
        accessed: "2026-11-29",
        reliability: Reliability::C,
        row: 14,
        note: "First repatriations since 2020; South Korean media estimate about 100,000 North Korean workers in China and 3,000-4,000 in Russia.",
    },
    Source {
        id: "rfa-2024-09",
        title: "North Korea sends 500 workers to China in violation of sanctions",
        publisher: "Radio Free Asia",
        date: "2024-09-16",
        url: Some(
            "https://rfa.org/english/news/korea/north-korea-dispatched-workers-china-sanctions-09162024170815.html",
        ),
        document: None,
        accessed: "2026-11-29",
        reliability: Reliability::C,
        row: 14,
        note: "500 workers sent to Hunchun on 28-29 August 2024, the first dispatch since the pandemic; over 3,000 workers, mostly sick, brought home between the end of 2022 and the end of 2023.",
    },
    Source {
        id: "kbs-2024-12",
        title: "NK workers asked to leave China",
        publisher: "KBS News",
        date: "2024-12-27",
        url: Some("https://news.kbs.co.kr/news/pc/view/view.do?ncd=8140071"),
        document: None,
        accessed: "2026-11-29",
        reliability: Reliability::C,
        row: 14,
        note: "Buses of returning workers at Dandong customs; China demands the full withdrawal of North Korean workers and refuses student or tourist visas for them; almost no replacements.",
    },
    Source {
        id: "koreaherald-2024-11",
        title: "Over 3,700 N. Koreans visit Russia in Q3 for study purposes",
        publisher: "The Korea Herald (Yonhap), reporting Radio Free Asia",
        date: "2024-11-09",
        url: Some("https://www.koreaherald.com/view.php?ud=20241109050034"),
        document: None,
        accessed: "2026-11-29",
        reliability: Reliability::A,
        row: 9,
        note: "5,263 North Korean entries into Russia in July-September 2024, 3,765 of them to study (38 and 332 in the first two quarters); 5,591 in July-September 2019.",
    },
    Source {
        id: "joongang-2025-02",
        title: "North sent thousands of workers to Russia to address labor shortage, South's spy agency says",
        publisher: "Korea JoongAng Daily (Yonhap)",
        date: "2025-02-09",
        url: Some(
            "https://koreajoongangdaily.joins.com/news/2025-02-09/national/northKorea/North-sent-thousands-of-workers-to-Russia-to-address-labor-shortage-Souths-spy-agency-says/2238114",
        ),
        document: None,
        accessed: "2026-11-29",
        reliability: Reliability::A,
        row: 9,
        note: "13,221 North Koreans entered Russia in 2024, twelve times 2023's number, 7,887 of them to study; thousands of workers sent to construction sites, suspected to use student visas.",
    },
    Source {
        id: "thestar-2025-02",
        title: "Thousands of N. Korean workers sent to Russian construction sites: Seoul intelligence",
        publisher: "The Star (Asia News Network), reporting The Korea Herald",
        date: "2025-02-10",
        url: Some(
            "https://www.thestar.com.my/aseanplus/aseanplus-news/2025/02/10/thousands-of-n-korean-workers-sent-to-russian-construction-sites-seoul-intelligence",
        ),
        document: None,
        accessed: "2026-11-29",
        reliability: Reliability::B,
        row: 12,
        note: "South Korea's intelligence service said in October 2024 that about 4,000 North Korean workers were in Russia, each paid a stipend of about $800 a month.",
    },
    Source {
        id: "nknews-2025-05",
        title: "North Korean entries to Russia nosedive to 300 in first quarter: official data",
        publisher: "NK News",
        date: "2025-05-08",
        url: Some(
            "https://www.nknews.org/2025/05/north-korean-entries-to-russia-nosedive-to-300-in-first-quarter-official-data/",
        ),
        document: None,
        accessed: "2026-11-29",
        reliability: Reliability::A,
        row: 9,
        note: "About 300 North Korean entries in January-March 2025, three of them to study, against nearly 5,500 in October-December 2024.",
    },
    Source {
        id: "wsj-2025-05",
        title: "WSJ: North Korea sent 15,000 migrant workers to Russia",
        publisher: "Babel, reporting The Wall Street Journal and South Korea's intelligence service",
        date: "2025-05-05",
        url: Some(
            "https://babel.ua/en/news/117718-wsj-north-korea-sent-15-000-migrant-workers-to-russia",
        ),
        document: None,
        accessed: "2026-11-29",
        reliability: Reliability::B,
        row: 12,
        note: "About 15,000 workers sent to Russia, many on student visas, mostly to the Far East: a flow since 2024, not a count of workers present.",
    },
    Source {
        id: "msmt-2025-05",
        title: "Unlawful military cooperation between the DPRK and the Russian Federation (first report)",
        publisher: "Multilateral Sanctions Monitoring Team",
        date: "2025-05-29",
        url: Some("https://msmt.info"),
        document: None,
        accessed: "2026-11-29",
        reliability: Reliability::B,
        row: 12,
        note: "Visas sought for about 8,000 North Korean workers in Russia in 2024.",
    },
    Source {
        id: "msmt-2025-10",
        title: "The DPRK's violation and evasion of UN sanctions through cyber and information technology worker activities (second report)",
        publisher: "Multilateral Sanctions Monitoring Team",
        date: "2025-10-22",
        url: Some("https://msmt.info"),
        document: None,
        accessed: "2026-11-29",
        reliability: Reliability::B,
        row: 12,
        note: "Up to 40,000 laborers planned for deployment to Russia; 1,000-1,500 North Korean IT workers in China.",
    },
    Source {
        id: "moscowtimes-2025-11",
        title: "North Korea sends 5K construction troops to Russia - Seoul",
        publisher: "The Moscow Times",
        date: "2025-11-04",
        url: Some(
            "https://www.themoscowtimes.com/2025/11/04/north-korea-sends-5k-construction-troops-to-russia-seoul-a91038",
        ),
        document: None,
        accessed: "2026-11-29",
        reliability: Reliability::B,
        row: 12,
        note: "About 5,000 North Korean construction troops moved to Russia in phases since September 2025 (South Korea's intelligence service).",
    },
    Source {
        id: "kbs-2025-06",
        title: "China reportedly accepts thousands of N. Korean workers",
        publisher: "KBS World, reporting the Yomiuri Shimbun",
        date: "2025-06",
        url: Some("http://world.kbs.co.kr/service/news_view.htm?lang=e&Seq_Code=194103"),
        document: None,
        accessed: "2026-11-29",
        reliability: Reliability::C,
        row: 14,
        note: "About 3,000 North Korean workers entered Hunchun in January-March 2025 and about 500 Dandong in May, mostly young women in garment and seafood plants.",
    },
    Source {
        id: "unsc-2024-03",
        title: "Security Council fails to extend mandate of Panel of Experts on DPRK sanctions",
        publisher: "UN Security Council press release; KCNA on the treaty of 19 June 2024",
        date: "2024-03-28",
        url: None,
        document: Some("SC/15648"),
        accessed: "2026-11-29",
        reliability: Reliability::A,
        row: 22,
        note: "Russia's veto of 28 March 2024 ended the Panel's mandate on 30 April 2024; the Comprehensive Strategic Partnership treaty, signed 19 June 2024, came into force on 4 December 2024.",
    },
    Source {
        id: "treasury-designations-2023-2026",
        title: "US designations of North Korean IT-worker and labor networks, 2023-2026",
        publisher: "US Department of the Treasury and Department of State",
        date: "2023-2026",
        url: Some("https://home.treasury.gov/news/press-releases/jy2790"),
        document: None,
        accessed: "2026-12-04",
        reliability: Reliability::A,
        row: 23,
        note: "Chilsong Trading, Korea Paekho Trading and Congo Aconde SARL, construction and statue builders abroad (1 March 2023, jy1313); Chinyong IT Cooperation Company (23 May 2023, jy1498); Alis LLC and Pioneer Bencont Star Real Estate (27 March 2024); Green Alpine Trading, which launders IT workers' earnings (December 2024); Department 53, Korea Osong Shipping, Chonsurim Trading and Liaoning China Trade Industry (16 January 2025, jy2790); Songkwang Trading, Saenal Trading, Asatryan LLC and Fortuna LLC (8 July 2025); Korea Sobaeksu Trading (24 July 2025); Shenyang Geumpungri and Korea Sinjin Trading (27 August 2025); Korea Mangyongdae Computer Technology (4 November 2025); two entities (12 March 2026). None found for 2021-2022.",
    },
    Source {
        id: "asahi-2017-11",
        title: "North Korea orders 170,000 workers in China and Russia home by the end of the year (北, 中·러 17만 노동자 연말까지 귀국 지시)",
        publisher: "Asahi Shimbun, citing a South Korean government source, as carried by Herald Corporation (Korean)",
        date: "2017-11-10",
        url: Some("http://biz.heraldcorp.com/view.php?ud=20171110000441"),
        document: None,
        accessed: "2026-12-04",
        reliability: Reliability::C,
        row: 18,
        note: "Average monthly pay of about $600 in Russia and $400-500 in China; the worker keeps about $100 a month.",
    },
    Source {
        id: "rfa-2019-08",
        title: "North Korea orders cash-strapped migrant workers in Russia to increase tithes to Kim regime",
        publisher: "Radio Free Asia; the address is American Military News's reprint",
        date: "2019-08-31",
        url: Some(
            "https://americanmilitarynews.com/2019/08/north-korea-orders-cash-strapped-migrant-workers-in-russia-to-increase-tithes-to-kim-regime/",
        ),
        document: None,
        accessed: "2026-12-04",
        reliability: Reliability::C,
        row: 19,
        note: "Workers in Russia had to hand over about $760 a month and were ordered to pay $100 more.",
    },
    Source {
        id: "dailynk-2021-wages",
        title: "Monthly wages of many North Korean workers in China increase",
        publisher: "Daily NK",
        date: "2021",
        url: Some(
            "https://www.dailynk.com/english/monthly-wages-many-north-korean-workers-china-increase/",
        ),
        document: None,
        accessed: "2026-12-04",
        reliability: Reliability::C,
        row: 18,
        note: "Average monthly wages in Liaoning rose to 3,200-3,300 yuan ($501-516), from 2,300-2,500 yuan ($360-390). figures.md row 18 gives 2,800-3,200 yuan: the page says 3,200-3,300.",
    },
    Source {
        id: "rfa-2022-03",
        title: "North Korean workers in Russia feel financial sting from Ukraine invasion",
        publisher: "Radio Free Asia",
        date: "2022-03-03",
        url: Some("https://www.rfa.org/english/news/korea/ruble-03032022170649.html"),
        document: None,
        accessed: "2026-12-04",
        reliability: Reliability::C,
        row: 18,
        note: "After the invasion the ruble's fall 'essentially halved' workers' earnings in dollars while the quotas stayed in dollars; about 20,000 dispatched to Russia (an estimate).",
    },
    Source {
        id: "dailynk-2022-11",
        title: "About 80,000 North Korean workers in Dandong, confirmed by COVID-19 testing (Korean)",
        publisher: "Daily NK",
        date: "2022-11-14",
        url: Some("https://www.dailynk.com/20221114-4/"),
        document: None,
        accessed: "2026-12-04",
        reliability: Reliability::C,
        row: 14,
        note: "China's epidemic checks in Dandong counted about 80,000 North Korean workers staying there in November 2022.",
    },
    Source {
        id: "rfa-2024-09-wages",
        title: "North Korea demands wage increase for workers in China, pushing salaries above $500",
        publisher: "Radio Free Asia; the address is Korea Daily US's copy",
        date: "2024-09-24",
        url: Some("https://koreadailyus.com/?p=41225"),
        document: None,
        accessed: "2026-12-04",
        reliability: Reliability::C,
        row: 18,
        note: "Most North Korean workers in China receive 2,000-3,000 yuan ($283-425) a month; North Korea asked for 3,000-4,000 yuan.",
    },
    Source {
        id: "kinu-2025-09",
        title: "North Korean workers abroad turning from China to Russia (중국에서 러시아로 쏠리는 북한 해외 파견 노동자)",
        publisher: "Korea Institute for National Unification (Jeong Eun-yi), reported by Herald Corporation (Korean)",
        date: "2025-09-01",
        url: Some("https://biz.heraldcorp.com/article/10566163"),
        document: None,
        accessed: "2026-12-04",
        reliability: Reliability::B,
        row: 18,
        note: "Wages in Russia average about $1,000 a month, three to four times China's average of about $300; workers try to be sent to Russia rather than China.",
    },
    Source {
        id: "bbc-2025-08",
        title: "North Koreans tell BBC they are being sent to work 'like slaves' in Russia",
        publisher: "BBC (Jean Mackenzie); the address is a forum's copy of the article",
        date: "2025-08-12",
        url: Some("https://www.gopbriefingroom.com/index.php?topic=565074.450"),
        document: None,
        accessed: "2026-12-04",
        reliability: Reliability::C,
        row: 17,
        note: "Workers in Russia keep $100-200 a month, written in a ledger and paid on return; the rest is taken.",
    },
    Source {
        id: "interfax-ukraine-2025-11",
        title: "North Korea to send 12,000 workers to the Alabuga plant (Ukrainian military intelligence)",
        publisher: "Interfax-Ukraine",
        date: "2025-11-14",
        url: Some("https://en.interfax.com.ua/news/general/1120564.html"),
        document: None,
        accessed: "2026-12-04",
        reliability: Reliability::C,
        row: 12,
        note: "About 12,000 North Koreans planned for the Alabuga drone plant by the end of 2025, at about $2.50 an hour for shifts of 12 hours or more; not confirmed by other sources.",
    },
    Source {
        id: "dailynk-2024-11",
        title: "About 4,000 North Korean workers returned from Dandong last month (Korean)",
        publisher: "Daily NK",
        date: "2024-11-21",
        url: Some("https://www.dailynk.com/20241121-1/"),
        document: None,
        accessed: "2026-12-04",
        reliability: Reliability::C,
        row: 14,
        note: "About 4,000 workers went home from Dandong in October 2024 and over 2,000 more by 21 November, about 200 a day, with no replacements.",
    },
    Source {
        id: "joongang-2025-02-china",
        title: "China moves to deport North Korean workers as displeasure grows over Ukraine war involvement",
        publisher: "JoongAng Ilbo; the address is Korea Daily US's copy",
        date: "2025-02-25",
        url: Some(
            "https://koreadailyus.com/china-moves-to-deport-north-korean-workers-as-displeasure-grows-over-ukraine-war-involvement",
        ),
        document: None,
        accessed: "2026-12-04",
        reliability: Reliability::C,
        row: 14,
        note: "China set up an office in Dandong to send North Korean workers home, prohibited the dispatch of new North Korean resident personnel and restricted long-term visas.",
    },
    Source {
        id: "sejong-2025",
        title: "North Korean workers in Russia: issues and outlook (재러시아 북한 파견노동자 현안 및 전망)",
        publisher: "Sejong Institute (Andrei Lankov)",
        date: "2025",
        url: Some("https://www.sejong.org/web/boad/1/egoread.php?bd=3&pg=2&seq=12393"),
        document: None,
        accessed: "2026-12-04",
        reliability: Reliability::C,
        row: 12,
        note: "About 15,000 North Korean workers in Russia in mid-2025, against about 31,500 in 2016, and likely to grow.",
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

    /// A reader can find every source: an address or a document symbol, and the day the
    /// address was read.
    #[test]
    fn every_source_has_an_address_or_a_symbol_and_an_access_date() {
        for s in SOURCES {
            assert!(!s.publisher.is_empty() && !s.date.is_empty(), "{}", s.id);
            assert!(!s.title.is_empty() && !s.note.is_empty(), "{}", s.id);
            let url = s
                .url
                .is_some_and(|u| u.starts_with("https://") || u.starts_with("http://"));
            assert!(
                url || s.document.is_some_and(|d| !d.is_empty()),
                "{} has neither an address nor a document symbol",
                s.id
            );
            let a = s.accessed.as_bytes();
            let date = a.len() == 10
                && a[4] == b'-'
                && a[7] == b'-'
                && a.iter()
                    .enumerate()
                    .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
            assert!(
                date && s.accessed >= "2026-01-01",
                "{} accessed {:?}",
                s.id,
                s.accessed
            );
        }
    }

    #[test]
    fn lookup_finds_known_and_rejects_unknown() {
        assert_eq!(source("unsc-2017").map(|s| s.row), Some(22));
        assert!(source("nope").is_none());
    }
}
