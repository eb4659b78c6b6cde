use super::rich;
use crate::i18n::Ui;
use llmdoctor_core::Msg as M;
use llmdoctor_core::{order, Category, Lang, Rule, RULES};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Whether a rule matches every word of the query (id, titles in the languages loaded, category,
/// patterns and keywords: people search with the error text they saw).
fn matches(r: &Rule, t: &Ui, terms: &[String]) -> bool {
    let catalog = &t.words;
    terms.iter().all(|w| {
        let hay = [
            r.id,
            catalog.text(Lang::En, r).title.as_str(),
            catalog.text(Lang::Zh, r).title.as_str(),
            r.category.as_str(),
            t.w().category(r.category),
        ];
        hay.iter()
            .any(|h| h.to_ascii_lowercase().contains(w.as_str()))
            || r.keywords
                .iter()
                .chain(r.patterns.iter())
                .any(|k| k.to_ascii_lowercase().contains(w.as_str()))
    })
}

/// `#/rules`: every rule, searchable, grouped by category, each linking to its page.
pub fn rules_index(t: &Ui, query: &AttrValue, on_query: &Callback<AttrValue>) -> Html {
    let oninput = {
        let on_query = on_query.clone();
        Callback::from(move |e: InputEvent| {
            on_query.emit(AttrValue::from(
                e.target_unchecked_into::<HtmlInputElement>().value(),
            ));
        })
    };
    let catalog = &t.words;
    let terms: Vec<String> = query
        .split_whitespace()
        .map(str::to_ascii_lowercase)
        .collect();
    let mut shown: Vec<&Rule> = RULES.iter().filter(|r| matches(r, t, &terms)).collect();
    // By category, severity, then as the rules files list them.
    order::sort_by_key(&mut shown, |r| {
        let category = Category::ALL.iter().position(|c| *c == r.category);
        (
            order::n(category.unwrap_or(usize::MAX)),
            r.severity as u64,
            r.ord.into(),
        )
    });
    let count = t.rule_count(shown.len(), RULES.len());
    let cards = shown.iter().map(|r| {
        let text = catalog.text(t.lang, r);
        html! {
            <li>
                <a class="rule-card" href={format!("#/rules/{}", r.id)} data-rule={r.id}>
                    <span class="badges">
                        <span class={classes!("badge", "severity", r.severity.as_str())}>{ t.w().severity(r.severity) }</span>
                        <span class="badge category">{ t.w().category(r.category) }</span>
                    </span>
                    <span class="rule-title">{ rich(&text.title) }</span>
                    <code class="rule-id">{ r.id }</code>
                </a>
            </li>
        }
    });
    html! {
        <section class="rules" aria-labelledby="rules-title">
            <h1 id="rules-title">{ t.get(M::PageRulesTitle) }</h1>
            <p class="intro">{ t.get(M::PageRulesIntro) }</p>
            <div class="search">
                <label for="rule-search">{ t.get(M::PageRulesSearch) }</label>
                <input id="rule-search" type="search" value={query.clone()} {oninput}
                    placeholder={t.attr(M::PageRulesSearchPlaceholder)} autocomplete="off" spellcheck="false"
                    aria-describedby="rule-count" />
                <p id="rule-count" class="hint" role="status" aria-live="polite">{ count }</p>
            </div>
            if shown.is_empty() {
                <p class="empty">{ t.get(M::PageRulesNone) }</p>
            } else {
                <ul class="rule-list">{ for cards }</ul>
            }
        </section>
    }
}
