#!/usr/bin/env bash
# Serves the page on http://127.0.0.1:8080 (PORT=... to change), rebuilding on every change.
# Installs what is missing first (scripts/tools.sh). Extra arguments go to `trunk serve`.
set -euo pipefail
# shellcheck source=scripts/env.sh
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
"$ROOT/scripts/tools.sh"

PORT="${PORT:-8080}"
echo "serve: http://127.0.0.1:$PORT/"
# Trunk.toml says the same; the flags make it explicit: loopback only, release build (the size
# the page ships at), and never a download (every tool comes from scripts/tools.sh).
exec trunk serve --release --address 127.0.0.1 --port "$PORT" --offline "$@"
