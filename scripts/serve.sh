#!/usr/bin/env bash
# Quick start, command 1: install what is missing, build the release wasm and serve the page
# on http://127.0.0.1:${PORT:-8080}/ until interrupted.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
DPRK_LABOR_NO_BROWSER=1 bash scripts/setup.sh
bash scripts/build.sh
exec node scripts/serve.mjs site "${PORT:-8080}"
