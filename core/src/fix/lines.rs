//! Inserting a setting as a line of its own: into a TOML block at the root (after the last
//! root key, before the first `[table]`, where TOML wants root keys) or at the end of a named
//! table; into a YAML mapping after its last line. With the indentation of the keys around it. A span edit like every other fix; `None`
//! where the block is not the plain layout this knows (no such table, a key of that name there
//! already, a name that needs quoting).

use super::{line_end, line_start, plain_name, Edit};
use crate::config::{Config, Format, Setting};
use crate::escape;

/// Whether a `[table]` header line names `table`, its segments unquoted
/// (`[model_providers."x"]` is `model_providers.x`). `[[array]]` headers name no one table.
fn names_table(line: &str, table: &str) -> bool {
    let Some(inner) = line.trim().strip_prefix('[') else {
        return false;
    };
    // A comment may follow the header.
    match inner.split_once(']') {
        Some((name, _)) if !inner.starts_with('[') => name
            .split('.')
            .map(|s| s.trim().trim_matches(['"', '\'']))
            .eq(table.split('.')),
        _ => false,
    }
}

/// The section of `table` in the block `bs..be` (`""`: the root, before the first header):
/// where its keys may start, where the next header starts, and the end of its own header line.
/// `None` when the table has no header (TOML allows a table's header once).
fn section(
    text: &str,
    (bs, be): (usize, usize),
    table: &str,
) -> Option<(usize, usize, Option<usize>)> {
    let mut open: Option<(usize, Option<usize>)> = table.is_empty().then_some((bs, None));
    let mut at = bs;
    while at < be {
        let le = line_end(text, at).min(be);
        let line = text.get(at..le).unwrap_or("");
        if line.trim_start().starts_with('[') {
            if let Some((from, he)) = open {
                return Some((from, at, he));
            }
            if names_table(line, table) {
                open = Some((le, Some(le)));
            }
        }
        at = le + 1;
    }
    open.map(|(from, he)| (from, be, he))
}

/// Inserts `key = "value"` into the TOML table `table` of block `block` (`""`: the root table).
pub(crate) fn insert_toml(
    text: &str,
    cfg: &Config,
    block: usize,
    table: &str,
    key: &str,
    value: &str,
) -> Option<Edit> {
    let b = cfg.blocks.get(block)?;
    if b.format != Format::Toml || !plain_name(key) || key.contains('.') {
        return None;
    }
    // The section: from after its header (or the block start) to the next header.
    let (from, to, header_end) = section(text, (b.start, b.end), table)?;
    let full = |name: &str| {
        if table.is_empty() {
            name.to_string()
        } else {
            format!("{table}.{name}")
        }
    };
    let here: Vec<_> = cfg
        .settings
        .iter()
        .filter(|s| {
            // Keys that start their own line: not the members of an inline table.
            s.block == block
                && s.key_span.is_some_and(|(ks, _)| {
                    from <= ks
                        && ks < to
                        && text.get(line_start(text, ks)..ks).is_some_and(super::blank)
                })
        })
        .collect();
    if here.iter().any(|s| s.path == full(key)) {
        return None;
    }
    let line = format!("{key} = \"{}\"", escape::toml_basic(value));
    match here.iter().max_by_key(|s| s.value_span.1) {
        Some(last) => {
            let (ks, _) = last.key_span?;
            let indent = text.get(line_start(text, ks)..ks)?;
            let at = line_end(text, super::structural::value_end(text, last));
            if at >= to && at < b.end {
                return None;
            }
            Some(Edit {
                start: at,
                end: at,
                replacement: format!("\n{indent}{line}"),
            })
        }
        None => match header_end {
            // An empty table: right after its header.
            Some(he) => Some(Edit {
                start: he,
                end: he,
                replacement: format!("\n{line}"),
            }),
            // No root key yet: before the first table, a blank line between.
            None => Some(Edit {
                start: from,
                end: from,
                replacement: format!("{line}\n\n"),
            }),
        },
    }
}

