//! Engine throughput against the budgets in docs/CONTRACT.md (2 KB paste ≤ 100 µs median; 10 MB log
//! ≥ 100 MB/s, linear). Run: `cargo bench -p llmdoctor-core --features perf` (the CLI's build).
//! Recorded results: docs/BENCHMARKS.md.

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use llmdoctor_core::{diagnose, parse_rfc3339, Options};

fn main() {
    divan::main();
}

const PASTE: &str = r#"$ claude
╭───────────────────────────────────────────╮
│ ✻ Welcome to Claude Code!                 │
╰───────────────────────────────────────────╯
> fix the failing test in src/lib.rs
  ⎿  API Error: 404 status code (no body)
> /status
  API Error: 429 {"error":{"message":"week allocated quota exceeded","type":"rate_limit_error"},"request_id":"7f3c2a1e-9b8d-4c6e-a5f4-3e2d1c0b9a87"}

~/.claude/settings.json:
{
  "env": {
    "ANTHROPIC_AUTH_TOKEN": "sk-sp-4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c",
    "ANTHROPIC_BASE_URL": "https://coding.dashscope.aliyuncs.com/v1",
    "ANTHROPIC_MODEL": "qwen3-coder-plus"
  },
  "permissions": { "allow": ["Bash(npm test:*)", "Read(~/.zshrc)"] }
}
Traceback (most recent call last):
  File "C:\Users\dev\proj\main.py", line 12, in <module>
    resp = client.chat.completions.create(model="qwen-plus", messages=msgs)
openai.RateLimitError: Error code: 429 - {'error': {'message': 'You exceeded your current quota, please check your plan and billing details.', 'type': 'insufficient_quota', 'param': None, 'code': 'insufficient_quota'}, 'request_id': 'c1d2e3f4-a5b6-7c8d-9e0f-1a2b3c4d5e6f'}
2026-11-22 10:30:01.123 [main] INFO  http.client - POST https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions -> 429
2026-11-22 10:30:02.456 [main] WARN  retry - attempt 2/6 in 1.8s
"#;

/// A log of `n` bytes: mostly noise, an error line every 50 lines.
fn log(n: usize) -> String {
    let noise = [
        "2026-11-22 10:30:01.123 [worker-3] INFO  app.handler - request served in 41ms status=200 path=/api/items/8812\n",
        "2026-11-22 10:30:01.125 [worker-1] DEBUG db.pool - checked out connection 17 (idle=3, busy=5)\n",
        "2026-11-22 10:30:01.127 [worker-2] INFO  cache - hit ratio 0.93 over last 1000 lookups; evicted 12 entries\n",
    ];
    let errors = [
        "2026-11-22 10:30:01.130 [worker-4] ERROR llm.client - openai.RateLimitError: Error code: 429 - {'error': {'code': 'limit_requests', 'message': 'Throttling.RateQuota: Requests rate limit exceeded'}}\n",
        "2026-11-22 10:30:01.131 [worker-4] ERROR llm.client - API Error: 401 invalid access token or token expired\n",
    ];
    let mut s = String::with_capacity(n + 256);
    let mut i = 0usize;
    while s.len() < n {
        if i % 50 == 49 {
            s.push_str(errors[(i / 50) % errors.len()]);
        } else {
            s.push_str(noise[i % noise.len()]);
        }
        i += 1;
    }
    s
}

fn opts() -> Options {
    Options {
        now: parse_rfc3339("2026-11-22T03:20:00Z"),
        ..Options::default()
    }
}

#[divan::bench]
fn paste_2kb(b: Bencher) {
    let o = opts();
    let _ = diagnose(PASTE, &o); // compile the automaton and regexes once
    b.counter(BytesCount::of_str(PASTE))
        .bench(|| diagnose(black_box(PASTE), &o));
}

#[divan::bench(args = [100 * 1024, 1024 * 1024, 10 * 1024 * 1024, 50 * 1024 * 1024], sample_count = 10)]
fn log_bytes(b: Bencher, n: usize) {
    let text = log(n);
    let o = opts();
    let _ = diagnose(&text, &o);
    b.counter(BytesCount::of_str(&text))
        .bench(|| diagnose(black_box(&text), &o));
}

/// Worst cases for the scanner: one 10 MB line, and a line dense with keywords.
#[divan::bench(sample_count = 10)]
fn adversarial_one_line_10mb(b: Bencher) {
    let text = "week allocated quota exceeded ".repeat(10 * 1024 * 1024 / 30);
    let o = opts();
    b.counter(BytesCount::of_str(&text))
        .bench(|| diagnose(black_box(&text), &o));
}

