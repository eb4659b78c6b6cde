//! Model names: which one a paste names, and "did you mean" against the catalog (names are
//! case-sensitive on Model Studio — bailian-ide guide, Problem 3).

use crate::re::Regex;
use crate::report::LeadStep;
use crate::secrets::Masked;
use crate::vocabulary::{Model, MODELS};
use std::sync::OnceLock;

fn mention_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // On the ASCII-lowercased line; group 1 is the name.
        let p = concat!(
            r#"(?:model[ \t]*(?:\\?["'])?[ \t]*[:=]?[ \t]*\\?["'`]|model[ \t]+|unsupported model[ \t]+|模型[ \t]*\\?["'`]?)"#,
            r#"([a-z0-9][a-z0-9._/:-]{1,80})"#
        );
        crate::regex_limits::bounded_regex(p).unwrap_or_else(|e| panic!("model regex: {e}"))
    })
}

/// Words that follow "model" in prose and are not names.
const NOT_NAMES: &[&str] = &[
    "is",
    "not",
    "the",
    "does",
    "name",
    "names",
    "list",
    "id",
    "was",
    "you",
    "and",
    "or",
    "for",
    "to",
    "in",
    "with",
    "that",
    "access",
    "error",
    "not_found",
    "not_found_error",
    "model_not_found",
    "model_not_supported",
    "parameter",
    "provider",
];

/// Model names mentioned on one line (`model 'X' is not supported`, `"model": "X"`, …),
/// in the line's own case.
pub(crate) fn mentioned(line: &str) -> Vec<&str> {
    let lower = line.to_ascii_lowercase();
    let mut out = Vec::new();
    for c in mention_regex().captures_iter(&lower) {
        let Some(m) = c.get(1) else { continue };
        let name = line
            .get(m.start()..m.end())
            .unwrap_or("")
            .trim_end_matches(['.', ':', '-']);
        if name.len() >= 3
            && !NOT_NAMES.contains(&name.to_ascii_lowercase().as_str())
            && !out.contains(&name)
        {
            out.push(name);
        }
    }
    out
}

pub(crate) fn lookup(name: &str) -> Option<&'static Model> {
    MODELS.iter().find(|m| m.name == name)
}

/// The catalog model a misspelt or miscased name most likely meant.
pub(crate) fn did_you_mean(name: &str) -> Option<&'static Model> {
    if lookup(name).is_some() {
        return None;
    }
    let bare = name.rsplit('/').next().unwrap_or(name);
    if let Some(m) = MODELS.iter().find(|m| m.name.eq_ignore_ascii_case(bare)) {
        return Some(m);
    }
    let lower = bare.to_ascii_lowercase();
    MODELS
        .iter()
        .map(|m| (distance(&lower, &m.name.to_ascii_lowercase()), m))
        .filter(|(d, m)| *d <= 2.min(m.name.len() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, m)| m)
}

/// Levenshtein distance, bounded work (names are short).
pub(crate) fn distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) =
        (a.chars().take(96).collect(), b.chars().take(96).collect());
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// A step naming the model the user most likely meant, if any (`name`, from the paste, masked
/// by `mask`).
pub(crate) fn suggestion_step(name: &str, mask: impl Fn(&str) -> Masked) -> Option<LeadStep> {
    let m = did_you_mean(name)?;
    let case_only = m
        .name
        .eq_ignore_ascii_case(name.rsplit('/').next().unwrap_or(name));
    Some(LeadStep::DidYouMean {
        meant: m.name,
        name: mask(name),
        case_only,
    })
}

/// A step listing catalog models with a larger context window than `name`'s, if known.
pub(crate) fn larger_window_step(name: &str) -> Option<LeadStep> {
    let m = lookup(name)?;
    if m.context == 0 {
        return None;
    }
    let mut bigger: Vec<&Model> = MODELS
        .iter()
        .filter(|x| x.context > m.context && x.plans.iter().any(|p| m.plans.contains(p)))
        .collect();
    crate::order::sort_by_key(&mut bigger, |x| {
        (crate::order::desc(x.context as usize), 0, 0)
    });
    Some(LeadStep::LargerWindow {
        name: m.name,
        context: m.context,
        larger: bigger.iter().take(4).map(|x| (x.name, x.context)).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_names_in_messages_and_bodies() {
        assert_eq!(
            mentioned("400 model 'Qwen3-Coder-Plus' is not supported"),
            ["Qwen3-Coder-Plus"]
        );
        assert_eq!(
            mentioned(r#"{"model": "qwen3-coder-plus", "messages": []}"#),
            ["qwen3-coder-plus"]
        );
        assert_eq!(
            mentioned("Unsupported model qwen-pluss for OpenAI compatibility mode."),
            ["qwen-pluss"]
        );
        assert_eq!(mentioned("The model is not available"), Vec::<&str>::new());
    }

    #[test]
    fn suggests_by_case_and_by_near_miss() {
        assert_eq!(
            did_you_mean("Qwen3-Coder-Plus").map(|m| m.name),
            Some("qwen3-coder-plus")
        );
        assert_eq!(
            did_you_mean("bailian/minimax-m2.5").map(|m| m.name),
            Some("MiniMax-M2.5")
        );
        assert_eq!(
            did_you_mean("qwen3-coder-plsu").map(|m| m.name),
            Some("qwen3-coder-plus")
        );
        assert_eq!(
            did_you_mean("qwen3-coder-plus").map(|m| m.name),
            None,
            "exact names need no suggestion"
        );
        assert_eq!(
            did_you_mean("gpt-4o").map(|m| m.name),
            None,
            "unrelated names get none"
        );
        let en = crate::Catalog::english().wording(crate::Lang::En);
        let step = suggestion_step("Qwen3-Coder-Plus", |_| Masked::fixed("Qwen3-Coder-Plus"));
        assert!(step.is_some_and(|s| en.lead_step(&s).contains("case")));
        let step = larger_window_step("glm-5");
        assert!(step.is_some_and(|s| en.lead_step(&s).contains("qwen3")));
    }
}
