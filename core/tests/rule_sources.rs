//! Every rule's sources are for a reader: a document's real title and section, with the
//! official page's link where one exists (`"<title>, <section> — https://…"`). Repository-internal
//! names (the shared guides, the knowledge files and their abbreviations) stay in the rule files'
//! `# source:` comments, never in `sources`. Failures name the file and the rule.

/// Names that only mean something inside this project's working tree.
const INTERNAL_MARKERS: &[&str] = &[
    "shared guide",
    "GF:",
    "GF ",
    "seeds/",
    "gateway-facts",
    "ecosystem-errors",
    "bailian-ide",
    "bailian-text",
    "site-url-gateway",
    "routescope-gateway",
];

/// `Some(reason)` when a source that mentions `http` is not `<title> — https://<host>/…`.
fn link_problem(source: &str) -> Option<String> {
    if !source.contains("http") {
        return None;
    }
    let Some((title, url)) = source.rsplit_once(" — ") else {
        return Some("holds a link but no ` — ` before it".into());
    };
    if title.trim().is_empty() {
        return Some("a link without a title".into());
    }
    if title.contains("://") {
        return Some("a link inside the title (only one link, after ` — `)".into());
    }
    let Some(rest) = url.strip_prefix("https://") else {
        return Some(format!("`{url}` is not an https URL"));
    };
    if url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || "\"<>`".contains(c))
    {
        return Some(format!("`{url}` has a character a URL cannot hold"));
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_ok = host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
    if !host_ok {
        return Some(format!("`{url}` has no valid host"));
    }
    None
}

#[test]
fn sources_are_titles_and_official_links_not_internal_names() {
    let mut failures = Vec::new();
    for rule in llmdoctor_core::RULES {
        let sources = &llmdoctor_core::Catalog::embedded()
            .text(llmdoctor_core::Lang::En, rule)
            .sources;
        if sources.is_empty() {
            failures.push(format!("{}: rule `{}` has no source", rule.file, rule.id));
        }
        for source in sources {
            for marker in INTERNAL_MARKERS {
                if source.contains(marker) {
                    failures.push(format!(
                        "{}: rule `{}` cites an internal name (`{marker}`): {source}",
                        rule.file, rule.id
                    ));
                }
            }
            // A file name in the title (a `.md` guide) means nothing to a reader; a link may end
            // in `.md` (a project's docs on GitHub).
            let source: &str = source;
            if source
                .rsplit_once(" — ")
                .map_or(source, |(t, _)| t)
                .contains(".md")
            {
                failures.push(format!(
                    "{}: rule `{}` names a file: {source}",
                    rule.file, rule.id
                ));
            }
            if let Some(problem) = link_problem(source) {
                failures.push(format!(
                    "{}: rule `{}`: {problem}: {source}",
                    rule.file, rule.id
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} source problems (move internal names to a `# source:` comment; write sources as \
         \"<title>, <section> — https://…\"):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn link_check_accepts_and_rejects() {
    assert_eq!(
        link_problem("Claude API docs, Errors (529 overloaded_error)"),
        None
    );
    assert_eq!(
        link_problem("Claude API docs, Errors — https://platform.claude.com/docs/en/api/errors"),
        None
    );
    assert!(link_problem("https://github.com/openai/codex/issues/3229").is_some());
    assert!(link_problem("Docs — http://example.com/page").is_some());
    assert!(link_problem("Docs — https://exa mple.com").is_some());
    assert!(link_problem("Docs — https://localhost/x").is_some());
    assert!(link_problem("see https://a.example — https://b.example/x").is_some());
    // Words that contain "http" are fine in a title.
    assert_eq!(
        link_problem("aiohttp docs, Client exceptions — https://docs.aiohttp.org/x"),
        None
    );
}

/// The user-facing word catalogs (rules/messages/*.toml) name no internal source either: the
/// CLI printed "(shared guide site-url-gateway, Quick self-check)" under its self-check.
#[test]
fn message_catalogs_name_no_internal_source() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../rules/messages");
    let mut failures = Vec::new();
    for lang in ["en", "zh"] {
        let path = dir.join(format!("{lang}.toml"));
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(!text.is_empty(), "cannot read {}", path.display());
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with('#') {
                continue;
            }
            for marker in INTERNAL_MARKERS {
                if line.contains(marker) {
                    failures.push(format!("rules/messages/{lang}.toml:{}: `{marker}`", n + 1));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
