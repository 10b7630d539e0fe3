//! Golden outputs: the projection of every preset, as JSON, in `tests/golden/`.
//!
//! Regenerate after a deliberate change to the model, then review the diff by eye:
//!
//! ```sh
//! UPDATE_GOLDEN=1 cargo test --test golden
//! ```
#![cfg(not(target_arch = "wasm32"))]

use dprk_labor::{PRESETS, Scenario, evaluate};
use std::path::PathBuf;

fn path(id: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(format!("{id}.json"))
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
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
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

/// The figures MODEL.md quotes for statusQuo, in the JSON that the golden file must equal.
#[test]
fn status_quo_golden_matches_model_md() {
    let projection = evaluate(&Scenario::preset("statusQuo").unwrap());
    let v = serde_json::to_value(&projection).unwrap();
    let russia = &v["hosts"][1];
    assert_eq!(russia["id"], "russia");
    let at = |series: &str, i: usize| russia[series][i].as_f64().unwrap();
    assert_eq!(at("permitted", 0), 30_000.0);
    assert!((at("permitted", 1) - 14_800.0).abs() < 50.0);
    assert!((at("permitted", 2) - 7_800.0).abs() < 100.0);
    assert!((at("disguised", 2) - 11_300.0).abs() < 100.0);
}
