use crate::hooks::Shared;
use crate::i18n::Ui;
use llmdoctor_core::Msg as M;
use yew::prelude::*;

fn words<T: std::fmt::Display>(items: &[T]) -> Vec<String> {
    items.iter().map(T::to_string).collect()
}

/// What the engine read from the paste (tool, endpoints, masked keys, statuses) and any engine
/// notes. Corrected snippets have their own panel (`CorrectedPanel`).
pub fn facts_panel(analysis: &Shared, t: &Ui) -> Html {
    let report = &analysis.report;
    let f = &report.facts;
    let mut rows: Vec<(&str, Vec<String>)> = vec![
        (t.get(M::PageReadTool), words(&f.tools)),
        (t.get(M::PageReadProvider), words(&f.providers)),
        (t.get(M::PageReadPlan), words(&f.plans)),
        (t.get(M::PageReadRegion), words(&f.regions)),
        (t.get(M::PageReadStatus), words(&f.statuses)),
        (
            t.get(M::SupportEndpoint),
            f.endpoints.iter().map(|e| e.url.to_string()).collect(),
        ),
        (
            t.get(M::PageReadKey),
            f.keys
                .iter()
                .map(|k| format!("{} ({})", k.masked, t.key_kind(k.kind)))
                .collect(),
        ),
    ];
    rows.retain(|(_, v)| !v.is_empty());
    // (No filter on the engine's wording: the page never diagnoses an empty paste, so core's
    // "empty" note cannot reach it; state.rs clears the analysis instead.) Worded in the page's
    // language, whatever the report was built in.
    let w = t.w();
    let notes: Vec<String> = f.notes.iter().map(|n| w.note(n).to_string()).collect();
    if rows.is_empty() && notes.is_empty() {
        return html! {};
    }
    html! {
        <section id="facts" class="facts" aria-labelledby="facts-title">
            <h2 id="facts-title">{ t.get(M::PageReadTitle) }</h2>
            if !rows.is_empty() {
                <dl>
                    { for rows.into_iter().map(|(k, vs)| html! {
                        <div>
                            <dt>{ k }</dt>
                            <dd>{ for vs.into_iter().map(|v| html! { <code>{ v }</code> }) }</dd>
                        </div>
                    }) }
                </dl>
            }
            if !notes.is_empty() {
                <ul class="notes">{ for notes.into_iter().map(|n| html! { <li>{ n }</li> }) }</ul>
            }
        </section>
    }
}
