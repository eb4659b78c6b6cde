//! The root component: layout (header, the current route, footer) and the wiring of the hooks
//! that do the work (web/src/hooks/).

use crate::components::{header, rule_page, rules_index, PasteBox, Results};
use crate::hooks::{
    use_diagnosis, use_document_lang, use_hash_route, use_preset, use_rule_texts, Route,
};
use crate::i18n::Ui;
use crate::prefs;
use crate::state::{Action, State};
use llmdoctor_core::{Lang, Msg as M};
use yew::prelude::*;

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| State::new(prefs::initial_lang()));
    let lang = state.lang;
    let (diag, act) = use_diagnosis(state.clone());
    let route = use_hash_route();
    let texts = use_rule_texts(lang, &route, diag.analysis.as_ref());
    let on_load = act.reform(Action::Load);
    use_preset(on_load.clone());
    let t = Ui::new(texts.words.clone(), lang);
    // Until the language's words are here (the first paint in Chinese fetches them), the page
    // is hidden: no flash of English. If they cannot come, it speaks English and says why.
    use_document_lang(&t, t.words.has_messages(lang) || texts.error.is_some());

    let on_lang = act.reform(|lang: Lang| {
        prefs::remember_lang(lang);
        Action::SetLang(lang)
    });
    let body = match &route {
        Route::Diagnose => html! {
            <div class="workspace">
                <PasteBox
                    loaded={diag.loaded.clone()}
                    replaced={diag.replaced}
                    empty={state.text.is_empty()}
                    ui={t.clone()}
                    on_input={act.reform(Action::Type)}
                    on_load={on_load.clone()}
                />
                <Results
                    analysis={diag.analysis.clone()}
                    pending={diag.pending || diag.progress.is_some()}
                    progress={diag.progress}
                    ui={t.clone()}
                    billing_day={state.billing_day}
                    on_billing_day={act.reform(Action::SetBillingDay)}
                    {on_load}
                    skipped={state.skipped.clone()}
                    on_toggle_fix={act.reform(Action::ToggleFix)}
                />
            </div>
        },
        Route::Rules => html! {
            { rules_index(&t, &state.rule_query, &act.reform(Action::RuleQuery)) }
        },
        Route::Rule(id) => html! { { rule_page(id, &t) } },
    };

    html! {
        <>
            { header(&t, &route, &on_lang) }
            if let Some(e) = &texts.error {
                <p class="texts-error" role="alert">{ t.get(M::PageTextsError) }{ " (" }{ e.clone() }{ ")" }</p>
            }
            <main id="main" tabindex="-1">{ body }</main>
            <footer class="site-footer">
                <p>{ t.get(M::PageFooter) }{ " · v" }{ llmdoctor_core::VERSION }</p>
            </footer>
        </>
    }
}
