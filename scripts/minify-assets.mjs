#!/usr/bin/env node
// Minifies the page's first-load assets in the build, in place: the wasm-bindgen JS bindings
// (llmdoctor-web-*.js) and boot.js with terser, the stylesheet (style-*.css) with csso, both
// pinned in scripts/npm-tools/package.json and installed into .tools/ by scripts/tools.sh.
// Trunk's post_build hook runs it (Trunk.toml) with TRUNK_STAGING_DIR set, before the service
// worker's file list is written; `node scripts/minify-assets.mjs DIR` does the same by hand.
// The stylesheet's `integrity` in index.html is written again for the minified file. The
// bindings' exports keep their names: scripts/single-file.mjs starts the app through
// `__wbg_init`. (Trunk's own minify rewrites index.html's boot tag, which single-file reads.)
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("minify-assets: usage: minify-assets.mjs DIR (or set TRUNK_STAGING_DIR)");
  process.exit(2);
}
const fail = (msg) => {
  console.error(`minify-assets: ${msg}`);
  process.exit(1);
};
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const tools = createRequire(path.join(root, ".tools", "package.json"));
let terser, csso;
try {
  terser = tools("terser");
  csso = tools("csso");
} catch {
  fail("terser or csso is missing from .tools/ (run scripts/tools.sh)");
}
const one = (re, what) => {
  const found = fs.readdirSync(dir).filter((f) => re.test(f));
  if (found.length !== 1) fail(`expected one ${what} in ${dir}, found ${found.length}`);
  return found[0];
};
const sizes = [];
const rewrite = (name, code) => {
  const file = path.join(dir, name);
  const before = fs.statSync(file).size;
  fs.writeFileSync(file, code);
  sizes.push(`${name} ${before} → ${Buffer.byteLength(code)}`);
};

for (const [name, reserved] of [
  [one(/^llmdoctor-web-[0-9a-f]+\.js$/, "llmdoctor-web-<hash>.js"), ["__wbg_init", "initSync"]],
  ["boot.js", []],
]) {
  const out = await terser.minify(fs.readFileSync(path.join(dir, name), "utf8"), {
    module: true,
    mangle: { reserved },
  });
  if (!out.code) fail(`terser gave nothing for ${name}`);
  rewrite(name, out.code);
}

const css = one(/^style-[0-9a-f]+\.css$/, "style-<hash>.css");
const minCss = csso.minify(fs.readFileSync(path.join(dir, css), "utf8")).css;
if (!minCss) fail(`csso gave nothing for ${css}`);
rewrite(css, minCss);
// Its Subresource Integrity in index.html, for the new content.
const index = path.join(dir, "index.html");
const html = fs.readFileSync(index, "utf8");
const LINK = new RegExp(`(<link\\b[^>]*\\bhref="[^"]*${css.replace(".", "\\.")}"[^>]*\\bintegrity=")sha384-[^"]+(")`);
if (!LINK.test(html)) fail(`no <link href=…${css} integrity=…> in index.html`);
const sri = "sha384-" + crypto.createHash("sha384").update(minCss, "utf8").digest("base64");
fs.writeFileSync(index, html.replace(LINK, (_, a, b) => `${a}${sri}${b}`));
console.log(`minify-assets: ${sizes.join(", ")} bytes`);
