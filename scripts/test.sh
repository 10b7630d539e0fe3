#!/usr/bin/env bash
# Quick start, command 2: install what is missing, then run every check and test.
# CI runs this same script (.ci/run).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
# Property tests and fuzzing with fixed seeds, in bounded time; scripts/fuzz.sh runs them
# longer with fresh seeds.
export PROPTEST_RNG_SEED=${PROPTEST_RNG_SEED:-20261129} FUZZ_SEED=${FUZZ_SEED:-20261129}

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format"
cargo fmt --check
step "clippy (host and wasm32), warnings denied"
cargo clippy --all-targets --quiet -- -D warnings
cargo clippy --target wasm32-unknown-unknown --all-targets --quiet -- -D warnings
step "rustdoc, broken links denied"
RUSTDOCFLAGS="-D warnings -D rustdoc::broken-intra-doc-links" cargo doc --no-deps --quiet
step "no_std core"
cargo build --quiet --no-default-features --target x86_64-unknown-none
step "native tests: unit, properties, golden outputs, scenario checks, doc examples"
cargo test --quiet
step "wasm tests in Node"
wasm-pack test --node
step "wasm tests in headless Chromium"
WASM_BINDGEN_USE_BROWSER=1 wasm-pack test --headless --chrome --chromedriver "$(command -v chromedriver)"
step "release builds: the page's wasm, the Node package, the single-file build"
bash scripts/build.sh
node scripts/node-package.mjs
node scripts/dist.mjs
step "page and API in Node and headless Chromium"
node --test --test-concurrency=1 tests/e2e/
