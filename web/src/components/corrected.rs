use super::CopyButton;
use crate::hooks::{Analysis, Shared};
use crate::i18n::Ui;
use crate::prefs;
use gloo::timers::callback::Timeout;
use llmdoctor_core::report::Applicability;
use llmdoctor_core::Msg as M;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CorrectedProps {
    pub analysis: Shared,
    pub ui: Ui,
    /// Rules whose review fix the user left out.
    #[prop_or_default]
    pub skipped: Vec<&'static str>,
    /// Apply or leave out a rule's review fix.
    #[prop_or_default]
    pub on_toggle_fix: Callback<&'static str>,
}

/// The user's own config blocks with the fixes applied (masked, from the engine), shown as the
/// corrected text or as a diff (one switch for all blocks), each with "Copy" (masked) and
/// "Copy with my key".
#[function_component(CorrectedPanel)]
pub fn corrected_panel(p: &CorrectedProps) -> Html {
    let t = &p.ui;
    let diff_view = use_state(|| false);
    // Which block's "Copy with my key" was just clicked, and whether the copy went through.
    let key_copied = use_state(|| None::<(usize, bool)>);
    let corrected = &p.analysis.report.corrected;
    let fixed: Vec<_> = p
        .analysis
        .report
        .diagnoses
        .iter()
        .filter(|d| d.fix.is_some())
        .collect();
    // Shown when there is a corrected block, or when the user left a review fix out (the list
    // is where it comes back); a fix whose edits lie outside any config block has no panel.
    if fixed.is_empty() || (corrected.is_empty() && p.skipped.is_empty()) {
        return html! {};
    }
    // Each fix with its mark; a review fix can be left out (the engine builds the corrected
    // config again without it).
    let fix_list = html! {
        <ul class="fix-list" aria-label={t.attr(M::PageFixesLabel)}>
            { for fixed.iter().map(|d| {
                let rule = d.rule;
                let title = p.analysis.report.text(&p.ui.words, d).title.to_string();
                let review = d.fix.as_ref().is_some_and(|f| f.applicability == Applicability::Review);
                let on_toggle = p.on_toggle_fix.reform(move |_: Event| rule);
                html! {
                    <li>
                        if review {
                            <label>
                                <input type="checkbox" checked={!p.skipped.contains(&rule)} onchange={on_toggle} />
                                { title }{ " · " }<em>{ t.get(M::PageFixReview) }</em>
                            </label>
                        } else {
                            { title }{ " · " }<em>{ t.get(M::PageFixSafe) }</em>
                        }
                    </li>
                }
            }) }
        </ul>
    };
    let has_diff = corrected.iter().any(|c| !c.diff.is_empty());
    let show_diff = *diff_view && has_diff;
    let view = |diff: bool| {
        let diff_view = diff_view.clone();
        Callback::from(move |_: MouseEvent| diff_view.set(diff))
    };
    let blocks = corrected.iter().enumerate().map(|(i, c)| {
        let on_copy_key = {
            let analysis = p.analysis.clone();
            let key_copied = key_copied.clone();
            Callback::from(move |_: MouseEvent| {
                let ok =
                    with_keys(&analysis, i).is_some_and(|text| prefs::copy(&text));
                key_copied.set(Some((i, ok)));
                let key_copied = key_copied.clone();
                Timeout::new(2500, move || key_copied.set(None)).forget();
            })
        };
        let key_label = match *key_copied {
            Some((j, true)) if j == i => t.get(M::PageCopiedWithKey),
            Some((j, false)) if j == i => t.get(M::PageCopyFailed),
            _ => t.get(M::PageCopyWithKey),
        };
        let what = format!("{} {}", t.get(M::PageCorrected), c.format);
        let diff = show_diff && !c.diff.is_empty();
        html! {
            <div class="corrected-block" data-format={c.format.as_str()}>
                <div class="corrected-head">
                    <h3>{ t.get(M::PageCorrected) }{ " · " }{ c.format.as_str() }</h3>
                    <CopyButton text={AttrValue::from(c.text.to_string())} ui={p.ui.clone()} what={AttrValue::from(what.clone())} />
                    <button type="button" class="copy-key" onclick={on_copy_key} aria-describedby="copy-key-hint">
                        <span aria-live="polite">{ key_label }</span>
                    </button>
                </div>
                <div class="code">
                    // A named region that takes focus: long lines scroll by keyboard too.
                    <pre id={format!("corrected-{i}")} class={diff.then_some("diff")} tabindex="0"
                        role="region" aria-label={if diff { t.get(M::PageDiffLabel).to_string() } else { what.clone() }}>
                        <code>
                            if diff { { diff_lines(&c.diff, t) } } else { { c.text.clone() } }
                        </code>
                    </pre>
                </div>
                if let Some(v) = c.verify.as_ref().map(|v| t.w().verify(v).to_string()) {
                    <div class="verify-fix">
                        <h4>{ t.get(M::PageVerifyFix) }</h4>
                        <div class="code">
                            <CopyButton text={AttrValue::from(v.clone())} ui={p.ui.clone()} what={AttrValue::from(t.get(M::PageVerifyFix).to_string())} />
                            <pre><code>{ v }</code></pre>
                        </div>
                    </div>
                }
            </div>
        }
    });
    html! {
        <section id="corrected" class="corrected-panel" aria-labelledby="corrected-title">
            <div class="corrected-top">
                <h2 id="corrected-title">{ t.get(M::PageCorrectedTitle) }</h2>
                <div class="view-toggle" role="group" aria-label={t.attr(M::PageCorrectedView)}>
                    <button type="button" class="view-text" aria-pressed={(!show_diff).to_string()} onclick={view(false)}>
                        { t.get(M::PageViewCorrected) }
                    </button>
                    <button type="button" class="view-diff" aria-pressed={show_diff.to_string()} onclick={view(true)}
                        disabled={!has_diff}>
                        { t.get(M::PageViewDiff) }
                    </button>
                </div>
            </div>
            <p id="copy-key-hint" class="visually-hidden">{ t.get(M::PageCopyWithKeyHint) }</p>
            { fix_list }
            { for blocks }
        </section>
    }
}

/// The unified diff, a line per element: `+` lines as insertions, `-` lines as deletions, each
/// keeping its sign and saying "added"/"removed" to screen readers (never colour alone).
fn diff_lines(diff: &str, t: &Ui) -> Html {
    let line = |(i, l): (usize, &str)| {
        let (tag, class, said) = match l.as_bytes().first() {
            _ if i < 2 && (l.starts_with("--- ") || l.starts_with("+++ ")) => {
                ("span", "diff-meta", "")
            }
            Some(b'@') => ("span", "diff-hunk", ""),
            Some(b'+') => ("ins", "diff-add", t.get(M::PageDiffAdded)),
            Some(b'-') => ("del", "diff-del", t.get(M::PageDiffRemoved)),
            _ => ("span", "diff-ctx", ""),
        };
        html! {
            <@{tag} {class}>
                if !said.is_empty() {
                    <span class="visually-hidden diff-sr">{ said }{ ": " }</span>
                }
                { format!("{l}\n") }
            </@>
        }
    };
    diff.lines().enumerate().map(line).collect()
}

/// Corrected block `index` with the user's keys as they are, for the clipboard only: built on
/// click from the paste and the fix edits (the explicit reveal path), never rendered or kept.
fn with_keys(a: &Analysis, index: usize) -> Option<String> {
    llmdoctor_core::corrected::revealed(&a.text, &a.report)
        .into_iter()
        .nth(index)
}
