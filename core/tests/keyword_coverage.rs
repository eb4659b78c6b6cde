//! Every rule pattern is reachable from the rule's keywords. The engine runs a rule's patterns
//! only on lines where one of its keywords occurs (rules/README.md, "How matching works"), so a
//! pattern whose matches can hold none of them never fires — silently. From each pattern the
//! literals every match must start with (or end with) are extracted, as ripgrep does for its
//! line prefilter (regex-syntax's extractor); each must contain a keyword of the rule.

use llmdoctor_core::RULES;
use regex_syntax::hir::literal::{ExtractKind, Extractor};

/// The literals every match of `pattern` starts (or ends) with, when there is such a finite
/// set of literals of 4 bytes or more (shorter ones — a blank before `^[ \t]*401` — say nothing
/// useful: such a pattern is reached through a literal inside it, which this does not see).
fn literals(pattern: &str, kind: ExtractKind) -> Option<Vec<Vec<u8>>> {
    let hir = regex_syntax::ParserBuilder::new()
        .unicode(false)
        .utf8(false)
        .build()
        .parse(pattern)
        .ok()?;
    let seq = Extractor::new().kind(kind).extract(&hir);
    let lits = seq.literals()?;
    if lits.is_empty() || lits.iter().any(|l| l.as_bytes().len() < 4) {
        return None;
    }
    Some(lits.iter().map(|l| l.as_bytes().to_vec()).collect())
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn every_pattern_is_reachable_from_its_keywords() {
    let mut bad = Vec::new();
    let (mut checked, mut unchecked) = (0, 0);
    for r in RULES {
        for p in r.patterns {
            let covered = |lits: &[Vec<u8>]| {
                lits.iter()
                    .all(|l| r.keywords.iter().any(|k| contains(l, k.as_bytes())))
            };
            let prefix = literals(p, ExtractKind::Prefix);
            let suffix = literals(p, ExtractKind::Suffix);
            if prefix.is_none() && suffix.is_none() {
                unchecked += 1; // nothing every match must start or end with
                continue;
            }
            checked += 1;
            let ok = prefix.as_deref().is_some_and(covered) || suffix.as_deref().is_some_and(covered);
            if !ok {
                let lits: Vec<String> = prefix
                    .or(suffix)
                    .unwrap_or_default()
                    .iter()
                    .filter(|l| !r.keywords.iter().any(|k| contains(l, k.as_bytes())))
                    .take(3)
                    .map(|l| String::from_utf8_lossy(l).into_owned())
                    .collect();
                bad.push(format!(
                    "{}: rule `{}`: pattern '{p}' matches text holding none of its keywords (e.g. starting `{}`): add a keyword",
                    r.file,
                    r.id,
                    lits.join("`, `")
                ));
            }
        }
    }
    println!("{checked} patterns checked, {unchecked} not checkable by their ends");
    assert!(checked > unchecked, "the extraction found too little to check");
    assert!(bad.is_empty(), "{} unreachable patterns:\n{}", bad.len(), bad.join("\n"));
}
