//! What a value looks like: a key, a password, a random token, 32 hex digits — or a word, a
//! variable's name, code, a placeholder, which stay shown. The secret finder (find.rs) and the
//! config readers' settings (find.rs `from_settings`) ask these questions of what a name holds,
//! or of a value no name explains.

use super::{find::is_placeholder, names, random_enough, shapes};

/// Whether a value held by a secret-named setting is worth masking: not a reference to a
/// variable or a placeholder; for weak names, not a variable's name (Codex's
/// `env_key = "OPENAI_API_KEY"`) and random-looking. A strong name's UPPER_SNAKE value is
/// masked: `DB_PASSWORD=HUNTER_TWO` is a password.
pub(crate) fn worth_masking(value: &str, strength: names::Strength) -> bool {
    let v = value.trim();
    // An Authorization value: the credential after its scheme.
    let v = ["Bearer ", "Basic ", "Token ", "bearer "]
        .iter()
        .find_map(|p| v.strip_prefix(p))
        .map_or(v, str::trim_start);
    if v.is_empty()
        || (shapes::ALLOW_REFERENCES.iter().any(|r| v.starts_with(r)) && !holds_secret(v))
        || shapes::ALLOW_VALUES
            .iter()
            .any(|a| v.eq_ignore_ascii_case(a))
        || (strength != names::Strength::Strong && is_variable_name(v))
        || is_placeholder(v.as_bytes())
    {
        return false;
    }
    match strength {
        names::Strength::Strong => v.chars().count() >= 4,
        names::Strength::Key => key_value(v),
        names::Strength::Weak => {
            looks_secret(v) || random_word(v) || hex_run(v) || short_random(v) || symbolic(v)
        }
    }
}

/// Whether a credential-named setting's value (`OPENAI_API_KEY=…`) is one: 4 or more ASCII
/// characters with a digit, a capital inside, or a password's symbol, or letters of one case that
/// no word looks like (14 or more, or under a third vowels: `grmcfmbd`). What it holds instead
/// stays shown: a description (`set in .env`), code (`keys["openai"]`, `[MY_KEY]`), the name a
/// local server is given for a key it ignores (`ollama`, `lmstudio`, `sk-local`).
fn key_value(v: &str) -> bool {
    // Punctuation glued on in another script (`…d61，`, `…B1x”`) is not part of it.
    let v = v.trim_end_matches(|c: char| !c.is_ascii() && !c.is_alphanumeric());
    let b = v.as_bytes();
    // A key with a character from another script in it (a Cyrillic `а`, a full-width digit
    // typed by an input method) is still one; prose in that script is not.
    let alnum = b.iter().filter(|c| c.is_ascii_alphanumeric()).count();
    if !v.is_ascii() && (b.len() < 8 || alnum * 4 < b.len() * 3) {
        return false;
    }
    // `base_url=`, `model:`: the next setting's name, read where a value was expected (a key's
    // base64 padding, `…nA=`, is not).
    let name_form = matches!(b.last(), Some(b'=' | b':'))
        && b[..b.len() - 1]
            .iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'_');
    if b.len() < 4 || name_form {
        return false;
    }
    if v.contains(char::is_whitespace) {
        return looks_secret(v);
    }
    // A known key's anchor, then filler: `sk-***`, `sk-a...` hide the key already.
    let body = shapes::of_value(v).map_or(b, |s| &b[s.anchor.len().min(b.len())..]);
    // Code where the key is read (`available_keys["openai"]`, `os.environ.get(`), or a variable
    // in brackets (`[MY_KEY]`, `{API_KEY}`).
    let bracketed = v.trim_matches(['[', ']', '{', '}', '<', '>']);
    if is_placeholder(body)
        || code_call(b)
        || (bracketed.len() < v.len()
            && (is_variable_name(bracketed) || is_placeholder(bracketed.as_bytes())))
    {
        return false;
    }
    // Letters of one case (a capital first allowed), `-` and `_` between them: masked unless
    // they read as a word, a third of them vowels or more (`ollama`, `lmstudio`, `local`).
    let (mut letters, mut inner_upper, mut lower, mut vowels, mut other) =
        (0, false, false, 0, false);
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'-' | b'_' => {}
            c if c.is_ascii_alphabetic() => {
                letters += 1;
                inner_upper |= i > 0 && c.is_ascii_uppercase();
                lower |= c.is_ascii_lowercase();
                vowels += usize::from(matches!(c | 0x20, b'a' | b'e' | b'i' | b'o' | b'u'));
            }
            _ => other = true,
        }
    }
    other || (inner_upper && lower) || (letters > 0 && (letters >= 14 || vowels * 3 < letters))
}

