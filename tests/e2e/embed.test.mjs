// Embedding: the one-tag loader (dist/embed.js) puts the page (?embed=1) in an iframe that takes
// its content's height through postMessage, with origin checks on both sides; the example docs
// page (dist/embed-example.html) uses it.
//
// Three origins on loopback: the llmdoctor build (dist/), a docs site that embeds it, and a
// stranger. The docs pages are written by this test.
//
// Run: `node --test embed.test.mjs` in tests/e2e, after `trunk build --release`.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { serveStatic, launch, ensureDist, TIMEOUT_MS } from "./lib.mjs";

const TOKEN_ERROR = "401 invalid access token or token expired";

let app; // the llmdoctor build
let docs; // a docs site embedding it
let stranger; // another origin
let docsDir;

before(async () => {
  await ensureDist();
  docsDir = await fs.mkdtemp(path.join(os.tmpdir(), "llmdoctor-e2e-docs-"));
  app = await serveStatic();
  docs = await serveStatic(docsDir);
  stranger = await serveStatic(docsDir);
  const page = (attrs) => `<!doctype html><html><head><meta charset="utf-8"><title>docs</title></head>
<body><h1>Docs</h1><p>Before.</p>
<script src="${app.origin}/embed.js" ${attrs} async></script>
<p id="after">After.</p></body></html>`;
  await fs.writeFile(path.join(docsDir, "docs.html"), page('data-lang="en"'));
  await fs.writeFile(path.join(docsDir, "docs-zh.html"), page('data-lang="zh" data-tool="qwen-code"'));
  await fs.writeFile(path.join(docsDir, "blank.html"), "<!doctype html><title>blank</title>");
});

after(async () => {
  for (const s of [app, docs, stranger]) await new Promise((r) => (s ? s.server.close(r) : r()));
  if (docsDir) await fs.rm(docsDir, { recursive: true, force: true });
});

/** Opens `url`, records every request, returns { page, iframe, frame, requests, errors, close }. */
async function open(url) {
  const { context, close } = await launch();
  const requests = [];
  const errors = [];
  context.on("request", (r) => requests.push(r));
  const page = await context.newPage();
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(url, { waitUntil: "load", timeout: TIMEOUT_MS });
  const iframe = page.locator("iframe.llmdoctor-embed");
  await iframe.waitFor({ state: "attached", timeout: TIMEOUT_MS });
  const frame = await (await iframe.elementHandle()).contentFrame();
  await frame.locator("textarea#paste").waitFor({ state: "visible", timeout: TIMEOUT_MS });
  return { page, iframe, frame, requests, errors, close };
}

const heightOf = (iframe) => iframe.evaluate((el) => el.getBoundingClientRect().height);
const contentHeight = (frame) =>
  frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));

