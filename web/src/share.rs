//! Share links: `#/s/<data>`, where data is the paste with every key replaced by core
//! (`share::redact_for_share`), compressed by the browser's own `CompressionStream`
//! (`deflate-raw`, no compression code in the wasm) and base64url-encoded. A paste goes into a
//! URL only when its user clicks Share; opening a link loads the paste and clears the fragment.

use js_sys::{Array, Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

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
    fn read(this: &Reader) -> Promise;
    #[wasm_bindgen(method)]
    fn cancel(this: &Reader) -> Promise;

    /// What `read()` resolves to: `{ done, value }`.
    type Chunk;
    #[wasm_bindgen(method, getter)]
    fn done(this: &Chunk) -> bool;
    #[wasm_bindgen(method, getter)]
    fn value(this: &Chunk) -> JsValue;

    #[wasm_bindgen(js_name = CompressionStream)]
    type Compress;
    #[wasm_bindgen(constructor, js_class = "CompressionStream", catch)]
    fn new(format: &str) -> Result<Compress, JsValue>;

    #[wasm_bindgen(js_name = DecompressionStream)]
    type Decompress;
    #[wasm_bindgen(constructor, js_class = "DecompressionStream", catch)]
    fn new(format: &str) -> Result<Decompress, JsValue>;
}

/// `bytes` through `CompressionStream('deflate-raw')` (or the decompressing one), read to the
/// end; more than `max` bytes out is [`Error::Broken`].
async fn transform(bytes: &[u8], compress: bool, max: usize) -> Result<Vec<u8>, Error> {
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
    let reader = start().map_err(|_| Error::Unsupported)?;
    let mut acc = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(|_| on_error)?;
        let chunk = chunk.unchecked_into::<Chunk>();
        if chunk.done() {
            return Ok(acc);
        }
        let bytes = chunk
            .value()
            .dyn_into::<Uint8Array>()
            .map_err(|_| on_error)?;
        let (at, n) = (acc.len(), bytes.length() as usize);
        if at + n > max {
            let _ = reader.cancel();
            return Err(Error::Broken);
        }
        acc.resize(at + n, 0);
        bytes.copy_to(&mut acc[at..]);
    }
}

/// The share link for `text` (keys removed first, by core).
pub async fn make_link(text: &str) -> Result<String, Error> {
    let shared = llmdoctor_core::share::redact_for_share(text);
    if shared.len() > MAX_TEXT {
        return Err(Error::TooLong);
    }
    // This page without its query (embed options) or fragment: a link opens the full page.
    let page = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let page = page.split(['?', '#']).next().unwrap_or_default();
    let z = transform(shared.as_bytes(), true, usize::MAX).await?;
    Ok(format!("{page}{PREFIX}{}", encode(&z)))
}

/// The paste a share fragment (`#/s/<data>`) carries.
pub async fn open_link(hash: &str) -> Result<String, Error> {
    let data = hash.strip_prefix(PREFIX).ok_or(Error::Broken)?;
    let z = (data.len() <= MAX_DATA).then(|| decode(data)).flatten();
    let z = transform(&z.ok_or(Error::Broken)?, false, MAX_TEXT).await?;
    String::from_utf8(z).map_err(|_| Error::Broken)
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
