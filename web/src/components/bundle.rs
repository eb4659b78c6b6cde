use crate::hooks::Shared;
use crate::i18n::ui;
use crate::prefs;
use crate::texts::Words;
use gloo::timers::callback::Timeout;
use llmdoctor_core::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BundleButtonProps {
    pub analysis: Shared,
    pub words: Words,
    pub lang: Lang,
}

/// "Copy support bundle": what support asks for (time, tool and version, masked key, endpoint,
/// model, parameters, the error lines, the first diagnosis — core's `support::bundle`), built
/// from the already-masked report when clicked and put on the clipboard.
#[function_component(BundleButton)]
pub fn bundle_button(p: &BundleButtonProps) -> Html {
    let t = ui(p.lang);
    let done = use_state(|| None::<bool>);
    let words = p.words.clone();
    let onclick = {
        let (done, a, lang) = (done.clone(), p.analysis.clone(), p.lang);
        Callback::from(move |_: MouseEvent| {
            let text =
                llmdoctor_core::support::bundle(&a.text, &a.report, &words, Some(a.now), lang);
            done.set(Some(prefs::copy(&text)));
            let done = done.clone();
            Timeout::new(2500, move || done.set(None)).forget();
        })
    };
    let label = match *done {
        None => t.bundle,
        Some(true) => t.bundle_copied,
        Some(false) => t.copy_failed,
    };
    html! {
        <button type="button" class="ghost bundle" {onclick} title={t.bundle_hint} aria-live="polite">
            { label }
        </button>
    }
}
