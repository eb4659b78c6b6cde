// Browser tests of the page's controls (dist/, from `trunk build --release`) in Debian's Chromium:
// the corrected config and its diff, the copy buttons (masked, and "copy with my key"), the
// language switch, share links (no key in them, loaded by a new page), pasted markup shown as
// text, and no request leaving the page's origin.
//
// DOM contract used here (beyond page.test.mjs): section#corrected with button.view-text /
// button.view-diff (aria-pressed) and, per block, div.corrected-block[data-format] holding
// pre#corrected-<i> (.diff in the diff view, with ins.diff-add / del.diff-del lines),
// button.copy (masked) and button.copy-key; button.share-button, #share-status, input#share-link,
// p.shared-note.
//
// Run: `node --test ui.test.mjs` in tests/e2e. Env: LLMDOCTOR_DIST, CHROMIUM (see lib.mjs).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import zlib from "node:zlib";
import { serveStatic, launch, foreignRequests, ensureDist, TIMEOUT_MS } from "./lib.mjs";

let server;
let origin;
let context;
let close;
const requests = [];
const pageErrors = [];
const dialogs = [];

// A real-looking Coding Plan key, and Claude Code's settings.json pointing at the plan's
// OpenAI-style /v1 path (Claude Code needs /apps/anthropic), then the 404 it causes.
const KEY = "sk-sp-7d2c9e4f1a8b3c6d5e0f9a2b4c7d1e3f";
const SETTINGS = `cat ~/.claude/settings.json
{
  "$schema": "https://json.schemastore.org/claude-code-settings.json",
  "env": {
    "ANTHROPIC_AUTH_TOKEN": "${KEY}",
    "ANTHROPIC_BASE_URL": "https://coding.dashscope.aliyuncs.com/v1",
    "ANTHROPIC_MODEL": "qwen3-coder-plus"
  }
}
$ claude
> explain this repo
  ⎿  API Error: 404 status code (no body)
`;
const WRONG_URL = `"ANTHROPIC_BASE_URL": "https://coding.dashscope.aliyuncs.com/v1",`;
const RIGHT_URL = `"ANTHROPIC_BASE_URL": "https://coding.dashscope.aliyuncs.com/apps/anthropic",`;

/** Every 8-character piece of the key after its prefix: none may appear where the key must not. */
function pieces(key, prefix = "sk-sp-") {
  const body = key.slice(prefix.length);
  const out = [];
  for (let i = 0; i + 8 <= body.length; i++) out.push(body.slice(i, i + 8));
  return out;
}

function assertNoKey(text, where) {
  assert.ok(!text.includes(KEY), `${where} holds the key`);
  for (const p of pieces(KEY)) assert.ok(!text.includes(p), `${where} holds "${p}" of the key`);
}

async function openPage(url = origin + "/") {
  const page = await context.newPage();
  page.on("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss().catch(() => {});
  });
  await page.goto(url, { waitUntil: "load", timeout: TIMEOUT_MS });
  await page.locator("textarea#paste").waitFor({ state: "visible", timeout: TIMEOUT_MS });
  return page;
}

async function paste(page, text) {
  await page.locator("textarea#paste").fill(text);
  const first = page.locator("#results article.diagnosis").first();
  await first.waitFor({ state: "attached", timeout: TIMEOUT_MS });
  return first;
}

const clipboard = (page) => page.evaluate(() => navigator.clipboard.readText());

/** Clears the clipboard, clicks, and waits until something new is on it. */
async function clickAndRead(page, locator) {
  await page.evaluate(() => navigator.clipboard.writeText(""));
  await locator.click();
  await page.waitForFunction(async () => (await navigator.clipboard.readText()) !== "", null, {
    timeout: TIMEOUT_MS,
  });
  return clipboard(page);
}

before(async () => {
  await ensureDist();
  ({ server, origin } = await serveStatic());
  ({ context, close } = await launch({ permissions: ["clipboard-read", "clipboard-write"] }));
  context.on("request", (req) => requests.push(req.url()));
  context.on("page", (p) => p.on("pageerror", (e) => pageErrors.push(String(e))));
});

after(async () => {
  await close?.();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
});

