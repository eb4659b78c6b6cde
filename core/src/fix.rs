//! The engine's own edits: span edits on the user's text with their real replacement. They
//! never leave core as they are: the report carries each one masked, its real text reachable
//! only through the explicit reveal path ([`crate::secrets::Revealed`]). Beside replacing a
//! value, [`structural`] deletes, inserts, renames and requotes settings, still as span edits.

pub mod structural;

/// Replace `start..end` of the paste with `replacement`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub replacement: String,
}
