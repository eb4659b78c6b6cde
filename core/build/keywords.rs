//! Keywords derived from rule patterns. The engine runs a rule's patterns only on lines holding
//! one of its keywords; a hand-written list that misses a variant (`invalid_access-token` of
//! `invalid[ _-]access[ _-]token`) makes that variant silently unreachable. So, as ripgrep
//! derives its line prefilter, each pattern's literal prefixes (or suffixes) — text every match
//! starts (ends) with — are extracted with regex-syntax, cut to a few bytes so that they stay
//! few, and added as keywords where no hand keyword already covers them.
//! core/tests/keyword_coverage.rs checks the result.

use regex_syntax::hir::literal::{ExtractKind, Extractor, Seq};

/// Literals shorter than this would wake the rule on too many lines; such a pattern keeps its
/// hand keywords only.
const MIN_LEN: usize = 4;
/// Literals are cut to this many bytes: `invalid api` covers all the separators after it.
const MAX_LEN: usize = 12;

fn extract(pattern: &str, kind: ExtractKind) -> Option<Vec<String>> {
    let hir = regex_syntax::ParserBuilder::new()
        .unicode(false)
        .utf8(false)
        .build()
        .parse(pattern)
        .ok()?;
    let mut seq: Seq = Extractor::new()
        .kind(kind)
        .limit_class(8)
        .limit_repeat(4)
        .limit_literal_len(MAX_LEN)
        .limit_total(64)
        .extract(&hir);
    seq.dedup();
    let lits = seq.literals()?;
    if lits.is_empty() || lits.iter().any(|l| l.as_bytes().len() < MIN_LEN) {
        return None;
    }
    lits.iter()
        .map(|l| String::from_utf8(l.as_bytes().to_vec()).ok())
        .collect()
}

/// The keywords to add so that every pattern of the rule is reachable: the literals of each
/// pattern that no given keyword lies inside.
pub fn derived(keywords: &[String], patterns: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let covered = |l: &str, extra: &[String]| {
        keywords.iter().chain(extra).any(|k| l.contains(k.as_str()))
    };
    for p in patterns {
        let Some(lits) = extract(p, ExtractKind::Prefix).or_else(|| extract(p, ExtractKind::Suffix))
        else {
            continue;
        };
        for l in lits {
            if !covered(&l, &out) {
                // A derived keyword inside another one covers both: keep the shortest.
                out.retain(|o| !o.contains(l.as_str()));
                out.push(l);
            }
        }
    }
    out
}
