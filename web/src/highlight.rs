//! The evidence highlight: the engine hands each evidence its line, already masked and cut
//! (`Evidence::context`), with the match's position in characters. Here it is only split.

use llmdoctor_core::report::Context;

/// `(before, match, after)` of a context line; out-of-range positions are clamped.
pub fn split(c: &Context) -> (&str, &str, &str) {
    let byte = |chars: usize| {
        c.text
            .char_indices()
            .nth(chars)
            .map_or(c.text.len(), |(i, _)| i)
    };
    let from = byte(c.from);
    let to = byte(c.to.max(c.from));
    (&c.text[..from], &c.text[from..to], &c.text[to..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use llmdoctor_core::{diagnose, Options};

    #[test]
    fn splits_on_characters() {
        let c = Context {
            text: llmdoctor_core::Masked::fixed("…中文 boom 尾"),
            from: 4,
            to: 8,
        };
        assert_eq!(split(&c), ("…中文 ", "boom", " 尾"));
        let c = Context {
            text: llmdoctor_core::Masked::fixed("ab"),
            from: 5,
            to: 9,
        };
        assert_eq!(split(&c), ("ab", "", ""));
    }

    #[test]
    fn engine_context_is_masked() {
        let text = "ANTHROPIC_AUTH_TOKEN=sk-sp-7f3c9a1e5b2d4f8a6c0e3b9d7a1f5c2e API Error: 429 week allocated quota exceeded";
        let report = diagnose(text, &Options::default());
        let evidence: Vec<_> = report
            .diagnoses
            .iter()
            .flat_map(|d| d.evidence.iter())
            .collect();
        assert!(!evidence.is_empty());
        for ev in evidence {
            let (before, m, after) = split(&ev.context);
            let line = format!("{before}{m}{after}");
            assert!(!line.contains("7f3c9a1e5b2d4f8a6c0e3b9d7a1f"), "{line}");
        }
    }
}
