/**
 * Every output reads its numbers from the same results, and none claims more
 * than they hold (engine/format/index.ts). On the frozen results
 * (test/fixtures/results/small.json), this reads back what a reader sees —
 * the report's HTML tables, every figure's texts (en and fr) and CSVs, the
 * CLI tables of run, compare and blend, the explorer's tables — and checks
 * each printed number against results.json at its printed precision:
 * - specific numbers (each key number, claim probability, standard error,
 *   blend median) against the statistic they stand for;
 * - every other number of a figure or a CLI table against the set of values
 *   in the results (a printed number must be one of them, rounded as printed);
 * - a probability prints 100% or 0% only when it is exactly 1 or 0, and a
 *   standard error never prints as zero.
 */
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { blendResults, formatBlend } from "../../engine/analysis/blend.js";
import { compareResults, formatComparison } from "../../engine/analysis/compare.js";
import { blendCsv } from "../../engine/analysis/compareCsv.js";
import type { Results } from "../../engine/results/types.js";
import { formatRunSummary } from "../../bin/commands/run.js";
import { keyNumbersTable, targetsTable as explorerTargets } from "../../reports/explorer/page/results.js";
import { reportPage } from "../../reports/html/page.js";
import { loadFixture, renderAll } from "../reports/fixture.js";
import { matches, numbersIn, type Printed } from "./printedNumbers.js";

const results: Results = loadFixture();
const WEIGHTS = [0.5, 0.3, 0.2];
const blend = blendResults(results, WEIGHTS);
const comparison = compareResults(results);

/** Every value the results hold, in printed units: shares, probabilities and differences in percent; sizes, HHI and counts as they are. */
function truths(): { percent: number[]; plain: number[] } {
  const percent: number[] = [];
  const plain: number[] = [];
  for (const s of results.scenarios) {
    for (const series of s.series)
      for (const st of series.stats) {
        const v = [st.p5, st.p25, st.p50, st.p75, st.p95, st.mean, st.sd, st.se];
        if (series.unit === "share") percent.push(...v.map((x) => x * 100));
        else plain.push(...v);
      }
    for (const t of s.targets) percent.push(t.probability * 100, t.probabilitySe * 100, t.achieved * 100, t.achievedSe * 100, t.value * 100);
    for (const e of s.events ?? []) if (e.probability !== undefined) percent.push(e.probability * 100, (1 - e.probability) * 100);
    // the distribution figure's humps: bin centres of the end-year histograms, and shares of paths
    for (const series of s.series) {
      const { edges, counts } = series.histogram;
      const total = counts.reduce((a, b) => a + b, 0);
      edges.slice(1).forEach((e, i) => percent.push(((edges[i] + e) / 2) * 100));
      let acc = 0;
      for (const c of counts) percent.push(((acc += c) / total) * 100, 100 - (acc / total) * 100);
    }
  }
  for (const r of blend.rows) {
    for (const b of r.bands) percent.push(...[b.p5, b.p25, b.p50, b.p75, b.p95].map((x) => x * 100));
    for (const y of r.years) percent.push(y.mean * 100, y.sd * 100);
  }
  for (const w of WEIGHTS) percent.push(w * 100);
  for (const r of comparison.rows)
    for (const c of r.cells) {
      if (!c) continue;
      const k = r.unit === "share" ? 100 : 1;
      (r.unit === "share" ? percent : plain).push(c.median * k, c.mean * k, c.se * k);
      if (c.diff) (r.unit === "share" ? percent : plain).push(c.diff.value * k, c.diff.se * k, 1.96 * c.diff.se * k);
    }
  // counts, seeds, years and the fixed words of notes and legends: percentile names, band widths, thresholds
  plain.push(results.manifest.paths, Number(results.manifest.seed), ...results.scenarios[0].years, 2, 3, 4, 5, 10, 25, 50, 75, 90, 95, 100, 1000, 1800, 10000);
  percent.push(0, 5, 10, 25, 50, 75, 90, 95, 100);
  return { percent, plain };
}
const TRUTH = truths();

/** Numbers of `text` that are not any value of the results at their printed precision. */
function strangers(text: string, lang: "en" | "fr"): Printed[] {
  return numbersIn(text, lang).filter((p) => {
    const pool = p.percent ? TRUTH.percent : [...TRUTH.plain, ...TRUTH.percent];
    return !pool.some((x) => matches(p, Math.abs(x), 100) || matches(p, x, 100));
  });
}

/** A probability as printed, against its value: 100% and 0% only when exact, else a bound or a rounding. */
function checkProbability(text: string, p: number, lang: "en" | "fr"): void {
  const [printed] = numbersIn(text, lang);
  expect(printed, text).toBeDefined();
  if (printed.kind === "=" && printed.value === 100) expect(p, text).toBe(1);
  if (printed.kind === "=" && printed.value === 0) expect(p, text).toBe(0);
  expect(matches(printed, p * 100, 100), `${text} for ${p}`).toBe(true);
}

