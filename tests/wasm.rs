//! What JavaScript receives from the wasm API, in Node (`wasm-pack test --node`) and in
//! headless Chromium (`WASM_BINDGEN_USE_BROWSER=1 wasm-pack test --headless --chrome`).
#![cfg(target_arch = "wasm32")]

use dprk_labor::{HOSTS, MODEL1_PRESETS, PARAMETERS, PRESETS, Scenario, wasm};
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
    arrivals: Vec<f64>,
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
    arrivals: Vec<f64>,
    revenue_usd: Vec<f64>,
    hosts: Vec<ComparatorHost>,
}

#[derive(Deserialize, Debug)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ComparatorHost {
    id: String,
    workers: Vec<f64>,
    arrivals: Vec<f64>,
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
    arrivals: Vec<f64>,
    revenue_usd: Vec<f64>,
    per_worker_usd: Vec<f64>,
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
    per_worker_usd: Vec<f64>,
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

/// A native scenario as the JS object a caller would pass.
fn as_js(s: &Scenario) -> JsValue {
    js(&serde_json::to_string(s).unwrap())
}

#[wasm_bindgen_test]
fn evaluate_returns_the_documented_shape() {
    let p = projection(
        wasm::evaluate(js(
            r#"{"repatriation.russia": 0.5, "permitBan.russia": [[2018, 0.9]]}"#,
        ))
        .unwrap(),
    );
    let n = 14;
    assert_eq!(p.years.first(), Some(&2017.0));
    assert_eq!(p.years.len(), n);
    for series in [
        &p.workers,
        &p.permitted,
        &p.disguised,
        &p.arrivals,
        &p.revenue_usd,
        &p.comparator.workers,
        &p.comparator.arrivals,
        &p.comparator.revenue_usd,
    ] {
        assert_eq!(series.len(), n);
    }
    let ids: Vec<_> = p.hosts.iter().map(|h| h.id.as_str()).collect();
    let registry: Vec<_> = HOSTS.iter().map(|h| h.id).collect();
    assert_eq!(ids, registry);
    assert_eq!(p.hosts[1].label, "Russia");
    assert!(p.hosts.iter().all(|h| {
        [
            &h.workers,
            &h.permitted,
            &h.disguised,
            &h.arrivals,
            &h.revenue_usd,
        ]
        .iter()
        .all(|s| s.len() == n)
    }));
    let comparator_ids: Vec<_> = p.comparator.hosts.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(comparator_ids, registry);
    assert!(
        p.comparator
            .hosts
            .iter()
            .all(|h| h.workers.len() == n && h.arrivals.len() == n && h.revenue_usd.len() == n)
    );
    assert!(p.summary.cumulative_denied_usd > 0.0 && p.summary.denied_share > 0.0);
    assert!(p.summary.final_year_revenue_usd > 0.0 && p.summary.cumulative_revenue_usd > 0.0);
    assert_eq!(p.summary.base_year_workers, 100_000.0);
    assert!(p.summary.final_year_workers < *p.comparator.workers.last().unwrap());
    // The record's base-year wages (Russia's wage paid, $550): docs/methodology.md.
    assert!(p.calibration.anchored && (p.calibration.scale - 1.303).abs() < 0.001);
    assert_eq!(p.calibration.per_worker_usd.len(), HOSTS.len());
    assert_eq!(p.calibration.estimate_revenue_usd, 500e6);
    assert!((p.calibration.bottom_up_revenue_usd - 383.625e6).abs() < 1.0);
    assert!(p.hosts.iter().all(|h| h.per_worker_usd.len() == n));
}

