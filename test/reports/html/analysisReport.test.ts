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
    expect(section).toContain("<h3>Sensitivity (tornado) in Hyperscaler hegemony: market share of US hyperscalers globally, 2030</h3>");
    expect(section).toContain(`<td>${analyses[0].analysis === "sensitivity" ? analyses[0].tornado!.rows[0].label : ""}</td>`);
    expect(section).toContain("Suggested box: coverage");
    // the blend's figure states its weights as the user's assumption, in the report's language
    expect(section).toMatch(/Blend with weights Hyperscaler hegemony 50%, Regulated multipolarity 30%, [^(]* 20% \(the user's assumption\)/);
    expect(section).toContain("The weights (Hyperscaler hegemony 50%, Regulated multipolarity 30%,");
    expect(section).toContain('aria-labelledby="analysis-1-tornado-title analysis-1-tornado-desc"');
    expect(section).toContain('id="analysis-1-tornado-title"');
    // In French, the section's headings, tables and run lines are French too.
    const outFr = join(tmp, "fr");
    await buildReport(loadFixture(), {
      out: outFr,
      lang: "fr",
      png: false,
      force: false,
      command: "test",
      version: "0.0.0",
      analyses,
      blendWeights: [0.5, 0.3, 0.2],
    });
    const htmlFr = readFileSync(join(outFr, "report.html"), "utf8");
    const sectionFr = htmlFr.slice(htmlFr.indexOf('<section id="analysis">'), htmlFr.indexOf('<section id="method">'));
    expect(sectionFr).toContain("<h3>Sensibilité (tornade) dans Hégémonie des hyperscalers");
    expect(sectionFr).toContain("<h3>Découverte de scénarios dans Multipolarité réglementée");
    expect(sectionFr).toContain('<th scope="col">Entrée</th>');
    expect(sectionFr).toContain("<h3>Mélange des scénarios</h3>");
    for (const english of [
      "Sensitivity (",
      "Scenario discovery",
      "Median at p10",
      "Range in the box",
      "simulated paths",
      "Blend of the scenarios",
      ">Input<",
      "data (CSV)",
    ])
      expect(sectionFr).not.toContain(english);
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
