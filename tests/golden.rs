//! Golden outputs: the projection of every preset, as JSON, in `tests/golden/`, and model
//! 1's outputs (version 1.1.0) in `tests/golden/model1/`, which the model-1 special case must
//! still give.
//!
//! Regenerate the current goldens after a deliberate change to the model, then review the
//! diff by eye against the record (docs/methodology.md, "The record"):
//!
//! ```sh
//! UPDATE_GOLDEN=1 cargo test
//! ```
//!
//! The files under `model1/` are never regenerated: they are version 1.1.0's numbers.
#![cfg(not(target_arch = "wasm32"))]

use dprk_labor::{HOSTS, MODEL1_PRESETS, PRESETS, Scenario, evaluate};
use serde_json::Value;
use std::path::PathBuf;

fn path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(format!("{name}.json"))
}

fn read(name: &str) -> Value {
    let text = std::fs::read_to_string(path(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    serde_json::from_str(&text).unwrap()
}

#[test]
fn presets_match_their_golden_outputs() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut stale = Vec::new();
    for preset in PRESETS {
        let projection = evaluate(&Scenario::preset(preset.id).unwrap());
        let json = serde_json::to_string_pretty(&projection).unwrap() + "\n";
        let file = path(preset.id);
        if update {
            std::fs::write(&file, &json).unwrap();
        } else if std::fs::read_to_string(&file).ok().as_deref() != Some(json.as_str()) {
            stale.push(preset.id);
        }
    }
    assert!(
        stale.is_empty(),
        "golden outputs differ for {stale:?}; if the change is deliberate, run \
         `UPDATE_GOLDEN=1 cargo test --test golden` and review the diff"
    );
}

/// Every number of `old` equals the number at the same place in `new`, to `tol` relative;
/// fields that `old` does not have (model 2's additions) are not compared.
fn same_numbers(old: &Value, new: &Value, at: &str, tol: f64, out: &mut Vec<String>) {
    match (old, new) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, v) in a {
                match b.get(k) {
                    Some(w) => same_numbers(v, w, &format!("{at}.{k}"), tol, out),
                    None => out.push(format!("{at}.{k} is missing")),
                }
            }
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => {
            for (i, (v, w)) in a.iter().zip(b).enumerate() {
                same_numbers(v, w, &format!("{at}[{i}]"), tol, out);
            }
        }
        (Value::Number(a), Value::Number(b)) => {
            let (a, b) = (a.as_f64().unwrap(), b.as_f64().unwrap());
            if (a - b).abs() > tol * a.abs().max(b.abs()) {
                out.push(format!("{at}: {a} became {b}"));
            }
        }
        (a, b) if a == b => {}
        (a, b) => out.push(format!("{at}: {a} became {b}")),
    }
}

/// With the border open, every demand at 1 and every value constant, the model gives model
/// 1.1.0's numbers: every preset of model 1, to the bit. (Its Monte Carlo bands changed in
/// 3.0.0, when designation cooperation became a lever and left the draws.)
#[test]
fn model1_special_case_gives_version_1_1_0() {
    let mut differences = Vec::new();
    for preset in MODEL1_PRESETS {
        let s = Scenario::model1_preset(preset.id).unwrap();
        assert!(s.is_constant());
        let new = serde_json::to_value(evaluate(&s)).unwrap();
        let old = read(&format!("model1/{}", preset.id));
        same_numbers(&old, &new, preset.id, 0.0, &mut differences);
    }
    assert!(
        differences.is_empty(),
        "not bit-identical: {differences:#?}"
    );
}

/// Model 2.0.0's deterministic numbers, for its presets whose levers model 3 keeps: with
/// every host's visa enforcement at 0 and 2.0.0's values for the parameters whose record
/// 3.0.0 rebuilt (the wages, China's target, the designations of 2023-2025), every number
/// of `tests/golden/model2/` comes back to 1e-12 relative. The files are never regenerated.
#[test]
fn model2_values_give_version_2_0_0() {
    let designations_2_0_0: Vec<(i32, f64)> = vec![
        (2017, 1.0),
        (2018, 2.0),
        (2019, 0.0),
        (2020, 4.0),
        (2021, 0.0),
        (2023, 1.0),
        (2024, 2.0),
        (2025, 10.0),
        (2026, 2.0),
    ];
    let mut differences = Vec::new();
    for id in [
        "record",
        "noEnforcement",
        "statusQuo",
        "closeVisaLoophole",
        "designationSurge",
        "loopholeClosed2020",
    ] {
        let mut s = Scenario::preset(id)
            .unwrap()
            .with_pairs([
                ("wage.china", dprk_labor::Value::Constant(400.0)),
                ("wage.russia", dprk_labor::Value::Constant(360.0)),
                ("wage.other", dprk_labor::Value::Constant(500.0)),
                ("demand.china", dprk_labor::Value::Constant(1.0)),
            ])
            .unwrap();
        for h in HOSTS {
            assert_eq!(
                s.value_at(&format!("visaEnforcement.{}", h.id), 2030),
                Some(0.0)
            );
        }
        if let Some(dprk_labor::Value::Schedule(steps)) = s.get("designationsPerYear") {
            // Presets on the record keep their own steps from their policy year.
            let own: Vec<(i32, f64)> = steps.iter().copied().filter(|(y, _)| *y > 2026).collect();
            let mut old = designations_2_0_0.clone();
            old.extend(own);
            s.set("designationsPerYear", dprk_labor::Value::Schedule(old))
                .unwrap();
        }
        let new = serde_json::to_value(evaluate(&s)).unwrap();
        same_numbers(
            &read(&format!("model2/{id}")),
            &new,
            id,
            1e-12,
            &mut differences,
        );
    }
    assert!(differences.is_empty(), "{differences:#?}");
}

/// The comparison reports what it finds: a changed number fails it.
#[test]
fn a_changed_number_is_reported() {
    let old: Value = serde_json::from_str(r#"{"a": [1, 2], "b": {"c": 3}}"#).unwrap();
    let new: Value =
        serde_json::from_str(r#"{"a": [1, 2.000001], "b": {"c": 3}, "d": 4}"#).unwrap();
    let mut out = Vec::new();
    same_numbers(&old, &new, "x", 1e-12, &mut out);
    assert_eq!(out, ["x.a[1]: 2 became 2.000001"]);
}

/// The figures the model's design quotes for model 1's status quo.
#[test]
fn model1_status_quo_matches_the_design() {
    let v = read("model1/statusQuo");
    let russia = &v["hosts"][1];
    assert_eq!(russia["id"], "russia");
    let at = |series: &str, i: usize| russia[series][i].as_f64().unwrap();
    assert_eq!(at("permitted", 0), 30_000.0);
    assert!((at("permitted", 1) - 14_800.0).abs() < 50.0);
    assert!((at("permitted", 2) - 7_800.0).abs() < 100.0);
    assert!((at("disguised", 2) - 11_300.0).abs() < 100.0);
}
