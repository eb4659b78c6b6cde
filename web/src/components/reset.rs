use super::CardProps;
use crate::clock;
use crate::i18n::Ui;
use llmdoctor_core::Msg as M;
use llmdoctor_core::Reset;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// When a quota comes back: the engine's note, the reset in local time and in plan time
/// (UTC+8), and a timeline of the window (start → now → reset).
pub fn reset_panel(p: &CardProps) -> Html {
    let t = &p.ui;
    let a = &p.analysis;
    let Some(reset) = a
        .report
        .diagnoses
        .get(p.index)
        .and_then(|d| d.reset.as_ref())
    else {
        return html! {};
    };
    let now = a.now.0;
    let at = reset
        .at
        .as_deref()
        .and_then(|s| clock::secs(s).map(|secs| (s, secs)));
    let start = reset.window_start.as_deref().and_then(clock::secs);

    let times = at.map(|(s, secs)| {
        html! {
            <dl class="reset-times">
                <div>
                    <dt>{ t.get(M::PageResetLocal) }</dt>
                    <dd><time datetime={s.to_string()}>{ clock::local(secs, t.get(M::PageLocale), None) }</time>
                        <span class="countdown">{ " (" }{ t.countdown(secs - now) }{ ")" }</span></dd>
                </div>
                <div>
                    <dt>{ t.get(M::PageResetPlan) }</dt>
                    <dd><time datetime={s.to_string()}>{ clock::plan_time(s) }</time></dd>
                </div>
            </dl>
        }
    });
    let timeline = match (start, at) {
        (Some(start), Some((_, end))) if end > start => timeline(t, start, now, end),
        _ => html! {},
    };
    let billing = (reset.window == Reset::Month).then(|| {
        let on_billing_day = p.on_billing_day.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            let day = v.trim().parse::<u8>().ok().filter(|d| (1..=31).contains(d));
            on_billing_day.emit(day);
        });
        let id = format!("billing-day-{}", p.index);
        html! {
            <div class="billing-day">
                <label for={id.clone()}>{ t.get(M::PageBillingDay) }</label>
                <input id={id} type="number" inputmode="numeric" min="1" max="31"
                    value={p.billing_day.map(|d| d.to_string()).unwrap_or_default()}
                    {oninput} aria-describedby="billing-day-hint" />
                <span id="billing-day-hint" class="hint">{ t.get(M::PageBillingDayHint) }</span>
            </div>
        }
    });
    html! {
        <section class="reset" data-window={reset.window.as_str()} data-reset-at={reset.at.clone().unwrap_or_default()}>
            <h3>{ t.get(M::PageReset) }{ " · " }{ t.w().window(reset.window) }</h3>
            { for times }
            { timeline }
            <p class="note">{ t.w().reset_note(reset).to_string() }</p>
            { for billing }
        </section>
    }
}

/// An inline SVG: the used-up window from its start to now, the wait from now to the reset.
fn timeline(t: &Ui, start: i64, now: i64, end: i64) -> Html {
    // Positions in tenths of a viewBox unit, in integers: no float formatting code in the wasm.
    let (x0, x1) = (80_i64, 3120_i64);
    let span = (end - start).max(1);
    let elapsed = (now - start).clamp(0, span);
    let xn = x0 + (x1 - x0) * elapsed / span;
    let frac_pct = 100 * elapsed / span;
    let u = |tenths: i64| format!("{}.{}", tenths / 10, tenths % 10);
    let label = format!(
        "{}: {} → {}: {} → {}: {}",
        t.get(M::PageWindowStart),
        clock::short(start, t.get(M::PageLocale)),
        t.get(M::PageNow),
        clock::short(now, t.get(M::PageLocale)),
        t.get(M::PageResetPoint),
        clock::short(end, t.get(M::PageLocale))
    );
    // Keep the "now" label clear of the two ends.
    let anchor = if frac_pct < 20 {
        "start"
    } else if frac_pct > 80 {
        "end"
    } else {
        "middle"
    };
    html! {
        <figure class="timeline">
            <svg viewBox="0 0 320 60" role="img" aria-label={label.clone()} preserveAspectRatio="xMidYMid meet">
                <line class="track" x1={u(x0)} y1="20" x2={u(x1)} y2="20" />
                <line class="used" x1={u(x0)} y1="20" x2={u(xn)} y2="20" />
                <circle class="tick" cx={u(x0)} cy="20" r="4" />
                <circle class="tick end" cx={u(x1)} cy="20" r="5" />
                <circle class="now" cx={u(xn)} cy="20" r="6" />
                <text x={u(x0)} y="42" text-anchor="start">{ t.get(M::PageWindowStart) }</text>
                <text x={u(x0)} y="55" text-anchor="start" class="date">{ clock::short(start, t.get(M::PageLocale)) }</text>
                <text x={u(xn)} y="8" text-anchor={anchor} class="now-label">{ t.get(M::PageNow) }</text>
                <text x={u(x1)} y="42" text-anchor="end">{ t.get(M::PageResetPoint) }</text>
                <text x={u(x1)} y="55" text-anchor="end" class="date">{ clock::short(end, t.get(M::PageLocale)) }</text>
            </svg>
            <figcaption class="visually-hidden">{ label }</figcaption>
        </figure>
    }
}
