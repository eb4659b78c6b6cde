//! What the engine read, as the report's `facts`: config blocks and settings, tools, endpoints,
//! keys and statuses, every value masked.

use crate::config;
use crate::facts::Facts;
use crate::report::{
    BlockFact, ConfigFacts, EndpointFact, Facts as ReadFacts, KeyFact, SettingFact,
};
use crate::secrets::Redactor;

/// Settings kept in `facts.config` (the rest are counted).
const MAX_FACT_SETTINGS: usize = 200;

/// The config blocks read and their settings, values masked like everything else.
pub(super) fn config_facts(cfg: &config::Config, r: &Redactor, text: &str) -> ConfigFacts {
    // SDK argument names are snake-cased (`sk-or-v1-…=` is read as `sk_or_v1_…`): a key used
    // as a name is looked for in that form too (found by the diagnose fuzz target).
    let snaked: crate::hashing::Map<String, &str> = if r.show {
        crate::hashing::Map::default()
    } else {
        r.secrets()
            .iter()
            .filter_map(|k| Some((config::snake(text.get(k.start..k.end)?), k.masked.as_str())))
            .collect()
    };
    // A block's note is scrubbed twice, as it was when the facts were a JSON value scrubbed
    // once more as a whole: the same words, byte for byte.
    let twice = |s: &str| r.scrub(&r.scrub(s, text), text);
    let blocks = cfg
        .blocks
        .iter()
        .map(|b| BlockFact {
            end: b.end,
            format: b.format,
            notes: b.notes.iter().map(|n| n.clone().mask(twice)).collect(),
            start: b.start,
        })
        .collect();
    let settings = cfg
        .settings
        .iter()
        .filter(|s| !matches!(s.kind, config::ValueKind::Object | config::ValueKind::Array))
        .take(MAX_FACT_SETTINGS)
        .map(|s| {
            let (a, b) = s.value_span;
            SettingFact {
                block: s.block,
                end: b,
                // A key name can be a key (`{"sk-…": "prod"}`).
                path: r.scrub(&masked_path(&s.path, r, text, &snaked), text),
                start: a,
                value: r.scrub(&r.slice(text, a, b), text),
            }
        })
        .collect();
    ConfigFacts {
        blocks,
        settings,
        settings_total: cfg.settings.len(),
    }
}

/// A setting's path with every key in it masked: verbatim or cut short (`Redactor::scrub`), or
/// as a snake-cased segment.
fn masked_path(
    path: &str,
    r: &Redactor,
    text: &str,
    snaked: &crate::hashing::Map<String, &str>,
) -> String {
    let path = r.scrub(path, text).to_string();
    if snaked.is_empty() {
        return path;
    }
    // A segment that is the key, or holds it glued to a name (`header_gho_a0_v3…`).
    path.split('.')
        .map(|seg| match snaked.get(seg) {
            Some(m) => (*m).to_string(),
            None => {
                snaked
                    .iter()
                    .filter(|(k, _)| k.len() >= 8)
                    .fold(seg.to_string(), |s, (k, m)| {
                        if s.contains(k.as_str()) {
                            s.replace(k.as_str(), m)
                        } else {
                            s
                        }
                    })
            }
        })
        .collect::<Vec<String>>()
        .join(".")
}

/// What the scan read, every text from the paste masked (config and notes are added by the
/// caller).
pub(super) fn read_facts(f: &Facts, r: &Redactor, text: &str) -> ReadFacts {
    let endpoints = f
        .endpoints
        .iter()
        .map(|e| EndpointFact {
            end: e.end,
            host: r.scrub(&e.host, text),
            path: r.scrub(&e.path, text),
            plan: e.plan,
            provider: e.provider,
            region: e.region,
            start: e.start,
            url: r.scrub(&r.slice(text, e.start, e.end), text),
        })
        .collect();
    let keys = f
        .keys
        .iter()
        .map(|k| {
            // Unmasked only on the explicit reveal path (`--show-secrets`), where scrubbing
            // leaves the text as it is.
            let shown = if r.show {
                text.get(k.start..k.end).unwrap_or("")
            } else {
                k.masked.as_str()
            };
            KeyFact {
                end: k.end,
                kind: k.kind,
                masked: r.scrub(shown, text),
                start: k.start,
            }
        })
        .collect();
    ReadFacts {
        config: ConfigFacts::default(),
        endpoints,
        inputs: None,
        keys,
        near_hosts: f.near_hosts.iter().copied().collect(),
        notes: Vec::new(),
        plans: f.plans.iter().copied().collect(),
        providers: f.providers.iter().copied().collect(),
        regions: f.regions.iter().copied().collect(),
        statuses: f.statuses.iter().copied().collect(),
        tools: f.tools.iter().copied().collect(),
    }
}
