//! Hostile and huge input: the engine never panics, always returns a report that keeps the
//! contract (spans inside the paste, on character boundaries, evidence bounded), never leaks a
//! key, and folds repeated errors into one diagnosis with a count.

use llmdoctor_core::{diagnose, Options, Report};

fn check_contract(name: &str, text: &str, r: &Report) {
    assert_eq!(r.schema, 1, "{name}");
    let json = serde_json::to_string(r)
        .unwrap_or_else(|e| panic!("{name}: report does not serialize: {e}"));
    assert!(
        json.len() < 2_000_000,
        "{name}: report is {} bytes: evidence must be bounded",
        json.len()
    );
    for d in &r.diagnoses {
        assert!(
            !d.evidence.is_empty() && d.evidence.len() <= 10,
            "{name}: {} has {} evidence items",
            d.rule,
            d.evidence.len()
        );
        for e in &d.evidence {
            assert!(
                e.start < e.end && e.end <= text.len(),
                "{name}: span {}..{} outside the paste",
                e.start,
                e.end
            );
            assert!(
                text.is_char_boundary(e.start) && text.is_char_boundary(e.end),
                "{name}: span not on char boundaries"
            );
            assert!(e.line >= 1 && e.column >= 1);
        }
    }
    for c in &r.corrected {
        assert!(
            c.start <= c.end && c.end <= text.len(),
            "{name}: corrected block outside the paste"
        );
    }
}

fn run(name: &str, text: &str) -> Report {
    let r = diagnose(text, &Options::default());
    check_contract(name, text, &r);
    r
}

#[test]
fn empty_and_blank_pastes_say_so() {
    for (name, t) in [
        ("empty", ""),
        ("spaces", "   \t  "),
        ("newlines", "\n\n\r\n\r"),
    ] {
        let r = run(name, t);
        assert!(r.diagnoses.is_empty(), "{name}");
        assert!(
            r.facts["notes"].to_string().contains("empty"),
            "{name}: notes say the paste is empty"
        );
    }
}

#[test]
fn odd_bytes_and_line_endings() {
    let err = "API Error: 429 week allocated quota exceeded";
    let cases = [
        ("bom", format!("\u{feff}{err}")),
        ("crlf", format!("line\r\n{err}\r\nmore\r\n")),
        ("lone-cr", format!("line\r{err}\rmore")),
        ("nul", format!("\0\0{err}\0")),
        (
            "replacement-chars",
            format!("\u{fffd}\u{fffd}{err}\u{fffd}"),
        ),
        (
            "escaped-unicode",
            format!("{{\"message\": \"\\u0077eek allocated quota exceeded\", \"x\": \"{err}\"}}"),
        ),
        ("mixed-scripts", format!("错误：{err}。エラー。Ошибка.")),
    ];
    for (name, t) in &cases {
        let r = run(name, t);
        assert_eq!(
            r.diagnoses.first().map(|d| d.category.as_str()),
            Some("quota"),
            "{name}"
        );
    }
}

#[test]
fn broken_structures_do_not_panic() {
    let deep_brackets = "[".repeat(100_000) + &"{".repeat(50_000);
    let deep_toml: String = (0..5_000)
        .map(|i| format!("[{}]\nk = 1\n", vec!["a"; i % 200 + 1].join(".")))
        .collect();
    let cases = [
        ("deep-brackets", deep_brackets),
        ("deep-toml", deep_toml),
        ("half-json", "{\"env\": {\"ANTHROPIC_BASE_URL\": \"https://coding.dashscope.aliyuncs.com/v1".to_string()),
        ("unbalanced-curl", "curl https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions -H 'Authorization: Bearer $K -d '{\"model\": \"qwen-plus".to_string()),
        ("duplicate-keys", "{\"model\": \"a\", \"model\": \"b\", \"env\": {\"ANTHROPIC_BASE_URL\": \"x\", \"ANTHROPIC_BASE_URL\": \"https://coding.dashscope.aliyuncs.com/v1\"}}".to_string()),
        ("quotes-only", "\"'\"'\"'`".repeat(10_000)),
    ];
    for (name, t) in &cases {
        run(name, t);
    }
}

#[test]
fn ten_thousand_repeated_errors_give_one_diagnosis_with_a_count() {
    let t =
        "2026-11-22 10:30:01 ERROR API Error: 429 week allocated quota exceeded\n".repeat(10_000);
    let r = run("repeated", &t);
    let weekly: Vec<_> = r
        .diagnoses
        .iter()
        .filter(|d| d.rule == "coding-plan-week-quota")
        .collect();
    assert_eq!(weekly.len(), 1);
    assert_eq!(weekly[0].count, 10_000);
    assert!(weekly[0].evidence.len() <= 5);
}

#[test]
fn many_and_long_keys_never_leak() {
    let keys: Vec<String> = (0..3_000)
        .map(|i| format!("sk-{:032x}", 0x9e37_79b9_7f4a_7c15_u128.wrapping_mul(i + 1)))
        .collect();
    let mut t = String::from("API Error: 401 invalid access token or token expired\n");
    for (i, k) in keys.iter().enumerate() {
        t.push_str(&format!("KEY_{i}_API_KEY={k}\n"));
    }
    let long = format!("sk-sp-{}", "a1b2c3d4".repeat(5_000));
    t.push_str(&format!("ANTHROPIC_AUTH_TOKEN={long}\n"));
    let r = run("keys", &t);
    let json = serde_json::to_string(&r).unwrap_or_default();
    for k in keys.iter().step_by(97) {
        assert!(!json.contains(&k[3..31]), "a key leaked");
    }
    assert!(!json.contains(&long[6..200]), "the long key leaked");
}

#[test]
fn a_megabyte_single_line_is_diagnosed() {
    // Debug builds are slow; the 10 MB and 50 MB cases are measured by the benchmark.
    let mut t = "x".repeat(1024 * 1024);
    t.push_str(" API Error: 429 week allocated quota exceeded ");
    t.push_str(&"y".repeat(256 * 1024));
    let r = run("one-line", &t);
    assert_eq!(
        r.diagnoses.first().map(|d| d.rule),
        Some("coding-plan-week-quota")
    );
    let e = &r.diagnoses[0].evidence[0];
    assert!(
        e.context.text.chars().count() < 400,
        "context is cut around the match on long lines"
    );
}