/// Inserts `key: value` (`value` written as YAML already, e.g. a flow sequence) as the last
/// member of the YAML mapping at `parent` (`services.webui`), after everything nested in it, at
/// the indentation of its scalar members. `None` without such a member to take the indentation
/// from, when `key` is there already, or when the line after the mapping is deeper (a block
/// scalar the reader skips).
pub(crate) fn insert_yaml(
    text: &str,
    cfg: &Config,
    block: usize,
    parent: &str,
    key: &str,
    value: &str,
) -> Option<Edit> {
    let b = cfg.blocks.get(block)?;
    if b.format != Format::Yaml || !plain_name(key) {
        return None;
    }
    let prefix = format!("{parent}.");
    let inside = |s: &&Setting| s.block == block && s.path.starts_with(&prefix);
    let mut members = cfg.settings.iter().filter(inside);
    if cfg
        .settings
        .iter()
        .filter(inside)
        .any(|s| s.path[prefix.len()..].split('.').next() == Some(key))
    {
        return None;
    }
    // The indentation of a direct scalar member, on a line of its own.
    let indent = members.find_map(|s| {
        let (ks, _) = s.key_span?;
        let ind = text.get(line_start(text, ks)..ks)?;
        (!s.path[prefix.len()..].contains('.') && super::blank(ind)).then_some(ind)
    })?;
    let last = cfg
        .settings
        .iter()
        .filter(inside)
        .map(|s| super::structural::value_end(text, s))
        .max()?;
    let at = line_end(text, last);
    // The next line with content must not be deeper than the mapping's members.
    let next = text
        .get(at..b.end)?
        .split('\n')
        .skip(1)
        .find(|l| !l.trim().is_empty());
    if next.is_some_and(|l| l.len() - l.trim_start().len() > indent.len()) {
        return None;
    }
    Some(Edit {
        start: at,
        end: at,
        replacement: format!("\n{indent}{key}: {value}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::read;
    use crate::fix::apply;

    fn ins(t: &str, table: &str, key: &str, value: &str) -> Option<String> {
        let cfg = read(t);
        insert_toml(t, &cfg, 0, table, key, value).map(|e| apply(t, &[e]))
    }

    #[test]
    fn inserts_a_root_key_before_the_first_table() {
        let t = "model = \"qwen3-coder-plus\"\n\n[model_providers.bailian]\nname = \"Bailian\"\nbase_url = \"https://dashscope.aliyuncs.com/compatible-mode/v1\"\n";
        assert_eq!(
            ins(t, "", "model_provider", "bailian").as_deref(),
            Some("model = \"qwen3-coder-plus\"\nmodel_provider = \"bailian\"\n\n[model_providers.bailian]\nname = \"Bailian\"\nbase_url = \"https://dashscope.aliyuncs.com/compatible-mode/v1\"\n")
        );
        let t = "[model_providers.bailian]\nname = \"Bailian\"\n";
        assert_eq!(
            ins(t, "", "model_provider", "bailian").as_deref(),
            Some("model_provider = \"bailian\"\n\n[model_providers.bailian]\nname = \"Bailian\"\n")
        );
        // There already.
        assert_eq!(
            ins(
                "model_provider = \"x\"\n[a]\nb = 1\n",
                "",
                "model_provider",
                "y"
            ),
            None
        );
    }

    #[test]
    fn inserts_at_the_end_of_a_table_with_its_indentation() {
        let t = "[model_providers.\"bailian\"]\n  name = \"Bailian\"\n  base_url = \"https://x/v1\" # mine\n\n[profiles.a]\nmodel = \"m\"\n";
        assert_eq!(
            ins(t, "model_providers.bailian", "env_key", "DASHSCOPE_API_KEY").as_deref(),
            Some("[model_providers.\"bailian\"]\n  name = \"Bailian\"\n  base_url = \"https://x/v1\" # mine\n  env_key = \"DASHSCOPE_API_KEY\"\n\n[profiles.a]\nmodel = \"m\"\n")
        );
        // An empty table; a table that is not there; a sub-table's keys are not the table's.
        assert_eq!(
            ins("[b]\nx = 1\n[a]\n[c]\ny = 2\n", "a", "k", "v").as_deref(),
            Some("[b]\nx = 1\n[a]\nk = \"v\"\n[c]\ny = 2\n")
        );
        assert_eq!(ins("[a]\nx = 1\n", "c", "k", "v"), None);
        assert_eq!(
            ins("[a]\nx = 1\n[a.b]\ny = 2\n", "a", "k", "v").as_deref(),
            Some("[a]\nx = 1\nk = \"v\"\n[a.b]\ny = 2\n")
        );
        // A multi-line array ends where its `]` is.
        assert_eq!(
            ins("[a]\nx = [\n  1,\n  2,\n]\n", "a", "k", "v").as_deref(),
            Some("[a]\nx = [\n  1,\n  2,\n]\nk = \"v\"\n")
        );
        // Quoting: the value is escaped; a key that needs quotes is refused.
        assert_eq!(
            ins("[a]\nx = 1\n", "a", "k", "C:\\key \"x\"").as_deref(),
            Some("[a]\nx = 1\nk = \"C:\\\\key \\\"x\\\"\"\n")
        );
        assert_eq!(ins("[a]\nx = 1\n", "a", "a key", "v"), None);
    }

    fn ins_yaml(t: &str, parent: &str) -> Option<String> {
        let cfg = read(t);
        insert_yaml(
            t,
            &cfg,
            0,
            parent,
            "extra_hosts",
            "[\"host.docker.internal:host-gateway\"]",
        )
        .map(|e| apply(t, &[e]))
    }

    #[test]
    fn inserts_into_a_yaml_mapping_after_what_it_nests() {
        let t = "services:\n  webui:\n    image: ghcr.io/open-webui/open-webui:main\n    environment:\n      - OLLAMA_BASE_URL=http://localhost:11434\n  db:\n    image: postgres\n";
        assert_eq!(
            ins_yaml(t, "services.webui").as_deref(),
            Some("services:\n  webui:\n    image: ghcr.io/open-webui/open-webui:main\n    environment:\n      - OLLAMA_BASE_URL=http://localhost:11434\n    extra_hosts: [\"host.docker.internal:host-gateway\"]\n  db:\n    image: postgres\n")
        );
        // There already; no scalar member to take the indentation from.
        let t = "services:\n  webui:\n    image: x\n    extra_hosts:\n      - \"a:1.2.3.4\"\n    environment:\n      - A=1\n";
        assert_eq!(ins_yaml(t, "services.webui"), None);
        let t = "services:\n  webui:\n    environment:\n      - OLLAMA_BASE_URL=http://localhost:11434\n      - A=1\n";
        assert_eq!(ins_yaml(t, "services.webui"), None);
    }
}
