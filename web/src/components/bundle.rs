use crate::hooks::Shared;
use crate::i18n::Ui;
use crate::prefs;
use gloo::timers::callback::Timeout;
use llmdoctor_core::Msg as M;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BundleButtonProps {
    pub analysis: Shared,
    pub ui: Ui,
}

/// "Copy support bundle": what support asks for (time, tool and version, masked key, endpoint,
/// model, parameters, the error lines, the first diagnosis — core's `support::bundle`), built
/// from the already-masked report when clicked and put on the clipboard.
#[function_component(BundleButton)]
pub fn bundle_button(p: &BundleButtonProps) -> Html {
    let t = &p.ui;
    let done = use_state(|| None::<bool>);
    let words = p.ui.words.clone();
    let onclick = {
        let (done, a, lang) = (done.clone(), p.analysis.clone(), p.ui.lang);
        Callback::from(move |_: MouseEvent| {
            let text =
                llmdoctor_core::support::bundle(&a.text, &a.report, &words, Some(a.now), lang);
            done.set(Some(prefs::copy(&text)));
            let done = done.clone();
            Timeout::new(2500, move || done.set(None)).forget();
        })
    };
    let label = match *done {
        None => t.get(M::PageBundle),
        Some(true) => t.get(M::PageBundleCopied),
        Some(false) => t.get(M::PageCopyFailed),
    };
    html! {
        <button type="button" class="ghost bundle" {onclick} title={t.attr(M::PageBundleHint)} aria-live="polite">
            { label }
        </button>
    }
}