test("a wrong Claude Code base URL: diagnosis, corrected config and its diff", async () => {
  const page = await openPage();
  const first = await paste(page, SETTINGS);
  assert.equal(await first.getAttribute("data-category"), "base_url");
  assert.equal(await first.getAttribute("data-rule"), "config-anthropic-base-path");

  const block = page.locator("#corrected .corrected-block").first();
  await block.waitFor({ state: "visible", timeout: TIMEOUT_MS });
  assert.equal(await block.getAttribute("data-format"), "json");
  const shown = await block.locator("pre[id^=corrected-]").innerText();
  assert.ok(shown.includes(RIGHT_URL), `corrected text has the fixed URL:\n${shown}`);
  assert.ok(!shown.includes(WRONG_URL), "corrected text no longer has the /v1 URL");
  assert.ok(shown.includes(`"ANTHROPIC_MODEL": "qwen3-coder-plus"`), "the rest of the block stays");
  assert.ok(shown.includes("sk-sp-…"), "the key is shown masked");

  // The diff view: the old line removed, the new one added, signs kept (not colour alone).
  const panel = page.locator("#corrected");
  const viewText = panel.getByRole("button", { name: "Corrected", exact: true });
  const viewDiff = panel.getByRole("button", { name: "Diff", exact: true });
  assert.equal(await viewText.getAttribute("aria-pressed"), "true");
  assert.ok(await block.getByRole("region", { name: "Corrected json" }).isVisible(), "named code region");
  // By keyboard: focus the switch and press Enter.
  await viewDiff.focus();
  await page.keyboard.press("Enter");
  assert.equal(await viewDiff.getAttribute("aria-pressed"), "true");
  assert.equal(await viewText.getAttribute("aria-pressed"), "false");
  const diff = block.locator("pre[id^=corrected-].diff");
  await diff.waitFor({ state: "visible", timeout: TIMEOUT_MS });
  const removed = await diff.locator("del.diff-del").allTextContents();
  const added = await diff.locator("ins.diff-add").allTextContents();
  assert.deepEqual(removed.map((l) => l.trim()), [`removed: -    ${WRONG_URL}`]);
  assert.deepEqual(added.map((l) => l.trim()), [`added: +    ${RIGHT_URL}`]);
  assert.ok(
    await block.getByRole("region", { name: /lines starting with \+ are added/ }).isVisible(),
    "the diff says how to read it",
  );
  assert.ok((await diff.innerText()).includes("@@ "), "hunk header shown");
  await viewText.click();
  await block.locator("pre[id^=corrected-]:not(.diff)").waitFor({ state: "visible", timeout: TIMEOUT_MS });

  assertNoKey(await page.locator("#results").evaluate((e) => e.outerHTML), "#results");
  await page.close();
});

test("each fix shows its mark; a review fix can be left out of the corrected config and put back", async () => {
  const page = await openPage();
  // A general key with a Coding Plan URL: the fix (the general URL) is one to review.
  const general = `{"env": {"ANTHROPIC_BASE_URL": "https://coding.dashscope.aliyuncs.com/apps/anthropic", "ANTHROPIC_AUTH_TOKEN": "sk-4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c"}}`;
  await paste(page, general);
  const panel = page.locator("#corrected");
  const box = panel.locator(".fix-list input[type=checkbox]");
  await box.waitFor({ state: "visible", timeout: TIMEOUT_MS });
  assert.ok(await box.isChecked(), "a review fix is applied at first");
  assert.ok((await panel.locator(".fix-list").innerText()).includes("review"), "marked review");
  const block = panel.locator(".corrected-block");
  assert.ok((await block.innerText()).includes("https://dashscope.aliyuncs.com/apps/anthropic"));
  await box.uncheck();
  await block.waitFor({ state: "detached", timeout: TIMEOUT_MS });
  assert.ok(!(await box.isChecked()), "left out");
  await box.check();
  await block.waitFor({ state: "visible", timeout: TIMEOUT_MS });
  // A safe fix is listed with its mark and no checkbox.
  await paste(page, SETTINGS);
  await panel.locator(".fix-list li").filter({ hasText: "safe" }).waitFor({ timeout: TIMEOUT_MS });
  assert.equal(await panel.locator(".fix-list input").count(), 0);
  await page.close();
});

