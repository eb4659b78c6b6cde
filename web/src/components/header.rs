use crate::hooks::Route;
use crate::i18n::ui;
use llmdoctor_core::Lang;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub lang: Lang,
    pub route: Route,
    pub on_lang: Callback<Lang>,
}

/// Name, tagline, navigation and the language switch.
#[function_component(Header)]
pub fn header(p: &HeaderProps) -> Html {
    let t = ui(p.lang);
    let onchange = {
        let on_lang = p.on_lang.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            on_lang.emit(Lang::parse(&v).unwrap_or_default());
        })
    };
    let on_rules = matches!(p.route, Route::Rules | Route::Rule(_));
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
                <p class="tagline">{ t.tagline }</p>
            </div>
            <nav class="site-nav" aria-label="llmdoctor">
                <a href="#/" aria-current={current(!on_rules)}>{ t.nav_diagnose }</a>
                <a href="#/rules" aria-current={current(on_rules)}>{ t.nav_rules }</a>
                <label class="lang">
                    <span class="visually-hidden">{ t.lang_label }</span>
                    <select id="lang" {onchange} aria-label={t.lang_label}>
                        <option value="en" selected={p.lang == Lang::En}>{ crate::i18n::language_name(Lang::En) }</option>
                        <option value="zh" selected={p.lang == Lang::Zh}>{ crate::i18n::language_name(Lang::Zh) }</option>
                    </select>
                </label>
            </nav>
        </header>
    }
}
