use crate::hooks::Route;
use crate::i18n::Ui;
use llmdoctor_core::Lang;
use llmdoctor_core::Msg as M;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Name, tagline, navigation and the language switch.
pub fn header(t: &Ui, route: &Route, on_lang: &Callback<Lang>) -> Html {
    let onchange = {
        let on_lang = on_lang.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            on_lang.emit(Lang::parse(&v).unwrap_or_default());
        })
    };
    let on_rules = matches!(route, Route::Rules | Route::Rule(_));
    let current = |yes: bool| yes.then_some("page");
    html! {
        <header class="site-header">
            <div class="brand">
                <a class="logo" href="#/">
                    <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
                        <path d="M3 12h4l2-5 4 10 2-5h6" fill="none" stroke="currentColor" stroke-width="2.2"
                            stroke-linecap="round" stroke-linejoin="round" />
                    </svg>
                    <span>{ "llmdoctor" }</span>
                </a>
                <p class="tagline">{ t.get(M::PageTagline) }</p>
            </div>
            <nav class="site-nav" aria-label="llmdoctor">
                <a href="#/" aria-current={current(!on_rules)}>{ t.get(M::PageNavDiagnose) }</a>
                <a href="#/rules" aria-current={current(on_rules)}>{ t.get(M::PageNavRules) }</a>
                <label class="lang">
                    <span class="visually-hidden">{ t.get(M::PageLangLabel) }</span>
                    <select id="lang" {onchange} aria-label={t.attr(M::PageLangLabel)}>
                        <option value="en" selected={t.lang == Lang::En}>{ t.language_name(Lang::En) }</option>
                        <option value="zh" selected={t.lang == Lang::Zh}>{ t.language_name(Lang::Zh) }</option>
                    </select>
                </label>
            </nav>
        </header>
    }
}
