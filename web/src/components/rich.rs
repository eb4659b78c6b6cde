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

/// A rule's source as the rule files write it, `Title, section — https://…`: the title, and the
/// official page as a link (opened without a referrer). Sources are build-time text.
pub fn source(text: &str) -> Html {
    match text.rsplit_once(" — ") {
        Some((title, url))
            if url.starts_with("https://")
                && !url.contains(|c: char| c.is_whitespace() || c == '"' || c == '<') =>
        {
            html! {
                <>
                    { rich(title) }{ " — " }
                    <a href={url.to_string()} target="_blank" rel="noopener noreferrer">{ url.to_string() }</a>
                </>
            }
        }
        _ => rich(text),
    }
}
