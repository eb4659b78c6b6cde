use crate::highlight::split;
use crate::hooks::Shared;
use crate::i18n::Ui;
use llmdoctor_core::Msg as M;
use yew::prelude::*;

/// Where in the paste: `line:column` and the line itself (masked by the engine), the match
/// highlighted.
pub fn evidence_list(analysis: &Shared, index: usize, t: &Ui) -> Html {
    let Some(d) = analysis.report.diagnoses.get(index) else {
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
