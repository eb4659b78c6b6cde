// End-to-end test of the built page (dist/, from `trunk build --release`) in Debian's Chromium.
//
// Serves dist/ itself from a tiny static server on 127.0.0.1 (ephemeral port), drives
// /usr/bin/chromium with playwright-core (never a downloaded browser), pastes an error, and checks
// the diagnosis through the page's DOM contract:
//   textarea#paste, section#results, article.diagnosis[data-rule][data-category][data-severity],
//   p#status, select#lang, div#selfcheck (when nothing is found).
// It also records every request the browser makes and fails if any left the page's own origin.
//
// Run: `node --test` in tests/e2e (scripts/test.sh does, after building dist/).
// Env: LLMDOCTOR_DIST (default ../../dist), CHROMIUM (default /usr/bin/chromium).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
const DIST = path.resolve(process.env.LLMDOCTOR_DIST ?? path.join(here, "..", "..", "dist"));
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const TIMEOUT_MS = 15_000;

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

/** A static file server for `root` on 127.0.0.1, ephemeral port. Resolves to {server, origin}. */
function serveStatic(root) {
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url, "http://127.0.0.1");
      let rel = decodeURIComponent(url.pathname);
      if (rel.endsWith("/")) rel += "index.html";
      const file = path.resolve(root, "." + rel);
      if (file !== root && !file.startsWith(root + path.sep)) {
        res.writeHead(403).end();
        return;
      }
      const body = await fs.readFile(file);
      res.writeHead(200, {
        "content-type": MIME[path.extname(file).toLowerCase()] ?? "application/octet-stream",
        "cache-control": "no-store",
      });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({ server, origin: `http://127.0.0.1:${port}` });
    });
  });
}

let server;
let origin;
let context;
let userDataDir;
const requests = []; // every URL the browser asked for, all pages, the whole session
const pageErrors = [];

before(async () => {
  await fs.access(path.join(DIST, "index.html")).catch(() => {
    throw new Error(`${DIST}/index.html not found: run \`trunk build --release\` first`);
  });
  ({ server, origin } = await serveStatic(DIST));
  userDataDir = await fs.mkdtemp(path.join(os.tmpdir(), "llmdoctor-e2e-profile-"));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  context.on("request", (req) => requests.push(req.url()));
  context.on("page", (p) => p.on("pageerror", (e) => pageErrors.push(String(e))));
});

after(async () => {
  await context?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
  if (userDataDir) await fs.rm(userDataDir, { recursive: true, force: true });
});

test("an expired-token error is diagnosed as auth", async () => {
  const page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  await page.goto(origin + "/", { waitUntil: "load", timeout: TIMEOUT_MS });

  const paste = page.locator("textarea#paste");
  await paste.waitFor({ state: "visible", timeout: TIMEOUT_MS });
  await paste.fill("401 invalid access token or token expired");

  const first = page.locator("#results article.diagnosis").first();
  await first.waitFor({ state: "attached", timeout: TIMEOUT_MS });

  assert.equal(await first.getAttribute("data-category"), "auth");
  assert.ok(await first.getAttribute("data-rule"), "article.diagnosis has a data-rule");
  assert.ok(await first.getAttribute("data-severity"), "article.diagnosis has a data-severity");

  // The title: the article's first heading (or an element marked as the title).
  const heading = first.locator("h1, h2, h3, h4, .title").first();
  const title = (await heading.count()) > 0 ? await heading.innerText() : "";
  assert.ok(title.trim().length > 0, "the first diagnosis has a non-empty title");

  await page.close();
});

test("no request left the page's own origin, and the page threw nothing", () => {
  assert.ok(requests.length > 0, "the browser made at least the page request");
  const foreign = requests.filter((u) => {
    if (u.startsWith("data:") || u.startsWith("blob:")) return false; // never leave the machine
    try {
      return new URL(u).origin !== origin;
    } catch {
      return true;
    }
  });
  assert.deepEqual(foreign, [], `requests outside ${origin}`);
  assert.deepEqual(pageErrors, [], "uncaught errors in the page");
});
