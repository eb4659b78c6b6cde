//! One component per file, each with its own `Props`; the views that hold no state of their own
//! are plain functions returning `Html` (each component costs the page its own copy of yew's
//! generic machinery).

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
pub use diagnosis::{diagnosis_card, DiagnosisCardProps};
pub use evidence::evidence_list;
pub use facts::{facts_panel, FactsPanelProps};
pub use header::{header, HeaderProps};
pub use paste::PasteBox;
pub use reset::{reset_panel, ResetPanelProps};
pub use results::Results;
pub use retry::retry_panel;
pub use rich::{rich, source};
pub use rule_page::{rule_page, RulePageProps};
pub use rules_index::{rules_index, RulesIndexProps};
pub use selfcheck::self_check_view;
pub use share::ShareButton;
pub use steps::steps as steps_view;
