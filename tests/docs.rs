//! Keeps docs/methodology.md in step with the code: its generated tables (parameters, the
//! record, sources, presets, back-test) are written from the registry and the model. Rewrite
//! them with `UPDATE_GOLDEN=1 cargo test --test docs`; otherwise a drift fails this test.
#![cfg(not(target_arch = "wasm32"))]

use dprk_labor::observations::{Measurement, inside};
use dprk_labor::presets::Resolved;
use dprk_labor::registry::{Step, Unit};
use dprk_labor::{
    HOSTS, Kind, MODEL_VERSION, PARAMETERS, PRESETS, Parameter, SOURCES, Scenario, backtest,
    evaluate,
};

/// A number for a table: thousands separators, no needless decimals.
fn num(x: f64) -> String {
    if x.abs() >= 1e9 {
        return format!("{}bn", trim(x / 1e9, 2));
    }
    if x.abs() >= 1e6 {
        return format!("{}M", trim(x / 1e6, 1));
    }
    if x.fract() == 0.0 || x.abs() >= 100.0 {
        let s = format!("{:.0}", x.abs());
        let mut out = String::new();
        for (i, c) in s.chars().enumerate() {
            if i > 0 && (s.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        return if x < 0.0 { format!("−{out}") } else { out };
    }
    trim(x, 5)
}

fn trim(x: f64, decimals: usize) -> String {
    let s = format!("{x:.decimals$}");
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    s.replacen('-', "−", 1)
}

fn usd(x: f64) -> String {
    if x < 0.0 {
        format!("−${}", num(-x))
    } else {
        format!("${}", num(x))
    }
}

/// A parameter's value as a table shows it: years without separators.
fn value(p: &Parameter, x: f64) -> String {
    if p.unit == Unit::Year {
        format!("{x}")
    } else {
        num(x)
    }
}

/// "1; 0 from 2020, 0.2 from 2023, 1 from 2024".
fn path(p: &Parameter) -> String {
    let mut s = value(p, p.default);
    for step in p.path {
        s += &format!("; {} from {}", value(p, step.value), step.year);
    }
    s
}

fn sources_of(ids: &[&str]) -> String {
    ids.iter()
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn parameters() -> String {
    let mut t = String::from(
        "| id | kind | meaning | unit | default (by year) | low–high | accepted | sources |\n|---|---|---|---|---|---|---|---|\n",
    );
    for p in PARAMETERS {
        let kind = match (p.kind, p.scheduled) {
            (Kind::Lever, _) => "lever",
            (Kind::Assumption, true) => "assumption, by year",
            (Kind::Assumption, false) => "assumption",
            (Kind::Setting, true) => "setting, by year",
            (Kind::Setting, false) => "setting",
        };
        let range = match (p.low, p.high) {
            (Some(l), Some(h)) => format!("{}–{}", num(l), num(h)),
            _ if p.path.iter().any(|s| s.low.is_some()) => "the record's".into(),
            _ => "–".into(),
        };
        t += &format!(
            "| `{}` | {kind} | {} | {} | {} | {range} | {}–{} | {} |\n",
            p.id,
            p.description,
            p.unit.label(),
            path(p),
            value(p, p.min),
            value(p, p.max),
            sources_of(p.sources)
        );
    }
    t
}

/// Every step of the record: the `record` preset's levers and the parameters whose default
/// follows the record.
fn record() -> String {
    let mut t = String::from(
        "| parameter | from | value | plausible range | source | why |\n|---|---|---|---|---|---|\n",
    );
    let mut row = |id: &str, s: &Step| {
        let range = match (s.low, s.high) {
            (Some(l), Some(h)) => format!("{}–{}", num(l), num(h)),
            _ => "–".into(),
        };
        t.push_str(&format!(
            "| `{id}` | {} | {} | {range} | `{}` | {} |\n",
            s.year,
            num(s.value),
            s.source,
            s.note
        ));
    };
    let record = PRESETS.iter().find(|p| p.id == "record").unwrap();
    for (id, r) in record.steps() {
        if let Resolved::Steps(steps) = r {
            for s in &steps {
                row(id, s);
            }
        }
    }
    for p in PARAMETERS.iter().filter(|p| !p.path.is_empty()) {
        for s in p.path {
            row(p.id, s);
        }
    }
    t
}

fn sources() -> String {
    let mut t = String::from(
        "| id | source | date | reliability | what the model uses |\n|---|---|---|---|---|\n",
    );
    for s in SOURCES {
        let mut locator = match (s.url, s.document) {
            (Some(u), Some(d)) => format!(" ({d}) <{u}>"),
            (Some(u), None) => format!(" <{u}>"),
            (None, Some(d)) => format!(" ({d})"),
            _ => String::new(),
        };
        locator += &format!(", accessed {}", s.accessed);
        t += &format!(
            "| `{}` | *{}*, {}{locator} | {} | {:?} | {} |\n",
            s.id, s.title, s.publisher, s.date, s.reliability, s.note
        );
    }
    t
}

fn presets() -> String {
    let mut t = String::from(
        "| preset | what it is | revenue 2017 | revenue 2026 | revenue 2030 | cumulative 2017–2030 | denied against no enforcement | workers abroad 2026 | 2030 |\n|---|---|---|---|---|---|---|---|---|\n",
    );
    for p in PRESETS {
        let r = evaluate(&Scenario::preset(p.id).unwrap());
        let at = |v: &[f64], year: i32| v[(year - r.years[0]) as usize];
        t += &format!(
            "| **{}** (`{}`) | {} | {} | {} | {} | {} | {} ({}%) | {} | {} |\n",
            p.label,
            p.id,
            p.description(),
            usd(at(&r.revenue_usd, 2017)),
            usd(at(&r.revenue_usd, 2026)),
            usd(r.summary.final_year_revenue_usd),
            usd(r.summary.cumulative_revenue_usd),
            usd(r.summary.cumulative_denied_usd),
            trim(r.summary.denied_share * 100.0, 1),
            num(at(&r.workers, 2026).round()),
            num(r.summary.final_year_workers.round())
        );
    }
    t
}

fn backtest_table() -> String {
    let mut t = String::from(
        "| observation | what was counted | observed | the record | gap | in range | 5–95% band | note |\n|---|---|---|---|---|---|---|---|\n",
    );
    let rows = backtest(&Scenario::preset("record").unwrap());
    let mut counts = (0, 0, 0);
    for row in &rows {
        let o = row.observation;
        let f = |x: f64| {
            if o.series.ends_with("revenueUsd") {
                usd(x)
            } else {
                num(x.round())
            }
        };
        let when = match o.measurement {
            Measurement::Stock => format!("stock, {}", o.from),
            Measurement::Flow => format!("flow, {} to {}", o.from, o.to),
        };
        let observed = match o.high {
            Some(h) if h == o.low => f(o.value),
            Some(h) => format!("{} ({}–{})", f(o.value), f(o.low), f(h)),
            None => format!("at least {}", f(o.low)),
        };
        let band = row
            .band
            .map_or("–".into(), |b| format!("{}–{}", f(b.p5), f(b.p95)));
        let derived = if o.derived { " *(derived)*" } else { "" };
        t += &format!(
            "| `{}`, {when} | {} [`{}`] | {observed} | {} | {} | {} | {band} | {}{derived} |\n",
            o.series,
            o.counted,
            o.source,
            row.modelled.map_or("–".into(), f),
            row.gap.map_or("–".into(), |g| if g >= 0.0 {
                format!("+{}", f(g))
            } else {
                format!("−{}", f(-g))
            }),
            match row.in_range {
                Some(true) => "yes",
                Some(false) => "**no**",
                None => "–",
            },
            o.note
        );
        counts.0 += 1;
        if row.in_range == Some(true) {
            counts.1 += 1;
            if !o.derived {
                counts.2 += 1;
            }
        }
    }
    let tests = rows.iter().filter(|r| !r.observation.derived).count();
    t += &format!(
        "\n{} of {} observations lie inside their observed range; of the {} that no value of the record was derived from, {} do.\n",
        counts.1, counts.0, tests, counts.2
    );
    t
}

#[test]
fn methodology_tables_match_the_code() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/methodology.md");
    let text = std::fs::read_to_string(path).unwrap();
    let version = format!("Model version: {MODEL_VERSION} (");
    assert!(
        text.contains(&version),
        "docs/methodology.md must state `{version}`"
    );
    let mut out = text.clone();
    for (name, table) in [
        ("parameters", parameters()),
        ("record", record()),
        ("sources", sources()),
        ("presets", presets()),
        ("backtest", backtest_table()),
    ] {
        let begin = format!("<!-- generated:{name}:begin -->\n");
        let end = format!("<!-- generated:{name}:end -->");
        let (a, b) = (
            out.find(&begin).expect(&begin) + begin.len(),
            out.find(&end).expect(&end),
        );
        out.replace_range(a..b, &table);
    }
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(path, &out).unwrap();
    } else {
        assert!(
            out == text,
            "docs/methodology.md is out of step with the code: run `UPDATE_GOLDEN=1 cargo test --test docs`"
        );
    }
}

/// The record holds at least three quarters of the observations, and every miss says why.
/// (Sources that contradict each other cannot all be met: China's count of 2022 against the
/// estimates of 2019-2021.)
#[test]
fn the_record_holds_most_of_the_record() {
    let rows = backtest(&Scenario::preset("record").unwrap());
    let inside_count = rows.iter().filter(|r| r.in_range == Some(true)).count();
    assert!(
        inside_count * 4 >= rows.len() * 3,
        "{inside_count} of {} inside",
        rows.len()
    );
    for r in &rows {
        let o = r.observation;
        assert_eq!(r.in_range, Some(inside(&o, r.modelled.unwrap())));
        if r.in_range == Some(false) {
            assert!(!o.derived, "{} is derived yet missed", o.id);
            assert!(
                !o.note.starts_with("A test"),
                "{}: a miss needs its reason",
                o.id
            );
        }
    }
}

/// A miss's note agrees with its numbers: one that says "above" or "below" has a gap of that
/// sign, and a count in the note ("28 permits below") is the gap's size.
#[test]
fn back_test_notes_agree_with_their_gaps() {
    let rows = backtest(&Scenario::preset("record").unwrap());
    for r in rows.iter().filter(|r| r.in_range == Some(false)) {
        let (note, gap) = (r.observation.note.to_lowercase(), r.gap.unwrap());
        let first = note.split([':', '.']).next().unwrap();
        if first.contains("above") {
            assert!(
                gap > 0.0,
                "{}: {note} but the gap is {gap}",
                r.observation.id
            );
        }
        if first.contains("below") {
            assert!(
                gap < 0.0,
                "{}: {note} but the gap is {gap}",
                r.observation.id
            );
        }
        if let Some(count) = first
            .split(' ')
            .next()
            .and_then(|w| w.replace(',', "").parse::<f64>().ok())
        {
            assert_eq!(count, gap.abs().round(), "{}: {note}", r.observation.id);
        }
    }
}

#[test]
fn numbers_read_well() {
    assert_eq!(num(30023.0), "30,023");
    assert_eq!(num(500e6), "500M");
    assert_eq!(num(4.65e9), "4.65bn");
    assert_eq!(num(0.333), "0.333");
    assert_eq!(num(0.46367), "0.46367");
    assert_eq!(usd(-1_500.0), "−$1,500");
}

/// The TypeScript declarations name exactly the registry's ids.
#[test]
fn typescript_unions_match_the_registry() {
    let ts = include_str!("../src/api.d.ts");
    let union = |name: &str| -> Vec<String> {
        let start = ts
            .find(name)
            .unwrap_or_else(|| panic!("{name} not declared"));
        let body = &ts[start..start + ts[start..].find(';').unwrap()];
        body.split('"')
            .skip(1)
            .step_by(2)
            .map(String::from)
            .collect()
    };
    let ids: Vec<String> = PARAMETERS.iter().map(|p| p.id.to_string()).collect();
    assert_eq!(union("export type ParameterId"), ids);
    let scheduled: Vec<String> = PARAMETERS
        .iter()
        .filter(|p| p.scheduled)
        .map(|p| p.id.to_string())
        .collect();
    assert_eq!(union("export type ScheduledId"), scheduled);
    let hosts: Vec<String> = HOSTS.iter().map(|h| h.id.to_string()).collect();
    assert_eq!(union("export type HostId"), hosts);
    let presets: Vec<String> = PRESETS.iter().map(|p| p.id.to_string()).collect();
    assert_eq!(union("export type PresetId"), presets);
    let units: Vec<String> = Unit::ALL
        .iter()
        .map(|u| {
            serde_json::to_value(u)
                .unwrap()
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(union("export type UnitId"), units);
    let outputs: Vec<String> = dprk_labor::Output::ALL
        .iter()
        .map(|(_, n)| n.to_string())
        .collect();
    assert_eq!(union("export type OutputId"), outputs);
}
