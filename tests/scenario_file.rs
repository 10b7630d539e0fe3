//! Scenario files read and written with serde: the same checks as `Scenario::from_pairs`,
//! and errors that name the entry, the value and the allowed range.

use dprk_labor::{PARAMETERS, Scenario};

fn read(json: &str) -> Result<Scenario, String> {
    serde_json::from_str(json).map_err(|e| e.to_string())
}

#[test]
fn a_scenario_file_round_trips_every_parameter_in_registry_order() {
    let s = Scenario::preset("closeVisaLoophole")
        .and_then(|s| s.with("wage.china", 450.0))
        .and_then(|s| s.with("endYear", 2040.0))
        .unwrap();
    let text = serde_json::to_string(&s).unwrap();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let ids: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut registry: Vec<&str> = PARAMETERS.iter().map(|p| p.id).collect();
    registry.sort_unstable(); // serde_json's map without preserve_order is sorted
    assert_eq!(ids, registry);
    assert_eq!(value["wage.china"], 450.0);
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
}

#[test]
fn a_bad_entry_is_named_with_its_value_and_what_is_allowed() {
    let cases = [
        (
            r#"{ "repatriation.russia": 1.5 }"#,
            r#""repatriation.russia" = 1.5 is out of range: allowed 0 to 1"#,
        ),
        (
            r#"{ "wage.china": "450" }"#,
            r#"invalid type: string "450", expected a number for "wage.china""#,
        ),
        (
            r#"{ "permitBan.china": null }"#,
            r#"invalid type: null, expected a number for "permitBan.china""#,
        ),
        (
            r#"{ "visaClarification": { "value": 1 } }"#,
            r#"invalid type: map, expected a number for "visaClarification""#,
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
            "invalid type: sequence, expected a scenario: an object of parameter ids to numbers",
        ),
    ];
    for (json, message) in cases {
        let e = read(json).unwrap_err();
        assert!(e.contains(message), "{json}: got {e:?}, want {message:?}");
    }
}
