use crate::examples::{self, EXAMPLES};
use crate::i18n::Ui;
use llmdoctor_core::Msg as M;
use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PasteBoxProps {
    /// Text put in the box from outside (an example, Clear, a share link), taken when
    /// `replaced` changes. Otherwise the box owns its value: typing never copies a 5 MB paste
    /// back into it, and props never carry it (comparing them would cost a pass over it).
    pub loaded: AttrValue,
    pub replaced: u32,
    /// Whether the box is empty (Clear is disabled then).
    pub empty: bool,
    pub ui: Ui,
    /// Every keystroke or paste (the parent debounces).
    pub on_input: Callback<AttrValue>,
    /// Replace the whole text and diagnose now (examples, clear).
    pub on_load: Callback<AttrValue>,
}

/// The paste area, the examples menu and the privacy promise.
#[function_component(PasteBox)]
pub fn paste_box(p: &PasteBoxProps) -> Html {
    let t = &p.ui;
    let area = use_node_ref();
    {
        let (area, text) = (area.clone(), p.loaded.clone());
        use_effect_with(p.replaced, move |_| {
            if let Some(ta) = area.cast::<HtmlTextAreaElement>() {
                ta.set_value(&text);
            }
        });
    }
    let oninput = {
        let on_input = p.on_input.clone();
        Callback::from(move |e: InputEvent| {
            let v = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            on_input.emit(AttrValue::from(v));
        })
    };
    let on_example = {
        let on_load = p.on_load.clone();
        Callback::from(move |e: Event| {
            let select = e.target_unchecked_into::<HtmlSelectElement>();
            if let Some(ex) = examples::find(&select.value()) {
                ex.load(on_load.clone());
            }
            // Back to the prompt, so the same example can be chosen again.
            select.set_value("");
        })
    };
    let on_clear = {
        let on_load = p.on_load.clone();
        Callback::from(move |_: MouseEvent| on_load.emit(AttrValue::default()))
    };
    html! {
        <section class="paste-panel" aria-labelledby="paste-label">
            <div class="paste-head">
                <label id="paste-label" for="paste">{ t.get(M::PagePasteLabel) }</label>
                <div class="paste-tools">
                    <label class="visually-hidden" for="examples">{ t.get(M::PageExamplesLabel) }</label>
                    <select id="examples" onchange={on_example}>
                        <option value="" selected=true>{ t.get(M::PageExamplesNone) }</option>
                        { for EXAMPLES.iter().map(|e| html! {
                            <option value={e.id}>{ e.label(t) }</option>
                        }) }
                    </select>
                    <button type="button" class="ghost" onclick={on_clear} disabled={p.empty}>
                        { t.get(M::PageClear) }
                    </button>
                </div>
            </div>
            <textarea
                id="paste"
                ref={area}
                {oninput}
                placeholder={t.attr(M::PagePastePlaceholder)}
                spellcheck="false"
                autocomplete="off"
                autocapitalize="off"
                aria-describedby="paste-hint privacy"
            />
            <p id="paste-hint" class="hint">{ t.get(M::PagePasteHint) }</p>
            <p id="privacy" class="privacy">
                <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
                    <path d="M6 10V8a6 6 0 0 1 12 0v2M5 10h14v11H5z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" />
                </svg>
                <span>{ t.get(M::PagePrivacy) }</span>
            </p>
        </section>
    }
}
