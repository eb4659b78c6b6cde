//! Config findings that come with their fix (issue 14): realistic pastes, the corrected text
//! asserted exactly (through the reveal path, and masked in the report), and the fix's mark.

use llmdoctor_core::corrected::revealed;
use llmdoctor_core::report::Applicability;
use llmdoctor_core::{diagnose, Options, Report};

const KEY: &str = "sk-4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c";
const PLAN_KEY: &str = "sk-sp-4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c";

/// The first diagnosis, its fix's mark, and the one corrected block with real values.
fn run(paste: &str) -> (Report, String) {
    let r = diagnose(paste, &Options::default());
    assert_eq!(
        r.corrected.len(),
        1,
        "one corrected block: {:#?}",
        r.corrected
    );
    // Masked in the report: the key never appears there.
    for c in &r.corrected {
        for k in [KEY, PLAN_KEY] {
            assert!(!c.text.contains(k) && !c.diff.contains(k), "{}", &*c.text);
        }
    }
    let fixed = revealed(paste, &r).remove(0);
    (r, fixed)
}

/// The mark of a diagnosis's fix (safe or review), if it has one.
fn mark(d: &llmdoctor_core::report::Diagnosis) -> Option<Applicability> {
    d.fix.as_ref().map(|f| f.applicability)
}

fn first<'a>(r: &'a Report, rule: &str) -> &'a llmdoctor_core::report::Diagnosis {
    let d = &r.diagnoses[0];
    assert_eq!(
        d.rule,
        rule,
        "{:?}",
        r.diagnoses.iter().map(|d| d.rule).collect::<Vec<_>>()
    );
    d
}

#[test]
fn cmd_set_with_quotes_becomes_set_with_the_quotes_around_the_assignment() {
    let paste = format!(
        "C:\\Users\\dev> set ANTHROPIC_BASE_URL=https://dashscope.aliyuncs.com/apps/anthropic\r\n\
         C:\\Users\\dev> set ANTHROPIC_AUTH_TOKEN=\"{KEY}\"\r\n\
         C:\\Users\\dev> claude\r\n\
         API Error: 401 {{\"type\":\"error\",\"error\":{{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key\"}}}}\r\n"
    );
    let (r, fixed) = run(&paste);
    let d = first(&r, "config-cmd-set-quoted-key");
    assert_eq!(mark(d), Some(Applicability::Safe));
    assert_eq!(
        fixed,
        format!(
            "C:\\Users\\dev> set ANTHROPIC_BASE_URL=https://dashscope.aliyuncs.com/apps/anthropic\r\n\
             C:\\Users\\dev> set \"ANTHROPIC_AUTH_TOKEN={KEY}\""
        )
    );
    // Single quotes, which cmd keeps as well.
    let paste = format!("set DASHSCOPE_API_KEY='{KEY}'\n");
    let (_, fixed) = run(&paste);
    assert_eq!(fixed, format!("set \"DASHSCOPE_API_KEY={KEY}\""));
}

