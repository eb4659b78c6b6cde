use super::{DiagnosisCard, FactsPanel, SelfCheck};
use crate::i18n::{findings, ui};
use crate::state::Shared;
use llmdoctor_core::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub analysis: Option<Shared>,
    /// The text changed; a fresh diagnosis is on its way.
    pub pending: bool,
    pub lang: Lang,
    pub billing_day: Option<u8>,
    pub on_billing_day: Callback<Option<u8>>,
}

/// The status line and, below it, the findings, the self-check or the hint.
#[function_component(Results)]
pub fn results(p: &ResultsProps) -> Html {
    let t = ui(p.lang);
    let n = p.analysis.as_ref().map(|a| a.report.diagnoses.len());
    let status = match n {
        None if p.pending => t.status_working.to_string(),
        None => t.status_empty.to_string(),
        Some(0) => t.status_none.to_string(),
        Some(n) => findings(p.lang, n),
    };
    let body = match &p.analysis {
        None if p.pending => html! {},
        None => html! {
            <div class="empty-hint">
                <h2>{ t.empty_hint_title }</h2>
                <ul>{ for t.empty_hint.iter().map(|s| html! { <li>{ *s }</li> }) }</ul>
            </div>
        },
        Some(a) if a.report.diagnoses.is_empty() => html! {
            <>
                <SelfCheck lang={p.lang} />
                <FactsPanel analysis={a.clone()} lang={p.lang} />
            </>
        },
        Some(a) => html! {
            <>
                { for (0..a.report.diagnoses.len()).map(|i| html! {
                    <DiagnosisCard
                        key={a.report.diagnoses[i].rule}
                        analysis={a.clone()}
                        index={i}
                        lang={p.lang}
                        billing_day={p.billing_day}
                        on_billing_day={p.on_billing_day.clone()}
                    />
                }) }
                <FactsPanel analysis={a.clone()} lang={p.lang} />
            </>
        },
    };
    let state = match n {
        None => "empty",
        Some(0) => "none",
        Some(_) => "found",
    };
    html! {
        <section id="results" aria-labelledby="status" aria-busy={p.pending.to_string()} data-state={state}>
            <p id="status" role="status" aria-live="polite" class={classes!("status", format!("status-{state}"))}>
                { status }
            </p>
            { body }
        </section>
    }
}
