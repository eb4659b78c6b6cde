//! llmdoctor-core: diagnoses why a call to an LLM API gateway failed, from whatever was pasted.
//!
//! Pure and deterministic: no clock, no randomness, no I/O. Rules and the provider catalog are
//! compiled in from `rules/` by `build.rs`. Every string in a [`Report`] is already redacted.

pub mod checks;
pub mod config;
pub mod corrected;
pub mod diagnose;
pub mod escape;
pub mod facts;
pub mod findings;
pub mod fix;
pub mod hashing;
pub mod keywords;
pub mod labels;
pub mod locate;
pub mod model_names;
pub mod notes;
pub mod order;
pub mod precondition;
pub mod re;
pub mod regex_limits;
pub mod report;
pub mod retry;
pub mod scan;
#[cfg(feature = "schema")]
pub mod schema;
pub mod secrets;
/// The self-check is all words: it lives in the catalog (`labels::selfcheck`).
pub use labels::selfcheck;
pub mod share;
pub mod support;
pub mod texts;
pub use texts::{Catalog, Text};
pub mod time;
pub mod tool;
pub mod url;
pub mod verify;
pub mod vocabulary;

pub use diagnose::{diagnose, fired, Options, MAX_INPUT};
pub use report::Report;
pub use time::{parse_rfc3339, Instant};
pub use vocabulary::{rule, Category, Confidence, Lang, Rule, Severity, RULES};

/// The engine's version, for support bundles and `--version`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
