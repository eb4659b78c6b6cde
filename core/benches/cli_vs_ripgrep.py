#!/usr/bin/env python3
"""The CLI against ripgrep on the same 10 MB log, whole process, side by side (issue #12 item 7).

    cargo build --release -p llmdoctor
    python3 core/benches/cli_vs_ripgrep.py [--rounds 41] [--log PATH] [LABEL=BINARY ...]

Without LABEL=BINARY it times target/release/llmdoctor. The log is the one `log_bytes` in
core/benches/diagnose.rs diagnoses (noise lines, an error line every 50), 10 MiB, written to
--log if that file does not exist. Rounds are interleaved — one run of every command per round —
so that load from other work on the machine falls on all of them alike; the figures are medians
(and the fastest) of wall time and of CPU time (user + system) per run. Recorded results:
docs/BENCHMARKS.md, session 5.
"""

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time

NOISE = [
    "2026-11-22 10:30:01.123 [worker-3] INFO  app.handler - request served in 41ms status=200 path=/api/items/8812\n",
    "2026-11-22 10:30:01.125 [worker-1] DEBUG db.pool - checked out connection 17 (idle=3, busy=5)\n",
    "2026-11-22 10:30:01.127 [worker-2] INFO  cache - hit ratio 0.93 over last 1000 lookups; evicted 12 entries\n",
]
ERRORS = [
    "2026-11-22 10:30:01.130 [worker-4] ERROR llm.client - openai.RateLimitError: Error code: 429 - {'error': {'code': 'limit_requests', 'message': 'Throttling.RateQuota: Requests rate limit exceeded'}}\n",
    "2026-11-22 10:30:01.131 [worker-4] ERROR llm.client - API Error: 401 invalid access token or token expired\n",
]

# What a person would grep a log for when an LLM call failed: error words, HTTP auth / limit
# phrases, the exception classes' common parts. Case-insensitive, as `rg -i`.
RG_PATTERN = (
    "error|exception|failed|failure|timeout|timed out|unauthorized|forbidden|denied|refused"
    "|invalid|expired|quota|rate limit|throttl|insufficient|not found"
)


def write_log(path, n=10 * 1024 * 1024):
    out, size, i = [], 0, 0
    while size < n:
        line = ERRORS[(i // 50) % len(ERRORS)] if i % 50 == 49 else NOISE[i % len(NOISE)]
        out.append(line)
        size += len(line)
        i += 1
    with open(path, "w") as f:
        f.write("".join(out))


def run_once(argv):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    p = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, p.returncode


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=41)
    ap.add_argument("--log", default="/tmp/llmdoctor-bench-10mb.log")
    ap.add_argument("--format", default="json", help="the CLI's --format (json: no terminal work)")
    ap.add_argument("binaries", nargs="*", help="LABEL=PATH of llmdoctor binaries")
    a = ap.parse_args()
    if not os.path.exists(a.log):
        write_log(a.log)
    size = os.path.getsize(a.log)
    bins = [b.split("=", 1) for b in a.binaries] or [["llmdoctor", "target/release/llmdoctor"]]
    cmds = [(label, [path, "--format", a.format, a.log]) for label, path in bins]
    cmds.append(("rg -i -c", ["rg", "-i", "-c", RG_PATTERN, a.log]))
    for _, argv in cmds:  # warm the page cache and check that each runs
        _, _, rc = run_once(argv)
        if rc not in (0, 1):
            sys.exit(f"{argv[0]} exited with {rc}")
    walls = {label: [] for label, _ in cmds}
    cpus = {label: [] for label, _ in cmds}
    for _ in range(a.rounds):
        for label, argv in cmds:
            wall, cpu, _ = run_once(argv)
            walls[label].append(wall)
            cpus[label].append(cpu)
    rg = statistics.median(walls["rg -i -c"])
    rg_cpu = statistics.median(cpus["rg -i -c"])
    print(f"log: {a.log}, {size:,} bytes; {a.rounds} interleaved rounds; load average {os.getloadavg()[0]:.2f}")
    print(f"rg pattern: {RG_PATTERN}")
    print(f"{'command':<24} {'wall median':>12} {'fastest':>9} {'MB/s':>6} {'× rg':>6} {'cpu median':>11} {'× rg cpu':>9}")
    for label, _ in cmds:
        w = statistics.median(walls[label])
        c = statistics.median(cpus[label])
        print(
            f"{label:<24} {w * 1e3:>9.1f} ms {min(walls[label]) * 1e3:>6.1f} ms {size / w / 1e6:>6.0f}"
            f" {w / rg:>6.2f} {c * 1e3:>8.1f} ms {c / rg_cpu:>9.2f}"
        )


if __name__ == "__main__":
    main()
