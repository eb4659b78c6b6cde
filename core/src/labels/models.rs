//! The model catalog's steps ([`LeadStep`]) in words: the model the user most likely meant,
//! and the models with a larger context window.

use crate::messages::{Fill, Msg, Wording};
use crate::report::LeadStep;
use crate::secrets::Masked;

impl<'a> Wording<'a> {
    /// A step the engine puts before a rule's own.
    pub fn lead_step(&self, step: &LeadStep) -> Masked {
        match step {
            LeadStep::DidYouMean {
                meant,
                name,
                case_only,
            } => self.fill_masked(
                if *case_only {
                    Msg::ModelDidYouMeanCase
                } else {
                    Msg::ModelDidYouMean
                },
                &[("meant", Fill::Word(meant)), ("name", Fill::Text(name))],
            ),
            LeadStep::LargerWindow {
                name,
                context,
                larger,
            } => {
                let context = Fill::Num(*context as usize);
                if larger.is_empty() {
                    return self.fill_masked(
                        Msg::ModelLargest,
                        &[("name", Fill::Word(name)), ("context", context)],
                    );
                }
                let list = larger
                    .iter()
                    .map(|(n, c)| format!("{n} ({c})"))
                    .collect::<Vec<_>>()
                    .join(self.get(Msg::ModelListSeparator));
                self.fill_masked(
                    Msg::ModelLarger,
                    &[
                        ("name", Fill::Word(name)),
                        ("context", context),
                        ("larger", Fill::Word(&list)),
                    ],
                )
            }
        }
    }
}
