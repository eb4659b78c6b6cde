//! Proptest strategies for the red-team generator (`fuzz/src/pastes.rs`): fresh keys of every
//! kind, a kind's key in a context, injection pastes. They make the choices `pastes::Rng` makes
//! for the fuzz targets, as values proptest draws and shrinks: a failing case shrinks to the
//! shortest key of the alphabets' first characters, the first setting name, the first error
//! line — a minimal failing paste.
//!
//! Every run is the same run: [`runner`] and [`config`] fix the algorithm (ChaCha) and the
//! seed, and write no failure files, so a red run in CI is red again on any machine, and
//! `PROPTEST_RNG_SEED`/`PROPTEST_CASES` in the environment change nothing.

use super::pastes::{self, Case, Context, Key, Kind, Source, KEY_NAMES};
use llmdoctor_core::testing::shapes::{Part, Shape, SHAPES};
use proptest::prelude::*;
use proptest::sample::{select, Index};
use proptest::test_runner::{Config, RngAlgorithm, RngSeed, TestError, TestRunner};
use std::cell::RefCell;

/// The same `cases` cases from `seed` on every run, whatever the environment says, and a
/// failure shrunk in at most 1,024 steps (a count, not a time: the same minimal case on every
/// machine).
pub fn config(cases: u32, seed: u64) -> Config {
    Config {
        cases,
        rng_algorithm: RngAlgorithm::ChaCha,
        rng_seed: RngSeed::Fixed(seed),
        failure_persistence: None,
        max_shrink_iters: 1024,
        ..Config::default()
    }
}

/// A runner of [`config`].
pub fn runner(cases: u32, seed: u64) -> TestRunner {
    TestRunner::new(config(cases, seed))
}

/// Runs `test` on `cases` values of `strategy` from `seed`: `None` when it holds, else the
/// shrunk failing value and the reason. (A strategy that rejects every value is a bug in the
/// suite: it panics.)
pub fn check<S: Strategy>(
    cases: u32,
    seed: u64,
    strategy: &S,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) -> Option<(S::Value, String)> {
    check_with(config(cases, seed), strategy, test)
}

/// [`check`] with its own configuration.
pub fn check_with<S: Strategy>(
    config: Config,
    strategy: &S,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) -> Option<(S::Value, String)> {
    match TestRunner::new(config).run(strategy, test) {
        Ok(()) => None,
        Err(TestError::Fail(reason, value)) => Some((value, reason.to_string())),
        Err(TestError::Abort(reason)) => panic!("the strategy gave up: {reason}"),
    }
}

/// The seed of a suite's `n`th run of [`check`] (its own stream: ChaCha expands the seed).
pub fn nth_seed(seed: u64, n: u64) -> u64 {
    seed.wrapping_add(n)
}

/// The value `check(1, seed, strategy, …)` tests first: the case a suite runs, for the suite
/// that runs the same cases elsewhere (the CLI's half of the red team runs the engine's).
pub fn first<S: Strategy>(seed: u64, strategy: &S) -> S::Value {
    let slot = RefCell::new(None);
    let kept = check(1, seed, strategy, |v| {
        slot.borrow_mut().get_or_insert(v);
        Ok(())
    });
    assert!(kept.is_none());
    slot.into_inner().expect("one case drawn")
}

/// What `Shape::example` chooses for a key of `shape`, in the order it asks: for each run its
/// length (above the run's minimum), then a character (an index into the run's alphabet) for
/// each position it draws — all but the first two of a run of four or more, which are a fixed
/// letter and digit.
pub fn example_choices(shape: &'static Shape) -> BoxedStrategy<Vec<usize>> {
    let runs: Vec<BoxedStrategy<Vec<usize>>> = shape
        .parts
        .iter()
        .filter_map(|p| match *p {
            Part::Lit(_) => None,
            Part::Run(cs, min, max) => {
                let letters = cs.alphabet().len();
                let run = (0..=max - min).prop_flat_map(move |extra| {
                    let n = min + extra;
                    let drawn = if n >= 4 { n - 2 } else { n };
                    prop::collection::vec(0..letters, drawn).prop_map(move |mut v| {
                        v.insert(0, extra);
                        v
                    })
                });
                Some(run.boxed())
            }
        })
        .collect();
    runs.prop_map(|runs| runs.concat()).boxed()
}

/// The key `shape.example` makes from `choices` (as [`example_choices`] makes them).
pub fn example(shape: &Shape, choices: &[usize]) -> String {
    let mut next = choices.iter();
    let key = shape.example(&mut |n| {
        let c = *next
            .next()
            .expect("a choice for every question example asks");
        assert!(c < n, "choice {c} out of 0..{n}");
        c
    });
    assert!(next.next().is_none(), "every choice used");
    key
}

/// A fresh key of `shape`.
pub fn shape_key(shape: &'static Shape) -> impl Strategy<Value = String> {
    example_choices(shape).prop_map(move |c| example(shape, &c))
}

/// A fresh key of any shape of the catalog: (its anchor, the key).
pub fn any_key() -> impl Strategy<Value = (&'static str, String)> {
    (0..SHAPES.len()).prop_flat_map(|i| {
        let shape = &SHAPES[i];
        shape_key(shape).prop_map(move |k| (shape.anchor, k))
    })
}

/// A fresh key of `kind`, as `Kind::make` makes one.
pub fn key(kind: &Kind) -> BoxedStrategy<Key> {
    let name = match kind.name {
        Some(n) => Just(n.to_string()).boxed(),
        None => select(KEY_NAMES).prop_map(str::to_string).boxed(),
    };
    let kind = kind.clone();
    match kind.source {
        Source::Shape(s) | Source::Upper(s) | Source::Dotted(s) => {
            (name, example_choices(s), any::<Index>())
                .prop_map(move |(name, choices, dot)| {
                    let text = example(s, &choices);
                    let third = (text.len() - s.anchor.len()) / 3;
                    let dot = if third == 0 { 0 } else { dot.index(third) };
                    kind.key(text, name, dot)
                })
                .boxed()
        }
        Source::Named { alphabet, min, max } => {
            let value = prop::collection::vec(select(alphabet), min..=max)
                .prop_filter("a key or password has digits and letters", move |v| {
                    pastes::plausible(alphabet, v)
                });
            (name, value)
                .prop_map(move |(name, v)| {
                    kind.key(String::from_utf8(v).expect("ASCII alphabet"), name, 0)
                })
                .boxed()
        }
    }
}

/// `context` with a fresh key of `kind` in it, after an error line; `None` when the key does
/// not fit the context (as `Context::render`).
pub fn case(kind: &Kind, context: &'static Context) -> impl Strategy<Value = Option<Case>> {
    // The choices `render_with` asks for: how much a truncated key keeps, the error line.
    (key(kind), any::<Index>(), any::<Index>()).prop_map(move |(key, a, b)| {
        let mut choices = [a, b].into_iter();
        context.render_with(&key, &mut |n| {
            choices
                .next()
                .expect("render asks for two choices at most")
                .index(n)
        })
    })
}

/// An injection paste: `placement` with `payload` and a fresh general key, after an error line.
pub fn injection_paste(
    placement: pastes::Placement,
    payload: &'static str,
) -> impl Strategy<Value = String> {
    (
        shape_key(pastes::injection_key_shape()),
        select(pastes::INJECTION_ERRORS),
    )
        .prop_map(move |(key, err)| placement.paste(payload, &key, err))
}
