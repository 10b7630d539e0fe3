//! Keeps docs/methodology.md in step with the code: its generated tables (parameters,
//! sources, presets, back-test) are written from the registry and the model. Rewrite them
//! with `UPDATE_GOLDEN=1 cargo test --test docs`; otherwise a drift fails this test.
#![cfg(not(target_arch = "wasm32"))]

use dprk_labor::observations::At;
use dprk_labor::{Kind, PARAMETERS, PRESETS, SOURCES, Scenario, backtest, evaluate};

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
    trim(x, 3)
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

fn parameters() -> String {
    let mut t = String::from(
        "| id | kind | meaning | unit | default | low–high | accepted | sources |\n|---|---|---|---|---|---|---|---|\n",
    );
    for p in PARAMETERS {
        let kind = match p.kind {
            Kind::Lever => "lever",
            Kind::Assumption => "assumption",
            Kind::Setting => "setting",
        };
        let range = match (p.low, p.high) {
            (Some(l), Some(h)) => format!("{}–{}", num(l), num(h)),
            _ => "–".into(),
        };
        t += &format!(
            "| `{}` | {kind} | {} | {} | {} | {range} | {}–{} | {} |\n",
            p.id,
            p.description,
            p.unit,
            num(p.default),
            num(p.min),
            num(p.max),
            p.sources
                .iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    t
}

fn sources() -> String {
    let mut t = String::from(
        "| id | source | date | reliability | what the model uses |\n|---|---|---|---|---|\n",
    );
    for s in SOURCES {
        let locator = match (s.url, s.document) {
            (Some(u), _) => format!(" <{u}>"),
            (None, Some(d)) => format!(" ({d})"),
            _ => String::new(),
        };
        t += &format!(
            "| `{}` | *{}*, {}{locator} | {} | {:?} | {} |\n",
            s.id, s.title, s.publisher, s.date, s.reliability, s.note
        );
    }
    t
}

fn presets() -> String {
    let mut t = String::from(
        "| preset | levers | revenue 2017 | revenue 2030 | cumulative 2017–2030 | denied | workers abroad 2030 |\n|---|---|---|---|---|---|---|\n",
    );
    for p in PRESETS {
        let r = evaluate(&Scenario::preset(p.id).unwrap());
        let levers = p
            .values
            .iter()
            .map(|(id, v)| format!("{id} {}", num(*v)))
            .collect::<Vec<_>>()
            .join(", ");
        t += &format!(
            "| **{}** ({}) | {levers} | {} | {} | {} | {} ({}%) | {} |\n",
            p.label,
            p.id,
            usd(r.revenue_usd[0]),
            usd(r.summary.final_year_revenue_usd),
            usd(r.summary.cumulative_revenue_usd),
            usd(r.summary.cumulative_denied_usd),
            trim(r.summary.denied_share * 100.0, 1),
            num(r.summary.final_year_workers.round())
        );
    }
    t
}

fn backtest_table() -> String {
    let mut t = String::from(
        "| observation | what was counted | observed | statusQuo | gap | in range | 5–95% band | note |\n|---|---|---|---|---|---|---|---|\n",
    );
    for row in backtest(&Scenario::preset("statusQuo").unwrap()) {
        let o = row.observation;
        let f = |x: f64| {
            if o.series.ends_with("revenueUsd") {
                usd(x)
            } else {
                num(x.round())
            }
        };
        let when = match o.at {
            At::Start => format!("start of {}", o.year),
            At::End => format!("end of {}", o.year),
            At::Year => format!("{}", o.year),
        };
        let observed = if o.low == o.high {
            f(o.value)
        } else {
            format!("{} ({}–{})", f(o.value), f(o.low), f(o.high))
        };
        let band = row
            .band
            .map_or("–".into(), |b| format!("{}–{}", f(b.p5), f(b.p95)));
        t += &format!(
            "| `{}`, {when} | {} [`{}`] | {observed} | {} | {} | {} | {band} | {} |\n",
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
    }
    t
}

#[test]
fn methodology_tables_match_the_code() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/methodology.md");
    let text = std::fs::read_to_string(path).unwrap();
    let version = format!("Model version: {} (", dprk_labor::MODEL_VERSION);
    assert!(
        text.contains(&version),
        "docs/methodology.md must state `{version}`"
    );
    let mut out = text.clone();
    for (name, table) in [
        ("parameters", parameters()),
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

#[test]
fn numbers_read_well() {
    assert_eq!(num(30023.0), "30,023");
    assert_eq!(num(500e6), "500M");
    assert_eq!(num(4.65e9), "4.65bn");
    assert_eq!(num(0.333), "0.333");
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
    let hosts: Vec<String> = dprk_labor::HOSTS.iter().map(|h| h.id.to_string()).collect();
    assert_eq!(union("export type HostId"), hosts);
    let presets: Vec<String> = PRESETS.iter().map(|p| p.id.to_string()).collect();
    assert_eq!(union("id: \"noEnforcement\""), presets);
    let outputs: Vec<String> = dprk_labor::analysis::Output::ALL
        .iter()
        .map(|(_, n)| n.to_string())
        .collect();
    assert_eq!(union("export type OutputId"), outputs);
}
