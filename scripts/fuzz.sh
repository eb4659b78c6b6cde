#!/usr/bin/env bash
# Coverage-guided fuzzing of llmdoctor-core (cargo-fuzz / libFuzzer, nightly toolchain).
#
#   scripts/fuzz.sh --smoke [TARGET...]       each target a fixed number of executions (SMOKE_RUNS
#                                             below) with a fixed seed, from the committed seeds
#                                             only: the same inputs on every machine (what
#                                             scripts/test.sh runs; FUZZ_SEED changes the seed)
#   scripts/fuzz.sh --runs N [TARGET...]      the same, N executions per target
#   scripts/fuzz.sh [SECONDS] [TARGET...]     time-based long runs: each target SECONDS (default
#                                             60), a random seed, the working corpus kept
#   scripts/fuzz.sh --list                    the targets
#
# Targets and their checks: fuzz/src/targets.rs; long runs and recorded figures:
# docs/ROBUSTNESS.md. Seeds are the repo's own pastes (tests/corpus, tests/guides,
# tests/adversarial) and the regressions. Time-based runs grow a working corpus in
# fuzz/corpus/<target> (gitignored, kept between runs); reproducible runs (--smoke, --runs)
# write theirs to a fresh directory and never read fuzz/corpus, so a red run replays exactly
# (same seed, same executions, same toolchain). A dictionary of the rules' keywords and the
# catalog's hosts is generated into fuzz/corpus. Extra libFuzzer flags:
# FUZZ_FLAGS="-fork=1 -ignore_crashes=1".
#
# Output: one `fuzz <target>: ...` line per target with executions, executions per second,
# coverage (cov = edges, ft = features) and peak RSS. Exit 1 when a target finds a crash, a
# timeout (> 10 s for one input) or an out-of-memory (> 2 GB RSS, > 1 GB in one allocation); the
# input is in fuzz/artifacts/<target>/. Fix it, then copy it to
# tests/adversarial/regressions/<target>/ under a name that says what it was: `cargo test`
# replays every file there through the same checks.
set -euo pipefail
# shellcheck source=scripts/env.sh
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

TARGETS_ALL=(diagnose segment config_readers secrets)
# Executions per target in --smoke: each about 50 s of CPU time with -seed=1 from the committed
# seeds (measured as CPU time on the 2-core machine of docs/ROBUSTNESS.md, which others' builds
# kept at load 6-8: wall time was 2-3 times as long there; on an idle core it is the CPU time).
declare -A SMOKE_RUNS=([diagnose]=12000 [segment]=300000 [config_readers]=90000 [secrets]=18000)
if [ "${1:-}" = "--list" ]; then
  printf '%s\n' "${TARGETS_ALL[@]}"
  exit 0
fi
MODE=time
RUNS=""
case "${1:-}" in
  --smoke)
    MODE=runs
    shift
    ;;
  --runs)
    MODE=runs
    RUNS=${2:-}
    if ! [[ "$RUNS" =~ ^[0-9]+$ ]] || [ "$RUNS" -lt 1 ]; then
      echo "fuzz: --runs wants a whole number of executions, at least 1 (got '$RUNS')" >&2
      exit 2
    fi
    shift 2
    ;;
  *)
    SECONDS_EACH=${1:-60}
    shift || true
    # libFuzzer reads 0 as "no limit": a run here always ends.
    if ! [[ "$SECONDS_EACH" =~ ^[0-9]+$ ]] || [ "$SECONDS_EACH" -lt 1 ]; then
      echo "fuzz: SECONDS must be a whole number of seconds, at least 1 (got '$SECONDS_EACH')" >&2
      exit 2
    fi
    ;;
esac
SEED=${FUZZ_SEED:-1}
if ! [[ "$SEED" =~ ^[0-9]+$ ]]; then
  echo "fuzz: FUZZ_SEED must be a number (got '$SEED')" >&2
  exit 2
fi
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=("${TARGETS_ALL[@]}")

# No silent skip: without nightly or cargo-fuzz this fails, and says how to get them.
if ! rustup run nightly rustc --version >/dev/null 2>&1; then
  echo "fuzz: the nightly toolchain is missing (rustup toolchain install nightly --profile minimal)" >&2
  exit 1
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz: cargo-fuzz is missing (scripts/tools.sh installs it)" >&2
  exit 1
fi

# Release with debug assertions and overflow checks (cargo-fuzz's default); no sanitizer: core
# forbids unsafe code, and the sanitizer would halve the executions.
BUILD_FLAGS=(--sanitizer none)
cargo +nightly fuzz build "${BUILD_FLAGS[@]}" >/dev/null 2>&1 || cargo +nightly fuzz build "${BUILD_FLAGS[@]}"
HOST=$(rustc +nightly -vV | sed -n 's/^host: //p')
# A copy of the binaries: a rebuild during a long run (libFuzzer's -fork mode starts the binary
# again for each job) does not change what is being fuzzed.
BIN=$(mktemp -d)
trap 'rm -rf "$BIN"' EXIT
for t in "${TARGETS[@]}"; do
  [ -x "fuzz/target/$HOST/release/$t" ] || { echo "fuzz: no target '$t' (scripts/fuzz.sh --list)" >&2; exit 2; }
  cp "fuzz/target/$HOST/release/$t" "$BIN/"