/// The worst inputs known (tests/adversarial, docs/ROBUSTNESS.md), by name: each must stay
/// linear. Timed, not asserted.
fn worst(name: &str) -> String {
    let hex = |n: usize| {
        format!(
            "{:032x}",
            (n as u128 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15_f39c_c060_5ced_c835)
        )
    };
    match name {
        "one-line-50mb" => {
            let pad = "x".repeat(25 * 1024 * 1024);
            format!("{pad} API Error: 429 week allocated quota exceeded {pad}")
        }
        "over-the-bound-80mb" => log(80 * 1024 * 1024),
        "unclosed-braces-1mb" => "{\"a\":".repeat(1024 * 1024 / 5),
        "inline-objects-one-line-2mb" => "x {'a': 1} ".repeat(2 * 1024 * 1024 / 11),
        "failed-inline-objects-one-line-2mb" => "x {'a' ".repeat(2 * 1024 * 1024 / 7),
        "keys-32k" => {
            let mut s = String::from("API Error: 401 invalid access token or token expired\n");
            for i in 0..32_000 {
                s.push_str(&format!("KEY_{i}_API_KEY=sk-{}9e3779b97f4a7c15\n", hex(i)));
            }
            s
        }
        "long-json-key-1mb" => format!(
            "{{\"{}\": {{{}\"z\": 2}}}}",
            "k".repeat(1024 * 1024),
            "\"a\": 1, ".repeat(5000)
        ),
        "nested-brackets-100k" => "[".repeat(100_000) + &"]".repeat(100_000),
        "repeated-error-10k" => {
            "2026-11-22 10:30:01 ERROR API Error: 429 week allocated quota exceeded\n"
                .repeat(10_000)
        }
        _ => String::new(),
    }
}

#[divan::bench(
    args = [
        "one-line-50mb",
        "over-the-bound-80mb",
        "unclosed-braces-1mb",
        "inline-objects-one-line-2mb",
        "failed-inline-objects-one-line-2mb",
        "keys-32k",
        "long-json-key-1mb",
        "nested-brackets-100k",
        "repeated-error-10k",
    ],
    sample_count = 5
)]
fn worst_inputs(b: Bencher, name: &str) {
    let text = worst(name);
    let o = opts();
    b.counter(BytesCount::of_str(&text))
        .bench(|| diagnose(black_box(&text), &o));
}

/// The engine's keyword automaton (rule keywords, tool and status markers, hosts: ~1,100
/// literals) over the 10 MB log, lowercased as the scanner reads it: the page's one walk against
/// the native build's four interleaved walks (src/keywords/lanes.rs; the same walk without
/// `perf`).
#[divan::bench(args = ["one walk", "four walks"], sample_count = 10)]
fn keywords_10mb_log(b: Bencher, how: &str) {
    use llmdoctor_core::testing::{Keywords, DNS_MARKERS, HOSTS, STATUS_MARKERS, TOOL_MARKERS};
    use llmdoctor_core::RULES;
    let mut lits: Vec<String> = Vec::new();
    let rule_keywords = RULES.iter().flat_map(|r| r.keywords.iter().copied());
    let markers = TOOL_MARKERS.iter().map(|(m, _)| *m);
    let hosts = HOSTS.iter().map(|h| h.host);
    let more = ["http://", "https://"].into_iter();
    let more = more.chain(STATUS_MARKERS.iter().copied());
    let more = more.chain(DNS_MARKERS.iter().copied());
    for l in rule_keywords.chain(markers).chain(hosts).chain(more) {
        let l = l.to_ascii_lowercase();
        if !lits.contains(&l) {
            lits.push(l);
        }
    }
    let k = Keywords::new(&lits);
    let text = log(10 * 1024 * 1024).to_ascii_lowercase();
    let hay = text.as_bytes();
    b.counter(BytesCount::of_str(&text)).bench(|| {
        if how == "one walk" {
            k.overlapping_one_walk(black_box(hay)).count()
        } else {
            k.overlapping(black_box(hay)).count()
        }
    });
}

/// The parts of a 2 KB diagnosis, to see where time goes.
#[divan::bench]
fn parts_2kb_config_read(b: Bencher) {
    b.bench(|| llmdoctor_core::config::read(black_box(PASTE)));
}

#[divan::bench]
fn parts_2kb_scan(b: Bencher) {
    let lower = PASTE.to_ascii_lowercase();
    let _ = llmdoctor_core::testing::scan(PASTE, &lower);
    b.bench(|| llmdoctor_core::testing::scan(black_box(PASTE), &lower));
}
