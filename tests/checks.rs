//! Runs the scenario checks of `tests/scenario-checks.json`: statements about the model that
//! must hold, each with its reason. A failure names the statement, the scenarios and the
//! numbers.
#![cfg(not(target_arch = "wasm32"))]

use dprk_labor::{MODEL1_PRESETS, PRESETS, Scenario, evaluate, registry::levers};
use serde_json::Value;

/// The scenario of a check side: a preset plus `set`, over the defaults (model 1's, with
/// `"model": 1`). A `set` value is a number or a list of `[year, value]` steps, read as a
/// scenario file reads it.
fn scenario(side: &Value) -> Result<Scenario, String> {
    let model1 = side["model"] == 1;
    let mut s = match (side["preset"].as_str(), model1) {
        (Some(id), false) => Scenario::preset(id).map_err(|e| e.to_string())?,
        (Some(id), true) => Scenario::model1_preset(id).map_err(|e| e.to_string())?,
        (None, false) => Scenario::default(),
        (None, true) => Scenario::model1(),
    };
    if let Some(set) = side["set"].as_object() {
        let read: Scenario =
            serde_json::from_value(Value::Object(set.clone())).map_err(|e| e.to_string())?;
        for id in set.keys() {
            s.set(id, read.get(id).unwrap().clone())
                .map_err(|e| e.to_string())?;
        }
    }
    Ok(s)
}

/// A metric of a projection: `a.b.c`, `series@YEAR` or `series@FROM..TO` (largest value).
fn metric(projection: &Value, path: &str) -> Result<f64, String> {
    let (field, years) = match path.split_once('@') {
        Some((f, y)) => (f, Some(y)),
        None => (path, None),
    };
    let mut v = projection;
    let mut parts = field.split('.').peekable();
    while let Some(part) = parts.next() {
        v = if part == "hosts" {
            let id = parts.next().ok_or("hosts needs a host id")?;
            v["hosts"]
                .as_array()
                .and_then(|h| h.iter().find(|h| h["id"] == id))
                .ok_or(format!("no host {id}"))?
        } else {
            v.get(part).ok_or(format!("no field {part} in {path}"))?
        };
    }
    let Some(years) = years else {
        return v.as_f64().ok_or(format!("{path} is not a number"));
    };
    let (from, to) = years.split_once("..").unwrap_or((years, years));
    let (from, to): (i64, i64) = (
        from.parse().map_err(|_| path)?,
        to.parse().map_err(|_| path)?,
    );
    let first = projection["years"][0].as_i64().ok_or("no years")?;
    (from..=to)
        .map(|y| {
            v[(y - first) as usize]
                .as_f64()
                .ok_or(format!("{path}: no value for {y}"))
        })
        .try_fold(f64::NEG_INFINITY, |m, x| x.map(|x| m.max(x)))
}

/// A side's metric: with `"sum": true` a span `series@FROM..TO` is summed, not maximized.
fn side_value(side: &Value) -> Result<f64, String> {
    let p = serde_json::to_value(evaluate(&scenario(side)?)).unwrap();
    let path = side["metric"].as_str().ok_or("metric missing")?;
    if side["sum"] == true {
        let (series, span) = path.split_once('@').ok_or("a sum needs a span")?;
        let (from, to) = span.split_once("..").ok_or("a sum needs FROM..TO")?;
        let (from, to): (i64, i64) = (
            from.parse().map_err(|_| path)?,
            to.parse().map_err(|_| path)?,
        );
        return (from..=to)
            .map(|y| metric(&p, &format!("{series}@{y}")))
            .sum();
    }
    metric(&p, path)
}

fn check(c: &Value) -> Result<(), String> {
    let left = side_value(&c["left"])?;
    let op = c["op"].as_str().ok_or("op missing")?;
    let (holds, against) = if op == "within" {
        let r = &c["range"];
        let (lo, hi) = (r[0].as_f64().ok_or("range")?, r[1].as_f64().ok_or("range")?);
        (lo <= left && left <= hi, format!("[{lo}, {hi}]"))
    } else {
        // `factor` scales the other side: "under a quarter of the record's" is `<` with 0.25.
        let factor = c
            .get("factor")
            .map_or(Some(1.0), Value::as_f64)
            .ok_or("factor")?;
        let right = factor
            * match c.get("right") {
                Some(side) => side_value(side)?,
                None => c["value"].as_f64().ok_or("value or right missing")?,
            };
        let holds = match op {
            ">" => left > right,
            "<" => left < right,
            ">=" => left >= right,
            "<=" => left <= right,
            "==" => left == right,
            _ => return Err(format!("unknown op {op}")),
        };
        (holds, format!("{right}"))
    };
    if holds {
        Ok(())
    } else {
        Err(format!("{left} {op} {against} does not hold"))
    }
}

fn checks() -> Vec<Value> {
    let text = include_str!("scenario-checks.json");
    let file: Value = serde_json::from_str(text).unwrap();
    file["checks"].as_array().unwrap().clone()
}

#[test]
fn every_scenario_check_holds() {
    let failures: Vec<String> = checks()
        .iter()
        .filter_map(|c| {
            check(c).err().map(|why| {
                format!(
                    "\n- {}\n  because: {}\n  left: {}\n  right: {}\n  {why}",
                    c["statement"],
                    c["reason"],
                    c["left"],
                    c.get("right").unwrap_or(&Value::Null)
                )
            })
        })
        .collect();
    assert!(
        failures.is_empty(),
        "scenario checks failed:{}",
        failures.concat()
    );
}

#[test]
fn checks_cover_every_lever_and_every_preset() {
    let checks = checks();
    assert!(checks.len() >= 15);
    let sides: Vec<&Value> = checks
        .iter()
        .flat_map(|c| [&c["left"], &c["right"]])
        .collect();
    for (model1, presets) in [(false, PRESETS), (true, MODEL1_PRESETS)] {
        for p in presets {
            assert!(
                sides
                    .iter()
                    .any(|s| s["preset"] == p.id && (s["model"] == 1) == model1),
                "no check uses preset {} (model 1: {model1})",
                p.id
            );
        }
    }
    for lever in levers() {
        let moved = sides.iter().any(|s| s["set"].get(lever.id).is_some())
            || PRESETS.iter().any(|p| {
                // A comparison of two presets that differ in this lever covers it too.
                checks.iter().any(|c| {
                    let (l, r) = (c["left"]["preset"].as_str(), c["right"]["preset"].as_str());
                    l == Some(p.id)
                        && r.is_some_and(|r| {
                            c["left"]["model"].is_null() && differ(p.id, r, lever.id)
                        })
                })
            });
        assert!(moved, "no check moves lever {}", lever.id);
    }
    for c in &checks {
        assert!(c["statement"].is_string() && c["reason"].is_string(), "{c}");
    }
}

fn differ(a: &str, b: &str, lever: &str) -> bool {
    let value = |id| Scenario::preset(id).unwrap().get(lever).cloned();
    value(a) != value(b)
}

/// A check that should fail does, and says why.
#[test]
fn a_false_statement_fails_with_its_numbers() {
    let c: Value = serde_json::from_str(
        r#"{"left": {"preset": "statusQuo", "model": 1, "metric": "workers@2017"}, "op": "<", "value": 1}"#,
    )
    .unwrap();
    assert_eq!(check(&c).unwrap_err(), "100000 < 1 does not hold");
    let c: Value = serde_json::from_str(
        r#"{"left": {"preset": "nope", "metric": "workers@2017"}, "op": "<", "value": 1}"#,
    )
    .unwrap();
    assert!(check(&c).unwrap_err().contains("\"preset\" = \"nope\""));
}
