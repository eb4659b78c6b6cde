//! Each check on realistic configs: what it finds, and that applying its edits gives exactly
//! the intended text with everything else byte-identical.

use crate::report::Report;
use crate::{diagnose, Options};

fn run(text: &str) -> Report {
    diagnose(text, &Options::default())
}

/// The paste with the first diagnosis's edits applied.
fn apply(text: &str, r: &Report) -> String {
    let mut edits = r
        .diagnoses
        .first()
        .and_then(|d| d.fix.as_ref())
        .map(|f| f.edits.clone())
        .unwrap_or_default();
    edits.sort_by_key(|e| std::cmp::Reverse(e.start));
    let mut out = text.to_string();
    for e in edits {
        out.replace_range(e.start..e.end, &e.replacement);
    }
    out
}

#[test]
fn claude_code_on_coding_v1_joins_the_404_and_fixes_the_path() {
    let text = "// ~/.claude/settings.json\n{\n  \"env\": {\n    \"ANTHROPIC_BASE_URL\": \"https://coding.dashscope.aliyuncs.com/v1\",\n    \"ANTHROPIC_MODEL\": \"qwen3-coder-plus\"\n  }\n}\n> hi\n  ⎿  API Error: 404 status code (no body)\n";
    let r = run(text);
    let d = &r.diagnoses[0];
    assert_eq!(
        (d.rule, d.category.as_str(), d.severity.as_str()),
        ("config-anthropic-base-path", "base_url", "error")
    );
    assert_eq!(
        r.diagnoses.len(),
        1,
        "one joined diagnosis: {:?}",
        r.diagnoses.iter().map(|d| d.rule).collect::<Vec<_>>()
    );
    assert!(
        d.evidence.iter().any(|e| e.text.contains("404")),
        "the error is evidence too"
    );
    let fixed = apply(text, &r);
    assert_eq!(
        fixed,
        text.replace("aliyuncs.com/v1\"", "aliyuncs.com/apps/anthropic\"")
    );
    let c = &r.corrected[0];
    assert_eq!(c.format.as_str(), "json");
    assert!(
        c.text.contains(
            "\"ANTHROPIC_BASE_URL\": \"https://coding.dashscope.aliyuncs.com/apps/anthropic\""
        ),
        "{}",
        c.text
    );
    assert!(
        c.text.contains("\"ANTHROPIC_MODEL\": \"qwen3-coder-plus\""),
        "the rest is kept"
    );
    assert!(c.diff.contains("+    \"ANTHROPIC_BASE_URL\": \"https://coding.dashscope.aliyuncs.com/apps/anthropic\","), "{}", c.diff);
}

#[test]
fn intl_host_stays_intl() {
    let text = "export ANTHROPIC_BASE_URL=https://coding-intl.dashscope.aliyuncs.com/v1\n";
    assert_eq!(
        apply(text, &run(text)),
        "export ANTHROPIC_BASE_URL=https://coding-intl.dashscope.aliyuncs.com/apps/anthropic\n"
    );
}

#[test]
fn a_correct_config_yields_no_error_and_no_fix() {
    for text in [
        "{\"env\": {\"ANTHROPIC_AUTH_TOKEN\": \"sk-sp-4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c\", \"ANTHROPIC_BASE_URL\": \"https://coding.dashscope.aliyuncs.com/apps/anthropic\", \"ANTHROPIC_MODEL\": \"qwen3.5-plus\"}}",
        "[model_providers.bailian]\nname = \"Bailian\"\nbase_url = \"https://dashscope.aliyuncs.com/compatible-mode/v1\"\nenv_key = \"DASHSCOPE_API_KEY\"\nwire_api = \"responses\"\n",
        "client = OpenAI(api_key=os.getenv(\"DASHSCOPE_API_KEY\"), base_url=\"https://dashscope.aliyuncs.com/compatible-mode/v1\")",
    ] {
        let r = run(text);
        assert!(r.diagnoses.iter().all(|d| d.severity.as_str() != "error"), "{text}: {:?}", r.diagnoses.iter().map(|d| d.rule).collect::<Vec<_>>());
        assert!(r.corrected.is_empty(), "{text}");
    }
}

