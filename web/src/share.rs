//! Share links: `#/s/<data>`, where data is the paste with every key replaced by core
//! (`share::redact_for_share`), compressed by the browser's own `CompressionStream`
//! (`deflate-raw`, no compression code in the wasm) and base64url-encoded. A paste goes into a
//! URL only when its user clicks Share; opening a link loads the paste and clears the fragment.

use gloo::events::EventListener;
use js_sys::{Array, Reflect, Uint8Array};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The fragment that starts a share link.
pub const PREFIX: &str = "#/s/";
/// The longest (redacted) paste a link carries, and the most a link may inflate to.
pub const MAX_TEXT: usize = 256 * 1024;
/// Longer fragments are not even decoded.
const MAX_DATA: usize = 2 * MAX_TEXT;

/// Why a link could not be made or read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Error {
    /// The paste is over [`MAX_TEXT`] once redacted.
    TooLong,
    /// No `CompressionStream` here, or it failed.
    Unsupported,
    /// Not base64url, not deflate, too big, or not UTF-8.
    Broken,
}

// The few stream APIs used, bound here: web-sys has CompressionStream only behind
// `web_sys_unstable_apis`, and Blob/ReadableStream features would bring more than needed.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = Blob)]
    type JsBlob;
    #[wasm_bindgen(constructor, js_class = "Blob", catch)]
    fn new(parts: &Array) -> Result<JsBlob, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn stream(this: &JsBlob) -> Result<Stream, JsValue>;

    /// A `ReadableStream`.
    type Stream;
    #[wasm_bindgen(method, js_name = pipeThrough, catch)]
    fn pipe_through(this: &Stream, transform: &JsValue) -> Result<Stream, JsValue>;
    #[wasm_bindgen(method, js_name = getReader, catch)]
    fn get_reader(this: &Stream) -> Result<Reader, JsValue>;

    /// A `ReadableStreamDefaultReader`.
    type Reader;
    #[wasm_bindgen(method)]
    fn read(this: &Reader) -> JsValue;
    #[wasm_bindgen(method)]
    fn cancel(this: &Reader) -> JsValue;

    #[wasm_bindgen(js_name = CompressionStream)]
    type Compress;
    #[wasm_bindgen(constructor, js_class = "CompressionStream", catch)]
    fn new(format: &str) -> Result<Compress, JsValue>;

    #[wasm_bindgen(js_name = DecompressionStream)]
    type Decompress;
    #[wasm_bindgen(constructor, js_class = "DecompressionStream", catch)]
    fn new(format: &str) -> Result<Decompress, JsValue>;

    /// A promise (only `then` is used).
    type Thenable;
    #[wasm_bindgen(js_namespace = Promise, js_name = allSettled)]
    fn all_settled(list: &Array) -> Thenable;
    #[wasm_bindgen(method)]
    fn then(this: &Thenable, f: &JsValue) -> JsValue;
}

/// Calls `f` once `promise` settles, with its value or its reason. One closure, always called
/// once (`Promise.allSettled` never rejects), so nothing leaks.
fn settle(promise: &JsValue, f: impl FnOnce(Result<JsValue, JsValue>) + 'static) {
    let cb = Closure::once_into_js(move |results: JsValue| {
        let r = results
            .dyn_into::<Array>()
            .map(|a| a.get(0))
            .unwrap_or_default();
        let get = |k: &str| Reflect::get(&r, &JsValue::from_str(k)).unwrap_or_default();
        if get("status").as_string().as_deref() == Some("fulfilled") {
            f(Ok(get("value")))
        } else {
            f(Err(get("reason")))
        }
    });
    let _ = all_settled(&Array::of1(promise)).then(&cb);
}

type Done = Box<dyn FnOnce(Result<Vec<u8>, Error>)>;

/// Reads `reader` to its end into `acc`; more than `max` bytes is [`Error::Broken`].
fn pump(reader: Rc<Reader>, mut acc: Vec<u8>, max: usize, on_error: Error, done: Done) {
    let next = reader.read();
    settle(&next, move |r| {
        let Ok(chunk) = r else {
            return done(Err(on_error));
        };
        let field = |k: &str| Reflect::get(&chunk, &JsValue::from_str(k)).unwrap_or_default();
        if field("done").as_bool() == Some(true) {
            return done(Ok(acc));
        }
        let Ok(bytes) = field("value").dyn_into::<Uint8Array>() else {
            return done(Err(on_error));
        };
        let (at, n) = (acc.len(), bytes.length() as usize);
        if at + n > max {
            let _ = reader.cancel();
            return done(Err(Error::Broken));
        }
        acc.resize(at + n, 0);
        bytes.copy_to(&mut acc[at..]);
        pump(reader, acc, max, on_error, done);
    });
}