/// 4 to 7 letters and digits, with both (`45ZEgV`, `abc12`), or letters of both cases with a
/// capital inside (`fqXw`): too short for a real key, but what a key-named setting holds is
/// shown as a key would be. Not a word (`Bearer`, `None`, `default`).
fn short_random(v: &str) -> bool {
    let b = v.as_bytes();
    (4..8).contains(&b.len())
        && b.iter().all(u8::is_ascii_alphanumeric)
        && ((b.iter().any(u8::is_ascii_digit) && b.iter().any(u8::is_ascii_alphabetic))
            || (b[1..].iter().any(u8::is_ascii_uppercase) && b.iter().any(u8::is_ascii_lowercase)))
}

/// A value no name calls secret that reads as a random token: 16 or more letters, digits, `-`,
/// `_`, `.` and `~`, both cases, and less than half of its letters in word-like pieces (a
/// capital, then three or more lower-case letters with a vowel: `Deep`, `Instruct`, `chat`,
/// `Connection` of `APIConnection`). Model names, ids and class names are mostly such pieces
/// (`DeepSeek-R1-Distill-Qwen-32B`, `GetChatCompletions2024`, `QUALITY_BAD-APIConnectionError`);
/// 95% of random 16-character tokens of letters and digits are not (99% at 32:
/// secrets/tests.rs measures it).
pub(crate) fn random_token(v: &str) -> bool {
    let b = v.as_bytes();
    if b.len() < 16
        || !b
            .iter()
            .all(|&c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.' | b'~'))
        || !b.iter().any(u8::is_ascii_uppercase)
        || !b.iter().any(u8::is_ascii_lowercase)
    {
        return false;
    }
    let (wordy, letters) = wordy_letters(b);
    wordy * 2 < letters
}

/// How many letters of `b` are in word-like pieces ([`random_token`]), and how many letters.
fn wordy_letters(b: &[u8]) -> (usize, usize) {
    let letters = b.iter().filter(|c| c.is_ascii_alphabetic()).count();
    // Pieces: capitals, then lower-case letters; a piece ends at a capital after a lower-case
    // letter, or at anything that is not a letter.
    let (mut wordy, mut caps, mut tail, mut vowel) = (0, 0, 0, false);
    for &c in b.iter().chain(std::iter::once(&b' ')) {
        let ends = !c.is_ascii_alphabetic() || (c.is_ascii_uppercase() && tail > 0);
        if ends {
            // An acronym before a word (`APIConnection`, `HTTPError`): the word counts.
            if tail >= 3 && vowel {
                wordy += caps.min(1) + tail;
            }
            (caps, tail, vowel) = (0, 0, false);
        }
        if c.is_ascii_uppercase() {
            caps += 1;
        } else if c.is_ascii_lowercase() {
            tail += 1;
            vowel |= matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
        }
    }
    (wordy, letters)
}

/// Code that reads a value (`available_keys["openai"]`, `os.environ.get(`,
/// `ChatHunyuan(streaming=True`): words, then `(` or `[`. A password with a bracket
/// (`WHMQ1p5(U>0D`) has no words before it.
pub(crate) fn code_call(b: &[u8]) -> bool {
    let ident = b
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.'))
        .count();
    let (wordy, letters) = wordy_letters(&b[..ident]);
    ident >= 2 && matches!(b.get(ident), Some(b'[' | b'(')) && letters > 0 && wordy * 2 >= letters
}

/// 32 or more hex digits with both digits and letters (`a4dda5f53077b518a989cd7d02d64be6`):
/// Azure's keys and many gateways' look so, and so do hashes and request ids — where a name says
/// so (`request_id`, `sha256`) the value stays shown ([`names::names_an_id`]).
pub(crate) fn long_hex(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() >= 32
        && b.iter().all(u8::is_ascii_hexdigit)
        && b.iter().any(u8::is_ascii_digit)
        && b.iter().any(u8::is_ascii_alphabetic)
}

/// 8 or more characters, no blank, random (digits and letters, or both cases) and with a
/// password's symbol (`nsjTv%bMapw%`, `Ssbky*faDep.`): no id, path or word a key-named setting
/// holds looks like that (`base_url=`, read after a quoted name, is not random).
pub(crate) fn symbolic(v: &str) -> bool {
    v.len() >= 8
        && !v.contains(char::is_whitespace)
        && random_enough(v.as_bytes())
        && v.contains(PASSWORD_SYMBOLS)
}

/// Symbols of passwords that names, ids, paths and URLs do not hold.
const PASSWORD_SYMBOLS: [char; 10] = ['@', '!', '#', '^', '&', '*', '+', '=', '?', '%'];

/// Ten or more hex digits that are all digits or all letters of one case (`4926270389667`,
/// `fbcadeeafd`: a hex key cut short before its first letter or digit; hex with both is a
/// `random_word`): no count, port or word a key-named setting holds looks like that.
fn hex_run(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() >= 10
        && (b.iter().all(u8::is_ascii_digit)
            || b.iter().all(|c| (b'a'..=b'f').contains(c))
            || b.iter().all(|c| (b'A'..=b'F').contains(c)))
}

/// One run of 8 or more letters and digits with both, or with both cases (`ZFdQbEafRQ`, a key
/// cut short): a key-named setting's value that no word or id looks like.
fn random_word(v: &str) -> bool {
    v.len() >= 8 && v.bytes().all(|c| c.is_ascii_alphanumeric()) && random_enough(v.as_bytes())
}

/// Whether a value that starts like a reference (`$`, `<`, `os.getenv(`) holds a secret
/// itself: a key pasted where a variable's name belongs (`os.getenv("yEZl…")`,
/// `<STvy…>`), or a password that starts with `$` (`$ecretP4ss`). Its pieces between
/// non-alphanumerics are checked; a variable's (`${DB_PASSWORD_2}`, `process.env.OPENAI_KEY`)
/// has none long and random enough.
fn holds_secret(v: &str) -> bool {
    // An argument with a password's symbols (`os.getenv("Hpocg3@FBel!Cgwj#HCf$")`,
    // `<RLBEwJ@HIpr!Qtak#QhT$>`, `${TOKEN:-dsquG!iIdnu%}`): no variable's name holds them. The
    // reference's own `%…%` and `${…}` are not counted.
    let inner = v.trim_matches(['%', '$', '<', '>', '{', '}', '(', ')', '"', '\'']);
    let inner = inner.split_once(":-").map_or(inner, |(_, d)| d);
    symbolic(inner)
        || v.split(|c: char| !c.is_ascii_alphanumeric())
            .any(|p| p.len() >= 8 && looks_secret(p))
}

/// `OPENAI_API_KEY_2`: upper case, digits and `_`, with a `_` — a variable's name.
fn is_variable_name(v: &str) -> bool {
    v.contains('_')
        && v.bytes().next().is_some_and(|c| c.is_ascii_uppercase())
        && v.bytes()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == b'_')
}

/// Entropy floor for values of weakly named settings: at least 8 characters with a digit, or
/// 12 of mixed case with three of each; a value broken by blanks counts when every piece is a
/// run of 4 or more and the whole is random (a key with a stray space), not prose.
pub(crate) fn looks_secret(v: &str) -> bool {
    let pieces: Vec<&str> = v.split_whitespace().collect();
    if pieces.len() > 1 && (pieces.len() > 4 || pieces.iter().any(|p| p.chars().count() < 4)) {
        return false;
    }
    let joined: String = pieces.concat();
    let n = joined.chars().count();
    let digits = joined.bytes().any(|b| b.is_ascii_digit());
    let upper = joined.bytes().filter(u8::is_ascii_uppercase).count();
    let lower = joined.bytes().filter(u8::is_ascii_lowercase).count();
    (n >= 8 && digits && upper + lower > 0) || (n >= 12 && upper >= 3 && lower >= 3)
}
