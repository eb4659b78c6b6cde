//! A fresh key planted in a paste, and the check that it never leaves the engine unmasked.

use aho_corasick::AhoCorasick;

/// FNV-1a: the planted key is a function of the input, so a crash reproduces from its file, and
/// the fuzzer cannot have copied the key into the input it derives from.
fn fnv(data: &[u8]) -> u64 {
    data.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// xorshift64* over the seed.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Key prefixes the engine knows (core/src/secrets.rs), and none: a key held only by its field.
const PREFIXES: &[&str] = &[
    "sk-sp-",
    "sk-",
    "sk-ant-api03-",
    "sk-proj-",
    "sk-or-v1-",
    "AIza",
    "ms-",
    "",
];

/// Lines that carry a key the way pastes do. `{}` is the key. The first two need a prefixed
/// key (nothing else marks a bare value as a key).
const FORMATS: &[&str] = &[
    "{}",
    "openai.AuthenticationError: Error code: 401 - {'error': {'message': 'Incorrect API key provided: {}. You can find your API key at https://platform.openai.com/account/api-keys.'}}",
    "export DASHSCOPE_API_KEY={}",
    "{\"env\": {\"ANTHROPIC_AUTH_TOKEN\": \"{}\", \"ANTHROPIC_BASE_URL\": \"https://coding.dashscope.aliyuncs.com/v1\"}}",
    "Authorization: Bearer {}",
    "curl https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions -H \"Authorization: Bearer {}\" -d '{\"model\":\"qwen-plus\"}'",
    "experimental_bearer_token = \"{}\"",
    "    apiKey: {}",
    "client = OpenAI(api_key=\"{}\", base_url=\"https://dashscope.aliyuncs.com/compatible-mode/v1\")",
    "$env:OPENAI_API_KEY=\"{}\"",
];

/// A paste with a key planted on a line of its own.
pub struct Planted {
    pub text: String,
    pub key: String,
    leak: AhoCorasick,
}

impl Planted {
    /// Plants a key derived from `data` in `text` (the paste made from `data`), at a line
    /// boundary chosen by the data too.
    pub fn new(data: &[u8], mut text: String) -> Planted {
        let mut rng = Rng(fnv(data) | 1);
        let format = FORMATS[rng.below(FORMATS.len())];
        let prefixes = if format == FORMATS[0] || format == FORMATS[1] {
            &PREFIXES[..PREFIXES.len() - 1]
        } else {
            PREFIXES
        };
        let prefix = prefixes[rng.below(prefixes.len())];
        const ALNUM: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        const HEX: &[u8] = b"0123456789abcdef";
        let alphabet = if rng.next().is_multiple_of(2) {
            HEX
        } else {
            ALNUM
        };
        let len = 24 + rng.below(24);
        // Real keys have a digit and a letter (the engine's entropy floor wants both).
        let body: String = "a7"
            .chars()
            .chain((2..len).map(|_| alphabet[rng.below(alphabet.len())] as char))
            .collect();
        let key = format!("{prefix}{body}");
        let line = format.replacen("{}", &key, 1);
        // Just after a line break (or at the start), so the key's line is its own.
        let want = rng.below(text.len() + 1);
        let at = match text.get(want..).and_then(|s| s.find('\n')) {
            Some(i) => want + i + 1,
            None if want == 0 || text.is_empty() => 0,
            None => text.len(),
        };
        let mut insert = String::with_capacity(line.len() + 2);
        if at > 0 && !text[..at].ends_with('\n') {
            insert.push('\n');
        }
        insert.push_str(&line);
        insert.push('\n');
        text.insert_str(at, &insert);
        // Any 12 characters of the key in a row is a leak (a mask shows the prefix and the last
        // 4 only), unless they are all prefix and the constant `a7`: text the input may hold.
        let fixed = prefix.len() + 2;
        let windows: Vec<&str> = (0..=key.len() - 12)
            .filter(|i| i + 12 > fixed)
            .map(|i| &key[i..i + 12])
            .collect();
        let leak = AhoCorasick::new(&windows).unwrap_or_else(|e| panic!("leak automaton: {e}"));
        Planted { text, key, leak }
    }

    /// Panics when `output` holds 12 or more characters of the key in a row.
    pub fn assert_not_in(&self, what: &str, output: &str) {
        if let Some(m) = self.leak.find(output) {
            let from = m.start().saturating_sub(60);
            let to = (m.end() + 60).min(output.len());
            let (mut from, mut to) = (from, to);
            while !output.is_char_boundary(from) {
                from -= 1;
            }
            while !output.is_char_boundary(to) {
                to += 1;
            }
            panic!(
                "{what}: the key {} leaked unmasked: …{}…",
                self.key,
                &output[from..to]
            );
        }
    }
}
