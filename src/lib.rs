//! # dprk-labor
//!
//! Projects how much hard currency the North Korean state takes from the workers it sends
//! abroad, year by year and by host country, under choices of UN sanctions enforcement:
//! refusing new work permits (UNSC res. 2375), repatriation (res. 2397), clarifying that North
//! Koreans may not work on any visa type, and designating the companies that employ them.
//!
//! The model is the one `docs/methodology.md` states, with its invariants. Every lever,
//! assumption and setting is a row of [`PARAMETERS`], with its unit, range and the
//! [`SOURCES`] behind it.
//!
//! ```
//! use dprk_labor::{evaluate, Scenario};
//!
//! // The status quo, then the same with the visa loophole closed.
//! let status_quo = Scenario::preset("statusQuo")?;
//! let closed = status_quo.clone().with("visaClarification", 1.0)?;
//! let (a, b) = (evaluate(&status_quo), evaluate(&closed));
//! assert!(b.summary.cumulative_revenue_usd < a.summary.cumulative_revenue_usd);
//!
//! // Out-of-range input is a typed error naming the field, the value and the range.
//! let err = Scenario::default().with("repatriation.russia", 1.5).unwrap_err();
//! assert_eq!(err.to_string(), "\"repatriation.russia\" = 1.5 is out of range: allowed 0 to 1");
//! # Ok::<(), dprk_labor::InputError>(())
//! ```
//!
//! The core is `no_std` + `alloc` (turn off the default `std` feature) and uses `libm` for
//! every transcendental function, so results are bit-identical natively and in wasm. The
//! JavaScript binding lives in one module, compiled only for `wasm32`.

#![cfg_attr(not(feature = "std"), no_std)]
#![forbid(unsafe_code)]
// No panicking path outside the tests: every index is checked or proved in range, every
// fallible call handled. The few exceptions say why where they stand.
#![cfg_attr(
    not(test),
    deny(
        clippy::indexing_slicing,
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic
    )
)]
#![warn(missing_docs)]

extern crate alloc;

pub mod analysis;
pub mod error;
pub mod limits;
pub mod model;
pub mod observations;
pub mod presets;
pub mod registry;
pub mod scenario;
pub mod schedule;
pub mod sources;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

/// The README's Rust example, compiled and run as a doc test so that it cannot drift.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeExample;

pub use analysis::{
    Goal, GoalSeek, Measure, Output, Sensitivity, Uncertainty, goal_seek, sensitivity, uncertainty,
};
pub use error::InputError;
pub use model::{Calibration, Comparator, HostSeries, Projection, Summary, calibration, evaluate};
pub use observations::{BacktestRow, OBSERVATIONS, Observation, backtest};
pub use presets::{MODEL1_PRESETS, PRESETS, Preset};
pub use registry::{HOSTS, Host, Kind, PARAMETERS, Parameter, Unit};
pub use scenario::Scenario;
pub use schedule::Value;
pub use sources::{Reliability, SOURCES, Source};

/// Version of the model's equations and defaults. It changes whenever the same scenario
/// would give different numbers; shared links and exports carry it.
pub const MODEL_VERSION: &str = "3.0.0";

/// Date the model version was released (ISO 8601), for citations.
pub const MODEL_DATE: &str = "2026-12-04";

/// Version of this crate.
pub const CRATE_VERSION: &str = env!("CARGO_PKG_VERSION");
