#!/usr/bin/env node
// Writes the service worker's file list and version into the build (web/assets/sw.js).
// Trunk runs this as a post_build hook (Trunk.toml) on every build, `trunk serve` included, with
// TRUNK_STAGING_DIR set to the finished build; `node scripts/sw-precache.mjs DIR` does the same
// for DIR. The list is every file of the page's first load and what it fetches itself (the
// hashed JS/wasm/CSS, boot.js, the rule texts under texts/, ...), with index.html as "./"; not
// the worker itself, the embed loader and its example page, nor the single-file build and its
// texts-<lang>.txt (every rule's words at once; the page fetches texts/<lang>/*.txt instead).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("sw-precache: usage: sw-precache.mjs DIR (or set TRUNK_STAGING_DIR)");
  process.exit(2);
}
const SW = "sw.js";
// Not part of the page: the worker, the embed loader and example, the single-file build.
const SKIP = new Set([SW, "embed.js", "embed-example.html", "llmdoctor.html"]);

const files = fs
  .readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile())
  .map((e) => path.relative(dir, path.join(e.parentPath ?? e.path, e.name)).split(path.sep).join("/"))
  .filter((f) => !SKIP.has(f) && !f.endsWith(".map"))
  .sort();
// texts-<lang>.txt only feed the single-file build when the page has its per-rule texts/ files;
// without those (an older page), the page itself loads texts-<lang>.txt and they stay.
const perRule = files.some((f) => f.startsWith("texts/"));
const precache = files.filter((f) => !(perRule && /^texts-[a-z]+\.txt$/.test(f)));
if (!precache.includes("index.html")) {
  console.error(`sw-precache: no index.html in ${dir}`);
  process.exit(1);
}

const hash = crypto.createHash("sha256");
for (const f of precache) {
  hash.update(f + "\0");
  hash.update(fs.readFileSync(path.join(dir, f)));
  hash.update("\0");
}
const version = hash.digest("hex").slice(0, 16);
const list = precache.map((f) => (f === "index.html" ? "./" : "./" + f));

const swPath = path.join(dir, SW);
let sw = fs.readFileSync(swPath, "utf8");
const replace = (from, to) => {
  const parts = sw.split(from);
  if (parts.length !== 2) {
    console.error(`sw-precache: expected \`${from}\` once in ${swPath}, found it ${parts.length - 1} times`);
    process.exit(1);
  }
  sw = parts.join(to);
};
replace('const VERSION = "dev";', `const VERSION = ${JSON.stringify(version)};`);
replace("const FILES = [];", `const FILES = ${JSON.stringify(list)};`);
fs.writeFileSync(swPath, sw);
console.log(`sw-precache: ${list.length} files, version ${version}`);
