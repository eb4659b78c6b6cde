//! One pass over the paste. An Aho-Corasick automaton of every rule keyword and every fact
//! marker finds candidate lines; only there do the rules' own regexes run, once per (rule, line).
//! Work is linear in the input: each line is scanned at most once per rule that names it.

use crate::facts::{self, Facts, DNS_MARKERS, STATUS_MARKERS};
use crate::keywords::Keywords;
use crate::re::bytes::Regex;
use crate::secrets;
use crate::vocabulary::{HOSTS, RULES, TOOL_MARKERS};
use std::sync::OnceLock;

/// Evidence kept per rule; the rest is counted.
pub const MAX_EVIDENCE: usize = 5;

#[derive(Clone, Copy)]
enum Target {
    Rule(usize),
    Tool(crate::tool::Tool),
    Host(usize),
    Url,
    Status,
    Dns,
}

struct Automaton {
    ac: Keywords,
    targets: Vec<Vec<Target>>,
    /// Per rule, its patterns as indexes into `regexes`: rules share many patterns (the `401`
    /// status pattern is in eight), and each distinct one is compiled once, when first needed.
    patterns: Vec<Vec<usize>>,
    regexes: Vec<OnceLock<Option<Regex>>>,
}

/// Builds the keyword automaton now rather than on the first scan (the page does this while it
/// waits for the user's first paste: ~5.6 M instructions natively, core/examples/cold_start.rs).
pub fn warm() {
    let _ = automaton();
}

fn automaton() -> &'static Automaton {
    static A: OnceLock<Automaton> = OnceLock::new();
    A.get_or_init(|| {
        let mut literals: Vec<String> = Vec::new();
        let mut targets: Vec<Vec<Target>> = Vec::new();
        let mut index: std::collections::BTreeMap<String, usize> = Default::default();
        let mut add = |lit: &str, t: Target| {
            let lit = lit.to_ascii_lowercase();
            match index.get(&lit) {
                Some(&i) => targets[i].push(t),
                None => {
                    index.insert(lit.clone(), literals.len());
                    literals.push(lit);
                    targets.push(vec![t]);
                }
            }
        };
        for (i, r) in RULES.iter().enumerate() {
            for k in r.keywords {
                add(k, Target::Rule(i));
            }
        }
        for (m, tool) in TOOL_MARKERS {
            add(m, Target::Tool(*tool));
        }
        for (i, h) in HOSTS.iter().enumerate() {
            add(h.host, Target::Host(i));
        }
        add("http://", Target::Url);
        add("https://", Target::Url);
        for m in STATUS_MARKERS {
            add(m, Target::Status);
        }
        for m in DNS_MARKERS {
            add(m, Target::Dns);
        }
        let ac = Keywords::new(&literals);
        let mut distinct: std::collections::BTreeMap<&str, usize> = Default::default();
        let patterns = RULES
            .iter()
            .map(|r| {
                let ids = r.patterns.iter().map(|&p| {
                    let next = distinct.len();
                    *distinct.entry(p).or_insert(next)
                });
                ids.collect()
            })
            .collect();
        let regexes = distinct.keys().map(|_| OnceLock::new()).collect();
        Automaton {
            ac,
            targets,
            patterns,
            regexes,
        }
    })
}

/// Rule `i`'s compiled patterns.
fn rule_regexes(i: usize) -> impl Iterator<Item = &'static Regex> {
    let a = automaton();
    a.patterns[i]
        .iter()
        .zip(RULES[i].patterns)
        .filter_map(|(&k, p)| {
            // build.rs compiled every pattern with the same regex features and limits: they compile.
            let re = a.regexes[k].get_or_init(|| crate::regex_limits::bounded_rule_regex(p).ok());
            re.as_ref()
        })
}

/// What one rule matched.
#[derive(Debug, Default, Clone)]
pub struct Hit {
    pub spans: Vec<(usize, usize)>,
    pub count: usize,
}

pub struct Scan {
    pub hits: Vec<Option<Hit>>,
    pub facts: Facts,
}

/// Scans `text` (`lower` is its ASCII-lowercased copy: same byte offsets).
pub fn scan(text: &str, lower: &str) -> Scan {
    let mut s = Scanner::new();
    s.feed(text, lower, 0, text.len());
    s.finish(text)
}