test("Copy puts the masked config on the clipboard, Copy with my key the real one", async () => {
  const page = await openPage();
  await paste(page, SETTINGS);
  const block = page.locator("#corrected .corrected-block").first();
  await block.waitFor({ state: "visible", timeout: TIMEOUT_MS });

  const masked = await clickAndRead(page, block.getByRole("button", { name: "Copy Corrected json" }));
  assert.ok(masked.includes(RIGHT_URL), masked);
  assert.ok(masked.includes(`"ANTHROPIC_AUTH_TOKEN": "sk-sp-…`), masked);
  assertNoKey(masked, "the masked copy");

  const withKey = block.getByRole("button", { name: "Copy with my key" });
  assert.ok(await withKey.getAttribute("aria-describedby"), "the button says what it does");
  const real = await clickAndRead(page, withKey);
  assert.ok(real.includes(RIGHT_URL), real);
  assert.ok(real.includes(`"ANTHROPIC_AUTH_TOKEN": "${KEY}"`), real);
  assert.equal(real, masked.replace(/"sk-sp-…[^"]*"/, `"${KEY}"`), "same block, key unmasked");
  await page.getByText("Copied, with your key").waitFor({ timeout: TIMEOUT_MS });

  // The unmasked text went to the clipboard only: not into the page.
  assertNoKey(await page.locator("#results").evaluate((e) => e.outerHTML), "#results after copying");
  await page.close();
});

test("Copy support bundle: the error, tool, endpoint and masked key — never the key", async () => {
  const page = await openPage();
  await paste(page, SETTINGS);
  const bundle = await clickAndRead(page, page.getByRole("button", { name: "Copy support bundle" }));
  assert.ok(bundle.includes("404 status code (no body)"), bundle);
  assert.ok(bundle.includes("claude-code"), bundle);
  assert.ok(bundle.includes("coding.dashscope.aliyuncs.com"), bundle);
  assert.ok(bundle.includes("sk-sp-…"), "the key's masked form identifies it");
  assertNoKey(bundle, "the support bundle");
  await page.getByText("Support bundle copied").waitFor({ timeout: TIMEOUT_MS });
  await page.close();
});

test("the language switch changes the texts and is remembered after a reload", async () => {
  const page = await openPage();
  const first = await paste(page, SETTINGS);
  const title = first.locator("h2");
  const en = await title.innerText();
  assert.ok(/[A-Za-z]/.test(en) && !/[\u4e00-\u9fff]/.test(en), `English title: ${en}`);

  await page.locator("select#lang").selectOption("zh");
  await page.waitForFunction(
    () => /[\u4e00-\u9fff]/.test(document.querySelector("#results article.diagnosis h2")?.textContent ?? ""),
    null,
    { timeout: TIMEOUT_MS },
  );
  assert.equal(await page.locator("html").getAttribute("lang"), "zh-CN");
  assert.equal(await page.locator("#corrected h2").innerText(), "修正后的配置");

  await page.reload({ waitUntil: "load" });
  await page.locator("textarea#paste").waitFor({ state: "visible", timeout: TIMEOUT_MS });
  assert.equal(await page.locator("select#lang").inputValue(), "zh");
  assert.equal(await page.locator("textarea#paste").inputValue(), "", "the paste is not kept");
  const again = await paste(page, SETTINGS);
  await page.waitForFunction(
    () => /[\u4e00-\u9fff]/.test(document.querySelector("#results article.diagnosis h2")?.textContent ?? ""),
    null,
    { timeout: TIMEOUT_MS },
  );
  assert.equal(await again.getAttribute("data-rule"), "config-anthropic-base-path");

  // Back to English for the other tests (the preference is per profile).
  await page.locator("select#lang").selectOption("en");
  await page.waitForFunction(() => document.documentElement.lang === "en", null, { timeout: TIMEOUT_MS });
  await page.close();
});

test("a share link carries the paste without any key and opens in a new page", async () => {
  const page = await openPage();
  const first = await paste(page, SETTINGS);
  const rule = await first.getAttribute("data-rule");

  // Nothing is put in the URL or in storage before Share is clicked.
  const hashBefore = await page.evaluate(() => location.hash);
  assert.ok(!hashBefore.startsWith("#/s/"), hashBefore);
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  assertNoKey(stored, "storage");
  assert.ok(!stored.includes("ANTHROPIC_BASE_URL"), "the paste is not stored");

  const link = await clickAndRead(page, page.getByRole("button", { name: "Share link" }));
  await page.locator("#share-status").filter({ hasText: "Link copied" }).waitFor({ timeout: TIMEOUT_MS });
  assert.equal(await page.locator("input#share-link").inputValue(), link, "the link is shown too");
  assert.equal(await page.evaluate(() => location.hash), hashBefore, "sharing leaves this page's URL alone");

  const url = new URL(link);
  assert.equal(url.origin, origin);
  assert.ok(url.hash.startsWith("#/s/"), url.hash);
  assertNoKey(link, "the link");
  // What the link carries, decoded as any reader of the link could.
  const data = url.hash.slice("#/s/".length);
  assert.match(data, /^[A-Za-z0-9_-]+$/, "base64url, unpadded");
  const carried = zlib.inflateRawSync(Buffer.from(data, "base64url")).toString("utf8");
  assertNoKey(carried, "the shared paste");
  assert.ok(carried.includes(`"ANTHROPIC_AUTH_TOKEN": "sk-sp-REDACTED-xxxx"`), carried);
  assert.equal(carried, SETTINGS.replace(KEY, "sk-sp-REDACTED-xxxx"), "only the key changed");
  await page.close();

  const opened = await openPage(link);
  const firstThere = opened.locator("#results article.diagnosis").first();
  await firstThere.waitFor({ state: "attached", timeout: TIMEOUT_MS });
  assert.equal(await firstThere.getAttribute("data-rule"), rule, "same first diagnosis");
  assert.equal(await opened.locator("textarea#paste").inputValue(), carried);
  await opened.locator("p.shared-note").waitFor({ state: "visible", timeout: TIMEOUT_MS });
  // The fragment is cleared (routes keep working) and not left in the history.
  await opened.waitForFunction(() => location.hash === "#/", null, { timeout: TIMEOUT_MS });
  // As many history entries as a page opened without a fragment: the link was replaced.
  const plain = await openPage();
  const entries = await plain.evaluate(() => history.length);
  await plain.close();
  assert.equal(await opened.evaluate(() => history.length), entries, "the link is not in the history");
  await opened.locator("a[href='#/rules']").first().click();
  await opened.locator("main").getByRole("heading", { level: 1 }).first().waitFor({ timeout: TIMEOUT_MS });
  assert.equal(await opened.evaluate(() => location.hash), "#/rules");
  await opened.close();

  // A damaged link loads nothing and says so.
  const broken = await openPage(origin + "/#/s/not-deflate-data");
  await broken.locator("p.shared-note").waitFor({ state: "visible", timeout: TIMEOUT_MS });
  assert.equal(await broken.locator("textarea#paste").inputValue(), "");
  await broken.close();
});

test("pasted markup is shown as text: no script runs, no element is made from it", async () => {
  const page = await openPage();
  const payload =
    'API Error: 401 invalid access token or token expired <img src=x onerror=alert(1)><script>alert(2)</script>"><svg onload=alert(3)>';
  const first = await paste(page, payload);
  assert.equal(await first.getAttribute("data-category"), "auth");
  const evidence = await first.locator(".evidence").innerText();
  assert.ok(evidence.includes("<img src=x onerror=alert(1)>"), evidence);
  assert.ok(evidence.includes("<script>alert(2)</script>"), evidence);
  await page.waitForTimeout(300);
  const made = await page.evaluate(() => ({
    img: document.querySelectorAll("img").length,
    onerror: document.querySelectorAll("[onerror], [onload]").length,
    scripts: [...document.scripts].filter((s) => s.textContent.includes("alert")).length,
  }));
  assert.deepEqual(made, { img: 0, onerror: 0, scripts: 0 });
  assert.deepEqual(dialogs, [], "no dialog opened");
  assert.ok(!requests.some((u) => new URL(u).pathname === "/x"), "no image was fetched");
  await page.close();
});

test("no request left the page's own origin, and the page threw nothing", () => {
  assert.ok(requests.length > 0, "the browser made at least the page request");
  assert.deepEqual(foreignRequests(requests, origin), [], `requests outside ${origin}`);
  assert.deepEqual(pageErrors, [], "uncaught errors in the page");
  assert.deepEqual(dialogs, [], "no dialog opened");
});
