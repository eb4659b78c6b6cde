use crate::i18n::ui;
use crate::prefs;
use crate::share::{self, Error};
use llmdoctor_core::Lang;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    /// The paste the shown diagnosis is about.
    pub text: AttrValue,
    pub lang: Lang,
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
    let t = ui(p.lang);
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
        Step::Working => t.share_working,
        Step::Done { copied: true, .. } => t.share_copied,
        Step::Done { copied: false, .. } => t.share_ready,
        Step::Failed(Error::TooLong) => t.share_too_long,
        Step::Failed(_) => t.share_unsupported,
    };
    html! {
        <div class="share">
            <div class="share-row">
                <button type="button" class="share-button" {onclick}
                    disabled={*step == Step::Working} aria-describedby="share-hint">
                    { t.share }
                </button>
                <span id="share-status" class="share-status" role="status" aria-live="polite">{ message }</span>
            </div>
            if let Step::Done { link, .. } = &*step {
                <label class="share-link">
                    <span class="visually-hidden">{ t.share_link_label }</span>
                    <input id="share-link" type="text" readonly=true value={link.clone()}
                        onfocus={select_all} spellcheck="false" />
                </label>
            }
            <p id="share-hint" class="hint">{ t.share_hint }</p>
        </div>
    }
}