done

DICT=fuzz/corpus/llmdoctor.dict
mkdir -p fuzz/corpus
{
  # Rule keywords (ASCII ones: libFuzzer dictionaries are bytes, written as C strings) and hosts.
  grep -h '^keywords' rules/*.toml | grep -o '"[^"\\]*"'
  grep -ho 'host = "[^"\\]*"' rules/catalog.toml | sed 's/^host = //'
  printf '"%s"\n' 'curl ' ' -H ' ' -d ' 'export ' 'Authorization: Bearer ' 'x-api-key: ' \
    '\"env\": {' 'ANTHROPIC_BASE_URL' 'ANTHROPIC_AUTH_TOKEN' 'OPENAI_API_KEY' '[model_providers.' \
    'base_url = ' 'wire_api' 'apiKey: ' 'OpenAI(' 'api_key=' 'HTTP/1.1' 'https://' 'sk-sp-' \
    'sk-' 'API Error: ' 'Error code: ' 'Traceback' '$env:' 'setx ' '```'
} | LC_ALL=C grep -v '[^ -~]' | grep -vx '""' | sort -u >"$DICT"
# (An empty entry — `""`, left by a keyword with an escaped quote — stops libFuzzer outright.)

failed=0
for t in "${TARGETS[@]}"; do
  mkdir -p "fuzz/corpus/$t" "fuzz/artifacts/$t" "tests/adversarial/regressions/$t"
  log="fuzz/artifacts/$t/last-run.log"
  rc=0
  if [ "$MODE" = runs ]; then
    n=${RUNS:-${SMOKE_RUNS[$t]:-}}
    [ -n "$n" ] || { echo "fuzz: no smoke run count for '$t' (SMOKE_RUNS in scripts/fuzz.sh)" >&2; exit 2; }
    # A fresh corpus directory: what the run reads is the committed seeds, nothing left over.
    corpus="$BIN/corpus-$t"
    mkdir -p "$corpus"
    # -reload=0: libFuzzer re-reads its corpus directory every second by default, which makes
    # what a run keeps depend on the wall clock.
    limits=(-runs="$n" -seed="$SEED" -reload=0)
    what="$n runs"
  else
    corpus="fuzz/corpus/$t"
    limits=(-max_total_time="$SECONDS_EACH")
    what="${SECONDS_EACH}s"
  fi
  start=$(date +%s)
  # shellcheck disable=SC2086 # FUZZ_FLAGS is a list of flags
  "$BIN/$t" "$corpus" tests/corpus tests/guides tests/adversarial/cases \
    "tests/adversarial/regressions/$t" \
    -dict="$DICT" "${limits[@]}" -max_len=65536 -timeout=10 \
    -rss_limit_mb=2048 -malloc_limit_mb=1024 -print_final_stats=1 \
    -artifact_prefix="fuzz/artifacts/$t/" ${FUZZ_FLAGS:-} >"$log" 2>&1 || rc=$?
  took=$(($(date +%s) - start))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n1)
  rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -n1)
  cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -n1 || true)
  seed_used=$(sed -nE 's/^INFO: Seed: ([0-9]+).*/\1/p' "$log" | head -n1)
  if [ -z "$execs" ]; then # -fork mode prints `#N: cov: ... time: Ts` lines instead of stat::
    last=$(grep -E '^#[0-9]+: cov: ' "$log" | tail -n1 || true)
    execs=$(sed -nE 's/^#([0-9]+):.*/\1/p' <<<"$last")
    secs=$(sed -nE 's/.* time: ([0-9]+)s.*/\1/p' <<<"$last")
    [ -z "$execs" ] || [ -z "$secs" ] || [ "$secs" -eq 0 ] || rate=$((execs / secs))
    crashes=$(sed -nE 's|.*oom/timeout/crash: ([0-9]+/[0-9]+/[0-9]+).*|\1|p' <<<"$last")
    if [ -n "$crashes" ] && [ "$crashes" != "0/0/0" ]; then
      echo "fuzz $t: oom/timeout/crash $crashes (inputs in fuzz/artifacts/$t/)"
      rc=1
    fi
  fi
  if [ "$rc" -eq 0 ]; then
    echo "fuzz $t: ok, $what, ${execs:-?} execs in ${took}s (${rate:-?}/s), ${cov:-cov ?}${rss:+, peak RSS $rss MB}${seed_used:+, seed $seed_used}"
  else
    failed=$((failed + 1))
    echo "fuzz $t: FOUND A PROBLEM (exit $rc) after ${execs:-?} execs ($what${seed_used:+, seed $seed_used}); log: $log"
    grep -E 'panicked at|leaked|^==[0-9]+== ERROR|SUMMARY|Test unit written' -A3 "$log" | head -n 20 || true
    echo "fuzz $t: fix it, then copy the input to tests/adversarial/regressions/$t/ (docs/ROBUSTNESS.md)"
  fi
done
[ "$failed" -eq 0 ]
