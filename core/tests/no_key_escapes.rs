//! Property test: random keys, in every format a paste carries them, never leave the engine
//! unmasked — not in diagnoses, evidence, contexts, corrected text or facts — unless the caller
//! asked for them. A deterministic generator (no dependency) gives the same cases every run.

use llmdoctor_core::{diagnose, Options};

/// xorshift64*: small, deterministic, good enough to vary keys.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn pick<'a>(&mut self, v: &[&'a str]) -> &'a str {
        v[(self.next() % v.len() as u64) as usize]
    }
    fn key(&mut self) -> String {
        const ALNUM: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        const HEX: &[u8] = b"0123456789abcdef";
        let prefix = self.pick(&[
            "sk-sp-",
            "sk-",
            "sk-ant-api03-",
            "sk-proj-",
            "sk-or-v1-",
            "AIza",
            "ms-",
            "",
        ]);
        let len = 20 + (self.next() % 40) as usize;
        let alphabet = if self.next().is_multiple_of(2) {
            HEX
        } else {
            ALNUM
        };
        let mut body: String = (0..len)
            .map(|_| alphabet[(self.next() % alphabet.len() as u64) as usize] as char)
            .collect();
        // The entropy floor wants a digit and a letter; real keys have both.
        body.replace_range(0..2, "a7");
        format!("{prefix}{body}")
    }
}

const ERRORS: &[&str] = &[
    "API Error: 401 invalid access token or token expired",
    "openai.AuthenticationError: Error code: 401 - {'error': {'message': 'Incorrect API key provided: KEY. You can find your API key at https://platform.openai.com/account/api-keys.', 'code': 'invalid_api_key'}}",
    "{\"code\":\"InvalidApiKey\",\"message\":\"Invalid API-key provided.\",\"request_id\":\"1\"}",
    "API Error: 429 week allocated quota exceeded",
    "404 status code (no body)",
];

fn formats(key: &str) -> Vec<String> {
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
        format!("api_key = os.getenv(\"{key}\")"),
        format!("GET https://generativelanguage.googleapis.com/v1beta/models?key={key}"),
        format!("\"apiKey\":\"{key}\""),
    ]
}

#[test]
fn no_generated_key_escapes_in_any_output() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut cases = 0;
    for _ in 0..40 {
        let key = rng.key();
        for f in formats(&key) {
            let err = rng.pick(ERRORS).replace("KEY", &key);
            let paste = format!("2026-11-22 10:30:01 ERROR {err}\n{f}\n");
            let report = diagnose(&paste, &Options::default());
            let json = serde_json::to_string(&report).unwrap_or_default();
            assert!(
                !json.contains(&key),
                "key escaped for format:\n{f}\noutput:\n{json}"
            );
            // The unmasked tail beyond the last four characters must not appear either.
            let core = &key[key.len() - 12..key.len() - 4];
            assert!(
                !json.contains(core),
                "part of the key escaped for format:\n{f}\noutput:\n{json}"
            );
            let shown = diagnose(
                &paste,
                &Options {
                    show_secrets: true,
                    ..Options::default()
                },
            );
            let shown = serde_json::to_string(&shown).unwrap_or_default();
            if json.contains(&llmdoctor_core::secrets::mask(&key)) {
                assert!(
                    shown.contains(&key),
                    "show_secrets must show the key it masked:\n{f}"
                );
            }
            cases += 1;
        }
    }
    assert_eq!(cases, 40 * formats("k").len());
}
