use yew::prelude::*;

/// Text with `backtick` spans shown as code. Everything stays a text node: no HTML is parsed.
pub fn rich(text: &str) -> Html {
    if !text.contains('`') {
        return html! { { text.to_string() } };
    }
    text.split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                html! { <code>{ part.to_string() }</code> }
            } else {
                html! { { part.to_string() } }
            }
        })
        .collect()
}
