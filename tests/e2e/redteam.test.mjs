// The red-team suite in the page (issue #11): fresh keys of every kind the catalog knows, in
// every context of fuzz/src/pastes.rs (config syntaxes, code, headers, log wrappings, invisible
// characters, interrupted, split, truncated and escaped keys, keys in the wrong field), pasted
// into the page. For each case, what the page shows and hands out may hold neither the key nor
// any 8 characters in a row of its hidden middle:
// - the results as rendered (text of every card, facts, corrected panel, in the text view and
//   in the diff view; attributes too: the section's HTML);
// - what every "Copy" button puts on the clipboard (the masked copies; "Copy with my key" is
//   the one reveal path and is not clicked);
// - the support bundle on the clipboard;
// - the share link, and the paste it carries once decoded.
// Failures are collected and reported together.
//
// The cases come from `cargo run -p llmdoctor-core --example redteam_cases` (fixed seed: the
// same on every run), or from the JSON file named by LLMDOCTOR_REDTEAM_CASES.
//
// Run: `node --test redteam.test.mjs` in tests/e2e. Env: LLMDOCTOR_DIST, CHROMIUM (lib.mjs).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";
import { serveStatic, launch, foreignRequests, ensureDist, TIMEOUT_MS } from "./lib.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

function loadCases() {
  const file = process.env.LLMDOCTOR_REDTEAM_CASES;
  const json = file
    ? fs.readFileSync(file, "utf8")
    : execFileSync("cargo", ["run", "-q", "-p", "llmdoctor-core", "--example", "redteam_cases"], {
        cwd: root,
        encoding: "utf8",
        maxBuffer: 64 << 20,
      });
  return JSON.parse(json);
}

/** Where in `text` the case's key or a window of it shows, as an excerpt; or null. */
export function leak(c, text) {
  const lower = text.toLowerCase();
  for (const needle of [c.key.toLowerCase(), ...c.windows]) {
    const i = lower.indexOf(needle);
    if (i >= 0) return JSON.stringify(text.slice(Math.max(0, i - 40), i + needle.length + 40));
  }
  return null;
}

let server;
let origin;
let context;
let close;
let cases;
const requests = [];
const pageErrors = [];

before(async () => {
  cases = loadCases();
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

test("the checker itself: a key, a window of one, in any case, is found; other text is not", () => {
  const c = { key: "sk-abcdEFGH12345678wxyz", windows: ["efgh1234", "gh123456"] };
  assert.ok(leak(c, "x sk-abcdEFGH12345678wxyz y"));
  assert.ok(leak(c, "…EFGH1234…"));
  assert.equal(leak(c, "sk-…wxyz and sk-abcd"), null);
});

/** Clears the clipboard, clicks, and reads what arrives (empty after the timeout: a failure). */
async function clickAndRead(page, locator) {
  await page.evaluate(() => navigator.clipboard.writeText(""));
  await locator.click();
  await page
    .waitForFunction(async () => (await navigator.clipboard.readText()) !== "", null, { timeout: TIMEOUT_MS })
    .catch(() => {});
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Pastes `text` and waits for the page to have diagnosed it. */
async function diagnose(page, text) {
  const box = page.locator("textarea#paste");
  await box.fill("");
  await page.waitForFunction(() => document.querySelector("#results")?.dataset.state === "empty", null, {
    timeout: TIMEOUT_MS,
  });
  await box.fill(text);
  await page.waitForFunction(
    () => {
      const r = document.querySelector("#results");
      return r && r.dataset.state !== "empty" && r.getAttribute("aria-busy") === "false";
    },
    null,
    { timeout: TIMEOUT_MS },
  );
}

/** Everything the results section renders: its text (closed panels too) and its HTML. */
const rendered = (page) =>
  page.evaluate(() => {
    const r = document.querySelector("#results");
    return r ? r.textContent + "\n" + r.outerHTML : "";
  });

test("no key nor 8 characters of one reach the page's text, copies, bundle or share link", async () => {
  assert.ok(cases.length >= 60, `${cases.length} cases`);
  const kinds = new Set(cases.map((c) => c.kind));
  const contexts = new Set(cases.map((c) => c.context));
  assert.ok(kinds.size >= 20 && contexts.size >= 40, `${kinds.size} kinds, ${contexts.size} contexts`);

  const page = await context.newPage();
  await page.goto(origin + "/", { waitUntil: "load", timeout: TIMEOUT_MS });
  await page.locator("textarea#paste").waitFor({ state: "visible", timeout: TIMEOUT_MS });

  const failures = [];
  const counts = { cases: 0, copies: 0, bundles: 0, shares: 0, diffs: 0 };
  for (const c of cases) {
    const what = `${c.kind} in ${c.context}`;
    const check = (output, text) => {
      const at = leak(c, text);
      if (at) failures.push(`${what}: ${output}: ${at}`);
    };
    await diagnose(page, c.paste);
    counts.cases++;
    check("results", await rendered(page));

    const diff = page.locator("#results button.view-diff");
    if ((await diff.count()) > 0) {
      await diff.first().click();
      check("diff view", await rendered(page));
      await page.locator("#results button.view-text").first().click();
      counts.diffs++;
    }
    // Closed panels too (a card's other retry snippets): their copy buttons copy text as well.
    await page.evaluate(() => document.querySelectorAll("#results details").forEach((d) => (d.open = true)));
    const copies = page.locator("#results button.copy");
    for (let i = 0; i < (await copies.count()); i++) {
      check(`copy button ${i}`, await clickAndRead(page, copies.nth(i)));
      counts.copies++;
    }
    const bundle = page.locator("#results button.bundle");
    if ((await bundle.count()) > 0) {
      const text = await clickAndRead(page, bundle.first());
      if (!text) failures.push(`${what}: the support bundle reached no clipboard`);
      check("support bundle", text);
      counts.bundles++;
    }
    const share = page.locator("#results button.share-button");
    if ((await share.count()) > 0) {
      const link = await clickAndRead(page, share.first());
      check("share link", link);
      check("share link shown", await page.locator("input#share-link").inputValue().catch(() => ""));
      const data = link.includes("#/s/") ? link.slice(link.indexOf("#/s/") + 4) : "";
      let carried = "";
      try {
        carried = zlib.inflateRawSync(Buffer.from(data, "base64url")).toString("utf8");
      } catch (e) {
        failures.push(`${what}: the share link does not decode (${e.message})`);
      }
      check("shared paste", carried);
      counts.shares++;
    }
  }
  await page.close();
  console.log(
    `red-team in the page: ${counts.cases} cases (${kinds.size} kinds, ${contexts.size} contexts), ` +
      `${counts.copies} copies, ${counts.diffs} diff views, ${counts.bundles} bundles, ${counts.shares} share links`,
  );
  assert.ok(counts.bundles >= cases.length / 2 && counts.shares >= cases.length / 2, JSON.stringify(counts));
  assert.deepEqual(failures, [], `${failures.length} leaks:\n${failures.join("\n")}`);
});

test("no request left the page's own origin, and the page threw nothing", () => {
  assert.ok(requests.length > 0);
  assert.deepEqual(foreignRequests(requests, origin), []);
  assert.deepEqual(pageErrors, []);
});
