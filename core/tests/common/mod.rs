//! Shared by the key property tests (no_key_escapes.rs, share.rs): a deterministic key
//! generator and the formats pastes carry keys in.

/// xorshift64*: small, deterministic, good enough to vary keys.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub fn pick<'a>(&mut self, v: &[&'a str]) -> &'a str {
        v[(self.next() % v.len() as u64) as usize]
    }

    /// (prefix, key): prefixes as real keys have them, bodies hex or alphanumeric.
    pub fn key(&mut self) -> (&'static str, String) {
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
        (prefix, format!("{prefix}{body}"))
    }
}

/// Where pastes carry keys (each test may add its own).
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
