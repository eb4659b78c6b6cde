// Explicit bounds on every regex the engine compiles. Shared, by `include!`, by the library
// (core/src/scan.rs and the fixed regexes) and by core/build.rs, which compiles every rule
// pattern with these same limits: a pattern over them stops the build instead of being dropped
// at run time. The regex crate's matching is linear in the haystack whatever the pattern (no
// backtracking); these limits bound what a pattern may cost in memory.
//
// (No `//!` here: the file is included into build.rs as well as compiled as a module.)

/// Largest compiled program (NFA) of one pattern, in bytes. The biggest rule pattern compiles
/// to a small fraction of it (rule patterns are byte regexes); the crate's default is 10 MiB.
pub const REGEX_SIZE_LIMIT: usize = 1 << 20;

/// Cache of one pattern's lazy DFA (CLI build, `perf`), in bytes; when full it is cleared and
/// matching goes on (or falls back to the NFA), still linear. The crate's default is 2 MiB.
pub const REGEX_DFA_SIZE_LIMIT: usize = 1 << 20;

/// Deepest nesting of groups and repetitions a pattern may have (the crate's default is 250).
pub const REGEX_NEST_LIMIT: u32 = 64;

const LIMITS: crate::re::Limits = crate::re::Limits {
    size: REGEX_SIZE_LIMIT,
    nest: REGEX_NEST_LIMIT,
};

/// Compiles `pattern` under the limits above, a `&str` regex in Unicode mode: the regex crate's
/// `Regex` with `regex-crate` (`perf`), the PikeVM otherwise (core/src/re.rs).
pub(crate) fn bounded_regex(pattern: &str) -> Result<crate::re::Regex, crate::re::Error> {
    #[cfg(feature = "regex-crate")]
    return regex::RegexBuilder::new(pattern)
        .size_limit(REGEX_SIZE_LIMIT)
        .dfa_size_limit(REGEX_DFA_SIZE_LIMIT)
        .nest_limit(REGEX_NEST_LIMIT)
        .build();
    #[cfg(not(feature = "regex-crate"))]
    return pike_regex(pattern);
}

/// Compiles a rule's `pattern` under the limits above, as a byte regex without Unicode mode:
/// `[^\n]` and `.` are one byte, not one character, so a bounded gap such as `[^\n]{0,300}` is
/// 300 byte states instead of 300 copies of a UTF-8 automaton. That halves what compiling the
/// rules costs (the page compiles a rule's patterns when a paste first names it). Non-ASCII
/// literals still match their UTF-8 bytes; a non-ASCII character inside a class is refused
/// (write `(?::|：)`, not `[:：]`). Matches may end inside a character: the scanner widens
/// them to character boundaries. The regex crate's `bytes::Regex` with `regex-crate` (`perf`), the PikeVM
/// otherwise.
pub(crate) fn bounded_rule_regex(
    pattern: &str,
) -> Result<crate::re::bytes::Regex, crate::re::Error> {
    #[cfg(feature = "regex-crate")]
    return regex::bytes::RegexBuilder::new(pattern)
        .unicode(false)
        .size_limit(REGEX_SIZE_LIMIT)
        .dfa_size_limit(REGEX_DFA_SIZE_LIMIT)
        .nest_limit(REGEX_NEST_LIMIT)
        .build();
    #[cfg(not(feature = "regex-crate"))]
    return pike_rule_regex(pattern);
}

/// `bounded_regex` on the page's engine, whatever the features (core/tests/regex_engines.rs
/// compares the two engines).
pub fn pike_regex(pattern: &str) -> Result<crate::re::pike::Regex, crate::re::pike::Error> {
    crate::re::pike::Regex::new(pattern, LIMITS)
}

/// `bounded_rule_regex` on the page's engine, whatever the features.
pub fn pike_rule_regex(
    pattern: &str,
) -> Result<crate::re::pike::bytes::Regex, crate::re::pike::Error> {
    crate::re::pike::bytes::Regex::new(pattern, LIMITS)
}

#[cfg(test)]
mod tests {
    use super::{bounded_regex, bounded_rule_regex};

    #[test]
    fn limits_refuse_what_the_defaults_allow() {
        let big = "(?:[a-z0-9_]{40}){1000}";
        assert!(
            regex::Regex::new(big).is_ok(),
            "the crate's defaults allow it"
        );
        assert!(bounded_regex(big).is_err(), "over the program size limit");
        let deep = format!("{}a{}", "(?:".repeat(100), ")".repeat(100));
        assert!(regex::Regex::new(&deep).is_ok());
        assert!(bounded_regex(&deep).is_err(), "over the nesting limit");
        assert!(bounded_regex("week allocated quota exceeded").is_ok());
    }

    #[test]
    fn rule_regexes_are_bytewise_and_keep_non_ascii_literals() {
        let re = bounded_rule_regex("a[^\\n]{2}b").expect("compiles");
        // Two bytes, not two characters: `é` is two bytes, `éé` four.
        assert!(re.find_iter("aéb".as_bytes()).next().is_some());
        assert!(re.find_iter("aééb".as_bytes()).next().is_none());
        let cjk = bounded_rule_regex("无可用渠道").expect("compiles");
        assert!(cjk
            .find_iter("分组 default 下对于模型 x 无可用渠道".as_bytes())
            .next()
            .is_some());
        assert!(
            bounded_rule_regex("[:：]").is_err(),
            "a non-ASCII class member"
        );
        assert!(bounded_rule_regex("(?::|：)x").is_ok());
        let big = "(?:[a-z0-9_]{40}){1000}";
        assert!(bounded_rule_regex(big).is_err(), "the same size limit");
    }
}
