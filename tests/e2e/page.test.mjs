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
import { serveStatic, launch, foreignRequests, ensureDist, TIMEOUT_MS } from "./lib.mjs";

let server;
let origin;
let context;
let close;
const requests = []; // every URL the browser asked for, all pages, the whole session
const pageErrors = [];

before(async () => {
  await ensureDist();
  ({ server, origin } = await serveStatic());
  ({ context, close } = await launch());
  context.on("request", (req) => requests.push(req.url()));
  context.on("page", (p) => p.on("pageerror", (e) => pageErrors.push(String(e))));
});

after(async () => {
  await close?.();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
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
  const foreign = foreignRequests(requests, origin);
  assert.deepEqual(foreign, [], `requests outside ${origin}`);
  assert.deepEqual(pageErrors, [], "uncaught errors in the page");
});
