//! The keyword automaton (src/keywords.rs) against the `aho-corasick` crate, on random literals
//! and haystacks over a small alphabet (so that overlaps, shared prefixes and suffixes abound):
//! the same overlapping matches in the same order, the same leftmost-first and leftmost-longest
//! matches.

use aho_corasick::{AhoCorasick, MatchKind};
use llmdoctor_core::keywords::{Keywords, Match};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn word(&mut self, alphabet: &[u8], max: usize) -> Vec<u8> {
        let len = 1 + self.below(max);
        (0..len)
            .map(|_| alphabet[self.below(alphabet.len())])
            .collect()
    }
}

fn cases(seed: u64, n: usize) -> Vec<(Vec<Vec<u8>>, Vec<u8>)> {
    let mut rng = Rng(seed);
    let alphabets: [&[u8]; 3] = [b"ab", b"abc-", b"abcdefgh\n \xff\x00"];
    (0..n)
        .map(|i| {
            let alphabet = alphabets[i % alphabets.len()];
            let n_lits = 1 + rng.below(12);
            let mut lits: Vec<Vec<u8>> = (0..n_lits).map(|_| rng.word(alphabet, 6)).collect();
            lits.sort();
            lits.dedup(); // the engine never passes the same literal twice
            let hay = rng.word(alphabet, 200);
            (lits, hay)
        })
        .collect()
}

fn triple(m: aho_corasick::Match) -> Match {
    Match {
        pattern: m.pattern().as_usize(),
        start: m.start(),
        end: m.end(),
    }
}

#[test]
fn overlapping_equals_aho_corasick() {
    for (lits, hay) in cases(0x9e37_79b9_7f4a_7c15, 3000) {
        let ours: Vec<Match> = Keywords::new(&lits).overlapping(&hay).collect();
        let theirs: Vec<Match> = AhoCorasick::new(&lits)
            .expect("builds")
            .find_overlapping_iter(&hay)
            .map(triple)
            .collect();
        assert_eq!(ours, theirs, "literals {lits:?} in {hay:?}");
    }
}

#[test]
fn leftmost_first_and_longest_equal_aho_corasick() {
    for (lits, hay) in cases(0x2545_f491_4f6c_dd1d, 3000) {
        let k = Keywords::new(&lits);
        let first = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(&lits)
            .expect("builds");
        assert_eq!(
            k.find(&hay, true),
            first.find(&hay[..]).map(triple),
            "leftmost-first {lits:?} in {hay:?}"
        );
        let longest = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&lits)
            .expect("builds");
        let theirs: Vec<Match> = longest.find_iter(&hay).map(triple).collect();
        assert_eq!(
            k.find_all_longest(&hay),
            theirs,
            "leftmost-longest {lits:?} in {hay:?}"
        );
    }
}

#[test]
fn the_rule_keywords_over_a_real_paste() {
    // The engine's own literal set, over text with many hits: same answer as the crate.
    let lits: Vec<String> = llmdoctor_core::RULES
        .iter()
        .flat_map(|r| r.keywords.iter().map(|k| k.to_ascii_lowercase()))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let hay = "api error: 401 invalid access token or token expired\n\
               {\"error\":{\"code\":\"throttling\",\"message\":\"requests rate limit exceeded\"}}\n\
               week allocated quota exceeded. 404 status code (no body)"
        .repeat(20);
    let ours: Vec<Match> = Keywords::new(&lits).overlapping(hay.as_bytes()).collect();
    let theirs: Vec<Match> = AhoCorasick::new(&lits)
        .expect("builds")
        .find_overlapping_iter(&hay)
        .map(triple)
        .collect();
    assert!(ours.len() > 100, "the paste hits many keywords");
    assert_eq!(ours, theirs);
}
