//! Uncertainty, sensitivity and goal seek (docs/methodology.md, "Uncertainty and
//! sensitivity"), one concern a file:
//!
//! - [`sampler`]: the one Monte Carlo sampler, shared by the bands and the back-test;
//! - [`percentiles`]: exact percentiles of the draws;
//! - [`uncertainty`](mod@uncertainty): percentile bands of workers and revenue;
//! - [`measure`]: the output, hosts and window a tornado or a goal seek looks at;
//! - [`sensitivity`](mod@sensitivity): the tornado;
//! - [`effects`]: what each lever does for a host, and what blocks it;
//! - [`goal_seek`](mod@goal_seek): the smallest lever setting that reaches a target.

pub mod effects;
pub mod goal_seek;
pub mod measure;
pub mod percentiles;
pub mod sampler;
pub mod sensitivity;
pub mod uncertainty;

pub use effects::{Gate, LeverEffect, lever_effects};
pub use goal_seek::{Goal, GoalSeek, LeverSetting, Target, goal_seek};
pub use measure::{Measure, Output};
pub use percentiles::{Bands, PERCENTILES, Percentiles};
pub use sampler::triangular;
pub use sensitivity::{Sensitivity, TornadoBar, sensitivity};
pub use uncertainty::{HostBands, MAX_DRAWS, MAX_SEED, Uncertainty, uncertainty};
