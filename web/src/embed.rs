//! What the page's URL asks for (`?lang=zh&tool=claude-code`), as the embed loader
//! (web/assets/embed.js) writes it. The rest of embed mode (`?embed=1`: no header or footer, the
//! height posted to the parent page) is done by web/assets/boot.js and style.css.

use crate::examples::{Example, EXAMPLES};

/// The value of `name` in the query string, as written (the loader's values need no decoding).
pub fn param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

/// The example `?tool=` names: an example id, or a tool (`claude-code`) for its first example.
pub fn preset() -> Option<&'static Example> {
    let tool = param("tool")?;
    let of_tool = |e: &&Example| {
        e.id.strip_prefix(tool.as_str())
            .is_some_and(|rest| rest.starts_with('-'))
    };
    EXAMPLES
        .iter()
        .find(|e| e.id == tool)
        .or_else(|| EXAMPLES.iter().find(of_tool))
}
