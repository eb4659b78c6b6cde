use super::{BundleButton, CorrectedPanel, DiagnosisCard, FactsPanel, SelfCheck, ShareButton};
use crate::hooks::{use_share_links, Opened, Shared};
use crate::i18n::{findings, ui};
use crate::texts::Words;
use llmdoctor_core::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub analysis: Option<Shared>,
    /// The rule words loaded so far.
    pub words: Words,
    /// The text changed; a fresh diagnosis is on its way.
    pub pending: bool,
    /// How far a big paste's stepped diagnosis has got, in percent.
    #[prop_or_default]
    pub progress: Option<u8>,
    pub lang: Lang,
    pub billing_day: Option<u8>,
    pub on_billing_day: Callback<Option<u8>>,
    /// Load a text and diagnose it now (a share link opened).
    #[prop_or_default]
    pub on_load: Callback<AttrValue>,
    /// Rules whose review fix the user left out, and the switch for one.
    #[prop_or_default]
    pub skipped: Vec<&'static str>,
    #[prop_or_default]
    pub on_toggle_fix: Callback<&'static str>,
}

/// The status line and Share, below them the findings, the corrected config and what was read,
/// or the self-check, or the hint. Opens share links (`#/s/…`) too.
#[function_component(Results)]
pub fn results(p: &ResultsProps) -> Html {
    let t = ui(p.lang);
    let opened = use_share_links(p.on_load.clone());
    let shared_note = match (&opened, &p.analysis) {
        (Some(Opened::Loaded(text)), Some(a)) if a.text == *text => Some(t.shared_opened),
        (Some(Opened::Broken), None) => Some(t.shared_broken),
        _ => None,
    };
    let n = p.analysis.as_ref().map(|a| a.report.diagnoses.len());
    let status = match n {
        None if p.pending => match p.progress {
            Some(pct) => format!("{} {pct}%", t.status_working),
            None => t.status_working.to_string(),
        },
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
                        words={p.words.clone()}
                        index={i}
                        lang={p.lang}
                        billing_day={p.billing_day}
                        on_billing_day={p.on_billing_day.clone()}
                    />
                }) }
                <CorrectedPanel analysis={a.clone()} words={p.words.clone()} lang={p.lang} skipped={p.skipped.clone()} on_toggle_fix={p.on_toggle_fix.clone()} />
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
            if let Some(note) = shared_note {
                <p class="shared-note" role="status">{ note }</p>
            }
            <div class="results-head">
                <p id="status" role="status" aria-live="polite" class={classes!("status", format!("status-{state}"))}>
                    { status }
                </p>
                if let Some(a) = &p.analysis {
                    <BundleButton analysis={a.clone()} words={p.words.clone()} lang={p.lang} />
                    <ShareButton text={a.text.clone()} lang={p.lang} />
                }
            </div>
            { body }
        </section>
    }
}