#[test]
fn openai_clients_on_native_path_get_compatible_mode() {
    let text = "client = OpenAI(\n    api_key=os.getenv(\"DASHSCOPE_API_KEY\"),\n    base_url=\"https://dashscope.aliyuncs.com/api/v1\",\n)\n";
    assert_eq!(
        apply(text, &run(text)),
        text.replace("/api/v1", "/compatible-mode/v1")
    );
    let text = "OPENAI_BASE_URL=https://coding.dashscope.aliyuncs.com/v1/chat/completions\n";
    assert_eq!(
        apply(text, &run(text)),
        "OPENAI_BASE_URL=https://coding.dashscope.aliyuncs.com/v1\n"
    );
}

#[test]
fn codex_wire_api_and_relay_endpoint_paths() {
    let text = "model_provider = \"bailian\"\n\n[model_providers.bailian]\nname = \"Bailian\" # Model Studio\nbase_url = \"https://dashscope.aliyuncs.com/compatible-mode/v1\"\nwire_api = \"chat\"\n";
    let r = run(text);
    assert_eq!(r.diagnoses[0].rule, "config-codex-wire-api-chat");
    assert_eq!(
        apply(text, &r),
        text.replace("wire_api = \"chat\"", "wire_api = \"responses\"")
    );
    let text = "OPENAI_BASE_URL=\"https://relay.example.com/v1/chat/completions\"";
    assert_eq!(
        apply(text, &run(text)),
        "OPENAI_BASE_URL=\"https://relay.example.com/v1\""
    );
}

#[test]
fn key_defects_are_fixed_without_showing_the_key() {
    let key = "sk-sp-4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c";
    let text = format!("{{\"env\": {{\"ANTHROPIC_AUTH_TOKEN\": \" {key}\\n\", \"ANTHROPIC_BASE_URL\": \"https://coding.dashscope.aliyuncs.com/apps/anthropic\"}}}}");
    let r = run(&text);
    let d = r
        .diagnoses
        .iter()
        .find(|d| d.rule == "config-key-whitespace")
        .expect("whitespace found");
    let json = serde_json::to_string(&r.json(crate::Catalog::embedded())).unwrap_or_default();
    assert!(!json.contains(&key[6..30]), "key leaked: {json}");
    assert!(d
        .fix
        .as_ref()
        .is_some_and(|f| f.edits[0].replacement == "sk-sp-…6b5c"));
    assert!(
        r.corrected[0]
            .text
            .contains("\"ANTHROPIC_AUTH_TOKEN\": \"sk-sp-…6b5c\""),
        "{}",
        r.corrected[0].text
    );
    // The reveal path: from the fix edits and the paste, nothing diagnosed again.
    let revealed = crate::corrected::revealed(&text, &r);
    assert!(revealed[0].contains(&format!("\"ANTHROPIC_AUTH_TOKEN\": \"{key}\"")));
    let shown = diagnose(
        &text,
        &Options {
            show_secrets: true,
            ..Options::default()
        },
    );
    assert!(shown.corrected[0]
        .text
        .contains(&format!("\"ANTHROPIC_AUTH_TOKEN\": \"{key}\"")));
}

#[test]
fn plan_key_on_general_host_points_to_the_coding_host() {
    let text = "export ANTHROPIC_AUTH_TOKEN=sk-sp-4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c\nexport ANTHROPIC_BASE_URL=https://dashscope.aliyuncs.com/apps/anthropic\n403 invalid api-key\n";
    let r = run(text);
    assert_eq!(r.diagnoses[0].rule, "config-plan-key-general-host");
    assert_eq!(
        r.diagnoses[0].severity.as_str(),
        "error",
        "joined with the 403"
    );
    assert!(apply(text, &r)
        .contains("ANTHROPIC_BASE_URL=https://coding.dashscope.aliyuncs.com/apps/anthropic\n"));
}

#[test]
fn curl_body_checks() {
    let text = "curl https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions \\\n  -H \"Authorization: Bearer $DASHSCOPE_API_KEY\" \\\n  -d '{\"model\": \"qwen-plus\", \"messages\": [{\"role\": \"developer\", \"content\": \"x\"}]}'\n";
    let r = run(text);
    assert_eq!(r.diagnoses[0].rule, "config-developer-role");
    assert_eq!(apply(text, &r), text.replace("\"developer\"", "\"system\""));
    let text = "curl https://dashscope.aliyuncs.com/apps/anthropic/v1/messages -H \"x-api-key: $K\" -d '{\"model\": \"qwen-plus\", \"messages\": []}'";
    let r = run(text);
    assert_eq!(
        apply(text, &r),
        text.replace("{\"model\"", "{\"max_tokens\": 1024, \"model\"")
    );
}
