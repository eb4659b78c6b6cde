// Loads the wasm-bindgen module and starts the app. An external file (not Trunk's inline
// loader) so the page's CSP can forbid inline scripts. The hashed file names come from data
// attributes Trunk writes on this script's tag (Trunk.toml, pattern_script).
const { js, wasm } = document.querySelector("script[data-js][data-wasm]").dataset;
const bindings = await import(js);
await bindings.default({ module_or_path: wasm });
