//! The JavaScript API: thin wrappers over the core, compiled only for `wasm32`.
//!
//! Input is read by `src/boundary.js`, which copies the caller's values once, inside
//! try/catch, and never throws: a caller's throwing getter or Proxy becomes a `TypeError`
//! naming the field, and never unwinds through wasm frames. A scenario crosses as one block
//! of numbers and is checked by the core, whose [`InputError`] becomes a `RangeError`.
//! Results cross through `serde-wasm-bindgen` as plain objects, arrays, strings and numbers
//! (what `JSON.parse` of `serde_json`'s output would give); `evaluate`, the one call made on
//! every slider move, crosses as one block of numbers laid out by [`PROJECTION_LAYOUT`],
//! which `boundary.js` reads to build the same object. `api.d.ts` declares every shape.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::sync::atomic::{AtomicBool, Ordering};

use js_sys::{Array, Float64Array, RangeError, TypeError};
use serde::Serialize;
use serde_wasm_bindgen::Serializer;
use wasm_bindgen::prelude::*;

use crate::analysis::{Goal, Measure, Target};
use crate::error::{InputError, ScheduleProblem, short};
use crate::limits::{
    MAX_DRAWS, MAX_HORIZON_YEARS, MAX_SEED, MAX_STEPS, MAX_TARGET_USD, MAX_YEAR, MIN_YEAR,
};
use crate::registry::{HOST_COUNT, Unit};
use crate::schedule::{Value, check_number};
use crate::{
    CRATE_VERSION, HOSTS, MODEL_VERSION, MODEL1_PRESETS, PARAMETERS, PRESETS, Projection, SOURCES,
    Scenario,
};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("api.d.ts");

#[wasm_bindgen(module = "/src/boundary.js")]
extern "C" {
    #[wasm_bindgen(js_name = setRegistry)]
    fn set_registry(ids: &str, hosts: &str, layout: &str);
    #[wasm_bindgen(js_name = readScenario)]
    fn read_scenario(v: &JsValue) -> JsValue;
    #[wasm_bindgen(js_name = readOptions)]
    fn read_options_js(v: &JsValue) -> JsValue;
    #[wasm_bindgen(js_name = projection)]
    fn build_projection(data: &[f64], n: usize, first: i32) -> JsValue;
    fn quote(text: &str) -> String;
}

/// Gives `boundary.js` the registry's ids, the hosts and the projection's layout, once.
fn ready() {
    static DONE: AtomicBool = AtomicBool::new(false);
    if !DONE.swap(true, Ordering::Relaxed) {
        let ids: Vec<&str> = PARAMETERS.iter().map(|p| p.id).collect();
        let hosts: Vec<String> = HOSTS
            .iter()
            .map(|h| format!("{}\t{}", h.id, h.label))
            .collect();
        let layout: Vec<String> = PROJECTION_LAYOUT
            .iter()
            .map(|(path, len)| format!("{path}\t{}", len.letter()))
            .collect();
        set_registry(&ids.join("\n"), &hosts.join("\n"), &layout.join("\n"));
    }
}

/// Plain objects (not `Map`s) and `null` for absent optional fields, as `serde_json` writes.
const JS: Serializer = Serializer::new()
    .serialize_maps_as_objects(true)
    .serialize_missing_as_null(true);

/// A value as plain JavaScript objects, arrays, strings and numbers.
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value.serialize(&JS).map_err(|e| type_error(&e.to_string()))
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
    let pairs = scenario_pairs(&data).map_err(|e| range_error(&e))?;
    Scenario::from_pairs(pairs).map_err(|e| range_error(&e))
}

