//! The page's orchestration, one hook per concern; `App` (web/src/app.rs) is layout and wiring.
//! What the engine or the network produces lives in these hooks' state; the page's reducer
//! (web/src/state.rs) holds what the user asked for.

mod diagnosis;
mod page;
mod route;
mod rule_texts;
mod share_links;

pub use diagnosis::{use_diagnosis, Analysis, Shared};
pub use page::{use_document_lang, use_preset};
pub use route::{use_hash_route, Route};
pub use rule_texts::use_rule_texts;
pub use share_links::{use_share_links, Opened};