#[wasm_bindgen_test]
fn values_are_plain_js_numbers_arrays_and_objects() {
    let v = wasm::evaluate(JsValue::UNDEFINED).unwrap();
    assert!(Array::is_array(&get(&v, "years")));
    assert!(get(&get(&v, "years"), "0").as_f64() == Some(2017.0));
    assert!(Array::is_array(
        &get(&get(&v, "hosts"), "0")
            .dyn_into::<Object>()
            .map(|h| get(&h, "arrivals"))
            .unwrap()
    ));
    assert!(get(&v, "summary").is_object() && !get(&v, "summary").is_instance_of::<js_sys::Map>());
    assert_eq!(
        get(&get(&v, "calibration"), "anchored").as_bool(),
        Some(true)
    );
    // `null` for absent optional fields, never `undefined`.
    let params = wasm::parameters().unwrap();
    let lever = Array::from(&params).get(0);
    assert!(
        get(&lever, "low").is_null() && get(&lever, "host").as_string().as_deref() == Some("china")
    );
    assert_eq!(get(&lever, "unit").as_string().as_deref(), Some("share"));
    let presets = Array::from(&wasm::presets().unwrap());
    let record = presets.get(0);
    assert_eq!(get(&record, "id").as_string().as_deref(), Some("record"));
    let values = get(&record, "values");
    assert!(!values.is_instance_of::<js_sys::Map>());
    let steps = get(&values, "repatriation.russia");
    assert!(Array::is_array(&steps) && Array::is_array(&Array::from(&steps).get(0)));
    let cited = get(&get(&record, "steps"), "repatriation.russia");
    assert_eq!(
        get(&Array::from(&cited).get(1), "source")
            .as_string()
            .as_deref(),
        Some("russia-midterm-2019")
    );
}

