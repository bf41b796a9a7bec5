#!/usr/bin/env bash
# Unveil's one entry point.
#   ./build.sh          set up what is missing, build the wasm core, the extension packages and the CLI
#   ./build.sh test     every check CI runs (installs its own test dependencies when missing)
#   ./build.sh run      open Chromium (or Firefox with --firefox) with the extension on the demo page
#   ./build.sh bench    in-browser (Chromium, Firefox) and native benchmarks (needs ../shared for the AEB pages)
#   ./build.sh eval     the quality evaluations on ../shared data, with the CI gates
#   ./build.sh peers    side by side with AdGuard's annoyance filter lists (fetched once into target/peers)
# Nothing is downloaded from outside the package registries (crates.io, npm, Debian).
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
export PATH="$HOME/.cargo/bin:$PATH"

WASM_BUDGET_GZ=$((250 * 1024))
WASM_TARGET=wasm32-unknown-unknown
WASM_OUT=target/$WASM_TARGET/wasm-release/unveil.wasm
PKG=target/pkg

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

# --- set-up -----------------------------------------------------------------------------

# The wasm-bindgen CLI must be exactly the version of the wasm-bindgen crate in Cargo.lock.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

setup_rust() {
  if ! rustup target list --installed | grep -qx "$WASM_TARGET"; then
    step "rustup target add $WASM_TARGET"
    rustup target add "$WASM_TARGET"
  fi
  [ -f Cargo.lock ] || cargo generate-lockfile
  local wanted
  wanted=$(wasm_bindgen_version)
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wanted" ]; then
    step "cargo install wasm-bindgen-cli $wanted (once, ~9 minutes)"
    # Not --locked: its lockfile wants a webpki-roots version the registry lacks.
    cargo install wasm-bindgen-cli --version "$wanted"
  fi
}

setup_npm() {
  # node_modules/.package-lock.json is rewritten by every npm ci/install.
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    step "npm ci"
    npm ci --no-audit --no-fund
  fi
}

apt_install() {
  step "apt-get install $*"
  if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -print -quit 2>/dev/null)" ]; then
    apt-get update -qq
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null || {
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  }
}

setup_test_tools() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v firefox-esr >/dev/null || missing+=(firefox-esr)
  [ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
  if ! command -v geckodriver >/dev/null; then
    step "cargo install geckodriver (once, ~4 minutes)"
    cargo install geckodriver
  fi
}

# --- build ------------------------------------------------------------------------------

build_wasm() {
  step "wasm core"
  cargo build --lib --target "$WASM_TARGET" --profile wasm-release
  mkdir -p "$PKG"
  # An ES module for the background (the only place the core runs), with __wbg_reset_state:
  # after a trap the background starts a fresh instance (extension/background/core.js).
  wasm-bindgen --target web --experimental-reset-state-function --no-typescript \
    --out-dir "$PKG" --out-name unveil "$WASM_OUT"
  # Debian's binaryen (v108) emits modules that fail at runtime; npm's is the one we pin.
  # The producers and target-features sections are for tools, not browsers (0.2 KB gzipped).
  node_modules/.bin/wasm-opt -Oz --strip-producers --strip-target-features \
    "$PKG/unveil_bg.wasm" -o "$PKG/unveil_bg.wasm"
  local raw gz
  raw=$(stat -c %s "$PKG/unveil_bg.wasm")
  gz=$(gzip -9c "$PKG/unveil_bg.wasm" | wc -c)
  printf 'wasm size: %d KB raw, %d KB gzipped (budget %d KB gzipped)\n' \
    $((raw / 1024)) $((gz / 1024)) $((WASM_BUDGET_GZ / 1024))
  if [ "$gz" -gt "$WASM_BUDGET_GZ" ]; then
    echo "wasm is over its size budget" >&2
    exit 1
  fi
}

build_cli() {
  step "native CLI"
  cargo build --release --bin unveil
  echo "built target/release/unveil"
}

package() {
  step "extension packages"
  node tools/package.mjs
}

build() {
  setup_rust
  setup_npm
  build_wasm
  package
  build_cli
}

# --- checks -----------------------------------------------------------------------------

run_tests() {
  build
  setup_test_tools
  step "rustfmt"
  cargo fmt --all -- --check
  step "clippy (native, wasm32)"
  cargo clippy --all-targets -- -D warnings
  cargo clippy --lib --target "$WASM_TARGET" -- -D warnings
  step "cargo test"
  cargo test
  step "wasm-bindgen tests (Chromium, Firefox)"
  wasm_tests
  step "JavaScript unit tests"
  node --test tests/unit/
  step "web-ext lint"
  node tools/lint.mjs dist/firefox
  step "end-to-end (Chromium, Firefox)"
  node --test --test-concurrency=1 tests/e2e/
}

wasm_tests() {
  # wasm-bindgen-test-runner drives the browsers through their WebDriver servers.
  local runner=CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER
  env "$runner=wasm-bindgen-test-runner" CHROMEDRIVER="$(command -v chromedriver)" \
    WASM_BINDGEN_TEST_TIMEOUT=60 cargo test --target "$WASM_TARGET" --test wasm
  env "$runner=wasm-bindgen-test-runner" GECKODRIVER="$(command -v geckodriver)" \
    WASM_BINDGEN_TEST_TIMEOUT=60 cargo test --target "$WASM_TARGET" --test wasm
}

run_demo() {
  build
  setup_test_tools
  node tests/server.mjs --port 8765 &
  local server=$!
  trap 'kill $server 2>/dev/null' EXIT
  sleep 0.5
  local demo=http://127.0.0.1:8765/demo.html
  if [ "${1:-}" = "--firefox" ]; then
    npx web-ext run --source-dir dist/firefox --firefox firefox-esr --start-url "$demo"
  else
    local profile
    profile=$(mktemp -d)
    chromium --user-data-dir="$profile" --no-first-run --disable-extensions-except="$ROOT/dist/chrome" \
      --load-extension="$ROOT/dist/chrome" "$demo"
  fi
}

case "${1:-build}" in
  build) build ;;
  test) run_tests ;;
  run) run_demo "${2:-}" ;;
  bench) build && setup_test_tools && node tests/bench/run.mjs "${SHARED:-../shared}" \
    && node tests/bench/run.mjs "${SHARED:-../shared}" --browser firefox && cargo bench --bench core ;;
  eval) build_cli && tools/eval.sh "${SHARED:-../shared}" ;;
  peers) build && setup_test_tools && node tools/peers/filter-lists.mjs --shared "${SHARED:-../shared}" ;;
  *) echo "usage: ./build.sh [build|test|run [--firefox]|bench|eval|peers]" >&2; exit 2 ;;
esac
