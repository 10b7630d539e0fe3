//! The JavaScript API: thin wrappers over the core, compiled only for `wasm32`.
//!
//! Input arrives as plain JS objects and is checked here for type (a `TypeError` names the
//! field and what it got), then by the core for range (its [`InputError`] becomes a
//! `RangeError`). Output is serialised with serde-wasm-bindgen as plain objects and arrays;
//! `api.d.ts` declares their shapes for TypeScript.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use js_sys::{Array, Object, RangeError, TypeError};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::error::InputError;
use crate::registry::parameter;
use crate::{CRATE_VERSION, HOSTS, MODEL_VERSION, PARAMETERS, PRESETS, SOURCES, Scenario};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("api.d.ts");

/// Plain objects for maps, numbers for integers: what JSON would give.
const SERIALIZER: serde_wasm_bindgen::Serializer =
    serde_wasm_bindgen::Serializer::json_compatible();

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&SERIALIZER)
        .map_err(|e| TypeError::new(&e.to_string()).into())
}

fn range_error(e: &InputError) -> JsValue {
    RangeError::new(&e.to_string()).into()
}

fn type_error(message: &str) -> JsValue {
    TypeError::new(message).into()
}

/// A short description of a JS value for an error message.
fn describe(v: &JsValue) -> String {
    if v.is_null() {
        "null".into()
    } else if v.is_undefined() {
        "undefined".into()
    } else if let Some(s) = v.as_string() {
        let short: String = s.chars().take(40).collect();
        format!("the string \"{short}\"")
    } else if Array::is_array(v) {
        "an array".into()
    } else if v.is_object() {
        "an object".into()
    } else {
        format!("a {}", v.js_typeof().as_string().unwrap_or_default())
    }
}

/// Reads `(key, value)` pairs of a plain object; `field` names it in errors.
fn entries(v: &JsValue, field: &str) -> Result<Vec<(String, JsValue)>, JsValue> {
    if !v.is_object() || Array::is_array(v) || v.is_function() {
        return Err(type_error(&format!(
            "{field} must be an object mapping names to values, got {}",
            describe(v)
        )));
    }
    Ok(Object::entries(v.unchecked_ref())
        .iter()
        .map(|pair| {
            let pair: Array = pair.unchecked_into();
            (pair.get(0).as_string().unwrap_or_default(), pair.get(1))
        })
        .collect())
}

/// A scenario from a JS object mapping parameter ids to numbers; `undefined` is the default.
pub(crate) fn scenario_from_js(v: &JsValue) -> Result<Scenario, JsValue> {
    if v.is_undefined() {
        return Ok(Scenario::default());
    }
    let mut pairs = Vec::new();
    for (id, value) in entries(v, "scenario")? {
        if parameter(&id).is_none() {
            return Err(range_error(&InputError::UnknownParameter { id }));
        }
        let Some(x) = value.as_f64() else {
            return Err(type_error(&format!(
                "\"{id}\" must be a number, got {}",
                describe(&value)
            )));
        };
        pairs.push((id, x));
    }
    Scenario::from_pairs(pairs.iter().map(|(id, x)| (id.as_str(), *x))).map_err(|e| range_error(&e))
}

/// Every lever, assumption and setting, with unit, range, default and sources.
#[wasm_bindgen(unchecked_return_type = "Parameter[]")]
pub fn parameters() -> Result<JsValue, JsValue> {
    to_js(PARAMETERS)
}

/// The public sources the parameters cite.
#[wasm_bindgen(unchecked_return_type = "Source[]")]
pub fn sources() -> Result<JsValue, JsValue> {
    to_js(SOURCES)
}

/// The named scenarios; each sets every lever.
#[wasm_bindgen(unchecked_return_type = "Preset[]")]
pub fn presets() -> Result<JsValue, JsValue> {
    to_js(PRESETS)
}

/// The hosts, in the order of `Projection.hosts`.
#[wasm_bindgen(unchecked_return_type = "Host[]")]
pub fn hosts() -> Result<JsValue, JsValue> {
    to_js(&HOSTS)
}