#[wasm_bindgen_test]
fn registry_functions_follow_the_tables() {
    assert_eq!(
        Array::from(&wasm::parameters().unwrap()).length() as usize,
        PARAMETERS.len()
    );
    assert_eq!(
        Array::from(&wasm::presets().unwrap()).length() as usize,
        PRESETS.len()
    );
    assert_eq!(
        Array::from(&wasm::model1_presets().unwrap()).length() as usize,
        MODEL1_PRESETS.len()
    );
    assert_eq!(
        Array::from(&wasm::hosts().unwrap()).length() as usize,
        HOSTS.len()
    );
    let sources = Array::from(&wasm::sources().unwrap());
    assert_eq!(sources.length() as usize, dprk_labor::SOURCES.len());
    assert_eq!(
        get(&sources.get(0), "reliability").as_string().as_deref(),
        Some("C")
    );
    let limits = wasm::limits().unwrap();
    assert_eq!(get(&limits, "maxHorizonYears").as_f64(), Some(40.0));
    assert_eq!(get(&limits, "maxSteps").as_f64(), Some(64.0));
    assert_eq!(
        Array::from(&get(&limits, "units")).length() as usize,
        dprk_labor::Unit::ALL.len()
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

/// Whether two JSON values are equal, numbers compared as numbers (JavaScript has no
/// integers: `0` and `0.0` are the same number).
fn same(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    use serde_json::Value::*;
    match (a, b) {
        (Number(x), Number(y)) => x.as_f64() == y.as_f64(),
        (Array(x), Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y)),
        (Object(x), Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

fn numbers(v: &serde_json::Value) -> Vec<f64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect()
}

/// The same numbers natively (the golden files) and in wasm, to the bit: the record, and
/// model 1's status quo in model 1's meaning.
#[wasm_bindgen_test]
fn bit_identical_to_the_native_golden_outputs() {
    let golden: serde_json::Value =
        serde_json::from_str(include_str!("golden/record.json")).unwrap();
    let record = Array::from(&wasm::presets().unwrap()).get(0);
    let got: serde_json::Value =
        serde_wasm_bindgen::from_value(wasm::evaluate(get(&record, "values")).unwrap()).unwrap();
    assert!(
        same(&got, &golden),
        "evaluate differs from tests/golden/record.json"
    );
    let old: serde_json::Value =
        serde_json::from_str(include_str!("golden/model1/statusQuo.json")).unwrap();
    let p =
        projection(wasm::evaluate(as_js(&Scenario::model1_preset("statusQuo").unwrap())).unwrap());
    assert_eq!(p.revenue_usd, numbers(&old["revenueUsd"]));
    assert_eq!(p.hosts[1].disguised, numbers(&old["hosts"][1]["disguised"]));
    assert_eq!(
        p.summary.cumulative_revenue_usd,
        old["summary"]["cumulativeRevenueUsd"].as_f64().unwrap()
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
    let ok =
        projection(wasm::evaluate(js(r#"{"visaClarification": [[2017, 0], [2027, 1]]}"#)).unwrap());
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
fn nan_and_infinite_values() {
    let o = Object::new();
    Reflect::set(&o, &"wage.china".into(), &JsValue::from_f64(f64::NAN)).unwrap();
    rejects(o.into(), Class::Range, &["\"wage.china\"", "finite", "NaN"]);
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
        &["\"stateTakeShare\"", "finite", "got Infinity"],
    );
}

#[wasm_bindgen_test]
fn values_out_of_range() {
    rejects(
        js(r#"{"designationsPerYear": -1}"#),
        Class::Range,
        &["\"designationsPerYear\" = -1", "allowed 0 to 50"],
    );
    rejects(
        js(r#"{"repatriation.russia": 1.5}"#),
        Class::Range,
        &["\"repatriation.russia\" = 1.5", "allowed 0 to 1"],
    );
}

#[wasm_bindgen_test]
fn null_and_nested_values() {
    rejects(
        js(r#"{"permitBan.china": null}"#),
        Class::Type,
        &["\"permitBan.china\"", "null"],
    );
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
fn horizons() {
    rejects(
        js(r#"{"baseYear": 2020, "endYear": 2019}"#),
        Class::Range,
        &["\"endYear\" = 2019", "baseYear (2020)"],
    );
    rejects(
        js(r#"{"baseYear": 2017, "endYear": 2058}"#),
        Class::Range,
        &["\"endYear\" = 2058", "2057"],
    );
    rejects(
        js(r#"{"baseYear": 2017.5}"#),
        Class::Range,
        &["\"baseYear\" = 2017.5", "whole"],
    );
}

#[wasm_bindgen_test]
fn scenarios_that_are_not_plain_objects() {
    rejects(JsValue::NULL, Class::Type, &["scenario", "null"]);
    rejects(
        JsValue::from_str("visaClarification=1"),
        Class::Type,
        &["scenario", "string"],
    );
    rejects(js("[1, 2]"), Class::Type, &["scenario", "an array"]);
    rejects(js::new_map(), Class::Type, &["scenario", "a Map"]);
    rejects(
        js(r#"{"anchorToEstimate": true}"#),
        Class::Type,
        &["\"anchorToEstimate\"", "boolean"],
    );
}

mod js {
    use wasm_bindgen::JsValue;
    pub fn new_map() -> JsValue {
        js_sys::Map::new().into()
    }
}

/// Eight kinds of bad schedule, each named by its parameter and its year, with a good call
/// after each.
#[wasm_bindgen_test]
fn bad_schedules_name_the_parameter_and_the_year() {
    let cases: [(&str, Class, &[&str]); 8] = [
        (
            r#"{"repatriation.russia": [[2020, 0.3], [2018, 0.1]]}"#,
            Class::Range,
            &["\"repatriation.russia\"", "year 2018 follows 2020"],
        ),
        (
            r#"{"repatriation.russia": [[2018, 0.3], [2018, 0.1]]}"#,
            Class::Range,
            &["\"repatriation.russia\"", "year 2018 appears twice"],
        ),
        (
            r#"{"visaClarification": [[1800, 1]]}"#,
            Class::Range,
            &["\"visaClarification\"", "year 1800", "1900 to 2100"],
        ),
        (
            &format!(
                r#"{{"visaClarification": [{}]}}"#,
                (1950..2015)
                    .map(|y| format!("[{y}, 0.5]"))
                    .collect::<Vec<_>>()
                    .join(",")
            ),
            Class::Range,
            &[
                "\"visaClarification\"",
                "at most 64 steps, got 65",
                "year 2014",
            ],
        ),
        (
            r#"{"permitBan.china": [[2018, 0.3], [2025, 1.2]]}"#,
            Class::Range,
            &["\"permitBan.china\" = 1.2 in 2025", "allowed 0 to 1"],
        ),
        (
            r#"{"permitBan.china": [[2018, 0.3], [2025]]}"#,
            Class::Type,
            &[
                "\"permitBan.china\"",
                "the step for year 2025",
                "[year, value] pair",
            ],
        ),
        (
            r#"{"permitBan.china": [["2018", 0.3]]}"#,
            Class::Type,
            &[
                "\"permitBan.china\"",
                "year of step 1",
                "the string \"2018\"",
            ],
        ),
        (
            r#"{"baseYear": [[2018, 2018]]}"#,
            Class::Range,
            &["\"baseYear\" takes one number", "year 2018"],
        ),
    ];
    for (json, class, needles) in cases {
        rejects(js(json), class, needles);
    }
}

/// Monte Carlo in wasm equals the native run, to the bit (same seed, same draws).
#[wasm_bindgen_test]
fn uncertainty_is_bit_identical_to_native() {
    let golden: serde_json::Value =
        serde_json::from_str(include_str!("golden/uncertainty-record-500-7.json")).unwrap();
    let record = Array::from(&wasm::presets().unwrap()).get(0);
    let u = wasm::uncertainty(get(&record, "values"), js(r#"{"draws": 500, "seed": 7}"#)).unwrap();
    let got: serde_json::Value = serde_wasm_bindgen::from_value(u).unwrap();
    assert!(
        same(&got, &golden),
        "uncertainty differs from its golden file"
    );
}

/// Every result that crosses as a tape (src/tape.rs, read back by boundary.js) is, read
/// with serde-wasm-bindgen's own deserializer, what serde_json makes of the native value.
#[wasm_bindgen_test]
fn every_result_is_what_serde_json_gives_natively() {
    use dprk_labor::{Goal, Measure, OBSERVATIONS, SOURCES};
    fn check<T: serde::Serialize + ?Sized>(got: Result<JsValue, JsValue>, native: &T, what: &str) {
        let got: serde_json::Value = serde_wasm_bindgen::from_value(got.unwrap()).unwrap();
        let want = serde_json::to_value(native).unwrap();
        assert!(same(&got, &want), "{what}: {got}\n!=\n{want}");
    }
    check(wasm::parameters(), PARAMETERS, "parameters");
    check(wasm::sources(), SOURCES, "sources");
    check(wasm::presets(), PRESETS, "presets");
    check(wasm::model1_presets(), MODEL1_PRESETS, "model1Presets");
    check(wasm::hosts(), &HOSTS, "hosts");
    check(wasm::observations(), OBSERVATIONS, "observations");
    let record = Scenario::default();
    check(
        wasm::backtest(JsValue::UNDEFINED),
        &dprk_labor::backtest(&record),
        "backtest",
    );
    let measure = Measure::parse(Some("cumulativeRevenueUsd"), Some("russia"), Some(2027)).unwrap();
    check(
        wasm::sensitivity(
            JsValue::UNDEFINED,
            js(r#"{"output": "cumulativeRevenueUsd", "host": "russia", "from": 2027}"#),
        ),
        &dprk_labor::sensitivity(&record, measure).unwrap(),
        "sensitivity",
    );
    let goal = Goal::parse(
        &["permitBan.russia", "repatriation.russia"],
        dprk_labor::analysis::Target::Share(0.5),
        Some("russia"),
        Some(2027),
        Some("record"),
    )
    .unwrap();
    check(
        wasm::goal_seek(
            JsValue::UNDEFINED,
            js(
                r#"{"levers": ["permitBan.russia", "repatriation.russia"], "targetShare": 0.5, "host": "russia", "from": 2027, "comparator": "record"}"#,
            ),
        ),
        &dprk_labor::goal_seek(&record, &goal).unwrap(),
        "goalSeek",
    );
    check(
        wasm::uncertainty(JsValue::UNDEFINED, js(r#"{"draws": 300, "seed": 11}"#)),
        &dprk_labor::uncertainty(&record, 300, 11).unwrap(),
        "uncertainty",
    );
}

#[wasm_bindgen_test]
fn analysis_functions_return_their_shapes() {
    let t = wasm::sensitivity(
        JsValue::UNDEFINED,
        js(r#"{"output": "cumulativeDeniedUsd", "host": "russia", "from": 2027}"#),
    )
    .unwrap();
    assert_eq!(
        get(&t, "output").as_string().as_deref(),
        Some("cumulativeDeniedUsd")
    );
    assert_eq!(get(&t, "host").as_string().as_deref(), Some("russia"));
    assert_eq!(get(&t, "from").as_f64(), Some(2027.0));
    let bars = Array::from(&get(&t, "bars"));
    assert!(bars.length() >= 15);
    for key in [
        "id",
        "label",
        "low",
        "high",
        "outputAtLow",
        "outputAtHigh",
        "swing",
        "againstCalibration",
    ] {
        assert!(!get(&bars.get(0), key).is_undefined(), "{key}");
    }
    let g = wasm::goal_seek(
        JsValue::UNDEFINED,
        js(r#"{"lever": "visaClarification", "targetDeniedShare": 0.99}"#),
    )
    .unwrap();
    assert_eq!(get(&g, "reachable").as_bool(), Some(false));
    assert!(get(&g, "setting").is_null());
    let g = wasm::goal_seek(
        JsValue::UNDEFINED,
        js(r#"{"levers": ["permitBan.other", "repatriation.other"], "targetShare": 0.1, "host": "other", "from": 2020, "comparator": "noEnforcement"}"#),
    )
    .unwrap();
    assert_eq!(get(&g, "reachable").as_bool(), Some(true));
    assert_eq!(Array::from(&get(&g, "values")).length(), 2);
    let obs = Array::from(&wasm::observations().unwrap());
    assert_eq!(obs.length() as usize, dprk_labor::OBSERVATIONS.len());
    let rows = Array::from(&wasm::backtest(JsValue::UNDEFINED).unwrap());
    assert_eq!(rows.length(), obs.length());
    assert!(get(&get(&rows.get(0), "band"), "p95").as_f64().is_some());
    let u = wasm::uncertainty(JsValue::UNDEFINED, js(r#"{"draws": 50}"#)).unwrap();
    assert_eq!(
        Array::from(&get(&u, "hosts")).length() as usize,
        HOSTS.len()
    );
}

/// Bad options: the error names the option, the value and the range; a good call follows.
#[wasm_bindgen_test]
fn analysis_options_are_checked() {
    let cases: [(Result<JsValue, JsValue>, bool, &[&str]); 18] = [
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
            wasm::sensitivity(JsValue::UNDEFINED, js(r#"{"host": "mars"}"#)),
            true,
            &["\"host\" = \"mars\"", "china"],
        ),
        (
            wasm::goal_seek(
                JsValue::UNDEFINED,
                js(r#"{"lever": "wage.china", "targetShare": 0.5}"#),
            ),
            true,
            &["\"wage.china\"", "visaClarification"],
        ),
        (
            wasm::goal_seek(
                JsValue::UNDEFINED,
                js(r#"{"lever": "visaClarification", "targetShare": 50}"#),
            ),
            true,
            &["\"targetShare\" = 50", "0 to 1"],
        ),
        (
            wasm::goal_seek(JsValue::UNDEFINED, js(r#"{"lever": "visaClarification"}"#)),
            false,
            &["targetShare", "required"],
        ),
        (
            wasm::goal_seek(JsValue::UNDEFINED, JsValue::UNDEFINED),
            false,
            &["targetShare", "targetRevenueUsd", "required"],
        ),
        // Contradictory options name both.
        (
            wasm::goal_seek(
                JsValue::UNDEFINED,
                js(r#"{"targetShare": 0.5, "targetDeniedShare": 0.5}"#),
            ),
            true,
            &["\"targetShare\" and \"targetDeniedShare\""],
        ),
        (
            wasm::goal_seek(
                JsValue::UNDEFINED,
                js(
                    r#"{"levers": ["visaClarification"], "lever": "visaClarification", "targetShare": 0.5}"#,
                ),
            ),
            true,
            &["\"levers\" and \"lever\""],
        ),
        (
            wasm::goal_seek(
                JsValue::UNDEFINED,
                js(r#"{"targetRevenueUsd": 1e6, "targetShare": 0.5}"#),
            ),
            true,
            &["\"targetShare\" and \"targetRevenueUsd\"", "one target"],
        ),
        // The caller's own name for a target, in its message.
        (
            wasm::goal_seek(JsValue::UNDEFINED, js(r#"{"targetDeniedShare": 1.5}"#)),
            true,
            &["\"targetDeniedShare\" = 1.5"],
        ),
        // A year outside the scenario's horizon, for every analysis that takes one.
        (
            wasm::sensitivity(JsValue::UNDEFINED, js(r#"{"from": 2031}"#)),
            true,
            &["\"from\" = 2031", "2017 to 2030"],
        ),
        (
            wasm::lever_effects(JsValue::UNDEFINED, js(r#"{"from": 2016}"#)),
            true,
            &["\"from\" = 2016", "2017 to 2030"],
        ),
        (
            wasm::goal_seek(
                JsValue::UNDEFINED,
                js(r#"{"targetShare": 0.5, "from": 2100}"#),
            ),
            true,
            &["\"from\" = 2100", "2017 to 2030"],
        ),
        (
            wasm::goal_seek(JsValue::UNDEFINED, js(r#"{"targetRevenueUsd": -1}"#)),
            true,
            &["\"targetRevenueUsd\" = -1", "out of range"],
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
