use crate::i18n::{key_kind, ui};
use crate::state::Shared;
use llmdoctor_core::Lang;
use serde_json::Value;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FactsPanelProps {
    pub analysis: Shared,
    pub lang: Lang,
}

fn strings(facts: &Value, field: &str) -> Vec<String> {
    facts
        .get(field)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|v| {
                    v.as_str()
                        .map(str::to_string)
                        .or_else(|| v.as_u64().map(|n| n.to_string()))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// What the engine read from the paste (tool, endpoints, masked keys, statuses) and any engine
/// notes. Corrected snippets have their own panel (`CorrectedPanel`).
#[function_component(FactsPanel)]
pub fn facts_panel(p: &FactsPanelProps) -> Html {
    let t = ui(p.lang);
    let report = &p.analysis.report;
    let f = report.facts.value();
    let mut rows: Vec<(&str, Vec<String>)> = vec![
        (t.read_tool, strings(f, "tools")),
        (t.read_provider, strings(f, "providers")),
        (t.read_plan, strings(f, "plans")),
        (t.read_region, strings(f, "regions")),
        (t.read_status, strings(f, "statuses")),
    ];
    let endpoints: Vec<String> = f
        .get("endpoints")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|e| e.get("url")?.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    rows.push((t.read_endpoint, endpoints));
    let keys: Vec<String> = f
        .get("keys")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|k| {
            let masked = k.get("masked")?.as_str()?;
            let kind = k.get("kind").and_then(Value::as_str).unwrap_or("");
            Some(format!("{masked} ({})", key_kind(p.lang, kind)))
        })
        .collect();
    rows.push((t.read_key, keys));
    rows.retain(|(_, v)| !v.is_empty());
    // (No filter on the engine's wording: the page never diagnoses an empty paste, so core's
    // "empty" note cannot reach it; state.rs clears the analysis instead.)
    let notes = strings(f, "notes");
    if rows.is_empty() && notes.is_empty() {
        return html! {};
    }
    html! {
        <section id="facts" class="facts" aria-labelledby="facts-title">
            <h2 id="facts-title">{ t.read_title }</h2>
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
