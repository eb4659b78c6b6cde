//! The page's regex engine (core/src/re.rs: regex-automata's PikeVM called directly) against
//! the regex crate the CLI runs (`perf`): for every rule pattern, over every rule sample and
//! every corpus line that holds one of the rule's keywords (the lines the engine runs a rule's
//! patterns on), both compile or both refuse, and both find the same matches with the same
//! groups — as byte regexes (how rules run) and as `&str` regexes in Unicode mode.

use aho_corasick::AhoCorasick;
use llmdoctor_core::testing::{
    pike_regex, pike_rule_regex, REGEX_DFA_SIZE_LIMIT, REGEX_NEST_LIMIT, REGEX_SIZE_LIMIT,
};
use llmdoctor_core::RULES;
use std::path::Path;

include!(concat!(env!("OUT_DIR"), "/samples_gen.rs"));

/// Every line of the committed corpora, ASCII-lowercased as the scanner reads them.
fn corpus_lines() -> Vec<String> {
    fn walk(dir: &Path, out: &mut Vec<String>) {
        let Ok(rd) = std::fs::read_dir(dir) else {
            return;
        };
        let mut paths: Vec<_> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "txt" || x == "toml") {
                let text = String::from_utf8_lossy(&std::fs::read(&p).unwrap_or_default())
                    .to_ascii_lowercase();
                out.extend(text.lines().map(str::to_string));
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests");
    let mut out = Vec::new();
    for d in ["corpus", "realworld", "guides", "providers", "adversarial"] {
        walk(&root.join(d), &mut out);
    }
    out
}

type Groups = Vec<Vec<Option<(usize, usize)>>>;

fn meta_bytes(re: &regex::bytes::Regex, hay: &str) -> (Vec<(usize, usize)>, Groups) {
    let finds = re
        .find_iter(hay.as_bytes())
        .map(|m| (m.start(), m.end()))
        .collect();
    let groups = re
        .captures_iter(hay.as_bytes())
        .map(|c| {
            (0..re.captures_len())
                .map(|i| c.get(i).map(|m| (m.start(), m.end())))
                .collect()
        })
        .collect();
    (finds, groups)
}

fn pike_bytes(
    re: &llmdoctor_core::testing::pike::bytes::Regex,
    hay: &str,
) -> (Vec<(usize, usize)>, Groups) {
    let finds = re
        .find_iter(hay.as_bytes())
        .map(|m| (m.start(), m.end()))
        .collect();
    let groups = re
        .captures_iter(hay.as_bytes())
        .map(|c| {
            (0..re.captures_len())
                .map(|i| c.get(i).map(|m| (m.start(), m.end())))
                .collect()
        })
        .collect();
    (finds, groups)
}

fn meta_str(re: &regex::Regex, hay: &str) -> Vec<Vec<Option<(usize, usize, String)>>> {
    re.captures_iter(hay)
        .map(|c| {
            (0..re.captures_len())
                .map(|i| {
                    c.get(i)
                        .map(|m| (m.start(), m.end(), m.as_str().to_string()))
                })
                .collect()
        })
        .collect()
}

fn pike_str(
    re: &llmdoctor_core::testing::pike::Regex,
    hay: &str,
    groups: usize,
) -> Vec<Vec<Option<(usize, usize, String)>>> {
    re.captures_iter(hay)
        .map(|c| {
            (0..groups)
                .map(|i| {
                    c.get(i)
                        .map(|m| (m.start(), m.end(), m.as_str().to_string()))
                })
                .collect()
        })
        .collect()
}

#[test]
fn the_pages_pikevm_matches_as_the_regex_crate_on_every_rule_pattern() {
    let lines = corpus_lines();
    assert!(
        lines.len() > 10_000,
        "the corpora are read: {} lines",
        lines.len()
    );
    let samples: Vec<String> = SAMPLES
        .iter()
        .map(|&(_, t, _)| t.to_ascii_lowercase())
        .collect();

    // Which corpus lines name which rule (its keywords, as the scanner finds candidates).
    let mut keywords: Vec<String> = Vec::new();
    let mut owner: Vec<usize> = Vec::new();
    for (i, r) in RULES.iter().enumerate() {
        for k in r.keywords {
            keywords.push(k.to_ascii_lowercase());
            owner.push(i);
        }
    }
    let ac = AhoCorasick::new(&keywords).expect("keywords build an automaton");
    let mut lines_of: Vec<Vec<usize>> = vec![Vec::new(); RULES.len()];
    for (n, line) in lines.iter().enumerate() {
        let mut rules: Vec<usize> = ac
            .find_overlapping_iter(line)
            .map(|m| owner[m.pattern().as_usize()])
            .collect();
        rules.sort_unstable();
        rules.dedup();
        for r in rules {
            lines_of[r].push(n);
        }
    }

    let mut compared = 0usize;
    let mut matched = 0usize;
    let mut failures: Vec<String> = Vec::new();
    for (i, r) in RULES.iter().enumerate() {
        let hays: Vec<&str> = samples
            .iter()
            .map(String::as_str)
            .chain(lines_of[i].iter().map(|&n| lines[n].as_str()))
            .collect();
        for &p in r.patterns {
            // As byte regexes: how rule patterns run.
            let meta = regex::bytes::RegexBuilder::new(p)
                .unicode(false)
                .size_limit(REGEX_SIZE_LIMIT)
                .dfa_size_limit(REGEX_DFA_SIZE_LIMIT)
                .nest_limit(REGEX_NEST_LIMIT)
                .build();
            let pike = pike_rule_regex(p);
            match (&meta, &pike) {
                (Ok(meta), Ok(pike)) => {
                    if meta.captures_len() != pike.captures_len() {
                        failures.push(format!("{}: `{p}`: group counts differ", r.id));
                        continue;
                    }
                    for hay in &hays {
                        let (a, b) = (meta_bytes(meta, hay), pike_bytes(pike, hay));
                        compared += 1;
                        matched += usize::from(!a.0.is_empty());
                        if a != b {
                            failures.push(format!(
                                "{}: `{p}` on {hay:?}:\n  regex {a:?}\n  pike  {b:?}",
                                r.id
                            ));
                        }
                    }
                }
                (Err(_), Err(_)) => {}
                _ => failures.push(format!(
                    "{}: `{p}`: one engine compiles it, the other does not ({:?} / {:?})",
                    r.id,
                    meta.as_ref().err().map(ToString::to_string),
                    pike.as_ref().err().map(ToString::to_string)
                )),
            }
            // As `&str` regexes in Unicode mode (how the engine's fixed regexes run).
            let meta = regex::RegexBuilder::new(p)
                .size_limit(REGEX_SIZE_LIMIT)
                .dfa_size_limit(REGEX_DFA_SIZE_LIMIT)
                .nest_limit(REGEX_NEST_LIMIT)
                .build();
            let pike = pike_regex(p);
            match (&meta, &pike) {
                (Ok(meta), Ok(pike)) => {
                    for hay in &hays {
                        let a = meta_str(meta, hay);
                        let b = pike_str(pike, hay, meta.captures_len());
                        compared += 1;
                        if a != b {
                            failures.push(format!(
                                "{}: `{p}` (Unicode) on {hay:?}:\n  regex {a:?}\n  pike  {b:?}",
                                r.id
                            ));
                        }
                    }
                }
                (Err(_), Err(_)) => {}
                _ => failures.push(format!(
                    "{}: `{p}` (Unicode): one engine compiles it, the other does not",
                    r.id
                )),
            }
        }
    }
    failures.truncate(20);
    assert!(
        failures.is_empty(),
        "the engines differ:\n{}",
        failures.join("\n")
    );
    assert!(
        compared > 1_000_000 && matched > 10_000,
        "too few comparisons to mean anything: {compared} ({matched} with matches)"
    );
}

#[test]
fn limits_refuse_the_same_patterns_on_both_engines() {
    let big = "(?:[a-z0-9_]{40}){1000}";
    let deep = format!("{}a{}", "(?:".repeat(100), ")".repeat(100));
    for p in [big, deep.as_str()] {
        assert!(pike_rule_regex(p).is_err() && pike_regex(p).is_err(), "{p}");
        assert!(regex::bytes::RegexBuilder::new(p)
            .unicode(false)
            .size_limit(REGEX_SIZE_LIMIT)
            .nest_limit(REGEX_NEST_LIMIT)
            .build()
            .is_err());
    }
}
