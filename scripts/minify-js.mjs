#!/usr/bin/env node
// Minifies the wasm-bindgen JS bindings of the build (llmdoctor-web-*.js) in place with terser
// from .tools/ (scripts/npm-tools/package.json; scripts/tools.sh installs it): 7.4 → 5.6 KB gzip
// of the page's first load. Trunk's post_build hook runs it (Trunk.toml) with TRUNK_STAGING_DIR
// set, before the service worker's file list is written; `node scripts/minify-js.mjs DIR` does
// the same by hand. The bindings' exports keep their names: scripts/single-file.mjs starts the
// app through `__wbg_init`.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("minify-js: usage: minify-js.mjs DIR (or set TRUNK_STAGING_DIR)");
  process.exit(2);
}
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
let terser;
try {
  terser = createRequire(path.join(root, ".tools", "package.json"))("terser");
} catch {
  console.error("minify-js: terser is missing from .tools/ (run scripts/tools.sh)");
  process.exit(1);
}
const files = fs.readdirSync(dir).filter((f) => /^llmdoctor-web-[0-9a-f]+\.js$/.test(f));
if (files.length !== 1) {
  console.error(`minify-js: expected one llmdoctor-web-<hash>.js in ${dir}, found ${files.length}`);
  process.exit(1);
}
const file = path.join(dir, files[0]);
const source = fs.readFileSync(file, "utf8");
const out = await terser.minify(source, {
  module: true,
  mangle: { reserved: ["__wbg_init", "initSync"] },
});
if (!out.code) {
  console.error(`minify-js: terser gave nothing for ${files[0]}`);
  process.exit(1);
}
fs.writeFileSync(file, out.code);
console.log(`minify-js: ${files[0]} ${source.length} → ${out.code.length} bytes`);
