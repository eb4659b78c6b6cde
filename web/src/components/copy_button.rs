use crate::i18n::ui;
use crate::prefs;
use gloo::timers::callback::Timeout;
use llmdoctor_core::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CopyButtonProps {
    pub text: AttrValue,
    pub lang: Lang,
    /// What is copied, for screen readers ("Copy python").
    #[prop_or_default]
    pub what: AttrValue,
}

/// Copies `text` to the clipboard and says so for a moment.
#[function_component(CopyButton)]
pub fn copy_button(p: &CopyButtonProps) -> Html {
    let t = ui(p.lang);
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
        None => t.copy,
        Some(true) => t.copied,
        Some(false) => t.copy_failed,
    };
    let aria = if p.what.is_empty() {
        t.copy.to_string()
    } else {
        format!("{} {}", t.copy, p.what)
    };
    html! {
        <button type="button" class="copy" {onclick} aria-label={aria}>
            <span aria-live="polite">{ label }</span>
        </button>
    }
}
