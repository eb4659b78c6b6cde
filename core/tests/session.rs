//! A diagnosis in steps (`Session`, what the page runs on big pastes) gives exactly the report
//! of one `diagnose` call, whatever the step size: on every corpus paste and on big logs.

use llmdoctor_core::{diagnose, Instant, Options, Session, STEP_BYTES};
use std::path::Path;

fn json(r: &llmdoctor_core::Report) -> String {
    serde_json::to_string(&r.json(llmdoctor_core::Catalog::embedded())).expect("serialises")
}

fn stepped(text: &str, opts: &Options, budget: usize) -> String {
    let mut s = Session::new(text, opts);
    let mut steps = 0;
    while !s.step(budget) {
        steps += 1;
        assert!(steps <= text.len() + 3, "a step always makes progress");
    }
    let (done, all) = s.progress();
    assert_eq!(done, all);
    json(&s.finish())
}

#[test]
fn stepped_equals_one_call_on_the_corpus() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/corpus");
    let opts = Options {
        now: Some(Instant(1_790_000_000)),
        ..Options::default()
    };
    let mut n = 0;
    for entry in std::fs::read_dir(dir).expect("tests/corpus").flatten() {
        let text = std::fs::read_to_string(entry.path()).expect("utf-8");
        let whole = json(&diagnose(&text, &opts));
        for budget in [1, 13, 200] {
            assert_eq!(
                stepped(&text, &opts, budget),
                whole,
                "{:?} in steps of {budget}",
                entry.path()
            );
        }
        n += 1;
    }
    assert!(n > 200, "the corpus is there ({n})");
}

#[test]
fn stepped_equals_one_call_on_a_big_log() {
    let line = "2026-11-22T06:00:00Z INFO POST https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions status=200\n";
    let mut log = line.repeat(20_000);
    log.insert_str(log.len() / 2, "openai.AuthenticationError: Error code: 401 - {'error': {'message': 'Incorrect API key provided: sk-abcd************************wxyz'}}\n");
    log.push_str("API Error: 429 week allocated quota exceeded\n");
    let opts = Options::default();
    let whole = json(&diagnose(&log, &opts));
    assert!(
        whole.contains("\"category\":\"auth\""),
        "the log is diagnosed"
    );
    assert_eq!(stepped(&log, &opts, STEP_BYTES), whole);
    assert_eq!(stepped(&log, &opts, 4096), whole);
}

#[test]
fn steps_on_text_without_line_breaks_and_empty_text() {
    let opts = Options::default();
    let one_line = "x".repeat(10_000) + " 401 invalid access token";
    assert_eq!(
        stepped(&one_line, &opts, 100),
        json(&diagnose(&one_line, &opts))
    );
    assert_eq!(stepped("", &opts, 100), json(&diagnose("", &opts)));
    let crlf = "a\r\nb 401 Unauthorized\r\n\r\n";
    assert_eq!(stepped(crlf, &opts, 1), json(&diagnose(crlf, &opts)));
}
