//! The tools a paste can come from (`facts.tools`; rules test them with `tool:…`).

use serde::Serialize;

/// A tool named by the paste (rules/catalog.toml `[[tool]]` markers). Serialized by its id; variants are
/// declared in the order of their ids, so that a sorted set of tools lists them by id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Tool {
    ClaudeCode,
    Cline,
    Codex,
    Continue,
    /// Not an LLM client, but where it runs: inside a container, localhost is the container.
    Docker,
    /// LiteLLM (proxy or SDK, or a tool built on it): its model prefixes choose the route.
    Litellm,
    Openclaw,
    QwenCode,
}

impl Tool {
    /// Every tool, in the order of their ids.
    pub const ALL: [Tool; 8] = [
        Tool::ClaudeCode,
        Tool::Cline,
        Tool::Codex,
        Tool::Continue,
        Tool::Docker,
        Tool::Litellm,
        Tool::Openclaw,
        Tool::QwenCode,
    ];

    /// The tool's id, as rules (`tool:claude-code`) and the report write it.
    pub fn as_str(self) -> &'static str {
        match self {
            Tool::ClaudeCode => "claude-code",
            Tool::Cline => "cline",
            Tool::Codex => "codex",
            Tool::Continue => "continue",
            Tool::Docker => "docker",
            Tool::Litellm => "litellm",
            Tool::Openclaw => "openclaw",
            Tool::QwenCode => "qwen-code",
        }
    }
}

impl std::fmt::Display for Tool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::Tool;

    #[test]
    fn ids_are_the_serialized_names_in_sorted_order() {
        let ids: Vec<&str> = Tool::ALL.iter().map(|t| t.as_str()).collect();
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        assert_eq!(ids, sorted, "a set of tools sorts as its ids do");
        for t in Tool::ALL {
            let json = serde_json::to_string(&t).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", t.as_str()));
        }
        let mut ordered = Tool::ALL;
        ordered.sort_unstable();
        assert_eq!(ordered, Tool::ALL);
    }
}
