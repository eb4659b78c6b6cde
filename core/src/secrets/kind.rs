//! What a key is, by its shape (rules/secrets.toml `kind`): what it tells the checks (`plan` keys
//! belong on plan hosts, and so on) and what the report's `facts.keys[].kind` says. build.rs
//! writes each shape's kind as a variant of [`KeyKind`]: a kind in rules/secrets.toml that has
//! no variant here stops the build.

use serde::Serialize;

/// A key's kind. Serialized as the name rules/secrets.toml gives it (`plan`, `alibaba_ak`, …).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum KeyKind {
    /// An Alibaba Cloud AccessKey id (`LTAI…`).
    AlibabaAk,
    Anthropic,
    Aws,
    Baidu,
    /// A pay-as-you-go `sk-…` key of no more specific shape.
    General,
    Github,
    Google,
    Groq,
    Huggingface,
    Jwt,
    Modelscope,
    Openai,
    Openrouter,
    Perplexity,
    /// A subscription plan key (`sk-sp-…`).
    Plan,
    Stripe,
    /// A value held by a secret-named setting, of no known shape.
    Unknown,
    Xai,
    Zhipu,
}

impl KeyKind {
    /// Every kind, in the order of their names.
    pub const ALL: [KeyKind; 19] = [
        KeyKind::AlibabaAk,
        KeyKind::Anthropic,
        KeyKind::Aws,
        KeyKind::Baidu,
        KeyKind::General,
        KeyKind::Github,
        KeyKind::Google,
        KeyKind::Groq,
        KeyKind::Huggingface,
        KeyKind::Jwt,
        KeyKind::Modelscope,
        KeyKind::Openai,
        KeyKind::Openrouter,
        KeyKind::Perplexity,
        KeyKind::Plan,
        KeyKind::Stripe,
        KeyKind::Unknown,
        KeyKind::Xai,
        KeyKind::Zhipu,
    ];

    /// The kind's name, as rules/secrets.toml and the report write it.
    pub fn as_str(self) -> &'static str {
        match self {
            KeyKind::AlibabaAk => "alibaba_ak",
            KeyKind::Anthropic => "anthropic",
            KeyKind::Aws => "aws",
            KeyKind::Baidu => "baidu",
            KeyKind::General => "general",
            KeyKind::Github => "github",
            KeyKind::Google => "google",
            KeyKind::Groq => "groq",
            KeyKind::Huggingface => "huggingface",
            KeyKind::Jwt => "jwt",
            KeyKind::Modelscope => "modelscope",
            KeyKind::Openai => "openai",
            KeyKind::Openrouter => "openrouter",
            KeyKind::Perplexity => "perplexity",
            KeyKind::Plan => "plan",
            KeyKind::Stripe => "stripe",
            KeyKind::Unknown => "unknown",
            KeyKind::Xai => "xai",
            KeyKind::Zhipu => "zhipu",
        }
    }
}

impl std::fmt::Display for KeyKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::KeyKind;

    #[test]
    fn names_are_the_serialized_names_and_every_shape_has_one() {
        for k in KeyKind::ALL {
            let json = serde_json::to_string(&k).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", k.as_str()));
        }
        let names: Vec<&str> = KeyKind::ALL.iter().map(|k| k.as_str()).collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        assert_eq!(names, sorted, "ALL is in the order of the names");
        assert!(super::super::shapes::SHAPES
            .iter()
            .any(|s| s.kind == KeyKind::Plan));
    }
}