/** Waits until the iframe is as tall as its content (the loader applied the frame's report). */
async function settled(iframe, frame) {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const [outer, inner] = [await heightOf(iframe), await contentHeight(frame)];
    if (Math.abs(outer - inner) <= 1) return outer;
    if (Date.now() > deadline) assert.fail(`iframe ${outer}px, its content ${inner}px`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

test("the example docs page: the frame grows when a paste brings results", async () => {
  const { page, iframe, frame, requests, errors, close } = await open(app.origin + "/embed-example.html");
  try {
    const before = await settled(iframe, frame);
    // Compact: no header, no footer.
    assert.equal(await frame.locator("header.site-header").isVisible(), false, "header shown in embed mode");
    assert.equal(await frame.locator("footer.site-footer").isVisible(), false, "footer shown in embed mode");

    await frame.locator("textarea#paste").fill(TOKEN_ERROR);
    const first = frame.locator("#results article.diagnosis").first();
    await first.waitFor({ state: "attached", timeout: TIMEOUT_MS });
    assert.equal(await first.getAttribute("data-category"), "auth");
    await page.waitForFunction(
      ([el, h]) => el.getBoundingClientRect().height > h + 100,
      [await iframe.elementHandle(), before],
      { timeout: TIMEOUT_MS },
    );
    const after = await settled(iframe, frame);
    assert.ok(after > before + 100, `frame ${before}px → ${after}px`);
    // The docs page has no scroll bar inside the frame: the frame shows all of it.
    assert.equal(await frame.evaluate(() => document.documentElement.scrollHeight <= innerHeight), true);

    const foreign = requests.map((r) => r.url()).filter((u) => !u.startsWith(app.origin + "/"));
    assert.deepEqual(foreign, [], "requests outside the page's origin");
    assert.deepEqual(errors, []);
    // Embedded pages register no service worker.
    assert.equal(await frame.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
  } finally {
    await close();
  }
});

test("on another origin: minimal iframe, lang and tool options, requests only to the app", async () => {
  const { page, iframe, frame, requests, errors, close } = await open(docs.origin + "/docs-zh.html");
  try {
    assert.equal(await iframe.getAttribute("sandbox"), "allow-scripts allow-same-origin");
    assert.equal(await iframe.getAttribute("allow"), "clipboard-write");
    assert.equal(await iframe.getAttribute("referrerpolicy"), "no-referrer");
    // Where the tag was: between the paragraphs around it.
    assert.equal(await page.evaluate(() => document.querySelector("iframe").nextElementSibling.id), "after");

    // data-lang="zh", data-tool="qwen-code": Chinese, with Qwen Code's example diagnosed.
    await frame.waitForFunction(() => document.documentElement.lang === "zh-CN", null, { timeout: TIMEOUT_MS });
    assert.match(await frame.locator("textarea#paste").inputValue(), /invalid access token/);
    const first = frame.locator("#results article.diagnosis").first();
    await first.waitFor({ state: "attached", timeout: TIMEOUT_MS });
    assert.equal(await first.getAttribute("data-category"), "auth");
    await settled(iframe, frame);

    // The frame's own requests go to the app's origin only, and say nothing of the docs page.
    const own = requests.filter((r) => r.frame() === frame);
    assert.ok(own.length > 3, "the frame loaded its files");
    for (const r of own) {
      assert.ok(r.url().startsWith(app.origin + "/"), `frame request ${r.url()}`);
      assert.equal((await r.allHeaders()).referer, undefined, `${r.url()} was sent a Referer`);
    }
    const elsewhere = requests.map((r) => r.url()).filter((u) => ![app.origin, docs.origin].includes(new URL(u).origin));
    assert.deepEqual(elsewhere, []);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test("height messages from any other window or origin are ignored", async () => {
  const { page, iframe, frame, close } = await open(docs.origin + "/docs.html");
  try {
    const start = await settled(iframe, frame);
    // Every height the loader sets from here on, and every message this page receives: a
    // listener added after the loader's sees each message once the loader has handled it.
    await page.evaluate(() => {
      window.seen = [];
      window.got = [];
      const el = document.querySelector("iframe");
      new MutationObserver(() => window.seen.push(el.style.height)).observe(el, { attributes: true });
      addEventListener("message", (e) => window.got.push(e.data?.height));
    });
    const received = (heights) =>
      page.waitForFunction((hs) => hs.every((h) => window.got.includes(h)), heights, { timeout: TIMEOUT_MS });

    // Impostors: the docs page itself, a frame from the stranger's origin, a frame from the
    // app's own origin that is not the embedded window, and the embedded window itself with a
    // height that is not a number.
    await page.evaluate(() => window.postMessage({ type: "llmdoctor:height", height: 1111 }, "*"));
    const addFrame = (src, name) =>
      page.evaluate(
        ([src, name]) =>
          new Promise((resolve) => {
            const f = document.createElement("iframe");
            f.name = name;
            f.src = src;
            f.onload = resolve;
            document.body.append(f);
          }),
        [src, name],
      );
    await addFrame(stranger.origin + "/blank.html", "stranger");
    await addFrame(app.origin + "/embed.js", "sibling");
    const post = (f, height) =>
      f.evaluate((h) => parent.postMessage({ type: "llmdoctor:height", height: h }, "*"), height);
    await post(page.frame({ name: "stranger" }), 2222);
    await post(page.frame({ name: "sibling" }), 3333);
    await post(frame, "4444");
    await received([1111, 2222, 3333, "4444"]);

    // A real change: the frame grows after a paste, and its report gets through.
    await frame.locator("textarea#paste").fill(TOKEN_ERROR);
    await frame.locator("#results article.diagnosis").first().waitFor({ state: "attached", timeout: TIMEOUT_MS });
    const end = await settled(iframe, frame);
    assert.ok(end > start, `frame ${start}px → ${end}px`);

    // The embedded window, navigated to another origin, is no longer the app.
    await frame.goto(stranger.origin + "/blank.html", { timeout: TIMEOUT_MS });
    await post(frame, 5555);
    await received([5555]);

    const seen = await page.evaluate(() => window.seen);
    assert.ok(seen.includes(`${end}px`), `the genuine height was applied (seen: ${seen.join(", ")})`);
    for (const bogus of ["1111px", "2222px", "3333px", "4444px", "5555px"]) {
      assert.ok(!seen.includes(bogus), `the loader took ${bogus} (seen: ${seen.join(", ")})`);
    }
  } finally {
    await close();
  }
});
