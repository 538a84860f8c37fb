/**
 * Browser test of the explorer (issue 6), called by run.mjs. Bundles the page
 * as `npm run build` does (reports/explorer/build/bundle.ts) into a temporary
 * folder, serves it with our static server (build/serve.ts), and checks in
 * Debian's chromium:
 * - the page loads and draws its figures, with no console error or failed request;
 * - moving a slider by keyboard changes the number field, the URL, the key
 *   numbers and the fan chart;
 * - the downloaded edited scenario validates with the CLI, and the page's
 *   summary CSV equals `marketfutures run EDITED --paths N --seed S`'s
 *   summary.csv byte for byte (both run live), as does a number shown;
 * - the URL reproduces the view in a new page;
 * - an impossible value and an invalid uploaded file show, next to their
 *   fields, exactly the messages `marketfutures validate` prints;
 * - cancel stops a long run; a 390 px wide phone viewport has no sideways scroll.
 * Screenshots go to test/browser/screenshots/explorer-*.png.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { serve } from "./serve.mjs";

const PATHS = 3000;
/** tsx, resolved from this repository (the CLI runs in temporary folders, where a bare `--import tsx` finds nothing) */
const TSX = import.meta.resolve("tsx");
const SEED = "7";

/** Run the CLI from source (tsx) in `cwd`; stdout, stderr and exit code. */
function cli(root, cwd, args) {
  const r = spawnSync(process.execPath, ["--import", TSX, join(root, "bin/marketfutures.ts"), ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A folder holding copies of the shipped scenarios, where edited and uploaded files are checked as the page reads them. */
function scenariosCopy(root, work, name) {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(join(root, "scenarios"))) if (f.endsWith(".json")) copyFileSync(join(root, "scenarios", f), join(dir, f));
  return dir;
}

/** Wait until the page has finished `runs` runs of the edited scenario and is idle. */
async function settled(page, runs) {
  try {
    await page.waitForFunction((n) => Number(document.body.dataset.runs ?? 0) >= n && document.body.dataset.running === "false", runs, { timeout: 180_000 });
  } catch (err) {
    const state = await page.evaluate(
      () => `runs ${document.body.dataset.runs}, running ${document.body.dataset.running}, status "${document.getElementById("status")?.textContent}"`,
    );
    throw new Error(`waiting for run ${runs}: ${state}: ${err.message.split("\n")[0]}`, { cause: err });
  }
}

function watch(page) {
  const problems = [];
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  page.on("pageerror", (e) => problems.push(String(e)));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
  page.on(
    "request",
    (r) =>
      !r.url().startsWith("http://localhost:") && !r.url().startsWith("blob:") && !r.url().startsWith("data:") && problems.push(`external request: ${r.url()}`),
  );
  return problems;
}

async function downloadText(page, buttonId) {
  const [dl] = await Promise.all([page.waitForEvent("download"), page.click(`#${buttonId}`)]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), text: readFileSync(path, "utf8") };
}

/** Distance in units in the last place between two doubles of the same sign. */
function ulps(a, b) {
  const f = new Float64Array([a, b]);
  const i = new BigInt64Array(f.buffer);
  return Number(i[0] > i[1] ? i[0] - i[1] : i[1] - i[0]);
}

/**
 * Lines of two CSV texts that differ: [{line, page, cli, ulps}]; a difference
 * in anything but the last field (the value) counts as Infinity ulps.
 */
function csvDifferences(page, cli) {
  const a = page.split("\n");
  const b = cli.split("\n");
  if (a.length !== b.length) return [{ line: `${a.length} vs ${b.length} lines`, ulps: Infinity }];
  const out = [];
  a.forEach((line, k) => {
    if (line === b[k]) return;
    const cut = line.lastIndexOf(",");
    const same = line.slice(0, cut) === b[k].slice(0, b[k].lastIndexOf(","));
    out.push({ line, cli: b[k], ulps: same ? ulps(Number(line.slice(cut + 1)), Number(b[k].slice(b[k].lastIndexOf(",") + 1))) : Infinity });
  });
  return out;
}

const keyNumber = (page, series) => page.getAttribute(`data[data-series="${series}"]`, "value");

export async function checkExplorer(browser, { root, work, shots, check }) {
  const out = join(work, "explorer");
  execFileSync(process.execPath, ["--import", "tsx", join(root, "reports/explorer/build/bundle.ts"), out], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
  });
  const server = await serve(root, out);
  try {
    // ---- laptop: load, slider by keyboard, downloads, CLI equality ----
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, acceptDownloads: true });
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(`${server.url}#scenario=paradigm-shift&seed=${SEED}&paths=${PATHS}`);
    await settled(page, 1);
    const timing = await page.evaluate(() => ({ chart: Number(document.body.dataset.firstChartMs), app: Number(document.body.dataset.appStartMs) }));
    check(
      "explorer: first fan chart drawn",
      timing.chart > 0,
      `${timing.chart} ms after navigation started (page code and scenarios loaded at ${timing.app} ms), ${PATHS} paths`,
    );
    check("explorer: fan chart, targets and comparison figures drawn", (await page.locator("figure.figure > svg").count()) === 3);
    await page.waitForFunction(() => /on \d+ workers?\.$/.test(document.getElementById("status")?.textContent ?? ""), null, { timeout: 180_000 });
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: join(shots, "explorer-laptop.png") });

    // keyboard: Tab reaches the skip link, then the scenario picker, each with a visible focus ring
    const focused = async () =>
      page.evaluate(() => {
        const e = document.activeElement;
        const st = getComputedStyle(e);
        return { id: e.id || e.className, outline: st.outlineStyle !== "none" && parseFloat(st.outlineWidth) >= 2 };
      });
    await page.keyboard.press("Tab");
    const first = await focused();
    await page.keyboard.press("Tab");
    const second = await focused();
    check(
      "explorer: Tab goes to the skip link, then the scenario picker, focus visible",
      first.id === "skip" && second.id === "scenario" && first.outline && second.outline,
      JSON.stringify([first, second]),
    );

    const series = "global/telco_edge/2030/p50";
    const before = await keyNumber(page, series);
    const fanBefore = await page.textContent("#fig-fan svg");
    const slider = page.locator("#in-prob-edge_breakthrough-range");
    await slider.focus();
    for (let i = 0; i < 30; i++) await page.keyboard.press("ArrowRight");
    await settled(page, 2);
    const moved = await page.inputValue("#in-prob-edge_breakthrough");
    check("explorer: arrow keys move the slider and its number field", moved === "0.9", `value ${moved}`);
    check("explorer: the URL records the change", page.url().includes("prob-edge_breakthrough=0.9"), page.url());
    const after = await keyNumber(page, series);
    check("explorer: the key number changes", after !== null && after !== before, `${before} -> ${after}`);
    check("explorer: the fan chart changes", (await page.textContent("#fig-fan svg")) !== fanBefore);
    await page.waitForFunction(() => /on \d+ workers?\.$/.test(document.getElementById("status")?.textContent ?? ""), null, { timeout: 180_000 });
    await page.locator("#row-prob-edge_breakthrough").scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, "explorer-slider-moved.png") });

    const scenario = await downloadText(page, "download-scenario");
    const csv = await downloadText(page, "download-csv");
    const fanSvg = await downloadText(page, "download-fan");
    check(
      "explorer: figure downloads as an SVG file",
      fanSvg.name === "fan-chart-paradigm-shift.svg" && fanSvg.text.startsWith("<?xml") && fanSvg.text.includes('xmlns="http://www.w3.org/2000/svg"'),
      fanSvg.name,
    );
    const dir = scenariosCopy(root, work, "edited");
    writeFileSync(join(dir, scenario.name), scenario.text);
    const valid = cli(root, dir, ["validate", scenario.name]);
    check("explorer: the downloaded scenario validates with the CLI", valid.code === 0, `${scenario.name}: ${valid.stderr.trim()}`);
    const run = cli(root, dir, ["run", scenario.name, "--paths", String(PATHS), "--seed", SEED, "--threads", "1", "--out", "cli-out", "--quiet"]);
    const cliCsv = run.code === 0 ? readFileSync(join(dir, "cli-out/summary.csv"), "utf8") : "";
    if (process.env.EXPLORER_KEEP) {
      writeFileSync(join(process.env.EXPLORER_KEEP, "page-summary.csv"), csv.text);
      writeFileSync(join(process.env.EXPLORER_KEEP, "cli-summary.csv"), cliCsv);
    }
    const differences = cliCsv === "" ? [{ line: `CLI failed: ${run.stderr}`, ulps: Infinity }] : csvDifferences(csv.text, cliCsv);
    check(
      "explorer: the page's summary CSV equals the CLI's summary.csv byte for byte",
      cliCsv !== "" && csv.text === cliCsv,
      `${csv.text.length} and ${cliCsv.length} bytes; first difference: ${differences[0] ? `${differences[0].line} (page) vs ${differences[0].cli} (CLI), ${differences[0].ulps} ulp(s)` : "none"}`,
    );
    const row = cliCsv.split("\n").find((l) => l.startsWith("paradigm_shift,global,telco_edge,group,2030,p50,"));
    check("explorer: a number on the page equals the CLI's", row !== undefined && row.endsWith(`,${after}`), `page ${after}, CLI ${row}`);

    // ---- the URL reproduces the view ----
    const again = await context.newPage();
    const againProblems = watch(again);
    await again.goto(page.url());
    await settled(again, 1);
    check("explorer: a link restores the moved input", (await again.inputValue("#in-prob-edge_breakthrough")) === "0.9");
    check("explorer: a link reproduces the numbers", (await keyNumber(again, series)) === after, `${await keyNumber(again, series)} vs ${after}`);
    check("explorer: no console error on the linked page", againProblems.length === 0, againProblems.join(" | "));
    await again.close();

    // ---- an impossible value: validate's message next to the field ----
    await page.fill("#in-prob-edge_breakthrough", "1.5");
    await page.waitForSelector("#in-prob-edge_breakthrough-errors pre.error", { timeout: 60_000 });
    const fieldText = (await page.textContent("#in-prob-edge_breakthrough-errors")).trim();
    const invalidScenario = await downloadText(page, "download-scenario");
    writeFileSync(join(dir, invalidScenario.name), invalidScenario.text);
    const v = cli(root, dir, ["validate", invalidScenario.name]);
    const cliLines = v.stderr.trim().split("\n").slice(0, -1).join("\n");
    check(
      "explorer: an impossible value shows validate's message next to its field",
      v.code === 1 && fieldText === cliLines && fieldText.includes("a probability must be in [0, 1]"),
      `page: ${fieldText}\nCLI: ${cliLines}`,
    );
    check("explorer: the field is marked invalid", (await page.getAttribute("#in-prob-edge_breakthrough", "aria-invalid")) === "true");
    await page.locator("#row-prob-edge_breakthrough").scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, "explorer-impossible-value.png") });

    // ---- an invalid uploaded file: validate's messages next to the upload field ----
    const upload =
      '{\n  "id": "my_scenario",\n  "extends": "baseline.json",\n  "players": [\n    { "id": "aws", "volatility": { "value": 0.05, "asumption": "typo" } }\n  ]\n}\n';
    const uploadDir = scenariosCopy(root, work, "upload");
    writeFileSync(join(uploadDir, "my-scenario.json"), upload);
    await page.setInputFiles("#upload", join(uploadDir, "my-scenario.json"));
    await page.waitForSelector("#upload-errors pre", { timeout: 60_000 });
    const uploadText = (await page.$$eval("#upload-errors pre", (ps) => ps.map((p) => p.textContent))).join("\n");
    const u = cli(root, uploadDir, ["validate", "my-scenario.json"]);
    const uLines = u.stderr.trim().split("\n").slice(0, -1).join("\n");
    check(
      "explorer: an invalid upload shows validate's messages next to the upload field",
      u.code === 1 && uploadText === uLines && uploadText.includes('unknown key "asumption"'),
      `page: ${uploadText}\nCLI: ${uLines}`,
    );
    await page.locator("#upload").scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, "explorer-invalid-upload.png") });

    // ---- a valid upload is explored ----
    // a new scenario with a colour of its own (without, validate warns that it inherits the baseline's)
    const good = upload
      .replace('"asumption"', '"assumption"')
      .replace("0.05", "0.08")
      .replace('"extends": "baseline.json",', '"extends": "baseline.json",\n  "presentation": { "color": "#E69F00", "focusGroup": "eu_providers" },');
    writeFileSync(join(uploadDir, "my-scenario.json"), good);
    const runs = Number(await page.evaluate(() => document.body.dataset.runs));
    await page.setInputFiles("#upload", join(uploadDir, "my-scenario.json"));
    await settled(page, runs + 1);
    check(
      "explorer: a valid upload is explored",
      page.url().includes("scenario=upload%3Amy-scenario.json") && (await page.textContent("#upload-errors")).trim() === "",
      page.url(),
    );

    // ---- cancel ----
    await page.selectOption("#scenario", "baseline.json");
    await settled(page, runs + 2);
    await page.fill("#paths", "400000");
    await page.waitForFunction(() => document.body.dataset.running === "true", null, { timeout: 30_000 });
    await page.click("#cancel");
    await page.waitForFunction(() => document.body.dataset.running === "false", null, { timeout: 30_000 });
    check("explorer: cancel stops a run", (await page.textContent("#status")).startsWith("Cancelled"), await page.textContent("#status"));
    check("explorer: no console error or failed request", problems.length === 0, problems.join(" | "));
    await context.close();

    // ---- phone width ----
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const p = await phone.newPage();
    const phoneProblems = watch(p);
    await p.goto(`${server.url}#scenario=regulated-multipolarity&seed=${SEED}&paths=2000`);
    await settled(p, 1);
    const widths = await p.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: window.innerWidth }));
    check("explorer: no sideways scrolling at 390 px", widths.doc <= widths.view, `page ${widths.doc} px wide, viewport ${widths.view} px`);
    const box = await p.locator("#fig-fan").boundingBox();
    const scrolls = await p.$eval("#fig-fan", (f) => f.scrollWidth > f.clientWidth);
    check(
      "explorer: at phone width the fan chart's box fits the screen and scrolls sideways inside it",
      box !== null && box.x >= 0 && box.x + box.width <= 390 && scrolls,
      JSON.stringify(box),
    );
    await p.screenshot({ path: join(shots, "explorer-phone.png") });
    await p.locator("#fig-fan").scrollIntoViewIfNeeded();
    await p.screenshot({ path: join(shots, "explorer-phone-fan.png") });
    check("explorer: no console error at phone width", phoneProblems.length === 0, phoneProblems.join(" | "));
    await phone.close();
  } finally {
    server.stop();
  }
}
