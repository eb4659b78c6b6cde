# Sourced by the other scripts: the repo root and a PATH that finds the tools tools.sh installs.
# shellcheck shell=bash
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# cargo install puts binaries here (CARGO_INSTALL_ROOT wins over CARGO_HOME, as in cargo itself).
CARGO_BIN_DIR="${CARGO_INSTALL_ROOT:-${CARGO_HOME:-$HOME/.cargo}}/bin"
# wasm-opt (npm binaryen) lives in the repo's own .tools/ (gitignored), first on PATH so that a
# system wasm-opt of another version (Debian's 108) is never picked up by Trunk.
export PATH="$ROOT/.tools/node_modules/.bin:$CARGO_BIN_DIR:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 # the browser is Debian's /usr/bin/chromium, never a download
