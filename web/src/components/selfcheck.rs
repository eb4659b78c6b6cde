use crate::i18n::Ui;
use llmdoctor_core::selfcheck::self_check;
use yew::prelude::*;

/// No rule matched: the quick self-check from the engine.
pub fn self_check_view(ui: &Ui) -> Html {
    let c = self_check(&ui.w());
    html! {
        <div id="selfcheck" class="selfcheck">
            <h2>{ c.title }</h2>
            <ol>{ for c.items.iter().map(|s| html! { <li>{ *s }</li> }) }</ol>
            <p class="source">{ c.source }</p>
        </div>
    }
}
