use super::{rich, CopyButton};
use crate::hooks::Shared;
use crate::i18n::Ui;
use llmdoctor_core::Msg as M;
use yew::prelude::*;

/// Whether to retry, and ready-to-use retry code where retrying is right.
pub fn retry_panel(analysis: &Shared, index: usize, t: &Ui) -> Html {
    let Some(d) = analysis.report.diagnoses.get(index) else {
        return html! {};
    };
    let r = &d.retry;
    html! {
        <section class="retry" data-policy={r.policy.as_str()}>
            <h3>{ t.get(M::PageRetry) }</h3>
            <p>
                <span class={classes!("policy", r.policy.as_str())}>{ t.w().retry_policy(r.policy) }</span>
                { " " }{ rich(&t.w().advice(r)) }
            </p>
            { for r.snippets.iter().enumerate().map(|(i, s)| html! {
                <details class="snippet" open={i == 0}>
                    <summary>{ s.language.as_str() }</summary>
                    <div class="code">
                        <CopyButton text={AttrValue::Static(s.code)} ui={t.clone()} what={AttrValue::Static(s.language.as_str())} />
                        <pre><code class={format!("language-{}", s.language)}>{ s.code }</code></pre>
                    </div>
                </details>
            }) }
        </section>
    }
}
