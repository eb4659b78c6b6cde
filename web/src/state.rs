//! What the user asked for, and the one reducer that changes it: the text in the box, the
//! language, the billing day, the rules index's query, the review fixes left out. What the
//! engine or the network makes of it lives in the hooks' state (web/src/hooks/).

use llmdoctor_core::{Instant, Lang, Options};
use std::rc::Rc;
use yew::{AttrValue, Reducible};

#[derive(Clone, PartialEq)]
pub struct State {
    /// What is in the paste box.
    pub text: AttrValue,
    pub lang: Lang,
    pub billing_day: Option<u8>,
    pub rule_query: AttrValue,
    /// Rules whose review fixes the user chose to leave out of the corrected config.
    pub skipped: Vec<&'static str>,
}

impl State {
    pub fn new(lang: Lang) -> State {
        State {
            text: AttrValue::default(),
            lang,
            billing_day: None,
            rule_query: AttrValue::default(),
            skipped: Vec::new(),
        }
    }

    /// The engine's options for this state at `now`.
    pub fn options(&self, now: Instant) -> Options {
        Options {
            lang: self.lang,
            now: Some(now),
            billing_day: self.billing_day,
            show_secrets: false,
            skip_fixes: self.skipped.clone(),
        }
    }
}

/// A change the user made. The page dispatches it through `use_diagnosis` (web/src/hooks/),
/// which runs the engine as the change asks.
pub enum Action {
    /// The user typed or pasted in the box.
    Type(AttrValue),
    /// The text replaced from outside the box (an example, Clear, a share link): every review
    /// fix applies again.
    Load(AttrValue),
    SetLang(Lang),
    SetBillingDay(Option<u8>),
    RuleQuery(AttrValue),
    /// Apply or leave out a rule's review fix in the corrected config.
    ToggleFix(&'static str),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Type(text) => s.text = text,
            Action::Load(text) => {
                s.text = text;
                s.skipped.clear();
            }
            Action::SetLang(lang) => s.lang = lang,
            Action::SetBillingDay(day) => s.billing_day = day,
            Action::RuleQuery(q) => s.rule_query = q,
            Action::ToggleFix(rule) => match s.skipped.iter().position(|r| *r == rule) {
                Some(i) => {
                    s.skipped.remove(i);
                }
                None => s.skipped.push(rule),
            },
        }
        Rc::new(s)
    }
}