#[test]
fn both_anthropic_keys_the_api_key_is_deleted_with_its_comma_and_line() {
    let paste = format!(
        "{{\n  \"env\": {{\n    \"ANTHROPIC_BASE_URL\": \"https://dashscope.aliyuncs.com/apps/anthropic\",\n    \"ANTHROPIC_API_KEY\": \"{KEY}\",\n    \"ANTHROPIC_AUTH_TOKEN\": \"{KEY}\",\n    \"ANTHROPIC_MODEL\": \"qwen3-coder-plus\"\n  }}\n}}\n\
         Auth conflict: Both a token (ANTHROPIC_AUTH_TOKEN) and an API key (ANTHROPIC_API_KEY) are set. This may lead to unexpected behavior.\n"
    );
    let (r, fixed) = run(&paste);
    let d = first(&r, "config-anthropic-both-keys");
    assert_eq!(mark(d), Some(Applicability::Review));
    assert_eq!(
        fixed,
        format!(
            "{{\n  \"env\": {{\n    \"ANTHROPIC_BASE_URL\": \"https://dashscope.aliyuncs.com/apps/anthropic\",\n    \"ANTHROPIC_AUTH_TOKEN\": \"{KEY}\",\n    \"ANTHROPIC_MODEL\": \"qwen3-coder-plus\"\n  }}\n}}"
        )
    );
    assert!(serde_json::from_str::<serde_json::Value>(&fixed).is_ok());
    // The API key last in its object: the comma before it goes.
    let paste = format!(
        "{{\"env\": {{\"ANTHROPIC_AUTH_TOKEN\": \"{KEY}\", \"ANTHROPIC_API_KEY\": \"{KEY}\"}}}}"
    );
    let (_, fixed) = run(&paste);
    assert_eq!(
        fixed,
        format!("{{\"env\": {{\"ANTHROPIC_AUTH_TOKEN\": \"{KEY}\"}}}}")
    );
    // Shell lines: the export line goes.
    let paste = format!(
        "export ANTHROPIC_BASE_URL=https://dashscope.aliyuncs.com/apps/anthropic\nexport ANTHROPIC_API_KEY={KEY}\nexport ANTHROPIC_AUTH_TOKEN={KEY}\n"
    );
    let (_, fixed) = run(&paste);
    assert_eq!(
        fixed,
        format!("export ANTHROPIC_BASE_URL=https://dashscope.aliyuncs.com/apps/anthropic\nexport ANTHROPIC_AUTH_TOKEN={KEY}")
    );
}

#[test]
fn openclaw_key_in_auth_profiles_moves_to_the_provider() {
    let paste = format!(
        r#"{{
  "models": {{
    "mode": "merge",
    "providers": {{
      "bailian": {{
        "baseUrl": "https://coding.dashscope.aliyuncs.com/v1",
        "api": "openai-completions",
        "models": [{{"id": "qwen3-coder-plus", "name": "Qwen3 Coder Plus"}}]
      }}
    }}
  }},
  "auth": {{
    "profiles": {{
      "bailian:default": {{
        "provider": "bailian",
        "mode": "api_key",
        "apiKey": "{PLAN_KEY}"
      }}
    }}
  }}
}}
Config invalid: auth.profiles.bailian:default: Unrecognized key: "apiKey"
"#
    );
    let (r, fixed) = run(&paste);
    let d = first(&r, "config-openclaw-key-in-auth-profiles");
    assert_eq!(mark(d), Some(Applicability::Safe));
    assert_eq!(
        fixed,
        format!(
            r#"{{
  "models": {{
    "mode": "merge",
    "providers": {{
      "bailian": {{
        "baseUrl": "https://coding.dashscope.aliyuncs.com/v1",
        "api": "openai-completions",
        "models": [{{"id": "qwen3-coder-plus", "name": "Qwen3 Coder Plus"}}],
        "apiKey": "{PLAN_KEY}"
      }}
    }}
  }},
  "auth": {{
    "profiles": {{
      "bailian:default": {{
        "provider": "bailian",
        "mode": "api_key"
      }}
    }}
  }}
}}"#
        )
    );
    assert!(serde_json::from_str::<serde_json::Value>(&fixed).is_ok());
    // The key first in its profile, the provider inline: the comma after it goes, the
    // member joins the provider's line.
    let paste = format!(
        r#"{{"models": {{"providers": {{"bailian": {{"baseUrl": "https://coding.dashscope.aliyuncs.com/v1"}}}}}}, "auth": {{"profiles": {{"bailian:default": {{"apiKey": "{PLAN_KEY}", "mode": "api_key"}}}}}}}}"#
    );
    let (_, fixed) = run(&paste);
    assert_eq!(
        fixed,
        format!(
            r#"{{"models": {{"providers": {{"bailian": {{"baseUrl": "https://coding.dashscope.aliyuncs.com/v1", "apiKey": "{PLAN_KEY}"}}}}}}, "auth": {{"profiles": {{"bailian:default": {{"mode": "api_key"}}}}}}}}"#
        )
    );
}

