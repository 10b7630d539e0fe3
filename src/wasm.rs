//! The JavaScript API: thin wrappers over the core, compiled only for `wasm32`.
//!
//! Input is read by `src/boundary.js`, which never throws: a caller's throwing getter or
//! Proxy becomes a `TypeError` naming the field, and never unwinds through wasm frames. A
//! scenario crosses as one block of numbers and is checked by the core, whose
//! [`InputError`] becomes a `RangeError`. `evaluate` returns one block of numbers, which
//! the same file assembles into the documented object; the other functions cross as a tape of
//! numbers and text ([`crate::tape`]). `api.d.ts` declares every shape for TypeScript.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::sync::atomic::{AtomicBool, Ordering};

use js_sys::{Array, Float64Array, RangeError, TypeError};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::analysis::{Goal, MAX_DRAWS, MAX_SEED, Measure};
use crate::error::{InputError, ScheduleProblem};
use crate::registry::{HOST_COUNT, MAX_HORIZON_YEARS, Unit};
use crate::schedule::{MAX_STEPS, MAX_YEAR, MIN_YEAR, Value, check_number};
use crate::{
    CRATE_VERSION, HOSTS, MODEL_VERSION, MODEL1_PRESETS, PARAMETERS, PRESETS, Projection, SOURCES,
    Scenario,
};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("api.d.ts");

#[wasm_bindgen(module = "/src/boundary.js")]
extern "C" {
    #[wasm_bindgen(js_name = setRegistry)]
    fn set_registry(ids: &str, hosts: &str);
    #[wasm_bindgen(js_name = readScenario)]
    fn read_scenario(v: &JsValue) -> JsValue;
    #[wasm_bindgen(js_name = readOptions)]
    fn read_options_js(v: &JsValue) -> JsValue;
    #[wasm_bindgen(js_name = projection)]
    fn build_projection(data: &[f64], n: usize, first: i32) -> JsValue;
    #[wasm_bindgen(js_name = fromTape)]
    fn from_tape(numbers: &[f64], text: &str) -> JsValue;
    fn quote(text: &str) -> String;
}

/// Gives `boundary.js` the registry's ids and hosts, once.
fn ready() {
    static DONE: AtomicBool = AtomicBool::new(false);
    if !DONE.swap(true, Ordering::Relaxed) {
        let ids: Vec<&str> = PARAMETERS.iter().map(|p| p.id).collect();
        let hosts: Vec<String> = HOSTS
            .iter()
            .map(|h| format!("{}\t{}", h.id, h.label))
            .collect();
        set_registry(&ids.join("\n"), &hosts.join("\n"));
    }
}

/// A value as plain JavaScript objects, arrays, strings and numbers: what JSON would give.
/// It crosses as a tape ([`crate::tape`]) that `boundary.js` unwinds.
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let tape = crate::tape::tape(value).map_err(|e| type_error(&e.to_string()))?;
    Ok(from_tape(&tape.numbers, &tape.text))
}

fn range_error(e: &InputError) -> JsValue {
    RangeError::new(&e.to_string()).into()
}

fn type_error(message: &str) -> JsValue {
    TypeError::new(message).into()
}

/// The error `boundary.js` reports as "T…" (TypeError) or "R…" (RangeError).
fn boundary_error(message: &str) -> JsValue {
    match message.split_at_checked(1) {
        Some(("R", rest)) => RangeError::new(rest).into(),
        Some((_, rest)) => type_error(rest),
        None => type_error(message),
    }
}

