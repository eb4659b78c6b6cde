//! Typed words: the engine's data rendered through the message catalog
//! (`rules/messages/<lang>.toml`, [`crate::messages`]), one file per subject — the engine's
//! notes (`notes`), retry advice (`retry`), quota reset notes (`reset`), the model catalog's
//! steps (`models`), the verification sentence (`verify`), the self-check (`selfcheck`), the
//! support bundle (`support`), and the CLI's report (`human`) and `doctor` lines.
//!
//! The words themselves are in the catalog's files only: `core/tests/word_catalog.rs` fails on
//! a Chinese character written in any source file, these included.

pub mod doctor;
pub mod human;
pub(crate) mod models;
pub(crate) mod notes;
pub(crate) mod reset;
pub(crate) mod retry;
pub mod selfcheck;
pub mod support;
pub(crate) mod verify;
