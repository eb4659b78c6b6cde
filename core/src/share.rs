//! A paste made safe to put in a share link: every key the engine finds (the same detection
//! that masks keys in reports, every occurrence of each) is replaced by a placeholder that
//! keeps only the key's kind, so the shared paste is diagnosed the same way and carries nothing
//! of the secret — no last four characters either.

use crate::secrets::{self, Masked, Redactor};

/// `text` with every key the engine finds (the same detection that masks keys in reports, every
/// occurrence of each) replaced by a placeholder of its kind.
pub fn redact_for_share(text: &str) -> Masked {
    let lower = text.to_ascii_lowercase();
    let mut keys = secrets::find(text, &lower);
    secrets::from_settings(text, &crate::config::read(text), &mut keys);
    Redactor::new(keys, false).with_placeholders(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secrets::placeholder::{placeholder, REDACTED};
    use crate::secrets::{anchor_of_kind, shapes::SHAPES};

    #[test]
    fn placeholders_keep_the_kind_and_are_no_keys() {
        for shape in SHAPES.iter().filter(|s| !s.anchor.is_empty()) {
            let p = placeholder(shape.kind);
            assert!(p.starts_with(anchor_of_kind(shape.kind)), "{p}");
            let found = crate::secrets::find(&p, &p.to_ascii_lowercase());
            assert!(
                found.iter().all(|s| s.placeholder),
                "{p} must read as a placeholder, not a key: {found:?}"
            );
        }
        assert_eq!(placeholder(crate::secrets::KeyKind::Unknown), REDACTED);
    }

    #[test]
    fn keys_become_placeholders_of_their_kind() {
        let text = "ANTHROPIC_AUTH_TOKEN=sk-sp-7d2c9e4f1a8b3c6d5e0f9a2b4c7d1e3f\n\
                    Incorrect API key provided: sk-sp-7d2c9e4f1a8b3c6d5e0f9a2b4c7d1e3f.\n\
                    Authorization: Bearer eyJhbGciOiJIUzI1NiJ9abc123def456\n\
                    placeholder stays: sk-xxxxxxxx";
        let got = redact_for_share(text);
        assert_eq!(
            got,
            "ANTHROPIC_AUTH_TOKEN=sk-sp-REDACTED-xxxx\n\
             Incorrect API key provided: sk-sp-REDACTED-xxxx.\n\
             Authorization: Bearer eyJREDACTED-xxxx\n\
             placeholder stays: sk-xxxxxxxx"
        );
    }

    #[test]
    fn half_masked_keys_lose_their_visible_ends() {
        let text = "Your key sk-proj-ab12************************wxyz is not valid.";
        assert_eq!(
            redact_for_share(text),
            "Your key sk-proj-REDACTED-xxxx is not valid."
        );
        let text = "Got sk-ab12************************wxyz back: not valid.";
        assert_eq!(redact_for_share(text), "Got sk-… back: not valid.");
        // After the word `key` it is read as a key (as below) and replaced like one.
        let text = "Your key sk-ab12************************wxyz is not valid.";
        assert_eq!(
            redact_for_share(text),
            "Your key sk-REDACTED-xxxx is not valid."
        );
        // Where a key field holds it, it is read as a key and replaced like one.
        let text = "Incorrect API key provided: sk-proj-ab12*****************wxyz. You can";
        assert_eq!(
            redact_for_share(text),
            "Incorrect API key provided: sk-proj-REDACTED-xxxx. You can"
        );
        // All stars is a placeholder already; prose and short tokens are left alone.
        for same in ["sk-****", "sk-learn ab**", "task-sk-ab1********xyz"] {
            assert_eq!(redact_for_share(same), same);
        }
    }
}