#[test]
fn a_model_id_in_the_wrong_case_becomes_the_catalogs_id() {
    let paste = format!(
        "export ANTHROPIC_BASE_URL=https://coding.dashscope.aliyuncs.com/apps/anthropic\n\
         export ANTHROPIC_AUTH_TOKEN={PLAN_KEY}\n\
         export ANTHROPIC_MODEL=Qwen3-Coder-Plus\n\
         API Error: 400 {{\"error\":{{\"message\":\"model `Qwen3-Coder-Plus` is not supported.\",\"type\":\"invalid_request_error\"}}}}\n"
    );
    let (r, fixed) = run(&paste);
    let d = first(&r, "config-model-id-case");
    assert_eq!(mark(d), Some(Applicability::Safe));
    assert_eq!(
        fixed,
        format!(
            "export ANTHROPIC_BASE_URL=https://coding.dashscope.aliyuncs.com/apps/anthropic\n\
             export ANTHROPIC_AUTH_TOKEN={PLAN_KEY}\n\
             export ANTHROPIC_MODEL=qwen3-coder-plus"
        )
    );
    // OpenClaw's `bailian/<model>`: the prefix stays.
    let paste = r#"{"agents": {"defaults": {"model": {"primary": "bailian/Qwen3.5-Plus"}}}}"#;
    let (_, fixed) = run(paste);
    assert_eq!(
        fixed,
        r#"{"agents": {"defaults": {"model": {"primary": "bailian/qwen3.5-plus"}}}}"#
    );
}

#[test]
fn gemini_contents_sent_to_chat_completions_become_messages() {
    let paste = "$ curl https://api.example-relay.com/v1/chat/completions \\\n  -H \"Authorization: Bearer $RELAY_KEY\" \\\n  -H \"Content-Type: application/json\" \\\n  -d '{\"model\": \"gemini-2.5-pro\", \"contents\": [{\"role\": \"user\", \"parts\": [{\"text\": \"Explain quicksort\"}]}, {\"role\": \"model\", \"parts\": [{\"text\": \"It's a sort.\"}]}]}'\n{\"error\":{\"message\":\"Invalid request: messages is required\",\"type\":\"invalid_request_error\"}}\n";
    let r = diagnose(paste, &Options::default());
    assert_eq!(r.diagnoses[0].rule, "config-gemini-contents-to-chat");
    assert_eq!(
        r.diagnoses[0].fix.as_ref().map(|f| f.applicability),
        Some(Applicability::Review)
    );
    // `It's` cannot be written inside the shell's single quotes: no edit for it.
    assert!(r.corrected.is_empty(), "{:#?}", r.corrected);

    let paste = paste.replace("It's a sort.", "A divide and conquer sort.");
    let (_, fixed) = run(&paste);
    assert_eq!(
        fixed,
        "curl https://api.example-relay.com/v1/chat/completions \\\n  -H \"Authorization: Bearer $RELAY_KEY\" \\\n  -H \"Content-Type: application/json\" \\\n  -d '{\"model\": \"gemini-2.5-pro\", \"messages\": [{\"role\": \"user\", \"content\": \"Explain quicksort\"}, {\"role\": \"assistant\", \"content\": \"A divide and conquer sort.\"}]}'"
    );
    // A body in shell double quotes, compact JSON: written with `\"`.
    let paste = "curl https://relay.example.com/v1/chat/completions -d \"{\\\"model\\\":\\\"gemini-2.5-pro\\\",\\\"contents\\\":[{\\\"parts\\\":[{\\\"text\\\":\\\"hi\\\"}]}]}\"";
    let (_, fixed) = run(paste);
    assert_eq!(
        fixed,
        "curl https://relay.example.com/v1/chat/completions -d \"{\\\"model\\\":\\\"gemini-2.5-pro\\\",\\\"messages\\\":[{\\\"role\\\":\\\"user\\\",\\\"content\\\":\\\"hi\\\"}]}\""
    );
}

#[test]
fn openai_messages_sent_to_gemini_become_contents() {
    let paste = "curl \"https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-pro:generateContent\" -H 'x-goog-api-key: $GEMINI_API_KEY' -d '{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}, {\"role\": \"assistant\", \"content\": \"Hello!\"}]}'\n";
    let (r, fixed) = run(paste);
    first(&r, "config-messages-to-gemini");
    assert_eq!(
        fixed,
        "curl \"https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-pro:generateContent\" -H 'x-goog-api-key: $GEMINI_API_KEY' -d '{\"contents\": [{\"role\": \"user\", \"parts\": [{\"text\": \"hi\"}]}, {\"role\": \"model\", \"parts\": [{\"text\": \"Hello!\"}]}]}'"
    );
}

