#!/usr/bin/env bash
# The fuzz suite run longer, with fresh seeds: the Rust property tests and scenario-file
# fuzzing (PROPTEST_CASES), and the JavaScript fuzz tests (FUZZ_RUNS times their runs).
# scripts/test.sh runs the same tests with fixed seeds and fewer cases.
#   bash scripts/fuzz.sh                      # about 10 minutes on 2 cores
#   FUZZ_SEED=123 FUZZ_RUNS=5 bash scripts/fuzz.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export FUZZ_RUNS=${FUZZ_RUNS:-20} FUZZ_SEED=${FUZZ_SEED:-$((RANDOM * 32768 + RANDOM))} PROPTEST_CASES=${PROPTEST_CASES:-20000}
unset PROPTEST_RNG_SEED
echo "FUZZ_SEED=$FUZZ_SEED FUZZ_RUNS=$FUZZ_RUNS PROPTEST_CASES=$PROPTEST_CASES (proptest prints its seed on a failure)"
cargo test --release --test invariants --test scenario_file
bash scripts/build.sh
node --test --test-concurrency=1 tests/e2e/fuzz.test.mjs
