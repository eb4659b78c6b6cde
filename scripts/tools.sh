#!/usr/bin/env bash
# Installs what building, serving and testing llmdoctor needs: only what is missing or at the
# wrong version, so a second run takes seconds. One line per tool. Safe to run again and again.
set -euo pipefail
# shellcheck source=scripts/env.sh
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

say() { printf 'tools: %-16s %s\n' "$1" "$2"; }
since() { echo "$(($(date +%s) - $1))s"; }

SUDO=""
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then SUDO="sudo"; fi
APT_UPDATED=""
apt_install() {
  if [ -z "$APT_UPDATED" ]; then
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
    APT_UPDATED=1
  fi
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null
}

# --- Rust target for the page -------------------------------------------------------------------
installed_targets=$(rustup target list --installed)
if grep -qx wasm32-unknown-unknown <<<"$installed_targets"; then
  say wasm32 "present ($(rustc --version | cut -d' ' -f2))"
else
  t=$(date +%s)
  rustup target add wasm32-unknown-unknown >/dev/null 2>&1
  say wasm32 "installed in $(since "$t")"
fi

# --- rustfmt and clippy (test.sh runs both) ------------------------------------------------------
if cargo fmt --version >/dev/null 2>&1 && cargo clippy --version >/dev/null 2>&1; then
  say rustfmt+clippy "present"
else
  t=$(date +%s)
  rustup component add rustfmt clippy >/dev/null 2>&1
  say rustfmt+clippy "installed in $(since "$t")"
fi

# --- Trunk --------------------------------------------------------------------------------------
TRUNK_VERSION=0.21.14 # 0.22 needs rustc >= 1.96; this machine has 1.95 (the design's toolchain notes)
have=$(trunk --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" = "$TRUNK_VERSION" ]; then
  say trunk "$have present"
else
  t=$(date +%s)
  cargo install trunk --version "$TRUNK_VERSION" --locked --force --quiet
  say trunk "$TRUNK_VERSION installed in $(since "$t")${have:+ (was $have)}"
fi

# --- wasm-bindgen CLI ---------------------------------------------------------------------------
# Must equal the wasm-bindgen crate exactly, so read the `=` pin from web/Cargo.toml. No --locked:
# the CLI's own lock file names a crate version this registry lacks (the design's toolchain notes).
WB_VERSION=$(sed -nE 's/^wasm-bindgen[[:space:]]*=[[:space:]]*"=([0-9][0-9.]*)".*/\1/p' web/Cargo.toml)
if [ -z "$WB_VERSION" ]; then
  echo 'tools: web/Cargo.toml must pin wasm-bindgen exactly, e.g. wasm-bindgen = "=0.2.130"' >&2
  exit 1
fi
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" = "$WB_VERSION" ]; then
  say wasm-bindgen "$have present"
else
  t=$(date +%s)
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --force --quiet
  say wasm-bindgen "$WB_VERSION installed in $(since "$t")${have:+ (was $have)}"
fi

# --- Nightly toolchain and cargo-fuzz, for the fuzz step (scripts/fuzz.sh) ------------------------
# libFuzzer's instrumentation needs nightly rustc; the build itself stays on stable. Installed when
# missing; if that fails, this fails (the fuzz step never skips silently).
if rustup run nightly rustc --version >/dev/null 2>&1; then
  say nightly "$(rustup run nightly rustc --version | awk '{print $2, $4}' | tr -d ')') present"
else
  t=$(date +%s)
  rustup toolchain install nightly --profile minimal >/dev/null 2>&1
  say nightly "$(rustup run nightly rustc --version | awk '{print $2}') installed in $(since "$t")"
fi
CARGO_FUZZ_VERSION=0.13.2 # builds with stable 1.95 (--locked)
have=$(cargo fuzz --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" = "$CARGO_FUZZ_VERSION" ]; then
  say cargo-fuzz "$have present"
else
  t=$(date +%s)
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked --force --quiet
  say cargo-fuzz "$CARGO_FUZZ_VERSION installed in $(since "$t")${have:+ (was $have)}"
fi

# --- Node.js and npm (on the machine image; Debian's as a fallback) -------------------------------
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  t=$(date +%s)
  apt_install nodejs npm
  say node "$(node --version) installed in $(since "$t")"
else
  say node "$(node --version) present"
fi

# npm_ci DIR: `npm ci` in DIR unless every dependency pinned in DIR/package.json is installed at
# exactly that version.
npm_current() {
  node -e '
    const fs = require("fs"), p = require("path"), dir = process.argv[1];
    const deps = JSON.parse(fs.readFileSync(p.join(dir, "package.json"))).dependencies || {};
    for (const [name, want] of Object.entries(deps)) {
      try {
        const got = JSON.parse(fs.readFileSync(p.join(dir, "node_modules", name, "package.json"))).version;
        if (got !== want) process.exit(1);
      } catch { process.exit(1); }
    }' "$1"
}

# --- wasm-opt from npm binaryen, and the JS/CSS minifiers, into .tools/ -------------------------
# binaryen 132 (scripts/npm-tools/package.json): Debian's binaryen 108 cannot parse what
# wasm-bindgen 0.2.130 emits. Trunk.toml asks for wasm_opt = "version_132" and finds it on PATH.
# terser and csso: scripts/minify-assets.mjs (a Trunk post_build hook) minifies the first load.
mkdir -p .tools
if cmp -s scripts/npm-tools/package.json .tools/package.json && npm_current .tools; then
  say wasm-opt "$(wasm-opt --version | awk '{print $3}') present"
else
  t=$(date +%s)
  cp scripts/npm-tools/package.json scripts/npm-tools/package-lock.json .tools/
  (cd .tools && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  say wasm-opt "$(wasm-opt --version | awk '{print $3}') installed in $(since "$t")"
fi

# --- Chromium and ChromeDriver from Debian, for the browser test --------------------------------
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  say chromium "$(dpkg-query -W -f='${Version}' chromium 2>/dev/null || echo '?') present"
else
  t=$(date +%s)
  apt_install chromium chromium-driver
  say chromium "$(dpkg-query -W -f='${Version}' chromium) installed in $(since "$t")"
fi

# --- playwright-core for tests/e2e (pinned exactly; drives /usr/bin/chromium, downloads nothing) --
if npm_current tests/e2e; then
  say playwright-core "$(node -p 'require("./tests/e2e/node_modules/playwright-core/package.json").version') present"
else
  t=$(date +%s)
  (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  say playwright-core "$(node -p 'require("./tests/e2e/node_modules/playwright-core/package.json").version') installed in $(since "$t")"
fi
