//! One view per file. Views that keep state are yew components, each with its own `Props`; the
//! others are plain functions returning `Html`, taking what they show as arguments (each
//! component costs the page its own copy of yew's generic machinery). A diagnosis card and its
//! reset panel share [`CardProps`].

mod bundle;
mod copy_button;
mod corrected;
mod diagnosis;
mod evidence;
mod facts;
mod header;
mod paste;
mod reset;
mod results;
mod retry;
mod rich;
mod rule_page;
mod rules_index;
mod selfcheck;
mod share;
mod steps;

pub use bundle::BundleButton;
pub use copy_button::CopyButton;
pub use corrected::CorrectedPanel;
pub use diagnosis::{diagnosis_card, CardProps};
pub use evidence::evidence_list;
pub use facts::facts_panel;
pub use header::header;
pub use paste::PasteBox;
pub use reset::reset_panel;
pub use results::Results;
pub use retry::retry_panel;
pub use rich::{rich, source};
pub use rule_page::rule_page;
pub use rules_index::rules_index;
pub use selfcheck::self_check_view;
pub use share::ShareButton;
pub use steps::steps as steps_view;
