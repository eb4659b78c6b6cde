//! The fuzz targets, one function each: any bytes in, a panic on any violation. The fuzz
//! binaries (`fuzz/fuzz_targets/*.rs`) call these; so does the regression replay in
//! `core/tests/adversarial.rs`.

use crate::contract;
use crate::plant::Planted;
use llmdoctor_core::testing::{scan, Redactor};
use llmdoctor_core::{
    config, diagnose as run_diagnose, parse_rfc3339, share, Lang, Options, Session,
};

/// A fuzz target's body: any bytes in, a panic on any violation.
pub type Target = fn(&[u8]);

/// The fuzz targets by name, as `cargo fuzz run <name>` knows them.
pub const ALL: &[(&str, Target)] = &[
    ("diagnose", diagnose),
    ("segment", segment),
    ("config_readers", config_readers),
    ("secrets", secrets),
];

/// Bytes to a paste as the CLI reads a file: invalid UTF-8 becomes U+FFFD.
pub fn paste(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// The whole engine: any bytes (read as the CLI reads a file) with a fresh key planted on a
/// line of its own. No panic, a report that keeps the contract, output linear in the input,
/// and the key never in the output, in either language; with the first byte's high bit, the
/// same report when diagnosed in steps (`Session`, as the page does). The first byte
/// picks the options.
pub fn diagnose(data: &[u8]) {
    let (opt, rest) = data.split_first().map_or((0, data), |(o, r)| (*o, r));
    let planted = Planted::new(data, paste(rest));
    let opts = Options {
        lang: if opt & 1 == 0 { Lang::En } else { Lang::Zh },
        now: (opt & 2 != 0)
            .then(|| parse_rfc3339("2026-11-22T03:20:00Z"))
            .flatten(),
        billing_day: (opt & 4 != 0).then_some((opt >> 3) % 32),
        show_secrets: false,
        ..Options::default()
    };
    let report = run_diagnose(&planted.text, &opts);
    let json = contract::check_report("diagnose", &planted.text, &report);
    planted.assert_not_in("report JSON", &json);
    if opt & 0x80 != 0 {
        // The page diagnoses big pastes in steps: the same report, whatever the step size.
        let mut session = Session::new(planted.text.as_str(), &opts);
        let budget = 1 + usize::from(opt & 0x78) * 16;
        while !session.step(budget) {}
        let stepped =
            serde_json::to_string(&session.finish().json(llmdoctor_core::Catalog::embedded()))
                .unwrap_or_default();
        assert!(
            stepped == json,
            "a diagnosis in steps of {budget} bytes differs from one call"
        );
    }
}

/// Segmentation and every config reader behind it, on any bytes: no panic, blocks and settings
/// inside the paste on character boundaries, within the documented bounds.
pub fn segment(data: &[u8]) {
    let text = paste(data);
    let cfg = config::read(&text);
    contract::check_config("segment", &text, &cfg);
}

/// Openings that segmentation hands to one reader each; the input continues the block.
const OPENINGS: &[&str] = &[
    "{\"env\": {\"ANTHROPIC_BASE_URL\": ",
    "openai.BadRequestError: Error code: 400 - {'error': {'message': ",
    "[model_providers.dashscope]\nbase_url = ",
    "export ANTHROPIC_BASE_URL=",
    "curl https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions -H ",
    "POST /compatible-mode/v1/chat/completions HTTP/1.1\r\nHost: dashscope.aliyuncs.com\r\n",
    "client = OpenAI(base_url=",
    "models:\n  - name: qwen\n    apiBase: ",
    "model_list:\n  - model_name: qwen\n    litellm_params:\n      ",
    "const client = new OpenAI({ baseURL: ",
    "",
];

/// Each config reader in turn: the first byte picks an opening (JSON, JSON inline in an error,
/// TOML, env, curl, raw HTTP, SDK call, YAML, LiteLLM YAML, JS SDK) and the rest of the input
/// continues the block. The checks of [`segment`]; with the first byte's high bit set, also a
/// whole diagnosis (fixes and corrected snippets are built from what the readers return).
pub fn config_readers(data: &[u8]) {
    let (pick, rest) = data.split_first().map_or((0, data), |(o, r)| (*o, r));
    let mut text = OPENINGS[usize::from(pick) % OPENINGS.len()].to_string();
    text.push_str(&paste(rest));
    let cfg = config::read(&text);
    contract::check_config("config_readers", &text, &cfg);
    if pick >= 128 {
        let report = run_diagnose(&text, &Options::default());
        contract::check_report("config_readers", &text, &report);
    }
}

/// Key detection and masking on any bytes with a fresh key planted (any kind and context of the
/// red-team suite, `pastes.rs`): the masked paste, every mask, a scrub of the paste and the
/// share text never hold the planted key (whole or 8 random characters of it in a row, also
/// once escapes are decoded), no detected key survives masking verbatim,
/// keys are sorted disjoint spans, and masking any byte range (even one splitting a character)
/// never panics.
pub fn secrets(data: &[u8]) {
    let planted = Planted::new(data, paste(data));
    let text = &planted.text;
    let lower = text.to_ascii_lowercase();
    let keys = scan(text, &lower).facts.keys;
    let mut last_end = 0;
    for k in &keys {
        assert!(
            k.start < k.end && k.end <= text.len() && k.start >= last_end,
            "keys are sorted, disjoint spans inside the paste: {}..{}",
            k.start,
            k.end
        );
        assert!(text.is_char_boundary(k.start) && text.is_char_boundary(k.end));
        last_end = k.end;
    }
    let r = Redactor::new(keys.clone(), false);
    let masked = r.slice(text, 0, text.len());
    planted.assert_not_in("masked paste", &masked);
    for k in keys.iter().filter(|k| !k.placeholder) {
        planted.assert_not_in("a mask", &k.masked);
        let value = text.get(k.start..k.end).unwrap_or("");
        // A value already masked (`sk-sp-…91fd`, pasted from llmdoctor's own output) is not a
        // key, and masking the real key it stands for yields it again.
        if value.len() >= 12 && !value.contains('…') {
            assert!(
                !masked.contains(value),
                "a detected key survives masking: {value}"
            );
        }
    }
    planted.assert_not_in("scrubbed paste", &r.scrub(text, text));
    // The text a share link carries.
    planted.assert_not_in("share text", &share::redact_for_share(text));
    // Any range, on character boundaries or not.
    let n = text.len();
    let a = usize::from(data.first().copied().unwrap_or(0)) * n / 255;
    let b = usize::from(data.last().copied().unwrap_or(0)) * n / 255;
    let (a, b) = (a.min(b), a.max(b));
    let part = r.slice(text, a, b);
    if text.get(a..b).is_some_and(|s| !s.is_empty()) {
        assert!(!part.is_empty(), "a range of text gives text");
    }
}
