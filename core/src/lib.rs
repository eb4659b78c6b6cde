//! llmdoctor-core: diagnoses why a call to an LLM API gateway failed, from whatever was pasted.
//!
//! Pure and deterministic: no clock, no randomness, no I/O. Rules and the provider catalog are
//! compiled in from `rules/` by `build.rs`. Every string in a [`Report`] is already redacted.
//!
//! # The public API
//!
//! What a front end (the CLI, the page) calls, in order:
//!
//! 1. [`diagnose`]`(paste, &`[`Options`]`)` → a [`Report`]. [`Options`] holds the language,
//!    "now" (the engine never reads the clock: [`Instant`], [`parse_rfc3339`]), the billing day,
//!    and whether keys stay unmasked. A front end that must stay responsive on a huge paste runs
//!    a [`Session`] instead ([`Session::step`] about [`STEP_BYTES`] at a time, then
//!    [`Session::finish`]): the same report. Input beyond [`MAX_INPUT`] is not read. [`warm`]
//!    builds the keyword automaton ahead of the first paste.
//! 2. The [`Report`] (types in [`report`]) holds rule ids and structured data — diagnoses with
//!    their evidence, fixes, retry advice and quota resets, corrected configs, the facts read —
//!    every string [`Masked`]. It has no words of its own: the rules' words and every other
//!    word (`rules/messages/<lang>.toml`, [`Msg`]) come from a [`Catalog`] ([`Catalog::embedded`]
//!    with the `embedded-texts` feature, or [`Catalog::new`] and [`Catalog::install`] for words
//!    loaded later).
//! 3. Rendering: [`Report::json`]`(&catalog)` is the contract's JSON (docs/CONTRACT.md; its
//!    schema is `schema::report_schema` with the `schema` feature), or a front end renders the
//!    report itself through a [`Wording`] ([`Report::wording`]`(&catalog)`: a catalog in the
//!    report's language): [`Report::text`] and [`Report::steps`] for a diagnosis's words,
//!    [`Wording::category`], [`Wording::severity`], [`Wording::advice`],
//!    [`Wording::reset_note`], [`Wording::note`], … for its data, [`Wording::get`] and
//!    [`Wording::fill`] for any message (the CLI's own lines in [`labels::human`] and
//!    [`labels::doctor`]). Text from outside the report is masked with [`Report::mask`];
//!    [`escape_controls`] / [`needs_escape`] make text safe for a terminal.
//!
//! Beside a report:
//! - [`support::bundle`]: the support bundle (plain text, masked);
//! - [`share::redact_for_share`]: the paste with every key replaced, for a share link;
//! - [`corrected::revealed`], [`corrected::apply_revealed`]: the explicit reveal path (the
//!   corrected configs with the real values the fixes write; the CLI's `--fix`);
//! - [`config::read`]: the config reader the engine uses, for the CLI's `doctor`;
//! - [`RULES`], [`rule`], [`Rule`] and the vocabulary enums ([`Lang`], [`Category`],
//!   [`Severity`], [`Confidence`], [`Reset`], [`Tool`], [`KeyKind`]): the rule table, for
//!   rule pages and indexes ([`order`] sorts them as the engine does); [`selfcheck`]: the
//!   self-check shown when no rule matched; [`VERSION`].
//!
//! Everything else is internal (`pub(crate)`). The hidden `testing` module lets core's own
//! tests, benchmarks and the fuzz targets reach the internals they check; front ends never use
//! it.

// Items of the internal modules are `pub(crate)`: a `pub` that no public path reaches is a
// warning, so what is API stays visible here and the compiler reports dead code. (Not in test
// builds: helpers shared with the integration tests, tests/common/shell.rs, are `pub` there.)
#![cfg_attr(not(test), warn(unreachable_pub))]

pub(crate) mod checks;
pub mod config;
pub mod corrected;
pub(crate) mod diagnose;
pub(crate) mod escape;
pub(crate) mod facts;
pub(crate) mod findings;
pub(crate) mod fix;
pub(crate) mod hashing;
pub(crate) mod keywords;
pub mod labels;
pub(crate) mod locate;
pub mod messages;
pub(crate) mod model_names;
pub(crate) mod notes;
pub mod order;
pub mod precondition;
pub(crate) mod re;
pub(crate) mod regex_limits;
pub mod report;
pub(crate) mod retry;
pub(crate) mod scan;
#[cfg(feature = "schema")]
pub mod schema;
pub(crate) mod secrets;
pub mod share;
pub mod support;
pub mod texts;
pub(crate) mod time;
pub(crate) mod tool;
pub(crate) mod url;
pub(crate) mod verify;
pub(crate) mod vocabulary;

pub use diagnose::{diagnose, Options, Session, MAX_INPUT, STEP_BYTES};
/// The self-check is all words: it lives in the catalog (`labels::selfcheck`).
pub use labels::selfcheck;
pub use messages::{Msg, Wording};
pub use report::Report;
pub use scan::warm;
pub use secrets::{escape_controls, needs_escape, KeyKind, Masked, MaskedJson, Revealed};
pub use texts::{Catalog, Text};
pub use time::{parse_rfc3339, Instant};
pub use tool::Tool;
pub use vocabulary::{rule, Category, Confidence, Lang, Reset, Rule, Rules, Severity, RULES};

/// The engine's version, for support bundles and `--version`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Internals that core's integration tests (core/tests), benchmarks (core/benches) and the fuzz
/// targets (fuzz/src, also compiled into core/tests/adversarial.rs) check or measure directly:
/// the scanner, the keyword automaton, the regex engines, key shapes and masking. Not part of
/// the API: front ends never use it, and it changes with the engine. One hidden module rather
/// than a cargo feature: the benchmarks, core's integration tests and the fuzz workspace all
/// need it, and a feature would have to be turned on for each (core would have to dev-depend on
/// itself). Unit tests inside the modules use the internals directly.
#[doc(hidden)]
pub mod testing {
    pub use crate::checks::CHECKS;
    pub use crate::diagnose::fired;
    pub use crate::escape::{key_ok, model_ok, var_ok};
    pub use crate::facts::{DNS_MARKERS, STATUS_MARKERS};
    pub use crate::keywords::{Keywords, Match};
    pub use crate::re::pike;
    pub use crate::regex_limits::{
        pike_regex, pike_rule_regex, REGEX_DFA_SIZE_LIMIT, REGEX_NEST_LIMIT, REGEX_SIZE_LIMIT,
    };
    pub use crate::scan::{scan, MAX_EVIDENCE};
    pub use crate::secrets::names::markers as secret_name_markers;
    pub use crate::secrets::placeholder::placeholder;
    pub use crate::secrets::{mask, Redactor};
    pub use crate::vocabulary::{HOSTS, TOOL_MARKERS};

    /// Key shapes (rules/secrets.toml): the red-team suite and the fuzz targets generate keys
    /// of every shape.
    pub mod shapes {
        pub use crate::secrets::shapes::{Part, Shape, SHAPES};
    }
}
