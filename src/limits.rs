//! The limits of what the API accepts, in one place: the core checks input against them and
//! the JavaScript API reports them (`limits()`), so a page checks input as the model does.

/// Earliest year a schedule step may name.
pub const MIN_YEAR: i32 = 1900;
/// Latest year a schedule step may name.
pub const MAX_YEAR: i32 = 2100;
/// Most steps in one schedule.
pub const MAX_STEPS: usize = 64;
/// Longest projection: `endYear - baseYear` may be at most this.
pub const MAX_HORIZON_YEARS: f64 = 40.0;
/// Most Monte Carlo draws one call accepts.
pub const MAX_DRAWS: u32 = 100_000;
/// Largest seed: every seed must be exactly representable as a JavaScript number.
pub const MAX_SEED: u64 = (1 << 53) - 1;
/// Largest revenue target of a goal seek, USD a year.
pub const MAX_TARGET_USD: f64 = 1e12;
