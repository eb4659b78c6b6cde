use super::rich;
use yew::prelude::*;

/// Numbered fix steps (a plain function: a component of its own costs the page's wasm more).
pub fn steps(steps: &[AttrValue]) -> Html {
    html! {
        <ol class="steps">{ for steps.iter().map(|s| html! { <li>{ rich(s) }</li> }) }</ol>
    }
}
