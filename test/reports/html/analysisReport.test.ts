/** report with an Analysis section: sensitivity and discovery results and a blend, from frozen files. */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UserError } from "../../../engine/diagnostics.js";
import { readAnalysis } from "../../../reports/analysis/readAnalysis.js";
import { buildReport } from "../../../reports/buildReport.js";
import { loadFixture } from "../fixture.js";

const fixture = (name: string) => `test/fixtures/results/${name}`;
const tmp = mkdtempSync(join(tmpdir(), "mf-analysis-report-"));

describe("report --analysis --blend", () => {
  it("adds an Analysis section with each result's figure, table and notes, and the blend with its weights as an assumption", async () => {
    const out = join(tmp, "a");
    const analyses = ["sensitivity-tornado.json", "discovery.json", "sensitivity-sobol.json"].map((f) => readAnalysis(fixture(f)));
    const summary = await buildReport(loadFixture(), {
      out,
      lang: "en",
      png: false,
      force: false,
      command: "test",
      version: "0.0.0",
      analyses,
      blendWeights: [0.5, 0.3, 0.2],
    });
    expect(summary.figures).toBe(10 + 4);
    const figures = readdirSync(join(out, "figures"));
    for (const name of ["analysis-1-tornado", "analysis-2-discovery-tradeoff", "analysis-3-sobol-indices", "blend-fan-chart"]) {
      expect(figures).toContain(`${name}.svg`);
      expect(figures).toContain(`${name}.csv`);
    }
    const html = readFileSync(join(out, "report.html"), "utf8");
    expect(html).toContain('<li><a href="#analysis">Analysis: what drives the results</a></li>');
    const section = html.slice(html.indexOf('<section id="analysis">'), html.indexOf('<section id="method">'));
    expect(section).toContain("<h3>Sensitivity (tornado) in Hyperscaler hegemony: US hyperscalers, global, 2030</h3>");
    expect(section).toContain(`<td>${analyses[0].analysis === "sensitivity" ? analyses[0].tornado!.rows[0].label : ""}</td>`);
    expect(section).toContain("Suggested box: coverage");
    expect(section).toContain("weights are an assumption of the user: hyperscaler_hegemony=0.5, regulated_multipolarity=0.3, paradigm_shift=0.2");
    expect(section).toContain('aria-labelledby="analysis-1-tornado-title analysis-1-tornado-desc"');
    expect(section).toContain('id="analysis-1-tornado-title"');
    // Without analyses the page has no such section (the existing report is unchanged).
    const plain = join(tmp, "b");
    await buildReport(loadFixture(), { out: plain, lang: "en", png: false, force: false, command: "test", version: "0.0.0" });
    expect(readFileSync(join(plain, "report.html"), "utf8")).not.toContain('id="analysis"');
  });

  it("refuses a file that is not an analysis result, naming it and what to give", () => {
    const bad = join(tmp, "bad.json");
    writeFileSync(bad, JSON.stringify({ analysis: "other" }));
    expect(() => readAnalysis(bad)).toThrow(UserError);
    expect(() => readAnalysis(bad)).toThrow(
      /--analysis .*bad\.json: not a marketfutures sensitivity or discovery result; give a sensitivity\.json or discovery\.json/,
    );
    expect(() => readAnalysis(join(tmp, "none.json"))).toThrow(/no such file/);
    expect(() => readAnalysis(fixture("small.json"))).toThrow(/not a marketfutures sensitivity or discovery result/);
  });
});
