//! A small Aho-Corasick automaton: every occurrence of many literal strings in one pass.
//!
//! The engine's hot loop (core/src/scan.rs) runs one of these over the whole paste; the config
//! reader and the secret masker use it for leftmost matches. Why not the `aho-corasick` crate:
//! the page's wasm carries every byte of code it links, and this file is a tenth of that crate's
//! size for the one thing we need — a dense DFA over byte classes, overlapping matches in the
//! order the crate reports them (tests/keywords compare the two on random inputs). Nor in the
//! native build: the engine's ~1,100 literals are past what the crate's SIMD prefilters take
//! (Teddy: 64), and its overlapping DFA search measured slower than this one (session 5 in
//! docs/BENCHMARKS.md).
//!
//! Build cost is linear in the total length of the literals times the number of distinct bytes
//! in them; search is one table lookup per byte of the haystack. The native build (feature
//! `fast-keywords`, in `perf`) walks long haystacks in four interleaved parts
//! (keywords/lanes.rs); the page walks once, as below.

#[cfg(feature = "fast-keywords")]
mod lanes;

/// One occurrence of literal number `pattern` at `start..end` (byte offsets).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match {
    pub pattern: usize,
    pub start: usize,
    pub end: usize,
}

/// The flag on a transition into a state that reports matches.
const MATCH: u32 = 1 << 31;

/// The automaton. Matching is byte-exact (the scanner lowercases the paste first).
#[derive(Debug)]
pub struct Keywords {
    /// Byte → equivalence class; class 0 holds every byte that appears in no literal.
    classes: [u8; 256],
    stride: usize,
    /// `table[state + class]` is the next state, premultiplied by `stride`, with `MATCH` set
    /// when that state reports matches. The start state is 0.
    table: Vec<u32>,
    /// Per state (indexed by `state / stride`): its matches, `outputs[from..to]`.
    output_range: Vec<(u32, u32)>,
    outputs: Vec<u32>,
    lens: Vec<usize>,
    max_len: usize,
}

impl Keywords {
    /// Builds the automaton for `literals` (empty literals never match).
    pub fn new<S: AsRef<[u8]>>(literals: &[S]) -> Keywords {
        let mut classes = [0u8; 256];
        let mut n_classes = 1usize;
        for lit in literals {
            for &b in lit.as_ref() {
                if classes[usize::from(b)] == 0 && n_classes < 256 {
                    classes[usize::from(b)] = n_classes as u8;
                    n_classes += 1;
                }
            }
        }
        // A literal using all 256 byte values would overflow the class ids; such literals do
        // not exist here, and classes then merely merge (still correct: see `trie` below).
        let stride = n_classes;

        // The trie, with sparse children: (class, child) per node.
        let mut children: Vec<Vec<(u8, u32)>> = vec![Vec::new()];
        let mut own: Vec<Vec<u32>> = vec![Vec::new()];
        let mut depth_of: Vec<usize> = vec![0];
        for (p, lit) in literals.iter().enumerate() {
            let lit = lit.as_ref();
            if lit.is_empty() {
                continue;
            }
            let mut node = 0usize;
            for &b in lit {
                let c = classes[usize::from(b)];
                node = match children[node].iter().find(|x| x.0 == c) {
                    Some(&(_, next)) => next as usize,
                    None => {
                        let next = children.len();
                        children[node].push((c, next as u32));
                        children.push(Vec::new());
                        own.push(Vec::new());
                        depth_of.push(depth_of[node] + 1);
                        next
                    }
                };
            }
            own[node].push(p as u32);
        }

        // Breadth first: failure links, the dense table, each state's matches (its own, then
        // those of its failure state — the order the aho-corasick crate reports them in). A
        // transition into a state with matches carries `MATCH`: a child's failure state is
        // shallower, so its row — flags included — is final before the child's row is written.
        let n = children.len();
        let mut table = vec![0u32; n * stride];
        let mut fail = vec![0usize; n];
        let mut output_range = vec![(0u32, 0u32); n];
        let mut outputs: Vec<u32> = Vec::new();
        let mut queue = std::collections::VecDeque::with_capacity(n);
        queue.push_back(0usize);
        while let Some(s) = queue.pop_front() {
            let from = outputs.len() as u32;
            outputs.extend_from_slice(&own[s]);
            if s != 0 {
                let (a, b) = output_range[fail[s]];
                outputs.extend_from_within(a as usize..b as usize);
                let f = fail[s] * stride;
                table.copy_within(f..f + stride, s * stride);
            }
            output_range[s] = (from, outputs.len() as u32);
            for &(c, child) in &children[s] {
                let child = child as usize;
                let slot = s * stride + usize::from(c);
                // The child's failure: where the parent's failure goes on the same byte
                // (the root's children fail to the root).
                let to_fail = if s == 0 { 0 } else { table[slot] };
                fail[child] = (to_fail & !MATCH) as usize / stride;
                let matching = !own[child].is_empty() || to_fail & MATCH != 0;
                table[slot] = (child * stride) as u32 | if matching { MATCH } else { 0 };
                queue.push_back(child);
            }
        }

        let lens: Vec<usize> = literals.iter().map(|l| l.as_ref().len()).collect();
        Keywords {
            classes,
            stride,
            table,
            output_range,
            outputs,
            max_len: lens.iter().copied().max().unwrap_or(0),
            lens,
        }
    }

    /// Every occurrence of every literal, overlapping ones included, in order of their end (and
    /// at one end, in the order the `aho-corasick` crate reports them).
    pub fn overlapping<'a>(&'a self, haystack: &'a [u8]) -> Overlapping<'a> {
        #[cfg(feature = "fast-keywords")]
        if haystack.len() >= lanes::MIN_HAYSTACK {
            return Overlapping(Walk::Laned(lanes::Laned::new(self, haystack)));
        }
        self.overlapping_one_walk(haystack)
    }

