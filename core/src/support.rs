//! The support bundle from the site-url-gateway guide ("What to collect before contacting
//! support"): time, tool and version, a key identifier (never the key), model, key parameters,
//! the full error — built from the already-redacted report, ready to copy.

use crate::config;
use crate::re::Regex;
use crate::report::Report;
use crate::secrets::Masked;
use crate::texts::Catalog;
use crate::time::{format_rfc3339, Instant};
use crate::vocabulary::Lang;
use std::fmt::Write as _;
use std::sync::OnceLock;

/// Parameters worth telling support about, by their last path segment.
const PARAMS: &[&str] = &[
    "temperature",
    "top_p",
    "max_tokens",
    "max_completion_tokens",
    "stream",
    "enable_thinking",
    "n",
    "presence_penalty",
    "seed",
];

fn version_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        crate::regex_limits::bounded_regex(r"(?:claude code|claude-code|codex(?:-cli)?|qwen code|qwen-code|openclaw|cline|openai|anthropic|dashscope|litellm)[ /@v]{1,3}v?([0-9]+\.[0-9]+(?:\.[0-9]+)?)")
            .unwrap_or_else(|e| panic!("version regex: {e}"))
    })
}

/// The bundle as plain text. `text` is the paste; only masked or non-secret parts of it are
/// copied (error lines come from the report's evidence contexts, already masked).
/// The first diagnosis is named by its title in `lang` from `catalog`.
pub fn bundle(
    text: &str,
    report: &Report,
    catalog: &Catalog,
    now: Option<Instant>,
    lang: Lang,
) -> Masked {
    use crate::labels::support::{word, Word};
    let mut out = String::new();
    let wording = catalog.wording(lang);
    let label = |w: Word| word(&wording, w);
    let _ = writeln!(out, "{}", label(Word::Heading));
    let when = now.map_or_else(
        || label(Word::Unknown).to_string(),
        |t| format_rfc3339(t, 0),
    );
    let _ = writeln!(out, "- {}: {when}", label(Word::Time));

    let facts = &report.facts;
    let tools: Vec<String> = facts.tools.iter().map(|t| t.as_str().to_string()).collect();
    let lower = text.to_ascii_lowercase();
    let versions: Vec<String> = version_regex()
        .captures_iter(&lower)
        .filter_map(|c| {
            Some(format!(
                "{} {}",
                c.get(0)?.as_str().split([' ', '/', '@']).next()?,
                c.get(1)?.as_str()
            ))
        })
        .take(3)
        .collect();
    let tool_line = match (tools.is_empty(), versions.is_empty()) {
        (true, true) => label(Word::NoTool).to_string(),
        _ => [tools.join(", "), versions.join(", ")]
            .iter()
            .filter(|s| !s.is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join("; "),
    };
    let _ = writeln!(
        out,
        "- {}: {}",
        label(Word::ToolAndVersion),
        one_line(&tool_line)
    );

    let endpoints: Vec<String> = facts
        .endpoints
        .iter()
        .map(|e| e.url.to_string())
        .take(4)
        .collect();
    if !endpoints.is_empty() {
        let _ = writeln!(
            out,
            "- {}: {}",
            label(Word::Endpoint),
            one_line(&endpoints.join(", "))
        );
    }
    let keys: Vec<String> = facts
        .keys
        .iter()
        .map(|k| format!("{} ({})", k.masked, k.kind))
        .collect();
    let mut keys_dedup = keys.clone();
    keys_dedup.dedup();
    let key_line = if keys_dedup.is_empty() {
        label(Word::NoKey).to_string()
    } else {
        keys_dedup.join(", ")
    };
    let _ = writeln!(out, "- {}: {}", label(Word::KeyId), one_line(&key_line));

    let cfg = config::read(text);
    let model = cfg
        .settings
        .iter()
        .find(|s| {
            matches!(
                s.name(),
                "model" | "ANTHROPIC_MODEL" | "OPENAI_MODEL" | "primary"
            )
        })
        .map(|s| one_line(&report.slice(text, s.value_span.0, s.value_span.1)));
    let _ = writeln!(
        out,
        "- {}: {}",
        label(Word::Model),
        model.unwrap_or_else(|| label(Word::NotInPaste).to_string())
    );
    let params: Vec<String> = cfg
        .settings
        .iter()
        .filter(|s| PARAMS.contains(&s.name()))
        .map(|s| {
            let (a, b) = s.value_span;
            format!(
                "{}={}",
                one_line(&report.mask(s.name(), text)),
                one_line(&report.slice(text, a, b))
            )
        })
        .take(12)
        .collect();
    if !params.is_empty() {
        let _ = writeln!(out, "- {}: {}", label(Word::Parameters), params.join(", "));
    }

    let _ = writeln!(out, "- {}:", label(Word::Error));
    let mut lines: Vec<(usize, &str)> = report
        .diagnoses
        .iter()
        .flat_map(|d| d.evidence.iter().map(|e| (e.line, e.context.text.as_str())))
        .collect();
    crate::order::sort_by_key(&mut lines, |l| (l.0 as u64, 0, 0));
    lines.dedup_by_key(|l| l.0);
    if lines.is_empty() {
        let _ = writeln!(out, "  {}", label(Word::NoErrorLine));
    }
    out.push_str("  ```\n");
    for (_, l) in lines.iter().take(12) {
        // A line of the paste cannot close the fence or add a field.
        let _ = writeln!(out, "  {}", one_line(&l.replace("```", "'''")));
    }
    out.push_str("  ```\n");
    if let Some(d) = report.diagnoses.first() {
        let _ = writeln!(
            out,
            "- {}: {} ({}, {})",
            label(Word::Diagnosis),
            catalog.text_of(lang, d.rule).title,
            d.rule,
            d.category.as_str()
        );
    }
    // Everything above came masked or from fixed words; scrubbed once more as a whole, and
    // printable only: the bundle is posted in public threads and pasted into terminals.
    // `printable` writes out control characters and bidi overrides; the invisible characters
    // it keeps (zero-width, line separators, tags) are written out here, the text masked again.
    let masked = report.mask(&out, text);
    report.mask(&visible(&masked), text).printable()
}

/// `s` on one line: line breaks inside a field written as `\n`.
fn one_line(s: &str) -> String {
    s.trim_end_matches(['\n', '\r'])
        .replace("\r\n", "\\n")
        .replace('\n', "\\n")
}

/// Characters that print as nothing or move text around without being control characters:
/// zero-width ones and joiners, bidi marks, line and paragraph separators, the BOM, soft
/// hyphens, fillers, interlinear annotations, tags.
fn invisible(c: char) -> bool {
    matches!(c,
        '\u{ad}' | '\u{34f}' | '\u{61c}' | '\u{115f}' | '\u{1160}' | '\u{17b4}' | '\u{17b5}'
        | '\u{180b}'..='\u{180f}' | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}'
        | '\u{2060}'..='\u{206f}' | '\u{3164}' | '\u{feff}'
        | '\u{ffa0}' | '\u{fff9}'..='\u{fffb}' | '\u{e0000}'..='\u{e0fff}')
}