/** "x ± y": both numbers against the estimate and its standard error; the error never prints as zero. */
function checkWithSe(text: string, x: number, se: number, lang: "en" | "fr", isProbability: boolean): void {
  const [est, err] = text.split(" ± ");
  if (isProbability) checkProbability(est, x, lang);
  else expect(matches(numbersIn(est, lang)[0], x * 100), `${text} for ${x}`).toBe(true);
  if (se === 0) return expect(err, text).toBeUndefined();
  const e = numbersIn(err, lang)[0];
  expect(e.value, `${text}: a standard error printed as 0`).toBeGreaterThan(0);
  expect(matches(e, se * 100), `${text}: se ${se}`).toBe(true);
  // the digits follow the error: estimate and error at the same decimals, the error with one significant digit
  // (1 to 10 units of its last digit: 0.96 prints "1", at 0 decimals)
  const d = numbersIn(est, lang)[0].decimals;
  expect(d, `${text}: the estimate's digits are not the error's`).toBe(e.decimals);
  const units = e.value * Math.pow(10, d);
  expect(units >= 1 && units <= 35.5, `${text}: the error has more digits than the PDG rule gives`).toBe(true);
}

const dom = (html: string) => new JSDOM(html).window.document;

describe("report.html", () => {
  for (const lang of ["en", "fr"] as const) {
    const doc = dom(reportPage(results, { lang, figures: [], command: "marketfutures report --from small.json", version: "0.1.0" }));

    it(`${lang}: each key number is its statistic at the printed precision`, () => {
      const rows = [...doc.querySelectorAll("#key-numbers table")[0].querySelectorAll("tbody tr")];
      expect(rows.length).toBeGreaterThanOrEqual(7);
      let checked = 0;
      for (const [i, row] of rows.entries()) {
        const cells = [...row.querySelectorAll("td")];
        cells.forEach((td, k) => {
          const s = results.scenarios[k];
          const entity = i < rows.length - 2 ? s.presentation.keyGroups[i] : i === rows.length - 2 ? "market_size" : "hhi";
          const series = s.series.find((x) => x.view === "global" && x.entity === entity)!;
          const st = series.stats.at(-1)!;
          const [med, lo, hi] = numbersIn(td.textContent ?? "", lang);
          const k100 = series.unit === "share" ? 100 : 1;
          for (const [p, v] of [
            [med, st.p50],
            [lo, st.p5],
            [hi, st.p95],
          ] as const)
            expect(matches(p, v * k100), `${entity} ${s.id}: ${p.text} for ${v}`).toBe(true);
          checked++;
        });
      }
      expect(checked).toBe(rows.length * results.scenarios.length);
    });

    it(`${lang}: each claim's probability and statistic, with their standard errors, in the key numbers and the stories`, () => {
      const targets = results.scenarios.flatMap((s) => s.targets);
      const keyRows = [...doc.querySelectorAll("#key-numbers table")[1].querySelectorAll("tbody tr")];
      const storyRows = [...doc.querySelectorAll("#scenarios article table")]
        .filter((t) => t.querySelectorAll("tbody tr").length && t.textContent?.includes("±"))
        .flatMap((t) => [...t.querySelectorAll("tbody tr")]);
      expect(keyRows.length).toBe(targets.length);
      expect(storyRows.length).toBe(targets.length);
      for (const rows of [keyRows, storyRows])
        rows.forEach((row, k) => {
          const [prob, achieved] = [...row.querySelectorAll("td.num")].map((td) => td.textContent ?? "");
          const t = targets[k];
          checkWithSe(prob, t.probability, t.probabilitySe, lang, true);
          checkWithSe(achieved, t.achieved, t.achievedSe, lang, false);
        });
    });

    it(`${lang}: the events' probabilities in the stories are the files' probabilities`, () => {
      for (const s of results.scenarios) {
        const article = doc.querySelector(`#scenario-${s.id}`)!;
        const cells = [...(article.querySelectorAll("table")[0]?.querySelectorAll("tbody tr td:nth-child(2)") ?? [])].map((td) => td.textContent ?? "");
        for (const text of cells) {
          const [p] = numbersIn(text, lang);
          if (!p.percent) continue; // a shock's yearly rate
          expect(
            s.events!.some((e) => e.probability !== undefined && matches(p, e.probability * 100)),
            `${s.id}: ${text}`,
          ).toBe(true);
        }
      }
    });
  }
});