/// The pairs of a scenario block, as `boundary.js` writes it: for each entry its row, then
/// 0 and a number, or 1, the number of steps the caller gave, the number copied (at most
/// one more than [`MAX_STEPS`], to name the one too many) and that many `[year, value]`
/// pairs. A block that does not follow this layout gives an error, never a panic.
fn scenario_pairs(data: &[f64]) -> Result<Vec<(&'static str, Value)>, InputError> {
    let malformed = || InputError::UnknownName {
        field: "scenario block",
        name: String::from("(malformed)"),
        allowed: String::from("the layout of src/boundary.js"),
    };
    let mut pairs = Vec::new();
    let mut rest = data;
    while let [row, kind, tail @ ..] = rest {
        let p = PARAMETERS.get(*row as usize).ok_or_else(malformed)?;
        if *kind == 0.0 {
            let [x, tail @ ..] = tail else {
                return Err(malformed());
            };
            pairs.push((p.id, Value::Constant(*x)));
            rest = tail;
            continue;
        }
        let [given, copied, tail @ ..] = tail else {
            return Err(malformed());
        };
        let copied = *copied as usize;
        let (numbers, tail) = tail.split_at_checked(2 * copied).ok_or_else(malformed)?;
        let steps: Vec<(f64, f64)> = numbers
            .chunks_exact(2)
            .filter_map(|s| match s {
                [year, value] => Some((*year, *value)),
                _ => None,
            })
            .collect();
        if *given > MAX_STEPS as f64 && p.scheduled {
            // boundary.js copied one step too many, to name it; say how many there were.
            return Err(InputError::Schedule {
                id: p.id.to_string(),
                year: steps.get(MAX_STEPS).map(|s| s.0),
                problem: ScheduleProblem::TooManySteps(*given as usize),
            });
        }
        pairs.push((p.id, Value::schedule(p, &steps)?));
        rest = tail;
    }
    Ok(pairs)
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
    max_target_usd: f64,
    outputs: Vec<&'static str>,
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
        max_target_usd: MAX_TARGET_USD,
        outputs: crate::analysis::Output::ALL
            .iter()
            .map(|(_, id)| *id)
            .collect(),
        units: Unit::ALL
            .iter()
            .map(|&id| UnitInfo {
                id,
                label: id.label(),
            })
            .collect(),
    })
}

/// What an entry of the projection's block holds: one number a year, one number, or one
/// number that stands for `false` (0) or `true` (1).
#[derive(Clone, Copy)]
enum Len {
    Years,
    Scalar,
    Flag,
}

impl Len {
    /// The letter `boundary.js` reads.
    fn letter(self) -> char {
        match self {
            Len::Years => 'Y',
            Len::Scalar => 'S',
            Len::Flag => 'F',
        }
    }
}

/// The projection's numeric block: each entry a path in the object `evaluate` returns and
/// how many numbers it takes. The one declaration of the layout: [`flatten`] writes the
/// series in this order and `boundary.js` builds the object from these paths; `HOST` stands
/// for each host in turn, in the order of [`crate::HOSTS`].
const PROJECTION_LAYOUT: &[(&str, Len)] = &[
    ("workers", Len::Years),
    ("permitted", Len::Years),
    ("disguised", Len::Years),
    ("arrivals", Len::Years),
    ("revenueUsd", Len::Years),
    ("comparator.workers", Len::Years),
    ("comparator.arrivals", Len::Years),
    ("comparator.revenueUsd", Len::Years),
    ("hosts.HOST.permitted", Len::Years),
    ("hosts.HOST.disguised", Len::Years),
    ("hosts.HOST.workers", Len::Years),
    ("hosts.HOST.arrivals", Len::Years),
    ("hosts.HOST.revenueUsd", Len::Years),
    ("hosts.HOST.perWorkerUsd", Len::Years),
    ("comparator.hosts.HOST.workers", Len::Years),
    ("comparator.hosts.HOST.arrivals", Len::Years),
    ("comparator.hosts.HOST.revenueUsd", Len::Years),
    ("summary.finalYearRevenueUsd", Len::Scalar),
    ("summary.cumulativeRevenueUsd", Len::Scalar),
    ("summary.cumulativeDeniedUsd", Len::Scalar),
    ("summary.deniedShare", Len::Scalar),
    ("summary.baseYearWorkers", Len::Scalar),
    ("summary.finalYearWorkers", Len::Scalar),
    ("calibration.bottomUpRevenueUsd", Len::Scalar),
    ("calibration.estimateRevenueUsd", Len::Scalar),
    ("calibration.scale", Len::Scalar),
    ("calibration.anchored", Len::Flag),
    ("calibration.perWorkerUsd.HOST", Len::Scalar),
];

