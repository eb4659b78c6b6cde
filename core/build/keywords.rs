//! Keywords derived from rule patterns. The engine runs a rule's patterns only on lines holding
//! one of its keywords; a hand-written list that misses a variant (`invalid_access-token` of
//! `invalid[ _-]access[ _-]token`) makes that variant silently unreachable. So, as ripgrep
//! derives its line prefilter, each pattern's literal prefixes (or suffixes) — text every match
//! starts (ends) with — are extracted with regex-syntax, cut to a few bytes so that they stay
//! few, and added as keywords where no hand keyword already covers them.
//! core/tests/keyword_coverage.rs checks the result.

use regex_syntax::hir::literal::{ExtractKind, Extractor, Seq};
use regex_syntax::hir::{Hir, HirKind};

/// Literals shorter than this would wake the rule on too many lines; such a pattern keeps its
/// hand keywords only.
const MIN_LEN: usize = 4;
/// Words on most lines of a log or a traceback: a pattern end made of these would wake its
/// rule nearly everywhere, so the other end is taken when it has none.
const COMMON: &[&str] = &[
    "error",
    " error",
    "errors",
    "exception",
    "failed",
    "fail",
    "warning",
    "request",
    "错误",
    "失败",
    "报错",
];
/// Literals are cut to this many bytes: long enough that a cut literal stays selective
/// (`/chat/completions/` of a doubled path, not `/chat/comple` of every log line).
const MAX_LEN: usize = 20;

fn parse(pattern: &str) -> Option<Hir> {
    regex_syntax::ParserBuilder::new()
        .unicode(false)
        .utf8(false)
        .build()
        .parse(pattern)
        .ok()
}

/// Whether every match of `hir` holds a keyword inside it: some part of its top-level
/// concatenation (`401` in `…[ \t:=]{0,6}401(?-u:\b)`, or `(?:authentication|unauthorized)`)
/// always starts with text that contains a keyword.
fn covered_within(hir: &Hir, keywords: &[String]) -> bool {
    let parts: Vec<Hir> = match hir.kind() {
        HirKind::Capture(c) => return covered_within(&c.sub, keywords),
        HirKind::Concat(parts) => parts.clone(),
        _ => vec![hir.clone()],
    };
    // From every position of the concatenation, the literals that must follow there
    // (`40[13]` reads `401`, `403`): if all of them hold a keyword, every match does.
    (0..parts.len()).any(|i| {
        let seq = Extractor::new()
            .kind(ExtractKind::Prefix)
            .limit_class(8)
            .limit_total(64)
            .extract(&Hir::concat(parts[i..].to_vec()));
        seq.literals().is_some_and(|lits| {
            !lits.is_empty()
                && lits.iter().all(|l| {
                    keywords
                        .iter()
                        .any(|k| l.as_bytes().windows(k.len()).any(|w| w == k.as_bytes()))
                })
        })
    })
}

fn extract(pattern: &str, kind: ExtractKind) -> Option<Vec<String>> {
    let hir = parse(pattern)?;
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

/// Whether every match of `pattern` holds one of `keywords`, as far as its literals tell:
/// `Some(true)` when its literal start, its literal end, or a part inside it always holds one;
/// `Some(false)` when its ends are known literals and none of that holds; `None` when nothing
/// about it is known (it starts and ends with classes and holds no literal part).
pub fn reachable(keywords: &[String], pattern: &str) -> Option<bool> {
    let covered = |v: &[String]| {
        v.iter()
            .all(|l| keywords.iter().any(|k| l.contains(k.as_str())))
    };
    if parse(pattern).is_some_and(|h| covered_within(&h, keywords)) {
        return Some(true);
    }
    let (prefix, suffix) = (
        extract(pattern, ExtractKind::Prefix),
        extract(pattern, ExtractKind::Suffix),
    );
    if prefix.is_none() && suffix.is_none() {
        return None;
    }
    Some(prefix.as_deref().is_some_and(covered) || suffix.as_deref().is_some_and(covered))
}

/// The keywords to add so that every pattern of the rule is reachable: the literals of one end
/// of each pattern that is not, where no keyword lies inside them.
pub fn derived(keywords: &[String], patterns: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in patterns {
        let known: Vec<String> = keywords.iter().chain(&out).cloned().collect();
        if reachable(&known, p) != Some(false) {
            continue;
        }
        let (prefix, suffix) = (
            extract(p, ExtractKind::Prefix),
            extract(p, ExtractKind::Suffix),
        );
        // Of the two ends, the one whose literals are fewer and longer wakes fewer lines; one
        // holding a word of every log line (`error`) wakes on nearly all of them.
        let score = |v: &Vec<String>| {
            if v.iter().any(|l| COMMON.contains(&l.as_str())) {
                return 0;
            }
            v.iter().map(|l| l.len()).min().unwrap_or(0) * 100 / v.len().max(1)
        };
        let Some(lits) = (match (prefix, suffix) {
            (Some(a), Some(b)) => Some(if score(&b) > score(&a) { b } else { a }),
            (a, b) => a.or(b),
        }) else {
            continue;
        };
        for l in lits {
            if !known.iter().chain(&out).any(|k| l.contains(k.as_str())) {
                // A derived keyword inside another one covers both: keep the shortest.
                out.retain(|o| !o.contains(l.as_str()));
                out.push(l);
            }
        }
    }
    out
}
