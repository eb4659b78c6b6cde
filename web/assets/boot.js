// Loads the wasm-bindgen module and starts the app. An external file (not Trunk's inline
// loader) so the page's CSP can forbid inline scripts. The hashed file names come from data
// attributes Trunk writes on this script's tag (Trunk.toml, pattern_script).
const { js, wasm } = document.querySelector("script[data-js][data-wasm]").dataset;
const params = new URLSearchParams(location.search);
// Embed mode (?embed=1; web/assets/embed.js puts the page in an iframe): compact, no header or
// footer (style.css, `.embed`). Set before the app starts, so the chrome never flashes.
const embed = params.get("embed") === "1";
if (embed) document.documentElement.classList.add("embed");

const bindings = await import(js);
await bindings.default({ module_or_path: wasm });

if (embed) {
  postHeight(params.get("origin"));
} else if (/^https?:$/.test(location.protocol) && "serviceWorker" in navigator) {
  // Offline after the first visit: sw.js keeps this page's own files, nothing else. Registered
  // once the page has settled: installing it fetches every file of the page (~400 rule texts),
  // which would otherwise queue ahead of the first diagnosis's own text fetch.
  afterSettling(() => navigator.serviceWorker.register("./sw.js").catch(() => {}));
}

// Runs `f` when the page has loaded, two seconds have passed and the main thread is idle.
function afterSettling(f) {
  const idle = () => (window.requestIdleCallback ? requestIdleCallback(f, { timeout: 3000 }) : f());
  const later = () => setTimeout(idle, 2000);
  if (document.readyState === "complete") later();
  else addEventListener("load", later, { once: true });
}

// Tells the parent page the document's height whenever it changes, so the loader can size the
// iframe to it. Only to the parent window, and only at `origin` (the loader's page passes its
// own): if the parent is anything else, the browser drops the message. No origin, no message.
function postHeight(origin) {
  let to;
  try {
    to = new URL(origin).origin;
  } catch {
    return;
  }
  if (to !== origin || window.parent === window) return;
  let last = -1;
  new ResizeObserver(() => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: "llmdoctor:height", height }, to);
  }).observe(document.documentElement);
}
