//! Scenario files read and written with serde: the same checks as `Scenario::from_pairs`,
//! schedules included, and errors that name the entry, the year, the value and the range.

use dprk_labor::{PARAMETERS, Scenario, Value};

fn read(json: &str) -> Result<Scenario, String> {
    serde_json::from_str(json).map_err(|e| e.to_string())
}

#[test]
fn a_scenario_file_round_trips_every_parameter_and_schedule() {
    let s = Scenario::preset("closeVisaLoophole")
        .and_then(|s| s.with("wage.china", 450.0))
        .and_then(|s| s.with("endYear", 2040.0))
        .and_then(|s| {
            s.with(
                "demand.russia",
                Value::Schedule(vec![(2024, 1.2), (2027, 1.5)]),
            )
        })
        .unwrap();
    let text = serde_json::to_string(&s).unwrap();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut ids: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut registry: Vec<&str> = PARAMETERS.iter().map(|p| p.id).collect();
    ids.sort_unstable();
    registry.sort_unstable();
    assert_eq!(ids, registry);
    assert_eq!(value["wage.china"], 450.0);
    assert_eq!(
        value["demand.russia"],
        serde_json::json!([[2024, 1.2], [2027, 1.5]])
    );
    assert_eq!(
        value["visaClarification"],
        serde_json::json!([[2017, 0.0], [2027, 1.0]])
    );
    assert_eq!(read(&text).unwrap(), s);
}

