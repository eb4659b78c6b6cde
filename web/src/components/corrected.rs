use super::CopyButton;
use crate::i18n::{ui, Ui};
use crate::prefs;
use crate::state::{Analysis, Shared};
use gloo::timers::callback::Timeout;
use llmdoctor_core::{diagnose, Lang, Options};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CorrectedProps {
    pub analysis: Shared,
    pub lang: Lang,
    pub billing_day: Option<u8>,
}

/// The user's own config blocks with the fixes applied (masked, from the engine), each as the
/// corrected text or as a diff, with copy buttons.
#[function_component(CorrectedPanel)]
pub fn corrected_panel(p: &CorrectedProps) -> Html {
    let t = ui(p.lang);
    let corrected = &p.analysis.report.corrected;
    if corrected.is_empty() {
        return html! {};
    }
    html! {
        <section id="corrected" class="corrected-panel" aria-labelledby="corrected-title">
            <h2 id="corrected-title">{ t.corrected_title }</h2>
            { for corrected.iter().enumerate().map(|(i, c)| html! {
                <CorrectedBlock
                    key={format!("{}-{}", c.start, c.end)}
                    analysis={p.analysis.clone()}
                    index={i}
                    lang={p.lang}
                    billing_day={p.billing_day}
                />
            }) }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct BlockProps {
    analysis: Shared,
    /// Which of `report.corrected`.
    index: usize,
    lang: Lang,
    billing_day: Option<u8>,
}

#[function_component(CorrectedBlock)]
fn corrected_block(p: &BlockProps) -> Html {
    let t = ui(p.lang);
    let diff_view = use_state(|| false);
    let key_copied = use_state(|| None::<bool>);
    let Some(c) = p.analysis.report.corrected.get(p.index) else {
        return html! {};
    };
    let has_diff = !c.diff.is_empty();
    let show_diff = *diff_view && has_diff;
    let id = format!("corrected-{}", p.index);
    let view = |diff: bool| {
        let diff_view = diff_view.clone();
        Callback::from(move |_: MouseEvent| diff_view.set(diff))
    };
    let on_copy_key = {
        let (analysis, index, lang, billing_day) =
            (p.analysis.clone(), p.index, p.lang, p.billing_day);
        let key_copied = key_copied.clone();
        Callback::from(move |_: MouseEvent| {
            let ok = with_keys(&analysis, index, lang, billing_day)
                .is_some_and(|text| prefs::copy(&text));
            key_copied.set(Some(ok));
            let key_copied = key_copied.clone();
            Timeout::new(2500, move || key_copied.set(None)).forget();
        })
    };
    let key_label = match *key_copied {
        None => t.copy_with_key,
        Some(true) => t.copied_with_key,
        Some(false) => t.copy_failed,
    };
    let what = format!("{} {}", t.corrected, c.format);
    let hint_id = format!("{id}-key-hint");
    html! {
        <div class="corrected-block" data-format={c.format}>
            <div class="corrected-head">
                <h3>{ t.corrected }{ " · " }{ c.format }</h3>
                <div class="view-toggle" role="group" aria-label={t.corrected_view}>
                    <button type="button" class="view-text" aria-controls={id.clone()}
                        aria-pressed={(!show_diff).to_string()} onclick={view(false)}>
                        { t.view_corrected }
                    </button>
                    <button type="button" class="view-diff" aria-controls={id.clone()}
                        aria-pressed={show_diff.to_string()} onclick={view(true)} disabled={!has_diff}>
                        { t.view_diff }
                    </button>
                </div>
                <div class="corrected-actions">
                    <CopyButton text={AttrValue::from(c.text.clone())} lang={p.lang} what={AttrValue::from(what)} />
                    <button type="button" class="copy-key" onclick={on_copy_key}
                        aria-describedby={hint_id.clone()}>
                        <span aria-live="polite">{ key_label }</span>
                    </button>
                </div>
            </div>
            <p id={hint_id} class="visually-hidden">{ t.copy_with_key_hint }</p>
            <div class="code">
                if show_diff {
                    <pre id={id} class="diff" aria-label={t.diff_label}><code>{ diff_lines(&c.diff, t) }</code></pre>
                } else {
                    <pre id={id}><code>{ c.text.clone() }</code></pre>
                }
            </div>
            if let Some(v) = &c.verify {
                <div class="verify-fix">
                    <h4>{ t.verify_fix }</h4>
                    <div class="code">
                        <CopyButton text={AttrValue::from(v.clone())} lang={p.lang} what={AttrValue::Static(t.verify_fix)} />
                        <pre><code>{ v.clone() }</code></pre>
                    </div>
                </div>
            }
        </div>
    }
}

/// The unified diff, a line per element: `+` lines as insertions, `-` lines as deletions, each
/// keeping its sign and saying "added"/"removed" to screen readers (never colour alone).
fn diff_lines(diff: &str, t: &Ui) -> Html {
    let line = |(i, l): (usize, &str)| {
        let text = format!("{l}\n");
        let header = i < 2 && (l.starts_with("--- ") || l.starts_with("+++ "));
        if header {
            html! { <span class="diff-meta">{ text }</span> }
        } else if l.starts_with("@@") {
            html! { <span class="diff-hunk">{ text }</span> }
        } else if l.starts_with('+') {
            html! { <ins class="diff-add"><span class="visually-hidden diff-sr">{ t.diff_added }{ ": " }</span>{ text }</ins> }
        } else if l.starts_with('-') {
            html! { <del class="diff-del"><span class="visually-hidden diff-sr">{ t.diff_removed }{ ": " }</span>{ text }</del> }
        } else {
            html! { <span class="diff-ctx">{ text }</span> }
        }
    };
    diff.lines().enumerate().map(line).collect()
}

/// Corrected block `index` once more, with the user's keys as they are, for the clipboard only:
/// computed when asked, never rendered or kept. Matched to the masked block by its span.
fn with_keys(a: &Analysis, index: usize, lang: Lang, billing_day: Option<u8>) -> Option<String> {
    let masked = a.report.corrected.get(index)?;
    let opts = Options {
        lang,
        now: Some(a.now),
        billing_day,
        show_secrets: true,
    };
    diagnose(&a.text, &opts)
        .corrected
        .into_iter()
        .find(|c| c.start == masked.start && c.end == masked.end && c.format == masked.format)
        .map(|c| c.text)
}
