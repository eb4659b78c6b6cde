//! The keyword automaton (src/keywords.rs) against the `aho-corasick` crate, on random literals
//! and haystacks over a small alphabet (so that overlaps, shared prefixes and suffixes abound):
//! the same overlapping matches in the same order, the same leftmost-first and leftmost-longest
//! matches. And the native build's search (feature `fast-keywords`, in `perf`: four interleaved
//! walks over long haystacks, src/keywords/lanes.rs) against the page's one walk, on every
//! keyword set the engine builds and on long random texts: the same matches in the same order.
//! (Without it both are the one walk; `cargo test --workspace` builds core with `perf` through
//! the CLI.)

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

/// Every literal set the engine builds an automaton of: the scanner's (rule keywords, tool and
/// status markers, hosts), each rule's own, the secret detector's.
fn engine_sets() -> Vec<(String, Vec<String>)> {
    use llmdoctor_core::{facts, secrets, vocabulary::HOSTS, RULES};
    let mut scanner: Vec<String> = Vec::new();
    let add = |set: &mut Vec<String>, l: &str| {
        let l = l.to_ascii_lowercase();
        if !l.is_empty() && !set.contains(&l) {
            set.push(l);
        }
    };
    for r in RULES.iter() {
        for k in r.keywords {
            add(&mut scanner, k);
        }
    }
    for (m, _) in facts::TOOL_MARKERS {
        add(&mut scanner, m);
    }
    for h in HOSTS.iter() {
        add(&mut scanner, h.host);
    }
    for m in ["http://", "https://"] {
        add(&mut scanner, m);
    }
    for m in facts::STATUS_MARKERS.iter().chain(facts::DNS_MARKERS) {
        add(&mut scanner, m);
    }
    let mut detector: Vec<String> = Vec::new();
    for s in secrets::shapes::SHAPES {
        add(&mut detector, s.anchor);
    }
    for m in secrets::names::markers() {
        add(&mut detector, m);
    }
    for m in ["://", "-u ", "--user"] {
        add(&mut detector, m);
    }
    let mut sets = vec![
        ("scanner".to_string(), scanner),
        ("secret detector".to_string(), detector),
    ];
    for r in RULES.iter() {
        let mut own = Vec::new();
        for k in r.keywords {
            add(&mut own, k);
        }
        sets.push((format!("rule {}", r.id), own));
    }
    sets
}

/// A text of about `n` bytes from `lits` (whole, cut short, run together), log-like noise and
/// random bytes, lowercased as the scanner's copy of a paste is.
fn text_from(rng: &mut Rng, lits: &[String], n: usize) -> Vec<u8> {
    const NOISE: [&str; 8] = [
        "2026-11-22 10:30:01.123 [worker-3] info  app.handler - request served in 41ms status=200\n",
        " error ",
        "https://",
        "\n",
        "{\"error\":{\"code\":\"",
        "错误：",
        " token ",
        "=",
    ];
    let mut out: Vec<u8> = Vec::with_capacity(n + 64);
    while out.len() < n {
        match rng.below(10) {
            0..=3 if !lits.is_empty() => {
                let l = lits[rng.below(lits.len())].as_bytes();
                out.extend_from_slice(l);
            }
            4 if !lits.is_empty() => {
                let l = lits[rng.below(lits.len())].as_bytes();
                out.extend_from_slice(&l[..rng.below(l.len() + 1)]);
            }
            5..=7 => out.extend_from_slice(NOISE[rng.below(NOISE.len())].as_bytes()),
            _ => {
                let len = rng.below(8);
                out.extend((0..len).map(|_| rng.next() as u8));
            }
        }
    }
    out.to_ascii_lowercase()
}

fn lengths(rng: &mut Rng) -> Vec<usize> {
    // Around the sizes where the native search changes its course: one walk below 4 KiB,
    // four parts from there, 64 KiB windows.
    let mut v = vec![
        0, 1, 4095, 4096, 4097, 4100, 65_535, 65_536, 65_537, 65_540, 131_075,
    ];
    v.extend((0..4).map(|_| 4096 + rng.below(200_000)));
    v
}