#[test]
fn omitted_ids_take_their_defaults_and_whole_numbers_are_accepted() {
    let s = read(r#"{ "visaClarification": 1, "baseYear": 2020, "endYear": 2045 }"#).unwrap();
    let expected = Scenario::from_pairs([
        ("visaClarification", 1.0),
        ("baseYear", 2020.0),
        ("endYear", 2045.0),
    ])
    .unwrap();
    assert_eq!(s, expected);
    assert_eq!(read("{}").unwrap(), Scenario::default());
    let s = read(r#"{ "repatriation.russia": [[2018, 0.3], [2020, 0]] }"#).unwrap();
    assert_eq!(s.value_at("repatriation.russia", 2019), Some(0.3));
}

#[test]
fn a_bad_entry_is_named_with_its_year_value_and_what_is_allowed() {
    let cases = [
        (
            r#"{ "repatriation.russia": 1.5 }"#,
            r#""repatriation.russia" = 1.5 is out of range: allowed 0 to 1"#,
        ),
        (
            r#"{ "repatriation.russia": [[2018, 0.3], [2020, 1.5]] }"#,
            r#""repatriation.russia" = 1.5 in 2020 is out of range: allowed 0 to 1"#,
        ),
        (
            r#"{ "repatriation.russia": [[2020, 0.3], [2018, 0.1]] }"#,
            r#""repatriation.russia": years must increase from step to step, but year 2018 follows 2020"#,
        ),
        (
            r#"{ "repatriation.russia": [[2018, 0.3], [2018, 0.1]] }"#,
            r#""repatriation.russia": year 2018 appears twice"#,
        ),
        (
            r#"{ "repatriation.russia": [[1800, 0.3]] }"#,
            r#""repatriation.russia": year 1800 is out of range: allowed 1900 to 2100"#,
        ),
        (
            r#"{ "repatriation.russia": [[2018]] }"#,
            r#""repatriation.russia": the step for year 2018 must be a [year, value] pair, got a year with no value"#,
        ),
        (
            r#"{ "repatriation.russia": [["2018", 0.3]] }"#,
            r#"invalid type: string "2018", expected a number as the year of a step of "repatriation.russia""#,
        ),
        (
            r#"{ "baseYear": [[2018, 2018]] }"#,
            r#""baseYear" takes one number, not a schedule (a step for year 2018 was given)"#,
        ),
        (
            r#"{ "monthsWorked": "11" }"#,
            r#"invalid type: string "11", expected a number for "monthsWorked""#,
        ),
        (
            r#"{ "permitBan.china": null }"#,
            r#"invalid type: null, expected a number or a list of [year, value] pairs for "permitBan.china""#,
        ),
        (
            r#"{ "visaClarification": { "value": 1 } }"#,
            r#"invalid type: map, expected a number or a list of [year, value] pairs for "visaClarification""#,
        ),
        (
            r#"{ "permitBan.mars": 0.5 }"#,
            r#"unknown parameter "permitBan.mars""#,
        ),
        (r#"{ "baseYear": 2017.5 }"#, r#""baseYear" = 2017.5"#),
        (
            r#"{ "endYear": 2070 }"#,
            r#""endYear" = 2070 is out of range: allowed baseYear (2017) to baseYear + 40 (2057)"#,
        ),
        (
            "[0.5, 1]",
            "invalid type: sequence, expected a scenario: an object of parameter ids to numbers or [year, value] lists",
        ),
    ];
    for (json, message) in cases {
        let e = read(json).unwrap_err();
        assert!(e.contains(message), "{json}: got {e:?}, want {message:?}");
    }
    let many: Vec<String> = (1950..2016).map(|y| format!("[{y}, 0.1]")).collect();
    let e = read(&format!(
        r#"{{ "visaClarification": [{}] }}"#,
        many.join(",")
    ))
    .unwrap_err();
    assert!(e.contains("at most 64 steps"), "{e}");
}

/// The deserializer against arbitrary JSON: objects whose keys are parameter ids, near-ids
/// or anything, and whose values are numbers (edges included), strings, nulls, lists and
/// nested objects. It never panics; what it accepts evaluates to finite numbers, and what
/// it refuses it refuses with a short message.
#[cfg(not(target_arch = "wasm32"))]
mod fuzz {
    use super::*;
    use proptest::prelude::*;
    use serde_json::{Value as Json, json};

    fn number() -> impl Strategy<Value = Json> {
        prop_oneof![
            Just(json!(0)),
            Just(json!(-0.0)),
            Just(json!(5e-324)),
            Just(json!(1e308)),
            Just(json!(-1)),
            (0.0..1.0f64).prop_map(|x| json!(x)),
            (1900..=2101i64).prop_map(|x| json!(x)),
            any::<f64>()
                .prop_filter("JSON has no NaN or infinity", |x| x.is_finite())
                .prop_map(|x| json!(x)),
        ]
    }

    fn json_value() -> impl Strategy<Value = Json> {
        let leaf = prop_oneof![
            number(),
            Just(Json::Null),
            any::<bool>().prop_map(Json::Bool),
            ".{0,12}".prop_map(Json::String)
        ];
        leaf.prop_recursive(4, 32, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Json::Array),
                prop::collection::vec((".{0,8}", inner), 0..4)
                    .prop_map(|kv| Json::Object(kv.into_iter().collect())),
            ]
        })
    }

    fn key() -> impl Strategy<Value = String> {
        let ids: Vec<String> = PARAMETERS.iter().map(|p| p.id.to_string()).collect();
        prop_oneof![
            3 => prop::sample::select(ids.clone()),
            1 => prop::sample::select(ids).prop_map(|id| format!("{id}x")),
            1 => Just("__proto__".to_string()),
            1 => ".{0,100}",
        ]
    }

    fn step() -> impl Strategy<Value = Json> {
        prop_oneof![
            4 => ((1890..=2110i64), number()).prop_map(|(y, v)| json!([y, v])),
            1 => json_value(),
        ]
    }

    fn file() -> impl Strategy<Value = Json> {
        let value = prop_oneof![
            3 => number(),
            2 => prop::collection::vec(step(), 0..70).prop_map(Json::Array),
            1 => json_value(),
        ];
        prop::collection::vec((key(), value), 0..12)
            .prop_map(|kv| Json::Object(kv.into_iter().collect()))
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: std::env::var("PROPTEST_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(500),
            ..ProptestConfig::default()
        })]

        #[test]
        fn arbitrary_files_are_read_or_refused_in_words(doc in file()) {
            match serde_json::from_value::<Scenario>(doc.clone()) {
                Ok(s) => {
                    let p = dprk_labor::evaluate(&s);
                    prop_assert!(p.revenue_usd.iter().chain(&p.workers).all(|x| x.is_finite()), "{}", doc);
                }
                Err(e) => {
                    let message = e.to_string();
                    prop_assert!(!message.is_empty() && message.chars().count() < 400, "{}", message);
                }
            }
        }
    }
}
