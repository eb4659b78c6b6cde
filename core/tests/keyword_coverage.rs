//! Every rule pattern is reachable from the rule's keywords. The engine runs a rule's patterns
//! only on lines where one of its keywords occurs (rules/README.md, "How matching works"), so a
//! pattern whose matches can hold none of them never fires — silently. The build adds keywords
//! derived from the patterns' literals (core/build/keywords.rs); this checks the compiled rules:
//! for each pattern, its literal start, its literal end, or a literal part inside it must always
//! hold one of the rule's keywords (regex-syntax's literal extractor, as ripgrep uses for its
//! line prefilter). Patterns about which the literals tell nothing are counted, not checked.

#[path = "../build/keywords.rs"]
#[allow(dead_code)]
mod keywords;

use llmdoctor_core::RULES;

#[test]
fn every_pattern_is_reachable_from_its_keywords() {
    let mut bad = Vec::new();
    let (mut checked, mut unchecked) = (0, 0);
    for r in RULES {
        let kws: Vec<String> = r.keywords.iter().map(|k| k.to_string()).collect();
        for p in r.patterns {
            match keywords::reachable(&kws, p) {
                None => unchecked += 1,
                Some(true) => checked += 1,
                Some(false) => {
                    checked += 1;
                    bad.push(format!(
                        "{}: rule `{}`: pattern '{p}' can match text holding none of its keywords: add one",
                        r.file, r.id
                    ));
                }
            }
        }
    }
    println!("{checked} patterns checked, {unchecked} about which the literals tell nothing");
    assert!(
        checked > 10 * unchecked,
        "the literal analysis checks too little"
    );
    assert!(
        bad.is_empty(),
        "{} unreachable patterns:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

/// Without the derived keywords, the hand-written lists leave variants unreachable: the
/// analysis sees them (so the check above is not empty-handed).
#[test]
fn the_analysis_sees_an_unreachable_variant() {
    let kw = vec!["invalid access token".to_string()];
    assert_eq!(
        keywords::reachable(&kw, "invalid[ _-]access[ _-]token"),
        Some(false)
    );
    assert_eq!(keywords::reachable(&kw, "invalid access token"), Some(true));
    let kw = vec!["401".to_string()];
    assert_eq!(
        keywords::reachable(&kw, "(?:error|status)[ \\t:=]{0,6}401(?-u:\\b)"),
        Some(true),
        "a literal part inside covers it"
    );
    assert_eq!(keywords::reachable(&kw, "^[ \\t]*[a-z]+[ \\t]*$"), None);
    let more = keywords::derived(
        &["invalid access token".to_string()],
        &["invalid[ _-]access[ _-]token".to_string()],
    );
    assert!(
        !more.is_empty() && more.iter().all(|k| k.starts_with("invalid")),
        "{more:?}"
    );
}
