//! The keyword automaton (src/keywords.rs) against the `aho-corasick` crate, on random literals
//! and haystacks over a small alphabet (so that overlaps, shared prefixes and suffixes abound):
//! the same overlapping matches in the same order, the same leftmost-first and leftmost-longest
//! matches. And the native build's search (feature `fast-keywords`, in `perf`: four interleaved
//! walks over long haystacks, src/keywords/lanes.rs) against the page's one walk, on every
//! keyword set the engine builds and on long random texts: the same matches in the same order.
//! (Without it both are the one walk; `cargo test --workspace` builds core with `perf` through
//! the CLI.)

use aho_corasick::{AhoCorasick, MatchKind};
use llmdoctor_core::testing::{Keywords, Match};
use proptest::prelude::*;
use proptest::sample::{select, Index};

mod common;

/// Runs `test` on `cases` values of `strategy`, the same values on every run and machine
/// (ChaCha from `seed`, no failure files, whatever PROPTEST_* says); a failure panics with the
/// value shrunk (at most 1,024 steps).
fn check<S: Strategy>(
    cases: u32,
    seed: u64,
    strategy: S,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) {
    if let Err(e) = common::strategies::runner(cases, seed).run(&strategy, test) {
        panic!("{e}");
    }
}

/// 1 to `max` bytes of `alphabet`.
fn word(alphabet: &'static [u8], max: usize) -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(select(alphabet), 1..=max)
}

/// Small alphabets: overlaps, shared prefixes and suffixes abound.
const ALPHABETS: [&[u8]; 3] = [b"ab", b"abc-", b"abcdefgh\n \xff\x00"];

/// 1 to 12 literals of up to 6 bytes (sorted, without repeats: the engine never passes the
/// same literal twice) and a haystack of up to 200 bytes, over `alphabet`.
fn literals_and_haystack(
    alphabet: &'static [u8],
) -> impl Strategy<Value = (Vec<Vec<u8>>, Vec<u8>)> {
    let lits = prop::collection::vec(word(alphabet, 6), 1..=12).prop_map(|mut lits| {
        lits.sort();
        lits.dedup();
        lits
    });
    (lits, word(alphabet, 200))
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
    for (i, alphabet) in ALPHABETS.into_iter().enumerate() {
        let seed = 0x9e37_79b9_7f4a_7c15 + i as u64;
        check(
            1000,
            seed,
            literals_and_haystack(alphabet),
            |(lits, hay)| {
                let ours: Vec<Match> = Keywords::new(&lits).overlapping(&hay).collect();
                let theirs: Vec<Match> = AhoCorasick::new(&lits)
                    .expect("builds")
                    .find_overlapping_iter(&hay)
                    .map(triple)
                    .collect();
                prop_assert_eq!(ours, theirs, "literals {:?} in {:?}", lits, hay);
                Ok(())
            },
        );
    }
}

