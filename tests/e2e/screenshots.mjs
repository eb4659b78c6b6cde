// Screenshots of the built page for review: light and dark, English and Chinese, phone width,
// a diagnosis with its corrected config, the rules index. `node tests/e2e/screenshots.mjs [dir]`
// (default /tmp/llmdoctor-shots). Chinese needs a CJK font (Debian: fonts-noto-cjk).

import fs from "node:fs/promises";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { serveStatic, launch } from "./lib.mjs";

// Without a CJK font the Chinese shots show boxes (tofu): say so instead of producing them silently.
let cjk = "";
try {
  cjk = execFileSync("fc-list", [":lang=zh", "family"], { encoding: "utf8" }).trim();
} catch {}
if (!cjk) console.warn("screenshots: no CJK font (fc-list :lang=zh is empty): the zh shots will show boxes; install fonts-noto-cjk");

const out = process.argv[2] ?? "/tmp/llmdoctor-shots";
await fs.mkdir(out, { recursive: true });
const { server, origin } = await serveStatic();

const shots = [
  { name: "en-light", lang: "en", scheme: "light", width: 1280, url: "/?tool=claude-code" },
  { name: "en-dark", lang: "en", scheme: "dark", width: 1280, url: "/?tool=claude-code" },
  { name: "zh-light", lang: "zh", scheme: "light", width: 1280, url: "/?tool=coding-plan-week-quota" },
  { name: "zh-dark", lang: "zh", scheme: "dark", width: 1280, url: "/?tool=qwen-code" },
  { name: "phone-en", lang: "en", scheme: "light", width: 390, url: "/?tool=claude-code" },
  { name: "phone-zh-dark", lang: "zh", scheme: "dark", width: 390, url: "/?tool=openai-python" },
  { name: "rules-en", lang: "en", scheme: "light", width: 1280, url: "/#/rules" },
  { name: "embed-example", lang: "en", scheme: "light", width: 1100, url: "/embed-example.html" },
];

for (const s of shots) {
  const { context, close } = await launch({
    locale: s.lang === "zh" ? "zh-CN" : "en-US",
    colorScheme: s.scheme,
    viewport: { width: s.width, height: s.width < 500 ? 844 : 900 },
  });
  const page = await context.newPage();
  await page.goto(origin + s.url, { waitUntil: "load" });
  await page.waitForTimeout(1200);
  const file = path.join(out, `${s.name}.png`);
  await page.screenshot({ path: file, fullPage: s.width < 500 ? false : true });
  console.log(file);
  await close();
}
server.close();
