use super::{rich, source, Steps};
use crate::i18n::{self, ui};
use crate::texts::Words;
use llmdoctor_core::{rule, Lang};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RulePageProps {
    pub id: AttrValue,
    pub words: Words,
    pub lang: Lang,
}

/// `#/rules/<id>`: one rule in full, in the chosen language.
#[function_component(RulePage)]
pub fn rule_page(p: &RulePageProps) -> Html {
    let t = ui(p.lang);
    let back = html! { <p class="crumbs"><a href="#/rules">{ "← " }{ t.rule_back }</a></p> };
    let Some(r) = rule(&p.id) else {
        return html! {
            <section class="rule-page">
                { back }
                <h1>{ t.rule_unknown }</h1>
                <p><code>{ p.id.clone() }</code></p>
            </section>
        };
    };
    let text = p.words.text(p.lang, r);
    let steps: Vec<AttrValue> = text
        .steps
        .iter()
        .map(|s| AttrValue::from(s.to_string()))
        .collect();
    let window = r.reset;
    html! {
        <article class={classes!("rule-page", format!("sev-{}", r.severity.as_str()))} data-rule={r.id}
            data-category={r.category.as_str()} data-severity={r.severity.as_str()}>
            { back }
            <div class="badges">
                <span class={classes!("badge", "severity", r.severity.as_str())}>{ i18n::severity(p.lang, r.severity) }</span>
                <span class="badge category">{ i18n::category(p.lang, r.category) }</span>
            </div>
            <h1>{ rich(&text.title) }</h1>
            <p class="explanation">{ rich(&text.explanation) }</p>
            <section class="fix">
                <h2>{ t.steps }</h2>
                <Steps {steps} />
            </section>
            if !text.verify.is_empty() {
                <section class="verify">
                    <h2>{ t.verify }</h2>
                    <p>{ rich(&text.verify) }</p>
                </section>
            }
            <section class="meta">
                <dl>
                    <div><dt>{ t.rule_id }</dt><dd><code>{ r.id }</code></dd></div>
                    <div><dt>{ t.rule_category }</dt><dd><code>{ r.category.as_str() }</code></dd></div>
                    <div><dt>{ t.rule_severity }</dt><dd><code>{ r.severity.as_str() }</code></dd></div>
                    if let Some(w) = window {
                        <div><dt>{ t.rule_resets }</dt><dd>{ i18n::window(p.lang, w) }</dd></div>
                    }
                    <div><dt>{ t.rule_file }</dt><dd><code>{ r.file }</code></dd></div>
                    if !r.patterns.is_empty() {
                        <div><dt>{ t.rule_patterns }</dt><dd>{ for r.patterns.iter().map(|s| html! { <code>{ *s }</code> }) }</dd></div>
                    }
                    if !r.keywords.is_empty() {
                        <div><dt>{ t.rule_keywords }</dt><dd>{ for r.keywords.iter().map(|s| html! { <code>{ *s }</code> }) }</dd></div>
                    }
                </dl>
            </section>
            if !text.sources.is_empty() {
                <section class="sources">
                    <h2>{ t.sources }</h2>
                    <ul>{ for text.sources.iter().map(|s| html! { <li>{ source(s) }</li> }) }</ul>
                </section>
            }
        </article>
    }
}