#[test]
fn an_openclaw_provider_renamed_bailian_with_its_references() {
    let paste = "{\n  \"models\": {\n    \"providers\": {\n      \"dashscope\": {\n        \"baseUrl\": \"https://coding.dashscope.aliyuncs.com/v1\",\n        \"api\": \"openai-completions\"\n      }\n    }\n  },\n  \"agents\": {\"defaults\": {\"model\": {\"primary\": \"dashscope/qwen3.5-plus\"}}}\n}\n";
    let (r, fixed) = run(paste);
    let d = first(&r, "config-openclaw-provider-id");
    assert_eq!(mark(d), Some(Applicability::Review));
    assert_eq!(
        fixed,
        paste
            .trim_end()
            .replace("\"dashscope\": {", "\"bailian\": {")
            .replace("dashscope/qwen3.5-plus", "bailian/qwen3.5-plus")
    );
}

#[test]
fn general_key_on_the_intl_coding_plan_host_gets_the_intl_general_url_for_its_protocol() {
    let paste = format!(
        "{{\n  \"env\": {{\n    \"ANTHROPIC_BASE_URL\": \"https://coding-intl.dashscope.aliyuncs.com/apps/anthropic\",\n    \"ANTHROPIC_AUTH_TOKEN\": \"{KEY}\"\n  }}\n}}\n\
         API Error: 401 {{\"error\":{{\"message\":\"invalid access token or token expired\"}}}}\n"
    );
    let (r, fixed) = run(&paste);
    let d = first(&r, "config-general-key-plan-host");
    // Review: the calls are then billed by use, and the key must be of that region.
    assert_eq!(mark(d), Some(Applicability::Review));
    assert_eq!(
        fixed,
        format!(
            "{{\n  \"env\": {{\n    \"ANTHROPIC_BASE_URL\": \"https://dashscope-intl.aliyuncs.com/apps/anthropic\",\n    \"ANTHROPIC_AUTH_TOKEN\": \"{KEY}\"\n  }}\n}}"
        )
    );
}

#[test]
fn a_base_url_variable_the_sdk_does_not_read_is_renamed_and_loses_its_endpoint() {
    let paste = "> set OPENAI_API_URL=https://api.example-relay.com/v1/completions\n\
         > openai repl\n\
         An error occurred: Error generating response: HTTPSConnectionPool(host='api.openai.com', port=443): Max retries exceeded with url: /v1/chat/completions (Caused by ConnectTimeoutError(<urllib3.connection.HTTPSConnection object at 0x0000020F>, 'Connection to api.openai.com timed out.'))\n";
    let (r, fixed) = run(paste);
    let d = first(&r, "config-base-url-ignored");
    assert_eq!(mark(d), Some(Applicability::Review));
    assert_eq!(
        fixed,
        "> set OPENAI_BASE_URL=https://api.example-relay.com/v1"
    );
}

#[test]
fn a_skipped_review_fix_is_left_out_of_the_corrected_config_but_still_offered() {
    let paste = format!(
        "{{\n  \"env\": {{\n    \"ANTHROPIC_BASE_URL\": \"https://coding-intl.dashscope.aliyuncs.com/apps/anthropic\",\n    \"ANTHROPIC_AUTH_TOKEN\": \"{KEY}\"\n  }}\n}}\n"
    );
    let all = diagnose(&paste, &Options::default());
    assert_eq!(all.corrected.len(), 1);
    let opts = Options {
        skip_fixes: vec!["config-general-key-plan-host"],
        ..Options::default()
    };
    let skipped = diagnose(&paste, &opts);
    // No other fix in this paste: nothing left to correct.
    assert!(skipped.corrected.is_empty(), "{:#?}", skipped.corrected);
    let d = first(&skipped, "config-general-key-plan-host");
    assert!(d.fix.as_ref().is_some_and(|f| !f.edits.is_empty()));
}
