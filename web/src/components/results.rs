use super::{
    diagnosis_card, facts_panel, self_check_view, BundleButton, CardProps, CorrectedPanel,
    ShareButton,
};
use crate::hooks::{use_share_links, Opened, Shared};
use crate::i18n::Ui;
use llmdoctor_core::Msg as M;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub analysis: Option<Shared>,
    /// The text changed; a fresh diagnosis is on its way.
    pub pending: bool,
    /// How far a big paste's stepped diagnosis has got, in percent.
    #[prop_or_default]
    pub progress: Option<u8>,
    pub ui: Ui,
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
    let t = &p.ui;
    let opened = use_share_links(p.on_load.clone());
    let shared_note = match (&opened, &p.analysis) {
        (Some(Opened::Loaded(text)), Some(a)) if a.text == *text => {
            Some(t.get(M::PageSharedOpened))
        }
        (Some(Opened::Broken), None) => Some(t.get(M::PageSharedBroken)),
        _ => None,
    };
    let n = p.analysis.as_ref().map(|a| a.report.diagnoses.len());
    let status = match n {
        None if p.pending => match p.progress {
            Some(pct) => format!("{} {pct}%", t.get(M::PageStatusWorking)),
            None => t.get(M::PageStatusWorking).to_string(),
        },
        None => t.get(M::PageStatusEmpty).to_string(),
        Some(0) => t.get(M::PageStatusNone).to_string(),
        Some(n) => t.findings(n),
    };
    let body = match &p.analysis {
        None if p.pending => html! {},
        None => html! {
            <div class="empty-hint">
                <h2>{ t.get(M::PageEmptyHintTitle) }</h2>
                <ul>{ for [M::PageEmptyHint1, M::PageEmptyHint2, M::PageEmptyHint3].map(|m| html! { <li>{ t.get(m) }</li> }) }</ul>
            </div>
        },
        Some(a) if a.report.diagnoses.is_empty() => html! {
            <>
                { self_check_view(&p.ui) }
                { facts_panel(a, &p.ui) }
            </>
        },
        Some(a) => html! {
            <>
                { for (0..a.report.diagnoses.len()).map(|i| html! {
                    { diagnosis_card(&CardProps {
                        analysis: a.clone(),
                        index: i,
                        ui: p.ui.clone(),
                        billing_day: p.billing_day,
                        on_billing_day: p.on_billing_day.clone(),
                    }) }
                }) }
                <CorrectedPanel analysis={a.clone()} ui={p.ui.clone()} skipped={p.skipped.clone()} on_toggle_fix={p.on_toggle_fix.clone()} />
                { facts_panel(a, &p.ui) }
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
                    <BundleButton analysis={a.clone()} ui={p.ui.clone()} />
                    <ShareButton text={a.text.clone()} ui={p.ui.clone()} />
                }
            </div>
            { body }
        </section>
    }
}
