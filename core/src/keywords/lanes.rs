//! The native build's overlapping search (feature `fast-keywords`, which `perf` includes): the
//! same automaton, walked over four parts of the haystack at once.
//!
//! One walk is a chain of dependent loads — each byte's table lookup needs the state the last
//! one returned — so a CPU runs it at the latency of a load, not at its throughput: the engine's
//! table is ~6.7 MB (13,558 states × 124 byte classes × 4 bytes), and on a 10 MB log one walk
//! took ~2.9 ns a byte. Four independent walks, interleaved, keep four loads in flight: ~1.1 ns a
//! byte on the same machine (docs/BENCHMARKS.md, session 5). The `aho-corasick` crate does not
//! help here: past 64 literals it has no SIMD prefilter (Teddy stops at 64, the start- and
//! rare-byte prefilters at 3 distinct bytes), and its overlapping DFA search measured slower than
//! this automaton's one walk (36 ms against 31 ms on that log).
//!
//! A walk started at the root `max_len` bytes before a position is in the same state there as
//! the walk from the haystack's start (a state is the longest suffix read that is a prefix of a
//! literal, at most `max_len` long), so each part after the first starts that far back, and
//! reports only the matches that end inside it. Matches are kept per part for one window of the
//! haystack and handed out in order: the same matches in the same order as the one walk
//! (tests/keywords.rs checks both on every rule keyword set and on random texts).

use super::{Keywords, Match, MATCH};

/// Parts walked at once. Four measured best on the 2-core x86_64 machines here (two: 1.9×
/// faster than one walk; four: 2.1×; eight: 1.8×).
const LANES: usize = 4;

/// Bytes walked before the matches found are handed out (the memory for them is per window).
const WINDOW: usize = 64 * 1024;

/// A part shorter than this is not worth its warm-up: the window is walked once.
const MIN_PART: usize = 1024;

/// Haystacks shorter than this take the one walk ([`super::OneWalk`]) without buffering.
pub(super) const MIN_HAYSTACK: usize = LANES * MIN_PART;

/// Iterator state of [`Keywords::overlapping`] in the native build.
pub(super) struct Laned<'a> {
    k: &'a Keywords,
    haystack: &'a [u8],
    /// Walked up to here; `state` is the automaton's state there.
    at: usize,
    state: usize,
    /// Per part of the current window: (end of the match, premultiplied state reporting it).
    found: [Vec<(usize, u32)>; LANES],
    /// Next to hand out: `found[lane][index]`.
    lane: usize,
    index: usize,
    /// Outputs of the state being handed out (`outputs[from..to]`), ending at `end`.
    pending: (u32, u32),
    end: usize,
}

impl<'a> Laned<'a> {
    pub(super) fn new(k: &'a Keywords, haystack: &'a [u8]) -> Laned<'a> {
        Laned {
            k,
            haystack,
            at: 0,
            state: 0,
            found: Default::default(),
            lane: LANES,
            index: 0,
            pending: (0, 0),
            end: 0,
        }
    }

    #[inline]
    fn step(&self, state: usize, b: u8) -> u32 {
        let k = self.k;
        k.table[state + usize::from(k.classes[usize::from(b)])]
    }

    /// Walks the next window, filling `found`.
    fn fill(&mut self) {
        for f in &mut self.found {
            f.clear();
        }
        let (from, to) = (self.at, (self.at + WINDOW).min(self.haystack.len()));
        let window = &self.haystack[from..to];
        let part = window.len() / LANES;
        let warm = self.k.max_len;
        if part < MIN_PART.max(4 * warm) {
            let mut state = self.state;
            for (i, &b) in window.iter().enumerate() {
                let next = self.step(state, b);
                state = (next & !MATCH) as usize;
                if next & MATCH != 0 {
                    self.found[0].push((from + i + 1, state as u32));
                }
            }
            self.state = state;
            self.at = to;
            return;
        }
        // Part j is window[j * part..(j + 1) * part]; the last one also takes the remainder.
        // Parts after the first start `warm` bytes early, at the root, and report nothing there.
        let mut s = [self.state, 0, 0, 0];
        let h = self.haystack;
        let starts = [from, from + part, from + 2 * part, from + 3 * part];
        let (w1, w2, w3) = (
            &h[starts[1] - warm..starts[1]],
            &h[starts[2] - warm..starts[2]],
            &h[starts[3] - warm..starts[3]],
        );
        for ((&b1, &b2), &b3) in w1.iter().zip(w2).zip(w3) {
            s[1] = (self.step(s[1], b1) & !MATCH) as usize;
            s[2] = (self.step(s[2], b2) & !MATCH) as usize;
            s[3] = (self.step(s[3], b3) & !MATCH) as usize;
        }
        let parts = [
            &h[starts[0]..starts[0] + part],
            &h[starts[1]..starts[1] + part],
            &h[starts[2]..starts[2] + part],
            &h[starts[3]..starts[3] + part],
        ];
        let [p0, p1, p2, p3] = parts;
        let k = self.k;
        let [f0, f1, f2, f3] = &mut self.found;
        for (i, (((&b0, &b1), &b2), &b3)) in p0.iter().zip(p1).zip(p2).zip(p3).enumerate() {
            let n0 = k.table[s[0] + usize::from(k.classes[usize::from(b0)])];
            let n1 = k.table[s[1] + usize::from(k.classes[usize::from(b1)])];
            let n2 = k.table[s[2] + usize::from(k.classes[usize::from(b2)])];
            let n3 = k.table[s[3] + usize::from(k.classes[usize::from(b3)])];
            s = [
                (n0 & !MATCH) as usize,
                (n1 & !MATCH) as usize,
                (n2 & !MATCH) as usize,
                (n3 & !MATCH) as usize,
            ];
            if (n0 | n1 | n2 | n3) & MATCH != 0 {
                let end = i + 1;
                if n0 & MATCH != 0 {
                    f0.push((starts[0] + end, s[0] as u32));
                }
                if n1 & MATCH != 0 {
                    f1.push((starts[1] + end, s[1] as u32));
                }
                if n2 & MATCH != 0 {
                    f2.push((starts[2] + end, s[2] as u32));
                }
                if n3 & MATCH != 0 {
                    f3.push((starts[3] + end, s[3] as u32));
                }
            }
        }
        // The remainder (fewer than LANES bytes) belongs to the last part.
        let mut state = s[3];
        for (i, &b) in h[starts[3] + part..to].iter().enumerate() {
            let next = self.step(state, b);
            state = (next & !MATCH) as usize;
            if next & MATCH != 0 {
                self.found[3].push((starts[3] + part + i + 1, state as u32));
            }
        }
        self.state = state;
        self.at = to;
    }
}

impl Iterator for Laned<'_> {
    type Item = Match;

    fn next(&mut self) -> Option<Match> {
        loop {
            if self.pending.0 < self.pending.1 {
                let pattern = self.k.outputs[self.pending.0 as usize] as usize;
                self.pending.0 += 1;
                return Some(Match {
                    pattern,
                    start: self.end - self.k.lens[pattern],
                    end: self.end,
                });
            }
            if let Some(&(end, state)) = self.found.get(self.lane).and_then(|f| f.get(self.index)) {
                self.index += 1;
                self.end = end;
                self.pending = self.k.output_range[state as usize / self.k.stride];
                continue;
            }
            if self.lane + 1 < LANES {
                self.lane += 1;
                self.index = 0;
                continue;
            }
            if self.at >= self.haystack.len() {
                return None;
            }
            self.fill();
            self.lane = 0;
            self.index = 0;
        }
    }
}
