//! The fuzz targets' bodies and what they share. The files here are also compiled into
//! `core/tests/adversarial.rs` (by path), which replays every saved crash
//! (`tests/adversarial/regressions/<target>/`) through the very same function and checks.
//!
//! - [`targets`]: one function per fuzz target, `fn(&[u8])`, panicking on any violation;
//! - [`contract`]: the report contract and the engine's bounds, checked on any input;
//! - [`plant`]: a fresh key planted in the input, and the leak check.

pub mod contract;
pub mod plant;
pub mod targets;

pub use targets::paste;
