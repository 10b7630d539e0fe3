#!/usr/bin/env bash
# Builds the release wasm module for the page into www/pkg.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# wasm-opt from the npm package binaryen (a current release): Debian's binaryen 108 breaks
# the externref table that wasm-bindgen emits.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
wasm-pack --quiet build --release --target web --out-dir www/pkg --no-pack
rm -f www/pkg/.gitignore
# Node reads the glue as an ES module without guessing (analysts' scripts and the tests).
printf '{ "type": "module" }\n' > www/pkg/package.json
# The methodology page is docs/methodology.md, rendered.
node scripts/methodology.mjs
