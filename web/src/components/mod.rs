//! One component per file, each with its own `Props`.

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
pub use diagnosis::DiagnosisCard;
pub use evidence::EvidenceList;
pub use facts::FactsPanel;
pub use header::Header;
pub use paste::PasteBox;
pub use reset::ResetPanel;
pub use results::Results;
pub use retry::RetryPanel;
pub use rich::{rich, source};
pub use rule_page::RulePage;
pub use rules_index::RulesIndex;
pub use selfcheck::SelfCheck;
pub use share::ShareButton;
pub use steps::Steps;