/// The scan in pieces, for callers that must not block: [`Scanner::feed`] consecutive ranges
/// that end at line ends (or the text's end), then [`Scanner::finish`]. No keyword holds a line
/// break, so no match crosses a piece boundary and the result equals one [`scan`].
pub(crate) struct Scanner {
    hits: Vec<Option<Hit>>,
    rule_done_at: Vec<usize>,
    facts: Facts,
    secrets: secrets::Finder,
    line: Option<(usize, usize)>,
    status_done: usize,
    dns_done: usize,
    url_until: usize,
}

impl Default for Scanner {
    fn default() -> Self {
        Scanner::new()
    }
}

impl Scanner {
    pub(crate) fn new() -> Scanner {
        Scanner {
            hits: vec![None; RULES.len()],
            rule_done_at: vec![usize::MAX; RULES.len()],
            facts: Facts::default(),
            secrets: secrets::Finder::default(),
            line: None,
            status_done: usize::MAX,
            dns_done: usize::MAX,
            url_until: 0,
        }
    }

    /// Scans `from..to` of `text`; `lower` must be lowercased at least up to `to`.
    pub(crate) fn feed(&mut self, text: &str, lower: &str, from: usize, to: usize) {
        self.secrets.feed(text, lower, to);
        let a = automaton();
        let bytes = lower.as_bytes();
        let Some(piece) = bytes.get(from..to) else {
            return;
        };
        let Scanner {
            hits,
            rule_done_at,
            facts,
            secrets: _,
            line,
            status_done,
            dns_done,
            url_until,
        } = self;
        for m in a.ac.overlapping(piece) {
            let m = crate::keywords::Match {
                pattern: m.pattern,
                start: m.start + from,
                end: m.end + from,
            };
            let pos = m.start;
            let (ls, le) = match *line {
                Some((ls, le)) if pos >= ls && pos < le => (ls, le),
                _ => {
                    let back = match *line {
                        Some((_, le)) if pos >= le => le,
                        _ => 0,
                    };
                    let ls = last_newline(&bytes[back..pos]).map_or(back, |i| back + i + 1);
                    let le = first_newline(&bytes[pos..]).map_or(bytes.len(), |i| pos + i);
                    *line = Some((ls, le));
                    (ls, le)
                }
            };
            for t in &a.targets[m.pattern] {
                match *t {
                    Target::Rule(i) => {
                        if rule_done_at[i] == ls {
                            continue;
                        }
                        rule_done_at[i] = ls;
                        match_rule(i, lower, ls, le, &mut hits[i]);
                    }
                    Target::Tool(tool) => {
                        if word_bounded(bytes, pos, m.end) {
                            facts.tools.insert(tool);
                        }
                    }
                    Target::Host(i) => {
                        let h = HOSTS[i].host;
                        let starts_ok =
                            h.starts_with('.') || pos == 0 || !is_host_byte(bytes[pos - 1]);
                        let ends_ok = bytes.get(m.end).is_none_or(|&b| {
                            !is_host_byte(b)
                                || b == b'.'
                                    && bytes
                                        .get(m.end + 1)
                                        .is_none_or(|&c| !c.is_ascii_alphanumeric())
                        });
                        if starts_ok && ends_ok {
                            let host_start = if h.starts_with('.') {
                                bytes[ls..pos]
                                    .iter()
                                    .rposition(|&b| !is_host_byte(b))
                                    .map_or(ls, |i| ls + i + 1)
                            } else {
                                pos
                            };
                            if let Some(host) = lower.get(host_start..m.end) {
                                facts.add_host(host);
                            }
                        }
                    }
                    Target::Url => {
                        if pos < *url_until {
                            continue;
                        }
                        if let Some((end, host, path)) = facts::url_at(text, pos) {
                            *url_until = end;
                            let entry = facts::lookup_host(&host);
                            facts.add_host(&host);
                            if facts.endpoints.len() < 64 {
                                facts.endpoints.push(facts::Endpoint {
                                    start: pos,
                                    end,
                                    url: text.get(pos..end).unwrap_or("").to_string(),
                                    host,
                                    path,
                                    provider: entry.map_or("", |h| h.provider),
                                    plan: entry.map_or("", |h| h.plan),
                                    region: entry.map_or("", |h| h.region),
                                });
                            }
                        }
                    }
                    Target::Status => {}
                    Target::Dns => {
                        if *dns_done != ls {
                            *dns_done = ls;
                            if let Some(low) = lower.get(ls..le) {
                                facts::dns_hosts(low, facts);
                            }
                        }
                    }
                }
            }
            if *status_done != ls {
                *status_done = ls;
                if let Some(low) = lower.get(ls..le) {
                    facts::statuses_in(low, &mut facts.statuses);
                }
            }
        }
    }