/// The numbers of one entry of [`PROJECTION_LAYOUT`], for host `h` where it names one.
fn field<'a>(p: &'a Projection, path: &str, h: usize, anchored: &'a [f64; 1]) -> &'a [f64] {
    let (Some(host), Some(compared)) = (p.hosts.get(h), p.comparator.hosts.get(h)) else {
        return &[];
    };
    let s = &p.summary;
    let c = &p.calibration;
    match path {
        "workers" => &p.workers,
        "permitted" => &p.permitted,
        "disguised" => &p.disguised,
        "arrivals" => &p.arrivals,
        "revenueUsd" => &p.revenue_usd,
        "comparator.workers" => &p.comparator.workers,
        "comparator.arrivals" => &p.comparator.arrivals,
        "comparator.revenueUsd" => &p.comparator.revenue_usd,
        "hosts.HOST.permitted" => &host.permitted,
        "hosts.HOST.disguised" => &host.disguised,
        "hosts.HOST.workers" => &host.workers,
        "hosts.HOST.arrivals" => &host.arrivals,
        "hosts.HOST.revenueUsd" => &host.revenue_usd,
        "hosts.HOST.perWorkerUsd" => &host.per_worker_usd,
        "comparator.hosts.HOST.workers" => &compared.workers,
        "comparator.hosts.HOST.arrivals" => &compared.arrivals,
        "comparator.hosts.HOST.revenueUsd" => &compared.revenue_usd,
        "summary.finalYearRevenueUsd" => core::slice::from_ref(&s.final_year_revenue_usd),
        "summary.cumulativeRevenueUsd" => core::slice::from_ref(&s.cumulative_revenue_usd),
        "summary.cumulativeDeniedUsd" => core::slice::from_ref(&s.cumulative_denied_usd),
        "summary.deniedShare" => core::slice::from_ref(&s.denied_share),
        "summary.baseYearWorkers" => core::slice::from_ref(&s.base_year_workers),
        "summary.finalYearWorkers" => core::slice::from_ref(&s.final_year_workers),
        "calibration.bottomUpRevenueUsd" => core::slice::from_ref(&c.bottom_up_revenue_usd),
        "calibration.estimateRevenueUsd" => core::slice::from_ref(&c.estimate_revenue_usd),
        "calibration.scale" => core::slice::from_ref(&c.scale),
        "calibration.anchored" => anchored,
        "calibration.perWorkerUsd.HOST" => c.per_worker_usd.get(h..=h).unwrap_or_default(),
        _ => &[],
    }
}

/// Whether a layout path names each host in turn: its entries start "hosts." or
/// "comparator.hosts.", or end ".HOST". (Bytes, not text search: a few bytes of wasm.)
fn per_host(path: &str) -> bool {
    let b = path.as_bytes();
    b.starts_with(b"hosts.") || b.starts_with(b"comparator.hosts.") || b.ends_with(b".HOST")
}

/// The projection as one block of numbers, in the order of [`PROJECTION_LAYOUT`].
fn flatten(p: &Projection) -> Vec<f64> {
    let n = p.years.len();
    let anchored = [if p.calibration.anchored { 1.0 } else { 0.0 }];
    let mut out = Vec::with_capacity(PROJECTION_LAYOUT.len() * HOST_COUNT * n);
    for &(path, len) in PROJECTION_LAYOUT {
        let hosts = if per_host(path) { HOST_COUNT } else { 1 };
        for h in 0..hosts {
            let numbers = field(p, path, h, &anchored);
            let want = if let Len::Years = len { n } else { 1 };
            // A layout entry that names no field would shift every later number: fill it.
            out.extend(
                numbers
                    .iter()
                    .copied()
                    .chain(core::iter::repeat(f64::NAN))
                    .take(want),
            );
        }
    }
    out
}

/// Projects workers, arrivals and revenue. Omitted ids take their defaults.
#[wasm_bindgen(unchecked_return_type = "Projection")]
pub fn evaluate(
    #[wasm_bindgen(unchecked_param_type = "Scenario | undefined")] scenario: JsValue,
) -> Result<JsValue, JsValue> {
    let p = crate::evaluate(&scenario_from_js(&scenario)?);
    let first = p.years.first().copied().unwrap_or_default();
    Ok(build_projection(&flatten(&p), p.years.len(), first))
}

