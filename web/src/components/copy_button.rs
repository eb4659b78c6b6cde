use crate::i18n::Ui;
use crate::prefs;
use gloo::timers::callback::Timeout;
use llmdoctor_core::Msg as M;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CopyButtonProps {
    pub text: AttrValue,
    pub ui: Ui,
    /// What is copied, for screen readers ("Copy python").
    #[prop_or_default]
    pub what: AttrValue,
}

/// Copies `text` to the clipboard and says so for a moment.
#[function_component(CopyButton)]
pub fn copy_button(p: &CopyButtonProps) -> Html {
    let t = &p.ui;
    let done = use_state(|| None::<bool>);
    let onclick = {
        let done = done.clone();
        let text = p.text.clone();
        Callback::from(move |_: MouseEvent| {
            done.set(Some(prefs::copy(&text)));
            let done = done.clone();
            Timeout::new(2000, move || done.set(None)).forget();
        })
    };
    let label = match *done {
        None => t.get(M::PageCopy),
        Some(true) => t.get(M::PageCopied),
        Some(false) => t.get(M::PageCopyFailed),
    };
    let aria = if p.what.is_empty() {
        t.get(M::PageCopy).to_string()
    } else {
        format!("{} {}", t.get(M::PageCopy), p.what)
    };
    html! {
        <button type="button" class="copy" {onclick} aria-label={aria}>
            <span aria-live="polite">{ label }</span>
        </button>
    }
}
