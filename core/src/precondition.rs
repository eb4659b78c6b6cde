//! A rule's preconditions on what the paste shows (`when`, `when_any`, `unless` in rules/*.toml):
//! `status:401`, `tool:claude-code`, `key:plan`, `provider:dashscope`. Read once, when the rule
//! table is decoded (core/src/vocabulary.rs), into [`Fact`]s; a rule's evaluation compares typed
//! values (`crate::facts::Facts::holds`) and never parses text again. build.rs checks each
//! precondition's kind; core's unit tests check that every one of them reads as a [`Fact`].

use crate::secrets::KeyKind;
use crate::tool::Tool;
use std::fmt;

/// One precondition: a fact the paste must (or must not) show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fact {
    /// An HTTP status read from the paste.
    Status(u16),
    /// A client tool the paste names.
    Tool(Tool),
    /// A key of this kind in the paste.
    Key(KeyKind),
    /// A catalog host of this provider (rules/catalog.toml).
    Provider(&'static str),
    /// A catalog host of this plan.
    Plan(&'static str),
    /// A catalog host of this region.
    Region(&'static str),
    /// This host, exactly.
    Host(&'static str),
    /// A host that misspells this catalog host; `*`: any catalog host.
    HostNear(&'static str),
    /// An endpoint path of this protocol (`openai`, `anthropic`, …).
    Protocol(&'static str),
}

impl Fact {
    /// Reads `kind:value`; `None` for an unknown kind, tool, key kind or status.
    pub fn parse(s: &'static str) -> Option<Fact> {
        let (kind, value) = s.split_once(':')?;
        Some(match kind {
            "status" => Fact::Status(value.parse().ok()?),
            "tool" => Fact::Tool(Tool::ALL.into_iter().find(|t| t.as_str() == value)?),
            "key" => Fact::Key(KeyKind::ALL.into_iter().find(|k| k.as_str() == value)?),
            "provider" => Fact::Provider(value),
            "plan" => Fact::Plan(value),
            "region" => Fact::Region(value),
            "host" => Fact::Host(value),
            "hostnear" => Fact::HostNear(value),
            "protocol" => Fact::Protocol(value),
            _ => return None,
        })
    }
}

/// As the rule files write it: `status:401`.
impl fmt::Display for Fact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fact::Status(s) => write!(f, "status:{s}"),
            Fact::Tool(t) => write!(f, "tool:{}", t.as_str()),
            Fact::Key(k) => write!(f, "key:{}", k.as_str()),
            Fact::Provider(v) => write!(f, "provider:{v}"),
            Fact::Plan(v) => write!(f, "plan:{v}"),
            Fact::Region(v) => write!(f, "region:{v}"),
            Fact::Host(v) => write!(f, "host:{v}"),
            Fact::HostNear(v) => write!(f, "hostnear:{v}"),
            Fact::Protocol(v) => write!(f, "protocol:{v}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_back_every_kind() {
        for s in [
            "status:401",
            "tool:claude-code",
            "key:plan",
            "provider:dashscope",
            "plan:coding",
            "region:intl",
            "host:api.openai.com",
            "hostnear:*",
            "protocol:anthropic",
        ] {
            let f = Fact::parse(s).unwrap_or_else(|| panic!("{s} does not parse"));
            assert_eq!(f.to_string(), s);
        }
        for bad in [
            "status:40x",
            "tool:no-such-tool",
            "key:nope",
            "colour:red",
            "status",
        ] {
            assert_eq!(Fact::parse(bad), None, "{bad}");
        }
    }
}
