use super::rich;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StepsProps {
    pub steps: Vec<AttrValue>,
}

/// Numbered fix steps.
#[function_component(Steps)]
pub fn steps(p: &StepsProps) -> Html {
    html! {
        <ol class="steps">{ for p.steps.iter().map(|s| html! { <li>{ rich(s) }</li> }) }</ol>
    }
}
