#!/usr/bin/env bash
# Installs what building and testing dprk-labor needs, skipping what is already there.
# Sourced by serve.sh and test.sh; safe to run on its own.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

need_targets=()
installed=$(rustup target list --installed)
for t in wasm32-unknown-unknown x86_64-unknown-none; do
  grep -qx "$t" <<<"$installed" || need_targets+=("$t")
done
if ((${#need_targets[@]})); then
  say "rustup target add ${need_targets[*]}"
  rustup target add "${need_targets[@]}"
fi

# wasm-pack uses the wasm-bindgen CLI on PATH only if its version equals the crate's.
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
if [[ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $bindgen_version" ]]; then
  say "cargo install wasm-bindgen-cli $bindgen_version (about 3 minutes)"
  # No --locked: its lock file names a crate version the registry does not serve.
  cargo install wasm-bindgen-cli --version "$bindgen_version" --force
fi
if ! command -v wasm-pack >/dev/null; then
  say "cargo install wasm-pack (about 3 minutes)"
  cargo install wasm-pack
fi

apt_needed=()
if [[ "${DPRK_LABOR_NO_BROWSER:-}" != 1 ]]; then
  command -v chromium >/dev/null || apt_needed+=(chromium)
  command -v chromedriver >/dev/null || apt_needed+=(chromium-driver)
fi
if ((${#apt_needed[@]})); then
  if [[ $(id -u) == 0 ]]; then
    say "apt-get install ${apt_needed[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt_needed[@]}" >/dev/null
  else
    say "missing ${apt_needed[*]}: install them with apt-get as root" >&2
    exit 1
  fi
fi

# Build and test npm packages (binaryen's wasm-opt; playwright-core and axe-core for the
# browser tests). The page itself uses none of them.
if [[ ! -x node_modules/.bin/wasm-opt || ! -d node_modules/playwright-core || package-lock.json -nt node_modules/.package-lock.json ]]; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