/// `bytes` through `CompressionStream('deflate-raw')` (or the decompressing one).
fn transform(bytes: &[u8], compress: bool, max: usize, done: Done) {
    let on_error = if compress {
        Error::Unsupported
    } else {
        Error::Broken
    };
    let start = || -> Result<Reader, JsValue> {
        let stream = JsBlob::new(&Array::of1(&Uint8Array::from(bytes)))?.stream()?;
        let t: JsValue = if compress {
            Compress::new("deflate-raw")?.into()
        } else {
            Decompress::new("deflate-raw")?.into()
        };
        stream.pipe_through(&t)?.get_reader()
    };
    match start() {
        Ok(reader) => pump(Rc::new(reader), Vec::new(), max, on_error, done),
        Err(_) => done(Err(Error::Unsupported)),
    }
}

/// Makes the share link for `text` (keys removed first, by core) and hands it to `done`.
pub fn make_link(text: &str, done: impl FnOnce(Result<String, Error>) + 'static) {
    let shared = llmdoctor_core::share::redact_for_share(text);
    if shared.len() > MAX_TEXT {
        return done(Err(Error::TooLong));
    }
    // This page without its query (embed options) or fragment: a link opens the full page.
    let page = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let page = page
        .split(['?', '#'])
        .next()
        .unwrap_or_default()
        .to_string();
    transform(
        shared.as_bytes(),
        true,
        usize::MAX,
        Box::new(move |r| done(r.map(|z| format!("{page}{PREFIX}{}", encode(&z))))),
    );
}

/// The paste a share fragment (`#/s/<data>`) carries.
pub fn open_link(hash: &str, done: impl FnOnce(Result<String, Error>) + 'static) {
    let Some(data) = hash.strip_prefix(PREFIX) else {
        return done(Err(Error::Broken));
    };
    let Some(z) = (data.len() <= MAX_DATA).then(|| decode(data)).flatten() else {
        return done(Err(Error::Broken));
    };
    transform(
        &z,
        false,
        MAX_TEXT,
        Box::new(move |r| done(r.and_then(|b| String::from_utf8(b).map_err(|_| Error::Broken)))),
    );
}

/// What opening a share link did: loaded this text, or found the link broken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Opened {
    Loaded(AttrValue),
    Broken,
}

/// Opens share links: when the page starts on one or the hash becomes one, the fragment is
/// replaced by `#/` at once (out of the address bar and the history) and the paste it carries
/// goes to `on_load` once decompressed.
#[hook]
pub fn use_share_links(on_load: Callback<AttrValue>) -> Option<Opened> {
    let opened = use_state(|| None::<Opened>);
    {
        let opened = opened.clone();
        use_effect_with((), move |_| {
            let check = move || {
                let hash = crate::prefs::hash();
                if !hash.starts_with(PREFIX) {
                    return;
                }
                if let Some(w) = web_sys::window() {
                    let _ = w.location().replace("#/");
                }
                let (opened, on_load) = (opened.clone(), on_load.clone());
                open_link(&hash, move |r| match r {
                    Ok(text) => {
                        let text = AttrValue::from(text);
                        opened.set(Some(Opened::Loaded(text.clone())));
                        on_load.emit(text);
                    }
                    Err(_) => opened.set(Some(Opened::Broken)),
                });
            };
            check();
            let listener =
                web_sys::window().map(|w| EventListener::new(&w, "hashchange", move |_| check()));
            move || drop(listener)
        });
    }
    (*opened).clone()
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// base64url without padding (RFC 4648 §5): safe in a URL fragment as it is.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for c in bytes.chunks(3) {
        let n = c
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (u32::from(b) << (16 - 8 * i)));
        for i in 0..=c.len() {
            out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

/// The inverse of [`encode`]; `None` for anything else (padding, other characters, a length
/// no encoding has).
pub fn decode(s: &str) -> Option<Vec<u8>> {
    let value = |c: u8| ALPHABET.iter().position(|&a| a == c).map(|v| v as u32);
    let b = s.as_bytes();
    if b.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(b.len() / 4 * 3 + 2);
    for c in b.chunks(4) {
        let mut n = 0u32;
        for (i, &ch) in c.iter().enumerate() {
            n |= value(ch)? << (18 - 6 * i);
        }
        for i in 0..c.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_round_trips_and_matches_rfc4648() {
        // RFC 4648 §10 vectors, unpadded.
        for (raw, enc) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(encode(raw.as_bytes()), enc);
            assert_eq!(decode(enc).as_deref(), Some(raw.as_bytes()));
        }
        let all: Vec<u8> = (0..=255).collect();
        let e = encode(&all);
        assert!(e
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_'));
        assert_eq!(decode(&e), Some(all));
        for bad in ["Zg==", "Z", "Zm9v+", "Zm 9v", "ü"] {
            assert_eq!(decode(bad), None, "{bad}");
        }
    }
}
