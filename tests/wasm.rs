//! What JavaScript receives from the wasm API, in Node (`wasm-pack test --node`) and in
//! headless Chromium (`WASM_BINDGEN_USE_BROWSER=1 wasm-pack test --headless --chrome`).
#![cfg(target_arch = "wasm32")]

use dprk_labor::wasm;
use js_sys::{Array, JSON, Object, RangeError, Reflect, TypeError};
use serde::Deserialize;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

/// The projection as JS sees it; unknown or missing fields fail deserialisation.
#[derive(Deserialize, Debug)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Projection {
    years: Vec<f64>,
    workers: Vec<f64>,
    permitted: Vec<f64>,
    disguised: Vec<f64>,
    revenue_usd: Vec<f64>,
    comparator: Comparator,
    hosts: Vec<HostSeries>,
    summary: Summary,
    calibration: Calibration,
}

#[derive(Deserialize, Debug)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Comparator {
    workers: Vec<f64>,
    revenue_usd: Vec<f64>,
}

#[derive(Deserialize, Debug)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct HostSeries {
    id: String,
    label: String,
    permitted: Vec<f64>,
    disguised: Vec<f64>,
    workers: Vec<f64>,
    revenue_usd: Vec<f64>,
}

#[derive(Deserialize, Debug)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Summary {
    final_year_revenue_usd: f64,
    cumulative_revenue_usd: f64,
    cumulative_denied_usd: f64,
    denied_share: f64,
    base_year_workers: f64,
    final_year_workers: f64,
}

#[derive(Deserialize, Debug)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Calibration {
    bottom_up_revenue_usd: f64,
    estimate_revenue_usd: f64,
    scale: f64,
    anchored: bool,
}

/// A JS object from JSON text.
fn js(json: &str) -> JsValue {
    JSON::parse(json).unwrap()
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap()
}

fn projection(v: JsValue) -> Projection {
    serde_wasm_bindgen::from_value(v).unwrap()
}

#[wasm_bindgen_test]
fn evaluate_returns_the_documented_shape() {
    let p = projection(
        wasm::evaluate(js(
            r#"{"repatriation.russia": 0.5, "permitBan.russia": 0.9}"#,
        ))
        .unwrap(),
    );
    assert_eq!(p.years.first(), Some(&2017.0));
    assert_eq!(p.years.len(), 14);
    for series in [
        &p.workers,
        &p.permitted,
        &p.disguised,
        &p.revenue_usd,
        &p.comparator.workers,
        &p.comparator.revenue_usd,
    ] {
        assert_eq!(series.len(), 14);
    }
    let ids: Vec<_> = p.hosts.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["china", "russia", "other"]);
    assert_eq!(p.hosts[1].label, "Russia");
    assert!(p.hosts.iter().all(|h| h.workers.len() == 14
        && h.permitted.len() == 14
        && h.disguised.len() == 14
        && h.revenue_usd.len() == 14));
    assert!(p.summary.cumulative_denied_usd > 0.0 && p.summary.denied_share > 0.0);
    assert!(p.summary.final_year_revenue_usd > 0.0 && p.summary.cumulative_revenue_usd > 0.0);
    assert_eq!(p.summary.base_year_workers, 100_000.0);
    assert!(p.summary.final_year_workers < 100_000.0);
    assert!(p.calibration.anchored && (p.calibration.scale - 1.485).abs() < 0.001);
    assert_eq!(p.calibration.estimate_revenue_usd, 500e6);
    assert!((p.calibration.bottom_up_revenue_usd - 336.6e6).abs() < 1.0);
}

#[wasm_bindgen_test]
fn values_are_plain_js_numbers_arrays_and_objects() {
    let v = wasm::evaluate(JsValue::UNDEFINED).unwrap();
    assert!(Array::is_array(&get(&v, "years")));
    assert!(get(&get(&v, "years"), "0").as_f64() == Some(2017.0));
    assert!(get(&v, "summary").is_object() && !get(&v, "summary").is_instance_of::<js_sys::Map>());
    // `null` for absent optional fields, never `undefined`.
    let params = wasm::parameters().unwrap();
    let lever = Array::from(&params).get(0);
    assert!(
        get(&lever, "low").is_null() && get(&lever, "host").as_string().as_deref() == Some("china")
    );
    let presets = Array::from(&wasm::presets().unwrap());
    let values = get(&presets.get(1), "values");
    assert!(!values.is_instance_of::<js_sys::Map>());
    assert_eq!(get(&values, "permitBan.russia").as_f64(), Some(0.95));
    assert_eq!(Reflect::own_keys(&values).unwrap().length(), 8);
}

