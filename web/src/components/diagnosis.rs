use super::{evidence_list, reset_panel, retry_panel, rich, source, steps_view};
use crate::hooks::Shared;
use crate::i18n::Ui;
use llmdoctor_core::Msg as M;
use yew::prelude::*;

/// One diagnosis card's inputs, which its reset panel reads too.
pub struct CardProps {
    pub analysis: Shared,
    /// Which diagnosis of the report (they stay in report order).
    pub index: usize,
    pub ui: Ui,
    pub billing_day: Option<u8>,
    pub on_billing_day: Callback<Option<u8>>,
}

/// One finding: what, why, where, how to fix, how to check, whether to retry.
pub fn diagnosis_card(p: &CardProps) -> Html {
    let t = &p.ui;
    let report = &p.analysis.report;
    let Some(d) = report.diagnoses.get(p.index) else {
        return html! {};
    };
    let title_id = format!("d{}-title", p.index);
    let first = p.index == 0 && report.diagnoses.len() > 1;
    let text = report.text(&p.ui.words, d);
    let steps: Vec<AttrValue> = report
        .steps(&p.ui.words, d)
        .iter()
        .map(|s| AttrValue::from(s.to_string()))
        .collect();
    html! {
        <article
            key={d.rule}
            class={classes!("diagnosis", format!("sev-{}", d.severity.as_str()), first.then_some("first"))}
            data-rule={d.rule}
            data-category={d.category.as_str()}
            data-severity={d.severity.as_str()}
            data-confidence={d.confidence.as_str()}
            aria-labelledby={title_id.clone()}
        >
            <header class="card-head">
                <div class="badges">
                    <span class={classes!("badge", "severity", d.severity.as_str())}>
                        { t.w().severity(d.severity) }
                    </span>
                    <span class="badge category">{ t.w().category(d.category) }</span>
                    <span class={classes!("badge", "confidence", d.confidence.as_str())}>
                        { t.w().confidence(d.confidence) }
                    </span>
                    if d.count > 1 {
                        <span class="badge count">{ t.seen(d.count) }</span>
                    }
                    if first {
                        <span class="badge likely">{ t.get(M::PageMostLikely) }</span>
                    }
                </div>
                <h2 id={title_id}>
                    // The words arrive a moment after the diagnosis (web/src/texts.rs).
                    if text.title.is_empty() { { d.rule } } else { { rich(&text.title) } }
                </h2>
                <a class="rule-id" href={format!("#/rules/{}", d.rule)} title={t.attr(M::PageRuleReference)}>
                    <code>{ d.rule }</code>
                </a>
            </header>
            <p class="explanation">{ rich(&text.explanation) }</p>
            { evidence_list(&p.analysis, p.index, &p.ui) }
            if d.reset.is_some() {
                { reset_panel(p) }
            }
            if !steps.is_empty() {
                <section class="fix">
                    <h3>{ t.get(M::PageSteps) }</h3>
                    { steps_view(&steps) }
                </section>
            }
            if !text.verify.is_empty() {
                <section class="verify">
                    <h3>{ t.get(M::PageVerify) }</h3>
                    <p>{ rich(&text.verify) }</p>
                </section>
            }
            { retry_panel(&p.analysis, p.index, &p.ui) }
            if !text.sources.is_empty() {
                <section class="sources">
                    <h3>{ t.get(M::PageSources) }</h3>
                    <ul>{ for text.sources.iter().map(|s| html! { <li>{ source(s) }</li> }) }</ul>
                </section>
            }
        </article>
    }
}
