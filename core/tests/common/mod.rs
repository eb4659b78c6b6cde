//! Shared by the key property tests (no_key_escapes.rs, share.rs, redteam.rs): proptest
//! strategies that build keys from the catalog's shapes (no list of prefixes here), the
//! red-team kinds and contexts, and the formats pastes carry keys in.

/// The red-team generator (fuzz/src/pastes.rs, shared with the fuzz targets and the CLI
/// suite): key kinds from rules/secrets.toml's shapes, contexts, the leak check.
#[allow(dead_code)]
#[path = "../../../fuzz/src/pastes.rs"]
pub mod pastes;

/// Proptest strategies for the generator's keys and cases, and deterministic runners.
#[allow(dead_code)]
pub mod strategies;

/// Where pastes carry keys (each test may add its own).
#[allow(dead_code)]
pub fn formats(key: &str) -> Vec<String> {
    vec![
        format!("export DASHSCOPE_API_KEY={key}"),
        format!("DASHSCOPE_API_KEY=\"{key}\""),
        format!("set OPENAI_API_KEY={key}"),
        format!("$env:OPENAI_API_KEY=\"{key}\""),
        format!("{{\"env\": {{\"ANTHROPIC_AUTH_TOKEN\": \"{key}\", \"ANTHROPIC_BASE_URL\": \"https://coding.dashscope.aliyuncs.com/v1\"}}}}"),
        format!("[model_providers.bailian]\nbase_url = \"https://dashscope.aliyuncs.com/compatible-mode/v1\"\nexperimental_bearer_token = \"{key}\""),
        format!("curl https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions \\\n  -H \"Authorization: Bearer {key}\" \\\n  -d '{{\"model\":\"qwen-plus\"}}'"),
        format!("curl -H 'x-api-key: {key}' https://api.anthropic.com/v1/messages"),
        format!("client = OpenAI(api_key=\"{key}\", base_url=\"https://dashscope.aliyuncs.com/compatible-mode/v1\")"),
        format!("const client = new OpenAI({{ apiKey: '{key}', baseURL: 'https://dashscope.aliyuncs.com/compatible-mode/v1' }});"),
        format!("models:\n  - name: qwen\n    provider: openai\n    apiKey: {key}\n    apiBase: https://dashscope.aliyuncs.com/compatible-mode/v1"),
        format!("{{\"log\": \"{{\\\"headers\\\": {{\\\"Authorization\\\": \\\"Bearer {key}\\\"}}}}\"}}"),
        format!("Incorrect API key provided: {key}. You can find your API key at https://platform.openai.com/account/api-keys."),
        format!("GET https://generativelanguage.googleapis.com/v1beta/models?key={key}"),
        format!("\"apiKey\":\"{key}\""),
    ]
}