    /// [`Keywords::overlapping`] as the page runs it, one walk over the haystack in every build
    /// (what the native build's interleaved walk is tested against).
    #[doc(hidden)]
    pub fn overlapping_one_walk<'a>(&'a self, haystack: &'a [u8]) -> Overlapping<'a> {
        Overlapping(Walk::One(OneWalk {
            k: self,
            haystack,
            at: 0,
            state: 0,
            pending: (0, 0),
        }))
    }

    /// The leftmost occurrence; among those starting there, the literal listed first
    /// (`first = true`) or the longest (`first = false`).
    pub fn find(&self, haystack: &[u8], first: bool) -> Option<Match> {
        let mut best: Option<Match> = None;
        // One walk: the search stops soon after the first match.
        for m in self.overlapping_one_walk(haystack) {
            if let Some(b) = best {
                if m.end > b.start + self.max_len {
                    break; // nothing ending from here on can start at or before `b`
                }
            }
            let better = best.is_none_or(|b| {
                m.start < b.start
                    || m.start == b.start
                        && if first {
                            m.pattern < b.pattern
                        } else {
                            m.end > b.end
                        }
            });
            if better {
                best = Some(m);
            }
        }
        best
    }

    /// Non-overlapping leftmost-longest occurrences, left to right.
    pub fn find_all_longest(&self, haystack: &[u8]) -> Vec<Match> {
        let mut out: Vec<Match> = Vec::new();
        let mut at = 0;
        while let Some(m) = haystack.get(at..).and_then(|h| self.find(h, false)) {
            let m = Match {
                pattern: m.pattern,
                start: at + m.start,
                end: at + m.end,
            };
            out.push(m);
            at = m.end.max(m.start + 1);
        }
        out
    }
}

/// Iterator of [`Keywords::overlapping`].
pub struct Overlapping<'a>(Walk<'a>);

enum Walk<'a> {
    One(OneWalk<'a>),
    #[cfg(feature = "fast-keywords")]
    Laned(lanes::Laned<'a>),
}

impl Iterator for Overlapping<'_> {
    type Item = Match;

    #[inline]
    fn next(&mut self) -> Option<Match> {
        match &mut self.0 {
            Walk::One(w) => w.next(),
            #[cfg(feature = "fast-keywords")]
            Walk::Laned(w) => w.next(),
        }
    }
}

/// One walk over the haystack, handing out matches as it finds them.
struct OneWalk<'a> {
    k: &'a Keywords,
    haystack: &'a [u8],
    at: usize,
    state: usize,
    pending: (u32, u32),
}

impl Iterator for OneWalk<'_> {
    type Item = Match;

    #[inline]
    fn next(&mut self) -> Option<Match> {
        let k = self.k;
        loop {
            if self.pending.0 < self.pending.1 {
                let pattern = k.outputs[self.pending.0 as usize] as usize;
                self.pending.0 += 1;
                return Some(Match {
                    pattern,
                    start: self.at - k.lens[pattern],
                    end: self.at,
                });
            }
            let rest = self.haystack.get(self.at..)?;
            let mut state = self.state;
            let mut found = None;
            for (i, &b) in rest.iter().enumerate() {
                let next = k.table[state + usize::from(k.classes[usize::from(b)])];
                state = (next & !MATCH) as usize;
                if next & MATCH != 0 {
                    found = Some((i + 1, k.output_range[state / k.stride]));
                    break;
                }
            }
            self.state = state;
            match found {
                Some((advance, range)) => {
                    self.at += advance;
                    self.pending = range;
                }
                None => {
                    self.at = self.haystack.len();
                    return None;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(k: &Keywords, h: &str) -> Vec<(usize, usize, usize)> {
        k.overlapping(h.as_bytes())
            .map(|m| (m.pattern, m.start, m.end))
            .collect()
    }

    #[test]
    fn overlapping_matches_in_end_order() {
        let k = Keywords::new(&["he", "she", "his", "hers"]);
        assert_eq!(all(&k, "ushers"), vec![(1, 1, 4), (0, 2, 4), (3, 2, 6)]);
        assert_eq!(all(&k, ""), vec![]);
        assert_eq!(all(&k, "xyz"), vec![]);
    }

    #[test]
    fn empty_and_duplicate_literals() {
        let k = Keywords::new(&["", "ab", "ab"]);
        assert_eq!(
            all(&k, "abab"),
            vec![(1, 0, 2), (2, 0, 2), (1, 2, 4), (2, 2, 4)]
        );
        let none: [&str; 0] = [];
        assert_eq!(all(&Keywords::new(&none), "abc"), vec![]);
    }

    #[test]
    fn leftmost_first_and_longest() {
        let k = Keywords::new(&["abcd", "ab", "b", "bcdef"]);
        let m = k.find(b"xabcdef", true).expect("a match");
        assert_eq!((m.pattern, m.start, m.end), (0, 1, 5));
        let k = Keywords::new(&["ab", "abcd", "b"]);
        let m = k.find(b"xabcdef", true).expect("a match");
        assert_eq!((m.pattern, m.start), (0, 1));
        let m = k.find(b"xabcdef", false).expect("a match");
        assert_eq!((m.pattern, m.end), (1, 5));
        let spans: Vec<_> = k
            .find_all_longest(b"abcd ab b")
            .iter()
            .map(|m| (m.start, m.end))
            .collect();
        assert_eq!(spans, vec![(0, 4), (5, 7), (8, 9)]);
    }
}
