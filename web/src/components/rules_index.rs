use super::rich;
use crate::i18n::{self, rule_count, ui};
use crate::texts::Words;
use llmdoctor_core::{order, Catalog, Category, Lang, Rule, RULES};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RulesIndexProps {
    pub words: Words,
    pub lang: Lang,
    pub query: AttrValue,
    pub on_query: Callback<AttrValue>,
}

/// Whether a rule matches every word of the query (id, titles in the languages loaded, category,
/// patterns and keywords: people search with the error text they saw).
fn matches(r: &Rule, catalog: &Catalog, lang: Lang, terms: &[String]) -> bool {
    terms.iter().all(|w| {
        let hay = [
            r.id,
            catalog.text(Lang::En, r).title.as_str(),
            catalog.text(Lang::Zh, r).title.as_str(),
            r.category.as_str(),
            i18n::category(lang, r.category),
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
#[function_component(RulesIndex)]
pub fn rules_index(p: &RulesIndexProps) -> Html {
    let t = ui(p.lang);
    let oninput = {
        let on_query = p.on_query.clone();
        Callback::from(move |e: InputEvent| {
            on_query.emit(AttrValue::from(
                e.target_unchecked_into::<HtmlInputElement>().value(),
            ));
        })
    };
    let catalog = &p.words;
    let terms: Vec<String> = p
        .query
        .split_whitespace()
        .map(str::to_ascii_lowercase)
        .collect();
    let mut shown: Vec<&Rule> = RULES
        .iter()
        .filter(|r| matches(r, catalog, p.lang, &terms))
        .collect();
    // By category, severity, then as the rules files list them.
    order::sort_by_key(&mut shown, |r| {
        let category = Category::ALL.iter().position(|c| *c == r.category);
        (
            order::n(category.unwrap_or(usize::MAX)),
            r.severity as u64,
            r.ord.into(),
        )
    });
    let count = rule_count(p.lang, shown.len(), RULES.len());
    let cards = shown.iter().map(|r| {
        let text = catalog.text(p.lang, r);
        html! {
            <li>
                <a class="rule-card" href={format!("#/rules/{}", r.id)} data-rule={r.id}>
                    <span class="badges">
                        <span class={classes!("badge", "severity", r.severity.as_str())}>{ i18n::severity(p.lang, r.severity) }</span>
                        <span class="badge category">{ i18n::category(p.lang, r.category) }</span>
                    </span>
                    <span class="rule-title">{ rich(&text.title) }</span>
                    <code class="rule-id">{ r.id }</code>
                </a>
            </li>
        }
    });
    html! {
        <section class="rules" aria-labelledby="rules-title">
            <h1 id="rules-title">{ t.rules_title }</h1>
            <p class="intro">{ t.rules_intro }</p>
            <div class="search">
                <label for="rule-search">{ t.rules_search }</label>
                <input id="rule-search" type="search" value={p.query.clone()} {oninput}
                    placeholder={t.rules_search_placeholder} autocomplete="off" spellcheck="false"
                    aria-describedby="rule-count" />
                <p id="rule-count" class="hint" role="status" aria-live="polite">{ count }</p>
            </div>
            if shown.is_empty() {
                <p class="empty">{ t.rules_none }</p>
            } else {
                <ul class="rule-list">{ for cards }</ul>
            }
        </section>
    }
}