describe("figures", () => {
  for (const lang of ["en", "fr"] as const) {
    it(`${lang}: every number a figure prints (title, labels, values; not its axis ticks and notes) is a value of the results`, async () => {
      const rendered = await renderAll(lang, results);
      for (const { figure, svg } of rendered) {
        const doc = new JSDOM(svg, { contentType: "image/svg+xml" }).window.document;
        doc.querySelectorAll('[aria-label$="tick label"], text[fill="#767676"], desc').forEach((e) => e.remove());
        const text = [...doc.querySelectorAll("text, title")].map((e) => e.textContent ?? "").join("\n");
        expect(strangers(text, lang), `${figure.name} (${lang})`).toEqual([]);
      }
    });
  }

  it("the fan charts' CSVs hold the results' quantiles exactly", async () => {
    const rendered = await renderAll("en", results);
    for (const { figure } of rendered.filter((r) => r.figure.name.startsWith("fan-chart"))) {
      const [head, ...lines] = figure.csv.trim().split("\n");
      const cols = head.split(",");
      for (const line of lines) {
        const row = Object.fromEntries(line.split(",").map((v, i) => [cols[i], v]));
        const s = results.scenarios.find((x) => x.id === row.scenario)!;
        const st = s.series.find((x) => x.view === row.view && x.entity === row.group)!.stats[s.years.indexOf(Number(row.year))];
        for (const q of ["p5", "p25", "p50", "p75", "p95"] as const) expect(Number(row[q]), `${figure.name} ${line}`).toBe(st[q]);
      }
    }
  });

  it("the targets figure prints each probability as the claims table does, and 100% only for a claim met on every path", async () => {
    const [targets] = (await renderAll("en", results)).filter((r) => r.figure.name === "targets");
    const doc = new JSDOM(targets.svg, { contentType: "image/svg+xml" }).window.document;
    doc.querySelectorAll('[aria-label$="tick label"]').forEach((e) => e.remove());
    const text = [...doc.querySelectorAll("text, title")].map((e) => e.textContent ?? "").join("\n");
    const all = results.scenarios.flatMap((s) => s.targets);
    for (const t of all)
      expect(
        numbersIn(text, "en").some((p) => p.percent && matches(p, t.probability * 100, 100)),
        t.id,
      ).toBe(true);
    const hundreds = numbersIn(text, "en").filter((p) => p.percent && p.kind === "=" && p.value === 100);
    // the fixture's likeliest claim holds on 1,999 of 2,000 paths: "> 99.5%", never "100%"
    expect(all.some((t) => t.probability === 1)).toBe(false);
    expect(hundreds.map((p) => p.text)).toEqual([]);
  });
});

describe("CLI tables", () => {
  it("run: each claim's P ± se at the error's precision, 100% only for every path", () => {
    const text = formatRunSummary(results, ["results.json"]);
    const lines = text.split("\n").filter((l) => l.includes("P = "));
    const targets = results.scenarios.flatMap((s) => s.targets);
    expect(lines.length).toBe(targets.length);
    lines.forEach((l, k) => checkWithSe(/P = (.*?%(?: ± [\d.]+%)?)/.exec(l)![1], targets[k].probability, targets[k].probabilitySe, "en", true));
  });

  it("compare: every number is a value of the results, differences of shares in pp", () => {
    const text = formatComparison(comparison);
    const table = text.split("\n").slice(4).join("\n");
    expect(strangers(table, "en")).toEqual([]);
    expect(text).toMatch(/[+−]\d+\.\d+ ± \d+\.\d+ pp/);
    expect(text).not.toMatch(/[+−-]\d+\.\d+% ±/); // no difference of shares in percent
  });

  it("blend: the end-year median of the table is the one of blend.csv and of the fan chart", async () => {
    const table = formatBlend(blend);
    const csv = blendCsv(blend).trim().split("\n");
    const cols = csv[0].split(",");
    for (const r of blend.rows) {
      const line = table.split("\n").find((l) => l.startsWith(`${r.view}`) && l.includes(` ${r.entity} `) && l.includes(` ${blend.endYear} `))!;
      const printed = numbersIn(line, "en").filter((p) => p.percent);
      const p50 = printed[printed.length - 2]; // mean, sd, p5, p50, p95
      const row = csv.find((l) => l.startsWith(`${r.view},${r.entity},${blend.endYear},`))!.split(",");
      const csvP50 = Number(row[cols.indexOf("p50")]);
      expect(matches(p50, csvP50 * 100), `${r.entity}: table ${p50.text}, csv ${csvP50}`).toBe(true);
      expect(csvP50).toBe(r.end!.p50); // one value, not two approximations
    }
  });
});

describe("explorer tables", () => {
  it("key numbers and claims: each value as in the results, probabilities never rounded to 100%", () => {
    // the page's helpers build elements on the global document, as in the browser
    (globalThis as { document?: Document }).document = new JSDOM("<!DOCTYPE html><body></body>").window.document;
    const s = results.scenarios[0];
    const key = keyNumbersTable(results, s);
    for (const d of key.querySelectorAll("data")) {
      const value = Number(d.getAttribute("value"));
      expect(matches(numbersIn(d.textContent ?? "", "en")[0], value * 100), d.textContent ?? "").toBe(true);
    }
    for (const scenario of results.scenarios) {
      const table = explorerTargets(scenario);
      scenario.targets.forEach((t) => {
        const cell = table.querySelector(`data[data-target="${t.id}"]`)!.parentElement!.textContent ?? "";
        checkWithSe(cell.replace(" ± ", "% ± ").replace(/%%/, "%") + (cell.includes("±") ? "%" : ""), t.probability, t.probabilitySe, "en", true);
      });
    }
  });
});