/// A scenario from a JS object of parameter ids to numbers or `[year, value]` lists;
/// `undefined` is the default scenario.
pub(crate) fn scenario_from_js(v: &JsValue) -> Result<Scenario, JsValue> {
    ready();
    let block = read_scenario(v);
    if let Some(message) = block.as_string() {
        return Err(boundary_error(&message));
    }
    let data = block.unchecked_into::<Float64Array>().to_vec();
    let mut pairs: Vec<(&'static str, Value)> = Vec::new();
    let mut at = 0;
    // boundary.js writes: row, 0, number | row, 1, steps, (year, value) × min(steps, 65).
    while at + 2 < data.len() {
        let p = &PARAMETERS[data[at] as usize];
        let value = if data[at + 1] == 0.0 {
            at += 3;
            Value::Constant(data[at - 1])
        } else {
            let n = data[at + 2] as usize;
            let copied = n.min(MAX_STEPS + 1);
            let steps: Vec<(f64, f64)> = data[at + 3..at + 3 + 2 * copied]
                .chunks_exact(2)
                .map(|s| (s[0], s[1]))
                .collect();
            at += 3 + 2 * copied;
            if n > MAX_STEPS && p.scheduled {
                // boundary.js copied one step too many, to name it; say how many there were.
                return Err(range_error(&InputError::Schedule {
                    id: p.id.to_string(),
                    year: Some(steps[MAX_STEPS].0),
                    problem: ScheduleProblem::TooManySteps(n),
                }));
            }
            Value::schedule(p, &steps).map_err(|e| range_error(&e))?
        };
        pairs.push((p.id, value));
    }
    Scenario::from_pairs(pairs).map_err(|e| range_error(&e))
}

/// Every lever, assumption and setting, with unit, range, default, record path and sources.
#[wasm_bindgen(unchecked_return_type = "Parameter[]")]
pub fn parameters() -> Result<JsValue, JsValue> {
    to_js(PARAMETERS)
}

/// The public sources the parameters, the record and the observations cite.
#[wasm_bindgen(unchecked_return_type = "Source[]")]
pub fn sources() -> Result<JsValue, JsValue> {
    to_js(SOURCES)
}

/// The named scenarios; `record` (the record, then the current course) first.
#[wasm_bindgen(unchecked_return_type = "Preset[]")]
pub fn presets() -> Result<JsValue, JsValue> {
    to_js(PRESETS)
}

/// Model 1's presets, every lever constant from the base year: what links made with model
/// 1 (version 1.x) meant.
#[wasm_bindgen(js_name = model1Presets, unchecked_return_type = "Preset[]")]
pub fn model1_presets() -> Result<JsValue, JsValue> {
    to_js(MODEL1_PRESETS)
}

/// The hosts, in the order of `Projection.hosts`.
#[wasm_bindgen(unchecked_return_type = "Host[]")]
pub fn hosts() -> Result<JsValue, JsValue> {
    to_js(&HOSTS)
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct UnitInfo {
    id: Unit,
    label: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Limits {
    max_horizon_years: f64,
    max_draws: u32,
    max_seed: u64,
    min_year: i32,
    max_year: i32,
    max_steps: usize,
    record_end: i32,
    policy_year: i32,
    units: Vec<UnitInfo>,
}

/// The API's limits (horizon, draws, seed, schedule years and steps), the record's last year
/// and the default policy year, and every unit with its words: what a page needs to check
/// input as the model does.
#[wasm_bindgen(unchecked_return_type = "Limits")]
pub fn limits() -> Result<JsValue, JsValue> {
    to_js(&Limits {
        max_horizon_years: MAX_HORIZON_YEARS,
        max_draws: MAX_DRAWS,
        max_seed: MAX_SEED,
        min_year: MIN_YEAR,
        max_year: MAX_YEAR,
        max_steps: MAX_STEPS,
        record_end: crate::presets::RECORD_END,
        policy_year: crate::presets::POLICY_YEAR,
        units: Unit::ALL
            .iter()
            .map(|&id| UnitInfo {
                id,
                label: id.label(),
            })
            .collect(),
    })
}

/// The projection as one block of numbers, in the order `boundary.js` reads it.
fn flatten(p: &Projection) -> Vec<f64> {
    let n = p.years.len();
    let mut out = Vec::with_capacity(n * (8 + 8 * HOST_COUNT) + 10 + HOST_COUNT);
    for series in [
        &p.workers,
        &p.permitted,
        &p.disguised,
        &p.arrivals,
        &p.revenue_usd,
    ] {
        out.extend_from_slice(series);
    }
    let c = &p.comparator;
    for series in [&c.workers, &c.arrivals, &c.revenue_usd] {
        out.extend_from_slice(series);
    }
    for h in &p.hosts {
        for series in [
            &h.permitted,
            &h.disguised,
            &h.workers,
            &h.arrivals,
            &h.revenue_usd,
        ] {
            out.extend_from_slice(series);
        }
    }
    for h in &c.hosts {
        for series in [&h.workers, &h.arrivals, &h.revenue_usd] {
            out.extend_from_slice(series);
        }
    }
    let s = &p.summary;
    out.extend_from_slice(&[
        s.final_year_revenue_usd,
        s.cumulative_revenue_usd,
        s.cumulative_denied_usd,
        s.denied_share,
        s.base_year_workers,
        s.final_year_workers,
    ]);
    let cal = &p.calibration;
    out.extend_from_slice(&[
        cal.bottom_up_revenue_usd,
        cal.estimate_revenue_usd,
        cal.scale,
        if cal.anchored { 1.0 } else { 0.0 },
    ]);
    out.extend_from_slice(&cal.per_worker_usd);
    out
}

/// Projects workers, arrivals and revenue. Omitted ids take their defaults.
#[wasm_bindgen(unchecked_return_type = "Projection")]
pub fn evaluate(
    #[wasm_bindgen(unchecked_param_type = "Scenario | undefined")] scenario: JsValue,
) -> Result<JsValue, JsValue> {
    let p = crate::evaluate(&scenario_from_js(&scenario)?);
    Ok(build_projection(&flatten(&p), p.years.len(), p.years[0]))
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Version {
    crate_version: &'static str,
    model_version: &'static str,
    model_date: &'static str,
}

/// The crate version and the model version (which changes whenever the numbers would).
#[wasm_bindgen(unchecked_return_type = "Version")]
pub fn version() -> Result<JsValue, JsValue> {
    to_js(&Version {
        crate_version: CRATE_VERSION,
        model_version: MODEL_VERSION,
        model_date: crate::MODEL_DATE,
    })
}

/// One option's value as read by `boundary.js`: a number, a string or a list of strings.
enum Opt {
    Number(f64),
    Text(String),
    List(Vec<String>),
}

/// Reads an options object: `undefined` gives no entries; every key must be in `allowed`.
fn read_options(v: &JsValue, allowed: &[&str]) -> Result<Vec<(String, Opt)>, JsValue> {
    ready();
    let read = read_options_js(v);
    if let Some(message) = read.as_string() {
        return Err(boundary_error(&message));
    }
    let mut out = Vec::new();
    for entry in Array::from(&read).iter() {
        let entry: Array = entry.unchecked_into();
        let key = entry.get(0).as_string().unwrap_or_default();
        if !allowed.contains(&key.as_str()) {
            return Err(range_error(&InputError::UnknownName {
                field: "option",
                name: crate::error::short(&key),
                allowed: allowed.join(", "),
            }));
        }
        let x = entry.get(1);
        let value = if let Some(n) = x.as_f64() {
            Opt::Number(n)
        } else if let Some(s) = x.as_string() {
            Opt::Text(s)
        } else {
            Opt::List(
                Array::from(&x)
                    .iter()
                    .filter_map(|s| s.as_string())
                    .collect(),
            )
        };
        out.push((key, value));
    }
    Ok(out)
}

fn number(key: &str, value: &Opt) -> Result<f64, JsValue> {
    match value {
        Opt::Number(x) => Ok(*x),
        Opt::Text(s) => Err(type_error(&format!(
            "{} must be a number, got the string {}",
            quote(key),
            quote(s)
        ))),
        Opt::List(_) => Err(type_error(&format!(
            "{} must be a number, got a list",
            quote(key)
        ))),
    }
}

fn text(key: &str, value: &Opt) -> Result<String, JsValue> {
    match value {
        Opt::Text(s) => Ok(s.clone()),
        _ => Err(type_error(&format!("{} must be a string", quote(key)))),
    }
}

/// A whole number in a range, checked by the core's one number checker.
fn whole(key: &str, value: &Opt, range: (f64, f64)) -> Result<f64, JsValue> {
    let x = number(key, value)?;
    check_number(key, None, x, range, true).map_err(|e| range_error(&e))?;
    Ok(x)
}

/// Default number of Monte Carlo draws.
const DEFAULT_DRAWS: u32 = 2_000;
/// Default seed.
const DEFAULT_SEED: u64 = 1;

/// Percentile bands (5, 25, 50, 75, 95) of revenue and workers, in total and by host, by
/// Monte Carlo over the assumptions. Options: `draws` (1 to 100,000, default 2,000), `seed`
/// (0 to 2^53 - 1, default 1).
#[wasm_bindgen(unchecked_return_type = "Uncertainty")]
pub fn uncertainty(
    #[wasm_bindgen(unchecked_param_type = "Scenario | undefined")] scenario: JsValue,
    #[wasm_bindgen(unchecked_param_type = "UncertaintyOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let s = scenario_from_js(&scenario)?;
    let (mut draws, mut seed) = (DEFAULT_DRAWS, DEFAULT_SEED);
    for (key, value) in read_options(&options, &["draws", "seed"])? {
        if key == "draws" {
            draws = whole(&key, &value, (1.0, MAX_DRAWS as f64))? as u32;
        } else {
            seed = whole(&key, &value, (0.0, MAX_SEED as f64))? as u64;
        }
    }
    to_js(&crate::uncertainty(&s, draws, seed).map_err(|e| range_error(&e))?)
}

/// The host and first year of a measure, from options.
fn host_and_from(
    key: &str,
    value: &Opt,
    host: &mut Option<String>,
    from: &mut Option<i32>,
) -> Result<(), JsValue> {
    if key == "host" {
        *host = Some(text(key, value)?);
    } else {
        *from = Some(whole(key, value, (MIN_YEAR as f64, MAX_YEAR as f64))? as i32);
    }
    Ok(())
}

/// A tornado: each assumption at its low and high, ranked by how far it moves the output.
/// Options: `output`, one of "cumulativeRevenueUsd" (default), "cumulativeDeniedUsd",
/// "finalYearRevenueUsd"; `host`, a host id or "all" (default); `from`, the first year
/// counted (default the base year).
#[wasm_bindgen(unchecked_return_type = "Sensitivity")]
pub fn sensitivity(
    #[wasm_bindgen(unchecked_param_type = "Scenario | undefined")] scenario: JsValue,
    #[wasm_bindgen(unchecked_param_type = "SensitivityOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let s = scenario_from_js(&scenario)?;
    let (mut output, mut host, mut from) = (None, None, None);
    for (key, value) in read_options(&options, &["output", "host", "from"])? {
        if key == "output" {
            output = Some(text(&key, &value)?);
        } else {
            host_and_from(&key, &value, &mut host, &mut from)?;
        }
    }
    let measure =
        Measure::parse(output.as_deref(), host.as_deref(), from).map_err(|e| range_error(&e))?;
    to_js(&crate::sensitivity(&s, measure).map_err(|e| range_error(&e))?)
}

/// The smallest setting of one lever, or of several moved together (each to the same share
/// of its range), from a year on, that cuts one host's or every host's revenue over the
/// window by a target share against a comparator. Options: `levers` (a list of lever ids) or
/// `lever`; `targetShare` (0 to 1; `targetDeniedShare` is the same); `host` (a host id or
/// "all"); `from` (the first year, default the base year); `comparator` (a preset id,
/// default "noEnforcement").
#[wasm_bindgen(js_name = goalSeek, unchecked_return_type = "GoalSeek")]
pub fn goal_seek(
    #[wasm_bindgen(unchecked_param_type = "Scenario | undefined")] scenario: JsValue,
    #[wasm_bindgen(unchecked_param_type = "GoalSeekOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let s = scenario_from_js(&scenario)?;
    let allowed = [
        "levers",
        "lever",
        "targetShare",
        "targetDeniedShare",
        "host",
        "from",
        "comparator",
    ];
    let (mut levers, mut target, mut host, mut from, mut comparator) =
        (Vec::new(), None, None, None, None);
    for (key, value) in read_options(&options, &allowed)? {
        match key.as_str() {
            "levers" => match value {
                Opt::List(ids) => levers = ids,
                _ => return Err(type_error("\"levers\" must be a list of lever ids")),
            },
            "lever" => levers = alloc::vec![text(&key, &value)?],
            "targetShare" | "targetDeniedShare" => target = Some(number(&key, &value)?),
            "comparator" => comparator = Some(text(&key, &value)?),
            _ => host_and_from(&key, &value, &mut host, &mut from)?,
        }
    }
    let missing = |key: &str| type_error(&format!("options.{key} is required"));
    if levers.is_empty() {
        return Err(missing("levers"));
    }
    let target = target.ok_or_else(|| missing("targetShare"))?;
    let ids: Vec<&str> = levers.iter().map(String::as_str).collect();
    let goal = Goal::parse(
        &ids,
        crate::analysis::Target::Share(target),
        host.as_deref(),
        from,
        comparator.as_deref(),
    )
    .map_err(|e| range_error(&e))?;
    to_js(&crate::goal_seek(&s, &goal).map_err(|e| range_error(&e))?)
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