#[test]
fn leftmost_first_and_longest_equal_aho_corasick() {
    for (i, alphabet) in ALPHABETS.into_iter().enumerate() {
        let seed = 0x2545_f491_4f6c_dd1d + i as u64;
        check(
            1000,
            seed,
            literals_and_haystack(alphabet),
            |(lits, hay)| {
                let k = Keywords::new(&lits);
                let first = AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostFirst)
                    .build(&lits)
                    .expect("builds");
                prop_assert_eq!(
                    k.find(&hay, true),
                    first.find(&hay[..]).map(triple),
                    "leftmost-first {:?} in {:?}",
                    lits,
                    hay
                );
                let longest = AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&lits)
                    .expect("builds");
                let theirs: Vec<Match> = longest.find_iter(&hay).map(triple).collect();
                prop_assert_eq!(
                    k.find_all_longest(&hay),
                    theirs,
                    "leftmost-longest {:?} in {:?}",
                    lits,
                    hay
                );
                Ok(())
            },
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
    use llmdoctor_core::testing::{self, HOSTS};
    use llmdoctor_core::RULES;
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
    for (m, _) in testing::TOOL_MARKERS {
        add(&mut scanner, m);
    }
    for h in HOSTS.iter() {
        add(&mut scanner, h.host);
    }
    for m in ["http://", "https://"] {
        add(&mut scanner, m);
    }
    for m in testing::STATUS_MARKERS.iter().chain(testing::DNS_MARKERS) {
        add(&mut scanner, m);
    }
    let mut detector: Vec<String> = Vec::new();
    for s in testing::shapes::SHAPES {
        add(&mut detector, s.anchor);
    }
    for m in testing::secret_name_markers() {
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

/// Log-like noise between the literals.
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

/// A text of `n` bytes from `lits` (whole, cut short, run together), log-like noise and random
/// bytes, lowercased as the scanner's copy of a paste is: pieces drawn in those proportions
/// (4 : 1 : 3 : 2), enough of them to fill `n` bytes (taken again from the first if not).
fn text_from(lits: Vec<String>, n: usize) -> impl Strategy<Value = Vec<u8>> {
    let noise = select(NOISE.to_vec()).prop_map(|s| s.as_bytes().to_vec());
    let bytes = prop::collection::vec(any::<u8>(), 0..8);
    // A set without literals (a rule without keywords) gets random bytes in their place.
    let piece = if lits.is_empty() {
        prop_oneof![3 => noise, 7 => bytes].boxed()
    } else {
        prop_oneof![
            4 => select(lits.clone()).prop_map(String::into_bytes),
            1 => (select(lits), any::<Index>())
                .prop_map(|(l, i)| l.as_bytes()[..i.index(l.len() + 1)].to_vec()),
            3 => noise,
            2 => bytes,
        ]
        .boxed()
    };
    prop::collection::vec(piece, n / 4 + 1).prop_map(move |pieces| {
        let mut out: Vec<u8> = Vec::with_capacity(n + 128);
        if pieces.iter().all(Vec::is_empty) {
            return vec![b' '; n];
        }
        while out.len() < n {
            for p in &pieces {
                out.extend_from_slice(p);
            }
        }
        out.truncate(n);
        out.to_ascii_lowercase()
    })
}

/// Around the sizes where the native search changes its course: one walk below 4 KiB, four
/// parts from there, 64 KiB windows.
const LENGTHS: [usize; 11] = [
    0, 1, 4095, 4096, 4097, 4100, 65_535, 65_536, 65_537, 65_540, 131_075,
];

/// The native search and the page's one walk give the same matches on `lits` over `hay`.
fn same_as_one_walk(k: &Keywords, name: &str, hay: &[u8]) -> Result<(), TestCaseError> {
    let ours: Vec<Match> = k.overlapping(hay).collect();
    let one: Vec<Match> = k.overlapping_one_walk(hay).collect();
    prop_assert!(
        ours == one,
        "{}: {} matches, one walk {}, first difference at {:?}",
        name,
        ours.len(),
        one.len(),
        ours.iter().zip(&one).position(|(a, b)| a != b)
    );
    Ok(())
}

#[test]
fn native_search_equals_the_page_s_on_every_engine_keyword_set() {
    for (i, (name, lits)) in engine_sets().into_iter().enumerate() {
        let k = Keywords::new(&lits);
        let seed = 0x5851_f42d_4c95_7f2d + 16 * i as u64;
        let test = |hay: Vec<u8>| same_as_one_walk(&k, &name, &hay);
        if name.starts_with("rule ") {
            // Each rule's own set: one text past the window.
            let lits = lits.clone();
            let hay = (70_000..75_000usize).prop_flat_map(move |n| text_from(lits.clone(), n));
            check(1, seed, hay, test);
        } else {
            // The big sets: every size around a change of course, and four sizes up to 200 KB.
            for (j, n) in LENGTHS.into_iter().enumerate() {
                check(1, seed + 1 + j as u64, text_from(lits.clone(), n), test);
            }
            let l = lits.clone();
            let hay = (4096..204_096usize).prop_flat_map(move |n| text_from(l.clone(), n));
            check(4, seed + 15, hay, test);
        }
    }
}

#[test]
fn the_engine_keywords_over_a_long_text_equal_aho_corasick() {
    // The scanner's set over a long text (the native build walks it in four parts): the same
    // overlapping matches as the crate; leftmost-longest too.
    for (i, (name, lits)) in engine_sets().into_iter().take(2).enumerate() {
        let k = Keywords::new(&lits);
        let overlapping = AhoCorasick::new(&lits).expect("builds");
        let longest = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&lits)
            .expect("builds");
        let seed = 0x1405_7b7e_f767_814f + i as u64;
        check(1, seed, text_from(lits.clone(), 150_000), |hay| {
            let ours: Vec<Match> = k.overlapping(&hay).collect();
            let theirs: Vec<Match> = overlapping
                .find_overlapping_iter(&hay)
                .map(triple)
                .collect();
            prop_assert!(ours.len() > 5_000, "{}: {} matches", name, ours.len());
            prop_assert!(
                ours == theirs,
                "{}: overlapping differs from the crate",
                name
            );
            let theirs: Vec<Match> = longest.find_iter(&hay).map(triple).collect();
            prop_assert!(
                k.find_all_longest(&hay) == theirs,
                "{}: leftmost-longest",
                name
            );
            Ok(())
        });
    }
}

#[test]
fn native_search_equals_the_page_s_on_random_literals_and_long_texts() {
    // Small alphabets (matches everywhere, long partial matches across the parts' boundaries),
    // literals up to 6 bytes, or up to 300 (longer than a part's warm-up allows: one walk).
    let alphabets: [&'static [u8]; 4] = [b"ab", b"abc-", b"abcdefgh\n \xff\x00", b"a"];
    for i in 0..120 {
        let alphabet = alphabets[i % alphabets.len()];
        let max = match i % 3 {
            0 => 6,
            1 => 60,
            _ => 300,
        };
        let n = LENGTHS[i % 11];
        let case = (
            prop::collection::vec(word(alphabet, max), 1..=20),
            prop::collection::vec(select(alphabet), n),
        );
        check(1, 0xd1b5_4a32_d192_ed03 + i as u64, case, |(lits, hay)| {
            let k = Keywords::new(&lits);
            let ours: Vec<Match> = k.overlapping(&hay).collect();
            let one: Vec<Match> = k.overlapping_one_walk(&hay).collect();
            prop_assert!(
                ours == one,
                "case {}: {} literals up to {} bytes over {} bytes: {} matches, one walk {}",
                i,
                lits.len(),
                max,
                n,
                ours.len(),
                one.len()
            );
            // And the iterator can be left early and taken up again lazily.
            let mut it = k.overlapping(&hay);
            let head: Vec<Match> = it.by_ref().take(3).collect();
            prop_assert_eq!(&head[..], &one[..one.len().min(3)]);
            Ok(())
        });
    }
}