/// Projects workers and revenue. Omitted ids take their defaults.
#[wasm_bindgen(unchecked_return_type = "Projection")]
pub fn evaluate(
    #[wasm_bindgen(unchecked_param_type = "Scenario | undefined")] scenario: JsValue,
) -> Result<JsValue, JsValue> {
    to_js(&crate::evaluate(&scenario_from_js(&scenario)?))
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Version {
    crate_version: &'static str,
    model_version: &'static str,
}

/// The crate version and the model version (which changes whenever the numbers would).
#[wasm_bindgen(unchecked_return_type = "Version")]
pub fn version() -> Result<JsValue, JsValue> {
    to_js(&Version {
        crate_version: CRATE_VERSION,
        model_version: MODEL_VERSION,
    })
}

/// Reads an options object: `undefined` gives no entries; every key must be in `allowed`
/// and every value a number.
fn read_options(v: &JsValue, allowed: &[&str]) -> Result<Vec<(String, JsValue)>, JsValue> {
    if v.is_undefined() {
        return Ok(Vec::new());
    }
    let entries = entries(v, "options")?;
    for (key, _) in &entries {
        if !allowed.contains(&key.as_str()) {
            return Err(range_error(&InputError::UnknownName {
                field: "option",
                name: key.clone(),
                allowed: allowed.join(", "),
            }));
        }
    }
    Ok(entries)
}

fn number(key: &str, value: &JsValue) -> Result<f64, JsValue> {
    value.as_f64().ok_or_else(|| {
        type_error(&format!(
            "\"{key}\" must be a number, got {}",
            describe(value)
        ))
    })
}

fn string(key: &str, value: &JsValue) -> Result<String, JsValue> {
    value.as_string().ok_or_else(|| {
        type_error(&format!(
            "\"{key}\" must be a string, got {}",
            describe(value)
        ))
    })
}

/// Default number of Monte Carlo draws.
const DEFAULT_DRAWS: f64 = 2_000.0;
/// Default seed.
const DEFAULT_SEED: f64 = 1.0;

/// Percentile bands (5, 25, 50, 75, 95) of revenue and workers by Monte Carlo over the
/// assumptions. Options: `draws` (1 to 100,000, default 2,000), `seed` (whole, default 1).
#[wasm_bindgen(unchecked_return_type = "Uncertainty")]
pub fn uncertainty(
    #[wasm_bindgen(unchecked_param_type = "Scenario | undefined")] scenario: JsValue,
    #[wasm_bindgen(unchecked_param_type = "UncertaintyOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let s = scenario_from_js(&scenario)?;
    let (mut draws, mut seed) = (DEFAULT_DRAWS, DEFAULT_SEED);
    for (key, value) in read_options(&options, &["draws", "seed"])? {
        let x = number(&key, &value)?;
        if key == "draws" { draws = x } else { seed = x }
    }
    to_js(&crate::uncertainty(&s, draws, seed).map_err(|e| range_error(&e))?)
}

/// A tornado: each assumption at its low and high, ranked by how far it moves the output.
/// Options: `output`, one of "cumulativeRevenueUsd" (default), "cumulativeDeniedUsd",
/// "finalYearRevenueUsd".
#[wasm_bindgen(unchecked_return_type = "Sensitivity")]
pub fn sensitivity(
    #[wasm_bindgen(unchecked_param_type = "Scenario | undefined")] scenario: JsValue,
    #[wasm_bindgen(unchecked_param_type = "SensitivityOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let s = scenario_from_js(&scenario)?;
    let mut output = String::from("cumulativeRevenueUsd");
    for (key, value) in read_options(&options, &["output"])? {
        output = string(&key, &value)?;
    }
    to_js(&crate::sensitivity(&s, &output).map_err(|e| range_error(&e))?)
}

/// The smallest value of one lever, the others as set, that denies at least
/// `targetDeniedShare` (0 to 1) of the comparator's cumulative revenue.
#[wasm_bindgen(js_name = goalSeek, unchecked_return_type = "GoalSeek")]
pub fn goal_seek(
    #[wasm_bindgen(unchecked_param_type = "Scenario | undefined")] scenario: JsValue,
    #[wasm_bindgen(unchecked_param_type = "GoalSeekOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let s = scenario_from_js(&scenario)?;
    let (mut lever, mut target) = (None, None);
    for (key, value) in read_options(&options, &["lever", "targetDeniedShare"])? {
        if key == "lever" {
            lever = Some(string(&key, &value)?)
        } else {
            target = Some(number(&key, &value)?)
        }
    }
    let missing = |key: &str| type_error(&format!("options.{key} is required"));
    let lever = lever.ok_or_else(|| missing("lever"))?;
    let target = target.ok_or_else(|| missing("targetDeniedShare"))?;
    to_js(&crate::goal_seek(&s, &lever, target).map_err(|e| range_error(&e))?)
}

/// Observed figures from the public record, with their sources.
#[wasm_bindgen(unchecked_return_type = "Observation[]")]
pub fn observations() -> Result<JsValue, JsValue> {
    to_js(crate::OBSERVATIONS)
}

/// Every observation against the scenario, with the modelled value, the gap and the
/// uncertainty band.
#[wasm_bindgen(unchecked_return_type = "BacktestRow[]")]
pub fn backtest(
    #[wasm_bindgen(unchecked_param_type = "Scenario | undefined")] scenario: JsValue,
) -> Result<JsValue, JsValue> {
    to_js(&crate::backtest(&scenario_from_js(&scenario)?))
}
