#!/usr/bin/env node
// Writes the single-file build: dist/llmdoctor.html, the whole page in one HTML file that works
// opened from disk (file://), for air-gapped machines. Run after `trunk build --release`
// (scripts/test.sh does): `node scripts/single-file.mjs [DIST]`.
//
// Inlined: the CSS (<style>), the wasm-bindgen JS and a small boot as one module script, the wasm
// as base64 in a data block (<script type="application/octet-stream" id="llmdoctor-wasm">), and
// every examples/<id>.txt as <script type="text/plain" id="llmdoctor-example-<id>"> (web/src/examples.rs),
// every texts-<lang>.txt as <script type="text/plain" id="llmdoctor-texts-<lang>"> (web/src/texts.rs
// reads those before fetching). Its CSP allows no network at all (default-src 'none',
// connect-src 'none'); the one inline script runs by its sha256 hash, not 'unsafe-inline'. No
// service worker. Anything in index.html this script does not know how to inline stops it.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const dist = path.resolve(process.argv[2] ?? "dist");
const OUT = "llmdoctor.html";

function fail(msg) {
  console.error(`single-file: ${msg}`);
  process.exit(1);
}

function read(rel, encoding) {
  const file = path.resolve(dist, rel);
  if (!file.startsWith(dist + path.sep)) fail(`${rel} is outside ${dist}`);
  try {
    return fs.readFileSync(file, encoding);
  } catch (e) {
    fail(`cannot read ${file}: ${e.message}`);
  }
}

// Raw text inside <script>/<style> ends at the first `</script` / `</style`, and `<!--` starts
// the parser's escaped states: text holding either cannot be inlined as it is.
function assertRaw(text, what, tag) {
  const bad = new RegExp(`</${tag}|<!--`, "i").exec(text);
  if (bad) fail(`${what} contains \`${bad[0]}\` and cannot be inlined in a <${tag}>`);
}

let html = read("index.html", "utf8");

// The boot tag Trunk writes (Trunk.toml, pattern_script) names the bindings and the wasm.
const BOOT = /<script\b[^>]*\bdata-js="([^"]+)"[^>]*\bdata-wasm="([^"]+)"[^>]*><\/script>/;
const boot = BOOT.exec(html);
if (!boot) fail("no <script data-js data-wasm> in index.html (Trunk.toml pattern_script)");
const bindings = read(boot[1], "utf8").replace(/\r\n?/g, "\n");
const wasm = read(boot[2]);
html = html.replace(BOOT, "");
html = html.replace(/<link\b[^>]*\brel="(?:modulepreload|preload)"[^>]*>/g, "");

// Stylesheets become <style>.
html = html.replace(/<link\b[^>]*\brel="stylesheet"[^>]*>/g, (tag) => {
  const href = /\bhref="([^"]+)"/.exec(tag);
  if (!href) fail(`stylesheet without href: ${tag}`);
  const css = read(href[1], "utf8");
  assertRaw(css, href[1], "style");
  const url = /url\(\s*["']?(?!data:|#)[^)]*\)/i.exec(css);
  if (url) fail(`${href[1]} loads ${url[0]}, which this script does not inline`);
  return `<style>\n${css}\n</style>`;
});

// The bindings' one export becomes the call that starts the app with the inlined wasm.
// (The build minifies the bindings, scripts/minify-assets.mjs: spaces may be gone.)
const EXPORT = /export\s*\{\s*initSync\s*,\s*__wbg_init\s+as\s+default\s*\}\s*;?/g;
if ((bindings.match(EXPORT) ?? []).length !== 1) {
  fail(`${boot[1]}: expected \`export { initSync, __wbg_init as default }\` once`);
}
const code = bindings.replace(EXPORT, "").replace(/\s+$/, "");
const other = /^\s*(?:import\s*[\w{*"'(]|export\b)/m.exec(code);
if (other) fail(`${boot[1]}: cannot inline a module that has \`${other[0].trim()}\``);
const script = `${code}

// Single-file boot (scripts/single-file.mjs): the wasm is the base64 data block, not a fetch.
const base64 = document.getElementById("llmdoctor-wasm").textContent.trim();
const binary = atob(base64);
const bytes = new Uint8Array(binary.length);
for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
await __wbg_init({ module_or_path: bytes });
`;
assertRaw(script, boot[1], "script");
const scriptHash = crypto.createHash("sha256").update(script, "utf8").digest("base64");

// Rule texts, one data block per language.
const texts = fs
  .readdirSync(dist)
  .filter((f) => /^texts-[a-z]+\.txt$/.test(f))
  .sort()
  .map((f) => {
    const text = read(f, "utf8");
    assertRaw(text, f, "script");
    const lang = f.slice("texts-".length, -".txt".length);
    return `<script type="text/plain" id="llmdoctor-texts-${lang}">${text}</script>`;
  });

// The examples menu's texts (web/src/examples.rs), one data block each.
const exampleDir = path.join(dist, "examples");
const examples = (fs.existsSync(exampleDir) ? fs.readdirSync(exampleDir) : [])
  .filter((f) => /^[a-z0-9-]+\.txt$/.test(f))
  .sort()
  .map((f) => {
    const text = read(path.join("examples", f), "utf8");
    assertRaw(text, f, "script");
    return `<script type="text/plain" id="llmdoctor-example-${f.slice(0, -".txt".length)}">${text}</script>`;
  });
if (examples.length === 0) fail("no examples/*.txt in the build (index.html copies web/examples)");

const CSP = [
  "default-src 'none'",
  `script-src 'sha256-${scriptHash}' 'wasm-unsafe-eval'`,
  "style-src 'unsafe-inline'",
  "img-src data:",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");
const META = /<meta\s+http-equiv="Content-Security-Policy"\s+content="[^"]*"\s*\/?>/;
if (!META.test(html)) fail("no Content-Security-Policy <meta> in index.html");
html = html.replace(META, () => `<meta http-equiv="Content-Security-Policy" content="${CSP}" />`);

// Nothing else may load a file: every src/href left must be data: or a fragment.
const markup = html.replace(/<style>[\s\S]*?<\/style>/g, "");
for (const m of markup.matchAll(/\b(?:src|href)\s*=\s*["']?([^"'\s>]*)/gi)) {
  if (!/^(?:data:|#)/.test(m[1])) fail(`index.html loads ${m[1]}, which this script does not inline`);
}
if (/<script\b/i.test(markup)) fail("index.html has a <script> this script does not know");

const blocks = [
  ...texts,
  ...examples,
  `<script type="application/octet-stream" id="llmdoctor-wasm">${wasm.toString("base64")}</script>`,
  `<script type="module">${script}</script>`,
].join("\n");
// In <head>: the app renders into <body> and replaces what is there.
if (html.split("</head>").length !== 2) fail("expected one </head> in index.html");
html = html.replace("</head>", () => `${blocks}\n</head>`);

fs.writeFileSync(path.join(dist, OUT), html);
console.log(`single-file: ${path.join(dist, OUT)}, ${Buffer.byteLength(html)} bytes, ${texts.length} texts, ${examples.length} examples`);
