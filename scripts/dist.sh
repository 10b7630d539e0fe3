#!/usr/bin/env bash
# Single-file build (dist/): one ES module with the wasm inside, and one self-contained page.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/build.sh
node scripts/dist.mjs
