#!/usr/bin/env bash
# Builds the release wasm module for the page into www/pkg.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"
wasm-pack --quiet build --release --target web --out-dir www/pkg --no-pack
rm -f www/pkg/.gitignore
