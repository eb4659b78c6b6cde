//! The regexes the engine runs: the regex crate's types where speed matters (feature
//! `regex-crate`, part of `perf`: the CLI), regex-automata's PikeVM called directly otherwise
//! (the page). Both parse a pattern with the same parser, compile it with the same Thompson NFA
//! compiler under the same limits, and report the same leftmost-first matches and groups
//! (core/tests/regex_engines.rs compares them on every rule pattern over the corpora). What the
//! page saves is the regex crate's meta engine around the PikeVM — its strategies, literal
//! prefilters, the `Debug` code its trait objects carry — and the crate's error formatting:
//! ~20 KB of gzipped wasm (docs/BENCHMARKS.md, session 5). What it gives up is speed on big
//! input (no prefilter: every byte of a candidate line goes through the PikeVM).

#[cfg(feature = "regex-crate")]
pub(crate) use regex::{Error, Regex};

#[cfg(not(feature = "regex-crate"))]
pub(crate) use pike::{Error, Regex};

/// Byte regexes (rule patterns: no Unicode mode, `.` is one byte).
pub(crate) mod bytes {
    #[cfg(feature = "regex-crate")]
    pub(crate) use regex::bytes::Regex;

    #[cfg(not(feature = "regex-crate"))]
    pub(crate) use super::pike::bytes::Regex;
}

/// What a compiled pattern may cost (core/src/regex_limits.rs holds the values).
#[derive(Clone, Copy)]
pub struct Limits {
    /// Largest compiled program (NFA), in bytes.
    pub size: usize,
    /// Deepest nesting of groups and repetitions.
    pub nest: u32,
}

/// The PikeVM behind the regex crate's API, as much of it as the engine uses.
pub mod pike {
    use super::Limits;
    use regex_automata::nfa::thompson::{self, pikevm, pikevm::PikeVM};
    use regex_automata::util::{captures, iter::Searcher, syntax};
    use regex_automata::{Input, MatchKind, PatternID};
    use std::sync::Mutex;

    /// Why a pattern did not compile (a syntax error or a limit; boxed: the error is large).
    pub type Error = Box<thompson::BuildError>;

    /// One compiled pattern and a spare search cache (a search takes it, or makes another when
    /// it is in use, and gives it back when done).
    pub struct Engine {
        vm: PikeVM,
        spare: Mutex<Option<pikevm::Cache>>,
    }

    impl Engine {
        /// The configuration the regex crate's builder gives its meta engine, for one pattern:
        /// leftmost-first, every group; `utf8` for a `&str` regex (Unicode mode, matches on
        /// character boundaries), not for a byte regex (`unicode(false)`).
        fn new(pattern: &str, limits: Limits, utf8: bool) -> Result<Engine, Error> {
            let vm = PikeVM::builder()
                .syntax(
                    syntax::Config::new()
                        .unicode(utf8)
                        .utf8(utf8)
                        .nest_limit(limits.nest),
                )
                .thompson(
                    thompson::Config::new()
                        .utf8(utf8)
                        .nfa_size_limit(Some(limits.size))
                        .shrink(false)
                        .which_captures(thompson::WhichCaptures::All),
                )
                .configure(PikeVM::config().match_kind(MatchKind::LeftmostFirst))
                .build(pattern)
                .map_err(Box::new)?;
            Ok(Engine {
                vm,
                spare: Mutex::new(None),
            })
        }

        /// Groups in the pattern, the whole match (group 0) included.
        pub fn captures_len(&self) -> usize {
            self.vm.get_nfa().group_info().group_len(PatternID::ZERO)
        }

        /// Every leftmost-first match in `hay`, its groups with it (only group 0 when
        /// `groups` is false), as the regex crate's iterators find them.
        fn search<'r, 'h>(&'r self, hay: &'h [u8], groups: bool) -> Matches<'r, 'h> {
            let info = self.vm.get_nfa().group_info().clone();
            let caps = if groups {
                captures::Captures::all(info)
            } else {
                captures::Captures::matches(info)
            };
            let cache = self
                .spare
                .lock()
                .ok()
                .and_then(|mut s| s.take())
                .unwrap_or_else(|| self.vm.create_cache());
            Matches {
                engine: self,
                cache: Some(cache),
                caps,
                it: Searcher::new(Input::new(hay)),
            }
        }
    }

    /// The matches of one search (see `Engine::search`).
    pub struct Matches<'r, 'h> {
        engine: &'r Engine,
        cache: Option<pikevm::Cache>,
        caps: captures::Captures,
        it: Searcher<'h>,
    }

    impl Iterator for Matches<'_, '_> {
        type Item = captures::Captures;
        fn next(&mut self) -> Option<captures::Captures> {
            let Matches {
                engine,
                cache,
                caps,
                it,
            } = self;
            let cache = cache.as_mut()?;
            // The PikeVM never fails a search: `advance` has no error to turn into a panic.
            it.advance(|input| {
                engine.vm.search(cache, input, caps);
                Ok(caps.get_match())
            });
            caps.is_match().then(|| caps.clone())
        }
    }