#[test]
fn native_search_equals_the_page_s_on_every_engine_keyword_set() {
    let mut rng = Rng(0x5851_f42d_4c95_7f2d);
    for (name, lits) in engine_sets() {
        let k = Keywords::new(&lits);
        // The big sets get long texts; each rule's own set one text past the window.
        let sizes = if name.starts_with("rule ") {
            vec![70_000 + rng.below(5000)]
        } else {
            lengths(&mut rng)
        };
        for n in sizes {
            let hay = text_from(&mut rng, &lits, n);
            let hay = &hay[..n.min(hay.len())];
            let ours: Vec<Match> = k.overlapping(hay).collect();
            let one: Vec<Match> = k.overlapping_one_walk(hay).collect();
            assert!(
                ours == one,
                "{name}: {} matches, one walk {}, first difference at {:?}",
                ours.len(),
                one.len(),
                ours.iter().zip(&one).position(|(a, b)| a != b)
            );
        }
    }
}

#[test]
fn the_engine_keywords_over_a_long_text_equal_aho_corasick() {
    // The scanner's set over a long text (the native build walks it in four parts): the same
    // overlapping matches as the crate; leftmost-longest too.
    let mut rng = Rng(0x1405_7b7e_f767_814f);
    for (name, lits) in engine_sets().into_iter().take(2) {
        let k = Keywords::new(&lits);
        let hay = text_from(&mut rng, &lits, 150_000);
        let ours: Vec<Match> = k.overlapping(&hay).collect();
        let theirs: Vec<Match> = AhoCorasick::new(&lits)
            .expect("builds")
            .find_overlapping_iter(&hay)
            .map(triple)
            .collect();
        assert!(ours.len() > 5_000, "{name}: {} matches", ours.len());
        assert!(ours == theirs, "{name}: overlapping differs from the crate");
        let longest = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&lits)
            .expect("builds");
        let theirs: Vec<Match> = longest.find_iter(&hay).map(triple).collect();
        assert!(
            k.find_all_longest(&hay) == theirs,
            "{name}: leftmost-longest"
        );
    }
}

#[test]
fn native_search_equals_the_page_s_on_random_literals_and_long_texts() {
    // Small alphabets (matches everywhere, long partial matches across the parts' boundaries),
    // literals up to 6 bytes, or up to 300 (longer than a part's warm-up allows: one walk).
    let mut rng = Rng(0xd1b5_4a32_d192_ed03);
    let alphabets: [&[u8]; 4] = [b"ab", b"abc-", b"abcdefgh\n \xff\x00", b"a"];
    for i in 0..120 {
        let alphabet = alphabets[i % alphabets.len()];
        let max = match i % 3 {
            0 => 6,
            1 => 60,
            _ => 300,
        };
        let n_lits = 1 + rng.below(20);
        let lits: Vec<Vec<u8>> = (0..n_lits).map(|_| rng.word(alphabet, max)).collect();
        let k = Keywords::new(&lits);
        let n = lengths(&mut rng)[i % 11];
        let hay: Vec<u8> = (0..n)
            .map(|_| alphabet[rng.below(alphabet.len())])
            .collect();
        let ours: Vec<Match> = k.overlapping(&hay).collect();
        let one: Vec<Match> = k.overlapping_one_walk(&hay).collect();
        assert!(
            ours == one,
            "case {i}: {} literals up to {max} bytes over {n} bytes: {} matches, one walk {}",
            lits.len(),
            ours.len(),
            one.len()
        );
        // And the iterator can be left early and taken up again lazily.
        let mut it = k.overlapping(&hay);
        let head: Vec<Match> = it.by_ref().take(3).collect();
        assert_eq!(head[..], one[..one.len().min(3)]);
    }
}
