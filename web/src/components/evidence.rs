use crate::highlight::split;
use crate::hooks::Shared;
use crate::i18n::Ui;
use llmdoctor_core::Msg as M;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EvidenceListProps {
    pub analysis: Shared,
    pub index: usize,
    pub ui: Ui,
}

/// Where in the paste: `line:column` and the line itself (masked by the engine), the match
/// highlighted.
#[function_component(EvidenceList)]
pub fn evidence_list(p: &EvidenceListProps) -> Html {
    let t = &p.ui;
    let Some(d) = p.analysis.report.diagnoses.get(p.index) else {
        return html! {};
    };
    if d.evidence.is_empty() {
        return html! {};
    }
    let items = d.evidence.iter().map(|ev| {
        let (before, m, after) = split(&ev.context);
        let pos = t.position(ev.line, ev.column);
        html! {
            <li>
                <span class="loc" title={pos.clone()}>
                    <span class="visually-hidden">{ pos }</span>
                    <span aria-hidden="true">{ format!("{}:{}", ev.line, ev.column) }</span>
                </span>
                <code class="line">{ before.to_string() }<mark>{ m.to_string() }</mark>{ after.to_string() }</code>
            </li>
        }
    });
    html! {
        <section class="evidence">
            <h3>{ t.get(M::PageEvidence) }</h3>
            <ul>{ for items }</ul>
        </section>
    }
}