    /// The scan's result, with every secret in `text`.
    pub(crate) fn finish(self, text: &str) -> Scan {
        let mut facts = self.facts;
        facts.keys = self.secrets.finish(text);
        Scan {
            hits: self.hits,
            facts,
        }
    }
}

fn match_rule(i: usize, lower: &str, ls: usize, le: usize, hit: &mut Option<Hit>) {
    let Some(line) = lower.get(ls..le) else {
        return;
    };
    let mut found: Vec<(usize, usize)> = Vec::new();
    let mut push = |s: usize, e: usize| {
        let (s, e) = whole_chars(line, s, e);
        found.push((ls + s, ls + e));
    };
    for re in rule_regexes(i) {
        if re.captures_len() > 1 {
            // A pattern with a group names its evidence: context outside it is not highlighted.
            for c in re.captures_iter(line.as_bytes()) {
                if let Some(m) = c
                    .get(1)
                    .or_else(|| c.get(0))
                    .filter(|m| m.end() > m.start())
                {
                    push(m.start(), m.end());
                }
            }
        } else {
            for m in re
                .find_iter(line.as_bytes())
                .filter(|m| m.end() > m.start())
            {
                push(m.start(), m.end());
            }
        }
    }
    if found.is_empty() {
        return;
    }
    // Several patterns may match the same place: keep one span per start.
    crate::order::sort_by_key(&mut found, |s| (s.0 as u64, s.1 as u64, 0));
    found.dedup_by(|b, a| b.0 < a.1);
    let h = hit.get_or_insert_with(Hit::default);
    h.count += found.len();
    for s in found {
        if h.spans.len() >= MAX_EVIDENCE {
            break;
        }
        h.spans.push(s);
    }
}

/// `s..e` of `line` widened to whole characters. Rule regexes work on bytes (regex_limits.rs):
/// a match may start or end inside a character; evidence is whole characters.
fn whole_chars(line: &str, mut s: usize, mut e: usize) -> (usize, usize) {
    while !line.is_char_boundary(s) {
        s -= 1;
    }
    while !line.is_char_boundary(e) {
        e += 1;
    }
    (s, e)
}

fn is_host_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'.'
}

fn word_bounded(b: &[u8], start: usize, end: usize) -> bool {
    let before = start == 0 || !b[start - 1].is_ascii_alphanumeric();
    let after = b.get(end).is_none_or(|c| !c.is_ascii_alphanumeric());
    before && after
}

/// Where the first `\n` of `b` is: SIMD in the native build (`fast-keywords`), a loop on the
/// page (the same answer; memchr's code would cost the page's wasm).
pub(crate) fn first_newline(b: &[u8]) -> Option<usize> {
    #[cfg(feature = "fast-keywords")]
    return memchr::memchr(b'\n', b);
    #[cfg(not(feature = "fast-keywords"))]
    b.iter().position(|&c| c == b'\n')
}

/// Where the last `\n` of `b` is (as [`first_newline`]).
pub(crate) fn last_newline(b: &[u8]) -> Option<usize> {
    #[cfg(feature = "fast-keywords")]
    return memchr::memrchr(b'\n', b);
    #[cfg(not(feature = "fast-keywords"))]
    b.iter().rposition(|&c| c == b'\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_widened_to_whole_characters() {
        let line = "模型x"; // 模 is bytes 0..3, 型 3..6
        assert_eq!(whole_chars(line, 1, 4), (0, 6));
        assert_eq!(whole_chars(line, 3, 6), (3, 6), "already whole: unchanged");
        assert_eq!(whole_chars(line, 6, 7), (6, 7));
    }

    #[test]
    fn a_byte_regex_gap_over_chinese_text_gives_whole_character_evidence() {
        let text =
            "2026-12-05 错误：分组 default 下对于模型 qwen3-coder-plus 无可用渠道（请稍后重试）";
        let lower = text.to_ascii_lowercase();
        let s = scan(text, &lower);
        let i = RULES
            .iter()
            .position(|r| r.id == "model-relay-no-channel")
            .expect("the rule exists");
        let hit = s.hits[i].as_ref().expect("the rule matched");
        let spans: Vec<&str> = hit
            .spans
            .iter()
            .filter_map(|&(a, b)| text.get(a..b))
            .collect();
        assert_eq!(spans, ["下对于模型 qwen3-coder-plus 无可用渠道"]);
    }
}
