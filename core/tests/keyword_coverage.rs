//! Every rule pattern is reachable from the rule's keywords. The engine runs a rule's patterns
//! only on lines where one of its keywords occurs (rules/README.md, "How matching works"), so a
//! pattern whose matches can hold none of them never fires — silently. The build adds keywords
//! derived from the patterns' literals (core/build/keywords.rs); this checks the compiled rules:
//! for each pattern, its literal start, its literal end, or a literal part inside it must always
//! hold one of the rule's keywords (regex-syntax's literal extractor, as ripgrep uses for its
//! line prefilter). Patterns about which the literals tell nothing are counted, not checked.

#[path = "../build/keywords.rs"]
#[allow(dead_code)]
mod keywords;

use llmdoctor_core::RULES;

#[test]
fn every_pattern_is_reachable_from_its_keywords() {
    let mut bad = Vec::new();
    let (mut checked, mut unchecked) = (0, 0);
    for r in RULES {
        let kws: Vec<String> = r.keywords.iter().map(|k| k.to_string()).collect();
        for p in r.patterns {
            match keywords::reachable(&kws, p) {
                None => unchecked += 1,
                Some(true) => checked += 1,
                Some(false) => {
                    checked += 1;
                    bad.push(format!(
                        "{}: rule `{}`: pattern '{p}' can match text holding none of its keywords: add one",
                        r.file, r.id
                    ));
                }
            }
        }
    }
    println!("{checked} patterns checked, {unchecked} about which the literals tell nothing");
    assert!(
        checked > 10 * unchecked,
        "the literal analysis checks too little"
    );
    assert!(
        bad.is_empty(),
        "{} unreachable patterns:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

/// Without the derived keywords, the hand-written lists leave variants unreachable: the
/// analysis sees them (so the check above is not empty-handed).
#[test]
fn the_analysis_sees_an_unreachable_variant() {
    let kw = vec!["invalid access token".to_string()];
    assert_eq!(
        keywords::reachable(&kw, "invalid[ _-]access[ _-]token"),
        Some(false)
    );
    assert_eq!(keywords::reachable(&kw, "invalid access token"), Some(true));
    let kw = vec!["401".to_string()];
    assert_eq!(
        keywords::reachable(&kw, "(?:error|status)[ \\t:=]{0,6}401(?-u:\\b)"),
        Some(true),
        "a literal part inside covers it"
    );
    assert_eq!(keywords::reachable(&kw, "^[ \\t]*[a-z]+[ \\t]*$"), None);
    let more = keywords::derived(
        &["invalid access token".to_string()],
        &["invalid[ _-]access[ _-]token".to_string()],
    );
    assert!(
        !more.is_empty() && more.iter().all(|k| k.starts_with("invalid")),
        "{more:?}"
    );
}

/// Lines of ordinary, healthy logs and configs. A keyword found in one wakes its rule's regexes
/// on every such line of a big log: derived keywords once included ` work` and `work`, which
/// took a 10 MB log from 1.36 G to 1.99 G instructions (docs/BENCHMARKS.md, session 10).
const ORDINARY: &[&str] = &[
    "2026-12-07T08:13:00Z INFO worker-3 processed batch 123 in 456 ms status=200 path=/v1/chat/completions",
    "[2026-12-07 08:13:00,123] INFO gunicorn: Booting worker with pid: 4242",
    "INFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)",
    "INFO:     127.0.0.1:52144 - \"POST /v1/chat/completions HTTP/1.1\" 200 OK",
    "Loaded 12 files from /home/user/workspace/project (framework: next.js, network: bridge)",
    "   Compiling serde_json v1.0.128",
    "added 231 packages, and audited 232 packages in 4s",
    "2026-12-07 08:13:00 DEBUG httpx: HTTP Request: POST https://api.example.com/v1/chat/completions \"HTTP/1.1 200 OK\"",
    "model=gpt-4o-mini prompt_tokens=812 completion_tokens=64 total_tokens=876 latency_ms=930",
    "celery@host ready. [tasks] . app.tasks.summarise",
    "2026-11-22 10:30:01.125 [worker-1] DEBUG db.pool - checked out connection 17 (idle=3, busy=5)",
    "2026-11-22 10:30:01.127 [worker-2] INFO  cache - hit ratio 0.93 over last 1000 lookups; evicted 12 entries",
    "DEBUG:urllib3.connectionpool:Starting new HTTPS connection (1): api.example.com:443",
    "< Connection: keep-alive",
    "2026-12-07 08:13:00 INFO  pool - connections: 8 active, 2 idle; reconnect policy exponential",
];

/// Checked: keywords that are plain words (letters and spaces), the kind a too-wide literal
/// extraction leaves. URL schemes, hosts, numbers and identifiers (`0.0.0.0`, `521`, `_token`)
/// are not: a URL line must be looked at, and a digit keyword's regex checks the boundaries.
#[test]
fn no_plain_word_keyword_wakes_its_rule_on_ordinary_log_lines() {
    let plain = |k: &str| k.bytes().all(|b| b.is_ascii_alphabetic() || b == b' ');
    let mut hits = Vec::new();
    for line in ORDINARY {
        let lower = line.to_ascii_lowercase();
        for r in RULES {
            for k in r.keywords.iter().filter(|k| plain(k)) {
                if lower.contains(&k.to_ascii_lowercase()) {
                    hits.push(format!(
                        "{}: rule `{}`, keyword {k:?} in: {line}",
                        r.file, r.id
                    ));
                }
            }
        }
    }
    assert!(
        hits.is_empty(),
        "keywords that wake rules on healthy log lines (make them more specific):\n{}",
        hits.join("\n")
    );
}

/// The secret finder reads only lines holding a secret-name marker (`token`, `_sk`, …). Short
/// names (`pat`, `pin`, `sig`, `otp`) count only as a name's last word: as bare literals they
/// sent every `path=` line of a 10 MB log to the finder (3.5x the instructions, session 13).
#[test]
fn secret_name_markers_skip_words_that_merely_contain_a_short_name() {
    let line = "2026-12-07 INFO dispatch path=/v1/models ping_ms=4 signal=term option=a spinner 2 design=x";
    let hits: Vec<&String> = llmdoctor_core::testing::secret_name_markers()
        .iter()
        .filter(|m| line.contains(m.as_str()))
        .collect();
    assert!(
        hits.is_empty(),
        "markers found in an ordinary line: {hits:?}"
    );
}
