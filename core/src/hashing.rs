//! Hash maps with a fixed hasher. std's default seeds each map at random, so the same input
//! took different paths inside the map from run to run: enough for the seeded CI fuzz smoke to
//! follow a different course on each machine (a red run must replay). Keys here come from a
//! paste of at most `MAX_INPUT` bytes on the user's own machine; SipHash with fixed keys is
//! still no cheap target for collisions. `clippy.toml` refuses std's maps elsewhere in core.

#![allow(clippy::disallowed_types)]

use std::collections::hash_map::DefaultHasher;
use std::hash::BuildHasherDefault;

/// `DefaultHasher::new()`: SipHash-1-3 with zero keys, the same on every run.
pub(crate) type Fixed = BuildHasherDefault<DefaultHasher>;
pub(crate) type Map<K, V> = std::collections::HashMap<K, V, Fixed>;
pub(crate) type Set<K> = std::collections::HashSet<K, Fixed>;
