use crate::i18n::Ui;
use crate::prefs;
use crate::share::{self, Error};
use llmdoctor_core::Msg as M;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    /// The paste the shown diagnosis is about.
    pub text: AttrValue,
    pub ui: Ui,
}

#[derive(Clone, PartialEq)]
enum Step {
    Idle,
    Working,
    Done { link: AttrValue, copied: bool },
    Failed(Error),
}

/// "Share link": the paste, keys removed by the engine, compressed into a `#/s/` link that is
/// copied and shown (to copy by hand where the clipboard is refused). Nothing is uploaded.
#[function_component(ShareButton)]
pub fn share_button(p: &ShareProps) -> Html {
    let t = &p.ui;
    let step = use_state(|| Step::Idle);
    // Another paste: a link made for the previous one is stale.
    {
        let step = step.clone();
        use_effect_with(p.text.clone(), move |_| step.set(Step::Idle));
    }
    let onclick = {
        let (step, text) = (step.clone(), p.text.clone());
        Callback::from(move |_: MouseEvent| {
            step.set(Step::Working);
            let (step, text) = (step.clone(), text.clone());
            yew::platform::spawn_local(async move {
                step.set(match share::make_link(&text).await {
                    Ok(link) => Step::Done {
                        copied: prefs::copy(&link),
                        link: link.into(),
                    },
                    Err(e) => Step::Failed(e),
                })
            });
        })
    };
    let select_all = Callback::from(|e: FocusEvent| {
        e.target_unchecked_into::<HtmlInputElement>().select();
    });
    let message = match &*step {
        Step::Idle => "",
        Step::Working => t.get(M::PageShareWorking),
        Step::Done { copied: true, .. } => t.get(M::PageShareCopied),
        Step::Done { copied: false, .. } => t.get(M::PageShareReady),
        Step::Failed(Error::TooLong) => t.get(M::PageShareTooLong),
        Step::Failed(_) => t.get(M::PageShareUnsupported),
    };
    html! {
        <div class="share">
            <div class="share-row">
                <button type="button" class="share-button" {onclick}
                    disabled={*step == Step::Working} aria-describedby="share-hint">
                    { t.get(M::PageShare) }
                </button>
                <span id="share-status" class="share-status" role="status" aria-live="polite">{ message }</span>
            </div>
            if let Step::Done { link, .. } = &*step {
                <label class="share-link">
                    <span class="visually-hidden">{ t.get(M::PageShareLinkLabel) }</span>
                    <input id="share-link" type="text" readonly=true value={link.clone()}
                        onfocus={select_all} spellcheck="false" />
                </label>
            }
            <p id="share-hint" class="hint">{ t.get(M::PageShareHint) }</p>
        </div>
    }
}
