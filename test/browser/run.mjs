/**
 * Browser tests. The report: builds report.html from the frozen fixture through
 * the CLI (--from), opens it from disk (file://) in Debian's chromium via
 * playwright-core, and checks: no console error, no failed or external request,
 * every figure rendered with a non-zero size. The explorer: see explorer.mjs
 * The cross-engine parity check: see parity.mjs. `--only=parity|report|explorer` runs one part. Saves screenshots to
 * test/browser/screenshots/. Prints "N passed, M failed"; exits non-zero on failure.
 * Run: npm run test:browser (needs /usr/bin/chromium: apt-get install chromium).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL, fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { checkExplorer } from "./explorer.mjs";
import { checkParity } from "./parity.mjs";

const root = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const fixture = join(root, "test/fixtures/results/small.json");
const shots = join(root, "test/browser/screenshots");
const work = mkdtempSync(join(tmpdir(), "marketfutures-browser-"));
let passed = 0;
let failed = 0;
function check(name, ok, detail = "") {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? "ok  " : "FAIL"} ${name}${detail ? `: ${detail}` : ""}`);
}

async function checkLang(browser, lang) {
  const out = join(work, `report-${lang}`);
  execFileSync(process.execPath, ["--import", "tsx", join(root, "bin/marketfutures.ts"), "report", "--from", fixture, "--out", out, "--lang", lang], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors = [];
  const external = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("requestfailed", (r) => errors.push(`request failed: ${r.url()}`));
  page.on("request", (r) => !r.url().startsWith("file:") && !r.url().startsWith("data:") && external.push(r.url()));
  await page.goto(pathToFileURL(join(out, "report.html")).href, { waitUntil: "load" });
  await page.evaluate(() => document.fonts.ready);
  const sizes = await page.$$eval("figure > svg", (svgs) =>
    svgs.map((s) => {
      const r = s.getBoundingClientRect();
      return { id: s.closest("figure").id, w: r.width, h: r.height };
    }),
  );
  check(`${lang}: report has 10 figures`, sizes.length === 10, `found ${sizes.length}`);
  for (const s of sizes) check(`${lang}: ${s.id} rendered`, s.w > 100 && s.h > 100, `${Math.round(s.w)}x${Math.round(s.h)}`);
  const inter = await page.evaluate(() => document.fonts.check("16px Inter"));
  check(`${lang}: embedded Inter font loaded`, inter);
  check(`${lang}: no console error`, errors.length === 0, errors.join(" | "));
  check(`${lang}: no external request`, external.length === 0, external.join(" "));
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `report-${lang}-top.png`) });
  await page.locator("#fig-fan-chart-hyperscaler-hegemony").screenshot({ path: join(shots, `report-${lang}-fan-chart.png`) });
  await page.screenshot({ path: join(shots, `report-${lang}-full.png`), fullPage: true });
  await context.close();
}

// playwright's launch() gives Chromium a new empty --user-data-dir of its own (it refuses the flag in args).
let browser;
try {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  mkdirSync(shots, { recursive: true });
  console.log(`browser: ${browser.version()} (${process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"}); Node ${process.versions.node}`);
  const only = process.argv.find((a) => a.startsWith("--only="))?.slice(7);
  if (!only || only === "parity") await checkParity(browser, { root, work, check });
  if (!only || only === "report") for (const lang of ["en", "fr"]) await checkLang(browser, lang);
  if (!only || only === "explorer") await checkExplorer(browser, { root, work, shots, check });
} catch (err) {
  check("browser test ran", false, err instanceof Error ? err.message : String(err));
} finally {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