    impl Drop for Matches<'_, '_> {
        fn drop(&mut self) {
            if let (Some(c), Ok(mut spare)) = (self.cache.take(), self.engine.spare.lock()) {
                *spare = Some(c);
            }
        }
    }

    /// A match: where it is, and (for a `&str` regex) its text.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub struct Match<'h> {
        hay: &'h str,
        start: usize,
        end: usize,
    }

    impl<'h> Match<'h> {
        pub fn start(&self) -> usize {
            self.start
        }
        pub fn end(&self) -> usize {
            self.end
        }
        pub fn as_str(&self) -> &'h str {
            self.hay.get(self.start..self.end).unwrap_or("")
        }
    }

    /// A `&str` regex (the regex crate's `Regex`, Unicode mode).
    pub struct Regex(Engine);

    impl Regex {
        /// Compiles `pattern` in Unicode mode, as the regex crate's `RegexBuilder` does.
        pub fn new(pattern: &str, limits: Limits) -> Result<Regex, Error> {
            Engine::new(pattern, limits, true).map(Regex)
        }

        /// Every match in `hay` with its groups.
        pub fn captures_iter<'r, 'h>(&'r self, hay: &'h str) -> CapturesIter<'r, 'h> {
            CapturesIter {
                hay,
                inner: self.0.search(hay.as_bytes(), true),
            }
        }
    }

    /// The matches of a `&str` regex, with their groups.
    pub struct CapturesIter<'r, 'h> {
        hay: &'h str,
        inner: Matches<'r, 'h>,
    }

    impl<'h> Iterator for CapturesIter<'_, 'h> {
        type Item = Captures<'h>;
        fn next(&mut self) -> Option<Captures<'h>> {
            let caps = self.inner.next()?;
            Some(Captures {
                hay: self.hay,
                caps,
            })
        }
    }

    /// One match of a `&str` regex and its groups.
    pub struct Captures<'h> {
        hay: &'h str,
        caps: captures::Captures,
    }

    impl<'h> Captures<'h> {
        /// Group `i` (0: the whole match), when it took part in the match.
        pub fn get(&self, i: usize) -> Option<Match<'h>> {
            let s = self.caps.get_group(i)?;
            Some(Match {
                hay: self.hay,
                start: s.start,
                end: s.end,
            })
        }
    }

    /// Byte regexes (`unicode(false)`).
    pub mod bytes {
        use super::{captures, Engine, Error, Limits, Matches};

        /// A byte regex (the regex crate's `bytes::Regex`, Unicode mode off).
        pub struct Regex(Engine);

        /// A match of a byte regex: where it is.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub struct Match {
            start: usize,
            end: usize,
        }

        impl Match {
            pub fn start(&self) -> usize {
                self.start
            }
            pub fn end(&self) -> usize {
                self.end
            }
        }

        impl Regex {
            /// Compiles `pattern` with Unicode mode off, as the regex crate's
            /// `bytes::RegexBuilder` does with `unicode(false)`.
            pub fn new(pattern: &str, limits: Limits) -> Result<Regex, Error> {
                Engine::new(pattern, limits, false).map(Regex)
            }

            /// Groups in the pattern, the whole match (group 0) included.
            pub fn captures_len(&self) -> usize {
                self.0.captures_len()
            }

            /// Every match in `hay`.
            pub fn find_iter<'r, 'h>(&'r self, hay: &'h [u8]) -> FindIter<'r, 'h> {
                FindIter(self.0.search(hay, false))
            }

            /// Every match in `hay` with its groups.
            pub fn captures_iter<'r, 'h>(&'r self, hay: &'h [u8]) -> CapturesIter<'r, 'h> {
                CapturesIter(self.0.search(hay, true))
            }
        }

        /// The matches of a byte regex.
        pub struct FindIter<'r, 'h>(Matches<'r, 'h>);

        impl Iterator for FindIter<'_, '_> {
            type Item = Match;
            fn next(&mut self) -> Option<Match> {
                let m = self.0.next()?.get_match()?;
                Some(Match {
                    start: m.start(),
                    end: m.end(),
                })
            }
        }

        /// The matches of a byte regex, with their groups.
        pub struct CapturesIter<'r, 'h>(Matches<'r, 'h>);

        impl Iterator for CapturesIter<'_, '_> {
            type Item = Captures;
            fn next(&mut self) -> Option<Captures> {
                self.0.next().map(Captures)
            }
        }

        /// One match of a byte regex and its groups.
        pub struct Captures(captures::Captures);

        impl Captures {
            /// Group `i` (0: the whole match), when it took part in the match.
            pub fn get(&self, i: usize) -> Option<Match> {
                let s = self.0.get_group(i)?;
                Some(Match {
                    start: s.start,
                    end: s.end,
                })
            }
        }
    }
}
