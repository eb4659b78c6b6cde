// Browser tests of keyboard and screen-reader use (dist/, from `trunk build --release`), read
// from Chromium's own accessibility tree (Playwright's ariaSnapshot), not from our markup:
// every control has a name, a live status line announces the outcome, the whole flow works by keyboard alone with
// a visible focus, and <html lang> follows the language switch.
//
// Run: `node --test a11y.test.mjs` in tests/e2e. Env: LLMDOCTOR_DIST, CHROMIUM (see lib.mjs).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveStatic, launch, ensureDist, TIMEOUT_MS } from "./lib.mjs";

let server;
let origin;
let context;
let close;

// Claude Code pointed at the Coding Plan's /v1 path: a diagnosis and a corrected config.
const KEY = "sk-sp-5e1d9c3b7a2f4e6d8c0b1a3f5e7d9c2b";
const SETTINGS = `{
  "env": {
    "ANTHROPIC_AUTH_TOKEN": "${KEY}",
    "ANTHROPIC_BASE_URL": "https://coding.dashscope.aliyuncs.com/v1"
  }
}
API Error: 404 status code (no body)
`;

// Roles a person operates; each needs a name a screen reader can say.
const CONTROLS = ["button", "link", "textbox", "combobox", "searchbox", "checkbox", "radio", "tab", "switch"];

/** The controls in an ariaSnapshot that have no accessible name. */
function unnamed(snapshot) {
  return snapshot
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => CONTROLS.some((r) => l === `- ${r}` || l.startsWith(`- ${r} [`) || l === `- ${r}:` || l.startsWith(`- ${r}: `)));
}

before(async () => {
  await ensureDist();
  ({ server, origin } = await serveStatic());
  ({ context, close } = await launch({ permissions: ["clipboard-read", "clipboard-write"] }));
});

after(async () => {
  await close?.();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
});

test("the checker itself: a control without a name is reported", () => {
  const snap = '- button "Copy"\n- button\n- combobox "Language":\n- textbox [disabled]\n- heading "x" [level=2]';
  assert.deepEqual(unnamed(snap), ["- button", "- textbox [disabled]"]);
});

test("every control has a name, a live status line counts the findings, each finding is a heading", async () => {
  const page = await context.newPage();
  await page.goto(origin + "/", { waitUntil: "load" });
  const box = page.locator("textarea#paste");
  await box.waitFor({ timeout: TIMEOUT_MS });
  await box.fill(SETTINGS);
  await page.locator("#corrected").waitFor({ timeout: TIMEOUT_MS });
  const card = page.locator("#results article.diagnosis").first();
  await card.locator(".explanation").filter({ hasText: /\S/ }).waitFor({ timeout: TIMEOUT_MS });

  const snapshot = await page.locator("body").ariaSnapshot();
  assert.deepEqual(unnamed(snapshot), [], `controls without a name in:\n${snapshot}`);
  assert.match(snapshot, /- textbox "[^"]+"/, "the paste box is named");
  assert.match(snapshot, /- heading "[^"]*base URL[^"]*" \[level=2\]/i, "the finding's title is a heading");

  // A screen reader hears the outcome, not every card at every keystroke: a polite status line
  // says how many findings there are, and follows the paste.
  const status = page.locator('#status[role="status"][aria-live="polite"]');
  const cards = await page.locator("#results article.diagnosis").count();
  assert.ok(cards >= 1);
  assert.match((await status.textContent()).trim(), new RegExp(`^${cards} finding`));
  await page.locator("textarea#paste").fill("2026-12-05 INFO all requests returned 200");
  await page.waitForFunction(() => !document.querySelector("#results article.diagnosis"), null, { timeout: TIMEOUT_MS });
  assert.match((await status.textContent()).trim(), /^no /i, "the status line follows the paste");
  await page.close();
});

test("by keyboard alone: Tab to the paste box, paste, reach and use Copy; focus is always visible", async () => {
  const page = await context.newPage();
  await page.goto(origin + "/", { waitUntil: "load" });
  await page.locator("textarea#paste").waitFor({ timeout: TIMEOUT_MS });

  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const s = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return {
        id: el.id,
        tag: el.tagName.toLowerCase(),
        cls: el.className,
        text: (el.textContent ?? "").trim().slice(0, 40),
        // WCAG 2.4.7: something shows where focus is (outline or ring).
        visible: r.width > 0 && r.height > 0,
        indicated: (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== "none",
      };
    });

  let stop = null;
  for (let i = 0; i < 20 && stop?.id !== "paste"; i++) {
    await page.keyboard.press("Tab");
    stop = await focused();
    if (stop) {
      assert.ok(stop.visible, `focus on an invisible element: ${JSON.stringify(stop)}`);
      assert.ok(stop.indicated, `no focus indicator on ${JSON.stringify(stop)}`);
    }
  }
  assert.equal(stop?.id, "paste", "Tab never reached the paste box");
  await page.keyboard.insertText(SETTINGS); // what a paste from the keyboard does
  await page.locator("#corrected").waitFor({ timeout: TIMEOUT_MS });

  // Tab on through the results to the corrected config's Copy button; Enter copies it.
  const seen = [];
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press("Tab");
    stop = await focused();
    if (!stop) continue;
    seen.push(`${stop.tag}.${stop.cls}`);
    assert.ok(stop.visible, `focus on an invisible element: ${JSON.stringify(stop)}`);
    assert.ok(stop.indicated, `no focus indicator on ${JSON.stringify(stop)}`);
    if (stop.tag === "button" && /(^|\s)copy(\s|$)/.test(stop.cls)) break;
  }
  assert.match(seen.at(-1) ?? "", /^button\..*\bcopy\b/, `no Copy button reached by Tab: ${seen.join(" → ")}`);
  await page.evaluate(() => navigator.clipboard.writeText(""));
  await page.keyboard.press("Enter");
  await page.waitForFunction(async () => (await navigator.clipboard.readText()) !== "", null, { timeout: TIMEOUT_MS });
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /apps\/anthropic/, "the corrected config was copied");
  assert.ok(!copied.includes(KEY.slice(6, 20)), "Copy is masked");
  await page.close();
});

test("<html lang> follows the language switch (screen readers pick their voice from it)", async () => {
  const page = await context.newPage();
  await page.goto(origin + "/", { waitUntil: "load" });
  const select = page.locator("select#lang");
  await select.waitFor({ timeout: TIMEOUT_MS });
  assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
  await select.focus();
  await select.selectOption("zh");
  await page.waitForFunction(() => document.documentElement.lang === "zh-CN", null, { timeout: TIMEOUT_MS });
  await select.selectOption("en");
  await page.waitForFunction(() => document.documentElement.lang === "en", null, { timeout: TIMEOUT_MS });
  await page.close();
});