/// `s` with every [`invisible`] character written as `\u{…}`, the notation of `printable`.
fn visible(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if invisible(c) && !crate::secrets::needs_escape(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::{diagnose, Catalog, Options};

    #[test]
    fn bundle_has_every_item_and_no_key() {
        let key = "sk-sp-4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c";
        let text = format!("$ claude --version\n2.1.3 (Claude Code)\n{{\"env\": {{\"ANTHROPIC_AUTH_TOKEN\": \"{key}\", \"ANTHROPIC_BASE_URL\": \"https://coding.dashscope.aliyuncs.com/apps/anthropic\", \"ANTHROPIC_MODEL\": \"qwen3.5-plus\"}}}}\nAPI Error: 429 week allocated quota exceeded for {key}\n");
        let opts = Options {
            now: crate::parse_rfc3339("2026-11-22T03:20:00Z"),
            ..Options::default()
        };
        let r = diagnose(&text, &opts);
        let b = super::bundle(&text, &r, Catalog::embedded(), opts.now, opts.lang);
        assert!(!b.contains(key) && !b.contains(&key[8..28]), "{b}");
        for want in [
            "2026-11-22T03:20:00Z",
            "claude-code",
            "sk-sp-…6b5c (plan)",
            "qwen3.5-plus",
            "week allocated quota exceeded",
            "coding-plan-week-quota",
            "coding.dashscope.aliyuncs.com",
        ] {
            assert!(b.contains(want), "bundle lacks {want}:\n{b}");
        }
    }
    #[test]
    fn bundle_holds_printable_text_only() {
        let nasty = "\u{1b}[2J\u{1b}]0;pwned\u{7}\r\u{7f}\u{85}\u{9b}\u{202e}\u{2066}\u{200b}\u{2028}\u{61c}\u{feff}\u{e0041}";
        let text = format!(
            "$ claude --version{nasty}\n2.1.3 (Claude Code)\n\
             {{\"env\": {{\"ANTHROPIC_BASE_URL\": \"https://coding.dashscope.aliyuncs.com/apps/anthropic{nasty}\"}}}}\n\
             model = \"\"\"qwen\n- Key identifier: forged\"\"\"\n\
             API Error: 429 week allocated quota exceeded {nasty} ``` done\n"
        );
        let opts = Options {
            now: crate::parse_rfc3339("2026-11-22T03:20:00Z"),
            ..Options::default()
        };
        let r = diagnose(&text, &opts);
        for lang in [crate::Lang::En, crate::Lang::Zh] {
            let b = super::bundle(&text, &r, Catalog::embedded(), opts.now, lang);
            let key_id = crate::labels::support::word(
                &Catalog::embedded().wording(lang),
                crate::labels::support::Word::KeyId,
            );
            let bad: Vec<char> = b
                .chars()
                .filter(|&c| (c.is_control() && c != '\n') || super::invisible(c))
                .collect();
            assert!(bad.is_empty(), "unprintable {bad:?} in:\n{b}");
            assert!(b.contains("\\x1b[2J") && b.contains("\\u{202e}"), "{b}");
            assert!(b.contains("week allocated quota exceeded"), "{b}");
            // One field per line: a line break in a value cannot forge another.
            let fields = b
                .lines()
                .filter(|l| l.starts_with(&format!("- {}", key_id)));
            assert_eq!(fields.count(), 1, "{b}");
            assert!(b.contains("qwen\\n- Key identifier: forged"), "{b}");
            // Only the bundle's own fence.
            assert_eq!(b.matches("```").count(), 2, "{b}");
        }
    }
}