#[wasm_bindgen_test]
fn registry_functions() {
    assert_eq!(Array::from(&wasm::parameters().unwrap()).length(), 31);
    assert_eq!(Array::from(&wasm::presets().unwrap()).length(), 5);
    assert_eq!(Array::from(&wasm::hosts().unwrap()).length(), 3);
    let sources = Array::from(&wasm::sources().unwrap());
    assert!(sources.length() >= 10);
    assert_eq!(
        get(&sources.get(0), "reliability").as_string().as_deref(),
        Some("C")
    );
    let v = wasm::version().unwrap();
    assert_eq!(
        get(&v, "crateVersion").as_string().as_deref(),
        Some(env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(
        get(&v, "modelVersion").as_string().as_deref(),
        Some(dprk_labor::MODEL_VERSION)
    );
}

/// The same numbers natively (the golden file) and in wasm, to the bit.
#[wasm_bindgen_test]
fn bit_identical_to_the_native_golden_output() {
    let golden: serde_json::Value =
        serde_json::from_str(include_str!("golden/statusQuo.json")).unwrap();
    let preset = Array::from(&wasm::presets().unwrap()).get(1);
    let p = projection(wasm::evaluate(get(&preset, "values")).unwrap());
    let want: Vec<f64> = golden["revenueUsd"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect();
    assert_eq!(p.revenue_usd, want);
    let want = golden["hosts"][1]["disguised"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect::<Vec<_>>();
    assert_eq!(p.hosts[1].disguised, want);
    assert_eq!(
        p.summary.cumulative_revenue_usd,
        golden["summary"]["cumulativeRevenueUsd"].as_f64().unwrap()
    );
}

enum Class {
    Range,
    Type,
}

/// Bad input → the right error class and a message naming the field; then a good call works.
fn rejects(input: JsValue, class: Class, needles: &[&str]) {
    let err = wasm::evaluate(input).expect_err("bad input was accepted");
    let message = match class {
        Class::Range => err.dyn_ref::<RangeError>().expect("a RangeError").message(),
        Class::Type => err.dyn_ref::<TypeError>().expect("a TypeError").message(),
    };
    let message = String::from(message);
    for needle in needles {
        assert!(
            message.contains(needle),
            "{message:?} does not mention {needle:?}"
        );
    }
    let ok = projection(wasm::evaluate(js(r#"{"visaClarification": 1}"#)).unwrap());
    assert_eq!(
        ok.years.len(),
        14,
        "the module must keep working after an error"
    );
}

#[wasm_bindgen_test]
fn unknown_id() {
    rejects(
        js(r#"{"repatriaton.russia": 0.5}"#),
        Class::Range,
        &["\"repatriaton.russia\"", "parameters()"],
    );
}

#[wasm_bindgen_test]
fn string_value() {
    rejects(
        js(r#"{"visaClarification": "1"}"#),
        Class::Type,
        &["\"visaClarification\"", "number", "string \"1\""],
    );
}

#[wasm_bindgen_test]
fn nan_value() {
    let o = Object::new();
    Reflect::set(&o, &"wage.china".into(), &JsValue::from_f64(f64::NAN)).unwrap();
    rejects(o.into(), Class::Range, &["\"wage.china\"", "finite", "NaN"]);
}

#[wasm_bindgen_test]
fn infinite_value() {
    let o = Object::new();
    Reflect::set(
        &o,
        &"stateTakeShare".into(),
        &JsValue::from_f64(f64::INFINITY),
    )
    .unwrap();
    rejects(
        o.into(),
        Class::Range,
        &["\"stateTakeShare\"", "finite", "inf"],
    );
}

#[wasm_bindgen_test]
fn negative_value() {
    rejects(
        js(r#"{"designationsPerYear": -1}"#),
        Class::Range,
        &["\"designationsPerYear\" = -1", "allowed 0 to 50"],
    );
}

#[wasm_bindgen_test]
fn above_max() {
    rejects(
        js(r#"{"repatriation.russia": 1.5}"#),
        Class::Range,
        &["\"repatriation.russia\" = 1.5", "allowed 0 to 1"],
    );
}

#[wasm_bindgen_test]
fn null_value() {
    rejects(
        js(r#"{"permitBan.china": null}"#),
        Class::Type,
        &["\"permitBan.china\"", "null"],
    );
}

#[wasm_bindgen_test]
fn nested_object() {
    rejects(
        js(r#"{"repatriation": {"russia": 0.5}}"#),
        Class::Range,
        &["\"repatriation\""],
    );
    rejects(
        js(r#"{"repatriation.russia": {"value": 0.5}}"#),
        Class::Type,
        &["\"repatriation.russia\"", "an object"],
    );
}

#[wasm_bindgen_test]
fn end_year_before_base_year() {
    rejects(
        js(r#"{"baseYear": 2020, "endYear": 2019}"#),
        Class::Range,
        &["\"endYear\" = 2019", "baseYear (2020)"],
    );
}

#[wasm_bindgen_test]
fn horizon_of_41_years() {
    rejects(
        js(r#"{"baseYear": 2017, "endYear": 2058}"#),
        Class::Range,
        &["\"endYear\" = 2058", "2057"],
    );
}

#[wasm_bindgen_test]
fn fractional_year_and_non_object_scenarios() {
    rejects(
        js(r#"{"baseYear": 2017.5}"#),
        Class::Range,
        &["\"baseYear\" = 2017.5", "whole"],
    );
    rejects(JsValue::NULL, Class::Type, &["scenario", "null"]);
    rejects(
        JsValue::from_str("visaClarification=1"),
        Class::Type,
        &["scenario", "string"],
    );
    rejects(js("[1, 2]"), Class::Type, &["scenario", "an array"]);
    rejects(
        js(r#"{"anchorToEstimate": true}"#),
        Class::Type,
        &["\"anchorToEstimate\"", "boolean"],
    );
}

/// Monte Carlo in wasm equals the native run, to the bit (same seed, same draws).
#[wasm_bindgen_test]
fn uncertainty_is_bit_identical_to_native() {
    let golden: serde_json::Value =
        serde_json::from_str(include_str!("golden/uncertainty-statusQuo-500-7.json")).unwrap();
    let preset = Array::from(&wasm::presets().unwrap()).get(1);
    let u = wasm::uncertainty(get(&preset, "values"), js(r#"{"draws": 500, "seed": 7}"#)).unwrap();
    let got: serde_json::Value = serde_wasm_bindgen::from_value(u).unwrap();
    assert_eq!(got, golden);
}

#[wasm_bindgen_test]
fn analysis_functions_return_their_shapes() {
    let t = wasm::sensitivity(
        JsValue::UNDEFINED,
        js(r#"{"output": "cumulativeDeniedUsd"}"#),
    )
    .unwrap();
    assert_eq!(
        get(&t, "output").as_string().as_deref(),
        Some("cumulativeDeniedUsd")
    );
    let bars = Array::from(&get(&t, "bars"));
    assert_eq!(bars.length(), 20);
    for key in [
        "id",
        "label",
        "low",
        "high",
        "outputAtLow",
        "outputAtHigh",
        "swing",
    ] {
        assert!(!get(&bars.get(0), key).is_undefined(), "{key}");
    }
    let g = wasm::goal_seek(
        JsValue::UNDEFINED,
        js(r#"{"lever": "visaClarification", "targetDeniedShare": 0.99}"#),
    )
    .unwrap();
    assert_eq!(get(&g, "reachable").as_bool(), Some(false));
    assert!(get(&g, "value").is_null());
    let obs = Array::from(&wasm::observations().unwrap());
    assert!(obs.length() >= 10);
    let rows = Array::from(&wasm::backtest(JsValue::UNDEFINED).unwrap());
    assert_eq!(rows.length(), obs.length());
    assert!(get(&get(&rows.get(0), "band"), "p95").as_f64().is_some());
}

/// Bad options: the error names the option, the value and the range; a good call follows.
#[wasm_bindgen_test]
fn analysis_options_are_checked() {
    let cases: [(Result<JsValue, JsValue>, bool, &[&str]); 9] = [
        (
            wasm::uncertainty(JsValue::UNDEFINED, js(r#"{"draws": 0}"#)),
            true,
            &["\"draws\" = 0", "1 to 100000"],
        ),
        (
            wasm::uncertainty(JsValue::UNDEFINED, js(r#"{"draws": 100001}"#)),
            true,
            &["\"draws\""],
        ),
        (
            wasm::uncertainty(JsValue::UNDEFINED, js(r#"{"draws": "many"}"#)),
            false,
            &["\"draws\"", "number"],
        ),
        (
            wasm::uncertainty(JsValue::UNDEFINED, js(r#"{"seeds": 1}"#)),
            true,
            &["\"seeds\"", "draws, seed"],
        ),
        (
            wasm::sensitivity(JsValue::UNDEFINED, js(r#"{"output": "revenue"}"#)),
            true,
            &["\"revenue\"", "cumulativeRevenueUsd"],
        ),
        (
            wasm::goal_seek(
                JsValue::UNDEFINED,
                js(r#"{"lever": "wage.china", "targetDeniedShare": 0.5}"#),
            ),
            true,
            &["\"wage.china\"", "visaClarification"],
        ),
        (
            wasm::goal_seek(
                JsValue::UNDEFINED,
                js(r#"{"lever": "visaClarification", "targetDeniedShare": 50}"#),
            ),
            true,
            &["\"targetDeniedShare\" = 50", "0 to 1"],
        ),
        (
            wasm::goal_seek(JsValue::UNDEFINED, js(r#"{"lever": "visaClarification"}"#)),
            false,
            &["targetDeniedShare", "required"],
        ),
        (
            wasm::goal_seek(JsValue::UNDEFINED, JsValue::UNDEFINED),
            false,
            &["lever", "required"],
        ),
    ];
    for (result, range, needles) in cases {
        let err = result.expect_err("bad options were accepted");
        let message = if range {
            String::from(err.dyn_ref::<RangeError>().expect("a RangeError").message())
        } else {
            String::from(err.dyn_ref::<TypeError>().expect("a TypeError").message())
        };
        for needle in needles {
            assert!(message.contains(needle), "{message:?} lacks {needle:?}");
        }
        assert!(wasm::uncertainty(JsValue::UNDEFINED, js(r#"{"draws": 10}"#)).is_ok());
    }
}
