use super::{rich, source, steps_view};
use crate::i18n::Ui;
use llmdoctor_core::rule;
use llmdoctor_core::Msg as M;
use yew::prelude::*;

/// `#/rules/<id>`: one rule in full, in the chosen language.
pub fn rule_page(id: &AttrValue, t: &Ui) -> Html {
    let back =
        html! { <p class="crumbs"><a href="#/rules">{ "← " }{ t.get(M::PageRuleBack) }</a></p> };
    let Some(r) = rule(id) else {
        return html! {
            <section class="rule-page">
                { back }
                <h1>{ t.get(M::PageRuleUnknown) }</h1>
                <p><code>{ id.clone() }</code></p>
            </section>
        };
    };
    let text = t.words.text(t.lang, r);
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
                <span class={classes!("badge", "severity", r.severity.as_str())}>{ t.w().severity(r.severity) }</span>
                <span class="badge category">{ t.w().category(r.category) }</span>
            </div>
            <h1>{ rich(&text.title) }</h1>
            <p class="explanation">{ rich(&text.explanation) }</p>
            <section class="fix">
                <h2>{ t.get(M::PageSteps) }</h2>
                { steps_view(&steps) }
            </section>
            if !text.verify.is_empty() {
                <section class="verify">
                    <h2>{ t.get(M::PageVerify) }</h2>
                    <p>{ rich(&text.verify) }</p>
                </section>
            }
            <section class="meta">
                <dl>
                    <div><dt>{ t.get(M::PageRuleId) }</dt><dd><code>{ r.id }</code></dd></div>
                    <div><dt>{ t.get(M::PageRuleCategory) }</dt><dd><code>{ r.category.as_str() }</code></dd></div>
                    <div><dt>{ t.get(M::PageRuleSeverity) }</dt><dd><code>{ r.severity.as_str() }</code></dd></div>
                    if let Some(w) = window {
                        <div><dt>{ t.get(M::PageRuleResets) }</dt><dd>{ t.w().window(w) }</dd></div>
                    }
                    <div><dt>{ t.get(M::PageRuleFile) }</dt><dd><code>{ r.file }</code></dd></div>
                    if !r.patterns.is_empty() {
                        <div><dt>{ t.get(M::PageRulePatterns) }</dt><dd>{ for r.patterns.iter().map(|s| html! { <code>{ *s }</code> }) }</dd></div>
                    }
                    if !r.keywords.is_empty() {
                        <div><dt>{ t.get(M::PageRuleKeywords) }</dt><dd>{ for r.keywords.iter().map(|s| html! { <code>{ *s }</code> }) }</dd></div>
                    }
                </dl>
            </section>
            if !text.sources.is_empty() {
                <section class="sources">
                    <h2>{ t.get(M::PageSources) }</h2>
                    <ul>{ for text.sources.iter().map(|s| html! { <li>{ source(s) }</li> }) }</ul>
                </section>
            }
        </article>
    }
}