/// Every parameter's value in each year of the scenario's horizon: one block, a row of
/// years per parameter in the order of `parameters()` (what the model reads). The page draws
/// each control's years from it instead of knowing the schedule rules a second time.
#[wasm_bindgen(unchecked_return_type = "Float64Array")]
pub fn timeline(
    #[wasm_bindgen(unchecked_param_type = "Scenario | undefined")] scenario: JsValue,
) -> Result<Float64Array, JsValue> {
    let t = scenario_from_js(&scenario)?.timeline();
    Ok(Float64Array::from(t.rows.as_slice()))
}

/// The value of parameter `id` that is the scenario's in every year before `year` and `x`
/// from `year` on, with steps that change nothing dropped: what a slider does when policies
/// start in `year`. A number or `[year, value]` steps.
#[wasm_bindgen(js_name = fromYear, unchecked_return_type = "number | [number, number][]")]
pub fn from_year(
    #[wasm_bindgen(unchecked_param_type = "Scenario | undefined")] scenario: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ParameterId")] id: &str,
    year: f64,
    x: f64,
) -> Result<JsValue, JsValue> {
    let s = scenario_from_js(&scenario)?;
    let current = s
        .get(id)
        .ok_or_else(|| range_error(&InputError::UnknownParameter { id: short(id) }))?;
    check_number("year", None, year, (MIN_YEAR as f64, MAX_YEAR as f64), true)
        .map_err(|e| range_error(&e))?;
    let value = current.from_year(year as i32, x, s.years().0);
    // The new value obeys the parameter's own rules: its range and the schedule's.
    let mut checked = s.clone();
    checked
        .set(id, value.clone())
        .map_err(|e| range_error(&e))?;
    to_js(&value)
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
                name: short(&key),
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
        Opt::List(items) => Err(type_error(&format!(
            "{} must be a number, got a list of {} strings",
            quote(key),
            items.len()
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

/// The option `key` of `given`, if present.
fn opt<'a>(given: &'a [(String, Opt)], key: &str) -> Option<&'a Opt> {
    given.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

/// At most one of `keys` may be given: the one given, if any.
fn one_of<'a>(
    given: &'a [(String, Opt)],
    keys: &[&'static str],
    why: &'static str,
) -> Result<Option<(&'static str, &'a Opt)>, JsValue> {
    let present: Vec<(&'static str, &Opt)> = keys
        .iter()
        .filter_map(|&k| opt(given, k).map(|v| (k, v)))
        .collect();
    match present.as_slice() {
        [] => Ok(None),
        [one] => Ok(Some(*one)),
        [a, b, ..] => Err(range_error(&InputError::Contradictory {
            first: a.0,
            second: b.0,
            why,
        })),
    }
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
    let given = read_options(&options, &["draws", "seed"])?;
    let draws = match opt(&given, "draws") {
        Some(v) => whole("draws", v, (1.0, MAX_DRAWS as f64))? as u32,
        None => DEFAULT_DRAWS,
    };
    let seed = match opt(&given, "seed") {
        Some(v) => whole("seed", v, (0.0, MAX_SEED as f64))? as u64,
        None => DEFAULT_SEED,
    };
    to_js(&crate::uncertainty(&s, draws, seed).map_err(|e| range_error(&e))?)
}

/// The measure of `given`'s `host`, `from` and `output` (if `with_output`) options.
fn measure(given: &[(String, Opt)], output: Option<&str>) -> Result<Measure, JsValue> {
    let host = opt(given, "host").map(|v| text("host", v)).transpose()?;
    let from = opt(given, "from")
        .map(|v| whole("from", v, (MIN_YEAR as f64, MAX_YEAR as f64)).map(|y| y as i32))
        .transpose()?;
    Measure::parse(output, host.as_deref(), from).map_err(|e| range_error(&e))
}

/// A tornado: each assumption at its low and high, ranked by how far it moves the output.
/// Options: `output`, one of "cumulativeRevenueUsd" (default), "cumulativeDeniedUsd",
/// "finalYearRevenueUsd"; `host`, a host id or "all" (default); `from`, the first year
/// counted (default the base year; within the scenario's years).
#[wasm_bindgen(unchecked_return_type = "Sensitivity")]
pub fn sensitivity(
    #[wasm_bindgen(unchecked_param_type = "Scenario | undefined")] scenario: JsValue,
    #[wasm_bindgen(unchecked_param_type = "SensitivityOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let s = scenario_from_js(&scenario)?;
    let given = read_options(&options, &["output", "host", "from"])?;
    let output = opt(&given, "output")
        .map(|v| text("output", v))
        .transpose()?;
    let m = measure(&given, output.as_deref())?;
    to_js(&crate::sensitivity(&s, m).map_err(|e| range_error(&e))?)
}

/// What each lever that acts on a host can do for its revenue over a window, and, for one
/// that cuts it by under 1%, the parameter that closes its channel. Options: `host` (a host
/// id or "all", default "all"), `from` (the window's first year, default the base year).
#[wasm_bindgen(js_name = leverEffects, unchecked_return_type = "LeverEffect[]")]
pub fn lever_effects(
    #[wasm_bindgen(unchecked_param_type = "Scenario | undefined")] scenario: JsValue,
    #[wasm_bindgen(unchecked_param_type = "LeverEffectsOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let s = scenario_from_js(&scenario)?;
    let given = read_options(&options, &["host", "from"])?;
    let m = measure(&given, None)?;
    to_js(&crate::analysis::lever_effects(&s, m).map_err(|e| range_error(&e))?)
}

/// The smallest setting of some levers, moved together (each to the same share of its
/// range) from a year on, that reaches a target for one host's or every host's revenue.
/// Options: `levers` (a list of lever ids) or `lever` (one), by default every lever that
/// acts on the host; one target: `targetShare` (0 to 1: a cut over the window against the
/// comparator; `targetDeniedShare` is the same) or `targetRevenueUsd` (revenue in the
/// window's last year at most this); `host` (a host id or "all"); `from` (the first year,
/// default the base year); `comparator` (a preset id, default "noEnforcement").
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
        "targetRevenueUsd",
        "host",
        "from",
        "comparator",
    ];
    let given = read_options(&options, &allowed)?;
    let levers = match one_of(&given, &["levers", "lever"], "give a list of levers or one")? {
        Some(("levers", Opt::List(ids))) => ids.clone(),
        Some(("levers", _)) => return Err(type_error("\"levers\" must be a list of lever ids")),
        Some((key, v)) => alloc::vec![text(key, v)?],
        None => Vec::new(),
    };
    let target = match one_of(
        &given,
        &["targetShare", "targetDeniedShare", "targetRevenueUsd"],
        "a goal seek has one target",
    )? {
        Some(("targetRevenueUsd", v)) => Target::RevenueUsd(number("targetRevenueUsd", v)?),
        Some((key, v)) => {
            let x = number(key, v)?;
            check_number(key, None, x, (0.0, 1.0), false).map_err(|e| range_error(&e))?;
            Target::Share(x)
        }
        None => {
            return Err(type_error(
                "options.targetShare or options.targetRevenueUsd is required",
            ));
        }
    };
    let comparator = opt(&given, "comparator")
        .map(|v| text("comparator", v))
        .transpose()?;
    let m = measure(&given, None)?;
    let host = m.host.and_then(|h| HOSTS.get(h)).map(|h| h.id);
    let ids: Vec<&str> = levers.iter().map(String::as_str).collect();
    let goal = Goal::parse(&ids, target, host, m.from, comparator.as_deref())
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

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    /// The block and its layout give, key for key and to the bit, the object
    /// `serde-wasm-bindgen` writes from the projection (which would take 36 µs a call in
    /// Node against the block's 15 µs, measured on the record).
    #[wasm_bindgen_test]
    fn the_block_is_what_serde_writes() {
        for preset in PRESETS {
            let s = Scenario::preset(preset.id).unwrap();
            let js = evaluate(to_js(&s).unwrap()).unwrap();
            let serde = to_js(&crate::evaluate(&s)).unwrap();
            let text = |v: &JsValue| js_sys::JSON::stringify(v).unwrap().as_string().unwrap();
            assert_eq!(text(&js), text(&serde), "{}", preset.id);
        }
    }
}
