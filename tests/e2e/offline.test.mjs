// Offline: the page keeps working without a network after the first visit (web/assets/sw.js), and
// the single-file build (dist/llmdoctor.html, scripts/single-file.mjs) works opened from disk
// (file://) and asks nothing of any network.
//
// Run: `node --test offline.test.mjs` in tests/e2e, after `trunk build --release` and
// `node scripts/single-file.mjs` (scripts/test.sh does both).

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { serveStatic, launch, foreignRequests, ensureDist, DIST, TIMEOUT_MS } from "./lib.mjs";

const TOKEN_ERROR = "401 invalid access token or token expired";
const SINGLE = path.join(DIST, "llmdoctor.html");

/** Pastes `text` and returns the first diagnosis once it is there. */
async function diagnose(page, text) {
  const paste = page.locator("textarea#paste");
  await paste.waitFor({ state: "visible", timeout: TIMEOUT_MS });
  await paste.fill(text);
  const first = page.locator("#results article.diagnosis").first();
  await first.waitFor({ state: "attached", timeout: TIMEOUT_MS });
  return first;
}

/** The rule's words (title, explanation) are there: the texts came from the cache or the file. */
// The card is drawn as soon as the diagnosis is made; its words arrive a moment later (fetched,
// here from the service worker): wait for them, then check the title is words, not the rule id.
async function assertWords(article) {
  await article.locator(".explanation").filter({ hasText: /\S/ }).waitFor({ timeout: TIMEOUT_MS });
  const title = (await article.locator("h1, h2, h3, h4, .title").first().innerText()).trim();
  assert.ok(title.length > 0 && title !== (await article.getAttribute("data-rule")), `title: ${title}`);
}

function stop(server) {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(resolve));
}

test("after the first visit the page works with its server gone", async () => {
  await ensureDist();
  const { server, origin } = await serveStatic();
  const { context, close } = await launch();
  const requests = [];
  const errors = [];
  context.on("request", (r) => requests.push(r.url()));
  try {
    const page = await context.newPage();
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(origin + "/", { waitUntil: "load", timeout: TIMEOUT_MS });
    await diagnose(page, TOKEN_ERROR);

    // The worker is installed, controls the page and holds the page's files.
    const { controller, cached } = await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r, { once: true }));
      }
      const cached = [];
      for (const name of await caches.keys()) {
        for (const req of await (await caches.open(name)).keys()) cached.push(req.url);
      }
      return { controller: navigator.serviceWorker.controller.scriptURL, cached };
    });
    assert.equal(controller, origin + "/sw.js");
    const { js, wasm } = await page.evaluate(() => ({ ...document.querySelector("script[data-js]").dataset }));
    for (const f of ["/", "/boot.js", js.slice(1), wasm.slice(1)]) {
      assert.ok(cached.includes(origin + f), `${f} is cached (cached: ${cached.join(", ")})`);
    }
    for (const f of ["/sw.js", "/embed.js", "/embed-example.html", "/llmdoctor.html"]) {
      assert.ok(!cached.includes(origin + f), `${f} is not part of the page and not cached`);
    }

    // No network: the server is gone, nothing answers on its port.
    await stop(server);
    await assert.rejects(fetch(origin + "/"), "the server still answers");

    const fromNetwork = [];
    page.on("response", (r) => {
      if (!r.url().startsWith("data:") && !r.fromServiceWorker()) fromNetwork.push(r.url());
    });
    await page.reload({ waitUntil: "load", timeout: TIMEOUT_MS });
    const first = await diagnose(page, TOKEN_ERROR);
    assert.equal(await first.getAttribute("data-category"), "auth");
    await assertWords(first);
    assert.deepEqual(fromNetwork, [], "responses not from the service worker");

    // The worker answers for the page's own files only: anything else still needs the network.
    const other = await page.evaluate(() =>
      fetch("./not-a-page-file.txt").then(
        (r) => `answered ${r.status}`,
        () => "failed",
      ),
    );
    assert.equal(other, "failed");

    assert.deepEqual(foreignRequests(requests, origin), [], `requests outside ${origin}`);
    assert.deepEqual(errors, [], "uncaught errors in the page");
  } finally {
    await close();
    if (server.listening) await stop(server);
  }
});

test("the single-file build works from file:// without any request", async () => {
  await fs.access(SINGLE).catch(() => {
    throw new Error(`${SINGLE} not found: run \`node scripts/single-file.mjs\` after trunk build`);
  });
  // A server the page must not reach: its CSP forbids connections.
  let hits = 0;
  const bait = http.createServer((req, res) => {
    hits++;
    res.writeHead(200, { "access-control-allow-origin": "*" }).end("reached");
  });
  await new Promise((r) => bait.listen(0, "127.0.0.1", r));
  const baitUrl = `http://127.0.0.1:${bait.address().port}/`;

  const { context, close } = await launch();
  const requests = [];
  const errors = [];
  context.on("request", (r) => requests.push(r.url()));
  try {
    const page = await context.newPage();
    page.on("pageerror", (e) => errors.push(String(e)));
    const url = pathToFileURL(SINGLE).href;
    await page.goto(url, { waitUntil: "load", timeout: TIMEOUT_MS });
    const first = await diagnose(page, TOKEN_ERROR);
    assert.equal(await first.getAttribute("data-category"), "auth");
    await assertWords(first);

    // Both languages are in the file: switching to Chinese needs no request either.
    await page.locator("select#lang").selectOption("zh");
    // (The explanation is rule text, from the file's zh block; the badges would be Chinese anyway.)
    await page.waitForFunction(
      () => /[\u4e00-\u9fff]/.test(document.querySelector("#results article.diagnosis .explanation")?.textContent ?? ""),
      null,
      { timeout: TIMEOUT_MS },
    );

    const attempt = await page.evaluate(
      (u) =>
        fetch(u).then(
          () => "fetched",
          () => "blocked",
        ),
      baitUrl,
    );
    assert.equal(attempt, "blocked", "the file's CSP lets it fetch from the network");
    assert.equal(hits, 0, "the page reached a server");

    const other = requests.filter((u) => u !== url && !u.startsWith("data:"));
    assert.deepEqual(other, [], "requests besides the file itself");
    assert.deepEqual(errors, [], "uncaught errors in the page");
  } finally {
    await close();
    await new Promise((r) => bait.close(r));
  }
});

test("the single-file build never registers a service worker, even served over http", async () => {
  await fs.access(SINGLE);
  const { server, origin } = await serveStatic();
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await page.goto(origin + "/llmdoctor.html", { waitUntil: "load", timeout: TIMEOUT_MS });
    await diagnose(page, TOKEN_ERROR);
    // Give a registration (were there one) the time boot.js would take to make it.
    await page.waitForTimeout(500);
    const registrations = await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length);
    assert.equal(registrations, 0);
    assert.equal(await page.evaluate(() => navigator.serviceWorker.controller), null);
  } finally {
    await close();
    await stop(server);
  }
});
