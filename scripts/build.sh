#!/usr/bin/env bash
# Builds the release wasm module into www/pkg, renders the methodology page, and writes
# site/, the page as served (scripts/site.mjs).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# wasm-opt from the npm package binaryen (a current release): Debian's binaryen 108 breaks
# the externref table that wasm-bindgen emits.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
rm -rf www/pkg
wasm-pack --quiet build --release --target web --out-dir www/pkg --no-pack
rm -f www/pkg/.gitignore
# Node reads the glue as an ES module without guessing (analysts' scripts and the tests).
printf '{ "type": "module" }\n' > www/pkg/package.json
# The methodology page is docs/methodology.md, rendered.
node scripts/methodology.mjs
# site/: what is served, each module and style sheet minified on its own.
node scripts/site.mjs
