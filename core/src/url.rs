//! Splitting URLs and base URLs as pasted (scheme optional), shared by facts and checks.

/// A URL split into scheme (with `://`), host (with port) and the rest (path, query).
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Url<'a> {
    pub scheme: &'a str,
    pub host: &'a str,
    pub path: &'a str,
}

pub(crate) fn split_url(v: &str) -> Option<Url<'_>> {
    let v = v.trim();
    let (scheme, rest) = match v.find("://") {
        Some(i) => (&v[..i + 3], &v[i + 3..]),
        None => ("", v),
    };
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = &rest[..host_end];
    if host.is_empty()
        || !host.bytes().all(|b| {
            b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'_' | b'[' | b']')
        })
    {
        return None;
    }
    Some(Url {
        scheme,
        host,
        path: &rest[host_end..],
    })
}

/// Host without port, lowercased.
pub(crate) fn host_name(host: &str) -> String {
    host.rsplit_once(':')
        .filter(|(_, p)| p.bytes().all(|b| b.is_ascii_digit()))
        .map_or(host, |(h, _)| h)
        .to_ascii_lowercase()
}
